"""CSV text as a header and columns of text cells, with the row numbers a spreadsheet shows.

Every CSV reader starts here. The file is read completely or not at all: a
quote mark that opens a cell and never closes (which would swallow every row
after it into one cell) is found and reported with its row, and so is a cell
that spans lines holding what look like further rows. A row with more cells
than the header, and a header with no rows, are reported too.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sevencs.parsing import any_search
from sevencs.yourdata.problem import ImportProblem, cell, listing

#: How a date cell starts, for telling a row from a line of text (ISO, slashed, or with a month's name).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
_DATE_START = re.compile(
    rf"\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|"
    rf"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )?{_MONTH} \d{{1,2}}, \d{{4}}|"
    rf"\d{{1,2}} {_MONTH} \d{{4}}"
)

QUOTE_ADVICE = (
    'A quote mark inside a cell\'s text must be doubled (""); saving the file again from a '
    "spreadsheet program does that."
)


def normal(header: str) -> str:
    """A header as compared: lower case, BOM and outer spaces gone, ``_``/``-``/runs of spaces as one space."""
    return re.sub(r"[\s_\-]+", " ", header.replace("\ufeff", "")).strip().lower()


def delimiter_of(first_line: str) -> str:
    """Comma, semicolon (many European spreadsheets) or tab: whichever the header row uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def records(name: str, text: str, delimiter: str) -> list[list[str]]:
    """The rows of a CSV text as lists of cells, all of them, or ImportProblem.

    A quote mark that opens a cell and never closes is found by reading strictly, and
    reported with the row where it opens; other complaints of the strict reading (text after
    a closing quote, as in ``"a" b``) are read leniently, as spreadsheets do.
    """
    found: list[list[str]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        found.extend(reader)
        return found
    except csv.Error as error:
        where = len(found) + 1  # spreadsheet row of the record being read: the first row is row 1
        if "unexpected end of data" in str(error):
            raise ImportProblem(
                f'{name}: in row {where}, a quote mark (") opens a cell that never closes, so every row '
                f"after it would become part of that one cell. Nothing was loaded. {QUOTE_ADVICE}"
            ) from None
        if "field larger than field limit" in str(error):
            raise ImportProblem(
                f"{name}: row {where} has a cell longer than {csv.field_size_limit():,} characters, far "
                "longer than any post; most likely a quote mark opens a cell that closes much later. "
                f"Nothing was loaded. {QUOTE_ADVICE}"
            ) from None
    lenient = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(lenient)
    except csv.Error as error:
        raise ImportProblem(
            f"{name} cannot be read as CSV near row {lenient.line_num} ({error}). Check for a quote mark "
            "that opens a cell but never closes it."
        ) from None


@dataclass
class CsvTable:
    """A CSV file's header row and its columns of text, blank rows left out.

    ``columns[k]`` holds the cells under ``header[k]`` (padded with "" where a row is short);
    ``numbers`` the spreadsheet row number of each row (the header row is ``header_row``).
    """

    name: str
    header: list[str]
    columns: list[pd.Series]
    numbers: np.ndarray
    delimiter: str
    header_row: int = 1

    @property
    def width(self) -> int:
        return len(self.header)

    def __len__(self) -> int:
        return len(self.numbers)

    def column(self, position: int) -> pd.Series:
        return self.columns[position]

    def check_width(self) -> None:
        """Refuse rows with more cells than the header has columns."""
        too_wide = np.zeros(len(self.numbers), dtype=bool)
        for column in self.columns[self.width :]:
            too_wide |= (column.str.strip() != "").to_numpy()
        if too_wide.any():
            listed = [str(n) for n in self.numbers[too_wide]]
            raise ImportProblem(
                f"{self.name}: {listing(listed, 'row')} {'have' if len(listed) > 1 else 'has'} more cells "
                f"than the header row has columns ({self.width}). This usually means a comma inside a post's "
                "text without quote marks around the text; save the file again from your spreadsheet "
                "program, which adds the quotes."
            )

    def check_runaway_quotes(self, positions: dict[int, str], date_position: int) -> None:
        """A cell (of the columns at ``positions``, named by their headers) spanning lines that hold
        what look like whole rows, with a date where the date column is: a quote closed too late."""
        for position, header in positions.items():
            cells = self.columns[position]
            if not any_search(cells, "\n"):
                continue
            multi = cells.str.contains("\n", regex=False)
            for k in np.flatnonzero(multi.to_numpy(dtype=bool)):
                lines = cells.iloc[k].split("\n")[1:]
                row_like = next((ln for ln in lines if self._looks_like_a_row(ln, date_position)), None)
                if row_like is not None:
                    raise ImportProblem(
                        f"{self.name}: in row {self.numbers[k]}, the cell in the column {header!r} runs over "
                        f"{len(lines) + 1} lines and holds what looks like another row ({cell(row_like)}), so "
                        f"a quote mark in row {self.numbers[k]} probably opens a cell that closes too late. "
                        f"Nothing was loaded. {QUOTE_ADVICE}"
                    )

    def _looks_like_a_row(self, line: str, date_position: int) -> bool:
        cells = next(csv.reader([line], delimiter=self.delimiter), [])
        if len(cells) != self.width or date_position >= len(cells):
            return False
        return bool(_DATE_START.match(cells[date_position].strip()))


def read_csv_text(name: str, text: str, header_row: int = 1) -> CsvTable:
    """The CSV text as a :class:`CsvTable`; ``header_row`` is the row holding the headers (rows above
    it, such as a title line some exports write, are left out)."""
    first_lines = text.split("\n", header_row)
    delimiter = delimiter_of(first_lines[header_row - 1] if len(first_lines) >= header_row else "")
    found = records(name, text, delimiter)
    if len(found) < header_row:
        raise ImportProblem(f"{name} has no header row (expected one on row {header_row}).")
    header, body = found[header_row - 1], found[header_row:]
    columns = [pd.Series(column, dtype=str) for column in itertools.zip_longest(*body, fillvalue="")]
    columns += [pd.Series([""] * len(body), dtype=str) for _ in range(len(header) - len(columns))]
    blank = np.ones(len(body), dtype=bool)
    for column in columns:
        empty = column.str.strip() == "" if any_search(column, r"(?:^|\x00)\s+(?:\x00|$)") else column == ""
        blank &= empty.to_numpy(dtype=bool)
    # Spreadsheet row numbers: blank rows keep their number but hold no post.
    numbers = np.arange(header_row + 1, len(body) + header_row + 1)[~blank]
    columns = [c[~blank].reset_index(drop=True) for c in columns]
    return CsvTable(name, header, columns, numbers, delimiter, header_row)


def first_row(text: str) -> list[str]:
    """The cells of a text's first CSV row, as :func:`normal` writes them; ``[]`` when the text does not
    start with a CSV row (the readers recognise files by it and must never fail there)."""
    try:
        return [normal(c) for c in next(csv.reader(io.StringIO(text[:20_000], newline="")), [])]
    except csv.Error:
        return []
