"""The course's table of posts: the columns every reader fills, and what it records about the file.

Whatever the platform, :func:`sevencs.yourdata.read_posts` returns one table with the
sample posts' columns that the file has (:data:`COLUMNS`, in that order), rows in
date order. Its ``attrs`` say where it came from and what was assumed:

``source``
    the file as messages name it (``archive.zip › outbox.json`` for a member of a zip);
``format``, ``platform`` and ``recognised_as``
    the reader that read it (``csv``, ``mastodon``, ``meta-business-suite``...), the
    platform, and what the file was recognised as, in words ("a Mastodon archive");
``file`` and ``member``
    the file given, and the member of the archive read (``None`` for a plain file);
``headers``
    which field of the file filled each column;
``ignored_columns``
    the file's fields the course does not use;
``absent_columns``
    the sample's columns the file does not give;
``missing``
    for the measures the platform's file lacks, where to get them (the audit repeats it);
``assumptions``
    plain sentences saying what was assumed (the order of day and month, an inferred year,
    repaired text): :func:`~sevencs.yourdata.what_was_read` prints them, the audit shows them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray


@dataclass(frozen=True)
class Column:
    """One column of the course's table of posts: its name, what it holds, what it means."""

    name: str
    kind: str
    meaning: str


#: The course's columns, in order. Counts are whole numbers of 0 or more; a platform that does
#: not give one leaves the column out (it is never filled with zeros).
COLUMNS: tuple[Column, ...] = (
    Column("post_id", "whole number or text", "The post's id, different for every post."),
    Column("date", "date and time", "When the post was published."),
    Column("type", "text", "The kind of post (promotional, how-to, photo, reel...), in lower case."),
    Column("text", "text", "The words of the post (HTML removed)."),
    Column("reach", "count", "Accounts that saw the post at least once (people, not views)."),
    Column("likes", "count", "Likes and other reactions on the post."),
    Column("comments", "count", "Comments or replies under the post."),
    Column("shares", "count", "Times the post was shared, reposted or boosted."),
    Column("followers", "count", "Your follower count on the day of the post."),
    Column("impressions", "count", "Times the post was shown, repeats counted."),
    Column("saves", "count", "Times people saved or bookmarked the post."),
    Column("views", "count", "Times the post (or its video) was viewed, as the platform counts views."),
    Column("clicks", "count", "Clicks on the post: links, photos, profile and so on."),
    Column("follows", "count", "Accounts that followed you from this post."),
    Column("watch_time_hours", "hours", "Total time people spent watching the video, in hours."),
    Column("kind", "text", "post, reply (your answer to someone) or boost (a share of someone else's post)."),
    Column("url", "text", "The post's web address (permalink)."),
)
NAMES = tuple(c.name for c in COLUMNS)
#: The sample posts' columns, in order (:func:`sevencs.datasets.load_posts`).
SAMPLE_ORDER = ("post_id", "date", "type", "text", "reach", "likes", "comments", "shares", "followers", "impressions")
COUNTS = tuple(c.name for c in COLUMNS if c.kind == "count")


#: What a reader may hand :func:`assemble` for one column: a Series, a list, or an array of values.
ColumnValues = pd.Series | list | ExtensionArray | np.ndarray


def _values(column: ColumnValues) -> ColumnValues:
    return column.reset_index(drop=True) if isinstance(column, pd.Series) else column


def assemble(data: Mapping[str, ColumnValues]) -> pd.DataFrame:
    """The columns in the course's order, rows in date order, post ids 1..n when the file had none."""
    unknown = set(data) - set(NAMES)
    if unknown:
        raise ValueError(f"not columns of the course's table: {sorted(unknown)}")
    order = [c for c in NAMES if c in data or c == "post_id"]
    frame = pd.DataFrame({c: _values(data[c]) for c in order if c in data})
    frame["date"] = pd.to_datetime(frame["date"])
    frame = frame.sort_values("date", kind="stable", ignore_index=True)
    if "post_id" not in frame.columns:
        frame.insert(0, "post_id", range(1, len(frame) + 1))
        frame["post_id"] = frame["post_id"].astype("int64")
    return frame[order]


def describe(
    frame: pd.DataFrame,
    *,
    source: str,
    format: str,
    platform: str,
    recognised_as: str,
    file: str,
    member: str | None = None,
    headers: dict[str, str] | None = None,
    ignored: list[str] | None = None,
    assumptions: list[str] | None = None,
    missing: dict[str, str] | None = None,
) -> pd.DataFrame:
    """Record in ``frame.attrs`` where the table came from and what was assumed (the module's list)."""
    frame.attrs.update(
        source=source,
        format=format,
        platform=platform,
        recognised_as=recognised_as,
        file=file,
        member=member,
        headers=dict(headers or {}),
        ignored_columns=list(ignored or []),
        absent_columns=[c for c in SAMPLE_ORDER if c not in frame.columns],
        assumptions=list(assumptions or []),
        missing={c: why for c, why in (missing or {}).items() if c not in frame.columns},
    )
    return frame
