"""Many versions of one resolution → where each paragraph of the latest one came from.

``history(resolutions, order="session") -> History``. The versions are put in order (by session, a draft
before the resolution adopted from it, then by date; ``order="given"`` keeps the order given), each is
compared with the next (``compare``: N − 1 comparisons, nothing more expensive), and the pairwise
alignments are chained backwards from every paragraph of the latest version: through a pair to its old
side, through a split to the paragraph it was cut from, through a merge to the part whose text it keeps
most of, until the version where it was inserted or the first version. A moved or renumbered paragraph
keeps its ancestry; so a delegation can say "OP7 is unchanged since 72/169". A paragraph rewritten in
place — deleted and inserted between the same two neighbours, of the same kind, still sharing
``REWRITE_THRESHOLD`` of its words — is one paragraph rewritten, not a new one (the aligner only pairs
paragraphs from 0.5: "Recommends that the Disarmament Commission consider the following items at its
substantive session of 2024: (a) [To be determined]" became "… continue consideration of the following
items … of 2025: (a) Recommendations for achieving …", 0.49).
Paragraphs deleted along the way are listed apart, with the last version that had them.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from resdiff import patterns
from resdiff.errors import UserError
from resdiff.model import (
    Comparison, History, Lineage, PairDiff, RemovedParagraph, Resolution, TimelineStep, Version,
)
from resdiff.normalize import normalize

REWRITE_THRESHOLD = 0.4  # a deleted and an inserted paragraph in the same place sharing this much: rewritten
UNRELATED_SHARE = 0.3  # titles differ and fewer paragraphs than this share paired: not one resolution


def history(resolutions: list[Resolution] | tuple[Resolution, ...], order: str = "session") -> History:
    if len(resolutions) < 2:
        raise UserError("history needs two or more versions of a resolution",
                        "give the files of the successive versions, e.g. resdiff history 72_169.txt 74_153.txt 75_180.txt")
    if order not in ("session", "given"):
        raise UserError(f"unknown order {order!r}", "use --order session or --order given")
    from resdiff.comparison import compare

    notes: list[str] = []
    ordered = list(resolutions)
    if order == "session":
        unknown = [r for r in ordered if _session(r) is None]
        if unknown:
            names = ", ".join(_name(r) for r in unknown)
            notes.append(f"{names}中没有找到届会：各版本按给定的顺序排列" if _zh(ordered)
                         else f"no session found in {names}: versions kept in the order given")
        else:
            ordered.sort(key=_session_key)
    versions = _versions(ordered)
    comparisons = tuple(compare(a, b) for a, b in zip(ordered, ordered[1:]))
    notes += _relation_notes(ordered, versions, comparisons)
    rewritten = [_rewritten_in_place(c) for c in comparisons]
    by_new = [{j: p for p in c.pairs for j in p.new_index} | {p.new_index[0]: p for p in extra}
              for c, extra in zip(comparisons, rewritten)]
    latest = ordered[-1]
    lineages = tuple(_lineage(j, ordered, versions, comparisons, by_new) for j in range(len(latest.paragraphs)))
    removed = []
    for k, c in enumerate(comparisons):
        for p in c.pairs:
            if p.old_index and not p.new_index and p.old_index[0] not in {q.old_index[0] for q in rewritten[k]}:
                i = p.old_index[0]
                para = ordered[k].paragraphs[i]
                first = _first_seen(k, i, ordered, versions, comparisons, by_new)
                removed.append(RemovedParagraph(para.label, para.text, versions[k].symbol, versions[k + 1].symbol, first))
    return History(versions=versions, paragraphs=lineages, removed=tuple(removed), comparisons=comparisons,
                   notes=tuple(notes))


def margin_note(lineage: Lineage, history: History, lang: str = "en") -> str:
    """'since 72/169 · changed 75/180', 'unchanged since 72/169', 'new in 79/166', 'new in 79/166 · changed 80/62';
    Chinese: '始于72/169 · 75/180修改', '自72/169起未改', '79/166新增', '79/166新增 · 80/62修改'."""
    first = history.versions[0].symbol
    zh = lang == "zh"
    if lineage.first_seen == first:
        if not lineage.last_changed:
            return f"自{first}起未改" if zh else f"unchanged since {first}"
        note = f"始于{first}" if zh else f"since {first}"
    else:
        note = f"{lineage.first_seen}新增" if zh else f"new in {lineage.first_seen}"
    if lineage.last_changed:
        note += f" · {lineage.last_changed}修改" if zh else f" · changed {lineage.last_changed}"
    return note


def age(lineage: Lineage, history: History) -> int:
    """Index of the version that last gave the paragraph its text (0 = the first version)."""
    symbols = [v.symbol for v in history.versions]
    return symbols.index(lineage.last_changed or lineage.first_seen)


def find_paragraph(history: History, label: str) -> Lineage:
    wanted = label.strip().upper().replace(" ", "")
    for lineage in history.paragraphs:
        if lineage.label.upper() == wanted:
            return lineage
    labels = ", ".join(lin.label for lin in history.paragraphs[:6])
    raise UserError(f"no paragraph {label} in the latest version ({history.versions[-1].symbol})",
                    f"give a label of the latest version, e.g. {labels} …")


# ── ordering and names ───────────────────────────────────────────────────────────────────────────

def _session(r: Resolution) -> int | None:
    """The session from the header, else from the number or symbol (51/102, A/C.3/80/L.2: 51, 80)."""
    if r.header.session is not None:
        return r.header.session
    for text in (r.header.number, r.header.symbol):
        m = patterns.search(r"(?:^|/)(\d{1,3})/(?:L\.)?\d", text or "")
        if m:
            return int(m.group(1))
    return None


def _session_key(r: Resolution) -> tuple:
    adopted = 1 if r.header.number else 0  # the draft of a session comes before what was adopted from it
    return (_session(r), adopted, r.header.date or "")


def _name(r: Resolution) -> str:
    return r.header.number or r.header.symbol or (Path(r.source).name if r.source else "?")


def _versions(ordered: list[Resolution]) -> tuple[Version, ...]:
    out, seen = [], {}
    for r in ordered:
        name = _name(r)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        out.append(Version(name, _session(r), r.header.date, r.source))
    return tuple(out)


def _zh(resolutions) -> bool:
    """Notes are display text: in Chinese when every version is (as the reports' labels)."""
    from resdiff.render.common import label_language

    return label_language(*resolutions) == "zh"


def _relation_notes(ordered, versions, comparisons: tuple[Comparison, ...]) -> list[str]:
    notes = []
    for k, c in enumerate(comparisons):
        a, b = ordered[k], ordered[k + 1]
        if a.header.title and b.header.title and normalize(a.header.title) != normalize(b.header.title):
            paired = sum(1 for p in c.pairs if p.old_index and p.new_index)
            share = paired / max(1, len(b.paragraphs))
            if share < UNRELATED_SHARE:
                raise UserError(
                    f"{versions[k].symbol} and {versions[k + 1].symbol} look like two different resolutions: "
                    f"the titles differ and only {paired} of {len(b.paragraphs)} paragraphs correspond",
                    "give versions of one resolution (the same title, session after session)")
            if _zh(ordered):
                notes.append(f"标题不同：{versions[k].symbol}为“{a.header.title}”，{versions[k + 1].symbol}为“{b.header.title}”")
            else:
                notes.append(f"titles differ: {versions[k].symbol} “{a.header.title}”, "
                             f"{versions[k + 1].symbol} “{b.header.title}”")
        if a.language != b.language:
            notes.append(f"{versions[k].symbol} is in {a.language}, {versions[k + 1].symbol} in {b.language}")
    return notes


# ── lineages ─────────────────────────────────────────────────────────────────────────────────────

def _rewritten_in_place(c: Comparison) -> list[PairDiff]:
    """Deleted + inserted paragraphs of one kind between the same two paired neighbours that still share
    ``REWRITE_THRESHOLD`` of their words: one paragraph rewritten (best pairs first)."""
    from resdiff.align import ratio, tokens
    from resdiff.comparison import layout_pieces
    from resdiff.worddiff import diff_words

    paired = [p for p in c.pairs if p.old_index and p.new_index]

    def gap(index: int, side: str):
        before = max((p for p in paired if max(getattr(p, side)) < index), key=lambda p: max(getattr(p, side)), default=None)
        after = min((p for p in paired if min(getattr(p, side)) > index), key=lambda p: min(getattr(p, side)), default=None)
        return id(before), id(after)

    deleted = [p.old_index[0] for p in c.pairs if p.old_index and not p.new_index]
    inserted = [p.new_index[0] for p in c.pairs if p.new_index and not p.old_index]
    if not deleted or not inserted:
        return []
    old_gap = {i: gap(i, "old_index") for i in deleted}
    new_gap = {j: gap(j, "new_index") for j in inserted}
    candidates = []
    for i in deleted:
        a = c.old.paragraphs[i]
        for j in inserted:
            b = c.new.paragraphs[j]
            if old_gap[i] == new_gap[j] and a.kind == b.kind:
                score = ratio(tokens(a.key), tokens(b.key))
                if score >= REWRITE_THRESHOLD:
                    candidates.append((-score, i, j))
    out, used_old, used_new = [], set(), set()
    lang = c.new.language if c.old.language == c.new.language else "other"
    for neg, i, j in sorted(candidates):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        a, b = c.old.paragraphs[i], c.new.paragraphs[j]
        out.append(PairDiff(old=(a.label,), new=(b.label,), status="modified", text_changed=True, renumbered=False,
                            similarity=round(-neg, 3), segments=layout_pieces(diff_words(a.text, b.text, lang)),
                            old_index=(i,), new_index=(j,)))
    return out


# ── ancestry ─────────────────────────────────────────────────────────────────────────────────────

def _ancestor(p: PairDiff, old: Resolution, new: Resolution, j: int) -> int:
    """The old paragraph a new one descends from: the only one, or for a merge the part it keeps most of."""
    if len(p.old_index) == 1:
        return p.old_index[0]
    key = new.paragraphs[j].key
    return max(p.old_index, key=lambda i: SequenceMatcher(None, old.paragraphs[i].key, key, autojunk=False).ratio())


def _lineage(j: int, ordered, versions, comparisons, by_new) -> Lineage:
    n = len(ordered)
    latest = ordered[-1].paragraphs[j]
    steps: list[TimelineStep | None] = [None] * n
    k = n - 1
    while True:
        para = ordered[k].paragraphs[j]
        if k == 0:
            steps[0] = TimelineStep(versions[0].symbol, para.label, "unchanged", False, para.text)
            break
        p = by_new[k - 1][j]
        if not p.old_index:
            steps[k] = TimelineStep(versions[k].symbol, para.label, "inserted", True, para.text, p.segments)
            break
        steps[k] = TimelineStep(versions[k].symbol, para.label, p.status, p.text_changed, para.text, p.segments)
        j = _ancestor(p, ordered[k - 1], ordered[k], j)
        k -= 1
    first = k
    for m in range(first):
        steps[m] = TimelineStep(versions[m].symbol, None, None, False)
    changed = [m for m in range(first + 1, n) if steps[m].text_changed]
    return Lineage(latest.label, latest.text, versions[first].symbol,
                   versions[changed[-1]].symbol if changed else None, tuple(steps))


def _first_seen(k: int, i: int, ordered, versions, comparisons, by_new) -> str:
    while k > 0:
        p = by_new[k - 1].get(i)
        if p is None or not p.old_index:
            break
        i = _ancestor(p, ordered[k - 1], ordered[k], i)
        k -= 1
    return versions[k].symbol
