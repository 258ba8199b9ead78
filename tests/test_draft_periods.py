"""Draft rules, cycles and periods (resdiff.draft.periods): real sentences of corpus/pdf (README there)."""

from __future__ import annotations

from draft_builders import edits_by_rule, en_79, en_resolution, para, texts, zh_resolution
from resdiff.draft import draft_next

# A/RES/79/72 (Report of the Disarmament Commission), operative paragraphs 4 and 8 (8 shortened)
DISCOM_OP4 = ("Notes the fact that, in accordance with General Assembly decision 52/492, at its 390th meeting, on 1 April 2024, "
              "the Disarmament Commission adopted the agenda for its substantive session of 2024;")
DISCOM_OP8 = ("Requests the Disarmament Commission to hold a substantive session for a period not exceeding three weeks during "
              "2025, namely from 7 to 25 April, and an organizational session at the beginning of 2025 before the substantive "
              "session, to elect its Bureau and address other outstanding organizational matters;")
# A/RES/79/52 (The Arms Trade Treaty), operative paragraph 1
ATT_OP1 = ("Welcomes the decisions taken by the Tenth Conference of States Parties to the Arms Trade Treaty, held in person with "
           "a livestreaming option from 19 to 23 August 2024, which included a discussion on the role of inter-agency "
           "cooperation in the effective implementation of Arms Trade Treaty provisions, the priority theme for the "
           "Conference, and notes that the Eleventh Conference of States Parties will be held in Geneva from 25 to 29 August 2025;")
# A/RES/79/205 (Disaster risk reduction), a preambular paragraph on another process's meetings: facts
DRR_PP25 = ("Welcoming the twenty-ninth session of the Conference of the Parties to the United Nations Framework Convention on "
            "Climate Change, held in Baku from 11 to 22 November 2024, and looking forward to the thirtieth session, to be "
            "held in Belém, Brazil, from 10 to 21 November 2025,")


def res79(paragraphs, **header):
    return en_79(paragraphs, **{"date": "2024-12-02", **header})


def test_yearly_session_of_a_body_moves_on_and_its_meeting_and_dates_become_placeholders():
    """The real A/C.1/80/L.48: '… at its 397th meeting, on 7 April 2025, … substantive session of 2025', and
    'during 2026, namely from 6 to 24 April, and an organizational session at the beginning of 2026'."""
    draft = draft_next(res79([para("OP4", DISCOM_OP4, "Notes"), para("OP8", DISCOM_OP8, "Requests")],
                             number="79/72", title="Report of the Disarmament Commission"))
    got = texts(draft.resolution)
    assert got["OP4"] == DISCOM_OP4.replace("390th", "[●]").replace("1 April 2024", "[●] 2025").replace("of 2024;", "of 2025;")
    assert got["OP8"].startswith("Requests the Disarmament Commission to hold a substantive session for a period not "
                                 "exceeding three weeks during 2026, namely from [●], and an organizational session at "
                                 "the beginning of 2026")
    assert all(e.rule == "cycle" for e in draft.edits if e.label in ("OP4", "OP8"))


def test_numbered_yearly_round_of_the_resolutions_own_subject_moves_on():
    """The real A/C.1/80/L.9: 'the Eleventh Conference …, held … from 25 to 29 August 2025, … the Twelfth
    Conference of States Parties will be held in Geneva from 24 to 28 August 2026'."""
    draft = draft_next(res79([para("OP1", ATT_OP1, "Welcomes")], number="79/52", title="The Arms Trade Treaty"))
    got = texts(draft.resolution)["OP1"]
    assert "the Eleventh Conference of States Parties to the Arms Trade Treaty, held in person with a livestreaming option from [●] 2025," in got
    assert got.endswith("the Twelfth Conference of States Parties will be held in Geneva from [●] 2026;")
    assert len(edits_by_rule(draft, "cycle")) == 4


def test_a_single_round_may_be_a_one_off_and_stays():
    """A/RES/79/146: 'the Second World Summit for Social Development, to be held in Doha from 4 to 6 November 2025'
    names the title's subject, but one round says nothing of a yearly rhythm (the next summit is not 'Third')."""
    text = ("Welcoming the convening of the Second World Summit for Social Development, to be held in Doha from 4 to 6 "
            "November 2025,")
    draft = draft_next(res79([para("PP8", text, "Welcoming")], number="79/146", title="Implementation of the outcome "
                             "of the World Summit for Social Development"))
    assert texts(draft.resolution)["PP8"] == text


def test_another_processs_meetings_are_facts():
    """The real A/C.2/80/L.22 keeps the twenty-ninth and thirtieth sessions of the Conference of the Parties."""
    draft = draft_next(res79([para("PP25", DRR_PP25, "Welcoming")], number="79/205", title="Disaster risk reduction"))
    assert texts(draft.resolution)["PP25"] == DRR_PP25


def test_two_year_periods_move_and_long_periods_stay():
    """Issue 12's forms 'report … for 2023/24', a biennium '2024–2025'; the Sendai Framework 2015–2030 stays."""
    ops = [para("OP1", "Takes note of the report of the Board of Auditors for 2023/24 and of the budget for the biennium 2024–2025;", "Takes note"),
           para("OP2", "Urges the implementation of the Sendai Framework for Disaster Risk Reduction 2015–2030;", "Urges")]
    got = texts(draft_next(res79(ops, number="79/1", title="Testing")).resolution)
    assert got["OP1"] == "Takes note of the report of the Board of Auditors for 2024/25 and of the budget for the biennium 2025–2026;"
    assert got["OP2"] == ops[1].text


def test_chinese_yearly_session_and_round():
    """Chinese forms of the same sentences (synthetic translations of A/RES/79/72 OP6 and A/RES/79/52 OP1)."""
    res = zh_resolution([
        para("OP6", "建议裁军审议委员会在2025年实质性会议上继续审议下列项目：", "建议"),
        para("OP1", "欢迎武器贸易条约第十次缔约国会议2024年8月19日至23日作出的决定，并注意到第十一次缔约国会议将于2025年8月25日至29日在日内瓦举行；", "欢迎"),
    ], session=79, session_text="第七十九届会议", number="79/52", date="2024-12-02", title="武器贸易条约")
    got = texts(draft_next(res).resolution)
    assert got["OP6"] == "建议裁军审议委员会在2026年实质性会议上继续审议下列项目："
    assert got["OP1"] == "欢迎武器贸易条约第十一次缔约国会议2025年[●]作出的决定，并注意到第十二次缔约国会议将于2026年[●]在日内瓦举行；"


def test_a_report_asked_for_next_year_is_asked_for_the_year_after():
    """A/RES/79/156 OP22 '… and to report on the results to Member States in 2025' (the real A/C.3/80/L.23: 2026);
    Chinese in the same form. A year already past in the text ('in 2023, the external debt …') stays."""
    text = ("Invites the Office of the High Commissioner to continue coordinating the effort to effectively measure the "
            "impacts arising from hosting, protecting and assisting refugees, and to report on the results to Member States in 2025;")
    past = "Recognizing with concern that, in 2023, the external debt positions of many developing countries remained alarmingly high,"
    draft = draft_next(res79([para("PP16", past, "Recognizing"), para("OP22", text, "Invites")], number="79/156", title="Refugees"))
    got = texts(draft.resolution)
    assert got["OP22"].endswith("to report on the results to Member States in 2026;") and got["PP16"] == past
    zh = zh_resolution([para("OP22", "请高级专员办事处于2025年向会员国报告结果；", "请")],
                       session=79, session_text="第七十九届会议", number="79/156", date="2024-12-17")
    assert texts(draft_next(zh).resolution)["OP22"] == "请高级专员办事处于2026年向会员国报告结果；"


def test_the_four_yearly_forum_under_the_assemblys_auspices_stays_and_the_yearly_one_moves():
    """A/RES/78/174 PP6: the real A/RES/79/146 still welcomes the declaration 'of the 2023 high-level political
    forum … convened under the auspices of the General Assembly' (the SDG Summit, every four years).
    Synthetic: the same forum without the auspices (the Council's yearly one) moves; a Chinese variant stays."""
    pp6 = ("Welcoming further the adoption of the political declaration of the 2023 high-level political forum on "
           "sustainable development convened under the auspices of the General Assembly at the Sustainable Development "
           "Goals Summit, in which Heads of State and Government emphasized that eradicating poverty is the greatest global challenge,")
    yearly = "Taking note of the ministerial declaration of the 2023 high-level political forum on sustainable development,"
    zh = "欢迎在大会主持下召开的2023年可持续发展高级别政治论坛通过政治宣言，"
    res = en_resolution([para("PP6", pp6, "Welcoming further"), para("PP7", yearly, "Taking note")], session=78,
                        session_text="Seventy-eighth session", number="78/174", date="2023-12-19", title="Social development")
    got = texts(draft_next(res).resolution)
    assert got["PP6"] == pp6
    assert got["PP7"] == yearly.replace("2023", "2024")
    res = zh_resolution([para("PP6", zh, "欢迎")], session=78, session_text="第七十八届会议", number="78/174", date="2023-12-19")
    assert texts(draft_next(res).resolution)["PP6"] == zh
