"""What every explorer's figure must be: PNG bytes in an ``ipywidgets.Image``, with its alt text."""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget import _remove_buffers

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def shown_alt(explorer) -> str:
    """Check the explorer's figure is an Image widget of PNG bytes that travel as a binary buffer
    (not base64 text), with alt text (its tooltip, the <img>'s title); return that alt text."""
    figure = explorer.figure
    assert isinstance(figure, widgets.Image) and figure.format == "png"
    assert bytes(figure.value[:8]) == PNG_SIGNATURE and explorer.png == bytes(figure.value)
    _, paths, buffers = _remove_buffers(figure.get_state())
    assert ["value"] in paths and bytes(buffers[paths.index(["value"])]) == explorer.png
    assert figure.tooltip and figure.tooltip == explorer.alt
    # without an empty description, ipywidgets 8's view fails on an Image with a tooltip (see AltImage)
    assert figure.get_state()["description"] == ""
    assert f'alt="{explorer.alt[:20]}' in explorer.figure_html()
    return explorer.alt
