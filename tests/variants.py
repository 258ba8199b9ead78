"""Synthetic variants of real resolution texts, for the corpus check of issue 9.

Each variant is what the same document looks like from another source (a web copy, another PDF
extraction, a Traditional-script edition): the words and the paragraphs are the real ones, only the
layout changes. ``base_text`` writes a real text of tests/corpus in one plain layout (the project's text
writer, footnote markers as superscripts); every transformation below takes such a text and returns
its variant. All results are synthetic and are named so in the tests that use them.

Transformations (``TRANSFORMS``):
- ``no_author_comma``: "The General Assembly," → "The General Assembly", "大会，" → "大会";
- ``markers_paren`` / ``markers_slash`` / ``markers_bracket`` / ``markers_bare``: footnote markers and the
  numbers of the footnote bodies as ``(2)``, ``2/``, ``[2]`` or a bare digit after a space;
- ``traditional``: Chinese converted to Traditional script (OpenCC s2t);
- ``flatten``: the whole text on one line, paragraphs separated by a space (old web copies);
- ``rewrap``: every paragraph broken into short lines (English at 60 columns, Chinese at 28 characters);
- ``page_breaks``: page furniture (symbol, running title, job number, page number) before every fifth
  paragraph, with no blank line around it (a paragraph starting at the top of a page);
- ``raw_lines``: rewrapped, no blank line at all, one page break (``pdftotext -raw``);
- ``cut_short``: the text cut in the middle of an operative paragraph (what an excerpt looks like).
"""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache
from pathlib import Path


_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_RUN = re.compile(f"[{_SUP}]+")
_AUTHOR = re.compile(r"^(The General Assembly|The Human Rights Council|大会|人权理事会)[,，]?\s*$", re.M)


def base_text(path: Path) -> str:
    """The real text of ``path`` in the writer's plain layout (header, author, paragraphs, footnotes)."""
    from resdiff.read import read_file
    from resdiff.render.text import resolution_text

    return resolution_text(read_file(path))


def _digits(run: str) -> str:
    return run.translate(str.maketrans(_SUP, "0123456789"))


def no_author_comma(text: str) -> str:
    return _AUTHOR.sub(r"\1", text, count=1)


def _markers(text: str, style) -> str:
    body, sep, notes = _split_notes(text)
    body = _SUP_RUN.sub(lambda m: style(_digits(m.group(0)), inline=True), body)
    notes = _SUP_RUN.sub(lambda m: style(_digits(m.group(0)), inline=False), notes)
    return body + sep + notes


def _split_notes(text: str) -> tuple[str, str, str]:
    """(body, separator, footnote bodies): the writer puts the footnote bodies last."""
    m = re.search(rf"\n\n(?=[{_SUP}]+ )", text)
    if not m:
        return text, "", ""
    return text[:m.start()], m.group(0), text[m.end():]


def markers_paren(text: str) -> str:
    return _markers(text, lambda n, inline: f"({n})")


def markers_slash(text: str) -> str:
    return _markers(text, lambda n, inline: f"{n}/")


def markers_bracket(text: str) -> str:
    return _markers(text, lambda n, inline: f"[{n}]")


def markers_bare(text: str) -> str:
    return _markers(text, lambda n, inline: f" {n}" if inline else n)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _s2t().convert(text)


def flatten(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def rewrap(text: str) -> str:
    out = []
    for block in text.split("\n\n"):
        if re.search(r"[\u4e00-\u9fff]", block):
            lines = [block[k:k + 28] for k in range(0, len(block), 28)]
        else:
            lines = textwrap.wrap(block, 60, break_long_words=False, break_on_hyphens=False) or [block]
        out.append("\n".join(lines))
    return "\n\n".join(out)


_PARAGRAPH_START = re.compile(r"\n\n(?=\S)")


def page_breaks(text: str, every: int = 5) -> str:
    """Page furniture glued before every ``every``-th paragraph of the body (after the author line): the
    document's symbol and running title (its own, from the text), a synthetic job number and page number,
    as a PDF extraction prints them at the top of a page."""
    symbol = re.search(r"^(\d+)/(\d+)\.\s*(.+)$", text, re.M)
    title = symbol.group(3) if symbol else "Synthetic running title"
    symbol = f"A/RES/{symbol.group(1)}/{symbol.group(2)}" if symbol else "A/RES/00/000"
    author = _AUTHOR.search(text)
    if not author:
        return text
    head, body = text[:author.end()], text[author.end():]
    body, sep, notes = _split_notes(body)
    starts = [m.start() for m in _PARAGRAPH_START.finditer(body)][1:]
    pieces, last, page = [], 0, 2
    for k, at in enumerate(starts, 1):
        if k % every:
            continue
        furniture = f"\n{symbol}\n{title}\n00-00000\n{page}/9\n"
        pieces += [body[last:at], furniture]
        last, page = at + 2, page + 1
    pieces.append(body[last:])
    return head + "".join(pieces) + sep + notes


def cut_short(text: str, fraction: float = 0.5) -> str:
    """The text cut inside the operative paragraph at ``fraction`` of the operative part, keeping the
    footnote bodies of the markers before the cut (what an excerpt of the first pages holds)."""
    body, sep, notes = _split_notes(text)
    ops = [m.start() for m in re.finditer(r"^\d+\. ", body, re.M)]
    if not ops:
        return body
    k = ops[min(int(len(ops) * fraction), len(ops) - 1)]
    end = body.find("\n", k)
    paragraph = body[k:end if end >= 0 else len(body)]
    kept = body[:k] + paragraph[: max(len(paragraph) // 2, 12)].rstrip()
    cited = {int(_digits(m.group(0))) for m in _SUP_RUN.finditer(kept)}
    notes = "\n\n".join(n for n in notes.split("\n\n") if _SUP_RUN.match(n)
                        and int(_digits(_SUP_RUN.match(n).group(0))) in cited)
    return kept + (sep + notes if notes else "")


def raw_lines(text: str) -> str:
    """Rewrapped with no blank line anywhere but one page break (a form feed) in the middle: what
    ``pdftotext -raw`` gives, paragraphs told apart only by their words."""
    blocks = rewrap(text).split("\n\n")
    half = len(blocks) // 2
    return "\n".join(blocks[:half]) + "\n\f" + "\n".join(blocks[half:])


TRANSFORMS = {
    "no_author_comma": no_author_comma,
    "markers_paren": markers_paren,
    "markers_slash": markers_slash,
    "markers_bracket": markers_bracket,
    "markers_bare": markers_bare,
    "traditional": traditional,
    "flatten": flatten,
    "rewrap": rewrap,
    "page_breaks": page_breaks,
    "raw_lines": raw_lines,
}
# Transformations after which the text holds fewer words: checked apart (the paragraphs read are a prefix).
SHORTENING = {"cut_short": cut_short}


def in_parts(texts: list[str], titles: list[str]) -> str:
    """A resolution in parts (synthetic): the header of the first text, then for each text its part
    letter ("A", "B" …), a part title, its author line and its paragraphs. Footnotes are left out (a real
    resolution in parts numbers them on across the parts)."""
    out = []
    for k, (text, title) in enumerate(zip(texts, titles)):
        text = re.sub(rf"\n\n[{_SUP}]+ [^\n]*", "", text)
        text = _SUP_RUN.sub("", text)
        author = _AUTHOR.search(text)
        if k == 0:
            out.append(text[:author.start()])
        out.append(f"{chr(ord('A') + k)}\n\n{title}\n\n{text[author.start():].rstrip()}\n\n")
    return "".join(out)

