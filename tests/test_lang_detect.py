"""detect_language on the corpus and on short samples of other languages."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from resdiff.lang.detect import detect_language


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_language_matches_file_name(path):
    expected = path.name.split(".")[1]  # A_RES_75_180.zh.txt → zh
    assert detect_language(path.read_text(encoding="utf-8")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rappelant sa résolution 74/153 du 18 décembre 2019, intitulée « Renforcement de la coopération »,",
        "Recordando su resolución 74/153, de 18 de diciembre de 2019, relativa al fortalecimiento de la cooperación,",
        "Ссылаясь на свою резолюцию 74/153 от 18 декабря 2019 года об укреплении международного сотрудничества,",
        "إذ تشير إلى قرارها 74/153 المؤرخ 18 كانون الأول/ديسمبر 2019 بشأن تعزيز التعاون الدولي،",
    ],
    ids=["fr", "es", "ru", "ar"],
)
def test_other_official_languages_are_other(text):
    assert detect_language(text) == "other"


def test_chinese_with_many_symbols_and_digits_is_still_chinese():
    assert detect_language("见 E/CN.4/2001/2-E/CN.4/Sub.2/2000/46，第二章，A 节。第 2000/22 号决议") == "zh"


def test_short_english():
    assert detect_language("Recalling its resolution 75/180 of 16 December 2020,") == "en"


def test_empty_or_digits_only_is_other():
    assert detect_language("") == "other"
    assert detect_language("2020 75/180") == "other"
