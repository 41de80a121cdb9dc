"""The Relationships explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py relationships     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

from sevencs import relationships
from sevencs.figures import FigureImage
from sevencs.figures.relationships import strength_figure
from sevencs.widgets.relationships import RelationshipsExplorer

MOVES = [
    ("half_life", 7),
    ("reciprocity", 0.0),
    ("frequency", 2.5),
    ("recency", 0.3),
    ("half_life", 120),
    ("reciprocity", 3.0),
    ("frequency", 0.5),
    ("recency", 2.0),
    ("half_life", 1),
    ("reciprocity", 1.0),
    ("frequency", 1.0),
    ("recency", 0.0),
    ("half_life", 60),
    ("reciprocity", 0.4),
    ("frequency", 3.0),
    ("recency", 1.0),
    ("half_life", 14),
    ("reciprocity", 2.2),
    ("frequency", 0.0),
    ("half_life", 30),
]


def make_explorer() -> RelationshipsExplorer:
    return RelationshipsExplorer()


def naive(explorer: RelationshipsExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the chapter's whole figure built again for the sliders' values."""

    def figure(frequency: float, recency: float, reciprocity: float, half_life: int) -> FigureImage | None:
        weights = {"frequency": frequency, "recency": recency, "reciprocity": reciprocity}
        if sum(weights.values()) == 0:
            return None
        table = relationships.tie_strength(
            explorer.interactions, half_life=half_life, account=explorer.account, **weights
        )
        return strength_figure(table, weights, half_life)

    return figure
