"""HTML pages saved from the web (the UN's ODS and documents pages): visible text, one block per paragraph.

Block elements (p, div, li, h1–h6, tr, br …) become line breaks and paragraph breaks; scripts, styles and
the head are dropped; character references are decoded. The result goes to the text reader, which
already knows web copies (half-width punctuation, bare-digit footnote markers, indented paragraphs).
Standard library only: a page is small and a full HTML5 parser would add a dependency for nothing.
"""

from __future__ import annotations

import functools

from resdiff import patterns
from resdiff.read.text import TO_SUPERSCRIPT

_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "center", "dd", "dt", "pre", "body", "hr"}
_SKIP = {"script", "style", "head", "title", "noscript", "template"}


@functools.cache
def _collector_class():
    # html.parser pulls in html.entities (~10 ms): load it only when a page is really HTML, not for
    # every text file that is merely checked with looks_like_html.
    from html.parser import HTMLParser

    return type("_TextCollector", (_TextCollectorMixin, HTMLParser), {})


class _TextCollectorMixin:
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_sup = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "sup":
            self.in_sup += 1

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag == "sup":
            self.in_sup = max(0, self.in_sup - 1)

    def handle_data(self, data):
        if self.skipping:
            return
        data = patterns.sub(r"[ \t\r\n]+", " ", data)
        # <sup>1</sup> is a footnote marker: keep it as a superscript digit the text reader knows.
        self.parts.append(data.translate(TO_SUPERSCRIPT) if self.in_sup and data.strip().isdigit() else data)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def html_to_text(text: str) -> str:
    collector = _collector_class()()
    collector.feed(text)
    collector.close()
    joined = "".join(collector.parts).replace("\xa0", " ")
    lines = [line.strip() for line in joined.split("\n")]
    return patterns.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
