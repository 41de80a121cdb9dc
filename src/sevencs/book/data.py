"""What book/data.md shows about each kind of file the course reads, written from the readers themselves.

Each reader (:mod:`sevencs.yourdata`) says how to get its file, what it holds and lacks,
its platform's help page when one was checked, and the fields it reads with their
meanings; the data dictionary shows exactly that, so the page and the messages a
learner sees never disagree.
"""

from __future__ import annotations

import html

import pandas as pd

from sevencs.imports import describe_fields, describe_formats
from sevencs.yourdata import reader
from sevencs.yourdata.table import COLUMNS


def formats_table() -> str:
    """Every kind of file the course reads, one row each (HTML; each section below gives its format name
    and example file)."""
    table = describe_formats()[["platform", "file", "in the browser"]]
    return table.to_html(index=False, border=0, classes="table", escape=True)


def columns_table() -> str:
    """The course's table of posts: each column and what it holds (HTML)."""
    table = pd.DataFrame([(c.name, c.kind, c.meaning) for c in COLUMNS], columns=["column", "kind", "what it holds"])
    return table.to_html(index=False, border=0, classes="table", escape=True)


def format_section(*keys: str) -> str:
    """How to get each file (``keys``: the readers' format names), what it holds and lacks, its help
    page, and the fields read (HTML, every text escaped)."""
    parts = []
    for key in keys:
        found = reader(key)
        help_page = (
            f'<a href="{html.escape(found.help_url, quote=True)}">{html.escape(found.help_title or found.help_url)}</a>'
            if found.help_url
            else "not cited: none of the platform's own help pages about this file "
            "could be checked when this was written"
        )
        browser = (
            ""
            if found.in_browser
            else (
                "<p><strong>Needs the course on your own computer:</strong> the browser edition cannot read this "
                "file (a package it needs has no browser version).</p>"
            )
        )
        heading = (
            f"<p><strong>{html.escape(found.title[:1].upper() + found.title[1:])}</strong> "
            f"(format <code>{html.escape(found.key)}</code>, example <code>{html.escape(found.sample)}</code>)</p>"
        )
        parts.append(
            heading
            + f"<p><em>How to get it.</em> {html.escape(found.how_to_get)}.</p>"
            + f"<p><em>What it holds.</em> {html.escape(found.holds)}</p>"
            + f"<p><em>What it lacks.</em> {html.escape(found.lacks)}</p>"
            + f"<p><em>The platform's help page.</em> {help_page}</p>"
            + browser
            + describe_fields(key).to_html(index=False, border=0, classes="table", escape=True)
        )
    return "".join(parts)
