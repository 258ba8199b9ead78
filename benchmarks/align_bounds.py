"""Paragraph alignment on hostile sizes (issue 11 item 3): time of ``align`` alone, each case in a fresh
process under a time cap, with the baseline measured in the same run (difflib's SequenceMatcher ratio
on the same token lists: what align.py used on every size before the bounds).

    python benchmarks/align_bounds.py            # every case, cap 300 s each (building the input included)
    python benchmarks/align_bounds.py --cap 60   # shorter cap

Synthetic inputs (named so): a long Chinese paragraph with a one-character edit, a long English one,
a 10 MB line, and two unrelated texts of 500 / 1,000 / 2,000 paragraphs. The fallback named in the
output is the note align() records ("coarser method used because …").
"""

from __future__ import annotations

import argparse
import subprocess
import sys

CASES = {
    "zh paragraph 350k chars, 1 char edited": "long_zh(350_000)",
    "en paragraph 350k chars, 1 word edited": "long_en(350_000)",
    "one 10 MB line, 1 char edited": "long_zh(10_000_000)",
    "unrelated texts, 500 paragraphs": "unrelated(500)",
    "unrelated texts, 1000 paragraphs": "unrelated(1000)",
    "unrelated texts, 2000 paragraphs": "unrelated(2000)",
}

SETUP = r'''
import random, time, sys
from difflib import SequenceMatcher
from resdiff.align import align, tokens
from resdiff.model import Header, Paragraph, Resolution, OPERATIVE
from resdiff.normalize import normalize

def res(texts):
    ps = tuple(Paragraph(f"OP{k+1}", OPERATIVE, k + 1, t, key=normalize(t)) for k, t in enumerate(texts))
    return Resolution(Header("zh"), ps)

ZH = "促进和保护人权的区域安排回顾其关于国际合作的决议重申各国有义务尊重基本自由"
def long_zh(n):
    rng = random.Random(1)
    text = "".join(rng.choice(ZH) for _ in range(n))
    return res([text]), res([text[: n // 2] + "新" + text[n // 2 + 1:]])

WORDS = "the of and to human rights international cooperation resolution recalling its general assembly".split()
def long_en(n):
    rng = random.Random(2)
    words, size = [], 0
    while size < n:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    edited = list(words); edited[len(words) // 2] = "synthetic"
    return res([" ".join(words)]), res([" ".join(edited)])

def unrelated(n):
    rng = random.Random(3)
    def text():
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))) + f" {rng.random():.6f}."
    return res([text() for _ in range(n)]), res([text() for _ in range(n)])
'''

RUN = SETUP + r'''
old, new = __CASE__
mode = sys.argv[1]
t = time.perf_counter()
if mode == "align":
    a = align(old, new)
    extra = "; ".join(a.notes) if hasattr(a, "notes") else ""
else:  # baseline: the exact ratio of every pair of the first paragraphs, as before the bounds
    a_t, b_t = tokens(old.paragraphs[0].key), tokens(new.paragraphs[0].key)
    SequenceMatcher(None, a_t, b_t, autojunk=False).ratio()
    extra = ""
print(f"{time.perf_counter() - t:.2f}\t{extra}")
'''


def run(case: str, mode: str, cap: float) -> str:
    try:
        out = subprocess.run([sys.executable, "-c", RUN.replace("__CASE__", case), mode], capture_output=True, text=True,
                             timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return f"> {cap:.0f} s (stopped)"
    seconds, note = out.stdout.rstrip("\n").split("\t", 1)
    return f"{float(seconds):.2f} s" + (f"   note: {note[:110]}" if note else "")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=float, default=300)  # per process: building a 10 MB input takes a while too
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    for name, case in CASES.items():
        line = f"{name:<42} align {run(case, 'align', args.cap)}"
        if not args.no_baseline and not case.startswith("unrelated"):
            line += f"\n{'':<42} baseline (one SequenceMatcher ratio) {run(case, 'baseline', args.cap)}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
