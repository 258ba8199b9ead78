"""The words of a draft's Word comments: one comment per automatic edit, in the document's language.

Built here from the fields of each ``Edit`` (rule, before, after, placeholder) and the line of the
document the edit landed on, so a Chinese draft gets Chinese comments whatever language the rules write
their notes in; the rule's name stays in English in parentheses (it is what ``resdiff draft`` prints on
the terminal). English and other languages use the rule's own note. Never an empty "→": a removal says
what was removed, an addition what was added.
"""

from __future__ import annotations

from resdiff.model import Edit, Header

# (what changed, why) by the role of the header line an edit landed on (Comparison.header_lines roles).
ZH_HEADER = {
    "session": ("届会", "草案是下一届会议的案文。"),
    "symbol": ("文号", "草案的 L 号在提交时才知道。"),
    "agenda_item": ("议程项目", "新一届会议的议程项目编号尚不知道（项目标题保留，请核对）。"),
    "sponsors": ("提案国", "决议草案须列出提案国。"),
    "adoption": ("通过日期行", "草案尚未通过。"),
    "report": ("委员会报告行", "只有已通过的决议才有委员会报告行。"),
    "title": ("决议编号", "决议编号在通过时给出。"),
    "closing": ("结尾行（全体会议和通过日期）", "在通过时给出。"),
}
# (what changed, why) by rule, for edits inside paragraphs and footnotes.
ZH_RULE = {
    "session": ("届会", "草案是下一届会议的案文。"),
    "recall-chain": ("回顾的决议", "改为回顾正在更新的决议。"),
    "forward-session": ("以后届会的提及", "对以后届会的提及随草案顺延。"),
    "cycle": ("周期", "按决议的周期（每两年、每三年）推移届会和期间。"),
    "report-symbol": ("报告文号", "改为关于正在更新的决议的报告。"),
    "other-body": ("其他机构的决议", "其他机构本系列的最新决议不由本工具推断，请起草人核对。"),
    "forward-flag": ("展望的会议", "到草案的届会时，这次会议或届会可能已经举行，请起草人核对措辞。"),
    "other-series": ("另一系列的决议", "另一年度系列在同几周内通过了本届会议的决议，不由本工具推断：请起草人填写其编号和日期"
                     "（该系列未延续的，删去占位符）。"),
    "figures-flag": ("最近一年的数字", "下一份案文应给出最近一年的数字，只有起草人掌握，请核对。"),
}
ZH_PLACEHOLDER = "请起草人填写 [●]。"
ZH_OTHER_BODY = "其他机构本系列的最新决议不由本工具推断，请起草人填写。"
QUOTE_LIMIT = 60  # characters of a quoted text before it is cut with "…"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT] + "…"
    return f"“{text}”"


def comment_text(edit: Edit, language: str, role: str | None = None) -> str:
    """The comment for ``edit``; ``role``: role of the header line it landed on, if any
    ("closing0" counts as "closing")."""
    if language == "zh":
        return _zh(edit, role)
    return _en(edit)


def zh_reason(edit: Edit, role: str | None = None) -> str:
    """What the edit changed and why, in Chinese, without the change itself (the terminal shows it as a
    diff): '届会：草案是下一届会议的案文。', '回顾的决议：改为回顾正在更新的决议。'; "" when there is no Chinese
    reason for the rule."""
    what, why = _zh_what_why(edit, role)
    parts = [why, ZH_PLACEHOLDER if edit.placeholder and "请起草人填写" not in why else ""]
    return f"{what}：{''.join(parts)}" if any(parts) else ""


def header_role(edit: Edit, previous: Header, draft: Header) -> str | None:
    """The role of the header line a header edit landed on (as ``Comparison.header_lines`` names them),
    from the printed values of the two headers; None when it is not a header edit or not found."""
    if edit.label != "header":
        return None
    for field, role in (("session_text", "session"), ("symbol", "symbol"), ("agenda_item", "agenda_item"),
                        ("sponsors", "sponsors"), ("adoption", "adoption"), ("report", "report"), ("number", "title")):
        if (edit.before and edit.before == getattr(previous, field)) or (edit.after and edit.after == getattr(draft, field)):
            return role
    if edit.before and edit.before in previous.closing:
        return "closing"
    return None


def _zh_what_why(edit: Edit, role: str | None) -> tuple[str, str]:
    if role and role.startswith("closing"):
        role = "closing"
    what, why = ZH_RULE.get(edit.rule, ("自动修改", ""))
    if edit.rule == "header" or (edit.rule == "session" and role):
        what, why = ZH_HEADER.get(role or "", (what, why))
    if edit.label.startswith("footnote"):
        what = f"脚注 {edit.label.split()[-1]}"
        if edit.rule == "recall-chain":
            why = "该机构报告所在的《大会正式记录》移到草案的届会；章、节请起草人核对。"
    elif edit.rule == "recall-chain" and edit.placeholder:
        why = ZH_OTHER_BODY
    return what, why


def _zh(edit: Edit, role: str | None) -> str:
    what, why = _zh_what_why(edit, role)
    if edit.before and edit.before == edit.after:  # a flag: the text is left as it is, for the drafter to check
        change = f"{_quote(edit.before)} 未修改。"
    elif edit.before and edit.after:
        change = f"{_quote(edit.before)} 改为 {_quote(edit.after)}。"
    elif edit.before:
        change = f"删除 {_quote(edit.before)}。"
    else:
        change = f"添加 {_quote(edit.after)}。"
    parts = [f"{what}：{change}", why]
    if edit.placeholder:
        parts.append(ZH_PLACEHOLDER)
    return "".join(part for part in parts if part) + f"（{edit.rule}）"


def _en(edit: Edit) -> str:
    if edit.before and edit.before == edit.after:  # a flag: the text is left as it is, for the drafter to check
        change = f"{_quote(edit.before)} left unchanged."
    elif edit.before and edit.after:
        change = f"{_quote(edit.before)} → {_quote(edit.after)}."
    elif edit.before:
        change = f"removed {_quote(edit.before)}."
    else:
        change = f"added {_quote(edit.after)}."
    parts = [f"{edit.rule}: {change}"]
    if edit.note:
        note = edit.note[0].upper() + edit.note[1:]
        parts.append(note if note.endswith(".") else note + ".")
    if edit.placeholder:
        parts.append("Fill in the placeholder [●].")
    return " ".join(parts)
