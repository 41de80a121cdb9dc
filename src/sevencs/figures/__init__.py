"""Figures for the book, the labs and the explorers, in one style.

Colours come from the Okabe–Ito palette, which stays distinguishable with the
common colour-vision deficiencies; lines also differ in style and marker, and
bars in hatching, so no figure depends on colour alone. Each figure has a
title and labelled axes.

The chapter figures (:func:`growth`, :func:`breakdown`, :func:`paradox`) return
a :class:`FigureImage`: the matplotlib figure together with alt text written
from the same numbers, shown in notebooks and in the book as an image with
that alt text.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import matplotlib
import networkx as nx
import pandas as pd
from markupsafe import Markup
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from sevencs.render.html import figure_html

OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
NAIVE = dict(color=OKABE_ITO["orange"], linestyle="--", marker="o", label="the 10 × 10 story")
ACTUAL = dict(color=OKABE_ITO["blue"], linestyle="-", marker="s", label="simulated on the network")
# Hop colours for the network map: dark to light, readable in greyscale too.
HOP_COLOURS = [OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["sky"], OKABE_ITO["purple"], OKABE_ITO["green"]]
UNREACHED = "#d9d9d9"


@dataclass(frozen=True)
class FigureImage:
    """A finished figure and its alt text; displays as ``<img alt=...>``."""

    figure: Figure
    alt: str

    @property
    def png(self) -> bytes:
        return to_png(self.figure, dpi=100)

    def _repr_html_(self) -> Markup:
        return figure_html(self.png, self.alt)

    def __repr__(self) -> str:
        return f"Figure: {self.alt}"


class PlainTextFigure(Figure):
    """A figure that draws every text exactly as written: a ``$`` never starts mathematics.

    Labels often come from learners' own files (post types, account names, chapter
    and exercise names in progress exports). matplotlib reads text between two
    ``$`` as TeX-like "mathtext", so ``sale $$ now`` or ``$x^^2$`` would fail when
    the figure is drawn. Every text, including tick labels made while drawing,
    is drawn plain (matplotlib's ``parse_math=False``). The course's own figures use no
    mathtext.
    """

    def draw(self, renderer):
        with matplotlib.rc_context({"text.parse_math": False}), warnings.catch_warnings():
            # a character the font lacks (a rare emoji in a post type) is drawn as a box; no warning
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
            for text in self.findobj(Text):
                text.set_parse_math(False)
            return super().draw(renderer)


def new_figure(width: float = 7.5, height: float = 4.0) -> Figure:
    """A figure with an Agg canvas attached (no pyplot, so nothing is shown twice), drawing plain text."""
    fig = PlainTextFigure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def to_png(fig: Figure, dpi: int = 80) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def rgba_to_png(rgba, size: tuple[int, int]) -> bytes:
    """Encode a canvas buffer as PNG quickly (light compression; the alpha channel dropped)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1).convert("RGB").save(
        buffer, format="png", compress_level=1
    )
    return buffer.getvalue()


def _style(ax, title: str, xlabel: str, ylabel: str) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)


def growth(table: pd.DataFrame, accounts: int) -> FigureImage:
    """Connections after each hop: the geometric story against a simulation (simulate_growth's table)."""
    fig = new_figure(6.5, 4.0)
    ax = fig.add_subplot()
    ax.plot(table["hop"], table["naive_connected"], **NAIVE)
    ax.plot(table["hop"], table["connected"], **ACTUAL)
    ax.axhline(
        accounts,
        color=OKABE_ITO["grey"],
        linestyle=":",
        linewidth=1.5,
        label=f"everyone else in the network ({accounts})",
    )
    ax.set_yscale("log")
    ax.set_xticks(list(table["hop"]))
    _style(ax, "Connections after each hop", "hops from your first connections", "people connected (log scale)")
    ax.legend(frameon=False, fontsize=9, loc="upper left")
    last = table.iloc[-1]
    return FigureImage(
        fig,
        (
            f"Line chart of people connected after each of {len(table)} hops, on a log scale. "
            f"The 10 × 10 story climbs to {last['naive_connected']:,.0f}; the simulation on the "
            f"network reaches {last['connected']:,} of its {accounts} accounts."
        ),
    )


def breakdown(parts: pd.Series) -> FigureImage:
    """One stacked bar: where the entries of the friends' friend lists go (two_hop_breakdown)."""
    fig = new_figure(7.5, 2.8)
    ax = fig.add_subplot()
    pieces = [
        ("new_people", "new people", OKABE_ITO["blue"], ""),
        ("repeats", "repeats", OKABE_ITO["orange"], "//"),
        ("your_own_friends", "your own friends", OKABE_ITO["sky"], ".."),
        ("back_to_you", "you", OKABE_ITO["grey"], "xx"),
    ]
    left = 0
    for key, label, colour, hatch in pieces:
        value = int(parts[key])
        ax.barh([0], [value], left=left, color=colour, hatch=hatch, edgecolor="white", label=f"{label} ({value})")
        if value >= 6:
            ax.text(
                left + value / 2,
                0,
                str(value),
                ha="center",
                va="center",
                fontsize=10,
                color="white" if key == "new_people" else "black",
                fontweight="bold",
            )
        left += value
    ax.set_yticks([])
    ax.set_xlim(0, max(left, 1) * 1.02)
    _style(
        ax,
        f"{int(parts['friends'])} friends' friend lists: {left} entries, {int(parts['new_people'])} new people",
        "entries on the friends' friend lists",
        "",
    )
    ax.grid(False)
    fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
    return FigureImage(
        fig,
        (
            f"Stacked bar of the {int(parts['friend_list_entries'])} entries on the friend lists of "
            f"{int(parts['friends'])} friends: {int(parts['new_people'])} are new people, "
            f"{int(parts['repeats'])} are repeats of someone already counted, "
            f"{int(parts['your_own_friends'])} are the account's own friends and "
            f"{int(parts['back_to_you'])} are the account itself."
        ),
    )


def paradox(graph: nx.Graph) -> FigureImage:
    """How many friends accounts have, against how many friends their friends have."""
    degrees = dict(graph.degree())
    own = list(degrees.values())
    # each friendship shows a friend at both of its ends
    via_friends = [degrees[end] for edge in graph.edges() for end in edge]
    fig = new_figure(7.0, 3.8)
    ax = fig.add_subplot()
    top = max(own) + 2
    bins = range(0, top, 2)
    ax.hist(own, bins=bins, density=True, histtype="stepfilled", alpha=0.45, color=OKABE_ITO["sky"], label="accounts")
    ax.hist(
        via_friends,
        bins=bins,
        density=True,
        histtype="step",
        linewidth=2,
        color=OKABE_ITO["vermillion"],
        hatch="//",
        label="friends (one count per friendship end)",
    )
    mean_own = sum(own) / len(own)
    mean_friend = sum(via_friends) / len(via_friends)
    ax.axvline(mean_own, color=OKABE_ITO["blue"], linestyle="--", label=f"mean, accounts: {mean_own:.1f}")
    ax.axvline(
        mean_friend,
        color=OKABE_ITO["vermillion"],
        linestyle=":",
        linewidth=2,
        label=f"mean, friends: {mean_friend:.1f}",
    )
    _style(ax, "Your friends have more friends than you", "number of friends", "share of accounts (density)")
    ax.legend(frameon=False, fontsize=9)
    return FigureImage(
        fig,
        (
            f"Two overlapping histograms of friend counts in a network of {graph.number_of_nodes()} "
            f"accounts. Accounts have {mean_own:.1f} friends on average; looked at through a "
            f"friendship, a friend has {mean_friend:.1f}. The friends' histogram sits further right "
            "because well-connected accounts appear on many friend lists."
        ),
    )


def network_axes(ax, graph: nx.Graph, pos: dict) -> None:
    """Draw the friendships once, faintly: the background of the network map."""
    segments = [(pos[u], pos[v]) for u, v in graph.edges() if u in pos and v in pos]
    ax.add_collection(LineCollection(segments, colors="#dedede", linewidths=0.35, zorder=1))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.1, max(xs) + 0.1)
    ax.set_ylim(min(ys) - 0.1, max(ys) + 0.1)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
