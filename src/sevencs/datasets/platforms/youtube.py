"""YouTube Studio's advanced-mode export (Analytics > Advanced mode > Export current view > CSV):
``youtube_studio.zip``.

No schema is published by YouTube. Layout, field names and quirks as public parsers and
their fixtures record them (the research notes of issue 11 name them):

- the zip holds ``Table data.csv``, ``Chart data.csv`` and ``Totals.csv`` (several
  importers); whether they sit in a folder inside the zip is not known: here they do not;
- ``Table data.csv`` with the Content dimension: ``Content,Video title,Video publish
  time,Duration``, then the metrics chosen (a real export of a tutor's channel, with real
  video ids and titles, quoted in a public repository); the metric names used here are
  those of real exports: ``Views``, ``Watch time (hours)`` (four decimals), ``Subscribers
  gained``, ``Subscribers lost``, ``Subscribers`` (net), ``Likes``, ``Comments added``,
  ``Shares``, ``Thumbnail impressions`` and ``Thumbnail click-through rate (%)`` (the
  current names of ``Impressions`` and ``Impressions click-through rate (%)``);
- the first row under the header is ``Total`` with the dimension's cells empty; rows are
  sorted by a metric, largest first (here by views);
- ``Video publish time`` like ``Sep 20, 2026`` (quoted, as it holds a comma), ``Duration``
  in seconds; no byte-order mark, cells quoted only when they must be;
- an id that starts with ``-`` is written after a space (a user's notes on real exports);
- ``Totals.csv``: ``Content`` and the metrics, one ``Total`` row (one importer's test);
- ``Chart data.csv``: ``Date,Content,Video title,Video publish time,Duration`` and a
  metric, a row per video per day (one importer's column list; the way it writes dates,
  ISO here, is not known).
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import csv_bytes, write_bytes, zip_bytes

FILES = ("youtube_studio.zip",)
METRICS = [
    "Views",
    "Watch time (hours)",
    "Subscribers gained",
    "Subscribers lost",
    "Subscribers",
    "Likes",
    "Comments added",
    "Shares",
    "Thumbnail impressions",
    "Thumbnail click-through rate (%)",
]
TABLE = ["Content", "Video title", "Video publish time", "Duration", *METRICS]
CHART = ["Date", "Content", "Video title", "Video publish time", "Duration", "Views"]
ALPHABET = string.ascii_letters + string.digits + "-_"
#: YouTube shows a video's thumbnail to many more people than watch it: thumbnail impressions are the
#: post's impressions times this (so that click-through rates come out at a few per cent, as real ones do).
THUMBNAIL_FACTOR = 12


def video_id(draw: Draw, first: str = "") -> str:
    """An 11-character YouTube-style video id."""
    return first + "".join(draw.pick(ALPHABET) for _ in range(11 - len(first)))


def published(moment: dt.datetime) -> str:
    """A day as YouTube Studio writes it: Sep 20, 2026."""
    return f"{moment:%b} {moment.day}, {moment.year}"


def videos(posts: list[dict], seed: int) -> list[dict]:
    """One video per post: how-to posts are long videos, the others Shorts; the first id starts with -."""
    draw = Draw(seed + 47)
    made = []
    for number, p in enumerate(posts):
        seconds = draw.integer(240, 900) if p["type"] == "how-to" else draw.integer(15, 59)
        views = p["reach"]
        made.append(
            {
                "id": video_id(draw, "-" if number == 0 else ""),
                "post": p,
                "seconds": seconds,
                "views": views,
                # people watch about half of a Short and a third of a long video
                "hours": round(views * seconds * (0.5 if seconds < 60 else 0.33) / 3600, 4),
                "gained": draw.integer(0, 3),
                "lost": draw.integer(0, 2),
                "impressions": p["impressions"] * THUMBNAIL_FACTOR,
                "clicks": draw.integer(views // 3, views),
            }
        )
    return made


def _shown_id(v: dict) -> str:
    """The id as the export writes it: after a space when it starts with -."""
    return (" " if v["id"].startswith("-") else "") + v["id"]


def _numbers(v: dict) -> list:
    """A video's metrics (all but the rate), in the order of :data:`METRICS`."""
    p = v["post"]
    return [
        v["views"],
        v["hours"],
        v["gained"],
        v["lost"],
        v["gained"] - v["lost"],
        p["likes"],
        p["comments"],
        p["shares"],
        v["impressions"],
    ]


def _cells(numbers: list, clicks: int) -> list:
    """The metrics as the export writes them: hours to four decimals, the rate in per cent to two."""
    return [numbers[0], f"{numbers[1]:.4f}", *numbers[2:], round(100 * clicks / numbers[-1], 2)]


def _totals(made: list[dict]) -> list:
    sums = [sum(column) for column in zip(*(_numbers(v) for v in made))]
    return _cells(sums, sum(v["clicks"] for v in made))


def table_data(made: list[dict]) -> bytes:
    """The Total row, then the videos, most viewed first."""
    ordered = sorted(made, key=lambda v: v["views"], reverse=True)
    rows = [["Total", "", "", "", *_totals(made)]]
    rows += [
        [_shown_id(v), v["post"]["text"], published(v["post"]["date"]), v["seconds"], *_cells(_numbers(v), v["clicks"])]
        for v in ordered
    ]
    return csv_bytes(TABLE, rows)


def chart_data(made: list[dict]) -> bytes:
    """Views on the day each video went out and the two days after."""
    rows = []
    for v in made:
        day = v["post"]["date"].date()
        shares = (v["views"] // 2, v["views"] // 3, v["views"] - v["views"] // 2 - v["views"] // 3)
        for offset, views in enumerate(shares):
            rows.append(
                [
                    (day + dt.timedelta(days=offset)).isoformat(),
                    _shown_id(v),
                    v["post"]["text"],
                    published(v["post"]["date"]),
                    v["seconds"],
                    views,
                ]
            )
    rows.sort(key=lambda r: r[0])
    return csv_bytes(CHART, rows)


def write(directory: Path, posts: list[dict], seed: int) -> None:
    made = videos(posts, seed)
    write_bytes(
        directory / "youtube_studio.zip",
        zip_bytes(
            {
                "Table data.csv": table_data(made),
                "Chart data.csv": chart_data(made),
                "Totals.csv": csv_bytes(["Content", *METRICS], [["Total", *_totals(made)]]),
            }
        ),
    )
