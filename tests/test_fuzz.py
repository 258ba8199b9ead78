"""Property tests of issue 11: random bytes, and random truncations and mutations of real corpus files
(text, and a Word file made from them), never end in an internal error (exit 3) or a traceback.

The CLI runs in-process (typer's runner) so hundreds of examples fit in seconds; the commands are the
real ones (parse, compare, redline), and every outcome must be success, "differences" or Error/Hint."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import CORPUS, SEED
from resdiff.cli import app

EN = CORPUS / "A_RES_75_180.en.txt"
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])


@functools.lru_cache(maxsize=None)
def corpus_docx() -> bytes:
    """A real-shaped Word file: resdiff's own redline of the Chinese seed against a synthetic edit of it
    (numbering, tracked insertions and deletions, footnotes)."""
    from datetime import datetime, timezone

    from resdiff.comparison import compare
    from resdiff.read.text import parse_text
    from resdiff.render.docx import redline_document

    old = parse_text(SEED.read_text(encoding="utf-8"), source="old")
    new = parse_text(SEED.read_text(encoding="utf-8").replace("认识到", "充分认识到", 1), source="new")
    return redline_document(compare(old, new), author="fuzz", date=datetime(2026, 1, 1, tzinfo=timezone.utc))


def run(tmp_path: Path, args: list[str]):
    result = CliRunner().invoke(app, args, catch_exceptions=True)
    out = (result.stdout or "") + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, out[-2000:], result.exception)
    assert "Traceback" not in out
    if result.exit_code == 2:
        assert "Error: " in out and "Hint: " in out, out[-2000:]
    # An exception typer caught but that is not SystemExit would be a crash of the runner itself.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def check(tmp_path: Path, name: str, data: bytes, against: Path = EN) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    run(tmp_path, ["parse", str(path)])
    run(tmp_path, ["compare", str(against), str(path), "-f", "json"])


def mutate(data: bytes, edits: list[tuple[float, int, bytes]]) -> bytes:
    out = bytearray(data)
    for where, kind, chunk in edits:
        if not out:
            break
        at = int(where * (len(out) - 1))
        if kind == 0:
            out[at:at + len(chunk)] = chunk  # overwrite
        elif kind == 1:
            out[at:at] = chunk  # insert
        else:
            del out[at:at + len(chunk) + 1]  # delete
    return bytes(out)


EDITS = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 2), st.binary(min_size=1, max_size=8)), max_size=6)


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_random_bytes(tmp_path, data):
    check(tmp_path, "random.txt", data)


@SETTINGS
@given(cut=st.floats(0, 1), edits=EDITS)
def test_truncated_and_mutated_text(tmp_path, cut, edits):
    text = SEED.read_bytes()
    check(tmp_path, "mutated.txt", mutate(text[: int(cut * len(text)) + 1], edits), against=SEED)


@SETTINGS
@given(cut=st.floats(0, 1))
def test_truncated_docx(tmp_path, cut):
    data = corpus_docx()
    check(tmp_path, "cut.docx", data[: int(cut * len(data))] or b"PK")


@SETTINGS
@given(edits=EDITS)
def test_mutated_docx_bytes(tmp_path, edits):
    check(tmp_path, "mutated.docx", mutate(corpus_docx(), edits), against=SEED)


@SETTINGS
@given(edits=EDITS, part=st.sampled_from(["word/document.xml", "word/numbering.xml", "word/footnotes.xml",
                                            "word/styles.xml", "word/_rels/document.xml.rels", "_rels/.rels"]))
def test_mutated_docx_parts(tmp_path, edits, part):
    """Mutations inside one XML part, re-zipped: the reader's XML and structure handling, not just zip's."""
    source = zipfile.ZipFile(io.BytesIO(corpus_docx()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            out.writestr(info.filename, mutate(data, edits) if info.filename == part else data)
    path = tmp_path / "part.docx"
    path.write_bytes(buf.getvalue())
    run(tmp_path, ["parse", str(path)])
    run(tmp_path, ["redline", str(SEED), str(path), "-o", str(tmp_path / "r.docx"), "--force"])


def test_the_corpus_docx_itself_reads():
    """The base of the docx properties is a readable resolution (else they would test only errors)."""
    from resdiff.read.docx import read_docx

    assert len(read_docx(corpus_docx()).paragraphs) > 20



PDF = CORPUS / "pdf" / "A_RES_79_33.en.pdf"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(cut=st.floats(0, 1), edits=EDITS)
def test_truncated_and_mutated_pdf(tmp_path, cut, edits):
    """A real PDF (79/33, from the corpus), cut short and with bytes overwritten, inserted, deleted."""
    data = PDF.read_bytes()
    path = tmp_path / "mutated.pdf"
    path.write_bytes(mutate(data[: max(int(cut * len(data)), 8)], edits))
    run(tmp_path, ["parse", str(path)])
