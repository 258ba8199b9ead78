"""read_file: dispatch on content and suffix, and a clear UserError (message + hint) for every bad input."""

from __future__ import annotations

import codecs
import sys
import types
import zipfile

import pytest

from conftest import SEED, corpus
from resdiff.errors import UserError
from resdiff.model import Header, Resolution
from resdiff.read import read_file
from resdiff.read.text import parse_text


def error_for(path, **kwargs) -> UserError:
    with pytest.raises(UserError) as info:
        read_file(path, **kwargs)
    assert info.value.message and info.value.hint
    return info.value


def test_reads_the_seed_from_its_path():
    res = read_file(SEED)
    assert res.source == str(SEED)
    assert res.header.session == 75 and len(res.paragraphs) == 32


def test_reads_every_corpus_text():
    for path in sorted(corpus("").glob("*.txt")):
        assert read_file(path).paragraphs, path.name


def test_lang_option_overrides_detection():
    assert read_file(SEED, lang="other").language == "other"
    assert "--lang" in error_for(SEED, lang="fr").hint


def test_utf16_and_gb18030_files_read_like_utf8(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    expected = parse_text(text).paragraphs
    assert read_file(tmp_path / "a.txt").paragraphs == expected
    assert read_file(tmp_path / "b.txt").paragraphs == expected


def test_text_without_a_suffix_is_read_as_text(tmp_path):
    path = tmp_path / "resolution"
    path.write_bytes(SEED.read_bytes())
    assert len(read_file(path).paragraphs) == 32


# ── bad input ─────────────────────────────────────────────────────────────────────────────────────


def test_missing_file(tmp_path):
    err = error_for(tmp_path / "nope.txt")
    assert "does not exist" in err.message and "nope.txt" in err.message


def test_directory(tmp_path):
    assert "folder" in error_for(tmp_path).message


@pytest.mark.parametrize("content", [b"", b"   \n\n\t \r\n", codecs.BOM_UTF8 + b"\n \n"], ids=["empty", "spaces", "bom"])
def test_empty_or_whitespace_only(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in error_for(path).message


def test_binary_data(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "not a text file" in error_for(path).message


def test_old_binary_doc(tmp_path):
    path = tmp_path / "resolution.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    err = error_for(path)
    assert ".doc" in err.message and "save it as .docx" in err.hint


def test_old_binary_doc_detected_by_content_even_when_named_txt(tmp_path):
    path = tmp_path / "resolution.txt"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert ".doc" in error_for(path).message


def test_corrupt_docx_zip_magic_then_garbage(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 50)
    err = error_for(path)
    assert "damaged" in err.message and ".docx" in err.hint


def test_valid_zip_without_word_document(tmp_path):
    path = tmp_path / "notword.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert "word/document.xml" in error_for(path).message


def test_docx_name_but_text_inside(tmp_path):
    path = tmp_path / "plain.docx"
    path.write_bytes(SEED.read_bytes())
    assert "not a Word document" in error_for(path).message


def test_text_that_is_not_a_resolution(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\nmilk\nbread\n", encoding="utf-8")
    assert "no resolution paragraphs" in error_for(path).message


# ── dispatch to the Word reader ───────────────────────────────────────────────────────────────────


def test_docx_content_is_handed_to_the_word_reader(tmp_path, monkeypatch):
    """Dispatch only: a stand-in resdiff.read.docx records the call (the Word reader has its own tests)."""
    calls = []
    fake = types.ModuleType("resdiff.read.docx")

    from_read_docx = Resolution(Header("zh"), ())  # no paragraphs, so no reading warnings are added

    def read_docx(path, lang=None):
        calls.append((path, lang))
        return from_read_docx

    fake.read_docx = read_docx
    monkeypatch.setitem(sys.modules, "resdiff.read.docx", fake)
    path = tmp_path / "named-anything.bin"  # content decides, not the suffix
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert read_file(path, lang="zh") is from_read_docx
    assert calls == [(path, "zh")]
