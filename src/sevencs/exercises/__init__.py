"""Exercises, self-check questions and reflections, one module per chapter.

>>> from sevencs.exercises import connection as ex
>>> ex.q1.check(answer)      # code exercises: q1, q2, ...
>>> ex.sc1.ask()             # self-check questions: sc1, sc2, ...
>>> ex.reflection.ask()      # the chapter's reflection

Each chapter module also defines ``SETUP``: the notebook's first code cell,
which the tests run before each model solution. :func:`chapter_items` and
:func:`bank` collect what the chapter modules define, loading a chapter's
module only when it is asked for.
"""

from __future__ import annotations

import importlib

from sevencs.chapters import CHAPTERS
from sevencs.course.engine import Exercise
from sevencs.course.questions import Question, Reflection
from sevencs.errors import InputError

__all__ = ["CHAPTERS", "bank", "chapter_items"]


def _values(chapter: str) -> list[object]:
    if chapter not in CHAPTERS:
        raise InputError(f"there is no chapter {chapter!r}; chapters: {', '.join(CHAPTERS)}")
    return list(vars(importlib.import_module(f"{__name__}.{chapter}")).values())


def chapter_items(chapter: str) -> dict[str, list]:
    """The exercises, questions and reflections a chapter module defines."""
    values = _values(chapter)
    return {
        "exercises": [v for v in values if isinstance(v, Exercise)],
        "questions": [v for v in values if isinstance(v, Question)],
        "reflections": [v for v in values if isinstance(v, Reflection)],
    }


def bank(chapter: str | None = None) -> list[Question | Reflection]:
    """Every self-check question and reflection, in course order (or one chapter's)."""
    chapters = CHAPTERS if chapter is None else (chapter,)
    return [v for name in chapters for v in _values(name) if isinstance(v, Question | Reflection)]
