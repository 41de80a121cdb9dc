"""Numbers glued into book/relationships.md, and the sample tables behind its figures.

The figures themselves are in :mod:`sevencs.figures.relationships`.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from sevencs import relationships as rx
from sevencs._checks import Undefined
from sevencs.cells import number_at
from sevencs.datasets import load_interactions, load_peer_posts, load_posts
from sevencs.exercises.relationships import DRAFT, MODEL_REWRITE, SHORT_HALF_LIFE

#: The character whose ties the page ranks: the novel's central figure.
CHARACTER = "Valjean"


def _one_way(table: pd.DataFrame) -> pd.Series:
    return (table["from_us"] == 0) | (table["from_them"] == 0)


def character_ties(graph: nx.Graph | None = None, who: str = CHARACTER) -> pd.Series:
    """One character's ties in Les Misérables, strongest first: chapters shared with each other character."""
    graph = nx.les_miserables_graph() if graph is None else graph
    weights = {other: data["weight"] for other, data in graph[who].items()}
    order = sorted(weights, key=lambda o: (-weights[o], o))
    ties = pd.Series([weights[o] for o in order], index=pd.Index(order, name="character"), name="weight")
    ties.attrs["character"] = who
    return ties


def you_we_by_account() -> pd.DataFrame:
    """You and we words and the you share, for the nursery's posts and each peer business's."""
    rows = {"fernleaf_nursery": load_posts()["text"]}
    for account, group in load_peer_posts().groupby("account"):
        rows[str(account)] = group["text"]
    table = pd.DataFrame([{**rx.you_we_counts(texts), "account": name} for name, texts in rows.items()])
    table = table.set_index("account")
    table["you_share"] = table["you"] / (table["you"] + table["we"])
    return table


def numbers() -> dict[str, object]:
    log = load_interactions()
    table = rx.tie_strength(log)
    directions = rx.reciprocity(log)
    one_way = _one_way(table)
    never_answered = directions["from_us"] == 0
    layers = rx.dunbar_layers(table)
    in_15 = layers.index[layers["rank"] <= 15]
    busiest = table["interactions"].idxmax()
    strongest = table.index[0]
    short = rx.tie_strength(log, half_life=SHORT_HALF_LIFE)
    no_recip = rx.tie_strength(log, reciprocity=0)
    posts = load_posts()
    counts = rx.you_we_counts(posts["text"])
    per_post = [rx.you_we_ratio(t) for t in posts["text"]]
    neither = sum(isinstance(r, Undefined) for r in per_post)
    per_post_zero = sum(0.0 if isinstance(r, Undefined) else r for r in per_post) / len(per_post)
    promo = posts[posts["type"] == "promotional"]["text"]
    promo_counts = rx.you_we_counts(promo)
    accounts = you_we_by_account()
    peers = accounts.drop(index="fernleaf_nursery")
    ties = character_ties()
    les = nx.les_miserables_graph()
    return {
        "people": len(table),
        "interactions": len(log),
        "from_people": int(directions["from_them"].sum()),
        "from_nursery": int(directions["from_us"].sum()),
        "never_answered": int(never_answered.sum()),
        "never_answered_share": float(never_answered.mean()),
        "one_way": int(one_way.sum()),
        "strongest": strongest,
        "strongest_strength": number_at(table, strongest, "strength"),
        "strongest_from_them": int(number_at(table, strongest, "from_them")),
        "strongest_from_us": int(number_at(table, strongest, "from_us")),
        "busiest": busiest,
        "busiest_interactions": int(number_at(table, busiest, "interactions")),
        "busiest_from_us": int(number_at(table, busiest, "from_us")),
        "busiest_rank": int(number_at(table, busiest, "rank")),
        "busiest_reciprocity": number_at(table, busiest, "reciprocity"),
        "half_life": int(rx.DEFAULT_HALF_LIFE),
        "one_way_in_15": int(one_way.loc[in_15].sum()),
        "one_way_in_150": int(one_way.loc[layers.index[layers["layer"] > 0]].sum()),
        "beyond_150": int((layers["layer"] == 0).sum()),
        "short_half_life": SHORT_HALF_LIFE,
        "stay_short": len(set(table.index[:15]) & set(short.index[:15])),
        "stay_no_recip": len(set(table.index[:15]) & set(no_recip.index[:15])),
        "no_recip_strongest": no_recip.index[0],
        "posts": len(posts),
        "you_words": counts["you"],
        "we_words": counts["we"],
        "you_share": float(rx.you_we_ratio(posts["text"])),
        "posts_neither": int(neither),
        "per_post_zero": float(per_post_zero),
        "promo_posts": len(promo),
        "promo_person_words": promo_counts["you"] + promo_counts["we"],
        "peer_share_min": float(peers["you_share"].min()),
        "peer_share_max": float(peers["you_share"].max()),
        "draft_share": float(rx.you_we_ratio(DRAFT)),
        "rewrite_share": float(rx.you_we_ratio(MODEL_REWRITE)),
        "les_characters": les.number_of_nodes(),
        "les_ties": les.number_of_edges(),
        "character": CHARACTER,
        "character_ties": len(ties),
        "character_top": ties.index[0],
        "character_top_weight": int(ties.iloc[0]),
        "character_top5_share": float(ties.iloc[:5].sum() / ties.sum()),
        "character_weight_one": int((ties == 1).sum()),
        "les_weight_one_share": float(np.mean([d["weight"] == 1 for *_, d in les.edges(data=True)])),
    }
