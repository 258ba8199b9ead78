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
    assert "Removed along the way" in out and "OP15 of 72/169 (since 72/169), removed in 74/153" in out


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
    assert set(p) == {"label", "text", "first_seen", "last_changed", "timeline"}
    assert p["timeline"] == [
        {"version": "72/169", "label": None, "status": None, "text_changed": False},
        {"version": "74/153", "label": "PP11", "status": "inserted", "text_changed": True},
        {"version": "75/180", "label": "PP11", "status": "unchanged", "text_changed": False},
    ]
    assert data["removed"][0]["version"] == "72/169" and data["removed"][0]["removed_in"] == "74/153"
