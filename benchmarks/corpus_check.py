"""Parse every file of a folder and print, per document and in total, whether its structure is plausible.

    python benchmarks/corpus_check.py ../shared/corpus/pdf/ [--baseline] [--only NAME]

Plausible (issue 8): header session, symbol and title found (and the date and agenda item for an
adopted text, A/RES/…); operative paragraphs numbered 1..n (a part "A"/"B" may restart at 1);
footnotes numbered 1..n, each with its text and each cited by a paragraph; no page furniture (job number,
bar code, page "2/5", running symbol), header text or second numbered paragraph inside a paragraph;
no preambular paragraph after an operative one. Also the reading time per page.

``--baseline`` runs the route users had before: ``pdftotext`` (plain) on the same files, its text read
by the text reader, with the same checks and its own time, in the same run.

``--variants [NAMES]`` reads every PDF again as the texts a user really makes of it, and prints how often
each variant's structure agrees with the PDF reader's reading of the same document (the reference):
``plain`` / ``layout`` / ``raw`` (``pdftotext``, ``-layout``, ``-raw``), ``html`` (a web page with one
``<p>`` per paragraph and ``<sup>`` markers, as the UN documents site serves older texts, saved and read
back), ``docx`` (the ``pdftotext`` text saved as .docx by LibreOffice: one Word paragraph per line),
``fullwidth`` (full-width digits and spaces, as typed with a Chinese input method), ``crlf`` (Windows line
ends and tabs), ``noheader`` (copied from the author line on). Per variant: ``agree`` (the same number of
preambular, operative and heading paragraphs and of footnotes), ``same`` (also the same labels and
normalised texts), ``warned`` (counts differ but the reader warned) and ``silent`` (counts differ, no
warning: the case to fix). Two more columns judge what a drafter sees: ``cited`` counts the footnotes
cited by the same paragraphs as in the reference (over all the documents' footnotes), ``no change`` the
copies whose comparison with the reference finds every paragraph unchanged (layout is not a change).
With a folder of text files (tests/corpus) the reference is the reading of
the text itself, and ``spaced`` (a space between every Chinese character, a PDF extraction artefact)
joins the text-only variants.
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


# ── variants a user really makes of a document ──────────────────────────────────────────────────────

PDF_VARIANTS = ["plain", "layout", "raw", "html", "docx", "fullwidth", "crlf", "noheader"]
TEXT_VARIANTS = ["fullwidth", "crlf", "noheader", "spaced"]
_FULL_WIDTH = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, " ": "\u3000"})
_AUTHOR_LINE = re.compile(r"^\s*(?:The General Assembly|The Human Rights Council|大会|人权理事会)\s*[,，]?\s*$", re.M)


def pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True).stdout


def fullwidth(text: str) -> str:
    """Digits and spaces inside lines as full-width characters (an indent stays as it was)."""
    return "\n".join(line[:len(line) - len(line.lstrip())] + line.lstrip().translate(_FULL_WIDTH)
                     for line in text.split("\n"))


def crlf(text: str) -> str:
    """Windows line ends, an indent as a tab, runs of spaces as tabs."""
    lines = [re.sub(r" {2,}", "\t", re.sub(r"^ +", "\t", line)) for line in text.split("\n")]
    return "\r\n".join(lines)


def noheader(text: str) -> str:
    m = _AUTHOR_LINE.search(text)
    return text[m.start():].lstrip() if m else text


def spaced(text: str) -> str:
    """A space between every two Chinese characters (some PDF extractions of Chinese)."""
    return re.sub(r"(?<=[\u3400-\u9fff，。；：、《》“”（）])(?=[\u3400-\u9fff，。；：、《》“”（）])", " ", text)


def html_page(res: Resolution) -> str:
    """The reading as the web page an older text is served as: one <p> per header line, paragraph and note,
    footnote markers in <sup>."""
    import html

    from resdiff.render.text import resolution_text

    blocks = resolution_text(res).split("\n\n")
    sup = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
    digits = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
    body = "\n".join("<p>" + sup.sub(lambda m: f"<sup>{m.group(0).translate(digits)}</sup>", html.escape(b))
                     .replace("\n", "<br/>") + "</p>" for b in blocks if b.strip())
    return f"<!DOCTYPE html><html><head><title>{html.escape(res.header.title or '')}</title></head><body>\n{body}\n</body></html>"


def to_docx(texts: dict[str, str], folder: Path) -> dict[str, Path]:
    """Each text saved as .docx by LibreOffice (one conversion run for all)."""
    import os

    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    profile = folder / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--infilter=Text (encoded):UTF8",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                    *[str(folder / f"{n}.txt") for n in texts]], capture_output=True, timeout=1800,
                   env={**os.environ, "HOME": str(folder)})
    return {n: folder / f"{n}.docx" for n in texts if (folder / f"{n}.docx").is_file()}


def shape(res: Resolution) -> tuple[int, int, int, int]:
    """(preambular, operative, headings, footnotes): what a variant must agree on."""
    kinds = [p.kind for p in res.paragraphs]
    return kinds.count(PREAMBULAR), kinds.count(OPERATIVE), kinds.count("heading"), len(res.footnotes)


def agreement(reference: Resolution, variant: Resolution | None) -> str:
    """"same", "agree", "warned" or "silent" (see the module docstring); "failed" when it was refused."""
    if variant is None:
        return "failed"
    if shape(variant) != shape(reference):
        return "warned" if variant.warnings else "silent"
    same = [(p.label, p.key) for p in variant.paragraphs] == [(p.label, p.key) for p in reference.paragraphs]
    return "same" if same else "agree"


def citations(res: Resolution) -> dict[int, frozenset[str]]:
    """Footnote number → labels of the paragraphs citing it."""
    out: dict[int, set[str]] = {}
    for p in res.paragraphs:
        for n in p.footnotes:
            out.setdefault(n, set()).add(p.label)
    return {n: frozenset(labels) for n, labels in out.items()}


def run_variants(files: list[Path], names: list[str], verbose: bool) -> None:
    import tempfile

    from resdiff.comparison import compare
    from resdiff.read import read_file

    def read(path: Path) -> Resolution | None:
        try:
            return read_file(path)
        except UserError:
            return None

    tally = {n: {"same": 0, "agree": 0, "warned": 0, "silent": 0, "failed": 0} for n in names}
    judged = {n: {"notes": 0, "cited": 0, "unchanged": 0} for n in names}  # what a drafter sees
    with tempfile.TemporaryDirectory(prefix="corpus-variants-") as tmp:
        folder = Path(tmp)
        references = {path: read(path) for path in files}
        texts = {}
        for path in files:
            if path.suffix.lower() == ".pdf":
                texts[path] = {"plain": pdftotext(path), "layout": pdftotext(path, "-layout"), "raw": pdftotext(path, "-raw")}
            else:
                texts[path] = {"plain": path.read_text(encoding="utf-8-sig")}
        docx = to_docx({path.stem: texts[path]["plain"] for path in files}, folder) if "docx" in names else {}
        for path in files:
            reference = references[path]
            if reference is None:
                continue
            plain = texts[path]["plain"]
            made = {"layout": texts[path].get("layout"), "raw": texts[path].get("raw"),
                    "plain": plain if path.suffix.lower() == ".pdf" else None,
                    "fullwidth": fullwidth(plain), "crlf": crlf(plain), "noheader": noheader(plain),
                    "spaced": spaced(plain) if re.search(r"[\u4e00-\u9fff]", plain) else None}
            row = []
            for name in names:
                if name == "html":
                    file = folder / f"{path.stem}.html"
                    file.write_text(html_page(reference), encoding="utf-8")
                elif name == "docx":
                    file = docx.get(path.stem)
                    if file is None:
                        tally[name]["failed"] += 1
                        continue
                elif made.get(name) is None:
                    continue
                else:
                    file = folder / f"{path.stem}.{name}.txt"
                    file.write_text(made[name], encoding="utf-8", newline="")
                variant = read(file)
                verdict = agreement(reference, variant)
                tally[name][verdict] += 1
                cited = citations(reference)
                judged[name]["notes"] += len(cited)
                if variant is not None:
                    theirs = citations(variant)
                    judged[name]["cited"] += sum(theirs.get(n) == labels for n, labels in cited.items())
                    judged[name]["unchanged"] += all(p.status == "unchanged" for p in compare(reference, variant).pairs)
                if verdict in ("warned", "silent", "failed") or verbose:
                    row.append(f"{name} {verdict} {shape(variant) if variant else ''}")
            if row:
                print(f"{path.name:30} reference {shape(reference)}: " + "; ".join(row))
    print("\nvariant     files  same  agree  warned  silent  failed   cited        no change   (agree = same + counts equal)")
    for name in names:
        t, j = tally[name], judged[name]
        total = sum(t.values())
        if total:
            print(f"{name:10} {total:6d} {t['same']:5d} {t['same'] + t['agree']:6d} {t['warned']:7d} {t['silent']:7d} "
                  f"{t['failed']:7d}   {j['cited']:4d}/{j['notes']:<4d}   {j['unchanged']:4d}")


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
    parser.add_argument("--variants", nargs="?", const="all", help="agreement of the variants a user makes "
                        "(comma-separated names, default all): " + ", ".join(PDF_VARIANTS + ["spaced"]))
    args = parser.parse_args()
    from resdiff.read import read_file
    from resdiff.read.text import parse_text

    files = sorted(p for p in args.folder.iterdir() if p.suffix.lower() in (".pdf", ".doc", ".docx", ".txt")
                   and (not args.only or args.only in p.name) and p.name != "README.md")
    if args.variants:
        pdfs = any(p.suffix.lower() == ".pdf" for p in files)
        names = (PDF_VARIANTS if pdfs else TEXT_VARIANTS) if args.variants == "all" else args.variants.split(",")
        run_variants(files, names, args.verbose)
        return
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
