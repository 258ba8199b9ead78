"""Other bodies' references: the latest resolution of another body (Human Rights Council, Commission on
the Status of Women …) recalled beside the series is for the drafter to give, and so is the footnote
citing that body's report in the Official Records."""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff import patterns
from resdiff.draft.context import PLACEHOLDER, Change, Context, Document, replace_within
from resdiff.draft.forward import ordinal_value
from resdiff.draft.refs import Ref, find_refs, item_start
from resdiff.lang.numerals import EN_ORDINAL, ZH_NUMERAL, en_ordinal_like, zh_numeral
from resdiff.model import Edit, Footnote


def other_bodies(doc: Document, ctx: Context) -> list[Edit]:
    """Other bodies' resolutions recalled in the recall-chain paragraph become placeholders.

    ``人权理事会 2020 年 7 月 17 日第 44/18 号决议`` → ``人权理事会[●]年[●]月[●]日第[●]号决议``;
    ``Human Rights Council resolution 44/18 of 17 July 2020`` → ``… resolution [●] of [●]``, and its
    footnote ``Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53)``
    moves to the draft's session with chapter and section as placeholders.
    """
    if doc.chain is None:
        return []
    index = doc.chain[0]
    p = doc.paragraphs[index]
    footnotes = doc.footnotes
    changes: list[Change] = []
    edits: list[Edit] = []
    for other in find_refs(p, ctx.lang):
        if ctx.is_own(other) or not doc.is_free(index, other.start, other.end):
            continue
        if ctx.date and other.year and other.year < int(ctx.date[:4]) - 3:
            continue  # an old reference (Commission on Human Rights 2005/…) is history, not the chain
        before = p.text[other.start:other.end]
        after = reference_placeholder(p.text, other, ctx)
        changes.append(Change(other.start, other.end, after))
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
    doc.change(index, changes)
    return edits


# bodies that adopt a resolution on the same subject year after year: their latest one is cited again
RECURRING_BODIES = ("Human Rights Council", "人权理事会")
_EN_LIST_AND = patterns.lazy_compile(r",?\s+and\s+$")
_ZH_LIST_AND = patterns.lazy_compile(r"\s*[和及]\s*$")
_HRC_SYMBOL = patterns.lazy_compile(r"A/HRC/(?P<sess>\d{1,3})/\d+(?:/Add\.\d+)?")


def recurring_bodies(doc: Document, ctx: Context) -> list[Edit]:
    """This year's resolution of a body that adopts one every year, anywhere else in the text.

    ``Welcoming Human Rights Council resolution 55/19 of 4 April 2024,`` → ``… resolution [●] of [●],`` (the
    real next draft cites 58/21 of 3 April 2025), and ``submitted pursuant to Human Rights Council
    resolution 55/19`` with it; the end of a list ``… 54/27 of 12 October 2023 and 57/25 of 10 October 2024``
    gains ``… , 57/25 of 10 October 2024 and [●] of [●]``; ``人权理事会关于这一主题的各项决议，包括 2024 年
    10 月 9 日第 57/8 号决议`` → ``第[●]号决议``; the footnotes citing them (Official Records, ``A/HRC/55/67.``)
    too. Older ones are history.
    """
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    edits: list[Edit] = []
    replaced: set[str] = set()
    for i, p in enumerate(doc.paragraphs):
        refs = [r for r in find_refs(p, ctx.lang) if r.body in RECURRING_BODIES and not ctx.is_own(r)]
        latest = [r for r in refs if r.year == year and doc.is_free(i, r.start, r.end)]
        changes: list[Change] = []
        for ref in latest:
            number = p.text[slice(*ref.number)].replace(" ", "")
            replaced.add(number)
            previous = [r for r in refs if r.end <= ref.number[0] and r.year and r.year < year]
            glue = (_ZH_LIST_AND if ctx.lang == "zh" else _EN_LIST_AND).search(p.text, 0, item_start(p.text, ref, ctx.lang))
            in_list = bool(previous and glue and glue.start() >= previous[-1].end - 1)
            if in_list:
                # the end of a list of the body's resolutions: the next one joins it
                list_changes, before, after = list_gains_placeholder(p.text, glue, ref, ctx.lang)
                changes += list_changes
                note = (f"the {ref.body} has most likely adopted a newer resolution on the subject since {number}: give it "
                        "(and its footnote, if the list cites the Official Records)")
            else:
                before = p.text[ref.start:ref.end]
                after = reference_placeholder(p.text, ref, ctx)
                changes.append(Change(ref.start, ref.end, after))
                note = f"the latest {ref.body} resolution on the subject is for the drafter to give; was: {before}"
            edits.append(Edit("other-body", p.label, before, after, note, placeholder=True))
            if not in_list:  # a list's new item needs a footnote of its own: the drafter adds it
                edits += _footnotes_after(doc, p, ref, ctx)
        doc.change(i, changes)
    # the same resolutions cited again without a date ("pursuant to Human Rights Council resolution 55/19")
    for i, p in enumerate(doc.paragraphs):
        changes = []
        for ref in find_refs(p, ctx.lang):
            number = p.text[slice(*ref.number)].replace(" ", "")
            if _recurring(ref.body) and number in replaced and not ref.date and doc.is_free(i, *ref.number):
                changes.append(Change(*ref.number, PLACEHOLDER))
                edits.append(Edit("other-body", p.label, p.text[ref.start:ref.end],
                                  p.text[ref.start:ref.number[0]] + PLACEHOLDER + p.text[ref.number[1]:ref.end],
                                  f"the same {ref.body} resolution as above ({number}): give the latest", placeholder=True))
                edits += _footnotes_after(doc, p, ref, ctx)
        doc.change(i, changes)
    return edits


def _recurring(body: str | None) -> bool:
    """A recurring body, by its name or its short form once named ("Council resolution 52/27", "理事会第52/27号决议")."""
    if not body:
        return False
    # a Chinese name is read back to the clause's start: "特别报告员根据理事会" is "理事会"
    body = patterns.split(r"根据|依照|按照|依据|关于|通过|以及|的", body)[-1]
    return any(name == body or name.endswith(" " + body) or body == "理事会" and name.endswith(body) for name in RECURRING_BODIES)


def _footnotes_after(doc: Document, p, ref: Ref, ctx: Context) -> list[Edit]:
    """The footnote right after the reference: its Official Records, or the report it asked for (A/HRC/55/67)."""
    edits = []
    session = ref.session
    for number, pos in zip(p.footnotes, p.footnote_positions):
        if not (ref.end <= pos <= ref.end + 2 and not p.text[ref.end:pos].strip(" ，,")):
            continue
        k, note = next(((k, f) for k, f in enumerate(doc.footnotes) if f.number == number), (None, None))
        if note is None:
            continue
        symbols = list(_HRC_SYMBOL.finditer(note.text))
        if symbols and session and all(int(m.group("sess")) == session for m in symbols):
            new_text = _HRC_SYMBOL.sub(f"A/HRC/{PLACEHOLDER}", note.text)
            doc.footnotes[k] = replace(note, text=new_text)
            edits.append(Edit("other-body", f"footnote {number}", note.text, new_text,
                              f"the report asked for by the {ref.body}'s latest resolution: give its symbol", placeholder=True))
        else:
            edit = _council_footnote(doc.footnotes, number, ref.body, ctx)
            if edit:
                edits.append(replace(edit, rule="other-body"))
    return edits


def list_gains_placeholder(text: str, glue: re.Match, last: Ref, lang: str) -> tuple[list[Change], str, str]:
    """A list of resolutions ending "… and <last>" gains a next item nobody knows yet: (changes, before, after).

    ``54/27 of 12 October 2023 and 57/25 of 10 October 2024`` → ``…, 57/25 of 10 October 2024 and [●] of [●]``;
    ``第 77/205 号和第 78/234 号`` → ``…、第 78/234 号和[●]年[●]月[●]日第[●]号``. ``glue`` is the "and" / "和"
    before ``last``."""
    zh = lang == "zh"
    end = text.index("号", last.number[1]) + 1 if zh else last.end
    new = (f"和{PLACEHOLDER}年{PLACEHOLDER}月{PLACEHOLDER}日第{PLACEHOLDER}号" if zh
           else f" and {PLACEHOLDER}" + (f" of {PLACEHOLDER}" if last.date else ""))
    comma = "、" if zh else ", "
    changes = [Change(glue.start(), glue.end(), comma), Change(end, end, new)]
    return changes, text[glue.start():end], comma + text[glue.end():end] + new


def reference_placeholder(text: str, ref: Ref, ctx: Context) -> str:
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
    return replace_within(text, ref.start, ref.end, pieces)


_ZH_RECORDS = patterns.lazy_compile(
    rf"《大会正式记录，第(?P<ord>{ZH_NUMERAL})届会议，补编第\s*(?P<supp>\d+)\s*号(?P<extra>[^》]*)》"
    r"\s*[(（](?P<sym>A/(?P<sess>\d+)/\d+[^)）]*)[)）]"
)
_EN_RECORDS = patterns.lazy_compile(
    rf"Official Records of the General Assembly,\s+(?P<ord>{EN_ORDINAL})\s+Session,\s+Supplement\s+No\.\s*(?P<supp>\d+)"
    r"(?P<extra>[^(]*)\((?P<sym>A/(?P<sess>\d+)/\d+[^)]*)\)",
    re.I,
)


def _council_footnote(footnotes: list[Footnote], number: int, body: str, ctx: Context) -> Edit | None:
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
            new_sym = patterns.sub(r"^A/\d+/", f"A/{ctx.new}/", sym)
            tail = f.text[m.end():]
            if ctx.lang == "zh":
                tail = patterns.sub(rf"第[{ZH_NUMERAL[1:-2]}\d\s]+章", f"第{PLACEHOLDER}章", tail)
                tail = patterns.sub(r"[A-Z\d]+\s*节", f"{PLACEHOLDER}节", tail)
            else:
                tail = patterns.sub(r"\b(chaps?\.)\s*[IVXLC\d]+(?:\s*(?:and|-|–)\s*[IVXLC\d]+)?", rf"\1 {PLACEHOLDER}", tail)
                tail = patterns.sub(r"\b(sects?\.)\s*[A-Z\d]+", rf"\1 {PLACEHOLDER}", tail)
                tail = patterns.sub(r"\b(paras?\.)\s*[\d\-–]+", rf"\1 {PLACEHOLDER}", tail)
            new_text = (
                f.text[:m.start("ord")] + new_ord + f.text[m.end("ord"):m.start("sym")] + new_sym
                + f.text[m.end("sym"):m.end()] + tail
            )
        else:
            new_text = PLACEHOLDER
        footnotes[i] = replace(f, text=new_text)
        return Edit("recall-chain", f"footnote {number}", f.text, new_text, why, placeholder=True)
    return None




_EN_COUNCIL_SESSION = patterns.lazy_compile(
    rf"\b(?:to|by|before)\s+the\s+Human\s+Rights\s+Council\s+at\s+its\s+(?P<ord>{EN_ORDINAL})\s+session\b", re.I)
_ZH_COUNCIL_SESSION = patterns.lazy_compile(rf"(?:向|提交)人权理事会第(?P<ord>{ZH_NUMERAL})届会议")
_EN_ASKING = patterns.lazy_compile(r"\b(?:requests?|invites?|decides?|submission|to\s+(?:submit|present|report))\b", re.I)
_ZH_ASKING = patterns.lazy_compile(r"请|要求|决定|邀请")


def council_sessions_ahead(doc: Document, ctx: Context) -> list[Edit]:
    """A report asked for the Council's session after this one: which session that is next year is for
    the drafter (three a year). ``for submission to the General Assembly at its eightieth session and to the
    Human Rights Council at its fifty-ninth session`` → ``… at its [●] session``;
    ``向人权理事会第五十九届会议提交`` → ``第[●]届会议``."""
    pattern, asking = (_ZH_COUNCIL_SESSION, _ZH_ASKING) if ctx.lang == "zh" else (_EN_COUNCIL_SESSION, _EN_ASKING)
    edits = []
    for i, p in enumerate(doc.paragraphs):
        if p.kind != "operative" or not asking.search(p.text[:120]):
            continue
        changes = []
        for m in pattern.finditer(p.text):
            if not doc.is_free(i, *m.span("ord")):
                continue
            changes.append(Change(*m.span("ord"), PLACEHOLDER))
            before = m.group(0)
            after = before[:m.start("ord") - m.start()] + PLACEHOLDER + before[m.end("ord") - m.start():]
            edits.append(Edit("other-body", p.label, before, after,
                              "the Council holds three sessions a year: the matching one next year is usually this number "
                              "plus three; give it", placeholder=True))
        doc.change(i, changes)
    return edits + _council_this_year(doc, ctx)


_EN_COUNCIL_AT = patterns.lazy_compile(rf"\bHuman\s+Rights\s+Council,?\s+(?:at|in|during)\s+its\s+(?P<ord>{EN_ORDINAL})\s+session\b", re.I)
_ZH_COUNCIL_AT = patterns.lazy_compile(rf"人权理事会(?:在|于)?第(?P<ord>{ZH_NUMERAL})届会议")


def _council_this_year(doc: Document, ctx: Context) -> list[Edit]:
    """What the Council did at one of its sessions of the adoption year, welcomed in an operative paragraph:
    next year's draft names next year's session. ``Welcomes the further consideration by the Human Rights
    Council, at its fifty-fourth session, of …`` (A/RES/78/234, 2023) → ``at its [●] session`` (A/RES/79/161:
    fifty-seventh); ``人权理事会第五十七届会议`` → ``第[●]届会议``. Sessions of earlier years are history."""
    year = int(ctx.date[:4]) if ctx.date else 1945 + ctx.old
    first = 3 * (year - 2006) + 1  # the Council's first session of year Y (55 in 2024)
    edits = []
    for i, p in enumerate(doc.paragraphs):
        if p.kind != "operative":
            continue
        changes = []
        for m in (_ZH_COUNCIL_AT if ctx.lang == "zh" else _EN_COUNCIL_AT).finditer(p.text):
            value = ordinal_value(m.group("ord"))
            if value is None or not first <= value < first + 3 or not doc.is_free(i, *m.span("ord")):
                continue
            changes.append(Change(*m.span("ord"), PLACEHOLDER))
            before = m.group(0)
            after = before[:m.start("ord") - m.start()] + PLACEHOLDER + before[m.end("ord") - m.start():]
            edits.append(Edit("other-body", p.label, before, after,
                              f"the Council's session {value} was one of this year's: next year's draft names the "
                              "matching one of next year (usually this number plus three); give it", placeholder=True))
        doc.change(i, changes)
    return edits
