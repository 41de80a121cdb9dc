"""The Relationships explorer: tie strength over the interaction log, with weights you set.

Thin by design: every number comes from :func:`sevencs.relationships.tie_strength`;
this module reads four sliders (the weights of frequency, recency and
reciprocity, and the recency half-life) and draws. The figure is built once
and its static parts rendered once as a background; a slider move changes
the bars, names and points and draws just those (blitting), then shows the
image with alt text in an ``HTML`` widget.

:func:`strength_figure` draws the same picture once, for the book and the lab.
"""

from __future__ import annotations

from collections.abc import Hashable

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from sevencs import figures, relationships
from sevencs.datasets import NURSERY, load_interactions
from sevencs.render.html import render
from sevencs.widgets.explorer import Blitter, Explorer

SLIDER_STYLE = {"description_width": "12em"}
SLIDER_LAYOUT = widgets.Layout(width="32em")
TOP = 15  # the 15-layer

#: The three parts of a score: column, label, colour, hatching (colour is never the only cue).
PARTS = (
    ("frequency", "frequency", figures.OKABE_ITO["blue"], ""),
    ("recency", "recency", figures.OKABE_ITO["orange"], "//"),
    ("reciprocity", "reciprocity", figures.OKABE_ITO["green"], ".."),
)
TWO_WAY = dict(marker="o", color=figures.OKABE_ITO["blue"], label="two-way")
ONE_WAY = dict(marker="^", color=figures.OKABE_ITO["vermillion"], label="one-way (never answered)")


def explorer_figure(table: pd.DataFrame):
    """Build the two-panel figure for a tie_strength table; return it with the artists an update changes."""
    fig = figures.new_figure(10.0, 4.8)
    fig.set_layout_engine("none")
    bars_ax = fig.add_axes([0.12, 0.2, 0.34, 0.68])
    dots_ax = fig.add_axes([0.58, 0.2, 0.39, 0.68])

    rows = np.arange(TOP)
    bars = {}
    for key, label, colour, hatch in PARTS:
        bars[key] = bars_ax.barh(
            rows, np.zeros(TOP), color=colour, hatch=hatch, edgecolor="white", linewidth=0.6, label=label
        )
    bars_ax.set_ylim(TOP - 0.4, -0.6)
    bars_ax.set_xlim(0, 1)
    bars_ax.set_yticks([])
    bars_ax.axhline(4.5, color=figures.OKABE_ITO["grey"], linestyle="--", linewidth=1)
    figures._style(bars_ax, "The 15 strongest relationships (5-layer above the dashes)", "tie strength (0 to 1)", "")
    bars_ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    bars_ax.grid(axis="y", visible=False)
    to_left = blended_transform_factory(bars_ax.transAxes, bars_ax.transData)
    names = [bars_ax.text(-0.02, r, "", transform=to_left, ha="right", va="center", fontsize=8.5) for r in rows]
    fig.legend(
        handles=[Patch(facecolor=c, hatch=h, edgecolor="white", label=f"{lab} part") for _, lab, c, h in PARTS],
        loc="lower left",
        bbox_to_anchor=(0.02, 0.0),
        ncols=3,
        frameon=False,
        fontsize=9,
    )

    interactions = table["interactions"].to_numpy(dtype=float)
    dots_ax.set_xscale("log")
    dots_ax.set_xlim(0.8, max(interactions.max(), 2) * 1.3)
    dots_ax.set_ylim(0, 1)
    two = dots_ax.scatter([], [], s=22, alpha=0.75, edgecolors="white", linewidths=0.4, **TWO_WAY)
    one = dots_ax.scatter([], [], s=26, alpha=0.85, edgecolors="white", linewidths=0.4, **ONE_WAY)
    cut = dots_ax.axhline(0, color=figures.OKABE_ITO["black"], linestyle=":", linewidth=1.2)
    figures._style(
        dots_ax,
        f"Everyone in the log ({len(table)} people)",
        "interactions, both directions (log scale)",
        "tie strength (0 to 1)",
    )
    dots_ax.legend(
        handles=[
            Line2D([], [], linestyle="", markersize=6, **TWO_WAY),
            Line2D([], [], linestyle="", markersize=6, **ONE_WAY),
            Line2D([], [], color=figures.OKABE_ITO["black"], linestyle=":", label="15-layer cut-off"),
        ],
        frameon=True,
        framealpha=0.9,
        edgecolor="none",
        fontsize=8,
        loc="upper left",
    )
    return fig, {"bars": bars, "names": names, "two": two, "one": one, "cut": cut}


def draw(artists: dict, table: pd.DataFrame, weights: dict[str, float]) -> None:
    """Put a tie_strength table (strongest first) into the figure's existing artists."""
    total = sum(weights.values())
    top = table.iloc[:TOP]
    left = np.zeros(TOP)
    for key, *_ in PARTS:
        part = np.zeros(TOP)
        part[: len(top)] = top[key].to_numpy() * weights[key] / total
        for rect, x, width in zip(artists["bars"][key], left, part):
            rect.set_x(x)
            rect.set_width(width)
        left += part
    for i, text in enumerate(artists["names"]):
        text.set_text(f"{top.index[i]}" if i < len(top) else "")
    one_way = (table["from_us"] == 0) | (table["from_them"] == 0)
    for key, rows in (("two", table[~one_way]), ("one", table[one_way])):
        points = np.column_stack([rows["interactions"].to_numpy(dtype=float), rows["strength"].to_numpy()])
        artists[key].set_offsets(points if len(points) else np.empty((0, 2)))
    cut = float(top["strength"].iloc[-1])
    artists["cut"].set_ydata([cut, cut])


def figure_alt(table: pd.DataFrame, weights: dict[str, float], half_life: float) -> str:
    top = table.iloc[:TOP]
    one_way = int(((table["from_us"] == 0) | (table["from_them"] == 0)).sum())
    one_way_top = int(((top["from_us"] == 0) | (top["from_them"] == 0)).sum())
    return (
        f"Left: bar chart of the {len(top)} strongest relationships, each bar split into its frequency, "
        f"recency and reciprocity parts (weights {weights['frequency']:g}, {weights['recency']:g}, "
        f"{weights['reciprocity']:g}; half-life {half_life:g} days). Strongest: {top.index[0]} at "
        f"{top['strength'].iloc[0]:.2f}; 15th: {top.index[-1]} at {top['strength'].iloc[-1]:.2f}. "
        f"Right: scatter of tie strength against number of interactions for all {len(table)} people; "
        f"{one_way} are one-way, {one_way_top} of them in the 15-layer."
    )


def strength_figure(
    table: pd.DataFrame, weights: dict[str, float] | None = None, half_life: float = relationships.DEFAULT_HALF_LIFE
) -> figures.FigureImage:
    """The explorer's picture for one tie_strength table, as a finished figure with alt text."""
    weights = dict(relationships.DEFAULT_WEIGHTS if weights is None else weights)
    fig, artists = explorer_figure(table)
    draw(artists, table, weights)
    return figures.FigureImage(fig, figure_alt(table, weights, half_life))


def summary_html(table: pd.DataFrame, baseline: pd.DataFrame) -> str:
    top = table.iloc[:TOP]
    one_way = (top["from_us"] == 0) | (top["from_them"] == 0)
    return render(
        "relationships_numbers.html",
        strongest=str(top.index[0]),
        strongest_score=float(top["strength"].iloc[0]),
        one_way=int(one_way.sum()),
        kept=len(set(top.index) & set(baseline.index[:TOP])),
        rows=[(str(name), r) for name, r in zip(top.index, top.itertuples())],
    )


class RelationshipsExplorer(Explorer):
    """Sliders for the weights of frequency, recency and reciprocity, and the recency half-life.

    >>> explorer = RelationshipsExplorer()        # the nursery's interaction log
    >>> explorer.reciprocity.value = 0            # what a learner's slider move does
    >>> explorer.table                            # the numbers behind the figure

    ``interactions`` defaults to the sample log; pass any log with the columns
    date, source, target, kind and the ``account`` on one side of every row.
    """

    def __init__(self, interactions: pd.DataFrame | None = None, account: Hashable = NURSERY) -> None:
        self.interactions = load_interactions() if interactions is None else interactions
        self.account = account
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
        w = relationships.DEFAULT_WEIGHTS
        self.frequency = widgets.FloatSlider(
            value=w["frequency"], min=0, max=3, step=0.1, description="weight of frequency", **slider
        )
        self.recency = widgets.FloatSlider(
            value=w["recency"], min=0, max=3, step=0.1, description="weight of recency", **slider
        )
        self.reciprocity = widgets.FloatSlider(
            value=w["reciprocity"], min=0, max=3, step=0.1, description="weight of reciprocity", **slider
        )
        self.half_life = widgets.IntSlider(
            value=int(relationships.DEFAULT_HALF_LIFE), min=1, max=180, description="recency half-life (days)", **slider
        )
        self.baseline = relationships.tie_strength(self.interactions, account=account)
        self.table: pd.DataFrame = self.baseline
        self._fig, self._artists = explorer_figure(self.baseline)
        dynamic = [
            *(r for key, *_ in PARTS for r in self._artists["bars"][key]),
            *self._artists["names"],
            self._artists["two"],
            self._artists["one"],
            self._artists["cut"],
        ]
        self._blitter = Blitter(self._fig, dynamic)
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.frequency, self.recency, self.reciprocity, self.half_life]

    @property
    def weights(self) -> dict[str, float]:
        return {"frequency": self.frequency.value, "recency": self.recency.value, "reciprocity": self.reciprocity.value}

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        weights = self.weights
        if sum(weights.values()) == 0:
            # the last chart no longer matches the sliders: hide it until a weight is back
            self.figure.layout.display = "none"
            self.numbers.value = render("relationships_no_weights.html")
            return
        self.figure.layout.display = None
        self.table = relationships.tie_strength(
            self.interactions, half_life=self.half_life.value, account=self.account, **weights
        )
        draw(self._artists, self.table, weights)
        self._show(
            self._blitter.png(),
            figure_alt(self.table, weights, self.half_life.value),
            summary_html(self.table, self.baseline),
        )
