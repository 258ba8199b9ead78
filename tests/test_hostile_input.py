"""Issue 11: hostile and huge input, one test per attack. Each runs the real CLI in a child process under
a memory cap (RLIMIT_AS) and a time cap, and checks the exit code, the message, and that nothing
outside the output path changed. Attack files are generated here (small on disk)."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from hostile import (NUMBERED, PARAGRAPHS, changed, document_xml, make_docx, numbering_xml, paragraph, plain_body,
                     run_cli, snapshot)

EN = CORPUS / "A_RES_75_180.en.txt"


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One jieba block cache for the module's child processes (built once, by the first Chinese run)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def work(tmp_path, cache):
    """A folder with copies of two real texts, and the environment the child runs with."""
    (tmp_path / "old.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "en.txt").write_bytes(EN.read_bytes())
    (tmp_path / "new.txt").write_text(SEED.read_text(encoding="utf-8").replace("认识到", "充分认识到", 1), encoding="utf-8")
    return tmp_path, {"RESDIFF_CACHE_DIR": str(cache)}


def _err(proc) -> str:
    return proc.stderr.decode("utf-8", "replace")


def assert_user_error(proc, *words: str) -> None:
    """Exit 2 with Error/Hint, no traceback, every word in the message."""
    err = _err(proc)
    assert proc.returncode == 2, (proc.returncode, err)
    assert err.startswith("Error: ") and "\nHint: " in err, err
    assert "Traceback" not in err
    for word in words:
        assert word.lower() in err.lower(), (word, err)


def assert_ok(proc) -> None:
    assert proc.returncode in (0, 1), (proc.returncode, _err(proc))
    assert "Traceback" not in _err(proc)


# ── 1. outputs: only regular files ──────────────────────────────────────────────────────────────────

@pytest.mark.parametrize("force", [False, True])
def test_fifo_as_output_is_refused_even_with_force(work, force):
    folder, env = work
    os.mkfifo(folder / "n")
    before = snapshot(folder)
    proc = run_cli(["parse", "old.txt", "-o", "n", *(["--force"] if force else [])], folder, env=env)
    assert_user_error(proc, "not a regular file")
    assert stat.S_ISFIFO((folder / "n").lstat().st_mode)
    assert changed(before, snapshot(folder)) == set()


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_device_as_output_is_refused_with_force(work):
    folder, env = work
    os.symlink("/dev/null", folder / "null.md")
    proc = run_cli(["compare", "old.txt", "old.txt", "-o", "null.md", "--force"], folder, env=env)
    assert_user_error(proc, "not a regular file")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_force_keeps_the_mode_of_the_replaced_file(work):
    folder, env = work
    out = folder / "private.json"
    out.write_text("{}")
    out.chmod(0o600)
    proc = run_cli(["parse", "old.txt", "-o", "private.json", "--force"], folder, env=env)
    assert_ok(proc)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("{") and len(out.read_text()) > 100


def test_two_runs_racing_for_one_output_never_both_succeed(work):
    """Synthetic race: many pairs of runs writing the same -o without --force; at most one wins each."""
    folder, env = work
    for trial in range(6):
        name = f"race{trial}.json"
        procs = [subprocess.Popen([sys.executable, "-m", "resdiff", "parse", "old.txt", "-o", name],
                                  cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env={**os.environ, **env}) for _ in range(2)]
        codes = [p.wait(timeout=120) for p in procs]
        for p in procs:
            p.stderr.close()
        assert sorted(codes) == [0, 2], codes
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_sigterm_mid_write_leaves_no_temporary_file(work):
    """Stop the child inside write_atomic (a fifo-free way: a huge write to a slow path is not
    portable, so the child runs write_atomic itself and is killed while it holds the temp file)."""
    folder, _ = work
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import resdiff.io as rio\n"
        "real = os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "os.fsync = slow\n"
        "rio.write_atomic(Path(sys.argv[1]), b'x' * 1000)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(folder / "out.docx")], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"writing"
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]  # the temp file exists now
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM
    proc.stdout.close()
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert not (folder / "out.docx").exists()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_output_folder(work):
    folder, env = work
    ro = folder / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        proc = run_cli(["parse", "old.txt", "-o", "ro/x.json"], folder, env=env)
    finally:
        ro.chmod(0o755)
    assert_user_error(proc, "cannot write", "Permission denied")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_disk_full_is_an_error_not_a_crash(work, monkeypatch):
    """Synthetic disk full: write_atomic's temporary file is /dev/full (writes fail with ENOSPC)."""
    import tempfile

    from resdiff.errors import UserError
    from resdiff.io import write_atomic

    folder, _ = work
    monkeypatch.setattr(tempfile, "mkstemp", lambda **kw: (os.open("/dev/full", os.O_WRONLY), "/nonexistent/x.tmp"))
    monkeypatch.setattr(os, "fchmod", lambda fd, mode: None)
    with pytest.raises(UserError) as err:
        write_atomic(folder / "out.md", "x" * 100_000)
    assert "No space left" in err.value.message and "disk space" in err.value.hint
    assert not (folder / "out.md").exists()


# ── 2. encodings and control characters ──────────────────────────────────────────────────────────────

def test_windows_1252_is_not_read_as_gb18030(work):
    folder, env = work
    (folder / "w.txt").write_bytes(b"The General Assembly,\n\nRecalling C\xf4te d'Ivoire,\n\n1. Decides to act.\n")
    proc = run_cli(["parse", "w.txt"], folder, env=env)
    assert_user_error(proc, "WINDOWS-1252", "iconv")
    assert "魌" not in proc.stdout.decode("utf-8", "replace")


def test_real_gb18030_chinese_is_still_read(work):
    folder, env = work
    (folder / "gb.txt").write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    proc = run_cli(["parse", "gb.txt", "-f", "json"], folder, env=env)
    assert_ok(proc)
    assert "增进人权领域的国际合作" in proc.stdout.decode("utf-8")


@pytest.mark.parametrize("command", ["redline", "draft"])
def test_control_characters_are_mapped_and_never_reach_the_terminal(work, command):
    folder, env = work
    text = EN.read_text(encoding="utf-8").replace("Recalling", "Recalling\x0b\x1b[31m", 1)
    (folder / "ctl.txt").write_text(text, encoding="utf-8")
    args = ["redline", "en.txt", "ctl.txt", "-o", "r.docx"] if command == "redline" else ["draft", "ctl.txt", "-o", "d.docx"]
    proc = run_cli(args, folder, env=env)
    assert_ok(proc)
    shown = run_cli(["parse", "ctl.txt"], folder, env=env)
    assert_ok(shown)
    assert b"\x1b" not in shown.stdout + shown.stderr and b"\x0b" not in shown.stdout


# ── 3/4. bounded time and memory ────────────────────────────────────────────────────────────────────

def test_dev_zero_as_input_is_refused(work):
    folder, env = work
    proc = run_cli(["parse", "/dev/zero"], folder, env=env, timeout=30)
    assert_user_error(proc, "device")


def test_endless_pipe_stops_at_the_input_limit(work):
    folder, env = work
    proc = subprocess.run(f"head -c 3000000 /dev/zero | {sys.executable} -m resdiff parse -", shell=True, cwd=folder,
                          capture_output=True, timeout=60, env={**os.environ, **env, "RESDIFF_MAX_INPUT_MB": "1"})
    assert_user_error(proc, "input size limit of 1 MB", "RESDIFF_MAX_INPUT_MB=")


def test_input_size_limit_names_the_variable_and_can_be_raised(work):
    folder, env = work
    big = EN.read_text(encoding="utf-8") + ("\n" + "x" * 1000) * 1200  # 1.2 MB
    (folder / "big.txt").write_text(big, encoding="utf-8")
    proc = run_cli(["parse", "big.txt"], folder, env={**env, "RESDIFF_MAX_INPUT_MB": "1"})
    assert_user_error(proc, "input size limit of 1 MB", "RESDIFF_MAX_INPUT_MB=2")
    assert_ok(run_cli(["parse", "big.txt"], folder, env={**env, "RESDIFF_MAX_INPUT_MB": "2"}))


def test_zip_bomb_part_is_refused_before_it_is_unpacked(work):
    """588 KB → 200 MB in the issue; here 100 KB → 100 MB of one repeated paragraph, under a 600 MB cap."""
    folder, env = work
    body = paragraph("Recalling,") * 1
    filler = "<w:p/>" * (100 * (1 << 20) // 6)
    (folder / "bomb.docx").write_bytes(make_docx(document_xml(body + filler)))
    assert (folder / "bomb.docx").stat().st_size < 400_000
    proc = run_cli(["parse", "bomb.docx"], folder, env=env, memory=600 << 20, timeout=60)
    assert_user_error(proc, "part size limit of 64 MB", "RESDIFF_MAX_PART_MB=")


def test_compression_ratio_limit(work):
    folder, env = work
    filler = "<w:p/>" * (5 * (1 << 20) // 6)  # 5 MB that compress ~1000 to 1
    (folder / "ratio.docx").write_bytes(make_docx(document_xml(plain_body() + filler)))
    proc = run_cli(["parse", "ratio.docx"], folder, env=env)
    assert_user_error(proc, "compression ratio", "RESDIFF_MAX_ZIP_RATIO=")


def test_paragraph_count_limit_in_docx_and_text(work):
    folder, env = work
    (folder / "many.docx").write_bytes(make_docx(document_xml(plain_body() + paragraph("x") * 2000)))
    proc = run_cli(["parse", "many.docx"], folder, env={**env, "RESDIFF_MAX_PARAGRAPHS": "1000"})
    assert_user_error(proc, "paragraph count limit of 1,000", "RESDIFF_MAX_PARAGRAPHS=")
    (folder / "many.txt").write_text("The General Assembly,\n\n" + "Recalling x,\n\n" * 2000, encoding="utf-8")
    proc = run_cli(["parse", "many.txt"], folder, env={**env, "RESDIFF_MAX_PARAGRAPHS": "1000"})
    assert_user_error(proc, "paragraph count limit", "RESDIFF_MAX_PARAGRAPHS=")


@pytest.mark.parametrize("fmt", ["lowerRoman", "lowerLetter", "upperLetter", "decimal"])
def test_huge_list_start_is_bounded(work, fmt):
    folder, env = work
    doc = make_docx(document_xml(plain_body() + paragraph("Decides.", NUMBERED.format(ilvl=0))),
                    numbering_xml(fmt, "100000000000"))
    (folder / "start.docx").write_bytes(doc)
    proc = run_cli(["parse", "start.docx"], folder, env=env, memory=600 << 20, timeout=30)
    assert_user_error(proc, "list number limit", "RESDIFF_MAX_LIST_NUMBER=")


def test_list_start_near_the_limit_is_read(work):
    folder, env = work
    doc = make_docx(document_xml(plain_body() + paragraph("Decides.", NUMBERED.format(ilvl=0))),
                    numbering_xml("lowerRoman", "3999"))
    (folder / "start.docx").write_bytes(doc)
    proc = run_cli(["parse", "start.docx", "-f", "json"], folder, env=env)
    assert_ok(proc)
    assert "mmmcmxcix" in proc.stdout.decode()


def test_five_thousand_digit_numbers(work):
    folder, env = work
    digits = "9" * 5000
    text = EN.read_text(encoding="utf-8").replace("75/180", f"{digits}/180").replace("1. ", f"{digits}. ", 1)
    (folder / "digits.txt").write_text(text, encoding="utf-8")
    for args in (["parse", "digits.txt"], ["compare", "en.txt", "digits.txt"], ["draft", "digits.txt"]):
        proc = run_cli(args, folder, env=env)
        assert proc.returncode in (0, 1, 2), (args, _err(proc))
        assert "Traceback" not in _err(proc)
    doc = make_docx(document_xml(plain_body() + paragraph("Decides.", NUMBERED.format(ilvl=digits))),
                    numbering_xml("decimal", digits))
    (folder / "digits.docx").write_bytes(doc)
    assert_user_error(run_cli(["parse", "digits.docx"], folder, env=env), "list number limit")


# ── 5. crashes that must be Error/Hint or a correct result ──────────────────────────────────────────

def test_bad_deflate_data_in_docx(work):
    folder, env = work
    data = bytearray(make_docx(document_xml(plain_body() * 50)))
    start = data.index(b"word/document.xml", data.index(b"word/_rels")) + len("word/document.xml")
    for k in range(start + 20, start + 60):
        data[k] ^= 0x5A
    (folder / "deflate.docx").write_bytes(bytes(data))
    proc = run_cli(["parse", "deflate.docx"], folder, env=env)
    assert_user_error(proc, "deflate.docx")


def test_list_level_that_is_not_a_number(work):
    folder, env = work
    doc = make_docx(document_xml(plain_body() + paragraph("Decides.", NUMBERED.format(ilvl="x"))),
                    numbering_xml("decimal", "1", ilvl="x"))
    (folder / "ilvl.docx").write_bytes(doc)
    assert_ok(run_cli(["parse", "ilvl.docx"], folder, env=env))


@pytest.mark.parametrize("wrapper", ["hyperlink", "tbl"])
def test_deep_nesting(work, wrapper):
    folder, env = work
    if wrapper == "hyperlink":
        inner = '<w:hyperlink>' * 988 + '<w:r><w:t>Decides.</w:t></w:r>' + '</w:hyperlink>' * 988
        body = plain_body() + f"<w:p>{inner}</w:p>"
    else:
        body = plain_body() + "<w:tbl><w:tr><w:tc>" * 331 + paragraph("Decides.") + "</w:tc></w:tr></w:tbl>" * 331
    (folder / "deep.docx").write_bytes(make_docx(document_xml(body)))
    proc = run_cli(["parse", "deep.docx"], folder, env=env)
    assert proc.returncode in (0, 2), _err(proc)
    if proc.returncode == 2:
        assert_user_error(proc, "too deeply")


def test_symbol_that_is_a_surrogate_or_a_control(work):
    folder, env = work
    sym = '<w:r><w:sym w:font="Symbol" w:char="D800"/><w:sym w:font="Symbol" w:char="001B"/></w:r>'
    body = plain_body() + f'<w:p><w:r><w:t>1. Decides</w:t></w:r>{sym}<w:r><w:t>.</w:t></w:r></w:p>'
    (folder / "sym.docx").write_bytes(make_docx(document_xml(body)))
    for args in (["parse", "sym.docx"], ["redline", "en.txt", "sym.docx", "-o", "s.docx"]):
        proc = run_cli(args, folder, env=env)
        assert_ok(proc)
        assert b"\x1b" not in proc.stdout


def test_many_distinct_tokens_in_one_paragraph():
    """Synthetic: 150,000 distinct words in one paragraph (beyond chr()'s 1,114,111 with the old mapping)."""
    from resdiff.worddiff import diff_words, rebuild_new, rebuild_old

    old = " ".join(f"w{i}" for i in range(150_000))
    new = old.replace("w77777 ", "changed ")
    segments = diff_words(old, new, "en")
    assert rebuild_old(segments) == old and rebuild_new(segments) == new
    assert [s.text for s in segments if s.op != "equal"] == ["w77777", "changed"]


def test_far_future_date(work):
    folder, env = work
    proc = run_cli(["redline", "en.txt", "en.txt", "-o", "r.docx", "--date", "9999-12-31T23:00-05:00"], folder, env=env)
    assert_user_error(proc, "date")


def test_chinese_draft_for_session_9999(work):
    folder, env = work
    text = SEED.read_text(encoding="utf-8").replace("第七十五届会议", "第九千九百九十九届会议")
    (folder / "s.txt").write_text(text, encoding="utf-8")
    proc = run_cli(["draft", "s.txt", "-f", "text"], folder, env=env)
    assert proc.returncode in (0, 2), _err(proc)
    assert "Traceback" not in _err(proc)


# ── 6. unclear messages ─────────────────────────────────────────────────────────────────────────────

def test_encrypted_docx_is_reported_as_encrypted(work):
    """Synthetic OLE container with an EncryptedPackage stream name (the shape of MS-OFFCRYPTO files)."""
    folder, env = work
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600
    (folder / "secret.docx").write_bytes(ole)
    proc = run_cli(["parse", "secret.docx"], folder, env=env)
    assert_user_error(proc, "encrypted", "password")


def test_dash_reads_standard_input(work):
    folder, env = work
    proc = run_cli(["parse", "-", "-f", "json"], folder, env=env, stdin=EN.read_bytes())
    assert_ok(proc)
    assert "Enhancement of international cooperation" in proc.stdout.decode()
    docx = make_docx(document_xml(plain_body()))
    assert_ok(run_cli(["parse", "-"], folder, env=env, stdin=docx))
    proc = run_cli(["compare", "-", "-"], folder, env=env, stdin=EN.read_bytes())
    assert_user_error(proc, "standard input", "only once")


# ── 7. jieba cache mishaps ──────────────────────────────────────────────────────────────────────────

def _cache_file(folder: Path) -> Path:
    files = list(folder.glob("jieba-*.sqlite3"))
    assert len(files) == 1, files
    return files[0]


def test_corrupted_cache_page_is_rebuilt(work, tmp_path_factory):
    folder, _ = work
    cache = tmp_path_factory.mktemp("corrupt-cache")
    env = {"RESDIFF_CACHE_DIR": str(cache)}
    assert_ok(run_cli(["compare", "old.txt", "new.txt"], folder, env=env))  # builds the cache
    path = _cache_file(cache)
    data = bytearray(path.read_bytes())
    page = 4096
    for k in range(len(data) // 2 // page * page, len(data) - page, page):  # the file opens; fetching fails
        data[k + 8:k + 4000] = b"\xff" * 3992
    path.write_bytes(bytes(data))
    from resdiff.lang import zh

    damaged = zh._BlockDictionary(path)
    with pytest.raises(sqlite3.DatabaseError):  # the attack really reaches fetch
        damaged.fetch(zh.make_tokenizer(damaged), SEED.read_text(encoding="utf-8"))
    proc = run_cli(["compare", "old.txt", "new.txt", "-f", "json"], folder, env=env)
    assert_ok(proc)
    assert "充分" in proc.stdout.decode()
    again = run_cli(["compare", "old.txt", "new.txt", "-f", "json"], folder, env=env)
    assert_ok(again)
    assert again.stdout == proc.stdout


def test_killed_cache_build_leftovers_are_removed(work, tmp_path_factory):
    folder, _ = work
    cache = tmp_path_factory.mktemp("leftover-cache")
    old = cache / ".jieba-killed.tmp"
    old.write_bytes(b"half a database")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = cache / ".jieba-building-now.tmp"
    fresh.write_bytes(b"another process is building")
    assert_ok(run_cli(["compare", "old.txt", "new.txt"], folder, env={"RESDIFF_CACHE_DIR": str(cache)}))
    assert not old.exists() and fresh.exists()  # the next build clears what a killed one left


def test_cache_key_does_not_depend_on_the_dictionary_file_time(tmp_path):
    """Two installs sharing one HOME: same jieba, same dictionary, different file times → one cache."""
    from resdiff.lang import zh

    jieba = zh.import_jieba()
    dict_file = Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME
    first = zh.cache_path(tmp_path)
    st = dict_file.stat()
    try:
        os.utime(dict_file, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    except PermissionError:
        pytest.skip("cannot touch jieba's dictionary here")
    try:
        assert zh.cache_path(tmp_path) == first
    finally:
        os.utime(dict_file, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    from resdiff.lang import zh

    monkeypatch.delenv("RESDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert zh.cache_dir() == tmp_path / ".cache" / "resdiff"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "abs"))
    assert zh.cache_dir() == tmp_path / "abs" / "resdiff"


@pytest.mark.parametrize("option", [["--author", "evil\x1b[31m"], ["--date", "2026-01-01"]])
def test_control_characters_in_text_options(work, option):
    """An escape sequence in --author would be written into Word XML (which cannot hold it): Error/Hint."""
    folder, env = work
    proc = run_cli(["redline", "en.txt", "en.txt", "-o", "r.docx", *option], folder, env=env)
    if "\x1b" in option[1]:
        assert_user_error(proc, "--author", "control character")
        assert not (folder / "r.docx").exists()
    else:
        assert_ok(proc)
