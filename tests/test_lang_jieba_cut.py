"""lang.jieba_cut: jieba's HMM-off cut without importing jieba, compared with jieba itself (the same
dictionary) on every Chinese corpus file and on random text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SEED
from resdiff.lang.jieba_cut import Cutter

CHINESE_TEXTS = sorted(CORPUS.glob("*.zh*.txt"))


@pytest.fixture(scope="module")
def ours(plain_jieba):
    return Cutter(plain_jieba.FREQ, plain_jieba.total)


@pytest.mark.parametrize("path", CHINESE_TEXTS, ids=lambda p: p.name)
def test_whole_corpus_files_cut_as_jieba_cuts_them(path, ours, plain_jieba):
    """The whole file, not only the Chinese runs resdiff passes: Latin, digits, spaces, line breaks,
    punctuation take jieba's other paths (its split into blocks, single letters joined up)."""
    text = path.read_text(encoding="utf-8")
    assert ours.lcut(text) == plain_jieba.lcut(text, HMM=False)
    for line in text.splitlines():
        assert ours.lcut(line) == plain_jieba.lcut(line, HMM=False), line


# Characters of the seed, plus Chinese outside jieba's range (CJK extension A, the last unified
# ideographs, compatibility ideographs), Latin, digits, jieba's "word" punctuation, spaces, CR LF.
ALPHABET = sorted(set(SEED.read_text(encoding="utf-8")) | set("㐀䶵鿖鿿豈丽ABCxyz0129+#&._%-/ \t\r\n　，。"))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET, max_size=30))
def test_random_text_cuts_as_jieba_cuts_it(ours, plain_jieba, text):
    assert ours.lcut(text) == plain_jieba.lcut(text, HMM=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=ALPHABET[-2000:], min_size=1, max_size=12))
def test_dag_and_route_are_jiebas(ours, plain_jieba, text):
    """resdiff.lang.zh.subword_cuts reads the DAG and the route directly."""
    assert ours.get_DAG(text) == plain_jieba.get_DAG(text)
    route, expected = {}, {}
    ours.calc(text, ours.get_DAG(text), route)
    plain_jieba.calc(text, plain_jieba.get_DAG(text), expected)
    assert route == expected


def test_hmm_is_refused(ours):
    with pytest.raises(ValueError):
        ours.lcut("人权理事会", HMM=True)
