"""Guess the language of a resolution text: "zh", "en" or "other".

Cheap and deterministic: the share of CJK ideographs among letters decides Chinese; for alphabetic text,
the share of very common English function words decides English. Everything else (French, Spanish,
Russian, Arabic …) is "other", which the readers treat with the generic, English-like rules.
"""

from __future__ import annotations

from resdiff import patterns

_IDEOGRAPH = patterns.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = patterns.compile(r"[^\W\d_]+")
# Function words that make up a large part of any English resolution and are rare in other languages.
_ENGLISH_WORDS = frozenset(
    "the of and to in its on for with that by all as at be is are this which from their these an "
    "human rights general assembly united nations resolution".split()
)


def detect_language(text: str) -> str:
    """Return "zh" when CJK ideographs make up at least 30% of the letters, "en" for English, else "other"."""
    ideographs = len(_IDEOGRAPH.findall(text))
    words = _WORD.findall(_IDEOGRAPH.sub(" ", text))
    letters = sum(len(w) for w in words)
    if ideographs and ideographs >= 0.3 * (ideographs + letters):
        return "zh"
    if not words:
        return "zh" if ideographs else "other"
    latin = [w.lower() for w in words if w.isascii()]
    if len(latin) < 0.8 * len(words):  # Cyrillic, Arabic, Greek … scripts
        return "other"
    english = sum(1 for w in latin if w in _ENGLISH_WORDS)
    return "en" if english >= 0.15 * len(latin) else "other"
