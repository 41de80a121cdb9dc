"""The workshop agendas of the instructor guide, as data: the one place they are written.

The guide (``book/instructor.md``, section "Agendas") shows each as a table
(:func:`sevencs.book.instructor.agenda_table`); ``sevencs answer-key`` writes an
answer sheet for each, with only what learners do in it. Each row (a
:class:`Slot`) says when, what and how, as the guide shows it, and which of a
chapter's items learners do in it: exercises and self-checks by their numbers
as learners see them ("Exercise 2" is 2), or :data:`ALL`, and the chapters
whose reflection they write.

>>> from sevencs.course.agendas import AGENDAS, agenda
>>> agenda("half-day").includes("connection", "q3")    # "Exercise 3" of Connection
True

Explorers and labs are named as their notebooks name them ("the Connection
explorer", "the Caring lab"), so a learner told to open one finds it by its
heading. This module knows chapters by name only; it imports nothing of the
course, so any part of the package (the book, the class report) can read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

#: Every exercise (or every self-check) of the slot's chapter.
ALL: Final = "all"

Numbers = tuple[int, ...] | Literal["all"]


@dataclass(frozen=True)
class Slot:
    """One row of an agenda: from ``start`` to ``end`` (hours:minutes from the start), ``what`` and ``how``.

    ``how`` is plain text; `backticks` mark file names and commands. ``chapter`` is the chapter whose
    exercise notebook learners work in, with the ``exercises`` and ``self_checks`` they do (numbers as
    learners see them, or :data:`ALL`); ``reflections`` are the chapters whose reflection they write.
    """

    start: str
    end: str
    what: str
    how: str = ""
    chapter: str | None = None
    exercises: Numbers = ()
    self_checks: Numbers = ()
    reflections: tuple[str, ...] = ()

    @property
    def time(self) -> str:
        """ "0:10–0:35", as the guide's tables show it."""
        return f"{self.start}–{self.end}"

    def includes(self, chapter: str, item: str) -> bool:
        """Whether learners do ``item`` of ``chapter`` in this slot: ``q2`` (Exercise 2), ``sc1``
        (Self-check 1) or ``reflection``, as the progress file names them."""
        if item == "reflection":
            return chapter in self.reflections
        if chapter != self.chapter:
            return False
        match = re.fullmatch(r"(q|sc)(\d+)", item)
        if not match:
            return False
        wanted = self.exercises if match.group(1) == "q" else self.self_checks
        return wanted == ALL or int(match.group(2)) in wanted


@dataclass(frozen=True)
class Agenda:
    """A workshop plan: ``name`` for the command line and file names, ``title`` as the guide's heading."""

    name: str
    title: str
    slots: tuple[Slot, ...]

    def includes(self, chapter: str, item: str) -> bool:
        """Whether learners do ``item`` of ``chapter`` (see :meth:`Slot.includes`) in this agenda."""
        return any(slot.includes(chapter, item) for slot in self.slots)

    def slot_for(self, chapter: str, item: str) -> Slot | None:
        """The first slot in which learners do ``item`` of ``chapter``; None when they do not."""
        return next((slot for slot in self.slots if slot.includes(chapter, item)), None)


_WELCOME = "Welcome"
_TAKE_HOME = "Take it home"

AGENDAS: Final[tuple[Agenda, ...]] = (
    Agenda(
        "taster",
        "90 minutes: a taster",
        (
            Slot(
                "0:00",
                "0:10",
                "Welcome: being social",
                "Talk through sharing versus publishing (the Welcome chapter); everyone runs the first cell "
                "of `exercises/00_welcome.ipynb` to check their set-up.",
            ),
            Slot(
                "0:10",
                "0:35",
                "Connection",
                "The 10 × 10 story (5 min); the Connection explorer in `notebooks/01_connection_lab.ipynb` "
                "(10 min); exercises 1 and 2 of `exercises/01_connection.ipynb` (10 min).",
                chapter="connection",
                exercises=(1, 2),
            ),
            Slot("0:35", "0:40", "Stretch"),
            Slot(
                "0:40",
                "1:05",
                "Content",
                "Value versus advertising (5 min); the Content explorer in `notebooks/04_content_lab.ipynb` "
                "(10 min); exercise 1 of `exercises/04_content.ipynb` (10 min).",
                chapter="content",
                exercises=(1,),
            ),
            Slot(
                "1:05",
                "1:25",
                "The audit",
                "Run the sample nursery's audit in `notebooks/08_capstone_lab.ipynb` and talk about one row "
                "each (the Capstone chapter).",
            ),
            Slot(
                "1:25",
                "1:30",
                _TAKE_HOME,
                "Everyone saves a progress file with `sevencs export` and hears how to run the audit on their "
                "own posts.",
            ),
        ),
    ),
    Agenda(
        "half-day",
        "Half a day (3½ hours)",
        (
            Slot(
                "0:00",
                "0:20",
                _WELCOME,
                "The idea and the welcome exercises (`exercises/00_welcome.ipynb`), including the first "
                "reflection: who is your community?",
                chapter="welcome",
                exercises=ALL,
                self_checks=ALL,
                reflections=("welcome",),
            ),
            Slot(
                "0:20",
                "1:00",
                "Connection",
                "Idea (10 min), the Connection lab (10 min), exercises 1–3 (20 min).",
                chapter="connection",
                exercises=(1, 2, 3),
            ),
            Slot(
                "1:00",
                "1:35",
                "Conversation",
                "The cocktail-party idea (10 min), the Conversation lab (10 min), exercises 1–3 (15 min).",
                chapter="conversation",
                exercises=(1, 2, 3),
            ),
            Slot("1:35", "1:50", "Break"),
            Slot(
                "1:50",
                "2:30",
                "Content",
                "Idea (10 min), the Content lab (10 min), exercises 1–3 (20 min).",
                chapter="content",
                exercises=(1, 2, 3),
            ),
            Slot(
                "2:30",
                "3:00",
                "Caring",
                "Idea (10 min), the Caring lab, on response times (10 min), exercises 1 and 2 (10 min).",
                chapter="caring",
                exercises=(1, 2),
            ),
            Slot(
                "3:00",
                "3:25",
                "The audit and your plan",
                "The capstone notebook on the sample nursery; each learner writes or finishes the reflection "
                "of one of the day's chapters.",
                reflections=("connection", "conversation", "content", "caring"),
            ),
            Slot("3:25", "3:30", _TAKE_HOME, "`sevencs export` and `sevencs plan`; the other chapters are for home."),
        ),
    ),
    Agenda(
        "full-day",
        "A full day (6½ hours with breaks)",
        (
            Slot(
                "0:00",
                "0:25",
                _WELCOME,
                "The idea, the welcome exercises and its reflection.",
                chapter="welcome",
                exercises=ALL,
                self_checks=ALL,
                reflections=("welcome",),
            ),
            Slot(
                "0:25",
                "1:05",
                "Connection",
                "Idea (10 min), the Connection lab (10 min), all exercises and self-checks (20 min).",
                chapter="connection",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot(
                "1:05",
                "1:40",
                "Conversation",
                "Idea (10 min), the Conversation lab (10 min), exercises and self-checks (15 min).",
                chapter="conversation",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot("1:40", "1:55", "Break"),
            Slot(
                "1:55",
                "2:30",
                "Relationships",
                "Idea (10 min), the Relationships lab (10 min), exercises and self-checks (15 min).",
                chapter="relationships",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot(
                "2:30",
                "3:10",
                "Content",
                "Idea (10 min), the Content lab (10 min), exercises and self-checks (20 min).",
                chapter="content",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot("3:10", "4:00", "Lunch"),
            Slot(
                "4:00",
                "4:35",
                "Community",
                "Idea (10 min), the Community lab, on growth (10 min), exercises and self-checks (15 min).",
                chapter="community",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot(
                "4:35",
                "5:05",
                "Caring",
                "Idea (10 min), the Caring lab (10 min), exercises and self-checks (10 min).",
                chapter="caring",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot("5:05", "5:20", "Break"),
            Slot(
                "5:20",
                "5:55",
                "Clients",
                "Idea (10 min), the Clients lab, on word of mouth (10 min), exercises and self-checks (15 min).",
                chapter="clients",
                exercises=ALL,
                self_checks=ALL,
            ),
            Slot(
                "5:55",
                "6:25",
                "The audit and your plan",
                "The capstone notebook on the sample nursery, then on a learner's own export if they brought "
                "one; reflections finished.",
                reflections=(
                    "connection",
                    "conversation",
                    "relationships",
                    "content",
                    "community",
                    "caring",
                    "clients",
                ),
            ),
            Slot("6:25", "6:30", _TAKE_HOME, "`sevencs export` to hand in; `sevencs plan` to keep."),
        ),
    ),
)


def agenda(name: str) -> Agenda:
    """The agenda called ``name`` (``taster``, ``half-day``, ``full-day``); ``KeyError`` listing them if none is."""
    for candidate in AGENDAS:
        if candidate.name == name:
            return candidate
    raise KeyError(f"there is no agenda {name!r}; agendas: {', '.join(a.name for a in AGENDAS)}")
