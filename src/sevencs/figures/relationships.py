"""The Relationships chapter's figures, and its explorer's drawing code.

:func:`strength_figure` draws the explorer's picture once, for the book and the
lab; :func:`you_we_figure` and :func:`ties_figure` are the chapter's other two
 The explorer's figure is built once by :func:`explorer_figure`;
:func:`draw` puts a new :func:`~sevencs.relationships.tie_strength` table into
its existing artists (see :mod:`sevencs.widgets.relationships`).
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from sevencs import relationships
from sevencs.errors import InputError
from sevencs.figures import OKABE_ITO, BarSet, FigureImage, new_figure, style_axes

TOP = 15  # the 15-layer

#: The three parts of a score: column, label, colour, hatching (colour is never the only cue).
PARTS = (
    ("frequency", "frequency", OKABE_ITO["blue"], ""),
    ("recency", "recency", OKABE_ITO["orange"], "//"),
    ("reciprocity", "reciprocity", OKABE_ITO["green"], ".."),
)
TWO_WAY: dict[str, Any] = dict(marker="o", color=OKABE_ITO["blue"], label="two-way")
ONE_WAY: dict[str, Any] = dict(marker="^", color=OKABE_ITO["vermillion"], label="one-way (never answered)")


def explorer_figure(table: pd.DataFrame):
    """Build the two-panel figure for a tie_strength table; return it with the artists an update changes."""
    fig = new_figure(10.0, 4.8)
    fig.set_layout_engine("none")
    bars_ax = fig.add_axes((0.12, 0.2, 0.34, 0.68))
    dots_ax = fig.add_axes((0.58, 0.2, 0.39, 0.68))

    # one patch per part (BarSet): a hatch is rendered once a draw, not once a bar
    bars = {}
    for key, label, colour, hatch in PARTS:
        bars[key] = BarSet(facecolor=colour, hatch=hatch, edgecolor="white", linewidth=0.6, label=label)
        bars_ax.add_patch(bars[key])
    bars_ax.set_ylim(TOP - 0.4, -0.6)
    bars_ax.set_xlim(0, 1)
    bars_ax.set_yticks([])
    bars_ax.axhline(4.5, color=OKABE_ITO["grey"], linestyle="--", linewidth=1)
    style_axes(bars_ax, "The 15 strongest relationships (5-layer above the dashes)", "tie strength (0 to 1)", "")
    bars_ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    bars_ax.grid(axis="y", visible=False)
    to_left = blended_transform_factory(bars_ax.transAxes, bars_ax.transData)
    names = [bars_ax.text(-0.02, r, "", transform=to_left, ha="right", va="center", fontsize=8.5) for r in range(TOP)]
    fig.legend(
        handles=[Patch(facecolor=c, hatch=h, edgecolor="white", label=f"{lab} part") for _, lab, c, h in PARTS],
        loc="outside lower center",  # under the panels; where a layout engine places it (a phone's layout)
        ncols=3,
        frameon=False,
        fontsize=9,
    )

    interactions = table["interactions"].to_numpy(dtype=float)
    dots_ax.set_xscale("log")
    dots_ax.set_xlim(0.8, max(interactions.max(), 2) * 1.3)
    dots_ax.set_ylim(0, 1)
    two = dots_ax.scatter([], [], s=22, alpha=0.75, edgecolors="white", linewidths=0.4, **TWO_WAY)
    one = dots_ax.scatter([], [], s=26, alpha=0.85, edgecolors="white", linewidths=0.4, **ONE_WAY)
    cut = dots_ax.axhline(0, color=OKABE_ITO["black"], linestyle=":", linewidth=1.2)
    style_axes(
        dots_ax,
        f"Everyone in the log ({len(table)} people)",
        "interactions, both directions (log scale)",
        "tie strength (0 to 1)",
    )
    dots_ax.legend(
        handles=[
            Line2D([], [], linestyle="", markersize=6, **TWO_WAY),
            Line2D([], [], linestyle="", markersize=6, **ONE_WAY),
            Line2D([], [], color=OKABE_ITO["black"], linestyle=":", label="15-layer cut-off"),
        ],
        frameon=True,
        framealpha=0.9,
        edgecolor="none",
        fontsize=8,
        loc="upper left",
    )
    return fig, {"bars": bars, "names": names, "two": two, "one": one, "cut": cut}


def draw(artists: dict, table: pd.DataFrame, weights: dict[str, float]) -> None:
    """Put a tie_strength table (strongest first) into the figure's existing artists."""
    total = sum(weights.values())
    top = table.iloc[:TOP]
    left = np.zeros(len(top))
    centres = np.arange(len(top))
    for key, *_ in PARTS:
        part = top[key].to_numpy() * weights[key] / total
        artists["bars"][key].set_bars(left, centres - 0.4, part, np.full(len(top), 0.8))  # as barh: 0.8 high
        left = left + part
    for i, text in enumerate(artists["names"]):
        text.set_text(f"{top.index[i]}" if i < len(top) else "")
    one_way = (table["from_us"] == 0) | (table["from_them"] == 0)
    for key, rows in (("two", table[~one_way]), ("one", table[one_way])):
        points = np.column_stack([rows["interactions"].to_numpy(dtype=float), rows["strength"].to_numpy()])
        artists[key].set_offsets(points if len(points) else np.empty((0, 2)))
    cut = float(top["strength"].iloc[-1])
    artists["cut"].set_ydata([cut, cut])


def figure_alt(table: pd.DataFrame, weights: dict[str, float], half_life: float) -> str:
    top = table.iloc[:TOP]
    one_way = int(((table["from_us"] == 0) | (table["from_them"] == 0)).sum())
    one_way_top = int(((top["from_us"] == 0) | (top["from_them"] == 0)).sum())
    return (
        f"Left: bar chart of the {len(top)} strongest relationships, each bar split into its frequency, "
        f"recency and reciprocity parts (weights {weights['frequency']:g}, {weights['recency']:g}, "
        f"{weights['reciprocity']:g}; half-life {half_life:g} days). Strongest: {top.index[0]} at "
        f"{top['strength'].iloc[0]:.2f}; 15th: {top.index[-1]} at {top['strength'].iloc[-1]:.2f}. "
        f"Right: scatter of tie strength against number of interactions for all {len(table)} people; "
        f"{one_way} are one-way, {one_way_top} of them in the 15-layer."
    )


def strength_figure(
    table: pd.DataFrame, weights: dict[str, float] | None = None, half_life: float = relationships.DEFAULT_HALF_LIFE
) -> FigureImage:
    """The explorer's picture for one tie_strength table, as a finished figure with alt text."""
    weights = dict(relationships.DEFAULT_WEIGHTS if weights is None else weights)
    fig, artists = explorer_figure(table)
    draw(artists, table, weights)
    return FigureImage(fig, figure_alt(table, weights, half_life))


def you_we_figure(table: pd.DataFrame) -> FigureImage:
    """Stacked bars: you words and we words in each business's posts.

    ``table`` has a row per account, with ``fernleaf_nursery`` among them, and the columns
    ``you``, ``we`` and ``you_share`` (as :func:`sevencs.book.relationships.you_we_by_account`).
    """
    table = table.sort_values("you_share")
    fig = new_figure(7.5, 3.4)
    ax = fig.add_subplot()
    y = np.arange(len(table))
    you_share = table["you_share"].to_numpy()
    ax.barh(y, you_share, color=OKABE_ITO["blue"], edgecolor="white", label="you words (about them)")
    ax.barh(
        y,
        1 - you_share,
        left=you_share,
        color=OKABE_ITO["orange"],
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
    ax.axvline(0.5, color=OKABE_ITO["black"], linestyle=":", linewidth=1.2)
    ax.set_yticks(y, table.index)
    ax.set_xlim(0, 1)
    style_axes(ax, "Whose posts talk about the reader?", "share of the person words (you + we)", "")
    ax.grid(axis="y", visible=False)
    fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
    nursery = cast(pd.Series, table.loc["fernleaf_nursery"])  # one row: the index names each account once
    peers = table.drop(index="fernleaf_nursery")
    return FigureImage(
        fig,
        (
            f"Stacked bar chart of the share of you words and we words in the posts of five local businesses. "
            f"Fernleaf Nursery: {nursery['you_share']:.0%} you words ({int(nursery['you'])} you, "
            f"{int(nursery['we'])} we). The four other businesses range from {peers['you_share'].min():.0%} "
            f"to {peers['you_share'].max():.0%}. None reaches half."
        ),
    )


def ties_figure(ties: pd.Series, who: str | None = None) -> FigureImage:
    """One character's ties ranked by weight, with the 5 and 15 layers marked.

    ``ties`` as :func:`sevencs.book.relationships.character_ties` returns them; ``who``
    names the character (by default the name recorded with the ties).
    """
    who = who or ties.attrs.get("character")
    if not who:
        raise InputError("say whose ties these are: ties_figure(ties, who='Valjean')")
    fig = new_figure(7.5, 3.6)
    ax = fig.add_subplot()
    ranks = np.arange(1, len(ties) + 1)
    colours = [OKABE_ITO["blue"] if r <= 5 else OKABE_ITO["sky"] if r <= 15 else OKABE_ITO["grey"] for r in ranks]
    hatches = ["" if r <= 5 else ".." if r <= 15 else "//" for r in ranks]
    for rank, weight, colour, hatch in zip(ranks, ties.to_numpy(), colours, hatches):
        ax.bar(rank, weight, color=colour, hatch=hatch, edgecolor="white", width=0.85)
    for edge, label in ((5.5, "5-layer"), (15.5, "15-layer")):
        ax.axvline(edge, color=OKABE_ITO["black"], linestyle="--", linewidth=1)
        ax.text(edge - 0.3, ties.max() * 0.97, label, ha="right", va="top", fontsize=9)
    for place in range(1, 4):
        ax.text(
            place, ties.iloc[place - 1] + 0.4, ties.index[place - 1], rotation=90, ha="center", va="bottom", fontsize=8
        )
    ax.set_xlim(0.3, len(ties) + 0.7)
    ax.set_ylim(0, ties.max() * 1.45)
    style_axes(
        ax,
        f"{who}'s {len(ties)} ties in Les Misérables, strongest first",
        "rank of the tie",
        "chapters together (weight)",
    )
    top5 = ties.iloc[:5].sum() / ties.sum()
    return FigureImage(
        fig,
        (
            f"Bar chart of {who}'s {len(ties)} ties in Les Misérables ranked by weight, the number of chapters "
            f"shared. The strongest, with {ties.index[0]}, has weight {ties.iloc[0]}; the five strongest hold "
            f"{top5:.0%} of all the weight; {int((ties == 1).sum())} ties have weight 1."
        ),
    )
