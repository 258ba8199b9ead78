"""Golden files for the terminal, Markdown, HTML and JSON renderers on a real pair (51/102 → 55/105).

Regenerate on purpose only: RESDIFF_REGEN_GOLDEN=1 pytest tests/test_render_reports.py, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import CORPUS, SEED, check_golden
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
    assert lines[WARNINGS_PER_KIND] == "Warning: x.txt: … and 15 more of the same kind [long-paragraph]"
    assert lines[-1].startswith("Warning: x.txt: no author line")
