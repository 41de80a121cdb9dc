"""The course's own CSV format, and any analytics CSV whose headers say the same things in other words.

A learner can write this file by hand or in a spreadsheet (:data:`CSV_COLUMNS`),
and it is also the reader of last resort: a CSV from any tool whose header row
names a date and the text of each post (``Publish time``, ``Post text``,
``Video title``...: :data:`HEADER_ALIASES`) is read through the aliases. The
platforms' own files have their own readers, which come first.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sevencs.parsing import any_search
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import normal, read_csv_text
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import COUNTS, assemble, describe


@dataclass(frozen=True)
class CsvColumn:
    """One column of the course's CSV format for posts."""

    name: str
    required: bool
    kind: str
    meaning: str
    if_empty: str


_ZERO = "0 (exports leave a blank when nobody did it), unless the whole column is empty"
_NOT_ALLOWED = "not allowed (fill it in or delete the column)"

#: The course's CSV format, in the order of the sample posts table. Only ``date`` and ``text``
#: are required: a file of dates and words still feeds the parts of the audit that read words and
#: timing, and the audit says which measures need counts it did not get. A column whose cells
#: are all empty counts as absent.
CSV_COLUMNS: tuple[CsvColumn, ...] = (
    CsvColumn(
        "post_id",
        False,
        "whole number or text",
        "An id for the post, different for every post. Without this column, posts are "
        "numbered 1, 2, 3... in date order.",
        "not allowed (delete the whole column to number posts automatically)",
    ),
    CsvColumn(
        "date",
        True,
        "date and time",
        "When the post was published, such as 2025-11-01 08:05 or 11/01/2025 08:05 (month "
        "first, as US-style exports write it). Day-first dates such as 31/01/2025 are read "
        "day first when the column only makes sense that way; when no date tells (every day "
        "is 12 or less), month first is assumed and the import says so. Two-digit years are "
        "read as 20xx, also said. Month names (Sep 20, 2026), Unix times and times ending in Z "
        "or +01:00 (turned into UTC) are read too. Years before 1990 or after 2099 are refused.",
        "not allowed",
    ),
    CsvColumn(
        "type",
        False,
        "text",
        "Your own label for the kind of post, such as promotional, how-to, question or story (read in lower case).",
        "becomes 'unlabelled'",
    ),
    CsvColumn(
        "text",
        True,
        "text",
        "The words of the post. HTML tags are removed; the words inside them stay.",
        "allowed (a photo-only post)",
    ),
    CsvColumn(
        "reach",
        False,
        "whole number, 0 or more",
        "Accounts that saw the post at least once (people, not views).",
        _NOT_ALLOWED,
    ),
    CsvColumn("likes", False, "whole number, 0 or more", "Likes and other reactions on the post.", _ZERO),
    CsvColumn("comments", False, "whole number, 0 or more", "Comments or replies under the post.", _ZERO),
    CsvColumn("shares", False, "whole number, 0 or more", "Times the post was shared, reposted or boosted.", _ZERO),
    CsvColumn(
        "followers", False, "whole number, 0 or more", "Your follower count on the day of the post.", _NOT_ALLOWED
    ),
    CsvColumn(
        "impressions", False, "whole number, 0 or more", "Times the post was shown, repeats counted.", _NOT_ALLOWED
    ),
    CsvColumn("saves", False, "whole number, 0 or more", "Times people saved or bookmarked the post.", _ZERO),
    CsvColumn(
        "views",
        False,
        "whole number, 0 or more",
        "Times the post or its video was viewed, as the platform counts views.",
        _NOT_ALLOWED,
    ),
    CsvColumn("clicks", False, "whole number, 0 or more", "Clicks on the post (links, photo, profile...).", _ZERO),
    CsvColumn("follows", False, "whole number, 0 or more", "Accounts that followed you from this post.", _ZERO),
    CsvColumn(
        "watch_time_hours",
        False,
        "number, 0 or more",
        "Total time people spent watching the video, in hours (12.5).",
        "allowed (no video)",
    ),
    CsvColumn("url", False, "text", "The post's web address (permalink).", "allowed"),
)
_COLUMN = {c.name: c for c in CSV_COLUMNS}
_SHORT = {"date": "when each post was published", "text": "the words of each post"}
REQUIRED = [c.name for c in CSV_COLUMNS if c.required]
_ZERO_IF_EMPTY = ("likes", "comments", "shares", "saves", "clicks", "follows")

#: Every header the CSV reader recognises (compared in lower case, with ``_``, ``-`` and repeated
#: spaces read as one space) and the column it fills. When a file has more than one header for
#: the same column, the one listed first here wins and the others are ignored: some exports have
#: both "Publish time" (when the post went out) and "Date" (the reporting period, which may say
#: "Lifetime"), so "Publish time" comes first. For the text, a row whose preferred text cell is
#: empty takes the next text header's cell (Meta's exports put the caption in "Title" or in
#: "Description", row by row), and the import says so.
HEADER_ALIASES: dict[str, str] = {
    "post id": "post_id",
    "id": "post_id",
    "media id": "post_id",
    "status id": "post_id",
    "tweet id": "post_id",
    "video id": "post_id",
    "publish time": "date",
    "published": "date",
    "published at": "date",
    "publish date": "date",
    "post time": "date",
    "video publish time": "date",
    "created date": "date",
    "posted": "date",
    "posted at": "date",
    "post date": "date",
    "date": "date",
    "date posted": "date",
    "created": "date",
    "created at": "date",
    "created time": "date",
    "timestamp": "date",
    "time": "date",
    "type": "type",
    "post type": "type",
    "content type": "type",
    "media type": "type",
    "text": "text",
    "message": "text",
    "post text": "text",
    "caption": "text",
    "description": "text",
    "content": "text",
    "body": "text",
    "tweet text": "text",
    "title": "text",
    "post title": "text",
    "video title": "text",
    "url": "url",
    "permalink": "url",
    "link": "url",
    "post link": "url",
    "post url": "url",
    "video link": "url",
    "tweet permalink": "url",
    "reach": "reach",
    "accounts reached": "reach",
    "people reached": "reach",
    "likes": "likes",
    "reactions": "likes",
    "like count": "likes",
    "likes count": "likes",
    "favourites": "likes",
    "favorites": "likes",
    "favourites count": "likes",
    "total likes": "likes",
    "comments": "comments",
    "replies": "comments",
    "comment count": "comments",
    "comments count": "comments",
    "replies count": "comments",
    "total comments": "comments",
    "shares": "shares",
    "reposts": "shares",
    "retweets": "shares",
    "boosts": "shares",
    "reblogs": "shares",
    "share count": "shares",
    "shares count": "shares",
    "total shares": "shares",
    "followers": "followers",
    "follower count": "followers",
    "followers count": "followers",
    "page followers": "followers",
    "impressions": "impressions",
    "post impressions": "impressions",
    "total impressions": "impressions",
    "saves": "saves",
    "saved": "saves",
    "bookmarks": "saves",
    "views": "views",
    "total views": "views",
    "video views": "views",
    "plays": "views",
    "total clicks": "clicks",
    "clicks": "clicks",
    "follows": "follows",
    "new follows": "follows",
    "watch time (hours)": "watch_time_hours",
    "watch time hours": "watch_time_hours",
}
_PREFERENCE = {alias: rank for rank, alias in enumerate(HEADER_ALIASES)}


def expected_columns() -> str:
    required = ", ".join(REQUIRED)
    optional = ", ".join(c.name for c in CSV_COLUMNS if not c.required)
    return f"required: {required}; optional: {optional}"


def _recognise(found: Found) -> bool:
    """The reader of last resort: any text file that is not JSON."""
    return found.kind == "text" and not found.looks_like_json


def read(found: Found) -> pd.DataFrame:
    """The posts of a CSV file in the course's format or with headers from :data:`HEADER_ALIASES`."""
    name, text = found.name, found.text
    if not text.strip():
        raise ImportProblem(
            f"{name} is empty: it has no header row and no posts. Expected a CSV file with a header row "
            f"({', '.join(REQUIRED)} at least) and one row per post, or one of the platforms' files the "
            "course reads (see the data dictionary)."
        )
    if found.looks_like_json:
        raise ImportProblem(
            f"{name} holds JSON, not CSV. Expected a CSV file with a header row ({expected_columns()}), or "
            "one of the platforms' files the course reads (see the data dictionary)."
        )
    table = read_csv_text(name, text)
    header = table.header

    chosen: dict[str, tuple[int, int, str]] = {}  # column -> (preference, position, header)
    texts: list[tuple[int, int, str]] = []  # every text header, most preferred first
    ignored: list[str] = []
    for position, raw in enumerate(header):
        key = normal(raw)
        column = HEADER_ALIASES.get(key)
        if column is None:
            if raw.strip():
                ignored.append(raw.strip())
            continue
        candidate = (_PREFERENCE[key], position, raw.strip())
        if column == "text":
            texts.append(candidate)
        if column not in chosen or candidate < chosen[column]:
            if column in chosen and column != "text":
                ignored.append(chosen[column][2])
            chosen[column] = candidate
        elif column != "text":
            ignored.append(raw.strip())

    missing = [c for c in REQUIRED if c not in chosen]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        wanted = "; ".join(f"{c} ({_SHORT[c]})" for c in missing)
        others = {c: [a for a, col in HEADER_ALIASES.items() if col == c and a != c][:3] for c in missing}
        alias_hint = "; ".join(f"for {c} also {', '.join(repr(a) for a in others[c])}" for c in missing)
        shown = ", ".join(repr(h.strip()) for h in header if h.strip()) or "nothing"
        raise ImportProblem(
            f"{name} is missing the column{plural} {' and '.join(repr(c) for c in missing)}: {wanted}. "
            f"Its header row (row 1) has: {shown}. Expected columns: {expected_columns()}. "
            f"Headers from exports work too ({alias_hint}); see the data dictionary, which also lists the "
            "platforms' own files the course reads. Rename a header in your spreadsheet if it says the "
            "same thing in other words."
        )
    if not len(table):
        raise ImportProblem(
            f"{name} has a header row but no posts under it. Expected one row per post below the header."
        )
    table.check_width()
    table.check_runaway_quotes({p: h for _, p, h in [*chosen.values(), *texts]}, chosen["date"][1])

    cells = {column: table.column(position) for column, (_, position, _) in chosen.items()}
    # A column with nothing in it says nothing: treat it as absent (required ones stay and are checked).
    for column in list(cells):
        if not _COLUMN[column].required and not any_search(cells[column], r"[^\s\x00]"):
            ignored.append(chosen.pop(column)[2])
            del cells[column]

    columns = Columns(name, table.numbers, decimal="," if table.delimiter == ";" else ".")
    columns.date(cells["date"], chosen["date"][2])
    for column in COUNTS:
        if column in cells:
            columns.count(
                column, cells[column], chosen[column][2], empty="zero" if column in _ZERO_IF_EMPTY else "problem"
            )
    if "watch_time_hours" in cells:
        columns.hours("watch_time_hours", cells["watch_time_hours"], chosen["watch_time_hours"][2])
    if "post_id" in cells:
        columns.post_id(cells["post_id"], chosen["post_id"][2])
    columns.check()

    text_cells, header_used, unused = _text_by_row(table, sorted(texts), columns)
    _refuse_empty_text(name, table, text_cells, header_used, chosen, texts)
    columns.text(text_cells, header_used)
    ignored += unused
    if "type" in cells:
        columns.label("type", cells["type"], chosen["type"][2])
    if "url" in cells:
        columns.url(cells["url"], chosen["url"][2])
    frame = assemble(columns.data)
    return describe(
        frame,
        source=name,
        format="csv",
        platform="",
        recognised_as="a CSV file",
        file=found.archive or name,
        member=found.member,
        headers=columns.headers,
        ignored=ignored,
        assumptions=columns.assumptions,
    )


def _refuse_empty_text(name: str, table, text: pd.Series, header: str, chosen: dict, texts: list) -> None:
    """A text column mostly empty beside another column full of words in those rows is not read
    silently: the words are probably the posts' text under a header the course does not know."""
    empty = text.str.strip() == ""
    if empty.mean() <= 0.5:
        return
    known = {position for _, position, _ in [*chosen.values(), *texts]}
    for position, other in enumerate(table.header):
        if position in known or position >= len(table.columns):
            continue
        cells = table.column(position)[empty]
        wordy = cells.str.contains(r"[^\W\d_]{3,}.*\s.*[^\W\d_]{3,}", regex=True)  # two words or more
        if wordy.mean() >= 0.8:
            raise ImportProblem(
                f"{name}: the text column {header!r} is empty for {int(empty.sum())} of {len(text)} posts, but "
                f"the column {other!r} holds words in those rows. If {other!r} is the text of your posts, "
                f"rename its header to 'text' and read the file again; if {header!r} is right (photos "
                f"without captions), delete the column {other!r}."
            )


def _text_by_row(table, texts: list[tuple[int, int, str]], columns: Columns) -> tuple[pd.Series, str, list[str]]:
    """Each row's text from the most preferred text header whose cell is not empty there; the
    import says how many rows took their text from another header. Returns the texts, the
    preferred header, and the other text headers no row took anything from."""
    first = texts[0]
    result = table.column(first[1]).copy()
    unused = []
    for _, position, header in texts[1:]:
        fill = (result.str.strip() == "") & (table.column(position).str.strip() != "")
        if fill.any():
            result[fill] = table.column(position)[fill]
            columns.assumptions.append(
                f"The text of {int(fill.sum())} of {len(result)} posts came from {header!r}, because "
                f"{first[2]!r} was empty there."
            )
        else:
            unused.append(header)
    return result, first[2], unused


READER = Reader(
    key="csv",
    platform="Any other tool, or your own spreadsheet",
    title="a CSV file with a date and the text of each post",
    how_to_get="Save your spreadsheet as 'CSV UTF-8', or export a CSV from your scheduling or analytics tool",
    holds="Whatever columns it has that the course knows (see the CSV format above and its accepted headers).",
    lacks="Only what you did not include.",
    fields=tuple(Field(c.name, c.name, c.meaning) for c in CSV_COLUMNS),
    sample="posts.csv",
    recognise=_recognise,
    read=read,
)
