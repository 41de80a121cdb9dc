"""Relationships: which conversations have turned into relationships, and who does the talking.

The source texts say that conversations grow into relationships, and that a
good relationship is less about you and more about them. This module puts
numbers on both halves of that sentence:

- :func:`tie_strength` scores each person's relationship with the business
  from how often they interact (frequency), how lately (recency) and whether
  it goes both ways (:func:`reciprocity`), with weights you can change;
- :func:`dunbar_layers` sorts the ranked relationships into the nested
  5 / 15 / 50 / 150 layers found in human social networks;
- :func:`you_we_ratio` measures "about them versus about us" language: the
  share of *you* words among the *you* and *we* words of a text.

An interaction log has one row per interaction with the columns ``date``,
``source`` (who did it), ``target`` (who it was aimed at) and ``kind``
(comment, reply, like, share or message); one side of every row is the
business's own account, as in :func:`sevencs.datasets.load_interactions`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

from sevencs import _checks
from sevencs.datasets import NURSERY
from sevencs.errors import InputError, InputTypeError
from sevencs.parsing import datetimes, moment

__all__ = [
    "COLUMNS",
    "DEFAULT_HALF_LIFE",
    "DEFAULT_WEIGHTS",
    "KINDS",
    "LAYERS",
    "WE_WORDS",
    "YOU_WORDS",
    "dunbar_layers",
    "reciprocity",
    "tie_strength",
    "you_we_counts",
    "you_we_ratio",
]

#: The columns an interaction log needs.
COLUMNS = ("date", "source", "target", "kind")
#: The kinds of interaction the log may hold.
KINDS = ("comment", "reply", "like", "share", "message")
#: Default weights of the three parts of tie strength: each counts equally.
DEFAULT_WEIGHTS = {"frequency": 1.0, "recency": 1.0, "reciprocity": 1.0}
#: Default recency half-life in days: a relationship last active 30 days ago scores 0.5 for recency.
DEFAULT_HALF_LIFE = 30.0
#: Dunbar's layers: the 5 closest, then 15, 50 and 150 (each layer includes the ones inside it).
LAYERS = (5, 15, 50, 150)

#: Words that talk to or about the reader ("about them").
YOU_WORDS = frozenset({"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd"})
#: Words that talk about the business itself ("about us").
WE_WORDS = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd"})
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


# --- the interaction log ---------------------------------------------------------------------


def _log(interactions: object, account: Hashable) -> pd.DataFrame:
    """A checked copy of the log with a ``person`` column (the side that is not ``account``)."""
    frame = _checks.columns(interactions, COLUMNS, "interactions")
    bad_kind = ~frame["kind"].isin(KINDS)
    if bad_kind.any():
        row = frame.index[bad_kind.to_numpy()][0]
        raise InputError(
            f"interactions has an unknown kind {frame.at[row, 'kind']!r} in row {row!r}; "
            f"expected one of: {', '.join(KINDS)}"
        )
    dates = datetimes(frame["date"], "the column 'date' of interactions")
    from_us = (frame["source"] == account).to_numpy()
    to_us = (frame["target"] == account).to_numpy()
    neither = ~(from_us | to_us)
    if neither.any():
        row = frame.index[neither][0]
        raise InputError(
            f"row {row!r} of interactions is between {frame.at[row, 'source']!r} and "
            f"{frame.at[row, 'target']!r}; every row must have the account {account!r} on one side "
            "(is account= the right name?)"
        )
    both = from_us & to_us
    if both.any():
        row = frame.index[both][0]
        raise InputError(f"row {row!r} of interactions has {account!r} on both sides; drop interactions with yourself")
    return pd.DataFrame(
        {
            "date": dates.to_numpy(),
            "person": np.where(from_us, frame["target"].to_numpy(), frame["source"].to_numpy()),
            "from_us": from_us,
        }
    )


def _directions(log: pd.DataFrame) -> pd.DataFrame:
    """Per person: interactions from them, from us, and reciprocity (min ÷ max)."""
    grouped = log.groupby("person", sort=True)["from_us"]
    from_us = grouped.sum().astype(int)
    total = grouped.size().astype(int)
    table = pd.DataFrame({"from_them": total - from_us, "from_us": from_us})
    table.index.name = "person"
    high = table[["from_them", "from_us"]].max(axis=1)  # never 0: everyone in the log has a row
    table["reciprocity"] = table[["from_them", "from_us"]].min(axis=1) / high
    return table


def reciprocity(interactions: pd.DataFrame, account: Hashable = NURSERY) -> pd.DataFrame:
    """How evenly each relationship goes both ways: 0 one-way, 1 perfectly balanced.

    For each person, count the interactions they sent to the business
    (``from_them``) and those the business sent to them (``from_us``)::

        reciprocity = smaller count ÷ larger count

    A person who commented 10 times and got 5 replies has 5 ÷ 10 = 0.5; a
    relationship where only one side ever acts has 0 (a **one-way**
    relationship), whichever side it is; 4 one way and 4 the other has 1.
    Every person in the log has at least one interaction, so the larger
    count is never 0 and the ratio is always defined.

    This balance is one of several ways to measure reciprocity; networks often
    use the share of directed links that are returned (Granovetter 1973 counts
    reciprocal services as one of the four parts of a tie's strength).

    Returns a table indexed by ``person`` (sorted by name) with the columns
    ``from_them``, ``from_us`` and ``reciprocity``.
    """
    return _directions(_log(interactions, account))


def _weight(name: str, value: object) -> float:
    return _checks.positive(
        f"the weight {name}",
        value,
        allow_zero=True,
        reason="a weight says how much a part counts, so it cannot be negative",
    )


def tie_strength(
    interactions: pd.DataFrame,
    frequency: float = DEFAULT_WEIGHTS["frequency"],
    recency: float = DEFAULT_WEIGHTS["recency"],
    reciprocity: float = DEFAULT_WEIGHTS["reciprocity"],
    half_life: float = DEFAULT_HALF_LIFE,
    as_of: object = None,
    account: Hashable = NURSERY,
) -> pd.DataFrame:
    """Score each person's relationship with the business, strongest first.

    Three parts, each between 0 and 1, for a person with ``n`` interactions
    (both directions) whose last interaction was ``d`` days before ``as_of``:

    - frequency score   = log(1 + n) ÷ log(1 + n of the busiest relationship)
      (a log, because interaction counts are lopsided: 80 likes are not eight
      times as close as 10);
    - recency score     = 0.5 ** (d ÷ half_life)
      (halves every ``half_life`` days: 1 today, 0.5 after one half-life,
      0.25 after two);
    - reciprocity score = smaller ÷ larger of the two directions (see
      :func:`reciprocity`; 0 for a one-way relationship).

    The strength is their weighted average::

        strength = (frequency × F + recency × R + reciprocity × P) ÷ (frequency + recency + reciprocity)

    where F, R, P are the scores and ``frequency``, ``recency``,
    ``reciprocity`` the weights (default 1 each, so each part counts for a
    third; only their proportions matter). Strength is between 0 and 1.

    Sources: Granovetter (1973) describes tie strength as a combination of
    time, emotional intensity, intimacy and reciprocal services; Gilbert and
    Karahalios (2009) predict it from social-media interaction data. This score
    is a simple teaching model in that spirit, not their fitted model.

    ``as_of`` defaults to the last date in the log. Returns a table indexed by
    ``person`` with ``interactions``, ``from_them``, ``from_us``, ``last``,
    ``days_since``, ``frequency``, ``recency``, ``reciprocity`` (the three
    scores), ``strength`` and ``rank`` (1 = strongest; ties broken by name).
    """
    return weigh_ties(
        tie_scores(interactions, half_life=half_life, as_of=as_of, account=account),
        frequency=frequency,
        recency=recency,
        reciprocity=reciprocity,
    )


def tie_scores(
    interactions: pd.DataFrame,
    half_life: float = DEFAULT_HALF_LIFE,
    as_of: object = None,
    account: Hashable = NURSERY,
) -> pd.DataFrame:
    """The three parts of :func:`tie_strength` for each person, before any weights.

    Returns a table indexed by ``person`` (sorted by name) with
    ``interactions``, ``from_them``, ``from_us``, ``last``, ``days_since``
    and the scores ``frequency``, ``recency`` and ``reciprocity``. The weights
    only combine these, so a tool that tries many weights (the Relationships
    explorer) works them out once and calls :func:`weigh_ties` for each.
    """
    days = _checks.positive("half_life", half_life, unit="days")
    log = _log(interactions, account)
    when = log["date"].max() if as_of is None else moment(as_of, "as_of")
    if log["date"].max() > when:
        raise InputError(
            f"as_of ({when}) is before the last interaction in the log ({log['date'].max()}); "
            "choose a later date or leave as_of out"
        )

    table = _directions(log)
    table.insert(0, "interactions", table["from_them"] + table["from_us"])
    last = log.groupby("person", sort=True)["date"].max()
    table["last"] = last
    table["days_since"] = (when - last).dt.total_seconds() / 86400
    busiest = table["interactions"].max()
    table["frequency"] = np.log1p(table["interactions"]) / np.log1p(busiest)
    table["recency"] = 0.5 ** (table["days_since"] / days)
    return table[["interactions", "from_them", "from_us", "last", "days_since", "frequency", "recency", "reciprocity"]]


def weigh_ties(
    scores: pd.DataFrame,
    frequency: float = DEFAULT_WEIGHTS["frequency"],
    recency: float = DEFAULT_WEIGHTS["recency"],
    reciprocity: float = DEFAULT_WEIGHTS["reciprocity"],
) -> pd.DataFrame:
    """Combine :func:`tie_scores` with weights into the table :func:`tie_strength` returns, strongest first."""
    weights = {
        "frequency": _weight("frequency", frequency),
        "recency": _weight("recency", recency),
        "reciprocity": _weight("reciprocity", reciprocity),
    }
    total_weight = sum(weights.values())
    if total_weight == 0:
        raise InputError(
            "all three weights are 0, so nothing counts and the strength is undefined; "
            "give at least one weight a value above 0"
        )
    table = scores.assign(strength=sum(scores[k] * w for k, w in weights.items()) / total_weight)
    strength = table["strength"].to_dict()
    order = sorted(table.index, key=lambda p: (-strength[p], str(p)))
    table = table.loc[order]
    table["rank"] = range(1, len(table) + 1)
    return table


# --- "about them" versus "about us" ----------------------------------------------------------


def _texts(text: object) -> list[str]:
    if isinstance(text, str):
        return [text]
    if isinstance(text, pd.DataFrame):
        raise InputTypeError("give one column of texts, such as posts['text'], not a whole table")
    if not isinstance(text, Iterable):
        raise InputTypeError(f"text must be a string or a list (or column) of strings, but got {type(text).__name__}")
    items = list(text.items()) if isinstance(text, pd.Series) else list(enumerate(text))
    if not items:
        raise InputError("there are no texts to read: the list is empty")
    for where, item in items:
        if not isinstance(item, str):
            missing = item is None or (isinstance(item, float) and math.isnan(item))
            what = "a missing text (NaN)" if missing else f"{type(item).__name__} {item!r}"
            raise InputError(f"every text must be a string, but item {where!r} is {what}")
    return [item for _, item in items]


def you_we_counts(text: str | Iterable[str]) -> dict[str, int]:
    """Count the *you* words and the *we* words in a text (or in several, added up).

    Words are matched whole and case-blind, curly apostrophes counted as
    straight ones: ``you, your, yours, yourself, yourselves, you're, you've,
    you'll, you'd`` (:data:`YOU_WORDS`) and ``we, us, our, ours, ourselves,
    we're, we've, we'll, we'd`` (:data:`WE_WORDS`). "Young" is not "you".
    Returns ``{"you": ..., "we": ...}``.
    """
    you = we = 0
    for item in _texts(text):
        for word in _WORD.findall(item.lower().replace("\u2019", "'")):
            you += word in YOU_WORDS
            we += word in WE_WORDS
    return {"you": you, "we": we}


def you_we_ratio(text: str | Iterable[str]) -> float | _checks.Undefined:
    """ "About them versus about us": the share of *you* words among *you* and *we* words.

    ::

        you_we_ratio = you words ÷ (you words + we words)

    1 means every such word speaks to the reader ("your roses, your garden"),
    0 means every one speaks about the business ("our stock, we are open"),
    0.5 an even mix. A text with neither kind of word is :class:`Undefined`,
    not 0: it is not about us, it just does not say. Give a list or a column
    of texts and the words of all of them are added up first (so long posts
    count for more than short ones).

    A heuristic for the source texts' advice "less about you, more about them",
    not an established metric. Word lists: see :func:`you_we_counts`.
    """
    counts = you_we_counts(text)
    return _checks.ratio(counts["you"], counts["you"] + counts["we"], "you-we ratio", "you or we words")


# --- Dunbar's layers --------------------------------------------------------------------------


def dunbar_layers(scores: pd.Series | pd.DataFrame, layers: Sequence[int] = LAYERS) -> pd.DataFrame:
    """Put ranked relationships into Dunbar's nested layers of 5, 15, 50 and 150.

    Rank the relationships by score, strongest first (ties by name). The top 5
    are the 5-layer; the top 15 the 15-layer, which *includes* the 5; and so
    on. The ``layer`` column gives the innermost layer a person is in (5, 15,
    50 or 150), or 0 for anyone ranked beyond the last layer.

    ``scores`` is a Series of scores indexed by person, or the table from
    :func:`tie_strength` (its ``strength`` column is used). Scores must be
    numbers with no gaps; higher means closer.

    Source: human social groups come in a series of sizes, each about three
    times the one before (Zhou, Sornette, Hill and Dunbar 2005); the online
    networks of Facebook users show the same inner layers (Dunbar 2016).
    Returns a table indexed by ``person`` with ``score``, ``rank`` and ``layer``.
    """
    if isinstance(scores, pd.DataFrame):
        scores = _checks.columns(scores, ["strength"], "scores")["strength"]
    if not isinstance(scores, pd.Series):
        raise InputTypeError(
            f"scores must be a pandas Series (score per person) or tie_strength's table, "
            f"but got {type(scores).__name__}"
        )
    if scores.empty:
        raise InputError("scores is empty: there are no relationships to rank")
    if not pd.api.types.is_numeric_dtype(scores) or pd.api.types.is_bool_dtype(scores):
        raise InputError(f"scores must hold numbers, but they hold {scores.dtype}")
    if scores.isna().any():
        who = scores.index[scores.isna().to_numpy()][0]
        raise InputError(f"scores has a missing value (NaN) for {who!r}; score everyone or drop that person")
    if not scores.index.is_unique:
        who = scores.index[scores.index.duplicated()][0]
        raise InputError(f"{who!r} appears twice in scores; each person needs one score")
    sizes = [_checks.whole_number("layer size", size, 1) for size in layers]
    if not sizes or sizes != sorted(set(sizes)):
        raise InputError(f"layers must be growing sizes, such as (5, 15, 50, 150), but got {tuple(layers)}")
    order = sorted(scores.index, key=lambda p: (-float(scores[p]), str(p)))
    ranks = range(1, len(order) + 1)
    layer = [next((size for size in sizes if rank <= size), 0) for rank in ranks]
    table = pd.DataFrame(
        {"score": scores.loc[order].astype(float).to_numpy(), "rank": list(ranks), "layer": layer},
        index=pd.Index(order, name="person"),
    )
    return table
