"""A time limit on the work of one request, kept by the work itself.

The local web page (``resdiff serve``) runs comparisons on its one worker thread and answers 503 when a
request passes its time limit. A thread cannot be stopped from outside, so without this the work went on
to its end — a pair of huge paragraphs takes tens of seconds — holding the worker while every later
request waited behind an answer nobody would read. The long loops (pairing paragraphs, diffing each
pair) call ``check()``; past the limit it raises ``OutOfTime`` and the worker is free at once.

The command line sets no limit: ``check()`` is then one context-variable read, and results never depend
on time (diff-match-patch is only given a timeout when a limit is set, and a result it cuts short is
never returned: ``check()`` follows it).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("resdiff_deadline", default=None)  # time.monotonic()


class OutOfTime(Exception):
    """The work passed the limit set by ``limit_until``."""


@contextmanager
def limit_until(deadline: float):
    """Within this block (in this thread or task), ``check()`` raises once ``time.monotonic()`` passes ``deadline``."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise OutOfTime()


def remaining() -> float | None:
    """Seconds left before the limit (0 when past it), or None when no limit is set."""
    deadline = _DEADLINE.get()
    return None if deadline is None else max(deadline - time.monotonic(), 0.0)
