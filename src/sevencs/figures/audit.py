"""The audit's scorecard figure: one small chart per C, or words where a C has no data.

:func:`scorecard_figure` draws the one-page summary of a
:class:`sevencs.audit.Scorecard`, :func:`panel_figure` one C's chart on its own
(the dashboard shows these). Both take the scorecard's table (one row per C,
with the columns ``c``, ``metric``, ``shown``, ``meaning``, ``available`` and
``why_not``) and each C's :class:`Panel`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sevencs.chapters import TITLES
from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes

BAR_STYLES = [
    (OKABE_ITO["blue"], ""),
    (OKABE_ITO["orange"], "//"),
    (OKABE_ITO["sky"], ".."),
    (OKABE_ITO["vermillion"], "xx"),
    (OKABE_ITO["green"], "\\\\"),
    (OKABE_ITO["purple"], "--"),
]


@dataclass(frozen=True)
class Panel:
    """What one C's small chart shows: bars (or a line) with labels, and the axes' names."""

    labels: tuple[str, ...]
    values: tuple[float, ...]
    xlabel: str
    ylabel: str
    kind: str = "bar"
    percent: bool = False


def scorecard_figure(table: pd.DataFrame, panels: Mapping[str, Panel | None], lead: str, note: str) -> Figure:
    """One page of small multiples: a panel per C; a C without data says so in words.

    ``lead`` is the page's title and ``note`` the words in the eighth, empty cell.
    """
    fig = new_figure(8.5, 11.0)
    axes = fig.subplots(4, 2).ravel()
    for ax, (_, row) in zip(axes, table.iterrows()):
        draw_panel(ax, row, panels.get(row["c"]))
    # the note in the eighth cell, as a panel of its own (so a phone's layout keeps it under the others)
    axes[-1].set_axis_off()
    axes[-1].text(0.05, 0.5, note, fontsize=10, va="center", ha="left", color="#333333", wrap=True)
    fig.suptitle(lead, fontsize=14, x=0.02, ha="left")
    return fig


def panel_figure(row: pd.Series, panel: Panel | None) -> FigureImage:
    """One C's panel on its own (``row`` is its row of the scorecard's table), with alt text."""
    fig = new_figure(6.0, 3.6)
    draw_panel(fig.add_subplot(), row, panel)
    title = TITLES[row["c"]]
    alt = (
        f"{title}: {row['shown']} ({row['metric']})."
        if row["available"]
        else f"{title}: not available. {row['why_not']}"
    )
    return FigureImage(fig, alt)


def draw_panel(ax: Axes, row: pd.Series, panel: Panel | None) -> None:
    """One C's chart on ``ax``, or, when there is nothing to chart, why not in words."""
    title = f"{TITLES[row['c']]}: {row['shown']}"
    ax.set_title(textwrap.shorten(title, 48, placeholder="…"), loc="left", fontsize=11)
    if not row["available"] or panel is None or not panel.values:
        reason = row["why_not"] if not row["available"] else row["meaning"]
        words = "Not available.\n" if not row["available"] else ""
        ax.text(
            0.0,
            0.92,
            words + textwrap.fill(reason, 48),
            transform=ax.transAxes,
            va="top",
            ha="left",
            fontsize=9,
            wrap=True,
        )
        ax.set_axis_off()
        return
    style_axes(ax, textwrap.shorten(title, 48, placeholder="…"), panel.xlabel, panel.ylabel)
    x = np.arange(len(panel.values))
    values = np.asarray(panel.values, dtype=float)
    if panel.kind == "line":
        ax.plot(x, values, color=OKABE_ITO["blue"], marker="o", markersize=3)
        ax.set_ylim(bottom=0)
    else:
        for i, value in enumerate(values):
            colour, hatch = BAR_STYLES[i % len(BAR_STYLES)]
            ax.bar(i, 0 if math.isnan(value) else value, color=colour, hatch=hatch, edgecolor="white")
    step = max(1, len(x) // 6)
    ax.set_xticks(x[::step])
    ax.set_xticklabels(
        [panel.labels[i] for i in range(0, len(x), step)],
        fontsize=8,
        rotation=30 if len(x) > 4 else 0,
        ha="right" if len(x) > 4 else "center",
    )
    if panel.percent:
        ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
