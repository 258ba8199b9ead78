"""How parse, compare and redline grow with the size of the input (issue 11), whole commands as a user
runs them, each in a child process with its wall time and peak memory (VmHWM, polled every 20 ms).

Two families of generated inputs (deterministic; English, from the seed's vocabulary):
  many paragraphs:  1k, 5k, 10k, 50k paragraphs, ~5% of them edited by one word;
  one long paragraph: 10 KB, 100 KB, 1 MB, 10 MB in a single operative paragraph, one word edited
                      in the middle (and, with --unrelated, two unrelated paragraphs of that size).
Baseline, measured in the same run on the same files: GNU ``diff`` (a line diff), for scale.
Each command has a time cap (--cap seconds); a run that hits it prints "> cap".
The stated memory bound: peak RSS under 10 × the input size + 300 MB (the interpreter, lxml, jieba).
Where resdiff falls back to a coarser method, the comparison's notes say so; the figures print the note.

    python benchmarks/growth.py              # everything (takes minutes)
    python benchmarks/growth.py --quick      # 1k/5k paragraphs, 10 KB/100 KB/1 MB paragraphs
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("international cooperation human rights States promote respect dialogue development further "
         "strengthen effectively fully Organization Nations United resolution Assembly Council report "
         "Secretary-General session implementation measures requests invites encourages calls upon "
         "recognizes stresses reaffirms welcomes notes urges").split()
MEMORY_BOUND = "10 × input + 300 MB"


def many_paragraphs(n: int, rng: random.Random) -> tuple[str, str]:
    old, new = ["The General Assembly,", ""], ["The General Assembly,", ""]
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(15, 45))]
        text = (f"Recalling {' '.join(words)} {i}," if i < n // 3 else f"{i - n // 3 + 1}. Decides {' '.join(words)} {i};")
        old += [text, ""]
        if rng.random() < 0.05:
            words[rng.randrange(len(words))] = "carefully"
            text = (f"Recalling {' '.join(words)} {i}," if i < n // 3 else f"{i - n // 3 + 1}. Decides {' '.join(words)} {i};")
        new += [text, ""]
    return "\n".join(old), "\n".join(new)


def long_paragraph(size: int, rng: random.Random, unrelated: bool) -> tuple[str, str]:
    def body(r: random.Random) -> str:
        words, total = [], 0
        while total < size:
            w = r.choice(WORDS) + (f" {r.randrange(10**6)}" if r.random() < 0.1 else "")
            words.append(w)
            total += len(w) + 1
        return " ".join(words)

    head = "The General Assembly,\n\nRecalling its resolution 75/180,\n\n1. Decides "
    text = body(rng)
    if unrelated:
        other = body(random.Random(rng.random()))
        return head + text + ".\n", head + other + ".\n"
    middle = len(text) // 2
    cut = text.index(" ", middle)
    return head + text + ".\n", head + text[:cut] + " carefully" + text[cut:] + ".\n"


def run(args: list[str], cap: float, cwd: Path) -> tuple[float | None, float, int, str]:
    """(seconds or None when capped, peak MB, exit code, stderr tail) of one child."""
    err_file = tempfile.TemporaryFile()  # a file, not a pipe: thousands of reading warnings would fill a pipe
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err_file,
                            env={**os.environ, "NO_COLOR": "1"})
    deadline = start + cap
    peak_kb = 0  # VmHWM of the child, polled: ru_maxrss would carry this (large) parent's figure over exec
    while True:
        peak_kb = max(peak_kb, _hwm_kb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            err_file.close()
            return None, peak_kb / 1024, -9, ""
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    err_file.seek(0)
    err = err_file.read().decode("utf-8", "replace")
    err_file.close()
    return elapsed, peak_kb / 1024, os.waitstatus_to_exitcode(status), err.strip().splitlines()[-1:]


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def notes_of(old: Path, new: Path, cwd: Path, cap: float) -> list[str]:
    try:
        out = subprocess.run([sys.executable, "-m", "resdiff", "compare", str(old), str(new), "-f", "json"],
                             cwd=cwd, capture_output=True, timeout=cap)
        return json.loads(out.stdout).get("notes", []) if out.returncode in (0, 1) else []
    except (subprocess.TimeoutExpired, ValueError):
        return []


def measure(label: str, old_text: str, new_text: str, folder: Path, cap: float) -> None:
    old, new = folder / "old.txt", folder / "new.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    size_mb = (len(old_text.encode()) + len(new_text.encode())) / 2**20
    bound = 10 * size_mb + 300
    py = [sys.executable, "-m", "resdiff"]
    cells = []
    for name, args in (("parse", py + ["parse", "new.txt", "-f", "json"]),
                       ("compare", py + ["compare", "old.txt", "new.txt", "-f", "json"]),
                       ("redline", py + ["redline", "old.txt", "new.txt", "-o", "r.docx", "--force",
                                         "--date", "2026-01-01"])):
        t, mb, code, err = run(args, cap, folder)
        flag = "" if mb <= bound else "!"
        if t is None:
            cells.append(f"{name} >{cap:.0f}s {mb:5.0f}MB{flag}")
        else:
            cells.append(f"{name} {t:6.2f}s {mb:5.0f}MB{flag}" + ("" if code in (0, 1) else f" exit {code} {err}"))
    t_diff, _, _, _ = run(["diff", "old.txt", "new.txt"], cap, folder)
    base = f"diff {t_diff:.2f}s" if t_diff is not None else f"diff >{cap:.0f}s"
    print(f"{label:>22} ({size_mb:7.2f} MB)  " + "  ".join(cells) + f"  | baseline {base}", flush=True)
    for note in notes_of(old, new, folder, cap):
        if "compared" in note:
            print(f"{'':>24}fallback: {note}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--unrelated", action="store_true", help="also two unrelated long paragraphs")
    ap.add_argument("--cap", type=float, default=300, help="seconds per command (default 300)")
    opts = ap.parse_args()
    rng = random.Random(11)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; peak memory bound {MEMORY_BOUND} "
          f"('!' marks a figure over it); cap {opts.cap:.0f} s per command")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("many paragraphs (~5% edited):")
        for n in ((1000, 5000) if opts.quick else (1000, 5000, 10000, 50000)):
            measure(f"{n:,} paragraphs", *many_paragraphs(n, rng), folder, opts.cap)
        print("one long paragraph (one word edited):")
        sizes = (10_000, 100_000, 1_000_000) if opts.quick else (10_000, 100_000, 1_000_000, 10_000_000)
        for size in sizes:
            measure(f"{size // 1000:,} KB paragraph", *long_paragraph(size, rng, False), folder, opts.cap)
        if opts.unrelated:
            print("two unrelated long paragraphs:")
            for size in sizes:
                measure(f"{size // 1000:,} KB unrelated", *long_paragraph(size, rng, True), folder, opts.cap)


if __name__ == "__main__":
    main()
