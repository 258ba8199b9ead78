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


def test_one_op_split_in_three(seed):
    pps, ops = seed
    text = ops[15]
    parts = [text[:30], text[30:60], text[60:]]
    rows = run(resolution(pps, ops), resolution(pps, ops[:15] + parts + ops[16:]))
    assert [r for r in rows if r[2] not in ("unchanged", "unchanged*")] == [("OP16", "OP16+OP17+OP18", "split")]


def test_three_ops_merged(seed):
    pps, ops = seed
    merged = ops[4] + ops[5] + ops[6]
    rows = run(resolution(pps, ops), resolution(pps, ops[:4] + [merged] + ops[7:]))
    assert [r for r in rows if r[2] not in ("unchanged", "unchanged*")] == [("OP5+OP6+OP7", "OP5", "merged")]


def test_two_adjacent_ops_swapped_is_one_move(seed):
    pps, ops = seed
    rows = run(resolution(pps, ops), resolution(pps, ops[:1] + [ops[2], ops[1]] + ops[3:]))
    assert [r for r in rows if r[2] != "unchanged"] == [("OP3", "OP2", "unchanged*"), ("OP2", "OP3", "moved*")]


def test_op_moved_to_front_and_edited_is_moved_and_renumbered(seed):
    pps, ops = seed
    edited = ops[15].replace("秘书长", "联合国秘书长")
    alignment = align(resolution(pps, ops), resolution(pps, [edited] + ops[:15] + ops[16:]))
    moved = [p for p in alignment.pairs if p.status == "moved"]
    assert len(moved) == 1 and moved[0].renumbered and moved[0].similarity < 1.0


def test_block_of_three_pps_moved_marks_only_the_block(seed):
    pps, ops = seed
    rows = run(resolution(pps, ops), resolution(pps[:2] + pps[5:] + pps[2:5], ops))
    assert [r for r in rows if r[2] != "unchanged"] == [
        ("PP3", "PP13", "moved"), ("PP4", "PP14", "moved"), ("PP5", "PP15", "moved")
    ]


def test_op_duplicated_is_one_insertion(seed):
    pps, ops = seed
    rows = run(resolution(pps, ops), resolution(pps, ops[:3] + [ops[2]] + ops[3:]))
    assert [r for r in rows if r[2] not in ("unchanged", "unchanged*")] == [("", "OP4", "inserted")]


def test_first_pp_deleted_reads_at_the_start(seed):
    pps, ops = seed
    rows = run(resolution(pps, ops), resolution(pps[1:], ops))
    assert rows[0] == ("PP1", "", "deleted")
    assert all(status == "unchanged" for _o, _n, status in rows[1:])


def test_deleted_pp_and_inserted_op_sharing_stock_phrases_are_not_paired_as_a_move(seed):
    # PP13 "又强调需要通过国际合作等途径…尊重人权和基本自由…" and OP1 "重申通过国际合作等途径…尊重人权和
    # 基本自由是联合国的一项宗旨…" are different paragraphs with ratio 0.56: drop PP13, add OP1.
    pps, ops = seed
    old = resolution(pps, ops[1:])
    new = resolution(pps[:12] + pps[13:], ops)
    rows = run(old, new)
    assert [r for r in rows if r[2] not in ("unchanged", "unchanged*")] == [
        ("PP13", "", "deleted"), ("", "OP1", "inserted")
    ]


def test_empty_resolutions():
    empty = resolution([], [])
    assert align(empty, empty).pairs == ()
    one = resolution(["回顾，"], [])
    assert table(empty, one, align(empty, one)) == [("", "PP1", "inserted")]
    assert table(one, empty, align(one, empty)) == [("PP1", "", "deleted")]


# ── speed ──────────────────────────────────────────────────────────────────────────────────────────

def generated_pair(size: int) -> tuple[Resolution, Resolution, int]:
    """Seed paragraphs repeated with a distinguishing tag to ``size`` paragraphs; the new side has every
    7th paragraph edited, every 23rd deleted, an insertion every 29, and every 31st moved 5 places on.
    Returns (old, new, number of moves)."""
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
    moves = list(range(31, len(new) - 6, 31))
    for k in moves:
        new.insert(k + 5, new.pop(k))
    return resolution(texts, []), resolution(new, []), len(moves)


def test_generated_500_paragraphs_align_quickly_and_completely():
    old, new, moves = generated_pair(500)
    start = time.perf_counter()
    alignment = align(old, new)
    elapsed = time.perf_counter() - start
    print(f"\nalign 500 paragraphs, a few percent edited: {elapsed * 1000:.0f} ms")
    check_partition(old, new, alignment)
    counts = {}
    for p in alignment.pairs:
        counts[p.status] = counts.get(p.status, 0) + 1
    assert counts["deleted"] == len(range(5, 500, 23))
    assert counts["inserted"] == len(range(11, 500, 29))
    assert counts["moved"] == moves


def test_generated_500_paragraphs_all_edited_pairs_each_with_its_own_version():
    pps, ops = seed_paragraphs()
    base = pps + ops
    texts = [f"（第{k}段）" + base[k % len(base)] for k in range(500)]
    edited = [t.replace("人权", "人的权利", 1) + "并表示关切" for t in texts]
    old, new = resolution(texts, []), resolution(edited, [])
    start = time.perf_counter()
    alignment = align(old, new)
    elapsed = time.perf_counter() - start
    print(f"\nalign 500 paragraphs, every one edited (no exact anchor): {elapsed * 1000:.0f} ms")
    assert [(p.old, p.new, p.status) for p in alignment.pairs] == [((k,), (k,), "modified") for k in range(500)]


# ── gold: real successive versions, paired by reading both texts ───────────────────────────────────

def _same(labels) -> list[tuple]:
    return [(label, label, "unchanged") for label in labels]


def _pp(a: int, b: int) -> list[str]:
    return [f"PP{k}" for k in range(a, b + 1)]


def _op(a: int, b: int) -> list[str]:
    return [f"OP{k}" for k in range(a, b + 1)]


# 72/169 (2017) → 74/153 (2019). PP1 lost a comma ("Action, adopted" → "Action adopted"); PP3 updated its
# recall chain (70/153 → 72/169, HRC 32/6 → 38/3); a new PP11 "Recognizing that the enhancement of
# international cooperation and genuine dialogue contributes …" was inserted before "Emphasizing …", so old
# PP11–PP14 read as PP12–PP15 (preambular paragraphs are unnumbered: not renumbered); OP10 gained "and
# constructive"; OP15 "Decides to devote one plenary meeting … seventieth anniversary of the Universal
# Declaration …" was dropped and a different OP15 "Encourages all Member States … North-South,
# South-South and triangular cooperation …" took its number; OP17 moved the session on (seventy-third →
# seventy-fifth).
GOLD_72_169_TO_74_153 = (
    [("PP1", "PP1", "modified"), ("PP2", "PP2", "unchanged"), ("PP3", "PP3", "modified")]
    + _same(_pp(4, 10))
    + [("", "PP11", "inserted")]
    + [(f"PP{k}", f"PP{k + 1}", "unchanged") for k in range(11, 15)]
    + _same(_op(1, 9))
    + [("OP10", "OP10", "modified")]
    + _same(_op(11, 14))
    + [("OP15", "", "deleted"), ("", "OP15", "inserted"), ("OP16", "OP16", "unchanged"), ("OP17", "OP17", "modified")]
)

# 74/153 (2019) → 75/180 (2020): only the recall chain in PP3 (72/169 → 74/153, HRC 38/3 → 44/18) and the
# session in OP17 (seventy-fifth → seventy-sixth) changed; PP12's different line wraps are not a change.
GOLD_74_153_TO_75_180 = (
    [("PP1", "PP1", "unchanged"), ("PP2", "PP2", "unchanged"), ("PP3", "PP3", "modified")]
    + _same(_pp(4, 15))
    + _same(_op(1, 16))
    + [("OP17", "OP17", "modified")]
)

# 51/102 (1996) → 55/105 (2000), both excerpts cut inside OP3. PP1–PP3 reworded (增进→促进, dates and
# resolution numbers); 又铭记…《维也纳宣言和行动纲领》 (PP4) absorbed old PP6 回顾世界人权会议重申必须考虑…
# as its new clause 其中除其他外重申必须考虑…: merged; old PP7 又回顾世界人权会议建议应提供更多资源… became
# PP5 回顾世界人权会议建议…; 重申区域安排在增进和保护人权方面起着根本作用… came before those paragraphs in
# 51/102 and after them in 55/105 (PP5 → PP6): moved (and reworded); 审议了秘书长的报告 (PP8) was dropped;
# 注意到…区域一级…取得的进展 (PP9 → PP7) reworded; old PP10 注意到…不断加强交流… was dropped and a new PP8
# 认为联合国与人权领域各项区域安排之间的合作… was added; OP1–OP3 reworded in place.
GOLD_51_102_TO_55_105 = [
    ("PP1", "PP1", "modified"),
    ("PP2", "PP2", "modified"),
    ("PP3", "PP3", "modified"),
    ("PP4+PP6", "PP4", "merged"),
    ("PP7", "PP5", "modified"),
    ("PP8", "", "deleted"),
    ("PP5", "PP6", "moved"),
    ("PP9", "PP7", "modified"),
    ("PP10", "", "deleted"),
    ("", "PP8", "inserted"),
    ("OP1", "OP1", "modified"),
    ("OP2", "OP2", "modified"),
    ("OP3", "OP3", "modified"),
]


@pytest.mark.parametrize(
    "old_name, new_name, gold",
    [
        ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt", GOLD_72_169_TO_74_153),
        ("A_RES_74_153.en.txt", "A_RES_75_180.en.txt", GOLD_74_153_TO_75_180),
        ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt", GOLD_51_102_TO_55_105),
    ],
)
def test_real_successive_versions_pair_like_a_careful_reader(old_name, new_name, gold):
    from conftest import corpus
    from resdiff.read import read_file

    old, new = read_file(corpus(old_name)), read_file(corpus(new_name))
    assert run(old, new) == gold


def test_real_resolution_against_itself_is_all_unchanged():
    from conftest import corpus
    from resdiff.read import read_file

    res = read_file(corpus("A_RES_75_180.en.txt"))
    assert all(status == "unchanged" for _o, _n, status in run(res, res))


# ── issue 9: pairing by role, merges, shortened paragraphs, obvious moves (synthetic edits of real texts) ─

def _en(name: str = "A_RES_75_180.en.txt") -> Resolution:
    from conftest import corpus
    from resdiff.read import read_file

    return read_file(corpus(name))


def _texts(res: Resolution) -> tuple[list[str], list[str]]:
    return ([p.text for p in res.paragraphs if p.kind == PREAMBULAR],
            [p.text for p in res.paragraphs if p.kind == OPERATIVE])


@pytest.mark.parametrize("old_text, new_text", [
    ("Recalling its resolution 49/150 of 23 December 1994 on the question,",
     "Recalling its resolution 51/83 of 12 December 1996 and all previous resolutions on the subject,"),
    ("Recalling General Assembly resolution 52/134 of 12 December 1997,",
     "Recalling its resolution 1999/68 of 28 April 1999 and General Assembly resolution 54/181 of "
     "17 December 1999, as well as its decision 2000/109 of 26 April 2000,"),
    ("回顾其1994年12月23日第49/150号决议，", "又回顾人权委员会1999年4月28日第1999/68号决议，"),
])
def test_synthetic_recall_chain_paragraph_is_paired_by_role_with_few_shared_words(old_text, new_text):
    pps, ops = _texts(_en())
    lang = "zh" if "决议" in old_text else "en"
    old = resolution(pps[:2] + [old_text] + pps[2:], ops, lang)
    new = resolution(pps[:2] + [new_text] + pps[2:], ops, lang)
    rows = run(old, new)
    assert ("PP3", "PP3", "modified") in rows
    assert [r for r in rows if r[2] != "unchanged"] == [("PP3", "PP3", "modified")]


def test_synthetic_two_different_recall_paragraphs_far_apart_are_not_paired():
    pps, ops = _texts(_en())
    old = resolution(["Recalling General Assembly resolution 52/134 of 12 December 1997,"] + pps, ops)
    new = resolution(pps + ["Recalling its resolution 1999/68 of 28 April 1999 and General Assembly resolution "
                            "54/181 of 17 December 1999, as well as its decision 2000/109 of 26 April 2000,"], ops)
    rows = run(old, new)
    assert ("PP1", "", "deleted") in rows and ("", "PP16", "inserted") in rows


def test_synthetic_two_preambular_paragraphs_three_apart_merged():
    """PP7 + PP10 → PP7: the two old paragraphs joined (PP8 and PP9 stay between them)."""
    pps, ops = _texts(_en())
    joined = pps[6].rstrip(",") + ", and " + pps[9][0].lower() + pps[9][1:]
    rows = run(resolution(pps, ops), resolution(pps[:6] + [joined] + pps[7:9] + pps[10:], ops))
    assert ("PP7+PP10", "PP7", "merged") in rows
    assert not [r for r in rows if r[2] in ("deleted", "inserted", "modified")]


def test_synthetic_adjacent_paragraphs_merged_after_a_deletion():
    """PP5 + PP6 → PP4 (PP2 deleted before them): a merge, not a modification plus a deletion."""
    pps, ops = _texts(_en())
    joined = pps[4].rstrip(",") + " and " + pps[5][len("Recognizing also "):]
    new = pps[:1] + pps[2:4] + [joined] + pps[6:]
    rows = run(resolution(pps, ops), resolution(new, ops))
    assert ("PP5+PP6", "PP4", "merged") in rows
    assert [r for r in rows if r[2] not in ("unchanged", "merged")] == [("PP2", "", "deleted")]


def test_synthetic_shortened_paragraph_is_paired():
    pps, ops = _texts(_en())
    words = ops[3].split()
    short = " ".join(words[: max(10, len(words) // 4)])  # a quarter of OP4 left
    rows = run(resolution(pps, ops), resolution(pps, ops[:3] + [short] + ops[4:]))
    assert [r for r in rows if r[2] != "unchanged"] == [("OP4", "OP4", "modified")]


def test_synthetic_text_cut_short_pairs_the_cut_paragraph():
    pps, ops = _texts(_en())
    cut = " ".join(ops[9].split()[:12])
    rows = run(resolution(pps, ops), resolution(pps, ops[:9] + [cut]))
    assert ("OP10", "OP10", "modified") in rows
    assert [r[0] for r in rows if r[2] == "deleted"] == [f"OP{k}" for k in range(11, 18)]


def test_synthetic_swap_marks_the_edited_paragraph_moved_not_the_unchanged_one():
    """Old PP7, PP8; new PP8 (edited), PP7: one move either way; the obvious reading keeps the unchanged
    paragraph in place and calls the edited one moved."""
    pps, ops = _texts(_en())
    edited = pps[7].replace("international cooperation", "global cooperation")
    rows = run(resolution(pps, ops), resolution(pps[:6] + [edited, pps[6]] + pps[8:], ops))
    assert [r for r in rows if r[2] != "unchanged"] == [("PP8", "PP7", "moved")]
    for old_first in (True, False):  # whichever of the two is edited
        a, b = (pps[6].replace("cooperation", "collaboration"), pps[7]) if old_first else (pps[6], edited)
        rows = run(resolution(pps, ops), resolution(pps[:6] + [b, a] + pps[8:], ops))
        moved = [r for r in rows if r[2] == "moved"]
        assert moved == ([("PP7", "PP8", "moved")] if old_first else [("PP8", "PP7", "moved")])


def test_synthetic_long_paragraph_with_one_edit_is_paired_without_a_fallback():
    text = " ".join(_en().paragraphs[k].text for k in range(30)) * 40  # ~60k words, heavily repetitive
    edited = text[: len(text) // 2] + "synthetic " + text[len(text) // 2:]
    old, new = resolution([text], []), resolution([edited], [])
    alignment = align(old, new)
    assert [(p.old, p.new, p.status) for p in alignment.pairs] == [((0,), (0,), "modified")]
    assert alignment.notes == ()


def test_synthetic_long_rewritten_paragraph_uses_the_stated_coarser_method():
    import random

    words = " ".join(p.text for p in _en().paragraphs).split()
    rng = random.Random(9)
    a = " ".join(rng.choice(words) for _ in range(3000))
    b = a.split()[:100] + rng.sample(a.split(), 2800) + a.split()[-100:]  # same words, middle reshuffled
    alignment = align(resolution([a], []), resolution([" ".join(b)], []))
    assert alignment.notes and alignment.notes[0].startswith("coarser method used because a paragraph pair is too long")
    assert [p.status for p in alignment.pairs] == ["modified"]


def test_synthetic_many_unrelated_paragraphs_use_the_stated_coarser_method():
    words = " ".join(p.text for p in _en().paragraphs).split()
    import random

    rng = random.Random(4)
    make = lambda: " ".join(rng.choice(words) for _ in range(30)) + "."  # noqa: E731
    old, new = resolution([make() for _ in range(600)], []), resolution([make() for _ in range(600)], [])
    alignment = align(old, new)
    check_partition(old, new, alignment)
    assert any(n.startswith("coarser method used because 600 × 600 unmatched paragraphs") for n in alignment.notes)


def test_fallback_note_reaches_the_comparison():
    from resdiff.comparison import compare

    words = " ".join(p.text for p in _en().paragraphs).split()
    import random

    rng = random.Random(5)
    make = lambda: " ".join(rng.choice(words) for _ in range(12)) + "."  # noqa: E731
    old, new = resolution([make() for _ in range(520)], [], "en"), resolution([make() for _ in range(520)], [], "en")
    assert any("coarser method used" in n for n in compare(old, new).notes)


# ── gold: the PDF lineages (official PDFs in tests/corpus/pdf, read with the PDF reader) ─────────────

def _pdf(name: str) -> Resolution:
    from conftest import CORPUS
    from resdiff.read import read_file

    return read_file(CORPUS / "pdf" / f"{name}.en.pdf")


def _changed(rows: list[tuple]) -> list[tuple]:
    return [r for r in rows if not r[2].startswith("unchanged")]


# Reducing nuclear danger, 78/44 → 79/33 → draft A/C.1/80/L.24 → 80/37: year to year only OP4 (the
# Secretary-General's report cited), OP5 (a date) and OP6 (the session of the next consideration)
# change; the draft was adopted as tabled.
GOLD_NUCLEAR_DANGER = [
    ("A_RES_78_44", "A_RES_79_33", [("OP4", "OP4", "modified"), ("OP5", "OP5", "modified"), ("OP6", "OP6", "modified")]),
    ("A_RES_79_33", "A_C.1_80_L.24", [("OP4", "OP4", "modified"), ("OP5", "OP5", "modified"), ("OP6", "OP6", "modified")]),
    ("A_C.1_80_L.24", "A_RES_80_37", []),
]
# Confidence-building measures, 78/38 → 79/27: the recall chain PP2 ("Recalling its resolutions 58/43
# of 8 December 2003, …" gains 78/38), the report asked for (OP8) and the session (OP9).
# External debt sustainability, 78/137 → 79/197, read paragraph by paragraph: two new preambular
# paragraphs (PP6 "Looking forward to the convening of the Fourth International Conference on
# Financing for Development", PP31 "Taking note also of the mapping exercise …"); the figures of PP17,
# PP21–PP26 updated; PP24 on small island developing States rewritten with the new year's ratios (ratio
# 0.40, in place); PP8 "Welcoming the convening of the High-level Dialogue" became "Recalling further …";
# OP25 "Looks forward to the interim review of the Resilience and Sustainability Trust" became "Takes
# note of the interim review …" and OP29 the surcharge review (the Chair's statement of 2023 → the
# Executive Board decision of October 2024), both rewritten in place; OP44 (UNCTAD to develop …) was
# dropped, so OP45–OP49 are OP44–OP48.
GOLD_PDF_PAIRS = GOLD_NUCLEAR_DANGER + [
    ("A_RES_78_38", "A_RES_79_27", [("PP2", "PP2", "modified"), ("OP8", "OP8", "modified"), ("OP9", "OP9", "modified")]),
    ("A_RES_78_137", "A_RES_79_197", [
        ("PP1", "PP1", "modified"), ("", "PP6", "inserted"), ("PP7", "PP8", "modified"), ("PP8", "PP9", "modified"),
        ("PP14", "PP15", "modified"), ("PP16", "PP17", "modified"), ("PP17", "PP18", "modified"),
        ("PP21", "PP22", "modified"), ("PP22", "PP23", "modified"), ("PP23", "PP24", "modified"),
        ("PP24", "PP25", "modified"), ("PP25", "PP26", "modified"), ("PP26", "PP27", "modified"),
        ("", "PP31", "inserted"), ("PP31", "PP33", "modified"),
        ("OP7", "OP7", "modified"), ("OP8", "OP8", "modified"), ("OP10", "OP10", "modified"),
        ("OP13", "OP13", "modified"), ("OP15", "OP15", "modified"), ("OP19", "OP19", "modified"),
        ("OP20", "OP20", "modified"), ("OP23", "OP23", "modified"), ("OP25", "OP25", "modified"),
        ("OP27", "OP27", "modified"), ("OP29", "OP29", "modified"), ("OP38", "OP38", "modified"),
        ("OP39", "OP39", "modified"), ("OP40", "OP40", "modified"), ("OP42", "OP42", "modified"),
        ("OP43", "OP43", "modified"), ("OP44", "", "deleted"), ("OP47", "OP46", "modified*"),
        ("OP49", "OP48", "modified*"),
    ]),
]


@pytest.mark.parametrize("old_name, new_name, gold", GOLD_PDF_PAIRS, ids=[f"{a}-{b}" for a, b, _ in GOLD_PDF_PAIRS])
def test_real_pdf_lineages_pair_like_a_careful_reader(old_name, new_name, gold):
    old, new = _pdf(old_name), _pdf(new_name)
    rows = run(old, new)
    assert _changed(rows) == gold
    # every other paragraph is paired unchanged with its own text (renumbered after the dropped OP44)
    for o, n, status in rows:
        if status.startswith("unchanged"):
            assert old.paragraph(o).key == new.paragraph(n).key


def test_rewritten_in_place_needs_a_quarter_shared():
    """72/169 OP15 (a commemorative plenary meeting) and 74/153 OP15 (South-South cooperation) stand
    alone between the same neighbours but share 9 % of their words: a deletion and an insertion."""
    from conftest import corpus
    from resdiff.read import read_file

    rows = run(read_file(corpus("A_RES_72_169.en.txt")), read_file(corpus("A_RES_74_153.en.txt")))
    assert ("OP15", "", "deleted") in rows and ("", "OP15", "inserted") in rows


# ../shared/corpus/pdf next to the repository (or next to the folder of its worktrees)
_SHARED_PDF = next((up / "shared" / "corpus" / "pdf" for up in __import__("pathlib").Path(__file__).resolve().parents[1:4]
                    if (up / "shared" / "corpus" / "pdf" / "README.md").exists()), __import__("pathlib").Path("/nonexistent"))


@pytest.mark.skipif(not (_SHARED_PDF / "README.md").exists(), reason="the 64 PDFs of ../shared/corpus/pdf are not here")
def test_recall_chain_paragraph_pairs_in_every_pdf_lineage():
    """In the 16 lineages of ../shared/corpus/pdf (78 → 79 → 80 draft → 80), every 'Recalling its
    resolution(s) …' paragraph is paired with its successor. The one exception is real: the draft
    A/C.3/80/L.12 dropped 79/146's PP7 recalling 78/261 ('World Social Summit') with the two paragraphs
    about preparing the Summit, and looks forward to the Summit instead."""
    from resdiff.read import read_file

    rows = [line for line in (_SHARED_PDF / "README.md").read_text(encoding="utf-8").splitlines()
            if line.startswith("| ") and "A/RES/78" in line]
    assert len(rows) == 16
    recalls, dropped = 0, []
    for row in rows:
        symbols = [cell.strip() for cell in row.split("|")[2:6]]
        versions = [read_file(_SHARED_PDF / f"{s.replace('/', '_')}.en.pdf") for s in symbols]
        for old, new in zip(versions, versions[1:]):
            for pair in align(old, new).pairs:
                for i in pair.old:
                    if re.match(r"Recalling (?:also |further )?its resolutions? \d", old.paragraphs[i].text):
                        recalls += 1
                        if not pair.new:
                            dropped.append((old.header.symbol, old.paragraphs[i].label))
    assert recalls >= 40
    assert dropped == [("A/RES/79/146", "PP7")]


def test_durban_lineage_79_161_to_80_193_pairs_section_headings_with_headings():
    # official PDFs (tests/corpus/pdf): 80/193 inserts a section "II", so the later numerals shift by one
    from conftest import CORPUS
    from resdiff.model import HEADING
    from resdiff.read.pdf import read_pdf

    old, new = (read_pdf(CORPUS / "pdf" / f"A_RES_{n}.en.pdf") for n in ("79_161", "80_193"))
    pairs = align(old, new).pairs
    for pair in pairs:  # a heading is never paired with, split from or merged into a paragraph
        kinds = {old.paragraphs[i].kind == HEADING for i in pair.old} | {new.paragraphs[j].kind == HEADING for j in pair.new}
        assert len(kinds) == 1
    by_heading = {tuple(old.paragraphs[i].label for i in p.old): tuple(new.paragraphs[j].label for j in p.new)
                  for p in pairs if any(new.paragraphs[j].kind == HEADING for j in p.new)}
    assert by_heading == {("H1",): ("H1",), (): ("H2",), ("H2",): ("H3",), ("H3",): ("H4",), ("H4",): ("H5",),
                          ("H5",): ("H6",), ("H6",): ("H7",), ("H7",): ("H8",), ("H8",): ("H9",)}
    assert new.paragraph("H3").text == "III International Decade for People of African Descent"


def test_tokens_are_those_of_the_three_way_pattern_on_every_corpus_text_and_character():
    # tokens() writes the CJK class once (compiling it costs ~1 ms): "CJK character | run of other word
    # characters | other non-space character" must give the same tokens on real texts, raw and
    # normalised, and on every character of the first three planes.
    from conftest import CORPUS
    from resdiff.align import _CJK_CHAR, tokens

    three_way = re.compile(rf"[{_CJK_CHAR}]|[^\W{_CJK_CHAR}]+|[^\w\s]")
    every_character = "".join(map(chr, range(0x30000)))  # the BMP and the CJK extension planes
    texts = [every_character, " ".join(every_character)]
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text, normalize(text)]
    for text in texts:
        assert tokens(text) == three_way.findall(text)


def test_synthetic_parts_pair_part_with_part():
    """A resolution in parts A and B (synthetic: 72/169 and 74/153 of tests/corpus as its two parts); the
    last preambular paragraph of part A, word for word the same as part B's, is deleted in the new
    version: it is A's that is deleted, B's stays unchanged (never a move from B to A)."""
    from conftest import corpus
    from variants import base_text, in_parts

    from resdiff.read.text import parse_text

    texts = [base_text(corpus(n)) for n in ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt")]
    old_text = in_parts(texts, ["Part one", "Part two"])
    last_pp = parse_text(texts[0], lang="en").paragraph("PP14").text
    assert old_text.count(last_pp) == 2
    new_text = re.sub(re.escape(last_pp) + r"\n\n", "", old_text, count=1)
    old, new = parse_text(old_text, lang="en"), parse_text(new_text, lang="en")
    assert old.paragraph("A PP14").key == old.paragraph("B PP15").key
    pairs = {(tuple(old.paragraphs[i].label for i in p.old), tuple(new.paragraphs[j].label for j in p.new)): p.status
             for p in align(old, new).pairs}
    assert pairs[(("A PP14",), ())] == "deleted"
    assert pairs[(("B PP15",), ("B PP15",))] == "unchanged"
    assert all(o[0].split()[0] == n[0].split()[0] for o, n in pairs if o and n)  # part A with A, B with B


_BOUND_PAIRS = [
    ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt"),
    ("A_RES_55_109.zh.excerpt.txt", "A_RES_75_180.zh.txt"),
    ("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
    ("A_RES_74_153.en.txt", "A_RES_75_180.en.txt"),
    ("A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt"),
    ("A_RES_75_180.en.txt", "A_RES_75_180.zh.txt"),
]


@pytest.mark.parametrize("old, new", _BOUND_PAIRS)
def test_cheap_upper_bounds_change_no_alignment(monkeypatch, old, new):
    """Candidates are dropped on an upper bound of their score (shared tokens in any order) before the
    quadratic in-order count. With the bounds made useless (every token shared), every real pair of the
    corpus aligns the same: the bounds only skip work whose result could not pass."""
    import difflib

    import resdiff.align as align_module
    from conftest import CORPUS
    from resdiff.read import read_file

    a, b = read_file(CORPUS / old), read_file(CORPUS / new)
    with_bounds = align(a, b)
    monkeypatch.setattr(difflib.SequenceMatcher, "quick_ratio", lambda self: 1.0)
    monkeypatch.setattr(align_module, "_shared", lambda part, other: len(part))
    assert align(a, b) == with_bounds
