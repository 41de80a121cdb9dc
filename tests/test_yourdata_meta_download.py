"""Meta's "Download your information" files: the Facebook, Instagram and Threads readers.

The samples are written by :mod:`sevencs.datasets.platforms.meta_download` from the nursery's
posts; every check compares the table with those posts (their dates and words) or with the JSON
the writer wrote, never with the reader's own code.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readers import read_with as read
from readers import refusal as problem
from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import meta_download as writer
from sevencs.datasets.platforms import nursery_posts, zip_bytes
from sevencs.yourdata import meta_download
from sevencs.yourdata.files import Found, open_source
from sevencs.yourdata.meta_download import FACEBOOK, INSTAGRAM, READERS, THREADS
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.table import NAMES

POSTS = nursery_posts(SEED)
PAGE_POSTS = "this_profile's_activity_across_facebook/posts"
IG_MEDIA = "your_instagram_activity/media"
IG_THREADS = "your_instagram_activity/threads/threads_and_replies.json"


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("meta_download")
    writer.write(directory, POSTS, SEED)
    return directory


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def save(tmp_path: Path, name: str, data: bytes | dict) -> Path:
    path = tmp_path / name
    path.write_bytes(zip_bytes(data) if isinstance(data, dict) else data)
    return path


def utc(seconds: int) -> pd.Timestamp:
    return pd.Timestamp(dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None))


def in_date_order(posts: list[dict]) -> list[dict]:
    return sorted(posts, key=lambda p: p["date"])


def non_ascii(texts: list[str]) -> int:
    return sum(any(ord(c) > 127 for c in t) for t in texts)


# --- Facebook ------------------------------------------------------------------------------------


def test_a_pages_download_gives_every_post_with_its_time_and_words(samples):
    table = read(FACEBOOK, samples / "facebook_download.zip")
    expected = in_date_order(POSTS)
    assert list(table.columns) == ["post_id", "date", "text"]
    assert len(table) == len(POSTS) == 36
    assert table["date"].tolist() == [pd.Timestamp(p["date"]) for p in expected]
    assert table["text"].tolist() == [writer.caption(p) for p in expected]
    assert table["post_id"].tolist() == list(range(1, 37))  # no ids in the download: numbered in date order


def test_the_sample_has_the_shapes_the_reader_must_handle(samples):
    inside = members(samples / "facebook_download.zip")
    parts = [json.loads(inside[f"{PAGE_POSTS}/profile_posts_{n}.json"]) for n in (1, 2)]
    entries = parts[0] + parts[1]
    assert all(parts) and len(entries) == 37
    assert any("data" not in e and "attachments" in e for e in entries)  # words only in the photo's
    assert any("data" in e and "attachments" not in e for e in entries)  # words only
    covers = [e for e in entries if "attachments" not in e and all("post" not in d for d in e["data"])]
    assert len(covers) == 1
    siblings = {f"{PAGE_POSTS}/posts_on_other_pages_and_profiles.json", f"{PAGE_POSTS}/album/0.json"}
    assert siblings <= set(inside)


def test_accents_and_emoji_written_twice_encoded_come_out_right(samples):
    raw = members(samples / "facebook_download.zip")[f"{PAGE_POSTS}/profile_posts_1.json"]
    assert raw.isascii()
    assert b"Caf\\u00c3\\u00a9" in raw  # Café, as Meta writes it
    assert b"\\u00f0\\u009f\\u008c\\u00b1" in raw  # 🌱
    table = read(FACEBOOK, samples / "facebook_download.zip")
    assert table["text"].str.contains("Tea and cake in our Café by the gate ☕", regex=False).any()
    assert table["text"].str.endswith("🌱").sum() == sum(p["type"] == "how-to" for p in POSTS)
    assert not table["text"].str.contains("Ã|ð|â", regex=True).any()
    repaired = non_ascii([writer.caption(p) for p in POSTS])
    assert repaired > 0
    assert any(
        a.startswith(f"{repaired} of the 36 texts had their accents and emoji written twice encoded")
        for a in table.attrs["assumptions"]
    )


def test_what_the_facebook_table_says_about_itself(samples):
    table = read(FACEBOOK, samples / "facebook_download.zip")
    attrs = table.attrs
    assert attrs["format"] == "facebook-download" and attrs["platform"] == "Facebook"
    assert attrs["file"] == "facebook_download.zip"
    assert attrs["member"] == f"{PAGE_POSTS}/profile_posts_1.json, {PAGE_POSTS}/profile_posts_2.json"
    assert attrs["source"].endswith("profile_posts_1.json (and profile_posts_2.json)")
    assert "Page" in attrs["recognised_as"]
    assert attrs["headers"] == {"date": "timestamp", "text": "data[].post"}
    assert attrs["ignored_columns"] == ["title"]
    for column in ("reach", "likes", "comments", "shares", "impressions"):
        assert column in attrs["absent_columns"]
        assert "Meta Business Suite" in attrs["missing"][column]
        assert "Insights > Content > Export data" in attrs["missing"][column]
    assert "followers" in attrs["missing"]
    said = " ".join(attrs["assumptions"])
    assert "read as UTC" in said
    assert (
        "1 entry has neither words nor anything attached (such as 'Fernleaf Nursery updated their cover "
        "photo.'): not a post, so left out."
    ) in said
    assert not table["text"].str.contains("market hall").any()  # a post on another Page is not ours


def test_a_posts_file_given_alone_reads_like_its_part_of_the_zip(samples, tmp_path):
    data = members(samples / "facebook_download.zip")[f"{PAGE_POSTS}/profile_posts_2.json"]
    entries = json.loads(data)
    table = read(FACEBOOK, save(tmp_path, "profile_posts_2.json", data))
    posts = [e for e in entries if "attachments" in e or any("post" in d for d in e.get("data", []))]
    assert len(table) == len(posts) >= 15
    assert table["date"].tolist() == sorted(utc(e["timestamp"]) for e in posts)
    assert table.attrs["member"] is None
    assert table.attrs["file"] == table.attrs["source"] == "profile_posts_2.json"


@pytest.mark.parametrize(
    "folder,page",
    [
        ("your_facebook_activity/posts/your_posts__check_ins__photos_and_videos", False),
        ("your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos", False),
        ("posts/your_posts", False),
        ("facebook-fernleaf-2026-11-02-Ab12/this_profile's_activity_across_facebook/posts/profile_posts", True),
    ],
)
def test_a_profiles_download_and_older_layouts_are_read(samples, tmp_path, folder, page):
    inside = members(samples / "facebook_download.zip")
    layout = {f"{folder}_{n}.json": inside[f"{PAGE_POSTS}/profile_posts_{n}.json"] for n in (2, 1)}
    table = read(FACEBOOK, save(tmp_path, "facebook-me.zip", layout))
    assert len(table) == 36
    assert table.attrs["member"] == f"{folder}_1.json, {folder}_2.json"  # parts in order, whatever the zip's
    assert ("Page" in table.attrs["recognised_as"]) is page


def test_the_list_of_posts_on_other_pages_is_refused_naming_the_right_file(samples, tmp_path):
    data = members(samples / "facebook_download.zip")[f"{PAGE_POSTS}/posts_on_other_pages_and_profiles.json"]
    path = save(tmp_path, "posts_on_other_pages_and_profiles.json", data)
    assert FACEBOOK.recognise(open_source(path))
    message = problem(FACEBOOK, path)
    assert "posts you wrote on other Pages" in message and "profile_posts_1.json" in message


def test_a_facebook_download_in_html_is_refused_asking_for_json(tmp_path):
    path = save(
        tmp_path,
        "facebook-me.zip",
        {f"{PAGE_POSTS}/profile_posts_1.html": b"<html></html>", "index.html": b"<html></html>"},
    )
    assert FACEBOOK.recognise(open_source(path))
    message = problem(FACEBOOK, path)
    assert "HTML" in message and "choose the format JSON" in message


def test_a_facebook_download_without_posts_says_which_file_to_look_for(tmp_path):
    path = save(
        tmp_path,
        "facebook-me-part2.zip",
        {"your_facebook_activity/messages/inbox/ann_1/message_1.json": b'{"messages": []}'},
    )
    found = open_source(path)
    assert [r.recognise(found) for r in READERS] == [True, False, False]
    message = problem(FACEBOOK, path)
    assert "no file of posts" in message and "profile_posts_1.json" in message
    assert "several zip files" in message


def test_text_already_in_good_utf8_is_left_as_it_is(tmp_path):
    entries = [{"timestamp": 1767258000, "data": [{"post": "Café open, ☕ and 🌱"}]}]
    path = save(tmp_path, "profile_posts_1.json", json.dumps(entries, ensure_ascii=False).encode("utf-8"))
    table = read(FACEBOOK, path)
    assert table["text"].tolist() == ["Café open, ☕ and 🌱"]
    assert table["date"].tolist() == [pd.Timestamp("2026-01-01 09:00")]
    assert not any("twice encoded" in a for a in table.attrs["assumptions"])


# --- Instagram -----------------------------------------------------------------------------------


def test_an_instagram_download_gives_its_posts_and_reels(samples):
    table = read(INSTAGRAM, samples / "instagram_download.zip")
    expected = in_date_order(writer.instagram_posts(POSTS))
    assert len(table) == len(expected) == 24
    assert list(table.columns) == ["post_id", "date", "text"]
    assert table["date"].tolist() == [pd.Timestamp(p["date"]) for p in expected]
    assert table["text"].tolist() == [writer.caption(p) for p in expected]
    assert table["text"].str.contains("Café", regex=False).any() and table["text"].str.contains("🌱").any()


def test_the_instagram_sample_has_carousels_single_objects_videos_and_reels(samples):
    inside = members(samples / "instagram_download.zip")
    grid = json.loads(inside[f"{IG_MEDIA}/posts_1.json"])
    reels = json.loads(inside[f"{IG_MEDIA}/reels.json"])["ig_reels_media"]
    assert any(isinstance(e["media"], list) and len(e["media"]) > 1 and e["title"] for e in grid)  # carousel
    assert any(isinstance(e["media"], dict) for e in grid)  # one media object, not a list
    assert any(isinstance(e["media"], list) and e["media"][0]["uri"].endswith(".mp4") for e in grid)
    assert reels and len(grid) + len(reels) == 24
    assert IG_THREADS in inside and f"{IG_MEDIA}/stories.json" in inside


def test_what_the_instagram_table_says_about_itself(samples):
    table = read(INSTAGRAM, samples / "instagram_download.zip")
    attrs = table.attrs
    assert attrs["format"] == "instagram-download" and attrs["platform"] == "Instagram"
    assert attrs["member"] == f"{IG_MEDIA}/posts_1.json, {IG_MEDIA}/reels.json"
    assert attrs["headers"] == {"date": "creation_timestamp", "text": "title"}
    assert "media_metadata" in attrs["ignored_columns"]
    assert "Instagram account" in attrs["missing"]["likes"]
    threads = [a for a in attrs["assumptions"] if "Threads" in a]
    assert len(threads) == 1
    assert IG_THREADS in threads[0]
    assert 'read_posts("instagram_download.zip", format="threads-download")' in threads[0]
    repaired = non_ascii([writer.caption(p) for p in writer.instagram_posts(POSTS)])
    assert any(a.startswith(f"{repaired} of the 24 texts") for a in attrs["assumptions"])


@pytest.mark.parametrize(
    "folder",
    ["your_instagram_activity/content", "content", "instagram-fernleaf-2026-11-02-x1/your_instagram_activity/media"],
)
def test_older_instagram_layouts_are_read(samples, tmp_path, folder):
    inside = members(samples / "instagram_download.zip")
    layout = {
        f"{folder}/posts_1.json": inside[f"{IG_MEDIA}/posts_1.json"],
        f"{folder}/reels.json": inside[f"{IG_MEDIA}/reels.json"],
    }
    table = read(INSTAGRAM, save(tmp_path, "instagram-me.zip", layout))
    assert len(table) == 24 and not any("Threads" in a for a in table.attrs["assumptions"])


def test_posts_1_json_and_reels_json_given_alone_are_read(samples, tmp_path):
    inside = members(samples / "instagram_download.zip")
    grid = read(INSTAGRAM, save(tmp_path, "posts_1.json", inside[f"{IG_MEDIA}/posts_1.json"]))
    reels = read(INSTAGRAM, save(tmp_path, "reels.json", inside[f"{IG_MEDIA}/reels.json"]))
    assert len(grid) + len(reels) == 24
    assert sorted(grid["date"].tolist() + reels["date"].tolist()) == [
        pd.Timestamp(p["date"]) for p in in_date_order(writer.instagram_posts(POSTS))
    ]
    assert grid.attrs["member"] is None and grid.attrs["source"] == "posts_1.json"


def test_a_reel_listed_among_the_posts_too_is_counted_once(samples, tmp_path):
    inside = members(samples / "instagram_download.zip")
    reels = json.loads(inside[f"{IG_MEDIA}/reels.json"])
    grid = [*json.loads(inside[f"{IG_MEDIA}/posts_1.json"]), reels["ig_reels_media"][0]]
    path = save(
        tmp_path,
        "instagram-me.zip",
        {
            f"{IG_MEDIA}/posts_1.json": json.dumps(grid).encode(),
            f"{IG_MEDIA}/reels.json": inside[f"{IG_MEDIA}/reels.json"],
        },
    )
    table = read(INSTAGRAM, path)
    assert len(table) == 24
    assert any(a.startswith("1 post was listed twice") for a in table.attrs["assumptions"])


def test_an_instagram_download_in_html_is_refused_asking_for_json(tmp_path):
    path = save(
        tmp_path,
        "instagram-me.zip",
        {f"{IG_MEDIA}/posts_1.html": b"<html></html>", "start_here.html": b"<html></html>"},
    )
    assert [r.recognise(open_source(path)) for r in READERS] == [False, True, False]
    message = problem(INSTAGRAM, path)
    assert "HTML" in message and "choose the format JSON" in message


def test_the_stories_file_alone_is_refused_naming_posts_1_json(samples, tmp_path):
    stories = members(samples / "instagram_download.zip")[f"{IG_MEDIA}/stories.json"]
    path = save(tmp_path, "stories.json", stories)
    assert INSTAGRAM.recognise(open_source(path))
    message = problem(INSTAGRAM, path)
    assert "stories" in message and "posts_1.json" in message


def test_an_instagram_download_with_only_threads_posts_goes_to_the_threads_reader(samples, tmp_path):
    inside = members(samples / "instagram_download.zip")
    path = save(
        tmp_path,
        "instagram-me.zip",
        {
            "your_instagram_activity/personal_information/personal_information.json": b"{}",
            IG_THREADS: inside[IG_THREADS],
        },
    )
    assert [r.recognise(open_source(path)) for r in READERS] == [False, False, True]
    assert 'format="threads-download"' in problem(INSTAGRAM, path)
    assert len(read(THREADS, path)) == 12


# --- Threads -------------------------------------------------------------------------------------


def test_the_threads_file_gives_posts_and_replies(samples):
    table = read(THREADS, samples / "threads_and_replies.json")
    own = writer.threads_posts(POSTS)
    assert list(table.columns) == ["post_id", "date", "text", "kind"]
    assert len(table) == len(own) + len(writer.THREADS_REPLIES) == 12
    posts, replies = table[table["kind"] == "post"], table[table["kind"] == "reply"]
    assert posts["text"].tolist() == [writer.caption(p) for p in in_date_order(own)]
    assert posts["date"].tolist() == [pd.Timestamp(p["date"]) for p in in_date_order(own)]
    assert sorted(replies["text"]) == sorted(writer.THREADS_REPLIES)
    assert "Yes! The café opens at 9 on Saturdays ☕" in replies["text"].tolist()
    assert "Thank you, that made our day 🌻" in replies["text"].tolist()
    assert table["date"].is_monotonic_increasing


def test_what_the_threads_table_says_about_itself(samples):
    table = read(THREADS, samples / "threads_and_replies.json")
    attrs = table.attrs
    assert attrs["format"] == "threads-download" and attrs["platform"] == "Threads"
    assert attrs["headers"]["kind"] == "media[].text_app_post.is_reply"
    assert attrs["member"] is None and attrs["file"] == "threads_and_replies.json"
    assert set(attrs["missing"]) == {"reach", "likes", "comments", "shares", "impressions", "followers"}
    assert any(a.startswith("2 of the 12 texts had their accents") for a in attrs["assumptions"])


def test_threads_posts_are_read_from_the_instagram_download_when_asked(samples):
    found = open_source(samples / "instagram_download.zip")
    assert not THREADS.recognise(found)  # the Instagram reader's, unless asked
    from_zip = THREADS.read(found)
    alone = read(THREADS, samples / "threads_and_replies.json")
    pd.testing.assert_frame_equal(from_zip, alone, check_like=False)
    assert from_zip.attrs["member"] == IG_THREADS and from_zip.attrs["file"] == "instagram_download.zip"


def test_a_download_that_does_not_mark_replies_counts_everything_as_posts_and_says_so(samples, tmp_path):
    doc = json.loads((samples / "threads_and_replies.json").read_bytes())
    for entry in doc["text_post_app_text_posts"]:
        for media in entry["media"]:
            del media["text_app_post"]["is_reply"]
    table = read(THREADS, save(tmp_path, "threads_and_replies.json", json.dumps(doc).encode()))
    assert (table["kind"] == "post").all() and len(table) == 12
    assert any("does not say which items are replies" in a for a in table.attrs["assumptions"])


def test_another_threads_file_is_refused_naming_threads_and_replies(tmp_path):
    path = save(tmp_path, "liked_threads.json", b'{"text_post_app_media_likes": []}')
    assert THREADS.recognise(open_source(path))
    assert "threads_and_replies.json" in problem(THREADS, path)


# --- damaged, partial and foreign files ---------------------------------------------------------


def test_each_reader_recognises_its_own_sample_and_no_other(samples):
    owners = {
        "facebook_download.zip": FACEBOOK,
        "instagram_download.zip": INSTAGRAM,
        "threads_and_replies.json": THREADS,
    }
    assert set(owners) == set(writer.FILES)
    for name, owner in owners.items():
        found = open_source(samples / name)
        assert [r.recognise(found) for r in READERS] == [r is owner for r in READERS], name


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES_DIR.iterdir() if p.name not in writer.FILES))
def test_no_reader_claims_another_platforms_example(name):
    found = open_source(EXAMPLES_DIR / name)
    assert not any(r.recognise(found) for r in READERS)


@pytest.mark.parametrize(
    "data",
    [
        os.urandom(4096),
        b"PK\x03\x04" + os.urandom(200),
        b"[]",
        b"{}",
        b"[1, 2]",
        b'{"orderedItems": []}',
        b"date,text\n2026-01-01,hi\n",
        b"\xff\xfe\x00",
    ],
)
def test_random_bytes_and_foreign_json_are_not_claimed_and_reading_them_says_why(data):
    for reader in READERS:
        assert not reader.recognise(Found("odd.json", data))
        problem(reader, Found("odd.json", data))  # an ImportProblem, never another error


def test_a_truncated_zip_is_refused_by_every_reader(samples):
    for name in ("facebook_download.zip", "instagram_download.zip"):
        data = (samples / name).read_bytes()
        found = Found(name, data[: len(data) // 2])
        assert not any(r.recognise(found) for r in READERS)
        for reader in READERS:
            assert "could not be opened" in problem(reader, found)


def test_a_zip_with_damaged_compressed_data_is_refused(samples):
    data = bytearray((samples / "facebook_download.zip").read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0]
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + 200):
        data[k] ^= 0x5A
    found = Found("facebook_download.zip", bytes(data))
    assert FACEBOOK.recognise(found)  # the table of contents is fine
    assert "could not be unpacked" in problem(FACEBOOK, found)


def test_every_unreadable_facebook_item_is_reported_at_once(tmp_path):
    entries = [
        {"timestamp": 1767258000, "data": [{"post": "fine"}]},
        "a sentence",
        {"data": [{"post": "no time"}]},
        {"timestamp": "yesterday", "data": [{"post": "time in words"}]},
        {"timestamp": 1767258000, "data": [{"post": 12}]},
        {"timestamp": 1767258000, "data": {"post": "not a list"}},
        {"timestamp": 99, "data": [{"post": "1970"}]},
    ]
    message = problem(FACEBOOK, save(tmp_path, "profile_posts_1.json", json.dumps(entries).encode()))
    assert "nothing was loaded" in message
    assert (
        "Items 2 (not a JSON object), 5 (its 'post' is not text) and 6 (its 'data' or 'attachments' is "
        "not a list) are not shaped like a post"
    ) in message
    assert "Items 3 (missing), 4 ('yesterday') and 7 ('99') have no 'timestamp' that can be read" in message


def test_unreadable_items_in_a_second_part_are_named_with_their_file(samples, tmp_path):
    inside = members(samples / "facebook_download.zip")
    second = json.loads(inside[f"{PAGE_POSTS}/profile_posts_2.json"])
    second[3]["timestamp"] = None
    layout = {
        f"{PAGE_POSTS}/profile_posts_1.json": inside[f"{PAGE_POSTS}/profile_posts_1.json"],
        f"{PAGE_POSTS}/profile_posts_2.json": json.dumps(second).encode(),
    }
    message = problem(FACEBOOK, save(tmp_path, "facebook-me.zip", layout))
    assert message.startswith("facebook-me.zip could not be read")
    assert "Item 4 of profile_posts_2.json (missing) has no 'timestamp'" in message


@pytest.mark.parametrize(
    "entry,words",
    [
        ({"title": "no media"}, "no 'media' list"),
        ({"media": []}, "no 'media' list"),
        ({"media": ["a.jpg"]}, "no 'media' list"),
        ({"media": [{"uri": "a.jpg", "creation_timestamp": 1767258000, "title": ["x"]}]}, "its 'title' is not text"),
        ({"media": [{"uri": "a.jpg", "title": "no time"}]}, "no 'creation_timestamp' that can be read"),
    ],
)
def test_an_unreadable_instagram_item_is_named(tmp_path, entry, words):
    good = {"media": [{"uri": "b.jpg", "creation_timestamp": 1767258000, "title": "fine"}]}
    path = save(tmp_path, "posts_1.json", json.dumps([good, entry]).encode())
    message = problem(INSTAGRAM, path)
    assert "Item 2" in message and words in message


@pytest.mark.parametrize(
    "reader,content,words",
    [
        (FACEBOOK, {"status_updates": "x"}, "its top level has 'status_updates'"),
        (INSTAGRAM, {"ig_reels_media": "x"}, "its top level has 'ig_reels_media'"),
        (THREADS, [{"media": []}], "it is a JSON list"),
        (THREADS, {"text_post_app_text_posts": {"media": []}}, "its top level has 'text_post_app_text_posts'"),
        (FACEBOOK, "just text", "it is a JSON str"),
    ],
)
def test_json_of_the_wrong_shape_is_refused_saying_what_was_expected(tmp_path, reader, content, words):
    message = problem(reader, save(tmp_path, "file.json", json.dumps(content).encode()))
    assert "not a list of posts" in message and words in message and "Expected" in message


@pytest.mark.parametrize("reader", READERS)
def test_a_cut_off_json_file_is_refused(samples, tmp_path, reader):
    data = (samples / "threads_and_replies.json").read_bytes()
    message = problem(reader, save(tmp_path, "threads_and_replies.json", data[: len(data) // 2]))
    assert "not valid JSON" in message and "Expected" in message


def test_an_empty_list_of_posts_is_refused(tmp_path):
    assert "has no posts in it" in problem(FACEBOOK, save(tmp_path, "profile_posts_1.json", b"[]"))
    empty = save(tmp_path, "threads_and_replies.json", b'{"text_post_app_text_posts": []}')
    assert "has no posts in it" in problem(THREADS, empty)
    cover = [{"timestamp": 1767258000, "data": [], "title": "Fernleaf Nursery updated their cover photo."}]
    message = problem(FACEBOOK, save(tmp_path, "profile_posts_1.json", json.dumps(cover).encode()))
    assert "has no posts in it (1 items, none with words or anything attached)" in message


SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "media",
                    "title",
                    "creation_timestamp",
                    "timestamp",
                    "data",
                    "post",
                    "attachments",
                    "description",
                    "uri",
                    "text_app_post",
                    "is_reply",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=JSON)
@example(entry={"media": {"uri": []}})  # an address that is a list once crashed the reader (found by Hypothesis)
@example(entry={"media": {"uri": [None]}})
def test_any_item_in_a_posts_file_gives_a_table_or_an_import_problem(entry):
    files = [(FACEBOOK, [entry]), (INSTAGRAM, [entry]), (THREADS, {"text_post_app_text_posts": [entry]})]
    for reader, doc in files:
        try:
            table = reader.read(Found("file.json", json.dumps(doc).encode()))
        except ImportProblem:
            continue
        assert len(table) == 1 and set(table.columns) <= set(NAMES)


# --- the readers and the writer --------------------------------------------------------------------


def test_the_readers_say_what_they_are():
    assert meta_download.READERS == (FACEBOOK, INSTAGRAM, THREADS)
    assert [r.key for r in READERS] == ["facebook-download", "instagram-download", "threads-download"]
    assert [r.sample for r in READERS] == list(writer.FILES)
    for reader in READERS:
        assert reader.help_url is None and reader.in_browser  # no Meta help page could be verified
        assert all(f.column in NAMES or f.column == "" for f in reader.fields)
        assert "JSON" in reader.how_to_get


def test_the_writer_makes_the_same_bytes_every_time(tmp_path):
    for run in ("a", "b"):
        writer.write(tmp_path / run, POSTS, SEED)
    for name in writer.FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (
        members(tmp_path / "a" / "instagram_download.zip")[IG_THREADS]
        == (tmp_path / "a" / "threads_and_replies.json").read_bytes()
    )
