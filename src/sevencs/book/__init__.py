"""Numbers quoted in the book's text, computed from the package and its sample data.

One module per chapter page, named like the page (``book/connection.md`` →
:mod:`sevencs.book.connection`), each with a ``numbers()`` function returning
``{name: value}``. The page glues them into its prose (``{glue:text}`name```),
so the text can never drift from what the package computes. A test checks
that every glued name a page uses is computed here, and :func:`numbers_for`
finds the module for a page.
"""

from __future__ import annotations

import importlib


def numbers_for(page: str) -> dict[str, object]:
    """The glued numbers of one chapter page, e.g. ``numbers_for("connection")``."""
    try:
        module = importlib.import_module(f"sevencs.book.{page}")
    except ModuleNotFoundError:
        raise ValueError(f"no numbers module for the page {page!r}: add sevencs/book/{page}.py") from None
    return module.numbers()
