"""How much of a real next-session draft's routine updating ``resdiff draft`` does (issue 12).

For each lineage of ``corpus/pdf`` (README there: the 79th-session resolution and the draft a delegation
really tabled for the 80th session) this compares, paragraph by paragraph:

- baseline: the 79th resolution itself against the real draft;
- resdiff: ``draft_next(79th resolution)`` against the real draft;

and counts the *routine* differences in each: short substitutions (at most ``SHORT`` words a side) made
only of session ordinals, document symbols, resolution numbers, dates and years, and the words that join
them in a list ("and", "of", commas, footnote numbers); at least one of them a routine word; not the same words
only spaced or capitalised otherwise (no value changed). Footnotes are compared when their paragraphs are
aligned with each other (in order, else by content); a note of a paragraph with no partner has none. What the draft
removed is the share of the baseline's routine differences that no longer appear; a ``[●]`` placeholder
standing where the real draft has a routine word counts as done. A routine difference the draft made
where the 79th text and the real draft agree is a wrong edit; its share is taken of the draft's edits
(the routine words it changed in paragraphs and footnotes).

    python benchmarks/draft_real.py                      # corpus at ../shared/corpus/pdf
    python benchmarks/draft_real.py --corpus DIR -v      # -v lists every remaining and wrong difference
    python benchmarks/draft_real.py --held-out           # 78th → 79th adopted: pairs the rules were not fitted on

Goal (issue 12): ≥ 90 % of the routine differences removed, ≤ 2 % wrong edits.
Columns: routine = baseline differences, left = those the draft leaves, removed = their share done,
wrong / of = routine differences the draft made that the real draft does not have / routine words it
changed, edits = the draft's edits outside the header.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from resdiff.align import align
from resdiff.draft import PLACEHOLDER, draft_next
from resdiff.lang.numerals import EN_MONTHS, EN_ORDINAL
from resdiff.model import Resolution
from resdiff.read import read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent.parent / "shared" / "corpus" / "pdf"
SHORT = 12  # words a side: longer changes are drafting, not routine updating

_PIECE = r"(?:[\w.\-]*\[●\][\w.\-]*|[\w.\-]+)"
_TOKEN = re.compile(rf"{_PIECE}(?:/{_PIECE})+|\[●\]|[A-Za-z]+(?:[-–][A-Za-z]+)*|\d+(?:[–-]\d+)*|\S")
_ROUTINE = re.compile(
    rf"^(?:(?:{EN_ORDINAL})|A/\S+|\d{{1,4}}/\d{{1,4}}\.?|(?:19|20)\d\d(?:[/–-]\d{{2,4}})?|{'|'.join(EN_MONTHS)}|\[●\])$",
    re.I,
)


@dataclass
class Count:
    baseline: int = 0  # routine differences, 79th resolution vs real draft
    remaining: int = 0  # of those, still there in draft vs real draft
    wrong: int = 0  # routine differences the draft made where the 79th text and the real draft agree
    changed: int = 0  # routine words the draft changed (the edits wrong is a share of)
    shown: list[str] = field(default_factory=list)

    def add(self, other: "Count") -> None:
        self.baseline += other.baseline
        self.remaining += other.remaining
        self.wrong += other.wrong
        self.changed += other.changed


# words that join routine words in a list or a date; a difference made of nothing else is routine
_GLUE = re.compile(r"^(?:\d{1,3}|[,.;:()–-]|and|of|from|to|in|on|at|the|its|resolutions?|decisions?|paras?|session)$", re.I)


def tokens(text: str) -> list[str]:
    """Words, numbers and symbols; PDF extraction's stray spaces in "eighty -first", "2020 – 2023" removed."""
    text = text.replace("\u00ad", "")
    text = re.sub(r"(?<=[A-Za-z]) ?([-–]) ?(?=[a-z])|(?<=\d) ?([–]) ?(?=\d)", lambda m: m.group(1) or m.group(2), text)
    text = re.sub(r"\b(A) /(?=\w)", r"\1/", text)
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Hunk:
    a: tuple[int, int]  # span in the compared text's tokens
    b: tuple[int, int]  # span in the real draft's tokens
    a_text: str
    b_text: str


def routine_hunks(a: list[str], b: list[str]) -> list[Hunk]:
    """Short differences between token lists ``a`` and ``b`` that involve a routine word."""
    out = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or i2 - i1 > SHORT or j2 - j1 > SHORT:
            continue
        if "".join(a[i1:i2]).casefold() == "".join(b[j1:j2]).casefold():
            # the same words spaced or capitalised otherwise ("20 30 Agenda" in a PDF's text layer,
            # "fourteenth" → "Fourteenth" corrected by hand): no value changed, nothing to update
            continue
        words = a[i1:i2] + b[j1:j2]
        if any(_ROUTINE.match(w) for w in words) and all(_ROUTINE.match(w) or _GLUE.match(w) for w in words):
            out.append(Hunk((i1, i2), (j1, j2), " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def placeholder_fits(draft_side: str, real_side: str) -> bool:
    """``A/80/[●]`` against ``A/80/123``: the drafter fills the placeholder with what the real draft has
    (compared without spaces: tokenising splits "A/80/[●]." where it keeps "A/80/123." whole)."""
    if PLACEHOLDER not in draft_side:
        return False
    pattern = re.escape(draft_side.replace(" ", "")).replace(re.escape(PLACEHOLDER), ".{1,40}?")
    return re.fullmatch(pattern, real_side.replace(" ", "")) is not None


def overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Token spans overlap, or touch at the same point when one of them is empty (an insertion)."""
    if x[0] == x[1] or y[0] == y[1]:
        return x[0] <= y[1] and y[0] <= x[1]
    return x[0] < y[1] and y[0] < x[1]


def compare_paragraph(old: str, drafted: str, real: str, count: Count, label: str, verbose: bool) -> None:
    o, d, r = tokens(old), tokens(drafted), tokens(real)
    base = routine_hunks(o, r)
    left = [h for h in routine_hunks(d, r) if not placeholder_fits(h.a_text, h.b_text)]
    count.baseline += len(base)
    count.remaining += sum(1 for b in base if any(overlaps(h.b, b.b) for h in left))
    for h in left:
        inside = any(overlaps(h.b, b.b) for b in base)
        count.wrong += not inside
        if verbose:
            kind = "left " if inside else "WRONG"
            count.shown.append(f"  {kind} {label}: draft {h.a_text!r} · real {h.b_text!r}")
    count.changed += sum(1 for h in routine_hunks(o, d))


def lineages(corpus: Path, held_out: bool = False) -> list[tuple[str, str, str]]:
    """(title, 79th resolution file, 80th-session draft file) from the table of corpus/pdf/README.md; with
    ``held_out``, (title, 78th resolution, 79th resolution): pairs the rules were not written on, where the
    successor is an adopted text (negotiation changes included), not a delegation's first draft."""
    out = []
    columns = (1, 2) if held_out else (2, 3)
    for line in (corpus / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[2].startswith("A/RES/79/"):
            old, new = (cells[k].replace("/", "_") + ".en.pdf" for k in columns)
            out.append((cells[0], old, new))
    return out


def measure(previous: Resolution, real: Resolution, verbose: bool) -> tuple[Count, int]:
    draft = draft_next(previous, session=real.header.session or None)
    count = Count()
    pairs = align(previous, real).pairs
    for pair in pairs:
        if not pair.old or not pair.new:
            continue
        old = " ".join(previous.paragraphs[i].text for i in pair.old)
        drafted = " ".join(draft.resolution.paragraphs[i].text for i in pair.old)
        real_text = " ".join(real.paragraphs[j].text for j in pair.new)
        label = "+".join(previous.paragraphs[i].label for i in pair.old)
        compare_paragraph(old, drafted, real_text, count, label, verbose)
    drafted_notes = {f.number: f.text for f in draft.resolution.footnotes}
    for old_note, real_note in matched_footnotes(previous, draft.resolution, real, pairs):
        compare_paragraph(old_note.text, drafted_notes.get(old_note.number, old_note.text), real_note.text, count,
                          f"footnote {old_note.number}", verbose)
    body_edits = sum(1 for e in draft.edits if e.label != "header")
    return count, body_edits


def matched_footnotes(previous: Resolution, drafted: Resolution, real: Resolution, pairs) -> list[tuple]:
    """Footnotes of the two texts paired: in order where aligned paragraphs carry as many footnotes each
    (a report symbol changes whole: "A/79/304." → "A/80/319."), else by content (the old text's or the
    draft's, whichever is nearer: the same footnote after or before its update)."""
    drafted_notes = {f.number: f.text for f in drafted.footnotes}
    old_notes = {f.number: f for f in previous.footnotes}
    real_notes = {f.number: f for f in real.footnotes}
    old_where = _carriers(previous, pairs, "old")
    real_where = _carriers(real, pairs, "new")
    out, used_a, used_b = [], set(), set()
    for pair in pairs:
        if not pair.old or not pair.new:
            continue
        a = [n for i in pair.old for n in previous.paragraphs[i].footnotes if n in old_notes]
        b = [n for j in pair.new for n in real.paragraphs[j].footnotes if n in real_notes]
        if a and len(a) == len(b):
            for na, nb in zip(a, b):
                if na not in used_a and nb not in used_b:
                    used_a.add(na)
                    used_b.add(nb)
                    out.append((old_notes[na], real_notes[nb]))
    scored = []
    for a in previous.footnotes:
        if a.number in used_a:
            continue
        sides = [tokens(a.text), tokens(drafted_notes.get(a.number, a.text))]
        for b in real.footnotes:
            if b.number in used_b or not _same_carrier(old_where.get(a.number), real_where.get(b.number)):
                continue
            tb = tokens(b.text)
            ratio = max(_ratio(side, tb) for side in sides)
            if ratio >= 0.6:
                scored.append((ratio, -abs(a.number - b.number), a.number, b.number, a, b))
    scored.sort(key=lambda t: t[:4], reverse=True)
    for _, _, na, nb, a, b in scored:
        if na not in used_a and nb not in used_b:
            used_a.add(na)
            used_b.add(nb)
            out.append((a, b))
    return out


def _carriers(res: Resolution, pairs, side: str) -> dict[int, int]:
    """Footnote number → index of the aligned pair its paragraph is in (−1: the paragraph has no partner)."""
    where = {}
    for i, p in enumerate(res.paragraphs):
        k = next((k for k, pair in enumerate(pairs) if i in getattr(pair, side) and pair.old and pair.new), -1)
        for n in p.footnotes:
            where[n] = k
    return where


def _same_carrier(a: int | None, b: int | None) -> bool:
    """A footnote goes with its paragraph: two notes are one only if their paragraphs are aligned with each
    other ("A/72/53" of a deleted paragraph is not the new list item's "A/80/53/Add.1"). A note no paragraph
    is known to carry (its marker not read) may pair by content alone."""
    if a is None or b is None:
        return True
    return a == b and a >= 0


def _ratio(a: list[str], b: list[str]) -> float:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sm.ratio() if sm.real_quick_ratio() >= 0.6 and sm.quick_ratio() >= 0.6 else 0.0


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    – "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--held-out", action="store_true",
                        help="78th resolution → 79th resolution instead of 79th → real 80th draft")
    args = parser.parse_args(argv)
    if not (args.corpus / "README.md").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    total = Count()
    print(f"{'lineage':<44} {'routine':>7} {'left':>5} {'removed':>8} {'wrong':>5} {'of':>4} {'wrong %':>8}  edits")
    for title, prev_name, real_name in lineages(args.corpus, args.held_out):
        previous = read_file(args.corpus / prev_name, "en")
        real = read_file(args.corpus / real_name, "en")
        count, body_edits = measure(previous, real, args.verbose)
        total.add(count)
        name = f"{prev_name[:-7]} {title}"[:44]
        removed = count.baseline - count.remaining
        print(f"{name:<44} {count.baseline:>7} {count.remaining:>5} {pct(removed, count.baseline):>8} "
              f"{count.wrong:>5} {count.changed:>4} {pct(count.wrong, count.changed):>8}  {body_edits}")
        for line in count.shown:
            print(line)
    removed = total.baseline - total.remaining
    print(f"{'TOTAL':<44} {total.baseline:>7} {total.remaining:>5} {pct(removed, total.baseline):>8} "
          f"{total.wrong:>5} {total.changed:>4} {pct(total.wrong, total.changed):>8}")
    old, new = ("78th", "79th resolutions") if args.held_out else ("79th", "real drafts")
    print(f"baseline ({old} resolution as it is): {total.baseline} routine differences from the {new}, 0 removed; "
          f"draft: {removed} removed ({pct(removed, total.baseline).strip()}), {total.wrong} wrong of {total.changed} "
          f"routine words changed ({pct(total.wrong, total.changed).strip()}). Goal: ≥ 90 % removed, ≤ 2 % wrong.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
