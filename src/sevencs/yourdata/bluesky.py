"""Bluesky: the repository export (``repo.car``) the app saves from Settings > Account > Export my data.

The file is the account's whole repository as ``com.atproto.sync.getRepo`` returns it: a CAR
(version 1) file, as the AT Protocol's repository specification describes it
(https://atproto.com/specs/repository, "CAR File Serialization", "Commit Objects" and "MST
Structure"; Bluesky's guide https://docs.bsky.app/blog/repo-export). It starts with a varint length
and a DAG-CBOR header ``{"version": 1, "roots": [commit]}``, then holds blocks in any order (some
perhaps twice): a varint length, the block's binary CID, its DAG-CBOR bytes. Links between blocks
are CBOR tag 42 over a zero byte and the binary CID. The commit (``did``, ``data``...) points to the
root of a Merkle Search Tree whose nodes ``{l, e: [{p, k, v, t}]}`` list every record by its key,
``collection/record key`` (each key being the previous one's first ``p`` bytes and then ``k``).

What is relied on: the header, the commit's ``did`` and ``data``, the tree, and in each post
(collection ``app.bsky.feed.post``, lexicon in bluesky-social/atproto
``lexicons/app/bsky/feed/post.json``) its ``text`` (plain text), ``createdAt`` and ``reply`` (set
when the post answers another). Likes and reposts are records of their own
(``app.bsky.feed.like``, ``app.bsky.feed.repost``): they are counted and left out, as are follows,
the profile and the rest. Posts' addresses are made from the file's own account and each post's
record key (``https://bsky.app/profile/<did>/post/<record key>``). The export holds no counts at
all: likes, reposts and replies to your posts are records in other people's repositories.

DAG-CBOR is decoded with cbor2 (imported only when a file is read: the browser edition lacks it),
5.9 or later (its ``max_depth``); cbor2 5 and 6 call the tag hook with their arguments in different
orders, and both are handled. Every block read is checked against its SHA-256 CID, and the tree
walk refuses a tree that points back into itself, so a damaged file is refused and never read in
part. Checked on the example (whose writer, :mod:`sevencs.datasets.platforms.bluesky`, reproduces
the atproto interop tests' trees) and on the small real export in the tests of @atcute/car
(mary-ext/atcute).
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable

import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, parse_dates
from sevencs.yourdata.files import Found
from sevencs.yourdata.problem import ImportProblem, cell, first_up, listing, refuse
from sevencs.yourdata.registry import Field, Reader
from sevencs.yourdata.table import assemble, describe

KEY = "bluesky-repo"
HOW_TO_GET = (
    "In the Bluesky app: Settings > Account > Export my data, then Download profile data; the app "
    "saves a file called repo.car"
)
_EXPECTED = (
    "Expected the repo.car file the Bluesky app saves from Settings > Account > Export my data (Download profile data)."
)
_AGAIN = "Download it again from Settings > Account > Export my data, and give the new repo.car."
POSTS = "app.bsky.feed.post"
#: records of things you did to other people's posts: counted, not read as posts of yours
_GIVEN = {"app.bsky.feed.like": ("like", "likes"), "app.bsky.feed.repost": ("repost", "reposts")}
_DAG_CBOR, _SHA2_256 = 0x71, 0x12
#: no record nests anywhere near this deep; cbor2 refuses deeper data rather than recurse into it
_MAX_DEPTH = 64
#: a key's layer is half its hash's leading zero bits (at most 128), so no tree has more layers
_MAX_LAYERS = 129

FIELDS: tuple[Field, ...] = (
    Field("app.bsky.feed.post", "", "The collection of your posts and replies: one record each."),
    Field(
        "record key (rkey)",
        "post_id",
        "The post's key in your repository (a TID, 13 characters); it ends the post's address.",
    ),
    Field("createdAt", "date", "When the app you posted with says the post was made (read as UTC)."),
    Field("text", "text", "The post's words, as plain text (links shortened as the app shows them)."),
    Field(
        "reply",
        "kind",
        "Set when the post answers another post (the second and later posts of a "
        "thread of your own too): kind 'reply', else 'post'.",
    ),
    Field(
        "did",
        "url",
        "Your account's identifier, from the file's commit; with the record key it makes "
        "the post's address on bsky.app.",
    ),
    Field(
        "app.bsky.feed.like, app.bsky.feed.repost",
        "",
        "Your likes and reposts of other people's posts: separate records, counted and left out.",
    ),
)


_IN_APP = "they live in other people's repositories, not yours; the Bluesky app shows them under each post"
#: for each course measure the export lacks, why, and where to see it (the audit repeats it)
MISSING = {
    "likes": f"no Bluesky export has like counts: {_IN_APP}",
    "shares": f"no Bluesky export has repost or quote counts: {_IN_APP}",
    "comments": f"no Bluesky export has reply counts: {_IN_APP}",
    "reach": "Bluesky does not count reach or impressions",
    "impressions": "Bluesky does not count reach or impressions",
    "followers": "no Bluesky export has your follower count per post (it lists whom you follow, not who "
    "follows you); your profile in the app shows today's count",
}


class _Damaged(Exception):
    """The bytes are not a whole CAR file; the message completes "The file ..."."""


class _Link(bytes):
    """A link to another block: its binary CID (DAG-CBOR's tag 42, without the leading zero byte)."""


def _decoder(name: str) -> Callable[[bytes], object]:
    """cbor2's decoding of one block, links as :class:`_Link` (a problem saying what to install without
    cbor2)."""
    try:
        import cbor2
    except ImportError:
        raise ImportProblem(
            f"{name} is a Bluesky repository export (a CAR file), and reading it needs the package cbor2, "
            "which this Python does not have. Reading a Bluesky export needs the desktop course: install the "
            "course on your own computer (it comes with cbor2), or run: pip install cbor2"
        ) from None

    def tag_hook(first: object, second: object) -> object:
        # cbor2 5 calls this with (decoder, tag), cbor2 6 with (tag, immutable)
        tag = first if isinstance(first, cbor2.CBORTag) else second
        if not isinstance(tag, cbor2.CBORTag):
            return tag
        if tag.tag == 42 and isinstance(tag.value, bytes) and tag.value[:1] == b"\x00":
            return _Link(tag.value[1:])
        return tag

    def decode(data: bytes) -> object:
        try:
            return cbor2.loads(data, tag_hook=tag_hook, max_depth=_MAX_DEPTH)
        except Exception:
            raise _Damaged("has a block that cannot be decoded") from None

    return decode


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """The unsigned varint (LEB128, at most 9 bytes) at ``pos``, and the position after it."""
    value = 0
    for shift in range(0, 63, 7):
        if pos >= len(data):
            raise _Damaged("ends in the middle of a block")
        value |= (data[pos] & 0x7F) << shift
        pos += 1
        if data[pos - 1] < 0x80:
            return value, pos
    raise _Damaged("has a block whose length cannot be read")


def _cid(data: bytes, pos: int = 0) -> tuple[int, int, bytes, int]:
    """The binary CID at ``pos``: its codec, its hash function, the hash, and the position after it."""
    version, pos = _varint(data, pos)
    codec, pos = _varint(data, pos)
    hashed, pos = _varint(data, pos)
    size, pos = _varint(data, pos)
    if version != 1 or pos + size > len(data):
        raise _Damaged("has a block whose identifier (CID) cannot be read")
    return codec, hashed, data[pos : pos + size], pos + size


def _header(data: bytes, decode: Callable[[bytes], object]) -> tuple[_Link, int]:
    """The first root of a CAR file's header (the commit), and where the blocks start."""
    size, pos = _varint(data, 0)
    if pos + size > len(data):
        raise _Damaged("ends in the middle of its header")
    header = decode(data[pos : pos + size])
    if not isinstance(header, dict):
        raise _Damaged("has a header that is not a CAR (version 1) header")
    roots = header.get("roots")
    if header.get("version") != 1 or not (isinstance(roots, list) and roots and isinstance(roots[0], _Link)):
        raise _Damaged("has a header that is not a CAR (version 1) header with a root")
    return roots[0], pos + size


def _blocks(data: bytes, pos: int) -> dict[bytes, bytes]:
    """Every block from ``pos`` on: binary CID → bytes (a block given twice is read once)."""
    blocks: dict[bytes, bytes] = {}
    while pos < len(data):
        size, pos = _varint(data, pos)
        end = pos + size
        if end > len(data):
            raise _Damaged("ends in the middle of a block")
        *_, start = _cid(data, pos)
        if start > end:
            raise _Damaged("has a block shorter than its own identifier (CID)")
        blocks.setdefault(data[pos:start], data[start:end])
        pos = end
    return blocks


class _Repository:
    """The blocks of a CAR file, each decoded when it is asked for, after its hash is checked."""

    def __init__(self, blocks: dict[bytes, bytes], decode: Callable[[bytes], object]) -> None:
        self.blocks = blocks
        self.decode = decode

    def get(self, link: object, what: str) -> object:
        if not isinstance(link, _Link):
            raise _Damaged(f"has {what} where a link was expected")
        if link not in self.blocks:
            raise _Damaged(f"lacks {what}")
        codec, hashed, digest, _ = _cid(link)
        data = self.blocks[link]
        if hashed == _SHA2_256 and hashlib.sha256(data).digest() != digest:
            raise _Damaged(f"has {what} whose bytes do not match its identifier (they were changed or damaged)")
        if codec != _DAG_CBOR:
            raise _Damaged(f"has {what} that is not DAG-CBOR data")
        return self.decode(data)

    def records(self, root: object) -> list[tuple[str, _Link]]:
        """Every record's key and link, in key order, from the tree (MST) whose root is ``root``."""
        found: list[tuple[str, _Link]] = []
        seen: set[object] = set()

        def visit(link: object, layers: int) -> None:
            if layers == 0:
                raise _Damaged("has a tree of records deeper than any repository's")
            node = self.get(link, "part of the tree that lists your records")
            if link in seen:
                raise _Damaged("has a tree of records that points back into itself")
            seen.add(link)
            entries = node.get("e") if isinstance(node, dict) else None
            if not isinstance(node, dict) or not isinstance(entries, list):
                raise _Damaged("has a part of its tree of records that is not shaped like one")
            if node.get("l") is not None:
                visit(node["l"], layers - 1)
            key = b""
            for entry in entries:
                shared = entry.get("p") if isinstance(entry, dict) else None
                rest = entry.get("k") if isinstance(entry, dict) else None
                if not (
                    isinstance(shared, int)
                    and 0 <= shared <= len(key)
                    and isinstance(rest, bytes)
                    and isinstance(entry.get("v"), _Link)
                ):
                    raise _Damaged("has an entry in its tree of records that is not shaped like one")
                key = key[:shared] + rest
                found.append((key.decode("utf-8", errors="replace"), entry["v"]))
                if entry.get("t") is not None:
                    visit(entry["t"], layers - 1)

        visit(root, _MAX_LAYERS)
        keys = [key for key, _ in found]
        if any(one >= after for one, after in itertools.pairwise(keys)):  # an in-order walk gives sorted keys
            raise _Damaged("has a tree that lists its records out of order, or one of them twice")
        return found


def _recognise(found: Found) -> bool:
    if found.kind != "car":
        return False
    try:
        decode = _decoder(found.name)
    except ImportProblem:
        return True  # read() says that reading it needs cbor2
    try:
        _header(found.data, decode)
    except _Damaged:
        return False
    return True


def _other_records(counts: Counter) -> str:
    """ "12 likes, 1 repost and 3 app.bsky.graph.follow records", for a message."""
    parts = []
    for collection, n in counts.most_common():
        one, many = _GIVEN.get(collection, (f"{collection} record", f"{collection} records"))
        parts.append(f"{n:,} {one if n == 1 else many}")
    if len(parts) < 2:
        return parts[0] if parts else "nothing"
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def read(found: Found) -> pd.DataFrame:
    """Your posts and replies from a Bluesky repository export (``repo.car``)."""
    name = found.name
    decode = _decoder(name)
    try:
        root, start = _header(found.data, decode)
    except _Damaged as damage:
        raise ImportProblem(f"{name} is not a CAR file the course can read: it {damage}. {_EXPECTED}") from None
    try:
        repository = _Repository(_blocks(found.data, start), decode)
        if _cid(root)[0] != _DAG_CBOR:
            raise ImportProblem(
                f"{name} is a CAR file, but not a Bluesky repository: its root is not a "
                f"repository's commit. {_EXPECTED}"
            )
        commit = repository.get(root, "the commit its header points to (your repository as it is now)")
        account = commit.get("did") if isinstance(commit, dict) else None
        if not (
            isinstance(commit, dict)
            and isinstance(account, str)
            and account.startswith("did:")
            and isinstance(commit.get("data"), _Link)
        ):
            raise ImportProblem(
                f"{name} is a CAR file, but not a Bluesky repository: its root is not a "
                f"repository's commit (with 'did' and 'data'). {_EXPECTED}"
            )
        keyed = repository.records(commit["data"])
        counts = Counter(key.split("/", 1)[0] for key, _ in keyed)
        posts = [
            (key.split("/", 1)[1], repository.get(link, f"the post {key}"))
            for key, link in keyed
            if key.startswith(POSTS + "/")
        ]
    except _Damaged as damage:
        raise ImportProblem(f"{name} is damaged: it {damage}, so nothing was loaded. {_AGAIN}") from None

    if not posts:
        raise ImportProblem(
            f"{name} is a Bluesky repository with no posts in it: it holds {_other_records(counts)}. If "
            "this account has never posted, there is nothing to audit; otherwise check that it is the export "
            f"of the right account. {_EXPECTED}"
        )
    not_records = [rkey for rkey, record in posts if not isinstance(record, dict)]
    records = [(rkey, record) for rkey, record in posts if isinstance(record, dict)]
    created = pd.Series([r["createdAt"] if isinstance(r.get("createdAt"), str) else "" for _, r in records], dtype=str)
    dates = parse_dates(created)
    undated = [
        f"{records[k][0]} ({cell(created.iloc[k]) if created.iloc[k] else 'missing'})"
        for k in sorted(dates.unreadable + dates.out_of_range)
    ]
    problems = []
    if not_records:
        verb = "is" if len(not_records) == 1 else "are"
        problems.append(
            f"{first_up(listing(not_records, 'post'))} {verb} not a record (a map of fields) but some other value."
        )
    if undated:
        problems.append(
            f"{first_up(listing(undated, 'post'))} {'has' if len(undated) == 1 else 'have'} no "
            "'createdAt' time that can be read (expected a time like 2025-11-01T08:05:00.000Z, "
            f"between {EARLIEST.year} and {LATEST.year - 1})."
        )
    refuse(name, problems, f"A repository the Bluesky app exports has neither problem. {_AGAIN}")

    rkeys = [rkey for rkey, _ in records]
    frame = assemble(
        {
            "post_id": rkeys,
            "date": dates.values,
            "text": [r["text"] if isinstance(r.get("text"), str) else "" for _, r in records],
            "kind": ["reply" if r.get("reply") else "post" for _, r in records],
            "url": [f"https://bsky.app/profile/{account}/post/{rkey}" for rkey in rkeys],
        }
    )
    others = {c: n for c, n in counts.items() if c != POSTS}
    frame.attrs["skipped_records"] = others
    assumptions = list(dates.assumptions)
    given = Counter({c: n for c, n in others.items() if c in _GIVEN})
    if given:
        assumptions.append(
            f"Left out {_other_records(given)} you gave: Bluesky keeps each as a record of "
            "its own, pointing to someone else's post, not as a post of yours."
        )
    used = {"$type", "text", "createdAt", "reply"}
    ignored = sorted({k for _, r in records for k in r if isinstance(k, str)} - used)
    return describe(
        frame,
        source=name,
        format=KEY,
        platform="Bluesky",
        recognised_as="a Bluesky repository export",
        file=found.archive or name,
        member=found.member,
        headers={
            "post_id": "record key",
            "date": "createdAt",
            "text": "text",
            "kind": "reply",
            "url": "did and record key",
        },
        ignored=ignored,
        assumptions=assumptions,
        missing=MISSING,
    )


READER = Reader(
    key=KEY,
    platform="Bluesky",
    title="your repository export (repo.car)",
    how_to_get=HOW_TO_GET,
    holds="Every post and reply you wrote, with its time, words and address; also your likes, reposts and "
    "follows of others, which the course counts and leaves out.",
    lacks="Any counts: likes, reposts and replies to your posts live in other people's repositories, so no "
    "export has them (the app shows them). No images, only references to them.",
    fields=FIELDS,
    sample="bluesky_repo.car",
    recognise=_recognise,
    read=read,
    help_url="https://docs.bsky.app/blog/repo-export",
    help_title="Download and Parse Repository Exports, Bluesky documentation",
    in_browser=False,
)
