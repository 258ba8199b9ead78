"""Recall chain: the reference to the series' latest earlier resolution becomes the resolution being
updated (number and adoption date from its header)."""

from __future__ import annotations

import re

from resdiff.draft.context import PLACEHOLDER, Change, Context, Document, replace_within
from resdiff.draft.refs import Ref, find_refs, title_score
from resdiff.draft.session import en_date
from resdiff.model import PREAMBULAR, Edit, Paragraph

YEARS_BACK = 5  # how many sessions back the latest resolution of a series may be (biennial, triennial …)


def _series_reference(paragraphs: list[Paragraph], ctx: Context) -> tuple[int, Ref] | None:
    """(index, reference) of the latest earlier resolution of this series by the same body."""
    best = None
    year = int(ctx.date[:4]) if ctx.date else None
    for i, p in enumerate(paragraphs):
        for ref in find_refs(p, ctx.lang):
            if not ctx.is_own(ref) or ref.session is None:
                continue
            if not ctx.old - YEARS_BACK <= ref.session < ctx.old:
                continue
            if year and ref.year and not year - YEARS_BACK - 1 <= ref.year <= year:
                continue  # GA resolution 33/134 of 1978 in a Council text of 2018: same numbers, other era
            if ctx.number and p.text[slice(*ref.number)].replace(" ", "") == ctx.number:
                continue
            score = title_score(p, ref, ctx)
            if score < 0:
                continue  # another series ("entitled 'Transforming our world'")
            # latest session first; then the one naming this title; preambular before operative; reading order
            rank = (ref.session, score, p.kind == PREAMBULAR, -i)
            if best is None or rank > best[0]:
                best = (rank, i, ref)
    return (best[1], best[2]) if best else None


def recall_chain(doc: Document, ctx: Context) -> list[Edit]:
    """The paragraph recalling the latest earlier resolution of the series recalls the one being updated.

    ``Recalling its resolution 74/153 of 18 December 2019`` → ``… 75/180 of 16 December 2020``;
    ``回顾大会 2019 年 12 月 18 日第 74/153 号决议`` → ``… 2020 年 12 月 16 日第 75/180 号决议``.
    """
    found = _series_reference(doc.paragraphs, ctx)
    if found is None:
        doc.notes.append("no recall of an earlier resolution of this series found; the recall chain is unchanged")
        return []
    index, ref = found
    p = doc.paragraphs[index]
    changes: list[Change] = []
    edits: list[Edit] = []

    # the series' own reference: the resolution being updated, with its number and adoption date
    before = p.text[ref.start:ref.end]
    new_number = ctx.number or PLACEHOLDER
    pieces = [(ref.number, new_number)]
    if ref.date:
        pieces.append((ref.date, date_like(p.text[slice(*ref.date)], ctx)))
    after = replace_within(p.text, ref.start, ref.end, pieces)
    old_number = p.text[slice(*ref.number)]
    changes.append(Change(ref.start, ref.end, after))
    edits.append(Edit(
        "recall-chain", p.label, before, after,
        f"recalls the resolution being updated ({new_number}"
        + (f" of {ctx.date}" if ctx.date else "") + f") instead of {old_number}",
        placeholder=PLACEHOLDER in after,
    ))

    doc.change(index, changes)
    doc.chain = (index, ref.start, ref.start + len(after))
    return edits


def date_like(old: str, ctx: Context) -> str:
    """The adoption date written like ``old`` ("2019 年 12 月 18 日" spacing kept, " of 19 December 2017")."""
    if ctx.lang == "zh":
        values = ctx.date.split("-") if ctx.date else [PLACEHOLDER] * 3
        values = [v.lstrip("0") or "0" for v in values] if ctx.date else values
        digits = iter(values)
        return re.sub(r"\d+", lambda _: next(digits), old, count=3)
    m = re.match(r"(\s+of\s+)", old)
    return (m.group(1) if m else " of ") + (en_date(ctx.date) if ctx.date else PLACEHOLDER)


