"""Files in and out.

In: ``read_input`` reads a file (or ``-``, standard input) whole, but never more than the input size
limit, and refuses devices (``/dev/zero`` would never end).
Out: ``write_atomic`` writes a temporary file in the target's folder and then, in one step, either
links it to the target name (which fails if anything appeared there meanwhile: two runs writing the
same ``-o`` without ``--force`` cannot both succeed) or, with ``--force``, renames it over the target,
keeping the permissions of the file it replaces. Only regular files are ever written or replaced. The
temporary file is removed on any error, Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import threading
from pathlib import Path

from resdiff import limits
from resdiff.errors import UserError

STDIN = "-"
_stdin_used = False


def is_stdin(path: str | Path) -> bool:
    return str(path) == STDIN


def read_input(path: str | Path) -> bytes:
    """The bytes of an input file, or of standard input for ``-``; UserError for anything unreadable."""
    global _stdin_used
    limit = limits.INPUT_SIZE.value()
    if is_stdin(path):
        if _stdin_used:
            raise UserError("standard input (-) can be read only once",
                            "save one of the versions to a file and give its name")
        _stdin_used = True
        return _read_bounded(sys.stdin.buffer, limit, "standard input")
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(f"{path} does not exist", "check the file name and the folder you run resdiff from") from None
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}", "check that the file is readable") from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{path} is a folder, not a file", "give the path of one resolution file inside it")
    if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        raise UserError(f"{path} is a device, not a file",
                        "give a resolution file (a pipe works too: `cmd | resdiff parse -`)")
    if stat.S_ISREG(info.st_mode):
        limits.INPUT_SIZE.check(info.st_size, f"{path} is {limits.mb(info.st_size)}")
    try:
        with open(path, "rb") as fh:
            return _read_bounded(fh, limit, str(path))
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}", "check that the file is readable") from None


def _read_bounded(fh, limit: int, name: str) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise limits.INPUT_SIZE.error(f"{name} is larger than {limits.mb(limit)}")
    return data


def check_output_path(output: Path, inputs: list[Path], force: bool) -> None:
    """Refuse an output that is an input, an existing file (without ``force``), anything but a regular
    file (with ``force`` too), or in a missing folder."""
    out = output.resolve()
    for inp in inputs:
        if is_stdin(inp):
            continue
        if inp.exists() and out.exists() and os.path.samefile(out, inp):
            raise UserError(f"output {output} is also an input", "choose another output file name")
        if inp.resolve() == out:
            raise UserError(f"output {output} is also an input", "choose another output file name")
    if out.is_dir():
        raise UserError(f"output {output} is a directory", "give a file name, e.g. -o report.html")
    if out.exists() and not out.is_file():
        raise _not_regular(output)
    if out.exists() and not force:
        raise UserError(f"{output} already exists", "add --force to replace it")
    if not out.parent.is_dir():
        raise UserError(f"folder {output.parent} does not exist", "create it first or choose another path")


def _not_regular(output: Path) -> UserError:
    return UserError(f"{output} is not a regular file (a device, pipe or socket); resdiff writes only files",
                     "give the name of a new or existing ordinary file with -o, or leave -o out to print")


def write_atomic(output: Path, data: bytes | str, force: bool = False) -> None:
    """Write ``data`` to ``output`` all at once; without ``force`` fail if ``output`` exists by then."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    output = Path(output)
    mode = _replaced_mode(output) if force else None
    if mode is None:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # what a plain open() would give (mkstemp makes the file 0600)
    import tempfile  # here, not at the top: only writing a file needs it (and its random, ~1 ms to import)

    with _signals_raise():
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        except OSError as exc:
            raise _write_error(output, exc) from None
        try:
            os.fchmod(fd, mode)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            if force:
                os.replace(tmp, output)
            else:
                _link_new(tmp, output)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
                raise _write_error(output, exc) from None
            raise


def _replaced_mode(output: Path) -> int | None:
    """Permission bits of the regular file ``--force`` replaces (None when there is none)."""
    try:
        info = os.stat(output)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_error(output, exc) from None
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(output)
    return stat.S_IMODE(info.st_mode)


def _link_new(tmp: str, output: Path) -> None:
    """Give the finished temporary file the name ``output``, failing if that name is taken."""
    try:
        os.link(tmp, output)
    except FileExistsError:
        raise UserError(f"{output} already exists (written by someone else meanwhile)",
                        "add --force to replace it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links: claim the name exclusively, then rename over our own claim.
        try:
            os.close(os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise UserError(f"{output} already exists (written by someone else meanwhile)",
                            "add --force to replace it") from None
        os.replace(tmp, output)
        return
    os.unlink(tmp)


def _write_error(output: Path, exc: OSError) -> UserError:
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UserError(f"cannot write {output}: {reason}", "free some disk space or write to another disk")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"cannot write {output}: {reason}",
                         "choose a folder you may write to (the output folder must be writable, "
                         "resdiff writes a temporary file there first)")
    return UserError(f"cannot write {output}: {reason}", "check the output path and the disk")


class _Terminated(SystemExit):
    pass


@contextlib.contextmanager
def _signals_raise():
    """While a temporary file exists, turn SIGTERM / SIGHUP into an exception so it gets removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}

    def stop(signum, _frame):
        raise _Terminated(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is signal.SIG_IGN:  # nohup and friends: leave it ignored
            continue
        try:
            previous[sig] = signal.signal(sig, stop)
        except (ValueError, OSError):
            pass
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
