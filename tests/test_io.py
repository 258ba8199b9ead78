"""Output rules: atomic writes, no clobbering without --force, never an input, normal permissions."""

from __future__ import annotations

import os
import stat

import pytest

from resdiff.errors import UserError
from resdiff.io import check_output_path, write_atomic


def test_write_atomic_replaces_whole_file_with_plain_permissions(tmp_path):
    out = tmp_path / "r.html"
    write_atomic(out, "旧的")
    write_atomic(out, "新的", force=True)
    assert out.read_text(encoding="utf-8") == "新的"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left behind


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "r.md"
    out.write_text("keep")
    with pytest.raises(UserError) as err:
        check_output_path(out, [], force=False)
    assert "--force" in err.value.hint
    check_output_path(out, [], force=True)


def test_output_may_not_be_an_input_even_with_force(tmp_path):
    inp = tmp_path / "a.txt"
    inp.write_text("x")
    with pytest.raises(UserError):
        check_output_path(tmp_path / "." / "a.txt", [inp], force=True)


def test_output_in_missing_folder_or_a_folder(tmp_path):
    with pytest.raises(UserError):
        check_output_path(tmp_path / "nope" / "r.md", [], force=False)
    with pytest.raises(UserError):
        check_output_path(tmp_path, [], force=True)


def test_write_without_force_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    """The race of issue 11, made deterministic: the file appears after the check, before the write."""
    out = tmp_path / "r.json"
    check_output_path(out, [], force=False)
    out.write_text("someone else's")
    with pytest.raises(UserError) as err:
        write_atomic(out, "mine")
    assert "already exists" in err.value.message
    assert out.read_text() == "someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_force_keeps_mode_and_refuses_non_regular_targets(tmp_path):
    out = tmp_path / "secret.md"
    out.write_text("old")
    out.chmod(0o640)
    write_atomic(out, "new", force=True)
    assert out.read_text() == "new" and stat.S_IMODE(out.stat().st_mode) == 0o640
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for force in (False, True):
        with pytest.raises(UserError):
            check_output_path(fifo, [], force=force)
    with pytest.raises(UserError):
        write_atomic(fifo, "x", force=True)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_read_input_refuses_devices_and_bounds_size(tmp_path, monkeypatch):
    from resdiff.io import read_input

    if os.path.exists("/dev/zero"):
        with pytest.raises(UserError) as err:
            read_input("/dev/zero")
        assert "device" in err.value.message
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 << 20))
    monkeypatch.setenv("RESDIFF_MAX_INPUT_MB", "1")
    with pytest.raises(UserError) as err:
        read_input(big)
    assert "input size limit of 1 MB" in err.value.message and "RESDIFF_MAX_INPUT_MB=2" in err.value.hint
    monkeypatch.setenv("RESDIFF_MAX_INPUT_MB", "lots")
    with pytest.raises(UserError) as err:
        read_input(big)
    assert "RESDIFF_MAX_INPUT_MB" in err.value.message
