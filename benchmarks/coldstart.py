"""Cold start: the time a drafter feels when running resdiff once per pair from a shell.

Whole processes, alternating, median of N runs each (default 11), on this machine, in one run:

- `resdiff redline` on the Chinese corpus pair 51/102 → 55/105 (the excerpts) against
  jubarte-redlines (a Rust engine, the test extra) comparing the same paragraphs as .docx files —
  the baseline, and the ratio resdiff / jubarte (target ≤ 1.0);
- `resdiff --help` against `python -c pass` (target ≤ 60 ms over it);
- `resdiff compare` of the same pair (target ≤ 0.2 s);
- `resdiff parse` of the seed;
- with `--ref REF` (a commit, e.g. `main`), the same resdiff commands of that commit, checked out into a
  temporary git worktree and put ahead of this tree (PYTHONPATH), in the same rounds: before and after
  a change under the same load. Both trees are then started as `python -m resdiff` (each tree's own
  `__main__`), since the installed console script names this tree's entry point.

    python benchmarks/coldstart.py [--runs 11] [--ref main]

Both programs are run as installed (console scripts of this environment). resdiff's modules are
byte-compiled first, as `pip install` does (an editable install under PYTHONDONTWRITEBYTECODE would
otherwise compile every module on every run), and a first unmeasured run of each command builds
resdiff's jieba dictionary cache, as a user's first run does. CPU time (user + system of the process)
is printed beside wall time, and the load average before and after the runs: on a shared machine the
wall time of a Python start can grow several times, CPU time much less; quote figures from a quiet run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests" / "corpus" / "A_RES_51_102.zh.excerpt.txt"
NEW = ROOT / "tests" / "corpus" / "A_RES_55_105.zh.excerpt.txt"
SEED = ROOT / "examples" / "A_RES_75_180.zh.txt"


def _script(name: str) -> list[str] | None:
    here = Path(sys.executable).parent / name
    if here.exists():
        return [str(here)]
    found = shutil.which(name)
    return [found] if found else None


def _run(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall, CPU) seconds of one process. CPU time (user + system of the child) is what a busy
    machine inflates least: on a shared 2-core box the wall time of a Python start can grow 5×."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternate(commands: dict[str, tuple[list[str], dict | None]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Run each command (argv, environment) once to warm caches, then ``runs`` rounds, each command once
    per round."""
    for cmd, env in commands.values():
        _run(cmd, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            times[name].append(_run(cmd, env))
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--ref", help="also run the resdiff of this commit (e.g. main), in the same rounds")
    args = ap.parse_args()
    resdiff = (_script("resdiff") if not args.ref else None) or [sys.executable, "-m", "resdiff"]
    jubarte = _script("jubarte-redlines")

    import resdiff as package
    from resdiff.read import read_file

    for folder in package.__path__:
        compileall.compile_dir(folder, quiet=1)
    from resdiff.render.docx import resolution_document

    load_before = os.getloadavg()[0]
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          f"median of {args.runs} alternating runs")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old_docx, new_docx = tmp / "old.docx", tmp / "new.docx"
        old_docx.write_bytes(resolution_document(read_file(OLD)))
        new_docx.write_bytes(resolution_document(read_file(NEW)))
        trees = {"": None}  # "" = this tree; else the ref's name → environment putting its src first
        if args.ref:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tmp / "ref"),
                            args.ref], check=True)
            compileall.compile_dir(tmp / "ref" / "src", quiet=1)
            trees[f" [{args.ref}]"] = {**os.environ, "PYTHONPATH": str(tmp / "ref" / "src")}
        try:
            commands = {"python -c pass": ([sys.executable, "-c", "pass"], None)}
            for tree, env in trees.items():
                commands |= {
                    f"resdiff --help{tree}": ([*resdiff, "--help"], env),
                    f"resdiff parse (seed){tree}": ([*resdiff, "parse", str(SEED)], env),
                    f"resdiff compare (zh pair){tree}": ([*resdiff, "compare", str(OLD), str(NEW)], env),
                    f"resdiff redline (zh pair){tree}": ([*resdiff, "redline", str(OLD), str(NEW), "-o",
                                                          str(tmp / "r.docx"), "--force"], env),
                }
            if jubarte:
                commands["jubarte-redlines compare (same, .docx)"] = (
                    [*jubarte, "-q", "compare", str(old_docx), str(new_docx), "-o", str(tmp / "j.docx"), "--force"],
                    None)
            times = alternate(commands, args.runs)
        finally:
            if args.ref:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "ref")])

    load_after = os.getloadavg()[0]
    med = {name: statistics.median(w for w, _ in t) for name, t in times.items()}
    cpu = {name: statistics.median(c for _, c in t) for name, t in times.items()}
    print(f"  {'':<40} {'wall median':>12} {'wall min':>9} {'CPU median':>11}")
    for name, t in times.items():
        print(f"  {name:<40} {med[name] * 1000:9.0f} ms {min(w for w, _ in t) * 1000:6.0f} ms {cpu[name] * 1000:8.0f} ms")
    floor = med["python -c pass"]
    cpu_floor = cpu["python -c pass"]
    for tree in trees:
        print(f"\n  resdiff{tree} --help over python -c pass: {(med[f'resdiff --help{tree}'] - floor) * 1000:.0f} ms wall, "
              f"{(cpu[f'resdiff --help{tree}'] - cpu_floor) * 1000:.0f} ms CPU   (target ≤ 60 ms)")
        print(f"  resdiff{tree} compare, zh pair: {med[f'resdiff compare (zh pair){tree}']:.3f} s wall, "
              f"{cpu[f'resdiff compare (zh pair){tree}']:.3f} s CPU   (target ≤ 0.2 s)")
        if jubarte:
            ours, theirs = f"resdiff redline (zh pair){tree}", "jubarte-redlines compare (same, .docx)"
            print(f"  redline ratio resdiff{tree} / jubarte-redlines: {med[ours] / med[theirs]:.2f} wall, "
                  f"{cpu[ours] / cpu[theirs]:.2f} CPU   (target ≤ 1.0)")
    if not jubarte:
        print("  jubarte-redlines not installed (pip install -e '.[test]'): no baseline ratio")
    busy = " — a busy machine: wall times are inflated, prefer the CPU figures or run again" if max(
        load_before, load_after) > 1.5 else ""
    print(f"  load average (1 min) {load_before:.1f} before, {load_after:.1f} after{busy}")

if __name__ == "__main__":
    main()
