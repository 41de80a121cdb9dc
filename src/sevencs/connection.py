"""Connection: how a few connections become many, and why fewer than the story says.

The source texts tell a geometric story: start with 10 friends, each has 10
friends, so you can reach 100 people, then 1,000. This module computes that
story (:func:`naive_reach`) and what actually happens on a network of
friendships, where friend circles overlap (:func:`reach`, :func:`overlap`,
:func:`two_hop_breakdown`, :func:`simulate_growth`). It also measures two
network facts a business meets early: your friends have more friends than
you (:func:`friendship_paradox`), and a few accounts bridge groups that would
otherwise not hear each other (:func:`brokers`).

All functions take an undirected :class:`networkx.Graph` whose nodes are
accounts and whose edges are friendships (mutual follows). A share or an
average with nothing to divide by is :class:`~sevencs._checks.Undefined`,
never 0 or infinity.
"""

from __future__ import annotations

import random
from collections.abc import Hashable

import networkx as nx
import pandas as pd

from sevencs import _checks
from sevencs._checks import Undefined
from sevencs.datasets import ACCOUNT_NAMES
from sevencs.errors import InputError

__all__ = [
    "brokers",
    "friend_counts",
    "friendship_paradox",
    "naive_reach",
    "naive_reach_cumulative",
    "overlap",
    "paradox_share",
    "reach",
    "simulate_growth",
    "two_hop_breakdown",
]


def naive_reach(start: int, per_friend: int, hops: int) -> int:
    """People exactly ``hops`` away in the source text's geometric story.

    You start with ``start`` friends (1 hop away). Each of them brings
    ``per_friend`` new people, who each bring ``per_friend`` more, and no two
    circles share anyone. So::

        naive_reach = start × per_friend ** (hops − 1)

    ``naive_reach(10, 10, 2) == 100``: "10 friends who each have 10 friends".
    Real friend circles overlap, so real networks give fewer (see :func:`reach`).

    Source: the geometric-growth example in the course's source text on the
    seven Cs; the counting of second neighbours follows Newman (2001).
    """
    start = _checks.whole_number("start", start, 0)
    per_friend = _checks.whole_number("per_friend", per_friend, 0)
    hops = _checks.whole_number("hops", hops, 1)
    return start * per_friend ** (hops - 1)


def naive_reach_cumulative(start: int, per_friend: int, hops: int) -> int:
    """Everyone from 1 to ``hops`` away in the geometric story (the sum of :func:`naive_reach`).

    ``naive_reach_cumulative(10, 10, 2) == 110``: your 10 friends plus their 100.
    """
    hops = _checks.whole_number("hops", hops, 1)
    return sum(naive_reach(start, per_friend, h) for h in range(1, hops + 1))


def reach(graph: nx.Graph, account: Hashable, hops: int = 2) -> int:
    """Distinct accounts within ``hops`` friendships of ``account``, not counting it.

    Formula: ``|{u : 1 ≤ distance(account, u) ≤ hops}|``, found by breadth-first
    search. Someone reachable through two friends is counted once, which is the
    difference from :func:`naive_reach`.
    """
    graph = _checks.graph(graph)
    account = _checks.account(graph, account, names=ACCOUNT_NAMES)
    hops = _checks.whole_number("hops", hops, 0)
    return len(nx.single_source_shortest_path_length(graph, account, cutoff=hops)) - 1


def _friends(graph: nx.Graph, account: Hashable) -> set:
    return set(graph[account]) - {account}  # a self-loop is not a friend


def two_hop_breakdown(graph: nx.Graph, account: Hashable) -> pd.Series:
    """Where the "friends × friends" count goes: a four-way split of the naive total.

    Add up the friend lists of the account's friends and you get the naive
    number (``friend_list_entries``). Every entry is one of:

    - ``back_to_you``: the account itself, which is on each friend's list;
    - ``your_own_friends``: someone who is already your friend (a triangle);
    - ``repeats``: a friend of a friend already counted through another friend;
    - ``new_people``: a distinct friend of a friend, exactly 2 hops away.

    So ``friend_list_entries == back_to_you + your_own_friends + repeats + new_people``.
    Also returned: ``friends`` (the account's degree).
    """
    graph = _checks.graph(graph)
    account = _checks.account(graph, account, names=ACCOUNT_NAMES)
    friends = _friends(graph, account)
    entries = back = own = 0
    seen: set = set()
    for friend in friends:
        for other in _friends(graph, friend):
            entries += 1
            if other == account:
                back += 1
            elif other in friends:
                own += 1
            else:
                seen.add(other)
    new_people = len(seen)
    return pd.Series(
        {
            "friends": len(friends),
            "friend_list_entries": entries,
            "back_to_you": back,
            "your_own_friends": own,
            "repeats": entries - back - own - new_people,
            "new_people": new_people,
        },
        name=account,
    )


def overlap(graph: nx.Graph, account: Hashable) -> float | Undefined:
    """Share of an account's friends-of-friends who are reachable through more than one friend.

    Friends-of-friends are the accounts exactly 2 hops away. For each, count
    the account's friends they are also friends with; ``overlap`` is the share
    with two or more. It is 0 when friend circles never touch (the geometric
    story's assumption) and close to 1 in a tight community.

    :class:`Undefined` when the account has no friends-of-friends (nobody
    exactly 2 hops away): the share is then undefined, not 0.
    """
    graph = _checks.graph(graph)
    account = _checks.account(graph, account, names=ACCOUNT_NAMES)
    friends = _friends(graph, account)
    paths: dict = {}
    for friend in friends:
        for other in _friends(graph, friend):
            if other != account and other not in friends:
                paths[other] = paths.get(other, 0) + 1
    shared = sum(1 for n in paths.values() if n >= 2)
    return _checks.ratio(shared, len(paths), f"overlap of {account!r}", "friends-of-friends")


def simulate_growth(
    graph: nx.Graph,
    start: int = 10,
    per_friend: int = 10,
    acceptance: float = 1.0,
    hops: int = 3,
    seed: int = 0,
    source: Hashable | None = None,
) -> pd.DataFrame:
    """Grow connections hop by hop on a real network, next to the geometric story.

    Hop 1: you connect with ``start`` accounts: friends, family, target market.
    With a ``source`` account they are drawn from its friends; otherwise from
    the whole network. Each later hop, every account that joined in the hop
    before introduces you to up to ``per_friend`` of *its* friends who are not
    yet connected or invited, and each accepts with probability ``acceptance``.
    Declined invitations are not sent again. Draws use ``seed``, so the same
    arguments give the same table.

    Returns one row per hop with columns:

    - ``hop``; ``invited`` (invitations sent that hop); ``joined`` (accepted);
    - ``connected``: everyone connected so far, the cumulative ``joined``;
    - ``naive_joined`` and ``naive_connected``: the geometric story with the
      same acceptance, ``start × (per_friend × acceptance) ** (hop − 1)``
      (an expected number, so it may have decimals);
    - ``accounts``: a tuple of the accounts that joined that hop.

    The network caps the simulation: nobody can join twice, and the town has
    only ``graph.number_of_nodes()`` accounts.
    """
    graph = _checks.graph(graph)
    start = _checks.whole_number("start", start, 0)
    per_friend = _checks.whole_number("per_friend", per_friend, 0)
    acceptance = _checks.rate("acceptance", acceptance)
    hops = _checks.whole_number("hops", hops, 1)
    seed = _checks.whole_number("seed", seed, 0)
    rng = random.Random(seed)

    if source is None:
        pool = sorted(graph.nodes, key=str)
        where = f"the network ({len(pool)} accounts)"
    else:
        source = _checks.account(graph, source, "source", ACCOUNT_NAMES)
        pool = sorted(_friends(graph, source), key=str)
        where = f"{source!r}'s friends ({len(pool)})"
    if start > len(pool):
        raise InputError(f"start is {start}, but there are only {len(pool)} accounts to start with in {where}")
    rng.shuffle(pool)
    first = pool[:start]

    connected = set(first)
    contacted = set(first) | ({source} if source is not None else set())
    rows = []
    newest = first
    naive_new = float(start)
    naive_total = 0.0
    for hop in range(1, hops + 1):
        if hop == 1:
            invited, joined = start, list(first)
        else:
            invited, joined = 0, []
            for account in newest:
                candidates = sorted(_friends(graph, account) - contacted, key=str)
                rng.shuffle(candidates)
                for other in candidates[:per_friend]:
                    contacted.add(other)
                    invited += 1
                    if rng.random() < acceptance:
                        joined.append(other)
            connected.update(joined)
            naive_new *= per_friend * acceptance
        naive_total += naive_new
        rows.append(
            {
                "hop": hop,
                "invited": invited,
                "joined": len(joined),
                "connected": len(connected),
                "naive_joined": naive_new,
                "naive_connected": naive_total,
                "accounts": tuple(joined),
            }
        )
        newest = joined
    return pd.DataFrame(rows)


def friendship_paradox(graph: nx.Graph) -> tuple[float | Undefined, float | Undefined]:
    """The mean number of friends, and the mean number of friends *a friend* has.

    Returns ``(mean_degree, mean_friend_degree)`` where, with ``k`` each
    account's number of friends (self-loops ignored)::

        mean_degree        = mean(k)                 over accounts
        mean_friend_degree = sum(k²) / sum(k)        over friendships, both ends

    The second is the average friend count you find when you pick a friendship
    and look at either end. It is never smaller than the first, and is larger
    whenever friend counts differ: popular people sit on many friend lists.
    With no accounts both are :class:`Undefined`; with no friendships the
    second is. Source: Feld (1991).
    """
    graph = _checks.graph(graph)
    degrees = [len(_friends(graph, n)) for n in graph.nodes]
    total = sum(degrees)
    return (
        _checks.ratio(total, len(degrees), "mean number of friends", "accounts"),
        _checks.ratio(sum(k * k for k in degrees), total, "mean number of friends a friend has", "friendships"),
    )


def paradox_share(graph: nx.Graph) -> float | Undefined:
    """Share of accounts whose friends have, on average, more friends than they do.

    Counts only accounts with at least one friend (for the others there is no
    friends' average), so it is :class:`Undefined` when nobody has a friend. An
    account with 4 friends whose friends have 3, 6, 8 and 7 friends (mean 6)
    counts towards the share.
    """
    graph = _checks.graph(graph)
    counted = fewer = 0
    for node in graph.nodes:
        friends = _friends(graph, node)
        if not friends:
            continue
        counted += 1
        mean_of_friends = sum(len(_friends(graph, f)) for f in friends) / len(friends)
        if len(friends) < mean_of_friends:
            fewer += 1
    return _checks.ratio(fewer, counted, "friendship paradox share", "accounts with a friend")


def brokers(graph: nx.Graph, top: int = 5) -> pd.DataFrame:
    """The accounts that bridge groups: highest betweenness centrality first.

    Betweenness of an account is the share of shortest paths between two
    *other* accounts that pass through it (normalised to 0–1; Freeman 1977,
    computed with Brandes' algorithm by networkx). A broker sits between
    circles that would otherwise not hear each other (Burt 2004), which is not
    the same as having many friends: compare the ``friends`` column.

    Returns the ``top`` rows with columns ``account``, ``betweenness``,
    ``friends``; ties are broken by account name.
    """
    graph = _checks.graph(graph)
    top = _checks.whole_number("top", top, 1)
    if graph.number_of_nodes() == 0:
        raise InputError("the graph has no accounts")
    scores = nx.betweenness_centrality(graph, normalized=True)
    rows = sorted(scores.items(), key=lambda item: (-item[1], str(item[0])))[:top]
    return pd.DataFrame(
        {
            "account": [a for a, _ in rows],
            "betweenness": [s for _, s in rows],
            "friends": [len(_friends(graph, a)) for a, _ in rows],
        }
    )


def friend_counts(graph: nx.Graph) -> pd.Series:
    """Number of friends (degree) of every account, most first, ties by name."""
    graph = _checks.graph(graph)
    counts = {n: len(_friends(graph, n)) for n in graph.nodes}
    order = sorted(counts, key=lambda n: (-counts[n], str(n)))
    return pd.Series([counts[n] for n in order], index=pd.Index(order, name="account"), name="friends")
