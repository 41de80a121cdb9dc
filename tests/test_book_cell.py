"""sevencs.book.cell: the pages read one number from a table, and only a number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sevencs.book import cell

TABLE = pd.DataFrame(
    {"posts": np.array([3, 7]), "rate": [0.25, np.nan], "month": ["2026-04", "2026-05"]}, index=["how-to", "story"]
)


def test_a_cell_is_read_by_row_and_column_as_a_float():
    assert cell(TABLE, "story", "posts") == 7.0 and isinstance(cell(TABLE, "story", "posts"), float)
    assert cell(TABLE, "how-to", "rate") == 0.25
    assert np.isnan(cell(TABLE, "story", "rate"))  # undefined stays undefined, never 0


def test_a_cell_that_is_not_a_number_is_refused():
    with pytest.raises(TypeError, match=r"the cell \('story', 'month'\) holds '2026-05', not a number"):
        cell(TABLE, "story", "month")
    with pytest.raises(KeyError):
        cell(TABLE, "question", "posts")
