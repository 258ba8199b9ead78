"""Word 97–2003 .doc input: the files are made here from the project's own .docx with LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import SEED
from resdiff.errors import UserError
from resdiff.read import read_file
from resdiff.read.text import parse_text

needs_soffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice converts .doc files")


def _doc_from_text(text_path: Path, folder: Path) -> Path:
    """The project's Word writer makes a .docx of a corpus text; LibreOffice saves it as .doc."""
    from resdiff.render.docx import resolution_document

    res = parse_text(text_path.read_text(encoding="utf-8"))
    docx = folder / (text_path.stem.replace(".", "_") + ".docx")
    docx.write_bytes(resolution_document(res))
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(docx)],
                   check=True, capture_output=True, timeout=180)
    return docx.with_suffix(".doc")


@needs_soffice
def test_doc_made_by_libreoffice_from_the_seed_docx_reads_as_the_seed(tmp_path, monkeypatch):
    doc = _doc_from_text(SEED, tmp_path)
    scratch = tmp_path / "scratch"  # the conversion's temporary folder goes here, apart from other runs
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    from_doc = read_file(doc)
    from_text = parse_text(SEED.read_text(encoding="utf-8"))
    assert [(p.label, p.text, p.footnotes) for p in from_doc.paragraphs] == [
        (p.label, p.text, p.footnotes) for p in from_text.paragraphs]
    assert from_doc.footnotes == from_text.footnotes
    assert (from_doc.header.session, from_doc.header.title) == (from_text.header.session, from_text.header.title)
    assert from_doc.source == str(doc)
    # nothing left behind: the temporary folder with its LibreOffice profile is gone, the input unchanged
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".doc", ".docx")) == [doc.name, doc.stem + ".docx"]


def test_doc_without_libreoffice_names_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    with pytest.raises(UserError) as err:
        read_file(path)
    assert "LibreOffice" in err.value.message and "libreoffice" in err.value.hint and ".docx" in err.value.hint


@needs_soffice
def test_damaged_doc_is_a_user_error(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2000))
    with pytest.raises(UserError):
        read_file(path)
