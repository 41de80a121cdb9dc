"""LinkedIn Page's content export: the sample reads to the posts it was written from; wrong and broken
workbooks are refused in plain words.

The sample is a legacy .xls written with xlwt (as LinkedIn's own is BIFF; xlwt is a test
dependency). The same sheets written as .xlsx with openpyxl (a copy saved again by a spreadsheet
program) are tested too, and carry the hostile variants.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from sevencs.datasets.examples import EXAMPLES_DIR
from sevencs.datasets.generate import SEED
from sevencs.datasets.platforms import linkedin as writer
from sevencs.datasets.platforms import nursery_posts
from sevencs.yourdata.files import Found, open_source
from sevencs.yourdata.linkedin import READER
from sevencs.yourdata.problem import ImportProblem

POSTS = nursery_posts(SEED)
TITLE, LINK, PAID, CREATED, VIEWS, LIKES = 0, 1, 2, 5, 10, 14  # positions in writer.POSTS_HEADER


def sample_sheets() -> dict[str, list[list]]:
    return copy.deepcopy(writer.sheets(POSTS, SEED))


def xlsx_bytes(book: dict[str, list[list]]) -> bytes:
    """The sheets as an .xlsx workbook, as a spreadsheet program saves it (blank cells left out)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in book.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([None if value == "" else value for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def save(tmp_path: Path, data: bytes, name: str = "fernleaf_content_1793600000000.xlsx") -> Found:
    path = tmp_path / name
    path.write_bytes(data)
    return open_source(path)


def read(tmp_path: Path, book: dict[str, list[list]], name: str = "fernleaf_content_1793600000000.xlsx"):
    return READER.read(save(tmp_path, xlsx_bytes(book), name))


def refusal(tmp_path: Path, book: dict[str, list[list]]) -> str:
    with pytest.raises(ImportProblem) as caught:
        read(tmp_path, book, "page_export.xlsx")
    return str(caught.value)


@pytest.fixture
def xls_sample(tmp_path) -> Path:
    writer.write(tmp_path, POSTS, SEED)
    return tmp_path / "linkedin_content.xls"


def check_against_the_nursery(table: pd.DataFrame) -> None:
    """The table holds the posts given to the writer: one row per post, matched by day (one post a day)."""
    assert len(table) == len(POSTS)
    by_day = {p["date"].date(): p for p in POSTS}
    assert len(by_day) == len(POSTS)
    assert table["date"].tolist() == sorted(pd.Timestamp(d) for d in by_day)  # the day, at midnight
    for _, row in table.iterrows():
        post = by_day[row["date"].date()]
        assert row["text"] == post["text"]
        for column in ("likes", "comments", "shares", "impressions"):
            assert row[column] == post[column], column
    assert "type" not in table.columns  # Content Type is the post's form, not the course's type
    video = pd.Series([by_day[d.date()]["type"] == "how-to" for d in table["date"]])  # the writer's videos
    assert table.loc[~video, "views"].isna().all() and table.loc[video, "views"].notna().all()


# --- the sample -----------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:The xlrd engine is deprecated")  # read with xlrd on purpose: a real .xls
def test_the_sample_is_a_real_xls_workbook_with_linkedins_two_sheets(xls_sample):
    data = xls_sample.read_bytes()
    assert data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 compound file, as BIFF workbooks are
    book = pd.read_excel(xls_sample, sheet_name=None, header=None, dtype=str, engine="xlrd")
    assert list(book) == ["Metrics", "All posts"]
    assert book["All posts"].iloc[1].tolist() == writer.POSTS_HEADER and len(writer.POSTS_HEADER) == 20
    assert book["Metrics"].iloc[1].tolist() == writer.METRICS_HEADER
    assert book["All posts"].iloc[0, 0].startswith("All posts")  # the line of description above the header
    assert len(data) < 100_000


def test_the_sample_reads_to_the_posts_given_to_the_writer(xls_sample):
    found = open_source(xls_sample)
    assert READER.recognise(found)
    table = READER.read(found)
    check_against_the_nursery(table)
    rows = writer.sheets(POSTS, SEED)["All posts"][2:]
    assert sorted(table["url"]) == sorted(r[LINK] for r in rows)
    for _, row in table.iterrows():
        assert row["url"].endswith(row["post_id"]) and len(row["post_id"]) == 19
    assert table["post_id"].is_unique


def test_the_sample_says_what_filled_each_column_what_was_assumed_and_what_is_missing(xls_sample):
    attrs = READER.read(open_source(xls_sample)).attrs
    assert attrs["format"] == "linkedin-page" and attrs["platform"] == "LinkedIn"
    assert attrs["recognised_as"] == "a LinkedIn Page's content export"
    assert attrs["file"] == "linkedin_content.xls" and attrs["member"] is None
    assert attrs["headers"] == {
        "date": "Created date",
        "text": "Post title",
        "url": "Post link",
        "post_id": "Post link",
        "impressions": "Impressions",
        "views": "Views (excluding off-site video views)",
        "clicks": "Clicks",
        "likes": "Likes",
        "comments": "Comments",
        "shares": "Reposts",
        "follows": "Follows",
    }
    assert attrs["ignored_columns"] == [
        "Campaign name",
        "Posted by",
        "Campaign start date",
        "Campaign end date",
        "Audience",
        "Off-site views",
        "Click through rate (CTR)",
        "Engagement rate",
        "Content Type",
    ]
    assert attrs["absent_columns"] == ["type", "reach", "followers"]
    assert set(attrs["missing"]) == {"reach", "followers"}
    said = "\n".join(attrs["assumptions"])
    assert "1 of 36 posts is sponsored" in said
    assert "not the time" in said and "cuts long posts short" in said
    videos = sum(p["type"] == "how-to" for p in POSTS)
    assert f"is empty for {36 - videos} of 36 posts" in said


def test_the_sample_has_the_same_bytes_on_every_run(tmp_path, xls_sample):
    writer.write(tmp_path / "again", nursery_posts(SEED), SEED)
    assert (tmp_path / "again" / "linkedin_content.xls").read_bytes() == xls_sample.read_bytes()


def test_the_sample_has_organic_posts_and_one_sponsored_with_its_campaign():
    rows = writer.sheets(POSTS, SEED)["All posts"][2:]
    sponsored = [r for r in rows if r[PAID] == "Sponsored"]
    assert len(sponsored) == 1 and sum(r[PAID] == "Organic" for r in rows) == len(POSTS) - 1
    assert sponsored[0][3] and sponsored[0][6] and sponsored[0][7]  # campaign name, start and end
    assert all(r[3] == r[6] == r[7] == "" for r in rows if r[PAID] == "Organic")
    assert all(r[LINK].startswith("https://www.linkedin.example/") for r in rows)


# --- the same sheets saved again as .xlsx ------------------------------------------------------


def test_a_copy_saved_as_xlsx_reads_to_the_same_posts(tmp_path):
    found = save(tmp_path, xlsx_bytes(sample_sheets()))
    assert found.kind == "xlsx" and READER.recognise(found)
    check_against_the_nursery(READER.read(found))


def test_created_dates_stored_as_date_cells_are_read_as_the_same_days(tmp_path):
    book = sample_sheets()
    for row in book["All posts"][2:]:
        row[CREATED] = dt.datetime.strptime(row[CREATED], "%m/%d/%Y")
    table = read(tmp_path, book)
    check_against_the_nursery(table)


def test_dates_are_month_first_even_when_no_day_is_above_12(tmp_path):
    book = sample_sheets()
    rows = book["All posts"]
    book["All posts"] = rows[:2] + [r for r in rows[2:] if int(r[CREATED][3:5]) <= 12]
    table = read(tmp_path, book)
    expected = sorted(pd.Timestamp(dt.datetime.strptime(r[CREATED], "%m/%d/%Y")) for r in book["All posts"][2:])
    assert table["date"].tolist() == expected
    assert not any("month first" in a for a in table.attrs["assumptions"])


def test_the_older_update_engagement_layout_is_read(tmp_path):
    header = [
        "Update title",
        "Update link",
        "Update type",
        "Created date",
        "Impressions",
        "Video views",
        "Clicks",
        "Click through rate (CTR)",
        "Likes",
        "Comments",
        "Shares",
        "Follows",
        "Engagement rate",
    ]
    # the same posts' cells, in the older order (positions in writer.POSTS_HEADER)
    order = [TITLE, LINK, PAID, CREATED, 9, VIEWS, 12, 13, LIKES, 15, 16, 17, 18]
    rows = [[r[k] for k in order] for r in writer.sheets(POSTS, SEED)["All posts"][2:]]
    book = {
        "Update metrics (aggregated)": [["Date", "Impressions (organic)"], ["09/15/2026", 10]],
        "Update engagement": [header, *rows],
    }  # no line of description in this one
    found = save(tmp_path, xlsx_bytes(book))
    assert READER.recognise(found)
    table = READER.read(found)
    assert table.attrs["recognised_as"] == "a LinkedIn Page's content export (older layout)"
    assert table.attrs["headers"]["shares"] == "Shares" and table.attrs["headers"]["views"] == "Video views"
    assert "type" not in table.columns  # older exports have no content type
    by_day = {p["date"].date(): p for p in POSTS}
    assert len(table) == len(POSTS)
    assert all(row["shares"] == by_day[row["date"].date()]["shares"] for _, row in table.iterrows())
    assert any("1 of 36 posts is sponsored" in a for a in table.attrs["assumptions"])


def test_a_sheet_of_posts_renamed_or_without_its_description_line_is_still_found(tmp_path):
    book = sample_sheets()
    posts = book.pop("All posts")[1:]
    book["Sheet1"] = posts
    table = read(tmp_path, book)
    assert len(table) == len(POSTS)


def test_linkedins_own_sheet_is_preferred_to_another_with_the_same_header(tmp_path):
    book = sample_sheets()
    notes = [book["All posts"][1], book["All posts"][2]]  # a learner's sheet of one post, placed first
    table = read(tmp_path, {"My notes": notes, **book})
    assert len(table) == len(POSTS)


def test_empty_engagement_cells_are_zero_and_not_given_views_are_left_empty(tmp_path):
    book = sample_sheets()
    rows = book["All posts"][2:]
    rows[0][LIKES] = ""
    rows[1][VIEWS] = "NA"
    table = read(tmp_path, book)
    first = table[table["url"] == rows[0][LINK]].iloc[0]
    second = table[table["url"] == rows[1][LINK]].iloc[0]
    assert first["likes"] == 0
    assert pd.isna(second["views"])


def test_post_ids_come_from_activity_and_ugcpost_links(tmp_path):
    book = sample_sheets()
    rows = book["All posts"][2:]
    rows[0][LINK] = "https://www.linkedin.example/feed/update/urn:li:activity:7371234567890123456/"
    rows[1][LINK] = "https://www.linkedin.example/feed/update/urn:li:ugcPost:7369999999999999999"
    rows[2][LINK] = "https://www.linkedin.example/pulse/how-to-plant-garlic-fernleaf"  # an article: no number
    table = read(tmp_path, book)
    ids = set(table["post_id"])
    assert {"7371234567890123456", "7369999999999999999", rows[2][LINK]} <= ids


def test_two_sponsored_posts_are_counted_and_none_is_not_mentioned(tmp_path):
    book = sample_sheets()
    book["All posts"][3][PAID] = "Sponsored"
    assert any("2 of 36 posts are sponsored" in a for a in read(tmp_path, book).attrs["assumptions"])
    for row in book["All posts"][2:]:
        row[PAID] = "Organic"
    assert not any("sponsored" in a for a in read(tmp_path, book).attrs["assumptions"])


# --- the wrong LinkedIn file -------------------------------------------------------------------


def test_the_followers_export_is_refused_naming_the_content_export(tmp_path):
    book = {
        "New followers": [
            ["Date", "Sponsored followers", "Organic followers", "Total followers"],
            ["09/15/2026", 0, 3, 3],
        ],
        "Location": [["Location", "Total followers"], ["Leeds", 12]],
        "Job function": [["Job function", "Total followers"], ["Operations", 4]],
    }
    found = save(tmp_path, xlsx_bytes(book), "fernleaf_followers_1793600000000.xlsx")
    assert READER.recognise(found)
    message = refusal(tmp_path, book)
    assert "followers export" in message and "content export" in message and "Analytics > Posts" in message


def test_the_visitors_export_is_refused_naming_the_content_export(tmp_path):
    book = {
        "Visitor metrics": [["Date", "Total page views (desktop)", "Total page views (total)"], ["09/15/2026", 3, 5]],
        "Industry": [["Industry", "Total views"], ["Retail", 2]],
    }
    assert READER.recognise(save(tmp_path, xlsx_bytes(book)))
    message = refusal(tmp_path, book)
    assert "visitors export" in message and "content export" in message


def test_a_content_export_without_its_all_posts_sheet_is_refused_naming_it(tmp_path):
    book = {"Metrics": sample_sheets()["Metrics"]}
    assert READER.recognise(save(tmp_path, xlsx_bytes(book)))
    message = refusal(tmp_path, book)
    assert "'All posts'" in message and "'Metrics'" in message and "totals per day" in message


def test_an_all_posts_sheet_in_another_language_is_refused_saying_so(tmp_path):
    book = sample_sheets()
    book["All posts"][1] = ["Título da publicação", "Link da publicação", *book["All posts"][1][2:]]
    book["All posts"][1][CREATED] = "Data de criação"
    assert READER.recognise(save(tmp_path, xlsx_bytes(book)))  # LinkedIn's pair of sheets
    message = refusal(tmp_path, book)
    assert "'All posts'" in message and "another language" in message


def test_a_header_with_no_posts_under_it_is_refused(tmp_path):
    book = sample_sheets()
    book["All posts"] = book["All posts"][:2]
    assert "no posts under it" in refusal(tmp_path, book)


def test_a_csv_given_as_this_format_is_refused(tmp_path):
    found = save(tmp_path, b"Post title,Post link,Created date\nhi,x,09/15/2026\n", "posts.csv")
    assert not READER.recognise(found)
    with pytest.raises(ImportProblem, match="not an Excel workbook"):
        READER.read(found)


# --- broken and hostile workbooks --------------------------------------------------------------


def test_a_date_that_cannot_be_read_is_named_with_its_row(tmp_path):
    book = sample_sheets()
    book["All posts"][4][CREATED] = "someday"  # spreadsheet row 5: description, header, then posts
    message = refusal(tmp_path, book)
    assert "nothing was loaded" in message and "'Created date'" in message and "row 5 ('someday')" in message
    assert "sheet 'All posts'" in message


def test_counts_that_are_not_whole_numbers_are_named_by_column_and_row(tmp_path):
    book = sample_sheets()
    book["All posts"][2][LIKES] = 12.5
    book["All posts"][6][LIKES] = "lots"
    book["All posts"][3][VIEWS] = -4
    message = refusal(tmp_path, book)
    assert "'Likes'" in message and "row 3 ('12.5')" in message and "row 7 ('lots')" in message
    assert "'Views (excluding off-site video views)'" in message and "row 4 ('-4')" in message


def test_not_given_is_accepted_for_views_but_not_for_likes(tmp_path):
    book = sample_sheets()
    book["All posts"][2][LIKES] = "NA"
    assert "'Likes'" in refusal(tmp_path, book)


def test_rows_are_numbered_as_the_spreadsheet_shows_them_across_blank_rows(tmp_path):
    book = sample_sheets()
    rows = book["All posts"]
    rows.insert(3, [""] * 20)
    rows[5][CREATED] = "13/45/2026"  # spreadsheet row 6, after the blank row 4
    assert "row 6 ('13/45/2026')" in refusal(tmp_path, book)


def test_a_missing_post_title_column_is_refused(tmp_path):
    book = sample_sheets()
    for row in book["All posts"][1:]:
        row[TITLE] = ""
    book["All posts"][1][TITLE] = "Notes"
    assert "no 'Post title' column" in refusal(tmp_path, book)


def test_a_repeated_or_empty_post_link_is_refused(tmp_path):
    book = sample_sheets()
    rows = book["All posts"]
    rows[5][LINK] = rows[2][LINK]
    rows[7][LINK] = ""
    message = refusal(tmp_path, book)
    assert "'Post link'" in message and "row 6 (the same as row 3)" in message and "row 8" in message


def test_a_truncated_xls_is_refused_and_recognised_only_by_linkedins_name(tmp_path, xls_sample):
    data = xls_sample.read_bytes()[:20_000]
    named = save(tmp_path, data, "fernleaf_content_1793600000000.xls")
    assert READER.recognise(named)
    with pytest.raises(ImportProblem, match="could not be opened"):
        READER.read(named)
    assert not READER.recognise(save(tmp_path, data, "download.xls"))


def test_a_truncated_xlsx_is_refused(tmp_path):
    data = xlsx_bytes(sample_sheets())
    found = save(tmp_path, data[: len(data) // 2])
    assert not READER.recognise(found)
    with pytest.raises(ImportProblem):
        READER.read(found)


def test_a_workbook_with_a_damaged_member_is_refused(tmp_path):
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(sample_sheets())))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as damaged:
        for info in source.infolist():
            data = source.read(info)
            damaged.writestr(info, data[:40] if info.filename.startswith("xl/worksheets/") else data)
    with pytest.raises(ImportProblem, match="could not be opened"):
        READER.read(save(tmp_path, buffer.getvalue()))


# --- recognising: never another platform's file ------------------------------------------------


OTHER_EXAMPLES = sorted(p.name for p in EXAMPLES_DIR.iterdir() if p.name not in writer.FILES)


@pytest.mark.parametrize("name", OTHER_EXAMPLES)
def test_no_other_example_file_is_recognised(name):
    assert not READER.recognise(open_source(EXAMPLES_DIR / name))


def test_random_bytes_and_other_workbooks_are_not_recognised(tmp_path):
    assert not READER.recognise(save(tmp_path, os.urandom(4096), "random.xls"))
    assert not READER.recognise(save(tmp_path, b"\xd0\xcf\x11\xe0" + os.urandom(4096), "random.xls"))
    other = {
        "Sheet1": [["Date", "Text", "Likes"], ["09/15/2026", "hello", 3]],
        "Metrics": [["Date", "Visits"], ["09/15/2026", 4]],
    }
    assert not READER.recognise(save(tmp_path, xlsx_bytes(other)))
    with pytest.raises(ImportProblem, match="no sheet of LinkedIn posts"):
        READER.read(save(tmp_path, xlsx_bytes(other)))


def test_the_reader_describes_itself_for_the_data_dictionary():
    assert READER.key == "linkedin-page" and READER.sample == writer.FILES[0]
    assert {f.column for f in READER.fields} >= {
        "text",
        "url",
        "post_id",
        "date",
        "impressions",
        "views",
        "clicks",
        "likes",
        "comments",
        "shares",
        "follows",
    }
    assert READER.help_url is None  # no LinkedIn Help page about this export was verified
    assert "Export" in READER.how_to_get and READER.in_browser
