"""The exercise engine: ``check(answer)``, ``hint(n)``, ``solution()``.

Each exercise is a small object defined once in a chapter module
(``sevencs.exercises.connection`` and so on). In a notebook the learner writes
an answer in place of the ``...`` left there and runs::

    ex.q1.check(answer)     # → Feedback: correct, not yet (with what is wrong), or not answered
    ex.q1.hint()            # first hint; ex.q1.hint(2) for the next
    ex.q1.solution()        # the model solution, as code

Three outcomes, never a traceback: the blank ``...`` means *not answered yet*;
an answer of the wrong kind or value gets a message saying what was expected
and, where the mistake is a common one, what probably happened. The common
mistakes are data: each exercise lists them as :class:`Mistake` records, which
the checker matches and the instructor guide prints. Feedback, hints and
solutions name an exercise as its notebook does ("Exercise 2"), never by its
internal id.

Set the environment variable ``SEVENCS_EXPECT_CORRECT=1`` to make a check that
is not correct raise ``AssertionError``; the tests use it to prove that every
model solution passes inside the real notebooks.
"""

from __future__ import annotations

import math
import numbers
import os
import re
import warnings
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ClassVar

from sevencs.course import views
from sevencs.course.store import CHECK_WAIT, ProgressStore, ProgressWarning, Recorded
from sevencs.render.html import STYLES, box, note_html, text_to_html
from sevencs.untrusted import huge_number

EXPECT_CORRECT_ENV = "SEVENCS_EXPECT_CORRECT"


class Status(StrEnum):
    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ANSWERED = "not answered"


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``.status``, ``.correct`` and a plain-text ``.message``."""

    status: Status
    message: str
    exercise: str = ""

    @property
    def correct(self) -> bool:
        return self.status is Status.CORRECT

    @property
    def heading(self) -> str:
        label = STYLES[self.status][3]
        return f"{label} ({self.exercise})" if self.exercise else label

    def __str__(self) -> str:
        return f"{STYLES[self.status][2]} {self.heading}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return box(self.status, self.heading, text_to_html(self.message))


@dataclass(frozen=True)
class SolutionFeedback(Feedback):
    """Feedback followed by the model solution as HTML (collapsed): what the published book shows.

    Only the book build makes these (see :mod:`sevencs.course.views`); in a live
    notebook the solution stays behind ``ex.qN.solution()``.
    """

    solution_html: str = ""

    def _repr_html_(self) -> str:
        return super()._repr_html_() + self.solution_html


@dataclass(frozen=True)
class Note:
    """A hint, a solution or an introduction, shown as a box in a notebook."""

    kind: str
    heading: str
    text: str = ""
    code: str = ""

    def __str__(self) -> str:
        parts = [f"{self.heading}:", self.text, self.code]
        return "\n".join(p for p in parts if p)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return note_html(self.kind, self.heading, self.text, self.code)


# --- recording progress without ever breaking a check ----------------------------------

_warned = False


def record(chapter: str, item: str, kind: str, status: str | None = None, value: str | None = None) -> Recorded:
    """Record one event, waiting at most :data:`~sevencs.course.store.CHECK_WAIT` seconds; never raises.

    When the event cannot be saved at once it is kept (see :mod:`sevencs.course.store`) and a
    warning says where, once until a save works again.
    """
    global _warned
    try:
        outcome = ProgressStore(wait=CHECK_WAIT).record(chapter, item, kind, status, value)
    except Exception as exc:  # recording must never break a check
        outcome = Recorded(False, None, f"{type(exc).__name__}: {exc}")
    if outcome.saved:
        _warned = False
        return outcome
    if not _warned:
        if outcome.kept is not None:
            message = (
                f"{outcome.reason}\n\nYour answer was kept in {outcome.kept.name} beside the progress "
                "file and is added to your progress the next time it can be saved; until then it "
                "still counts in sevencs.progress(). Your work in this notebook is not affected."
            )
        else:
            message = (
                f"{outcome.reason}\n\nThis session keeps your answers and adds them to your "
                "progress as soon as it can be saved, but they are lost if the kernel restarts "
                "before then. Your work in this notebook is not affected."
            )
        warnings.warn(message, ProgressWarning, stacklevel=3)
        _warned = True
    return outcome


# --- describing what a learner handed in --------------------------------------------------


def safe_repr(value: Any) -> str:
    """``repr(value)``, or a description when that fails (a huge int, a broken ``__repr__``)."""
    try:
        return repr(value)
    except Exception:
        pass
    kind = type(value)  # type() never runs the object's own code; isinstance() may
    if issubclass(kind, int):  # longer than Python will print (sys.get_int_max_str_digits)
        try:
            return huge_number(value)
        except Exception:
            pass
    return f"<a {kind.__name__} that cannot be shown>"


def _short(value: Any, limit: int = 60) -> str:
    text = safe_repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_kind(value: Any) -> str:
    """A learner-readable name for the kind of ``value``."""
    name = type(value).__name__
    module = type(value).__module__.split(".")[0]
    if module == "pandas":
        return f"a pandas {name}"
    if module == "numpy" and hasattr(value, "shape") and getattr(value, "shape", ()) != ():
        return "a numpy array"
    if module == "numpy":
        return "a numpy number"
    return {
        "str": "text (a string)",
        "list": "a list",
        "tuple": "a tuple",
        "set": "a set",
        "dict": "a dictionary",
        "bool": "True/False (a boolean)",
        "NoneType": "None",
        "function": "a function",
        "method": "a function",
        "int": "a whole number (an int)",
        "float": "a number with decimals (a float)",
    }.get(name, f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}")


def _kind(value: Any) -> str:
    try:
        return describe_kind(value)
    except Exception:
        return "an object of an unusual kind"


def _exception_text(exc: BaseException, limit: int = 120) -> str:
    try:
        text = str(exc)
    except Exception:
        text = ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _size(value: Any) -> int | None:
    try:
        return len(value)
    except TypeError:
        return None


def _as_number(value: Any) -> float | None:
    """The value as a float if it is a real number (numpy scalars too), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        return float(value)
    if type(value).__module__ == "numpy" and getattr(value, "shape", None) == ():
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return None


def _common_problem(value: Any, wanted: str) -> str | None:
    """Messages for answers that are not even the right kind of thing."""
    if value is None:
        return (
            "Your answer is `None`: the cell ran, but no value was stored. Did you write "
            "the calculation without assigning it with `=`, or call `print()` instead of "
            "keeping the result?"
        )
    if callable(value) and not hasattr(value, "shape"):
        return (
            f"Your answer is a function, not its result. Call it with brackets, "
            f"for example `len(x)` rather than `len`. The question asks for {wanted}."
        )
    return None


# --- exercises -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer and the feedback it gets.

    ``value`` is the answer a learner who makes the mistake gives, computed the way they would
    compute it (a number, a name, a table's shape, an undefined rate...); ``message`` says what
    probably happened. A number matches within the exercise's own tolerance, or within
    ``rel_tol`` when that is given: for a value learners round, such as a moment in months,
    which is then recognised even where the question asks for a whole number.
    """

    value: Any
    message: str
    rel_tol: float | None = None


def _same(answer: Any, value: Any) -> bool:
    """Whether an answer that is not a number is the known wrong ``value``: of its kind, and equal."""
    if not issubclass(type(answer), type(value)):  # type() never runs the answer's own code
        return False
    try:
        return bool(answer == value)
    except Exception:  # an answer whose == fails or gives no True/False is not this mistake
        return False


class Exercise:
    """One exercise. Subclasses set the class attributes and implement :meth:`expected`.

    ``answer_name`` is the variable the learner fills in the notebook;
    ``solution_code`` is real code that assigns it, run by the tests against the
    chapter's ``SETUP`` code; ``hints`` go from gentle to nearly the answer.
    :meth:`mistakes` lists the known wrong answers as :class:`Mistake` records.
    """

    title: ClassVar[str] = ""
    answer_name: ClassVar[str] = "answer"
    hints: ClassVar[Sequence[str]] = ()
    solution_code: ClassVar[str] = ""
    solution_note: ClassVar[str] = ""
    # May use {expected}, formatted with the expected value: e.g. "{expected:.0%}".
    correct_message: ClassVar[str] = "Well done."

    def __init__(self, chapter: str, name: str) -> None:
        self.chapter = chapter
        self.name = name

    @property
    def label(self) -> str:
        """The exercise's id, "connection q2": for progress, tests and the instructor, never shown to learners."""
        return f"{self.chapter} {self.name}"

    @property
    def display_name(self) -> str:
        """The exercise as its notebook names it: ``q2`` is "Exercise 2" (the heading "## Exercise 2 · ...")."""
        number = re.fullmatch(r"q(\d+)", self.name)
        return f"Exercise {number.group(1) if number else self.name}"

    # -- what subclasses provide ---------------------------------------------------------

    def expected(self) -> Any:
        raise NotImplementedError

    def judge(self, answer: Any, expected: Any) -> Feedback:
        """Compare an answer (not the blank) with the expected value."""
        raise NotImplementedError

    def mistakes(self, expected: Any) -> Iterable[Mistake]:
        """The known wrong answers, computed from the expected value and the sample data; none by default."""
        return ()

    @property
    def known_mistakes(self) -> tuple[Mistake, ...]:
        """:meth:`mistakes`, computed once: what the checker matches and the instructor guide lists."""
        if not hasattr(self, "_mistakes_cache"):
            self._mistakes_cache = tuple(self.mistakes(self._expected_value()))
        return self._mistakes_cache

    # -- the learner's API -----------------------------------------------------------------

    def check(self, answer: Any = ...) -> Feedback:
        """Check ``answer``; returns a :class:`Feedback` (shown as a coloured box). Never raises."""
        try:
            feedback = self._check(answer)
        except Exception as exc:  # the last guard: whatever the answer, the learner gets feedback
            feedback = self._feedback(
                Status.INCORRECT,
                f"This answer could not be checked ({type(exc).__name__}). It is {_kind(answer)}. The "
                f"question asks for {getattr(self, 'wanted', 'an answer')}: have a look at the hints.",
            )
        if os.environ.get(EXPECT_CORRECT_ENV) == "1" and not feedback.correct:
            raise AssertionError(f"{self.label} was expected to pass: {feedback}")
        return feedback

    def _check(self, answer: Any) -> Feedback:
        if answer is ...:
            feedback = self._feedback(
                Status.NOT_ANSWERED,
                f"Replace the `...` with your answer (store it in `{self.answer_name}`), then run "
                f"the cell again. Stuck? `ex.{self.name}.hint()` gives a first nudge.",
            )
            solution = views.solution_below_blank(self)  # the published book: the model solution, collapsed
            if solution:
                feedback = SolutionFeedback(feedback.status, feedback.message, feedback.exercise, solution)
            return feedback
        try:
            feedback = self.judge(answer, self._expected_value())
        except Exception as exc:  # an odd object must not crash a learner's notebook
            feedback = self._feedback(
                Status.INCORRECT,
                f"This answer could not be compared with the expected one "
                f"({type(exc).__name__}: {_exception_text(exc)}). It is {_kind(answer)}: "
                f"{_short(answer)}.",
            )
        record(self.chapter, self.name, "attempt", feedback.status.value, _short(answer, 200))
        return feedback

    def hint(self, n: int = 1) -> Note:
        """Hint number ``n`` (1 is the gentlest)."""
        total = len(self.hints)
        if total == 0:
            return Note("hint", f"No hints for {self.display_name}", "Try the solution instead.")
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            n = 1
        shown = min(n, total)
        note = "" if n <= total else f"There are only {total} hints; this is the last one.\n\n"
        more = (
            f"\n\nNext: `ex.{self.name}.hint({shown + 1})`."
            if shown < total
            else (f"\n\nThat was the last hint. `ex.{self.name}.solution()` shows a model answer.")
        )
        record(self.chapter, self.name, "hint", value=str(shown))
        return Note("hint", f"Hint {shown} of {total} ({self.display_name})", note + self.hints[shown - 1] + more)

    def solution(self) -> Note:
        """The model solution as code to copy into the answer cell."""
        record(self.chapter, self.name, "solution")
        return Note("solution", f"Solution ({self.display_name})", self.solution_note, self.solution_code)

    def _expected_value(self) -> Any:
        # The sample data never change within a session, so compute the answer once.
        if not hasattr(self, "_expected_cache"):
            self._expected_cache = self.expected()
        return self._expected_cache

    def _feedback(self, status: Status, message: str) -> Feedback:
        return Feedback(status, message, self.display_name)

    def _repr_html_(self) -> str:
        return Note("info", f"{self.display_name}: {self.title}", self._usage())._repr_html_()

    def _usage(self) -> str:
        return (
            f"Check with `ex.{self.name}.check({self.answer_name})`, ask for a hint with "
            f"`ex.{self.name}.hint()`, see a model answer with `ex.{self.name}.solution()`."
        )

    def __repr__(self) -> str:
        return f"{self.display_name}: {self.title}. {self._usage()}"


def _close(a: float, b: float, rel: float, abs_: float) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


class NumberExercise(Exercise):
    """An exercise whose answer is one number.

    ``whole`` asks for a whole number; ``share`` marks a proportion between 0
    and 1 (which enables the "percentage?" and "the other part?" diagnoses).
    A known mistake whose value is not a number (a table's shape, an undefined
    rate) is recognised before the answer's kind is questioned; one whose value
    is a number, after the answer is found not to be right (and, where a whole
    number is asked for, after an answer with decimals is told so, unless the
    mistake has its own ``rel_tol``).
    """

    whole: ClassVar[bool] = False
    share: ClassVar[bool] = False
    rel_tol: ClassVar[float] = 1e-6
    wanted: ClassVar[str] = "one number"

    def judge(self, answer: Any, expected: float) -> Feedback:
        problem = _common_problem(answer, self.wanted)
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        for mistake in self.known_mistakes:
            if _as_number(mistake.value) is None and _same(answer, mistake.value):
                return self._feedback(Status.INCORRECT, mistake.message)
        if isinstance(answer, int | numbers.Integral) and not isinstance(answer, bool) and abs(int(answer)) > 1e300:
            return self._feedback(
                Status.INCORRECT,
                f"Your answer is {_short(answer)}: far too large to be the answer. Check the "
                "calculation, for example for `**` (a power) where `*` (times) was meant.",
            )
        number = _as_number(answer)
        if number is None:
            return self._feedback(Status.INCORRECT, self._wrong_kind(answer))
        if math.isnan(number):
            return self._feedback(
                Status.INCORRECT,
                "Your answer is NaN ('not a number'): somewhere a calculation had nothing to "
                "work with, such as an average of an empty column or 0 divided by 0.",
            )
        if math.isinf(number):
            return self._feedback(
                Status.INCORRECT,
                "Your answer is infinity: somewhere a number was divided by 0. Check what you divided by.",
            )
        has_decimals = self.whole and number != int(number)
        if not has_decimals and self._matches(number, expected):
            return self._feedback(Status.CORRECT, self.correct_message.format(expected=expected))
        for mistake in self.known_mistakes:
            value = _as_number(mistake.value)
            if value is None or (has_decimals and mistake.rel_tol is None):
                continue  # decimals where a whole number is asked for are the first thing to say
            if self._is_mistake(number, value, mistake.rel_tol):
                return self._feedback(Status.INCORRECT, mistake.message)
        if has_decimals:
            return self._feedback(
                Status.INCORRECT,
                f"Your answer {number:g} has decimals, but the question asks for a whole number.",
            )
        return self._feedback(Status.INCORRECT, self._generic_miss(number, expected))

    def _is_mistake(self, number: float, value: float, rel_tol: float | None) -> bool:
        if rel_tol is None:
            return self._matches(number, value)
        return _close(number, value, rel_tol, 1e-9)

    def _matches(self, number: float, target: float) -> bool:
        if _close(number, target, self.rel_tol, 1e-9):
            return True
        # a share rounded to two or more decimals is still right
        return self.share and any(number == round(target, d) for d in (2, 3, 4))

    def _wrong_kind(self, answer: Any) -> str:
        kind = describe_kind(answer)
        if isinstance(answer, str):
            try:
                float(answer.replace(",", ""))
            except ValueError:
                return f"The question asks for {self.wanted}, but your answer is {kind}: {_short(answer)}."
            return f"Your answer {answer!r} is text, because of the quotes. Remove them so Python sees a number."
        if isinstance(answer, bool):
            return f"The question asks for {self.wanted}, but your answer is {kind}."
        size = _size(answer)
        if size is not None:
            extra = ""
            if size == 1 and isinstance(answer, dict):
                extra = " It holds a single value: take it out, for example with `list(answer.values())[0]`."
            elif size == 1:
                extra = " It holds a single value: take it out, for example with `.iloc[0]` or `[0]`."
            return (
                f"The question asks for {self.wanted}, but your answer is {kind} of {size} "
                f"item{'s' if size != 1 else ''}.{extra} If you meant how many items it holds, "
                "use `len(...)`."
            )
        return f"The question asks for {self.wanted}, but your answer is {kind}: {_short(answer)}."

    def _generic_miss(self, number: float, expected: float) -> str:
        if expected and _close(number, expected * 100, 1e-3, 1e-9):
            return (
                "Your answer is 100 times too large: it looks like a percentage. Give the "
                "share as a number between 0 and 1 (for example 0.25 rather than 25)."
            )
        if self.share and _close(number, 1 - expected, 1e-6, 1e-9):
            return (
                "Your answer is the other part of the whole (1 minus the share asked for). "
                "Check which group the question counts."
            )
        if expected >= 0 > number:
            return "Your answer is negative, but this quantity cannot be below zero."
        if self.share and not 0 <= number <= 1:
            return (
                f"Your answer {number:g} is not between 0 and 1, so it cannot be a share. Did you "
                "count instead of dividing by the total?"
            )
        if self.share and expected and number == round(expected, 1) and number != expected:
            return (
                f"Close: {number:g} is the answer rounded to one decimal, which is too rough for a "
                "share. Give at least two decimals (or leave the number unrounded)."
            )
        direction = "higher" if number > expected else "lower"
        return f"Your answer {number:g} is {direction} than the expected value. Have a look at the hints."


class NameExercise(Exercise):
    """An exercise whose answer is one name (an account, a post type...)."""

    wanted: ClassVar[str] = "one name"

    @staticmethod
    def _normal(value: Any) -> Any:
        return value.strip().lstrip("@").lower() if isinstance(value, str) else value

    def judge(self, answer: Any, expected: Hashable) -> Feedback:
        problem = _common_problem(answer, self.wanted)
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        if isinstance(answer, Hashable) and not isinstance(answer, tuple):
            if self._normal(answer) == self._normal(expected):
                return self._feedback(Status.CORRECT, self.correct_message.format(expected=expected))
            for mistake in self.known_mistakes:
                if self._normal(answer) == self._normal(mistake.value):
                    return self._feedback(Status.INCORRECT, mistake.message)
            if _as_number(answer) is not None and isinstance(expected, str):
                return self._feedback(
                    Status.INCORRECT,
                    f"Your answer is a number ({answer!r}), but the question asks for {self.wanted}. "
                    "Did you pick a score instead of the name next to it?",
                )
            return self._feedback(Status.INCORRECT, f"{_short(answer)} is not the answer. Have a look at the hints.")
        size = _size(answer)
        items = f" of {size} items" if size is not None else ""
        return self._feedback(
            Status.INCORRECT,
            f"The question asks for {self.wanted}, but your answer is {describe_kind(answer)}{items}. "
            "Pick the single name out of it, for example `table['account'].iloc[0]` for the "
            "first row of a table.",
        )
