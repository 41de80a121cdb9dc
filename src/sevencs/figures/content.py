"""The Content chapter's figures, and its explorer's drawing code.

:func:`types_figure`, :func:`mix_figure` and :func:`cascade_figure` return a
finished :class:`~sevencs.figures.FigureImage` for the book and the lab. The
explorer's figure is built once by :func:`explorer_figure`, with the curve of
expected engagements (:func:`sevencs.content.mix_curve`) drawn in the
background; :func:`draw` moves the marker, the rule's target line and the bars
(see :mod:`sevencs.widgets.content`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sevencs import content
from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes

#: One colour and hatch per kind of engagement, so bars differ without colour.
KINDS = (("likes", OKABE_ITO["sky"], ""), ("comments", OKABE_ITO["orange"], "//"), ("shares", OKABE_ITO["blue"], "xx"))
#: One style per group of posts in the mix figures.
GROUP_STYLE = {
    "value": (OKABE_ITO["green"], ""),
    "conversation": (OKABE_ITO["sky"], ".."),
    "not promotional": (OKABE_ITO["yellow"], "\\\\"),
    "promotional": (OKABE_ITO["vermillion"], "//"),
}
MAX_POSTS = 30


def _promotional_target(rule: str) -> float:
    return content.RULES[rule].targets["promotional"]


def explorer_figure(posts: pd.DataFrame, curve: pd.DataFrame, actual_share: float):
    """The two-panel figure and the artists a control move changes."""
    fig = new_figure(10.0, 4.2)
    curve_ax, bar_ax = fig.subplots(1, 2, width_ratios=[1.15, 1])
    curve_ax.plot(
        curve["promotional_share"],
        curve["engagements"],
        color=OKABE_ITO["blue"],
        linestyle="-",
        label="engagements per post",
    )
    curve_ax.plot(
        curve["promotional_share"], curve["shares"], color=OKABE_ITO["orange"], linestyle="--", label="shares per post"
    )
    now = content.simulate_mix(posts, actual_share, 1)
    curve_ax.plot(
        [actual_share],
        [now["engagements"]],
        marker="D",
        color=OKABE_ITO["grey"],
        linestyle="none",
        markersize=7,
        label=f"the nursery now ({actual_share:.0%} promotional)",
    )
    (marker,) = curve_ax.plot(
        [],
        [],
        marker="o",
        markersize=10,
        color=OKABE_ITO["vermillion"],
        linestyle="none",
        markeredgecolor="black",
        label="your plan",
    )
    (share_marker,) = curve_ax.plot(
        [], [], marker="o", markersize=8, color=OKABE_ITO["vermillion"], linestyle="none", markeredgecolor="black"
    )
    target = curve_ax.axvline(
        0.2, color=OKABE_ITO["green"], linestyle=":", linewidth=2, label="the rule's promotional share"
    )
    curve_ax.set_xlim(0, 1)
    curve_ax.set_ylim(0, float(curve["engagements"].max()) * 1.15)
    curve_ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    style_axes(curve_ax, "Expected back per post", "share of posts that are promotional", "expected per post (count)")
    curve_ax.legend(frameon=False, fontsize=8, loc="upper right")

    x = np.arange(len(KINDS))
    top = content.simulate_mix(posts, 0.0, MAX_POSTS)
    bars = bar_ax.bar(
        x, [0] * len(KINDS), color=[k[1] for k in KINDS], hatch=[k[2] for k in KINDS], edgecolor="white", width=0.6
    )
    bar_ax.set_xticks(x, [k[0] for k in KINDS])
    bar_ax.set_ylim(0, max(float(top[k[0]]) for k in KINDS) * 1.1)
    style_axes(bar_ax, "Expected in a month of posts", "what people do", "expected count per month")
    return fig, {"marker": marker, "share_marker": share_marker, "target": target, "bars": bars}


def draw(artists: dict, plan: pd.Series, per_post: pd.Series, share: float, rule: str) -> None:
    """Put one plan into the figure's existing artists."""
    artists["marker"].set_data([share], [per_post["engagements"]])
    artists["share_marker"].set_data([share], [per_post["shares"]])
    target = _promotional_target(rule)
    artists["target"].set_xdata([target, target])
    for bar, (kind, _, _) in zip(artists["bars"], KINDS):
        bar.set_height(float(plan[kind]))


def figure_alt(plan: pd.Series, share: float, rule: str) -> str:
    return (
        f"Left: line chart of expected engagements and shares per post, falling as the share of "
        f"promotional posts rises from 0% to 100%; a marker shows the plan at {share:.0%} promotional "
        f"and a dotted line the {rule} rule's promotional share of {_promotional_target(rule):.0%}. "
        f"Right: bars of expected likes ({plan['likes']:.0f}), comments ({plan['comments']:.0f}) and "
        f"shares ({plan['shares']:.0f}) in a month of {int(plan['posts'])} posts."
    )


def types_figure(table: pd.DataFrame) -> FigureImage:
    """Shares per post and engagement rate for each post type (from content.rates_by_type)."""
    fig = new_figure(8.0, 3.6)
    left, right = fig.subplots(1, 2)
    hatches = ["", "//", "..", "xx", "\\\\", "++"]
    colours = [
        OKABE_ITO["blue"],
        OKABE_ITO["green"],
        OKABE_ITO["sky"],
        OKABE_ITO["vermillion"],
        OKABE_ITO["purple"],
        OKABE_ITO["orange"],
    ]
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
        style_axes(ax, title, "type of post", ylabel)
    right.yaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    parts = "; ".join(
        f"{r.type}: {r.amplification_rate:.2f} shares per post, {r.engagement_rate:.1%} engagement rate by {by}"
        for r in table.itertuples()
    )
    return FigureImage(fig, f"Two bar charts, one bar per type of post. {parts}.")


def mix_figure(posts: pd.DataFrame) -> FigureImage:
    """The posts' mix next to each rule's targets, as stacked horizontal bars."""
    fig = new_figure(8.0, 3.2)
    ax = fig.add_subplot()
    rows: list[tuple[str, dict[str, float]]] = []
    for rule in content.RULES:
        observed = content.group_mix(content.content_mix(posts), rule)
        rows.append((f"{rule} rule", content.RULES[rule].targets))
        if rule == "thirds":
            rows.insert(0, ("the nursery", {str(group): float(share) for group, share in observed.items()}))
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
    style_axes(ax, "The nursery's mix against three rules of thumb", "share of posts", "")
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
    nursery = rows[0][1]
    return FigureImage(
        fig,
        (
            "Stacked bars of the share of posts by group. The nursery: "
            + ", ".join(f"{g} {s:.0%}" for g, s in nursery.items())
            + ". The 80/20 rule asks for 20% promotional, the 4-1-1 rule about 17%, the thirds rule 33%."
        ),
    )


def cascade_figure(curves: pd.DataFrame, thresholds: dict[str, float]) -> FigureImage:
    """Average share of a network a post reaches against p, with each network's threshold."""
    fig = new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    styles = [(OKABE_ITO["blue"], "-", "s"), (OKABE_ITO["vermillion"], "--", "o"), (OKABE_ITO["green"], ":", "^")]
    parts = []
    for (network, group), (colour, line, mark) in zip(curves.groupby("network", sort=False), styles):
        name = str(network)
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
    style_axes(
        ax,
        "How far a post travels, by the chance each share convinces a friend",
        "p: chance that one person convinces one friend",
        "average share of the network reached",
    )
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    return FigureImage(
        fig,
        (
            "Line chart of the average share of a network reached by one post against p, with a thin "
            "vertical line at each network's threshold. " + "; ".join(parts) + "."
        ),
    )
