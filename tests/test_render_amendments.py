"""The Word file of `compare --format amendments -o x.docx` (render/amendments.py): Chinese set as Chinese."""

from __future__ import annotations

import io
import zipfile

from resdiff import compare, load
from resdiff.amendments import amendments_from
from resdiff.render.amendments import render_docx, render_text

import pytest
from conftest import corpus
from test_render_docx import schema_errors


def _parts(data: bytes) -> tuple[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/styles.xml").decode("utf-8"), z.read("word/document.xml").decode("utf-8")


def test_chinese_amendments_docx_sets_its_quotes_as_east_asian_marks():
    old, new = load(corpus("A_RES_51_102.zh.excerpt.txt")), load(corpus("A_RES_55_105.zh.excerpt.txt"))
    amendments = amendments_from(compare(old, new))
    styles, document = _parts(render_docx(amendments, "zh", "A/RES/51/102", old.header.title))
    # “…” are ambiguous-width: without the hint Word and LibreOffice draw them with the Latin font
    assert 'w:hint="eastAsia"' in styles and 'w:eastAsia="zh-CN"' in styles
    assert "在序言部分第三段中，将“事项的1996年4月19日第1996/55”改为“主题的2000年4月26日第2000/80”。" in document
    first = render_text(amendments, "zh").splitlines()[0].split(". ", 1)[1]
    assert first in document


def test_english_amendments_docx_has_no_east_asian_hint():
    old, new = load(corpus("A_RES_72_169.en.txt")), load(corpus("A_RES_74_153.en.txt"))
    styles, document = _parts(render_docx(amendments_from(compare(old, new)), "en", "A/RES/72/169", old.header.title))
    assert 'w:hint="eastAsia"' not in styles
    assert "In the third preambular paragraph, replace “70/153 of 17 December 2015” with “72/169 of 19 December 2017”." in document


@pytest.mark.parametrize(("old_name", "new_name", "lang"), [
    ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt", "zh"),
    ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "en"),
])
def test_amendments_docx_is_valid_for_word(old_name, new_name, lang, tmp_path):
    # python-docx's default template carries a stylesWithEffects part that disagrees with its styles
    # (Word repairs the file on opening); the document is built on resdiff's own template instead
    old, new = load(corpus(old_name)), load(corpus(new_name))
    data = render_docx(amendments_from(compare(old, new)), lang, old.header.symbol, old.header.title)
    assert schema_errors(data, tmp_path) == []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "word/stylesWithEffects.xml" not in z.namelist()
