"""sevencs.connection against hand counts, a plain breadth-first search and networkx itself."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import adjacency_of, bfs_distances
from sevencs import connection as cx
from sevencs._checks import Undefined
from sevencs.datasets import NURSERY, load_karate_club, load_network


def two_triangles_and_a_bridge() -> nx.Graph:
    """a-b-c form a triangle, d-e-f form a triangle, c-d is the only bridge."""
    return nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")])


# --- the geometric story --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "per_friend", "hops", "expected"),
    [(10, 10, 2, 100), (10, 10, 1, 10), (10, 10, 3, 1000), (12, 8, 3, 768), (3, 2, 4, 24), (0, 10, 3, 0), (5, 0, 2, 0)],
)
def test_naive_reach_counts_people_exactly_hops_away(start, per_friend, hops, expected):
    assert cx.naive_reach(start, per_friend, hops) == expected


@pytest.mark.parametrize(
    ("start", "per_friend", "hops", "expected"), [(10, 10, 2, 110), (10, 10, 1, 10), (2, 3, 3, 2 + 6 + 18)]
)
def test_naive_reach_cumulative_adds_every_hop(start, per_friend, hops, expected):
    assert cx.naive_reach_cumulative(start, per_friend, hops) == expected


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        ((-1, 10, 2), ValueError, "start must be at least 0"),
        ((10, -3, 2), ValueError, "per_friend must be at least 0"),
        ((10, 10, 0), ValueError, "hops must be at least 1"),
        ((10.5, 10, 2), ValueError, "start must be a whole number"),
        ((10, float("nan"), 2), ValueError, "NaN"),
        ((10, float("inf"), 2), ValueError, "per_friend must be a whole number, but got inf"),
        (("10", 10, 2), TypeError, "start must be a whole number"),
        ((True, 10, 2), TypeError, "start must be a whole number"),
    ],
)
def test_naive_reach_rejects_bad_input_with_a_clear_message(args, error, words):
    with pytest.raises(error, match=words):
        cx.naive_reach(*args)


def test_naive_reach_accepts_whole_floats():
    assert cx.naive_reach(10.0, 10, 2) == 100


# --- reach ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("graph", "account", "hops", "expected"),
    [
        (nx.path_graph(5), 0, 1, 1),
        (nx.path_graph(5), 0, 2, 2),
        (nx.path_graph(5), 2, 2, 4),
        (nx.star_graph(4), 0, 1, 4),
        (nx.star_graph(4), 1, 2, 4),
        (nx.complete_graph(6), 0, 3, 5),
        (two_triangles_and_a_bridge(), "a", 2, 3),
        (two_triangles_and_a_bridge(), "a", 3, 5),
        (nx.path_graph(5), 0, 0, 0),
    ],
)
def test_reach_counts_distinct_accounts_by_hand(graph, account, hops, expected):
    assert cx.reach(graph, account, hops) == expected


@pytest.mark.parametrize("hops", [0, 1, 2, 3, 4])
def test_reach_matches_breadth_first_search_on_the_karate_club(hops):
    karate = load_karate_club()
    adjacency = adjacency_of(karate)
    for account in karate.nodes:
        expected = sum(1 for d in bfs_distances(adjacency, account).values() if 1 <= d <= hops)
        assert cx.reach(karate, account, hops) == expected


def test_reach_matches_breadth_first_search_on_the_sample_network():
    graph = load_network()
    adjacency = adjacency_of(graph)
    for account in [NURSERY, "ivan_n", "sam_y", "market_organiser"]:
        distances = bfs_distances(adjacency, account)
        assert cx.reach(graph, account, 2) == sum(1 for d in distances.values() if 1 <= d <= 2)


def test_reach_names_an_unknown_account_and_suggests_close_ones():
    with pytest.raises(ValueError, match=r"'fernleaf_nursry' is not in the network.*fernleaf_nursery"):
        cx.reach(load_network(), "fernleaf_nursry")


def test_reach_rejects_a_list_as_account():
    with pytest.raises(TypeError, match="one account name"):
        cx.reach(load_network(), ["a", "b"])


def test_reach_rejects_directed_graphs_and_non_graphs():
    with pytest.raises(ValueError, match="to_undirected"):
        cx.reach(nx.DiGraph([(1, 2)]), 1)
    with pytest.raises(TypeError, match="networkx graph"):
        cx.reach(pd.DataFrame({"a": [1]}), 1)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 25), p=st.floats(0.0, 1.0), seed=st.integers(0, 10_000), hops=st.integers(0, 5))
def test_reach_never_exceeds_the_other_accounts_and_grows_with_hops(n, p, seed, hops):
    graph = nx.gnp_random_graph(n, p, seed=seed)
    value = cx.reach(graph, 0, hops)
    assert 0 <= value <= n - 1
    assert value <= cx.reach(graph, 0, hops + 1)


# --- where the 10 × 10 goes, and overlap ------------------------------------------------------


def test_two_hop_breakdown_by_hand_on_two_triangles():
    parts = cx.two_hop_breakdown(two_triangles_and_a_bridge(), "c")
    # c's friends: a (friends b, c), b (a, c), d (c, e, f): 7 entries
    assert parts.to_dict() == {
        "friends": 3,
        "friend_list_entries": 7,
        "back_to_you": 3,
        "your_own_friends": 2,
        "repeats": 0,
        "new_people": 2,
    }


def test_two_hop_breakdown_counts_a_repeat_on_a_square():
    parts = cx.two_hop_breakdown(nx.cycle_graph(4), 0)  # 0's friends 1 and 3 both know 2
    assert (parts["new_people"], parts["repeats"], parts["back_to_you"]) == (1, 1, 2)


def test_two_hop_breakdown_parts_add_up_on_every_karate_member():
    karate = load_karate_club()
    for account in karate:
        parts = cx.two_hop_breakdown(karate, account)
        assert parts["friend_list_entries"] == (
            parts["back_to_you"] + parts["your_own_friends"] + parts["repeats"] + parts["new_people"]
        )
        assert parts["friend_list_entries"] == sum(karate.degree(f) for f in karate[account])


@pytest.mark.parametrize(
    ("graph", "account", "expected"),
    [(nx.cycle_graph(4), 0, 1.0), (nx.path_graph(4), 0, 0.0), (nx.star_graph(3), 1, 0.0)],
)
def test_overlap_by_hand(graph, account, expected):
    assert cx.overlap(graph, account) == expected


def test_overlap_matches_counting_common_friends_on_the_karate_club():
    karate = load_karate_club()
    adjacency = adjacency_of(karate)
    for account in karate:
        ring = [u for u, d in bfs_distances(adjacency, account).items() if d == 2]
        if not ring:
            continue
        shared = [u for u in ring if len(adjacency[u] & adjacency[account]) >= 2]
        assert cx.overlap(karate, account) == pytest.approx(len(shared) / len(ring))


def test_overlap_is_undefined_without_friends_of_friends():
    # in a complete graph everyone is 1 hop away: there is nobody exactly 2 hops away to divide by
    value = cx.overlap(nx.complete_graph(4), 0)
    assert isinstance(value, Undefined) and not value and math.isnan(float(value))
    assert str(value) == "undefined (overlap of 0: there are no friends-of-friends to divide by)"


# --- simulated growth ---------------------------------------------------------------------


def test_simulation_matches_the_story_exactly_on_a_tree():
    # A tree has no overlapping circles, which is the story's assumption.
    tree = nx.balanced_tree(3, 4)  # root 0 has 3 children; every other inner node has 3 new ones
    table = cx.simulate_growth(tree, start=3, per_friend=3, acceptance=1.0, hops=4, source=0)
    assert list(table["joined"]) == [3, 9, 27, 81]
    assert list(table["joined"]) == [cx.naive_reach(3, 3, h) for h in range(1, 5)]
    assert list(table["naive_connected"]) == [cx.naive_reach_cumulative(3, 3, h) for h in range(1, 5)]


def test_simulation_is_reproducible_with_a_seed_and_varies_without_it():
    graph = load_network()
    first = cx.simulate_growth(graph, 10, 5, 0.5, 4, seed=3, source=NURSERY)
    again = cx.simulate_growth(graph, 10, 5, 0.5, 4, seed=3, source=NURSERY)
    pd.testing.assert_frame_equal(first, again)
    others = [cx.simulate_growth(graph, 10, 5, 0.5, 4, seed=s, source=NURSERY) for s in range(4, 9)]
    assert any(list(o["accounts"]) != list(first["accounts"]) for o in others)


@pytest.mark.parametrize("acceptance", [0.0, 0.3, 1.0])
def test_simulation_keeps_its_books_straight(acceptance):
    graph = load_network()
    table = cx.simulate_growth(graph, 10, 10, acceptance, 5, seed=1, source=NURSERY)
    assert list(table["connected"]) == list(table["joined"].cumsum())
    assert (table["joined"] <= table["invited"]).all()
    assert list(table["accounts"].map(len)) == list(table["joined"])
    everyone = [a for accounts in table["accounts"] for a in accounts]
    assert len(everyone) == len(set(everyone)) and NURSERY not in everyone
    assert table["connected"].iloc[-1] <= graph.number_of_nodes() - 1
    first_hop = set(table["accounts"].iloc[0])
    assert first_hop <= set(graph[NURSERY])


def test_nobody_beyond_the_first_hop_joins_at_zero_acceptance():
    table = cx.simulate_growth(load_network(), 7, 10, 0.0, 3, source=NURSERY)
    assert list(table["connected"]) == [7, 7, 7]
    assert list(table["naive_connected"]) == [7, 7, 7]


def test_the_story_outgrows_the_network():
    graph = load_network()
    table = cx.simulate_growth(graph, 10, 10, 1.0, 3, source=NURSERY)
    assert table["naive_connected"].iloc[-1] == 1110
    assert table["connected"].iloc[-1] < table["naive_connected"].iloc[-1]


def test_simulation_without_a_source_starts_anywhere():
    table = cx.simulate_growth(load_karate_club(), start=34, per_friend=3, hops=2)
    assert table["connected"].iloc[0] == 34


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"start": 100, "source": NURSERY}, ValueError, "only 46 accounts"),
        ({"acceptance": 30}, ValueError, "a percentage"),
        ({"acceptance": -0.1}, ValueError, "between 0 and 1"),
        ({"acceptance": float("nan")}, ValueError, "NaN"),
        ({"hops": 0}, ValueError, "hops must be at least 1"),
        ({"source": "nobody"}, ValueError, "'nobody' is not in the network"),
    ],
)
def test_simulation_rejects_bad_input_with_a_clear_message(kwargs, error, words):
    with pytest.raises(error, match=words):
        cx.simulate_growth(load_network(), **kwargs)


# --- friendship paradox, brokers ------------------------------------------------------------


def test_friendship_paradox_on_a_star_by_hand():
    # degrees 3, 1, 1, 1: mean 1.5; friends seen along friendships: 3,1 three times → 12/6 = 2
    assert cx.friendship_paradox(nx.star_graph(3)) == (1.5, 2.0)


def test_friendship_paradox_is_even_on_a_regular_graph():
    assert cx.friendship_paradox(nx.cycle_graph(7)) == (2.0, 2.0)


def test_friendship_paradox_on_the_karate_club_matches_a_direct_count():
    karate = load_karate_club()
    degrees = [len(karate[n]) for n in karate]
    ends = [len(karate[end]) for edge in karate.edges for end in edge]
    mean, mean_friend = cx.friendship_paradox(karate)
    assert mean == pytest.approx(sum(degrees) / 34) == pytest.approx(2 * 78 / 34)
    assert mean_friend == pytest.approx(sum(ends) / len(ends))
    assert mean_friend > mean


def test_friendship_paradox_without_friendships_is_undefined_not_zero():
    # three accounts, no friendships: the mean is a real 0, but no friend has a friend count to average
    mean, mean_friend = cx.friendship_paradox(nx.empty_graph(3))
    assert mean == 0.0 and not isinstance(mean, Undefined)
    assert isinstance(mean_friend, Undefined) and "no friendships to divide by" in str(mean_friend)
    # no accounts at all: neither average has anything to divide by
    assert all(isinstance(v, Undefined) for v in cx.friendship_paradox(nx.Graph()))
    assert "no accounts to divide by" in str(cx.friendship_paradox(nx.Graph())[0])


def test_paradox_share_by_hand_on_a_star():
    assert cx.paradox_share(nx.star_graph(3)) == 0.75  # three leaves (1 friend vs 3); not the centre


def test_paradox_share_ignores_accounts_without_friends():
    graph = nx.star_graph(3)
    graph.add_node("loner")
    assert cx.paradox_share(graph) == 0.75


@pytest.mark.parametrize("graph", [nx.empty_graph(3), nx.Graph()])
def test_paradox_share_is_undefined_when_nobody_has_a_friend(graph):
    value = cx.paradox_share(graph)
    assert isinstance(value, Undefined) and "no accounts with a friend to divide by" in str(value)


def test_brokers_agree_with_networkx_and_find_the_bridge():
    graph = two_triangles_and_a_bridge()
    table = cx.brokers(graph, top=2)
    assert set(table["account"]) == {"c", "d"}
    scores = nx.betweenness_centrality(graph)
    assert list(table["betweenness"]) == pytest.approx([scores[a] for a in table["account"]])
    assert list(table["friends"]) == [3, 3]


def test_brokers_on_the_karate_club_are_the_two_leaders():
    assert cx.brokers(load_karate_club(), top=2)["account"].tolist() == [0, 33]


def test_brokers_rejects_a_bad_top():
    with pytest.raises(ValueError, match="top must be at least 1"):
        cx.brokers(load_karate_club(), top=0)


def test_friend_counts_are_sorted_and_match_degrees():
    karate = load_karate_club()
    counts = cx.friend_counts(karate)
    assert counts.is_monotonic_decreasing
    assert counts.to_dict() == dict(karate.degree())


def test_rates_are_never_negative_or_above_one_on_random_graphs():
    for seed in range(20):
        graph = nx.gnp_random_graph(30, 0.15, seed=seed)
        if graph.number_of_edges():
            assert 0.0 <= cx.paradox_share(graph) <= 1.0
        for account in list(graph)[:5]:
            value = cx.overlap(graph, account)
            if isinstance(value, Undefined):  # nobody exactly 2 hops away
                assert not any(d == 2 for d in nx.single_source_shortest_path_length(graph, account).values())
                continue
            assert 0.0 <= value <= 1.0 and not math.isnan(value)
