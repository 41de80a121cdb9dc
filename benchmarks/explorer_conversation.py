"""The Conversation explorer's 20 slider moves, for ``benchmarks/explorers.py``.

.venv/bin/python benchmarks/explorers.py conversation     # this explorer only; `make bench` runs all
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from sevencs import conversation
from sevencs.figures import FigureImage
from sevencs.figures.conversation import OPENING_ORDER, TYPE_ORDER, draw, explorer_figure, figure_alt
from sevencs.widgets.conversation import OTHER_TYPES, ConversationExplorer

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


def naive(explorer: ConversationExplorer) -> Callable[..., FigureImage]:
    """The naive way (`lab_latency.py`): the explorer's whole figure built again for the controls' values."""
    posts = explorer.posts
    past_share = float(conversation.promotional_share(posts))
    y_max = 1.25 * max(
        conversation.rates_by_type(posts)["conversation_rate"].max(),
        conversation.rates_by_type(posts, by="opening")["conversation_rate"].max(),
    )
    grid = np.linspace(0.0, 1.0, 21)

    def figure(group: str, how_to: bool, question: bool, story: bool, promotional: float, per_week: int) -> FigureImage:
        others = [t for t, ticked in zip(OTHER_TYPES, (how_to, question, story)) if ticked]
        table = conversation.rates_by_type(posts[posts["type"].isin(["promotional", *others])], by=group)
        plan = conversation.plan_comments(posts, promotional, others, per_week)
        r_p, r_o = float(plan["promotional_rate"]), float(plan["other_rate"])
        curve = (grid, grid * r_p + (1 - grid) * r_o) if not math.isnan(r_o) else (np.array([1.0]), np.array([r_p]))
        left_out = set(OTHER_TYPES) - set(others) if group == "type" else set()
        fig, artists = explorer_figure(y_max, past_share)
        order = TYPE_ORDER if group == "type" else OPENING_ORDER
        draw(artists, table, order, left_out, group, plan, curve, promotional, per_week)
        return FigureImage(fig, figure_alt(table, group, plan, promotional))

    return figure
