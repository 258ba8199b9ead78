"""Word reader: revisions resolved in both views, automatic numbering, footnotes, the seed as .docx,
corrupt files. Every .docx here is built by tests/docx_builder.py (independent of resdiff's writer)."""

from __future__ import annotations


import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SEED
from docx_builder import DocxBuilder, resolution_docx
from resdiff.errors import UserError
from resdiff.read.docx import docx_content, docx_paragraphs, format_number, read_docx
from resdiff.read.text import parse_text


def _ops(b: DocxBuilder) -> str:
    return b.numbering([("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)")])


# ── revisions ─────────────────────────────────────────────────────────────────────────────────────

def test_insertion_is_kept_when_accepting_and_dropped_when_rejecting():
    b = DocxBuilder()
    b.paragraph(b.run("Calls upon"), b.insert(" all"), b.run(" States;"))
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["Calls upon all States;"]
    assert docx_paragraphs(data, "reject") == ["Calls upon States;"]


def test_deletion_is_dropped_when_accepting_and_kept_when_rejecting():
    b = DocxBuilder()
    b.paragraph(b.run("重申"), b.delete("决心"), b.insert("承诺"), b.run("促进国际合作，"))
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["重申承诺促进国际合作，"]
    assert docx_paragraphs(data, "reject") == ["重申决心促进国际合作，"]


def test_moved_text_appears_at_its_new_place_when_accepting_and_old_place_when_rejecting():
    b = DocxBuilder()
    b.paragraph(b.run("Stresses"), b.move_from("move1", " the importance of dialogue"), b.run(";"))
    b.paragraph(b.run("Decides"), b.move_to("move1", " the importance of dialogue"), b.run("."))
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["Stresses;", "Decides the importance of dialogue."]
    assert docx_paragraphs(data, "reject") == ["Stresses the importance of dialogue;", "Decides."]


def test_insertion_later_deleted_by_another_reviewer_is_in_neither_view():
    b = DocxBuilder()
    b.paragraph(b.run("A"), b.insert(b.run("B"), b.delete("C")), b.run("D"))
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["ABD"]
    assert docx_paragraphs(data, "reject") == ["AD"]


def test_deleted_paragraph_mark_merges_the_paragraph_with_the_next_one():
    b = DocxBuilder()
    b.paragraph(b.run("Recognizes that cooperation "), mark="del")
    b.paragraph(b.run("is essential;"))
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["Recognizes that cooperation is essential;"]
    assert docx_paragraphs(data, "reject") == ["Recognizes that cooperation ", "is essential;"]


def test_merged_paragraph_keeps_the_numbering_of_its_first_part_as_word_and_libreoffice_do():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("Alpha "), num=ops, mark="del")
    b.paragraph(b.run("beta;"))
    b.paragraph(b.run("Gamma "), mark="del")
    b.paragraph(b.run("delta;"), num=ops)
    b.paragraph(b.run("epsilon;"), num=ops)
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["1.\tAlpha beta;", "Gamma delta;", "2.\tepsilon;"]
    assert docx_paragraphs(data, "reject") == ["1.\tAlpha ", "beta;", "Gamma ", "2.\tdelta;", "3.\tepsilon;"]


def test_wholly_deleted_paragraph_disappears_and_is_not_counted_in_the_numbering():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("Recalling,"))
    b.paragraph(b.delete("Noting,"), mark="del")
    b.paragraph(b.run("Reaffirms;"), num=ops)
    b.paragraph(b.delete("Welcomes;"), num=ops, mark="del")
    b.paragraph(b.run("Decides."), num=ops)
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["Recalling,", "1.\tReaffirms;", "2.\tDecides."]
    assert docx_paragraphs(data, "reject") == ["Recalling,", "Noting,", "1.\tReaffirms;", "2.\tWelcomes;", "3.\tDecides."]


def test_wholly_inserted_paragraph_is_numbered_when_accepting_and_gone_when_rejecting():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("Reaffirms;"), num=ops)
    b.paragraph(b.insert("Welcomes;"), num=ops, mark="ins")
    b.paragraph(b.run("Decides."), num=ops)
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["1.\tReaffirms;", "2.\tWelcomes;", "3.\tDecides."]
    assert docx_paragraphs(data, "reject") == ["1.\tReaffirms;", "2.\tDecides."]


def test_inserted_paragraph_mark_splits_a_paragraph_only_when_accepting():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("Urges States;"), b.insert(""), num=ops, mark="ins")
    b.paragraph(b.insert("Invites agencies;"), b.run(" and encourages them."), num=ops)
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["1.\tUrges States;", "2.\tInvites agencies; and encourages them."]
    assert docx_paragraphs(data, "reject") == ["1.\tUrges States; and encourages them."]


def test_numbering_added_with_a_tracked_property_change_counts_only_when_accepting():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("one"), num=ops)
    b.paragraph(b.run("now numbered"), num=ops, old_num=None)
    b.paragraph(b.run("no longer numbered"), old_num=ops)
    b.paragraph(b.run("two"), num=ops)
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["1.\tone", "2.\tnow numbered", "no longer numbered", "3.\ttwo"]
    assert docx_paragraphs(data, "reject") == ["1.\tone", "now numbered", "2.\tno longer numbered", "3.\ttwo"]


def test_deleted_table_row_is_left_out_when_accepting():
    b = DocxBuilder()
    rev = 'w:id="7" w:author="A" w:date="2024-01-01T00:00:00Z"'
    b.raw_paragraph(
        "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr>"
        f"<w:tr><w:trPr><w:del {rev}/></w:trPr><w:tc><w:p><w:del {rev}><w:r><w:delText>row</w:delText></w:r></w:del></w:p></w:tc></w:tr>"
        "</w:tbl>")
    data = b.to_bytes()
    assert docx_paragraphs(data) == ["kept"]
    assert docx_paragraphs(data, "reject") == ["kept", "row"]


def test_field_result_hidden_text_tabs_and_breaks():
    b = DocxBuilder()
    b.raw_paragraph(
        '<w:p><w:r><w:t>See page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGEREF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>'
        '<w:r><w:tab/><w:t>after tab</w:t><w:br/><w:t>next line</w:t><w:br w:type="page"/>'
        '<w:noBreakHyphen/><w:t>x</w:t></w:r>'
        '<w:hyperlink><w:r><w:t> link</w:t></w:r></w:hyperlink></w:p>')
    assert docx_paragraphs(b.to_bytes()) == ["See page 4\tafter tab\nnext line\u2011x link"]


def test_revisions_are_counted_and_views_are_checked():
    b = DocxBuilder()
    b.paragraph(b.run("a"), b.insert("b"), b.delete("c"))
    b.paragraph(b.run("d"), mark="del")
    b.paragraph(b.run("e"))
    data = b.to_bytes()
    assert docx_content(data).revisions == 3
    assert docx_content(data, "reject").revisions == 3
    with pytest.raises(ValueError):
        docx_paragraphs(data, "final")


# A reference model of the two views, written as plainly as possible, checked against the reader on
# random paragraphs: segments are ("", text) plain, ("+", text) inserted, ("-", text) deleted.
_SEGMENT = st.tuples(st.sampled_from(["", "+", "-"]), st.text(alphabet="abc 决议", min_size=1, max_size=4))
_PARAGRAPH = st.tuples(st.lists(_SEGMENT, max_size=4), st.sampled_from([None, "ins", "del"]), st.booleans())


def _expected(paragraphs, view: str) -> list[str]:
    keep, gone_mark = ("", "+"), "del"
    if view == "reject":
        keep, gone_mark = ("", "-"), "ins"
    out, pending, owner = [], "", None
    counter = 0
    for i, (segments, mark, numbered) in enumerate(paragraphs):
        text = "".join(t for kind, t in segments if kind in keep)
        if owner is None and text:
            owner = numbered
        pending += text
        if mark == gone_mark and i < len(paragraphs) - 1:
            continue
        if (owner if owner is not None else numbered):
            counter += 1
            out.append(f"{counter}.\t{pending}")
        else:
            out.append(pending)
        pending, owner = "", None
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH, min_size=1, max_size=6))
def test_views_match_a_reference_model_on_random_revisions(paragraphs):
    b = DocxBuilder()
    ops = b.numbering([("decimal", "%1.")])
    for segments, mark, numbered in paragraphs:
        fragments = [b.run(t) if k == "" else b.insert(t) if k == "+" else b.delete(t) for k, t in segments]
        b.paragraph(*fragments, num=ops if numbered else None, mark=mark)
    data = b.to_bytes()
    assert docx_paragraphs(data) == _expected(paragraphs, "accept")
    assert docx_paragraphs(data, "reject") == _expected(paragraphs, "reject")


# ── numbering ─────────────────────────────────────────────────────────────────────────────────────

def test_multilevel_numbering_restarts_deeper_levels():
    b = DocxBuilder()
    ops = _ops(b)
    for text, level in [("a", 0), ("b", 1), ("c", 1), ("d", 2), ("e", 2), ("f", 1), ("g", 0), ("h", 1)]:
        b.paragraph(b.run(text), num=ops, level=level)
    assert docx_paragraphs(b.to_bytes()) == [
        "1.\ta", "(a)\tb", "(b)\tc", "(i)\td", "(ii)\te", "(c)\tf", "2.\tg", "(a)\th"]


def test_number_patterns_formats_start_and_separator():
    b = DocxBuilder()
    legal = b.numbering([("decimal", "%1."), ("decimal", "%1.%2")], start=5, suffix="space")
    chinese = b.numbering([("ideographEnclosedCircle", "%1"), ("upperRoman", "%2)")], suffix="nothing")
    b.paragraph(b.run("five"), num=legal)
    b.paragraph(b.run("five one"), num=legal, level=1)
    b.paragraph(b.run("甲"), num=chinese)
    b.paragraph(b.run("乙"), num=chinese)
    b.paragraph(b.run("roman"), num=chinese, level=1)
    assert docx_paragraphs(b.to_bytes()) == ["5. five", "5.1 five one", "㈠甲", "㈡乙", "I)roman"]


def test_lists_sharing_a_definition_continue_unless_restarted():
    b = DocxBuilder()
    ops = b.numbering([("decimal", "%1.")])
    again = b.restart(ops)
    b.paragraph(b.run("a"), num=ops)
    b.paragraph(b.run("b"), num=ops)
    b.paragraph(b.run("c"), num=again)
    b.paragraph(b.run("d"), num=again)
    assert docx_paragraphs(b.to_bytes()) == ["1.\ta", "2.\tb", "1.\tc", "2.\td"]


def test_numbering_given_by_a_paragraph_style():
    b = DocxBuilder()
    b.paragraph(b.run("styled"), style="ListNumber")
    b.paragraph(b.run("styled too"), style="ListNumber")
    first, second = docx_content(b.to_bytes()).paragraphs
    assert (first.number, second.number, first.style) == ("1.", "2.", "ListNumber")


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "decimal", "1"), (4, "lowerLetter", "d"), (27, "lowerLetter", "aa"), (28, "upperLetter", "BB"),
    (14, "lowerRoman", "xiv"), (1999, "upperRoman", "MCMXCIX"), (3, "ideographEnclosedCircle", "㈢"),
    (11, "chineseCounting", "十一"), (105, "chineseCountingThousand", "一百零五"), (20, "chineseCounting", "二十"),
    (2, "ideographTraditional", "乙"), (7, "decimalZero", "07"), (3, "decimalEnclosedCircle", "③"),
    (2, "bullet", ""), (3, "cardinalText", "3"),
])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


# ── footnotes ─────────────────────────────────────────────────────────────────────────────────────

def test_footnote_references_and_bodies():
    b = DocxBuilder()
    b.paragraph(b.run("Recalling its resolution 55/2"), b.footnote("Resolution 55/2.\nSecond line."), b.run(","))
    content = docx_content(b.to_bytes())
    (paragraph,) = content.paragraphs
    assert paragraph.text == "Recalling its resolution 55/2,"
    assert [(r.offset, r.id) for r in paragraph.footnote_refs] == [(29, "1")]
    assert content.footnotes == (("1", "Resolution 55/2.\nSecond line."),)  # separators -1 and 0 skipped


# ── the seed as a Word file ───────────────────────────────────────────────────────────────────────

def _header_lines(raw: str, author: str) -> list[str]:
    lines = []
    for line in (l.strip() for l in raw.split("\n")):
        if line:
            lines.append(line)
        if line == author:
            return lines
    raise AssertionError("author line not found")


@pytest.mark.parametrize("name, emphasis, preambular", [
    ("A_RES_75_180.zh.txt", "bold", False),
    ("A_RES_75_180.en.txt", "italic", True),
])
def test_seed_as_docx_reads_like_the_text(name, emphasis, preambular):
    raw = (CORPUS / name).read_text(encoding="utf-8")
    from_text = parse_text(raw)
    data = resolution_docx(from_text, _header_lines(raw, from_text.header.author), emphasis, preambular)
    assert b"<w:t xml:space=\"preserve\">1." not in data  # operative numbers come from numbering.xml
    from_word = read_docx(data)
    assert [(p.label, p.kind, p.number, p.text, p.footnotes, p.footnote_positions, p.lead)
            for p in from_word.paragraphs] == [
        (p.label, p.kind, p.number, p.text, p.footnotes, p.footnote_positions, p.lead)
        for p in from_text.paragraphs]
    assert from_word.footnotes == from_text.footnotes
    assert from_word.header == from_text.header
    assert from_word.notes == ()


def test_seed_docx_facts_from_the_issue(tmp_path):
    raw = SEED.read_text(encoding="utf-8")
    from_text = parse_text(raw)
    path = tmp_path / "seed.docx"
    path.write_bytes(resolution_docx(from_text, _header_lines(raw, "大会，")))
    res = read_docx(path)
    assert (res.header.session, res.header.agenda_item, res.header.date) == (75, "72(b)", "2020-12-16")
    assert res.header.title == "增进人权领域的国际合作"
    assert sum(p.kind == "preambular" for p in res.paragraphs) == 15
    assert [p.number for p in res.paragraphs if p.kind == "operative"] == list(range(1, 18))
    assert {p.label: p.footnotes for p in res.paragraphs if p.footnotes} == {
        "PP1": (1,), "PP3": (2, 3), "PP4": (4,), "PP15": (5,)}
    assert res.paragraph("OP1").lead == "重申" and res.source == str(path)
    assert "举行的德班审查会议" in res.paragraph("PP4").text


def test_sub_paragraphs_from_automatic_numbering_and_typed_numbers():
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("The General Assembly,"))
    b.paragraph(b.run("Recalling", italic=True), b.run(" its resolutions,"))
    b.paragraph(b.run("Requests", italic=True), b.run(" the Secretary-General:"), num=ops)
    b.paragraph(b.run("To report"), b.footnote("A/75/1."), b.run(";"), num=ops, level=1)
    b.paragraph(b.run("To consult;"), num=ops, level=1)
    b.paragraph(b.run("5 bis.\t"), b.run("Urges", italic=True), b.run(" States;"))
    b.paragraph(b.run("6.\t"), b.run("Decides", italic=True), b.run(" to include:"))
    b.paragraph(b.run("(a)\tan item;"))
    res = read_docx(b.to_bytes(), lang="en")
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP5bis", "OP6"]
    op1 = res.paragraph("OP1")
    assert op1.text == "Requests the Secretary-General:\n(a) To report;\n(b) To consult;"
    assert [(s.marker, s.text) for s in op1.subparagraphs] == [("(a)", "To report;"), ("(b)", "To consult;")]
    assert op1.footnotes == (1,) and op1.text[op1.footnote_positions[0]:].startswith(";")
    assert res.paragraph("OP5bis").lead == "Urges" and res.paragraph("OP5bis").text == "Urges States;"
    assert res.paragraph("OP6").subparagraphs[0].text == "an item;"
    assert res.footnotes[0].text == "A/75/1."


def test_document_with_tracked_changes_is_read_accepted_and_says_so(tmp_path):
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("大会，"))
    b.paragraph(b.run("回顾"), b.delete("其"), b.run("第 74/153 号决议，"))
    b.paragraph(b.run("重申", bold=True), b.insert("通过国际合作"), b.run("促进人权；"), num=ops)
    b.paragraph(b.delete("删除的段落；"), num=ops, mark="del")
    b.paragraph(b.run("决定", bold=True), b.run("在大会第"), b.delete("七十六"), b.insert("七十七"),
                b.run("届会议上继续审议这个问题。"), num=ops)
    path = tmp_path / "draft.docx"
    path.write_bytes(b.to_bytes())
    res = read_docx(path)
    assert [p.text for p in res.paragraphs] == [
        "回顾第 74/153 号决议，", "重申通过国际合作促进人权；", "决定在大会第七十七届会议上继续审议这个问题。"]
    assert [p.label for p in res.paragraphs] == ["PP1", "OP1", "OP2"]
    assert res.notes == ("draft.docx contained 6 tracked changes; read with all changes accepted",)


def test_footnote_edited_with_tracked_changes_reads_accepted():
    b = DocxBuilder()
    b.paragraph(b.run("The General Assembly,"))
    b.paragraph(b.run("Recalling", italic=True), b.run(" the Declaration,"), b.footnote("Resolution 55/2."))
    data = b.to_bytes()
    # edit the footnote body with a tracked replacement, as a reviewer would
    archive = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in archive.infolist():
            content = archive.read(item.filename)
            if item.filename == "word/footnotes.xml":
                content = content.replace(
                    b'<w:r><w:t xml:space="preserve">Resolution 55/2.</w:t></w:r>',
                    b'<w:r><w:t xml:space="preserve">Resolution </w:t></w:r><w:del w:id="9" w:author="A" '
                    b'w:date="2024-01-01T00:00:00Z"><w:r><w:delText>55/2</w:delText></w:r></w:del><w:ins w:id="10" '
                    b'w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>55/3</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>')
            target.writestr(item, content)
    res = read_docx(out.getvalue())
    assert res.footnotes[0].text == "Resolution 55/3."
    assert res.notes == ("The document contained 2 tracked changes; read with all changes accepted",)


# ── bad input ─────────────────────────────────────────────────────────────────────────────────────

def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _replace_member(data: bytes, member: str, content: bytes | None) -> bytes:
    archive = zipfile.ZipFile(io.BytesIO(data))
    files = {i.filename: archive.read(i.filename) for i in archive.infolist() if i.filename != member}
    if content is not None:
        files[member] = content
    return _zip(files)


def _valid() -> bytes:
    b = DocxBuilder()
    b.paragraph(b.run("Recalling"), b.footnote("note"), b.run(","))
    return b.to_bytes()


@pytest.mark.parametrize("make, words", [
    (lambda: b"PK\x03\x04 this is not really a zip", "not a zip archive"),
    (lambda: os.urandom(64) + b"\x00", "not a zip archive"),
    (lambda: _valid()[:-200], "not a zip archive"),
    (lambda: _replace_member(_valid(), "word/document.xml", None), "word/document.xml is missing"),
    (lambda: _replace_member(_valid(), "word/document.xml", b"<w:document><w:body>"), "broken XML in word/document.xml"),
    (lambda: _replace_member(_valid(), "word/footnotes.xml", b"<oops"), "broken XML in word/footnotes.xml"),
    (lambda: _replace_member(_valid(), "word/document.xml", b"<html/>"), "not a WordprocessingML document"),
    (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old binary Word .doc"),
    (lambda: b"", "is empty"),
])
def test_corrupt_docx_gives_a_user_error_with_a_hint(tmp_path, make, words):
    path = tmp_path / "bad.docx"
    path.write_bytes(make())
    with pytest.raises(UserError) as caught:
        read_docx(path)
    assert words in caught.value.message and str(path) in caught.value.message
    assert caught.value.hint


def test_missing_file_directory_and_document_without_text(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        read_docx(tmp_path / "nowhere.docx")
    with pytest.raises(UserError, match="directory"):
        read_docx(tmp_path)
    empty = DocxBuilder()
    empty.paragraph(empty.run("   "))
    with pytest.raises(UserError, match="contains no text") as caught:
        read_docx(empty.to_bytes())
    assert caught.value.hint


# ── LibreOffice as a second opinion (skipped where it is not installed) ────────────────────────────

_UNO_SCRIPT = r'''
import json, os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue
path, profile = sys.argv[1], sys.argv[2]
pipe = "resdiff_test_%d" % os.getpid()
office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                           "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                           "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    hidden = PropertyValue(); hidden.Name = "Hidden"; hidden.Value = True
    out = {}
    for view, command in (("accept", ".uno:AcceptAllTrackedChanges"), ("reject", ".uno:RejectAllTrackedChanges")):
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (hidden,))
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
        paragraphs = []
        items = doc.getText().createEnumeration()
        while items.hasMoreElements():
            p = items.nextElement()
            if p.supportsService("com.sun.star.text.Paragraph"):
                label = p.getPropertyValue("ListLabelString") if p.getPropertyValue("NumberingIsNumber") else ""
                paragraphs.append([label, p.getString()])
        out[view] = paragraphs
        doc.close(True)
    print(json.dumps(out))
    try:
        desktop.terminate()
    except Exception:
        pass
finally:
    try:
        office.wait(timeout=20)
    except Exception:
        office.kill()
'''


def _libreoffice_views(path: Path, tmp_path: Path) -> dict:
    script = tmp_path / "views.py"
    script.write_text(_UNO_SCRIPT, encoding="utf-8")
    done = subprocess.run(["/usr/bin/python3", str(script), str(path), str(tmp_path / "profile")],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not shutil.which("soffice") or not Path("/usr/bin/python3").exists(), reason="LibreOffice not installed")
def test_views_agree_with_libreoffice_accept_all_and_reject_all(tmp_path):
    if subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode:
        pytest.skip("python3-uno not installed")
    b = DocxBuilder()
    ops = _ops(b)
    b.paragraph(b.run("大会，"))
    b.paragraph(b.run("回顾"), b.delete("其"), b.insert("大会"), b.run("决议，"))
    b.paragraph(b.delete("整段删除，"), mark="del")
    b.paragraph(b.run("重申", bold=True), b.move_from("m1", "国际"), b.run("合作；"), num=ops)
    b.paragraph(b.run("(a) 部分 "), num=ops, level=1, mark="del")
    b.paragraph(b.run("合并；"), num=ops, level=1)
    b.paragraph(b.insert("新段落；"), num=ops, mark="ins")
    b.paragraph(b.run("决定"), b.move_to("m1", "国际"), b.run("。"), num=ops)
    b.paragraph(b.run("改编号"), num=ops, old_num=None)
    b.paragraph(b.run("样式编号"), style="ListNumber")
    path = tmp_path / "views.docx"
    path.write_bytes(b.to_bytes())
    office = _libreoffice_views(path, tmp_path)
    for view in ("accept", "reject"):
        ours = [[p.number, p.text] for p in docx_content(path, view).paragraphs]
        assert ours == office[view], view


def test_second_citation_of_a_footnote_through_a_noteref_field_is_a_marker_not_text():
    b = DocxBuilder()
    b.paragraph(b.run("The General Assembly,"))
    b.paragraph(b.run("Recalling", italic=True), b.run(" the Declaration"),
                '<w:bookmarkStart w:id="0" w:name="_Ref1"/>', b.footnote("A/CONF.157/24."),
                '<w:bookmarkEnd w:id="0"/>', b.run(","))
    b.paragraph(b.run("Reaffirming", italic=True), b.run(" the Declaration"),
                '<w:fldSimple w:instr=" NOTEREF _Ref1 \\f \\h "><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                '</w:rPr><w:t>1</w:t></w:r></w:fldSimple>', b.run(", and see note "),
                '<w:fldSimple w:instr=" NOTEREF _Ref1 \\h "><w:r><w:t>1</w:t></w:r></w:fldSimple>', b.run(","))
    b.paragraph(b.run("Stressing", italic=True), b.run(" it"),
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \\f </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
                b.run(","))
    data = b.to_bytes()
    assert docx_paragraphs(data)[1:] == ["Recalling the Declaration,", "Reaffirming the Declaration, and see note 1,",
                                         "Stressing it,"]
    res = read_docx(data, lang="en")
    assert [p.footnotes for p in res.paragraphs] == [(1,), (1,), (1,)]
    assert [p.footnote_positions for p in res.paragraphs] == [(25,), (27,), (12,)]
    assert [f.number for f in res.footnotes] == [1]


# ── round trips through resdiff's own Word writer ─────────────────────────────────────────────────

# 72/169 OP15 cites footnote 1 a second time: the writer cites it with a NOTEREF field, read as note 1.
_CORPUS_TEXTS = [p.name for p in sorted(CORPUS.glob("*.txt"))]


def notes_as_written(res):
    """The footnotes the Word writer writes: the source's, and for a marker whose text the source lacks,
    a footnote saying so (render.docx.MISSING_NOTE)."""
    from resdiff.model import Footnote
    from resdiff.render.docx import MISSING_NOTE

    notes = {f.number: f for f in res.footnotes if f.text.strip()}
    for p in res.paragraphs:
        for n in p.footnotes:
            notes.setdefault(n, Footnote(n, MISSING_NOTE.get(res.language, MISSING_NOTE["en"])))
    return tuple(sorted(notes.values(), key=lambda f: f.number))


@pytest.mark.parametrize("name", _CORPUS_TEXTS)
def test_clean_document_from_the_word_writer_reads_back_the_same_resolution(name):
    from resdiff.render.docx import resolution_document

    from_text = parse_text((CORPUS / name).read_text(encoding="utf-8"))
    from_word = read_docx(resolution_document(from_text), lang=from_text.language)
    assert [(p.label, p.text, p.footnotes, p.footnote_positions, p.lead, p.subparagraphs)
            for p in from_word.paragraphs] == [
        (p.label, p.text, p.footnotes, p.footnote_positions, p.lead, p.subparagraphs)
        for p in from_text.paragraphs]
    assert from_word.footnotes == notes_as_written(from_text)
    # Header lines that match no field (Header.other, e.g. the session dates of a Human Rights Council
    # text) are printed in the masthead and read back as such.
    assert from_word.header == from_text.header


@pytest.mark.parametrize("old_name, new_name", [
    ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
    ("A_RES_74_153.en.txt", "A_RES_75_180.en.txt"),
    ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt"),
    ("A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt"),
])
def test_redline_from_the_word_writer_reads_as_new_when_accepted_and_old_when_rejected(old_name, new_name):
    from resdiff.comparison import compare
    from resdiff.render.docx import redline_document

    old = parse_text((CORPUS / old_name).read_text(encoding="utf-8"))
    new = parse_text((CORPUS / new_name).read_text(encoding="utf-8"))
    data = redline_document(compare(old, new))
    accepted = read_docx(data, lang=new.language)
    rejected = read_docx(data, lang=old.language, view="reject")
    assert [(p.label, p.text) for p in accepted.paragraphs] == [(p.label, p.text) for p in new.paragraphs]
    assert [(p.label, p.text) for p in rejected.paragraphs] == [(p.label, p.text) for p in old.paragraphs]
    assert accepted.footnotes == notes_as_written(new)
    assert accepted.notes[0].endswith("read with all changes accepted")
    assert rejected.notes[0].endswith("read with all changes rejected")


def test_a_word_file_holding_the_lines_of_a_pdf_extraction_is_read_as_text():
    """What LibreOffice makes of a pdftotext .txt opened and saved as .docx: one Word paragraph per line
    (A_RES_72_169.en.txt of tests/corpus, line by line; synthetic): read like the text itself, with a note."""
    from conftest import corpus
    from docx_builder import DocxBuilder

    from resdiff.read.docx import read_docx
    from resdiff.read.text import parse_text

    text = corpus("A_RES_72_169.en.txt").read_text(encoding="utf-8")
    b = DocxBuilder()
    for line in text.split("\n"):
        b.paragraph(b.run(line.rstrip()) if line.strip() else "")
    res = read_docx(b.to_bytes())
    whole = parse_text(text)
    assert [(p.label, p.key, p.footnotes) for p in res.paragraphs] == [(p.label, p.key, p.footnotes) for p in whole.paragraphs]
    assert any("one Word paragraph per line" in n for n in res.notes)
