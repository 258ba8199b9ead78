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
