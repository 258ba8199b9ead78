"""Word redlines: accepting every revision gives the new version, rejecting gives the old one.

Checked three ways: our own reading of the XML (render.wordxml.resolve_package), LibreOffice itself
(tests/lo_tracked.py, run with the system python and python3-uno: AcceptAllTrackedChanges /
RejectAllTrackedChanges), and jubarte-redlines when it is installed. Real corpus pairs, plus synthetic
edits of the seed and of its English original whose test names say what was edited.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEED, corpus
from resdiff import compare, load
from resdiff.model import Draft, Edit, Footnote, Paragraph, Resolution
from resdiff.normalize import normalize
from resdiff.comparison import printed_header_lines
from resdiff.render.docx import (
    draft_document,
    redline_document,
    resolution_document,
)
from resdiff.render.wordxml import UNNUMBERED_NUM_ID, is_custom_mark, resolve_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
TESTS = Path(__file__).resolve().parent
SOFFICE = shutil.which("soffice")
SYSTEM_PYTHON = "/usr/bin/python3"


# ── expectations ──────────────────────────────────────────────────────────────────────────────────

def expected_lines(res: Resolution) -> list[str]:
    """The Word paragraphs of a resolution: header lines, paragraph lines (sub-paragraphs on their
    own line; "5 bis" paragraphs carry their typed label), closing lines."""
    printed = printed_header_lines(res)
    lines = [text for role, text in printed if not role.startswith("closing")]
    for p in res.paragraphs:
        label = f"{p.number} {p.suffix}.\t" if p.kind == "operative" and p.suffix and p.number is not None else ""
        lines += (label + p.text).split("\n")
    return lines + [text for role, text in printed if role.startswith("closing")]


def expected_notes(res: Resolution) -> list[str]:
    notes = []
    for p in res.paragraphs:
        positions = list(p.footnote_positions) + [len(p.text)] * (len(p.footnotes) - len(p.footnote_positions))
        for _, n in sorted(zip(positions, p.footnotes)):
            f = res.footnote(n)
            notes.append(f.text.replace("\n", " ").strip() if f and f.text.strip() else missing_note(res))
    return notes


def without_end_paragraph(texts: list[str]) -> list[str]:
    """A redline whose last paragraph is on one side only ends with an empty, unrevised paragraph (the
    last mark of a document cannot be removed; render.docx._end_paragraph): the texts without it."""
    return texts[:-1] if texts and texts[-1] == "" else texts


def missing_note(res: Resolution) -> str:
    from resdiff.render.docx import MISSING_NOTE

    return MISSING_NOTE.get(res.language, MISSING_NOTE["en"])


def operative_count(res: Resolution) -> int:
    return sum(1 for p in res.paragraphs if p.kind == "operative" and not p.suffix)


def xml_of(data: bytes, name: str = "word/document.xml"):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name)) if name in z.namelist() else None


def revision_elements(data: bytes):
    out = []
    for part in ("word/document.xml", "word/footnotes.xml"):
        root = xml_of(data, part)
        if root is not None:
            out += [el for el in root.iter() if etree.QName(el).localname in (
                "ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart")]
    return out


def all_ids(data: bytes) -> list[str]:
    """w:id of every revision, move range and comment (footnote ids are another id space)."""
    ids = [el.get(W + "id") for el in revision_elements(data)]
    comments = xml_of(data, "word/comments.xml")
    if comments is not None:
        ids += [c.get(W + "id") for c in comments.iter(W + "comment")]
    return ids


def text_of(p) -> str:
    """The text of a w:p element as a reader sees it: a note's custom mark ("*" after a reference with
    w:customMarkFollows) is a mark, not text."""
    return "".join(t.text or "" for t in p.iter(W + "t") if not is_custom_mark(t))


def check_package(data: bytes) -> None:
    """Ids unique, author and date on every revision, python-docx opens it again."""
    import docx

    ids = all_ids(data)
    assert len(ids) == len(set(ids)), "duplicate w:id"
    for el in revision_elements(data):
        assert el.get(W + "author"), etree.tostring(el)[:200]
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", el.get(W + "date") or ""), etree.tostring(el)[:200]
    docx.Document(io.BytesIO(data))


def check_identities(data: bytes, old: Resolution, new: Resolution) -> None:
    """Exactly, in every mode: layout noise is a (layout-author) revision too, so the old characters
    come back on reject."""
    acc, acc_notes = resolve_package(data, accept=True)
    rej, rej_notes = resolve_package(data, accept=False)
    assert without_end_paragraph(acc) == expected_lines(new)
    assert without_end_paragraph(rej) == expected_lines(old)
    assert acc_notes == expected_notes(new)
    assert rej_notes == expected_notes(old)


# ── synthetic edits at the Resolution level ───────────────────────────────────────────────────────

def replace_words(p: Paragraph, before: str, after: str) -> Paragraph:
    """First ``before`` → ``after``; footnote markers after it shift with the text."""
    at = p.text.index(before)
    text = p.text[:at] + after + p.text[at + len(before):]
    shift = len(after) - len(before)
    positions = tuple(pos + shift if pos > at else pos for pos in p.footnote_positions)
    return replace(p, text=text, key=normalize(text), footnote_positions=positions,
                   lead=p.lead if text.startswith(p.lead) else "")


def renumbered(res: Resolution, paragraphs: list[Paragraph]) -> Resolution:
    """New labels PP1.. / OP1.. and operative numbers in the new order."""
    out, pp, op = [], 0, 0
    for p in paragraphs:
        if p.kind == "operative":
            op += 1
            out.append(replace(p, label=f"OP{op}", number=op))
        else:
            pp += 1
            out.append(replace(p, label=f"PP{pp}"))
    return replace(res, paragraphs=tuple(out))


def edited(res: Resolution, zh: bool) -> Resolution:
    """Synthetic edit: PP3 moved after PP6, PP8 and OP5 deleted, a bracketed preambular paragraph
    inserted after PP1, a word changed in OP1, and the text of the first footnote changed."""
    ps = list(res.paragraphs)
    pp = [p for p in ps if p.kind == "preambular"]
    op = [p for p in ps if p.kind == "operative"]
    moved = pp[2]
    pp = pp[:2] + pp[3:6] + [moved] + pp[6:7] + pp[8:]
    inserted = replace(pp[0], label="PPx", lead="",
                       text="[又强调[各国]应当[●]合作，]" if zh else "[Stressing [also] the need for [●] cooperation,]",
                       footnotes=(), footnote_positions=(), subparagraphs=())
    inserted = replace(inserted, key=normalize(inserted.text))
    pp.insert(1, inserted)
    op[0] = replace_words(op[0], "重申", "再次重申") if zh else replace_words(op[0], "Reaffirms", "Strongly reaffirms")
    del op[4]
    new = renumbered(res, pp + op)
    notes = list(res.footnotes)
    if notes:
        notes[0] = Footnote(notes[0].number, notes[0].text + (" 另见A/76/1。" if zh else " See also A/76/1."))
    return replace(new, footnotes=tuple(notes), source="edited")


def split_operative(res: Resolution) -> Resolution:
    """Synthetic split: the first long operative paragraph without footnotes cut in two after a comma
    (the second part a new operative paragraph), the rest renumbered."""
    ps = list(res.paragraphs)
    k = next(i for i, p in enumerate(ps) if p.kind == "operative" and len(p.text) > 200 and not p.footnotes
             and "\n" not in p.text)
    p = ps[k]
    cut = p.text.index(", ", 80) + 2
    first, second = p.text[:cut].rstrip(), p.text[cut:]
    second = second[0].upper() + second[1:]
    a = replace(p, text=first, key=normalize(first))
    b = replace(p, text=second, key=normalize(second), lead="")
    return replace(renumbered(res, ps[:k] + [a, b] + ps[k + 1:]), source="split")


def promoted(res: Resolution, zh: bool) -> Resolution:
    """Synthetic kind change: the last preambular paragraph becomes operative paragraph 1 (the lead
    "Recalling" → "Recalls", the final "，" → "；" in Chinese), the operative paragraphs renumbered."""
    ps = list(res.paragraphs)
    k = max(i for i, p in enumerate(ps) if p.kind == "preambular")
    p = ps[k]
    if zh:
        p = replace_words(p, p.text[-1], "；") if p.text.endswith("，") else p
    else:
        lead = p.lead.split()[0]
        p = replace_words(p, lead, {"Recalling": "Recalls", "Reaffirming": "Reaffirms"}.get(lead, lead + "s"))
        p = replace(p, lead=p.text.split()[0])
    ps[k] = replace(p, kind="operative", number=1)
    return replace(renumbered(res, ps), source="promoted")


def excerpt_from_op5(res: Resolution) -> Resolution:
    """Synthetic excerpt: the preambular paragraphs, then OP5 onwards, printed 5., 6. … (as a page of a
    longer text would be)."""
    ps = [p for p in res.paragraphs if p.kind == "preambular"] + [
        p for p in res.paragraphs if p.kind == "operative" and p.number >= 5]
    return replace(res, paragraphs=tuple(ps), source="excerpt")


def squeezed(res: Resolution) -> Resolution:
    """Synthetic layout edit: the PDF extraction's spaces around digits and Latin text removed (the
    text reader on the squeezed seed), nothing else."""
    from resdiff.read.text import parse_text

    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"(?<=[\u4e00-\u9fff，（(]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z)]) (?=[\u4e00-\u9fff])", "", text)
    return parse_text(text, source="squeezed")


# ── the documents under test (built once; LibreOffice reads all of them in one session) ───────────

def _pair(a: str, b: str):
    return load(corpus(a)), load(corpus(b))


def _cases() -> dict[str, tuple[Resolution, Resolution]]:
    seed = load(SEED)
    en = load(corpus("A_RES_75_180.en.txt"))
    return {
        "zh-51-102-to-55-105": _pair("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt"),
        "en-72-169-to-74-153": _pair("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
        "en-74-153-to-75-180": _pair("A_RES_74_153.en.txt", "A_RES_75_180.en.txt"),
        "en-hrc-28-2-to-38-3": _pair("A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt"),
        "zh-55-109-to-75-180": (load(corpus("A_RES_55_109.zh.excerpt.txt")), seed),
        "zh-seed-synthetic-move-insert-delete-footnote-brackets": (seed, edited(seed, zh=True)),
        "en-75-180-synthetic-move-insert-delete-footnote-brackets": (en, edited(en, zh=False)),
        "zh-seed-synthetic-reversed": (edited(seed, zh=True), seed),
        "zh-seed-synthetic-no-spaces-around-digits": (seed, squeezed(seed)),
        "en-75-180-synthetic-split-operative": (en, split_operative(en)),
        "en-75-180-synthetic-merge-operatives": (split_operative(en), en),
        "en-75-180-synthetic-last-preambular-becomes-op1": (en, promoted(en, zh=False)),
        "zh-seed-synthetic-op1-becomes-last-preambular": (promoted(seed, zh=True), seed),
        "en-75-180-synthetic-excerpts-from-op5-one-word-changed": (
            excerpt_from_op5(en), excerpt_from_op5(edited(en, zh=False))),
    }


@pytest.fixture(scope="module")
def redlines(tmp_path_factory):
    out = {}
    folder = tmp_path_factory.mktemp("redlines")
    for name, (old, new) in _cases().items():
        cmp = compare(old, new)
        data = redline_document(cmp, author="Tester", date=DATE)
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        out[name] = (old, new, cmp, data, path)
    return out


def run_libreoffice(paths: list[Path]) -> dict:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    proc = subprocess.run(
        [SYSTEM_PYTHON, str(TESTS / "lo_tracked.py"), *map(str, paths)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def libreoffice(redlines):
    return run_libreoffice([entry[4] for entry in redlines.values()])


CASES = list(_cases().keys())


# ── our own reading of the XML ────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("name", CASES)
def test_accept_all_gives_new_and_reject_all_gives_old_in_our_xml_reading(redlines, name):
    old, new, cmp, data, _ = redlines[name]
    check_identities(data, old, new)


def test_strict_redline_rejects_to_the_old_characters_exactly():
    """55/109 (web, half-width punctuation) → 75/180 (PDF): with strict, layout differences are
    revisions too, and rejecting all gives the old characters exactly."""
    old, new = load(corpus("A_RES_55_109.zh.excerpt.txt")), load(SEED)
    data = redline_document(compare(old, new, strict=True), date=DATE)
    check_identities(data, old, new)


def revisions_by_author(data: bytes) -> dict[str, list[tuple[str, str]]]:
    """author → [(kind, text)] of every ins/del in the body and the footnotes."""
    out: dict[str, list[tuple[str, str]]] = {}
    for el in revision_elements(data):
        kind = etree.QName(el).localname
        if kind in ("ins", "del"):
            out.setdefault(el.get(W + "author"), []).append((kind, "".join(el.itertext())))
    return out


@pytest.mark.parametrize("name", ["zh-55-109-to-75-180", "zh-seed-synthetic-no-spaces-around-digits"])
def test_layout_noise_is_revised_under_the_layout_author_and_real_changes_under_the_plain_one(redlines, name):
    old, new, cmp, data, _ = redlines[name]
    by_author = revisions_by_author(data)
    assert set(by_author) <= {"Tester", "Tester (layout)"}
    layout = by_author["Tester (layout)"]
    # layout revisions delete and insert the same text up to layout noise: a lone deletion or insertion
    # is a space one side lacks, anything else comes as deletion + insertion ("," → "，")
    gone = "".join(text for kind, text in layout if kind == "del")
    put = "".join(text for kind, text in layout if kind == "ins")
    assert gone != put and normalize(gone) == normalize(put)
    for k, (kind, text) in enumerate(layout):
        paired = (kind == "del" and k + 1 < len(layout) and layout[k + 1][0] == "ins") or (
            kind == "ins" and k and layout[k - 1][0] == "del")
        assert paired or not text.strip(), (kind, text)
    if "squeezed" in name or "no-spaces" in name:
        assert "Tester" not in by_author  # nothing but layout changed
        assert any(kind == "del" and " " in text for kind, text in layout)
    else:
        assert by_author["Tester"]  # 20 years of real changes, under the plain author
        assert ("del", ",") in layout and ("ins", "，") in layout


def test_numbers_that_jump_are_typed_old_deleted_new_inserted():
    """Synthetic: the new text prints 1, 2, 4 … (a source that skipped 3): no list start can show that,
    so every operative paragraph types its number; where old and new differ, old deleted, new inserted."""
    en = load(corpus("A_RES_75_180.en.txt"))
    ps = [replace(p, number=p.number + 1, label=f"OP{p.number + 1}") if p.kind == "operative" and p.number >= 3
          else p for p in en.paragraphs]
    jumped = replace(en, paragraphs=tuple(ps))
    data = redline_document(compare(en, jumped), date=DATE)
    for accept, res in ((True, jumped), (False, en)):
        texts, _ = resolve_package(data, accept=accept)
        typed = [t.split("\t")[0] for t in texts if re.match(r"\d+\.\t", t)]
        assert typed == printed_numbers(res), accept
    assert schema_errors_of(data) == []


def schema_errors_of(data: bytes) -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return schema_errors(data, Path(folder))


@pytest.mark.parametrize("name", ["en-75-180-synthetic-split-operative", "en-75-180-synthetic-merge-operatives"])
def test_split_and_merge_marks_are_structure_under_the_plain_author(redlines, name):
    """The comparison sees the split as a space that became a line break (layout noise); the paragraph
    mark is structure all the same: hiding the layout author must not hide it."""
    old, new, cmp, data, _ = redlines[name]
    assert any(pd.status in ("split", "merged") for pd in cmp.pairs)
    marks = [el for el in xml_of(data).iter(f"{W}rPr") if el.getparent().tag == W + "pPr"
             for el in el if etree.QName(el).localname in ("ins", "del")]
    assert marks and {m.get(W + "author") for m in marks} == {"Tester"}


def test_strict_redline_has_no_layout_author():
    old, new = load(corpus("A_RES_55_109.zh.excerpt.txt")), load(SEED)
    data = redline_document(compare(old, new, strict=True), author="Tester", date=DATE)
    assert set(revisions_by_author(data)) == {"Tester"}


@pytest.mark.parametrize("name", CASES)
def test_ids_unique_every_revision_has_author_and_date_and_python_docx_reopens(redlines, name):
    data = redlines[name][3]
    check_package(data)
    for el in revision_elements(data):
        if etree.QName(el).localname in ("ins", "del", "moveFrom", "moveTo"):
            assert el.get(W + "author") in ("Tester", "Tester (layout)")
            assert el.get(W + "date") == "2026-11-28T12:00:00Z"


@pytest.mark.parametrize("name, now, before", [
    ("en-75-180-synthetic-last-preambular-becomes-op1", "UNOperative", "UNPreambular"),
    ("zh-seed-synthetic-op1-becomes-last-preambular", "UNPreambular", "UNOperative"),
])
def test_synthetic_kind_change_is_a_tracked_paragraph_property_change(redlines, name, now, before):
    """The paragraph whose kind changed carries w:pPrChange with its old style (and, for an old operative
    paragraph, the operative list named, for LibreOffice), stamped like every revision; nothing else
    does, and the markup style (no revisions) has none."""
    old, new, cmp, data, _ = redlines[name]
    changed = [p for p in xml_of(data).iter(W + "p") if p.find(f"{W}pPr/{W}pPrChange") is not None]
    assert len(changed) == 1
    ppr = changed[0].find(W + "pPr")
    change = ppr.find(W + "pPrChange")
    assert ppr.find(W + "pStyle").get(W + "val") == now
    assert change.find(f"{W}pPr/{W}pStyle").get(W + "val") == before
    assert change.get(W + "author") == "Tester" and change.get(W + "date")
    num = change.find(f"{W}pPr/{W}numPr/{W}numId")
    assert (num is not None and num.get(W + "val") == "1") == (before == "UNOperative")
    markup = redline_document(cmp, author="Tester", date=DATE, style="markup")
    assert xml_of(markup).find(f".//{W}pPrChange") is None


@pytest.mark.parametrize("name", [n for n in CASES if "synthetic-move" in n])
def test_synthetic_move_is_a_word_move_with_named_ranges(redlines, name):
    data = redlines[name][3]
    root = xml_of(data)
    starts = {el.get(W + "name") for el in root.iter(W + "moveFromRangeStart")}
    ends = {el.get(W + "name") for el in root.iter(W + "moveToRangeStart")}
    assert starts and starts == ends
    assert root.find(f".//{W}moveFrom/{W}r/{W}t") is not None  # moved-from text stays w:t (ECMA-376)
    assert root.find(f".//{W}pPr/{W}rPr/{W}moveFrom") is not None
    for kind in ("moveFrom", "moveTo"):
        start_ids = [el.get(W + "id") for el in root.iter(f"{W}{kind}RangeStart")]
        end_ids = [el.get(W + "id") for el in root.iter(f"{W}{kind}RangeEnd")]
        assert sorted(start_ids) == sorted(end_ids)


@pytest.mark.parametrize("name", [n for n in CASES if "synthetic-move" in n])
def test_synthetic_footnote_change_is_tracked_inside_the_footnotes_part(redlines, name):
    data = redlines[name][3]
    notes = xml_of(data, "word/footnotes.xml")
    assert notes is not None
    assert notes.find(f".//{W}ins") is not None
    text = "".join(notes.itertext())
    assert "A/76/1" in text


def test_synthetic_bracket_paragraph_keeps_its_brackets_and_is_inserted_with_its_mark(redlines):
    data = redlines["zh-seed-synthetic-move-insert-delete-footnote-brackets"][3]
    root = xml_of(data)
    for p in root.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        if text == "[又强调[各国]应当[●]合作，]":
            assert p.find(f"{W}pPr/{W}rPr/{W}ins") is not None
            break
    else:
        pytest.fail("bracketed paragraph not found whole")


def test_zh_real_pair_keeps_whole_words_and_whole_numbers(redlines):
    """51/102 → 55/105: 增进→促进 as a whole word, 51/102 → 55/105 as whole numbers (not 5[5][1])."""
    root = xml_of(redlines["zh-51-102-to-55-105"][3])
    deleted = ["".join(d.itertext()) for d in root.iter(W + "del")]
    inserted = ["".join(i.itertext()) for i in root.iter(W + "ins")]
    assert "增进" in deleted and "促进" in inserted
    assert "51/102" in deleted and "55/105" in inserted
    assert not any(len(d) == 1 and d in "增促" for d in deleted)


# ── LibreOffice itself ────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("name", CASES)
def test_libreoffice_accept_all_and_reject_all(redlines, libreoffice, name):
    old, new, cmp, data, path = redlines[name]
    result = libreoffice[str(path)]
    assert result["redlines"] > 0
    for mode, res in (("accept", new), ("reject", old)):
        got = result[mode]
        assert got["redlines_left"] == 0
        paragraphs = without_end_paragraph(got["paragraphs"])
        if name == "zh-55-109-to-75-180" and mode == "accept":
            # LibreOffice 7.4 leaves an empty paragraph where it accepts the deletion of 55/109's PP1
            # (a paragraph with a footnote reference, its mark deleted as Word wants it; Word's model,
            # jubarte-redlines and our reading remove it). Moving the mark's deletion to the paragraph
            # before, as resdiff once did, put a struck number on a kept paragraph and gave it the
            # deleted one's style in Word's model: LibreOffice's quirk is the lesser harm.
            paragraphs = [p for p in paragraphs if p]
        assert paragraphs == expected_lines(res), mode
        assert [n.strip() for n in got["footnotes"]] == expected_notes(res), mode
        labels = [label for label in got["labels"] if label]
        assert labels == printed_numbers(res), f"{mode}: numbering {labels}"


# ── third opinion: jubarte-redlines (optional test dependency) ───────────────────────────────────

@pytest.mark.parametrize("name", CASES)
def test_jubarte_redlines_accept_and_reject(redlines, name):
    jubarte = pytest.importorskip("jubarte_redlines")
    import docx

    old, new, cmp, data, _ = redlines[name]
    for fn, res in ((jubarte.accept_revisions, new), (jubarte.reject_revisions, old)):
        resolved = docx.Document(io.BytesIO(fn(data)))
        texts = [text_of(p._p) for p in resolved.paragraphs]
        assert without_end_paragraph(texts) == expected_lines(res), fn.__name__


# ── schema: what Word's own validator would say (openxml-audit, a port of the Open XML SDK's) ─────

def schema_errors(data: bytes, tmp_path: Path, name: str = "out.docx") -> list[str]:
    from openxml_audit import OpenXmlValidator

    path = tmp_path / name
    path.write_bytes(data)
    return [str(e) for e in OpenXmlValidator().validate(str(path)).errors]


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("style", ["track", "markup"])
def test_every_redline_is_schema_valid(redlines, name, style, tmp_path):
    old, new, cmp, data, _ = redlines[name]
    if style == "markup":
        data = redline_document(cmp, author="Tester", date=DATE, style="markup")
    assert schema_errors(data, tmp_path) == []


@pytest.mark.parametrize("source", ["A_RES_75_180.zh.txt", "A_RES_75_180.en.txt", "A_RES_55_105.zh.excerpt.txt"])
def test_every_draft_and_clean_document_is_schema_valid(source, tmp_path):
    from resdiff.draft import draft_next as make_draft

    res = load(corpus(source))
    assert schema_errors(resolution_document(res), tmp_path, "clean.docx") == []
    result = make_draft(res)
    data = draft_document(result, compare(result.previous, result.resolution), date=DATE)
    assert schema_errors(data, tmp_path, "draft.docx") == []


def test_package_carries_no_template_leftovers_and_the_documents_own_properties(redlines):
    import docx

    old, new, cmp, data, _ = redlines["en-74-153-to-75-180"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        rels = z.read("_rels/.rels").decode() + z.read("word/_rels/document.xml.rels").decode()
    assert not {n for n in names if "stylesWithEffects" in n or "thumbnail" in n or n.startswith("customXml/")}
    assert "stylesWithEffects" not in rels and "thumbnail" not in rels
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "A/RES/75/180 Enhancement of international cooperation in the field of human rights"
    assert core.author == core.last_modified_by == "Tester"
    assert core.created == core.modified == DATE
    assert "template" not in (core.comments + core.title).lower()


# ── Word's model of paragraph marks: styles and numbers after accepting / rejecting ──────────────

def expected_styles(res: Resolution) -> list[str]:
    """Style of each line of expected_lines(res)."""
    from resdiff.render.docx import _style_of

    printed = printed_header_lines(res)
    styles = [_style_of(role) for role, _ in printed if not role.startswith("closing")]
    for p in res.paragraphs:
        first = "UNOperative" if p.kind == "operative" else "UNPreambular"
        styles += [first] + ["UNSubparagraph"] * p.text.count("\n")
    return styles + ["UNClosing" for role, _ in printed if role.startswith("closing")]


def printed_numbers(res: Resolution) -> list[str]:
    """The automatic numbers the operative paragraphs must show ("5 bis" types its own)."""
    return [f"{p.number}." for p in res.paragraphs if p.kind == "operative" and not p.suffix]


def word_model_view(data: bytes, accept: bool) -> tuple[list[str], list[str], list[str]]:
    """(texts, style ids, automatic numbers) after jubarte-redlines (a Word-faithful engine: a removed
    paragraph mark merges its text into the next paragraph, which keeps ITS properties) accepts or
    rejects everything; numbers counted as Word counts them: paragraphs in the numbered list."""
    jubarte = pytest.importorskip("jubarte_redlines")
    resolved = (jubarte.accept_revisions if accept else jubarte.reject_revisions)(data)
    root = xml_of(resolved)
    texts, styles, numbers = [], [], []
    start = xml_of(resolved, "word/numbering.xml").find(f".//{W}abstractNum[@{W}abstractNumId='1']//{W}start")
    count = int(start.get(W + "val")) - 1
    for p in root.find(W + "body").iter(W + "p"):
        texts.append(text_of(p))
        style = p.find(f"{W}pPr/{W}pStyle")
        styles.append(style.get(W + "val") if style is not None else "Normal")
        own = p.find(f"{W}pPr/{W}numPr/{W}numId")
        if styles[-1] == "UNOperative" and (own is None or own.get(W + "val") != str(UNNUMBERED_NUM_ID)):
            count += 1
            numbers.append(f"{count}.")
    if texts and texts[-1] == "" and styles[-1] == "UNClosing":  # the end paragraph
        texts, styles = texts[:-1], styles[:-1]
    return texts, styles, numbers


@pytest.mark.parametrize("name", CASES)
def test_word_model_keeps_every_paragraph_in_its_style_with_its_number(redlines, name):
    old, new, cmp, data, _ = redlines[name]
    for accept, res in ((True, new), (False, old)):
        texts, styles, numbers = word_model_view(data, accept)
        assert texts == expected_lines(res)
        assert styles == expected_styles(res), "accept" if accept else "reject"
        assert numbers == printed_numbers(res)


def seed_draft():
    from resdiff.draft import draft_next

    result = draft_next(load(SEED))
    return result, draft_document(result, compare(result.previous, result.resolution), date=DATE)


def test_seed_draft_accepted_in_words_model_keeps_op17_numbered_in_its_style():
    """75/180 → draft: the adoption and closing lines after OP17 are removed; OP17 must stay OP17."""
    result, data = seed_draft()
    for accept, res in ((True, result.resolution), (False, result.previous)):
        texts, styles, numbers = word_model_view(data, accept)
        assert texts == expected_lines(res)
        assert styles == expected_styles(res)
        assert numbers == printed_numbers(res) == [f"{k}." for k in range(1, 18)]
    texts, styles, _ = word_model_view(data, True)
    assert styles[-1] == "UNOperative" and texts[-1].startswith("决定")


def without_comments(data: bytes) -> bytes:
    """The package with the comment anchors taken out of the body: LibreOffice 7.4's headless UNO load
    (tests/lo_tracked.py) fails on a file with Word comments, though --convert-to opens it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for name in z.namelist():
            part = z.read(name)
            if name == "word/document.xml":
                root = etree.fromstring(part)
                for el in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
                    holder = el if el.tag != W + "commentReference" else el.getparent()
                    if holder.getparent().tag == W + "del" and len(holder.getparent()) == 1:
                        holder = holder.getparent()
                    holder.getparent().remove(holder)
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            w.writestr(name, part)
    return out.getvalue()


def test_libreoffice_accepts_and_rejects_the_seed_draft_with_the_printed_numbers(tmp_path):
    result, data = seed_draft()
    path = tmp_path / "draft.docx"
    path.write_bytes(without_comments(data))
    got = run_libreoffice([path])[str(path)]
    for mode, res in (("accept", result.resolution), ("reject", result.previous)):
        assert got[mode]["redlines_left"] == 0
        assert without_end_paragraph(got[mode]["paragraphs"]) == expected_lines(res), mode
        assert [label for label in got[mode]["labels"] if label] == printed_numbers(res), mode


def test_redline_ending_in_deleted_paragraphs_keeps_the_last_kept_operative_paragraph():
    """Synthetic: the seed against itself without OP16 and OP17 (the document ends in deletions)."""
    seed = load(SEED)
    new = replace(seed, paragraphs=seed.paragraphs[:-2])
    new = replace(new, header=replace(new.header, closing=()))
    data = redline_document(compare(seed, new), date=DATE)
    texts, styles, numbers = word_model_view(data, True)
    assert texts == expected_lines(new) and styles == expected_styles(new)
    assert numbers == printed_numbers(new) == [f"{k}." for k in range(1, 16)]
    last = xml_of(data).find(W + "body").findall(W + "p")[-1]
    assert "".join(last.itertext()) == "" and last.find(f"{W}pPr/{W}rPr") is None  # the end paragraph


# ── other outputs ─────────────────────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("source", ["A_RES_75_180.zh.txt", "A_RES_75_180.en.txt"])
def test_clean_document_has_no_revisions_numbered_operatives_and_real_footnotes(source):
    res = load(corpus(source))
    data = resolution_document(res)
    check_package(data)
    assert not revision_elements(data)
    texts, notes = resolve_package(data, accept=True)
    assert texts == expected_lines(res)
    assert notes == expected_notes(res) and len(notes) == len(res.footnotes)
    root = xml_of(data)
    assert root.find(f".//{W}footnoteReference") is not None
    body = "".join(root.itertext())
    assert not re.search(r"(^|\n)1\.\s", body)  # numbers come from numbering.xml, not typed
    styles = [p.find(f"{W}pPr/{W}pStyle").get(W + "val") for p in root.iter(W + "p")]
    assert styles.count("UNOperative") == operative_count(res)


def test_clean_zh_document_sets_east_asian_font_and_bold_operative_verbs():
    res = load(SEED)
    data = resolution_document(res)
    styles = xml_of(data, "word/styles.xml")
    fonts = styles.find(f".//{W}style[@{W}styleId='Normal']//{W}rFonts")
    assert fonts.get(W + "eastAsia") == "SimSun"
    root = xml_of(data)
    op = next(p for p in res.paragraphs if p.kind == "operative" and p.lead)
    bold_texts = ["".join(r.itertext()) for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}b") is not None]
    assert op.lead in bold_texts


def test_markup_style_has_no_revisions_but_struck_and_underlined_runs(redlines):
    old, new, cmp, _, _ = redlines["en-75-180-synthetic-move-insert-delete-footnote-brackets"]
    data = redline_document(cmp, style="markup")
    check_package(data)
    assert not revision_elements(data)
    root = xml_of(data)
    struck = [r for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}strike") is not None]
    under = [r for r in root.iter(W + "r") if r.find(f"{W}rPr/{W}u") is not None and r.find(f"{W}rPr/{W}b") is not None]
    assert struck and under
    assert "Strongly" in "".join("".join(r.itertext()) for r in under)
    # The deleted OP5 keeps its old number, typed and struck, outside the automatic count.
    assert any("".join(r.itertext()) == "5." and r.find(W + "tab") is not None for r in struck)


def test_markup_of_a_deleted_operative_with_footnotes_numbers_the_right_paragraphs():
    """Real pair 72/169 → 74/153: OP15 (with footnotes 6 and 7) is deleted. In markup it shows "15."
    typed and struck at the list's indentation; OP14 before it keeps its automatic number (the
    paragraph-mark workarounds of tracked changes must not apply to markup)."""
    old, new = load(corpus("A_RES_72_169.en.txt")), load(corpus("A_RES_74_153.en.txt"))
    root = xml_of(redline_document(compare(old, new), style="markup"))
    paragraphs = list(root.iter(W + "p"))

    def text(p):
        return "".join(t.text or "" for t in p.iter(W + "t"))

    def own_num_id(p):
        el = p.find(f"{W}pPr/{W}numPr/{W}numId")
        return None if el is None else el.get(W + "val")

    invites = next(p for p in paragraphs if text(p).startswith("Invites States"))
    deleted = next(p for p in paragraphs if "Decides to devote one plenary meeting" in text(p))
    assert own_num_id(invites) is None  # numbered by its style, automatically
    assert own_num_id(deleted) == str(UNNUMBERED_NUM_ID) and text(deleted).startswith("15.")
    assert deleted.find(f"{W}pPr/{W}ind") is not None  # sits where an automatic number would


def test_redline_rejects_unknown_style(redlines):
    cmp = redlines["zh-51-102-to-55-105"][2]
    with pytest.raises(ValueError):
        redline_document(cmp, style="colourful")


def test_draft_document_comments_each_edited_paragraph_and_highlights_placeholders(redlines):
    old, new, cmp, _, _ = redlines["zh-seed-synthetic-move-insert-delete-footnote-brackets"]
    edits = (
        Edit("session", "header", "第七十五届会议", "第七十六届会议", note="next session"),
        Edit("placeholder", "PP2", "", "[●]", note="fill in", placeholder=True),
        Edit("forward-session", new.paragraphs[-1].label, "第七十六届", "第七十七届"),
    )
    draft = Draft(previous=old, resolution=new, edits=edits)
    data = draft_document(draft, cmp, author="Drafter", date=DATE)
    check_package(data)
    check_identities(data, old, new)
    comments = xml_of(data, "word/comments.xml")
    texts = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert len(texts) == 3
    assert any("请起草人填写 [●]" in t and t.endswith("（placeholder）") for t in texts)  # Chinese text
    assert all(c.get(W + "author") == "Drafter" for c in comments.iter(W + "comment"))
    root = xml_of(data)
    starts = [el.get(W + "id") for el in root.iter(W + "commentRangeStart")]
    refs = [el.get(W + "id") for el in root.iter(W + "commentReference")]
    assert sorted(starts) == sorted(refs) and len(starts) == 3
    yellow = ["".join(r.itertext()) for r in root.iter(W + "r")
              if r.find(f"{W}rPr/{W}highlight[@{W}val='yellow']") is not None]
    assert "[●]" in yellow


def comments_with_anchors(data: bytes) -> list[tuple[str, str, bool]]:
    """(comment text, the text its range covers, range deleted) for every comment, body or footnotes."""
    comments = xml_of(data, "word/comments.xml")
    out = []
    for c in comments.iter(W + "comment"):
        cid = c.get(W + "id")
        for part in ("word/document.xml", "word/footnotes.xml"):
            root = xml_of(data, part)
            start = root.find(f".//{W}commentRangeStart[@{W}id='{cid}']")
            if start is None:
                continue
            covered, el = [], start.getnext()
            while el is not None and not (el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid):
                covered.append(el)
                el = el.getnext()
            ref = root.find(f".//{W}commentReference[@{W}id='{cid}']")
            deleted = ref.getparent().getparent().tag == W + "del"
            out.append(("".join(c.itertext()), "".join("".join(e.itertext()) for e in covered), deleted))
    return out


@pytest.mark.parametrize("source", ["A_RES_75_180.zh.txt", "A_RES_75_180.en.txt"])
def test_draft_has_one_comment_per_edit_on_the_edited_text_in_the_documents_language(source):
    from resdiff.draft import draft_next

    result = draft_next(load(corpus(source)))
    data = draft_document(result, compare(result.previous, result.resolution), date=DATE)
    found = comments_with_anchors(data)
    assert len(found) == len(result.edits) == 13
    zh = source.endswith(".zh.txt")
    for edit, (text, covered, deleted) in zip(result.edits, found):
        assert text.endswith(f"（{edit.rule}）") if zh else text.startswith(f"{edit.rule}: ")
        assert "→ ." not in text and "→  " not in text and " → “”" not in text
        if zh:
            assert re.search(r"[\u4e00-\u9fff]", text.split("：")[0])  # Chinese words, not an English note
            assert not re.search(r"[a-z]{4,}", text.replace(edit.rule, "").replace(edit.before, "").replace(edit.after, ""))
        if edit.label.startswith("footnote"):  # on the note's reference (LibreOffice cannot open a
            assert covered == "" and not deleted  # file with a comment inside a footnote)
        elif edit.after:  # anchored on the changed words: the new ones are there, no unchanged line around
            bare = re.sub(r"\s+", "", edit.after)
            assert any(bare[i:i + 2] in covered for i in range(len(bare) - 1)), (edit, covered)
            assert len(covered) < len(edit.before) + len(edit.after) + 10, (edit, covered)
            assert not deleted
        else:  # a removed line: anchored on it, and its comment goes with it on Accept All
            assert " ".join(edit.before.split()) in " ".join(covered.split()) and deleted
    labels = [edit.label for edit in result.edits]
    assert "OP17" in labels and "footnote 3" in labels


def test_no_struck_space_stands_alone_next_to_an_insertion():
    """第[●]号 / A[●]节 in the seed draft: the space the placeholder text lacks is struck together with
    the words it followed, not as a lone struck mark after the placeholder."""
    _, data = seed_draft()
    for part in ("word/document.xml", "word/footnotes.xml"):
        for p in xml_of(data, part).iter(W + "p"):
            kids = [el for el in p if el.tag in (W + "ins", W + "del", W + "r")]
            for k, el in enumerate(kids):
                if el.tag == W + "del" and not "".join(el.itertext()).strip():
                    neighbours = kids[max(k - 1, 0):k] + kids[k + 1:k + 2]
                    assert any(n.tag == W + "del" for n in neighbours) or not any(
                        n.tag == W + "ins" for n in neighbours), etree.tostring(p, encoding="unicode")[:300]


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_zh_and_en_redlines_to_pdf(redlines, tmp_path):
    paths = [redlines[n][4] for n in ("zh-seed-synthetic-move-insert-delete-footnote-brackets",
                                      "en-75-180-synthetic-move-insert-delete-footnote-brackets")]
    proc = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, paths)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    for p in paths:
        pdf = tmp_path / (p.stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 10_000


def test_templates_define_every_style_the_renderer_uses_and_package_copies_match_the_repo():
    import docx

    from resdiff.render.docx import STYLE_NAMES

    root = TESTS.parent
    for lang in ("zh", "en"):
        repo = (root / "templates" / f"resolution-{lang}.docx").read_bytes()
        package = (root / "src" / "resdiff" / "templates" / f"resolution-{lang}.docx").read_bytes()
        assert repo == package, f"run templates/build_templates.py: package copy of {lang} differs"
        ids = {s.style_id for s in docx.Document(io.BytesIO(repo)).styles}
        assert set(STYLE_NAMES) | {"FootnoteText", "FootnoteReference", "CommentText", "CommentReference"} <= ids
        section = docx.Document(io.BytesIO(repo)).sections[0]
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_72_169_second_citation_of_footnote_1_is_a_noteref_field_not_a_new_footnote():
    """72/169 OP15 cites footnote 1 again: Word's NOTEREF field to a bookmark on the first reference."""
    res = load(corpus("A_RES_72_169.en.txt"))
    data = resolution_document(res)
    root, notes = xml_of(data), xml_of(data, "word/footnotes.xml")
    fields = [f.get(W + "instr") for f in root.iter(W + "fldSimple")]
    assert len(fields) == 1 and fields[0].split()[0] == "NOTEREF" and "\\f" in fields[0].split()
    name = fields[0].split()[1]
    start = next(b for b in root.iter(W + "bookmarkStart") if b.get(W + "name") == name)
    assert start.getnext().find(f"{W}footnoteReference").get(W + "id") == "1"
    real_notes = [n for n in notes.iter(W + "footnote") if int(n.get(W + "id")) > 0]
    assert len(real_notes) == len(res.footnotes)
    assert resolve_package(data, accept=True)[1] == expected_notes(res)
    if SOFFICE:  # LibreOffice reads the field as a reference, not as text, and keeps six notes
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "72-169.docx"
            path.write_bytes(data)
            got = run_libreoffice([path])[str(path)]["as_is"]
        assert got["paragraphs"] == expected_lines(res)
        assert len(got["footnotes"]) == len(res.footnotes)


def test_redline_shows_header_lines_matching_no_field():
    """Synthetic edit: Header.other lines of the real 74/153 text changed and added: the redline tracks
    them, Accept All gives the new lines and Reject All the old ones."""
    import dataclasses

    from resdiff.read.docx import docx_paragraphs

    base = load(TESTS / "corpus" / "A_RES_74_153.en.txt")

    def other(lines):
        return dataclasses.replace(base, header=dataclasses.replace(base.header, other=tuple(lines)))

    data = redline_document(compare(other(["Distr.: General", "Original: English"]),
                                    other(["Distr.: Limited", "Original: English", "Revised draft"])), date=DATE)
    accepted, rejected = docx_paragraphs(data), docx_paragraphs(data, "reject")
    assert "Distr.: Limited" in accepted and "Revised draft" in accepted and "Distr.: General" not in accepted
    assert "Distr.: General" in rejected and "Revised draft" not in rejected
    assert "Original: English" in accepted and "Original: English" in rejected
