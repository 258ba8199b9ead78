"""history(): lineages chained through pairwise alignments; expected values read from the texts themselves."""

from __future__ import annotations

import dataclasses

import pytest

from resdiff import load
from resdiff.errors import UserError
from resdiff.history import find_paragraph, history, margin_note
from resdiff.model import OPERATIVE, PREAMBULAR, Resolution

from conftest import corpus, synthetic_resolution

EN_CHAIN = ["A_RES_72_169.en.txt", "A_RES_74_153.en.txt", "A_RES_75_180.en.txt"]


@pytest.fixture(scope="module")
def en_history():
    # given out of order on purpose: the headers' sessions put them right
    return history([load(corpus(n)) for n in (EN_CHAIN[2], EN_CHAIN[0], EN_CHAIN[1])])


def lineage(h, label):
    return find_paragraph(h, label)


def test_versions_are_ordered_by_session(en_history):
    assert [v.symbol for v in en_history.versions] == ["72/169", "74/153", "75/180"]
    assert [v.session for v in en_history.versions] == [72, 74, 75]
    assert len(en_history.comparisons) == 2
    assert en_history.notes == ()


# Expected values from reading the three texts (tests/corpus):
# PP1  "Programme of Action, adopted by" (72/169) → "Programme of Action adopted by" (74/153, 75/180)
# PP3  recalls 70/153 and HRC 32/6 (72/169) → 72/169 and 38/3 (74/153) → 74/153 and 44/18 (75/180)
# PP11 "Recognizing that the enhancement of international cooperation and genuine dialogue …" first in 74/153
# OP10 "a cooperative approach" (72/169) → "a cooperative and constructive approach" (74/153, 75/180)
# OP15 "Encourages all Member States … North-South, South-South and triangular cooperation" first in 74/153,
#      where 72/169's OP15 ("Decides to devote one plenary meeting … seventieth anniversary") is gone
# OP17 "at its seventy-third" → "seventy-fifth" → "seventy-sixth session"
@pytest.mark.parametrize("label,first_seen,last_changed", [
    ("PP1", "72/169", "74/153"),
    ("PP2", "72/169", None),
    ("PP3", "72/169", "75/180"),
    ("PP10", "72/169", None),
    ("PP11", "74/153", None),
    ("PP12", "72/169", None),
    ("OP10", "72/169", "74/153"),
    ("OP15", "74/153", None),
    ("OP16", "72/169", None),
    ("OP17", "72/169", "75/180"),
])
def test_first_seen_and_last_changed_on_the_english_chain(en_history, label, first_seen, last_changed):
    lin = lineage(en_history, label)
    assert (lin.first_seen, lin.last_changed) == (first_seen, last_changed)


def test_a_paragraph_keeps_its_ancestry_under_another_label(en_history):
    # 74/153 inserted PP11, so 72/169's PP11 is PP12 in the later versions
    lin = lineage(en_history, "PP12")
    assert [s.label for s in lin.timeline] == ["PP11", "PP12", "PP12"]
    assert lin.text.startswith("Emphasizing that human rights dialogue should be constructive")
    assert lin.timeline[0].text == lin.text


def test_timeline_statuses_and_margin_notes(en_history):
    lin = lineage(en_history, "PP11")
    assert [(s.version, s.label, s.status, s.text_changed) for s in lin.timeline] == [
        ("72/169", None, None, False), ("74/153", "PP11", "inserted", True), ("75/180", "PP11", "unchanged", False)]
    assert margin_note(lin, en_history) == "new in 74/153"
    assert margin_note(lineage(en_history, "PP3"), en_history) == "since 72/169 · changed 75/180"
    assert margin_note(lineage(en_history, "OP16"), en_history) == "unchanged since 72/169"
    step = lineage(en_history, "OP17").timeline[1]
    assert [s.text for s in step.segments if s.op == "insert"] == ["seventy-fifth"]


def test_removed_paragraphs_are_listed_with_their_last_version(en_history):
    (removed,) = en_history.removed
    assert (removed.label, removed.version, removed.removed_in) == ("OP15", "72/169", "74/153")
    assert removed.text.startswith("Decides to devote one plenary meeting")


def test_order_given_keeps_the_command_line_order():
    h = history([load(corpus(EN_CHAIN[1])), load(corpus(EN_CHAIN[0]))], order="given")
    assert [v.symbol for v in h.versions] == ["74/153", "72/169"]
    assert lineage(h, "OP15").first_seen == "72/169"  # 72/169's OP15 is "new" when read backwards


def test_chinese_pair_moved_paragraph_keeps_its_ancestry():
    h = history([load(corpus("A_RES_51_102.zh.excerpt.txt")), load(corpus("A_RES_55_105.zh.excerpt.txt"))])
    assert [v.symbol for v in h.versions] == ["51/102", "55/105"]
    moved = [lin for lin in h.paragraphs if lin.timeline[-1].status == "moved"]
    assert moved and all(lin.first_seen == "51/102" for lin in moved)
    assert moved[0].timeline[0].label == "PP5"


def _version(base: Resolution, number: str, session: int, paragraphs: list[tuple[str, str]]) -> Resolution:
    header = dataclasses.replace(base.header, number=number, session=session, symbol=f"A/RES/{number}")
    return synthetic_resolution(base, paragraphs, source=f"{number}.txt", header=header)


def test_synthetic_split_and_merge_keep_their_ancestry():
    base = load(corpus(EN_CHAIN[0]))
    ops = [p.text for p in base.paragraphs if p.kind == OPERATIVE]
    pps = [(PREAMBULAR, p.text) for p in base.paragraphs if p.kind == PREAMBULAR]
    first, rest = ops[4].split(", ", 1) if ", " in ops[4] else (ops[4], "")
    v1 = _version(base, "1/1", 1, pps + [(OPERATIVE, t) for t in ops])
    split = ops[:4] + [first + ";", rest[:1].upper() + rest[1:]] + ops[5:]
    v2 = _version(base, "2/1", 2, pps + [(OPERATIVE, t) for t in split])
    merged = split[:1] + [split[1].rstrip(";.") + ", and " + split[2][0].lower() + split[2][1:]] + split[3:]
    v3 = _version(base, "3/1", 3, pps + [(OPERATIVE, t) for t in merged])
    h = history([v3, v1, v2])
    statuses = {s.status for lin in h.paragraphs for s in lin.timeline}
    assert {"split", "merged"} <= statuses
    assert all(lin.first_seen == "1/1" for lin in h.paragraphs)


def test_one_version_only_is_refused():
    with pytest.raises(UserError, match="two or more"):
        history([load(corpus(EN_CHAIN[0]))])


def test_two_different_resolutions_are_refused():
    with pytest.raises(UserError, match="two different resolutions"):
        history([load(corpus("A_RES_72_169.en.txt")), load(corpus("A_RES_51_102.zh.excerpt.txt"))], order="given")


def test_titles_that_differ_on_one_resolution_are_a_note():
    a = load(corpus(EN_CHAIN[0]))
    b = load(corpus(EN_CHAIN[1]))
    b = dataclasses.replace(b, header=dataclasses.replace(b.header, title="Strengthening of international cooperation"))
    h = history([a, b])
    assert any(n.startswith("titles differ") for n in h.notes)


# ── official PDFs (tests/corpus/pdf, copied from the shared corpus) ──────────────────────────────

PDF = corpus("pdf")
NUCLEAR = ["A_RES_80_37.en.pdf", "A_C.1_80_L.24.en.pdf", "A_RES_78_44.en.pdf", "A_RES_79_33.en.pdf"]
DISARMAMENT_COMMISSION = ["A_RES_78_62.en.pdf", "A_RES_79_72.en.pdf", "A_C.1_80_L.48.en.pdf", "A_RES_80_66.en.pdf"]


@pytest.fixture(scope="module")
def nuclear():
    return history([load(PDF / n) for n in NUCLEAR])


@pytest.fixture(scope="module")
def commission():
    return history([load(PDF / n) for n in DISARMAMENT_COMMISSION])


def test_pdf_lineage_order_puts_the_draft_before_the_adopted_text(nuclear):
    assert [v.symbol for v in nuclear.versions] == ["78/44", "79/33", "A/C.1/80/L.24", "80/37"]


# Reducing nuclear danger, read from the PDFs: the preamble and OP1–3 never change; OP4 "… pursuant to
# paragraph 5 of its resolution 77/74 of 7 December 2022" → 78/44 (in 79/33) → 79/33 (in the draft L.24),
# OP5 "report thereon … at its seventy-ninth" → "eightieth" → "eighty-first session", OP6 "provisional
# agenda of its seventy-ninth" → "eightieth" → "eighty-first session"; 80/37 adopts L.24 unchanged.
def test_pdf_lineage_reducing_nuclear_danger(nuclear):
    expected = {f"PP{k}": ("78/44", None) for k in range(1, 13)} | {f"OP{k}": ("78/44", None) for k in (1, 2, 3)} \
        | {f"OP{k}": ("78/44", "A/C.1/80/L.24") for k in (4, 5, 6)}
    assert {lin.label: (lin.first_seen, lin.last_changed) for lin in nuclear.paragraphs} == expected
    assert [s.status for s in lineage(nuclear, "OP4").timeline] == ["unchanged", "modified", "modified", "unchanged"]
    assert nuclear.removed == ()


# Report of the Disarmament Commission, read from the PDFs. 79/72 drops 78/62's OP2 ("Commends … outer
# space") and OP3 ("Notes with regret … not able to reach a consensus"), moves "Reaffirms the importance of
# further enhancing the dialogue" from OP4 to OP2, adds OP3 "Emphasizes the need for a focused and
# results-oriented discussion" and OP4 "Notes the fact that … at its 390th meeting, on 1 April 2024"
# (397th, 7 April 2025 in L.48), and rewrites OP6 "Recommends that the Disarmament Commission consider the
# following items at its substantive session of 2024: (a) [To be determined]" as "… continue
# consideration of the following items at its substantive session of 2025: (a) Recommendations …" (2026
# in L.48). L.48 adds OP9 "Also requests the Disarmament Commission to dedicate three days …", which the
# adopted 80/66 amends ("in informal plenary mode", "as early as possible"). PP2's list of resolutions
# grows in 79/72 and again in L.48.
@pytest.mark.parametrize("label,first_seen,last_changed", [
    ("PP1", "78/62", None),
    ("PP2", "78/62", "A/C.1/80/L.48"),
    ("OP1", "78/62", None),
    ("OP2", "78/62", None),
    ("OP3", "79/72", None),
    ("OP4", "79/72", "A/C.1/80/L.48"),
    ("OP5", "78/62", None),
    ("OP6", "78/62", "A/C.1/80/L.48"),
    ("OP9", "A/C.1/80/L.48", "80/66"),
])
def test_pdf_lineage_report_of_the_disarmament_commission(commission, label, first_seen, last_changed):
    lin = lineage(commission, label)
    assert (lin.first_seen, lin.last_changed) == (first_seen, last_changed)


def test_pdf_lineage_moves_rewrites_and_removals(commission):
    assert [s.label for s in lineage(commission, "OP2").timeline] == ["OP4", "OP2", "OP2", "OP2"]
    assert [s.status for s in lineage(commission, "OP6").timeline][1] == "modified"  # rewritten in place
    assert [(r.label, r.version, r.removed_in) for r in commission.removed] == [
        ("OP2", "78/62", "79/72"), ("OP3", "78/62", "79/72")]


def test_session_is_taken_from_the_number_when_the_header_has_no_session_line():
    # the 51/102 excerpt starts at the title: its session is the 51 of its number
    h = history([load(corpus("A_RES_55_105.zh.excerpt.txt")), load(corpus("A_RES_51_102.zh.excerpt.txt"))])
    assert [(v.symbol, v.session) for v in h.versions] == [("51/102", 51), ("55/105", 55)]
    # a note is display text: in the documents' language
    assert h.notes == ("标题不同：51/102为“增进和保护人权的区域安排”，55/105为“促进和保护人权的区域安排”",)
