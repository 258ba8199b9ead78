"""Markdown for e-mail and issue trackers. Insertions as <ins>, deletions as <del>: GitHub and most
Markdown viewers render them, they survive CJK text (``**`` emphasis does not always), and they read
clearly as plain text."""

from __future__ import annotations

import html

from resdiff.model import Comparison, Segment
from resdiff.render.common import (
    colon, field_name, footnote_title, headline, is_shown, label_language, pair_title, renumbered_line, say,
    shown_footnotes, summary_rows,
)


def _escape(text: str) -> str:
    # Escape HTML and the Markdown characters that would change meaning; keep square brackets readable.
    text = html.escape(text, quote=False)
    for ch in ("\\", "*", "_", "`", "#", "|"):
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", "<br>\n")


def segments_markdown(segments: tuple[Segment, ...]) -> str:
    out = []
    for s in segments:
        if s.op == "equal":
            out.append(_escape(s.text))
        elif s.op == "delete":
            out.append(f"<del>{_escape(s.text)}</del>")
        else:
            out.append(f"<ins>{_escape(s.text)}</ins>")
    return "".join(out)


def render_comparison(cmp: Comparison, lang: str | None = None) -> str:
    """The report; its own words in ``lang`` (default: the documents' language, ``label_language``)."""
    lang = lang or label_language(cmp.old, cmp.new)
    lines = [f"# resdiff: {_escape(headline(cmp))}", ""]
    for note in cmp.notes:
        lines += [f"> {say('Note', lang)}{colon(lang)}{_escape(note)}", ""]
    lines += [f"| {say('paragraphs', lang)} | {say('count', lang)} |", "|---|---:|"]
    lines += [f"| {name} | {count} |" for name, count in summary_rows(cmp, lang)]
    lines.append("")
    if cmp.header_changes:
        lines += [f"## {say('Header', lang)}", ""]
        for h in cmp.header_changes:
            old = f"<del>{_escape(h.old)}</del>" if h.old else "—"
            new = f"<ins>{_escape(h.new)}</ins>" if h.new else "—"
            lines.append(f"- {field_name(h.field, lang)}{colon(lang)}{old} → {new}")
        lines.append("")
    shown = [p for p in cmp.pairs if is_shown(p)]
    if shown:
        lines += [f"## {say('Paragraphs', lang)}", ""]
    for p in shown:
        lines += [f"### {_escape(pair_title(p, lang))}", "", segments_markdown(p.segments), ""]
        for f in shown_footnotes(p):
            lines += [f"- {_escape(footnote_title(f, lang))}{colon(lang) if f.segments else ''}{segments_markdown(f.segments)}", ""]
    if renumbered := renumbered_line(cmp, lang):
        lines += [renumbered, ""]
    if not cmp.has_differences:
        lines += [say("No differences.", lang), ""]
    return "\n".join(lines)
