"""YouTube Studio's advanced-mode export: the reader gives back one row per video the example was written
from, skips the Total row, finds each metric by its name, and refuses the wrong files and broken ones."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from readers import read_with, refusal
from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import nursery_posts, zip_bytes
from sevencs.datasets.platforms import tiktok as tiktok_writer
from sevencs.datasets.platforms import youtube as writer
from sevencs.yourdata.files import open_source
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.youtube import READER

POSTS = nursery_posts(SEED)
BASE = "Content,Video title,Video publish time,Duration"


@pytest.fixture(scope="module")
def examples(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("examples")
    writer.write(directory, POSTS, SEED)
    return directory


def member(examples: Path, name: str) -> bytes:
    with zipfile.ZipFile(examples / "youtube_studio.zip") as archive:
        return archive.read(name)


def read(path: Path | io.BytesIO) -> pd.DataFrame:
    return read_with(READER, path)


def problem(path: Path | io.BytesIO) -> str:
    return refusal(READER, path)


def table_data(tmp_path: Path, text: str, name: str = "Table data.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_date(posts: list[dict]) -> list[dict]:
    return sorted(posts, key=lambda p: p["date"])


# --- the example --------------------------------------------------------------------------------


def test_the_zip_gives_one_row_per_video_with_its_day_title_and_counts(examples):
    table = read(examples / "youtube_studio.zip")
    expected = by_date(POSTS)
    assert len(table) == len(POSTS)  # the Total row is not a video
    assert table["date"].tolist() == [pd.Timestamp(p["date"].date()) for p in expected]
    assert table["text"].tolist() == [p["text"] for p in expected]
    assert table["views"].tolist() == [p["reach"] for p in expected]
    assert table["impressions"].tolist() == [p["impressions"] * writer.THUMBNAIL_FACTOR for p in expected]
    for column in ("likes", "comments", "shares"):
        assert table[column].tolist() == [p[column] for p in expected], column
    for column in ("reach", "followers", "type"):
        assert column not in table.columns


def test_ids_lose_the_space_before_a_dash_and_make_the_address(examples):
    table = read(examples / "youtube_studio.zip")
    written = member(examples, "Table data.csv").decode("utf-8")
    assert "\n -" in written  # the example has the quirk
    assert table["post_id"].str.fullmatch(r"[A-Za-z0-9_-]{11}").all() and table["post_id"].is_unique
    assert table["post_id"].str.startswith("-").any()
    assert (table["url"] == "https://www.youtube.com/watch?v=" + table["post_id"]).all()


def test_watch_time_and_subscribers_gained_are_those_of_each_video_in_the_file(examples):
    rows = list(csv.DictReader(io.StringIO(member(examples, "Table data.csv").decode("utf-8"))))
    assert rows[0]["Content"] == "Total"
    by_id = {r["Content"].strip(): r for r in rows[1:]}
    table = read(examples / "youtube_studio.zip")
    hours = [float(by_id[i]["Watch time (hours)"]) for i in table["post_id"]]
    assert table["watch_time_hours"].tolist() == hours
    assert table["follows"].tolist() == [int(by_id[i]["Subscribers gained"]) for i in table["post_id"]]
    assert any(int(r["Subscribers"]) != int(r["Subscribers gained"]) for r in rows[1:])  # net is not gained


def test_the_zip_says_what_it_read_and_what_it_lacks(examples):
    attrs = read(examples / "youtube_studio.zip").attrs
    assert attrs["format"] == "youtube-studio" and attrs["platform"] == "YouTube"
    assert attrs["file"] == "youtube_studio.zip" and attrs["member"] == "Table data.csv"
    assert attrs["headers"]["impressions"] == "Thumbnail impressions"
    assert attrs["headers"]["follows"] == "Subscribers gained"
    assert attrs["headers"]["comments"] == "Comments added"
    assert attrs["ignored_columns"] == [
        "Duration",
        "Subscribers lost",
        "Subscribers",
        "Thumbnail click-through rate (%)",
    ]
    assert set(attrs["missing"]) == {"reach", "followers"}
    said = " ".join(attrs["assumptions"])
    assert "not the time" in said and "date range" in said


def test_table_data_alone_and_in_a_folder_read_like_the_zip(examples, tmp_path):
    whole = read(examples / "youtube_studio.zip")
    alone = table_data(tmp_path, member(examples, "Table data.csv").decode("utf-8"))
    pd.testing.assert_frame_equal(read(alone), whole)
    folder = tmp_path / "export.zip"
    folder.write_bytes(
        zip_bytes({"Content 2025-11-02_2026-11-01 Fernleaf/Table data.csv": member(examples, "Table data.csv")})
    )
    pd.testing.assert_frame_equal(read(folder), whole)


def test_the_example_is_the_same_bytes_on_every_run(examples, tmp_path):
    writer.write(tmp_path, POSTS, SEED)
    assert (tmp_path / "youtube_studio.zip").read_bytes() == (examples / "youtube_studio.zip").read_bytes()
    with zipfile.ZipFile(examples / "youtube_studio.zip") as archive:
        assert sorted(archive.namelist()) == ["Chart data.csv", "Table data.csv", "Totals.csv"]
    assert READER.sample in writer.FILES


# --- the metrics chosen -------------------------------------------------------------------------


def test_only_the_metrics_chosen_are_read_and_the_others_are_said_to_be_missing(tmp_path):
    path = table_data(
        tmp_path,
        f"{BASE},Views,Subscribers,Impressions,Impressions click-through rate (%)\n"
        "Total,,,,30,-1,900,3.3\n"
        'aB3dEfGh1jK,"How we pot, start to finish","Sep 20, 2026",754,20,-2,600,2.5\n'
        'Xy9_kLmN0pQ,Shop tour,"Sep 3, 2026",58,10,1,300,4.4\n',
    )
    table = read(path)
    assert list(table.columns) == ["post_id", "date", "text", "impressions", "views", "url"]
    assert table["impressions"].tolist() == [300, 600] and table["views"].tolist() == [10, 20]
    assert table["text"].tolist() == ["Shop tour", "How we pot, start to finish"]
    missing = table.attrs["missing"]
    assert "'Likes'" in missing["likes"] and "'Watch time (hours)'" in missing["watch_time_hours"]
    assert "Subscribers gained" in missing["follows"] and "below zero" in missing["follows"]
    assert "Subscribers" in table.attrs["ignored_columns"]


def test_empty_cells_are_left_empty_not_zero(tmp_path):
    path = table_data(
        tmp_path,
        f"{BASE},Views,Likes,Watch time (hours)\nTotal,,,,3,1,0.5\n"
        'aB3dEfGh1jK,Pots,"Sep 20, 2026",754,,1,\n'
        'Xy9_kLmN0pQ,Tour,"Sep 21, 2026",58,3,,0.5\n',
    )
    table = read(path)
    assert table["views"].isna().tolist() == [True, False] and str(table["views"].dtype) == "Int64"
    assert table["likes"].isna().tolist() == [False, True]
    assert table["watch_time_hours"].isna().tolist() == [True, False]


# --- the wrong files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Chart data.csv", ["Chart data.csv", "a row per video per day", "Table data.csv"]),
        ("Totals.csv", ["Totals.csv", "totals only", "Table data.csv"]),
    ],
)
def test_chart_data_and_totals_alone_are_refused_naming_table_data(examples, tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(member(examples, name))
    assert READER.recognise(open_source(path))
    said = problem(path)
    for word in words:
        assert word in said


def test_an_export_without_table_data_is_refused(examples, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(zip_bytes({n: member(examples, n) for n in ("Chart data.csv", "Totals.csv")}))
    assert READER.recognise(open_source(path))
    said = problem(path)
    assert "without Table data.csv" in said and "Chart data.csv, Totals.csv" in said


@pytest.mark.parametrize(
    ("first", "row"), [("Date", "2026-09-03,2,0.0133"), ("Traffic source", "YouTube search,2,0.0133")]
)
def test_a_table_by_another_dimension_is_refused_saying_to_choose_content(tmp_path, first, row):
    path = tmp_path / "export.zip"
    path.write_bytes(
        zip_bytes({"Table data.csv": f"{first},Views,Watch time (hours)\nTotal,2,0.0133\n{row}\n".encode()})
    )
    said = problem(path)
    assert repr(first) in said and "choose Content as the dimension" in said


def test_a_table_with_only_the_total_row_is_refused(tmp_path):
    said = problem(table_data(tmp_path, f"{BASE},Views\nTotal,,,,0\n"))
    assert "no videos" in said and "Total row" in said


# --- broken files -------------------------------------------------------------------------------


def test_a_truncated_zip_is_refused(examples, tmp_path):
    data = (examples / "youtube_studio.zip").read_bytes()
    path = tmp_path / "youtube_studio.zip"
    path.write_bytes(data[: len(data) // 2])
    assert not READER.recognise(open_source(path))
    with pytest.raises(ImportProblem):
        READER.read(open_source(path))


def test_a_damaged_table_data_is_refused(examples, tmp_path):
    data = bytearray((examples / "youtube_studio.zip").read_bytes())
    start = data.index(b"Table data.csv") + len(b"Table data.csv")
    data[start + 20 : start + 60] = bytes(40)
    path = tmp_path / "youtube_studio.zip"
    path.write_bytes(bytes(data))
    assert "could not be unpacked" in problem(path)


def test_a_missing_column_is_named(tmp_path):
    said = problem(table_data(tmp_path, "Content,Video title,Views\nTotal,,3\naB3dEfGh1jK,Pots,3\n"))
    assert "'Video publish time'" in said


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        ('aB3dEfGh1jK,Pots,"Sep 20, 2026",754,12x,1.5', ["'Views'", "row 3", "'12x'", "not a number"]),
        ('aB3dEfGh1jK,Pots,"Sep 20, 2026",754,-4,1.5', ["'Views'", "row 3", "negative"]),
        ('aB3dEfGh1jK,Pots,"Sep 20, 2026",754,4,lots', ["'Watch time (hours)'", "row 3", "'lots'"]),
        ('aB3dEfGh1jK,Pots,"Sept twentieth",754,4,1.5', ["'Video publish time'", "row 3", "Sep 20, 2026"]),
        ('not-an-id,Pots,"Sep 20, 2026",754,4,1.5', ["'Content'", "row 3", "not a YouTube video id"]),
    ],
)
def test_a_cell_that_cannot_be_read_is_named_and_nothing_is_loaded(tmp_path, cells, words):
    said = problem(table_data(tmp_path, f"{BASE},Views,Watch time (hours)\nTotal,,,,4,1.5\n{cells}\n"))
    assert "nothing was loaded" in said
    for word in words:
        assert word in said


def test_the_same_video_twice_and_an_unclosed_quote_are_refused(tmp_path):
    twice = 'aB3dEfGh1jK,Pots,"Sep 20, 2026",754,4\n'
    assert "repeat a post id" in problem(table_data(tmp_path, f"{BASE},Views\nTotal,,,,8\n{twice}{twice}"))
    assert "never closes" in problem(table_data(tmp_path, f'{BASE},Views\nTotal,,,,8\naB3dEfGh1jK,"Pots,1\n'))


# --- recognising --------------------------------------------------------------------------------


def test_no_other_example_file_and_no_random_bytes_are_taken_for_youtube(tmp_path):
    tiktok_writer.write(tmp_path, POSTS, SEED)
    others = [p for p in EXAMPLES_DIR.iterdir() if p.is_file() and p.name not in writer.FILES]
    others += [tmp_path / name for name in tiktok_writer.FILES]
    with zipfile.ZipFile(tmp_path / "tiktok_studio.zip") as archive:
        (tmp_path / "Content.csv").write_bytes(archive.read("Content.csv"))
    others.append(tmp_path / "Content.csv")
    assert others
    for path in others:
        assert not READER.recognise(open_source(path)), path.name
    noise = random.Random(11)
    for size in (0, 10, 1000, 100_000):
        assert not READER.recognise(open_source(io.BytesIO(bytes(noise.randrange(256) for _ in range(size)))))


def test_the_reader_describes_itself():
    assert READER.key == "youtube-studio" and READER.platform == "YouTube"
    assert READER.help_url is None  # no YouTube help page on exporting was found to check
    assert {f.column for f in READER.fields} == {
        "post_id",
        "url",
        "date",
        "text",
        "views",
        "watch_time_hours",
        "impressions",
        "likes",
        "comments",
        "shares",
        "follows",
    }
    assert "Advanced mode" in READER.how_to_get and READER.in_browser
