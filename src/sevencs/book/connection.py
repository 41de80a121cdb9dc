"""Numbers glued into book/connection.md."""

from __future__ import annotations

import networkx as nx

from sevencs import connection as cx
from sevencs.datasets import NURSERY, TEN_FRIENDS, load_karate_club, load_network, load_posts


def most_friends_sentence(graph: nx.Graph, broker: str) -> str:
    """Who has the most friends, told as the counts are: the nursery first if it leads, then the top person.

    The chapter sets it beside the strongest bridge (``broker``), so it says
    whether the person with the most friends is that bridge.
    """
    counts = cx.friend_counts(graph)
    people = counts.drop(NURSERY)
    person, friends = people.index[0], int(people.iloc[0])
    bridge = "also the strongest bridge" if person == broker else "not the strongest bridge"
    if counts.index[0] == NURSERY:
        return (
            f"The account with the most friends is the nursery itself, with {int(counts[NURSERY])}; "
            f"next comes {person}, with {friends}, {bridge}."
        )
    return (
        f"The account with the most friends is {person}, with {friends}, more than the nursery's "
        f"{int(counts[NURSERY])}, and {bridge}."
    )


def numbers() -> dict[str, object]:
    graph = load_network()
    karate = load_karate_club()
    counts = cx.friend_counts(graph)
    people = counts.drop(NURSERY)
    parts = cx.two_hop_breakdown(graph, TEN_FRIENDS)
    mean_k, mean_friend_k = cx.friendship_paradox(graph)
    k_mean_k, k_mean_friend_k = cx.friendship_paradox(karate)
    growth = cx.simulate_growth(graph, start=10, per_friend=10, acceptance=1.0, hops=3, source=NURSERY)
    brokers = cx.brokers(graph, top=5)
    broker = brokers[brokers["account"] != NURSERY].iloc[0]
    karate_brokers = cx.brokers(karate, top=2)["account"].tolist()
    return {
        "accounts": graph.number_of_nodes(),
        "friendships": graph.number_of_edges(),
        "median_friends": int(people.median()),
        "most_friends": int(people.iloc[0]),
        "most_friends_account": people.index[0],
        "ten_account": TEN_FRIENDS,
        "ten_friends": int(parts["friends"]),
        "ten_entries": int(parts["friend_list_entries"]),
        "ten_back": int(parts["back_to_you"]),
        "ten_own": int(parts["your_own_friends"]),
        "ten_repeats": int(parts["repeats"]),
        "ten_new": int(parts["new_people"]),
        "ten_overlap": cx.overlap(graph, TEN_FRIENDS),
        "nursery_friends": int(counts[NURSERY]),
        "page_followers": int(load_posts()["followers"].iloc[-1]),
        "nursery_reach2": cx.reach(graph, NURSERY, 2),
        "nursery_overlap": cx.overlap(graph, NURSERY),
        "story_hop3": int(growth["naive_connected"].iloc[-1]),
        "sim_hop3": int(growth["connected"].iloc[-1]),
        "sim_hop2": int(growth["connected"].iloc[1]),
        "mean_friends": mean_k,
        "mean_friend_friends": mean_friend_k,
        "paradox_share": cx.paradox_share(graph),
        "broker": broker["account"],
        "broker_friends": int(broker["friends"]),
        "most_friends_sentence": most_friends_sentence(graph, broker["account"]),
        "karate_members": karate.number_of_nodes(),
        "karate_friendships": karate.number_of_edges(),
        "karate_mean_friends": k_mean_k,
        "karate_mean_friend_friends": k_mean_friend_k,
        "karate_paradox_share": cx.paradox_share(karate),
        "karate_broker_1": karate_brokers[0],
        "karate_broker_2": karate_brokers[1],
        "karate_friends_0": karate.degree(0),
        "karate_reach2_0": cx.reach(karate, 0, 2),
        "karate_story2_0": cx.naive_reach_cumulative(karate.degree(0), karate.degree(0), 2),
    }
