"""align(): synthetic edits of the real seed, gold pairings of real successive versions, and speed."""

from __future__ import annotations

import re
import time

import pytest

from conftest import SEED
from resdiff.align import align
from resdiff.model import OPERATIVE, PREAMBULAR, Alignment, Header, Paragraph, Resolution
from resdiff.normalize import normalize

# ── helpers ────────────────────────────────────────────────────────────────────────────────────────

_FOOTNOTE_LINE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ ")
_FOOTNOTE_MARK = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_OP_NUMBER = re.compile(r"^(\d+)\.\s*")


def seed_paragraphs() -> tuple[list[str], list[str]]:
    """(preambular, operative) paragraph texts of the seed, cut by hand-written rules for this one file:
    body between "大会，" and the closing date, footnote bodies dropped, the paragraph broken by the
    footnotes at the page break joined again."""
    lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines()]
    body = lines[lines.index("大会，") + 1 : lines.index("2020年12月16日")]
    paragraphs: list[str] = []
    open_paragraph = False
    for line in body:
        if not line or _FOOTNOTE_LINE.match(line):
            continue
        line = _FOOTNOTE_MARK.sub("", line).replace("**", "")
        if open_paragraph:
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
        open_paragraph = not line.endswith(("，", "；", "。"))
    pps = [p for p in paragraphs if not _OP_NUMBER.match(p)]
    ops = [_OP_NUMBER.sub("", p) for p in paragraphs if _OP_NUMBER.match(p)]
    return pps, ops


def resolution(pps: list[str], ops: list[str], language: str = "zh") -> Resolution:
    """A Resolution with PP1.. and OP1.. labels (operative numbers 1..n) and normalised keys."""
    paragraphs = [Paragraph(f"PP{k}", PREAMBULAR, None, t, normalize(t)) for k, t in enumerate(pps, 1)]
    paragraphs += [Paragraph(f"OP{k}", OPERATIVE, k, t, normalize(t)) for k, t in enumerate(ops, 1)]
    return Resolution(Header(language), tuple(paragraphs))


def table(old: Resolution, new: Resolution, alignment: Alignment) -> list[tuple]:
    """(old labels, new labels, status) per pair, labels joined with '+'; renumbered pairs marked '*'."""
    rows = []
    for p in alignment.pairs:
        o = "+".join(old.paragraphs[i].label for i in p.old)
        n = "+".join(new.paragraphs[j].label for j in p.new)
        rows.append((o, n, p.status + ("*" if p.renumbered else "")))
    return rows


def check_partition(old: Resolution, new: Resolution, alignment: Alignment) -> None:
    olds = sorted(i for p in alignment.pairs for i in p.old)
    news = sorted(j for p in alignment.pairs for j in p.new)
    assert olds == list(range(len(old.paragraphs)))
    assert news == list(range(len(new.paragraphs)))
    first_new = [min(p.new) for p in alignment.pairs if p.new]
    assert first_new == sorted(first_new), "pairs must come in new reading order"


@pytest.fixture(scope="module")
def seed():
    pps, ops = seed_paragraphs()
    assert (len(pps), len(ops)) == (15, 17)  # GUIDE.md §2
    return pps, ops


def run(old: Resolution, new: Resolution) -> list[tuple]:
    alignment = align(old, new)
    check_partition(old, new, alignment)
    return table(old, new, alignment)


# ── synthetic edits on the seed ────────────────────────────────────────────────────────────────────

def test_identical_seed_is_all_unchanged(seed):
    res = resolution(*seed)
    rows = run(res, res)
    assert rows == [(p.label, p.label, "unchanged") for p in res.paragraphs]


def test_spaces_around_digits_removed_is_all_unchanged(seed):
    pps, ops = seed
    squeeze = lambda t: re.sub(r"\s*(\d+)\s*", r"\1", t)  # noqa: E731
    assert squeeze(pps[0]) != pps[0]
    old, new = resolution(pps, ops), resolution([squeeze(t) for t in pps], [squeeze(t) for t in ops])
    assert all(status == "unchanged" for _o, _n, status in run(old, new))


def test_one_op_deleted_renumbers_the_following_ops(seed):
    pps, ops = seed
    old, new = resolution(pps, ops), resolution(pps, ops[:4] + ops[5:])
    rows = run(old, new)
    assert ("OP5", "", "deleted") in rows
    assert rows.index(("OP5", "", "deleted")) == rows.index(("OP4", "OP4", "unchanged")) + 1
    for k in range(6, 18):
        assert (f"OP{k}", f"OP{k - 1}", "unchanged*") in rows
    assert sum(1 for r in rows if r[2] != "unchanged") == 1 + 12


def test_one_pp_moved_to_another_position_is_the_only_move(seed):
    pps, ops = seed
    moved = pps[1:10] + [pps[0]] + pps[10:]  # PP1 now after the old PP10
    rows = run(resolution(pps, ops), resolution(moved, ops))
    assert [r for r in rows if r[2] != "unchanged"] == [("PP1", "PP10", "moved")]


def test_one_pp_inserted(seed):
    pps, ops = seed
    inserted = "又回顾人权理事会关于增进人权领域国际合作的各项决议，"
    rows = run(resolution(pps, ops), resolution(pps[:3] + [inserted] + pps[3:], ops))
    assert [r for r in rows if r[2] != "unchanged"] == [("", "PP4", "inserted")]
    assert rows[3] == ("", "PP4", "inserted")


def test_one_op_split_in_two(seed):
    pps, ops = seed
    text = ops[10]  # OP11: "…能力，包括为此增进各国与人权机制的合作，以及应有关国家请求…"
    cut = text.index("，包括")
    first, second = text[:cut] + "；", "又强调" + text[cut + 1 :]
    rows = run(resolution(pps, ops), resolution(pps, ops[:10] + [first, second] + ops[11:]))
    assert ("OP11", "OP11+OP12", "split") in rows
    assert all(status == "unchanged" for o, n, status in rows[:25])
    assert all(status == "unchanged*" for o, n, status in rows[26:])


def test_two_ops_merged(seed):
    pps, ops = seed
    merged = ops[9].rstrip("；") + "，" + ops[10]  # OP10 + OP11
    rows = run(resolution(pps, ops), resolution(pps, ops[:9] + [merged] + ops[11:]))
    assert ("OP10+OP11", "OP10", "merged") in rows
    assert [r for r in rows if r[2] not in ("unchanged", "unchanged*")] == [("OP10+OP11", "OP10", "merged")]


def test_last_pp_turned_into_first_op(seed):
    pps, ops = seed
    turned = "回顾" + pps[-1][2:].rstrip("，") + "；"
    rows = run(resolution(pps, ops), resolution(pps[:-1], [turned] + ops))
    assert ("PP15", "OP1", "modified*") in rows
    assert not any(status in ("inserted", "deleted") for _o, _n, status in rows)
    assert all(status == "unchanged*" for o, n, status in rows if o.startswith("OP"))


def test_pp_turned_op_with_same_text_is_a_modification_not_delete_insert(seed):
    pps, ops = seed
    rows = run(resolution(pps, ops), resolution(pps[:-1], [pps[-1]] + ops))
    assert ("PP15", "OP1", "modified*") in rows


def test_rewritten_paragraph_in_place_is_modified(seed):
    pps, ops = seed
    edited = ops[15].replace("秘书长", "联合国秘书长").replace("进行协商", "进行广泛协商")
    rows = run(resolution(pps, ops), resolution(pps, ops[:15] + [edited] + ops[16:]))
    assert [r for r in rows if r[2] != "unchanged"] == [("OP16", "OP16", "modified")]


def test_unrelated_replacement_is_delete_plus_insert(seed):
    pps, ops = seed
    replacement = "决定在大会第七十六届会议上举行一次纪念《世界人权宣言》通过周年的全体会议；"
    rows = run(resolution(pps, ops), resolution(pps, ops[:14] + [replacement] + ops[15:]))
    changed = [r for r in rows if r[2] != "unchanged"]
    # the deleted paragraph reads right after its old predecessor OP14, before the inserted one
    assert changed == [("OP15", "", "deleted"), ("", "OP15", "inserted")]


def test_empty_resolutions():
    empty = resolution([], [])
    assert align(empty, empty).pairs == ()
    one = resolution(["回顾，"], [])
    assert table(empty, one, align(empty, one)) == [("", "PP1", "inserted")]
    assert table(one, empty, align(one, empty)) == [("PP1", "", "deleted")]


# ── speed ──────────────────────────────────────────────────────────────────────────────────────────

def generated_pair(size: int) -> tuple[Resolution, Resolution]:
    """Seed paragraphs repeated with a distinguishing tag to ``size`` paragraphs; the new side has every
    7th paragraph edited, every 23rd deleted, every 31st moved 5 places on, and an insertion every 29."""
    pps, ops = seed_paragraphs()
    base = pps + ops
    texts = [f"（第{k}段）" + base[k % len(base)] for k in range(size)]
    new: list[str] = []
    for k, t in enumerate(texts):
        if k % 23 == 5:
            continue
        if k % 7 == 3:
            t = t.replace("人权", "人的权利", 1).replace("合作", "协作", 1) + "并表示关切"
        if k % 29 == 11:
            new.append(f"新增段落第{k}号，强调国际社会应加强协调，")
        new.append(t)
    for k in range(31, len(new) - 6, 31):
        new.insert(k + 5, new.pop(k))
    return resolution(texts, []), resolution(new, [])


def test_generated_500_paragraphs_align_quickly_and_completely():
    old, new = generated_pair(500)
    start = time.perf_counter()
    alignment = align(old, new)
    elapsed = time.perf_counter() - start
    print(f"\nalign 500 paragraphs: {elapsed * 1000:.0f} ms")
    check_partition(old, new, alignment)
    counts = {}
    for p in alignment.pairs:
        counts[p.status] = counts.get(p.status, 0) + 1
    print(counts)
    assert counts["deleted"] == len(range(5, 500, 23))
    assert counts["inserted"] == len(range(11, 500, 29))
