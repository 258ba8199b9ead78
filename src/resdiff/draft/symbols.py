"""Report symbols: the report a resolution takes note of is this session's; next session's has a number
nobody knows yet. Its symbol becomes ``A/80/[●]`` (the old one in the edit's note), and an Official
Records reference of this session moves to the next (``Seventy-ninth Session, Supplement No. 12
(A/79/12)`` → ``Eightieth Session, Supplement No. 12 (A/80/12)``: a body's supplement keeps its number).
Reports cited as history (an earlier session's, or under "Recalling") stay, and so do reports that come
once (on a theme nobody asks about again, an expert group's): only a report the Assembly gets each time
moves — see ``_periodic``. The same report cited again elsewhere moves with it."""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff import patterns
from resdiff.draft.context import PLACEHOLDER, Change, Context, Document
from resdiff.draft.forward import ordinal_value
from resdiff.lang.numerals import EN_ORDINAL, ZH_NUMERAL, en_ordinal_like, zh_numeral
from resdiff.model import OPERATIVE, Edit, Paragraph
from resdiff.records import record

# a clause that looks at the report in front of the Assembly now
_EN_CURRENT = patterns.lazy_compile(
    r"\b(?:Having\s+(?:considered|examined|received|reviewed)|Tak(?:ing|es)\s+note(?:\s+with\s+(?:appreciation|interest|concern))?"
    r"(?:\s+also)?\s+of|Welcom(?:ing|es)(?:\s+also)?|Noting\s+with\s+(?:appreciation|interest)|Notes\s+with\s+(?:appreciation|interest)|"
    r"Expressing\s+(?:its\s+)?appreciation\s+for|Expresses\s+(?:its\s+)?appreciation\s+for)\b"
    r"[^;]{0,200}?\b(?:reports?|note\s+by\s+the\s+Secretary-General)\b"
    r"|\bannual\s+report\s+of\s+the\s+[^;]{0,80}?\bon\s+its\s+20\d\d\s+session\b",
    re.I,
)
_ZH_CURRENT = patterns.lazy_compile(r"(?:审议了|审查了|收到了?|注意到|欢迎|赞赏地注意到|满意地注意到|赞赏)[^；;。]{0,80}?(?:报告|说明)|20\d\d\s*年届会(?:工作)?的年度报告")
_EN_HISTORY = patterns.lazy_compile(r"\b(?:Recall|Reaffirm|submitted\s+to\s+the\s+General\s+Assembly\s+at\s+its)\w*", re.I)
_ZH_HISTORY = patterns.lazy_compile(r"回顾|重申|忆及")
_SYMBOL = patterns.lazy_compile(r"(?<![\w/])A/(?P<sess>\d{2,3})/(?P<num>\d{1,4})(?P<rest>(?:/(?:Add|Rev|Corr)\.\d+)*)(?![\w/])")
_EN_RECORDS = patterns.lazy_compile(
    rf"Official\s+Records\s+of\s+the\s+General\s+Assembly,\s+(?P<ord>{EN_ORDINAL})\s+Session,\s+Supplement\s+No\.\s*(?P<supp>\d+[A-Z]?)",
    re.I,
)
_ZH_RECORDS = patterns.lazy_compile(rf"《大会正式记录，第(?P<ord>{ZH_NUMERAL})届会议，补编第\s*(?P<supp>\d+[A-Z]?)\s*号")


def report_symbols(doc: Document, ctx: Context) -> list[Edit]:
    """This session's report symbols in a clause taking note of a report, inline or in its footnotes.

    ``Takes note of the report of the Secretary-General (A/79/305)`` → ``(A/80/[●])``; footnotes ``A/79/315.``,
    ``See A/79/182.`` → ``A/80/[●]``; ``Having considered the report of the United Nations High Commissioner
    for Refugees on the activities of his Office¹`` with footnote ``Official Records of the General
    Assembly, Seventy-ninth Session, Supplement No. 12 (A/79/12).`` → ``Eightieth Session, Supplement
    No. 12 (A/80/12).``; ``注意到秘书长的报告(A/79/305)``, ``《大会正式记录，第七十九届会议，补编第12号》
    (A/79/12)``. ``Recalling the report … (A/78/…)`` and reports of earlier sessions stay.
    """
    edits: list[Edit] = []
    bodies_sessions: set[tuple[str, str]] = set()
    known = _Known(
        requests=" ".join(p.text for p in doc.paragraphs if p.kind == OPERATIVE),
        topics=_topics(doc, ctx),
        own={n for n in (ctx.number, doc.series_previous) if n},
    )
    moved_symbols: set[str] = set()  # this session's reports moved as periodic: cited again, they move too
    for _ in range(2):  # a second time for a report cited again before the place that showed it periodic
        for i, p in enumerate(doc.paragraphs):
            changes = []
            for start, end in _current_clauses(p, ctx.lang):
                periodic = _periodic(p.text[start:end], known, ctx.lang)
                for m in _SYMBOL.finditer(p.text, start, end):
                    if int(m.group("sess")) != ctx.old or not doc.is_free(i, m.start(), m.end()):
                        continue
                    if not periodic and int(m.group("num")) >= _SUPPLEMENTS and _base(m.group(0)) not in moved_symbols:
                        continue
                    new = _next_symbol(m, ctx)
                    changes.append(Change(m.start(), m.end(), new))
                    edits.append(_edit(p.label, m.group(0), new, ctx))
                    moved_symbols.add(_base(m.group(0)))
                for number, pos in zip(p.footnotes, p.footnote_positions):
                    if start <= pos <= end + 1:
                        again = {_base(s) for s in _note_symbols(doc, number)} or {None}
                        moved = _footnote(doc, number, ctx, periodic or again <= moved_symbols)
                        edits += moved
                        moved_symbols |= {_base(m.group(0)) for e in moved for m in _SYMBOL.finditer(e.before)}
                        last = p.text.rfind("report of the", start, pos)  # the report this footnote belongs to
                        work = _EN_WORK_OF.match(p.text, last, pos + 1) if moved and ctx.lang == "en" and last >= 0 else None
                        if work and work.end() >= pos - 2:
                            bodies_sessions.add((work.group("who"), work.group("ord").lower()))
            doc.change(i, changes)
    if bodies_sessions:
        edits += _work_sessions(doc, ctx, bodies_sessions)
    return edits


# "the report of the Executive Committee … on the work of its seventy-fifth session": a body's yearly session
_EN_WORK_OF = patterns.lazy_compile(
    rf"\breport\s+of\s+the\s+(?P<who>[A-Z](?:(?!\breport\s+of\b)[^,;])*?)\s+on\s+the\s+work\s+of\s+its\s+(?P<ord>{EN_ORDINAL})\s+session\b")


def _work_sessions(doc: Document, ctx: Context, bodies_sessions: set[tuple[str, str]]) -> list[Edit]:
    """A body whose report on its yearly session is in this session's Official Records (the footnote just
    moved) reports next year on its next session: ``Endorses the report of the Executive Committee … on the
    work of its seventy-fifth session`` → ``seventy-sixth``, wherever the same report is named."""
    edits = []
    shift = ctx.new - ctx.old
    for i, p in enumerate(doc.paragraphs):
        changes = []
        for m in _EN_WORK_OF.finditer(p.text):
            if (m.group("who"), m.group("ord").lower()) not in bodies_sessions or not doc.is_free(i, *m.span("ord")):
                continue
            value = ordinal_value(m.group("ord"))
            if value is None:
                continue
            new = en_ordinal_like(value + shift, m.group("ord"))
            changes.append(Change(*m.span("ord"), new))
            edits.append(Edit("report-symbol", p.label, m.group("ord") + " session", new + " session",
                              f"the {m.group('who')} reports each year on its yearly session: its report in the draft's "
                              f"session is on session {value + shift}"))
        doc.change(i, changes)
    return edits


def _current_clauses(p: Paragraph, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``p`` that takes note of a report now, up to a recalling verb."""
    current, history = (_ZH_CURRENT, _ZH_HISTORY) if lang == "zh" else (_EN_CURRENT, _EN_HISTORY)
    out = []
    text = p.text
    bounds = [-1] + [k for k, ch in enumerate(text) if ch in ";；。\n"] + [len(text)]
    for a, b in zip(bounds, bounds[1:]):
        clause = text[a + 1:b]
        for m in current.finditer(clause):
            stop = history.search(clause, m.end())  # "…, and recalling the report of …": history again
            out.append((a + 1 + m.start(), a + 1 + (stop.start() if stop else len(clause))))
    return out


_IBID_SUPPLEMENT = patterns.lazy_compile(r"(?:See\s+)?[Ii]bid\.,\s+Supplement\s+No\.\s*\d+[A-Z]?\b|同上，补编第\s*\d+[A-Z]?\s*号")
# a report the Assembly gets again and again: the Secretary-General's on the resolution, or one the
# resolution asks for again ("requests the Secretary-General to submit … a report on <the same subject>")
_EN_REPORT_OF = patterns.lazy_compile(
    r"\breport\s+of\s+the\s+(?P<who>[A-Z][^,;(]*?)(?=\s+on\s+|\s*[,;(]|\s+and\s+(?:the|its|his|her)\s|\s+submitted|\s+entitled\b|\s*$)"
    r"(?:\s+on\s+(?P<subject>(?:(?!\s+and\s+(?:the|its|his|her)\s+report)[^,;(])+)|(?P<entitled>\s+entitled\b))?")
_ZH_REPORT_OF = patterns.lazy_compile(r"(?P<who>秘书长|[\u4e00-\u9fff]{2,20}?(?:委员会|工作组|专家组|特别报告员|高级专员|理事会))(?:关于(?P<subject>[^，；。(（]+?))?的(?:报告|说明)")
_GENERIC = patterns.lazy_compile(r"^(?:the\s+)?(?:implementation\s+of|work\s+of\s+the\s+Organization)|执行情况|本组织的工作", re.I)
# where a resolution asks for a report again: "requests the Secretary-General to submit … a report on …",
# "invites … to continue to submit a report on the work of the Working Group"
_EN_REQUEST_SPLIT = patterns.lazy_compile(r";|,\s+(?=(?:and\s+)?(?:also\s+|further\s+)?(?:requests|invites|encourages|decides|calls)\b)")
_EN_REQUEST = patterns.lazy_compile(r"\b(?:to\s+(?:continue\s+to\s+)?(?:submit|present|report|prepare)|to\s+include\s+in\s+(?:his|her|its|the)\s+(?:next\s+)?report)\b", re.I)
_ZH_REQUEST = patterns.lazy_compile(r"提交|提出|报告")
_MINOR = {"the", "of", "on", "and", "in", "for", "to", "united", "nations", "a", "an", "its"}


@record
class _Known:
    """What the resolution itself names: its requests, its topics and its own symbols."""

    requests: str  # the operative paragraphs: where the resolution asks for reports again
    topics: tuple[str, ...]  # the resolution's title and the agenda items it names ("the item entitled “…”")
    own: set[str]  # the resolution being updated and the series' previous one ("79/160", "78/190")


def _topics(doc: Document, ctx: Context) -> tuple[str, ...]:
    named = [m.group(1) or m.group(2) for p in doc.paragraphs
             for m in patterns.finditer(r"\bitem\s+entitled\s+“([^”]+)”|题为“([^”]+)”的项目", p.text)]
    return tuple(_topic_key(t) for t in [ctx.title or "", *named] if t)


def _topic_key(text: str) -> str:
    return patterns.sub(r"^the\s+", "", patterns.sub(r"\s+", " ", text.strip().rstrip(",;.，；。")), flags=re.I).lower()


def _base(symbol: str) -> str:
    """"A/79/209/Corr.1" → "A/79/209": the report and its corrigendum are cited together."""
    return patterns.sub(r"(?:/(?:Add|Rev|Corr)\.\d+)+$", "", symbol)


def _note_symbols(doc: Document, number: int) -> list[str]:
    return [m.group(0) for f in doc.footnotes if f.number == number for m in _SYMBOL.finditer(f.text)]


# a body's report on one of its sessions ("on its eighth session", "on its ninth and tenth sessions"): it
# reports on each session; "关于其第八届会议的报告"
_EN_SESSION_REPORT = patterns.lazy_compile(r"(?:^|\bon\s+)(?:the\s+work\s+of\s+)?its\s+(?:[\w-]+\s+){1,6}?sessions?$", re.I)
_ZH_SESSION_REPORT = patterns.lazy_compile(r"^其?第[^，；。]{1,12}届会议(?:工作)?$")
# authors that report once: an expert group, a panel, a mission, a preparatory or ad hoc body
_EN_ONE_OFF = patterns.lazy_compile(r"\b(?:Group|Panel|Mission|Inquiry|Preparatory|Ad\s+Hoc|Open-ended|Summit|Envoy)\b", re.I)
_ZH_ONE_OFF = patterns.lazy_compile(r"专家组|工作组|小组|特派团|调查|筹备")


def _periodic(clause: str, known: _Known, lang: str) -> bool:
    """The clause's report is one the Assembly receives each time (its symbol will be the next session's):
    the Secretary-General's on the resolution, one the resolution asks for again, one prepared pursuant to
    the series' own resolution, a body's report on its session, one on the agenda item or the resolution's
    title, or a standing body's report without a subject (``the report of the United Nations Conference on
    Trade and Development``)."""
    # the document's own resolution numbers: re, not the pattern cache (patterns.py)
    if any(re.search(rf"(?<![\d/]){re.escape(n)}(?![\d/])", clause) for n in known.own):
        return True  # "prepared in accordance with the request contained in its resolution 79/160"
    return any(_periodic_one(m, known, lang) for m in (_ZH_REPORT_OF if lang == "zh" else _EN_REPORT_OF).finditer(clause))


def _periodic_one(m: re.Match, known: _Known, lang: str) -> bool:
    requests = known.requests
    who, subject = m.group("who").strip(), (m.group("subject") or "").strip()
    if patterns.fullmatch(r"[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|for|in|on))*", subject):
        who, subject = f"{who} on {subject}", ""  # "Conference on Trade and Development": the name goes on
    if subject and ((_ZH_SESSION_REPORT if lang == "zh" else _EN_SESSION_REPORT).search(subject)
                    or _topic_key(subject) in known.topics):
        return True
    if not subject and not m.groupdict().get("entitled") and who not in ("Secretary-General", "秘书长") \
            and not (_ZH_ONE_OFF if lang == "zh" else _EN_ONE_OFF).search(who):
        return True
    if who == "Secretary-General" and m.groupdict().get("entitled"):
        # "the report of the Secretary-General entitled “Towards the achievement …”": his report on the
        # resolution when the resolution asks him for one again
        return any(patterns.search(r"\bSecretary-General\b", seg) and _EN_REQUEST.search(seg)
                   for seg in _EN_REQUEST_SPLIT.split(requests) if patterns.search(r"\breport", seg, re.I))
    if who in ("Secretary-General", "秘书长") and (not subject or _GENERIC.search(subject)
                                                 or patterns.search(r"resolution\s+\d+/\d+|第\s*\d+/\d+\s*号决议", subject)):
        return True
    if lang == "zh":
        keys = [k[:6] for k in (subject, who if who != "秘书长" else "") if k]
        segments = [seg for seg in patterns.split(r"[；。]", requests) if _ZH_REQUEST.search(seg)]
        return any(k in seg for k in keys for seg in segments)
    segments = [seg for seg in _EN_REQUEST_SPLIT.split(requests) if _EN_REQUEST.search(seg) and patterns.search(r"\breport", seg, re.I)]
    for phrase in (subject, who if who != "Secretary-General" else ""):
        words = [w for w in patterns.findall(r"[A-Za-z][\w-]+", phrase) if w.lower() not in _MINOR][:2]
        if len(words) < 2:
            continue
        pattern = r"\b" + r"\W+(?:\w+\W+){0,3}?".join(map(re.escape, words))
        if any(re.search(pattern, seg, re.I) for seg in segments):  # the text's words: re, not the cache
            return True
    return False


def _edit(label: str, before: str, after: str, ctx: Context) -> Edit:
    return Edit(
        "report-symbol", label, before, after,
        f"the report to session {ctx.new} has a number not known yet; was {before}",
        placeholder=PLACEHOLDER in after,
    )


def _footnote(doc: Document, number: int, ctx: Context, periodic: bool) -> list[Edit]:
    for k, f in enumerate(doc.footnotes):
        if f.number != number:
            continue
        text = f.text
        records = (_ZH_RECORDS if ctx.lang == "zh" else _EN_RECORDS).search(text)
        ibid = _IBID_SUPPLEMENT.match(text)
        if ibid and any(int(m.group("sess")) == ctx.old for m in _SYMBOL.finditer(text)):
            # "Ibid., Supplement No. 12A (A/79/12/Add.1).": the session is the previous footnote's
            new_text = _SYMBOL.sub(lambda m: _records_symbol(m, ctx), text)
            note = f"this session's report in the Official Records moves to the draft's session; was: {text}"
        elif records:
            value = ordinal_value(records.group("ord"))
            if value != ctx.old:
                return []
            new_ord = zh_numeral(ctx.new) if ctx.lang == "zh" else en_ordinal_like(ctx.new, records.group("ord"))
            new_text = text[:records.start("ord")] + new_ord + text[records.end("ord"):]
            new_text = _SYMBOL.sub(lambda m: _records_symbol(m, ctx), new_text)
            note = (f"this session's report in the Official Records moves to the draft's session (Supplement No. "
                    f"{records.group('supp')} keeps its number); was: {text}")
        elif (periodic or all(int(m.group("num")) < _SUPPLEMENTS for m in _SYMBOL.finditer(text))) and not patterns.sub(r"See|see|Ibid\.?|见|同上|and|和|及|Part\s+[IVX]+|第[一二三四五六七八九十]+部分|[\s,.;，。、()（）]", "", _SYMBOL.sub("", text)):
            new_text = _SYMBOL.sub(lambda m: _report_symbol(m, ctx), text)
            note = f"the report to session {ctx.new} has a number not known yet; was: {text}"
        elif periodic and _council_report_of_the_year(text, ctx):
            new_text = _COUNCIL_SYMBOL.sub(f"A/HRC/{PLACEHOLDER}", text)
            note = (f"a report to the Human Rights Council's session of this year: next year's has another session "
                    f"and number; was: {text}")
        else:
            return []
        if new_text == text:
            return []
        doc.footnotes[k] = replace(f, text=new_text)
        return [Edit("report-symbol", f"footnote {number}", text, new_text, note, placeholder=PLACEHOLDER in new_text)]
    return []


_COUNCIL_SYMBOL = patterns.lazy_compile(r"(?<![\w/])A/HRC/(?P<sess>\d{1,3})/\d{1,4}(?:/(?:Add|Rev|Corr)\.\d+)*(?![\w/])")


def _council_report_of_the_year(text: str, ctx: Context) -> bool:
    """A footnote giving only reports to the Council's sessions of the adoption year ("A/HRC/55/67."): the
    Council holds three a year, the first of year Y being number 3 × (Y − 2006) + 1 (55 in 2024)."""
    symbols = list(_COUNCIL_SYMBOL.finditer(text))
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    first = 3 * (year - 2006) + 1
    rest = patterns.sub(r"See|see|and|和|及|[\s,.;，。、]", "", _COUNCIL_SYMBOL.sub("", text))
    return bool(symbols) and not rest and all(first <= int(m.group("sess")) < first + 3 for m in symbols)


_SUPPLEMENTS = 60  # A/79/1 … A/79/5x are the session's numbered supplements: annual reports, same number each year


def _next_symbol(m: re.Match, ctx: Context) -> str:
    """A/79/12 → A/80/12 (a supplement: its number stays); A/79/305 → A/80/[●]; other sessions stay."""
    if int(m.group("sess")) != ctx.old:
        return m.group(0)
    number = m.group("num") if int(m.group("num")) < _SUPPLEMENTS else PLACEHOLDER
    return f"A/{ctx.new}/{number}{m.group('rest')}"


def _records_symbol(m: re.Match, ctx: Context) -> str:
    return f"A/{ctx.new}/{m.group('num')}{m.group('rest')}" if int(m.group("sess")) == ctx.old else m.group(0)


def _report_symbol(m: re.Match, ctx: Context) -> str:
    return _next_symbol(m, ctx)
