"""History renderers: terminal (with --paragraph), self-contained HTML, Markdown, the JSON shape of issue 13."""

from __future__ import annotations

import json

import pytest

from resdiff import load
from resdiff.history import history
from resdiff.render.history import history_dict, render_html, render_markdown, render_terminal
from resdiff.render.json import dumps

from conftest import corpus


@pytest.fixture(scope="module")
def h():
    return history([load(corpus(n)) for n in ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "A_RES_75_180.en.txt")])


def test_terminal_shows_the_latest_text_with_margin_notes(h):
    out = render_terminal(h, width=100)
    assert "PP3  since 72/169 · changed 75/180\nRecalling also its adoption" in out
    assert "OP15  new in 74/153\nEncourages all Member States" in out
    assert "OP16  unchanged since 72/169" in out
    # first seen in the version it was last in: no "(since 72/169)" repeating it
    assert "Removed along the way" in out and "OP15 of 72/169, removed in 74/153\n" in out


def test_terminal_paragraph_timeline_has_the_word_diff_of_each_step(h):
    out = render_terminal(h, width=200, paragraph="op17")
    assert "OP17: since 72/169 · changed 75/180" in out
    assert "72/169  OP17 (first version)\nDecides to continue its consideration of the question at its seventy-third session." in out
    assert "[-seventy-third-]{+seventy-fifth+}" in out and "[-seventy-fifth-]{+seventy-sixth+}" in out


def test_html_is_self_contained_expandable_and_prints_open(h):
    page = render_html(h)
    assert page.startswith("<!DOCTYPE html>")
    assert "http" not in page.replace("http-equiv", "")  # no external assets
    assert page.count('<details class="par"') == len(h.paragraphs)
    assert "beforeprint" in page and "@media print" in page
    assert '<table class="versions">' in page and "<td>75/180" not in page  # symbols come after a swatch
    assert "<del>70/153</del><ins>72/169</ins>" in page


def test_markdown_has_notes_and_versions(h):
    md = render_markdown(h)
    assert md.startswith("# History of Enhancement of international cooperation")
    assert "| 74/153 | 74 | 2019-12-18 |" in md
    assert "**OP17** — *since 72/169 · changed 75/180*" in md


def test_json_shape_of_issue_13(h):
    data = json.loads(dumps(history_dict(h)))
    assert set(data) == {"versions", "paragraphs", "removed", "notes"}
    assert set(data["versions"][0]) == {"symbol", "session", "date", "source"}
    p = next(p for p in data["paragraphs"] if p["label"] == "PP11")
    assert set(p) == {"label", "kind", "text", "first_seen", "last_changed", "timeline"}
    assert p["kind"] == "preambular"
    assert p["timeline"] == [
        {"version": "72/169", "label": None, "status": None, "text_changed": False, "text": None},
        {"version": "74/153", "label": "PP11", "status": "inserted", "text_changed": True, "text": p["text"]},
        {"version": "75/180", "label": "PP11", "status": "unchanged", "text_changed": False, "text": p["text"]},
    ]
    removed = data["removed"][0]
    assert removed["version"] == "72/169" and removed["removed_in"] == "74/153"
    assert removed["kind"] == "operative" and removed["first_seen"] == "72/169" and removed["label"] == "OP15"
    op17 = next(p for p in data["paragraphs"] if p["label"] == "OP17")
    assert op17["kind"] == "operative"
    assert [s["text"].split(" at its ")[1][:14] for s in op17["timeline"]] == ["seventy-third ", "seventy-fifth ", "seventy-sixth "]


# ── Chinese labels for Chinese texts (the compare reports' rule: render.common.label_language) ──────────

@pytest.fixture(scope="module")
def zh():
    return history([load(corpus(n)) for n in ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt")])


def _latin_words(text: str, h) -> set[str]:
    """Latin words outside labels (PP3, OP1), symbols and file names: English left in a Chinese view."""
    import re

    for v in h.versions:
        text = text.replace(v.source, "")
    return set(re.findall(r"(?<![/\w])[A-Za-z]{2,}(?![\d/\w])", text)) - {"PP", "OP", "RES", "Add"}


def test_chinese_history_terminal_is_in_chinese(zh):
    out = render_terminal(zh, width=100)
    assert out.startswith("沿革：促进和保护人权的区域安排（2个版本）\n注：标题不同：")
    assert "  版本      届会    日期    文件" in out
    assert "PP8  55/105新增\n认为联合国与人权领域" in out
    assert "PP1  始于51/102 · 55/105修改\n" in out
    assert "期间删除的段落" in out and "51/102的PP8，55/105删除\n审议了秘书长的报告," in out
    assert _latin_words(out, zh) == set()
    one = render_terminal(zh, width=100, paragraph="PP4")
    assert "PP4：始于51/102 · 55/105修改" in one
    assert "51/102  PP4（首次出现）" in one and "55/105  PP4（合并、文字有改动）" in one
    assert _latin_words(one, zh) == set()


def test_chinese_history_html_and_markdown_are_in_chinese(zh):
    import html as html_module
    import re

    page = render_html(zh)
    assert '<html lang="zh-Hans">' in page and "<title>沿革：促进和保护人权的区域安排</title>" in page
    assert "<caption>各版本（从旧到新）</caption><tr><th>版本</th><th>届会</th>" in page
    assert '<span class="age">自51/102起未改</span>' not in page  # every paragraph changed in this pair
    assert '<span class="age">55/105新增</span><span class="more">沿革 ▸</span>' in page
    visible = html_module.unescape(re.sub(r"<style>.*?</style>|<script>.*?</script>|<[^>]+>", " ", page, flags=re.S))
    assert _latin_words(visible, zh) == set()
    md = render_markdown(zh)
    assert md.startswith("# 沿革：促进和保护人权的区域安排\n\n> 注：标题不同")
    assert "| 版本 | 届会 | 日期 | 文件 |" in md and "**PP8** — *55/105新增*" in md
    assert "## 期间删除的段落" in md and "51/102的**PP8**，55/105删除" in md
    assert _latin_words(re.sub(r"</?del>", "", md).replace("\\", ""), zh) == set()


def test_json_keeps_machine_values_for_chinese_texts(zh):
    data = json.loads(dumps(history_dict(zh)))
    pp4 = next(p for p in data["paragraphs"] if p["label"] == "PP4")
    assert [s["status"] for s in pp4["timeline"]] == ["unchanged", "merged"]  # statuses are not translated
    assert pp4["kind"] == "preambular"
