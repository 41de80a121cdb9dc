"""Which view shows a question, a reflection, a blank exercise, a reset or the progress: decided here, when shown.

A live notebook gets the forms of :mod:`sevencs.render.forms`; the published
book (either edition, see :mod:`sevencs.render.edition`) gets kernel-free HTML
from :mod:`sevencs.render.html`, with solutions, model answers and
explanations open in the instructor edition. The forms are given callbacks
into the course, so the view never imports the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sevencs.render import edition, html
from sevencs.render.html import StaticHTML

if TYPE_CHECKING:
    from collections.abc import Callable

    from sevencs.course.engine import Exercise
    from sevencs.course.questions import Question, Reflection
    from sevencs.render.forms import (
        HelpWidget,
        ProgressWidget,
        QuestionWidget,
        ReflectionWidget,
        ResetWidget,
    )

# The forms are imported where they are made: they pull in ipywidgets, which `import sevencs`, the
# command line and the book's numbers never need.


def item_id(item: Exercise | Question | Reflection) -> str:
    """An item's id in the page and in the browser's storage: ``<chapter>-<item>``, e.g. ``clients-sc1``."""
    return f"{item.chapter}-{item.name}"


def question_html(q: Question, open_explanations: bool = False) -> str:
    """A self-check question as the book's kernel-free quiz (:func:`sevencs.render.html.quiz_html`)."""
    options = [(o.text, o.correct, o.why) for o in q.options]
    return html.quiz_html(item_id(q), q.display_name, q.prompt, options, open_explanations)


def reflection_html(r: Reflection, open_answer: bool = False) -> str:
    """A reflection as the book shows it: the prompt, where to write, the model answer collapsed."""
    return html.reflection_html(item_id(r), r.display_name, r.prompt, r.model_answer, r.rubric, open_answer)


def solution_html(exercise: Exercise, open_solution: bool = False) -> str:
    """An exercise's model solution, collapsed unless ``open_solution``."""
    return html.solution_html(
        item_id(exercise), exercise.display_name, exercise.solution_note, exercise.solution_code, open_solution
    )


def question(q: Question) -> StaticHTML | QuestionWidget:
    """What ``question.ask()`` shows: clickable options live, a kernel-free quiz in the book."""
    if edition.in_book():
        return StaticHTML(question_html(q, edition.instructor()), str(q))
    from sevencs.render.forms import QuestionWidget

    return QuestionWidget(
        q.display_name, q.prompt, [o.text for o in q.options], lambda choice: q.answer(choice)._repr_html_()
    )


def reflection(r: Reflection) -> StaticHTML | ReflectionWidget:
    """What ``reflection.ask()`` shows: a box to write in live; in the book the prompt and the model answer."""
    if edition.in_book():
        text = f"{r.display_name}: {r.prompt}\n(You write your answer in the notebook.)"
        return StaticHTML(reflection_html(r, edition.instructor()), text)
    from sevencs.render.forms import ReflectionWidget

    def save(text: str) -> tuple[str, bool]:
        result = r.save(text)
        return result._repr_html_(), result.saved

    return ReflectionWidget(r.display_name, r.prompt, r.saved_text(), save)


def help(exercise: Exercise) -> StaticHTML | HelpWidget:
    """What ``ex.q1.help()`` shows: buttons for a hint and the solution live; in the book, the hints collapsed."""
    if edition.in_book():
        hints = html.hints_html(item_id(exercise), exercise.display_name, exercise.hints, edition.instructor())
        return StaticHTML(hints, f"Hints ({exercise.display_name}): run this cell in the notebook.")
    from sevencs.render.forms import HelpWidget

    return HelpWidget(
        len(exercise.hints),
        lambda n: exercise.hint(n)._repr_html_(),
        lambda: exercise.solution()._repr_html_(),
    )


def solution_below_blank(exercise: Exercise) -> str:
    """HTML to show under a blank exercise's "not answered yet": the model solution in the book, else nothing."""
    if not edition.in_book():
        return ""
    return solution_html(exercise, edition.instructor())


def reset(chapter: str, on_reset: Callable[[], Any]) -> ResetWidget:
    """The confirmation form of ``sevencs.reset(chapter)``; ``on_reset`` returns what to show after."""
    from sevencs.render.forms import ResetWidget

    return ResetWidget(chapter, lambda: on_reset()._repr_html_())


def progress(overview: str, name: str, on_save: Callable[[str, bool], str]) -> ProgressWidget | None:
    """What ``sevencs.progress()`` shows live: the ``overview`` HTML and, below it, a form to save a progress
    file to hand in (``on_save(name, with_reflections)`` returns what to show). None in the published book,
    which has no learner of its own and shows the overview's own HTML."""
    if edition.in_book():
        return None
    from sevencs.render.forms import HandInWidget, ProgressWidget

    return ProgressWidget(overview, HandInWidget(name, on_save))
