"""Hand-built resolutions for the draft tests (synthetic: each says what it stands for)."""

from __future__ import annotations

from resdiff.model import Header, Paragraph, Resolution
from resdiff.normalize import normalize


def para(label: str, text: str, lead: str = "", footnotes: dict[int, int] | None = None, subs=()) -> Paragraph:
    kind = "operative" if label.startswith("OP") else "preambular"
    number = int(label[2:]) if kind == "operative" else None
    notes = footnotes or {}
    return Paragraph(
        label=label, kind=kind, number=number, text=text, key=normalize(text), lead=lead,
        footnotes=tuple(notes), footnote_positions=tuple(notes.values()), subparagraphs=tuple(subs),
    )


def en_resolution(paragraphs, footnotes=(), **header) -> Resolution:
    fields = dict(
        language="en", session=75, session_text="Seventy-fifth session", body="General Assembly",
        agenda_item="72(b)", symbol="A/RES/75/10", number="75/10", title="Cooperation in the field of testing",
        date="2020-12-16", adoption="Resolution adopted by the General Assembly on 16 December 2020",
        report="[on the report of the Third Committee (A/75/478)]", plenary_meeting=46,
        author="The General Assembly,", closing=("46th plenary meeting", "16 December 2020"),
    )
    fields.update(header)
    return Resolution(Header(**fields), tuple(paragraphs), tuple(footnotes), source="hand-built")


def en_79(paragraphs, footnotes=(), **header) -> Resolution:
    """An English resolution of the seventy-ninth session (the corpus/pdf lineages' year), header as given."""
    fields = dict(session=79, session_text="Seventy-ninth session", date="2024-12-17")
    fields.update(header)
    return en_resolution(paragraphs, footnotes, **fields)


def zh_resolution(paragraphs, footnotes=(), **header) -> Resolution:
    fields = dict(
        language="zh", session=75, session_text="第七十五届会议", body="大会", agenda_item="72(b)",
        symbol="A/RES/75/10", number="75/10", title="测试领域的合作", date="2020-12-16",
        adoption="2020 年 12 月 16 日大会决议", report="[根据第三委员会的报告(A/75/478)通过]",
        plenary_meeting=46, author="大会，", closing=("2020年12月16日", "第46次全体会议"),
    )
    fields.update(header)
    return Resolution(Header(**fields), tuple(paragraphs), tuple(footnotes), source="hand-built")


def texts(res: Resolution) -> dict[str, str]:
    return {p.label: p.text for p in res.paragraphs}


def edits_by_rule(draft, rule):
    return [e for e in draft.edits if e.rule == rule]
