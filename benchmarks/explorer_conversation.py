"""The Conversation explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py conversation     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

from sevencs.widgets.conversation import ConversationExplorer

# 20 moves across all the controls: (attribute, value)
MOVES = [
    ("promotional", 0.2),
    ("per_week", 5),
    ("group", "opening"),
    ("question", False),
    ("promotional", 0.8),
    ("story", False),
    ("per_week", 2),
    ("group", "type"),
    ("how_to", False),
    ("promotional", 0.0),
    ("how_to", True),
    ("question", True),
    ("promotional", 0.35),
    ("per_week", 10),
    ("group", "opening"),
    ("story", True),
    ("promotional", 1.0),
    ("per_week", 3),
    ("group", "type"),
    ("promotional", 0.5),
]


def make_explorer() -> ConversationExplorer:
    return ConversationExplorer()
