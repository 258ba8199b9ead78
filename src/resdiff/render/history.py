"""A History for people: the terminal, one self-contained HTML page, Markdown for e-mail, and JSON.

Every view shows the latest text with a margin note per paragraph (``since 72/169 · changed 75/180``,
``unchanged since 72/169``, ``new in 79/166``), then the paragraphs removed along the way. The terminal's
``--paragraph OP7`` and the HTML page's expandable paragraphs show the timeline: the paragraph in each
version with the word diff of each step. Colours say age: the version that last gave a paragraph its text,
from grey (the oldest) to orange (the latest).
"""

from __future__ import annotations

import html

from resdiff.history import age, margin_note
from resdiff.model import History, Lineage, RemovedParagraph, TimelineStep
from resdiff.render.common import colon, in_parens, label_language, say
from resdiff.render.html import LATIN_TEXT_CSS


def _lang(h: History) -> str:
    """Labels in the documents' language (as the compare reports): Chinese when every version is Chinese."""
    return label_language(*[c.old for c in h.comparisons[:1]], *[c.new for c in h.comparisons])


def _step_title(step: TimelineStep, first: bool = False, lang: str = "en") -> str:
    if step.label is None:
        return say("not yet in the text", lang)
    if first:
        return step.label + in_parens([say("first version", lang)], lang)
    flags = [say(step.status or "", lang)]
    if step.status in ("moved", "split", "merged") and step.text_changed:
        flags.append(say("text changed", lang))
    return step.label + in_parens(flags, lang)


def _title(h: History, lang: str) -> str:
    """'History of Enhancement of …' / '沿革：增进人权领域的国际合作'."""
    title = h.comparisons[-1].new.header.title if h.comparisons else None
    return f"{'沿革：' if lang == 'zh' else 'History of '}{title or h.versions[-1].symbol}"


def _removed_line(r: RemovedParagraph, lang: str, since: bool = True) -> str:
    """'PP8 of 74/153 (since 72/169), removed in 75/180' / '74/153的PP8（始于72/169），75/180删除'; no
    'since' when the paragraph was first seen in the version it was last in."""
    first = r.first_seen or r.version
    since = since and first != r.version
    if lang == "zh":
        return f"{r.version}的{r.label}" + (f"（始于{first}）" if since else "") + f"，{r.removed_in}删除"
    return f"{r.label} of {r.version}" + (f" (since {first})" if since else "") + f", removed in {r.removed_in}"


def _versions_rows(h: History) -> list[tuple[str, str, str, str]]:
    return [(v.symbol, str(v.session) if v.session is not None else "—", v.date or "—", v.source or "—")
            for v in h.versions]


def _shown_steps(lineage: Lineage) -> list[tuple[int, TimelineStep]]:
    return [(k, s) for k, s in enumerate(lineage.timeline) if s.label is not None]


# ── terminal ─────────────────────────────────────────────────────────────────────────────────────

def render_terminal(h: History, color: bool = False, width: int = 100, paragraph: str | None = None) -> str:
    from rich.table import Table
    from rich.text import Text

    from resdiff.history import find_paragraph
    from resdiff.render.terminal import _console, _finish, _print_doc_text, segments_text

    console, buffer = _console(color, width)
    lang = _lang(h)
    n = len(h.versions)
    count = f"（{n}个版本）" if lang == "zh" else f": {n} versions"
    console.print(Text(_title(h, lang) + count, style="bold"))
    for note in h.notes:
        console.print(Text(f"{say('Note', lang)}{colon(lang)}{note}", style="yellow"))
    table = Table(show_header=True, header_style="bold" if color else "", box=None, padding=(0, 2))
    for col in ("version", "session", "date", "file"):
        table.add_column(say(col, lang))
    for row in _versions_rows(h):
        table.add_row(*[Text(c) for c in row])
    console.print(table)
    if paragraph is not None:
        lineage = find_paragraph(h, paragraph)
        console.print()
        console.print(Text(f"{lineage.label}{colon(lang)}{margin_note(lineage, h, lang)}", style="bold cyan" if color else ""))
        for k, step in _shown_steps(lineage):
            console.print()
            console.print(Text(f"{step.version}  {_step_title(step, k == 0, lang)}", style="bold" if color else ""))
            body = segments_text(step.segments, color) if k and step.text_changed else Text(step.text or "")
            _print_doc_text(console, body, lang)
        return _finish(buffer, color)
    for lineage in h.paragraphs:
        console.print()
        note = Text(f"{lineage.label}  ", style="bold cyan" if color else "")
        note.append(margin_note(lineage, h, lang), _age_style(age(lineage, h), n, lineage) if color else "")
        console.print(note)
        _print_doc_text(console, Text(lineage.text), lang)
    if h.removed:
        console.print()
        console.print(Text(say("Removed along the way", lang), style="bold"))
        for r in h.removed:
            console.print()
            console.print(Text(_removed_line(r, lang), style="bold red" if color else ""))
            _print_doc_text(console, Text(r.text, style="dim" if color else ""), lang)
    return _finish(buffer, color)


def _age_style(a: int, n: int, lineage: Lineage) -> str:
    if a == n - 1:
        return "bold green" if lineage.last_changed is None else "bold yellow"
    return "dim" if a == 0 else "cyan"


# ── HTML ─────────────────────────────────────────────────────────────────────────────────────────

_CSS = """
:root { --muted: #666; --ins: #0b6e0b; --ins-bg: #e3f6e3; --del: #b00020; --del-bg: #fde7ea; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "Times New Roman", serif;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.65; color: #111; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table.versions { border-collapse: collapse; font-family: sans-serif; font-size: .9rem; }
table.versions td, table.versions th { border: 1px solid #ccc; padding: .2rem .7rem; text-align: left; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -0.1em;
       margin-right: .4em; }
.note { background: #fff7d6; padding: .4rem .8rem; border-left: 4px solid #e0b000; }
details.par { border-left: 6px solid var(--age); margin: .7rem 0; padding: .1rem .8rem; }
details.par > summary { cursor: pointer; list-style: none; }
details.par > summary::-webkit-details-marker { display: none; }
details.par > summary:focus-visible { outline: 3px solid #f0a000; }
.label { font-family: sans-serif; font-weight: bold; color: #14507a; }
.age { font-family: sans-serif; font-size: .85rem; background: var(--age-bg); padding: 0 .45rem;
       border-radius: 3px; margin-left: .5rem; }
.more { font-family: sans-serif; font-size: .8rem; color: var(--muted); margin-left: .5rem; }
details[open] .more { display: none; }
.text { white-space: pre-wrap; margin: .2rem 0 .4rem; }
ol.timeline { list-style: none; padding-left: 0; border-top: 1px dashed #ccc; margin-top: .3rem; }
ol.timeline li { margin: .5rem 0; }
.step { font-family: sans-serif; font-size: .85rem; color: #333; }
.step b { color: #14507a; }
ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
del { color: var(--del); background: var(--del-bg); text-decoration: line-through; }
.removed { border-left: 6px solid #bbb; padding: .1rem .8rem; color: #555; margin: .7rem 0; }
""" + LATIN_TEXT_CSS + """
@media print {
  body { max-width: none; margin: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .more { display: none; }
  details.par { break-inside: avoid; }
}
"""

# Opening every paragraph before printing, so the printout has the timelines too.
_SCRIPT = "addEventListener('beforeprint',()=>document.querySelectorAll('details').forEach(d=>d.open=true));"


def _colour(a: int, n: int, light: bool) -> str:
    """Grey for text from the oldest version, deepening to orange for the latest (one hue, so no age
    colour is mistaken for the green and red of insertions and deletions)."""
    t = a / (n - 1) if n > 1 else 1.0
    return f"hsl(28 {8 + 80 * t:.0f}% {'93%' if light else f'{62 - 14 * t:.0f}%'})"


def render_html(h: History) -> str:
    from resdiff.render.html import segments_html

    def e(text: str) -> str:
        return html.escape(text, quote=True)

    n = len(h.versions)
    lang = _lang(h)
    title = _title(h, lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-Hans" if lang == "zh" else "en"}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style><script>{_SCRIPT}</script></head><body>",
        f"<h1>{e(title)}</h1>",
    ]
    for note in h.notes:
        parts.append(f'<p class="note">{e(say("Note", lang) + colon(lang) + note)}</p>')
    columns = ("version", "session", "date", "file", "paragraphs last changed here")
    parts.append(f'<table class="versions"><caption>{e(say("Versions, oldest first", lang))}</caption>'
                 f'<tr>{"".join(f"<th>{e(say(c, lang))}</th>" for c in columns)}</tr>')
    counts = [0] * n
    for lineage in h.paragraphs:
        counts[age(lineage, h)] += 1
    for k, row in enumerate(_versions_rows(h)):
        swatch = f'<span class="swatch" style="background:{_colour(k, n, False)}"></span>'
        parts.append(f"<tr><td>{swatch}{e(row[0])}</td><td>{e(row[1])}</td><td>{e(row[2])}</td>"
                     f"<td>{e(row[3])}</td><td>{counts[k]}</td></tr>")
    parts.append("</table>")
    parts.append(f'<h2>{e(say("Latest text", lang))}</h2><p class="step">{e(say("Click a paragraph to see its timeline.", lang))}</p>')
    for lineage in h.paragraphs:
        a = age(lineage, h)
        style = f"--age:{_colour(a, n, False)};--age-bg:{_colour(a, n, True)}"
        steps = []
        for k, step in _shown_steps(lineage):
            body = segments_html(step.segments) if k and step.text_changed else e(step.text or "")
            steps.append(f'<li><div class="step"><b>{e(step.version)}</b> {e(_step_title(step, k == 0, lang))}</div>'
                         f'<div class="text">{body}</div></li>')
        parts.append(
            f'<details class="par" id="{e(lineage.label)}" style="{style}"><summary>'
            f'<span class="label">{e(lineage.label)}</span><span class="age">{e(margin_note(lineage, h, lang))}</span>'
            f'<span class="more">{e(say("timeline", lang))} ▸</span><div class="text">{e(lineage.text)}</div></summary>'
            f'<ol class="timeline">{"".join(steps)}</ol></details>')
    if h.removed:
        parts.append(f"<h2>{e(say('Removed along the way', lang))}</h2>")
        for r in h.removed:
            line = e(_removed_line(r, lang)).replace(e(r.label), f"<b>{e(r.label)}</b>", 1)
            parts.append(f'<div class="removed"><div class="step">{line}</div>'
                         f'<div class="text"><del>{e(r.text)}</del></div></div>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


# ── Markdown and JSON ────────────────────────────────────────────────────────────────────────────

def render_markdown(h: History) -> str:
    from resdiff.render.markdown import _escape

    lang = _lang(h)
    lines = [f"# {_escape(_title(h, lang))}", ""]
    for note in h.notes:
        lines += [f"> {say('Note', lang)}{colon(lang)}{_escape(note)}", ""]
    lines += ["| " + " | ".join(say(c, lang) for c in ("version", "session", "date", "file")) + " |", "|---|---|---|---|"]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in _versions_rows(h)]
    lines.append("")
    for lineage in h.paragraphs:
        lines += [f"**{_escape(lineage.label)}** — *{_escape(margin_note(lineage, h, lang))}*  ", _escape(lineage.text), ""]
    if h.removed:
        lines += [f"## {say('Removed along the way', lang)}", ""]
        for r in h.removed:
            line = _escape(_removed_line(r, lang, since=False)).replace(_escape(r.label), f"**{_escape(r.label)}**", 1)
            lines += [f"{line}  ", f"<del>{_escape(r.text)}</del>", ""]
    return "\n".join(lines)


def history_dict(h: History) -> dict:
    """The JSON shape of issue 13 (``timeline`` has one entry per version; absent: label and status null),
    plus what a script needs without re-reading the files: each paragraph's ``kind`` (preambular /
    operative / heading), its ``text`` at every step of the timeline, and where a removed paragraph was
    first seen. Statuses stay the English machine values whatever the documents' language."""
    latest = h.comparisons[-1].new if h.comparisons else None
    kinds = {p.label: p.kind for p in latest.paragraphs} if latest else {}
    old_kinds: dict[tuple[str, str], str] = {}
    for c, v in zip(h.comparisons, h.versions):
        old_kinds.update({(v.symbol, p.label): p.kind for p in c.old.paragraphs})
    return {
        "versions": [{"symbol": v.symbol, "session": v.session, "date": v.date, "source": v.source}
                     for v in h.versions],
        "paragraphs": [
            {"label": lin.label, "kind": kinds.get(lin.label), "text": lin.text, "first_seen": lin.first_seen,
             "last_changed": lin.last_changed,
             "timeline": [{"version": s.version, "label": s.label, "status": s.status, "text_changed": s.text_changed,
                           "text": s.text if s.label is not None else None}
                          for s in lin.timeline]}
            for lin in h.paragraphs
        ],
        "removed": [{"label": r.label, "kind": old_kinds.get((r.version, r.label)), "text": r.text,
                     "version": r.version, "removed_in": r.removed_in, "first_seen": r.first_seen or r.version}
                    for r in h.removed],
        "notes": list(h.notes),
    }


def render(h: History, fmt: str, color: bool = False, width: int = 100, paragraph: str | None = None) -> str:
    """The history in one of the formats of ``resdiff history`` (terminal, md, html, json)."""
    if fmt == "json":
        from resdiff.render.json import dumps

        return dumps(history_dict(h))
    if fmt == "md":
        return render_markdown(h)
    if fmt == "html":
        return render_html(h)
    if fmt == "terminal":
        return render_terminal(h, color=color, width=width, paragraph=paragraph)
    from resdiff.errors import UserError

    raise UserError(f"history has no {fmt} format", "use --format terminal, md, html or json")
