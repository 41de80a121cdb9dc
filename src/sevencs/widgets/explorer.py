"""What every chapter's explorer shares: controls above a figure and its numbers.

A chapter's explorer subclasses :class:`Explorer`: it builds its controls and
its figure, lists the controls in ``controls``, and draws in ``update()``,
ending with ``self._show(png, alt, numbers_html)``. The figure is built once;
:class:`Blitter` keeps its unchanging part as a background and redraws only the
artists a control move changes, which keeps a move well under 100 ms. The image
goes into an ``HTML`` widget with alt text, so it stays visible in the
published book without a kernel.
"""

from __future__ import annotations

import base64

import ipywidgets as widgets

from sevencs import figures
from sevencs.render.html import figure_html


class Blitter:
    """Renders a figure's changing artists over a background drawn once."""

    def __init__(self, fig, dynamic: list) -> None:
        self.fig, self.dynamic = fig, dynamic
        fig.canvas.draw()  # lets the layout engine place everything once
        fig.set_layout_engine("none")
        for artist in dynamic:
            artist.set_visible(False)
        fig.canvas.draw()
        self.background = fig.canvas.copy_from_bbox(fig.bbox)
        for artist in dynamic:
            artist.set_visible(True)

    def png(self) -> bytes:
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)
        return figures.rgba_to_png(canvas.buffer_rgba(), canvas.get_width_height())


class Explorer(widgets.VBox):
    """Controls, then the figure, then its numbers; moving a control calls ``update()``.

    Subclasses set up their controls and figure, then call ``self._start()``
    (optionally with their own arrangement of the controls).
    """

    figure: widgets.HTML
    numbers: widgets.HTML

    @property
    def controls(self) -> list[widgets.Widget]:
        raise NotImplementedError

    def update(self, _change=None) -> None:
        raise NotImplementedError

    def _start(self, top: widgets.Widget | None = None) -> None:
        self.figure = widgets.HTML()
        self.numbers = widgets.HTML()
        for control in self.controls:
            control.observe(self.update, names="value")
        super().__init__([top or widgets.VBox(self.controls), self.figure, self.numbers])
        self.update()

    def _show(self, png: bytes, alt: str, numbers: str) -> None:
        """Put a rendered figure (with its alt text) and its numbers on screen."""
        self.figure.value = figure_html(png, alt)
        self.numbers.value = numbers

    @property
    def png(self) -> bytes:
        """The figure as currently shown, as PNG bytes."""
        value = self.figure.value
        return base64.b64decode(value.split("base64,", 1)[1].split('"', 1)[0])
