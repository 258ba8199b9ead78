"""The comparison stage (resdiff.comparison.compare, also resdiff.compare): alignment + word diff → Comparison."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

import resdiff
from conftest import CORPUS, SEED, corpus
from resdiff.comparison import compare
from resdiff.read import read_file
from resdiff.read.text import parse_text


def rebuild(segments, side):
    if side == "new":
        return "".join(s.text for s in segments if s.op != "delete")
    return "".join((s.old_text if s.old_text is not None else s.text) for s in segments if s.op != "insert")


def test_compare_same_text_reports_nothing():
    res = read_file(SEED)
    cmp = compare(res, res)
    assert not cmp.has_differences
    assert all(p.status == "unchanged" and not p.renumbered for p in cmp.pairs)
    assert len(cmp.pairs) == len(res.paragraphs)


def test_seed_without_spaces_around_digits_reports_nothing_unless_strict():
    """Synthetic layout edit: the PDF extraction's spaces around digits and Latin text removed."""
    text = SEED.read_text(encoding="utf-8")
    squeezed = re.sub(r"(?<=[\u4e00-\u9fff，（(]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z)]) (?=[\u4e00-\u9fff])", "", text)
    assert squeezed != text
    old, new = read_file(SEED), parse_text(squeezed, source="squeezed")
    assert not compare(old, new).has_differences
    strict = compare(old, new, strict=True)
    assert strict.has_differences
    assert any(s.op != "equal" and s.text.strip() == "" for p in strict.pairs for s in p.segments)


def test_half_width_punctuation_is_not_a_change():
    """Synthetic layout edit: full-width punctuation turned into half-width, as in HTML copies."""
    text = SEED.read_text(encoding="utf-8")
    half = text.translate(str.maketrans({"，": ",", "；": ";", "：": ":"}))
    assert not compare(read_file(SEED), parse_text(half, source="half")).has_differences


def test_real_english_pair_recall_chain_is_whole_numbers():
    cmp = compare(read_file(corpus("A_RES_74_153.en.txt")), read_file(corpus("A_RES_75_180.en.txt")))
    pp3 = next(p for p in cmp.pairs if "PP3" in p.new)
    changed = [(s.op, s.text.strip()) for s in pp3.segments if s.op != "equal"]
    assert ("delete", "72/169") in changed and ("insert", "74/153") in changed
    assert {h.field for h in cmp.header_changes} >= {"session", "date", "number", "symbol"}


def test_segments_rebuild_both_texts_on_real_pairs():
    pairs = [("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"), ("A_RES_74_153.en.txt", "A_RES_75_180.en.txt"),
             ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt")]
    for a, b in pairs:
        old, new = read_file(corpus(a)), read_file(corpus(b))
        cmp = compare(old, new, strict=True)
        for p in cmp.pairs:
            assert rebuild(p.segments, "old") == "\n".join(old.paragraphs[i].text for i in p.old_index)
            assert rebuild(p.segments, "new") == "\n".join(new.paragraphs[i].text for i in p.new_index)
        # every paragraph of both versions lands in exactly one pair
        assert sorted(i for p in cmp.pairs for i in p.old_index) == list(range(len(old.paragraphs)))
        assert sorted(i for p in cmp.pairs for i in p.new_index) == list(range(len(new.paragraphs)))


def test_footnote_change_is_reported_with_its_paragraph():
    cmp = compare(read_file(corpus("A_RES_74_153.en.txt")), read_file(corpus("A_RES_75_180.en.txt")))
    pp3 = next(p for p in cmp.pairs if "PP3" in p.new)
    changed = [f for f in pp3.footnotes]
    assert changed, "footnote 3 moved from the Seventy-third to the Seventy-fifth session's records"
    text = "".join(s.text for f in changed for s in f.segments if s.op == "insert")
    assert "Seventy-fifth" in text or "75" in text


def test_python_api_takes_paths():
    cmp = resdiff.compare(str(corpus("A_RES_51_102.zh.excerpt.txt")), str(corpus("A_RES_55_105.zh.excerpt.txt")))
    assert cmp.has_differences
    assert cmp.summary["moved"] + cmp.summary["modified"] > 0


def test_layout_noise_is_cut_into_small_pieces_that_rebuild_both_texts_55_109_to_75_180():
    """Real pair: half-width punctuation (web, 2000) against full-width (PDF, 2020)."""
    old, new = read_file(corpus("A_RES_55_109.zh.excerpt.txt")), read_file(SEED)
    cmp = compare(old, new)
    layout = [s for p in cmp.pairs for s in p.segments if s.op == "equal" and s.old_text is not None]
    assert layout and all(s.text != s.old_text for s in layout)
    # a piece is empty on one side only for a space that the other side lacks
    assert all(s.text.strip() or s.old_text.strip() == "" for s in layout if not (s.text and s.old_text))
    assert (",", "，") in [(s.old_text, s.text) for s in layout]
    # a comma, or " 1993 年 6" for "1993年6", never the sentence around them
    assert max(len(s.text) for s in layout) <= 10
    for p in cmp.pairs:
        o = "\n".join(old.paragraphs[i].text for i in p.old_index)
        n = "\n".join(new.paragraphs[i].text for i in p.new_index)
        assert rebuild(p.segments, "old") == o and rebuild(p.segments, "new") == n


def test_header_lines_are_matched_by_role_and_diffed_in_the_comparison():
    old, new = read_file(corpus("A_RES_74_153.en.txt")), read_file(corpus("A_RES_75_180.en.txt"))
    cmp = compare(old, new)
    roles = [line.role for line in cmp.header_lines]
    assert "title" in roles and "author" in roles and roles[-1].startswith("closing")
    for line in cmp.header_lines:
        assert rebuild(line.segments, "old") == (line.old or "")
        assert rebuild(line.segments, "new") == (line.new or "")
    title = next(line for line in cmp.header_lines if line.role == "title")
    assert ("delete", "74/153") in [(s.op, s.text) for s in title.segments]
    assert all(s.op == "equal" for line in compare(new, new).header_lines for s in line.segments)


def test_layout_only_footnote_difference_is_kept_for_redlines_but_not_reported():
    """Synthetic layout edit: spaces around digits removed in the footnote bodies only."""
    from resdiff.render.terminal import render_comparison

    text = SEED.read_text(encoding="utf-8")
    edited = text.replace("(A/75/53)，第五章，A 节", "(A/75/53)，第五章，A节").replace("第 55/2 号决议", "第55/2号决议")
    assert edited != text
    cmp = compare(read_file(SEED), parse_text(edited, source="edited"))
    notes = [f for p in cmp.pairs for f in p.footnotes]
    assert notes and all(f.layout_only for f in notes)
    assert not cmp.has_differences
    assert "footnote" not in render_comparison(cmp)
    for f in notes:  # the layout pieces give back both footnote texts exactly
        assert rebuild(f.segments, "old") == read_file(SEED).footnote(f.old).text


def _with_other_lines(res, other):
    import dataclasses

    return dataclasses.replace(res, header=dataclasses.replace(res.header, other=tuple(other)))


def test_header_lines_matching_no_field_are_compared_and_shown():
    """Synthetic edit: Header.other lines (lines of a header that match no field) of the real 74/153 text,
    one changed, one inserted: both are differences, in header_changes and as header lines, and an
    inserted line does not make the lines after it look changed."""
    from resdiff.render.markdown import render_comparison

    base = read_file(corpus("A_RES_74_153.en.txt"))
    old = _with_other_lines(base, ["Distr.: General", "Original: English", "Mexico: draft resolution"])
    new = _with_other_lines(base, ["Distr.: Limited", "Original: English", "Revised draft",
                                   "Mexico: draft resolution"])
    assert not compare(old, old).has_differences
    cmp = compare(old, new)
    assert cmp.has_differences and all(p.status == "unchanged" for p in cmp.pairs)
    assert [(h.field, h.old, h.new) for h in cmp.header_changes] == [
        ("other", "Distr.: General", "Distr.: Limited"), ("other", None, "Revised draft")]
    lines = {line.new or line.old: line for line in cmp.header_lines if line.role.startswith("other")}
    assert rebuild(lines["Distr.: Limited"].segments, "old") == "Distr.: General"
    assert [s.op for s in lines["Revised draft"].segments] == ["insert"]
    assert [s.op for s in lines["Original: English"].segments] == ["equal"]
    assert [s.op for s in lines["Mexico: draft resolution"].segments] == ["equal"]
    report = render_comparison(cmp)
    assert "Header line: <del>Distr.: General</del> → <ins>Distr.: Limited</ins>" in report


def test_printed_header_line_edited_without_changing_its_field_is_a_change():
    """Synthetic edit: a word added to the session line of the real 74/153 text ("Seventy-fourth session
    (resumed)") leaves the session number (74) as it was; the line itself changed, so the comparison says
    so. A new session is reported once, as the session, not again as its line."""
    text = corpus("A_RES_74_153.en.txt").read_text(encoding="utf-8")
    old = parse_text(text)
    edited = parse_text(text.replace("Seventy-fourth session", "Seventy-fourth session (resumed)", 1))
    assert edited.header.session == old.header.session
    cmp = compare(old, edited)
    assert cmp.has_differences
    assert [(h.field, h.new) for h in cmp.header_changes] == [("session_text", "Seventy-fourth session (resumed)")]
    next_session = parse_text(text.replace("Seventy-fourth session", "Seventy-fifth session", 1))
    assert [h.field for h in compare(old, next_session).header_changes] == ["session"]


def test_author_line_without_its_comma_is_no_change_unless_strict():
    """Web copies print "大会" alone where the PDF prints "大会，" (synthetic: the seed's author comma removed)."""
    seed = read_file(SEED)
    bare = replace(seed, header=replace(seed.header, author="大会"))
    assert compare(seed, bare).header_changes == ()
    assert [(h.field, h.old, h.new) for h in compare(seed, bare, strict=True).header_changes] == [("author", "大会，", "大会")]
    worded = replace(seed, header=replace(seed.header, author="大会又"))
    assert [h.field for h in compare(seed, worded).header_changes] == ["author"]


@pytest.mark.parametrize("name", ["A_RES_78_174", "A_RES_79_183", "A_RES_80_137"])
def test_official_pdf_against_its_pdftotext_copy_is_unchanged_and_a_real_edit_still_shows(name):
    """The PDF and a pdftotext -layout copy of it (tests/corpus/pdftotext) differ only by layout: words split
    at line ends ("devel opment"), spaces around dashes, markers as digits. No pair may be "modified" with
    nothing marked (78/174 had 39 such pairs); strict mode still sees the layout; a synthetic one-word edit
    in the copy is the one change."""
    pdf = read_file(CORPUS / "pdf" / f"{name}.en.pdf")
    copy_path = CORPUS / "pdftotext" / f"{name}.en.layout.txt"
    copy = read_file(copy_path)
    assert {p.status for p in compare(pdf, copy).pairs} == {"unchanged"}
    assert any(p.status == "modified" for p in compare(pdf, copy, strict=True).pairs)
    text = copy_path.read_text(encoding="utf-8")
    edited = parse_text(text.replace(" Decides ", " Resolves ", 1) if " Decides " in text else text.replace(" Requests ", " Invites ", 1))
    changed = [p for p in compare(pdf, edited).pairs if p.status != "unchanged"]
    assert len(changed) == 1 and changed[0].text_changed
