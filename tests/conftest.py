"""Shared fixtures: every test gets its own progress database and a clean environment."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from hypothesis import settings

from book import BookBuildFailed, build_book
from sevencs.course.engine import EXPECT_CORRECT_ENV
from sevencs.course.store import ENV_VAR
from sevencs.publish.lite import ENV_VAR as LITE_ENV
from sevencs.render.edition import BOOK_ENV
from sevencs.widgets.static import STATES_ENV

# No timed assertions in tests (timing is measured in benchmarks/): Hypothesis's per-example deadline
# failed a property test on a busy 2-core machine (725 ms for an example that takes 58 ms when quiet).
settings.register_profile("sevencs", deadline=None)
settings.load_profile("sevencs")

# Sphinx's own test fixtures (`app`, `make_app`, `@pytest.mark.sphinx(testroot=...)`): tiny books in
# tests/roots/test-<name>/ test the course's Sphinx extensions in seconds, without building the whole book.
pytest_plugins = ("sphinx.testing.fixtures",)
# Those tiny books are sources, not tests (nbval would otherwise run their notebook).
collect_ignore = ["roots"]


@pytest.fixture(autouse=True)
def progress_db(tmp_path, monkeypatch):
    """A fresh progress file per test, so tests never touch a learner's real one."""
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv(ENV_VAR, str(path))
    monkeypatch.delenv(EXPECT_CORRECT_ENV, raising=False)
    return path


@pytest.fixture(autouse=True)
def live_notebook(request, monkeypatch):
    """Every test starts as a live notebook (``SEVENCS_BOOK`` and ``SEVENCS_EXPLORER_STATES`` unset), and
    whatever a test's book build sets is undone after it.
    The tiny books of sphinx.testing leave out the JupyterLite site (``SEVENCS_LITE=0``)."""
    for name in (BOOK_ENV, STATES_ENV):
        monkeypatch.setenv(name, "")  # recorded, so the delete below is undone too
        monkeypatch.delenv(name)
    if request.node.get_closest_marker("sphinx"):
        monkeypatch.setenv(LITE_ENV, "0")


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where sphinx.testing finds the tiny books named by ``@pytest.mark.sphinx(testroot=...)``."""
    return ROOT / "tests" / "roots"


# Set this to a built site (e.g. _build/html after `make book`) to test it instead of building.
BUILT_BOOK_ENV = "SEVENCS_TEST_BUILT_BOOK"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The built site (its html folder), built once per test run.

    Under pytest-xdist every worker has its own session, so the first worker to
    get here builds into a folder all workers share while holding a lock; the
    others wait and reuse it (or see the same failure) instead of building again.
    """
    if os.environ.get(BUILT_BOOK_ENV):
        html = Path(os.environ[BUILT_BOOK_ENV]).resolve()
        assert (html / "index.html").exists(), f"{BUILT_BOOK_ENV}={html} has no index.html; build the book first"
        return html
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_book(tmp_path_factory.mktemp("book-source"))
    import fcntl  # xdist runs here on Linux and macOS, where fcntl exists

    shared = tmp_path_factory.getbasetemp().parent  # one folder per test run, common to all workers
    source, failed = shared / "book-source", shared / "book-build-failed.txt"
    with open(shared / "book-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if failed.exists():
            pytest.fail("the book build failed in another worker:\n" + failed.read_text())
        if (source / "_build" / "html" / "index.html").exists():
            return source / "_build" / "html"
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir()
        try:
            return build_book(source)
        except BookBuildFailed as error:
            failed.write_text(str(error))
            raise


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the built book slow, whether it asks for ``built_book`` itself or through
    another fixture (``served_book``, the browser tests' pages), so `pytest -m "not slow"` never builds it.
    So is every test in a real JupyterLab (``jupyter_lab``): `make test` runs them beside the built book's."""
    for item in items:
        if {"built_book", "jupyter_lab"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


_STARTED = time.time()


def pytest_terminal_summary(terminalreporter) -> None:
    """Print the browser tests' accessibility and page-weight table (written by tests/test_browser.py)."""
    report = ROOT / "_build" / "browser-report.txt"
    if report.exists() and report.stat().st_mtime >= _STARTED:
        terminalreporter.write_sep("=", "browser tests: axe-core violations and page weight")
        terminalreporter.write(report.read_text())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def served_book(built_book):
    """The built site served on 127.0.0.1 by a thread; yields its base URL (ending in /)."""
    handler = functools.partial(_Quiet, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def jupyter_lab(tmp_path_factory):
    """A JupyterLab on 127.0.0.1 serving a copy of the course, for one test module; stopped after it."""
    from lab_harness import running_lab

    with running_lab(tmp_path_factory.mktemp("lab") / "course") as lab:
        yield lab


@pytest.fixture(scope="module")
def lab_page(jupyter_lab):
    """One Chromium page on that JupyterLab, at a laptop's size, for the whole module."""
    from playwright.sync_api import sync_playwright

    from lab_harness import chromium

    with sync_playwright() as playwright, chromium(playwright) as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        yield context.new_page()
        context.close()
