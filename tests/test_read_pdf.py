"""The PDF reader on official PDFs (tests/corpus/pdf, copied from the shared corpus) and on broken ones."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from resdiff.errors import UserError
from resdiff.model import OPERATIVE, PREAMBULAR
from resdiff.read import read_file

PDF = CORPUS / "pdf"


def test_adopted_resolution_header_paragraphs_and_footnotes():
    res = read_file(PDF / "A_RES_79_33.en.pdf")
    h = res.header
    assert (h.session, h.symbol, h.number, h.date, h.agenda_item) == (79, "A/RES/79/33", "79/33", "2024-12-02", "98(o)")
    assert h.title == "Reducing nuclear danger"
    assert h.author == "The General Assembly,"
    assert h.report_symbol and h.plenary_meeting
    ops = [p for p in res.paragraphs if p.kind == OPERATIVE]
    assert [p.number for p in ops] == list(range(1, len(ops) + 1)) and len(ops) >= 5
    assert all(p.kind == PREAMBULAR for p in res.paragraphs[: len(res.paragraphs) - len(ops)])
    # footnotes 1..n, each with text, each cited once by the paragraph carrying its raised marker
    assert [f.number for f in res.footnotes] == list(range(1, len(res.footnotes) + 1))
    assert all(f.text for f in res.footnotes)
    cited = sorted(n for p in res.paragraphs for n in p.footnotes)
    assert cited == [f.number for f in res.footnotes]
    # italic lead verbs are the paragraphs' leads
    assert all(p.lead and p.text.startswith(p.lead) for p in res.paragraphs)


def test_footnote_marker_offsets_point_after_the_word_they_follow():
    res = read_file(PDF / "A_RES_79_156.en.pdf")
    pp1 = res.paragraphs[0]
    assert pp1.footnotes == (1, 2)
    assert pp1.text[: pp1.footnote_positions[0]].endswith("the activities of his Office")
    assert pp1.text[: pp1.footnote_positions[1]].endswith("seventy-fifth session")
    assert res.footnote(2).text == "Ibid., Supplement No. 12A (A/79/12/Add.1)."


def test_page_furniture_and_footnote_bodies_never_enter_paragraphs():
    res = read_file(PDF / "A_RES_79_156.en.pdf")
    for p in res.paragraphs:
        assert "24-24148" not in p.text and "*2424148*" not in p.text
        assert "A/RES/79/156" not in p.text
        assert "Official Records of the General Assembly, Seventy-ninth Session" not in p.text
    # a paragraph cut by a page break is one paragraph (PP6 of 79/156 runs from page 1 to page 2? no:
    # every operative number 1..91 is found once, so no paragraph was split or merged at a page break)
    ops = [p.number for p in res.paragraphs if p.kind == OPERATIVE]
    assert ops == list(range(1, 92))
    assert len(res.footnotes) >= 6


def test_soft_hyphen_at_a_line_end_keeps_the_compound():
    res = read_file(PDF / "A_RES_79_156.en.pdf")
    text = " ".join(p.text for p in res.paragraphs)
    assert "burden- and responsibility-sharing" in text
    assert "epidemic-prone" in text


def test_draft_header_sponsors_wrapped_over_lines_and_symbol_from_the_masthead():
    res = read_file(PDF / "A_C.1_80_L.24.en.pdf")
    h = res.header
    assert h.symbol == "A/C.1/80/L.24"
    assert h.session == 80 and h.agenda_item == "99(p)"
    assert h.agenda_title == "General and complete disarmament: reducing nuclear danger"
    assert h.sponsors.startswith("Bhutan, Cuba, India") and h.sponsors.endswith("and Viet Nam")
    assert h.title == "Reducing nuclear danger"
    assert [p.number for p in res.paragraphs if p.kind == OPERATIVE] == [1, 2, 3, 4, 5, 6]


def test_every_lineage_pdf_reads_as_the_same_resolution_family():
    titles = {read_file(PDF / name).header.title for name in
              ("A_RES_78_44.en.pdf", "A_RES_79_33.en.pdf", "A_C.1_80_L.24.en.pdf", "A_RES_80_37.en.pdf")}
    assert titles == {"Reducing nuclear danger"}


def _error(path) -> UserError:
    with pytest.raises(UserError) as info:
        read_file(path)
    return info.value


def test_truncated_pdf_is_a_user_error(tmp_path):
    data = (PDF / "A_RES_79_33.en.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    err = _error(path)
    assert "damaged" in err.message or "no text" in err.message


def test_html_saved_with_a_pdf_name_is_a_user_error(tmp_path):
    path = tmp_path / "A_RES_79_33.pdf"
    path.write_text("<!DOCTYPE html><html><body><p>Access denied</p></body></html>", encoding="utf-8")
    err = _error(path)
    assert "not a PDF" in err.message and err.hint


def test_scanned_pdf_without_text_layer_says_ocr_is_not_supported(tmp_path):
    # what a scan is: a page that is only a picture (here the rendered first page of a real PDF)
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PDF / "A_RES_79_33.en.pdf")
    bitmap = source[0].render(scale=0.5)
    scan = pdfium.PdfDocument.new()
    width, height = source[0].get_size()
    page = scan.new_page(width, height)
    image = pdfium.PdfImage.new(scan)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    path = tmp_path / "scan.pdf"
    scan.save(path)
    err = _error(path)
    assert "OCR" in err.hint and "text layer" in err.message


def test_encrypted_pdf_is_a_user_error(tmp_path):
    pikepdf = pytest.importorskip("pikepdf")
    path = tmp_path / "locked.pdf"
    with pikepdf.open(PDF / "A_RES_79_33.en.pdf") as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(owner="o", user="secret"))
    err = _error(path)
    assert "encrypted" in err.message
