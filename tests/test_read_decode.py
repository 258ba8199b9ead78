"""decode_bytes: encodings detected (UTF-8 with/without BOM, UTF-16 LE/BE with BOM, GB18030), binary refused."""

from __future__ import annotations

import codecs

import pytest

from conftest import CORPUS as CORPUS_DIR, SEED
from resdiff.errors import UserError
from resdiff.read.decode import decode_bytes
from resdiff.read.text import parse_text

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoded",
    [
        SEED_TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"),
        SEED_TEXT.encode("gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030"],
)
def test_seed_decodes_identically_in_every_encoding(encoded):
    assert decode_bytes(encoded, "seed") == SEED_TEXT


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "utf-8-sig"])
def test_seed_parses_identically_in_every_encoding(encoding):
    assert parse_text(decode_bytes(SEED_TEXT.encode(encoding), "seed")) == parse_text(SEED_TEXT)


def test_gbk_subset_is_read_as_gb18030():
    text = "大会，\n\n回顾其决议，\n"
    assert decode_bytes(text.encode("gbk"), "x.txt") == text


def test_windows_and_old_mac_line_endings_become_newlines():
    assert decode_bytes(b"a\r\nb\rc\n", "x.txt") == "a\nb\nc\n"
    crlf = SEED_TEXT.replace("\n", "\r\n").encode("utf-8")
    assert decode_bytes(crlf, "seed") == SEED_TEXT


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03binary\x00data",
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n\x00\x01stream",
    ],
    ids=["nul", "all-bytes", "png", "pdf"],
)
def test_binary_data_is_refused_with_a_hint(data):
    with pytest.raises(UserError) as info:
        decode_bytes(data, "thing.txt")
    assert info.value.message == "thing.txt is not a text file"
    assert "UTF-8" in info.value.hint


def test_control_characters_without_nul_are_refused():
    with pytest.raises(UserError):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 20, "x")


def test_utf16_bom_with_broken_body_is_refused():
    with pytest.raises(UserError):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "x")  # lone surrogate


def test_windows_1252_text_is_named_with_a_conversion_hint():
    """Synthetic: the English 74/153 saved as Windows-1252 (curly quotes become single high bytes)."""
    data = (CORPUS_DIR / "A_RES_74_153.en.txt").read_text(encoding="utf-8").encode("cp1252", errors="replace")
    with pytest.raises(UserError) as err:
        decode_bytes(data, "old.txt")
    assert "Windows-1252" in err.value.message and "UTF-8" in err.value.hint


def test_utf16_without_bom_is_named_with_a_conversion_hint():
    data = (CORPUS_DIR / "A_RES_74_153.en.txt").read_text(encoding="utf-8").encode("utf-16-le")
    with pytest.raises(UserError) as err:
        decode_bytes(data, "old.txt")
    assert "UTF-16" in err.value.message and "iconv" in err.value.hint


def test_gb18030_only_when_it_reads_as_chinese():
    """Windows-1252 that happens to decode as GB18030 (C\\xf4te → C魌e) is refused with the conversion
    hint; real Chinese in GB18030 with a rare character or two is read."""
    with pytest.raises(UserError) as info:
        decode_bytes(b"Recalling C\xf4te d'Ivoire,\n", "w.txt")
    assert "WINDOWS-1252" in info.value.hint
    with pytest.raises(UserError) as info:
        decode_bytes("大會，回顧其決議，".encode("big5"), "b.txt")
    assert "iconv" in info.value.hint
    text = SEED_TEXT + "\n喆\n"  # a GBK-only character (a personal name) among thousands of common ones
    assert decode_bytes(text.encode("gb18030"), "seed") == text


def test_xml_forbidden_controls_are_mapped_or_removed():
    text = decode_bytes(b"Recalling\x0bits resolution\x0c\x1b[31m 75/180,\x7f\n", "x.txt")
    assert text == "Recalling\nits resolution\n[31m 75/180,\n"


def test_control_count_is_the_character_by_character_count_synthetic():
    """_looks_binary counts controls with one regex pass: the same as testing each character (every
    character from U+0000 to U+00A0 placed in random text, and the corpus texts)."""
    import random

    from conftest import CORPUS
    from resdiff.read import decode

    def by_character(text: str) -> bool:
        ok = set("\t\n\r\f\v")
        controls = sum(1 for c in text if (c < " " and c not in ok) or "\x7f" <= c <= "\x9f")
        return controls > max(2, len(text) // 100)

    rng = random.Random(5)
    alphabet = [chr(k) for k in range(0xA1)] + list("人权理事会 abc")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 400))) for _ in range(300)]
    texts += [chr(k) * 5 for k in range(0xA1)]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    assert [decode._looks_binary(t) for t in texts] == [by_character(t) for t in texts]
    assert any(by_character(t) for t in texts) and not all(by_character(t) for t in texts)
