"""The Community explorer, and the chapter's figures.

The explorer puts the compounding story (geometric growth) next to growth
that runs out of people (logistic growth with a market size), with the real
monthly membership of the nursery's group as dots to compare. Every number
comes from :func:`sevencs.community.growth`; this module reads the sliders and
draws. The figure is built once; a slider move changes the lines' data and
the axes' limits, redraws that one small figure and shows it as an image with
alt text in an ``HTML`` widget, so it also stays visible in the published book.

The chapter's static figures (:func:`growth_figure`, :func:`communities_figure`,
:func:`participation_figure`, :func:`retention_figure`) return a
:class:`sevencs.figures.FigureImage` with alt text written from the numbers.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd

from sevencs import community, figures
from sevencs.datasets import load_group_activity
from sevencs.render.html import render
from sevencs.widgets.explorer import Explorer

SLIDER_STYLE = {"description_width": "12em"}
SLIDER_LAYOUT = widgets.Layout(width="32em")

GEOMETRIC = dict(
    color=figures.OKABE_ITO["orange"], linestyle="--", marker="o", markersize=4, label="compounding story (geometric)"
)
LOGISTIC = dict(
    color=figures.OKABE_ITO["blue"], linestyle="-", marker="s", markersize=4, label="runs out of people (logistic)"
)
REAL = dict(color="black", linestyle="none", marker="X", markersize=7, label="Fernleaf Growers, real members")
MARKET = dict(color=figures.OKABE_ITO["grey"], linestyle=":", linewidth=1.5)


def _draw_growth(ax, story: pd.DataFrame, logistic: pd.DataFrame, market: int, lines: dict | None = None):
    """Put two growth tables on ``ax``; create the lines the first time, update them after."""
    if lines is None:
        lines = {
            "story": ax.plot([], [], **GEOMETRIC)[0],
            "logistic": ax.plot([], [], **LOGISTIC)[0],
            "market": ax.axhline(market, **MARKET, label="market size"),
            "half": ax.axvline(
                0,
                color=figures.OKABE_ITO["green"],
                linestyle="-.",
                linewidth=1.2,
                label="logistic passes half the market",
            ),
        }
    lines["story"].set_data(story["period"], story["members"])
    lines["logistic"].set_data(logistic["period"], logistic["members"])
    lines["market"].set_ydata([market, market])
    half = community.half_market_time(int(logistic["members"].iloc[0]), _rate_of(logistic, story), market)
    lines["half"].set_xdata([half, half])
    periods = int(story["period"].iloc[-1])
    ax.set_xlim(-0.3, periods + 0.3)
    ax.set_ylim(0, market * 1.25)
    return lines


def _rate_of(logistic: pd.DataFrame, story: pd.DataFrame) -> float:
    """The growth rate behind a pair of tables (the story's first step)."""
    return float(story["members"].iloc[1] / story["members"].iloc[0] - 1)


def _style_growth(ax, title: str = "Members: compounding story against a market that runs out") -> None:
    figures._style(ax, title, "months since the group opened", "members")


def _growth_alt(story: pd.DataFrame, logistic: pd.DataFrame, market: int, real: pd.DataFrame | None) -> str:
    last_s, last_l = story.iloc[-1], logistic.iloc[-1]
    start, rate = int(story["members"].iloc[0]), _rate_of(logistic, story)
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
) -> figures.FigureImage:
    """Geometric against logistic growth (and, optionally, the real group's members per month)."""
    story = community.growth("geometric", start, rate, market, periods)
    logistic = community.growth("logistic", start, rate, market, periods)
    fig = figures.new_figure(7.5, 4.4)
    ax = fig.add_subplot()
    _draw_growth(ax, story, logistic, market)
    if real is not None:
        ax.plot(real["period"], real["members"], **REAL)
    _style_growth(ax)
    fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
    return figures.FigureImage(fig, _growth_alt(story, logistic, market, real))


def growth_summary_html(story: pd.DataFrame, logistic: pd.DataFrame, market: int) -> str:
    last_s, last_l = story.iloc[-1], logistic.iloc[-1]
    start, rate = int(story["members"].iloc[0]), _rate_of(logistic, story)
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

    def __init__(self, real: pd.DataFrame | bool | None = None) -> None:
        if real is None:
            real = community.group_members_by_month(load_group_activity())
        self.real = None if real is False else real
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
        self.start = widgets.IntSlider(value=13, min=1, max=50, description="start (members)", **slider)
        self.rate = widgets.FloatSlider(
            value=1.0, min=0.05, max=3.0, step=0.05, readout_format=".0%", description="growth per month", **slider
        )
        self.market = widgets.IntSlider(
            value=190, min=60, max=1000, step=10, description="market size (people)", **slider
        )
        self.periods = widgets.IntSlider(value=12, min=3, max=24, description="months", **slider)
        self.table: pd.DataFrame = pd.DataFrame()
        self._fig = figures.new_figure(7.5, 4.4)
        self._ax = self._fig.add_subplot()
        self._lines = None
        self._build()
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.start, self.rate, self.market, self.periods]

    def _tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        start = min(self.start.value, self.market.value - 1)
        args = (start, self.rate.value, self.market.value, self.periods.value)
        return community.growth("geometric", *args), community.growth("logistic", *args)

    def _build(self) -> None:
        story, logistic = self._tables()
        self._lines = _draw_growth(self._ax, story, logistic, self.market.value)
        if self.real is not None:
            self._ax.plot(self.real["period"], self.real["members"], **REAL)
        _style_growth(self._ax)
        self._fig.legend(frameon=False, fontsize=9, ncols=2, loc="outside lower center")
        self._fig.canvas.draw()  # lets the layout engine place everything once
        self._fig.set_layout_engine("none")

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        story, logistic = self._tables()
        market = self.market.value
        _draw_growth(self._ax, story, logistic, market, self._lines)
        canvas = self._fig.canvas
        canvas.draw()
        self._show(
            figures.rgba_to_png(canvas.buffer_rgba(), canvas.get_width_height()),
            _growth_alt(story, logistic, market, self.real),
            growth_summary_html(story, logistic, market),
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


# --- figures for the chapter ----------------------------------------------------------------

# Shapes for up to six communities, so the map does not rely on colour.
COMMUNITY_STYLES = [
    (figures.OKABE_ITO["blue"], "o"),
    (figures.OKABE_ITO["orange"], "s"),
    (figures.OKABE_ITO["green"], "^"),
    (figures.OKABE_ITO["purple"], "D"),
    (figures.OKABE_ITO["sky"], "v"),
    (figures.OKABE_ITO["yellow"], "P"),
]


def communities_figure(
    graph: nx.Graph,
    found: community.Communities,
    labels: Mapping[Hashable, str],
    seed: int = 3,
    title: str = "The karate club",
) -> figures.FigureImage:
    """A network map: colour and shape by detected community; a red ring marks a member the split misassigns."""
    compared = community.compare_with_split(found, labels).set_index("account")
    pos = nx.spring_layout(graph, seed=seed, k=0.35)
    fig = figures.new_figure(7.0, 6.2)
    ax = fig.add_subplot()
    figures.network_axes(ax, graph, pos)
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
            edgecolors=figures.OKABE_ITO["vermillion"],
            linewidths=2.2,
            zorder=4,
            label="on the other side after the split",
        )
    for node in graph.nodes:
        dark = COMMUNITY_STYLES[(found.community_of(node) - 1) % len(COMMUNITY_STYLES)][0] == figures.OKABE_ITO["blue"]
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
    return figures.FigureImage(
        fig,
        (
            f"Network map of {graph.number_of_nodes()} members and {graph.number_of_edges()} friendships, each "
            f"member coloured and shaped by one of {len(found.groups)} detected communities (sizes "
            f"{', '.join(str(s) for s in found.sizes)}). {agree:.0%} of members are in a community whose majority "
            f"went to the same side after the real split; ringed members are not: "
            f"{', '.join(str(w) for w in wrong) or 'none'}."
        ),
    )


def participation_figure(table: pd.DataFrame) -> figures.FigureImage:
    """The group's shares of lurkers, contributors and creators next to the 90-9-1 rule of thumb."""
    fig = figures.new_figure(7.0, 3.2)
    ax = fig.add_subplot()
    roles = list(table.index)
    y = np.arange(len(roles))
    ax.barh(y + 0.2, table["share"], height=0.38, color=figures.OKABE_ITO["blue"], label="Fernleaf Growers")
    ax.barh(
        y - 0.2,
        table["rule_of_thumb"],
        height=0.38,
        color="white",
        edgecolor=figures.OKABE_ITO["orange"],
        hatch="//",
        label="90-9-1 rule of thumb",
    )
    for i, role in enumerate(roles):
        ax.text(table.at[role, "share"] + 0.01, i + 0.2, f"{table.at[role, 'share']:.0%}", va="center", fontsize=9)
        ax.text(
            table.at[role, "rule_of_thumb"] + 0.01,
            i - 0.2,
            f"{table.at[role, 'rule_of_thumb']:.0%}",
            va="center",
            fontsize=9,
        )
    ax.set_yticks(y, [f"{r}s" for r in roles])
    ax.set_xlim(0, 1.08)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    figures._style(ax, "Who takes part: the group against the 90-9-1 rule", "share of members", "")
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.grid(axis="y", visible=False)
    ax.legend(frameon=False, fontsize=9, loc="center right")
    parts = "; ".join(
        f"{r}s {table.at[r, 'share']:.0%} (rule of thumb {table.at[r, 'rule_of_thumb']:.0%})" for r in roles
    )
    return figures.FigureImage(
        fig,
        (
            f"Paired horizontal bars of the share of the group's {int(table['members'].sum())} members in each role, "
            f"next to the 90-9-1 rule of thumb: {parts}."
        ),
    )


def retention_figure(retention: pd.DataFrame, active: pd.DataFrame) -> figures.FigureImage:
    """Left: share of members active each month. Right: share of each cohort active k months after joining."""
    fig = figures.new_figure(9.0, 3.8)
    left, right = fig.subplots(1, 2)
    left.plot(range(len(active)), active["active_ratio"], color=figures.OKABE_ITO["blue"], marker="s")
    left.set_xticks(range(len(active)), [m[2:] for m in active["month"]], rotation=45, fontsize=8)
    left.set_ylim(0, 1)
    left.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    figures._style(left, "Active members each month", "month (YY-MM)", "share of members active")
    # the average only where at least 50 members have been observed, so a handful cannot swing it
    months = [
        c for c in retention.columns if c != "members" and retention.loc[retention[c].notna(), "members"].sum() >= 50
    ]
    average = [
        float(np.average(retention[k].dropna(), weights=retention.loc[retention[k].notna(), "members"])) for k in months
    ]
    styles = [
        (figures.OKABE_ITO["orange"], "o", "--"),
        (figures.OKABE_ITO["green"], "^", ":"),
        (figures.OKABE_ITO["purple"], "D", "-."),
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
            label=f"joined {cohort} ({int(retention.at[cohort, 'members'])})",
        )
    right.plot(months, average, color="black", linewidth=2.2, label="all cohorts (50+ members observed)")
    right.set_ylim(0, 1)
    right.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    figures._style(right, "Still active, by months since joining", "months since joining", "share of cohort active")
    right.legend(frameon=False, fontsize=8)
    return figures.FigureImage(
        fig,
        (
            f"Two line charts. Left: the share of members active each month, from {active['active_ratio'].iloc[0]:.0%} "
            f"in {active['month'].iloc[0]} to {active['active_ratio'].iloc[-1]:.0%} in {active['month'].iloc[-1]}. "
            f"Right: the share of each joining cohort still active after each month; over all cohorts, "
            f"{average[0]:.0%} are active in the month they join and {average[3]:.0%} three months later."
        ),
    )
