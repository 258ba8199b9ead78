"""cache: the per-user cache folder that the jieba dictionary blocks and the pattern cache share."""

from __future__ import annotations

from pathlib import Path

from resdiff.cache import cache_dir


def test_the_override_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("RESDIFF_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "/elsewhere")
    assert cache_dir() == tmp_path


def test_xdg_cache_home_then_home(monkeypatch, tmp_path):
    monkeypatch.delenv("RESDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "resdiff"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # invalid by the XDG spec: ignored
    assert cache_dir() == tmp_path / ".cache" / "resdiff"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path(tmp_path) / ".cache" / "resdiff"
