"""The Clients chapter's figures, and its explorer's drawing code.

:func:`diffusion`, :func:`funnel_by_source` and :func:`bass_fit` return a
finished :class:`~sevencs.FigureImage` for the book and the lab. The
explorer's figure is built once by :func:`explorer_figure`, with a bar for
every possible period; :func:`draw` puts a new
:func:`~sevencs.clients.bass_diffusion` table into it (see
:mod:`sevencs.widgets.clients`).

Colours are Okabe–Ito; innovation bars are hatched and imitation bars plain,
and the lines differ in style and marker, so nothing depends on colour alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sevencs import clients
from sevencs.figures import OKABE_ITO, BarSet, FigureImage, new_figure, style_axes

INNOVATION: dict[str, Any] = dict(
    color=OKABE_ITO["orange"], hatch="///", edgecolor="white", linewidth=0.5, label="from innovation (advertising, p)"
)
IMITATION: dict[str, Any] = dict(
    color=OKABE_ITO["blue"], edgecolor="white", linewidth=0.5, label="from imitation (word of mouth, q)"
)
CUMULATIVE: dict[str, Any] = dict(
    color=OKABE_ITO["vermillion"], linestyle="-", marker="o", markersize=3, label="adopted so far"
)


def diffusion_alt(table: pd.DataFrame, market: float) -> str:
    peak = table.iloc[int(table["new_adopters"].to_numpy().argmax())]
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


def _as_patch(style: dict[str, Any]) -> dict[str, Any]:
    """A bar style for a patch: bar()'s ``color`` is the face colour (on a patch it would be the edge's too)."""
    return {("facecolor" if key == "color" else key): value for key, value in style.items()}


def explorer_figure(periods: int) -> tuple[Figure, dict]:
    """Two panels with room for ``periods`` periods' bars; returns the figure and the artists :func:`draw` sets."""
    fig = new_figure(9.0, 3.8)
    bars_ax, total_ax = fig.subplots(1, 2, width_ratios=[1.6, 1])
    # one patch per kind of bar (BarSet): the hatch is rendered once a draw, not once a bar
    innovation, imitation = (BarSet(**_as_patch(style)) for style in (INNOVATION, IMITATION))
    bars_ax.add_patch(innovation)
    bars_ax.add_patch(imitation)
    # The layout is made once, with these limits (draw() sets the real ones): room for 4-digit tick labels.
    bars_ax.set_xlim(0.4, periods + 0.6)
    bars_ax.set_ylim(0, 1000)
    style_axes(bars_ax, "New adopters per period", "period", "new adopters")
    (line,) = total_ax.plot([], [], **CUMULATIVE)
    market_line = total_ax.axhline(1, color=OKABE_ITO["grey"], linestyle=":", linewidth=1.5, label="the market")
    style_axes(total_ax, "Adopted so far", "period", "adopters (cumulative)")
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
    return fig, {
        "bars_ax": bars_ax,
        "total_ax": total_ax,
        "innovation": innovation,
        "imitation": imitation,
        "line": line,
        "market": market_line,
    }


def draw(artists: dict, table: pd.DataFrame, market: float) -> None:
    """Put a bass_diffusion table into the figure's bars and line (one pair of bars per period of the table)."""
    periods = len(table)
    innovation = table["from_innovation"].to_numpy(dtype=float)
    imitation = table["from_imitation"].to_numpy(dtype=float)
    left, width = np.arange(1, periods + 1) - 0.4, np.full(periods, 0.8)  # as bar(): 0.8 wide, centred
    artists["innovation"].set_bars(left, np.zeros(periods), width, innovation)
    artists["imitation"].set_bars(left, innovation, width, imitation)  # stacked on the innovation bars
    top = float(table["new_adopters"].max())
    artists["bars_ax"].set_xlim(0.4, periods + 0.6)
    # The scale stays while the bars fit under it and fill at least a third of it, so a slider step
    # keeps the axes: two settings compare by eye, and the explorer draws only the bars again.
    if not top * 1.05 <= artists["bars_ax"].get_ylim()[1] <= top * 3:
        artists["bars_ax"].set_ylim(0, max(top * 1.35, 1e-9))
    artists["line"].set_data(table["period"].to_numpy(), table["cumulative"].to_numpy())
    artists["market"].set_ydata([market, market])
    artists["total_ax"].set_xlim(0.5, periods + 0.5)
    artists["total_ax"].set_ylim(0, market * 1.08)


def diffusion(table: pd.DataFrame, market: float) -> FigureImage:
    """New adopters per period split into innovation and imitation, and adopters so far (a bass_diffusion table)."""
    fig, artists = explorer_figure(len(table))
    draw(artists, table, market)
    return FigureImage(fig, diffusion_alt(table, market))


def funnel_by_source(
    leads: pd.DataFrame, sources: tuple[str, ...] = ("word of mouth", "walk-in", "social")
) -> FigureImage:
    """Share of each source's connections that reached each stage of the funnel."""
    styles: list[dict[str, Any]] = [
        dict(color=OKABE_ITO["blue"], linestyle="-", marker="s"),
        dict(color=OKABE_ITO["green"], linestyle="-.", marker="D"),
        dict(color=OKABE_ITO["orange"], linestyle="--", marker="o"),
        dict(color=OKABE_ITO["purple"], linestyle=":", marker="^"),
        dict(color=OKABE_ITO["vermillion"], linestyle=(0, (5, 1, 1, 1)), marker="v"),
    ]
    fig = new_figure(7.0, 3.8)
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
    style_axes(
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
    fig = new_figure(7.0, 3.8)
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
    style_axes(ax, title, "month", "new clients")
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
