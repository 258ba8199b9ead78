"""A comparison as amendments in UN wording, and the application of amendments to the text on the table.

``amendments_from(cmp) -> tuple[Amendment, ...]`` turns a Comparison (OLD → NEW) into the instructions a
delegation would table against OLD; ``apply_amendments(old, amendments) -> Resolution`` carries them out.
``amendments_from`` checks its own result: applied to OLD the list must give NEW's paragraphs (up to
layout noise, which is never an amendment), or it falls back to plainer instructions until it does.

Words. The word diff of a paragraph becomes edits on OLD's characters (layout-only pieces are not edits).
Edits separated by at most two words and no punctuation are merged, as a person would ("replace
“70/153 of 17 December 2015” with “72/169 of 19 December 2017”", not three replacements). Each edit is
quoted with just enough whole words around it that the quotation occurs once and only once in its
paragraph (or its sub-paragraph, ``operative paragraph 5 (b)``); the forms are, in order of preference,
``delete “…”``, ``after “…”, insert “…”`` (``before “…”`` at the start), ``replace “…” with “…”``.
When most of a paragraph changes it is replaced whole.

Paragraphs. Deleted and inserted paragraphs in the same place become ``Replace … with the following``;
a split paragraph is replaced by its parts; a merged one replaces its first part and the others are
deleted. Inserted paragraphs go after the nearest paragraph of OLD that precedes them in NEW (before the
next one when that one is of their kind and the preceding one is not: "Before operative paragraph 1").
Paragraphs out of order (outside the longest run kept in order) are moved to follow their new
predecessor. Renumbering is never an instruction.

Notes. A footnote (endnote) whose text changed is amended like a paragraph, named by the mark it prints
in OLD, after the instructions of the paragraph that cites it: "In footnote 3, replace “Seventy-first”
with “Seventy-third”" (在脚注3中，将“…”改为“…”; an endnote: "In endnote ii" / 在尾注ii中), once for a
note cited twice, the whole note quoted when its words cannot be. The check above compares the notes of
every paragraph whose notes stay too. A note added or removed goes with its paragraph's words (its
marker is not quoted), and has no instruction of its own.

How instructions apply (``apply_amendments``): word instructions find their quotation in the original
paragraph (all instructions of a paragraph refer to OLD's text, not to each other's results); in English
an inserted or deleted phrase takes or gives back one space, as a reader expects. Then deletions; then
each inserted or moved paragraph goes right after (before) its anchor and after whatever earlier
instructions already put there, and travels with its anchor if that moves too.
"""

from __future__ import annotations

import re
from dataclasses import field, replace

from resdiff import patterns
from resdiff.errors import UserError
from resdiff.model import HEADING, OPERATIVE, PREAMBULAR, Amendment, Comparison, Paragraph, Resolution, Segment, SubParagraph
from resdiff.normalize import normalize
from resdiff.records import mutable_record

MERGE_GAP_WORDS = 2  # neighbouring changes this close (in words, no punctuation between) become one
REPLACE_SHARE = 0.6  # quoting more than this share of a paragraph: replace it whole
EVERYWHERE_MIN = 3  # a word changed at every occurrence in this many paragraphs: one instruction for all
MAX_CONTEXT = 16  # words of context tried before giving up on quoting a change
_CLAUSE_PUNCT = patterns.compile(r"[,;:.!?，；：。、！？()（）\[\]“”\"\n]")
_WORD = patterns.compile(r"\w")
_IDEOGRAPH = patterns.lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # Chinese only (a ~27,000-character class: ~1 ms)
_ALNUM_RUN = patterns.compile(r"[0-9A-Za-z]+")
# Sub-paragraph markers at the start of a line (as the readers print them): (a) (iv) (12) ㈠ （一）
_SUB_MARKER = patterns.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)|[㈠-㈩]|（[一二三四五六七八九十]+）)\s*")
_NO_SPACE_AFTER = set("([{“‘/-–—\n")
_NO_SPACE_BEFORE = set(",.;:!?)]}”’/-–—%\n")


class AmendmentError(UserError):
    """An amendment that cannot be carried out on the text (quotation not found, unknown paragraph…)."""


# ── public API ───────────────────────────────────────────────────────────────────────────────────

def amendments_from(cmp: Comparison) -> tuple[Amendment, ...]:
    """The changes OLD → NEW as amendments to OLD, in the order a delegation lists them."""
    lang = _language(cmp)
    target = _target(cmp)
    for plain in (False, True):
        for kind_anchors in (True, False):
            result = tuple(_plan(cmp, lang, kind_anchors=kind_anchors, plain=plain))
            try:
                got = apply_amendments(cmp.old, result, lang=lang)
            except AmendmentError:
                continue
            if _same(got, cmp.new, target, lang):
                return result
    raise AssertionError("amendments do not reproduce the new version")  # a bug: every plan above is complete


def apply_amendments(old: Resolution, amendments: tuple[Amendment, ...] | list[Amendment],
                     lang: str | None = None) -> Resolution:
    """OLD with the amendments carried out: the paragraphs relabelled (PP1…, OP1…) in their new order."""
    lang = lang or old.language
    labels = {p.label: i for i, p in enumerate(old.paragraphs)}

    def index(label: str, what: Amendment) -> int:
        if label not in labels:
            raise AmendmentError(f"no paragraph {label} in {old.source or 'the text'}: {what.action}",
                                 "amendments refer to paragraphs by their place in the text they amend")
        return labels[label]

    title = old.header.title
    words: dict[str, list[Amendment]] = {}
    entries: dict[int, list[Paragraph]] = {i: [p] for i, p in enumerate(old.paragraphs)}
    deleted: set[int] = set()
    moved: set[int] = set()
    after: dict[int, list] = {}
    before: dict[int, list] = {}
    at_end: list = []
    everywhere = [a for a in amendments if a.action == "replace_everywhere"]
    if everywhere:
        title = _replace_all(title, everywhere)[0] if title else title
        old = replace(old, paragraphs=tuple(_changed_paragraph(p, *_replace_all(p.text, everywhere, p.footnote_positions))
                                            if any(a.old in p.text for a in everywhere) else p for p in old.paragraphs))
        entries = {i: [p] for i, p in enumerate(old.paragraphs)}
    for a in amendments:
        if a.action == "replace_everywhere":
            continue
        if a.action in ("replace", "insert", "delete"):
            if a.paragraph != "title" and not _is_note(a.paragraph):
                index(a.paragraph, a)
            words.setdefault(a.paragraph, []).append(a)
        elif a.action == "replace_paragraph":
            i = index(a.paragraph, a)
            entries[i] = [_new_paragraph(old.paragraphs[i].kind, t, old.paragraphs[i].part) for t in a.texts]
        elif a.action == "delete_paragraph":
            deleted.add(index(a.paragraph, a))
        elif a.action in ("insert_paragraphs", "move_paragraph"):
            if a.action == "move_paragraph":
                i = index(a.paragraph, a)
                moved.add(i)
                item: object = i
            else:
                # a new paragraph belongs to the part of the paragraph it is placed by (the last part at the end)
                near = old.paragraphs[index(a.anchor, a)] if a.anchor else (old.paragraphs or [None])[-1]
                item = [_new_paragraph(a.kind or PREAMBULAR, t, near.part if near else "") for t in a.texts]
            if not a.anchor:
                at_end.append(item)
            else:
                (before if a.before else after).setdefault(index(a.anchor, a), []).append(item)
        else:
            raise AmendmentError(f"unknown amendment {a.action!r}", "")
    note_texts: dict[int, str] = {}
    for label, group in words.items():
        if _is_note(label):
            note = _note_named(old, label)
            note_texts[note.number] = _apply_words(note.text, group, lang, ())[0]
            continue
        if label == "title":
            if title is None:
                raise AmendmentError("the text has no title to amend", "")
            title = _apply_words(title, group, lang, ())[0]
            continue
        i = labels[label]
        p = old.paragraphs[i]
        text, positions = _apply_words(p.text, group, lang, p.subparagraphs, p.footnote_positions)
        entries[i] = [_changed_paragraph(p, text, positions)]
    for i in moved | {i for i in after} | {i for i in before}:
        if i in deleted:
            raise AmendmentError(f"{old.paragraphs[i].label} is deleted and also moved or used as a place",
                                 "insert after a paragraph that stays")
    out: list[Paragraph] = []
    visiting: set[int] = set()

    def emit(item) -> None:
        if isinstance(item, list):
            out.extend(item)
            return
        if item in visiting:
            raise AmendmentError(f"{old.paragraphs[item].label} is moved to follow itself", "")
        visiting.add(item)
        for x in before.get(item, []):
            emit(x)
        out.extend(entries[item])
        for x in after.get(item, []):
            emit(x)

    for i in range(len(old.paragraphs)):
        if i not in deleted and i not in moved:
            emit(i)
    for x in at_end:
        emit(x)
    header = replace(old.header, title=title)
    cited = {n for p in out for n in p.footnotes}  # a deleted or replaced paragraph takes its footnotes along
    notes = tuple(replace(f, text=note_texts.get(f.number, f.text)) for f in old.footnotes if f.number in cited)
    return replace(old, header=header, paragraphs=_relabel(out), footnotes=notes)


def _is_note(label: str) -> bool:
    return label.startswith(("footnote ", "endnote "))


def _note_named(old: Resolution, label: str):
    """The note of ``old`` that ``label`` ("footnote 3", "endnote ii") names."""
    kind, _, mark = label.partition(" ")
    for note in old.footnotes:
        if note.kind == kind and (note.mark or str(note.number)) == mark:
            return note
    raise AmendmentError(f"no {label} in {old.source or 'the text'}",
                         "amendments name notes by the marks the text on the table prints")


# ── the plan: instructions with their sort keys ─────────────────────────────────────────────────

@mutable_record
class _Survivor:
    """An OLD paragraph that stays (perhaps reworded, replaced, split or merged into)."""

    old: int
    new: int  # first new index it gives
    pair_index: int
    replace_texts: tuple[str, ...] = ()  # whole new texts, when it is replaced (split, merged, deleted+inserted)
    moved: bool = False


@mutable_record
class _Plan:
    """The amendments being built, each with the key that sorts it into the order a chair reads them."""

    items: list = field(default_factory=list)  # (sort key, Amendment)

    def add(self, key: tuple, amendment: Amendment) -> None:
        self.items.append((key, amendment))


def _plan(cmp: Comparison, lang: str, kind_anchors: bool, plain: bool) -> list[Amendment]:
    old, new = cmp.old.paragraphs, cmp.new.paragraphs
    survivors: dict[int, _Survivor] = {}  # by old index
    deleted: list[int] = []
    inserted: list[int] = []
    for k, p in enumerate(cmp.pairs):
        if p.old_index and p.new_index:
            if len({old[i].kind for i in p.old_index} | {new[j].kind for j in p.new_index}) > 1:
                deleted.extend(p.old_index)  # a preambular paragraph made operative: out and in again
                inserted.extend(p.new_index)
                continue
            first = min(p.old_index)
            s = _Survivor(first, min(p.new_index), k)
            if len(p.old_index) > 1 or len(p.new_index) > 1:
                s.replace_texts = tuple(new[j].text for j in sorted(p.new_index))
                deleted += [i for i in p.old_index if i != first]
            survivors[first] = s
        elif p.old_index:
            deleted.extend(p.old_index)
        else:
            inserted.extend(p.new_index)
    _pair_replacements(old, new, survivors, deleted, inserted)
    _mark_moved(survivors)

    plan = _Plan()
    everywhere = [] if plain else _everywhere(cmp, survivors, lang)
    for k, a in enumerate(everywhere):
        plan.add((-2, k, 0), a)

    def rediffed(old_text: str, new_text: str, segments):
        """The old text after the changes made everywhere, and its word diff against the new text."""
        if not any(a.old in old_text for a in everywhere):
            return old_text, segments
        from resdiff.comparison import layout_pieces
        from resdiff.worddiff import diff_words

        old_text = _replace_all(old_text, everywhere)[0]
        return old_text, layout_pieces(diff_words(old_text, new_text, lang))

    # Title
    t_old, t_new = cmp.old.header.title, cmp.new.header.title
    if t_old and t_new and normalize(t_old) != normalize(t_new):
        from resdiff.comparison import layout_pieces
        from resdiff.worddiff import diff_words

        t_old, segments = rediffed(t_old, t_new, layout_pieces(diff_words(t_old, t_new, lang)))
        found = None if plain or t_old == t_new else _word_amendments("title", t_old, segments, (), lang)
        for off, a in found or []:
            plan.add((-1, 0, off), a)
        if found is None and t_old != t_new:
            plan.add((-1, 0, 0), Amendment("replace", "title", old=t_old, new=t_new))
    # Survivors: their words, or whole replacement
    for i, s in survivors.items():
        label = old[i].label
        if s.replace_texts:
            plan.add((i, 0, 0), Amendment("replace_paragraph", label, texts=s.replace_texts))
            continue
        pair = cmp.pairs[s.pair_index]
        if not any(seg.op != "equal" for seg in pair.segments):
            continue
        text, segments = rediffed(old[i].text, new[s.new].text, pair.segments)
        if not any(seg.op != "equal" for seg in segments):
            continue
        found = None if plain else _word_amendments(label, text, segments, old[i].subparagraphs, lang)
        if found is None:
            plan.add((i, 0, 0), Amendment("replace_paragraph", label, texts=(new[s.new].text,)))
        else:
            for off, a in found:
                plan.add((i, 0, off), a)
    amended: set[int] = set()  # a note cited twice (72/169's note 1) is amended once
    for i, s in sorted(survivors.items()):
        _note_amendments(plan, cmp, i, cmp.pairs[s.pair_index], lang, plain, amended)
    for i in deleted:
        plan.add((i, 0, 0), Amendment("delete_paragraph", old[i].label))
    _place(plan, old, new, survivors, inserted, kind_anchors)
    plan.items.sort(key=lambda item: item[0])
    return [a for _key, a in plan.items]


def note_place(note) -> str:
    """How an amendment names a note of the text on the table: "footnote 3", "endnote ii", "footnote *"
    (its kind and the mark it prints); ``resdiff.render.amendments.place`` words it."""
    return f"{note.kind} {note.mark or note.number}"


def _note_amendments(plan: _Plan, cmp: Comparison, i: int, pair, lang: str, plain: bool, amended: set[int]) -> None:
    """Instructions for the notes of a surviving paragraph whose text changed ("In footnote 3, replace
    … with …"), after the paragraph's own (sort key (i, 1, offset)). A note added or removed goes with
    the words that carry its marker; a note only the new text has, or whose old text the source lacks,
    has no instruction."""
    for change in pair.footnotes:
        if change.old is None or change.new is None or change.layout_only:
            continue
        note = cmp.old.footnote(change.old)
        if note is None or not note.text.strip() or not any(seg.op != "equal" for seg in change.segments) \
                or note.number in amended:
            continue
        amended.add(note.number)
        label = note_place(note)
        new_text = _apply_edits(note.text, _edits(change.segments))
        found = None if plain else _word_amendments(label, note.text, change.segments, (), lang)
        if found is None:  # the whole note's text, quoted
            plan.add((i, 1, 0), Amendment("replace", label, old=note.text, new=new_text))
            continue
        for off, a in found:
            plan.add((i, 1, off), a)


def _everywhere(cmp: Comparison, survivors: dict[int, "_Survivor"], lang: str) -> list[Amendment]:
    """Words changed the same way at every one of their occurrences, in at least ``EVERYWHERE_MIN``
    paragraphs (the title counts): one instruction ("Replace “Chernobyl” with “Chornobyl” in the title,
    the preambular paragraphs and the operative paragraphs")."""
    from resdiff.comparison import layout_pieces
    from resdiff.worddiff import diff_words

    texts = []  # (part, old text, new text, edits)
    t_old, t_new = cmp.old.header.title, cmp.new.header.title
    if t_old and t_new:
        texts.append(("title", t_old, t_new, _edits(layout_pieces(diff_words(t_old, t_new, lang)))))
    for s in survivors.values():
        if not s.replace_texts and s.pair_index >= 0:
            p = cmp.old.paragraphs[s.old]
            texts.append((p.kind, p.text, cmp.new.paragraphs[s.new].text, _edits(cmp.pairs[s.pair_index].segments)))
    candidates = set()
    for _part, old_text, _new_text, edits in texts:
        spans = _token_spans(old_text, lang) if lang == "zh" and edits else []
        for e in edits:
            a, b = old_text[e.start:e.end].strip(), e.new.strip()
            candidates.add((a, b))
            if lang != "zh":
                candidates.add(_core(a, b))
                continue
            # Chinese: the segmenter may cut "国际合作" → "国际协作" down to "合作" → "协作"; the
            # neighbouring words make the candidates that a count can then confirm or refute
            before = next((old_text[s:t] for s, t in spans if t == e.start), "")
            after = next((old_text[s:t] for s, t in spans if s == e.end), "")
            for left in {"", before}:
                for right in {"", after}:
                    candidates.add((left + a + right, left + b + right))
    candidates = {(a, b) for a, b in candidates if a and b and a != b and _WORD.search(a) and " " not in a + b}
    pairs = [(part, o, n) for part, o, n, _ in texts]
    out: list[Amendment] = []
    while True:
        ranked = []
        for a, b in candidates:
            # every occurrence became b, and b did not come from elsewhere: count a in OLD against b in NEW
            if all(o.count(a) == n.count(b) - o.count(b) and (a in b or a not in n) for _, o, n in pairs):
                where = sum(1 for _, o, _ in pairs if a in o)
                if where >= EVERYWHERE_MIN:
                    ranked.append((-where, len(a), a, b))
        if not ranked:
            return out
        _where, _length, a, b = min(ranked)
        parts = tuple(part for part in ("title", PREAMBULAR, OPERATIVE) if any(p == part and a in o for p, o, _ in pairs))
        out.append(Amendment("replace_everywhere", old=a, new=b, parts=parts))
        pairs = [(part, o.replace(a, b), n) for part, o, n in pairs]  # later candidates see the result


def _core(old: str, new: str) -> tuple[str, str]:
    """The whole words that differ in a change: "Chernobyl-affected" → "Chornobyl-affected" is
    "Chernobyl" → "Chornobyl" (common ends dropped, then widened to word characters)."""
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    while p > 0 and old[p - 1].isalnum():
        p -= 1
    while q > 0 and old[len(old) - q].isalnum():
        q -= 1
    return old[p:len(old) - q], new[p:len(new) - q]


def _pair_replacements(old, new, survivors: dict[int, _Survivor], deleted: list[int], inserted: list[int]) -> None:
    """A deleted and an inserted paragraph of the same kind between the same two staying paragraphs
    become one replaced paragraph ("Replace operative paragraph 15 with the following")."""
    by_new = sorted(survivors.values(), key=lambda s: s.new)

    def gap_old(i: int):
        before = max((s.old for s in survivors.values() if s.old < i), default=None)
        after_ = min((s.old for s in survivors.values() if s.old > i), default=None)
        return before, after_

    def gap_new(j: int):
        before = max((s for s in by_new if s.new < j), key=lambda s: s.new, default=None)
        after_ = min((s for s in by_new if s.new > j), key=lambda s: s.new, default=None)
        return (before.old if before else None), (after_.old if after_ else None)

    free_ins = sorted(inserted)
    for i in sorted(deleted):
        if i in survivors:
            continue
        gap = gap_old(i)
        for j in free_ins:
            if gap_new(j) == gap and new[j].kind == old[i].kind:
                survivors[i] = _Survivor(i, j, -1, replace_texts=(new[j].text,))
                free_ins.remove(j)
                deleted.remove(i)
                inserted.remove(j)
                break


def _mark_moved(survivors: dict[int, _Survivor]) -> None:
    """Survivors outside one longest run in the same order in OLD and NEW are moved."""
    import bisect

    order = sorted(survivors.values(), key=lambda s: s.old)
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(order)
    for pos, s in enumerate(order):
        k = bisect.bisect_left(tails, s.new)
        back[pos] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(s.new)
            tail_at.append(pos)
        else:
            tails[k], tail_at[k] = s.new, pos
    keep = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(pos)
        pos = back[pos]
    for pos, s in enumerate(order):
        s.moved = pos not in keep


def _place(plan: _Plan, old, new, survivors: dict[int, _Survivor], inserted: list[int], kind_anchors: bool) -> None:
    """Moves and insertions, each anchored to a staying paragraph of OLD (see the module docstring)."""
    by_new = {s.new: s for s in survivors.values()}  # a split survivor stands at its first new paragraph
    sequence = []  # ("s", survivor) / ("i", new index) in new order
    ins = set(inserted)
    for j in range(len(new)):
        if j in by_new:
            sequence.append(("s", by_new[j]))
        elif j in ins:
            sequence.append(("i", j))
    last = None  # last survivor seen in new order
    k = 0
    while k < len(sequence):
        what, x = sequence[k]
        if what == "s":
            if x.moved:
                if last is not None:
                    plan.add((last.old, 1, x.new), Amendment("move_paragraph", old[x.old].label, anchor=old[last.old].label))
                else:
                    nxt = _next_survivor(sequence, k, unmoved=True)
                    plan.add((nxt.old, -1, x.new), Amendment("move_paragraph", old[x.old].label,
                                                             anchor=old[nxt.old].label, before=True))
            last = x
            k += 1
            continue
        group = [x]
        while k + len(group) < len(sequence) and sequence[k + len(group)][0] == "i" \
                and new[sequence[k + len(group)][1]].kind == new[x].kind:
            group.append(sequence[k + len(group)][1])
        kind = new[x].kind
        texts = tuple(new[j].text for j in group)
        nxt = _next_survivor(sequence, k, unmoved=False)
        use_before = last is None or (kind_anchors and old[last.old].kind != kind and nxt is not None
                                      and old[nxt.old].kind == kind)
        if use_before and nxt is not None:
            plan.add((nxt.old, -1, x), Amendment("insert_paragraphs", anchor=old[nxt.old].label, before=True,
                                                 texts=texts, kind=kind))
        elif last is not None:
            plan.add((last.old, 1, x), Amendment("insert_paragraphs", anchor=old[last.old].label, texts=texts, kind=kind))
        else:
            plan.add((1 << 30, 1, x), Amendment("insert_paragraphs", texts=texts, kind=kind))
        k += len(group)


def _next_survivor(sequence, k: int, unmoved: bool):
    for what, x in sequence[k + 1:]:
        if what == "s" and (not unmoved or not x.moved):
            return x
    return None


def _target(cmp: Comparison) -> tuple[list[tuple[str, str]], str]:
    """What applying the amendments must give, up to layout noise: NEW's (kind, normalised text) and title."""
    title = cmp.new.header.title if cmp.old.header.title and cmp.new.header.title else cmp.old.header.title
    return [(q.kind, normalize(q.text)) for q in cmp.new.paragraphs], normalize(title or "")


def _same(got: Resolution, new: Resolution, target, lang: str) -> bool:
    """Same paragraphs and title as NEW, where "same" is the comparison's own: normalised texts equal,
    or a word diff without a change (it also counts a space one side lacks as layout)."""
    from resdiff.worddiff import diff_words

    def same(a: str, b: str, key_b: str) -> bool:
        return normalize(a) == key_b or all(s.op == "equal" for s in diff_words(a, b, lang))

    if len(got.paragraphs) != len(target[0]):
        return False
    for p, q, (kind, key) in zip(got.paragraphs, new.paragraphs, target[0]):
        if p.kind != kind or not same(p.text, q.text, key):
            return False
        if len(p.footnotes) == len(q.footnotes):  # notes that stay (none is added or removed): their texts
            for a, b in zip(p.footnotes, q.footnotes):
                old_note, new_note = got.footnote(a), new.footnote(b)
                if old_note and new_note and old_note.text.strip() and new_note.text.strip() \
                        and not same(old_note.text, new_note.text, normalize(new_note.text)):
                    return False
    return same(got.header.title or "", new.header.title or "", target[1]) if new.header.title else True


# ── words ────────────────────────────────────────────────────────────────────────────────────────

@mutable_record
class _Edit:
    """A change of words in OLD's text of a paragraph: the span it replaces and the new words."""

    start: int  # in OLD's text
    end: int
    new: str


def _edits(segments: tuple[Segment, ...]) -> list[_Edit]:
    """Changes to OLD's characters. Layout pieces are not changes, except a space that one side lacks
    right next to a change: it belongs to the change ("Genuine" inserted before "cooperation" brings the
    space between them)."""
    edits: list[_Edit] = []
    pos = 0
    for k, s in enumerate(segments):
        if s.op == "equal":
            old = s.old_text if s.old_text is not None else s.text
            spacing = s.old_text is not None and not old.strip() and not s.text.strip()
            touches = (edits and edits[-1].end == pos) or (k + 1 < len(segments) and segments[k + 1].op != "equal")
            if not (spacing and touches):
                pos += len(old)
                continue
            start, end, new = pos, pos + len(old), s.text
        else:
            start, end, new = (pos, pos + len(s.text), "") if s.op == "delete" else (pos, pos, s.text)
        if edits and edits[-1].end == start:
            edits[-1].end, edits[-1].new = end, edits[-1].new + new
        else:
            edits.append(_Edit(start, end, new))
        pos = end
    return edits


def _merge_close(text: str, edits: list[_Edit], lang: str) -> list[_Edit]:
    """Neighbouring changes become one where a person would write one: nothing but spaces between them,
    or a word or two (no punctuation) between two replacements ("17 December 2015" → "19 December
    2017"). A clause inserted with its own commas stays its own instruction."""
    out: list[_Edit] = []
    for e in edits:
        if out:
            a = out[-1]
            gap = text[a.end:e.start]
            words = _word_count(gap, lang)
            replacements = a.start < a.end and e.start < e.end
            clauses = any(_CLAUSE_PUNCT.search(x) for x in (a.new, e.new, text[a.start:a.end], text[e.start:e.end]))
            if not gap.strip() or (not _CLAUSE_PUNCT.search(gap) and not clauses
                                   and (words <= 1 or (replacements and words <= MERGE_GAP_WORDS))):
                out[-1] = _Edit(a.start, e.end, a.new + gap + e.new)
                continue
        out.append(_Edit(e.start, e.end, e.new))
    return out


def _word_count(text: str, lang: str) -> int:
    """Words in a gap between two changes. Chinese: the segmenter's count, but never more than a reader
    counts — two characters a word, a number one — so that "1996年4月19日" → "2000年4月26日" is one
    change as "17 December 2015" → "19 December 2017" is, not "事项的1996" and "19日第1996/55" apart
    ("年4月" is three tokens to jieba, one word or two to a drafter)."""
    from resdiff.lang import tokenize

    tokens = sum(1 for t in tokenize(text, lang) if _WORD.search(t))
    if lang != "zh":
        return tokens
    ideographs = len(_IDEOGRAPH.findall(text))
    return min(tokens, (ideographs + 1) // 2 + len(_ALNUM_RUN.findall(text)))


def _word_amendments(label: str, text: str, segments: tuple[Segment, ...], subs: tuple[SubParagraph, ...],
                     lang: str) -> list[tuple[int, Amendment]] | None:
    """(offset in OLD, amendment) for each change of one paragraph, or None: replace it whole."""
    edits = _merge_close(text, _edits(segments), lang)
    expected = _apply_edits(text, edits)
    markers = _unique_markers(text, subs)
    while True:
        found = []
        for e in edits:
            scope_start, scope_end, marker = _scope(text, e, markers)
            scope = text[scope_start:scope_end]
            got = _quote(scope, e.start - scope_start, e.end - scope_start, e.new, lang)
            if got is None:
                return None
            amendment, (qs, qe) = got
            found.append((scope_start + qs, scope_start + qe, replace(amendment, paragraph=label, subparagraph=marker)))
        clash = next((k for k in range(len(found) - 1) if found[k][1] >= found[k + 1][0]), None)
        if clash is None:
            break
        a, b = edits[clash], edits[clash + 1]
        edits[clash:clash + 2] = [_Edit(a.start, b.end, a.new + text[a.end:b.start] + b.new)]
    quoted = sum(qe - qs for qs, qe, _ in found)
    if quoted > REPLACE_SHARE * len(text):
        return None
    amendments = [a for _, _, a in found]
    try:
        if _apply_words(text, amendments, lang, subs)[0] != expected:
            return None
    except AmendmentError:
        return None
    return [(qs, a) for qs, _, a in found]


def _apply_edits(text: str, edits: list[_Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [text[pos:e.start], e.new]
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _unique_markers(text: str, subs: tuple[SubParagraph, ...]) -> dict[int, str]:
    """Line number → sub-paragraph marker, for lines whose marker no other line of the paragraph has."""
    found: dict[int, str] = {}
    for k, line in enumerate(text.split("\n")):
        m = _SUB_MARKER.match(line) if k else None
        if m:
            found[k] = m.group(1)
    counts: dict[str, int] = {}
    for marker in found.values():
        counts[marker] = counts.get(marker, 0) + 1
    return {k: m for k, m in found.items() if counts[m] == 1}


def _scope(text: str, e: _Edit, markers: dict[int, str]) -> tuple[int, int, str]:
    """The sub-paragraph the edit lies in (start, end, marker), or the whole paragraph (marker "")."""
    if "\n" in e.new:
        return 0, len(text), ""
    for k, (start, end) in enumerate(_lines(text)):
        if start <= e.start and e.end <= end and k in markers:
            return start, end, markers[k]
    return 0, len(text), ""


def _token_spans(text: str, lang: str) -> list[tuple[int, int]]:
    from resdiff.lang import tokenize

    spans, pos = [], 0
    for t in tokenize(text, lang):
        if t.strip():
            spans.append((pos, pos + len(t)))
        pos += len(t)
    return spans


def _quote(scope: str, s: int, e: int, new: str, lang: str) -> tuple[Amendment, tuple[int, int]] | None:
    """The shortest instruction for one edit whose quotation is unique in ``scope`` and which, carried
    out alone, gives exactly the edited scope. Returns it with the span of OLD it quotes."""
    expected = scope[:s] + new + scope[e:]
    spans = _token_spans(scope, lang)
    left = [sp for sp in spans if sp[1] <= s]
    right = [sp for sp in spans if sp[0] >= e]
    a0, b0 = s, e
    for ts, te in spans:
        if ts < s < te:
            a0 = ts
        if ts < e < te:
            b0 = te
    core = scope[a0:b0]
    a0 += len(core) - len(core.lstrip())
    b0 -= len(core) - len(core.rstrip())
    inserted = new.strip()
    delta = len(new) - (e - s)
    for k in range(MAX_CONTEXT + 1):
        for i in range(k, -1, -1):  # context on the left first: "after “…”, insert", as delegations write
            j = k - i
            if i > len(left) or j > len(right):
                continue
            a = left[-i][0] if i else a0
            b = right[j - 1][1] if j else b0
            candidates = []
            if not inserted and k == 0 and a0 < b0:
                candidates.append(Amendment("delete", old=scope[a0:b0]))
            if a0 >= b0 and inserted:
                if j == 0 and i > 0:
                    candidates.append(Amendment("insert", old=scope[a:left[-1][1]], new=inserted))
                if i == 0 and j > 0:
                    candidates.append(Amendment("insert", old=scope[right[0][0]:b], new=inserted, before=True))
            if a <= s and b >= e and a < b:
                old_words, new_words = scope[a:b], expected[a:b + delta]
                if new_words and new_words.strip() == new_words and old_words.strip() == old_words:
                    candidates.append(Amendment("replace", old=old_words, new=new_words))
            for c in candidates:
                if _count(scope, c.old) != 1:
                    continue
                try:
                    start, end, repl = _effect(scope, c, lang)
                except AmendmentError:
                    continue
                if scope[:start] + repl + scope[end:] == expected:
                    return c, (start, end)
    return None


def _count(text: str, quote: str) -> int:
    n, i = 0, text.find(quote)
    while i != -1 and n < 2:
        n += 1
        i = text.find(quote, i + 1)
    return n


def _locate(text: str, quote: str) -> tuple[int, int]:
    """(start, end) of the one place ``quote`` stands in ``text``. A quotation typed as printed
    ("2019年12月18日") also finds the text extracted from a PDF with spaces next to the Chinese
    characters ("2019 年 12 月 18 日"): the Chinese amendments are written without them."""
    if not quote:
        raise AmendmentError("an amendment quotes no words", "")
    n = _count(text, quote)
    found = [(i := text.find(quote), i + len(quote))] if n == 1 else []
    if n == 0 and _IDEOGRAPH.search(quote):
        spans = [m.span() for m in _spaced(quote).finditer(text)]
        n, found = len(spans), spans[:1]
    if n != 1:
        where = "not found" if n == 0 else "found more than once"
        raise AmendmentError(f"“{quote}” is {where} in the paragraph",
                             "quote enough words that they occur once and only once in the paragraph")
    return found[0]


def _spaced(quote: str) -> re.Pattern:
    """``quote`` allowing layout spaces wherever one side is a CJK character or punctuation."""
    from resdiff.normalize import is_cjk

    parts = [re.escape(quote[0])]
    for a, b in zip(quote, quote[1:]):
        parts.append(("[ \t\u00a0]*" if is_cjk(a) or is_cjk(b) else "") + re.escape(b))
    return re.compile("".join(parts))  # the amendment's own words: re, not the pattern cache (patterns.py)


def _space(left: str, right: str, lang: str) -> str:
    """The space a reader puts between two pieces joined by an insertion (none in Chinese)."""
    if lang == "zh" or not left or not right:
        return ""
    a, b = left[-1], right[0]
    if a.isspace() or b.isspace() or a in _NO_SPACE_AFTER or b in _NO_SPACE_BEFORE:
        return ""
    return " "


def _effect(scope: str, a: Amendment, lang: str) -> tuple[int, int, str]:
    """(start, end, replacement) in ``scope`` for one word instruction."""
    i, j = _locate(scope, a.old)
    quoted = scope[i:j]  # as it stands in the text (with its layout spaces, if the quotation had none)
    if a.action == "replace":
        return i, j, a.new
    if a.action == "insert":
        if a.before:
            lead = _space(scope[:i], a.new, lang)
            return i, j, lead + a.new + _space(a.new, quoted, lang) + quoted
        return i, j, quoted + _space(quoted, a.new, lang) + a.new + _space(a.new, scope[j:], lang)
    if a.action == "delete":
        if lang != "zh":
            rest = scope[j:]
            if i > 0 and scope[i - 1] == " " and (not rest or rest[0] == " " or rest[0] in _NO_SPACE_BEFORE):
                i -= 1
            elif i == 0 and rest.startswith(" "):
                j += 1
        return i, j, ""
    raise AmendmentError(f"{a.action} is not a word instruction", "")


def _apply_words(text: str, amendments: list[Amendment], lang: str, subs: tuple[SubParagraph, ...],
                 positions: tuple[int, ...] = ()) -> tuple[str, tuple[int, ...]]:
    """All word instructions of one paragraph at once, each found in the original text. Footnote
    marker positions follow the text."""
    line_spans = _lines(text)
    markers = _unique_markers(text, subs)
    effects = []
    for a in amendments:
        start, end = 0, len(text)
        if a.subparagraph:
            k = next((k for k, m in markers.items() if m == a.subparagraph), None)
            if k is None:
                raise AmendmentError(f"no sub-paragraph {a.subparagraph} in {a.paragraph}", "")
            start, end = line_spans[k]
        try:
            s, e, repl = _effect(text[start:end], a, lang)
        except AmendmentError as err:
            where = f"{a.paragraph} {a.subparagraph}".strip()
            raise AmendmentError(err.message.replace("in the paragraph", f"in {where}"), err.hint) from None
        effects.append((start + s, start + e, repl))
    effects.sort()
    for (s1, e1, _), (s2, _, _) in zip(effects, effects[1:]):
        if e1 > s2:
            raise AmendmentError(f"two amendments to {amendments[0].paragraph} quote the same words",
                                 "merge them into one instruction")
    return _splice(text, effects, positions)


def _splice(text: str, effects: list[tuple[int, int, str]], positions: tuple[int, ...] = ()) -> tuple[str, tuple[int, ...]]:
    """Replace each (start, end) of ``text`` (sorted, not overlapping); footnote marker positions follow."""
    out, pos = [], 0
    shifts = []
    for s, e, repl in effects:
        out += [text[pos:s], repl]
        shifts.append((s, e, len(repl) - (e - s)))
        pos = e
    out.append(text[pos:])
    new_positions = []
    for p in positions:
        d = 0
        for s, e, delta in shifts:
            if p >= e:
                d += delta
            elif p > s:
                d += min(0, delta)
        new_positions.append(max(0, p + d))
    return "".join(out), tuple(new_positions)


def _replace_all(text: str, everywhere: list[Amendment], positions: tuple[int, ...] = ()) -> tuple[str, tuple[int, ...]]:
    for a in everywhere:
        effects, i = [], text.find(a.old)
        while i != -1:
            effects.append((i, i + len(a.old), a.new))
            i = text.find(a.old, i + len(a.old))
        text, positions = _splice(text, effects, positions)
    return text, positions


# ── paragraphs of the result ─────────────────────────────────────────────────────────────────────

def _subparagraphs(text: str) -> tuple[SubParagraph, ...]:
    subs = []
    for line in text.split("\n")[1:]:
        m = _SUB_MARKER.match(line)
        if m:
            subs.append(SubParagraph(m.group(1), line[m.end():].strip()))
    return tuple(subs)


def _new_paragraph(kind: str, text: str, part: str = "") -> Paragraph:
    return Paragraph(label="", kind=kind, number=None, text=text, key=normalize(text),
                     subparagraphs=_subparagraphs(text), part=part)


def _changed_paragraph(p: Paragraph, text: str, positions: tuple[int, ...]) -> Paragraph:
    lead = p.lead if p.lead and text.startswith(p.lead) else ""
    keep = [(n, pos) for n, pos in zip(p.footnotes, positions) if pos <= len(text)]
    return replace(p, text=text, key=normalize(text), lead=lead, subparagraphs=_subparagraphs(text),
                   footnotes=tuple(n for n, _ in keep), footnote_positions=tuple(pos for _, pos in keep))


def _relabel(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    """Labels as the reader gives them: headings counted through the whole text, preambular and
    operative paragraphs from 1 again in each part of a resolution in parts ("A OP1" … "B OP1")."""
    out, pp, op, h, part = [], 0, 0, 0, ""
    for p in paragraphs:
        if p.part != part:
            part, pp, op = p.part, 0, 0
        prefix = f"{p.part} " if p.part else ""
        if p.kind == HEADING:  # headings count apart: they never shift preambular ordinals
            h += 1
            out.append(replace(p, label=f"{prefix}H{h}", number=None, suffix=""))
        elif p.kind == OPERATIVE:
            op += 1
            out.append(replace(p, label=f"{prefix}OP{op}", number=op, suffix=""))
        else:
            pp += 1
            out.append(replace(p, label=f"{prefix}PP{pp}", number=None, suffix=""))
    return tuple(out)


def _language(cmp: Comparison) -> str:
    if cmp.old.language == cmp.new.language:
        return cmp.old.language
    return "zh" if "zh" in (cmp.old.language, cmp.new.language) else "other"


# ── reading amendments back (``resdiff apply-amendments``) ─────────────────────────────────────

_NUMBERED = patterns.compile(r"^\s*(\d+)\.\s+(?=\S)")
_Q = r"“(?P<old>.*)”"
_EN_WORDS = [
    ("replace", patterns.compile(rf"^In (?P<place>.+?), replace {_Q} with “(?P<new>.*)”\.?$")),
    ("insert", patterns.compile(rf"^In (?P<place>.+?), (?P<side>after|before) {_Q}, insert “(?P<new>.*)”\.?$")),
    ("insert", patterns.compile(rf"^In (?P<place>.+?), insert “(?P<new>.*)” (?P<side>after|before) {_Q}\.?$")),
    ("delete", patterns.compile(rf"^In (?P<place>.+?), delete {_Q}\.?$")),
]
_ZH_WORDS = [
    ("replace", patterns.compile(rf"^在(?P<place>.+?)中，将{_Q}改为“(?P<new>.*)”。?$")),
    ("insert", patterns.compile(rf"^在(?P<place>.+?)中，在{_Q}之(?P<side>后|前)插入“(?P<new>.*)”。?$")),
    ("delete", patterns.compile(rf"^在(?P<place>.+?)中，删除{_Q}。?$")),
]


def parse_amendments(text: str, old: Resolution) -> tuple[Amendment, ...]:
    """Amendments written in the wording of ``resdiff.render.amendments`` (English or Chinese, numbered
    or not, new paragraphs on indented lines in quotes) → Amendment values against ``old``."""
    blocks: list[tuple[str, list[str], int]] = []  # (instruction, paragraph lines, line number)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) and blocks:
            blocks[-1][1].append(line.strip())
            continue
        sentence = _NUMBERED.sub("", line).strip()
        if blocks or _looks_like_instruction(sentence):
            blocks.append((sentence, [], number))
    out = []
    for sentence, lines, number in blocks:
        try:
            out.append(_parse_one(sentence, _quoted_paragraphs(lines), old))
        except (ValueError, KeyError) as err:
            raise AmendmentError(f"line {number}: cannot read the amendment “{sentence[:80]}”: {err}",
                                 "write it as resdiff compare --format amendments does") from None
    return tuple(out)


def _looks_like_instruction(sentence: str) -> bool:
    return bool(patterns.match(r"^(In |Replace |Delete |Move |After |Before |At the end|在|将|删除)", sentence))


def _quoted_paragraphs(lines: list[str]) -> tuple[str, ...]:
    texts, current = [], []
    for line in lines:
        current.append(line)
        if line.endswith("”"):
            joined = "\n".join(current)
            texts.append(joined[1:-1] if joined.startswith("“") else joined[:-1])
            current = []
    if current:
        texts.append("\n".join(current).lstrip("“"))
    return tuple(texts)


def _parse_one(sentence: str, texts: tuple[str, ...], old: Resolution) -> Amendment:
    for action, pattern in _EN_WORDS + _ZH_WORDS:
        m = pattern.match(sentence)
        if m:
            try:
                label, sub = _label(m.group("place"), old)
            except ValueError:
                continue  # "在标题、序言部分和执行部分中，将…" is the change made everywhere
            side = m.groupdict().get("side")
            return Amendment(action, label, subparagraph=sub, old=m.group("old"), new=m.groupdict().get("new", ""),
                             before=side in ("before", "前"))
    m = patterns.match(rf"^Replace {_Q} with “(?P<new>.*)” in (?P<parts>.+?)\.?$", sentence) \
        or patterns.match(rf"^在(?P<parts>.+?)中，将{_Q}改为“(?P<new>.*)”。?$", sentence)
    if m:
        names = m.group("parts")
        parts = tuple(p for p, words in (("title", ("title", "标题")), (PREAMBULAR, ("preambular", "序言")),
                                         (OPERATIVE, ("operative", "执行"))) if any(w in names for w in words))
        return Amendment("replace_everywhere", old=m.group("old"), new=m.group("new"), parts=parts)
    m = patterns.match(r"^Replace (?P<place>.+?) with the following(?: \w+ \w+ paragraphs)?:$", sentence) \
        or patterns.match(r"^将(?P<place>.+?)改为(?:以下\w+段)?：$", sentence)
    if m:
        return Amendment("replace_paragraph", _label(m.group("place"), old)[0], texts=texts)
    m = patterns.match(r"^Delete (?P<place>.+?)\.?$", sentence) or patterns.match(r"^删除(?P<place>.+?)。?$", sentence)
    if m:
        return Amendment("delete_paragraph", _label(m.group("place"), old)[0])
    m = patterns.match(r"^Move (?P<place>.+?) to (?P<side>follow|precede) (?P<anchor>.+?)\.?$", sentence) \
        or patterns.match(r"^将(?P<place>.+?)移至(?P<anchor>.+?)之(?P<side>后|前)。?$", sentence)
    if m:
        return Amendment("move_paragraph", _label(m.group("place"), old)[0], anchor=_label(m.group("anchor"), old)[0],
                         before=m.group("side") in ("precede", "前"))
    m = patterns.match(r"^(?P<side>After|Before) (?P<place>.+?), insert (?:a|an|\w+) new (?:(?P<kind>preambular|operative) "
                 r"paragraphs?|(?P<heading>section headings?)) reading:$", sentence) \
        or patterns.match(r"^(?P<side>At the end), insert (?:a|an|\w+) new (?:(?P<kind>preambular|operative) paragraphs?"
                    r"|(?P<heading>section headings?)) reading:$", sentence) \
        or patterns.match(r"^在(?P<place>.+?)之(?P<side>后|前)插入\w+个新的(?:(?P<kind>执行部分|序言部分)?段落|(?P<heading>节标题))，内容如下：$", sentence) \
        or patterns.match(r"^(?P<side>在末尾)插入\w+个新的(?:(?P<kind>执行部分|序言部分)?段落|(?P<heading>节标题))，内容如下：$", sentence)
    if m:
        place = m.groupdict().get("place")
        anchor = _label(place, old)[0] if place else ""
        kind = m.group("kind") or ""
        if m.group("heading"):
            kind = HEADING
        elif kind in ("operative", "执行部分"):
            kind = OPERATIVE
        elif kind in ("preambular", "序言部分"):
            kind = PREAMBULAR
        else:  # Chinese names the kind only when it differs from the anchor's
            kind = old.paragraph(anchor).kind if anchor else OPERATIVE
        return Amendment("insert_paragraphs", anchor=anchor, before=m.group("side") in ("Before", "前"),
                         texts=texts, kind=kind)
    raise ValueError("not a form resdiff knows")


def _label(place: str, old: Resolution) -> tuple[str, str]:
    """("PP3", "") for "the third preambular paragraph" / "序言部分第三段"; ("OP5", "(b)") for
    "operative paragraph 5 (b)" / "执行部分第5(b)段"."""
    from resdiff.lang.numerals import parse_en_ordinal, parse_zh_numeral

    place = place.strip()
    if place in ("the title", "标题"):
        return "title", ""
    m = patterns.fullmatch(r"(footnote|endnote) (\S+)", place) or patterns.fullmatch(r"(脚注|尾注)\s*(\S+)", place)
    if m:
        kind = {"脚注": "footnote", "尾注": "endnote"}.get(m.group(1), m.group(1))
        return f"{kind} {m.group(2)}", ""
    m = patterns.fullmatch(r"(?:subparagraph (\(\w+\)) of )?the (.+) preambular paragraph", place)
    if m:
        return f"PP{parse_en_ordinal(m.group(2))}", m.group(1) or ""
    m = patterns.fullmatch(r"the (.+) section heading", place) or patterns.fullmatch(r"第(.+?)个节标题", place)
    if m:  # headings are named apart: "the second section heading" is H2
        ordinal = m.group(1)
        return f"H{parse_en_ordinal(ordinal) if place.startswith('the') else parse_zh_numeral(ordinal)}", ""
    m = patterns.fullmatch(r"operative paragraph (\d+)(?: (bis|ter|quater))?(?: (\(\w+\)))?", place)
    if m:
        return f"OP{m.group(1)}{m.group(2) or ''}", m.group(3) or ""
    m = patterns.fullmatch(r"序言部分第(.+?)段(?:(\(\w+\))分段)?", place)
    if m:
        return f"PP{parse_zh_numeral(m.group(1))}", m.group(2) or ""
    m = patterns.fullmatch(r"执行部分第(\d+)(bis|ter|quater)?(\(\w+\))?段", place)
    if m:
        return f"OP{m.group(1)}{m.group(2) or ''}", m.group(3) or ""
    raise ValueError(f"no paragraph named “{place}”")
