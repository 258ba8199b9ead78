"""resdiff: read, compare, redline and draft United Nations resolutions."""

from __future__ import annotations

__version__ = "0.1.0"


def load(path, lang: str | None = None):
    """Read a resolution file (text or .docx) into a :class:`resdiff.model.Resolution`.

    (Not named ``read``: that is the subpackage of readers.)
    """
    from resdiff.read import read_file

    return read_file(path, lang=lang)


def compare(old, new, strict: bool = False):
    """Compare two resolutions (or paths) and return a :class:`resdiff.model.Comparison`."""
    from resdiff.comparison import compare as _compare

    if not hasattr(old, "paragraphs"):
        old = load(old)
    if not hasattr(new, "paragraphs"):
        new = load(new)
    return _compare(old, new, strict=strict)
