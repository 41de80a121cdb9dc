"""The workshop agendas of the instructor guide, as data: the one place they are defined.

The guide (``book/instructor.md``) draws its agenda tables from :data:`AGENDAS`,
and ``sevencs report --agenda taster`` limits the class report to the exercises
an agenda covers. So the exercises the guide tells a class to do are the ones the
report counts, and the explorers it names are named as their notebooks name them
("The Connection explorer", the heading in ``notebooks/01_connection_lab.ipynb``).

A slot's ``how`` text may hold two placeholders, filled from the slot's data:
``{explorer}`` (the chapter's explorer and its lab notebook) and ``{exercises}``
(which exercises, and their notebook). Times are worked out from the minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sevencs.chapters import CHAPTERS, TITLES
from sevencs.exercises import chapter_items

#: A slot's exercises: names (``("q1", "q2")``) or every exercise of the chapter.
ALL: Literal["all"] = "all"


def exercise_notebook(chapter: str) -> str:
    """The exercises notebook of a chapter, from the course folder: ``exercises/01_connection.ipynb``."""
    return f"exercises/{CHAPTERS.index(chapter):02d}_{chapter}.ipynb"


def lab_notebook(chapter: str) -> str:
    """The lab notebook of a chapter, from the course folder: ``notebooks/01_connection_lab.ipynb``."""
    return f"notebooks/{CHAPTERS.index(chapter):02d}_{chapter}_lab.ipynb"


def explorer_name(chapter: str) -> str:
    """A chapter's explorer as its lab notebook names it: "The Connection explorer"."""
    return f"The {TITLES[chapter]} explorer"


def _numbers(names: tuple[str, ...]) -> str:
    """``("q1", "q2", "q3")`` as "exercises 1–3"; ``("q1", "q2")`` as "exercises 1 and 2"."""
    numbers = [int(n.removeprefix("q")) for n in names]
    if len(numbers) == 1:
        return f"exercise {numbers[0]}"
    if len(numbers) == 2:
        return f"exercises {numbers[0]} and {numbers[1]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"exercises {numbers[0]}–{numbers[-1]}"
    return "exercises " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


@dataclass(frozen=True)
class Slot:
    """One row of an agenda: how long, what, how; and the chapter's exercises it covers."""

    minutes: int
    what: str
    how: str = ""
    chapter: str | None = None
    exercises: tuple[str, ...] | Literal["all"] = ()

    def how_text(self) -> str:
        """``how`` with ``{explorer}`` and ``{exercises}`` filled in (backticks mark file names)."""
        if self.chapter is None:
            return self.how
        if self.exercises == ALL:
            exercises = f"all exercises of `{exercise_notebook(self.chapter)}`"
        elif self.exercises:
            exercises = f"{_numbers(self.exercises)} of `{exercise_notebook(self.chapter)}`"
        else:
            exercises = ""
        explorer = f"{explorer_name(self.chapter)} in `{lab_notebook(self.chapter)}`"
        return self.how.format(explorer=explorer, exercises=exercises)


@dataclass(frozen=True)
class Agenda:
    """A named agenda: ``name`` for ``sevencs report --agenda``, ``title`` as the guide's heading."""

    name: str
    title: str
    slots: tuple[Slot, ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.slots)

    def rows(self) -> list[tuple[str, str, str]]:
        """``(time, what, how)`` per slot, the time as "0:10–0:35" from the start."""
        rows, start = [], 0
        for slot in self.slots:
            end = start + slot.minutes
            rows.append((f"{_clock(start)}–{_clock(end)}", slot.what, slot.how_text()))
            start = end
        return rows

    def exercises(self) -> list[tuple[str, str]]:
        """``(chapter, exercise name)`` of every exercise the agenda covers, in the agenda's order."""
        covered: list[tuple[str, str]] = []
        for slot in self.slots:
            if slot.chapter is None:
                continue
            names = (
                [e.name for e in chapter_items(slot.chapter)["exercises"]]
                if slot.exercises == ALL
                else list(slot.exercises)
            )
            covered += [(slot.chapter, n) for n in names if (slot.chapter, n) not in covered]
        return covered


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _chapter(chapter: str, minutes: int, how: str, exercises: tuple[str, ...] | Literal["all"]) -> Slot:
    return Slot(minutes, TITLES[chapter], how, chapter, exercises)


AGENDAS: tuple[Agenda, ...] = (
    Agenda(
        "taster",
        "90 minutes: a taster",
        (
            Slot(
                10,
                "Welcome: being social",
                "Talk through sharing versus publishing (the Welcome chapter); everyone runs the first cell "
                "of `exercises/00_welcome.ipynb` to check their set-up.",
            ),
            _chapter(
                "connection",
                25,
                "The 10 × 10 story (5 min); {explorer} (10 min); {exercises} (10 min).",
                ("q1", "q2"),
            ),
            Slot(5, "Stretch"),
            _chapter(
                "content",
                25,
                "Value versus advertising (5 min); {explorer} (10 min); {exercises} (10 min).",
                ("q1",),
            ),
            Slot(
                20,
                "The audit",
                "Run the sample nursery's audit in `notebooks/08_capstone_lab.ipynb` and talk about one row "
                "each (the Capstone chapter).",
            ),
            Slot(
                5,
                "Take it home",
                "Everyone saves a progress file (the button under `sevencs.progress()`, or `sevencs export`) "
                "and hears how to run the audit on their own posts.",
            ),
        ),
    ),
    Agenda(
        "half-day",
        "Half a day (3½ hours)",
        (
            _chapter(
                "welcome",
                20,
                "The idea and {exercises}, including the first reflection: who is your community?",
                ALL,
            ),
            _chapter(
                "connection", 40, "Idea (10 min), lab: {explorer} (10 min), {exercises} (20 min).", ("q1", "q2", "q3")
            ),
            _chapter(
                "conversation",
                35,
                "The cocktail-party idea (10 min), lab: {explorer} (10 min), {exercises} (15 min).",
                ("q1", "q2", "q3"),
            ),
            Slot(15, "Break"),
            _chapter(
                "content", 40, "Idea (10 min), lab: {explorer} (10 min), {exercises} (20 min).", ("q1", "q2", "q3")
            ),
            _chapter("caring", 30, "Idea (10 min), lab: {explorer} (10 min), {exercises} (10 min).", ("q1", "q2")),
            Slot(
                25,
                "The audit and your plan",
                "The capstone notebook on the sample nursery; each learner writes or finishes one reflection.",
            ),
            Slot(
                5,
                "Take it home",
                "A progress file to hand in (`sevencs export`, or the button under `sevencs.progress()`) and "
                "`sevencs plan`; the other chapters are for home.",
            ),
        ),
    ),
    Agenda(
        "full-day",
        "A full day (6½ hours with breaks)",
        (
            _chapter("welcome", 25, "The idea, {exercises} and its reflection.", ALL),
            _chapter("connection", 40, "Idea (10 min), lab: {explorer} (10 min), {exercises} (20 min).", ALL),
            _chapter("conversation", 35, "Idea (10 min), lab: {explorer} (10 min), {exercises} (15 min).", ALL),
            Slot(15, "Break"),
            _chapter("relationships", 35, "Idea (10 min), lab: {explorer} (10 min), {exercises} (15 min).", ALL),
            _chapter("content", 40, "Idea (10 min), lab: {explorer} (10 min), {exercises} (20 min).", ALL),
            Slot(50, "Lunch"),
            _chapter("community", 35, "Idea (10 min), lab: {explorer} (10 min), {exercises} (15 min).", ALL),
            _chapter("caring", 30, "Idea (10 min), lab: {explorer} (10 min), {exercises} (10 min).", ALL),
            Slot(15, "Break"),
            _chapter("clients", 35, "Idea (10 min), lab: {explorer} (10 min), {exercises} (15 min).", ALL),
            Slot(
                30,
                "The audit and your plan",
                "The capstone notebook on the sample nursery, then on a learner's own export if they brought "
                "one; reflections finished.",
            ),
            Slot(
                5,
                "Take it home",
                "A progress file to hand in (`sevencs export`, or the button under `sevencs.progress()`); "
                "`sevencs plan` to keep.",
            ),
        ),
    ),
)


def agenda(name: str) -> Agenda:
    """The agenda called ``name`` (``"taster"``), or its title in any case; ValueError naming them all."""
    wanted = " ".join(name.split()).casefold()
    for candidate in AGENDAS:
        if wanted in (candidate.name, candidate.title.casefold()):
            return candidate
    raise ValueError(f"there is no agenda {name!r}; the agendas are {names()}")


def names() -> str:
    """The agendas' names and titles, for messages: "taster (90 minutes: a taster), ..."."""
    return ", ".join(f"{a.name} ({a.title})" for a in AGENDAS)
