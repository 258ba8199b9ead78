"""Draft rules, other bodies' references (resdiff.draft.bodies): real sentences of corpus/pdf (README there)."""

from __future__ import annotations

from draft_builders import edits_by_rule, en_79, en_resolution, para, texts, zh_resolution
from resdiff.draft import draft_next
from resdiff.model import Footnote

# A/RES/79/183 (Situation of human rights in the Islamic Republic of Iran), PP3 and footnote 3
IRAN_PP3 = ("Welcoming Human Rights Council resolution 55/19 of 4 April 2024, in which the Council decided to extend the "
            "mandates of the Independent International Fact-Finding Mission on the Islamic Republic of Iran and of the "
            "Special Rapporteur on the situation of human rights in the Islamic Republic of Iran for a period of one year,")
IRAN_NOTE3 = "See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53), chap. IV."
# A/RES/79/161 (Durban follow-up), from PP17: a list of the Council's resolutions
DURBAN_PP17 = ("Deploring the recent incidents of excessive use of force, and recalling Human Rights Council resolutions "
               "44/20 of 17 July 2020, 51/32 of 7 October 2022, 54/27 of 12 October 2023 and 57/25 of 10 October 2024,")


def test_this_years_council_resolution_anywhere_becomes_a_placeholder_with_its_records_footnote():
    """The real A/C.3/80/L.30 welcomes 'Human Rights Council resolution 58/21 of 3 April 2025' with a footnote
    to the Eightieth Session's Supplement No. 53 (A/80/53)."""
    pp3 = para("PP3", IRAN_PP3, "Welcoming", {3: IRAN_PP3.index(", in which")})
    op1 = para("OP1", "Welcomes the report of the Fact-Finding Mission submitted pursuant to Human Rights Council resolution 55/19;", "Welcomes")
    draft = draft_next(en_79([pp3, op1], (Footnote(3, IRAN_NOTE3),)))
    got = texts(draft.resolution)
    assert got["PP3"].startswith("Welcoming Human Rights Council resolution [●] of [●], in which the Council")
    assert got["OP1"].endswith("pursuant to Human Rights Council resolution [●];")
    assert draft.resolution.footnote(3).text.startswith(
        "See Official Records of the General Assembly, Eightieth Session, Supplement No. 53 (A/80/53), chap. [●]")
    assert {e.label for e in edits_by_rule(draft, "other-body")} == {"PP3", "OP1", "footnote 3"}


def test_list_of_the_councils_resolutions_gains_a_placeholder_and_older_ones_stay():
    """The real A/C.3/80/L.55 reads '… 54/27 of 12 October 2023, 57/25 of 10 October 2024 and 60/16 of 7 October 2025'."""
    marker = DURBAN_PP17.index(",", DURBAN_PP17.index("57/25"))
    draft = draft_next(en_79([para("PP17", DURBAN_PP17, "Deploring", {9: marker})], number="79/161", title="A global call"))
    p = draft.resolution.paragraph("PP17")
    assert p.text.endswith("54/27 of 12 October 2023, 57/25 of 10 October 2024 and [●] of [●],")
    assert p.text[:p.footnote_positions[0]].endswith("57/25 of 10 October 2024")  # the marker keeps its words


def test_council_resolutions_named_apart_from_the_number_in_both_languages():
    """Issue 12's wordings: '… resolutions on the subject, including resolution 57/8 of 9 October 2024' and Chinese."""
    en = "Recalling Human Rights Council resolutions on the subject, including resolution 57/8 of 9 October 2024,"
    got = texts(draft_next(en_79([para("PP2", en, "Recalling")], number="79/1", title="Testing")).resolution)
    assert got["PP2"] == "Recalling Human Rights Council resolutions on the subject, including resolution [●] of [●],"
    zh = "回顾人权理事会关于这一主题的各项决议，包括 2024 年 10 月 9 日第 57/8 号决议，"
    res = zh_resolution([para("PP2", zh, "回顾")], session=79, session_text="第七十九届会议", number="79/1", date="2024-12-17")
    assert texts(draft_next(res).resolution)["PP2"] == "回顾人权理事会关于这一主题的各项决议，包括 [●]年[●]月[●]日第[●]号决议，"


def test_an_older_council_resolution_outside_the_recall_chain_is_history():
    text = "Recalling Human Rights Council resolution 54/27 of 12 October 2023,"
    draft = draft_next(en_79([para("PP2", text, "Recalling")], number="79/1", title="Testing"))
    assert texts(draft.resolution)["PP2"] == text


def test_council_session_asked_for_a_report_becomes_a_placeholder():
    """A/RES/79/160 OP69: '… to the Human Rights Council at its fifty-ninth session' (the real A/C.3/80/L.2: sixty-second)."""
    text = ("Requests the Special Rapporteur to prepare, for submission to the General Assembly at its eightieth session "
            "and to the Human Rights Council at its fifty-ninth session, reports on the implementation of the present resolution;")
    draft = draft_next(en_79([para("OP69", text, "Requests")], number="79/160", title="Combating glorification of Nazism"))
    assert texts(draft.resolution)["OP69"] == text.replace("eightieth", "eighty-first").replace("fifty-ninth", "[●]")
    zh = zh_resolution([para("OP1", "请特别报告员向人权理事会第五十九届会议提交报告；", "请")],
                       session=79, session_text="第七十九届会议", number="79/160", date="2024-12-17")
    assert texts(draft_next(zh).resolution)["OP1"] == "请特别报告员向人权理事会第[●]届会议提交报告；"


def test_council_session_with_the_pdfs_stray_space_in_the_ordinal():
    """A/RES/79/160 OP69 as its PDF's text layer gives it: 'at its fifty -ninth session' (justified line)."""
    text = ("Requests the Special Rapporteur to prepare, for submission to the General Assembly at its eightieth session "
            "and to the Human Rights Council at its fifty -ninth session, reports on the implementation of the present resolution;")
    draft = draft_next(en_79([para("OP69", text, "Requests")], number="79/160", title="Combating glorification of Nazism"))
    assert texts(draft.resolution)["OP69"] == text.replace("eightieth", "eighty-first").replace("fifty -ninth", "[●]")


def test_the_council_named_short_is_the_same_council():
    """A/RES/78/220 PP3 and OP1: 'Human Rights Council resolution 52/27 of 4 April 2023' and, in OP1, 'submitted pursuant
    to Council resolution 52/27' (the real A/RES/79/183 reads 55/19 in both). Synthetic Chinese variant."""
    pp3 = ("Welcoming Human Rights Council resolution S-35/1 of 24 November 2022, in which the Council decided to establish the "
           "Independent International Fact-Finding Mission on the Islamic Republic of Iran, and Human Rights Council resolution "
           "52/27 of 4 April 2023, in which the Council renewed the mandate of the Special Rapporteur,")
    op1 = ("Takes note of the report of the Secretary-General submitted pursuant to resolution 77/228 and the report of the "
           "Special Rapporteur of the Human Rights Council on the situation of human rights in the Islamic Republic of Iran, "
           "submitted pursuant to Council resolution 52/27;")
    res = en_resolution([para("PP3", pp3, "Welcoming"), para("OP1", op1, "Takes note")], session=78,
                        session_text="Seventy-eighth session", number="78/220", date="2023-12-19",
                        title="Situation of human rights in the Islamic Republic of Iran")
    got = texts(draft_next(res).resolution)
    assert "Human Rights Council resolution [●] of [●], in which the Council renewed" in got["PP3"]
    assert got["OP1"].endswith("submitted pursuant to Council resolution [●];")
    zh_pp = "欢迎人权理事会2023年4月4日第52/27号决议，"
    zh_op = "注意到特别报告员根据理事会第52/27号决议提交的报告；"
    res = zh_resolution([para("PP3", zh_pp, "欢迎"), para("OP1", zh_op, "注意到")], session=78, session_text="第七十八届会议",
                        number="78/220", date="2023-12-19")
    got = texts(draft_next(res).resolution)
    assert got["OP1"] == "注意到特别报告员根据理事会第[●]号决议提交的报告；"


def test_what_the_council_did_at_its_session_of_this_year_becomes_a_placeholder():
    """A/RES/78/234 OP49 (2023): '… by the Human Rights Council, at its fifty-fourth session, …' (the real A/RES/79/161
    reads 'fifty-seventh'); A/RES/79/161 OP50 (2024) the same with 'fifty-seventh'. Synthetic: a session of an earlier
    year stays; a Chinese variant."""
    op = ("Welcomes the further consideration by the Human Rights Council, at its fifty-fourth session, of the question of a "
          "multi-year programme of activities to provide for the renewed and strengthened outreach activities;")
    res = en_resolution([para("OP49", op, "Welcomes")], session=78, session_text="Seventy-eighth session",
                        number="78/234", date="2023-12-22", title="A global call")
    draft = draft_next(res)
    assert texts(draft.resolution)["OP49"] == op.replace("fifty-fourth", "[●]")
    assert [e.placeholder for e in edits_by_rule(draft, "other-body")] == [True]
    op79 = op.replace("fifty-fourth", "fifty-seventh")
    got = texts(draft_next(en_79([para("OP50", op79, "Welcomes")], number="79/161", title="A global call")).resolution)
    assert got["OP50"] == op.replace("fifty-fourth", "[●]")
    older = op.replace("fifty-fourth", "fifty-first")  # 2022's
    assert texts(draft_next(en_79([para("OP50", older, "Welcomes")], number="79/161", title="A global call")).resolution)["OP50"] == older
    zh = "欢迎人权理事会第五十七届会议进一步审议多年期活动方案问题；"
    res = zh_resolution([para("OP50", zh, "欢迎")], session=79, session_text="第七十九届会议", number="79/161", date="2024-12-17")
    assert texts(draft_next(res).resolution)["OP50"] == "欢迎人权理事会第[●]届会议进一步审议多年期活动方案问题；"
