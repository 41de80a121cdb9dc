"""Explorers that answer without a kernel, and the widget renderer only where a widget is
(part of the course's Sphinx extension, :mod:`sevencs.publish.sphinxext`).

1. Before any notebook runs, it sets ``SEVENCS_EXPLORER_STATES`` to a folder next
   to the built site, so every explorer a lab shows writes its states there and
   shows a kernel-free control instead of the widget (:mod:`sevencs.widgets.static`);
   the folder is published as ``_static/explorers``. Pages with an explorer get its
   script and style sheet (``sevencs-explorer.js``, ``.css``), and its "Run this
   explorer live" link leads to the lab in the JupyterLite site when the build has
   one, else to the page's first launch button (Binder), else to the notebook's download.
2. A notebook's saved widget state holds every widget its kernel made, shown or
   not (the explorers', a module's layouts). myst-nb puts that state, and the 3.6 MB
   widget renderer, on every page whose notebook made a widget. Here the state and
   the renderer are dropped from pages that show no widget. A page that shows one
   keeps its state and gets ``sevencs-widgets.js`` instead of the renderer: it loads
   the renderer when a widget comes near the screen.
"""

from __future__ import annotations

import os
import posixpath
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes

from sevencs.publish import lite
from sevencs.widgets.static import LIVE_HREF, STATES_ENV

#: myst-nb's keys, in a page's list of scripts, for the saved state and the renderer's files.
STATE_KEY = "ipywidgets_state"
RENDERER_PREFIX = "ipywidgets_"
#: What marks a widget shown on a page (myst-nb writes one such script per widget output).
VIEW_TYPE = "application/vnd.jupyter.widget-view+json"
#: What marks an explorer's kernel-free control (templates/explorer_static.html).
EXPLORER_MARK = 'class="sevencs-explorer"'
EXPLORER_SCRIPT = "sevencs-explorer.js"
EXPLORER_STYLE = "sevencs-explorer.css"
WIDGETS_SCRIPT = "sevencs-widgets.js"
#: The folder (next to the built site) the kernels write the states to; its ``explorers`` goes to ``_static``.
STAGING = "sevencs-static"


def staging(app: Any) -> Path:
    return Path(app.outdir).parent / STAGING


def _prepare(app: Any) -> None:
    if app.builder.format != "html":
        return
    folder = staging(app)
    shutil.rmtree(folder, ignore_errors=True)  # states of an earlier build never reach this one
    (folder / "explorers").mkdir(parents=True)
    os.environ[STATES_ENV] = str(folder / "explorers")  # every kernel started from here inherits it
    app.config.html_static_path.append(str(folder))


def renderer_scripts(js_files: dict[str, Any], shows_widget: bool) -> dict[str, Any]:
    """A page's myst-nb scripts with the widget renderer dealt with.

    Without a widget shown, the saved state and the renderer go; with one, the state stays and the
    renderer's files give way to the loader (``sevencs-widgets.js``) that fetches them when needed.
    """
    kept = {key: value for key, value in js_files.items() if not key.startswith(RENDERER_PREFIX)}
    if shows_widget and STATE_KEY in js_files:
        kept[STATE_KEY] = js_files[STATE_KEY]
        kept["sevencs_widgets"] = (WIDGETS_SCRIPT, {"defer": "defer"})
    return kept


def shows_widget(doctree: nodes.document) -> bool:
    """Whether a page's doctree shows a saved widget (a widget view among its outputs)."""
    return any(VIEW_TYPE in node.astext() for node in doctree.findall(nodes.raw))


def _widgets_only_where_shown(app: Any, doctree: nodes.document) -> None:
    metadata = getattr(app.env, "nb_metadata", {}).get(app.env.docname)
    if metadata and metadata.get("js_files"):
        metadata["js_files"] = renderer_scripts(metadata["js_files"], shows_widget(doctree))


def live_link(pagename: str, header_buttons: list[dict[str, Any]] | None, with_lite: bool) -> str:
    """Where "Run this explorer live" leads from a lab page: JupyterLite, a launch button, or the download."""
    if with_lite and posixpath.dirname(pagename) in lite.FOLDERS:
        return lite.lite_url(pagename)
    for group in header_buttons or []:
        if isinstance(group, dict) and group.get("label") == "launch-buttons":
            for button in group.get("buttons", []):
                if button.get("url"):
                    return str(button["url"])
    return posixpath.relpath(f"_sources/{pagename}.ipynb", start=posixpath.dirname(pagename) or ".")


def _explorer_pages(app: Any, pagename: str, templatename: str, context: dict, doctree) -> None:
    body = context.get("body") or ""
    if EXPLORER_MARK not in body:
        return
    href = live_link(pagename, context.get("header_buttons"), lite.lite_enabled())
    context["body"] = body.replace(f'href="{LIVE_HREF}"', f'href="{href}"')
    app.add_js_file(EXPLORER_SCRIPT, loading_method="defer")
    app.add_css_file(EXPLORER_STYLE)


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`).

    The live link is filled in after the launch buttons are settled (priority 900 in
    :mod:`sevencs.publish.assets`).
    """
    app.connect("builder-inited", _prepare)
    app.connect("doctree-read", _widgets_only_where_shown)
    app.connect("html-page-context", _explorer_pages, priority=950)
