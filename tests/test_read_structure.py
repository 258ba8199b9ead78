"""The one structure finder (read/structure.py) on line streams as each reader makes them."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from resdiff.model import HEADING, OPERATIVE, PREAMBULAR, Footnote
from resdiff.read.structure import Line, build_resolution, parse_header
from resdiff.read.text import parse_text


def test_a_long_text_without_end_punctuation_is_joined_into_one_paragraph():
    # joining used to copy the paragraph for every joined line; 100,000 lines must stay a plain join
    lines = [f"{'abcdefghij'[i % 10]}word and more words" for i in range(100_000)]
    res = parse_text("The General Assembly,\nRecalling its resolution\n" + "\n".join(lines), lang="en")
    assert len(res.paragraphs) == 1
    assert res.paragraphs[0].text == "Recalling its resolution " + " ".join(lines)


def test_header_lines_matching_no_field_are_kept_in_header_other():
    text = ("Human Rights Council\nThirty-eighth session\n18 June–6 July 2018\nAgenda item 4\n"
            "Resolution adopted by the Human Rights Council on 6 July 2018\n38/3. Title of it\n"
            "The Human Rights Council,\nRecalling its resolutions,\n1. Decides to act.")
    res = parse_text(text, lang="en")
    assert res.header.other == ("18 June–6 July 2018",)
    assert res.header.number == "38/3" and res.header.title == "Title of it"


def test_stream_with_known_paragraph_starts_markers_and_sub_paragraph_markers():
    # as the PDF and Word readers make it: starts, markers and a deeper-level marker are known
    lines = [
        Line("The General Assembly,", starts_paragraph=True),
        Line("Recalling its resolution 70/1 of 25 September", starts_paragraph=True, lead="Recalling",
             markers=((1, 45),)),
        Line("2015, entitled “Transforming our world”,"),
        Line("1. Requests the Secretary-General:", starts_paragraph=True, lead="Requests"),
        Line("a. to report;", starts_paragraph=True, marker="a."),
        Line("(b) to act.", starts_paragraph=True),
    ]
    res = build_resolution(lines, "en", footnotes=(Footnote(1, "Resolution 70/1."),))
    pp1, op1 = res.paragraphs
    assert pp1.text == "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,"
    assert pp1.footnotes == (1,) and pp1.text[: pp1.footnote_positions[0]].endswith("25 September")
    assert pp1.lead == "Recalling"
    assert (op1.label, op1.lead) == ("OP1", "Requests")
    assert op1.text == "Requests the Secretary-General:\na. to report;\n(b) to act."
    assert [(s.marker, s.text) for s in op1.subparagraphs] == [("a.", "to report;"), ("(b)", "to act.")]


def test_gap_after_the_agenda_title_ends_it_and_wrapped_sponsors_are_one_field():
    lines = ["Eightieth session", "Agenda item 71 (c)", "Promotion and protection of human rights: human",
             "rights situations", "Albania, Andorra, Austria, Netherlands (Kingdom of the), New",
             "Zealand, Norway and Ukraine: draft resolution", "Situation of human rights"]
    gaps = [False, False, False, False, True, False, True]
    h = parse_header(lines, "en", gaps)
    assert h["agenda_title"] == "Promotion and protection of human rights: human rights situations"
    assert h["sponsors"] == "Albania, Andorra, Austria, Netherlands (Kingdom of the), New Zealand, Norway and Ukraine"
    assert h["title"] == "Situation of human rights"
    # without measured gaps (text), lines ending in "," or "and" before the sponsors line are theirs
    h = parse_header(["Agenda item 99", "General disarmament", "Bhutan, Cuba,", "and Nepal: draft resolution"], "en")
    assert (h["agenda_title"], h["sponsors"]) == ("General disarmament", "Bhutan, Cuba, and Nepal")


# ── reading classes of issue 9 (synthetic texts: Traditional script, footnote marker styles) ──────────

TRADITIONAL_SYNTHETIC = """第五十五屆會議
議程項目 114(b)

大會，

回顧其1994年12月23日第49/150號決議，

嚴重關切世界各地侵犯人權的情況，

確認區域安排在促進和保護人權方面的重要作用，

考慮到人權委員會的有關決議，

又回顧世界人權會議通過的《維也納宣言和行動綱領》，其中重申必須考慮到區域安排的作用，

認識到聯合國與人權領域各項區域安排之間的合作取得了實質性進展，並且具有發展潛力，

注意到在區域一級促進和保護人權方面取得的進展，以及聯合國與區域安排之間在這一領域不斷加強的交流與合作，

1. 歡迎秘書長關於區域安排的報告，並請秘書長向大會第五十六屆會議提交一份關於本決議執行情況的報告；

2. 決定在第五十六屆會議上繼續審議這個問題。

2000年12月4日
第81次全體會議
"""


def test_synthetic_traditional_openers_header_and_closing():
    res = parse_text(TRADITIONAL_SYNTHETIC)
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7", "OP1", "OP2"]
    assert [p.lead for p in res.paragraphs[:6]] == ["回顧", "嚴重關切", "確認", "考慮到", "又回顧", "認識到"]
    assert res.paragraphs[0].text == "回顧其1994年12月23日第49/150號決議，"  # printed characters kept
    h = res.header
    assert (h.session, h.session_text, h.agenda_item, h.author) == (55, "第五十五屆會議", "114(b)", "大會，")
    assert (h.plenary_meeting, h.closing) == (81, ("2000年12月4日", "第81次全體會議"))
    assert res.warnings == ()


def test_synthetic_traditional_flattened_onto_one_line():
    flat = " ".join(line for line in TRADITIONAL_SYNTHETIC.splitlines() if line)
    res = parse_text(flat)
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7", "OP1", "OP2"]
    assert [p.text for p in res.paragraphs] == [p.text for p in parse_text(TRADITIONAL_SYNTHETIC).paragraphs]


def _notes_text(style_body: str, style_note: str) -> str:
    """A synthetic Chinese text in the shape of 55/105's web copy, footnotes in the given style."""
    return f"""大会，

回顾其1977年12月16日第32/127号决议，

又回顾人权委员会1993年3月9日第1993/51号决议{style_body.format(1)}，

1. 注意到秘书长的报告{style_body.format(2)}；
2. 欢迎区域安排取得的进展；

3. 决定继续审议这个问题。

{style_note.format(1)} 《经济及社会理事会正式记录，1993年，补编第3号》。
{style_note.format(2)} A/55/279。
"""


def test_synthetic_marker_styles_in_chinese_at_line_end_do_not_merge_paragraphs():
    for body, note in (("({})", "({})"), ("{}/", "{}/"), ("[{}]", "[{}]")):
        res = parse_text(_notes_text(body, note))
        assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3"], body
        assert [p.footnotes for p in res.paragraphs] == [(), (1,), (2,), (), ()], body
        assert res.paragraphs[2].text == "注意到秘书长的报告；"
        assert [f.number for f in res.footnotes] == [1, 2]


ENGLISH_BARE_SYNTHETIC = """The General Assembly,

Reaffirming the Universal Declaration of Human Rights, 1 as well as the Declaration on the Rights of
Indigenous Peoples 2 and the relevant resolutions,

Recalling paragraph 3 and Article 1 of the Charter,

1. Urges States to protect freedom of religion or belief; 3
2. Decides to continue its consideration of the question at its eighty-first session.

__________________
1 Resolution 217 A (III).
2 Resolution 61/295, annex.
3 See A/80/1.
"""


def test_synthetic_bare_digit_markers_set_off_by_one_space():
    res = parse_text(ENGLISH_BARE_SYNTHETIC)
    assert [p.label for p in res.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    pp1, pp2, op1 = res.paragraphs[:3]
    assert pp1.footnotes == (1, 2)
    assert "Human Rights, as well as" in pp1.text and "Peoples and" in pp1.text
    assert pp2.footnotes == () and pp2.text == "Recalling paragraph 3 and Article 1 of the Charter,"
    assert op1.footnotes == (3,) and op1.text.endswith("belief;")


def test_seed_in_traditional_script_keeps_printed_characters_synthetic():
    """The real seed converted with OpenCC s2t (synthetic): same structure, Traditional characters kept
    in paragraphs, header fields, closing lines and footnote bodies."""
    import opencc

    from conftest import SEED

    seed = SEED.read_text(encoding="utf-8")
    simplified, traditional = parse_text(seed), parse_text(opencc.OpenCC("s2t").convert(seed))
    assert [(p.label, p.key, p.footnotes) for p in traditional.paragraphs] == \
        [(p.label, p.key, p.footnotes) for p in simplified.paragraphs]
    assert traditional.paragraphs[2].text.startswith("又回顧其 2000 年")
    assert traditional.footnotes[1].text == "第 55/2 號決議。"
    assert traditional.header.title == "增進人權領域的國際合作"
    assert traditional.header.closing == ("2020年12月16日", "第46次全體會議")


def test_synthetic_two_part_text_keeps_part_headings_as_their_own_paragraphs():
    # synthetic: a resolution in two parts, each with its own operative numbering (as A and B texts are)
    text = ("Seventy-ninth session\nAgenda item 1\n79/999. Two parts\nThe General Assembly,\n"
            "A\nPart one\nRecalling its resolutions,\n1. Decides one;\n2. Decides two;\n"
            "B\nPart two\nRecalling also its decisions,\n1. Requests three;\n2. Requests four.\n")
    res = parse_text(text, lang="en")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("H1", "A Part one"), ("PP1", "Recalling its resolutions,"), ("OP1", "Decides one;"),
        ("OP2", "Decides two;"), ("H2", "B Part two"), ("PP2", "Recalling also its decisions,"),
        ("OP1", "Requests three;"), ("OP2", "Requests four.")]


# ── section headings ("I" / "International Convention …" between operative paragraphs) ──────────

DURBAN_HEADINGS = [
    "I International Convention on the Elimination of All Forms of Racial Discrimination",
    "II International Decade for People of African Descent",
    "III Office of the United Nations High Commissioner for Human Rights",
    "IV Group of Independent Eminent Experts on the Implementation of the Durban Declaration and Programme of Action",
    "V Trust fund for the Programme for the Decade for Action to Combat Racism and Racial Discrimination",
    "VI Special Rapporteur on contemporary forms of racism, racial discrimination, xenophobia and related intolerance",
    "VII Commemoration of the adoption of the Durban Declaration and Programme of Action",
    "VIII Follow-up and implementation activities",
]


def test_section_headings_of_the_official_79_161_pdf_are_their_own_paragraphs():
    from conftest import CORPUS
    from resdiff.read.pdf import read_pdf

    res = read_pdf(CORPUS / "pdf" / "A_RES_79_161.en.pdf")
    headings = [p for p in res.paragraphs if p.kind == HEADING]
    assert [p.text for p in headings] == DURBAN_HEADINGS
    assert [p.label for p in headings] == [f"H{k}" for k in range(1, 9)]
    assert all(p.number is None for p in headings)
    # VI used to be glued to the end of OP39 (a page break stood before it)
    assert res.paragraph("OP38").text.endswith("to encourage contributions;")
    # headings count in neither numbering: 36 preambular, operative 1..55 in order, no warning
    assert [p.label for p in res.paragraphs if p.kind == PREAMBULAR] == [f"PP{k}" for k in range(1, 37)]
    assert [p.number for p in res.paragraphs if p.kind == OPERATIVE] == list(range(1, 56))
    assert not [w for w in res.warnings if w.code == "preambular-after-operative"]
    # each heading stands where it is printed: "I" after the last preambular paragraph, "II" before OP11
    kinds = [p.label for p in res.paragraphs]
    assert kinds.index("H1") == kinds.index("PP36") + 1 and kinds.index("H2") == kinds.index("OP11") - 1


SYNTHETIC_SECTIONS_EN = (
    "Seventy-ninth session\nAgenda item 1\n79/998. Sections\nThe General Assembly,\n"
    "Recalling its resolutions,\n"
    "I\nFirst section of the text\n"
    "1. Decides one;\n"
    "(a) A sub-paragraph;\n"
    "2. Decides to remain seized of the matter.\n"
    "II. Second section on one line\n"
    "3. Requests three;\n"
    "III Trust fund\n"
    "4. Requests four.\n"
)


def test_synthetic_text_section_headings_bare_or_with_title_on_one_line():
    res = parse_text(SYNTHETIC_SECTIONS_EN, lang="en")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("H1", "I First section of the text"),
        ("OP1", "Decides one;\n(a) A sub-paragraph;"), ("OP2", "Decides to remain seized of the matter."),
        ("H2", "II. Second section on one line"), ("OP3", "Requests three;"),
        ("H3", "III Trust fund"), ("OP4", "Requests four.")]
    assert not res.warnings


def test_synthetic_short_paragraphs_and_sub_paragraphs_are_never_headings():
    # a short operative paragraph, a sub-paragraph without final punctuation, a "Part A" title in the
    # header, a capital letter opening a sentence: none is a section heading
    text = ("Seventy-ninth session\nAgenda item 1\nA\n79/997. Part A title\nThe General Assembly,\n"
            "Recalling its resolutions,\n1. Decides;\n2. Requests the following\n(a) A sub-paragraph\n"
            "(b) Another one;\n3. Notes.\n")
    res = parse_text(text, lang="en")
    assert not [p for p in res.paragraphs if p.kind == HEADING]
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2", "OP3"]
    assert res.paragraph("OP2").subparagraphs[0].marker == "(a)"
    # PDF-like stream: a wrapped first line starting with a roman-looking word is not a heading
    lines = [Line("The General Assembly,", starts_paragraph=True),
             Line("Recalling its resolutions,", starts_paragraph=True),
             Line("1. Decides one;", starts_paragraph=True),
             Line("2. Decides that the", starts_paragraph=True), Line("I Forum shall meet;"),
             Line("3. Invites States to", starts_paragraph=True), Line("V International Decade;")]
    res = build_resolution(lines, "en", footnotes=())
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2", "OP3"]


def test_synthetic_chinese_section_headings_are_their_own_paragraphs():
    text = ("第七十九届会议\n议程项目1\n79/996. 标题\n大会，\n回顾其各项决议，\n"
            "一\n《消除一切形式种族歧视国际公约》\n1. 重申公约的重要性；\n"
            "二、非洲人后裔国际十年\n2. 回顾宣布非洲人后裔国际十年；\n"
            "㈢\n后续行动和执行活动\n3. 决定继续处理此事项。\n")
    res = parse_text(text, lang="zh")
    assert [(p.label, p.text) for p in res.paragraphs] == [
        ("PP1", "回顾其各项决议，"), ("H1", "一 《消除一切形式种族歧视国际公约》"), ("OP1", "重申公约的重要性；"),
        ("H2", "二、非洲人后裔国际十年"), ("OP2", "回顾宣布非洲人后裔国际十年；"),
        ("H3", "㈢ 后续行动和执行活动"), ("OP3", "决定继续处理此事项。")]
    assert not res.warnings


def test_synthetic_word_section_headings_as_whole_paragraphs():
    from docx_builder import DocxBuilder
    from resdiff.read.docx import read_docx

    b = DocxBuilder()
    ops = b.numbering([("decimal", "%1."), ("lowerLetter", "(%2)")])
    for line in ("Seventy-ninth session", "Agenda item 1", "79/995. Sections", "The General Assembly,",
                 "Recalling its resolutions,"):
        b.paragraph(b.run(line))
    b.paragraph(b.run("I", bold=True))
    b.paragraph(b.run("International Convention on the Elimination of All Forms of Racial Discrimination", bold=True))
    b.paragraph(b.run("Reaffirms", italic=True), b.run(" the importance of the Convention;"), num=ops)
    b.paragraph(b.run("II. International Decade for People of African Descent", bold=True))
    b.paragraph(b.run("Recalls", italic=True), b.run(" the Decade;"), num=ops)
    b.paragraph(b.run("Decides", italic=True), b.run(" to remain seized"), num=ops)
    res = read_docx(b.to_bytes(), lang="en")
    assert [(p.label, p.kind) for p in res.paragraphs] == [
        ("PP1", PREAMBULAR), ("H1", HEADING), ("OP1", OPERATIVE), ("H2", HEADING), ("OP2", OPERATIVE),
        ("OP3", OPERATIVE)]
    assert res.paragraph("H1").text == DURBAN_HEADINGS[0]
    assert res.paragraph("H2").text == "II. International Decade for People of African Descent"


# ── variants of real texts (issue 9's known misses, closed): small excerpts copied from tests/corpus ──


def test_bare_marker_set_off_by_a_space_in_chinese_without_footnote_bodies():
    # A_RES_55_109.zh.excerpt.txt PP1 with its marker printed " 1" (a web copy, no footnote bodies)
    text = ("大会,\n\n回顾其1999年12月17日关于加强人权领域的国际合作的第54/181号决议,注意到人权委员会2000年4月26日"
            "第2000/70号决议, 1并回顾大会1999年12月10日关于联合国不同文明之间对话年的第54/113号决议,\n\n"
            "重申决心按照《联合国宪章》,于1993年6月25日通过的《维也纳宣言和行动纲领》 2的有关规定,促进国际合作,")
    res = parse_text(text, lang="zh")
    assert [p.footnotes for p in res.paragraphs] == [(1,), (2,)]
    assert "号决议,并回顾" in res.paragraphs[0].text and "》的有关规定" in res.paragraphs[1].text


def test_a_spaced_number_before_its_unit_is_never_a_marker_in_chinese():
    # the seed's layout ("2009 年 4 月 20 日") with note 4 expected next: "4" takes "月" after a space
    text = ("大会，\n\n还回顾 2009 年 4 月 20 日至 24 日在日内瓦举行的德班审查会议政治宣言， 4 以及它们的作用，\n\n"
            "⁴ 见 A/CONF.211/8。")
    lines = parse_text(text, lang="zh")
    assert "2009年4月20日" in lines.paragraphs[0].key
    res = build_resolution([Line("大会，"), Line("回顾 2009 年 4 月 20 日举行的会议， 1 以及它们的作用，")], "zh")
    assert res.paragraphs[0].footnotes == (1,) and "2009 年 4 月" in res.paragraphs[0].text


def test_an_english_note_cited_again_set_off_by_spaces():
    # A_RES_72_169.en.txt OP15 cites note 1 again ("Programme of Action, 1 and requests") after note 6
    text = ("The General Assembly,\n\nReaffirming the Vienna Declaration and Programme of Action, 1 for cooperation,\n\n"
            "Recalling resolution 70/1 of 25 September 2015, 2 and Article 1, paragraph 3, as well as notes,\n\n"
            "1. Decides to commemorate the Vienna Declaration and Programme of Action, 1 and requests a report;\n\n"
            "2. Notes paragraphs 3, 1 and 2 of the report.\n\n__________________\n1 A/CONF.157/24 (Part I), chap. III.\n\n2 Resolution 70/1.")
    res = parse_text(text, lang="en")
    assert [p.footnotes for p in res.paragraphs] == [(1,), (2,), (1,), ()]
    assert "Action, and requests" in res.paragraphs[2].text and "paragraphs 3, 1 and 2" in res.paragraphs[3].text


def test_chinese_wrapped_inside_a_number_or_symbol_is_joined_without_a_space():
    # the seed's PP3 and footnote 1 wrapped every 28 characters (synthetic rewrap)
    text = ("大会，\n\n又回顾其2000年9月8日通过《联合国千年宣言》、大会2019年12月18日第74/\n153号决议、人权理事会20\n"
            "20年7月17日第44/18号决议，¹\n\n¹ A/CONF.157/24(Part I)和A/C\nONF.157/24(PART\nI)/Corr.1，第三章。")
    res = parse_text(text, lang="zh")
    assert "第74/153号决议" in res.paragraphs[0].text and "2020年7月17日" in res.paragraphs[0].text
    assert res.footnotes[0].text == "A/CONF.157/24(Part I)和A/CONF.157/24(PART I)/Corr.1，第三章。"


# ── resolutions in parts A, B (synthetic: two real texts of tests/corpus joined as two parts) ─────────


def _in_parts(names, titles):
    from conftest import corpus
    from variants import base_text, in_parts

    return in_parts([base_text(corpus(n)) for n in names], titles)


def test_synthetic_resolution_in_two_parts_labels_each_part_apart():
    text = _in_parts(["A_RES_72_169.en.txt", "A_RES_74_153.en.txt"],
                     ["Enhancement of international cooperation", "Dialogue among civilizations"])
    res = parse_text(text, lang="en")
    labels = [p.label for p in res.paragraphs]
    assert len(labels) == len(set(labels))  # no "OP1" twice
    assert labels[:3] == ["A H1", "A H2", "A PP1"] and "A OP17" in labels and "B OP1" in labels
    a_res, b_res = (parse_text(base_text_of(n), lang="en") for n in ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"))
    for part, whole in (("A", a_res), ("B", b_res)):
        mine = [(p.label.split(" ", 1)[1], p.key) for p in res.paragraphs if p.part == part and p.kind != HEADING]
        assert mine == [(p.label, p.key) for p in whole.paragraphs]
    heads = [p.text for p in res.paragraphs if p.kind == HEADING]
    assert heads == ["A Enhancement of international cooperation", "The General Assembly,",
                     "B Dialogue among civilizations", "The General Assembly,"]
    assert res.header.number == "72/169" and res.header.author is None  # each part prints its own
    assert res.header.title == "Enhancement of international cooperation in the field of human rights"
    from resdiff.read.checks import check

    assert not check(res)  # part B's preambular paragraphs are not "after the operative ones"


def test_synthetic_chinese_resolution_in_parts():
    # the seed as part A, the web copy of 55/105 (an excerpt: it ends mid-sentence) as part B
    text = _in_parts(["A_RES_75_180.zh.txt", "A_RES_55_105.zh.excerpt.txt"], ["增进人权领域的国际合作", "区域安排"])
    res = parse_text(text, lang="zh")
    labels = [p.label for p in res.paragraphs]
    assert len(labels) == len(set(labels))
    ops = [p.label for p in res.paragraphs if p.kind == OPERATIVE]
    assert ops == [f"A OP{n}" for n in range(1, 18)] + ["B OP1", "B OP2", "B OP3"]
    assert [p.label for p in res.paragraphs if p.part == "B"][:4] == ["B H3", "B H4", "B PP1", "B PP2"]
    assert res.paragraph("B H4").text == "大会" and res.paragraph("A H2").text == "大会，"


def test_a_letter_section_without_its_own_author_line_is_not_a_part():
    text = ("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\nA\n\nFollow-up\n\n"
            "2. Requests a report;")
    res = parse_text(text, lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "H1", "OP2"]


def base_text_of(name):
    from conftest import corpus
    from variants import base_text

    return base_text(corpus(name))


def test_parse_json_names_the_part_of_each_paragraph_of_a_resolution_in_parts():
    from resdiff.render.json import resolution_dict

    text = _in_parts(["A_RES_72_169.en.txt", "A_RES_74_153.en.txt"], ["One", "Two"])
    paragraphs = resolution_dict(parse_text(text, lang="en"))["paragraphs"]
    assert {p["part"] for p in paragraphs} == {"A", "B"}
    assert "part" not in resolution_dict(parse_text(base_text_of("A_RES_72_169.en.txt")))["paragraphs"][0]


def test_a_resolution_in_parts_written_back_as_text_reads_the_same():
    from resdiff.render.text import resolution_text

    res = parse_text(_in_parts(["A_RES_72_169.en.txt", "A_RES_74_153.en.txt"], ["One", "Two"]), lang="en")
    written = resolution_text(res)
    assert written.count("The General Assembly,") == 2  # once per part, not once more in the header
    again = parse_text(written, lang="en")
    assert [(p.label, p.key) for p in again.paragraphs] == [(p.label, p.key) for p in res.paragraphs]


def test_a_title_wrapped_before_general_assembly_keeps_it():
    # A/RES/79/146 as pdftotext prints it: the title's last line is "General Assembly", a masthead line elsewhere
    lines = ["United Nations", "General Assembly", "Distr.: General", "Seventy-ninth session", "79/146.",
             "Implementation of the outcome of the World Summit for Social",
             "Development and of the twenty-fourth special session of the", "General Assembly"]
    h = parse_header(lines, "en")
    assert h["title"] == ("Implementation of the outcome of the World Summit for Social Development and of the "
                          "twenty-fourth special session of the General Assembly")


def test_sentence_end_searched_at_the_end_only_is_the_whole_text_rule_synthetic():
    """_ends_sentence looks for a trailing footnote marker only near the end of the text (back over a
    run of superscripts): the same answers as removing the marker with the pattern over the whole text,
    on every line and paragraph of the corpus and on random ends of markers, digits, brackets,
    punctuation and spaces."""
    import random

    from conftest import CORPUS
    from resdiff.read import structure

    def whole_text(text: str) -> bool:
        text = structure._TRAILING_MARKER.sub("", text.rstrip()).rstrip().replace("**", "")
        return bool(text) and text[-1] in structure._END_PUNCT

    samples = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        samples += lines + ["\n".join(lines[:k]) for k in range(0, len(lines), 7)]
    rng = random.Random(11)
    pieces = ["⁴", "¹²", "⁰¹²³⁴⁵⁶⁷⁸⁹⁰¹²", "1", "12", "123", "(3)", "（4）", "[5]", "6/", " ", "\u3000", ",", "，",
              ";", "；", ".", "。", ":", "：", ")", "）", "》", "”", "a", "Z", "决议", "**", "\n", "x 7"]
    for _ in range(3000):
        samples.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))))
    assert [structure._ends_sentence(t) for t in samples] == [whole_text(t) for t in samples]


@pytest.mark.parametrize("variant", ["layout", "raw"])
def test_pdftotext_copy_of_a_draft_takes_its_starred_note_out_of_the_paragraph_it_interrupts(variant):
    """A/C.2/80/L.12 ("Iraq:* draft resolution"): pdftotext prints the starred note "* On behalf of the
    States that are members of the Group of 77 and China …" in the middle of the fourth preambular
    paragraph (a page break), with no footnote rule above it. The header calls a star, so the line is the
    note: it goes to the header's notes as the PDF reader has it, and the paragraph reads as in the PDF."""
    from resdiff.comparison import compare
    from resdiff.read import read_file

    pdf = read_file(CORPUS / "pdf" / "A_C.2_80_L.12.en.pdf")
    copy = read_file(CORPUS / "pdftotext" / f"A_C.2_80_L.12.en.{variant}.txt")
    assert copy.header.notes == pdf.header.notes and "Group of 77" in copy.header.notes[0]
    assert "On behalf of" not in copy.paragraph("PP4").text
    assert {p.status for p in compare(pdf, copy).pairs} == {"unchanged"}
