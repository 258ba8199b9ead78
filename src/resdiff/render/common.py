"""Wording shared by the text renderers (terminal, Markdown, HTML): titles and summary rows."""

from __future__ import annotations

import re
from collections import Counter

from resdiff.model import Comparison, FootnoteChange, PairDiff, ReadingWarning, Resolution

STATUS_ORDER = ("modified", "moved", "inserted", "deleted", "split", "merged", "unchanged")

HEADER_FIELD_NAMES = {
    "session": "Session",
    "agenda_item": "Agenda item",
    "agenda_title": "Agenda item title",
    "symbol": "Symbol",
    "number": "Resolution number",
    "title": "Title",
    "date": "Adoption date",
    "report_symbol": "Committee report",
    "plenary_meeting": "Plenary meeting",
    "body": "Body",
    "sponsors": "Sponsors",
    "other": "Header line",
    "session_text": "Session line",
    "adoption": "Adoption line",
    "report": "Committee report line",
    "author": "Author line",
}


def pair_title(p: PairDiff) -> str:
    """'PP5 → PP6 (moved, renumbered)', 'OP18 (inserted)', 'PP4 (deleted)', 'OP3 (unchanged)'."""
    old, new = "+".join(p.old), "+".join(p.new)
    if not p.old:
        where = new
    elif not p.new:
        where = old
    elif old == new:
        where = new
    else:
        where = f"{old} → {new}"
    flags = [p.status]
    if p.renumbered and p.status == "unchanged":
        flags = ["renumbered"]
    elif p.renumbered:
        flags.append("renumbered")
    if shown_footnotes(p):
        flags.append("footnotes changed")
    if all(re.match(r"H\d", label) for label in p.old + p.new):  # "H2 → H3 (section heading, modified)"
        flags.insert(0, "section heading")
    return f"{where} ({', '.join(flags)})"


def shown_footnotes(p: PairDiff) -> list[FootnoteChange]:
    """Footnote changes a reader sees: layout-only differences are for the redline alone."""
    return [f for f in p.footnotes if not f.layout_only]


def footnote_title(f: FootnoteChange) -> str:
    """'footnote 3', 'footnote 3 → 4' (renumbered), 'footnote 2 (added)', 'endnote ii (removed)'; says so
    when the body is not in the file."""
    old, new = f.old_mark or f.old, f.new_mark or f.new
    if f.old is None:
        title = f"{new} (added)"
    elif f.new is None:
        title = f"{old} (removed)"
    else:
        title = str(new) if old == new else f"{old} → {new}"
    title = f"{f.kind} {title}"
    return title if f.segments else f"{title}, its text is not in the document"


def is_shown(p: PairDiff) -> bool:
    """Reports show every pair that is not plainly unchanged; renumbering alone is listed in one line."""
    return p.status != "unchanged"


def summary_rows(cmp: Comparison) -> list[tuple[str, int]]:
    counts = cmp.summary
    rows = [(s, counts[s]) for s in STATUS_ORDER if counts[s]]
    if counts["renumbered"]:
        rows.append(("renumbered", counts["renumbered"]))
    if counts["header"]:
        rows.append(("header fields changed", counts["header"]))
    return rows


def headline(cmp: Comparison) -> str:
    def name(res):
        h = res.header
        return h.symbol or h.number or res.source or "?"

    return f"{name(cmp.old)} → {name(cmp.new)}"


def warning_line(w: ReadingWarning) -> str:
    """'OP19: paragraph 20 seems to start inside OP19 … [numbered-inside]'."""
    return f"{w.label + ': ' if w.label else ''}{w.message} [{w.code}]"


def comparison_warnings(cmp: Comparison) -> list[tuple[str, ReadingWarning]]:
    """Reading warnings of both versions, each with the side it belongs to ("old" / "new")."""
    return [(side, w) for side, res in (("old", cmp.old), ("new", cmp.new)) for w in res.warnings]


WARNINGS_PER_KIND = 10  # warnings of one kind printed on stderr before the rest are counted


def warnings_text(res: Resolution, name: str | None = None) -> str:
    """Warnings as lines for stderr ('Warning: old.txt: OP3: …'), or "" when there are none."""
    prefix = f"{name}: " if name else ""
    lines, seen = [], Counter(w.code for w in res.warnings)
    shown: Counter = Counter()
    for w in res.warnings:
        shown[w.code] += 1
        if shown[w.code] <= WARNINGS_PER_KIND:
            lines.append(f"Warning: {prefix}{warning_line(w)}\n")
        elif shown[w.code] == seen[w.code]:
            # a huge or odd text can flag thousands of paragraphs: say how many, not each (JSON lists all)
            lines.append(f"Warning: {prefix}… and {seen[w.code] - WARNINGS_PER_KIND} more of the same kind [{w.code}]\n")
    return "".join(lines)
