"""Caring: how quickly people get help, who gives it, and how people talk about you.

The source texts describe caring as people helping each other: a business
gives help freely (a gift, not a sale), and in the best communities members
start helping one another too. This module measures the visible traces of
that: how long a question waits for its first answer
(:func:`first_response_times`), how many questions get one at all
(:func:`response_rate`), which ones are still waiting (:func:`unanswered`),
how much of the help comes from members rather than the business
(:func:`member_help_share`) and the tone of what people write about you
(:func:`sentiment`, with VADER). :func:`monthly_care` puts them side by side,
month by month, for the chapter's explorer.

Times are in hours. Response times are skewed (most questions are answered
quickly, a few wait days), so summarise them with the median, not the mean.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from sevencs import _checks
from sevencs._checks import Undefined
from sevencs.errors import InputError, InputTypeError
from sevencs.parsing import datetimes, moment

__all__ = [
    "NEGATIVE_CUTOFF",
    "POSITIVE_CUTOFF",
    "first_response_times",
    "member_help_share",
    "monthly_care",
    "response_rate",
    "sentiment",
    "sentiment_label",
    "unanswered",
]

#: VADER's conventional cut-offs on the compound score (Hutto & Gilbert 2014;
#: the vaderSentiment README): at least +0.05 is positive, at most −0.05 negative.
POSITIVE_CUTOFF = 0.05
NEGATIVE_CUTOFF = -0.05

QUESTION_COLUMNS = ("asked_at", "first_reply_at")
REPLY_COLUMNS = ("author", "reply_to")


def _times(frame: pd.DataFrame, name: str, table: str, *, allow_missing: bool) -> pd.Series:
    """A column as datetimes; text that is not a date is reported with its row."""
    column = datetimes(frame[name], f"the column {name!r} of {table}", allow_missing=True)
    if not allow_missing and column.isna().any():
        row = column[column.isna()].index[0]
        raise InputError(
            f"the column {name!r} of {table} has a missing date in row {row!r}; every question "
            "needs the time it was asked"
        )
    return column


def _hours(name: str, value: object) -> float:
    """A number of hours (int, float or a pandas Timedelta), at least 0."""
    if isinstance(value, pd.Timedelta):
        value = value.total_seconds() / 3600
    return _checks.positive(name, value, allow_zero=True, unit="hours")


def first_response_times(questions: pd.DataFrame) -> pd.Series:
    """Hours from each question to its first reply; missing (NaN) if nobody has replied.

    Formula, per question::

        first response time = first_reply_at − asked_at   (in hours)

    The time until the first reply from anyone, as in the CHAOSS metric "Time
    to First Response". An unanswered question stays missing: it is *not* 0
    hours (that would make the worst cases look like the best). Summarise with
    the median, as response times are skewed: ``first_response_times(q).median()``
    skips the missing ones. ``first_response_times(q).groupby(q["channel"]).median()``
    gives one median per channel.

    Needs the columns ``asked_at`` and ``first_reply_at`` (dates and times; the
    second may be empty). Returns a Series named ``first_response_hours`` with
    the questions' index. A reply dated before its question is an error.

    Source: CHAOSS, "Time to First Response"; the choice of median follows the
    skew of response times (see the chapter).
    """
    questions = _checks.columns(questions, QUESTION_COLUMNS, "questions")
    asked = _times(questions, "asked_at", "questions", allow_missing=False)
    replied = _times(questions, "first_reply_at", "questions", allow_missing=True)
    hours = (replied - asked).dt.total_seconds() / 3600
    if (hours < 0).any():
        row = hours[hours < 0].index[0]
        raise InputError(
            f"question {row!r} has its first reply before it was asked ({replied[row]} before "
            f"{asked[row]}); check the two date columns"
        )
    return hours.rename("first_response_hours")


def response_rate(questions: pd.DataFrame, within: float | None = None) -> float | Undefined:
    """Share of the questions asked that got a reply (optionally: within ``within`` hours).

    Formula::

        response rate = questions with a first reply ÷ all questions asked

    The denominator is *every* question in the table, answered or not. With
    ``within=24`` the numerator counts only questions answered within 24 hours,
    so the denominator stays the same and the two rates can be compared.
    A question asked just before the data end may simply not have had time for
    a reply yet: compare like with like (see :func:`unanswered`).

    Source: the response (help) rate of community-health metrics, e.g. CHAOSS;
    see the chapter for the definitions of brand response rate.
    """
    hours = first_response_times(questions)
    answered = hours.notna() if within is None else hours <= _hours("within", within)
    return _checks.ratio(int(answered.sum()), len(hours), "response rate", "questions")


def _data_end(questions: pd.DataFrame) -> pd.Timestamp:
    asked = _times(questions, "asked_at", "questions", allow_missing=False)
    replied = _times(questions, "first_reply_at", "questions", allow_missing=True)
    return max(asked.max(), replied.max()) if replied.notna().any() else asked.max()


def unanswered(
    questions: pd.DataFrame, older_than: float = 48, as_of: str | pd.Timestamp | None = None
) -> pd.DataFrame:
    """Questions with no reply yet that have waited more than ``older_than`` hours.

    Measured at a fixed moment, ``as_of``: a question counts if it was asked
    by then, had no reply by then, and ``as_of − asked_at > older_than`` hours.
    The default ``as_of`` is the end of the data (the latest time in
    ``asked_at`` or ``first_reply_at``), not the computer's clock, so the same
    table always gives the same answer. A question answered *after* ``as_of``
    was still waiting at that moment and is included.

    Returns the matching rows, longest wait first, with an extra column
    ``waiting_hours``. An empty result means nobody has been waiting that long.
    """
    questions = _checks.columns(questions, QUESTION_COLUMNS, "questions")
    first_response_times(questions)  # checks the dates
    older_than = _hours("older_than", older_than)
    when = _data_end(questions) if as_of is None else moment(as_of, "as_of")
    asked = _times(questions, "asked_at", "questions", allow_missing=False)
    replied = _times(questions, "first_reply_at", "questions", allow_missing=True)
    waiting = (when - asked).dt.total_seconds() / 3600
    still_open = (asked <= when) & (replied.isna() | (replied > when))
    result = questions[still_open & (waiting > older_than)].copy()
    result["waiting_hours"] = waiting[result.index]
    return result.sort_values("waiting_hours", ascending=False)


@lru_cache(maxsize=1)
def _analyzer():
    # Built once: loading VADER's lexicon takes longer than scoring a text.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment_label(compound: float) -> str:
    """``positive`` if compound ≥ 0.05, ``negative`` if ≤ −0.05, else ``neutral`` (VADER's cut-offs)."""
    if compound >= POSITIVE_CUTOFF:
        return "positive"
    if compound <= NEGATIVE_CUTOFF:
        return "negative"
    return "neutral"


def sentiment(texts: str | Iterable[str]) -> pd.DataFrame:
    """VADER's compound score and label for each text: a table with text, compound, label.

    VADER (Valence Aware Dictionary and sEntiment Reasoner) adds up the rated
    words of a text (about 7,500 words, emoticons and slang, each rated from
    −4 to +4 by people), adjusts them with five rules (exclamation marks,
    capitals, words like "very", a contrasting "but", negation) and squashes
    the sum ``x`` into −1 … +1::

        compound = x ÷ √(x² + 15)

    Labels use the conventional cut-offs: compound ≥ 0.05 is ``positive``,
    ≤ −0.05 ``negative``, anything between ``neutral``.

    ``texts`` is one string, or a list or Series of strings (a Series keeps its
    index). The lexicon ships with the vaderSentiment package: nothing is
    downloaded. VADER reads words, not intentions: sarcasm ("Love queuing for
    half an hour. Fun.") scores as positive.

    Source: Hutto, C.J. and Gilbert, E. (2014), VADER: A Parsimonious
    Rule-Based Model for Sentiment Analysis of Social Media Text, ICWSM-14.
    """
    if isinstance(texts, str):
        texts = [texts]
    if isinstance(texts, pd.DataFrame):
        raise InputTypeError("sentiment needs the texts themselves, such as mentions['text'], not a whole table")
    if not isinstance(texts, pd.Series):
        if not isinstance(texts, Iterable):
            raise InputTypeError(f"sentiment needs a text or a list of texts, but got {type(texts).__name__}")
        texts = pd.Series(list(texts), dtype=object)
    if texts.empty:
        raise InputError("there are no texts to score")
    for position, (row, text) in enumerate(texts.items()):
        if not isinstance(text, str):
            raise InputError(
                f"text number {position + 1} (row {row!r}) is {text!r}, not text; "
                "drop empty rows first, for example with .dropna()"
            )
    analyzer = _analyzer()
    compound = [analyzer.polarity_scores(text)["compound"] for text in texts]
    return pd.DataFrame(
        {"text": texts.to_numpy(), "compound": compound, "label": [sentiment_label(c) for c in compound]},
        index=texts.index,
    )


def member_help_share(replies: pd.DataFrame, staff: str | Iterable[str]) -> float | Undefined:
    """Of all the replies in a table, the share written by members rather than staff.

    ``replies`` needs the columns ``author`` (who wrote the row) and
    ``reply_to`` (what it answers; empty for a row that starts a thread, such
    as a new comment or question). Only rows with a ``reply_to`` count::

        member help share = replies by accounts not in staff ÷ all replies

    The denominator is replies, not all comments. ``staff`` is the business's
    account name, or a list of them (the owner's personal account too, say).
    Returns :class:`~sevencs._checks.Undefined` when the table holds no replies.

    A rising share is a sign that members help members; the source texts call
    this the heart of caring. It is a heuristic, not an established standard.
    """
    replies = _checks.columns(replies, REPLY_COLUMNS, "replies")
    if isinstance(staff, str):
        staff = [staff]
    if not isinstance(staff, Iterable):
        raise InputTypeError(f"staff must be an account name or a list of them, but got {staff!r}")
    staff = {str(s).strip().lstrip("@").lower() for s in staff}
    if not staff:
        raise InputError("staff is empty: give the business's account name, e.g. 'fernleaf_nursery'")
    answers = replies[replies["reply_to"].notna()]
    authors = answers["author"].astype(str).str.strip().str.lstrip("@").str.lower()
    members = int((~authors.isin(staff)).sum())
    return _checks.ratio(members, len(answers), "member help share", "replies")


def monthly_care(
    questions: pd.DataFrame,
    scored_mentions: pd.DataFrame,
    target: float = 24,
    window: int = 1,
    hours: pd.Series | None = None,
) -> pd.DataFrame:
    """Month by month: median first-response time, share answered within ``target``, share negative.

    ``questions`` needs ``asked_at`` and ``first_reply_at``; ``scored_mentions``
    needs ``date`` and ``label`` (the output of :func:`sentiment` joined to the
    mentions' dates) and may have ``human_label`` too. Each month pools the
    last ``window`` months (a rolling window): the median is taken over all
    the questions in it, not as a median of monthly medians. Columns:

    - ``questions``, ``answered``: counts in the window;
    - ``median_hours``: median first-response time of the answered ones (NaN: none answered);
    - ``within_target``: answered within ``target`` hours ÷ questions asked (NaN: no questions);
    - ``mentions``, ``negative_share``: negative mentions (VADER) ÷ mentions (NaN: no mentions);
    - ``human_negative_share``: the same by the human reader's label, if given.

    Pass precomputed ``hours`` (from :func:`first_response_times`) to skip recomputing them.
    """
    target = _hours("target", target)
    window = _checks.whole_number("window", window, 1)
    scored_mentions = _checks.columns(scored_mentions, ("date", "label"), "scored_mentions")
    if hours is None:
        hours = first_response_times(questions)
    asked_month = _times(questions, "asked_at", "questions", allow_missing=False).dt.to_period("M")
    mention_month = _times(scored_mentions, "date", "scored_mentions", allow_missing=False).dt.to_period("M")
    months = pd.period_range(
        min(asked_month.min(), mention_month.min()), max(asked_month.max(), mention_month.max()), freq="M"
    )
    negative = scored_mentions["label"].eq("negative").to_numpy()
    human = scored_mentions["human_label"].eq("negative").to_numpy() if "human_label" in scored_mentions else None
    # months as whole numbers and plain arrays: the loop runs on every move of the explorer's sliders
    asked, mentioned = asked_month.array.asi8, mention_month.array.asi8
    waits = hours.reindex(asked_month.index).to_numpy(dtype=float)
    rows = []
    for month, number in zip(months, months.asi8):
        in_q = (asked > number - window) & (asked <= number)
        in_m = (mentioned > number - window) & (mentioned <= number)
        h = waits[in_q]
        answered = h[~np.isnan(h)]
        n_q, n_m = int(in_q.sum()), int(in_m.sum())
        row = {
            "month": str(month),
            "questions": n_q,
            "answered": len(answered),
            "median_hours": float(np.median(answered)) if len(answered) else math.nan,
            "within_target": float((answered <= target).sum() / n_q) if n_q else math.nan,
            "mentions": n_m,
            "negative_share": float(negative[in_m].sum() / n_m) if n_m else math.nan,
        }
        if human is not None:
            row["human_negative_share"] = float(human[in_m].sum() / n_m) if n_m else math.nan
        rows.append(row)
    return pd.DataFrame(rows)


def score_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The mentions with VADER's ``compound`` and ``label`` added (VADER runs once per text)."""
    scores = sentiment(mentions["text"])
    return mentions.join(scores[["compound", "label"]])
