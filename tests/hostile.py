"""Helpers for the hostile-input tests: run the CLI in a child process under a memory and time cap,
build attack files (small on disk), and check that nothing but the output path changed."""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MEMORY_CAP = 1536 << 20  # address space of the child: jieba's dictionary and lxml fit, runaway growth not
TIME_CAP = 120  # seconds; every attack here ends in a few seconds when bounded

_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships">{}</Relationships>')
_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>'

PARAGRAPHS = ["The General Assembly,", "Recalling its resolution 75/180,", "1. Decides to continue consideration."]


def document_xml(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def paragraph(text: str, extra: str = "") -> str:
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def plain_body(texts=PARAGRAPHS) -> str:
    return "".join(paragraph(t) for t in texts)


def make_docx(document: bytes, numbering: bytes | None = None, extra_parts: dict[str, bytes] | None = None,
              compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx: package relationships, the main document, optionally a numbering part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", _RELS.format(_REL.format(id="rId1", kind="officeDocument", target="word/document.xml")))
        rels = ""
        if numbering is not None:
            rels = _REL.format(id="rId2", kind="numbering", target="numbering.xml")
            z.writestr("word/numbering.xml", numbering)
        z.writestr("word/_rels/document.xml.rels", _RELS.format(rels))
        z.writestr("word/document.xml", document)
        for name, data in (extra_parts or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def numbering_xml(fmt: str, start: str, ilvl: str = "0") -> bytes:
    return (f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="1">'
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
            f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>').encode()


NUMBERED = '<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'


def _cap(memory: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return apply


def run_cli(args: list[str], cwd: Path, *, stdin: bytes | None = None, env: dict | None = None,
            memory: int = MEMORY_CAP, timeout: float = TIME_CAP) -> subprocess.CompletedProcess:
    """``python -m resdiff ARGS`` in ``cwd`` under an address-space cap (RLIMIT_AS) and a time cap."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    full_env.pop("RESDIFF_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "resdiff", *args], cwd=cwd, input=stdin if stdin is not None else b"",
                          capture_output=True, timeout=timeout, preexec_fn=_cap(memory), env=full_env)


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder``: kind, size, mode, modification time (what "unchanged" means here)."""
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            st = path.lstat()
            out[str(path.relative_to(folder))] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return out


def changed(before: dict, after: dict, allowed: set[str] = frozenset()) -> set[str]:
    keys = set(before) | set(after)
    return {k for k in keys if before.get(k) != after.get(k)} - set(allowed)
