"""Normalisation for comparison: layout noise that must not count as change.

Used to build ``Paragraph.key`` and token keys in the word diff. Never used for display.
Noise handled (GUIDE.md §2): spaces around Latin letters and digits in Chinese text, full- versus
half-width punctuation, curly versus straight quotes, line wraps and runs of spaces, and Traditional
versus Simplified Chinese script (``促進`` / ``促进``: the same text in another script, issue 9).
Footnote markers and markdown ``**`` are removed by the readers before text reaches the model.

Traditional characters are converted with OpenCC's ``t2s`` tables (opencc-python-reimplemented), loaded
only when a text holds a Traditional-only character: the check is one set operation against
``data/traditional_zh.txt``, so Simplified and English texts never load the converter (~30 ms).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Chinese, Japanese kana, CJK punctuation and full-width forms: a space next to one of these is layout.
_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACE_NEXT_TO_CJK = re.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")
_SPACE_AROUND_PUNCT = re.compile(r"\s+(?=[,;:.!?)\]])|(?<=[(\[])\s+")
_WHITESPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "－": "-", "‐": "-", "‑": "-"})


def normalize(text: str) -> str:
    """Return ``text`` with layout noise removed; equal results mean "no real change"."""
    # Measure NFKC before dropping spaces: it turns full-width ，；：（） into , ; : ( )
    text = to_simplified(unicodedata.normalize("NFKC", text).translate(_QUOTES))
    text = _SPACE_NEXT_TO_CJK.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return _SPACE_AROUND_PUNCT.sub("", text)


def is_cjk(char: str) -> bool:
    return bool(re.match(f"[{_CJK}]", char))


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    data = resources.files("resdiff").joinpath("data/traditional_zh.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in data.splitlines() if not line.startswith("#")))


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # opencc-python-reimplemented: pure Python, its dictionaries are OpenCC's own

    return opencc.OpenCC("t2s")


def has_traditional(text: str) -> bool:
    """True when ``text`` holds a character that is written differently in Simplified Chinese."""
    return _IDEOGRAPH.search(text) is not None and not _traditional_chars().isdisjoint(text)


def to_simplified(text: str) -> str:
    """``text`` in Simplified script (unchanged when it holds no Traditional-only character)."""
    if not has_traditional(text):
        return text
    return _t2s().convert(text)


_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
