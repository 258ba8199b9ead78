"""The one module that writes raw WordprocessingML with lxml: revisions, comments, footnotes, numbering.

python-docx has no API for tracked changes, footnotes or comment ranges, so everything below the
friendly API lives here; ``render.docx`` plans paragraphs and runs and asks this module to build and
wrap them (``render.wordpackage`` reads the template and saves the package). Every revision gets a
``w:id`` from ONE counter shared by ins/del/move/comments (Word and LibreOffice corrupt or drop
revisions whose ids collide), plus ``w:author`` and ``w:date`` (Word rejects revisions without a date).

Specimens of what it emits (attributes ``a`` = ``w:author="resdiff" w:date="2026-11-28T12:00:00Z"``):

Insertion, deletion (deleted text in ``w:delText``)::

    <w:ins w:id="7" a><w:r><w:t xml:space="preserve">充分</w:t></w:r></w:ins>
    <w:del w:id="8" a><w:r><w:delText>加强</w:delText></w:r></w:del>

Layout noise (spaces around digits, "," for "，") that the comparison does not count as a change is
still written as a deletion + insertion, so that rejecting all gives the old characters exactly, but
under its own author ``<author> (layout)`` (same date, ids from the same counter): in Word, Review → Show
Markup → Specific People hides it and leaves the real changes. With ``--strict`` the comparison already
makes such differences ordinary insert/delete segments, filed under the plain author::

    <w:del w:id="5" w:author="resdiff (layout)" w:date="…"><w:r><w:delText>,</w:delText></w:r></w:del>
    <w:ins w:id="6" w:author="resdiff (layout)" w:date="…"><w:r><w:t>，</w:t></w:r></w:ins>

Whole inserted / deleted paragraph: the content as above AND the paragraph mark, so that rejecting /
accepting leaves no empty paragraph behind (the mark revision sits in ``w:pPr/w:rPr``)::

    <w:p><w:pPr><w:pStyle w:val="UNOperative"/><w:rPr><w:ins w:id="9" a/></w:rPr></w:pPr>
         <w:ins w:id="10" a><w:r><w:t>…</w:t></w:r></w:ins></w:p>

Moved paragraph: source and destination carry a named range (``w:name`` links them) around content in
``w:moveFrom`` / ``w:moveTo`` (plain ``w:t`` in both, per ECMA-376 §17.13.5.22), and a moved mark::

    <w:p><w:pPr><w:rPr><w:moveFrom w:id="12" a/></w:rPr></w:pPr>
         <w:moveFromRangeStart w:id="11" w:name="move11" a/>
         <w:moveFrom w:id="13" a><w:r><w:t>Recalling …</w:t></w:r></w:moveFrom>
         <w:moveFromRangeEnd w:id="11"/></w:p>
    …
    <w:p><w:pPr><w:rPr><w:moveTo w:id="15" a/></w:rPr></w:pPr>
         <w:moveToRangeStart w:id="14" w:name="move11" a/>
         <w:moveTo w:id="16" a><w:r><w:t>Recalling …</w:t></w:r></w:moveTo>
         <w:moveToRangeEnd w:id="14"/></w:p>

Comment (range in the body, text in ``word/comments.xml``)::

    <w:commentRangeStart w:id="20"/> <w:r>…</w:r> <w:commentRangeEnd w:id="20"/>
    <w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="20"/></w:r>
    <w:comment w:id="20" a w:initials="rd"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>
         <w:r><w:annotationRef/></w:r><w:r><w:t>session: …</w:t></w:r></w:p></w:comment>

Footnote (reference in the body, text in ``word/footnotes.xml``; a reference inside ``w:ins``/``w:del``
makes the whole note inserted/deleted)::

    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="3"/></w:r>
    <w:footnote w:id="3"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>
         <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>
         <w:r><w:t xml:space="preserve"> A/CONF.157/24 …</w:t></w:r></w:p></w:footnote>

An endnote is written the same way in ``word/endnotes.xml`` (w:endnoteReference, w:endnoteRef, styles
EndnoteText / EndnoteReference). The notes' number format is the source's (``w:numFmt`` in the
settings' and the section's w:footnotePr / w:endnotePr: "lowerRoman" for i, ii …); a mark that is not
that counter ("*") is a custom mark, the same text after the reference and in the note::

    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>
         <w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>
    <w:footnote w:id="1"><w:p>…<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>*</w:t></w:r>
         <w:r><w:t xml:space="preserve"> On behalf of …</w:t></w:r></w:p></w:footnote>

A footnote cited a second time (both citations in both views): a bookmark around the first reference
and a NOTEREF field (number formatted as a footnote mark) where Word would put it::

    <w:bookmarkStart w:id="31" w:name="_Ref30"/><w:r>…<w:footnoteReference w:id="1"/></w:r>
    <w:bookmarkEnd w:id="31"/>
    …
    <w:fldSimple w:instr=" NOTEREF _Ref30 \\f \\h "><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>
         </w:rPr><w:t>1</w:t></w:r></w:fldSimple>

Operative numbering is automatic (``w:numPr`` in the operative style → ``word/numbering.xml``), never
typed digits: a deleted operative paragraph whose mark is deleted too drops out of the count, so the
numbers are right after accepting or rejecting everything.
"""

from __future__ import annotations

import copy

from datetime import datetime, timezone
from typing import Iterable, Literal

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# ── lxml helpers with python-docx's names and output (python-docx is not imported here: its import
# alone is a third of a cold redline; render.wordpackage writes the package) ──────────────────────

_NAMESPACES = {"w": W_NS, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


def qn(tag: str) -> str:
    """Clark name of a prefixed tag: ``qn("w:p")`` → ``{…/main}p``."""
    prefix, local = tag.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


def nsdecls(*prefixes: str) -> str:
    """Namespace declarations for an XML string: ``xmlns:w="…"``."""
    return " ".join(f'xmlns:{prefix}="{_NAMESPACES[prefix]}"' for prefix in prefixes)


def parse_xml(xml: str | bytes):
    return etree.fromstring(xml, _PARSER)


def OxmlElement(tag: str):  # noqa: N802 (python-docx's name)
    """A new element that declares only its own prefix, as python-docx's OxmlElement makes it."""
    prefix = tag.split(":")[0]
    return etree.Element(qn(tag), nsmap={prefix: _NAMESPACES[prefix]})

RevisionKind = Literal["ins", "del", "moveFrom", "moveTo"]
REVISION_KINDS = ("ins", "del", "moveFrom", "moveTo")
# Content that survives accepting all revisions, and content that survives rejecting them.
KEPT_ON_ACCEPT = {None, "ins", "moveTo"}
KEPT_ON_REJECT = {None, "del", "moveFrom"}


def iso_date(date: datetime | None) -> str:
    """Word's revision date format, always UTC: 2026-11-28T12:00:00Z."""
    if date is None:
        date = datetime.now(timezone.utc)
    elif date.tzinfo is not None:
        date = date.astimezone(timezone.utc)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


class Revisions:
    """Builds revision and comment elements for one package; owns its id counter."""

    def __init__(self, author: str, date: datetime | None):
        self.author = author or "resdiff"
        when = date or datetime.now(timezone.utc)
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)  # a naive date is UTC, as in iso_date
        self.when = when.astimezone(timezone.utc).replace(microsecond=0)
        self.date = iso_date(self.when)
        self._next = 1

    def next_id(self) -> int:
        value = self._next
        self._next += 1
        return value

    def _stamp(self, el, with_id: bool = True, author: str | None = None):
        if with_id:
            el.set(qn("w:id"), str(self.next_id()))
        el.set(qn("w:author"), author or self.author)
        el.set(qn("w:date"), self.date)
        return el

    def wrap(self, runs: list, kind: RevisionKind, author: str | None = None):
        """Wrap consecutive run elements (already in their paragraph) in one revision element
        (``author``: another author than the package's, e.g. "resdiff (layout)")."""
        if not runs:
            return None
        wrapper = self._stamp(OxmlElement(f"w:{kind}"), author=author)
        runs[0].addprevious(wrapper)
        for r in runs:
            wrapper.append(r)  # moves the run into the wrapper
            if kind == "del":
                for t in r.iter(qn("w:t")):
                    t.tag = qn("w:delText")
        return wrapper

    def mark_paragraph(self, p, kind: RevisionKind, author: str | None = None) -> None:
        """Revise the paragraph mark of ``p`` (w:pPr/w:rPr/w:ins etc.)."""
        rpr = _paragraph_mark_rpr(p)
        mark = self._stamp(OxmlElement(f"w:{kind}"), author=author)
        rpr.insert(0, mark)  # revision marks come first in CT_ParaRPr

    def style_change(self, p, old_style: str, old_num_id: int | None = None) -> None:
        """Record that paragraph ``p`` had style ``old_style`` (w:pPrChange, holding the old paragraph
        properties: the current ones with the old style), so Reject All restores it. CT_PPr keeps
        pPrChange last, after w:rPr (``_paragraph_mark_rpr`` inserts a mark's rPr before it).

        ``old_num_id``: the list the old style numbers its paragraphs in, written out in the old
        properties (the same list as the style's, for Word): LibreOffice (7.4) restores the old style
        on Reject All but not the numbering that comes with it unless the old properties name it."""
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        old = copy.deepcopy(ppr)
        for child in list(old):
            if child.tag in (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")):
                old.remove(child)
        style = old.find(qn("w:pStyle"))
        if style is None:
            style = OxmlElement("w:pStyle")
            old.insert(0, style)
        style.set(qn("w:val"), old_style)
        if old_num_id is not None and old.find(qn("w:numPr")) is None:
            numpr = etree.Element(qn("w:numPr"))
            etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), "0")
            etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), str(old_num_id))
            style.addnext(numpr)  # CT_PPrBase: pStyle, keepNext … numPr …
        change = self._stamp(OxmlElement("w:pPrChange"))
        change.append(old)
        ppr.append(change)

    def move_range(self, p, kind: Literal["moveFrom", "moveTo"], name: str, end_p=None) -> None:
        """Put a named move range around the content of ``p`` (through ``end_p`` when several paragraphs)."""
        range_id = self.next_id()
        start = self._stamp(OxmlElement(f"w:{kind}RangeStart"), with_id=False)
        start.set(qn("w:id"), str(range_id))
        start.set(qn("w:name"), name)
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), str(range_id))
        (end_p if end_p is not None else p).append(end)

    def comment(self, first_run, last_run, text: str, comments_root, initials: str = "rd",
                deleted: bool = False) -> int:
        """Anchor a comment on the runs first_run..last_run and add its text to the comments part.
        ``deleted``: the range is deleted text (a removed line), so its reference goes with it."""
        cid = self.next_id()
        start = OxmlElement("w:commentRangeStart")
        start.set(qn("w:id"), str(cid))
        end = OxmlElement("w:commentRangeEnd")
        end.set(qn("w:id"), str(cid))
        first_run.addprevious(start)
        last_run.addnext(end)
        ref = parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{cid}"/></w:r>'
        )
        if deleted:
            wrapper = self._stamp(OxmlElement("w:del"))
            wrapper.append(ref)
            ref = wrapper
        end.addnext(ref)
        body = OxmlElement("w:comment")
        body.set(qn("w:id"), str(cid))
        self._stamp(body, with_id=False)
        body.set(qn("w:initials"), initials)
        for k, line in enumerate(text.split("\n")):
            para = parse_xml(
                f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="CommentText"/></w:pPr></w:p>'
            )
            if k == 0:
                para.append(parse_xml(f'<w:r {nsdecls("w")}><w:annotationRef/></w:r>'))
            para.append(_text_run(line))
            body.append(para)
        comments_root.append(body)
        return cid


    def open(self, parent, kind: RevisionKind, author: str | None = None):
        """A new, empty revision element (``w:ins`` …) appended to ``parent``, for runs to go into."""
        wrapper = self._stamp(etree.SubElement(parent, W + kind), author=author)
        return wrapper


# ── paragraphs and runs, built directly (python-docx's add_paragraph scans the body on every call) ──

W = "{%s}" % W_NS
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def paragraph(style: str | None):
    """``<w:p><w:pPr><w:pStyle w:val=style/></w:pPr></w:p>`` (no pPr without a style)."""
    p = etree.Element(W + "p", nsmap={"w": W_NS})
    if style:
        etree.SubElement(etree.SubElement(p, W + "pPr"), W + "pStyle").set(W + "val", style)
    return p


def run(parent, text: str, *, bold: bool = False, italic: bool = False, strike: bool = False,
        highlight: bool = False, underline: bool = False, deleted: bool = False):
    """A run of ``text`` appended to ``parent`` (a paragraph or a revision element); tabs become
    ``w:tab``; deleted text goes in ``w:delText``. rPr children in schema order (CT_RPr)."""
    r = etree.SubElement(parent, W + "r")
    if bold or italic or strike or highlight or underline:
        rpr = etree.SubElement(r, W + "rPr")
        if bold:
            etree.SubElement(rpr, W + "b")
        if italic:
            etree.SubElement(rpr, W + "i")
        if strike:
            etree.SubElement(rpr, W + "strike")
        if highlight:
            etree.SubElement(rpr, W + "highlight").set(W + "val", "yellow")
        if underline:
            etree.SubElement(rpr, W + "u").set(W + "val", "single")
    tag = W + ("delText" if deleted else "t")
    for k, part in enumerate(text.split("\t")):
        if k:
            etree.SubElement(r, W + "tab")
        if part:
            t = etree.SubElement(r, tag)
            t.text = part
            t.set(_XML_SPACE, "preserve")
    return r


_CONTENT = {f"{{{W_NS}}}{tag}" for tag in ("r", "ins", "del", "moveFrom", "moveTo", "fldSimple")}


def edit_span(p, before: str, after: str) -> tuple | None:
    """(first, last, all deleted) content elements of paragraph ``p`` that hold an edit: the inserted
    text ``after`` (found in the accepted text) with the deletions next to it, or, for a removal, the
    deleted text ``before`` (found in the rejected text). None when the text is not there."""
    items = []  # (element, state, text)
    for el in p:
        if el.tag not in _CONTENT:
            continue
        state = etree.QName(el).localname if el.tag != f"{{{W_NS}}}r" and el.tag != f"{{{W_NS}}}fldSimple" else None
        text = "".join(t.text or "" for t in el.iter(f"{{{W_NS}}}t", f"{{{W_NS}}}delText"))
        items.append((el, state, text))
    if after:
        view, wanted, other = {None, "ins", "moveTo"}, after, ("del", "moveFrom")
    else:
        view, wanted, other = {None, "del", "moveFrom"}, before, ()
    joined, owners = [], []
    for k, (_, state, text) in enumerate(items):
        if state in view:
            joined.append(text)
            owners += [k] * len(text)
    if not wanted:
        return None
    text, changed = "".join(joined), ("ins", "moveTo") if after else ("del", "moveFrom")
    found, at = None, text.find(wanted)
    while at >= 0:  # the first occurrence that holds a revision (the same words may stand unchanged)
        span = owners[at], owners[at + len(wanted) - 1]
        found = found or span
        if any(items[k][1] in changed for k in range(span[0], span[1] + 1)):
            found = span
            break
        at = text.find(wanted, at + 1)
    if found is None:
        return None
    first, last = found
    revised = [k for k in range(first, last + 1) if items[k][1] in changed]
    if revised:  # on the changed words, not on the unchanged ones around them
        first, last = revised[0], revised[-1]
        while first > 0 and items[first - 1][1] in other:  # the deletion an insertion replaces
            first -= 1
        while last + 1 < len(items) and items[last + 1][1] in other:
            last += 1
    deleted = all(items[k][1] in ("del", "moveFrom") for k in range(first, last + 1))
    return items[first][0], items[last][0], deleted


def _text_run(text: str):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def _paragraph_mark_rpr(p):
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        # w:rPr comes after every paragraph property except w:sectPr and w:pPrChange.
        tail = [c for c in ppr if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
        if tail:
            tail[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr


def escape(text: str) -> str:
    """Text for an XML string (xml.sax.saxutils.escape, whose import pulls in urllib: ~50 ms cold)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ── footnotes and endnotes ────────────────────────────────────────────────────────────────────────
# The two kinds of note are written alike, each in its own part with its own ids (kind "footnote":
# w:footnotes / w:footnote / w:footnoteReference / w:footnoteRef / style FootnoteText; kind "endnote":
# the same names with "endnote", style EndnoteText).

NOTE_STYLES = {"footnote": ("FootnoteText", "FootnoteReference"), "endnote": ("EndnoteText", "EndnoteReference")}


def new_footnotes_root(kind: str = "footnote"):
    """A footnotes (endnotes) part root with Word's two separator notes (ids -1 and 0)."""
    return parse_xml(
        f'<w:{kind}s {nsdecls("w")}>'
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240"'
        f' w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
        f' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
        f"</w:{kind}s>"
    )


def add_footnote(root, note_id: int, kind: str = "footnote", custom_mark: str = ""):
    """Append note ``note_id`` to the notes root; return its paragraph, which already holds the note's
    own number (w:footnoteRef / w:endnoteRef), or, for a note with a custom mark ("*"), that mark as
    text in the reference style (what Word writes: the custom mark is not a counter)."""
    text_style, ref_style = NOTE_STYLES[kind]
    mark = f"<w:t>{escape(custom_mark)}</w:t>" if custom_mark else f"<w:{kind}Ref/>"
    note = parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>{mark}</w:r></w:p></w:{kind}>'
    )
    root.append(note)
    return note[0]


def footnote_reference_run(note_id: int, kind: str = "footnote", custom_mark: str = ""):
    """The reference in the body; a custom mark follows it in the same run (w:customMarkFollows), so a
    revision around the run takes the mark with it."""
    ref_style = NOTE_STYLES[kind][1]
    custom = f' w:customMarkFollows="1"' if custom_mark else ""
    mark = f"<w:t>{escape(custom_mark)}</w:t>" if custom_mark else ""
    return parse_xml(
        f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
        f'<w:{kind}Reference{custom} w:id="{note_id}"/>{mark}</w:r>'
    )


def set_section_note_properties(sect_pr, kind: str, num_fmt: str, start: int = 1) -> None:
    """The same number format in the section's own w:footnotePr / w:endnotePr (CT_FtnProps), where
    LibreOffice (7.4) looks for it: it ignores the settings' one. In CT_SectPr they follow the header
    and footer references and precede everything else, footnotePr first."""
    tag = f"{kind}Pr"
    pr = sect_pr.find(qn(f"w:{tag}"))
    if pr is not None:
        sect_pr.remove(pr)
    pr = OxmlElement(f"w:{tag}")
    etree.SubElement(pr, qn("w:numFmt")).set(qn("w:val"), num_fmt)
    if start != 1:
        etree.SubElement(pr, qn("w:numStart")).set(qn("w:val"), str(start))
    refs = [c for c in sect_pr if etree.QName(c).localname in ("headerReference", "footerReference")
            or (kind == "endnote" and etree.QName(c).localname == "footnotePr")]
    if refs:
        refs[-1].addnext(pr)
    else:
        sect_pr.insert(0, pr)


# CT_Settings children that come after w:footnotePr / w:endnotePr (the schema's sequence).
_SETTINGS_AFTER_NOTES = ("compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang",
                         "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                         "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                         "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def set_note_properties(settings_root, kind: str, num_fmt: str = "", start: int = 1) -> None:
    """Document-wide note properties in ``word/settings.xml``, as Word writes them: the number format
    (w:numFmt, "lowerRoman" …; Word's default is decimal for footnotes, lowerRoman for endnotes), its
    start, and the separator notes (ids -1 and 0) of the notes part. CT_FtnDocProps order: pos, numFmt,
    numStart, numRestart, then the separators."""
    tag = f"{kind}Pr"
    pr = settings_root.find(qn(f"w:{tag}"))
    if pr is not None:
        settings_root.remove(pr)
    pr = OxmlElement(f"w:{tag}")
    if num_fmt:
        etree.SubElement(pr, qn("w:numFmt")).set(qn("w:val"), num_fmt)
    if start != 1:
        etree.SubElement(pr, qn("w:numStart")).set(qn("w:val"), str(start))
    for special in ("-1", "0"):
        etree.SubElement(pr, qn(f"w:{kind}")).set(qn("w:id"), special)
    later = [c for c in settings_root if etree.QName(c).localname in _SETTINGS_AFTER_NOTES
             or (kind == "footnote" and etree.QName(c).localname == "endnotePr")]
    if later:
        later[0].addprevious(pr)
    else:
        settings_root.append(pr)


def bookmark_around(run, name: str, bookmark_id: int) -> None:
    """A bookmark (hidden, name starting with "_Ref" as Word names cross-reference targets) around one
    run already in its paragraph."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    run.addprevious(start)
    run.addnext(end)


def noteref_field(bookmark: str, printed: str):
    """Word's second citation of a footnote: the number of the note whose reference the bookmark holds,
    formatted as a footnote mark (\\f), as a hyperlink to it (\\h); ``printed`` is the cached result."""
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" NOTEREF {bookmark} \\f \\h ">'
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>{printed}</w:t></w:r></w:fldSimple>'
    )


# ── fonts, numbering (used by the template builder) ───────────────────────────────────────────────

def set_fonts(rpr, latin: str, east_asia: str) -> None:
    """Set all four font slots; python-docx's font.name leaves w:eastAsia alone (Chinese would fall
    back to a Japanese font)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def set_east_asian_language(rpr, lang: str) -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    el.set(qn("w:eastAsia"), lang)


UNNUMBERED_NUM_ID = 2  # list whose level prints nothing: paragraphs that type their own label
OPERATIVE_NUM_ID = 1  # the operative list "1.", "2." … (replace_numbering; the operative style refers to it)


def replace_numbering(numbering_root, start_indent_twips: int, number_tab_twips: int) -> int:
    """Replace all numbering definitions with one decimal list "1.", "2." … for operative paragraphs,
    and a second list that prints nothing (``UNNUMBERED_NUM_ID``, same indentation and tab) for
    operative paragraphs that type their own label ("5 bis.", a struck old number): ``w:numId="0"``
    would say the same, but the Open XML SDK's validator reports it as a missing definition.

    Returns the w:numId that the operative style refers to."""
    for child in list(numbering_root):
        numbering_root.remove(child)
    ppr = (f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{number_tab_twips}"/></w:tabs>'
           f'<w:ind w:left="0" w:firstLine="{start_indent_twips}"/></w:pPr>')
    for abstract, fmt, text, suffix in ((1, "decimal", "%1.", "tab"), (2, "none", "", "nothing")):
        numbering_root.append(parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            # CT_Lvl order: start, numFmt, …, suff, lvlText, …, lvlJc, pPr, rPr (Word rejects another order)
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="{suffix}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>{ppr}'
            '<w:rPr><w:b w:val="0"/><w:i w:val="0"/></w:rPr></w:lvl></w:abstractNum>'
        ))
    for num in (1, 2):
        numbering_root.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="{num}"/></w:num>'
        ))
    return OPERATIVE_NUM_ID


def set_list_start(numbering_root, start: int) -> None:
    """The operative list (abstractNum 1, level 0) starts at ``start`` (an excerpt starting at OP5)."""
    el = numbering_root.find(f"{qn('w:abstractNum')}[@{qn('w:abstractNumId')}='1']/{qn('w:lvl')}/{qn('w:start')}")
    el.set(qn("w:val"), str(start))


def set_style_numbering(style_el, num_id: int) -> None:
    numpr = style_el.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def suppress_numbering(p, numbering=None) -> None:
    """An operative paragraph that prints its own label ("5 bis."): the list that prints nothing.

    LibreOffice drops the operative list's indentation and tab stop with its number, so they are
    copied from level 0 of the ``numbering`` part's first list onto the paragraph: the typed label then
    sits where the automatic number would. ``p`` has at most a w:pStyle so far (the writer's order)."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        p.insert(0, ppr)
    numpr = etree.SubElement(ppr, W + "numPr")
    etree.SubElement(numpr, W + "ilvl").set(W + "val", "0")
    etree.SubElement(numpr, W + "numId").set(W + "val", str(UNNUMBERED_NUM_ID))
    if numbering is None:
        return
    lvl_ppr = numbering.find(f"{qn('w:abstractNum')}/{qn('w:lvl')}/{qn('w:pPr')}")
    if lvl_ppr is None:
        return
    for tag in ("w:tabs", "w:ind"):  # CT_PPr order: pStyle, numPr, tabs, ind, …, rPr
        source = lvl_ppr.find(qn(tag))
        if source is not None:
            ppr.append(copy.deepcopy(source))


# ── reading revisions back (tests, and anyone who needs the text of one side) ─────────────────────

def _revision_of(el) -> str | None:
    """Innermost revision kind enclosing ``el`` inside its paragraph."""
    node = el.getparent()
    while node is not None and node.tag != qn("w:p"):
        local = etree.QName(node).localname
        if local in REVISION_KINDS:
            return local
        node = node.getparent()
    return None


def _mark_revision(p) -> str | None:
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    if rpr is None:
        return None
    for kind in REVISION_KINDS:
        if rpr.find(qn(f"w:{kind}")) is not None:
            return kind
    return None


def resolved_paragraphs(paragraphs: Iterable, accept: bool) -> list[tuple[str, list]]:
    """Text of each paragraph after accepting (or rejecting) every revision, with the notes whose
    references survive: a footnote as its id, an endnote as ("endnote", id). Paragraphs whose mark is
    removed merge into the next one. A custom note mark ("*" after w:customMarkFollows) is the note's
    mark, not text."""
    kept = KEPT_ON_ACCEPT if accept else KEPT_ON_REJECT
    out: list[tuple[str, list]] = []
    text: list[str] = []
    notes: list = []
    paragraphs = list(paragraphs)
    bookmarked = _bookmarked_notes(paragraphs)
    for i, p in enumerate(paragraphs):
        for el in p.iter(qn("w:t"), qn("w:delText"), qn("w:footnoteReference"), qn("w:endnoteReference"),
                         qn("w:tab"), qn("w:fldSimple")):
            if _revision_of(el) not in kept:
                continue
            if el.tag == qn("w:fldSimple"):
                words = el.get(qn("w:instr"), "").split()
                if words[:1] == ["NOTEREF"] and "\\f" in words and words[1] in bookmarked:
                    notes.append(bookmarked[words[1]])  # a second citation of that note
                continue
            if _in_noteref(el) or el.tag in (qn("w:t"), qn("w:delText")) and is_custom_mark(el):
                continue  # the printed number of a NOTEREF field, a custom note mark: marks, not text
            if el.tag == qn("w:footnoteReference"):
                notes.append(int(el.get(qn("w:id"))))
            elif el.tag == qn("w:endnoteReference"):
                notes.append(("endnote", int(el.get(qn("w:id")))))
            elif el.tag == qn("w:tab"):
                if el.getparent().tag == qn("w:r"):
                    text.append("\t")
            else:
                text.append(el.text or "")
        if _mark_revision(p) in kept or i == len(paragraphs) - 1:
            out.append(("".join(text), notes))
            text, notes = [], []
    return out


def is_custom_mark(el) -> bool:
    """A w:t that is a note's custom mark: after a reference with w:customMarkFollows in its run, or
    the mark a note with a custom mark carries in its own body (a run in a note reference style)."""
    r = el.getparent()
    if r is None or r.tag != qn("w:r"):
        return False
    for ref in r.iter(qn("w:footnoteReference"), qn("w:endnoteReference")):
        if ref.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
            return True
    style = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    return style is not None and style.get(qn("w:val")) in ("FootnoteReference", "EndnoteReference")


def _bookmarked_notes(paragraphs) -> dict:
    """Bookmark name → the note whose reference it encloses (targets of NOTEREF fields): a footnote's id,
    ("endnote", id) for an endnote."""
    out = {}
    for p in paragraphs:
        for start in p.iter(qn("w:bookmarkStart")):
            node = start.getnext()
            if node is None:
                continue
            ref = node.find(f".//{qn('w:footnoteReference')}")
            if ref is not None:
                out[start.get(qn("w:name"))] = int(ref.get(qn("w:id")))
            ref = node.find(f".//{qn('w:endnoteReference')}")
            if ref is not None:
                out[start.get(qn("w:name"))] = ("endnote", int(ref.get(qn("w:id"))))
    return out


def _in_noteref(el) -> bool:
    node = el.getparent()
    while node is not None and node.tag != qn("w:p"):
        if node.tag == qn("w:fldSimple") and node.get(qn("w:instr"), "").split()[:1] == ["NOTEREF"]:
            return True
        node = node.getparent()
    return False


def resolve_package(docx_bytes: bytes, accept: bool) -> tuple[list[str], list[str]]:
    """(body paragraph texts, note texts in reference order: footnotes and endnotes as they are cited)
    after accepting or rejecting all."""
    import io
    import zipfile

    roots = {}
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        names = z.namelist()
        for kind in ("footnote", "endnote"):
            if f"word/{kind}s.xml" in names:
                roots[kind] = etree.fromstring(z.read(f"word/{kind}s.xml"))
    paragraphs = body.find(qn("w:body")).findall(qn("w:p"))
    resolved = resolved_paragraphs(paragraphs, accept)
    texts = [t for t, _ in resolved]
    by_id = {(kind, int(n.get(qn("w:id")))): n for kind, root in roots.items() for n in root.findall(qn(f"w:{kind}"))}
    footnotes: list[str] = []
    for _, ids in resolved:
        for nid in ids:
            key = nid if isinstance(nid, tuple) else ("footnote", nid)
            parts = resolved_paragraphs(by_id[key].findall(qn("w:p")), accept)
            footnotes.append("\n".join(t for t, _ in parts).strip())
    return texts, footnotes
