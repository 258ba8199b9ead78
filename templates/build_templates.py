"""Build the Word templates of resdiff: templates/resolution-{zh,en}.docx (and the package copies).

Run from the repository root:  /work/venv/bin/python templates/build_templates.py

The layout follows the official General Assembly texts: A4, Times New Roman 10 pt in English,
SimSun (宋体) 10.5 pt in Chinese (w:eastAsia set explicitly; LibreOffice falls back to Noto CJK when
SimSun is not installed), operative paragraphs numbered automatically (numbering.xml, not typed digits).
Styles (ids are what render.docx refers to):

    UNHeader        session, agenda item, adoption line, report line
    UNTitle         "75/180. Enhancement of …" in bold
    UNAuthor        "The General Assembly," / "大会，"
    UNPreambular    preambular paragraph (English: the lead participle is set in italics by the renderer)
    UNOperative     operative paragraph, automatic "1." numbering (verb italic in English, bold in Chinese)
    UNSubparagraph  "(a) …" on its own line, indented
    UNClosing       plenary meeting and date at the end
    FootnoteText, FootnoteReference, EndnoteText, EndnoteReference, CommentText, CommentReference
"""

from __future__ import annotations

import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from resdiff.render.wordxml import (  # noqa: E402
    replace_numbering,
    set_east_asian_language,
    set_fonts,
    set_style_numbering,
)

LAYOUT = {
    # latin font, East Asian font, body size, first-line indent, operative number tab
    "en": dict(latin="Times New Roman", east_asia="SimSun", size=10, indent=Cm(1.27), tab=Cm(1.9)),
    "zh": dict(latin="Times New Roman", east_asia="SimSun", size=10.5, indent=Cm(0.74), tab=Cm(1.4)),
}


def _twips(length) -> int:
    return int(length.pt * 20)


def _style(doc, style_id: str, name: str, base: str | None = "Normal", kind=WD_STYLE_TYPE.PARAGRAPH):
    style = doc.styles.add_style(name, kind)
    style.element.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId", style_id)
    if base:
        style.base_style = doc.styles[base]
    style.quick_style = True
    return style


def build(language: str) -> Document:
    spec = LAYOUT[language]
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren("{*}p")):
        body.remove(p)

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    # docDefaults use theme fonts (Calibri / MS Mincho); replace them so nothing falls back to a theme.
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults, spec["latin"], spec["east_asia"])
    normal = doc.styles["Normal"]
    normal.font.size = Pt(spec["size"])
    set_fonts(normal.element.get_or_add_rPr(), spec["latin"], spec["east_asia"])
    set_east_asian_language(normal.element.get_or_add_rPr(), "zh-CN")
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    normal.paragraph_format.widow_control = True
    if language == "zh":
        # Official Chinese texts: no extra letter spacing between Latin and CJK (autoSpace off looks closer).
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    header = _style(doc, "UNHeader", "UN Header")
    header.paragraph_format.space_after = Pt(0)

    title = _style(doc, "UNTitle", "UN Title")
    title.font.bold = True
    title.font.size = Pt(spec["size"] + 3)
    title.paragraph_format.space_before = Pt(12)
    title.paragraph_format.space_after = Pt(12)
    title.paragraph_format.keep_with_next = True
    if language == "en":
        title.paragraph_format.left_indent = Cm(1.27)
        title.paragraph_format.first_line_indent = -Cm(1.27)

    author = _style(doc, "UNAuthor", "UN Author")
    author.paragraph_format.first_line_indent = spec["indent"]
    author.paragraph_format.keep_with_next = True

    pre = _style(doc, "UNPreambular", "UN Preambular")
    pre.paragraph_format.first_line_indent = spec["indent"]
    pre.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    op = _style(doc, "UNOperative", "UN Operative")
    op.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    num_id = replace_numbering(doc.part.numbering_part.element, _twips(spec["indent"]), _twips(spec["tab"]))
    set_style_numbering(op.element, num_id)
    op.paragraph_format.left_indent = Cm(0)
    op.paragraph_format.first_line_indent = spec["indent"]

    sub = _style(doc, "UNSubparagraph", "UN Subparagraph")
    sub.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    sub.paragraph_format.left_indent = spec["indent"] * 2 if language == "en" else spec["indent"]
    sub.paragraph_format.first_line_indent = -spec["indent"] if language == "en" else spec["indent"]

    closing = _style(doc, "UNClosing", "UN Closing")
    closing.paragraph_format.left_indent = Cm(10)
    closing.paragraph_format.space_after = Pt(0)
    closing.paragraph_format.space_before = Pt(0)

    # Endnotes (a Word source's endnotes stay endnotes in a redline) look like footnotes.
    for kind in ("Footnote", "Endnote"):
        note_text = _style(doc, f"{kind}Text", f"{kind.lower()} text")
        note_text.font.size = Pt(spec["size"] - 1.5)
        note_text.paragraph_format.space_after = Pt(2)
        note_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        note_ref = _style(doc, f"{kind}Reference", f"{kind.lower()} reference", base=None,
                          kind=WD_STYLE_TYPE.CHARACTER)
        note_ref.font.superscript = True

    com_text = _style(doc, "CommentText", "annotation text")
    com_text.font.size = Pt(9)
    _style(doc, "CommentReference", "annotation reference", base=None, kind=WD_STYLE_TYPE.CHARACTER)

    _prune_styles(doc)
    _strip_package(doc, language)
    return doc


# Styles the renderer uses, plus the defaults Word expects every document to define.
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "UNHeader", "UNTitle", "UNAuthor",
               "UNPreambular", "UNOperative", "UNSubparagraph", "UNClosing", "FootnoteText",
               "FootnoteReference", "EndnoteText", "EndnoteReference", "CommentText", "CommentReference"}


def _prune_styles(doc) -> None:
    """python-docx's default template defines 170 styles (table grids, headings …) that a resolution
    never uses; every output would carry their 350 KB of XML."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            root.remove(style)


def _strip_package(doc, language: str) -> None:
    """Leave nothing of python-docx's default template that is not ours: its stale
    stylesWithEffects.xml (names numbering definitions that no longer exist), the bibliography
    customXml, the thumbnail of an empty page, the 2013 Word-for-Mac metadata (app.xml, core
    properties, revision ids). The renderer sets the core properties of every document it writes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    drop = {RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in drop:
            del doc.part.rels[rid]
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package_rels[rid]
    settings = doc.settings.element
    for tag in ("w:savePreviewPicture", "w:rsids", "w:attachedTemplate"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for el in settings.findall("{http://schemas.microsoft.com/office/word/2010/wordml}docId"):
        settings.remove(el)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN" if language == "zh" else "en-US")
    sect = doc.element.body.find(qn("w:sectPr"))
    for attr in ("w:rsidR", "w:rsidRPr", "w:rsidSect"):
        sect.attrib.pop(qn(attr), None)
    core = doc.core_properties
    for name in ("title", "subject", "author", "keywords", "comments", "last_modified_by", "category"):
        setattr(core, name, "")
    core.revision = 1
    epoch = datetime(2000, 1, 1, tzinfo=timezone.utc)  # overwritten by the renderer
    core.created = core.modified = epoch


def main() -> None:
    out_dirs = [ROOT / "templates", ROOT / "src" / "resdiff" / "templates"]
    for d in out_dirs:
        d.mkdir(parents=True, exist_ok=True)
    for language in ("zh", "en"):
        path = ROOT / "templates" / f"resolution-{language}.docx"
        build(language).save(path)
        shutil.copyfile(path, out_dirs[1] / path.name)
        print(f"wrote {path.relative_to(ROOT)} (+ package copy)")


if __name__ == "__main__":
    main()
