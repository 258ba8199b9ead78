"""Next-session draft as a whole, on the real texts of the 72/169 → 74/153 → 75/180 series (zh seed and English
originals); each rule family has its own file (test_draft_<family>.py)."""

from __future__ import annotations

from dataclasses import replace

from conftest import SEED, corpus
from draft_builders import edits_by_rule, en_resolution, para, texts
from resdiff.comparison import compare
from resdiff.draft import draft_next
from resdiff.read import read_file


def test_seed_draft_for_the_seventy_sixth_session():
    previous = read_file(SEED)
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session == 76 and res.header.session_text == "第七十六届会议"
    pp3 = res.paragraph("PP3").text
    assert "大会 2020 年 12 月 16 日第 75/180 号决议" in pp3
    assert "74/153" not in pp3
    assert "人权理事会[●]年[●]月[●]日第[●]号决议" in pp3
    assert res.paragraph("OP17").text == "决定在大会第七十七届会议上继续审议这个问题。"
    changed = {p.label for p, q in zip(res.paragraphs, previous.paragraphs) if p != q}
    assert changed == {"PP3", "OP17"}
    # the Subcommission's fifty-second session and the Official Records in other footnotes are facts
    assert res.paragraph("PP15").text == previous.paragraph("PP15").text
    assert res.footnote(3).text == "见《大会正式记录，第七十六届会议，补编第 53 号》(A/76/53)，第[●]章，[●]节。"
    assert [f for f in res.footnotes if f.number != 3] == [f for f in previous.footnotes if f.number != 3]
    rules = {e.rule for e in draft.edits}
    assert {"session", "recall-chain", "forward-session"} <= rules and len(draft.edits) >= 3
    # footnote markers still sit where they did: after 《联合国千年宣言》、 and after the Council reference
    p = res.paragraph("PP3")
    assert [p.text[:pos][-6:] for pos in p.footnote_positions] == ["千年宣言》、", "[●]号决议"]


def test_seed_draft_agrees_with_the_real_successor_76_159():
    """A/RES/76/159 (corpus README): 'Seventy-sixth session', recalls 'its resolution 75/180 of 16 December 2020'."""
    draft = draft_next(read_file(corpus("A_RES_75_180.en.txt")))
    assert draft.resolution.header.session_text == "Seventy-sixth session"
    assert "its resolution 75/180 of 16 December 2020" in draft.resolution.paragraph("PP3").text


def test_english_draft_from_74_153_carries_the_updates_of_the_real_75_180():
    previous = read_file(corpus("A_RES_74_153.en.txt"))
    real = read_file(corpus("A_RES_75_180.en.txt"))
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session_text == real.header.session_text == "Seventy-fifth session"
    assert "its resolution 74/153 of 18 December 2019" in res.paragraph("PP3").text
    assert "its resolution 74/153 of 18 December 2019" in real.paragraph("PP3").text
    # the real text names the new Council resolution; the draft leaves the place for it, flagged
    assert res.paragraph("PP3").text == real.paragraph("PP3").text.replace("44/18 of 17 July 2020", "[●] of [●]")
    assert res.paragraph("OP17").text == real.paragraph("OP17").text == (
        "Decides to continue its consideration of the question at its seventy-sixth session.")
    # footnote 3: same Official Records session and symbol as the real one; chapter and section flagged
    assert real.footnote(3).text.startswith("See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53)")
    assert res.footnote(3).text == "See Official Records of the General Assembly, Seventy-fifth Session, Supplement No. 53 (A/75/53), chap. [●], sect. [●]."
    assert [e for e in draft.edits if e.label == "footnote 3"][0].placeholder
    # not sessions of the Assembly: the Subcommission's fifty-second session stays
    assert "at its fifty-second session" in res.paragraph("PP15").text
    assert "at its fifty-second session" in real.paragraph("PP15").text
    changed = {p.label for p, q in zip(res.paragraphs, previous.paragraphs) if p != q}
    assert changed == {"PP3", "OP17"}


def test_synthetic_anniversary_next_to_a_forward_session_reference_in_74_153():
    """Synthetic edit of the real 74/153: OP17 also mentions a 'seventy-fifth anniversary' (not a session)."""
    text = corpus("A_RES_74_153.en.txt").read_text(encoding="utf-8").replace(
        "at its seventy-fifth \nsession.", "at its seventy-fifth \nsession, the year of the seventy-fifth anniversary of the United Nations.")
    from resdiff.read.text import parse_text

    previous = parse_text(text, lang="en")
    assert "seventy-fifth anniversary" in previous.paragraph("OP17").text
    res = draft_next(previous).resolution
    assert res.paragraph("OP17").text == (
        "Decides to continue its consideration of the question at its seventy-sixth session, "
        "the year of the seventy-fifth anniversary of the United Nations.")


def test_english_draft_from_72_169():
    previous = read_file(corpus("A_RES_72_169.en.txt"))
    draft = draft_next(previous)
    res = draft.resolution
    assert res.header.session_text == "Seventy-third session"
    assert res.header.symbol == "A/C.3/73/L.[●]"
    pp3 = res.paragraph("PP3").text
    assert "its resolution 72/169 of 19 December 2017" in pp3 and "70/153" not in pp3
    assert "Human Rights Council resolution [●] of [●]" in pp3
    assert res.footnote(3).text == "See Official Records of the General Assembly, Seventy-third Session, Supplement No. 53 (A/73/53), chap. [●], sect. [●]."
    assert res.paragraph("OP17").text.endswith("at its seventy-fourth session.")
    # OP15's one-off commemoration moves with the session, but the edit says to check it
    op15 = [e for e in draft.edits if e.label == "OP15"]
    assert len(op15) == 1 and "anniversary" in op15[0].note
    assert "seventieth anniversary" in res.paragraph("OP15").text
    assert "fifty-second session" in res.paragraph("PP14").text or "fifty-second session" in res.paragraph("PP13").text


def test_comparing_the_draft_with_its_source_shows_exactly_the_listed_paragraph_edits():
    for name in ("A_RES_75_180.zh.txt", "A_RES_74_153.en.txt", "A_RES_72_169.en.txt"):
        draft = draft_next(read_file(corpus(name)))
        cmp = compare(draft.previous, draft.resolution)
        changed = {label for pair in cmp.pairs if pair.status != "unchanged" for label in pair.new}
        # a flag (before == after) only comments on a paragraph; it changes no text
        edited = {e.label for e in draft.edits if e.label.startswith(("PP", "OP")) and e.before != e.after}
        assert changed == edited, name
        footnotes_changed = {f"footnote {f.new}" for pair in cmp.pairs for f in pair.footnotes}
        assert footnotes_changed == {e.label for e in draft.edits if e.label.startswith("footnote")}, name


def test_every_edit_is_visible_in_the_draft():
    draft = draft_next(read_file(SEED))
    res = draft.resolution
    for e in draft.edits:
        if e.label.startswith(("PP", "OP")):
            assert e.after in res.paragraph(e.label).text and e.before in draft.previous.paragraph(e.label).text
        elif e.label.startswith("footnote"):
            assert res.footnote(int(e.label.split()[1])).text == e.after
        assert e.note


def test_chinese_web_text_55_109_date_apart_from_number_and_series_chosen_by_subject():
    """55/109 recalls two resolutions of the 54th session; the one 关于 this title is the series."""
    previous = read_file(corpus("A_RES_55_109.zh.excerpt.txt"))
    draft = draft_next(previous)
    pp1 = draft.resolution.paragraph("PP1").text
    # no adoption date in this web copy's header: the date becomes a placeholder, the number is known
    assert pp1.startswith("回顾其[●]年[●]月[●]日关于加强人权领域的国际合作的第55/109号决议,")
    assert "人权委员会[●]年[●]月[●]日第[●]号决议" in pp1
    assert "大会1999年12月10日关于联合国不同文明之间对话年的第54/113号决议" in pp1
    chain = edits_by_rule(draft, "recall-chain")
    assert chain[0].before == "其1999年12月17日关于加强人权领域的国际合作的第54/181号决议" and chain[0].placeholder
    assert chain[1].before == "人权委员会2000年4月26日第2000/70号决议"


def test_series_chosen_by_subject_in_english_when_two_resolutions_share_the_latest_session():
    res = en_resolution([
        para("PP1", "Recalling its resolution 74/5 of 1 December 2019 on the dialogue among civilizations "
                    "and its resolution 74/20 of 18 December 2019 on cooperation in the field of testing,", "Recalling"),
    ])
    chain = edits_by_rule(draft_next(res), "recall-chain")
    assert [e.before for e in chain] == ["its resolution 74/20 of 18 December 2019"]


def test_council_text_does_not_take_an_old_assembly_resolution_for_its_series():
    """HRC 38/3 recalls GA 33/134 (1978): session numbers overlap the Council's, the year does not."""
    previous = read_file(corpus("A_HRC_RES_38_3.en.excerpt.txt"))
    draft = draft_next(previous)
    assert draft.resolution.header.session_text == "Human Rights Council Thirty-ninth session"
    assert draft.resolution.header.symbol == "A/HRC/39/L.[●]"
    assert not edits_by_rule(draft, "recall-chain")
    assert texts(draft.resolution) == texts(previous)


def test_section_headings_are_left_as_they_are_and_not_numbered():
    """A/RES/79/161 (Durban follow-up, copied to tests/corpus/pdf) has eight section headings ("I" … "VIII"):
    the draft keeps them, their kind and their place; the operative numbering runs on across them."""
    previous = read_file(corpus("pdf/A_RES_79_161.en.pdf"))
    draft = draft_next(previous)
    headings = [(p.label, p.text, p.number) for p in previous.paragraphs if p.kind == "heading"]
    assert len(headings) == 8 and headings[1][1] == "II International Decade for People of African Descent"
    assert [(p.label, p.text, p.number) for p in draft.resolution.paragraphs if p.kind == "heading"] == headings
    assert [p.number for p in draft.resolution.paragraphs if p.kind == "operative"] == [
        p.number for p in previous.paragraphs if p.kind == "operative"]
    assert not [e for e in draft.edits if e.label.startswith("H")]


def test_a_heading_a_rule_would_edit_stays_with_a_note_synthetic():
    """Synthetic: a heading naming a reporting period ("Programme of work for 2024/25") and this session; the
    same words in an operative paragraph move."""
    heading = replace(para("PP9", "Programme of work for 2024/25 and the seventy-sixth session"), kind="heading", label="H1")
    op = para("OP1", "Approves the programme of work for 2024/25;", "Approves")
    res = en_resolution([heading, op], session=79, session_text="Seventy-ninth session", number="79/1", date="2024-12-17")
    draft = draft_next(res)
    assert draft.resolution.paragraphs[0] == heading
    assert draft.resolution.paragraphs[1].text == "Approves the programme of work for 2025/26;"
    assert any(n.startswith("H1 is a section heading: left as it is") for n in draft.resolution.notes)
