"""The Caring explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py caring     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

from sevencs import caring
from sevencs.figures import FigureImage
from sevencs.figures.caring import care_figure
from sevencs.widgets.caring import CaringExplorer

# 20 moves across the three controls: (attribute, value)
MOVES = [
    ("target", 4),
    ("window", 3),
    ("channel", "comment"),
    ("target", 48),
    ("window", 1),
    ("channel", "message"),
    ("target", 12),
    ("window", 6),
    ("channel", "all"),
    ("target", 1),
    ("window", 2),
    ("target", 72),
    ("channel", "comment"),
    ("window", 4),
    ("target", 8),
    ("channel", "all"),
    ("window", 1),
    ("target", 24),
    ("channel", "message"),
    ("target", 36),
]


def make_explorer() -> CaringExplorer:
    return CaringExplorer()


def naive(explorer: CaringExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the chapter's whole figure built again for the controls' values."""

    def figure(target: int, window: int, channel: str) -> FigureImage:
        chosen = (
            explorer.questions.index
            if channel == "all"
            else explorer.questions.index[explorer.questions["channel"] == channel]
        )
        table = caring.monthly_care(
            explorer.questions.loc[chosen],
            explorer.scored,
            target=target,
            window=window,
            hours=explorer.hours.loc[chosen],
        )
        return care_figure(table, target, channel, window)

    return figure
