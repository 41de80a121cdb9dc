"""TikTok Studio's analytics download (Analytics > Content > Download data): ``tiktok_studio.zip`` and
``tiktok_content.xlsx``.

The download is a zip of CSV files, one per part of TikTok Studio's analytics, or an
Excel workbook; no schema is published by TikTok. Field names, order and quirks as
public importers record them (the research notes of issue 11 name them):

- ``Content.csv``: ``"Time","Video title","Video link","Post time","Total likes",
  "Total comments","Total shares","Total views"`` (a real download of a creator's
  account quoted in a public repository, with real ids; the same header in the Thai,
  Japanese and Vietnamese importers); every cell quoted, counts as plain digits;
  ``Time`` the same on every row (the day of the download, it seems);
- ``Post time`` a day and a month without a year, day first, in the language of
  TikTok Studio (English here: ``12 September``; the English day-first order is seen in
  ``Overview.csv``'s ``"28 August"`` in another importer's test of a real download);
- ``Video link`` ``https://www.tiktok.com/@<name>/video/<id>`` (here on the reserved
  ``tiktok.example`` domain); the ids are made, like the real ones quoted, from the
  posting time (its seconds in the top 32 bits of the number);
- ``Overview.csv`` (``"Date","Video Views","Profile Views","Likes","Comments","Shares"``)
  and ``FollowerHistory.csv`` (``"Date","Followers","Difference in followers from previous
  day"``), one row per day, oldest first;
- a UTF-8 byte-order mark at the start of each CSV (one importer's notes: "every Studio
  CSV"; corroborated once only), lines ending in ``\\n`` (not checked);
- the workbook: the ``Content.csv`` table on one sheet, header on the first row (as the
  importer ``aroaxinping/tokpipe`` reads a TikTok ``.xlsx``); the sheet's name is not known
  and is ``Content`` here.

The download is dated :data:`~sevencs.datasets.platforms.DOWNLOADED` (the zip's member times,
the workbook's creation time), so the posts' years can be worked out from it.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from sevencs.datasets import NURSERY
from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import DOWNLOADED, csv_bytes, write_bytes, zip_bytes

FILES = ("tiktok_studio.zip", "tiktok_content.xlsx")
CONTENT = [
    "Time",
    "Video title",
    "Video link",
    "Post time",
    "Total likes",
    "Total comments",
    "Total shares",
    "Total views",
]
OVERVIEW = ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
FOLLOWERS = ["Date", "Followers", "Difference in followers from previous day"]
SITE = "https://www.tiktok.example"
#: The days a download covers: TikTok Studio gives at most the 365 days before the download.
DAYS = 365


def day_month(moment: dt.date) -> str:
    """A day as TikTok Studio writes it in English: 12 September (no year)."""
    return f"{moment.day} {moment:%B}"


def video_id(moment: dt.datetime, draw: Draw) -> str:
    """A TikTok-style post id: the posting time's seconds in the top 32 bits, random bits below."""
    seconds = int(moment.replace(tzinfo=dt.UTC).timestamp())
    return str((seconds << 32) + draw.integer(0, 2**32 - 1))


def content_rows(posts: list[dict], seed: int) -> list[list]:
    """The rows of Content.csv, newest post first."""
    draw = Draw(seed + 45)
    rows = [
        [
            day_month(DOWNLOADED),
            p["text"],
            f"{SITE}/@{NURSERY}/video/{video_id(p['date'], draw)}",
            day_month(p["date"]),
            p["likes"],
            p["comments"],
            p["shares"],
            p["impressions"],
        ]
        for p in posts
    ]
    order = sorted(range(len(posts)), key=lambda k: posts[k]["date"], reverse=True)
    return [rows[k] for k in order]


def daily_rows(posts: list[dict], seed: int) -> tuple[list[list], list[list]]:
    """The rows of Overview.csv and FollowerHistory.csv: each day of the download's year, oldest first."""
    draw = Draw(seed + 46)
    first = (DOWNLOADED - dt.timedelta(days=DAYS)).date()
    overview, followers = [], []
    count = posts[0]["followers"]
    for offset in range(DAYS):
        day = first + dt.timedelta(days=offset)
        today = [p for p in posts if p["date"].date() == day]
        views = sum(p["impressions"] for p in today) + draw.integer(0, 25)
        profile = draw.integer(0, 4) + 2 * len(today)
        overview.append(
            [day_month(day), views, profile, *(sum(p[k] for p in today) for k in ("likes", "comments", "shares"))]
        )
        before = count
        count = max([count, *(p["followers"] for p in today)])
        followers.append([day_month(day), count, count - before])
    return overview, followers


def workbook_bytes(rows: list[list]) -> bytes:
    """Content.csv's table as an Excel workbook, the same bytes on every run (fixed times inside)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = "Content"
    sheet.append(CONTENT)
    for row in rows:
        sheet.append(row)
    book.properties.creator = "TikTok"
    book.properties.created = book.properties.modified = DOWNLOADED
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # unlike Workbook.save, keeps the times set above
    with zipfile.ZipFile(buffer) as written:
        members = {name: written.read(name) for name in written.namelist()}
    return zip_bytes(members)  # the members' own times fixed too


def write(directory: Path, posts: list[dict], seed: int) -> None:
    rows = content_rows(posts, seed)
    overview, followers = daily_rows(posts, seed)
    write_bytes(
        directory / "tiktok_studio.zip",
        zip_bytes(
            {
                "Content.csv": csv_bytes(CONTENT, rows, bom=True, quote_all=True),
                "Overview.csv": csv_bytes(OVERVIEW, overview, bom=True, quote_all=True),
                "FollowerHistory.csv": csv_bytes(FOLLOWERS, followers, bom=True, quote_all=True),
            }
        ),
    )
    write_bytes(directory / "tiktok_content.xlsx", workbook_bytes(rows))
