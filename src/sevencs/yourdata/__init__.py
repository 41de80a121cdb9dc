"""Your own posts, from the files the platforms let you download: one call, many formats.

>>> posts = read_posts("my_export.zip")     # the format is recognised from the content
>>> print(what_was_read(posts))

:func:`read_posts` opens a file (or a zip archive, and the right file inside it),
asks each reader in :data:`READERS` whether the content is its platform's file,
and returns the course's table of posts (:mod:`sevencs.yourdata.table`): the
sample posts' columns that the file has, rows in date order, and ``attrs``
saying which file was read, how, and what was assumed. One module per platform;
the course's own CSV (and any analytics CSV, through header aliases) last.

Everything happens on your own computer: nothing is sent anywhere, and nothing
larger than :data:`~sevencs.yourdata.files.MAX_BYTES` is read. A file is read
completely or not at all: any problem raises :class:`ImportProblem` saying which
file, what was expected, what was found and what to try.
"""

from __future__ import annotations

import os
from typing import IO

import pandas as pd

from sevencs.yourdata import bluesky, course_csv, linkedin, mastodon, meta_download, meta_suite, tiktok, x, youtube
from sevencs.yourdata.files import MAX_BYTES, Found, open_source
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.registry import Reader
from sevencs.yourdata.table import COLUMNS, SAMPLE_ORDER
from sevencs.yourdata.text import html_to_text, safe_html

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "READERS",
    "ImportProblem",
    "Reader",
    "html_to_text",
    "read_posts",
    "reader",
    "safe_html",
    "what_was_read",
]

#: Every reader, most particular first; the course's own CSV (any CSV with known headers) last.
READERS: tuple[Reader, ...] = (
    meta_suite.READER,
    *meta_download.READERS,
    *x.READERS,
    linkedin.READER,
    tiktok.READER,
    youtube.READER,
    mastodon.READER,
    bluesky.READER,
    course_csv.READER,
)
_BY_KEY = {r.key: r for r in READERS}


def reader(key: str) -> Reader:
    """The reader called ``key`` (``csv``, ``mastodon``...)."""
    if key not in _BY_KEY:
        raise ImportProblem(f"format must be one of {', '.join(_BY_KEY)} (or left out), but got {key!r}")
    return _BY_KEY[key]


def what_the_course_reads() -> str:
    """The files the course reads, one line each, with where to get them (for messages)."""
    return "\n".join(f"- {r.describe()}" for r in READERS)


def _recognised(found: Found) -> Reader:
    for candidate in READERS:
        if candidate.recognise(found):
            return candidate
    if found.kind == "zip":
        names = found.archive_names
        shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        what = f"a zip archive holding {shown}" if names else "a zip archive the course cannot open"
    elif found.kind in ("xlsx", "xls"):
        what = "an Excel workbook without a sheet of posts the course knows"
    elif found.kind == "car":
        what = "a CAR file (a Bluesky repository) the course could not read"
    elif found.looks_like_json:
        try:
            _ = found.json  # parsing it says what is wrong with a broken file
        except ImportProblem as problem:
            raise ImportProblem(f"{problem} The course reads these files:\n{what_the_course_reads()}") from None
        what = "JSON the course does not recognise"
    else:
        what = "a file the course does not recognise"
    raise ImportProblem(f"{found.name} is {what}. The course reads these files:\n{what_the_course_reads()}")


def read_posts(path: str | os.PathLike | IO[bytes], *, format: str | None = None) -> pd.DataFrame:
    """Your posts from a platform's export file (or a zip holding it), as a table like the sample posts.

    ``path`` is a file path or an open binary file (such as ``io.BytesIO`` of an uploaded
    file). ``format`` forces a reader by its key (``"csv"``, ``"mastodon"``...; see
    :data:`READERS`); left out, the format is recognised from the content.

    Returns a new DataFrame with the course's columns that the file has
    (:data:`~sevencs.yourdata.table.COLUMNS`, in that order; ``date`` a datetime
    column), rows in date order, and ``attrs`` as :mod:`sevencs.yourdata.table`
    describes. Raises :class:`ImportProblem` for anything it cannot read completely;
    nothing is ever half-loaded.
    """
    chosen = reader(format) if format is not None else None
    found = open_source(path)
    if not found.data.strip():
        raise ImportProblem(
            f"{found.name} is empty. Expected one of the files the course reads:\n{what_the_course_reads()}"
        )
    try:
        chosen = chosen or _recognised(found)
        return chosen.read(found)
    except ImportProblem:
        raise
    except Exception as error:
        # The readers report every problem they know of; this is the net under them, so that a
        # file nobody foresaw still ends in a message and never in a traceback.
        looked = f" It looked like {chosen.platform}: {chosen.title}; check that it is, or" if chosen else " Please"
        raise ImportProblem(
            f"{found.name} could not be read because of an unexpected problem ({type(error).__name__}), so "
            f"nothing was loaded.{looked} report this to the course's authors."
        ) from None


def what_was_read(posts: pd.DataFrame) -> str:
    """What :func:`read_posts` read, in plain words: the file and what it was recognised as, the posts
    and their dates, what it lacks, and every assumption made (the capstone prints this)."""
    attrs = posts.attrs
    source = f" from {attrs['source']}" if attrs.get("source") else ""
    if source and attrs.get("recognised_as"):
        source += f" ({attrs['recognised_as']})"
    if posts.empty or "date" not in posts.columns:
        lines = [f"Read {len(posts):,} posts{source}."]
    else:
        first, last = posts["date"].min(), posts["date"].max()
        lines = [f"Read {len(posts):,} posts{source}, dated {first.day} {first:%B %Y} to {last.day} {last:%B %Y}."]
    absent = [c for c in attrs.get("absent_columns", []) if c not in ("post_id", "type")]
    if absent:
        lines.append(f"The file has no {', '.join(absent)}: the audit says what it cannot show without them.")
    lines += [f"Assumed: {a}" for a in attrs.get("assumptions", [])]
    return "\n".join(lines)


__all__ += ["SAMPLE_ORDER", "what_the_course_reads"]
