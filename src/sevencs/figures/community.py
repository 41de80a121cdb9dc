"""The Community chapter's figures, and its explorer's drawing code.

:func:`growth_figure`, :func:`communities_figure`, :func:`participation_figure`
and :func:`retention_figure` return a finished :class:`~sevencs.figures.FigureImage`
with alt text written from the numbers. The explorer's figure is the growth
figure, built once by :func:`growth_chart`; :func:`draw_growth` puts new
tables into its lines (see :mod:`sevencs.widgets.community`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sevencs import community
from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes
from sevencs.figures.connection import network_axes

GEOMETRIC: dict[str, Any] = dict(
    color=OKABE_ITO["orange"], linestyle="--", marker="o", markersize=4, label="compounding story (geometric)"
)
LOGISTIC: dict[str, Any] = dict(
    color=OKABE_ITO["blue"], linestyle="-", marker="s", markersize=4, label="runs out of people (logistic)"
)
REAL: dict[str, Any] = dict(
    color="black", linestyle="none", marker="X", markersize=7, label="Fernleaf Growers, real members"
)
MARKET: dict[str, Any] = dict(color=OKABE_ITO["grey"], linestyle=":", linewidth=1.5)


def growth_chart(
    story: pd.DataFrame, logistic: pd.DataFrame, market: int, rate: float, real: pd.DataFrame | None = None
) -> tuple[Figure, dict]:
    """The growth figure for two :func:`~sevencs.community.growth` tables made with ``rate``.

    Returns the figure and the artists :func:`draw_growth` changes (the axes among
    them); ``real`` (``period``, ``members``) adds the real group as crosses.
    """
    fig = new_figure(7.5, 4.4)
    ax = fig.add_subplot()
    artists = {
        "ax": ax,
        "story": ax.plot([], [], **GEOMETRIC)[0],
        "logistic": ax.plot([], [], **LOGISTIC)[0],
        "market": ax.axhline(market, **MARKET, label="market size"),
        "half": ax.axvline(
            0,
            color=OKABE_ITO["green"],
            linestyle="-.",
            linewidth=1.2,
            label="logistic passes half the market",
        ),
    }
    draw_growth(artists, story, logistic, market, rate)
    if real is not None:
        ax.plot(real["period"], real["members"], **REAL)
    style_axes(
        ax, "Members: compounding story against a market that runs out", "months since the group opened", "members"
    )
    # whole months, and few ticks: tick labels are most of the cost of drawing the axes again
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
    return fig, artists


def draw_growth(artists: dict, story: pd.DataFrame, logistic: pd.DataFrame, market: int, rate: float) -> None:
    """Put two growth tables (made with ``rate``) into the growth figure's lines, and fit the axes to them."""
    artists["story"].set_data(story["period"], story["members"])
    artists["logistic"].set_data(logistic["period"], logistic["members"])
    artists["market"].set_ydata([market, market])
    half = community.half_market_time(int(logistic["members"].iloc[0]), rate, market)
    artists["half"].set_xdata([half, half])
    periods = int(story["period"].iloc[-1])
    artists["ax"].set_xlim(-0.3, periods + 0.3)
    artists["ax"].set_ylim(0, market * 1.25)


def growth_alt(story: pd.DataFrame, logistic: pd.DataFrame, market: int, rate: float, real: pd.DataFrame | None) -> str:
    last_s, last_l = story.iloc[-1], logistic.iloc[-1]
    start = int(story["members"].iloc[0])
    half = community.half_market_time(start, rate, market)
    text = (
        f"Line chart of members over {int(last_s['period'])} months, starting from {start}, with a market of "
        f"{market:,}. The compounding story ends at {last_s['members']:,.0f} members, "
        f"{last_s['members'] / market:.1f} times the market, and leaves the chart; logistic growth bends "
        f"into an S-curve, "
        f"{f'passes half the market after {half:.1f} months' if half > 0 else 'starts above half the market'} "
        "and ends at "
        f"{last_l['members']:,.0f}."
    )
    if real is not None and len(real):
        text += (
            f" Crosses mark the real group: {int(real['members'].iloc[0])} members in its first month, "
            f"{int(real['members'].iloc[-1])} after {len(real)} months."
        )
    return text


def growth_figure(
    start: int = 13, rate: float = 1.0, market: int = 190, periods: int = 12, real: pd.DataFrame | None = None
) -> FigureImage:
    """Geometric against logistic growth (and, optionally, the real group's members per month)."""
    story = community.growth("geometric", start, rate, market, periods)
    logistic = community.growth("logistic", start, rate, market, periods)
    fig, _ = growth_chart(story, logistic, market, rate, real)
    return FigureImage(fig, growth_alt(story, logistic, market, rate, real))


# Shapes for up to six communities, so the map does not rely on colour.
COMMUNITY_STYLES = [
    (OKABE_ITO["blue"], "o"),
    (OKABE_ITO["orange"], "s"),
    (OKABE_ITO["green"], "^"),
    (OKABE_ITO["purple"], "D"),
    (OKABE_ITO["sky"], "v"),
    (OKABE_ITO["yellow"], "P"),
]


def communities_figure(
    graph: nx.Graph,
    found: community.Communities,
    labels: Mapping[Hashable, str],
    seed: int = 3,
    title: str = "The karate club",
) -> FigureImage:
    """A network map: colour and shape by detected community; a red ring marks a member the split misassigns."""
    compared = community.compare_with_split(found, labels).set_index("account")
    pos = nx.spring_layout(graph, seed=seed, k=0.35)
    fig = new_figure(7.0, 6.2)
    ax = fig.add_subplot()
    network_axes(ax, graph, pos)
    ax.set_aspect("auto")
    ax.collections[0].set_color("#b0b0b0")
    ax.collections[0].set_linewidth(0.8)
    for number, group in enumerate(found.groups, start=1):
        colour, marker = COMMUNITY_STYLES[(number - 1) % len(COMMUNITY_STYLES)]
        nodes = sorted(group, key=str)
        sides = ", ".join(f"{n} {s}" for s, n in compared.loc[nodes, "side"].value_counts().items())
        ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=420 if marker == "^" else 300,
            marker=marker,
            color=colour,
            edgecolors="white",
            linewidths=0.8,
            zorder=3,
            label=f"community {number} ({sides})",
        )
    wrong = sorted(compared.index[~compared["agrees"]], key=str)
    if wrong:
        ax.scatter(
            [pos[n][0] for n in wrong],
            [pos[n][1] for n in wrong],
            s=650,
            facecolors="none",
            edgecolors=OKABE_ITO["vermillion"],
            linewidths=2.2,
            zorder=4,
            label="on the other side after the split",
        )
    for node in graph.nodes:
        dark = COMMUNITY_STYLES[(found.community_of(node) - 1) % len(COMMUNITY_STYLES)][0] == OKABE_ITO["blue"]
        ax.text(
            pos[node][0],
            pos[node][1],
            str(node),
            ha="center",
            va="center",
            fontsize=7.5,
            zorder=5,
            color="white" if dark else "black",
        )
    ax.set_title(
        f"{title}: {len(found.groups)} communities found, modularity {found.modularity:.2f}", loc="left", fontsize=11
    )
    fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
    agree = compared["agrees"].mean()
    return FigureImage(
        fig,
        (
            f"Network map of {graph.number_of_nodes()} members and {graph.number_of_edges()} friendships, each "
            f"member coloured and shaped by one of {len(found.groups)} detected communities (sizes "
            f"{', '.join(str(s) for s in found.sizes)}). {agree:.0%} of members are in a community whose majority "
            f"went to the same side after the real split; ringed members are not: "
            f"{', '.join(str(w) for w in wrong) or 'none'}."
        ),
    )


def participation_figure(table: pd.DataFrame) -> FigureImage:
    """The group's shares of lurkers, contributors and creators next to the 90-9-1 rule of thumb."""
    fig = new_figure(7.0, 3.2)
    ax = fig.add_subplot()
    roles = list(table.index)
    share, rule = table["share"].astype(float), table["rule_of_thumb"].astype(float)
    y = np.arange(len(roles))
    ax.barh(y + 0.2, table["share"], height=0.38, color=OKABE_ITO["blue"], label="Fernleaf Growers")
    ax.barh(
        y - 0.2,
        table["rule_of_thumb"],
        height=0.38,
        color="white",
        edgecolor=OKABE_ITO["orange"],
        hatch="//",
        label="90-9-1 rule of thumb",
    )
    for i, role in enumerate(roles):
        ax.text(share[role] + 0.01, i + 0.2, f"{share[role]:.0%}", va="center", fontsize=9)
        ax.text(rule[role] + 0.01, i - 0.2, f"{rule[role]:.0%}", va="center", fontsize=9)
    ax.set_yticks(y, [f"{r}s" for r in roles])
    ax.set_xlim(0, 1.08)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    style_axes(ax, "Who takes part: the group against the 90-9-1 rule", "share of members", "")
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, fontsize=9, loc="center right")
    parts = "; ".join(f"{r}s {share[r]:.0%} (rule of thumb {rule[r]:.0%})" for r in roles)
    return FigureImage(
        fig,
        (
            f"Paired horizontal bars of the share of the group's {int(table['members'].sum())} members in each role, "
            f"next to the 90-9-1 rule of thumb: {parts}."
        ),
    )


def retention_figure(retention: pd.DataFrame, active: pd.DataFrame) -> FigureImage:
    """Left: share of members active each month. Right: share of each cohort active k months after joining."""
    fig = new_figure(9.0, 3.8)
    left, right = fig.subplots(1, 2)
    left.plot(range(len(active)), active["active_ratio"], color=OKABE_ITO["blue"], marker="s")
    left.set_xticks(range(len(active)), [m[2:] for m in active["month"]], rotation=45, fontsize=8)
    left.set_ylim(0, 1)
    left.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    style_axes(left, "Active members each month", "month (YY-MM)", "share of members active")
    # the average only where at least 50 members have been observed, so a handful cannot swing it
    average = community.average_retention(retention, min_members=50)
    months = list(average.index)
    styles = [
        (OKABE_ITO["orange"], "o", "--"),
        (OKABE_ITO["green"], "^", ":"),
        (OKABE_ITO["purple"], "D", "-."),
    ]
    largest = retention["members"].nlargest(3).index
    for (colour, marker, line), cohort in zip(styles, sorted(largest)):
        row = retention.loc[cohort, months].dropna()
        right.plot(
            row.index,
            row.values,
            color=colour,
            marker=marker,
            linestyle=line,
            markersize=4,
            label=f"joined {cohort} ({int(retention['members'][cohort])})",
        )
    right.plot(months, average.to_numpy(), color="black", linewidth=2.2, label="all cohorts (50+ members observed)")
    right.set_ylim(0, 1)
    right.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    style_axes(right, "Still active, by months since joining", "months since joining", "share of cohort active")
    right.legend(frameon=False, fontsize=8)
    return FigureImage(
        fig,
        (
            f"Two line charts. Left: the share of members active each month, from {active['active_ratio'].iloc[0]:.0%} "
            f"in {active['month'].iloc[0]} to {active['active_ratio'].iloc[-1]:.0%} in {active['month'].iloc[-1]}. "
            f"Right: the share of each joining cohort still active after each month; over all cohorts, "
            f"{average.iloc[0]:.0%} are active in the month they join and {average.iloc[3]:.0%} three months later."
        ),
    )
