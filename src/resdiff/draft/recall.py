"""Recall chain: the reference to the series' latest earlier resolution becomes the resolution being
updated (number and adoption date from its header)."""

from __future__ import annotations

import re

from resdiff import patterns
from resdiff.draft.context import PLACEHOLDER, Change, Context, Document, replace_within
from resdiff.draft.refs import Ref, find_refs, including_one, item_end, item_start, title_score
from resdiff.draft.session import en_date
from resdiff.lang.numerals import EN_MONTHS
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
            if including_one(p.text, ref, ctx.lang) and any(
                ctx.is_own(r) and r.end <= ref.start and title_score(p, r, ctx) < 0 for r in find_refs(p, ctx.lang)
            ):
                # "its resolution 46/182 … on the strengthening of the coordination of emergency humanitarian
                # assistance … and all subsequent resolutions on the subject, including resolution 78/119"
                continue
            # latest session first; then the one naming this title; preambular before operative; reading order
            rank = (ref.session, score, p.kind == PREAMBULAR, -i)
            if best is None or rank > best[0]:
                best = (rank, i, ref)
    return (best[1], best[2]) if best else None


def recall_chain(doc: Document, ctx: Context) -> list[Edit]:
    """The paragraph recalling the latest earlier resolution of the series recalls the one being updated.

    A single recall is replaced: ``Recalling its resolution 74/153 of 18 December 2019`` → ``… 75/180 of
    16 December 2020``; ``回顾大会 2019 年 12 月 18 日第 74/153 号决议`` → ``… 2020 年 12 月 16 日第 75/180
    号决议``. A list of the series' resolutions is extended: ``… 77/153 of 14 December 2022 and 78/137 of
    19 December 2023,`` → ``… 77/153 of 14 December 2022, 78/137 of 19 December 2023 and 79/197 of
    19 December 2024,``; ``第 77/186 号和第 78/168 号决议`` → ``第 77/186 号、第 78/168 号和第 79/227 号决议``;
    ``its previous resolutions on the subject, including resolution 78/197`` gains the new one too. A list
    is only extended when its latest item is of the session one cycle back (78 for a yearly text adopted
    at the seventy-ninth): a list of another series, or one with years skipped, stays as it is.
    """
    found = _series_reference(doc.paragraphs, ctx)
    if found is None:
        doc.notes.append("no recall of an earlier resolution of this series found; the recall chain is unchanged")
        return []
    index, ref = found
    p = doc.paragraphs[index]
    doc.series_previous = p.text[slice(*ref.number)].replace(" ", "")
    refs = find_refs(p, ctx.lang)
    listed, prev = _list_position(p.text, ref, refs, ctx)
    if listed == "inside":
        doc.notes.append(f"{p.label}: the series' latest resolution is not the last of its list; the list is left as it is")
        return []
    plural = listed is None and including_one(p.text, ref, ctx.lang)
    if not listed and not plural and not _recalls(p, ref, ctx.lang):
        # "Welcomes the extension by the General Assembly, in its resolution 76/202 of 17 December 2021, of
        # the mandate …": a resolution cited for what it did, not the chain the next draft updates
        doc.notes.append(f"{p.label}: the latest resolution of the series ({p.text[slice(*ref.number)]}) is not "
                         "recalled there; the recall chain is unchanged")
        return []
    if listed or plural:
        if ref.session != ctx.old - ctx.cycle:
            doc.notes.append(
                f"{p.label}: the list's latest resolution ({p.text[slice(*ref.number)]}) is not of the session "
                f"{ctx.cycle} before this one's: another series, or years skipped; the list is left as it is"
            )
            return []
        edit, change = _extend_list(p, ref, prev, ctx)
        doc.change(index, [change])
        doc.chain = (index, change.start, change.start + len(change.text))
        return [edit]
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
        return patterns.sub(r"\d+", lambda _: next(digits), old, count=3)
    m = patterns.match(r"(\s+of\s+)", old)
    return (m.group(1) if m else " of ") + (en_date(ctx.date) if ctx.date else PLACEHOLDER)




_EN_LIST_GLUE = patterns.lazy_compile(r",?\s+and\s+|,\s*")
_ZH_LIST_GLUE = patterns.lazy_compile(r"\s*[、和及]\s*")


def _list_position(text: str, ref: Ref, refs: list[Ref], ctx: Context) -> tuple[str | None, Ref | None]:
    """("last", item before) when ``ref`` ends a list of the body's own resolutions, ("inside", None) when
    more follow, else (None, None)."""
    glue = _ZH_LIST_GLUE if ctx.lang == "zh" else _EN_LIST_GLUE
    own = [r for r in refs if ctx.is_own(r) and r is not ref]
    start = item_start(text, ref, ctx.lang)
    before = [r for r in own if r.end <= start]
    after = [r for r in own if item_start(text, r, ctx.lang) >= ref.end]
    tail = item_end(text, ref, ctx.lang)
    if after and glue.fullmatch(text, tail, item_start(text, after[0], ctx.lang)):
        return "inside", None
    if before and glue.fullmatch(text, item_end(text, before[-1], ctx.lang), start):
        return "last", before[-1]
    return None, None


def _extend_list(p: Paragraph, ref: Ref, prev: Ref | None, ctx: Context) -> tuple[Edit, Change]:
    text = p.text
    zh = ctx.lang == "zh"
    start, end = item_start(text, ref, ctx.lang), item_end(text, ref, ctx.lang)
    pieces = [(ref.number, ctx.number or PLACEHOLDER)]
    if ref.date and start <= ref.date[0] < end:
        pieces.append((ref.date, date_like(text[slice(*ref.date)], ctx)))
    old_item = text[start:end]
    new_item = replace_within(text, start, end, pieces)
    if prev:
        gap_start = start - len(patterns.search(r"(?:,?\s+and\s+|,\s*|\s*[、和及]\s*)$", text[:start]).group(0))
        change = Change(gap_start, end, ("、" if zh else ", ") + old_item + ("和" if zh else " and ") + new_item)
    else:
        word = patterns.search(r"resolution\s+$", text[:start]) if not zh else None
        gap_start = word.start() if word else start
        lead = "resolutions " if word else ""
        change = Change(gap_start, end, lead + old_item + ("和" if zh else " and ") + new_item)
    # shown from the item before, so the edit reads as a list: "77/153 of …, 78/137 of … and 79/197 of …"
    shown = item_start(text, prev, ctx.lang) if prev else gap_start
    before = text[shown:end]
    after = text[shown:gap_start] + change.text
    edit = Edit(
        "recall-chain", p.label, before, after,
        f"the list of the series' resolutions gains the one being updated ({ctx.number or PLACEHOLDER}"
        + (f" of {ctx.date}" if ctx.date else "") + ")",
        placeholder=PLACEHOLDER in after,
    )
    return edit, change


_EN_REPORT_ON = patterns.lazy_compile(
    r"\breports?\s+(?:of|by)\s+the\s+(?:Secretary-General|Special\s+Rapporteur|High\s+Commissioner|Independent\s+Expert)"
    r"\b[^;:]{0,160}?\b(?:on\s+the\s+implementation\s+of|(?:(?:submitted|prepared)\s+)?(?:pursuant\s+to|in\s+accordance\s+with)"
    r"(?:\s+the\s+request\s+contained\s+in)?|(?:as\s+)?requested\s+in)\s+(?:paragraph\s+\d+\s+of\s+)?"
    rf"(?:General\s+Assembly\s+|its\s+)?resolution\s+(?P<num>\d{{1,3}}/\d{{1,4}})\b(?P<date>\s+of\s+\d{{1,2}}\s+(?:{'|'.join(EN_MONTHS)})\s+\d{{4}})?"
)
_ZH_REPORT_ON = patterns.lazy_compile(
    r"(?:秘书长|特别报告员|高级专员|独立专家)[^；;。]{0,40}?(?:关于|根据|依照|按照)(?:大会)?(?P<date>\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?"
    r"第\s*(?P<num>\d{1,3}/\d{1,4})\s*号决议[^；;。]{0,20}?(?:执行情况)?(?:的|提交的|所提交的|编写的|编制的)报告"
)


def reports_on_the_series(doc: Document, ctx: Context) -> list[Edit]:
    """A report asked for by the last resolution of the series becomes one asked for by the resolution being
    updated.

    ``Takes note of the report of the Secretary-General on the implementation of General Assembly
    resolution 78/152`` → ``… resolution 79/205``; ``… submitted pursuant to paragraph 5 of its resolution
    78/44 of 4 December 2023`` → ``… 79/33 of 2 December 2024``; ``the report of the Special Rapporteur …,
    prepared in accordance with the request contained in its resolution 78/190`` → ``79/160``;
    ``秘书长关于第 78/152 号决议执行情况的报告`` → ``第 79/205 号``. Only the series' latest earlier resolution
    moves (the one the recall chain found, else one of the session a cycle back): a report asked for by an
    older resolution is history.
    """
    if not ctx.number:
        return []
    edits = []
    pattern = _ZH_REPORT_ON if ctx.lang == "zh" else _EN_REPORT_ON
    for i, p in enumerate(doc.paragraphs):
        changes = []
        for m in pattern.finditer(p.text):
            number = m.group("num")
            series = number == doc.series_previous or (
                doc.series_previous is None and number.split("/")[0] == str(ctx.old - ctx.cycle))
            if not series or not doc.is_free(i, *m.span("num")) or number == ctx.number:
                continue
            pieces = [(m.span("num"), ctx.number)]
            if m.group("date") and ctx.date:
                pieces.append((m.span("date"), date_like(m.group("date"), ctx)))
            after = replace_within(p.text, m.start(), m.end(), pieces)
            changes.append(Change(m.start(), m.end(), after))
            edits.append(Edit(
                "recall-chain", p.label, m.group(0), after,
                f"the next report is asked for by the resolution being updated ({ctx.number}), not by {number}",
            ))
        doc.change(i, changes)
    return edits


_EN_RECALL = patterns.lazy_compile(r"\b(?:Recall|Reaffirm|Bear|Bearing in mind|Guided)\w*\b", re.I)
_ZH_RECALL = patterns.lazy_compile(r"回顾|重申|忆及|铭记|遵循")


def _recalls(p: Paragraph, ref: Ref, lang: str) -> bool:
    """The clause holding ``ref`` recalls it ("Recalling its resolution …", "回顾大会…第…号决议")."""
    text = p.text
    clause_start = max(text.rfind(ch, 0, ref.start) for ch in ";；。\n") + 1
    lead = text[clause_start:ref.start]
    if lang == "zh":
        return bool(_ZH_RECALL.search(lead))
    return bool(_EN_RECALL.search(lead))
