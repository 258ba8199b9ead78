"""Paragraph alignment: pair every paragraph of an old and a new version of a resolution.

``align(old, new) -> Alignment``. Every paragraph of both versions lands in exactly one
:class:`~resdiff.model.AlignedPair`. Texts are compared on ``Paragraph.key`` (layout noise already
removed), as token sequences: each Chinese/Japanese character is one token, every other run of letters
and digits is one token (a word), every other non-space character is one token. So Chinese is scored by
characters and English by words. Preambular and operative paragraphs are aligned together: a preambular
paragraph turned operative is one (modified or moved) pair, not a deletion plus an insertion.

Algorithm
---------
1. **Exact anchors.** Paragraphs with equal keys are paired first, the k-th occurrence of a key in old
   with its k-th occurrence in new. These are the anchors; they are never re-paired later.
2. **Best-similarity matching** of what is left. Each remaining (old, new) combination goes through a
   cascade, cheapest first, as in difflib:
   a. length bound: ``2·min(la, lb) / (la + lb)`` is an upper bound of the ratio; below ``MATCH_THRESHOLD``
      the pair is dropped;
   b. token-bigram Dice coefficient on precomputed bit masks (one ``&`` and a popcount); below
      ``DICE_THRESHOLD`` the pair is dropped (this is a filter, not a bound: ``DICE_THRESHOLD`` sits well
      under the ratio threshold: true pairs of the corpus pairs have Dice ≥ 0.54);
   c. exact score ``difflib.SequenceMatcher(autojunk=False).ratio()`` on the token lists, for the
      ``EXACT_SCORE_CANDIDATES`` best survivors by Dice of each new paragraph only.
   Surviving pairs with ratio ≥ ``OUT_OF_ORDER_THRESHOLD`` are taken greedily, best score first (ties:
   the pair whose relative positions in the two documents are closest), each paragraph at most once.
   Then, in the same order, weaker pairs (``MATCH_THRESHOLD`` ≤ ratio < ``OUT_OF_ORDER_THRESHOLD``) but
   only where the new paragraph lies between the partners of the old paragraph's nearest paired
   neighbours: a heavily rewritten paragraph in place is still found, while two different paragraphs
   sharing stock phrases ("通过国际合作等途径…尊重人权和基本自由", ratio 0.56 inside the seed) are not
   paired across the document as a "move".
   b. **Shortened paragraphs.** An unmatched paragraph that is the start of an unmatched paragraph of the
   other version (``PREFIX_MIN_SHARE`` of its tokens, at least ``PREFIX_MIN_TOKENS``; a shortened
   paragraph, or the last paragraph of a text cut short) is paired with it where the order is kept.
   c. **The recall chain, by role.** An unmatched paragraph recalling earlier resolutions ("Recalling its
   resolution 49/150 …", "回顾…第 49/150 号决议") is paired with the first unmatched old paragraph of the
   same recall verb in its gap of the order, however few words they share ("… 51/83 …").
   d. **Rewritten in place.** Where exactly one old and one new paragraph of the same kind are left
   between the same paired neighbours, they are one paragraph rewritten if ``IN_PLACE_THRESHOLD`` of
   it is shared.
3. **Split and merge.** An unmatched new paragraph right next to (in new order) the new side of a matched,
   not identical pair is added to that pair if the old text covers it: the ratio of old text against the
   joined new texts must rise by ``GROUP_MIN_GAIN`` and at least ``GROUP_MIN_COVERAGE`` of the added
   paragraph's tokens must be found in the old text. Repeated, so a paragraph split in three is found.
   Symmetrically, an unmatched old paragraph joins a matched pair as a merge when it is within
   ``MERGE_WINDOW`` old positions of the pair's old paragraphs (a merged paragraph may have been
   separated from its partner by a paragraph that moved away) and passes the same two tests, the old
   texts joined in old order. Several old → one new is ``merged``; one old → several consecutive new is
   ``split``.
4. **Moves.** The matched pairs are expanded to (old index, new index) points, sorted by old index; the
   longest non-decreasing subsequence of their new indices is the part that kept its order, and among
   the longest, the one whose pairs are the most similar. A pair with a point outside it is ``moved``: the
   fewest moves (never "everything after them"), and the obvious ones (when an unchanged and an edited
   paragraph swap places, the edited one is the move).
5. **Statuses.** One-to-one pairs: ``moved`` if out of order (text may also differ), else ``unchanged``
   when keys and kinds are equal, else ``modified``. Split and merged pairs keep that status. Unmatched
   paragraphs are ``deleted`` / ``inserted``. ``renumbered`` is set on one-to-one pairs whose printed
   label changed: both operative with a different number or suffix ("5" → "4", "5 bis" → "6"), or a change
   of kind (PP → OP). Preambular paragraphs are unnumbered in the document, so their positional labels
   (PP3 → PP4) do not count as renumbering.
6. **Reading order** (the redline's): pairs in new order (by their first new paragraph); each deleted
   paragraph right after the pair holding its old predecessor, or at the start when it was first.

Cost, bounded on every path (issue 11): anchors are a dictionary pass; steps 2–3 only see the unmatched
remainder. Its filter scores every pair (one bit-mask ``&`` each) up to ``PAIR_BUDGET`` pairs; beyond,
candidates come from an index of rare bigrams plus the paragraphs at about the same relative position
(linear). The exact score is computed for a few candidates per paragraph only, and SequenceMatcher
(quadratic) never sees more than ``EXACT_BUDGET`` token pairs: above it the common start and end are
counted exactly first, and a middle still too large is scored by shared tokens. Each fallback adds its
reason to ``Alignment.notes`` ("coarser method used because …"), which ``compare`` passes on to
``Comparison.notes``. Step 4 is O(n log n), step 6 linear. Measured on a 2-core machine
(``benchmarks/align_bounds.py``, busy machine): a 350k-character Chinese paragraph with a one-character
edit 0.3–1.4 s (before: SequenceMatcher > 120 s), a 10 MB line with one edit 33 s (before: > 600 s), two
unrelated 2,000-paragraph texts 4.7–6 s (before: 12.7 s, growing quadratically); 400 generated paragraphs
with a few percent edited ≈ 35 ms.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import field
from difflib import SequenceMatcher

from resdiff import deadline, patterns
from resdiff.model import HEADING, OPERATIVE, AlignedPair, Alignment, Paragraph, Resolution
from resdiff.records import mutable_record

MATCH_THRESHOLD = 0.5  # minimal SequenceMatcher ratio for two paragraphs to be "the same paragraph"
OUT_OF_ORDER_THRESHOLD = 0.6  # below this, a pair is only accepted where it keeps the order (no move)
DICE_THRESHOLD = 0.2  # token-bigram Dice below which the exact score is not computed
EXACT_SCORE_CANDIDATES = 6  # per new paragraph, exact scores only for this many best-Dice old ones
QUICK_BOUND_DICE = 0.4  # below this Dice a candidate is first checked on its shared tokens (a bound of the
# ratio); above it that check never ruled one out (corpus and generated pairs): it would only add work
GROUP_MIN_GAIN = 0.04  # a split/merge must raise the pair's ratio by at least this much
GROUP_MIN_COVERAGE = 0.6  # share of the added paragraph's tokens that must be found in the other side
MERGE_WINDOW = 3  # how far (in old positions) a merged paragraph may be from its partner
PREFIX_MIN_TOKENS = 8  # a shortened (or cut short) paragraph keeps at least this many tokens …
PREFIX_MIN_SHARE = 0.9  # … and this share of them starts the other version
EXACT_BUDGET = 4_000_000  # len(a)·len(b) above which SequenceMatcher (quadratic) is not run on two token lists
PAIR_BUDGET = 250_000  # unmatched old × new paragraphs above which not every pair is scored
RARE_BIGRAM_DF = 32  # in that case a bigram found in more old paragraphs than this proposes no candidate …
NEIGHBOUR_WINDOW = 3  # … but the old paragraphs at about the same relative position always are candidates
IN_PLACE_THRESHOLD = 0.25  # the one old and the one new paragraph left between the same neighbours: same paragraph
IN_PLACE_MIN_SHARED = 4  # … when they share at least this many tokens

LONG_NOTE = (
    "coarser method used because a paragraph pair is too long for an exact similarity (more than "
    f"{EXACT_BUDGET:,} token pairs after their common start and end): its middle is scored by shared tokens"
)
MANY_NOTE = (
    "coarser method used because {old} × {new} unmatched paragraphs are too many to score every pair: "
    "candidates are paragraphs sharing a rare word pair, or at about the same position"
)

_CJK_CHAR = r"\u2e80-\u2fff\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A run of word characters other than CJK, else any one character but a space: a CJK character, a
# punctuation mark. (The CJK class written once: compiling it costs ~1 ms, sre marks each character.)
_TOKEN = patterns.compile(rf"[^\W{_CJK_CHAR}]+|\S")
# The recall chain: a preambular paragraph recalling or reaffirming earlier resolutions ("Recalling its
# resolution 49/150 of …", "又回顾其…第 74/153 号决议"). Keys are normalised (Simplified script, NFKC).
_RECALL_VERB = patterns.compile(r"^(?:又|还|并|另|进一步)?(回顾|重申)|^(recalling|reaffirming)\b", re.I)
_RESOLUTION_REF = patterns.compile(r"\d+/\d+|\bresolutions?\b|决议", re.I)


def tokens(key: str) -> list[str]:
    """Comparison tokens of a normalised text: CJK characters, words, punctuation marks."""
    return _TOKEN.findall(key)


def _recall_role(key: str) -> str | None:
    """The recall verb ("回顾", "recalling") when the paragraph recalls earlier resolutions, else None."""
    m = _RECALL_VERB.match(key)
    if not m or not _RESOLUTION_REF.search(key, 0, 300):
        return None
    return (m.group(1) or m.group(2)).lower()


@mutable_record
class _Side:
    """Comparison material for one version's paragraphs: tokens, and (only for the paragraphs that need
    scoring, computed on first use) the set of token bigrams of each paragraph as ids in a vocabulary
    shared by both sides."""

    paragraphs: tuple[Paragraph, ...]
    vocabulary: dict
    toks: list[list[str]] = field(default_factory=list)
    _bigrams: dict[int, set[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.toks = [tokens(p.key) for p in self.paragraphs]

    def bigrams(self, k: int) -> set[int]:
        found = self._bigrams.get(k)
        if found is None:
            t, ids = self.toks[k], self.vocabulary
            distinct = set(zip(t, t[1:])) if len(t) > 1 else set(t)  # C-level first: long texts repeat bigrams
            found = self._bigrams[k] = {ids.setdefault(g, len(ids)) for g in distinct}
        return found


def _mask(ids: set[int]) -> int:
    """Bit mask of a bigram set: an intersection size is then ``(a & b).bit_count()``, a few C-level word
    operations instead of hashing every bigram again."""
    mask = 0
    for k in ids:
        mask |= 1 << k
    return mask


def ratio(a: list[str], b: list[str], notes: set[str] | None = None) -> float:
    if not a and not b:
        return 1.0
    return 2 * _matches(a, b, notes) / (len(a) + len(b))


def _matches(a: list[str], b: list[str], notes: set[str] | None = None) -> int:
    """Tokens in common, as SequenceMatcher counts them; bounded: above ``EXACT_BUDGET`` the common start
    and end are counted exactly and only the middle goes to SequenceMatcher, or, if still too large, is
    counted as shared tokens (a multiset intersection, an upper bound), recorded in ``notes``."""
    deadline.check()
    if len(a) * len(b) <= EXACT_BUDGET:
        return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    head = _common_length(a, b)
    tail = _common_length(a[head:][::-1], b[head:][::-1])
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(mid_a) * len(mid_b) <= EXACT_BUDGET:
        inner = sum(m.size for m in SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_matching_blocks())
    else:
        inner = sum((Counter(mid_a) & Counter(mid_b)).values())
        if notes is not None:
            notes.add(LONG_NOTE)
    return head + tail + inner


def _common_length(a: list[str], b: list[str]) -> int:
    """Length of the common start of two lists: block by block with C-level slice comparisons, then
    token by token inside the first block that differs. Linear."""
    limit, k = min(len(a), len(b)), 0
    while k < limit and a[k:k + 4096] == b[k:k + 4096]:
        k += 4096
    while k < limit and a[k] == b[k]:
        k += 1
    return min(k, limit)


class _Pairs:
    """The one-to-one pairs found so far, with both sides' paired indices kept sorted, so "does new j lie
    between the partners of old i's nearest paired neighbours" is two binary searches."""

    def __init__(self, old_to_new: dict[int, int], scores: dict[int, float]) -> None:
        self.old_to_new = old_to_new
        self.new_to_old = {j: i for i, j in old_to_new.items()}
        self.scores = scores
        self.olds = sorted(old_to_new)
        self.news = sorted(self.new_to_old)

    def add(self, i: int, j: int, score: float) -> None:
        self.old_to_new[i], self.new_to_old[j], self.scores[i] = j, i, score
        bisect.insort(self.olds, i)
        bisect.insort(self.news, j)

    def fits_in_order(self, i: int, j: int) -> bool:
        """True when new index j lies between the partners of old i's nearest paired neighbours."""
        k = bisect.bisect_left(self.olds, i)
        low = self.old_to_new[self.olds[k - 1]] if k else -1
        high = self.old_to_new[self.olds[k]] if k < len(self.olds) else 1 << 62
        return low < j < high

    def old_gap(self, j: int, n_old: int) -> tuple[int, int]:
        """Old indices strictly between the partners of new j's nearest paired neighbours."""
        k = bisect.bisect_left(self.news, j)
        low = self.new_to_old[self.news[k - 1]] if k else -1
        high = self.new_to_old[self.news[k]] if k < len(self.news) else n_old
        return low, high


def align(old: Resolution, new: Resolution) -> Alignment:
    vocabulary: dict = {}
    o, n = _Side(old.paragraphs, vocabulary), _Side(new.paragraphs, vocabulary)
    notes: set[str] = set()
    old_to_new = _exact_anchors(old.paragraphs, new.paragraphs)
    pairs = _Pairs(old_to_new, {i: 1.0 for i in old_to_new})
    _best_similarity(o, n, pairs, notes)
    _pair_prefixes(o, n, pairs, notes)
    _pair_by_role(o, n, pairs, notes)
    _pair_alone_in_place(o, n, pairs, notes)
    groups = _split_and_merge(o, n, pairs, notes)
    in_order = _in_order_points(groups)
    aligned = [_make_pair(old.paragraphs, new.paragraphs, g, in_order) for g in groups]
    matched_new = {j for g in groups for j in g.new}
    matched_old = {i for g in groups for i in g.old}
    aligned += [AlignedPair((), (j,), "inserted", 0.0) for j in range(len(new.paragraphs)) if j not in matched_new]
    deleted = [i for i in range(len(old.paragraphs)) if i not in matched_old]
    return Alignment(tuple(_reading_order(aligned, deleted)), notes=tuple(sorted(notes)))


# ── step 1 ─────────────────────────────────────────────────────────────────────────────────────────

def _exact_anchors(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...]) -> dict[int, int]:
    free_new: dict[str, list[int]] = {}
    for j, p in enumerate(new):
        free_new.setdefault(p.key, []).append(j)
    for js in free_new.values():
        js.reverse()  # pop() from the end gives occurrences in document order
    pairs = {}
    for i, p in enumerate(old):
        js = [j for j in free_new.get(p.key, ()) if _same_class(p, new[j])]
        if js:
            pairs[i] = js[-1]
            free_new[p.key].remove(js[-1])
    return pairs


def _same_class(a: Paragraph, b: Paragraph) -> bool:
    """A section heading pairs only with a heading, a paragraph only with a paragraph; in two resolutions
    in parts, a paragraph of part A only with one of part A ("A OP1" never with "B OP1")."""
    return (a.kind == HEADING) == (b.kind == HEADING) and (a.part == b.part or not a.part or not b.part)


# ── step 2 ─────────────────────────────────────────────────────────────────────────────────────────

def _best_similarity(o: _Side, n: _Side, pairs: _Pairs, notes: set[str]) -> None:
    olds = [i for i in range(len(o.toks)) if i not in pairs.old_to_new]
    news = [j for j in range(len(n.toks)) if j not in pairs.new_to_old]
    if not olds or not news:
        return
    n_old, n_new = max(len(o.toks), 1), max(len(n.toks), 1)
    every_pair = len(olds) * len(news) <= PAIR_BUDGET
    if every_pair:
        masks = {i: _mask(o.bigrams(i)) for i in olds}
        old_material = [(i, len(o.toks[i]), masks[i], len(o.bigrams(i))) for i in olds]
    else:
        notes.add(MANY_NOTE.format(old=len(olds), new=len(news)))
        proposals = _rare_bigram_candidates(o, olds)
    candidates = []  # (-score, position distance, i, j)
    matcher = SequenceMatcher(None, autojunk=False)
    for j in news:
        b_len, nb = len(n.toks[j]), len(n.bigrams(j))
        # a. length bound, b. bigram Dice: only arithmetic and one intersection per pair
        shortlist = []
        if every_pair:
            b_mask = _mask(n.bigrams(j))
            for i, a_len, a_mask, na in old_material:
                if 2 * min(a_len, b_len) < MATCH_THRESHOLD * (a_len + b_len) or not na + nb:
                    continue
                dice = 2 * (a_mask & b_mask).bit_count() / (na + nb)
                if dice >= DICE_THRESHOLD:
                    shortlist.append((dice, -i))
        else:
            for i in proposals(n.bigrams(j), j / n_new * n_old):
                a_len, na = len(o.toks[i]), len(o.bigrams(i))
                if 2 * min(a_len, b_len) < MATCH_THRESHOLD * (a_len + b_len) or not na + nb:
                    continue
                dice = 2 * len(o.bigrams(i) & n.bigrams(j)) / (na + nb)
                if dice >= DICE_THRESHOLD:
                    shortlist.append((dice, -i))
        if not shortlist:
            continue
        # c. exact score, only for the best few by Dice: the true partner is among them in practice
        shortlist.sort(reverse=True)
        small = b_len * max(len(o.toks[-neg_i]) for _d, neg_i in shortlist[:EXACT_SCORE_CANDIDATES]) <= EXACT_BUDGET
        if small:
            matcher.set_seq2(n.toks[j])  # SequenceMatcher caches its index of seq2: vary seq1 only
        for dice, neg_i in shortlist[:EXACT_SCORE_CANDIDATES]:
            if not _same_class(o.paragraphs[-neg_i], n.paragraphs[j]):
                continue
            if small:
                matcher.set_seq1(o.toks[-neg_i])
                # shared tokens in any order (linear) bound the ratio from above: most candidates with a
                # low Dice fail the threshold there, before the quadratic matching
                if dice < QUICK_BOUND_DICE and matcher.quick_ratio() < MATCH_THRESHOLD:
                    continue
                score = matcher.ratio()
            else:
                score = ratio(o.toks[-neg_i], n.toks[j], notes)
            if score >= MATCH_THRESHOLD:
                candidates.append((-score, abs(-neg_i / n_old - j / n_new), -neg_i, j))
    candidates.sort()
    # Strong pairs anywhere first; weak ones (a heavily rewritten paragraph, or two different paragraphs
    # that share stock phrases) only where they keep the order of the pairs found so far.
    for strong in (True, False):
        for neg_score, _dist, i, j in candidates:
            if i in pairs.old_to_new or j in pairs.new_to_old or (-neg_score >= OUT_OF_ORDER_THRESHOLD) != strong:
                continue
            if not strong and not pairs.fits_in_order(i, j):
                continue
            pairs.add(i, j, -neg_score)


def _rare_bigram_candidates(o: _Side, olds: list[int]):
    """For many unmatched paragraphs: a function giving, for a new paragraph's bigrams and its position
    projected on the old side, the old paragraphs sharing one of its rare bigrams or standing nearby."""
    df = Counter(g for i in olds for g in o.bigrams(i))
    postings: dict[int, list[int]] = defaultdict(list)
    for i in olds:
        for g in o.bigrams(i):
            if df[g] <= RARE_BIGRAM_DF:
                postings[g].append(i)

    def proposals(bigrams: set[int], position: float) -> list[int]:
        found = {i for g in bigrams for i in postings.get(g, ())}
        k = bisect.bisect_left(olds, position)
        found.update(olds[max(0, k - NEIGHBOUR_WINDOW):k + NEIGHBOUR_WINDOW])
        return sorted(found)

    return proposals


# ── step 2b: a shortened paragraph, a text cut short ───────────────────────────────────────────────

def _pair_prefixes(o: _Side, n: _Side, pairs: _Pairs, notes: set[str]) -> None:
    """An unmatched paragraph that is the start of an unmatched one of the other version (at least
    ``PREFIX_MIN_SHARE`` of its tokens, and ``PREFIX_MIN_TOKENS``) is that paragraph shortened or cut
    short, when the pair keeps the order. Candidates share their first tokens (a dictionary lookup)."""
    head = PREFIX_MIN_TOKENS
    by_start: dict[tuple, list[int]] = defaultdict(list)
    for i in range(len(o.toks)):
        if i not in pairs.old_to_new and len(o.toks[i]) >= head:
            by_start[tuple(o.toks[i][:head])].append(i)
    for j in range(len(n.toks)):
        b = n.toks[j]
        if j in pairs.new_to_old or len(b) < head:
            continue
        best = None
        for i in by_start.get(tuple(b[:head]), ()):
            a = o.toks[i]
            if i in pairs.old_to_new or not pairs.fits_in_order(i, j) or not _same_class(o.paragraphs[i], n.paragraphs[j]):
                continue
            common = _common_length(a, b)
            if common >= PREFIX_MIN_SHARE * min(len(a), len(b)) and (best is None or common > best[0]):
                best = (common, i)
        if best:
            i = best[1]
            pairs.add(i, j, ratio(o.toks[i], n.toks[j], notes))


# ── step 2c: the recall chain, paired by its role ─────────────────────────────────────────────────

def _pair_by_role(o: _Side, n: _Side, pairs: _Pairs, notes: set[str]) -> None:
    """The paragraph recalling earlier resolutions ("Recalling its resolution 49/150 …" → "… 51/83 …")
    is the same paragraph whatever it cites: an unmatched one is paired with the first unmatched old
    paragraph of the same recall verb in its gap of the order, however few words they share."""
    roles = {}
    for i, p in enumerate(o.paragraphs):
        if i not in pairs.old_to_new:
            role = _recall_role(p.key)
            if role:
                roles.setdefault(role, []).append(i)
    if not roles:
        return
    for j, p in enumerate(n.paragraphs):
        role = _recall_role(p.key) if j not in pairs.new_to_old else None
        if not role or role not in roles:
            continue
        low, high = pairs.old_gap(j, len(o.toks))
        candidates = roles[role]
        for i in candidates[bisect.bisect_right(candidates, low):]:
            if i >= high:
                break
            if i not in pairs.old_to_new and pairs.fits_in_order(i, j) and _same_class(o.paragraphs[i], p):
                pairs.add(i, j, ratio(o.toks[i], n.toks[j], notes))
                break


# ── step 2d: rewritten in place ──────────────────────────────────────────────────────────────────

def _pair_alone_in_place(o: _Side, n: _Side, pairs: _Pairs, notes: set[str]) -> None:
    """Between the same two paired neighbours, exactly one old and one new paragraph left, of the same
    kind: the paragraph was rewritten in place (new figures in "Recognizing with concern that the ratio
    of total debt service …", 78/137 → 79/197) when at least ``IN_PLACE_THRESHOLD`` of it is shared.
    Below that it stays a deletion and an insertion (a dropped paragraph and a new one, 72/169 OP15)."""
    free_old = [i for i in range(len(o.toks)) if i not in pairs.old_to_new]
    free_new = [j for j in range(len(n.toks)) if j not in pairs.new_to_old]
    if not free_old or not free_new:
        return
    found = []
    for j in free_new:
        k = bisect.bisect_left(pairs.news, j)
        new_low = pairs.news[k - 1] if k else -1
        new_high = pairs.news[k] if k < len(pairs.news) else len(n.toks)
        if bisect.bisect_right(free_new, new_low) != bisect.bisect_left(free_new, new_high) - 1:
            continue  # more than one new paragraph in this gap
        low, high = pairs.old_gap(j, len(o.toks))
        first, last = bisect.bisect_right(free_old, low), bisect.bisect_left(free_old, high)
        if last - first != 1:
            continue
        i = free_old[first]
        if o.paragraphs[i].kind != n.paragraphs[j].kind or not pairs.fits_in_order(i, j):
            continue
        shared = _matches(o.toks[i], n.toks[j], notes)
        score = 2 * shared / max(len(o.toks[i]) + len(n.toks[j]), 1)
        if score >= IN_PLACE_THRESHOLD and shared >= IN_PLACE_MIN_SHARED:  # a shared "." is no evidence
            found.append((i, j, score))
    for i, j, score in found:
        pairs.add(i, j, score)


# ── step 3 ─────────────────────────────────────────────────────────────────────────────────────────

@mutable_record
class _Group:
    """Paragraphs of each side that step 3 pairs as one split or merge, with the score of the match."""

    old: list[int]
    new: list[int]
    score: float


def _joined(side: _Side, indices: list[int]) -> list[str]:
    out: list[str] = []
    for k in sorted(indices):
        out.extend(side.toks[k])
    return out


def _shared(a: list[str], b: list[str]) -> int:
    """Tokens of ``a`` found in ``b`` in any order (a multiset intersection, linear): an upper bound of
    ``_matches(a, b)``, which counts them in order."""
    return sum((Counter(a) & Counter(b)).values())


def _coverage(part: list[str], whole: list[str], notes: set[str]) -> float:
    """Share of ``part``'s tokens found, in order, in ``whole``."""
    if not part:
        return 0.0
    return _matches(part, whole, notes) / len(part)


def _split_and_merge(o: _Side, n: _Side, pairs: _Pairs, notes: set[str]) -> list[_Group]:
    groups = [_Group([i], [j], pairs.scores[i]) for i, j in sorted(pairs.old_to_new.items())]
    free_new = set(range(len(n.toks))) - set(pairs.new_to_old)
    free_old = set(range(len(o.toks))) - set(pairs.old_to_new)
    # Round after round, as long as something was added; a group that added nothing in a round cannot
    # add anything later (its texts are the same and the free paragraphs only get fewer), so each round
    # visits only the groups that changed in the previous one.
    active = [g for g in groups if g.score < 1.0]  # identical texts have nothing left to absorb
    while active and (free_new or free_old):
        changed = []
        for g in active:
            grew = False
            # split: a free new neighbour of the group's new paragraphs
            for j in (min(g.new) - 1, max(g.new) + 1):
                if j in free_new and _try_add(g, o, n, j, True, notes):
                    free_new.discard(j)
                    grew = True
            # merge: a free old paragraph near the group's old paragraphs
            near = range(min(g.old) - MERGE_WINDOW, max(g.old) + MERGE_WINDOW + 1)
            for i in sorted(near, key=lambda k: (abs(k - min(g.old)), k)):
                if i in free_old and _try_add(g, o, n, i, False, notes):
                    free_old.discard(i)
                    grew = True
            if grew:
                changed.append(g)
        active = changed
    return groups


def _try_add(g: _Group, o: _Side, n: _Side, k: int, new_side: bool, notes: set[str]) -> bool:
    """Add paragraph k (of the new side, or of the old side) to group g if the other side covers it."""
    if new_side:
        trial_old, trial_new = g.old, g.new + [k]
        part, other = n.toks[k], _joined(o, g.old)
    else:
        trial_old, trial_new = g.old + [k], g.new
        part, other = o.toks[k], _joined(n, g.new)
    if not all(_same_class(o.paragraphs[i], n.paragraphs[j]) for i in trial_old for j in trial_new):
        return False  # a heading is never split from, or merged into, a paragraph
    if not part or (len(part) * len(other) <= EXACT_BUDGET and _shared(part, other) / len(part) < GROUP_MIN_COVERAGE):
        return False  # tokens shared in any order bound those found in order: most candidates stop here
    if _coverage(part, other, notes) < GROUP_MIN_COVERAGE:
        return False
    score = ratio(_joined(o, trial_old), _joined(n, trial_new), notes)
    if score < g.score + GROUP_MIN_GAIN:
        return False
    g.old, g.new, g.score = sorted(trial_old), sorted(trial_new), score
    return True


# ── step 4 ─────────────────────────────────────────────────────────────────────────────────────────

def _in_order_points(groups: list[_Group]) -> set[tuple[int, int]]:
    """Points (old, new) of the reading with the fewest and most obvious moves: the longest run of
    non-decreasing new indices taken in old order and, among runs of that length, the one whose pairs
    are the most similar (an unchanged paragraph stays in place; the edited one that changed place is
    the move). A Fenwick tree over new indices keeps the best (length, similarity) ending at or before
    each new index: O(n log n)."""
    points = sorted((i, j, g.score) for g in groups for i in g.old for j in g.new)
    if not points:
        return set()
    size = max(j for _i, j, _w in points) + 1
    empty = (0, 0.0, -1)
    tree = [empty] * (size + 1)  # tree[k]: best (length, similarity, point) over a range of new indices
    back = [-1] * len(points)
    best = empty
    for pos, (_i, j, weight) in enumerate(points):
        found, k = empty, j + 1
        while k > 0:  # best run ending at a new index ≤ j (non-decreasing: equal new indices may follow)
            found = max(found, tree[k])
            k -= k & -k
        back[pos] = found[2]
        value = (found[0] + 1, found[1] + weight, pos)
        best = max(best, value)
        k = j + 1
        while k <= size:
            if tree[k] < value:
                tree[k] = value
            k += k & -k
    keep = set()
    pos = best[2]
    while pos >= 0:
        keep.add(points[pos][:2])
        pos = back[pos]
    return keep


# ── step 5 and 6 ───────────────────────────────────────────────────────────────────────────────────

def _make_pair(old: tuple[Paragraph, ...], new: tuple[Paragraph, ...], g: _Group, in_order: set) -> AlignedPair:
    moved = any((i, j) not in in_order for i in g.old for j in g.new)
    if len(g.old) > 1:
        return AlignedPair(tuple(g.old), tuple(g.new), "merged", g.score)
    if len(g.new) > 1:
        return AlignedPair(tuple(g.old), tuple(g.new), "split", g.score)
    a, b = old[g.old[0]], new[g.new[0]]
    renumbered = _renumbered(a, b)
    if moved:
        status = "moved"
    elif a.key == b.key and a.kind == b.kind:
        status = "unchanged"
    else:
        status = "modified"
    return AlignedPair((g.old[0],), (g.new[0],), status, g.score, renumbered)


def _renumbered(a: Paragraph, b: Paragraph) -> bool:
    if a.kind != b.kind:
        return True
    return a.kind == OPERATIVE and (a.number, a.suffix) != (b.number, b.suffix)


def _reading_order(pairs: list[AlignedPair], deleted: list[int]) -> list[AlignedPair]:
    """Pairs in new order; each deleted paragraph right after the entry holding its old predecessor
    (a later one first, as if each were inserted there in turn), or at the start. Linear time."""
    ordered = sorted(pairs, key=lambda p: min(p.new))
    holder = {i: id(p) for p in ordered for i in p.old}  # old index → entry holding it
    after: dict[int, list[AlignedPair]] = defaultdict(list)  # entry → deleted paragraphs right after it
    start: list[AlignedPair] = []
    for i in deleted:  # increasing, so a run of deleted paragraphs keeps its old order
        pair = AlignedPair((i,), (), "deleted", 0.0)
        if i - 1 in holder:
            after[holder[i - 1]].insert(0, pair)
        else:
            start.insert(0, pair)
        holder[i] = id(pair)
    result: list[AlignedPair] = []
    stack = list(reversed(start + ordered))
    while stack:
        entry = stack.pop()
        result.append(entry)
        stack.extend(reversed(after.pop(id(entry), ())))
    return result
