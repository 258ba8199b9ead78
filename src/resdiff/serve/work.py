"""What the web page and the API do with uploaded files, without anything web-specific.

Each request's files are written to a private temporary folder (mode 0700, fixed names ``old`` /
``new`` / ``previous`` plus a suffix from an allow-list) so the readers — which take paths, and for
.doc/.pdf may hand the file to LibreOffice or poppler — work unchanged; the folder is removed before the
response is sent. Nothing from the request (file name, field) is ever used as a path: the client's file
name is only shown, in messages and in download names.

All functions here are blocking and CPU-heavy; the app runs them on its one worker thread (see app.py).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from resdiff import deadline, patterns
from resdiff.errors import UserError

# Suffixes the readers look at; any other name is read by content alone (as ``.txt``).
KNOWN_SUFFIXES = (".txt", ".text", ".md", ".htm", ".html", ".docx", ".docm", ".dotx", ".doc", ".pdf", ".odt", ".rtf")
LANGUAGES = ("zh", "en", "other")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser sent (shown only) and its bytes."""

    name: str
    data: bytes

    @property
    def display_name(self) -> str:
        return display_name(self.name)

    @property
    def suffix(self) -> str:
        suffix = Path(self.display_name).suffix.lower()
        return suffix if suffix in KNOWN_SUFFIXES else ".txt"


def display_name(name: str) -> str:
    """The client's file name made safe to show: last path part, no control characters, bounded."""
    base = patterns.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "upload"
    return base[:120]


def download_stem(upload: Upload, symbol: str | None) -> str:
    """``A_RES_79_166`` from the document's symbol, else from the uploaded file's name."""
    if symbol:
        stem = symbol
    else:
        stem = display_name(upload.name)
        for suffix in (*KNOWN_SUFFIXES, ".en", ".zh"):  # A_RES_72_169.en.txt → A_RES_72_169
            if stem.lower().endswith(suffix) and len(stem) > len(suffix):
                stem = stem[: -len(suffix)]
    stem = patterns.sub(r"[^\w.-]+", "_", stem, flags=re.ASCII).strip("._") or "resolution"
    return stem[:80]


def check_language(lang: str | None) -> str | None:
    """'' or 'auto' → detected; otherwise one of the CLI's --lang values."""
    if lang in (None, "", "auto"):
        return None
    if lang not in LANGUAGES:
        raise UserError(f"unknown language {lang!r}", "use lang=zh, lang=en or lang=other (or leave it empty)")
    return lang


def read_uploads(uploads: dict[str, Upload], lang: str | None):
    """Read each upload (keyed 'old'/'new'/'previous') into a Resolution named after the client's file."""
    from resdiff.read import read_file

    folder = Path(tempfile.mkdtemp(prefix="resdiff-serve-"))  # 0700: only this user can look inside
    try:
        out = {}
        for role, upload in uploads.items():
            deadline.check()  # past the request's limit (one file took long): do not read the next
            path = folder / f"{role}{upload.suffix}"
            path.write_bytes(upload.data)
            try:
                res = read_file(path, lang=lang)
            except UserError as err:
                raise UserError(_shown(err.message, path, upload), _shown(err.hint, path, upload),
                                zh=(_shown(err.message_zh, path, upload), _shown(err.hint_zh, path, upload))) from None
            out[role] = dataclasses.replace(res, source=upload.display_name)
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _shown(text: str, path: Path, upload: Upload) -> str:
    """A reader's message with our temporary path replaced by the name the user gave the file."""
    return (text or "").replace(str(path), upload.display_name).replace(path.name, upload.display_name)


def compare_uploads(old: Upload, new: Upload, strict: bool = False, lang: str | None = None):
    from resdiff.comparison import compare

    read = read_uploads({"old": old, "new": new}, lang)
    return compare(read["old"], read["new"], strict=strict)


def comparison_json(cmp) -> str:
    from resdiff.render.json import comparison_dict, dumps

    return dumps(comparison_dict(cmp))


def redline_docx(cmp, author: str, when: datetime | None = None) -> bytes:
    from resdiff.render.docx import redline_document

    return redline_document(cmp, author=check_author(author), date=when or _now(), style="track")


def pair_name(old: Upload, new: Upload, cmp, kind: str, suffix: str = ".docx") -> str:
    """``A_RES_74_153-vs-A_RES_72_169.redline.docx``: the new version first, then the one it is set against."""
    return f"{download_stem(new, cmp.new.header.symbol)}-vs-{download_stem(old, cmp.old.header.symbol)}.{kind}{suffix}"


AMENDMENT_FORMATS = {"docx": ".docx", "md": ".md", "text": ".txt"}


def amendments_file(cmp, fmt: str = "docx") -> bytes | str:
    """What `compare --format amendments -o NAME` writes: Word for .docx, Markdown for .md, text for .txt."""
    from pathlib import PurePath

    from resdiff.render.amendments import render_for_output

    return render_for_output(cmp, PurePath("amendments" + AMENDMENT_FORMATS[fmt]))  # only its suffix is read


def draft_from(previous: Upload, lang: str | None = None):
    from resdiff.draft import draft_next

    return draft_next(read_uploads({"previous": previous}, lang)["previous"])


def draft_json(result) -> str:
    from resdiff.render.json import draft_dict, dumps

    return dumps(draft_dict(result))


def draft_docx(result, author: str, when: datetime | None = None) -> bytes:
    from resdiff.comparison import compare
    from resdiff.render.docx import draft_document

    return draft_document(result, compare(result.previous, result.resolution), author=check_author(author),
                          date=when or _now())


def draft_name(previous: Upload, result) -> str:
    return f"{download_stem(previous, result.previous.header.symbol)}.next-session.draft.docx"


def check_author(author: str | None) -> str:
    author = (author or "").strip() or "resdiff"
    if len(author) > 100 or not author.isprintable():
        raise UserError("the author name is too long or has control characters", "give a short name, e.g. your delegation")
    return author


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)
