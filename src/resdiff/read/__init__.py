"""Readers: turn a file into a Resolution, choosing the reader by content first, then by suffix.

``read_file`` is the one entry point. It checks everything a user can get wrong (missing file, a folder,
an empty file, binary data, an old binary .doc without LibreOffice, a damaged .docx or PDF) and raises UserError with a hint,
so the CLI can print ``Error: …`` / ``Hint: …`` without a traceback.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from resdiff.errors import UserError
from resdiff.model import Resolution
from resdiff.read.checks import with_warnings  # where the reading may be wrong, whatever the format

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary Word .doc (and other OLE compound files)
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
# An encrypted .docx/.xlsx is an OLE compound file holding a stream of this name (MS-OFFCRYPTO), in
# UTF-16-LE (spelt out: encoding it at import would load that codec for every text read).
_ENCRYPTED_PACKAGE = b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"


def _check_docx(path: Path, data: bytes) -> None:
    """A .docx is a zip holding word/document.xml; say clearly when it is not."""
    import zipfile  # here, not at the top: a text or PDF input needs no zip reading (~1.5 ms to import)

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            from resdiff.limits import check_zip

            check_zip(archive, str(path))  # zip bombs refused before testzip unpacks anything
            bad = archive.testzip()
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, zlib.error, RuntimeError):
        raise UserError(
            f"{path} looks like a Word .docx file but it is damaged (not a readable zip archive)",
            "open it in Word or LibreOffice and save it again as .docx, or export it as plain text",
            zh=(f"{path} 看似 Word .docx 文件，但已损坏（不是可读的 zip 压缩包）",
                "请在 Word 或 LibreOffice 中打开并重新另存为 .docx，或导出为纯文本"),
        ) from None
    if "word/document.xml" not in names:
        raise UserError(
            f"{path} is a zip archive but not a Word document (no word/document.xml inside)",
            "give a .docx saved by Word or LibreOffice, or the resolution as plain text",
            zh=(f"{path} 是 zip 压缩包，但不是 Word 文档（其中没有 word/document.xml）",
                "请提供由 Word 或 LibreOffice 保存的 .docx，或决议的纯文本"),
        )
    if bad is not None:
        raise UserError(
            f"{path} is a damaged Word document ({bad} is corrupt)",
            "open it in Word or LibreOffice and save it again as .docx",
            zh=(f"{path} 是已损坏的 Word 文档（{bad} 已损坏）", "请在 Word 或 LibreOffice 中打开并重新另存为 .docx"),
        )


def read_file(path: str | Path, lang: str | None = None) -> Resolution:
    """Read a resolution from ``path`` (.docx, .doc, PDF, an HTML page, or text in UTF-8 / UTF-16 / GB18030).

    ``lang`` overrides language detection.
    """
    path = Path(path)
    if lang is not None and lang not in ("zh", "en", "other"):
        raise UserError(f"unknown language {lang!r}", "use --lang zh, --lang en or --lang other")
    from resdiff.io import is_stdin, read_input

    data = read_input(path)  # missing, folder, device, size limit; "-" is standard input
    if not data.strip() or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UserError(f"{path} is empty", "give the file that holds the resolution text",
                        zh=(f"{path} 是空文件", "请提供包含决议文本的文件"))
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data:
        raise UserError(
            f"{path} is a password-protected (encrypted) Word document, which resdiff cannot open",
            "open it in Word with its password, remove the password (File › Info › Protect Document › "
            "Encrypt with Password, clear the box) and save it again as .docx",
            zh=(f"{path} 是受密码保护（加密）的 Word 文档，resdiff 无法打开",
                "请在 Word 中用密码打开，取消密码（文件 › 信息 › 保护文档 › 用密码进行加密，清空密码框），"
                "再另存为 .docx"),
        )
    if data.startswith(_OLE_MAGIC):
        from resdiff.read.doc import read_doc  # Word 97–2003: converted to .docx by LibreOffice

        return with_warnings(_recognised(read_doc(path, data=data, lang=lang), path))
    if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)) or path.suffix.lower() in (".docx", ".docm", ".dotx"):
        if not data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
            raise UserError(
                f"{path} has a .docx name but is not a Word document inside",
                "open it in Word or LibreOffice and save it as .docx, or rename it to .txt if it is plain text",
                zh=(f"{path} 的文件名是 .docx，但内容不是 Word 文档",
                    "请在 Word 或 LibreOffice 中打开并另存为 .docx；如果是纯文本，请改名为 .txt"),
            )
        _check_docx(path, data)
        from resdiff.read.docx import read_docx  # python-docx/lxml load only when a .docx is read

        return with_warnings(read_docx(data if is_stdin(path) else path, lang=lang))
    if data[:1024].lstrip().startswith(b"%PDF") or (data[:1024].find(b"%PDF-") >= 0 and path.suffix.lower() == ".pdf"):
        from resdiff.read.pdf import read_pdf  # PDFium loads only when a PDF is read

        return with_warnings(_recognised(read_pdf(path, data=data, lang=lang), path))
    if path.suffix.lower() == ".pdf":
        raise UserError(
            f"{path} has a .pdf name but is not a PDF inside (it looks like a web page or text)",
            "download the PDF again (a failed download often saves an HTML page), or rename the file to "
            ".html / .txt if that is what it is",
            zh=(f"{path} 的文件名是 .pdf，但内容不是 PDF（像是网页或文本）",
                "请重新下载 PDF（下载失败时常会存成网页）；如果它本来就是网页或文本，请改名为 .html / .txt"),
        )
    from resdiff.read.decode import decode_bytes
    from resdiff.read.html import html_to_text, looks_like_html
    from resdiff.read.text import parse_text

    text = decode_bytes(data, str(path))
    if looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise UserError(f"{path} is empty (only spaces or blank lines)", "give the file that holds the resolution text",
                        zh=(f"{path} 是空文件（只有空格或空行）", "请提供包含决议文本的文件"))
    from resdiff import limits

    # Lines bound paragraphs from above (a PDF extract has several lines per paragraph): refuse before parsing.
    lines = text.count("\n") + 1
    if lines > 10 * limits.PARAGRAPHS.value():
        raise limits.PARAGRAPHS.error(f"{path} has {lines:,} lines")
    return with_warnings(_recognised(parse_text(text, lang=lang, source=str(path)), path))


def _recognised(resolution: Resolution, path: Path) -> Resolution:
    """The resolution, or UserError when nothing in the file reads like one (or it is too long)."""
    from resdiff import limits

    limits.PARAGRAPHS.check(len(resolution.paragraphs), f"{path} has {len(resolution.paragraphs):,} paragraphs")
    recognised = resolution.header.author or resolution.header.number or any(
        p.number is not None or p.lead for p in resolution.paragraphs
    )
    if not resolution.paragraphs or not recognised:
        raise UserError(
            f"no resolution paragraphs recognised in {path}",
            "resdiff expects a resolution: preambular paragraphs (\"Recalling …,\" / \"回顾…，\") and numbered "
            "operative paragraphs (\"1. Decides …\"); check that this is the right file",
            zh=(f"在 {path} 中没有识别出决议段落",
                "resdiff 读取的是决议：序言段（“回顾……，”/“Recalling …,”）和编号的执行段（“1. 决定……”）；"
                "请检查是否选错了文件"),
        )
    return resolution
