"""``lazy_compile``: a module-level regular expression compiled on its first use, not at import.

Compiling is a large part of resdiff's start: sre builds each pattern in Python (a class over the CJK
ranges ~1 ms, an alternation of English ordinals ~1.5 ms). Modules whose patterns serve one language, or
one kind of input, use this for their module-level patterns, so that a Chinese draft never compiles the
English ones (~30 ms of ``resdiff draft`` on a Chinese text), and vice versa.

The object answers what a compiled ``re.Pattern`` answers (``search``, ``sub``, ``pattern``, ``flags`` …).
On first use it compiles the pattern and keeps the compiled pattern's attributes on itself, so later
calls cost what calls on a plain compiled pattern cost.
"""

from __future__ import annotations

import re


class LazyPattern:
    """A ``re.compile(pattern, flags)`` that happens on first use; see the module docstring."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for attributes not yet on the instance, i.e. before the first compile.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attr in dir(compiled):
            if not attr.startswith("__"):
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``re.compile``, but compiled on first use (see the module docstring)."""
    return LazyPattern(pattern, flags)
