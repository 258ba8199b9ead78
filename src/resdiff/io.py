"""Files in and out: atomic writes that never clobber an input or an existing file without --force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from resdiff.errors import UserError


def check_output_path(output: Path, inputs: list[Path], force: bool) -> None:
    """Refuse an output that is an input, an existing file (without ``force``), or in a missing folder."""
    out = output.resolve()
    for inp in inputs:
        if inp.exists() and out.exists() and os.path.samefile(out, inp):
            raise UserError(f"output {output} is also an input", "choose another output file name")
        if inp.resolve() == out:
            raise UserError(f"output {output} is also an input", "choose another output file name")
    if out.is_dir():
        raise UserError(f"output {output} is a directory", "give a file name, e.g. -o report.html")
    if out.exists() and not force:
        raise UserError(f"{output} already exists", "add --force to replace it")
    if not out.parent.is_dir():
        raise UserError(f"folder {output.parent} does not exist", "create it first or choose another path")


def write_atomic(output: Path, data: bytes | str) -> None:
    """Write to a temporary file in the same folder, then rename over the target in one step."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    output = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    try:
        # mkstemp makes the file private (0600); give it the permissions a plain open() would.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
