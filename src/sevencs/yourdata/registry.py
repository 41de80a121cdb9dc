"""What a reader of one platform's file is, and how the right one is found from the content.

Each platform's reader is one module of :mod:`sevencs.yourdata` that defines a
:class:`Reader`: how to recognise its file (from the bytes; the file name only
as a hint), how to read it into the course's table, and the words the data
dictionary and the error messages use (how to get the file, what it holds,
what it lacks). :data:`sevencs.yourdata.READERS` lists them, most particular
first; the course's own CSV (any analytics CSV, through header aliases) last.
A new platform is one module and one sample file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from sevencs.yourdata.files import Found


@dataclass(frozen=True)
class Field:
    """One field of a platform's file, the course's column it fills, and the platform's meaning."""

    name: str
    column: str
    meaning: str


@dataclass(frozen=True)
class Reader:
    """A reader of one kind of file (one platform's export, in one or more shapes)."""

    #: the ``format`` name of :func:`~sevencs.yourdata.read_posts` and of ``attrs["format"]``
    key: str
    #: the platform, as a learner names it (for the data dictionary's headings)
    platform: str
    #: the file, in a few words ("the content export (CSV)")
    title: str
    #: where to click to get the file, one sentence or two
    how_to_get: str
    #: what the file holds and what it lacks, in plain words
    holds: str
    lacks: str
    #: the fields read, each with the platform's own definition
    fields: tuple[Field, ...]
    #: the shipped example of this file (``sevencs.imports.example_path(sample)``)
    sample: str
    recognise: Callable[[Found], bool]
    read: Callable[[Found], pd.DataFrame]
    #: the platform's own help page about getting the file, and its title (None when not checked)
    help_url: str | None = None
    help_title: str | None = None
    #: ``False`` when reading needs a package that only a desktop install has (not the browser)
    in_browser: bool = True

    def describe(self) -> str:
        """One line for a list of what the course reads."""
        return f"{self.platform}: {self.title} ({self.how_to_get})"
