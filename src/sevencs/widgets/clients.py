"""The Clients explorer (advertising against word of mouth) and the chapter's figures.

Thin by design: every number comes from :mod:`sevencs.clients`; this module
reads the sliders and draws. The explorer's figure is built once with a bar
for every possible period, and its legend is rendered once as a background;
a slider move changes the bars' heights, the cumulative line and the axis
limits, redraws just the two panels over the background and puts the image in
an ``HTML`` widget with alt text (so it stays visible in the
published book without a kernel).

Colours are Okabe–Ito; innovation bars are hatched and imitation bars plain,
and the lines differ in style and marker, so nothing depends on colour alone.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from sevencs import clients, figures
from sevencs.figures import OKABE_ITO, FigureImage
from sevencs.render.html import render
from sevencs.widgets.explorer import Blitter, Explorer

SLIDER_STYLE = {"description_width": "13em"}
SLIDER_LAYOUT = widgets.Layout(width="32em")

#: Most periods the explorer shows; the bars for all of them exist from the start.
MAX_PERIODS = 36

INNOVATION = dict(
    color=OKABE_ITO["orange"], hatch="///", edgecolor="white", linewidth=0.5, label="from innovation (advertising, p)"
)
IMITATION = dict(color=OKABE_ITO["blue"], edgecolor="white", linewidth=0.5, label="from imitation (word of mouth, q)")
CUMULATIVE = dict(color=OKABE_ITO["vermillion"], linestyle="-", marker="o", markersize=3, label="adopted so far")


def _peak(table: pd.DataFrame) -> pd.Series:
    return table.loc[table["new_adopters"].idxmax()]


def diffusion_alt(table: pd.DataFrame, market: float) -> str:
    peak = _peak(table)
    last = table.iloc[-1]
    if last["cumulative"] > 0:
        imitation = table["from_imitation"].sum() / last["cumulative"]
        story = (
            f"New adopters peak in period {int(peak['period'])} at {peak['new_adopters']:,.1f}; "
            f"{imitation:.0%} of all adopters come from imitation."
        )
    else:
        story = "Nobody adopts: with p at 0 nobody starts, so word of mouth has no one to spread from."
    return (
        f"Left: stacked bar chart of new adopters in each of {len(table)} periods, split into innovation "
        f"(hatched) and imitation (plain). {story} Right: line "
        f"chart of everyone adopted so far, reaching {last['cumulative']:,.0f} of a market of {market:,.0f}."
    )


def _diffusion_axes(fig, periods: int):
    bars_ax, total_ax = fig.subplots(1, 2, width_ratios=[1.6, 1])
    x = np.arange(1, periods + 1)
    innovation = bars_ax.bar(x, np.zeros(periods), width=0.8, **INNOVATION)
    imitation = bars_ax.bar(x, np.zeros(periods), width=0.8, bottom=np.zeros(periods), **IMITATION)
    figures._style(bars_ax, "New adopters per period", "period", "new adopters")
    (line,) = total_ax.plot([], [], **CUMULATIVE)
    market_line = total_ax.axhline(1, color=OKABE_ITO["grey"], linestyle=":", linewidth=1.5, label="the market")
    figures._style(total_ax, "Adopted so far", "period", "adopters (cumulative)")
    for ax in (bars_ax, total_ax):
        # few, whole-number ticks: tick labels are most of the cost of a redraw
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
    # one legend for both panels, outside them: drawn once, never covered by a bar
    fig.legend(
        handles=[innovation, imitation, line, market_line],
        frameon=False,
        fontsize=9,
        ncols=4,
        loc="outside lower center",
    )
    return {
        "bars_ax": bars_ax,
        "total_ax": total_ax,
        "innovation": innovation,
        "imitation": imitation,
        "line": line,
        "market": market_line,
    }


def _draw_diffusion(artists: dict, table: pd.DataFrame, market: float) -> None:
    periods = len(table)
    innovation = table["from_innovation"].to_numpy()
    imitation = table["from_imitation"].to_numpy()
    for i, (inn, imi) in enumerate(zip(artists["innovation"], artists["imitation"])):
        if i < periods:
            inn.set_height(innovation[i])
            imi.set_y(innovation[i])
            imi.set_height(imitation[i])
            inn.set_visible(True)
            imi.set_visible(True)
        else:
            inn.set_visible(False)
            imi.set_visible(False)
    top = float(table["new_adopters"].max())
    artists["bars_ax"].set_xlim(0.4, periods + 0.6)
    artists["bars_ax"].set_ylim(0, max(top * 1.35, 1e-9))
    artists["line"].set_data(table["period"].to_numpy(), table["cumulative"].to_numpy())
    artists["market"].set_ydata([market, market])
    artists["total_ax"].set_xlim(0.5, periods + 0.5)
    artists["total_ax"].set_ylim(0, market * 1.08)


def diffusion(table: pd.DataFrame, market: float) -> FigureImage:
    """New adopters per period split into innovation and imitation, and adopters so far (a bass_diffusion table)."""
    fig = figures.new_figure(9.0, 3.8)
    artists = _diffusion_axes(fig, len(table))
    _draw_diffusion(artists, table, market)
    return FigureImage(fig, diffusion_alt(table, market))


def funnel_by_source(
    leads: pd.DataFrame, sources: tuple[str, ...] = ("word of mouth", "walk-in", "social")
) -> FigureImage:
    """Share of each source's connections that reached each stage of the funnel."""
    styles = [
        dict(color=OKABE_ITO["blue"], linestyle="-", marker="s"),
        dict(color=OKABE_ITO["green"], linestyle="-.", marker="D"),
        dict(color=OKABE_ITO["orange"], linestyle="--", marker="o"),
        dict(color=OKABE_ITO["purple"], linestyle=":", marker="^"),
        dict(color=OKABE_ITO["vermillion"], linestyle=(0, (5, 1, 1, 1)), marker="v"),
    ]
    fig = figures.new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    finals = []
    for source, style in zip(sources, styles):
        table = clients.funnel(leads[leads["source"] == source])
        shares = table["of_connections"].to_numpy()
        ax.plot(range(len(table)), shares, label=f"{source} ({int(table['reached'].iloc[0]):,} people)", **style)
        finals.append((source, shares[-1], table["conversion"].iloc[-1]))
    ax.set_xticks(range(len(clients.STAGES)), clients.STAGES)
    ax.set_ylim(0, 1.05)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    figures._style(
        ax,
        "How far people get, by where they came from",
        "stage of the funnel",
        "share of their connections who got this far",
    )
    ax.legend(frameon=False, fontsize=9, loc="upper right")
    described = "; ".join(f"{s}: {f:.0%} became clients" for s, f, _ in finals)
    return FigureImage(
        fig,
        (
            "Line chart of the share of each source's connections who reached each funnel stage, from "
            f"connection to client. {described}."
        ),
    )


def bass_fit(
    adopters: pd.Series, fit: clients.BassFit, title: str = "New clients from social media each month"
) -> FigureImage:
    """Observed new adopters per period as bars, the fitted Bass model as a line."""
    model = fit.table()
    fig = figures.new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    x = np.arange(1, len(adopters) + 1)
    ax.bar(
        x,
        np.asarray(adopters, dtype=float),
        width=0.75,
        color=OKABE_ITO["sky"],
        edgecolor="#555555",
        linewidth=0.5,
        hatch="..",
        label="observed",
    )
    ax.plot(
        model["period"],
        model["new_adopters"],
        color=OKABE_ITO["vermillion"],
        linestyle="-",
        marker="o",
        label=f"Bass fit: p = {fit.p:.3f}, q = {fit.q:.2f}, market = {fit.market:,.0f}",
    )
    labels = [str(m) for m in getattr(adopters, "index", x)]
    step = max(1, int(np.ceil(len(x) / 12)))
    ax.set_xticks(
        x[::step],
        labels[::step],
        rotation=45 if len(labels[0]) > 3 else 0,
        ha="right" if len(labels[0]) > 3 else "center",
        fontsize=8.5,
    )
    figures._style(ax, title, "month", "new clients")
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    ax.set_ylim(0, max(float(np.max(adopters)), float(model["new_adopters"].max())) * 1.3)
    peak = int(np.argmax(np.asarray(adopters))) + 1
    return FigureImage(
        fig,
        (
            f"Bar chart of new clients in each of {len(x)} months, rising to a peak in month {peak} at "
            f"{int(np.max(adopters))} and falling again, with the fitted Bass curve drawn over it: "
            f"p = {fit.p:.3f}, q = {fit.q:.2f}, a market of {fit.market:,.0f}."
        ),
    )


# --- the explorer ----------------------------------------------------------------------------


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

    def __init__(self, p: float = 0.03, q: float = 0.38, market: int = 260, periods: int = 12) -> None:
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
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
        self._fig = figures.new_figure(9.0, 3.8)
        self._artists = _diffusion_axes(self._fig, MAX_PERIODS)
        # The legend and the figure's frame are drawn once, as a background; a slider
        # move redraws only the two panels (their bars, line, ticks and titles) over it.
        self._blitter = Blitter(self._fig, [self._artists["bars_ax"], self._artists["total_ax"]])
        self.table: pd.DataFrame = pd.DataFrame()
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.p, self.q, self.market, self.periods]

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        market = float(self.market.value)
        self.table = clients.bass_diffusion(self.p.value, self.q.value, market, self.periods.value)
        _draw_diffusion(self._artists, self.table, market)
        self._show(self._blitter.png(), diffusion_alt(self.table, market), summary_html(self.table, market))
