"""What resdiff pays before it does any work: module imports, regular expressions compiled, dataclasses made.

Each figure comes from a fresh process running a real command (``parse``, ``compare`` and ``draft`` of
an English and a Chinese text, ``redline`` of the Chinese pair), in the same run as its baselines:

- ``python -c pass``, the floor of any Python start;
- the same commands on another commit (``--ref``, default ``main~1``), checked out into a temporary
  git worktree and run with the same interpreter, so "before" and "after" share the machine's load.

Per command, medians of N alternating runs (default 9): the process's CPU time (what a loaded, shared
machine inflates least) and wall time; the self time of resdiff's own modules as ``-X importtime``
reports it; how many regular expressions sre compiled (``re._parser.parse`` calls: by ``re.compile``,
or by ``resdiff.patterns`` for a pattern not in its cache yet) and the CPU time spent getting compiled
patterns (outermost ``re._compiler.compile`` and ``resdiff.patterns.compile`` calls: sre building a
pattern's code, e.g. marking every character of a CJK range one by one, or reading it from resdiff's
pattern cache), and how many patterns came from that cache;
how many dataclasses were made and the time ``dataclasses`` took (it ``exec``s each generated method),
the ``__init__`` that ``resdiff.records`` compiles on a record's first instance counted in (and in n).
Then the costliest resdiff modules and patterns of one run of ``compare`` of the Chinese pair.

    python benchmarks/import_cost.py [--runs 9] [--ref main~1 | --ref none]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
ZH_OLD, ZH_NEW = CORPUS / "A_RES_51_102.zh.excerpt.txt", CORPUS / "A_RES_55_105.zh.excerpt.txt"
EN_OLD, EN_NEW = CORPUS / "A_RES_74_153.en.txt", CORPUS / "A_RES_75_180.en.txt"
ZH_SEED, EN_SEED = CORPUS / "A_RES_75_180.zh.txt", CORPUS / "A_RES_75_180.en.txt"
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)")


def commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "parse en": ["parse", str(EN_SEED)],
        "parse zh": ["parse", str(ZH_SEED)],
        "compare en pair": ["compare", str(EN_OLD), str(EN_NEW), "--format", "json"],
        "compare zh pair": ["compare", str(ZH_OLD), str(ZH_NEW), "--format", "json"],
        "redline zh pair": ["redline", str(ZH_OLD), str(ZH_NEW), "-o", str(tmp / "r.docx"), "--force"],
        "draft en": ["draft", str(EN_SEED)],
        "draft zh": ["draft", str(ZH_SEED)],
    }


# ── in the measured process ──────────────────────────────────────────────────────────────────────

def probe(report: str, argv: list[str]) -> None:
    """Run ``resdiff <argv>`` in this process with re's compiler and dataclasses timed; write the
    figures as JSON to ``report``."""
    import dataclasses
    import re._compiler as sre_compiler

    import re._parser as sre_parser

    costs = {"regex": [0, 0.0, 0.0], "dataclass": [0, 0.0, 0.0], "parsed": 0}
    patterns: list[tuple[float, str]] = []
    depth = [0]

    def timed(kind, func):
        def wrapper(*args, **kwargs):
            if depth[0]:  # inside another timed call (resdiff.patterns falling back to re.compile)
                return func(*args, **kwargs)
            depth[0] += 1
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                depth[0] -= 1
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                entry = costs[kind]
                entry[0] += 1
                entry[1] += wall
                entry[2] += cpu
                if kind == "regex":
                    patterns.append((cpu, str(args[0])[:90]))
        return wrapper

    def counted(func):
        def wrapper(*args, **kwargs):
            costs["parsed"] += 1
            return func(*args, **kwargs)
        return wrapper

    sre_compiler.compile = timed("regex", sre_compiler.compile)
    sre_parser.parse = counted(sre_parser.parse)
    try:
        from resdiff import patterns as cached_patterns
    except ImportError:  # a tree before the pattern cache
        cached_patterns = None
    else:
        cached_patterns.compile = timed("regex", cached_patterns.compile)
    dataclasses._process_class = timed("dataclass", dataclasses._process_class)
    from resdiff import records  # (imports only dataclasses, imported above anyway)

    if hasattr(records, "_init_function"):  # a record's __init__, compiled on its first instance
        records._init_function = timed("dataclass", records._init_function)
    run_here(argv)
    patterns.sort(reverse=True)
    costs["from cache"] = len(cached_patterns._used) if cached_patterns else 0
    Path(report).write_text(json.dumps({"costs": costs, "patterns": patterns[:12]}))


def run_here(argv: list[str]) -> None:
    """``resdiff <argv>`` in this process, its output thrown away (exit status 0 or 1 expected)."""
    import runpy

    sys.argv = ["resdiff", *argv]
    sys.stdout = open(os.devnull, "w")
    try:
        runpy.run_module("resdiff", run_name="__main__")
    except SystemExit as stop:
        if stop.code not in (0, 1, None):
            raise
    finally:
        sys.stdout = sys.__stdout__


# ── in the benchmark's process ───────────────────────────────────────────────────────────────────

def run_once(src: Path | None, argv: list[str], tmp: Path) -> dict:
    """One fresh process: CPU and wall time, resdiff's import self times, regex and dataclass costs."""
    env = dict(os.environ)
    if src is not None:  # another tree's resdiff, ahead of this environment's (editable) install
        env["PYTHONPATH"] = str(src)
    report = tmp / "probe.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-X", "importtime", __file__, "--probe", str(report), *argv],
                          env=env, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{argv} failed:\n{done.stderr[-2000:]}")
    modules = {}
    for line in done.stderr.splitlines():
        found = IMPORT_LINE.match(line)
        if found and found[4].split(".")[0] == "resdiff":
            modules[found[4]] = int(found[1]) / 1e6
    probe_figures = json.loads(report.read_text())
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "modules": modules, **probe_figures}


def floor_once() -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def checkout(ref: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(into), ref], check=True)
    return into / "src"


def summary(runs: list[dict]) -> dict[str, float]:
    med = statistics.median
    return {
        "cpu": med(r["cpu"] for r in runs) * 1000,
        "wall": med(r["wall"] for r in runs) * 1000,
        "imports": med(sum(r["modules"].values()) for r in runs) * 1000,
        "regex n": med(r["costs"]["parsed"] for r in runs),
        "from cache": med(r["costs"]["from cache"] for r in runs),
        "regex cpu": med(r["costs"]["regex"][2] for r in runs) * 1000,
        "dataclass n": med(r["costs"]["dataclass"][0] for r in runs),
        "dataclass cpu": med(r["costs"]["dataclass"][2] for r in runs) * 1000,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--ref", default="main~1", help="commit to compare with, or 'none'")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trees: dict[str, Path | None] = {"this tree": None}
        if args.ref != "none":
            trees[args.ref] = checkout(args.ref, tmp / "ref")
        try:
            # byte-compiled, as pip install leaves them (PYTHONDONTWRITEBYTECODE would otherwise make
            # every run compile every module)
            for src in [ROOT / "src", *(s for s in trees.values() if s)]:
                compileall.compile_dir(src, quiet=1)
            cmds = commands(tmp)
            results = {(tree, name): [] for tree in trees for name in cmds}
            floor = []
            for tree, src in trees.items():  # warm-up: jieba's cache, the OS's file cache
                for argv in cmds.values():
                    run_once(src, argv, tmp)
            for _ in range(args.runs):
                floor.append(floor_once())
                for name, argv in cmds.items():
                    for tree, src in trees.items():
                        results[tree, name].append(run_once(src, argv, tmp))
        finally:
            if args.ref != "none":
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tmp / "ref")])

    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}; "
          f"median of {args.runs} alternating runs; times in ms (CPU = user + system of the process)")
    print(f"python -c pass: {statistics.median(c for _, c in floor) * 1000:.0f} CPU, "
          f"{statistics.median(w for w, _ in floor) * 1000:.0f} wall\n")
    head = f"{'command':<17} {'tree':<11} {'CPU':>5} {'wall':>5} {'resdiff imports':>15} {'regex n':>8} " \
           f"{'from cache':>10} {'regex CPU':>9} {'dataclass n':>11} {'dataclass CPU':>13}"
    print(head)
    for name in cmds:
        for tree in trees:
            s = summary(results[tree, name])
            print(f"{name:<17} {tree:<11} {s['cpu']:5.0f} {s['wall']:5.0f} {s['imports']:15.1f} {s['regex n']:8.0f} "
                  f"{s['from cache']:10.0f} "
                  f"{s['regex cpu']:9.1f} {s['dataclass n']:11.0f} {s['dataclass cpu']:13.1f}")

    last = results["this tree", "compare zh pair"][-1]
    print("\ncompare zh pair, this tree, one run — costliest resdiff modules (import self time, ms):")
    for module, seconds in sorted(last["modules"].items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {seconds * 1000:6.1f}  {module}")
    print("costliest regular expressions compiled or read from the pattern cache (CPU ms):")
    for cpu, pattern in last["patterns"][:8]:
        print(f"  {cpu * 1000:6.2f}  {pattern!r}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        probe(sys.argv[2], sys.argv[3:])
    else:
        main()
