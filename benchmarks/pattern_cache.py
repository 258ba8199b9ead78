"""What the pattern cache (src/resdiff/patterns.py) saves: the same tree, the same commands, three ways.

- "cache": the usual run, resdiff's patterns read from the cache file;
- "no cache": the baseline, every pattern compiled as before the cache (a cache folder whose pattern file
  name is taken by a folder: nothing read, nothing written; the jieba cache is there as usual);
- "first run": the cache file deleted before each run: every pattern compiled, and written at exit.

Per command, fresh processes in alternating rounds, medians of N (default 9): the process's CPU time
(user + system) and the CPU time spent in ``resdiff.patterns.compile`` (its outermost calls: compiling,
or reading the file and a pattern from it), with how many patterns came from the file.

    python benchmarks/pattern_cache.py [--runs 9]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
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


def commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "--help": ["--help"],
        "parse zh": ["parse", str(CORPUS / "A_RES_75_180.zh.txt")],
        "compare zh pair": ["compare", str(ZH_OLD), str(ZH_NEW), "--format", "json"],
        "compare en pair": ["compare", str(CORPUS / "A_RES_74_153.en.txt"), str(CORPUS / "A_RES_75_180.en.txt")],
        "redline zh pair": ["redline", str(ZH_OLD), str(ZH_NEW), "-o", str(tmp / "r.docx"), "--force"],
        "draft zh": ["draft", str(CORPUS / "A_RES_75_180.zh.txt")],
    }


def probe(report: str, argv: list[str]) -> None:
    """Run ``resdiff <argv>`` in this process, timing resdiff.patterns.compile; figures to ``report``."""
    from import_cost import run_here  # benchmarks/, this script's folder

    from resdiff import patterns

    spent, depth = [0.0], [0]
    compile_ = patterns.compile

    def timed(*args, **kwargs):
        if depth[0]:
            return compile_(*args, **kwargs)
        depth[0] += 1
        start = time.process_time()
        try:
            return compile_(*args, **kwargs)
        finally:
            depth[0] -= 1
            spent[0] += time.process_time() - start

    patterns.compile = timed
    run_here(argv)
    Path(report).write_text(json.dumps({"patterns": spent[0], "from cache": len(patterns._used)}))


def run_once(argv: list[str], cache: Path, tmp: Path) -> dict:
    report = tmp / "probe.json"
    report.unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, __file__, "--probe", str(report), *argv], cwd=tmp,
                          env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{argv} failed:\n{done.stderr[-2000:]}")
    figures = json.loads(report.read_text()) if report.exists() else {"patterns": 0.0, "from cache": 0}
    return {"cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), **figures}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    compileall.compile_dir(ROOT / "src", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cached, blocked, emptied = tmp / "cache", tmp / "no-cache", tmp / "first-run"
        for folder in (cached, blocked, emptied):
            folder.mkdir()
        cmds = commands(tmp)
        for argv in cmds.values():  # builds the jieba cache and the pattern cache
            run_once(argv, cached, tmp)
        for jieba in cached.glob("jieba-*"):
            (blocked / jieba.name).symlink_to(jieba)
            (emptied / jieba.name).symlink_to(jieba)
        for pattern_file in cached.glob("regex-*.bin"):
            (blocked / pattern_file.name).mkdir()  # the name taken by a folder: cannot be read or written
        modes = {"cache": cached, "no cache": blocked, "first run": emptied}
        results = {(mode, name): [] for mode in modes for name in cmds}
        load = os.getloadavg()[0]
        for _ in range(args.runs):
            for name, argv in cmds.items():
                for mode, folder in modes.items():
                    for pattern_file in emptied.glob("regex-*.bin"):
                        pattern_file.unlink()
                    results[mode, name].append(run_once(argv, folder, tmp))
    med = statistics.median
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load {load:.1f} → {os.getloadavg()[0]:.1f}; "
          f"median of {args.runs} alternating runs; CPU ms of the whole process, and in patterns.compile")
    print(f"{'command':<16}" + "".join(f"{mode:>26}" for mode in modes) + f"{'from cache':>12}")
    for name in cmds:
        row = f"{name:<16}"
        for mode in modes:
            runs = results[mode, name]
            row += f"{med(r['cpu'] for r in runs) * 1000:>13.0f} ({med(r['patterns'] for r in runs) * 1000:5.1f} in it)"
        print(row + f"{med(r['from cache'] for r in results['cache', name]):>12.0f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        probe(sys.argv[2], sys.argv[3:])
    else:
        main()
