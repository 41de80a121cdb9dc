"""Bring your own data: read your own posts from the files the platforms let you download.

The capstone audit runs on the sample nursery, and then on *your* account. This
module is the learner's door to :mod:`sevencs.yourdata`, which turns the files
you can get out of a social network into the same table
:func:`sevencs.datasets.load_posts` gives, with the columns your data has:

>>> posts = read_posts(example_path("posts.csv"))
>>> toots = read_posts(example_path("outbox.json"))   # format found from the content
>>> print(what_was_read(toots))

Everything happens on your own computer: the file is read from your disk and
nothing is sent anywhere. Files larger than :data:`MAX_BYTES` are refused before
they are read.

A file is either read completely or not at all: any problem raises
:class:`ImportProblem` (a ``ValueError``) whose message says which file, what
was expected, what was found (column names, spreadsheet row numbers) and what
to try. Post text is data, never markup: HTML is stripped to plain words for
analysis (:func:`html_to_text`), and anything that shows a post's text again
must pass it through :func:`safe_html` first.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path
from typing import IO

import pandas as pd

from sevencs.untrusted import plain
from sevencs.yourdata import READERS, read_posts, what_was_read
from sevencs.yourdata.course_csv import CSV_COLUMNS, HEADER_ALIASES, CsvColumn
from sevencs.yourdata.files import MAX_BYTES
from sevencs.yourdata.mastodon import FIELDS as _MASTODON
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.text import html_to_text, safe_html

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "HEADER_ALIASES",
    "MASTODON_FIELDS",
    "MAX_BYTES",
    "CsvColumn",
    "ImportProblem",
    "describe_csv_columns",
    "describe_fields",
    "describe_formats",
    "describe_mastodon_fields",
    "example_path",
    "examples",
    "html_to_text",
    "read_mastodon_outbox",
    "read_posts",
    "read_posts_csv",
    "safe_html",
    "what_was_read",
]

#: The ``format`` names :func:`read_posts` accepts, one per reader.
FORMATS = tuple(r.key for r in READERS)
#: The parts of a Mastodon ``outbox.json`` the reader uses, and what each becomes.
MASTODON_FIELDS: tuple[tuple[str, str], ...] = tuple((f.name, f.meaning) for f in _MASTODON)


def read_posts_csv(path: str | os.PathLike | IO[bytes]) -> pd.DataFrame:
    """Your posts from a CSV file (:data:`CSV_COLUMNS`, or an export with :data:`HEADER_ALIASES`)."""
    return read_posts(path, format="csv")


def read_mastodon_outbox(path: str | os.PathLike | IO[bytes]) -> pd.DataFrame:
    """Your posts, replies and boosts from a Mastodon archive (the zip) or its ``outbox.json``.

    Counts are there only as Mastodon 4.3 and later write them (favourites and boosts of your
    own posts); reach, impressions and reply counts never: those columns are absent from the
    table, never filled with zeros.
    """
    return read_posts(path, format="mastodon")


# --- shipped examples and the data dictionary ----------------------------------------


def _examples_folder():
    return files("sevencs.datasets").joinpath("data", "examples")


def examples() -> list[str]:
    """The names of the example files that ship with the course (made by its own generator,
    :mod:`sevencs.datasets.examples`, which is not needed to use them), in alphabetical order."""
    return sorted(entry.name for entry in _examples_folder().iterdir() if not entry.name.startswith("."))


def example_path(name: str) -> Path:
    """The path of a shipped example file, such as ``example_path("outbox.json")``.

    The examples are Fernleaf Nursery's posts written in each format the course reads
    (see :mod:`sevencs.datasets.examples`), from ``posts.csv`` (the course's own CSV
    format) to each platform's own export.
    """
    names = examples()
    if name not in names:
        raise ImportProblem(
            f"There is no example file called {plain(repr(name), limit=80)}. The examples are: {', '.join(names)}."
        )
    return Path(str(_examples_folder().joinpath(name)))


def describe_csv_columns() -> pd.DataFrame:
    """The CSV format as a table: column, required, type, meaning, an empty cell, other headers accepted."""
    return pd.DataFrame(
        [
            {
                "column": c.name,
                "required": "yes" if c.required else "no",
                "type": c.kind,
                "meaning": c.meaning,
                "an empty cell": c.if_empty,
                "headers accepted, first preferred": ", ".join(a for a, col in HEADER_ALIASES.items() if col == c.name),
            }
            for c in CSV_COLUMNS
        ]
    )


def describe_mastodon_fields() -> pd.DataFrame:
    """The fields of a Mastodon ``outbox.json`` the reader uses, and what each becomes."""
    return pd.DataFrame(MASTODON_FIELDS, columns=["field", "what the course does with it"])


def describe_formats() -> pd.DataFrame:
    """Every kind of file the course reads, one row each: the platform, the file, where to get it,
    what it holds, what it lacks, the format name for ``read_posts(..., format=...)``, the example
    file, and whether the browser edition reads it."""
    return pd.DataFrame(
        [
            {
                "platform": r.platform,
                "file": r.title,
                "how to get it": r.how_to_get,
                "what it holds": r.holds,
                "what it lacks": r.lacks,
                "format": r.key,
                "example": r.sample,
                "in the browser": "yes" if r.in_browser else "no: install the course on your own computer",
            }
            for r in READERS
        ]
    )


def describe_fields(format: str) -> pd.DataFrame:
    """The fields of one kind of file (its ``format`` name) that the course reads: the field as the
    platform names it, the course's column it fills, and what the platform means by it."""
    from sevencs.yourdata import reader

    return pd.DataFrame(
        [(f.name, f.column, f.meaning) for f in reader(format).fields], columns=["field", "column", "what it means"]
    )
