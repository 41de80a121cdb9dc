"""Self-check questions and reflection prompts, defined once as data.

A :class:`Question` is a multiple-choice question whose every option carries
an explanation; a :class:`Reflection` is a prompt with a model answer and a
short rubric. Chapters define theirs in ``sevencs.exercises.<chapter>``, and
:func:`sevencs.exercises.bank` collects them all.

This module holds no display code: ``question.ask()`` and ``reflection.ask()``
ask :mod:`sevencs.course.views` for the view (a form in a live notebook,
kernel-free HTML in the published book). Answers and reflections are saved in
the learner's progress store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sevencs.course import views
from sevencs.course.engine import Feedback, Note, Status, record, safe_repr
from sevencs.course.store import CHECK_WAIT, ProgressStore
from sevencs.render.html import LETTERS, render


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Question:
    """A multiple-choice question with exactly one right option."""

    chapter: str
    name: str
    prompt: str
    options: tuple[Option, ...]

    def __post_init__(self) -> None:
        if len(self.options) < 2:
            raise ValueError(f"{self.chapter} {self.name}: a question needs at least two options")
        if sum(o.correct for o in self.options) != 1:
            raise ValueError(f"{self.chapter} {self.name}: exactly one option must be correct")

    @property
    def label(self) -> str:
        """The question's id, "connection sc1": for progress, tests and the instructor, never shown to learners."""
        return f"{self.chapter} {self.name}"

    @property
    def display_name(self) -> str:
        """The question as a learner sees it named: ``sc2`` is "Self-check 2"."""
        number = re.fullmatch(r"sc(\d+)", self.name)
        return f"Self-check {number.group(1) if number else ''}".strip()

    def _index(self, choice: int | str) -> int | None:
        if isinstance(choice, str) and len(choice.strip()) == 1:
            index = LETTERS.find(choice.strip().lower())
            return index if 0 <= index < len(self.options) else None
        if isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(self.options):
            return choice
        return None

    def answer(self, choice: int | str | None) -> Feedback:
        """Answer with an option's letter ("a", "b"...) or its position (0, 1...)."""
        if choice is None or choice is ...:
            return Feedback(Status.NOT_ANSWERED, "Pick one of the options first.", self.display_name)
        index = self._index(choice)
        if index is None:
            letters = ", ".join(repr(LETTERS[i]) for i in range(len(self.options)))
            return Feedback(
                Status.INCORRECT,
                f"{safe_repr(choice)[:60]} is not one of the options; answer with {letters}.",
                self.display_name,
            )
        option = self.options[index]
        status = Status.CORRECT if option.correct else Status.INCORRECT
        record(self.chapter, self.name, "quiz", status.value, LETTERS[index])
        return Feedback(status, option.why, self.display_name)

    def __str__(self) -> str:
        lines = [self.prompt] + [f"  {LETTERS[i]}) {o.text}" for i, o in enumerate(self.options)]
        return "\n".join(lines)

    def ask(self) -> object:
        """Show the question as clickable options: a form live, kernel-free HTML in the book."""
        return views.question(self)


@dataclass(frozen=True)
class ReflectionResult:
    """What the learner sees after saving a reflection."""

    saved: bool
    text: str
    model_answer: str
    rubric: tuple[str, ...]
    problem: str = ""
    #: Where the text waits when it could not be saved at once ("" when saved, or when nowhere on disk).
    kept: str = ""

    def __str__(self) -> str:
        if not self.text.strip():
            return "Not answered yet: write a few sentences first."
        head = (
            "Saved."
            if self.saved
            else (
                f"Kept, not saved yet ({self.problem}). It waits in {self.kept} and is added to your progress "
                "the next time it can be saved."
                if self.kept
                else f"NOT saved ({self.problem}); copy your text somewhere safe."
            )
        )
        rubric = "\n".join(f"- {r}" for r in self.rubric)
        return f"{head}\n\nA model answer:\n{self.model_answer}\n\nCompare yours:\n{rubric}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if not self.text.strip():
            return Feedback(Status.NOT_ANSWERED, "Write a few sentences first.")._repr_html_()
        kind: str
        if self.saved:
            kind, heading = Status.CORRECT, "Saved"
            message = (
                "Your reflection is saved for your Seven Cs plan. Nobody grades it: "
                "compare it with the model answer below."
            )
        elif self.kept:
            kind, heading = "info", "Kept, not saved yet"
            message = (
                f"{self.problem}\n\nYour text waits in {self.kept} and is added to your progress the next "
                "time it can be saved. Nothing is lost."
            )
        else:
            kind, heading = Status.INCORRECT, "Not saved"
            message = f"{self.problem}\n\nCopy your text somewhere safe before closing the notebook."
        return render(
            "reflection_result.html",
            kind=kind,
            heading=heading,
            message=message,
            model_answer=self.model_answer,
            rubric=self.rubric,
        )


@dataclass(frozen=True)
class Reflection:
    """A free-text prompt; after writing, the learner sees a model answer and a rubric."""

    chapter: str
    name: str
    prompt: str
    model_answer: str
    rubric: tuple[str, ...] = field(default_factory=tuple)

    @property
    def label(self) -> str:
        """The reflection's id, "connection reflection": for progress and tests, never shown to learners."""
        return f"{self.chapter} {self.name}"

    @property
    def display_name(self) -> str:
        """The reflection as a learner sees it named (a chapter has one)."""
        return "Reflection"

    def save(self, text: str | None) -> ReflectionResult:
        """Save ``text`` (blank text is not saved) and return the model answer and rubric."""
        text = "" if text is None or text is ... else str(text)
        if not text.strip():
            return ReflectionResult(False, "", self.model_answer, self.rubric)
        outcome = record(self.chapter, self.name, "reflection", value=text)
        kept = str(outcome.kept) if outcome.kept is not None else ""
        return ReflectionResult(outcome.saved, text, self.model_answer, self.rubric, outcome.reason, kept)

    def saved_text(self) -> str | None:
        """The latest saved text, or None."""
        try:
            return ProgressStore(wait=CHECK_WAIT).latest_reflection(self.chapter, self.name)
        except Exception:  # reading progress must never break the notebook
            return None

    def ask(self) -> object:
        """Show a text box, a save button and, after saving, the model answer.

        In the published book: the prompt, a note that the answer is written in
        the notebook, and the model answer collapsed.
        """
        return views.reflection(self)

    def show_model_answer(self) -> Note:
        return Note("solution", "A model answer", self.model_answer)
