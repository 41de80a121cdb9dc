"""The Caring chapter's figures, and its explorer's drawing code.

:func:`response_times_figure`, :func:`care_figure` and :func:`sarcasm_figure`
return a finished :class:`~sevencs.FigureImage` for the book and the
lab. The explorer's three panels are built once by :func:`explorer_figure`;
:func:`draw` puts a new :func:`~sevencs.caring.monthly_care` table into their
existing artists (see :mod:`sevencs.widgets.caring`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sevencs.figures import OKABE_ITO, BarSet, FigureImage, new_figure, style_axes

MEDIAN_STYLE: dict[str, Any] = dict(color=OKABE_ITO["blue"], linestyle="-", marker="s", label="median first reply")
TARGET_STYLE: dict[str, Any] = dict(color=OKABE_ITO["orange"], linestyle="--", linewidth=1.8, label="your target")
VADER_STYLE: dict[str, Any] = dict(color=OKABE_ITO["vermillion"], linestyle="-", marker="o", label="VADER")
HUMAN_STYLE: dict[str, Any] = dict(color=OKABE_ITO["black"], linestyle=":", marker="x", label="a careful reader")


def _month_labels(months: pd.Series) -> list[str]:
    return [
        pd.Period(m, freq="M").strftime("%b\n%Y" if i == 0 or m.endswith("-01") else "%b") for i, m in enumerate(months)
    ]


def explorer_figure(months: list[str], y_max: float) -> tuple[Figure, dict]:
    """Three panels side by side, one point or bar per month; returns the figure and the artists an update changes."""
    fig = new_figure(11.0, 3.6)
    hours_ax, target_ax, mood_ax = fig.subplots(1, 3)
    x = np.arange(len(months))
    labels = _month_labels(pd.Series(months))
    (median_line,) = hours_ax.plot(x, np.zeros(len(x)), **MEDIAN_STYLE)
    target_line = hours_ax.axhline(24, **TARGET_STYLE)
    hours_ax.set_ylim(0, y_max)
    style_axes(hours_ax, "Median hours to a first reply", "month asked", "hours")
    hours_ax.legend(handles=[median_line, target_line], frameon=False, fontsize=8, loc="upper left")
    # one patch for the twelve bars (BarSet): the hatch is rendered once a draw, not once a bar
    bars = BarSet(
        facecolor=OKABE_ITO["sky"], edgecolor="#333333", hatch="//", linewidth=0.6, label="answered within the target"
    )
    target_ax.add_patch(bars)
    target_ax.set_ylim(0, 1)
    target_ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    style_axes(target_ax, "Questions answered within the target", "month asked", "share of questions asked")
    (vader_line,) = mood_ax.plot(x, np.zeros(len(x)), **VADER_STYLE)
    (human_line,) = mood_ax.plot(x, np.zeros(len(x)), **HUMAN_STYLE)
    mood_ax.set_ylim(0, 0.5)
    mood_ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    style_axes(mood_ax, "Negative mentions", "month posted", "share of mentions")
    mood_ax.legend(handles=[vader_line, human_line], frameon=False, fontsize=8, loc="upper left")
    for ax in (hours_ax, target_ax, mood_ax):
        ax.set_xticks(x, labels, fontsize=7)
        ax.set_xlim(-0.6, len(x) - 0.4)
    return fig, {
        "median": median_line,
        "target": target_line,
        "bars": bars,
        "vader": vader_line,
        "human": human_line,
    }


def draw(artists: dict, table: pd.DataFrame, target: float) -> None:
    """Put a monthly_care table into the figure's existing artists."""
    artists["median"].set_ydata(table["median_hours"].to_numpy(dtype=float))
    artists["target"].set_ydata([target, target])
    shares = np.nan_to_num(table["within_target"].to_numpy(dtype=float))  # no questions: no bar
    months = np.arange(len(shares))
    artists["bars"].set_bars(months - 0.4, np.zeros(len(shares)), np.full(len(shares), 0.8), shares)  # as bar()
    artists["vader"].set_ydata(table["negative_share"].to_numpy(dtype=float))
    human = table["human_negative_share"] if "human_negative_share" in table else table["negative_share"] * np.nan
    artists["human"].set_ydata(human.to_numpy(dtype=float))


def _range(series: pd.Series, spec: str) -> str:
    values = series.dropna()
    if values.empty:
        return "no values"
    return f"from {format(values.min(), spec)} to {format(values.max(), spec)}"


def care_alt(table: pd.DataFrame, target: float, channel: str = "all", window: int = 1) -> str:
    pooled = "" if window == 1 else f", each month pooling the last {window} months"
    which = "all questions" if channel == "all" else f"questions asked by {channel}"
    text = (
        f"Three panels by month, {table['month'].iloc[0]} to {table['month'].iloc[-1]}{pooled}, for {which}. "
        f"Left: the median hours to a first reply runs {_range(table['median_hours'], '.1f')} hours, "
        f"against a target of {target:g} hours. Middle: the share of questions answered within the "
        f"target runs {_range(table['within_target'], '.0%')}. Right: the share of mentions VADER "
        f"labels negative runs {_range(table['negative_share'], '.0%')}"
    )
    if "human_negative_share" in table:
        text += f", and by a careful reader's labels {_range(table['human_negative_share'], '.0%')}"
    return text + "."


def care_figure(table: pd.DataFrame, target: float, channel: str = "all", window: int = 1) -> FigureImage:
    """The explorer's figure for one setting, as a finished figure (for the book)."""
    top = max(float(table["median_hours"].max(skipna=True) or 0), target) * 1.15 + 1
    fig, artists = explorer_figure(list(table["month"]), top)
    draw(artists, table, target)
    return FigureImage(fig, care_alt(table, target, channel, window))


def response_times_figure(hours: pd.Series) -> FigureImage:
    """Histogram of first-response times (log scale), with the median and the mean marked."""
    answered = hours.dropna()
    missing = int(hours.isna().sum())
    fig = new_figure(7.5, 3.6)
    ax = fig.add_subplot()
    low = max(answered.min(), 0.05)
    bins = np.geomspace(low * 0.9, answered.max() * 1.1, 25).tolist()
    ax.hist(
        answered,
        bins=bins,
        color=OKABE_ITO["sky"],
        edgecolor="#333333",
        hatch="..",
        linewidth=0.6,
        label="answered questions",
    )
    median, mean = float(answered.median()), float(answered.mean())
    ax.axvline(median, color=OKABE_ITO["blue"], linestyle="--", linewidth=2, label=f"median: {median:.1f} h")
    ax.axvline(mean, color=OKABE_ITO["vermillion"], linestyle=":", linewidth=2.5, label=f"mean: {mean:.1f} h")
    ax.set_xscale("log")
    ticks = [t for t in (0.25, 1, 4, 12, 24, 48, 168, 336) if low * 0.9 <= t <= answered.max() * 1.1]
    ax.set_xticks(
        ticks,
        [("15 min" if t == 0.25 else "1 week" if t == 168 else "2 weeks" if t == 336 else f"{t:g} h") for t in ticks],
    )
    style_axes(
        ax,
        f"Hours to a first reply ({len(answered)} answered; {missing} never answered)",
        "hours from question to first reply (log scale)",
        "questions",
    )
    ax.legend(frameon=False, fontsize=9)
    return FigureImage(
        fig,
        (
            f"Histogram of the hours from a question to its first reply for {len(answered)} answered "
            f"questions, on a log scale. Most replies come within a few hours; a few take days, up to "
            f"{answered.max():.0f} hours. The median is {median:.1f} hours and the mean {mean:.1f} hours, "
            f"pulled up by the long waits. {missing} questions never got a reply and are not in the chart."
        ),
    )


def sarcasm_figure(scored: pd.DataFrame) -> FigureImage:
    """For each human label, how VADER labelled the same mentions (stacked bars with hatching)."""
    order = ["positive", "neutral", "negative"]
    table = pd.crosstab(scored["human_label"], scored["label"]).reindex(index=order, columns=order, fill_value=0)
    styles = {
        "positive": (OKABE_ITO["blue"], ""),
        "neutral": (OKABE_ITO["grey"], ".."),
        "negative": (OKABE_ITO["vermillion"], "//"),
    }
    fig = new_figure(7.5, 3.4)
    ax = fig.add_subplot()
    left = np.zeros(len(order))
    for vader_label in order:
        colour, hatch = styles[vader_label]
        values = table[vader_label].to_numpy()
        ax.barh(
            order, values, left=left, color=colour, hatch=hatch, edgecolor="white", label=f"VADER says {vader_label}"
        )
        for i, v in enumerate(values):
            if v:
                ax.text(
                    left[i] + v / 2,
                    i,
                    str(v),
                    ha="center",
                    va="center",
                    fontsize=9,
                    fontweight="bold",
                    color="white" if vader_label != "neutral" else "black",
                )
        left += values
    ax.invert_yaxis()
    style_axes(ax, "How a careful reader and VADER label the same mentions", "mentions", "a careful reader says")
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=3, loc="outside lower center")
    missed = int(table["positive"]["negative"])
    agree = int(np.trace(table.to_numpy()))
    return FigureImage(
        fig,
        (
            f"Stacked bars comparing labels for {int(table.to_numpy().sum())} mentions. VADER agrees with a "
            f"careful reader on {agree}. Of the {int(table.sum(axis=1)['negative'])} mentions the reader calls "
            f"negative, VADER calls {int(table['negative']['negative'])} negative and {missed} positive: "
            "the sarcastic ones."
        ),
    )
