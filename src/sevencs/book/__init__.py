"""Numbers quoted in the book's text, computed from the package and its sample data.

One module per chapter page, named like the page (``book/connection.md`` →
:mod:`sevencs.book.connection`), each with a ``numbers()`` function returning
``{name: value}``. The page glues them into its prose (``{glue:text}`name```),
so the text can never drift from what the package computes. A test checks
that every glued name a page uses is computed here, and :func:`numbers_for`
finds the module for a page.
"""

from __future__ import annotations

import importlib
import numbers
from collections.abc import Hashable

import pandas as pd


def numbers_for(page: str) -> dict[str, object]:
    """The glued numbers of one chapter page, e.g. ``numbers_for("connection")``."""
    try:
        module = importlib.import_module(f"sevencs.book.{page}")
    except ModuleNotFoundError:
        raise ValueError(f"no numbers module for the page {page!r}: add sevencs/book/{page}.py") from None
    return module.numbers()


def cell(table: pd.DataFrame, row: Hashable, column: Hashable) -> float:
    """The number in one cell of a table (``table.at[row, column]``), as a float.

    pandas-stubs types a cell as any scalar, text and dates included; this says
    the pages' numbers are numbers, and checks it when the page is built.
    """
    value = table.at[row, column]
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"the cell ({row!r}, {column!r}) holds {value!r}, not a number")
