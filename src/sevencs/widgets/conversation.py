"""The Conversation explorer: comments per post by post type or by opening line, and a posting plan.

Thin by design: the numbers come from :func:`sevencs.conversation.rates_by_type`
and :func:`sevencs.conversation.plan_comments`, the drawing from
:mod:`sevencs.figures.conversation`; this module reads the controls. The figure
is built once with fixed axes; a control change updates the bars, labels and
the plan's line, draws just those over a background kept from the first draw
(the bars and their labels only when they changed: a slider move changes
only the plan), and shows the image with its alt text (see
:mod:`sevencs.widgets.explorer`).
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
import pandas as pd

from sevencs import conversation
from sevencs.datasets import load_posts
from sevencs.figures.conversation import OPENING_ORDER, TYPE_ORDER, draw, explorer_figure, figure_alt
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer

SLIDER_STYLE = {"description_width": "13em"}
SLIDER_LAYOUT = widgets.Layout(width="32em", max_width="100%")  # narrower on a narrow screen
OTHER_TYPES = ("how-to", "question", "story")


def summary_html(table: pd.DataFrame, grouping: str, plan: pd.Series, share: float, per_week: int) -> str:
    rate = float(plan["plan_rate"])
    return render(
        "conversation_numbers.html",
        label="post type" if grouping == "type" else "opening line",
        rate=None if math.isnan(rate) else rate,
        share=share,
        per_month=float(plan["comments_per_month"]),
        per_week=per_week,
        rows=[(str(group), r) for group, r in zip(table.index, table.itertuples())],
    )


class ConversationExplorer(Explorer):
    """Comments per post by post type or opening line, and what a posting plan can expect.

    >>> explorer = ConversationExplorer()        # the nursery's posts
    >>> explorer.promotional.value = 0.2         # what a learner's slider move does
    >>> explorer.table                           # the rates behind the bars
    >>> explorer.plan                            # the plan's expected comments

    Controls: ``group`` (by post type or by opening line), the check boxes
    ``how_to``, ``question`` and ``story`` (which other post types the plan
    uses; left-out types leave the bars too), ``promotional`` (the plan's
    share of promotional posts) and ``per_week`` (posts a week).
    """

    #: answers in the published book: the plan's promotional share: what selling more does to comments
    static_sliders = ("promotional",)

    def __init__(self, posts: pd.DataFrame | None = None) -> None:
        posts = load_posts() if posts is None else posts
        self.posts = posts.assign(opening=posts["text"].map(conversation.opening))
        past_share = float(conversation.promotional_share(self.posts))
        by_type = conversation.rates_by_type(self.posts)
        by_opening = conversation.rates_by_type(self.posts, by="opening")
        y_max = 1.25 * max(by_type["conversation_rate"].max(), by_opening["conversation_rate"].max())
        self.group = widgets.ToggleButtons(
            options=[("post type", "type"), ("opening line", "opening")],
            value="type",
            description="group posts by",
            style=SLIDER_STYLE,
        )
        boxes = dict(indent=False, layout=widgets.Layout(width="auto"))
        self.how_to = widgets.Checkbox(value=True, description="how-to guides", **boxes)
        self.question = widgets.Checkbox(value=True, description="questions", **boxes)
        self.story = widgets.Checkbox(value=True, description="stories", **boxes)
        self.promotional = widgets.FloatSlider(
            value=round(past_share * 20) / 20,
            min=0.0,
            max=1.0,
            step=0.05,
            readout_format=".0%",
            continuous_update=CONTINUOUS,
            description="promotional posts in the plan",
            style=SLIDER_STYLE,
            layout=SLIDER_LAYOUT,
        )
        self.per_week = widgets.IntSlider(
            value=3,
            min=1,
            max=14,
            continuous_update=CONTINUOUS,
            description="posts a week",
            style=SLIDER_STYLE,
            layout=SLIDER_LAYOUT,
        )
        self._fig, self._artists = explorer_figure(y_max, past_share)
        # The bars and their labels change only with the grouping and the ticked types: drawn then
        # (the frame); a slider move draws only the plan's line, marker and note.
        a = self._artists
        bars, labels = a["bars"], [*a["names"], *a["values"], a["caption"]]

        def bars_as_drawn() -> list:
            return [(b.get_visible(), b.get_x(), b.get_height(), b.get_facecolor(), b.get_hatch()) for b in bars] + [
                (label.get_visible(), label.get_position(), label.get_text(), label.get_color()) for label in labels
            ]

        dynamic = [a["line"], a["marker"], a["note"]]
        self._blitter = Blitter(self._fig, dynamic, frame=[*bars, *labels], frame_key=bars_as_drawn)
        self._grid = np.linspace(0.0, 1.0, 21)
        self.table: pd.DataFrame = pd.DataFrame()
        self._tables: dict[tuple[str, tuple[str, ...]], pd.DataFrame] = {}
        self.plan: pd.Series = pd.Series(dtype=float)
        types_row = widgets.HBox(
            layout=widgets.Layout(flex_flow="row wrap"),  # the boxes go to a second line on a narrow screen
            children=[
                widgets.Label("other post types in the plan:", layout=widgets.Layout(width="13em")),
                self.how_to,
                self.question,
                self.story,
            ],
        )
        self._start(widgets.VBox([self.group, types_row, self.promotional, self.per_week]))

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.group, self.how_to, self.question, self.story, self.promotional, self.per_week]

    @property
    def other_types(self) -> list[str]:
        """The non-promotional post types ticked for the plan."""
        ticked = {"how-to": self.how_to.value, "question": self.question.value, "story": self.story.value}
        return [t for t in OTHER_TYPES if ticked[t]]

    def update(self, _change=None) -> None:
        """Recompute with the controls' values and redraw (what a control change triggers)."""
        others = self.other_types
        grouping = self.group.value
        key = (grouping, tuple(others))
        if key not in self._tables:  # a slider move changes only the plan: the bars' rates are kept
            used = self.posts[self.posts["type"].isin(["promotional", *others])]
            self._tables[key] = conversation.rates_by_type(used, by=grouping)
        self.table = self._tables[key]
        order = TYPE_ORDER if grouping == "type" else OPENING_ORDER
        left_out = set(OTHER_TYPES) - set(others) if grouping == "type" else set()
        share, per_week = self.promotional.value, self.per_week.value
        self.plan = conversation.plan_comments(self.posts, share, others, per_week)
        r_p, r_o = float(self.plan["promotional_rate"]), float(self.plan["other_rate"])
        curve = (
            (self._grid, self._grid * r_p + (1 - self._grid) * r_o)
            if not math.isnan(r_o)
            else (np.array([1.0]), np.array([r_p]))
        )
        draw(self._artists, self.table, order, left_out, grouping, self.plan, curve, share, per_week)
        self._show(
            self._blitter.png(),
            figure_alt(self.table, grouping, self.plan, share),
            summary_html(self.table, grouping, self.plan, share, per_week),
        )
