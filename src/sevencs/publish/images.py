"""The book's figures as files of their own, loaded lazily (part of :mod:`sevencs.publish.sphinxext`).

Every figure the course shows is an ``<img class="sevencs-figure">`` carrying its
PNG inside the page (base64; ``sevencs/render/templates/figure.html``), so a
notebook or a saved page is one file. In the published book that would make
the reader download every figure of a page before seeing any of it. As each
page is written, this extension moves each such figure into ``_images/`` (named
after its content, so a figure shown twice is stored once) and gives the
``<img>`` its size and ``loading="lazy"``: the browser fetches a figure only
when the reader scrolls near it, and keeps its place on the page meanwhile.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path
from typing import Any

from PIL import Image

#: A figure as figure.html writes it: its data first, then its other attributes.
FIGURE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"([^>]*\bclass="sevencs-figure"[^>]*)>')
#: The phone's version of a figure, in its <picture>: the data, at a density of 2 (or more) pixels to one.
SOURCE = re.compile(
    r'(<picture class="sevencs-figure-picture"><source [^>]*?)srcset="data:image/png;base64,([A-Za-z0-9+/=]+) (\d)x"'
)
FOLDER = "_images"


def png_size(png: bytes) -> tuple[int, int]:
    """A PNG's width and height in pixels (Pillow reads them from the header, without decoding the image)."""
    try:
        with Image.open(io.BytesIO(png)) as image:
            if image.format == "PNG":
                return image.size
    except (OSError, ValueError):
        pass
    raise ValueError("Expected the bytes of a PNG image.")


def lazy_figures(body: str, save, link) -> str:
    """``body`` with each embedded figure saved (``save(name, png)``) and linked (``link(name)``) lazily."""

    def stored(data: str) -> tuple[str, int, int]:
        png = base64.b64decode(data)
        width, height = png_size(png)
        name = f"sevencs-{hashlib.sha256(png).hexdigest()[:20]}.png"
        save(name, png)
        return link(name), width, height

    def to_file(match: re.Match) -> str:
        url, width, height = stored(match.group(1))
        return f'<img src="{url}" width="{width}" height="{height}" loading="lazy" decoding="async"{match.group(2)}>'

    def source_to_file(match: re.Match) -> str:
        url, width, height = stored(match.group(2))
        density = int(match.group(3))
        return f'{match.group(1)}srcset="{url} {density}x" width="{width // density}" height="{height // density}"'

    return FIGURE.sub(to_file, SOURCE.sub(source_to_file, body))


def _page(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if not context.get("body") or "pathto" not in context:
        return
    folder = Path(app.outdir) / FOLDER

    def save(name: str, png: bytes) -> None:
        path = folder / name
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(png)

    context["body"] = lazy_figures(context["body"], save, lambda name: context["pathto"](f"{FOLDER}/{name}", 1))


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`)."""
    app.connect("html-page-context", _page)
