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
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

from lxml import etree

from resdiff.errors import UserError

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


W_P, W_R, W_T, W_DELTEXT, W_PPR, W_RPR = _w("p"), _w("r"), _w("t"), _w("delText"), _w("pPr"), _w("rPr")
W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO = _w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")
W_VAL = _w("val")
# Elements that only wrap runs: their content is read as if it stood in the paragraph itself.
_RUN_CONTAINERS = {_w(n) for n in ("hyperlink", "smartTag", "customXml", "sdt", "sdtContent", "dir",
                                   "bdo")}
# Block containers the body walk descends into to find paragraphs (text boxes are left out on purpose).
_BLOCK_CONTAINERS = {_w(n) for n in ("tbl", "tc", "sdt", "sdtContent", "customXml")}
# Every element kind that is one tracked revision in Word's count.
_REVISION_TAGS = {_w(n) for n in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                                  "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                                  "tblGridChange", "numberingChange")}
_FALSE = {"0", "false", "off"}
_SPECIAL_FOOTNOTES = {"separator", "continuationSeparator", "continuationNotice"}

REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

Source = Union[str, Path, bytes]
VIEWS = ("accept", "reject")


# ── results ───────────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True)
class FootnoteRef:
    offset: int  # position in DocxParagraph.text where the reference mark stands
    id: str  # w:id of the footnote in the footnotes part
    custom_mark: str = ""  # the mark text when the reference uses a custom mark (w:customMarkFollows)


@dataclass(frozen=True)
class DocxParagraph:
    text: str  # visible text without the automatic number and without footnote reference marks
    number: str = ""  # automatic number as Word renders it ("1.", "(a)", "㈠"), "" when not numbered
    separator: str = ""  # what Word puts after the number: "\t" (default), " " or ""
    level: int | None = None  # list level (w:ilvl) of a numbered paragraph
    footnote_refs: tuple[FootnoteRef, ...] = ()
    lead: str = ""  # bold or italic words that open the paragraph ("重申", "Recalling also"), or ""
    style: str = ""  # paragraph style id ("Heading1"), "" for the default style

    @property
    def visible(self) -> str:
        """The paragraph as it reads on screen: automatic number, separator, text."""
        return f"{self.number}{self.separator}{self.text}" if self.number else self.text


@dataclass(frozen=True)
class DocxContent:
    paragraphs: tuple[DocxParagraph, ...]  # body paragraphs in reading order (empty ones included)
    footnotes: tuple[tuple[str, str], ...] = ()  # (footnote id, body text) in the footnotes part's order
    revisions: int = 0  # tracked revisions found in the body and the footnotes (both views count the same)
    view: str = "accept"

    def footnote_text(self, footnote_id: str) -> str | None:
        for fid, text in self.footnotes:
            if fid == footnote_id:
                return text
        return None


# ── package access ────────────────────────────────────────────────────────────────────────────────

def _corrupt(name: str, why: str) -> UserError:
    return UserError(f"{name} is not a readable Word .docx file ({why})",
                     "open it in Word or LibreOffice and save it again as .docx (Word Document)")


def _load_zip(source: Source) -> tuple[zipfile.ZipFile, str]:
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), "the document"
    else:
        path = Path(source)
        name = str(path)
        if path.is_dir():
            raise UserError(f"{name} is a directory", "give the path of a .docx file")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UserError(f"{name} does not exist", "check the file name and the current directory") from None
        except OSError as err:
            raise UserError(f"cannot read {name}: {err.strerror or err}", "check that the file is readable") from None
    if not data:
        raise UserError(f"{name} is empty", "give a Word .docx file that contains a resolution")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE compound file: Word 97-2003 .doc, or an encrypted .docx
        raise UserError(f"{name} is an old binary Word .doc file or a password-protected document",
                        "open it in Word or LibreOffice and save it as .docx (Word Document), without a password")
    try:
        return zipfile.ZipFile(io.BytesIO(data)), name
    except zipfile.BadZipFile:
        raise _corrupt(name, "not a zip archive") from None


def _read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes | None:
    try:
        return archive.read(member)
    except KeyError:
        return None
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


def _relationships(archive: zipfile.ZipFile, part: str, name: str) -> list[tuple[str, str]]:
    """(type, target part name) of the relationships of ``part`` ("" for the package)."""
    folder, base = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
    data = _read_member(archive, rels_name, name)
    if data is None:
        return []
    root = _parse_xml(data, rels_name, name)
    result = []
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        result.append((rel.get("Type", ""), target))
    return result


@dataclass
class _Package:
    name: str
    document: object  # lxml root of the main document part
    styles: object | None = None
    numbering: object | None = None
    footnotes: object | None = None


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
        for typ, target in _relationships(archive, main, name):
            kind = typ.rsplit("/", 1)[-1]
            if kind in ("styles", "numbering", "footnotes"):
                part = _read_member(archive, target, name)
                if part is not None:
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
        if root is not None:
            for style in root.iter(_w("style")):
                self._styles[style.get(_w("styleId"))] = style

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

    def emphasised(self, style_id: str | None) -> bool:
        for style in self._chain(style_id):
            rpr = style.find(W_RPR)
            if rpr is not None:
                for tag in ("b", "i"):
                    prop = rpr.find(_w(tag))
                    if prop is not None:
                        return _on(prop)
        return False


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # lvlText pattern; None → "%<level+1>."
    suffix: str = "\t"
    legal: bool = False  # isLgl: show every level's number in decimal


def _parse_level(lvl) -> _Level:
    level = _Level()
    start = lvl.find(_w("start"))
    if start is not None and (start.get(W_VAL) or "").lstrip("-").isdigit():
        level.start = int(start.get(W_VAL))
    fmt = lvl.find(_w("numFmt"))
    if fmt is not None:
        level.fmt = fmt.get(W_VAL, "decimal")
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

    def __init__(self, root):
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if root is None:
            return
        for abstract in root.iter(_w("abstractNum")):
            levels = {}
            for lvl in abstract.iter(_w("lvl")):
                levels[int(lvl.get(_w("ilvl"), "0"))] = _parse_level(lvl)
            self._abstract[abstract.get(_w("abstractNumId"))] = levels
        for num in root.iter(_w("num")):
            ref = num.find(_w("abstractNumId"))
            if ref is None:
                continue
            starts, overrides = {}, {}
            for override in num.iter(_w("lvlOverride")):
                ilvl = int(override.get(_w("ilvl"), "0"))
                start = override.find(_w("startOverride"))
                if start is not None and (start.get(W_VAL) or "").lstrip("-").isdigit():
                    starts[ilvl] = int(start.get(W_VAL))
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    overrides[ilvl] = _parse_level(lvl)
                    starts.setdefault(ilvl, overrides[ilvl].start)
            self._nums[num.get(_w("numId"))] = (ref.get(W_VAL), starts, overrides)

    def _level(self, num_id: str, ilvl: int) -> _Level:
        abstract_id, _, overrides = self._nums[num_id]
        return overrides.get(ilvl) or self._abstract.get(abstract_id, {}).get(ilvl) or _Level()

    def render(self, num_id: str | None, ilvl: int) -> tuple[str, str]:
        """Advance the list of ``num_id`` at level ``ilvl``; return (number text, separator)."""
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
            return pattern, level.suffix if pattern else ""

        def fill(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            other = self._level(num_id, k)
            value = counters.get(k, other.start)
            return format_number(value, "decimal" if level.legal and k != ilvl else other.fmt)

        number = re.sub(r"%([1-9])", fill, pattern)
        return number, (level.suffix if number else "")


# ── paragraph text ────────────────────────────────────────────────────────────────────────────────

@dataclass
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

    def run(self, run) -> None:
        rpr = run.find(W_RPR)
        if rpr is not None and _on(rpr.find(_w("vanish"))):
            return  # hidden text
        emphasised = self._emphasised(rpr)
        skip_custom_mark = False
        for child in run:
            tag = child.tag
            if tag == W_T:
                text = child.text or ""
                if skip_custom_mark and self.refs:  # the characters of a custom footnote mark
                    last = self.refs[-1]
                    self.refs[-1] = FootnoteRef(last.offset, last.id, last.custom_mark + text)
                    skip_custom_mark = False
                    continue
                self.add(text, emphasised)
            elif tag == W_DELTEXT:
                if self.view == "reject":
                    self.add(child.text or "", emphasised)
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
                if re.fullmatch(r"[0-9A-Fa-f]{1,5}", code) and int(code, 16) <= 0x10FFFF:
                    # symbol fonts use private-use code points; kept as they are rather than guessed
                    self.add(chr(int(code, 16)), emphasised)
            elif tag == _w("footnoteReference"):
                if not self._in_code():
                    self.refs.append(FootnoteRef(self.length, child.get(_w("id"), "")))
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
    """Paragraphs of the body (or a table cell) in reading order; rows deleted in ``view`` are skipped."""
    for child in element:
        tag = child.tag
        if tag == W_P:
            yield child
        elif tag == _w("tr"):
            trpr = child.find(_w("trPr"))
            gone = (W_DEL,) if view == "accept" else (W_INS,)
            if trpr is not None and any(trpr.find(t) is not None for t in gone):
                continue
            yield from _body_paragraphs(child, view)
        elif tag in _BLOCK_CONTAINERS:
            yield from _body_paragraphs(child, view)


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"view must be 'accept' or 'reject', not {view!r}")


def _paragraphs(paragraph_elements, view: str, styles: _Styles, numbering: _Numbering | None) -> list[DocxParagraph]:
    """Resolve revisions, merge paragraphs whose mark is gone, render numbers (when ``numbering`` is given)."""
    elements = list(paragraph_elements)
    result = []
    pending: _Collector | None = None
    owner = None  # pPr of the first paragraph of a merge chain that kept some content
    for index, p in enumerate(elements):
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
            if num_pr is not None:
                if num_pr.find(_w("numId")) is not None:
                    num_id = num_pr.find(_w("numId")).get(W_VAL)
                if num_pr.find(_w("ilvl")) is not None:
                    ilvl = num_pr.find(_w("ilvl")).get(W_VAL)
            level_index = int(ilvl) if ilvl and ilvl.isdigit() else 0
            number, separator = numbering.render(num_id, level_index)
            level = level_index if number else None
        result.append(DocxParagraph(
            text=collector.text(), number=number, separator=separator, level=level,
            footnote_refs=tuple(collector.refs), lead=collector.lead(), style=style))
    return result


def _count_revisions(*roots) -> int:
    return sum(1 for root in roots if root is not None for el in root.iter() if el.tag in _REVISION_TAGS)


def _footnotes(root, view: str, styles: _Styles) -> tuple[tuple[str, str], ...]:
    if root is None:
        return ()
    notes = []
    for note in root.iter(_w("footnote")):
        if note.get(_w("type")) in _SPECIAL_FOOTNOTES or note.get(_w("id")) in ("-1", "0") and note.get(_w("type")):
            continue
        paragraphs = _paragraphs(_body_paragraphs(note, view), view, styles, None)
        notes.append((note.get(_w("id"), ""), "\n".join(p.text for p in paragraphs).strip()))
    return tuple(notes)


def docx_content(source: Source, view: str = "accept") -> DocxContent:
    """Every body paragraph of a .docx as Word shows it with all revisions accepted (or rejected)."""
    _check_view(view)
    package = _open_package(source)
    styles = _Styles(package.styles)
    body = package.document.find(_w("body"))
    elements = _body_paragraphs(body, view) if body is not None else ()
    paragraphs = _paragraphs(elements, view, styles, _Numbering(package.numbering))
    return DocxContent(
        paragraphs=tuple(paragraphs),
        footnotes=_footnotes(package.footnotes, view, styles),
        revisions=_count_revisions(body, package.footnotes),
        view=view,
    )


def docx_paragraphs(path_or_bytes: Source, view: str = "accept") -> list[str]:
    """Visible text of each body paragraph (automatic number + separator + text), revisions resolved by ``view``.

    Footnote reference marks are not part of the text (nor the printed number of a NOTEREF field, Word's
    way to cite a footnote a second time); empty paragraphs are kept (as "").
    """
    return [p.visible for p in docx_content(path_or_bytes, view).paragraphs]


# ── the resolution ────────────────────────────────────────────────────────────────────────────────
#
# Built directly from the Word paragraphs rather than by printing a plain text for the text reader to
# re-segment: Word already says where every paragraph starts and ends, which operative number it
# carries and where each footnote reference stands, and a re-segmentation could only lose that (a
# paragraph that does not end in punctuation would be glued to the next one). What is language knowledge
# rather than layout (header fields, closing lines, opener verbs, typed numbers and sub-paragraph
# markers) comes from the text reader, so both readers agree on the same resolution.

_SUFFIXES = "bis|ter|quater|quinquies|sexies|septies|octies"
_AUTO_OP_NUMBER = re.compile(rf"^[(（]?(\d{{1,3}})(?:\s*({_SUFFIXES}))?\s*[.．)）]?$")


def _tidy(text: str, refs: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Display text: tabs become spaces, manual line breaks join the lines (kept before a sub-paragraph
    marker), outer spaces go; footnote offsets follow every change."""
    from resdiff.normalize import is_cjk
    from resdiff.read.text import SUBPARA

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


def _header_fields(lines: list[str], closing: list[str], lang: str) -> dict:
    from resdiff.read.text import CLOSING_EN_MEETING, CLOSING_ZH_MEETING, iso_date, parse_header

    fields = parse_header(lines, lang)
    for line in closing:
        m = CLOSING_ZH_MEETING.match(line) or CLOSING_EN_MEETING.match(line)
        if m:
            fields["plenary_meeting"] = int(m.group(1))
    if "date" not in fields:
        for line in closing:
            if iso_date(line):
                fields["date"] = iso_date(line)
    return fields


def _body_start(paragraphs: list[DocxParagraph], lang: str) -> int:
    """Index of the first body paragraph: after the author line ("大会，", "The General Assembly,"), else
    the first one that is numbered, opens with an opener verb or with emphasised words."""
    from resdiff.read.text import AUTHOR, is_opener, op_number

    for i, p in enumerate(paragraphs[:60]):
        if AUTHOR.match(p.visible.strip()):
            return i + 1
    for i, p in enumerate(paragraphs):
        text = p.text.strip()
        if (p.number and p.level == 0) or is_opener(text, lang) or (i and op_number(text)) or p.lead:
            return i
    return 0


def _footnote_numbers(paragraphs: tuple[DocxParagraph, ...]) -> dict[str, int]:
    """Word numbers footnotes by the order of their references; a custom mark that is a number keeps it."""
    numbers: dict[str, int] = {}
    counter = 0
    for p in paragraphs:
        for ref in p.footnote_refs:
            if ref.id in numbers:
                continue
            if ref.custom_mark.strip().isdigit():
                numbers[ref.id] = int(ref.custom_mark.strip())
            else:
                counter += 1
                numbers[ref.id] = counter
    return numbers


def _build_resolution(content: DocxContent, lang: str | None, source: str | None) -> Resolution:
    from resdiff.lang.detect import detect_language
    from resdiff.model import OPERATIVE, PREAMBULAR, Footnote, Header, Paragraph, Resolution, SubParagraph
    from resdiff.normalize import normalize
    from resdiff.read.text import SUBPARA, is_closing, emphasised_lead, op_number

    paragraphs = [p for p in content.paragraphs if p.visible.strip()]
    language = lang or detect_language("\n".join(p.visible for p in paragraphs))
    numbers = _footnote_numbers(content.paragraphs)
    start = _body_start(paragraphs, language)
    header_lines = [line.strip() for p in paragraphs[:start] for line in p.visible.split("\n") if line.strip()]
    body = paragraphs[start:]
    closing: list[str] = []
    while body and is_closing(body[-1].visible.strip(), language):
        closing.insert(0, body.pop().visible.strip())

    # Each Word paragraph becomes an operative paragraph (a number), a sub-paragraph of the one before
    # (a letter or roman number, or a deeper list level), or a preambular paragraph.
    units: list[dict] = []
    for p in body:
        refs = [(r.offset, r.id) for r in p.footnote_refs]
        text, lead = p.text, p.lead
        number, suffix, marker = None, "", ""
        auto = _AUTO_OP_NUMBER.match(p.number.strip()) if p.number else None
        if auto and p.level == 0:
            number, suffix = int(auto.group(1)), auto.group(2) or ""
        elif p.number and SUBPARA.match(p.number.strip() + " ") or (p.number and p.level):
            marker = p.number.strip()
        elif p.number:  # a list style resdiff does not know ("Article 1"): keep its label as text
            text, refs = f"{p.number} {text}", [(o + len(p.number) + 1, fid) for o, fid in refs]
        else:
            typed = op_number(text.lstrip())
            if typed:
                cut = len(text) - len(text.lstrip()) + typed.end()
                number, suffix = int(typed.group(1)), typed.group(2) or ""
                text, refs = text[cut:], [(max(o - cut, 0), fid) for o, fid in refs]
                typed_lead = op_number(lead)
                lead = lead[typed_lead.end():] if typed_lead else lead
        text, refs = _tidy(text, refs)
        if not marker and units and SUBPARA.match(text) and number is None:
            m = SUBPARA.match(text)
            marker, text = m.group(1), text[m.end():]
            refs = [(max(o - m.end(), 0), fid) for o, fid in refs]
        if marker and units:
            unit = units[-1]
            shift = len(unit["text"]) + 1 + len(marker) + 1
            unit["text"] += f"\n{marker} {text}"
            unit["refs"] += [(o + shift, fid) for o, fid in refs]
            unit["subparagraphs"].append(SubParagraph(marker, text))
            continue
        lead = lead.replace("\t", " ").strip()
        units.append({"text": text, "refs": refs, "number": number, "suffix": suffix,
                      "emphasis": lead if lead and lead != text and text.startswith(lead) else "",
                      "subparagraphs": [], "marker": marker})

    result: list[Paragraph] = []
    pp = 0
    for unit in units:
        text = unit["text"]
        if unit["marker"]:  # a sub-paragraph with nothing before it: keep its marker in the text
            text = f"{unit['marker']} {text}"
            unit["refs"] = [(o + len(unit["marker"]) + 1, fid) for o, fid in unit["refs"]]
            unit["subparagraphs"] = []
        if not text:
            continue
        kind = OPERATIVE if unit["number"] is not None else PREAMBULAR
        if kind == OPERATIVE:
            label = f"OP{unit['number']}{unit['suffix']}"
        else:
            pp += 1
            label = f"PP{pp}"
        refs = [(o, numbers[fid]) for o, fid in unit["refs"] if fid in numbers]
        result.append(Paragraph(
            label=label, kind=kind, number=unit["number"], text=text, key=normalize(text),
            footnotes=tuple(n for _, n in refs), footnote_positions=tuple(o for o, _ in refs),
            lead=unit["emphasis"] or emphasised_lead(text, language, kind), suffix=unit["suffix"],
            subparagraphs=tuple(unit["subparagraphs"]),
        ))

    bodies = dict(content.footnotes)
    # A footnote whose body is missing or empty is left out, as the text reader does for an excerpt
    # whose notes were cut off: the paragraph still names its number.
    footnotes = tuple(sorted((Footnote(n, bodies[fid]) for fid, n in numbers.items() if bodies.get(fid)),
                             key=lambda f: f.number))
    fields = _header_fields(header_lines, closing, language)
    header = Header(language=language, closing=tuple(closing), **fields)
    notes = ()
    if content.revisions:
        name = Path(source).name if source else "The document"
        plural = "s" if content.revisions != 1 else ""
        state = "accepted" if content.view == "accept" else "rejected"
        notes = (f"{name} contained {content.revisions} tracked change{plural}; read with all changes {state}",)
    return Resolution(header=header, paragraphs=tuple(result), footnotes=footnotes, source=source, notes=notes)


def read_docx(path: Source, lang: str | None = None, view: str = "accept") -> Resolution:
    """Read a resolution from a Word .docx file, as it reads with every tracked change accepted
    (``view="reject"``: as it read before the changes — the base text of a redline).

    Raises UserError (with a hint) for files that are not readable .docx documents or hold no text.
    """
    content = docx_content(path, view)
    source = None if isinstance(path, (bytes, bytearray)) else str(path)
    if not any(p.visible.strip() for p in content.paragraphs):
        raise UserError(f"{source or 'the document'} contains no text",
                        "give the Word file that holds the resolution text")
    return _build_resolution(content, lang, source)
