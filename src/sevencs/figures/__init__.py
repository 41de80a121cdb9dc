"""Figures for the book, the labs and the explorers, in one style.

Colours come from the Okabe–Ito palette, which stays distinguishable with the
common colour-vision deficiencies; lines also differ in style and marker, and
bars in hatching, so no figure depends on colour alone. Each figure has a
title and labelled axes (:func:`style_axes`).

This module holds what every chart shares. The charts themselves live one
module per owner: :mod:`sevencs.figures.connection` … :mod:`sevencs.figures.clients`
for the chapters (their static figures and their explorers' drawing code),
:mod:`sevencs.figures.progress`, :mod:`sevencs.figures.report` and
:mod:`sevencs.figures.audit`. A finished chart is a :class:`FigureImage`: the
matplotlib figure together with alt text written from the same numbers, shown
in notebooks and in the book as an image with that alt text.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import matplotlib
import numpy as np
from markupsafe import Markup
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.ticker import Formatter, LogFormatterMathtext
from PIL import Image

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
        for ax in self.axes:  # log axes label their ticks in mathtext, which would show as written
            for axis in (ax.xaxis, ax.yaxis):
                if isinstance(axis.get_major_formatter(), LogFormatterMathtext):
                    axis.set_major_formatter(PlainLogFormatter(axis.get_major_formatter()))
                if isinstance(axis.get_minor_formatter(), LogFormatterMathtext):
                    axis.set_minor_formatter(PlainLogFormatter(axis.get_minor_formatter()))
        with matplotlib.rc_context({"text.parse_math": False}), warnings.catch_warnings():
            # a character the font lacks (a rare emoji in a post type) is drawn as a box; no warning
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
            for text in self.findobj(Text):
                text.set_parse_math(False)
            return super().draw(renderer)


class PlainLogFormatter(Formatter):
    """A log axis's tick labels as plain numbers (1, 10, 1,000, 0.1), on the ticks matplotlib labels.

    matplotlib labels a log axis in mathtext (``$\\mathdefault{10^{3}}$``), which a
    :class:`PlainTextFigure` would print as written; this keeps its choice of
    which ticks get a label and writes the number instead.
    """

    def __init__(self, mathtext: LogFormatterMathtext) -> None:
        self.mathtext = mathtext

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.mathtext.set_axis(axis)

    def set_locs(self, locs) -> None:
        self.mathtext.set_locs(locs)

    def __call__(self, x, pos=None) -> str:
        if not self.mathtext(x, pos):
            return ""
        return f"{x:,.0f}" if x >= 1 else f"{x:g}"


def new_figure(width: float = 7.5, height: float = 4.0) -> Figure:
    """A figure with an Agg canvas attached (no pyplot, so nothing is shown twice), drawing plain text."""
    fig = PlainTextFigure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def to_png(fig: Figure, dpi: int = 80) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


class PngEncoder:
    """Encodes one figure's canvas as small PNGs, quickly: what an explorer sends on every move.

    A chart has a few colours and their anti-aliased edges: a palette of at most
    256 colours (Pillow's fast octree, no dithering) makes a PNG of one byte a
    pixel, about a third of the size of the RGB one and quicker to encode. The
    octree averages each colour with its near neighbours, which would turn the
    white background into 254: palette entries within a level or two of white
    are made white again. Light compression; the alpha channel dropped (the
    figures are opaque).

    Finding the palette takes most of the time (about 4 ms for a 1000 × 480
    chart); mapping to a known one, a sixth of that. The frames of one figure
    share their colours, so the palette found for the first frame is kept for
    the next ones; :meth:`forget_palette` when the picture changes so much that
    its colours may have changed.
    """

    def __init__(self) -> None:
        self._palette: Image.Image | None = None

    def forget_palette(self) -> None:
        self._palette = None

    def encode(self, rgba, size: tuple[int, int]) -> bytes:
        image = Image.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1).convert("RGB")
        if self._palette is None:
            paletted = image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
            palette = paletted.getpalette() or []
            for i in range(0, len(palette), 3):
                if min(palette[i : i + 3]) >= 253:
                    palette[i : i + 3] = [255, 255, 255]
            paletted.putpalette(palette)
            self._palette = paletted
        else:
            paletted = image.quantize(palette=self._palette, dither=Image.Dither.NONE)
        buffer = io.BytesIO()
        paletted.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


class BarSet(PathPatch):
    """Bars of one style drawn as one patch (one path of rectangles), for an explorer's figure.

    Each bar as its own ``Rectangle`` is drawn on its own, and a hatched one
    renders its hatch pattern again each time (a dotted hatch costs about half
    a millisecond a bar): one patch for all the bars of a kind renders it once.
    Add it to an axes with ``ax.add_patch``; set the bars with :meth:`set_bars`.
    """

    def __init__(self, **style) -> None:
        super().__init__(Path(np.zeros((1, 2))), **style)
        self.set_bars([], [], [], [])

    def set_bars(self, x, y, width, height) -> None:
        """One bar per item: lower-left corner (``x``, ``y``), ``width`` and ``height`` (data units)."""
        x, y, w, h = (np.asarray(v, dtype=float).ravel() for v in (x, y, width, height))
        corners = np.stack(
            [
                np.stack([x, y], 1),
                np.stack([x + w, y], 1),
                np.stack([x + w, y + h], 1),
                np.stack([x, y + h], 1),
                np.stack([x, y], 1),
            ],
            1,
        )
        codes = np.tile([Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY], len(x))
        self.set_path(Path(corners.reshape(-1, 2), codes) if len(x) else Path(np.zeros((1, 2))))


def style_axes(ax: Axes, title: str, xlabel: str, ylabel: str) -> None:
    """The course's look for one panel: a title on the left, named axes, light horizontal grid lines."""
    ax.set_title(title, loc="left", fontsize=11)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
