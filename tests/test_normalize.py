"""normalize: layout noise, and Traditional versus Simplified script as noise (issue 9, class 11)."""

from __future__ import annotations

import os
import subprocess
import sys

import opencc
import pytest

from conftest import SEED, corpus
from resdiff.comparison import compare
from resdiff.normalize import _PHRASE_ONLY, _t2s_phrases, _traditional_chars, has_traditional, normalize, to_simplified
from resdiff.read.text import parse_text


def test_traditional_and_simplified_are_the_same_key():
    assert normalize("促進和保護人權的區域安排") == normalize("促进和保护人权的区域安排")
    assert normalize("回顧 嚴重關切 確認 考慮到 第 49/150 號決議") == normalize("回顾严重关切确认考虑到第49/150号决议")
    assert normalize("有助於") == "有助于"


def test_simplified_and_english_texts_are_left_alone():
    text = SEED.read_text(encoding="utf-8")
    assert not has_traditional(text)
    assert to_simplified(text) is text
    assert not has_traditional(corpus("A_RES_75_180.en.txt").read_text(encoding="utf-8"))


def test_detection_set_is_the_converters_own_table():
    table = os.path.join(os.path.dirname(opencc.__file__), "dictionary", "TSCharacters.txt")
    changed = set()
    with open(table, encoding="utf-8") as f:
        for line in f:
            key, values = line.rstrip("\n").split("\t")
            if key != values.split(" ")[0]:
                changed.add(key)
    assert _traditional_chars() == changed


def test_phrase_only_characters_are_the_phrase_tables_own():
    """Characters the character table keeps but a phrase converts (瞭解 → 了解): derived from the installed
    TSPhrases.txt, so a new OpenCC release that adds one is noticed."""
    _, phrases = _t2s_phrases()
    derived = {a for k, v in phrases.items() for a, b in zip(k, v) if a == to_simplified(a) and a != b}
    assert derived - _traditional_chars() == set(_PHRASE_ONLY)


def test_words_traditional_only_in_a_phrase_are_simplified_with_offsets_kept():
    # 瞭解 (Taiwan's 了解), 答覆, 計畫 (not 计画), and 乾隆 left alone although 乾 alone is 干
    for trad, simp in [("相互瞭解", "相互了解"), ("答覆", "答复"), ("擬訂計畫", "拟订计划"), ("乾隆年間", "乾隆年间")]:
        assert has_traditional(trad)
        assert to_simplified(trad) == simp
        assert len(to_simplified(trad)) == len(trad)
    assert not has_traditional("覆盖全球") and to_simplified("瞭望") == "瞭望"
    assert normalize("促進相互瞭解") == normalize("促进相互了解")


def test_converter_loads_only_for_traditional_text():
    code = (
        "import sys; from resdiff.comparison import compare; from resdiff.read import read_file;"
        f"r = read_file({str(SEED)!r}); compare(r, r); print('opencc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_seed_in_traditional_script_compares_unchanged_synthetic():
    """The seed converted to Traditional with OpenCC s2t (synthetic): no paragraph changes its text,
    and the header reads the same; --strict sees every paragraph changed."""
    seed = SEED.read_text(encoding="utf-8")
    old = parse_text(seed, source="seed")
    new = parse_text(opencc.OpenCC("s2t").convert(seed), source="traditional")
    loose = compare(old, new)
    changed = [p.new for p in loose.pairs if p.status != "unchanged"]
    assert changed == []
    assert not loose.has_differences
    assert all(p.status == "modified" for p in compare(old, new, strict=True).pairs)


def test_is_cjk_tests_the_same_characters_as_the_cjk_class():
    # is_cjk compares code points (a class over these ranges costs ~1 ms to compile): every character
    # of Unicode must get the answer the regex class gives, the empty string too.
    import re

    from resdiff.normalize import _CJK, is_cjk

    cjk_class = re.compile(f"[{_CJK}]")
    assert [c for c in map(chr, range(0x110000)) if is_cjk(c) != bool(cjk_class.match(c))] == []
    assert not is_cjk("") and is_cjk("中a") and not is_cjk("a中")
    assert is_cjk("\u3000") and is_cjk("\uffef") and not is_cjk("\ufff0") and not is_cjk("\u2e7f")


def test_range_bounds_refuses_what_is_not_a_sorted_run_of_ranges():
    from resdiff.normalize import range_bounds

    assert range_bounds(r"\u3400-\u4dbf\u4e00-\u9fff") == (0x3400, 0x4DC0, 0x4E00, 0xA000)
    for bad in (r"\u3400", r"\u4e00-\u9fff\u3400-\u4dbf", r"a-z", r"\u3400-\u4dbf,"):
        with pytest.raises(ValueError):
            range_bounds(bad)
