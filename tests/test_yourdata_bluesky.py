"""Bluesky's repository export (repo.car): the reader reads the example completely, checked against the
nursery's own posts and replies, and refuses damaged or wrong CAR files in plain words."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import random
import re
import sys

import cbor2
import pandas as pd
import pytest

from sevencs.datasets import NURSERY, load_comments
from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import bluesky as writer
from sevencs.datasets.platforms import nursery_posts
from sevencs.datasets.platforms.bluesky import DID, Link, car, cid, dag_cbor, mst, repository, tid
from sevencs.yourdata import what_was_read
from sevencs.yourdata.bluesky import READER
from sevencs.yourdata.files import Found, open_source
from sevencs.yourdata.problem import ImportProblem

POST = "app.bsky.feed.post"
MOMENT = dt.datetime(2026, 3, 1, 9, 30)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Found:
    directory = tmp_path_factory.mktemp("bluesky")
    writer.write(directory, nursery_posts(SEED), SEED)
    return open_source(directory / writer.FILES[0])


@pytest.fixture(scope="module")
def table(sample) -> pd.DataFrame:
    return READER.read(sample)


def found(data: bytes, name: str = "repo.car") -> Found:
    return Found(name, data, file_name=name)


def problem(data: bytes) -> str:
    with pytest.raises(ImportProblem) as caught:
        READER.read(found(data))
    return str(caught.value)


def cid_of(text: str) -> bytes:
    """A CID written as text (``bafy...``) as binary."""
    body = text[1:].upper()
    return base64.b32decode(body + "=" * (-len(body) % 8))


def frames(data: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """The commit's CID and the blocks (CID, bytes) of a CAR file, split here without the reader's code
    (every CID in these files is 36 bytes)."""

    def varint(pos: int) -> tuple[int, int]:
        value = shift = 0
        while data[pos] & 0x80:
            value |= (data[pos] & 0x7F) << shift
            pos, shift = pos + 1, shift + 7
        return value | data[pos] << shift, pos + 1

    size, pos = varint(0)
    root = cbor2.loads(data[pos : pos + size])["roots"][0].value[1:]
    pos += size
    blocks = []
    while pos < len(data):
        size, pos = varint(pos)
        blocks.append((data[pos : pos + 36], data[pos + 36 : pos + size]))
        pos += size
    return root, blocks


def post(text: str = "Seed potatoes are in.", moment: dt.datetime = MOMENT, **extra) -> tuple[str, dict, str]:
    """One post as a record of :func:`repository`: its key, its value and the revision that wrote it."""
    key = tid(moment, 7)
    value = {"$type": POST, "text": text, "createdAt": moment.isoformat() + ".000Z", **extra}
    return f"{POST}/{key}", value, key


def commit_to(tree: bytes, blocks: list[tuple[bytes, bytes]]) -> bytes:
    """A CAR file whose commit points to the tree node ``tree``, holding ``blocks`` (CID, bytes)."""
    head = dag_cbor(
        {"did": DID, "version": 3, "data": Link(tree), "rev": "3m5ya6nhtu2nr", "prev": None, "sig": bytes(64)}
    )
    return car([cid(head)], [(cid(head), head), *blocks])


def raw_repository(records: list[tuple[str, bytes]]) -> bytes:
    """A repository whose records are the given bytes (CBOR that need not be a record at all)."""
    blocks: dict[bytes, tuple[str, bytes]] = {cid(data): ("", data) for _, data in records}
    root = mst([(key.encode(), cid(data), "") for key, data in records], blocks)
    return commit_to(root, [(c, data) for c, (_, data) in blocks.items()])


def nursery_replies(posts: list[dict]) -> pd.DataFrame:
    """The nursery's replies in the example: its first answer to a comment under each of its posts."""
    comments = load_comments()
    ours = comments[comments["post_id"].isin([p["post_id"] for p in posts])]
    return ours[(ours["author"] == NURSERY) & ours["reply_to"].notna()].drop_duplicates("post_id")


# --- the example -----------------------------------------------------------------------------


def test_the_example_is_recognised_from_its_content(sample):
    assert sample.kind == "car" and READER.recognise(sample)
    assert READER.recognise(found(sample.data, "download.bin"))


def test_the_example_holds_every_nursery_post_with_its_words_and_minute(table):
    posts = nursery_posts(SEED)
    own = table[table["kind"] == "post"].reset_index(drop=True)
    assert len(own) == len(posts)
    assert own["date"].dt.floor("min").tolist() == [p["date"] for p in posts]
    for row, given in zip(own.itertuples(), posts, strict=True):
        assert row.text.startswith(given["text"])
        if given["type"] == "how-to":  # the link to the guide, shortened as the app shows it
            link = r" fernleaf\.example/guides/.{1,6}\.\.\."
            assert re.fullmatch(re.escape(given["text"]) + link, row.text)
        elif given["type"] == "question":
            assert row.text == given["text"] + " #askagardener"
        else:
            assert row.text == given["text"]


def test_the_example_replies_are_the_nursery_answers_to_comments(table):
    replies = nursery_replies(nursery_posts(SEED)).sort_values("date")
    read = table[table["kind"] == "reply"]
    assert len(read) == len(replies) > 5
    assert read["text"].tolist() == replies["text"].tolist()
    assert read["date"].dt.floor("min").tolist() == replies["date"].tolist()
    assert set(table["kind"]) == {"post", "reply"}


def test_each_post_id_is_its_record_key_a_tid_of_when_it_was_made_and_its_address_is_on_bsky_app(table):
    assert table["post_id"].str.fullmatch(r"[234567a-j][234567a-z]{12}").all() and table["post_id"].is_unique
    for row in table.itertuples():
        value = 0
        for character in row.post_id:
            value = value * 32 + "234567abcdefghijklmnopqrstuvwxyz".index(character)
        made = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=value >> 10)
        assert abs(made - row.date) < dt.timedelta(seconds=1)
        assert row.url == f"https://bsky.app/profile/{DID}/post/{row.post_id}"
    assert table["date"].is_monotonic_increasing


def test_the_table_has_no_counts_and_says_that_no_bluesky_export_has_them(table):
    assert list(table.columns) == ["post_id", "date", "text", "kind", "url"]
    missing = table.attrs["missing"]
    for column in ("likes", "shares", "comments"):
        assert missing[column].startswith("no Bluesky export has")
        assert "the Bluesky app shows" in missing[column]
    assert "reach" in missing and "followers" in missing
    absent = set(table.attrs["absent_columns"])
    assert {"reach", "likes", "comments", "shares", "followers", "impressions"} <= absent


def test_the_table_says_where_it_came_from_and_what_was_left_out(table, sample):
    attrs = table.attrs
    assert attrs["format"] == "bluesky-repo" and attrs["platform"] == "Bluesky"
    assert attrs["recognised_as"] == "a Bluesky repository export"
    assert attrs["source"] == attrs["file"] == sample.name and attrs["member"] is None
    assert attrs["headers"] == {
        "post_id": "record key",
        "date": "createdAt",
        "text": "text",
        "kind": "reply",
        "url": "did and record key",
    }
    assert attrs["ignored_columns"] == ["embed", "facets", "langs"]
    assert attrs["assumptions"] == [
        "Left out 6 likes and 1 repost you gave: Bluesky keeps each as a record "
        "of its own, pointing to someone else's post, not as a post of yours."
    ]
    assert attrs["skipped_records"] == {
        "app.bsky.actor.profile": 1,
        "app.bsky.graph.follow": 3,
        "app.bsky.feed.like": 6,
        "app.bsky.feed.repost": 1,
    }
    said = what_was_read(table)
    assert said.startswith(
        f"Read {len(table)} posts from {sample.name} (a Bluesky repository export), "
        "dated 19 November 2025 to 31 October 2026."
    )


def test_the_example_is_written_the_same_on_every_run(sample, tmp_path):
    writer.write(tmp_path, nursery_posts(SEED), SEED)
    assert (tmp_path / writer.FILES[0]).read_bytes() == sample.data
    assert len(sample.data) < 40_000


def test_the_example_has_a_tree_of_several_layers_and_its_commit_is_not_the_first_block(sample):
    keys = [key for key, _, _ in writer.records(nursery_posts(SEED), SEED)]
    assert max(writer.layer(k.encode()) for k in keys) >= 2
    root, blocks = frames(sample.data)
    assert blocks[0][0] != root and root in [c for c, _ in blocks]
    assert all(hashlib.sha256(data).digest() == c[4:] for c, data in blocks)


def test_blocks_in_any_order_some_twice_with_an_unrelated_one_read_the_same(sample, table):
    root, blocks = frames(sample.data)
    shuffled = random.Random(3).sample(blocks, len(blocks))
    junk = b"a block nothing links to"
    data = car([root], shuffled[:5] + shuffled + [(cid(junk, writer.RAW), junk)])
    pd.testing.assert_frame_equal(READER.read(found(data)), table)


def test_a_repository_written_by_another_library_is_read():
    # Written by the dag-cbor and multiformats packages for the course's research: a post with a hashtag,
    # a reply to it and a like, with the commit first and one tree node.
    data = base64.b64decode(
        "OqJlcm9vdHOB2CpYJQABcRIg33FkNQ3QtOUUAuyKNfcmvkZqWER/ZkObpeBKXk1oPSNndmVyc2lvbgHeAQFxEiDfcWQ1DdC05RQC"
        "7Io19ya+RmpYRH9mQ5ul4EpeTWg9I6ZjZGlkeB5kaWQ6cGxjOmV4YW1wbGVleGFtcGxlZXhhbXBsZTFjcmV2bTNrenp6enp6enp6"
        "MjJjc2lnWEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAZGRh"
        "dGHYKlglAAFxEiAHqO6k8+UwOosrcGERdhOKKmQB9rxnCXieIV6uhK7LwWRwcmV29md2ZXJzaW9uA4ECAXESIAeo7qTz5TA6iytw"
        "YRF2E4oqZAH2vGcJeJ4hXq6ErsvBomFlg6Rha1ggYXBwLmJza3kuZmVlZC5saWtlLzNrMjIyMjIyMjNqZzRhcABhdPZhdtgqWCUA"
        "AXESIM3aDIUBxnIvgxwjeme36ezT5Rhcf+hRxVl/4b96e5xypGFrUnBvc3QvM2syMjIyMjIyMmtpYWFwDmF09mF22CpYJQABcRIg"
        "ZjmzIq06uMLPabt/o2YoCzFYZ2C50jD/7g3SKgfKEU2kYWtDeng2YXAYHWF09mF22CpYJQABcRIgnWnaP4KvpD6yFUFS01oJbGyz"
        "a4QkIozI5OLw3PefQuRhbPb3AQFxEiDN2gyFAcZyL4McI3pnt+ns0+UYXH/oUcVZf+G/enuccqNlJHR5cGVyYXBwLmJza3kuZmVl"
        "ZC5saWtlZ3N1YmplY3SiY2NpZHg7YmFmeXJlaWU1Y3Z2NGg0NWZlYWRnZXV3aGJjdXRtaDZ0MmNlc2VvY2NrYWhkb2U2dWF0NjR6"
        "bXo0NTRjdXJpeEVhdDovL2RpZDpwbGM6c29tZW9uZWVsc2UwMDAwMDAwMDAwMDAvYXBwLmJza3kuZmVlZC5wb3N0LzNrYWJjZGVm"
        "Z2hpajJpY3JlYXRlZEF0eBgyMDI0LTA1LTAxVDEwOjAwOjAwLjAwMFr9AQFxEiBmObMirTq4ws9pu3+jZigLMVhnYLnSMP/uDdIq"
        "B8oRTaVkdGV4dHgrRnJlc2ggc291cmRvdWdoIGlzIG91dCBvZiB0aGUgb3ZlbiEgI2Jha2VyeWUkdHlwZXJhcHAuYnNreS5mZWVk"
        "LnBvc3RlbGFuZ3OBYmVuZmZhY2V0c4GiZWluZGV4omdieXRlRW5kGCtpYnl0ZVN0YXJ0GCRoZmVhdHVyZXOBomN0YWdmYmFrZXJ5"
        "ZSR0eXBleBthcHAuYnNreS5yaWNodGV4dC5mYWNldCN0YWdpY3JlYXRlZEF0eBgyMDI0LTA1LTAxVDA4OjAwOjAwLjAwMFq5AwFx"
        "EiCdado/gq+kPrIVQVLTWglsbLNrhCQijMjk4vDc959C5KVkdGV4dHgbWWVzLCB3ZSBvcGVuIGF0IDcgdG9tb3Jyb3cuZSR0eXBl"
        "cmFwcC5ic2t5LmZlZWQucG9zdGVsYW5nc4FiZW5lcmVwbHmiZHJvb3SiY2NpZHg7YmFmeXJlaWRnaGd6c2ZsajJ4ZGJtNjJuM3A2"
        "cndta2FsZ2ZtZ295ZnoyaXlwNzNxbjJpdmFwc3FyanVjdXJpeERhdDovL2RpZDpwbGM6ZXhhbXBsZWV4YW1wbGVleGFtcGxlMS9h"
        "cHAuYnNreS5mZWVkLnBvc3QvM2syMjIyMjIyMmtpYWZwYXJlbnSiY2NpZHg7YmFmeXJlaWRnaGd6c2ZsajJ4ZGJtNjJuM3A2cndt"
        "a2FsZ2ZtZ295ZnoyaXlwNzNxbjJpdmFwc3FyanVjdXJpeERhdDovL2RpZDpwbGM6ZXhhbXBsZWV4YW1wbGVleGFtcGxlMS9hcHAu"
        "YnNreS5mZWVkLnBvc3QvM2syMjIyMjIyMmtpYWljcmVhdGVkQXR4GDIwMjQtMDUtMDFUMDk6MzA6MDAuMDAwWg=="
    )
    read = READER.read(found(data))
    assert read["text"].tolist() == ["Fresh sourdough is out of the oven! #bakery", "Yes, we open at 7 tomorrow."]
    assert read["kind"].tolist() == ["post", "reply"]
    assert read["date"].tolist() == [pd.Timestamp("2024-05-01 08:00"), pd.Timestamp("2024-05-01 09:30")]
    assert read["url"][0] == "https://bsky.app/profile/did:plc:exampleexampleexample1/post/3k22222222kia"
    assert "Left out 1 like you gave" in read.attrs["assumptions"][0]


def test_times_with_an_offset_are_read_as_utc():
    data = repository([post("Late opening tonight.", createdAt="2026-03-01T20:15:00.250+02:00")])
    assert READER.read(found(data))["date"][0] == pd.Timestamp("2026-03-01 18:15:00.250")


# --- the writer against the AT Protocol's own test vectors (bluesky-social/atproto-interop-tests, CC0) --


def test_tree_layers_are_those_of_the_interop_tests():
    heights = {
        "": 0,
        "asdf": 0,
        "blue": 1,
        "2653ae71": 0,
        "88bfafc7": 2,
        "2a92d355": 4,
        "884976f5": 6,
        "app.bsky.feed.post/454397e440ec": 4,
        "app.bsky.feed.post/9adeb165882c": 8,
    }
    assert {key: writer.layer(key.encode()) for key in heights} == heights


COMMIT_PROOFS = (  # firehose/commit-proof-fixtures.json: keys, added, deleted, root before, root after
    (
        ["A0/374913", "B1/986427", "C0/451630", "E0/670489", "F1/085263", "G0/765327"],
        ["D2/269196"],
        [],
        "bafyreicraprx2xwnico4tuqir3ozsxpz46qkcpox3obf5bagicqwurghpy",
        "bafyreihvay6pazw3dfa47u5d2tn3rd6pa57sr37bo5bqyvjuqc73ib65my",
    ),
    (
        ["A0/374913", "B0/601692", "D0/952776", "E0/670489"],
        ["C2/014073"],
        [],
        "bafyreialm5sgf7pijawbschsjpdevid5rss5ip3d4n4w6cc4mhu53sfl4i",
        "bafyreibxh4iztp5l2yshz3ectg2qjpeyprpw2gogao3pvceowpq3k3thya",
    ),
    (
        ["A0/374913", "B2/827649", "C0/451630"],
        ["D2/269196"],
        [],
        "bafyreigc6ay2qwfk7kuevvrczummpd64nknfo4yxpaooknfymzyb7u3ntq",
        "bafyreign6kxoll35r5f2ske6hjx7vg56aw3jn6r5hcopgrepzafpvohr2a",
    ),
    (
        ["A0/374913", "B2/827649", "D2/269196", "E0/670489"],
        ["C2/014073"],
        ["B2/827649", "D2/269196"],
        "bafyreiceld4icym4qjmdcn3dfgtxt7t66hdgyhvigessgmkvb56dx6amgi",
        "bafyreigkalika3taqauapfha556lo36zzcjoiifny5xeru6yis3nxw5ruq",
    ),
    (
        ["B0/601692", "C2/014073", "D0/952776", "E2/819540", "F0/697858", "H0/131238"],
        ["A2/827942", "G2/611528"],
        ["C2/014073"],
        "bafyreigr3plnts7dax6yokvinbhcqpyicdfgg6npvvyx6okc5jo55slfqi",
        "bafyreiftrcrbhrwmi37u4egedlg56gk3jeh3tvmqvwgowoifuklfysyx54",
    ),
    (
        [
            f"app.bsky.feed.post/{k}"
            for k in (
                "3lo3kqqljmfe2",
                "3log4547dm6h2",
                "3log45inogon2",
                "3logaodrh74d2",
                "3logteazog2n2",
                "3lon5cqsbwrj2",
            )
        ]
        + ["app.bsky.feed.repost/3l6sjhvqonco2"],
        ["app.bsky.feed.post/3lon5dzeaihj2"],
        [],
        "bafyreigfcsro2up7qi7l3rxdpg7n6gjtteotkmgrrqztl5oy2tf4ncl4ji",
        "bafyreig33hsjiplaixvmccy65n7rn3in5nsbtcittzx6k3w5wjfhk2sg3a",
    ),
)


@pytest.mark.parametrize(("keys", "adds", "dels", "before", "after"), COMMIT_PROOFS)
def test_trees_have_the_root_cids_of_the_interop_tests(keys, adds, dels, before, after):
    leaf = cid_of("bafyreie5cvv4h45feadgeuwhbcutmh6t2ceseocckahdoe6uat64zmz454")
    assert writer.cid_text(mst([(k.encode(), leaf, "") for k in keys], {})) == before
    later = (set(keys) | set(adds)) - set(dels)
    assert writer.cid_text(mst([(k.encode(), leaf, "") for k in later], {})) == after


def test_dag_cbor_with_links_bytes_and_a_blob_is_byte_for_byte_that_of_the_interop_tests():
    # data-model/data-model-fixtures.json, second fixture
    value = {
        "a": Link(cid_of("bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a")),
        "b": base64.b64decode("nFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4ne6+sBrCzI0="),
        "c": {
            "$type": "blob",
            "mimeType": "image/jpeg",
            "size": 10000,
            "ref": Link(cid_of("bafkreiccldh766hwcnuxnf2wh6jgzepf2nlu2lvcllt63eww5p6chi4ity")),
        },
    }
    data = dag_cbor(value)
    assert base64.b64encode(data).decode().rstrip("=") == (
        "o2Fh2CpYJQABcRIgZQYqWloA/BbXPGlEI3zLwVscSnI0SJM2iR0JF0GiOdBhYlggnFERjvLLiw9qm45JrqH9QTzyC2Lu1Xb4"
        "ne6+sBrCzI1hY6RjcmVm2CpYJQABVRIgQljP/3j2E2l2l1Y/kmyR5dNXTS6iWuftktbr/COjiJ5kc2l6ZRknEGUkdHlwZWRi"
        "bG9iaG1pbWVUeXBlamltYWdlL2pwZWc"
    )
    assert writer.cid_text(cid(data)) == "bafyreihldkhcwijkde7gx4rpkkuw7pl6lbyu5gieunyc7ihactn5bkd2nm"


def test_cbor2_canonical_map_order_is_dag_cbors_shorter_keys_first_then_bytewise():
    keys = ["text", "$type", "langs", "facets", "createdAt", "b", "a", "é", "aa", "x" * 30, "y" * 24, "z" * 23]
    written = cbor2.loads(dag_cbor({k: 1 for k in random.Random(1).sample(keys, len(keys))}))
    assert list(written) == sorted(keys, key=lambda k: (len(k.encode()), k.encode()))


# --- files that are not a whole repository ---------------------------------------------------


@pytest.mark.parametrize(
    ("cut", "words"),
    [
        (lambda data, header: len(data) - 1, "ends in the middle of a block"),
        (lambda data, header: len(data) // 2, "ends in the middle of a block"),
        (lambda data, header: header + 2, "ends in the middle of a block"),
        (lambda data, header: header, "lacks the commit"),
    ],
)
def test_a_truncated_download_is_refused_as_damaged(sample, cut, words):
    header = 1 + sample.data[0]
    message = problem(sample.data[: cut(sample.data, header)])
    assert "is damaged" in message and words in message and "nothing was loaded" in message
    assert "Export my data" in message


def test_a_block_whose_length_cannot_be_read_is_refused(sample):
    header = 1 + sample.data[0]
    assert "length cannot be read" in problem(sample.data[:header] + b"\xff" * 12 + sample.data[header:])


def test_a_root_pointing_to_a_block_not_in_the_file_is_refused(sample):
    _, blocks = frames(sample.data)
    assert "lacks the commit" in problem(car([cid(b"a commit that is not here")], blocks))


def test_a_tree_node_linking_to_itself_is_refused_not_followed_forever():
    # A node cannot really link to itself (a link is the hash of the bytes it links to), so here it is
    # stored under a link that is not its hash: the reader checks each block's hash before following it.
    loop = cid(b"where the node says it is")
    message = problem(commit_to(loop, [(loop, dag_cbor({"l": Link(loop), "e": []}))]))
    assert "is damaged" in message and "do not match" in message


def test_a_tree_that_reaches_one_node_twice_is_refused():
    record = dag_cbor(post()[1])
    leaf = dag_cbor(
        {"l": None, "e": [{"p": 0, "k": f"{POST}/3m5ya6nhtu2aa".encode(), "v": Link(cid(record)), "t": None}]}
    )
    top = dag_cbor(
        {
            "l": Link(cid(leaf)),
            "e": [{"p": 0, "k": f"{POST}/3m5ya6nhtu2zz".encode(), "v": Link(cid(record)), "t": Link(cid(leaf))}],
        }
    )
    message = problem(commit_to(cid(top), [(cid(top), top), (cid(leaf), leaf), (cid(record), record)]))
    assert "points back into itself" in message


def test_a_tree_deeper_than_any_repository_is_refused():
    node = dag_cbor({"l": None, "e": []})
    blocks = [(cid(node), node)]
    for _ in range(200):
        node = dag_cbor({"l": Link(blocks[-1][0]), "e": []})
        blocks.append((cid(node), node))
    assert "deeper than any repository" in problem(commit_to(blocks[-1][0], blocks))


def test_a_tree_entry_that_is_not_shaped_like_one_is_refused():
    record = dag_cbor(post()[1])
    node = dag_cbor({"l": None, "e": [{"p": 5, "k": b"x", "v": Link(cid(record)), "t": None}]})
    message = problem(commit_to(cid(node), [(cid(node), node), (cid(record), record)]))
    assert "entry in its tree of records that is not shaped like one" in message


def test_a_tree_listing_its_records_out_of_order_is_refused():
    record = dag_cbor(post()[1])
    entries = [
        {"p": 0, "k": f"{POST}/{key}".encode(), "v": Link(cid(record)), "t": None}
        for key in ("3m5ya6nhtu2zz", "3m5ya6nhtu2aa")
    ]
    node = dag_cbor({"l": None, "e": entries})
    message = problem(commit_to(cid(node), [(cid(node), node), (cid(record), record)]))
    assert "lists its records out of order" in message


def test_a_changed_byte_in_a_post_is_noticed(sample):
    root, blocks = frames(sample.data)
    changed = [
        (c, data.replace(b"Mill Lane", b"Mill Lame") if cbor2.loads(data).get("$type") == POST else data)
        for c, data in blocks
    ]
    assert changed != blocks
    assert "do not match its identifier" in problem(car([root], changed))


def test_a_missing_post_is_named(sample):
    root, blocks = frames(sample.data)
    gone = next(c for c, data in blocks if cbor2.loads(data).get("text", "").startswith("How to make leaf mould"))
    message = problem(car([root], [(c, data) for c, data in blocks if c != gone]))
    assert re.search(r"lacks the post app\.bsky\.feed\.post/[a-z2-7]{13}", message)


def test_a_post_that_is_not_a_record_is_named_and_nothing_is_loaded():
    good = post()
    data = raw_repository([(good[0], dag_cbor(good[1])), (f"{POST}/3m5ya6nhtu2aa", dag_cbor(["not", "a", "map"]))])
    message = problem(data)
    assert "Post 3m5ya6nhtu2aa is not a record" in message and "nothing was loaded" in message


def test_a_post_without_a_time_that_can_be_read_is_named():
    data = repository([post(), post("When?", MOMENT + dt.timedelta(hours=1), createdAt="yesterday")])
    message = problem(data)
    key = tid(MOMENT + dt.timedelta(hours=1), 7)
    assert f"Post {key} ('yesterday') has no 'createdAt' time" in message


def test_a_record_nested_without_end_is_refused_rather_than_followed():
    deep = b"\x81" * 5_000 + b"\x00"  # a list in a list in a list... 5,000 deep
    assert "cannot be decoded" in problem(raw_repository([(f"{POST}/3m5ya6nhtu2aa", deep)]))


def test_a_repository_of_another_app_is_refused_saying_it_holds_no_posts():
    note = ("com.example.note/3m5ya6nhtu2aa", {"$type": "com.example.note", "text": "hello"}, "3m5ya6nhtu2aa")
    message = problem(repository([note]))
    assert "a Bluesky repository with no posts in it" in message and "1 com.example.note record" in message
    assert "repo.car" in message


def test_a_repository_of_likes_only_says_what_it_holds():
    likes = [
        (
            f"app.bsky.feed.like/{tid(MOMENT + dt.timedelta(minutes=n), 7)}",
            {
                "$type": "app.bsky.feed.like",
                "createdAt": "2026-03-01T09:30:00.000Z",
                "subject": {"uri": "at://did:plc:x/app.bsky.feed.post/1", "cid": "b"},
            },
            "3m5ya6nhtu2aa",
        )
        for n in range(2)
    ]
    assert "no posts in it: it holds 2 likes" in problem(repository(likes))


def test_a_car_file_that_is_not_a_repository_is_refused():
    ipfs = bytes([1, 0x70, 0x12, 32]) + hashlib.sha256(b"a file").digest()  # a dag-pb block, as IPFS writes
    message = problem(car([ipfs], [(ipfs, b"a file")]))
    assert "is a CAR file, but not a Bluesky repository" in message and "Export my data" in message
    not_a_commit = dag_cbor({"text": "a map without did or data"})
    message = problem(car([cid(not_a_commit)], [(cid(not_a_commit), not_a_commit)]))
    assert "not a Bluesky repository" in message and "'did'" in message


def test_a_car_header_of_another_version_is_neither_recognised_nor_read():
    header = dag_cbor({"version": 2, "roots": [Link(cid(b"x"))]})
    data = writer.varint(len(header)) + header + bytes(40)
    assert found(data).kind == "car" and not READER.recognise(found(data))
    assert "not a CAR file the course can read" in problem(data)


def test_whatever_bytes_are_changed_the_file_is_read_whole_or_refused_in_words(sample, table):
    draw = random.Random(11)
    for _ in range(300):
        data = bytearray(sample.data)
        at = draw.randrange(len(data))
        if draw.random() < 0.5:
            data[at] = draw.randrange(256)
        else:
            data[at : at + draw.randint(1, 30)] = draw.randbytes(draw.randint(0, 30))
        try:
            read = READER.read(found(bytes(data)))
        except ImportProblem as refused:
            assert str(refused).startswith("repo.car ") and "Export my data" in str(refused)
        else:  # the change was in a block the reader does not use (a like, a follow, the profile)
            assert read["text"].tolist() == table["text"].tolist()


# --- what is not a Bluesky export ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES_DIR.iterdir() if p.name != writer.FILES[0]))
def test_no_other_example_file_is_taken_for_a_bluesky_export(name):
    assert not READER.recognise(open_source(EXAMPLES_DIR / name))


@pytest.mark.parametrize("seed", range(40))
def test_random_bytes_are_not_taken_for_a_bluesky_export(seed):
    draw = random.Random(seed)
    data = draw.randbytes(draw.randint(11, 3_000))
    assert not READER.recognise(found(data))
    looks_like_car = bytes([draw.randint(0, 0x7F)]) + b"roots version" + data  # passes the first check
    assert found(looks_like_car).kind == "car" and not READER.recognise(found(looks_like_car))


def test_without_cbor2_a_bluesky_export_is_recognised_and_the_message_says_to_install_it(sample, monkeypatch):
    monkeypatch.setitem(sys.modules, "cbor2", None)  # import cbor2 now fails, as in the browser edition
    assert READER.recognise(sample) and not READER.recognise(found(b"date,text\n2026-03-01,hi\n"))
    with pytest.raises(ImportProblem) as caught:
        READER.read(sample)
    assert "needs the desktop course" in str(caught.value) and "pip install cbor2" in str(caught.value)
    assert READER.in_browser is False


def test_the_reader_describes_the_file_and_where_to_get_it():
    assert READER.key == "bluesky-repo" and READER.sample == writer.FILES[0] == "bluesky_repo.car"
    assert "Export my data" in READER.how_to_get and "repo.car" in READER.how_to_get
    assert READER.help_url == "https://docs.bsky.app/blog/repo-export"
    assert {f.column for f in READER.fields} >= {"post_id", "date", "text", "kind", "url"}
    assert READER.describe().startswith("Bluesky: your repository export (repo.car) (In the Bluesky app")
