"""Draft rules, recall chain and other bodies' references (resdiff.draft.recall, resdiff.draft.bodies)."""

from __future__ import annotations

from draft_builders import edits_by_rule, en_resolution, para, texts, zh_resolution
from resdiff.draft import draft_next
from resdiff.model import Footnote
from resdiff.normalize import normalize


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


# ── lists of the series' resolutions are extended (real sentences of corpus/pdf, README there) ──────

# A/RES/79/197 (External debt sustainability and development), first preambular paragraph, list shortened
DEBT_PP1 = ("Recalling its resolutions 58/203 of 23 December 2003, 59/223 of 22 December 2004, 76/193 of 17 December 2021, "
            "77/153 of 14 December 2022 and 78/137 of 19 December 2023,")
# A/RES/79/197, a later preambular paragraph citing the previous resolution as history
DEBT_PP29 = ("Taking note also of the mapping exercise on the existing initiatives in the use of debt swaps conducted by the "
             "United Nations Conference on Trade and Development as requested by the General Assembly in its resolution 78/137,")


def debt_79_197(*paragraphs):
    return en_resolution(list(paragraphs), session=79, session_text="Seventy-ninth session", number="79/197",
                         date="2024-12-19", title="External debt sustainability and development")


def test_english_list_of_the_series_is_extended_not_rewritten_and_history_stays():
    """The real draft A/C.2/80/L.12 reads '… 77/153 of 14 December 2022, 78/137 of 19 December 2023 and
    79/197 of 19 December 2024,' and keeps 'in its resolution 78/137' in the mapping-exercise paragraph."""
    draft = draft_next(debt_79_197(para("PP1", DEBT_PP1, "Recalling"), para("PP29", DEBT_PP29, "Taking note also")))
    got = texts(draft.resolution)
    assert got["PP1"].endswith("77/153 of 14 December 2022, 78/137 of 19 December 2023 and 79/197 of 19 December 2024,")
    assert got["PP29"] == DEBT_PP29
    (edit,) = edits_by_rule(draft, "recall-chain")
    assert (edit.label, edit.before, edit.after) == (
        "PP1", "77/153 of 14 December 2022 and 78/137 of 19 December 2023",
        "77/153 of 14 December 2022, 78/137 of 19 December 2023 and 79/197 of 19 December 2024",
    )


def test_chinese_list_of_the_series_is_extended():
    """The form of issue 12: '第 77/186 号和第 78/168 号决议' → '…、第 78/168 号和第 79/227 号决议'."""
    res = zh_resolution([para("PP1", "回顾其关于这一问题的第 77/186 号和第 78/168 号决议，", "回顾")],
                        session=79, session_text="第七十九届会议", number="79/227", date="2024-12-19")
    draft = draft_next(res)
    assert texts(draft.resolution)["PP1"] == "回顾其关于这一问题的第 77/186 号、第 78/168 号和第 79/227 号决议，"
    with_dates = "回顾大会2022年12月15日第77/205号和2023年12月22日第78/234号决议，"
    res = zh_resolution([para("PP1", with_dates, "回顾")], session=79, session_text="第七十九届会议", number="79/161", date="2024-12-17")
    assert texts(draft_next(res).resolution)["PP1"] == "回顾大会2022年12月15日第77/205号、2023年12月22日第78/234号和2024年12月17日第79/161号决议，"


def test_list_whose_latest_item_is_not_the_previous_session_is_left_alone():
    """Synthetic: the interreligious-dialogue case of issue 12, a list of another series ending in 74/23."""
    text = "Recalling its resolutions 72/136 of 11 December 2017 and 74/23 of 12 December 2019 on interreligious dialogue,"
    draft = draft_next(debt_79_197(para("PP1", text, "Recalling")))
    assert texts(draft.resolution)["PP1"] == text
    assert not edits_by_rule(draft, "recall-chain")


def test_including_one_resolution_of_the_series_gains_the_new_one_but_not_of_another_series():
    """'including resolution 78/197' gains the new one (issue 12); A/RES/79/156 PP14 recalls another series
    (46/182, humanitarian assistance) 'including resolution 78/119', which the real A/C.3/80/L.23 moves to
    79/140, a number only the drafter knows."""
    text = "Recalling its previous resolutions on the subject, including resolution 78/197 of 19 December 2023,"
    draft = draft_next(debt_79_197(para("PP1", text, "Recalling")))
    assert texts(draft.resolution)["PP1"] == (
        "Recalling its previous resolutions on the subject, including resolutions 78/197 of 19 December 2023 "
        "and 79/197 of 19 December 2024,")
    unhcr = ("Recalling its resolution 46/182 of 19 December 1991 on the strengthening of the coordination of emergency "
             "humanitarian assistance of the United Nations and all subsequent General Assembly resolutions on the subject, "
             "including resolution 78/119 of 8 December 2023,")
    res = en_resolution([para("PP14", unhcr, "Recalling")], session=79, session_text="Seventy-ninth session", number="79/156",
                        date="2024-12-17", title="Office of the United Nations High Commissioner for Refugees")
    other = draft_next(res)
    assert not edits_by_rule(other, "recall-chain")  # not this series: the other-series rule leaves a placeholder
    assert texts(other.resolution)["PP14"] == unhcr.replace("78/119 of 8 December 2023", "[●] of [●]")


def test_report_on_the_last_resolution_becomes_the_report_on_the_one_being_updated():
    """A/RES/79/205 OP1 → A/C.2/80/L.22 OP1 '… General Assembly resolution 79/205'; Chinese in the same form."""
    res = en_resolution([
        para("PP1", "Recalling its resolution 78/152 of 19 December 2023,", "Recalling"),
        para("OP1", "Takes note of the report of the Secretary-General on the implementation of General Assembly resolution 78/152;", "Takes note"),
    ], session=79, session_text="Seventy-ninth session", number="79/205", date="2024-12-19", title="Disaster risk reduction")
    draft = draft_next(res)
    assert texts(draft.resolution)["OP1"].endswith("General Assembly resolution 79/205;")
    zh = zh_resolution([
        para("PP1", "回顾大会2023年12月19日第78/152号决议，", "回顾"),
        para("OP1", "注意到秘书长关于第78/152号决议执行情况的报告；", "注意到"),
        para("OP2", "回顾秘书长根据第77/1号决议提交的报告；", "回顾"),
    ], session=79, session_text="第七十九届会议", number="79/205", date="2024-12-19")
    got = texts(draft_next(zh).resolution)
    assert got["OP1"] == "注意到秘书长关于第79/205号决议执行情况的报告；"
    assert got["OP2"] == "回顾秘书长根据第77/1号决议提交的报告；"
