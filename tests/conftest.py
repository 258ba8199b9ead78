"""Shared test helpers: paths to the real corpus copies and golden-file checking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "corpus"
GOLDEN = TESTS / "golden"
SEED = CORPUS / "A_RES_75_180.zh.txt"


def corpus(name: str) -> Path:
    return CORPUS / name


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; RESDIFF_REGEN_GOLDEN=1 rewrites it (on purpose only)."""
    path = GOLDEN / name
    if os.environ.get("RESDIFF_REGEN_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"golden file {path} missing; run with RESDIFF_REGEN_GOLDEN=1 once and review it")
    assert actual == path.read_text(encoding="utf-8"), f"output differs from golden file {name}"
