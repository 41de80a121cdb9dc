"""The published book's own files and buttons (part of the course's Sphinx extension, :mod:`sevencs.publish.sphinxext`).

The widget renderer, served by the site itself. ``make widgets`` installs the
ipywidgets renderer and RequireJS from the npm registry (pinned by
package-lock.json) and copies them into ``_vendor/widgets``; this extension
publishes that folder as ``_static/widgets`` and fails the build with a clear
message if it is incomplete. myst-nb's ``nb_ipywidgets_js`` (in _config.yml)
names those files for pages with saved widgets; :mod:`sevencs.publish.explorers`
keeps them to the pages that show a widget and loads them there only when the
widget comes near the screen. (The folder is not ``_static``: Jupyter Book would
add every ``.js`` file there to every page.)

Launch buttons only where they work. sphinx-book-theme puts the launch buttons
(Binder, JupyterHub, Colab) on every page that has a kernel, which includes the
chapter pages written as MyST Markdown (``book/*.md``). Colab cannot open a
Markdown file, and Binder or a JupyterHub would open it as text, so those links
would fail in front of a reader. This extension keeps the launch buttons on the
pages made from real notebooks (``.ipynb``: the labs and the exercises) and
removes them elsewhere. The chapter pages keep their download button, which
offers the executed page as a notebook (``.ipynb``).

Colab installs from the configured repository. The Colab button opens a
notebook on a computer without the course's package, so each notebook's install
cell (:mod:`sevencs.publish.install`) installs it from ``repository: url`` in
``_config.yml``. The build stops with the command that fixes it when a notebook
installs from anywhere else, so changing the repository stays a one-place edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.errors import ConfigError

from sevencs.publish.lite import FOLDERS
from sevencs.publish.notebooks import stale_install_cells

#: Where ``make widgets`` puts the widget files, relative to the book's root.
VENDOR = "_vendor"
#: The files every page with saved widgets loads, in this order (see _config.yml).
WIDGET_FILES = ("require.js", "assets-path.js", "embed-amd.js")
#: The label sphinx-book-theme gives the group of launch buttons in ``header_buttons``.
LAUNCH_GROUP = "launch-buttons"


def launches_here(source: str | Path) -> bool:
    """Whether a page made from ``source`` should offer launch buttons: only notebooks (``.ipynb``)."""
    if not isinstance(source, (str, Path)) or not str(source):
        raise ValueError(f"Expected the path of a page's source file, got {source!r}.")
    return Path(source).suffix.lower() == ".ipynb"


def without_launch_buttons(buttons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The header buttons without the launch group (every other button kept, in order)."""
    if not isinstance(buttons, list):
        raise ValueError(f"Expected the page's list of header buttons, got {type(buttons).__name__}.")
    return [button for button in buttons if not (isinstance(button, dict) and button.get("label") == LAUNCH_GROUP)]


def missing_widget_files(root: str | Path) -> list[str]:
    """The widget files absent (or empty) under ``root/_vendor/widgets``; an empty list when all are there."""
    if not isinstance(root, (str, Path)) or not str(root):
        raise ValueError(f"Expected the book's root folder, got {root!r}.")
    folder = Path(root) / VENDOR / "widgets"
    return [name for name in WIDGET_FILES if not (folder / name).is_file() or (folder / name).stat().st_size == 0]


def _publish_widget_files(app) -> None:
    if app.builder.format != "html":
        return
    missing = missing_widget_files(app.srcdir)
    if missing:
        raise ConfigError(
            f"The book's widget files are missing from {VENDOR}/widgets ({', '.join(missing)}). "
            "Run `make widgets` (or `make book`), which fetches them with npm, then build again."
        )
    app.config.html_static_path.append(str(Path(app.srcdir) / VENDOR))


def _check_install_cells(app) -> None:
    options = app.config.html_theme_options or {}
    url = options.get("repository_url")
    if not url:
        return
    paths = sorted(p for folder in FOLDERS for p in (Path(app.srcdir) / folder).glob("*.ipynb"))
    stale = stale_install_cells(paths, url, options.get("repository_branch") or "main")
    if stale:
        raise ConfigError(
            f"{len(stale)} notebooks do not install the course from {url} (the repository in _config.yml), "
            f"so the Colab button would open them broken: {'; '.join(stale)}. "
            "Run `python -m sevencs.publish.notebooks install-cell notebooks/*.ipynb exercises/*.ipynb`, "
            "then build again."
        )


def _drop_launch_buttons(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "header_buttons" not in context or pagename not in app.env.all_docs:
        return
    if not launches_here(app.env.doc2path(pagename)):
        context["header_buttons"] = without_launch_buttons(context["header_buttons"])


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`).

    Launch buttons are dropped after the theme has added them (priority 900, the theme's is 501).
    """
    app.connect("builder-inited", _publish_widget_files)
    app.connect("builder-inited", _check_install_cells)
    app.connect("html-page-context", _drop_launch_buttons, priority=900)
