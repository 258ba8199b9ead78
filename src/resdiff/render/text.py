"""A Resolution as plain text, in the layout the text reader reads back (used by `draft -o draft.txt`).

Header lines first, then the author line, paragraphs separated by blank lines, operative paragraphs
with their typed numbers, footnote markers as superscript digits and the footnotes listed at the end.
"""

from __future__ import annotations

from resdiff.comparison import printed_header_lines
from resdiff.model import Paragraph, Resolution
from resdiff.read.text import TO_SUPERSCRIPT



def _with_markers(p: Paragraph) -> str:
    text = p.text
    # Insert from the end so earlier offsets stay valid.
    for number, pos in sorted(zip(p.footnotes, p.footnote_positions), key=lambda x: -x[1]):
        text = text[:pos] + str(number).translate(TO_SUPERSCRIPT) + text[pos:]
    return text


def zh_bold_lead(res: Resolution, p: Paragraph) -> bool:
    return res.language == "zh" and p.kind == "operative" and bool(p.lead) and p.text.startswith(p.lead)


def resolution_text(res: Resolution) -> str:
    printed = printed_header_lines(res)
    blocks = [text for role, text in printed if not role.startswith("closing")]
    for p in res.paragraphs:
        text = _with_markers(p)
        if zh_bold_lead(res, p):
            text = f"**{p.lead}**{text[len(p.lead):]}"  # the official Chinese texts set operative verbs in bold
        if p.kind == "operative" and p.number is not None:
            number = f"{p.number} {p.suffix}" if p.suffix else str(p.number)
            text = f"{number}. {text}"
        blocks.append(text)
    blocks += [text for role, text in printed if role.startswith("closing")]
    if res.footnotes:
        blocks += [f"{str(f.number).translate(TO_SUPERSCRIPT)} {f.text}" for f in res.footnotes]
    return "\n\n".join(blocks) + "\n"
