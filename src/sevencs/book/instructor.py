"""Numbers and tables for book/instructor.md, computed from the exercise modules.

:func:`common_mistakes` reads each exercise's known mistakes straight from its
code: the ``mistakes()`` hook (the wrong values a learner typically gives, each
with its message), the ``slips`` of label exercises, and the messages returned
by a ``special()`` hook. So the instructor guide's list of mistakes can never
drift from what the feedback actually says.
"""

from __future__ import annotations

import ast
import html
import inspect
import textwrap
from dataclasses import dataclass

import pandas as pd

from sevencs.course.engine import Exercise
from sevencs.course.progress import chapter_items
from sevencs.exercises import CHAPTERS
from sevencs.render.html import text_to_html


def numbers() -> dict[str, object]:
    items = [chapter_items(c) for c in CHAPTERS]
    return {
        "chapters": len(CHAPTERS),
        "exercises": sum(len(i["exercises"]) for i in items),
        "self_checks": sum(len(i["questions"]) for i in items),
        "mistakes": len(common_mistakes().table),
    }


def _own(exercise: Exercise, name: str):
    """The method ``name`` if the exercise's class (not the engine's base classes) defines it."""
    for cls in type(exercise).__mro__:
        if cls.__module__ == "sevencs.course.engine":
            return None
        if name in vars(cls):
            return getattr(exercise, name)
    return None


def _returned_messages(method) -> list[str]:
    """The text of every string a method returns, with each ``{…}`` placeholder shown as ``…``."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(method)))
    messages = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and node.value is not None:
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                messages.append(value.value)
            elif isinstance(value, ast.JoinedStr):
                messages.append(
                    "".join(str(part.value) if isinstance(part, ast.Constant) else "…" for part in value.values)
                )
    return messages


def _messages(exercise: Exercise) -> list[str]:
    found: list[str] = []
    special = _own(exercise, "special")
    if special is not None:
        found += _returned_messages(special)
    found += list(getattr(exercise, "slips", {}).values())
    mistakes = _own(exercise, "mistakes")
    if mistakes is not None:
        listed = mistakes(exercise._expected_value())
        pairs = listed.items() if isinstance(listed, dict) else listed
        found += [message for _, message in pairs]
    unique = []
    for message in found:
        if message not in unique:
            unique.append(message)
    return unique


@dataclass(frozen=True)
class CommonMistakes:
    """One row per known mistake: ``chapter``, ``exercise``, ``title``, ``feedback``."""

    table: pd.DataFrame

    def _repr_html_(self) -> str:
        parts = []
        for chapter, rows in self.table.groupby("chapter", sort=False):
            items = []
            for (name, title), group in rows.groupby(["exercise", "title"], sort=False):
                feedback = "".join(f"<li>{text_to_html(m)}</li>" for m in group["feedback"])
                items.append(f"<li><strong>{html.escape(name)}</strong>: {html.escape(title)}<ul>{feedback}</ul></li>")
            parts.append(f"<p><strong>{html.escape(chapter.capitalize())}</strong></p><ul>{''.join(items)}</ul>")
        return "".join(parts)


def common_mistakes() -> CommonMistakes:
    """Every known mistake the exercise feedback recognises, chapter by chapter, in course order."""
    rows = []
    for chapter in CHAPTERS:
        for exercise in chapter_items(chapter)["exercises"]:
            for message in _messages(exercise):
                rows.append(
                    {"chapter": chapter, "exercise": exercise.name, "title": exercise.title, "feedback": message}
                )
    return CommonMistakes(pd.DataFrame(rows, columns=["chapter", "exercise", "title", "feedback"]))
