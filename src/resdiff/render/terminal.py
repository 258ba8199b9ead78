"""Terminal output with rich. Document text goes in as rich ``Text`` objects, never as markup strings,
because negotiation texts are full of square brackets that rich would swallow as markup.

Colour mode: deletions red and struck through, insertions green and underlined.
Plain mode (not a terminal, NO_COLOR, files): git-style markers ``[-deleted-]`` and ``{+inserted+}``.
"""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from resdiff.model import Comparison, Draft, Resolution, Segment
from resdiff.render.common import (
    colon, field_name, footnote_title, headline, in_parens, is_shown, label_language, pair_title, renumbered_line, say,
    shown_footnotes, summary_rows, warning_line,
)

DELETE_STYLE = "strike red"
INSERT_STYLE = "underline green"
WIDTH = 100


def _console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    # A height too, or rich asks the three standard streams for the terminal's size on every line it
    # prints (~6 µs each: ~0.7 ms of a report). Nothing printed here is cut to a height.
    console = Console(
        file=buffer, width=width, height=25, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, highlight=False, markup=False, emoji=False, soft_wrap=False,
    )
    return console, buffer


def _finish(buffer: io.StringIO, color: bool) -> str:
    """Plain output has no trailing spaces (rich pads table cells), so it pastes cleanly."""
    out = buffer.getvalue()
    return out if color else "\n".join(line.rstrip() for line in out.split("\n"))


# Chinese line-breaking rules (kinsoku): no line starts with closing punctuation or ends with opening.
_NO_BREAK_BEFORE = set("，。、；：！？）》」』”’,.;:!?)]}")
_NO_BREAK_AFTER = set("（《「『“‘([{")


def _breakable(text: str, i: int) -> bool:
    """May a line start at ``text[i]``? Not inside a run of Latin letters, digits, symbols or the
    change markers (``[-1996-]``, ``A/75/478/Add.2``), nor before closing punctuation."""
    a, b = text[i - 1], text[i]
    if b in _NO_BREAK_BEFORE or a in _NO_BREAK_AFTER or text[max(0, i - 2):i] in ("[-", "{+") or text[i:i + 2] in ("-]", "+}"):
        return False
    return not (a.isascii() and not a.isspace() and b.isascii() and not b.isspace())


def _fold(text: Text, width: int) -> Text:
    """Break a Chinese text at the width (it has no spaces to break at), never inside a number, a
    symbol or a change marker, and never before closing punctuation."""
    plain, offsets = text.plain, []
    start, used = 0, 0
    for i, char in enumerate(plain):
        if char == "\n":
            start, used = i + 1, 0
            continue
        w = cell_len(char)
        if used + w > width and i > start:
            cut = next((j for j in range(i, max(start, i - 24), -1) if _breakable(plain, j)), i)
            offsets.append(cut)
            start, used = cut, cell_len(plain[cut:i])
        used += w
    return Text("\n").join(text.divide(offsets)) if offsets else text


def _print_doc_text(console: Console, text: Text, lang: str) -> None:
    if lang == "zh":
        console.print(_fold(text, console.width), no_wrap=True)
    else:
        console.print(text)


def segments_text(segments: tuple[Segment, ...], color: bool) -> Text:
    text = Text()
    for s in segments:
        if s.op == "equal":
            text.append(s.text)
        elif s.op == "delete":
            text.append(s.text, DELETE_STYLE) if color else text.append(f"[-{s.text}-]")
        else:
            text.append(s.text, INSERT_STYLE) if color else text.append(f"{{+{s.text}+}}")
    return text


def render_comparison(cmp: Comparison, color: bool = False, width: int = WIDTH, lang: str | None = None) -> str:
    """The report; its own words in ``lang`` (default: the documents' language, ``label_language``)."""
    lang = lang or label_language(cmp.old, cmp.new)
    console, buffer = _console(color, width)
    console.print(Text(f"resdiff: {headline(cmp)}", style="bold"))
    for note in cmp.notes:
        console.print(Text(f"{say('Note', lang)}{colon(lang)}{note}", style="yellow"))
    if cmp.header_changes:
        console.print()
        console.print(Text(say("Header", lang), style="bold"))
        for h in cmp.header_changes:
            line = Text(f"{field_name(h.field, lang)}{colon(lang)}")
            line.append(h.old if h.old is not None else "—", DELETE_STYLE if color else "")
            line.append(" → ")
            line.append(h.new if h.new is not None else "—", INSERT_STYLE if color else "")
            console.print(Padding(line, (0, 0, 0, 2)))  # a long agenda title wraps under itself, not at column 0
    for p in cmp.pairs:
        if not is_shown(p):
            continue
        console.print()
        console.print(Text(pair_title(p, lang), style="bold cyan" if color else ""))
        _print_doc_text(console, segments_text(p.segments, color), cmp.new.language)
        for f in shown_footnotes(p):
            label = f"  {footnote_title(f, lang)}{colon(lang) if f.segments else ''}"
            _print_doc_text(console, Text(label, style="dim" if color else "") + segments_text(f.segments, color),
                            cmp.new.language)
    if renumbered := renumbered_line(cmp, lang):
        console.print()
        console.print(Text(renumbered))
    console.print()
    table = Table(title=say("Summary", lang), show_header=True, header_style="bold" if color else "")
    table.add_column(say("paragraphs", lang))
    table.add_column(say("count", lang), justify="right")
    for name, count in summary_rows(cmp, lang):
        table.add_row(name, str(count))
    console.print(table)
    if not cmp.has_differences:
        console.print(Text(say("No differences.", lang) + ("" if cmp.strict else say(" (layout noise ignored; --strict shows it)", lang))))
    return _finish(buffer, color)


def render_resolution(res: Resolution, color: bool = False, width: int = WIDTH) -> str:
    console, buffer = _console(color, width)
    lang = label_language(res)
    h = res.header
    if res.source:  # on a line of its own: as a table title it was cut to the table's width
        console.print(Text(res.source, style="bold" if color else ""), no_wrap=True, overflow="ignore")
    table = Table(show_header=False, box=None)
    table.add_column("field", style="bold" if color else "")
    table.add_column("value")
    # English keeps the field names of the JSON (what a script reads); Chinese gets them in Chinese
    name = (lambda f: field_name(f, lang)) if lang == "zh" else (lambda f: f)
    for field in ("language", "body", "session", "agenda_item", "agenda_title", "symbol", "number", "title",
                  "date", "report_symbol", "plenary_meeting", "author", "sponsors"):
        value = getattr(h, field)
        table.add_row(name(field), Text("—" if value is None else str(value)))
    for line in h.other:  # header lines matching no field: shown, as they are compared
        table.add_row(name("other"), Text(line))
    console.print(table)
    for star in h.notes:
        console.print(Text(f" * {star}"))
    for note in res.notes:
        console.print(Text(f"{say('Note', lang)}{colon(lang)}{note}", style="yellow"))
    for w in res.warnings:
        console.print(Text(f"{say('Warning', lang)}{colon(lang)}{warning_line(w, lang)}", style="yellow"))
    counts = {kind: sum(p.kind == kind for p in res.paragraphs) for kind in ("preambular", "operative", "heading")}
    if lang == "zh":
        line = f"序言段落{counts['preambular']}个，执行段落{counts['operative']}个，脚注{len(res.footnotes)}个" \
            + (f"，节标题{counts['heading']}个" if counts["heading"] else "")
    else:
        line = f"{counts['preambular']} preambular, {counts['operative']} operative, {len(res.footnotes)} footnotes" \
            + (f", {counts['heading']} section headings" if counts["heading"] else "")
    console.print(Text(line))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=7, no_wrap=True)
    zh = res.language == "zh"
    grid.add_column(no_wrap=zh)
    fold = (lambda t: _fold(t, width - 8)) if zh else (lambda t: t)
    missing = "（未找到脚注正文）" if lang == "zh" else "(footnote text not found)"
    for p in res.paragraphs:
        grid.add_row("", "")
        grid.add_row(Text(p.label, style="bold cyan" if color else ""), fold(Text(p.text)))
        for n in p.footnotes:
            note = res.footnote(n)
            mark = note.mark if note and note.mark else n  # an endnote shows Word's mark ("i")
            grid.add_row("", fold(Text(f"[{mark}] {note.text if note else missing}",
                                       style="dim" if color else "")))
    console.print(grid)
    return _finish(buffer, color)


def render_edits(draft: Draft, color: bool = False, width: int = WIDTH) -> str:
    """The draft's automatic edits, one block each: where, which rule, before → after, why (in the
    document's language: a Chinese draft gets the reasons its Word comments give)."""
    console, buffer = _console(color, width)
    h = draft.resolution.header
    lang = label_language(draft.resolution)
    placeholders = sum(e.placeholder for e in draft.edits)
    if lang == "zh":
        from resdiff.lang.numerals import zh_numeral
        from resdiff.render.edit_comments import header_role, zh_reason

        session = f"第{zh_numeral(h.session)}届会议" if h.session else "下一届会议"
        console.print(Text(f"{session}草案：自动修改{len(draft.edits)}处，其中{placeholders}处为待起草人填写的占位符（[●]）",
                           style="bold"))
    else:
        console.print(Text(f"Draft for session {h.session}: {len(draft.edits)} automatic edits, "
                           f"{placeholders} placeholders ([●]) for the drafter to fill", style="bold"))
    for e in draft.edits:
        console.print()
        where = e.label
        if lang == "zh":
            where = "文头" if e.label == "header" else e.label.replace("footnote ", "脚注")
        title = Text(where if e.rule == e.label else where + in_parens([e.rule], lang), style="bold cyan" if color else "")
        if e.placeholder:
            title.append("（待填写的占位符）" if lang == "zh" else "  (placeholder to fill)", style="yellow" if color else "")
        console.print(title)
        change = Text()
        if e.before and e.before == e.after:  # a comment on text the draft keeps (forward-flag, figures-flag)
            change += Text(e.before) + Text("（保留原文，见说明）" if lang == "zh" else "  (kept; see the note)")
        elif e.before and e.after:
            change += segments_text((Segment("delete", e.before),), color) + Text(" → ") \
                + segments_text((Segment("insert", e.after),), color)
        elif e.before:
            change += segments_text((Segment("delete", e.before),), color) + Text("（删除）" if lang == "zh" else "  (removed)")
        else:
            change += segments_text((Segment("insert", e.after),), color) + Text("（添加）" if lang == "zh" else "  (added)")
        if draft.resolution.language == "zh":
            change = _fold(change, console.width - 2)
        console.print(Padding(change, (0, 0, 0, 2)))
        note = e.note
        if lang == "zh":  # the English note stays where no Chinese reason exists for the rule
            note = zh_reason(e, header_role(e, draft.previous.header, h)) or e.note
        if note:
            note_text = Text(note, style="dim" if color else "")
            if lang == "zh":
                note_text = _fold(note_text, console.width - 2)
            console.print(Padding(note_text, (0, 0, 0, 2)))
    return _finish(buffer, color)
