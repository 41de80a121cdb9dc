"""The book builds from a copy of the repository, with Sphinx warnings as errors.

That build is also the test of the notebooks as shipped: it executes each of them
once and nothing else in `make test` runs them again. The tiny books at the end
prove that the book's execution settings (read from _config.yml) fail a build
when a notebook raises or writes to stderr.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from jupyter_book.config import yaml_to_sphinx
from myst_nb.core.execute.base import ExecutionError
from sphinx.errors import SphinxWarning

ROOT = Path(__file__).resolve().parents[1]

# `built_book` (a copy of the book built once per test run, shared with the site and browser tests)
# lives in conftest.py, which marks every test that uses it slow.


def test_the_book_builds_with_warnings_as_errors(built_book):
    assert (built_book / "index.html").exists()


LATER = ("conversation", "relationships", "content", "community", "caring", "clients")


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


def test_chapter_pages_show_computed_numbers_and_figures_with_alt_text(built_book):
    html = (built_book / "book" / "connection.html").read_text()
    # each figure a file of its own in _images, loaded lazily (sevencs/publish/images.py)
    figures = re.findall(r'<img src="\.\./(_images/sevencs-[0-9a-f]+\.png)"[^>]*loading="lazy"', html)
    assert len(figures) >= 3 and all((built_book / f).is_file() for f in figures)
    assert 'alt=""' not in html
    from sevencs.book.connection import numbers as connection_numbers

    assert str(connection_numbers()["ten_new"]) in html


def test_exercise_pages_show_the_not_answered_feedback(built_book):
    html = (built_book / "exercises" / "01_connection.html").read_text()
    assert html.count("Not answered yet") >= 5


def test_no_page_names_an_exercise_or_a_question_by_its_internal_id(built_book):
    """Readers meet "Self-check 1", "Exercise 2" and "Reflection", as the notebooks name them, never the ids
    the course keeps for progress ("connection sc1", "caring q2", "welcome reflection")."""
    from sevencs.chapters import CHAPTERS

    internal = re.compile(rf"\b(?:{'|'.join(CHAPTERS)}) (?:q\d+|sc\d+|reflection)\b")
    pages = [
        p
        for p in built_book.rglob("*.html")
        if p.relative_to(built_book).parts[0] in ("book", "exercises", "notebooks")
    ]
    assert len(pages) >= 20
    found = {
        str(page.relative_to(built_book)): hits
        for page in pages
        if (hits := sorted(set(internal.findall(BeautifulSoup(page.read_text(), "html.parser").get_text(" ")))))
    }
    assert not found, found
    assert internal.search("Self-check (connection sc1)") and not internal.search("Self-check 1")


# --- the execution settings, on a one-notebook book -----------------------------------------------


def book_execution_settings() -> dict:
    """The notebook execution settings `jupyter-book build` hands Sphinx from the book's _config.yml."""
    converted, overrides, _ = yaml_to_sphinx(yaml.safe_load((ROOT / "_config.yml").read_text()))
    return {k: v for k, v in {**converted, **overrides}.items() if k.startswith(("nb_execution", "nb_output"))}


def build_one_notebook(make_app, sphinx_test_tempdir: Path, rootdir: Path, name: str, code: str):
    """Build tests/roots/test-notebook with ``code`` as its one cell, the book's way (warnings as errors)."""
    srcdir = sphinx_test_tempdir / f"notebook-{name}"
    shutil.copytree(rootdir / "test-notebook", srcdir)
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# A notebook"), nbformat.v4.new_code_cell(code)],
        metadata={"kernelspec": kernel},
    )
    nbformat.write(notebook, srcdir / "index.ipynb")
    app = make_app("html", srcdir=srcdir, confoverrides=book_execution_settings(), warningiserror=True, freshenv=True)
    app.build()
    return app


@pytest.mark.slow
def test_a_notebook_that_runs_cleanly_builds(make_app, sphinx_test_tempdir, rootdir):
    app = build_one_notebook(make_app, sphinx_test_tempdir, rootdir, "clean", "print(6 * 7)")
    assert "42" in (app.outdir / "index.html").read_text()


@pytest.mark.slow
def test_a_notebook_that_raises_fails_the_build(make_app, sphinx_test_tempdir, rootdir):
    with pytest.raises(ExecutionError) as failed:
        build_one_notebook(make_app, sphinx_test_tempdir, rootdir, "raises", "1 / 0")
    assert "ZeroDivisionError" in str(failed.value.__cause__)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, code",
    [
        ("warns", "import warnings\nwarnings.warn('this will stop working')"),
        ("writes-to-stderr", "import sys\nprint('careful', file=sys.stderr)"),
    ],
)
def test_a_notebook_that_writes_to_stderr_fails_the_build(make_app, sphinx_test_tempdir, rootdir, name, code):
    with pytest.raises(SphinxWarning, match="stderr was found in the cell outputs"):
        build_one_notebook(make_app, sphinx_test_tempdir, rootdir, name, code)


@pytest.mark.sphinx("html", testroot="links")
def test_links_to_the_published_book_lead_to_this_builds_pages(app):
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select("article a, div[role=main] a, .body a") if a.get("href")]
    assert "book/chapter.html#the-numbers" in hrefs and "book/chapter.html" in hrefs
    assert "https://elsewhere.example.org/book/chapter.html" in hrefs  # another site's page is left alone
    assert not [h for h in hrefs if h.startswith("https://books.example.org/")]
    assert app._warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="links", srcdir="links-gone-page")
def test_a_link_to_a_page_the_book_does_not_have_is_a_warning(app):
    index = app.srcdir / "index.md"
    index.write_text(index.read_text() + "\nSee [the gone page](https://books.example.org/course/book/gone.html).\n")
    app.build()
    assert "https://books.example.org/course/book/gone.html names no page of this book" in app._warning.getvalue()
