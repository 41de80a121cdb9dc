"""What every chapter's explorer shares: controls above a figure and its numbers.

A chapter's explorer subclasses :class:`Explorer`: it builds its controls and
its figure, lists the controls in ``controls``, and draws in ``update()``,
ending with ``self._show(png, alt, numbers_html)``. The figure is built once;
:class:`Blitter` keeps its unchanging part as a background and redraws only the
artists a control move changes, which keeps a move well under 100 ms.

The image goes into an :class:`ipywidgets.Image` as PNG bytes (a palette of at
most 256 colours, :class:`sevencs.figures.PngEncoder`): the bytes travel to the
page as a binary buffer, not as base64 text inside HTML, which is what keeps a
move quick in the browser too (``benchmarks/lab_latency.py``). In the
published book an explorer is not a widget: while the book is built it shows
a kernel-free control whose main sliders (``static_sliders``) answer from
states it draws then with this same ``update()`` (:mod:`sevencs.widgets.static`).

Alt text: ipywidgets' image view sets no ``alt`` (ipywidgets 8.1: only
``src``, ``width``, ``height``, classes and, from ``tooltip``, ``title``). The
alt text goes into the widget's ``tooltip``, so the ``<img>`` carries it as
its ``title``, which is its accessible name when it has no ``alt`` (screen
readers read it as they read alt text); the book's page script
(``sevencs-a11y.js``) moves it into ``alt``, as every other figure of the book
has. :attr:`Explorer.alt` reads it back. :class:`AltImage` is the Image widget
that makes this work (see there).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
import traitlets
from markupsafe import Markup
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sevencs import figures
from sevencs.widgets import static

#: Sliders send their value while they are dragged, not only when let go. A move takes a few tens of
#: milliseconds, and the page sends a widget's newest value only once the kernel has answered the last
#: one (ipywidgets keeps one message in flight per widget and merges what comes meanwhile), so the values
#: in between are dropped and the figure follows the hand. Keys are not affected: each arrow-key press
#: sends its value either way.
CONTINUOUS = True

TITLES = ("title", "_left_title", "_right_title")


class AltImage(widgets.Image):
    """An Image widget whose ``tooltip`` (here: the alt text) reaches the page as the ``<img>``'s ``title``.

    ipywidgets 8's views set ``title`` from ``tooltip`` only when the model's
    ``description`` is empty, and they read it on every model: on the Image
    model, which has none, setting a tooltip breaks the view (``Cannot read
    properties of undefined (reading 'length')``, in JupyterLab and in the
    book's renderer alike). An empty ``description`` fixes that.
    """

    description = traitlets.Unicode("").tag(sync=True)


class Blitter:
    """Renders a figure's changing artists over a background drawn once.

    ``dynamic``: the artists a move changes; only they are drawn on each move.

    ``frame``: artists that change now and then, when ``frame_key()`` (a value
    made from what they show) changes: axes whose limits follow a slider (their
    ticks, tick labels and grid move with the limits), or bars and labels that
    follow a grouping. They are drawn, without the dynamic artists, over a base drawn
    once without them (the figure, its legends) only when the key changes; the
    result is the background until it changes again.

    ``on_top``: unchanging artists that must stay above the dynamic ones (a
    legend over the lines it names). They are drawn once with the background;
    after the dynamic artists, their boxes of background pixels are put back,
    which costs next to nothing where drawing them again costs milliseconds.

    ``stamps``: texts whose words change but whose place and look do not, on a
    plain background (the names of a ranking, one per row). A text costs about
    a millisecond to draw (matplotlib 3.11 renders it glyph by glyph); each
    distinct text is drawn once, and its pixels (its box, on the plain
    background) are stamped wherever it appears again, to the nearest pixel.
    """

    #: how many stamps (distinct texts) to keep before starting again
    STAMPS_KEPT = 1000

    def __init__(
        self,
        fig,
        dynamic: list,
        frame: list | tuple = (),
        frame_key: Callable[[], object] | None = None,
        on_top: list | tuple = (),
        stamps: list | tuple = (),
    ) -> None:
        if frame and frame_key is None:
            raise ValueError("a frame needs a frame_key: what, when it changes, means drawing the frame again")
        self.fig, self.frame, self.frame_key = fig, list(frame), frame_key
        self.on_top, self.stamps = list(on_top), list(stamps)
        self.dynamic = [*dynamic, *self.stamps]  # hidden from every background like the dynamic ones
        self._moving = list(dynamic)
        self._stamped: dict[tuple, tuple] = {}
        fig.canvas.draw()  # lets the layout engine place everything once
        fig.set_layout_engine("none")
        for artist in self.frame:
            artist.set_visible(False)
        self.base = self._without_dynamic(fig.canvas.draw)
        for artist in self.frame:
            artist.set_visible(True)
        # Titles of frame axes do not move with the limits: drawn once into the base, left out of the frames
        # (where placing and drawing them would cost a few milliseconds each time). matplotlib keeps an
        # axes' centre, left and right titles as these three texts.
        titles = [getattr(ax, name) for ax in self.frame if isinstance(ax, Axes) for name in TITLES]
        self._titles = [title for title in titles if title.get_text() and title.get_visible()]
        if self._titles:
            for title in self._titles:
                fig.draw_artist(title)
            self.base = fig.canvas.copy_from_bbox(fig.bbox)
        self.background = self.base
        renderer, height = fig.canvas.get_renderer(), fig.bbox.height
        # pixel boxes (x0, top, x1, bottom; y downwards, as restore_region wants), a pixel wider each side
        self._on_top_boxes = [
            (
                max(int(box.x0) - 1, 0),
                max(int(height - box.y1) - 1, 0),
                int(box.x1) + 1,
                int(height - box.y0) + 1,
            )
            for box in (artist.get_window_extent(renderer) for artist in self.on_top)
        ]
        self._key: object = None
        self._png = figures.PngEncoder()
        #: how many times the frame was drawn (tests: a move that keeps the key draws no frame)
        self.frames_drawn = 0

    def _without_dynamic(self, draw: Callable[[], None]):
        """Draw with the dynamic artists hidden; the picture, to restore later."""
        visible = [artist.get_visible() for artist in self.dynamic]  # some may be hidden on purpose
        for artist in self.dynamic:
            artist.set_visible(False)
        try:
            draw()
            return self.fig.canvas.copy_from_bbox(self.fig.bbox)
        finally:
            for artist, shown in zip(self.dynamic, visible):
                artist.set_visible(shown)

    def _draw_frame(self) -> None:
        self.fig.canvas.restore_region(self.base)
        words = [title.get_text() for title in self._titles]
        for title in self._titles:
            title.set_text("")  # already in the base; empty, matplotlib neither places nor draws it
        try:
            for artist in self.frame + self.on_top:
                self.fig.draw_artist(artist)
        finally:
            for title, text in zip(self._titles, words):
                title.set_text(text)

    def png(self) -> bytes:
        canvas = self.fig.canvas
        if self.frame_key is not None:
            key = self.frame_key()
            if self.frames_drawn == 0 or key != self._key:
                self.background = self._without_dynamic(self._draw_frame)
                self._key, self.frames_drawn = key, self.frames_drawn + 1
                self._png.forget_palette()  # a new frame may bring colours the last palette lacks
        canvas.restore_region(self.background)
        for artist in self._moving:
            self.fig.draw_artist(artist)
        for text in self.stamps:
            self._stamp(text)
        for box in self._on_top_boxes:
            canvas.restore_region(self.background, bbox=box, xy=(0, 0))
        return self._png.encode(canvas.buffer_rgba(), canvas.get_width_height())

    def _stamp(self, text) -> None:
        words = text.get_text()
        if not words or not text.get_visible():
            return
        canvas, height = self.fig.canvas, self.fig.bbox.height
        x, y = text.get_transform().transform(text.get_position())  # the anchor, in pixels from the bottom left
        key = (words, str(text.get_color()), text.get_fontsize())
        if key not in self._stamped:
            if len(self._stamped) >= self.STAMPS_KEPT:
                self._stamped.clear()
            self.fig.draw_artist(text)
            box = text.get_window_extent(canvas.get_renderer()).padded(2)
            region = canvas.copy_from_bbox(box)
            left, top = region.get_extents()[:2]  # pixels from the top left
            self._stamped[key] = (region, left - x, top - (height - y))
            return
        region, dx, dy = self._stamped[key]
        left, top, right, bottom = region.get_extents()
        canvas.restore_region(region, bbox=(left, top, right, bottom), xy=(round(x + dx), round(height - y + dy)))


def limits(*axes) -> Callable[[], object]:
    """A ``frame_key`` for :class:`Blitter`: the axes' limits."""
    return lambda: [(ax.get_xlim(), ax.get_ylim()) for ax in axes]


class Explorer(widgets.VBox):
    """Controls, then the figure, then its numbers; moving a control calls ``update()``.

    Subclasses set up their controls and figure, then call ``self._start()``
    (optionally with their own arrangement of the controls).
    """

    figure: AltImage
    numbers: widgets.HTML
    _fig: Figure  # the matplotlib figure the subclass draws on
    #: The sliders (attribute names) that answer in the published book, from states rendered when it is
    #: built (:mod:`sevencs.widgets.static`); the other controls are shown there at their value, fixed.
    static_sliders: tuple[str, ...] = ()
    #: The arguments the explorer was made with (the book makes twins of it to draw its states).
    made_with: tuple[tuple, dict]

    def __new__(cls, *args, **kwargs):
        explorer = super().__new__(cls, *args, **kwargs)
        explorer.made_with = (args, kwargs)
        return explorer

    @property
    def controls(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def update(self, _change=None) -> None:
        raise NotImplementedError

    def _start(self, top: widgets.Widget | None = None) -> None:
        # shown at its own size, narrower when the page is (as the book's <img style="max-width:100%">)
        layout = widgets.Layout(max_width="100%", height="auto", align_self="flex-start")
        self.figure = AltImage(format="png", layout=layout)
        self.numbers = widgets.HTML()
        for control in self.controls:
            control.observe(self.update, names="value")
        super().__init__([top or widgets.VBox(self.controls), self.figure, self.numbers])
        self.update()

    def _repr_mimebundle_(self, **kwargs):
        """The live widget; while the book is built, its kernel-free control (:mod:`sevencs.widgets.static`)."""
        folder = static.states_folder()
        if folder is None or not self.static_sliders:
            return super()._repr_mimebundle_(**kwargs)
        return {"text/plain": f"{type(self).__name__} (in the book)", "text/html": str(static.publish(self, folder))}

    def _show(self, png: bytes, alt: str, numbers: str) -> None:
        """Put a rendered figure (with its alt text) and its numbers on screen."""
        with self.figure.hold_sync():  # the image and its alt text in one message
            self.figure.value = png
            self.figure.tooltip = alt
        self.numbers.value = numbers

    @property
    def png(self) -> bytes:
        """The figure as currently shown, as PNG bytes."""
        return bytes(self.figure.value)

    @property
    def alt(self) -> str:
        """The alt text of the figure as currently shown."""
        return self.figure.tooltip or ""

    def figure_html(self) -> Markup:
        """The figure as currently shown, as an ``<img>`` with its alt text (for a page without widgets),
        laid out for a phone on narrow screens as every figure of the book (:class:`figures.FigureImage`)."""
        return figures.FigureImage(self._fig, self.alt)._repr_html_()
