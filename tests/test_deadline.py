"""The time limit a request's work keeps itself (resdiff serve): results never depend on it."""

from __future__ import annotations

import random
import time

import pytest

from resdiff import compare, deadline, load
from resdiff.read.text import parse_text

from conftest import corpus


def huge_pair(words: int) -> tuple[str, str]:
    """Synthetic: two versions each with one preambular paragraph of ``words`` words drawn at random from
    a real resolution (unrelated orders: the slowest case for a word diff), and one operative paragraph."""
    vocabulary = corpus("A_RES_72_169.en.txt").read_text(encoding="utf-8").split()
    rng = random.Random(7)

    def text() -> str:
        body = " ".join(rng.choice(vocabulary) for _ in range(words))
        return ("Seventy-second session\nAgenda item 1\n72/999. Test\nThe General Assembly,\n\n"
                f"Recalling {body},\n\n1. Decides to remain seized of the matter.\n")

    return text(), text()


def test_without_a_limit_check_never_raises_and_remaining_is_none():
    deadline.check()
    assert deadline.remaining() is None


def test_past_the_limit_check_raises_and_the_limit_ends_with_its_block():
    with deadline.limit_until(time.monotonic() - 1):
        assert deadline.remaining() == 0.0
        with pytest.raises(deadline.OutOfTime):
            deadline.check()
    deadline.check()


def test_a_comparison_past_its_limit_stops():
    old, new = load(corpus("A_RES_72_169.en.txt")), load(corpus("A_RES_74_153.en.txt"))
    with deadline.limit_until(time.monotonic() - 1), pytest.raises(deadline.OutOfTime):
        compare(old, new)


@pytest.mark.parametrize("names", [("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
                                   ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt")])
def test_a_comparison_within_its_limit_is_the_same_as_without(names):
    old, new = (load(corpus(n)) for n in names)
    with deadline.limit_until(time.monotonic() + 600):
        limited = compare(old, new)
    assert limited == compare(old, new)


def test_synthetic_huge_unrelated_paragraphs_stop_soon_after_the_limit():
    old, new = (parse_text(t) for t in huge_pair(12_000))
    start = time.monotonic()
    with deadline.limit_until(start + 0.1), pytest.raises(deadline.OutOfTime):
        compare(old, new)  # ~0.6 s without a limit (2-core dev machine); stops within ~5 ms of the limit
    assert time.monotonic() - start < 0.5
