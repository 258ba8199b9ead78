"""Footnote markers printed as plain digits, found by their place in the note sequence (read/uncited.py)."""

from __future__ import annotations

import pytest

from resdiff.model import Footnote, Paragraph
from resdiff.normalize import normalize
from resdiff.read import read_file
from resdiff.read.uncited import cite_by_sequence

from conftest import CORPUS

# pdftotext -layout copies (poppler 22.12) of official PDFs kept in tests/corpus/pdf: each has markers the
# line-by-line reader cannot tell from numbers — "the Committee 14 in this regard" (79/161, 80/193),
# "resolution S-35/1 6 and", "55/19;7" (79/183, a chain of twelve), "“Our Common Agenda” 5 to" (78/174),
# "Parties, 8and" (80/46), "ministerial decision 8 that" beside "paragraph 8 of" (80/121),
# "16 April 2004 4 and 2005/5" (79/160), dates that are not markers, "on 18 and 19 September" (80/137).
# And three the line-by-line reader itself used to get wrong: "decision 1/CMA.5," read as note 5
# (80/135), "included in Agenda 21, and" read as note 21 (79/202), a note cited again after a date,
# "of 12 August 1949, 2 continue" (78/11).
COPIES = ["A_RES_79_161", "A_RES_80_193", "A_RES_79_183", "A_RES_78_174", "A_RES_80_46", "A_RES_80_121",
          "A_RES_79_160", "A_RES_80_137", "A_RES_80_135", "A_RES_79_202", "A_RES_78_11"]


def citations(res) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for p in res.paragraphs:
        for n in p.footnotes:
            out.setdefault(n, set()).add(p.label)
    return out


@pytest.mark.parametrize("name", COPIES)
def test_pdftotext_copy_cites_every_note_in_the_paragraphs_the_pdf_does(name):
    pdf = read_file(CORPUS / "pdf" / f"{name}.en.pdf")
    copy = read_file(CORPUS / "pdftotext" / f"{name}.en.layout.txt")
    assert citations(copy) == citations(pdf)
    assert not [w for w in copy.warnings if w.code.startswith("footnote-")]
    # the marker's digits left the text: the paragraphs read as the PDF's (layout aside)
    pdf_keys = {p.label: p.key for p in pdf.paragraphs}
    cited = {label for labels in citations(copy).values() for label in labels}
    for p in copy.paragraphs:
        if p.label in cited:
            assert normalize(p.text.replace(" ", "")) == normalize(pdf.paragraph(p.label).text.replace(" ", "")), p.label
            assert pdf_keys[p.label]


def test_pdftotext_raw_copy_markers_glued_to_words_and_to_a_symbol():
    """79/183 through pdftotext -raw: markers glued to the word before them ("Disabilities15 and",
    "nationals8 and") and one glued to a symbol ("resolution S-35/16 and": S-35/1 and note 6, which the
    note on the Fact-Finding Mission prints as "resolution S-35/1"): every note cited where the PDF does."""
    pdf = read_file(CORPUS / "pdf" / "A_RES_79_183.en.pdf")
    copy = read_file(CORPUS / "pdftotext" / "A_RES_79_183.en.raw.txt")
    assert citations(copy) == citations(pdf)
    assert "S-35/1 and" in copy.paragraph("OP1").text and "S-35/16" not in copy.paragraph("OP1").text


def test_synthetic_a_number_glued_to_a_symbol_printed_nowhere_else_is_not_a_marker():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "Recalls its resolution 77/22114 and the report,"),
          paragraph("OP3", "the Committee,", [15], [13])]
    assert cite_by_sequence(ps, NOTES, "en") == ps  # no "77/221" anywhere: 77/22114 may be a real symbol
    with_evidence = NOTES[:1] + [Footnote(14, "See resolution 77/221.")] + NOTES[2:]
    assert cite_by_sequence(ps, with_evidence, "en")[1].footnotes == (14,)


def test_synthetic_a_number_after_capitals_is_a_name_not_a_glued_marker():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "the outcome of COP14 and the work of the Group,"),
          paragraph("OP3", "the Committee,", [15], [13])]
    assert cite_by_sequence(ps, NOTES, "en") == ps


def paragraph(label: str, text: str, notes=(), positions=()) -> Paragraph:
    return Paragraph(label=label, kind="operative", number=int(label[2:]), text=text, key=normalize(text),
                     footnotes=tuple(notes), footnote_positions=tuple(positions))


NOTES = [Footnote(n, f"A/79/{n}.") for n in (13, 14, 15)]


def test_synthetic_the_one_number_between_its_neighbours_is_the_marker():
    # synthetic, from 79/161 OP3, OP8 and OP10: "article 14" comes before note 13, so only OP8's "14" is between
    ps = [paragraph("OP3", "making the declaration under article 14 of the Convention;"),
          paragraph("OP5", "Welcomes the report,", [13], [19]),
          paragraph("OP8", "takes note of the report on the fourteenth session of the Committee 14 in this regard;"),
          paragraph("OP10", "the fifteenth session of the Committee,", [15], [38])]
    out = cite_by_sequence(ps, NOTES, "en")
    assert out[2].footnotes == (14,) and out[2].text.endswith("the Committee in this regard;")
    assert out[2].footnote_positions == (out[2].text.index(" in this regard"),)
    assert out[0] == ps[0] and out[3] == ps[3]


def test_synthetic_dates_and_ranges_are_never_markers():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "held in Geneva from 14 to 18 August 2023 and on 14 December 2023, 2014–2030;"),
          paragraph("OP3", "the Committee,", [15], [13])]
    assert cite_by_sequence(ps, NOTES, "en") == ps


def test_synthetic_two_candidates_the_one_not_after_a_number_taking_word():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "in accordance with paragraph 14 of the decision and the outcome 14 of the Conference,"),
          paragraph("OP3", "the Committee,", [15], [13])]
    out = cite_by_sequence(ps, NOTES, "en")
    assert out[1].footnotes == (14,) and "the outcome of the Conference" in out[1].text
    assert "paragraph 14 of" in out[1].text


def test_synthetic_two_equally_likely_candidates_leave_the_note_uncited():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "the Programme 14 and the Declaration 14 adopted there,"),
          paragraph("OP3", "the Committee,", [15], [13])]
    assert cite_by_sequence(ps, NOTES, "en") == ps


def test_synthetic_marker_glued_to_the_next_word_keeps_the_space_before_it():
    ps = [paragraph("OP1", "Welcomes the report,", [13], [19]),
          paragraph("OP2", "ratified by the relevant States Parties, 14and welcomes the entry into force;"),
          paragraph("OP3", "the Committee,", [15], [13])]
    out = cite_by_sequence(ps, NOTES, "en")
    assert out[1].text == "ratified by the relevant States Parties, and welcomes the entry into force;"
    assert out[1].footnotes == (14,)


def test_synthetic_chinese_number_with_its_unit_is_not_a_marker():
    notes = [Footnote(n, f"A/79/{n}。") for n in (1, 2, 3)]
    ps = [paragraph("OP1", "欢迎报告，", [1], [4]),
          paragraph("OP2", "2 月举行的会议和《行动纲领》 2 中的承诺，"),
          paragraph("OP3", "委员会，", [3], [3])]
    out = cite_by_sequence(ps, notes, "zh")
    assert out[1].footnotes == (2,) and out[1].text.startswith("2 月举行")
    assert "《行动纲领》中的承诺" in out[1].text
