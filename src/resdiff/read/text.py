"""Read a resolution from plain text: PDF extractions, web copies, flattened one-line copies.

This module only turns text into the line stream of ``read.structure`` (which finds header, paragraphs,
footnotes and furniture for every format): it splits the text into lines, remembers which ones followed
a blank line or were indented, and splits a resolution flattened onto one long line back into lines.
"""

from __future__ import annotations

import re

from resdiff import patterns
from resdiff.lang.detect import detect_language
from resdiff.model import Resolution
from resdiff.normalize import has_traditional, to_simplified
from resdiff.read.structure import EN_OPENERS, TO_SUPERSCRIPT, Line, build_resolution

__all__ = ["TO_SUPERSCRIPT", "parse_text"]


def _is_blank(raw: str) -> bool:
    return not raw.strip()


def _split_flattened(line: str, lang: str) -> list[str]:
    """Split a whole resolution flattened onto one line back into lines (header items, paragraphs)."""
    if lang == "zh" and has_traditional(line):
        # The rules are written in Simplified script: split the same-length Simplified view, then cut the
        # printed line at the same places.
        view = to_simplified(line)
        out, pos = [], 0
        for piece in _split_flattened(view, lang):
            at = view.find(piece, pos)
            if at < 0:
                return [line]
            out.append(line[at:at + len(piece)])
            pos = at + len(piece)
        return out
    if lang == "zh":
        # A space before a Chinese character, a "[" or an operative number is a lost line break, except
        # right after "[" / "(" or after the resolution number "55/109.".
        # A space after a full stop before a date ("…问题。 2000年12月4日") is one too: the closing lines.
        parts = patterns.split(r"(?<![\[(（])(?<!\d\.)\s+(?=[\u3400-\u9fff\[［]|\d{1,3}\.\s)|(?<=。)\s+(?=\d{4}\s*年)", line)
        for k in range(len(parts) - 1, 0, -1):  # "2020 年 12 月 16 日": a number and its unit stay together
            if parts[k][:1] in "年月日号届次段条款项" and parts[k - 1][-1:].isdigit():
                parts[k - 1:k + 1] = [parts[k - 1] + " " + parts[k]]
        parts = [piece for part in parts for piece in _ADOPTION_ZH.split(part)]
        k = 0
        while k < len(parts) - 1:  # "[根据…的报告(A/75/478/Add.2, 第 89 段)通过]" is one line
            if parts[k].count("[") + parts[k].count("［") > parts[k].count("]") + parts[k].count("］"):
                parts[k:k + 2] = [parts[k] + " " + parts[k + 1]]
            else:
                k += 1
        out = []
        for part in parts:
            # "…通过]55/109. 加强…": the number line was glued to the report line.
            out.extend(patterns.split(r"(?<=[\]］])\s*(?=\d+/\d+\.\s)", part))
        return _glue_note_continuations([p for p in _split_notes_and_closing(out) if p.strip()])
    opener = "|".join(re.escape(o.strip()) for o in EN_OPENERS)
    # after the end of a clause, possibly followed by a footnote marker ("session,⁵ 1. Reaffirms")
    marks = ("", "[⁰¹²³⁴⁵⁶⁷⁸⁹]", "[⁰¹²³⁴⁵⁶⁷⁸⁹]{2}", r"\(\d\)", r"\(\d\d\)", r"\[\d\]", r"\[\d\d\]", r"\d/", r"\d\d/")
    after_clause = "(?:" + "|".join(rf"(?<=[,;:.]{m})" for m in marks) + ")"
    parts = patterns.split(rf"{after_clause}\s+(?=\d{{1,3}}\.\s+[A-Z]|(?:{opener})\b|\([a-z]\)\s)", line)
    return [p for p in _split_notes_and_closing(parts) if p.strip()]


# The patterns below serve only texts flattened into long lines (a page copied as one paragraph):
# compiled on first use (patterns.lazy_compile), not by every reading.

# After a full stop: a footnote body ("¹ A/CONF…", "(1) …", "[1] …", "1/ …") or a closing line
# ("46th plenary meeting", "第46次全体会议", then its date) starts a line of its own.
_NOTE_OR_CLOSING = patterns.lazy_compile(
    r"(?:(?<=[.。])|(?<=\d{4})|(?<=日)|(?<=meeting)|(?<=会议))\s+(?=[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s|$)|(?:\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}/)(?:\s|$)"
    r"|\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting|第\s*\d+\s*次全体会议)"
    r"|(?<=meeting)\s+(?=\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b)|(?<=次全体会议)\s+(?=\d{4}\s*年)"
    # the header of an English text: agenda item, adoption line, report line, number and title, author
    r"|\s+(?=Agenda items? \d|Resolution adopted by |Decision adopted by |\[(?:on the report|without reference) "
    r"|\d{1,3}/\d{1,4}\.\s*[A-Z\u3400-\u9fff]|The (?:General Assembly|Human Rights Council|Security Council),?(?:\s|$))"
    r"|(?:(?<=The General Assembly)|(?<=The Human Rights Council))\s+(?=[A-Z][a-z]+(?:ing|ed)\b)"  # comma lost
    r"|(?<=session)\s+(?=\d{1,2}\s+[A-Z][a-z]+)"  # a Council's session and its dates: "18 June–6 July 2018"
)
_ADOPTION_ZH = patterns.lazy_compile(r"\s+(?=\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\S{0,8}决议(?:\s|$))")  # the adoption line
_AGENDA_AND_TITLE = patterns.lazy_compile(r"^(Agenda items? [\d()a-z]+(?:(?:,| and) [\d()a-z]+)*)\s+([A-Z].*)$")


_HYPHEN_GAP = patterns.compile(r"(?<=[A-Za-z]) -(?=[A-Za-z])")
_COLUMN_GAP = patterns.compile(r" {8,}")  # a gap no justified line of text has: two things printed apart
_NOTE_START = patterns.lazy_compile(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\(\d{1,3}\)|\[\d{1,3}\]|\d{1,3}/)(?:\s|$)")


def _glue_note_continuations(pieces: list[str]) -> list[str]:
    """Chinese pieces are cut before every Chinese character after a space ("第 66/3 号决议"): from the first
    footnote body on (footnotes come last in a flattened text), a piece that starts no new note
    continues the note before it."""
    out: list[str] = []
    in_notes = False
    for piece in pieces:
        if _NOTE_START.match(piece) and out and out[-1].rstrip().endswith(("。", ".", "日", "议")):
            in_notes = True
            out.append(piece)
        elif in_notes and not _NOTE_START.match(piece):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def _split_notes_and_closing(parts: list[str]) -> list[str]:
    out = []
    for part in parts:
        for piece in _NOTE_OR_CLOSING.split(part):
            m = _AGENDA_AND_TITLE.match(piece)  # "Agenda item 72 (b) Promotion and …": the item, then its title
            out.extend(m.groups() if m else (piece,))
    return out


def _prepare_lines(text: str, lang: str) -> list[Line]:
    raw_lines = text.replace("\f", "\n\n").replace("\ufeff", "").split("\n")
    # A resolution flattened onto one line: a very long line holding several paragraphs.
    expanded: list[str] = []
    for raw in raw_lines:
        if len(raw) > 300 and len(patterns.findall(r"[,，;；]\s+\S", raw)) >= 3:
            pieces = _split_flattened(raw.strip(), lang)
            for i, piece in enumerate(pieces):
                expanded.extend(([""] if i else []) + [piece])
        else:
            expanded.append(raw)
    lines: list[Line] = []
    blank = False
    for raw in expanded:
        if _is_blank(raw):
            blank = True
            continue
        indent = raw[:1] in (" ", "\t", "\u3000")
        # "pdftotext -layout" keeps both ends of a page header or footer on one line, far apart
        # ("A/RES/79/52        The Arms Trade Treaty", "2/14        24-24148"): each is a line of its own
        # "seventy -ninth", "non -governmental": pdftotext prints the kerning gap before a compound's
        # hyphen as a space (a dash between words is spaced on both sides or is an en dash)
        stripped = raw.strip()
        if " -" in stripped:
            stripped = _HYPHEN_GAP.sub("-", stripped)
        for k, part in enumerate(_COLUMN_GAP.split(stripped) if "        " in stripped else (stripped,)):
            lines.append(Line(part, blank_before=blank and not k, indent=indent and not k))
        blank = False
    return lines


# ── characters typed or extracted in another form ───────────────────────────────────────────────

# Full-width digits and Latin letters (typed with a Chinese input method) and an ideographic space inside
# a line: read as their ASCII forms, so "１．" numbers a paragraph and "２０２０" is a year. Full-width
# punctuation (，；。) is the normal Chinese form and is kept.
_FULL_WIDTH = {**{0xFF10 + d: str(d) for d in range(10)}, **{0xFF21 + k: chr(0x41 + k) for k in range(26)},
               **{0xFF41 + k: chr(0x61 + k) for k in range(26)}}
_FULL_WIDTH_RUN = patterns.compile(r"[０-９Ａ-Ｚａ-ｚ]")
_INNER_IDEOGRAPHIC_SPACE = patterns.compile(r"(?<=\S)\u3000+(?=\S)")
# "回 顾 其 1999 年": a space between every two Chinese characters or punctuation marks (a PDF extraction
# artefact); counted to recognise such a text, then removed. Compiled on first use, i.e. for Chinese
# texts only (its two CJK classes cost ~2 ms).
_CJK_SPACED = patterns.lazy_compile(r"(?<=[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])[ \t\u3000]+"
                           r"(?=[\u3400-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’])")
_CJK_CHAR = patterns.compile(r"[\u3400-\u9fff]")


def _as_typeset(text: str) -> tuple[str, list[str]]:
    """The text with full-width digits and letters as ASCII and spaced-out Chinese joined, and a note for
    each change made (the user sees what was read differently from the file)."""
    notes = []
    full = len(_FULL_WIDTH_RUN.findall(text))
    if full:
        text = _INNER_IDEOGRAPHIC_SPACE.sub(lambda m: " " * len(m.group(0)), text.translate(_FULL_WIDTH))
        notes.append(f"{full} full-width digits and letters were read as ASCII (１ as 1)")
    cjk = len(_CJK_CHAR.findall(text))
    # nearly every character stands apart: not a real text's spacing
    if cjk >= 20 and len(_CJK_SPACED.findall(text)) >= 0.6 * cjk:
        text = _CJK_SPACED.sub("", text)
        notes.append("the spaces between Chinese characters (a PDF extraction artefact) were removed")
    return text, notes


# ── the reader ────────────────────────────────────────────────────────────────────────────────────


def parse_text(text: str, lang: str | None = None, source: str | None = None) -> Resolution:
    """Read a resolution from its plain text (any of the layouts described in the module docstring)."""
    text, notes = _as_typeset(text)
    language = lang or detect_language(text)
    return build_resolution(_prepare_lines(text, language), language, source=source, notes=tuple(notes))
