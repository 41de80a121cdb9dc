"""What book/data.md shows about each kind of file the course reads, written from the readers themselves.

Each reader (:mod:`sevencs.yourdata`) says how to get its file, what it holds and lacks,
its platform's help page when one was checked, and the fields it reads with their
meanings; the data dictionary shows exactly that, so the page and the messages a
learner sees never disagree.
"""

from __future__ import annotations

import pandas as pd

from sevencs.imports import describe_fields, describe_formats
from sevencs.render.html import render
from sevencs.yourdata import reader
from sevencs.yourdata.table import COLUMNS


def formats_table() -> str:
    """Every kind of file the course reads, one row each (HTML; each section below gives its format name
    and example file)."""
    return _table(describe_formats()[["platform", "file", "in the browser"]])


def columns_table() -> str:
    """The course's table of posts: each column and what it holds (HTML)."""
    return _table(
        pd.DataFrame([(c.name, c.kind, c.meaning) for c in COLUMNS], columns=["column", "kind", "what it holds"])
    )


def format_section(*keys: str) -> str:
    """How to get each file (``keys``: the readers' format names), what it holds and lacks, its help
    page, and the fields read (HTML, every text escaped)."""
    sections = [(reader(key), _table(describe_fields(key))) for key in keys]
    return render("file_formats.html", sections=sections)


def _table(frame: pd.DataFrame) -> str:
    return render(
        "table.html", columns=list(frame.columns), rows=frame.itertuples(index=False, name=None), classes="table"
    )
