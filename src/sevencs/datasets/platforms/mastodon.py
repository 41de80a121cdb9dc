"""Mastodon: the account archive (``mastodon_archive.zip``) and its ``outbox.json``.

Field names and layout as Mastodon's archive writer produces them (mastodon/mastodon:
``app/services/backup_service.rb``, ``ActivityPub::CreateNoteSerializer``,
``ActivityPub::NoteSerializer``): the zip holds ``outbox.json``, ``likes.json``,
``bookmarks.json`` and ``actor.json`` at its top level. The outbox is an
``OrderedCollection`` (``id`` "outbox.json", ``totalItems``, ``orderedItems``) of
``Create`` activities, whose object is a ``Note`` with ``content`` (HTML),
``inReplyTo``, ``url``, ``published`` and, since Mastodon 4.3 (pull request #32007),
``likes`` and ``shares`` collections with ``totalItems`` (favourites and boosts), and
``Announce`` activities (boosts), whose object is only the boosted post's address.
Items carry no ``@context`` of their own. ``likes.json`` and ``bookmarks.json`` list
the addresses of posts the account liked or bookmarked (no ``totalItems`` since 4.2).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from sevencs.datasets import NURSERY, load_comments
from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import SITE, write_bytes, zip_bytes

FILES = ("outbox.json", "mastodon_archive.zip")
SERVER = "https://social.example"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
CONTEXT = [
    "https://www.w3.org/ns/activitystreams",
    {
        "ostatus": "http://ostatus.org#",
        "atomUri": "ostatus:atomUri",
        "sensitive": "as:sensitive",
        "toot": "http://joinmastodon.org/ns#",
        "Hashtag": "as:Hashtag",
    },
]

# Short replies the nursery sends to people on Mastodon (written for these examples).
REPLIES = (
    "Thank you! Tea & cake are on us when you come to collect them.",
    "Yes, we open at 9 on Saturday. The seed potatoes are by the till.",
    "So glad it rooted. Keep it out of full sun for a couple of weeks.",
    "Good question: water in the morning, never in the midday heat.",
)


def _escape(text: str) -> str:
    """Text as Mastodon writes it inside HTML: &, <, > and quotes as entities (apostrophe as &#39;)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def _status_id(moment: dt.datetime, draw: Draw) -> str:
    """A Mastodon-style status id: milliseconds since 1970 shifted left 16 bits, plus a random tail."""
    millis = int(moment.replace(tzinfo=dt.UTC).timestamp() * 1000)
    return str((millis << 16) + draw.integer(0, 65535))


def _published(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _link_html(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return (
        f'<a href="{url}" target="_blank" rel="nofollow noopener" translate="no">'
        f'<span class="invisible">{scheme}://</span><span class="">{rest}</span>'
        '<span class="invisible"></span></a>'
    )


def _post_html(post: dict) -> str:
    words = _escape(post["text"])
    extra = ""
    if post["type"] == "how-to":
        # How-to posts link to the guide on the nursery's own (made-up) site: "How to plant garlic: ..."
        topic = re.match(r"How to ([^:]+):", post["text"])
        slug = re.sub(r"[^a-z0-9]+", "-", topic.group(1).lower()).strip("-") if topic else "guides"
        extra = f" The whole guide: {_link_html(f'{SITE}/guides/{slug}')}"
    tag = {"how-to": "gardening", "question": "askagardener", "story": "shoplocal", "promotional": "gardencentre"}[
        post["type"]
    ]
    hashtag = f'<a href="{SERVER}/tags/{tag}" class="mention hashtag" rel="tag">#<span>{tag}</span></a>'
    return f"<p>{words}{extra}</p><p>{hashtag}</p>"


def outbox(posts: list[dict], seed: int) -> dict:
    """The archive's outbox: posts and replies (with their 4.3 counts) and boosts, in time order."""
    draw = Draw(seed + 42)
    actor = f"{SERVER}/users/{NURSERY}"
    people = sorted(set(load_comments()["author"]) - {NURSERY})
    notes = posts[:24]

    def note_activity(
        moment: dt.datetime, content: str, reply_to: str | None, tags: list[dict], likes: int, boosts: int
    ) -> dict:
        sid = _status_id(moment, draw)
        uri = f"{actor}/statuses/{sid}"
        return {
            "id": f"{uri}/activity",
            "type": "Create",
            "actor": actor,
            "published": _published(moment),
            "to": [PUBLIC],
            "cc": [f"{actor}/followers"],
            "object": {
                "id": uri,
                "type": "Note",
                "summary": None,
                "inReplyTo": reply_to,
                "published": _published(moment),
                "url": f"{SERVER}/@{NURSERY}/{sid}",
                "attributedTo": actor,
                "to": [PUBLIC],
                "cc": [f"{actor}/followers"],
                "sensitive": False,
                "content": content,
                "contentMap": {"en": content},
                "attachment": [],
                "tag": tags,
                "replies": {
                    "id": f"{uri}/replies",
                    "type": "Collection",
                    "first": {
                        "type": "CollectionPage",
                        "next": f"{uri}/replies?only_other_accounts=true&page=true",
                        "partOf": f"{uri}/replies",
                        "items": [],
                    },
                },
                "likes": {"id": f"{uri}/likes", "type": "Collection", "totalItems": likes},
                "shares": {"id": f"{uri}/shares", "type": "Collection", "totalItems": boosts},
            },
        }

    # Mastodon's audience is smaller than the nursery's Facebook page: about a third of the likes.
    items = [
        (p["date"], note_activity(p["date"], _post_html(p), None, [], p["likes"] // 3, p["shares"] // 2)) for p in notes
    ]
    for number, words in enumerate(REPLIES):
        base = notes[2 + 5 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(hours=draw.integer(1, 20), minutes=draw.integer(0, 59))
        their_status = f"{SERVER}/users/{person}/statuses/{_status_id(moment - dt.timedelta(minutes=30), draw)}"
        mention = (
            f'<span class="h-card" translate="no"><a href="{SERVER}/@{person}" class="u-url mention">'
            f"@<span>{person}</span></a></span>"
        )
        tags = [{"type": "Mention", "href": f"{SERVER}/users/{person}", "name": f"@{person}"}]
        items.append(
            (
                moment,
                note_activity(moment, f"<p>{mention} {_escape(words)}</p>", their_status, tags, draw.integer(0, 3), 0),
            )
        )
    for number in range(3):
        base = notes[4 + 7 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(days=1, hours=draw.integer(0, 8))
        sid = _status_id(moment, draw)
        items.append(
            (
                moment,
                {
                    "id": f"{actor}/statuses/{sid}/activity",
                    "type": "Announce",
                    "actor": actor,
                    "published": _published(moment),
                    "to": [PUBLIC],
                    "cc": [f"{SERVER}/users/{person}", f"{actor}/followers"],
                    "object": f"{SERVER}/users/{person}/statuses/{_status_id(moment - dt.timedelta(hours=3), draw)}",
                },
            )
        )
    items.sort(key=lambda pair: pair[0])
    return {
        "@context": CONTEXT,
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": len(items),
        "orderedItems": [item for _, item in items],
    }


def _json(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def write(directory: Path, posts: list[dict], seed: int) -> None:
    box = _json(outbox(posts, seed))
    write_bytes(directory / "outbox.json", box)
    actor = f"{SERVER}/users/{NURSERY}"
    profile = {
        "@context": CONTEXT,
        "id": actor,
        "type": "Person",
        "preferredUsername": NURSERY,
        "name": "Fernleaf Nursery",
        "summary": "<p>A small garden nursery. Plants, seeds and advice.</p>",
        "url": f"{SERVER}/@{NURSERY}",
        "outbox": "outbox.json",
        "likes": "likes.json",
        "bookmarks": "bookmarks.json",
    }
    liked = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "likes.json",
        "type": "OrderedCollection",
        "orderedItems": [f"{SERVER}/users/market_organiser/statuses/115100000000000001"],
    }
    marked = {
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "bookmarks.json",
        "type": "OrderedCollection",
        "orderedItems": [],
    }
    write_bytes(
        directory / "mastodon_archive.zip",
        zip_bytes(
            {
                "outbox.json": box,
                "likes.json": _json(liked),
                "bookmarks.json": _json(marked),
                "actor.json": _json(profile),
            }
        ),
    )
