"""Bring your own data: read your own posts from a CSV file or a Mastodon export.

The capstone audit runs on the sample nursery, and then on *your* account.
This module turns the files you can get out of a social network into the
same table :func:`sevencs.datasets.load_posts` gives, with the columns your
data has:

- a **CSV file** in the course's format (:data:`CSV_COLUMNS`), or an
  analytics export whose headers say the same things in other words
  ("Publish time", "Reactions", "Post type"...: :data:`HEADER_ALIASES`);
- a **Mastodon account archive**'s ``outbox.json``: an ActivityStreams
  ``OrderedCollection`` whose ``orderedItems`` are ``Create`` activities
  (your posts and replies, text in ``object.content`` as HTML) and
  ``Announce`` activities (your boosts of other people's posts), each with a
  ``published`` timestamp. Field names as Mastodon's archive writer
  (``BackupService`` with ``ActivityPub::ActivitySerializer`` and
  ``ActivityPub::NoteSerializer``) produces them.

>>> posts = read_posts(example_path("posts.csv"))
>>> toots = read_posts(example_path("outbox.json"))   # format found from the content

Everything happens on your own computer: the file is read from your disk and
nothing is sent anywhere. Files larger than :data:`MAX_BYTES` are refused
before they are read.

A file is either read completely or not at all: any problem raises
:class:`ImportProblem` (a ``ValueError``) whose message says which file, what
was expected, what was found (column names, spreadsheet row numbers) and what
to try. Post text is data, never markup: HTML is stripped to plain words for
analysis (:func:`html_to_text`), and anything that shows a post's text again
must pass it through :func:`safe_html` first.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import math
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import IO

import numpy as np
import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, MAX_COUNT, any_search, parse_counts, parse_dates, stripped
from sevencs.untrusted import shown_path

__all__ = [
    "ImportProblem",
    "MAX_BYTES",
    "CSV_COLUMNS",
    "HEADER_ALIASES",
    "MASTODON_FIELDS",
    "CsvColumn",
    "read_posts",
    "read_posts_csv",
    "read_mastodon_outbox",
    "what_was_read",
    "html_to_text",
    "safe_html",
    "example_path",
    "examples",
    "describe_csv_columns",
    "describe_mastodon_fields",
]

#: The largest file the course reads, in bytes (50 MB). A year of posts from a
#: busy account is well under 5 MB as CSV; anything far bigger is probably the
#: wrong file (a video, a whole archive) and would make a notebook crawl.
MAX_BYTES: int = 50_000_000

FORMATS = ("csv", "mastodon")


class ImportProblem(ValueError):
    """A problem with a file you asked the course to read, explained in plain words."""


# --- the CSV format ------------------------------------------------------------------


@dataclass(frozen=True)
class CsvColumn:
    """One column of the course's CSV format for posts."""

    name: str
    required: bool
    kind: str
    meaning: str
    if_empty: str


#: The course's CSV format, in the order of the sample posts table. Only
#: ``date`` and ``text`` are required: a file of dates and words still feeds
#: the parts of the audit that read words and timing, and the audit says
#: which measures need counts it did not get. A column whose cells are all
#: empty counts as absent.
CSV_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn("post_id", False, "whole number or text",
              "An id for the post, different for every post. Without this column, posts are "
              "numbered 1, 2, 3... in date order.",
              "not allowed (delete the whole column to number posts automatically)"),
    CsvColumn("date", True, "date and time",
              "When the post was published, such as 2025-11-01 08:05 or 11/01/2025 08:05 (month "
              "first, as US-style exports write it). Day-first dates such as 31/01/2025 are read "
              "day first when the column only makes sense that way; when no date tells (every day "
              "is 12 or less), month first is assumed and the import says so. Two-digit years are "
              "read as 20xx, also said. Times ending in Z or +01:00 are turned into UTC. Years "
              "before 1990 or after 2099 are refused.",
              "not allowed"),
    CsvColumn("type", False, "text",
              "Your own label for the kind of post, such as promotional, how-to, question or "
              "story (read in lower case).",
              "becomes 'unlabelled'"),
    CsvColumn("text", True, "text",
              "The words of the post. HTML tags are removed; the words inside them stay.",
              "allowed (a photo-only post)"),
    CsvColumn("reach", False, "whole number, 0 or more",
              "Accounts that saw the post at least once (people, not views).",
              "not allowed (fill it in or delete the column)"),
    CsvColumn("likes", False, "whole number, 0 or more",
              "Likes and other reactions on the post.", "0 (exports leave a blank when nobody did it), unless the whole column is empty"),
    CsvColumn("comments", False, "whole number, 0 or more",
              "Comments or replies under the post.", "0 (exports leave a blank when nobody did it), unless the whole column is empty"),
    CsvColumn("shares", False, "whole number, 0 or more",
              "Times the post was shared, reposted or boosted.", "0 (exports leave a blank when nobody did it), unless the whole column is empty"),
    CsvColumn("followers", False, "whole number, 0 or more",
              "Your follower count on the day of the post.",
              "not allowed (fill it in or delete the column)"),
    CsvColumn("impressions", False, "whole number, 0 or more",
              "Times the post was shown, repeats counted.",
              "not allowed (fill it in or delete the column)"),
    CsvColumn("url", False, "text", "The post's web address (permalink).", "allowed"),
)

_COLUMN = {c.name: c for c in CSV_COLUMNS}
_SHORT = {"date": "when each post was published", "text": "the words of each post"}
_REQUIRED = [c.name for c in CSV_COLUMNS if c.required]
_COUNTS = ("reach", "likes", "comments", "shares", "followers", "impressions")
_ZERO_IF_EMPTY = ("likes", "comments", "shares")
#: The sample posts' columns, in order; imported tables keep this order.
_SAMPLE_ORDER = ("post_id", "date", "type", "text", "reach", "likes", "comments", "shares",
                 "followers", "impressions")


def _normal(header: str) -> str:
    """A header as compared: lower case, BOM and outer spaces gone, ``_``/``-``/runs of spaces as one space."""
    return re.sub(r"[\s_\-]+", " ", header.replace("\ufeff", "")).strip().lower()


#: Every header the CSV reader recognises (compared in lower case, with ``_``,
#: ``-`` and repeated spaces read as one space) and the column it fills. When a
#: file has more than one header for the same column, the one listed first
#: here wins and the others are ignored: some exports have both "Publish
#: time" (when the post went out) and "Date" (the reporting period, which may
#: say "Lifetime"), so "Publish time" comes first.
HEADER_ALIASES: dict[str, str] = {
    "post id": "post_id", "id": "post_id", "media id": "post_id", "status id": "post_id",
    "tweet id": "post_id",
    "publish time": "date", "published": "date", "published at": "date", "publish date": "date",
    "posted": "date", "posted at": "date", "post date": "date", "date": "date",
    "date posted": "date", "created": "date", "created at": "date", "created time": "date",
    "timestamp": "date", "time": "date",
    "type": "type", "post type": "type", "content type": "type", "media type": "type",
    "text": "text", "message": "text", "description": "text", "caption": "text",
    "post text": "text", "content": "text", "body": "text", "tweet text": "text", "title": "text",
    "url": "url", "permalink": "url", "link": "url", "post link": "url", "post url": "url",
    "reach": "reach", "accounts reached": "reach", "people reached": "reach",
    "likes": "likes", "reactions": "likes", "like count": "likes", "likes count": "likes",
    "favourites": "likes", "favorites": "likes", "favourites count": "likes",
    "comments": "comments", "replies": "comments", "comment count": "comments",
    "comments count": "comments", "replies count": "comments",
    "shares": "shares", "reposts": "shares", "retweets": "shares", "boosts": "shares",
    "reblogs": "shares", "share count": "shares", "shares count": "shares",
    "followers": "followers", "follower count": "followers", "followers count": "followers",
    "page followers": "followers",
    "impressions": "impressions", "views": "impressions", "post impressions": "impressions",
    "total impressions": "impressions",
}
_PREFERENCE = {alias: rank for rank, alias in enumerate(HEADER_ALIASES)}


# --- the Mastodon export -------------------------------------------------------------

#: The parts of a Mastodon ``outbox.json`` the reader uses, and what each becomes.
MASTODON_FIELDS: tuple[tuple[str, str], ...] = (
    ("orderedItems", "The list of everything you posted; one activity per item."),
    ("type: Create", "A post you wrote: kind 'post', or 'reply' when object.inReplyTo is set."),
    ("type: Announce", "A boost of someone else's post: kind 'boost', no text (the object is only a link)."),
    ("published", "When it was posted (UTC), becomes date."),
    ("object.content", "The post as HTML, becomes text (tags removed, link words kept)."),
    ("object.inReplyTo", "The post it answers, if any."),
    ("object.url", "The post's web address, becomes url (for a boost: the boosted post's address)."),
    ("other types", "Skipped (an archive holds only Create and Announce)."),
)


# --- HTML: stripped for analysis, escaped for display --------------------------------


class _TextOnly(HTMLParser):
    """Collects the words of an HTML fragment; script and style contents are dropped."""

    _SKIP = {"script", "style", "template", "noscript", "iframe", "object"}
    _BLOCKS = {"p", "div", "li", "ul", "ol", "blockquote", "pre", "tr", "table",
               "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: object) -> str:
    """The words of an HTML fragment, as plain text.

    Uses the standard library's :class:`html.parser.HTMLParser` (not pattern
    matching): tags are dropped, the words inside them kept (a link keeps its
    text), entities such as ``&amp;`` become the characters they stand for,
    ``<br>`` becomes a line break and paragraphs a blank line; the contents of
    ``<script>`` and ``<style>`` are dropped. Plain text passes through
    unchanged apart from spacing, so "5 < 6" stays "5 < 6".

    The result is text, not safe HTML: "&lt;script&gt;" becomes "<script>".
    Escape it with :func:`safe_html` before showing it in a web page.
    """
    if fragment is None or (isinstance(fragment, float) and math.isnan(fragment)):
        return ""
    parser = _TextOnly()
    parser.feed(str(fragment))
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    """Spacing as the course keeps it: runs of spaces as one, no space at either end of a line,
    at most one blank line in a row. (:func:`_tidy_column` does the same to a whole column.)"""
    text = re.sub(r"\r\n?", "\n", text)
    text = re.sub(r" ?\n ?", "\n", re.sub(r"[^\S\n]+", " ", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def safe_html(text: object) -> str:
    """``text`` escaped for showing inside HTML (``<``, ``>``, ``&`` and quotes become entities).

    Imported post text is data: ``<script>`` in a post must appear as the
    characters "<script>", never run. Every module that puts post text into
    HTML (reports, widgets, the audit page) passes it through this first.
    Missing values (None, NaN) become an empty string.
    """
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=True)


# --- reading the bytes ---------------------------------------------------------------


def _size(n: int) -> str:
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1_000:.1f} KB"
    return f"{n / 1_000_000:.1f} MB"


def _too_large(name: str, size: str) -> ImportProblem:
    return ImportProblem(
        f"{name} is {size}, larger than the {_size(MAX_BYTES)} the course reads in a notebook, so it "
        "was not opened. A year of posts is usually well under 5 MB: check that this is the file with "
        "your posts (not a video or a whole archive), or keep only the rows for the period you want "
        "to audit and save that as a smaller file."
    )


def _read_bytes(source: object) -> tuple[str, bytes]:
    """The file's name (for messages) and its bytes, after the size check."""
    if hasattr(source, "read"):
        name = Path(str(getattr(source, "name", "") or "")).name or "the uploaded file"
        data = source.read(MAX_BYTES + 1)  # type: ignore[attr-defined]
        if isinstance(data, str):
            data = data.encode("utf-8")
        if len(data) > MAX_BYTES:
            raise _too_large(name, f"more than {_size(MAX_BYTES)}")
        return name, bytes(data)
    if not isinstance(source, (str, os.PathLike)):
        raise ImportProblem(
            f"Expected the path of a file (such as 'my_posts.csv'), but got {type(source).__name__}"
        )
    if isinstance(source, str) and re.match(r"[a-z]+://", source.strip(), re.IGNORECASE):
        raise ImportProblem(
            f"{source} is a web address. The course reads files on your own computer and never goes "
            "online: download or export the file first, then give its path."
        )
    path = Path(source)
    name = shown_path(path)
    if path.is_dir():
        hint = ""
        if (path / "outbox.json").is_file():
            hint = f" It holds outbox.json: read {path / 'outbox.json'} instead."
        raise ImportProblem(f"{path} is a folder, not a file; pick the file with your posts inside it.{hint}")
    if not path.exists():
        raise ImportProblem(
            f"There is no file at {shown_path(path, whole=True)}. Check the name and the folder: a relative "
            f"path starts from the folder this notebook is in ({shown_path(Path.cwd(), whole=True)})."
        )
    try:  # opened without waiting and checked once open: a pipe or a device is never read
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ImportProblem(f"{name} could not be opened ({error.strerror or error}). Check that you may "
                            "read it, or copy it into the course folder first.") from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ImportProblem(f"{name} is not an ordinary file (it is a device, pipe or socket), so it was "
                                "not read. Give the path of the file with your posts.")
        if info.st_size > MAX_BYTES:
            raise _too_large(name, _size(info.st_size))
        data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_large(name, f"more than {_size(MAX_BYTES)}")
    return name, data


def _refuse_archives(name: str, data: bytes) -> None:
    """Zip files, tar.gz archives and Excel workbooks get a message saying what to open instead."""
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        try:
            # Only the zip's table of contents is read; nothing is extracted.
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            names = []
        if any(n.startswith("xl/") for n in names):
            raise ImportProblem(
                f"{name} is an Excel workbook, not a CSV file. Open it in your spreadsheet program and "
                "save it as 'CSV UTF-8 (comma delimited)', then read the .csv file."
            )
        if any(n.rsplit("/", 1)[-1] == "outbox.json" for n in names):
            raise ImportProblem(
                f"{name} is a zip archive (it looks like your Mastodon archive). The course reads one "
                "file from inside it: unzip the archive and pick outbox.json, for example "
                "read_posts('outbox.json')."
            )
        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        inside = f" It contains: {shown}." if names else ""
        raise ImportProblem(
            f"{name} is a zip archive, not a CSV file or a Mastodon outbox.json.{inside} Unzip it and "
            "pick the file with your posts (for a Mastodon archive: outbox.json)."
        )
    if data[:2] == b"\x1f\x8b":
        raise ImportProblem(
            f"{name} is a compressed archive (.tar.gz or .gz), the kind older Mastodon versions made. "
            "Unpack it and pick the file outbox.json inside it."
        )
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportProblem(
            f"{name} is an old-style Excel workbook (.xls), not a CSV file. Open it in your spreadsheet "
            "program and save it as 'CSV UTF-8 (comma delimited)'."
        )


def _decode(name: str, data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportProblem(
            f"{name} is saved as UTF-16 ('Unicode text'), but the course reads UTF-8. Save it again as "
            "'CSV UTF-8' (Excel) or choose the UTF-8 character set (LibreOffice, Numbers)."
        )
    if data.startswith(b"\xef\xbb\xbf"):  # the UTF-8 byte-order mark Excel writes
        data = data[3:]
    if b"\x00" in data:
        raise ImportProblem(
            f"{name} is not a text file (it holds binary data). Expected a CSV file or a Mastodon "
            "outbox.json."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(
            f"{name} is not UTF-8 text: the characters on line {line} cannot be read as UTF-8. It was "
            "probably saved in an older encoding (such as Windows-1252, Excel's plain 'CSV'). Save it "
            "again as 'CSV UTF-8' (Excel) or with the UTF-8 character set (LibreOffice, Numbers)."
        ) from None


def _looks_like_json(name: str, text: str) -> bool:
    return name.lower().endswith(".json") or text.lstrip()[:1] in ("{", "[")


def read_posts(path: str | os.PathLike | IO[bytes], *, format: str | None = None) -> pd.DataFrame:
    """Your posts from a CSV file or a Mastodon ``outbox.json``, as a table like the sample posts.

    ``path`` is a file path or an open binary file (such as ``io.BytesIO``
    of an uploaded file). ``format`` is ``"csv"`` or ``"mastodon"``; when
    left out it is found from the file: JSON (a ``.json`` name, or content
    starting with ``{``) is read as a Mastodon outbox, anything else as CSV.

    Returns a new DataFrame with the sample posts' columns that the file has,
    in their usual order (``post_id, date, type, text, reach, likes, comments,
    shares, followers, impressions``), then ``kind`` (Mastodon: post, reply or
    boost) and ``url`` when known. Rows are in date order; ``date`` is a
    datetime column. ``frame.attrs`` records ``source`` (the file's name),
    ``format``, ``headers`` (which header filled each column),
    ``ignored_columns``, ``absent_columns`` and ``assumptions`` (plain sentences
    saying what was assumed, such as the order of day and month; shown by
    :func:`what_was_read` and by the audit).

    Raises :class:`ImportProblem` for anything it cannot read completely;
    nothing is ever half-loaded.
    """
    if format is not None and format not in FORMATS:
        raise ImportProblem(f"format must be one of {', '.join(FORMATS)} (or left out), but got {format!r}")
    name, data = _read_bytes(path)
    _refuse_archives(name, data)
    text = _decode(name, data)
    if not text.strip():
        raise ImportProblem(
            f"{name} is empty: it has no header row and no posts. Expected a CSV file with a header row "
            f"({', '.join(_REQUIRED)} at least) and one row per post, or a Mastodon outbox.json."
        )
    if format is None:
        format = "mastodon" if _looks_like_json(name, text) else "csv"
    try:
        frame = _parse_outbox(name, text) if format == "mastodon" else _parse_csv(name, text)
    except ImportProblem:
        raise
    except Exception as error:  # noqa: BLE001 (the net under the readers; the tests forbid reaching it)
        # The readers report every problem they know of; this is the net under them, so that a
        # file nobody foresaw still ends in a message and never in a traceback.
        raise ImportProblem(
            f"{name} could not be read because of an unexpected problem ({type(error).__name__}), so nothing "
            "was loaded. Check that it is a CSV file of your posts or a Mastodon outbox.json; if it is, "
            "please report this to the course's authors."
        ) from None
    frame.attrs["source"] = name
    frame.attrs["format"] = format
    frame.attrs["absent_columns"] = [c for c in _SAMPLE_ORDER if c not in frame.columns]
    return frame


def what_was_read(posts: pd.DataFrame) -> str:
    """What :func:`read_posts` read, in plain words: the file, the posts and their dates, and every
    assumption it made (the capstone prints this under the file it read)."""
    attrs = posts.attrs
    kind = {"csv": "a CSV file", "mastodon": "a Mastodon outbox"}.get(attrs.get("format", ""), "a table")
    source = f" from {attrs['source']} ({kind})" if attrs.get("source") else ""
    if posts.empty or "date" not in posts.columns:
        lines = [f"Read {len(posts):,} posts{source}."]
    else:
        first, last = posts["date"].min(), posts["date"].max()
        lines = [f"Read {len(posts):,} posts{source}, dated {first.day} {first:%B %Y} to "
                 f"{last.day} {last:%B %Y}."]
    absent = [c for c in attrs.get("absent_columns", []) if c not in ("post_id", "type")]
    if absent:
        lines.append(f"The file has no {', '.join(absent)}: the audit says what it cannot show without them.")
    lines += [f"Assumed: {a}" for a in attrs.get("assumptions", [])]
    return "\n".join(lines)


def read_posts_csv(path: str | os.PathLike | IO[bytes]) -> pd.DataFrame:
    """Your posts from a CSV file (:data:`CSV_COLUMNS`, or an export with :data:`HEADER_ALIASES`)."""
    return read_posts(path, format="csv")


def read_mastodon_outbox(path: str | os.PathLike | IO[bytes]) -> pd.DataFrame:
    """Your posts, replies and boosts from the ``outbox.json`` of a Mastodon account archive.

    The archive holds no counts: likes, comments (replies by others), shares
    (boosts by others), reach, impressions and followers are absent from the
    table, never filled with zeros.
    """
    return read_posts(path, format="mastodon")


# --- row lists for messages ----------------------------------------------------------


def _listing(items: list[str], word: str, limit: int = 5) -> str:
    """'rows 3, 7 and 9' or 'rows 3, 7, 9, 12, 15 and 4 more'."""
    plural = word + ("s" if len(items) > 1 else "")
    if len(items) == 1:
        return f"{word} {items[0]}"
    if len(items) <= limit:
        return f"{plural} {', '.join(items[:-1])} and {items[-1]}"
    return f"{plural} {', '.join(items[:limit])} and {len(items) - limit:,} more"


def _first_up(text: str) -> str:
    """The text with its first letter in upper case and the rest as it was (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def _cell(value: str) -> str:
    return "empty" if not value.strip() else repr(value if len(value) <= 30 else value[:27] + "...")


def _rows(numbers: np.ndarray, positions: list[int], cells: pd.Series | None = None, limit: int = 5) -> list[str]:
    """Row numbers for a message, each with its cell when given: only the first few are described."""
    shown = [str(numbers[k]) if cells is None else f"{numbers[k]} ({_cell(cells.iloc[k])})"
             for k in positions[:limit]]
    return shown + [""] * (len(positions) - limit)  # counted by _listing as "and N more"


# --- text ----------------------------------------------------------------------------------


#: What :func:`_tidy_column` changes: markup, line ends other than \n, runs of white space, white
#: space at either end of a line or of the cell, more than one blank line.
_UNTIDY = r"[<&\r]|[^\S\n]{2,}|[^\S \n]|(?:^|\x00|\n)[^\S\x00]|[^\S\x00](?:$|\x00|\n)|\n{3,}"


def _tidy_column(cells: pd.Series) -> pd.Series:
    """Post texts as plain words: HTML stripped (:func:`html_to_text`) where a cell has markup,
    spacing tidied the same way everywhere else (a million plain cells in a second)."""
    if not any_search(cells, _UNTIDY):
        return cells  # nothing to strip or tidy: the common case, found in one search
    marked = cells.str.contains(r"[<&]", regex=True)
    result = cells.str.replace(r"\r\n?", "\n", regex=True)
    result = result.str.replace(r"[^\S\n]+", " ", regex=True).str.replace(r" ?\n ?", "\n", regex=True)
    result = result.str.replace(r"\n{3,}", "\n\n", regex=True).str.strip()
    if marked.any():
        result[marked] = [html_to_text(c) for c in cells[marked]]
    return result


# --- CSV -----------------------------------------------------------------------------


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (many European spreadsheets) or tab: whichever the header row uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _expected_columns() -> str:
    required = ", ".join(_REQUIRED)
    optional = ", ".join(c.name for c in CSV_COLUMNS if not c.required)
    return f"required: {required}; optional: {optional}"


_QUOTE_ADVICE = ("A quote mark inside a cell's text must be doubled (\"\"); saving the file again from a "
                 "spreadsheet program does that.")


def _records(name: str, text: str, delimiter: str) -> list[list[str]]:
    """The rows of a CSV text as lists of cells, all of them, or ImportProblem.

    A quote mark that opens a cell and never closes would swallow every row after it into
    that one cell; it is found (SQLite-style strict reading) and reported with its row.
    """
    records: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records.extend(reader)
        return records
    except csv.Error as error:
        where = len(records) + 1  # spreadsheet row of the record being read: the header is row 1
        if "unexpected end of data" in str(error):
            raise ImportProblem(
                f"{name}: in row {where}, a quote mark (\") opens a cell that never closes, so every row "
                f"after it would become part of that one cell. Nothing was loaded. {_QUOTE_ADVICE}"
            ) from None
        if "field larger than field limit" in str(error):
            raise ImportProblem(
                f"{name}: row {where} has a cell longer than {csv.field_size_limit():,} characters, far "
                "longer than any post; most likely a quote mark opens a cell that closes much later. "
                f"Nothing was loaded. {_QUOTE_ADVICE}"
            ) from None
    # Other strict complaints (text after a closing quote, as in "a" b) are read as spreadsheets do.
    lenient = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(lenient)
    except csv.Error as error:
        raise ImportProblem(
            f"{name} cannot be read as CSV near row {lenient.line_num} ({error}). Check for a quote mark "
            "that opens a cell but never closes it."
        ) from None


def _looks_like_a_row(line: str, delimiter: str, width: int, date_position: int) -> bool:
    cells = next(csv.reader([line], delimiter=delimiter), [])
    if len(cells) != width or date_position >= len(cells):
        return False
    date = cells[date_position].strip()
    return bool(re.match(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}", date))


def _runaway_quotes(name: str, columns: dict[str, pd.Series], numbers: np.ndarray, delimiter: str,
                    width: int, date_position: int, headers: dict[str, str]) -> None:
    """A cell that spans lines holding what look like whole rows: a quote closed too late."""
    for column, cells in columns.items():
        if not any_search(cells, "\n"):
            continue
        multi = cells.str.contains("\n", regex=False)
        for k in np.flatnonzero(multi.to_numpy(dtype=bool)):
            lines = cells.iloc[k].split("\n")[1:]
            found = next((ln for ln in lines if _looks_like_a_row(ln, delimiter, width, date_position)), None)
            if found is not None:
                raise ImportProblem(
                    f"{name}: in row {numbers[k]}, the cell in the column {headers[column]!r} runs over "
                    f"{len(lines) + 1} lines and holds what looks like another row ({_cell(found)}), so a "
                    f"quote mark in row {numbers[k]} probably opens a cell that closes too late. Nothing "
                    f"was loaded. {_QUOTE_ADVICE}"
                )


def _parse_csv(name: str, text: str) -> pd.DataFrame:
    if text.lstrip()[:1] in ("{", "["):
        raise ImportProblem(
            f"{name} holds JSON, not CSV. If it is the outbox.json of a Mastodon archive, read it with "
            "read_posts() or read_mastodon_outbox(); otherwise expected a CSV file with a header row "
            f"({_expected_columns()})."
        )
    delimiter = _delimiter(text.split("\n", 1)[0])
    records = _records(name, text, delimiter)
    header, body = records[0], records[1:]
    width = len(header)
    # One Series per column (rows padded with "" where short); cells beyond the header kept to check.
    columns = [pd.Series(column, dtype=str) for column in itertools.zip_longest(*body, fillvalue="")]
    columns += [pd.Series([""] * len(body), dtype=str) for _ in range(width - len(columns))]
    blank = np.ones(len(body), dtype=bool)
    for column in columns:
        empty = column.str.strip() == "" if any_search(column, r"(?:^|\x00)\s+(?:\x00|$)") else column == ""
        blank &= empty.to_numpy(dtype=bool)
    # Spreadsheet row numbers: the header is row 1; blank rows keep their number but hold no post.
    numbers = np.arange(2, len(body) + 2)[~blank]
    columns = [c[~blank].reset_index(drop=True) for c in columns]

    found: dict[str, tuple[int, int, str]] = {}  # column -> (preference, position, header)
    ignored: list[str] = []
    for position, raw in enumerate(header):
        key = _normal(raw)
        column = HEADER_ALIASES.get(key)
        if column is None:
            if raw.strip():
                ignored.append(raw.strip())
            continue
        candidate = (_PREFERENCE[key], position, raw.strip())
        if column not in found or candidate < found[column]:
            if column in found:
                ignored.append(found[column][2])
            found[column] = candidate
        else:
            ignored.append(raw.strip())

    missing = [c for c in _REQUIRED if c not in found]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        wanted = "; ".join(f"{c} ({_SHORT[c]})" for c in missing)
        others = {c: [a for a, col in HEADER_ALIASES.items() if col == c and a != c][:3] for c in missing}
        alias_hint = "; ".join(f"for {c} also {', '.join(repr(a) for a in others[c])}" for c in missing)
        shown = ", ".join(repr(h.strip()) for h in header if h.strip()) or "nothing"
        raise ImportProblem(
            f"{name} is missing the column{plural} {' and '.join(repr(c) for c in missing)}: {wanted}. "
            f"Its header row (row 1) has: {shown}. Expected columns: {_expected_columns()}. "
            f"Headers from exports work too ({alias_hint}); see the data dictionary. Rename a header "
            "in your spreadsheet if it says the same thing in other words."
        )
    if not len(numbers):
        raise ImportProblem(
            f"{name} has a header row but no posts under it. Expected one row per post below the header."
        )

    too_wide = np.zeros(len(numbers), dtype=bool)
    for column in columns[width:]:
        too_wide |= (column.str.strip() != "").to_numpy()
    if too_wide.any():
        listed = [str(n) for n in numbers[too_wide]]
        raise ImportProblem(
            f"{name}: {_listing(listed, 'row')} {'have' if len(listed) > 1 else 'has'} more cells "
            f"than the header row has columns ({width}). This usually means a comma inside a post's "
            "text without quote marks around the text; save the file again from your spreadsheet "
            "program, which adds the quotes."
        )

    column_cells = {column: columns[position] for column, (_, position, _) in found.items()}
    headers = {column: header_name for column, (_, _, header_name) in found.items()}
    _runaway_quotes(name, column_cells, numbers, delimiter, width, found["date"][1], headers)
    # A column with nothing in it says nothing: treat it as absent (required ones stay and are checked).
    for column in list(column_cells):
        if not _COLUMN[column].required and not any_search(column_cells[column], r"[^\s\x00]"):
            ignored.append(found.pop(column)[2])
            del column_cells[column]

    problems: list[str] = []
    data: dict[str, pd.Series] = {}

    def where(column: str) -> str:
        header_name = found[column][2]
        ours = "" if _normal(header_name) == _normal(column) else f" (our {column!r})"
        return f"In the column {header_name!r}{ours},"

    cells = column_cells["date"]
    dates = parse_dates(cells)
    if dates.unreadable:
        problems.append(
            f"{where('date')} {_listing(_rows(numbers, dates.unreadable, cells), 'row')} cannot be read as "
            "a date. Write dates like 2025-11-01 08:05 or 11/01/2025 08:05 (month first)."
        )
    if dates.out_of_range:
        problems.append(
            f"{where('date')} {_listing(_rows(numbers, dates.out_of_range, cells), 'row')} "
            f"{'is' if len(dates.out_of_range) == 1 else 'are'} outside the years {EARLIEST.year} to "
            f"{LATEST.year - 1}, which no post can have. Check the year."
        )
    if dates.mixed:
        problems.append(
            f"{where('date')} month-first and day-first dates are mixed: "
            f"{_listing(_rows(numbers, dates.month_first_only), 'row')} only make sense month first, "
            f"{_listing(_rows(numbers, dates.day_first_only), 'row')} only day first. Write every date "
            "the same way, best as 2025-11-01 08:05."
        )
    data["date"] = dates.values
    assumptions = list(dates.assumptions)

    for column in _COUNTS:
        if column not in column_cells:
            continue
        cells = column_cells[column]
        counts = parse_counts(cells, empty_is_zero=column in _ZERO_IF_EMPTY)
        for what, positions in counts.problems.items():
            advice = {
                "empty": "fill in the number, or delete the whole column if you do not have it",
                "negative": "counts cannot be below zero",
                "not a whole number": "counts are whole numbers",
                "not a number": "write a plain number such as 12 or 1,250"
                + (", or leave the cell empty for 0" if column in _ZERO_IF_EMPTY else ""),
                "too large": f"no post has more than {MAX_COUNT:,} of anything",
            }[what]
            listed = _rows(numbers, positions, None if what == "empty" else cells)
            problems.append(f"{where(column)} {_listing(listed, 'row')} {'is' if len(listed) == 1 else 'are'} "
                            f"{what} ({advice}).")
        data[column] = counts.values

    if "post_id" in column_cells:
        ids = column_cells["post_id"].str.strip()
        empty = _positions(ids == "")
        if empty:
            problems.append(f"{where('post_id')} {_listing(_rows(numbers, empty), 'row')} "
                            f"{'has' if len(empty) == 1 else 'have'} no post id (fill it in, or delete the whole "
                            "column to number posts automatically).")
        repeated = ids.duplicated() & (ids != "")
        if repeated.any():
            first = {i: numbers[k] for k, i in reversed(list(enumerate(ids)))}
            positions = _positions(repeated)
            listed = [f"{numbers[k]} (the same as row {first[ids.iloc[k]]})" for k in positions[:5]]
            listed += [""] * (len(positions) - len(listed))
            problems.append(f"{where('post_id')} {_listing(listed, 'row')} repeat a post id; each post "
                            "should appear once (was one export pasted in twice?).")
        numeric = ids.str.fullmatch(r"\d{1,18}")
        data["post_id"] = pd.to_numeric(ids).astype("int64") if numeric.all() else ids

    if problems:
        raise ImportProblem(f"{name} could not be read, so nothing was loaded:\n- " + "\n- ".join(problems))

    data["text"] = _tidy_column(column_cells["text"])
    if "type" in column_cells:
        data["type"] = stripped(column_cells["type"]).str.lower().replace("", "unlabelled")
    if "url" in column_cells:
        data["url"] = column_cells["url"].str.strip()

    frame = _assemble(data)
    frame.attrs["headers"] = {column: found[column][2] for column in frame.columns if column in found}
    frame.attrs["ignored_columns"] = ignored
    frame.attrs["assumptions"] = assumptions
    return frame


def _positions(mask: pd.Series) -> list[int]:
    return np.flatnonzero(mask.to_numpy(dtype=bool)).tolist()


def _assemble(data: dict[str, pd.Series | list]) -> pd.DataFrame:
    """The columns in the sample's order, rows in date order, post ids 1..n when the file had none."""
    order = [c for c in (*_SAMPLE_ORDER, "kind", "url") if c in data or c == "post_id"]
    frame = pd.DataFrame({c: (data[c].reset_index(drop=True) if isinstance(data[c], pd.Series) else data[c])
                          for c in order if c in data})
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values("date", kind="stable", ignore_index=True)
    if "post_id" not in frame.columns:
        frame.insert(0, "post_id", range(1, len(frame) + 1))
        frame["post_id"] = frame["post_id"].astype("int64")
    return frame[order]


# --- Mastodon ------------------------------------------------------------------------

_OUTBOX_EXPECTED = (
    "Expected the outbox.json of a Mastodon account archive: an ActivityStreams collection with a "
    "list called 'orderedItems'. Get it from Preferences > Import and export > Request your archive, "
    "unzip the archive and pick outbox.json."
)


def _outbox_items(name: str, doc: object) -> list:
    if isinstance(doc, list):
        raise ImportProblem(f"{name} is a JSON list, not a Mastodon outbox. {_OUTBOX_EXPECTED}")
    if not isinstance(doc, dict):
        raise ImportProblem(f"{name} holds a single JSON value, not a Mastodon outbox. {_OUTBOX_EXPECTED}")
    ident = str(doc.get("id", ""))
    for other in ("likes.json", "bookmarks.json"):
        if ident.endswith(other):
            raise ImportProblem(
                f"{name} is the archive's {other} (links to other people's posts), not your posts. "
                "Pick outbox.json from the same archive."
            )
    if doc.get("type") in ("Person", "Service", "Group", "Organization", "Application"):
        raise ImportProblem(
            f"{name} is the archive's actor.json (your profile), not your posts. Pick outbox.json "
            "from the same folder."
        )
    items = doc.get("orderedItems")
    if items is None and "first" in doc:
        raise ImportProblem(
            f"{name} is an outbox as a server shows it online, with the posts on separate pages that "
            f"the course does not download. {_OUTBOX_EXPECTED}"
        )
    if not isinstance(items, list):
        keys = ", ".join(repr(k) for k in list(doc)[:8]) or "nothing"
        raise ImportProblem(f"{name} is JSON but not a Mastodon outbox (its top level has {keys}). {_OUTBOX_EXPECTED}")
    return items


def _link(value: object) -> str:
    """A URL from an ActivityStreams url/object field: a string, a Link object, or a list of them."""
    for _ in range(5):  # a list of lists of links is unusual; deeper is not a link at all
        if isinstance(value, list):
            if not value:
                return ""
            value = value[0]
            continue
        if isinstance(value, dict):
            found = value.get("href") or value.get("url") or value.get("id") or ""
            return found if isinstance(found, str) else ""
        return value if isinstance(value, str) else ""
    return ""


def _parse_outbox(name: str, text: str) -> pd.DataFrame:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). "
            f"If it is a CSV file, read it with read_posts_csv(). {_OUTBOX_EXPECTED}"
        ) from None
    except RecursionError:
        raise ImportProblem(f"{name} is JSON nested thousands of levels deep, which no outbox is. "
                            f"{_OUTBOX_EXPECTED}") from None
    except ValueError:  # a number longer than Python reads (sys.get_int_max_str_digits)
        raise ImportProblem(f"{name} holds a number thousands of digits long, which no outbox does. "
                            f"{_OUTBOX_EXPECTED}") from None
    items = _outbox_items(name, doc)
    if items and all(isinstance(i, str) for i in items):
        raise ImportProblem(
            f"{name} is a list of links (like likes.json or bookmarks.json), not your posts. Pick "
            "outbox.json from your Mastodon archive."
        )

    rows: list[dict] = []
    published: list[str] = []
    numbers: list[int] = []
    broken: list[str] = []
    skipped = 0
    for number, item in enumerate(items, start=1):
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "Create":
            note = item.get("object")
            if not isinstance(note, dict):
                broken.append(str(number))
                continue
            content = note.get("content")
            if content is None and isinstance(note.get("contentMap"), dict) and note["contentMap"]:
                content = next(iter(note["contentMap"].values()))
            row = {"text": html_to_text(content) if isinstance(content, str) else "",
                   "kind": "reply" if note.get("inReplyTo") else "post",
                   "url": _link(note.get("url")) or _link(note.get("id"))}
            when = item.get("published") or note.get("published")
        elif kind == "Announce":
            target = item.get("object")
            row = {"text": "", "kind": "boost",
                   "url": _link(target.get("url") or target.get("id")) if isinstance(target, dict) else _link(target)}
            when = item.get("published")
        else:
            skipped += 1
            continue
        rows.append(row)
        published.append(when if isinstance(when, str) else "")
        numbers.append(number)

    cells = pd.Series(published, dtype=str)
    dates = parse_dates(cells)
    undated = [f"{numbers[k]} ({_cell(cells.iloc[k]) if cells.iloc[k] else 'missing'})"
               for k in sorted(dates.unreadable + dates.out_of_range)]
    problems = []
    if broken:
        problems.append(f"{_first_up(_listing(broken, 'item'))} of orderedItems {'is a' if len(broken) == 1 else 'are'} "
                        f"'Create' without the post inside it (no 'object').")
    if undated:
        problems.append(f"{_first_up(_listing(undated, 'item'))} of orderedItems {'has' if len(undated) == 1 else 'have'} "
                        "no 'published' time that can be read (expected a time like 2025-11-01T08:05:00Z, "
                        f"between {EARLIEST.year} and {LATEST.year - 1}).")
    if problems:
        raise ImportProblem(f"{name} could not be read, so nothing was loaded:\n- " + "\n- ".join(problems)
                            + "\nWas the file edited by hand? A fresh archive from Mastodon has neither problem.")
    if not rows:
        raise ImportProblem(
            f"{name} has no posts or boosts in it ({len(items)} items, none of type 'Create' or "
            f"'Announce'). {_OUTBOX_EXPECTED}"
        )
    data = {column: [r[column] for r in rows] for column in ("text", "kind", "url")}
    data["date"] = dates.values
    frame = _assemble(data)
    frame.attrs["headers"] = {"date": "published", "text": "object.content", "kind": "type",
                              "url": "object.url"}
    frame.attrs["ignored_columns"] = []
    frame.attrs["skipped_items"] = skipped
    frame.attrs["assumptions"] = list(dates.assumptions)
    return frame


# --- shipped examples and the data dictionary ----------------------------------------


def examples() -> list[str]:
    """The names of the example files that ship with the course (made by its own generator)."""
    from sevencs.datasets.examples import EXAMPLE_FILES

    return list(EXAMPLE_FILES)


def example_path(name: str) -> Path:
    """The path of a shipped example file, such as ``example_path("outbox.json")``.

    The examples are Fernleaf Nursery's posts written in each format the
    course reads (see :mod:`sevencs.datasets.examples`): ``posts.csv`` (the
    course's own CSV format), ``analytics_export.csv`` (an analytics export
    with its own headers and US-style dates) and ``outbox.json`` (a Mastodon
    outbox with posts, replies and boosts).
    """
    names = examples()
    if name not in names:
        raise ValueError(f"there is no example file called {name!r}; the examples are: {', '.join(names)}")
    return Path(str(files("sevencs.datasets").joinpath("data", "examples", name)))


def describe_csv_columns() -> pd.DataFrame:
    """The CSV format as a table: column, required, type, meaning, an empty cell, other headers accepted."""
    return pd.DataFrame([
        {"column": c.name, "required": "yes" if c.required else "no", "type": c.kind, "meaning": c.meaning,
         "an empty cell": c.if_empty,
         "headers accepted, first preferred": ", ".join(a for a, col in HEADER_ALIASES.items() if col == c.name)}
        for c in CSV_COLUMNS
    ])


def describe_mastodon_fields() -> pd.DataFrame:
    """The fields of a Mastodon ``outbox.json`` the reader uses, and what each becomes."""
    return pd.DataFrame(MASTODON_FIELDS, columns=["field", "what the course does with it"])
