"""One self-contained HTML report: summary on top, an inline view and a side-by-side view (switched by
two radio buttons, so it works without JavaScript and with the keyboard), print styles. No external assets."""

from __future__ import annotations

import html

from resdiff.model import Comparison, Segment
from resdiff.render.common import (
    colon, comparison_warnings, field_name, footnote_title, headline, in_parens, label_language, pair_title, say,
    shown_footnotes, summary_rows, warning_line,
)

# English text in a Latin face first: the CJK faces the page starts with draw “…” as full-width marks,
# which gape in an English sentence (seen in Chromium). Chinese keeps the CJK faces.
LATIN_TEXT_CSS = """.text:lang(en), .old:lang(en), .new:lang(en), .footnote:lang(en) {
       font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; }"""

CSS = """
:root { --ins: #0b6e0b; --ins-bg: #e3f6e3; --del: #b00020; --del-bg: #fde7ea; --muted: #666; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Times New Roman", serif;
       max-width: 72rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #111; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table.summary { border-collapse: collapse; } table.summary td, table.summary th {
       border: 1px solid #ccc; padding: .2rem .7rem; text-align: left; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.pair { border-top: 1px solid #ddd; padding: .6rem 0; }
.pair h3 { font-size: .95rem; margin: 0 0 .3rem; color: #14507a; font-family: sans-serif; }
.pair.unchanged h3 { color: var(--muted); font-weight: normal; }
.pair.unchanged .text { color: var(--muted); }
.note { background: #fff7d6; padding: .4rem .8rem; border-left: 4px solid #e0b000; }
.warning { background: #fdecea; padding: .4rem .8rem; border-left: 4px solid #c0392b; }
.footnote { font-size: .9em; color: #333; margin-left: 1.5rem; }
.views > input { position: absolute; opacity: 0; }
.views > label { display: inline-block; padding: .3rem .9rem; border: 1px solid #888; cursor: pointer;
       font-family: sans-serif; }
.views > input:checked + label { background: #14507a; color: white; }
.views > input:focus-visible + label { outline: 3px solid #f0a000; }
.view { display: none; }
#v-inline:checked ~ .inline, #v-side:checked ~ .side { display: block; }
.side .row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side .old, .side .new { white-space: pre-wrap; }
.text { white-space: pre-wrap; }
""" + LATIN_TEXT_CSS + """
@media print { .views > input, .views > label, .side { display: none !important; }
       .inline { display: block !important; } ins, del { background: none; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def segments_html(segments: tuple[Segment, ...], side: str = "both") -> str:
    out = []
    for s in segments:
        if s.op == "equal":
            out.append(_e(s.old_text if side == "old" and s.old_text is not None else s.text))
        elif s.op == "delete" and side != "new":
            out.append(f"<del>{_e(s.text)}</del>")
        elif s.op == "insert" and side != "old":
            out.append(f"<ins>{_e(s.text)}</ins>")
    return "".join(out)


def render_comparison(cmp: Comparison, lang: str | None = None) -> str:
    """The page; its own words in ``lang`` (default: the documents' language, ``label_language``; the
    page of ``resdiff serve`` passes its own language)."""
    lang = lang or label_language(cmp.old, cmp.new)
    title = f"resdiff: {headline(cmp)}"
    text_lang = cmp.new.language if cmp.new.language in ("zh", "en") else "und"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
    ]
    # the documents' text says its own language when it differs from the labels' (screen readers, fonts)
    text_attr = "" if text_lang == lang else f' lang="{"zh-Hans" if text_lang == "zh" else text_lang}"'
    for note in cmp.notes:
        parts.append(f'<p class="note">{_e(say("Note", lang) + colon(lang) + note)}</p>')
    for side, w in comparison_warnings(cmp):
        warning = say("Warning", lang) + in_parens([say(side, lang)], lang) + colon(lang)
        parts.append(f'<p class="warning">{_e(warning)}{_e(warning_line(w, lang))}</p>')
    parts.append(f'<table class="summary"><caption>{say("Summary", lang)}</caption>'
                 f'<tr><th>{say("paragraphs", lang)}</th><th>{say("count", lang)}</th></tr>')
    parts += [f"<tr><td>{_e(name)}</td><td>{count}</td></tr>" for name, count in summary_rows(cmp, lang)]
    parts.append("</table>")
    if not cmp.has_differences:
        parts.append(f"<p>{say('No differences.', lang)}</p>")
    if cmp.header_changes:
        parts.append(f"<h2>{say('Header', lang)}</h2><ul>")
        for h in cmp.header_changes:
            old = f"<del{text_attr}>{_e(h.old)}</del>" if h.old else "—"
            new = f"<ins{text_attr}>{_e(h.new)}</ins>" if h.new else "—"
            parts.append(f"<li>{_e(field_name(h.field, lang) + colon(lang))}{old} → {new}</li>")
        parts.append("</ul>")
    parts.append(f'<h2>{say("Paragraphs", lang)}</h2><div class="views">')
    parts.append(f'<input type="radio" name="view" id="v-inline" checked><label for="v-inline">{say("Inline", lang)}</label>')
    parts.append(f'<input type="radio" name="view" id="v-side"><label for="v-side">{say("Side by side", lang)}</label>')
    inline, side = [f'<section class="view inline" aria-label="{say("Inline view", lang)}">'], [
        f'<section class="view side" aria-label="{say("Side-by-side view", lang)}">']
    for p in cmp.pairs:
        cls = f"pair {p.status}"
        heading = f"<h3>{_e(pair_title(p, lang))}</h3>"
        notes = "".join(
            f'<div class="footnote">{_e(footnote_title(f, lang))}{colon(lang) if f.segments else ""}'
            + (f'<span{text_attr}>{segments_html(f.segments)}</span>' if text_attr else segments_html(f.segments))
            + '</div>'
            for f in shown_footnotes(p)
        )
        inline.append(f'<div class="{cls}">{heading}<div class="text"{text_attr}>{segments_html(p.segments)}</div>{notes}</div>')
        side.append(
            f'<div class="{cls}">{heading}<div class="row"><div class="old"{text_attr}>{segments_html(p.segments, "old")}</div>'
            f'<div class="new"{text_attr}>{segments_html(p.segments, "new")}</div></div>{notes}</div>'
        )
    parts += inline + ["</section>"] + side + ["</section></div></body></html>", ""]
    return "\n".join(parts)
