"""Footnote markers found by their place in the sequence, once the whole text is read.

A copy of a PDF made by pdftotext (or pasted from a viewer) prints a raised marker as plain digits,
often set off by spaces: "the Committee 14 in this regard", "“Our Common Agenda” 5 to convene",
"resolution 55/19 7 and", "Parties, 8and". Read line by line, such a number cannot be told from a
reference ("article 14", "decision 6"), so the reader leaves it as text and the footnote body, found at
the foot of the page, is cited by no paragraph. pdftotext -raw also glues markers to the word or symbol
before them ("Disabilities15 and", "resolution S-35/16 and" for S-35/1 and note 6).

Once every paragraph is read there is more to go on: each footnote is cited once, and in order. So
footnote N must be cited between the citation of the nearest note before it and that of the nearest
note after it. If that stretch holds exactly one "N" that can be a marker (not part of a date, a range,
a decimal or a symbol; glued to a lowercase word, or to a symbol only when the symbol without it is
printed elsewhere in the document and with it nowhere else), that is its marker; if it holds several, the one not after a word that takes a
number ("article", "paragraph") is, if it is alone. Otherwise the note stays uncited, and the reader's
check says so (``footnote-not-cited``).
"""

from __future__ import annotations

from dataclasses import replace

from resdiff import patterns

from resdiff.lang.numerals import EN_MONTHS
from resdiff.model import Footnote, Paragraph
from resdiff.normalize import is_cjk, normalize

# After the number: a date ("20 December"; a range of days, "18 and 19 September", "14 to 18 August"), a
# range of numbers ("2015–2030"), a decimal or a symbol's next part ("5.2", "19/2"), an ordinal, a percentage.
_MONTH = r"(?:" + "|".join(EN_MONTHS) + r")\b"
NOT_A_MARKER_AFTER = patterns.compile(
    rf"(?:\s*{_MONTH}|\s*(?:to|and|or|-|–|—)\s*\d{{1,2}}\s*{_MONTH}|[-–—]\d|[.,/:]\d|\d|(?:st|nd|rd|th)\b|\s*(?:%|per\s?cent))"
)
_ZH_NOT_A_MARKER_AFTER = patterns.compile(r"\s*[\d年月日号段条款项届次个%％份名时部节章岁亿万千百至到\-—–~～.．/、]")
# Before the number: part of a word or symbol ("G77", "S-35", "A/75", "COVID-19", "3.5"), a month ("December 20").
_NOT_A_MARKER_BEFORE = patterns.compile(r"(?:[\w/.\-‑–]|(?:" + "|".join(EN_MONTHS) + r")\s|第\s*)$")
# A marker that lost its raise and stayed glued to the word before it ("Disabilities15 and"): a lowercase
# word (a number after capitals is a name, "G77", "COP28").
_GLUED_TO_A_WORD = patterns.compile(r"(?<![A-Z])[a-z]{2,}$")
# ... or to a document symbol ("resolution 55/197 and" for 55/19 and note 7, "S-35/16"): a candidate only
# when the symbol without it is printed elsewhere in the document and the symbol with it is not.
_SYMBOL_END = patterns.compile(r"(?<![\w/.-])(?:[A-Z]{1,3}-)?\d{1,3}/\d{1,4}$")
# Wider than the reader's own list (structure._NUMBER_TAKING): here it only breaks a tie between candidates.
_TAKES_A_NUMBER = patterns.compile(
    r"\b(?:[Aa]rticles?|[Pp]aragraphs?|paras?\.?|[Rr]esolutions?|[Dd]ecisions?|[Cc]hapters?|[Pp]arts?|[Ii]tems?|"
    r"[Pp]rinciples?|[Gg]oals?|[Tt]argets?|[Aa]nnex|[Ss]ections?|No\.|[Rr]ules?|[Pp]rotocols?|[Ll]evel|[Pp]hase|"
    r"[Cc]ycle|[Aa]mendments?|[Oo]ptions?|under|over|from|to|and|or|of|in|on|by|between|than|about|some|all)\s$"
)


# A resolution has at most a hundred or so notes; a text with more bodies than this uncited is not a
# resolution read slightly wrong, and the search (a pass over the text per note) is not worth its time.
MAX_WAITING = 300


def cite_by_sequence(paragraphs: list[Paragraph], notes: list[Footnote], lang: str) -> list[Paragraph]:
    """``paragraphs`` with the markers of uncited ``notes`` found by their place (see the module docstring)."""
    where = _citations(paragraphs)
    waiting = sorted(f.number for f in notes if f.kind == "footnote" and f.number not in where)
    if not waiting or len(waiting) > MAX_WAITING:
        return paragraphs
    paragraphs = list(paragraphs)
    # the whole document's words, for the evidence a marker glued to a symbol needs
    everything = "\n".join([p.text for p in paragraphs] + [f.text for f in notes])
    for number in waiting:
        before = max((n for n in where if n < number), default=None)
        after = min((n for n in where if n > number), default=None)
        start = where[before] if before is not None else (0, 0)
        end = where[after] if after is not None else (len(paragraphs), 0)
        found = _candidates(paragraphs, number, start, end, lang, everything)
        if len(found) > 1:
            found = [c for c in found if not c[2]]
        if len(found) == 1:
            index, offset, _ = found[0]
            paragraphs[index] = _cite(paragraphs[index], number, offset, lang)
            where = _citations(paragraphs)  # offsets after the cut moved in that paragraph
    return paragraphs


def _citations(paragraphs: list[Paragraph]) -> dict[int, tuple[int, int]]:
    """Note number → (paragraph index, offset of its marker), for the first citation of each note."""
    where: dict[int, tuple[int, int]] = {}
    for index, p in enumerate(paragraphs):
        for n, offset in zip(p.footnotes, p.footnote_positions):
            where.setdefault(n, (index, offset))
    return where


def _candidates(paragraphs: list[Paragraph], number: int, start: tuple[int, int], end: tuple[int, int],
                lang: str, everything: str = "") -> list[tuple[int, int, bool]]:
    """(paragraph index, offset, after a word that takes a number) of each "number" that may be its marker
    between the two places."""
    digits = str(number)
    after_rule = _ZH_NOT_A_MARKER_AFTER if lang == "zh" else NOT_A_MARKER_AFTER
    out = []
    for index in range(start[0], min(end[0] + 1, len(paragraphs))):
        p = paragraphs[index]
        if p.kind == "heading":
            continue
        text = p.text
        at = text.find(digits)
        while at >= 0:
            place, head = (index, at), text[max(at - 24, 0):at]  # the rules look at most 24 characters back
            at = text.find(digits, at + 1)
            if place < start or place >= end:
                continue
            if not head or head[-1] == "\n":  # a number opening a line is a paragraph's or a list's own
                continue
            if after_rule.match(text, place[1] + len(digits)):
                continue
            if _NOT_A_MARKER_BEFORE.search(head) and not _glued(head, text, place[1] + len(digits), digits, everything):
                continue
            out.append((index, place[1], bool(_TAKES_A_NUMBER.search(head))))
            if sum(not c[2] for c in out) > 1:
                return out  # two that may both be it: no marker can be chosen, whatever else there is
    return out


def _glued(head: str, text: str, end: int, digits: str, everything: str) -> bool:
    """Whether digits right after a word or a symbol are a marker glued to it (see _GLUED_TO_A_WORD and
    _SYMBOL_END); ``end``: where the digits end in ``text``."""
    if end < len(text) and text[end].isalnum():
        return False
    if _GLUED_TO_A_WORD.search(head):
        return True
    symbol = _SYMBOL_END.search(head)
    return bool(symbol) and _printed(everything, symbol.group(0)) > 0 and _printed(everything, symbol.group(0) + digits) == 1


def _printed(text: str, token: str) -> int:
    """How often ``token`` is printed in ``text`` as a whole symbol (not inside a longer one)."""
    count, at = 0, text.find(token)
    while at >= 0:
        end = at + len(token)
        if (not at or not (text[at - 1].isalnum() or text[at - 1] in "/-")) and (end == len(text) or not text[end].isdigit()):
            count += 1
        at = text.find(token, at + 1)
    return count


def space_around_marker(last: str, following: str, lang: str) -> str:
    """What joins the text on either side of a marker that was set off by spaces, once the marker and its
    spaces are taken out (``last``/``following``: the characters around): one space between two words,
    none next to Chinese or before punctuation. The reader's rule for every marker it removes."""
    cjk = lang == "zh" and ((last and is_cjk(last)) or (following and is_cjk(following)))
    return " " if last and following and not cjk and following not in ",;.:)]" else ""


def _cite(p: Paragraph, number: int, offset: int, lang: str) -> Paragraph:
    """``p`` with the digits at ``offset`` taken out of its text and cited as footnote ``number``. Spaces
    setting them off go with them, as the reader does for markers: one stays between two words, none next
    to Chinese or before punctuation ("Committee 14 in" → "Committee in", "《纲领》 2 中" → "《纲领》中")."""
    text = p.text
    end = offset + len(str(number))
    left, right = text[:offset].rstrip(" \t"), text[end:].lstrip(" \t")
    last, following = left[-1:], right[:1]
    set_off = len(left) < offset or len(right) < len(text) - end
    glue = space_around_marker(last, following, lang) if set_off and not following.isspace() else ""
    new_text = left + glue + right
    start, cut = len(left), len(text) - len(new_text)
    marks = sorted([*((n, o if o <= start else o - cut) for n, o in zip(p.footnotes, p.footnote_positions)),
                    (number, start)], key=lambda m: m[1])
    line = text.count("\n", 0, offset)
    subparagraphs = p.subparagraphs
    if line:
        old_line, new_line = text.split("\n")[line], new_text.split("\n")[line]
        subparagraphs = tuple(replace(s, text=new_line[len(s.marker):].strip())
                              if old_line.startswith(s.marker) and old_line[len(s.marker):].strip() == s.text else s
                              for s in subparagraphs)
    return replace(p, text=new_text, key=normalize(new_text), subparagraphs=subparagraphs,
                   footnotes=tuple(n for n, _ in marks), footnote_positions=tuple(o for _, o in marks))
