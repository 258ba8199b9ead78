"""parse_text on the real corpus texts (tests/corpus) and on synthetic edits named as such."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED, corpus
from resdiff.normalize import is_cjk, normalize
from resdiff.read.structure import _en_ordinal, _zh_number
from resdiff.read.text import parse_text


def parse(name: str, lang: str | None = None):
    return parse_text(corpus(name).read_text(encoding="utf-8"), lang=lang, source=name)


def counts(res) -> tuple[int, int]:
    return (
        sum(1 for p in res.paragraphs if p.kind == "preambular"),
        sum(1 for p in res.paragraphs if p.kind == "operative"),
    )


def footnote_map(res) -> dict[str, tuple[int, ...]]:
    return {p.label: p.footnotes for p in res.paragraphs if p.footnotes}


# ── the seed: A/RES/75/180 in Chinese, extracted from the PDF ─────────────────────────────────────


def test_seed_header():
    h = parse(SEED.name).header
    assert h.language == "zh"
    assert h.session == 75 and h.session_text == "第七十五届会议"
    assert h.agenda_item == "72(b)"
    assert h.agenda_title == "促进和保护人权：人权问题，包括增进人权和基本自由切实享受的各种途径"
    assert h.date == "2020-12-16"
    assert h.adoption == "2020 年 12 月 16 日大会决议"
    assert h.report == "[根据第三委员会的报告(A/75/478/Add.2, 第 89 段)通过]"
    assert h.report_symbol == "A/75/478/Add.2"
    assert h.number == "75/180" and h.symbol == "A/RES/75/180"
    assert h.title == "增进人权领域的国际合作"
    assert h.author == "大会，"
    assert h.closing == ("2020年12月16日", "第46次全体会议")
    assert h.plenary_meeting == 46


def test_seed_paragraphs_labels_and_leads():
    res = parse(SEED.name)
    assert counts(res) == (15, 17)
    assert [p.label for p in res.paragraphs] == [f"PP{i}" for i in range(1, 16)] + [f"OP{i}" for i in range(1, 18)]
    assert [p.number for p in res.paragraphs[15:]] == list(range(1, 18))
    op1 = res.paragraph("OP1")
    assert op1.lead == "重申" and op1.text.startswith("重申通过国际合作") and "**" not in op1.text
    assert res.paragraph("OP4").lead == "又重申"
    assert res.paragraph("PP3").lead == "又回顾"
    assert res.paragraph("PP7").lead == "着重指出"
    assert res.paragraph("OP17").text == "决定在大会第七十六届会议上继续审议这个问题。"
    for p in res.paragraphs:
        assert p.key == normalize(p.text)
        assert not re.search(r"[¹²³⁴⁵*]", p.text)


def test_seed_footnotes_belong_to_their_paragraphs():
    res = parse(SEED.name)
    assert footnote_map(res) == {"PP1": (1,), "PP3": (2, 3), "PP4": (4,), "PP15": (5,)}
    assert [f.number for f in res.footnotes] == [1, 2, 3, 4, 5]
    assert res.footnote(2).text == "第 55/2 号决议。"
    assert res.footnote(5).text == "见 E/CN.4/2001/2-E/CN.4/Sub.2/2000/46，第二章，A 节。"
    pp1 = res.paragraph("PP1")
    # the marker sat right after 《维也纳宣言和行动纲领》
    assert pp1.text[: pp1.footnote_positions[0]].endswith("《维也纳宣言和行动纲领》")
    pp4 = res.paragraph("PP4")
    assert pp4.text[: pp4.footnote_positions[0]].endswith("政治宣言，")
    pp3 = res.paragraph("PP3")
    assert pp3.text[: pp3.footnote_positions[1]].endswith("第 44/18 号决议")


def test_seed_pp4_rejoined_across_the_page_break_without_footnote_text():
    pp4 = parse(SEED.name).paragraph("PP4")
    assert "在日内瓦举行的德班审查会议" in pp4.text
    assert pp4.text.endswith("国际合作方面的作用，")
    for body in ("A/CONF.157", "第 55/2 号决议", "补编第 53 号", "66/3"):
        assert body not in pp4.text


def test_seed_keeps_source_spacing_in_text():
    pp1 = parse(SEED.name).paragraph("PP1")
    assert "世界人权会议 1993 年 6 月 25 日通过的" in pp1.text


# ── English PDF extractions: 72/169, 74/153, 75/180 ───────────────────────────────────────────────

EN_GA = ["A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "A_RES_75_180.en.txt"]


@pytest.mark.parametrize("name", EN_GA)
def test_english_ga_paragraphs_have_no_page_furniture(name):
    res = parse(name)
    for p in res.paragraphs:
        for furniture in ("A/RES/", "2/4", "3/4", "4/4", "__", "Distr.", "*1", "(E)"):
            assert furniture not in p.text, (p.label, furniture)
        assert not re.search(r"\d\d-\d{5}", p.text), p.label
        assert "Enhancement of international cooperation" not in p.text


def test_english_seed_has_the_same_structure_as_the_chinese_seed():
    en, zh = parse("A_RES_75_180.en.txt"), parse(SEED.name)
    assert counts(en) == counts(zh) == (15, 17)
    assert footnote_map(en) == footnote_map(zh)
    h = en.header
    assert (h.session, h.agenda_item, h.date, h.number, h.symbol) == (75, "72(b)", "2020-12-16", "75/180", "A/RES/75/180")
    assert h.title == "Enhancement of international cooperation in the field of human rights"
    assert h.report_symbol == "A/75/478/Add.2"
    assert h.plenary_meeting == 46 and h.closing == ("46th plenary meeting", "16 December 2020")
    assert h.author == "The General Assembly,"
    assert h.body == "General Assembly"


def test_english_op14_rejoined_across_the_page_break():
    op14 = parse("A_RES_75_180.en.txt").paragraph("OP14")
    assert "importance of mutual cooperation, understanding and dialogue in ensuring" in op14.text


def test_74_153_header_and_glued_markers():
    res = parse("A_RES_74_153.en.txt")
    h = res.header
    assert (h.session, h.agenda_item, h.date, h.plenary_meeting) == (74, "70(b)", "2019-12-18", 50)
    assert h.title == "Enhancement of international cooperation in the field of human rights"
    assert h.agenda_title.startswith("Promotion and protection of human rights: human rights questions, including")
    assert counts(res) == (15, 17)
    assert footnote_map(res) == {"PP1": (1,), "PP3": (2, 3), "PP4": (4,), "PP15": (5,)}
    pp1, pp3 = res.paragraph("PP1"), res.paragraph("PP3")
    assert "on 25 June 1993, for enhancing" in pp1.text  # "1993,1 for"
    # "2000, 2  its" (spaced marker) and "20183 and" (year 2018 + note 3)
    assert "on 8 September 2000, its resolution 72/169" in pp3.text
    assert "of 5 July 2018 and the resolutions" in pp3.text
    assert pp3.text[: pp3.footnote_positions[1]].endswith("5 July 2018")


def test_74_153_hyphenation_and_one_word_lines_join():
    res = parse("A_RES_74_153.en.txt")
    assert "relations of good-neighbourliness, coexistence" in res.paragraph("PP7").text
    assert "based on the principles of universality, indivisibility, objectivity, non-selectivity, non-politicization, mutual" in res.paragraph("PP12").text


def test_74_153_leads():
    res = parse("A_RES_74_153.en.txt")
    assert res.paragraph("PP3").lead == "Recalling also"
    assert res.paragraph("PP4").lead == "Recalling further"
    assert res.paragraph("OP4").lead == "Also reaffirms"
    assert res.paragraph("OP11").lead == "Further emphasizes"
    assert res.paragraph("OP12").lead == "Calls upon"
    assert res.paragraph("OP1").text.startswith("Reaffirms that it is one of the purposes")


def test_72_169_repeated_footnote_and_footnote_after_closing_lines():
    res = parse("A_RES_72_169.en.txt")
    assert counts(res) == (14, 17)
    assert res.header.agenda_title is None and res.header.agenda_item == "72(b)"
    assert res.header.plenary_meeting == 73 and res.header.date == "2017-12-19"
    assert footnote_map(res) == {"PP1": (1,), "PP3": (2, 3), "PP4": (4,), "PP14": (5,), "OP15": (6, 1)}
    assert res.footnote(6).text == "Resolution 217 A (III)."
    assert "Universal Declaration of Human Rights and of the twenty-fifth" in res.paragraph("OP15").text
    assert res.paragraph("OP17").text.endswith("seventy-third session.")


# ── Human Rights Council excerpts: lines broken mid-sentence ─────────────────────────────────────


def test_hrc_28_2_blank_lines_between_wrapped_lines_are_not_paragraph_breaks():
    res = parse("A_HRC_RES_28_2.en.excerpt.txt")
    h = res.header
    assert h.body == "Human Rights Council" and h.session == 28 and h.agenda_item == "3"
    assert h.number == "28/2" and h.symbol == "A/HRC/RES/28/2"
    assert h.agenda_title == (
        "Promotion and protection of all human rights, civil, political, economic, social and cultural rights, "
        "including the right to development"
    )
    assert counts(res) == (4, 0)
    assert [p.lead for p in res.paragraphs] == ["Reaffirming", "Recalling", "Recalling also", "Recalling further"]
    assert res.paragraph("PP1").text.endswith("Member States in the field of human rights,")
    assert res.paragraph("PP4").text.endswith("the Durban Review Conference, held")  # excerpt cut mid-sentence


def test_hrc_38_3_lines_without_blank_lines():
    res = parse("A_HRC_RES_38_3.en.excerpt.txt")
    assert res.header.session == 38 and res.header.date == "2018-07-05"
    assert counts(res) == (5, 0)
    assert "entitled “High Commissioner for the promotion" in res.paragraph("PP4").text


# ── Chinese web copies ────────────────────────────────────────────────────────────────────────────


def test_51_102_indented_web_copy_without_session_line():
    res = parse("A_RES_51_102.zh.excerpt.txt")
    assert res.header.session is None
    assert res.header.number == "51/102" and res.header.title == "增进和保护人权的区域安排"
    assert res.header.author == "大会,"
    assert counts(res) == (10, 3)
    assert res.paragraph("PP8").text == "审议了秘书长的报告,"
    assert res.paragraph("OP1").text == "注意到秘书长的报告;"
    assert res.paragraph("OP3").text.endswith("改进程序和审查各")  # excerpt ends mid-sentence


def test_55_105_bare_digit_footnote_markers():
    res = parse("A_RES_55_105.zh.excerpt.txt")
    assert (res.header.session, res.header.agenda_item, res.header.number) == (55, "114(b)", "55/105")
    assert counts(res) == (8, 3)
    assert footnote_map(res) == {"PP2": (1,), "PP3": (2,), "PP4": (3,), "OP1": (4,)}
    assert res.paragraph("PP2").text == "又回顾人权委员会1993年3月9日第1993/51号决议及其后各项有关决议,"
    assert res.paragraph("PP3").text.endswith("第2000/80号决议,")
    assert "《维也纳宣言和行动纲领》,其中" in res.paragraph("PP4").text
    assert res.paragraph("OP1").text == "满意地注意到秘书长报告;"
    # years and resolution numbers are not mistaken for markers
    assert "1977年12月16日" in res.paragraph("PP1").text


def test_55_109_flattened_onto_one_line_is_split_back():
    res = parse("A_RES_55_109.zh.excerpt.txt")
    h = res.header
    assert (h.session, h.agenda_item, h.number, h.title) == (55, "114(b)", "55/109", "加强人权领域的国际合作")
    assert h.report_symbol == "A/55/602/Add.2"
    assert counts(res) == (8, 3)
    assert footnote_map(res) == {"PP1": (1,), "PP2": (2,), "PP8": (3,)}
    assert "第2000/70号决议,并回顾大会" in res.paragraph("PP1").text
    assert res.paragraph("PP2").lead == "重申"
    assert res.paragraph("OP3").text.endswith("客观及透明的原则,")


def test_twenty_years_apart_same_opening_paragraph():
    """55/109 and 75/180 are the same resolution: their 'reaffirming the determination' PP matches loosely."""
    assert parse("A_RES_55_109.zh.excerpt.txt").paragraph("PP2").text.startswith("重申决心按照《联合国宪章》")
    assert parse(SEED.name).paragraph("PP1").text.startswith("重申决心按照《联合国宪章》")


# ── synthetic texts (say what they are) ──────────────────────────────────────────────────────────

SYNTHETIC_EN = """The General Assembly,

Recalling its resolution 75/180 of 16 December 2020,

1. Decides to establish a working group with the following tasks:
(a) To review [the practice of States];
(b) To report to the Assembly;

5 bis. Requests the Secretary-General to submit a report [on ●];

6. Decides to continue its consideration of the question.
"""


def test_synthetic_subparagraphs_bis_and_square_brackets():
    res = parse_text(SYNTHETIC_EN)
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP5bis", "OP6"]
    op1 = res.paragraph("OP1")
    assert [s.marker for s in op1.subparagraphs] == ["(a)", "(b)"]
    assert op1.subparagraphs[0].text == "To review [the practice of States];"
    assert op1.text.split("\n") == [
        "Decides to establish a working group with the following tasks:",
        "(a) To review [the practice of States];",
        "(b) To report to the Assembly;",
    ]
    bis = res.paragraph("OP5bis")
    assert (bis.number, bis.suffix, bis.lead) == (5, "bis", "Requests")
    assert "[on ●]" in bis.text


def test_synthetic_chinese_subparagraphs_with_circled_numbers():
    text = "大会，\n\n回顾其决议，\n\n1. **请**秘书长：\n㈠ 提交报告；\n㈡ 举行协商；\n\n2. **决定**继续审议这个问题。\n"
    res = parse_text(text)
    op1 = res.paragraph("OP1")
    assert op1.lead == "请" and [s.marker for s in op1.subparagraphs] == ["㈠", "㈡"]
    assert op1.text == "请秘书长：\n㈠ 提交报告；\n㈡ 举行协商；"
    assert res.paragraph("OP2").text == "决定继续审议这个问题。"


def test_synthetic_french_text_uses_generic_rules_without_crashing():
    text = (
        "L'Assemblée générale,\n\nRappelant sa résolution 74/153 du 18 décembre 2019,\n\n"
        "Réaffirmant son engagement,\n\n1. Réaffirme que la coopération internationale est essentielle ;\n\n"
        "2. Décide de poursuivre l'examen de la question à sa soixante-seizième session.\n"
    )
    res = parse_text(text)
    assert res.language == "other"
    assert counts(res) == (2, 2)


def test_lang_override_is_recorded_and_does_not_crash():
    res = parse_text(SEED.read_text(encoding="utf-8"), lang="other")
    assert res.language == "other" and res.paragraphs


def test_chinese_numerals():
    assert [_zh_number(s) for s in ["七十五", "十", "十二", "九十九", "一百", "一百零一", "二〇二〇", "五十五"]] == [
        75, 10, 12, 99, 100, 101, 2020, 55]
    assert _zh_number("届") is None


def test_english_ordinals():
    assert _en_ordinal("Seventy-fourth") == 74
    assert _en_ordinal("twenty-eighth") == 28
    assert _en_ordinal("eightieth") == 80
    assert _en_ordinal("one hundredth") == 100
    assert _en_ordinal("one hundred and first") == 101
    assert _en_ordinal("75th") == 75
    assert _en_ordinal("session") is None


# ── property: reading never loses or invents body text ──────────────────────────────────────────

_SEED_TEXT = SEED.read_text(encoding="utf-8")
_MARKUP = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰*\s]")


def _body_chars_in(text: str) -> Counter:
    """Non-space characters after the author line, without markers, asterisks and operative numbers."""
    body = text.split("大会，", 1)[1]
    body = re.sub(r"(?m)^\s*\d{1,3}\.\s", "", body)
    return Counter(_MARKUP.sub("", body))


def _read_chars(res) -> Counter:
    pieces = [p.text for p in res.paragraphs] + [f.text for f in res.footnotes] + list(res.header.closing)
    return Counter(_MARKUP.sub("", "".join(pieces)))


def test_seed_reading_keeps_every_body_character():
    assert _read_chars(parse_text(_SEED_TEXT)) == _body_chars_in(_SEED_TEXT)


def test_seed_header_lines_all_end_up_in_header_fields():
    h = parse_text(_SEED_TEXT).header
    head = _SEED_TEXT.split("大会，", 1)[0] + "大会，"
    fields = [h.session_text, "议程项目", h.agenda_item, h.agenda_title, h.adoption, h.report, h.number, ".", h.title, h.author]
    assert Counter(_MARKUP.sub("", "".join(fields))) == Counter(_MARKUP.sub("", head))


def _rewrap(text: str, cuts: list[int], respace: bool) -> str:
    """Synthetic re-layout of the seed: break each long body line at the given fractions, and optionally
    remove the spaces around digits (as web copies print them)."""
    head, body = text.split("大会，", 1)
    out = []
    for i, line in enumerate(body.split("\n")):
        if respace:
            line = re.sub(r"(?<=[\u4e00-\u9fff，、])\s+(?=[\dA-Za-z])|(?<=[\dA-Za-z)])\s+(?=[\u4e00-\u9fff])", "", line)
        if len(line) > 40 and not line.startswith(tuple("¹²³⁴⁵")):
            cut = 5 + cuts[i % len(cuts)] % (len(line) - 10)
            # a Chinese line wraps next to a Chinese character, never inside a number or a Latin word
            while cut < len(line) - 1 and not (is_cjk(line[cut - 1]) or is_cjk(line[cut])):
                cut += 1
            line = line[:cut] + "\n" + line[cut:]
        out.append(line)
    return head + "大会，" + "\n".join(out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8), respace=st.booleans())
def test_seed_rewrapped_and_respaced_reads_the_same(cuts, respace):
    original = parse_text(_SEED_TEXT)
    text = _rewrap(_SEED_TEXT, cuts, respace)
    res = parse_text(text)
    assert [p.label for p in res.paragraphs] == [p.label for p in original.paragraphs]
    assert [p.key for p in res.paragraphs] == [p.key for p in original.paragraphs]
    assert footnote_map(res) == footnote_map(original)
    assert [normalize(f.text) for f in res.footnotes] == [normalize(f.text) for f in original.footnotes]
    assert _read_chars(res) == _body_chars_in(text)


def test_synthetic_draft_header_with_sponsors_and_symbol():
    text = (
        "A/C.3/76/L.25\n\nSeventy-sixth session\nThird Committee\nAgenda item 74 (b)\n\n"
        "Cuba and China: draft resolution\n\nEnhancement of international cooperation in the field of human rights\n\n"
        "The General Assembly,\n\nRecalling its resolution 75/180 of 16 December 2020,\n\n"
        "1. Decides to continue its consideration of the question at its seventy-seventh session.\n"
    )
    h = parse_text(text).header
    assert h.symbol == "A/C.3/76/L.25" and h.session == 76 and h.agenda_item == "74(b)"
    assert h.sponsors == "Cuba and China"
    assert h.title == "Enhancement of international cooperation in the field of human rights"
    assert h.number is None and h.date is None


def test_synthetic_parenthesised_footnote_markers_in_a_web_copy():
    text = "大会,\n\n回顾其第74/153号决议(1)及其后各项决议,\n\n又回顾《维也纳宣言和行动纲领》(2),\n\n1. 决定继续审议这个问题。\n"
    res = parse_text(text)
    assert footnote_map(res) == {"PP1": (1,), "PP2": (2,)}
    assert res.paragraph("PP1").text == "回顾其第74/153号决议及其后各项决议,"


def test_synthetic_new_chinese_paragraph_right_after_footnotes_at_a_page_break():
    text = (
        "大会，\n\n回顾其决议，¹\n\n¹ 第 55/2 号决议。\n\n认识到国际合作的重要性，\n\n1. **决定**继续审议这个问题。\n"
    )
    res = parse_text(text)
    assert [p.text for p in res.paragraphs] == ["回顾其决议，", "认识到国际合作的重要性，", "决定继续审议这个问题。"]
    assert res.footnotes[0].text == "第 55/2 号决议。"


def test_synthetic_date_inside_a_paragraph_is_not_a_closing_line():
    text = (
        "The General Assembly,\n\nRecalling its resolution 70/1 of\n25 September 2015\nand all its other resolutions,\n\n"
        "1. Decides to continue its consideration of the question.\n\n46th plenary meeting\n16 December 2020\n"
    )
    res = parse_text(text)
    assert res.paragraph("PP1").text == "Recalling its resolution 70/1 of 25 September 2015 and all its other resolutions,"
    assert res.header.closing == ("46th plenary meeting", "16 December 2020")


_EN_TEXT = corpus("A_RES_75_180.en.txt").read_text(encoding="utf-8")


def _rewrap_english(text: str, cuts: list[int]) -> str:
    """Synthetic re-layout of the English 75/180: break long body lines once more at a space."""
    head, body = text.split("The General Assembly,", 1)
    out = []
    for i, line in enumerate(body.split("\n")):
        spaces = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", line)]
        if len(line) > 30 and spaces and cuts[i % len(cuts)] % 3:
            cut = spaces[cuts[i % len(cuts)] % len(spaces)]
            line = line[:cut] + "\n" + line[cut + 1:]
        out.append(line)
    return head + "The General Assembly," + "\n".join(out)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cuts=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8))
def test_english_75_180_rewrapped_reads_the_same(cuts):
    original = parse_text(_EN_TEXT)
    res = parse_text(_rewrap_english(_EN_TEXT, cuts))
    assert [p.label for p in res.paragraphs] == [p.label for p in original.paragraphs]
    assert [p.key for p in res.paragraphs] == [p.key for p in original.paragraphs]
    assert footnote_map(res) == footnote_map(original)
    assert [f.text for f in res.footnotes] == [f.text for f in original.footnotes]


ARABIC = """إن الجمعية العامة،

إذ تؤكد من جديد التزامها بتعزيز التعاون الدولي،

1. تؤكد من جديد أن من مقاصد الأمم المتحدة تعزيز حقوق الإنسان؛

2. تقرر أن تواصل النظر في هذه المسألة في دورتها السادسة والسبعين.
"""

RUSSIAN = """Генеральная Ассамблея,

вновь подтверждая свою приверженность содействию международному сотрудничеству,

1. вновь подтверждает, что одна из целей Организации Объединенных Наций заключается в поощрении прав человека;

2. постановляет продолжить рассмотрение этого вопроса на своей семьдесят шестой сессии.
"""


@pytest.mark.parametrize("text", [ARABIC, ARABIC.split("\n", 2)[2], RUSSIAN],
                         ids=["arabic", "arabic-without-author-line", "russian"])
def test_other_languages_keep_every_paragraph(text):
    """Synthetic texts in the style of the official Arabic and Russian versions: the generic rules must
    find the preambular paragraph and both operative ones (Arabic ends them with ، and ؛), losing nothing."""
    res = parse_text(text)
    assert res.language == "other"
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2"]
    body = (res.header.author or "") + "".join(p.text for p in res.paragraphs)
    assert "".join(text.split()).replace("1.", "").replace("2.", "") == "".join(body.split())


# Synthetic: a committee draft (L document) laid out like the official PDFs' text — symbol, "Distr.:
# Limited", committee line, sponsors with a starred note, title, then the paragraphs. Not a real document.
L_DOCUMENT = """United Nations 
A/C.3/76/L.25
 
General Assembly 
Distr.: Limited 
28 October 2021 
 
Original: English 
21-15733 (E)    011121 
*2115733* 
 
Seventy-sixth session 
Third Committee 
Agenda item 74 (b) 
Promotion and protection of human rights: human rights 
questions, including alternative approaches for improving 
the effective enjoyment of human rights and fundamental 
freedoms 
 
 
Azerbaijan:* draft resolution 
 
 
Enhancement of international cooperation in the field of 
human rights 
 
 
The General Assembly, 
 
Reaffirming its commitment to promoting international cooperation, as set forth 
in the Charter of the United Nations, 
 
Recalling also its resolution 75/180 of 16 December 2020, 
 
1. 
Reaffirms that it is one of the purposes of the United Nations to promote human rights; 
 
2. 
Decides to continue its consideration of the question at its seventy-seventh 
session. 
 
__________________ 
* On behalf of the States Members of the United Nations that are members of the Movement of Non-Aligned Countries. 
"""


def test_committee_draft_header_sponsors_with_star_and_title():
    res = parse_text(L_DOCUMENT)
    h = res.header
    assert (h.symbol, h.session, h.agenda_item, h.sponsors) == ("A/C.3/76/L.25", 76, "74(b)", "Azerbaijan")
    assert h.title == "Enhancement of international cooperation in the field of human rights"
    assert "draft resolution" not in (h.agenda_title or "")
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert all("On behalf of" not in p.text for p in res.paragraphs)
    assert h.notes == ("On behalf of the States Members of the United Nations that are members of the Movement of "
                       "Non-Aligned Countries.",)


# Synthetic: the same committee draft laid out like the Chinese PDF's text (masthead symbol on the
# "联合国" line, sponsors with a star, bold operative verbs). Not a real document.
L_DOCUMENT_ZH = """联合国 A/C.3/76/L.25

大 会 Distr.: Limited
28 October 2021
Chinese
Original: English

第七十六届会议
第三委员会
议程项目 74(b)
促进和保护人权：人权问题，包括增进
人权和基本自由切实享受的各种途径

阿塞拜疆：* 决议草案

增进人权领域的国际合作

大会，

重申决心按照《联合国宪章》促进国际合作，

又回顾其 2020 年 12 月 16 日第 75/180 号决议，

1. **重申**通过国际合作等途径促进、保护和鼓励尊重人权和基本自由是联合国的一项宗旨；

2. **决定**在大会第七十七届会议上继续审议这个问题。

__________________
* 代表作为不结盟运动成员的联合国会员国。
"""


def test_chinese_committee_draft_masthead_symbol_sponsors_and_star_note():
    res = parse_text(L_DOCUMENT_ZH)
    h = res.header
    assert (h.symbol, h.session, h.agenda_item, h.sponsors, h.title) == (
        "A/C.3/76/L.25", 76, "74(b)", "阿塞拜疆", "增进人权领域的国际合作")
    assert h.notes == ("代表作为不结盟运动成员的联合国会员国。",)
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert res.paragraphs[-1].text == "决定在大会第七十七届会议上继续审议这个问题。"


# ── text a user really makes of an official PDF: pdftotext (plain, -raw, -layout) ──────────────────
# Excerpts copied from the pdftotext output of tests/corpus/pdf/A_RES_78_44.en.pdf and others (named).

_PDF_HEAD = ("Seventy-eighth session\n\nAgenda item 99\n\nResolution adopted by the General Assembly on 4 December 2023\n\n"
             "78/44. Reducing nuclear danger\n\nThe General Assembly,\n\n")


def test_plain_pdftotext_notes_printed_before_their_numbers():
    # A_RES_78_44 (pdftotext plain): the note bodies first, then the numbers "3" … "5", "1", "2"
    text = _PDF_HEAD + ("Reiterating the highest priority accorded to nuclear disarmament in the Final\n"
                        "Document of the Tenth Special Session of the General Assembly 1 and by the\n"
                        "international community,\nRecalling the advisory opinion 2 and the Declaration, 3\n"
                        "1. Calls for a review 4 of doctrines;\n2. Requests the Secretary-General to report 5 thereon.\n\n"
                        "__________________\n\nResolution S-10/2.\nA/51/218, annex.\n3\nResolution 55/2.\n4\nA/78/118.\n5\n"
                        "A/56/400, para. 3.\n1\n2\n\n2/2\n")
    res = parse_text(text, lang="en")
    assert [(f.number, f.text) for f in res.footnotes] == [
        (1, "Resolution S-10/2."), (2, "A/51/218, annex."), (3, "Resolution 55/2."), (4, "A/78/118."), (5, "A/56/400, para. 3.")]
    assert [p.footnotes for p in res.paragraphs] == [(1,), (2, 3), (4,), (5,)]


def test_raw_pdftotext_numbers_on_their_own_lines_and_symbol_with_running_title():
    # A_RES_78_44 (pdftotext -raw): "1" / "Resolution S-10/2."; the page header "A/RES/78/44 Reducing nuclear danger"
    text = _PDF_HEAD + ("Conscious that limited steps have been taken,\nA/RES/78/44 Reducing nuclear danger\n23-24510\n2/2\n"
                        "Mindful that a diminishing role for nuclear weapons1\nwould have a positive impact,\n"
                        "1. Calls for a review of nuclear doctrines.\n42nd plenary meeting\n4 December 2023\n"
                        "__________________\n1\nResolution S-10/2.\n")
    res = parse_text(text, lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1"]
    assert res.paragraphs[1].text == "Mindful that a diminishing role for nuclear weapons would have a positive impact,"
    assert res.footnotes[0].text == "Resolution S-10/2." and res.header.date == "2023-12-04"


def test_plain_pdftotext_numbers_above_the_page_foot_and_notes_after_it():
    # A_C.1_80_L.49 (plain): "4" / "5" / "2/3" / the notes / the job number; "Adopted under …" reads like an opener
    text = _PDF_HEAD + ("Recalling the Agenda, 4 and resolution 70/1, 5\n\n__________________\n4\n5\n\n2/3\n\n"
                        "A/78/111, annex .\nAdopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.\n"
                        "25-16739\n\nA/C.1/80/L.49\n\n1. Decides to act.")
    res = parse_text(text.replace("4 and", "1 and").replace("70/1, 5", "70/1, 2").replace("\n4\n5\n", "\n1\n2\n"), lang="en")
    assert [(f.number, f.text) for f in res.footnotes] == [
        (1, "A/78/111, annex ."), (2, "Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.")]
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1"]


def test_layout_pdftotext_both_ends_of_a_page_header_on_one_line():
    # pdftotext -layout: "A/RES/79/52        The Arms Trade Treaty", "2/14        24-24148"
    text = _PDF_HEAD + ("      Recalling its resolutions,\n\n2/14                                   24-24148\n"
                        "A/RES/78/44                                  Reducing nuclear danger\n\n"
                        "      Noting the report,\n\n      1.    Decides to act.")
    res = parse_text(text, lang="en")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("PP2", "Noting the report,"), ("OP1", "Decides to act.")]


def test_pdftotext_losses_a_number_full_stop_a_job_date_line_and_a_hyphen_gap():
    # A_RES_79_160 (plain): "26 Condemns …" without its full stop; A_RES_78_44: the job's date "191223"
    # alone on a line; "seventy -ninth" with the kerning gap printed as a space
    text = _PDF_HEAD + ("Recalling its resolution,\n\n23-24510 (E)\n\n191223\n\n*2324510*\n\nNoting its seventy -ninth session,\n"
                        "1. Recalls the recommendation;\n2 Condemns without reservation any denial;\n"
                        "3 Affirms its deep commitment.")
    res = parse_text(text, lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3"]
    assert res.paragraphs[1].text == "Noting its seventy-ninth session,"


def test_running_title_wrapped_over_its_own_lines_between_blank_lines():
    # A_RES_78_38 (plain): "Confidence-building measures in the regional" / "and subregional context" / the symbol
    text = ("Seventy-eighth session\n\n78/38. Confidence-building measures in the regional and subregional context\n\n"
            "The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests the Secretary-General to submit a report on\n"
            "confidence-building measures in the regional and subregional context;\n\n23-24519\n\n"
            "Confidence-building measures in the regional\nand subregional context\n\nA/RES/78/38\n\n2.\n"
            "Decides to include the item.\n42nd plenary meeting\n4 December 2023\n\n23-24519\n\n3/3\n")
    res = parse_text(text, lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2"]
    assert res.paragraph("OP1").text.endswith("subregional context;") and res.footnotes == ()


def test_a_copy_without_its_header_finds_the_running_title_by_repetition():
    # A_RES_72_169.en.txt from its author line on: the running title is known only by its repetition
    text = corpus("A_RES_72_169.en.txt").read_text(encoding="utf-8")
    whole = parse_text(text)
    cut = parse_text(text[text.index("The General Assembly,"):])
    assert [(p.label, p.key) for p in cut.paragraphs] == [(p.label, p.key) for p in whole.paragraphs]


def test_full_width_digits_and_letters_are_read_as_ascii_with_a_note():
    text = ("大会，\n\n回顾其２０１９年１２月１８日第７４／１５３号决议，\n\n１．　重申通过国际合作等办法促进人权；\n\n"
            "２．　决定继续审议这个问题。")
    res = parse_text(text, lang="zh")
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2"]
    assert "2019年12月18日" in res.paragraphs[0].text and res.paragraphs[1].text.startswith("重申")
    assert any("full-width" in n for n in res.notes)


def test_chinese_with_a_space_between_every_character_is_joined_with_a_note():
    seed = SEED.read_text(encoding="utf-8")
    spaced = re.sub(r"(?<=[\u4e00-\u9fff，。；：、《》“”（）])(?=[\u4e00-\u9fff，。；：、《》“”（）])", " ", seed)
    assert "大 会 ，" in spaced
    whole, res = parse_text(seed), parse_text(spaced)
    assert [(p.label, p.key) for p in res.paragraphs] == [(p.label, p.key) for p in whole.paragraphs]
    assert any("spaces between Chinese characters" in n for n in res.notes)


_PDFTOTEXT = __import__("shutil").which("pdftotext")


@pytest.mark.skipif(not _PDFTOTEXT, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("mode", ["plain", "-raw", "-layout"])
@pytest.mark.parametrize("name", sorted(p.name for p in (corpus("pdf")).glob("*.pdf")))
def test_pdftotext_copies_of_the_official_pdfs_read_like_the_pdf(name, mode):
    """The text pdftotext makes of each official PDF of tests/corpus/pdf, read by the text reader: the same
    number of preambular, operative and heading paragraphs and of footnotes as the PDF reader finds, or
    (one case) a warning that says where the reading is unsure."""
    import subprocess

    from resdiff.read import read_file
    from resdiff.read.checks import with_warnings

    path = corpus("pdf") / name
    text = subprocess.run([_PDFTOTEXT, *([] if mode == "plain" else [mode]), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    reference, copy = read_file(path), with_warnings(parse_text(text))

    def shape(res):
        kinds = Counter(p.kind for p in res.paragraphs)
        return kinds["preambular"], kinds["operative"], kinds["heading"], len(res.footnotes)

    if (name, mode) == ("A_RES_80_193.en.pdf", "-raw"):  # a heading glued by -raw's reading order: warned
        assert shape(copy) != shape(reference) and copy.warnings
    else:
        assert shape(copy) == shape(reference)


def test_a_copy_without_its_header_drops_a_running_title_printed_once_under_the_symbol():
    # A_RES_80_66 (plain pdftotext, copied from the author line on): the 2-page document prints its running
    # title once, under the symbol; a section heading at the top of a page is kept
    text = ("The General Assembly,\n\nConsidering the role of the Commission,\n\n25-20004 (E)\n\n*2520004*\n\n"
            "A/RES/80/66\n\nReport of the Disarmament Commission\n\nRecalling in particular its resolution 45/62 B,\n\n"
            "1. Takes note of the report;\n\n2/3\n\nA/RES/80/66\n\nII\nInternational Decade for People of African Descent\n"
            "2. Welcomes the Decade.")
    res = parse_text(text, lang="en")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("PP1", "Considering the role of the Commission,"), ("PP2", "Recalling in particular its resolution 45/62 B,"),
        ("OP1", "Takes note of the report;"), ("H1", "II International Decade for People of African Descent"),
        ("OP2", "Welcomes the Decade.")]


def test_plain_pdftotext_a_long_note_after_the_page_foot():
    # A_RES_79_52 (plain): note 8 is a list of States over nine lines, printed after the job number
    states = ("Albania, Andorra, Argentina, Australia, Austria, Bahamas, Barbados, Belgium, Belize, Benin,\n"
              "Bosnia and Herzegovina, Brazil, Bulgaria, Cameroon, Canada, Central African Republic, Chile,\n"
              "Costa Rica, Côte d’Ivoire, Croatia, Cyprus, Czechia, Denmark, Dominican Republic, El Salvador,\n"
              "Estonia, Finland, France, Gambia, Georgia, Germany, Greece, Guatemala, Guinea, Guyana,\n"
              "Switzerland, United Kingdom of Great Britain and Northern Ireland, Uruguay and Zambia.")
    text = _PDF_HEAD + ("Recalling the States that signed the Treaty, 1\n\n__________________\n1\n\n24-23075\n\n" + states +
                        "\n3/5\n\nA/RES/79/52\n\n1. Welcomes the support.")
    res = parse_text(text, lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1"] and res.paragraphs[0].footnotes == (1,)
    assert res.footnotes[0].text.startswith("Albania, Andorra") and res.footnotes[0].text.endswith("Uruguay and Zambia.")


def test_a_footnote_area_whose_numbers_and_notes_do_not_pair_is_warned_about():
    # synthetic: two numbers printed after three note lines that end with full stops — which is which?
    text = ("The General Assembly,\n\nRecalling the report, 1 and the plan, 2\n\n1. Decides.\n\n__________________\n\n"
            "Resolution 1.\nSee A/1.\nAnd one more.\n1\n2\n")
    res = parse_text(text, lang="en")
    assert res.footnotes == ()
    assert [w.code for w in res.warnings] == ["footnotes-unpaired"]


def test_a_copy_without_its_header_drops_a_running_title_that_opens_like_a_paragraph():
    # A_RES_78_190 (plain, from the author line on): "Combating glorification of Nazism, …" reads like a
    # preambular opener; between the page number and the symbol it is the running title
    text = ("The General Assembly,\n\nRecalling its resolutions,\n\n1. Reaffirms the provisions;\n\n2. Recalls the\n\n"
            "23-26049\n\n3/11\n\nCombating glorification of Nazism, neo-Nazism and other practices\n"
            "that contribute to fuelling contemporary forms of racism, racial\ndiscrimination, xenophobia and related "
            "intolerance\n\nA/RES/78/190\n\noutcome document of the Conference;\n3. Takes note of the report.")
    res = parse_text(text, lang="en")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("OP1", "Reaffirms the provisions;"),
        ("OP2", "Recalls the outcome document of the Conference;"), ("OP3", "Takes note of the report.")]


def test_pdftotext_markers_after_an_ordinal_session_and_after_one_missed_marker():
    # A_RES_78_184 (plain): "its seventy -fourth session 2" is note 2 (a session named by its ordinal takes
    # no number); "Refugees 3 and … thereto 4 as" follow. Then note 6 is cited where note 5's marker
    # was lost: one miss must not leave every later marker unread.
    text = _PDF_HEAD + ("Having considered the report of his Office, 1 noting it, and the report on the work of its\n"
                        "seventy -fourth session 2\nand the decisions,\n\n"
                        "1. Reaffirms the Convention relating to the Status of Refugees 3 and the 1967 Protocol\n"
                        "thereto 4 as the foundation;\n2. Recalls the Compact and the Forum, 6 and the pledges.\n\n"
                        "__________________\n1\nA/78/12.\n2\nA/78/12/Add.1.\n3\nUnited Nations, Treaty Series, vol. 189.\n"
                        "4\nIbid., vol. 606.\n5\nResolution 73/151.\n6\nA/78/12, annex.\n")
    res = parse_text(text, lang="en")
    assert [p.footnotes for p in res.paragraphs] == [(1, 2), (3, 4), (6,)]
    assert "seventy-fourth session and the decisions," in res.paragraphs[0].text
