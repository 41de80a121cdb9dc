"""The course's Sphinx extension: the one ``_config.yml`` lists, with the one :func:`setup`.

Listed under ``sphinx: extra_extensions`` in ``_config.yml``, it

1. sets ``SEVENCS_BOOK`` (to ``reader`` unless it is already set) before any
   notebook runs, so every notebook kernel the build starts inherits it and
   renders self-checks, reflections and solutions as HTML
   (:mod:`sevencs.render.edition`); ``SEVENCS_BOOK=instructor`` builds the
   instructor edition, with solutions open and "(instructor edition)" in the
   site title. A value it does not understand stops the build with a message;
2. adds the one shared script and style sheet that make every quiz work
   (``sevencs/publish/static/sevencs-quiz.js`` and ``.css``) to every page;
3. publishes the widget renderer the site serves itself, keeps launch buttons
   on notebook pages only and checks every notebook's install cell
   (:mod:`sevencs.publish.assets`);
4. builds the JupyterLite edition and links each lab to it, unless
   ``SEVENCS_LITE=0`` (:mod:`sevencs.publish.lite`);
5. turns the notebooks' links to the published book into links to the
   build's own pages (:mod:`sevencs.publish.links`);
6. makes the labs' explorers answer their main sliders without a kernel, and
   keeps saved widget state and the widget renderer to the pages that show a
   widget, loading the renderer only when it is needed (:mod:`sevencs.publish.explorers`).
7. keeps the book light and readable on a phone: its own layout rules
   (``sevencs/publish/static/sevencs-book.css``: wide tables scroll in their own
   box, explorers' controls fit the screen), the theme's icons trimmed to the
   ones the pages use (:mod:`sevencs.publish.icons`) and every figure a file of
   its own, loaded lazily (:mod:`sevencs.publish.images`).

Because the variable is set inside the build itself, a plain
``jupyter-book build .`` gets the book's rendering, as do ``make book`` and the
test suite's copy of the book.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sevencs.publish import assets, explorers, icons, images, links, lite
from sevencs.render.edition import BOOK_ENV, INSTRUCTOR, OFF, READER, BookModeError, book_mode

#: The folder holding the quiz's script and style sheet.
STATIC = Path(__file__).resolve().parent / "static"
SCRIPT = "sevencs-quiz.js"
STYLE = "sevencs-quiz.css"
#: The book's own layout rules (on a phone, nothing makes a page scroll sideways).
BOOK_STYLE = "sevencs-book.css"
#: Small accessibility repairs to the theme's markup (see the file's comments).
A11Y_SCRIPT = "sevencs-a11y.js"


def _edition() -> str:
    """Set ``SEVENCS_BOOK`` for the notebooks the build runs, and return the edition."""
    os.environ.setdefault(BOOK_ENV, READER)
    try:
        edition = book_mode()
    except BookModeError as exc:
        from sphinx.errors import ExtensionError

        raise ExtensionError(str(exc)) from None
    os.environ[BOOK_ENV] = edition  # the normalised word, for every kernel started from here
    return edition


def _configure(app: Any, config: Any) -> None:
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    if book_mode() == INSTRUCTOR and config.html_title and "instructor" not in config.html_title.lower():
        config.html_title = f"{config.html_title} (instructor edition)"


def setup(app: Any) -> dict[str, Any]:
    """Sphinx's entry point."""
    edition = _edition()
    if edition == OFF:
        from sphinx.util import logging

        logging.getLogger(__name__).info(
            f"{BOOK_ENV} is off: self-checks are built as live widgets, which need a kernel."
        )
    lite.connect(app)
    app.connect("config-inited", _configure)
    app.add_css_file(STYLE)
    app.add_css_file(BOOK_STYLE)
    app.add_js_file(SCRIPT, loading_method="defer")
    app.add_js_file(A11Y_SCRIPT, loading_method="defer")
    assets.connect(app)
    links.connect(app)
    explorers.connect(app)
    icons.connect(app)
    images.connect(app)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
