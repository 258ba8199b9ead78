"""The PDF reader on official PDFs (tests/corpus/pdf, copied from the shared corpus) and on broken ones."""

from __future__ import annotations

import re

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


# ── the same resolution from PDF and from another form; every command on PDF input ───────────────

@pytest.fixture(scope="module")
def libreoffice_pdfs(tmp_path_factory):
    """The seed (Chinese) and the English 75/180 written as .docx by the project's writer, turned into
    PDF by LibreOffice (no Chinese PDF is available here: this is how Chinese PDFs are made)."""
    import shutil
    import subprocess

    from resdiff.read.text import parse_text
    from resdiff.render.docx import resolution_document

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) makes the PDFs")
    folder = tmp_path_factory.mktemp("lo-pdf")
    made = {}
    for lang in ("zh", "en"):
        text = (CORPUS / f"A_RES_75_180.{lang}.txt").read_text(encoding="utf-8")
        docx = folder / f"A_RES_75_180_{lang}.docx"
        docx.write_bytes(resolution_document(parse_text(text)))
        made[lang] = (parse_text(text), folder / f"A_RES_75_180_{lang}.pdf")
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *(str(folder / f"A_RES_75_180_{l}.docx")
                                                                     for l in ("zh", "en"))],
                   check=True, capture_output=True, timeout=300)
    return made


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_seed_and_english_75_180_as_libreoffice_pdf_of_the_project_docx_compare_equal_to_the_text(
        libreoffice_pdfs, lang):
    from resdiff import compare
    from resdiff.normalize import normalize

    from_text, pdf = libreoffice_pdfs[lang]
    from_pdf = read_file(pdf)
    assert from_pdf.language == lang
    assert not compare(from_text, from_pdf).has_differences
    # the same notes (in Chinese up to the spaces around digits that the text extraction has and the page not)
    assert [(f.number, normalize(f.text)) for f in from_pdf.footnotes] == [
        (f.number, normalize(f.text)) for f in from_text.footnotes]
    assert [(p.label, p.footnotes, p.lead) for p in from_pdf.paragraphs] == [
        (p.label, p.footnotes, p.lead) for p in from_text.paragraphs]


def test_english_75_180_as_libreoffice_pdf_reads_back_character_for_character(libreoffice_pdfs):
    from_text, pdf = libreoffice_pdfs["en"]
    from_pdf = read_file(pdf)
    assert from_pdf.header == from_text.header
    assert [(p.label, p.text, p.footnotes, p.footnote_positions) for p in from_pdf.paragraphs] == [
        (p.label, p.text, p.footnotes, p.footnote_positions) for p in from_text.paragraphs]


def test_chinese_libreoffice_pdf_has_no_spaces_between_chinese_and_digits(libreoffice_pdfs):
    # the printed page has none: the gap LibreOffice leaves between "2020" and "年" is spacing
    from_pdf = read_file(libreoffice_pdfs["zh"][1])
    assert from_pdf.header.closing == ("2020年12月16日", "第46次全体会议")
    assert "2000年9月8日" in from_pdf.paragraph("PP3").text


def test_redline_of_two_official_pdfs_accepts_to_the_new_and_rejects_to_the_old(tmp_path):
    from test_render_docx import DATE, check_identities

    from resdiff import compare
    from resdiff.render.docx import redline_document

    old, new = read_file(PDF / "A_RES_79_33.en.pdf"), read_file(PDF / "A_RES_80_37.en.pdf")
    cmp = compare(old, new)
    assert cmp.has_differences
    check_identities(redline_document(cmp, author="Tester", date=DATE), old, new)


def test_redline_and_draft_commands_take_pdf_files(tmp_path):
    from test_cli import run

    out = tmp_path / "x.docx"
    result = run("redline", PDF / "A_RES_79_33.en.pdf", PDF / "A_RES_80_37.en.pdf", "-o", out)
    assert result.exit_code == 0, result.stderr
    back = read_file(out)
    assert [p.text for p in back.paragraphs] == [p.text for p in read_file(PDF / "A_RES_80_37.en.pdf").paragraphs]
    draft = tmp_path / "d.docx"
    result = run("draft", PDF / "A_RES_80_37.en.pdf", "-o", draft)
    assert result.exit_code == 0, result.stderr
    assert read_file(draft).header.session == 81


def test_bad_pdfs_on_the_command_line_exit_2_with_error_and_hint_and_write_nothing(tmp_path):
    from test_cli import assert_user_error, run

    cut = tmp_path / "cut.pdf"
    cut.write_bytes((PDF / "A_RES_79_33.en.pdf").read_bytes()[:5000])
    page = tmp_path / "page.pdf"
    page.write_text("<html><body>Not found</body></html>", encoding="utf-8")
    for bad in (cut, page):
        assert_user_error(run("parse", bad))
        out = tmp_path / "x.docx"
        assert_user_error(run("redline", PDF / "A_RES_79_33.en.pdf", bad, "-o", out))
        assert not out.exists()


def test_a_gap_at_a_hyphen_inside_a_compound_is_not_a_space():
    """Official PDFs leave a gap before a justified line's hyphen or a non-breaking hyphen's glyph:
    "fifty -ninth", "refugee -hosting" (pdftotext prints the space too); the reader joins them."""
    from resdiff.read.pdf import _inside_compound

    assert _inside_compound("at its fifty", "-ninth session")
    assert _inside_compound("refugee", "\u2011hosting")
    assert _inside_compound("non-", "governmental")
    assert not _inside_compound("items", "- including")  # a spaced dash is punctuation
    assert not _inside_compound("see", "(a)")


@pytest.mark.parametrize("name, joined", [("A_RES_79_156.en.pdf", "refugee-hosting"),
                                          ("A_RES_78_44.en.pdf", "seventy-ninth"),
                                          ("A_RES_80_37.en.pdf", "sub-item")])
def test_official_pdfs_read_compounds_that_pdftotext_prints_with_a_space(name, joined):
    res = read_file(PDF / name)
    text = " ".join(p.text for p in res.paragraphs) + " ".join(f.text for f in res.footnotes)
    assert joined in text
    assert joined.replace("-", " -", 1) not in text


def test_the_narrow_space_after_a_raised_marker_is_a_space():
    # A/C.2/80/L.22: "held in Quito from 17 to 20 October 2016,⁹ recognizing the linkages" — the gap after
    # the marker is 2.2 points at 10 points, narrower than a word space; it was read as no space
    res = read_file(PDF / "A_C.2_80_L.22.en.pdf")
    pp8 = next(p for p in res.paragraphs if "October 2016," in p.text)
    assert "October 2016, recognizing the linkages" in pp8.text and 9 in pp8.footnotes
    text = " ".join(p.text for p in res.paragraphs)
    assert not re.search(r"[a-z0-9)][,;:][A-Za-z]", text)  # no word glued to the punctuation before it
    assert len(res.footnotes) == 31 and res.header.notes  # the starred note "* On behalf of …"


def test_synthetic_resolution_in_parts_as_libreoffice_pdf_reads_its_parts(tmp_path):
    """72/169 and 74/153 of tests/corpus as parts A and B of one resolution (synthetic), written as .docx by
    the project's writer and made PDF by LibreOffice: the PDF reads into the same parts and labels, the
    header's title wrapped over two lines is not taken for the part's."""
    import shutil
    import subprocess

    from test_read_structure import _in_parts

    from resdiff.read.text import parse_text
    from resdiff.render.docx import resolution_document

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) makes the PDF")
    text = _in_parts(["A_RES_72_169.en.txt", "A_RES_74_153.en.txt"], ["Information in the service of humanity", "Two"])
    from_text = parse_text(text, lang="en")
    (tmp_path / "parts.docx").write_bytes(resolution_document(from_text))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "parts.docx")],
                   check=True, capture_output=True, timeout=300)
    from_pdf = read_file(tmp_path / "parts.pdf")
    assert [(p.label, p.key) for p in from_pdf.paragraphs] == [(p.label, p.key) for p in from_text.paragraphs]
    assert from_pdf.header.title == "Enhancement of international cooperation in the field of human rights"
    assert not from_pdf.warnings
