"""The Connection explorer: the 10 × 10 story next to a simulation on a network.

Thin by design: every number comes from :func:`sevencs.connection.simulate_growth`;
this module only reads the sliders and draws. The figure is built once. Its
static part (the network's friendships, titles, legends) is rendered once and
kept as a background; a slider move changes the data of the lines and the
colours of the points, draws just those on the background (blitting) and puts
the image in an ``HTML`` widget with alt text, which also keeps it visible in
the published book without a kernel.
"""

from __future__ import annotations

from collections.abc import Hashable

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd

from sevencs import connection, figures
from sevencs.datasets import NURSERY, load_network
from sevencs.render.html import render
from sevencs.widgets.explorer import Blitter, Explorer

SLIDER_STYLE = {"description_width": "11em"}
SLIDER_LAYOUT = widgets.Layout(width="30em")


# Fixed axes: a slider move changes the lines, never the scale, so two
# settings can be compared by eye (and the axes can stay in the background).
MAX_HOPS = 5
Y_LIMITS = (1, 1e6)


def explorer_figure(graph: nx.Graph, pos: dict, source: Hashable | None):
    """Build the two-panel figure and return it with the artists an update changes."""
    fig = figures.new_figure(10.0, 4.2)
    growth_ax, map_ax = fig.subplots(1, 2, width_ratios=[1.1, 1])
    (naive_line,) = growth_ax.plot([], [], **figures.NAIVE)
    (actual_line,) = growth_ax.plot([], [], **figures.ACTUAL)
    ceiling = graph.number_of_nodes() - (1 if source is not None else 0)
    ceiling_line = growth_ax.axhline(
        ceiling,
        color=figures.OKABE_ITO["grey"],
        linestyle=":",
        linewidth=1.5,
        label=f"everyone else in the network ({ceiling})",
    )
    growth_ax.set_yscale("log")
    growth_ax.set_xlim(0.7, MAX_HOPS + 0.3)
    growth_ax.set_ylim(*Y_LIMITS)
    growth_ax.set_xticks(range(1, MAX_HOPS + 1))
    figures._style(growth_ax, "Connections after each hop", "hop", "people connected (log scale)")
    legend = growth_ax.legend(
        handles=[naive_line, actual_line, ceiling_line],
        frameon=True,
        framealpha=0.9,
        edgecolor="none",
        fontsize=9,
        loc="upper left",
    )

    nodes = [n for n in pos if n != source]
    figures.network_axes(map_ax, graph, pos)
    points = map_ax.scatter(
        [pos[n][0] for n in nodes],
        [pos[n][1] for n in nodes],
        s=14,
        c=[figures.UNREACHED] * len(nodes),
        edgecolors="#666666",
        linewidths=0.3,
        zorder=2,
    )
    if source is not None and source in pos:
        map_ax.scatter([pos[source][0]], [pos[source][1]], s=90, marker="*", color="black", zorder=3)
    map_ax.set_title("Who joined at which hop (★ you)", loc="left", fontsize=11)
    handles = [
        map_ax.scatter([], [], s=30, color=figures.HOP_COLOURS[i], edgecolors="#666666", label=f"hop {i + 1}")
        for i in range(len(figures.HOP_COLOURS))
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
    colour_of = {}
    for hop, accounts in zip(table["hop"], table["accounts"]):
        colour = figures.HOP_COLOURS[min(hop, len(figures.HOP_COLOURS)) - 1]
        colour_of.update((a, colour) for a in accounts)
    artists["points"].set_facecolors([colour_of.get(n, figures.UNREACHED) for n in artists["nodes"]])
    artists["points"].set_sizes([22 if n in colour_of else 10 for n in artists["nodes"]])


def summary_html(table: pd.DataFrame, ceiling: int) -> str:
    last = table.iloc[-1]
    naive, actual = float(last["naive_connected"]), int(last["connected"])
    share = f"{actual / naive:.0%}" if naive > 0 else "—"
    return render(
        "connection_numbers.html",
        hops=int(last["hop"]),
        naive=naive,
        actual=actual,
        share=share,
        ceiling=ceiling,
        rows=table.itertuples(),
    )


def figure_alt(table: pd.DataFrame, ceiling: int) -> str:
    last = table.iloc[-1]
    return (
        f"Left: line chart of people connected after each of {len(table)} hops on a log scale; the "
        f"10 × 10 story reaches {float(last['naive_connected']):,.0f}, the simulation "
        f"{int(last['connected']):,} of {ceiling:,} accounts. Right: map of the network with the "
        "accounts that joined coloured by the hop at which they joined."
    )


class ConnectionExplorer(Explorer):
    """Sliders for start size, friends per friend, acceptance rate and hops.

    >>> explorer = ConnectionExplorer()          # the nursery's network
    >>> explorer.hops.value = 4                  # what a learner's slider move does
    >>> explorer.table                           # the numbers behind the figure

    ``graph`` defaults to the sample network with the nursery as ``source``;
    pass any undirected graph (with ``pos`` node attributes, or a layout is
    computed) and a ``source`` account, or ``None`` to start anywhere.
    """

    def __init__(self, graph: nx.Graph | None = None, source: Hashable | None = NURSERY, seed: int = 0) -> None:
        self.graph = load_network() if graph is None else graph
        if source is not None and source not in self.graph:
            source = None
        self.source = source
        self.seed = seed
        pos = nx.get_node_attributes(self.graph, "pos")
        if len(pos) != self.graph.number_of_nodes():
            pos = nx.spring_layout(self.graph, seed=seed)
        pool = self.graph.degree(source) if source is not None else self.graph.number_of_nodes()
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
        self.start = widgets.IntSlider(
            value=min(10, pool), min=1, max=max(pool, 1), description="start with (people)", **slider
        )
        self.per_friend = widgets.IntSlider(value=10, min=1, max=30, description="friends per friend", **slider)
        self.acceptance = widgets.FloatSlider(
            value=1.0, min=0.0, max=1.0, step=0.05, readout_format=".0%", description="acceptance rate", **slider
        )
        self.hops = widgets.IntSlider(value=3, min=1, max=MAX_HOPS, description="hops", **slider)
        self._fig, self._artists = explorer_figure(self.graph, pos, source)
        self._blitter = Blitter(self._fig, [self._artists[k] for k in ("naive", "actual", "legend", "points")])
        self.table: pd.DataFrame = pd.DataFrame()
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.start, self.per_friend, self.acceptance, self.hops]

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        self.table = connection.simulate_growth(
            self.graph,
            start=self.start.value,
            per_friend=self.per_friend.value,
            acceptance=self.acceptance.value,
            hops=self.hops.value,
            seed=self.seed,
            source=self.source,
        )
        draw(self._artists, self.table)
        self._show(
            self._blitter.png(),
            figure_alt(self.table, self._artists["ceiling"]),
            summary_html(self.table, self._artists["ceiling"]),
        )
