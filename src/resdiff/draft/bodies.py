"""Other bodies' references: the latest resolution of another body (Human Rights Council, Commission on
the Status of Women …) recalled beside the series is for the drafter to give, and so is the footnote
citing that body's report in the Official Records."""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff.draft.context import PLACEHOLDER, Change, Context, Document, replace_within
from resdiff.draft.refs import Ref, find_refs
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
        after = _other_body_placeholder(p.text, other, ctx)
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


def _other_body_placeholder(text: str, ref: Ref, ctx: Context) -> str:
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


_ZH_RECORDS = re.compile(
    rf"《大会正式记录，第(?P<ord>{ZH_NUMERAL})届会议，补编第\s*(?P<supp>\d+)\s*号(?P<extra>[^》]*)》"
    r"\s*[(（](?P<sym>A/(?P<sess>\d+)/\d+[^)）]*)[)）]"
)
_EN_RECORDS = re.compile(
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


