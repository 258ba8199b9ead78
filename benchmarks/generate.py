"""Deterministic test material for the benchmarks: the seed pair and generated large resolutions.

The seed pair (corpus README): the seed against an edited copy built the same way every run — a few
dozen word-level edits, one moved, one inserted and one deleted paragraph, renumbered operative paragraphs.
"""

from __future__ import annotations

import dataclasses
import random

from resdiff.lang import tokenize
from resdiff.model import Paragraph, Resolution
from resdiff.normalize import normalize

ZH_WORDS = ["充分", "切实", "各国", "国际", "合作", "进一步", "加强", "促进", "尊重", "对话", "发展", "人权"]
EN_WORDS = ["fully", "effectively", "States", "international", "cooperation", "further", "strengthen",
            "promote", "respect", "dialogue", "development", "human rights"]


def _edit_words(text: str, lang: str, rng: random.Random, edits: int) -> str:
    tokens = tokenize(text, lang)
    words = ZH_WORDS if lang == "zh" else EN_WORDS
    spots = [i for i, t in enumerate(tokens) if t.strip() and t[0].isalnum()]
    for i in sorted(rng.sample(spots, min(edits, len(spots))), reverse=True):
        action = rng.choice(("replace", "delete", "insert"))
        if action == "replace":
            tokens[i] = rng.choice(words)
        elif action == "delete":
            del tokens[i]
        else:
            tokens.insert(i, rng.choice(words) + ("" if lang == "zh" else " "))
    return "".join(tokens)


def _with_text(p: Paragraph, text: str) -> Paragraph:
    return dataclasses.replace(p, text=text, key=normalize(text), footnotes=(), footnote_positions=())


def relabel(paragraphs: list[Paragraph]) -> tuple[Paragraph, ...]:
    """PP1..n and OP1..n in order; operative numbers follow the new order (renumbering)."""
    out, pp, op = [], 0, 0
    for p in paragraphs:
        if p.kind == "preambular":
            pp += 1
            out.append(dataclasses.replace(p, label=f"PP{pp}", number=None))
        else:
            op += 1
            out.append(dataclasses.replace(p, label=f"OP{op}", number=op, suffix=""))
    return tuple(out)


def edited_copy(res: Resolution, rng: random.Random, edit_share: float = 0.3, words_per_edit: int = 3) -> Resolution:
    """Word edits in ``edit_share`` of the paragraphs, then one move, one insertion, one deletion."""
    lang = res.language
    paragraphs = list(res.paragraphs)
    for i in rng.sample(range(len(paragraphs)), max(1, int(len(paragraphs) * edit_share))):
        if not paragraphs[i].footnotes:  # keep footnote offsets valid: edit paragraphs without markers
            paragraphs[i] = _with_text(paragraphs[i], _edit_words(paragraphs[i].text, lang, rng, words_per_edit))
    ops = [i for i, p in enumerate(paragraphs) if p.kind == "operative"]
    moved = paragraphs.pop(ops[len(ops) // 2])  # an operative paragraph moves up two places
    paragraphs.insert(ops[len(ops) // 2] - 2, moved)
    deleted_at = ops[1]
    del paragraphs[deleted_at]
    new_text = ("还请秘书长向大会下届会议提交关于本决议执行情况的报告" if lang == "zh"
                else "Also requests the Secretary-General to report on the implementation of the present resolution")
    template = next(p for p in paragraphs if p.kind == "operative")
    paragraphs.insert(len(paragraphs) - 1, _with_text(dataclasses.replace(template, lead=""), new_text))
    return dataclasses.replace(res, paragraphs=relabel(paragraphs), source=f"{res.source} (edited)")


def scaled(res: Resolution, size: int, rng: random.Random) -> Resolution:
    """A resolution of ``size`` paragraphs made from the seed's, each copy varied so paragraphs differ."""
    base = [p for p in res.paragraphs]
    paragraphs = []
    while len(paragraphs) < size:
        p = base[len(paragraphs) % len(base)]
        copy = len(paragraphs) // len(base)
        text = _edit_words(p.text, res.language, rng, 2 + copy % 3) if copy else p.text
        paragraphs.append(_with_text(p, text))
    pp = [p for p in paragraphs if p.kind == "preambular"]
    op = [p for p in paragraphs if p.kind == "operative"]
    return dataclasses.replace(res, paragraphs=relabel(pp + op), footnotes=(), source=f"generated-{size}")


def scaled_pair(res: Resolution, size: int, seed: int = 7) -> tuple[Resolution, Resolution]:
    """A few percent of the paragraphs edited, one moved, one inserted, one deleted."""
    rng = random.Random(seed)
    old = scaled(res, size, rng)
    return old, edited_copy(old, rng, edit_share=0.05)


def seed_pair(res: Resolution, seed: int = 1) -> tuple[Resolution, Resolution]:
    """Word edits in 40% of the paragraphs, four each (those with footnotes are left alone): a few dozen."""
    return res, edited_copy(res, random.Random(seed), edit_share=0.4, words_per_edit=4)
