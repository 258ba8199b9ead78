"""render.wordxml: the revision elements it emits (the specimens in its docstring) and its reader."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from lxml import etree

from resdiff.render.wordxml import (
    Revisions,
    add_footnote,
    footnote_reference_run,
    iso_date,
    new_footnotes_root,
    resolved_paragraphs,
)

DATE = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)


def paragraph(*texts: str):
    """A w:p with one run per text."""
    runs = "".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' for t in texts)
    return parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="UNPreambular"/></w:pPr>{runs}</w:p>')


def runs_of(p):
    return p.findall(qn("w:r"))


def test_iso_date_is_utc_with_z():
    assert iso_date(DATE) == "2026-11-28T12:00:00Z"
    plus8 = datetime(2026, 11, 28, 20, 0, tzinfo=timezone(timedelta(hours=8)))
    assert iso_date(plus8) == "2026-11-28T12:00:00Z"
    assert iso_date(None).endswith("Z")


def test_wrap_insertion_and_deletion_with_deltext_and_shared_counter():
    rev = Revisions("Tester", DATE)
    p = paragraph("keep ", "gone", "new")
    r_keep, r_gone, r_new = runs_of(p)
    d = rev.wrap([r_gone], "del")
    i = rev.wrap([r_new], "ins")
    assert etree.QName(d).localname == "del" and etree.QName(i).localname == "ins"
    assert d.find(f"{qn('w:r')}/{qn('w:delText')}").text == "gone"
    assert d.find(f".//{qn('w:t')}") is None
    assert (d.get(qn("w:id")), i.get(qn("w:id"))) == ("1", "2")
    for el in (d, i):
        assert el.get(qn("w:author")) == "Tester" and el.get(qn("w:date")) == "2026-11-28T12:00:00Z"
    assert [etree.QName(c).localname for c in p] == ["pPr", "r", "del", "ins"]


def test_paragraph_mark_revision_sits_in_ppr_rpr_and_comes_first():
    rev = Revisions("resdiff", DATE)
    p = paragraph("text")
    rev.mark_paragraph(p, "del")
    mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
    assert mark is not None and mark.get(qn("w:id")) == "1" and mark.get(qn("w:date"))
    ppr = p.find(qn("w:pPr"))
    assert [etree.QName(c).localname for c in ppr] == ["pStyle", "rPr"]


def test_move_range_markers_pair_by_id_and_name_across_paragraphs():
    rev = Revisions("resdiff", DATE)
    first, last = paragraph("a"), paragraph("b")
    rev.wrap(runs_of(first), "moveFrom")
    rev.move_range(first, "moveFrom", "move1", end_p=last)
    start = first.find(qn("w:moveFromRangeStart"))
    end = last.find(qn("w:moveFromRangeEnd"))
    assert start.get(qn("w:name")) == "move1" and start.get(qn("w:id")) == end.get(qn("w:id"))
    assert start.get(qn("w:author")) and start.get(qn("w:date"))
    assert first.find(f"{qn('w:moveFrom')}/{qn('w:r')}/{qn('w:t')}").text == "a"  # w:t, not w:delText
    assert first.index(start) == 1  # right after w:pPr


def test_comment_range_reference_and_body_share_one_id():
    rev = Revisions("Drafter", DATE)
    rev.next_id()  # ids already used by revisions
    p = paragraph("a", "b")
    comments = parse_xml(f'<w:comments {nsdecls("w")}/>')
    cid = rev.comment(runs_of(p)[0], runs_of(p)[-1], "session: 75 → 76\nsecond line", comments)
    assert cid == 2
    names = [etree.QName(c).localname for c in p]
    assert names == ["pPr", "commentRangeStart", "r", "r", "commentRangeEnd", "r"]
    assert p.find(f".//{qn('w:commentReference')}").get(qn("w:id")) == "2"
    body = comments.find(qn("w:comment"))
    assert body.get(qn("w:id")) == "2" and body.get(qn("w:author")) == "Drafter"
    assert len(body.findall(qn("w:p"))) == 2 and "session: 75 → 76" in "".join(body.itertext())


def test_footnote_part_has_separators_and_numbered_note():
    root = new_footnotes_root()
    fp = add_footnote(root, 1)
    assert [n.get(qn("w:id")) for n in root.findall(qn("w:footnote"))] == ["-1", "0", "1"]
    assert fp.find(f".//{qn('w:footnoteRef')}") is not None
    ref = footnote_reference_run(1)
    assert ref.find(qn("w:footnoteReference")).get(qn("w:id")) == "1"


def test_resolved_paragraphs_merge_where_a_mark_is_removed():
    """Specimen: "A" then a wholly deleted paragraph "B" (content and mark), then "C" inserted into
    the last paragraph. Accept → ["A", "C-new"]; reject → ["A", "B", "C-"]."""
    rev = Revisions("resdiff", DATE)
    a, b, c = paragraph("A"), paragraph("B"), paragraph("C-", "new")
    rev.wrap(runs_of(b), "del")
    rev.mark_paragraph(b, "del")
    rev.wrap(runs_of(c)[1:], "ins")
    assert [t for t, _ in resolved_paragraphs([a, b, c], accept=True)] == ["A", "C-new"]
    assert [t for t, _ in resolved_paragraphs([a, b, c], accept=False)] == ["A", "B", "C-"]


def test_resolved_paragraphs_moves_and_footnote_references():
    rev = Revisions("resdiff", DATE)
    src, dst = paragraph("moved"), paragraph("moved")
    rev.wrap(runs_of(src), "moveFrom")
    rev.mark_paragraph(src, "moveFrom")
    rev.wrap(runs_of(dst), "moveTo")
    rev.mark_paragraph(dst, "moveTo")
    other = paragraph("x")
    ref = footnote_reference_run(3)
    other.append(ref)
    rev.wrap([ref], "ins")
    end = paragraph("end")  # the last mark of a document is never revised (render.docx sees to it)
    accepted = resolved_paragraphs([src, other, dst, end], accept=True)
    rejected = resolved_paragraphs([src, other, dst, end], accept=False)
    assert accepted == [("x", [3]), ("moved", []), ("end", [])]
    assert rejected == [("moved", []), ("x", []), ("end", [])]
