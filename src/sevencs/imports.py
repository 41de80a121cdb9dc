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
import datetime as dt
import html
import io
import json
import math
import os
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import IO

import pandas as pd

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
              "day first when the column only makes sense that way. Times ending in Z or +01:00 "
              "are turned into UTC.",
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
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


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
    name = path.name or str(path)
    if path.is_dir():
        hint = ""
        if (path / "outbox.json").is_file():
            hint = f" It holds outbox.json: read {path / 'outbox.json'} instead."
        raise ImportProblem(f"{path} is a folder, not a file; pick the file with your posts inside it.{hint}")
    if not path.is_file():
        raise ImportProblem(
            f"There is no file at {path}. Check the name and the folder: a relative path starts from "
            f"the folder this notebook is in ({Path.cwd()})."
        )
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(name, _size(size))
    return name, path.read_bytes()


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
    ``ignored_columns`` and ``absent_columns``.

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
    frame = _parse_outbox(name, text) if format == "mastodon" else _parse_csv(name, text)
    frame.attrs["source"] = name
    frame.attrs["format"] = format
    frame.attrs["absent_columns"] = [c for c in _SAMPLE_ORDER if c not in frame.columns]
    return frame


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
    return f"{plural} {', '.join(items[:limit])} and {len(items) - limit} more"


def _cell(value: str) -> str:
    return "empty" if not value.strip() else repr(value if len(value) <= 30 else value[:27] + "...")


# --- dates ---------------------------------------------------------------------------

_MONTH_FIRST = ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y", "%m/%d/%Y %I:%M %p",
                "%m/%d/%Y %I:%M:%S %p", "%m/%d/%y %H:%M", "%m/%d/%y")
_DAY_FIRST = tuple(f.replace("%m/%d", "%d/%m") for f in _MONTH_FIRST)


def _iso(value: str) -> dt.datetime | None:
    """An ISO 8601 date or time; with a zone (Z, +01:00) it is turned into UTC without a zone."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def _strp(value: str, formats: tuple[str, ...]) -> dt.datetime | None:
    for pattern in formats:
        try:
            return dt.datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def _dates(cells: list[str]) -> tuple[list[dt.datetime | None], list[int], tuple[list[int], list[int]] | None]:
    """Parse a date column: (values, positions that cannot be read, mixed day orders if any).

    ISO dates are unambiguous. Slashed dates are read month first, as US-style
    exports write them, unless some date in the column only makes sense day
    first and none only month first.
    """
    iso = [_iso(c.strip()) if c.strip() else None for c in cells]
    month_first = [None if i is not None or not c.strip() else _strp(c.strip(), _MONTH_FIRST)
                   for c, i in zip(cells, iso)]
    day_first = [None if i is not None or not c.strip() else _strp(c.strip(), _DAY_FIRST)
                 for c, i in zip(cells, iso)]
    bad = [k for k in range(len(cells)) if iso[k] is None and month_first[k] is None and day_first[k] is None]
    only_mf = [k for k in range(len(cells)) if month_first[k] is not None and day_first[k] is None]
    only_df = [k for k in range(len(cells)) if day_first[k] is not None and month_first[k] is None]
    problem = None
    if only_mf and only_df:
        problem = (only_mf, only_df)
    slashed = day_first if only_df and not only_mf else month_first
    values = [iso[k] if iso[k] is not None else slashed[k] for k in range(len(cells))]
    return values, bad, problem


# --- numbers -------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?")


def _count(cell: str) -> tuple[int | None, str]:
    """A count from a cell: (value, '') or (None, what is wrong). Thousands commas are allowed."""
    value = cell.strip()
    if not _NUMBER.fullmatch(value):
        return None, "not a number"
    number = float(value.replace(",", ""))
    if number != int(number):
        return None, "not a whole number"
    if number < 0:
        return None, "negative"
    return int(number), ""


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


def _parse_csv(name: str, text: str) -> pd.DataFrame:
    if text.lstrip()[:1] in ("{", "["):
        raise ImportProblem(
            f"{name} holds JSON, not CSV. If it is the outbox.json of a Mastodon archive, read it with "
            "read_posts() or read_mastodon_outbox(); otherwise expected a CSV file with a header row "
            f"({_expected_columns()})."
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportProblem(
            f"{name} cannot be read as CSV near row {reader.line_num} ({error}). Check for a quote mark "
            "that opens a cell but never closes it."
        ) from None
    header, body = records[0], records[1:]
    # Spreadsheet row numbers: the header is row 1; blank rows keep their number but hold no post.
    rows = [(number, cells) for number, cells in enumerate(body, start=2) if any(c.strip() for c in cells)]

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
    if not rows:
        raise ImportProblem(
            f"{name} has a header row but no posts under it. Expected one row per post below the header."
        )

    width = len(header)
    too_wide = [str(n) for n, cells in rows if any(c.strip() for c in cells[width:])]
    if too_wide:
        raise ImportProblem(
            f"{name}: {_listing(too_wide, 'row')} {'have' if len(too_wide) > 1 else 'has'} more cells "
            f"than the header row has columns ({width}). This usually means a comma inside a post's "
            "text without quote marks around the text; save the file again from your spreadsheet "
            "program, which adds the quotes."
        )

    numbers = [n for n, _ in rows]
    column_cells = {
        column: [cells[position] if position < len(cells) else "" for _, cells in rows]
        for column, (_, position, _) in found.items()
    }
    # A column with nothing in it says nothing: treat it as absent (required ones stay and are checked).
    for column in list(column_cells):
        if not _COLUMN[column].required and not any(c.strip() for c in column_cells[column]):
            ignored.append(found.pop(column)[2])
            del column_cells[column]

    problems: list[str] = []
    data: dict[str, list] = {}

    def where(column: str) -> str:
        header_name = found[column][2]
        ours = "" if _normal(header_name) == _normal(column) else f" (our {column!r})"
        return f"In the column {header_name!r}{ours},"

    values, bad, mixed = _dates(column_cells["date"])
    if bad:
        listed = [f"{numbers[k]} ({_cell(column_cells['date'][k])})" for k in bad]
        problems.append(
            f"{where('date')} {_listing(listed, 'row')} cannot be read as a date. Write dates like "
            "2025-11-01 08:05 or 11/01/2025 08:05 (month first)."
        )
    elif mixed:
        only_mf, only_df = mixed
        problems.append(
            f"{where('date')} month-first and day-first dates are mixed: "
            f"{_listing([str(numbers[k]) for k in only_mf], 'row')} only make sense month first, "
            f"{_listing([str(numbers[k]) for k in only_df], 'row')} only day first. Write every date "
            "the same way, best as 2025-11-01 08:05."
        )
    data["date"] = values

    for column in _COUNTS:
        if column not in column_cells:
            continue
        parsed: list[int] = []
        wrong: dict[str, list[str]] = {}
        for number, cell in zip(numbers, column_cells[column]):
            if not cell.strip():
                if column in _ZERO_IF_EMPTY:
                    parsed.append(0)
                    continue
                wrong.setdefault("empty", []).append(str(number))
                continue
            value, what = _count(cell)
            if value is None:
                wrong.setdefault(what, []).append(f"{number} ({_cell(cell)})")
            else:
                parsed.append(value)
        for what, listed in wrong.items():
            advice = {
                "empty": "fill in the number, or delete the whole column if you do not have it",
                "negative": "counts cannot be below zero",
                "not a whole number": "counts are whole numbers",
                "not a number": "write a plain number such as 12 or 1,250"
                + (", or leave the cell empty for 0" if column in _ZERO_IF_EMPTY else ""),
            }[what]
            problems.append(f"{where(column)} {_listing(listed, 'row')} {'is' if len(listed) == 1 else 'are'} "
                            f"{what} ({advice}).")
        data[column] = parsed

    if "post_id" in column_cells:
        ids = [c.strip() for c in column_cells["post_id"]]
        empty = [str(n) for n, i in zip(numbers, ids) if not i]
        if empty:
            problems.append(f"{where('post_id')} {_listing(empty, 'row')} {'has' if len(empty) == 1 else 'have'} "
                            "no post id (fill it in, or delete the whole column to number posts automatically).")
        seen: dict[str, int] = {}
        repeats = []
        for number, i in zip(numbers, ids):
            if i and i in seen:
                repeats.append(f"{number} (the same as row {seen[i]})")
            seen.setdefault(i, number)
        if repeats:
            problems.append(f"{where('post_id')} {_listing(repeats, 'row')} repeat a post id; each post "
                            "should appear once (was one export pasted in twice?).")
        as_ints = [int(i) for i in ids if re.fullmatch(r"\d{1,18}", i)]
        data["post_id"] = as_ints if len(as_ints) == len(ids) else ids

    if problems:
        raise ImportProblem(f"{name} could not be read, so nothing was loaded:\n- " + "\n- ".join(problems))

    data["text"] = [html_to_text(c) for c in column_cells["text"]]
    if "type" in column_cells:
        data["type"] = [c.strip().lower() or "unlabelled" for c in column_cells["type"]]
    if "url" in column_cells:
        data["url"] = [c.strip() for c in column_cells["url"]]

    frame = _assemble(data)
    frame.attrs["headers"] = {column: found[column][2] for column in frame.columns if column in found}
    frame.attrs["ignored_columns"] = ignored
    return frame


def _assemble(data: dict[str, list]) -> pd.DataFrame:
    """The columns in the sample's order, rows in date order, post ids 1..n when the file had none."""
    order = [c for c in (*_SAMPLE_ORDER, "kind", "url") if c in data or c == "post_id"]
    frame = pd.DataFrame({c: data[c] for c in order if c in data})
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
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("href") or value.get("url") or value.get("id") or "")
    if isinstance(value, list) and value:
        return _link(value[0])
    return ""


def _parse_outbox(name: str, text: str) -> pd.DataFrame:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). "
            f"If it is a CSV file, read it with read_posts_csv(). {_OUTBOX_EXPECTED}"
        ) from None
    items = _outbox_items(name, doc)
    if items and all(isinstance(i, str) for i in items):
        raise ImportProblem(
            f"{name} is a list of links (like likes.json or bookmarks.json), not your posts. Pick "
            "outbox.json from your Mastodon archive."
        )

    rows: list[dict] = []
    broken: list[str] = []
    undated: list[str] = []
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
            row = {"text": html_to_text(content), "kind": "reply" if note.get("inReplyTo") else "post",
                   "url": _link(note.get("url")) or _link(note.get("id"))}
            published = item.get("published") or note.get("published")
        elif kind == "Announce":
            target = item.get("object")
            row = {"text": "", "kind": "boost",
                   "url": _link(target.get("url") or target.get("id")) if isinstance(target, dict) else _link(target)}
            published = item.get("published")
        else:
            skipped += 1
            continue
        moment = _iso(published.strip()) if isinstance(published, str) else None
        if moment is None:
            undated.append(f"{number} ({_cell(published) if isinstance(published, str) else 'missing'})")
            continue
        row["date"] = moment
        rows.append(row)

    problems = []
    if broken:
        problems.append(f"{_listing(broken, 'item').capitalize()} of orderedItems {'is a' if len(broken) == 1 else 'are'} "
                        f"'Create' without the post inside it (no 'object').")
    if undated:
        problems.append(f"{_listing(undated, 'item').capitalize()} of orderedItems {'has' if len(undated) == 1 else 'have'} "
                        "no 'published' time that can be read (expected a time like 2025-11-01T08:05:00Z).")
    if problems:
        raise ImportProblem(f"{name} could not be read, so nothing was loaded:\n- " + "\n- ".join(problems)
                            + "\nWas the file edited by hand? A fresh archive from Mastodon has neither problem.")
    if not rows:
        raise ImportProblem(
            f"{name} has no posts or boosts in it ({len(items)} items, none of type 'Create' or "
            f"'Announce'). {_OUTBOX_EXPECTED}"
        )
    data = {column: [r[column] for r in rows] for column in ("date", "text", "kind", "url")}
    frame = _assemble(data)
    frame.attrs["headers"] = {"date": "published", "text": "object.content", "kind": "type",
                              "url": "object.url"}
    frame.attrs["ignored_columns"] = []
    frame.attrs["skipped_items"] = skipped
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
