"""Amendments in the fixed UN wording, English or Chinese: plain text, Markdown and Word.

Preambular paragraphs are named by ordinal word ("the third preambular paragraph", "序言部分第三段"),
operative ones by number ("operative paragraph 5 (b)", "执行部分第5(b)段"); quotations in curly quotes;
several instructions are numbered "1.", "2."; a new or replacing paragraph follows its instruction on
lines of its own, in quotes. (GUIDE.md §10; real examples in corpus/pdf/amendments/.)
"""

from __future__ import annotations

from resdiff import patterns
from resdiff.lang.numerals import en_cardinal, en_ordinal, zh_numeral
from resdiff.model import HEADING, OPERATIVE, Amendment

_LABEL = patterns.compile(r"^(PP|OP|H)(\d+)(.*)$")


def _kind_name(kind: str, zh: bool) -> str:
    """The kind of a paragraph as an amendment says it ("operative", "preambular", "section heading")."""
    if zh:
        return {OPERATIVE: "执行部分", HEADING: "节标题"}.get(kind, "序言部分")
    return {OPERATIVE: "operative", HEADING: "section heading"}.get(kind, "preambular")


_PART = patterns.compile(r"^([A-H]) (?=(?:PP|OP|H)\d)")  # "B OP3": operative paragraph 3 of part B


def _label_kind(label: str) -> str:
    label = _PART.sub("", label)
    return OPERATIVE if label.startswith("OP") else HEADING if patterns.match(r"^H\d", label) else "preambular"


def place(label: str, lang: str, subparagraph: str = "") -> str:
    """How an amendment names a paragraph of the text on the table (by its OLD label); in a resolution in
    parts, with its part ("operative paragraph 3 of part B", "B部分执行部分第3段")."""
    zh = lang == "zh"
    part = _PART.match(label)
    if part:
        named = place(label[part.end():], lang, subparagraph)
        return f"{part.group(1)}部分{named}" if zh else f"{named} of part {part.group(1)}"
    if label == "title":
        return "标题" if zh else "the title"
    if label.startswith(("footnote ", "endnote ")):  # a note, by the mark it prints (amendments.note_place)
        kind, _, mark = label.partition(" ")
        return f"{'脚注' if kind == 'footnote' else '尾注'}{mark}" if zh else label
    m = _LABEL.match(label)
    if not m:
        return label
    kind, n, suffix = m.group(1), int(m.group(2)), m.group(3)
    if kind == "H":  # a section heading, never counted as a preambular paragraph
        return f"第{zh_numeral(n)}个节标题" if zh else f"the {en_ordinal(n)} section heading"
    if kind == "PP":
        if zh:
            return f"序言部分第{zh_numeral(n)}段" + (f"{subparagraph}分段" if subparagraph else "")
        name = f"the {en_ordinal(n)} preambular paragraph"
        return f"subparagraph {subparagraph} of {name}" if subparagraph else name
    number = f"{n} {suffix}" if suffix else str(n)
    if zh:
        return f"执行部分第{n}{suffix}{subparagraph}段"
    return f"operative paragraph {number}" + (f" {subparagraph}" if subparagraph else "")


def _count_word(n: int, lang: str) -> str:
    if lang == "zh":
        return "两" if n == 2 else zh_numeral(n)
    return "a" if n == 1 else en_cardinal(n)


def instruction(a: Amendment, lang: str) -> tuple[str, tuple[str, ...]]:
    """(the sentence, the paragraph texts that follow it on lines of their own)."""
    zh = lang == "zh"
    where = place(a.paragraph, lang, a.subparagraph)
    q = lambda text: f"“{_printed(text, lang)}”"  # noqa: E731
    if a.action == "replace":
        return (f"在{where}中，将{q(a.old)}改为{q(a.new)}。" if zh
                else f"In {where}, replace {q(a.old)} with {q(a.new)}."), ()
    if a.action == "insert":
        if zh:
            return f"在{where}中，在{q(a.old)}之{'前' if a.before else '后'}插入{q(a.new)}。", ()
        return f"In {where}, {'before' if a.before else 'after'} {q(a.old)}, insert {q(a.new)}.", ()
    if a.action == "delete":
        return (f"在{where}中，删除{q(a.old)}。" if zh else f"In {where}, delete {q(a.old)}."), ()
    if a.action == "delete_paragraph":
        return (f"删除{where}。" if zh else f"Delete {where}."), ()
    if a.action == "replace_paragraph":
        n = len(a.texts)
        kind = _kind_name(_label_kind(a.paragraph), False)
        if zh:
            return (f"将{where}改为：" if n == 1 else f"将{where}改为以下{_count_word(n, lang)}段："), a.texts
        plural = "section headings" if kind == "section heading" else f"{kind} paragraphs"
        tail = "the following:" if n == 1 else f"the following {en_cardinal(n)} {plural}:"
        return f"Replace {where} with {tail}", a.texts
    if a.action == "move_paragraph":
        target = place(a.anchor, lang)
        if zh:
            return f"将{where}移至{target}之{'前' if a.before else '后'}。", ()
        return f"Move {where} to {'precede' if a.before else 'follow'} {target}.", ()
    if a.action == "replace_everywhere":
        names = {"title": ("the title", "标题"), "preambular": ("the preambular paragraphs", "序言部分"),
                 "operative": ("the operative paragraphs", "执行部分")}
        parts = [names[p][1 if zh else 0] for p in a.parts] or [names["operative"][1 if zh else 0]]
        if zh:
            listed = parts[0] if len(parts) == 1 else "、".join(parts[:-1]) + "和" + parts[-1]
            return f"在{listed}中，将{q(a.old)}改为{q(a.new)}。", ()
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Replace {q(a.old)} with {q(a.new)} in {listed}.", ()
    if a.action == "insert_paragraphs":
        n = len(a.texts)
        kind = a.kind if a.kind in (OPERATIVE, HEADING) else "preambular"
        anchor_kind = _label_kind(a.anchor)
        if zh:
            noun = "节标题" if kind == HEADING else "段落"
            what = (f"{_count_word(n, lang)}个新的" + ("" if kind == anchor_kind or kind == HEADING else _kind_name(kind, True))
                    + noun)
            if not a.anchor:
                return f"在末尾插入{what}，内容如下：", a.texts
            return f"在{place(a.anchor, lang)}之{'前' if a.before else '后'}插入{what}，内容如下：", a.texts
        noun = _kind_name(kind, False) + ("" if kind == HEADING else " paragraph")
        what = f"a new {noun}" if n == 1 else f"{en_cardinal(n)} new {noun}s"
        if not a.anchor:
            return f"At the end, insert {what} reading:", a.texts
        return f"{'Before' if a.before else 'After'} {place(a.anchor, lang)}, insert {what} reading:", a.texts
    raise ValueError(a.action)


def _printed(text: str, lang: str) -> str:
    """A quotation as a Chinese drafter types it: without the spaces PDF extraction leaves around digits
    and Latin letters ("2019 年 12 月 18 日第 74/153" → "2019年12月18日第74/153"); apply_amendments
    finds it in the spaced text all the same."""
    if lang != "zh":
        return text
    from resdiff.normalize import as_printed

    return as_printed(text)


def _numbered(amendments: tuple[Amendment, ...], lang: str):
    many = len(amendments) > 1
    for k, a in enumerate(amendments, 1):
        sentence, texts = instruction(a, lang)
        texts = tuple(_printed(t, lang) for t in texts)
        yield (f"{k}." if many else ""), sentence, texts


def heading(lang: str, old_name: str | None, title: str | None) -> list[str]:
    lines = []
    if old_name:
        lines.append(f"对{old_name}的修正" if lang == "zh" else f"Amendments to {old_name}")
    if title:
        lines.append(title)
    return lines


def render_text(amendments: tuple[Amendment, ...], lang: str, old_name: str | None = None,
                title: str | None = None) -> str:
    """Plain text: one numbered instruction a line, new paragraphs indented in quotes below it."""
    lines = heading(lang, old_name, title)
    if lines:
        lines.append("")
    if not amendments:
        lines.append("无修正。" if lang == "zh" else "No amendments: the texts are the same (layout aside).")
    for number, sentence, texts in _numbered(amendments, lang):
        lines.append(f"{number} {sentence}".strip())
        for t in texts:
            body = f"“{t}”".split("\n")
            lines += ["    " + line for line in body]
    return "\n".join(lines) + "\n"


def render_markdown(amendments: tuple[Amendment, ...], lang: str, old_name: str | None = None,
                    title: str | None = None) -> str:
    from resdiff.render.markdown import _escape

    head = heading(lang, old_name, title)
    lines = []
    if head:
        lines += [f"# {_escape(head[0])}", ""] + [f"*{_escape(h)}*" for h in head[1:]] + ([""] if head[1:] else [])
    if not amendments:
        lines.append("无修正。" if lang == "zh" else "No amendments: the texts are the same (layout aside).")
    for k, (_number, sentence, texts) in enumerate(_numbered(amendments, lang), 1):
        lines.append(f"{k}. {_escape(sentence)}")
        for t in texts:
            lines += ["", "   > " + _escape(f"“{t}”").replace("<br>\n", "<br>\n   > ")]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_docx(amendments: tuple[Amendment, ...], lang: str, old_name: str | None = None,
                title: str | None = None) -> bytes:
    """A Word document laid out like a tabled amendment: numbered instructions with a hanging indent,
    new paragraphs indented below them."""
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from resdiff.render.docx import _template_bytes

    # Our own template, not python-docx's default: that one carries a stylesWithEffects part that
    # disagrees with its styles, which Word repairs on opening (openxml-audit's app-compat findings).
    doc = Document(io.BytesIO(_template_bytes(lang)))
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "SimSun")
    if lang == "zh":
        # Chinese: the curly quotes “…” are full-width East Asian marks, not Latin ones (Word and LibreOffice
        # take these ambiguous characters from the Latin font unless told); the text is Chinese
        from resdiff.render.wordxml import set_east_asian_language

        fonts.set(qn("w:hint"), "eastAsia")
        set_east_asian_language(style.element.get_or_add_rPr(), "zh-CN")
    for k, line in enumerate(heading(lang, old_name, title)):
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.bold = k > 0
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if not amendments:
        doc.add_paragraph("无修正。" if lang == "zh" else "No amendments: the texts are the same (layout aside).")
    for number, sentence, texts in _numbered(amendments, lang):
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Cm(1.27)
        p.paragraph_format.first_line_indent = Cm(-1.27) if number else Cm(0)
        p.paragraph_format.space_after = Pt(6)
        p.add_run(f"{number}\t{sentence}" if number else sentence)
        for t in texts:
            for k, line in enumerate(t.split("\n")):
                q = doc.add_paragraph()
                q.paragraph_format.left_indent = Cm(2.54)
                q.paragraph_format.space_after = Pt(6)
                first, last = k == 0, k == len(t.split("\n")) - 1
                q.add_run(("“" if first else "") + line + ("”" if last else ""))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_for_output(cmp, output=None) -> str | bytes:
    """The amendments of a comparison for ``compare --format amendments``: Word for ``-o *.docx``,
    Markdown for ``*.md``, plain text otherwise; in the language of the documents."""
    from resdiff.amendments import amendments_from
    from resdiff.render.common import label_language

    amendments = amendments_from(cmp)
    lang = label_language(cmp.old, cmp.new)
    h = cmp.old.header
    name, title = h.symbol or h.number or cmp.old.source, h.title
    suffix = output.suffix.lower() if output is not None else ""
    if suffix == ".docx":
        return render_docx(amendments, lang, name, title)
    if suffix in (".md", ".markdown"):
        return render_markdown(amendments, lang, name, title)
    return render_text(amendments, lang, name, title)
