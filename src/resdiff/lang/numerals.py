"""Numerals with real arithmetic: Chinese numerals and English ordinal words ↔ int.

Used by the next-session draft (``resdiff.draft``) to move session ordinals on by one:
七十九 → 八十, 九十九 → 一百, 一百零九 → 一百一十; seventy-ninth → eightieth, ninety-ninth → one hundredth.

Chinese: ``zh_numeral(n)`` writes the standard form (十, 十一, 二十, 一百, 一百零一, 一百一十, 二百);
``parse_zh_numeral`` also reads 一十, 两百, 〇 and digit-by-digit forms. ``zh_session(n)`` → 第七十六届会议.

English: ``en_ordinal(n)`` writes the UN style ("one hundred and first", "seventy-sixth");
``parse_en_ordinal`` reads that and "one hundred first", spaces for hyphens, any case, and "76th".
``en_ordinal_like(n, template)`` writes ``n`` in the capitalisation of ``template``
("Seventy-fifth" → "Seventy-sixth", "SEVENTY-FIFTH" → "SEVENTY-SIXTH", "Seventy-Fifth" → "Seventy-Sixth").
``EN_ORDINAL`` and ``ZH_NUMERAL`` are regular expressions (strings) that find these words in text.
"""

from __future__ import annotations

# English month names, as the UN writes dates ("16 December 2020"); shared by the reader and the draft.
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")

import re

from resdiff import patterns

# ── Chinese ─────────────────────────────────────────────────────────────────────────────────────

_ZH_DIGITS = "零一二三四五六七八九"
_ZH_DIGIT_VALUE = {c: i for i, c in enumerate(_ZH_DIGITS)} | {"〇": 0, "两": 2}
_ZH_UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
ZH_NUMERAL = "[〇零一二两三四五六七八九十百千]+"


def zh_numeral(n: int) -> str:
    """Standard Chinese numeral for 1 ≤ n ≤ 9999: 十, 十一, 一百零九, 一百一十, 二百, 一千零一."""
    if not 1 <= n <= 9999:
        raise ValueError(f"{n} is outside 1..9999")
    out = []
    pending_zero = False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            pending_zero = bool(out)  # a zero between written digits is read aloud once: 一百零九
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        # 10–19 at the very start is 十, 十一 …; inside a larger number it is 一十 (一百一十)
        if not (unit == 10 and digit == 1 and not out):
            out.append(_ZH_DIGITS[digit])
        out.append(char)
    return "".join(out)


def parse_zh_numeral(text: str) -> int:
    """Value of a Chinese numeral: 七十五, 十, 一十, 一百零一, 一百一十, 两百, 二〇二〇; ValueError otherwise."""
    text = text.strip()
    if not text or any(c not in _ZH_DIGIT_VALUE and c not in _ZH_UNIT_VALUE for c in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if len(text) > 1 and all(c in _ZH_DIGIT_VALUE for c in text):  # digit by digit: 二〇二〇
        return int("".join(str(_ZH_DIGIT_VALUE[c]) for c in text))
    total, digit, last_unit = 0, None, 10_000
    for c in text:
        if c in _ZH_DIGIT_VALUE:
            if digit not in (None, 0):
                raise ValueError(f"two digits in a row in {text!r}")
            digit = _ZH_DIGIT_VALUE[c]
        else:
            unit = _ZH_UNIT_VALUE[c]
            if unit >= last_unit:
                raise ValueError(f"units out of order in {text!r}")
            if digit is None and unit != 10:
                raise ValueError(f"{c} without a digit in {text!r}")  # only 十 may stand alone (十五, 一百十)
            total += (1 if not digit else digit) * unit
            digit, last_unit = None, unit
    if digit:
        # 一百五 means 150 in speech; documents always write 一百五十, so a trailing digit is units
        total += digit
    if total == 0:
        raise ValueError(f"zero is not a session: {text!r}")
    return total


def zh_session(n: int) -> str:
    """第七十六届会议."""
    return f"第{zh_numeral(n)}届会议"


# ── English ─────────────────────────────────────────────────────────────────────────────────────

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
_ORDINAL_OF = {
    "one": "first", "two": "second", "three": "third", "four": "fourth", "five": "fifth", "six": "sixth",
    "seven": "seventh", "eight": "eighth", "nine": "ninth", "ten": "tenth", "eleven": "eleventh",
    "twelve": "twelfth", "thirteen": "thirteenth", "fourteen": "fourteenth", "fifteen": "fifteenth",
    "sixteen": "sixteenth", "seventeen": "seventeenth", "eighteen": "eighteenth", "nineteen": "nineteenth",
    "twenty": "twentieth", "thirty": "thirtieth", "forty": "fortieth", "fifty": "fiftieth",
    "sixty": "sixtieth", "seventy": "seventieth", "eighty": "eightieth", "ninety": "ninetieth",
    "hundred": "hundredth", "thousand": "thousandth",
}
_CARDINAL_OF_ORDINAL = {v: k for k, v in _ORDINAL_OF.items()}
_CARDINAL_VALUE = {w: i for i, w in enumerate(_UNITS)} | {w: n for n, w in _TENS.items()}


def en_cardinal(n: int) -> str:
    """one, twenty-one, one hundred and one, two thousand and five (British/UN style, lower case)."""
    if not 0 <= n <= 9999:
        raise ValueError(f"{n} is outside 0..9999")
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens * 10] + (f"-{_UNITS[unit]}" if unit else "")
    parts = []
    for size, word in ((1000, "thousand"), (100, "hundred")):
        count, n = divmod(n, size)
        if count:
            parts.append(f"{en_cardinal(count)} {word}")
    if n:
        parts.append(f"and {en_cardinal(n)}")
    return " ".join(parts)


def en_ordinal(n: int) -> str:
    """first, seventy-sixth, one hundredth, one hundred and first (UN style, lower case)."""
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    cardinal = en_cardinal(n)
    head, sep, last = cardinal.rpartition(" ")
    head2, hyphen, last_word = last.rpartition("-")
    return f"{head}{sep}{head2}{hyphen}{_ORDINAL_OF[last_word]}"


def parse_en_ordinal(text: str) -> int:
    """Value of an ordinal: "Seventy-sixth", "one hundred and first", "one hundred first", "76th"."""
    words = text.strip().lower()
    m = patterns.fullmatch(r"(\d+)(?:st|nd|rd|th)", words)
    if m:
        return int(m.group(1))
    tokens = [w for w in patterns.split(r"[\s\-‑]+", words) if w]
    if not tokens or tokens[-1] not in _CARDINAL_OF_ORDINAL:
        raise ValueError(f"not an ordinal: {text!r}")
    tokens[-1] = _CARDINAL_OF_ORDINAL[tokens[-1]]
    return _parse_cardinal_words(tokens, text)


def _parse_cardinal_words(tokens: list[str], text: str) -> int:
    total, current = 0, 0
    previous = None
    for i, w in enumerate(tokens):
        if w == "and":
            if previous not in ("hundred", "thousand") or i == len(tokens) - 1:
                raise ValueError(f"misplaced 'and' in {text!r}")
        elif w in ("hundred", "thousand"):
            if current == 0 and previous is None:
                current = 1  # "hundredth" alone: 100
            elif not 1 <= current <= 99 or (w == "hundred" and current > 9):
                raise ValueError(f"not a number: {text!r}")
            size = 100 if w == "hundred" else 1000
            if w == "thousand":
                total += current * size
                current = 0
            else:
                current *= size
        elif w in _CARDINAL_VALUE:
            value = _CARDINAL_VALUE[w]
            # tens then a unit (seventy six) is fine; anything else in a row (six seven) is not
            tens_then_unit = previous in _TENS.values() and 1 <= value <= 9
            after_scale = previous in (None, "and", "hundred", "thousand")
            if not (tens_then_unit or after_scale) or value == 0:
                raise ValueError(f"not a number: {text!r}")
            current += value
        else:
            raise ValueError(f"not a number word: {w!r} in {text!r}")
        previous = w
    return total + current


def match_case(template: str, text: str) -> str:
    """``text`` (lower case) in the capitalisation of ``template``: UPPER, Capitalised, Title-Case, lower."""
    letters = [c for c in template if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return text.upper()
    pieces = [p for p in patterns.split(r"[\s\-‑]+", template) if p and p.lower() != "and"]
    if len(pieces) > 1 and all(p[0].isupper() for p in pieces):
        return patterns.sub(r"[a-z]+", lambda m: m.group(0) if m.group(0) == "and" else m.group(0).capitalize(), text)
    if template[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


def en_ordinal_like(n: int, template: str) -> str:
    """Ordinal ``n`` written like ``template``: case kept, "76th" style kept for digit ordinals."""
    if patterns.fullmatch(r"\d+(?:st|nd|rd|th)", template.strip(), re.I):
        return f"{n}{_digit_suffix(n)}"
    return match_case(template, en_ordinal(n))


def _digit_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def en_session(n: int) -> str:
    """Seventy-sixth session."""
    word = en_ordinal(n)
    return f"{word[:1].upper()}{word[1:]} session"


# A regular expression (string) for an English ordinal written in words (1–9999) or as "76th".
# Longest forms first so "one hundred and first" is not read as "first".
_UNIT_WORD = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_OR_UNIT = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + _UNIT_WORD
_TENS_WORD = "|".join(_TENS.values())
_ORDINAL_LAST = "|".join(sorted((w for w in _CARDINAL_OF_ORDINAL if w not in ("hundredth", "thousandth")), key=len, reverse=True))
# between tens and units: a hyphen, a space, or a hyphen with the stray spaces a PDF's justified text
# layer leaves around it ("fifty -ninth", "seventy - ninth" in official PDFs)
_TENS_UNITS = r"(?: ?[\-‑] ?| )"
_SUB_HUNDRED_ORDINAL = (
    rf"(?:(?:{_TENS_WORD}){_TENS_UNITS}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|(?:{_ORDINAL_LAST}))"
)
_HUNDREDS = rf"(?:(?:{_TEEN_OR_UNIT}|(?:{_TENS_WORD})(?:{_TENS_UNITS}(?:{_UNIT_WORD}))?) hundred)"
EN_ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|{_HUNDREDS}th|(?:{_HUNDREDS}(?: and)? )?{_SUB_HUNDRED_ORDINAL})"
