"""Draft rules, session and header (resdiff.draft.session)."""

from __future__ import annotations

import pytest

from draft_builders import edits_by_rule, en_resolution, para, texts, zh_resolution
from resdiff.draft import PLACEHOLDER, draft_next, draft_symbol
from resdiff.errors import UserError
from resdiff.model import Header


def test_session_moves_on_in_each_language():
    en = draft_next(en_resolution([]))
    assert en.resolution.header.session == 76
    assert en.resolution.header.session_text == "Seventy-sixth session"
    zh = draft_next(zh_resolution([]))
    assert zh.resolution.header.session_text == "第七十六届会议"
    session_edit = edits_by_rule(zh, "session")[0]
    assert (session_edit.label, session_edit.before, session_edit.after) == ("header", "第七十五届会议", "第七十六届会议")


def test_session_crossing_a_hundred_uses_real_arithmetic():
    en = draft_next(en_resolution([], session=99, session_text="Ninety-ninth session", number="99/1"))
    assert en.resolution.header.session_text == "One hundredth session"
    zh = draft_next(zh_resolution([], session=109, session_text="第一百零九届会议", number="109/1"))
    assert zh.resolution.header.session_text == "第一百一十届会议"


def test_session_given_explicitly_skips_sessions_and_shifts_forward_references_by_as_much():
    res = en_resolution([para("OP1", "Decides to continue its consideration of the question at its seventy-sixth session.", "Decides")])
    draft = draft_next(res, session=77)
    assert draft.resolution.header.session_text == "Seventy-seventh session"
    assert texts(draft.resolution)["OP1"].endswith("at its seventy-eighth session.")


def test_no_session_anywhere_is_a_user_error_suggesting_the_option():
    res = en_resolution([], session=None, session_text=None, number=None, symbol=None)
    with pytest.raises(UserError) as err:
        draft_next(res)
    assert "no session" in err.value.message
    assert "--session" in err.value.hint
    # given, it works
    assert draft_next(res, session=76).resolution.header.session_text == "Seventy-sixth session"


def test_session_is_read_from_the_number_when_the_session_line_is_missing():
    res = en_resolution([], session=None, session_text=None)
    assert draft_next(res).resolution.header.session == 76


def test_session_not_after_the_resolutions_own_is_a_user_error():
    with pytest.raises(UserError) as err:
        draft_next(en_resolution([]), session=75)
    assert "--session 76" in err.value.hint


def test_adoption_parts_go_and_draft_parts_come_in_as_placeholders():
    draft = draft_next(en_resolution([]))
    h = draft.resolution.header
    assert (h.number, h.date, h.adoption, h.report, h.plenary_meeting, h.closing) == (None, None, None, None, None, ())
    assert h.symbol == "A/C.3/76/L.[●]"
    assert h.agenda_item == PLACEHOLDER
    assert PLACEHOLDER in h.sponsors
    assert h.title == "Cooperation in the field of testing"
    removed = {e.before for e in edits_by_rule(draft, "header") if e.after == ""}
    assert {"Resolution adopted by the General Assembly on 16 December 2020", "[on the report of the Third Committee (A/75/478)]",
            "75/10", "46th plenary meeting", "16 December 2020"} <= removed
    assert all(e.placeholder for e in draft.edits if PLACEHOLDER in e.after)


def test_agenda_item_and_symbol_given_are_used_and_not_flagged():
    draft = draft_next(en_resolution([]), agenda_item="74 (b)", symbol="A/C.3/76/L.25")
    h = draft.resolution.header
    assert (h.agenda_item, h.symbol) == ("74(b)", "A/C.3/76/L.25")
    flagged = {e.before for e in draft.edits if e.placeholder}
    assert "A/RES/75/10" not in flagged and "72(b)" not in flagged


def test_draft_symbol_follows_the_committee_of_the_report():
    assert draft_symbol(Header("zh", report="[根据第三委员会的报告(A/75/478)通过]"), 76) == "A/C.3/76/L.[●]"
    assert draft_symbol(Header("en", report="[on the report of the Sixth Committee (A/75/1)]"), 76) == "A/C.6/76/L.[●]"
    assert draft_symbol(Header("en", report="[without reference to a Main Committee (A/75/L.1)]"), 76) == "A/76/L.[●]"
    assert draft_symbol(Header("en", body="Human Rights Council"), 47) == "A/HRC/47/L.[●]"
