"""Alignment + word diff → Comparison: the one value every renderer reads.

(Named comparison.py, not compare.py, so that the package-level function ``resdiff.compare`` is not
shadowed by a submodule of the same name.)

compare() pairs the paragraphs (align.align), diffs the text inside each pair (worddiff.diff_words),
compares the footnotes carried by each pair, and lists header changes. Renderers never recompute.
"""

from __future__ import annotations

from resdiff.align import align
from resdiff.model import (
    AlignedPair,
    Comparison,
    FootnoteChange,
    HeaderChange,
    HeaderLine,
    PairDiff,
    Paragraph,
    Resolution,
    Segment,
)
from resdiff.normalize import normalize
from resdiff.worddiff import diff_words, prepare_pairs

# Header fields a drafter cares about, in the order reports list them.
HEADER_FIELDS = (
    "session", "agenda_item", "agenda_title", "symbol", "number", "title", "date",
    "report_symbol", "plenary_meeting", "body", "sponsors",
)
# Header lines kept as printed, with the fields read from them: the line is reported as changed only when
# none of its fields is (a new session already says that its session line changed).
PRINTED_LINE_FIELDS = {
    "session_text": ("session", "body"),
    "adoption": ("date", "body"),
    "report": ("report_symbol",),
    "author": ("body",),
}


def compare(old: Resolution, new: Resolution, strict: bool = False) -> Comparison:
    lang = _diff_language(old, new)
    alignment = align(old, new)
    # the tokenizer loads what every paired text needs at once (Chinese: one dictionary query)
    prepare_pairs(((_joined(old.paragraphs, ap.old), _joined(new.paragraphs, ap.new))
                   for ap in alignment.pairs if ap.old and ap.new), lang, strict)
    fallbacks: list[str] = []  # word diffs that had to use a coarser method (worddiff.EXACT_BUDGET)
    pairs = tuple(_pair_diff(old, new, ap, lang, strict, fallbacks) for ap in alignment.pairs)
    notes = tuple(f"{side}: {note}" for side, res in (("old", old), ("new", new)) for note in res.notes)
    notes += alignment.notes + tuple(dict.fromkeys(fallbacks))
    return Comparison(
        old=old, new=new, pairs=pairs, header_changes=header_changes(old, new, strict), strict=strict,
        notes=notes, header_lines=header_lines(old, new, lang, strict),
    )


def _diff_language(old: Resolution, new: Resolution) -> str:
    # Chinese segmentation only helps when both sides are Chinese; otherwise the generic tokenizer.
    if old.language == new.language:
        return new.language
    return "zh" if "zh" in (old.language, new.language) else "other"


def _joined(paragraphs: tuple[Paragraph, ...], indices: tuple[int, ...]) -> str:
    return "\n".join(paragraphs[i].text for i in indices)


def _pair_diff(old: Resolution, new: Resolution, ap: AlignedPair, lang: str, strict: bool,
               fallbacks: list[str] | None = None) -> PairDiff:
    old_text = _joined(old.paragraphs, ap.old)
    new_text = _joined(new.paragraphs, ap.new)
    if not ap.old:
        segments: tuple[Segment, ...] = (Segment("insert", new_text),)
    elif not ap.new:
        segments = (Segment("delete", old_text),)
    else:
        segments = layout_pieces(diff_words(old_text, new_text, lang, strict=strict, notes=fallbacks))
    text_changed = any(s.op != "equal" for s in segments)
    footnotes = _footnote_changes(old, new, ap, lang, strict)
    status = ap.status
    noted = any(not f.layout_only for f in footnotes)
    if status == "unchanged" and (text_changed or noted):
        status = "modified"  # strict mode sees layout changes; footnotes belong to their paragraph
    elif (status == "modified" and not text_changed and not noted
          and all(old.paragraphs[i].kind == new.paragraphs[j].kind for i in ap.old for j in ap.new)):
        # the keys differ only by layout the word diff sees through (a word split by a PDF extraction,
        # "devel opment"; spaces around a hyphen): "modified" with nothing marked would send the drafter
        # looking for a change that is not there
        status = "unchanged"
    return PairDiff(
        old=tuple(old.paragraphs[i].label for i in ap.old),
        new=tuple(new.paragraphs[i].label for i in ap.new),
        status=status,
        text_changed=text_changed,
        renumbered=ap.renumbered,
        similarity=round(ap.similarity, 3),
        segments=segments,
        footnotes=footnotes,
        old_index=ap.old,
        new_index=ap.new,
    )


def _footnote_changes(
    old: Resolution, new: Resolution, ap: AlignedPair, lang: str, strict: bool
) -> tuple[FootnoteChange, ...]:
    """Footnotes are compared in the order their markers appear in the paired paragraphs."""
    old_notes = [n for i in ap.old for n in old.paragraphs[i].footnotes] if ap.new else []
    new_notes = [n for i in ap.new for n in new.paragraphs[i].footnotes] if ap.old else []
    changes = []
    for k in range(max(len(old_notes), len(new_notes))):
        o = old_notes[k] if k < len(old_notes) else None
        n = new_notes[k] if k < len(new_notes) else None
        o_text = _footnote_text(old, o)
        n_text = _footnote_text(new, n)
        o_note, n_note = _note(old, o), _note(new, n)
        # endnotes are named as such, with the marks Word prints for them ("endnote i")
        marks = {"kind": (n_note or o_note).kind if (n_note or o_note) else "footnote",
                 "old_mark": o_note.mark if o_note else "", "new_mark": n_note.mark if n_note else ""}
        # A marker whose footnote body is not in the document (an excerpt) has no segments.
        if o is None:
            changes.append(FootnoteChange(None, n, (Segment("insert", n_text),) if n_text else (), **marks))
        elif n is None:
            changes.append(FootnoteChange(o, None, (Segment("delete", o_text),) if o_text else (), **marks))
        elif (o_text != n_text) if strict else (normalize(o_text) != normalize(n_text)):
            pieces = layout_pieces(diff_words(o_text, n_text, lang, strict=strict))
            # keys differing by layout the word diff sees through ("19 –22 May") are a layout change too
            seen = strict or any(s.op != "equal" for s in pieces)
            changes.append(FootnoteChange(o, n, pieces, layout_only=not seen, **marks))
        elif o_text != n_text:
            # Same text but for layout: no change for a reader, but a redline must still give back the
            # old characters on Reject All, so it needs the (small) layout pieces.
            changes.append(FootnoteChange(o, n, layout_pieces(diff_words(o_text, n_text, lang)), layout_only=True,
                                          **marks))
    return tuple(changes)


def _note(res: Resolution, number: int | None):
    return res.footnote(number) if number is not None else None


def _footnote_text(res: Resolution, number: int | None) -> str:
    if number is None:
        return ""
    note = res.footnote(number)
    return note.text if note else ""


def header_changes(old: Resolution, new: Resolution, strict: bool = False) -> tuple[HeaderChange, ...]:
    """Changed header fields, then each header line matching no field (Header.other) that was changed,
    added or removed, as field "other"."""
    changes = []
    for name in HEADER_FIELDS:
        a, b = getattr(old.header, name), getattr(new.header, name)
        a_s = None if a is None else str(a)
        b_s = None if b is None else str(b)
        same = a_s == b_s if strict or a_s is None or b_s is None else normalize(a_s) == normalize(b_s)
        if not same:
            changes.append(HeaderChange(name, a_s, b_s))
    # A printed line whose text changed while none of the fields read from it did ("Seventy-fourth
    # session" edited into "Seventy-fourth regular session": still session 74) is a change too.
    reported = {c.field for c in changes}
    for line, fields in PRINTED_LINE_FIELDS.items():
        a_s, b_s = getattr(old.header, line), getattr(new.header, line)
        if reported & set(fields) or a_s == b_s:
            continue
        if strict or a_s is None or b_s is None or _printed_key(line, a_s) != _printed_key(line, b_s):
            changes.append(HeaderChange(line, a_s, b_s))
    for a_s, b_s in other_line_pairs(old.header.other, new.header.other):
        same = a_s is not None and b_s is not None and (a_s == b_s if strict else normalize(a_s) == normalize(b_s))
        if not same:
            changes.append(HeaderChange("other", a_s, b_s))
    return tuple(changes)


def _printed_key(line: str, text: str) -> str:
    """What a printed header line is compared by outside --strict. The author line's final comma is
    source layout, not text: web copies of older resolutions print "大会" / "The General Assembly"
    alone on their line, the PDF of the same resolution "大会，" (issue 9, class 1)."""
    key = normalize(text)
    return key.rstrip(",，:：") if line == "author" else key


def other_line_pairs(old: tuple[str, ...], new: tuple[str, ...]) -> list[tuple[str | None, str | None]]:
    """Header lines that match no field, paired between the versions in reading order: equal lines (by
    normalised text) pair up, the lines between two equal pairs pair one to one, the rest stand alone, so an
    inserted line does not make every later line look changed."""
    from difflib import SequenceMatcher

    pairs: list[tuple[str | None, str | None]] = []
    matcher = SequenceMatcher(None, [normalize(x) for x in old], [normalize(x) for x in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        olds, news = list(old[i1:i2]), list(new[j1:j2])
        common = min(len(olds), len(news)) if op in ("equal", "replace") else 0
        pairs += list(zip(olds[:common], news[:common]))
        pairs += [(o, None) for o in olds[common:]] + [(None, n) for n in news[common:]]
    return pairs


# ── printed header and closing lines ─────────────────────────────────────────────────────────────

def printed_header_lines(res: Resolution) -> list[tuple[str, str]]:
    """(role, text) of the lines a document prints before its first paragraph, then of its closing
    lines (roles "closing0", "closing1" …), as the Word writer lays them out."""
    h = res.header
    zh = res.language == "zh"
    lines: list[tuple[str, str]] = []

    def add(role: str, text: str | None) -> None:
        if text:
            lines.append((role, text))

    add("session", h.session_text)
    # Lines matching no field (Header.other): kept, shown and compared like the rest. They are printed in
    # the masthead, where such lines stand (session dates, distribution): after the title, a reader would
    # take them for more of the title.
    for k, line in enumerate(h.other):
        add(f"other{k}", line)
    if h.agenda_item:
        add("agenda_item", f"议程项目 {h.agenda_item}" if zh else f"Agenda item {h.agenda_item}")
    add("agenda_title", h.agenda_title)
    if not h.number:
        add("symbol", h.symbol)  # a draft shows its own symbol; an adopted text shows its number
    add("sponsors", h.sponsors)
    add("adoption", h.adoption)
    add("report", h.report)
    if h.title:
        add("title", f"{h.number}. {h.title}" if h.number else h.title)
    add("author", h.author)
    lines += [(f"closing{k}", line) for k, line in enumerate(h.closing) if line]
    return lines


def header_lines(old: Resolution, new: Resolution, lang: str, strict: bool = False) -> tuple[HeaderLine, ...]:
    """Printed lines matched by role, in the new order with each old-only line right after its old
    predecessor; changed lines diffed word by word (layout noise cut small, as in paragraphs)."""
    old_lines, new_lines = _paired_other_roles(printed_header_lines(old), printed_header_lines(new), old, new)
    old_text, new_text = dict(old_lines), dict(new_lines)
    order = [role for role, _ in new_lines]
    for k, (role, _) in enumerate(old_lines):
        if role not in new_text:
            prev = next((r for r, _ in reversed(old_lines[:k]) if r in order), None)
            order.insert(order.index(prev) + 1 if prev else 0, role)
    out = []
    for role in order:
        o, n = old_text.get(role), new_text.get(role)
        if o is not None and n is not None:
            segments = (Segment("equal", n),) if o == n else layout_pieces(diff_words(o, n, lang, strict=strict))
        elif n is not None:
            segments = (Segment("insert", n),)
        else:
            segments = (Segment("delete", o),)
        out.append(HeaderLine(role, o, n, segments))
    return tuple(out)


def _paired_other_roles(old_lines: list[tuple[str, str]], new_lines: list[tuple[str, str]], old: Resolution,
                        new: Resolution) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Give the "other" lines of both sides the roles of their pairing (other_line_pairs), so that a line
    inserted among them is one insertion and the lines after it still meet their counterparts."""
    old_role: dict[int, str] = {}
    new_role: dict[int, str] = {}
    i = j = 0
    for k, (a, b) in enumerate(other_line_pairs(old.header.other, new.header.other)):
        if a is not None:
            old_role[i], i = f"other{k}", i + 1
        if b is not None:
            new_role[j], j = f"other{k}", j + 1

    def rekey(lines: list[tuple[str, str]], roles: dict[int, str]) -> list[tuple[str, str]]:
        out = []
        for role, text in lines:
            if role.startswith("other") and role[5:].isdigit():
                role = roles.get(int(role[5:]), role)
            out.append((role, text))
        return out

    return rekey(old_lines, old_role), rekey(new_lines, new_role)


# ── layout noise, cut small ───────────────────────────────────────────────────────────────────────

def layout_pieces(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """Cut every "equal" run whose sides differ by layout noise into the characters that really differ
    (each carrying its ``old_text``) and plain equal runs around them.

    A Word redline shows a layout difference as its own deletion + insertion (so that rejecting all gives
    the old characters exactly); cut small, that is "，" for "," or a lone space, not a whole sentence
    struck through. A space that exists on one side only is a piece with one empty side,
    ``Segment("equal", "", old_text=" ")`` (nothing new, one old space): the redline deletes just it."""
    out: list[Segment] = []
    for seg in segments:
        if seg.op == "equal" and seg.old_text is not None and seg.old_text != seg.text:
            for old, new in _char_pieces(seg.old_text, seg.text):
                out.append(Segment("equal", new, None if old == new else old))
        elif seg.op == "equal" and seg.old_text == seg.text:
            out.append(Segment("equal", seg.text))
        else:
            out.append(seg)
    merged: list[Segment] = []
    for seg in out:  # neighbouring plain equal runs become one
        if merged and seg.op == "equal" and seg.old_text is None and merged[-1].op == "equal" \
                and merged[-1].old_text is None:
            merged[-1] = Segment("equal", merged[-1].text + seg.text)
        else:
            merged.append(seg)
    return tuple(merged)


def _char_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """(old piece, new piece) in order: same pieces, and differing pieces (one side may be empty)."""
    from difflib import SequenceMatcher

    pieces: list[list[str]] = []
    i = j = 0
    for a, b, size in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks():
        if a > i or b > j:
            pieces.append([old[i:a], new[j:b]])
        if size:
            pieces.append([old[a:a + size], new[b:b + size]])
        i, j = a + size, b + size
    # Neighbouring differing pieces become one; same pieces stay as they are.
    out: list[tuple[str, str]] = []
    for o, n in pieces:
        if not o and not n:
            continue
        if out and o != n and out[-1][0] != out[-1][1]:
            out[-1] = (out[-1][0] + o, out[-1][1] + n)
        else:
            out.append((o, n))
    return out
