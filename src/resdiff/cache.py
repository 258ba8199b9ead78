"""Where resdiff keeps what it builds once per user: the Chinese dictionary blocks (``lang/zh.py``) and
the compiled regular expressions (``patterns.py``)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Per-user cache folder (never the shared temp folder jieba defaults to): ``RESDIFF_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/resdiff``, else ``~/.cache/resdiff``."""
    override = os.environ.get("RESDIFF_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is invalid and must be ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "resdiff"
