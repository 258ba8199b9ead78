"""The words of a draft's Word comments (render/edit_comments.py): one per edit, in the document's language."""

from resdiff.model import Edit
from resdiff.render.edit_comments import comment_text

# The look-ahead of A/RES/79/205 PP25 (the Belém Conference of the Parties): flagged, text left as is.
_PHRASE = ("looking forward to the thirtieth session of the Conference of the Parties to the United Nations "
           "Framework Convention on Climate Change to be held in the city of Belém, Brazil, from 10 to 21 November 2025")
FLAG = Edit("forward-flag", "PP25", _PHRASE, _PHRASE,
            note="a meeting the preamble looks forward to will have taken place by the draft's session")


def test_a_flag_says_the_text_is_left_unchanged_not_x_arrow_x():
    text = comment_text(FLAG, "en")
    assert "left unchanged" in text and "→" not in text
    assert text.count("looking forward") == 1
    assert "will have taken place" in text


def test_a_flag_in_a_chinese_draft_is_a_chinese_comment_with_the_rule_name():
    flag = Edit("forward-flag", "PP12", "期待将于2025年举行的缔约国第十一次会议", "期待将于2025年举行的缔约国第十一次会议")
    text = comment_text(flag, "zh")
    assert "未修改" in text and "改为" not in text and "自动修改" not in text
    assert text.endswith("（forward-flag）")


def test_a_replacement_still_shows_old_and_new():
    edit = Edit("session", "OP17", "seventy-ninth session", "eightieth session")
    assert "“seventy-ninth session” → “eightieth session”" in comment_text(edit, "en")
    assert "改为" in comment_text(Edit("session", "OP17", "第七十九届", "第八十届"), "zh")


def test_zh_reason_is_the_comment_without_the_change_and_the_rule():
    from resdiff.render.edit_comments import zh_reason

    edit = Edit(rule="forward-session", label="OP17", before="第七十六届", after="第七十七届")
    assert zh_reason(edit) == "以后届会的提及：对以后届会的提及随草案顺延。"
    assert zh_reason(Edit(rule="unknown-rule", label="OP1", before="a", after="b")) == ""  # no Chinese: caller keeps the note


def test_header_role_from_the_printed_header_values():
    from resdiff import load
    from resdiff.draft import draft_next
    from resdiff.render.edit_comments import header_role

    from conftest import SEED

    draft = draft_next(load(SEED))
    roles = [header_role(e, draft.previous.header, draft.resolution.header) for e in draft.edits]
    by_before = {e.before or e.after: role for e, role in zip(draft.edits, roles) if e.label == "header"}
    assert by_before["第七十五届会议"] == "session" and by_before["72(b)"] == "agenda_item"
    assert by_before["75/180"] == "title" and by_before["第46次全体会议"] == "closing"
    assert all(role is None for e, role in zip(draft.edits, roles) if e.label != "header")


def test_every_rule_of_the_draft_has_a_chinese_reason():
    # the rule names the draft package gives its edits (Edit("name", …) / rule="name"), read from its
    # source: a new rule without Chinese would leave its English note in a Chinese draft's list and comments
    import re
    from pathlib import Path

    import resdiff.draft
    from resdiff.render.edit_comments import ZH_HEADER, ZH_RULE

    source = "".join(p.read_text(encoding="utf-8") for p in Path(resdiff.draft.__file__).parent.glob("*.py"))
    rules = set(re.findall(r'Edit\(\s*"([a-z-]+)"', source)) | set(re.findall(r'rule="([a-z-]+)"', source))
    assert {"recall-chain", "figures-flag", "other-series"} <= rules
    assert rules - {"header"} <= set(ZH_RULE), rules - {"header"} - set(ZH_RULE)
    assert ZH_HEADER  # header edits get theirs by the line they land on


def test_a_kept_paragraph_with_figures_is_shown_as_kept_in_chinese():
    from resdiff.model import Draft
    from resdiff.render.terminal import render_edits

    from conftest import SEED
    from resdiff import load

    res = load(SEED)
    p = res.paragraphs[0]
    edit = Edit(rule="figures-flag", label=p.label, before=p.text, after=p.text, note="gives figures for 2020")
    out = render_edits(Draft(previous=res, resolution=res, edits=(edit,)))
    assert "（保留原文，见说明）" in out and "最近一年的数字：下一份案文应给出最近一年的数字" in out
    assert "gives figures" not in out and "kept; see the note" not in out
