"""sevencs.content against hand-computed tables, pandas sums, closed forms and breadth-first search."""

from __future__ import annotations

import math
import random

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reference import adjacency_of, bfs_distances
from sevencs import content as ct
from sevencs._checks import Undefined
from sevencs.datasets import NURSERY, load_karate_club, load_network, load_posts


def small_posts() -> pd.DataFrame:
    """Four posts whose rates are easy to work out by hand."""
    return pd.DataFrame(
        {
            "type": ["how-to", "promotional", "promotional", "question"],
            "reach": [100, 50, 50, 200],
            "impressions": [200, 100, 50, 400],
            "followers": [20, 20, 25, 25],
            "likes": [10, 2, 0, 6],
            "comments": [2, 0, 1, 10],
            "shares": [8, 0, 0, 4],
        }
    )


# --- amplification ------------------------------------------------------------------------------


def test_amplification_rate_is_shares_per_post_by_hand():
    assert ct.amplification_rate(small_posts()) == pytest.approx(12 / 4)


def test_amplification_rate_on_the_sample_equals_a_pandas_mean():
    posts = load_posts()
    assert ct.amplification_rate(posts) == pytest.approx(posts["shares"].sum() / len(posts))
    howto = posts[posts["type"] == "how-to"]
    assert ct.amplification_rate(howto) == pytest.approx(howto["shares"].mean())


def test_amplification_rate_says_what_it_divides_by():
    assert "shares ÷ posts" in repr(ct.amplification_rate(small_posts()))


# --- engagement rate ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("by", "expected"),
    [("reach", 43 / 400), ("impressions", 43 / 750), ("followers", 43 / 90)],
)
def test_engagement_rate_ratio_of_sums_by_hand(by, expected):
    rate = ct.engagement_rate(small_posts(), by=by)
    assert rate == pytest.approx(expected)
    assert rate.denominator == by
    assert f"engagements ÷ {by}" in repr(rate) and "ratio of sums" in repr(rate)


def test_engagement_rate_per_post_mean_by_hand():
    rate = ct.engagement_rate(small_posts(), by="reach", average="post")
    assert rate == pytest.approx((20 / 100 + 2 / 50 + 1 / 50 + 20 / 200) / 4)
    assert "mean of per-post rates" in repr(rate)


def test_engagement_rate_on_the_sample_matches_pandas():
    posts = load_posts()
    engaged = posts["likes"] + posts["comments"] + posts["shares"]
    for by in ("reach", "impressions", "followers"):
        assert ct.engagement_rate(posts, by) == pytest.approx(engaged.sum() / posts[by].sum())
        assert ct.engagement_rate(posts, by, average="post") == pytest.approx((engaged / posts[by]).mean())


def test_impressions_give_a_lower_rate_than_reach_because_they_count_repeats():
    posts = load_posts()
    assert (posts["impressions"] >= posts["reach"]).all()
    assert float(ct.engagement_rate(posts, "impressions")) <= float(ct.engagement_rate(posts, "reach"))


def test_rates_with_different_denominators_refuse_to_be_compared():
    posts = small_posts()
    by_reach, by_followers = ct.engagement_rate(posts, "reach"), ct.engagement_rate(posts, "followers")
    for compare in (
        lambda: by_reach < by_followers,
        lambda: by_reach >= by_followers,
        lambda: by_followers > by_reach,
        lambda: by_followers <= by_reach,
    ):
        with pytest.raises(ValueError, match="different denominators"):
            compare()
    assert ct.engagement_rate(posts.iloc[:2], "reach") > ct.engagement_rate(posts.iloc[2:], "reach")
    assert by_reach < 1  # a plain number is fine


def test_a_zero_denominator_is_undefined_not_zero():
    posts = small_posts().assign(followers=0)
    result = ct.engagement_rate(posts, "followers")
    assert isinstance(result, Undefined) and not result
    assert math.isnan(float(result))
    one_zero = small_posts()
    one_zero.loc[2, "reach"] = 0
    per_post = ct.engagement_rate(one_zero, "reach", average="post")
    assert isinstance(per_post, Undefined) and "row 2" in str(per_post)
    assert ct.engagement_rate(one_zero, "reach") == pytest.approx(43 / 350)


def test_rates_by_type_by_hand_and_nan_for_undefined():
    posts = small_posts()
    posts.loc[3, "reach"] = 0
    table = ct.rates_by_type(posts, by="reach").set_index("type")
    assert table.at["promotional", "posts"] == 2
    assert table.at["promotional", "share_of_posts"] == pytest.approx(0.5)
    assert table.at["how-to", "amplification_rate"] == pytest.approx(8.0)
    assert table.at["promotional", "engagement_rate"] == pytest.approx(3 / 100)
    assert math.isnan(table.at["question", "engagement_rate"])
    assert list(table.index) == ["how-to", "question", "promotional"]  # highest amplification first


def test_rates_by_type_on_the_sample_matches_a_groupby():
    posts = load_posts()
    table = ct.rates_by_type(posts, "impressions").set_index("type")
    for kind, group in posts.groupby("type"):
        engaged = (group["likes"] + group["comments"] + group["shares"]).sum()
        assert table.at[kind, "engagement_rate"] == pytest.approx(engaged / group["impressions"].sum())
        assert table.at[kind, "amplification_rate"] == pytest.approx(group["shares"].mean())
    assert table.attrs["denominator"] == "impressions"


# --- bad input ---------------------------------------------------------------------------------

FUNCTIONS = [
    ("amplification_rate", lambda p: ct.amplification_rate(p), "shares"),
    ("engagement_rate", lambda p: ct.engagement_rate(p, "reach"), "likes"),
    ("rates_by_type", lambda p: ct.rates_by_type(p), "type"),
    ("content_mix", lambda p: ct.content_mix(p), "type"),
    ("mix_distance", lambda p: ct.mix_distance(p), "type"),
    ("simulate_mix", lambda p: ct.simulate_mix(p, 0.2), "type"),
]


@pytest.mark.parametrize(("name", "call", "column"), FUNCTIONS, ids=[f[0] for f in FUNCTIONS])
def test_a_missing_column_is_named_with_the_expected_list(name, call, column):
    with pytest.raises(ValueError, match=rf"missing the column '{column}'; expected columns: "):
        call(small_posts().drop(columns=column))


@pytest.mark.parametrize(("name", "call", "column"), FUNCTIONS, ids=[f[0] for f in FUNCTIONS])
def test_an_empty_table_is_refused(name, call, column):
    with pytest.raises(ValueError, match="empty"):
        call(small_posts().iloc[0:0])


@pytest.mark.parametrize(("name", "call", "column"), FUNCTIONS, ids=[f[0] for f in FUNCTIONS])
def test_a_non_table_is_refused(name, call, column):
    with pytest.raises(TypeError, match="pandas DataFrame"):
        call([1, 2, 3])


@pytest.mark.parametrize("bad", [-1, float("nan")])
@pytest.mark.parametrize("column", ["likes", "shares", "reach"])
def test_negative_or_missing_counts_are_refused(bad, column):
    posts = small_posts().astype({column: float})
    posts.loc[1, column] = bad
    with pytest.raises(ValueError, match=rf"'{column}' of posts has a (negative count|missing value).*row 1"):
        ct.engagement_rate(posts, "reach")
    if column in ("shares",):
        with pytest.raises(ValueError, match="row 1"):
            ct.amplification_rate(posts)


def test_an_unknown_denominator_or_average_is_refused():
    with pytest.raises(ValueError, match="by must be one of 'reach', 'impressions', 'followers'"):
        ct.engagement_rate(small_posts(), by="views")
    with pytest.raises(ValueError, match="by must be one of"):
        ct.rates_by_type(small_posts(), by="fans")
    with pytest.raises(ValueError, match="average must be 'ratio'"):
        ct.engagement_rate(small_posts(), average="median")


def test_a_missing_post_type_is_refused():
    posts = small_posts().astype({"type": object})
    posts.loc[2, "type"] = None
    with pytest.raises(ValueError, match="missing value in row 2"):
        ct.content_mix(posts)


# --- the content mix --------------------------------------------------------------------------


def test_content_mix_by_hand():
    mix = ct.content_mix(small_posts())
    assert mix.to_dict() == {"promotional": 0.5, "how-to": 0.25, "question": 0.25}
    assert mix.sum() == pytest.approx(1)


def test_rules_have_targets_that_add_up_to_one_and_a_stated_source():
    for rule in ct.RULES.values():
        assert sum(rule.targets.values()) == pytest.approx(1)
        assert rule.source and rule.meaning
    assert ct.RULES["80/20"].targets["promotional"] == pytest.approx(0.2)
    assert ct.RULES["4-1-1"].targets["promotional"] == pytest.approx(1 / 6)
    assert ct.RULES["thirds"].targets == pytest.approx({"value": 1 / 3, "conversation": 1 / 3, "promotional": 1 / 3})


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("80/20", abs(0.5 - 0.2)),
        ("4-1-1", abs(0.5 - 1 / 6)),
        # value 0.25, conversation 0.25, promotional 0.5 against thirds
        ("thirds", 0.5 * (abs(0.25 - 1 / 3) + abs(0.25 - 1 / 3) + abs(0.5 - 1 / 3))),
    ],
)
def test_mix_distance_is_half_the_sum_of_gaps_by_hand(rule, expected):
    assert ct.mix_distance(small_posts(), rule) == pytest.approx(expected)


def test_a_mix_on_target_is_at_distance_zero_and_an_opposite_one_far_away():
    on_target = pd.DataFrame({"type": ["promotional"] + ["how-to"] * 4})
    assert ct.mix_distance(on_target, "80/20") == pytest.approx(0)
    all_promo = pd.DataFrame({"type": ["promotional"] * 3})
    assert ct.mix_distance(all_promo, "80/20") == pytest.approx(0.8)
    assert ct.mix_distance(all_promo, "thirds") == pytest.approx(2 / 3)


def test_mix_distance_on_the_sample_matches_the_promotional_share():
    posts = load_posts()
    promo = (posts["type"] == "promotional").mean()
    assert ct.mix_distance(posts, "80/20") == pytest.approx(abs(promo - 0.2))


def test_mix_distance_accepts_a_mix_and_checks_it():
    mix = pd.Series({"promotional": 0.3, "how-to": 0.7})
    assert ct.mix_distance(mix, "80/20") == pytest.approx(0.1)
    with pytest.raises(ValueError, match="adding up to 1"):
        ct.mix_distance(pd.Series({"promotional": 0.3, "how-to": 0.3}))


def test_an_unknown_rule_or_post_type_gets_a_clear_message():
    with pytest.raises(ValueError, match="there is no rule '70/30'; rules: '80/20', '4-1-1', 'thirds'"):
        ct.mix_distance(small_posts(), "70/30")
    with pytest.raises(ValueError, match="no group for the post type 'meme'"):
        ct.mix_distance(pd.DataFrame({"type": ["meme", "promotional"]}))
    mapped = ct.mix_distance(
        pd.DataFrame({"type": ["meme", "promotional"]}), "80/20", groups={"meme": "value", "promotional": "promotional"}
    )
    assert mapped == pytest.approx(0.3)


def test_compare_to_rule_lists_observed_and_target():
    table = ct.compare_to_rule(small_posts(), "thirds").set_index("group")
    assert table.at["value", "observed"] == pytest.approx(0.25)
    assert table.at["conversation", "observed"] == pytest.approx(0.25)
    assert table.at["promotional", "difference"] == pytest.approx(0.5 - 1 / 3)


# --- planning a mix ---------------------------------------------------------------------------


def test_planned_mix_keeps_the_other_types_in_proportion():
    plan = ct.planned_mix(small_posts(), 0.2)
    assert plan.to_dict() == pytest.approx({"promotional": 0.2, "how-to": 0.4, "question": 0.4})


def test_simulate_mix_by_hand():
    # per post: how-to 10 likes, 2 comments, 8 shares, reach 100; promotional 1, 0.5, 0, reach 50;
    # question 6, 10, 4, reach 200. 10 posts at 20% promotional: 2 promotional, 4 how-to, 4 question.
    plan = ct.simulate_mix(small_posts(), 0.2, 10)
    assert plan["likes"] == pytest.approx(2 * 1 + 4 * 10 + 4 * 6)
    assert plan["comments"] == pytest.approx(2 * 0.5 + 4 * 2 + 4 * 10)
    assert plan["shares"] == pytest.approx(4 * 8 + 4 * 4)
    assert plan["engagements"] == pytest.approx(66 + 49 + 48)
    assert plan["engagement_rate"] == pytest.approx(163 / (2 * 50 + 4 * 100 + 4 * 200))
    assert plan["amplification_rate"] == pytest.approx(48 / 10)


def test_mix_curve_by_hand():
    # per post: promotional 1 like + 0.5 comments, no shares = 1.5 engagements; the other posts are half
    # how-to (20 engagements, 8 shares), half question (20, 4). At share s: 1.5 s + 20 (1 - s), 6 (1 - s).
    curve = ct.mix_curve(small_posts(), points=5)
    shares = [0.0, 0.25, 0.5, 0.75, 1.0]
    assert curve["promotional_share"].tolist() == shares
    assert curve["engagements"].tolist() == pytest.approx([1.5 * s + 20 * (1 - s) for s in shares])
    assert curve["shares"].tolist() == pytest.approx([6 * (1 - s) for s in shares])
    with pytest.raises(ValueError, match="points must be at least 2"):
        ct.mix_curve(small_posts(), points=1)


def test_simulate_mix_at_the_actual_share_reproduces_the_sample_per_post():
    posts = load_posts()
    share = (posts["type"] == "promotional").mean()
    plan = ct.simulate_mix(posts, share, len(posts))
    assert plan["shares"] == pytest.approx(posts["shares"].sum())
    assert plan["engagement_rate"] == pytest.approx(ct.engagement_rate(posts, "reach"))


@pytest.mark.parametrize(
    ("share", "count", "error", "words"),
    [
        (1.5, 10, ValueError, "percentage|between 0 and 1"),
        (20, 10, ValueError, "divide by 100"),
        (0.2, 0, ValueError, "posts_count must be at least 1"),
        (0.2, 2.5, ValueError, "whole number"),
        ("0.2", 10, TypeError, "number between 0 and 1"),
    ],
)
def test_simulate_mix_rejects_bad_plans(share, count, error, words):
    with pytest.raises(error, match=words):
        ct.simulate_mix(small_posts(), share, count)


def test_simulate_mix_needs_promotional_posts_to_plan_with():
    with pytest.raises(ValueError, match="no promotional posts"):
        ct.simulate_mix(small_posts().query("type != 'promotional'"), 0.2)


# --- cascades -----------------------------------------------------------------------------------


#: A path zoe - cat - ann - dan. cat's friends in the order they were added are zoe, ann; sorted by
#: name they are ann, zoe, the order the cascade must try them in.
PATH = nx.Graph([("zoe", "cat"), ("cat", "ann"), ("ann", "dan")])


def rows(table: pd.DataFrame) -> list[tuple]:
    return list(table[["step", "tries", "new", "reached", "accounts"]].itertuples(index=False, name=None))


def test_the_first_draws_the_hand_worked_cascades_use():
    """Python's documented generator (Mersenne Twister) gives these; the cases below are worked out from them."""
    draws = {}
    for seed in (1, 3, 4):
        rng = random.Random(seed)
        draws[seed] = [round(rng.random(), 4) for _ in range(3)]
    assert draws == {1: [0.1344, 0.8474, 0.7638], 3: [0.238, 0.5442, 0.37], 4: [0.236, 0.1032, 0.3961]}


def test_a_cascade_from_the_middle_of_a_path_worked_out_by_hand():
    # p = 0.5, draws 0.238, 0.5442, 0.37 (seed 3). Step 1: cat tries ann (0.238 < 0.5: convinced), then
    # zoe (0.5442: not). Step 2: ann tries dan (0.37: convinced); cat already has it, so no draw.
    # Step 3: dan's only friend has it: nobody new, the cascade ends. zoe is never reached.
    table = ct.simulate_cascade(PATH, "cat", 0.5, seed=3)
    assert rows(table) == [(0, 0, 1, 1, ("cat",)), (1, 2, 1, 2, ("ann",)), (2, 1, 1, 3, ("dan",))]


def test_a_cascade_where_every_try_succeeds_worked_out_by_hand():
    # p = 0.5, draws 0.236, 0.1032, 0.3961 (seed 4): cat convinces ann and zoe; then ann tries dan
    # (convinced) and zoe has no friend left to try.
    table = ct.simulate_cascade(PATH, "cat", 0.5, seed=4)
    assert rows(table) == [(0, 0, 1, 1, ("cat",)), (1, 2, 2, 3, ("ann", "zoe")), (2, 1, 1, 4, ("dan",))]


def test_a_friend_who_is_not_convinced_gets_no_second_chance_worked_out_by_hand():
    # p = 0.5, draws 0.1344, 0.8474 (seed 1): zoe convinces cat; cat tries ann once (0.8474: not), and
    # with nobody new the cascade ends, though ann and dan are still out there.
    table = ct.simulate_cascade(PATH, "zoe", 0.5, seed=1)
    assert rows(table) == [(0, 0, 1, 1, ("zoe",)), (1, 1, 1, 2, ("cat",))]


@st.composite
def networks_and_seeds(draw):
    """A small network (self-loops and lonely accounts included) and one to three seed accounts."""
    n = draw(st.integers(1, 12))
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30)))
    return graph, draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3))


def components_of(graph: nx.Graph, seeds) -> set:
    return set().union(*(nx.node_connected_component(graph, s) for s in seeds))


@settings(max_examples=60, deadline=None)
@given(case=networks_and_seeds(), p=st.floats(0.0, 1.0), seed=st.integers(0, 1000))
def test_every_cascade_adds_up_and_spreads_only_through_friendships(case, p, seed):
    graph, seeds = case
    table = ct.simulate_cascade(graph, seeds, p, seed=seed)
    assert table["step"].tolist() == list(range(len(table)))
    assert set(table["accounts"].iloc[0]) == set(seeds) and table["tries"].iloc[0] == 0
    everyone = [a for accounts in table["accounts"] for a in accounts]
    assert len(everyone) == len(set(everyone)), "nobody is reached twice"
    assert table["new"].tolist() == [len(a) for a in table["accounts"]]
    assert table["reached"].tolist() == table["new"].cumsum().tolist()
    assert table["reached"].iloc[-1] <= len(components_of(graph, seeds)) <= graph.number_of_nodes()
    assert (table["new"].iloc[1:] >= 1).all() and (table["new"].iloc[1:] <= table["tries"].iloc[1:]).all()
    for before, now in zip(table["accounts"], table["accounts"].iloc[1:]):
        assert all(any(graph.has_edge(a, b) and a != b for b in before) for a in now)


@settings(max_examples=60, deadline=None)
@given(case=networks_and_seeds(), seed=st.integers(0, 1000))
def test_with_p_zero_only_the_seeds_ever_have_the_post(case, seed):
    graph, seeds = case
    table = ct.simulate_cascade(graph, seeds, 0.0, seed=seed)
    assert len(table) == 1 and table["reached"].iloc[0] == len(set(seeds))


@settings(max_examples=60, deadline=None)
@given(case=networks_and_seeds(), seed=st.integers(0, 1000))
def test_with_p_one_each_step_reaches_the_next_ring_of_the_seeds_whole_component(case, seed):
    graph, seeds = case
    table = ct.simulate_cascade(graph, seeds, 1.0, seed=seed)
    hops = nx.multi_source_dijkstra_path_length(graph, set(seeds))  # networkx, not the code under test
    rings = [{a for a, d in hops.items() if d == step} for step in range(max(hops.values()) + 1)]
    assert [set(a) for a in table["accounts"]] == rings
    assert set().union(*rings) == components_of(graph, seeds)
    assert table["tries"].iloc[1:].tolist() == table["new"].iloc[1:].tolist(), "each newcomer needed one try"


def test_simulate_cascade_is_reproducible_and_the_seed_matters():
    graph = load_network()
    first = ct.simulate_cascade(graph, NURSERY, 0.15, seed=3)
    assert first.equals(ct.simulate_cascade(graph, NURSERY, 0.15, seed=3))
    sizes = {int(ct.simulate_cascade(graph, NURSERY, 0.15, seed=s)["reached"].iloc[-1]) for s in range(8)}
    assert len(sizes) > 1


def test_with_p_one_the_cascade_is_a_breadth_first_search():
    karate = load_karate_club()
    table = ct.simulate_cascade(karate, 0, 1.0)
    distances = bfs_distances(adjacency_of(karate), 0)
    by_step = [sum(1 for d in distances.values() if d <= step) for step in range(max(distances.values()) + 1)]
    assert table["reached"].tolist() == by_step
    assert table["new"].sum() == karate.number_of_nodes()


def test_a_cascade_stays_in_the_seeds_part_of_the_network():
    graph = nx.union(nx.path_graph(3), nx.path_graph(3), rename=("a", "b"))
    assert ct.simulate_cascade(graph, "a0", 1.0)["reached"].iloc[-1] == 3


@pytest.mark.parametrize("p", [0.3, 0.7])
def test_the_average_on_a_path_matches_its_closed_form(p):
    # from one end of a path 0-1-2, node 1 is reached with chance p and node 2 with p²
    average = ct.average_cascade(nx.path_graph(3), 0, p, runs=4000, seed=1)
    assert average == pytest.approx(1 + p + p * p, abs=0.04)


def test_the_average_on_a_star_matches_its_closed_form():
    # from the centre of a star with 10 leaves, each leaf is reached with chance p, and leaves reach nobody new
    average = ct.average_cascade(nx.star_graph(10), 0, 0.25, runs=2000, seed=5)
    assert average == pytest.approx(1 + 10 * 0.25, abs=0.1)


def test_simulate_cascade_rejects_bad_input():
    graph = load_network()
    with pytest.raises(ValueError, match=r"'fernleaf_nursry' is not in the network.*fernleaf_nursery"):
        ct.simulate_cascade(graph, "fernleaf_nursry", 0.1)
    with pytest.raises(ValueError, match="divide by 100"):
        ct.simulate_cascade(graph, NURSERY, 10)
    with pytest.raises(ValueError, match="NaN"):
        ct.simulate_cascade(graph, NURSERY, float("nan"))
    with pytest.raises(ValueError, match="seeds is empty"):
        ct.simulate_cascade(graph, [], 0.1)
    with pytest.raises(ValueError, match="seed must be at least 0"):
        ct.simulate_cascade(graph, NURSERY, 0.1, seed=-1)
    with pytest.raises(ValueError, match="to_undirected"):
        ct.simulate_cascade(nx.DiGraph([(1, 2)]), 1, 0.1)
    with pytest.raises(ValueError, match="runs must be at least 1"):
        ct.average_cascade(graph, NURSERY, 0.1, runs=0)


def test_cascade_threshold_matches_its_formula_by_hand():
    # a star with 4 leaves: degrees 4,1,1,1,1; mean k = 8/5; k(k-1) summed = 12
    assert ct.cascade_threshold(nx.star_graph(4)) == pytest.approx(8 / 12)
    # a ring: everyone has 2 friends, mean k = 2, k(k-1) = 2 each: threshold 1
    assert ct.cascade_threshold(nx.cycle_graph(7)) == pytest.approx(1.0)


@pytest.mark.parametrize("graph", [nx.Graph([(1, 2), (3, 4)]), nx.empty_graph(3), nx.Graph()])
def test_cascade_threshold_is_undefined_when_nobody_has_two_friends(graph):
    result = ct.cascade_threshold(graph)
    assert isinstance(result, Undefined) and "no friends-of-friends paths to divide by" in str(result)


def test_cascades_above_the_threshold_reach_much_more_of_the_sample():
    graph = load_network()
    threshold = ct.cascade_threshold(graph)
    below = ct.average_cascade(graph, NURSERY, threshold / 2, runs=100)
    above = ct.average_cascade(graph, NURSERY, threshold * 2, runs=100)
    assert above > 10 * below


def test_cascade_curves_reach_only_the_first_poster_at_p_0_and_the_whole_network_at_p_1():
    karate = load_karate_club()
    curves = ct.cascade_curves({"path": (nx.path_graph(4), 0), "karate club": (karate, 0)}, [0, 1], runs=3)
    assert curves["network"].tolist() == ["path", "path", "karate club", "karate club"]
    assert curves["p"].tolist() == [0.0, 1.0, 0.0, 1.0]
    assert curves["share_reached"].tolist() == pytest.approx([1 / 4, 1.0, 1 / 34, 1.0])


# --- the time budget ----------------------------------------------------------------------------

SMALL_WEEK = {"short video": 2, "story": 3}
SMALL_MINUTES = {"short video": 40, "story": 6}


def test_time_budget_multiplies_pieces_by_minutes_by_hand():
    table = ct.time_budget(SMALL_WEEK, SMALL_MINUTES).set_index("format")
    assert table.loc["short video", "minutes"] == 80
    assert table.loc["story", "minutes"] == 18
    assert list(table["pieces"]) == [2, 3]


def test_content_hours_counts_one_setup_per_piece_without_batching():
    # 80 + 18 minutes of making, and five sittings of 10 minutes
    assert ct.content_hours(SMALL_WEEK, SMALL_MINUTES, setup=10) == pytest.approx((98 + 50) / 60)


def test_content_hours_counts_one_setup_per_session_when_batched():
    assert ct.content_hours(SMALL_WEEK, SMALL_MINUTES, setup=10, sessions=1) == pytest.approx((98 + 10) / 60)
    assert ct.content_hours(SMALL_WEEK, SMALL_MINUTES, setup=10, sessions=2) == pytest.approx((98 + 20) / 60)


def test_content_hours_of_an_empty_week_is_zero():
    assert ct.content_hours({"story": 0}, SMALL_MINUTES, sessions=1) == 0


@settings(max_examples=50, deadline=None)
@given(
    videos=st.integers(0, 5),
    stories=st.integers(0, 10),
    setup=st.floats(0, 60),
    sessions=st.integers(1, 15),
)
def test_batching_never_costs_more_than_one_sitting_per_piece(videos, stories, setup, sessions):
    plan = {"short video": videos, "story": stories}
    pieces = videos + stories
    if pieces == 0 or sessions > pieces:
        return
    one_each = ct.content_hours(plan, SMALL_MINUTES, setup)
    batched = ct.content_hours(plan, SMALL_MINUTES, setup, sessions)
    assert 0 <= batched <= one_each + 1e-9
    assert one_each - batched == pytest.approx((pieces - sessions) * setup / 60, abs=1e-9)


def test_the_default_minutes_and_plan_are_the_books_example():
    table = ct.time_budget(ct.NURSERY_WEEK)
    making = sum(ct.NURSERY_WEEK[f] * ct.FORMAT_MINUTES[f] for f in ct.NURSERY_WEEK)
    assert table["minutes"].sum() == making
    assert ct.content_hours(ct.NURSERY_WEEK, sessions=1) == pytest.approx((making + ct.SETUP_MINUTES) / 60)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"plan": {"stories": 1}}, "Did you mean .story."),
        ({"plan": {"story": -1}}, "at least 0"),
        ({"plan": {"story": 1.5}}, "whole number"),
        ({"plan": ["story"]}, "dict of format"),
        ({"plan": {"story": 2}, "sessions": 3}, "at most one sitting per piece"),
        ({"plan": {"story": 2}, "sessions": 0}, "at least 1"),
        ({"plan": {"story": 2}, "setup": -5}, "at least 0 minutes"),
        ({"plan": {"story": 2}, "minutes": {"story": 0}}, "above 0 minutes"),
    ],
)
def test_content_hours_explains_bad_input(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        ct.content_hours(**kwargs)
