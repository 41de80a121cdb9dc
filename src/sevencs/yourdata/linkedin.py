"""A LinkedIn Page's content export (Page analytics > Posts > Export), a workbook with a sheet of posts.

LinkedIn writes ``<page>_content_<number>.xls``, a legacy Excel workbook (read with xlrd; a copy
saved again as .xlsx is read with openpyxl). What the reader relies on (see
:mod:`sevencs.datasets.platforms.linkedin` for where it was checked; LinkedIn publishes no schema):

- the posts are on the sheet ``All posts`` (older exports: ``Update engagement``), one row per
  post, under a header row that has ``Post link`` (``Update link``) and ``Created date``; a line
  of description sits above it, so the header is looked for in the first rows, and every field
  is found by its name, never by its position;
- ``Created date`` is the day only, ``MM/DD/YYYY`` (always month first: nothing is assumed), or
  a date cell when the workbook was saved again by a spreadsheet program;
- ``Post title`` is the post's text (shortened for long posts); ``Post link`` its address, whose
  number (``urn:li:activity:…`` or ``urn:li:ugcPost:…``) is the post id;
- ``Content Type`` (Text, Image, Video...) is the form of the post, not what it is about, so it
  does not fill the course's ``type`` (promotional, how-to...); ``Post type`` says ``Organic`` or
  ``Sponsored``: sponsored posts are kept, and how many there are is said;
- an empty ``Views`` cell is a post without a video (left empty, never 0); an empty
  engagement count is 0.

The other sheet, ``Metrics``, has totals per day and is not used. LinkedIn's followers and
visitors exports (sheets ``New followers``, ``Visitor metrics``) and a content export without
its sheet of posts are recognised and refused, naming the file to download instead.
"""

from __future__ import annotations

import re

import pandas as pd

from sevencs.parsing import parse_dates, stripped
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import normal
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, listing
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe

HOW_TO_GET = (
    "On your LinkedIn Page, as an admin: Analytics > Posts (called Updates or Content in older "
    "versions) > Export, choose the dates and export; the file is named like "
    "yourpage_content_1784612401599.xls"
)

FIELDS: tuple[Field, ...] = (
    Field("Post title", "text", "The post's text, as LinkedIn shortens it for long posts."),
    Field("Post link", "url", "The post's address."),
    Field("Post link", "post_id", "The number in the post's address (urn:li:activity:… or urn:li:ugcPost:…)."),
    Field("Created date", "date", "The day the post was created (MM/DD/YYYY, no time of day)."),
    Field(
        "Content Type",
        "",
        "The form of the post (Text, Image, Video, Article, Document...), not what it is "
        "about (the course's type, such as promotional or how-to), so it is not used; the "
        "audit reads the words instead.",
    ),
    Field("Post type", "", "Organic or Sponsored (paid): sponsored posts are kept and counted in the assumptions."),
    Field("Impressions", "impressions", "Times the post was shown."),
    Field(
        "Views (excluding off-site video views)",
        "views",
        "Views of the post's video on LinkedIn; empty for posts without a video.",
    ),
    Field("Clicks", "clicks", "Clicks on the post."),
    Field("Likes", "likes", "Reactions of every kind."),
    Field("Comments", "comments", "Comments on the post."),
    Field("Reposts", "shares", "Times members reposted the post."),
    Field("Follows", "follows", "Members who followed the Page from this post."),
    Field(
        "Update title, Update link, Video views, Shares",
        "",
        "The same fields in older exports (sheet 'Update engagement'), read the same way.",
    ),
)

#: The sheets of posts, the current one first; the headers that make a sheet's header row.
_POST_SHEETS = ("all posts", "update engagement")
_LINKS = ("post link", "update link")
_TITLES = ("post title", "update title")
_PAID = ("post type", "update type")
#: Count headers (as :func:`~sevencs.yourdata.csvtext.normal` writes them), the column each fills and
#: what an empty cell means (0, or a number LinkedIn did not give).
_COUNTS = {
    normal(h): c
    for h, c in (
        ("Impressions", ("impressions", "missing")),
        ("Views (excluding off-site video views)", ("views", "missing")),
        ("Video views", ("views", "missing")),
        ("Clicks", ("clicks", "zero")),
        ("Likes", ("likes", "zero")),
        ("Comments", ("comments", "zero")),
        ("Reposts", ("shares", "zero")),
        ("Shares", ("shares", "zero")),
        ("Follows", ("follows", "zero")),
    )
}
#: How a number LinkedIn did not give may be written instead of an empty cell.
_NOT_GIVEN = ("NA", "N/A", "-", "--")
#: The sheets about the audience that LinkedIn's followers and visitors exports have.
_DEMOGRAPHICS = {"location", "job function", "seniority", "industry", "company size"}
_ID = re.compile(r"(?:activity|ugcPost|share):(\d+)")
_LOOK = 10  # rows searched for the header


def _is_header(cells: set[str]) -> bool:
    return "created date" in cells and any(link in cells for link in _LINKS)


def _header_row(sheet: pd.DataFrame) -> int | None:
    """The position of the sheet's header row among its first rows (None when there is none)."""
    for k in range(min(_LOOK, len(sheet))):
        if _is_header({normal(c) for c in sheet.iloc[k]}):
            return k
    return None


def _posts_sheet(book: dict[str, pd.DataFrame]) -> tuple[str, int] | None:
    """The sheet of posts (LinkedIn's own name first, then any sheet with its header) and its header row."""
    for name in sorted(book, key=lambda n: normal(n) not in _POST_SHEETS):
        row = _header_row(book[name])
        if row is not None:
            return name, row
    return None


def _other_export(book: dict[str, pd.DataFrame]) -> str | None:
    """Which of LinkedIn's exports a workbook without a sheet of posts is: ``followers``, ``visitors``,
    ``content`` (the content export without its sheet of posts), or None (not LinkedIn's)."""
    names = {normal(n): n for n in book}
    if "new followers" in names and _DEMOGRAPHICS & set(names):
        return "followers"
    if "visitor metrics" in names and _DEMOGRAPHICS & set(names):
        return "visitors"
    if "update metrics (aggregated)" in names or ("metrics" in names and "all posts" in names):
        return "content"
    if "metrics" in names:
        first = book[names["metrics"]].head(_LOOK)
        if first.map(normal).isin(["impressions (organic)"]).any().any():
            return "content"
    return None


def _recognise(found: Found) -> bool:
    if found.kind not in ("xls", "xlsx"):
        return False
    try:
        book = found.sheets
    except ImportProblem:  # a damaged workbook named as LinkedIn names it: read() says what is wrong
        return found.kind == "xls" and bool(re.search(r"_content_\d+\.xls$", found.file_name))
    return _posts_sheet(book) is not None or _other_export(book) is not None


def _refusal(name: str, book: dict[str, pd.DataFrame]) -> ImportProblem:
    """Why a workbook without a sheet of posts cannot be read, and which file to get instead."""
    sheets = listing([repr(n) for n in book], "sheet", limit=8)
    kind = _other_export(book)
    if kind in ("followers", "visitors"):
        holds = (
            "new followers per day and who your followers are"
            if kind == "followers"
            else "page views and visitors per day"
        )
        return ImportProblem(
            f"{name} is your LinkedIn Page's {kind} export ({holds}), not the export of "
            f"your posts. Download the content export instead. {HOW_TO_GET}."
        )
    if "all posts" in {normal(n) for n in book}:
        return ImportProblem(
            f"{name} has an 'All posts' sheet, but none of its first {_LOOK} rows is LinkedIn's header "
            "(with 'Post link' and 'Created date'). Was the sheet edited, or exported in another language? "
            "The course reads the English export: if LinkedIn shows in another language for you, switch it "
            f"to English and export again. {HOW_TO_GET}."
        )
    if kind == "content":
        return ImportProblem(
            f"{name} is LinkedIn's content export without its 'All posts' sheet (one row per post): it has "
            f"only {sheets}, with totals per day. Give the file as it was downloaded, with every sheet. "
            f"{HOW_TO_GET}."
        )
    return ImportProblem(
        f"{name} has no sheet of LinkedIn posts: expected a sheet 'All posts' whose header "
        f"has 'Post link' and 'Created date', but it has {sheets}. {HOW_TO_GET}."
    )


def read(found: Found) -> pd.DataFrame:
    """Your LinkedIn Page's posts from its content export (.xls as downloaded, or saved again as .xlsx)."""
    name = found.name
    if found.kind not in ("xls", "xlsx"):
        raise ImportProblem(
            f"{name} is not an Excel workbook, and LinkedIn's content export is one (.xls). "
            f"Give the file as it was downloaded. {HOW_TO_GET}."
        )
    book = found.sheets
    located = _posts_sheet(book)
    if located is None:
        raise _refusal(name, book)
    sheet_name, at = located
    sheet = book[sheet_name]
    header = [str(h).strip() for h in sheet.iloc[at]]
    body = sheet.iloc[at + 1 :]
    body = body[(body.map(str.strip) != "").any(axis=1)]
    where = f"{name} (sheet {sheet_name!r})"
    if body.empty:
        raise ImportProblem(
            f"{where} has LinkedIn's header but no posts under it: was the date range empty? {HOW_TO_GET}."
        )
    position: dict[str, int] = {}
    for k, h in enumerate(header):
        position.setdefault(normal(h), k)
    title = next((t for t in _TITLES if t in position), None)
    if title is None:
        raise ImportProblem(
            f"{where} has no 'Post title' column, so there is no text to read. Give the file "
            f"as it was downloaded. {HOW_TO_GET}."
        )

    def cells(key: str) -> pd.Series:
        return body.iloc[:, position[key]].reset_index(drop=True)

    def heading(key: str) -> str:
        return header[position[key]]

    link, date = next(k for k in _LINKS if k in position), "created date"
    columns = Columns(where, (body.index + 1).to_numpy())  # spreadsheet rows: the first is row 1
    dates = parse_dates(cells(date), order="month")
    columns.date(
        cells(date),
        heading(date),
        dates,
        how="LinkedIn writes them as 09/15/2026 (month first); was the file edited in a spreadsheet?",
    )
    for key, (column, empty) in _COUNTS.items():
        if key in position and column not in columns.data:
            counted = cells(key)
            if empty == "missing":  # a number not given may be written instead of left empty
                counted = counted.mask(stripped(counted).str.upper().isin(_NOT_GIVEN), "")
            columns.count(column, counted, heading(key), empty=empty)
    links = stripped(cells(link))
    columns.post_id(links.str.extract(_ID, expand=False).fillna(links), heading(link))
    columns.check()

    columns.text(cells(title), heading(title))
    columns.url(links, heading(link))
    paid = next((p for p in _PAID if p in position), None)
    if paid is not None:
        sponsored = int((stripped(cells(paid)).str.lower() == "sponsored").sum())
        if sponsored:
            one = sponsored == 1
            columns.assumptions.append(
                f"{sponsored} of {len(body)} posts {'is' if one else 'are'} sponsored ({heading(paid)!r} "
                f"says 'Sponsored'): {'it is' if one else 'they are'} kept, but {'its' if one else 'their'} "
                "counts include paid impressions and reactions, so compare with organic posts with care."
            )
    if (dates.values.dt.normalize() == dates.values).all():
        columns.assumptions.append(
            f"LinkedIn gives the day of each post but not the time "
            f"({heading(date)!r}): every post is dated at midnight, so times of day "
            "cannot be compared."
        )
    columns.assumptions.append(
        f"{heading(title)!r} is the post's text as LinkedIn exports it, which cuts "
        "long posts short: counts of words see only the start of those."
    )
    used = {normal(h) for h in columns.headers.values()} | {paid}
    ignored = [h for h in header if normal(h) not in used and h]
    old = link == "update link"  # the older export's words (sheet 'Update engagement')
    return describe(
        assemble(columns.data),
        source=name,
        format="linkedin-page",
        platform="LinkedIn",
        recognised_as="a LinkedIn Page's content export" + (" (older layout)" if old else ""),
        file=found.archive or name,
        member=found.member,
        headers=columns.headers,
        ignored=ignored,
        assumptions=columns.assumptions,
        missing={
            "reach": "LinkedIn's content export gives impressions per post but not how many "
            "people saw it; its Metrics sheet has unique impressions per day only",
            "followers": "the content export has no follower count; LinkedIn's separate "
            "followers export has new followers per day, not the running "
            "total",
        },
    )


READER = Reader(
    key="linkedin-page",
    platform="LinkedIn Page",
    title="the content export (Excel .xls)",
    how_to_get=HOW_TO_GET,
    holds="One row per post: its text (shortened for long posts), address, day, content type, whether it "
    "was sponsored, impressions, video views, clicks, reactions, comments, reposts and follows, as "
    "totals on the day of the export; and a sheet of totals per day.",
    lacks="The time of day of each post, reach (people, not impressions), follower counts (the followers "
    "export has new followers per day), and comments' words.",
    fields=FIELDS,
    sample="linkedin_content.xls",
    recognise=_recognise,
    read=read,
)
