"""The Connection chapter's figures, and its explorer's drawing code.

:func:`growth`, :func:`breakdown` and :func:`paradox` return a finished
:class:`~sevencs.figures.FigureImage` for the book and the lab. The explorer's
figure is built once by :func:`explorer_figure`; :func:`draw` puts a new
:func:`~sevencs.connection.simulate_growth` table into its existing artists, so
a slider move only changes data (see :mod:`sevencs.widgets.connection`).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection

from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes

NAIVE: dict[str, Any] = dict(color=OKABE_ITO["orange"], linestyle="--", marker="o", label="the 10 × 10 story")
ACTUAL: dict[str, Any] = dict(color=OKABE_ITO["blue"], linestyle="-", marker="s", label="simulated on the network")
# Hop colours for the network map: dark to light, readable in greyscale too.
HOP_COLOURS = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["sky"], OKABE_ITO["purple"], OKABE_ITO["green"]]
UNREACHED = "#d9d9d9"

# Fixed axes: a slider move changes the lines, never the scale, so two
# settings can be compared by eye (and the axes can stay in the background).
MAX_HOPS = 5
Y_LIMITS = (1, 1e6)


def growth(table: pd.DataFrame, accounts: int) -> FigureImage:
    """Connections after each hop: the geometric story against a simulation (simulate_growth's table)."""
    fig = new_figure(6.5, 4.0)
    ax = fig.add_subplot()
    ax.plot(table["hop"], table["naive_connected"], **NAIVE)
    ax.plot(table["hop"], table["connected"], **ACTUAL)
    ax.axhline(
        accounts,
        color=OKABE_ITO["grey"],
        linestyle=":",
        linewidth=1.5,
        label=f"everyone else in the network ({accounts})",
    )
    ax.set_yscale("log")
    ax.set_xticks(list(table["hop"]))
    style_axes(ax, "Connections after each hop", "hops from your first connections", "people connected (log scale)")
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    last = table.iloc[-1]
    return FigureImage(
        fig,
        (
            f"Line chart of people connected after each of {len(table)} hops, on a log scale. "
            f"The 10 × 10 story climbs to {last['naive_connected']:,.0f}; the simulation on the "
            f"network reaches {last['connected']:,} of its {accounts} accounts."
        ),
    )


def breakdown(parts: pd.Series) -> FigureImage:
    """One stacked bar: where the entries of the friends' friend lists go (two_hop_breakdown)."""
    fig = new_figure(7.5, 2.8)
    ax = fig.add_subplot()
    pieces = [
        ("new_people", "new people", OKABE_ITO["blue"], ""),
        ("repeats", "repeats", OKABE_ITO["orange"], "//"),
        ("your_own_friends", "your own friends", OKABE_ITO["sky"], ".."),
        ("back_to_you", "you", OKABE_ITO["grey"], "xx"),
    ]
    left = 0
    for key, label, colour, hatch in pieces:
        value = int(parts[key])
        ax.barh([0], [value], left=left, color=colour, hatch=hatch, edgecolor="white", label=f"{label} ({value})")
        if value >= 6:
            ax.text(
                left + value / 2,
                0,
                str(value),
                ha="center",
                va="center",
                fontsize=10,
                color="white" if key == "new_people" else "black",
                fontweight="bold",
            )
        left += value
    ax.set_yticks([])
    ax.set_xlim(0, max(left, 1) * 1.02)
    style_axes(
        ax,
        f"{int(parts['friends'])} friends' friend lists: {left} entries, {int(parts['new_people'])} new people",
        "entries on the friends' friend lists",
        "",
    )
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
    return FigureImage(
        fig,
        (
            f"Stacked bar of the {int(parts['friend_list_entries'])} entries on the friend lists of "
            f"{int(parts['friends'])} friends: {int(parts['new_people'])} are new people, "
            f"{int(parts['repeats'])} are repeats of someone already counted, "
            f"{int(parts['your_own_friends'])} are the account's own friends and "
            f"{int(parts['back_to_you'])} are the account itself."
        ),
    )


def paradox(graph: nx.Graph) -> FigureImage:
    """How many friends accounts have, against how many friends their friends have."""
    degrees = dict(graph.degree())
    own = list(degrees.values())
    # each friendship shows a friend at both of its ends
    via_friends = [degrees[end] for edge in graph.edges() for end in edge]
    fig = new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    top = max(own) + 2
    bins = range(0, top, 2)
    ax.hist(own, bins=bins, density=True, histtype="stepfilled", alpha=0.45, color=OKABE_ITO["sky"], label="accounts")
    ax.hist(
        via_friends,
        bins=bins,
        density=True,
        histtype="step",
        linewidth=2,
        color=OKABE_ITO["vermillion"],
        hatch="//",
        label="friends (one count per friendship end)",
    )
    mean_own = sum(own) / len(own)
    mean_friend = sum(via_friends) / len(via_friends)
    ax.axvline(mean_own, color=OKABE_ITO["blue"], linestyle="--", label=f"mean, accounts: {mean_own:.1f}")
    ax.axvline(
        mean_friend,
        color=OKABE_ITO["vermillion"],
        linestyle=":",
        linewidth=2,
        label=f"mean, friends: {mean_friend:.1f}",
    )
    style_axes(ax, "Your friends have more friends than you", "number of friends", "share of accounts (density)")
    ax.legend(frameon=False, fontsize=9)
    return FigureImage(
        fig,
        (
            f"Two overlapping histograms of friend counts in a network of {graph.number_of_nodes()} "
            f"accounts. Accounts have {mean_own:.1f} friends on average; looked at through a "
            f"friendship, a friend has {mean_friend:.1f}. The friends' histogram sits further right "
            "because well-connected accounts appear on many friend lists."
        ),
    )


def network_axes(ax, graph: nx.Graph, pos: dict) -> None:
    """Draw the friendships once, faintly: the background of the network map."""
    segments = [(pos[u], pos[v]) for u, v in graph.edges() if u in pos and v in pos]
    ax.add_collection(LineCollection(segments, colors="#dedede", linewidths=0.35, zorder=1))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.1, max(xs) + 0.1)
    ax.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)


def explorer_figure(graph: nx.Graph, pos: dict, source: Hashable | None):
    """Build the two-panel figure and return it with the artists an update changes."""
    fig = new_figure(10.0, 4.2)
    growth_ax, map_ax = fig.subplots(1, 2, width_ratios=[1.1, 1])
    (naive_line,) = growth_ax.plot([], [], **NAIVE)
    (actual_line,) = growth_ax.plot([], [], **ACTUAL)
    ceiling = graph.number_of_nodes() - (1 if source is not None else 0)
    ceiling_line = growth_ax.axhline(
        ceiling,
        color=OKABE_ITO["grey"],
        linestyle=":",
        linewidth=1.5,
        label=f"everyone else in the network ({ceiling})",
    )
    growth_ax.set_yscale("log")
    growth_ax.set_xlim(0.7, MAX_HOPS + 0.3)
    growth_ax.set_ylim(*Y_LIMITS)
    growth_ax.set_xticks(range(1, MAX_HOPS + 1))
    style_axes(growth_ax, "Connections after each hop", "hop", "people connected (log scale)")
    legend = growth_ax.legend(
        handles=[naive_line, actual_line, ceiling_line],
        frameon=True,
        framealpha=0.9,
        edgecolor="none",
        fontsize=9,
        loc="upper left",
    )

    nodes = [n for n in pos if n != source]
    network_axes(map_ax, graph, pos)
    points = map_ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=14,
        c=[UNREACHED] * len(nodes),
        edgecolors="#666666",
        linewidths=0.3,
        zorder=2,
    )
    if source is not None and source in pos:
        map_ax.scatter([pos[source][0]], [pos[source][1]], s=90, marker="*", color="black", zorder=3)
    map_ax.set_title("Who joined at which hop (★ you)", loc="left", fontsize=11)
    handles = [
        map_ax.scatter([], [], s=30, color=HOP_COLOURS[i], edgecolors="#666666", label=f"hop {i + 1}")
        for i in range(len(HOP_COLOURS))
    ]
    map_ax.legend(
        handles=handles,
        frameon=False,
        fontsize=8,
        loc="lower left",
        bbox_to_anchor=(1.0, 0.0),
        title="joined at",
        title_fontsize=8,
    )
    return fig, {
        "naive": naive_line,
        "actual": actual_line,
        "legend": legend,
        "points": points,
        "nodes": nodes,
        "ceiling": ceiling,
    }


def draw(artists: dict, table: pd.DataFrame) -> None:
    """Put a simulate_growth table into the figure's existing artists."""
    hops = table["hop"].to_numpy()
    naive = table["naive_connected"].to_numpy(dtype=float)
    actual = table["connected"].to_numpy(dtype=float)
    # zeros cannot sit on a log scale: leave a gap rather than a plunge
    artists["naive"].set_data(hops, np.where(naive > 0, naive, np.nan))
    artists["actual"].set_data(hops, np.where(actual > 0, actual, np.nan))
    colour_of: dict[Hashable, str] = {}
    for hop, accounts in zip(table["hop"], table["accounts"]):
        colour = HOP_COLOURS[min(hop, len(HOP_COLOURS)) - 1]
        colour_of.update((a, colour) for a in accounts)
    artists["points"].set_facecolors([colour_of.get(n, UNREACHED) for n in artists["nodes"]])
    artists["points"].set_sizes([22 if n in colour_of else 10 for n in artists["nodes"]])


def figure_alt(table: pd.DataFrame, ceiling: int) -> str:
    last = table.iloc[-1]
    return (
        f"Left: line chart of people connected after each of {len(table)} hops on a log scale; the "
        f"10 × 10 story reaches {float(last['naive_connected']):,.0f}, the simulation "
        f"{int(last['connected']):,} of {ceiling:,} accounts. Right: map of the network with the "
        "accounts that joined coloured by the hop at which they joined."
    )
