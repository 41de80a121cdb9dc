"""A made-up analytics tool's CSV export (``analytics_export.csv``), read through header aliases.

No real tool's format: it shows what the course's own CSV reader does with any CSV
whose headers say the same things in other words. Its headers ("Published", "Post
text", "Post type", "Post link", "Reach", "Impressions", "Likes", "Comments",
"Shares", and "Profile" and "Network", which the course does not use), newest first,
US-style dates with AM/PM (month first), thousands commas in the larger numbers,
a byte-order mark, and blank cells where nobody shared.
"""

from __future__ import annotations

from pathlib import Path

from sevencs.datasets.platforms import SITE, csv_bytes, write_bytes

FILES = ("analytics_export.csv",)
HEADER = [
    "Profile",
    "Network",
    "Published",
    "Post text",
    "Post type",
    "Post link",
    "Reach",
    "Impressions",
    "Likes",
    "Comments",
    "Shares",
]


def write(directory: Path, posts: list[dict], seed: int) -> None:
    rows = []
    for p in sorted(posts, key=lambda p: p["date"], reverse=True):
        rows.append(
            [
                "Fernleaf Nursery",
                "Facebook",
                p["date"].strftime("%m/%d/%Y %I:%M %p"),
                p["text"],
                p["type"].capitalize(),
                f"{SITE}/posts/{p['post_id']}",
                f"{p['reach']:,}",
                f"{p['impressions']:,}",
                p["likes"],
                p["comments"],
                p["shares"] or "",
            ]
        )
    write_bytes(directory / "analytics_export.csv", csv_bytes(HEADER, rows, bom=True))
