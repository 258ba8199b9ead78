"""Amendments from a comparison, in UN wording, and their application to the text on the table."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resdiff import compare, load
from resdiff.amendments import AmendmentError, amendments_from, apply_amendments, parse_amendments
from resdiff.lang import tokenize
from resdiff.model import OPERATIVE, PREAMBULAR, Amendment, Paragraph, Resolution
from resdiff.normalize import normalize
from resdiff.render.amendments import render_markdown, render_text

from conftest import corpus, synthetic_resolution

CHAINS = [
    ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
    ("A_RES_74_153.en.txt", "A_RES_75_180.en.txt"),
    ("A_RES_72_169.en.txt", "A_RES_75_180.en.txt"),
    ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt"),
    ("A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt"),
    ("A_RES_55_109.zh.excerpt.txt", "A_RES_75_180.zh.txt"),
]

_cache: dict[str, Resolution] = {}


def res(name: str) -> Resolution:
    if name not in _cache:
        _cache[name] = load(corpus(name))
    return _cache[name]


def texts(r: Resolution) -> list[tuple[str, str]]:
    return [(p.kind, normalize(p.text)) for p in r.paragraphs]


def assert_same_paragraphs(got: Resolution, new: Resolution) -> None:
    """The comparison finds no change between them (layout aside) and the kinds agree."""
    assert [p.kind for p in got.paragraphs] == [p.kind for p in new.paragraphs]
    cmp = compare(got, new)
    # ("modified" with unchanged text: footnote markers, which the synthetic versions do not carry)
    changed = [(p.old, p.new, p.status) for p in cmp.pairs if p.text_changed or p.status not in ("unchanged", "modified")]
    assert not changed


def build(old: Resolution, paragraphs: list[tuple[str, str]]) -> Resolution:
    return synthetic_resolution(old, paragraphs)


@pytest.mark.parametrize("old_name,new_name", CHAINS)
def test_applying_the_amendments_of_a_corpus_pair_gives_the_new_version(old_name, new_name):
    old, new = res(old_name), res(new_name)
    amendments = amendments_from(compare(old, new))
    assert amendments
    result = apply_amendments(old, amendments)
    assert texts(result) == texts(new)
    assert normalize(result.header.title or "") == normalize(new.header.title or "")


def test_72_169_to_74_153_reads_as_a_delegation_tables_it():
    cmp = compare(res("A_RES_72_169.en.txt"), res("A_RES_74_153.en.txt"))
    text = render_text(amendments_from(cmp), "en")
    lines = text.splitlines()
    assert lines[0] == "1. In the first preambular paragraph, replace “Action,” with “Action”."
    assert "2. In the third preambular paragraph, replace “70/153 of 17 December 2015” with “72/169 of 19 December 2017”." in lines
    assert "3. In the third preambular paragraph, replace “32/6 of 30 June 2016” with “38/3 of 5 July 2018”." in lines
    assert lines[3:6] == ["4. In footnote 3, replace “Seventy-first” with “Seventy-third”.",
                          "5. In footnote 3, replace “A/71/53” with “A/73/53”.",
                          "6. In footnote 3, replace “V” with “VI”."]  # PP3's note, after PP3's own
    assert "7. After the tenth preambular paragraph, insert a new preambular paragraph reading:" in lines
    assert lines[lines.index("7. After the tenth preambular paragraph, insert a new preambular paragraph reading:") + 1] \
        .startswith("    “Recognizing that the enhancement of international cooperation and genuine dialogue")
    assert "8. In operative paragraph 10, after “cooperative”, insert “and constructive”." in lines
    assert "9. Replace operative paragraph 15 with the following:" in lines
    assert "10. In operative paragraph 17, replace “seventy-third” with “seventy-fifth”." in lines
    assert len([line for line in lines if line[:1].isdigit()]) == 10  # renumbering not listed


def test_chinese_wording_on_the_real_pair_51_102_to_55_105():
    cmp = compare(res("A_RES_51_102.zh.excerpt.txt"), res("A_RES_55_105.zh.excerpt.txt"))
    lines = render_text(amendments_from(cmp), "zh").splitlines()
    # every "增进和" (保护人权) became "促进和", in the title too: one instruction for all
    assert "1. 在标题、序言部分和执行部分中，将“增进和”改为“促进和”。" in lines
    assert any(line.endswith("在序言部分第二段中，在“决议”之后插入“及其后各项有关决议”。") for line in lines)
    assert any(line.endswith("删除序言部分第六段。") for line in lines)
    assert any(line.endswith("将序言部分第五段移至序言部分第七段之后。") for line in lines)
    assert any(line.endswith("在执行部分第1段中，在“注意”之前插入“满意地”。") for line in lines)


def _one(old_text: str, new_text: str, kind: str = OPERATIVE, lang_res: str = "A_RES_72_169.en.txt"):
    base = res(lang_res)
    old = build(base, [(PREAMBULAR, "Recalling its resolutions,"), (kind, old_text)])
    new = build(base, [(PREAMBULAR, "Recalling its resolutions,"), (kind, new_text)])
    amendments = amendments_from(compare(old, new))
    assert texts(apply_amendments(old, amendments)) == texts(new)
    return amendments


def test_synthetic_quotation_grows_until_it_is_found_once():
    (a,) = _one("Urges the States to cooperate with the Council and the Office;",
                "Urges the States to cooperate with the Council and an Office;")
    assert (a.action, a.old, a.new) == ("replace", "and the", "and an")  # "the" alone occurs twice


def test_synthetic_deletion_and_insertion_wording():
    (a,) = _one("Stresses cooperation at all levels and dialogue;", "Stresses cooperation and dialogue;")
    assert (a.action, a.old) == ("delete", "at all levels")
    (a,) = _one("Stresses cooperation;", "Stresses cooperation and dialogue;")
    assert (a.action, a.old, a.new, a.before) == ("insert", "cooperation", "and dialogue", False)
    (a,) = _one("cooperation is stressed;", "Genuine cooperation is stressed;")
    assert (a.action, a.old, a.new, a.before) == ("insert", "cooperation", "Genuine", True)


def test_synthetic_paragraph_mostly_rewritten_is_replaced_whole():
    (a,) = _one("Decides to continue its consideration of the question at its next session;",
                "Requests the Secretary-General to report on the matter to the Council at once;")
    assert a.action == "replace_paragraph"
    assert render_text((a,), "en").startswith("Replace operative paragraph 1 with the following:\n")


def test_synthetic_subparagraph_is_named():
    old_text = "Calls upon States:\n(a) To cooperate fully;\n(b) To cooperate fully and promptly;"
    new_text = "Calls upon States:\n(a) To cooperate fully;\n(b) To cooperate fully and without delay;"
    (a,) = _one(old_text, new_text)
    assert a.subparagraph == "(b)"
    assert render_text((a,), "en") == "In operative paragraph 1 (b), replace “promptly” with “without delay”.\n"


def test_synthetic_move_and_chinese_forms():
    base = res("A_RES_75_180.zh.txt")
    ps = [(PREAMBULAR, p.text) for p in base.paragraphs if p.kind == PREAMBULAR][:6]
    old = build(base, ps)
    new = build(base, [ps[0], ps[2], ps[3], ps[1], ps[4], ps[5]])
    amendments = amendments_from(compare(old, new))
    assert render_text(amendments, "zh") == "将序言部分第二段移至序言部分第四段之后。\n"
    assert render_text(amendments, "en") == "Move the second preambular paragraph to follow the fourth preambular paragraph.\n"


def test_markdown_lists_the_instructions():
    cmp = compare(res("A_RES_72_169.en.txt"), res("A_RES_74_153.en.txt"))
    md = render_markdown(amendments_from(cmp), "en", "A/RES/72/169")
    assert md.startswith("# Amendments to A/RES/72/169\n")
    assert "7. After the tenth preambular paragraph, insert a new preambular paragraph reading:\n\n   > “Recognizing" in md


def test_an_amendment_whose_words_are_not_in_the_paragraph_is_refused():
    old = res("A_RES_72_169.en.txt")
    with pytest.raises(AmendmentError, match="not found"):
        apply_amendments(old, [Amendment("replace", "OP17", old="eightieth", new="ninetieth")])
    with pytest.raises(AmendmentError, match="more than once"):
        apply_amendments(old, [Amendment("delete", "OP17", old="its")])
    with pytest.raises(AmendmentError, match="no paragraph OP99"):
        apply_amendments(old, [Amendment("delete_paragraph", "OP99")])


# ── property: random edits of corpus texts (synthetic versions) ──────────────────────────────────

def _vocabulary(r: Resolution) -> list[str]:
    lang = r.language
    words = {t for p in r.paragraphs for t in tokenize(p.text, lang) if t.strip()}
    return sorted(words)


@st.composite
def edited(draw, name: str):
    old = res(name)
    lang = old.language
    vocab = _vocabulary(old)
    paras = [(p.kind, p.text) for p in old.paragraphs]
    sep = "" if lang == "zh" else " "
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["words", "words", "words", "delete", "insert", "move"]))
        k = draw(st.integers(0, len(paras) - 1))
        kind, text = paras[k]
        if op == "words":
            toks = tokenize(text, lang)
            i = draw(st.integers(0, len(toks)))
            j = draw(st.integers(i, min(len(toks), i + 6)))
            repl = draw(st.lists(st.sampled_from(vocab), max_size=4))
            piece = sep.join(repl)
            if sep and piece:
                piece = " " + piece + " "
            left, right = "".join(toks[:i]), "".join(toks[j:])
            if sep and not piece and left[-1:].isalnum() and right[:1].isalnum():
                piece = " "  # words glued together would be a layout difference, not a change
            new_text = (left + piece + right).strip()
            if new_text:
                paras[k] = (kind, new_text)
        elif op == "delete" and len(paras) > 2:
            del paras[k]
        elif op == "insert":
            donor = res(draw(st.sampled_from(["A_RES_75_180.zh.txt"] if lang == "zh" else ["A_RES_72_169.en.txt", "A_HRC_RES_38_3.en.excerpt.txt"])))
            kind2, text2 = draw(st.sampled_from([(p.kind, p.text) for p in donor.paragraphs]))
            paras.insert(k, (kind, text2[::-1] if draw(st.booleans()) else text2))
        elif op == "move":
            m = draw(st.integers(0, len(paras) - 1))
            paras.insert(m, paras.pop(k))
    return old, build(old, paras)


@pytest.mark.parametrize("name", ["A_RES_72_169.en.txt", "A_RES_75_180.zh.txt"])
def test_property_synthetic_random_edits_applying_the_amendments_gives_the_new_version(name):
    @settings(max_examples=int(os.environ.get("RESDIFF_PROPERTY_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(edited(name))
    def check(pair):
        old, new = pair
        amendments = amendments_from(compare(old, new))
        assert_same_paragraphs(apply_amendments(old, amendments), new)

    check()


@pytest.mark.parametrize("old_name,new_name", [
    ("A_RES_78_44.en.pdf", "A_RES_79_33.en.pdf"),
    ("A_RES_79_33.en.pdf", "A_C.1_80_L.24.en.pdf"),
    ("A_RES_78_62.en.pdf", "A_RES_79_72.en.pdf"),
    ("A_RES_79_72.en.pdf", "A_C.1_80_L.48.en.pdf"),
    ("A_C.1_80_L.48.en.pdf", "A_RES_80_66.en.pdf"),
])
def test_applying_the_amendments_of_an_official_pdf_pair_gives_the_new_version(old_name, new_name):
    old, new = res("pdf/" + old_name), res("pdf/" + new_name)
    result = apply_amendments(old, amendments_from(compare(old, new)))
    assert_same_paragraphs(result, new)


def test_draft_to_adopted_pdf_pair_reads_as_oral_revisions():
    old, new = res("pdf/A_C.1_80_L.48.en.pdf"), res("pdf/A_RES_80_66.en.pdf")
    lines = render_text(amendments_from(compare(old, new)), "en").splitlines()
    assert "1. In operative paragraph 9, after “2026”, insert “, in informal plenary mode,”." in lines
    assert "3. In operative paragraph 9, replace “during the eighty-first session” with “in the Commission as early as possible”." in lines


def test_synthetic_application_of_the_real_amendment_a_80_l_28_to_its_draft():
    """A/80/L.28 applied by hand to A/80/L.3 (a synthetic new version): its first, second and fourth
    instructions come back in the same form."""
    old = res("pdf/amendments/A_80_L.3.en.pdf")
    paragraphs = [(p.kind, p.text.replace("Chernobyl", "Chornobyl")) for p in old.paragraphs]
    kind, text = paragraphs[1]
    paragraphs[1] = (kind, text.replace("Chornobyl nuclear power plant", "Chornobyl nuclear power plant of Ukraine"))
    kind, text = paragraphs[6]
    paragraphs[6] = (kind, text.replace("Takes note", "Welcomes", 1))
    new = synthetic_resolution(old, paragraphs)
    new = Resolution(header=replace(old.header, title=old.header.title.replace("Chernobyl", "Chornobyl")),
                     paragraphs=new.paragraphs, source="synthetic")
    amendments = amendments_from(compare(old, new))
    assert render_text(amendments, "en").splitlines() == [
        "1. Replace “Chernobyl” with “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs.",
        "2. In the second preambular paragraph, after “plant”, insert “of Ukraine”.",
        "3. In operative paragraph 1, replace “Takes note” with “Welcomes”.",
    ]
    result = apply_amendments(old, amendments)
    assert_same_paragraphs(result, new)
    assert result.header.title == "Persistent legacy of the Chornobyl disaster"


def test_synthetic_chinese_word_changed_everywhere_is_one_instruction():
    old = res("A_RES_75_180.zh.txt")
    assert sum("国际合作" in p.text for p in old.paragraphs) >= 3
    header = replace(old.header, title=old.header.title.replace("国际合作", "国际协作"))
    new = synthetic_resolution(old, [(p.kind, p.text.replace("国际合作", "国际协作")) for p in old.paragraphs],
                               header=header)
    amendments = amendments_from(compare(old, new))
    assert render_text(amendments, "zh") == "在标题、序言部分和执行部分中，将“国际合作”改为“国际协作”。\n"
    assert_same_paragraphs(apply_amendments(old, amendments), new)


@pytest.mark.parametrize("old_name,new_name", CHAINS[:1] + CHAINS[3:4] + CHAINS[5:6] + [("pdf/A_RES_78_62.en.pdf", "pdf/A_RES_79_72.en.pdf")])
def test_written_amendments_read_back_as_the_same_instructions(old_name, new_name):
    old, new = res(old_name), res(new_name)
    amendments = amendments_from(compare(old, new))
    lang = "zh" if old.language == "zh" else "en"
    text = render_text(amendments, lang, old.header.symbol, old.header.title)
    read_back = parse_amendments(text, old)
    if lang == "zh":
        # quotations are written as printed, without the PDF extraction's spaces around digits
        # ("2019年12月18日第74/153"): the same instructions with the quotations as printed, and they
        # carry out to the same text, layout aside
        from resdiff.normalize import as_printed

        amendments = tuple(replace(a, old=as_printed(a.old), new=as_printed(a.new),
                                   texts=tuple(as_printed(t) for t in a.texts)) for a in amendments)
        assert_same_paragraphs(apply_amendments(old, read_back), new)
    assert read_back == amendments


def test_reading_amendments_in_the_forms_delegations_also_write():
    old = res("A_RES_72_169.en.txt")
    text = ("Amendment to draft resolution A/RES/72/169\n\n"
            "1. In operative paragraph 17, insert “seventy-fifth” before “session”.\n"  # the other order
            "2. In operative paragraph 17, delete “seventy-third”.\n"
            "3. Delete operative paragraph 15.\n")
    result = apply_amendments(old, parse_amendments(text, old))
    assert result.paragraphs[-1].text == "Decides to continue its consideration of the question at its seventy-fifth session."
    assert len(result.paragraphs) == len(old.paragraphs) - 1


def test_an_unreadable_amendment_names_its_line():
    with pytest.raises(AmendmentError, match="line 2"):
        parse_amendments("1. Delete operative paragraph 3.\n2. Delete the paragraph about oceans.\n", res("A_RES_72_169.en.txt"))


def test_durban_lineage_amendments_name_section_headings_as_headings_never_as_preambular_paragraphs():
    # official PDFs 79/161 → 80/193: a section "II" inserted, later numerals shifted by one
    from conftest import CORPUS
    from resdiff.model import HEADING

    old, new = (load(CORPUS / "pdf" / f"A_RES_{n}.en.pdf") for n in ("79_161", "80_193"))
    amendments = amendments_from(compare(old, new))
    lines = render_text(amendments, "en").splitlines()
    assert any(line.endswith("After operative paragraph 10, insert a new section heading reading:") for line in lines)
    assert any(line.endswith("In the second section heading, replace “II” with “III”.") for line in lines)
    # preambular ordinals stop at 36: no heading is counted among them
    assert not any("thirty-seventh preambular" in line for line in lines)
    for k, line in enumerate(lines):  # the quoted heading text follows a heading instruction
        if line.strip() == "“II Implementation of the Durban Declaration and Programme of Action”":
            assert "section heading" in lines[k - 1]
    assert parse_amendments("\n".join(lines), old) == amendments  # the wording reads back
    assert parse_amendments(render_text(amendments, "zh"), old) == amendments
    applied = apply_amendments(old, amendments)
    # (word-level wording of this real pair is not what this test is about: kinds and headings are)
    assert [p.kind for p in applied.paragraphs] == [p.kind for p in new.paragraphs]
    assert [t for t in texts(applied) if t[0] == HEADING] == [t for t in texts(new) if t[0] == HEADING]
    assert [p.label for p in applied.paragraphs if p.kind == HEADING] == [f"H{k}" for k in range(1, 10)]


def test_amendments_name_a_paragraph_of_a_part():
    from resdiff.render.amendments import place

    assert place("B OP3", "en") == "operative paragraph 3 of part B"
    assert place("A PP2", "en", "(a)") == "subparagraph (a) of the second preambular paragraph of part A"
    assert place("B OP3", "zh") == "B部分执行部分第3段"
    assert place("OP3", "en") == "operative paragraph 3"


# ── footnotes and endnotes ────────────────────────────────────────────────────────────────────────

def note_texts(r: Resolution) -> dict[int, str]:
    return {f.number: normalize(f.text) for f in r.footnotes}


def assert_same_notes(got: Resolution, new: Resolution) -> None:
    """The comparison finds no change in any note (layout aside: "No.27" read from a PDF is "No. 27")."""
    changed = [(f.old, f.new) for p in compare(got, new).pairs for f in p.footnotes
               if not f.layout_only and any(s.op != "equal" for s in f.segments)]
    assert not changed


def edited_note(r: Resolution, number: int, before: str, after: str) -> Resolution:
    return replace(r, footnotes=tuple(replace(f, text=f.text.replace(before, after)) if f.number == number else f
                                      for f in r.footnotes))


def test_real_footnote_change_72_169_to_74_153_is_amended_after_its_paragraph():
    old, new = res("A_RES_72_169.en.txt"), res("A_RES_74_153.en.txt")
    amendments = amendments_from(compare(old, new))
    lines = render_text(amendments, "en").splitlines()
    notes = [line for line in lines if "footnote" in line]
    assert notes == ["4. In footnote 3, replace “Seventy-first” with “Seventy-third”.",
                     "5. In footnote 3, replace “A/71/53” with “A/73/53”.",
                     "6. In footnote 3, replace “V” with “VI”."]
    assert "third preambular paragraph" in lines[2] and "tenth preambular" in lines[6]  # after PP3's own
    assert_same_notes(apply_amendments(old, amendments), new)
    assert parse_amendments(render_text(amendments, "zh"), old) == amendments


def test_real_ibid_note_of_a_pdf_pair_becomes_its_full_reference():
    """A/RES/78/62 → 79/72: OP9's note 5 "Ibid., Supplement No. 27 (A/78/27)." is note 4 of 79/72 in full."""
    old, new = res("pdf/A_RES_78_62.en.pdf"), res("pdf/A_RES_79_72.en.pdf")
    amendments = amendments_from(compare(old, new))
    text = render_text(amendments, "en")
    assert "In footnote 5, replace “Ibid.” with “Official Records of the General Assembly, Seventy-ninth Session”." in text
    assert "在脚注5中，将“A/78/27”改为“A/79/27”。" in render_text(amendments, "zh")
    assert_same_notes(apply_amendments(old, amendments), new)
    assert parse_amendments(text, old) == amendments


def test_synthetic_chinese_footnote_change_in_the_chinese_form():
    """The seed's note 3 with its chapter changed (synthetic): 在脚注3中，将“第五章”改为“第六章”。"""
    old = res("A_RES_75_180.zh.txt")
    new = edited_note(old, 3, "第五章", "第六章")
    amendments = amendments_from(compare(old, new))
    assert render_text(amendments, "zh") == "在脚注3中，将“第五章”改为“第六章”。\n"
    assert render_text(amendments, "en") == "In footnote 3, replace “第五章” with “第六章”.\n"
    result = apply_amendments(old, parse_amendments(render_text(amendments, "zh"), old))
    assert note_texts(result) == note_texts(new)


def test_synthetic_note_cited_twice_is_amended_once():
    """72/169 cites note 1 in PP1 and again in OP15; its text edited (synthetic) gives one instruction."""
    old = res("A_RES_72_169.en.txt")
    new = edited_note(old, 1, "chap. III", "chap. IV")
    amendments = amendments_from(compare(old, new))
    assert [(a.paragraph, a.old, a.new) for a in amendments] == [("footnote 1", "III", "IV")]
    assert note_texts(apply_amendments(old, amendments)) == note_texts(new)


def test_real_word_endnote_is_named_by_its_mark():
    """HC031 (Open-Xml-PowerTools, a footnote and an endnote "i") with both notes edited (synthetic)."""
    from resdiff.read.docx import read_docx

    from conftest import CORPUS

    old = read_docx(CORPUS / "docx-peer" / "HC031-Complicated-Document.docx")
    end = next(f for f in old.footnotes if f.kind == "endnote")
    new = edited_note(old, end.number, "an endnote", "an amended endnote")
    amendments = amendments_from(compare(old, new))
    assert render_text(amendments, "en") == "In endnote i, after “an”, insert “amended”.\n"
    assert render_text(amendments, "zh") == "在尾注i中，在“an”之后插入“amended”。\n"
    assert parse_amendments(render_text(amendments, "zh"), old) == amendments
    assert note_texts(apply_amendments(old, amendments)) == note_texts(new)


def test_an_amendment_to_a_note_the_text_does_not_have_is_refused():
    old = res("A_RES_72_169.en.txt")
    with pytest.raises(AmendmentError, match="no footnote 9"):
        apply_amendments(old, parse_amendments("In footnote 9, replace “A” with “B”.\n", old))


# ── Chinese wording as a Chinese drafter writes it ────────────────────────────────────────────────────

def test_chinese_date_and_symbol_changed_together_are_one_instruction():
    # 51/102 → 55/105, third preambular paragraph: "1996年4月19日第1996/55号" → "2000年4月26日第2000/80号";
    # "年4月" between the changes is one word or two to a reader (three tokens to jieba), as "December" is
    lines = render_text(amendments_from(compare(res("A_RES_51_102.zh.excerpt.txt"), res("A_RES_55_105.zh.excerpt.txt"))),
                        "zh").splitlines()
    pp3 = [line.split(". ", 1)[1] for line in lines if "序言部分第三段中" in line]
    assert "在序言部分第三段中，将“事项的1996年4月19日第1996/55”改为“主题的2000年4月26日第2000/80”。" in pp3
    assert not any("“19日第1996/55”" in line for line in pp3)


def test_chinese_quotations_are_written_without_the_pdf_extractions_spaces_and_still_apply():
    # the seed is text extracted from the official PDF ("2019 年 12 月 18 日第 74/153 号"); its next-session
    # draft (resdiff's own rules) changes the recall chain: the amendment quotes the words as printed
    from resdiff.draft import draft_next

    old = res("A_RES_75_180.zh.txt")
    new = draft_next(old).resolution
    text = render_text(amendments_from(compare(old, new)), "zh", old.header.symbol, old.header.title)
    assert "1. 在序言部分第三段中，将“2019年12月18日第74/153”改为“2020年12月16日第75/180”。" in text
    assert " 年" not in text and "日第 " not in text
    assert_same_paragraphs(apply_amendments(old, parse_amendments(text, old)), new)


def test_synthetic_quotation_typed_without_spaces_must_still_be_found_once_in_the_spaced_text():
    old = build(res("A_RES_75_180.zh.txt"), [(OPERATIVE, "注意到 2020 年 1 月 1 日和 2020 年 2 月 1 日的报告；")])
    once = apply_amendments(old, parse_amendments("在执行部分第1段中，将“2020年2月”改为“2021年3月”。", old))
    assert once.paragraphs[0].text == "注意到 2020 年 1 月 1 日和 2021年3月 1 日的报告；"
    inserted = apply_amendments(old, parse_amendments("在执行部分第1段中，在“2020年1月1日”之后插入“至3日”。", old))
    assert inserted.paragraphs[0].text == "注意到 2020 年 1 月 1 日至3日和 2020 年 2 月 1 日的报告；"
    with pytest.raises(AmendmentError, match="found more than once"):
        apply_amendments(old, parse_amendments("在执行部分第1段中，将“2020年”改为“2021年”。", old))


@pytest.mark.parametrize("olds,news", [
    (["A_RES_72_169.en.txt", "A_RES_74_153.en.txt"], ["A_RES_74_153.en.txt", "A_RES_75_180.en.txt"]),
    (["A_RES_55_109.zh.excerpt.txt", "A_RES_51_102.zh.excerpt.txt"], ["A_RES_75_180.zh.txt", "A_RES_55_105.zh.excerpt.txt"]),
])
def test_synthetic_resolution_in_parts_amended_keeps_each_parts_labels_and_numbering(olds, news):
    """Synthetic: real successive texts joined as parts A and B of one resolution. Applying the
    amendments gives NEW with its labels: numbering starts again in part B ("B OP1"), and paragraphs
    inserted into a part belong to it."""
    from resdiff.read.text import parse_text
    from variants import base_text, in_parts

    def joined(names):
        return parse_text(in_parts([base_text(corpus(n)) for n in names], ["One", "Two"]))

    old, new = joined(olds), joined(news)
    amendments = amendments_from(compare(old, new))
    assert any(a.action == "insert_paragraphs" for a in amendments)
    got = apply_amendments(old, amendments)
    assert [p.label for p in got.paragraphs] == [p.label for p in new.paragraphs]
    assert [p.part for p in got.paragraphs] == [p.part for p in new.paragraphs]
    assert_same_paragraphs(got, new)
