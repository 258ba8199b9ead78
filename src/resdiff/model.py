"""The values that flow between resdiff's stages. Frozen dataclasses, no I/O.

    file ──read──▶ Resolution ──align──▶ Alignment ──diff──▶ Comparison ──render──▶ output
                      └──────────────draft──────────────▶ Draft (Resolution + edits)

Text conventions used everywhere:
- ``Paragraph.text`` is the paragraph as a reader sees it: the source's own characters, with line wraps
  joined, page furniture and footnote bodies removed, footnote markers and markdown ``**`` removed.
  Sub-paragraphs stay inside ``text``, each on its own line (separated by ``\\n``).
- ``Paragraph.key`` is ``text`` normalised for comparison (see ``resdiff.normalize``): it only decides
  whether two texts are "the same"; nothing is ever displayed from it.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from resdiff.records import record

PREAMBULAR = "preambular"
OPERATIVE = "operative"
# A section heading printed between paragraphs ("II" / "International Decade for People of African
# Descent"): labelled "H1", "H2" … in reading order, outside preambular ordinals and operative numbers.
HEADING = "heading"
ParagraphKind = Literal["preambular", "operative", "heading"]


@record
class Footnote:
    """A footnote (or Word endnote) of a resolution: its number, its text, and how the source marks it."""

    number: int  # as printed in the source (1, 2, 3 …); endnotes are numbered on after the footnotes
    text: str  # body of the footnote, without its marker
    kind: str = "footnote"  # "footnote", or "endnote" (a Word endnote, printed at the end of the document)
    mark: str = ""  # the mark as printed when it is not ``number`` (an endnote's "i", "ii" …)


@record
class SubParagraph:
    """A sub-paragraph inside a paragraph's text: its printed marker and the text after it."""

    marker: str  # as printed: "(a)", "(i)", "㈠"
    text: str  # text after the marker


@record
class Paragraph:
    """One preambular or operative paragraph (or section heading) of a resolution, labelled for alignment."""

    label: str  # stable label: "PP1".."PPn" (preambular), "OP1".."OPn" or "OP5bis" (operative), "H1".."Hn" (heading);
    # in a resolution in parts, the part's letter first: "A OP1", "B PP3" (see ``part``)
    kind: ParagraphKind
    number: int | None  # operative number as printed (5 for "5 bis"); None for preambular
    text: str  # display text (see module docstring)
    key: str = ""  # normalised text, for comparison only
    footnotes: tuple[int, ...] = ()  # numbers of the footnotes whose markers this paragraph carries
    footnote_positions: tuple[int, ...] = ()  # for each of ``footnotes``: offset in ``text`` of its marker
    lead: str = ""  # the emphasised opening verb as it starts ``text`` ("重申", "Recalling also"), or ""
    suffix: str = ""  # "bis", "ter" … for paragraphs inserted during negotiation ("5 bis")
    subparagraphs: tuple[SubParagraph, ...] = ()
    # The part of a resolution in parts ("A", "B": each with its own author line and its own numbering),
    # "" otherwise; its label then starts with it: "A PP1", "B OP1", "B H3".
    part: str = ""


@record
class Header:
    """Everything before the first preambular paragraph, plus the closing lines. Unknown fields are None."""

    language: str  # "zh", "en" or "other"
    session: int | None = None  # 75 for "第七十五届会议" / "Seventy-fifth session"
    session_text: str | None = None  # the session line as printed
    body: str | None = None  # "General Assembly", "Human Rights Council"
    agenda_item: str | None = None  # "72(b)" (no spaces)
    agenda_title: str | None = None  # title of the agenda item, lines joined
    symbol: str | None = None  # "A/RES/75/180", or a draft symbol "A/C.3/76/L.25"
    number: str | None = None  # resolution number "75/180"
    title: str | None = None  # "增进人权领域的国际合作"
    date: str | None = None  # adoption date, ISO "2020-12-16"
    adoption: str | None = None  # the adoption line as printed ("2020 年 12 月 16 日大会决议")
    report: str | None = None  # committee report line as printed ("[根据第三委员会的报告(…)通过]")
    report_symbol: str | None = None  # "A/75/478/Add.2"
    plenary_meeting: int | None = None  # 46 for "第46次全体会议"
    author: str | None = None  # the author line as printed: "大会，" / "The General Assembly,"
    sponsors: str | None = None  # sponsors line of a draft
    closing: tuple[str, ...] = ()  # closing lines as printed (plenary meeting, date)
    notes: tuple[str, ...] = ()  # starred notes at the foot of the first page ("* On behalf of …")
    other: tuple[str, ...] = ()  # header lines that match no field above, as printed (never dropped)


@record
class ReadingWarning:
    """A place where the reader is unsure of what it read (``resdiff.read.checks``): the drafter should
    look there before trusting a comparison. Never an error: it does not change any exit code."""

    code: str  # stable identifier: "op-number-jump", "footnote-not-cited" … (see read/checks.py)
    label: str | None  # paragraph label ("OP3") or None for the whole document
    message: str
    message_zh: str = ""  # the same in Chinese, for reports on Chinese texts ("" where none was written)


@record
class Resolution:
    """A whole resolution as read from one file: header, paragraphs in reading order, footnotes, and
    what the reader noted or was unsure of."""

    header: Header
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    source: str | None = None  # file name it was read from, for messages
    notes: tuple[str, ...] = ()  # what the reader wants the user to know ("tracked changes accepted")
    warnings: tuple[ReadingWarning, ...] = ()  # where the reading may be wrong (read/checks.py)

    @property
    def language(self) -> str:
        return self.header.language

    def paragraph(self, label: str) -> Paragraph:
        for p in self.paragraphs:
            if p.label == label:
                return p
        raise KeyError(label)

    def footnote(self, number: int) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None


# ── comparison ────────────────────────────────────────────────────────────────────────────────────

SegmentOp = Literal["equal", "insert", "delete"]


@record
class Segment:
    """A run of a word-level diff. ``text`` is the new side's text (the old side's for "delete").

    For an "equal" run whose two sides differ only by layout noise (spaces around digits, full- versus
    half-width punctuation), ``old_text`` holds the old side's own characters, so both texts can be
    rebuilt exactly: old = join(s.text if s.old_text is None else s.old_text for equal/delete),
    new = join(s.text for equal/insert). Such a run may be empty on one side (a space the other lacks).
    """

    op: SegmentOp
    text: str
    old_text: str | None = None


Status = Literal["unchanged", "modified", "moved", "inserted", "deleted", "split", "merged"]


@record
class AlignedPair:
    """One entry of a paragraph alignment: indices into old.paragraphs / new.paragraphs."""

    old: tuple[int, ...]  # empty for inserted
    new: tuple[int, ...]  # empty for deleted
    status: Status
    similarity: float  # 0..1 on normalised text; 1.0 when keys are equal
    renumbered: bool = False  # operative number (or label) differs, text may be the same


@record
class Alignment:
    """Pairs in reading order of the redline: new order, each deleted paragraph after its old predecessor."""

    pairs: tuple[AlignedPair, ...]
    notes: tuple[str, ...] = ()  # fallbacks taken ("coarser method used because …"), shown in Comparison.notes


@record
class FootnoteChange:
    """A footnote whose text changed, was added or removed between two versions, with its word diff."""

    old: int | None  # footnote number in old, None if inserted
    new: int | None  # footnote number in new, None if deleted
    segments: tuple[Segment, ...]
    layout_only: bool = False  # the texts differ only by layout noise: reports skip it, redlines track it
    kind: str = "footnote"  # "footnote" or "endnote" (the new side's kind, the old side's when deleted)
    old_mark: str = ""  # the marks as printed when they are not the numbers (an endnote's "i", "ii")
    new_mark: str = ""


@record
class PairDiff:
    """One entry of a comparison: the paragraphs paired (by label), how they changed, and the word diff."""

    old: tuple[str, ...]  # labels in old
    new: tuple[str, ...]  # labels in new
    status: Status
    text_changed: bool  # normalised text differs
    renumbered: bool
    similarity: float
    segments: tuple[Segment, ...]  # word-level diff; equal segments joined give old text and new text
    footnotes: tuple[FootnoteChange, ...] = ()  # footnotes whose text changed (or only its layout), added, removed
    old_index: tuple[int, ...] = ()  # indices into old.paragraphs
    new_index: tuple[int, ...] = ()  # indices into new.paragraphs


@record
class HeaderChange:
    """A header field (session, date, symbol …) whose value differs between the two versions."""

    field: str  # Header field name ("session", "date" …)
    old: str | None
    new: str | None


@record
class HeaderLine:
    """A line of the header or of the closing lines, as a Word document prints it, matched by role
    ("session", "agenda_item", "title", "author", "closing0" …) between the two versions; ``segments``
    is its word diff (one "equal" run when the line is the same, all "insert"/"delete" when one side
    has no such line)."""

    role: str
    old: str | None
    new: str | None
    segments: tuple[Segment, ...]


@record
class Comparison:
    """Everything ``compare`` found between two resolutions: paired paragraphs with their word diffs,
    header changes and lines, and the notes every renderer shows."""

    old: Resolution
    new: Resolution
    pairs: tuple[PairDiff, ...]
    header_changes: tuple[HeaderChange, ...]
    strict: bool = False
    notes: tuple[str, ...] = ()  # fallbacks and reader notes, shown by every renderer
    header_lines: tuple[HeaderLine, ...] = ()  # printed header then closing lines, in reading order

    @property
    def summary(self) -> dict[str, int]:
        counts = {s: 0 for s in ("unchanged", "modified", "moved", "inserted", "deleted", "split", "merged")}
        for p in self.pairs:
            counts[p.status] += 1
        counts["renumbered"] = sum(1 for p in self.pairs if p.renumbered)
        counts["header"] = len(self.header_changes)
        return counts

    @property
    def has_differences(self) -> bool:
        return bool(self.header_changes) or any(p.status != "unchanged" for p in self.pairs)


# ── next-session draft ──────────────────────────────────────────────────────────────────────────

@record
class Edit:
    """One change the next-session draft made, with the rule that made it and the text before and after."""

    rule: str  # "session", "recall-chain", "forward-session", "placeholder", "header" …
    label: str  # paragraph label, or "header" / "footnote 3"
    before: str
    after: str
    note: str = ""
    placeholder: bool = False  # True when ``after`` is a placeholder the drafter must fill


@record
class Draft:
    """A next-session draft: the previous resolution, the drafted text and the edits that lead to it."""

    previous: Resolution
    resolution: Resolution  # the draft text
    edits: tuple[Edit, ...] = field(default_factory=tuple)


# ── amendments (UN wording of a comparison) ─────────────────────────────────────────────────────

AmendmentAction = Literal[
    "replace", "insert", "delete", "replace_paragraph", "delete_paragraph", "insert_paragraphs", "move_paragraph",
    "replace_everywhere",
]


@record
class Amendment:
    """One instruction as a delegation tables it, referring to the text on the table (OLD) by OLD labels.

    - "replace": in ``paragraph`` (and ``subparagraph``), replace the words ``old`` with ``new``;
    - "insert": insert ``new`` after the words ``old`` (before them when ``before``);
    - "delete": delete the words ``old``;
    - "replace_paragraph": replace ``paragraph`` with ``texts`` (one text, or several for a split);
    - "delete_paragraph": delete ``paragraph``;
    - "insert_paragraphs": insert ``texts`` as new paragraphs of ``kind`` after ``anchor`` (before it when
      ``before``; ``anchor`` "" = at the end);
    - "move_paragraph": move ``paragraph`` to follow ``anchor`` (to precede it when ``before``);
    - "replace_everywhere": replace ``old`` with ``new`` wherever it occurs, in ``parts`` ("title",
      "preambular", "operative"), before any other instruction (whose quotations then read ``new``).
    ``paragraph`` is "title" for the title, "footnote 3" / "endnote ii" (kind and printed mark in OLD) for a
    note's words. Quoted words occur once and only once in their paragraph
    (sub-paragraph). See ``resdiff.amendments`` for how they are found and applied.
    """

    action: AmendmentAction
    paragraph: str = ""
    subparagraph: str = ""  # marker as printed, "(b)", when the words are in that sub-paragraph
    old: str = ""
    new: str = ""
    before: bool = False
    anchor: str = ""
    texts: tuple[str, ...] = ()
    kind: str = ""  # "preambular" / "operative" for insert_paragraphs
    parts: tuple[str, ...] = ()  # replace_everywhere: where ``old`` occurs ("title", "preambular", "operative")


# ── history of a paragraph through many versions ────────────────────────────────────────────────

@record
class Version:
    """One version in a paragraph history: its short symbol, session, adoption date and source file."""

    symbol: str  # short name used everywhere: "72/169", a draft's "A/C.3/80/L.55", else the file name
    session: int | None
    date: str | None  # ISO
    source: str | None  # file it was read from


@record
class TimelineStep:
    """One version in the life of a paragraph. ``status`` is the step from the previous version
    ("inserted" where the paragraph first appears after the first version; the first version itself is
    "unchanged"); a version where the paragraph is absent has ``label`` and ``status`` None."""

    version: str  # Version.symbol
    label: str | None
    status: str | None  # unchanged, modified, moved, inserted, split, merged
    text_changed: bool
    text: str | None = None  # the paragraph in that version
    segments: tuple[Segment, ...] = ()  # word diff from the previous version (empty for the first one)


@record
class Lineage:
    """The life of one paragraph of the latest version through every earlier version."""

    label: str  # in the latest version
    text: str
    first_seen: str  # Version.symbol
    last_changed: str | None  # last version whose text changed it (not its insertion); None if never
    timeline: tuple[TimelineStep, ...]


@record
class RemovedParagraph:
    """A paragraph that an earlier version had and a later one dropped: where it was last and when it went."""

    label: str  # in the last version that has it
    text: str
    version: str  # last version that has it
    removed_in: str  # first version without it
    first_seen: str = ""


@record
class History:
    """The history of a resolution's paragraphs through many versions, oldest first, with the comparisons
    of each version to the next."""

    versions: tuple[Version, ...]  # oldest first
    paragraphs: tuple[Lineage, ...]  # of the latest version, in its order
    removed: tuple[RemovedParagraph, ...] = ()
    comparisons: tuple[Comparison, ...] = ()  # versions[k] → versions[k + 1]
    notes: tuple[str, ...] = ()  # what the reader should know (titles differ, order taken as given …)
