"""TikTok Studio's download: the reader gives back the posts the example was written from, works out
their years from the day the file was made, and refuses the wrong files and broken ones in plain words."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from readers import read_with, refusal
from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import DOWNLOADED, csv_bytes, nursery_posts, zip_bytes
from sevencs.datasets.platforms import tiktok as writer
from sevencs.datasets.platforms import youtube as youtube_writer
from sevencs.yourdata.files import open_source
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.tiktok import READER

POSTS = nursery_posts(SEED)
HEADER = writer.CONTENT
LINK = "https://www.tiktok.com/@fernleaf/video/"


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("examples")
    writer.write(directory, POSTS, SEED)
    return directory


def read(path: Path | io.BytesIO) -> pd.DataFrame:
    return read_with(READER, path)


def problem(path: Path | io.BytesIO) -> str:
    return refusal(READER, path)


def content(rows: list[list], tmp_path: Path, name: str = "Content.csv", when: dt.datetime = DOWNLOADED) -> Path:
    """A Content.csv written the way TikTok writes it, dated ``when`` on disk."""
    path = tmp_path / name
    path.write_bytes(csv_bytes(HEADER, rows, bom=True, quote_all=True))
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def row(
    post_time: str = "12 September", likes: str = "5", link: str = LINK + "7412345678901234567", views: str = "120"
) -> list[str]:
    return ["2 November", "Seed potatoes are in!", link, post_time, likes, "1", "0", views]


def by_date(posts: list[dict]) -> list[dict]:
    return sorted(posts, key=lambda p: p["date"])


# --- the examples -------------------------------------------------------------------------


def test_the_zip_gives_every_post_with_its_day_caption_and_counts(examples):
    table = read(examples / "tiktok_studio.zip")
    expected = by_date(POSTS)
    assert len(table) == len(POSTS)
    assert table["date"].tolist() == [pd.Timestamp(p["date"].date()) for p in expected]
    assert table["text"].tolist() == [p["text"] for p in expected]
    for column, field in (("likes", "likes"), ("comments", "comments"), ("shares", "shares"), ("views", "impressions")):
        assert table[column].tolist() == [p[field] for p in expected], column
    assert table["post_id"].str.fullmatch(r"\d{19}").all() and table["post_id"].is_unique
    assert (table["url"] == "https://www.tiktok.example/@fernleaf_nursery/video/" + table["post_id"]).all()
    for column in ("reach", "impressions", "followers", "watch_time_hours", "type"):
        assert column not in table.columns  # never filled with zeros


def test_the_zip_says_what_it_read_and_what_it_lacks(examples):
    attrs = read(examples / "tiktok_studio.zip").attrs
    assert attrs["format"] == "tiktok-studio" and attrs["platform"] == "TikTok"
    assert attrs["file"] == "tiktok_studio.zip" and attrs["member"] == "Content.csv"
    assert attrs["source"] == "tiktok_studio.zip › Content.csv"
    assert attrs["headers"] == {
        "date": "Post time",
        "text": "Video title",
        "post_id": "Video link",
        "url": "Video link",
        "likes": "Total likes",
        "comments": "Total comments",
        "shares": "Total shares",
        "views": "Total views",
    }
    assert attrs["ignored_columns"] == ["Time"]
    assert set(attrs["missing"]) == {"reach", "impressions", "watch_time_hours", "followers"}
    assert "FollowerHistory.csv" in attrs["missing"]["followers"]
    said = " ".join(attrs["assumptions"])
    assert "2 November 2026" in said and "stored with it in the zip" in said
    assert "without a year" in said and "not the time" in said


def test_the_workbook_gives_the_same_posts_dated_from_the_day_it_says_it_was_made(examples, tmp_path):
    # Dated months later on disk: the workbook's own creation time (the download) still gives the years.
    path = tmp_path / "tiktok_content.xlsx"
    path.write_bytes((examples / "tiktok_content.xlsx").read_bytes())
    later = dt.datetime(2027, 6, 1).timestamp()
    os.utime(path, (later, later))
    zipped = read(examples / "tiktok_studio.zip")
    book = read(path)
    pd.testing.assert_frame_equal(book, zipped, check_dtype=False)
    assert book.attrs["source"] == "tiktok_content.xlsx › sheet 'Content'"
    assert book.attrs["member"] is None and "Excel" in book.attrs["recognised_as"]
    assert any("creation time the workbook records" in a for a in book.attrs["assumptions"])


def test_the_example_files_are_the_same_bytes_on_every_run(examples, tmp_path):
    writer.write(tmp_path, POSTS, SEED)
    for name in writer.FILES:
        assert (tmp_path / name).read_bytes() == (examples / name).read_bytes(), name
    assert READER.sample in writer.FILES


def test_the_zip_holds_the_daily_files_beside_content_csv(examples):
    with zipfile.ZipFile(examples / "tiktok_studio.zip") as archive:
        assert archive.namelist() == ["Content.csv", "Overview.csv", "FollowerHistory.csv"]
        overview = archive.read("Overview.csv").decode("utf-8-sig").splitlines()
    assert overview[0] == '"Date","Video Views","Profile Views","Likes","Comments","Shares"'
    assert len(overview) == 1 + 365


# --- the year ------------------------------------------------------------------------------


def test_content_csv_alone_takes_the_year_from_its_date_on_disk(tmp_path):
    path = content(
        [row("30 December"), row("2 January", link=LINK + "7412345678901234568")],
        tmp_path,
        when=dt.datetime(2026, 3, 1, 10, 0),
    )
    table = read(path)
    assert table["date"].tolist() == [pd.Timestamp("2025-12-30"), pd.Timestamp("2026-01-02")]
    assert any("the file's date on your computer" in a for a in table.attrs["assumptions"])
    assert table.attrs["member"] is None and table.attrs["file"] == "Content.csv"


def test_an_upload_without_a_date_is_dated_today_and_that_is_said(tmp_path):
    data = csv_bytes(HEADER, [row("1 January")], bom=True, quote_all=True)
    table = read(io.BytesIO(data))
    today = pd.Timestamp.now().normalize()
    assert table["date"].iloc[0] == pd.Timestamp(today.year, 1, 1)
    assert any("today" in a for a in table.attrs["assumptions"])


def test_a_zip_time_no_tiktok_file_can_have_is_not_trusted(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("Content.csv", date_time=(1980, 1, 1, 0, 0, 0)),
            csv_bytes(HEADER, [row()], bom=True, quote_all=True),
        )
    table = read(io.BytesIO(buffer.getvalue()))
    assert table["date"].iloc[0].year >= 2026
    assert any("today" in a for a in table.attrs["assumptions"])


# --- the file's own quirks ----------------------------------------------------------------------


def test_undefined_counts_are_left_empty_and_said(tmp_path):
    table = read(
        content([row(likes="undefined"), row("13 September", link=LINK + "7412345678901234568", views="")], tmp_path)
    )
    assert table["likes"].isna().tolist() == [True, False]
    assert table["views"].isna().tolist() == [False, True]
    assert str(table["likes"].dtype) == "Int64" and table["likes"].iloc[1] == 5
    assert any("'undefined'" in a for a in table.attrs["assumptions"])


def test_a_photo_post_and_a_quote_inside_a_caption_are_read(tmp_path):
    path = tmp_path / "Content.csv"
    header = ",".join(f'"{h}"' for h in HEADER)
    path.write_text(
        f'{header}\n"2 November","Our ""secret"" compost","https://www.tiktok.com/@f/photo/7412",'
        '"12 September","1","2","3","4"\n',
        encoding="utf-8",
    )
    table = read(path)
    assert table["post_id"].tolist() == [7412] and table["text"].tolist() == ['Our "secret" compost']


@pytest.mark.parametrize("day", ["10 января", "9月6日", "10 tháng Tám", "28 de febrero"])
def test_dates_in_another_language_are_refused_saying_to_switch_to_english(tmp_path, day):
    said = problem(content([row(day)], tmp_path))
    assert "language other than English" in said and "English" in said and "download" in said
    assert repr(day) in said


def test_overview_and_follower_history_alone_are_refused_naming_content_csv(examples, tmp_path):
    with zipfile.ZipFile(examples / "tiktok_studio.zip") as archive:
        for member in ("Overview.csv", "FollowerHistory.csv"):
            path = tmp_path / member
            path.write_bytes(archive.read(member))
            found = open_source(path)
            assert READER.recognise(found), member
            said = problem(path)
            assert f"TikTok Studio's {member}" in said and "Content.csv" in said and "Download data" in said


def test_a_download_without_content_csv_is_refused(examples, tmp_path):
    with zipfile.ZipFile(examples / "tiktok_studio.zip") as archive:
        members = {n: archive.read(n) for n in ("Overview.csv", "FollowerHistory.csv")}
    path = tmp_path / "Overview_2025-11-02_1787841428_fernleaf.zip"
    path.write_bytes(zip_bytes(members))
    assert READER.recognise(open_source(path))
    said = problem(path)
    assert "without Content.csv" in said and "Overview.csv, FollowerHistory.csv" in said


def test_a_workbook_of_follower_history_is_refused_naming_content(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "FollowerHistory"
    book.active.append(["Date", "Followers", "Difference in followers from previous day"])
    book.active.append(["28 August", 308, 5])
    path = tmp_path / "Followers.xlsx"
    book.save(path)
    assert READER.recognise(open_source(path))
    assert "FollowerHistory.csv" in problem(path) and "Content.csv" in problem(path)


def test_a_workbook_with_a_title_row_above_the_header_is_read(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["Content performance"])
    book.active.append(HEADER)
    book.active.append(row())
    path = tmp_path / "TikTok_Analytics.xlsx"
    book.save(path)
    os.utime(path, (DOWNLOADED.timestamp(), DOWNLOADED.timestamp()))
    table = read(path)
    assert table["date"].tolist() == [pd.Timestamp("2026-09-12")] and table["likes"].tolist() == [5]


# --- broken files -------------------------------------------------------------------------------


def test_a_truncated_zip_or_workbook_is_refused_in_plain_words(examples, tmp_path):
    for name in writer.FILES:
        data = (examples / name).read_bytes()
        path = tmp_path / name
        path.write_bytes(data[: len(data) // 2])
        assert not READER.recognise(open_source(path)), name
        with pytest.raises(ImportProblem):
            READER.read(open_source(path))


def test_a_damaged_member_of_the_zip_is_refused(examples, tmp_path):
    data = bytearray((examples / "tiktok_studio.zip").read_bytes())
    start = data.index(b"Content.csv") + len(b"Content.csv")
    data[start + 20 : start + 60] = bytes(40)  # the compressed bytes of Content.csv, overwritten
    path = tmp_path / "tiktok_studio.zip"
    path.write_bytes(bytes(data))
    assert "could not be unpacked" in problem(path)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "Content.csv"
    path.write_text('"Video title","Post time","Total views"\n"Hello","12 September","4"\n', encoding="utf-8")
    assert not READER.recognise(open_source(path))  # not TikTok's header: left to the other readers
    said = problem(path)
    assert "no column 'Video link'" in said


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        (row(likes="12x"), ["'Total likes'", "row 2", "'12x'", "not a number"]),
        (row(likes="-3"), ["'Total likes'", "row 2", "negative"]),
        (row("32 September"), ["'Post time'", "row 2", "'32 September'", "12 September"]),
        (row("undefined"), ["'Post time'", "row 2", "'undefined'"]),
        (row(link="https://www.tiktok.com/@fernleaf"), ["'Video link'", "row 2", "not the address of a TikTok post"]),
    ],
)
def test_a_cell_that_cannot_be_read_is_named_and_nothing_is_loaded(tmp_path, cells, words):
    said = problem(content([cells], tmp_path))
    assert "nothing was loaded" in said
    for word in words:
        assert word in said


def test_every_problem_is_reported_at_once(tmp_path):
    said = problem(content([row(likes="many"), row("40 May", link=LINK + "7412345678901234568")], tmp_path))
    assert "'Total likes'" in said and "'Post time'" in said and "row 3" in said


def test_the_same_post_twice_is_refused(tmp_path):
    said = problem(content([row(), row()], tmp_path))
    assert "repeat a post id" in said and "row 3" in said


def test_a_header_without_posts_and_an_unclosed_quote_are_refused(tmp_path):
    assert "no posts under it" in problem(content([], tmp_path))
    path = tmp_path / "Content.csv"
    header = ",".join(f'"{h}"' for h in HEADER)
    path.write_text(f'{header}\n"2 November","Oops, a caption\n', encoding="utf-8")
    assert "never closes" in problem(path)


# --- recognising --------------------------------------------------------------------------------


def test_no_other_example_file_and_no_random_bytes_are_taken_for_tiktok(tmp_path):
    youtube_writer.write(tmp_path, POSTS, SEED)
    others = [p for p in EXAMPLES_DIR.iterdir() if p.is_file() and p.name not in writer.FILES]
    others += [tmp_path / name for name in youtube_writer.FILES]
    assert others
    for path in others:
        assert not READER.recognise(open_source(path)), path.name
    noise = random.Random(7)
    for size in (0, 10, 1000, 100_000):
        assert not READER.recognise(open_source(io.BytesIO(bytes(noise.randrange(256) for _ in range(size)))))
    assert not READER.recognise(open_source(io.BytesIO(b"PK\x03\x04" + bytes(500))))
    unrelated = tmp_path / "report.zip"
    unrelated.write_bytes(zip_bytes({"Overview.csv": b"Region,Sales\nNorth,12\n"}))
    assert not READER.recognise(open_source(unrelated))


def test_the_reader_describes_itself():
    assert READER.key == "tiktok-studio" and READER.platform == "TikTok"
    assert READER.help_url == "https://www.tiktok.com/creator-academy/en/article/tool-analytics-intro"
    assert {f.column for f in READER.fields} == {
        "post_id",
        "url",
        "date",
        "text",
        "views",
        "likes",
        "comments",
        "shares",
    }
    assert "Download data" in READER.how_to_get and READER.in_browser
