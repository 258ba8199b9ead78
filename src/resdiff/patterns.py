"""Every regular expression of resdiff is compiled here: once per machine and Python, not once per run.

Why. ``re.compile`` builds a pattern's code in Python: a class over the CJK ranges costs 1–2.5 ms,
because sre's ``_optimize_charset`` marks every code point of a range in turn. A Chinese redline
compiles about 80 patterns of resdiff's own: ~24 ms of a ~160 ms run, every run. The code sre builds
depends only on the pattern, the flags and the interpreter, so it is kept, as Python keeps .pyc files.

``compile(pattern, flags)`` returns a real ``re.Pattern``. The first time a pattern is met it is
compiled as ``re._compiler.compile`` does it (the same three steps in CPython 3.11, 3.12 and 3.13:
``re._parser.parse``, ``re._compiler._code``, ``_sre.compile``) and its code is recorded; later, in
this process or another one, ``_sre.compile`` is called with the recorded code (~1–4 µs; the C side
checks the code's structure and refuses an invalid one). ``lazy_compile`` defers even that to the
first use, for patterns a command or a language may never use. ``search``, ``match``, ``sub`` … are
``re``'s functions for patterns written at the call: they compile through the cache too, once per
process. Patterns made from a document's own words stay with ``re``: they would fill the cache.

The cache is one file in resdiff's cache folder (``cache.cache_dir``), named after the interpreter
build (implementation, ``sys.version``, sre's magic number and code size, byte order) so that another
Python never reads it; its header repeats that and a CRC-32 of the content, which catches what sre's
own check cannot (a changed literal or charset word is valid code that matches something else). It
is read on the first compile of a process (never by a command that compiles nothing, as ``--help``);
patterns compiled anew are added at exit, merged with what is on disk, written to a temporary file
and renamed over the old one. Another resdiff version starts the file afresh, and a file grown past
``MAX_ENTRIES`` keeps only what its last run used. Anything unexpected (an unreadable, corrupt or foreign file, a folder
that cannot be written, a private ``re`` function changed in a new Python) falls back to
``re.compile`` silently: never an error, and never slower than compiling.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib

CACHE_FORMAT = 1  # bump when the file layout changes
# resdiff has ~300 patterns. A file of more (patterns edited in a working copy pile up) is cut down to the
# ones its last run used: reading costs ~3 µs a pattern. A new resdiff version starts a new file.
MAX_ENTRIES = 1000
MAX_IN_PROCESS = 4000  # patterns kept compiled in this process (re keeps 512)
_FLAGS = re.IGNORECASE | re.LOCALE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII

_compiled: dict = {}  # (type, pattern, flags) → re.Pattern, this process
_loaded = False
_stored: dict | None = None  # (pattern, flags) → (flags, code bytes, groups, groupindex, indexgroup)
_new: dict = {}  # entries built in this process, written at exit
_used: set = set()  # keys of _stored this process used: kept first if the file must shrink


def compile(pattern, flags=0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when this pattern was compiled before."""
    if type(pattern) is not str and type(pattern) is not bytes:  # a compiled pattern, a mistake: re's business
        return re.compile(pattern, flags)
    key = (type(pattern), pattern, flags)
    try:
        return _compiled[key]
    except KeyError:
        pass
    try:
        compiled = _cached_compile(pattern, int(flags))
    except Exception:  # a private function changed, a corrupt entry …: re knows best (its errors too)
        compiled = re.compile(pattern, flags)
    if len(_compiled) < MAX_IN_PROCESS:
        _compiled[key] = compiled
    return compiled


def _cached_compile(pattern, flags: int) -> re.Pattern:
    stored = _load()
    if stored is None or flags & ~_FLAGS:  # re.DEBUG prints; unknown flags are re's business
        return re.compile(pattern, flags)
    import _sre

    key = (pattern, flags)
    entry = stored.get(key)
    if entry is not None:
        final_flags, code, groups, groupindex, indexgroup = entry
        try:
            compiled = _sre.compile(pattern, final_flags, memoryview(code).cast("I").tolist(), groups - 1,
                                    groupindex, indexgroup)
        except Exception:  # refused by sre's check: compile it again, and record it again
            stored.pop(key, None)
        else:
            _used.add(key)
            return compiled
    from array import array
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups, groupindex,
             tuple(indexgroup))
    compiled = _sre.compile(pattern, entry[0], code, entry[2] - 1, entry[3], entry[4])
    if not _new:
        import atexit

        atexit.register(save)
    _new[key] = entry
    return compiled


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """Like ``compile``, but compiled on first use: for module-level patterns that a command or a
    language may not need (an English-only pattern in a Chinese run)."""
    return LazyPattern(pattern, flags)


class LazyPattern:
    """A ``compile(pattern, flags)`` that happens on first use. It answers what a compiled
    ``re.Pattern`` answers (``search``, ``sub``, ``pattern``, ``flags`` …); on first use it keeps the
    compiled pattern's attributes on itself, so later calls cost what calls on the pattern cost."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for attributes not yet on the instance, i.e. before the first compile.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = compile(self.pattern, self._flags)
        for attr in dir(compiled):
            if not attr.startswith("__"):
                setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self._flags})"


# re's functions, for a pattern written where it is used (compiled through the cache, once per process)

def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


# ── the file ─────────────────────────────────────────────────────────────────────────────────────

def _interpreter() -> bytes:
    """What the stored code depends on besides the pattern: the interpreter build and sre."""
    import _sre

    return (f"resdiff patterns {CACHE_FORMAT}|{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|"
            f"{_sre.CODESIZE}|{sys.maxunicode}|{sys.byteorder}\n").encode()


def _header() -> bytes:
    """The file's first lines: the interpreter, and resdiff's version (so that an upgrade starts a new
    file rather than keeping the old version's patterns for ever)."""
    from resdiff import __version__

    return _interpreter() + f"resdiff {__version__}\n".encode()


def cache_file() -> str:
    from resdiff.cache import cache_dir

    return os.path.join(cache_dir(), f"regex-{sys.implementation.cache_tag}-{zlib.crc32(_interpreter()):08x}.bin")


def _load() -> dict | None:
    """The stored entries, read once per process; empty when the file is missing or not usable; None
    when this interpreter's code words are not the 4-byte words the file holds (no cache at all)."""
    global _stored, _loaded
    if not _loaded:
        _loaded = True
        import _sre

        if _sre.CODESIZE != 4 or memoryview(bytes(4)).cast("I").itemsize != 4:
            return None
        _stored = {}
        try:
            _stored = _read(cache_file())
        except Exception:  # missing, unreadable, corrupt, another Python's: compile as usual
            pass
    return _stored


def _read(path: str) -> dict:
    with open(path, "rb") as fh:
        data = fh.read()
    head = _header()
    if not data.startswith(head):
        raise ValueError("written by another interpreter, format or resdiff version")
    crc, body = data[len(head):len(head) + 8], data[len(head) + 8:]
    if crc != b"%08x" % zlib.crc32(body):
        raise ValueError("corrupt")
    entries = marshal.loads(body)
    if type(entries) is not dict:
        raise ValueError("corrupt")
    return entries


def save() -> None:
    """Add the patterns compiled in this process to the file (at exit); never raises."""
    if not _new:
        return
    try:
        path = cache_file()
        try:
            entries = _read(path)
        except Exception:
            entries = {}
        entries.update(_new)
        if len(entries) > MAX_ENTRIES:  # edited patterns piling up: keep what this run used
            entries = {key: entries[key] for key in [*_used, *_new] if key in entries}
        body = marshal.dumps(entries)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temp = f"{path}.{os.getpid()}.tmp"
        try:
            with open(temp, "xb") as fh:
                fh.write(_header() + b"%08x" % zlib.crc32(body) + body)
            os.replace(temp, path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
    except Exception:  # a read-only or full disk: the next run compiles again, that is all
        pass
    _new.clear()
