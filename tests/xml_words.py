"""An independent reading of a .docx for the text-conservation tests: every word of the visible text,
taken straight from the XML parts (w:t, m:t, a:t), and every word a Resolution holds.

It shares no code with resdiff's reader on purpose: it does not resolve numbering, fields or styles,
it only knows which parts hold text a reader sees (the body with its tables and text boxes, footnotes,
endnotes, SmartArt data, embedded .docx chunks) and which subtrees Word does not show in the
accepted view (deleted and moved-away runs, hidden runs, the Fallback copy of an mc:AlternateContent).
"""

from __future__ import annotations

import dataclasses
import io
import posixpath
import re
import zipfile
from collections import Counter

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"

TEXT_TAGS = {f"{{{W}}}t", f"{{{M}}}t", f"{{{A}}}t"}
PARAGRAPH_TAGS = {f"{{{W}}}p", f"{{{A}}}p"}
HIDDEN_SUBTREES = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}instrText"}
BREAK_TAGS = {f"{{{W}}}{n}" for n in ("tab", "ptab", "br", "cr", "noBreakHyphen", "sym")}
WORD = re.compile(r"\w+")


def _hidden(element) -> bool:
    if element.tag in HIDDEN_SUBTREES:
        return True
    if element.tag == f"{{{W}}}r":
        vanish = element.find(f"{{{W}}}rPr/{{{W}}}vanish")
        return vanish is not None and vanish.get(f"{{{W}}}val", "true") not in ("0", "false", "off")
    if element.tag == f"{{{DGM}}}pt":
        return element.get("type", "node") not in ("node", "asst")
    if element.tag in (f"{{{W}}}footnote", f"{{{W}}}endnote"):
        return element.get(f"{{{W}}}type") is not None  # separators
    return False


def part_texts(root, equations: list[str] | None = None) -> list[str]:
    """The text of each innermost paragraph (w:p or a:p) of a part, text elements joined as they come.
    The text of each equation (m:oMath) goes to ``equations`` instead, its place in the paragraph kept
    by a space: a reader writes an equation in a linear form with operators of its own ("πr^2")."""
    texts: list[list[str]] = []

    def walk(element, paragraph: int | None) -> None:
        for child in element:
            if not isinstance(child.tag, str) or _hidden(child):
                continue
            if child.tag in PARAGRAPH_TAGS:
                texts.append([])
                walk(child, len(texts) - 1)
            elif child.tag == f"{{{M}}}oMath" and equations is not None:
                equations.append("".join(t.text or "" for t in child.iter(f"{{{M}}}t")
                                         if not any(_hidden(a) for a in t.iterancestors())))
                if paragraph is not None:
                    texts[paragraph].append(" ")
            elif child.tag in TEXT_TAGS and paragraph is not None:
                texts[paragraph].append(child.text or "")
            elif child.tag in BREAK_TAGS and paragraph is not None:
                texts[paragraph].append(" ")
            else:
                walk(child, paragraph)

    walk(root, None)
    return ["".join(t) for t in texts]


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    folder, base = posixpath.split(part)
    name = posixpath.join(folder, "_rels", base + ".rels")
    if name not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(name))
    out = {}
    for rel in root:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
    return out


def docx_texts(data: bytes, equations: list[str] | None = None) -> list[str]:
    """Every visible paragraph text of a .docx: body (tables, text boxes), notes, SmartArt, .docx chunks."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    main = "word/document.xml"
    texts = part_texts(etree.fromstring(archive.read(main)), equations)
    for typ, target in _rels(archive, main).values():
        if target not in archive.namelist():
            continue
        if typ in ("footnotes", "endnotes", "diagramData"):
            texts += part_texts(etree.fromstring(archive.read(target)), equations)
        elif typ == "aFChunk" and archive.read(target)[:4] == b"PK\x03\x04":
            texts += docx_texts(archive.read(target), equations)
    return texts


def words(texts) -> Counter:
    return Counter(w.casefold() for text in texts for w in WORD.findall(text))


def resolution_strings(value) -> list[str]:
    """Every string a Resolution holds (header fields, paragraphs, sub-paragraphs, notes, reader notes),
    except the normalised comparison keys and the file name."""
    if dataclasses.is_dataclass(value):
        return [s for f in dataclasses.fields(value) if f.name not in ("key", "source")
                for s in resolution_strings(getattr(value, f.name))]
    if isinstance(value, (tuple, list)):
        return [s for item in value for s in resolution_strings(item)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, int) and not isinstance(value, bool):
        return [str(value)]
    return []


def lost_words(data: bytes, resolution) -> Counter:
    """Words of the document's visible text that the Resolution does not hold (with multiplicity); for
    equations, the letters and digits they hold that the Resolution does not (as "∑x" entries)."""
    equations: list[str] = []
    texts = docx_texts(data, equations)
    held = resolution_strings(resolution)
    lost = words(texts) - words(held)
    letters = Counter(c for text in held for c in text.casefold() if WORD.match(c))
    missing = Counter(c for text in equations for c in text.casefold() if WORD.match(c)) - letters
    return lost + Counter({f"∑{c}": n for c, n in missing.items()})


def visible_words(data: bytes) -> int:
    equations: list[str] = []
    texts = docx_texts(data, equations)
    return sum(words(texts).values()) + sum(len(WORD.findall(e)) for e in equations)
