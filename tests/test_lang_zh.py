"""Chinese tokenizer: exact rebuild, regex-protected tokens, UN terms, and the fast dictionary path
giving the same segmentation as plain jieba on every Chinese corpus file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from resdiff.lang import tokenize, zh

ALL_TEXTS = sorted(CORPUS.glob("*.txt"))
CHINESE_TEXTS = sorted(CORPUS.glob("*.zh*.txt"))


@pytest.mark.parametrize("path", ALL_TEXTS, ids=lambda p: p.name)
def test_tokens_rebuild_every_corpus_text_exactly(path: Path):
    text = path.read_text(encoding="utf-8")
    tokens = tokenize(text, "zh")
    assert "".join(tokens) == text
    assert all(tokens)


@pytest.mark.parametrize(
    "text, token",
    [
        ("又回顾大会第 74/153 号决议", "74/153"),
        ("根据第三委员会的报告(A/75/478/Add.2, 第 89 段)通过", "A/75/478/Add.2"),
        ("见 E/CN.4/2001/2。", "E/CN.4/2001/2"),
        ("¹ A/CONF.157/24(Part I)和", "A/CONF.157/24(Part I)"),
        ("A/CONF.157/24(PART I)/Corr.1，第三章。", "A/CONF.157/24(PART I)/Corr.1"),
        ("见 A/RES/76/159。", "A/RES/76/159"),
        ("决定在大会第七十六届会议上继续审议这个问题", "第七十六届"),
        ("第七十五届会议", "第七十五届"),
        ("特别是第一条第三项", "第一条"),
        ("特别是第一条第三项", "第三项"),
        ("在第 46 次全体会议", "46"),
        ("第46次全体会议", "次"),
        ("共 1,234.5 美元", "1,234.5"),
        ("2020 年 12 月 16 日大会决议", "日"),
        ("政治宣言，⁴ 以及", "⁴"),
        ("1. **重申**通过", "**"),
        ("通过 Human Rights Council 决议", "Human"),
    ],
)
def test_protected_pieces_are_single_tokens(text, token):
    assert token in tokenize(text, "zh")


def test_year_before_du_stays_in_the_word():
    assert "年" not in tokenize("2020 年度报告", "zh")


def test_numbers_and_symbols_never_reach_jieba():
    for path in CHINESE_TEXTS:
        for piece, chinese in zh.split_protected(path.read_text(encoding="utf-8")):
            if chinese:
                assert zh.is_han(piece), piece


def test_is_han_is_true_exactly_for_runs_of_the_han_class():
    # is_han compares code points instead of compiling a class over HAN (~1 ms): same answers as the
    # class for every character of Unicode, and for runs, mixed tokens and the empty string.
    import re

    han_run = re.compile(rf"[{zh.HAN}]+\Z")
    assert [c for c in map(chr, range(0x110000)) if zh.is_han(c) != bool(han_run.match(c))] == []
    for token in ["", "人权理事会", "國家", "第七十五届", "人权A", "A人权", "人权\n", "〇", "\uf900\u3400\u9fff"]:
        assert zh.is_han(token) == bool(han_run.match(token)), token


def test_whitespace_runs_are_one_token():
    assert tokenize("大会，\n\n  重申", "zh") == ["大会", "，", "\n\n  ", "重申"]


@pytest.mark.parametrize("term", ["人权理事会", "人权委员会", "联合国人权事务高级专员", "普遍定期审议", "不容忍行为", "可持续发展", "仇外心理"])
def test_un_terms_are_one_word(term):
    assert term in tokenize(f"又回顾{term}的各项决议", "zh")


def test_seed_segmentation_of_known_phrases():
    tokens = tokenize(SEED.read_text(encoding="utf-8"), "zh")
    assert "第七十五届" in tokens and "第七" not in tokens
    assert "2030" in tokens and "可持续发展" in tokens
    assert "**" in tokens


# ── the fast dictionary path is jieba, exactly ──────────────────────────────────────────────────

@pytest.fixture(scope="module")
def fresh_blocks(tmp_path_factory):
    """A block cache built from scratch in a test folder."""
    return zh.open_dictionary(tmp_path_factory.mktemp("resdiff-cache"))


@pytest.mark.parametrize("path", CHINESE_TEXTS, ids=lambda p: p.name)
def test_block_dictionary_segments_like_plain_jieba(path, plain_jieba, fresh_blocks):
    text = path.read_text(encoding="utf-8")
    fast = zh.make_tokenizer(fresh_blocks)
    runs = [piece for piece, chinese in zh.split_protected(text) if chinese]
    assert runs
    for run in runs:
        fresh_blocks.fetch(fast, run)
        assert fast.lcut(run, HMM=False) == plain_jieba.lcut(run, HMM=False), run
    # the process-wide tokenizer (default cache) agrees too
    expected = [t for piece, chinese in zh.split_protected(text) for t in (plain_jieba.lcut(piece, HMM=False) if chinese else [piece])]
    assert zh.tokenize(text) == expected


def test_block_dictionary_loads_only_a_small_part(fresh_blocks, plain_jieba):
    fast = zh.make_tokenizer(fresh_blocks)
    text = SEED.read_text(encoding="utf-8")
    for piece, chinese in zh.split_protected(text):
        if chinese:
            fresh_blocks.fetch(fast, piece)
    assert fast.total == plain_jieba.total
    assert len(fast.FREQ) < len(plain_jieba.FREQ) / 10
    # one-character entries too: only those of the seed's own characters (not jieba's 12,000)
    singles = {w for w in fast.FREQ if len(w) == 1}
    assert singles <= set(text) and len(singles) < 1000


def test_one_query_fetches_the_blocks_of_many_texts(fresh_blocks, plain_jieba):
    """A comparison hands every changed paragraph to ``zh.prepare`` at once: one query per 500 keys for
    all their runs; cutting a run afterwards queries nothing, and cuts as plain jieba does."""
    fast = zh.make_tokenizer(fresh_blocks)
    runs = [piece for path in CHINESE_TEXTS for piece, chinese in zh.split_protected(path.read_text(encoding="utf-8"))
            if chinese]
    keys = set("".join(runs)) | {run[i:i + 2] for run in runs for i in range(len(run) - 1)}
    queries: list[str] = []
    fresh_blocks._db.set_trace_callback(queries.append)
    try:
        fresh_blocks.fetch(fast, *runs)
        assert len(queries) == -(-len(keys) // fresh_blocks._CHUNK)
        for run in runs:
            fresh_blocks.fetch(fast, run)
            assert fast.lcut(run, HMM=False) == plain_jieba.lcut(run, HMM=False), run
        assert len(queries) == -(-len(keys) // fresh_blocks._CHUNK)
    finally:
        fresh_blocks._db.set_trace_callback(None)
    # the same entries as fetching run by run
    one_by_one = zh.make_tokenizer(fresh_blocks)
    for run in runs:
        fresh_blocks.fetch(one_by_one, run)
    assert fast.FREQ == one_by_one.FREQ


def test_prepare_then_tokenize_queries_nothing_more(monkeypatch, fresh_blocks):
    texts = [path.read_text(encoding="utf-8") for path in CHINESE_TEXTS]
    monkeypatch.setattr(zh, "_DICTIONARY", fresh_blocks)
    monkeypatch.setattr(zh, "_TOKENIZER", None)
    queries: list[str] = []
    fresh_blocks._db.set_trace_callback(queries.append)
    try:
        zh.prepare(texts)
        prepared = len(queries)
        tokens = [zh.tokenize(text) for text in texts]
        assert prepared >= 1 and len(queries) == prepared
    finally:
        fresh_blocks._db.set_trace_callback(None)
    assert ["".join(t) for t in tokens] == texts


def test_block_parse_with_a_spaced_word_synthetic():
    """A user-dictionary word may hold a space (jieba's own words never do): the whole-block split is
    only taken when every line has exactly one space."""
    plain = "人权 120\n人权理 0\n人权理事会 35"
    assert zh._parse(plain) == {"人权": 120, "人权理": 0, "人权理事会": 35}
    spaced = plain + "\nUN Women 3\nUN 0"
    assert zh._parse(spaced) == {"人权": 120, "人权理": 0, "人权理事会": 35, "UN Women": 3, "UN": 0}


def test_subword_cuts_split_compounds_into_words():
    assert zh.subword_cuts("人权委员会") == (2,)
    assert zh.subword_cuts("人") == ()
    assert zh.is_word("委员会") and not zh.is_word("员会")


def test_corrupt_cache_is_rebuilt(tmp_path):
    path = zh.cache_path(tmp_path)
    path.write_bytes(b"not a database")
    dictionary = zh.open_dictionary(tmp_path)
    assert isinstance(dictionary, zh._BlockDictionary)
    tokenizer = zh.make_tokenizer(dictionary)
    dictionary.fetch(tokenizer, "人权理事会")
    assert tokenizer.lcut("人权理事会", HMM=False) == ["人权理事会"]


def test_cache_file_changes_with_the_user_dictionary_synthetic(monkeypatch, tmp_path):
    """A user dictionary with one more term (synthetic) must not reuse the cache built without it."""
    first = zh.cache_path(tmp_path)
    edited = tmp_path / "un_terms_zh.txt"
    edited.write_bytes(zh.USER_DICT.read_bytes() + "人权理事会普遍定期审议 10 n\n".encode())
    monkeypatch.setattr(zh, "USER_DICT", edited)
    assert zh.cache_path(tmp_path) != first


def test_cache_lives_in_a_per_user_folder_not_the_shared_temp(monkeypatch, tmp_path):
    import tempfile

    monkeypatch.delenv("RESDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert zh.cache_dir() == tmp_path / "resdiff"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert zh.cache_dir() == Path.home() / ".cache" / "resdiff"
    assert not str(zh.cache_path()).startswith(tempfile.gettempdir() + os.sep + "jieba")


def test_first_use_is_quiet_and_leaves_jieba_global_untouched(tmp_path):
    """A cold process building the cache from scratch prints nothing and never initialises jieba.dt."""
    code = (
        "import jieba\n"
        "from resdiff.lang import tokenize\n"
        "assert tokenize('大会第七十五届会议回顾人权理事会的决议', 'zh')[-1] == '决议'\n"
        "assert not jieba.dt.initialized\n"
    )
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""
    assert list(tmp_path.glob("jieba-*.sqlite3"))


def test_warm_start_reads_only_the_blocks_it_needs(tmp_path):
    """With a built cache, a new process tokenizing the seed fetches only the dictionary blocks of the
    seed's characters and character pairs, never jieba's whole 350,000-word dictionary (what made a
    cold start ~1 s), and never imports jieba (15 ms, mostly HMM tables; lang.jieba_cut cuts).
    The time itself is a benchmark figure (benchmarks/coldstart.py), not a test."""
    zh.open_dictionary(tmp_path)  # build once
    code = (
        "import sys\n"
        "from resdiff.lang import tokenize, zh\n"
        f"tokens = tokenize(open({str(SEED)!r}, encoding='utf-8').read(), 'zh')\n"
        "imported = 'jieba' in sys.modules\n"
        "import jieba\n"
        "print(len(zh._tokenizer().FREQ), len(zh.full_dictionary()[0]), jieba.dt.initialized, imported,"
        " '人权理事会' in tokens)\n"
    )
    env = {**os.environ, "RESDIFF_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fetched, full, global_loaded, imported, cut = done.stdout.split()
    assert int(fetched) < int(full) // 10
    assert (global_loaded, imported, cut) == ("False", "False", "True")
