"""The Connection explorer: the 10 × 10 story next to a simulation on a network.

Thin by design: every number comes from :func:`sevencs.connection.simulate_growth`
and every line drawn from :mod:`sevencs.figures.connection`; this module only
reads the sliders. The figure is built once. Its
static part (the network's friendships, titles, legends) is rendered once and
kept as a background; a slider move changes the data of the lines and the
colours of the points, draws just those on the background (blitting) and puts
the image with its alt text on screen (see :mod:`sevencs.widgets.explorer`), which
also keeps it visible in the published book without a kernel.
"""

from __future__ import annotations

from collections.abc import Hashable

import ipywidgets as widgets
import networkx as nx
import pandas as pd

from sevencs import connection
from sevencs.datasets import NURSERY, load_network
from sevencs.figures.connection import MAX_HOPS, draw, explorer_figure, figure_alt
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer

SLIDER_STYLE = {"description_width": "11em"}
SLIDER_LAYOUT = widgets.Layout(width="30em", max_width="100%")  # narrower on a narrow screen


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


class ConnectionExplorer(Explorer):
    """Sliders for start size, friends per friend, acceptance rate and hops.

    >>> explorer = ConnectionExplorer()          # the nursery's network
    >>> explorer.hops.value = 4                  # what a learner's slider move does
    >>> explorer.table                           # the numbers behind the figure

    ``graph`` defaults to the sample network with the nursery as ``source``;
    pass any undirected graph (with ``pos`` node attributes, or a layout is
    computed) and a ``source`` account, or ``None`` to start anywhere.
    """

    #: answers in the published book: the acceptance rate: how much of the 10 × 10 story survives on a real network
    static_sliders = ("acceptance",)

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
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        self.start = widgets.IntSlider(
            value=min(10, pool), min=1, max=max(pool, 1), description="start with (people)", **slider
        )
        self.per_friend = widgets.IntSlider(value=10, min=1, max=30, description="friends per friend", **slider)
        self.acceptance = widgets.FloatSlider(
            value=1.0, min=0.0, max=1.0, step=0.05, readout_format=".0%", description="acceptance rate", **slider
        )
        self.hops = widgets.IntSlider(value=3, min=1, max=MAX_HOPS, description="hops", **slider)
        self._fig, self._artists = explorer_figure(self.graph, pos, source)
        # the legend stays over the lines without being drawn again (on_top)
        dynamic = [self._artists[k] for k in ("naive", "actual", "points")]
        self._blitter = Blitter(self._fig, dynamic, on_top=[self._artists["legend"]])
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
