"""The Community explorer.

The explorer puts the compounding story (geometric growth) next to growth
that runs out of people (logistic growth with a market size), with the real
monthly membership of the nursery's group as dots to compare. Every number
comes from :func:`sevencs.community.growth` and the drawing from
:mod:`sevencs.figures.community`; this module reads the sliders. The figure
is built once; a slider move changes the lines' data and the axes' limits
and draws what changed (see :class:`~sevencs.widgets.explorer.Blitter`): the
lines alone, or the axes too when their limits moved. It shows the image
with alt text (see :mod:`sevencs.widgets.explorer`), so it also stays visible
in the published book.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import pandas as pd

from sevencs import community
from sevencs.datasets import load_group_activity
from sevencs.figures.community import draw_growth, growth_alt, growth_chart
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer, limits

SLIDER_STYLE = {"description_width": "12em"}
SLIDER_LAYOUT = widgets.Layout(width="32em", max_width="100%")  # narrower on a narrow screen


def growth_summary_html(story: pd.DataFrame, logistic: pd.DataFrame, market: int, rate: float) -> str:
    """The numbers under the growth figure, for two growth tables made with ``rate``."""
    last_s, last_l = story.iloc[-1], logistic.iloc[-1]
    start = int(story["members"].iloc[0])
    half = community.half_market_time(start, rate, market)
    return render(
        "community_numbers.html",
        months=int(last_s["period"]),
        story_members=float(last_s["members"]),
        market=market,
        logistic_members=float(last_l["members"]),
        logistic_share=float(last_l["share_of_market"]),
        half_month=math.ceil(half) if half > 0 else None,
        busiest=int(logistic["period"].to_numpy()[logistic["new_members"].to_numpy().argmax()]),
        rows=list(zip(story.itertuples(), logistic.itertuples())),
    )


class CommunityExplorer(Explorer):
    """Sliders for the starting group, the growth rate, the market size and the months shown.

    >>> explorer = CommunityExplorer()        # with the real group's members as crosses
    >>> explorer.market.value = 400           # what a learner's slider move does
    >>> explorer.table                        # both models, month by month

    ``real`` is a table with ``period`` and ``members`` (default: the nursery's
    group, :func:`sevencs.community.group_members_by_month`); pass ``False`` to leave it out.
    """

    #: answers in the published book: the market size: where logistic growth parts from the compounding story
    static_sliders = ("market",)

    def __init__(self, real: pd.DataFrame | bool | None = None) -> None:
        if real is None:
            real = community.group_members_by_month(load_group_activity())
        self.real = real if isinstance(real, pd.DataFrame) else None
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        self.start = widgets.IntSlider(value=13, min=1, max=50, description="start (members)", **slider)
        self.rate = widgets.FloatSlider(
            value=1.0, min=0.05, max=3.0, step=0.05, readout_format=".0%", description="growth per month", **slider
        )
        self.market = widgets.IntSlider(
            value=190, min=60, max=1000, step=10, description="market size (people)", **slider
        )
        self.periods = widgets.IntSlider(value=12, min=3, max=24, description="months", **slider)
        self.table: pd.DataFrame = pd.DataFrame()
        story, logistic = self._tables()
        self._fig, self._artists = growth_chart(story, logistic, self.market.value, self.rate.value, self.real)
        # The legend (below the axes) is drawn once. The axes' limits follow the market and the months:
        # when they change, the axes' frame (ticks, grid, the real group's crosses) is drawn again;
        # otherwise a move draws only the four lines.
        lines = [self._artists[k] for k in ("story", "logistic", "market", "half")]
        ax = self._artists["ax"]
        self._blitter = Blitter(self._fig, lines, frame=[ax], frame_key=limits(ax))
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.start, self.rate, self.market, self.periods]

    def _tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        start = min(self.start.value, self.market.value - 1)
        args = (start, self.rate.value, self.market.value, self.periods.value)
        return community.growth("geometric", *args), community.growth("logistic", *args)

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        story, logistic = self._tables()
        market, rate = self.market.value, self.rate.value
        draw_growth(self._artists, story, logistic, market, rate)
        self._show(
            self._blitter.png(),
            growth_alt(story, logistic, market, rate, self.real),
            growth_summary_html(story, logistic, market, rate),
        )
        self.table = pd.DataFrame(
            {
                "month": story["period"],
                "story": story["members"],
                "logistic": logistic["members"],
                "new_logistic": logistic["new_members"],
                "share_of_market": logistic["share_of_market"],
            }
        )
