"""PDF reading speed and memory, with pdftotext on the same files as the baseline in the same run.

    python benchmarks/pdf_speed.py [FOLDER]   (default: ../shared/corpus/pdf, else tests/corpus/pdf)

Targets (issue 8): a 5-page resolution parsed in-process in ≤ 100 ms; cold `resdiff parse X.pdf`
≤ 0.6 s; ≤ 150 MB for a 40-page document. The 40-page document is synthetic: the two longest PDFs of
the folder joined with PDFium (said so in the output).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import timed  # noqa: E402  (median wall time)


def _child_in_fresh_process(command: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB) of one run of ``command`` (a fresh wrapper process,
    since the children's peak memory is the largest child's so far)."""
    code = ("import resource,subprocess,sys,time;s=time.perf_counter();"
            f"subprocess.run({command!r},check=True,capture_output=True);"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "print(time.perf_counter()-s, u.ru_utime+u.ru_stime, u.ru_maxrss/1024)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def _cpu(fn, repeat: int) -> float:
    """Median CPU seconds of this process (wall time swings on a shared 2-core machine)."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    import pypdfium2 as pdfium

    from resdiff.read.pdf import read_pdf

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent.parent / "shared" / "corpus" / "pdf"
    if not folder.is_dir():
        folder = ROOT / "tests" / "corpus" / "pdf"
    files = sorted(folder.glob("*.pdf"))
    pages = {f: len(pdfium.PdfDocument(f)) for f in files}
    five = [f for f in files if pages[f] == 5] or sorted(files, key=lambda f: abs(pages[f] - 5))[:1]
    resdiff = shutil.which("resdiff") or str(Path(sys.executable).with_name("resdiff"))
    print(f"folder {folder}, {len(files)} PDFs")
    print("(wall: elapsed time; cpu: processor time, which the machine's load does not inflate)")
    for f in five[:3]:
        read_pdf(f)  # warm: imports and PDFium loaded once, as in a long-running process
        wall, cpu = timed(lambda: read_pdf(f), 7), _cpu(lambda: read_pdf(f), 7)
        base = [_child_in_fresh_process(["pdftotext", str(f), "/dev/null"]) for _ in range(5)]
        print(f"5-page in-process parse  {f.name:26} resdiff wall {1000 * wall:6.1f} ms, cpu {1000 * cpu:5.1f} ms"
              f"   (pdftotext process, text only: wall {1000 * statistics.median(b[0] for b in base):5.1f} ms, "
              f"cpu {1000 * statistics.median(b[1] for b in base):5.1f} ms)")
    for f in five[:1]:
        colds = [_child_in_fresh_process([resdiff, "parse", str(f)]) for _ in range(5)]
        bases = [_child_in_fresh_process(["pdftotext", str(f), "/dev/null"]) for _ in range(5)]
        print(f"cold `resdiff parse`     {f.name:26} median wall {statistics.median(c[0] for c in colds):.3f} s, "
              f"cpu {statistics.median(c[1] for c in colds):.3f} s   (pdftotext wall "
              f"{statistics.median(b[0] for b in bases):.3f} s, cpu {statistics.median(b[1] for b in bases):.3f} s)")
    longest = sorted(files, key=lambda f: -pages[f])[:2]
    with tempfile.TemporaryDirectory() as work:
        joined = pdfium.PdfDocument.new()
        for f in longest:
            joined.import_pages(pdfium.PdfDocument(f))
        big = Path(work) / "joined.pdf"
        joined.save(big)
        n = len(joined)
        seconds, cpu, mb = _child_in_fresh_process([resdiff, "parse", str(big)])
        base_seconds, base_cpu, base_mb = _child_in_fresh_process(["pdftotext", str(big), "/dev/null"])
        print(f"{n}-page document (synthetic: {' + '.join(f.name for f in longest)} joined): "
              f"resdiff parse wall {seconds:.2f} s, cpu {cpu:.2f} s, peak {mb:.0f} MB   "
              f"(pdftotext wall {base_seconds:.2f} s, cpu {base_cpu:.2f} s, {base_mb:.0f} MB)")


if __name__ == "__main__":
    main()
