"""Meta's "Download your information" files (JSON): a Facebook Page's, an Instagram account's and its
Threads profile's posts (``facebook_download.zip``, ``instagram_download.zip``,
``threads_and_replies.json``).

Meta publishes no schema for these files; field names, nesting and quirks are as public
parsers and validators of real downloads record them:

- Facebook: a Page's download (the new Pages experience, 2025 on) holds its posts in
  ``this_profile's_activity_across_facebook/posts/profile_posts_1.json`` and ``_2``, ``_3``...
  (apostrophe included), beside files that are not the Page's own posts, such as
  ``posts_on_other_pages_and_profiles.json`` (items with ``timestamp``, ``fbid`` and
  ``label_values``) and ``album/0.json`` (``name``, ``photos``). Each posts file is a bare JSON
  list; a post has ``timestamp`` (Unix seconds), ``data`` (single-key objects: ``post``, the
  words, and ``update_timestamp``), ``attachments`` (``data`` lists of single-key objects:
  ``media`` with ``uri``, ``creation_timestamp``, ``media_metadata``, ``title`` (the album) and
  ``description``; ``external_context`` with ``url``) and ``title``, a sentence Facebook writes
  ("... updated their status."; the wording for Pages is not verified, so it is made up
  here). A post whose words are only in its photo's ``description`` and an entry with
  neither words nor attachments (a new cover photo) occur too. Sources: apparebit/deface
  (``deface/ingest.py``, a validator written against real downloads),
  NorseKode/Waultar-App (``documents/parser/content_examples.md``, real excerpts) and several
  parsers of the Pages layout.
- Instagram: ``your_instagram_activity/media/posts_1.json`` (``content/`` in 2024 downloads), a
  bare list of posts, each ``{"media": [...]}`` with the caption on the first media item, or,
  for a carousel, ``title`` and ``creation_timestamp`` on the post itself; ``media`` is now and
  then one object instead of a list (marcomaroni-github/instagram-to-bluesky,
  ``src/media/InstagramExportedPost.ts``). Reels are in ``reels.json`` beside it
  (``{"ig_reels_media": [...]}``) and stories in ``stories.json`` (``{"ig_stories": [...]}``),
  as several parsers read them.
- Threads: ``your_instagram_activity/threads/threads_and_replies.json`` inside the Instagram
  download, ``{"text_post_app_text_posts": [...]}``, each item shaped like an Instagram post, with
  ``text_app_post`` (``reply_control``, ``geo_gated_country_list``, ``is_reply``) on its media;
  a post with words only has ``uri`` "" (jschang19/threads-recap, ``app/types/threads.ts``;
  ericcgladstone-maker/org-signal, ``docs/formats/threads.md``).
- Every string is written as the UTF-8 bytes of the text, each byte escaped as ``\\u00XX``
  ("Café" as ``Caf\\u00c3\\u00a9``), as answers on Stack Overflow (questions 50008296 and
  52747566) and the parsers above describe; no file holds a count, a post id or the post's
  address. Files are indented by two spaces; the order of posts is not known (newest first
  here) and the readers do not rely on it.

The nursery signs some captions off with an accent or an emoji (:func:`caption`), so that the
samples carry the double encoding. Media files themselves are left out of the zips.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import SITE, digits, write_bytes, zip_bytes

FILES = ("facebook_download.zip", "instagram_download.zip", "threads_and_replies.json")
PAGE = "Fernleaf Nursery"
FACEBOOK_POSTS = "this_profile's_activity_across_facebook/posts"
INSTAGRAM = "your_instagram_activity"
#: How many posts the first part of the Facebook posts file holds (the rest are in the second).
FIRST_PART = 20

#: What the nursery adds to captions on Meta's platforms (so the samples hold accents and emoji).
SIGN_OFF = {"promotional": " Tea and cake in our Café by the gate ☕", "how-to": " 🌱"}

# The nursery's answers to people on Threads (written for these examples).
THREADS_REPLIES = (
    "Yes! The café opens at 9 on Saturdays ☕",
    "Thank you, that made our day 🌻",
    "Copper tape around the pot rim works for us.",
    "We do: ask at the till for the grower's notes.",
)


def caption(post: dict) -> str:
    """A post's words as the nursery writes them on Facebook, Instagram and Threads."""
    return post["text"] + SIGN_OFF.get(post["type"], "")


def stamp(moment: dt.datetime) -> int:
    """A sample time (in UTC) as Meta writes it: whole seconds since 1970."""
    return int(moment.replace(tzinfo=dt.UTC).timestamp())


def _mangled(data: object) -> object:
    """Every string as Meta's JSON holds it: its UTF-8 bytes, each read as one character."""
    if isinstance(data, str):
        return data.encode("utf-8").decode("latin-1")
    if isinstance(data, dict):
        return {key: _mangled(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_mangled(value) for value in data]
    return data


def meta_json(data: object) -> bytes:
    """JSON as Meta writes it: each byte of a character beyond ASCII escaped on its own (\\u00c3\\u00a9)."""
    return (json.dumps(_mangled(data), indent=2) + "\n").encode("ascii")


def _slug(text: str) -> str:
    topic = re.match(r"How to ([^:]+):", text)
    return re.sub(r"[^a-z0-9]+", "-", topic.group(1).lower()).strip("-") if topic else "guides"


def _exif(draw: Draw) -> dict:
    return {"photo_metadata": {"exif_data": [{"upload_ip": f"203.0.113.{draw.integer(1, 254)}"}]}}


def facebook_posts(posts: list[dict], seed: int) -> list[dict]:
    """The Page's posts file as one list, newest first, with one new cover photo among them."""
    draw = Draw(seed + 44)
    entries = []
    for number, post in enumerate(posts):
        when, words = stamp(post["date"]), caption(post)
        entry: dict = {"timestamp": when, "data": [{"post": words}]}
        if post["type"] == "how-to":  # a link to the guide on the nursery's site
            link = {"external_context": {"url": f"{SITE}/guides/{_slug(words)}"}}
            entry["attachments"] = [{"data": [link]}]
            entry["title"] = f"{PAGE} shared a link."
        elif post["type"] == "question":  # words only
            entry["data"].append({"update_timestamp": when + draw.integer(0, 90)})
            entry["title"] = f"{PAGE} updated their status."
        else:  # a photo with its caption; the words are then also the photo's description
            album = "TimelinePhotos_" + digits(draw, 6, "1")
            photo = {
                "uri": f"{FACEBOOK_POSTS}/media/{album}/{digits(draw, 15, '4')}_n.jpg",
                "creation_timestamp": when - draw.integer(5, 60),
                "media_metadata": _exif(draw),
                "title": "Timeline photos",
                "description": words,
            }
            if number % 9 == 4:  # now and then the words are only the photo's description
                del entry["data"]
            entry["attachments"] = [{"data": [{"media": photo}]}]
            entry["title"] = f"{PAGE} added a new photo."
        entries.append(entry)
    cover = stamp(posts[len(posts) // 2]["date"]) + 3600
    entries.append(
        {"timestamp": cover, "data": [{"update_timestamp": cover}], "title": f"{PAGE} updated their cover photo."}
    )
    return sorted(entries, key=lambda e: e["timestamp"], reverse=True)


def facebook(posts: list[dict], seed: int) -> bytes:
    draw = Draw(seed + 45)
    entries = facebook_posts(posts, seed)
    photos = [
        e["attachments"][0]["data"][0]["media"]
        for e in entries
        if "attachments" in e and "media" in e["attachments"][0]["data"][0]
    ]
    album = {
        "name": "Timeline photos",
        "photos": [{k: p[k] for k in ("uri", "creation_timestamp", "title")} for p in photos[:4]],
        "cover_photo": {k: photos[0][k] for k in ("uri", "creation_timestamp", "title")},
        "last_modified_timestamp": photos[0]["creation_timestamp"],
        "description": "",
    }
    market = stamp(posts[3]["date"]) + 7200
    elsewhere = [
        {
            "timestamp": market,
            "media": [],
            "label_values": [
                {"label": "Message", "value": "Congratulations on the new market hall! See you on Saturday."},
                {"label": "Target", "value": "Mill Lane Market"},
            ],
            "fbid": digits(draw, 16, "1"),
        }
    ]
    return zip_bytes(
        {
            f"{FACEBOOK_POSTS}/profile_posts_1.json": meta_json(entries[:FIRST_PART]),
            f"{FACEBOOK_POSTS}/profile_posts_2.json": meta_json(entries[FIRST_PART:]),
            f"{FACEBOOK_POSTS}/posts_on_other_pages_and_profiles.json": meta_json(elsewhere),
            f"{FACEBOOK_POSTS}/album/0.json": meta_json(album),
        }
    )


def instagram_posts(posts: list[dict]) -> list[dict]:
    """The nursery's posts that are also on Instagram: two in three."""
    return [p for number, p in enumerate(posts) if number % 3 != 1]


def _media(draw: Draw, when: int, title: str, kind: str = "jpg", folder: str = "posts") -> dict:
    month = dt.datetime.fromtimestamp(when, dt.UTC).strftime("%Y%m")
    metadata = (
        {"video_metadata": {"exif_data": [{"source_type": "3"}]}}
        if kind == "mp4"
        else {"camera_metadata": {"has_camera_metadata": False}}
    )
    return {
        "uri": f"media/{folder}/{month}/{digits(draw, 17, '1')}_n.{kind}",
        "creation_timestamp": when,
        "title": title,
        "media_metadata": metadata,
        "cross_post_source": {"source_app": "FB"},
    }


def instagram(posts: list[dict], seed: int) -> tuple[list[dict], list[dict]]:
    """``posts_1.json`` (photos, carousels, one video) and ``reels.json``'s list, newest first.

    Sales posts are carousels (the caption on the post), how-to posts reels (the first one a
    video in the grid), the rest single photos (one of them with ``media`` as an object)."""
    draw = Draw(seed + 46)
    grid: list[dict] = []
    reels: list[dict] = []
    first_how_to = True
    for post in instagram_posts(posts):
        when, words = stamp(post["date"]), caption(post)
        if post["type"] == "promotional":
            pictures = [_media(draw, when, "") for _ in range(draw.integer(2, 4))]
            grid.append({"media": pictures, "title": words, "creation_timestamp": when})
        elif post["type"] == "how-to" and first_how_to:
            grid.append({"media": [_media(draw, when, words, "mp4")]})
            first_how_to = False
        elif post["type"] == "how-to":
            reels.append({"media": [_media(draw, when, words, "mp4", "reels")]})
        else:
            grid.append({"media": [_media(draw, when, words)]})
    grid[len(grid) // 2]["media"] = grid[len(grid) // 2]["media"][0]
    return sorted(grid, key=_when, reverse=True), sorted(reels, key=_when, reverse=True)


def _when(entry: dict) -> int:
    """An Instagram or Threads item's time: on the item (a carousel) or on its first media item."""
    first = entry["media"] if isinstance(entry["media"], dict) else entry["media"][0]
    return entry.get("creation_timestamp") or first["creation_timestamp"]


def threads_posts(posts: list[dict]) -> list[dict]:
    """The nursery's posts that are also on Threads: its last eight questions and stories."""
    return [p for p in posts if p["type"] in ("question", "story")][-8:]


def threads(posts: list[dict], seed: int) -> dict:
    """``threads_and_replies.json``: posts (one with two photos) and replies, newest first."""
    draw = Draw(seed + 47)

    def item(when: int, title: str, reply: bool, uri: str = "") -> dict:
        post = {"reply_control": "everyone", "geo_gated_country_list": "", "is_reply": reply}
        return {
            "uri": uri,
            "creation_timestamp": when,
            "title": title,
            "media_metadata": {"camera_metadata": {"has_camera_metadata": False}},
            "text_app_post": post,
        }

    chosen = threads_posts(posts)
    entries = []
    for number, post in enumerate(chosen):
        when, words = stamp(post["date"]), caption(post)
        if number == 2:  # two photos: the words on the post itself
            folder = f"media/posts/{post['date']:%Y%m}"
            pictures = [item(when, "", False, f"{folder}/{digits(draw, 17, '1')}_n.jpg") for _ in range(2)]
            entries.append({"media": pictures, "title": words, "creation_timestamp": when})
        else:
            entries.append({"media": [item(when, words, False)]})
    for number, words in enumerate(THREADS_REPLIES):
        when = stamp(chosen[2 * number]["date"]) + 3600 * draw.integer(1, 20) + 60 * draw.integer(0, 59)
        entries.append({"media": [item(when, words, True)]})
    return {"text_post_app_text_posts": sorted(entries, key=_when, reverse=True)}


def write(directory: Path, posts: list[dict], seed: int) -> None:
    write_bytes(directory / "facebook_download.zip", facebook(posts, seed))
    grid, reels = instagram(posts, seed)
    draw = Draw(seed + 48)
    stories = {
        "ig_stories": [_media(draw, stamp(p["date"]) + 1800, "", folder="stories") for p in instagram_posts(posts)[-2:]]
    }
    conversation = meta_json(threads(posts, seed))
    write_bytes(
        directory / "instagram_download.zip",
        zip_bytes(
            {
                f"{INSTAGRAM}/media/posts_1.json": meta_json(grid),
                f"{INSTAGRAM}/media/reels.json": meta_json({"ig_reels_media": reels}),
                f"{INSTAGRAM}/media/stories.json": meta_json(stories),
                f"{INSTAGRAM}/threads/threads_and_replies.json": conversation,
            }
        ),
    )
    write_bytes(directory / "threads_and_replies.json", conversation)
