"""A Resolution as plain text, in the layout the text reader reads back (used by `draft -o draft.txt`).

Header lines first, then the author line, paragraphs separated by blank lines, operative paragraphs
with their typed numbers, footnote markers as superscript digits and the footnotes listed at the end.
"""

from __future__ import annotations

from resdiff.model import Paragraph, Resolution

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _with_markers(p: Paragraph) -> str:
    text = p.text
    # Insert from the end so earlier offsets stay valid.
    for number, pos in sorted(zip(p.footnotes, p.footnote_positions), key=lambda x: -x[1]):
        text = text[:pos] + str(number).translate(_SUPERSCRIPT) + text[pos:]
    return text


def _header_lines(res: Resolution) -> list[str]:
    h = res.header
    zh = res.language == "zh"
    lines = []
    if h.session_text:
        lines.append(h.session_text)
    if h.agenda_item:
        lines.append(f"议程项目 {h.agenda_item}" if zh else f"Agenda item {h.agenda_item}")
    if h.agenda_title:
        lines.append(h.agenda_title)
    if h.symbol and not h.number:
        lines.append(h.symbol)  # a draft shows its own symbol; an adopted text shows its number
    if h.sponsors:
        lines.append(h.sponsors)
    if h.adoption:
        lines.append(h.adoption)
    if h.report:
        lines.append(h.report)
    if h.title:
        lines.append(f"{h.number}. {h.title}" if h.number else h.title)
    if h.author:
        lines.append(h.author)
    return lines


def zh_bold_lead(res: Resolution, p: Paragraph) -> bool:
    return res.language == "zh" and p.kind == "operative" and bool(p.lead) and p.text.startswith(p.lead)


def resolution_text(res: Resolution) -> str:
    blocks = _header_lines(res)
    for p in res.paragraphs:
        text = _with_markers(p)
        if zh_bold_lead(res, p):
            text = f"**{p.lead}**{text[len(p.lead):]}"  # the official Chinese texts set operative verbs in bold
        if p.kind == "operative" and p.number is not None:
            number = f"{p.number} {p.suffix}" if p.suffix else str(p.number)
            text = f"{number}. {text}"
        blocks.append(text)
    blocks += list(res.header.closing)
    if res.footnotes:
        blocks += [f"{str(f.number).translate(_SUPERSCRIPT)} {f.text}" for f in res.footnotes]
    return "\n\n".join(blocks) + "\n"
