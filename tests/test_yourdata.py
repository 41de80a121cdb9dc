"""Your own data, across every format: each example is recognised as what it is, reads, and audits.

The per-platform details are in ``tests/test_yourdata_<platform>.py`` and ``tests/test_imports.py``;
here the registry as a whole: recognition from the content (never from the name alone), the one
message for a file the course does not read, forcing a format, and the audit on every example.
"""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from sevencs.audit import audit
from sevencs.imports import ImportProblem, describe_fields, describe_formats, example_path, examples, read_posts
from sevencs.yourdata import READERS, what_was_read

#: What each shipped example is (the test's own list: a new example must be added here by hand).
EXPECTED = {
    "posts.csv": "csv",
    "analytics_export.csv": "csv",
    "meta_business_suite_facebook.csv": "meta-business-suite",
    "meta_business_suite_instagram.csv": "meta-business-suite",
    "outbox.json": "mastodon",
    "mastodon_archive.zip": "mastodon",
    "facebook_download.zip": "facebook-download",
    "instagram_download.zip": "instagram-download",
    "threads_and_replies.json": "threads-download",
    "x_analytics_content.csv": "x-analytics",
    "x_tweet_activity.csv": "x-analytics",
    "x_archive.zip": "x-archive",
    "tiktok_studio.zip": "tiktok-studio",
    "tiktok_content.xlsx": "tiktok-studio",
    "youtube_studio.zip": "youtube-studio",
    "linkedin_content.xls": "linkedin-page",
    "bluesky_repo.car": "bluesky-repo",
}
SHIPPED = examples()


def test_every_reader_has_an_example_and_every_example_is_listed_here():
    assert set(SHIPPED) <= set(EXPECTED), f"add the new examples to EXPECTED: {set(SHIPPED) - set(EXPECTED)}"
    assert {r.sample for r in READERS} <= set(SHIPPED)
    assert {EXPECTED[name] for name in SHIPPED} == {r.key for r in READERS}


@pytest.mark.parametrize("name", SHIPPED)
def test_each_example_is_recognised_from_its_content_whatever_its_name(name, tmp_path):
    renamed = tmp_path / "download.bin"  # a name that says nothing
    renamed.write_bytes(example_path(name).read_bytes())
    assert read_posts(renamed).attrs["format"] == EXPECTED[name]
    posts = read_posts(example_path(name))
    assert posts.attrs["format"] == EXPECTED[name] and len(posts) > 0
    assert posts["date"].is_monotonic_increasing and posts["date"].notna().all()
    said = what_was_read(posts)
    assert said.startswith(f"Read {len(posts):,} posts from {name}")
    assert posts.attrs["recognised_as"] in said.splitlines()[0]


@pytest.mark.parametrize("name", SHIPPED)
def test_the_audit_runs_on_every_example_and_names_the_file_that_has_what_is_missing(name):
    posts = read_posts(example_path(name))
    card = audit(posts)
    assert card.png().startswith(b"\x89PNG")
    missing = posts.attrs["missing"]
    for row in card.table[~card.table["available"]].itertuples():
        for column, hint in missing.items():
            if f"no {column!r} column" in row.why_not:
                assert hint in row.why_not
    assert card.assumptions == tuple(posts.attrs["assumptions"])


@pytest.mark.parametrize("name", SHIPPED)
def test_forcing_another_format_reads_or_says_why_not(name):
    for reader in READERS:
        try:
            posts = read_posts(example_path(name), format=reader.key)
        except ImportProblem as problem:
            assert "unexpected problem" not in str(problem)
        else:
            assert isinstance(posts, pd.DataFrame) and posts.attrs["format"] == reader.key


def test_a_file_the_course_does_not_read_is_told_every_file_it_does(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"shopping": ["milk", "eggs"]}')
    with pytest.raises(ImportProblem) as caught:
        read_posts(path)
    message = str(caught.value)
    assert "The course reads these files" in message
    for reader in READERS:
        assert reader.platform in message and reader.how_to_get in message


def test_a_zip_of_something_else_lists_what_is_inside(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("holiday/photo1.jpg", b"\xff\xd8")
        archive.writestr("holiday/notes.txt", "sunny")
    path = tmp_path / "holiday.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportProblem, match=r"a zip archive holding holiday/photo1\.jpg, holiday/notes\.txt"):
        read_posts(path)


def test_the_data_dictionary_tables_cover_every_reader():
    formats = describe_formats()
    assert formats["format"].tolist() == [r.key for r in READERS]
    for reader in READERS:
        fields = describe_fields(reader.key)
        assert len(fields) == len(reader.fields) > 0
        assert set(fields["column"]) - {""} <= {
            "post_id",
            "date",
            "type",
            "text",
            "reach",
            "likes",
            "comments",
            "shares",
            "followers",
            "impressions",
            "saves",
            "views",
            "clicks",
            "follows",
            "watch_time_hours",
            "kind",
            "url",
        }
