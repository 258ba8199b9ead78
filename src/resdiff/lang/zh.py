"""Chinese tokenizer: regexes for what jieba gets wrong, jieba (HMM off, UN-terms dictionary) for the rest.

``tokenize(text)`` returns tokens whose concatenation is ``text`` exactly. Single tokens, matched by
regex before jieba sees anything (GUIDE.md §7: jieba splits ``74/153``, ``A/75/478/Add.2``, ``**`` and
``第七|十五届``): whitespace runs, document symbols, resolution numbers and numbers, Chinese ordinals
(``第七十五届``), date and counter characters after a number (``2020 年``: ``年``), Latin words, footnote
marks, ``**``; every other non-Chinese character is a token of its own. Only the runs of Chinese
ideographs go to jieba (a run stops before an ordinal, so ``大会第七十五届会议`` keeps ``第七十五届``).

Speed. Plain jieba loads its whole 350,000-word prefix dictionary on the first cut (0.9–1.2 s here,
from its marshal cache or from dict.txt alike). Segmentation with HMM off only ever looks up
substrings of the sentence being cut, so a dictionary restricted to the substrings of the text gives
the same segmentation. We build, once per user, jieba version and user dictionary, an SQLite file of
"blocks": every dictionary entry (words and jieba's zero-frequency prefixes) filed under its first two
characters, a one-character entry under itself, plus jieba's ``total``. Before a Chinese run is cut,
the blocks of its characters and character pairs are fetched into the tokenizer's ``FREQ`` dict (the
cut looks up only substrings of the run: one character, or a pair and more), and jieba's own cut
does the rest: ``resdiff.lang.jieba_cut``, jieba's HMM-off code without jieba's import (15 ms, mostly
HMM tables that a cut with HMM off never reads); jieba itself is imported only to build the cache. ``tests/test_lang_zh.py`` checks the result against plain jieba on
every Chinese corpus file. If the cache cannot be written, the full dictionary is loaded in memory.
"""

from __future__ import annotations

import functools
import os
from bisect import bisect_right
from pathlib import Path

from resdiff import patterns
from resdiff.cache import cache_dir
from resdiff.lang.en import NUMBER, SYMBOL
from resdiff.normalize import range_bounds

CACHE_FORMAT = 2  # bump when the block layout changes (2: one block per single character)
USER_DICT = Path(__file__).resolve().parent.parent / "data" / "un_terms_zh.txt"

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_BOUNDS = range_bounds(HAN)  # for is_han: a code-point test costs nothing to build, a class ~1 ms
_CN_DIGITS = "〇零一二三四五六七八九十百千"
_ORDINAL = rf"第[{_CN_DIGITS}]+[届次条项章段节款期]?"
# A counter or date character right after a number ("2020 年", "第 89 段", "第46次"): its own token,
# so jieba never glues it to the next word ("日大会").
_AFTER_NUMBER = r"(?:(?<=\d)|(?<=\d )|(?<=\d\u3000))[年月日号段届次条项章节款期](?![度份])"  # not 年度, 月份
_LATIN = r"[A-Za-z]+(?:['’\-][A-Za-z]+)*"
_FOOTNOTE = r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+"

_TOKEN = patterns.compile(
    rf"(?P<ws>\s+)|{SYMBOL}|{NUMBER}|{_ORDINAL}|{_AFTER_NUMBER}|{_LATIN}|{_FOOTNOTE}|\*+"
    rf"|(?P<han>(?:(?!{_ORDINAL})[{HAN}])+)|[\s\S]"
)


def import_jieba():
    """Import jieba without letting it import ``pkg_resources``.

    jieba's ``_compat`` tries ``import pkg_resources`` first; with setuptools < 82 installed (a fresh
    Python 3.11 venv has 65) that costs ~150 ms and prints a deprecation warning. Marking the module as
    absent for the duration of the import makes jieba take its plain-file fallback, which reads the same
    dictionary file.
    """
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked:
            del sys.modules["pkg_resources"]
    return jieba


def tokenize(text: str) -> list[str]:
    pieces = split_protected(text)
    runs = [piece for piece, chinese in pieces if chinese]
    if len(runs) > 1:
        _ready(*runs)  # the dictionary blocks of all the text's runs in one query, not one per run
    tokens: list[str] = []
    for piece, chinese in pieces:
        if chinese:
            tokens.extend(segment(piece))
        else:
            tokens.append(piece)
    return tokens


def prepare(texts) -> None:
    """Fetch at once the dictionary blocks of every Chinese run of ``texts``, the texts about to be
    tokenized (a comparison's changed paragraphs): one query instead of one per text or run (each query
    costs ~0.1 ms, a comparison cuts dozens of runs). Only an optimisation: the cut of a run never
    depends on blocks fetched for other texts (they hold no substring of it), and a text left out is
    fetched when it is cut."""
    runs = [piece for text in texts for piece, chinese in split_protected(text) if chinese]
    if runs:
        _ready(*runs)


def split_protected(text: str) -> list[tuple[str, bool]]:
    """The regex pass: (piece, True) for a run of ideographs jieba must cut, (token, False) otherwise."""
    return [(m.group(), m.group("han") is not None) for m in _TOKEN.finditer(text)]


def is_han(token: str) -> bool:
    """True for a token made only of Chinese ideographs (a jieba word)."""
    return bool(token) and all(bisect_right(_HAN_BOUNDS, ord(c)) % 2 for c in token)


def segment(run: str) -> list[str]:
    """Cut a run of Chinese ideographs with jieba (HMM off), dictionary blocks fetched as needed."""
    return list(_segment(run))


@functools.lru_cache(maxsize=8192)
def _segment(run: str) -> tuple[str, ...]:
    # Two versions of a resolution share most runs: cut each once. The result of a run never depends
    # on blocks fetched later (they hold only entries that are not substrings of this run).
    tokenizer = _ready(run)
    return tuple(tokenizer.lcut(run, HMM=False))


@functools.lru_cache(maxsize=8192)
def subword_cuts(word: str) -> tuple[int, ...]:
    """Inner offsets where ``word`` splits into jieba's best segmentation of it as NOT one word.

    Used by the word diff to show 人权委员会 → 委员会 as the deletion of 人权: the cuts of 人权委员会
    are (2,). Words of one character, or that jieba cannot split otherwise, have no cuts.
    """
    if len(word) < 2:
        return ()
    tokenizer = _ready(word)
    dag = tokenizer.get_DAG(word)
    dag[0] = [j for j in dag[0] if j != len(word) - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(word, dag, route)
    cuts = []
    x = route[0][1] + 1
    while x < len(word):
        cuts.append(x)
        x = route[x][1] + 1
    return tuple(cuts)


def is_word(text: str) -> bool:
    """True when ``text`` is an entry of the dictionary with a frequency (not just a prefix)."""
    tokenizer = _ready(text)
    return bool(tokenizer.FREQ.get(text))


# ── the jieba tokenizer and its dictionary ───────────────────────────────────────────────────────

_TOKENIZER = None
_DICTIONARY = None


def _tokenizer():
    """The tokenizer of this process (never jieba's global one)."""
    global _TOKENIZER
    if _TOKENIZER is None:
        _TOKENIZER = make_tokenizer(_dictionary())
    return _TOKENIZER


def make_tokenizer(dictionary: "_BlockDictionary | _FullDictionary"):
    """A new tokenizer (jieba's HMM-off cut) whose dictionary comes from ``dictionary`` (call its
    ``fetch`` before a cut)."""
    from resdiff.lang.jieba_cut import Cutter

    return Cutter(*dictionary.start())


def _ready(*texts: str):
    """The tokenizer, with the dictionary blocks ``texts`` need fetched. A cache file damaged after it
    was opened (a bad page: sqlite3.DatabaseError) is rebuilt; if that fails too, the dictionary is
    loaded in memory."""
    import sqlite3

    for attempt in range(3):
        tokenizer = _tokenizer()
        try:
            _dictionary().fetch(tokenizer, *texts)
            return tokenizer
        except sqlite3.Error:
            _replace_dictionary(rebuild=attempt == 0)
    return _tokenizer()


def _replace_dictionary(rebuild: bool) -> None:
    global _DICTIONARY, _TOKENIZER
    if rebuild:
        cache_path().unlink(missing_ok=True)
        _DICTIONARY = open_dictionary()
    else:
        _DICTIONARY = _FullDictionary()
    _TOKENIZER = None


def _dictionary() -> "_BlockDictionary | _FullDictionary":
    global _DICTIONARY
    if _DICTIONARY is None:
        _DICTIONARY = open_dictionary()
    return _DICTIONARY


def open_dictionary(cache_dir: Path | None = None) -> "_BlockDictionary | _FullDictionary":
    """The block cache for this jieba and user dictionary, built on first use; in memory if unwritable."""
    import sqlite3

    path = cache_path(cache_dir)
    for _attempt in range(2):
        if not path.exists():
            try:
                build_cache(path)
            except (OSError, sqlite3.Error):
                return _FullDictionary()
        try:
            return _BlockDictionary(path)
        except sqlite3.Error:  # truncated or foreign file: build it again, once
            path.unlink(missing_ok=True)
    return _FullDictionary()


def cache_path(directory: Path | None = None) -> Path:
    """The cache file of this jieba and user dictionary. jieba is found, not imported (a warm run never
    imports it): its code (``__init__.py``, where its version and dictionary builder are) and the size
    of its dictionary identify it. Content, not file times: two installs of one jieba (two venvs sharing
    a HOME) have the same files at different mtimes, and must share one cache rather than delete each
    other's. The content is summed with zlib's CRC-32 and Adler-32 (64 bits; zlib is loaded already,
    hashlib's OpenSSL import would cost more than the rest of this function)."""
    import zlib
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed", name="jieba")
    code = Path(spec.origin).resolve()
    crc, adler = 0, 1  # zlib's own starting values
    for data in (f"{CACHE_FORMAT}|{(code.parent / 'dict.txt').stat().st_size}|".encode(), code.read_bytes(),
                 USER_DICT.read_bytes()):
        crc, adler = zlib.crc32(data, crc), zlib.adler32(data, adler)
    return (directory or cache_dir()) / f"jieba-{crc:08x}{adler:08x}.sqlite3"


def full_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary with our user dictionary added, exactly as jieba builds it (slow)."""
    jieba = import_jieba()

    tokenizer = jieba.Tokenizer()
    with tokenizer.get_dict_file() as dict_file:  # jieba leaves files it opens itself unclosed
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(dict_file)
    tokenizer.initialized = True
    with open(USER_DICT, "rb") as user_dict:
        tokenizer.load_userdict(user_dict)
    return tokenizer.FREQ, tokenizer.total


def build_cache(path: Path) -> None:
    """Write the block file atomically (a concurrent reader sees the old state or the whole new file)."""
    import sqlite3
    import tempfile

    freq, total = full_dictionary()
    blocks: dict[str, list[str]] = {}
    for word, count in freq.items():
        blocks.setdefault(word[:2], []).append(f"{word} {count}")  # a one-character entry: its own key
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE meta (total INTEGER)")
            db.execute("INSERT INTO meta VALUES (?)", (total,))
            db.execute("CREATE TABLE blocks (prefix TEXT PRIMARY KEY, entries TEXT) WITHOUT ROWID")
            db.executemany("INSERT INTO blocks VALUES (?, ?)", ((k, "\n".join(v)) for k, v in blocks.items()))
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob("jieba-*.sqlite3"):  # older jieba or user dictionary: never read again
        if stale != path and _older_than(stale, _STALE_AFTER):
            stale.unlink(missing_ok=True)
    for leftover in path.parent.glob(".jieba-*.tmp"):  # a build killed halfway (SIGKILL, power cut)
        if _older_than(leftover, _LEFTOVER_AFTER):
            leftover.unlink(missing_ok=True)


# Another install (another jieba version) may still use its cache: only remove what is long unused.
_STALE_AFTER = 30 * 86400
# A build takes seconds; a temporary file older than this belongs to a build that was killed.
_LEFTOVER_AFTER = 3600


def _older_than(path: Path, seconds: float) -> bool:
    import time

    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


def _parse(entries: str) -> dict[str, int]:
    """Blocks' "word count" lines as a dict. A word of the user dictionary may hold a space (jieba's own
    never do): when every line has exactly one, one split of the whole text does it at C speed."""
    if entries.count(" ") == entries.count("\n") + 1:
        fields = entries.replace("\n", " ").split(" ")
        return dict(zip(fields[::2], map(int, fields[1::2])))
    out = {}
    for line in entries.split("\n"):
        word, _, count = line.rpartition(" ")
        out[word] = int(count)
    return out


class _BlockDictionary:
    """Reads the blocks of the characters and character pairs a text contains, each once per tokenizer
    (a text of a few pages needs a few hundred of jieba's 12,000 one-character entries)."""

    _CHUNK = 500  # bound on SQL parameters per query

    def __init__(self, path: Path):
        import sqlite3

        self._db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        (self._total,) = self._db.execute("SELECT total FROM meta").fetchone()

    def start(self) -> tuple[dict[str, int], int]:
        """A fresh, empty FREQ and jieba's total."""
        return {}, self._total

    def fetch(self, tokenizer, *texts: str) -> None:
        texts = [text for text in texts if text not in tokenizer.fetched_texts]
        if not texts:
            return
        keys: set[str] = set()
        for text in texts:
            keys.update(text)
            keys.update(map("".join, zip(text, text[1:])))
        keys -= tokenizer.fetched_pairs
        tokenizer.fetched_texts.update(texts)
        if not keys:
            return
        tokenizer.fetched_pairs |= keys
        wanted = sorted(keys)
        found = []
        for i in range(0, len(wanted), self._CHUNK):
            chunk = wanted[i:i + self._CHUNK]
            marks = ",".join("?" * len(chunk))
            # the blocks joined by SQLite and parsed at once: a few hundred small rows cost less so
            (entries,) = self._db.execute(
                f"SELECT group_concat(entries, char(10)) FROM blocks WHERE prefix IN ({marks})", chunk).fetchone()
            if entries:
                found.append(entries)
        if found:
            tokenizer.FREQ.update(_parse("\n".join(found)))


class _FullDictionary:
    """Fallback when no cache can be written: the whole dictionary in memory, as jieba does."""

    def start(self) -> tuple[dict[str, int], int]:
        return full_dictionary()

    def fetch(self, tokenizer, *texts: str) -> None:
        return None
