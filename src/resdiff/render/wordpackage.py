"""The Word package (the OPC zip) of a document resdiff writes, built from a template with zipfile and lxml.

The redline and draft writers need only the template's parts, one or two new parts (footnotes,
comments) with their relationships and content types, and the core properties. python-docx's import
alone (about 40 ms: ``docx/__init__`` loads every part and element class) is a third of a cold
``resdiff redline``, so this module does that small job itself and saves the package as python-docx
saves it: XML parts serialized by ``etree.tostring(encoding="UTF-8", standalone=True)``, members in the
order of the relationship graph (the template's order, new parts after it in the order they were
related), a new relationship under the first free ``rIdN``, content-type overrides sorted by part name.
Parts nobody touched are copied byte for byte. python-docx still builds the templates
(``templates/build_templates.py``) and the amendments document (``render.amendments``).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from datetime import datetime

from lxml import etree

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_MAIN_REL = _DOC_RELS + "officeDocument"
_CORE = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
# python-docx's limit on a core property's text (the title of a long resolution could reach it).
_CORE_TEXT_LIMIT = 255

# Parts the writers add to the main document: part name, content type, relationship type.
NEW_PARTS = {
    "footnotes": ("/word/footnotes.xml", _WML_CT + "footnotes+xml", _DOC_RELS + "footnotes"),
    "endnotes": ("/word/endnotes.xml", _WML_CT + "endnotes+xml", _DOC_RELS + "endnotes"),
    "comments": ("/word/comments.xml", _WML_CT + "comments+xml", _DOC_RELS + "comments"),
}

# An empty comments part with the namespace declarations python-docx's default comments part carries.
_EMPTY_COMMENTS = (
    '<w:comments xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:a14="http://schemas.microsoft.com/office/drawing/2010/main"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    ' xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"/>'
)

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def _rels_member(member: str) -> str:
    folder, name = posixpath.split(member)
    return posixpath.join(folder, "_rels", name + ".rels")


class WordPackage:
    """The members of a .docx, raw bytes until a part is asked for as XML (then re-serialized on save)."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self._raw = {name: z.read(name) for name in z.namelist()}
        self._order = list(self._raw)  # member order: the template's, new parts appended
        self._xml: dict[str, etree._Element] = {}
        self.main = self._target("", _MAIN_REL)  # word/document.xml
        if self.main is None:
            raise ValueError("the template has no main document part")

    def xml(self, member: str):
        """The root element of ``member`` (parsed once; saved from this element)."""
        root = self._xml.get(member)
        if root is None:
            root = self._xml[member] = etree.fromstring(self._raw[member], _PARSER)
        return root

    @property
    def document(self):
        return self.xml(self.main)

    def _target(self, source: str, reltype: str) -> str | None:
        """Member name of the first part ``source`` ("" for the package) relates to by ``reltype``."""
        rels = _rels_member(source) if source else "_rels/.rels"
        if rels not in self._raw:
            return None
        for rel in self.xml(rels):
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
                base = posixpath.dirname(source)
                return posixpath.normpath(posixpath.join(base, rel.get("Target"))).lstrip("/")
        return None

    def related(self, kind: str):
        """Root of the part the main document relates to by relationship type ``kind`` ("numbering",
        "settings", "comments" …), or None."""
        member = self._target(self.main, _DOC_RELS + kind)
        return self.xml(member) if member is not None else None

    def add_part(self, kind: str, root) -> None:
        """Add a new part of ``kind`` (a key of NEW_PARTS) holding ``root``, related from the main document."""
        partname, content_type, reltype = NEW_PARTS[kind]
        member = partname.lstrip("/")
        if member in self._raw or member in self._xml:
            raise ValueError(f"the package already has {partname}")
        self._xml[member] = root
        self._order.append(member)
        rels_member = _rels_member(self.main)
        if rels_member not in self._raw:
            self._raw[rels_member] = b""
            self._xml[rels_member] = etree.Element(f"{{{_REL_NS}}}Relationships", nsmap={None: _REL_NS})
            self._order.insert(self._order.index(self.main) + 1, rels_member)
        rels = self.xml(rels_member)
        taken = {rel.get("Id") for rel in rels}
        rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", reltype)
        rel.set("Target", posixpath.relpath(partname, posixpath.dirname("/" + self.main)))
        types = self.xml("[Content_Types].xml")
        override = etree.Element(f"{{{_CT_NS}}}Override")
        override.set("PartName", partname)
        override.set("ContentType", content_type)
        later = [o for o in types.iterchildren(f"{{{_CT_NS}}}Override") if o.get("PartName") > partname]
        if later:
            later[0].addprevious(override)
        else:
            types.append(override)

    def comments(self):
        """Root of the comments part, added (empty) the first time a comment is written."""
        root = self.related("comments")
        if root is None:
            root = etree.fromstring(_EMPTY_COMMENTS, _PARSER)
            self.add_part("comments", root)
        return root

    def set_core_properties(self, title: str, author: str, when: datetime, language: str) -> None:
        """What File → Properties shows: title, creator and last editor, created = modified = ``when``
        (UTC), language; the template's other properties stay as they are."""
        member = self._target("", _CORE_REL)
        if member is None:
            raise ValueError("the template has no core properties part")
        core = self.xml(member)
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        for tag, value in (("dc:title", title[:_CORE_TEXT_LIMIT]), ("dc:creator", author[:_CORE_TEXT_LIMIT]),
                           ("cp:lastModifiedBy", author[:_CORE_TEXT_LIMIT]), ("dcterms:created", stamp),
                           ("dcterms:modified", stamp), ("dc:language", language)):
            prefix, local = tag.split(":")
            el = core.find(f"{{{_CORE[prefix]}}}{local}")
            if el is None:
                el = etree.SubElement(core, f"{{{_CORE[prefix]}}}{local}")
            el.text = value
            if prefix == "dcterms":
                el.set(f"{{{_CORE['xsi']}}}type", "dcterms:W3CDTF")

    def save(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for member in self._order:
                root = self._xml.get(member)
                blob = self._raw[member] if root is None else etree.tostring(root, encoding="UTF-8", standalone=True)
                z.writestr(member, blob)
        return out.getvalue()
