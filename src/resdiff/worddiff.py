"""Word-level diff of two texts: tokens, not characters, so a change never cuts a word or a number.

How ``diff_words`` works:
1. Both texts are tokenized (``resdiff.lang``). Each token gets a key: ``normalize(token)``, or the token
   itself in strict mode. Outside strict mode, layout tokens (whitespace runs, markdown ``**``) are not
   compared at all: each is glued to the following token (the last one's to the preceding token), so a
   space that exists on one side only is never a change. Equal runs whose two surfaces differ by such
   noise carry the old surface in ``Segment.old_text``.
2. Each distinct key is mapped to one private-use character (diff-match-patch's linesToChars trick) and
   the two strings are diffed with ``Diff_Timeout = 0`` (deterministic, minimal).
3. Short equalities between changes are absorbed into the changes, like ``diff_cleanupSemantic`` but
   weighed in characters of text (a number counts as one), not in tokens, and never across punctuation: diff-match-patch's own cleanup on the token string
   counts ``尊重`` as 1 and over-merges ``[-和尊重多样性-]{+与尊重多元性+}`` (GUIDE.md §7); here ``尊重``
   (2 characters) outweighs ``和``→``与`` (1) and stays equal.
4. A replaced run keeps its longest common prefix and suffix as equal text when the cut falls on a token
   boundary or between two sub-words of a Chinese word (``[-人权委员会-]{+委员会+}`` → ``[-人权-]委员会``,
   ``[-发挥-]{+充分发挥+}`` → ``{+充分+}发挥``); a cut never leaves a piece of one character
   (``增进``→``促进`` stays a whole-word change) and never falls inside a number, symbol or Latin word.
5. Adjacent segments of the same kind are merged.

``rebuild_old`` / ``rebuild_new`` give back each text exactly from the segments.
"""

from __future__ import annotations

import functools

from resdiff import deadline, patterns
from resdiff.lang import prepare, tokenize
from resdiff.model import Segment
from resdiff.normalize import has_traditional, normalize, to_simplified
from resdiff.records import record

_LAYOUT = patterns.compile(r"\s+|\*+")
_HAS_DIGIT = patterns.compile(r"\d")
_CN_NUMERAL = set("〇零一二三四五六七八九十百千万亿两第")


@record
class _Unit:
    """One compared token with the layout glued to it: ``pre + core + post`` is its text."""

    key: str
    core: str
    pre: str = ""
    post: str = ""

    @property
    def text(self) -> str:
        return self.pre + self.core + self.post


def diff_words(old: str, new: str, lang: str, strict: bool = False,
               notes: list[str] | None = None) -> tuple[Segment, ...]:
    """Word diff of ``old`` and ``new``; when a coarser method had to be used (very long, very different
    paragraphs) a sentence saying so is appended to ``notes``."""
    if old == new:
        return (Segment("equal", new),) if new else ()
    if min(len(old), len(new)) > _LONG:
        head, tail = _identical_ends(old, new)
        if head or tail:  # tokenize and diff only the stretch that differs
            middle = diff_words(old[head:len(old) - tail], new[head:len(new) - tail], lang, strict, notes)
            ends = [Segment("equal", old[:head])] if head else []
            return _merge(ends + list(middle) + ([Segment("equal", old[len(old) - tail:])] if tail else []))
    old_units = _units(*_tokens(old, lang, strict), strict)
    new_units = _units(*_tokens(new, lang, strict), strict)
    if not old_units or not new_units:
        # One side is empty or only layout: nothing to align it with.
        return tuple(s for s in (Segment("delete", old), Segment("insert", new)) if s.text)
    runs, coarse = _token_diff(old_units, new_units)
    if coarse and notes is not None:
        notes.append(f"a paragraph of {len(old_units):,} → {len(new_units):,} words was compared {coarse}, "
                     f"because an exact word diff of it would take too long")
    runs = _absorb_short_equalities(runs)
    segments: list[Segment] = []
    for old_run, new_run, equal in runs:
        if equal:
            segments.append(_equal(old_run, new_run))
        else:
            segments.extend(_refine(old_run, new_run, lang))
    return _merge(segments)


def prepare_pairs(pairs, lang: str, strict: bool = False) -> None:
    """Tell the tokenizer every text the ``diff_words`` of ``pairs`` ((old, new) texts) will cut, so that
    it loads what they need at once (Chinese: one dictionary query instead of one per paragraph). Only an
    optimisation: a text left out (a long paragraph, cut only between its identical ends) is loaded when
    it is cut."""
    texts = []
    for old, new in pairs:
        if old != new and min(len(old), len(new)) <= _LONG:
            texts.extend(_tokenized_view(t, lang, strict) for t in (old, new))
    prepare(texts, lang)


# Long paragraphs (a 10 MB line) are diffed on the stretch between their identical ends, cut at a point
# no token can straddle and at least _CONTEXT characters from the first (last) difference, so the
# tokens near a change are cut as in the whole text. Shorter paragraphs are diffed whole, as always.
_LONG = 5000
_CONTEXT = 200
_FULL_WIDTH_BREAKS = set("，。；：！？、\n")


def _boundary(text: str, p: int) -> bool:
    """True when no token can straddle position ``p`` of ``text``: after full-width punctuation or a
    line break, or after one space between non-digits (a number may hold a space before 年, a symbol
    one in "(Part I)")."""
    if p <= 5 or p >= len(text):
        return False
    before = text[p - 1]
    if before in _FULL_WIDTH_BREAKS:
        return True
    return (before == " " and not text[p].isspace() and not text[p - 2].isspace() and not text[p - 2].isdigit()
            and text[p - 5:p - 1] not in ("Part", "PART"))


def _identical_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of an identical prefix and suffix of the two texts that end (start) on a token boundary."""
    limit = min(len(old), len(new))
    first = _common_prefix(old, new)
    head = max(first - _CONTEXT, 0)
    while head and not (_boundary(old, head) and _boundary(new, head)):
        head -= 1
    last = _common_prefix(old[::-1], new[::-1])
    tail = max(min(last, limit - first) - _CONTEXT, 0)
    while tail and not (_boundary(old, len(old) - tail) and _boundary(new, len(new) - tail)):
        tail -= 1
    return head, tail


def rebuild_old(segments: tuple[Segment, ...] | list[Segment]) -> str:
    return "".join((s.old_text or s.text) if s.op == "equal" else s.text for s in segments if s.op != "insert")


def rebuild_new(segments: tuple[Segment, ...] | list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != "delete")


# ── tokens → units ───────────────────────────────────────────────────────────────────────────────

def _tokens(text: str, lang: str, strict: bool) -> tuple[list[str], list[str]]:
    """The tokens of ``text``, and the same tokens as keyed: outside strict mode a Traditional text is
    segmented in its Simplified view (same length), so "瞭解" is one word and keyed as "了解" (a character
    alone would keep its Traditional form: 瞭 is 了 only in that word)."""
    view = _tokenized_view(text, lang, strict)
    if view is text:
        tokens = tokenize(text, lang)
        return tokens, tokens
    keyed = tokenize(view, lang)
    tokens, at = [], 0
    for token in keyed:
        tokens.append(text[at:at + len(token)])
        at += len(token)
    return tokens, keyed


def _tokenized_view(text: str, lang: str, strict: bool) -> str:
    """What the tokenizer cuts: ``text`` itself, or its Simplified view (see ``_tokens``)."""
    if strict or lang != "zh" or not has_traditional(text):
        return text
    return to_simplified(text)


def _units(tokens: list[str], keyed: list[str], strict: bool) -> list[_Unit]:
    if strict:
        return [_Unit(t, t) for t in tokens]
    units: list[_Unit] = []
    pending = ""
    for token, as_keyed in zip(tokens, keyed):
        key = _key(as_keyed)
        if not key:
            pending += token
            continue
        units.append(_Unit(key, token, pre=pending))
        pending = ""
    if pending and units:
        last = units[-1]
        units[-1] = _Unit(last.key, last.core, last.pre, pending)
    return units


@functools.lru_cache(maxsize=65536)
def _key(token: str) -> str:
    """Comparison key of a token outside strict mode; "" for layout."""
    return "" if _LAYOUT.fullmatch(token) else normalize(token)


# ── token diff ───────────────────────────────────────────────────────────────────────────────────

# A run: (old units, new units, equal?). Equal runs have the same number of units on both sides.
Run = tuple[list[_Unit], list[_Unit], bool]


# An exact (Myers) diff of a changed stretch costs up to len(old) × len(new) steps; beyond this budget
# the stretch is first cut at the words that occur exactly once on each side and in the same order
# (patience diff), and only the pieces between those anchors get an exact diff. A piece that is still
# too large, with no anchor, is shown as replaced whole, and so is every stretch once a paragraph has
# spent TOTAL_BUDGET on exact diffs. Both fallbacks are named in the comparison. An exact diff of two
# unrelated 500-word stretches takes about a second here; similar texts (the usual case) far less.
EXACT_BUDGET = 250_000
TOTAL_BUDGET = 4_000_000


def _token_diff(old_units: list[_Unit], new_units: list[_Unit]) -> tuple[list[Run], str]:
    """Runs of the diff, and "" or the name of the coarser method that was used."""
    ops: list[tuple[int, int]] = []  # (op, count): 0 equal, -1 delete, 1 insert
    coarse = _diff_keys([u.key for u in old_units], [u.key for u in new_units], ops, [TOTAL_BUDGET])
    runs: list[Run] = []
    i = j = 0
    for op, n in ops:
        if n == 0:
            continue
        if op == 0:
            if runs and runs[-1][2]:
                runs[-1][0].extend(old_units[i:i + n])
                runs[-1][1].extend(new_units[j:j + n])
            else:
                runs.append((old_units[i:i + n], new_units[j:j + n], True))
            i, j = i + n, j + n
            continue
        if not runs or runs[-1][2]:
            runs.append(([], [], False))
        if op < 0:
            runs[-1][0].extend(old_units[i:i + n])
            i += n
        else:
            runs[-1][1].extend(new_units[j:j + n])
            j += n
    return runs, coarse


_WHOLE = "as a whole (deleted and inserted)"
_PATIENCE = "between the words it has once on each side (patience diff)"
_DISTINCT = 6400 + 0x100000 + 0xD800  # characters available to stand for keys (see _private_char)


def _diff_keys(a: list[str], b: list[str], ops: list[tuple[int, int]], budget: list[int], depth: int = 0) -> str:
    """Append the diff of ``a`` and ``b`` to ``ops``; return "" if exact, else the coarser method used.
    ``budget[0]`` is what is left of TOTAL_BUDGET (spent by every exact diff)."""
    deadline.check()
    prefix = _common_prefix(a, b)
    suffix = _common_prefix(a[:prefix - 1:-1] if prefix else a[::-1], b[:prefix - 1:-1] if prefix else b[::-1])
    suffix = min(suffix, len(a) - prefix, len(b) - prefix)
    ops.append((0, prefix))
    mid_a, mid_b = a[prefix:len(a) - suffix], b[prefix:len(b) - suffix]
    coarse = ""
    if not mid_a or not mid_b:
        ops.extend(((-1, len(mid_a)), (1, len(mid_b))))
    elif (cost := len(mid_a) * len(mid_b)) <= min(EXACT_BUDGET, budget[0]) and len(mid_a) + len(mid_b) <= _DISTINCT:
        budget[0] -= cost
        ops.extend(_exact(mid_a, mid_b))
    else:
        anchors = _unique_anchors(mid_a, mid_b) if depth < 32 and budget[0] > 0 else []
        if not anchors:
            ops.extend(((-1, len(mid_a)), (1, len(mid_b))))
            coarse = _WHOLE
        else:
            inner = []
            pi = pj = 0
            for i, j in anchors:
                inner.append(_diff_keys(mid_a[pi:i], mid_b[pj:j], ops, budget, depth + 1))
                ops.append((0, 1))
                pi, pj = i + 1, j + 1
            inner.append(_diff_keys(mid_a[pi:], mid_b[pj:], ops, budget, depth + 1))
            coarse = _PATIENCE + (", some stretches as a whole" if _WHOLE in inner else "")
    ops.append((0, suffix))
    return coarse


def _exact(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Myers diff (diff-match-patch, no timeout: deterministic) of two key lists, one character per key."""
    from diff_match_patch import diff_match_patch

    codes: dict[str, str] = {}
    encoded = ["".join(codes.setdefault(k, _private_char(len(codes))) for k in keys) for keys in (a, b)]
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    left = deadline.remaining()
    if left is not None:
        # a request with a time limit (``resdiff serve``): let dmp stop near it; a diff cut short is never
        # used, as check() raises right after (dmp's limit ends a little after ours).
        dmp.Diff_Timeout = left + 0.05
    diffs = dmp.diff_main(encoded[0], encoded[1], False)
    deadline.check()
    return [(op, len(chars)) for op, chars in diffs]


def _unique_anchors(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """(i, j) of keys that occur once in ``a`` and once in ``b``, the longest run of them in the same
    order on both sides (longest increasing subsequence, O(n log n))."""
    from collections import Counter

    count_a, count_b = Counter(a), Counter(b)
    where_b = {k: j for j, k in enumerate(b) if count_b[k] == 1}
    pairs = [(i, where_b[k]) for i, k in enumerate(a) if count_a[k] == 1 and k in where_b]
    tails: list[int] = []  # tails[n]: index in pairs of the smallest j ending an increasing run of n+1
    back = [-1] * len(pairs)
    for p, (_, j) in enumerate(pairs):
        n = _bisect_tails(pairs, tails, j)
        if n:
            back[p] = tails[n - 1]
        if n == len(tails):
            tails.append(p)
        else:
            tails[n] = p
    out = []
    p = tails[-1] if tails else -1
    while p >= 0:
        out.append(pairs[p])
        p = back[p]
    return out[::-1]


def _bisect_tails(pairs, tails, j) -> int:
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if pairs[tails[mid]][1] < j:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _private_char(index: int) -> str:
    # One character per distinct key: the BMP private-use area first (6,400), then every code point of
    # the planes above (1,048,576), then the BMP below the surrogates (55,296); _DISTINCT in all.
    if index < 6400:
        return chr(0xE000 + index)
    if index < 6400 + 0x100000:
        return chr(0x10000 + index - 6400)
    return chr(index - 6400 - 0x100000)


def _weight(units: list[_Unit]) -> int:
    """Characters of words; a number or symbol counts as one (a reader takes it in at once);
    layout (strict mode's whitespace tokens) weighs nothing."""
    return sum(1 if _HAS_DIGIT.search(u.key) else len(u.key.strip()) for u in units)


def _has_punctuation(units: list[_Unit]) -> bool:
    return any(len(u.key) == 1 and not u.key.isalnum() and not u.key.isspace() for u in units)


def _absorb_short_equalities(runs: list[Run]) -> list[Run]:
    """Fold an equal run into the changes around it when it is shorter than each of them.

    One pass with a stack: a fold only makes changes heavier, so it can only enable the fold of the
    equal run just before it, which is re-checked at once; the result is the same fixed point as
    folding repeatedly from the left, in linear time (a paragraph of 40,000 words has thousands of runs).
    """
    out: list[Run] = []
    weights: list[tuple[int, int]] = []  # (old side, new side) weight of each run in ``out``
    for run in runs:
        out.append(run)
        weights.append((_weight(run[0]), _weight(run[1])))
        while len(out) >= 3 and not out[-1][2] and out[-2][2] and not out[-3][2]:
            before, equal, after = out[-3:]
            if _has_punctuation(equal[1]):
                break  # punctuation is where a reader parses: keep it between two changes
            w = weights[-2][1]
            if not (w < max(weights[-3]) and w < max(weights[-1])):
                break
            before[0].extend(equal[0] + after[0])
            before[1].extend(equal[1] + after[1])
            total = tuple(sum(ws) for ws in zip(*weights[-3:]))
            del out[-2:], weights[-3:]
            weights.append(total)
    return out


# ── segments ─────────────────────────────────────────────────────────────────────────────────────

def _equal(old_run: list[_Unit], new_run: list[_Unit]) -> Segment:
    old_text = "".join(u.text for u in old_run)
    new_text = "".join(u.text for u in new_run)
    return Segment("equal", new_text, old_text if old_text != new_text else None)


def _refine(old_run: list[_Unit], new_run: list[_Unit], lang: str) -> list[Segment]:
    """Segments for a replaced run, keeping a common prefix / suffix where a clean cut allows it."""
    if not new_run:
        return [Segment("delete", "".join(u.text for u in old_run))]
    if not old_run:
        return [Segment("insert", "".join(u.text for u in new_run))]
    old_key = "".join(u.key for u in old_run)
    new_key = "".join(u.key for u in new_run)
    old_cuts = _cuts(old_run, lang)
    new_cuts = _cuts(new_run, lang)
    limit = min(len(old_key), len(new_key))
    prefix = _common_prefix(old_key, new_key)
    prefix = max(k for k in range(prefix + 1) if k in old_cuts and k in new_cuts)
    suffix = _common_prefix(old_key[::-1], new_key[::-1])
    suffix = min(suffix, limit - prefix)
    suffix = max(
        s for s in range(suffix + 1) if len(old_key) - s in old_cuts and len(new_key) - s in new_cuts
    )
    old_text = "".join(u.text for u in old_run)
    new_text = "".join(u.text for u in new_run)
    o1, o2 = _surface(old_run, prefix), _surface(old_run, len(old_key) - suffix)
    n1, n2 = _surface(new_run, prefix), _surface(new_run, len(new_key) - suffix)
    # Layout glued to the run's first (last) token on both sides is equal text, not part of the change.
    old_pre, new_pre = len(old_run[0].pre), len(new_run[0].pre)
    if prefix == 0 and old_pre and new_pre and old_pre <= o2 and new_pre <= n2:
        o1, n1 = old_pre, new_pre
    old_post, new_post = len(old_text) - len(old_run[-1].post), len(new_text) - len(new_run[-1].post)
    if suffix == 0 and old_run[-1].post and new_run[-1].post and o1 <= old_post and n1 <= new_post:
        o2, n2 = old_post, new_post
    out = [
        _equal_text(old_text[:o1], new_text[:n1]),
        Segment("delete", old_text[o1:o2]),
        Segment("insert", new_text[n1:n2]),
        _equal_text(old_text[o2:], new_text[n2:]),
    ]
    return [s for s in out if s.text or s.old_text]


def _equal_text(old: str, new: str) -> Segment:
    return Segment("equal", new, old if old != new else None)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _cuts(run: list[_Unit], lang: str) -> set[int]:
    """Offsets in the run's key string where a change may start or end."""
    cuts = {0}
    pos = 0
    for u in run:
        if lang == "zh" and u.key == u.core:
            cuts.update(pos + c for c in _inner_cuts(u.core))
        pos += len(u.key)
        cuts.add(pos)
    return cuts


def _inner_cuts(word: str) -> tuple[int, ...]:
    """Cuts between sub-words of a Chinese word that leave no one-character piece and split no numeral."""
    from resdiff.lang import zh

    if len(word) < 4 or not zh.is_han(word):
        return ()
    return tuple(
        c for c in zh.subword_cuts(word)
        if 2 <= c <= len(word) - 2 and not (word[c - 1] in _CN_NUMERAL and word[c] in _CN_NUMERAL)
    )


def _surface(run: list[_Unit], key_offset: int) -> int:
    """Offset in the run's text of a cut at ``key_offset`` in its key string (glued layout goes right)."""
    pos = 0
    text_pos = 0
    for u in run:
        if key_offset == pos:
            return text_pos
        if key_offset < pos + len(u.key):
            return text_pos + len(u.pre) + (key_offset - pos)  # inner cut: key == core for these
        pos += len(u.key)
        text_pos += len(u.text)
    return text_pos


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for s in segments:
        if out and out[-1].op == s.op:
            prev = out.pop()
            if s.op == "equal":
                text = prev.text + s.text
                old = (prev.old_text or prev.text) + (s.old_text or s.text)
                out.append(Segment("equal", text, old if old != text else None))
            else:
                out.append(Segment(s.op, prev.text + s.text))
        else:
            out.append(s)
    return tuple(out)
