"""Text from outside the course, made safe to show: one place for each rule.

Names, labels and file names reach the course from learners' files (progress
exports, their own posts) and from their folders. Before any of it is shown:

- :func:`plain` removes the invisible characters that change how text is
  displayed (bidirectional overrides such as U+202E, which make a name read
  backwards, and control characters), so what is shown is what is there;
- :func:`shown_path` turns a file name into text that can always be printed
  and written as UTF-8, even when the name holds bytes that are not UTF-8;
- :func:`spreadsheet_safe` stops a text cell of a CSV file from being run as a
  formula when the file is opened in a spreadsheet (OWASP's advice on CSV
  injection: https://owasp.org/www-community/attacks/CSV_Injection).

- :func:`markdown_text` makes text safe for one line of Markdown (a table cell,
  an image's alt text): HTML escaped, Markdown's own marks backslashed;
- :func:`huge_number` names a whole number too long to print (Python refuses past
  4,300 digits) by its length;
- :func:`read_ordinary_file` reads a file a person named only when it is an
  ordinary file of a sensible size: a pipe or a device is never read (it would
  wait for ever, or never end).

HTML escaping itself is not here: pages escape every value when they are written.
Figures draw every label as plain text (:class:`sevencs.figures.PlainTextFigure`).
"""

from __future__ import annotations

import html
import math
import os
import re
import stat
from pathlib import Path

import pandas as pd

#: Characters that reorder or hide the text around them (Unicode's bidirectional controls).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: How a text cell may start that a spreadsheet would read as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(text: object, limit: int | None = 200) -> str:
    """``text`` as one line of visible characters: bidi controls and control characters removed,
    runs of white space as one space, cut to ``limit`` characters (with "…")."""
    kept = []
    for char in str(text):
        if char in BIDI_CONTROLS:
            continue
        if char <= "\x1f" or "\x7f" <= char <= "\x9f" or char in "\u2028\u2029":  # controls, line breaks
            kept.append(" ")
            continue
        kept.append(char)
    result = re.sub(r"\s+", " ", "".join(kept)).strip()
    if limit is not None and len(result) > limit:
        result = result[: limit - 1] + "…"
    return result


def shown_path(path: str | os.PathLike, whole: bool = False) -> str:
    """A file's name (or its whole path) as printable text: bytes that are not UTF-8 become "�"."""
    text = str(path) if whole else (Path(path).name or str(path))
    text = os.fsencode(text).decode("utf-8", errors="replace")
    return plain(text, limit=None)


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot run as spreadsheet formulas.

    A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe, which spreadsheets show as text; numbers,
    True/False and empty cells are left as they are.
    """
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            safe[column] = [("'" + v) if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in values]
    return safe


def markdown_text(text: object) -> str:
    """Text for one line of Markdown: white space as single spaces, HTML escaped, and every
    mark Markdown acts on inside a line (`` \\ ` * _ [ ] | # ``) backslashed, so it shows as typed."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    for mark in "\\`*_[]|#":
        text = text.replace(mark, "\\" + mark)
    return text


def huge_number(number: int) -> str:
    """A whole number named by its length, "a whole number about 10,001 digits long" (no printing)."""
    digits = int(abs(number).bit_length() * math.log10(2)) + 1
    return f"{'-' if number < 0 else ''}a whole number about {digits:,} digits long"


class UnreadableFile(Exception):
    """A named file that was not read; ``what`` completes "The file ..." ("is a folder", ...)."""

    def __init__(self, what: str, size: int | None = None) -> None:
        super().__init__(what)
        self.what = what
        #: the file's size in bytes when it was refused for being larger than the limit
        self.size = size


def read_ordinary_file(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of ``path`` if it is an ordinary file of at most ``limit`` bytes; else
    :class:`UnreadableFile` saying why. The file is opened without waiting (a pipe or a device
    would block a plain open) and checked once open, so what is read is what was checked."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise UnreadableFile("is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"could not be opened ({error.strerror or error})") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
            raise UnreadableFile(f"is {kind}, not an ordinary file, so it was not read")
        if info.st_size > limit:
            raise UnreadableFile(f"is larger than the {limit:,} bytes read", size=info.st_size)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(f"could not be read ({error.strerror or error})") from None
    finally:
        os.close(handle)
    if len(data) > limit:  # it grew while it was being read
        raise UnreadableFile(f"is larger than the {limit:,} bytes read", size=len(data))
    return data
