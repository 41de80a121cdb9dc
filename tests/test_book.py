"""The book builds from a copy of the repository, with Sphinx warnings as errors."""

from __future__ import annotations

import pytest

# `built_book` (a copy of the book built once per test run) lives in conftest.py,
# shared with the site and browser tests.


@pytest.mark.slow
def test_the_book_builds_with_warnings_as_errors(built_book):
    assert (built_book / "index.html").exists()


LATER = ("conversation", "relationships", "content", "community", "caring", "clients")


@pytest.mark.slow
@pytest.mark.parametrize(
    "page",
    [
        "book/welcome.html",
        "book/connection.html",
        "notebooks/01_connection_lab.html",
        "exercises/00_welcome.html",
        "exercises/01_connection.html",
        "book/glossary.html",
        "book/references.html",
        "book/data.html",
        "book/capstone.html",
        "notebooks/08_capstone_lab.html",
        "book/instructor.html",
    ]
    + [
        f"{folder}/0{n}_{c}{suffix}.html"
        for n, c in enumerate(LATER, 2)
        for folder, suffix in (("notebooks", "_lab"), ("exercises", ""))
    ]
    + [f"book/{c}.html" for c in LATER],
)
def test_every_page_is_built(built_book, page):
    assert (built_book / page).exists()


@pytest.mark.slow
def test_chapter_pages_show_computed_numbers_and_figures_with_alt_text(built_book):
    html = (built_book / "book" / "connection.html").read_text()
    assert html.count('<img src="data:image/png;base64,') >= 3
    assert 'alt=""' not in html
    from sevencs.book.connection import numbers as connection_numbers

    assert str(connection_numbers()["ten_new"]) in html


@pytest.mark.slow
def test_exercise_pages_show_the_not_answered_feedback(built_book):
    html = (built_book / "exercises" / "01_connection.html").read_text()
    assert html.count("Not answered yet") >= 5
