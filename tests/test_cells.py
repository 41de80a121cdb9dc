"""A table cell read as a plain number: numbers pass, anything else is refused by name."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from sevencs.cells import as_float, as_int, number_at

TABLE = pd.DataFrame({"attempts": [3, 4], "share": [0.25, 0.5], "name": ["ann", "bo"]}, index=["q1", "q2"])


def test_a_cell_of_a_table_becomes_a_plain_python_number():
    assert as_int(TABLE.at["q1", "attempts"]) == 3 and type(as_int(TABLE.at["q1", "attempts"])) is int
    assert as_float(TABLE.at["q2", "share"]) == 0.5 and type(as_float(np.float32(0.25))) is float
    assert number_at(TABLE, "q2", "attempts") == 4.0 and type(number_at(TABLE, "q2", "attempts")) is float


@pytest.mark.parametrize("cell", ["3", "three", None, pd.NA, dt.date(2026, 1, 1)])
def test_a_cell_that_holds_no_number_is_refused(cell):
    with pytest.raises(TypeError, match="expected a number"):
        as_int(cell)
    with pytest.raises(TypeError, match="expected a number"):
        as_float(cell)


def test_a_table_cell_that_holds_text_is_named():
    with pytest.raises(TypeError, match=r"the cell \('q1', 'name'\) holds 'ann', not a number"):
        number_at(TABLE, "q1", "name")


def test_an_undefined_number_stays_undefined_and_a_missing_row_is_a_key_error():
    table = pd.DataFrame({"rate": [0.25, np.nan]}, index=["how-to", "story"])
    assert np.isnan(number_at(table, "story", "rate"))  # undefined stays undefined, never 0
    with pytest.raises(KeyError):
        number_at(table, "question", "rate")
