"""Turn the bytes of a text file into a string: encoding detected, never assumed.

Order of the checks: byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32), then binary data (NUL bytes),
then strict UTF-8, then GB18030 (the superset of GBK/GB2312 used for Chinese text on Windows).
Line endings are normalised to "\\n" so the readers see one convention.
"""

from __future__ import annotations

import codecs

from resdiff.errors import UserError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_OK = set("\t\n\r\f\v")


def _not_text(source: str) -> UserError:
    return UserError(
        f"{source} is not a text file",
        "give a plain-text file (UTF-8, UTF-16 with BOM or GB18030) or a Word .docx file",
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


def _looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters came from binary data that happened to decode."""
    if not text:
        return False
    controls = sum(1 for c in text if (c < " " and c not in _CONTROL_OK) or "\x7f" <= c <= "\x9f")
    return controls > max(2, len(text) // 100)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source`` (a name used in messages); raise UserError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise _not_text(source) from None
            if "\x00" in text or _looks_binary(text):
                raise _not_text(source)
            return _normalise_newlines(text)
    if b"\x00" in data:
        if _looks_like_utf16_without_bom(data):
            raise UserError(
                f"{source} looks like UTF-16 text without a byte-order mark, which cannot be read reliably",
                "save it as UTF-8 (or UTF-16 with BOM), e.g. `iconv -f UTF-16LE -t UTF-8 IN > OUT`",
            )
        raise _not_text(source)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise _not_text(source)
        return _normalise_newlines(text)
    if _looks_like_single_byte_text(data):
        # Windows-1252 / Latin-1 (Word's "plain text" on Western systems): we refuse to guess which.
        raise UserError(
            f"{source} is text in a legacy single-byte encoding (such as Windows-1252 or Latin-1), not UTF-8",
            "save it as UTF-8 (Word: Save As → Plain Text → Unicode (UTF-8)), "
            "or convert it: `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`",
        )
    raise _not_text(source)


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    """ASCII-heavy UTF-16: a NUL in (almost) every other byte."""
    sample = data[:4000]
    odd, even = sample[1::2], sample[0::2]
    return len(sample) >= 20 and (odd.count(0) > 0.8 * len(odd) or even.count(0) > 0.8 * len(even))


def _looks_like_single_byte_text(data: bytes) -> bool:
    """Mostly printable ASCII with scattered high bytes, and no control bytes: text, just not UTF-8."""
    printable = sum(1 for b in data if 32 <= b < 127 or b in (9, 10, 13))
    high = sum(1 for b in data if b >= 0x80)
    return printable + high == len(data) and high <= 0.3 * len(data)
