"""Generic tokenizer (English and the other official languages): exact rebuild and single tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS
from resdiff.lang import en, tokenize


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_tokens_rebuild_every_corpus_text_exactly(path: Path):
    text = path.read_text(encoding="utf-8")
    for lang in ("en", "other"):
        tokens = tokenize(text, lang)
        assert "".join(tokens) == text
        assert all(tokens)


@pytest.mark.parametrize(
    "text, token",
    [
        ("Recalling its resolution 74/153 of 18 December 2019,", "74/153"),
        ("the report of the Third Committee (A/75/478/Add.2, para. 89)", "A/75/478/Add.2"),
        ("see E/CN.4/2001/2.", "E/CN.4/2001/2"),
        ("A/CONF.157/24 (Part I), chap. III.", "A/CONF.157/24"),
        ("A/CONF.157/24(Part I), chap. III.", "A/CONF.157/24(Part I)"),
        ("adopted as A/RES/75/180.", "A/RES/75/180"),
        ("Human Rights Council resolution 44/18 of 17 July 2020", "44/18"),
        ("a budget of 1,234.5 million", "1,234.5"),
        ("at its seventy-fifth session", "seventy-fifth"),
        ("the States' obligations", "States"),
        ("l’homme et du citoyen", "l’homme"),
        ("Réaffirmant que les États", "États"),
        ("Генеральная Ассамблея,", "Ассамблея"),
        ("إن الجمعية العامة،", "الجمعية"),
    ],
)
def test_single_tokens(text, token):
    assert token in tokenize(text, "en")


def test_symbol_does_not_swallow_the_full_stop():
    assert tokenize("A/RES/75/180.", "en") == ["A/RES/75/180", "."]


def test_whitespace_runs_and_punctuation():
    assert tokenize("rights,\n  and (b)", "en") == ["rights", ",", "\n  ", "and", " ", "(", "b", ")"]


def test_cjk_in_generic_text_is_one_character_a_token():
    assert tokenize("see 人权 now", "other") == ["see", " ", "人", "权", " ", "now"]


def test_footnote_number_glued_to_a_year_stays_one_number():
    # PDF extraction glues note 3 to 2020 ("20203"); the tokenizer cannot know, the reader must.
    assert "20203" in en.tokenize("Agenda 20203 and")


def test_tokens_as_with_a_rule_of_their_own_for_cjk_ideographs():
    # The token pattern has no CJK rule (its class would cost ~1 ms to compile): each ideograph still is
    # a token alone, as the former "… | WORD | CJK | any character" pattern made it, on every corpus
    # text and every character of the first three planes.
    import re

    with_cjk_rule = re.compile(rf"\s+|{en.SYMBOL}|{en.NUMBER}|{en.WORD}|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\s\S]")
    every_character = "".join(map(chr, range(0x30000)))
    texts = [every_character, " ".join(every_character), "中国A/RES/75/180号决议第5段l'homme人权"]
    texts += [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt"))]
    for text in texts:
        assert en.tokenize(text) == with_cjk_rule.findall(text)
