"""Next session's draft: the adopted resolution with the mechanical updates drafters make by hand.

``draft_next(previous)`` returns a ``Draft``: the draft text (a Resolution) and every edit made, each an
``Edit(rule, label, before, after, note, placeholder)``; ``before`` is a piece of the previous text and
``after`` the piece that replaces it in the draft. Rules (GUIDE.md §3 and §8):

- ``session``: the header's session + 1 (or the one asked for), written in the document's language.
- ``header``: what only an adopted text has goes (adoption line, committee report, resolution number,
  closing lines with plenary meeting and date); what a draft has comes in: a draft symbol
  (``A/C.3/76/L.[●]``), the agenda item and a sponsors line, as ``[●]`` placeholders unless given.
- ``recall-chain``: the paragraph that recalls the latest earlier resolution of the series now recalls the
  resolution being updated (number and date from its header). Other bodies' resolutions recalled in that
  paragraph (the Human Rights Council's) become placeholders, and so does the footnote giving the
  Official Records of that body's report.
- ``forward-session``: in operative paragraphs, a reference to the current or the next session in a
  forward-looking context ("decides to continue its consideration … at its seventy-sixth session",
  "requests … to report … at its …", "include in the provisional agenda of its …",
  ``决定在大会第七十六届会议上继续审议``) moves on by one session (by the sessions skipped with
  ``session``). Past sessions, Official Records, other bodies' sessions and ordinals that are not sessions
  ("seventy-fifth anniversary") are facts and stay.

Placeholders are ``[●]``: visible on paper and easy to search for. Only Chinese and English texts get the
paragraph rules; other languages get the header rules and a note saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from resdiff.errors import UserError
from resdiff.lang.numerals import (
    EN_MONTHS,
    EN_ORDINAL,
    ZH_NUMERAL,
    en_ordinal,
    en_ordinal_like,
    en_session,
    parse_en_ordinal,
    parse_zh_numeral,
    zh_numeral,
    zh_session,
)
from resdiff.model import OPERATIVE, PREAMBULAR, Draft, Edit, Footnote, Header, Paragraph, Resolution, SubParagraph
from resdiff.normalize import normalize

PLACEHOLDER = "[●]"
_MONTHS = EN_MONTHS
_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(_MONTHS, 1)}
_YEARS_BACK = 5  # how many sessions back the latest resolution of a series may be (biennial, triennial …)


def draft_next(
    previous: Resolution,
    session: int | None = None,
    agenda_item: str | None = None,
    symbol: str | None = None,
) -> Draft:
    """The draft for the session after ``previous`` (or for ``session``), with every edit listed."""
    old = previous_session(previous)
    name = previous.source or "the resolution"
    if session is None:
        if old is None:
            raise UserError(
                f"{name}: no session found (no session line such as 'Seventy-fifth session' or "
                "'第七十五届会议', and no resolution number)",
                hint="give it with --session N (the session of the draft, e.g. --session 76)",
            )
        session = old + 1
    elif old is not None and session <= old:
        raise UserError(
            f"the draft's session ({session}) must come after the resolution's own session ({old})",
            hint=f"give the session of the draft, e.g. --session {old + 1}",
        )
    ctx = _Context(
        lang=previous.language,
        old=old if old is not None else session - 1,
        new=session,
        number=previous.header.number,
        date=previous.header.date,
        title=previous.header.title,
        body=previous.header.body,
    )
    header, edits = _draft_header(previous.header, ctx, agenda_item, symbol)
    paragraphs = list(previous.paragraphs)
    footnotes = list(previous.footnotes)
    notes = list(previous.notes)
    if old is None:
        notes.append(f"the resolution's own session is not stated; taken as {ctx.old} (the draft's minus one)")
    if ctx.lang in ("zh", "en"):
        edits += _recall_chain(paragraphs, footnotes, ctx, notes)
        edits += _forward_sessions(paragraphs, ctx)
    else:
        notes.append("paragraphs left as they are: session references are only updated in Chinese and English")
    resolution = Resolution(header, tuple(paragraphs), tuple(footnotes), previous.source, tuple(notes))
    return Draft(previous=previous, resolution=resolution, edits=tuple(edits))


def previous_session(res: Resolution) -> int | None:
    """The session of ``res``: the header's, else read from the session line, the number or the symbol."""
    h = res.header
    if h.session:
        return h.session
    if h.session_text:
        found = _session_in_line(h.session_text)
        if found:
            return found[2]
    for text, pattern in ((h.number, r"(\d{1,3})/\d+"), (h.symbol, r"A/RES/(\d{1,3})/\d+")):
        m = re.fullmatch(pattern, text or "")
        if m:
            return int(m.group(1))
    return None


@dataclass(frozen=True)
class _Context:
    lang: str
    old: int  # session of the resolution being updated
    new: int  # session of the draft
    number: str | None  # "75/180"
    date: str | None  # ISO adoption date
    title: str | None
    body: str | None = None  # the body that adopted the resolution ("General Assembly", "人权理事会")

    def is_own(self, ref: "_Ref") -> bool:
        """A reference to the body's own resolutions: "its resolution", "其…决议", or the body named."""
        if ref.body is None:
            return True
        own = {self.body or ("大会" if self.lang == "zh" else "General Assembly")}
        if own & {"General Assembly", "大会"}:
            own |= {"General Assembly", "Assembly", "大会"}
        return ref.body in own


# ── text surgery: replace spans of a paragraph, keep key, footnote offsets and sub-paragraphs right ──


@dataclass(frozen=True)
class _Change:
    start: int
    end: int
    text: str


def _apply(p: Paragraph, changes: list[_Change]) -> Paragraph:
    """``p`` with the (non-overlapping) ``changes`` made; a marker at the end of a change stays at its end."""
    changes = sorted(changes, key=lambda c: c.start)
    pieces, cursor = [], 0
    for c in changes:
        pieces += [p.text[cursor:c.start], c.text]
        cursor = c.end
    text = "".join(pieces) + p.text[cursor:]
    positions = []
    for pos in p.footnote_positions:
        new_pos = pos
        for c in changes:
            if c.end <= pos:
                new_pos += len(c.text) - (c.end - c.start)
            elif c.start < pos:  # inside a replaced span: attach to the end of the replacement
                new_pos += c.start + len(c.text) - pos
        positions.append(new_pos)
    return replace(
        p,
        text=text,
        key=normalize(text),
        footnote_positions=tuple(positions),
        subparagraphs=_rebuild_subparagraphs(p.text, text, p.subparagraphs),
    )


def _rebuild_subparagraphs(old_text: str, new_text: str, subs: tuple[SubParagraph, ...]) -> tuple[SubParagraph, ...]:
    """Sub-paragraphs are lines of ``text`` ("(a) …"); edits never add or remove a line, so match by line."""
    if not subs:
        return subs
    old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
    if len(old_lines) != len(new_lines):
        return subs
    out, start = [], 0
    for sub in subs:
        for i in range(start, len(old_lines)):
            line = old_lines[i]
            if line.endswith(sub.text) and sub.marker in line[: len(line) - len(sub.text)]:
                prefix = len(line) - len(sub.text)
                out.append(SubParagraph(sub.marker, new_lines[i][prefix:]))
                start = i + 1
                break
        else:
            out.append(sub)
    return tuple(out)


# ── session and header ──────────────────────────────────────────────────────────────────────────────


_ZH_SESSION = re.compile(rf"第\s*({ZH_NUMERAL})\s*届")
_EN_SESSION = re.compile(rf"\b({EN_ORDINAL})(?=\s+(?:special\s+|emergency\s+special\s+)?session\b)", re.I)


def _session_in_line(line: str) -> tuple[int, int, int] | None:
    """(start, end, value) of the session ordinal in a session line."""
    for pattern, parse in ((_ZH_SESSION, parse_zh_numeral), (_EN_SESSION, parse_en_ordinal)):
        m = pattern.search(line)
        if m:
            try:
                return m.start(1), m.end(1), parse(m.group(1))
            except ValueError:
                continue
    return None


def _session_line(old_line: str | None, ctx: _Context) -> str:
    if old_line:
        found = _session_in_line(old_line)
        if found:
            start, end, _ = found
            word = old_line[start:end]
            new_word = zh_numeral(ctx.new) if ctx.lang == "zh" or re.fullmatch(ZH_NUMERAL, word) else en_ordinal_like(ctx.new, word)
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
    m = re.search(rf"第([{_COMMITTEES_ZH}])委员会", report)
    if m:
        return f"A/C.{_COMMITTEES_ZH.index(m.group(1)) + 1}/{session}/L.{PLACEHOLDER}"
    m = re.search(rf"\b({'|'.join(_COMMITTEES_EN)}) Committee\b", report)
    if m:
        return f"A/C.{_COMMITTEES_EN.index(m.group(1)) + 1}/{session}/L.{PLACEHOLDER}"
    if header.body in ("Human Rights Council", "人权理事会") or (header.symbol or "").startswith("A/HRC/"):
        return f"A/HRC/{session}/L.{PLACEHOLDER}"
    return f"A/{session}/L.{PLACEHOLDER}"


def _draft_header(h: Header, ctx: _Context, agenda_item: str | None, symbol: str | None) -> tuple[Header, list[Edit]]:
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
    new_agenda = re.sub(r"\s+", "", agenda_item) if agenda_item else PLACEHOLDER
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
    return header, edits


def _date_forms(iso: str) -> list[str]:
    y, m, d = (int(x) for x in iso.split("-"))
    return [f"{y}年{m}月{d}日", f"{y} 年 {m} 月 {d} 日", f"{d} {_MONTHS[m - 1]} {y}"]


def en_date(iso: str) -> str:
    """"16 December 2020"."""
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {_MONTHS[m - 1]} {y}"


# ── recall chain ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Ref:
    """A resolution reference in a paragraph: "大会 2019 年 12 月 18 日第 74/153 号决议", "its resolution 72/169 of …"."""

    start: int  # start of the phrase shown in the edit (body word or "its resolution" included)
    end: int  # end of the phrase (after "号决议" or the date)
    number: tuple[int, int]  # (start, end) of "74/153"
    date: tuple[int, int] | None  # (start, end) of the date, if any
    year: int | None
    session: int | None  # 74 for 74/153 when it looks like a GA number; None for 2000/22
    body: str | None  # the body's name as written ("大会", "Human Rights Council"); None for "its" / "其"


_ZH_REF = re.compile(
    r"(?P<date>(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*)?"
    r"第\s*(?P<num>(?P<s>\d{1,4})/\d{1,4}(?:\s?[A-Z](?![a-z]))?)\s*号(?P<res>决议)?"
)
_ZH_BODY = re.compile(r"大会|[\u4e00-\u9fff]*?(?:理事会|委员会)")
_EN_NUMBER = re.compile(
    r"(?<![/\w])(?P<num>(?P<s>\d{1,4})/\d{1,4}(?:\s?[A-Z]\b)?)(?![/\d])"
    rf"(?P<date>\s+of\s+(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(_MONTHS)})\s+(?P<y>\d{{4}}))?"
)
_EN_RESOLUTION_WORD = re.compile(r"\b(?:(?:its|the)\s+)?[Rr]esolutions?\b")
_EN_LIST_GAP = re.compile(rf"[\s,]*(?:(?:\d{{1,4}}/\d{{1,4}}(?:\s?[A-Z]\b)?|of|and|\d{{1,2}}|{'|'.join(_MONTHS)}|\d{{4}})[\s,]*)*")
_EN_BODY = re.compile(r"((?:[A-Z][\w\-]*)(?:\s+(?:[A-Z][\w\-]*|on|of|the|for|and))*)\s+$")


def _find_refs(p: Paragraph, lang: str) -> list[_Ref]:
    return _find_refs_zh(p) if lang == "zh" else _find_refs_en(p)


_ZH_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
# opening verbs before a body's name in the same clause ("注意到人权委员会…"): not part of the name
_ZH_VERBS = re.compile(r"^(?:并|又|还|也|再次|同时)?(?:回顾|注意到|重申|认识到|欢迎|确认|铭记|考虑到|申明|强调|赞赏地|满意地|忆及)+")


def _find_refs_zh(p: Paragraph) -> list[_Ref]:
    refs = []
    text = p.text
    for m in _ZH_REF.finditer(text):
        if not m.group("res") and "决议" not in text[m.end():m.end() + 20].split("、")[0]:
            continue  # "第 89 段" or a decision, not a resolution
        clause_start = max(text.rfind(ch, 0, m.start()) for ch in "、，,；;。\n") + 1
        # quoted titles may contain anything; blank them out (same length) before looking for names
        prefix = re.sub(r"“[^”]*”", lambda q: " " * len(q.group(0)), text[clause_start:m.start()])
        bodies = list(_ZH_BODY.finditer(prefix))
        body, start = None, m.start()
        if bodies:
            found = bodies[-1]
            verbs = _ZH_VERBS.match(found.group(0))
            body_start = found.start() + (verbs.end() if verbs else 0)
            body = found.group(0)[body_start - found.start():]
            start = clause_start + body_start  # the body's name belongs to the phrase: "大会 2019 年…"
        elif re.search(r"其\s*$|其(?=\s*\d{4}\s*年)", prefix):
            start = clause_start + prefix.rindex("其")
        date = None
        if not m.group("date"):
            # "其1999年12月17日关于加强人权领域的国际合作的第54/181号决议": the date opens the phrase
            dates = [d for d in _ZH_DATE.finditer(prefix) if clause_start + d.start() >= start]
            if dates and not re.search(r"\d+/\d+", prefix[dates[-1].end():]):
                date = (clause_start + dates[-1].start(), clause_start + dates[-1].end(), int(dates[-1].group("y")))
        refs.append(_ref_from_match(m, start, m.end(), body, text, date))
    return refs


def _find_refs_en(p: Paragraph) -> list[_Ref]:
    refs = []
    text = p.text
    for m in _EN_NUMBER.finditer(text):
        window_start = max(0, m.start() - 150)
        words = list(_EN_RESOLUTION_WORD.finditer(text, window_start, m.start()))
        if not words or not _EN_LIST_GAP.fullmatch(text, words[-1].end(), m.start()):
            continue  # a number that is not a resolution reference ("Article 1", a symbol)
        word = words[-1]
        start = word.start() if word.end() + 60 >= m.start() else m.start()
        body = None
        found = _EN_BODY.search(text, 0, word.start()) if not word.group(0).lower().startswith("its") else None
        if found:
            # the opening participle ("Recalling also") is not part of a body's name
            lead_end = len(p.lead) if p.lead and text.startswith(p.lead) else 0
            name_start = max(found.start(1), lead_end)
            name = text[name_start:found.end(1)].strip()
            name = re.sub(r"^(?:[a-z]\w*\s+)+", "", name)  # "the Security Council" → "Security Council"
            if name and name[0].isupper():
                body = name
                start = text.index(name, name_start)
        refs.append(_ref_from_match(m, start, m.end(), body, text))
    return refs


def _ref_from_match(m: re.Match, start: int, end: int, body: str | None, text: str, date=None) -> _Ref:
    sess = int(m.group("s"))
    year = int(m.group("y")) if m.group("y") else date[2] if date else (sess if sess > 1900 else None)
    return _Ref(
        start=start,
        end=end,
        number=m.span("num"),
        date=m.span("date") if m.group("date") else date[:2] if date else None,
        year=year,
        session=sess if sess <= 300 else None,
        body=body,
    )


def _title_score(p: Paragraph, ref: _Ref, ctx: _Context) -> int:
    """+1 when the reference names this series' title or subject, −1 when it names another, 0 when silent.

    Chinese: "题为“…”的" or "关于…的" inside the reference; English: ', entitled "…"' or "on …" after it."""
    if not ctx.title:
        return 0
    if ctx.lang == "zh":
        phrase = p.text[ref.start:ref.number[0]]
        m = re.search(r"题为“([^”]+)”|关于(.+)的", phrase)
    else:
        m = re.match(r",?\s*(?:entitled\s+[“\"]([^”\"]+)[”\"]|on\s+(?:the\s+)?([^,;]+))", p.text[ref.end:])
    if not m:
        return 0
    named = normalize(m.group(1) or m.group(2)).lower().rstrip(",")
    title = normalize(ctx.title).lower()
    return 1 if named.startswith(title) or title.startswith(named) and len(named) > 10 else -1


def _series_reference(paragraphs: list[Paragraph], ctx: _Context) -> tuple[int, _Ref] | None:
    """(index, reference) of the latest earlier resolution of this series by the same body."""
    best = None
    year = int(ctx.date[:4]) if ctx.date else None
    for i, p in enumerate(paragraphs):
        for ref in _find_refs(p, ctx.lang):
            if not ctx.is_own(ref) or ref.session is None:
                continue
            if not ctx.old - _YEARS_BACK <= ref.session < ctx.old:
                continue
            if year and ref.year and not year - _YEARS_BACK - 1 <= ref.year <= year:
                continue  # GA resolution 33/134 of 1978 in a Council text of 2018: same numbers, other era
            if ctx.number and p.text[slice(*ref.number)].replace(" ", "") == ctx.number:
                continue
            score = _title_score(p, ref, ctx)
            if score < 0:
                continue  # another series ("entitled 'Transforming our world'")
            # latest session first; then the one naming this title; preambular before operative; reading order
            rank = (ref.session, score, p.kind == PREAMBULAR, -i)
            if best is None or rank > best[0]:
                best = (rank, i, ref)
    return (best[1], best[2]) if best else None


def _recall_chain(paragraphs: list[Paragraph], footnotes: list[Footnote], ctx: _Context, notes: list[str]) -> list[Edit]:
    found = _series_reference(paragraphs, ctx)
    if found is None:
        notes.append("no recall of an earlier resolution of this series found; the recall chain is unchanged")
        return []
    index, ref = found
    p = paragraphs[index]
    changes: list[_Change] = []
    edits: list[Edit] = []

    # the series' own reference: the resolution being updated, with its number and adoption date
    before = p.text[ref.start:ref.end]
    new_number = ctx.number or PLACEHOLDER
    pieces = [(ref.number, new_number)]
    if ref.date:
        pieces.append((ref.date, _date_like(p.text[slice(*ref.date)], ctx)))
    after = _replace_within(p.text, ref.start, ref.end, pieces)
    old_number = p.text[slice(*ref.number)]
    changes.append(_Change(ref.start, ref.end, after))
    edits.append(Edit(
        "recall-chain", p.label, before, after,
        f"recalls the resolution being updated ({new_number}"
        + (f" of {ctx.date}" if ctx.date else "") + f") instead of {old_number}",
        placeholder=PLACEHOLDER in after,
    ))

    # other bodies' latest resolutions in the same paragraph: only the drafter knows the new ones
    for other in _find_refs(p, ctx.lang):
        if ctx.is_own(other) or other.start < ref.end and other.end > ref.start:
            continue
        if ctx.date and other.year and other.year < int(ctx.date[:4]) - 3:
            continue  # an old reference (Commission on Human Rights 2005/…) is history, not the chain
        before = p.text[other.start:other.end]
        after = _other_body_placeholder(p.text, other, ctx)
        changes.append(_Change(other.start, other.end, after))
        edits.append(Edit(
            "recall-chain", p.label, before, after,
            f"the latest {other.body} resolution of this series is for the drafter to give; was: {before}",
            placeholder=True,
        ))
        for number, pos in zip(p.footnotes, p.footnote_positions):
            if other.end <= pos <= other.end + 2 and not p.text[other.end:pos].strip(" ，,"):
                edit = _council_footnote(footnotes, number, other.body, ctx)
                if edit:
                    edits.append(edit)
    paragraphs[index] = _apply(p, changes)
    return edits


def _replace_within(text: str, start: int, end: int, pieces: list[tuple[tuple[int, int], str]]) -> str:
    """text[start:end] with the given absolute spans replaced."""
    out, cursor = [], start
    for (s, e), new in sorted(pieces):
        out += [text[cursor:s], new]
        cursor = e
    return "".join(out) + text[cursor:end]


def _date_like(old: str, ctx: _Context) -> str:
    """The adoption date written like ``old`` ("2019 年 12 月 18 日" spacing kept, " of 19 December 2017")."""
    if ctx.lang == "zh":
        values = ctx.date.split("-") if ctx.date else [PLACEHOLDER] * 3
        values = [v.lstrip("0") or "0" for v in values] if ctx.date else values
        digits = iter(values)
        return re.sub(r"\d+", lambda _: next(digits), old, count=3)
    m = re.match(r"(\s+of\s+)", old)
    return (m.group(1) if m else " of ") + (en_date(ctx.date) if ctx.date else PLACEHOLDER)


def _other_body_placeholder(text: str, ref: _Ref, ctx: _Context) -> str:
    """"人权理事会[●]年[●]月[●]日第[●]号决议" / "Human Rights Council resolution [●] of [●]"."""
    if ctx.lang == "zh":
        head_end = ref.date[0] if ref.date else ref.number[0]
        head = text[ref.start:head_end].rstrip()
        if ref.date:
            head += f"{PLACEHOLDER}年{PLACEHOLDER}月{PLACEHOLDER}日"
        number_end = ref.number[1]
        tail = text[number_end:ref.end].lstrip()  # "号决议"
        middle = text[head_end:ref.number[0]]
        middle = middle[middle.find("第"):] if "第" in middle else "第"
        return f"{head}{middle.rstrip()}{PLACEHOLDER}{tail}"
    pieces = [(ref.number, PLACEHOLDER)]
    if ref.date:
        pieces.append((ref.date, " of " + PLACEHOLDER))
    return _replace_within(text, ref.start, ref.end, pieces)


_ZH_RECORDS = re.compile(
    rf"《大会正式记录，第(?P<ord>{ZH_NUMERAL})届会议，补编第\s*(?P<supp>\d+)\s*号(?P<extra>[^》]*)》"
    r"\s*[(（](?P<sym>A/(?P<sess>\d+)/\d+[^)）]*)[)）]"
)
_EN_RECORDS = re.compile(
    rf"Official Records of the General Assembly,\s+(?P<ord>{EN_ORDINAL})\s+Session,\s+Supplement\s+No\.\s*(?P<supp>\d+)"
    r"(?P<extra>[^(]*)\((?P<sym>A/(?P<sess>\d+)/\d+[^)]*)\)",
    re.I,
)


def _council_footnote(footnotes: list[Footnote], number: int, body: str, ctx: _Context) -> Edit | None:
    """The footnote citing the body's report in the Official Records, pointed at the draft's session."""
    for i, f in enumerate(footnotes):
        if f.number != number:
            continue
        year = 1945 + ctx.new
        why = (
            f"the report of the {body} in the Official Records moved to the draft's session: its next resolution of the "
            f"series will most likely be adopted in {year}, and what the Council adopts in a year is in the "
            f"Official Records of the session opening that September, Supplement No. 53 (A/{ctx.new}/53) — "
            f"75/180 cites Council resolution 44/18 of July 2020 in A/75/53. If the latest resolution is from "
            f"an earlier year Y, use session Y − 1945 (74/153 cites 38/3 of 2018 in A/73/53); one from the "
            f"Council's autumn session is in Add.1. Chapter and section are for the drafter. Was: {f.text}"
        )
        pattern = _ZH_RECORDS if ctx.lang == "zh" else _EN_RECORDS
        m = pattern.search(f.text)
        if m:
            ord_text = m.group("ord")
            new_ord = zh_numeral(ctx.new) if ctx.lang == "zh" else en_ordinal_like(ctx.new, ord_text)
            sym = m.group("sym")
            new_sym = re.sub(r"^A/\d+/", f"A/{ctx.new}/", sym)
            tail = f.text[m.end():]
            if ctx.lang == "zh":
                tail = re.sub(rf"第[{ZH_NUMERAL[1:-2]}\d\s]+章", f"第{PLACEHOLDER}章", tail)
                tail = re.sub(r"[A-Z\d]+\s*节", f"{PLACEHOLDER}节", tail)
            else:
                tail = re.sub(r"\b(chaps?\.)\s*[IVXLC\d]+(?:\s*(?:and|-|–)\s*[IVXLC\d]+)?", rf"\1 {PLACEHOLDER}", tail)
                tail = re.sub(r"\b(sects?\.)\s*[A-Z\d]+", rf"\1 {PLACEHOLDER}", tail)
                tail = re.sub(r"\b(paras?\.)\s*[\d\-–]+", rf"\1 {PLACEHOLDER}", tail)
            new_text = (
                f.text[:m.start("ord")] + new_ord + f.text[m.end("ord"):m.start("sym")] + new_sym
                + f.text[m.end("sym"):m.end()] + tail
            )
        else:
            new_text = PLACEHOLDER
        footnotes[i] = replace(f, text=new_text)
        return Edit("recall-chain", f"footnote {number}", f.text, new_text, why, placeholder=True)
    return None


# ── forward references to sessions ──────────────────────────────────────────────────────────────────


_EN_SESSION_REF = re.compile(rf"\b(?P<ord>{EN_ORDINAL})(?P<kind>\s+(?:special\s+|emergency\s+special\s+)?)session\b", re.I)
_ZH_SESSION_REF = re.compile(rf"第(?P<ord>{ZH_NUMERAL})届(?:特别|紧急特别)?会议")
_EN_FORWARD = re.compile(
    r"\b(?:decides?|continue|requests?|include|includes|provisional agenda|convene|hold|devote|invites?|"
    r"calls? upon|encourages?|recommends?|urges?|"
    r"to (?:report|submit|present|consider|convene|hold|devote|include|review|examine|take up|prepare|organize)|"
    r"to be (?:submitted|held|convened|considered|presented|organized))\b",
    re.I,
)
_EN_BACKWARD = re.compile(
    r"\b(?<!to be )(?<!will be )(?<!would be )(?:submitted|held|adopted|presented|convened|considered|issued|"
    r"contained|transmitted|launched|organized|made|endorsed|welcomed)\b(?:\s+\S+){0,6}\s*$",
    re.I,
)
_EN_OTHER_BODY = re.compile(r"\b(?:Council|Commission|Subcommission|Sub-Commission|Committee|Conference|Board|Forum)\b[^;]*$")
# the Assembly's own voice in an operative paragraph: third person, not an infinitive ("to decide")
_EN_ASSEMBLY_VERB = re.compile(r"(?<!to )\b(?:decides|requests|invites|encourages|urges|calls upon|recommends)\b")
_ZH_FORWARD = re.compile(r"决定|请|要求|提交|列入|继续|审议|举行|召开|专门|邀请|鼓励|建议|促请|敦促|报告")
_ZH_OTHER_BODY = re.compile(r"(?:理事会|委员会|缔约国会议|论坛|执行局)\s*$")


def _forward_sessions(paragraphs: list[Paragraph], ctx: _Context) -> list[Edit]:
    edits = []
    shift = ctx.new - ctx.old
    for i, p in enumerate(paragraphs):
        if p.kind != OPERATIVE:
            continue
        changes = []
        for m in (_ZH_SESSION_REF if ctx.lang == "zh" else _EN_SESSION_REF).finditer(p.text):
            value = _ordinal_value(m.group("ord"))
            if value not in (ctx.old, ctx.old + 1) or not _is_forward(p.text, m, ctx.lang):
                continue
            new_value = value + shift
            new_ord = zh_numeral(new_value) if ctx.lang == "zh" else en_ordinal_like(new_value, m.group("ord"))
            changes.append(_Change(m.start("ord"), m.end("ord"), new_ord))
            start = _phrase_start(p.text, m.start(), ctx.lang)
            before = p.text[start:m.end()]
            after = before[: m.start("ord") - start] + new_ord + p.text[m.end("ord"):m.end()]
            which = "the session after the resolution's" if value == ctx.old + 1 else "the resolution's own session"
            note = f"forward reference to {which} ({value}) moves to {new_value}"
            if re.search(r"anniversary|周年", p.text):
                note += "; the paragraph names an anniversary: a one-off event may need the paragraph dropped or rewritten"
            edits.append(Edit("forward-session", p.label, before, after, note))
        if changes:
            paragraphs[i] = _apply(p, changes)
    return edits


def _ordinal_value(word: str) -> int | None:
    try:
        return parse_zh_numeral(word) if re.fullmatch(ZH_NUMERAL, word) else parse_en_ordinal(word)
    except ValueError:
        return None


def _is_forward(text: str, m: re.Match, lang: str) -> bool:
    """A session reference the Assembly makes looking ahead (not history, records or another body's session)."""
    clause_start = max(text.rfind(ch, 0, m.start()) for ch in ";；。\n") + 1
    prefix, after = text[clause_start:m.start()], text[m.end():]
    if lang == "zh":
        if prefix.count("《") > prefix.count("》"):
            return False  # inside a title: 《大会正式记录，第七十五届会议…》
        if _ZH_OTHER_BODY.search(prefix):
            return False  # 人权理事会第四十七届会议
        if re.match(r"(?:上|期间|中)?[\u4e00-\u9fff]{0,4}的(?!临时议程)", after):
            return False  # 提交大会第七十五届会议的报告, 期间举行的
        return bool(_ZH_FORWARD.search(prefix))
    if re.search(r"Official\s+Records", prefix[-80:]):
        return False
    if re.match(r"\s+of\s+the\s+(?!General\s+Assembly)[A-Z]", after):
        return False  # "the fifty-second session of the Subcommission"
    near = prefix[-70:]
    other = _EN_OTHER_BODY.search(near)
    if other and "Assembly" not in near[other.start():] and not _EN_ASSEMBLY_VERB.search(near[other.start():]):
        # "requests the Council to consider … at its forty-seventh session"; but in "… including the
        # Council, and decides to continue … at its …" the Assembly speaks again ("decides")
        return False
    if _EN_BACKWARD.search(near):
        return False  # "the report submitted to the General Assembly at its seventy-fifth session"
    return bool(_EN_FORWARD.search(prefix))


def _phrase_start(text: str, start: int, lang: str) -> int:
    """Widen a session reference for display: "at its seventy-sixth session", "大会第七十六届会议"."""
    if lang == "zh":
        return start - 2 if text[max(0, start - 2):start] == "大会" else start
    m = re.search(r"(?:\b(?:at|during|to|of|until|by|before|for)\s+)?(?:\b(?:its|the)\s+)?$", text[:start])
    return m.start() if m else start
