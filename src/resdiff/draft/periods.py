"""Cycles and periods: what a yearly text says about this year's round of a recurring event moves to next
year's round — a body's annual session (``its substantive session of 2025`` → ``2026``), a numbered
meeting held every year (``the Tenth Conference of States Parties …, held … from 19 to 23 August 2024`` →
``the Eleventh Conference …, held … from [●] 2025``), a reporting period (``for 2023/24`` → ``2024/25``).
A future meeting's dates are not known: they become placeholders. Years are moved by the sessions the
draft moves on (one a year); only this year's and next year's are touched (older ones are history)."""

from __future__ import annotations

import re

from resdiff import patterns
from resdiff.draft.context import PLACEHOLDER, Change, Context, Document
from resdiff.draft.forward import ordinal_value
from resdiff.lang.numerals import EN_MONTHS, EN_ORDINAL, ZH_NUMERAL, en_ordinal_like, zh_numeral
from resdiff.model import Edit
from resdiff.records import mutable_record

_MONTH = "|".join(EN_MONTHS)
# a body's yearly session named by its year: "its 2024 session", "substantive session of 2025",
# "the 2024 high-level political forum", "the 2024 Economic and Social Council forum on financing …"
_EN_YEAR_SESSION = patterns.lazy_compile(
    r"\b(?P<y>20\d\d)(?=\s+(?:substantive\s+|organizational\s+|regular\s+|annual\s+|resumed\s+)?sessions?\b"
    r"|\s+high-level\s+political\s+forum\b|\s+(?:[A-Z][\w-]*\s+(?:and\s+|on\s+|of\s+)?){1,6}[Ff]orum\b)"
    r"|\b(?<=sessions\sof\s)(?P<y2>20\d\d)\b|\b(?<=session\sof\s)(?P<y3>20\d\d)\b"
)
_ZH_YEAR_SESSION = patterns.lazy_compile(
    r"(?P<y>20\d\d)(?=\s*年\s*(?:实质性|组织|常会|年度|续会)?(?:会议|届会)|\s*年\s*(?:高级别政治论坛|[\u4e00-\u9fff]{0,12}论坛))"
)
# the high-level political forum held under the auspices of the General Assembly (the SDG Summit), not the
# Economic and Social Council's yearly one: "the political declaration of the 2023 high-level political forum on
# sustainable development convened under the auspices of the General Assembly", "在大会主持下召开的2023年…论坛"
_FOUR_YEARLY = patterns.lazy_compile(r"high-level\s+political\s+forum\b[^;]{0,80}?\bunder\s+the\s+auspices\s+of\s+the\s+General\s+Assembly|大会主持下[^，；。]{0,10}20\d\d\s*年[^，；。]{0,20}高级别政治论坛")
# the same round's time words in that clause ("during 2025", "at the beginning of 2025")
_EN_YEAR_NEAR = patterns.lazy_compile(r"\b(?:during|at\s+the\s+(?:beginning|end)\s+of|in\s+the\s+(?:first|second)\s+half\s+of)\s+(?P<y>20\d\d)\b")
_ZH_YEAR_NEAR = patterns.lazy_compile(r"(?P<y>20\d\d)(?=\s*年\s*(?:期间|年初|年底|上半年|下半年))")
# a clause asking a body to hold its yearly session ("to hold a substantive session … during 2025")
_EN_HOLD = patterns.lazy_compile(r"\bto\s+(?:hold|convene)\s+(?:a|an|its)\s+(?:\w+\s+){0,2}session\b")
_ZH_HOLD = patterns.lazy_compile(r"举行(?:一届|一次|其)?[\u4e00-\u9fff]{0,4}(?:会议|届会)")
# dates of a meeting: "from 19 to 23 August 2024", "on 1 April 2024", "in November 2024", "from 7 to 25 April"
_EN_DATE = patterns.lazy_compile(
    rf"\b(?:\d{{1,2}}\s*(?:(?:to|-|–|and)\s*\d{{1,2}}\s+)?(?:{_MONTH})|(?:{_MONTH}))(?:\s+(?P<y>20\d\d))?\b"
)
_ZH_DATE = patterns.lazy_compile(r"(?P<y>20\d\d)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日(?:\s*至\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?)?")
_EN_MEETING = patterns.lazy_compile(r"\b\d{1,4}(?:st|nd|rd|th)(?=\s+(?:plenary\s+)?meeting\b)")
# a numbered round of a yearly event: "the Tenth Conference of States Parties", "its eighth session"
_EN_ROUND = patterns.lazy_compile(
    rf"\b(?:the|its|their)\s+(?P<ord>{EN_ORDINAL})\s+(?!special\b|emergency\b)(?=(?:[A-Z][\w-]*\s+){{0,6}}?(?:Conference|Meeting|Forum|Summit|session|meeting|edition)\b)",
    re.I,
)
_ZH_ROUND = patterns.lazy_compile(rf"第(?P<ord>{ZH_NUMERAL})(?:次|届)(?=[\u4e00-\u9fff]{{0,12}}?(?:会议|论坛|峰会|届会))")
_EN_DAY = patterns.lazy_compile(r"\b(?:to\s+(?:mark|commemorate|observe|celebrate)|in\s+observance\s+of|on\s+the\s+occasion\s+of)\s+(?:the\s+)?(?:International|World|United\s+Nations)\s+(?:[A-Z][\w-]*\s+)?Day\b")
_ZH_DAY = patterns.lazy_compile(r"(?:纪念|庆祝|举办)[^，；。]{0,30}(?:国际日|世界日|日活动)")
# a reporting period of two years: "for 2023/24", "activities for 2024/25", "the biennium 2024–2025"
_PERIOD = patterns.lazy_compile(r"(?<![\d/–-])(?P<a>20\d\d)(?P<sep>/|–|-)(?P<b>\d\d|20\d\d)(?![\d/–-])")
_EN_PERIOD_CONTEXT = patterns.lazy_compile(r"\b(?:for|period|biennium|budget|fiscal|cycle|programme|plan)\b[^,;]{0,25}$", re.I)
_ZH_PERIOD_CONTEXT = patterns.lazy_compile(r"(?:两年期|期间|财政|方案|计划|周期)[^，；]{0,6}$")
# a report asked for in a given year: "and to report on the results to Member States in 2025"
_EN_REPORT_IN = patterns.lazy_compile(r"\bto\s+(?:report|submit|present)\b[^;]{0,160}?\b(?:in|during)\s+(?P<y>20\d\d)\b(?![/–-]\d)")
_ZH_REPORT_IN = patterns.lazy_compile(r"(?:在|于)\s*(?P<y>20\d\d)\s*年(?:期间)?(?:内)?[^；。]{0,40}?(?:报告|提交)")
_ROUND_MAX = 40  # beyond this an ordinal is a General Assembly or Council session, moved by other rules


@mutable_record
class _Found:
    """A period or cycle found in a paragraph: where it stands, the new text and why."""

    start: int
    end: int
    text: str
    why: str


def cycles_and_periods(doc: Document, ctx: Context) -> list[Edit]:
    """Yearly rounds and two-year periods of this year and next move on by the draft's cycle.

    ``the Disarmament Commission adopted the agenda for its substantive session of 2024`` → ``2025``, and in
    that clause ``at its 390th meeting, on 1 April 2024`` → ``at its [●] meeting, on [●] 2025``;
    ``Requests the Disarmament Commission to hold a substantive session … during 2025, namely from 7 to 25
    April`` → ``during 2026, namely from [●]``; ``the 2024 session of the Economic and Social Council`` →
    ``2025``; ``the Tenth Conference of States Parties …, held … from 19 to 23 August 2024`` → ``the Eleventh
    Conference …, held … from [●] 2025``; ``its eighth session, held in November 2024`` → ``its ninth session,
    held in [●] 2025``; ``report … for 2023/24`` → ``2024/25``; ``2024年实质性会议`` → ``2025年``;
    ``第十次缔约国会议 … 2024年8月19日至23日`` → ``第十一次 … [●]``.
    """
    if ctx.lang not in ("en", "zh"):
        return []
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old  # session 79 opens in September 2024
    shift = ctx.new - ctx.old
    edits: list[Edit] = []
    for i, p in enumerate(doc.paragraphs):
        found: list[_Found] = []
        bounds = [-1] + [k for k, ch in enumerate(p.text) if ch in ";；。\n"] + [len(p.text)]
        for a, b in zip(bounds, bounds[1:]):
            found += _clause(p.text, a + 1, b, year, shift, ctx)
        # a clause another rule already rewrote (the recall chain's new date) is left to that rule
        found = [f for f in _non_overlapping(found) if doc.is_free(i, f.start, f.end)]
        taken = doc.taken.get(i, [])
        found = [f for f in found if not any(s < f.end + 220 and e > f.start and _same_clause(p.text, f.start, s) for s, e in taken)]
        if not found:
            continue
        doc.change(i, [Change(f.start, f.end, f.text) for f in found])
        for f in found:
            edits.append(Edit("cycle", p.label, p.text[f.start:f.end], f.text, f.why, placeholder=PLACEHOLDER in f.text))
    return edits


def _clause(text: str, start: int, end: int, year: int, shift: int, ctx: Context) -> list[_Found]:
    zh = ctx.lang == "zh"
    this_round = (year, year + 1)
    out: list[_Found] = []
    moved_years: set[int] = set()
    for m in (_ZH_YEAR_SESSION if zh else _EN_YEAR_SESSION).finditer(text, start, end):
        group = next(g for g in ("y", "y2", "y3") if g in m.re.groupindex and m.group(g))
        y = int(m.group(group))
        if _FOUR_YEARLY.search(text[max(start, m.start() - 30):min(end, m.end() + 120)]):
            continue  # the forum under the Assembly's auspices meets every four years (2019, 2023, 2027)
        if y in this_round:
            moved_years.add(y)
            out.append(_Found(*m.span(group), str(y + shift), f"a yearly session of {y}: next year's round is {y + shift}"))
    holds = (_ZH_HOLD if zh else _EN_HOLD).search(text, start, end)
    if moved_years or holds:
        for m in (_ZH_YEAR_NEAR if zh else _EN_YEAR_NEAR).finditer(text, start, end):
            y = int(m.group("y"))
            if y in moved_years or holds and y in this_round:
                moved_years.add(y)
                out.append(_Found(*m.span("y"), str(y + shift), f"the time of the round of {y} moves with it"))
        out += _dates(text, start, end, moved_years, shift, zh, "the meeting's dates of the next round are not known yet")
        if not zh:
            for m in _EN_MEETING.finditer(text, start, end):
                out.append(_Found(m.start(), m.end(), PLACEHOLDER, "the meeting of the next round is not known yet"))
    out += _rounds(text, start, end, this_round, shift, zh, ctx.title or "")
    if (_ZH_DAY if zh else _EN_DAY).search(text, start, end):
        # "the commemorative event held on 21 March 2024 to mark the International Day …": a day kept every
        # year on the same date, so next year's event is on the same day of the next year
        for m in (_ZH_DATE if zh else _EN_DATE).finditer(text, start, end):
            if m.group("y") and int(m.group("y")) in this_round and patterns.match(r"\d", m.group(0)):
                y = int(m.group("y"))
                out.append(_Found(*m.span("y"), str(y + shift), f"a yearly observance: next year's falls in {y + shift}"))
    out += _periods(text, start, end, year, shift, zh)
    for m in (_ZH_REPORT_IN if zh else _EN_REPORT_IN).finditer(text, start, end):
        y = int(m.group("y"))
        if y == year + 1:  # next year's report, asked again by the next resolution for the year after
            out.append(_Found(*m.span("y"), str(y + shift), f"a report asked for in {y}: the next resolution asks for it a year on"))
    return out


def _dates(text: str, start: int, end: int, years: set[int], shift: int, zh: bool, why: str) -> list[_Found]:
    out = []
    for m in (_ZH_DATE if zh else _EN_DATE).finditer(text, start, end):
        y = int(m.group("y")) if m.group("y") else None
        if y is not None and y not in years:
            continue
        if y is None and zh:
            continue
        if y is None and len(years) != 1:
            continue  # "from 7 to 25 April" beside two years: which one is unclear
        if y is None and not patterns.match(r"\d", m.group(0)):
            continue  # a month alone without a year ("in April") is not a date of the round
        new = PLACEHOLDER if y is None else (f"{y + shift}年{PLACEHOLDER}" if zh else f"{PLACEHOLDER} {y + shift}")
        out.append(_Found(m.start(), m.end(), new, why))
    return out


def _rounds(text: str, start: int, end: int, this_round: tuple[int, int], shift: int, zh: bool, title: str) -> list[_Found]:
    """"the Tenth Conference …, held … 2024, … the Eleventh Conference … will be held … 2025": numbered
    rounds of what the resolution is about (its title in the event's name), and only when the clause
    itself shows them yearly (consecutive numbers in consecutive years). A single round may be a one-off
    or come every third year (the Second World Summit, a Global Platform): left alone."""
    title_words = _significant(title, zh)
    heads: set[str] = set()  # names of the rounds matched: "Conference of States Parties" again later
    rounds = list((_ZH_ROUND if zh else _EN_ROUND).finditer(text, start, end))
    found = []  # (value, year, match, stop)
    for k, m in enumerate(rounds):
        value = ordinal_value(m.group("ord"))
        if value is None or value > _ROUND_MAX:
            continue
        name = text[m.end():m.end() + 120].split(",")[0].split("，")[0]
        head = " ".join(name.split()[:4]) if not zh else name[:5]  # "Conference of States Parties", "缔约国会议"
        if zh:  # the owner comes first in Chinese: "武器贸易条约第十次缔约国会议"
            name = patterns.split(r"[，；、]", text[max(start, m.start() - 20):m.start()])[-1] + name[:12]
        if head not in heads and (not title_words or len(title_words & _significant(name, zh)) < min(2, len(title_words))):
            continue
        heads.add(head)
        stop = min(rounds[k + 1].start() if k + 1 < len(rounds) else end, m.end() + 220)
        dates = [d for d in (_ZH_DATE if zh else _EN_DATE).finditer(text, m.end(), stop) if d.group("y")]
        if dates and int(dates[0].group("y")) in this_round:
            found.append((value, int(dates[0].group("y")), m, stop))
    yearly = {(v, y) for v, y, _, _ in found} & {(v - 1, y - 1) for v, y, _, _ in found}
    yearly |= {(v + 1, y + 1) for v, y in yearly}
    out = []
    for value, y, m, stop in found:
        if (value, y) not in yearly:
            continue
        new_ord = zh_numeral(value + shift) if zh else en_ordinal_like(value + shift, m.group("ord"))
        out.append(_Found(*m.span("ord"), new_ord, f"a yearly round held in {y}: the next one is number {value + shift}"))
        out += _dates(text, m.end(), stop, {y}, shift, zh, "the dates of the next round are not known yet")[:1]
    return out


def _same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not any(ch in ";；。\n" for ch in text[lo:hi])


def _significant(text: str, zh: bool) -> set[str]:
    if zh:
        return {text[k:k + 2] for k in range(len(text) - 1) if patterns.fullmatch(r"[\u4e00-\u9fff]{2}", text[k:k + 2])} - {"联合", "合国"}
    return {w.lower() for w in patterns.findall(r"[A-Za-z][\w-]+", text)} - {"the", "of", "on", "and", "in", "for", "to", "united", "nations"}


def _periods(text: str, start: int, end: int, year: int, shift: int, zh: bool) -> list[_Found]:
    out = []
    for m in _PERIOD.finditer(text, start, end):
        a, b = int(m.group("a")), m.group("b")
        b_full = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if b_full != a + 1 or a not in (year - 1, year):
            continue
        if not (_ZH_PERIOD_CONTEXT if zh else _EN_PERIOD_CONTEXT).search(text[max(start, m.start() - 40):m.start()]):
            continue
        new_b = str(b_full + shift) if len(b) == 4 else f"{(b_full + shift) % 100:02d}"
        out.append(_Found(m.start(), m.end(), f"{a + shift}{m.group('sep')}{new_b}",
                          f"a two-year period moves on by the draft's cycle ({shift})"))
    return out


def _non_overlapping(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if not out or f.start >= out[-1].end:
            out.append(f)
    return out
