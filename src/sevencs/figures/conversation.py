"""The Conversation chapter's figures, and its explorer's drawing code.

:func:`rates_chart`, :func:`peers_chart` and :func:`classifier_chart` return a
finished :class:`~sevencs.figures.FigureImage` for the book and the lab. The
explorer's figure is built once, with fixed axes, by :func:`explorer_figure`;
:func:`draw` puts the current rates and plan into its existing artists (see
:mod:`sevencs.widgets.conversation`).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.transforms import blended_transform_factory

from sevencs import conversation
from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes

#: The order of the bars: by post type, or by opening line.
TYPE_ORDER = ("promotional", "how-to", "question", "story")
OPENING_ORDER = ("question", "statement")

# one colour and one hatching per group, so bars never differ by colour alone
GROUP_STYLE = {
    "promotional": (OKABE_ITO["vermillion"], "xx"),
    "how-to": (OKABE_ITO["blue"], ""),
    "question": (OKABE_ITO["green"], "//"),
    "story": (OKABE_ITO["orange"], ".."),
    "statement": (OKABE_ITO["grey"], "\\\\"),
    "conversational": (OKABE_ITO["green"], "//"),
    "informational": (OKABE_ITO["blue"], ""),
}


def _bar_style(group: str) -> tuple[str, str]:
    return GROUP_STYLE.get(group, (OKABE_ITO["sky"], ""))


def rates_chart(table: pd.DataFrame, title: str, xlabel: str = "post type") -> FigureImage:
    """Bars of comments per post for each group of a :func:`~sevencs.conversation.rates_by_type` table."""
    fig = new_figure(6.8, 3.6)
    ax = fig.add_subplot()
    groups = list(table.index)
    for i, group in enumerate(groups):
        colour, hatch = _bar_style(group)
        rate = float(table.loc[group, "conversation_rate"])
        ax.bar([i], [rate], color=colour, hatch=hatch, edgecolor="white", width=0.65)
        ax.text(i, rate, f"{rate:.1f}", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(range(len(groups)), [f"{g}\n({int(table.loc[g, 'posts'])} posts)" for g in groups])
    ax.set_ylim(0, float(table["conversation_rate"].max()) * 1.18)
    style_axes(ax, title, xlabel, "comments per post")
    parts = "; ".join(
        f"{g} {float(table.loc[g, 'conversation_rate']):.1f} ({int(table.loc[g, 'posts'])} posts)" for g in groups
    )
    return FigureImage(fig, f"Bar chart of comments per post by {xlabel}: {parts}.")


def peers_chart(profile: pd.DataFrame) -> FigureImage:
    """Each account's promotional share against its comments per post (an account_profile table)."""
    fig = new_figure(6.8, 3.8)
    ax = fig.add_subplot()
    markers = ["o", "s", "^", "D", "v", "P"]
    colours = [OKABE_ITO[c] for c in ("vermillion", "blue", "green", "orange", "purple", "sky")]
    for i, (account, row) in enumerate(profile.iterrows()):
        colour = colours[i % len(colours)]
        ax.scatter(
            [row["promotional"]],
            [row["conversation_rate"]],
            s=90,
            marker=markers[i % len(markers)],
            color=colour,
            edgecolors="black",
            linewidths=0.6,
            label=str(account),
            zorder=3,
        )
        ax.annotate(
            str(account),
            (row["promotional"], row["conversation_rate"]),
            textcoords="offset points",
            xytext=(8, 4),
            fontsize=9,
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, float(profile["conversation_rate"].max()) * 1.25)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    style_axes(
        ax,
        "Selling against talking, one point per business",
        "share of posts classified promotional",
        "comments per post",
    )
    parts = "; ".join(
        f"{a}: {r['promotional']:.0%} promotional, {r['conversation_rate']:.1f} comments per post"
        for a, r in profile.iterrows()
    )
    return FigureImage(fig, f"Scatter chart of {len(profile)} local businesses. {parts}.")


def classifier_chart(posts: pd.DataFrame) -> FigureImage:
    """For each known post type, how the classifier labelled its posts (needs ``type`` and ``text``)."""
    labels = conversation.classify_posts(posts["text"])["label"]
    table = pd.crosstab(posts["type"], labels).reindex(columns=list(conversation.LABELS), fill_value=0)
    table = table.reindex([t for t in TYPE_ORDER if t in table.index] + [t for t in table.index if t not in TYPE_ORDER])
    fig = new_figure(7.2, 3.4)
    ax = fig.add_subplot()
    left = np.zeros(len(table))
    for label in conversation.LABELS:
        colour, hatch = _bar_style(label)
        counts = table[label].to_numpy()
        ax.barh(
            range(len(table)),
            counts,
            left=left,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=f"labelled {label}",
        )
        for y, (start, n) in enumerate(zip(left, counts)):
            if n >= 4:
                ax.text(
                    start + n / 2,
                    y,
                    str(n),
                    ha="center",
                    va="center",
                    fontsize=9,
                    bbox=dict(facecolor="white", edgecolor="none", pad=1.5),
                )
        left += counts
    expected = [conversation.TYPE_TO_LABEL.get(t, "?") for t in table.index]
    ax.set_yticks(range(len(table)), [f"{t}\n(should be {e})" for t, e in zip(table.index, expected)])
    ax.invert_yaxis()
    style_axes(ax, "What the rules call the nursery's posts", "posts", "the nursery's own post type")
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=3, loc="outside lower center")
    parts = "; ".join(
        f"{t}: " + ", ".join(f"{int(table.loc[t, lab])} {lab}" for lab in conversation.LABELS if table.loc[t, lab])
        for t in table.index
    )
    return FigureImage(fig, f"Stacked bars of how the classifier labelled each post type. {parts}.")


def explorer_figure(y_max: float, past_share: float):
    """Build the two-panel figure with fixed axes; return it and the artists an update changes."""
    fig = new_figure(10.0, 4.0)
    bars_ax, plan_ax = fig.subplots(1, 2, width_ratios=[1.15, 1])
    bars = [bars_ax.bar([i], [0.0], width=0.65, edgecolor="white")[0] for i in range(len(TYPE_ORDER))]
    bars_ax.set_xlim(-0.6, len(TYPE_ORDER) - 0.4)
    bars_ax.set_ylim(0, y_max)
    # placeholders reserve room for the group names, which are drawn as text that can change
    bars_ax.set_xticks([0], ["placeholder\n(00 posts)"])
    style_axes(bars_ax, "Comments per post, past posts", "placeholder", "comments per post")
    under = blended_transform_factory(bars_ax.transData, bars_ax.transAxes)
    names = [
        bars_ax.text(i, -0.03, "", ha="center", va="top", fontsize=9, transform=under) for i in range(len(TYPE_ORDER))
    ]
    values = [bars_ax.text(i, 0, "", ha="center", va="bottom", fontsize=10) for i in range(len(TYPE_ORDER))]
    caption = bars_ax.text(0.5, -0.15, "", ha="center", va="top", fontsize=10, transform=bars_ax.transAxes)

    plan_ax.set_xlim(0, 1)
    plan_ax.set_ylim(0, y_max)
    plan_ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    plan_ax.axvline(past_share, color=OKABE_ITO["grey"], linestyle=":", linewidth=1.5)
    plan_ax.text(
        past_share, y_max * 0.97, f" the nursery's\n past mix ({past_share:.0%})", fontsize=8, va="top", color="#444444"
    )
    style_axes(
        plan_ax,
        "A posting plan: expected comments per post",
        "share of promotional posts in the plan",
        "comments per post (expected)",
    )
    (line,) = plan_ax.plot([], [], color=OKABE_ITO["blue"], linewidth=2, linestyle="-")
    (marker,) = plan_ax.plot(
        [],
        [],
        marker="D",
        markersize=9,
        color=OKABE_ITO["vermillion"],
        markeredgecolor="black",
        linestyle="none",
    )
    note = plan_ax.text(
        0.98,
        0.6,
        "",
        ha="right",
        va="center",
        fontsize=9,
        transform=plan_ax.transAxes,
        bbox=dict(facecolor="white", edgecolor="none", alpha=0.85),
    )
    fig.canvas.draw()  # let the layout engine place everything with the placeholders
    fig.set_layout_engine("none")
    bars_ax.set_xticks([])
    bars_ax.set_xlabel("")
    return fig, {
        "bars": bars,
        "names": names,
        "values": values,
        "caption": caption,
        "line": line,
        "marker": marker,
        "note": note,
    }


def draw(
    artists: dict,
    table: pd.DataFrame,
    order: tuple[str, ...],
    left_out: set[str],
    grouping: str,
    plan: pd.Series,
    curve: tuple[np.ndarray, np.ndarray],
    share: float,
    per_week: int,
) -> None:
    """Put the current rates and plan into the figure's existing artists."""
    slots = len(TYPE_ORDER)
    for i in range(slots):
        bar, name, value = artists["bars"][i], artists["names"][i], artists["values"][i]
        if i >= len(order):
            for artist in (bar, name, value):
                artist.set_visible(False)
            continue
        group = order[i]
        # fewer groups than slots: spread them evenly over the same axis
        x = i if len(order) == slots else (slots - 1) * (i + 0.5) / len(order)
        colour, hatch = _bar_style(group)
        rate = float(table["conversation_rate"][group]) if group in table.index else math.nan
        bar.set_visible(True)
        bar.set_x(x - 0.325)
        bar.set_height(0.0 if math.isnan(rate) else rate)
        bar.set_facecolor(colour)
        bar.set_hatch(hatch)
        name.set_visible(True)
        name.set_x(x)
        posts = int(table["posts"][group]) if group in table.index else 0
        name.set_text(f"{group}\n(left out)" if group in left_out else f"{group}\n({posts} posts)")
        name.set_color("#777777" if group in left_out or posts == 0 else "black")
        value.set_visible(True)
        value.set_position((x, 0.0 if math.isnan(rate) else rate))
        value.set_text("" if group in left_out else "no posts" if math.isnan(rate) else f"{rate:.1f}")
    artists["caption"].set_text("posts grouped by " + ("post type" if grouping == "type" else "opening line"))
    xs, ys = curve
    artists["line"].set_data(xs, ys)
    rate = float(plan["plan_rate"])
    artists["marker"].set_data([share], [rate] if not math.isnan(rate) else [np.nan])
    artists["note"].set_text(
        "pick at least one other post type"
        if math.isnan(rate)
        else f"{share:.0%} promotional: {rate:.2f} per post\n"
        f"≈ {float(plan['comments_per_month']):.0f} comments a month\nat {per_week} posts a week"
    )


def figure_alt(table: pd.DataFrame, grouping: str, plan: pd.Series, share: float) -> str:
    label = "post type" if grouping == "type" else "opening line"
    parts = "; ".join(f"{g} {r.conversation_rate:.1f}" for g, r in table.iterrows())
    rate = float(plan["plan_rate"])
    plan_text = (
        "the plan has no other post types, so its rate is undefined"
        if math.isnan(rate)
        else f"at {share:.0%} promotional the plan expects {rate:.2f} comments per post"
    )
    return (
        f"Left: bar chart of comments per post by {label}: {parts}. Right: line of expected comments per post "
        f"against the share of promotional posts in a plan, falling as the share grows; {plan_text}."
    )
