"""Mastodon: the account archive (a zip, or a .tar.gz from before Mastodon 4.2) or its ``outbox.json``.

The outbox is an ActivityStreams ``OrderedCollection`` whose ``orderedItems`` are
``Create`` activities (your posts and replies, text in ``object.content`` as HTML)
and ``Announce`` activities (your boosts of other people's posts, whose ``object``
is only a link), each with a ``published`` time. Since Mastodon 4.3 every post of
your own carries ``likes.totalItems`` (favourites) and ``shares.totalItems``
(boosts by others). Field names as Mastodon's archive writer produces them:
``app/services/backup_service.rb`` with ``ActivityPub::CreateNoteSerializer`` and
``ActivityPub::NoteSerializer`` (mastodon/mastodon; the counts since release 4.3.0,
pull request #32007). The zip holds ``outbox.json`` at its top level, with
``actor.json``, ``likes.json`` and ``bookmarks.json`` beside it.
"""

from __future__ import annotations

import io
import tarfile
from collections.abc import Sequence

import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, parse_dates
from sevencs.yourdata.files import MAX_BYTES, Found, size_text, too_large
from sevencs.yourdata.problem import ImportProblem, cell, first_up, listing, refuse
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import ColumnValues, assemble, describe
from sevencs.yourdata.text import html_to_text

HOW_TO_GET = (
    "In Mastodon's web interface: Preferences > Import and export > Request your archive; "
    "when it is ready, download the zip (give the zip itself, or outbox.json from inside it)"
)
_EXPECTED = (
    "Expected the outbox.json of a Mastodon account archive (or the archive itself): an ActivityStreams "
    "collection with a list called 'orderedItems'. Get it from Preferences > Import and export > Request "
    "your archive."
)

#: The parts of a Mastodon ``outbox.json`` the reader uses, and what each becomes.
FIELDS: tuple[Field, ...] = (
    Field("orderedItems", "", "The list of everything you posted; one activity per item."),
    Field("type: Create", "kind", "A post you wrote: kind 'post', or 'reply' when object.inReplyTo is set."),
    Field(
        "type: Announce", "kind", "A boost of someone else's post: kind 'boost', no text (the object is only a link)."
    ),
    Field("published", "date", "When it was posted (UTC)."),
    Field("object.content", "text", "The post as HTML (tags removed, link words kept)."),
    Field("object.url", "url", "The post's web address (for a boost: the boosted post's address)."),
    Field(
        "object.likes.totalItems",
        "likes",
        "Favourites the post had when the archive was made (Mastodon 4.3 and later).",
    ),
    Field(
        "object.shares.totalItems",
        "shares",
        "Boosts by others the post had when the archive was made (Mastodon 4.3 and later).",
    ),
)


def _members(names: Sequence[str]) -> list[str]:
    """The outbox of an archive: ``outbox.json`` at the top (or in the one folder it was unpacked to)."""
    found = [n for n in names if n.rsplit("/", 1)[-1] == "outbox.json"]
    return sorted(found, key=lambda n: n.count("/"))[:1]


_ACTORS = ("Person", "Service", "Group", "Organization", "Application")


def _is_mastodon_json(found: Found) -> bool:
    """An outbox, or another file of the archive (actor.json, likes.json, bookmarks.json), so that
    reading it says which file to pick instead."""
    if not found.looks_like_json:
        return False
    try:
        doc = found.json
    except ImportProblem:
        return found.file_name == "outbox.json"
    if not isinstance(doc, dict):
        return found.file_name == "outbox.json"
    return (
        "orderedItems" in doc
        or doc.get("type") in ("OrderedCollection", *_ACTORS)
        or str(doc.get("id", "")).endswith(("outbox.json", "likes.json", "bookmarks.json"))
    )


def _recognise(found: Found) -> bool:
    if found.kind == "zip":
        return bool(_members(found.archive_names))
    if found.kind == "gzip":
        return True  # a .tar.gz: the archive of Mastodon before 4.2 (read() says if it is not)
    return found.kind == "text" and _is_mastodon_json(found)


def _from_tar(found: Found) -> Found:
    try:
        with tarfile.open(fileobj=io.BytesIO(found.data), mode="r:*") as archive:
            members = [m for m in archive.getmembers() if m.isfile() and m.name.rsplit("/", 1)[-1] == "outbox.json"]
            if not members:
                shown = ", ".join(m.name for m in archive.getmembers()[:5]) or "nothing"
                raise ImportProblem(
                    f"{found.name} is a compressed archive without outbox.json (it holds {shown}). {_EXPECTED}"
                )
            member = members[0]
            if member.size > MAX_BYTES:
                raise too_large(f"{found.name} › {member.name}", size_text(member.size))
            stream = archive.extractfile(member)
            data = stream.read(MAX_BYTES + 1) if stream else b""
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise ImportProblem(
            f"{found.name} is a compressed file (.gz) that could not be unpacked as an "
            f"archive ({type(error).__name__}). {_EXPECTED}"
        ) from None
    return Found(f"{found.name} › {member.name}", data, file_name="outbox.json", archive=found.name, member=member.name)


def _outbox_items(name: str, doc: object) -> list:
    if isinstance(doc, list):
        raise ImportProblem(f"{name} is a JSON list, not a Mastodon outbox. {_EXPECTED}")
    if not isinstance(doc, dict):
        raise ImportProblem(f"{name} holds a single JSON value, not a Mastodon outbox. {_EXPECTED}")
    ident = str(doc.get("id", ""))
    for other in ("likes.json", "bookmarks.json"):
        if ident.endswith(other):
            raise ImportProblem(
                f"{name} is the archive's {other} (links to other people's posts), not your posts. "
                "Pick outbox.json from the same archive, or give the archive itself."
            )
    if doc.get("type") in _ACTORS:
        raise ImportProblem(
            f"{name} is the archive's actor.json (your profile), not your posts. Pick outbox.json "
            "from the same folder, or give the archive itself."
        )
    items = doc.get("orderedItems")
    if items is None and "first" in doc:
        raise ImportProblem(
            f"{name} is an outbox as a server shows it online, with the posts on separate pages that "
            f"the course does not download. {_EXPECTED}"
        )
    if not isinstance(items, list):
        keys = ", ".join(repr(k) for k in list(doc)[:8]) or "nothing"
        raise ImportProblem(f"{name} is JSON but not a Mastodon outbox (its top level has {keys}). {_EXPECTED}")
    return items


def _link(value: object) -> str:
    """A URL from an ActivityStreams url/object field: a string, a Link object, or a list of them."""
    for _ in range(5):  # a list of lists of links is unusual; deeper is not a link at all
        if isinstance(value, list):
            if not value:
                return ""
            value = value[0]
            continue
        if isinstance(value, dict):
            found = value.get("href") or value.get("url") or value.get("id") or ""
            return found if isinstance(found, str) else ""
        return value if isinstance(value, str) else ""
    return ""


def _total(collection: object) -> int | None:
    """``totalItems`` of an inlined collection (likes, shares), when it is a whole number of 0 or more."""
    if isinstance(collection, dict):
        total = collection.get("totalItems")
        if isinstance(total, int) and not isinstance(total, bool) and 0 <= total <= 2**53:
            return total
    return None


def read(found: Found) -> pd.DataFrame:
    """Your posts, replies and boosts from a Mastodon archive or its outbox.json."""
    archive = found
    if found.kind == "zip":
        members = _members(found.archive_names)
        if not members:
            raise ImportProblem(f"{found.name} is a zip archive without outbox.json. {_EXPECTED}")
        found = found.open(members[0])
    elif found.kind == "gzip":
        found = _from_tar(found)
    name = found.name
    try:
        doc = found.json
    except ImportProblem as problem:
        raise ImportProblem(f"{problem} If it is a CSV file, read it with read_posts_csv(). {_EXPECTED}") from None
    items = _outbox_items(name, doc)
    if items and all(isinstance(i, str) for i in items):
        raise ImportProblem(
            f"{name} is a list of links (like likes.json or bookmarks.json), not your posts. Pick "
            "outbox.json from your Mastodon archive."
        )

    rows: list[dict] = []
    published: list[str] = []
    numbers: list[int] = []
    broken: list[str] = []
    skipped = 0
    for number, item in enumerate(items, start=1):
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "Create":
            note = item.get("object")
            if not isinstance(note, dict):
                broken.append(str(number))
                continue
            content = note.get("content")
            if content is None and isinstance(note.get("contentMap"), dict) and note["contentMap"]:
                content = next(iter(note["contentMap"].values()))
            row = {
                "text": html_to_text(content) if isinstance(content, str) else "",
                "kind": "reply" if note.get("inReplyTo") else "post",
                "url": _link(note.get("url")) or _link(note.get("id")),
                "likes": _total(note.get("likes")),
                "shares": _total(note.get("shares")),
            }
            when = item.get("published") or note.get("published")
        elif kind == "Announce":
            target = item.get("object")
            row = {
                "text": "",
                "kind": "boost",
                "likes": None,
                "shares": None,
                "url": _link(target.get("url") or target.get("id")) if isinstance(target, dict) else _link(target),
            }
            when = item.get("published")
        else:
            skipped += 1
            continue
        rows.append(row)
        published.append(when if isinstance(when, str) else "")
        numbers.append(number)

    cells = pd.Series(published, dtype=str)
    dates = parse_dates(cells)
    undated = [
        f"{numbers[k]} ({cell(cells.iloc[k]) if cells.iloc[k] else 'missing'})"
        for k in sorted(dates.unreadable + dates.out_of_range)
    ]
    problems = []
    if broken:
        problems.append(
            f"{first_up(listing(broken, 'item'))} of orderedItems {'is a' if len(broken) == 1 else 'are'} "
            f"'Create' without the post inside it (no 'object')."
        )
    if undated:
        have = "has" if len(undated) == 1 else "have"
        problems.append(
            f"{first_up(listing(undated, 'item'))} of orderedItems {have} no 'published' time "
            "that can be read (expected a time like 2025-11-01T08:05:00Z, "
            f"between {EARLIEST.year} and {LATEST.year - 1})."
        )
    refuse(name, problems, "Was the file edited by hand? A fresh archive from Mastodon has neither problem.")
    if not rows:
        raise ImportProblem(
            f"{name} has no posts or boosts in it ({len(items)} items, none of type 'Create' or "
            f"'Announce'). {_EXPECTED}"
        )
    data: dict[str, ColumnValues] = {c: [r[c] for r in rows] for c in ("text", "kind", "url")}
    data["date"] = dates.values
    headers = {"date": "published", "text": "object.content", "kind": "type", "url": "object.url"}
    own = [r for r in rows if r["kind"] != "boost"]
    for column, field_name in (("likes", "object.likes.totalItems"), ("shares", "object.shares.totalItems")):
        if own and all(r[column] is not None for r in own):  # Mastodon 4.3 and later: every own post has it
            data[column] = pd.array([r[column] for r in rows], dtype="Int64")
            headers[column] = field_name
    frame = assemble(data)
    assumptions = list(dates.assumptions)
    if "likes" in frame.columns:
        assumptions.append(
            "Favourites and boosts are counted as they were when the archive was made; boosts of "
            "other people's posts have none of your own (left empty)."
        )
    frame.attrs["skipped_items"] = skipped
    what = "a Mastodon archive" if archive is not found else "a Mastodon outbox"
    return describe(
        frame,
        source=name,
        format="mastodon",
        platform="Mastodon",
        recognised_as=what,
        file=archive.name,
        member=found.member,
        headers=headers,
        assumptions=assumptions,
        missing={
            "likes": "this archive has no favourite counts: an archive made by Mastodon 4.3 or "
            "later has them (ask for a new archive)",
            "shares": "this archive has no boost counts: an archive made by Mastodon 4.3 or "
            "later has them (ask for a new archive)",
            "comments": "a Mastodon archive holds no reply counts, and no other Mastodon file has them",
            "reach": "Mastodon does not count reach",
        },
    )


READER = Reader(
    key="mastodon",
    platform="Mastodon",
    title="your account archive (a zip holding outbox.json)",
    how_to_get=HOW_TO_GET,
    holds="Every post, reply and boost with its time, text and address; since Mastodon 4.3, the favourites "
    "and boosts each of your posts had when the archive was made.",
    lacks="Reply counts, reach and impressions: Mastodon does not count them for you. Archives from servers "
    "older than 4.3 have no counts at all.",
    fields=FIELDS,
    sample="outbox.json",
    recognise=_recognise,
    read=read,
    help_url="https://docs.joinmastodon.org/user/moving/",
    help_title="Moving or leaving accounts (Exporting your information), Mastodon documentation",
)
