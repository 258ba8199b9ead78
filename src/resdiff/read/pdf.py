"""Read a resolution from a PDF with a text layer, using where each piece of text sits.

PDFium (pypdfium2, imported only when a PDF is read) gives the text objects of each page: runs of text
in one font, with their box, font size and font name. From those this module builds the line stream of
``read.structure``, taking out what a reader of the printed page does not read as text:

- page furniture: lines in the top or bottom band of a page that are smaller than the body text, look
  like a running symbol, page number ``2/5``, job number ``25-17660 (E) 071125`` or bar code
  ``*2517660*``, or repeat on other pages; the first page's masthead stays (it holds the symbol and
  the date the header needs);
- footnote bodies: the text under the short rule at the page foot (or, without a rule, smaller text at
  the foot that starts with a number); a body without its number at the top of a page continues the
  last footnote of the page before; ``* On behalf of …`` notes go to the header;
- footnote markers: raised, smaller digits in a line, recorded with their offset instead of kept as text;
- paragraph starts from geometry: a first-line indent, a wider vertical gap, or an operative number
  hanging in the margin (joined to its paragraph). The first line of a page that is not indented
  continues the paragraph of the page before;
- emphasis: the italic or bold runs that open a paragraph (English lead verbs; bold Chinese verbs).

Nothing here assumes Latin text: runs are joined with a space only where the gap between them is wide
and neither side is Chinese.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from resdiff import patterns
from resdiff.errors import UserError
from resdiff.lang.detect import detect_language
from resdiff.model import Footnote, Resolution
from resdiff.normalize import is_cjk
from resdiff.read.decode import clean_text  # XML-forbidden controls never reach a Word file or a terminal
from resdiff.read.structure import Line, build_resolution
from resdiff.records import mutable_record

_OCR_HINT = ("resdiff reads the text layer of a PDF and does not do OCR: give the Word or text version, "
             "or a PDF saved from Word or LibreOffice")

# Page furniture, recognised by its words (anchors) wherever it sits in the top or bottom band.
_FURNITURE_TEXT = [
    patterns.compile(r"^[A-Z]{1,2}(?:/[A-Z0-9.\-]+)+\s*$"),  # running symbol A/RES/79/156, A/C.3/80/L.23
    patterns.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),  # page "2/14"
    patterns.compile(r"^\d{2}-\d{5}\s*(?:\(\w\))?(?:\s*\d{6})?(?:\s*\d{2}/\d{2}/\d{2,4})?$"),  # job number
    patterns.compile(r"^\*\d{5,}\*$"),  # bar code "*2424148*"
    patterns.compile(r"^(?:\d{2}-|\d{5,6}|\(\w\))(?:\s*\(\w\))?(?:\s*\d{5,6})?\s*$"),  # pieces of a job number set apart
    patterns.compile(r"^(?:Please recycle|请回收)\W*$", re.I),
]
_MARKER = patterns.compile(r"^\s*(\d{1,3})\s*$")
_STAR = patterns.compile(r"^\s*\*{1,3}\s*$")
_HANGING_NUMBER = patterns.compile(r"^\s*\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.．]\s*$")
_BARE_NUMBER = patterns.compile(r"\d{1,3}\s*")
_SPACES = patterns.compile(r"\s+")
_SOFT_HYPHEN = "\x02"  # PDFium's character for a hyphen Word printed at a line break


@mutable_record
class _Run:
    """A run of text on a PDF page as PDFium gives it: its box, font size and style, its text."""

    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    italic: bool
    bold: bool
    text: str
    barcode: bool = False


@dataclass(eq=False)  # compared by identity (a line sits in several height bands)
class _PdfLine:
    runs: list[_Run]
    page: int
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # size of the line's main text (the most characters)
    x0: float = 0.0
    x1: float = 0.0
    text: str = ""
    markers: list[tuple[int, int]] = field(default_factory=list)
    lead: str = ""
    raised_first: bool = False  # the line starts with a raised or smaller number (a footnote body's)


# ── PDFium access ─────────────────────────────────────────────────────────────────────────────────


def _open(path: Path, data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise UserError(f"{path} is an encrypted PDF (it needs a password)",
                            "open it in a PDF viewer with its password and save an unprotected copy, or give "
                            "the Word or text version",
                            zh=(f"{path} 是加密的 PDF（需要密码）",
                                "请在 PDF 阅读器中用密码打开并另存一份不加密的副本，或提供 Word 或文本版本")) from None
        raise UserError(f"{path} is a damaged or incomplete PDF (PDFium could not open it)",
                        "download it again, or give the Word or text version",
                        zh=(f"{path} 是已损坏或不完整的 PDF（PDFium 无法打开）", "请重新下载，或提供 Word 或文本版本")) from None


class _Pages:
    """The text runs and rules of every page, read with PDFium's C API (a few calls per text object,
    not per character: fast enough for a 5-page resolution in a few tens of milliseconds)."""

    def __init__(self, pdf):
        import ctypes

        import pypdfium2.raw as raw

        self.raw, self.ctypes, self.pdf = raw, ctypes, pdf
        self.text_buffer = (ctypes.c_ushort * 2048)()  # UTF-16 text of one object, grown when needed
        self.name_buffer = ctypes.create_string_buffer(256)
        self.fonts: dict[bytes, tuple[bool, bool, bool]] = {}
        self.box = [ctypes.c_float() for _ in range(4)]

    def font_style(self, font) -> tuple[bool, bool, bool]:
        """(italic, bold, barcode) of a font, from its name, weight and italic angle."""
        raw, ctypes = self.raw, self.ctypes
        key = bytes(font)  # the pointer's value: the same font object gives the same key
        if key not in self.fonts:
            n = raw.FPDFFont_GetBaseFontName(font, self.name_buffer, 256)
            name = self.name_buffer.raw[:max(n - 1, 0)].decode("latin-1").lower()
            angle = ctypes.c_int(0)
            raw.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
            weight = raw.FPDFFont_GetWeight(font)
            italic = "italic" in name or "oblique" in name or angle.value != 0
            bold = "bold" in name or "black" in name or "heavy" in name or weight >= 600
            self.fonts[key] = (italic, bold, "barcode" in name or "3of9" in name or "3 of 9" in name)
        return self.fonts[key]

    def page(self, index: int) -> tuple[list[_Run], list[tuple[float, float, float]], float, float]:
        """(runs, horizontal rules as (x0, x1, y), width, height) of one page."""
        raw, ctypes = self.raw, self.ctypes
        page = self.pdf[index]
        width, height = page.get_size()
        textpage = page.get_textpage()
        runs: list[_Run] = []
        rules: list[tuple[float, float, float]] = []
        l, b, r, t = self.box
        size = ctypes.c_float()
        for k in range(raw.FPDFPage_CountObjects(page)):
            obj = raw.FPDFPage_GetObject(page, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                if raw.FPDFPageObj_GetBounds(obj, l, b, r, t) and t.value - b.value < 2.5 and r.value - l.value > 30:
                    rules.append((l.value, r.value, t.value))
                continue
            if kind != raw.FPDF_PAGEOBJ_TEXT:
                continue
            # the box first: PDFs hold many empty text objects, and reading text is the costly call
            raw.FPDFPageObj_GetBounds(obj, l, b, r, t)
            if r.value - l.value < 0.01:
                continue
            n = raw.FPDFTextObj_GetText(obj, textpage, self.text_buffer, len(self.text_buffer) * 2)
            if n > len(self.text_buffer) * 2:
                self.text_buffer = (ctypes.c_ushort * n)()
                n = raw.FPDFTextObj_GetText(obj, textpage, self.text_buffer, n * 2)
            if n <= 2:
                continue
            text = ctypes.string_at(ctypes.addressof(self.text_buffer), n - 2).decode("utf-16-le", errors="replace")
            if not text.strip():
                continue
            raw.FPDFTextObj_GetFontSize(obj, ctypes.byref(size))
            italic, bold, barcode = self.font_style(raw.FPDFTextObj_GetFont(obj))
            runs.append(_Run(l.value, b.value, r.value, t.value, size.value, italic, bold,
                             clean_text(text.replace(_SOFT_HYPHEN, "-")).replace("\n", " "), barcode))
        textpage.close()
        page.close()
        return runs, rules, width, height


# ── lines from runs ───────────────────────────────────────────────────────────────────────────────


def _group_lines(runs: list[_Run], page: int) -> list[_PdfLine]:
    """Runs that share a text line, top to bottom; a line whose runs are far apart (two columns of the
    masthead) becomes two lines. Bigger runs are placed first, so a raised marker joins the line of
    the text it follows instead of starting a line of its own."""
    lines: list[_PdfLine] = []
    buckets: dict[int, list[_PdfLine]] = {}  # lines by 4-point bands of height: only near ones are tried

    def register(line: _PdfLine) -> None:
        for band in range(int(line.bottom // 4), int(line.top // 4) + 1):
            bucket = buckets.setdefault(band, [])
            if line not in bucket:
                bucket.append(line)

    # (a lone punctuation mark may be set in a bigger size than its line: it comes after the words)
    for run in sorted(runs, key=lambda r: (-(r.size if len(r.text.strip()) > 1 else r.size / 2), -r.y1)):
        height = max(run.y1 - run.y0, 0.5)
        best, best_overlap = None, 0.0
        for band in range(int(run.y0 // 4), int(run.y1 // 4) + 1):
            for line in buckets.get(band, ()):
                overlap = min(line.top, run.y1) - max(line.bottom, run.y0)
                if overlap > best_overlap:
                    best, best_overlap = line, overlap
        # a raised marker may only touch the top of its line's box
        need = 0.05 if best is not None and run.size < best.size * 0.85 else 0.3
        if best is not None and best_overlap >= need * min(height, best.top - best.bottom or height):
            best.runs.append(run)
            if run.size >= best.size * 0.85 and len(run.text.strip()) > 1 and (
                    run.y1 > best.top or run.y0 < best.bottom):
                best.top, best.bottom = max(best.top, run.y1), min(best.bottom, run.y0)
                register(best)
        else:
            line = _PdfLine([run], page, top=run.y1, bottom=run.y0, size=run.size)
            lines.append(line)
            register(line)
    lines.sort(key=lambda l: -(l.top + l.bottom))
    out: list[_PdfLine] = []
    for line in lines:
        line.runs.sort(key=lambda r: r.x0)
        if len(line.runs) == 1:
            main = round(line.runs[0].size, 1)
        else:
            chars: dict[float, int] = {}
            for run in line.runs:
                key = round(run.size, 1)
                chars[key] = chars.get(key, 0) + len(run.text.strip())
            main = max(chars, key=chars.__getitem__)
        pieces: list[list[_Run]] = [[]]
        for run in line.runs:
            if pieces[-1] and run.x0 - pieces[-1][-1].x1 > 4 * main and not _HANGING_NUMBER.match(pieces[-1][-1].text):
                pieces.append([])
            pieces[-1].append(run)
        for part in pieces:
            out.append(_finish_line(_PdfLine(part, page), main))
    return out


_HYPHENS = "-\u2010\u2011"


def _inside_compound(before: str, after: str) -> bool:
    """A gap at a hyphen between two letters or digits is not a space: justified lines and the
    non-breaking hyphen's glyph leave one in official PDFs ("fifty -ninth", "public -private")."""
    if after[:1] in _HYPHENS:
        return before[-1:].isalnum() and after[1:2].isalnum()
    return before[-1:] in _HYPHENS and before[-2:-1].isalnum() and after[:1].isalnum()


def _cjk_boundary(before: str, after: str) -> bool:
    left, right = before.rstrip()[-1:], after.lstrip()[:1]
    return bool(left and right) and (before[-1:].isspace() or after[:1].isspace()) and (is_cjk(left) or is_cjk(right))


def _finish_line(line: _PdfLine, main: float) -> _PdfLine:
    """Text, markers (raised smaller digits), emphasised lead and extent of one line."""
    line.size = main
    full = [r for r in line.runs if r.size >= main * 0.85] or line.runs
    line.top = max(r.y1 for r in full)
    line.bottom = min(r.y0 for r in full)
    base = max(full, key=lambda r: len(r.text)).y0  # baseline-ish: the longest run's bottom
    line.x0, line.x1 = line.runs[0].x0, line.runs[-1].x1
    parts: list[str] = []
    length = 0
    prev: _Run | None = None
    lead_open = True
    lead: list[str] = []
    after_marker = False
    for i, run in enumerate(line.runs):
        text = run.text
        small = run.size < main * 0.85
        raised = run.y0 > base + main * 0.2
        marker = _MARKER.match(text)
        if marker and small and (raised or i > 0):
            if i == 0:
                line.raised_first = True
                parts.append(marker.group(1))
                length += len(marker.group(1))
                prev = run
                continue
            line.markers.append((int(marker.group(1)), length - (1 if parts and parts[-1].endswith(" ") else 0)))
            prev = run
            after_marker = True
            continue
        if prev is not None and parts:
            gap = run.x0 - prev.x1
            last = parts[-1][-1:] if parts[-1] else ""
            # the space after a raised marker is narrower than a word space ("2016,⁹ recognizing": 2.2
            # points at 10 points), and a word never follows a marker without one
            wide = main * 0.12 if after_marker and text[:1].isalnum() else main * 0.3
            if (last and not last.isspace() and not text[:1].isspace() and gap > wide
                    and not (is_cjk(last) or is_cjk(text.lstrip()[:1]))
                    and not _inside_compound(parts[-1], text)):
                parts.append(" ")
                length += 1
        if parts and parts[-1][-1:].isspace() and text[:1].isspace():
            text = text.lstrip()  # one space between two runs, not one from each (LibreOffice PDFs)
        if parts and _cjk_boundary(parts[-1], text):
            # the gap between Chinese and Latin text or digits ("2020 年") is spacing, not a space
            parts[-1] = parts[-1].rstrip()
            text = text.lstrip()
            length = sum(len(p) for p in parts)
        parts.append(text)
        length += len(text)
        after_marker = False
        # emphasised opening words: italic or bold runs at the start (after a hanging number)
        if lead_open:
            if _HANGING_NUMBER.match(text) and i == 0:
                pass
            elif (run.italic or run.bold) and text.strip():
                lead.append(text)
            elif text.strip():
                lead_open = False
        prev = run
    if len(line.runs) > 1 and _BARE_NUMBER.fullmatch(line.runs[0].text) and not line.raised_first \
            and line.runs[1].x0 - line.runs[0].x1 > main and parts and parts[0] == line.runs[0].text:
        # an operative number printed without its dot, set off by a tab ("25  Condemns")
        dotted = parts[0].rstrip() + ". "
        line.markers = [(n, o + len(dotted) - len(parts[0])) for n, o in line.markers]
        parts[0] = dotted
    raw_text = "".join(parts)
    stripped = raw_text.lstrip()
    cut = len(raw_text) - len(stripped)
    line.text = stripped.rstrip()
    line.markers = [(n, min(max(o - cut, 0), len(line.text))) for n, o in line.markers]
    line.lead = _SPACES.sub(" ", "".join(lead)).strip() if lead else ""
    return line


# ── the page: furniture, footnotes, body ─────────────────────────────────────────────────────────


def _norm(text: str) -> str:
    return patterns.sub(r"\d+", "#", patterns.sub(r"\s+", "", text))


@mutable_record
class _Document:
    """A PDF's lines sorted into body and footnote lines, with the body's text size and left margin."""

    body: list[_PdfLine]
    footnote_lines: list[_PdfLine]
    body_size: float
    left: float


def _layout(pages: list[tuple[list[_PdfLine], list[tuple[float, float, float]], float, float]]) -> _Document:
    sizes = Counter()
    for lines, _, _, _ in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    # texts seen in the top / bottom band of several pages: running titles and symbols
    band_texts: Counter = Counter()
    for lines, _, _, height in pages:
        seen = {_norm(l.text) for l in lines if l.top > height * 0.88 or l.bottom < height * 0.1}
        band_texts.update(seen)
    body: list[_PdfLine] = []
    notes: list[_PdfLine] = []
    for index, (lines, rules, width, height) in enumerate(pages):
        top_band, bottom_band = height * 0.9, height * 0.1

        def furniture(line: _PdfLine) -> bool:
            in_band = line.bottom > top_band or line.top < bottom_band
            if not in_band:
                return False
            if index == 0 and line.bottom > top_band:
                return False  # the masthead ("United Nations  A/C.3/80/L.2"): read by the header
            if any(r.barcode for r in line.runs) or any(p.match(line.text) for p in _FURNITURE_TEXT):
                return True
            if line.top < bottom_band:
                return False  # at the foot only the anchors above: footnote bodies reach down there
            return line.size < body_size * 0.9 or (len(pages) > 2 and band_texts[_norm(line.text)] >= 2)

        kept = [l for l in lines if not furniture(l)]
        # a rule drawn with underscores ("__________________") is text in some PDFs
        rules = rules + [(l.x0, l.x1, l.top) for l in kept if patterns.fullmatch(r"_{5,}", l.text)]
        kept = [l for l in kept if not patterns.fullmatch(r"_{5,}", l.text)]
        # the footnote rule: a short horizontal line in the lower part of the page with smaller text below
        rule_y = None
        for x0, x1, y in sorted(rules, key=lambda r: -r[2]):
            if y < height * 0.6 and x1 - x0 < width * 0.45:
                below = [l for l in kept if l.top < y]
                if below and all(l.size < body_size * 0.95 for l in below):
                    rule_y = y
                    break
        if rule_y is None:
            # no rule: smaller lines at the foot that start with a number are footnote bodies
            tail = []
            for line in reversed(kept):
                if line.size < body_size * 0.9 and line.bottom < height * 0.4:
                    tail.append(line)
                else:
                    break
            tail.reverse()
            if tail and (tail[0].raised_first or patterns.match(r"^\d{1,3}\s", tail[0].text)):
                rule_y = tail[0].top + 1
        for line in kept:
            (notes if rule_y is not None and line.top <= rule_y else body).append(line)
    lefts = Counter(round(l.x0) for l in body if abs(l.size - body_size) < 1)
    left = lefts.most_common(1)[0][0] if lefts else 0.0
    return _Document(body, notes, body_size, left)


def _footnotes(lines: list[_PdfLine]) -> tuple[list[Footnote], list[str]]:
    """Footnote bodies (a number, then text; lines without a number continue the last one, also across
    pages) and starred notes."""
    from resdiff.read.structure import _join_all

    bodies: list[tuple[str, list[str]]] = []
    for line in lines:
        m = patterns.match(r"^(\d{1,3})\s*(.*)$", line.text) if (line.raised_first or bodies == [] or
                                                            patterns.match(r"^\d{1,3}\s", line.text)) else None
        star = patterns.match(r"^(\*{1,3})\s*(.*)$", line.text)
        expected = 1 + max((int(k) for k, _ in bodies if k.isdigit()), default=0)
        if m and (line.raised_first or int(m.group(1)) == expected):
            bodies.append((m.group(1), [m.group(2)]))
        elif star:
            bodies.append(("*", [star.group(2)]))
        elif bodies:
            bodies[-1][1].append(line.text)
        else:
            bodies.append(("?", [line.text]))
    footnotes, stars = [], []
    for key, pieces in bodies:
        text = _join_all([p for p in pieces if p])
        if key == "*":
            stars.append(text)
        elif key.isdigit():
            footnotes.append(Footnote(int(key), text))
        else:
            stars.append(text)  # text under the rule without a number: kept, never dropped
    return footnotes, stars


def _stream(doc: _Document) -> list[Line]:
    """Body lines as the structure finder's stream: paragraph starts from indent, gaps and hanging
    numbers; page breaks."""
    out: list[Line] = []
    prev: _PdfLine | None = None
    pitches = Counter()
    for a, b in zip(doc.body, doc.body[1:]):
        if a.page == b.page and a.bottom > b.bottom:
            pitches[round(a.bottom - b.bottom)] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else doc.body_size * 1.2
    for line in doc.body:
        page_break = prev is not None and line.page != prev.page
        gap = prev is not None and not page_break and prev.bottom - line.bottom > pitch * 1.35
        indent = line.x0 - doc.left > doc.body_size * 0.9
        hanging = bool(patterns.match(r"^\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.．]\s", line.text)) and line.x0 < doc.left + doc.body_size * 4
        out.append(Line(
            line.text, blank_before=gap, after_break=page_break, indent=indent,
            starts_paragraph=indent or gap or hanging or prev is None,
            lead=_strip_number(line.lead), markers=tuple(line.markers),
        ))
        prev = line
    return out


def _strip_number(lead: str) -> str:
    return patterns.sub(r"^\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.．]\s*", "", lead)


def read_pdf(path: str | Path, data: bytes | None = None, lang: str | None = None) -> Resolution:
    """Read a resolution from a PDF file (see the module docstring). UserError for a PDF without a
    text layer (a scan), an encrypted or a damaged one."""
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    pdf = _open(path, data)
    try:
        reader = _Pages(pdf)
        pages = []
        for index in range(len(pdf)):
            runs, rules, width, height = reader.page(index)
            pages.append((_group_lines(runs, index), rules, width, height))
    finally:
        pdf.close()
    if not any(lines for lines, _, _, _ in pages):
        raise UserError(f"{path} has no text layer (a scanned PDF?)", _OCR_HINT,
                        zh=(f"{path} 没有文字层（是扫描的 PDF？）",
                            "resdiff 读取 PDF 的文字层，不做文字识别（OCR）：请提供 Word 或文本版本，或由 Word、LibreOffice 保存的 PDF"))
    doc = _layout(pages)
    footnotes, stars = _footnotes(doc.footnote_lines)
    stream = _stream(doc)
    language = lang or detect_language("\n".join(l.text for l in stream))
    return build_resolution(stream, language, source=str(path), footnotes=tuple(footnotes),
                            header_notes=tuple(stars))
