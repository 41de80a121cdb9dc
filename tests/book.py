"""The test suite's copy of the book, built like `make book` (warnings as errors), never in place.

Used by the ``built_book`` fixture (tests/conftest.py) and by `make test`, which runs this file to build
the book in the background while the tests that need no book run:

    python tests/book.py <folder>      # copies the book's sources into <folder> and builds it there
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What a book build reads. _vendor holds the widget renderer `make widgets` copies there
# (tests/test_assets.py checks it reaches the site).
#: Each lab and the explorer it shows first, as the book must show it (built with its default settings).
EXPLORERS = {
    "01_connection_lab": "sevencs.widgets.connection:ConnectionExplorer",
    "02_conversation_lab": "sevencs.widgets.conversation:ConversationExplorer",
    "03_relationships_lab": "sevencs.widgets.relationships:RelationshipsExplorer",
    "04_content_lab": "sevencs.widgets.content:ContentExplorer",
    "05_community_lab": "sevencs.widgets.community:CommunityExplorer",
    "06_caring_lab": "sevencs.widgets.caring:CaringExplorer",
    "07_clients_lab": "sevencs.widgets.clients:ClientsExplorer",
}

KEEP = ["_config.yml", "_toc.yml", "book", "notebooks", "exercises", "_vendor"]


class BookBuildFailed(AssertionError):
    """The book did not build without warnings; the message holds the end of the build's output."""


def build_book(source: Path) -> Path:
    """Copy the book's files into ``source`` and build it there, warnings as errors; returns the html folder."""
    for name in KEEP:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_build"))
        else:
            shutil.copy(path, source / name)
    env = {**os.environ, "SEVENCS_PROGRESS_DB": str(source / "progress.sqlite")}
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source), "-W", "-n", "--keep-going"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
    if result.returncode != 0:
        raise BookBuildFailed(result.stdout[-4000:] + result.stderr[-4000:])
    return source / "_build" / "html"


if __name__ == "__main__":
    folder = Path(sys.argv[1]).resolve()
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        print(build_book(folder))
    except BookBuildFailed as failure:
        sys.exit(f"The book did not build with warnings as errors:\n{failure}")
