"""Generic word tokenizer for English and the other official languages (French, Spanish, Russian, Arabic).

One regular expression, tried left to right; every character of the text lands in exactly one token, so
``"".join(tokenize(text)) == text`` always. Token kinds, in order of priority:

- whitespace runs (a line wrap is one token with the spaces around it);
- document symbols ``A/RES/75/180``, ``A/75/478/Add.2``, ``E/CN.4/2001/2``, ``A/CONF.157/24(Part I)``;
- resolution numbers ``74/153`` and numbers with decimal or thousands separators ``1,000.5``;
- words with inner hyphens and apostrophes (``seventy-fifth``, ``States'``, ``l'homme``), any script
  but CJK ideographs;
- anything else, one character at a time (punctuation, symbols, footnote marks, and each CJK ideograph
  of mixed text reaching the generic tokenizer).
"""

from __future__ import annotations

import functools
import re

from resdiff import patterns

# A symbol part: letters and digits, dots only between them ("CN.4", "Add.2"), not a trailing full stop.
_PART = r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*"
# Symbols start with an upper-case series letter (A, E, S, A/HRC …) and have at least one slash.
# "(Part I)" / "(PART I)" belongs to the conference document symbol it follows.
SYMBOL = rf"[A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*(?:/{_PART}(?:\((?:Part|PART) [IVX]+\))?)+"
# 74/153, 2000/22, 1,000, 3.5, 2020 (never ends with the separator).
NUMBER = r"\d+(?:[/.,]\d+)*"
_MARKS = r"\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f"
_LETTER = rf"(?:[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[{_MARKS}])"
WORD = rf"{_LETTER}+(?:['’\-]{_LETTER}+)*"


@functools.cache
def _token_re() -> re.Pattern:
    # Compiled on first use, not at import: the Chinese tokenizer imports SYMBOL and NUMBER from here,
    # and compiling this pattern (its Unicode letter class) costs ~8 ms of every cold start.
    # No rule of its own for CJK ideographs: _LETTER leaves them out, so [\s\S] takes each one alone (a
    # class over them would cost another ~1 ms to compile).
    return patterns.compile(rf"\s+|{SYMBOL}|{NUMBER}|{WORD}|[\s\S]")


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words, numbers, symbols, whitespace runs and single other characters."""
    return _token_re().findall(text)
