"""The Clients explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py clients     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

from sevencs import clients
from sevencs.figures import FigureImage
from sevencs.figures.clients import diffusion
from sevencs.widgets.clients import ClientsExplorer

# 20 moves across the four sliders: (slider, value)
MOVES = [
    ("q", 0.1),
    ("p", 0.08),
    ("market", 1000),
    ("periods", 24),
    ("q", 0.9),
    ("p", 0.005),
    ("market", 120),
    ("periods", 36),
    ("q", 0.0),
    ("p", 0.2),
    ("market", 2000),
    ("periods", 6),
    ("q", 0.5),
    ("p", 0.0),
    ("market", 260),
    ("periods", 12),
    ("q", 0.38),
    ("p", 0.03),
    ("market", 500),
    ("periods", 30),
]


def make_explorer() -> ClientsExplorer:
    return ClientsExplorer()


def naive(explorer: ClientsExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the chapter's whole figure built again for the sliders' values."""

    def figure(p: float, q: float, market: int, periods: int) -> FigureImage:
        return diffusion(clients.bass_diffusion(p, q, float(market), periods), float(market))

    return figure
