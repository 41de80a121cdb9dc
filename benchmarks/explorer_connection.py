"""The Connection explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py connection     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from sevencs import connection
from sevencs.figures import FigureImage
from sevencs.figures.connection import draw, explorer_figure, figure_alt
from sevencs.widgets import ConnectionExplorer

# 20 moves across all four sliders: (slider, value)
MOVES = [
    ("hops", 4),
    ("per_friend", 5),
    ("acceptance", 0.5),
    ("start", 20),
    ("hops", 5),
    ("per_friend", 30),
    ("acceptance", 0.1),
    ("start", 3),
    ("hops", 2),
    ("per_friend", 12),
    ("acceptance", 0.85),
    ("start", 40),
    ("hops", 3),
    ("per_friend", 1),
    ("acceptance", 0.3),
    ("start", 10),
    ("hops", 1),
    ("per_friend", 20),
    ("acceptance", 1.0),
    ("hops", 5),
]


def make_explorer() -> ConnectionExplorer:
    return ConnectionExplorer()


def naive(explorer: ConnectionExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the explorer's whole figure built again for the sliders' values."""
    pos = nx.get_node_attributes(explorer.graph, "pos")

    def figure(start: int, per_friend: int, acceptance: float, hops: int) -> FigureImage:
        table = connection.simulate_growth(
            explorer.graph, start, per_friend, acceptance, hops, seed=explorer.seed, source=explorer.source
        )
        fig, artists = explorer_figure(explorer.graph, pos, explorer.source)
        draw(artists, table)
        return FigureImage(fig, figure_alt(table, artists["ceiling"]))

    return figure
