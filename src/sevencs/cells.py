"""One cell of a table as a plain Python number.

pandas gives a single cell (``frame.at[row, column]``, ``series.iloc[0]``) a
type as wide as everything a cell could hold, text and dates included, so a
type checker cannot know that ``float(cell)`` makes sense. These say what the
code knows, that the cell holds a number, and check it: a cell holding text, a
date or a missing value raises ``TypeError`` naming what it holds.
"""

from __future__ import annotations

import numbers
from collections.abc import Hashable

import pandas as pd


def _number(cell: object) -> numbers.Real:
    if isinstance(cell, numbers.Real):  # Python and numpy ints and floats (and bools, which are ints)
        return cell
    raise TypeError(f"expected a number in this cell, found {cell!r}")


def as_int(cell: object) -> int:
    """The cell's value as an ``int`` (as ``int()`` gives it: a float is truncated)."""
    number = _number(cell)
    return int(number) if isinstance(number, numbers.Integral) else int(float(number))


def as_float(cell: object) -> float:
    """The cell's value as a ``float``."""
    return float(_number(cell))


def number_at(table: pd.DataFrame, row: Hashable, column: Hashable) -> float:
    """The number in one cell of a table (``table.at[row, column]``), as a float."""
    try:
        return as_float(table.at[row, column])
    except TypeError:
        raise TypeError(f"the cell ({row!r}, {column!r}) holds {table.at[row, column]!r}, not a number") from None
