"""A real `resdiff serve` process on a free port, for the API and browser tests."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest


@contextmanager
def running_server(*args: str, env: dict | None = None):
    """Start `python -m resdiff serve --port 0 ARGS`, yield its base URL (no trailing slash), stop it."""
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    pytest.importorskip("multipart")
    proc = subprocess.Popen(
        [sys.executable, "-m", "resdiff", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    try:
        line = proc.stdout.readline()  # "resdiff serve: http://127.0.0.1:PORT/  (Ctrl+C to stop)"
        match = re.search(r"(http://\S+?)/\s", line)
        if not match:
            proc.kill()
            raise AssertionError(f"server did not start: {line!r} {proc.stderr.read()}")
        yield match.group(1)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wait_until(predicate, timeout: float = 30.0, step: float = 0.1):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()
