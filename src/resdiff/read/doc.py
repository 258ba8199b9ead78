"""Read an old binary Word 97–2003 ``.doc`` by converting it to .docx with LibreOffice, then reading that.

The conversion runs headless with its own temporary user profile (so it neither waits for nor disturbs a
LibreOffice the user has open), under a time limit, in a temporary folder that is removed afterwards:
nothing is left behind and the input is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from resdiff.errors import UserError
from resdiff.model import Resolution

TIME_LIMIT = 120  # seconds; a first start of LibreOffice with a new profile takes a few seconds

_SAVE_AS_HINT = ("install LibreOffice (Debian/Ubuntu: `apt-get install libreoffice-writer`; it provides "
                 "`soffice`), or open the file in Word or LibreOffice and save it as .docx (File › Save As › "
                 "Word Document), then try again")


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def doc_to_docx(path: Path, data: bytes) -> bytes:
    """The .docx LibreOffice makes of a .doc file's bytes."""
    program = soffice()
    if program is None:
        raise UserError(f"{path} is an old binary Word .doc file, and reading it needs LibreOffice, "
                        "which is not installed", _SAVE_AS_HINT,
                        zh=(f"{path} 是旧的二进制 Word .doc 文件，读取它需要 LibreOffice，但本机没有安装",
                            "请安装 LibreOffice（它提供 soffice），或在 Word、LibreOffice 中打开并另存为 .docx 后再试"))
    with tempfile.TemporaryDirectory(prefix="resdiff-doc-") as work:
        folder = Path(work)
        source = folder / "input.doc"  # a copy: LibreOffice never sees (or locks) the user's file
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"),
                   str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIME_LIMIT, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise UserError(f"LibreOffice did not convert {path} within {TIME_LIMIT} seconds",
                            "open it in Word or LibreOffice and save it as .docx, then try again") from None
        except OSError as exc:
            raise UserError(f"LibreOffice could not be started to read {path}: {exc}", _SAVE_AS_HINT) from None
        result = folder / "out" / "input.docx"
        if not result.exists() or result.stat().st_size == 0:
            raise UserError(f"LibreOffice could not convert {path} (a damaged or protected .doc?)",
                            "open it in Word or LibreOffice and save it as .docx, then try again",
                            zh=(f"LibreOffice 无法转换 {path}（.doc 已损坏或受保护？）",
                                "请在 Word 或 LibreOffice 中打开并另存为 .docx 后再试"))
        return result.read_bytes()


def read_doc(path: str | Path, data: bytes | None = None, lang: str | None = None) -> Resolution:
    """Read a resolution from a Word 97–2003 .doc file (see the module docstring)."""
    from dataclasses import replace

    from resdiff.read.docx import read_docx

    path = Path(path)
    if data is None:
        data = path.read_bytes()
    res = read_docx(doc_to_docx(path, data), lang=lang)
    return replace(res, source=str(path))
