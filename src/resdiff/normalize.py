"""Normalisation for comparison: layout noise that must not count as change.

Used to build ``Paragraph.key`` and token keys in the word diff. Never used for display.
Noise handled (GUIDE.md §2): spaces around Latin letters and digits in Chinese text, full- versus
half-width punctuation, curly versus straight quotes, line wraps and runs of spaces.
Footnote markers and markdown ``**`` are removed by the readers before text reaches the model.
"""

from __future__ import annotations

import re
import unicodedata

# Chinese, Japanese kana, CJK punctuation and full-width forms: a space next to one of these is layout.
_CJK = r"\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3200-\u32ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SPACE_NEXT_TO_CJK = re.compile(rf"\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+")
_SPACE_AROUND_PUNCT = re.compile(r"\s+(?=[,;:.!?)\]])|(?<=[(\[])\s+")
_WHITESPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〝": '"', "〞": '"', "－": "-", "‐": "-", "‑": "-"})


def normalize(text: str) -> str:
    """Return ``text`` with layout noise removed; equal results mean "no real change"."""
    # Measure NFKC before dropping spaces: it turns full-width ，；：（） into , ; : ( )
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _SPACE_NEXT_TO_CJK.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return _SPACE_AROUND_PUNCT.sub("", text)


def is_cjk(char: str) -> bool:
    return bool(re.match(f"[{_CJK}]", char))
