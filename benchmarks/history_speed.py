"""history of N versions: costs the N − 1 comparisons plus a little (issue 13).

Target: 10 versions of a 40-paragraph resolution ≤ 1 s in-process. Baseline, measured in the same run:
the N − 1 pairwise ``compare`` calls alone (what chaining must not add much to). Also the amendments of
one step (``amendments_from``, which checks its list by applying it) against that step's comparison.

    python benchmarks/history_speed.py [--versions 10] [--size 40]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import timed as median  # noqa: E402
from generate import edited_copy, scaled  # noqa: E402

from resdiff.amendments import amendments_from  # noqa: E402
from resdiff.comparison import compare  # noqa: E402
from resdiff.history import history  # noqa: E402
from resdiff.read import read_file  # noqa: E402


def versions(lang: str, count: int, size: int) -> list:
    seed = HERE.parent / "examples" / ("A_RES_75_180.zh.txt" if lang == "zh" else "A_RES_75_180.en.txt")
    rng = random.Random(13)
    res = scaled(read_file(seed), size, rng)
    out = [dataclasses.replace(res, header=dataclasses.replace(res.header, session=60, number="60/1"))]
    for k in range(1, count):
        nxt = edited_copy(out[-1], rng, edit_share=0.15, words_per_edit=3)
        out.append(dataclasses.replace(nxt, header=dataclasses.replace(nxt.header, session=60 + k, number=f"{60 + k}/1")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--versions", type=int, default=10)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for lang in ("en", "zh"):
        vs = versions(lang, args.versions, args.size)
        compare(vs[0], vs[1])  # warm up (jieba dictionary, regexes)
        base = median(lambda: [compare(a, b) for a, b in zip(vs, vs[1:])], args.repeat)
        hist = median(lambda: history(vs), args.repeat)
        cmp = compare(vs[0], vs[1])
        amend = median(lambda: amendments_from(cmp), args.repeat)
        print(f"{lang}: {args.versions} versions × {args.size} paragraphs: history {hist * 1000:.0f} ms "
              f"(target ≤ 1000 ms); baseline {args.versions - 1} compare calls {base * 1000:.0f} ms; "
              f"chaining adds {(hist - base) * 1000:.0f} ms ({(hist / base - 1) * 100:.0f} %); "
              f"amendments of one step {amend * 1000:.0f} ms ({len(amendments_from(cmp))} instructions)")


if __name__ == "__main__":
    main()
