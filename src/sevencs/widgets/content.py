"""The Content explorer, and the Content chapter's figures.

The explorer asks one question: if Dana changed the share of sale notices
among her posts, what would she expect back? Every number comes from
:func:`sevencs.content.simulate_mix`, which plans a month of posts with the
nursery's own per-type rates; this module reads the controls and draws.

The figure is built once. The curve of expected engagements against the
promotional share never changes, so it sits in the background with the axes;
a control move only moves the marker, the rule's target line and the bars,
drawn over that background (blitting, as in the Connection explorer), and the
image goes into an ``HTML`` widget with alt text.
"""

from __future__ import annotations

import ipywidgets as widgets
import networkx as nx
import numpy as np
import pandas as pd

from sevencs import content, figures
from sevencs.datasets import load_posts
from sevencs.render.html import render
from sevencs.widgets.connection import SLIDER_LAYOUT, SLIDER_STYLE
from sevencs.widgets.explorer import Blitter, Explorer

OI = figures.OKABE_ITO
#: One colour and hatch per kind of engagement, so bars differ without colour.
KINDS = (("likes", OI["sky"], ""), ("comments", OI["orange"], "//"), ("shares", OI["blue"], "xx"))
#: One style per group of posts in the mix figures.
GROUP_STYLE = {
    "value": (OI["green"], ""),
    "conversation": (OI["sky"], ".."),
    "not promotional": (OI["yellow"], "\\\\"),
    "promotional": (OI["vermillion"], "//"),
}
SHARES = np.linspace(0.0, 1.0, 41)
MAX_POSTS = 30


def _promotional_target(rule: str) -> float:
    return content.RULES[rule].targets["promotional"]


def mix_curve(posts: pd.DataFrame, by: str = "reach") -> pd.DataFrame:
    """Expected engagements and shares per post at every promotional share from 0 to 1 (the curve)."""
    rows = []
    for share in SHARES:
        plan = content.simulate_mix(posts, float(share), 1, by)
        rows.append({"promotional_share": share, "engagements": plan["engagements"], "shares": plan["shares"]})
    return pd.DataFrame(rows)


def explorer_figure(posts: pd.DataFrame, curve: pd.DataFrame, actual_share: float):
    """The two-panel figure and the artists a control move changes."""
    fig = figures.new_figure(10.0, 4.2)
    curve_ax, bar_ax = fig.subplots(1, 2, width_ratios=[1.15, 1])
    curve_ax.plot(
        curve["promotional_share"], curve["engagements"], color=OI["blue"], linestyle="-", label="engagements per post"
    )
    curve_ax.plot(
        curve["promotional_share"], curve["shares"], color=OI["orange"], linestyle="--", label="shares per post"
    )
    now = content.simulate_mix(posts, actual_share, 1)
    curve_ax.plot(
        [actual_share],
        [now["engagements"]],
        marker="D",
        color=OI["grey"],
        linestyle="none",
        markersize=7,
        label=f"the nursery now ({actual_share:.0%} promotional)",
    )
    (marker,) = curve_ax.plot(
        [],
        [],
        marker="o",
        markersize=10,
        color=OI["vermillion"],
        linestyle="none",
        markeredgecolor="black",
        label="your plan",
    )
    (share_marker,) = curve_ax.plot(
        [], [], marker="o", markersize=8, color=OI["vermillion"], linestyle="none", markeredgecolor="black"
    )
    target = curve_ax.axvline(0.2, color=OI["green"], linestyle=":", linewidth=2, label="the rule's promotional share")
    curve_ax.set_xlim(0, 1)
    curve_ax.set_ylim(0, float(curve["engagements"].max()) * 1.15)
    curve_ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    figures._style(
        curve_ax, "Expected back per post", "share of posts that are promotional", "expected per post (count)"
    )
    curve_ax.legend(frameon=False, fontsize=8, loc="upper right")

    x = np.arange(len(KINDS))
    top = content.simulate_mix(posts, 0.0, MAX_POSTS)
    bars = bar_ax.bar(
        x, [0] * len(KINDS), color=[k[1] for k in KINDS], hatch=[k[2] for k in KINDS], edgecolor="white", width=0.6
    )
    bar_ax.set_xticks(x, [k[0] for k in KINDS])
    bar_ax.set_ylim(0, max(float(top[k[0]]) for k in KINDS) * 1.1)
    figures._style(bar_ax, "Expected in a month of posts", "what people do", "expected count per month")
    return fig, {"marker": marker, "share_marker": share_marker, "target": target, "bars": bars}


def draw(artists: dict, plan: pd.Series, per_post: pd.Series, share: float, rule: str) -> None:
    """Put one plan into the figure's existing artists."""
    artists["marker"].set_data([share], [per_post["engagements"]])
    artists["share_marker"].set_data([share], [per_post["shares"]])
    target = _promotional_target(rule)
    artists["target"].set_xdata([target, target])
    for bar, (kind, _, _) in zip(artists["bars"], KINDS):
        bar.set_height(float(plan[kind]))


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


def figure_alt(plan: pd.Series, share: float, rule: str) -> str:
    return (
        f"Left: line chart of expected engagements and shares per post, falling as the share of "
        f"promotional posts rises from 0% to 100%; a marker shows the plan at {share:.0%} promotional "
        f"and a dotted line the {rule} rule's promotional share of {_promotional_target(rule):.0%}. "
        f"Right: bars of expected likes ({plan['likes']:.0f}), comments ({plan['comments']:.0f}) and "
        f"shares ({plan['shares']:.0f}) in a month of {int(plan['posts'])} posts."
    )


class ContentExplorer(Explorer):
    """A content-mix simulator: share of promotional posts against expected engagement.

    >>> explorer = ContentExplorer()        # the nursery's posts
    >>> explorer.promotional.value = 0.2    # what a learner's slider move does
    >>> explorer.plan                       # the numbers behind the figure

    ``posts`` defaults to the nursery's; any table with the columns of
    ``load_posts()`` and a ``promotional`` type works.
    """

    def __init__(self, posts: pd.DataFrame | None = None) -> None:
        self.posts = load_posts() if posts is None else posts
        self.actual_share = float(content.content_mix(self.posts).get("promotional", 0.0))
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
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
        curve = mix_curve(self.posts)
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
        per_post = content.simulate_mix(self.posts, share, 1)
        self.distance = content.mix_distance(content.planned_mix(self.posts, share), self.rule.value)
        draw(self._artists, self.plan, per_post, share, self.rule.value)
        self._show(
            self._blitter.png(),
            figure_alt(self.plan, share, self.rule.value),
            plan_summary(self.plan, self.distance, self.rule.value),
        )


# --- the chapter's figures (book and lab) ------------------------------------------------------


def types_figure(table: pd.DataFrame) -> figures.FigureImage:
    """Shares per post and engagement rate for each post type (from content.rates_by_type)."""
    fig = figures.new_figure(8.0, 3.6)
    left, right = fig.subplots(1, 2)
    hatches = ["", "//", "..", "xx", "\\\\", "++"]
    colours = [OI["blue"], OI["green"], OI["sky"], OI["vermillion"], OI["purple"], OI["orange"]]
    names = list(table["type"])
    by = table.attrs.get("denominator", "reach")
    for ax, column, title, ylabel, fmt in (
        (left, "amplification_rate", "Shares per post", "shares per post (count)", "{:.2f}"),
        (right, "engagement_rate", f"Engagement rate by {by}", f"engagements ÷ {by}", "{:.1%}"),
    ):
        values = table[column].astype(float).tolist()
        bars = ax.bar(names, values, color=colours[: len(names)], hatch=hatches[: len(names)], edgecolor="white")
        ax.bar_label(bars, labels=[fmt.format(v) for v in values], fontsize=9, padding=2)
        ax.set_ylim(0, max(values) * 1.2)
        figures._style(ax, title, "type of post", ylabel)
    right.yaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    parts = "; ".join(
        f"{r.type}: {r.amplification_rate:.2f} shares per post, {r.engagement_rate:.1%} engagement rate by {by}"
        for r in table.itertuples()
    )
    return figures.FigureImage(fig, f"Two bar charts, one bar per type of post. {parts}.")


def mix_figure(posts: pd.DataFrame) -> figures.FigureImage:
    """The posts' mix next to each rule's targets, as stacked horizontal bars."""
    fig = figures.new_figure(8.0, 3.2)
    ax = fig.add_subplot()
    rows = []
    for rule in content.RULES:
        observed = content.group_mix(content.content_mix(posts), rule)
        rows.append((f"{rule} rule", content.RULES[rule].targets))
        if rule == "thirds":
            rows.insert(0, ("the nursery", observed.to_dict()))
    seen = set()
    for y, (_label, shares) in enumerate(reversed(rows)):
        left = 0.0
        for group, share in shares.items():
            colour, hatch = GROUP_STYLE[group]
            ax.barh(
                [y],
                [share],
                left=left,
                color=colour,
                hatch=hatch,
                edgecolor="white",
                label=group if group not in seen else None,
            )
            seen.add(group)
            if share >= 0.08:
                ax.text(
                    left + share / 2,
                    y,
                    f"{share:.0%}",
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="black",
                    fontweight="bold",
                )
            left += share
    ax.set_yticks(range(len(rows)), [r[0] for r in reversed(rows)])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    figures._style(ax, "The nursery's mix against three rules of thumb", "share of posts", "")
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
    nursery = rows[0][1]
    return figures.FigureImage(
        fig,
        (
            "Stacked bars of the share of posts by group. The nursery: "
            + ", ".join(f"{g} {s:.0%}" for g, s in nursery.items())
            + ". The 80/20 rule asks for 20% promotional, the 4-1-1 rule about 17%, the thirds rule 33%."
        ),
    )


def cascade_curves(graphs: dict[str, tuple[nx.Graph, object]], ps, runs: int = 100, seed: int = 0) -> pd.DataFrame:
    """The average share of each network reached, for each p (content.average_cascade)."""
    rows = []
    for name, (graph, start) in graphs.items():
        n = graph.number_of_nodes()
        for p in ps:
            rows.append(
                {
                    "network": name,
                    "p": float(p),
                    "share_reached": content.average_cascade(graph, [start], float(p), runs, seed) / n,
                }
            )
    return pd.DataFrame(rows)


def cascade_figure(curves: pd.DataFrame, thresholds: dict[str, float]) -> figures.FigureImage:
    """Average share of a network a post reaches against p, with each network's threshold."""
    fig = figures.new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    styles = [(OI["blue"], "-", "s"), (OI["vermillion"], "--", "o"), (OI["green"], ":", "^")]
    parts = []
    for (name, group), (colour, line, mark) in zip(curves.groupby("network", sort=False), styles):
        ax.plot(group["p"], group["share_reached"], color=colour, linestyle=line, marker=mark, markersize=4, label=name)
        if name in thresholds:
            ax.axvline(
                float(thresholds[name]),
                color=colour,
                linestyle=line,
                linewidth=1,
                alpha=0.7,
                label=f"{name}: threshold",
            )
        at = group.set_index("p")["share_reached"]
        parts.append(
            f"{name}: threshold {float(thresholds[name]):.2f}, {at.iloc[-1]:.0%} reached at p = {at.index[-1]:.2f}"
        )
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    figures._style(
        ax,
        "How far a post travels, by the chance each share convinces a friend",
        "p: chance that one person convinces one friend",
        "average share of the network reached",
    )
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    return figures.FigureImage(
        fig,
        (
            "Line chart of the average share of a network reached by one post against p, with a thin "
            "vertical line at each network's threshold. " + "; ".join(parts) + "."
        ),
    )
