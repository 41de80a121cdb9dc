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

Every figure is also laid out for a phone (:func:`narrow_png`): the same
figure, :data:`NARROW_WIDTH` inches wide, its side-by-side panels stacked in
one column, long titles and labels wrapped, legends in columns that fit and
off the data, no text under :data:`SMALLEST_TEXT` points, drawn at twice the
pixels for sharp screens. The page shows it on
narrow screens instead of shrinking the wide one, so its text stays as large
as the page's small print (``tests/test_phone.py`` checks it at 390 px). The
phone layout is drawn for the book only: in a live notebook, where drawing it
would double the time a chart takes to appear, the wide figure is shown alone.
"""

from __future__ import annotations

import io
import itertools
import textwrap
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

import matplotlib
import numpy as np
from markupsafe import Markup
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.legend import Legend
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.ticker import Formatter, LogFormatterMathtext
from matplotlib.transforms import ScaledTranslation, blended_transform_factory
from PIL import Image

from sevencs.render.edition import OFF, book_mode
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


#: Pixels per inch of a figure shown at its own size (one image pixel to one CSS pixel).
DPI = 100
#: The smallest text a figure laid out for a phone draws, in points: 10.5 pt at 100 pixels an inch is 14.6
#: CSS pixels, just above a page's small print (the book theme's is 14.4 px: <small>, 0.9 of its 16 px text).
SMALLEST_TEXT = 10.5
#: A phone's figure: inches wide (340 CSS px, within the text column of a 390 px screen, 354-358 px, so
#: it is shown at its own size), drawn at twice the pixels.
NARROW_WIDTH = 3.4
NARROW_DENSITY = 2
#: Characters a line of text keeps in an inch, times its size in points (a character is about 0.58 of the size wide).
_CHARS_PER_INCH_POINT = 72 / 0.58


@dataclass(frozen=True)
class FigureImage:
    """A finished figure and its alt text; displays as ``<img alt=...>``, laid out for a phone on narrow screens."""

    figure: Figure
    alt: str

    @property
    def png(self) -> bytes:
        return to_png(self.figure, dpi=DPI)

    def html(self, palette: bool = False) -> Markup:
        """The figure as the page shows it: with its phone layout in the book (a live notebook, where it
        would double the time a chart takes to show, has the wide figure alone). With ``palette``, its
        images in at most 256 colours (:func:`to_png`), for a page that carries many figures inside it."""
        wide = to_png(self.figure, dpi=DPI, palette=palette)
        wide_text = smallest_text_px(self.figure)
        if book_mode() == OFF:
            return figure_html(wide, self.alt, text_px=wide_text)
        narrow, narrow_text = narrow_png(self.figure, palette=palette)
        return figure_html(wide, self.alt, text_px=wide_text, narrow=narrow, narrow_text_px=narrow_text)

    def _repr_html_(self) -> Markup:
        return self.html()

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


def to_png(fig: Figure, dpi: int = 80, palette: bool = False) -> bytes:
    """The figure as PNG bytes at ``dpi`` pixels an inch; with ``palette``, in at most 256 colours
    (:class:`PngEncoder`: about a third of the bytes, as the explorers' images)."""
    buffer = io.BytesIO()
    if not palette:
        fig.savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()
    fig.savefig(buffer, format="rgba", dpi=dpi)
    width, height = (int(inches * dpi) for inches in fig.get_size_inches())  # as the Agg canvas sizes itself
    return PngEncoder().encode(buffer.getvalue(), (width, height))


def _canvas_png(canvas: FigureCanvasAgg, palette: bool) -> bytes:
    """What an Agg canvas last drew, as PNG bytes (with ``palette``: in at most 256 colours, as :func:`to_png`)."""
    size = canvas.get_width_height(physical=True)
    if palette:
        return PngEncoder().encode(canvas.buffer_rgba(), size)
    buffer = io.BytesIO()
    Image.frombuffer("RGBA", size, canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(buffer, format="png")
    return buffer.getvalue()


def _texts(fig: Figure) -> list[Text]:
    """The texts a drawn figure shows (tick labels included), not the empty or hidden ones."""
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def smallest_text_px(fig: Figure) -> float:
    """The height of the figure's smallest text, in CSS pixels, when the figure is shown at its own size.

    A point is 1/72 inch and the figure shows :data:`DPI` pixels an inch: 10 pt is 13.9 px. The
    figure must have been drawn (``to_png``), so that its tick labels exist.
    """
    sizes = [float(t.get_fontsize()) for t in _texts(fig)]
    return round(min(sizes) * DPI / 72, 2) if sizes else 0.0


#: What puts back one change a narrow layout made (a tick label's angle, a legend's place, ...).
_Undo = Callable[[], None]


def _overlap(labels: list[Text], renderer, tilted: bool = False) -> bool:
    """Whether neighbouring labels (left to right) run into each other; tilted ones need a line's height apart."""
    boxes = [label.get_window_extent(renderer) for label in labels]
    if tilted:
        # tilted 35°, neighbours are spacing × sin 35° apart across the line: a line (1.2 × the size) needs 2.1 ×
        line = max(float(label.get_fontsize()) for label in labels) * renderer.dpi / 72 * 2.1
        return any(b.x1 - a.x1 < line for a, b in itertools.pairwise(boxes))
    return any(a.x1 > b.x0 - 2 for a, b in itertools.pairwise(boxes))


def _covered(legend: Legend, renderer) -> int:
    """How much of its panel's data a legend inside the panel covers: matplotlib's own count for
    ``loc="best"`` (points and line crossings under the legend's box, bars it overlaps), from the
    panel's lines, patches and collections (private: ``Legend._auto_legend_data``)."""
    bboxes, lines, offsets = cast(Any, legend)._auto_legend_data(renderer)
    box = legend.get_window_extent(renderer)
    return int(
        sum(box.count_contains(line.vertices) for line in lines)
        + box.count_contains(offsets)
        + box.count_overlaps(bboxes)
        + sum(line.intersects_bbox(box, filled=False) for line in lines)
    )


def _put_legend(legend: Legend, loc: Any, anchor: Any) -> None:
    legend.set_loc(loc)
    legend.set_bbox_to_anchor(anchor)


def _put_title(text: Text, transform: Any, x: float) -> None:
    text.set_transform(transform)
    text.set_x(x)


def _put_label(label: Text, rotation: float, align: Any, visible: bool) -> None:
    label.set_rotation(rotation)
    label.set_horizontalalignment(align)
    label.set_visible(visible)


def _declutter(canvas: FigureCanvasAgg, titles: list[Text], steady: bool = False) -> list[_Undo]:
    """Tidy a figure laid out narrow, where the layout decides where things fall; returns what puts each
    change back (:func:`narrow_png` calls them).

    - x tick labels that run into each other are tilted, and every second (third, ...) one kept where
      tilted ones still would;
    - a title or an x axis label that runs past the figure's edges is wrapped again (a panel's title
      starts where the panel does, past its tick labels); a title left with less than half the width
      starts at the figure's left edge instead; a y axis label longer than its panel is tall, wrapped;
    - a panel whose y tick labels overlap is made taller (the figure grows);
    - a legend inside a panel that covers its data moves to matplotlib's best place, else under the panel;
      with ``steady`` (one of a series of figures, an explorer's states) legends stay where the figure
      put them, so that a legend does not jump about from one figure to the next as the data move.

    Each change takes room from the panels, so they are checked again until none changes (a few rounds).
    """
    undo: list[_Undo] = []
    tilted_ids: set[int] = set()
    moved: dict[int, str] = {}  # legend -> "best", or "below <pixels under its panel>"
    fig = canvas.figure
    for _ in range(4):
        canvas.draw()
        renderer = canvas.get_renderer()
        edge = fig.bbox.width - 2
        again = False
        for text in titles:
            box = text.get_window_extent(renderer)
            room = edge - box.x0
            if text.get_visible() and text.get_text() and box.x1 > edge and room < edge / 2 and text.axes:
                # from the figure's left edge, at the title's own height above its panel (the Axes keeps
                # that height as titleOffsetTrans, set by its title's pad)
                ax, transform, x = text.axes, text.get_transform(), text.get_position()[0]
                offset = cast(Any, ax).titleOffsetTrans
                text.set_transform(blended_transform_factory(fig.transFigure, ax.transAxes) + offset)
                text.set_x(4 / fig.bbox.width)
                undo.append(partial(_put_title, text, transform, x))
                again = True
        for text in [*titles, *(ax.xaxis.label for ax in fig.axes)]:
            box = text.get_window_extent(renderer)
            past = max(box.x1 - edge, 2 - box.x0)
            if text.get_visible() and text.get_text() and past > 0:
                # a centred text loses as much on the left as on the right
                both_sides = 2 if text.get_horizontalalignment() == "center" else 1
                _wrap(text, (box.width - both_sides * past) / fig.dpi)
                again = True
        for ax in fig.axes:  # a y axis label longer than its panel is tall runs into the title
            label = ax.yaxis.label
            if label.get_visible() and label.get_text() and label.get_window_extent(renderer).height > ax.bbox.height:
                _wrap(label, ax.bbox.height / fig.dpi)
                again = True
        grow = 0.0  # pixels the figure needs for the panel shortest of room for its y tick labels
        for ax in fig.axes:
            boxes = sorted(
                (t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_visible() and t.get_text()),
                key=lambda b: b.y0,
            )
            lack = sum(max(low.y1 - high.y0 + 2, 0) for low, high in itertools.pairwise(boxes))
            if lack > 0:  # the panel has only part of the figure's height: the figure grows in proportion
                grow = max(grow, lack * fig.bbox.height / max(ax.bbox.height, 1))
        if grow > 0:
            width, height = fig.get_size_inches()
            fig.set_size_inches(width, height + grow / fig.dpi)  # (narrow_png puts the size back)
            again = True
        for ax in fig.axes:
            legend = ax.get_legend()
            if legend is None or not legend.get_visible():
                continue
            where = moved.get(id(legend))
            if where is None:
                if steady or _covered(legend, renderer) == 0:
                    continue
                # where it was: its location code and anchor, kept privately
                undo.append(partial(_put_legend, legend, cast(Any, legend)._loc, cast(Any, legend)._bbox_to_anchor))
                legend.set_loc("best")
                moved[id(legend)], again = "best", True
                continue
            if where == "best" and _covered(legend, renderer) == 0:
                continue
            # under the panel, past its tick labels and axis label (again each round: they may have grown)
            legend.set_visible(False)
            tight = ax.get_tightbbox(renderer)
            legend.set_visible(True)
            below = round(ax.bbox.y0 - (tight.y0 if tight else ax.bbox.y0) + 4 * fig.dpi / DPI)  # 4 CSS px apart
            if where != f"below {below}":
                down = ax.transAxes + ScaledTranslation(0, -below / fig.dpi, fig.dpi_scale_trans)
                legend.set_loc("upper center")  # centred on the figure
                legend.set_bbox_to_anchor((0.5, 0), transform=blended_transform_factory(fig.transFigure, down))
                moved[id(legend)], again = f"below {below}", True
        for ax in fig.axes:
            labels = [
                t for t in ax.get_xticklabels() if t.get_text().strip() and (t.get_visible() or id(t) in tilted_ids)
            ]
            tilted = bool(labels) and id(labels[0]) in tilted_ids
            shown = [t for t in labels if t.get_visible()]
            if len(shown) < 2 or not _overlap(shown, renderer, tilted=tilted):
                continue
            again = True
            labels.sort(key=lambda t: t.get_window_extent(renderer).x0)
            for label in labels:
                if id(label) not in tilted_ids:
                    tilted_ids.add(id(label))
                    state = (label.get_rotation(), label.get_horizontalalignment(), label.get_visible())
                    undo.append(partial(_put_label, label, *state))
                label.set_rotation(35)
                label.set_horizontalalignment("right")
                label.set_visible(True)
            step = 1
            while step < len(labels) and _overlap(labels[::step], renderer, tilted=True):
                step += 1
            for i, label in enumerate(labels):
                label.set_visible(i % step == 0)
        if not again:
            return undo
    canvas.draw()  # the canvas shows the figure as tidied (narrow_png takes its picture from it)
    return undo


def _wrap(text: Text | None, inches: float) -> None:
    """Wrap a text onto lines that fit ``inches`` (at least a short word's width: a line of 8 characters)."""
    if text is not None and text.get_text():
        chars = max(int(inches * _CHARS_PER_INCH_POINT / max(float(text.get_fontsize()), SMALLEST_TEXT)), 8)
        text.set_text(textwrap.fill(text.get_text(), chars))


def _lay_out_legend(legend: Legend, ncols: int, labels: list[str]) -> None:
    """Lay a legend's entries out again in ``ncols`` columns, with these labels.

    matplotlib packs a legend's entries into columns once, when the legend is made: ``set_ncols`` alone
    changes nothing that is drawn (matplotlib 3.11). Its own packing (``_init_legend_box``, private) is
    run again on the legend's handles, and the title and the box's placement set again as ``Legend``
    sets them when it is made. The entries' text is made anew, at the legend's own size.
    """
    title = legend.get_title()
    words, props = title.get_text(), title.get_fontproperties()
    legend.set_ncols(ncols)
    packed: Any = legend  # the private part, untyped
    packed._init_legend_box(legend.legend_handles, labels)
    legend.set_title(words, prop=props)
    packed._legend_box.set_offset(packed._findoffset)


def _columns(legend: Legend) -> int:
    """How many columns a legend has (matplotlib keeps it, privately, as ``_ncols``)."""
    return int(getattr(legend, "_ncols", 1))


def _fit_legend(legend: Legend, width: float, renderer) -> None:
    """A legend of a narrow figure in at most two columns, fewer while it is wider than ``width`` pixels;
    its entries no smaller than :data:`SMALLEST_TEXT`."""
    ncols = min(_columns(legend), 2)
    while True:
        _lay_out_legend(legend, ncols, [t.get_text() for t in legend.get_texts()])
        for text in legend.get_texts():
            text.set_fontsize(max(float(text.get_fontsize()), SMALLEST_TEXT))
        if ncols == 1 or legend.get_window_extent(renderer).width <= width:
            return
        ncols -= 1


def narrow_png(fig: Figure, palette: bool = False, steady: bool = False) -> tuple[bytes, float]:
    """The figure laid out for a phone, as PNG bytes at :data:`NARROW_DENSITY` times the pixels (with
    ``palette``: in at most 256 colours, as :func:`to_png`), and its smallest text in CSS pixels (as
    :func:`smallest_text_px`). ``steady``: the figure is one of a series (an explorer's states), whose
    legends should not move from one to the next (see :func:`_declutter`).

    :data:`NARROW_WIDTH` inches wide; panels on a grid go one under the other, each as tall as it
    was (taller where its y labels need it); legends in at most two columns (one where two would not
    fit), moved off the data (:func:`_declutter`); titles wrapped to the width; no text under
    :data:`SMALLEST_TEXT` points. The figure is left as it was.
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    canvas.draw()  # makes the tick labels, so that they are resized too
    original, dpi = tuple(fig.get_size_inches()), fig.get_dpi()
    # an explorer's figure has its layout fixed after the first draw (sevencs.widgets.explorer.Blitter):
    # laid out again here, then put back where it was, every axes in its place
    engine = fig.get_layout_engine()
    positions = [
        (ax, ax.get_position(original=True), ax.get_position(original=False), ax.get_in_layout()) for ax in fig.axes
    ]
    height = original[1]
    placed = [(ax, spec) for ax in fig.axes if (spec := ax.get_subplotspec()) is not None]
    panels = [ax for ax, _ in placed]
    grid = placed[0][1].get_gridspec() if placed else None
    rows = grid.nrows if grid is not None else 1
    stack = len(panels) > 1 and grid is not None and grid.ncols > 1
    # panels placed by hand (fig.add_axes), side by side: stacked too, left one first
    by_hand = [] if placed else sorted(fig.axes, key=lambda ax: ax.get_position().x0)
    if len(by_hand) > 1:
        panels, stack = by_hand, True
    every_legend = [*fig.legends, *(ax.get_legend() for ax in fig.axes)]
    # each legend with its columns and entries: laid out again for the width, then as it was
    legends = [
        (legend, _columns(legend), [t.get_text() for t in legend.get_texts()]) for legend in every_legend if legend
    ]
    sizes = [(t, float(t.get_fontsize()), t.get_text()) for t in fig.findobj(Text)]
    undo: list[_Undo] = []
    # (only axes on a grid can be laid out: a single panel placed by hand stays where it is, in proportion)
    fixed = bool(placed or stack) and not isinstance(engine, ConstrainedLayoutEngine)
    try:
        if fixed:
            fig.set_layout_engine("constrained")
        if stack:
            column = fig.add_gridspec(len(panels), 1)
            for i, ax in enumerate(panels):
                # each panel in a grid of its own, inside the column: its margins are its own (one panel's
                # long labels leave another's width alone)
                ax.set_subplotspec(column[i, 0].subgridspec(1, 1)[0, 0])
            height = height / rows * len(panels)
        for text, size, _ in sizes:
            if size < SMALLEST_TEXT:
                text.set_fontsize(SMALLEST_TEXT)
        every_title = [getattr(fig, "_suptitle", None)] + [
            getattr(ax, name) for ax in fig.axes for name in ("title", "_left_title")
        ]
        titles: list[Text] = [title for title in every_title if title is not None]
        for title in titles:  # a panel's title starts where its axes do, past the tick labels (see _declutter)
            _wrap(title, NARROW_WIDTH * 0.8)
        for legend, _, _ in legends:  # an entry takes at most 2/3 of the width (a wider legend squeezes its axes)
            for entry in legend.get_texts():
                _wrap(entry, NARROW_WIDTH * 2 / 3)
        fig.set_size_inches(NARROW_WIDTH, height)
        # drawn at the phone's pixels from here: the tidy-up's last drawing is the picture (one draw less)
        fig.set_dpi(DPI * NARROW_DENSITY)
        for legend, _, _ in legends:
            _fit_legend(legend, fig.bbox.width, canvas.get_renderer())
        undo = _declutter(canvas, titles, steady)
        png = _canvas_png(canvas, palette)
        text_px = smallest_text_px(fig)
    finally:
        for put_back in reversed(undo):
            put_back()
        for ax, spec in placed:
            ax.set_subplotspec(spec)
        for ax in by_hand:
            ax._subplotspec = None  # type: ignore[attr-defined]  # placed by hand again (the positions are put back below)
        for text, size, words in sizes:
            text.set_fontsize(size)
            text.set_text(words)
        for legend, ncols, labels in legends:
            _lay_out_legend(legend, ncols, labels)
        fig.set_dpi(dpi)
        fig.set_size_inches(original)
        if fixed:
            fig.set_layout_engine(engine)
        for ax, placed_at, shown_at, in_layout in positions:
            ax.set_position(placed_at, which="original")
            ax.set_position(shown_at, which="active")
            ax.set_in_layout(in_layout)  # set_position takes an axes out of the layout
    return png, text_px


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
    share their colours, so the palette is found once, on the first frame, and
    kept for the next ones; :meth:`forget_palette` when the picture changes so
    much that its colours may have changed. A later frame can show a colour
    the first one lacked (the reached accounts of the Connection map): half the
    palette is the course's own colours (:data:`OKABE_ITO`) and light grey,
    each blended with white at :data:`BLEND_LEVELS` levels, as their
    anti-aliased edges are, so those always have a near entry. Every frame,
    the first too, is mapped to the kept palette the same way (nearest
    colour), so a pixel that did not change keeps its colour.
    """

    #: levels of each course colour blended with white that the palette keeps
    BLEND_LEVELS = 12

    def __init__(self) -> None:
        self._palette: Image.Image | None = None

    def forget_palette(self) -> None:
        self._palette = None

    @classmethod
    def _course_colours(cls) -> list[int]:
        bases = [*OKABE_ITO.values(), "#e0e0e0"]
        levels = np.linspace(0, 1, cls.BLEND_LEVELS, endpoint=False)  # 0: the colour itself
        blends = [
            [round(255 * (c + (1 - c) * level)) for c in matplotlib.colors.to_rgb(base)]
            for base in bases
            for level in levels
        ]
        # Pillow maps a colour through a cache of 5 or 6 bits a channel: a blend within a few levels of
        # white would take the white background's place
        return [255, 255, 255] + [value for rgb in blends if min(rgb) < 240 for value in rgb]

    def _find_palette(self, image: Image.Image) -> Image.Image:
        fixed = self._course_colours()
        room = 256 - len(fixed) // 3
        own = image.quantize(room, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        palette = (own.getpalette() or [])[: 3 * room]
        for i in range(0, len(palette), 3):
            if min(palette[i : i + 3]) >= 253:  # the octree's averaged white made white again
                palette[i : i + 3] = [255, 255, 255]
        holder = Image.new("P", (1, 1))
        holder.putpalette(fixed + palette)
        return holder

    def encode(self, rgba, size: tuple[int, int]) -> bytes:
        image = Image.frombuffer("RGBA", size, rgba, "raw", "RGBA", 0, 1).convert("RGB")
        if self._palette is None:
            self._palette = self._find_palette(image)
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
