"""Example files for "bring your own data", made from Fernleaf Nursery's sample posts.

Three small files, one per format :mod:`sevencs.imports` reads, so a learner
can try the loaders (and the audit) before using their own export:

- ``posts.csv``: the course's own CSV format, three dozen of the nursery's
  posts with every column;
- ``analytics_export.csv``: the same posts as an analytics export might
  write them: other headers ("Publish time", "Reactions", "Post type",
  "Description", "Permalink"), newest first, US-style dates (month first),
  a byte-order mark, columns the course does not use, blank cells where
  nobody shared, and a thousands comma in the larger numbers;
- ``outbox.json``: a small Mastodon outbox (ActivityStreams): posts, replies
  to other accounts, and boosts, with HTML content holding links, a hashtag,
  a mention and character entities.

Everything is synthetic and made here with a seeded draw (the generator's
:class:`~sevencs.datasets.generate.Draw`), so rebuilding gives the same bytes;
a test checks the shipped files against a fresh build::

    python -m sevencs.datasets.examples

All addresses use the reserved ``.example`` domain: none points to a real site.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

from sevencs.datasets import NURSERY, load_comments, load_posts
from sevencs.datasets.generate import SEED, Draw

EXAMPLES_DIR = Path(__file__).parent / "data" / "examples"
EXAMPLE_FILES = ("posts.csv", "analytics_export.csv", "outbox.json")

#: How many of the nursery's posts the examples use.
SIZE = 36

SERVER = "https://social.example"
SITE = "https://fernleaf.example"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"

# Short replies the nursery sends to people on Mastodon (written for these examples).
REPLIES = (
    "Thank you! Tea & cake are on us when you come to collect them.",
    "Yes, we open at 9 on Saturday. The seed potatoes are by the till.",
    "So glad it rooted. Keep it out of full sun for a couple of weeks.",
    "Good question: water in the morning, never in the midday heat.",
)



def _chosen(seed: int) -> list[dict]:
    """``SIZE`` of the sample posts, drawn with the seed and kept in date order."""
    posts = load_posts()
    draw = Draw(seed + 40)
    picked = sorted(draw.sample(list(range(len(posts))), SIZE))
    rows = []
    for index in picked:
        row = posts.iloc[index].to_dict()
        row["date"] = row["date"].to_pydatetime()
        rows.append(row)
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list], encoding: str = "utf-8") -> None:
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def posts_csv(path: Path, posts: list[dict]) -> None:
    """The course's CSV format: the sample posts' columns and values, dates as 2025-11-01 08:05:00."""
    header = ["post_id", "date", "type", "text", "reach", "likes", "comments", "shares", "followers", "impressions"]
    rows = [[p["post_id"], p["date"].strftime("%Y-%m-%d %H:%M:%S"), *(p[c] for c in header[2:])] for p in posts]
    _write_csv(path, header, rows)


def _thousands(n: int) -> str:
    return f"{n:,}"


def analytics_export_csv(path: Path, posts: list[dict], seed: int = SEED) -> None:
    """The same posts as an analytics export: its own headers, newest first, month-first dates.

    "Date" holds the reporting period ("Lifetime"), as some exports do, next
    to "Publish time", the moment the post went out: the reader must prefer
    the second. "Title" is empty and "Description" holds the words. Blank
    "Shares" cells mean nobody shared.
    """
    draw = Draw(seed + 41)
    page_id = "100" + "".join(str(draw.integer(0, 9)) for _ in range(12))
    header = ["Post ID", "Page ID", "Page name", "Title", "Description", "Publish time", "Permalink",
              "Post type", "Date", "Reach", "Impressions", "Reactions, Comments and Shares",
              "Reactions", "Comments", "Shares"]
    rows = []
    for p in sorted(posts, key=lambda p: p["date"], reverse=True):
        post_number = "".join(str(draw.integer(0, 9)) for _ in range(15))
        rows.append([
            f"{page_id}_{post_number}", page_id, "Fernleaf Nursery", "", p["text"],
            p["date"].strftime("%m/%d/%Y %H:%M"), f"{SITE}/posts/{post_number}", p["type"].capitalize(),
            "Lifetime", _thousands(p["reach"]), _thousands(p["impressions"]),
            p["likes"] + p["comments"] + p["shares"], p["likes"], p["comments"], p["shares"] or "",
        ])
    _write_csv(path, header, rows, encoding="utf-8-sig")


def _escape(text: str) -> str:
    """Text as Mastodon writes it inside HTML: &, <, > and quotes as entities (apostrophe as &#39;)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def _status_id(moment: dt.datetime, draw: Draw) -> str:
    """A Mastodon-style status id: milliseconds since 1970 shifted left 16 bits, plus a random tail."""
    millis = int(moment.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    return str((millis << 16) + draw.integer(0, 65535))


def _published(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _link_html(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return (f'<a href="{url}" target="_blank" rel="nofollow noopener" translate="no">'
            f'<span class="invisible">{scheme}://</span><span class="">{rest}</span>'
            '<span class="invisible"></span></a>')


def _post_html(post: dict) -> str:
    words = _escape(post["text"])
    extra = ""
    if post["type"] == "how-to":
        # How-to posts link to the guide on the nursery's own (made-up) site: "How to plant garlic: ..."
        topic = re.match(r"How to ([^:]+):", post["text"])
        slug = re.sub(r"[^a-z0-9]+", "-", topic.group(1).lower()).strip("-") if topic else "guides"
        extra = f" The whole guide: {_link_html(f'{SITE}/guides/{slug}')}"
    tag = {"how-to": "gardening", "question": "askagardener", "story": "shoplocal",
           "promotional": "gardencentre"}[post["type"]]
    hashtag = (f'<a href="{SERVER}/tags/{tag}" class="mention hashtag" rel="tag">#<span>{tag}</span></a>')
    return f"<p>{words}{extra}</p><p>{hashtag}</p>"


def outbox(posts: list[dict], seed: int = SEED) -> dict:
    """A Mastodon archive's outbox: Create activities (posts and replies) and Announce activities (boosts).

    Field names follow Mastodon's archive writer: each item has ``id``,
    ``type``, ``actor``, ``published``, ``to``, ``cc`` and ``object``; a post's
    object is a ``Note`` with ``content`` (HTML), ``inReplyTo``, ``url`` and
    ``published``; a boost's object is only the boosted post's address.
    """
    draw = Draw(seed + 42)
    actor = f"{SERVER}/users/{NURSERY}"
    people = sorted(set(load_comments()["author"]) - {NURSERY})
    notes = posts[:24]

    def note_activity(moment: dt.datetime, content: str, reply_to: str | None, tags: list[dict]) -> dict:
        sid = _status_id(moment, draw)
        uri = f"{actor}/statuses/{sid}"
        return {
            "id": f"{uri}/activity", "type": "Create", "actor": actor, "published": _published(moment),
            "to": [PUBLIC], "cc": [f"{actor}/followers"],
            "object": {
                "id": uri, "type": "Note", "summary": None, "inReplyTo": reply_to,
                "published": _published(moment), "url": f"{SERVER}/@{NURSERY}/{sid}", "attributedTo": actor,
                "to": [PUBLIC], "cc": [f"{actor}/followers"], "sensitive": False,
                "content": content, "contentMap": {"en": content}, "attachment": [], "tag": tags,
            },
        }

    items = [(p["date"], note_activity(p["date"], _post_html(p), None, [])) for p in notes]
    for number, words in enumerate(REPLIES):
        base = notes[2 + 5 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(hours=draw.integer(1, 20), minutes=draw.integer(0, 59))
        their_status = f"{SERVER}/users/{person}/statuses/{_status_id(moment - dt.timedelta(minutes=30), draw)}"
        mention = (f'<span class="h-card" translate="no"><a href="{SERVER}/@{person}" class="u-url mention">'
                   f'@<span>{person}</span></a></span>')
        tags = [{"type": "Mention", "href": f"{SERVER}/users/{person}", "name": f"@{person}"}]
        items.append((moment, note_activity(moment, f"<p>{mention} {_escape(words)}</p>", their_status, tags)))
    for number in range(3):
        base = notes[4 + 7 * number]
        person = draw.pick(people)
        moment = base["date"] + dt.timedelta(days=1, hours=draw.integer(0, 8))
        sid = _status_id(moment, draw)
        items.append((moment, {
            "id": f"{actor}/statuses/{sid}/activity", "type": "Announce", "actor": actor,
            "published": _published(moment), "to": [PUBLIC], "cc": [f"{SERVER}/users/{person}", f"{actor}/followers"],
            "object": f"{SERVER}/users/{person}/statuses/{_status_id(moment - dt.timedelta(hours=3), draw)}",
        }))
    items.sort(key=lambda pair: pair[0])
    return {
        "@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection",
        "totalItems": len(items), "orderedItems": [item for _, item in items],
    }


def write_examples(directory: Path = EXAMPLES_DIR, seed: int = SEED) -> list[Path]:
    """Write the three example files into ``directory`` and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    posts = _chosen(seed)
    posts_csv(directory / "posts.csv", posts)
    analytics_export_csv(directory / "analytics_export.csv", posts, seed)
    (directory / "outbox.json").write_text(
        json.dumps(outbox(posts, seed), indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n"
    )
    return [directory / name for name in EXAMPLE_FILES]


if __name__ == "__main__":
    for written in write_examples():
        print(f"wrote {written}")
