"""lazyre: a module-level pattern compiled on first use behaves as the pattern re.compile makes."""

from __future__ import annotations

import re

import pytest

from conftest import SEED
from resdiff.lazyre import lazy_compile


def test_nothing_is_compiled_before_the_first_use():
    broken = lazy_compile(r"(unclosed")  # re.compile would raise here
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_answers_as_the_compiled_pattern_on_a_real_text():
    text = SEED.read_text(encoding="utf-8")
    source, flags = r"(?P<year>\d{4})\s*年\s*(\d{1,2})\s*月|session", re.I
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("<>", text) == compiled.sub("<>", text) and lazy.split(text) == compiled.split(text)
    assert lazy.findall(text) == compiled.findall(text) and lazy.search(text, 100).span() == compiled.search(text, 100).span()
    assert (lazy.flags, lazy.groups, lazy.groupindex, lazy.pattern) == (compiled.flags, compiled.groups, compiled.groupindex, source)
    assert lazy.match(text) is None and lazy.fullmatch("Session").group() == "Session"


def test_after_the_first_use_calls_go_straight_to_the_compiled_pattern():
    lazy = lazy_compile(r"\d+")
    assert lazy.search("a 12").group() == "12"
    assert lazy.search == re.compile(r"\d+").search and "sub" in vars(lazy)  # bound methods of the compiled pattern
