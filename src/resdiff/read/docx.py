"""Read Word .docx files: the visible text of each paragraph, with tracked changes resolved.

python-docx is not enough here (GUIDE.md §7): ``paragraph.text`` omits automatic list numbers, reads
``w:ins`` content only in some layouts, and mixes both sides of a revision. So this module reads the
WordprocessingML parts directly with lxml (python-docx's own XML library):

- ``docx_content(source, view)`` → :class:`DocxContent`: every body paragraph as Word shows it in the
  chosen view, with its automatic number rendered from numbering.xml, the offsets of its footnote
  references (and of NOTEREF fields, Word's way to cite a footnote again), its emphasised (bold/italic)
  opening words, plus the footnote bodies and the number of tracked revisions.
- ``docx_paragraphs(source, view)`` → the visible text of each paragraph (number + separator + text),
  the exact strings a redline check compares.
- ``read_docx(path, lang, view="accept")`` → :class:`resdiff.model.Resolution`.

Besides the body (tables included) it reads text boxes (after the paragraph that anchors them, one
branch of an ``mc:AlternateContent`` only), equations (linear form), endnotes, SmartArt data and .docx,
HTML and plain-text altChunks; what it sees but does not read (page headers and footers, comments,
charts, OLE objects, RTF chunks) is listed in ``DocxContent.unread`` and becomes a note.

Views. "accept": keep ``w:ins``/``w:moveTo`` content, drop ``w:del``/``w:delText``/``w:moveFrom``; a
paragraph whose mark is deleted (``w:pPr/w:rPr/w:del`` or ``w:moveFrom``) merges with the next one, whose
properties (numbering) the merged paragraph keeps — what Word does when the deletion is accepted.
"reject": the mirror image — inserted content and inserted paragraph marks go, deleted ones stay, and
a paragraph's numbering comes from its previous properties (``w:pPrChange``) when it has them.

Numbering follows Word: counters belong to the abstract numbering definition (``w:num`` instances that
share one continue each other's count unless a ``w:startOverride`` restarts them); a level's counter
restarts whenever a shallower level advances; ``%1.%2`` patterns in ``w:lvlText`` are filled with each
level's counter in that level's format (decimal, lowerLetter, lowerRoman, upperLetter, upperRoman,
Chinese counting, enclosed ideographs ㈠ …); ``w:suff`` gives the separator (tab by default).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import field, replace
from pathlib import Path
from typing import Iterator, Union

from lxml import etree

from resdiff import patterns
from resdiff.errors import UserError
from resdiff.read.wordnumbers import SPELLED_FORMATS, custom_number, spelled, symbol_char
from resdiff.records import mutable_record, record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
O_NS = "urn:schemas-microsoft-com:office:office"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_P, W_R, W_T, W_DELTEXT, W_PPR, W_RPR = _w("p"), _w("r"), _w("t"), _w("delText"), _w("pPr"), _w("rPr")
W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO = _w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")
W_VAL = _w("val")
W_TXBX = _w("txbxContent")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (f"{{{MC_NS}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
M_MATH, M_MATH_PARA = f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"
# Elements that only wrap runs: their content is read as if it stood in the paragraph itself.
_RUN_CONTAINERS = {_w(n) for n in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "dir",
                                   "bdo")}
# Block containers the body walk descends into to find paragraphs (text boxes are read after the
# paragraph that anchors them, see _Collector.objects).
_BLOCK_CONTAINERS = {_w(n) for n in ("tbl", "tc", "sdt", "sdtContent", "customXml")}
# Every element kind that is one tracked revision in Word's count.
_REVISION_TAGS = {_w(n) for n in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                                  "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                                  "tblGridChange", "numberingChange")}
_FALSE = {"0", "false", "off"}
_SPECIAL_FOOTNOTES = {"separator", "continuationSeparator", "continuationNotice"}
_MAX_CHUNK_DEPTH = 3  # an altChunk document may hold altChunks of its own; Word stops somewhere too

REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

Source = Union[str, Path, bytes]
VIEWS = ("accept", "reject")


# ── results ───────────────────────────────────────────────────────────────────────────────────────

@record
class FootnoteRef:
    """A footnote or endnote reference in a paragraph: where its mark stands, the note's id and kind."""

    offset: int  # position in DocxParagraph.text where the reference mark stands
    id: str  # w:id of the footnote in the footnotes part (of the endnote in the endnotes part)
    custom_mark: str = ""  # the mark text when the reference uses a custom mark (w:customMarkFollows)
    kind: str = "footnote"  # "footnote" or "endnote"


@record
class DocxParagraph:
    """One paragraph of a .docx as the reader sees it: text, automatic number, list level, notes, style."""

    text: str  # visible text without the automatic number and without footnote reference marks
    number: str = ""  # automatic number as Word renders it ("1.", "(a)", "㈠"), "" when not numbered
    separator: str = ""  # what Word puts after the number: "\t" (default), " " or ""
    level: int | None = None  # list level (w:ilvl) of a numbered paragraph
    footnote_refs: tuple[FootnoteRef, ...] = ()
    lead: str = ""  # bold or italic words that open the paragraph ("重申", "Recalling also"), or ""
    style: str = ""  # paragraph style id ("Heading1"), "" for the default style
    part: str = "body"  # where it stands: "body", "textbox", "smartart" or "altchunk" (an embedded document)

    @property
    def visible(self) -> str:
        """The paragraph as it reads on screen: automatic number, separator, text."""
        return f"{self.number}{self.separator}{self.text}" if self.number else self.text


@record
class DocxContent:
    """What the .docx reader found: paragraphs, note bodies and formats, revisions counted, what it could not read."""

    paragraphs: tuple[DocxParagraph, ...]  # body paragraphs in reading order (empty ones included)
    footnotes: tuple[tuple[str, str], ...] = ()  # (footnote id, body text) in the footnotes part's order
    revisions: int = 0  # tracked revisions found in the body and the footnotes (both views count the same)
    view: str = "accept"
    endnotes: tuple[tuple[str, str], ...] = ()  # (endnote id, body text) in the endnotes part's order
    endnote_format: str = "lowerRoman"  # w:endnotePr/w:numFmt: how Word numbers the endnotes (i, ii …)
    endnote_start: int = 1
    footnote_format: str = "decimal"  # w:footnotePr/w:numFmt (1, 2, 3 unless the document says otherwise)
    footnote_start: int = 1
    unread: tuple[str, ...] = ()  # what was seen but not read, and where ("1 RTF altChunk after “…”")

    def footnote_text(self, footnote_id: str) -> str | None:
        for fid, text in self.footnotes:
            if fid == footnote_id:
                return text
        return None

    def endnote_text(self, endnote_id: str) -> str | None:
        return dict(self.endnotes).get(endnote_id)


# ── package access ────────────────────────────────────────────────────────────────────────────────

def _corrupt(name: str, why: str) -> UserError:
    return UserError(f"{name} is not a readable Word .docx file ({why})",
                     "open it in Word or LibreOffice and save it again as .docx (Word Document)",
                     zh=(f"{name} 不是可读的 Word .docx 文件（{why}）", "请在 Word 或 LibreOffice 中打开并重新另存为 .docx"))


def _load_zip(source: Source) -> tuple[zipfile.ZipFile, str]:
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), "the document"
    else:
        from resdiff.io import read_input

        name = str(source)
        data = read_input(source)  # missing, folder, device, input size limit
    if not data:
        raise UserError(f"{name} is empty", "give a Word .docx file that contains a resolution",
                        zh=(f"{name} 是空文件", "请提供包含决议的 Word .docx 文件"))
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE compound file: Word 97-2003 .doc, or an encrypted .docx
        raise UserError(f"{name} is an old binary Word .doc file or a password-protected document",
                        "open it in Word or LibreOffice and save it as .docx (Word Document), without a password",
                        zh=(f"{name} 是旧的二进制 Word .doc 文件或受密码保护的文档",
                            "请在 Word 或 LibreOffice 中打开，不设密码另存为 .docx"))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        raise _corrupt(name, "not a zip archive") from None
    from resdiff.limits import check_zip

    check_zip(archive, name)
    return archive, name


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    try:
        return archive.read(member)
    except KeyError:
        return None
    except RuntimeError as err:  # zipfile's "File … is encrypted, password required"
        raise UserError(f"{name} has an encrypted (password-protected) part {member}",
                        "open it in Word with its password and save it again without one",
                        zh=(f"{name} 含有加密（受密码保护）的部分 {member}", "请在 Word 中用密码打开，再不设密码另存")) from err
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as err:
        raise _corrupt(name, f"damaged entry {member}: {err}") from None
    except Exception as err:  # zlib.error and friends from a damaged stream
        raise _corrupt(name, f"damaged entry {member}: {err}") from None


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=True)


def _parse_xml(data: bytes, member: str, name: str):
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        raise _corrupt(name, f"broken XML in {member}: {err.msg if hasattr(err, 'msg') else err}") from None


def _relationship_map(archive: zipfile.ZipFile, part: str, name: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target part name) of the relationships of ``part`` ("" for the package)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
    data = _read_member(archive, rels_name, name)
    if data is None:
        return {}
    root = _parse_xml(data, rels_name, name)
    result = {}
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id", "")] = (rel.get("Type", ""), target)
    return result


def _relationships(archive: zipfile.ZipFile, part: str, name: str) -> list[tuple[str, str]]:
    """(type, target part name) of the relationships of ``part`` ("" for the package)."""
    return list(_relationship_map(archive, part, name).values())


@mutable_record
class _Package:
    """The parts of one .docx package the reader uses, parsed, by role (and the parts the body points to)."""

    name: str
    document: object  # lxml root of the main document part
    styles: object | None = None
    numbering: object | None = None
    footnotes: object | None = None
    endnotes: object | None = None
    settings: object | None = None
    # Parts the body points to by relationship id: SmartArt data (lxml root) and altChunk documents (bytes).
    diagrams: dict = field(default_factory=dict)
    chunks: dict = field(default_factory=dict)
    furniture: list = field(default_factory=list)  # lxml roots of the page headers and footers
    comments: object | None = None


_PART_KINDS = ("styles", "numbering", "footnotes", "endnotes", "settings", "comments")


def _open_package(source: Source) -> _Package:
    archive, name = _load_zip(source)
    with archive:
        main = next((t for typ, t in _relationships(archive, "", name)
                     if typ in (REL_OFFICE_DOCUMENT, REL_STRICT_OFFICE_DOCUMENT)), "word/document.xml")
        data = _read_member(archive, main, name)
        if data is None:
            raise _corrupt(name, f"{main} is missing")
        package = _Package(name, _parse_xml(data, main, name))
        if package.document.tag != _w("document"):
            raise _corrupt(name, f"{main} is not a WordprocessingML document")
        for rid, (typ, target) in _relationship_map(archive, main, name).items():
            kind = typ.rsplit("/", 1)[-1]
            if kind not in _PART_KINDS + ("header", "footer", "diagramData", "aFChunk"):
                continue
            part = _read_member(archive, target, name)
            if part is None:
                continue
            if kind == "aFChunk":
                package.chunks[rid] = part
            elif kind == "diagramData":
                package.diagrams[rid] = _parse_xml(part, target, name)
            elif kind in ("header", "footer"):
                package.furniture.append(_parse_xml(part, target, name))
            else:
                setattr(package, kind, _parse_xml(part, target, name))
    return package


# ── styles and numbering ──────────────────────────────────────────────────────────────────────────

def _on(element) -> bool:
    """A WordprocessingML on/off property: present and not val="0"/"false"/"off"."""
    return element is not None and element.get(W_VAL, "true").lower() not in _FALSE


class _Styles:
    """Paragraph numbering and character emphasis that styles give, following w:basedOn."""

    def __init__(self, root):
        self._styles = {}
        self.default_language = "en-US"
        if root is not None:
            for style in root.iter(_w("style")):
                self._styles[style.get(_w("styleId"))] = style
            lang = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{W_RPR}/{_w('lang')}")
            if lang is not None:
                self.default_language = lang.get(W_VAL) or lang.get(_w("eastAsia")) or self.default_language

    def _chain(self, style_id: str | None) -> Iterator:
        seen = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(_w("basedOn"))
            style_id = based.get(W_VAL) if based is not None else None

    def numbering(self, style_id: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style gives, each None when the style chain does not set it."""
        num_id = ilvl = None
        for style in self._chain(style_id):
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(_w("numId")) is not None:
                num_id = num_pr.find(_w("numId")).get(W_VAL)
            if ilvl is None and num_pr.find(_w("ilvl")) is not None:
                ilvl = num_pr.find(_w("ilvl")).get(W_VAL)
        return num_id, ilvl

    def list_style_num_id(self, style_id: str | None) -> str | None:
        """The w:num a numbering (list) style stands for: what a w:numStyleLink points to."""
        for style in self._chain(style_id):
            num_id = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
            if num_id is not None:
                return num_id.get(W_VAL)
        return None

    def language(self, style_id: str | None) -> str | None:
        """The language (w:lang) a paragraph style gives its text, None when its chain does not set one."""
        for style in self._chain(style_id):
            lang = style.find(f"{W_RPR}/{_w('lang')}")
            if lang is not None and (lang.get(W_VAL) or lang.get(_w("eastAsia"))):
                return lang.get(W_VAL) or lang.get(_w("eastAsia"))
        return None

    def emphasised(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            rpr = style.find(W_RPR)
            if rpr is not None:
                for tag in ("b", "i"):
                    prop = rpr.find(_w(tag))
                    if prop is not None:
                        return _on(prop)
        return False


@mutable_record
class _Level:
    """One level of a Word list definition: start, number format, text pattern, suffix and font."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText pattern; None → "%<level+1>."
    suffix: str = "\t"
    legal: bool = False  # isLgl: show every level's number in decimal
    custom: str = ""  # w:format of a "custom" number format ("001, 002, 003, ...")
    font: str | None = None  # the level's font (w:rPr/w:rFonts): Symbol and Wingdings bullets need it


def _parse_level(lvl) -> _Level:
    level = _Level()
    start = lvl.find(_w("start"))
    if start is not None and _whole_number(start.get(W_VAL)) is not None:
        level.start = _whole_number(start.get(W_VAL))
    # Word 2010 writes a custom format as an mc:AlternateContent whose Choice holds it and whose Fallback
    # holds a decimal for older readers: the Choice is what Word shows.
    fmt = lvl.find(f"{MC_ALTERNATE}/{MC_CHOICE}/{_w('numFmt')}")
    if fmt is None:
        fmt = lvl.find(_w("numFmt"))
    if fmt is not None:
        level.fmt = fmt.get(W_VAL, "decimal")
        level.custom = fmt.get(_w("format"), "")
    fonts = lvl.find(f"{W_RPR}/{_w('rFonts')}")
    if fonts is not None:
        level.font = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")) or fonts.get(_w("cs"))
    text = lvl.find(_w("lvlText"))
    if text is not None:
        level.text = text.get(W_VAL, "")
    suff = lvl.find(_w("suff"))
    if suff is not None:
        level.suffix = {"space": " ", "nothing": ""}.get(suff.get(W_VAL), "\t")
    level.legal = _on(lvl.find(_w("isLgl")))
    return level


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_CN_DIGITS = "〇一二三四五六七八九"
_CN_TRADITIONAL = "零壹贰叁肆伍陆柒捌玖"
_IDEOGRAPH_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"


def _whole_number(text: str | None) -> int | None:
    """A list start value ("1", "-3"); None when not a number. A value beyond the list number limit is
    refused here, before Python turns 5,000 digits into an int (ValueError) or a label of 10⁹ letters."""
    from resdiff import limits

    digits = (text or "").strip().removeprefix("-")
    if not digits.isascii() or not digits.isdigit():
        return None
    if len(digits) > 18 or int(digits) > limits.LIST_NUMBER.value():
        raise limits.LIST_NUMBER.error(f"a numbered list starts at {digits[:30]}{'…' if len(digits) > 30 else ''}")
    return -int(digits) if text.strip().startswith("-") else int(digits)


def _level_index(text: str | None) -> int | None:
    """w:ilvl: a list level 0–8 (Word's nine levels); None for anything else ("x", "-1", 5,000 digits)."""
    text = (text or "0").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) == 1 else None


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated, not base 26)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """十一, 二十, 一百零五 … (Word's chineseCounting; 10–19 without a leading 一)."""
    if n == 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts, zero = [], False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            if zero:
                parts.append(digits[0])
            parts.append(digits[d] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    if 10 <= n < 20:
        text = text[1:]  # 十一, not 一十一
    return text


def format_number(n: int, fmt: str) -> str:
    """One list counter in a w:numFmt format; unknown formats fall back to decimal, as Word does."""
    from resdiff import limits

    if abs(n) > limits.LIST_NUMBER.value():  # a counter pushed there by a start value near the limit
        raise limits.LIST_NUMBER.error(f"a numbered list reaches {n:,}")
    if n <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "chicago":  # notes: *, †, ‡, §, then each doubled, tripled …
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return chr(0x2460 + n - 1)  # ① …
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)  # ⑴ …
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)  # ⒈ …
    if fmt == "ideographEnclosedCircle" and n <= 10:
        return chr(0x3220 + n - 1)  # ㈠ …
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(c)] for c in str(n))
    if fmt in ("chineseCounting", "japaneseCounting"):
        return _chinese_counting(n)
    if fmt == "chineseCountingThousand":
        return _chinese_counting(n, "零" + _CN_DIGITS[1:])
    if fmt == "chineseLegalSimplified":
        return _chinese_counting(n, _CN_TRADITIONAL, "拾佰仟")
    if fmt == "ideographTraditional" and n <= 10:
        return _IDEOGRAPH_TRADITIONAL[n - 1]
    if fmt == "ideographZodiac" and n <= 12:
        return _ZODIAC[n - 1]
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Word's automatic list numbers, rendered in reading order (call ``render`` once per paragraph)."""

    def __init__(self, root, styles: _Styles | None = None):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if root is None:
            return
        style_links: dict[str, str] = {}  # abstractNumId → list style it takes its levels from
        for abstract in root.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                index = _level_index(lvl.get(_w("ilvl")))
                if index is not None:
                    levels[index] = _parse_level(lvl)
            self._abstract[abstract.get(_w("abstractNumId"))] = levels
            link = abstract.find(_w("numStyleLink"))
            if link is not None and link.get(W_VAL):
                style_links[abstract.get(_w("abstractNumId"))] = link.get(W_VAL)
        for num in root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is None:
                continue
            starts, overrides = {}, {}
            for override in num.iter(_w("lvlOverride")):
                ilvl = _level_index(override.get(_w("ilvl")))
                if ilvl is None:
                    continue
                start = override.find(_w("startOverride"))
                if start is not None and _whole_number(start.get(W_VAL)) is not None:
                    starts[ilvl] = _whole_number(start.get(W_VAL))
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = _parse_level(lvl)
                    starts.setdefault(ilvl, overrides[ilvl].start)
            self._nums[num.get(_w("numId"))] = (ref.get(W_VAL), starts, overrides)
        # A list whose definition is a list style (w:numStyleLink) has no levels of its own: they are those of
        # the definition the style's own w:num points to (the one carrying the matching w:styleLink).
        for abstract_id, style_id in style_links.items():
            target = self._abstract_of_style(style_id, styles)
            if target is not None and target != abstract_id:
                self._abstract[abstract_id] = {**self._abstract.get(target, {}), **self._abstract[abstract_id]}

    def _abstract_of_style(self, style_id: str, styles: _Styles | None) -> str | None:
        num_id = styles.list_style_num_id(style_id) if styles is not None else None
        if num_id in self._nums:
            return self._nums[num_id][0]
        return None

    def _level(self, num_id: str, ilvl: int) -> _Level:
        abstract_id, _, overrides = self._nums[num_id]
        return overrides.get(ilvl) or self._abstract.get(abstract_id, {}).get(ilvl) or _Level()

    def render(self, num_id: str | None, ilvl: int, lang: str = "en-US") -> tuple[str, str]:
        """Advance the list of ``num_id`` at level ``ilvl``; return (number text, separator). ``lang`` is the
        paragraph's language, for numbers Word spells out ("First", "Premier")."""
        if not num_id or num_id == "0" or num_id not in self._nums:
            return "", ""
        abstract_id, starts, _ = self._nums[num_id]
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._used:  # a w:num with start overrides restarts those levels the first time
            self._used.add(num_id)
            for lvl_index, start in starts.items():
                counters[lvl_index] = start - 1
                for deeper in [k for k in counters if k > lvl_index]:
                    del counters[deeper]
        level = self._level(num_id, ilvl)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        pattern = level.text if level.text is not None else f"%{ilvl + 1}."
        if level.fmt == "bullet":
            pattern = symbol_char(pattern, level.font)
            return pattern, level.suffix if pattern else ""

        def fill(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            other = self._level(num_id, k)
            value = counters.get(k, other.start)
            fmt = "decimal" if level.legal and k != ilvl else other.fmt
            if fmt in SPELLED_FORMATS:
                return spelled(value, fmt, lang)
            if fmt == "custom":
                return custom_number(value, other.custom)
            return format_number(value, fmt)

        number = symbol_char(patterns.sub(r"%([1-9])", fill, pattern), level.font)
        return number, (level.suffix if number else "")


# ── paragraph text ────────────────────────────────────────────────────────────────────────────────

def _chosen_branch(alternate):
    """The branch of an mc:AlternateContent that Word shows: its first mc:Choice (Word understands every
    extension it writes), else the mc:Fallback. Reading one branch only keeps text from being read twice."""
    choice = alternate.find(MC_CHOICE)
    if choice is not None:
        return choice
    fallback = alternate.find(MC_FALLBACK)
    return fallback if fallback is not None else ()


def _m(name: str) -> str:
    return f"{{{M_NS}}}{name}"


def _math_run_text(element, gone: tuple, kept: tuple) -> str:
    out = []
    for child in element:
        if child.tag in (_m("t"), W_T, W_DELTEXT):
            out.append(child.text or "")
        elif child.tag in kept:  # Word wraps an inserted math run's text in w:ins inside the m:r
            out.append(_math_run_text(child, gone, kept))
    return "".join(out)


def _math_text(element, view: str) -> str:
    """An Office Math object in linear form, close to Word's own linear format (UnicodeMath):
    fractions (a)/(b), scripts x^2 and x_i, radicals √(x), n-ary operators ∑_(i=1)^n, delimiters,
    matrices ■(a&b@c&d). Tracked changes inside the equation follow ``view``."""
    tag = element.tag
    gone, kept = ((W_DEL, W_MOVE_FROM), (W_INS, W_MOVE_TO)) if view == "accept" else ((W_INS, W_MOVE_TO), (W_DEL, W_MOVE_FROM))
    if tag in gone:
        return ""
    if tag == _m("r"):
        rpr = element.find(W_RPR)
        if rpr is not None and any(rpr.find(t) is not None for t in gone):
            return ""
        return _math_run_text(element, gone, kept)

    def part(name: str) -> str:
        child = element.find(_m(name))
        return _math_text(child, view) if child is not None else ""

    def group(text: str) -> str:
        return text if len(text) <= 1 or (text[0] in "([{" and text[-1] in ")]}") else f"({text})"

    def prop(holder: str, name: str, default: str) -> str:
        node = element.find(f"{_m(holder)}/{_m(name)}")
        return node.get(_m("val"), default) if node is not None else default

    if tag == _m("f"):
        return f"{group(part('num'))}/{group(part('den'))}"
    if tag == _m("sSup"):
        return f"{part('e')}^{group(part('sup'))}"
    if tag == _m("sSub"):
        return f"{part('e')}_{group(part('sub'))}"
    if tag == _m("sSubSup"):
        return f"{part('e')}_{group(part('sub'))}^{group(part('sup'))}"
    if tag == _m("sPre"):
        return f"_{group(part('sub'))}^{group(part('sup'))}{part('e')}"
    if tag == _m("rad"):
        degree = part("deg")
        return f"√({degree}&{part('e')})" if degree else f"√{group(part('e'))}"
    if tag == _m("nary"):
        sub, sup = part("sub"), part("sup")
        limits = (f"_{group(sub)}" if sub else "") + (f"^{group(sup)}" if sup else "")
        return f"{prop('naryPr', 'chr', '∫')}{limits} {part('e')}"
    if tag == _m("d"):
        begin, end = prop("dPr", "begChr", "("), prop("dPr", "endChr", ")")
        separator = prop("dPr", "sepChr", "|")
        return begin + separator.join(_math_text(e, view) for e in element.findall(_m("e"))) + end
    if tag == _m("func"):
        return f"{part('fName')} {part('e')}"
    if tag == _m("acc"):
        return f"{part('e')}{prop('accPr', 'chr', chr(0x302))}"
    if tag in (_m("limLow"), _m("limUpp")):
        return f"{part('e')}{'_' if tag == _m('limLow') else '^'}{group(part('lim'))}"
    if tag == _m("m"):
        rows = ["&".join(_math_text(e, view) for e in row.findall(_m("e"))) for row in element.findall(_m("mr"))]
        return f"■({'@'.join(rows)})"
    if tag == _m("eqArr"):
        return f"█({'@'.join(_math_text(e, view) for e in element.findall(_m('e')))})"
    if tag in (_m("ctrlPr"), _m("argPr"), W_RPR) or tag.endswith("Pr") and tag.startswith(f"{{{M_NS}}}"):
        return ""
    pieces = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        pieces.append(_math_text(child, view))
    # consecutive equations of an m:oMathPara are separate lines of the display
    return ("\n" if tag == M_MATH_PARA else "").join(pieces)

@mutable_record
class _Field:
    """A Word field being read: its instruction ("NOTEREF _Ref1 \\f \\h") and, for NOTEREF, its result."""

    state: str  # "code" until w:fldChar separate, then "result"
    instruction: str = ""
    result: str = ""

    @property
    def is_noteref(self) -> bool:
        # a cross-reference to a footnote's number formatted as a footnote mark (switch \f): how Word
        # cites the same footnote a second time. Without \f the number is ordinary text ("see note 3").
        words = self.instruction.split()
        return words[:1] == ["NOTEREF"] and "\\f" in (w.lower() for w in words) and self.state == "result"


class _Collector:
    """Visible text of one paragraph in one view, with footnote reference offsets and emphasis spans."""

    def __init__(self, view: str, styles: _Styles):
        self.view = view
        self.styles = styles
        self.pieces: list[tuple[str, bool]] = []  # (text, emphasised)
        self.refs: list[FootnoteRef] = []
        self.length = 0
        self.fields: list[_Field] = []  # complex fields open at this point, outermost first
        # Text that Word shows next to this paragraph rather than in it: ("textbox", w:txbxContent) and
        # ("smartart", relationship id of the diagram's data part), in reading order.
        self.objects: list[tuple[str, object]] = []
        self.unread: list[str] = []  # kinds of objects whose text is not read ("chart", "embedded object")

    def _in_code(self) -> bool:
        return any(f.state == "code" for f in self.fields)

    def add(self, text: str, emphasised: bool) -> None:
        if not text or self._in_code():
            return
        noteref = next((f for f in self.fields if f.is_noteref), None)
        if noteref is not None:  # the printed number of a repeated footnote reference: a mark, not text
            noteref.result += text
            return
        self.pieces.append((text, emphasised))
        self.length += len(text)

    def _open_field(self, state: str, instruction: str = "") -> None:
        self.fields.append(_Field(state, instruction))

    def _close_field(self) -> None:
        field_ = self.fields.pop()
        if field_.is_noteref and not any(f.is_noteref for f in self.fields):
            bookmark = field_.instruction.split()[1] if len(field_.instruction.split()) > 1 else ""
            self.refs.append(FootnoteRef(self.length, f"noteref:{bookmark}", field_.result.strip()))

    def content(self, element) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                self.run(child)
            elif tag in (M_MATH, M_MATH_PARA):
                if not self._in_code():
                    self.add(_math_text(child, self.view), False)
            elif tag == MC_ALTERNATE:
                self.content(_chosen_branch(child))
            elif tag == _w("ruby"):  # phonetic guide: the base text is the text
                base = child.find(_w("rubyBase"))
                if base is not None:
                    self.content(base)
            elif tag in (W_INS, W_MOVE_TO):
                if self.view == "accept":
                    self.content(child)
            elif tag in (W_DEL, W_MOVE_FROM):
                if self.view == "reject":
                    self.content(child)
            elif tag == _w("fldSimple"):
                self._open_field("result", child.get(_w("instr"), ""))
                self.content(child)
                self._close_field()
            elif tag in _RUN_CONTAINERS:
                self.content(child)

    def _emphasised(self, rpr) -> bool:
        if rpr is None:
            return False
        for tag in ("b", "i"):
            prop = rpr.find(_w(tag))
            if prop is not None and _on(prop):
                return True
        style = rpr.find(_w("rStyle"))
        return style is not None and self.styles.emphasised(style.get(W_VAL))

    def objects_in(self, element) -> None:
        """Find the text boxes, SmartArt diagrams, charts and embedded objects a drawing holds, once each:
        of an mc:AlternateContent only the branch Word shows is looked at (its Fallback repeats the text)."""
        for child in element:
            tag = child.tag
            if tag == W_TXBX:
                self.objects.append(("textbox", child))  # nested boxes are found when this one is read
            elif tag == MC_ALTERNATE:
                self.objects_in(_chosen_branch(child))
            elif tag == f"{{{DGM_NS}}}relIds":
                self.objects.append(("smartart", child.get(f"{{{R_NS}}}dm", "")))
            elif tag == f"{{{CHART_NS}}}chart":
                self.unread.append("chart")
            elif tag == f"{{{O_NS}}}OLEObject":
                self.unread.append("embedded object")
            elif isinstance(tag, str):
                self.objects_in(child)

    def run(self, run) -> None:
        rpr = run.find(W_RPR)
        if rpr is not None and _on(rpr.find(_w("vanish"))):
            return  # hidden text
        emphasised = self._emphasised(rpr)
        fonts = rpr.find(_w("rFonts")) if rpr is not None else None
        font = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")) if fonts is not None else None
        skip_custom_mark = False
        for child in run:
            tag = child.tag
            if tag in (_w("drawing"), _w("pict"), _w("object"), MC_ALTERNATE):
                self.objects_in(child if tag != MC_ALTERNATE else _chosen_branch(child))
            elif tag == W_T:
                text = symbol_char(child.text or "", font)
                if skip_custom_mark and self.refs:  # the characters of a custom footnote mark
                    last = self.refs[-1]
                    self.refs[-1] = replace(last, custom_mark=last.custom_mark + text)
                    skip_custom_mark = False
                    continue
                self.add(text, emphasised)
            elif tag == W_DELTEXT:
                if self.view == "reject":
                    self.add(symbol_char(child.text or "", font), emphasised)
            elif tag in (_w("tab"), _w("ptab")):
                self.add("\t", emphasised)
            elif tag == _w("br"):
                if child.get(_w("type"), "textWrapping") == "textWrapping":
                    self.add("\n", emphasised)
            elif tag == _w("cr"):
                self.add("\n", emphasised)
            elif tag == _w("noBreakHyphen"):
                self.add("\u2011", emphasised)
            elif tag == _w("sym"):
                code = child.get(_w("char"), "")
                if patterns.fullmatch(r"[0-9A-Fa-f]{1,5}", code) and _xml_char(int(code, 16)):
                    # symbol fonts use private-use code points: mapped to what the font shows where known
                    self.add(symbol_char(chr(int(code, 16)), child.get(_w("font"))), emphasised)
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                if not self._in_code():
                    kind = "footnote" if tag == _w("footnoteReference") else "endnote"
                    self.refs.append(FootnoteRef(self.length, child.get(_w("id"), ""), kind=kind))
                    skip_custom_mark = _on_attr(child, "customMarkFollows")
            elif tag == _w("fldChar"):
                kind = child.get(_w("fldCharType"))
                if kind == "begin":
                    self._open_field("code")
                elif kind == "separate" and self.fields:
                    self.fields[-1].state = "result"
                elif kind == "end" and self.fields:
                    self._close_field()
            elif tag == _w("instrText") and self.fields and self.fields[-1].state == "code":
                self.fields[-1].instruction += child.text or ""
            elif tag == _w("delInstrText") and self.view == "reject" and self.fields and self.fields[-1].state == "code":
                # the instruction of a field deleted under tracking: the field exists when rejecting
                self.fields[-1].instruction += child.text or ""

    def text(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def lead(self) -> str:
        """Emphasised text that opens the paragraph, when the paragraph is not emphasised throughout."""
        lead = []
        for text, emphasised in self.pieces:
            if emphasised or not text.strip():
                lead.append(text)
            else:
                return "".join(lead).strip()
        return ""  # everything emphasised (a title), or nothing


def _xml_char(code: int) -> bool:
    """A code point XML 1.0 allows (w:sym may name any number: "D800" or "001B" must not get through)."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _on_attr(element, name: str) -> bool:
    value = element.get(_w(name))
    return value is not None and value.lower() not in _FALSE


def _mark_revision(ppr, view: str) -> bool:
    """True when this paragraph's mark does not exist in ``view`` (deleted and accepted, or inserted and rejected)."""
    if ppr is None:
        return False
    rpr = ppr.find(W_RPR)
    if rpr is None:
        return False
    gone = (W_DEL, W_MOVE_FROM) if view == "accept" else (W_INS, W_MOVE_TO)
    return any(rpr.find(tag) is not None for tag in gone)


def _paragraph_properties(ppr, view: str):
    """The paragraph properties in force in ``view``: the previous ones (w:pPrChange) when rejecting."""
    if ppr is not None and view == "reject":
        change = ppr.find(f"{_w('pPrChange')}/{W_PPR}")
        if change is not None:
            return change
    return ppr


def _body_paragraphs(element, view: str) -> Iterator:
    """Paragraphs of the body (or a table cell, a text box, a note) in reading order, and the w:altChunk
    elements between them; rows deleted in ``view`` are skipped."""
    for child in element:
        tag = child.tag
        if tag == W_P or tag == _w("altChunk"):
            yield child
        elif tag == _w("tr"):
            trpr = child.find(_w("trPr"))
            gone = (W_DEL,) if view == "accept" else (W_INS,)
            if trpr is not None and any(trpr.find(t) is not None for t in gone):
                continue
            yield from _body_paragraphs(child, view)
        elif tag in _BLOCK_CONTAINERS:
            yield from _body_paragraphs(child, view)
        elif tag == MC_ALTERNATE:
            yield from _body_paragraphs(_chosen_branch(child), view)


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"view must be 'accept' or 'reject', not {view!r}")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:40]}…”" if len(text) > 40 else f"“{text}”"


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'s' if n != 1 and not what.endswith('s') else ''}"


@mutable_record
class _Reader:
    """What reading one document's paragraphs needs besides the paragraphs: the view, the styles and
    list counters, the parts that paragraphs point to, and the list of what could not be read."""

    view: str
    styles: _Styles
    numbering: _Numbering | None
    package: _Package | None = None
    depth: int = 0  # altChunk nesting
    unread: list = field(default_factory=list)
    footnotes: list = field(default_factory=list)  # notes of embedded documents, ids made unique
    endnotes: list = field(default_factory=list)
    chunks_read: int = 0

    def smartart(self, rid: str) -> list[DocxParagraph]:
        """The text of a SmartArt diagram: each text paragraph of each node, in the data part's order."""
        root = self.package.diagrams.get(rid) if self.package is not None else None
        if root is None:
            return []
        paragraphs = []
        for point in root.iter(f"{{{DGM_NS}}}pt"):
            if point.get("type", "node") not in ("node", "asst"):
                continue  # connections and presentation points carry no text of the diagram
            for para in point.iter(f"{{{A_NS}}}p"):
                text = "".join("\n" if el.tag == f"{{{A_NS}}}br" else (el.text or "")
                               for el in para.iter(f"{{{A_NS}}}t", f"{{{A_NS}}}br"))
                if text.strip():
                    paragraphs.append(DocxParagraph(text=text, part="smartart"))
        return paragraphs

    def chunk(self, element, before: str) -> list[DocxParagraph]:
        """An altChunk: a .docx is read as part of the body (its notes too); an HTML or plain-text chunk
        is read line by line; anything else (RTF, MHT) is reported as not read."""
        rid = element.get(f"{{{R_NS}}}id", "")
        data = self.package.chunks.get(rid) if self.package is not None else None
        where = f"after {_quote(before)}" if before.strip() else "at the start of the document"
        if data is None:
            self.unread.append(f"an embedded document (altChunk) {where} is missing from the file; not compared")
            return []
        if data.startswith(b"PK\x03\x04") and self.depth < _MAX_CHUNK_DEPTH:
            self.chunks_read += 1
            inner = _content(data, self.view, self.depth + 1)
            prefix = f"chunk{self.depth}.{self.chunks_read}:"
            self.footnotes += [(prefix + fid, text) for fid, text in inner.footnotes]
            self.endnotes += [(prefix + fid, text) for fid, text in inner.endnotes]
            self.unread += [f"{note} (in the embedded document {where})" for note in inner.unread]
            return [replace(p, part="altchunk", footnote_refs=tuple(replace(r, id=prefix + r.id) for r in p.footnote_refs))
                    for p in inner.paragraphs]
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(b"{\\rtf") or b"mime-version" in head:
            kind = "RTF" if head.startswith(b"{\\rtf") else "MHT"
            self.unread.append(f"an embedded {kind} document (altChunk) {where}; not compared")
            return []
        from resdiff.read.decode import decode_bytes
        from resdiff.read.html import html_to_text, looks_like_html

        try:
            text = decode_bytes(data, "altChunk")
        except UserError:
            self.unread.append(f"an embedded document (altChunk) {where} in an unknown format; not compared")
            return []
        if looks_like_html(text):
            text = html_to_text(text)
        return [DocxParagraph(text=line.strip(), part="altchunk") for line in text.splitlines() if line.strip()]


def _paragraphs(paragraph_elements, reader: _Reader, part: str = "body") -> list[DocxParagraph]:
    """Resolve revisions, merge paragraphs whose mark is gone, render numbers (when the reader has list
    counters), and read what each paragraph anchors (text boxes, SmartArt) right after it."""
    view, styles, numbering = reader.view, reader.styles, reader.numbering
    elements = list(paragraph_elements)
    result: list[DocxParagraph] = []
    pending: _Collector | None = None
    owner = None  # pPr of the first paragraph of a merge chain that kept some content
    for index, p in enumerate(elements):
        if p.tag == _w("altChunk"):
            before = next((q.visible for q in reversed(result) if q.visible.strip()), "")
            result.extend(reader.chunk(p, before))
            continue
        collector = pending or _Collector(view, styles)
        before = (len(collector.pieces), len(collector.refs))
        ppr = p.find(W_PPR)
        collector.content(p)
        if owner is None and (len(collector.pieces), len(collector.refs)) != before:
            owner = p  # a merged paragraph keeps the properties of its first surviving part (Word, LibreOffice)
        if _mark_revision(ppr, view) and index < len(elements) - 1:
            pending = collector  # the next paragraph continues this one
            continue
        props = _paragraph_properties((owner if owner is not None else p).find(W_PPR), view)
        pending, owner = None, None
        style_el = props.find(_w("pStyle")) if props is not None else None
        style = style_el.get(W_VAL, "") if style_el is not None else ""
        number, separator, level = "", "", None
        if numbering is not None:
            num_id, ilvl = styles.numbering(style)
            num_pr = props.find(_w("numPr")) if props is not None else None
            # numbering added under tracking (w:numPr/w:ins) does not exist when the changes are rejected
            if num_pr is not None and not (view == "reject" and num_pr.find(W_INS) is not None):
                if num_pr.find(_w("numId")) is not None:
                    num_id = num_pr.find(_w("numId")).get(W_VAL)
                if num_pr.find(_w("ilvl")) is not None:
                    ilvl = num_pr.find(_w("ilvl")).get(W_VAL)
            level_index = _level_index(ilvl) or 0
            number, separator = numbering.render(num_id, level_index, _language(props, style, styles))
            level = level_index if number else None
        paragraph = DocxParagraph(
            text=collector.text(), number=number, separator=separator, level=level,
            footnote_refs=tuple(collector.refs), lead=collector.lead(), style=style, part=part)
        result.append(paragraph)
        for kind, found in collector.objects:
            if kind == "textbox":
                result.extend(_paragraphs(_body_paragraphs(found, view), reader, "textbox"))
            else:
                result.extend(reader.smartart(found))
        for kind in dict.fromkeys(collector.unread):
            n = collector.unread.count(kind)
            reader.unread.append(f"{_count(n, kind)} in the paragraph {_quote(paragraph.visible)}; not compared")
    return result


def _language(props, style: str, styles: _Styles) -> str:
    """The language of a paragraph's text: its mark's w:lang, else its style's, else the document default."""
    lang = props.find(f"{W_RPR}/{_w('lang')}") if props is not None else None
    if lang is not None and (lang.get(W_VAL) or lang.get(_w("eastAsia"))):
        return lang.get(W_VAL) or lang.get(_w("eastAsia"))
    return styles.language(style) or styles.default_language


def _count_revisions(*roots) -> int:
    return sum(1 for root in roots if root is not None for el in root.iter() if el.tag in _REVISION_TAGS)


def _notes(root, tag: str, reader: _Reader) -> tuple[tuple[str, str], ...]:
    """(id, text) of the footnotes (``tag`` "footnote") or endnotes of a notes part, separators left out."""
    if root is None:
        return ()
    notes = []
    inner = _Reader(reader.view, reader.styles, None, reader.package, reader.depth)
    for note in root.iter(_w(tag)):
        if note.get(_w("type")) in _SPECIAL_FOOTNOTES or note.get(_w("id")) in ("-1", "0") and note.get(_w("type")):
            continue
        paragraphs = _paragraphs(_body_paragraphs(note, reader.view), inner)
        notes.append((note.get(_w("id"), ""), "\n".join(p.text for p in paragraphs).strip()))
    reader.unread.extend(inner.unread)
    return tuple(notes)


def _note_numbering(package: _Package, kind: str = "endnote") -> tuple[str, int]:
    """How Word numbers endnotes (footnotes): the last section's w:endnotePr (w:footnotePr), else the
    settings', else i, ii, iii (1, 2, 3)."""
    fmt, start = ("lowerRoman" if kind == "endnote" else "decimal"), 1
    for holder in (package.settings, package.document.find(f"{_w('body')}/{_w('sectPr')}")):
        pr = holder.find(_w(f"{kind}Pr")) if holder is not None else None
        if pr is None:
            continue
        num_fmt, num_start = pr.find(_w("numFmt")), pr.find(_w("numStart"))
        if num_fmt is not None and num_fmt.get(W_VAL):
            fmt = num_fmt.get(W_VAL)
        if num_start is not None and _whole_number(num_start.get(W_VAL)) is not None:
            start = _whole_number(num_start.get(W_VAL))
    return fmt, start


def _furniture_notes(package: _Package, reader: _Reader) -> list[str]:
    """Page headers and footers and comments are not part of the text compared: say so when they hold words."""
    notes = []
    words, sample = 0, []
    for root in package.furniture:
        for p in _paragraphs(_body_paragraphs(root, reader.view), _Reader(reader.view, reader.styles, None, package)):
            if p.text.strip():
                words += len(p.text.split())
                sample.append(p.text.strip())
    if words:
        notes.append(f"page headers and footers ({_count(words, 'word')}, {_quote(' / '.join(sample))}) not compared")
    if package.comments is not None:
        count = len(package.comments.findall(_w("comment")))
        if count:
            notes.append(f"{_count(count, 'comment')} not compared")
    return notes


def docx_content(source: Source, view: str = "accept") -> DocxContent:
    """Every body paragraph of a .docx as Word shows it with all revisions accepted (or rejected), with the
    text of its text boxes, equations, SmartArt and embedded (altChunk) documents, its footnotes and
    endnotes, and a list of what was seen but not read."""
    _check_view(view)
    return _content(source, view, 0)


def _content(source: Source, view: str, depth: int) -> DocxContent:
    package = _open_package(source)
    try:
        return _package_content(package, view, depth)
    except RecursionError:  # hyperlinks in hyperlinks, tables in tables … hundreds deep: not a real document
        raise UserError(f"{package.name} nests its elements (tables, links, fields) too deeply to be read",
                        "open it in Word or LibreOffice and save it again as .docx, or export it as plain text") from None


def _package_content(package: _Package, view: str, depth: int) -> DocxContent:
    styles = _Styles(package.styles)
    reader = _Reader(view, styles, _Numbering(package.numbering, styles), package, depth)
    body = package.document.find(_w("body"))
    if body is not None:
        from resdiff import limits

        count = sum(1 for _ in body.iter(W_P))  # counted in C before any Python object is made per paragraph
        limits.PARAGRAPHS.check(count, f"{package.name} has {count:,} paragraphs")
    elements = _body_paragraphs(body, view) if body is not None else ()
    paragraphs = _paragraphs(elements, reader)
    footnotes = _notes(package.footnotes, "footnote", reader) + tuple(reader.footnotes)
    endnotes = _notes(package.endnotes, "endnote", reader) + tuple(reader.endnotes)
    fmt, start = _note_numbering(package, "endnote")
    foot_fmt, foot_start = _note_numbering(package, "footnote")
    return DocxContent(
        paragraphs=tuple(paragraphs),
        footnotes=footnotes,
        revisions=_count_revisions(body, package.footnotes, package.endnotes),
        view=view,
        endnotes=endnotes,
        endnote_format=fmt,
        endnote_start=start,
        footnote_format=foot_fmt,
        footnote_start=foot_start,
        unread=tuple(reader.unread + _furniture_notes(package, reader)),
    )


def docx_paragraphs(path_or_bytes: Source, view: str = "accept") -> list[str]:
    """Visible text of each body paragraph (automatic number + separator + text), revisions resolved by ``view``.

    Footnote reference marks are not part of the text (nor the printed number of a NOTEREF field, Word's
    way to cite a footnote a second time); empty paragraphs are kept (as "").
    """
    return [p.visible for p in docx_content(path_or_bytes, view).paragraphs]


# ── the resolution ────────────────────────────────────────────────────────────────────────────────
#
# Each Word paragraph becomes one whole record of the structure finder's stream (``read.structure``,
# the same rules as for text and PDF), carrying what Word knows and a re-segmentation would lose: where
# the paragraph starts and ends (one that does not end in punctuation is not glued to the next), its
# automatic number or sub-paragraph marker, its emphasised lead and where each footnote reference
# stands. Header fields, closing lines, opener verbs and typed numbers are decided there, once.

_SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies"
_AUTO_OP_NUMBER = patterns.compile(rf"^[(（]?(\d{{1,3}})(?:\s*({_SUFFIXES}))?\s*[.．)）]?$")


def _tidy(text: str, refs: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Display text: tabs become spaces, manual line breaks join the lines (kept before a sub-paragraph
    marker), outer spaces go; footnote offsets follow every change."""
    from resdiff.normalize import is_cjk
    from resdiff.read.structure import SUBPARA

    out: list[str] = []
    where = []  # where[i]: length of ``out`` before source character i
    for i, ch in enumerate(text):
        where.append(len(out))
        if ch == "\t":
            out.append(" ")
        elif ch == "\n":
            rest = text[i + 1:].lstrip(" \t")
            if SUBPARA.match(rest):
                while out and out[-1] == " ":
                    out.pop()
                out.append("\n")
            elif out and rest and not (is_cjk(out[-1]) or is_cjk(rest[0])) and out[-1] != " ":
                out.append(" ")
        elif ch == " " and out and out[-1] == "\n":
            continue
        else:
            out.append(ch)
    where.append(len(out))
    joined = "".join(out)
    start = len(joined) - len(joined.lstrip())
    result = joined.strip()
    return result, [(min(max(where[o] - start, 0), len(result)), fid) for o, fid in refs]


def _footnote_numbers(content: DocxContent) -> tuple[dict[str, int], dict[str, str]]:
    """Word numbers footnotes by the order of their references; a custom mark that is a number keeps it.
    Also the marks as printed where they are not that number: the counter in the document's footnote
    format ("i", "a"), or a custom mark ("*"), which Word does not count (the note after a "*" note is
    1): such a note takes a number after all the others, and its mark says how it is printed."""
    numbers: dict[str, int] = {}
    marks: dict[str, str] = {}
    symbols: list[str] = []
    counter = 0
    for p in content.paragraphs:
        for ref in p.footnote_refs:
            if ref.id in numbers or ref.kind != "footnote" or ref.id in symbols:
                continue
            custom = ref.custom_mark.strip()
            if custom.isascii() and custom.isdigit() and len(custom) < 7:
                numbers[ref.id] = int(custom)
            elif custom:
                symbols.append(ref.id)
                marks[ref.id] = custom
            else:
                counter += 1
                printed = format_number(content.footnote_start + counter - 1, content.footnote_format)
                if content.footnote_format == "decimal":  # numbers as printed (a list starting at 5)
                    numbers[ref.id] = content.footnote_start + counter - 1
                else:
                    numbers[ref.id] = counter
                    marks[ref.id] = printed
    last = max(numbers.values(), default=0)
    numbers |= {fid: last + k + 1 for k, fid in enumerate(symbols)}
    return numbers, marks


def _endnote_numbers(content: DocxContent, after: int) -> dict[str, tuple[int, str]]:
    """Endnote id → (number in the Resolution, mark as Word prints it): endnotes are numbered on after the
    footnotes (one numbering for the notes a paragraph carries), and marked in the document's endnote
    format (i, ii, iii … by default)."""
    numbers: dict[str, tuple[int, str]] = {}
    for p in content.paragraphs:
        for ref in p.footnote_refs:
            if ref.kind == "endnote" and ref.id not in numbers:
                count = len(numbers)
                mark = ref.custom_mark.strip() or format_number(content.endnote_start + count, content.endnote_format)
                numbers[ref.id] = (after + count + 1, mark)
    return numbers


def _without_mark(body: str, custom_mark: str) -> str:
    """A note with a custom mark carries the mark as text at the start of its body (Word and LibreOffice
    write it so, where an ordinary note has w:footnoteRef): it is the note's mark, not its text."""
    if custom_mark and body.startswith(custom_mark):
        return body[len(custom_mark):].lstrip()
    return body


def _line(p: DocxParagraph, note_numbers: dict[str, int]) -> Line:
    """One Word paragraph as a record of the structure finder's stream: its automatic number written
    before the text as the text reader would see it ("1. ", a sub-paragraph marker "(a) "), tabs and
    manual line breaks tidied, footnote references as markers with their offsets."""
    from resdiff.read.structure import SUBPARA, Line, op_number

    refs = [(r.offset, r.id if r.kind == "footnote" else f"endnote:{r.id}") for r in p.footnote_refs]
    text, refs = _tidy(p.text, refs)
    lead = p.lead
    marker = prefix = ""
    auto = _AUTO_OP_NUMBER.match(p.number.strip()) if p.number else None
    if auto and p.level == 0:
        prefix = f"{auto.group(1)}{' ' + auto.group(2) if auto.group(2) else ''}. "
    elif p.number and SUBPARA.match(p.number.strip() + " ") or (p.number and p.level):
        marker = p.number.strip()
        prefix = f"{marker} "
    elif p.number:  # a list style resdiff does not know ("Article 1"): its label stays in the text
        prefix = f"{p.number.strip()} "
    typed = op_number(lead)
    lead = (lead[typed.end():] if typed else lead).replace("\t", " ").strip()
    markers = tuple((note_numbers[fid], o + len(prefix)) for o, fid in refs if fid in note_numbers)
    return Line(prefix + text, whole=True, starts_paragraph=True, lead=lead, markers=markers, marker=marker,
                printed=p.visible)


def _holds_wrapped_lines(paragraphs: list[DocxParagraph]) -> bool:
    """True for a Word file whose paragraphs are the lines of a text: no automatic numbers, no notes, and
    most long paragraphs end mid-sentence (a real resolution's paragraphs end with , ; or .)."""
    from resdiff.read.structure import _ends_sentence

    if any(p.number or p.footnote_refs for p in paragraphs):
        return False
    long = [p for p in paragraphs if len(p.visible.strip()) >= 40]
    return len(long) >= 10 and sum(not _ends_sentence(p.visible.strip()) for p in long) >= 0.4 * len(long)


def _build_resolution(content: DocxContent, lang: str | None, source: str | None) -> Resolution:
    """The Resolution the document holds: each Word paragraph is one record of the stream that
    ``read.structure`` (the same structure finder as for text and PDF) turns into header, paragraphs,
    sub-paragraphs and closing lines."""
    from resdiff.lang.detect import detect_language
    from resdiff.model import Footnote
    from resdiff.read.structure import build_resolution

    paragraphs = [p for p in content.paragraphs if p.visible.strip()]
    if _holds_wrapped_lines(paragraphs):
        # Text pasted or opened in Word (LibreOffice makes one Word paragraph of every line): its
        # paragraphs are the wrapped lines of a PDF extraction, so it is read as the text it holds.
        from resdiff.read.text import parse_text

        text = "\n".join(p.visible for p in content.paragraphs)
        res = parse_text(text, lang=lang, source=source)
        name = Path(source).name if source else "The document"
        note = f"{name} holds text line by line (one Word paragraph per line): read as plain text"
        return replace(res, notes=(note,) + res.notes)
    language = lang or detect_language("\n".join(p.visible for p in paragraphs))
    numbers, marks = _footnote_numbers(content)
    endnotes = _endnote_numbers(content, max(numbers.values(), default=0))
    note_numbers = numbers | {f"endnote:{eid}": n for eid, (n, _) in endnotes.items()}
    bodies = dict(content.footnotes)
    # A footnote whose body is missing or empty is left out, as the text reader does for an excerpt
    # whose notes were cut off: the paragraph still names its number.
    customs = {ref.id: ref.custom_mark.strip() for p in content.paragraphs for ref in p.footnote_refs
               if ref.custom_mark.strip()}
    footnotes = tuple(sorted((Footnote(n, _without_mark(bodies[fid], customs.get(fid, "")), mark=marks.get(fid, ""))
                              for fid, n in numbers.items() if bodies.get(fid)), key=lambda f: f.number))
    end_bodies = dict(content.endnotes)
    end_customs = {ref.id: ref.custom_mark.strip() for p in content.paragraphs for ref in p.footnote_refs
                   if ref.kind == "endnote" and ref.custom_mark.strip()}
    footnotes += tuple(Footnote(n, _without_mark(end_bodies[eid], end_customs.get(eid, "")), kind="endnote", mark=mark)
                       for eid, (n, mark) in endnotes.items() if end_bodies.get(eid))
    notes: tuple[str, ...] = ()
    if content.revisions:
        name = Path(source).name if source else "The document"
        plural = "s" if content.revisions != 1 else ""
        state = "accepted" if content.view == "accept" else "rejected"
        notes = (f"{name} contained {content.revisions} tracked change{plural}; read with all changes {state}",)
    if content.unread:
        name = Path(source).name if source else "the document"
        notes += tuple(f"{name}: {what}" for what in content.unread)
    return build_resolution([_line(p, note_numbers) for p in paragraphs], language, source=source,
                            footnotes=footnotes, notes=notes)


def read_docx(path: Source, lang: str | None = None, view: str = "accept") -> Resolution:
    """Read a resolution from a Word .docx file, as it reads with every tracked change accepted
    (``view="reject"``: as it read before the changes — the base text of a redline).

    Raises UserError (with a hint) for files that are not readable .docx documents or hold no text.
    """
    content = docx_content(path, view)
    source = None if isinstance(path, (bytes, bytearray)) else str(path)
    if not any(p.visible.strip() for p in content.paragraphs):
        raise UserError(f"{source or 'the document'} contains no text",
                        "give the Word file that holds the resolution text",
                        zh=(f"{source or '该文档'} 没有任何文字", "请提供包含决议文本的 Word 文件"))
    return _build_resolution(content, lang, source)
