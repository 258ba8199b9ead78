"""The one structure finder (read/structure.py) on line streams as each reader makes them."""

from __future__ import annotations

from resdiff.model import Footnote
from resdiff.read.structure import Line, build_resolution, parse_header
from resdiff.read.text import parse_text


def test_a_long_text_without_end_punctuation_is_joined_into_one_paragraph():
    # joining used to copy the paragraph for every joined line; 100,000 lines must stay a plain join
    lines = [f"{'abcdefghij'[i % 10]}word and more words" for i in range(100_000)]
    res = parse_text("The General Assembly,\nRecalling its resolution\n" + "\n".join(lines), lang="en")
    assert len(res.paragraphs) == 1
    assert res.paragraphs[0].text == "Recalling its resolution " + " ".join(lines)


def test_header_lines_matching_no_field_are_kept_in_header_other():
    text = ("Human Rights Council\nThirty-eighth session\n18 June–6 July 2018\nAgenda item 4\n"
            "Resolution adopted by the Human Rights Council on 6 July 2018\n38/3. Title of it\n"
            "The Human Rights Council,\nRecalling its resolutions,\n1. Decides to act.")
    res = parse_text(text, lang="en")
    assert res.header.other == ("18 June–6 July 2018",)
    assert res.header.number == "38/3" and res.header.title == "Title of it"


def test_stream_with_known_paragraph_starts_markers_and_sub_paragraph_markers():
    # as the PDF and Word readers make it: starts, markers and a deeper-level marker are known
    lines = [
        Line("The General Assembly,", starts_paragraph=True),
        Line("Recalling its resolution 70/1 of 25 September", starts_paragraph=True, lead="Recalling",
             markers=((1, 45),)),
        Line("2015, entitled “Transforming our world”,"),
        Line("1. Requests the Secretary-General:", starts_paragraph=True, lead="Requests"),
        Line("a. to report;", starts_paragraph=True, marker="a."),
        Line("(b) to act.", starts_paragraph=True),
    ]
    res = build_resolution(lines, "en", footnotes=(Footnote(1, "Resolution 70/1."),))
    pp1, op1 = res.paragraphs
    assert pp1.text == "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,"
    assert pp1.footnotes == (1,) and pp1.text[: pp1.footnote_positions[0]].endswith("25 September")
    assert pp1.lead == "Recalling"
    assert (op1.label, op1.lead) == ("OP1", "Requests")
    assert op1.text == "Requests the Secretary-General:\na. to report;\n(b) to act."
    assert [(s.marker, s.text) for s in op1.subparagraphs] == [("a.", "to report;"), ("(b)", "to act.")]


def test_gap_after_the_agenda_title_ends_it_and_wrapped_sponsors_are_one_field():
    lines = ["Eightieth session", "Agenda item 71 (c)", "Promotion and protection of human rights: human",
             "rights situations", "Albania, Andorra, Austria, Netherlands (Kingdom of the), New",
             "Zealand, Norway and Ukraine: draft resolution", "Situation of human rights"]
    gaps = [False, False, False, False, True, False, True]
    h = parse_header(lines, "en", gaps)
    assert h["agenda_title"] == "Promotion and protection of human rights: human rights situations"
    assert h["sponsors"] == "Albania, Andorra, Austria, Netherlands (Kingdom of the), New Zealand, Norway and Ukraine"
    assert h["title"] == "Situation of human rights"
    # without measured gaps (text), lines ending in "," or "and" before the sponsors line are theirs
    h = parse_header(["Agenda item 99", "General disarmament", "Bhutan, Cuba,", "and Nepal: draft resolution"], "en")
    assert (h["agenda_title"], h["sponsors"]) == ("General disarmament", "Bhutan, Cuba, and Nepal")
