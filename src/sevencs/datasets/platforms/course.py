"""The course's own CSV format (``posts.csv``): the sample posts' columns and values.

Dates are written ``2025-11-01 08:05:00``; every column of the sample posts table is
there, so it reads back to exactly the posts it was made from.
"""

from __future__ import annotations

from pathlib import Path

from sevencs.datasets.platforms import csv_bytes, write_bytes

FILES = ("posts.csv",)
HEADER = ["post_id", "date", "type", "text", "reach", "likes", "comments", "shares", "followers", "impressions"]


def write(directory: Path, posts: list[dict], seed: int) -> None:
    rows = [[p["post_id"], p["date"].strftime("%Y-%m-%d %H:%M:%S"), *(p[c] for c in HEADER[2:])] for p in posts]
    write_bytes(directory / "posts.csv", csv_bytes(HEADER, rows))
