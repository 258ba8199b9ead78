"""Other series of the body's own resolutions: the latest one recalled beside this series has most likely
been followed by a newer one that nobody can number from the text, so it becomes a placeholder."""

from __future__ import annotations

from resdiff import patterns
from resdiff.draft.bodies import list_gains_placeholder, reference_placeholder
from resdiff.draft.context import PLACEHOLDER, Change, Context, Document
from resdiff.draft.refs import Ref, find_refs, including_one, item_end, item_start, title_score
from resdiff.model import Edit

_EN_GLUE = patterns.lazy_compile(r",?\s+and\s+|,\s*")
_ZH_GLUE = patterns.lazy_compile(r"\s*[、和及]\s*")
_EN_AND = patterns.lazy_compile(r",?\s+and\s+$")
_ZH_AND = patterns.lazy_compile(r"\s*[和及]\s*$")


def other_series(doc: Document, ctx: Context) -> list[Edit]:
    """The latest resolution of another of the body's yearly series, recalled here, gives way to a placeholder.

    A resolution adopted at session N recalls another series up to its resolution of session N − 1: that
    series' resolution of session N was adopted the same weeks, too late to be cited. The next draft cites it.
    ``… all subsequent General Assembly resolutions on the subject, including resolution 78/119 of 8 December
    2023`` (UNHCR's 79/156, after "its resolution 46/182 … on the strengthening of the coordination of
    emergency humanitarian assistance") → ``including resolution [●] of [●]`` (the real A/C.3/80/L.23:
    79/140 of 9 December 2024), and ``General Assembly resolution 78/119`` cited again → ``[●]``; a yearly
    list of another series ``… 77/205 of 15 December 2022 and 78/234 of 22 December 2023, entitled “A global
    call …”`` (in 79/160, Nazism) → ``…, 78/234 of 22 December 2023 and [●] of [●]`` (the real A/C.3/80/L.2
    adds 79/161 of 17 December 2024); ``包括2023年12月8日第78/119号决议`` → ``包括[●]年[●]月[●]日第[●]号决议``.

    Only where the text shows both that the series is another (its title named, or the chain of another
    resolution's subject) and that it is yearly (one "including" the latest of many, or a list whose last two
    items are of consecutive sessions); the series' own chain is the recall-chain rule's.
    """
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    own_numbers = {n for n in (ctx.number, doc.series_previous) if n}
    edits: list[Edit] = []
    replaced: set[str] = set()
    for i, p in enumerate(doc.paragraphs):
        refs = [r for r in find_refs(p, ctx.lang) if ctx.is_own(r) and r.session]
        changes: list[Change] = []
        for run in _runs(p.text, refs, ctx.lang):
            last = run[-1]
            number = _number(p.text, last)
            if last.session != ctx.old - 1 or last.year and last.year != year - 1:
                continue  # not the latest a yearly series could have had when this text was adopted
            if any(_number(p.text, r) in own_numbers for r in run) or not doc.is_free(i, run[0].start, last.end):
                continue
            single = len(run) == 1 and including_one(p.text, last, ctx.lang)
            yearly_list = len(run) >= 2 and run[-2].session == ctx.old - 2
            if not (single and _after_another_series(p, refs, last, ctx) or yearly_list and title_score(p, last, ctx) < 0):
                continue
            if single:
                before = p.text[last.start:last.end]
                after = reference_placeholder(p.text, last, ctx)
                changes.append(Change(last.start, last.end, after))
            else:
                glue = (_ZH_AND if ctx.lang == "zh" else _EN_AND).search(p.text, 0, item_start(p.text, last, ctx.lang))
                if glue is None:
                    continue  # "77/205, 78/234" without "and": not a list's end the rule can write
                list_changes, before, after = list_gains_placeholder(p.text, glue, last, ctx.lang)
                changes += list_changes
            replaced.add(number)
            edits.append(Edit(
                "other-series", p.label, before, after,
                f"{number} was the latest of another yearly series when this resolution was adopted; that series' "
                f"resolution of session {ctx.old} came the same weeks: give its number and date (or drop the "
                "placeholder if the series was not renewed)",
                placeholder=True,
            ))
        doc.change(i, changes)
    edits += _cited_again(doc, ctx, replaced)
    return edits


def _cited_again(doc: Document, ctx: Context, replaced: set[str]) -> list[Edit]:
    """The same resolution named elsewhere as the other series' latest ("in General Assembly resolution 78/119
    on the strengthening of the coordination …"): the same placeholder."""
    edits = []
    for i, p in enumerate(doc.paragraphs):
        changes = []
        for ref in find_refs(p, ctx.lang):
            if not ctx.is_own(ref) or ref.date or _number(p.text, ref) not in replaced or not doc.is_free(i, ref.start, ref.end):
                continue  # a dated citation says what that resolution did: history
            after = reference_placeholder(p.text, ref, ctx)
            changes.append(Change(ref.start, ref.end, after))
            edits.append(Edit("other-series", p.label, p.text[ref.start:ref.end], after,
                              f"the same resolution of another series as above ({_number(p.text, ref)}): give the latest",
                              placeholder=True))
        doc.change(i, changes)
    return edits


def _number(text: str, ref: Ref) -> str:
    return text[slice(*ref.number)].replace(" ", "")


def _runs(text: str, refs: list[Ref], lang: str) -> list[list[Ref]]:
    """The references in lists: items joined by commas and "and" / "、和" only."""
    glue = _ZH_GLUE if lang == "zh" else _EN_GLUE
    runs: list[list[Ref]] = []
    for ref in refs:
        if runs and glue.fullmatch(text, item_end(text, runs[-1][-1], lang), item_start(text, ref, lang)):
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return runs


def _after_another_series(p, refs: list[Ref], last: Ref, ctx: Context) -> bool:
    """"its resolution 46/182 … on the strengthening of … and all subsequent resolutions on the subject,
    including resolution 78/119": the many it is the latest of are another resolution's (its title or
    subject named, not this series')."""
    sentence_start = max(p.text.rfind(ch, 0, last.start) for ch in ";；。\n") + 1
    return any(r.end <= last.start and r.start >= sentence_start and title_score(p, r, ctx) < 0 for r in refs)
