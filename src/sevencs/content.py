"""Content: useful, free posts get passed on; sale notices mostly do not.

The source texts ask a business to give away useful, relevant content (the
nursery's lawn-care guide) rather than advertise (its sale notice), because
people share what is useful to them. This module measures that with the
numbers a post leaves behind:

- :func:`amplification_rate`: shares per post (Kaushik 2011);
- :func:`engagement_rate`: likes, comments and shares divided by reach,
  impressions or followers, with the denominator carried in the result so two
  rates with different denominators cannot be compared by accident;
- :func:`rates_by_type`: both rates for each type of post;
- :func:`content_mix` and :func:`mix_distance`: the share of each type of
  post, and how far that mix is from a rule of thumb (80/20, 4-1-1, thirds);
- :func:`simulate_mix`: what a different mix would be expected to earn, from
  the per-type rates of a table of posts (:func:`mix_curve`: for every mix);
- :func:`simulate_cascade`, :func:`average_cascade`, :func:`cascade_threshold`:
  how far a post travels through a network of friends when each person who
  passes it on convinces each friend with probability ``p`` (the independent
  cascade model of Kempe, Kleinberg and Tardos 2003); :func:`cascade_curves`
  averages it over a range of ``p`` on several networks;
- :func:`time_budget` and :func:`content_hours`: the hours a week of posts
  takes to make, one sitting per piece or batched into a few sessions.

Posts tables need the columns of :func:`sevencs.datasets.load_posts`
(``type``, ``reach``, ``impressions``, ``followers``, ``likes``, ``comments``,
``shares``); each function checks only the ones it uses.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from sevencs import _checks
from sevencs.datasets import ACCOUNT_NAMES
from sevencs.errors import InputError

__all__ = [
    "DENOMINATORS",
    "ENGAGEMENTS",
    "FORMAT_MINUTES",
    "GROUPS",
    "NURSERY_WEEK",
    "RULES",
    "SETUP_MINUTES",
    "Rate",
    "Rule",
    "amplification_rate",
    "average_cascade",
    "cascade_curves",
    "cascade_threshold",
    "compare_to_rule",
    "content_hours",
    "content_mix",
    "engagement_rate",
    "group_mix",
    "mix_curve",
    "mix_distance",
    "planned_mix",
    "rates_by_type",
    "simulate_cascade",
    "simulate_mix",
    "time_budget",
]

#: What counts as an engagement: the three things a person can do to a post.
ENGAGEMENTS = ("likes", "comments", "shares")

#: The denominators an engagement rate may use, and what each one counts.
DENOMINATORS = {
    "reach": "accounts that saw the post at least once",
    "impressions": "times the post was shown, repeats counted",
    "followers": "the account's followers on the day of the post",
}

#: How the nursery's post types fall into the groups the rules of thumb talk about.
GROUPS = {
    "how-to": "value",
    "story": "value",
    "question": "conversation",
    "promotional": "promotional",
}


# --- rates -------------------------------------------------------------------------------------


class Rate(float):
    """A rate that remembers its denominator, e.g. ``0.068 (engagements ÷ reach)``.

    It is an ordinary number in arithmetic. Comparing it with a rate that has
    a *different* denominator raises ``ValueError``: an engagement rate by
    followers and one by reach measure different things, so which is "higher"
    means nothing.
    """

    numerator: str
    denominator: str
    method: str

    def __new__(cls, value: float, numerator: str, denominator: str, method: str = "ratio of sums") -> Rate:
        rate = super().__new__(cls, value)
        rate.numerator, rate.denominator, rate.method = numerator, denominator, method
        return rate

    @property
    def label(self) -> str:
        return f"{self.numerator} ÷ {self.denominator}"

    def __repr__(self) -> str:
        return f"{float(self):.4g} ({self.label}, {self.method})"

    __str__ = __repr__

    def _same_base(self, other: object) -> None:
        if isinstance(other, Rate) and other.denominator != self.denominator:
            raise InputError(
                f"these two rates have different denominators ({self.label} and {other.label}); "
                "comparing them means nothing. Compute both with the same `by=`."
            )

    def __lt__(self, other):
        self._same_base(other)
        return float(self) < other

    def __le__(self, other):
        self._same_base(other)
        return float(self) <= other

    def __gt__(self, other):
        self._same_base(other)
        return float(self) > other

    def __ge__(self, other):
        self._same_base(other)
        return float(self) >= other

    __hash__ = float.__hash__


def _posts(posts: object, needed: Iterable[str]) -> pd.DataFrame:
    needed = list(needed)
    frame = _checks.columns(posts, needed, "posts")
    _checks.counts(frame, [c for c in needed if c != "type"], "posts")
    return frame


def amplification_rate(posts: pd.DataFrame) -> float:
    """Shares per post: how often, on average, one post is passed on.

    Formula: ``amplification rate = total shares ÷ number of posts``. The
    denominator is posts, not people, so it is a count per post (0.5 means one
    share for every two posts), not a percentage. Because every post counts
    once, the ratio of the totals and the mean of the per-post counts are the
    same number here.

    Source: Kaushik (2011), one of his four social-media metrics; the name says
    that a share amplifies a post to the sharer's own friends.
    """
    frame = _posts(posts, ["shares"])
    return Rate(frame["shares"].sum() / len(frame), "shares", "posts", "per post")


def engagement_rate(posts: pd.DataFrame, by: str = "reach", average: str = "ratio") -> Rate | _checks.Undefined:
    """Engagements (likes + comments + shares) divided by ``by``: reach, impressions or followers.

    The three denominators answer three different questions:

    - ``by="reach"``: of the accounts that saw a post, how much did they engage?
      (``DENOMINATORS["reach"]``);
    - ``by="impressions"``: per time a post was shown, repeats counted; lower
      than by reach, because one account may see a post several times;
    - ``by="followers"``: per follower; it can exceed 1 when shares carry a
      post beyond the followers.

    ``average="ratio"`` (the default) divides the totals, so a post seen by
    many weighs more::

        engagement rate = (Σ likes + Σ comments + Σ shares) ÷ Σ by

    ``average="post"`` takes each post's own rate and averages those, so every
    post weighs the same; a post with a zero denominator then makes the
    average undefined. Vendors use both; state which you use.

    Returns a :class:`Rate` that prints its denominator and refuses to be
    compared with a rate that has another one. If the denominator adds up to
    zero, returns :class:`~sevencs._checks.Undefined` (not 0, not infinity).
    Sources: Kaushik (2011) for counting what happens after a post; the three
    denominators follow the engagement-rate variants social-media tools report.
    """
    by = _checks.one_of("by", by, DENOMINATORS)
    if average not in ("ratio", "post"):
        raise InputError(f"average must be 'ratio' (ratio of sums) or 'post' (mean of per-post rates), got {average!r}")
    frame = _posts(posts, [*ENGAGEMENTS, by])
    engaged = frame[list(ENGAGEMENTS)].sum(axis=1)
    what = f"engagement rate by {by}"
    if average == "ratio":
        value = _checks.ratio(engaged.sum(), frame[by].sum(), what, by)
        return value if isinstance(value, _checks.Undefined) else Rate(value, "engagements", by, "ratio of sums")
    zero = frame.index[frame[by] == 0]
    if len(zero):
        return _checks.Undefined(what, f"post in row {zero[0]!r} has zero {by}, so its own rate is undefined")
    return Rate((engaged / frame[by]).mean(), "engagements", by, "mean of per-post rates")


def rates_by_type(posts: pd.DataFrame, by: str = "reach") -> pd.DataFrame:
    """For each post type: posts, share of all posts, amplification rate and engagement rate.

    Columns: ``type``, ``posts``, ``share_of_posts``, ``likes``, ``comments``,
    ``shares``, ``engagements`` and ``by`` (totals), ``amplification_rate``
    (shares ÷ posts), ``engagement_rate`` (engagements ÷ ``by``, ratio of
    sums). NaN in ``engagement_rate`` means undefined (that type's ``by``
    adds up to zero). Sorted by amplification rate, highest first. The
    denominator is also kept in ``table.attrs["denominator"]``.
    """
    by = _checks.one_of("by", by, DENOMINATORS)
    frame = _posts(posts, ["type", *ENGAGEMENTS, by])
    table = frame.groupby("type", sort=True)[[*ENGAGEMENTS, by]].sum()
    table.insert(0, "posts", frame.groupby("type", sort=True).size())
    table.insert(1, "share_of_posts", table["posts"] / len(frame))
    table["engagements"] = table[list(ENGAGEMENTS)].sum(axis=1)
    table["amplification_rate"] = table["shares"] / table["posts"]
    denominator = table[by].where(table[by] > 0)
    table["engagement_rate"] = table["engagements"] / denominator
    table = table.reset_index().sort_values(["amplification_rate", "type"], ascending=[False, True], ignore_index=True)
    table.attrs["denominator"] = by
    return table


# --- the content mix ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A rule of thumb for the content mix: target shares of groups of posts."""

    name: str
    targets: dict[str, float]
    meaning: str
    source: str


RULES: dict[str, Rule] = {
    "80/20": Rule(
        "80/20",
        {"not promotional": 0.8, "promotional": 0.2},
        "four posts in five are useful to the audience; at most one in five is about you",
        "a rule of thumb passed around by marketers; no study behind it is known",
    ),
    "4-1-1": Rule(
        "4-1-1",
        {"not promotional": 5 / 6, "promotional": 1 / 6},
        "for every post that promotes you, re-share one relevant post and share four pieces of "
        "relevant content written by others; five in six posts are not about you, so the check is "
        "5/6 against 1/6 (the rule's further ask, that those posts be other people's work, is not "
        "checked here)",
        "Tippingpoint Labs (2009), for Twitter; popularised by Joe Pulizzi of the Content Marketing "
        "Institute; a rule of thumb, not a finding",
    ),
    "thirds": Rule(
        "thirds",
        {"value": 1 / 3, "conversation": 1 / 3, "promotional": 1 / 3},
        "a third useful or informative posts, a third conversation, a third promotion",
        "a rule of thumb with no known origin; its versions differ, and no study behind it is known",
    ),
}


def content_mix(posts: pd.DataFrame) -> pd.Series:
    """The share of posts of each type, largest first (a Series named ``share`` summing to 1).

    Formula: ``share of type t = posts of type t ÷ all posts``.
    """
    frame = _checks.columns(posts, ["type"], "posts")
    if frame["type"].isna().any():
        row = frame.index[frame["type"].isna()][0]
        raise InputError(f"the column 'type' of posts has a missing value in row {row!r}; every post needs a type")
    counts = frame["type"].value_counts()
    shares = (counts / counts.sum()).rename("share")
    order = sorted(shares.index, key=lambda t: (-shares[t], str(t)))
    return shares.reindex(order).rename_axis("type")


def _mix_of(posts: pd.DataFrame | pd.Series) -> pd.Series:
    if isinstance(posts, pd.Series):
        if posts.empty:
            raise InputError("the mix is empty: there are no post types to compare")
        if posts.isna().any() or (posts < 0).any() or abs(float(posts.sum()) - 1) > 1e-6:
            raise InputError("a mix must hold shares of posts by type, none negative or missing, adding up to 1")
        return posts
    return content_mix(posts)


def _rule(rule: str) -> Rule:
    if rule not in RULES:
        raise InputError(f"there is no rule {rule!r}; rules: {', '.join(repr(r) for r in RULES)}")
    return RULES[rule]


def group_mix(mix: pd.Series, rule: str = "80/20", groups: Mapping[str, str] | None = None) -> pd.Series:
    """A mix by post type (from :func:`content_mix`) summed into the groups a rule uses.

    ``groups`` maps each post type to ``value``, ``conversation`` or
    ``promotional`` (default :data:`GROUPS`, for the nursery's types). The
    80/20 and 4-1-1 rules only tell promotional posts from the rest, so for
    them value and conversation are added up as ``not promotional``.
    """
    targets = _rule(rule).targets
    by_type: dict[Hashable, str] = {kind: group for kind, group in (GROUPS if groups is None else groups).items()}
    unknown = [t for t in mix.index if t not in by_type]
    if unknown:
        raise InputError(
            f"no group for the post type{'s' if len(unknown) > 1 else ''} {', '.join(repr(t) for t in unknown)}; "
            f"pass groups={{type: 'value' | 'conversation' | 'promotional'}} "
            f"(known types: {', '.join(map(str, by_type))})"
        )
    summed = {name: 0.0 for name in targets}
    for kind, share in mix.items():
        group = by_type[kind]
        if group != "promotional" and "not promotional" in targets:
            group = "not promotional"
        if group not in summed:
            raise InputError(f"the group {group!r} (for {kind!r}) is not one of value, conversation, promotional")
        summed[group] += float(share)
    return pd.Series(summed, name="share").rename_axis("group")


def mix_distance(
    posts: pd.DataFrame | pd.Series, rule: str = "80/20", groups: Mapping[str, str] | None = None
) -> float:
    """How far the posts' mix is from a rule: the total variation distance, 0 (on target) to 1.

    ``posts`` is a table of posts, or a mix already computed (shares by type,
    as from :func:`content_mix` or :func:`planned_mix`).

    With ``o`` the observed share of each group and ``t`` the rule's target::

        distance = ½ × Σ |o − t|     over the rule's groups

    It is the share of posts that would have to change group to meet the rule.
    For the two-group rules (80/20, 4-1-1) it is simply how far the promotional
    share is from its target: ``|promotional share − 0.2|`` for 80/20.
    The rules are in :data:`RULES`, with their sources; all three are rules of
    thumb, not research findings.
    """
    table = compare_to_rule(posts, rule, groups)
    return float(table.attrs["distance"])


def compare_to_rule(
    posts: pd.DataFrame | pd.Series, rule: str = "80/20", groups: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """The observed share of each of a rule's groups next to its target.

    ``posts`` is a table of posts or a mix (shares by type). Columns
    ``group``, ``observed``, ``target``, ``difference`` (observed − target).
    ``table.attrs["distance"]`` holds :func:`mix_distance`.
    """
    targets = _rule(rule).targets
    mix = _mix_of(posts)
    observed = group_mix(mix, rule, groups)
    table = pd.DataFrame(
        {"group": list(targets), "observed": [observed[g] for g in targets], "target": list(targets.values())}
    )
    table["difference"] = table["observed"] - table["target"]
    table.attrs["distance"] = 0.5 * table["difference"].abs().sum()
    table.attrs["rule"] = rule
    return table


def planned_mix(posts: pd.DataFrame, promotional_share: float) -> pd.Series:
    """A mix by post type with ``promotional_share`` promotional posts; the rest as in ``posts``.

    The non-promotional types keep the proportions they have among the
    non-promotional posts of ``posts``. Returns shares by type summing to 1,
    the same shape as :func:`content_mix`.
    """
    share = _checks.rate("promotional_share", promotional_share)
    mix = content_mix(posts)
    if "promotional" not in mix.index:
        raise InputError("posts has no promotional posts, so there is no rate to plan them with")
    others = mix.drop(index="promotional")
    if others.empty and share < 1:
        raise InputError("posts has only promotional posts, so there is no rate to plan the others with")
    planned = pd.Series(0.0, index=mix.index, name="share")
    planned["promotional"] = share
    if not others.empty:
        planned[others.index] = (1 - share) * others / others.sum()
    return planned


def simulate_mix(posts: pd.DataFrame, promotional_share: float, posts_count: int = 15, by: str = "reach") -> pd.Series:
    """What ``posts_count`` posts with a given promotional share would be expected to earn.

    The per-type averages come from ``posts`` (:func:`rates_by_type`). The
    promotional posts take ``promotional_share`` of the plan; the other posts
    keep the proportions the types have among the non-promotional posts of
    ``posts``. For each type with ``n_t`` planned posts::

        expected likes = Σ n_t × (likes per post of type t), and so on
        expected engagement rate = Σ n_t × engagements_t ÷ Σ n_t × by_t   (ratio of sums)

    Returns a Series with ``posts``, ``promotional_posts``, ``likes``,
    ``comments``, ``shares``, ``engagements``, ``amplification_rate`` and
    ``engagement_rate`` (a :class:`Rate` naming its denominator). Expected
    numbers, so they have decimals; they assume each type keeps performing as
    it did, which a real audience tired of sale notices may not.
    """
    count = _checks.whole_number("posts_count", posts_count, 1)
    table = rates_by_type(posts, by).set_index("type")
    planned = count * planned_mix(posts, promotional_share).reindex(table.index)
    share = float(planned["promotional"]) / count
    per_post = table[[*ENGAGEMENTS, by]].div(table["posts"], axis=0)
    expected = per_post.mul(planned, axis=0).sum()
    engagements = float(expected[list(ENGAGEMENTS)].sum())
    rate = _checks.ratio(engagements, float(expected[by]), f"engagement rate by {by}", by)
    return pd.Series(
        {
            "posts": count,
            "promotional_posts": count * share,
            "likes": float(expected["likes"]),
            "comments": float(expected["comments"]),
            "shares": float(expected["shares"]),
            "engagements": engagements,
            "amplification_rate": Rate(float(expected["shares"]) / count, "shares", "posts", "per post"),
            "engagement_rate": rate if isinstance(rate, _checks.Undefined) else Rate(rate, "engagements", by),
        },
        dtype=object,
    )


def mix_curve(posts: pd.DataFrame, by: str = "reach", points: int = 41) -> pd.DataFrame:
    """Expected engagements and shares per post at evenly spaced promotional shares from 0 to 1.

    One row per share (``points`` of them, 0 and 1 included) with the columns
    ``promotional_share``, ``engagements`` and ``shares``: :func:`simulate_mix`
    for a plan of one post, so the curve reads "expected back per post".
    """
    points = _checks.whole_number("points", points, 2)
    rows = []
    for share in np.linspace(0.0, 1.0, points):
        plan = simulate_mix(posts, float(share), 1, by)
        rows.append({"promotional_share": share, "engagements": plan["engagements"], "shares": plan["shares"]})
    return pd.DataFrame(rows)


# --- the time budget --------------------------------------------------------------------------

#: Minutes to make one piece of each format, from idea to posting. These are the sample
#: business's own estimates for the book's worked example, not a measurement: time your own.
FORMAT_MINUTES: dict[str, float] = {"short video": 45, "carousel": 30, "photo post": 15, "story": 5}

#: Minutes to get going each time you sit down to make content (tidy the bench, set up the
#: light and the phone, decide what to say): paid once per sitting. An assumption, like the above.
SETUP_MINUTES = 10

#: The nursery's planned week: four feed posts (three or four a week, as in the sample data)
#: and five stories.
NURSERY_WEEK: dict[str, int] = {"short video": 1, "carousel": 1, "photo post": 2, "story": 5}


def _plan(plan: object, minutes: Mapping[str, float]) -> dict[str, int]:
    if not isinstance(plan, Mapping):
        raise InputError(
            f"plan must be a dict of format → pieces a week, such as {{'short video': 1, 'story': 5}}, "
            f"but got {type(plan).__name__}"
        )
    counts = {}
    for name, pieces in plan.items():
        _checks.one_of("a format in plan", name, minutes)
        counts[name] = _checks.whole_number(f"plan[{name!r}]", pieces)
    return counts


def time_budget(plan: Mapping[str, int], minutes: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The making time of a week's plan, one row per format.

    Columns ``format``, ``pieces`` (a week), ``minutes_each`` and ``minutes`` (``pieces ×
    minutes_each``). ``minutes`` defaults to :data:`FORMAT_MINUTES`, whose numbers are
    estimates for the worked example; replace them with your own timings. Set-up time is
    not in the table: it depends on how the work is batched (:func:`content_hours`).
    """
    each = {k: _checks.positive(f"minutes[{k!r}]", v, unit="minutes") for k, v in (minutes or FORMAT_MINUTES).items()}
    counts = _plan(plan, each)
    table = pd.DataFrame(
        {"format": list(counts), "pieces": list(counts.values()), "minutes_each": [each[k] for k in counts]}
    )
    table["minutes"] = table["pieces"] * table["minutes_each"]
    return table


def content_hours(
    plan: Mapping[str, int],
    minutes: Mapping[str, float] | None = None,
    setup: float = SETUP_MINUTES,
    sessions: int | None = None,
) -> float:
    """Hours a week to make ``plan``: ``(Σ pieces × minutes each + sittings × setup) ÷ 60``.

    ``sessions`` is how many times a week you sit down to make content. ``None`` means
    one sitting per piece (no batching); ``1`` means everything is made in one batch. Each
    sitting costs ``setup`` minutes however much is made in it, which is what batching
    saves. A plan with no pieces takes no time. The minutes are the user's estimates
    (:data:`FORMAT_MINUTES` for the book's example), so the result is a budget, not a
    measurement.
    """
    table = time_budget(plan, minutes)
    pieces = int(table["pieces"].sum())
    start = _checks.positive("setup", setup, allow_zero=True, unit="minutes")
    if pieces == 0:
        return 0.0
    sittings = pieces if sessions is None else _checks.whole_number("sessions", sessions, 1)
    if sittings > pieces:
        raise InputError(
            f"sessions is {sittings}, but the plan has only {pieces} pieces: at most one sitting per "
            "piece. Use sessions=None for one sitting per piece."
        )
    return (float(table["minutes"].sum()) + sittings * start) / 60


# --- cascades ---------------------------------------------------------------------------------


def _seeds(graph: nx.Graph, seeds: object) -> list:
    if isinstance(seeds, (str, int)) or not isinstance(seeds, Iterable):
        seeds = [seeds]
    seeds = list(dict.fromkeys(seeds))
    if not seeds:
        raise InputError("seeds is empty: give at least one account that posts first")
    return [_checks.account(graph, s, "seed account", ACCOUNT_NAMES) for s in seeds]


def _friends(graph: nx.Graph, account: Hashable) -> list:
    return sorted((f for f in graph[account] if f != account), key=str)


def simulate_cascade(graph: nx.Graph, seeds: Hashable | Iterable[Hashable], p: float, seed: int = 0) -> pd.DataFrame:
    """How far one post travels when each sharer convinces each friend with probability ``p``.

    The independent cascade model (Kempe, Kleinberg & Tardos 2003). At step 0
    the ``seeds`` (one account or a list) have the post. At each step, every
    account reached in the step before gets **one** chance to pass it to each
    friend who does not have it yet, and succeeds with probability ``p``.
    Whoever is convinced passes it on at the next step. The cascade ends when
    a step reaches nobody new.

    Reproducible: draws come from ``random.Random(seed)``, one draw per try,
    with the newly reached accounts and their friends taken in sorted order
    (by their text), so the same arguments always give the same table.

    Returns one row per step with columns ``step``, ``tries`` (chances taken),
    ``new`` (accounts reached at that step), ``reached`` (everyone with the
    post so far, seeds included) and ``accounts`` (a tuple of the new ones).
    ``p`` is an assumption, not something measured here.
    """
    graph = _checks.graph(graph)
    p = _checks.rate("p", p)
    seed = _checks.whole_number("seed", seed, 0)
    starters = _seeds(graph, seeds)
    rng = random.Random(seed)
    reached = set(starters)
    newest = sorted(starters, key=str)
    rows = [{"step": 0, "tries": 0, "new": len(newest), "reached": len(reached), "accounts": tuple(newest)}]
    step = 0
    while newest:
        step += 1
        tries, convinced = 0, []
        for account in newest:
            for friend in _friends(graph, account):
                if friend in reached:
                    continue
                tries += 1
                if rng.random() < p:
                    reached.add(friend)
                    convinced.append(friend)
        newest = sorted(convinced, key=str)
        if newest:
            rows.append(
                {"step": step, "tries": tries, "new": len(newest), "reached": len(reached), "accounts": tuple(newest)}
            )
    return pd.DataFrame(rows)


def average_cascade(
    graph: nx.Graph, seeds: Hashable | Iterable[Hashable], p: float, runs: int = 200, seed: int = 0
) -> float:
    """The mean number of accounts reached (seeds included) over ``runs`` cascades.

    Run ``i`` is :func:`simulate_cascade` with ``seed + i``, so the average is
    reproducible too. One cascade is a lottery; the average says what to
    expect.
    """
    runs = _checks.whole_number("runs", runs, 1)
    seed = _checks.whole_number("seed", seed, 0)
    total = 0
    for i in range(runs):
        total += int(simulate_cascade(graph, seeds, p, seed=seed + i)["reached"].iloc[-1])
    return total / runs


def cascade_curves(
    graphs: Mapping[str, tuple[nx.Graph, Hashable]], ps: Iterable[float], runs: int = 100, seed: int = 0
) -> pd.DataFrame:
    """The average share of each network a post reaches, for each ``p``.

    ``graphs`` maps a name to a network and the account that posts first. One
    row per network and ``p`` with the columns ``network``, ``p`` and
    ``share_reached``: :func:`average_cascade` over ``runs`` cascades, divided
    by the number of accounts in the network.
    """
    rows = []
    for name, (graph, start) in graphs.items():
        n = graph.number_of_nodes()
        for p in ps:
            rows.append(
                {
                    "network": name,
                    "p": float(p),
                    "share_reached": average_cascade(graph, [start], float(p), runs, seed) / n,
                }
            )
    return pd.DataFrame(rows)


def cascade_threshold(graph: nx.Graph) -> float | _checks.Undefined:
    """The ``p`` above which cascades can take off: ``mean(k) ÷ (mean(k²) − mean(k))``.

    ``k`` is each account's number of friends. Someone who is reached came
    through one friendship and has ``k − 1`` others to try; averaged over the
    people you reach *through friendships* (who are better connected than
    average: the friendship paradox), that is ``mean(k²)/mean(k) − 1``
    friends. When ``p`` times that number passes 1, each sharer convinces more
    than one new person on average and a post can spread through much of the
    network. Exact for large random networks with these friend counts (Newman
    2002); on real networks, with overlapping friend circles, a rough guide.
    Undefined when nobody has more than one friend (an empty graph included).
    """
    graph = _checks.graph(graph)
    degrees = [sum(1 for f in graph[n] if f != n) for n in graph.nodes]
    excess = sum(k * (k - 1) for k in degrees)
    return _checks.ratio(sum(degrees), excess, "cascade threshold", "friends-of-friends paths")
