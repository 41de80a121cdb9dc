"""Reading a file's fields into the course's columns, collecting every problem and assumption.

Every reader of a table-shaped file (CSV, a workbook's sheet) hands each field it
uses to a :class:`Columns`: dates and counts are read with the package's one
policy (:mod:`sevencs.parsing`), and every cell that cannot be read is named by
its field and its spreadsheet row, all in one message, so a file is read
completely or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sevencs.parsing import EARLIEST, LATEST, MAX_COUNT, Dates, parse_amounts, parse_counts, parse_dates, stripped
from sevencs.yourdata.csvtext import normal
from sevencs.yourdata.problem import listing, positions, refuse, rows
from sevencs.yourdata.text import tidy_column

_ADVICE = {
    "empty": "fill in the number, or delete the whole column if you do not have it",
    "negative": "counts cannot be below zero",
    "not a whole number": "counts are whole numbers",
    "not a number": "write a plain number such as 12 or 1,250",
    "too large": f"no post has more than {MAX_COUNT:,} of anything",
}


@dataclass
class Columns:
    """The course's columns as they are read from one file (``name``, rows ``numbers``)."""

    name: str
    numbers: np.ndarray
    data: dict[str, pd.Series] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    decimal: str = "."

    def _where(self, column: str, header: str) -> str:
        ours = "" if normal(header) == normal(column) else f" (our {column!r})"
        return f"In the column {header!r}{ours},"

    def date(
        self, cells: pd.Series, header: str, dates: Dates | None = None, column: str = "date", how: str | None = None
    ) -> None:
        """The publication date (``dates``: already read, for a reader with its own way; ``how``: how to
        write a date, by default in the order the rest of the column uses)."""
        dates = dates if dates is not None else parse_dates(cells)
        if how is None:
            how = (
                "Write dates like 2025-11-01 08:05 or 01/11/2025 08:05 (day first, as the rest of the column)."
                if dates.day_first_only and not dates.mixed
                else "Write dates like 2025-11-01 08:05 or 11/01/2025 08:05 (month first)."
            )
        where = self._where(column, header)
        if dates.unreadable:
            self.problems.append(
                f"{where} {listing(rows(self.numbers, dates.unreadable, cells), 'row')} cannot be read as a date. {how}"
            )
        if dates.out_of_range:
            self.problems.append(
                f"{where} {listing(rows(self.numbers, dates.out_of_range, cells), 'row')} "
                f"{'is' if len(dates.out_of_range) == 1 else 'are'} outside the years {EARLIEST.year} to "
                f"{LATEST.year - 1}, which no post can have. Check the year."
            )
        if dates.mixed:
            self.problems.append(
                f"{where} month-first and day-first dates are mixed: "
                f"{listing(rows(self.numbers, dates.month_first_only), 'row')} "
                f"{'makes' if len(dates.month_first_only) == 1 else 'make'} sense only month first, "
                f"{listing(rows(self.numbers, dates.day_first_only), 'row')} only day first. Write every date "
                "the same way, best as 2025-11-01 08:05."
            )
        self.data[column] = dates.values
        self.headers[column] = header
        self.assumptions += dates.assumptions

    def count(self, column: str, cells: pd.Series, header: str, empty: str = "zero") -> None:
        """A count; an empty cell is ``"zero"`` (exports leave a blank when nobody did it), a
        ``"problem"``, or ``"missing"`` (left empty, never 0: the column holds whole numbers and
        gaps, and that is said)."""
        counts = parse_counts(cells, empty_is_zero=empty != "problem", decimal=self.decimal)
        where = self._where(column, header)
        for what, found in counts.problems.items():
            advice = _ADVICE[what] + (
                ", or leave the cell empty for 0" if what == "not a number" and empty == "zero" else ""
            )
            listed = rows(self.numbers, found, None if what == "empty" else cells)
            self.problems.append(
                f"{where} {listing(listed, 'row')} {'is' if len(listed) == 1 else 'are'} {what} ({advice})."
            )
        values = counts.values
        if empty == "missing":
            blank = stripped(cells) == ""
            if blank.any():
                values = values.astype("Int64").mask(blank.to_numpy())
                self.assumptions.append(
                    f"{header!r} is empty for {int(blank.sum())} of {len(blank)} posts: "
                    "those are left empty, not counted as 0."
                )
        self.data[column] = values
        self.headers[column] = header
        self.assumptions += [a for a in counts.assumptions if a not in self.assumptions]

    def hours(self, column: str, cells: pd.Series, header: str, scale: float = 1.0) -> None:
        """An amount of time in hours (``scale`` converts from the file's unit); empty cells stay empty."""
        amounts = parse_amounts(cells, decimal=self.decimal)
        where = self._where(column, header)
        for what, found in amounts.problems.items():
            listed = rows(self.numbers, found, cells)
            self.problems.append(
                f"{where} {listing(listed, 'row')} {'is' if len(listed) == 1 else 'are'} "
                f"{what} (write a number such as 12.5)."
            )
        self.data[column] = amounts.values * scale
        self.headers[column] = header

    def text(self, cells: pd.Series, header: str) -> None:
        self.data["text"] = tidy_column(cells)
        self.headers["text"] = header

    def label(self, column: str, cells: pd.Series, header: str, empty: str = "unlabelled") -> None:
        self.data[column] = stripped(cells).str.lower().replace("", empty)
        self.headers[column] = header

    def url(self, cells: pd.Series, header: str) -> None:
        self.data["url"] = stripped(cells)
        self.headers["url"] = header

    def post_id(self, cells: pd.Series, header: str) -> None:
        """Post ids: every row has one, none repeats; whole numbers become int64, others stay text."""
        ids = stripped(cells)
        where = self._where("post_id", header)
        empty = positions(ids == "")
        if empty:
            self.problems.append(
                f"{where} {listing(rows(self.numbers, empty), 'row')} "
                f"{'has' if len(empty) == 1 else 'have'} no post id (fill it in, or delete the "
                "whole column to number posts automatically)."
            )
        repeated = ids.duplicated() & (ids != "")
        if repeated.any():
            first = {i: self.numbers[k] for k, i in reversed(list(enumerate(ids)))}
            found = positions(repeated)
            listed = [f"{self.numbers[k]} (the same as row {first[ids.iloc[k]]})" for k in found[:5]]
            listed += [""] * (len(found) - len(listed))
            self.problems.append(
                f"{where} {listing(listed, 'row')} repeat a post id; each post should appear "
                "once (was one export pasted in twice?)."
            )
        numeric = ids.str.fullmatch(r"\d{1,18}")
        self.data["post_id"] = pd.to_numeric(ids).astype("int64") if numeric.all() else ids
        self.headers["post_id"] = header

    def set(self, column: str, values: pd.Series | list, header: str | None = None) -> None:
        """A column the reader made itself (``kind``, say)."""
        self.data[column] = values if isinstance(values, pd.Series) else pd.Series(values)
        if header:
            self.headers[column] = header

    def check(self) -> None:
        """Raise one :class:`ImportProblem` listing every problem found, if there is any."""
        refuse(self.name, self.problems)
