"""Build small .docx files for the reader tests: python-docx for the package, raw WordprocessingML for
everything python-docx has no API for (automatic numbering, footnotes, tracked changes).

Independent of resdiff's own Word writer on purpose: the reader is checked against XML written here by
hand, in the shapes Word itself writes.

    b = DocxBuilder()
    ops = b.numbering([("decimal", "%1."), ("lowerLetter", "(%2)")])
    b.paragraph(b.run("Recalling", italic=True), b.run(" its resolution"), b.footnote("Resolution 1/1."), b.run(","))
    b.paragraph(b.run("Decides", italic=True), b.insert(" to continue"), num=ops)
    data = b.to_bytes()
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def _t(text: str, tag: str = "w:t") -> str:
    """Text as runs' children: tabs and line breaks become w:tab / w:br, as Word writes them."""
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<{tag} xml:space="preserve">{escape(piece)}</{tag}>')
    return "".join(parts)


def _rpr(bold: bool, italic: bool) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return f"<w:rPr>{props}</w:rPr>" if props else ""


class DocxBuilder:
    def __init__(self, author: str = "Reader test", date: str = "2024-05-01T10:00:00Z"):
        self.author = author
        self.date = date
        self._paragraphs: list[str] = []
        self._abstract: list[str] = []
        self._nums: list[str] = []
        self._footnotes: list[str] = []
        self._revision_id = 100
        self._footnote_id = 0
        self._num_id = 40

    # ── run-level fragments (XML strings) ──
    def _rev(self) -> str:
        self._revision_id += 1
        return f'w:id="{self._revision_id}" w:author="{escape(self.author)}" w:date="{self.date}"'

    def run(self, text: str, bold: bool = False, italic: bool = False) -> str:
        return f"<w:r>{_rpr(bold, italic)}{_t(text)}</w:r>"

    def deleted_run(self, text: str, bold: bool = False, italic: bool = False) -> str:
        return f"<w:r>{_rpr(bold, italic)}{_t(text, 'w:delText')}</w:r>"

    def insert(self, *fragments: str) -> str:
        """Tracked insertion of runs (plain strings become plain runs)."""
        body = "".join(f if f.startswith("<") else self.run(f) for f in fragments)
        return f"<w:ins {self._rev()}>{body}</w:ins>"

    def delete(self, text: str, bold: bool = False, italic: bool = False) -> str:
        return f"<w:del {self._rev()}>{self.deleted_run(text, bold, italic)}</w:del>"

    def move_from(self, name: str, text: str) -> str:
        rid = self._revision_id + 1
        self._revision_id += 1
        return (f'<w:moveFromRangeStart w:id="{rid}" w:author="{escape(self.author)}" w:date="{self.date}" '
                f'w:name="{name}"/><w:moveFrom {self._rev()}>{self.deleted_run(text)}</w:moveFrom>'
                f'<w:moveFromRangeEnd w:id="{rid}"/>')

    def move_to(self, name: str, text: str) -> str:
        rid = self._revision_id + 1
        self._revision_id += 1
        return (f'<w:moveToRangeStart w:id="{rid}" w:author="{escape(self.author)}" w:date="{self.date}" '
                f'w:name="{name}"/><w:moveTo {self._rev()}>{self.run(text)}</w:moveTo>'
                f'<w:moveToRangeEnd w:id="{rid}"/>')

    def footnote(self, text: str) -> str:
        """A real footnote: its body goes to the footnotes part, the reference run is returned."""
        self._footnote_id += 1
        fid = self._footnote_id
        paragraphs = "".join(
            '<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            + ('<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
               '<w:r><w:t xml:space="preserve"> </w:t></w:r>' if i == 0 else "")
            + self.run(line) + "</w:p>"
            for i, line in enumerate(text.split("\n"))
        )
        self._footnotes.append(f'<w:footnote w:id="{fid}">{paragraphs}</w:footnote>')
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'

    # ── numbering ──
    def numbering(self, levels: list[tuple[str, str]], start: int = 1, suffix: str | None = None) -> str:
        """Define a list (abstractNum + num); ``levels`` are (numFmt, lvlText) from level 0. Returns numId."""
        self._num_id += 1
        nid = self._num_id
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start if i == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{escape(text)}"/>'
            + (f'<w:suff w:val="{suffix}"/>' if suffix else "")
            + f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        self._abstract.append(f'<w:abstractNum w:abstractNumId="{nid}"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        self._nums.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{nid}"/></w:num>')
        return str(nid)

    def restart(self, num_id: str, level: int = 0, start: int = 1) -> str:
        """A new w:num on the same abstract list whose level restarts at ``start`` (Word's "Restart at 1")."""
        self._num_id += 1
        nid = self._num_id
        self._nums.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{num_id}"/>'
                          f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
        return str(nid)

    # ── paragraphs ──
    def paragraph(self, *fragments: str, num: str | None = None, level: int = 0, mark: str | None = None,
                  old_num: str | None = "same", style: str | None = None) -> None:
        """Add a body paragraph. ``mark``: "ins", "del", "moveFrom" or "moveTo" for a tracked paragraph mark.

        ``old_num``: for a numbering change tracked with w:pPrChange — the numId before the change, or None
        for "was not numbered"; the default "same" writes no w:pPrChange.
        """
        body = "".join(f if f.startswith("<") else self.run(f) for f in fragments)
        ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        if mark:
            ppr += f"<w:rPr><w:{mark} {self._rev()}/></w:rPr>"
        if old_num != "same":
            old = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{old_num}"/></w:numPr>' if old_num else ""
            ppr += f"<w:pPrChange {self._rev()}><w:pPr>{old}</w:pPr></w:pPrChange>"
        self._paragraphs.append(f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>")

    def raw_paragraph(self, xml: str) -> None:
        """A paragraph written by the test itself (``xml`` is one <w:p> using the w: prefix)."""
        self._paragraphs.append(xml)

    # ── package ──
    def to_bytes(self) -> bytes:
        import docx
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml import parse_xml

        document = docx.Document()
        body = document.element.body
        sect_pr = body.find(f"{{{W_NS}}}sectPr")
        for child in list(body):
            if child is not sect_pr:
                body.remove(child)
        for xml in self._paragraphs:
            element = parse_xml(f"<w:body {_NSDECL}>{xml}</w:body>")[0]
            if sect_pr is not None:
                sect_pr.addprevious(element)
            else:
                body.append(element)
        if self._abstract:
            numbering = document.part.numbering_part.element
            first_num = numbering.find(f"{{{W_NS}}}num")
            for xml in self._abstract:
                element = parse_xml(xml.replace("<w:abstractNum ", f"<w:abstractNum {_NSDECL} ", 1))
                if first_num is not None:
                    first_num.addprevious(element)
                else:
                    numbering.append(element)
            for xml in self._nums:
                numbering.append(parse_xml(xml.replace("<w:num ", f"<w:num {_NSDECL} ", 1)))
        if self._footnotes:
            separators = (
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            )
            blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {_NSDECL}>'
                    f"{separators}{''.join(self._footnotes)}</w:footnotes>").encode("utf-8")
            part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, blob, document.part.package)
            document.part.relate_to(part, RT.FOOTNOTES)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def resolution_docx(resolution, header_lines: list[str], emphasis: str = "bold", emphasise_preambular: bool = False) -> bytes:
    """A Word file of ``resolution`` as a delegation would type it: header lines, preambular paragraphs,
    operative paragraphs with Word's automatic numbering (decimal "1.", no typed digits) and emphasised
    opening verbs, sub-paragraphs on list level 1, real footnotes at the markers' offsets, closing lines.
    ``emphasis`` is "bold" (Chinese operative verbs) or "italic" (English verbs)."""
    b = DocxBuilder()
    ops = b.numbering([("decimal", "%1."), ("lowerLetter", "(%2)")])
    notes = {f.number: f.text for f in resolution.footnotes}
    for line in header_lines:
        b.paragraph(b.run(line))
    for p in resolution.paragraphs:
        lines = p.text.split("\n")
        chapeau = lines[0]
        emphasise = p.lead and (p.kind == "operative" or emphasise_preambular)
        cuts = sorted(zip(p.footnote_positions, p.footnotes))
        fragments, pos = [], 0
        if emphasise:
            fragments.append(b.run(p.lead, bold=emphasis == "bold", italic=emphasis == "italic"))
            pos = len(p.lead)
        for offset, number in cuts:
            if offset > len(chapeau):
                raise ValueError("footnote markers in sub-paragraphs are not supported by this builder")
            if chapeau[pos:offset]:
                fragments.append(b.run(chapeau[pos:offset]))
            fragments.append(b.footnote(notes[number]))
            pos = offset
        if chapeau[pos:]:
            fragments.append(b.run(chapeau[pos:]))
        b.paragraph(*fragments, num=ops if p.kind == "operative" else None)
        for sub in p.subparagraphs:
            b.paragraph(b.run(sub.text), num=ops, level=1)
    for line in resolution.header.closing:
        b.paragraph(b.run(line))
    return b.to_bytes()
