"""Links to the published book, followed inside a build of it.

A notebook opened in JupyterLab cannot show a chapter: a link to the chapter's
MyST source opens the source, with ``{glue:text}`` where the numbers belong. So
the notebooks link to the chapter's page in the published book, at
``html: baseurl`` in ``_config.yml`` (``python -m sevencs.publish.notebooks
book-links`` writes those links). In a build of the book, local or published,
this extension turns each such link into a link to the build's own page, so a
reader of a local build stays in it, offline; a link to a page the book does
not have fails the build.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def _site(app: Any) -> str:
    base = app.config.html_baseurl or ""
    return base.rstrip("/") + "/" if base else ""


def _to_this_build(app: Any, doctree: nodes.document, docname: str) -> None:
    site = _site(app)
    if not site:
        return
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if not uri.startswith(site):
            continue
        path, _, anchor = uri[len(site) :].partition("#")
        target = path.removesuffix(".html")
        if target not in app.env.found_docs:
            logger.warning(f"a link to {uri} names no page of this book", location=(docname, reference.line))
            continue
        reference["refuri"] = app.builder.get_relative_uri(docname, target) + (f"#{anchor}" if anchor else "")
        reference["internal"] = True


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`)."""
    app.connect("doctree-resolved", _to_this_build)
