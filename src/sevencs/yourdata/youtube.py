"""YouTube Studio's advanced-mode export (Analytics > Advanced mode > Export current view > CSV).

The export is a zip holding ``Table data.csv``, ``Chart data.csv`` and ``Totals.csv``.
With the Content dimension, ``Table data.csv`` has one row per video, under the header
``Content,Video title,Video publish time,Duration`` followed by the metrics chosen in
advanced mode, so every metric is found by its name, never by its position. What the
reader relies on (see :mod:`sevencs.datasets.platforms.youtube` for the sources):

- the first row under the header is a ``Total`` row: it is skipped;
- ``Content`` is the video's id (11 letters, digits, ``-`` or ``_``); an id that starts
  with ``-`` is written after a space, which is removed. The address is YouTube's own
  ``https://www.youtube.com/watch?v=<id>``;
- ``Video publish time`` is the day only, ``Sep 20, 2026``;
- the metrics read, when chosen: ``Views``, ``Watch time (hours)``, ``Impressions``
  (``Thumbnail impressions`` in current exports), ``Likes``, ``Comments added``,
  ``Shares`` and ``Subscribers gained``. ``Subscribers`` (gained minus lost, which can
  be below zero) is not a count of follows and is not used; nor are rates, averages,
  ``Duration`` or revenue. An empty cell is left empty, never counted as 0;
- the counts are those of the date range chosen before exporting.

Impressions as YouTube's help defines them ("Check your impressions and CTR",
support.google.com/youtube/answer/9314486): a thumbnail shown on YouTube for more than
a second and at least half visible. ``Chart data.csv`` (a row per video per day),
``Totals.csv`` (the channel's totals) and a ``Table data.csv`` exported with another
dimension (Date, Traffic source...) are recognised and refused, saying what to download
instead.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pandas as pd

from sevencs.parsing import parse_dates, stripped
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import first_row, normal, read_csv_text
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, listing, positions, rows
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe

HOW_TO_GET = (
    "In YouTube Studio: Analytics > Advanced mode, with Content as the dimension and the date "
    "range you want; add the metrics Views, Watch time (hours), Impressions, Likes, Comments "
    "added, Shares and Subscribers gained, then Export current view > CSV; give the zip it "
    "downloads, or Table data.csv from inside it"
)
_FILES = ("Table data.csv", "Chart data.csv", "Totals.csv")

FIELDS: tuple[Field, ...] = (
    Field("Content", "post_id", "The video's id (11 letters, digits, - or _)."),
    Field("Content", "url", "The video's address, made from its id: https://www.youtube.com/watch?v=<id>."),
    Field("Video publish time", "date", "The day the video was published (Sep 20, 2026), without the time."),
    Field("Video title", "text", "The video's title."),
    Field("Views", "views", "Views in the date range chosen."),
    Field("Watch time (hours)", "watch_time_hours", "Hours people spent watching the video in the date range."),
    Field(
        "Impressions",
        "impressions",
        "Times the video's thumbnail was shown on YouTube, for more than a second and at least half "
        "visible (current exports call it Thumbnail impressions).",
    ),
    Field("Likes", "likes", "Likes in the date range."),
    Field("Comments added", "comments", "Comments added in the date range."),
    Field("Shares", "shares", "Times the video was shared in the date range."),
    Field("Subscribers gained", "follows", "Accounts that subscribed to your channel from the video."),
)
#: Metrics (as :func:`normal` writes them) and the column each fills; the first one a file has wins.
_COUNTS = {
    "views": "views",
    "impressions": "impressions",
    "thumbnail impressions": "impressions",
    "likes": "likes",
    "comments added": "comments",
    "shares": "shares",
    "subscribers gained": "follows",
}
#: For each column, the metric to add in advanced mode when the export lacks it.
_ADD = {
    "views": "Views",
    "impressions": "Impressions",
    "likes": "Likes",
    "comments": "Comments added",
    "shares": "Shares",
    "follows": "Subscribers gained",
    "watch_time_hours": "Watch time (hours)",
}
_ID = r"[A-Za-z0-9_-]{11}"
_ALWAYS_MISSING = {
    "reach": "YouTube does not count reach per video (its 'Unique viewers' counts people who watched, "
    "not people who saw the video)",
    "followers": "YouTube Studio's export has no subscriber count on the day of each video",
}


def _header(text: str) -> list[str]:
    return first_row(text)


def _member(names: list[str], wanted: str) -> str | None:
    found = [n for n in names if PurePosixPath(n).name.lower() == wanted.lower()]
    return min(found, key=lambda n: n.count("/")) if found else None


def _recognise(found: Found) -> bool:
    try:
        if found.kind == "zip":
            return any(_member(found.archive_names, n) for n in _FILES)
        if found.kind != "text" or found.looks_like_json:
            return False
        text = found.text
    except ImportProblem:
        return False
    header = set(_header(text))
    second = text.split("\n", 2)[1] if "\n" in text else ""
    return (
        {"video title", "video publish time"} <= header
        or bool(
            header
            & {
                "watch time (hours)",
                "thumbnail impressions",
                "impressions click-through rate (%)",
                "thumbnail click-through rate (%)",
            }
        )
        or (found.file_name in _FILES and second.startswith("Total,"))
    )


def _refusal(name: str, file_name: str, headers: list[str], first_cells: pd.Series) -> ImportProblem | None:
    """Why the file is the wrong one of YouTube's export, if it is."""
    header = [normal(h) for h in headers]
    instead = "Table data.csv, from the same export, has one row per video: give the zip, or Table data.csv."
    if header[:1] == ["date"] and "content" in header:
        return ImportProblem(
            f"{name} is the Chart data.csv of a YouTube Studio export (a row per video per "
            f"day), not the table of your videos. {instead}"
        )
    if file_name == "Totals.csv" or (
        header[:1] == ["content"] and "video title" not in header and (first_cells.str.strip() == "Total").all()
    ):
        return ImportProblem(
            f"{name} is the Totals.csv of a YouTube Studio export (your channel's totals "
            f"only), not the table of your videos. {instead}"
        )
    if header[:1] != ["content"]:
        shown = headers[0].strip() if headers else "nothing"
        return ImportProblem(
            f"{name} is a YouTube Studio export by {shown!r} (its first column), not by video, so it has "
            "no posts in it. In advanced mode, choose Content as the dimension, then export again. "
            f"{HOW_TO_GET}."
        )
    return None


def read(found: Found) -> pd.DataFrame:
    """Your videos from YouTube Studio's advanced-mode export (the zip, or Table data.csv)."""
    archive = found
    if found.kind == "zip":
        member = _member(found.archive_names, "Table data.csv")
        if member is None:
            holds = ", ".join(PurePosixPath(n).name for n in found.archive_names[:6])
            raise ImportProblem(
                f"{found.name} is a YouTube Studio export without Table data.csv (it holds "
                f"{holds}), the file with one row per video. {HOW_TO_GET}."
            )
        found = found.open(member)
    name = found.name
    table = read_csv_text(name, found.text)
    table.check_width()
    first = table.column(0) if table.width else pd.Series([], dtype=str)
    refusal = _refusal(name, found.file_name, table.header, first)
    if refusal:
        raise refusal
    position = {normal(h): k for k, h in enumerate(table.header)}
    absent = [repr(h) for h in ("Video title", "Video publish time") if normal(h) not in position]
    if absent:
        raise ImportProblem(
            f"{name} looks like YouTube Studio's Table data.csv but has no {listing(absent, 'column')}. {HOW_TO_GET}."
        )
    videos = (stripped(first) != "Total").to_numpy()
    if not videos.any():
        raise ImportProblem(
            f"{name} has no videos in it, only the Total row: did the date range chosen hold no views? {HOW_TO_GET}."
        )

    def column(key: str) -> pd.Series:
        return table.column(position[key])[videos].reset_index(drop=True)

    def title(key: str) -> str:
        return table.header[position[key]]

    numbers = table.numbers[videos]
    table.check_runaway_quotes({position["video title"]: title("video title")}, position["video publish time"])
    columns = Columns(name, numbers)
    published = column("video publish time")
    columns.date(
        published,
        title("video publish time"),
        parse_dates(published),
        how="YouTube writes them like Sep 20, 2026; was the file edited in a spreadsheet?",
    )
    ids = stripped(column("content"))
    odd = positions(~ids.str.fullmatch(_ID))
    if odd:
        columns.problems.append(
            f"In the column {title('content')!r}, {listing(rows(numbers, odd, ids), 'row')} "
            f"{'is' if len(odd) == 1 else 'are'} not a YouTube video id (11 letters, digits, - or _)."
        )
    else:
        columns.post_id(ids, title("content"))
    for key, target in _COUNTS.items():
        if key in position and target not in columns.data:
            columns.count(target, column(key), title(key), empty="missing")
    if "watch time (hours)" in position:
        columns.hours("watch_time_hours", column("watch time (hours)"), title("watch time (hours)"))
    columns.check()

    columns.text(column("video title"), title("video title"))
    columns.set("url", "https://www.youtube.com/watch?v=" + ids, title("content"))
    assumptions = [
        *columns.assumptions,
        f"{title('video publish time')!r} gives the day each video was published, not the time: every video "
        "is dated at midnight, so the time of day cannot be audited from this file.",
        "The counts are those of the date range chosen in YouTube Studio before exporting: a video published "
        "before that range has only what it got within it.",
    ]
    missing = {
        c: f"this export has no {metric!r}: add that metric in advanced mode and export again"
        for c, metric in _ADD.items()
    }
    missing.update(_ALWAYS_MISSING)
    if "subscribers" in position and "follows" not in columns.data:
        missing["follows"] = (
            "this export has 'Subscribers' (subscribers gained minus subscribers lost, "
            "which can be below zero), not the subscribers each video brought: add the "
            "metric 'Subscribers gained' in advanced mode and export again"
        )
    used = {normal(h) for h in columns.headers.values()}
    ignored = [h for h in table.header if normal(h) not in used and h.strip()]
    return describe(
        assemble(columns.data),
        source=name,
        format="youtube-studio",
        platform="YouTube",
        recognised_as="a YouTube Studio advanced-mode export (Table data.csv)",
        file=archive.name,
        member=found.member,
        headers=columns.headers,
        ignored=ignored,
        assumptions=assumptions,
        missing=missing,
    )


READER = Reader(
    key="youtube-studio",
    platform="YouTube",
    title="YouTube Studio's advanced-mode export (a zip holding Table data.csv)",
    how_to_get=HOW_TO_GET,
    holds="One row per video: its title, id and day of publishing, and the metrics you chose (views, watch "
    "time, impressions, likes, comments, shares, subscribers gained) for the date range you chose.",
    lacks="Reach, the time of day each video went out, and your subscriber count per day. Only the metrics "
    "chosen in advanced mode are in the file.",
    fields=FIELDS,
    sample="youtube_studio.zip",
    recognise=_recognise,
    read=read,
)
