"""Notes in Word output: endnotes stay endnotes, and every note keeps the mark its source prints
("i, ii", "a, b", a custom "*") in the redline's track, accept and reject views.

Checked on real Word files (Open-Xml-PowerTools' WC035 endnote pair and HC031, copies in
tests/corpus/docx-peer/), and on the English 75/180 written as Word with its notes re-marked
(synthetic, as each test name says): our own reading of the XML, the Word reader reading the redline
back in both views, LibreOffice (tests/lo_tracked.py) and openxml-audit.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, corpus
from resdiff import compare, load
from resdiff.model import Footnote, Resolution
from resdiff.read.docx import read_docx
from resdiff.render.docx import redline_document, resolution_document
from resdiff.render.wordxml import resolve_package
from test_render_docx import expected_notes, run_libreoffice, schema_errors, without_end_paragraph

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
PEER = CORPUS / "docx-peer"


def xml_of(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name)) if name in z.namelist() else None


def notes_of(res: Resolution, kind: str) -> list[str]:
    """Texts of the notes of one kind in the order they are cited."""
    by_number = {f.number: f for f in res.footnotes}
    return [t for t, n in zip(expected_notes(res), _cited(res)) if by_number.get(n, Footnote(n, "")).kind == kind]


def _cited(res: Resolution) -> list[int]:
    out = []
    for p in res.paragraphs:
        positions = list(p.footnote_positions) + [len(p.text)] * (len(p.footnotes) - len(p.footnote_positions))
        out += [n for _, n in sorted(zip(positions, p.footnotes))]
    return out


def marks_of(res: Resolution, kind: str) -> list[str]:
    by_number = {f.number: f for f in res.footnotes}
    return [by_number[n].mark or str(n) for n in _cited(res) if n in by_number and by_number[n].kind == kind]


def note_view(res: Resolution) -> list[tuple[str, str, str]]:
    """(kind, mark, text) of every note, in citation order: what a redline view must give back."""
    by_number = {f.number: f for f in res.footnotes}
    return [(by_number[n].kind, by_number[n].mark or str(n), by_number[n].text) for n in _cited(res) if n in by_number]


def with_note_marks(res: Resolution, marks: dict[int, str], kinds: dict[int, str] | None = None) -> Resolution:
    kinds = kinds or {}
    return replace(res, footnotes=tuple(replace(f, mark=marks.get(f.number, f.mark), kind=kinds.get(f.number, f.kind))
                                        for f in res.footnotes))


def roman(n: int) -> str:
    from resdiff.read.docx import format_number

    return format_number(n, "lowerRoman")


def edit_note(res: Resolution, number: int, before: str, after: str) -> Resolution:
    return replace(res, footnotes=tuple(replace(f, text=f.text.replace(before, after)) if f.number == number else f
                                        for f in res.footnotes))


# ── real files: endnotes ──────────────────────────────────────────────────────────────────────────

def test_real_endnote_added_is_an_inserted_endnote_not_a_footnote(tmp_path):
    """WC035 (Open-Xml-PowerTools): the After file adds an endnote."""
    old = read_docx(PEER / "WC" / "WC035-Endnote-Before.docx")
    new = read_docx(PEER / "WC" / "WC035-Endnote-After.docx")
    data = redline_document(compare(old, new), author="Tester", date=DATE)
    assert xml_of(data, "word/footnotes.xml") is None
    body = xml_of(data, "word/document.xml")
    (ref,) = body.iter(W + "endnoteReference")
    assert etree.QName(ref.getparent().getparent()).localname == "ins"
    notes = xml_of(data, "word/endnotes.xml")
    assert [n.get(W + "id") for n in notes.iter(W + "endnote")] == ["-1", "0", "1"]
    assert notes.find(f".//{W}endnote[@{W}id='1']//{W}endnoteRef") is not None
    settings = xml_of(data, "word/settings.xml")
    pr = settings.find(W + "endnotePr")
    assert pr.find(W + "numFmt").get(W + "val") == "lowerRoman"
    assert [e.get(W + "id") for e in pr.findall(W + "endnote")] == ["-1", "0"]
    assert resolve_package(data, accept=True)[1] == ["This is a test."]
    assert resolve_package(data, accept=False)[1] == []
    assert schema_errors(data, tmp_path) == []
    # read back: the accept view has the endnote, as an endnote marked "i"; the reject view has none
    path = tmp_path / "wc035.docx"
    path.write_bytes(data)
    assert note_view(read_docx(path)) == [("endnote", "i", "This is a test.")]
    assert read_docx(path, view="reject").footnotes == ()


def check_views(data: bytes, old: Resolution, new: Resolution, tmp_path: Path) -> None:
    """Each view of the redline (our XML reading, and the Word reader reading the file in that view) has
    its side's notes with their kinds and marks; the file is schema-valid."""
    for view, res in ((True, new), (False, old)):
        assert resolve_package(data, accept=view)[1] == expected_notes(res)
        path = tmp_path / f"view-{view}.docx"
        path.write_bytes(data)
        assert note_view(read_docx(path, view="accept" if view else "reject")) == note_view(res)
    assert schema_errors(data, tmp_path) == []


def hc031_pair() -> tuple[Resolution, Resolution]:
    """HC031 (a footnote and an endnote) against itself with both notes edited (synthetic edit)."""
    old = read_docx(PEER / "HC031-Complicated-Document.docx")
    foot = next(f for f in old.footnotes if f.kind == "footnote")
    end = next(f for f in old.footnotes if f.kind == "endnote")
    new = edit_note(edit_note(old, foot.number, "footnote", "revised footnote"), end.number, "endnote", "amended endnote")
    return old, new


def test_real_endnote_edited_is_tracked_inside_the_endnotes_part_and_views_give_each_side(tmp_path):
    old, new = hc031_pair()
    data = redline_document(compare(old, new), author="Tester", date=DATE)
    endnotes = xml_of(data, "word/endnotes.xml")
    footnotes = xml_of(data, "word/footnotes.xml")
    assert "".join(t.text for t in endnotes.iter(W + "t")).strip() == "This is an amended endnote."
    inserted = lambda root: ["".join(ins.itertext()).strip() for ins in root.iter(W + "ins")]  # noqa: E731
    assert inserted(endnotes) == ["amended"]
    assert inserted(footnotes) == ["revised"]
    check_views(data, old, new, tmp_path)


# ── synthetic marks on a real resolution ───────────────────────────────────────────────────────────

def en_75_180() -> Resolution:
    return load(corpus("A_RES_75_180.en.txt"))


def roman_footnotes(res: Resolution) -> Resolution:
    return with_note_marks(res, {n: roman(k + 1) for k, n in enumerate(sorted(f.number for f in res.footnotes))})


def first_paragraph_with_note(res: Resolution) -> int:
    return next(i for i, p in enumerate(res.paragraphs) if p.footnotes)


def without_paragraph(res: Resolution, index: int) -> Resolution:
    """The paragraph deleted with its notes, the later notes re-marked (as Word would renumber them)."""
    gone = set(res.paragraphs[index].footnotes)
    paragraphs = res.paragraphs[:index] + res.paragraphs[index + 1:]
    return replace(res, paragraphs=paragraphs, footnotes=tuple(f for f in res.footnotes if f.number not in gone))


def test_synthetic_lower_roman_footnotes_round_trip_through_a_clean_word_file(tmp_path):
    res = roman_footnotes(en_75_180())
    data = resolution_document(res)
    fmt = xml_of(data, "word/settings.xml").find(f"{W}footnotePr/{W}numFmt")
    assert fmt.get(W + "val") == "lowerRoman"
    path = tmp_path / "roman.docx"
    path.write_bytes(data)
    assert note_view(read_docx(path)) == note_view(res)


def starred(base: Resolution) -> Resolution:
    """The first note marked "*" (as a UN document's first-page note), the others 1, 2 … (synthetic)."""
    first = min(f.number for f in base.footnotes)
    marks = {first: "*"} | {f.number: str(k + 1) for k, f in enumerate(sorted(
        (f for f in base.footnotes if f.number != first), key=lambda f: f.number))}
    return with_note_marks(base, marks)


def star_pair() -> tuple[Resolution, Resolution]:
    """75/180 with a "*" note, and the same with the paragraph of its second note deleted (synthetic)."""
    old = starred(en_75_180())
    second = sorted(f.number for f in old.footnotes)[1]
    first = min(f.number for f in old.footnotes)
    k = next(i for i, p in enumerate(old.paragraphs) if second in p.footnotes and first not in p.footnotes)
    return old, starred(without_paragraph(old, k))


def test_synthetic_star_note_before_numbered_ones_is_a_custom_mark_and_reads_back(tmp_path):
    """The first note of 75/180 marked "*" (as a UN document's first-page note), the others 1, 2 …"""
    res = starred(en_75_180())
    data = resolution_document(res)
    refs = list(xml_of(data, "word/document.xml").iter(W + "footnoteReference"))
    custom = [r for r in refs if r.get(W + "customMarkFollows") == "1"]
    assert len(custom) == 1 and custom[0].getnext().text == "*"
    path = tmp_path / "star.docx"
    path.write_bytes(data)
    back = read_docx(path)
    assert [(k, m, t) for k, m, t in note_view(back)] == [(k, m, t) for k, m, t in note_view(res)]
    assert resolve_package(data, accept=True)[1] == expected_notes(res)
    assert schema_errors(data, tmp_path) == []
    old, new = star_pair()
    for style in ("track", "markup"):
        assert schema_errors(redline_document(compare(old, new), author="Tester", date=DATE, style=style),
                             tmp_path, f"star-{style}.docx") == []


def roman_pair() -> tuple[Resolution, Resolution]:
    """75/180 with lower-roman footnotes, and the same with its first noted paragraph deleted and the
    notes after it re-marked (synthetic edit)."""
    old = roman_footnotes(en_75_180())
    return old, roman_footnotes(without_paragraph(old, first_paragraph_with_note(old)))


def test_synthetic_roman_footnotes_redline_prints_old_marks_on_reject_and_new_on_accept(tmp_path):
    old, new = roman_pair()
    data = redline_document(compare(old, new), author="Tester", date=DATE)
    assert xml_of(data, "word/settings.xml").find(f"{W}footnotePr/{W}numFmt").get(W + "val") == "lowerRoman"
    assert not [r for r in xml_of(data, "word/document.xml").iter(W + "footnoteReference")
                if r.get(W + "customMarkFollows")]
    check_views(data, old, new, tmp_path)


def zh_endnotes_pair() -> tuple[Resolution, Resolution]:
    """The seed (Chinese) with its last two notes made endnotes i, ii; the new side without its first
    noted paragraph and with a word of endnote i changed (synthetic)."""
    seed = load(corpus("A_RES_75_180.zh.txt"))
    ends = sorted(f.number for f in seed.footnotes)[-2:]
    old = with_note_marks(seed, {n: roman(k + 1) for k, n in enumerate(ends)}, {n: "endnote" for n in ends})
    new = without_paragraph(old, first_paragraph_with_note(old))
    feet = sorted(f.number for f in new.footnotes if f.kind == "footnote")
    new = with_note_marks(new, {n: str(k + 1) for k, n in enumerate(feet)})  # Word renumbers them 1, 2
    return old, edit_note(new, ends[0], "66/3", "66/4")


def test_synthetic_chinese_endnote_change_is_tracked_in_the_endnotes_part(tmp_path):
    old, new = zh_endnotes_pair()
    data = redline_document(compare(old, new), author="Tester", date=DATE)
    endnotes = xml_of(data, "word/endnotes.xml")
    assert ["".join(ins.itertext()) for ins in endnotes.iter(W + "ins")] == ["66/4"]
    check_views(data, old, new, tmp_path)


def test_synthetic_endnotes_and_roman_footnotes_in_libreoffice(tmp_path):
    """LibreOffice's own accept/reject: endnotes in its endnotes, each view printing its side's marks."""
    old, new = roman_pair()
    ends = sorted(f.number for f in old.footnotes)[-2:]  # the last two notes made endnotes
    old = with_note_marks(old, {n: roman(k + 1) for k, n in enumerate(ends)}, {n: "endnote" for n in ends})
    new = with_note_marks(new, {n: roman(k + 1) for k, n in enumerate(ends)}, {n: "endnote" for n in ends})
    cases = {"roman": roman_pair(), "endnotes": (old, new), "hc031": hc031_pair(), "star": star_pair(),
             "zh-endnotes": zh_endnotes_pair(),
             "wc035": (read_docx(PEER / "WC" / "WC035-Endnote-Before.docx"),
                       read_docx(PEER / "WC" / "WC035-Endnote-After.docx"))}
    paths = {}
    for name, (a, b) in cases.items():
        paths[name] = tmp_path / f"{name}.docx"
        paths[name].write_bytes(redline_document(compare(a, b), author="Tester", date=DATE))
    result = run_libreoffice(list(paths.values()))
    for name, (a, b) in cases.items():
        got = result[str(paths[name])]
        for mode, res in (("accept", b), ("reject", a)):
            view = got[mode]
            assert view["redlines_left"] == 0
            assert view["footnotes"] == notes_of(res, "footnote"), (name, mode)
            assert view["endnotes"] == notes_of(res, "endnote"), (name, mode)
            assert view["marks"] == marks_of(res, "footnote"), (name, mode)
            assert view["endnote_marks"] == marks_of(res, "endnote"), (name, mode)


@pytest.mark.parametrize("name", ["roman", "hc031", "wc035", "star"])
def test_jubarte_redlines_accept_and_reject_keep_each_sides_notes_kinds_and_marks(name, tmp_path):
    """A third engine (Word's model of revisions): its accepted / rejected file, read by the Word reader,
    has each side's notes with their kinds and marks (roman: synthetic; hc031: synthetic edit of a real file)."""
    jubarte = pytest.importorskip("jubarte_redlines")
    old, new = {"roman": roman_pair, "hc031": hc031_pair, "star": star_pair,
                "wc035": lambda: (read_docx(PEER / "WC" / "WC035-Endnote-Before.docx"),
                                  read_docx(PEER / "WC" / "WC035-Endnote-After.docx"))}[name]()
    data = redline_document(compare(old, new), author="Tester", date=DATE)
    for fn, res in ((jubarte.accept_revisions, new), (jubarte.reject_revisions, old)):
        path = tmp_path / f"{fn.__name__}.docx"
        path.write_bytes(fn(data))
        assert note_view(read_docx(path)) == note_view(res), fn.__name__


def test_a_redline_of_decimal_notes_loads_neither_the_word_reader_nor_saxutils():
    """Cold start: choosing the notes' format must not import read.docx (its number formats are needed
    only for marks other than 1, 2, 3) nor xml.sax.saxutils (which pulls in urllib)."""
    import subprocess
    import sys

    code = ("import sys; from resdiff import compare, load; from resdiff.render.docx import redline_document; "
            f"s = load({str(corpus('A_RES_75_180.zh.txt'))!r}); redline_document(compare(s, s)); "
            "print(sorted(m for m in ('resdiff.read.docx', 'xml.sax.saxutils') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "[]"
