"""Output rules: atomic writes, no clobbering without --force, never an input, normal permissions."""

from __future__ import annotations

import os
import stat

import pytest

from resdiff.errors import UserError
from resdiff.io import check_output_path, write_atomic


def test_write_atomic_replaces_whole_file_with_plain_permissions(tmp_path):
    out = tmp_path / "r.html"
    out.write_text("old")
    write_atomic(out, "新的")
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
