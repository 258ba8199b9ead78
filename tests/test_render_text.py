"""render/text.py: a Resolution written as text reads back as the same Resolution (used by draft -o .txt)."""

from __future__ import annotations

import pytest

from conftest import corpus
from resdiff.read import read_file
from resdiff.read.text import parse_text
from resdiff.render.text import resolution_text


@pytest.mark.parametrize("name", ["A_RES_75_180.zh.txt", "A_RES_75_180.en.txt", "A_RES_72_169.en.txt",
                                  "A_RES_55_105.zh.excerpt.txt"])
def test_text_round_trip(name):
    original = read_file(corpus(name))
    back = parse_text(resolution_text(original), source="round trip")
    assert [(p.label, p.text, p.footnotes, p.footnote_positions) for p in back.paragraphs] == [
        (p.label, p.text, p.footnotes, p.footnote_positions) for p in original.paragraphs]
    assert [(f.number, f.text) for f in back.footnotes] == [(f.number, f.text) for f in original.footnotes]
    for field in ("session", "agenda_item", "number", "title", "date", "report_symbol", "plenary_meeting"):
        assert getattr(back.header, field) == getattr(original.header, field), field
