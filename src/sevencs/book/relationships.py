"""Numbers glued into book/relationships.md, and the page's two static figures.

The figures live here rather than in :mod:`sevencs.figures` because only this
chapter uses them; the lab notebook imports them too.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from sevencs import figures
from sevencs import relationships as rx
from sevencs._checks import Undefined
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
        rows[account] = group["text"]
    table = pd.DataFrame([{**rx.you_we_counts(texts), "account": name} for name, texts in rows.items()])
    table = table.set_index("account")
    table["you_share"] = table["you"] / (table["you"] + table["we"])
    return table


def you_we_figure(table: pd.DataFrame | None = None) -> figures.FigureImage:
    """Stacked bars: you words and we words in each business's posts."""
    table = you_we_by_account() if table is None else table
    table = table.sort_values("you_share")
    fig = figures.new_figure(7.5, 3.4)
    ax = fig.add_subplot()
    y = np.arange(len(table))
    you_share = table["you_share"].to_numpy()
    ax.barh(y, you_share, color=figures.OKABE_ITO["blue"], edgecolor="white", label="you words (about them)")
    ax.barh(
        y,
        1 - you_share,
        left=you_share,
        color=figures.OKABE_ITO["orange"],
        hatch="//",
        edgecolor="white",
        label="we words (about us)",
    )
    for row, (_name, r) in enumerate(table.iterrows()):
        ax.text(
            0.01,
            row,
            f"{r['you_share']:.0%} ({int(r['you'])} of {int(r['you'] + r['we'])})",
            va="center",
            ha="left",
            fontsize=9,
            color="white",
            fontweight="bold",
        )
    ax.axvline(0.5, color=figures.OKABE_ITO["black"], linestyle=":", linewidth=1.2)
    ax.set_yticks(y, table.index)
    ax.set_xlim(0, 1)
    figures._style(ax, "Whose posts talk about the reader?", "share of the person words (you + we)", "")
    ax.grid(axis="y", visible=False)
    fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
    nursery = table.loc["fernleaf_nursery"]
    peers = table.drop(index="fernleaf_nursery")
    return figures.FigureImage(
        fig,
        (
            f"Stacked bar chart of the share of you words and we words in the posts of five local businesses. "
            f"Fernleaf Nursery: {nursery['you_share']:.0%} you words ({int(nursery['you'])} you, "
            f"{int(nursery['we'])} we). The four other businesses range from {peers['you_share'].min():.0%} "
            f"to {peers['you_share'].max():.0%}. None reaches half."
        ),
    )


def ties_figure(ties: pd.Series | None = None, who: str | None = None) -> figures.FigureImage:
    """One character's ties ranked by weight (from :func:`character_ties`), with the 5 and 15 layers marked."""
    if ties is None:
        ties = character_ties(who=who or CHARACTER)
    who = who or ties.attrs.get("character", CHARACTER)
    fig = figures.new_figure(7.5, 3.6)
    ax = fig.add_subplot()
    ranks = np.arange(1, len(ties) + 1)
    colours = [
        figures.OKABE_ITO["blue"] if r <= 5 else figures.OKABE_ITO["sky"] if r <= 15 else figures.OKABE_ITO["grey"]
        for r in ranks
    ]
    hatches = ["" if r <= 5 else ".." if r <= 15 else "//" for r in ranks]
    for rank, weight, colour, hatch in zip(ranks, ties.to_numpy(), colours, hatches):
        ax.bar(rank, weight, color=colour, hatch=hatch, edgecolor="white", width=0.85)
    for edge, label in ((5.5, "5-layer"), (15.5, "15-layer")):
        ax.axvline(edge, color=figures.OKABE_ITO["black"], linestyle="--", linewidth=1)
        ax.text(edge - 0.3, ties.max() * 0.97, label, ha="right", va="top", fontsize=9)
    for rank in range(1, 4):
        ax.text(
            rank, ties.iloc[rank - 1] + 0.4, ties.index[rank - 1], rotation=90, ha="center", va="bottom", fontsize=8
        )
    ax.set_xlim(0.3, len(ties) + 0.7)
    ax.set_ylim(0, ties.max() * 1.45)
    figures._style(
        ax,
        f"{who}'s {len(ties)} ties in Les Misérables, strongest first",
        "rank of the tie",
        "chapters together (weight)",
    )
    top5 = ties.iloc[:5].sum() / ties.sum()
    return figures.FigureImage(
        fig,
        (
            f"Bar chart of {who}'s {len(ties)} ties in Les Misérables ranked by weight, the number of chapters "
            f"shared. The strongest, with {ties.index[0]}, has weight {ties.iloc[0]}; the five strongest hold "
            f"{top5:.0%} of all the weight; {int((ties == 1).sum())} ties have weight 1."
        ),
    )


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
        "strongest_strength": float(table.at[strongest, "strength"]),
        "strongest_from_them": int(table.at[strongest, "from_them"]),
        "strongest_from_us": int(table.at[strongest, "from_us"]),
        "busiest": busiest,
        "busiest_interactions": int(table.at[busiest, "interactions"]),
        "busiest_from_us": int(table.at[busiest, "from_us"]),
        "busiest_rank": int(table.at[busiest, "rank"]),
        "busiest_reciprocity": float(table.at[busiest, "reciprocity"]),
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
