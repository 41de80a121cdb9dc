"""The Community explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py community     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

from sevencs.figures import FigureImage
from sevencs.figures.community import growth_figure
from sevencs.widgets.community import CommunityExplorer

MOVES = [
    ("rate", 0.5),
    ("market", 400),
    ("start", 5),
    ("periods", 24),
    ("rate", 2.0),
    ("market", 120),
    ("start", 30),
    ("periods", 6),
    ("rate", 0.25),
    ("market", 800),
    ("start", 1),
    ("periods", 18),
    ("rate", 1.5),
    ("market", 250),
    ("start", 45),
    ("periods", 12),
    ("rate", 0.8),
    ("market", 190),
    ("start", 13),
    ("rate", 1.0),
]


def make_explorer() -> CommunityExplorer:
    return CommunityExplorer()


def naive(explorer: CommunityExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the chapter's whole figure built again for the sliders' values."""

    def figure(start: int, rate: float, market: int, periods: int) -> FigureImage:
        return growth_figure(min(start, market - 1), rate, market, periods, explorer.real)

    return figure
