"""Wording shared by the text renderers (terminal, Markdown, HTML): titles and summary rows, in the
language of the documents (``label_language``): a Chinese pair gets Chinese labels (``修改``, ``脚注3``,
``文头``), anything else English. Paragraph labels (``PP3``, ``OP5``) stay as they are in every language:
they are what ``--paragraph`` and the JSON use. Machine values (statuses in JSON) are never translated."""

from __future__ import annotations

from collections import Counter

from resdiff import patterns
from resdiff.model import Comparison, FootnoteChange, PairDiff, ReadingWarning, Resolution

STATUS_ORDER = ("modified", "moved", "inserted", "deleted", "split", "merged", "unchanged")

def label_language(*documents: Resolution) -> str:
    """The language of a report's own words: Chinese when every document it shows is Chinese, else
    English (a mixed or French pair gets the lingua franca, not a guess)."""
    return "zh" if documents and all(d.language == "zh" for d in documents) else "en"


# Chinese for every English label the reports print (statuses, headings, table columns, notes). Keyed by
# the English words, so the English code reads as it did; ``say`` falls back to English, and the tests
# check that a Chinese report has no English words left besides labels and symbols.
ZH_WORDS = {
    # statuses and flags (PairDiff.status, history timeline)
    "modified": "修改", "moved": "移动", "inserted": "新增", "deleted": "删除", "split": "拆分",
    "merged": "合并", "unchanged": "未改", "renumbered": "重新编号", "footnotes changed": "脚注有改动",
    "section heading": "节标题", "text changed": "文字有改动", "header fields changed": "文头字段有改动",
    "footnote": "脚注", "endnote": "尾注", "added": "新增", "removed": "删除",
    # compare reports
    "Summary": "摘要", "paragraphs": "段落", "count": "数目", "Header": "文头", "Paragraphs": "段落",
    "Note": "注", "Warning": "警告", "old": "旧版本", "new": "新版本", "Inline": "逐段对照",
    "Side by side": "左右对照", "Inline view": "逐段对照视图", "Side-by-side view": "左右对照视图",
    "No differences.": "无差异。", "Renumbered only": "仅重新编号",
    " (layout noise ignored; --strict shows it)": "（已忽略排版差异；--strict 可显示）",
    "its text is not in the document": "文件中没有其正文",
    # history
    "not yet in the text": "尚未出现", "first version": "首次出现", "version": "版本", "session": "届会",
    "date": "日期", "file": "文件", "paragraphs last changed here": "在此版本最后修改的段落",
    "Versions, oldest first": "各版本（从旧到新）", "Latest text": "最新文本",
    "Click a paragraph to see its timeline.": "点击段落可查看其沿革。", "timeline": "沿革",
    "Removed along the way": "期间删除的段落",
}

HEADER_FIELD_NAMES_ZH = {
    "session": "届会",
    "agenda_item": "议程项目",
    "agenda_title": "议程项目标题",
    "symbol": "文号",
    "number": "决议编号",
    "title": "标题",
    "date": "通过日期",
    "report_symbol": "委员会报告",
    "plenary_meeting": "全体会议",
    "body": "机关",
    "sponsors": "提案国",
    "other": "文头其他行",
    "session_text": "届会行",
    "adoption": "通过日期行",
    "report": "委员会报告行",
    "author": "主语行",
    "language": "语言",
}


def say(words: str, lang: str) -> str:
    """``words`` in the report language (English as written when there is no Chinese for it)."""
    return ZH_WORDS.get(words, words) if lang == "zh" else words


def field_name(field: str, lang: str = "en") -> str:
    """A header field for people: 'Agenda item' / '议程项目'."""
    names = HEADER_FIELD_NAMES_ZH if lang == "zh" else HEADER_FIELD_NAMES
    return names.get(field, field)


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def in_parens(items: list[str], lang: str) -> str:
    """'(moved, renumbered)' / '（移动、重新编号）'."""
    return f"（{'、'.join(items)}）" if lang == "zh" else f" ({', '.join(items)})"


HEADER_FIELD_NAMES = {
    "session": "Session",
    "agenda_item": "Agenda item",
    "agenda_title": "Agenda item title",
    "symbol": "Symbol",
    "number": "Resolution number",
    "title": "Title",
    "date": "Adoption date",
    "report_symbol": "Committee report",
    "plenary_meeting": "Plenary meeting",
    "body": "Body",
    "sponsors": "Sponsors",
    "other": "Header line",
    "session_text": "Session line",
    "adoption": "Adoption line",
    "report": "Committee report line",
    "author": "Author line",
}


def pair_title(p: PairDiff, lang: str = "en") -> str:
    """'PP5 → PP6 (moved, renumbered)', 'OP18 (inserted)', 'PP4 (deleted)', 'OP3 (unchanged)';
    Chinese: 'PP5 → PP6（移动、重新编号）'."""
    old, new = "+".join(p.old), "+".join(p.new)
    if not p.old:
        where = new
    elif not p.new:
        where = old
    elif old == new:
        where = new
    else:
        where = f"{old} → {new}"
    flags = [p.status]
    if p.renumbered and p.status == "unchanged":
        flags = ["renumbered"]
    elif p.renumbered:
        flags.append("renumbered")
    if shown_footnotes(p):
        flags.append("footnotes changed")
    if all(patterns.match(r"H\d", label) for label in p.old + p.new):  # "H2 → H3 (section heading, modified)"
        flags.insert(0, "section heading")
    return where + in_parens([say(f, lang) for f in flags], lang)


def shown_footnotes(p: PairDiff) -> list[FootnoteChange]:
    """Footnote changes a reader sees: layout-only differences are for the redline alone."""
    return [f for f in p.footnotes if not f.layout_only]


def footnote_title(f: FootnoteChange, lang: str = "en") -> str:
    """'footnote 3', 'footnote 3 → 4' (renumbered), 'footnote 2 (added)', 'endnote ii (removed)'; says so
    when the body is not in the file. Chinese: '脚注3', '脚注2（新增），文件中没有其正文'."""
    old, new = f.old_mark or f.old, f.new_mark or f.new
    if f.old is None:
        title = f"{new}{in_parens([say('added', lang)], lang)}"
    elif f.new is None:
        title = f"{old}{in_parens([say('removed', lang)], lang)}"
    else:
        title = str(new) if old == new else f"{old} → {new}"
    title = f"{say(f.kind, lang)}{'' if lang == 'zh' else ' '}{title}"
    if f.segments:
        return title
    return f"{title}{'，' if lang == 'zh' else ', '}{say('its text is not in the document', lang)}"


def is_shown(p: PairDiff) -> bool:
    """Reports show every pair that is not plainly unchanged; renumbering alone is listed in one line."""
    return p.status != "unchanged"


def renumbered_line(cmp: Comparison, lang: str = "en") -> str:
    """'Renumbered only: OP5→OP6, OP6→OP7' / '仅重新编号：OP5→OP6、OP6→OP7'; "" when none is."""
    moves = [f"{p.old[0]}→{p.new[0]}" for p in cmp.pairs if not is_shown(p) and p.renumbered]
    if not moves:
        return ""
    return say("Renumbered only", lang) + colon(lang) + ("、" if lang == "zh" else ", ").join(moves)


def summary_rows(cmp: Comparison, lang: str = "en") -> list[tuple[str, int]]:
    counts = cmp.summary
    rows = [(s, counts[s]) for s in STATUS_ORDER if counts[s]]
    if counts["renumbered"]:
        rows.append(("renumbered", counts["renumbered"]))
    if counts["header"]:
        rows.append(("header fields changed", counts["header"]))
    return [(say(name, lang), count) for name, count in rows]


def headline(cmp: Comparison) -> str:
    def name(res):
        h = res.header
        return h.symbol or h.number or res.source or "?"

    return f"{name(cmp.old)} → {name(cmp.new)}"


def warning_line(w: ReadingWarning, lang: str = "en") -> str:
    """'OP19: paragraph 20 seems to start inside OP19 … [numbered-inside]'; Chinese where the reader
    wrote it in Chinese ('OP3：文本在句子中间结束（…）：是节选还是文本不完整？[ends-mid-sentence]')."""
    if lang == "zh" and w.message_zh:
        return f"{w.label + '：' if w.label else ''}{w.message_zh} [{w.code}]"
    return f"{w.label + ': ' if w.label else ''}{w.message} [{w.code}]"


def comparison_warnings(cmp: Comparison) -> list[tuple[str, ReadingWarning]]:
    """Reading warnings of both versions, each with the side it belongs to ("old" / "new")."""
    return [(side, w) for side, res in (("old", cmp.old), ("new", cmp.new)) for w in res.warnings]


WARNINGS_PER_KIND = 10  # warnings of one kind printed on stderr before the rest are counted


def warnings_text(res: Resolution, name: str | None = None) -> str:
    """Warnings as lines for stderr ('Warning: old.txt: OP3: …'), or "" when there are none; for a
    Chinese text in Chinese, as the reports say them ('警告：旧.txt：OP3：文本在句子中间结束…')."""
    zh = res.language == "zh"
    word, colon = ("警告：", "：") if zh else ("Warning: ", ": ")
    prefix = f"{name}{colon}" if name else ""
    lines, seen = [], Counter(w.code for w in res.warnings)
    shown: Counter = Counter()
    for w in res.warnings:
        shown[w.code] += 1
        if shown[w.code] <= WARNINGS_PER_KIND:
            lines.append(f"{word}{prefix}{warning_line(w, res.language)}\n")
        elif shown[w.code] == seen[w.code]:
            # a huge or odd text can flag thousands of paragraphs: say how many, not each (JSON lists all)
            more = seen[w.code] - WARNINGS_PER_KIND
            lines.append(f"{word}{prefix}" + (f"……另有 {more} 条同类警告" if zh else f"… and {more} more of the same kind")
                         + f" [{w.code}]\n")
    return "".join(lines)
