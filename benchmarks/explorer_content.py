"""The Content explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py content     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from collections.abc import Callable

from sevencs import content
from sevencs.figures import FigureImage
from sevencs.figures.content import draw, explorer_figure, figure_alt
from sevencs.widgets.content import ContentExplorer

# 20 moves across the three controls: (attribute, value)
MOVES = [
    ("promotional", 0.2),
    ("posts_count", 20),
    ("rule", "thirds"),
    ("promotional", 0.8),
    ("posts_count", 5),
    ("rule", "4-1-1"),
    ("promotional", 0.0),
    ("posts_count", 30),
    ("promotional", 0.35),
    ("rule", "80/20"),
    ("promotional", 1.0),
    ("posts_count", 12),
    ("promotional", 0.15),
    ("rule", "thirds"),
    ("posts_count", 8),
    ("promotional", 0.5),
    ("rule", "4-1-1"),
    ("promotional", 0.25),
    ("posts_count", 15),
    ("rule", "80/20"),
]


def make_explorer() -> ContentExplorer:
    return ContentExplorer()


def naive(explorer: ContentExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the explorer's whole figure built again for the controls' values."""
    curve = content.mix_curve(explorer.posts)

    def figure(promotional: float, posts_count: int, rule: str) -> FigureImage:
        plan = content.simulate_mix(explorer.posts, promotional, posts_count)
        per_post = content.simulate_mix(explorer.posts, promotional, 1)
        fig, artists = explorer_figure(explorer.posts, curve, explorer.actual_share)
        draw(artists, plan, per_post, promotional, rule)
        return FigureImage(fig, figure_alt(plan, promotional, rule))

    return figure
