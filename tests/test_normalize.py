"""normalize: layout noise, and Traditional versus Simplified script as noise (issue 9, class 11)."""

from __future__ import annotations

import os
import subprocess
import sys

import opencc

from conftest import SEED, corpus
from resdiff.comparison import compare
from resdiff.normalize import _traditional_chars, has_traditional, normalize, to_simplified
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
