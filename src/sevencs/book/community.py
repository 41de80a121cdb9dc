"""Numbers glued into book/community.md."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd

from sevencs import community as cm
from sevencs.cells import number_at
from sevencs.datasets import load_group_activity, load_karate_club, load_network

#: The explorer's default view, also the page's Figure 1.
START, RATE, MARKET, PERIODS = 13, 1.0, 190, 12


def _month(text: str) -> str:
    """'2026-04' → 'April 2026'."""
    return pd.Timestamp(f"{text}-01").strftime("%B %Y")


def numbers() -> dict[str, object]:
    activity = load_group_activity()
    karate = load_karate_club()
    network = load_network()
    sides = nx.get_node_attributes(karate, "club")

    story10 = cm.growth("geometric", start=10, rate=9, periods=3)
    story = cm.growth("geometric", START, RATE, MARKET, PERIODS)
    logistic = cm.growth("logistic", START, RATE, MARKET, PERIODS)
    real = cm.group_members_by_month(activity)
    joins = real["members"].diff()
    last_join = real["month"][joins > 0].iloc[-1]

    roles = cm.participation(activity)
    active = cm.active_member_ratio(activity)
    peak = active.loc[[active["active_ratio"].idxmax()]].iloc[0]
    retention = cm.retention_by_cohort(activity)

    found = cm.detect_communities(karate)
    compared = cm.compare_with_split(found, sides)
    wrong = compared[~compared["agrees"]]
    louvain = cm.detect_communities(karate, "louvain")
    louvain_compared = cm.compare_with_split(louvain, sides)
    town = cm.detect_communities(network)
    circles = {c for _, cs in network.nodes(data="circles") for c in cs}
    in_several = sum(1 for _, cs in network.nodes(data="circles") if len(cs) > 1)

    half = cm.half_market_time(START, RATE, MARKET)
    return {
        "story_hop2": int(story10["members"].iloc[1]),
        "story_hop3": int(story10["members"].iloc[2]),
        "start": START,
        "market": MARKET,
        "periods": PERIODS,
        "story_end": int(story["members"].iloc[-1]),
        "story_times_market": float(story["members"].iloc[-1] / MARKET),
        "logistic_end": round(logistic["members"].iloc[-1]),
        "half_time": half,
        "half_month": math.ceil(half),
        "group_first": int(real["members"].iloc[0]),
        "group_first_month": _month(real["month"].iloc[0]),
        "group_members": int(real["members"].iloc[-1]),
        "group_months": len(real),
        "group_last_month": _month(real["month"].iloc[-1]),
        "group_third": int(real["members"].iloc[3]),
        "group_last_join": _month(last_join),
        "members": int(roles["members"].sum()),
        "lurkers": int(number_at(roles, "lurker", "members")),
        "contributors": int(number_at(roles, "contributor", "members")),
        "creators": int(number_at(roles, "creator", "members")),
        "lurker_share": number_at(roles, "lurker", "share"),
        "contributor_share": number_at(roles, "contributor", "share"),
        "creator_share": number_at(roles, "creator", "share"),
        "active_first": float(active["active_ratio"].iloc[0]),
        "active_peak": float(peak["active_ratio"]),
        "active_peak_month": _month(peak["month"]),
        "active_peak_phrase": (
            "the highest share of any month"
            if peak["month"] == active["month"].iloc[0]
            else f"and the share peaked at {peak['active_ratio']:.0%} in {_month(peak['month'])}"
        ),
        "active_last": float(active["active_ratio"].iloc[-1]),
        "active_last_count": int(active["active"].iloc[-1]),
        "retention_april_size": int(number_at(retention, "2026-04", "members")),
        "retention_april_0": number_at(retention, "2026-04", 0),
        "retention_april_3": number_at(retention, "2026-04", 3),
        "karate_members": karate.number_of_nodes(),
        "karate_communities": len(found.groups),
        "karate_sizes": ", ".join(str(s) for s in found.sizes),
        "karate_modularity": found.modularity,
        "karate_agreement": float(compared["agrees"].mean()),
        "karate_wrong_count": len(wrong),
        "karate_wrong": " and ".join(str(a) for a in wrong["account"]),
        "louvain_communities": len(louvain.groups),
        "louvain_modularity": louvain.modularity,
        "louvain_agreement": float(louvain_compared["agrees"].mean()),
        "louvain_wrong": " and ".join(str(a) for a in louvain_compared.loc[~louvain_compared["agrees"], "account"]),
        "town_communities": len(town.groups),
        "town_modularity": town.modularity,
        "town_circles": len(circles),
        "town_in_several": in_several,
        "town_accounts": network.number_of_nodes(),
    }
