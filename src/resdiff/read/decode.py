"""Turn the bytes of a text file into a string: encoding detected, never assumed.

Order of the checks: byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32), then binary data (NUL bytes),
then strict UTF-8, then GB18030 (the superset of GBK/GB2312 used for Chinese text on Windows).
Line endings are normalised to "\\n" so the readers see one convention; control characters that XML
forbids are mapped or removed (``clean_text``). GB18030 is accepted only when the result reads as
Chinese (``_plausible_chinese``).
"""

from __future__ import annotations

import codecs

from resdiff import patterns
from resdiff.errors import UserError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters of binary data: below " " except \t \n \v \f \r, and DEL to APC.
_CONTROL = patterns.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _not_text(source: str) -> UserError:
    return UserError(
        f"{source} is not a text file",
        "give the resolution as a PDF, a Word .docx or .doc, or plain text (UTF-8, UTF-16 with BOM or GB18030)",
        zh=(f"{source} 不是文本文件",
            "请提供决议的 PDF、Word .docx 或 .doc，或纯文本（UTF-8、带 BOM 的 UTF-16 或 GB18030）"),
    )


# Characters XML 1.0 forbids (so no Word file can hold them) and that a terminal may obey (ESC starts
# an escape sequence): a vertical tab (Word's manual line break in its plain-text export), form feed
# (pdftotext's page break) and NEL end a line; every other C0/C1 control, DEL, the non-characters
# U+FFFE/U+FFFF and lone surrogates are dropped.
_LINE_BREAKS = {ord(c): "\n" for c in "\v\f\x85\u2028\u2029"}
_DROPPED = {c: None for c in [*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0),
                              *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]}
_CLEAN = {**_DROPPED, **_LINE_BREAKS}


def _normalise_newlines(text: str) -> str:
    return clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_text(text: str) -> str:
    """``text`` with line-like controls turned into "\\n" and every other XML-forbidden character removed."""
    return text.translate(_CLEAN)


def _looks_binary(text: str) -> bool:
    """Decoded text that is mostly control characters came from binary data that happened to decode."""
    if not text:
        return False
    controls = len(_CONTROL.findall(text))  # one C-level pass (a Python loop: ~1 ms per 30,000 characters)
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
                zh=(f"{source} 像是没有字节顺序标记（BOM）的 UTF-16 文本，无法可靠读取",
                    "请另存为 UTF-8（或带 BOM 的 UTF-16）"),
            )
        raise _not_text(source)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise _not_text(source)
        if encoding == "gb18030" and not _plausible_chinese(text):
            break  # it decodes, but into rare characters: another encoding (C\xf4te → C魌e)
        return _normalise_newlines(text)
    if _looks_like_single_byte_text(data):
        # Windows-1252 / Latin-1 (Word's "plain text" on Western systems): we refuse to guess which.
        raise UserError(
            f"{source} is text in a legacy single-byte encoding (such as Windows-1252 or Latin-1), not UTF-8",
            "save it as UTF-8 (Word: Save As → Plain Text → Unicode (UTF-8)), "
            "or convert it: `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`",
            zh=(f"{source} 是旧式单字节编码（如 Windows-1252 或 Latin-1）的文本，不是 UTF-8",
                "请另存为 UTF-8（Word：另存为 › 纯文本 › Unicode (UTF-8)）"),
        )
    if _looks_like_text(data):
        raise UserError(
            f"{source} is not UTF-8 and does not read as Chinese in GB18030 either",
            "convert it to UTF-8 from the encoding it was saved in, e.g. "
            "`iconv -f BIG5 -t UTF-8 IN > OUT` (or SHIFT_JIS, KOI8-R, WINDOWS-1252 …)",
            zh=(f"{source} 不是 UTF-8，按 GB18030 也读不成中文",
                "请从文件原来的编码（如 BIG5）转换为 UTF-8 后再试"),
        )
    raise _not_text(source)


_SAMPLE = 20_000  # non-ASCII characters judged; enough to tell, bounded for a 64 MB file


def _plausible_chinese(text: str) -> bool:
    """Chinese text saved as GB18030/GBK is, all but a few rare names, made of GB2312 characters (the
    6,763 common hanzi plus Chinese punctuation: both bytes ≥ 0xA1). Text in a single-byte encoding
    that happens to decode pairs a high byte with an ASCII letter (``\xf4t`` → 魌), which GB2312
    never does, and text in another double-byte encoding lands mostly outside GB2312 too. So: at least
    95% of the non-ASCII characters must be in GB2312, and some of them must be ideographs."""
    wide = [c for c in text if c > "\x7f"][:_SAMPLE]
    if not wide:
        return True
    common = 0
    for c in wide:
        try:
            c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common >= 0.95 * len(wide) and any("\u4e00" <= c <= "\u9fff" for c in wide)


def _looks_like_text(data: bytes) -> bool:
    """No control bytes except layout: text in some encoding we do not guess."""
    return not any(b < 32 and b not in (9, 10, 12, 13) for b in data[:_SAMPLE])


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
