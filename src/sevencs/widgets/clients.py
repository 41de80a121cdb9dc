"""The Clients explorer: advertising against word of mouth.

Thin by design: every number comes from :mod:`sevencs.clients` and the drawing
from :mod:`sevencs.figures.clients`; this module reads the sliders. The figure
is built once with a bar for every possible period, and its legend is
rendered once as a background; a slider move changes the bars' heights, the
cumulative line and the axis limits, and draws the bars and lines over the
panels' frames, which are drawn again only when their limits change (see
:class:`~sevencs.widgets.explorer.Blitter`). It shows the image with its alt text (see
:mod:`sevencs.widgets.explorer`; it stays visible in the published book without a kernel).
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from sevencs import clients
from sevencs.figures.clients import diffusion_alt, draw, explorer_figure
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer, limits

SLIDER_STYLE = {"description_width": "13em"}
SLIDER_LAYOUT = widgets.Layout(width="32em", max_width="100%")  # narrower on a narrow screen

#: Most periods the explorer shows; the bars for all of them exist from the start.
MAX_PERIODS = 36


def _peak(table: pd.DataFrame) -> pd.Series:
    return table.iloc[int(table["new_adopters"].to_numpy().argmax())]


def summary_html(table: pd.DataFrame, market: float) -> str:
    peak = _peak(table)
    total = float(table["cumulative"].iloc[-1])
    first = table.iloc[0]
    half = table.loc[table["cumulative"] >= market / 2, "period"]
    columns = ["from_innovation", "from_imitation", "new_adopters"]
    return render(
        "clients_numbers.html",
        peak=peak,
        total=total,
        market=market,
        last_period=int(table["period"].iloc[-1]),
        half_period=int(half.iloc[0]) if len(half) else None,
        imitation_share=table["from_imitation"].sum() / total if total > 0 else 0.0,
        rows=[
            ("period 1", *(first[c] for c in columns)),
            (f"peak (period {int(peak['period'])})", *(peak[c] for c in columns)),
            (f"all {len(table)} periods", table["from_innovation"].sum(), table["from_imitation"].sum(), total),
        ],
    )


class ClientsExplorer(Explorer):
    """Sliders for advertising (p), word of mouth (q), the market and the number of periods.

    >>> explorer = ClientsExplorer()        # the nursery's social clients: p 0.03, q 0.38, market 260
    >>> explorer.q.value = 0.1              # what a learner's slider move does
    >>> explorer.table                      # the numbers behind the figure (bass_diffusion)
    """

    #: answers in the published book: word of mouth (q): the chapter's point, imitation against advertising
    static_sliders = ("q",)

    def __init__(self, p: float = 0.03, q: float = 0.38, market: int = 260, periods: int = 12) -> None:
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        self.p = widgets.FloatSlider(
            value=p, min=0.0, max=0.2, step=0.005, readout_format=".3f", description="advertising, p", **slider
        )
        self.q = widgets.FloatSlider(
            value=q, min=0.0, max=1.0, step=0.01, readout_format=".2f", description="word of mouth, q", **slider
        )
        self.market = widgets.IntSlider(
            value=market, min=20, max=2000, step=10, description="market (people)", **slider
        )
        self.periods = widgets.IntSlider(
            value=periods, min=4, max=MAX_PERIODS, description="periods (months)", **slider
        )
        self._fig, self._artists = explorer_figure(MAX_PERIODS)
        # The legend is drawn once. A slider move draws the bars, the line and the market's line;
        # the panels' frames (ticks, grid, titles) only when their limits change: the market and
        # the periods change them, p and q seldom (the bars' scale stays while they fit).
        a = self._artists
        dynamic = [a["innovation"], a["imitation"], a["line"], a["market"]]
        panels = [a["bars_ax"], a["total_ax"]]
        self._blitter = Blitter(self._fig, dynamic, frame=panels, frame_key=limits(*panels))
        self.table: pd.DataFrame = pd.DataFrame()
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.p, self.q, self.market, self.periods]

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        market = float(self.market.value)
        self.table = clients.bass_diffusion(self.p.value, self.q.value, market, self.periods.value)
        draw(self._artists, self.table, market)
        self._show(self._blitter.png(), diffusion_alt(self.table, market), summary_html(self.table, market))
