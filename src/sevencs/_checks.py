"""Input checks shared by the chapter modules.

Each check raises :class:`~sevencs.errors.InputError` (a ``ValueError``) or, for
the wrong kind of object, :class:`~sevencs.errors.InputTypeError` (a ``TypeError``),
with a message written for a learner: what was expected, what was found, and
what to try. A notebook shows it in a few lines (see :mod:`sevencs.errors`).
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx
import pandas as pd

from sevencs.errors import InputError, InputTypeError, filter_hint


def whole_number(name: str, value: object, minimum: int = 0) -> int:
    """``value`` as an int, if it is a whole number of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputTypeError(f"{name} must be a whole number, but got {value!r} ({type(value).__name__})")
    if isinstance(value, numbers.Integral):  # an int too large for a float is still whole
        whole = int(value)
    else:
        number = float(value)
        if math.isnan(number):
            raise InputError(f"{name} must be a whole number, but got NaN (not a number)")
        if math.isinf(number):
            raise InputError(f"{name} must be a whole number, but got {number}")
        whole = int(number)
    if value != whole:
        raise InputError(f"{name} must be a whole number, but got {value!r}")
    if whole < minimum:
        raise InputError(f"{name} must be at least {minimum}, but got {whole}")
    return whole


def positive(name: str, value: object, allow_zero: bool = False, unit: str = "", reason: str = "") -> float:
    """``value`` as a finite float above 0 (or at least 0 with ``allow_zero``), such as a market size.

    ``unit`` (such as "hours") goes into the messages, so a learner knows what
    kind of number is asked for; ``reason`` is added when the number is too small.
    """
    of = f" of {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputTypeError(f"{name} must be a number{of}, but got {value!r} ({type(value).__name__})")
    value = float(value)
    if math.isnan(value):
        raise InputError(f"{name} must be a finite number{of}, but got NaN (not a number)")
    if math.isinf(value):
        raise InputError(f"{name} must be a finite number{of}, but got {value}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ("at least 0" if allow_zero else "above 0") + (f" {unit}" if unit else "")
        because = f"; {reason}" if reason else ""
        raise InputError(f"{name} must be {bound}, but got {value:g}{because}")
    return value


def one_of(name: str, value: object, choices: Iterable[str]) -> str:
    """``value`` if it is one of the ``choices`` (names such as "reach"); otherwise a message listing
    them, with the closest if it looks like a typing slip."""
    options = list(choices)
    if isinstance(value, str) and value in options:
        return value
    close = difflib.get_close_matches(value, options, n=1) if isinstance(value, str) else []
    suggestion = f". Did you mean {close[0]!r}?" if close else ""
    raise InputError(f"{name} must be one of {', '.join(repr(c) for c in options)}, but got {value!r}{suggestion}")


def rate(name: str, value: object) -> float:
    """``value`` as a float between 0 and 1 (a share, such as an acceptance rate)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputTypeError(f"{name} must be a number between 0 and 1, but got {value!r}")
    value = float(value)
    if math.isnan(value):
        raise InputError(f"{name} must be a number between 0 and 1, but got NaN (not a number)")
    if not 0.0 <= value <= 1.0:
        hint = " (a percentage? divide by 100)" if 1.0 < value <= 100.0 else ""
        raise InputError(f"{name} must be between 0 and 1, but got {value:g}{hint}")
    return value


def graph(value: object, name: str = "graph") -> nx.Graph:
    """An undirected networkx graph of friendships."""
    if not isinstance(value, nx.Graph):
        raise InputTypeError(
            f"{name} must be a networkx graph (for example load_network()), but got {type(value).__name__}"
        )
    if value.is_directed():
        raise InputError(
            f"{name} is directed (who follows whom); these measures need friendships that go "
            "both ways. Try graph.to_undirected()"
        )
    return value


def account(
    g: nx.Graph, value: Hashable, name: str = "account", names: Mapping[str, Hashable] | None = None
) -> Hashable:
    """An account that is in the graph; otherwise a message naming it and close matches.

    ``names`` maps the names a lab imports accounts as (such as ``NURSERY``) to the accounts: a
    learner who writes the name in quotes, ``'NURSERY'``, is told to write it without them.
    """
    if not isinstance(value, Hashable):  # such as a list of accounts
        raise InputTypeError(f"{name} must be one account name, but got {type(value).__name__} {value!r}")
    if value in g:
        return value
    found = f"the account {value!r} is not in the network ({g.number_of_nodes()} accounts)."
    constant = value.strip() if isinstance(value, str) else None
    if constant is not None and names and constant.upper() in names and names[constant.upper()] in g:
        constant = constant.upper()
        raise InputError(
            f"{found} {constant} without quotes is the name that holds the account {names[constant]!r}: "
            f"write {constant}, not {value!r} (it comes from `from sevencs.datasets import {constant}`).",
            rewrite={repr(value): constant, f'"{value}"': constant},
        )
    close = difflib.get_close_matches(str(value), [str(n) for n in g.nodes], n=3)
    suggestion = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"{found}{suggestion}")


def columns(frame: object, expected: Iterable[str], name: str = "table") -> pd.DataFrame:
    """A non-empty DataFrame with all the ``expected`` columns."""
    expected = list(expected)
    if not isinstance(frame, pd.DataFrame):
        raise InputTypeError(f"{name} must be a pandas DataFrame, but got {type(frame).__name__}")
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise InputError(
            f"{name} is missing the column{plural} {', '.join(repr(c) for c in missing)}; "
            f"expected columns: {', '.join(expected)}"
        )
    if frame.empty:
        raise InputError(f"{name} is empty: there are no rows to measure. {empty_table_advice()}")
    return frame


def empty_table_advice() -> str:
    """What to say about a table with no rows: the learner's filter that kept none, when their line
    has one (:func:`sevencs.errors.filter_hint`), else what to look at."""
    return filter_hint() or (
        "If you filtered the table, the filter matched no rows: compare the value you gave with the "
        "values the column holds, for example table['column'].unique()."
    )


def counts(frame: pd.DataFrame, names: Iterable[str], table: str = "table") -> pd.DataFrame:
    """Check that the columns ``names`` hold whole, non-negative numbers with no gaps.

    Call after :func:`columns`. Names the first bad row so a learner can find it.
    """
    for name in names:
        column = frame[name]
        if not pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column):
            raise InputError(f"the column {name!r} of {table} must hold numbers, but it holds {column.dtype}")
        if column.isna().any():
            row = column[column.isna()].index[0]
            raise InputError(
                f"the column {name!r} of {table} has a missing value (NaN) in row {row!r}; fill it in or drop that row"
            )
        if (column < 0).any():
            row = column[column < 0].index[0]
            raise InputError(
                f"the column {name!r} of {table} has a negative count ({column[row]:g}) in row {row!r}; "
                "counts cannot be below zero"
            )
    return frame


class Undefined:
    """A rate whose denominator is zero: not 0, not infinity, but undefined.

    It prints as ``undefined (...)`` with the reason, is false in an ``if``,
    and becomes NaN if turned into a float, so it can never pass for a real
    rate in a calculation or a comparison.
    """

    __slots__ = ("what", "why")

    def __init__(self, what: str, why: str) -> None:
        self.what = what
        self.why = why

    def __repr__(self) -> str:
        return f"undefined ({self.what}: {self.why})"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return False

    def __float__(self) -> float:
        return math.nan

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Undefined) and (self.what, self.why) == (other.what, other.why)

    def __hash__(self) -> int:
        return hash((self.what, self.why))


def ratio(numerator: float, denominator: float, what: str, denominator_name: str) -> float | Undefined:
    """``numerator / denominator``, or :class:`Undefined` when there is nothing to divide by."""
    if denominator == 0:
        return Undefined(what, f"there are no {denominator_name} to divide by")
    return float(numerator) / float(denominator)
