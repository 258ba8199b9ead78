"""Forward references: sessions the Assembly looks ahead to (continue consideration, report, include in
the provisional agenda) move on; history stays."""

from __future__ import annotations

import re

from resdiff import patterns
from resdiff.draft.context import Change, Context, Document
from resdiff.lang.numerals import EN_ORDINAL, ZH_NUMERAL, en_ordinal_like, parse_en_ordinal, parse_zh_numeral, zh_numeral
from resdiff.model import OPERATIVE, Edit


_EN_SESSION_REF = patterns.lazy_compile(rf"\b(?P<ord>{EN_ORDINAL})(?P<kind>\s+(?:special\s+|emergency\s+special\s+)?)session\b", re.I)
_ZH_SESSION_REF = patterns.lazy_compile(rf"第(?P<ord>{ZH_NUMERAL})届(?:特别|紧急特别)?会议")
_EN_FORWARD = patterns.lazy_compile(
    r"\b(?:decides?|continue|requests?|include|includes|provisional agenda|convene|hold|devote|invites?|"
    r"calls? upon|encourages?|recommends?|urges?|"
    r"to (?:report|submit|present|consider|convene|hold|devote|include|review|examine|take up|prepare|organize)|"
    r"to be (?:submitted|held|convened|considered|presented|organized))\b",
    re.I,
)
_EN_BACKWARD = patterns.lazy_compile(
    r"\b(?<!to be )(?<!will be )(?<!would be )(?:submitted|held|adopted|presented|convened|considered|issued|"
    r"contained|transmitted|launched|organized|made|endorsed|welcomed)\b(?:\s+\S+){0,6}\s*$",
    re.I,
)
_EN_OTHER_BODY = patterns.lazy_compile(r"\b(?:Council|Commission|Subcommission|Sub-Commission|Committee|Conference|Board|Forum)\b[^;]*$")
# the Assembly's own voice in an operative paragraph: third person, not an infinitive ("to decide")
_EN_ASSEMBLY_VERB = patterns.lazy_compile(r"(?<!to )\b(?:decides|requests|invites|encourages|urges|calls upon|recommends)\b")
_ZH_FORWARD = patterns.lazy_compile(r"决定|请|要求|提交|列入|继续|审议|举行|召开|专门|邀请|鼓励|建议|促请|敦促|报告")
_ZH_OTHER_BODY = patterns.lazy_compile(r"(?:理事会|委员会|缔约国会议|论坛|执行局)\s*$")


def forward_sessions(doc: Document, ctx: Context) -> list[Edit]:
    """References the Assembly makes ahead, in operative paragraphs, move on with the session.

    ``Decides to continue its consideration of the question at its seventy-sixth session`` →
    ``seventy-seventh``; ``决定在大会第七十六届会议上继续审议这个问题`` → ``第七十七届``. Past sessions,
    Official Records (``《大会正式记录，第七十五届会议…》``), other bodies' sessions and ordinals that are
    not sessions (``seventy-fifth anniversary``) stay.
    """
    edits = []
    shift = ctx.new - ctx.old
    for i, p in enumerate(doc.paragraphs):
        if p.kind != OPERATIVE:
            continue
        changes = []
        for m in (_ZH_SESSION_REF if ctx.lang == "zh" else _EN_SESSION_REF).finditer(p.text):
            value = ordinal_value(m.group("ord"))
            # the resolution's own session up to the session it is next taken up at (one for a yearly text)
            if value is None or not ctx.old <= value <= ctx.old + max(shift, ctx.cycle) or not _is_forward(p.text, m, ctx.lang):
                continue
            new_value = value + shift
            new_ord = zh_numeral(new_value) if ctx.lang == "zh" else en_ordinal_like(new_value, m.group("ord"))
            changes.append(Change(m.start("ord"), m.end("ord"), new_ord))
            start = _phrase_start(p.text, m.start(), ctx.lang)
            before = p.text[start:m.end()]
            after = before[: m.start("ord") - start] + new_ord + p.text[m.end("ord"):m.end()]
            which = {ctx.old: "the resolution's own session", ctx.old + 1: "the session after the resolution's"}.get(
                value, f"a session {value - ctx.old} after the resolution's")
            note = f"forward reference to {which} ({value}) moves to {new_value}"
            if patterns.search(r"anniversary|周年", p.text):
                note += "; the paragraph names an anniversary: a one-off event may need the paragraph dropped or rewritten"
            edits.append(Edit("forward-session", p.label, before, after, note))
        doc.change(i, changes)
    return edits


# where a resolution says when the Assembly takes the question up again
_EN_AGENDA = patterns.lazy_compile(
    r"provisional agenda|continue (?:its |the )?consideration|(?:consider|take up|examine|review) (?:the|this) "
    r"(?:matter|question|item|issue|sub-item|subject)", re.I)
_ZH_AGENDA = patterns.lazy_compile(r"临时议程|继续审议|审议这个问题|审议该问题|审议这一问题|审议此问题|审议该项目")


def target_session(paragraphs, lang: str, old: int) -> int | None:
    """The session the resolution itself says the question comes back at, one to three sessions on.

    ``Decides to include in the provisional agenda of its eightieth session …`` (adopted at the
    seventy-ninth: yearly) or ``Decides to consider the matter at its eighty-first session`` (biennial);
    ``决定将…列入大会第八十一届会议临时议程``. None when it names none: the caller takes the next session.
    """
    pattern, agenda = (_ZH_SESSION_REF, _ZH_AGENDA) if lang == "zh" else (_EN_SESSION_REF, _EN_AGENDA)
    found = []
    for p in paragraphs:
        if p.kind != OPERATIVE:
            continue
        for m in pattern.finditer(p.text):
            value = ordinal_value(m.group("ord"))
            if value is None or not old < value <= old + 3 or not _is_forward(p.text, m, lang):
                continue
            clause_start = max(p.text.rfind(ch, 0, m.start()) for ch in ";；。\n") + 1
            ends = [i for i in (p.text.find(ch, m.end()) for ch in ";；。\n") if i >= 0]
            if agenda.search(p.text[clause_start:min(ends, default=len(p.text))]):
                found.append(value)
    # two different sessions named for taking the question up: unsure, say nothing
    return found[0] if found and len(set(found)) == 1 else None


def ordinal_value(word: str) -> int | None:
    try:
        return parse_zh_numeral(word) if patterns.fullmatch(ZH_NUMERAL, word) else parse_en_ordinal(word)
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
        if patterns.match(r"(?:上|期间|中)?[\u4e00-\u9fff]{0,4}的(?!临时议程)", after):
            return False  # 提交大会第七十五届会议的报告, 期间举行的
        return bool(_ZH_FORWARD.search(prefix))
    if patterns.search(r"Official\s+Records", prefix[-80:]):
        return False
    if patterns.match(r"\s+of\s+the\s+(?!General\s+Assembly)[A-Z]", after):
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
    m = patterns.search(r"(?:\b(?:at|during|to|of|until|by|before|for)\s+)?(?:\b(?:its|the)\s+)?$", text[:start])
    return m.start() if m else start



_EN_LOOKING_AHEAD = patterns.lazy_compile(
    r"\b(?:looking\s+forward|looks?\s+forward|upcoming|forthcoming|(?:to\s+be|will\s+be|scheduled\s+to\s+be)\s+"
    r"(?:held|convened|organized|hosted|launched))\b", re.I)
_ZH_LOOKING_AHEAD = patterns.lazy_compile(r"期待|期望|即将|将于|定于|拟于|将在")
_YEAR = patterns.lazy_compile(r"(?<!\d)(20\d\d)(?!\d)")


def preambular_forward(doc: Document, ctx: Context) -> list[Edit]:
    """Preambular paragraphs looking ahead to what will have happened by the draft's session get a comment.

    ``looking forward to the thirtieth session, to be held in Belém, Brazil, from 10 to 21 November 2025``,
    ``Looking forward to the high-level meeting to be convened during its eightieth session``,
    ``期待定于2025年举行的…``: the text stays (what happened is for the drafter to say), the edit says so.
    """
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    ahead = (_ZH_LOOKING_AHEAD if ctx.lang == "zh" else _EN_LOOKING_AHEAD)
    sessions = _ZH_SESSION_REF if ctx.lang == "zh" else _EN_SESSION_REF
    edits = []
    for p in doc.paragraphs:
        if p.kind == OPERATIVE:
            continue
        for cue in ahead.finditer(p.text):
            ends = [k for k in (p.text.find(ch, cue.end()) for ch in ";；。\n") if k >= 0]
            end = min(min(ends, default=len(p.text)), cue.end() + 200)
            phrase = p.text[cue.start():end]
            soon = [y for y in _YEAR.finditer(phrase) if year <= int(y.group(1)) <= year + ctx.new - ctx.old]
            named = [m for m in sessions.finditer(phrase) if (v := ordinal_value(m.group("ord"))) is not None
                     and ctx.old <= v <= ctx.new]
            if soon or named:  # shown up to the year or session that will be past
                phrase = phrase[:max(m.end() for m in soon + named)]
            if soon or named:
                edits.append(Edit(
                    "forward-flag", p.label, phrase, phrase,
                    "looks ahead to what will have taken place by the draft's session: say what happened, or drop it",
                ))
                break
    return edits


# figures (a share, an amount, a temperature) and the year they are for: "in 2023, … reaching an estimated
# level of 11.4 trillion United States dollars", "2023年…达到11.4万亿美元"
_EN_FIGURE = patterns.lazy_compile(r"\b\d[\d.,]*\s*(?:per\s+cent|trillion|billion|million|degrees\s+Celsius)\b")
_ZH_FIGURE = patterns.lazy_compile(r"\d[\d.,]*\s*(?:%|％|万亿|亿|万|摄氏度)|百分之\s*[\d.]+")
_EN_FIGURE_YEAR = patterns.lazy_compile(r"\b(?:in|during|of|for|by\s+the\s+end\s+of)\s+(20\d\d)\b")
_ZH_FIGURE_YEAR = patterns.lazy_compile(r"(20\d\d)\s*年")


def dated_figures(doc: Document, ctx: Context) -> list[Edit]:
    """Figures for the latest year get a comment: next year's text gives next year's figures, which only the
    drafter has. ``Recognizing with concern that, in 2023, the external debt positions … reaching an estimated
    level of 11.4 trillion United States dollars`` (A/RES/79/197, adopted in 2024; the real A/C.2/80/L.12 reads
    2024 and 11.7 trillion: every such paragraph of 78/137 and 79/197 changed in its successor). The text stays;
    figures for older years are history."""
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    figure, dated = (_ZH_FIGURE, _ZH_FIGURE_YEAR) if ctx.lang == "zh" else (_EN_FIGURE, _EN_FIGURE_YEAR)
    edits = []
    for p in doc.paragraphs:
        if p.kind == OPERATIVE or not figure.search(p.text):
            continue
        recent = sorted({int(m.group(1)) for m in dated.finditer(p.text)} & {year - 1, year})
        if recent:
            edits.append(Edit(
                "figures-flag", p.label, p.text, p.text,
                f"gives figures for {recent[-1]}: the next text gives the latest year's (only the drafter has them)",
            ))
    return edits
