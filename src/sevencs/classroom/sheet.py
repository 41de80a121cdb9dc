"""The answer sheet: every expected answer of the course on one page, to check a learner's screen at a glance.

``sevencs answer-key`` writes it beside the answer keys, once for the whole
course and once for each workshop agenda (:mod:`sevencs.course.agendas`), with
only what learners do in that agenda. In course order, under each exercise
notebook's title:

- each exercise, named as its notebook names it ("Exercise 2" and its heading),
  with the value its own ``expected()`` computes, written as the learner's
  notebook shows that value (``184``, ``0.3695652173913043``, ``'market_organiser'``,
  a Series as pandas prints it, a table by its shape); free text gets what
  passes and an example that does;
- each self-check ("Self-check 1") with its right option, letter and text, and
  the explanation learners read;
- the reflection with its model answer.

The page is one file (the stylesheet inline), prints on paper, and fits a
phone's width: long values wrap instead of scrolling sideways.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from sevencs.atomic import write_text_atomically
from sevencs.chapters import CHAPTERS, TITLES
from sevencs.course.agendas import AGENDAS, Agenda
from sevencs.course.engine import Exercise
from sevencs.course.questions import Question, Reflection
from sevencs.exercises import chapter_items
from sevencs.publish.notebooks import chapter_of, headings
from sevencs.render.html import LETTERS, render

#: The sheet of the whole course; each agenda's is ``answer-sheet-<agenda>.html``.
SHEET_NAME = "answer-sheet.html"


def sheet_name(agenda: Agenda | None = None) -> str:
    """The file name of the whole course's sheet, or of one agenda's."""
    return SHEET_NAME if agenda is None else f"answer-sheet-{agenda.name}.html"


# --- a value as the learner's notebook shows it ------------------------------------------------


def _plain(value: Any) -> Any:
    """A numpy number as the Python number it holds (``print`` shows both alike)."""
    if type(value).__module__ == "numpy" and getattr(value, "shape", None) == ():
        return value.item()
    return value


def _is(value: Any, name: str) -> bool:
    return type(value).__module__.split(".")[0] == "pandas" and type(value).__name__ == name


@dataclass(frozen=True)
class Shown:
    """A value written as the learner's notebook shows it: ``text``, over several lines when ``block``,
    and ``about``, a rounder reading for a long number ("about 0.37"), or a table's size in words."""

    text: str
    block: bool = False
    about: str = ""


def as_shown(value: Any) -> Shown:
    """``value`` as a notebook cell shows it when the learner's variable is the cell's last line.

    A number, a name or a list is its ``repr`` (a name keeps its quotes); a pandas Series is
    printed as pandas prints it; a table (DataFrame) by its ``.shape``, with its size in words.
    """
    value = _plain(value)
    if _is(value, "DataFrame"):
        rows, columns = value.shape
        names = ", ".join(map(str, value.columns))
        return Shown(
            repr(value.shape),
            about=f"a table of {rows} row{'' if rows == 1 else 's'} and {columns} column"
            f"{'' if columns == 1 else 's'}: {names}",
        )
    text = repr(value)
    if isinstance(value, float) and len(text) > 6 and value == value:  # not NaN
        return Shown(text, about=f"about {value:.3g}")
    return Shown(text, block="\n" in text)


# --- the sheet's lines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseLine:
    """An exercise: its name and heading as its notebook shows them, and the answer that passes."""

    label: str
    title: str
    value: Shown
    target: str = ""
    time: str = ""


@dataclass(frozen=True)
class SelfCheckLine:
    """A self-check: the right option's letter and text, and its explanation."""

    label: str
    letter: str
    text: str
    why: str
    time: str = ""


@dataclass(frozen=True)
class ReflectionLine:
    """A reflection: its heading as the notebook shows it, and the model answer."""

    label: str
    model_answer: str
    time: str = ""


@dataclass(frozen=True)
class Section:
    """One exercise notebook's part of the sheet, under the title learners see at its top."""

    title: str
    notebook: str
    time: str
    exercises: tuple[ExerciseLine, ...]
    self_checks: tuple[SelfCheckLine, ...]
    reflections: tuple[ReflectionLine, ...]


@dataclass(frozen=True)
class AnswerSheet:
    """The answer sheet of the whole course (``agenda`` None) or of one agenda."""

    title: str
    agenda: Agenda | None
    sections: tuple[Section, ...]

    def to_html(self) -> str:
        """The page: one file, the stylesheet inline; prints on paper and fits a phone."""
        return render("answer_sheet.html", sheet=self)

    def save(self, path: str | os.PathLike) -> Path:
        return write_text_atomically(self.to_html(), Path(path))


@dataclass(frozen=True)
class _Notebook:
    """What an exercise notebook shows a learner: its title, its exercises' headings, its reflection's."""

    path: str
    title: str
    exercises: dict[str, str]
    reflection: str


def _read_notebooks(course: Path) -> dict[str, _Notebook]:
    """Each chapter's exercise notebook in ``course/exercises``, read for its headings (odd ones skipped)."""
    found: dict[str, _Notebook] = {}
    for path in sorted((course / "exercises").glob("*.ipynb")):
        try:
            chapter = chapter_of(path)
            titles = headings(nbformat.read(path, as_version=4))
        except Exception:  # a stray or broken notebook: the sheet names the chapter's items without it
            continue
        exercises = {}
        for _level, text in titles:
            match = re.fullmatch(r"(Exercise \d+)\s*·\s*(.+)", text)
            if match:
                exercises[match.group(1)] = match.group(2)
        found[chapter] = _Notebook(
            f"exercises/{path.name}",
            next((text for level, text in titles if level == 1), ""),
            exercises,
            next((text for _level, text in titles if text.startswith("Reflection")), ""),
        )
    return found


def _time(agenda: Agenda | None, chapter: str, item: str, section_time: str) -> str:
    """The time of the agenda's slot for ``item`` when it differs from its section's, else ""."""
    slot = agenda.slot_for(chapter, item) if agenda else None
    return slot.time if slot and slot.time != section_time else ""


def exercise_line(exercise: Exercise, title: str = "", time: str = "") -> ExerciseLine:
    """An exercise's line: the value its own ``expected()`` computes, as the learner's notebook shows it."""
    expected = exercise.expected()
    title = title or exercise.title
    if exercise.example_answer is not None:
        return ExerciseLine(
            exercise.display_name,
            title,
            as_shown(exercise.example_answer),
            target=exercise.target.format(expected=expected),
            time=time,
        )
    return ExerciseLine(exercise.display_name, title, as_shown(expected), time=time)


def self_check_line(question: Question, time: str = "") -> SelfCheckLine:
    """A self-check's line: its one right option (the question makes sure there is exactly one)."""
    index, option = next((i, o) for i, o in enumerate(question.options) if o.correct)
    return SelfCheckLine(question.display_name, LETTERS[index], option.text, option.why, time)


def reflection_line(reflection: Reflection, heading: str = "", time: str = "") -> ReflectionLine:
    return ReflectionLine(heading or reflection.display_name, reflection.model_answer, time)


def build_sheet(course: Path, agenda: Agenda | None = None) -> AnswerSheet:
    """The answer sheet of the whole course, or of ``agenda``: its items only, each chapter timed by its slot.

    Names and headings come from the exercise notebooks in ``course/exercises``, as learners see
    them; the values, options and model answers from the chapter modules.
    """
    notebooks = _read_notebooks(course)
    sections = []
    for number, chapter in enumerate(CHAPTERS):
        items = chapter_items(chapter)
        notebook = notebooks.get(chapter) or _Notebook(
            f"exercises/{number:02d}_{chapter}.ipynb", f"Exercises {number} · {TITLES[chapter]}", {}, ""
        )

        def wanted(item: Exercise | Question | Reflection, chapter: str = chapter) -> bool:
            return agenda is None or agenda.includes(chapter, item.name)

        slot = next((s for s in agenda.slots if s.chapter == chapter), None) if agenda else None
        section_time = slot.time if slot else ""
        exercises = tuple(
            exercise_line(
                e,
                notebook.exercises.get(e.display_name, ""),
                _time(agenda, chapter, e.name, section_time),
            )
            for e in items["exercises"]
            if wanted(e)
        )
        self_checks = tuple(
            self_check_line(q, _time(agenda, chapter, q.name, section_time)) for q in items["questions"] if wanted(q)
        )
        reflections = tuple(
            reflection_line(r, notebook.reflection, _time(agenda, chapter, r.name, section_time))
            for r in items["reflections"]
            if wanted(r)
        )
        if exercises or self_checks or reflections:
            sections.append(Section(notebook.title, notebook.path, section_time, exercises, self_checks, reflections))
    title = "Answer sheet: the whole course" if agenda is None else f"Answer sheet: {agenda.title}"
    return AnswerSheet(title, agenda, tuple(sections))


def write_answer_sheets(course: Path, out: Path) -> list[Path]:
    """Write the whole course's sheet and each agenda's into ``out``; returns their paths, the course's first."""
    out.mkdir(parents=True, exist_ok=True)
    return [build_sheet(course, agenda).save(out / sheet_name(agenda)) for agenda in (None, *AGENDAS)]
