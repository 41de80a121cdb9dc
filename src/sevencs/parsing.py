"""Dates and counts from text, a whole column at a time: one policy for the package.

Files that people export write dates and numbers in many ways. These two
functions read a column of text cells (a pandas Series of ``str``) with pandas'
vectorised string and date operations, so a million rows take seconds, and
report every cell they cannot read by its position, so the caller can name the
rows. Neither raises for a bad cell: the caller decides how to tell the person.

Dates (:func:`parse_dates`)
    - ISO 8601, with or without a time and a zone: ``2025-11-01``,
      ``2025-11-01 08:05``, ``2025-11-01T08:05:00Z``, ``...+01:00``. A time
      with a zone is turned into UTC and the zone dropped.
    - Slashed dates, ``11/01/2025``, with an optional time (``08:05``,
      ``08:05:30``, ``8:05 PM``). Which number is the month is decided for the
      whole column: day first when some date only makes sense day first and
      none only month first; otherwise month first, as US-style exports write
      them. When no date in the column tells (every day is 12 or less), month
      first is an *assumption* and is said so. Two-digit years are read as
      20xx (posts are from this century), and that is said too.
    - Month names, in English, with or without a weekday: ``Tue, Jul 14, 2026``
      (X), ``Sep 20, 2026`` (YouTube), ``20 September 2026``, and X's archive
      ``Sat Dec 06 18:20:30 +0000 2025``.
    - Unix times: 10 digits (seconds) or 13 (milliseconds), read as UTC.
    - Year first with slashes (``2026/05/01``) and day first with dots (``01.05.2026``).
    - A date before :data:`EARLIEST` or from :data:`LATEST` on is refused: no
      post has one, and such dates are usually a broken cell.
    - :func:`parse_day_month` reads dates written without a year (``12 September``,
      as TikTok writes them), the year taken from the day the file was made.

Counts (:func:`parse_counts`) and amounts (:func:`parse_amounts`)
    Counts are whole numbers of 0 or more, with or without thousands commas
    (``1,250``). ``12.0`` is read as 12; ``12.5`` is not a whole number. A count
    larger than :data:`MAX_COUNT` (2^53, the largest whole number a float holds
    exactly) is refused: no post has that many likes, and the course computes
    with floats. ``1.2K`` and ``3M``, as platforms round counts for display, are
    read as 1,200 and 3,000,000, and that is said. Amounts (such as hours of
    watch time) are numbers of 0 or more with decimals. With ``decimal=","``
    (a file whose convention is the European one, such as a CSV separated by
    semicolons) ``1.234`` is one thousand two hundred and thirty-four and
    ``12,5`` is twelve and a half.

One value (:func:`moment`) and months (:func:`months`)
    A date and time given as an argument, such as ``as_of`` or the date a
    capstone splits posts at, is read the way a cell is, with one difference:
    a slashed date whose day and month could be either way round
    (``01/06/2026``: 1 June in the UK, 6 January in the US) is refused, naming
    both readings and asking for the date year first (``2026-06-01``). A
    column can tell its order from its other dates and says what it assumed;
    one date typed by a person cannot, and is never guessed. Months written
    as ``2026-03`` (a community's activity table) are read by :func:`months`.
    Chapter functions read dates only through here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from sevencs.errors import InputError

#: Dates outside these years are refused (no social media post has one).
EARLIEST = pd.Timestamp("1990-01-01")
LATEST = pd.Timestamp("2100-01-01")
#: The largest count read: the largest whole number a float64 holds exactly (2^53).
MAX_COUNT = 2**53

_ISO = (
    r"^\d{4}-\d{1,2}-\d{1,2}"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
)
_SLASHED = (
    r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})"
    r"(?:[ T]+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)
#: The same shapes without anchors or group names, to test a whole column at once (:func:`all_match`).
_ISO_SHAPE = _ISO[1:-1]
_SLASHED_SHAPE = re.sub(r"\(\?P<\w+>", "(?:", _SLASHED)[1:-1]
_COUNT = r"^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$"


@dataclass
class Dates:
    """What :func:`parse_dates` read: the values and, by position, what could not be read.

    ``values``: datetime64 (NaT where not read). ``unreadable``: positions of cells
    that are no date in a known way (empty cells included). ``out_of_range``:
    positions of dates before :data:`EARLIEST` or from :data:`LATEST` on.
    ``month_first_only`` and ``day_first_only``: when both are non-empty the column
    mixes the two orders and cannot be read. ``assumptions``: plain sentences
    saying what was assumed.
    """

    values: pd.Series
    unreadable: list[int] = field(default_factory=list)
    out_of_range: list[int] = field(default_factory=list)
    month_first_only: list[int] = field(default_factory=list)
    day_first_only: list[int] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def mixed(self) -> bool:
        return bool(self.month_first_only and self.day_first_only)


def _day(moment: pd.Timestamp) -> str:
    """A date as people write it: 2 January 2068."""
    return f"{moment.day} {moment:%B %Y}"


#: Joins a column's cells for one regular-expression test of them all (no cell holds a NUL:
#: the readers refuse files that do).
_SEP = "\x00"


def all_match(cells: pd.Series, pattern: str) -> bool:
    """Whether every cell matches ``pattern`` (one C-speed search over the joined column)."""
    if cells.empty:
        return True
    item = f"(?:{pattern})"
    return re.fullmatch(f"{item}(?:{_SEP}{item})*", _SEP.join(cells.tolist())) is not None


def any_search(cells: pd.Series, pattern: str) -> bool:
    """Whether ``pattern`` occurs in any cell (one search over the joined column; the pattern must
    not match across the separator, which no cell contains)."""
    return re.search(pattern, _SEP.join(cells.tolist())) is not None


def stripped(cells: pd.Series) -> pd.Series:
    """The cells as text without spaces at either end (a copy made only when some cell has them)."""
    text = cells.astype(str)
    if any_search(text, r"(?:^|\x00)\s|\s(?:\x00|$)"):
        return text.str.strip()
    return text


def _positions(mask: pd.Series) -> list[int]:
    return np.flatnonzero(mask.to_numpy(dtype=bool)).tolist()


def _number(part: pd.Series, default: int = 0) -> pd.Series:
    return pd.to_numeric(part, errors="coerce").fillna(default).astype("int64")


def _assemble(
    year: pd.Series, month: pd.Series, day: pd.Series, hour: pd.Series, minute: pd.Series, second: pd.Series
) -> pd.Series:
    """Datetimes from whole-number parts; NaT where the parts make no date (31 April)."""
    parts = pd.DataFrame({"year": year, "month": month, "day": day, "hour": hour, "minute": minute, "second": second})
    valid = (
        parts["month"].between(1, 12)
        & parts["day"].between(1, 31)
        & parts["hour"].between(0, 23)
        & parts["minute"].between(0, 59)
        & parts["second"].between(0, 59)
    )
    result = pd.Series(pd.NaT, index=parts.index, dtype="datetime64[us]")
    if valid.any():
        result[valid] = pd.to_datetime(parts[valid], errors="coerce").astype("datetime64[us]")
    return result


#: Layouts of slashed dates common enough to read with pandas directly: a pattern every cell must
#: match, and pandas' formats for month first and day first. Anything else takes the general way.
_FAST_SLASHED = {
    r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}": ("%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M"),
    r"\d{1,2}/\d{1,2}/\d{4}": ("%m/%d/%Y", "%d/%m/%Y"),
    r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}:\d{2}": ("%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S"),
}


def _both_orders(part: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Slashed dates split into parts (``_SLASHED``'s groups), read month first and day first."""
    if part.empty:
        empty = pd.Series([], index=part.index, dtype="datetime64[us]")
        return empty, empty
    a, b = _number(part["a"]), _number(part["b"])
    year = _number(part["year"])
    year = year.where(part["year"].str.len() != 2, 2000 + year)
    hour, minute, second = _number(part["hour"]), _number(part["minute"]), _number(part["second"])
    ampm = part["ampm"].str.lower()
    bad_clock = ampm.notna() & ~hour.between(1, 12)
    hour = hour.where(ampm.isna(), hour % 12 + np.where(ampm == "pm", 12, 0))
    hour = hour.where(~bad_clock, -1)
    return _assemble(year, a, b, hour, minute, second), _assemble(year, b, a, hour, minute, second)


def parse_dates(cells: pd.Series, general: bool = False, order: str | None = None) -> Dates:
    """Read a column of date cells (see the module's docstring for the ways dates may be written).

    A column whose cells all share one common layout is read by pandas directly; any other
    takes the general way, cell by cell. ``general=True`` always takes the general way (the
    tests check that both ways give the same answers). ``order``: ``"month"`` or ``"day"`` first,
    for slashed dates when the file's format fixes it (Meta's exports write month first); left
    out, the column's values decide, and an undecided column is read month first, saying so.
    """
    text = stripped(cells).reset_index(drop=True)
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    assumptions: list[str] = []
    fast = None if general else next((f for f in _FAST_SLASHED if all_match(text, f)), None)
    if fast is not None:
        iso = pd.Series(False, index=text.index)
    elif not general and all_match(text, _ISO_SHAPE):
        iso = pd.Series(True, index=text.index)
    else:
        iso = text.str.match(_ISO)
    if iso.any():
        parsed = pd.to_datetime(text[iso], format="ISO8601", errors="coerce", utc=True)
        values[iso] = parsed.dt.tz_localize(None).astype("datetime64[us]")

    rest = text[~iso]
    if rest.empty:
        mf_only = df_only = differs = short = pd.Series(False, index=rest.index)
        chosen: pd.Series = pd.Series([], index=rest.index, dtype="datetime64[us]")
    elif fast is not None:  # every cell in one common layout: pandas reads it at C speed
        month_first_format, day_first_format = _FAST_SLASHED[fast]
        month_first = pd.to_datetime(rest, format=month_first_format, errors="coerce").astype("datetime64[us]")
        short = pd.Series(False, index=rest.index)
        if month_first.notna().all():
            # Every date makes sense month first. It makes sense day first too exactly when its
            # day is 12 or less; then the two readings differ unless day and month are equal.
            day = month_first.dt.day
            mf_only, df_only = day > 12, pd.Series(False, index=rest.index)
            differs = (day <= 12) & (day != month_first.dt.month)
            chosen = month_first
        else:
            day_first = pd.to_datetime(rest, format=day_first_format, errors="coerce").astype("datetime64[us]")
            mf_only, df_only, differs, chosen = _choose(month_first, day_first)
    else:
        part = rest.str.extract(_SLASHED).dropna(subset=["a"])
        month_first, day_first = _both_orders(part)
        mf_only, df_only, differs, chosen = _choose(month_first, day_first)
        short = part["year"].str.len() == 2
    if order is not None and len(rest):  # the format says: no choosing, nothing assumed
        if fast is not None:
            layout = _FAST_SLASHED[fast][0 if order == "month" else 1]
            chosen = pd.to_datetime(rest, format=layout, errors="coerce").astype("datetime64[us]")
        else:
            chosen = _both_orders(part)[0 if order == "month" else 1]
        mf_only = df_only = differs = pd.Series(False, index=rest.index)
    values[chosen.index] = chosen
    _named_and_unix(text, values, assumptions)
    month_first_only, day_first_only = _labels(mf_only), _labels(df_only)
    if month_first_only and day_first_only:
        pass  # mixed: reported by the caller
    elif day_first_only:
        assumptions.append(
            f"Dates were read day first (day/month/year), because some, such as {text[day_first_only[0]]!r}, "
            "only make sense that way."
        )
    elif not month_first_only and differs.any():
        example = _labels(differs)[0]
        assumptions.append(
            f"Dates such as {text[example]!r} were read month first ({_day(values[example])}), as US-style "
            "exports write them, because no date in the column has a day above 12 to tell the order. "
            "If your dates are day first, save them as 2025-11-01 (year-month-day) and read the file "
            "again."
        )
    if short.any():
        example = _labels(short)[0]
        assumptions.append(f"Two-digit years were read as 20xx: {text[example]!r} became {_day(values[example])}.")

    # a cell that makes sense only in the order not chosen is reported as mixed, not as unreadable
    either = set(month_first_only) | set(day_first_only) if month_first_only and day_first_only else set()
    unreadable = [k for k in _positions(values.isna()) if k not in either]
    readable = values.notna()
    out_of_range = _positions(readable & ((values < EARLIEST) | (values >= LATEST)))
    values[out_of_range] = pd.NaT
    later = readable & (values > pd.Timestamp.now().normalize() + pd.Timedelta(days=1))
    if later.any():
        assumptions.append(
            f"{int(later.sum())} {'post is' if later.sum() == 1 else 'posts are'} dated after today (the latest "
            f"{_day(values[later].max())}): scheduled posts, or a year that was misread?"
        )
    return Dates(values.set_axis(cells.index), unreadable, out_of_range, month_first_only, day_first_only, assumptions)


def _choose(month_first: pd.Series, day_first: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """From both readings of slashed dates: the cells only month first makes sense of, those only
    day first does, those where both do and differ, and the values of the order chosen (day first
    when some cell needs it and none needs month first)."""
    mf_only = month_first.notna() & day_first.isna()
    df_only = day_first.notna() & month_first.isna()
    differs = month_first.notna() & day_first.notna() & (month_first != day_first)
    chosen = day_first if df_only.any() and not mf_only.any() else month_first
    return mf_only, df_only, differs, chosen


#: Dates written with month names, tried in this order on the cells nothing else read; each
#: with whether it carries a zone (turned into UTC).
_NAMED = (
    ("%a, %b %d, %Y", False),  # X analytics: Tue, Jul 14, 2026
    ("%b %d, %Y", False),  # YouTube Studio: Sep 20, 2026
    ("%B %d, %Y", False),  # September 20, 2026
    ("%a, %B %d, %Y", False),  # Tuesday, July 14, 2026
    ("%d %b %Y", False),  # 20 Sep 2026
    ("%d %B %Y", False),  # 20 September 2026
    ("%b %d, %Y %I:%M %p", False),  # Sep 20, 2026 8:05 PM
    ("%a %b %d %H:%M:%S %z %Y", True),  # X archive: Sat Dec 06 18:20:30 +0000 2025
)
#: Other layouts without a month's name, tried last: year first with slashes, day first with dots.
_OTHER = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y")


def _named_and_unix(text: pd.Series, values: pd.Series, assumptions: list[str]) -> None:
    """Fill ``values`` where still empty from month-name dates and Unix times (in place)."""
    rest = text[values.isna() & (text != "")]
    if rest.empty:
        return
    named = rest[rest.str.contains(r"[A-Za-z]{3}", regex=True)]
    for pattern, zoned in _NAMED:
        if named.empty:
            break
        parsed = pd.to_datetime(named, format=pattern, errors="coerce", utc=zoned)
        if zoned:
            parsed = parsed.dt.tz_localize(None)
        parsed = parsed.astype("datetime64[us]").dropna()
        values[parsed.index] = parsed
        named = named.drop(parsed.index)
    other = rest[values[rest.index].isna() & rest.str.contains(r"^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}", regex=True)]
    for pattern in _OTHER:
        if other.empty:
            break
        parsed = pd.to_datetime(other, format=pattern, errors="coerce").astype("datetime64[us]").dropna()
        values[parsed.index] = parsed
        other = other.drop(parsed.index)
    unix = rest[rest.str.fullmatch(r"\d{10}|\d{13}")]
    if not unix.empty:
        numbers = unix.astype("int64")
        seconds = numbers.where(unix.str.len() == 10, numbers // 1000)
        values[unix.index] = pd.to_datetime(seconds, unit="s").astype("datetime64[us]")
        assumptions.append(
            f"Dates written as Unix times (such as {unix.iloc[0]!r}) were read as UTC ({_day(values[unix.index[0]])})."
        )


def parse_day_month(cells: pd.Series, made: pd.Timestamp) -> Dates:
    """Dates written as a day and a month without a year (``12 September`` or ``September 12``),
    in a file made on ``made``: each gets the latest year that puts it on or before that day (an
    export covers at most the year before it was made), and that is said."""
    text = stripped(cells).reset_index(drop=True)
    values = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    for pattern in ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        rest = text[values.isna() & (text != "")]
        if rest.empty:
            break
        parsed = pd.to_datetime(rest + f" {made.year}", format=pattern, errors="coerce").dropna()
        values[parsed.index] = parsed.astype("datetime64[us]")
    later = values > made.normalize()
    values[later] = values[later] - pd.DateOffset(years=1)
    assumptions = []
    if values.notna().any():
        example = _labels(values.notna())[0]
        assumptions.append(
            f"The file writes dates without a year (such as {text[example]!r}); each was given the year that "
            f"puts it on or before {_day(made)}, when the file was made: {text[example]!r} became "
            f"{_day(values[example])}."
        )
    unreadable = _positions(values.isna())
    return Dates(values.set_axis(cells.index), unreadable, [], [], [], assumptions)


def _labels(mask: pd.Series) -> list[int]:
    """The index labels (here: positions in the column) where ``mask`` is true."""
    return [int(i) for i in mask.index[mask.to_numpy(dtype=bool)]]


@dataclass
class Counts:
    """What :func:`parse_counts` read: ``values`` (int64; 0 where not read), problem positions by kind,
    and ``assumptions`` (plain sentences, such as how ``1.2K`` was read)."""

    values: pd.Series
    problems: dict[str, list[int]] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)


_SUFFIXED = r"^(\d+(?:\.\d+)?)\s?([KkMm])$"
_EUROPEAN = r"^[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?$"


#: Cells that show a column's convention: a decimal comma or dots between thousands (European),
#: a decimal point or commas between thousands (the English-speaking convention).
_SHOWS_EUROPEAN = r"^[+-]?\d+,(?:\d{1,2}|\d{4,})$|^[+-]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^[+-]?\d{1,3}(?:\.\d{3})+,\d+$"
_SHOWS_ENGLISH = r"^[+-]?\d+\.(?:\d{1,2}|\d{4,})$|^[+-]?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^[+-]?\d{1,3}(?:,\d{3})+\.\d+$"
_AMBIGUOUS = r"^[+-]?\d{1,3}[.,]\d{3}$"


def _to_dot_convention(text: pd.Series, decimal: str) -> tuple[pd.Series, list[str]]:
    """Cells written the European way (``1.234,5``) rewritten as ``1234.5``; ``1.2K`` as 1200.

    The column's own cells decide when they show a convention (``12,5`` or ``1.234.567`` is
    European; ``12.5`` or ``1,234,567`` is not); ``decimal`` (the file's hint, such as "," for a
    CSV separated by semicolons) decides cells like ``1.000`` and ``1,000`` otherwise, and that is said.
    """
    notes: list[str] = []
    european = text.str.fullmatch(_SHOWS_EUROPEAN).any()
    english = text.str.fullmatch(_SHOWS_ENGLISH).any()
    if european and not english:
        decimal = ","
    elif english and not european:
        decimal = "."
    if decimal == ",":
        shaped = text.str.fullmatch(_EUROPEAN)
        if shaped.any():
            if not european and text.str.fullmatch(_AMBIGUOUS).any():
                example = text[text.str.fullmatch(_AMBIGUOUS)].iloc[0]
                notes.append(
                    f"Numbers such as {example!r} were read the European way, with a dot between "
                    f"thousands and a decimal comma ({example!r} = "
                    f"{float(example.replace('.', '').replace(',', '.')):,g}), as the file separates its "
                    "columns with semicolons and no number in the column tells otherwise."
                )
            text = text.where(~shaped, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    suffixed = text.str.extract(_SUFFIXED).dropna()
    if not suffixed.empty:
        scale = suffixed[1].str.lower().map({"k": 1_000, "m": 1_000_000})
        scaled = suffixed[0].astype(float) * scale
        value = scaled[scaled <= MAX_COUNT].round().astype("int64")  # larger stays text: not a count
        if not value.empty:
            first = text[value.index[0]]
            text = text.copy()
            text[value.index] = value.astype(str)
            notes.append(
                f"Counts the platform rounded for display, such as {first!r}, were read as "
                f"{int(value.iloc[0]):,}: the true count may differ a little."
            )
    return text, notes


def parse_counts(cells: pd.Series, empty_is_zero: bool = False, general: bool = False, decimal: str = ".") -> Counts:
    """Read a column of count cells (see the module's docstring); empty cells are 0 or a problem.

    A column of plain digits (up to 15, so below :data:`MAX_COUNT`) and, where allowed, empty
    cells is read by pandas directly; any other takes the general way. ``general=True`` always
    takes the general way (the tests check that both give the same answers).
    """
    if cells.empty:
        return Counts(pd.Series([], index=cells.index, dtype="int64"))
    if not general and all_match(cells.astype(str), r"\d{1,15}" + ("|" if empty_is_zero else "")):
        values = pd.to_numeric(cells.astype(str).replace("", "0")).astype("int64")
        return Counts(values)
    text, notes = _to_dot_convention(stripped(cells).reset_index(drop=True), decimal)
    empty = text == ""
    shaped = text.str.fullmatch(_COUNT) & ~empty
    digits = text.str.replace(r"[+,]", "", regex=True)
    parts = digits.str.partition(".")
    whole, fraction = parts[0].astype(str), parts[2].astype(str)
    negative_sign = whole.str.startswith("-")
    magnitude = whole.str.lstrip("-").str.lstrip("0")
    is_zero = magnitude == ""
    not_whole = shaped & fraction.str.contains(r"[1-9]", regex=True)
    negative = shaped & ~not_whole & negative_sign & ~is_zero
    long = shaped & ~not_whole & ~negative & (magnitude.str.len() >= 16)
    too_large = pd.Series(False, index=text.index)
    if long.any():  # 16 digits may or may not fit; more never do (2^53 has 16)
        too_large[long] = np.array([len(m) > 16 or int(m) > MAX_COUNT for m in magnitude[long]], dtype=bool)
    good = shaped & ~not_whole & ~negative & ~too_large
    values = pd.Series(0, index=text.index, dtype="int64")
    if good.any():
        values[good] = pd.to_numeric(magnitude[good].where(~is_zero[good], "0")).astype("int64")
    problems = {
        "empty": [] if empty_is_zero else _positions(empty),
        "not a number": _positions(~shaped & ~empty),
        "not a whole number": _positions(not_whole),
        "negative": _positions(negative),
        "too large": _positions(too_large),
    }
    return Counts(values.set_axis(cells.index), {k: v for k, v in problems.items() if v}, notes)


@dataclass
class Amounts:
    """What :func:`parse_amounts` read: ``values`` (float; NaN where empty or not read) and problems."""

    values: pd.Series
    problems: dict[str, list[int]] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)


_AMOUNT = r"^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$"


def parse_amounts(cells: pd.Series, decimal: str = ".") -> Amounts:
    """Read a column of amounts of 0 or more with decimals (hours of watch time, say); an empty
    cell is a missing value (NaN), never 0."""
    if cells.empty:
        return Amounts(pd.Series([], index=cells.index, dtype=float))
    text, notes = _to_dot_convention(stripped(cells).reset_index(drop=True), decimal)
    empty = text == ""
    shaped = text.str.fullmatch(_AMOUNT) & ~empty
    values = pd.Series(float("nan"), index=text.index)
    if shaped.any():
        values[shaped] = pd.to_numeric(text[shaped].str.replace(",", "", regex=False))
    negative = ~shaped & ~empty & text.str.fullmatch(r"-" + _AMOUNT[1:])
    problems = {"negative": _positions(negative), "not a number": _positions(~shaped & ~empty & ~negative)}
    return Amounts(values.set_axis(cells.index), {k: v for k, v in problems.items() if v}, notes)


def datetimes(column: pd.Series, what: str, allow_missing: bool = False) -> pd.Series:
    """A column of a learner's table as datetimes: kept if it already holds dates, otherwise read
    with :func:`parse_dates`. Raises ``ValueError`` naming (by the table's own row labels) the
    first cell that is not a date, and, unless ``allow_missing``, the first missing one.

    ``what`` names the column for the message, such as "the column 'date' of posts".
    """
    if pd.api.types.is_datetime64_any_dtype(column):
        values = column
    else:
        blank = column.isna() | column.astype(str).str.strip().eq("")
        dates = parse_dates(column.where(~blank, "").astype(str))
        values = dates.values
        bad = values.isna() & ~blank
        if bad.any():
            label = column.index[bad.to_numpy()][0]
            raise InputError(
                f"{what} must hold dates, such as 2026-05-01 09:30, but row {label!r} holds {column[label]!r}"
            )
    if not allow_missing and values.isna().any():
        label = values.index[values.isna().to_numpy()][0]
        raise InputError(f"{what} has a missing date in row {label!r}; fill it in or drop that row")
    return values


def moment(value: object, what: str) -> pd.Timestamp:
    """One date and time given as an argument (such as ``as_of``): a date or time object as it is,
    text read as :func:`parse_dates` reads a cell. A time with a zone is turned into UTC and the
    zone dropped, like the dates in a column. Raises :class:`~sevencs.errors.InputError` naming
    ``what`` otherwise, and for a slashed date that reads as two different days (``01/06/2026``):
    the message gives both readings, each written year first, to choose from.
    """
    stamp = None
    if isinstance(value, (dt.date, np.datetime64)):  # datetime and pandas' Timestamp are dates too
        stamp = pd.Timestamp(value)
    elif isinstance(value, str) and value.strip():
        _refuse_either_way_round(value, what)
        stamp = parse_dates(pd.Series([value])).values.iloc[0]
    if isinstance(stamp, pd.Timestamp):  # not NaT, which is no Timestamp
        return stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo is not None else stamp
    if (
        value is None
        or value is pd.NaT
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, np.datetime64) and np.isnat(value))
    ):
        raise InputError(f"{what} must be a date and time, but got a missing value")
    raise InputError(f"{what} must be a date and time such as '2026-10-30 12:00', but got {value!r}")


def year_first(moment: pd.Timestamp) -> str:
    """A date as the course asks people to write it: ``2026-06-01``, with the time if it has one."""
    return f"{moment:%Y-%m-%d}" + (f" {moment:%H:%M}" if moment != moment.normalize() else "")


def _refuse_either_way_round(value: str, what: str) -> None:
    """Raise if ``value`` is a slashed date whose day and month could be either way round."""
    if re.fullmatch(_SLASHED, value.strip()) is None:
        return
    cell = pd.Series([value.strip()])
    month_first = parse_dates(cell, order="month").values.iloc[0]
    day_first = parse_dates(cell, order="day").values.iloc[0]
    if isinstance(month_first, pd.Timestamp) and isinstance(day_first, pd.Timestamp) and month_first != day_first:
        raise InputError(
            f"{what} {value!r} could be {_day(day_first)} (day first, as in the UK) or {_day(month_first)} "
            f"(month first, as in the US), so it is not guessed. Write it year first: "
            f"{year_first(day_first)!r} for {_day(day_first)}, or {year_first(month_first)!r} for {_day(month_first)}."
        )


def months(column: pd.Series, what: str) -> pd.Series:
    """A column of months written as YYYY-MM (such as 2026-03), as datetimes on each month's first
    day. Raises ``ValueError`` naming (by the table's own row labels) the first cell that is not
    a month written that way.

    ``what`` names the column for the message, such as "the column 'month' of activity".
    """
    parsed = pd.to_datetime(column.astype(str), format="%Y-%m", errors="coerce")
    if parsed.isna().any():
        label = parsed.index[parsed.isna().to_numpy()][0]
        raise InputError(
            f"{what} must hold months written as YYYY-MM (such as 2026-03), but row {label!r} has {column[label]!r}"
        )
    return parsed
