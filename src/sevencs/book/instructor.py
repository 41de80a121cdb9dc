"""Numbers and tables for book/instructor.md, computed from the exercise modules and the agendas.

:func:`agenda_table` draws one of the agendas of :mod:`sevencs.book.agendas`, the
data ``sevencs report --agenda`` reads too.

:func:`common_mistakes` lists each exercise's known mistakes, the same
:class:`~sevencs.course.engine.Mistake` records the checker matches answers
against. So the instructor guide's list of mistakes can never drift from what
the feedback actually says.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sevencs.book.agendas import agenda
from sevencs.chapters import TITLES
from sevencs.course.engine import Exercise
from sevencs.exercises import CHAPTERS, chapter_items
from sevencs.render.html import render


def numbers() -> dict[str, object]:
    items = [chapter_items(c) for c in CHAPTERS]
    return {
        "chapters": len(CHAPTERS),
        "exercises": sum(len(i["exercises"]) for i in items),
        "self_checks": sum(len(i["questions"]) for i in items),
        "mistakes": len(common_mistakes().table),
    }


def _messages(exercise: Exercise) -> list[str]:
    """The exercise's known mistakes' messages, each once, in the order the checker tries them."""
    return list(dict.fromkeys(mistake.message for mistake in exercise.known_mistakes))


@dataclass(frozen=True)
class CommonMistakes:
    """One row per known mistake: ``chapter``, ``exercise``, ``title``, ``feedback``."""

    table: pd.DataFrame

    def _repr_html_(self) -> str:
        chapters = [
            (
                str(chapter).capitalize(),
                [
                    (name, title, list(group["feedback"]))
                    for (name, title), group in rows.groupby(["exercise", "title"], sort=False)
                ],
            )
            for chapter, rows in self.table.groupby("chapter", sort=False)
        ]
        return render("common_mistakes.html", chapters=chapters)


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


@dataclass(frozen=True)
class AgendaTable:
    """One agenda as the guide shows it: a table of times, what and how, and the report option for it."""

    name: str
    rows: list[tuple[str, str, str]]
    exercises: list[tuple[str, str]]

    def covered(self) -> str:
        """The exercises covered, chapter by chapter: "Connection 1, 2; Content 1"."""
        chapters: dict[str, list[str]] = {}
        for chapter, name in self.exercises:
            chapters.setdefault(TITLES[chapter], []).append(name.removeprefix("q"))
        return "; ".join(f"{title} {', '.join(numbers)}" for title, numbers in chapters.items())

    def __repr__(self) -> str:
        lines = [f"{time}  {what}: {how}" for time, what, how in self.rows]
        return "\n".join([*lines, f"sevencs report --agenda {self.name}: {self.covered()}"])

    def _repr_html_(self) -> str:
        return render("agenda.html", name=self.name, rows=self.rows, covered=self.covered())


def agenda_table(name: str) -> AgendaTable:
    """The agenda called ``name`` (see :data:`sevencs.book.agendas.AGENDAS`) as the guide's table."""
    chosen = agenda(name)
    return AgendaTable(chosen.name, chosen.rows(), chosen.exercises())
