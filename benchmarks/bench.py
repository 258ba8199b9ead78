"""resdiff benchmarks: prints figures for resdiff and, in the same run, for a baseline.

Baseline: character-level diff-match-patch over the whole texts (the tool people would otherwise use),
with its default settings plus diff_cleanupSemantic.

    python benchmarks/bench.py            # everything (about a minute on 2 cores)
    python benchmarks/bench.py --quick    # fewer repetitions

Targets (issue 3/4): seed pair in-process ≤ 50 ms; 400 paragraphs ≤ 1 s, near-linear growth;
`resdiff compare` cold from the shell ≤ 1.0 s wall on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import scaled_pair, seed_pair  # noqa: E402

from resdiff.comparison import compare  # noqa: E402
from resdiff.read import read_file  # noqa: E402
from resdiff.render.text import resolution_text  # noqa: E402

SEED = ROOT / "examples" / "A_RES_75_180.zh.txt"


def timed(fn, repeat: int) -> float:
    """Median wall time in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline_diff(old_text: str, new_text: str):
    import diff_match_patch

    dmp = diff_match_patch.diff_match_patch()
    diffs = dmp.diff_main(old_text, new_text)
    dmp.diff_cleanupSemantic(diffs)
    return diffs


def cold_command(args: list[str], repeat: int) -> tuple[float, float]:
    """(min, median) wall seconds of a fresh process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def peak_rss_mb(args: list[str]) -> float:
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeat = 3 if args.quick else 7
    resdiff_cmd = [str(Path(sys.executable).parent / "resdiff")]
    if not Path(resdiff_cmd[0]).exists():
        resdiff_cmd = [sys.executable, "-m", "resdiff"]

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    seed = read_file(SEED)
    old, new = seed_pair(seed)
    old_text, new_text = resolution_text(old), resolution_text(new)
    compare(old, new)  # warm: jieba dictionary loaded once per process
    cmp = compare(old, new)
    changes = sum(1 for p in cmp.pairs if p.status not in ("inserted", "deleted") for s in p.segments if s.op != "equal")
    counts = ", ".join(f"{k} {v}" for k, v in cmp.summary.items() if v)
    print(f"\nseed pair: {len(old.paragraphs)} → {len(new.paragraphs)} paragraphs; {counts}; "
          f"{changes} word-level change runs")
    t_res = timed(lambda: compare(old, new), repeat)
    t_base = timed(lambda: baseline_diff(old_text, new_text), repeat)
    print(f"  in-process compare      resdiff {t_res * 1000:8.1f} ms   baseline (char dmp) {t_base * 1000:8.1f} ms"
          f"   target ≤ 50 ms")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "old.txt").write_text(old_text, encoding="utf-8")
        (tmp / "new.txt").write_text(new_text, encoding="utf-8")
        base_script = tmp / "baseline.py"
        base_script.write_text(
            "import sys, diff_match_patch\n"
            "a, b = (open(p, encoding='utf-8').read() for p in sys.argv[1:3])\n"
            "d = diff_match_patch.diff_match_patch(); x = d.diff_main(a, b); d.diff_cleanupSemantic(x)\n"
            "print(d.diff_prettyHtml(x)[:10])\n"
        )
        floor = cold_command([sys.executable, "-c", "pass"], repeat)
        cold = cold_command([*resdiff_cmd, "compare", str(tmp / "old.txt"), str(tmp / "new.txt")], repeat)
        cold_base = cold_command([sys.executable, str(base_script), str(tmp / "old.txt"), str(tmp / "new.txt")], repeat)
        print(f"  cold `resdiff compare`  resdiff {cold[0]:.2f} s min / {cold[1]:.2f} s median   "
              f"baseline script {cold_base[0]:.2f} / {cold_base[1]:.2f} s   python -c pass {floor[0]:.2f} s"
              f"   target ≤ 1.0 s")
        try:
            out = tmp / "r.docx"
            red = cold_command([*resdiff_cmd, "redline", str(tmp / "old.txt"), str(tmp / "new.txt"), "-o", str(out),
                                "--force"], repeat)
            print(f"  cold `resdiff redline`  resdiff {red[0]:.2f} s min / {red[1]:.2f} s median")
        except subprocess.CalledProcessError:
            print("  cold `resdiff redline`  failed")

        print("\nscaling (generated from the seed; ~5% of paragraphs edited, one moved/inserted/deleted):")
        print(f"  {'paragraphs':>10} {'resdiff':>10} {'per para':>10} {'baseline':>10}")
        for size in (100, 200, 400, 800):
            big_old, big_new = scaled_pair(seed, size)
            compare(big_old, big_new)
            t = timed(lambda: compare(big_old, big_new), 1 if size >= 400 else repeat)
            a, b = resolution_text(big_old), resolution_text(big_new)
            tb = timed(lambda: baseline_diff(a, b), 1)
            print(f"  {size:>10} {t * 1000:>8.0f}ms {t / size * 1e6:>8.0f}µs {tb * 1000:>8.0f}ms")
            if size == 800:
                (tmp / "o800.txt").write_text(a, encoding="utf-8")
                (tmp / "n800.txt").write_text(b, encoding="utf-8")
        rss = peak_rss_mb([*resdiff_cmd, "compare", str(tmp / "o800.txt"), str(tmp / "n800.txt"), "--format", "json"])
        rss_base = peak_rss_mb([sys.executable, str(base_script), str(tmp / "o800.txt"), str(tmp / "n800.txt")])
        print(f"\npeak memory, 800 paragraphs, whole command: resdiff {rss:.0f} MB   baseline script {rss_base:.0f} MB")
        try:
            out = tmp / "r800.docx"
            red = cold_command([*resdiff_cmd, "redline", str(tmp / "o800.txt"), str(tmp / "n800.txt"), "-o", str(out),
                                "--force"], 1)
            print(f"cold `resdiff redline`, 800 paragraphs: {red[0]:.2f} s")
        except subprocess.CalledProcessError:
            print("cold `resdiff redline`, 800 paragraphs: failed")


if __name__ == "__main__":
    main()
