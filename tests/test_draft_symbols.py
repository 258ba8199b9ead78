"""Draft rules, report symbols (resdiff.draft.symbols): real sentences of corpus/pdf (README there)."""

from __future__ import annotations

from draft_builders import edits_by_rule, en_resolution, para, texts, zh_resolution
from resdiff.draft import draft_next
from resdiff.model import Footnote

# A/RES/79/156, first preambular paragraph and its footnotes 1 and 2
UNHCR_PP1 = ("Having considered the report of the United Nations High Commissioner for Refugees on the activities of "
             "his Office and the report of the Executive Committee of the Programme of the United Nations High "
             "Commissioner for Refugees on the work of its seventy-fifth session and the decisions contained therein,")
UNHCR_NOTES = (Footnote(1, "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 12 (A/79/12)."),
               Footnote(2, "Ibid., Supplement No. 12A (A/79/12/Add.1)."))
# A/RES/79/33 OP4 and its footnote 4
NUCLEAR_OP4 = "Takes note of the report of the Secretary-General submitted pursuant to paragraph 5 of its resolution 78/44 of 4 December 2023;"
# A/RES/79/205 OP39: a report on a theme, which the real A/C.2/80/L.22 still cites as A/79/288
DRR_OP39 = ("Takes note of the report of the Secretary-General on multi-hazard early warning systems in the least developed "
            "countries, and also takes note of the recommendations for accelerating action;")


def res79(paragraphs, footnotes=(), **header):
    fields = dict(session=79, session_text="Seventy-ninth session", number="79/156", date="2024-12-17")
    fields.update(header)
    return en_resolution(paragraphs, footnotes, **fields)


def test_official_records_of_this_session_move_to_the_next_with_the_supplement_number():
    """The real A/C.3/80/L.23 cites 'Eightieth Session, Supplement No. 12 (A/80/12)' and 'Ibid., Supplement No. 12A (A/80/12/Add.1)'."""
    pp1 = para("PP1", UNHCR_PP1, "Having considered",
               {1: UNHCR_PP1.index(" and the report"), 2: UNHCR_PP1.index(" and the decisions")})
    draft = draft_next(res79([pp1], UNHCR_NOTES, title="Office of the United Nations High Commissioner for Refugees"))
    assert draft.resolution.footnote(1).text == "Official Records of the General Assembly, Eightieth Session, Supplement No. 12 (A/80/12)."
    assert draft.resolution.footnote(2).text == "Ibid., Supplement No. 12A (A/80/12/Add.1)."
    # and the Executive Committee's session whose report is in that supplement moves with it
    assert [e.label for e in edits_by_rule(draft, "report-symbol")] == ["footnote 1", "footnote 2", "PP1"]


def test_secretary_general_report_symbol_becomes_a_placeholder_with_the_old_one_in_the_note():
    """A/RES/79/33 OP4, footnote 'A/79/137.' (the real A/C.1/80/L.24 has A/80/163)."""
    op4 = para("OP4", NUCLEAR_OP4, "Takes note", {4: NUCLEAR_OP4.index("submitted")})
    draft = draft_next(res79([op4], (Footnote(4, "A/79/137."),), number="79/33", title="Reducing nuclear danger"))
    assert draft.resolution.footnote(4).text == "A/80/[●]."
    (edit,) = edits_by_rule(draft, "report-symbol")
    assert edit.placeholder and "A/79/137." in edit.note


def test_inline_symbol_and_history_that_stays():
    """Issue 12's forms: '(A/79/305)' taken note of now moves; a report recalled, or of an earlier session, stays."""
    ops = [
        para("OP1", "Takes note of the report of the Secretary-General (A/79/305);", "Takes note"),
        para("OP2", "Recalls the report of the Secretary-General (A/79/306);", "Recalls"),
        para("OP3", "Takes note of the report of the Secretary-General (A/78/305);", "Takes note"),
    ]
    got = texts(draft_next(res79(ops)).resolution)
    assert got["OP1"] == "Takes note of the report of the Secretary-General (A/80/[●]);"
    assert got["OP2"] == ops[1].text and got["OP3"] == ops[2].text


def test_a_thematic_report_not_asked_for_again_keeps_its_symbol():
    op39 = para("OP39", DRR_OP39, "Takes note", {26: DRR_OP39.index(", and also")})
    draft = draft_next(res79([op39], (Footnote(26, "A/79/288."),), number="79/205", title="Disaster risk reduction"))
    assert draft.resolution.footnote(26).text == "A/79/288."


def test_chinese_report_symbols():
    """Chinese forms of the same sentences: '注意到秘书长的报告(A/79/305)' and the Official Records footnote."""
    text = "审议了联合国难民事务高级专员关于其办事处活动的报告，"
    res = zh_resolution(
        [para("PP1", text, "审议了", {1: len(text) - 1}), para("OP1", "注意到秘书长的报告(A/79/305)；", "注意到")],
        (Footnote(1, "《大会正式记录，第七十九届会议，补编第12号》(A/79/12)。"),),
        session=79, session_text="第七十九届会议", number="79/156", date="2024-12-17")
    draft = draft_next(res)
    assert draft.resolution.footnote(1).text == "《大会正式记录，第八十届会议，补编第12号》(A/80/12)。"
    assert texts(draft.resolution)["OP1"] == "注意到秘书长的报告(A/80/[●])；"


def test_a_bodys_yearly_session_moves_with_its_report_in_the_records():
    """A/RES/79/156 OP2 'Endorses the report of the Executive Committee … on the work of its seventy-fifth session'
    (the real A/C.3/80/L.23: seventy-sixth), because PP1's footnote puts that report in this session's records."""
    op2 = para("OP2", "Endorses the report of the Executive Committee of the Programme of the United Nations High "
                      "Commissioner for Refugees on the work of its seventy-fifth session;", "Endorses")
    pp1 = para("PP1", UNHCR_PP1, "Having considered",
               {1: UNHCR_PP1.index(" and the report"), 2: UNHCR_PP1.index(" and the decisions")})
    draft = draft_next(res79([pp1, op2], UNHCR_NOTES, title="Office of the United Nations High Commissioner for Refugees"))
    got = texts(draft.resolution)
    assert "on the work of its seventy-sixth session and the decisions" in got["PP1"]
    assert got["OP2"].endswith("on the work of its seventy-sixth session;")
    # without that footnote nothing says the session is this year's: it stays
    alone = draft_next(res79([op2], title="Office of the United Nations High Commissioner for Refugees"))
    assert texts(alone.resolution)["OP2"] == op2.text


def test_secretary_general_report_named_by_its_title_when_the_resolution_asks_for_another():
    """A/RES/79/202 OP1 (footnote 'A/79/528.', the real A/C.2/80/L.27 has A/80/372) and OP27 asking for the next."""
    op1 = ("Takes note of the report of the Secretary-General entitled “Towards the achievement of sustainable "
           "development: implementation of the 2030 Agenda for Sustainable Development, including through sustainable "
           "consumption and production, building on Agenda 21”;")
    op27 = ("Requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the "
            "implementation of the present resolution;")
    paragraphs = [para("OP1", op1, "Takes note", {17: len(op1) - 1}), para("OP27", op27, "Requests")]
    draft = draft_next(res79(paragraphs, (Footnote(17, "A/79/528."),), number="79/202", title="Sustainable consumption"))
    assert draft.resolution.footnote(17).text == "A/80/[●]."
    # without a request for a new report, the titled report may be a one-off: it stays
    alone = draft_next(res79(paragraphs[:1], (Footnote(17, "A/79/528."),), number="79/202", title="Sustainable consumption"))
    assert alone.resolution.footnote(17).text == "A/79/528."


# A/RES/79/83 (The Syrian Golan), PP1 and PP2 with footnote 1
GOLAN_PP1 = "Having considered the item entitled “The situation in the Middle East”,"
GOLAN_PP2 = "Taking note of the report of the Secretary-General on the situation in the Middle East,"
# A/RES/79/197 (External debt sustainability and development), OP1 with footnote 6, and OP43 (shortened)
DEBT_OP1 = "Takes note of the report of the United Nations Conference on Trade and Development;"
DEBT_OP43 = ("Calls for the scaling up of debt swaps for the Sustainable Development Goals, and takes note of the policy "
             "recommendations of the United Nations Conference on Trade and Development contained in report A/79/209, on "
             "the use of debt swaps for development;")
# A/RES/78/234 (Durban follow-up), OP32 with footnote 19
DURBAN_OP32 = ("Welcomes the report of the Group of Independent Eminent Experts on the Implementation of the Durban Declaration "
               "and Programme of Action on its eighth session, and in this regard notes that the session was held from 8 to "
               "12 August 2022;")
# A/RES/78/190 (Combating glorification of Nazism), OP3 with footnote 11
NAZISM_OP3 = ("Takes note of the report of the Special Rapporteur on contemporary forms of racism, racial discrimination, "
              "xenophobia and related intolerance, prepared in accordance with the request contained in its resolution 77/204;")


def test_report_on_the_agenda_item_is_this_sessions_and_moves():
    """The real A/80/L.12 cites A/80/327 where 79/83 cites A/79/194; 79/83 itself cites A/79/194 where 78/11 had A/78/315."""
    pp2 = para("PP2", GOLAN_PP2, "Taking note", {1: len(GOLAN_PP2) - 1})
    draft = draft_next(res79([para("PP1", GOLAN_PP1, "Having considered"), pp2], (Footnote(1, "A/79/194."),),
                             number="79/83", title="The Syrian Golan"))
    assert draft.resolution.footnote(1).text == "A/80/[●]."


def test_report_of_a_standing_body_without_subject_moves_and_so_does_its_symbol_cited_again():
    """The real A/C.2/80/L.12: footnote 'A/80/220 and A/80/220/Corr.1.' and 'contained in report A/80/220 and
    A/80/220/Corr.1'. 'Conference on Trade and Development' is the body's name, not a subject."""
    op1 = para("OP1", DEBT_OP1, "Takes note", {6: len(DEBT_OP1) - 1})
    draft = draft_next(res79([op1, para("OP43", DEBT_OP43, "Calls for")], (Footnote(6, "See A/79/209 and A/79/209/Corr.1."),),
                             number="79/197", title="External debt sustainability and development"))
    assert draft.resolution.footnote(6).text == "See A/80/[●] and A/80/[●]/Corr.1."
    assert "contained in report A/80/[●], on the use" in texts(draft.resolution)["OP43"]


def test_a_bodys_report_on_its_session_and_a_report_asked_for_by_the_series_move():
    """The real A/RES/79/161 cites 'See A/79/306.' (the Group's report on its ninth and tenth sessions) and
    A/RES/79/160 'A/79/195.' (the Special Rapporteur's report prepared pursuant to 78/190)."""
    op32 = para("OP32", DURBAN_OP32, "Welcomes", {19: DURBAN_OP32.index(", and in this regard")})
    draft = draft_next(en_resolution([op32], (Footnote(19, "See A/78/535."),), number="78/234", date="2023-12-22",
                                     session=78, session_text="Seventy-eighth session", title="A global call"))
    assert draft.resolution.footnote(19).text == "See A/79/[●]."
    recall = para("PP1", "Recalling its resolution 77/204 of 15 December 2022 on this issue,", "Recalling")
    op3 = para("OP3", NAZISM_OP3, "Takes note", {11: len(NAZISM_OP3) - 1})
    draft = draft_next(en_resolution([recall, op3], (Footnote(11, "A/78/302."),), number="78/190", date="2023-12-19",
                                     session=78, session_text="Seventy-eighth session", title="Combating glorification of Nazism"))
    assert texts(draft.resolution)["OP3"].endswith("contained in its resolution 78/190;")
    assert draft.resolution.footnote(11).text == "A/79/[●]."


def test_a_report_on_a_theme_or_of_an_expert_group_stays():
    """A/RES/79/205 OP39 (the real A/C.2/80/L.22 still cites A/79/288); synthetic: an expert group's report."""
    op39 = para("OP39", DRR_OP39, "Takes note", {26: DRR_OP39.index(", and also")})
    group = "Welcomes the report of the Group of Governmental Experts;"
    draft = draft_next(res79([op39, para("OP8", group, "Welcomes", {6: len(group) - 1})],
                             (Footnote(26, "A/79/288."), Footnote(6, "A/79/364.")), number="79/205", title="Disaster risk reduction"))
    assert draft.resolution.footnote(26).text == "A/79/288."
    assert draft.resolution.footnote(6).text == "A/79/364."


def test_report_on_the_agenda_item_in_chinese_synthetic():
    """Synthetic Chinese variant of 79/83 PP1–PP2 (the Chinese PDF is not in the corpus)."""
    pp1 = para("PP1", "审议了题为“中东局势”的项目，", "审议了")
    pp2 = para("PP2", "注意到秘书长关于中东局势的报告，", "注意到", {1: len("注意到秘书长关于中东局势的报告")})
    res = zh_resolution([pp1, pp2], (Footnote(1, "A/79/194。"),), session=79, session_text="第七十九届会议",
                        number="79/83", date="2024-12-03", title="叙利亚戈兰")
    assert draft_next(res).resolution.footnote(1).text == "A/80/[●]。"


IRAN_OP1 = ("Takes note of the report of the Secretary-General submitted pursuant to resolution 78/220, the report of the "
            "Independent International Fact-Finding Mission on the Islamic Republic of Iran submitted pursuant to Human Rights "
            "Council resolution S-35/1 and the report of the Special Rapporteur on the situation of human rights in the "
            "Islamic Republic of Iran, submitted pursuant to Human Rights Council resolution 55/19;")


def test_a_report_to_this_years_council_session_becomes_a_placeholder():
    """A/RES/79/183 OP1 with footnotes 5–7 (the real A/C.3/80/L.30: A/80/484, A/HRC/58/63, A/80/349). Synthetic: a
    report to the Council's session of an earlier year stays (history), in English and Chinese."""
    marks = {5: IRAN_OP1.index(", the report of the Independent"), 6: IRAN_OP1.index(" and the report of the Special"),
             7: len(IRAN_OP1) - 1}
    recall = para("PP2", "Recalling its resolution 78/220 of 19 December 2023,", "Recalling")
    notes = (Footnote(5, "A/79/509."), Footnote(6, "A/HRC/55/67."), Footnote(7, "A/79/371."))
    draft = draft_next(res79([recall, para("OP1", IRAN_OP1, "Takes note", marks)], notes, number="79/183",
                             title="Situation of human rights in the Islamic Republic of Iran"))
    assert [draft.resolution.footnote(n).text for n in (5, 6, 7)] == ["A/80/[●].", "A/HRC/[●].", "A/80/[●]."]
    older = (Footnote(5, "A/79/509."), Footnote(6, "A/HRC/52/67."), Footnote(7, "A/79/371."))
    draft = draft_next(res79([recall, para("OP1", IRAN_OP1, "Takes note", marks)], older, number="79/183",
                             title="Situation of human rights in the Islamic Republic of Iran"))
    assert draft.resolution.footnote(6).text == "A/HRC/52/67."
    zh = "注意到秘书长根据第78/220号决议提交的报告和实况调查团的报告，"
    res = zh_resolution([para("PP2", "回顾其2023年12月19日第78/220号决议，", "回顾"), para("PP3", zh, "注意到", {6: len(zh) - 1})],
                        (Footnote(6, "A/HRC/55/67。"),), session=79, session_text="第七十九届会议", number="79/183", date="2024-12-17")
    assert draft_next(res).resolution.footnote(6).text == "A/HRC/[●]。"
