"""`resdiff serve` benchmarks: the seed pair through the HTTP API, and the server's memory over many requests.

Baseline, measured in the same run: the same work in process — both texts read from files, compared,
and rendered as JSON (what one API request does, minus HTTP and multipart).

    python benchmarks/serve_bench.py           # 30 timed requests, 200 for memory
    python benchmarks/serve_bench.py --quick   # fewer

Targets (issue 14): seed pair compare through the API ≤ 150 ms warm; the server's memory after 200
requests within 20 % of its memory after 10.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import httpx  # noqa: E402
from generate import seed_pair  # noqa: E402

from resdiff.comparison import compare  # noqa: E402
from resdiff.read import read_file  # noqa: E402
from resdiff.render.json import comparison_dict, dumps  # noqa: E402
from resdiff.render.text import resolution_text  # noqa: E402

SEED = ROOT / "examples" / "A_RES_75_180.zh.txt"
EXAMPLES = ROOT / "examples"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    repeat = 10 if args.quick else 30
    many = 200

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")
    old, new = seed_pair(read_file(SEED))
    old_bytes, new_bytes = resolution_text(old).encode("utf-8"), resolution_text(new).encode("utf-8")

    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path = Path(tmp) / "old.txt", Path(tmp) / "new.txt"
        old_path.write_bytes(old_bytes)
        new_path.write_bytes(new_bytes)

        def in_process():
            return dumps(comparison_dict(compare(read_file(old_path), read_file(new_path))))

        in_process()  # warm: jieba's dictionary blocks, caches
        base = timed(in_process, repeat)

    proc = subprocess.Popen([sys.executable, "-m", "resdiff", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        url = re.search(r"(http://\S+?)/\s", proc.stdout.readline()).group(1)
        seed_files = {"old": ("old.txt", old_bytes), "new": ("new.txt", new_bytes)}
        pairs = [seed_files] + [
            {"old": (a, (EXAMPLES / a).read_bytes()), "new": (b, (EXAMPLES / b).read_bytes())}
            for a, b in (("A_RES_72_169.en.txt", "A_RES_74_153.en.txt"),
                         ("A_RES_51_102.zh.excerpt.txt", "A_RES_55_105.zh.excerpt.txt"),
                         ("A_HRC_RES_28_2.en.excerpt.txt", "A_HRC_RES_38_3.en.excerpt.txt"))]
        with httpx.Client(base_url=url, timeout=120) as client:
            def api():
                r = client.post("/api/compare", files=seed_files)
                assert r.status_code == 200, r.text

            api()  # warm
            through_api = timed(api, repeat)
            same = json.loads(dumps(comparison_dict(compare(read_named(old_bytes, "old.txt"),
                                                            read_named(new_bytes, "new.txt")))))
            assert client.post("/api/compare", files=seed_files).json() == same, "the API answers otherwise"

            # memory: compares and redlines of four pairs; the first 8 requests make each kind once, so the
            # figure after 10 is of a server that has run every code path and loaded every module
            def request(i: int):
                endpoint = "/api/redline" if (i // len(pairs)) % 2 else "/api/compare"
                r = client.post(endpoint, files=pairs[i % len(pairs)])
                assert r.status_code == 200, r.text

            rss = {}
            for i in range(many):
                request(i)
                if i + 1 in (10, 50, 100, 150, many):
                    rss[i + 1] = rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    def fig(times: list[float]) -> str:
        return f"median {statistics.median(times) * 1000:6.1f} ms  (min {min(times) * 1000:6.1f})"

    print(f"\nseed pair ({len(old.paragraphs)} → {len(new.paragraphs)} paragraphs), {repeat} runs each, warm:")
    print(f"  POST /api/compare (HTTP, multipart, JSON)   {fig(through_api)}   target ≤ 150 ms")
    print(f"  baseline: in-process read+compare+JSON     {fig(base)}")
    print(f"  cost of the server over in-process:        {(statistics.median(through_api) - statistics.median(base)) * 1000:6.1f} ms")
    growth = (rss[many] - rss[10]) / rss[10] * 100
    steps = ", ".join(f"{n}: {mb:.1f}" for n, mb in rss.items())
    print(f"\nserver memory (RSS, MB) after n requests (compares and redlines of 4 pairs): {steps}")
    print(f"  after {many} vs after 10: {growth:+.1f} %   target within 20 %")


def read_named(data: bytes, name: str):
    """Read ``data`` as the server does: from a temporary file, named after the upload."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return dataclasses.replace(read_file(path), source=name)


if __name__ == "__main__":
    main()
