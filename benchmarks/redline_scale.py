"""Growth of the Word writer with document size: 1,000 → 50,000 paragraphs.

    .venv/bin/python benchmarks/redline_scale.py [SIZES…]

For each size (generated from the English 75/180, ~5 % of the paragraphs edited, one move, insertion and
deletion: benchmarks/generate.py) a fresh process compares the pair once, then times
``redline_document`` and reports the peak memory the redline added to the process (resident memory
sampled while it runs, minus before; the new text's size in MB beside it). Baseline, measured in the same run on the same plans: the writer resdiff had before,
python-docx's ``add_paragraph`` / ``add_run`` for every paragraph and run (python-docx looks for the
section properties among all body children on every ``add_paragraph``, so it grows quadratically);
it is run up to 10,000 paragraphs only.
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = [1_000, 5_000, 10_000, 50_000]
BASELINE_MAX = 10_000


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


class _PeakSampler:
    """Peak resident memory while a block runs, sampled every 5 ms (ru_maxrss cannot tell the
    redline's peak from the comparison's before it)."""

    def __enter__(self):
        import threading

        self.base = self.peak = _rss_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss_mb())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss_mb())


def _child(size: int, which: str) -> dict:
    import gc

    sys.path.insert(0, str(HERE))
    from generate import scaled_pair

    from resdiff import compare, load
    from resdiff.render import docx as writer

    seed = load(HERE.parent / "tests" / "corpus" / "A_RES_75_180.en.txt")
    old, new = scaled_pair(seed, size)
    cmp = compare(old, new)
    gc.collect()
    with _PeakSampler() as memory:
        start = time.perf_counter()
        if which == "resdiff":
            data = writer.redline_document(cmp)
        else:
            data = _python_docx_writer(writer, cmp)
        seconds = time.perf_counter() - start
    text_mb = sum(len(p.text.encode()) for p in new.paragraphs) / 2**20
    return {"seconds": seconds, "added_mb": memory.peak - memory.base, "text_mb": text_mb,
            "docx_mb": len(data) / 1e6, "paragraphs": len(new.paragraphs)}


def _python_docx_writer(writer, cmp) -> bytes:
    """The baseline: the same plans written through python-docx's friendly API (no revisions)."""
    import io

    from docx import Document

    plans = writer._redline_plans(cmp)
    doc = Document(io.BytesIO(writer._template_bytes(cmp.new.language)))
    for plan in plans:
        p = doc.add_paragraph()
        p._p.style = plan.style.style
        for piece in plan.pieces:
            if piece.text:
                run = p.add_run(piece.text)
                if piece.bold:
                    run.bold = True
                if piece.italic:
                    run.italic = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _run(size: int, which: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(size), which],
                          capture_output=True, text=True, timeout=3600)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(_child(int(argv[1]), argv[2])))
        return
    sizes = [int(a) for a in argv] or SIZES
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.machine()}, Python {platform.python_version()}")
    print(f"{'paragraphs':>10}  {'text':>7}  {'redline':>9}  {'µs/para':>8}  {'added peak':>10}  {'.docx':>7}  "
          f"{'baseline (python-docx API)':>27}")
    for size in sizes:
        ours = _run(size, "resdiff")
        base = _run(size, "python-docx") if size <= BASELINE_MAX else None
        base_text = f"{base['seconds']:8.2f} s  {base['added_mb']:6.0f} MB" if base else "not run"
        print(f"{ours['paragraphs']:>10,}  {ours['text_mb']:4.1f} MB  {ours['seconds']:7.2f} s  {ours['seconds'] / size * 1e6:8.0f}  "
              f"{ours['added_mb']:7.0f} MB  {ours['docx_mb']:5.1f} MB  {base_text:>27}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
