"""Chinese numerals and English ordinal words, both ways, for every session number 1..200."""

from __future__ import annotations

import re

import pytest

from resdiff.lang.numerals import (
    EN_ORDINAL,
    ZH_NUMERAL,
    en_ordinal,
    en_ordinal_like,
    en_session,
    match_case,
    parse_en_ordinal,
    parse_zh_numeral,
    zh_numeral,
    zh_session,
)

ALL = range(1, 201)
_EN = re.compile(rf"\b{EN_ORDINAL}\b", re.I)

# Written out by hand (not by the code under test), so a rule error cannot confirm itself.
ZH_KNOWN = {
    1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 70: "七十", 75: "七十五",
    79: "七十九", 80: "八十", 99: "九十九", 100: "一百", 101: "一百零一", 109: "一百零九", 110: "一百一十",
    111: "一百一十一", 119: "一百一十九", 120: "一百二十", 150: "一百五十", 199: "一百九十九", 200: "二百",
}
EN_KNOWN = {
    1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 8: "eighth", 9: "ninth", 11: "eleventh",
    12: "twelfth", 13: "thirteenth", 20: "twentieth", 21: "twenty-first", 22: "twenty-second", 40: "fortieth",
    52: "fifty-second", 75: "seventy-fifth", 76: "seventy-sixth", 79: "seventy-ninth", 80: "eightieth",
    99: "ninety-ninth", 100: "one hundredth", 101: "one hundred and first", 102: "one hundred and second",
    110: "one hundred and tenth", 112: "one hundred and twelfth", 121: "one hundred and twenty-first",
    199: "one hundred and ninety-ninth", 200: "two hundredth",
}


@pytest.mark.parametrize("n", ALL)
def test_zh_numeral_round_trip(n):
    text = zh_numeral(n)
    assert parse_zh_numeral(text) == n
    assert re.fullmatch(ZH_NUMERAL, text)
    assert parse_zh_numeral(zh_session(n)[1:-3]) == n


@pytest.mark.parametrize("n", ALL)
def test_en_ordinal_round_trip_and_regex(n):
    text = en_ordinal(n)
    assert parse_en_ordinal(text) == n
    assert _EN.fullmatch(text), text
    # the form without "and" ("one hundred first") and the capitalised form are read too
    plain = text.replace(" and ", " ")
    assert parse_en_ordinal(plain) == n and _EN.fullmatch(plain)
    assert parse_en_ordinal(text.capitalize()) == n and _EN.fullmatch(text.upper())
    assert parse_en_ordinal(text.replace("-", " ")) == n
    # a PDF's justified text layer leaves spaces around the hyphen: "fifty -ninth", "seventy - ninth"
    for spaced in (text.replace("-", " -"), text.replace("-", " - ")):
        assert _EN.fullmatch(spaced) and parse_en_ordinal(spaced) == n, spaced


@pytest.mark.parametrize("n", range(1, 200))
def test_successor_is_the_next_number_in_both_languages(n):
    assert parse_zh_numeral(zh_numeral(n)) + 1 == parse_zh_numeral(zh_numeral(n + 1))
    assert parse_en_ordinal(en_ordinal(n)) + 1 == parse_en_ordinal(en_ordinal(n + 1))


def test_known_chinese_forms():
    for n, text in ZH_KNOWN.items():
        assert zh_numeral(n) == text
        assert parse_zh_numeral(text) == n


def test_known_english_forms():
    for n, text in EN_KNOWN.items():
        assert en_ordinal(n) == text
        assert parse_en_ordinal(text) == n


def test_chinese_variants_accepted_when_reading():
    assert parse_zh_numeral("一十") == 10
    assert parse_zh_numeral("一十五") == 15
    assert parse_zh_numeral("两百") == 200
    assert parse_zh_numeral("一百十") == 110
    assert parse_zh_numeral("一百〇九") == 109
    assert parse_zh_numeral("二〇二〇") == 2020


@pytest.mark.parametrize("bad", ["", "零", "十十", "百一", "abc", "七十五届"])
def test_chinese_rejects_non_numerals(bad):
    with pytest.raises(ValueError):
        parse_zh_numeral(bad)


def test_english_variants_accepted_when_reading():
    assert parse_en_ordinal("one hundred first") == 101
    assert parse_en_ordinal("One Hundred and First") == 101
    assert parse_en_ordinal("seventy sixth") == 76
    assert parse_en_ordinal("76th") == 76
    assert parse_en_ordinal("hundredth") == 100


@pytest.mark.parametrize("bad", ["", "seventy", "sixth seventh", "and first", "one hundred and", "session", "seventy hundredth"])
def test_english_rejects_non_ordinals(bad):
    with pytest.raises(ValueError):
        parse_en_ordinal(bad)


def test_capitalisation_is_preserved():
    assert en_ordinal_like(76, "Seventy-fifth") == "Seventy-sixth"
    assert en_ordinal_like(76, "seventy-fifth") == "seventy-sixth"
    assert en_ordinal_like(76, "Seventy-Fifth") == "Seventy-Sixth"
    assert en_ordinal_like(76, "SEVENTY-FIFTH") == "SEVENTY-SIXTH"
    assert en_ordinal_like(100, "Ninety-ninth") == "One hundredth"
    assert en_ordinal_like(101, "One Hundredth") == "One Hundred and First"
    assert en_ordinal_like(80, "Seventy-ninth") == "Eightieth"
    assert en_ordinal_like(76, "75th") == "76th"
    assert en_ordinal_like(112, "111th") == "112th"
    assert match_case("First", "second") == "Second"


def test_session_strings():
    assert zh_session(76) == "第七十六届会议"
    assert zh_session(110) == "第一百一十届会议"
    assert en_session(76) == "Seventy-sixth session"
    assert en_session(101) == "One hundred and first session"


def test_regex_finds_ordinals_in_running_text_longest_first():
    text = "at its one hundred and first session, not the seventy-fifth anniversary; the Twentieth"
    assert _EN.findall(text) == ["one hundred and first", "seventy-fifth", "Twentieth"]
    assert re.findall(ZH_NUMERAL, "大会第七十六届会议") == ["七十六"]
