"""Word output: a clean resolution, a redline with real tracked changes, a draft with comments.

Everything is built in two steps:
1. *plan*: the Comparison (never re-diffed: paragraphs, footnotes and header lines all come diffed) becomes a list of Word paragraphs (``ParaPlan``), each a list
   of pieces of text with a revision state (None, "ins", "del", "moveFrom", "moveTo"), emphasis and
   footnote references, plus the state of its paragraph mark;
2. *write*: ``render.wordxml`` (the only module that writes WordprocessingML) builds paragraphs and
   runs on the UN template, wraps them in revisions, adds footnotes, move ranges and comments;
   ``render.wordpackage`` reads the template's parts and saves the package (no python-docx: its import
   alone would be a third of a cold redline).

Rules that keep accept-all = new text and reject-all = old text:
- a "\\n" in a segment is a paragraph mark (sub-paragraph or paragraph boundary); its revision state is the
  segment's, so whole inserted/deleted paragraphs revise their mark too and leave no empty paragraph;
- a Word paragraph takes the style of the line its mark closes (new side for kept/inserted marks, old
  side for deleted ones), because a removed mark merges its text into the next paragraph;
- old-only paragraphs (deleted, moved-from) are placed right after their old predecessor, so the old
  side reads in old order and the new side in new order;
- layout noise (an "equal" segment whose ``old_text`` differs: spaces around digits, "," for "，") is a
  real deletion of ``old_text`` + insertion of ``text``, so rejecting all gives the old characters
  exactly, but filed under the author ``f"{author} (layout)"`` (same date, same id counter): a drafter
  hides it in Word with Review → Show Markup → Specific People and keeps the real changes, which stay
  under ``author``. With ``--strict`` the comparison already makes these insert/delete segments, so they
  are ordinary changes by ``author``. Markup style (no revisions) prints only the new side of them.
"""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from pathlib import Path

from resdiff.model import (
    HEADING,
    Comparison,
    Draft,
    PairDiff,
    Paragraph,
    Resolution,
    Segment,
)
from resdiff.records import mutable_record

PLACEHOLDER = "[●]"

STYLE_NAMES = {  # style id → style name in the templates (templates/build_templates.py)
    "UNHeader": "UN Header",
    "UNTitle": "UN Title",
    "UNAuthor": "UN Author",
    "UNPreambular": "UN Preambular",
    "UNOperative": "UN Operative",
    "UNSubparagraph": "UN Subparagraph",
    "UNClosing": "UN Closing",
}

# Revision state of each segment op in an ordinary pair.
PAIR_STATES = {"equal": None, "insert": "ins", "delete": "del"}


# ── plan ──────────────────────────────────────────────────────────────────────────────────────────

@mutable_record
class Piece:
    """A run of text to write, with its revision state and formatting, or a note reference."""

    text: str = ""
    state: str | None = None
    bold: bool = False
    italic: bool = False
    highlight: bool = False
    note: "NotePlan | None" = None  # a footnote reference instead of text
    layout: bool = False  # a layout-noise revision (written under the "(layout)" author)


@mutable_record
class NotePlan:
    """A footnote or endnote to write: its pieces, its number and marks on each side."""

    pieces: list[Piece]
    number: int | None = None  # footnote number on the new side (for draft comments)
    key: tuple[int, int] | None = None  # (old number, new number) of a note cited on both sides
    kind: str = "footnote"  # "footnote" or "endnote": the part it is written to
    mark: str = ""  # the mark as the source prints it ("3", "iv", "*"): new side, old side for an old-only note
    old_mark: str = ""  # a paired note's mark in the old text (its reject view); "" for a one-sided note
    custom: bool = False  # the mark is not a counter of the notes' format ("*" among 1, 2, 3): written after the reference


@mutable_record
class LineStyle:
    """How a line is written: its paragraph style, and the label, number and key it carries."""

    style: str
    label: str = ""  # typed label of an operative paragraph that numbering cannot print ("5 bis.")
    number: int | None = None  # operative number, for markup of deleted operative paragraphs
    key: str | None = None  # paragraph label (new side) or "header:<role>", for comments


@mutable_record
class ParaPlan:
    """One paragraph to write: its style, pieces, paragraph-mark revision and what the old text had."""

    style: LineStyle
    pieces: list[Piece] = field(default_factory=list)
    mark: str | None = None  # revision state of the paragraph mark
    mark_layout: bool = False  # the mark's revision is layout noise
    move: tuple[str, str] | None = None  # (kind, name) of the move range this paragraph belongs to
    labels: list[Piece] | None = None  # typed number pieces when automatic numbering cannot print them
    closes_old: int | None = None  # old paragraph index whose last line this (kept-on-reject) mark ends
    old_number: int | None = None  # operative number this paragraph prints in the old text
    old_style: str | None = None  # the old line's style when the mark is kept and its style changed (w:pPrChange)


@mutable_record
class Side:
    """One side (old or new) of a block: the joined text and what sits at its offsets."""

    text: str
    lines: list[LineStyle]
    emphasis: list[tuple[int, int, bool, bool]] = field(default_factory=list)  # start, end, bold, italic
    notes: dict[int, list[tuple[str | None, NotePlan]]] = field(default_factory=dict)  # offset → refs
    highlight: list[tuple[int, int]] = field(default_factory=list)
    line_par: list[tuple[int, bool]] = field(default_factory=list)  # per line: (paragraph index, is last)

    def style_at(self, pos: int) -> tuple[bool, bool]:
        for start, end, bold, italic in self.emphasis:
            if start <= pos < end:
                return bold, italic
        return False, False

    def highlighted(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.highlight)


def _chunks(text: str, off: int, styled: Side | None, other: Side | None = None,
            other_off: int = 0) -> list[tuple[int, int]]:
    """Cut ``text`` (at offset ``off`` of side ``styled``, ``other_off`` of ``other``) where anything
    changes: each paragraph mark alone, a cut at every footnote marker of both sides and every emphasis
    / highlight boundary of ``styled``, so that a chunk is written with one style and carries notes
    only at its start."""
    n = len(text)
    cuts = {0, n}
    pos = text.find("\n")
    while pos >= 0:
        cuts.update((pos, pos + 1))
        pos = text.find("\n", pos + 1)
    for side, base in ((styled, off), (other, other_off)):
        if side is not None and side.notes:
            cuts.update(k - base for k in side.notes if base <= k < base + n)
    if styled is not None:
        for start, end, *_ in styled.emphasis + styled.highlight:
            cuts.update(k - off for k in (start, end) if off < k < off + n)
    ordered = sorted(cuts)
    return list(zip(ordered, ordered[1:]))


def _block(segments, old: Side | None, new: Side | None, states: dict) -> list[ParaPlan]:
    """Turn the segments of one block into Word paragraphs (see module docstring)."""
    plans: list[ParaPlan] = []
    current: list[Piece] = []
    old_off = new_off = 0
    old_line = new_line = 0

    def close(mark_state: str | None, side: str, closes_old_line: bool, layout: bool = False) -> None:
        nonlocal current
        line = (new.lines[new_line] if side == "new" else old.lines[old_line])
        closes = None
        if closes_old_line and old.line_par and old.line_par[old_line][1]:
            closes = old.line_par[old_line][0]
        old_line_style = old.lines[old_line] if old is not None and closes_old_line else None
        # A mark on both sides whose line changed style (a preambular paragraph now operative, a
        # sub-paragraph now a paragraph): the old style is a revision too, so Reject All restores it.
        changed = (old_line_style.style if mark_state is None and side == "new" and old_line_style is not None
                   and old_line_style.style != line.style else None)
        plans.append(ParaPlan(style=line, pieces=current, mark=mark_state, closes_old=closes,
                              mark_layout=layout and mark_state is not None,
                              old_number=old_line_style.number if old_line_style else line.number,
                              old_style=changed))
        current = []

    def notes_at(side: Side | None, pos: int) -> None:
        if side is None or not side.notes:
            return
        for state, note in side.notes.pop(pos, ()):
            current.append(Piece(state=state, note=note))

    for seg in segments:
        layout = False
        if seg.op == "equal" and seg.old_text is not None and seg.old_text != seg.text:
            # Layout noise (the comparison cut it small): a real deletion of the old characters and
            # insertion of the new ones, so rejecting all gives the old text exactly; the writer files
            # them under the "(layout)" author.
            sub = [Segment("delete", seg.old_text), Segment("insert", seg.text)]
            layout = True
        else:
            sub = [seg]
        # A paragraph mark one side lacks (a split or merge the comparison saw as a space becoming a
        # line break) is structure, not layout: it goes under the plain author, whom no one hides.
        mark_layout = layout and seg.old_text is not None and seg.old_text.count("\n") == seg.text.count("\n")
        for s in sub:
            st = PAIR_STATES[s.op] if layout else states[s.op]
            text = s.text
            if s.op == "equal":
                old_len = len(s.old_text) if s.old_text is not None else len(text)
                lockstep = old_len == len(text)
                for k0, k1 in _chunks(text, new_off, new, old if lockstep else None, old_off):
                    notes_at(new, new_off + k0)
                    if lockstep:
                        notes_at(old, old_off + k0)
                    if text[k0] == "\n":
                        close(st, "new", True)
                        new_line += 1
                        old_line += 1
                    else:
                        bold, italic = new.style_at(new_off + k0)
                        current.append(Piece(text[k0:k1], st, bold, italic, new.highlighted(new_off + k0)))
                if not lockstep and old is not None and old.notes:
                    for pos in sorted(k for k in old.notes if old_off <= k < old_off + old_len):
                        notes_at(old, pos)
                new_off += len(text)
                old_off += old_len
            elif s.op == "insert":
                for k0, k1 in _chunks(text, new_off, new):
                    notes_at(new, new_off + k0)
                    if text[k0] == "\n":
                        close(st, "new", False, mark_layout)
                        new_line += 1
                    else:
                        bold, italic = new.style_at(new_off + k0)
                        current.append(Piece(text[k0:k1], st, bold, italic, new.highlighted(new_off + k0),
                                             layout=layout))
                new_off += len(text)
            else:  # delete
                for k0, k1 in _chunks(text, old_off, old):
                    notes_at(old, old_off + k0)
                    if text[k0] == "\n":
                        close(st, "old", True, mark_layout)
                        old_line += 1
                    else:
                        bold, italic = old.style_at(old_off + k0)
                        current.append(Piece(text[k0:k1], st, bold, italic, layout=layout))
                old_off += len(text)
    # Footnote markers at the very end of the text, then the block's own final mark.
    notes_at(old, old_off)
    notes_at(new, new_off)
    for side in (old, new):
        if side is not None:
            for pos in sorted(side.notes):
                notes_at(side, pos)  # markers beyond the text (bad offsets): keep them, at the end
    if new is not None:
        final_state = None if old is not None else states["insert"]
        close(final_state, "new", old is not None)
    else:
        close(states["delete"], "old", True)
    return [_merge_pieces(p) for p in plans]


def _deletions_first(pieces: list[Piece]) -> list[Piece]:
    """In each run of adjacent changes, deletions before insertions (neither view changes: each keeps
    its own pieces in order). A space the new text lacks then joins the struck words beside it instead
    of standing alone after an insertion as a stray struck mark ("第[●]-号")."""
    out: list[Piece] = []
    run: list[Piece] = []
    for piece in pieces + [Piece()]:  # the empty sentinel closes the last run
        if piece.state in ("del", "ins"):
            run.append(piece)
            continue
        out += sorted(run, key=lambda pc: pc.state != "del")
        run = []
        out.append(piece)
    return out[:-1]


def _merge_pieces(plan: ParaPlan) -> ParaPlan:
    plan.pieces = _deletions_first(plan.pieces)
    merged: list[Piece] = []
    texts: list[list[str]] = []  # joined once at the end: += on a piece's text would be quadratic
    for p in plan.pieces:
        last = merged[-1] if merged else None
        if (
            last is not None and p.note is None and last.note is None
            and (last.state, last.bold, last.italic, last.highlight, last.layout)
            == (p.state, p.bold, p.italic, p.highlight, p.layout)
        ):
            texts[-1].append(p.text)
        else:
            merged.append(Piece(p.text, p.state, p.bold, p.italic, p.highlight, p.note, p.layout))
            texts.append([p.text])
    for piece, parts in zip(merged, texts):
        piece.text = "".join(parts)
    plan.pieces = merged
    return plan


# ── sides of a block: paragraphs and header lines ─────────────────────────────────────────────────

def _line_styles(res: Resolution, p: Paragraph) -> list[LineStyle]:
    lines = p.text.count("\n") + 1
    if p.kind == "operative":
        label = f"{p.number} {p.suffix}.\t" if p.suffix and p.number is not None else ""
        first = LineStyle("UNOperative", label=label, number=p.number, key=p.label)
    elif p.kind == HEADING:  # a section heading ("II" / its title) is set like the title: centred, bold
        first = LineStyle("UNTitle", key=p.label)
    else:
        first = LineStyle("UNPreambular", key=p.label)
    return [first] + [LineStyle("UNSubparagraph") for _ in range(lines - 1)]


def _emphasis(res: Resolution, p: Paragraph, start: int) -> list[tuple[int, int, bool, bool]]:
    if not p.lead or not p.text.startswith(p.lead):
        return []
    if res.language == "zh":
        return [(start, start + len(p.lead), True, False)] if p.kind == "operative" else []
    return [(start, start + len(p.lead), False, True)]  # English and others: italic participle / verb


def _placeholders(text: str) -> list[tuple[int, int]]:
    spans, pos = [], text.find(PLACEHOLDER)
    while pos >= 0:
        spans.append((pos, pos + len(PLACEHOLDER)))
        pos = text.find(PLACEHOLDER, pos + 1)
    return spans


def _paragraph_side(res: Resolution, indices: tuple[int, ...], highlight: bool) -> tuple[Side, list]:
    """Side for paragraphs ``indices`` of ``res``; also the (number, joined offset) of their markers."""
    texts, lines, emphasis, markers, line_par = [], [], [], [], []
    start = 0
    for i in indices:
        p = res.paragraphs[i]
        texts.append(p.text)
        lines += _line_styles(res, p)
        n_lines = p.text.count("\n") + 1
        line_par += [(i, k == n_lines - 1) for k in range(n_lines)]
        emphasis += _emphasis(res, p, start)
        positions = list(p.footnote_positions) + [len(p.text)] * (len(p.footnotes) - len(p.footnote_positions))
        markers += [(n, start + min(pos, len(p.text))) for n, pos in zip(p.footnotes, positions)]
        start += len(p.text) + 1
    text = "\n".join(texts)
    side = Side(text, lines, emphasis, highlight=_placeholders(text) if highlight else [], line_par=line_par)
    return side, markers


# A marker whose footnote text the source lacks (web excerpts print markers without notes): the
# footnote says so instead of standing empty at the page foot (the reader warns: footnote-no-text).
MISSING_NOTE = {
    "zh": "（来源文本中没有此脚注的文字。）",
    "en": "(The text of this footnote is not in the source.)",
}


def _has_no_text(res: Resolution, number: int) -> bool:
    note = res.footnote(number)
    return note is None or not note.text.strip()


def _note_text(res: Resolution, number: int) -> str:
    note = res.footnote(number)
    if note is None or not note.text.strip():
        return MISSING_NOTE.get(res.language, MISSING_NOTE["en"])
    return note.text.replace("\n", " ")


def _note_identity(res: Resolution, number: int) -> dict:
    """Kind and printed mark of note ``number`` of ``res`` (a footnote "3", an endnote "iv", a "*")."""
    note = res.footnote(number)
    if note is None:
        return {"kind": "footnote", "mark": str(number)}
    return {"kind": note.kind, "mark": note.mark or str(number)}


def _plain_note(res: Resolution, number: int, state: str | None, new_number: int | None) -> NotePlan:
    return NotePlan([Piece(_note_text(res, number), state)], number=new_number, **_note_identity(res, number))


def _note_pieces(segments) -> list[Piece]:
    pieces = []
    for s in segments:
        if s.op == "equal" and s.old_text is not None and s.old_text != s.text:
            pieces.append(Piece(s.old_text.replace("\n", " "), "del", layout=True))
            pieces.append(Piece(s.text.replace("\n", " "), "ins", layout=True))
        else:
            pieces.append(Piece(s.text.replace("\n", " "), PAIR_STATES[s.op]))
    return pieces


def _layout_note(old: str, new: str) -> list[Piece]:
    """A paired footnote the comparison found unchanged: same text, or different only by layout noise
    (the comparison keeps no segments for it), then shown whole as a layout revision."""
    if old == new or not old:
        return [Piece(new, None)]
    return [Piece(old, "del", layout=True), Piece(new, "ins", layout=True)]


def _attach_notes(cmp: Comparison, pd: PairDiff, old: Side | None, old_markers, new: Side | None,
                  new_markers, states: dict) -> None:
    """Footnote references of a block: paired notes (in marker order, as compare pairs them) sit at the
    new position; notes only on one side are inserted / deleted together with their reference."""
    changes = {(c.old, c.new): c for c in pd.footnotes}
    n_pairs = min(len(old_markers), len(new_markers)) if old is not None and new is not None else 0
    for k, (number, pos) in enumerate(new_markers):
        if k < n_pairs:
            o = old_markers[k][0]
            change = changes.get((o, number))
            missing = [_has_no_text(cmp.old, o), _has_no_text(cmp.new, number)]
            if any(missing) and not all(missing):  # text on one side only: a real change of the note
                pieces = [Piece(_note_text(cmp.old, o), "del"), Piece(_note_text(cmp.new, number), "ins")]
            elif change is not None and not all(missing):
                pieces = _note_pieces(change.segments)
            else:
                pieces = _layout_note(_note_text(cmp.old, o), _note_text(cmp.new, number))
            old_mark = _note_identity(cmp.old, o)["mark"]
            note = NotePlan(pieces, number=number, key=(o, number), old_mark=old_mark, **_note_identity(cmp.new, number))
            state = None
        else:
            state = states["insert"]
            note = _plain_note(cmp.new, number, None if state in ("moveTo",) else state, number)
        new.notes.setdefault(pos, []).append((state, note))
    for k, (number, pos) in enumerate(old_markers):
        if k < n_pairs:
            continue
        state = states["delete"]
        note = _plain_note(cmp.old, number, None if state == "moveFrom" else state, None)
        old.notes.setdefault(pos, []).append((state, note))


def _pair_block(cmp: Comparison, pd: PairDiff, kind: str, highlight: bool) -> list[ParaPlan]:
    """kind: "pair" (segments as they are), "ins" / "del" (whole paragraph), "moveFrom" / "moveTo"."""
    old = new = None
    old_markers = new_markers = []
    if kind in ("pair", "del", "moveFrom") and pd.old_index:
        old, old_markers = _paragraph_side(cmp.old, pd.old_index, False)
    if kind in ("pair", "ins", "moveTo") and pd.new_index:
        new, new_markers = _paragraph_side(cmp.new, pd.new_index, highlight)
    if kind == "pair":
        states, segments = PAIR_STATES, pd.segments
    elif kind in ("ins", "moveTo"):
        states = {"equal": None, "insert": kind, "delete": "del"}
        segments = (Segment("insert", new.text),)
    else:
        states = {"equal": None, "insert": "ins", "delete": kind}
        segments = (Segment("delete", old.text),)
    _attach_notes(cmp, pd, old, old_markers, new, new_markers, states)
    return _block(segments, old, new, states)


def _style_of(role: str) -> str:
    if role.startswith("closing"):
        return "UNClosing"
    return {"title": "UNTitle", "author": "UNAuthor"}.get(role, "UNHeader")


def _header_block(lines, highlight: bool) -> list[ParaPlan]:
    """Header (or closing) lines as the comparison matched and diffed them (Comparison.header_lines)."""
    plans: list[ParaPlan] = []
    for line in lines:
        key = f"header:{line.role}"
        style = _style_of(line.role)
        old_side = Side(line.old, [LineStyle(style, key=key)]) if line.old is not None else None
        new_side = None
        if line.new is not None:
            new_side = Side(line.new, [LineStyle(style, key=key)],
                            highlight=_placeholders(line.new) if highlight else [])
        plans += _block(line.segments, old_side, new_side, PAIR_STATES)
    return plans


# ── reading order of the redline ──────────────────────────────────────────────────────────────────

def _clean_move(pd: PairDiff) -> bool:
    """A move Word can show as a move: same text (layout noise aside), same footnotes."""
    return not pd.footnotes and all(
        s.op == "equal" and (s.old_text is None or s.old_text.count("\n") == s.text.count("\n"))
        for s in pd.segments
    )


def _entries(cmp: Comparison) -> tuple[list[tuple[str, PairDiff]], list[tuple[str, PairDiff]]]:
    """(new-side entries in new order, old-only entries in old order). A pair out of old order is
    shown as a move even if the alignment did not call it one, so the old side always reads in order."""
    new_side: list[tuple[str, PairDiff]] = []
    old_only: list[tuple[str, PairDiff]] = []
    last_old = -1
    for pd in cmp.pairs:
        if not pd.new_index:
            old_only.append(("del", pd))
        elif not pd.old_index:
            new_side.append(("ins", pd))
        elif pd.status == "moved" or min(pd.old_index) < last_old:
            clean = _clean_move(pd)
            new_side.append(("moveTo" if clean else "ins", pd))
            old_only.append(("moveFrom" if clean else "del", pd))
        else:
            new_side.append(("pair", pd))
            last_old = max(pd.old_index)
    return new_side, sorted(old_only, key=lambda e: min(e[1].old_index))


def _redline_plans(cmp: Comparison, highlight: bool = False, revisions: bool = True) -> list[ParaPlan]:
    """Word paragraphs in reading order. ``revisions`` False (markup style): no paragraph-mark
    workarounds, since they exist only for how Word and LibreOffice accept and reject revisions."""
    new_side, old_only = _entries(cmp)
    names: dict[int, str] = {}

    def block(kind: str, pd: PairDiff) -> list[ParaPlan]:
        plans = _pair_block(cmp, pd, kind, highlight)
        if kind in ("moveFrom", "moveTo"):
            name = names.setdefault(id(pd), f"move{len(names) + 1}")
            for plan in plans:
                plan.move = (kind, name)
        return plans

    body: list[ParaPlan] = []
    for kind, pd in new_side:
        body += block(kind, pd)
    body = _place_old_only(body, [(pd, block(kind, pd)) for kind, pd in old_only])
    closing = [line for line in cmp.header_lines if line.role.startswith("closing")]
    plans = _header_block([line for line in cmp.header_lines if line not in closing], highlight)
    plans += body
    plans += _header_block(closing, highlight)
    if revisions and plans and plans[-1].mark is not None:
        plans.append(_end_paragraph())
    return plans


def _printed_numbers(plans: list[ParaPlan], accept: bool) -> list[int | None]:
    """The number each automatically numbered paragraph prints in one view (Word counts the paragraphs
    whose surviving mark is in the numbered list)."""
    kept = (None, "ins", "moveTo") if accept else (None, "del", "moveFrom")
    return [(plan.style.number if accept or plan.mark is not None else plan.old_number)
            for plan in plans if _style_in(plan, accept) == "UNOperative" and not plan.style.label and plan.mark in kept]


def _style_in(plan: ParaPlan, accept: bool) -> str:
    """The style a paragraph has after accepting (rejecting) every revision (its w:pPrChange undone)."""
    return plan.style.style if accept or plan.old_style is None else plan.old_style


def _number_start(plans: list[ParaPlan], views: tuple[bool, ...] = (True, False)) -> int | None:
    """Where the automatic numbering must start for both views to show the numbers the texts print
    (1 for almost every text; 5 for an excerpt starting at OP5), or None when no start can: the numbers
    jump or repeat in one view, or the views start at different numbers. Then every operative
    paragraph types its label (render: ``_typed_labels``)."""
    starts = set()
    for accept in views:
        numbers = _printed_numbers(plans, accept)
        if not numbers:
            continue
        if None in numbers or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            return None
        starts.add(numbers[0])
    if len(starts) > 1:
        return None
    return starts.pop() if starts else 1


def _typed_labels(plans: list[ParaPlan]) -> None:
    """Every operative paragraph prints its own number, typed: the old one deleted and the new one
    inserted where they differ (plans' ``labels``)."""
    for plan in plans:
        if "UNOperative" not in (plan.style.style, plan.old_style) or plan.style.label:
            continue
        new, old = plan.style.number, plan.old_number
        if plan.mark in ("del", "moveFrom") or plan.style.style != "UNOperative":
            new = None
        if plan.mark in ("ins", "moveTo") or _style_in(plan, False) != "UNOperative":
            old = None
        if new == old:
            plan.labels = [Piece(f"{new}.\t" if new is not None else "", None)]
        else:
            plan.labels = [Piece(f"{n}.\t", state) for n, state in ((old, "del"), (new, "ins")) if n is not None]


def _place_old_only(body: list[ParaPlan], blocks: list[tuple[PairDiff, list[ParaPlan]]]) -> list[ParaPlan]:
    """Old-only paragraphs (deleted, moved away; ``blocks`` in old order) go right after the mark that
    closes their old predecessor, even inside a block (a merge of non-adjacent paragraphs), so rejecting
    everything gives the old order and accepting removes them without a trace. One pass: each block is
    filed under the body paragraph it follows (-1: before the first), then the body is written once."""
    closer: dict[int, int] = {}  # old paragraph index → body (or placed block's) slot its mark closes
    for k, plan in enumerate(body):
        if plan.closes_old is not None:
            closer[plan.closes_old] = k
    firsts = sorted((k, plan.closes_old) for k, plan in enumerate(body) if plan.closes_old is not None)
    after: dict[int, list[ParaPlan]] = {}
    for pd, plans in blocks:
        first = min(pd.old_index)
        slot = closer.get(first - 1)
        if slot is None:
            if first == 0:
                slot = -1
            else:  # before the first body paragraph that closes a later old paragraph
                slot = next((k - 1 for k, closes in firsts if closes > first), len(body) - 1)
        after.setdefault(slot, []).extend(plans)
        for plan in plans:
            if plan.closes_old is not None:
                closer[plan.closes_old] = slot
    out = list(after.get(-1, ()))
    for k, plan in enumerate(body):
        out.append(plan)
        out += after.get(k, ())
    return out


def _end_paragraph() -> ParaPlan:
    """The last paragraph mark of a document cannot be removed: when the last paragraph is on one side
    only (the closing lines a draft removes, a deleted last operative paragraph), its mark must still be
    removable, or accepting would merge the last surviving paragraph into it and give it the removed
    paragraph's style and number. An empty, unrevised, unnumbered paragraph ends such documents."""
    return ParaPlan(style=LineStyle("UNClosing"))


def _identity(res: Resolution) -> Comparison:
    pairs = tuple(
        PairDiff(old=(p.label,), new=(p.label,), status="unchanged", text_changed=False, renumbered=False,
                 similarity=1.0, segments=(Segment("equal", p.text),), old_index=(i,), new_index=(i,))
        for i, p in enumerate(res.paragraphs)
    )
    from resdiff.comparison import header_lines

    # Every line equal to itself: header_lines diffs nothing, so no tokenizer is loaded.
    return Comparison(old=res, new=res, pairs=pairs, header_changes=(),
                      header_lines=header_lines(res, res, res.language))


# ── write ─────────────────────────────────────────────────────────────────────────────────────────

# The package's own folder, not importlib.resources (~5 ms to import; resdiff is never run from a zip).
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _template_bytes(language: str) -> bytes:
    return (TEMPLATES / ("resolution-zh.docx" if language == "zh" else "resolution-en.docx")).read_bytes()


def _template(language: str):
    from resdiff.render.wordpackage import WordPackage

    return WordPackage(_template_bytes(language))


class _Writer:
    """Builds the body with lxml directly (python-docx's ``add_paragraph`` looks for the section
    properties among all body children on every call: quadratic in the paragraph count) in the
    template's package (``render.wordpackage``)."""

    def __init__(self, language: str, style: str, author: str, date: datetime | None):
        from resdiff.render.wordxml import Revisions, qn

        self.package = _template(language)
        self.end = self.package.document.find(f"{qn('w:body')}/{qn('w:sectPr')}")  # paragraphs go before it
        self.track = style == "track"
        self.revisions = Revisions(author, date)
        self.layout_author = f"{self.revisions.author} (layout)"
        self.notes_roots: dict[str, object] = {}  # "footnote" / "endnote" → root of its part
        self.next_note = {"footnote": 1, "endnote": 1}  # each part has its own ids
        self.note_formats: dict = {}  # kind → NoteFormat (render.notemarks), set by write()
        # First reference of each note cited on both sides: (its run, bookmark name once one is needed).
        self.cited: dict[tuple[int, int], list] = {}
        self.paragraphs: list = []  # w:p elements, one per plan
        # New-side footnote number → its reference run in the body: LibreOffice (7.4) cannot open a file
        # with a comment inside a footnote, so a note's comment is anchored on its reference.
        self.note_refs: dict[int, object] = {}
        self.numbering = self.package.related("numbering")  # the template always has one

    def write(self, plans: list[ParaPlan]) -> None:
        from resdiff.render import wordxml

        # Markup shows one view (the new count; deleted paragraphs type their old number).
        start = _number_start(plans, (True, False) if self.track else (True,))
        if start is None:
            _typed_labels(plans)
        elif start != 1:
            wordxml.set_list_start(self.numbering, start)
        self._note_marks(plans)
        moves: dict[tuple[str, str], list] = {}
        for plan in plans:
            p = wordxml.paragraph(plan.style.style)
            self._content(p, plan)
            if self.track and plan.old_style:
                numbered = plan.old_style == "UNOperative" and plan.labels is None
                self.revisions.style_change(p, plan.old_style, wordxml.OPERATIVE_NUM_ID if numbered else None)
            self.end.addprevious(p)
            self.paragraphs.append(p)
            if plan.move:
                moves.setdefault(plan.move, []).append(p)
        for (kind, name), ps in moves.items():
            if self.track:
                self.revisions.move_range(ps[0], kind, name, end_p=ps[-1])

    def _content(self, p, plan: ParaPlan) -> None:
        from resdiff.render import wordxml

        line = plan.style
        mark = plan.mark
        label = line.label
        if plan.labels is not None:  # numbers the list cannot print (render: _number_start)
            # (the operative list's indentation only for a paragraph that is operative now)
            wordxml.suppress_numbering(p, self.numbering if line.style == "UNOperative" else None)
            self._runs(p, plan.labels + plan.pieces)
            if self.track and mark:
                self.revisions.mark_paragraph(p, mark, self.layout_author if plan.mark_layout else None)
            return
        if not self.track and mark in ("del", "moveFrom") and line.style == "UNOperative" and not label:
            # Markup has no revisions: a struck operative paragraph must not take a number from the new
            # count, so it shows its old number typed (and struck).
            label = f"{line.number}.\t" if line.number is not None else ""
            wordxml.suppress_numbering(p, self.numbering)
        elif label:
            wordxml.suppress_numbering(p, self.numbering)
        pieces = ([Piece(label, mark, layout=plan.mark_layout)] if label else []) + plan.pieces
        self._runs(p, pieces)
        if self.track and mark:
            self.revisions.mark_paragraph(p, mark, self.layout_author if plan.mark_layout else None)

    def _runs(self, p, pieces: list[Piece]) -> None:
        """Runs for ``pieces`` in paragraph ``p`` (body or footnote); consecutive pieces with the same
        revision state share one revision element."""
        from resdiff.render import wordxml

        parent, parent_state = p, (None, False)
        for piece in pieces:
            if not self.track and piece.layout:
                # Markup shows what was negotiated: layout noise is not, so only its new side is printed.
                if piece.state in ("del", "moveFrom"):
                    continue
                piece = Piece(piece.text, None, piece.bold, piece.italic, piece.highlight, piece.note)
            if piece.note is None and not piece.text:
                continue
            state = (piece.state, piece.layout) if self.track else (None, False)
            if state != parent_state:
                parent_state = state
                parent = p
                if state[0]:
                    parent = self.revisions.open(p, state[0], self.layout_author if state[1] else None)
            if piece.note is not None:
                parent.append(self._reference(piece))
                continue
            inserted = not self.track and piece.state in ("ins", "moveTo")
            wordxml.run(parent, piece.text, bold=piece.bold or inserted, italic=piece.italic,
                        highlight=piece.highlight, underline=inserted,
                        strike=not self.track and piece.state in ("del", "moveFrom"),
                        deleted=self.track and piece.state == "del")

    def _reference(self, piece: Piece):
        """A footnote reference run, or, for a note already cited on both sides (72/169 cites note 1
        again in OP15), Word's own way to cite it again: a NOTEREF field to a bookmark around the first
        reference, so the note is not duplicated. Only where both references stand in both views."""
        from resdiff.render import wordxml

        key = piece.note.key
        first = self.cited.get(key) if key is not None and piece.state is None else None
        if first is None:
            note = piece.note
            r = wordxml.footnote_reference_run(self._footnote(note), note.kind, note.mark if note.custom else "")
            if piece.note.number is not None and piece.state not in ("del", "moveFrom"):
                self.note_refs.setdefault(piece.note.number, r)
            if key is not None and piece.state is None:
                self.cited[key] = [r, None]
            return r
        if first[1] is None:
            first[1] = f"_Ref{self.revisions.next_id()}"
            wordxml.bookmark_around(first[0], first[1], self.revisions.next_id())
        printed = piece.note.mark or (piece.note.number if piece.note.number is not None else key[1])
        return wordxml.noteref_field(first[1], str(printed))

    def _note_marks(self, plans: list[ParaPlan]) -> None:
        """The numbering of each kind of note that prints the source's marks in both views (the new
        side's marks decide the format; render.notemarks), and which notes carry a custom mark."""
        from resdiff.render.notemarks import custom_under, fit_marks
        from resdiff.render.wordxml import KEPT_ON_ACCEPT, KEPT_ON_REJECT

        for kind, default in (("footnote", "decimal"), ("endnote", "lowerRoman")):
            notes = [(piece.state, piece.note) for plan in plans for piece in plan.pieces
                     if piece.note is not None and piece.note.kind == kind]
            if not notes:
                continue
            views = []
            for kept in (KEPT_ON_ACCEPT, KEPT_ON_REJECT):
                view, cited = [], set()
                for state, note in notes:
                    if state is None and note.key is not None:
                        if note.key in cited:
                            continue  # cited again: a NOTEREF field to the first citation, not a note
                        cited.add(note.key)
                    if state in kept:
                        view.append(note)
                views.append(view)
            accept, reject = views
            fmt = fit_marks([n.mark for n in accept], default) if accept else fit_marks(
                [n.mark for n in reject], default)
            for k in custom_under([n.mark for n in accept], fmt):
                accept[k].custom = True
            for k in custom_under([n.old_mark or n.mark for n in reject], fmt):
                reject[k].custom = True
            self.note_formats[kind] = fmt

    def _footnote(self, note: NotePlan) -> int:
        from resdiff.render import wordxml

        kind = note.kind
        if kind not in self.notes_roots:
            self.notes_roots[kind] = wordxml.new_footnotes_root(kind)
        note_id = self.next_note[kind]
        self.next_note[kind] += 1
        fp = wordxml.add_footnote(self.notes_roots[kind], note_id, kind, note.mark if note.custom else "")
        # The space after the note's number belongs to the note: inserted/deleted with a whole new/old
        # note, kept when the note's text only begins with a change.
        first = note.pieces[0] if note.pieces else None
        lead_state = None
        if first is not None and not first.layout and all(pc.state == first.state for pc in note.pieces):
            lead_state = first.state
        self._runs(fp, [Piece(" ", lead_state)] + _deletions_first(note.pieces))
        return note_id

    def _core_properties(self, res: Resolution) -> None:
        """What File → Properties shows: the document's symbol and title, who made it and when (the
        revision date), nothing left from the template."""
        header = res.header
        self.package.set_core_properties(
            title=" ".join(part for part in (header.symbol, header.title) if part),
            author=self.revisions.author,
            when=self.revisions.when,  # UTC
            language={"zh": "zh-CN", "en": "en-US"}.get(res.language, ""),
        )

    def anchor(self, p, edit) -> tuple | None:
        """(first, last, deleted) elements of paragraph ``p`` holding the text ``edit`` changed."""
        from resdiff.render import wordxml

        return wordxml.edit_span(p, edit.before, edit.after)

    def whole(self, p) -> tuple | None:
        """The whole content of ``p`` as a comment range."""
        runs = [el for el in p.iterchildren() if el.tag.endswith("}r") or el.tag.endswith("}ins")
                or el.tag.endswith("}del") or el.tag.endswith("}moveTo")]
        if not runs:
            return None
        return runs[0], runs[-1], all(el.tag.endswith("}del") for el in runs)

    def comment(self, span: tuple, text: str) -> None:
        first, last, deleted = span
        self.revisions.comment(first, last, text, self.package.comments(), deleted=deleted)

    def save(self, res: Resolution) -> bytes:
        from resdiff.render import wordxml

        self._core_properties(res)
        for kind in ("footnote", "endnote"):  # footnotePr before endnotePr in both places
            if kind not in self.notes_roots:
                continue
            self.package.add_part(f"{kind}s", self.notes_roots[kind])
            settings = self.package.related("settings")
            fmt = self.note_formats.get(kind)
            if fmt is None:  # notes written outside the body's plans: the default numbering
                wordxml.set_note_properties(settings, kind)
                continue
            wordxml.set_note_properties(settings, kind, fmt.num_fmt, fmt.start)
            wordxml.set_section_note_properties(self.end, kind, fmt.num_fmt, fmt.start)
        return self.package.save()


# ── public API ────────────────────────────────────────────────────────────────────────────────────

def resolution_document(res: Resolution) -> bytes:
    """A clean .docx of ``res`` on the UN template: header lines, paragraphs with automatic operative
    numbering, sub-paragraphs as their own paragraphs, footnotes in the footnotes part."""
    writer = _Writer(res.language, "track", "resdiff", None)
    writer.write(_redline_plans(_identity(res)))
    return writer.save(res)


def redline_document(
    cmp: Comparison, author: str = "resdiff", date: datetime | None = None, style: str = "track"
) -> bytes:
    """The NEW version with its changes against OLD: real tracked changes (``style="track"``), or the
    compilation-text convention without revisions (``style="markup"``: insertions bold and underlined,
    deletions struck through)."""
    if style not in ("track", "markup"):
        raise ValueError(f"unknown redline style {style!r}")
    writer = _Writer(cmp.new.language, style, author, date)
    writer.write(_redline_plans(cmp, revisions=style == "track"))
    return writer.save(cmp.new)


def draft_document(draft: Draft, cmp: Comparison, author: str = "resdiff", date: datetime | None = None) -> bytes:
    """The draft as a redline against its source, one comment per automatic edit anchored on the text it
    changed (in the document's language, render.edit_comments), placeholders highlighted in yellow."""
    from resdiff.render.edit_comments import comment_text

    writer = _Writer(cmp.new.language, "track", author, date)
    plans = _redline_plans(cmp, highlight=True)
    writer.write(plans)
    for edit in draft.edits:
        candidates = _edit_candidates(edit, plans, writer)
        role = None
        for p, key in candidates:
            span = (p, p, False) if key == "footnote" else writer.anchor(p, edit)
            if span is not None:
                role = key[len("header:"):] if key and key.startswith("header:") else None
                break
        else:  # the text is not found (a rule's before/after is not a piece of one line): the paragraph
            if not candidates:
                continue
            p, key = candidates[0]
            role = key[len("header:"):] if key and key.startswith("header:") else None
            span = writer.whole(p)
            if span is None:
                continue
        writer.comment(span, comment_text(edit, cmp.new.language, role))
    return writer.save(draft.resolution)


def _edit_candidates(edit, plans: list[ParaPlan], writer: "_Writer") -> list[tuple[object, str | None]]:
    """(w:p element, line key) where an edit may stand, most likely first: the paragraph with its
    label and its sub-paragraph lines, the footnote with its number, or the header and closing lines."""
    if edit.label.startswith("footnote"):
        digits = "".join(ch for ch in edit.label if ch.isdigit())
        ref = writer.note_refs.get(int(digits)) if digits else None
        return [(ref, "footnote")] if ref is not None else []
    out = []
    if edit.label.startswith("header") or edit.label == "header":
        return [(writer.paragraphs[k], plan.style.key) for k, plan in enumerate(plans)
                if plan.style.key and plan.style.key.startswith("header:")]
    inside = False
    for k, plan in enumerate(plans):
        if plan.style.key == edit.label and plan.mark not in ("del", "moveFrom"):
            inside = True
        elif plan.style.key is not None:
            inside = False
        if inside:
            out.append((writer.paragraphs[k], plan.style.key))
    return out


