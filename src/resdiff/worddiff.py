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
import re
from dataclasses import dataclass

from resdiff.lang import tokenize
from resdiff.model import Segment
from resdiff.normalize import normalize

_LAYOUT = re.compile(r"\s+|\*+")
_HAS_DIGIT = re.compile(r"\d")
_CN_NUMERAL = set("〇零一二三四五六七八九十百千万亿两第")


@dataclass(frozen=True)
class _Unit:
    """One compared token with the layout glued to it: ``pre + core + post`` is its text."""

    key: str
    core: str
    pre: str = ""
    post: str = ""

    @property
    def text(self) -> str:
        return self.pre + self.core + self.post


def diff_words(old: str, new: str, lang: str, strict: bool = False) -> tuple[Segment, ...]:
    if old == new:
        return (Segment("equal", new),) if new else ()
    old_units = _units(tokenize(old, lang), strict)
    new_units = _units(tokenize(new, lang), strict)
    if not old_units or not new_units:
        # One side is empty or only layout: nothing to align it with.
        return tuple(s for s in (Segment("delete", old), Segment("insert", new)) if s.text)
    runs = _token_diff(old_units, new_units)
    runs = _absorb_short_equalities(runs)
    segments: list[Segment] = []
    for old_run, new_run, equal in runs:
        if equal:
            segments.append(_equal(old_run, new_run))
        else:
            segments.extend(_refine(old_run, new_run, lang))
    return _merge(segments)


def rebuild_old(segments: tuple[Segment, ...] | list[Segment]) -> str:
    return "".join((s.old_text or s.text) if s.op == "equal" else s.text for s in segments if s.op != "insert")


def rebuild_new(segments: tuple[Segment, ...] | list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != "delete")


# ── tokens → units ───────────────────────────────────────────────────────────────────────────────

def _units(tokens: list[str], strict: bool) -> list[_Unit]:
    if strict:
        return [_Unit(t, t) for t in tokens]
    units: list[_Unit] = []
    pending = ""
    for token in tokens:
        key = _key(token)
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


def _token_diff(old_units: list[_Unit], new_units: list[_Unit]) -> list[Run]:
    from diff_match_patch import diff_match_patch

    codes: dict[str, str] = {}

    def encode(units: list[_Unit]) -> str:
        return "".join(codes.setdefault(u.key, _private_char(len(codes))) for u in units)

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(encode(old_units), encode(new_units), False)
    runs: list[Run] = []
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
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
    return runs


def _private_char(index: int) -> str:
    # 6,400 code points in the BMP private-use area, then plane 15's (65,534) for very long texts.
    return chr(0xE000 + index) if index < 6400 else chr(0xF0000 + index - 6400)


def _weight(units: list[_Unit]) -> int:
    """Characters of words; a number or symbol counts as one (a reader takes it in at once);
    layout (strict mode's whitespace tokens) weighs nothing."""
    return sum(1 if _HAS_DIGIT.search(u.key) else len(u.key.strip()) for u in units)


def _has_punctuation(units: list[_Unit]) -> bool:
    return any(len(u.key) == 1 and not u.key.isalnum() and not u.key.isspace() for u in units)


def _absorb_short_equalities(runs: list[Run]) -> list[Run]:
    """Fold an equal run into the changes around it when it is shorter than each of them."""
    runs = list(runs)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(runs) - 1):
            before, equal, after = runs[k - 1], runs[k], runs[k + 1]
            if not equal[2] or before[2] or after[2] or _has_punctuation(equal[1]):
                continue  # punctuation is where a reader parses: keep it between two changes
            w = _weight(equal[1])
            if w < max(_weight(before[0]), _weight(before[1])) and w < max(_weight(after[0]), _weight(after[1])):
                runs[k - 1:k + 2] = [(before[0] + equal[0] + after[0], before[1] + equal[1] + after[1], False)]
                changed = True
                break
    return runs


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
