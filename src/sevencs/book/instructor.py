"""Numbers and tables for book/instructor.md, computed from the exercise modules and the agendas.

:func:`common_mistakes` lists each exercise's known mistakes, the same
:class:`~sevencs.course.engine.Mistake` records the checker matches answers
against. So the instructor guide's list of mistakes can never drift from what
the feedback actually says. :func:`agenda_table` shows one of the workshop
agendas of :mod:`sevencs.course.agendas`, the same data the answer sheets are
made from.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sevencs.course.agendas import agenda
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
    """One row per known mistake: ``chapter``, ``exercise`` (its id, ``q2``), ``label`` (as learners see it
    named, "Exercise 2"), ``title``, ``feedback``."""

    table: pd.DataFrame

    def _repr_html_(self) -> str:
        chapters = [
            (
                str(chapter).capitalize(),
                [
                    (label, title, list(group["feedback"]))
                    for (label, title), group in rows.groupby(["label", "title"], sort=False)
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
                    {
                        "chapter": chapter,
                        "exercise": exercise.name,
                        "label": exercise.display_name,
                        "title": exercise.title,
                        "feedback": message,
                    }
                )
    return CommonMistakes(pd.DataFrame(rows, columns=["chapter", "exercise", "label", "title", "feedback"]))


@dataclass(frozen=True)
class AgendaTable:
    """One agenda as the guide shows it: a table of its slots (time, what, how)."""

    slots: tuple[tuple[str, str, str], ...]

    def _repr_html_(self) -> str:
        return render("agenda.html", slots=self.slots)

    def __repr__(self) -> str:
        return "\n".join(" | ".join(slot) for slot in self.slots)


def agenda_table(name: str) -> AgendaTable:
    """The agenda called ``name`` (see :data:`sevencs.course.agendas.AGENDAS`) as a table for the guide."""
    return AgendaTable(tuple((slot.time, slot.what, slot.how) for slot in agenda(name).slots))
