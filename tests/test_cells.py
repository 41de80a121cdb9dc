"""A table cell read as a plain number: the same answers and the same refusals as int() and float()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sevencs.cells import as_float, as_int


def test_a_cell_of_a_table_becomes_a_plain_python_number():
    table = pd.DataFrame({"attempts": [3], "share": [0.25]}, index=["q1"])
    assert as_int(table.at["q1", "attempts"]) == 3 and type(as_int(table.at["q1", "attempts"])) is int
    assert as_float(table.at["q1", "share"]) == 0.25 and type(as_float(np.float32(0.25))) is float


@pytest.mark.parametrize("cell, error", [("three", ValueError), (None, TypeError), (pd.NA, TypeError)])
def test_a_cell_that_holds_no_number_is_refused(cell, error):
    with pytest.raises(error):
        as_int(cell)
    with pytest.raises(error):
        as_float(cell)
