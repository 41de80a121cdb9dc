"""sevencs.community against closed forms, hand-counted tables and networkx called directly."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sevencs import community as cm
from sevencs.datasets import load_group_activity, load_karate_club

# --- growth ---------------------------------------------------------------------------------


def test_the_ten_times_ten_story_is_geometric_growth_by_hand():
    table = cm.growth("geometric", start=10, rate=9, periods=3)
    assert list(table["members"]) == [10, 100, 1000, 10000]
    assert list(table["new_members"]) == [0, 90, 900, 9000]
    assert "share_of_market" not in table


def test_geometric_growth_with_a_market_shows_how_far_past_it_the_story_runs():
    table = cm.growth("geometric", start=5, rate=1.0, market=20, periods=3)
    assert list(table["members"]) == [5, 10, 20, 40]
    assert list(table["share_of_market"]) == [0.25, 0.5, 1.0, 2.0]


@pytest.mark.parametrize(("start", "rate", "market"), [(10, 1.0, 400), (13, 1.12, 190), (1, 0.3, 50)])
def test_logistic_growth_matches_verhulsts_closed_form(start, rate, market):
    table = cm.growth("logistic", start=start, rate=rate, market=market, periods=15)
    for t, members in zip(table["period"], table["members"]):
        # N(t) = K N0 e^{λt} / (K + N0 (e^{λt} − 1)), an equivalent form of Verhulst's solution
        grow = (1 + rate) ** t
        assert members == pytest.approx(market * start * grow / (market + start * (grow - 1)))


def test_logistic_growth_solves_the_logistic_equation():
    """dN/dt = λ N (1 − N/K): check with a small central difference."""
    start, rate, market = 10, 1.0, 400
    lam = math.log(2)
    n = lambda t: market / (1 + (market - start) / start * math.exp(-lam * t))  # noqa: E731
    table = cm.growth("logistic", start, rate, market, periods=10)
    for t in range(1, 10):
        h = 1e-5
        slope = (n(t + h) - n(t - h)) / (2 * h)
        members = table["members"].iloc[t]
        assert slope == pytest.approx(lam * members * (1 - members / market), rel=1e-6)


def test_both_models_agree_while_the_group_is_small():
    story = cm.growth("geometric", 1, 0.5, 1_000_000, 4)
    logistic = cm.growth("logistic", 1, 0.5, 1_000_000, 4)
    assert list(logistic["members"]) == pytest.approx(list(story["members"]), rel=1e-4)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 500), st.floats(0.01, 5.0), st.integers(1, 3000), st.integers(1, 40))
def test_logistic_growth_rises_and_never_passes_the_market(start, rate, extra, periods):
    market = start + extra
    table = cm.growth("logistic", start, rate, market, periods)
    assert (table["members"] <= market + 1e-9).all()
    assert (table["members"].diff().dropna() >= -1e-9).all()


def test_half_market_time_by_hand_and_against_the_table():
    # N0 = 10, K = 400, doubling: 2 ** t = 39, so t = log2(39)
    assert cm.half_market_time(10, 1.0, 400) == pytest.approx(math.log2(39))
    table = cm.growth("logistic", 10, 1.0, 400, 12)
    first = table.loc[table["members"] >= 200, "period"].iloc[0]
    assert first == 6 == math.ceil(math.log2(39))
    assert table["new_members"].idxmax() == 6


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        (dict(model="exponential"), ValueError, "model must be one of 'geometric', 'logistic'"),
        (dict(model="logistic"), ValueError, "needs a market size"),
        (dict(model="logistic", start=400, market=400), ValueError, "must be below the market size"),
        (dict(start=0), ValueError, "start must be at least 1"),
        (dict(start=-5), ValueError, "start must be at least 1"),
        (dict(rate=0), ValueError, "rate must be above 0"),
        (dict(rate=-0.5), ValueError, "rate must be above 0"),
        (dict(rate=float("nan")), ValueError, "NaN"),
        (dict(rate="fast"), TypeError, "rate must be a number"),
        (dict(periods=0), ValueError, "periods must be at least 1"),
        (dict(market=-10), ValueError, "market must be at least 1"),
        (dict(start=2.5), ValueError, "start must be a whole number"),
    ],
)
def test_growth_rejects_bad_input_with_a_clear_message(kwargs, error, words):
    with pytest.raises(error, match=words):
        cm.growth(**kwargs)


def test_half_market_time_rejects_a_start_at_the_market():
    with pytest.raises(ValueError, match="below the market size"):
        cm.half_market_time(50, 1.0, 50)


# --- community detection --------------------------------------------------------------------


def two_cliques() -> nx.Graph:
    """Two groups of four where everyone knows everyone, joined by one friendship (d–e)."""
    g = nx.complete_graph(["a", "b", "c", "d"])
    g.add_edges_from(nx.complete_graph(["e", "f", "g", "h"]).edges())
    g.add_edge("d", "e")
    return g


@pytest.mark.parametrize("method", ["greedy", "louvain"])
def test_two_obvious_groups_are_found(method):
    found = cm.detect_communities(two_cliques(), method=method)
    assert set(found.groups) == {frozenset("abcd"), frozenset("efgh")}
    assert list(found.sizes) == [4, 4]
    # by hand: m = 13; each group has 6 inside, degree sum 13: Q = 2 × (6/13 − (13/26)²)
    assert found.modularity == pytest.approx(2 * (6 / 13 - 0.25))
    assert found.community_of("a") != found.community_of("h")


def test_greedy_detection_matches_networkx_called_directly_on_the_karate_club():
    karate = load_karate_club()
    found = cm.detect_communities(karate)
    direct = nx.community.greedy_modularity_communities(karate, weight=None)
    assert set(found.groups) == {frozenset(c) for c in direct}
    assert found.modularity == pytest.approx(nx.community.modularity(karate, direct, weight=None))
    assert list(found.sizes) == sorted((len(c) for c in direct), reverse=True)
    assert found.members["account"].nunique() == 34


def test_louvain_with_a_seed_repeats_and_matches_networkx():
    karate = load_karate_club()
    once, twice = cm.detect_communities(karate, "louvain", seed=7), cm.detect_communities(karate, "louvain", seed=7)
    assert once.groups == twice.groups
    direct = nx.community.louvain_communities(karate, weight=None, seed=7)
    assert set(once.groups) == {frozenset(c) for c in direct}


def test_detected_communities_recover_most_of_the_karate_clubs_real_split():
    """Known structure: the club split around members 0 and 33 (Zachary 1977)."""
    karate = load_karate_club()
    found = cm.detect_communities(karate)
    assert found.community_of(0) != found.community_of(33)
    table = cm.compare_with_split(found, nx.get_node_attributes(karate, "club"))
    # independent count: majority side of each community, by hand
    wrong = 0
    for group in found.groups:
        sides = [karate.nodes[n]["club"] for n in group]
        majority = max(set(sides), key=sides.count)
        wrong += sum(s != majority for s in sides)
    assert int((~table["agrees"]).sum()) == wrong
    assert table["agrees"].mean() == pytest.approx(1 - wrong / 34)
    assert table["agrees"].mean() > 0.85


def test_a_community_of_one_always_agrees_with_the_split():
    g = nx.Graph([("a", "b")])
    g.add_node("c")
    g.add_edge("c", "c")  # a self-loop is not a friendship
    found = cm.detect_communities(g)
    table = cm.compare_with_split(found, {"a": "x", "b": "y", "c": "y"})
    assert table.set_index("account").at["c", "agrees"]
    assert table["agrees"].sum() == 2  # a-b: tie goes to 'x', so b disagrees


@pytest.mark.parametrize(
    ("graph", "kwargs", "error", "words"),
    [
        ("not a graph", {}, TypeError, "must be a networkx graph"),
        (nx.DiGraph([(1, 2)]), {}, ValueError, "directed"),
        (nx.Graph(), {}, ValueError, "no accounts"),
        (nx.empty_graph(3), {}, ValueError, "nobody in the graph has a friend"),
        (nx.path_graph(3), {"method": "girvan"}, ValueError, "method must be one of"),
        (nx.path_graph(3), {"seed": -1}, ValueError, "seed must be at least 0"),
    ],
)
def test_detect_communities_rejects_bad_input(graph, kwargs, error, words):
    with pytest.raises(error, match=words):
        cm.detect_communities(graph, **kwargs)


def test_compare_with_split_rejects_bad_input():
    found = cm.detect_communities(two_cliques())
    with pytest.raises(ValueError, match="no side for 1 account"):
        cm.compare_with_split(found, {n: "x" for n in "abcdefg"})
    with pytest.raises(TypeError, match="labels must map"):
        cm.compare_with_split(found, ["x"] * 8)
    with pytest.raises(TypeError, match="result of detect_communities"):
        cm.compare_with_split([{"a"}], {"a": "x"})


def test_an_unknown_account_has_no_community():
    with pytest.raises(ValueError, match="not in the network"):
        cm.detect_communities(two_cliques()).community_of("zz")


# --- activity tables ------------------------------------------------------------------------


def small_activity() -> pd.DataFrame:
    """Four members, hand-made. Months 2026-01 to 2026-03.

    ann: joined 01; posts in 01 → creator; active 01, 03.
    bob: joined 01; comments in 02 → contributor; active 02.
    cat: joined 02; reactions only (02) → lurker; active 02.
    dev: joined 02; nothing at all → lurker; never active.
    """
    rows = [
        ("ann", "2026-01", "2026-01", 1, 0, 0),
        ("ann", "2026-02", "2026-01", 0, 0, 0),
        ("ann", "2026-03", "2026-01", 0, 0, 2),
        ("bob", "2026-01", "2026-01", 0, 0, 0),
        ("bob", "2026-02", "2026-01", 0, 3, 0),
        ("bob", "2026-03", "2026-01", 0, 0, 0),
        ("cat", "2026-02", "2026-02", 0, 0, 4),
        ("cat", "2026-03", "2026-02", 0, 0, 0),
        ("dev", "2026-02", "2026-02", 0, 0, 0),
        ("dev", "2026-03", "2026-02", 0, 0, 0),
    ]
    return pd.DataFrame(rows, columns=cm.ACTIVITY_COLUMNS)


def test_member_roles_by_hand():
    roles = cm.member_roles(small_activity())
    assert roles.to_dict() == {"ann": "creator", "bob": "contributor", "cat": "lurker", "dev": "lurker"}


def test_participation_by_hand():
    table = cm.participation(small_activity())
    assert table["members"].to_dict() == {"lurker": 2, "contributor": 1, "creator": 1}
    assert table["share"].to_dict() == {"lurker": 0.5, "contributor": 0.25, "creator": 0.25}
    assert table["rule_of_thumb"].to_dict() == {"lurker": 0.90, "contributor": 0.09, "creator": 0.01}


def test_a_creator_who_also_comments_is_a_creator():
    frame = small_activity()
    frame.loc[0, "comments"] = 5
    assert cm.member_roles(frame)["ann"] == "creator"


def test_active_member_ratio_by_hand():
    table = cm.active_member_ratio(small_activity())
    assert list(table["month"]) == ["2026-01", "2026-02", "2026-03"]
    assert list(table["members"]) == [2, 4, 4]
    assert list(table["active"]) == [1, 2, 1]  # 01: ann; 02: bob, cat; 03: ann
    assert list(table["active_ratio"]) == [0.5, 0.5, 0.25]


def test_a_member_without_a_row_in_a_month_counts_as_not_active():
    frame = small_activity()
    frame = frame[~((frame["account"] == "dev") & (frame["month"] == "2026-03"))]
    assert list(cm.active_member_ratio(frame)["members"]) == [2, 4, 4]


def test_retention_by_cohort_by_hand():
    table = cm.retention_by_cohort(small_activity())
    assert table["members"].to_dict() == {"2026-01": 2, "2026-02": 2}
    # cohort 01: month 0 ann; month 1 bob; month 2 ann. cohort 02: month 0 cat; month 1 nobody
    assert list(table.loc["2026-01", [0, 1, 2]]) == [0.5, 0.5, 0.5]
    assert list(table.loc["2026-02", [0, 1]]) == [0.5, 0.0]
    assert math.isnan(table.loc["2026-02", 2])  # not observed yet: undefined, not zero


def test_average_retention_weights_cohorts_by_size_by_hand():
    # a cohort of 1 (active in months 0 and 2) and a cohort of 3 (one of them active in month 1)
    retention = pd.DataFrame(
        {"members": [1, 3], 0: [1.0, 0.0], 1: [0.0, 1 / 3], 2: [1.0, math.nan]}, index=["2026-01", "2026-02"]
    )
    average = cm.average_retention(retention, min_members=4)
    assert average.to_dict() == pytest.approx({0: 1 / 4, 1: 1 / 4})  # month 2: only 1 member observed
    assert cm.average_retention(retention, min_members=1).to_dict() == pytest.approx({0: 0.25, 1: 0.25, 2: 1.0})


def test_the_sample_groups_tables_agree_with_a_plain_pandas_count():
    activity = load_group_activity()
    totals = activity.groupby("account")[["posts", "comments"]].sum()
    lurkers = ((totals["posts"] == 0) & (totals["comments"] == 0)).mean()
    assert cm.participation(activity).at["lurker", "share"] == pytest.approx(lurkers)
    last = activity[activity["month"] == "2026-10"]
    active = (last[["posts", "comments", "reactions"]].sum(axis=1) > 0).mean()
    assert cm.active_member_ratio(activity)["active_ratio"].iloc[-1] == pytest.approx(active)
    april = activity[activity["joined"] == "2026-04"]
    july = april[(april["month"] == "2026-07") & (april[["posts", "comments", "reactions"]].sum(axis=1) > 0)]
    assert cm.retention_by_cohort(activity).at["2026-04", 3] == pytest.approx(
        july["account"].nunique() / april["account"].nunique()
    )


ACTIVITY_FUNCTIONS = [cm.participation, cm.member_roles, cm.active_member_ratio, cm.retention_by_cohort]


@pytest.mark.parametrize("function", ACTIVITY_FUNCTIONS)
def test_a_missing_column_is_named_with_the_expected_list(function):
    with pytest.raises(ValueError, match="missing the column 'comments'; expected columns: account, month, joined"):
        function(small_activity().drop(columns="comments"))


@pytest.mark.parametrize("function", ACTIVITY_FUNCTIONS)
def test_an_empty_table_is_refused(function):
    with pytest.raises(ValueError, match="is empty"):
        function(small_activity().iloc[0:0])


@pytest.mark.parametrize("function", ACTIVITY_FUNCTIONS)
@pytest.mark.parametrize(("value", "words"), [(-1, "negative count"), (float("nan"), "missing value")])
def test_negative_or_missing_counts_are_refused(function, value, words):
    frame = small_activity()
    frame["posts"] = frame["posts"].astype(float)
    frame.loc[3, "posts"] = value
    with pytest.raises(ValueError, match=words):
        function(frame)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda f: f.assign(month=f["month"].replace("2026-02", "Feb 2026")), "YYYY-MM"),
        (lambda f: f.assign(joined=f["joined"].replace("2026-02", "2026-03")), "before the member joined"),
        (lambda f: pd.concat([f, f.iloc[[0]]]), "two rows for 'ann'"),
        (lambda f: f.assign(posts=f["posts"].astype(str)), "must hold numbers"),
    ],
)
def test_malformed_activity_tables_get_a_clear_message(change, words):
    with pytest.raises(ValueError, match=words):
        cm.participation(change(small_activity()))


def test_a_table_that_is_not_a_dataframe_is_refused():
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        cm.participation([{"account": "ann"}])


def test_communities_show_as_a_sentence_and_a_table_of_sizes():
    from bs4 import BeautifulSoup

    found = cm.detect_communities(load_karate_club())
    page = BeautifulSoup(found._repr_html_(), "html.parser")
    assert page.p.get_text() == (
        f"{len(found.groups)} communities found by {found.method}; modularity {found.modularity:.3f}."
    )
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.tbody.find_all("tr")]
    assert rows == [[str(c), str(n)] for c, n in found.sizes.items()]
    assert sum(int(n) for _, n in rows) == load_karate_club().number_of_nodes()
