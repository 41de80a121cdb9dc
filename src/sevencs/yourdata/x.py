"""X (Twitter): the analytics export of your posts (CSV), and the account archive (a zip holding tweets.js).

X publishes no schema for either file. What the readers rely on was checked in public parsers and
fixtures made from real files (the research notes of issue 11 name them; see also
:mod:`sevencs.datasets.platforms.x`, which writes the example files):

``x-analytics`` reads the export with one row per post and lifetime totals, in either layout:

- today's Content export (Analytics > Content > Export, ``account_analytics_content_<start>_<end>.csv``):
  17 columns from ``Post id`` to ``Permalink Clicks``, in a case that varies (``Post Link``,
  ``New follows``), so headers are compared without regard to case. ``Date`` is the day only
  (``Tue, Jul 14, 2026``). The header is the same in several importers quoting real files;
- the older Tweet activity export (analytics.twitter.com > Tweets > Export data,
  ``tweet_activity_metrics_<handle>_<start>_<end>_<lang>.csv``), checked byte for byte in
  ropensci-org/ropensci-tweets (unmodified monthly exports): 40 columns, every cell quoted, ``time``
  in UTC to the minute (``2021-12-28 16:45 +0000``), counts written ``3423.0``, texts with line
  breaks and HTML entities (``&amp;``), 18 ``promoted …`` columns (``-`` when nobody paid), and
  ``favorites`` where files from after late 2015 say ``likes`` (a 2015 fixture of
  scctsi/trial-promoter).

Neither layout marks replies: a post whose text starts with ``@`` is taken as a reply, as importers
of these files do. The per-day files of the same pages (``account_overview_analytics…``,
``video_overview_analytics…``, ``daily_tweet_activity_metrics…``) are recognised and refused with
the file to download instead.

``x-archive`` reads the account archive (Settings and privacy > Your account > Download an archive
of your data): the zip as downloaded, or its ``data/tweets.js`` alone. Each data file is
JavaScript, ``window.YTD.tweets.part0 = `` and then a JSON list of ``{"tweet": {...}}`` (the oldest
archives have no wrapper). Large accounts add ``tweets-part1.js``..., older archives say
``tweet.js``: every part in the zip is read, and ``data/manifest.js`` (``window.__THAR_CONFIG``,
whose ``dataTypes.tweets.files`` lists the parts) is checked for parts the zip lacks. Each post
has ``id_str``, ``created_at`` (``Sat Dec 06 18:20:30 +0000 2025``), ``full_text`` (links as t.co
addresses, listed with the real address in ``entities.urls``; ``&``, ``<`` and ``>`` as entities),
``favorite_count`` and ``retweet_count`` as strings, and ``in_reply_to_status_id_str`` when it is a
reply. A repost is a post whose text starts ``RT @`` (``retweeted`` stays false), carrying the
original's counts. Sources: timhutton/twitter-archive-parser (``parser.py``),
dogsheep/twitter-to-sqlite (``archive.py``), TiddlyWiki5's twitter-archivist plugin, and archive
fixtures.
"""

from __future__ import annotations

import csv
import re

import numpy as np
import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, parse_counts, parse_dates
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.csvtext import normal, read_csv_text
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, cell, first_up, listing, refuse
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import ColumnValues, assemble, describe
from sevencs.yourdata.text import html_to_text, tidy

HOW_TO_GET_ANALYTICS = (
    "On x.com, open Analytics (x.com/i/account_analytics), pick the Content tab, choose "
    "the dates and click Export: the file is called "
    "account_analytics_content_<dates>.csv"
)
HOW_TO_GET_ARCHIVE = (
    "On x.com: More > Settings and privacy > Your account > Download an archive of your "
    "data; when X says it is ready (often a day later), download the zip and give the zip "
    "itself (or data/tweets.js from inside it)"
)
_UTC = "X writes each post's time in UTC (+0000): the hours of the day are UTC hours, not your local time."
_NO_REACH = "X counts impressions (times a post was shown), not reach (the people who saw it)"
_NO_FOLLOWERS = (
    "X's exports have no follower count per post; Analytics' account overview export has new "
    "follows and unfollows per day"
)

# --- the analytics export -----------------------------------------------------------------

#: The headers (as :func:`~sevencs.yourdata.csvtext.normal` writes them) that tell each file of
#: X's analytics pages apart: the two exports of posts, and the per-day files refused.
_LAYOUTS = {
    "content": {"post id", "date", "post text", "post link", "new follows"},
    "activity": {"tweet id", "tweet permalink", "tweet text", "time"},
    "overview": {"date", "impressions", "new follows", "unfollows", "create post"},
    "video": {"date", "views", "watch time (ms)", "completion rate", "estimated revenue"},
    "daily": {"date", "tweets published", "impressions"},
}
_WRONG = {
    "overview": "X's account overview export (totals for the whole account, one row per day)",
    "video": "X's video overview export (views and watch time per day)",
    "daily": "the 'by day' Tweet activity export (totals per day, not per post)",
}
#: For each layout: its date, text, id and address headers, and each count header with its column
#: and how an empty cell is read (a blank where nobody did it is 0; a blank impressions is unknown).
_DATE = {"content": "date", "activity": "time"}
_TEXT = {"content": "post text", "activity": "tweet text"}
_ID = {"content": "post id", "activity": "tweet id"}
_LINK = {"content": "post link", "activity": "tweet permalink"}
_COUNTS = {
    "content": {
        "impressions": ("impressions", "missing"),
        "likes": ("likes", "zero"),
        "replies": ("comments", "zero"),
        "reposts": ("shares", "zero"),
        "bookmarks": ("saves", "zero"),
        "new follows": ("follows", "zero"),
        "url clicks": ("clicks", "zero"),
    },
    "activity": {
        "impressions": ("impressions", "missing"),
        "likes": ("likes", "zero"),
        "favorites": ("likes", "zero"),
        "replies": ("comments", "zero"),
        "retweets": ("shares", "zero"),
        "follows": ("follows", "zero"),
        "url clicks": ("clicks", "zero"),
    },
}

ANALYTICS_FIELDS: tuple[Field, ...] = (
    Field("Post id (older files: Tweet id)", "post_id", "X's id of the post (19 digits, kept as text)."),
    Field("Date", "date", "Content export: the day the post was published (no time), such as 'Tue, Jul 14, 2026'."),
    Field("time", "date", "Tweet activity export: when the post was published, in UTC to the minute."),
    Field("Post text (Tweet text)", "text", "The words of the post; HTML entities such as &amp; become characters."),
    Field("Post Link (Tweet permalink)", "url", "The post's address on x.com (twitter.com in older files)."),
    Field("Impressions", "impressions", "Times the post was shown to people, repeats counted."),
    Field("Likes (favorites before late 2015)", "likes", "Times people liked the post."),
    Field("Replies", "comments", "Replies to the post."),
    Field("Reposts (older files: retweets)", "shares", "Times the post was reposted (retweeted)."),
    Field("Bookmarks", "saves", "Times people bookmarked the post (Content export only)."),
    Field("New follows (older files: follows)", "follows", "Accounts that followed you from this post."),
    Field(
        "URL Clicks (url clicks)",
        "clicks",
        "Clicks on links in the post. X gives no total of all clicks, so clicks on your profile (Profile "
        "visits), on hashtags, on the post's details (Detail Expands) and on its permalink are not "
        "added in.",
    ),
    Field(
        "Shares",
        "",
        "Times people passed the post on with X's share button (by direct message or a "
        "copied link): not reposts, so not read.",
    ),
    Field(
        "Engagements",
        "",
        "X's total of every interaction (clicks, likes, replies, reposts...); not read: "
        "the course works from the counts themselves.",
    ),
    Field(
        "promoted …",
        "",
        "Tweet activity export: the paid part of a promoted post's results ('-' when the "
        "post was not promoted); not read.",
    ),
)


def _layout(found: Found) -> tuple[str, int] | None:
    """Which of X's analytics files this is, and the row of its header (None when it is none of them)."""
    if found.kind != "text" or found.looks_like_json:
        return None
    try:
        lines = found.text.split("\n", 3)[:3]  # the video export has a title line above its header
    except ImportProblem:
        return None
    for row, line in enumerate(lines, start=1):
        try:
            header = {normal(c) for c in next(csv.reader([line]), [])}
        except csv.Error:  # not a CSV line (a stray carriage return, a cell longer than any header)
            continue
        for layout, wanted in _LAYOUTS.items():
            if wanted <= header:
                return layout, row
    return None


def _recognise_analytics(found: Found) -> bool:
    return _layout(found) is not None


def read_analytics(found: Found) -> pd.DataFrame:
    """Your posts and replies from X's analytics export (today's Content export, or Tweet activity)."""
    name = found.name
    layout, row = _layout(found) or (None, 1)
    if layout in _WRONG:
        raise ImportProblem(f"{name} is {_WRONG[layout]}, not the export of your posts. {HOW_TO_GET_ANALYTICS}.")
    if layout is None:
        raise ImportProblem(
            f"{name} is not X's analytics export of posts: its first row has neither "
            "'Post id', 'Post text' and 'Post Link' nor 'Tweet id', 'Tweet text' and 'time'. "
            f"{HOW_TO_GET_ANALYTICS}."
        )
    table = read_csv_text(name, found.text, header_row=row)
    table.check_width()
    position = {normal(h): k for k, h in enumerate(table.header)}
    header = {key: table.header[k] for key, k in position.items()}
    if not len(table):
        raise ImportProblem(
            f"{name} has a header row but no posts under it: were there no posts in the "
            f"dates chosen? {HOW_TO_GET_ANALYTICS}."
        )
    date, text = _DATE[layout], _TEXT[layout]
    table.check_runaway_quotes({position[text]: header[text]}, position[date])

    columns = Columns(name, table.numbers)
    columns.date(
        table.column(position[date]),
        header[date],
        how="X writes them like 'Tue, Jul 14, 2026' (older files: '2021-12-28 16:45 +0000'); was "
        "the file edited in a spreadsheet?",
    )
    for key, (column, empty) in _COUNTS[layout].items():
        if key in position and column not in columns.data:
            columns.count(column, table.column(position[key]), header[key], empty=empty)
    if _ID[layout] in position:
        columns.post_id(table.column(position[_ID[layout]]), header[_ID[layout]])
    columns.check()

    columns.text(table.column(position[text]), header[text])
    replies = columns.data["text"].str.startswith("@")
    columns.set("kind", replies.map({True: "reply", False: "post"}), f"{header[text]} (a reply starts with @)")
    if _LINK[layout] in position:
        columns.url(table.column(position[_LINK[layout]]), header[_LINK[layout]])
    assumptions = list(columns.assumptions)
    if layout == "content":
        assumptions.append(
            "X's Content export gives the day of each post but not the time: every post is "
            "dated at midnight, so the hours of the day cannot be compared."
        )
    else:
        assumptions.append(_UTC)
    if replies.any():
        assumptions.append(
            f"Posts whose text starts with @ were taken as replies ({int(replies.sum())} of "
            "them): the file does not mark replies."
        )
    if "clicks" in columns.data:
        assumptions.append(
            f"Clicks are the clicks on links in the posts ({header['url clicks']!r}): X "
            "gives no total of all clicks, so clicks on your profile, hashtags and the posts' "
            "details are not in it."
        )
    promoted = [k for key, k in position.items() if key.startswith("promoted ")]
    if promoted:
        paid = pd.concat([table.column(k).str.strip().isin(["", "-"]) for k in promoted], axis=1).all(axis=1)
        if not paid.all():
            assumptions.append(
                f"Some posts were promoted ({int((~paid).sum())} of them): only the columns "
                "without 'promoted' are read, so the paid part of their results is not "
                "added in."
            )
    used = {normal(h) for h in columns.headers.values()}
    ignored = [h for h in table.header if normal(h) not in used and h.strip()]
    frame = assemble(columns.data)
    missing = {
        "reach": _NO_REACH,
        "followers": _NO_FOLLOWERS,
        "saves": "the older Tweet activity export has no bookmarks: today's Content export has them "
        "(Analytics > Content > Export)",
    }
    return describe(
        frame,
        source=name,
        format="x-analytics",
        platform="X",
        recognised_as="X's analytics Content export" if layout == "content" else "X's older Tweet activity export",
        file=found.archive or name,
        member=found.member,
        headers=columns.headers,
        ignored=ignored,
        assumptions=assumptions,
        missing=missing,
    )


ANALYTICS = Reader(
    key="x-analytics",
    platform="X (Twitter)",
    title="the analytics export of your posts (CSV)",
    how_to_get=HOW_TO_GET_ANALYTICS,
    holds="One row per post and reply: text, day (older Tweet activity files: time), address, impressions, "
    "likes, replies, reposts, bookmarks, new follows and link clicks, totals as of the day of the "
    "export.",
    lacks="Reach and follower counts (X does not give them per post), reposts of other people's posts, and "
    "in today's Content export the time of day.",
    fields=ANALYTICS_FIELDS,
    sample="x_analytics_content.csv",
    recognise=_recognise_analytics,
    read=read_analytics,
)

# --- the account archive ----------------------------------------------------------------

#: The archive's files of posts: tweets.js (older: tweet.js) and their further parts.
_TWEETS = re.compile(r"(?:^|/)data/tweets?(?:-part(\d+))?\.js$")
_MANIFEST = re.compile(r"(?:^|/)data/manifest\.js$")
#: How each data file of the archive starts: ``window.YTD.<type>.part<n> = `` (the manifest differs).
_GLOBAL = re.compile(r"\s*window\.(?:YTD\.(\w+)\.part(\d+)|(__THAR_CONFIG))\s*=")
_OTHER_FILES = {
    "like": "the posts you liked",
    "follower": "your followers",
    "following": "the accounts you follow",
    "account": "your account's details",
    "profile": "your profile",
    "direct_messages": "your direct messages",
    "tweet_headers": "only the ids and times of your posts",
    "deleted_tweets": "posts you deleted",
    "note_tweet": "the whole text of your long posts",
}
_PICK_TWEETS = "Pick data/tweets.js from the same archive (tweet.js in older ones), or give the archive's zip itself."

ARCHIVE_FIELDS: tuple[Field, ...] = (
    Field(
        "data/tweets.js (tweets-part1.js...)",
        "",
        "Every post, reply and repost of yours, one item each (older archives: tweet.js).",
    ),
    Field("id_str", "post_id", "X's id of the post."),
    Field("created_at", "date", "When it was posted, in UTC, such as 'Sat Dec 06 18:20:30 +0000 2025'."),
    Field(
        "full_text",
        "text",
        "The text, with links shortened to t.co addresses (written out in full from "
        "entities.urls; links to attached photos and videos left out).",
    ),
    Field("full_text starting 'RT @'", "kind", "A repost of someone else's post: kind 'boost'."),
    Field(
        "in_reply_to_status_id_str",
        "kind",
        "Set on replies: kind 'reply'; a reply to your own post (a "
        "thread) stays a 'post' when manifest.js says which account "
        "is yours.",
    ),
    Field(
        "favorite_count",
        "likes",
        "Likes the post had when the archive was made; empty for reposts, whose counts are the original's.",
    ),
    Field("retweet_count", "shares", "Reposts the post had when the archive was made; empty for reposts."),
    Field(
        "manifest.js userInfo.userName",
        "url",
        "Your handle, to write each post's address (https://x.com/<handle>/status/<id>).",
    ),
)


def _folder(member: str) -> str:
    """The folder holding an archive's ``data/`` (empty when the zip holds ``data/`` at its top)."""
    return member[: member.rfind("data/")]


def _part_number(name: str) -> int:
    """The part number of tweets-part<N>.js (0 for tweets.js)."""
    match = _TWEETS.search(name)
    return int(match.group(1) or 0) if match else 0


def _tweet_members(names: list[str]) -> list[str]:
    """The archive's files of posts in part order, from the shallowest ``data/`` folder."""
    found = [n for n in names if _TWEETS.search(n)]
    if not found:
        return []
    top = min((_folder(n) for n in found), key=len)
    return sorted((n for n in found if _folder(n) == top), key=_part_number)


def _looks_like_tweets(doc: object) -> bool:
    """A JSON list whose first item is a post of X's archive (with or without the ``tweet`` wrapper)."""
    if not isinstance(doc, list) or not doc or not isinstance(doc[0], dict):
        return False
    return isinstance(doc[0].get("tweet"), dict) or {"full_text", "created_at"} <= doc[0].keys()


def _recognise_archive(found: Found) -> bool:
    if found.kind == "zip":
        return any(_TWEETS.search(n) or _MANIFEST.search(n) for n in found.archive_names)
    if found.kind != "text":
        return False
    try:
        if _GLOBAL.match(found.text[:200]):
            return True
        return found.looks_like_json and _looks_like_tweets(found.json)
    except ImportProblem:
        return False


def _items(part: Found) -> tuple[list, int]:
    """The items of one file of posts and its part number (0 for tweets.js); any other file is refused."""
    start = _GLOBAL.match(part.text[:200])
    if start and start.group(3):
        raise ImportProblem(
            f"{part.name} is the X archive's manifest.js (the list of the archive's files), "
            f"not your posts. {_PICK_TWEETS}"
        )
    if start and start.group(1) not in ("tweets", "tweet"):
        kind = start.group(1)
        what = _OTHER_FILES.get(kind, "another part of your data")
        raise ImportProblem(
            f"{part.name} is the X archive's {kind.replace('_', '-')}.js ({what}), not your posts. {_PICK_TWEETS}"
        )
    doc = part.json
    if not isinstance(doc, list) or (doc and not _looks_like_tweets(doc)):
        raise ImportProblem(
            f"{part.name} is not X's list of your posts (expected a list of items like "
            f'{{"tweet": {{"full_text": ..., "created_at": ...}}}}). {_PICK_TWEETS}'
        )
    return doc, int(start.group(2)) if start else 0


def _text(tweet: dict) -> tuple[str, bool]:
    """The post's words: entities turned into characters, t.co links written out in full and links to
    attached media left out; and whether any link was changed."""
    text = html_to_text(tweet["full_text"])
    entities = _dict(tweet.get("entities"))
    extended = _dict(tweet.get("extended_entities"))
    changed = False
    links = [(u.get("url"), u.get("expanded_url")) for u in _dicts(entities.get("urls"))]
    links += [(m.get("url"), "") for m in _dicts(entities.get("media")) + _dicts(extended.get("media"))]
    for short, full in links:
        if isinstance(short, str) and short and isinstance(full, str) and short in text:
            text, changed = text.replace(short, full), True
    return (tidy(text) if changed else text), changed


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _dicts(value: object) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _manifest(archive: Found, folder: str) -> dict:
    """The archive's manifest.js (a dict; empty when the zip has none)."""
    if f"{folder}data/manifest.js" not in archive.archive_names:
        return {}
    doc = archive.open(f"{folder}data/manifest.js").json
    return doc if isinstance(doc, dict) else {}


def _listed_parts(manifest: dict) -> list[str]:
    """The files of posts the manifest lists (``dataTypes.tweets.files[].fileName``)."""
    types = manifest.get("dataTypes")
    listed = []
    for key in ("tweets", "tweet"):
        entry = types.get(key) if isinstance(types, dict) else None
        files = _dicts(entry.get("files")) if isinstance(entry, dict) else []
        listed += [f["fileName"] for f in files if isinstance(f.get("fileName"), str)]
    return listed


def _open_parts(archive: Found) -> tuple[list[Found], dict, list[str]]:
    """Every file of posts in an archive's zip, its manifest, and what they make the reader assume."""
    names = archive.archive_names
    if not names:
        raise ImportProblem(
            f"{archive.name} starts like a zip archive but cannot be opened: it is damaged "
            "or cut short (was the download interrupted?). Download the archive again."
        )
    members = _tweet_members(names)
    if not members:
        shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        raise ImportProblem(
            f"{archive.name} is an X archive without data/tweets.js, the file with your "
            f"posts (it holds {shown}). Ask X for a new archive: {HOW_TO_GET_ARCHIVE}."
        )
    folder = _folder(members[0])
    manifest = _manifest(archive, folder)
    absent = [f for f in _listed_parts(manifest) if folder + f not in names]
    if absent:
        raise ImportProblem(
            f"{archive.name}: its manifest.js lists {listing(absent, 'file')} of your posts, "
            "but the zip does not hold them, so it is incomplete and nothing was loaded. "
            "Download the archive again (and give the zip as it was downloaded)."
        )
    assumptions = []
    if f"{folder}data/note-tweet.js" in names:
        notes = archive.open(f"{folder}data/note-tweet.js").json
        if isinstance(notes, list) and notes:
            assumptions.append(
                f"Some of your posts ({len(notes)}) are longer than 280 characters: "
                "tweets.js may hold them cut short (X keeps their whole text in "
                "note-tweet.js, which the course does not read)."
            )
    return [archive.open(m) for m in members], manifest, assumptions


def _collect(parts: list[Found]) -> tuple[list[str], list[dict], list[str], list[str]]:
    """The posts of every part, each with its label for messages ("3 of data/tweets.js"), the labels
    of the items that are no post, and what reading a single later part makes the reader assume."""
    labels, tweets, broken, assumptions = [], [], [], []
    for part in parts:
        items, number = _items(part)
        where = part.member or part.file_name or part.name
        if len(parts) == 1 and number > 0:
            assumptions.append(
                f"{where} is part {number + 1} of your posts: tweets.js and any other "
                "tweets-part files hold the rest. Give the archive's zip itself to read them "
                "all."
            )
        for k, item in enumerate(items, start=1):
            tweet = item.get("tweet", item) if isinstance(item, dict) else None
            if isinstance(tweet, dict) and isinstance(tweet.get("full_text"), str):
                labels.append(f"{k} of {where}")
                tweets.append(tweet)
            else:
                broken.append(f"{k} of {where}")
    return labels, tweets, broken, assumptions


def _items_named(labels: list[str], what: str, one: str = "has", many: str = "have") -> str:
    """The start of a message: "Items 3 of data/tweets.js and 5 of data/tweets-part1.js have <what>"."""
    return f"{first_up(listing(labels, 'item'))} {one if len(labels) == 1 else many} {what}"


def _counts(
    tweets: list[dict], boost: list[bool], labels: list[str], key: str, problems: list[str]
) -> pd.arrays.IntegerArray:
    """A count of each post (``key``, a string in the archive); empty for reposts, whose counts are the
    original's; a value that is no count is added to ``problems``."""
    own = [not b for b in boost]
    values = [t.get(key) for t, mine in zip(tweets, own) if mine]
    cells = pd.Series([v if isinstance(v, str) else str(v) if isinstance(v, int) else "" for v in values], dtype=str)
    read = parse_counts(cells)
    bad = sorted({k for found in read.problems.values() for k in found})
    if bad:
        mine = [label for label, keep in zip(labels, own) if keep]
        shown = [f"{mine[k]} ({cell(cells.iloc[k])})" for k in bad]
        problems.append(_items_named(shown, f"no '{key}' that can be read as a count (a whole number such as \"12\")."))
    counts = pd.array([pd.NA] * len(tweets), dtype="Int64")
    counts[np.array(own, dtype=bool)] = read.values.to_numpy()
    return counts


def read_archive(found: Found) -> pd.DataFrame:
    """Your posts, replies and reposts from an X archive (the zip) or its data/tweets.js."""
    parts, manifest, assumptions = _open_parts(found) if found.kind == "zip" else ([found], {}, [])
    labels, tweets, broken, more = _collect(parts)
    assumptions = [_UTC, *assumptions, *more]
    user = _dict(manifest.get("userInfo"))
    own, handle = str(user.get("accountId") or ""), user.get("userName")
    boost = [t["full_text"].startswith("RT @") for t in tweets]
    answers = [
        not b and bool(t.get("in_reply_to_status_id_str") or t.get("in_reply_to_status_id"))
        for t, b in zip(tweets, boost)
    ]
    threads = [a and bool(own) and str(t.get("in_reply_to_user_id_str", "")) == own for t, a in zip(tweets, answers)]
    ids = pd.Series([str(t.get("id_str") or t.get("id") or "") for t in tweets], dtype=str)
    created = pd.Series(
        [t.get("created_at") if isinstance(t.get("created_at"), str) else "" for t in tweets], dtype=str
    )
    dates = parse_dates(created)

    problems = []
    if broken:
        problems.append(_items_named(broken, "not a post (no 'full_text').", "is", "are"))
    undated = [
        f"{labels[k]} ({cell(created.iloc[k]) if created.iloc[k] else 'missing'})"
        for k in sorted(dates.unreadable + dates.out_of_range)
    ]
    if undated:
        problems.append(
            _items_named(
                undated,
                "no 'created_at' time that can be read (expected a time like "
                "'Sat Dec 06 18:20:30 +0000 2025', between "
                f"{EARLIEST.year} and {LATEST.year - 1}).",
            )
        )
    if (ids == "").any():
        problems.append(_items_named([labels[k] for k in np.flatnonzero(ids == "")], "no 'id_str'."))
    repeated = ids.duplicated() & (ids != "")
    if repeated.any():
        problems.append(
            _items_named(
                [f"{labels[k]} (id {ids.iloc[k]})" for k in np.flatnonzero(repeated)],
                "a post given earlier; each post should appear once (was a file of posts given twice?).",
                "repeats",
                "repeat",
            )
        )
    likes = _counts(tweets, boost, labels, "favorite_count", problems)
    shares = _counts(tweets, boost, labels, "retweet_count", problems)
    refuse(found.name, problems, "Was the file edited by hand? A fresh archive from X has none of these problems.")
    if not tweets:
        raise ImportProblem(f"{found.name} has no posts in it: the archive's list of posts is empty. {_PICK_TWEETS}")

    texts = [_text(t) for t in tweets]
    data: dict[str, ColumnValues] = {
        "post_id": pd.to_numeric(ids).astype("int64") if ids.str.fullmatch(r"\d{1,18}").all() else ids,
        "date": dates.values,
        "text": [t for t, _ in texts],
        "likes": likes,
        "shares": shares,
        "kind": ["boost" if b else "post" if t or not a else "reply" for b, a, t in zip(boost, answers, threads)],
    }
    headers = {
        "post_id": "id_str",
        "date": "created_at",
        "text": "full_text",
        "likes": "favorite_count",
        "shares": "retweet_count",
        "kind": "full_text (RT @) and in_reply_to_status_id_str",
    }
    if isinstance(handle, str) and handle:
        data["url"] = [f"https://x.com/{handle}/status/{i}" for i in ids]
        headers["url"] = "manifest.js userInfo.userName and id_str"
    assumptions.append(
        "Likes and reposts are counted as they were when the archive was made"
        + (
            "; your reposts of other people's posts carry the original's counts, so theirs are left empty."
            if any(boost)
            else "."
        )
    )
    if any(changed for _, changed in texts):
        assumptions.append(
            "Links that X shortens to t.co addresses were written out in full, and links to "
            "attached photos and videos left out of the text."
        )
    if own and any(threads):
        assumptions.append(
            f"Replies to your own posts (threads, {sum(threads)} of them) were counted as posts, not replies."
        )
    elif not own and any(answers):
        assumptions.append(
            "Without the archive's manifest.js, a reply to your own post (a thread) cannot "
            "be told from a reply to someone else: all are counted as replies. Give the "
            "archive's zip to tell them apart."
        )
    members = [p.member for p in parts if p.member]
    content = "X's analytics Content export has"
    missing = {
        "impressions": f"the archive has no impressions: {content} them (Analytics > Content > Export)",
        "comments": f"the archive has no reply counts: {content} them ('Replies')",
        "saves": f"the archive has no bookmark counts: {content} them",
        "clicks": f"the archive has no clicks: {content} link clicks",
        "follows": f"the archive has no follows per post: {content} them",
        "reach": _NO_REACH,
        "followers": _NO_FOLLOWERS,
    }
    zipped = found.kind == "zip"
    return describe(
        assemble(data),
        source=f"{found.name} › {', '.join(members)}" if zipped else found.name,
        format="x-archive",
        platform="X",
        recognised_as="an X archive" if zipped else "the posts file of an X archive",
        file=found.archive or found.name,
        member=", ".join(members) if zipped else found.member,
        headers=headers,
        assumptions=assumptions,
        missing=missing,
    )


ARCHIVE = Reader(
    key="x-archive",
    platform="X (Twitter)",
    title="your account archive (a zip holding data/tweets.js)",
    how_to_get=HOW_TO_GET_ARCHIVE,
    holds="Every post, reply and repost with its time, text and id, and the likes and reposts each of your "
    "posts had when the archive was made.",
    lacks="Impressions, reply counts, bookmarks and clicks (X's analytics Content export has them), reach "
    "and follower counts.",
    fields=ARCHIVE_FIELDS,
    sample="x_archive.zip",
    recognise=_recognise_archive,
    read=read_archive,
)

READERS: tuple[Reader, ...] = (ANALYTICS, ARCHIVE)
