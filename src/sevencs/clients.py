"""Clients: people buy from those they know, like and trust, and arrive presold.

The source texts end the seven Cs with clients: after connection,
conversation, relationships, content, community and caring, people who need
what you sell come to you already trusting you, and the return on social
media is visibility, reputation and referrals as well as sales. This module
puts numbers on that story:

- :func:`funnel`: how many people move from connection to conversation to
  relationship to client, each step with its denominator;
- :func:`bass_diffusion` and :func:`fit_bass`: how new clients arrive through
  outside influence (advertising) and through imitation (word of mouth),
  after Bass (1969);
- :func:`net_promoter_score`: how many clients would recommend you, after
  Reichheld (2003);
- :func:`customer_lifetime_value`: what a client who keeps coming back is
  worth today, after Gupta and Lehmann (2003);
- :func:`social_roi`: visibility, reputation, referrals and sales side by
  side, never folded into one money number.

Rates whose denominator is zero are :class:`~sevencs._checks.Undefined` (in a
table: NaN, which means undefined), never 0 or infinity.
"""

from __future__ import annotations

import itertools
import math
import numbers
import urllib.parse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from sevencs import _checks
from sevencs._checks import Undefined
from sevencs.errors import InputError, InputKeyError, InputTypeError, filter_hint
from sevencs.parsing import datetimes

__all__ = [
    "NO_TAG",
    "SPRING_LINKS",
    "SPRING_PAGE",
    "STAGES",
    "UTM_FIELDS",
    "BassFit",
    "CampaignLink",
    "bass_cumulative",
    "bass_diffusion",
    "campaign_costs",
    "conversion",
    "cost_per",
    "customer_lifetime_value",
    "fit_bass",
    "funnel",
    "marketing_cost",
    "monthly_new_clients",
    "net_promoter_score",
    "promoter_groups",
    "read_tags",
    "social_roi",
    "spring_landing_pages",
    "tag_link",
    "tally_visits",
]

#: The funnel's stages in order: each person's furthest stage is one of these.
STAGES = ("connection", "conversation", "relationship", "client")


# --- the funnel -------------------------------------------------------------------------


def _stage_counts(stages: object, reached: bool) -> pd.Series:
    """People per stage (furthest stage reached), from names or from counts."""
    if isinstance(stages, pd.DataFrame):
        stages = _checks.columns(stages, ["stage"], "the leads table")["stage"]
    if isinstance(stages, Mapping) or (isinstance(stages, pd.Series) and pd.api.types.is_numeric_dtype(stages)):
        counts = pd.Series(dict(stages) if isinstance(stages, Mapping) else stages, dtype="object")
        unknown = [s for s in counts.index if s not in STAGES]
        if unknown:
            raise InputError(f"unknown stage {unknown[0]!r} in the counts; expected stages: {', '.join(STAGES)}")
        for stage, value in counts.items():
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise InputError(f"the count for {stage!r} must be a number, but got {value!r}")
            number = float(value)
            if math.isnan(number):
                raise InputError(f"the count for {stage!r} is missing (NaN); fill it in with 0 if nobody got there")
            if number < 0:
                raise InputError(f"the count for {stage!r} is negative ({number:g}); counts cannot be below zero")
            if not number.is_integer():  # infinity included
                raise InputError(f"the count for {stage!r} must be a whole number of people, but got {number:g}")
        counts = counts.reindex(list(STAGES), fill_value=0).astype(int)
        if reached:
            steps = list(itertools.pairwise(STAGES))
            for before, after in steps:
                if counts[after] > counts[before]:
                    raise InputError(
                        f"with reached=True each count is everyone who got at least that far, so it "
                        f"cannot grow along the funnel, but {after!r} ({counts[after]}) is more than "
                        f"{before!r} ({counts[before]}). Are these counts of each person's furthest "
                        "stage? Then leave out reached=True"
                    )
            furthest = counts - counts.shift(-1, fill_value=0)
            return furthest
        return counts
    if reached:
        raise InputError("reached=True is for counts per stage; a list of stage names is always the furthest stage")
    if isinstance(stages, (str, bytes)) or not isinstance(stages, Iterable):
        raise InputTypeError(
            "stages must be the leads table's 'stage' column (one stage name per person) or counts "
            f"per stage (a dictionary or a pandas Series), but got {type(stages).__name__}"
        )
    names = pd.Series(list(stages), dtype="object")
    if names.empty:
        raise InputError("there are no stages to count: the column is empty")
    if names.isna().any():
        row = int(names[names.isna()].index[0])
        raise InputError(f"stage number {row} is missing (NaN); every person needs a stage: {', '.join(STAGES)}")
    unknown = sorted({str(s) for s in names if s not in STAGES})
    if unknown:
        raise InputError(f"unknown stage {unknown[0]!r}; expected stages: {', '.join(STAGES)}")
    return names.value_counts().reindex(list(STAGES), fill_value=0).astype(int)


def funnel(stages: object, reached: bool = False) -> pd.DataFrame:
    """How many people reach each stage, and the conversion of each step with its denominator.

    ``stages`` is either one stage name per person, the *furthest* stage they
    reached (the leads table's ``stage`` column, or the table itself), or counts
    per stage (a dictionary or Series such as ``leads["stage"].value_counts()``).
    Counts are taken as furthest-stage counts unless ``reached=True``, which
    says each count is already everyone who got at least that far.

    Someone whose furthest stage is *client* also passed through connection,
    conversation and relationship, so::

        reached(stage)   = people whose furthest stage is this stage or a later one
        conversion(step) = reached(stage) ÷ reached(previous stage)
        of_connections   = reached(stage) ÷ reached("connection")

    Returns one row per stage (``STAGES``) with columns ``stage``, ``reached``,
    ``furthest`` (people who stopped there), ``from_stage`` (the step's
    denominator stage), ``denominator`` (people at that stage), ``conversion``
    and ``of_connections``. The first row has no step, so its ``from_stage`` is
    empty and its ``conversion`` is NaN; a conversion whose denominator is 0 is
    NaN too. NaN means undefined, not zero.

    Source: the know, like and trust funnel of the source texts; the stage
    arithmetic is the standard conversion funnel.
    """
    furthest = _stage_counts(stages, reached)
    reached_counts = furthest[::-1].cumsum()[::-1]
    total = int(reached_counts["connection"])
    rows = []
    previous = None
    for stage in STAGES:
        count = int(reached_counts[stage])
        denominator: int | None
        if previous is None:
            denominator, conversion = None, math.nan
        else:
            denominator = int(reached_counts[previous])
            conversion = count / denominator if denominator else math.nan
        rows.append(
            {
                "stage": stage,
                "reached": count,
                "furthest": int(furthest[stage]),
                "from_stage": previous or "",
                "denominator": denominator,
                "conversion": conversion,
                "of_connections": count / total if total else math.nan,
            }
        )
        previous = stage
    table = pd.DataFrame(rows)
    table["denominator"] = table["denominator"].astype("Int64")
    return table


def conversion(stages: object, from_stage: str, to_stage: str, reached: bool = False) -> float | Undefined:
    """Share of people who reached ``from_stage`` and went on to reach ``to_stage``.

    ``reached(to_stage) ÷ reached(from_stage)`` over the same input as
    :func:`funnel`; :class:`Undefined` when nobody reached ``from_stage``.
    """
    from_stage = _checks.one_of("from_stage", from_stage, STAGES)
    to_stage = _checks.one_of("to_stage", to_stage, STAGES)
    if STAGES.index(to_stage) <= STAGES.index(from_stage):
        raise InputError(f"to_stage must come after from_stage in the funnel ({' → '.join(STAGES)})")
    people = funnel(stages, reached).set_index("stage")["reached"]
    return _checks.ratio(
        people[to_stage],
        people[from_stage],
        f"conversion from {from_stage} to {to_stage}",
        f"people at the {from_stage} stage",
    )


# --- Bass diffusion -----------------------------------------------------------------------


def bass_cumulative(t: float | np.ndarray, p: float, q: float) -> float | np.ndarray:
    """Bass's closed form: the share of the market that has adopted by time ``t``.

    ``F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t))``, with ``F(0) = 0``.
    With ``p = 0`` nobody ever starts, so ``F`` stays 0. Source: Bass (1969).
    """
    p = _checks.positive("p", p, allow_zero=True)
    q = _checks.positive("q", q, allow_zero=True)
    t = np.asarray(t, dtype=float)
    if p == 0:
        result = np.zeros_like(t)
    else:
        e = np.exp(-(p + q) * t)
        result = (1 - e) / (1 + (q / p) * e)
    return float(result) if result.ndim == 0 else result


def bass_diffusion(p: float, q: float, market: float, periods: int) -> pd.DataFrame:
    """New adopters per period in the Bass model, split into innovation and imitation.

    Each period, the people who have not adopted yet (``market − N``) adopt at
    the rate ``p + q·N/market``: ``p`` is outside influence such as
    advertising (innovation), ``q·N/market`` is the pull of those who already
    adopted, word of mouth (imitation). In continuous time the share adopted by
    time t is the closed form :func:`bass_cumulative`, so the table uses it
    exactly::

        new(t)        = market × (F(t) − F(t − 1))
        innovation(t) = ∫ p·(market − N(s)) ds over the period
                      = market × (p / q) × ln((1 + u(t−1)) / (1 + u(t))),  u(s) = (q/p)·e^(−(p+q)s)
        imitation(t)  = new(t) − innovation(t)   (= ∫ q·N(s)·(market − N(s))/market ds)

    (With ``q = 0`` every adopter comes from innovation; with ``p = 0`` nobody
    adopts, because word of mouth needs someone to start it.)

    Returns one row per period ``1 … periods`` with columns ``period``,
    ``new_adopters``, ``from_innovation``, ``from_imitation``, ``cumulative``
    (everyone adopted by the end of the period) and ``remaining``
    (``market − cumulative``). The numbers are expected values, so they have
    decimals. Source: Bass (1969), Management Science 15(5), 215–227.
    """
    p = _checks.positive("p", p, allow_zero=True)
    q = _checks.positive("q", q, allow_zero=True)
    market = _checks.positive("market", market)
    periods = _checks.whole_number("periods", periods, 1)
    t = np.arange(0, periods + 1, dtype=float)
    cumulative = market * np.asarray(bass_cumulative(t, p, q))
    new = np.diff(cumulative)
    if p == 0:
        innovation = np.zeros(periods)
    elif q < 1e-9 * p:
        # no (or next to no) word of mouth: the split's log form loses all precision here,
        # and imitation is below a billionth of the adopters
        innovation = new.copy()
    else:
        log_one_plus_u = np.log1p((q / p) * np.exp(-(p + q) * t))
        innovation = market * (p / q) * (log_one_plus_u[:-1] - log_one_plus_u[1:])
    return pd.DataFrame(
        {
            "period": np.arange(1, periods + 1),
            "new_adopters": new,
            "from_innovation": innovation,
            "from_imitation": new - innovation,
            "cumulative": cumulative[1:],
            "remaining": market - cumulative[1:],
        }
    )


@dataclass(frozen=True)
class BassFit:
    """Bass's parameters estimated from a series of new adopters (see :func:`fit_bass`)."""

    p: float
    q: float
    market: float
    a: float
    b: float
    c: float
    r_squared: float
    periods: int

    @property
    def peak_time(self) -> float:
        """When new adoptions peak in the continuous model: ``ln(q/p) / (p + q)`` (0 if q ≤ p)."""
        return max(0.0, math.log(self.q / self.p) / (self.p + self.q)) if self.q > 0 else 0.0

    def __getitem__(self, name: str) -> float:
        """``fit['q']`` is ``fit.q``: a fit's numbers can be read either way."""
        numbers = [f.name for f in fields(self)] + ["peak_time"]
        if name in numbers:
            return getattr(self, name)
        raise InputKeyError(
            f"a Bass fit has no number called {name!r}; its numbers are {', '.join(numbers)}. "
            "Read one as fit.q or fit['q']."
        )

    __iter__ = None  # reading by name is not a sequence: list(fit) says so instead of trying fit[0]

    def table(self, periods: int | None = None) -> pd.DataFrame:
        """The fitted model's :func:`bass_diffusion` table (as many periods as the data by default)."""
        return bass_diffusion(self.p, self.q, self.market, periods or self.periods)

    def __str__(self) -> str:
        return (
            f"Bass fit over {self.periods} periods: p = {self.p:.3f} (innovation), "
            f"q = {self.q:.3f} (imitation), market = {self.market:,.0f}; R² = {self.r_squared:.2f}"
        )


def _series(name: str, values: object) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        raise InputTypeError(f"{name} must be one column of numbers (a Series or a list), not a whole table")
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InputTypeError(
            f"{name} must be a list or Series of numbers, one per period, but got {type(values).__name__}"
        )
    items = list(values)
    for i, v in enumerate(items):
        if isinstance(v, bool) or not isinstance(v, (numbers.Real, np.number)):
            raise InputError(f"{name} must hold numbers, but item {i} is {v!r}")
    array = np.asarray(items, dtype=float)
    if np.isnan(array).any():
        raise InputError(
            f"{name} has a missing value (NaN) in period {int(np.flatnonzero(np.isnan(array))[0]) + 1}; "
            "fill it in (0 if nobody adopted) or drop it"
        )
    if (array < 0).any():
        i = int(np.flatnonzero(array < 0)[0])
        raise InputError(f"{name} has a negative count ({array[i]:g}) in period {i + 1}; counts cannot be below zero")
    return array


#: A fitted market may fall a little short of the adopters seen (the regression is a
#: discrete approximation), but not below this share of them.
MARKET_SLACK = 0.9

#: Fewest periods :func:`fit_bass` accepts: three coefficients need more than three points.
MIN_FIT_PERIODS = 4


def fit_bass(adopters: object) -> BassFit:
    """Estimate Bass's p, q and market from new adopters per period, by Bass's own regression.

    With ``N(t−1)`` everyone who adopted before period t, the discrete Bass
    model says ``n(t) = (p + q·N(t−1)/m)·(m − N(t−1))``, which multiplies out to::

        n(t) = a + b·N(t−1) + c·N(t−1)²,   a = p·m,  b = q − p,  c = −q/m

    so ``a, b, c`` come from ordinary least squares (numpy's ``lstsq``) and::

        m = (−b − √(b² − 4ac)) / (2c),   p = a / m,   q = −c·m

    Source: Bass (1969), section on estimation. Raises ``ValueError`` with the
    reason when the series is shorter than ``MIN_FIT_PERIODS`` or has no
    adopters, or when the fit gives no valid market: growth that does not bend
    over (``c ≥ 0``), no real root, a market clearly smaller than the adopters
    already seen, or a negative p or q. That usually means the data stop before the
    peak or are not one wave of first purchases. (The discrete regression
    approximates the continuous model, so a market up to 10% below the adopters
    seen is accepted; see ``MARKET_SLACK``.)
    """
    n = _series("adopters", adopters)
    if len(n) < MIN_FIT_PERIODS:
        raise InputError(
            f"adopters has {len(n)} period{'s' if len(n) != 1 else ''}; fitting three numbers (p, q, market) "
            f"needs at least {MIN_FIT_PERIODS}, and a reliable fit needs periods past the peak"
        )
    if n.sum() == 0:
        raise InputError("adopters holds only zeros: nobody adopted, so there is nothing to fit")
    before = np.concatenate([[0.0], np.cumsum(n)[:-1]])
    design = np.column_stack([np.ones_like(before), before, before**2])
    (a, b, c), *_ = np.linalg.lstsq(design, n, rcond=None)
    seen = float(n.sum())
    if not c < 0:
        raise InputError(
            "the fit gives no valid market: new adopters do not slow down as adopters add up (c ≥ 0), "
            "so the curve never levels off. The series may stop before the peak"
        )
    disc = b * b - 4 * a * c
    if disc < 0:
        raise InputError(
            "the fit gives no valid market: the fitted curve never reaches zero new adopters "
            "(no real root). The series may not be one wave of first purchases"
        )
    market = (-b - math.sqrt(disc)) / (2 * c)
    if market <= 0 or market < MARKET_SLACK * seen:
        raise InputError(
            f"the fit gives no valid market: it says {market:,.1f}, clearly fewer than the {seen:,.0f} adopters "
            "already seen. The series may not be one wave of first purchases"
        )
    p, q = a / market, -c * market
    if p <= 0 or q < 0:
        raise InputError(
            f"the fit gives a market of {market:,.0f} but p = {p:.3g} and q = {q:.3g}; both must be positive "
            "(p above 0). Nobody can adopt with no outside influence: check the first periods"
        )
    fitted = design @ np.array([a, b, c])
    total = float(((n - n.mean()) ** 2).sum())
    r_squared = 1 - float(((n - fitted) ** 2).sum()) / total if total else math.nan
    return BassFit(float(p), float(q), float(market), float(a), float(b), float(c), r_squared, len(n))


# --- Net Promoter Score ----------------------------------------------------------------------


def _scores(scores: object) -> pd.Series:
    if isinstance(scores, pd.DataFrame):
        scores = _checks.columns(scores, ["score"], "the survey table")["score"]
    if isinstance(scores, (str, bytes)) or not isinstance(scores, Iterable):
        raise InputTypeError(
            f"scores must be a column or list of whole numbers from 0 to 10, but got {type(scores).__name__}"
        )
    values = pd.Series(list(scores), dtype="object")
    for i, v in values.items():
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise InputError(f"score number {i} is {v!r}; scores must be whole numbers from 0 to 10")
        number = float(v)
        if math.isnan(number):
            raise InputError(f"score number {i} is missing (NaN); drop unanswered rows before scoring")
        if not number.is_integer() or not 0 <= number <= 10:
            raise InputError(f"score number {i} is {v!r}; scores must be whole numbers from 0 to 10")
    return values.astype(int)


def promoter_groups(scores: object) -> pd.Series:
    """Counts of promoters (9–10), passives (7–8) and detractors (0–6) among survey scores.

    Source: Reichheld (2003). Scores must be whole numbers from 0 to 10.
    """
    values = _scores(scores)
    return pd.Series(
        {
            "promoters": int((values >= 9).sum()),
            "passives": int(((values >= 7) & (values <= 8)).sum()),
            "detractors": int((values <= 6).sum()),
            "responses": len(values),
        }
    )


def net_promoter_score(scores: object) -> float | Undefined:
    """Net Promoter Score: percentage of promoters minus percentage of detractors.

    Answers to "How likely are you to recommend us to a friend?" on a 0–10
    scale: promoters score 9 or 10, passives 7 or 8, detractors 0 to 6::

        NPS = 100 × (promoters − detractors) ÷ responses

    Passives count in the denominator only. The result runs from −100 (all
    detractors) to +100 (all promoters); it is in percentage points, not a
    share. ``scores`` is a column, list or the survey table (its ``score``
    column); with no scores at all (an empty list) it is :class:`Undefined`,
    and says so when the scores came from a filter that matched no rows, such
    as ``survey.loc[survey['source'] == 'Social', 'score']``.
    Source: Reichheld (2003), "The One Number You Need to Grow", Harvard
    Business Review 81(12).
    """
    groups = promoter_groups(scores)
    if groups["responses"] == 0 and (hint := filter_hint()):
        return Undefined("Net Promoter Score", f"there are no responses to divide by. {hint}")
    return _checks.ratio(
        100.0 * (groups["promoters"] - groups["detractors"]), groups["responses"], "Net Promoter Score", "responses"
    )


# --- lifetime value --------------------------------------------------------------------------


def customer_lifetime_value(margin: float, retention: float, discount: float, first_margin: bool = True) -> float:
    """What a client is worth today: margins while they stay, discounted, over an infinite horizon.

    A client brings ``margin`` each period (profit, not takings), stays from
    one period to the next with probability ``retention`` and future money is
    discounted at ``discount`` per period. Adding up
    ``margin × retention^t ÷ (1 + discount)^t`` for t = 0, 1, 2, … gives::

        CLV = margin × (1 + discount) ÷ (1 + discount − retention)

    That counts this period's margin (t = 0). Gupta and Lehmann (2003) start at
    t = 1, the margin of the next period, which gives exactly one margin less,
    ``margin × retention ÷ (1 + discount − retention)``: pass
    ``first_margin=False`` for their version. Both assume margin and
    retention stay constant. ``retention`` and ``discount`` are shares (0.8,
    not 80). Source: Gupta and Lehmann (2003), "Customers as Assets", Journal
    of Interactive Marketing 17(1), 9–24.
    """
    if isinstance(margin, bool) or not isinstance(margin, numbers.Real) or math.isnan(float(margin)):
        raise InputTypeError(f"margin must be a number (money per period), but got {margin!r}")
    retention = _checks.rate("retention", retention)
    discount = _checks.positive("discount", discount, allow_zero=True)
    if discount > 1:
        raise InputError(
            f"discount must be a share per period such as 0.1 for 10%, but got {discount:g}"
            + (" (a percentage? divide by 100)" if discount <= 100 else "")
        )
    if retention == 1 and discount == 0:
        raise InputError("with retention 1 and discount 0 a client stays and counts forever: the value is infinite")
    multiple = (1 + discount) if first_margin else retention
    return float(margin) * multiple / (1 + discount - retention)


# --- return on social media, beyond sales --------------------------------------------------


def monthly_new_clients(leads: pd.DataFrame, source: str | None = "social") -> pd.Series:
    """New clients per calendar month (from a ``source``, or all with ``None``), quiet months as 0.

    A lead whose furthest stage is ``client`` counts in the month of its
    ``date``. The months run from the first to the last month in ``leads``.
    """
    leads = _checks.columns(leads, ["date", "source", "stage"], "the leads table")
    dates = datetimes(leads["date"], "the column 'date' of the leads table")
    months = pd.period_range(dates.min().to_period("M"), dates.max().to_period("M"), freq="M")
    chosen = leads["stage"] == "client"
    if source is not None:
        known = sorted(leads["source"].dropna().unique())
        if source not in known:
            raise InputError(f"no leads come from {source!r}; sources: {', '.join(map(str, known))}")
        chosen &= leads["source"] == source
    counts = dates[chosen].dt.to_period("M").value_counts().reindex(months, fill_value=0).sort_index()
    counts.index.name = "month"
    return counts.rename("new_clients").astype(int)


def social_roi(
    posts: pd.DataFrame,
    leads: pd.DataFrame,
    sales: pd.DataFrame,
    survey: pd.DataFrame,
    channel: str = "social",
    referral: str = "word of mouth",
    cost: float | None = None,
) -> pd.DataFrame:
    """The return on social media as four kinds of value side by side: visibility, reputation, referrals, sales.

    The source texts insist that the return is not sales alone, so nothing here
    is converted to money or added up. One row per measure:

    - visibility: impressions (times posts were shown, repeats counted), mean
      reach per post, and followers at the last post (from ``posts``);
    - reputation: the Net Promoter Score of all surveyed clients and of those who
      came through ``channel`` (Reichheld 2003);
    - referrals: clients who came by ``referral`` (word of mouth), and their
      share of all clients;
    - sales: clients who came through ``channel``, what they spent, and, if a
      ``cost`` is given, ``(sales − cost) ÷ cost`` on takings (not profit).

    Returns columns ``dimension``, ``measure``, ``value`` and ``unit``. A value
    whose denominator is zero is NaN (undefined). Sources: the source texts on
    social media's return; Hoffman and Fodor (2010) on measuring what customers
    do rather than money alone.
    """
    posts = _checks.columns(posts, ["reach", "impressions", "followers"], "posts")
    _checks.counts(posts, ["reach", "impressions", "followers"], "posts")
    leads = _checks.columns(leads, ["person", "source", "stage"], "the leads table")
    sales = _checks.columns(sales, ["person", "source", "amount"], "the sales table")
    survey = _checks.columns(survey, ["source", "score"], "the survey table")
    amounts = sales["amount"]
    if not pd.api.types.is_numeric_dtype(amounts) or amounts.isna().any() or (amounts < 0).any():
        raise InputError("the column 'amount' of the sales table must hold money amounts of 0 or more, with no gaps")
    sources = set(leads["source"])
    for name, value in (("channel", channel), ("referral", referral)):
        if value not in sources:
            raise InputError(
                f"{name} {value!r} is not a source in the leads table; sources: {', '.join(sorted(map(str, sources)))}"
            )
    clients = leads[leads["stage"] == "client"]
    from_channel = clients[clients["source"] == channel]
    referred = clients[clients["source"] == referral]
    channel_scores = survey.loc[survey["source"] == channel, "score"]
    channel_sales = float(amounts[sales["source"] == channel].sum())
    rows = [
        ("visibility", "impressions (times posts were shown)", float(posts["impressions"].sum()), "impressions"),
        ("visibility", "mean reach per post", float(posts["reach"].mean()), "accounts per post"),
        ("visibility", "followers at the last post", float(posts["followers"].iloc[-1]), "followers"),
        (
            "reputation",
            "Net Promoter Score, all surveyed clients",
            float(net_promoter_score(survey["score"])),
            "points (−100 to 100)",
        ),
        (
            "reputation",
            f"Net Promoter Score, clients from {channel}",
            float(net_promoter_score(channel_scores)),
            "points (−100 to 100)",
        ),
        ("referrals", f"clients who came by {referral}", float(len(referred)), "clients"),
        (
            "referrals",
            f"share of all clients who came by {referral}",
            len(referred) / len(clients) if len(clients) else math.nan,
            "share of clients",
        ),
        ("sales", f"clients who came through {channel}", float(len(from_channel)), "clients"),
        ("sales", f"sales to clients from {channel}", channel_sales, "pounds"),
    ]
    if cost is not None:
        cost = _checks.positive("cost", cost, allow_zero=True)
        rows.append(
            (
                "sales",
                "return on cost, (sales − cost) ÷ cost, on takings",
                (channel_sales - cost) / cost if cost else math.nan,
                "per pound spent",
            )
        )
    return pd.DataFrame(rows, columns=["dimension", "measure", "value", "unit"])


#: how :func:`readable_roi` writes a value, by its unit (anything else: two decimals)
ROI_FORMATS = {
    "impressions": "{:,.0f}",
    "followers": "{:,.0f}",
    "clients": "{:,.0f}",
    "accounts per post": "{:,.1f}",
    "points (−100 to 100)": "{:.1f}",
    "share of clients": "{:.1%}",
    "pounds": "£{:,.2f}",
    "per pound spent": "{:,.2f}",
}


def readable_roi(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`social_roi`'s table with each value written for reading, in its own unit.

    Counts get thousands separators and no decimals, shares a percent sign,
    money a pound sign; an undefined value (NaN) reads "undefined". The numbers
    themselves stay in :func:`social_roi`'s table, for computing with.
    """
    table = _checks.columns(table, ["measure", "value", "unit"], "the social_roi table")
    if not pd.api.types.is_numeric_dtype(table["value"]):
        raise InputError("the column 'value' must hold numbers, as social_roi returns it")

    def write(value: float, unit: str) -> str:
        if pd.isna(value):
            return "undefined"
        return ROI_FORMATS.get(unit, "{:,.2f}").format(value)

    shown = table.copy()
    shown["value"] = [write(v, u) for v, u in zip(table["value"], table["unit"])]
    return shown


# --- in practice: tagged links (UTM parameters) and the cost side ------------------------------

#: The campaign tags a link can carry, in the order :func:`tag_link` writes them. Google Analytics
#: reads them from the address a visitor lands on (``utm_source=...``); source, medium and campaign
#: are required here, content and term optional.
UTM_FIELDS = ("source", "medium", "campaign", "content", "term")
UTM_REQUIRED = ("source", "medium", "campaign")
#: What :func:`tally_visits` writes for a visit whose address carries no such tag.
NO_TAG = "(no tag)"

_TAG_EXAMPLES = {"source": "'facebook'", "medium": "'social'", "campaign": "'spring_sale'"}


def _address(url: object, what: str = "url") -> urllib.parse.SplitResult:
    """``url`` split into its parts, if it is a whole web address (``https://`` and a site)."""
    if not isinstance(url, str):
        raise InputTypeError(
            f"{what} must be a web address in quotes, such as 'https://fernleaf.example/spring', "
            f"but got {type(url).__name__}"
        )
    text = url.strip()
    if not text:
        raise InputError(f"{what} is empty: give a web address such as 'https://fernleaf.example/spring'")
    if any(c.isspace() for c in text):
        raise InputError(
            f"{what} {text!r} has a space in it; a web address has none. Copy the address from the "
            "browser's address bar"
        )
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        where = text.split("://", 1)[-1]
        raise InputError(
            f"{what} {text!r} is not a whole web address: it needs to start with https:// "
            f"(or http://) and a site name, as in 'https://{where.lstrip('/')}'",
            rewrite={text: f"https://{where.lstrip('/')}"},
        )
    return parts


def tag_link(
    url: str,
    source: str | None = None,
    medium: str | None = None,
    campaign: str | None = None,
    content: str | None = None,
    term: str | None = None,
) -> str:
    """``url`` with campaign tags added: ``utm_source``, ``utm_medium``, ``utm_campaign`` and, if
    given, ``utm_content`` and ``utm_term``.

    Google Analytics reads these tags from the address a visitor arrives at and reports its
    visits by source, medium and campaign (Google Analytics Help, "Collect campaign data with
    custom URLs"). The tags are written in lower case, so that "Facebook" and "facebook" never
    count as two sources, and URL-encoded by :mod:`urllib.parse` (a space becomes ``%20``). Any
    other part of the address (a path, other parameters, a ``#section``) is kept.

    Raises :class:`~sevencs.errors.InputError` for an address without ``https://``, a missing
    source, medium or campaign, an empty tag, or an address that already carries campaign tags.
    """
    parts = _address(url)
    given = {"source": source, "medium": medium, "campaign": campaign, "content": content, "term": term}
    missing = [name for name in UTM_REQUIRED if given[name] is None]
    if missing:
        example = ", ".join(f"{n}={_TAG_EXAMPLES[n]}" for n in missing)
        raise InputError(
            f"a tagged link needs a source, a medium and a campaign, but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing: add {example}"
        )
    tags: list[tuple[str, str]] = []
    for name, value in given.items():
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputTypeError(
                f"{name} must be text in quotes, such as {_TAG_EXAMPLES.get(name, repr('bio'))}, but got {value!r}"
            )
        if not value.strip():
            raise InputError(f"{name} is empty: give it a short name, such as {_TAG_EXAMPLES.get(name, repr('bio'))}")
        tags.append((f"utm_{name}", value.strip().lower()))
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    already = sorted({key for key, _ in query if key.lower().startswith("utm_")})
    if already:
        raise InputError(
            f"the address already carries campaign tags ({', '.join(already)}); start from the page's own "
            "address, without the part from utm_ on"
        )
    encoded = urllib.parse.urlencode(query + tags, quote_via=urllib.parse.quote)
    return urllib.parse.urlunsplit(parts._replace(query=encoded))


def read_tags(url: str) -> dict[str, str | None]:
    """The page and the campaign tags of one landing-page address, as a dictionary.

    Returns ``page`` (the address without its parameters) and one entry per :data:`UTM_FIELDS`
    (``source``, ``medium``, ``campaign``, ``content``, ``term``), each the tag's value as written
    (decoded, not changed to lower case) or None when the address does not carry it. Other
    parameters, such as the ``fbclid`` Facebook adds to links, are left out; a tag given twice
    counts with its first value.
    """
    parts = _address(url)
    found: dict[str, str] = {}
    for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
        name = key.lower().removeprefix("utm_")
        if key.lower().startswith("utm_") and name in UTM_FIELDS and name not in found:
            found[name] = value
    page = urllib.parse.urlunsplit(parts._replace(query="", fragment=""))
    return {"page": page, **{name: (found.get(name) or None) for name in UTM_FIELDS}}


def tally_visits(urls: object, by: str | Iterable[str] = ("source", "medium", "campaign")) -> pd.DataFrame:
    """Visits counted by their campaign tags, from a list of landing-page addresses (one per visit).

    ``by`` is one tag name (``"source"``) or several; a visit whose address lacks a tag counts
    under :data:`NO_TAG`. Tags are compared as written, so "Facebook" and "facebook" are two
    sources, as they would be in an analytics report. Returns the columns of ``by``, ``visits``
    and ``share`` (of all visits), the most visited first.
    """
    fields = [by] if isinstance(by, str) else list(by) if isinstance(by, Iterable) else None
    if not fields:
        raise InputError(f"by must be one tag name or a list of them, from: {', '.join(UTM_FIELDS)}")
    fields = [_checks.one_of("by", name, UTM_FIELDS) for name in fields]
    if isinstance(urls, pd.DataFrame):
        raise InputTypeError(
            "urls must be one column of addresses (a list or a Series), not a whole table: pick the "
            "column that holds the landing pages, such as table['landing_page']"
        )
    if isinstance(urls, (str, bytes)) or not isinstance(urls, Iterable):
        raise InputTypeError(
            f"urls must be a list of web addresses, one per visit, but got {type(urls).__name__}"
            + ("; for one address, use read_tags(url)" if isinstance(urls, str) else "")
        )
    rows = []
    for i, url in enumerate(urls):
        try:
            tags = read_tags(url)
        except (InputError, InputTypeError) as error:
            raise type(error)(f"visit number {i}: {error}") from None
        rows.append({name: tags[name] or NO_TAG for name in fields})
    if not rows:
        raise InputError("there are no visits to count: the list of addresses is empty")
    table = pd.DataFrame(rows, columns=fields).value_counts().rename("visits").reset_index()
    table = table.sort_values(["visits", *fields], ascending=[False] + [True] * len(fields), ignore_index=True)
    table["share"] = table["visits"] / table["visits"].sum()
    return table


def marketing_cost(hours: float, hour_value: float, spend: float = 0.0) -> pd.Series:
    """What marketing work costs: the hours put in times what an hour is worth, plus money spent.

    ``time = hours × hour_value``; ``total = time + spend``. ``hour_value`` is what an hour of the
    owner's time is worth to the business (what they would pay someone to do it, or could earn
    doing something else); ``spend`` is money paid out, such as boosted posts and tools. Returns
    a Series with ``hours``, ``time``, ``spend`` and ``total``, the last three in money.
    """
    hours = _checks.positive("hours", hours, allow_zero=True, unit="hours")
    hour_value = _checks.positive("hour_value", hour_value, allow_zero=True, unit="money per hour")
    spend = _checks.positive("spend", spend, allow_zero=True, unit="money")
    time = hours * hour_value
    return pd.Series({"hours": hours, "time": time, "spend": spend, "total": time + spend}, name="cost")


def cost_per(cost: float, results: float, what: str = "results") -> float | Undefined:
    """``cost ÷ results``: what each visit, code used or sale cost; :class:`Undefined` with no results.

    ``what`` names the results, in the plural ("visits", "codes used"), for the messages.
    """
    cost = _checks.positive("cost", cost, allow_zero=True, unit="money")
    results = _checks.positive("results", results, allow_zero=True, unit=what)
    return _checks.ratio(cost, results, f"the cost of each of the {what}", what)


# --- the nursery's spring campaign (synthetic) ----------------------------------------------------


@dataclass(frozen=True)
class CampaignLink:
    """One tagged link of the nursery's spring campaign, and what it brought (synthetic numbers).

    ``visits`` are the visits the website logged through the link in April 2026, ``code`` the
    promo code the post or email carried and ``codes_used`` how many times it was given at the
    till; ``hours`` is Dana's time to make the post or email and ``spend`` the money paid for it.
    """

    place: str
    source: str
    medium: str
    campaign: str
    content: str | None
    visits: int
    code: str | None
    codes_used: int
    hours: float
    spend: float

    @property
    def link(self) -> str:
        """The tagged link itself, as :func:`tag_link` writes it."""
        return tag_link(SPRING_PAGE, self.source, self.medium, self.campaign, self.content)


#: The page the spring campaign's links lead to (``.example`` is a name reserved for examples).
SPRING_PAGE = "https://fernleaf.example/spring"

#: The nursery's spring sale, April 2026: each link Dana shared, with its tags and results.
SPRING_LINKS = (
    CampaignLink(
        "Instagram profile (bio) link", "instagram", "social", "spring_sale", "bio", 34, "BIO10", 3, 0.25, 0.0
    ),
    CampaignLink("Facebook post", "facebook", "social", "spring_sale", "seedling_post", 26, "POST10", 2, 0.5, 0.0),
    CampaignLink(
        "the same post, boosted", "facebook", "paid_social", "spring_sale", "boosted_post", 58, "BOOST10", 6, 0.5, 30.0
    ),
    CampaignLink(
        "email to existing customers", "newsletter", "email", "spring_sale", "april_email", 47, "EMAIL10", 11, 1.5, 0.0
    ),
    CampaignLink(
        "Google Business Profile website button", "google", "organic", "business_profile", None, 29, None, 0, 0.0, 0.0
    ),
)

#: Visits that came without the campaign's tags: a printed flyer whose link was typed by hand
#: (capitals, no medium), and people who typed the address or followed an untagged link.
SPRING_OTHER_VISITS = (
    ("https://fernleaf.example/spring?utm_source=Flyer&utm_campaign=Spring_Sale", 6),
    ("https://fernleaf.example/", 41),
    ("https://fernleaf.example/spring", 15),
)


def campaign_costs(links: Iterable[CampaignLink] = SPRING_LINKS, hour_value: float = 15.0) -> pd.DataFrame:
    """What each tagged link cost and what each visit and each promo code used cost through it.

    One row per link, indexed by ``place``: ``source``, ``medium``, ``visits``, ``code``,
    ``codes_used``, ``minutes`` (Dana's time), ``spend``, ``cost`` (:func:`marketing_cost` at
    ``hour_value`` an hour), ``per_visit`` and ``per_code`` (:func:`cost_per`; undefined for a
    link whose code was never used, or that carried none).
    """
    rows = []
    for link in links:
        cost = float(marketing_cost(link.hours, hour_value, link.spend)["total"])
        rows.append(
            {
                "place": link.place,
                "source": link.source,
                "medium": link.medium,
                "visits": link.visits,
                "code": link.code or "",
                "codes_used": link.codes_used,
                "minutes": round(link.hours * 60),
                "spend": link.spend,
                "cost": cost,
                "per_visit": cost_per(cost, link.visits, "visits"),
                "per_code": cost_per(cost, link.codes_used, "codes used"),
            }
        )
    return pd.DataFrame(rows).set_index("place")


def spring_landing_pages() -> list[str]:
    """The landing-page address of every visit to the nursery's website in April 2026 (synthetic).

    One address per visit, in the order they came (a fixed shuffle): the tagged links of
    :data:`SPRING_LINKS` (Facebook adds its own ``fbclid`` parameter to some), and the visits
    of :data:`SPRING_OTHER_VISITS`. This is what a website's log of landing pages looks like.
    """
    urls = []
    for link in SPRING_LINKS:
        tagged = link.link
        for i in range(link.visits):
            # Facebook adds a click id to links people follow from it; it is not a campaign tag
            urls.append(f"{tagged}&fbclid=IwAR{i:04d}" if link.source == "facebook" and i % 2 else tagged)
    for url, visits in SPRING_OTHER_VISITS:
        urls.extend([url] * visits)
    order = np.random.default_rng(2026).permutation(len(urls))
    return [urls[i] for i in order]
