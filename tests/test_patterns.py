"""patterns: resdiff's regular expressions come from a persistent cache of sre code, and a pattern from
the cache is the pattern ``re.compile`` makes — for every pattern a real run of resdiff compiles.

Every test points RESDIFF_CACHE_DIR at a temporary folder (its own process, or a subprocess)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from resdiff import patterns
from resdiff.patterns import lazy_compile

SRC = Path(patterns.__file__).resolve().parent
TEXTS = ["A_RES_55_105.zh.excerpt.txt", "A_RES_75_180.zh.txt", "A_RES_75_180.en.txt", "A_RES_74_153.en.txt"]

# Runs resdiff's commands on corpus texts in one process, then imports every module of resdiff and
# uses every lazily compiled module-level pattern; counts the sre compilations made by patterns.py
# (its own, and re.compile's when it falls back) and writes the counts to argv[1].
RUN = r"""
import importlib, json, pkgutil, re, sys
from re import _parser

parsed = []
real_parse = _parser.parse

def counting_parse(*args, **kwargs):
    frame = sys._getframe(1)
    for _ in range(6):
        if frame is None:
            break
        if frame.f_code.co_filename.endswith("patterns.py"):
            parsed.append(args[0])
            break
        frame = frame.f_back
    return real_parse(*args, **kwargs)

_parser.parse = counting_parse
mode, argvs = sys.argv[1], json.loads(sys.argv[2])
import resdiff
from resdiff import patterns
from resdiff.cli import main

for argv in argvs:
    sys.argv = ["resdiff", *argv]
    try:
        main()
    except SystemExit as stop:
        assert stop.code in (0, 1, None), (argv, stop.code)
if mode == "--all":
    for info in pkgutil.walk_packages(resdiff.__path__, "resdiff."):
        if info.name != "resdiff.__main__":
            module = importlib.import_module(info.name)
            for value in list(vars(module).values()):
                if isinstance(value, patterns.LazyPattern):
                    value.search
with open(REPORT, "w") as fh:
    json.dump({"parsed": len(parsed), "served": len(patterns._used), "new": len(patterns._new)}, fh)
"""


def run_resdiff(cache: Path, report: Path, commands: list[list[str]], cwd: Path, *, everything: bool = True,
                python: str = sys.executable) -> tuple[dict, subprocess.CompletedProcess]:
    code = RUN.replace("REPORT", repr(str(report)))
    args = [python, "-c", code, "--all" if everything else "--commands-only", json.dumps(commands)]
    done = subprocess.run(args, cwd=cwd, env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)},
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(report.read_text()), done


def commands(out: Path) -> list[list[str]]:
    c = str(CORPUS)
    return [
        ["redline", f"{c}/A_RES_51_102.zh.excerpt.txt", f"{c}/A_RES_55_105.zh.excerpt.txt", "-o", str(out / "zh.docx"), "--force",
         "--date", "2026-01-01T00:00:00Z"],
        ["redline", f"{c}/A_RES_74_153.en.txt", f"{c}/A_RES_75_180.en.txt", "-o", str(out / "en.docx"), "--force",
         "--date", "2026-01-01T00:00:00Z"],
        ["compare", f"{c}/A_RES_51_102.zh.excerpt.txt", f"{c}/A_RES_55_109.zh.excerpt.txt", "--format", "json"],
        ["compare", f"{c}/A_RES_72_169.en.txt", f"{c}/A_RES_74_153.en.txt", "-f", "amendments", "-o", str(out / "am.txt"), "--force"],
        ["apply-amendments", f"{c}/A_RES_72_169.en.txt", str(out / "am.txt")],
        ["history", f"{c}/A_RES_72_169.en.txt", f"{c}/A_RES_74_153.en.txt", f"{c}/A_RES_75_180.en.txt"],
        ["draft", f"{c}/A_RES_75_180.zh.txt"],
        ["draft", f"{c}/A_RES_75_180.en.txt"],
        ["parse", f"{c}/pdf/A_RES_79_156.en.pdf"],
        ["parse", f"{c}/docx-peer/LIR005-fr-FR-cardinalText.docx"],
    ]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """A cold cache folder, filled by one process running real commands: (folder, counts, stdout, output
    folder)."""
    cache, out = tmp_path_factory.mktemp("pattern-cache"), tmp_path_factory.mktemp("pattern-out")
    counts, done = run_resdiff(cache, out / "report.json", commands(out), out)
    return cache, counts, done.stdout, out


def new_process(monkeypatch=None) -> None:
    """``patterns`` as a new process finds it: nothing compiled, the file not read yet."""
    for name, value in (("_compiled", {}), ("_loaded", False), ("_stored", None), ("_new", {}), ("_used", set())):
        if monkeypatch is None:
            setattr(patterns, name, value)
        else:
            monkeypatch.setattr(patterns, name, value)


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """``patterns`` as in a new process whose cache folder is ``tmp_path`` (restored after the test)."""
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path))
    new_process(monkeypatch)
    return tmp_path


def stored(cache: Path) -> dict:
    (path,) = cache.glob("regex-*.bin")
    return patterns._read(str(path))


def same_pattern(cached: re.Pattern, pattern, flags) -> None:
    fresh = re.compile(pattern, flags)
    assert cached == fresh  # sre compares flags, pattern and the code, word for word
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \
        (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)


# ── every pattern of a run ───────────────────────────────────────────────────────────────────────

def test_a_run_records_every_pattern_and_each_is_the_one_re_compile_makes_on_real_texts(first_run, fresh):
    cache, counts, _, _ = first_run
    entries = stored(cache)
    assert counts["parsed"] == len(entries) > 250 and counts["served"] == 0
    shutil.copy(next(cache.glob("regex-*.bin")), fresh)
    texts = [(CORPUS / name).read_text(encoding="utf-8") for name in TEXTS]
    for pattern, flags in entries:
        cached = patterns.compile(pattern, flags)
        assert (pattern, flags) in patterns._used  # from the file
        same_pattern(cached, pattern, flags)
        fresh_pattern = re.compile(pattern, flags)
        for text in texts if isinstance(pattern, str) else [t.encode() for t in texts]:
            assert [(m.span(), m.groups()) for m in cached.finditer(text)] == \
                [(m.span(), m.groups()) for m in fresh_pattern.finditer(text)], pattern
            for line in text.splitlines():
                found, expected = cached.search(line), fresh_pattern.search(line)
                assert (found and found.span()) == (expected and expected.span()), (pattern, line)
    assert not patterns._new


def test_the_cache_holds_the_costly_chinese_classes_and_the_lazily_compiled_patterns(first_run):
    keys = set(stored(first_run[0]))
    from resdiff import normalize
    from resdiff.read import structure, text

    assert (normalize._SPACE_NEXT_TO_CJK.pattern, 0) in keys  # a CJK class: ~2 ms to compile
    assert (text._CJK_SPACED.pattern, 0) in keys and (structure._SESSION_EN.pattern, re.I) in keys


def test_a_second_process_compiles_none_of_resdiffs_patterns(first_run, tmp_path):
    cache, first, stdout, out = first_run
    before = next(cache.glob("regex-*.bin")).read_bytes()
    second, done = run_resdiff(cache, tmp_path / "report.json", commands(tmp_path), tmp_path)
    assert first["parsed"] > 250 and second["parsed"] == 0 and second["new"] == 0
    assert second["served"] == first["parsed"]
    assert done.stdout.replace(str(tmp_path), "OUT") == stdout.replace(str(out), "OUT")
    for name in ("zh.docx", "en.docx", "am.txt"):  # the same Word files (their parts; zip times differ)
        assert zip_parts(tmp_path / name) == zip_parts(out / name)
    assert next(cache.glob("regex-*.bin")).read_bytes() == before  # nothing new: not rewritten


def test_help_compiles_nothing_and_never_reads_the_cache(tmp_path):
    code = ("import runpy, sys\nsys.argv = ['resdiff', '--help']\n"
            "try:\n    runpy.run_module('resdiff', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "p = sys.modules.get('resdiff.patterns')\nprint('LOADED', p is not None and p._loaded, file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "RESDIFF_CACHE_DIR": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "LOADED False" in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


# ── a cache that cannot be used: the patterns are still right ────────────────────────────────────

SAMPLE = [(r"[\u3400-\u9fff]", 0), (r"(?P<year>\d{4})\s*年\s*(\d{1,2})\s*月|session", re.I),
          (r"^(\d{1,3})(?:\s*(bis|ter))?\s*[.．](?=\s|$|\S)", 0), (rb"\s+", 0), (r"\bthe\b", re.I | re.M)]


def compile_sample() -> None:
    text = SEED.read_text(encoding="utf-8")
    for pattern, flags in SAMPLE:
        compiled = patterns.compile(pattern, flags)
        same_pattern(compiled, pattern, flags)
        if isinstance(pattern, str):
            assert compiled.findall(text) == re.findall(pattern, text, flags)


def write_cache(folder: Path, entries: dict, head: bytes | None = None) -> Path:
    body = marshal_dumps(entries)
    path = Path(patterns.cache_file())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((head or patterns._header()) + b"%08x" % zlib.crc32(body) + body)
    return path


def zip_parts(path: Path) -> list[tuple[str, bytes]]:
    import zipfile

    if not zipfile.is_zipfile(path):
        return [("", path.read_bytes())]
    with zipfile.ZipFile(path) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def marshal_dumps(entries: dict) -> bytes:
    import marshal

    return marshal.dumps(entries)


def test_round_trip_in_one_folder(fresh):
    compile_sample()
    assert len(patterns._new) == len(SAMPLE) and not patterns._used
    patterns.save()
    assert set(stored(fresh)) == {(p, int(f)) for p, f in SAMPLE}


@pytest.mark.parametrize("damage", ["garbage", "empty", "truncated", "one byte changed", "other format"])
def test_a_damaged_file_is_ignored_and_replaced(fresh, damage):
    compile_sample()
    patterns.save()
    path = next(fresh.glob("regex-*.bin"))
    data = path.read_bytes()
    path.write_bytes({"garbage": os.urandom(len(data)), "empty": b"", "truncated": data[:len(data) // 2],
                      "one byte changed": data[:-40] + bytes([data[-40] ^ 0x01]) + data[-39:],
                      "other format": data.replace(b"resdiff patterns 1|", b"resdiff patterns 0|")}[damage])
    new_process()
    compile_sample()
    assert not patterns._used and len(patterns._new) == len(SAMPLE)
    patterns.save()
    assert set(stored(fresh)) == {(p, int(f)) for p, f in SAMPLE}


def test_another_resdiff_version_starts_the_file_afresh(fresh, monkeypatch):
    import resdiff

    old = {("a pattern of an older resdiff", 0): (32, b"", 1, {}, ())}
    with monkeypatch.context() as older:
        older.setattr(resdiff, "__version__", "0.0.1")
        write_cache(fresh, old)
    compile_sample()
    assert not patterns._used
    patterns.save()
    assert set(stored(fresh)) == {(p, int(f)) for p, f in SAMPLE}  # the old version's entry is gone


def test_a_file_grown_past_the_limit_keeps_what_its_run_used(fresh, monkeypatch):
    extra = [(rf"edited pattern {n}\d+", 0) for n in range(6)]
    for pattern, flags in SAMPLE + extra:
        patterns.compile(pattern, flags)
    patterns.save()
    new_process()
    monkeypatch.setattr(patterns, "MAX_ENTRIES", len(SAMPLE) + len(extra))
    compile_sample()  # from the file
    patterns.compile(r"one more\s+pattern")  # new: the file would hold one more than the limit
    assert len(patterns._used) == len(SAMPLE) and len(patterns._new) == 1
    patterns.save()
    assert set(stored(fresh)) == {(p, int(f)) for p, f in SAMPLE} | {(r"one more\s+pattern", 0)}


def test_code_that_sre_refuses_is_compiled_again_and_replaced(fresh):
    """A file with a right checksum but a broken code list (as a changed sre would read it): _sre.compile
    checks the code and refuses it; the pattern is compiled as usual and its entry written anew."""
    compile_sample()
    good = dict(patterns._new)
    broken = {key: (flags, code[:-4], groups, groupindex, indexgroup)  # the final SUCCESS word cut off
              for key, (flags, code, groups, groupindex, indexgroup) in good.items()}
    write_cache(fresh, broken)
    new_process()
    compile_sample()
    assert not patterns._used and patterns._new == good
    patterns.save()
    assert stored(fresh) == good


def test_an_unwritable_cache_folder_changes_nothing(tmp_path):
    """The cache folder lies under a file: it cannot be made (even by root). The command works, says
    nothing about it, and prints what it prints with a working cache."""
    (tmp_path / "file").write_text("not a folder")
    args = [sys.executable, "-m", "resdiff", "compare", str(CORPUS / "A_RES_51_102.zh.excerpt.txt"),
            str(CORPUS / "A_RES_55_105.zh.excerpt.txt"), "--format", "json"]
    results = []
    for cache in (tmp_path / "file" / "cache", tmp_path / "ok"):
        results.append(subprocess.run(args, env={**os.environ, "RESDIFF_CACHE_DIR": str(cache)},
                                      capture_output=True, text=True, timeout=120))
    broken, working = results
    assert broken.returncode == working.returncode == 0
    assert broken.stdout == working.stdout and broken.stderr == working.stderr and "Traceback" not in broken.stderr


def test_the_file_of_another_interpreter_is_never_read(fresh, monkeypatch):
    compile_sample()
    entries = dict(patterns._new)
    ours = patterns.cache_file()
    with monkeypatch.context() as other:
        other.setattr(sys, "version", sys.version + " (another build)")
        assert patterns.cache_file() != ours  # another build: another file name
        other_head = patterns._header()
    write_cache(fresh, entries, head=other_head)  # and were it under our name, its header says whose it is
    new_process()
    compile_sample()
    assert not patterns._used and len(patterns._new) == len(SAMPLE)


OTHER_PYTHONS = [p for p in sorted(Path("/root/.pyenv/versions").glob("3.1[23]*/bin/python3")) if p.exists()] \
    if Path("/root/.pyenv/versions").is_dir() else []


@pytest.mark.skipif(not OTHER_PYTHONS, reason="no other CPython 3.12/3.13 on this machine")
@pytest.mark.parametrize("python", OTHER_PYTHONS, ids=lambda p: p.parent.parent.name)
def test_other_pythons_keep_their_own_file_and_get_the_same_patterns(first_run, tmp_path, python):
    """A real 3.12 or 3.13 (re._compiler's compile is the same three steps there) sharing the cache
    folder: its own file, the 3.11 file untouched, and every pattern equal to its re.compile's."""
    cache = tmp_path / "cache"
    shutil.copytree(first_run[0], cache)
    ours = {p.name: p.read_bytes() for p in cache.glob("regex-*.bin")}
    keys = [[p, f] for p, f in stored(first_run[0]) if isinstance(p, str)]
    code = ("import json, re, sys\nsys.path.insert(0, sys.argv[1])\nfrom resdiff import patterns\n"
            "keys = json.load(open(sys.argv[2]))\n"
            "bad = [p for p, f in keys if patterns.compile(p, f) != re.compile(p, f)]\n"
            "patterns.save()\nprint(json.dumps([len(keys), len(patterns._used), len(bad)]))\n")
    (tmp_path / "keys.json").write_text(json.dumps(keys))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")} | {"RESDIFF_CACHE_DIR": str(cache)}
    runs = [subprocess.run([str(python), "-c", code, str(SRC.parent), str(tmp_path / "keys.json")], env=env,
                           capture_output=True, text=True, timeout=120) for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr
    (n, served_first, bad_first), (_, served_second, bad_second) = (json.loads(r.stdout) for r in runs)
    assert n > 250 and (served_first, bad_first, bad_second) == (0, 0, 0) and served_second == n
    files = {p.name: p.read_bytes() for p in cache.glob("regex-*.bin")}
    assert len(files) == 2 and all(files[name] == data for name, data in ours.items())


class _Without:
    """A module with one attribute gone, as a new Python might have it."""

    def __init__(self, module, missing: str) -> None:
        self._module, self._missing = module, missing

    def __getattr__(self, name):
        if name == self._missing:
            raise AttributeError(name)
        return getattr(self._module, name)


def test_a_private_function_gone_falls_back_to_re_compile(fresh, monkeypatch):
    """re._compiler without _code (the step patterns.py calls itself): re.compile still works, and so
    does every pattern; nothing is recorded."""
    import re._compiler

    monkeypatch.setattr(re, "_compiler", _Without(re._compiler, "_code"))
    compile_sample()
    assert not patterns._new


def test_sre_refusing_the_stored_code_falls_back(fresh, monkeypatch):
    """_sre.compile with another signature (a new Python): a stored entry is not usable; the pattern is
    compiled by re.compile and is right."""
    compile_sample()
    patterns.save()
    new_process()

    class ChangedSre:
        def __getattr__(self, name):
            return getattr(sys.modules["re"]._compiler._sre, name)

        @staticmethod
        def compile(*args):
            raise TypeError("compile() takes exactly 7 arguments")

    monkeypatch.setitem(sys.modules, "_sre", ChangedSre())
    compile_sample()
    assert not patterns._used


def test_every_pattern_of_resdiff_goes_through_patterns():
    """A pattern written in src/resdiff is compiled by patterns.py; only patterns made from a document's
    own words use re directly, and say so."""
    call = re.compile(r"(?<![\w.])re\.(?:compile|sub|subn|search|match|fullmatch|findall|finditer|split)\(")
    direct = []
    for path in SRC.rglob("*.py"):
        if path.name == "patterns.py":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for k, line in enumerate(lines):
            if call.search(line) and "re, not" not in line and "re, not" not in lines[k - 1]:
                direct.append(f"{path.relative_to(SRC)}:{k + 1}: {line.strip()}")
    assert direct == []


# ── lazy_compile ─────────────────────────────────────────────────────────────────────────────────

def test_nothing_is_compiled_before_the_first_use():
    broken = lazy_compile(r"(unclosed")  # re.compile would raise here
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_answers_as_the_compiled_pattern_on_a_real_text():
    text = SEED.read_text(encoding="utf-8")
    source, flags = r"(?P<year>\d{4})\s*年\s*(\d{1,2})\s*月|session", re.I
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("<>", text) == compiled.sub("<>", text) and lazy.split(text) == compiled.split(text)
    assert lazy.findall(text) == compiled.findall(text) and lazy.search(text, 100).span() == compiled.search(text, 100).span()
    assert (lazy.flags, lazy.groups, lazy.groupindex, lazy.pattern) == (compiled.flags, compiled.groups, compiled.groupindex, source)
    assert lazy.match(text) is None and lazy.fullmatch("Session").group() == "Session"


def test_after_the_first_use_calls_go_straight_to_the_compiled_pattern():
    lazy = lazy_compile(r"\d+")
    assert lazy.search("a 12").group() == "12"
    assert lazy.search == patterns.compile(r"\d+").search and "sub" in vars(lazy)  # bound methods of the compiled pattern


# ── re's functions ───────────────────────────────────────────────────────────────────────────────

def test_the_functions_answer_as_res_on_a_real_text():
    text = SEED.read_text(encoding="utf-8")
    p = r"(\d{4})\s*年"
    assert patterns.search(p, text).span() == re.search(p, text).span()
    assert patterns.match(p, text) is None and patterns.fullmatch(p, "2020 年").group(1) == "2020"
    assert patterns.sub(p, r"<\1>", text, count=2) == re.sub(p, r"<\1>", text, count=2)
    assert patterns.subn(p, "", text) == re.subn(p, "", text)
    assert patterns.split(p, text, maxsplit=3) == re.split(p, text, maxsplit=3)
    assert patterns.findall(p, text) == re.findall(p, text)
    assert [m.span() for m in patterns.finditer("SESSION", text, re.I)] == [m.span() for m in re.finditer("SESSION", text, re.I)]
    assert patterns.compile(re.compile("x")) is re.compile("x")  # a compiled pattern is returned as re does
    assert patterns.compile(p) is patterns.compile(p)  # once per process
