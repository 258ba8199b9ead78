"""One structure-finder for every input format: a stream of lines → a Resolution.

Each reader (``read.text``, ``read.pdf``, ``read.docx``) extracts what its format knows into a stream of
``Line`` records (text, a blank line or vertical gap before, a page break before, a first-line indent,
emphasised lead words, footnote markers it already knows, an automatic list number, whether the record
is a whole paragraph or one wrapped line) plus the footnote bodies it found. ``build_resolution`` then
applies the same rules to every format, in four steps (each a small function below):

1. ``_split_header``: everything before the author line (``大会，`` / ``The General Assembly,``) is the
   header; ``parse_header`` reads session, agenda item, dates, symbols and title from it. Header lines
   that match no field are kept in ``Header.other``: nothing is dropped silently.
2. ``_strip_body``: take footnote bodies (``¹ A/CONF…`` lines, or numbered lines after a ``____`` rule)
   and page furniture (document symbol, job number, ``2/4``, running title) out of the body, when the
   reader did not already know them. Lines that follow removed material are marked as coming "after a
   break" so a paragraph cut by a page break is rejoined. Closing lines (plenary meeting, date) go to
   the header.
3. ``_segment``: group body lines into paragraphs. A paragraph can only end at a line ending with
   ``，,；;。.：:`` (a footnote marker after it is ignored); a new one starts at an operative number, at a
   paragraph-opening word (``回顾`` / ``Recalling``), where the reader saw a paragraph start (a whole
   Word paragraph, a PDF first-line indent), or after a blank line where blank lines are real paragraph
   breaks (not where every wrapped line is followed by one, as in some PDF extractions).
4. ``_build_paragraph``: join the lines (linear in their number), remove ``**``, record the lead verb,
   the operative number and ``bis`` suffix, sub-paragraphs, and footnote markers (known ones from the
   reader; otherwise superscripts, or bare digits that make sense as the next footnote number).

The language rules are public names used by the readers: ``AUTHOR`` (the author line), ``SUBPARA`` (a
sub-paragraph marker), ``CLOSING_ZH_MEETING`` / ``CLOSING_EN_MEETING`` (closing lines), ``is_opener``,
``op_number``, ``emphasised_lead``, ``is_closing``, ``parse_header`` and ``iso_date``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff import deadline, patterns
from resdiff.lang.numerals import EN_MONTHS, parse_en_ordinal, parse_zh_numeral
from resdiff.model import (HEADING, OPERATIVE, PREAMBULAR, Footnote, Header, Paragraph, ReadingWarning, Resolution,
                           SubParagraph)
from resdiff.normalize import has_traditional, is_cjk, normalize, to_simplified
from resdiff.read.uncited import NOT_A_MARKER_AFTER, cite_by_sequence, space_around_marker
from resdiff.records import mutable_record, record

# ── character classes and vocabulary ──────────────────────────────────────────────────────────────

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_SUPERSCRIPT = str.maketrans("0123456789", _SUPERSCRIPTS)  # footnote markers as this reader knows them
_SUPERSCRIPT_VALUE = {c: str(i) for i, c in enumerate(_SUPERSCRIPTS)}
_END_PUNCT = set("，,；;。.：:،؛")  # Arabic comma and semicolon too: other languages must not merge paragraphs
_CJK_PUNCT_OPEN = "《“（(「『"
_CJK_CONTEXT = patterns.compile(r"[\u3400-\u9fff]")

# Verbs that open Chinese paragraphs; longest first so that "又回顾" wins over "回顾".
_ZH_OPENERS = sorted(
    """重申 又重申 还重申 再次重申 回顾 又回顾 还回顾 再次回顾 进一步回顾 认识到 又认识到 还认识到 确认 又确认 还确认
    着重指出 又着重指出 强调指出 又强调指出 强调 又强调 还强调 再次强调 再次申明 申明 又申明 铭记 又铭记 还铭记
    注意到 又注意到 还注意到 满意地注意到 赞赏地注意到 关切地注意到 审议了 认为 又认为 深信 确信 又确信 关切 深为关切
    严重关切 表示关切 欢迎 又欢迎 还欢迎 意识到 又意识到 考虑到 又考虑到 忆及 又忆及 赞赏 表示赞赏 承认 又承认
    决心 念及 又念及 认可 指出 又指出 深感关切 感到关切 震惊 深感震惊 希望 遗憾 痛惜 谴责 重视 决定 请 促请 敦促
    吁请 鼓励 邀请 建议 呼吁 支持 赞扬 核可 感谢 祝贺 授权 要求 宣布 通过""".split(),
    key=len,
    reverse=True,
)
# Verbs that start a preambular paragraph and rarely start a wrapped line: the only ones trusted to
# split Chinese text where blank lines do not mark paragraphs ("请", "通过", "决定" often start a wrap).
_ZH_PP_OPENERS = tuple(
    v for v in _ZH_OPENERS
    if v not in {"请", "通过", "决定", "要求", "支持", "建议", "指出", "希望", "关切", "重视", "授权", "宣布", "感谢",
                 "呼吁", "鼓励", "邀请", "促请", "敦促", "吁请", "赞扬", "核可", "祝贺", "遗憾", "痛惜", "谴责", "决心",
                 "认可", "承认", "申明", "赞赏"}
)
# Participles and adjectives that open English preambular paragraphs (the generic rule catches the rest).
EN_OPENERS = sorted(
    """Reaffirming|Recalling|Recognizing|Acknowledging|Bearing in mind|Emphasizing|Stressing|Underlining|
    Underscoring|Noting|Taking note|Welcoming|Reiterating|Convinced|Concerned|Deeply concerned|
    Gravely concerned|Seriously concerned|Alarmed|Deeply alarmed|Mindful|Aware|Conscious|Considering|
    Affirming|Expressing|Guided by|Having considered|Having examined|Having regard|Encouraged|Determined|
    Desiring|Believing|Appreciating|Commending|Deploring|Condemning|Highlighting|Observing|Realizing|
    Taking into account|Taking into consideration|Keeping in mind|Further recalling|Also recalling|
    Regretting|Reaffirming also|Reaffirming further|Noting with appreciation|Noting with concern|
    Noting with satisfaction|Acknowledging also|Cognizant|Emphasizing also|Stressing also|Recognizing also|
    Recalling also|Recalling further|Underlining also|Welcoming also|Noting also|Expressing concern|
    Expressing deep concern|Expressing its appreciation|Reiterating also|Pointing out|Looking forward""".replace(
        "\n", ""
    ).split("|"),
    key=len,
    reverse=True,
)
# English-only patterns here are compiled on first use (patterns.lazy_compile): a Chinese text never pays for them.
_EN_OPENER_RE = patterns.lazy_compile(r"^(?:" + "|".join(re.escape(o.strip()) for o in EN_OPENERS) + r")\b")
# Any capitalised -ing / -ed word followed by a lower-case word ("Deploring the", "Convinced that"), not by
# "and", "or", "of": a wrapped line of a title ("Stockpiling and Use of Chemical Weapons").
_EN_GENERIC_OPENER = patterns.lazy_compile(r"^[A-Z][a-z]+(?:ing|ed)\s+(?!(?:and|or|of)\b)[a-z]")
_EN_LEAD_TAIL = patterns.lazy_compile(
    r"^(?:\s+(?:also|further|furthermore|moreover|again|once again|in mind|note of|into account|"
    r"with (?:deep |grave |great |serious )?(?:appreciation|concern|satisfaction|interest|regret)))+"
)
_EN_OP_LEAD = patterns.lazy_compile(
    r"^(?:(?:Also|Further|Furthermore|Again|Once again|Strongly|Firmly|Urgently|Reiterates its|Also strongly|"
    r"Further strongly|Deeply|Expressly|Warmly)\s+)*[A-Z]?[a-z]+s(?:\s+(?:upon|on))?(?=[\s,:;]|$)"
)

_OP_NUMBER = patterns.compile(r"^(\d{1,3})(?:\s*(bis|ter|quater|quinquies|sexies|septies|octies))?\s*[.．](?=\s|$|\S)")
SUBPARA = patterns.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)|[㈠-㈩]|（[一二三四五六七八九十]+）)\s*")
_FOOTNOTE_RULE = patterns.compile(r"^\s*_{5,}\s*$")
_SUPERSCRIPT_LINE = patterns.compile(rf"^\s*([{_SUPERSCRIPTS}]+)\s*(\S.*)$")
_NUMBERED_LINE = patterns.compile(r"^\s*(\d{1,3})\s+(\S.*)$")
# Footnote bodies numbered in other styles of web copies and older documents: "(2) …", "[2] …", "2/ …".
_MARKED_LINE = patterns.compile(r"^\s*(?:\((\d{1,3})\)|\[(\d{1,3})\]|(\d{1,3})/)\s*(\S.*)$")

# Page furniture in PDF extractions: lines that anchor a page header or footer.
_FURNITURE = [
    # document symbol A/RES/74/153 (never with a final full stop: "A/79/195." is a footnote's text)
    patterns.compile(r"^[A-Z]{1,2}(?:/[A-Z0-9.\-]+)+(?<!\.)$"),
    _PAGE_NUMBER := patterns.compile(r"^\d{1,3}\s*/\s*\d{1,3}$"),  # page "2/4"
    patterns.compile(r"^\d{2}-\d{5}(?:\s*\(\w\))?(?:\s+\d{6})?$"),  # job number "19-22275 (E)    220120"
    patterns.compile(r"^\d{6}$"),  # the job's date ("191223") when an extraction puts it on a line of its own
    patterns.compile(r"^\*\d{5,}\*$"),  # bar code "*1922275*"
    patterns.compile(r"^Page \d+(?: of \d+)?$"),
]
# A page header printed on one line: the document symbol before or after (a piece of) the running title.
_SYMBOL_BESIDE = patterns.compile(r"^(?:[A-Z]{1,2}(?:/[A-Z0-9.\-]+)+\s+(.+)|(.+?)\s+[A-Z]{1,2}(?:/[A-Z0-9.\-]+)+)$")
# Lines that are furniture only when they sit in a page header next to one of the anchors above.
_WEAK_FURNITURE = patterns.compile(r"^(?:United Nations|Distr\.: \w+|General Assembly|联合国|大会|Nations Unies|Naciones Unidas)$")

_MONTHS = {m.lower(): i for i, m in enumerate(EN_MONTHS, 1)}


def _zh_number(text: str) -> int | None:
    try:
        return parse_zh_numeral(text.strip())
    except ValueError:
        return None


def _en_ordinal(text: str) -> int | None:
    try:
        return parse_en_ordinal(text.strip())
    except ValueError:
        return None


def iso_date(text: str) -> str | None:
    """First date in ``text`` as ISO: "2020 年 12 月 16 日", "16 December 2020", "December 16, 2020"."""
    m = patterns.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}"
    m = patterns.search(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b", text)
    if m and m.group(2).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    m = patterns.search(r"\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})\b", text)
    if m and m.group(1).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(1).lower()]:02d}-{int(m.group(2)):02d}"
    return None


# ── the stream every reader produces ─────────────────────────────────────────────────────────────


@record
class Line:
    """One record of a reader's stream: a wrapped line (text, PDF) or a whole paragraph (Word)."""

    text: str  # stripped; an operative number printed in the margin is put before the text ("1. Decides")
    blank_before: bool = False  # a blank line (text) or a wider vertical gap (PDF) separates it from the last
    after_break: bool = False  # a page break, footnote bodies or page furniture came just before it
    indent: bool = False  # the source line was indented (web copies, a PDF first-line indent)
    starts_paragraph: bool = False  # the reader knows a paragraph (or sub-paragraph) starts here
    whole: bool = False  # the record is a whole paragraph, not one wrapped line of it
    lead: str = ""  # emphasised (italic / bold) words that open the record, as they start ``text``
    markers: tuple[tuple[int, int], ...] = ()  # footnote markers already known: (number, offset in text)
    marker: str = ""  # a sub-paragraph marker the reader knows, as ``text`` starts ("(a)", a Word level "a.")
    printed: str = ""  # the record as printed, line breaks kept (a Word paragraph's), when ``text`` joined them


# ── step 2: header ────────────────────────────────────────────────────────────────────────────────

AUTHOR = patterns.compile(
    r"^(?:大会|人权理事会|安全理事会|经济及社会理事会|理事会)[，,]?$"
    r"|^The\s+(?:General Assembly|Human Rights Council|Security Council|Economic and Social Council|"
    r"[A-Z][\w\- ]{2,60}?)\s*,$"
    r"|^The\s+(?:General Assembly|Human Rights Council|Security Council|Economic and Social Council)$"  # comma lost
    r"|^(?:L'Assemblée générale|La Asamblea General|Генеральная Ассамблея|Le Conseil des droits de l'homme|"
    r"El Consejo de Derechos Humanos|Совет по правам человека)\s*,$"
    r"|^إن\s+(?:الجمعية العامة|مجلس حقوق الإنسان|مجلس الأمن)\s*[،,]$"
)


def _is_paragraph_start(line: str, lang: str) -> bool:
    return bool(_OP_NUMBER.match(line) and not patterns.match(r"^\d+/\d+", line)) or is_opener(line, lang)


def is_opener(line: str, lang: str) -> bool:
    if lang == "zh":
        return line.startswith(_ZH_PP_OPENERS)
    return bool(_EN_OPENER_RE.match(line) or _EN_GENERIC_OPENER.match(line))


def _split_header(lines: list[Line], lang: str) -> int:
    """Index of the first body line: just after the author line, else the first paragraph-looking line."""
    for i, line in enumerate(lines[:60]):
        if AUTHOR.match(line.text):
            # "79/99. Questions relating to information" / "A" / "Information in the service of humanity" /
            # "The General Assembly,": the part's letter and title open the body, not the document title
            for k in range(i - 1, max(i - 4, -1), -1):
                if _NUMBER_TITLE.match(lines[k].text) or _AGENDA.match(lines[k].text):
                    break  # a letter before the resolution's number and title is not a part of its body
                if _PART_LETTER.match(lines[k].text.strip()) or _PART_WITH_TITLE.match(lines[k].text.strip()):
                    return k
                if k and _PART_HEADING.match(lines[k].text.strip()) and lines[k].blank_before \
                        and any(_NUMBER_TITLE.match(x.text) for x in lines[max(k - 3, 0):k]):
                    # "79/99. Questions relating to information" (maybe wrapped) / a gap / "A Information in
                    # the service of humanity": a wrapped title's next line has no gap before it
                    return k
            return i + 1
    for i, line in enumerate(lines):
        if is_opener(line.text, lang) or (i and _OP_NUMBER.match(line.text) and not patterns.match(r"^\d+/\d+", line.text)):
            return i
        # a whole (Word) paragraph that is numbered, or opens with emphasised words, is body text
        if line.whole and (line.lead or op_number(line.text)):
            return i
        # Other languages have no opener list: a line ending like a preambular paragraph (",", "،")
        # starts the body, so that preambular text is never taken for (and lost in) the header.
        if lang == "other" and patterns.search(r"[,،，]\s*$", line.text):
            return i
    return 0


def _separator(before: str, piece: str) -> str:
    """What joins a wrapped piece to the text before it (its last characters): nothing next to
    Chinese, nothing inside "good-" + "neighbourliness", else one space."""
    if not before or not piece:
        return ""
    if is_cjk(before[-1]) or is_cjk(piece[0]) or before[-1] in _CJK_PUNCT_OPEN:
        return ""
    if before.endswith("-") and not before.endswith(" -") and piece[0].isalpha():
        return ""
    # Chinese lines wrap anywhere, inside a number or a symbol too ("第74/" + "153号", "20" + "00年",
    # "A/C" + "ONF.157"): no space there; between two words ("(Part" + "I)") one stays. The cheap tests
    # first: most joins are between two words.
    inside = (before[-1].isdigit() and piece[0].isdigit()) or before[-1] in "/-" or piece[0] in "/-)"
    if not inside and piece[0].isalnum() and any(c in "/.0123456789" for c in before.rsplit(" ", 1)[-1]):
        token = patterns.search(r"[^\s(\[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*$", before).group(0)
        inside = bool(patterns.search(r"[/\d.]", token))
    if inside and (_CJK_CONTEXT.search(before) or _CJK_CONTEXT.search(piece[:32])):
        return ""
    return " "


def _join_pieces(pieces: list[str]) -> tuple[str, list[int]]:
    """Join wrapped pieces in one pass (linear in their number); also return where each piece starts in
    the result. A piece that starts with "\n" (a sub-paragraph) keeps its line break."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    tail = ""  # last characters joined so far (enough to see the token a wrap cut and Chinese around it)
    for piece in pieces:
        if piece.startswith("\n"):
            while parts and parts[-1] and parts[-1][-1] in " \t":  # no space before the line break
                trimmed = parts[-1].rstrip(" \t")
                length -= len(parts[-1]) - len(trimmed)
                parts[-1] = trimmed
                if not trimmed:
                    parts.pop()
            sep = ""
        else:
            sep = _separator(tail, piece)
        starts.append(length + len(sep))
        parts.append(sep + piece)
        length += len(sep) + len(piece)
        tail = (tail[-32:] + sep + piece[-32:])[-32:]
    return "".join(parts), starts


def _join_all(pieces: list[str]) -> str:
    return _join_pieces(pieces)[0]


_SESSION_ZH = patterns.compile(r"第\s*([〇零一二两三四五六七八九十百千]+)\s*届(?:特别|紧急特别)?会议")
_SESSION_EN = patterns.lazy_compile(r"\b((?:[A-Za-z]+[\s\-])*?[A-Za-z]+|\d+(?:st|nd|rd|th))\s+(?:special\s+|emergency special\s+)?session\b", re.I)
_AGENDA = patterns.compile(r"^(?:议程项目|Agenda items?|Point|Tema|Пункт)\s*(.+)$", re.I)
_NUMBER_TITLE = patterns.compile(r"^(\d{1,3}/\d{1,4})\s*[.．]\s*(.*)$")
_ADOPTION = patterns.compile(r"(决议|Resolution adopted by|adopted by the)", re.I)
# "Cuba: draft resolution", "Azerbaijan:* draft resolution" (the star calls a note "On behalf of …")
_SPONSORS = patterns.compile(r"^(.+?)\s*\*?\s*[:：]\s*\*?\s*(?:revised )?(?:draft resolution|决议草案|订正决议草案)", re.I)
_ADOPTION_START = patterns.compile(r"^(?:Resolution|Decision|Résolution|Décision|Resolución|Decisión)\b|决议$|决定$|^\d")
_REPORT = patterns.compile(r"^[\[［].*(报告|report|rapport|informe).*$", re.I)
_SYMBOL_IN = patterns.compile(r"\b[A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+")
_BODIES = [
    ("Human Rights Council", "Human Rights Council"),
    ("General Assembly", "General Assembly"),
    ("Security Council", "Security Council"),
    ("Economic and Social Council", "Economic and Social Council"),
    ("人权理事会", "人权理事会"),
    ("安全理事会", "安全理事会"),
    ("大会", "大会"),
]
_GA_BODIES = {"General Assembly", "大会"}


def _parse_session(text: str) -> int | None:
    m = _SESSION_ZH.search(text)
    if m:
        return _zh_number(m.group(1))
    m = _SESSION_EN.search(text)
    if m:
        # try the longest ordinal phrase ending just before "session": "one hundred and first", "Seventy-fourth"
        words = m.group(1).split()
        for start in range(len(words)):
            value = _en_ordinal(" ".join(words[start:]))
            if value:
                return value
    return None


_MASTHEAD_SYMBOL = patterns.compile(
    r"^(?:United Nations|联\s*合\s*国|Nations Unies|Naciones Unidas)\s+([A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+)\s*$")
_DRAFT_SYMBOL = patterns.compile(r"[A-Z]{1,2}(?:/[A-Za-z0-9.\-]*(?:\[●\])?)+")


def parse_header(lines: list[str], lang: str, gaps: list[bool] | None = None) -> dict:
    """Header fields from the header lines (furniture lines are recognised and ignored).

    ``gaps``: for each line, whether a vertical gap separates it from the line before, where the reader
    measured it (PDF): the gap after an agenda title ends it, so a draft's sponsors wrapped over several
    lines ("Albania, Andorra, …, New" / "Zealand, …" / "and United Kingdom …: draft resolution") are
    not read as more title.
    """
    h: dict = {}
    after_title: list[str] = []  # plain lines after a bold agenda title: sponsors, if a sponsors line follows
    i = 0
    body_names = " ".join(lines)
    for name, value in _BODIES:
        if name in body_names:
            h["body"] = value
            break
    title_lines: list[str] | None = None
    agenda_title: list[str] | None = None
    other: list[str] = []
    while i < len(lines):
        line = lines[i]
        if AUTHOR.match(line):
            h["author"] = line
            title_lines = agenda_title = None
        elif "session" not in h and _parse_session(line) is not None and ("届" in line or "session" in line.lower()):
            h["session"] = _parse_session(line)
            h["session_text"] = line
            agenda_title = title_lines = None
        elif _AGENDA.match(line):
            h["agenda_item"] = patterns.sub(r"\s+", "", _AGENDA.match(line).group(1))
            agenda_title = []
            title_lines = None
        elif _REPORT.match(line) or (patterns.match(r"^[\[［]", line) and not patterns.search(r"[\]］]", line)
                                     and patterns.search(r"报告|report|rapport|informe", " ".join(lines[i:i + 3]), re.I)):
            # a report line wrapped before its "]" ("[on the report of the Third Committee" /
            # "(A/79/452, para. 18)]") takes its next lines up to the bracket
            while not patterns.search(r"[\]］]", line) and i + 1 < len(lines) and len(line) < 300:
                i += 1
                line = _join_all([line, lines[i]])
            h["report"] = line
            m = patterns.search(r"[(（]\s*([A-Z]{1,2}(?:/[A-Za-z0-9.\-]+)+)", line) or _SYMBOL_IN.search(line)
            if m:
                h["report_symbol"] = m.group(1) if m.re.groups else m.group(0)
            agenda_title = title_lines = None
        elif _SPONSORS.match(line):
            # sponsors wrapped over several lines ("Bhutan, Cuba, …," / "… and" / "Viet Nam: draft
            # resolution"): the lines before that end in "," or "and" are theirs, not the agenda title's
            wrapped, after_title = after_title, []
            continues = bool(patterns.match(r"^(?:and|,)\s", line))  # "and United Kingdom …: draft resolution"
            while not wrapped and agenda_title and (continues or patterns.search(r"(?:,|\band)\s*$", agenda_title[-1])):
                wrapped.insert(0, agenda_title.pop())
                continues = False
            if wrapped:
                if agenda_title:
                    h["agenda_title"] = _join_all(agenda_title)
                else:
                    h.pop("agenda_title", None)
            h["sponsors"] = _join_all(wrapped + [_SPONSORS.match(line).group(1).strip()])
            title_lines, agenda_title = [], None  # a draft's title follows its sponsors line
        elif _NUMBER_TITLE.match(line):
            m = _NUMBER_TITLE.match(line)
            h["number"] = m.group(1)
            title_lines = [m.group(2).strip()] if m.group(2).strip() else []
            agenda_title = None
        elif _ADOPTION.search(line) and "adoption" not in h and title_lines is None and not (
                agenda_title and not _ADOPTION_START.search(line)):  # "…decisions adopted by the General
            # Assembly at its tenth special session" continues an agenda title
            adoption = line
            # "Resolution adopted by the General Assembly" / "on 18 December 2019"
            if i + 1 < len(lines) and patterns.match(r"^on\s+\d", lines[i + 1]):
                adoption = adoption + " " + lines[i + 1]
                i += 1
            # the date cut by a wrap ("… on 19 December" / "2017", "2020 年 12 月" / "16 日大会决议")
            while not iso_date(adoption) and i + 1 < len(lines) and len(lines[i + 1]) <= 24 \
                    and not _NUMBER_TITLE.match(lines[i + 1]) and patterns.match(
                    r"^(?:on\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\s+)?\d{1,4}\b|^\d{1,2}\s*日", lines[i + 1]):
                i += 1
                adoption = _join_all([adoption, lines[i]])
            h["adoption"] = adoption
            date = iso_date(adoption)
            if date:
                h["date"] = date
            agenda_title = None
        elif any(p.match(line) for p in _FURNITURE) and _SYMBOL_IN.fullmatch(line):
            h.setdefault("symbol", line)
        elif _MASTHEAD_SYMBOL.match(line):
            h.setdefault("symbol", _MASTHEAD_SYMBOL.match(line).group(1))  # "联合国 A/C.3/76/L.25" on one line
        elif _DRAFT_SYMBOL.fullmatch(line):
            h.setdefault("symbol", line)  # a draft's own symbol, possibly with a placeholder: A/C.3/76/L.[●]
        elif any(p.match(line) for p in _FURNITURE):
            pass
        elif h.get("body") and line in ("General Assembly", "Human Rights Council", "Security Council") and not (
                title_lines and patterns.search(r"\b(?:the|of|and|for|to|in|by)$|,$", title_lines[-1])):
            pass  # masthead; but "… special session of the" / "General Assembly" ends a wrapped title
        elif patterns.fullmatch(r"\d{1,2}\s+[A-Za-z]+\s+\d{4}", line) and "session" not in h:
            pass  # issue date at the top of the first page ("21 January 2020")
        elif title_lines is not None:
            title_lines.append(line)
        elif agenda_title is not None and (after_title or (gaps and agenda_title and gaps[i])):
            after_title.append(line)
        elif agenda_title is not None:
            agenda_title.append(line)
        elif _WEAK_FURNITURE.match(line):
            pass  # masthead: "United Nations", "Distr.: General"
        else:
            other.append(line)  # matches no field: kept so that nothing is dropped silently
        if agenda_title:
            h["agenda_title"] = _join_all(agenda_title)
        if title_lines:
            h["title"] = _join_all(title_lines)
        i += 1
    if "session" not in h:
        # Human Rights Council: "Human Rights Council Twenty-eighth session" may be on the body line
        for line in lines:
            value = _parse_session(line)
            if value:
                h["session"], h["session_text"] = value, line
                break
    other += after_title  # plain lines after the agenda title that no sponsors line claimed
    if other:
        h["other"] = tuple(other)
    if "symbol" not in h and h.get("number"):
        if h.get("body") == "Human Rights Council" or h.get("body") == "人权理事会":
            h["symbol"] = f"A/HRC/RES/{h['number']}"
        elif h.get("body") in _GA_BODIES or h.get("body") is None:
            h["symbol"] = f"A/RES/{h['number']}"
    return h


# ── step 3: footnote bodies, page furniture, closing lines ─────────────────────────────────────────

_CLOSING_ZH_DATE = patterns.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
CLOSING_ZH_MEETING = patterns.compile(r"^第\s*(\d+)\s*次全体会议$")
CLOSING_EN_MEETING = patterns.compile(r"^(\d+)(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting$", re.I)
_CLOSING_EN_DATE = patterns.compile(r"^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$")


def _is_furniture(text: str) -> bool:
    return any(p.match(text) for p in _FURNITURE)


def _running_title_words(title: str | None) -> str:
    return patterns.sub(r"\s+", " ", (title or "")).strip().lower()


def _strip_body(
    lines: list[Line], title: str | None, lang: str, known: bool = False, unpaired: list[int] | None = None,
    star_called: bool = False,
) -> tuple[list[Line], list[Footnote], list[str], list[str]]:
    """Remove footnote bodies, page furniture and closing lines; return (body lines, footnotes, closing,
    starred notes). ``known``: the reader already took footnotes and furniture out (PDF, Word), so only
    closing lines are looked for. ``star_called``: the header calls a starred note ("Iraq:* draft
    resolution"), so the first line "* On behalf of …" is that note even where no footnote rule printed
    above it (a pdftotext copy has no rule)."""
    footnotes: list[Footnote] = []
    star_notes: list[str] = []  # "* On behalf of …": notes called by a star in the header (sponsors, title)
    closing: list[str] = []
    kept: list[Line] = []
    in_rule_block = False  # inside the footnote area after a "____" rule
    current: list[str] | None = None  # text pieces of the footnote being read
    removed = False  # something was removed since the last kept line
    if not known:
        lines = _number_lines_to_notes(lines, unpaired)
    furniture = set() if known else _furniture_indices(lines, title, lang)
    i = 0

    def finish_footnote() -> None:
        nonlocal current
        if current is not None:
            if current[0] == "*":
                star_notes.append(_join_all(current[1:]))
            else:
                footnotes.append(Footnote(int(current[0]), _join_all(current[1:])))
            current = None

    def next_number() -> int:
        return footnotes[-1].number + 1 if footnotes else 1

    while i < len(lines):
        line = lines[i]
        text = line.text
        sup = None if known else _SUPERSCRIPT_LINE.match(text)
        numbered = None if known else _numbered_line(text)
        if not known and _FOOTNOTE_RULE.match(text):
            finish_footnote()
            in_rule_block, removed = True, True
        elif closing and is_closing(text, lang) and current is None:
            closing.append(text)  # "52nd plenary meeting" / "1 December 2025": a date, not note 1
            removed = True
        elif (
            sup
            and int("".join(_SUPERSCRIPT_VALUE[c] for c in sup.group(1))) >= 1
            and (line.blank_before or current is not None or removed or not kept)
        ):  # "¹ A/CONF…" body line; a marker that merely starts a wrapped line has no blank line before it
            finish_footnote()
            current = ["".join(_SUPERSCRIPT_VALUE[c] for c in sup.group(1)), sup.group(2)]
            removed = True
        elif not known and (in_rule_block and patterns.match(r"^\*{1,3}\s*\S", text)
                            or star_called and not star_notes and current is None
                            and patterns.match(r"^\*{1,3}\s+[A-Z\u4e00-\u9fff]", text)):
            finish_footnote()
            current = ["*", text.lstrip("* ")]
            removed = True
        elif in_rule_block and numbered and current and current[0] != "*" and numbered[0] == int(current[0]) + 1 \
                or in_rule_block and numbered and numbered[0] == next_number() \
                or numbered and numbered[2] and kept and not in_rule_block \
                and numbered[0] == (int(current[0]) + 1 if current and current[0] != "*" else next_number()) \
                and (current is not None or kept[-1].text.rstrip()[-1:] in ("。", ".")) and i + 1 >= len(lines) - 40 \
                and all(_numbered_line(rest.text) or not _is_paragraph_start(rest.text, lang) for rest in lines[i + 1:]):
            # (the last case: "(1) …" / "1/ …" notes at the end of a web copy, after the final full stop,
            # with no rule: only when no paragraph follows them)
            finish_footnote()
            current = [str(numbered[0]), numbered[1]]
            removed = True
        elif i in furniture:
            finish_footnote()
            in_rule_block, removed = False, True
        elif current is not None and not line.blank_before and not _is_paragraph_start(text, lang) \
                and not (current[0] == "*" and not in_rule_block and current[-1].rstrip().endswith((".", "。"))):
            # (a starred note found without a rule above it ends at its full stop: the page's text may go on)
            current.append(text)  # continuation line of a footnote body
            removed = True
        elif is_closing(text, lang) and (closing or _closing_follows(kept, lines, i)):
            finish_footnote()
            in_rule_block = True  # numbered footnote bodies may follow the closing lines
            closing.append(text)
            removed = True
        else:
            finish_footnote()
            in_rule_block = False
            if removed and (line.blank_before or not line.after_break):
                line = replace(line, blank_before=False, after_break=True)
            kept.append(line)
            removed = False
        i += 1
    finish_footnote()
    # Closing lines are only the trailing ones: anything recognised earlier that is followed by body text
    # was part of the text after all (a wrapped date inside a paragraph).
    return kept, footnotes, closing, star_notes


_BARE_NUMBER = patterns.compile(r"^\d{1,3}$")


def _number_lines_to_notes(lines: list[Line], unpaired: list[int] | None = None) -> list[Line]:
    """Footnote areas where each note's number stands on a line of its own (``pdftotext -raw`` and
    ``-layout``: "1" / "Resolution S-10/2.", or plain ``pdftotext``, which prints the bodies first and the
    numbers after them, out of order: "Resolution S-10/2." / "A/51/218, annex." / "3" / … / "1" / "2"),
    rewritten as "1 Resolution S-10/2." lines as other copies print them. A block whose numbers and
    notes do not pair one to one is left as it is, and its first number is added to ``unpaired`` (the
    reader warns: the notes there are not read, their markers may stay in the text as digits)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if not _FOOTNOTE_RULE.match(lines[i].text):
            i += 1
            continue
        j = i + 1
        # a note's body may look like a symbol ("4" / "A/78/118."): furniture ends the block only where a
        # number does not call it and it has no final full stop
        while j < len(lines) and not (_is_furniture(lines[j].text) and not lines[j].text.endswith(".")
                                      and not (_BARE_NUMBER.match(lines[j - 1].text)
                                               and _SYMBOL_IN.fullmatch(lines[j].text))) \
                and not _FOOTNOTE_RULE.match(lines[j].text) \
                and not (lines[j].blank_before and j > i + 1 and not _BARE_NUMBER.match(lines[j].text)
                         and any(not _BARE_NUMBER.match(x.text) for x in lines[i + 1:j])):
            j += 1
        block = lines[i + 1:j]
        if block and all(_BARE_NUMBER.match(line.text) for line in block):
            # only the numbers above the page's foot: the notes were printed after the furniture
            # ("4" / "5" / "2/3" / "A/78/111, annex." / "Resolution 70/1." / "25-16739")
            k = j
            while k < len(lines) and _is_furniture(lines[k].text):
                k += 1
            m = k
            while m < len(lines) and m - k < 12 * len(block) and not _is_furniture(lines[m].text) \
                    and not op_number(lines[m].text) and not _FOOTNOTE_RULE.match(lines[m].text):
                m += 1  # ("Adopted under the UNFCCC …": a note may read like an opener; a list of States is long)
            # notes end with a full stop; a sentence continued from the page before starts in lower case
            complete = m > k and patterns.search(r"[.。]\)?$", lines[m - 1].text.rstrip()) \
                and not lines[k].text[:1].islower()
            notes = _notes_from_block(block + lines[k:m]) if complete else None
            if notes is not None:
                out.extend(notes + lines[j:k])
                i = m
                continue
        notes = _notes_from_block(block)
        if notes is None and unpaired is not None and any(_BARE_NUMBER.match(line.text) for line in block):
            unpaired.append(int(next(line.text for line in block if _BARE_NUMBER.match(line.text))))
        out.extend(notes or block)
        i = j
    return out


def _notes_from_block(block: list[Line]) -> list[Line] | None:
    """The block rewritten as numbered notes, or None when its numbers and notes do not pair up."""
    starred = 0
    while starred < len(block) and patterns.match(r"^\*{1,3}\s*\S", block[starred].text):
        # "* On behalf of …" (wrapped until its full stop): a draft's starred note comes first, unnumbered
        starred += 1
        while starred < len(block) and not patterns.search(r"[.。]$", block[starred - 1].text.rstrip()) \
                and not _BARE_NUMBER.match(block[starred].text):
            starred += 1
    if starred:
        rest = _notes_from_block(block[starred:])
        return None if rest is None else block[:starred] + rest
    numbers = [k for k, line in enumerate(block) if _BARE_NUMBER.match(line.text)]
    if not numbers or len(numbers) == len(block):
        return None
    if numbers[0] == 0 and all(k + 1 < len(block) and k + 1 not in numbers for k in numbers):
        # each number directly before its note ("-raw", "-layout")
        out = []
        for k, line in enumerate(block):
            if k in numbers:
                continue
            out.append(replace(line, text=f"{block[k - 1].text} {line.text}") if k - 1 in numbers else line)
        return out
    # plain pdftotext: the notes in order, their numbers elsewhere in the block; a note ends at a full stop
    values = sorted(int(block[k].text) for k in numbers)
    texts = [line for k, line in enumerate(block) if k not in numbers]
    starts = [0] + [k for k in range(1, len(texts)) if patterns.search(r"[.。]\)?$", texts[k - 1].text.rstrip())]
    if len(starts) != len(values) or values != list(range(values[0], values[0] + len(values))):
        return None
    out = []
    for k, line in enumerate(texts):
        if k in starts:
            out.append(replace(line, text=f"{values[starts.index(k)]} {line.text}", blank_before=False))
        else:
            out.append(replace(line, blank_before=False))
    return out


def _numbered_line(text: str) -> tuple[int, str, bool] | None:
    """(number, text, marked) of a line that may be a numbered footnote body: "2 …", or "(2) …", "[2] …",
    "2/ …" (marked: a style a paragraph line does not start with, except a sub-paragraph "(2)")."""
    m = _NUMBERED_LINE.match(text)
    if m:
        return int(m.group(1)), m.group(2), False
    m = _MARKED_LINE.match(text)
    if m and not _PAGE_NUMBER.match(text):  # "3/3" is a page number, not note 3 reading "3"
        return int(m.group(1) or m.group(2) or m.group(3)), m.group(4), True
    return None


def _furniture_indices(lines: list[Line], title: str | None, lang: str = "en") -> set[int]:
    """Indices of page-header/footer lines: the anchors (symbol, page "2/4", job number, bar code), and the
    running title pieces or "United Nations" lines chained to an anchor without a blank line between
    (a body line that happens to read "human rights" right after a page header is separated by one)."""
    title_norm = _running_title_words(title)
    # Without the title (a copy that starts at the author line), the running title is a line printed
    # again and again beside the page anchors: a short line without final punctuation seen 2+ times.
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.text] = seen.get(line.text, 0) + 1

    def weak(text: str) -> bool:
        norm = patterns.sub(r"\s+", " ", text).strip().lower()
        repeated = (not title_norm and seen.get(text, 0) >= 2 and len(text) <= 200
                    and not patterns.search(r"[,;.:，；。：]$", text))
        return bool(_WEAK_FURNITURE.match(text)) or bool(title_norm and norm and norm in title_norm) or repeated

    def symbol_and_title(text: str) -> bool:
        # "A/RES/78/44 Reducing nuclear danger", "General Assembly A/RES/79/146" (pdftotext -raw)
        if "/" not in text or len(text) > 240:
            return False
        m = _SYMBOL_BESIDE.match(text)
        rest = m and (m.group(1) or m.group(2) or "").strip()
        return bool(rest) and len(rest) >= 8 and weak(rest)

    found = {i for i, line in enumerate(lines) if _is_furniture(line.text) or symbol_and_title(line.text)}
    frontier = sorted(found)
    while frontier:
        i = frontier.pop()
        for j in (i - 1, i + 1):
            if not 0 <= j < len(lines) or j in found:
                continue
            joined = not lines[max(i, j)].blank_before
            full_title = title_norm and patterns.sub(r"\s+", " ", lines[j].text).strip().lower() == title_norm
            if not joined and not full_title and title_norm and weak(lines[j].text):
                # the running title wrapped over lines of its own, apart from the anchor by a blank line
                # (plain pdftotext): the lines of its block together are the whole title
                a = j
                while a > 0 and not lines[a].blank_before:
                    a -= 1
                b = j + 1
                while b < len(lines) and not lines[b].blank_before:
                    b += 1
                block = " ".join(line.text for line in lines[a:b])
                full_title = b - a <= 4 and patterns.sub(r"\s+", " ", block).strip().lower() == title_norm
            if weak(lines[j].text) and (joined or full_title):
                found.add(j)
                frontier.append(j)
            elif not title_norm and j == i + 1:
                # a copy without its header: the title lines under the page's symbol
                found.update(range(j, j + _lone_running_title(lines, j, lang)))
    return found


def _lone_running_title(lines: list[Line], j: int, lang: str) -> int:
    """How many lines from ``j`` are a running title printed under a page header's symbol ("A/RES/80/66" /
    "Report of the Disarmament Commission" / "Recalling …"), in a copy whose header (and so the title) is
    missing: up to three lines with no blank line between them, title-like (a capital first, no final
    punctuation, short), followed by the start of a paragraph or more furniture; 0 if they are not."""
    first = lines[j].text.strip()
    if not first or not first[0].isupper() or op_number(first) \
            or _HEADING.fullmatch(first) or _HEADING_WITH_TITLE.match(first):
        return 0  # a section heading ("II" / its title) at the top of a page is text
    # a title may open like a paragraph ("Combating glorification of Nazism …"): then only between two
    # pieces of furniture
    opens = _is_paragraph_start(first, lang)
    for end in range(j + 1, min(j + 4, len(lines)) + 1):
        text = lines[end - 1].text.strip()
        if len(text) > 120 or patterns.search(r"[,;.:，；。：]$", text) or op_number(text):
            return 0
        nxt = lines[end] if end < len(lines) else None
        if nxt is not None and (_is_furniture(nxt.text) or (not opens and _is_paragraph_start(nxt.text, lang))):
            return end - j
        if nxt is None or nxt.blank_before:
            return 0
    return 0


def _closing_follows(kept: list[Line], lines: list[Line], i: int) -> bool:
    """A date or meeting line closes the resolution only after a finished sentence, or next to a meeting line."""
    if CLOSING_ZH_MEETING.match(lines[i].text) or CLOSING_EN_MEETING.match(lines[i].text):
        return True
    neighbours = lines[i + 1: i + 2]
    if any(CLOSING_ZH_MEETING.match(l.text) or CLOSING_EN_MEETING.match(l.text) for l in neighbours):
        return True
    return bool(kept) and kept[-1].text.rstrip()[-1:] in ("。", ".")


def is_closing(text: str, lang: str) -> bool:
    return bool(
        _CLOSING_ZH_DATE.match(text) or CLOSING_ZH_MEETING.match(text)
        or CLOSING_EN_MEETING.match(text) or _CLOSING_EN_DATE.match(text)
    )


# ── step 4: paragraphs ────────────────────────────────────────────────────────────────────────────

_TRAILING_MARKER = patterns.compile(
    rf"(?:[{_SUPERSCRIPTS}]+|(?<=[,;.:，；。：)）》”\"’a-z])\d{{1,2}}"
    r"|(?<=[,;.:，；。：)）》”\"’\w])\s?(?:[(（]\d{1,2}[)）]|\[\d{1,2}\]|\d{1,2}/)"  # "…的报告;(4)", "rights,1/"
    r"|(?<=[,;:，；：])\s\d{1,2})\s*$"  # "…freedom of religion or belief; 6"
)


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    # The marker can only be at the end (the pattern ends in $, and the text is stripped): searched from
    # a few characters before it (back over a run of superscripts), not tried at every position of a
    # paragraph that is checked again each time it grows a line (quadratic in a long paragraph).
    start = max(len(text) - 8, 0)
    while start and text[start - 1] in _SUPERSCRIPTS:
        start -= 1
    marker = _TRAILING_MARKER.search(text, start)
    if marker:
        text = text[:marker.start()] + text[marker.end():]
    text = text.rstrip().replace("**", "")
    return bool(text) and text[-1] in _END_PUNCT


def _blank_lines_are_wraps(lines: list[Line]) -> bool:
    """True when blank lines separate wrapped lines of one sentence (every PDF line followed by a blank)."""
    gaps = [(a, b) for a, b in zip(lines, lines[1:]) if b.blank_before and not b.after_break]
    if len(gaps) < 4:
        return False
    mid_sentence = sum(1 for a, _ in gaps if not _ends_sentence(a.text))
    return mid_sentence >= 0.3 * len(gaps)


_OP_NUMBER_UNDOTTED = patterns.compile(r"^(\d{1,3})\s+(?=(?:Also |Further |Strongly |Again )?[A-Z][a-z]+s\b)")


def op_number(text: str) -> re.Match | None:
    m = _OP_NUMBER.match(text)
    if not m or patterns.match(r"^\d+/\d", text) or patterns.match(r"^\d+\.\d", text):
        return None
    return m


# A heading on a line of its own: a part of a resolution ("A", "B"), a section ("II", "III."), an annex,
# a Chinese section ("二", "三、", "㈡").
_HEADING = patterns.compile(r"(?:[A-H]\.?|[IVX]{1,5}\.?|Annex(?:\s+[IVXL]+)?|ANNEX(?:\s+[IVXL]+)?|附件[一二三四五六七八九十]*"
                      r"|[一二三四五六七八九十]{1,3}[、.．]?|[㈠-㈩])")
# A section numeral with its title on the same line ("II. International Decade …", "二、国际人民十年"):
# roman numerals only (a capital letter could be an article, "A new agenda"), Chinese numerals with a
# separator or a space.
_HEADING_WITH_TITLE = patterns.compile(r"(?:[IVX]{1,5}\.?\s+[A-Z]|[一二三四五六七八九十]{1,3}(?:[、.．]\s*|\s+)\S)")
_HEADING_TITLE_MAX = 160  # characters: a title longer than this is a paragraph
# A part of a resolution: its letter alone ("A", "B.") or with its title ("A. Information in the service of
# humanity"); a part has its own author line and numbers its operative paragraphs from 1 again.
_PART_LETTER = patterns.compile(r"^([A-H])\.?$")
_PART_WITH_TITLE = patterns.compile(r"^([A-H])\.\s+\S")
# In the body, where an author line must follow it: also "A Information …" (how a part heading reads
# once its letter and title are joined, as resdiff writes it)
_PART_HEADING = patterns.compile(r"^([A-H])\.?\s+[A-Z\u3400-\u9fff《“]")


def _is_heading_title(text: str, lang: str) -> bool:
    """A section title line: short, no final punctuation, not a paragraph opening."""
    text = text.strip()
    return (bool(text) and len(text) <= _HEADING_TITLE_MAX and not _ends_sentence(text)
            and not op_number(text) and not SUBPARA.match(text) and not is_opener(text, lang)
            and not patterns.search(r"(?:,|\band|\bor|\bof|\bthe)$", text))


def _title_line(text: str, lang: str) -> bool:
    """A line that can be (part of) a section title: short, not a paragraph, a sub-paragraph or a
    sentence's end (a wrapped title may end with "of" or ",")."""
    text = text.strip()
    return (bool(text) and len(text) <= _HEADING_TITLE_MAX and not patterns.search(r"[.;。；:：]$", text)
            and not op_number(text) and not SUBPARA.match(text) and not is_opener(text, lang))


def _heading_start(lines: list[Line], i: int, lang: str, known: bool) -> bool:
    """Whether ``lines[i]`` opens a section heading (the previous paragraph has ended)."""
    line = lines[i]
    text = line.text.strip()
    if _HEADING.fullmatch(text):
        if text[:1] in "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩" or patterns.match(r"[一二三四五六七八九十]", text):
            # a bare Chinese numeral (or ㈠) is a heading only if a title follows it
            nxt = lines[i + 1].text if i + 1 < len(lines) else ""
            return _is_heading_title(nxt, lang)
        return True
    if _PART_HEADING.match(text) and any(AUTHOR.match(x.text.strip()) for x in lines[i + 1:i + 4]):
        return True  # "A. Information in the service of humanity" / "The General Assembly,"
    if not _HEADING_WITH_TITLE.match(text):
        return False
    title = patterns.sub(r"^(?:[IVX]{1,5}\.?|[一二三四五六七八九十]{1,3}[、.．]?)\s*", "", text)
    if not _is_heading_title(title, lang):
        return False
    # one line that is the whole heading: a Word paragraph, an emphasised PDF line, or a line the next
    # paragraph follows (a wrapped first line of a paragraph has more lines after it)
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (line.whole or (bool(line.lead) and line.lead.strip() == text) or nxt is None
            or nxt.starts_paragraph or nxt.whole or (not known and nxt.blank_before)
            or bool(op_number(nxt.text)) or is_opener(nxt.text, lang))
Piece = tuple[str, Line]  # a line's text as it enters its paragraph ("\n(a) …" for a sub-paragraph), and the line


def _segment(lines: list[Line], lang: str) -> list[tuple[bool, list[Piece]]]:
    """Group body lines into paragraphs (lists of pieces), each with whether it is a section heading.

    Where the reader saw paragraph starts (a whole Word paragraph, PDF geometry), those decide; the
    words (operative numbers, opener verbs, blank lines) decide for plain text.
    """
    known = any(line.starts_paragraph or line.whole for line in lines)
    wraps = not known and _blank_lines_are_wraps(lines)
    blanks_mark_paragraphs = not known and not wraps and any(line.blank_before for line in lines[1:])
    if blanks_mark_paragraphs:
        # Blank lines only at page breaks (pdftotext -raw: "\f" and nothing else) do not mark paragraphs:
        # most places where a paragraph plainly starts (a line opening a paragraph after a finished
        # sentence) must have one.
        blanks = sum(line.blank_before for line in lines)
        if blanks < 0.5 * sum(line.text[-1:] in _END_PUNCT for line in lines):  # else plainly enough blanks
            starts = [b for a, b in zip(lines, lines[1:])
                      if (op_number(b.text) or is_opener(b.text, lang)) and _ends_sentence(a.text)]
            blanks_mark_paragraphs = len(starts) < 4 or sum(b.blank_before for b in starts) >= 0.5 * len(starts)
    paragraphs: list[list[Piece]] = []
    headings: set[int] = set()  # indices in ``paragraphs`` of section headings
    last_op = 0
    in_heading = False  # inside a part, section or annex heading ("II" / its title): the next paragraph opens after it
    for i, line in enumerate(lines):
        text = line.text
        current = paragraphs[-1] if paragraphs else None
        if current is not None and len(paragraphs) - 1 in headings and AUTHOR.match(current[0][0].strip()):
            current = None  # an author line is whole: what follows it opens a paragraph ("大会" has no comma)
        if AUTHOR.match(text.strip()) and (in_heading or current is None or _ends_sentence(current[-1][0])):
            # the author line of a part ("A" / its title / "The General Assembly,"): printed text between
            # paragraphs, kept as a heading paragraph so that it is neither lost nor read as preambular
            paragraphs.append([(text, line)])
            headings.add(len(paragraphs) - 1)
            in_heading = False
            last_op = 0  # a part numbers its paragraphs from 1 again
            continue
        if (in_heading or current is None or _ends_sentence(current[-1][0])) and _heading_start(lines, i, lang, known):
            paragraphs.append([(text, line)])  # a part "A"/"B", a section "II" or an annex: a paragraph of its own
            headings.add(len(paragraphs) - 1)
            in_heading = True
            continue
        if in_heading:
            bare = len(current) == 1 and _HEADING.fullmatch(current[0][0].strip())
            if bare:  # the line after a bare numeral is its title (it may wrap: "… All Forms of")
                title = _title_line(text, lang)
            else:  # a wrapped line of the title: never a line that opens a paragraph
                title = (_title_line(text, lang) and not (line.starts_paragraph or line.whole or line.marker)
                         and not (blanks_mark_paragraphs and line.blank_before)
                         and not patterns.search(r"[.;。；:：]$", current[-1][0].strip())
                         and sum(len(t) for t, _ in current) + len(text) <= 2 * _HEADING_TITLE_MAX)
            if title:
                current.append((text, line))
                continue
            in_heading = False
            if not known and op_number(text) and int(op_number(text).group(1)) == 1:
                last_op = 0  # a part "B" may number its paragraphs from 1 again
            if not known:
                paragraphs.append([(text, line)])
                if op_number(text):
                    last_op = int(op_number(text).group(1))
                continue
            current = None  # the heading has ended: the line opens a new paragraph
        if known and current is None and paragraphs:
            paragraphs.append([(text, line)])
            continue
        if known:
            if current is not None and not (line.starts_paragraph or line.whole):
                current.append((text, line))
            elif current is not None and (line.marker or SUBPARA.match(text) and not op_number(text)):
                current.append(("\n" + text, line))  # sub-paragraph: its own line inside the paragraph
            else:
                paragraphs.append([(text, line)])
            continue
        prev_ends = current is None or _ends_sentence(current[-1][0])
        undotted = _OP_NUMBER_UNDOTTED.match(text) if lang != "zh" and prev_ends else None
        if undotted and int(undotted.group(1)) == last_op + 1:
            # "26 Condemns without reservation …": the number's full stop lost in extraction (pdftotext);
            # only the very next number before an operative verb
            text = f"{undotted.group(1)}. {text[undotted.end():]}"
        m = op_number(text)
        if m and prev_ends and 1 <= int(m.group(1)) <= last_op + 3:
            last_op = int(m.group(1))
            paragraphs.append([(text, line)])
            continue
        if current is not None and SUBPARA.match(text) and (prev_ends or op_number(current[-1][0])):
            current.append(("\n" + text, line))  # sub-paragraph: its own line inside the paragraph
            continue
        if current is not None and patterns.fullmatch(r"\d{1,3}\s*(?:bis|ter|quater)?\s*[.．]", current[-1][0]):
            current.append((text, line))  # text of an operative paragraph whose number stood alone on its line
            continue
        # Where blank lines mark paragraphs, a Chinese opener verb alone is not enough (a wrapped line can
        # start with "认识到"); after a page break, or where blank lines mean nothing, it is the signal.
        opener_counts = lang != "zh" or wraps or not blanks_mark_paragraphs or line.after_break
        starts = current is None or (
            prev_ends
            and (
                (opener_counts and is_opener(text, lang))
                or (blanks_mark_paragraphs and line.blank_before and not (lang != "zh" and text[:1].islower()))
                or (lang == "zh" and line.indent and not line.after_break)
            )
        )
        if starts:
            paragraphs.append([(text, line)])
        else:
            current.append((text, line))
    return [(k in headings, group) for k, group in enumerate(paragraphs)]


# ── step 5: one paragraph ─────────────────────────────────────────────────────────────────────────


@mutable_record
class _MarkerState:
    """Footnote numbering while reading: bodies found, and the next number a marker should carry."""

    known: set[int]
    next: int = 1

    def accept(self, number: int, strict: bool) -> bool:
        """A candidate marker is real if it is the next expected number (or, loosely, a known footnote)."""
        ok = number == self.next or (not strict and number in self.known and number < self.next)
        if ok and number == self.next:
            self.next += 1
        return ok


_SPACES_OR_END = patterns.compile(r"\s{2,}|\s*$")  # after a marker set off by spaces
# What follows a number in Chinese text (a unit, a measure word, a range): never a footnote marker.
_ZH_NUMBER_FOLLOWERS = set("年月日号段条款项届次个%％份名时部节章岁亿万千百至到-—–~～.．/、")
_NUMBER_TAKING = patterns.lazy_compile(
    r"\b(?:[Aa]rticles?|[Pp]aragraphs?|paras?\.?|[Rr]esolutions?|[Dd]ecisions?|[Cc]hapters?|chap\.|[Pp]arts?|[Ii]tems?|"
    r"[Pp]rinciples?|[Gg]oals?|[Tt]argets?|[Aa]nnex|[Ss]ections?|sect\.|No\.|Nos\.|vol\.|[Pp]ages?|pp?\.|[Rr]ules?|"
    r"[Pp]rotocols?|[Ss]essions?|[Cc]ommittee|Agenda|[Ll]evel|[Pp]hase|[Cc]ycle|[Aa]mendments?|[Oo]ptions?|and|or|to|of|in)\s$"
)
_ORDINAL_SESSION = patterns.compile(r"(?:\w+th|first|second|third|\d+(?:st|nd|rd|th))\s+(?:special\s+)?session\s$", re.I)
_ABBREVIATIONS = patterns.lazy_compile(r"(?:Add|Rev|Corr|No|Nos|para|paras|chap|sect|vol|art|Art|p|pp|Part|Suppl|annex)\.?$")


def _find_markers(text: str, lang: str, state: _MarkerState) -> tuple[str, list[tuple[int, int]]]:
    """Remove footnote markers from ``text``; return (text, [(number, offset of the marker in new text)])."""
    found: list[tuple[int, int, int]] = []  # (start, end, number) spans in ``text``
    for m in patterns.finditer(rf"[{_SUPERSCRIPTS}]+", text):  # superscript digits: always markers
        number = int("".join(_SUPERSCRIPT_VALUE[c] for c in m.group(0)))
        found.append((m.start(), m.end(), number))
        state.next = max(state.next, number + 1)
    if not found:
        found = _bare_markers(text, lang, state)
    # Built as a list of parts (not by growing a string): linear in the text and the markers.
    parts: list[str] = []
    length = 0
    markers: list[tuple[int, int]] = []
    pos = 0
    for start, end, number in sorted(found):
        if start < pos:
            continue
        parts.append(text[pos:start])
        length += start - pos
        after = end
        while after < len(text) and text[after] in " \t":
            after += 1
        spaces_after = after - end
        following = text[after:after + 1]
        if (parts and parts[-1][-1:] in (" ", "\t") and parts[-1]) or spaces_after:
            # the marker was set off by spaces: keep one, none next to Chinese or before punctuation
            while parts and parts[-1][-1:] in (" ", "\t") and parts[-1]:
                trimmed = parts[-1].rstrip(" \t")
                length -= len(parts[-1]) - len(trimmed)
                parts[-1] = trimmed
                if not trimmed:
                    parts.pop()
            last = parts[-1][-1:] if parts else ""
            markers.append((number, length))
            glue = space_around_marker(last, following, lang)
            parts.append(glue)
            length += len(glue)
        else:
            markers.append((number, length))
        pos = end + spaces_after
    parts.append(text[pos:])
    return "".join(parts), markers


def _bare_markers(text: str, lang: str, state: _MarkerState) -> list[tuple[int, int, int]]:
    """Markers printed as plain digits: glued to a word or punctuation, to a year, or set off by spaces."""
    found = []
    strict_known = bool(state.known)
    # "(1)" glued to the text, "[1]" after a word or a space, "1/" after a word or punctuation
    for pattern in (r"(?<=\S)[(（](\d{1,2})[)）](?![款项条段])", r"(?<=\S)\s?\[(\d{1,2})\]",
                    r"(?:(?<=[^\s\d/.])\s?|(?<=(?:19|20)\d\d))(\d{1,2})/(?=\s|$|[\u3400-\u9fff，,；;。.:：)）])"):
        for m in patterns.finditer(pattern, text):
            number = int(m.group(1))
            # a marker style that cannot be read as text: an earlier note cited again is one too
            if (not state.known or number in state.known) and state.accept(number, strict=not state.known):
                found.append((m.start(1) - (1 if text[m.start(1) - 1] in "(（[" else 0), m.end(), number))
        if found:
            return found
    for m in patterns.finditer(r"\d+", text):
        start, end = m.span()
        digits = m.group(0)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        after2 = text[end:end + 2]
        # part of a symbol or a number: "70/1", "A/CONF.157/24", "2000/22", "3.5"
        if (after and after in "/-") or (after == "." and after2[1:2].isdigit()) or (before and before in "/-"):
            continue
        if before.isdigit() or after.isdigit():
            continue
        if lang == "zh":
            if before in "第" or (after and after in "年月日号段条款项届次个%％份名时部项条"):
                continue
            prior = text[start - 2] if start >= 2 else ""
            # the next character that is not a space: "2009 年 4 月" is a date ("4" takes its unit after a
            # space), "第 1 至 3 段" a range
            following = text[end:end + 8].lstrip()[:1] if before.isspace() else ""
            if (before.isspace() and prior and (is_cjk(prior) or prior in ",;:，；：)）”》\"'") and prior != "第"
                    and len(digits) <= 2 and int(digits) == state.next
                    and (int(digits) in state.known or not state.known)
                    and not (following and (following.isdigit() or following in _ZH_NUMBER_FOLLOWERS))):
                # "《行动纲领》 1 中", "决议， 1并回顾": the next note set off by a space (a web copy without
                # its footnote bodies, as in an excerpt, has only the sequence to go by)
                state.accept(int(digits), strict=True)
                found.append((start, end, int(digits)))
                continue
            if before and (is_cjk(before) or before in ",;:)”》\"'") and len(digits) <= 2:
                if state.accept(int(digits), strict=True):
                    found.append((start, end, int(digits)))
            continue
        # English and other alphabetic languages
        if len(digits) >= 5 and patterns.match(r"(?:19|20)\d\d", digits) and (not after or not after.isalnum()):
            number = int(digits[4:])
            if number == state.next and (not state.known or number in state.known):
                state.accept(number, strict=True)
                found.append((start + 4, end, number))
            continue
        if len(digits) > 2:
            continue
        if before == "." and start >= 2 and text[start - 2].isdigit():
            continue  # a decimal or a numbered target: "target 5.2", "para. 3.5"
        if before == "." and patterns.search(r"/[A-Z][A-Za-z]*\.$", text[max(start - 12, 0):start]):
            continue  # the session part of a symbol: decision "1/CMA.5", "2/CP.17"
        number = int(digits)
        if before and (before.isalpha() or before in ",;:)”\"’]") or (before == "." and not _ABBREVIATIONS.search(text[max(start - 12, 0):start - 1])):
            if after and (after.isalnum() or after in "/"):
                continue
            if before.isalpha() and patterns.search(r"[A-Z]{1,5}$", text[max(start - 64, 0):start]) and patterns.search(r"\b[A-Z]+$", text[max(start - 64, 0):start]):
                continue  # "G77", "A4": acronyms with numbers
            if state.known and number not in state.known:
                continue
            if state.accept(number, strict=not strict_known):
                found.append((start, end, number))
            continue
        # the next known note, or the one after it when one marker was missed (so that one miss does not
        # leave every later marker unread)
        if (before.isspace() and state.next <= number <= state.next + 1 and number in state.known
                and not NOT_A_MARKER_AFTER.match(text, end)  # "on 18 and 19 May", "from 19 to 30 October"
                and (patterns.match(r" (?:[a-z]|$)|$|\s*[,;.:]", text[end:end + 2])
                     # after a clause's comma the next word may be a name ("Development, 1 Agenda 21"),
                     # after a year's comma a number ("28 March 2008, 6 18/15 of")
                     or (patterns.match(r" [A-Z]", text[end:end + 2])
                         and patterns.search(r"[A-Za-z)\]\"”’],\s$", text[max(start - 3, 0):start]))
                     or (patterns.search(r"\b(?:19|20)\d\d,\s$", text[max(start - 7, 0):start])
                         and patterns.match(r" \d", text[end:end + 2])))
                and patterns.search(r"(?:[,;:]|[a-z]{2}|\b(?:19|20)\d\d)\s$", text[max(start - 5, 0):start])
                and (not _NUMBER_TAKING.search(text[max(start - 24, 0):start])
                     or _ORDINAL_SESSION.search(text[max(start - 40, 0):start]))):
            # "Human Rights, 1 as well as", "Peoples 3 and", "belief; 6": the next known note, set off by
            # one space, never after a word that takes a number ("paragraph 3 and", "Article 1 and") but
            # after a session named by its ordinal ("its seventy-fourth session 2")
            state.next = number
            state.accept(number, strict=True)
            found.append((start, end, number))
            continue
        if (before.isspace() and number in state.known and number < state.next
                and patterns.match(r" [a-z]|\s*[,;.:]|\s*$", text[end:end + 2])
                and patterns.search(r"(?:[A-Za-z)\]\"”’]|\b(?:19|20)\d\d)[,;] $", text[max(start - 7, 0):start])
                and not _NUMBER_TAKING.search(patterns.sub(r"[,;] $", " ", text[max(start - 26, 0):start]))):
            # "Programme of Action, 1 and requests", "of 12 August 1949, 2 continue": a note cited again, set
            # off by spaces after a clause or a date ("Articles 55, 56 and" ends in a digit that is not a year
            # before its comma; "paragraph 3, 1 and" takes a number)
            found.append((start, end, number))
            continue
        if before.isspace() and _SPACES_OR_END.match(text, end) and patterns.search(r"[,;.:]\s$", text[max(start - 2, 0):start]):
            if number == state.next and (not state.known or number in state.known):
                state.accept(number, strict=True)
                found.append((start, end, number))
    return found


def emphasised_lead(text: str, lang: str, kind: str) -> str:
    if lang == "zh":
        simplified = to_simplified(text[:12])  # same length: the printed (maybe Traditional) verb is returned
        for verb in _ZH_OPENERS:
            if simplified.startswith(verb):
                return text[:len(verb)]
        return ""
    if kind == OPERATIVE:
        m = _EN_OP_LEAD.match(text)
        return m.group(0) if m else ""
    m = _EN_OPENER_RE.match(text) or patterns.match(r"^[A-Z][a-z]+(?:ing|ed)\b", text)
    if not m:
        return ""
    lead = m.group(0)
    tail = _EN_LEAD_TAIL.match(text[len(lead):])
    return lead + (tail.group(0) if tail else "")


def _build_paragraph(pieces: list[Piece], lang: str, state: _MarkerState, markers_known: bool) -> dict:
    """Paragraph fields (without label) from its pieces."""
    number = suffix = None
    first, first_line = pieces[0]
    cut = 0
    m = op_number(first)
    if m:
        number, suffix = int(m.group(1)), m.group(2) or ""
        cut = len(first) - len(first[m.end():].lstrip())
    text, starts = _join_pieces([first[cut:]] + [piece for piece, _ in pieces[1:]])
    lead = ""
    if markers_known:
        # Offsets the reader gave, moved into the joined text: the first piece lost its number, a
        # sub-paragraph piece starts with its line break.
        markers = []
        for index, ((piece, line), start) in enumerate(zip(pieces, starts)):
            shift = start - (cut if index == 0 else 0) + (1 if piece.startswith("\n") else 0)
            markers.extend((n, o + shift) for n, o in line.markers)
        leading = len(text) - len(text.lstrip())
        text = text.strip()
        markers = [(n, min(max(o - leading, 0), len(text))) for n, o in markers]
        if first_line.lead and text.startswith(first_line.lead.strip()) and first_line.lead.strip() != text:
            lead = first_line.lead.strip()
    else:
        text = text.strip()
        bold = patterns.match(r"^\*\*(.+?)\*\*", text)
        bold_lead = bold.group(1).strip() if bold else ""
        text = text.replace("**", "")
        text, markers = _find_markers(text, lang, state)
        text = text.strip()
        if bold_lead and text.startswith(bold_lead):
            lead = bold_lead
    kind = OPERATIVE if number is not None else PREAMBULAR
    lead = lead or emphasised_lead(text, lang, kind)
    subparagraphs = []
    known_markers = [line.marker for piece, line in pieces[1:] if piece.startswith("\n")]
    for k, sub in enumerate(text.split("\n")[1:]):
        known = known_markers[k] if k < len(known_markers) else ""
        if known and sub.startswith(known):
            subparagraphs.append(SubParagraph(known, sub[len(known):].strip()))
            continue
        sm = SUBPARA.match(sub)
        if sm:
            subparagraphs.append(SubParagraph(sm.group(1), sub[sm.end():].strip()))
    return {
        "kind": kind,
        "number": number,
        "suffix": suffix or "",
        "text": text,
        "footnotes": tuple(n for n, _ in markers),
        "footnote_positions": tuple(p for _, p in markers),
        "lead": lead,
        "subparagraphs": tuple(subparagraphs),
    }


def _as_heading(p: dict, pieces: list[Piece]) -> dict:
    """A heading's fields: no number, no lead, no sub-paragraphs; a bare numeral and its title are set
    apart by one space ("II International Decade …", "二 《消除一切形式种族歧视国际公约》")."""
    text, positions = p["text"].replace("\n", " "), p["footnote_positions"]
    numeral = pieces[0][0].strip()
    if len(pieces) > 1 and _HEADING.fullmatch(numeral) and text.startswith(numeral) and text[len(numeral):len(numeral) + 1] not in ("", " "):
        at = len(numeral)
        text = text[:at] + " " + text[at:]
        positions = tuple(q + 1 if q >= at else q for q in positions)
    return p | {"kind": HEADING, "number": None, "suffix": "", "text": text, "footnote_positions": positions,
                "lead": "", "subparagraphs": ()}


# ── the structure finder ──────────────────────────────────────────────────────────────────────────


def _part_letters(segments: list[tuple[bool, list[Piece]]]) -> dict[int, str]:
    """Where each part of a resolution starts (index of its letter heading → "A", "B" …): a letter heading
    followed, before any other paragraph, by an author line ("A" / title / "The General Assembly,"). A
    letter heading without an author line is a section ("A. Follow-up"), not a part. Parts count only
    when there are two or more, or the one part starts the body."""
    found: dict[int, str] = {}
    for k, (is_heading, group) in enumerate(segments):
        if not is_heading:
            continue
        first = group[0][0].strip()
        m = _PART_LETTER.match(first) or _PART_HEADING.match(first)
        if not m:
            continue
        for later, (later_heading, later_group) in enumerate(segments[k + 1:k + 3], k + 1):
            if later_heading and AUTHOR.match(later_group[0][0].strip()):
                found[k] = m.group(1)
                break
            if not later_heading:
                break
    if len(found) == 1 and min(found) != 0:
        return {}
    return found



def _as_printed(value, view: str, original: str):
    """A header field read from the Simplified view, in the printed characters: the view has the same
    length as the original, so the value's place in the view is its place in the original (lines joined
    without their breaks for a wrapped title). Numbers and ISO dates are returned as they are."""
    if not isinstance(value, str) or not has_traditional(original):
        return value
    for joiner in ("\n", "", " "):
        v, o = view.replace("\n", joiner), original.replace("\n", joiner)
        at = v.find(value)
        if at >= 0:
            return o[at:at + len(value)]
    return value



def build_resolution(
    lines: list[Line],
    language: str,
    source: str | None = None,
    footnotes: tuple[Footnote, ...] | None = None,
    notes: tuple[str, ...] = (),
    header_notes: tuple[str, ...] = (),
) -> Resolution:
    """The Resolution a stream of lines holds.

    ``footnotes``: the bodies the reader found (PDF, Word), with footnote bodies, page furniture and
    footnote markers already taken out of ``lines``; None for plain text, where this module finds them.
    ``header_notes``: starred notes the reader found (``* On behalf of …``). ``notes``: reader notes.
    """
    known = footnotes is not None
    printed: dict[str, str] = {}  # Traditional script: the Simplified view of each line → the line as printed
    if language == "zh" and any(has_traditional(line.text) for line in lines):
        # Rules are written for Simplified script; they read a character-for-character Simplified view
        # (same length), and paragraphs, header fields and closing lines get the printed characters back.
        view = [replace(line, text=to_simplified(line.text), printed=to_simplified(line.printed)) for line in lines]
        printed = {v.text: line.text for v, line in zip(view, lines)}
        header_view, header_printed = ("\n".join(line.printed or line.text for line in part[:_split_header(view, language)])
                                       for part in (view, lines))
        lines = view
    start = _split_header(lines, language)
    parts = [(part.strip(), line.blank_before and k == 0) for line in lines[:start]
             for k, part in enumerate(p for p in (line.printed or line.text).split("\n") if p.strip())]
    # vertical gaps mean something where the reader measured them (PDF), not in text where a blank line
    # may follow every wrapped line
    gaps = [gap for _, gap in parts] if known else None
    fields = parse_header([part for part, _ in parts], language, gaps)
    unpaired: list[int] = []  # footnote areas whose note numbers could not be paired with their notes
    star_called = any(patterns.search(r"\S\*+(?:\s|$)", part) for part, _ in parts)  # "Iraq:* draft resolution"
    body, found, closing, star_notes = _strip_body(lines[start:], fields.get("title"), language, known=known,
                                                   unpaired=unpaired, star_called=star_called)
    if printed:
        fields = {k: v if k == "body" else _as_printed(v, header_view, header_printed) for k, v in fields.items()}
        all_view, all_printed = "\n".join(printed), "\n".join(printed.values())
        found = [replace(f, text=_as_printed(f.text, all_view, all_printed)) for f in found]
        star_notes = [_as_printed(n, all_view, all_printed) for n in star_notes]
    if known:
        found = list(footnotes)
    state = _MarkerState(known={f.number for f in found})
    paragraphs: list[Paragraph] = []
    pp = 0
    headings = 0
    segments = _segment(body, language)
    parts = _part_letters(segments)
    part = ""
    for index, (is_heading, group) in enumerate(segments):
        deadline.check()  # a request's time limit (resdiff serve; see deadline.py)
        if index in parts:
            part, pp = parts[index], 0  # a part numbers its preambular paragraphs from 1 again too
        if printed:
            group = [("\n" + printed.get(t[1:], t[1:]) if t.startswith("\n") else printed.get(t, t), line)
                     for t, line in group]
        p = _build_paragraph(group, language, state, markers_known=known)
        if not p["text"]:
            continue
        if is_heading:
            headings += 1
            label = f"H{headings}"
            p = _as_heading(p, group)
        elif p["kind"] == OPERATIVE:
            label = f"OP{p['number']}{p['suffix']}"
        else:
            pp += 1
            label = f"PP{pp}"
        if part:
            label = f"{part} {label}"  # "A OP1", "B PP2": each part has its own preambular and operative part
        paragraphs.append(Paragraph(label=label, key=normalize(p["text"]), part=part, **p))
    if not known:  # markers read as plain digits: found by their place among the others (uncited.py)
        paragraphs = cite_by_sequence(paragraphs, found, language)
    meeting = None
    for line in closing:
        m = CLOSING_ZH_MEETING.match(line) or CLOSING_EN_MEETING.match(line)
        if m:
            meeting = int(m.group(1))
    if "date" not in fields:
        for line in closing:
            if iso_date(line):
                fields["date"] = iso_date(line)
    if printed:
        closing = [printed.get(c, c) for c in closing]
    header = Header(language=language, closing=tuple(closing), plenary_meeting=meeting,
                    notes=tuple(header_notes) + tuple(star_notes), **fields)
    warnings = tuple(
        ReadingWarning("footnotes-unpaired", None,
                       f"the footnote area from note {n} prints its numbers apart from the notes (as pdftotext does) "
                       "and they could not be paired: those notes are not read, their markers may stay in the text")
        for n in unpaired)
    return Resolution(header=header, paragraphs=tuple(paragraphs), footnotes=tuple(found), source=source,
                      notes=notes, warnings=warnings)
