"""Normalisation for comparison: layout noise that must not count as change.

Used to build ``Paragraph.key`` and token keys in the word diff. Never used for display.
Noise handled (GUIDE.md §2): spaces around Latin letters and digits in Chinese text, full- versus
half-width punctuation, curly versus straight quotes, line wraps and runs of spaces, and Traditional
versus Simplified Chinese script (``促進`` / ``促进``: the same text in another script, issue 9).
Footnote markers and markdown ``**`` are removed by the readers before text reaches the model.

Traditional characters are mapped one to one onto their Simplified form with OpenCC's character table
(``TSCharacters.txt`` as shipped by opencc-python-reimplemented; first candidate), so the result has the
same length and the same offsets as the input (``read.structure`` relies on that to find Traditional
openers and header lines and keep the printed characters). The table is loaded only when a text holds a
Traditional-only character: the check is one set operation against ``data/traditional_zh.txt``, so
Simplified and English texts never load it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from resdiff import patterns
from resdiff.errors import UserError

# Chinese, Japanese kana, CJK punctuation and full-width forms: a space next to one of these is layout.
_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACE_NEXT_TO_CJK = patterns.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")
# only Chinese amendments use it: compiled then (a class over the CJK ranges costs ~1 ms)
_LAYOUT_SPACE_NEXT_TO_CJK = patterns.lazy_compile(rf"[ \t\u00a0]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u00a0]+")
_SPACE_AROUND_PUNCT = patterns.compile(r"\s+(?=[,;:.!?)\]])|(?<=[(\[])\s+")
_WHITESPACE = patterns.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "－": "-", "‐": "-", "‑": "-"})


def normalize(text: str) -> str:
    """Return ``text`` with layout noise removed; equal results mean "no real change"."""
    # Measure NFKC before dropping spaces: it turns full-width ，；：（） into , ; : ( )
    text = to_simplified(unicodedata.normalize("NFKC", text).translate(_QUOTES))
    text = _SPACE_NEXT_TO_CJK.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return _SPACE_AROUND_PUNCT.sub("", text)


def range_bounds(ranges: str) -> tuple[int, ...]:
    """The ranges of a character class body made of ``\\uXXXX-\\uXXXX`` pairs (sorted, not overlapping)
    as bounds (start, end + 1, …): a character is in them when ``bisect_right(bounds, ord(c))`` is odd.

    For single-character tests, instead of a regex: a class over the CJK ranges (~30,000 characters)
    costs ~1 ms to compile, because sre marks each of its characters in turn."""
    pairs = patterns.findall(r"\\u([0-9a-fA-F]{4})-\\u([0-9a-fA-F]{4})", ranges)
    bounds = tuple(int(code, 16) + k % 2 for k, code in enumerate(c for pair in pairs for c in pair))
    if len(pairs) * 13 != len(ranges) or list(bounds) != sorted(bounds):
        raise ValueError(f"not a sorted run of \\uXXXX-\\uXXXX ranges: {ranges!r}")
    return bounds


_CJK_BOUNDS = range_bounds(_CJK)


def as_printed(text: str) -> str:
    """Chinese as the page prints it, for quoting: the spaces that PDF extraction puts next to Chinese
    characters ("2020 年 12 月 16 日第 75/180 号") dropped; line breaks and everything else kept."""
    return _LAYOUT_SPACE_NEXT_TO_CJK.sub("", text)


def is_cjk(char: str) -> bool:
    """True when ``char`` starts with a character of ``_CJK`` (False for "")."""
    return bool(char) and bisect_right(_CJK_BOUNDS, ord(char[0])) % 2 == 1


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    data = (Path(__file__).parent / "data" / "traditional_zh.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in data.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    # opencc-python-reimplemented ships OpenCC's own dictionaries; only its character table is needed.
    from importlib.util import find_spec

    package = find_spec("opencc")  # located, not imported: its converter classes are not needed
    folder = Path(package.submodule_search_locations[0]) if package and package.submodule_search_locations else None
    if folder is None or not (folder / "dictionary" / "TSCharacters.txt").is_file():
        raise UserError("the Traditional Chinese table of opencc-python-reimplemented is missing",
                        "reinstall resdiff with its dependencies (pip install resdiff)")
    data = (folder / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in data.splitlines():
        key, _tab, values = line.partition("\t")
        first = values.split(" ")[0]
        if len(key) == 1 and len(first) == 1 and key != first:
            table[ord(key)] = first
    return table


# Characters that are Simplified too, but Traditional in some words (瞭解 → 了解, 答覆 → 答复, 計畫 → 计划,
# 藉此 → 借此): the character table keeps them, OpenCC's phrase table (TSPhrases.txt) converts them.
# tests/test_normalize.py checks this set against the installed phrase table.
_PHRASE_ONLY = frozenset("俱么衹覆瞭沈牴彷藉")


@lru_cache(maxsize=1)
def _t2s_phrases() -> tuple[re.Pattern, dict[str, str]]:
    """OpenCC's Traditional → Simplified phrases that the character table gets wrong (瞭解, 答覆, 計畫, and
    乾隆 which it must leave alone), of the same length as their result so offsets hold; longest first,
    as one pattern and its replacements."""
    from importlib.util import find_spec

    package = find_spec("opencc")
    path = Path(package.submodule_search_locations[0]) / "dictionary" / "TSPhrases.txt" if package else None
    table = _t2s_table()
    phrases = {}
    if path is not None and path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _tab, values = line.partition("\t")
            first = values.split(" ")[0]
            if len(key) == len(first) > 1 and key.translate(table) != first:
                phrases[key] = first
    keys = sorted(phrases, key=len, reverse=True) or ["(?!)"]
    return patterns.compile("|".join(map(re.escape, keys))), phrases


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character that is written differently in Simplified Chinese (or a word
    written with a character that is Traditional only in that word, as 瞭解)."""
    if _IDEOGRAPH.search(text) is None or _suspect_chars().isdisjoint(text):
        return False  # one pass over the text in the usual case (Simplified text)
    if not _traditional_chars().isdisjoint(text):
        return True
    return _t2s_phrases()[0].search(text) is not None


@lru_cache(maxsize=1)
def _suspect_chars() -> frozenset[str]:
    return _traditional_chars() | _PHRASE_ONLY


def to_simplified(text: str) -> str:
    """``text`` in Simplified script, character for character (same length, same offsets); ``text``
    itself when it holds no Traditional-only character."""
    if not has_traditional(text):
        return text
    out = text.translate(_t2s_table())
    pattern, phrases = _t2s_phrases()
    if pattern.search(text) is None:
        return out
    chars = list(out)
    for m in pattern.finditer(text):
        chars[m.start():m.end()] = phrases[m.group(0)]
    return "".join(chars)


_IDEOGRAPH = patterns.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
