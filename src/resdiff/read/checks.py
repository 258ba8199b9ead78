"""Warnings from a finished Resolution: the places where a reader may have gone wrong.

``check(resolution)`` looks only at the model (header, paragraphs, footnotes), so it serves every input
format the same way; ``read_file`` attaches its result as ``Resolution.warnings``. A warning tells the
drafter where to look before trusting a comparison or a redline; it never changes an exit code.

Codes (stable, part of the JSON output):
- ``op-number-jump`` / ``op-number-repeat``: operative numbers that skip or repeat. A restart at 1 (parts
  A and B, an annex with its own paragraphs) is not one.
- ``numbered-inside``: a paragraph holds what looks like the next numbered paragraph (``…; 20. Urges``):
  two paragraphs were probably read as one.
- ``footnote-no-text`` / ``footnote-not-cited``: a marker without a footnote body, a body no marker cites.
- ``furniture-inside``: page furniture or header lines inside a paragraph (job number, barcode,
  ``Distr.:``, ``Agenda item``, ``议程项目`` …).
- ``preambular-after-operative``: a preambular paragraph after operative ones (often the closing lines or a
  note read as a paragraph).
- ``no-author``: no author line (``The General Assembly,`` / ``大会，``): the header may have been glued onto
  the first paragraph, or the first paragraph lost in the header.
- ``ends-mid-sentence``: the last paragraph does not end a sentence (an excerpt, a text cut short).
- ``long-paragraph``: a paragraph much longer than the others (several paragraphs read as one?).
- ``footnotes-unpaired`` (from the text reader, not from ``check``): a footnote area printing its note
  numbers apart from the notes (pdftotext) whose numbers and notes could not be paired.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resdiff import patterns
from resdiff.model import OPERATIVE, PREAMBULAR, Paragraph, ReadingWarning, Resolution

# A numbered paragraph start after the end of a clause: "…belief; 20. Urges", "…的报告；2. 欢迎".
_INNER_NUMBER = patterns.compile(r"(?:^|[;；。:：]|\.\s)\s*(\d{1,3})\s?[.．]\s*(?=[A-Z\u4e00-\u9fff*])", re.M)
# Lines that belong to the page or the header, never to a paragraph of the body.
_FURNITURE = patterns.compile(
    r"\b\d{2}-\d{5}\s*\([A-Z]\)"  # job number "25-17660 (E)"
    r"|\*\d{7}\*"  # barcode "*2517660*"
    r"|\bDistr\.:?\s*(?:General|Limited|Restricted)"
    r"|\bOriginal:\s*[A-Z][a-z]+"
    r"|\bAgenda item \d"
    r"|\bResolution adopted by the (?:General Assembly|Human Rights Council)"
    r"|议程项目\s*\d"
    r"|\[(?:on the report of|without reference to) "
    r"|\[根据第.委员会的报告"
)
_SENTENCE_END = patterns.compile(r"[.。．!?！？](?:[\s\"'”’)）\]」』]*)$")
LONG_FACTOR = 6  # a paragraph this many times the median length …
LONG_MIN_CHARS = {"zh": 1200, "en": 3000}  # … and at least this long is "unusually long"
LONG_MIN_CHARS_OTHER = 3000


def with_warnings(res: Resolution) -> Resolution:
    """``res`` with its warnings computed (those already present, e.g. from the reader, are kept first)."""
    found = check(res)
    if not found:
        return res
    return replace(res, warnings=res.warnings + tuple(w for w in found if w not in res.warnings))


def check(res: Resolution) -> tuple[ReadingWarning, ...]:
    out: list[ReadingWarning] = []
    out += _operative_numbers(res.paragraphs)
    out += _numbered_inside(res.paragraphs)
    out += _footnotes(res)
    out += _furniture(res.paragraphs)
    out += _preambular_after_operative(res.paragraphs)
    # a resolution in parts prints its author line in each part, as a heading of the body
    if res.header.author is None and res.paragraphs and not any(p.part for p in res.paragraphs):
        out.append(ReadingWarning("no-author", None, "no author line (\"The General Assembly,\" / \"大会，\") was "
                                  "found: the header may be read into the first paragraph, or a paragraph into the header",
                                  "没有找到主语行（“大会，”/“The General Assembly,”）：文头可能被读进了第一段，或某段被读进了文头"))
    out += _ending(res.paragraphs)
    out += _long(res)
    return tuple(out)


def _operative_numbers(paragraphs: tuple[Paragraph, ...]) -> list[ReadingWarning]:
    out = []
    previous: int | None = None
    for p in paragraphs:
        if p.kind != OPERATIVE or p.number is None:
            continue
        n = p.number
        if previous is not None and not p.suffix:
            if n == previous:
                out.append(ReadingWarning("op-number-repeat", p.label, f"operative paragraph {n} appears twice in a row",
                                          f"执行部分第{n}段连续出现两次"))
            elif n > previous + 1:
                missing = f"{previous + 1}" if n == previous + 2 else f"{previous + 1}–{n - 1}"
                out.append(ReadingWarning("op-number-jump", p.label,
                                          f"operative numbering jumps from {previous} to {n} ({missing} not found)",
                                          f"执行部分编号从{previous}跳到{n}（未找到{missing}）"))
            elif n < previous and n != 1:  # a restart at 1 is a new part (A, B) or an annex
                out.append(ReadingWarning("op-number-jump", p.label, f"operative numbering goes back from {previous} to {n}",
                                          f"执行部分编号从{previous}退回到{n}"))
        elif previous is None and n != 1 and not p.suffix:
            out.append(ReadingWarning("op-number-jump", p.label, f"the first operative paragraph is numbered {n}, not 1",
                                      f"执行部分第一段的编号是{n}，不是1"))
        previous = n
    return out


def _numbered_inside(paragraphs: tuple[Paragraph, ...]) -> list[ReadingWarning]:
    out = []
    for k, p in enumerate(paragraphs):
        expected = {p.number + 1} if p.number is not None else {1}
        if k + 1 < len(paragraphs) and paragraphs[k + 1].number is not None:
            expected.add(paragraphs[k + 1].number - 1)  # the one missing before the next paragraph
        for m in _INNER_NUMBER.finditer(p.text):
            if m.start(1) == 0:
                continue
            if int(m.group(1)) in expected:
                out.append(ReadingWarning("numbered-inside", p.label,
                                          f"paragraph {m.group(1)} seems to start inside {p.label} "
                                          f"(\"…{_excerpt(p.text, m.start(1))}\"): two paragraphs read as one?",
                                          f"第{m.group(1)}段似乎从{p.label}中间开始（“…{_excerpt(p.text, m.start(1))}”）："
                                          "两段被读成了一段？"))
                break
    return out


def _footnotes(res: Resolution) -> list[ReadingWarning]:
    out = []
    bodies = {f.number for f in res.footnotes}
    cited = set()
    for p in res.paragraphs:
        for n in p.footnotes:
            cited.add(n)
            if n not in bodies:
                out.append(ReadingWarning("footnote-no-text", p.label, f"footnote {n} is cited but its text was not found",
                                           f"引用了脚注{n}，但没有找到其正文"))
    for f in res.footnotes:
        if f.number not in cited:
            out.append(ReadingWarning("footnote-not-cited", None,
                                      f"footnote {f.number} has a text but no paragraph cites it (its marker may be read as text)",
                                      f"脚注{f.number}有正文，但没有段落引用它（其标号可能被读成了正文）"))
    return out


def _furniture(paragraphs: tuple[Paragraph, ...]) -> list[ReadingWarning]:
    out = []
    for p in paragraphs:
        m = _FURNITURE.search(p.text)
        if m:
            out.append(ReadingWarning("furniture-inside", p.label,
                                      f"page furniture or a header line inside the paragraph: \"{m.group(0)}\"",
                                      f"段落中有页面附加内容或文头行：“{m.group(0)}”"))
    return out


def _preambular_after_operative(paragraphs: tuple[Paragraph, ...]) -> list[ReadingWarning]:
    seen_operative = False
    part = ""
    out = []
    for p in paragraphs:
        if p.part != part:  # each part (A, B) has its own preambular and operative paragraphs
            part, seen_operative = p.part, False
        if p.kind == OPERATIVE:
            seen_operative = True
        elif p.kind == PREAMBULAR and seen_operative:
            out.append(ReadingWarning("preambular-after-operative", p.label,
                                      "a preambular paragraph after the operative ones: closing lines or a note read as a paragraph?",
                                      "执行部分之后出现序言段落：结尾行或注释被读成了段落？"))
    return out


def _ending(paragraphs: tuple[Paragraph, ...]) -> list[ReadingWarning]:
    if not paragraphs:
        return []
    last = paragraphs[-1]
    text = last.text.rstrip()
    if _SENTENCE_END.search(text):
        return []
    return [ReadingWarning("ends-mid-sentence", last.label,
                           f"the text ends mid-sentence (\"…{text[-30:]}\"): an excerpt or a text cut short?",
                           f"文本在句子中间结束（“…{text[-30:]}”）：是节选还是文本不完整？")]


def _long(res: Resolution) -> list[ReadingWarning]:
    if len(res.paragraphs) < 3:
        return []
    lengths = sorted(len(p.text) for p in res.paragraphs)
    # The middle length, computed here: the statistics module pulls in random, decimal and fractions
    # (~10 ms of every cold start) for this one number.
    median = (lengths[(len(lengths) - 1) // 2] + lengths[len(lengths) // 2]) / 2
    floor = LONG_MIN_CHARS.get(res.language, LONG_MIN_CHARS_OTHER)
    return [
        ReadingWarning("long-paragraph", p.label,
                       f"an unusually long paragraph ({len(p.text)} characters, the median is {median:.0f}): "
                       "several paragraphs read as one?",
                       f"段落异常长（{len(p.text)}个字符，中位数为{median:.0f}）：几段被读成了一段？")
        for p in res.paragraphs
        if len(p.text) >= floor and len(p.text) > LONG_FACTOR * median
    ]


def _excerpt(text: str, at: int) -> str:
    return text[max(0, at - 20):at + 20].replace("\n", " ")
