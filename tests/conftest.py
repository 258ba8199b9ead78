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


def synthetic_resolution(base, paragraphs, source: str = "synthetic", header=None):
    """A synthetic version of ``base`` with these (kind, text) paragraphs, labelled as a reader labels
    them (PP1…, OP1… numbered in order). For tests whose names say they are synthetic."""
    from resdiff.model import OPERATIVE, Paragraph, Resolution
    from resdiff.normalize import normalize

    out, pp, op = [], 0, 0
    for kind, text in paragraphs:
        if kind == OPERATIVE:
            op += 1
            out.append(Paragraph(f"OP{op}", kind, op, text, normalize(text)))
        else:
            pp += 1
            out.append(Paragraph(f"PP{pp}", kind, None, text, normalize(text)))
    return Resolution(header=header or base.header, paragraphs=tuple(out), source=source)


@pytest.fixture(scope="session")
def plain_jieba(tmp_path_factory):
    """jieba the ordinary way: whole dictionary via initialize() (own private cache), user dictionary."""
    import jieba

    from resdiff.lang import zh

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path_factory.mktemp("jieba-plain"))
    tokenizer.initialize()
    tokenizer.load_userdict(str(zh.USER_DICT))
    return tokenizer
