"""Community: how a core group grows, who is in it, and who takes part.

The source texts describe community building as compounding: start with a
core group of 10, each of them knows 10 more, and the pool keeps multiplying.
This module puts that story (geometric growth) next to growth that runs out of
people (logistic growth, with a market size) in :func:`growth`, finds the
groups inside a network with a standard modularity method
(:func:`detect_communities`, checked against a real split with
:func:`compare_with_split`), and measures a group's life from its activity
table: who creates, who comments and who only reads (:func:`participation`),
how many members were active each month (:func:`active_member_ratio`) and how
long members stay active after joining (:func:`retention_by_cohort`, averaged
over cohorts by :func:`average_retention`).

The activity functions take a table shaped like
:func:`sevencs.datasets.load_group_activity`: one row per member per month
since joining, with ``account``, ``month`` and ``joined`` as ``YYYY-MM`` and
the counts ``posts``, ``comments`` and ``reactions``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import cast

import networkx as nx
import numpy as np
import pandas as pd
from networkx.algorithms import community as nx_community

from sevencs import _checks
from sevencs.errors import InputError, InputTypeError
from sevencs.parsing import months
from sevencs.render.html import render

__all__ = [
    "ACTIVITY_COLUMNS",
    "RULE_OF_THUMB",
    "Communities",
    "active_member_ratio",
    "average_retention",
    "compare_with_split",
    "detect_communities",
    "growth",
    "half_market_time",
    "member_roles",
    "participation",
    "retention_by_cohort",
]

#: Nielsen's (2006) rule of thumb for participation inequality: the shares of
#: members who only read, who contribute now and then, and who create most.
RULE_OF_THUMB = {"lurker": 0.90, "contributor": 0.09, "creator": 0.01}

#: The columns the activity functions read.
ACTIVITY_COLUMNS = ["account", "month", "joined", "posts", "comments", "reactions"]

MODELS = ("geometric", "logistic")


# --- growth ---------------------------------------------------------------------------------


def growth(
    model: str = "geometric",
    start: int = 10,
    rate: float = 1.0,
    market: int | None = None,
    periods: int = 12,
) -> pd.DataFrame:
    """Members after each period under the compounding story or under growth that saturates.

    ``start`` members at period 0; ``rate`` is the growth per period while the
    group is small (1.0 means each member brings one new member per period, so
    the group doubles; the source text's 10 × 10 story is ``rate=9``, ten times
    more each step). With ``N0 = start``, ``r = rate``, ``K = market`` and
    ``t`` the period:

    - ``"geometric"``: the story. ``N(t) = N0 × (1 + r) ** t``. It never slows
      down; with a ``market`` the table shows how far past it the story runs.
    - ``"logistic"``: Verhulst's (1838) logistic growth, which slows as the
      people left to join run out, and never passes ``K``::

          N(t) = K / (1 + ((K − N0) / N0) × e ** (−λ t)),   λ = ln(1 + r)

      λ is chosen so that both models grow alike while the group is small
      compared with the market. The group reaches half the market at
      ``t = ln((K − N0) / N0) / λ`` (:func:`half_market_time`), where new members
      per period are highest.

    Returns one row per period ``0 … periods`` with columns ``period``,
    ``members`` (a model's expected number, so it has decimals), ``new_members``
    (the change since the period before; 0 at period 0) and, when ``market``
    is given, ``share_of_market`` (``members ÷ market``; above 1 means the story
    promises more people than there are).
    """
    model = _checks.one_of("model", model, MODELS)
    start = _checks.whole_number("start", start, 1)
    rate = _checks.positive("rate", rate)
    periods = _checks.whole_number("periods", periods, 1)
    if market is None and model == "logistic":
        raise InputError("logistic growth needs a market size: how many people could ever join (market=...)")
    if market is not None:
        market = _checks.whole_number("market", market, 1)
        if model == "logistic" and start >= market:
            raise InputError(
                f"start ({start}) must be below the market size ({market}): the group cannot grow past "
                "everyone who could join"
            )
    steps = range(periods + 1)
    if model == "geometric":
        members = [start * (1 + rate) ** t for t in steps]
    else:
        assert market is not None  # logistic growth without a market was refused above
        lam = math.log1p(rate)
        size = cast(int, market)  # logistic growth without a market was refused above
        members = [size / (1 + (size - start) / start * math.exp(-lam * t)) for t in steps]
    table = pd.DataFrame({"period": list(steps), "members": members})
    table["new_members"] = table["members"].diff().fillna(0.0)
    if market is not None:
        table["share_of_market"] = table["members"] / market
    return table


def half_market_time(start: int, rate: float, market: int) -> float:
    """When logistic growth reaches half the market: ``ln((K − N0) / N0) / ln(1 + r)`` periods.

    A fraction of a period, such as 5.3: the first whole period at or past half
    the market is ``math.ceil`` of it. Below ``start ≥ market / 2`` the answer is
    0 or negative (already past half). Same symbols as :func:`growth`.
    """
    start = _checks.whole_number("start", start, 1)
    rate = _checks.positive("rate", rate)
    market = _checks.whole_number("market", market, 1)
    if start >= market:
        raise InputError(f"start ({start}) must be below the market size ({market})")
    return math.log((market - start) / start) / math.log1p(rate)


# --- community detection --------------------------------------------------------------------


@dataclass(frozen=True)
class Communities:
    """What :func:`detect_communities` found: who is in which community, and how clear the split is.

    - ``members``: a table with one row per account: ``account``, ``community``
      (1 is the largest), ``friends`` (degree);
    - ``sizes``: members per community, largest first;
    - ``modularity``: from about −0.5 to 1; above about 0.3 is usually read as
      clear community structure (Newman & Girvan 2004);
    - ``groups``: the communities as sets of accounts, largest first;
    - ``method``: which algorithm found them.
    """

    members: pd.DataFrame
    sizes: pd.Series
    modularity: float
    groups: tuple[frozenset, ...]
    method: str

    def community_of(self, account: Hashable) -> int:
        """The community number of one account."""
        row = self.members.loc[self.members["account"] == account, "community"]
        if row.empty:
            raise InputError(f"the account {account!r} is not in the network")
        return int(row.iloc[0])

    def __repr__(self) -> str:
        sizes = ", ".join(str(s) for s in self.sizes)
        return (
            f"{len(self.groups)} communities found by {self.method} (sizes {sizes}); modularity {self.modularity:.3f}"
        )

    def _repr_html_(self) -> str:
        return render(
            "communities.html",
            count=len(self.groups),
            method=self.method,
            modularity=self.modularity,
            columns=["community", "members"],
            rows=list(self.sizes.items()),
        )


METHODS = ("greedy", "louvain")


def detect_communities(graph: nx.Graph, method: str = "greedy", seed: int = 0) -> Communities:
    """Split a network into communities: groups with many friendships inside and few between.

    Both methods look for the split with the highest *modularity* (Newman &
    Girvan 2004): the share of friendships that fall inside communities, minus
    the share you would expect if the same accounts, with the same numbers of
    friends, were linked at random::

        Q = Σ over communities c of [ L_c ÷ m − (d_c ÷ 2m)² ]

    with ``m`` friendships in all, ``L_c`` friendships inside community ``c``
    and ``d_c`` the sum of its members' friend counts.

    - ``"greedy"`` (the default): Clauset, Newman & Moore (2004). Start with
      every account alone and keep merging the two communities that raise Q
      most. No randomness: the same network always gives the same answer.
    - ``"louvain"``: Blondel et al. (2008), faster on large networks; it uses
      random order, fixed here by ``seed`` so results repeat.

    Friendships count once each (edge weights are ignored). Communities are
    numbered from 1, largest first (ties by the smallest member's name).
    Computed with networkx (Hagberg et al. 2008).
    """
    graph = _checks.graph(graph)
    method = _checks.one_of("method", method, METHODS)
    seed = _checks.whole_number("seed", seed, 0)
    if graph.number_of_nodes() == 0:
        raise InputError("the graph has no accounts, so there is nothing to split into communities")
    simple = nx.Graph(graph)
    simple.remove_edges_from(list(nx.selfloop_edges(simple)))
    if simple.number_of_edges() == 0:
        raise InputError("nobody in the graph has a friend, so there are no communities to find")
    if method == "greedy":
        found = nx_community.greedy_modularity_communities(simple, weight=None)
        name = "greedy modularity (Clauset, Newman & Moore 2004)"
    else:
        found = nx_community.louvain_communities(simple, weight=None, seed=seed)
        name = f"Louvain (Blondel et al. 2008), seed {seed}"
    groups = tuple(sorted((frozenset(g) for g in found), key=lambda g: (-len(g), min(str(a) for a in g))))
    number = {account: i + 1 for i, group in enumerate(groups) for account in group}
    order = sorted(simple.nodes, key=lambda a: (number[a], str(a)))
    members = pd.DataFrame(
        {
            "account": order,
            "community": [number[a] for a in order],
            "friends": [simple.degree(a) for a in order],
        }
    )
    sizes = pd.Series(
        [len(g) for g in groups], index=pd.Index(range(1, len(groups) + 1), name="community"), name="members"
    )
    modularity = nx_community.modularity(simple, groups, weight=None)
    return Communities(members, sizes, float(modularity), groups, name)


def compare_with_split(communities: Communities, labels: Mapping[Hashable, str]) -> pd.DataFrame:
    """Compare detected communities with a known split (such as the karate club's real one).

    Each community is given the side (label) that most of its members are on;
    a member is *misassigned* when their own side differs from their
    community's. Returns one row per account: ``account``, ``community``,
    ``side`` (their real label), ``community_side`` (the majority label of
    their community), ``agrees``. The share of members that agree is
    ``table["agrees"].mean()``.

    Beware: splitting into many small communities makes agreement easy (a
    community of one always agrees), so read it next to the number of
    communities. A tie for the majority goes to the label that sorts first.
    """
    if not isinstance(communities, Communities):
        raise InputTypeError(
            f"communities must be the result of detect_communities(...), but got {type(communities).__name__}"
        )
    if not isinstance(labels, Mapping):
        raise InputTypeError(
            "labels must map each account to its side, for example "
            "nx.get_node_attributes(graph, 'club'); but got " + type(labels).__name__
        )
    table = communities.members[["account", "community"]].copy()
    missing = [a for a in table["account"] if a not in labels]
    if missing:
        shown = ", ".join(repr(a) for a in missing[:5])
        raise InputError(f"labels has no side for {len(missing)} account(s), such as {shown}")
    table["side"] = [labels[a] for a in table["account"]]
    majority = {}
    for community, sides in table.groupby("community")["side"]:
        counts = sides.value_counts()
        top = counts.max()
        majority[community] = sorted(str(s) for s in counts[counts == top].index)[0]
    table["community_side"] = table["community"].map(majority)
    table["agrees"] = table["side"].astype(str) == table["community_side"]
    return table.reset_index(drop=True)


# --- activity: participation, active members, retention ----------------------------------


def _activity(activity: object, name: str = "activity") -> pd.DataFrame:
    """Check an activity table and add integer month numbers (``m``, ``j``) for arithmetic."""
    frame = _checks.columns(activity, ACTIVITY_COLUMNS, name)
    _checks.counts(frame, ["posts", "comments", "reactions"], name)
    frame = frame[ACTIVITY_COLUMNS].copy()
    for column, short in (("month", "m"), ("joined", "j")):
        parsed = months(frame[column], f"the column {column!r} of {name}")
        frame[column] = frame[column].astype(str)
        frame[short] = parsed.dt.year * 12 + parsed.dt.month
    early = frame["m"] < frame["j"]
    if early.any():
        row = frame.index[early][0]
        raise InputError(
            f"row {row!r} of {name} is for {frame.at[row, 'month']!s}, before the member joined "
            f"({frame.at[row, 'joined']!s}); a member has rows only from the month they joined"
        )
    twice = frame.duplicated(["account", "month"]).to_numpy()
    if twice.any():
        first = frame[twice].iloc[0]
        raise InputError(
            f"{name} has two rows for {first['account']!r} in {first['month']}; "
            "expected one row per member per month (add them up first)"
        )
    joins = frame.groupby("account")["joined"].nunique()
    if (joins > 1).any():
        raise InputError(f"the member {joins[joins > 1].index[0]!r} has more than one joining month in {name}")
    return frame


def member_roles(activity: pd.DataFrame) -> pd.Series:
    """Each member's role over the whole table: ``creator``, ``contributor`` or ``lurker``.

    - creator: started at least one post;
    - contributor: never started a post, but commented at least once;
    - lurker: neither posted nor commented. Reactions (likes) do not count as
      contributing here: a member who only likes things is a lurker.

    Returns a Series indexed by account, sorted by account.
    """
    frame = _activity(activity)
    totals = frame.groupby("account")[["posts", "comments"]].sum().sort_index()
    roles = pd.Series("lurker", index=totals.index, name="role")
    roles[totals["comments"] > 0] = "contributor"
    roles[totals["posts"] > 0] = "creator"
    return roles


def participation(members_activity: pd.DataFrame) -> pd.DataFrame:
    """How many members create, contribute or only read, next to the 90-9-1 rule of thumb.

    Roles as in :func:`member_roles`, counted once per member over the whole
    table. Returns one row per role (``lurker``, ``contributor``, ``creator``)
    with ``members``, ``share`` (members in the role ÷ all members) and
    ``rule_of_thumb`` (0.90, 0.09, 0.01).

    The 90-9-1 rule is Nielsen's (2006) rule of thumb for online communities:
    about 90% lurk, 9% contribute a little and 1% create most of the content.
    It is an observation about typical communities, not a law or a target;
    real shares vary with the group, the platform and how "taking part" is
    defined (here, a like does not count).
    """
    roles = member_roles(members_activity)
    order = ["lurker", "contributor", "creator"]
    counts = roles.value_counts().reindex(order, fill_value=0)
    return pd.DataFrame(
        {
            "members": counts.astype(int),
            "share": counts / len(roles),
            "rule_of_thumb": [RULE_OF_THUMB[r] for r in order],
        },
        index=pd.Index(order, name="role"),
    )


def active_member_ratio(activity: pd.DataFrame) -> pd.DataFrame:
    """Share of members active in each month.

    A member is *active* in a month if they started a post, wrote a comment or
    gave a reaction that month (at least one of the three). *Members* in a
    month are everyone who had joined by then: a row in the table, or a
    member who joined earlier and has no row that month (counted as not
    active). Returns one row per month with ``month``, ``members``, ``active``
    and ``active_ratio`` (active ÷ members).

    There is no single standard for this measure; community managers track it
    alongside size and churn. Always say what counts as active.
    """
    frame = _activity(activity)
    first = frame.groupby("account")["j"].min()
    months = range(int(frame["m"].min()), int(frame["m"].max()) + 1)
    active = frame[frame[["posts", "comments", "reactions"]].sum(axis=1) > 0]
    rows = []
    for m in months:
        members = int((first <= m).sum())
        count = int(active.loc[active["m"] == m, "account"].nunique())
        ratio = _checks.ratio(count, members, "active-member ratio", "members yet")
        rows.append({"month": _month_name(m), "members": members, "active": count, "active_ratio": float(ratio)})
    return pd.DataFrame(rows)


def _month_name(m: int) -> str:
    year, month = divmod(m - 1, 12)
    return f"{year:04d}-{month + 1:02d}"


def retention_by_cohort(activity: pd.DataFrame) -> pd.DataFrame:
    """Share of each joining cohort active 0, 1, 2 … months after joining.

    A *cohort* is everyone who joined in the same month. Month 0 is the month
    they joined. *Active* means at least one post, comment or reaction that
    month, as in :func:`active_member_ratio`. Each cell is::

        members of the cohort active k months after joining ÷ members of the cohort

    Rows are cohorts (``joined``), columns are months since joining, and a
    ``members`` column gives the cohort's size. A cell is NaN when that month
    is not in the table yet (a cohort that joined last month has no month 3):
    NaN means undefined, not zero.
    """
    frame = _activity(activity)
    frame["since"] = frame["m"] - frame["j"]
    frame["active"] = frame[["posts", "comments", "reactions"]].sum(axis=1) > 0
    last = int(frame["m"].max())
    sizes = frame.groupby("joined")["account"].nunique()
    longest = last - int(frame["j"].min())
    active = frame[frame["active"]].groupby(["joined", "since"])["account"].nunique()
    table = pd.DataFrame(index=sizes.index, columns=range(longest + 1), dtype=float)
    for cohort, size in sizes.items():
        cohort_m = int(frame.loc[frame["joined"] == cohort, "j"].iloc[0])
        for k in range(last - cohort_m + 1):
            table.at[cohort, k] = active.get((cohort, k), 0) / size
    table.columns.name = "months since joining"
    table.insert(0, "members", sizes.astype(int))
    return table


def average_retention(retention: pd.DataFrame, min_members: int = 50) -> pd.Series:
    """The share of members still active k months after joining, over all cohorts.

    ``retention`` is a :func:`retention_by_cohort` table. For each month k, the
    mean of the cohorts' shares weighted by cohort size, over the cohorts
    observed that long::

        Σ (cohort's share at k × cohort's members) ÷ Σ cohort's members

    A month is left out when fewer than ``min_members`` members have been
    observed that long, so a handful of late joiners cannot swing it. Indexed
    by months since joining.
    """
    months = [
        c
        for c in retention.columns
        if c != "members" and retention.loc[retention[c].notna(), "members"].sum() >= min_members
    ]
    average = [
        float(np.average(retention[k].dropna(), weights=retention.loc[retention[k].notna(), "members"])) for k in months
    ]
    return pd.Series(average, index=pd.Index(months, name="months since joining"), name="active_share", dtype=float)


def group_members_by_month(activity: pd.DataFrame) -> pd.DataFrame:
    """The group's members at the end of each month since it opened.

    Columns: ``period`` (0 is the first month), ``month`` and ``members``.
    """
    table = active_member_ratio(activity)
    return pd.DataFrame({"period": range(len(table)), "month": table["month"], "members": table["members"]})
