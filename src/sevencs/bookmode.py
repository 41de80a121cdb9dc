"""The published book's kernel-free self-checks, reflections and collapsed solutions.

When the book is built, every notebook runs once and its outputs are frozen
into web pages with no Python behind them. Widgets that need a kernel would be
dead there, so while the book is being built (the environment variable
``SEVENCS_BOOK`` is set; :mod:`sevencs.sphinxext` sets it for every
``jupyter-book build``) the same question bank renders as plain HTML instead:

- ``question.ask()`` → a quiz of real ``<button>`` elements. One shared script
  (``sevencs/static/sevencs-quiz.js``) makes every quiz on every page answer:
  pick an option, read whether it is right and the explanation of that option;
  answers are kept in the browser's local storage under
  ``"sevencs-quiz:<chapter>-<item>"`` and a "Reset my answers" button clears
  them. Without JavaScript, the question, the options and every explanation
  (inside a collapsed ``<details>``) are still there.
- ``reflection.ask()`` → the prompt, a note that the answer is written in the
  notebook, and the model answer with its checklist, collapsed.
- ``exercise.check(...)`` on the blank → the usual "not answered yet" box and
  the model solution collapsed (``<details>``).

``SEVENCS_BOOK=instructor`` builds the instructor edition: the same pages with
every solution, model answer and explanation open. In a live notebook (the
variable unset, or ``0``) nothing here is used and the widgets work as always.

The markup is the contract with the script and the browser tests::

    <div class="sevencs-quiz" data-quiz-id="clients-sc1">
      … <button class="sevencs-quiz-option" data-index="0" data-correct="true"> …
      <div class="sevencs-quiz-feedback" role="status" aria-live="polite"></div>
      <details class="sevencs-quiz-explanations"> <li class="sevencs-quiz-why" data-index="0"> …
      <button class="sevencs-quiz-reset">Reset my answers</button>
    </div>
"""

from __future__ import annotations

import html
import os
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sevencs.exercises.engine import text_to_html

if TYPE_CHECKING:  # imported for type hints only; questions imports this module lazily
    from sevencs.exercises.engine import Exercise
    from sevencs.questions import Question, Reflection

#: The environment variable that switches on the book's kernel-free rendering.
BOOK_ENV = "SEVENCS_BOOK"
#: Its values: off (a live notebook), the readers' book, the instructor edition.
OFF, READER, INSTRUCTOR = "off", "reader", "instructor"
#: The prefix of every local-storage key the quiz script writes.
STORAGE_PREFIX = "sevencs-quiz:"

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

    The book build itself checks the value up front (:mod:`sevencs.sphinxext`),
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


def _inline(text: str) -> str:
    """Escape ``text`` for HTML and turn `backticks` into code, without paragraphs."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text)).replace("\n", "<br>")


def quiz_id(question: Question | Reflection) -> str:
    """The quiz's id in the page and in local storage: ``<chapter>-<item>``, e.g. ``clients-sc1``."""
    return f"{question.chapter}-{question.name}"


def storage_key(question: Question) -> str:
    """The browser's local-storage key for one quiz's answers."""
    return STORAGE_PREFIX + quiz_id(question)


def _open(is_open: bool) -> str:
    return " open" if is_open else ""


def quiz_html(question: Question, open_explanations: bool = False) -> str:
    """A self-check question as kernel-free HTML (see the module's docstring for the markup).

    Each option is a ``<button>`` carrying ``data-index`` (0, 1...) and
    ``data-correct`` ("true" for exactly one); each explanation sits in
    ``<li class="sevencs-quiz-why" data-index=…>`` inside a ``<details>``,
    collapsed unless ``open_explanations`` (the instructor edition).
    All text is escaped.
    """
    from sevencs.questions import LETTERS

    qid = html.escape(quiz_id(question), quote=True)
    prompt_id = f"sevencs-quiz-{qid}-prompt"
    buttons = "".join(
        f'<button type="button" class="sevencs-quiz-option" data-index="{i}" '
        f'data-correct="{"true" if o.correct else "false"}" aria-pressed="false">'
        f'<span class="sevencs-quiz-letter">{LETTERS[i]})</span> '
        f'<span class="sevencs-quiz-text">{_inline(o.text)}</span>'
        f'<span class="sevencs-quiz-mark" aria-hidden="true"></span></button>'
        for i, o in enumerate(question.options)
    )
    whys = "".join(
        f'<li class="sevencs-quiz-why" data-index="{i}"><strong>{LETTERS[i]}) '
        f'{"Right." if o.correct else "Not quite."}</strong> '
        f'<span class="sevencs-quiz-why-text">{_inline(o.why)}</span></li>'
        for i, o in enumerate(question.options)
    )
    return (
        f'<div class="sevencs-quiz" data-quiz-id="{qid}">'
        f'<p class="sevencs-quiz-label"><strong>Self-check ({html.escape(question.label)})</strong></p>'
        f'<div class="sevencs-quiz-prompt" id="{prompt_id}">{text_to_html(question.prompt)}</div>'
        f'<div class="sevencs-quiz-options" role="group" aria-labelledby="{prompt_id}">{buttons}</div>'
        f'<div class="sevencs-quiz-feedback" role="status" aria-live="polite"></div>'
        f'<details class="sevencs-quiz-explanations"{_open(open_explanations)}>'
        f"<summary>Why each option is right or not</summary>"
        f'<ul class="sevencs-quiz-whys">{whys}</ul></details>'
        f'<p class="sevencs-quiz-tools"><button type="button" class="sevencs-quiz-reset">'
        f"Reset my answers</button></p></div>"
    )


def reflection_html(reflection: Reflection, open_answer: bool = False) -> str:
    """A reflection as HTML: the prompt, where to write, and the model answer (collapsed)."""
    items = "".join(f"<li>{_inline(r)}</li>" for r in reflection.rubric)
    rubric = f"<p>Compare yours: did you…</p><ul>{items}</ul>" if items else ""
    return (
        f'<div class="sevencs-reflection" data-reflection-id="{html.escape(quiz_id(reflection), quote=True)}">'
        f'<p class="sevencs-quiz-label"><strong>Reflection ({html.escape(reflection.label)})</strong></p>'
        f'<div class="sevencs-reflection-prompt">{text_to_html(reflection.prompt)}</div>'
        f'<p class="sevencs-reflection-where"><em>You write your answer in the notebook: open this page '
        f"as a notebook (the buttons at the top of the page), run the cell, and your text is kept for "
        f"your Seven Cs plan.</em></p>"
        f'<details class="sevencs-model-answer"{_open(open_answer)}>'
        f"<summary>A model answer (read it after writing yours)</summary>"
        f"{text_to_html(reflection.model_answer)}{rubric}</details></div>"
    )


def solution_html(exercise: Exercise, open_solution: bool = False) -> str:
    """An exercise's model solution (note and code) in a ``<details>``, collapsed unless ``open_solution``."""
    note = text_to_html(exercise.solution_note) if exercise.solution_note else ""
    code = (
        f'<pre class="sevencs-solution-code"><code>{html.escape(exercise.solution_code)}</code></pre>'
        if exercise.solution_code else "<p>This exercise has no model code.</p>"
    )
    return (
        f'<details class="sevencs-solution" data-exercise-id="{html.escape(quiz_id(exercise), quote=True)}"'
        f"{_open(open_solution)}><summary>A model solution ({html.escape(exercise.label)})</summary>"
        f"{note}{code}</details>"
    )


@dataclass(frozen=True)
class StaticHTML:
    """Finished HTML for a notebook output: shown as ``text/html``, with a plain-text fallback.

    Deliberately not a widget: myst-nb prefers a widget view over HTML, and a
    widget cannot work in a page without a kernel.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def static_question(question: Question) -> StaticHTML:
    """What ``question.ask()`` shows in the book."""
    return StaticHTML(quiz_html(question, open_explanations=instructor()), str(question))


def static_reflection(reflection: Reflection) -> StaticHTML:
    """What ``reflection.ask()`` shows in the book."""
    text = f"Reflection ({reflection.label}): {reflection.prompt}\n(You write your answer in the notebook.)"
    return StaticHTML(reflection_html(reflection, open_answer=instructor()), text)
