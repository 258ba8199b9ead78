"""Next-session draft: hand-built resolutions for each rule, then the real texts of the 72/169 → 74/153 →
75/180 series (zh seed and English originals)."""

from __future__ import annotations

import pytest

from conftest import SEED, corpus
from resdiff.comparison import compare
from resdiff.draft import PLACEHOLDER, draft_next, draft_symbol
from resdiff.errors import UserError
from resdiff.model import Footnote, Header, Paragraph, Resolution, SubParagraph
from resdiff.normalize import normalize
from resdiff.read import read_file


def para(label: str, text: str, lead: str = "", footnotes: dict[int, int] | None = None, subs=()) -> Paragraph:
    kind = "operative" if label.startswith("OP") else "preambular"
    number = int(label[2:]) if kind == "operative" else None
    notes = footnotes or {}
    return Paragraph(
        label=label, kind=kind, number=number, text=text, key=normalize(text), lead=lead,
        footnotes=tuple(notes), footnote_positions=tuple(notes.values()), subparagraphs=tuple(subs),
    )


def en_resolution(paragraphs, footnotes=(), **header) -> Resolution:
    fields = dict(
        language="en", session=75, session_text="Seventy-fifth session", body="General Assembly",
        agenda_item="72(b)", symbol="A/RES/75/10", number="75/10", title="Cooperation in the field of testing",
        date="2020-12-16", adoption="Resolution adopted by the General Assembly on 16 December 2020",
        report="[on the report of the Third Committee (A/75/478)]", plenary_meeting=46,
        author="The General Assembly,", closing=("46th plenary meeting", "16 December 2020"),
    )
    fields.update(header)
    return Resolution(Header(**fields), tuple(paragraphs), tuple(footnotes), source="hand-built")


def zh_resolution(paragraphs, footnotes=(), **header) -> Resolution:
    fields = dict(
        language="zh", session=75, session_text="第七十五届会议", body="大会", agenda_item="72(b)",
        symbol="A/RES/75/10", number="75/10", title="测试领域的合作", date="2020-12-16",
        adoption="2020 年 12 月 16 日大会决议", report="[根据第三委员会的报告(A/75/478)通过]",
        plenary_meeting=46, author="大会，", closing=("2020年12月16日", "第46次全体会议"),
    )
    fields.update(header)
    return Resolution(Header(**fields), tuple(paragraphs), tuple(footnotes), source="hand-built")


def texts(res: Resolution) -> dict[str, str]:
    return {p.label: p.text for p in res.paragraphs}


def edits_by_rule(draft, rule):
    return [e for e in draft.edits if e.rule == rule]


# ── session and header ──────────────────────────────────────────────────────────────────────────────


def test_session_moves_on_in_each_language():
    en = draft_next(en_resolution([]))
    assert en.resolution.header.session == 76
    assert en.resolution.header.session_text == "Seventy-sixth session"
    zh = draft_next(zh_resolution([]))
    assert zh.resolution.header.session_text == "第七十六届会议"
    session_edit = edits_by_rule(zh, "session")[0]
    assert (session_edit.label, session_edit.before, session_edit.after) == ("header", "第七十五届会议", "第七十六届会议")


def test_session_crossing_a_hundred_uses_real_arithmetic():
    en = draft_next(en_resolution([], session=99, session_text="Ninety-ninth session", number="99/1"))
    assert en.resolution.header.session_text == "One hundredth session"
    zh = draft_next(zh_resolution([], session=109, session_text="第一百零九届会议", number="109/1"))
    assert zh.resolution.header.session_text == "第一百一十届会议"


def test_session_given_explicitly_skips_sessions_and_shifts_forward_references_by_as_much():
    res = en_resolution([para("OP1", "Decides to continue its consideration of the question at its seventy-sixth session.", "Decides")])
    draft = draft_next(res, session=77)
    assert draft.resolution.header.session_text == "Seventy-seventh session"
    assert texts(draft.resolution)["OP1"].endswith("at its seventy-eighth session.")


def test_no_session_anywhere_is_a_user_error_suggesting_the_option():
    res = en_resolution([], session=None, session_text=None, number=None, symbol=None)
    with pytest.raises(UserError) as err:
        draft_next(res)
    assert "no session" in err.value.message
    assert "--session" in err.value.hint
    # given, it works
    assert draft_next(res, session=76).resolution.header.session_text == "Seventy-sixth session"


def test_session_is_read_from_the_number_when_the_session_line_is_missing():
    res = en_resolution([], session=None, session_text=None)
    assert draft_next(res).resolution.header.session == 76


def test_session_not_after_the_resolutions_own_is_a_user_error():
    with pytest.raises(UserError) as err:
        draft_next(en_resolution([]), session=75)
    assert "--session 76" in err.value.hint


def test_adoption_parts_go_and_draft_parts_come_in_as_placeholders():
    draft = draft_next(en_resolution([]))
    h = draft.resolution.header
    assert (h.number, h.date, h.adoption, h.report, h.plenary_meeting, h.closing) == (None, None, None, None, None, ())
    assert h.symbol == "A/C.3/76/L.[●]"
    assert h.agenda_item == PLACEHOLDER
    assert PLACEHOLDER in h.sponsors
    assert h.title == "Cooperation in the field of testing"
    removed = {e.before for e in edits_by_rule(draft, "header") if e.after == ""}
    assert {"Resolution adopted by the General Assembly on 16 December 2020", "[on the report of the Third Committee (A/75/478)]",
            "75/10", "46th plenary meeting", "16 December 2020"} <= removed
    assert all(e.placeholder for e in draft.edits if PLACEHOLDER in e.after)


def test_agenda_item_and_symbol_given_are_used_and_not_flagged():
    draft = draft_next(en_resolution([]), agenda_item="74 (b)", symbol="A/C.3/76/L.25")
    h = draft.resolution.header
    assert (h.agenda_item, h.symbol) == ("74(b)", "A/C.3/76/L.25")
    flagged = {e.before for e in draft.edits if e.placeholder}
    assert "A/RES/75/10" not in flagged and "72(b)" not in flagged


def test_draft_symbol_follows_the_committee_of_the_report():
    assert draft_symbol(Header("zh", report="[根据第三委员会的报告(A/75/478)通过]"), 76) == "A/C.3/76/L.[●]"
    assert draft_symbol(Header("en", report="[on the report of the Sixth Committee (A/75/1)]"), 76) == "A/C.6/76/L.[●]"
    assert draft_symbol(Header("en", report="[without reference to a Main Committee (A/75/L.1)]"), 76) == "A/76/L.[●]"
    assert draft_symbol(Header("en", body="Human Rights Council"), 47) == "A/HRC/47/L.[●]"


# ── recall chain ──────────────────────────────────────────────────────────────────────────────────

EN_CHAIN = ("Recalling also its resolution 70/1 of 25 September 2015, entitled “Transforming our world”, "
            "its resolution 74/20 of 18 December 2019 and Human Rights Council resolution 44/1 of 17 July 2020,")


def test_recall_chain_english_points_to_the_resolution_being_updated():
    pos = EN_CHAIN.index("2020,") + 4
    res = en_resolution(
        [para("PP1", EN_CHAIN, "Recalling also", {1: pos})],
        [Footnote(1, "See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53), chap. V, sect. A.")],
    )
    draft = draft_next(res)
    p = draft.resolution.paragraph("PP1")
    assert p.text == ("Recalling also its resolution 70/1 of 25 September 2015, entitled “Transforming our world”, "
                      "its resolution 75/10 of 16 December 2020 and Human Rights Council resolution [●] of [●],")
    assert p.key == normalize(p.text)
    # the footnote marker still follows the Council reference
    assert p.text[: p.footnote_positions[0]].endswith("resolution [●] of [●]")
    chain = edits_by_rule(draft, "recall-chain")
    assert [(e.label, e.before, e.after, e.placeholder) for e in chain[:2]] == [
        ("PP1", "its resolution 74/20 of 18 December 2019", "its resolution 75/10 of 16 December 2020", False),
        ("PP1", "Human Rights Council resolution 44/1 of 17 July 2020", "Human Rights Council resolution [●] of [●]", True),
    ]
    assert "44/1 of 17 July 2020" in chain[1].note
    footnote = draft.resolution.footnote(1).text
    assert footnote == "See Official Records of the General Assembly, Seventy-sixth Session, Supplement No. 53 (A/76/53), chap. [●], sect. [●]."
    assert chain[2].label == "footnote 1" and chain[2].placeholder and "A/75/53" in chain[2].note


def test_recall_chain_skips_other_series_named_by_title_and_other_bodies():
    """70/1 is entitled otherwise; 2000/22 and an old Commission resolution are history."""
    res = en_resolution([
        para("PP1", "Recalling its resolution 74/5 of 1 December 2019, entitled “Something else entirely”,", "Recalling"),
        para("PP2", "Recalling also its resolution 73/9 of 17 December 2018 and Commission on Human Rights resolution 2005/7 of 14 April 2005,", "Recalling also"),
    ])
    draft = draft_next(res)
    chain = edits_by_rule(draft, "recall-chain")
    assert [e.before for e in chain] == ["its resolution 73/9 of 17 December 2018"]
    assert texts(draft.resolution)["PP1"] == res.paragraphs[0].text
    assert "Commission on Human Rights resolution 2005/7 of 14 April 2005" in texts(draft.resolution)["PP2"]


def test_recall_chain_chinese_keeps_the_source_spacing_and_writes_the_date_from_iso():
    spaced = "又回顾大会 2019 年 12 月 18 日第 74/20 号决议、人权理事会 2020 年 7 月 17 日第 44/1 号决议和各项决议，"
    tight = "又回顾大会2019年12月18日第74/20号决议，"
    for text, expected in (
        (spaced, "又回顾大会 2020 年 12 月 16 日第 75/10 号决议、人权理事会[●]年[●]月[●]日第[●]号决议和各项决议，"),
        (tight, "又回顾大会2020年12月16日第75/10号决议，"),
    ):
        draft = draft_next(zh_resolution([para("PP1", text, "又回顾")]))
        assert texts(draft.resolution)["PP1"] == expected


def test_recall_chain_without_header_number_or_date_leaves_placeholders():
    res = en_resolution([para("PP1", "Recalling its resolution 74/20 of 18 December 2019,", "Recalling")], number=None, date=None, symbol=None)
    draft = draft_next(res)
    assert texts(draft.resolution)["PP1"] == "Recalling its resolution [●] of [●],"
    assert edits_by_rule(draft, "recall-chain")[0].placeholder


def test_no_recall_chain_is_said_in_the_notes():
    draft = draft_next(en_resolution([para("PP1", "Recalling the Charter,", "Recalling")]))
    assert not edits_by_rule(draft, "recall-chain")
    assert any("recall" in n for n in draft.resolution.notes)


# ── forward references ──────────────────────────────────────────────────────────────────────────────


def test_forward_references_family_in_english():
    ops = [
        para("OP1", "Requests the Secretary-General to submit a report to the General Assembly at its seventy-sixth session;", "Requests"),
        para("OP2", "Decides to include in the provisional agenda of its seventy-sixth session the item entitled “Testing”;", "Decides"),
        para("OP3", "Decides to convene a high-level meeting during its seventy-fifth session;", "Decides"),
        para("OP4", "Requests the Secretary-General to submit a report to be submitted to the General Assembly at its seventy-sixth session;", "Requests"),
        para("OP5", "Welcomes the work of the Human Rights Council, and decides to continue its consideration at its seventy-sixth session;", "Welcomes"),
    ]
    draft = draft_next(en_resolution(ops))
    got = texts(draft.resolution)
    assert got["OP1"].endswith("at its seventy-seventh session;")
    assert "provisional agenda of its seventy-seventh session" in got["OP2"]
    assert "during its seventy-sixth session" in got["OP3"]
    assert got["OP4"].endswith("at its seventy-seventh session;")
    assert got["OP5"].endswith("at its seventy-seventh session;")
    forward = edits_by_rule(draft, "forward-session")
    assert [(e.label, e.before, e.after) for e in forward[:3]] == [
        ("OP1", "at its seventy-sixth session", "at its seventy-seventh session"),
        ("OP2", "of its seventy-sixth session", "of its seventy-seventh session"),
        ("OP3", "during its seventy-fifth session", "during its seventy-sixth session"),
    ]


def test_facts_stay_in_english():
    """Past sessions, records, other bodies' sessions, backward-looking reports and anniversaries."""
    ops = [
        para("OP1", "Takes note of the report of the Secretary-General submitted to the General Assembly at its seventy-fifth session;", "Takes note"),
        para("OP2", "Requests the Human Rights Council to consider the question at its seventy-sixth session;", "Requests"),
        para("OP3", "Decides to welcome the seventy-fifth anniversary of the United Nations;", "Decides"),
        para("OP4", "Decides to take note of the Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53;", "Decides"),
        para("OP5", "Decides to recall the decision taken at its seventy-fourth session;", "Decides"),
        para("OP6", "Recalls the adoption of resolution 2000/22 by the Subcommission at its fifty-second session;", "Recalls"),
        para("OP7", "Requests the Secretary-General to build on the report submitted to the General Assembly at its seventy-fifth session;", "Requests"),
        para("OP8", "Decides to build on the outcome of the meeting held during its seventy-fifth session;", "Decides"),
    ]
    pps = [para("PP1", "Noting with appreciation the decision to continue at its seventy-sixth session,", "Noting with appreciation")]
    res = en_resolution(pps + ops)
    draft = draft_next(res)
    assert texts(draft.resolution) == texts(res)
    assert not edits_by_rule(draft, "forward-session")


def test_forward_references_in_chinese_and_facts_that_stay():
    ops = [
        para("OP1", "决定将题为“测试”的项目列入大会第七十六届会议临时议程；", "决定"),
        para("OP2", "请秘书长向大会第七十六届会议提交关于本决议执行情况的报告；", "请"),
        para("OP3", "注意到秘书长提交大会第七十五届会议的报告；", "注意到"),
        para("OP4", "请人权理事会第七十六届会议审议这个问题；", "请"),
        para("OP5", "决定参阅《大会正式记录，第七十五届会议，补编第 53 号》；", "决定"),
        para("OP6", "决定在大会第七十六届会议上继续审议这个问题。", "决定"),
    ]
    res = zh_resolution(ops)
    draft = draft_next(res)
    got = texts(draft.resolution)
    assert got["OP1"] == "决定将题为“测试”的项目列入大会第七十七届会议临时议程；"
    assert got["OP2"] == "请秘书长向大会第七十七届会议提交关于本决议执行情况的报告；"
    assert got["OP6"] == "决定在大会第七十七届会议上继续审议这个问题。"
    for label in ("OP3", "OP4", "OP5"):
        assert got[label] == texts(res)[label]
    assert [e.label for e in edits_by_rule(draft, "forward-session")] == ["OP1", "OP2", "OP6"]


def test_forward_reference_inside_a_subparagraph_updates_the_subparagraph_too():
    text = "Decides:\n(a) To hold a meeting at its seventy-sixth session;\n(b) To report;"
    subs = (SubParagraph("(a)", "To hold a meeting at its seventy-sixth session;"), SubParagraph("(b)", "To report;"))
    draft = draft_next(en_resolution([para("OP1", text, "Decides", subs=subs)]))
    p = draft.resolution.paragraph("OP1")
    assert p.text == "Decides:\n(a) To hold a meeting at its seventy-seventh session;\n(b) To report;"
    assert p.subparagraphs == (SubParagraph("(a)", "To hold a meeting at its seventy-seventh session;"), SubParagraph("(b)", "To report;"))


def test_footnote_markers_after_an_edit_move_with_the_text():
    text = "Decides to continue at its seventy-sixth session, as agreed, and so on."
    marker_after = text.index(", as agreed") + len(", as agreed")
    draft = draft_next(en_resolution([para("OP1", text, "Decides", {1: 5, 2: marker_after})]))
    p = draft.resolution.paragraph("OP1")
    assert p.footnote_positions[0] == 5
    assert p.text[: p.footnote_positions[1]].endswith(", as agreed")


def test_capitalised_ordinal_keeps_its_capitals():
    res = en_resolution([para("OP1", "Decides to continue at its Seventy-Sixth Session.", "Decides")])
    assert texts(draft_next(res).resolution)["OP1"] == "Decides to continue at its Seventy-Seventh Session."


def test_other_languages_get_header_edits_and_a_note():
    res = Resolution(Header("other", session=75, session_text="Soixante-quinzième session", number="75/10"),
                     (para("OP1", "Décide de poursuivre l'examen de la question à sa soixante-seizième session.", "Décide"),))
    draft = draft_next(res)
    assert draft.resolution.header.session == 76
    assert texts(draft.resolution) == texts(res)
    assert any("Chinese and English" in n for n in draft.resolution.notes)


# ── real texts ──────────────────────────────────────────────────────────────────────────────────────


def test_seed_draft_for_the_seventy_sixth_session():
    previous = read_file(SEED)
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session == 76 and res.header.session_text == "第七十六届会议"
    pp3 = res.paragraph("PP3").text
    assert "大会 2020 年 12 月 16 日第 75/180 号决议" in pp3
    assert "74/153" not in pp3
    assert "人权理事会[●]年[●]月[●]日第[●]号决议" in pp3
    assert res.paragraph("OP17").text == "决定在大会第七十七届会议上继续审议这个问题。"
    changed = {p.label for p, q in zip(res.paragraphs, previous.paragraphs) if p != q}
    assert changed == {"PP3", "OP17"}
    # the Subcommission's fifty-second session and the Official Records in other footnotes are facts
    assert res.paragraph("PP15").text == previous.paragraph("PP15").text
    assert res.footnote(3).text == "见《大会正式记录，第七十六届会议，补编第 53 号》(A/76/53)，第[●]章，[●]节。"
    assert [f for f in res.footnotes if f.number != 3] == [f for f in previous.footnotes if f.number != 3]
    rules = {e.rule for e in draft.edits}
    assert {"session", "recall-chain", "forward-session"} <= rules and len(draft.edits) >= 3
    # footnote markers still sit where they did: after 《联合国千年宣言》、 and after the Council reference
    p = res.paragraph("PP3")
    assert [p.text[:pos][-6:] for pos in p.footnote_positions] == ["千年宣言》、", "[●]号决议"]


def test_seed_draft_agrees_with_the_real_successor_76_159():
    """A/RES/76/159 (corpus README): 'Seventy-sixth session', recalls 'its resolution 75/180 of 16 December 2020'."""
    draft = draft_next(read_file(corpus("A_RES_75_180.en.txt")))
    assert draft.resolution.header.session_text == "Seventy-sixth session"
    assert "its resolution 75/180 of 16 December 2020" in draft.resolution.paragraph("PP3").text


def test_english_draft_from_74_153_carries_the_updates_of_the_real_75_180():
    previous = read_file(corpus("A_RES_74_153.en.txt"))
    real = read_file(corpus("A_RES_75_180.en.txt"))
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session_text == real.header.session_text == "Seventy-fifth session"
    assert "its resolution 74/153 of 18 December 2019" in res.paragraph("PP3").text
    assert "its resolution 74/153 of 18 December 2019" in real.paragraph("PP3").text
    # the real text names the new Council resolution; the draft leaves the place for it, flagged
    assert res.paragraph("PP3").text == real.paragraph("PP3").text.replace("44/18 of 17 July 2020", "[●] of [●]")
    assert res.paragraph("OP17").text == real.paragraph("OP17").text == (
        "Decides to continue its consideration of the question at its seventy-sixth session.")
    # footnote 3: same Official Records session and symbol as the real one; chapter and section flagged
    assert real.footnote(3).text.startswith("See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53)")
    assert res.footnote(3).text == "See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53), chap. [●], sect. [●]."
    assert [e for e in draft.edits if e.label == "footnote 3"][0].placeholder
    # not sessions of the Assembly: the Subcommission's fifty-second session stays
    assert "at its fifty-second session" in res.paragraph("PP15").text
    assert "at its fifty-second session" in real.paragraph("PP15").text
    changed = {p.label for p, q in zip(res.paragraphs, previous.paragraphs) if p != q}
    assert changed == {"PP3", "OP17"}


def test_synthetic_anniversary_next_to_a_forward_session_reference_in_74_153():
    """Synthetic edit of the real 74/153: OP17 also mentions a 'seventy-fifth anniversary' (not a session)."""
    text = corpus("A_RES_74_153.en.txt").read_text(encoding="utf-8").replace(
        "at its seventy-fifth \nsession.", "at its seventy-fifth \nsession, the year of the seventy-fifth anniversary of the United Nations.")
    from resdiff.read.text import parse_text

    previous = parse_text(text, lang="en")
    assert "seventy-fifth anniversary" in previous.paragraph("OP17").text
    res = draft_next(previous).resolution
    assert res.paragraph("OP17").text == (
        "Decides to continue its consideration of the question at its seventy-sixth session, "
        "the year of the seventy-fifth anniversary of the United Nations.")


def test_english_draft_from_72_169():
    previous = read_file(corpus("A_RES_72_169.en.txt"))
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session_text == "Seventy-third session"
    assert res.header.symbol == "A/C.3/73/L.[●]"
    pp3 = res.paragraph("PP3").text
    assert "its resolution 72/169 of 19 December 2017" in pp3 and "70/153" not in pp3
    assert "Human Rights Council resolution [●] of [●]" in pp3
    assert res.footnote(3).text == "See Official Records of the General Assembly, Seventy-third Session, Supplement No. 53 (A/73/53), chap. [●], sect. [●]."
    assert res.paragraph("OP17").text.endswith("at its seventy-fourth session.")
    # OP15's one-off commemoration moves with the session, but the edit says to check it
    op15 = [e for e in draft.edits if e.label == "OP15"]
    assert len(op15) == 1 and "anniversary" in op15[0].note
    assert "seventieth anniversary" in res.paragraph("OP15").text
    assert "fifty-second session" in res.paragraph("PP14").text or "fifty-second session" in res.paragraph("PP13").text


def test_comparing_the_draft_with_its_source_shows_exactly_the_listed_paragraph_edits():
    for name in ("A_RES_75_180.zh.txt", "A_RES_74_153.en.txt", "A_RES_72_169.en.txt"):
        draft = draft_next(read_file(corpus(name)))
        cmp = compare(draft.previous, draft.resolution)
        changed = {label for pair in cmp.pairs if pair.status != "unchanged" for label in pair.new}
        edited = {e.label for e in draft.edits if e.label.startswith(("PP", "OP"))}
        assert changed == edited, name
        footnotes_changed = {f"footnote {f.new}" for pair in cmp.pairs for f in pair.footnotes}
        assert footnotes_changed == {e.label for e in draft.edits if e.label.startswith("footnote")}, name


def test_every_edit_is_visible_in_the_draft():
    draft = draft_next(read_file(SEED))
    res = draft.resolution
    for e in draft.edits:
        if e.label.startswith(("PP", "OP")):
            assert e.after in res.paragraph(e.label).text and e.before in draft.previous.paragraph(e.label).text
        elif e.label.startswith("footnote"):
            assert res.footnote(int(e.label.split()[1])).text == e.after
        assert e.note


def test_chinese_web_text_55_109_date_apart_from_number_and_series_chosen_by_subject():
    """55/109 recalls two resolutions of the 54th session; the one 关于 this title is the series."""
    previous = read_file(corpus("A_RES_55_109.zh.excerpt.txt"))
    draft = draft_next(previous)
    pp1 = draft.resolution.paragraph("PP1").text
    # no adoption date in this web copy's header: the date becomes a placeholder, the number is known
    assert pp1.startswith("回顾其[●]年[●]月[●]日关于加强人权领域的国际合作的第55/109号决议,")
    assert "人权委员会[●]年[●]月[●]日第[●]号决议" in pp1
    assert "大会1999年12月10日关于联合国不同文明之间对话年的第54/113号决议" in pp1
    chain = edits_by_rule(draft, "recall-chain")
    assert chain[0].before == "其1999年12月17日关于加强人权领域的国际合作的第54/181号决议" and chain[0].placeholder
    assert chain[1].before == "人权委员会2000年4月26日第2000/70号决议"


def test_series_chosen_by_subject_in_english_when_two_resolutions_share_the_latest_session():
    res = en_resolution([
        para("PP1", "Recalling its resolution 74/5 of 1 December 2019 on the dialogue among civilizations "
                    "and its resolution 74/20 of 18 December 2019 on cooperation in the field of testing,", "Recalling"),
    ])
    chain = edits_by_rule(draft_next(res), "recall-chain")
    assert [e.before for e in chain] == ["its resolution 74/20 of 18 December 2019"]


def test_council_text_does_not_take_an_old_assembly_resolution_for_its_series():
    """HRC 38/3 recalls GA 33/134 (1978): session numbers overlap the Council's, the year does not."""
    previous = read_file(corpus("A_HRC_RES_38_3.en.excerpt.txt"))
    draft = draft_next(previous)
    assert draft.resolution.header.session_text == "Human Rights Council Thirty-ninth session"
    assert draft.resolution.header.symbol == "A/HRC/39/L.[●]"
    assert not edits_by_rule(draft, "recall-chain")
    assert texts(draft.resolution) == texts(previous)
