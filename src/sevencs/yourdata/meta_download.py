"""Meta's "Download your information" files (JSON): your posts on Facebook, Instagram and Threads.

From Accounts Center (Your information and permissions > Download your information) Meta
sends a zip of JSON files, or of web pages when HTML was chosen (refused, saying how to ask
for JSON). Each reader takes the zip or its posts file alone. What they rely on:

- Facebook (a Page or a personal profile): the posts are a JSON list in
  ``this_profile's_activity_across_facebook/posts/profile_posts_1.json`` (a Page, 2025 on),
  ``your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`` (a profile)
  or ``posts/your_posts_1.json`` (older downloads), split into ``_2``, ``_3``... when long:
  every part is read. A post has ``timestamp`` (Unix seconds), its words in ``data[].post``
  (or only in the ``description`` of its photo) and ``attachments``; ``title`` is a sentence
  Facebook writes ("... updated their status"), not the caption. Entries with neither words
  nor attachments (a new cover photo) are left out, and counted.
- Instagram: a JSON list in ``your_instagram_activity/media/posts_1.json`` (newer),
  ``your_instagram_activity/content/posts_1.json`` (2024) or ``content/posts_1.json`` (older),
  with the reels in ``reels.json`` beside it (``ig_reels_media``): both are read, a post in
  both counted once. The caption is the post's ``title`` (a carousel) or its first media
  item's; the time is ``creation_timestamp`` (Unix seconds) at the same place; ``media`` is a
  list, or now and then one object.
- Threads: ``threads_and_replies.json`` (in the Instagram download's
  ``your_instagram_activity/threads`` folder) is ``{"text_post_app_text_posts": [...]}``, each
  item shaped like an Instagram post; ``text_app_post.is_reply`` on its media marks a reply
  (when no item has it, every item is read as a post, and that is said). An Instagram
  download holding Threads posts is read as Instagram's (the note says how to read the
  Threads ones); ``format="threads-download"`` reads its Threads posts.
- Every text is written twice encoded ("é" as the two characters of its UTF-8 bytes):
  repaired with ftfy (:func:`~sevencs.yourdata.text.repair_encoding`), and counted. Times are
  Unix seconds, read as UTC.
- None of these files holds a count (likes, comments, reach), a post id or a post's
  address: posts are numbered in date order, and ``missing`` names the file with the counts.

Meta publishes no schema: the field names and layouts are those that public parsers and
validators of real downloads read (apparebit/deface, marcomaroni-github/instagram-to-bluesky,
jschang19/threads-recap and others; see :mod:`sevencs.datasets.platforms.meta_download`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, parse_dates
from sevencs.yourdata.columns import Columns
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, cell, first_up, listing
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe
from sevencs.yourdata.text import repair_encoding

_DOWNLOAD = "Accounts Center > Your information and permissions > Download your information"
HOW_TO_GET_FACEBOOK = (
    f"On Facebook: Settings & privacy > Settings > {_DOWNLOAD}; choose your Page (or "
    "profile), your posts, the format JSON and the dates, then download the zip"
)
HOW_TO_GET_INSTAGRAM = (
    f"In Instagram: Settings > {_DOWNLOAD}; choose your Instagram account, your posts "
    "(or all your information), the format JSON and the dates, then download the zip"
)
HOW_TO_GET_THREADS = (
    "Your Threads posts come with your Instagram download: in Instagram, Settings > "
    f"{_DOWNLOAD}, the format JSON; give the zip, or threads_and_replies.json from its "
    "your_instagram_activity/threads folder"
)

_FACEBOOK_FILE = "profile_posts_1.json"
_FACEBOOK_EXPECTED = (
    f"Expected Facebook's list of your posts, this_profile's_activity_across_facebook/posts/{_FACEBOOK_FILE} "
    "(a Page) or your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json (a profile), "
    "from the zip that Facebook's 'Download your information' makes (or the zip itself)."
)
_INSTAGRAM_EXPECTED = (
    "Expected Instagram's list of your posts, your_instagram_activity/media/posts_1.json (or "
    "content/posts_1.json), from the zip that Instagram's 'Download your information' makes (or the zip "
    "itself)."
)
_THREADS_EXPECTED = (
    "Expected threads_and_replies.json, from the your_instagram_activity/threads folder of the zip that "
    "Instagram's 'Download your information' makes (or the zip itself)."
)

_FACEBOOK_POSTS = re.compile(
    r"(?:^|/)posts/(?:profile_posts|your_posts__check_ins__photos_and_videos"
    r"|your_posts)_(?P<part>\d+)\.(?P<ext>json|html)$"
)
_FACEBOOK_FOLDER = re.compile(
    r"(?:^|/)(?:this_profile's_activity_across_facebook|your_facebook_activity"
    r"|your_activity_across_facebook)/"
)
_INSTAGRAM_POSTS = re.compile(r"(?:^|/)(?:media|content)/(?:posts_(?P<part>\d+)|reels)\.(?P<ext>json|html)$")
_INSTAGRAM_FOLDER = re.compile(r"(?:^|/)your_instagram_activity/")
_THREADS_POSTS = re.compile(r"(?:^|/)threads_and_replies\.(?P<ext>json|html)$")

FACEBOOK_FIELDS: tuple[Field, ...] = (
    Field("timestamp", "date", "When the post was published (Unix seconds, UTC)."),
    Field("data[].post", "text", "The words of the post."),
    Field(
        "attachments[].data[].media.description",
        "text",
        "The description of an attached photo or video: the post's words when data[].post is absent.",
    ),
    Field(
        "title", "", "A sentence Facebook writes about the post ('... updated their status'), not its words: not used."
    ),
)
INSTAGRAM_FIELDS: tuple[Field, ...] = (
    Field(
        "creation_timestamp",
        "date",
        "When the post was published (Unix seconds, UTC); on the post for a carousel, else on its first media item.",
    ),
    Field("title", "text", "The caption; on the post for a carousel, else on its first media item."),
    Field("media", "", "The photos and videos of the post (a list, or one object)."),
)
THREADS_FIELDS: tuple[Field, ...] = (
    Field("text_post_app_text_posts", "", "The list of your threads and replies."),
    Field("creation_timestamp", "date", "When it was posted (Unix seconds, UTC)."),
    Field("title", "text", "The words of the post or reply."),
    Field("media[].text_app_post.is_reply", "kind", "true for a reply to someone (kind 'reply'), else 'post'."),
)
_COUNTS = ("reach", "likes", "comments", "shares", "impressions")


def _suite(account: str) -> dict[str, str]:
    """``missing`` for a Meta download: the counts are in Meta Business Suite's content export."""
    where = (
        f"this download holds no counts; Meta Business Suite's content export of your {account} has "
        "them (Insights > Content > Export data)"
    )
    return {
        **dict.fromkeys(_COUNTS, where),
        "followers": "this download has no follower counts, and neither has Meta Business Suite's "
        "content export; Meta Business Suite's Insights show your followers day by day",
    }


_THREADS_MISSING = dict.fromkeys(
    (*_COUNTS, "followers"), "Threads' download holds no counts, and no Threads file the course reads has them"
)


class _NotAPost(Exception):
    """An item of a posts file that is not shaped like a post (the reason, for the message)."""


def _json(found: Found) -> object:
    """The file's JSON, or None when it is not a JSON file (for recognising; never raises)."""
    if found.kind != "text" or not found.looks_like_json:
        return None
    try:
        return found.json
    except ImportProblem:
        return None


def _any(names: Sequence[str], pattern: re.Pattern) -> bool:
    return any(pattern.search(n) for n in names)


def _parts(names: Sequence[str], pattern: re.Pattern) -> list[str]:
    """The JSON members of a zip holding posts, in one folder: part 1, 2... (then ``reels.json``)."""
    hits = {n: m for n in names if (m := pattern.search(n)) and m["ext"] == "json"}
    if not hits:
        return []
    folder = min(n.rsplit("/", 1)[0] for n in hits)  # a download has one such folder
    chosen = [n for n in hits if n.rsplit("/", 1)[0] == folder]
    return sorted(chosen, key=lambda n: int(hits[n]["part"] or 10**6))


def _names(found: Found) -> list[str]:
    """The file names in a zip, which must be readable."""
    if not found.archive_names:
        raise ImportProblem(
            f"{found.name} is a zip archive that could not be opened (was the download cut "
            "short?). Download it again from the link in Meta's email."
        )
    return found.archive_names


def _html_or_no_posts(found: Found, posts: re.Pattern, expected: str, how: str) -> ImportProblem:
    """The problem with a zip that has no posts file as JSON: it is a download in HTML, or it has none."""
    names = found.archive_names
    pages = [n for n in names if n.endswith(".html")]
    if _any(pages, posts) or (pages and not any(n.endswith(".json") for n in names)):
        return ImportProblem(
            f"{found.name} is a download in HTML (pages to look at in a web browser), which the course "
            f"cannot read. Ask for a new download and choose the format JSON instead of HTML: {how}."
        )
    return ImportProblem(
        f"{found.name} has no file of posts in it. {expected} If Meta split your download into several zip "
        f"files, give the one with your posts; if none has them, ask for a new download: {how}."
    )


def _list_in(found: Found, expected: str, key: str | None = None) -> list:
    """The list of posts of one file: a bare JSON list, or the list under ``key``."""
    try:
        doc = found.json
    except ImportProblem as problem:
        raise ImportProblem(f"{problem} {expected}") from None
    if key is not None and isinstance(doc, dict) and isinstance(doc.get(key), list):
        return doc[key]
    if key is None and isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        what = f"its top level has {', '.join(repr(k) for k in list(doc)[:6]) or 'nothing'}"
    else:
        what = f"it is a JSON {type(doc).__name__}"
    raise ImportProblem(f"{found.name} is JSON but not a list of posts ({what}). {expected}")


def _text(value: object, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _NotAPost(f"its '{field}' is not text")
    return value


def _media(entry: dict) -> list[dict]:
    """An Instagram or Threads item's media (a list, or one object), which must be there."""
    media = entry.get("media")
    media = [media] if isinstance(media, dict) else media
    if not isinstance(media, list) or not media or not all(isinstance(m, dict) for m in media):
        raise _NotAPost("no 'media' list")
    return media


def _facebook_post(entry: dict) -> dict | None:
    """Facebook: the words of ``data[].post`` (else of an attached photo's description); None for an
    entry with neither words nor attachments."""
    data, attachments = entry.get("data", []), entry.get("attachments", [])
    if not isinstance(data, list) or not isinstance(attachments, list):
        raise _NotAPost("its 'data' or 'attachments' is not a list")
    words = [_text(item["post"], "post") for item in data if isinstance(item, dict) and "post" in item]
    media = [
        inner["media"]
        for block in attachments
        if isinstance(block, dict) and isinstance(block.get("data"), list)
        for inner in block["data"]
        if isinstance(inner, dict) and isinstance(inner.get("media"), dict)
    ]
    described = [m["description"] for m in media if isinstance(m.get("description"), str)]
    text = next((w for w in words + described if w), "")
    if not text and not attachments:
        return None
    return {"stamp": entry.get("timestamp"), "text": text, "media": media[0].get("uri") if media else None}


def _instagram_post(entry: dict) -> dict:
    """Instagram (and Threads): the caption and time on the post (a carousel) or on its first media item."""
    first = _media(entry)[0]
    text = _text(entry.get("title"), "title") or _text(first.get("title"), "title")
    stamp = entry.get("creation_timestamp", first.get("creation_timestamp"))
    return {"stamp": stamp, "text": text, "media": first.get("uri")}


def _threads_post(entry: dict) -> dict:
    row = _instagram_post(entry)
    post = _media(entry)[0].get("text_app_post")
    post = post if isinstance(post, dict) else {}
    row["kind"] = "reply" if post.get("is_reply") is True else "post"
    row["marked"] = "is_reply" in post
    return row


def _read(
    name: str, files: list[tuple[Found, list]], one: Callable[[dict], dict | None], time_field: str, text_field: str
) -> tuple[dict[str, pd.Series], list[dict], list[str], list[dict]]:
    """Every item of every posts file read with ``one``: the course's columns (date, text), the rows
    ``one`` made, the assumptions, and the items ``one`` left out. Raises one ImportProblem listing
    every item that cannot be read, so nothing is half-loaded."""
    rows: list[dict] = []
    labels: list[str] = []
    broken: list[str] = []
    left_out: list[dict] = []
    seen: set[tuple] = set()
    repeated = 0
    for found, entries in files:
        for number, entry in enumerate(entries, start=1):
            label = str(number) if len(files) == 1 else f"{number} of {found.file_name}"
            try:
                if not isinstance(entry, dict):
                    raise _NotAPost("not a JSON object")
                row = one(entry)
            except _NotAPost as why:
                broken.append(f"{label} ({why})")
                continue
            if row is None:
                left_out.append(entry)
                continue
            if not isinstance(row["media"], str):  # a file's address is text; anything else names no file
                row["media"] = None
            key = (repr(row["stamp"]), row["text"], row["media"])
            if row["media"] and key in seen:  # the same post listed twice (a reel among the posts, say)
                repeated += 1
                continue
            seen.add(key)
            rows.append(row)
            labels.append(label)

    stamps = pd.Series(["" if r["stamp"] is None else str(r["stamp"]) for r in rows], dtype=str)
    dates = parse_dates(stamps)
    undated = [
        f"{labels[k]} ({cell(stamps.iloc[k]) if stamps.iloc[k] else 'missing'})"
        for k in sorted(dates.unreadable + dates.out_of_range)
    ]
    columns = Columns(name, np.arange(1, len(rows) + 1))
    if broken:
        columns.problems.append(
            f"{first_up(listing(broken, 'item'))} {'is' if len(broken) == 1 else 'are'} "
            "not shaped like a post of Meta's download."
        )
    if undated:
        columns.problems.append(
            f"{first_up(listing(undated, 'item'))} {'has' if len(undated) == 1 else 'have'} no "
            f"'{time_field}' that can be read (Meta writes it as a whole number of seconds since 1970, "
            f"such as 1762000000, between {EARLIEST.year} and {LATEST.year - 1})."
        )
    columns.check()
    if not rows:
        items = sum(len(entries) for _, entries in files)
        counted = f" ({items} items, none with words or anything attached)" if items else ""
        raise ImportProblem(f"{name} has no posts in it{counted}. Was the download made for a period without posts?")
    texts, repaired = repair_encoding(pd.Series([r["text"] for r in rows], dtype=str))
    columns.set("date", dates.values, time_field)
    columns.text(texts, text_field)
    assumptions = list(dates.assumptions)
    if repaired:
        assumptions.append(
            f"{repaired} of the {len(rows)} texts had their accents and emoji written twice "
            "encoded, as Meta's downloads write them ('CafÃ©' for 'Café'): they were "
            "repaired."
        )
    if repeated:
        assumptions.append(
            f"{repeated} {'post was' if repeated == 1 else 'posts were'} listed twice "
            "(among the posts and among the reels, say) and counted once."
        )
    return columns.data, rows, assumptions, left_out


def _keys(entries: list, nested: bool = False) -> list[str]:
    """The field names of the items (and, with ``nested``, of their first media item), for ``ignored``."""
    keys: set[str] = set()
    for entry in entries:
        if isinstance(entry, dict):
            keys |= {str(k) for k in entry}
            media = entry.get("media")
            first = media[0] if isinstance(media, list) and media else media
            if nested and isinstance(first, dict):
                keys |= {str(k) for k in first}
    return sorted(keys)


def _members(files: list[Found]) -> str | None:
    """The members of a zip that were read (None for a file given alone)."""
    return ", ".join(f.member for f in files if f.member) or None


def _source(files: list[Found]) -> str:
    """How messages name what was read: the first file, and the other parts' names."""
    others = [f.file_name for f in files[1:]]
    return files[0].name + (f" (and {', '.join(others)})" if others else "")


# --- Facebook --------------------------------------------------------------------------------------


def _recognise_facebook(found: Found) -> bool:
    if found.kind == "zip":
        names = found.archive_names
        if _any(names, _FACEBOOK_POSTS):
            return True  # as JSON or as HTML (read() refuses HTML, saying why)
        others = any(_any(names, p) for p in (_INSTAGRAM_POSTS, _INSTAGRAM_FOLDER, _THREADS_POSTS))
        return _any(names, _FACEBOOK_FOLDER) and not others  # a download without posts: read() says so
    doc = _json(found)
    return isinstance(doc, list) and any(
        isinstance(e, dict)
        and isinstance(e.get("timestamp"), int)
        and (
            isinstance(e.get("data"), list)
            or isinstance(e.get("attachments"), list)
            or ("label_values" in e and "fbid" in e)
        )
        for e in doc[:5]
    )


def _read_facebook(found: Found) -> pd.DataFrame:
    archive = found
    if found.kind == "zip":
        members = _parts(_names(found), _FACEBOOK_POSTS)
        if not members:
            raise _html_or_no_posts(found, _FACEBOOK_POSTS, _FACEBOOK_EXPECTED, HOW_TO_GET_FACEBOOK)
        files = [found.open(m) for m in members]
    else:
        files = [found]
    lists = [_list_in(f, _FACEBOOK_EXPECTED) for f in files]
    for part, entries in zip(files, lists):
        if entries and all(isinstance(e, dict) and "label_values" in e for e in entries):
            raise ImportProblem(
                f"{part.name} is Facebook's list of the posts you wrote on other Pages and profiles "
                f"(posts_on_other_pages_and_profiles.json), not of your own posts. Pick {_FACEBOOK_FILE} "
                "(or your_posts__check_ins__photos_and_videos_1.json) from the same folder, or give the "
                "whole zip."
            )
    name = archive.name if len(files) > 1 else files[0].name
    data, _, assumptions, left_out = _read(name, list(zip(files, lists)), _facebook_post, "timestamp", "data[].post")
    if left_out:
        titles = [e["title"] for e in left_out if isinstance(e.get("title"), str) and e["title"]]
        example = repair_encoding(pd.Series(titles[:1], dtype=str))[0]
        shown = f" (such as '{example.iloc[0]}')" if titles else ""
        one = len(left_out) == 1
        assumptions.append(
            f"{len(left_out)} {'entry has' if one else 'entries have'} neither words nor "
            f"anything attached{shown}: {'not a post' if one else 'not posts'}, so left out."
        )
    page = "profile_posts_" in (files[0].member or files[0].file_name)
    return describe(
        assemble(data),
        source=_source(files),
        format="facebook-download",
        platform="Facebook",
        recognised_as=f"Facebook's 'Download your information' of a {'Page' if page else 'profile'}",
        file=archive.name,
        member=_members(files),
        headers={"date": "timestamp", "text": "data[].post"},
        ignored=[
            k for k in _keys([e for entries in lists for e in entries]) if k not in ("timestamp", "data", "attachments")
        ],
        assumptions=assumptions,
        missing=_suite("Facebook Page"),
    )


# --- Instagram -------------------------------------------------------------------------------------


def _is_instagram_post(entry: object) -> bool:
    try:
        first = _media(entry)[0] if isinstance(entry, dict) else {}
    except _NotAPost:
        return False
    return "creation_timestamp" in first or "uri" in first


def _recognise_instagram(found: Found) -> bool:
    if found.kind == "zip":
        names = found.archive_names
        if _any(names, _INSTAGRAM_POSTS):
            return True
        # a download without posts (read() says so), unless it holds Threads posts: the Threads reader's
        return _any(names, _INSTAGRAM_FOLDER) and not _any(names, _THREADS_POSTS)
    doc = _json(found)
    if isinstance(doc, dict):
        return isinstance(doc.get("ig_reels_media"), list) or isinstance(doc.get("ig_stories"), list)
    return isinstance(doc, list) and any(_is_instagram_post(e) for e in doc[:5])


def _instagram_list(found: Found) -> list:
    """The posts of ``posts_1.json`` (a bare list) or of ``reels.json`` (under ``ig_reels_media``)."""
    doc = _json(found)
    if isinstance(doc, dict) and "ig_stories" in doc:
        raise ImportProblem(
            f"{found.name} is Instagram's list of your stories, not of your posts. Pick "
            "posts_1.json from the same folder, or give the whole zip."
        )
    return _list_in(found, _INSTAGRAM_EXPECTED, "ig_reels_media" if isinstance(doc, dict) else None)


def _read_instagram(found: Found) -> pd.DataFrame:
    archive = found
    notes = []
    if found.kind == "zip":
        names = _names(found)
        members = _parts(names, _INSTAGRAM_POSTS)
        threads = [n for n in names if (m := _THREADS_POSTS.search(n)) and m["ext"] == "json"]
        how = f'read_posts("{found.file_name}", format="threads-download")'
        if not members and threads:
            raise ImportProblem(
                f"{found.name} is an Instagram download with your Threads posts but no "
                f"Instagram posts. Read the Threads posts with {how}."
            )
        if not members:
            raise _html_or_no_posts(found, _INSTAGRAM_POSTS, _INSTAGRAM_EXPECTED, HOW_TO_GET_INSTAGRAM)
        files = [found.open(m) for m in members]
        if threads:
            notes.append(
                f"This download also holds your Threads posts ({threads[0]}): this table has only "
                f"your Instagram posts. Read the Threads ones with {how}."
            )
    else:
        files = [found]
    lists = [_instagram_list(f) for f in files]
    name = archive.name if len(files) > 1 else files[0].name
    data, _, assumptions, _ = _read(name, list(zip(files, lists)), _instagram_post, "creation_timestamp", "title")
    return describe(
        assemble(data),
        source=_source(files),
        format="instagram-download",
        platform="Instagram",
        recognised_as="Instagram's 'Download your information'",
        file=archive.name,
        member=_members(files),
        headers={"date": "creation_timestamp", "text": "title"},
        ignored=[
            k
            for k in _keys([e for entries in lists for e in entries], nested=True)
            if k not in ("media", "title", "creation_timestamp")
        ],
        assumptions=assumptions + notes,
        missing=_suite("Instagram account"),
    )


# --- Threads ---------------------------------------------------------------------------------------


def _recognise_threads(found: Found) -> bool:
    if found.kind == "zip":
        names = found.archive_names  # with Instagram posts, the Instagram reader's (unless asked for)
        return _any(names, _THREADS_POSTS) and not _any(names, _INSTAGRAM_POSTS)
    doc = _json(found)
    return isinstance(doc, dict) and bool(doc) and all(str(k).startswith("text_post_app_") for k in doc)


def _read_threads(found: Found) -> pd.DataFrame:
    archive = found
    if found.kind == "zip":
        members = [n for n in _names(found) if (m := _THREADS_POSTS.search(n)) and m["ext"] == "json"]
        if not members:
            raise _html_or_no_posts(found, _THREADS_POSTS, _THREADS_EXPECTED, HOW_TO_GET_THREADS)
        found = found.open(members[0])
    doc = _json(found)
    if (
        isinstance(doc, dict)
        and doc
        and "text_post_app_text_posts" not in doc
        and all(str(k).startswith("text_post_app_") for k in doc)
    ):
        raise ImportProblem(
            f"{found.name} is another of the Threads files in Meta's download, not your "
            "posts. Pick threads_and_replies.json from the same folder, or give the whole "
            "zip."
        )
    entries = _list_in(found, _THREADS_EXPECTED, "text_post_app_text_posts")
    data, rows, assumptions, _ = _read(found.name, [(found, entries)], _threads_post, "creation_timestamp", "title")
    data["kind"] = pd.Series([r["kind"] for r in rows], dtype=str)
    if not any(r["marked"] for r in rows):
        assumptions.append(
            "The download does not say which items are replies (older Threads downloads do "
            "not): every item was read as a post."
        )
    return describe(
        assemble(data),
        source=found.name,
        format="threads-download",
        platform="Threads",
        recognised_as="Threads posts from Meta's 'Download your information'",
        file=archive.name,
        member=found.member,
        headers={"date": "creation_timestamp", "text": "title", "kind": "media[].text_app_post.is_reply"},
        ignored=[
            k for k in _keys(entries, nested=True) if k not in ("media", "title", "creation_timestamp", "text_app_post")
        ],
        assumptions=assumptions,
        missing=_THREADS_MISSING,
    )


FACEBOOK = Reader(
    key="facebook-download",
    platform="Facebook",
    title="your 'Download your information' zip (JSON)",
    how_to_get=HOW_TO_GET_FACEBOOK,
    holds="Every post of your Page (or profile) with its time and words, in as many files as Facebook split it into.",
    lacks="Every count: reactions, comments, shares, reach and views are in Meta Business Suite's content "
    "export instead. No post's address.",
    fields=FACEBOOK_FIELDS,
    sample="facebook_download.zip",
    recognise=_recognise_facebook,
    read=_read_facebook,
)
INSTAGRAM = Reader(
    key="instagram-download",
    platform="Instagram",
    title="your 'Download your information' zip (JSON)",
    how_to_get=HOW_TO_GET_INSTAGRAM,
    holds="Every post and reel with its time and caption (and, in the same zip, your Threads posts).",
    lacks="Every count: likes, comments, shares, saves, reach and views are in Meta Business Suite's content "
    "export instead. No post's address.",
    fields=INSTAGRAM_FIELDS,
    sample="instagram_download.zip",
    recognise=_recognise_instagram,
    read=_read_instagram,
)
THREADS = Reader(
    key="threads-download",
    platform="Threads",
    title="threads_and_replies.json from your Instagram download (JSON)",
    how_to_get=HOW_TO_GET_THREADS,
    holds="Every thread and reply you posted, with its time and words; newer downloads mark the replies.",
    lacks="Every count (likes, replies, reposts, views), and what each reply answered.",
    fields=THREADS_FIELDS,
    sample="threads_and_replies.json",
    recognise=_recognise_threads,
    read=_read_threads,
)
#: The three readers, for :data:`sevencs.yourdata.READERS`.
READERS = (FACEBOOK, INSTAGRAM, THREADS)
