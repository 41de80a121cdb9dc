"""Meta Business Suite's content export (Insights > Content > Export), for a Facebook Page and for Instagram.

Field names, order and quirks as public parsers and their fixtures record them (the
column lists of several importers of these files, a catalogue of twelve real monthly
Facebook exports, and a real Instagram row quoted in a failure analysis; no schema is
published by Meta):

- UTF-8 with a byte-order mark; a header row, one row per post, "Lifetime" totals;
- headers and cells holding a space, comma, quote or line break are quoted, others bare;
- ``Publish time`` is ``MM/DD/YYYY HH:MM`` (month first, 24-hour clock, no zone);
- ``Date`` holds the word ``Lifetime``, not a date;
- Facebook: the caption is in ``Title`` for photos and links, in ``Description`` for
  videos and reels (so one of the two is empty, row by row); ``Reactions``,
  ``Comments``, ``Shares``, ``Views``, ``Reach``, the clicks; a blank ``Views`` where
  Meta had none (it happens in real files); the columns vary from month to month
  (here the 34 of one importer's list, monetisation columns empty);
- Instagram: the caption in ``Description``; ``Likes``, ``Shares``, ``Follows``,
  ``Comments``, ``Saves``; ``Post type`` such as ``IG image``, ``IG carousel``, ``IG reel``.
"""

from __future__ import annotations

from pathlib import Path

from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import digits, write_bytes

FILES = ("meta_business_suite_facebook.csv", "meta_business_suite_instagram.csv")

FACEBOOK = [
    "Post ID",
    "Page ID",
    "Page name",
    "Title",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Caption type",
    "Permalink",
    "Is crosspost",
    "Is share",
    "Post type",
    "Languages",
    "Custom labels",
    "Funded content status",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Reactions, Comments and Shares",
    "Reactions",
    "Comments",
    "Shares",
    "Total clicks",
    "Matched Audience Targeting Consumption (Photo Click)",
    "Other Clicks",
    "Link Clicks",
    "Matched Audience Targeting Consumption (Video Click)",
    "Negative feedback from users: Hide all",
    "Seconds viewed",
    "Average Seconds viewed",
    "Estimated earnings (USD)",
    "Ad CPM (USD)",
    "Ad impressions",
]
INSTAGRAM = [
    "Post ID",
    "Account ID",
    "Account username",
    "Account name",
    "Description",
    "Duration (sec)",
    "Publish time",
    "Permalink",
    "Post type",
    "Data comment",
    "Date",
    "Views",
    "Reach",
    "Likes",
    "Shares",
    "Follows",
    "Comments",
    "Saves",
]


def _cell(value: object) -> str:
    """A cell as Meta writes it: quoted when it holds a space, a comma, a quote or a line break."""
    text = str(value)
    if any(c in text for c in ' ,"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv(header: list[str], rows: list[list]) -> bytes:
    lines = [",".join(_cell(c) for c in row) for row in [header, *rows]]
    return b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8")


def facebook(posts: list[dict], seed: int) -> bytes:
    draw = Draw(seed + 43)
    page = digits(draw, 15, "100")
    rows = []
    for number, p in enumerate(sorted(posts, key=lambda p: p["date"], reverse=True)):
        kind = "Reels" if p["type"] == "how-to" else "Links" if number % 11 == 5 else "Photos"
        post = digits(draw, 16, "1")
        seconds = draw.integer(20, 58) if kind == "Reels" else 0
        link = (
            f"https://www.facebook.example/reel/{post}"
            if kind == "Reels"
            else f"https://www.facebook.example/fernleafnursery/posts/pfbid0{digits(draw, 12)}"
        )
        title, description = ("", p["text"]) if kind == "Reels" else (p["text"], "")
        views = "" if number == 7 else p["impressions"]  # Meta leaves Views blank now and then
        photo_clicks = draw.integer(0, p["reach"] // 20) if kind == "Photos" else 0
        link_clicks = draw.integer(0, p["reach"] // 30) if kind == "Links" else 0
        other_clicks = draw.integer(0, p["reach"] // 40)
        watched = seconds * p["reach"] // 4 if kind == "Reels" else ""
        rows.append(
            [
                post,
                page,
                "Fernleaf Nursery",
                title,
                description,
                seconds,
                p["date"].strftime("%m/%d/%Y %H:%M"),
                "N/A",
                link,
                0,
                0,
                kind,
                "",
                "",
                "",
                "",
                "Lifetime",
                views,
                p["reach"],
                p["likes"] + p["comments"] + p["shares"],
                p["likes"],
                p["comments"],
                p["shares"] or "",
                photo_clicks + link_clicks + other_clicks,
                photo_clicks,
                other_clicks,
                link_clicks,
                "",
                draw.integer(0, 1) or "",
                watched,
                round(watched / p["reach"], 2) if watched else "",
                "",
                "",
                "",
            ]
        )
    return _csv(FACEBOOK, rows)


def instagram(posts: list[dict], seed: int) -> bytes:
    draw = Draw(seed + 44)
    account = digits(draw, 17, "1784")
    rows = []
    for number, p in enumerate(sorted(posts, key=lambda p: p["date"], reverse=True)):
        kind = "IG reel" if p["type"] == "how-to" else "IG carousel" if number % 4 == 1 else "IG image"
        # Instagram's audience for the nursery is smaller than Facebook's, and it saves how-to posts
        reach = p["reach"] * 2 // 3
        rows.append(
            [
                digits(draw, 17, "179"),
                account,
                "fernleafnursery",
                "Fernleaf Nursery",
                p["text"],
                draw.integer(15, 45) if kind == "IG reel" else 0,
                p["date"].strftime("%m/%d/%Y %H:%M"),
                f"https://www.instagram.example/{'reel' if kind == 'IG reel' else 'p'}/{digits(draw, 11)}/",
                kind,
                "",
                "Lifetime",
                reach * 3 // 2,
                reach,
                p["likes"],
                p["shares"],
                draw.integer(0, 2),
                p["comments"],
                p["shares"] * 2 + (draw.integer(2, 9) if p["type"] == "how-to" else 0),
            ]
        )
    return _csv(INSTAGRAM, rows)


def write(directory: Path, posts: list[dict], seed: int) -> None:
    write_bytes(directory / "meta_business_suite_facebook.csv", facebook(posts, seed))
    write_bytes(directory / "meta_business_suite_instagram.csv", instagram(posts, seed))
