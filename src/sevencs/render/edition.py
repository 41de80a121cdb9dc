"""Which edition is being shown: a live notebook, the readers' book or the instructor edition.

When the book is built, every notebook runs once and its outputs are frozen
into web pages with no Python behind them. Widgets that need a kernel would be
dead there, so while the book is being built (the environment variable
``SEVENCS_BOOK`` is set; :mod:`sevencs.publish.sphinxext` sets it for every
``jupyter-book build``) questions, reflections and blank exercises show
kernel-free HTML instead (:mod:`sevencs.render.html`; the choice is made in
:mod:`sevencs.course.views`). ``SEVENCS_BOOK=instructor`` builds the instructor
edition: the same pages with every solution, model answer and explanation open.
In a live notebook (the variable unset, or ``0``) the widgets work as always.
"""

from __future__ import annotations

import os
import warnings

#: The environment variable that switches on the book's kernel-free rendering.
BOOK_ENV = "SEVENCS_BOOK"
#: Its values: off (a live notebook), the readers' book, the instructor edition.
OFF, READER, INSTRUCTOR = "off", "reader", "instructor"
_OFF_VALUES = {"", "0", "false", "no", "off"}
_READER_VALUES = {"1", "true", "yes", "on", "reader", "book"}


class BookModeError(ValueError):
    """``SEVENCS_BOOK`` holds a value that is neither off, the book, nor the instructor edition."""


def book_mode(value: str | None = None) -> str:
    """Which edition is being rendered: ``"off"``, ``"reader"`` or ``"instructor"``.

    Reads ``SEVENCS_BOOK`` unless ``value`` is given. Unset, empty, ``0``,
    ``false``, ``no`` or ``off`` mean a live notebook; ``1``, ``true``, ``yes``,
    ``on``, ``reader`` or ``book`` the readers' book; ``instructor`` the
    instructor edition (any capitalisation, spaces ignored).
    """
    raw = os.environ.get(BOOK_ENV, "") if value is None else value
    if not isinstance(raw, str):
        raise BookModeError(f"{BOOK_ENV} must be text such as '1' or 'instructor', not {type(raw).__name__}")
    word = raw.strip().lower()
    if word in _OFF_VALUES:
        return OFF
    if word in _READER_VALUES:
        return READER
    if word == INSTRUCTOR:
        return INSTRUCTOR
    raise BookModeError(
        f"{BOOK_ENV}={raw!r} is not understood. Use 1 for the book, 'instructor' for the "
        "instructor edition with solutions open, or leave it unset in a live notebook."
    )


def _current() -> str:
    """The current edition; a value nobody meant (a typo) falls back to the live widgets, with a warning.

    The book build itself checks the value up front (:mod:`sevencs.publish.sphinxext`),
    so a typo stops the build there; in a notebook it must never stop a learner.
    """
    try:
        return book_mode()
    except BookModeError as exc:
        warnings.warn(f"{exc} Showing the live version.", stacklevel=3)
        return OFF


def in_book() -> bool:
    """True while the published book (either edition) is being built."""
    return _current() != OFF


def instructor() -> bool:
    """True while the instructor edition is being built."""
    return _current() == INSTRUCTOR
