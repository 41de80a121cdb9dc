"""TikTok Studio's analytics download (Analytics > Content > Download data): ``Content.csv``.

TikTok Studio downloads a zip of CSV files (``Content.csv``, ``Overview.csv``,
``FollowerHistory.csv``, ``Viewers.csv``...) or an Excel workbook. The file of posts
is ``Content.csv``, one row per post, every cell quoted, probably with a byte-order
mark; its header (checked in a real download quoted in a public repository, and in
the importers of three others, Thai, Japanese and Vietnamese):

``"Time","Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"``

What the reader relies on (see :mod:`sevencs.datasets.platforms.tiktok` for the sources):

- ``Post time`` is a day and a month **without a year** (``12 September``), in the
  language TikTok Studio was set to when the file was made (``10 января`` in Russian,
  ``9月6日`` in Japanese), while the headers stay in English. Only English month
  names are read; another language is refused, saying to switch TikTok Studio to
  English. The year is the latest that puts the day on or before the day the file
  was made (a download covers at most the 365 days before it, TikTok's Creator
  Academy says). That day is the workbook's own creation time, the time stored with
  the file in the zip, or the file's date on the computer, else today; which one is
  said.
- ``Video link`` is ``https://www.tiktok.com/@<name>/video/<id>``: the id is the
  post id (a photo post's ``/photo/<id>`` is accepted too, an assumption).
- the counts are whole numbers; ``undefined`` (TikTok's word for no data yet) and an
  empty cell are left empty, never counted as 0. ``Time`` (the same on every row,
  apparently the day of the download) is not used.
- ``Content.csv`` has no reach, impressions or watch time (TikTok Studio's Content
  tab shows each post's average watch time; the download leaves it out).

The other files of the download (numbers per day, or the audience's make-up) are
recognised and refused, naming ``Content.csv``. An Excel download is read from the
sheet whose header has ``Video title``, ``Video link`` and ``Post time``.
"""

from __future__ import annotations

import io
import re
from pathlib import PurePosixPath

import pandas as pd

from sevencs.parsing import parse_day_month, stripped
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import first_row, normal, read_csv_text
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, cell, listing, positions, rows
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe

HOW_TO_GET = (
    "In TikTok Studio on the web (set to English): Analytics > Content, choose the dates (up to "
    "365 days), then Download data; give the zip it downloads, or Content.csv from inside it"
)

FIELDS: tuple[Field, ...] = (
    Field("Video link", "post_id", "The post's address, https://www.tiktok.com/@name/video/<id>: the id."),
    Field("Video link", "url", "The post's address."),
    Field("Post time", "date", "The day the post was published, as a day and a month without a year (12 September)."),
    Field("Video title", "text", "The post's caption (TikTok may shorten a long one)."),
    Field("Total views", "views", "Times the video was viewed, since it was posted."),
    Field("Total likes", "likes", "Likes on the post."),
    Field("Total comments", "comments", "Comments on the post."),
    Field("Total shares", "shares", "Times the post was shared."),
)
_COUNTS = {"total views": "views", "total likes": "likes", "total comments": "comments", "total shares": "shares"}
_CONTENT = {"video title", "video link", "post time"}
#: The other files of the download: their headers (as :func:`normal` writes them) and what each holds.
_SIBLINGS = {
    "Overview.csv": (
        {"date", "video views", "profile views", "likes", "comments", "shares"},
        "your whole account's views, likes, comments and shares per day",
    ),
    "FollowerHistory.csv": (
        {"date", "followers", "difference in followers from previous day"},
        "your follower count per day",
    ),
    "Viewers.csv": ({"date", "total viewers", "new viewers", "returning viewers"}, "your viewers per day"),
    "FollowerActivity.csv": ({"date", "hour", "active followers"}, "when your followers are online"),
    "FollowerGender.csv": ({"gender", "distribution"}, "your followers' genders"),
    "FollowerTopTerritories.csv": ({"top territories", "distribution"}, "where your followers live"),
}
_ENGLISH_MONTH = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"/(?:video|photo)/(\d{1,25})(?:[/?#]|$)")
#: The earliest believable day for a TikTok Studio file to be made (the latest is tomorrow).
_FIRST_DAY = pd.Timestamp("2017-01-01")
_MISSING = {
    "reach": "TikTok Studio's download has no reach (the people who saw each post), only views",
    "impressions": "TikTok Studio's download has no impressions, only views (which this file has)",
    "watch_time_hours": "TikTok Studio's download has no watch time; its Content tab shows each post's "
    "average watch time on screen only",
    "followers": "Content.csv has no follower count per post; FollowerHistory.csv in the same download "
    "has your followers per day",
}


def _header(text: str) -> set[str]:
    return set(first_row(text))


def _sibling(header: set[str]) -> str | None:
    """The other file of TikTok's download that has this header, if one has."""
    return next((name for name, (fields, _) in _SIBLINGS.items() if header == fields), None)


def _member(names: list[str], wanted: str) -> str | None:
    found = [n for n in names if PurePosixPath(n).name.lower() == wanted.lower()]
    return min(found, key=lambda n: n.count("/")) if found else None


def _content_sheet(sheets: dict[str, pd.DataFrame]) -> tuple[str, int] | None:
    """The sheet holding TikTok's content table, and its header row (1, 2...)."""
    for name, sheet in sheets.items():
        for number, row in enumerate(sheet.head(10).itertuples(index=False), start=1):
            if {normal(str(c)) for c in row} >= _CONTENT:
                return name, number
    return None


def _sibling_sheet(sheets: dict[str, pd.DataFrame]) -> str | None:
    """The other file of the download a workbook's sheet is, if one is (its header on the first row)."""
    for sheet in sheets.values():
        which = _sibling({normal(str(c)) for c in sheet.iloc[0]}) if len(sheet) else None
        if which:
            return which
    return None


def _recognise(found: Found) -> bool:
    try:
        if found.kind == "zip":  # Content.csv by its name; without it, another file by its header
            names = found.archive_names
            others = [m for m in (_member(names, n) for n in _SIBLINGS) if m]
            return bool(_member(names, "Content.csv")) or any(_sibling(_header(found.open(m).text)) for m in others[:1])
        if found.kind == "xlsx":
            sheets = found.sheets
            return _content_sheet(sheets) is not None or _sibling_sheet(sheets) is not None
        if found.kind != "text" or found.looks_like_json:
            return False
        header = _header(found.text)
    except ImportProblem:
        return False
    return header >= _CONTENT or _sibling(header) is not None


def _refuse_sibling(name: str, which: str) -> ImportProblem:
    return ImportProblem(
        f"{name} is TikTok Studio's {which} ({_SIBLINGS[which][1]}), not the file of your posts. The "
        f"course reads Content.csv, from the same download: {HOW_TO_GET}."
    )


def _created(found: Found) -> pd.Timestamp | None:
    """When an Excel workbook says it was created (its document properties), if it says."""
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(found.data), read_only=True)
        created = book.properties.created
        book.close()
    except Exception:
        return None
    return pd.Timestamp(created) if created else None


def _made(found: Found) -> tuple[pd.Timestamp, str]:
    """The day the file was made (each post's year is counted from it), and where that came from."""
    today = pd.Timestamp.now()
    stamped = pd.Timestamp(found.modified) if found.modified else None
    candidates = [
        (_created(found) if found.kind == "xlsx" else None, "the creation time the workbook records"),
        (stamped if found.member else None, "the time stored with it in the zip"),
        (stamped if not found.member else None, "the file's date on your computer"),
    ]
    for moment, source in candidates:
        if moment is not None and _FIRST_DAY <= moment <= today + pd.Timedelta(days=1):
            return moment, source
    return today, "today, as the file carries no date of its own"


def _language_problem(name: str, header: str, cells: pd.Series, unreadable: list[int]) -> ImportProblem | None:
    """A refusal when the dates that could not be read are written in a language other than English."""
    foreign = [
        k
        for k in unreadable
        if re.search(r"[^\W\d_]", cells.iloc[k])
        and cells.iloc[k] != "undefined"
        and not _ENGLISH_MONTH.search(cells.iloc[k])
    ]
    if not foreign:
        return None
    return ImportProblem(
        f"{name}: the dates in the column {header!r} are written in a language other than English (such "
        f"as {cell(cells.iloc[foreign[0]])}), because TikTok Studio was set to that language when the file "
        "was made. The course reads TikTok's English dates only. Switch TikTok Studio's language to "
        "English, then download the data again."
    )


def _read_content(
    name: str, text: str, header_row: int, made: pd.Timestamp, made_from: str
) -> tuple[pd.DataFrame, dict[str, str], list[str], list[str]]:
    """The posts of TikTok's content table (CSV text, its header on ``header_row``), the headers
    used for each column, the headers ignored, and what was assumed."""
    table = read_csv_text(name, text, header_row)
    table.check_width()
    position = {normal(h): k for k, h in enumerate(table.header)}
    absent = [repr(h) for h in ("Video title", "Video link", "Post time") if normal(h) not in position]
    if absent:
        raise ImportProblem(
            f"{name} looks like TikTok Studio's Content.csv but has no "
            f"{listing(absent, 'column')}. Download it again: {HOW_TO_GET}."
        )
    if not len(table):
        raise ImportProblem(
            f"{name} has a header row but no posts under it: were there no posts in the dates chosen? {HOW_TO_GET}."
        )
    title, link, posted = (position[h] for h in ("video title", "video link", "post time"))
    table.check_runaway_quotes({title: table.header[title]}, posted)

    when = stripped(table.column(posted))
    dates = parse_day_month(when, made)
    refusal = _language_problem(name, table.header[posted], when, dates.unreadable)
    if refusal:
        raise refusal
    columns = Columns(name, table.numbers)
    columns.date(
        when, table.header[posted], dates, how="TikTok writes them as a day and an English month, such as 12 September."
    )
    undefined = 0
    for key, column in _COUNTS.items():
        if key in position:
            cells = stripped(table.column(position[key]))
            undefined += int((cells == "undefined").sum())
            columns.count(column, cells.replace("undefined", ""), table.header[position[key]], empty="missing")
    links = stripped(table.column(link))
    ids = links.str.extract(_LINK, expand=False)
    unread = positions(ids.isna())
    if unread:
        columns.problems.append(
            f"In the column {table.header[link]!r}, {listing(rows(table.numbers, unread, links), 'row')} "
            f"{'is' if len(unread) == 1 else 'are'} not the address of a TikTok post (expected "
            "https://www.tiktok.com/@name/video/ followed by the post's number)."
        )
    else:
        columns.post_id(ids, table.header[link])
    columns.check()

    columns.text(table.column(title), table.header[title])
    columns.url(links, table.header[link])
    assumptions = [
        *columns.assumptions,
        f"The day the file was made, {made.day} {made:%B %Y}, is {made_from}. If you downloaded the file "
        "long before reading it, posts from about a year back may be dated a year late: download it again "
        "just before reading it.",
        f"{table.header[posted]!r} gives the day each post was published, not the time: every post is dated "
        "at midnight, so the time of day cannot be audited from this file.",
    ]
    if undefined:
        assumptions.append(
            f"TikTok wrote 'undefined' (no data yet) in {undefined} count "
            f"{'cell' if undefined == 1 else 'cells'}: those are left empty, not counted "
            "as 0."
        )
    used = {normal(h) for h in columns.headers.values()}
    ignored = [h for h in table.header if normal(h) not in used and h.strip()]
    return assemble(columns.data), columns.headers, ignored, assumptions


def read(found: Found) -> pd.DataFrame:
    """Your posts from TikTok Studio's download (the zip, Content.csv, or the workbook)."""
    archive = found
    if found.kind == "zip":
        member = _member(found.archive_names, "Content.csv")
        if member is None:
            holds = ", ".join(PurePosixPath(n).name for n in found.archive_names[:6]) or "nothing"
            raise ImportProblem(
                f"{found.name} is a TikTok Studio download without Content.csv (it holds "
                f"{holds}), so it has no posts in it. {HOW_TO_GET}."
            )
        found = found.open(member)
    if found.kind == "xlsx":
        sheets = found.sheets
        where = _content_sheet(sheets)
        if where is None:
            which = _sibling_sheet(sheets)
            if which:
                raise _refuse_sibling(found.name, which)
            raise ImportProblem(
                f"{found.name} has no sheet with TikTok's 'Video title' and 'Post time' "
                f"columns (its sheets: {', '.join(sheets)}). {HOW_TO_GET}."
            )
        sheet, header_row = where
        name = f"{found.name} › sheet {sheet!r}"
        text = sheets[sheet].to_csv(index=False, header=False, lineterminator="\n")
        what = "a TikTok Studio content download (Excel workbook)"
    else:
        name, text, header_row = found.name, found.text, 1
        which = _sibling(_header(text))
        if which:
            raise _refuse_sibling(name, which)
        what = "a TikTok Studio content download (Content.csv)"
    made, made_from = _made(found)
    frame, headers, ignored, assumptions = _read_content(name, text, header_row, made, made_from)
    return describe(
        frame,
        source=name,
        format="tiktok-studio",
        platform="TikTok",
        recognised_as=what,
        file=archive.name,
        member=found.member,
        headers=headers,
        ignored=ignored,
        assumptions=assumptions,
        missing=_MISSING,
    )


READER = Reader(
    key="tiktok-studio",
    platform="TikTok",
    title="TikTok Studio's analytics download (a zip holding Content.csv, or a workbook)",
    how_to_get=HOW_TO_GET,
    holds="One row per post: the caption, the address, the day it was posted (without a year: it is worked "
    "out from the day of the download) and its views, likes, comments and shares since it was posted.",
    lacks="Reach, impressions, watch time and the time of day of each post. Follower counts are in another "
    "file of the same download (FollowerHistory.csv).",
    fields=FIELDS,
    sample="tiktok_studio.zip",
    recognise=_recognise,
    read=read,
    help_url="https://www.tiktok.com/creator-academy/en/article/tool-analytics-intro",
    help_title="Introducing TikTok analytics (TikTok Creator Academy)",
)
