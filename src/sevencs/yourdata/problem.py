"""The one error the readers raise, and the helpers that word its messages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sevencs.errors import LearnerError


class ImportProblem(LearnerError, ValueError):
    """A problem with a file you asked the course to read, explained in plain words.

    The message names the file, says what was expected and what was found, and what to
    try. Nothing is ever half-loaded: when this is raised, no table was made. A notebook shows it
    in a few lines, as every :class:`~sevencs.errors.LearnerError`.
    """


def listing(items: list[str], word: str, limit: int = 5) -> str:
    """'rows 3, 7 and 9' or 'rows 3, 7, 9, 12, 15 and 4 more'."""
    plural = word + ("s" if len(items) > 1 else "")
    if len(items) == 1:
        return f"{word} {items[0]}"
    if len(items) <= limit:
        return f"{plural} {', '.join(items[:-1])} and {items[-1]}"
    return f"{plural} {', '.join(items[:limit])} and {len(items) - limit:,} more"


def first_up(text: str) -> str:
    """The text with its first letter in upper case and the rest as it was (unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def cell(value: str) -> str:
    """A cell's text as a message quotes it: short, in quotes, or the word "empty"."""
    return "empty" if not value.strip() else repr(value if len(value) <= 30 else value[:27] + "...")


def rows(numbers: np.ndarray, positions: list[int], cells: pd.Series | None = None, limit: int = 5) -> list[str]:
    """Row numbers for a message, each with its cell when given: only the first few are described,
    the rest counted (:func:`listing` says "and N more")."""
    shown = [str(numbers[k]) if cells is None else f"{numbers[k]} ({cell(cells.iloc[k])})" for k in positions[:limit]]
    return shown + [""] * (len(positions) - limit)


def positions(mask: pd.Series) -> list[int]:
    """The positions (0, 1, 2...) where ``mask`` is true."""
    return np.flatnonzero(mask.to_numpy(dtype=bool)).tolist()


def refuse(name: str, problems: list[str], advice: str = "") -> None:
    """Raise one :class:`ImportProblem` listing every problem in ``problems``, if there is any.

    ``advice`` (a sentence or two) follows the list on its own line.
    """
    if problems:
        raise ImportProblem(
            f"{name} could not be read, so nothing was loaded:\n- "
            + "\n- ".join(problems)
            + (f"\n{advice}" if advice else "")
        )
