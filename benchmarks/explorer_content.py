"""The Content explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py content     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

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
