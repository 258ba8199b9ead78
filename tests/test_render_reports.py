"""Golden files for the terminal, Markdown, HTML and JSON renderers on a real pair (51/102 → 55/105).

Regenerate on purpose only: RESDIFF_REGEN_GOLDEN=1 pytest tests/test_render_reports.py, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import CORPUS, SEED, check_golden, corpus
from resdiff.comparison import compare
from resdiff.read import read_file
from resdiff.render import html, markdown, terminal
from resdiff.render.json import comparison_dict, dumps


@pytest.fixture(scope="module")
def real_pair():
    # Relative paths, as a user types them: the reports name their sources, and golden files must not
    # depend on where the checkout lives.
    here = os.getcwd()
    os.chdir(CORPUS)
    try:
        return compare(read_file(Path("A_RES_51_102.zh.excerpt.txt")), read_file(Path("A_RES_55_105.zh.excerpt.txt")))
    finally:
        os.chdir(here)


def test_terminal_plain_golden(real_pair):
    check_golden("51_102-55_105.terminal.txt", terminal.render_comparison(real_pair, color=False))


def test_terminal_colour_uses_strike_and_underline(real_pair):
    out = terminal.render_comparison(real_pair, color=True)
    assert "\x1b[9" in out or ";9m" in out  # strikethrough
    assert "\x1b[4" in out or ";4m" in out  # underline
    assert "[-" not in out  # markers only in plain mode


def test_markdown_golden(real_pair):
    check_golden("51_102-55_105.md", markdown.render_comparison(real_pair))


def test_html_golden_and_self_contained(real_pair):
    out = html.render_comparison(real_pair)
    check_golden("51_102-55_105.html", out)
    assert "http://" not in out and "https://" not in out and "<script" not in out
    assert 'id="v-inline"' in out and 'id="v-side"' in out


def test_json_golden(real_pair):
    out = dumps(comparison_dict(real_pair))
    check_golden("51_102-55_105.json", out)
    data = json.loads(out)
    assert data["summary"] == real_pair.summary


def test_markdown_escapes_markup():
    """Synthetic paragraph with Markdown and HTML characters and square brackets."""
    from resdiff.model import Segment

    out = markdown.segments_markdown((Segment("equal", "a*b_c [x] <y>"), Segment("insert", "|z|")))
    assert out == "a\\*b\\_c [x] &lt;y&gt;<ins>\\|z\\|</ins>"


def test_terminal_folds_chinese_without_cutting_markers_numbers_or_brackets(real_pair):
    from rich.cells import cell_len

    import dataclasses

    # pairs whose own text has no line break (a merged pair's joined paragraphs do), so every break is a fold
    single = tuple(p for p in real_pair.pairs if not any("\n" in s.text for s in p.segments))
    out = terminal.render_comparison(dataclasses.replace(real_pair, pairs=single), color=False, width=60)
    for line in out.splitlines():
        assert cell_len(line) <= 60
        assert not line.startswith(("-]", "+}", "，", ",", "●")) and not line.endswith(("[-", "{+", "[", "《"))
    joined = out.replace("\n", "")
    assert "[-1996/55-]{+2000/80+}" in joined and "2000/80" in out  # never folded inside a number


def test_stderr_warnings_of_one_kind_are_counted_after_ten():
    """Synthetic: a 5,000-paragraph text flagged thousands of paragraphs, one stderr line each."""
    from dataclasses import replace

    from resdiff.model import ReadingWarning
    from resdiff.render.common import WARNINGS_PER_KIND, warnings_text

    res = read_file(SEED)
    many = tuple(ReadingWarning("long-paragraph", f"OP{i}", "an unusually long paragraph") for i in range(1, 26))
    text = warnings_text(replace(res, warnings=many + (ReadingWarning("no-author", None, "no author line"),)), "x.txt")
    lines = text.splitlines()
    assert len(lines) == WARNINGS_PER_KIND + 2
    # the seed is Chinese: the lines are in Chinese, a message with no Chinese words keeps its English
    assert lines[WARNINGS_PER_KIND] == "警告：x.txt：……另有 15 条同类警告 [long-paragraph]"
    assert lines[-1].startswith("警告：x.txt：no author line")
    english = warnings_text(replace(read_file(corpus("A_RES_74_153.en.txt")), warnings=many), "x.txt").splitlines()
    assert english[WARNINGS_PER_KIND] == "Warning: x.txt: … and 15 more of the same kind [long-paragraph]"


# ── labels in the documents' language (render.common.label_language) ─────────────────────────────────

def _visible(page: str) -> str:
    import html as html_module
    import re

    return html_module.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))


def _english_words(text: str, cmp) -> set[str]:
    """Latin words besides labels (PP3), symbols (A/RES/55/105, Add.2) and the tool's name: the English
    a Chinese report would still have."""
    import re

    for res in (cmp.old, cmp.new):
        text = text.replace(res.source, "")
    return set(re.findall(r"(?<![/\w.])[A-Za-z]{2,}(?![\d/\w])", text)) - {"PP", "OP", "resdiff"}


def test_chinese_pair_reports_have_chinese_labels(real_pair):
    import re

    out = terminal.render_comparison(real_pair)
    assert "\nPP2（修改、脚注有改动）\n" in out and "\n  脚注1（新增），文件中没有其正文\n" in out
    assert "\n文头\n  届会：— → 55\n" in out and "摘要" in out and "文头字段有改动" in out
    md = markdown.render_comparison(real_pair)
    assert "| 段落 | 数目 |" in md and "### PP4+PP6 → PP4（合并、脚注有改动）" in md and "## 文头" in md
    page = html.render_comparison(real_pair)
    assert '<html lang="zh-Hans">' in page and "<caption>摘要</caption>" in page
    assert '<label for="v-side">左右对照</label>' in page and "<h3>PP8（删除）</h3>" in page
    assert '<p class="warning">警告（旧版本）：OP3：文本在句子中间结束（“…' in page  # the reader's warnings too
    assert '<p class="warning">警告（新版本）：PP2：引用了脚注1，但没有找到其正文 [footnote-no-text]</p>' in page
    page = re.sub(r"\[[a-z-]+\]</p>", "</p>", page)  # (the warning codes stay: they are identifiers)
    for shown in (out, _visible(md.replace("\\", "")), _visible(page)):
        assert _english_words(shown, real_pair) == set()


def test_english_pair_keeps_english_labels_and_lang_overrides():
    pair = compare(read_file(SEED.parent / "A_RES_72_169.en.txt"), read_file(SEED.parent / "A_RES_74_153.en.txt"))
    out = terminal.render_comparison(pair)
    assert "\nPP3 (modified, footnotes changed)\n" in out and "  footnote 3: See Official Records" in out
    assert "Summary" in out and "（" not in out
    page = html.render_comparison(pair)
    assert '<html lang="en">' in page and "<caption>Summary</caption>" in page and ' lang="' not in page.split("<body>")[1]
    # the page of `resdiff serve` in Chinese asks for Chinese labels over English text: the text says its language
    zh_page = html.render_comparison(pair, lang="zh")
    assert '<html lang="zh-Hans">' in zh_page and "<h3>PP3（修改、脚注有改动）</h3>" in zh_page
    assert '<div class="text" lang="en">' in zh_page and "脚注3：" in zh_page
    # English text is set in a Latin face (a CJK face draws “…” full-width, gaping in an English sentence)
    assert ".text:lang(en), .old:lang(en), .new:lang(en), .footnote:lang(en) {" in page


def test_json_pairs_carry_the_paragraph_kind(real_pair):
    data = json.loads(dumps(comparison_dict(real_pair)))
    kinds = {"+".join(p["old"] or p["new"]): p["kind"] for p in data["pairs"]}
    assert kinds["PP1"] == "preambular" and kinds["OP2"] == "operative" and kinds["PP8"] == "preambular"
    assert all(p["status"] in ("modified", "moved", "inserted", "deleted", "split", "merged", "unchanged")
               for p in data["pairs"])  # machine values stay English for a Chinese pair


def test_json_pairs_kind_of_section_headings():
    # official PDFs 79/161 → 80/193 (Durban lineage): section headings between operative paragraphs
    data = comparison_dict(compare(read_file(CORPUS / "pdf" / "A_RES_79_161.en.pdf"),
                                   read_file(CORPUS / "pdf" / "A_RES_80_193.en.pdf")))
    kinds = {(p["old"] or p["new"])[0][:2]: set() for p in data["pairs"]}
    for p in data["pairs"]:
        kinds[(p["old"] or p["new"])[0][:2]].add(p["kind"])
    assert kinds["PP"] == {"preambular"} and kinds["OP"] == {"operative"}
    assert {k: v for k, v in kinds.items() if k[0] == "H"} and all(
        v == {"heading"} for k, v in kinds.items() if k[0] == "H")


def test_parse_of_a_chinese_text_shows_chinese_field_names_and_counts():
    out = terminal.render_resolution(read_file(SEED))
    assert "\n 议程项目      72(b)\n" in out and "\n 主语行        大会，\n" in out
    assert "序言段落15个，执行段落17个，脚注5个\n" in out
    english = terminal.render_resolution(read_file(SEED.parent / "A_RES_75_180.en.txt"))
    assert "\n agenda_item      72(b)\n" in english and "15 preambular, 17 operative, 5 footnotes\n" in english


def test_draft_edits_of_a_chinese_text_give_the_chinese_reasons():
    from resdiff.draft import draft_next

    out = terminal.render_edits(draft_next(read_file(SEED)))
    assert out.startswith("第七十六届会议草案：自动修改")
    assert "文头（session）\n  [-第七十五届会议-] → {+第七十六届会议+}\n  届会：草案是下一届会议的案文。\n" in out
    assert "文头（待填写的占位符）\n  [-72(b)-] → {+[●]+}\n  议程项目：" in out
    assert "[-第46次全体会议-]（删除）\n  结尾行（全体会议和通过日期）：在通过时给出。" in out
    assert "OP17（forward-session）\n  [-大会第七十六届会议-] → {+大会第七十七届会议+}\n  以后届会的提及：" in out
    assert "请起草人填写。请起草人填写" not in out  # the placeholder sentence once
    # outside the rule names in parentheses and the document's own text, no English
    import re

    prose = re.sub(r"（[a-z-]+）|\[-.*?-\]|\{\+.*?\+\}", "", out, flags=re.S)
    assert not re.findall(r"[A-Za-z]{3,}", prose)
    english = terminal.render_edits(draft_next(read_file(SEED.parent / "A_RES_75_180.en.txt")))
    assert english.startswith("Draft for session 76: ") and "header (session)\n" in english


def test_a_long_header_change_wraps_under_itself():
    # 72/169 → 74/153: the agenda item title appears (a long line); its wrapped lines keep the indent
    pair = compare(read_file(SEED.parent / "A_RES_72_169.en.txt"), read_file(SEED.parent / "A_RES_74_153.en.txt"))
    out = terminal.render_comparison(pair, width=100)
    block = out.split("\nHeader\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert block[2].startswith("  Agenda item title: — → Promotion and protection of human rights")
    assert all(line.startswith("  ") and len(line) <= 100 for line in block)


def test_renumbered_only_line_in_the_documents_language():
    # synthetic: the seed without its first operative paragraph; the others are renumbered only
    from conftest import synthetic_resolution

    old = read_file(SEED)
    first_op = next(k for k, p in enumerate(old.paragraphs) if p.kind == "operative")
    new = synthetic_resolution(old, [(p.kind, p.text) for k, p in enumerate(old.paragraphs) if k != first_op])
    pair = compare(old, new)
    out = terminal.render_comparison(pair, width=200)
    assert "\n仅重新编号：OP2→OP1、OP3→OP2、" in out
    assert "\n仅重新编号：OP2→OP1、OP3→OP2、" in markdown.render_comparison(pair)
    assert "\nRenumbered only: OP2→OP1, OP3→OP2, " in terminal.render_comparison(pair, width=200, lang="en")
