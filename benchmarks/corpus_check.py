"""Parse every file of a folder and print, per document and in total, whether its structure is plausible.

    python benchmarks/corpus_check.py ../shared/corpus/pdf/ [--baseline] [--only NAME]

Plausible (issue 8): header session, symbol and title found (and the date and agenda item for an
adopted text, A/RES/…); operative paragraphs numbered 1..n (a part "A"/"B" may restart at 1);
footnotes numbered 1..n, each with its text and each cited by a paragraph; no page furniture (job number,
bar code, page "2/5", running symbol), header text or second numbered paragraph inside a paragraph;
no preambular paragraph after an operative one. Also the reading time per page.

``--baseline`` runs the route users had before: ``pdftotext`` (plain) on the same files, its text read
by the text reader, with the same checks and its own time, in the same run.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from resdiff.errors import UserError  # noqa: E402
from resdiff.model import OPERATIVE, PREAMBULAR, Resolution  # noqa: E402

_FURNITURE_IN_TEXT = [
    re.compile(r"\b\d{2}-\d{5}\s*\(\w\)"),  # job number
    re.compile(r"\*\d{7}\*"),  # bar code
    re.compile(r"Please recycle", re.I),
    re.compile(r"(?:^|\s)\d{1,2}/\d{1,2}\s+\d{2}-\d{5}"),  # page "2/14" beside a job number
    re.compile(r"\bA/(?:RES|C\.\d)/\d+/(?:L\.)?\d+\s+[A-Z][a-z]+ of the\b"),  # running symbol + title
    re.compile(r"_{5,}"),
    re.compile(r"Distr\.: (?:General|Limited)"),
]
_SECOND_OP = re.compile(r"[;.:]\s+\d{1,3}\.\s+(?:[A-Z][a-z]+s|Also|Further)\b")


def _heading(text: str) -> bool:
    """A part or section heading ("A", "II. Implementation of …", "Annex"): shown as a paragraph of its
    own, never an error after an operative paragraph."""
    return len(text) < 200 and not re.search(r"[,;:.]$", text.rstrip())


def problems(res: Resolution) -> list[str]:
    """What makes a parsed document implausible (empty list: plausible)."""
    out: list[str] = []
    h = res.header
    for name in ("session", "symbol", "title"):
        if not getattr(h, name):
            out.append(f"no {name}")
    adopted = bool(h.symbol and "/RES/" in h.symbol)
    if adopted:
        if not h.date:
            out.append("no date")
        if not h.agenda_item:
            out.append("no agenda item")
    numbers = [p.number for p in res.paragraphs if p.kind == OPERATIVE and not p.suffix]
    expected = 1
    for n in numbers:
        if n == expected:
            expected += 1
        elif n == 1:  # a part (A, B) or an annex restarting its numbering
            expected = 2
        else:
            out.append(f"operative numbering jumps to {n} (expected {expected})")
            break
    if not numbers:
        out.append("no operative paragraph")
    notes = [f.number for f in res.footnotes]
    if notes != list(range(1, len(notes) + 1)):
        out.append(f"footnotes numbered {notes[:8]}…")
    cited = {n for p in res.paragraphs for n in p.footnotes}
    for f in res.footnotes:
        if not f.text.strip():
            out.append(f"footnote {f.number} has no text")
        if f.number not in cited:
            out.append(f"footnote {f.number} not cited")
    for n in sorted(cited - set(notes)):
        out.append(f"marker {n} without footnote text")
    seen_op = False
    for p in res.paragraphs:
        if p.kind == OPERATIVE:
            seen_op = True
        elif seen_op and p.kind == PREAMBULAR and not _heading(p.text):
            out.append(f"{p.label} (preambular) after an operative paragraph: {p.text[:50]!r}")
            break
        for pattern in _FURNITURE_IN_TEXT:
            if pattern.search(p.text):
                out.append(f"{p.label} holds page furniture {pattern.search(p.text).group(0)!r}")
        if _SECOND_OP.search(p.text):
            out.append(f"{p.label} holds a second numbered paragraph: {_SECOND_OP.search(p.text).group(0)!r}")
        for field in (h.adoption, h.report):
            if field and len(field) > 25 and field in p.text:
                out.append(f"{p.label} holds header text {field[:30]!r}")
    return out


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--baseline", action="store_true", help="also pdftotext + text reader, same checks")
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every problem")
    args = parser.parse_args()
    from resdiff.read import read_file
    from resdiff.read.text import parse_text

    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".pdf", ".doc", ".docx", ".txt")
                   and (not args.only or args.only in p.name))
    totals = {"files": 0, "plausible": 0, "pages": 0, "seconds": 0.0, "base_plausible": 0, "base_seconds": 0.0,
              "warnings": 0, "headings": 0}
    for path in files:
        pages = pages_of(path) if path.suffix.lower() == ".pdf" else 1
        start = time.perf_counter()
        warnings = headings = 0
        try:
            res = read_file(path)
            found = problems(res)
            # reading warnings (read/checks.py) a user sees on stderr, and section headings found
            warnings, headings = len(res.warnings), sum(p.kind == "heading" for p in res.paragraphs)
        except UserError as exc:
            found = [f"UserError: {exc}"]
        seconds = time.perf_counter() - start
        totals["files"] += 1
        totals["pages"] += pages
        totals["seconds"] += seconds
        totals["plausible"] += not found
        totals["warnings"] += warnings
        totals["headings"] += headings
        line = (f"{'ok ' if not found else 'BAD'} {path.name:28} {pages:3d} p {1000 * seconds / pages:6.1f} ms/page"
                f" {warnings:2d} warnings {headings:2d} headings")
        if args.baseline and path.suffix.lower() == ".pdf":
            start = time.perf_counter()
            text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
            try:
                base = problems(parse_text(text, source=str(path)))
            except Exception as exc:  # the baseline may fail in any way; it is only counted
                base = [repr(exc)]
            base_seconds = time.perf_counter() - start
            totals["base_seconds"] += base_seconds
            totals["base_plausible"] += not base
            line += f" | pdftotext {'ok ' if not base else 'BAD'} {1000 * base_seconds / pages:6.1f} ms/page"
        print(line)
        for problem in found[: None if args.verbose else 3]:
            print(f"      {problem}")
    n = totals["files"]
    print(f"\nresdiff: {totals['plausible']}/{n} plausible, {totals['pages']} pages, "
          f"{1000 * totals['seconds'] / max(totals['pages'], 1):.1f} ms per page (in-process, PDF read + structure); "
          f"{totals['warnings']} reading warnings, {totals['headings']} section headings")
    if args.baseline:
        print(f"pdftotext + text reader (baseline, same run): {totals['base_plausible']}/{n} plausible, "
              f"{1000 * totals['base_seconds'] / max(totals['pages'], 1):.1f} ms per page (pdftotext process + parse)")


if __name__ == "__main__":
    main()
