"""What every draft rule works on: the document being drafted, the context it is drafted in, and the
text surgery that replaces spans of a paragraph while keeping its key, footnote offsets and sub-paragraphs."""

from __future__ import annotations

from dataclasses import field, replace
from typing import TYPE_CHECKING

from resdiff.model import HEADING, Footnote, Header, Paragraph, SubParagraph
from resdiff.normalize import normalize
from resdiff.records import mutable_record, record

if TYPE_CHECKING:
    from resdiff.draft.refs import Ref

PLACEHOLDER = "[●]"


@record
class Context:
    """What the draft rules know of the series: language, old and new sessions, the resolution's number, date,
    title and body, and what the drafter gave (agenda item, symbol)."""

    lang: str
    old: int  # session of the resolution being updated
    new: int  # session of the draft
    number: str | None  # "75/180"
    date: str | None  # ISO adoption date
    title: str | None
    body: str | None = None  # the body that adopted the resolution ("General Assembly", "人权理事会")
    agenda_item: str | None = None  # given with --agenda-item
    symbol: str | None = None  # given with --symbol
    cycle: int = 1  # sessions between two resolutions of the series (2 or 3 for biennial / triennial texts)

    def is_own(self, ref: "Ref") -> bool:
        """A reference to the body's own resolutions: "its resolution", "其…决议", or the body named."""
        if ref.body is None:
            return True
        own = {self.body or ("大会" if self.lang == "zh" else "General Assembly")}
        if own & {"General Assembly", "大会"}:
            own |= {"General Assembly", "Assembly", "大会"}
        return ref.body in own


@mutable_record
class Document:
    """The draft while the rules work on it: each rule replaces what it changes (paragraphs are frozen)."""

    header: Header
    paragraphs: list[Paragraph]
    footnotes: list[Footnote]
    notes: list[str]
    # (paragraph index, start, end) of the series' own reference the recall chain rewrote; other rules keep off it
    chain: tuple[int, int, int] | None = None
    # number of the series' latest earlier resolution ("78/152"), once the recall chain has found it
    series_previous: str | None = None
    # spans already rewritten, by paragraph index, so two rules never edit the same words
    taken: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    def is_free(self, index: int, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken.get(index, ()))

    def change(self, index: int, changes: list["Change"]) -> None:
        """Make ``changes`` to paragraph ``index`` (spans in its current text). A section heading stays as it is:
        it names a part of the text, not a reference to update (``draft_next`` drops the edits and says so)."""
        if not changes:
            return
        p = self.paragraphs[index]
        if p.kind == HEADING:
            return
        self.paragraphs[index] = apply_changes(p, changes)
        # spans recorded earlier move with the text before them
        moved = []
        for s, e in self.taken.get(index, ()):
            delta = sum(len(c.text) - (c.end - c.start) for c in changes if c.end <= s)
            moved.append((s + delta, e + delta))
        for c in changes:
            delta = sum(len(o.text) - (o.end - o.start) for o in changes if o.end <= c.start)
            moved.append((c.start + delta, c.start + delta + len(c.text)))
        self.taken[index] = moved


def replace_within(text: str, start: int, end: int, pieces: list[tuple[tuple[int, int], str]]) -> str:
    """text[start:end] with the given absolute spans replaced."""
    out, cursor = [], start
    for (s, e), new in sorted(pieces):
        out += [text[cursor:s], new]
        cursor = e
    return "".join(out) + text[cursor:end]


# ── text surgery: replace spans of a paragraph, keep key, footnote offsets and sub-paragraphs right ──


@record
class Change:
    """A replacement of ``text[start:end]`` of a paragraph by ``text``."""

    start: int
    end: int
    text: str


def apply_changes(p: Paragraph, changes: list[Change]) -> Paragraph:
    """``p`` with the (non-overlapping) ``changes`` made; a marker at the end of a change stays at its end."""
    changes = sorted(changes, key=lambda c: c.start)
    pieces, cursor = [], 0
    for c in changes:
        pieces += [p.text[cursor:c.start], c.text]
        cursor = c.end
    text = "".join(pieces) + p.text[cursor:]
    positions = []
    for pos in p.footnote_positions:
        new_pos = pos
        for c in changes:
            if c.start == c.end == pos:
                continue  # text inserted right after a marker goes after it: the marker keeps its words
            if c.end <= pos:
                new_pos += len(c.text) - (c.end - c.start)
            elif c.start < pos:  # inside a replaced span: attach to the end of the replacement
                new_pos += c.start + len(c.text) - pos
        positions.append(new_pos)
    return replace(
        p,
        text=text,
        key=normalize(text),
        footnote_positions=tuple(positions),
        subparagraphs=_rebuild_subparagraphs(p.text, text, p.subparagraphs),
    )


def _rebuild_subparagraphs(old_text: str, new_text: str, subs: tuple[SubParagraph, ...]) -> tuple[SubParagraph, ...]:
    """Sub-paragraphs are lines of ``text`` ("(a) …"); edits never add or remove a line, so match by line."""
    if not subs:
        return subs
    old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
    if len(old_lines) != len(new_lines):
        return subs
    out, start = [], 0
    for sub in subs:
        for i in range(start, len(old_lines)):
            line = old_lines[i]
            if line.endswith(sub.text) and sub.marker in line[: len(line) - len(sub.text)]:
                prefix = len(line) - len(sub.text)
                out.append(SubParagraph(sub.marker, new_lines[i][prefix:]))
                start = i + 1
                break
        else:
            out.append(sub)
    return tuple(out)


