"""List numbers Word spells out, custom number formats, symbol-font characters (read/wordnumbers.py)."""

from __future__ import annotations

import pytest

from resdiff.read.wordnumbers import custom_number, es_cardinal, fr_cardinal, spelled, symbol_char


@pytest.mark.parametrize("n, fmt, lang, expected", [
    (1, "ordinal", "en-US", "1st"), (12, "ordinal", "en-GB", "12th"), (23, "ordinal", "en-US", "23rd"),
    (1, "ordinalText", "en-US", "First"), (21, "ordinalText", "en-US", "Twenty-first"),
    (3, "cardinalText", "en-US", "Three"), (42, "cardinalText", "en-US", "Forty-two"),
    (1, "ordinal", "fr-FR", "1er"), (2, "ordinal", "fr-FR", "2e"),
    (1, "ordinalText", "fr-FR", "Premier"), (5, "ordinalText", "fr-FR", "Cinquième"),
    (9, "ordinalText", "fr-FR", "Neuvième"), (21, "ordinalText", "fr-FR", "Vingt et unième"),
    (71, "cardinalText", "fr-FR", "Soixante et onze"), (80, "cardinalText", "fr-FR", "Quatre-vingts"),
    (81, "cardinalText", "fr-FR", "Quatre-vingt-un"), (99, "cardinalText", "fr-FR", "Quatre-vingt-dix-neuf"),
    (200, "cardinalText", "fr-FR", "Deux cents"), (201, "cardinalText", "fr-FR", "Deux cent un"),
    (1, "ordinal", "es-ES", "1.º"), (1, "ordinalText", "es-ES", "Primero"), (13, "ordinalText", "es-ES", "Decimotercero"),
    (22, "ordinalText", "es-ES", "Vigésimo segundo"), (21, "cardinalText", "es-ES", "Veintiuno"),
    (31, "cardinalText", "es-ES", "Treinta y uno"), (100, "cardinalText", "es-ES", "Cien"),
    (101, "cardinalText", "es-ES", "Ciento uno"),
    (3, "ordinal", "zh-CN", "第3"), (12, "ordinalText", "zh-CN", "第十二"), (21, "cardinalText", "zh-CN", "二十一"),
    (4, "cardinalText", "ru-RU", "Four"),  # a language without words here: English, as Word does
])
def test_spelled_list_numbers(n, fmt, lang, expected):
    assert spelled(n, fmt, lang) == expected


def test_cardinals_cover_the_range_a_list_reaches():
    assert all(fr_cardinal(n) and es_cardinal(n) for n in range(0, 10000, 7))


def test_custom_format_pads_like_its_first_example():
    assert custom_number(7, "001, 002, 003, ...") == "007"
    assert custom_number(12, "01, 02, 03, ...") == "12"
    assert custom_number(5, "０１, ０２, ０３, ...") == "０５"
    assert custom_number(5, "一, 二, 三, ...") == "5"


def test_symbol_font_characters_become_what_the_font_shows():
    assert symbol_char("\uf0b7", "Symbol") == "•"
    assert symbol_char("\uf0a7", "Wingdings") == "▪"
    assert symbol_char("\uf02d", "Symbol") == "–"
    assert symbol_char("\uf0b7", None) == "•"
    assert symbol_char("o", "Courier New") == "o"
    assert symbol_char("abc", "Symbol") == "αβχ"
