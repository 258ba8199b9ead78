"""Draft rules, forward references to sessions (resdiff.draft.forward)."""

from __future__ import annotations

from dataclasses import replace

from conftest import corpus
from draft_builders import edits_by_rule, en_resolution, para, texts, zh_resolution
from resdiff.draft import draft_next
from resdiff.model import Header, Resolution, SubParagraph
from resdiff.read import read_file


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


# ── resolutions taken up every two or three years ───────────────────────────────────────────────────


def test_synthetic_biennial_text_is_drafted_for_the_session_it_names_and_moves_forward_references_by_the_cycle():
    """Synthetic: A/RES/75/180's last paragraph made biennial ('… at its seventy-seventh session')."""
    previous = read_file(corpus("A_RES_75_180.en.txt"))
    last = previous.paragraphs[-1]
    biennial = last.text.replace("seventy-sixth", "seventy-seventh")
    assert biennial != last.text
    previous = replace(previous, paragraphs=previous.paragraphs[:-1] + (replace(last, text=biennial),))
    draft = draft_next(previous)
    assert draft.resolution.header.session == 77
    assert draft.resolution.header.session_text == "Seventy-seventh session"
    assert draft.resolution.paragraphs[-1].text.endswith("at its seventy-ninth session.")
    assert any("every 2 sessions" in n for n in draft.resolution.notes)
    # --session overrides the cycle the text names
    assert draft_next(previous, session=76).resolution.paragraphs[-1].text.endswith("at its seventy-eighth session.")


def test_chinese_biennial_target_session():
    """Synthetic: the seed's last paragraph '决定在大会第七十六届会议上继续审议这个问题' made biennial."""
    res = zh_resolution([para("OP1", "决定在大会第七十七届会议上继续审议这个问题。", "决定")])
    draft = draft_next(res)
    assert draft.resolution.header.session_text == "第七十七届会议"
    assert texts(draft.resolution)["OP1"] == "决定在大会第七十九届会议上继续审议这个问题。"


def test_two_different_sessions_named_for_the_question_leave_the_next_session():
    res = en_resolution([
        para("OP1", "Decides to continue its consideration of the question at its seventy-sixth session;", "Decides"),
        para("OP2", "Decides to include in the provisional agenda of its seventy-seventh session the item entitled “Testing”.", "Decides"),
    ])
    assert draft_next(res).resolution.header.session == 76


# ── preambular paragraphs looking ahead are flagged, not changed ────────────────────────────────────


def test_preambular_look_ahead_to_a_meeting_that_will_have_taken_place_gets_a_comment():
    """A/RES/79/205 PP25 (the 2025 Conference of the Parties in Belém): the text stays, an edit says why."""
    text = ("Welcoming the twenty-ninth session of the Conference of the Parties, held in Baku from 11 to 22 November 2024, "
            "and looking forward to the thirtieth session of the Conference of the Parties to the United Nations Framework "
            "Convention on Climate Change to be held in the city of Belém, Brazil, from 10 to 21 November 2025,")
    res = en_resolution([para("PP25", text, "Welcoming")], session=79, session_text="Seventy-ninth session",
                        number="79/205", date="2024-12-19", title="Disaster risk reduction")
    draft = draft_next(res)
    assert texts(draft.resolution)["PP25"] == text
    (flag,) = edits_by_rule(draft, "forward-flag")
    assert flag.before == flag.after and flag.before.startswith("looking forward to the thirtieth session")
    assert flag.before.endswith("November 2025") and "happened" in flag.note


def test_chinese_preambular_look_ahead_and_a_past_one_that_is_not_flagged():
    res = zh_resolution([
        para("PP1", "期待定于2025年6月30日至7月3日在塞维利亚举行的第四次发展筹资问题国际会议，", "期待"),
        para("PP2", "期待2019年举行的高级别会议，", "期待"),
    ], session=79, session_text="第七十九届会议", number="79/1", date="2024-12-19")
    draft = draft_next(res)
    assert [e.label for e in edits_by_rule(draft, "forward-flag")] == ["PP1"]
    assert texts(draft.resolution) == texts(res)


def test_forward_session_with_the_pdfs_stray_spaces_in_the_ordinal():
    """A/RES/78/134 OP35 as its PDF's text layer gives it ('of its seventy - ninth session'); the real A/RES/79/195
    reads 'eightieth'. Synthetic variant: 'fifty -ninth'-style, one space only."""
    text = ("Requests the Secretary-General, in collaboration with the secretariat of the United Nations Conference on Trade "
            "and Development, to submit to the General Assembly at its seventy-ninth session a report on the implementation "
            "of the present resolution, and decides to include in the provisional agenda of its seventy - ninth session, under "
            "the item entitled “Macroeconomic policy questions”, th e sub-item entitled “International trade and development”.")
    res = en_resolution([para("OP35", text, "Requests")], session=78, session_text="Seventy-eighth session",
                        number="78/134", date="2023-12-19")
    got = texts(draft_next(res).resolution)["OP35"]
    assert got.count("at its eightieth session") == 1 and "of its eightieth session, under" in got
    synthetic = text.replace("seventy - ninth", "seventy -ninth")
    res = en_resolution([para("OP35", synthetic, "Requests")], session=78, session_text="Seventy-eighth session",
                        number="78/134", date="2023-12-19")
    assert "of its eightieth session, under" in texts(draft_next(res).resolution)["OP35"]


# A/RES/79/197 (External debt sustainability and development), PP18; the real A/C.2/80/L.12 reads "in 2024" and
# "11.7 trillion", and every paragraph of figures for 2022–2023 in 78/137 and 79/197 changed in the successor
DEBT_PP18 = ("Recognizing with concern that, in 2023, the external debt positions of many developing countries remained "
             "alarmingly high, of which several had continued to deteriorate, with external debt stocks of developing "
             "countries reaching an estimated level of 11.4 trillion United States dollars,")


def test_figures_of_the_latest_year_get_a_comment_and_the_text_stays():
    res = en_resolution([para("PP18", DEBT_PP18, "Recognizing with concern"),
                         para("PP5", "Noting that 60 million people were affected during 2015 and 2016,", "Noting")],
                        session=79, session_text="Seventy-ninth session", number="79/197", date="2024-12-19",
                        title="External debt sustainability and development")
    draft = draft_next(res)
    assert texts(draft.resolution)["PP18"] == DEBT_PP18
    (flag,) = edits_by_rule(draft, "figures-flag")  # 2015 and 2016 are history: no comment there
    assert flag.label == "PP18" and flag.before == flag.after and "2023" in flag.note and not flag.placeholder
    # the list of edits shows a comment on kept text as kept, not as the paragraph deleted and inserted again
    from resdiff.render.terminal import render_edits
    shown = render_edits(draft)
    assert "PP18 (figures-flag)" in shown and "(kept; see the note)" in shown and "[-Recognizing" not in shown


def test_figures_of_the_latest_year_in_chinese_synthetic():
    zh = "关切地认识到，2023年发展中国家的外债状况仍然高得惊人，外债存量估计达到11.4万亿美元，"
    res = zh_resolution([para("PP18", zh, "关切地认识到")], session=79, session_text="第七十九届会议", number="79/197",
                        date="2024-12-19")
    draft = draft_next(res)
    assert texts(draft.resolution)["PP18"] == zh
    assert [e.label for e in edits_by_rule(draft, "figures-flag")] == ["PP18"]
