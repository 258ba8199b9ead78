"""Resolution references inside a paragraph, in both languages: where each one is, its number, date,
year, session and the body that adopted it. Shared by the recall chain and the other bodies' rule.

``大会 2019 年 12 月 18 日第 74/153 号决议``, ``其1999年12月17日关于…的第54/181号决议``,
``its resolution 72/169 of 19 December 2017``, ``Human Rights Council resolution 44/18 of 17 July 2020``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdiff import patterns
from resdiff.draft.context import Context
from resdiff.lang.numerals import EN_MONTHS
from resdiff.model import Paragraph
from resdiff.normalize import normalize


@dataclass(frozen=True)
class Ref:
    """A resolution reference in a paragraph: "大会 2019 年 12 月 18 日第 74/153 号决议", "its resolution 72/169 of …"."""

    start: int  # start of the phrase shown in the edit (body word or "its resolution" included)
    end: int  # end of the phrase (after "号决议" or the date)
    number: tuple[int, int]  # (start, end) of "74/153"
    date: tuple[int, int] | None  # (start, end) of the date, if any
    year: int | None
    session: int | None  # 74 for 74/153 when it looks like a GA number; None for 2000/22
    body: str | None  # the body's name as written ("大会", "Human Rights Council"); None for "its" / "其"


_ZH_REF = patterns.lazy_compile(
    r"(?P<date>(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*)?"
    r"第\s*(?P<num>(?P<s>\d{1,4})/\d{1,4}(?:\s?[A-Z](?![a-z]))?)\s*号(?P<res>决议)?"
)
_ZH_BODY = patterns.lazy_compile(r"大会|[\u4e00-\u9fff]*?(?:理事会|委员会)")
_EN_NUMBER = patterns.lazy_compile(
    r"(?<![/\w])(?P<num>(?P<s>\d{1,4})/\d{1,4}(?:\s?[A-Z]\b)?)(?![/\d])"
    rf"(?P<date>\s+of\s+(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(EN_MONTHS)})\s+(?P<y>\d{{4}}))?"
)
_EN_RESOLUTION_WORD = patterns.lazy_compile(r"\b(?:(?:its|the)\s+)?[Rr]esolutions?\b")
# what may stand between "resolutions" and a number of its list: other numbers, their dates, "and",
# footnote markers; checked word by word (a single regex over a long list backtracks badly)
_EN_LIST_WORD = patterns.lazy_compile(rf"\d{{1,4}}/\d{{1,4}}(?:\s?[A-Z]\b)?|of|and|\d{{1,4}}|{'|'.join(EN_MONTHS)}|,")
_EN_LIST_GAP_WORDS = patterns.lazy_compile(r"\d{1,4}/\d{1,4}(?:\s?[A-Z]\b)?|[^\s,]+|,")


def _list_gap(text: str, start: int, end: int) -> bool:
    return all(_EN_LIST_WORD.fullmatch(w) for w in _EN_LIST_GAP_WORDS.findall(text, start, end))
_EN_BODY = patterns.lazy_compile(r"((?:[A-Z][\w\-]*)(?:\s+(?:[A-Z][\w\-]*|on|of|the|for|and))*)\s+$")


def find_refs(p: Paragraph, lang: str) -> list[Ref]:
    return _find_refs_zh(p) if lang == "zh" else _find_refs_en(p)


_ZH_DATE = patterns.lazy_compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# opening verbs before a body's name in the same clause ("注意到人权委员会…"): not part of the name
_ZH_VERBS = patterns.lazy_compile(r"^(?:并|又|还|也|再次|同时)?(?:回顾|注意到|重申|认识到|欢迎|确认|铭记|考虑到|申明|强调|赞赏地|满意地|忆及)+")


# "第77/205号和2023年12月22日第78/234号决议": the first number of a list is a resolution too
_ZH_LIST_TO_RESOLUTION = patterns.lazy_compile(
    r"(?:\s*[、和及]\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?第\s*\d{1,4}/\d{1,4}(?:\s?[A-Z])?\s*号)*\s*决议"
)


_ZH_BODY_BEFORE_INCLUDING = patterns.lazy_compile(r"(?P<body>[\u4e00-\u9fff]*?(?:理事会|委员会))[^；;。]{0,40}?各项决议[^；;。]{0,12}?包括[^；;。]*$")


def _find_refs_zh(p: Paragraph) -> list[Ref]:
    refs = []
    text = p.text
    for m in _ZH_REF.finditer(text):
        if not m.group("res") and not _ZH_LIST_TO_RESOLUTION.match(text, m.end()):
            continue  # "第 89 段" or a decision, not a resolution
        clause_start = max(text.rfind(ch, 0, m.start()) for ch in "、，,；;。\n") + 1
        # quoted titles may contain anything; blank them out (same length) before looking for names
        prefix = patterns.sub(r"“[^”]*”", lambda q: " " * len(q.group(0)), text[clause_start:m.start()])
        bodies = list(_ZH_BODY.finditer(prefix))
        body, start = None, m.start()
        if bodies:
            found = bodies[-1]
            verbs = _ZH_VERBS.match(found.group(0))
            body_start = found.start() + (verbs.end() if verbs else 0)
            body = found.group(0)[body_start - found.start():]
            start = clause_start + body_start  # the body's name belongs to the phrase: "大会 2019 年…"
        elif patterns.search(r"其\s*$|其(?=\s*\d{4}\s*年)", prefix):
            start = clause_start + prefix.rindex("其")
        else:
            # "人权理事会关于这一主题的各项决议，包括 2024 年 10 月 9 日第 57/8 号决议": the body before the comma
            sentence_start = max(text.rfind(ch, 0, m.start()) for ch in "；;。\n") + 1
            named = _ZH_BODY_BEFORE_INCLUDING.search(text[sentence_start:m.start()])
            if named:
                body = named.group("body")
                verbs = _ZH_VERBS.match(body)
                body = body[verbs.end():] if verbs else body
        date = None
        if not m.group("date"):
            # "其1999年12月17日关于加强人权领域的国际合作的第54/181号决议": the date opens the phrase
            dates = [d for d in _ZH_DATE.finditer(prefix) if clause_start + d.start() >= start]
            if dates and not patterns.search(r"\d+/\d+", prefix[dates[-1].end():]):
                date = (clause_start + dates[-1].start(), clause_start + dates[-1].end(), int(dates[-1].group("y")))
        refs.append(_ref_from_match(m, start, m.end(), body, text, date))
    return refs


def _find_refs_en(p: Paragraph) -> list[Ref]:
    refs = []
    text = p.text
    for m in _EN_NUMBER.finditer(text):
        window_start = max(0, m.start() - 3000)
        words = list(_EN_RESOLUTION_WORD.finditer(text, window_start, m.start()))
        if not words or not _list_gap(text, words[-1].end(), m.start()):
            continue  # a number that is not a resolution reference ("Article 1", a symbol)
        word = words[-1]
        start = word.start() if word.end() + 60 >= m.start() else m.start()
        body = None
        body_end = word.start()
        # "Human Rights Council resolutions on the subject, including resolution 57/8": the body named before
        if patterns.search(r"\b(?:including|in\s+particular)\s*$", text[max(0, word.start() - 20):word.start()]):
            earlier = list(_EN_RESOLUTION_WORD.finditer(text, max(0, word.start() - 160), word.start()))
            if earlier and earlier[-1].group(0).lower().endswith("resolutions"):
                word_for_body = earlier[-1]
                body_end = word_for_body.start() if not word_for_body.group(0).lower().startswith("its") else -1
        found = _EN_BODY.search(text, 0, body_end) if body_end >= 0 and not word.group(0).lower().startswith("its") else None
        if found:
            # the opening participle ("Recalling also") is not part of a body's name
            lead_end = len(p.lead) if p.lead and text.startswith(p.lead) else 0
            name_start = max(found.start(1), lead_end)
            name = text[name_start:found.end(1)].strip()
            name = patterns.sub(r"^(?:[a-z]\w*\s+)+", "", name)  # "the Security Council" → "Security Council"
            if name and name[0].isupper():
                body = name
                start = text.index(name, name_start)
        refs.append(_ref_from_match(m, start, m.end(), body, text))
    return refs


def _ref_from_match(m: re.Match, start: int, end: int, body: str | None, text: str, date=None) -> Ref:
    sess = int(m.group("s"))
    year = int(m.group("y")) if m.group("y") else date[2] if date else (sess if sess > 1900 else None)
    return Ref(
        start=start,
        end=end,
        number=m.span("num"),
        date=m.span("date") if m.group("date") else date[:2] if date else None,
        year=year,
        session=sess if sess <= 300 else None,
        body=body,
    )



_ZH_TITLE = patterns.lazy_compile(r"题为“([^”]+)”的|关于([^，；。]+?)的")
_ZH_DATE_TEXT = r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?"
# what stands between a list's title and one of its later numbers: earlier items and their "、" / "和"
_ZH_LIST_BEFORE = patterns.lazy_compile(rf"\s*(?:{_ZH_DATE_TEXT}第\s*\d{{1,4}}/\d{{1,4}}\s*号\s*[、和及]\s*)*{_ZH_DATE_TEXT}第\s*")


def title_score(p: Paragraph, ref: Ref, ctx: Context) -> int:
    """+1 when the reference names this series' title or subject, −1 when it names another, 0 when silent.

    Chinese: "题为“…”的" or "关于…的" inside the reference, or before the list it ends ("题为“…”的2022年…第77/205号
    和2023年…第78/234号决议": the title is the whole list's); English: ', entitled "…"' or "on …" after it."""
    if not ctx.title:
        return 0
    if ctx.lang == "zh":
        phrase = p.text[ref.start:ref.number[0]]
        m = patterns.search(r"题为“([^”]+)”|关于(.+)的", phrase)
        if not m:
            clause_start = max(p.text.rfind(ch, 0, ref.start) for ch in "，,；;。\n") + 1
            titles = list(_ZH_TITLE.finditer(p.text, clause_start, ref.number[0]))
            if titles and _ZH_LIST_BEFORE.fullmatch(p.text, titles[-1].end(), ref.number[0]):
                m = titles[-1]
    else:
        m = patterns.match(r",?\s*(?:entitled\s+[“\"]([^”\"]+)[”\"]|on\s+(?:the\s+)?([^,;]+))", p.text[ref.end:])
    if not m:
        return 0
    if patterns.fullmatch(r"(?:this|the|that)\s+(?:issue|subject|question|matter|topic)\b.*", m.group(2) or "", re.S):
        return 0  # "78/190 of 19 December 2023 on this issue": the paragraph's subject, not another title
    if patterns.fullmatch(r"(?:这一|该|此|这个)(?:问题|主题|议题|事项)", m.group(2) or ""):
        return 0
    named = normalize(m.group(1) or m.group(2)).lower().rstrip(",")
    title = normalize(ctx.title).lower()
    return 1 if named.startswith(title) or title.startswith(named) and len(named) > 10 else -1


def item_start(text: str, ref: Ref, lang: str) -> int:
    """Where a list item starts: its number in English, its date or "第" in Chinese."""
    if lang != "zh":
        return ref.number[0]
    if ref.date and ref.date[0] < ref.number[0]:
        return ref.date[0]
    return text.rfind("第", 0, ref.number[0])


def item_end(text: str, ref: Ref, lang: str) -> int:
    """End of a list item: after its date in English, after "号" in Chinese (before "决议")."""
    if lang != "zh":
        return ref.end if not ref.date or ref.date[0] > ref.number[0] else ref.number[1]
    return text.index("号", ref.number[1]) + 1


def including_one(text: str, ref: Ref, lang: str) -> bool:
    """"its previous resolutions on the subject, including resolution 78/197": one named for many."""
    if lang == "zh":
        return bool(patterns.search(r"各项决议.{0,30}包括$", text[max(0, ref.start - 40):item_start(text, ref, lang)]))
    return bool(patterns.search(r"\bresolutions\b[^;]{0,120}\bincluding\s+(?:its\s+)?resolution\s+$", text[:ref.number[0]]))
