"""Meta Business Suite's content export (Insights > Content > Export), for a Facebook Page and for Instagram.

The file is a CSV (UTF-8 with a byte-order mark) with one row per post and lifetime
totals; its columns vary from month to month and with the metrics chosen, so every
field is found by its name, never by its position. What the reader relies on (see
:mod:`sevencs.datasets.platforms.meta_suite` for where it was checked):

- ``Publish time`` is when the post went out, ``MM/DD/YYYY HH:MM`` (always month
  first: nothing is assumed); ``Date`` says "Lifetime" and is not used;
- a Facebook Page's file has ``Page ID``; the caption is in ``Title`` or in
  ``Description``, whichever holds it, row by row (the longer when both do);
- an Instagram file has ``Account ID``; the caption is in ``Description``;
- ``Post type`` (Photos, Reels, IG carousel...) is the form of the post, not what it is about,
  so it does not fill the course's ``type`` (promotional, how-to...): the audit reads the words;
- an empty count cell is a post nobody reacted to (0), but an empty ``Views`` or
  ``Reach`` is a number Meta did not give: left empty, and said.

Meta's page-level exports (follows or views per day, UTF-16 with a ``sep=,`` line)
are recognised and refused with the file to download instead.
"""

from __future__ import annotations

import pandas as pd

from sevencs.parsing import parse_dates
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import first_row, normal, read_csv_text
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe

HOW_TO_GET = (
    "In Meta Business Suite: Insights > Content > Export data; choose the Facebook Page or the "
    "Instagram account, the dates, 'Lifetime' and 'Post-level', then Export (a CSV file)"
)

#: Headers (compared as :func:`~sevencs.yourdata.csvtext.normal` writes them) and the column each fills,
#: with Meta's meaning. Both platforms' fields are here; each file has its own subset.
FIELDS: tuple[Field, ...] = (
    Field("Post ID", "post_id", "Meta's id of the post."),
    Field("Publish time", "date", "When the post was published (MM/DD/YYYY HH:MM)."),
    Field(
        "Post type",
        "",
        "Photos, Videos, Reels, Links (Facebook); IG image, IG carousel, IG reel (Instagram): "
        "the form of the post, not what it is about (the course's type, such as promotional "
        "or how-to), so it is not used; the audit reads the words instead.",
    ),
    Field("Title", "text", "Facebook: the caption of most photo and link posts."),
    Field("Description", "text", "Facebook: the caption of videos and reels. Instagram: the caption."),
    Field("Permalink", "url", "The post's address."),
    Field("Reach", "reach", "Accounts that saw the post at least once."),
    Field("Views", "views", "Times the post was seen (Meta's replacement for impressions)."),
    Field("Impressions", "impressions", "Times the post was seen (older exports)."),
    Field("Reactions", "likes", "Facebook: reactions of every kind (like, love, care...)."),
    Field("Likes", "likes", "Instagram: likes."),
    Field("Comments", "comments", "Comments on the post."),
    Field("Shares", "shares", "Times the post was shared."),
    Field("Total clicks", "clicks", "Facebook: clicks anywhere on the post (photo, link, other)."),
    Field("Saves", "saves", "Instagram: times the post was saved."),
    Field("Follows", "follows", "Instagram: accounts that followed you from this post."),
)
_COUNTS = {
    "Reach": ("reach", "missing"),
    "People Reached": ("reach", "missing"),
    "Views": ("views", "missing"),
    "Impressions": ("impressions", "missing"),
    "Reactions": ("likes", "zero"),
    "Likes": ("likes", "zero"),
    "Comments": ("comments", "zero"),
    "Shares": ("shares", "zero"),
    "Total clicks": ("clicks", "zero"),
    "Saves": ("saves", "zero"),
    "Follows": ("follows", "zero"),
}


def _header(found: Found) -> set[str]:
    try:
        return set(first_row(found.text))
    except ImportProblem:
        return set()


def _recognise(found: Found) -> bool:
    if found.kind != "text" or found.looks_like_json:
        return False
    try:
        if found.text.startswith("sep="):
            return True  # a page-level export: read() says which file to download instead
    except ImportProblem:
        return False
    header = _header(found)
    return {"publish time", "permalink", "post type"} <= header and bool({"page id", "account id"} & header)


def read(found: Found) -> pd.DataFrame:
    name = found.name
    if found.text.startswith("sep="):
        second = found.text.split("\n", 2)[1].strip().strip('"') if "\n" in found.text else "a summary"
        raise ImportProblem(
            f"{name} is one of Meta Business Suite's page-level exports ({second}, one number per day), not "
            f"the export of your posts. {HOW_TO_GET}."
        )
    table = read_csv_text(name, found.text)
    table.check_width()
    position = {normal(h): k for k, h in enumerate(table.header)}
    instagram = "account id" in position
    if "publish time" not in position:
        raise ImportProblem(f"{name} looks like a Meta Business Suite export but has no 'Publish time'. {HOW_TO_GET}.")
    if not len(table):
        raise ImportProblem(f"{name} has a header row but no posts under it: was the date range empty? {HOW_TO_GET}.")
    captions = [h for h in ("title", "description") if h in position]
    if not captions:
        raise ImportProblem(
            f"{name} has neither 'Title' nor 'Description', so there is no text to read. "
            f"{HOW_TO_GET}, with the post's caption among the columns."
        )
    table.check_runaway_quotes({position[h]: h.capitalize() for h in captions}, position["publish time"])

    columns = Columns(name, table.numbers)
    dates = parse_dates(table.column(position["publish time"]), order="month")
    columns.date(
        table.column(position["publish time"]),
        table.header[position["publish time"]],
        dates,
        how="Meta writes them as 11/01/2025 08:05; was the file edited in a spreadsheet?",
    )
    for header, (column, empty) in _COUNTS.items():
        key = normal(header)
        if key in position and column not in columns.data:
            columns.count(column, table.column(position[key]), table.header[position[key]], empty=empty)
    if "post id" in position:
        columns.post_id(table.column(position["post id"]), table.header[position["post id"]])
    columns.check()

    texts = [table.column(position[h]).astype(str) for h in captions]
    caption = texts[0] if len(texts) == 1 else texts[0].where(texts[0].str.len() >= texts[1].str.len(), texts[1])
    columns.text(caption, " or ".join(table.header[position[h]] for h in captions))
    if "permalink" in position:
        columns.url(table.column(position["permalink"]), table.header[position["permalink"]])
    used = {normal(h) for h in columns.headers.values()} | set(captions)
    ignored = [h for h in table.header if normal(h) not in used and h.strip()]
    frame = assemble(columns.data)
    platform = "Instagram" if instagram else "Facebook"
    return describe(
        frame,
        source=name,
        format="meta-business-suite",
        platform=platform,
        recognised_as="a Meta Business Suite export of " + ("an Instagram account" if instagram else "a Facebook Page"),
        file=found.archive or name,
        member=found.member,
        headers=columns.headers,
        ignored=ignored,
        assumptions=columns.assumptions,
        missing={
            "followers": "the content export has no follower count per post; Meta Business "
            "Suite's page-level export of follows has them day by day"
        },
    )


READER = Reader(
    key="meta-business-suite",
    platform="Facebook Page or Instagram (Meta Business Suite)",
    title="the content export (CSV)",
    how_to_get=HOW_TO_GET,
    holds="One row per post: caption, time, form (photo, reel...), address, reach, views, reactions or likes, "
    "comments, shares, and for Instagram saves and follows, for Facebook clicks. Lifetime totals as of "
    "the day of the export.",
    lacks="Follower counts (Meta Business Suite's page-level export of follows has them day by day) and "
    "comments' words.",
    fields=FIELDS,
    sample="meta_business_suite_facebook.csv",
    recognise=_recognise,
    read=read,
)
