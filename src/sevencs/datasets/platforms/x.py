"""X (Twitter): the analytics Content export, the older Tweet activity export, and the account archive.

Field names, order and quirks as the research notes of issue 11 record them (X publishes no schema):

- ``x_analytics_content.csv``, today's Content export (``account_analytics_content_<start>_<end>.csv``):
  the 17 columns ``Post id`` to ``Permalink Clicks``, spelt as several importers quote them from real
  files (a Deno importer's test quotes real rows); cells quoted only when they need it, as in those
  rows; ``Date`` like ``Tue, Jul 14, 2026`` (no time, no leading zero on the day); 19-digit post ids;
  ``Post Link`` like ``https://x.com/<handle>/status/<id>`` (here on ``x.example``); replies mixed in,
  their text starting with ``@``. No byte-order mark (one was seen only in a synthetic test). Rows
  newest first, as the older export writes them (not checked for this one).
- ``x_tweet_activity.csv``, the older Tweet activity export (``tweet_activity_metrics_<handle>_…``), as
  the unmodified monthly exports of ropensci-org/ropensci-tweets show it byte for byte: 40 columns,
  every cell quoted, LF line ends, no BOM; ``time`` like ``2021-12-28 16:45 +0000``; the counts from
  ``impressions`` to ``permalink clicks`` written ``3423.0``, those from ``app opens`` to ``media
  engagements`` as whole numbers; ``engagement rate`` a fraction; the 18 ``promoted …`` columns ``-``;
  texts with real line breaks, t.co links and ``&``, ``<``, ``>`` as HTML entities; rows newest first.
  X no longer writes this layout; the example uses the nursery's dates all the same.
- ``x_archive.zip``, the account archive: ``Your archive.html`` (here a stand-in for X's viewer) and
  ``data/`` with ``manifest.js`` (``window.__THAR_CONFIG = `` with ``userInfo``, ``archiveInfo`` and
  ``dataTypes.<type>.files[]`` of ``fileName``, ``globalName`` and ``count``, a string),
  ``tweets.js`` and ``tweets-part1.js`` (``window.YTD.tweets.part0 = `` and a list of
  ``{"tweet": {...}}``, written with ``" : "`` and two-space indents), ``like.js`` and an empty
  ``note-tweet.js``. Each post has ``id`` and ``id_str`` (strings), ``created_at`` like ``Sat Dec 06
  18:20:30 +0000 2025``, ``full_text`` with links shortened to t.co addresses that ``entities.urls``
  lists (a photo's in ``entities.media`` and ``extended_entities.media``) and ``&``, ``<``, ``>`` as
  entities, ``favorite_count`` and ``retweet_count`` as strings, ``in_reply_to_*`` only on replies
  (one reply continues the nursery's own post: a thread), and reposts as ``RT @user: …`` carrying the
  original's counts with ``retweeted`` false. Sources: timhutton/twitter-archive-parser,
  dogsheep/twitter-to-sqlite, TiddlyWiki5's twitter-archivist plugin and archive fixtures.

The nursery's posts keep their text, dates, likes, replies and reposts in all three files, and
their impressions in the analytics exports; the other counts are drawn.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path

from sevencs.datasets import NURSERY, load_comments
from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import DOWNLOADED, SITE, csv_bytes, digits, write_bytes, zip_bytes

FILES = ("x_analytics_content.csv", "x_tweet_activity.csv", "x_archive.zip")
SERVER = "https://x.example"
#: X's ids count milliseconds from this moment (4 November 2010), shifted left 22 bits.
EPOCH_MS = 1288834974657
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

CONTENT = [
    "Post id",
    "Date",
    "Post text",
    "Post Link",
    "Impressions",
    "Likes",
    "Engagements",
    "Bookmarks",
    "Shares",
    "New follows",
    "Replies",
    "Reposts",
    "Profile visits",
    "Detail Expands",
    "URL Clicks",
    "Hashtag Clicks",
    "Permalink Clicks",
]
_ORGANIC = [
    "impressions",
    "engagements",
    "engagement rate",
    "retweets",
    "replies",
    "likes",
    "user profile clicks",
    "url clicks",
    "hashtag clicks",
    "detail expands",
    "permalink clicks",
    "app opens",
    "app installs",
    "follows",
    "email tweet",
    "dial phone",
    "media views",
    "media engagements",
]
ACTIVITY = ["Tweet id", "Tweet permalink", "Tweet text", "time", *_ORGANIC, *(f"promoted {h}" for h in _ORGANIC)]

# Short replies the nursery sends to people on X, and posts by others it reposts (written for these examples).
REPLIES = (
    "Thank you! Tea & cake are on us when you come to collect them.",
    "Yes, we open at 9 on Saturday. The seed potatoes are by the till.",
    "So glad it rooted. Keep it out of full sun for a couple of weeks.",
)
REPOSTED = (
    ("Seed swap at the community hall this Sunday, 10 till 2. Bring what you saved!", 37, 9),
    ("Our allotment's first garlic harvest, grown from Fernleaf bulbs <3", 21, 4),
)


def _snowflake(moment: dt.datetime, draw: Draw) -> str:
    """An X-style id: milliseconds since X's epoch shifted left 22 bits, plus a random tail."""
    millis = int(moment.replace(tzinfo=dt.UTC).timestamp() * 1000) - EPOCH_MS
    return str((millis << 22) + draw.integer(0, 2**22 - 1))


def _code(draw: Draw, n: int = 10) -> str:
    return "".join(draw.pick(LETTERS) for _ in range(n))


def _escape(text: str) -> str:
    """Text as X's exports write it: &, < and > as HTML entities, quotes left alone."""
    return html.escape(text, quote=False)


def _slug(text: str) -> str:
    topic = re.match(r"How to ([^:]+):", text)
    return re.sub(r"[^a-z0-9]+", "-", topic.group(1).lower()).strip("-") if topic else "guides"


def items(posts: list[dict], seed: int) -> list[dict]:
    """The nursery's posts on X with its replies and reposts, newest first, with what every file needs:
    ``kind``, ``id``, ``date``, ``text`` and the counts (``likes``, ``comments``, ``shares``, and
    ``impressions`` for the analytics exports; a repost's are the original's)."""
    draw = Draw(seed + 45)
    people = sorted(set(load_comments()["author"]) - {NURSERY})
    out = [
        {
            "kind": "post",
            "id": _snowflake(p["date"], draw),
            "date": p["date"],
            "text": p["text"],
            "type": p["type"],
            "likes": p["likes"],
            "comments": p["comments"],
            "shares": p["shares"],
            "impressions": p["impressions"],
        }
        for p in posts
    ]
    out[9].update(thread=out[8]["id"])  # a post continuing the one before it: a reply to the nursery itself
    for number, words in enumerate(REPLIES):
        base = posts[3 + 11 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(hours=draw.integer(1, 20), minutes=draw.integer(0, 59))
        out.append(
            {
                "kind": "reply",
                "id": _snowflake(moment, draw),
                "date": moment,
                "text": f"@{person} {words}",
                "person": person,
                "person_id": digits(draw, 18, "1"),
                "to": _snowflake(moment - dt.timedelta(minutes=draw.integer(5, 90)), draw),
                "likes": draw.integer(0, 3),
                "comments": 0,
                "shares": 0,
                "impressions": draw.integer(20, 90),
            }
        )
    for number, (words, likes, shares) in enumerate(REPOSTED):
        base = posts[6 + 13 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(days=1, hours=draw.integer(0, 8), minutes=draw.integer(0, 59))
        out.append(
            {
                "kind": "boost",
                "id": _snowflake(moment, draw),
                "date": moment,
                "text": words,
                "person": person,
                "person_id": digits(draw, 18, "1"),
                "likes": likes,
                "comments": 0,
                "shares": shares,
            }
        )
    return sorted(out, key=lambda item: item["date"], reverse=True)


def _metrics(item: dict, draw: Draw) -> dict:
    """The analytics counts X has and the nursery's posts do not: drawn, small."""
    seen = item["impressions"]
    got = {
        "saves": draw.integer(0, item["likes"] // 3 + 1),
        "sent": draw.integer(0, 1),
        "follows": draw.integer(0, 1),
        "profile": draw.integer(0, seen // 30),
        "expands": draw.integer(0, seen // 15),
        "links": draw.integer(1, seen // 20 + 1) if item.get("type") == "how-to" else 0,
        "hashtags": draw.integer(0, 1),
        "permalink": draw.integer(0, 1),
    }
    got["engagements"] = item["likes"] + item["comments"] + item["shares"] + sum(got.values())
    return got


def _day(moment: dt.datetime) -> str:
    return f"{DAYS[moment.weekday()]}, {MONTHS[moment.month - 1]} {moment.day}, {moment.year}"


def content(posts: list[dict], seed: int) -> bytes:
    """Today's Content export: posts and replies (X's analytics list no reposts of others' posts)."""
    draw = Draw(seed + 47)
    rows = []
    for item in items(posts, seed):
        if item["kind"] == "boost":
            continue
        m = _metrics(item, draw)
        rows.append(
            [
                item["id"],
                _day(item["date"]),
                item["text"],
                f"{SERVER}/{NURSERY}/status/{item['id']}",
                item["impressions"],
                item["likes"],
                m["engagements"],
                m["saves"],
                m["sent"],
                m["follows"],
                item["comments"],
                item["shares"],
                m["profile"],
                m["expands"],
                m["links"],
                m["hashtags"],
                m["permalink"],
            ]
        )
    return csv_bytes(CONTENT, rows)


def activity(posts: list[dict], seed: int) -> bytes:
    """The older Tweet activity export: every cell quoted, most counts written as decimals."""
    draw = Draw(seed + 48)
    rows = []
    for item in items(posts, seed):
        if item["kind"] == "boost":
            continue
        m = _metrics(item, draw)
        text = _escape(item["text"])
        if item.get("type") == "how-to":
            text += f"\nThe whole guide: https://t.co/{_code(draw)}"
        counts = [
            item["impressions"],
            m["engagements"],
            item["shares"],
            item["comments"],
            item["likes"],
            m["profile"],
            m["links"],
            m["hashtags"],
            m["expands"],
            m["permalink"],
        ]
        rows.append(
            [
                item["id"],
                f"https://twitter.example/{NURSERY}/status/{item['id']}",
                text,
                f"{item['date']:%Y-%m-%d %H:%M} +0000",
                f"{counts[0]}.0",
                f"{counts[1]}.0",
                str(m["engagements"] / item["impressions"]),
                *(f"{c}.0" for c in counts[2:]),
                0,
                0,
                m["follows"],
                0,
                0,
                0,
                0,
                *(["-"] * len(_ORGANIC)),
            ]
        )
    return csv_bytes(ACTIVITY, rows, quote_all=True)


def _created(moment: dt.datetime) -> str:
    return f"{DAYS[moment.weekday()]} {MONTHS[moment.month - 1]} {moment:%d %H:%M:%S} +0000 {moment.year}"


def _tweet(item: dict, draw: Draw, account: str) -> dict:
    """One item of tweets.js, its fields in the order the archive writes them."""
    text = _escape(item["text"])
    if item["kind"] == "boost":
        text = f"RT @{item['person']}: {text}"
    entities: dict[str, list[dict]] = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
    if item["kind"] in ("reply", "boost"):
        start = 3 if item["kind"] == "boost" else 0
        entities["user_mentions"] = [
            {
                "name": item["person"],
                "screen_name": item["person"],
                "indices": [str(start), str(start + len(item["person"]) + 1)],
                "id_str": item["person_id"],
                "id": item["person_id"],
            }
        ]
    media = []
    if item.get("type") == "how-to":
        link = f"https://t.co/{_code(draw)}"
        entities["urls"] = [
            {
                "url": link,
                "expanded_url": f"{SITE}/guides/{_slug(item['text'])}",
                "display_url": f"{SITE.removeprefix('https://')}/guides/{_slug(item['text'])}",
                "indices": [str(len(text) + 1), str(len(text) + 1 + len(link))],
            }
        ]
        text += f" {link}"
    elif item.get("type") == "promotional":
        link, photo, photo_id = f"https://t.co/{_code(draw)}", _code(draw, 15), _snowflake(item["date"], draw)
        media = [
            {
                "expanded_url": f"{SERVER}/{NURSERY}/status/{item['id']}/photo/1",
                "indices": [str(len(text) + 1), str(len(text) + 1 + len(link))],
                "url": link,
                "media_url": f"http://pbs.x.example/media/{photo}.jpg",
                "id_str": photo_id,
                "id": photo_id,
                "media_url_https": f"https://pbs.x.example/media/{photo}.jpg",
                "type": "photo",
                "display_url": f"pic.x.example/{_code(draw)}",
            }
        ]
        entities["media"] = media
        text += f" {link}"
    moment = item["date"]
    tweet = {
        "edit_info": {
            "initial": {
                "editTweetIds": [item["id"]],
                "editableUntil": f"{moment + dt.timedelta(hours=1):%Y-%m-%dT%H:%M:%S}.000Z",
                "editsRemaining": "5",
                "isEditEligible": item["kind"] != "boost",
            }
        },
        "retweeted": False,
        "source": f'<a href="{SERVER}" rel="nofollow">X Web App</a>',
        "entities": entities,
        "display_text_range": ["0", str(len(text) - (len(media[0]["url"]) + 1 if media else 0))],
        "favorite_count": str(item["likes"]),
        "id_str": item["id"],
        "truncated": False,
        "retweet_count": str(item["shares"]),
        "id": item["id"],
    }
    if item["kind"] == "reply" or item.get("thread"):
        to, user, name = (
            (item["to"], item["person_id"], item["person"])
            if item["kind"] == "reply"
            else (item["thread"], account, NURSERY)
        )
        tweet.update(
            in_reply_to_status_id_str=to,
            in_reply_to_user_id=user,
            in_reply_to_status_id=to,
            in_reply_to_screen_name=name,
            in_reply_to_user_id_str=user,
        )
    if media or entities["urls"]:
        tweet["possibly_sensitive"] = False
    tweet.update(created_at=_created(moment), favorited=False, full_text=text, lang="en")
    if media:
        tweet["extended_entities"] = {"media": media}
    return tweet


def _js(name: str, data: object) -> bytes:
    """A data file of the archive: ``window.<name> = `` and JSON as X writes it (``"key" : value``,
    ``[ ]``)."""
    text = json.dumps(data, indent=2, ensure_ascii=False, separators=(",", " : "))
    text = text.replace(" : []", " : [ ]")
    return f"window.{name} = {'[ ]' if text == '[]' else text}".encode()


def archive(posts: list[dict], seed: int) -> bytes:
    """The account archive: the posts in tweets.js and tweets-part1.js (the oldest), with manifest.js."""
    draw = Draw(seed + 49)
    account = digits(draw, 19, "15")
    tweets = [{"tweet": _tweet(item, draw, account)} for item in items(posts, seed)]
    parts = {"data/tweets.js": tweets[:-14], "data/tweets-part1.js": tweets[-14:]}
    liked_ids = [_snowflake(posts[k]["date"], draw) for k in (5, 20)]
    liked = [
        {
            "like": {
                "tweetId": tid,
                "fullText": "Frost tonight: fleece your tender plants!",
                "expandedUrl": f"{SERVER}/i/web/status/{tid}",
            }
        }
        for tid in liked_ids
    ]
    manifest = {
        "userInfo": {"accountId": account, "userName": NURSERY, "displayName": "Fernleaf Nursery"},
        "archiveInfo": {
            "sizeBytes": "48213",
            "generationDate": f"{DOWNLOADED:%Y-%m-%dT%H:%M:%S}.000Z",
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "dataTypes": {
            "like": {"files": [{"fileName": "data/like.js", "globalName": "YTD.like.part0", "count": str(len(liked))}]},
            "tweets": {
                "files": [
                    {"fileName": name, "globalName": f"YTD.tweets.part{k}", "count": str(len(part))}
                    for k, (name, part) in enumerate(parts.items())
                ]
            },
        },
    }
    viewer = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Your X archive</title>'
        "</head>\n<body><p>A stand-in for X's archive viewer: open data/tweets.js for the posts.</p>"
        "</body>\n</html>\n"
    )
    return zip_bytes(
        {
            "Your archive.html": viewer.encode("utf-8"),
            "data/manifest.js": _js("__THAR_CONFIG", manifest),
            **{name: _js(f"YTD.tweets.part{k}", part) for k, (name, part) in enumerate(parts.items())},
            "data/like.js": _js("YTD.like.part0", liked),
            "data/note-tweet.js": _js("YTD.note_tweet.part0", []),
        }
    )


def write(directory: Path, posts: list[dict], seed: int) -> None:
    write_bytes(directory / "x_analytics_content.csv", content(posts, seed))
    write_bytes(directory / "x_tweet_activity.csv", activity(posts, seed))
    write_bytes(directory / "x_archive.zip", archive(posts, seed))
