"""What Word prints for list numbers it spells out, for custom number formats, and for symbol-font
characters — the parts of a list label that are language or font knowledge rather than counting.

- ``spelled(n, fmt, lang)``: ``ordinal`` ("1st", "1er", "1.º", "第1"), ``ordinalText`` ("First",
  "Premier", "Primero", "第一"), ``cardinalText`` ("One", "Un", "Uno", "一") in English, French, Spanish
  and Chinese; other languages get English, as Word does for a language it has no words for.
- ``custom_number(n, pattern)``: Word 2010's ``w:numFmt w:val="custom" w:format="001, 002, 003, ..."``:
  the first example gives the width of a zero-padded decimal.
- ``symbol_char(text, font)``: bullets and ``w:sym`` characters of the Symbol and Wingdings fonts are
  stored as private-use code points (U+F0B7); this gives the character they show (•).
"""

from __future__ import annotations

from resdiff import patterns
from resdiff.lang.numerals import _digit_suffix, en_cardinal, en_ordinal, zh_numeral

SPELLED_FORMATS = ("ordinal", "ordinalText", "cardinalText")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# ── French ────────────────────────────────────────────────────────────────────────────────────────

_FR_UNITS = ("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
             "dix-sept dix-huit dix-neuf").split()
_FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante", 8: "quatre-vingt"}


def fr_cardinal(n: int) -> str:
    """un, vingt et un, soixante-dix, soixante et onze, quatre-vingts, quatre-vingt-un, cent un, deux cents."""
    if n < 20:
        return _FR_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if tens in (7, 9):  # soixante-dix …, quatre-vingt-dix …: twenty-based
            base, rest = _FR_TENS[tens - 1], 10 + unit
            joiner = " et " if tens == 7 and unit == 1 else "-"
            return f"{base}{joiner}{_FR_UNITS[rest]}"
        if unit == 0:
            return "quatre-vingts" if tens == 8 else _FR_TENS[tens]
        joiner = " et " if unit == 1 and tens != 8 else "-"
        return f"{_FR_TENS[tens]}{joiner}{_FR_UNITS[unit]}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "cent" if hundreds == 1 else f"{_FR_UNITS[hundreds]} cent" + ("s" if not rest else "")
        return head if not rest else f"{head} {fr_cardinal(rest)}"
    thousands, rest = divmod(n, 1000)
    head = "mille" if thousands == 1 else f"{fr_cardinal(thousands)} mille"
    return head if not rest else f"{head} {fr_cardinal(rest)}"


def fr_ordinal_text(n: int) -> str:
    """premier, deuxième, vingt et unième, cinquième, neuvième, quatre-vingtième, centième."""
    if n == 1:
        return "premier"
    word = fr_cardinal(n)
    if word.endswith("cents") or word.endswith("vingts"):
        word = word[:-1]
    if word.endswith("cinq"):
        return word + "uième"
    if word.endswith("neuf"):
        return word[:-1] + "vième"
    if word.endswith("e"):
        word = word[:-1]
    return word + "ième"


# ── Spanish ───────────────────────────────────────────────────────────────────────────────────────

_ES_UNITS = ("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince "
             "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro "
             "veinticinco veintiséis veintisiete veintiocho veintinueve").split()
_ES_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta", 9: "noventa"}
_ES_HUNDREDS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
                6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos"}
_ES_ORDINAL_UNITS = ("",) + tuple("primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split())
_ES_ORDINAL_TENS = ("",) + tuple(("décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo "
                                  "octogésimo nonagésimo").split())
_ES_ORDINAL_HUNDREDS = ("",) + tuple(("centésimo ducentésimo tricentésimo cuadringentésimo quingentésimo "
                                      "sexcentésimo septingentésimo octingentésimo noningentésimo").split())


def es_cardinal(n: int) -> str:
    """uno, veintiuno, treinta y uno, cien, ciento uno, mil."""
    if n < 30:
        return _ES_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _ES_TENS[tens] + (f" y {_ES_UNITS[unit]}" if unit else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if n == 100:
            return "cien"
        return _ES_HUNDREDS[hundreds] + (f" {es_cardinal(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "mil" if thousands == 1 else f"{es_cardinal(thousands)} mil"
    return head if not rest else f"{head} {es_cardinal(rest)}"


def es_ordinal_text(n: int) -> str:
    """primero, undécimo, duodécimo, decimotercero, vigésimo primero, centésimo."""
    if n >= 1000:
        return es_cardinal(n)
    special = {11: "undécimo", 12: "duodécimo"}
    if n in special:
        return special[n]
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    parts = [_ES_ORDINAL_HUNDREDS[hundreds]] if hundreds else []
    if rest in special:
        parts.append(special[rest])
    elif tens == 1 and unit:
        parts.append("decimo" + _ES_ORDINAL_UNITS[unit])
    else:
        if tens:
            parts.append(_ES_ORDINAL_TENS[tens])
        if unit:
            parts.append(_ES_ORDINAL_UNITS[unit])
    return " ".join(parts)


# ── the formats ───────────────────────────────────────────────────────────────────────────────────

def spelled(n: int, fmt: str, lang: str) -> str:
    """``n`` in Word's ``ordinal`` / ``ordinalText`` / ``cardinalText`` format for the language tag
    ``lang`` ("en-US", "fr-FR", "es-ES", "zh-CN"); English for any other language."""
    if n < 1 or n > 9999:
        return str(n)
    family = lang.split("-")[0].lower()
    if family == "zh":
        if fmt == "ordinal":
            return f"第{n}"
        return f"第{zh_numeral(n)}" if fmt == "ordinalText" else zh_numeral(n)
    if family == "fr":
        if fmt == "ordinal":
            return f"{n}{'er' if n == 1 else 'e'}"
        return _capital(fr_ordinal_text(n) if fmt == "ordinalText" else fr_cardinal(n))
    if family == "es":
        if fmt == "ordinal":
            return f"{n}.º"
        return _capital(es_ordinal_text(n) if fmt == "ordinalText" else es_cardinal(n))
    if fmt == "ordinal":
        return f"{n}{_digit_suffix(n)}"
    return _capital(en_ordinal(n) if fmt == "ordinalText" else en_cardinal(n))


def custom_number(n: int, pattern: str) -> str:
    """Word's ``custom`` format: "001, 002, 003, ..." → zero-padded to the first example's width (full-width
    digits kept full-width); a pattern without digits falls back to decimal."""
    first = pattern.split(",")[0].strip()
    digits = patterns.fullmatch(r"[0-9]+|[０-９]+", first)
    if not digits:
        return str(n)
    text = str(n).rjust(len(first), "0")
    if first[0] in "０１２３４５６７８９":
        text = "".join(chr(ord(c) + 0xFEE0) for c in text)
    return text


# Characters of the symbol fonts, as the font draws them (the code's low byte indexes the font).
_SYMBOL = {0xB7: "•", 0x2D: "–", 0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xB0: "°", 0xAE: "→",
           0xAC: "←", 0xAD: "↑", 0xAF: "↓", 0xB1: "±", 0xB4: "×", 0xB8: "÷", 0xD6: "√", 0xA5: "∞",
           0xB9: "≠", 0xA3: "≤", 0xB3: "≥", 0xBB: "≈", 0xE0: "◊", 0xD7: "⋅", 0xE5: "∑", 0xF2: "∫"}
_SYMBOL_GREEK = dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")) | dict(
    zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"))
_WINGDINGS = {0xA7: "▪", 0x6E: "■", 0x6C: "●", 0x71: "❑", 0x76: "❖", 0xD8: "➢", 0xFC: "✓", 0xFB: "✗",
              0xA8: "◻", 0x6F: "□", 0xA1: "○", 0x9F: "•", 0x77: "⬥", 0xE8: "➔", 0xF0: "⇨", 0x4A: "☺",
              0x4C: "☹", 0xFE: "☑", 0xA2: "◯"}
_WINGDINGS_2 = {0x97: "•", 0x98: "•", 0xA2: "▪", 0xA3: "▪"}
_WINGDINGS_3 = {0x7D: "►", 0x75: "▶", 0xC4: "►"}
_FONTS = {"symbol": _SYMBOL | _SYMBOL_GREEK, "wingdings": _WINGDINGS, "wingdings 2": _WINGDINGS_2,
          "wingdings 3": _WINGDINGS_3}


def symbol_char(text: str, font: str | None) -> str:
    """Map private-use characters (U+F020–U+F0FF, or a plain byte from a symbol font) to what ``font``
    shows. Characters of other fonts, and characters the table does not know, are kept as they are."""
    table = _FONTS.get((font or "").strip().lower())
    out = []
    for ch in text:
        code = ord(ch)
        low = code - 0xF000 if 0xF020 <= code <= 0xF0FF else code
        if table is not None and low in table:
            out.append(table[low])
        elif code == 0xF0B7:
            out.append("•")  # Word's standard bullet, whatever font the list names
        else:
            out.append(ch)
    return "".join(out)
