"""The Content explorer.

The explorer asks one question: if Dana changed the share of sale notices
among her posts, what would she expect back? Every number comes from
:func:`sevencs.content.simulate_mix`, which plans a month of posts with the
nursery's own per-type rates, and the drawing from :mod:`sevencs.figures.content`;
this module reads the controls.

The figure is built once. The curve of expected engagements against the
promotional share never changes, so it sits in the background with the axes;
a control move only moves the marker, the rule's target line and the bars,
drawn over that background (blitting, as in the Connection explorer), and the
image is shown with its alt text (see :mod:`sevencs.widgets.explorer`).
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from sevencs import content
from sevencs.datasets import load_posts
from sevencs.figures.content import MAX_POSTS, draw, explorer_figure, figure_alt
from sevencs.render.html import render
from sevencs.widgets.connection import SLIDER_LAYOUT, SLIDER_STYLE
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer


def plan_summary(plan: pd.Series, distance: float, rule: str) -> str:
    rate = plan["engagement_rate"]
    return render(
        "content_numbers.html",
        plan=plan,
        amplification=float(plan["amplification_rate"]),
        rate=float(rate),
        rate_label=rate.label,
        distance=distance,
        rule=rule,
    )


class ContentExplorer(Explorer):
    """A content-mix simulator: share of promotional posts against expected engagement.

    >>> explorer = ContentExplorer()        # the nursery's posts
    >>> explorer.promotional.value = 0.2    # what a learner's slider move does
    >>> explorer.plan                       # the numbers behind the figure

    ``posts`` defaults to the nursery's; any table with the columns of
    ``load_posts()`` and a ``promotional`` type works.
    """

    #: answers in the published book: the promotional share: the content-mix question the chapter asks
    static_sliders = ("promotional",)

    def __init__(self, posts: pd.DataFrame | None = None) -> None:
        self.posts = load_posts() if posts is None else posts
        self.actual_share = float(content.content_mix(self.posts).get("promotional", 0.0))
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        self.promotional = widgets.FloatSlider(
            value=round(self.actual_share * 20) / 20,
            min=0.0,
            max=1.0,
            step=0.05,
            readout_format=".0%",
            description="promotional posts",
            **slider,
        )
        self.posts_count = widgets.IntSlider(value=15, min=1, max=MAX_POSTS, description="posts a month", **slider)
        self.rule = widgets.Dropdown(
            options=list(content.RULES),
            value="80/20",
            description="compare with rule",
            style=SLIDER_STYLE,
            layout=SLIDER_LAYOUT,
        )
        curve = content.mix_curve(self.posts)
        self._fig, self._artists = explorer_figure(self.posts, curve, self.actual_share)
        self._blitter = Blitter(
            self._fig, [self._artists[k] for k in ("marker", "share_marker", "target")] + list(self._artists["bars"])
        )
        self.plan: pd.Series = pd.Series(dtype=object)
        self.distance = 0.0
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.promotional, self.posts_count, self.rule]

    def update(self, _change=None) -> None:
        """Recompute with the controls' values and redraw (what a control move triggers)."""
        share = self.promotional.value
        self.plan = content.simulate_mix(self.posts, share, self.posts_count.value)
        # what one post earns: simulate_mix is proportional to the number of posts (no second run)
        per_post = self.plan[["engagements", "shares"]] / self.plan["posts"]
        self.distance = content.mix_distance(content.planned_mix(self.posts, share), self.rule.value)
        draw(self._artists, self.plan, per_post, share, self.rule.value)
        self._show(
            self._blitter.png(),
            figure_alt(self.plan, share, self.rule.value),
            plan_summary(self.plan, self.distance, self.rule.value),
        )
