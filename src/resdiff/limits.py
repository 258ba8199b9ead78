"""Bounds on what one run will read, so a hostile or broken file costs bounded time and memory.

Each limit has a default that real resolutions never come near (a resolution is 20–200 KB of text,
a few hundred paragraphs) and an environment variable that raises it. Exceeding a limit is a
UserError that names the limit and the variable, never a silent truncation.
"""

from __future__ import annotations

import os

from resdiff.errors import UserError
from resdiff.records import record


@record
class Limit:
    """A size or count limit on input, with its default and the environment variable that overrides it."""

    env: str  # environment variable that overrides the default
    default: int
    what: str  # the limit in words, for messages: "input size"
    unit: str = ""  # "MB" when the variable is given in megabytes
    scale: int = 1  # bytes per unit

    def value(self) -> int:
        """The limit in force (in bytes when it has a unit)."""
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default * self.scale
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number <= 0:
            raise UserError(f"{self.env}={raw!r} is not a positive whole number",
                            f"set {self.env} to a number{' of ' + self.unit if self.unit else ''}, "
                            f"e.g. {self.env}={self.default * 2}, or unset it (default {self.default})")
        return number * self.scale

    def shown(self) -> str:
        n = self.value() // self.scale
        return f"{n:,} {self.unit}".strip()

    def error(self, subject: str) -> UserError:
        """``subject`` says what is too large: "a.txt is 80 MB"."""
        return UserError(
            f"{subject}, over the {self.what} limit of {self.shown()}",
            f"if you trust this file, raise the limit: {self.env}={2 * self.value() // self.scale} resdiff …",
        )

    def check(self, amount: int, subject: str) -> None:
        if amount > self.value():
            raise self.error(subject)


MB = 1 << 20

INPUT_SIZE = Limit("RESDIFF_MAX_INPUT_MB", 64, "input size", "MB", MB)
PART_SIZE = Limit("RESDIFF_MAX_PART_MB", 64, "decompressed .docx part size", "MB", MB)
# Word's XML compresses 5–30×; zip bombs 1000× and more. Only parts larger than RATIO_FLOOR are judged.
ZIP_RATIO = Limit("RESDIFF_MAX_ZIP_RATIO", 200, "compression ratio of a .docx part")
RATIO_FLOOR = 4 * MB
PARAGRAPHS = Limit("RESDIFF_MAX_PARAGRAPHS", 100_000, "paragraph count")
# Word's own "Start at" box stops at 32,767; a list counter beyond this is a broken or hostile file
# (a lowerLetter label of 10⁹ is 38 million letters long).
LIST_NUMBER = Limit("RESDIFF_MAX_LIST_NUMBER", 100_000, "list number")


def mb(amount: int) -> str:
    return f"{amount / MB:,.1f} MB"


def check_zip(archive, name: str) -> None:
    """Refuse a zip (.docx) whose parts' declared sizes or compression ratios are beyond the limits
    (zip bombs), before anything is decompressed; zipfile never returns more than a part's declared size."""
    for info in archive.infolist():
        PART_SIZE.check(info.file_size, f"{name}: part {info.filename} unpacks to {mb(info.file_size)}")
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            ZIP_RATIO.check(int(ratio), f"{name}: part {info.filename} is compressed {ratio:,.0f} to 1")
