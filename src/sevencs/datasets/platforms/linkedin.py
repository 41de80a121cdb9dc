"""A LinkedIn Page's content export (Page analytics > Posts > Export): ``linkedin_content.xls``.

LinkedIn names the file ``<page-slug>_content_<epoch-ms>.xls`` and writes it as a legacy Excel
workbook (BIFF, read with xlrd), which is why this sample is written with ``xlwt``, the Python
writer of that format. Field names, order and quirks as public readers of real exports record
them (LinkedIn publishes no schema): a script that reads a real ``<page>_content_<ms>.xls`` from a
downloads folder (sheet ``All posts``, ``header=1``, ``Created date`` with ``%m/%d/%Y``); an ETL of
monthly exports that names the 20 columns by position over Portuguese-language files and reads
both content sheets with ``skiprows=1``; an xlrd importer that requires the sheets ``Metrics`` and
``All posts``, looks for the header among the first rows and reads every column below by its
name; and a reader of the older ``Update engagement`` layout. What they agree on:

- two sheets, ``Metrics`` (one row per day) and ``All posts`` (one row per post); readers of
  real files open ``All posts`` with ``header=1``: one line of description sits above the header
  in both sheets (its wording here is made up: the real wording was not seen);
- ``All posts`` has these 20 columns, in this order (the order from the ETL, the names from the
  importer): Post title, Post link, Post type, Campaign name, Posted by, Created date, Campaign
  start date, Campaign end date, Audience, Impressions, Views (excluding off-site video views),
  Off-site views, Clicks, Click through rate (CTR), Likes, Comments, Reposts, Follows,
  Engagement rate, Content Type;
- ``Post title`` is the post's text; ``Post link`` is
  ``https://www.linkedin.com/feed/update/urn:li:activity:<19 digits>`` (``urn:li:ugcPost:`` for
  some posts; here the address is on ``linkedin.example``, as every address in the examples);
- ``Created date`` is text, ``MM/DD/YYYY`` with no time (a real-file reader parses it with
  ``%m/%d/%Y``); campaign dates the same, blank for organic posts;
- ``Post type`` is ``Organic`` or ``Sponsored`` (one sponsored post here, with its campaign);
  ``Content Type`` says what the post is (Text, Image, Video); both sets of values are from
  synthetic tests only, not seen in a real file;
- ``Views`` is blank for posts without a video (one importer also allows ``NA``); whether CTR and
  engagement rate are fractions or percentages was not seen (fractions here; the reader skips them);
- ``Metrics`` starts with ``Date`` and has organic, sponsored and total columns for impressions,
  clicks, reactions, comments and reposts, unique impressions (organic only) and engagement rate.

The counts are the nursery's; the rest (ids, clicks, follows, daily totals) is drawn with the
generator's seeded draw. ``xlwt`` writes no time stamps, so the bytes are the same on every run.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import digits, write_bytes

FILES = ("linkedin_content.xls",)

POSTS_HEADER = [
    "Post title",
    "Post link",
    "Post type",
    "Campaign name",
    "Posted by",
    "Created date",
    "Campaign start date",
    "Campaign end date",
    "Audience",
    "Impressions",
    "Views (excluding off-site video views)",
    "Off-site views",
    "Clicks",
    "Click through rate (CTR)",
    "Likes",
    "Comments",
    "Reposts",
    "Follows",
    "Engagement rate",
    "Content Type",
]
METRICS_HEADER = [
    "Date",
    "Impressions (organic)",
    "Impressions (sponsored)",
    "Impressions (total)",
    "Unique impressions (organic)",
    "Clicks (organic)",
    "Clicks (sponsored)",
    "Clicks (total)",
    "Reactions (organic)",
    "Reactions (sponsored)",
    "Reactions (total)",
    "Comments (organic)",
    "Comments (sponsored)",
    "Comments (total)",
    "Reposts (organic)",
    "Reposts (sponsored)",
    "Reposts (total)",
    "Engagement rate (organic)",
    "Engagement rate (sponsored)",
    "Engagement rate (total)",
]
# The one line above each header (made up: the wording of LinkedIn's own was not seen).
POSTS_NOTE = "All posts: the performance of each post published in the selected date range."
METRICS_NOTE = "Metrics: aggregated engagement for each day of the selected date range."
POSTED_BY = "Rowan Hale"
CAMPAIGN = "Spring plant sale"
#: The nursery's promotional post (counted from the first) that was boosted as sponsored content.
SPONSORED = 4
#: The campaign's last day, counted from the post's (a two-week boost).
LAST_DAY = dt.timedelta(days=13)
LINK = "https://www.linkedin.example/feed/update/urn:li:"


def _day(moment: dt.datetime | dt.date) -> str:
    return moment.strftime("%m/%d/%Y")


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 6) if whole else 0.0


def sheets(posts: list[dict], seed: int) -> dict[str, list[list]]:
    """The two sheets as rows of cells (a description line, the header, then the rows); an empty
    string is a blank cell. Tests write the same rows into other workbooks."""
    draw = Draw(seed + 48)
    promotional = [p for p in posts if p["type"] == "promotional"]
    boosted = promotional[SPONSORED] if len(promotional) > SPONSORED else None
    rows = []
    for p in sorted(posts, key=lambda p: p["date"], reverse=True):
        video = p["type"] == "how-to"
        content = "Video" if video else "Text" if p["type"] == "question" else "Image"
        link = f"{LINK}{'ugcPost' if video else 'activity'}:{digits(draw, 19, '7')}"
        clicks = draw.integer(0, p["impressions"] // 12)
        follows = draw.integer(0, 2)
        sponsored = p is boosted
        campaign = [_day(p["date"]), _day(p["date"] + LAST_DAY)] if sponsored else ["", ""]
        engaged = clicks + p["likes"] + p["comments"] + p["shares"] + follows
        rows.append(
            [
                p["text"],
                link,
                "Sponsored" if sponsored else "Organic",
                CAMPAIGN if sponsored else "",
                POSTED_BY,
                _day(p["date"]),
                *campaign,
                "All followers",
                p["impressions"],
                p["impressions"] * 2 // 5 if video else "",
                0 if video else "",
                clicks,
                _rate(clicks, p["impressions"]),
                p["likes"],
                p["comments"],
                p["shares"],
                follows,
                _rate(engaged, p["impressions"]),
                content,
            ]
        )

    by_day = {p["date"].date(): p for p in posts}
    first, last = min(by_day), max(by_day)
    paid_days = (boosted["date"].date(), boosted["date"].date() + LAST_DAY) if boosted else None
    days = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        post = by_day.get(day)
        seen = post["impressions"] if post else draw.integer(0, 25)
        paid = draw.integer(40, 90) if paid_days and paid_days[0] <= day <= paid_days[1] else 0
        clicks, paid_clicks = draw.integer(0, seen // 15), paid // 20
        reactions = post["likes"] if post else draw.integer(0, 2)
        comments = post["comments"] if post else 0
        reposts = post["shares"] if post else 0
        paid_reactions = paid // 25
        organic = clicks + reactions + comments + reposts
        days.append(
            [
                _day(day),
                seen,
                paid,
                seen + paid,
                seen * 7 // 10,
                clicks,
                paid_clicks,
                clicks + paid_clicks,
                reactions,
                paid_reactions,
                reactions + paid_reactions,
                comments,
                0,
                comments,
                reposts,
                0,
                reposts,
                _rate(organic, seen),
                _rate(paid_clicks + paid_reactions, paid),
                _rate(organic + paid_clicks + paid_reactions, seen + paid),
            ]
        )
    return {"Metrics": [[METRICS_NOTE], METRICS_HEADER, *days], "All posts": [[POSTS_NOTE], POSTS_HEADER, *rows]}


def xls_bytes(book: dict[str, list[list]]) -> bytes:
    """A BIFF (.xls) workbook of these sheets: text as text, numbers as numbers, blank cells left out."""
    import xlwt  # type: ignore[import-untyped]  # only the example's writer needs it (no stubs); the reader uses xlrd

    workbook = xlwt.Workbook(encoding="utf-8")
    for name, rows in book.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value != "":
                    sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write(directory: Path, posts: list[dict], seed: int) -> None:
    write_bytes(directory / "linkedin_content.xls", xls_bytes(sheets(posts, seed)))
