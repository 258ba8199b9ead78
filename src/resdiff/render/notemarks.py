"""Which Word note numbering prints the marks a source uses for its footnotes or endnotes.

A redline must print the source's marks ("i, ii, iii", "a, b", "*, †, ‡", a lone "*" before 1, 2, 3),
in every view: Word numbers notes itself (w:numFmt of the document's w:footnotePr / w:endnotePr), and
renumbers them when a note is inserted or deleted, so the marks that follow one format in sequence are
left to Word's counter; a mark that does not (a "*" note among numbered ones, "**") is a custom mark
(``w:customMarkFollows``), written as it is, which Word does not count.

    >>> fit_marks(["i", "ii", "iii"], "decimal")
    NoteFormat(num_fmt='lowerRoman', start=1, custom=frozenset())
    >>> fit_marks(["*", "1", "2"], "decimal")
    NoteFormat(num_fmt='decimal', start=1, custom=frozenset({0}))
    >>> fit_marks(["*", "**"], "decimal")
    NoteFormat(num_fmt='decimal', start=1, custom=frozenset({0, 1}))
"""

from __future__ import annotations

from resdiff.records import record


# Formats tried, most common first (a tie goes to the earlier one). Word's names (ST_NumberFormat).
FORMATS = ("decimal", "lowerRoman", "upperRoman", "lowerLetter", "upperLetter", "chicago",
           "decimalEnclosedCircle", "decimalFullWidth", "chineseCounting", "ideographTraditional")
_SEARCH = 300  # highest counter value looked for when a mark is matched to a format


@record
class NoteFormat:
    """How Word counts a set of notes: the number format, the first counter, and the marks it does not count."""

    num_fmt: str  # w:numFmt of the counted notes
    start: int  # w:numStart: the counter of the first counted note
    custom: frozenset[int]  # indices (into the marks given) of the marks that are not counted


def mark_of(n: int, fmt: str) -> str:
    """The mark Word prints for counter ``n`` in format ``fmt`` (the Word reader's formatting, imported
    only for another format than decimal: a redline of text or PDF input never needs it)."""
    if fmt == "decimal":
        return str(n)
    from resdiff.read.docx import format_number

    return format_number(n, fmt)


def fit_marks(marks: list[str], default: str) -> NoteFormat:
    """The format (and start) under which the most of ``marks`` (in reference order) are Word's own
    counter, the others custom. ``default`` when there are no marks or none is a counter."""
    best = NoteFormat(default, 1, frozenset(range(len(marks))))
    best_counted = 0
    first = _walk(marks, default)
    if first is not None and not first.custom:
        return first  # every mark is the default's counter (almost every document): nothing to try
    for fmt in (default,) + tuple(f for f in FORMATS if f != default):
        fitted = _walk(marks, fmt)
        counted = len(marks) - len(fitted.custom) if fitted is not None else 0
        # Another format than the default must count two marks at least: a lone "*" is a custom mark.
        if counted > best_counted and (fmt == default or counted >= 2):
            best, best_counted = fitted, counted
    return best


def custom_under(marks: list[str], fmt: NoteFormat) -> frozenset[int]:
    """The marks (indices) that the counter of ``fmt``, from its start, does not print in sequence."""
    custom, counter = set(), fmt.start
    for k, mark in enumerate(marks):
        if mark == mark_of(counter, fmt.num_fmt):
            counter += 1
        else:
            custom.add(k)
    return frozenset(custom)


def _walk(marks: list[str], fmt: str) -> NoteFormat | None:
    """Counter from the first mark that is one in ``fmt``; each next mark is counted if it is the next
    number, else custom."""
    for k, mark in enumerate(marks):
        start = next((n for n in range(1, _SEARCH) if mark_of(n, fmt) == mark), None)
        if start is None:
            continue
        tried = NoteFormat(fmt, start, frozenset())
        custom = custom_under(marks[k:], tried)
        return NoteFormat(fmt, start, frozenset(range(k)) | {k + i for i in custom})
    return None
