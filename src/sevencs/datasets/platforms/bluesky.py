"""Bluesky: the repository export (``bluesky_repo.car``), as the app saves it from Settings > Account >
Export my data (the app calls ``com.atproto.sync.getRepo`` and saves the answer as ``repo.car``).

The file is a CAR (version 1) file, as the AT Protocol's repository specification describes it
(https://atproto.com/specs/repository: "CAR File Serialization", "Commit Objects", "MST Structure";
data model and links: https://atproto.com/specs/data-model): a varint length and a DAG-CBOR header
``{"version": 1, "roots": [commit]}``, then blocks, each a varint length, a binary CID (version 1,
DAG-CBOR, SHA-256) and the DAG-CBOR data. Links between blocks are CBOR tag 42 over a zero byte and
the binary CID. The commit is ``{did, version: 3, data, rev, prev: null, sig}``; ``data`` is the
root of a Merkle Search Tree whose nodes are ``{l, e: [{p, k, v, t}]}``, keyed
``collection/record key``, a key's layer being the leading zero bits of its SHA-256 halved
(:func:`mst` reproduces the root CIDs of the atproto interop tests' ``firehose/commit-proof-fixtures.json``,
which the tests check). Blocks come in the order Bluesky's reference server writes them
(bluesky-social/atproto ``packages/pds/src/actor-store/repo/sql-repo-reader.ts``: by the revision
that stored them, newest first, then by CID, both descending), so the commit is not necessarily the
first block.

Records as the app writes them (lexicons in bluesky-social/atproto ``lexicons/app/bsky/``): posts
``{$type, text, createdAt, langs, facets?, embed?, reply?}`` (a link in the text shortened the way
the app's ``toShortUrl`` does, the whole address in a facet; a reply's ``root`` and ``parent`` are
``{uri, cid}`` with the CID as text); likes and reposts ``{$type, subject: {uri, cid}, createdAt}``;
follows ``{$type, subject: did, createdAt}``; the profile, at record key ``self``. Record keys are
TIDs (13 base32-sortable characters: microseconds since 1970 and a clock id) made from each
record's time. Images are only referenced (blob links): the export holds no media.

DAG-CBOR is written with cbor2's canonical mode, whose map order (shorter keys first, then
bytewise) is DAG-CBOR's; integers are shortest-form either way, and atproto data has no floats. The
commit's signature is 64 random bytes (a real one is made with the account's key; the course does
not check it). Every identifier is made up: ``did:plc:`` names with "example" in them, links on
``fernleaf.example``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sevencs.datasets import NURSERY, load_comments
from sevencs.datasets.generate import Draw
from sevencs.datasets.platforms import SITE, write_bytes

FILES = ("bluesky_repo.car",)
#: the nursery's account: a did:plc is 24 characters of base32 (a-z, 2-7)
DID = "did:plc:fernleafexample222222222"
DAG_CBOR, RAW, SHA2_256 = 0x71, 0x55, 0x12
_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz"
_EPOCH = dt.datetime(1970, 1, 1)
_POST, _LIKE, _REPOST = "app.bsky.feed.post", "app.bsky.feed.like", "app.bsky.feed.repost"
_FOLLOW, _PROFILE = "app.bsky.graph.follow", "app.bsky.actor.profile"


@dataclass(frozen=True)
class Link:
    """A link to another block (DAG-CBOR's tag 42), by its binary CID."""

    cid: bytes


def dag_cbor(value: object) -> bytes:
    """``value`` as DAG-CBOR: cbor2's canonical CBOR, with every :class:`Link` as tag 42."""
    import cbor2  # here, not at the top: the browser edition has no cbor2, and never writes examples

    def link(encoder, found: object) -> None:
        if not isinstance(found, Link):
            raise TypeError(f"cannot write {type(found).__name__} as DAG-CBOR")
        encoder.encode(cbor2.CBORTag(42, b"\x00" + found.cid))

    return cbor2.dumps(value, canonical=True, default=link)


def cid(block: bytes, codec: int = DAG_CBOR) -> bytes:
    """The binary CID (version 1, SHA-256) of a block."""
    return bytes([1, codec, SHA2_256, 32]) + hashlib.sha256(block).digest()


def cid_text(binary: bytes) -> str:
    """A CID as atproto writes it in text (``bafyrei...``): "b" and lower-case base32, unpadded."""
    return "b" + base64.b32encode(binary).decode("ascii").lower().rstrip("=")


def varint(n: int) -> bytes:
    """An unsigned varint (LEB128), as CAR files write lengths."""
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes(out + bytes([n]))


def tid(moment: dt.datetime, clock: int) -> str:
    """A TID: microseconds since 1970 (UTC) and a 10-bit clock id, in 13 sortable base32 characters."""
    value = (moment - _EPOCH) // dt.timedelta(microseconds=1) << 10 | clock
    return "".join(_SORTABLE[value >> shift & 31] for shift in range(60, -1, -5))


def did(name: str) -> str:
    """A made-up did:plc for one of the sample's people."""
    return "did:plc:" + (name.replace("_", "") + "example").ljust(24, "2")[:24]


def layer(key: bytes) -> int:
    """The tree layer of a key: the leading zero bits of its SHA-256, halved (rounded down)."""
    digest = int.from_bytes(hashlib.sha256(key).digest(), "big")
    return (256 - digest.bit_length()) // 2


#: one record of a repository: its key ("collection/record key"), its value, and the revision (a TID)
#: of the commit that wrote it
Record = tuple[str, object, str]
#: one entry of a tree: its key, the record's CID, the revision that wrote it
Entry = tuple[bytes, bytes, str]
#: blocks by CID: the revision that stored each, and its bytes
Blocks = dict[bytes, tuple[str, bytes]]


def mst(entries: list[Entry], blocks: Blocks) -> bytes:
    """The root CID of the Merkle Search Tree over ``entries``, adding each node to ``blocks``."""
    entries = sorted(entries)
    return _node(entries, max((layer(key) for key, _, _ in entries), default=0), blocks)


def _node(entries: list[Entry], at: int, blocks: Blocks) -> bytes:
    """The node at layer ``at``: the keys of that layer, and the keys around them in subtrees one
    layer down (``l`` before the first key, each entry's ``t`` after it)."""
    left: list[Entry] = []
    groups: list[tuple[bytes, bytes, list[Entry]]] = []
    for entry in entries:
        if layer(entry[0]) == at:
            groups.append((entry[0], entry[1], []))
        else:
            (groups[-1][2] if groups else left).append(entry)
    node: dict = {"l": Link(_node(left, at - 1, blocks)) if left else None, "e": []}
    previous = b""
    for key, value, below in groups:
        shared = len(os.path.commonprefix([key, previous]))  # noqa: RUF071 (keys are bytes: a byte-wise prefix is meant)
        node["e"].append(
            {
                "p": shared,
                "k": key[shared:],
                "v": Link(value),
                "t": Link(_node(below, at - 1, blocks)) if below else None,
            }
        )
        previous = key
    data = dag_cbor(node)
    # a node is rewritten whenever a key below it is written: it was stored by the newest of them
    blocks[cid(data)] = (max((rev for _, _, rev in entries), default=""), data)
    return cid(data)


def car(roots: list[bytes], blocks: list[tuple[bytes, bytes]]) -> bytes:
    """A CAR (version 1) file: the header naming ``roots``, then each block (CID, bytes) framed."""
    header = dag_cbor({"version": 1, "roots": [Link(root) for root in roots]})
    framed = [varint(len(header)), header]
    for binary, data in blocks:
        framed += [varint(len(binary) + len(data)), binary, data]
    return b"".join(framed)


def repository(records: list[Record], account: str = DID, sig: bytes = bytes(64)) -> bytes:
    """The CAR file of a repository holding ``records``, blocks in the reference server's order."""
    blocks: Blocks = {}
    entries = []
    for key, value, rev in records:
        data = dag_cbor(value)
        blocks.setdefault(cid(data), (rev, data))
        entries.append((key.encode("ascii"), cid(data), rev))
    root = mst(entries, blocks)
    rev = max(rev for _, _, rev in records)
    commit = dag_cbor({"did": account, "version": 3, "data": Link(root), "rev": rev, "prev": None, "sig": sig})
    blocks[cid(commit)] = (rev, commit)
    ordered = sorted(blocks.items(), key=lambda item: (item[1][0], cid_text(item[0])), reverse=True)
    return car([cid(commit)], [(binary, data) for binary, (_, data) in ordered])


def _created(moment: dt.datetime) -> str:
    """A time as the app writes ``createdAt`` (JavaScript's toISOString: UTC, milliseconds)."""
    return moment.isoformat(timespec="milliseconds") + "Z"


def _short(address: str) -> str:
    """A link as the app shows it in a post's text (social-app ``toShortUrl``): no scheme, and a path
    longer than 15 characters cut to 13 and "..."."""
    _, rest = address.split("://", 1)
    host, _, path = rest.partition("/")
    path = "/" + path if path else ""
    return host + (path[:13] + "..." if len(path) > 15 else path)


def _facet(text: str, part: str, feature: dict) -> dict:
    """Rich text over ``part`` (at the end of ``text``), indexed in UTF-8 bytes as the lexicon says."""
    start = text.encode("utf-8").rindex(part.encode("utf-8"))
    end = start + len(part.encode("utf-8"))
    return {"$type": "app.bsky.richtext.facet", "index": {"byteStart": start, "byteEnd": end}, "features": [feature]}


def _post_fields(post: dict, draw: Draw) -> dict:
    """A post's text and extras: how-tos link to the guide, questions carry a hashtag, stories a photo."""
    text = post["text"]
    extra: dict[str, object] = {}
    if post["type"] == "how-to":
        topic = re.match(r"How to ([^:]+):", text)
        slug = re.sub(r"[^a-z0-9]+", "-", topic.group(1).lower()).strip("-") if topic else "guides"
        address = f"{SITE}/guides/{slug}"
        text += " " + _short(address)
        extra["facets"] = [_facet(text, _short(address), {"$type": "app.bsky.richtext.facet#link", "uri": address})]
    elif post["type"] == "question":
        text += " #askagardener"
        extra["facets"] = [
            _facet(text, "#askagardener", {"$type": "app.bsky.richtext.facet#tag", "tag": "askagardener"})
        ]
    elif post["type"] == "story":
        photo = cid(f"photo of post {post['post_id']}".encode(), RAW)
        extra["embed"] = {
            "$type": "app.bsky.embed.images",
            "images": [
                {
                    "alt": "A photo from the nursery",
                    "image": {
                        "$type": "blob",
                        "ref": Link(photo),
                        "mimeType": "image/jpeg",
                        "size": draw.integer(150_000, 900_000),
                    },
                    "aspectRatio": {"width": 2000, "height": 1500},
                }
            ],
        }
    return {"text": text, "langs": ["en"], **extra}


def records(posts: list[dict], seed: int) -> list[Record]:
    """The nursery's repository: its posts, its first reply under each post people commented on,
    some likes of those comments, a repost, follows and the profile."""
    draw = Draw(seed + 46)
    app, server = draw.integer(0, 1023), draw.integer(0, 1023)  # clock ids of the app and of the server
    made: list[tuple[str, str, dict, dt.datetime]] = []

    def add(collection: str, moment: dt.datetime, fields: dict, rkey: str | None = None) -> dict:
        moment += dt.timedelta(seconds=draw.integer(0, 59), milliseconds=draw.integer(0, 999))
        key = rkey or tid(moment, app)
        value = {"$type": collection, **fields, "createdAt": _created(moment)}
        made.append((collection, key, value, moment))
        return {"uri": f"at://{DID}/{collection}/{key}", "cid": cid_text(cid(dag_cbor(value)))}

    def their(comment_id: int) -> dict:
        """A strong reference to a comment, which is a post in its author's own repository."""
        row = comments.loc[comment_id]
        author = DID if row["author"] == NURSERY else did(str(row["author"]))
        return {
            "uri": f"at://{author}/{_POST}/{tid(row['date'].to_pydatetime(), 0)}",
            "cid": cid_text(cid(f"{row['author']}: {row['text']}".encode())),
        }

    comments = load_comments().set_index("comment_id", drop=False)
    ours = {p["post_id"] for p in posts}
    people = sorted(set(comments["author"]) - {NURSERY})
    start = posts[0]["date"] - dt.timedelta(days=30)
    profile = {
        "displayName": "Fernleaf Nursery",
        "description": "A small garden nursery on Mill Lane. Plants, seeds and advice.",
    }
    add(_PROFILE, start, profile, "self")
    for person in draw.sample(people, 3):
        add(_FOLLOW, start + dt.timedelta(hours=draw.integer(1, 48)), {"subject": did(person)})
    on_ours = comments[comments["post_id"].isin(list(ours))]
    answers = on_ours[(on_ours["author"] == NURSERY) & on_ours["reply_to"].notna()].drop_duplicates("post_id")
    for post in posts:
        ref = add(_POST, post["date"], _post_fields(post, draw))
        for answer in answers[answers["post_id"] == post["post_id"]].itertuples():
            reply = {"root": ref, "parent": their(int(answer.reply_to))}
            add(_POST, answer.date.to_pydatetime(), {"text": answer.text, "langs": ["en"], "reply": reply})
    for comment_id in draw.sample(sorted(on_ours[on_ours["author"] != NURSERY].index), 6):
        moment = comments.loc[comment_id, "date"].to_pydatetime() + dt.timedelta(minutes=draw.integer(5, 90))
        add(_LIKE, moment, {"subject": their(comment_id)})
    shared = posts[len(posts) // 2]["date"] + dt.timedelta(days=1, hours=3)
    add(
        _REPOST,
        shared,
        {
            "subject": {
                "uri": f"at://{did('market_organiser')}/{_POST}/{tid(shared - dt.timedelta(hours=5), 0)}",
                "cid": cid_text(cid(b"the market organiser's post about the spring plant fair")),
            }
        },
    )
    # each record was written by its own commit, a moment after the app made it
    return [
        (f"{collection}/{key}", value, tid(moment + dt.timedelta(seconds=1), server))
        for collection, key, value, moment in made
    ]


def write(directory: Path, posts: list[dict], seed: int) -> None:
    draw = Draw(seed + 47)
    sig = bytes(draw.integer(0, 255) for _ in range(64))
    write_bytes(directory / "bluesky_repo.car", repository(records(posts, seed), sig=sig))
