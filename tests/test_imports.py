"""Bring your own data: the loaders read good files completely and refuse bad ones in plain words."""

from __future__ import annotations

import csv
import datetime as dt
import filecmp
import gzip
import html
import io
import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from sevencs import imports
from sevencs.datasets import examples as example_files
from sevencs.datasets import load_posts
from sevencs.imports import (
    CSV_COLUMNS,
    HEADER_ALIASES,
    ImportProblem,
    describe_csv_columns,
    describe_mastodon_fields,
    example_path,
    examples,
    html_to_text,
    read_mastodon_outbox,
    read_posts,
    read_posts_csv,
    safe_html,
    what_was_read,
)
from sevencs.parsing import MAX_COUNT, parse_counts, parse_dates
from sevencs.yourdata import files
from sevencs.yourdata.csvtext import normal

HEADER = "date,text,likes,comments,shares\n"


def write(tmp_path: Path, content: str | bytes, name: str = "posts.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def problem(path, **kwargs) -> str:
    with pytest.raises(ImportProblem) as caught:
        read_posts(path, **kwargs)
    return str(caught.value)


def outbox(*items) -> str:
    return json.dumps(
        {
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": "outbox.json",
            "type": "OrderedCollection",
            "orderedItems": list(items),
        }
    )


def create(content: str, published: str = "2026-03-01T10:00:00Z", reply_to: str | None = None, **extra) -> dict:
    note = {
        "id": "https://social.example/users/me/statuses/1",
        "type": "Note",
        "content": content,
        "inReplyTo": reply_to,
        "url": "https://social.example/@me/1",
        **extra,
    }
    return {"type": "Create", "published": published, "object": note}


# --- the shipped examples --------------------------------------------------------------


def test_the_example_files_are_exactly_what_the_generator_makes(tmp_path):
    written = example_files.write_examples(tmp_path)
    assert sorted(p.name for p in written) == sorted(examples())
    for path in written:
        assert filecmp.cmp(path, example_path(path.name), shallow=False), path.name


def test_example_posts_csv_holds_the_sample_posts_with_the_same_values():
    table = read_posts(example_path("posts.csv"))
    with example_path("posts.csv").open(newline="", encoding="utf-8") as handle:
        ids = [int(row["post_id"]) for row in csv.DictReader(handle)]
    sample = load_posts().set_index("post_id").loc[ids].reset_index()
    pd.testing.assert_frame_equal(table, sample)
    assert table.attrs["format"] == "csv" and table.attrs["absent_columns"] == []


def test_the_analytics_export_reads_to_the_same_posts_through_its_own_headers():
    ours = read_posts(example_path("posts.csv"))
    export = read_posts(example_path("analytics_export.csv"))
    assert len(export) == len(ours)
    for column in ["date", "text", "type", "reach", "likes", "comments", "shares", "impressions"]:
        assert export[column].tolist() == ours[column].tolist(), column
    assert export.attrs["format"] == "csv"
    assert export.attrs["headers"]["date"] == "Published" and export.attrs["headers"]["text"] == "Post text"
    assert {"Profile", "Network"} <= set(export.attrs["ignored_columns"])
    assert "followers" not in export.columns and "followers" in export.attrs["absent_columns"]
    assert export["url"].str.startswith("https://fernleaf.example/").all()


def test_the_example_outbox_gives_posts_replies_and_boosts_as_counted_in_the_json():
    doc = json.loads(example_path("outbox.json").read_text(encoding="utf-8"))
    items = doc["orderedItems"]
    replies = sum(i["type"] == "Create" and bool(i["object"]["inReplyTo"]) for i in items)
    boosts = sum(i["type"] == "Announce" for i in items)
    table = read_mastodon_outbox(example_path("outbox.json"))
    assert len(table) == len(items)
    assert table["kind"].value_counts().to_dict() == {
        "post": len(items) - replies - boosts,
        "reply": replies,
        "boost": boosts,
    }
    assert replies >= 1 and boosts >= 1
    expected_dates = sorted(pd.to_datetime([i["published"] for i in items], utc=True).tz_localize(None))
    assert table["date"].tolist() == expected_dates
    assert table["post_id"].tolist() == list(range(1, len(items) + 1))


def test_the_example_outbox_text_is_plain_words_with_entities_and_links_resolved():
    table = read_posts(example_path("outbox.json"))
    assert not table["text"].str.contains("<").any()
    assert table["text"].str.contains("Tea & cake").any()  # written as &amp; in the JSON
    assert table["text"].str.contains("grandmother's").any()  # written as &#39;
    assert table["text"].str.contains("https://fernleaf.example/guides/").any()  # link text kept
    assert (table.loc[table["kind"] == "boost", "text"] == "").all()


def test_a_mastodon_table_from_before_version_4_3_has_no_counts_rather_than_invented_zeros(tmp_path):
    doc = json.loads(example_path("outbox.json").read_text(encoding="utf-8"))
    for item in doc["orderedItems"]:
        if item["type"] == "Create":
            del item["object"]["likes"], item["object"]["shares"]
    table = read_posts(write(tmp_path, json.dumps(doc), "outbox.json"))
    for column in ["likes", "comments", "shares", "reach", "impressions", "followers", "type"]:
        assert column not in table.columns
        assert column in table.attrs["absent_columns"]
    assert list(table.columns) == ["post_id", "date", "text", "kind", "url"]
    assert "Mastodon 4.3" in table.attrs["missing"]["likes"]


def test_a_mastodon_archive_from_4_3_on_gives_each_posts_favourites_and_boosts():
    doc = json.loads(example_path("outbox.json").read_text(encoding="utf-8"))
    table = read_posts(example_path("mastodon_archive.zip"))
    creates = [i for i in doc["orderedItems"] if i["type"] == "Create"]
    expected = sorted(
        (
            pd.Timestamp(i["published"]).tz_localize(None),
            i["object"]["likes"]["totalItems"],
            i["object"]["shares"]["totalItems"],
        )
        for i in creates
    )
    mine = table[table["kind"] != "boost"]
    assert sorted(zip(mine["date"], mine["likes"], mine["shares"])) == expected
    assert table.loc[table["kind"] == "boost", "likes"].isna().all()  # no counts of our own on a boost
    assert table.attrs["headers"]["likes"] == "object.likes.totalItems"
    assert table.attrs["member"] == "outbox.json" and table.attrs["file"] == "mastodon_archive.zip"


def test_example_path_names_the_examples_when_the_name_is_wrong():
    with pytest.raises(ValueError, match=r"posts.csv") as caught:
        example_path("nope.csv")
    assert isinstance(caught.value, ImportProblem) and "'nope.csv'" in str(caught.value)
    assert all(example_path(name).is_file() for name in examples())


# --- the CSV format ----------------------------------------------------------------------


def test_sample_posts_written_in_our_format_read_back_equal(tmp_path):
    sample = load_posts()
    path = tmp_path / "mine.csv"
    sample.to_csv(path, index=False)
    pd.testing.assert_frame_equal(read_posts_csv(path), sample)


def test_an_open_binary_file_reads_like_a_path():
    data = example_path("posts.csv").read_bytes()
    from_memory = read_posts(io.BytesIO(data))
    pd.testing.assert_frame_equal(from_memory, read_posts(example_path("posts.csv")))
    assert from_memory.attrs["source"] == "the uploaded file"


def test_only_date_and_text_are_required_and_posts_are_numbered_in_date_order(tmp_path):
    path = write(tmp_path, "date,text\n2026-03-02 09:00,second\n2026-03-01 09:00,first\n")
    table = read_posts(path)
    assert list(table.columns) == ["post_id", "date", "text"]
    assert table["text"].tolist() == ["first", "second"]
    assert table["post_id"].tolist() == [1, 2]
    assert set(table.attrs["absent_columns"]) == {
        "type",
        "reach",
        "likes",
        "comments",
        "shares",
        "followers",
        "impressions",
    }


@pytest.mark.parametrize(
    "header", ["Publish time", "PUBLISH TIME", "  publish_time ", "Publish-Time", "Date", "created_at", "Published"]
)
def test_date_headers_from_exports_are_recognised_whatever_their_case_and_spacing(tmp_path, header):
    path = write(tmp_path, f'"{header}",Message\n2026-03-01 09:00,hello\n')
    table = read_posts(path)
    assert table["date"].tolist() == [pd.Timestamp("2026-03-01 09:00")]
    assert table.attrs["headers"]["date"] == header.strip()


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Message", "text"),
        ("Description", "text"),
        ("Title", "text"),
        ("Caption", "text"),
        ("Reactions", "likes"),
        ("Likes", "likes"),
        ("favourites", "likes"),
        ("Comments", "comments"),
        ("Replies", "comments"),
        ("Shares", "shares"),
        ("Boosts", "shares"),
        ("Reach", "reach"),
        ("Impressions", "impressions"),
        ("Followers", "followers"),
        ("Post ID", "post_id"),
        ("Permalink", "url"),
        ("Post type", "type"),
    ],
)
def test_each_alias_fills_its_column(tmp_path, header, column):
    cells = {
        "text": "words",
        "likes": "4",
        "comments": "4",
        "shares": "4",
        "reach": "4",
        "impressions": "4",
        "followers": "4",
        "post_id": "77",
        "url": "https://x.example/1",
        "type": "Story",
    }
    if column == "text":
        content = f"date,{header}\n2026-03-01,{cells['text']}\n"
    else:
        content = f"date,text,{header}\n2026-03-01,words,{cells[column]}\n"
    table = read_posts(write(tmp_path, content))
    expected = {
        "likes": 4,
        "comments": 4,
        "shares": 4,
        "reach": 4,
        "impressions": 4,
        "followers": 4,
        "post_id": 77,
        "url": "https://x.example/1",
        "type": "story",
        "text": "words",
    }[column]
    assert table[column].tolist() == [expected]


def test_when_two_headers_mean_the_same_column_the_preferred_one_wins(tmp_path):
    path = write(tmp_path, "Date,Publish time,Title,Description\nLifetime,03/01/2026 09:00,,the words\n")
    table = read_posts(path)
    assert table["date"].tolist() == [pd.Timestamp("2026-03-01 09:00")]
    assert table["text"].tolist() == ["the words"]
    assert {"Date", "Title"} <= set(table.attrs["ignored_columns"])


def test_a_lifetime_date_column_alone_is_reported_with_its_rows(tmp_path):
    message = problem(write(tmp_path, "Date,Description\nLifetime,a\nLifetime,b\n"))
    assert "rows 2 ('Lifetime') and 3 ('Lifetime')" in message
    assert "cannot be read as a date" in message


@pytest.mark.parametrize(
    ("content", "missing"),
    [
        ("when,words\n2026-03-01,hi\n", ["'date'", "'text'"]),
        ("date,words,likes\n2026-03-01,hi,3\n", ["'text'"]),
        ("text,likes\nhi,3\n", ["'date'"]),
    ],
)
def test_missing_required_columns_are_named_with_the_headers_found_and_expected(tmp_path, content, missing):
    message = problem(write(tmp_path, content))
    for name in missing:
        assert name in message
    assert "Expected columns: required: date, text" in message
    assert "Its header row (row 1) has:" in message
    assert "posts.csv" in message


def test_unreadable_dates_are_listed_by_spreadsheet_row(tmp_path):
    content = HEADER + "2026-03-01 09:00,a,1,0,0\nyesterday,b,1,0,0\n2026-03-03,c,1,0,0\n,d,1,0,0\n"
    message = problem(write(tmp_path, content))
    assert "rows 3 ('yesterday') and 5 (empty)" in message
    assert "'date'" in message


def test_many_unreadable_dates_list_five_rows_and_count_the_rest(tmp_path):
    content = HEADER + "".join(f"someday,p{i},1,0,0\n" for i in range(8))
    message = problem(write(tmp_path, content))
    assert "rows 2 ('someday'), 3 ('someday'), 4 ('someday'), 5 ('someday'), 6 ('someday') and 3 more" in message


def test_blank_lines_keep_the_row_numbers_a_spreadsheet_shows(tmp_path):
    content = HEADER + "2026-03-01,a,1,0,0\n\nnot a date,b,1,0,0\n"
    assert "row 4 ('not a date')" in problem(write(tmp_path, content))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2026-03-04", dt.datetime(2026, 3, 4)),
        ("2026-03-04T09:30:00", dt.datetime(2026, 3, 4, 9, 30)),
        ("2026-03-04T09:30:00Z", dt.datetime(2026, 3, 4, 9, 30)),
        ("2026-03-04T09:30:00+02:00", dt.datetime(2026, 3, 4, 7, 30)),
        ("03/04/2026 09:30", dt.datetime(2026, 3, 4, 9, 30)),
        ("03/04/2026", dt.datetime(2026, 3, 4)),
        ("3/4/2026 9:30 PM", dt.datetime(2026, 3, 4, 21, 30)),
    ],
)
def test_iso_and_us_export_dates_are_read(tmp_path, cell, expected):
    table = read_posts(write(tmp_path, f"date,text\n{cell},a\n"))
    assert table["date"].tolist() == [pd.Timestamp(expected)]


def test_slashed_dates_are_read_day_first_only_when_the_column_needs_it(tmp_path):
    table = read_posts(write(tmp_path, "date,text\n31/01/2026 10:00,a\n03/04/2026 10:00,b\n"))
    assert table["date"].tolist() == [pd.Timestamp("2026-01-31 10:00"), pd.Timestamp("2026-04-03 10:00")]


def test_a_column_mixing_month_first_and_day_first_dates_is_refused(tmp_path):
    message = problem(write(tmp_path, "date,text\n12/31/2026,a\n31/12/2026,b\n"))
    assert "month-first and day-first dates are mixed" in message
    assert "row 2 makes sense only month first, row 3 only day first" in message


@pytest.mark.parametrize(
    ("rows", "order"),
    [
        ("31/12/2025,a\n15/01/2026,b\n", "01/11/2025 08:05 (day first, as the rest of the column)"),
        ("12/31/2025,a\n01/15/2026,b\n", "11/01/2025 08:05 (month first)"),
        ("2025-12-31,a\n", "11/01/2025 08:05 (month first)"),
    ],
)
def test_the_advice_for_an_unreadable_date_follows_the_order_of_the_column(tmp_path, rows, order):
    message = problem(write(tmp_path, f"date,text\n{rows}next tuesday,c\n"))
    assert "('next tuesday') cannot be read as a date" in message
    assert f"Write dates like 2025-11-01 08:05 or {order}." in message


def test_an_empty_file_is_refused(tmp_path):
    assert "is empty" in problem(write(tmp_path, ""))
    assert "is empty" in problem(write(tmp_path, "  \n\n"))


def test_a_header_without_rows_is_refused(tmp_path):
    assert "no posts under it" in problem(write(tmp_path, HEADER))
    assert "no posts under it" in problem(write(tmp_path, HEADER + "\n,,,,\n"))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, HEADER + "2026-03-01,a,1,0,0\n" * 20)
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    message = problem(path)
    assert "larger than the 100 bytes" in message
    assert f"{path.stat().st_size} bytes" in message
    assert "not opened" in message


def test_an_open_file_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    message = problem(io.BytesIO(b"date,text\n" + b"2026-03-01,a\n" * 20))
    assert "more than 100 bytes" in message


def test_a_file_at_the_limit_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, "date,text\n2026-03-01,a\n")
    monkeypatch.setattr(files, "MAX_BYTES", path.stat().st_size)
    assert len(read_posts(path)) == 1


def test_the_stated_limit_is_fifty_megabytes():
    assert imports.MAX_BYTES == files.MAX_BYTES == 50_000_000
    assert "50.0 MB" in files.too_large("x.csv", "60.0 MB").args[0]


def test_a_mastodon_zip_archive_is_read_from_inside_and_nothing_is_unpacked_to_disk(tmp_path):
    path = tmp_path / "archive-20260301.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("outbox.json", outbox(create("<p>hi</p>")))
        archive.writestr("actor.json", "{}")
    before = sorted(tmp_path.iterdir())
    posts = read_posts(path)
    assert posts["text"].tolist() == ["hi"]
    assert posts.attrs["source"] == "archive-20260301.zip › outbox.json" and posts.attrs["member"] == "outbox.json"
    assert sorted(tmp_path.iterdir()) == before


def test_another_zip_lists_what_is_inside(tmp_path):
    path = tmp_path / "stuff.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("my_posts.csv", "date,text\n")
    message = problem(path)
    assert "zip archive" in message and "my_posts.csv" in message


def test_an_excel_workbook_is_told_to_save_as_csv(tmp_path):
    path = tmp_path / "posts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel workbook" in problem(path) and "CSV UTF-8" in problem(path)


def test_an_old_style_tar_gz_archive_names_outbox_json(tmp_path):
    path = write(tmp_path, gzip.compress(b"outbox.json contents"), "archive.tar.gz")
    assert "outbox.json" in problem(path)


def test_a_utf8_byte_order_mark_is_fine(tmp_path):
    path = write(tmp_path, ("date,text,likes\n2026-03-01,café,2\n").encode("utf-8-sig"))
    table = read_posts(path)
    assert table["text"].tolist() == ["café"] and table["likes"].tolist() == [2]


def test_a_file_in_an_older_encoding_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "date,text\n2026-03-01,plain\n2026-03-02,Café for £5\n".encode("cp1252"))
    message = problem(path)
    assert "not UTF-8" in message and "line 3" in message and "CSV UTF-8" in message


def test_a_utf16_file_is_read(tmp_path):
    path = write(tmp_path, "date\ttext\n2026-03-01\tcafé\n".encode("utf-16"))  # Excel's "Unicode text"
    assert read_posts(path)["text"].tolist() == ["café"]


def test_a_binary_file_is_refused(tmp_path):
    assert "not a text file" in problem(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv"))


@pytest.mark.parametrize(
    ("cell", "what"),
    [("-3", "negative"), ("NaN", "not a number"), ("n/a", "not a number"), ("2.5", "not a whole number")],
)
def test_bad_counts_are_named_with_their_column_and_rows(tmp_path, cell, what):
    content = "date,text,Reactions\n2026-03-01,a,1\n2026-03-02,b," + cell + "\n"
    message = problem(write(tmp_path, content))
    assert "'Reactions' (our 'likes')" in message
    assert f"row 3 ({cell!r}) is {what}" in message
    assert "nothing was loaded" in message


def test_every_problem_in_a_file_is_reported_at_once(tmp_path):
    content = "date,text,likes,reach\nsoon,a,-1,5\n2026-03-02,b,2,\n"
    message = problem(write(tmp_path, content))
    assert "'date'" in message and "'likes'" in message and "'reach'" in message


def test_empty_engagement_cells_mean_zero_but_empty_reach_is_refused(tmp_path):
    table = read_posts(write(tmp_path, "date,text,likes,comments,shares\n2026-03-01,a,,2,\n2026-03-02,b,3,,1\n"))
    assert table[["likes", "comments", "shares"]].values.tolist() == [[0, 2, 0], [3, 0, 1]]
    message = problem(write(tmp_path, "date,text,reach\n2026-03-01,a,10\n2026-03-02,b,\n"))
    assert "'reach'" in message and "row 3 is empty" in message


def test_a_column_with_no_values_at_all_counts_as_absent_not_as_zeros(tmp_path):
    table = read_posts(write(tmp_path, "date,text,reach,likes\n2026-03-01,a,,\n2026-03-02,b,,\n"))
    assert "reach" not in table.columns and "likes" not in table.columns
    assert {"reach", "likes"} <= set(table.attrs["ignored_columns"])


def test_thousands_commas_in_counts_are_read(tmp_path):
    table = read_posts(write(tmp_path, 'date,text,reach\n2026-03-01,a,"1,250"\n2026-03-02,b,"12,000,001"\n'))
    assert table["reach"].tolist() == [1250, 12000001]


def test_a_semicolon_separated_file_is_read(tmp_path):
    table = read_posts(write(tmp_path, "date;text;likes\n2026-03-01;Hello, world;4\n"))
    assert table["text"].tolist() == ["Hello, world"] and table["likes"].tolist() == [4]


def test_rows_longer_than_the_header_are_named(tmp_path):
    message = problem(write(tmp_path, "date,text,likes\n2026-03-01,a,1\n2026-03-02,Hello, world,2\n"))
    assert "row 3 has more cells than the header row has columns (3)" in message


def test_repeated_and_empty_post_ids_are_refused(tmp_path):
    message = problem(write(tmp_path, "post_id,date,text\n7,2026-03-01,a\n,2026-03-02,b\n7,2026-03-03,c\n"))
    assert "row 3 has no post id" in message
    assert "row 4 (the same as row 2)" in message


def test_post_ids_that_are_not_numbers_stay_text(tmp_path):
    table = read_posts(write(tmp_path, "Post ID,date,text\n123_456,2026-03-01,a\n123_789,2026-03-02,b\n"))
    assert table["post_id"].tolist() == ["123_456", "123_789"]


def test_types_are_read_in_lower_case_and_empty_ones_are_unlabelled(tmp_path):
    table = read_posts(write(tmp_path, "date,text,type\n2026-03-01,a,How-to\n2026-03-02,b,\n"))
    assert table["type"].tolist() == ["how-to", "unlabelled"]


def test_an_unclosed_quote_is_reported(tmp_path):
    content = 'date,text\n2026-03-01,"never closed\n' + "x" * 140_000 + "\n"
    message = problem(write(tmp_path, content))
    assert "row 2 has a cell longer than 131,072 characters" in message and "quote mark" in message


def test_json_read_as_csv_points_to_the_mastodon_reader(tmp_path):
    with pytest.raises(ImportProblem, match="holds JSON, not CSV"):
        read_posts_csv(example_path("outbox.json"))


# --- which format, and which file -------------------------------------------------------


def test_the_format_is_found_from_the_content_when_the_name_does_not_say(tmp_path):
    path = write(tmp_path, example_path("outbox.json").read_bytes(), "export.txt")
    assert read_posts(path).attrs["format"] == "mastodon"
    assert read_posts(example_path("posts.csv")).attrs["format"] == "csv"


def test_an_unknown_format_name_is_refused():
    with pytest.raises(ImportProblem, match=r"format must be one of .*csv") as caught:
        read_posts(example_path("posts.csv"), format="excel")
    assert all(key in str(caught.value) for key in imports.FORMATS)


def test_a_missing_file_a_folder_and_a_non_path_are_explained(tmp_path):
    assert "There is no file at" in problem(tmp_path / "missing.csv")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "outbox.json").write_text(outbox(create("hi")))
    message = problem(tmp_path / "archive")
    assert "is a folder" in message and "outbox.json" in message
    assert "Expected the path of a file" in problem(42)


def test_a_path_from_the_home_folder_is_read_as_a_terminal_reads_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Downloads").mkdir()
    shutil.copy(example_path("posts.csv"), tmp_path / "Downloads" / "my_posts.csv")
    assert len(read_posts("~/Downloads/my_posts.csv")) == len(read_posts(example_path("posts.csv")))
    assert f"There is no file at {tmp_path / 'Downloads' / 'other.csv'}." in problem("~/Downloads/other.csv")


def test_a_wrong_path_is_shown_whole_with_the_files_that_could_be_meant(tmp_path, monkeypatch):
    for name in ("mine.csv", "download.ZIP", "holiday.png", "notes.md"):
        (tmp_path / name).write_text("x")
    (tmp_path / "folder.csv").mkdir()
    monkeypatch.chdir(tmp_path)
    missing = problem("my_posts.csv")
    assert f"There is no file at {tmp_path / 'my_posts.csv'}." in missing
    assert missing.endswith("Files there that could be it: download.ZIP, mine.csv.")
    assert problem(".").startswith(f"{tmp_path} is a folder, not a file")
    for name in ("download.ZIP", "mine.csv"):
        (tmp_path / name).unlink()
    assert "could be it" not in problem("my_posts.csv") and "could be it" not in problem(".")
    for k in range(7):
        (tmp_path / f"{k}.csv").write_text("x")
    assert problem("my_posts.csv").endswith(
        "Files there that could be it: 0.csv, 1.csv, 2.csv, 3.csv, 4.csv and 2 more."
    )


def test_a_picture_given_for_posts_is_refused_with_what_to_give_instead(tmp_path):
    message = problem(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holiday.png"))
    assert "holiday.png is not a text file" in message and "zip archive as it came" in message


def test_a_web_address_is_refused_without_going_online(monkeypatch):
    import urllib.request

    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("went online"))
    assert "never goes online" in problem("https://social.example/users/me/outbox")


# --- the Mastodon outbox ----------------------------------------------------------------


def test_creates_are_posts_or_replies_and_announces_are_boosts(tmp_path):
    boost = {
        "type": "Announce",
        "published": "2026-03-03T08:00:00Z",
        "object": "https://other.example/users/a/statuses/9",
    }
    doc = outbox(
        create("<p>mine</p>", "2026-03-01T08:00:00Z"),
        create("<p>answer</p>", "2026-03-02T08:00:00Z", reply_to="https://other.example/statuses/5"),
        boost,
        {"type": "Like", "object": "https://other.example/x"},
    )
    table = read_posts(write(tmp_path, doc, "outbox.json"))
    assert table["kind"].tolist() == ["post", "reply", "boost"]
    assert table["text"].tolist() == ["mine", "answer", ""]
    assert table["url"].tolist()[2] == "https://other.example/users/a/statuses/9"
    assert table.attrs["skipped_items"] == 1


def test_a_poll_a_content_map_and_a_self_boost_are_read(tmp_path):
    poll = create("<p>Which bulbs?</p>", "2026-03-01T08:00:00Z", type="Question")
    mapped = {
        "type": "Create",
        "published": "2026-03-02T08:00:00Z",
        "object": {"type": "Note", "contentMap": {"en": "<p>only a map</p>"}, "url": "u"},
    }
    self_boost = {
        "type": "Announce",
        "published": "2026-03-03T08:00:00Z",
        "object": {"id": "https://social.example/users/me/statuses/1", "type": "Note"},
    }
    table = read_posts(write(tmp_path, outbox(poll, mapped, self_boost), "outbox.json"))
    assert table["text"].tolist() == ["Which bulbs?", "only a map", ""]
    assert table["url"].tolist()[2] == "https://social.example/users/me/statuses/1"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[1, 2]", ["does not recognise", "The course reads these files", "Mastodon", "outbox.json"]),
        ('{"hello": "world"}', ["does not recognise", "The course reads these files", "outbox.json"]),
        ('{"type": "Person", "id": "https://social.example/users/me"}', ["actor.json", "outbox.json"]),
        (
            '{"id": "likes.json", "type": "OrderedCollection", "orderedItems": ["https://x.example/1"]}',
            ["likes.json", "outbox.json"],
        ),
        ('{"id": "mine", "orderedItems": ["https://x.example/1"]}', ["list of links", "outbox.json"]),
        (
            '{"type": "OrderedCollection", "first": "https://social.example/users/me/outbox?page=true"}',
            ["separate pages", "outbox.json"],
        ),
        ('{"orderedItems": [{"type": "Like"}]}', ["no posts or boosts", "outbox.json"]),
        ('{"orderedItems": [', ["not valid JSON", "line 1", "The course reads these files"]),
        ('"just a string"', ["missing the columns 'date' and 'text'"]),
    ],
)
def test_json_that_is_not_an_outbox_is_refused_saying_what_was_expected(tmp_path, content, words):
    message = problem(write(tmp_path, content, "export.json"))
    for word in words:
        assert word in message


def test_broken_items_are_named_by_number(tmp_path):
    doc = outbox(
        create("fine"),
        {"type": "Create"},
        create("no time", published="someday"),
        {"type": "Announce", "object": "https://x.example/1"},
    )
    message = problem(write(tmp_path, doc, "outbox.json"))
    assert "Item 2 of orderedItems is a 'Create' without the post" in message
    assert "Items 3 ('someday') and 4 (missing)" in message


def test_a_csv_read_as_mastodon_is_refused_in_plain_words():
    with pytest.raises(ImportProblem, match=r"not valid JSON.*read_posts_csv"):
        read_mastodon_outbox(example_path("posts.csv"))


# --- HTML stays inert --------------------------------------------------------------------


def test_script_and_image_tags_in_a_csv_post_are_stripped_to_their_words(tmp_path):
    content = (
        'date,text\n2026-03-01,"<script>alert(1)</script>Spring sale"\n'
        '2026-03-02,"<img src=x onerror=alert(1)>Tulips & daffodils"\n'
    )
    table = read_posts(write(tmp_path, content))
    assert table["text"].tolist() == ["Spring sale", "Tulips & daffodils"]


def test_markup_typed_as_text_in_a_toot_comes_back_as_text_and_is_escaped_for_display(tmp_path):
    # Mastodon stores a typed "<script>" as entities; unescaped, it is text that must be escaped again.
    doc = outbox(create("<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>"))
    text = read_posts(write(tmp_path, doc, "outbox.json"))["text"][0]
    assert text == "<script>alert(1)</script> and <img src=x onerror=alert(1)>"
    shown = safe_html(text)
    assert "<" not in shown and ">" not in shown
    assert shown == "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;"


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("line<br>break<br/>again", "line\nbreak\nagain"),
        (
            '<a href="https://x.example"><span class="invisible">https://</span><span>x.example</span></a>',
            "https://x.example",
        ),
        ("Tea &amp; cake &#39;n&#39; &lt;3", "Tea & cake 'n' <3"),
        ("5 < 6 and 7 > 3", "5 < 6 and 7 > 3"),
        ("<style>p {color: red}</style>Hello", "Hello"),
        ("  spaced   out  ", "spaced out"),
        (None, ""),
    ],
)
def test_html_to_text_keeps_the_words_and_drops_the_tags(fragment, expected):
    assert html_to_text(fragment) == expected


def test_safe_html_escapes_quotes_and_turns_missing_values_into_nothing():
    assert safe_html("\"hi\" & 'bye'") == "&quot;hi&quot; &amp; &#x27;bye&#x27;"
    assert safe_html(None) == "" and safe_html(float("nan")) == ""


@given(st.text())
def test_safe_html_never_leaves_a_tag_and_loses_nothing(text):
    shown = safe_html(text)
    assert "<" not in shown and ">" not in shown and '"' not in shown
    assert html.unescape(shown) == text


# --- the documentation tables ------------------------------------------------------------


def test_our_own_column_names_are_recognised_headers():
    for column in CSV_COLUMNS:
        assert HEADER_ALIASES[normal(column.name)] == column.name


def test_every_alias_is_written_as_compared_and_fills_a_documented_column():
    names = {c.name for c in CSV_COLUMNS}
    for alias, column in HEADER_ALIASES.items():
        assert alias == normal(alias)
        assert column in names


def test_the_dictionary_tables_come_from_the_constants():
    table = describe_csv_columns()
    assert table["column"].tolist() == [c.name for c in CSV_COLUMNS]
    assert table.loc[table["required"] == "yes", "column"].tolist() == ["date", "text"]
    assert "publish time" in table.set_index("column").loc["date", "headers accepted, first preferred"]
    assert "orderedItems" in describe_mastodon_fields()["field"].tolist()


# --- read completely or not at all, and say what was assumed (issue 10, items 14-17) -----------


FIVE = [
    "2025-01-01,first post,1",
    "2025-01-02,second post,2",
    "2025-01-03,third post,3",
    "2025-01-04,fourth post,4",
    "2025-01-05,fifth post,5",
]


def test_a_quote_that_never_closes_loads_nothing_and_names_its_row(tmp_path):
    rows = list(FIVE)
    rows[1] = '2025-01-02,"unclosed post,2'
    message = problem(write(tmp_path, "date,text,likes\n" + "\n".join(rows) + "\n"))
    assert 'in row 3, a quote mark (") opens a cell that never closes' in message
    assert "Nothing was loaded" in message


def test_a_quote_that_closes_rows_later_loads_nothing_and_names_its_row(tmp_path):
    rows = list(FIVE)
    rows[1] = '2025-01-02,"unclosed post,2'
    rows[4] = '2025-01-05,"fifth" post,5'  # the next quote mark closes the runaway cell
    message = problem(write(tmp_path, "date,text,likes\n" + "\n".join(rows) + "\n"))
    assert "in row 3, the cell in the column 'text' runs over 4 lines" in message
    assert "'2025-01-03,third post,3'" in message


def test_a_caption_over_several_lines_is_one_post(tmp_path):
    caption = "Spring is here.\n\nNew seedlings, in pots of 9 cm, with a tag each.\nSee you Saturday!"
    text = "date,text,likes\n" + FIVE[0] + '\n2025-01-02,"' + caption + '",2\n' + FIVE[2] + "\n"
    posts = read_posts(write(tmp_path, text))
    assert len(posts) == 3 and posts["text"].iloc[1] == caption


@pytest.mark.parametrize(
    "cell, expected", [("9" * 310, "too large"), ("9007199254740993", "too large"), ("1" + "0" * 400, "too large")]
)
def test_a_count_too_large_to_hold_exactly_is_refused_with_its_row(tmp_path, cell, expected):
    message = problem(write(tmp_path, f"{HEADER}2025-01-01,hello,{cell},1,1\n"))
    assert "In the column 'likes', row 2 (" in message and expected in message
    assert "no post has more than 9,007,199,254,740,992" in message


def test_the_largest_count_held_exactly_is_read_exactly(tmp_path):
    posts = read_posts(write(tmp_path, f"{HEADER}2025-01-01,hello,{MAX_COUNT},1,1\n"))
    assert int(posts["likes"].iloc[0]) == 2**53 and posts["likes"].dtype == "int64"


@pytest.mark.parametrize("cell", ["0001-01-01T00:00:00+01:00", "1899-12-31", "2100-01-01", "9999-12-31T23:59:59Z"])
def test_a_date_no_post_can_have_is_refused_with_its_row(tmp_path, cell):
    message = problem(write(tmp_path, f"{HEADER}2025-01-01,fine,1,1,1\n{cell},odd,1,1,1\n"))
    assert f"row 3 ({cell!r}) is outside the years 1990 to 2099" in message


def test_a_mastodon_date_no_post_can_have_is_refused_with_its_item(tmp_path):
    content = outbox(create("<p>fine</p>"), create("<p>odd</p>", published="0001-01-01T00:00:00+01:00"))
    message = problem(write(tmp_path, content, "outbox.json"))
    assert "Item 2 ('0001-01-01T00:00:00+01:00') of orderedItems has no 'published' time that can be read" in message


@pytest.mark.parametrize(
    "content, words",
    [
        ('{"orderedItems": ' + "[" * 5000 + "]" * 5000 + "}", "nested thousands of levels deep"),
        ('{"orderedItems": [' + "9" * 5000 + "]}", "a number thousands of digits long"),
    ],
)
def test_an_outbox_no_archive_could_be_is_refused_in_plain_words(tmp_path, content, words):
    assert words in problem(write(tmp_path, content, "outbox.json"))


def test_month_first_is_an_assumption_said_when_no_date_tells(tmp_path):
    path = write(tmp_path, f"{HEADER}01/02/2026 09:00,a,1,1,1\n03/04/2026 09:00,b,1,1,1\n")
    posts = read_posts(path)
    assert posts["date"].dt.month.tolist() == [1, 3]
    assert any("read month first" in a and "'01/02/2026 09:00'" in a for a in posts.attrs["assumptions"])
    assert "Assumed: Dates such as '01/02/2026 09:00' were read month first (2 January 2026)" in what_was_read(posts)


def test_the_audit_of_a_file_names_the_file_and_the_sample_audit_does_not(tmp_path):
    from sevencs.audit import audit
    from sevencs.datasets import load_posts

    posts = read_posts(write(tmp_path, f"{HEADER}01/02/2026,a,1,1,1\n03/24/2026,b,1,1,1\n", "mine.csv"))
    assert audit(posts).title == "Seven Cs audit of the posts in mine.csv"
    assert audit(posts[posts["likes"] > 0]).title == "Seven Cs audit of the posts in mine.csv"
    assert audit(load_posts()).title == "Seven Cs audit"


def test_no_assumption_is_claimed_when_the_dates_tell(tmp_path):
    posts = read_posts(write(tmp_path, f"{HEADER}01/02/2026,a,1,1,1\n03/24/2026,b,1,1,1\n"))
    assert posts.attrs["assumptions"] == [] and "Assumed" not in what_was_read(posts)


def test_two_digit_years_are_read_as_this_century_and_said(tmp_path):
    posts = read_posts(write(tmp_path, f"{HEADER}01/02/68,a,1,1,1\n12/25/25,b,1,1,1\n"))
    assert posts["date"].dt.year.tolist() == [2025, 2068]
    said = " ".join(posts.attrs["assumptions"])
    assert "Two-digit years were read as 20xx: '01/02/68' became 2 January 2068." in said
    assert "1 post is dated after today (the latest 2 January 2068)" in said


def test_the_audit_shows_what_was_assumed(tmp_path):
    from sevencs.audit import audit

    posts = read_posts(write(tmp_path, f"{HEADER}01/02/2026 09:00,a,1,1,1\n03/04/2026 09:00,b,1,1,1\n"))
    card = audit(posts)
    assumed = posts.attrs["assumptions"][0]
    assert card.assumptions == (assumed,)
    for page in (card.to_html(), card._repr_html_()):
        assert assumed in [li.get_text() for li in BeautifulSoup(page, "html.parser").find_all("li")]
    assert "What was assumed when your file was read" in card.to_markdown()
    assert "read month first" in card.to_markdown()
    assert audit(load_posts()).assumptions == ()


def test_what_was_read_names_the_file_its_posts_and_its_dates():
    posts = read_posts(example_path("outbox.json"))
    said = what_was_read(posts)
    assert said.startswith(f"Read {len(posts):,} posts from outbox.json (a Mastodon outbox), dated ")
    assert "The file has no reach, comments, followers, impressions" in said


def test_a_pipe_is_never_opened(tmp_path):
    import os

    os.mkfifo(tmp_path / "posts.csv")
    assert "not an ordinary file" in problem(tmp_path / "posts.csv")


# the fast ways of reading a column agree with the general way, cell for cell

_SLASHED_CELLS = st.builds(
    lambda a, b, y, t: f"{a:02d}/{b:02d}/{y}{t}",
    st.integers(1, 31),
    st.integers(1, 31),
    st.integers(1985, 2105),
    st.sampled_from(["", " 09:05", " 23:59", " 7:05:09"]),
)
_ISO_CELLS = st.builds(
    lambda d, z: d.isoformat() + z,
    st.datetimes(dt.datetime(1980, 1, 1), dt.datetime(2110, 1, 1)),
    st.sampled_from(["", "Z", "+05:30", "-01:00"]),
)


@given(st.lists(st.one_of(_SLASHED_CELLS, _ISO_CELLS, st.sampled_from(["", "junk", "Lifetime"])), max_size=12))
def test_reading_dates_the_fast_way_gives_what_the_general_way_gives(cells):
    fast, general = parse_dates(pd.Series(cells, dtype=str)), parse_dates(pd.Series(cells, dtype=str), general=True)
    assert fast.values.tolist() == general.values.tolist()
    assert (fast.unreadable, fast.out_of_range, fast.month_first_only, fast.day_first_only, fast.assumptions) == (
        general.unreadable,
        general.out_of_range,
        general.month_first_only,
        general.day_first_only,
        general.assumptions,
    )


@given(
    st.lists(
        st.one_of(st.integers(0, 10**17).map(str), st.sampled_from(["", " 7", "1,250", "-3", "2.0", "x"])), max_size=12
    ),
    st.booleans(),
)
def test_reading_counts_the_fast_way_gives_what_the_general_way_gives(cells, empty_is_zero):
    fast = parse_counts(pd.Series(cells, dtype=str), empty_is_zero)
    general = parse_counts(pd.Series(cells, dtype=str), empty_is_zero, general=True)
    assert fast.values.tolist() == general.values.tolist() and fast.problems == general.problems
    for k, cell in enumerate(cells):  # and both agree with plain Python
        plain = cell.strip().replace(",", "")
        if plain.isdigit() and not any(k in v for v in fast.problems.values()):
            assert fast.values.iloc[k] == int(plain) <= MAX_COUNT


# --- the text column (issue 11) -------------------------------------------------------------------


def test_each_row_takes_its_text_from_the_first_text_header_that_has_it(tmp_path):
    path = write(
        tmp_path,
        "Publish time,Title,Description\n03/01/2026 09:00,,a reel's caption\n"
        "03/02/2026 09:00,a photo's caption,\n03/03/2026 09:00,,\n",
    )
    posts = read_posts(path)
    assert posts["text"].tolist() == ["a reel's caption", "a photo's caption", ""]
    assert (
        "The text of 1 of 3 posts came from 'Title', because 'Description' was empty there."
        in posts.attrs["assumptions"]
    )


def test_a_mostly_empty_text_column_beside_a_column_of_words_is_refused(tmp_path):
    path = write(
        tmp_path,
        "date,caption,what we wrote\n2026-01-01,,Our new seedlings are ready\n"
        "2026-01-02,,Spring bulbs are here now\n2026-01-03,hello there,Another one today\n",
    )
    message = problem(path)
    assert "the text column 'caption' is empty for 2 of 3 posts" in message
    assert "'what we wrote' holds words in those rows" in message and "rename its header to 'text'" in message


def test_photos_without_captions_are_read_when_no_other_column_holds_words(tmp_path):
    path = write(
        tmp_path,
        "date,caption,likes,image file\n2026-01-01,,3,IMG_0012.jpg\n2026-01-02,,5,IMG_0013.jpg\n"
        "2026-01-03,a caption,2,IMG_0014.jpg\n",
    )
    assert read_posts(path)["text"].tolist() == ["", "", "a caption"]


def test_a_csv_from_a_european_spreadsheet_reads(tmp_path):
    """Semicolons between cells, day-first dates with dots, dots between thousands, a decimal comma."""
    text = (
        "Datum;Text;Likes;Reach;watch time (hours)\n"
        "01.05.2026 09:30;Frühlingsblumen sind da;1.234;12.500;2,5\n"
        "13.05.2026 18:00;Tomaten-Setzlinge: heute frisch;87;1.024;0,75\n"
    )
    posts = read_posts(write(tmp_path, text.replace("Datum", "date").replace("Text", "text")))
    assert posts["date"].tolist() == [pd.Timestamp("2026-05-01 09:30"), pd.Timestamp("2026-05-13 18:00")]
    assert posts["likes"].tolist() == [1234, 87] and posts["reach"].tolist() == [12500, 1024]
    assert posts["watch_time_hours"].tolist() == [2.5, 0.75]
    assert posts["text"].tolist() == ["Frühlingsblumen sind da", "Tomaten-Setzlinge: heute frisch"]
