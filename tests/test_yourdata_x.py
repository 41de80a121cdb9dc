"""X (Twitter): the analytics export (Content and the older Tweet activity) and the account archive are read
completely, against the nursery's posts the example files were written from, and wrong or damaged files
are refused in plain words."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readers import read_with as read
from readers import refusal as refused
from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import nursery_posts
from sevencs.datasets.platforms import x as writer
from sevencs.yourdata.files import Found, open_source
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.x import ANALYTICS, ARCHIVE, READERS

CONTENT, ACTIVITY, ARCHIVE_ZIP = writer.FILES


@pytest.fixture(scope="module")
def posts() -> list[dict]:
    return nursery_posts(SEED)


@pytest.fixture(scope="module")
def samples(tmp_path_factory, posts) -> Path:
    directory = tmp_path_factory.mktemp("x")
    writer.write(directory, posts, SEED)
    return directory


def rows_of(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(path: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of an archive with members replaced (or left out, for None)."""
    files = {**members(path), **changes}
    out = path.parent / f"changed_{len(list(path.parent.iterdir()))}.zip"
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            if data is not None:
                archive.writestr(name, data)
    return out


def tweets_of(data: bytes) -> list[dict]:
    """The items of one tweets.js, read here with the standard library alone."""
    return json.loads(data.decode("utf-8").split(" = ", 1)[1])


def all_tweets(files: dict[str, bytes]) -> list[dict]:
    return [i["tweet"] for name in ("data/tweets.js", "data/tweets-part1.js") for i in tweets_of(files[name])]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# --- the example files -----------------------------------------------------------------


def test_the_example_files_are_the_same_bytes_on_every_run(tmp_path, samples, posts):
    writer.write(tmp_path, posts, SEED)
    for name in writer.FILES:
        assert (tmp_path / name).read_bytes() == (samples / name).read_bytes(), name
    assert all((samples / name).stat().st_size < 40_000 for name in writer.FILES)


def test_the_readers_are_the_modules_readers_with_their_keys():
    assert READERS == (ANALYTICS, ARCHIVE)
    assert (ANALYTICS.key, ARCHIVE.key) == ("x-analytics", "x-archive")
    assert (ANALYTICS.sample, ARCHIVE.sample) == (CONTENT, ARCHIVE_ZIP)
    assert all(r.in_browser and r.fields and r.how_to_get for r in READERS)


# --- the analytics Content export --------------------------------------------------------


def test_the_content_export_gives_every_post_with_its_day_and_counts(samples, posts):
    table = read(ANALYTICS, samples / CONTENT)
    mine = table[table["kind"] == "post"]
    expected = sorted(
        (pd.Timestamp(p["date"]).normalize(), p["text"], p["likes"], p["comments"], p["shares"], p["impressions"])
        for p in posts
    )
    found = sorted(
        zip(mine["date"], mine["text"], mine["likes"], mine["comments"], mine["shares"], mine["impressions"])
    )
    assert found == expected
    assert (table["date"] == table["date"].dt.normalize()).all()  # the export gives days, not times
    assert table["date"].is_monotonic_increasing


def test_the_content_export_marks_replies_by_their_leading_at(samples):
    rows = rows_of(samples / CONTENT)
    table = read(ANALYTICS, samples / CONTENT)
    replies = {r["Post id"] for r in rows if r["Post text"].startswith("@")}
    assert len(replies) >= 2
    assert set(table.loc[table["kind"] == "reply", "post_id"]) == replies
    assert len(table) == len(rows) and set(table["kind"]) == {"post", "reply"}
    assert f"replies ({len(replies)} of them)" in " ".join(table.attrs["assumptions"])


def test_the_content_export_maps_reposts_bookmarks_and_link_clicks(samples):
    rows = {r["Post id"]: r for r in rows_of(samples / CONTENT)}
    table = read(ANALYTICS, samples / CONTENT)
    for _, post in table.iterrows():
        row = rows[post["post_id"]]
        assert (post["shares"], post["saves"], post["clicks"], post["follows"], post["url"]) == (
            int(row["Reposts"]),
            int(row["Bookmarks"]),
            int(row["URL Clicks"]),
            int(row["New follows"]),
            row["Post Link"],
        )
    assert all(re.fullmatch(r"\d{19}", i) for i in table["post_id"])  # 19-digit ids kept whole, as text
    attrs = table.attrs
    assert attrs["format"] == "x-analytics" and attrs["platform"] == "X" and attrs["member"] is None
    assert attrs["recognised_as"] == "X's analytics Content export" and attrs["file"] == CONTENT
    assert attrs["headers"] == {
        "date": "Date",
        "impressions": "Impressions",
        "likes": "Likes",
        "comments": "Replies",
        "shares": "Reposts",
        "saves": "Bookmarks",
        "follows": "New follows",
        "clicks": "URL Clicks",
        "post_id": "Post id",
        "text": "Post text",
        "kind": "Post text (a reply starts with @)",
        "url": "Post Link",
    }
    assert {"Shares", "Engagements", "Profile visits", "Detail Expands"} <= set(attrs["ignored_columns"])
    said = " ".join(attrs["assumptions"])
    assert "not the time" in said and "clicks on links" in said
    assert set(attrs["missing"]) == {"reach", "followers"} and "type" in attrs["absent_columns"]


def test_the_content_export_is_read_whatever_the_case_of_its_headers(tmp_path, samples):
    text = (samples / CONTENT).read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    table = read(ANALYTICS, write(tmp_path, "lower.csv", "\ufeff" + header.upper() + "\n" + rest))
    assert table["likes"].tolist() == read(ANALYTICS, samples / CONTENT)["likes"].tolist()
    assert table.attrs["headers"]["shares"] == "REPOSTS"


# --- the older Tweet activity export -----------------------------------------------------


def test_the_tweet_activity_export_gives_times_in_utc_and_its_decimal_counts(samples, posts):
    raw = (samples / ACTIVITY).read_bytes()
    assert raw.startswith(b'"Tweet id","Tweet permalink","Tweet text","time"') and b'"395.0"' in raw
    table = read(ANALYTICS, samples / ACTIVITY)
    mine = table[table["kind"] == "post"].sort_values("date")
    ordered = sorted(posts, key=lambda p: p["date"])
    assert mine["date"].tolist() == [pd.Timestamp(p["date"]) for p in ordered]
    for column in ("likes", "comments", "shares", "impressions"):
        assert mine[column].tolist() == [p[column] for p in ordered], column
    assert all(t.startswith(p["text"]) for t, p in zip(mine["text"], ordered))
    how_to = [t for t, p in zip(mine["text"], ordered) if p["type"] == "how-to"]
    assert how_to and all("\nThe whole guide: https://t.co/" in t for t in how_to)  # the line break is kept
    assert b"Tea &amp; cake" in raw and table["text"].str.contains("Tea & cake", regex=False).any()
    assert table.attrs["recognised_as"] == "X's older Tweet activity export"
    assert table.attrs["headers"]["date"] == "time" and table.attrs["headers"]["shares"] == "retweets"
    assert "UTC" in table.attrs["assumptions"][0]
    assert "bookmarks" in table.attrs["missing"]["saves"] and "saves" not in table.columns
    assert "promoted likes" in table.attrs["ignored_columns"]


def test_an_export_from_before_late_2015_says_favorites_and_is_read_as_likes(tmp_path, samples):
    text = (samples / ACTIVITY).read_text(encoding="utf-8").replace('"likes"', '"favorites"', 1)
    text = text.replace('"promoted likes"', '"promoted favorites"', 1)
    table = read(ANALYTICS, write(tmp_path, "tweet_activity_metrics_old.csv", text))
    assert table["likes"].tolist() == read(ANALYTICS, samples / ACTIVITY)["likes"].tolist()
    assert table.attrs["headers"]["likes"] == "favorites"


def test_a_promoted_post_is_said_and_its_paid_results_left_out(tmp_path, samples):
    rows = list(csv.reader(io.StringIO((samples / ACTIVITY).read_text(encoding="utf-8"), newline="")))
    rows[1][22:] = ["120.0", "4.0", "0.03", "1.0", "0.0", "3.0"] + ["0"] * 12
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    table = read(ANALYTICS, write(tmp_path, "promoted.csv", out.getvalue()))
    assert "Some posts were promoted (1 of them)" in " ".join(table.attrs["assumptions"])
    assert table["impressions"].tolist() == read(ANALYTICS, samples / ACTIVITY)["impressions"].tolist()
    assert "promoted" not in " ".join(read(ANALYTICS, samples / ACTIVITY).attrs["assumptions"])


# --- the account archive -----------------------------------------------------------------


def test_the_archive_gives_every_post_reply_and_repost_from_both_parts(samples, posts):
    files = members(samples / ARCHIVE_ZIP)
    items = all_tweets(files)
    table = read(ARCHIVE, samples / ARCHIVE_ZIP)
    assert len(table) == len(items) and len(tweets_of(files["data/tweets-part1.js"])) > 0
    reposts = [i for i in items if i["full_text"].startswith("RT @")]
    assert len(reposts) >= 1 and (table["kind"] == "boost").sum() == len(reposts)
    mine = table[table["kind"] == "post"]
    ordered = sorted(posts, key=lambda p: p["date"])
    assert mine["date"].tolist() == [pd.Timestamp(p["date"]) for p in ordered]
    assert mine["likes"].tolist() == [p["likes"] for p in ordered]
    assert mine["shares"].tolist() == [p["shares"] for p in ordered]
    assert all(t.startswith(p["text"]) for t, p in zip(mine["text"], ordered))
    boosts = table[table["kind"] == "boost"]
    assert boosts["likes"].isna().all() and boosts["shares"].isna().all()  # the original's counts, not ours
    assert table["likes"].dtype == "Int64" and mine["likes"].notna().all()


def test_the_archive_tells_replies_from_a_thread_with_the_manifest(samples):
    files = members(samples / ARCHIVE_ZIP)
    manifest = json.loads(files["data/manifest.js"].decode("utf-8").split(" = ", 1)[1])
    account = manifest["userInfo"]["accountId"]
    answers = [i for i in all_tweets(files) if i.get("in_reply_to_status_id_str")]
    to_others = {i["id_str"] for i in answers if i["in_reply_to_user_id_str"] != account}
    threads = {i["id_str"] for i in answers if i["in_reply_to_user_id_str"] == account}
    assert to_others and threads
    table = read(ARCHIVE, samples / ARCHIVE_ZIP)
    assert set(table.loc[table["kind"] == "reply", "post_id"]) == to_others
    assert set(table.loc[table["post_id"].isin(threads), "kind"]) == {"post"}
    assert f"(threads, {len(threads)} of them) were counted as posts" in " ".join(table.attrs["assumptions"])


def test_the_archive_text_has_entities_unescaped_and_links_written_out(samples):
    files = members(samples / ARCHIVE_ZIP)
    raw = files["data/tweets.js"] + files["data/tweets-part1.js"]
    assert b"&amp;" in raw and b"&lt;3" in raw and b"https://t.co/" in raw
    table = read(ARCHIVE, samples / ARCHIVE_ZIP)
    assert not table["text"].str.contains("t.co/", regex=False).any()
    assert not table["text"].str.contains("&amp;|&lt;", regex=True).any()
    assert table["text"].str.contains("Tea & cake", regex=False).any()
    assert table["text"].str.endswith("Fernleaf bulbs <3").any()
    assert table["text"].str.contains("https://fernleaf.example/guides/", regex=False).any()
    assert "written out in full" in " ".join(table.attrs["assumptions"])


def test_the_archive_records_where_it_came_from_and_what_it_lacks(samples):
    table = read(ARCHIVE, samples / ARCHIVE_ZIP)
    attrs = table.attrs
    assert attrs["format"] == "x-archive" and attrs["recognised_as"] == "an X archive"
    assert attrs["file"] == ARCHIVE_ZIP and attrs["member"] == "data/tweets.js, data/tweets-part1.js"
    assert attrs["source"] == f"{ARCHIVE_ZIP} › data/tweets.js, data/tweets-part1.js"
    assert attrs["headers"]["likes"] == "favorite_count" and attrs["headers"]["shares"] == "retweet_count"
    for column in ("impressions", "comments"):
        assert "Content export" in attrs["missing"][column] and column not in table.columns
    assert table["url"].tolist() == [f"https://x.com/fernleaf_nursery/status/{i}" for i in table["post_id"]]
    assert "UTC" in attrs["assumptions"][0]
    assert not any("note-tweet" in a for a in attrs["assumptions"])  # the example's note-tweet.js is empty


def test_the_same_posts_have_the_same_ids_in_the_archive_and_the_analytics_export(samples):
    archive = read(ARCHIVE, samples / ARCHIVE_ZIP)
    content = read(ANALYTICS, samples / CONTENT)
    assert set(archive.loc[archive["kind"] != "boost", "post_id"]) == set(content["post_id"])


def test_tweets_js_alone_is_read_and_says_what_it_cannot_tell(tmp_path, samples):
    data = members(samples / ARCHIVE_ZIP)["data/tweets.js"]
    table = read(ARCHIVE, write(tmp_path, "tweets.js", data))
    assert len(table) == len(tweets_of(data))
    assert table.attrs["member"] is None and table.attrs["source"] == "tweets.js"
    assert table.attrs["recognised_as"] == "the posts file of an X archive" and "url" not in table.columns
    assert "Without the archive's manifest.js" in " ".join(table.attrs["assumptions"])


def test_a_later_part_alone_says_it_is_one_part(tmp_path, samples):
    data = members(samples / ARCHIVE_ZIP)["data/tweets-part1.js"]
    table = read(ARCHIVE, write(tmp_path, "tweets-part1.js", data))
    assert len(table) == len(tweets_of(data))
    assert "is part 2 of your posts" in " ".join(table.attrs["assumptions"])


def test_an_old_archive_with_tweet_js_and_no_wrapper_is_read(tmp_path):
    items = [
        {
            "id_str": "1140941647720718336",
            "created_at": "Tue Jun 18 11:17:41 +0000 2019",
            "full_text": "Open late on Friday &amp; Saturday",
            "favorite_count": "4",
            "retweet_count": "1",
        },
        {
            "id_str": "1140941647720718337",
            "created_at": "Wed Jun 19 08:00:00 +0000 2019",
            "full_text": "@ivan_c see you then",
            "in_reply_to_status_id_str": "1",
            "favorite_count": "0",
            "retweet_count": "0",
        },
    ]
    path = tmp_path / "twitter-2019.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("twitter-2019/data/tweet.js", "window.YTD.tweet.part0 = " + json.dumps(items))
        archive.writestr("twitter-2019/data/like.js", "window.YTD.like.part0 = []")
    table = read(ARCHIVE, path)
    assert table["text"].tolist() == ["Open late on Friday & Saturday", "@ivan_c see you then"]
    assert table["kind"].tolist() == ["post", "reply"] and table["likes"].tolist() == [4, 0]
    assert table["date"].tolist() == [pd.Timestamp("2019-06-18 11:17:41"), pd.Timestamp("2019-06-19 08:00:00")]
    assert table.attrs["member"] == "twitter-2019/data/tweet.js"


def test_tweets_js_with_its_prefix_taken_off_is_still_read(tmp_path, samples):
    data = members(samples / ARCHIVE_ZIP)["data/tweets.js"]
    plain = data.decode("utf-8").split(" = ", 1)[1]
    table = read(ARCHIVE, write(tmp_path, "tweets.json", plain))
    assert len(table) == len(tweets_of(data))


def test_a_long_post_kept_in_note_tweet_js_is_said(tmp_path, samples):
    note = 'window.YTD.note_tweet.part0 = [ {"noteTweet": {"noteTweetId": "1", "core": {"text": "long"}}} ]'
    table = read(ARCHIVE, rezip(samples / ARCHIVE_ZIP, {"data/note-tweet.js": note.encode()}))
    assert "Some of your posts (1) are longer than 280 characters" in " ".join(table.attrs["assumptions"])


# --- wrong files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "account_overview_analytics.csv",
            "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,"
            "Profile visits,Create Post,Video views,Media views\n"
            '"Tue, Jul 14, 2026",1200,30,80,2,1,3,1,4,2,9,1,0,0\n',
            "account overview export",
        ),
        (
            "video_overview_analytics.csv",
            "Video overview,,,,,\nDate,Views,Watch Time (ms),Completion Rate,Average Watch Time (ms),"
            'Estimated Revenue\n"Tue, Jul 14, 2026",40,120000,0.2,3000,0\n',
            "video overview export",
        ),
        (
            "daily_tweet_activity_metrics_fernleaf_20211201_20220101_en.csv",
            '"Date","Tweets published","impressions","engagements","engagement rate","retweets","replies","likes"\n'
            '"2021-12-01","2","1088.0","13.0","0.0119","0.0","0.0","2.0"\n',
            "'by day' Tweet activity export",
        ),
    ],
)
def test_the_per_day_files_of_x_analytics_are_refused_naming_the_content_export(tmp_path, name, content, words):
    path = write(tmp_path, name, content)
    assert ANALYTICS.recognise(open_source(path)) and not ARCHIVE.recognise(open_source(path))
    message = refused(ANALYTICS, path)
    assert words in message and "not the export of your posts" in message
    assert "Content tab" in message and "account_analytics_content" in message


@pytest.mark.parametrize(
    "name, content, words",
    [
        (
            "like.js",
            'window.YTD.like.part0 = [ {"like": {"tweetId": "1", "fullText": "hi"}} ]',
            "like.js (the posts you liked)",
        ),
        (
            "follower.js",
            'window.YTD.follower.part0 = [ {"follower": {"accountId": "1"}} ]',
            "follower.js (your followers)",
        ),
        ("manifest.js", 'window.__THAR_CONFIG = {"userInfo": {"userName": "me"}}', "manifest.js"),
        ("tweet-headers.js", "window.YTD.tweet_headers.part0 = [ ]", "tweet-headers.js"),
    ],
)
def test_the_archives_other_files_are_refused_naming_tweets_js(tmp_path, name, content, words):
    path = write(tmp_path, name, content)
    assert ARCHIVE.recognise(open_source(path)) and not ANALYTICS.recognise(open_source(path))
    message = refused(ARCHIVE, path)
    assert words in message and "not your posts" in message and "data/tweets.js" in message


def test_an_archive_without_tweets_js_is_refused(tmp_path, samples):
    path = rezip(samples / ARCHIVE_ZIP, {"data/tweets.js": None, "data/tweets-part1.js": None})
    assert ARCHIVE.recognise(open_source(path))  # the manifest says it is an X archive
    message = refused(ARCHIVE, path)
    assert "without data/tweets.js" in message and "data/like.js" in message
    assert "Download an archive of your data" in message


def test_an_archive_missing_a_part_its_manifest_lists_is_refused(tmp_path, samples):
    message = refused(ARCHIVE, rezip(samples / ARCHIVE_ZIP, {"data/tweets-part1.js": None}))
    assert "lists file data/tweets-part1.js" in message and "incomplete" in message and "Download" in message


# --- damaged files ----------------------------------------------------------------------


def test_a_truncated_archive_is_refused(tmp_path, samples):
    data = (samples / ARCHIVE_ZIP).read_bytes()
    path = write(tmp_path, "cut.zip", data[: len(data) * 2 // 3])
    assert "damaged or cut short" in refused(ARCHIVE, path)


def test_a_tweets_js_cut_short_is_refused_naming_the_file(tmp_path, samples):
    data = members(samples / ARCHIVE_ZIP)["data/tweets.js"]
    message = refused(ARCHIVE, rezip(samples / ARCHIVE_ZIP, {"data/tweets.js": data[: len(data) // 2]}))
    assert "data/tweets.js is not valid JSON" in message


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda t: t.pop("full_text"), "Item 2 of data/tweets.js is not a post (no 'full_text')"),
        (lambda t: t.update(created_at="yesterday"), "Item 2 of data/tweets.js ('yesterday') has no 'created_at' time"),
        (lambda t: t.update(created_at="Mon Jan 01 00:00:00 +0000 1066"), "has no 'created_at' time that can be read"),
        (lambda t: t.update(favorite_count="lots"), "Item 2 of data/tweets.js ('lots') has no 'favorite_count'"),
        (lambda t: t.update(retweet_count="-3"), "has no 'retweet_count' that can be read as a count"),
        (lambda t: t.pop("id_str") and t.pop("id"), "Item 2 of data/tweets.js has no 'id_str'"),
    ],
)
def test_a_post_that_cannot_be_read_is_refused_with_its_item(tmp_path, samples, change, words):
    files = members(samples / ARCHIVE_ZIP)
    items = tweets_of(files["data/tweets.js"])
    assert not items[1]["tweet"]["full_text"].startswith("RT @")
    change(items[1]["tweet"])
    changed = b"window.YTD.tweets.part0 = " + json.dumps(items).encode()
    path = rezip(samples / ARCHIVE_ZIP, {"data/tweets.js": changed})
    message = refused(ARCHIVE, path)
    assert "could not be read, so nothing was loaded" in message and words in message


def test_a_post_given_twice_is_refused(tmp_path, samples):
    data = members(samples / ARCHIVE_ZIP)["data/tweets.js"]
    again = data.replace(b"tweets.part0", b"tweet.part0")  # the same posts as tweet.js, beside tweets.js
    message = refused(ARCHIVE, rezip(samples / ARCHIVE_ZIP, {"data/tweet.js": again}))
    assert "repeat a post given earlier" in message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["content", "activity", "tweets.js"]),
    st.integers(0, 10**6),
    st.integers(0, 60),
    st.sampled_from(['"', "", "\n", ",", "null", "[", "}", "RT @", "@", "-1", "\u00e9", "1e999"]),
)
def test_a_damaged_copy_of_an_example_gives_a_table_or_an_import_problem(samples, which, at, cut, put):
    data = {
        "content": (samples / CONTENT).read_bytes(),
        "activity": (samples / ACTIVITY).read_bytes(),
        "tweets.js": members(samples / ARCHIVE_ZIP)["data/tweets.js"],
    }[which]
    at %= len(data)
    found = Found(which, data[:at] + put.encode() + data[at + cut :], file_name=which)
    for reader in READERS:
        if reader.recognise(found):
            try:
                table = reader.read(found)
            except ImportProblem as problem:
                assert str(problem).strip()
            else:
                assert len(table) >= 1 and table["date"].notna().all()
                assert table["date"].is_monotonic_increasing


@pytest.mark.parametrize(
    "content, words",
    [
        ('window.YTD.tweets.part0 = {"tweet": {}}', "is not X's list of your posts"),
        ("window.YTD.tweets.part0 = [1, 2]", "is not X's list of your posts"),
        ("window.YTD.tweets.part0 = [ ]", "has no posts in it"),
        ('window.YTD.tweets.part0 = [ {"tweet": "hello"} ]', "is not X's list of your posts"),
        (
            'window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1", "full_text": "hi", "favorite_count": "0", '
            '"retweet_count": "0", "created_at": "Sat Dec 06 18:20:30 +0000 2025"}}, {"tweet": "hello"} ]',
            "Item 2 of tweets.js is not a post",
        ),
    ],
)
def test_a_tweets_js_of_the_wrong_shape_is_refused(tmp_path, content, words):
    assert words in refused(ARCHIVE, write(tmp_path, "tweets.js", content))


@pytest.mark.parametrize(
    "edit, words",
    [
        (
            lambda rows: rows[1].__setitem__(1, "sometime in July"),
            "In the column 'Date', row 2 ('sometime in July') cannot be read",
        ),
        (lambda rows: rows[2].__setitem__(5, "many"), "In the column 'Likes', row 3 ('many') is not a number"),
        (lambda rows: rows[3].__setitem__(11, "-2"), "row 4 ('-2') is negative"),
        (lambda rows: rows[2].__setitem__(0, rows[1][0]), "repeat a post id"),
        (lambda rows: rows[1].append("extra"), "more cells than the header row has columns"),
        (lambda rows: rows.__delitem__(slice(1, None)), "has a header row but no posts under it"),
    ],
)
def test_a_content_export_with_a_cell_that_cannot_be_read_is_refused_with_its_row(tmp_path, samples, edit, words):
    rows = list(csv.reader(io.StringIO((samples / CONTENT).read_text(encoding="utf-8"), newline="")))
    edit(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    assert words in refused(ANALYTICS, write(tmp_path, "account_analytics_content.csv", out.getvalue()))


def test_a_quote_that_never_closes_is_refused(tmp_path, samples):
    text = (samples / CONTENT).read_text(encoding="utf-8") + '1,"Tue, Jul 14, 2026","never closed, 0,0\n'
    message = refused(ANALYTICS, write(tmp_path, "broken.csv", text))
    assert "opens a cell that never closes" in message and "Nothing was loaded" in message


# --- recognising --------------------------------------------------------------------------


def test_each_reader_recognises_only_its_own_examples(samples):
    assert [r.key for r in READERS if r.recognise(open_source(samples / CONTENT))] == ["x-analytics"]
    assert [r.key for r in READERS if r.recognise(open_source(samples / ACTIVITY))] == ["x-analytics"]
    assert [r.key for r in READERS if r.recognise(open_source(samples / ARCHIVE_ZIP))] == ["x-archive"]


def test_no_other_example_file_is_taken_for_an_x_file():
    others = [p for p in EXAMPLES_DIR.iterdir() if p.is_file() and not p.name.startswith("x_")]
    assert len(others) >= 6
    for path in others:
        found = open_source(path)
        assert not any(r.recognise(found) for r in READERS), path.name


@pytest.mark.parametrize("start", [b"", b"PK\x03\x04", b"window.", b'"Tweet id",', b"\x1f\x8b", b"[{"])
def test_random_bytes_are_not_taken_for_an_x_file(tmp_path, start):
    data = start + random.Random(len(start)).randbytes(3000)
    found = open_source(write(tmp_path, "random.bin", data))
    assert not any(r.recognise(found) for r in READERS)
