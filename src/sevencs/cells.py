"""One cell of a table as a plain Python number.

pandas gives a single cell (``frame.at[row, column]``, ``series.iloc[0]``) a
type as wide as everything a cell could hold, so a type checker cannot know
that ``int(cell)`` works. These say what the code knows: the cell holds a
number. A cell that does not (text, a missing value) still fails loudly, with
the same error ``int()`` or ``float()`` would raise.
"""

from __future__ import annotations

from typing import SupportsFloat, SupportsInt, cast


def as_int(cell: object) -> int:
    """The cell's value as an ``int``."""
    return int(cast(SupportsInt, cell))


def as_float(cell: object) -> float:
    """The cell's value as a ``float``."""
    return float(cast(SupportsFloat, cell))
