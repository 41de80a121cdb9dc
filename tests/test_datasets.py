"""The sample business: reproducible, documented, and with the shapes the course relies on."""

from __future__ import annotations

import filecmp
import statistics

import networkx as nx
import pandas as pd
import pytest

from sevencs import connection as cx
from sevencs.datasets import (
    NURSERY,
    TABLES,
    TEN_FRIENDS,
    describe,
    generate,
    load_karate_club,
    load_network,
    load_posts,
    load_table,
)


def test_the_generator_reproduces_the_shipped_files_byte_for_byte(tmp_path):
    written = generate.write_all(tmp_path)
    for path in written:
        assert filecmp.cmp(path, generate.DATA_DIR / path.name, shallow=False), path.name


def test_a_different_seed_gives_different_data(tmp_path):
    generate.write_all(tmp_path, seed=generate.SEED + 1)
    assert not filecmp.cmp(tmp_path / "network_edges.csv", generate.DATA_DIR / "network_edges.csv", shallow=False)


@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_loads_with_its_documented_columns(name):
    frame = load_table(name)
    assert list(frame.columns) == TABLES[name].column_names
    assert len(frame) > 0


def test_posts_cover_twelve_months_of_four_types():
    posts = load_posts()
    assert pd.api.types.is_datetime64_any_dtype(posts["date"])
    months = posts["date"].dt.to_period("M").unique()
    assert len(months) == 12
    assert set(posts["type"]) == {"promotional", "how-to", "question", "story"}
    assert (posts[["reach", "likes", "comments", "shares"]] >= 0).all().all()
    assert posts["post_id"].is_unique and posts["date"].is_monotonic_increasing


def test_post_engagement_is_heavy_tailed():
    reach = load_posts()["reach"]
    assert reach.max() > 4 * reach.median()


def test_loading_gives_a_fresh_copy_each_time():
    posts = load_posts()
    posts.loc[0, "likes"] = -999
    assert load_posts().loc[0, "likes"] != -999
    graph = load_network()
    graph.remove_node(NURSERY)
    assert NURSERY in load_network()


def test_network_has_a_heavy_tailed_degree_distribution():
    degrees = [d for _, d in load_network().degree()]
    assert max(degrees) >= 5 * statistics.median(degrees)
    assert statistics.mean(degrees) > statistics.median(degrees)


def test_friend_circles_overlap():
    graph = load_network()
    people = [n for n, kind in graph.nodes(data="kind") if kind != "business"]
    in_several = [n for n in people if len(graph.nodes[n]["circles"]) >= 2]
    assert 0.1 <= len(in_several) / len(people) <= 0.5


def test_the_top_bridges_sit_in_several_circles_and_are_not_the_most_popular():
    graph = load_network()
    table = cx.brokers(graph, top=6)
    others = table[table["account"] != NURSERY]
    circles = [len(graph.nodes[a]["circles"]) for a in others["account"]]
    assert circles[0] >= 3, "the strongest bridge should belong to several circles"
    most_friends = cx.friend_counts(graph).drop(NURSERY).index[0]
    assert others["account"].iloc[0] != most_friends


def test_every_account_has_a_drawing_position_and_known_kind():
    graph = load_network()
    assert all(len(graph.nodes[n]["pos"]) == 2 for n in graph)
    assert {k for _, k in graph.nodes(data="kind")} == {"business", "connector", "person"}
    assert graph.nodes[NURSERY]["kind"] == "business"


def test_the_ten_friends_account_has_ten_friends():
    assert load_network().degree(TEN_FRIENDS) == 10


def test_karate_club_is_zacharys_network():
    karate = load_karate_club()
    assert (karate.number_of_nodes(), karate.number_of_edges()) == (34, 78)
    assert {karate.nodes[n]["club"] for n in karate} == {"Mr. Hi", "Officer"}
    assert nx.is_connected(karate)


def test_describe_is_the_data_dictionary():
    frame = describe()
    assert list(frame.columns) == ["table", "column", "type", "meaning"]
    assert len(frame) == sum(len(t.columns) for t in TABLES.values())
    assert (frame["meaning"].str.len() > 10).all()
    assert list(describe("posts")["column"]) == TABLES["posts"].column_names


def test_unknown_table_gets_a_list_of_the_real_ones():
    with pytest.raises(ValueError, match=r"no sample table called 'tweets'.*posts"):
        load_table("tweets")


# --- one coherent scale (issue 15, slip 16) ------------------------------------------------


def test_a_post_reaches_a_fraction_of_the_followers_it_could_reach():
    posts = load_posts()
    share = posts["reach"] / posts["followers"]
    assert posts["reach"].median() < posts["followers"].min()
    assert 0.03 <= share.median() <= 0.4, "organic post reach is a fraction of followers on today's platforms"


def test_engagement_is_a_plausible_share_of_post_reach_and_of_followers():
    posts = load_posts()
    engagements = posts[["likes", "comments", "shares"]].sum(axis=1)
    by_reach = engagements.sum() / posts["reach"].sum()
    by_followers = engagements.sum() / posts["followers"].sum()
    assert 0.01 <= by_reach <= 0.15
    assert 0.001 <= by_followers <= 0.05
    assert by_followers < by_reach


def test_the_network_map_holds_fewer_accounts_than_the_page_has_followers():
    posts, graph = load_posts(), load_network()
    assert graph.degree(NURSERY) < posts["followers"].iloc[0]
    assert graph.number_of_nodes() < posts["followers"].iloc[-1]


def test_no_more_people_came_through_social_media_than_the_page_gained_followers():
    posts, leads = load_posts(), load_table("leads")
    gained = posts["followers"].iloc[-1] - posts["followers"].iloc[0]
    social = leads[leads["source"] == "social"]
    assert 0 < len(social) <= gained
    assert len(social) < len(leads) / 2, "most of a small nursery's leads come from off-line"


def test_the_online_group_is_a_small_part_of_the_followers():
    members = load_table("group_activity")["account"].nunique()
    assert 0 < members < load_posts()["followers"].iloc[-1] / 4


# --- the Connection chapter's sentence on who has the most friends (issue 15, slip 11) -------------


def _top_person(graph):
    people = {n: d for n, d in graph.degree() if n != NURSERY}
    return max(people.items(), key=lambda item: (item[1], -sorted(people).index(item[0])))


def test_the_most_friends_sentence_puts_the_nursery_first_when_it_leads():
    from sevencs.book.connection import most_friends_sentence

    graph = load_network()
    person, friends = _top_person(graph)
    assert graph.degree(NURSERY) > friends, "on the sample data the nursery has the most friends"
    sentence = most_friends_sentence(graph, broker="market_organiser")
    assert sentence.startswith(
        f"The account with the most friends is the nursery itself, with {graph.degree(NURSERY)};"
    )
    assert f"next comes {person}, with {friends}," in sentence


def test_the_most_friends_sentence_names_the_person_when_the_nursery_does_not_lead():
    from sevencs.book.connection import most_friends_sentence

    graph = load_network()
    graph.remove_edges_from(list(graph.edges(NURSERY))[:20])
    person, friends = _top_person(graph)
    sentence = most_friends_sentence(graph, broker=person)
    assert "nursery itself" not in sentence
    assert sentence.startswith(f"The account with the most friends is {person}, with {friends},")
    assert f"the nursery's {graph.degree(NURSERY)}" in sentence and "also the strongest bridge" in sentence
