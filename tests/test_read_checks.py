"""Reading warnings (read/checks.py): silent on the complete real texts, and each code fires on a real
text broken the way a misreading breaks it (the broken versions are synthetic, built in the tests)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from conftest import corpus
from resdiff.cli import app
from resdiff.model import OPERATIVE, PREAMBULAR, Footnote, Paragraph
from resdiff.read import read_file
from resdiff.read.checks import check

COMPLETE = ["A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "A_RES_75_180.en.txt", "A_RES_75_180.zh.txt"]


def codes(res) -> list[tuple[str, str | None]]:
    found = check(res)
    # every warning is also written in Chinese (reports on Chinese texts show that one)
    assert all(re.search(r"[\u4e00-\u9fff]", w.message_zh) for w in found), [w.code for w in found if not w.message_zh]
    return [(w.code, w.label) for w in found]


@pytest.mark.parametrize("name", COMPLETE)
def test_complete_real_texts_have_no_warnings(name):
    res = read_file(corpus(name))
    assert res.warnings == ()


@pytest.mark.parametrize("name", ["A_HRC_RES_28_2.en.excerpt.txt", "A_RES_55_109.zh.excerpt.txt",
                                  "A_RES_51_102.zh.excerpt.txt"])
def test_real_excerpts_end_mid_sentence(name):
    res = read_file(corpus(name))
    last = res.paragraphs[-1].label
    assert ("ends-mid-sentence", last) in [(w.code, w.label) for w in res.warnings]


def test_real_excerpt_markers_without_footnote_text():
    res = read_file(corpus("A_RES_55_105.zh.excerpt.txt"))
    assert [w.label for w in res.warnings if w.code == "footnote-no-text"] == ["PP2", "PP3", "PP4", "OP1"]


def _seed_en():
    return read_file(corpus("A_RES_75_180.en.txt"))


def _without(res, label):
    return replace(res, paragraphs=tuple(p for p in res.paragraphs if p.label != label))


def test_synthetic_missing_operative_paragraph_is_a_jump():
    res = _without(_seed_en(), "OP3")
    assert codes(res) == [("op-number-jump", "OP4")]
    assert "from 2 to 4" in check(res)[0].message


def test_synthetic_repeated_operative_number():
    res = _seed_en()
    ps = list(res.paragraphs)
    k = next(i for i, p in enumerate(ps) if p.label == "OP5")
    ps[k] = replace(ps[k], number=4)
    ps[k + 1:] = ps[k + 1:]
    assert ("op-number-repeat", "OP5") in codes(replace(res, paragraphs=tuple(ps)))


def test_synthetic_part_b_restarting_at_one_is_not_a_jump():
    res = _seed_en()
    ops = [p for p in res.paragraphs if p.kind == OPERATIVE]
    part_b = tuple(replace(p, label=f"B.{p.label}") for p in ops)  # the operative part again, as part B
    assert codes(replace(res, paragraphs=res.paragraphs + part_b)) == []


def test_synthetic_two_operative_paragraphs_read_as_one():
    res = _seed_en()
    ps = list(res.paragraphs)
    k = next(i for i, p in enumerate(ps) if p.label == "OP1")
    glued = replace(ps[k], text=ps[k].text + " 2. " + ps[k + 1].text)
    ps[k:k + 2] = [glued]
    found = codes(replace(res, paragraphs=tuple(ps)))
    assert ("numbered-inside", "OP1") in found
    assert ("op-number-jump", "OP3") in found


def test_synthetic_chinese_paragraphs_glued_after_full_width_semicolon():
    res = read_file(corpus("A_RES_75_180.zh.txt"))
    ps = list(res.paragraphs)
    k = next(i for i, p in enumerate(ps) if p.label == "OP1")
    ps[k:k + 2] = [replace(ps[k], text=ps[k].text + "2. " + ps[k + 1].text)]
    assert ("numbered-inside", "OP1") in codes(replace(res, paragraphs=tuple(ps)))


def test_numbers_inside_real_paragraphs_are_not_taken_for_paragraphs():
    # "resolution 2200 A (XXI)", "para. 18", "A/75/478/Add.2": none looks like the next paragraph
    for name in COMPLETE:
        assert not [w for w in check(read_file(corpus(name))) if w.code == "numbered-inside"]


def test_synthetic_footnote_never_cited():
    res = _seed_en()
    res = replace(res, footnotes=res.footnotes + (Footnote(99, "A/99/1."),))
    assert ("footnote-not-cited", None) in codes(res)


def test_synthetic_page_furniture_inside_a_paragraph():
    res = _seed_en()
    ps = list(res.paragraphs)
    ps[2] = replace(ps[2], text=ps[2].text[:40] + " 20-17406 (E) *2017406* " + ps[2].text[40:])
    assert codes(replace(res, paragraphs=tuple(ps))) == [("furniture-inside", ps[2].label)]


def test_synthetic_header_glued_onto_first_paragraph():
    res = read_file(corpus("A_RES_75_180.zh.txt"))
    ps = list(res.paragraphs)
    ps[0] = replace(ps[0], text="第七十五届会议 议程项目 72(b) 大会，" + ps[0].text)
    found = codes(replace(res, paragraphs=tuple(ps), header=replace(res.header, author=None)))
    assert ("furniture-inside", "PP1") in found and ("no-author", None) in found


def test_synthetic_preambular_after_operative_and_cut_short():
    res = _seed_en()
    closing = Paragraph("PP16", PREAMBULAR, None, "46th plenary meeting 16 December 2020")
    found = codes(replace(res, paragraphs=res.paragraphs + (closing,)))
    assert ("preambular-after-operative", "PP16") in found
    assert ("ends-mid-sentence", "PP16") in found


def test_synthetic_unusually_long_paragraph():
    res = _seed_en()
    ops = [p for p in res.paragraphs if p.kind == OPERATIVE]
    glued = replace(ops[0], text=" ".join(p.text for p in ops))  # every operative paragraph as OP1
    res = replace(res, paragraphs=tuple(p for p in res.paragraphs if p.kind != OPERATIVE) + (glued,))
    assert ("long-paragraph", "OP1") in codes(res)


runner = CliRunner()


def test_parse_json_lists_warnings():
    result = runner.invoke(app, ["parse", "-f", "json", str(corpus("A_RES_55_105.zh.excerpt.txt"))])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["warnings"][0] == {"code": "footnote-no-text", "label": "PP2",
                                   "message": "footnote 1 is cited but its text was not found"}


def test_parse_terminal_shows_warnings():
    result = runner.invoke(app, ["parse", str(corpus("A_RES_55_105.zh.excerpt.txt")), "--color", "never"])
    assert result.exit_code == 0
    assert "警告：PP2：引用了脚注1，但没有找到其正文 [footnote-no-text]" in result.stdout  # a Chinese text


def test_compare_warns_on_stderr_without_changing_the_exit_code(tmp_path):
    old, new = corpus("A_RES_51_102.zh.excerpt.txt"), corpus("A_RES_55_105.zh.excerpt.txt")
    result = runner.invoke(app, ["compare", str(old), str(new), "-f", "json"])
    assert result.exit_code == 0
    # a Chinese text's warnings in Chinese, as its reports say them
    assert f"警告：{new}：OP3：文本在句子中间结束" in result.stderr
    assert "警告" not in result.stdout
    english = runner.invoke(app, ["compare", str(corpus("A_HRC_RES_28_2.en.excerpt.txt")),
                                  str(corpus("A_HRC_RES_38_3.en.excerpt.txt")), "-f", "json"])
    assert english.exit_code == 0 and "Warning: " in english.stderr and "警告" not in english.stderr
    assert json.loads(result.stdout)["new"]["warnings"][-1]["code"] == "ends-mid-sentence"
    html = runner.invoke(app, ["compare", str(old), str(new), "-f", "html"]).stdout
    assert '<p class="warning">警告（新版本）：OP3：文本在句子中间结束（“…' in html  # a Chinese pair: in Chinese
    exit_code = runner.invoke(app, ["compare", str(old), str(old), "--exit-code"])
    assert exit_code.exit_code == 0 and "警告：" in exit_code.stderr


def test_draft_warns_on_stderr():
    result = runner.invoke(app, ["draft", str(corpus("A_RES_55_105.zh.excerpt.txt")), "-f", "json"])
    assert result.exit_code == 0
    assert "[footnote-no-text]" in result.stderr
