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
    PairDiff,
    Paragraph,
    Resolution,
    Segment,
)
from resdiff.normalize import normalize
from resdiff.worddiff import diff_words

# Header fields a drafter cares about, in the order reports list them.
HEADER_FIELDS = (
    "session", "agenda_item", "agenda_title", "symbol", "number", "title", "date",
    "report_symbol", "plenary_meeting", "body", "sponsors",
)


def compare(old: Resolution, new: Resolution, strict: bool = False) -> Comparison:
    lang = _diff_language(old, new)
    alignment = align(old, new)
    pairs = tuple(_pair_diff(old, new, ap, lang, strict) for ap in alignment.pairs)
    notes = tuple(f"{side}: {note}" for side, res in (("old", old), ("new", new)) for note in res.notes)
    return Comparison(
        old=old, new=new, pairs=pairs, header_changes=header_changes(old, new, strict), strict=strict,
        notes=notes,
    )


def _diff_language(old: Resolution, new: Resolution) -> str:
    # Chinese segmentation only helps when both sides are Chinese; otherwise the generic tokenizer.
    if old.language == new.language:
        return new.language
    return "zh" if "zh" in (old.language, new.language) else "other"


def _joined(paragraphs: tuple[Paragraph, ...], indices: tuple[int, ...]) -> str:
    return "\n".join(paragraphs[i].text for i in indices)


def _pair_diff(old: Resolution, new: Resolution, ap: AlignedPair, lang: str, strict: bool) -> PairDiff:
    old_text = _joined(old.paragraphs, ap.old)
    new_text = _joined(new.paragraphs, ap.new)
    if not ap.old:
        segments: tuple[Segment, ...] = (Segment("insert", new_text),)
    elif not ap.new:
        segments = (Segment("delete", old_text),)
    else:
        segments = diff_words(old_text, new_text, lang, strict=strict)
    text_changed = any(s.op != "equal" for s in segments)
    footnotes = _footnote_changes(old, new, ap, lang, strict)
    status = ap.status
    if status == "unchanged" and (text_changed or footnotes):
        status = "modified"  # strict mode sees layout changes; footnotes belong to their paragraph
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
        # A marker whose footnote body is not in the document (an excerpt) has no segments.
        if o is None:
            changes.append(FootnoteChange(None, n, (Segment("insert", n_text),) if n_text else ()))
        elif n is None:
            changes.append(FootnoteChange(o, None, (Segment("delete", o_text),) if o_text else ()))
        elif (o_text != n_text) if strict else (normalize(o_text) != normalize(n_text)):
            changes.append(FootnoteChange(o, n, diff_words(o_text, n_text, lang, strict=strict)))
    return tuple(changes)


def _footnote_text(res: Resolution, number: int | None) -> str:
    if number is None:
        return ""
    note = res.footnote(number)
    return note.text if note else ""


def header_changes(old: Resolution, new: Resolution, strict: bool = False) -> tuple[HeaderChange, ...]:
    changes = []
    for name in HEADER_FIELDS:
        a, b = getattr(old.header, name), getattr(new.header, name)
        a_s = None if a is None else str(a)
        b_s = None if b is None else str(b)
        same = a_s == b_s if strict or a_s is None or b_s is None else normalize(a_s) == normalize(b_s)
        if not same:
            changes.append(HeaderChange(name, a_s, b_s))
    return tuple(changes)
