"""Word-level diff: real paragraph pairs, layout noise, compound refinement, and property tests over
random token-level edits of real corpus paragraphs."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SEED
from resdiff.lang import tokenize
from resdiff.model import Segment
from resdiff.worddiff import _inner_cuts, diff_words, rebuild_new, rebuild_old


def paragraphs(name: str) -> list[str]:
    """Blank-line separated blocks of a corpus file, indentation kept (no reader involved)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def starting(name: str, prefix: str) -> str:
    found = [p for p in paragraphs(name) if p.strip().startswith(prefix)]
    assert len(found) == 1, prefix
    return found[0]


def show(segments) -> str:
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return "".join(marks[s.op].format(s.text) for s in segments)


def changes(segments) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in segments if s.op != "equal"]


def check_shape(old: str, new: str, segments) -> None:
    assert rebuild_old(segments) == old
    assert rebuild_new(segments) == new
    for a, b in zip(segments, segments[1:]):
        assert a.op != b.op, "adjacent segments of one kind are merged"
    for s in segments:
        assert s.text or s.old_text
        assert s.old_text is None or (s.op == "equal" and s.old_text != s.text)


# More random examples on demand: RESDIFF_HYPOTHESIS_EXAMPLES=3000 (passes; ~80 s).
EXAMPLES = int(os.environ.get("RESDIFF_HYPOTHESIS_EXAMPLES", "150"))

ZH_51 = "A_RES_51_102.zh.excerpt.txt"
ZH_55 = "A_RES_55_105.zh.excerpt.txt"


# ── real pairs ───────────────────────────────────────────────────────────────────────────────────

def test_title_51_102_to_55_105_whole_numbers_and_whole_words():
    old = starting(ZH_51, "51/102.")
    new = starting(ZH_55, "55/105.")
    segments = diff_words(old, new, "zh")
    check_shape(old, new, segments)
    assert segments == (
        Segment("delete", "51/102"),
        Segment("insert", "55/105"),
        Segment("equal", ". ", old_text=".  "),
        Segment("delete", "增进"),
        Segment("insert", "促进"),
        Segment("equal", "和保护人权的区域安排"),
    )


def test_rename_of_the_commission_shows_deletion_of_renquan():
    old = starting(ZH_51, "铭记人权委员会")
    new = starting(ZH_55, "铭记委员会")
    segments = diff_words(old, new, "zh")
    check_shape(old, new, segments)
    assert show(segments).startswith("铭记[-人权-]委员会关于人权领域咨询服务{+和技术合作+}的各项有关决议")
    # a date and a resolution number change as whole numbers, the month that stayed is not touched
    assert ("delete", "1996") in changes(segments) and ("insert", "2000") in changes(segments)
    assert ("delete", "19") in changes(segments) and ("insert", "26") in changes(segments)
    assert ("delete", "1996/55") in changes(segments) and ("insert", "2000/80") in changes(segments)
    assert "年4月" in [s.text for s in segments if s.op == "equal"]


def test_real_operative_paragraph_pair_reads_word_by_word():
    old = starting(ZH_51, "2.  欢迎")
    new = starting(ZH_55, "2. 欢迎")
    segments = diff_words(old, new, "zh")
    check_shape(old, new, segments)
    assert show(segments).startswith("2. 欢迎联合国人权事务高级专员办事处[-/人权事务中心-]继续提供合作[-与-]{+和+}援助{+,+}以")


def test_english_recall_chain_numbers_change_whole():
    old = starting("A_RES_72_169.en.txt", "Recalling also its adoption")
    new = starting("A_RES_74_153.en.txt", "Recalling also its adoption")
    segments = diff_words(old, new, "en")
    check_shape(old, new, segments)
    found = changes(segments)
    assert found == [
        ("delete", "70/153"), ("insert", "72/169"), ("delete", "17"), ("insert", "19"),
        ("delete", "2015"), ("insert", "2017"), ("delete", "32/6"), ("insert", "38/3"),
        ("delete", "30 June 20163"), ("insert", "5 July 20183"),
    ]
    # line wraps and the footnote mark's spacing ("2000,2 " / "2000, 2  ") are layout, shown in strict mode
    assert ("insert", "2000, 2  ") in changes(diff_words(old, new, "en", strict=True))


# ── refinement of replaced compounds ──────────────────────────────────────────────────────────────

def test_synthetic_added_adverb_before_a_verb():
    segments = diff_words("可以在这方面发挥重要作用", "可以在这方面充分发挥重要作用", "zh")
    assert show(segments) == "可以在这方面{+充分+}发挥重要作用"


def test_synthetic_compound_shortened_keeps_its_tail():
    segments = diff_words("又回顾人权委员会的决议", "又回顾委员会的决议", "zh")
    assert show(segments) == "又回顾[-人权-]委员会的决议"


def test_synthetic_two_word_swaps_around_an_unchanged_word_stay_apart():
    # GUIDE.md §7: diff_cleanupSemantic on the token string would give [-和尊重多样性-]{+与尊重多元性+}
    segments = diff_words("促进宽容和尊重多样性的文化", "促进宽容与尊重多元性的文化", "zh")
    assert show(segments) == "促进宽容[-和-]{+与+}尊重[-多样性-]{+多元性+}的文化"


def test_synthetic_verb_swap_is_a_whole_word_not_a_shared_character():
    segments = diff_words("增进人权领域的国际合作", "促进人权领域的国际合作", "zh")
    assert show(segments) == "[-增进-]{+促进+}人权领域的国际合作"


def test_synthetic_session_ordinal_changes_as_one_token():
    old = "决定在大会第七十六届会议上继续审议这个问题。"
    segments = diff_words(old, old.replace("七十六", "七十七"), "zh")
    assert changes(segments) == [("delete", "第七十六届"), ("insert", "第七十七届")]


def test_same_text_cut_differently_by_jieba_is_equal():
    # Context can make jieba cut one phrase in two ways; the diff compares text, not cuts.
    segments = diff_words("人权事务中心", "人权事务中心", "zh")
    assert segments == (Segment("equal", "人权事务中心"),)


# ── layout noise ─────────────────────────────────────────────────────────────────────────────────

_SPACE_AT_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff，。、；：（）《》“”]) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z,)]) +(?=[\u4e00-\u9fff，。、；：（）《》“”])")


def test_seed_without_spaces_around_digits_is_equal_unless_strict():
    seed = SEED.read_text(encoding="utf-8")
    squeezed = _SPACE_AT_DIGITS.sub("", seed)
    assert squeezed != seed and "2020年12月16日" in squeezed
    segments = diff_words(seed, squeezed, "zh")
    assert [s.op for s in segments] == ["equal"]
    check_shape(seed, squeezed, segments)
    strict = diff_words(seed, squeezed, "zh", strict=True)
    check_shape(seed, squeezed, strict)
    shown = changes(strict)
    assert shown and all(op == "delete" and text.strip() == "" for op, text in shown)
    assert "2020[- -]年[- -]12[- -]月" in show(strict)


@pytest.mark.parametrize("index", range(len(paragraphs("A_RES_75_180.zh.txt"))))
def test_half_width_punctuation_is_equal_unless_strict(index):
    para = paragraphs("A_RES_75_180.zh.txt")[index]
    half = para.translate(str.maketrans("，；：（）", ",;:()"))
    segments = diff_words(para, half, "zh")
    assert [s.op for s in segments] in ([], ["equal"])
    check_shape(para, half, segments)
    if half != para:
        assert changes(diff_words(para, half, "zh", strict=True))


def test_line_wraps_are_equal_unless_strict():
    old = starting("A_RES_72_169.en.txt", "Recalling its resolution 70/1")
    new = " ".join(old.split())
    assert [s.op for s in diff_words(old, new, "en")] == ["equal"]
    assert changes(diff_words(old, new, "en", strict=True))


def test_markdown_asterisks_are_layout():
    segments = diff_words("1. **重申**通过国际合作", "1. 重申通过国际合作", "zh")
    assert [s.op for s in segments] == ["equal"]
    assert changes(diff_words("1. **重申**通过国际合作", "1. 重申通过国际合作", "zh", strict=True)) == [("delete", "**"), ("delete", "**")]


def test_space_on_one_side_at_the_ends_is_not_a_change():
    segments = diff_words("  大会，", "大会,\n", "zh")
    assert [s.op for s in segments] == ["equal"]
    check_shape("  大会，", "大会,\n", segments)


def test_empty_sides():
    assert diff_words("", "", "zh") == ()
    assert diff_words("", "大会", "zh") == (Segment("insert", "大会"),)
    assert diff_words("大会", "", "zh") == (Segment("delete", "大会"),)
    check_shape(" ", "大会", diff_words(" ", "大会", "zh"))


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_each_corpus_paragraph_against_itself_is_equal(name):
    lang = "zh" if ".zh" in name else "en"
    for para in paragraphs(name):
        # the same text with its layout redone goes through the whole token machinery
        relaid = para.replace("\n", " ") + " "
        segments = diff_words(para, relaid, lang)
        assert [s.op for s in segments] == ["equal"], para
        check_shape(para, relaid, segments)


# ── property tests over random token-level edits of real paragraphs ─────────────────────────────

CORPUS_PARAGRAPHS = {
    "zh": [p for n in ("A_RES_75_180.zh.txt", ZH_51, ZH_55, "A_RES_55_109.zh.excerpt.txt") for p in paragraphs(n)],
    "en": [p for n in ("A_RES_74_153.en.txt", "A_HRC_RES_38_3.en.excerpt.txt") for p in paragraphs(n)],
}
VOCABULARY = {
    lang: sorted({t for p in paras for t in tokenize(p, lang)}) for lang, paras in CORPUS_PARAGRAPHS.items()
}


@st.composite
def edited_paragraph(draw, lang: str):
    text = draw(st.sampled_from(CORPUS_PARAGRAPHS[lang]))
    tokens = tokenize(text, lang)
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "swap"]))
        i = draw(st.integers(0, max(0, len(tokens) - 1)))
        word = draw(st.sampled_from(VOCABULARY[lang]))
        if kind == "delete" and tokens:
            del tokens[i]
        elif kind == "insert":
            tokens.insert(i, word)
        elif kind == "replace" and tokens:
            tokens[i] = word
        elif kind == "swap" and i + 1 < len(tokens):
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
    return text, "".join(tokens)


def allowed_cuts(text: str, lang: str) -> set[int]:
    """Token boundaries, plus the sub-word cuts the diff may use inside a Chinese word."""
    cuts = {0}
    pos = 0
    for token in tokenize(text, lang):
        if lang == "zh":
            cuts.update(pos + c for c in _inner_cuts(token))
        pos += len(token)
        cuts.add(pos)
    return cuts


def change_boundaries(segments) -> tuple[set[int], set[int]]:
    """Offsets in old and in new where a change starts or ends."""
    old_cuts, new_cuts = set(), set()
    o = n = 0
    for s in segments:
        if s.op == "equal":
            o += len(s.old_text or s.text)
            n += len(s.text)
            continue
        old_cuts.add(o)
        new_cuts.add(n)
        if s.op == "delete":
            o += len(s.text)
        else:
            n += len(s.text)
        old_cuts.add(o)
        new_cuts.add(n)
    return old_cuts, new_cuts


def number_or_symbol_spans(text: str, lang: str):
    pos = 0
    for token in tokenize(text, lang):
        if len(token) > 1 and re.search(r"[0-9A-Za-z]", token):
            yield pos, pos + len(token)
        pos += len(token)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("strict", [False, True])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_rebuild_both_texts_and_cut_only_between_words(lang, strict, data):
    old, new = data.draw(edited_paragraph(lang))
    segments = diff_words(old, new, lang, strict=strict)
    check_shape(old, new, segments)
    old_cuts, new_cuts = change_boundaries(segments)
    assert old_cuts <= allowed_cuts(old, lang), show(segments)
    assert new_cuts <= allowed_cuts(new, lang), show(segments)
    for text, cuts in ((old, old_cuts), (new, new_cuts)):
        for start, end in number_or_symbol_spans(text, lang):
            assert not any(start < c < end for c in cuts), text[start:end]
        pos = 0
        for token in tokenize(text, lang):  # a cut inside a word: Chinese only, no one-character piece
            inside = [c - pos for c in cuts if pos < c < pos + len(token)]
            assert not inside or (lang == "zh" and all(2 <= c <= len(token) - 2 for c in inside)), (token, inside)
            pos += len(token)
    if old == new:
        assert all(s.op == "equal" for s in segments)


@settings(max_examples=60, deadline=None)
@given(text=st.sampled_from(CORPUS_PARAGRAPHS["zh"] + CORPUS_PARAGRAPHS["en"]))
def test_a_paragraph_against_itself_has_only_equal_segments(text):
    for strict in (False, True):
        segments = diff_words(text, text, "zh", strict=strict)
        assert [s.op for s in segments] == ["equal"]


def test_huge_unrelated_paragraphs_fall_back_and_say_so():
    """Synthetic: two unrelated 3,000-word paragraphs sharing a few unique anchor words; the diff is
    bounded, rebuilds both texts exactly, and names the coarser method in the notes."""
    import random

    from resdiff.worddiff import rebuild_new, rebuild_old

    rng = random.Random(5)
    words = [f"w{i}" for i in range(20)]
    old = " ".join(rng.choice(words) for _ in range(3000)) + " anchor " + " ".join(rng.choice(words) for _ in range(3000))
    new = " ".join(rng.choice(words) for _ in range(3000)) + " anchor " + " ".join(rng.choice(words) for _ in range(3000))
    notes: list[str] = []
    segments = diff_words(old, new, "en", notes=notes)
    assert rebuild_old(segments) == old and rebuild_new(segments) == new
    assert notes and "patience diff" in notes[0]
    notes.clear()
    diff_words("Decides to continue", "Decides to stop", "en", notes=notes)
    assert notes == []


def test_a_word_traditional_only_as_a_word_is_not_a_change():
    # 瞭解 (了解 in Traditional script, as OpenCC's s2t writes it): 瞭 alone is a Simplified character too
    from resdiff.worddiff import diff_words

    segments = diff_words("目的是提高对各个区域问题的了解,", "目的是提高對各個區域問題的瞭解,", "zh")
    assert all(s.op == "equal" for s in segments)
    assert any(s.op != "equal" for s in diff_words("目的是了解,", "目的是瞭解,", "zh", strict=True))
