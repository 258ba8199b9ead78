"""Session and header: the session line, the draft's symbol, agenda item and sponsors, and what only an
adopted text has (adoption line, report line, number, closing lines)."""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff import patterns
from resdiff.draft.context import PLACEHOLDER, Context, Document
from resdiff.lang.numerals import EN_MONTHS, EN_ORDINAL, ZH_NUMERAL, en_ordinal_like, en_session, parse_en_ordinal, parse_zh_numeral, zh_numeral, zh_session
from resdiff.model import Edit, Header, Resolution


def previous_session(res: Resolution) -> int | None:
    """The session of ``res``: the header's, else read from the session line, the number or the symbol."""
    h = res.header
    if h.session:
        return h.session
    if h.session_text:
        found = session_in_line(h.session_text)
        if found:
            return found[2]
    for text, pattern in ((h.number, r"(\d{1,3})/\d+"), (h.symbol, r"A/RES/(\d{1,3})/\d+")):
        m = patterns.fullmatch(pattern, text or "")
        if m:
            return int(m.group(1))
    return None


_ZH_SESSION = patterns.lazy_compile(rf"第\s*({ZH_NUMERAL})\s*届")
_EN_SESSION = patterns.lazy_compile(rf"\b({EN_ORDINAL})(?=\s+(?:special\s+|emergency\s+special\s+)?session\b)", re.I)


def session_in_line(line: str) -> tuple[int, int, int] | None:
    """(start, end, value) of the session ordinal in a session line."""
    for pattern, parse in ((_ZH_SESSION, parse_zh_numeral), (_EN_SESSION, parse_en_ordinal)):
        m = pattern.search(line)
        if m:
            try:
                return m.start(1), m.end(1), parse(m.group(1))
            except ValueError:
                continue
    return None


def _session_line(old_line: str | None, ctx: Context) -> str:
    if old_line:
        found = session_in_line(old_line)
        if found:
            start, end, _ = found
            word = old_line[start:end]
            new_word = zh_numeral(ctx.new) if ctx.lang == "zh" or patterns.fullmatch(ZH_NUMERAL, word) else en_ordinal_like(ctx.new, word)
            return old_line[:start] + new_word + old_line[end:]
    if ctx.lang == "zh":
        return zh_session(ctx.new)
    if ctx.lang == "en":
        return en_session(ctx.new)
    return f"{PLACEHOLDER} ({ctx.new})"


_COMMITTEES_ZH = "一二三四五六"
_COMMITTEES_EN = "First Second Third Fourth Fifth Sixth".split()


def draft_symbol(header: Header, session: int) -> str:
    """``A/C.3/76/L.[●]`` for a Main Committee text, ``A/HRC/47/L.[●]`` for the Council, else ``A/76/L.[●]``."""
    report = header.report or ""
    m = patterns.search(rf"第([{_COMMITTEES_ZH}])委员会", report)
    if m:
        return f"A/C.{_COMMITTEES_ZH.index(m.group(1)) + 1}/{session}/L.{PLACEHOLDER}"
    m = patterns.search(rf"\b({'|'.join(_COMMITTEES_EN)}) Committee\b", report)
    if m:
        return f"A/C.{_COMMITTEES_EN.index(m.group(1)) + 1}/{session}/L.{PLACEHOLDER}"
    if header.body in ("Human Rights Council", "人权理事会") or (header.symbol or "").startswith("A/HRC/"):
        return f"A/HRC/{session}/L.{PLACEHOLDER}"
    return f"A/{session}/L.{PLACEHOLDER}"


def session_and_header(doc: Document, ctx: Context) -> list[Edit]:
    """The session line moves on; what only an adopted text has goes, what a draft has comes in.

    ``Seventy-ninth session`` → ``Eightieth session``, ``第七十九届会议`` → ``第八十届会议``; the adoption
    line (``Resolution adopted by the General Assembly on 17 December 2024``), the report line
    (``[on the report of the Third Committee (A/79/452, para. 18)]``), the number (``79/156.``) and the
    closing lines go; the draft symbol (``A/C.3/80/L.[●]``), agenda item and sponsors come in.
    """
    h = doc.header
    agenda_item, symbol = ctx.agenda_item, ctx.symbol
    zh = ctx.lang == "zh"
    edits: list[Edit] = []
    session_text = _session_line(h.session_text, ctx)
    edits.append(Edit(
        "session", "header", h.session_text or "", session_text,
        f"session of the draft: {ctx.new} (the resolution was adopted at session {ctx.old})",
        placeholder=PLACEHOLDER in session_text,
    ))
    new_symbol = symbol or draft_symbol(h, ctx.new)
    edits.append(Edit(
        "header", "header", h.symbol or "", new_symbol,
        "draft symbol given" if symbol else "draft symbol: the L number is known when the draft is submitted",
        placeholder=not symbol,
    ))
    new_agenda = patterns.sub(r"\s+", "", agenda_item) if agenda_item else PLACEHOLDER
    edits.append(Edit(
        "header", "header", h.agenda_item or "", new_agenda,
        "agenda item given" if agenda_item else "agenda item of the new session: not known yet (the item title is kept; check it)",
        placeholder=not agenda_item,
    ))
    sponsors = f"{PLACEHOLDER}：决议草案" if zh else f"{PLACEHOLDER}: draft resolution"
    edits.append(Edit("header", "header", h.sponsors or "", sponsors, "sponsors of the draft", placeholder=True))
    if h.adoption:
        edits.append(Edit("header", "header", h.adoption, "", "adoption line: a draft is not adopted yet"))
    if h.report:
        edits.append(Edit("header", "header", h.report, "", "committee report line: only an adopted text has one"))
    if h.number:
        edits.append(Edit("header", "header", h.number, "", "resolution number: given on adoption"))
    for line in h.closing:
        edits.append(Edit("header", "header", line, "", "closing line (plenary meeting, date of adoption): given on adoption"))
    shown = " ".join((h.adoption or "",) + h.closing)
    if h.date and not any(piece in shown for piece in _date_forms(h.date)):
        edits.append(Edit("header", "header", h.date, "", "date of adoption: given on adoption"))
    if h.plenary_meeting and not h.closing:
        edits.append(Edit("header", "header", str(h.plenary_meeting), "", "plenary meeting: given on adoption"))
    header = replace(
        h,
        session=ctx.new,
        session_text=session_text,
        agenda_item=new_agenda,
        symbol=new_symbol,
        number=None,
        date=None,
        adoption=None,
        report=None,
        report_symbol=None,
        plenary_meeting=None,
        sponsors=sponsors,
        closing=(),
    )
    doc.header = header
    return edits


def _date_forms(iso: str) -> list[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    return [f"{y}年{m}月{d}日", f"{y} 年 {m} 月 {d} 日", f"{d} {EN_MONTHS[m - 1]} {y}"]


def en_date(iso: str) -> str:
    """"16 December 2020"."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {EN_MONTHS[m - 1]} {y}"


