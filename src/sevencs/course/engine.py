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
the checker matches and the instructor guide prints. Everything else the
feedback says follows from what the answer is, its :class:`Kind` (a count, a
share, a rate, an amount of money...), which each number exercise declares.
Feedback never states a number that would pass the check, and names an
exercise as its notebook does ("Exercise 2"), never by its internal id.

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
    if module == "pandas" and name == "DataFrame":
        return "a pandas DataFrame (a table)"
    if module == "pandas":
        return f"a pandas {name}"
    if module == "networkx":
        return f"a networkx {name} (a whole network)"
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


def _module(value: Any) -> str:
    return type(value).__module__.split(".")[0]


def _is_table(value: Any) -> bool:
    return _module(value) == "pandas" and type(value).__name__ == "DataFrame"


def _is_column(value: Any) -> bool:
    return _module(value) == "pandas" and type(value).__name__ == "Series"


def _is_network(value: Any) -> bool:
    return _module(value) == "networkx"


def _noun(value: Any, size: int) -> str:
    """What a container holds, in its own words: rows (a table), values (a Series) or items."""
    noun = "row" if _is_table(value) else "value" if _is_column(value) else "item"
    return noun if size == 1 else f"{noun}s"


def _holding(value: Any, size: int) -> str:
    """ "187 rows" (a table), "4 values" (a Series), "2 items" (anything else)."""
    return f"{size} {_noun(value, size)}"


#: The answer is looked for only in containers of at most this many values: a summary (one value
#: per type, per column, per month), not a column of raw data, where a match would be chance.
SUMMARY_SIZE = 100


def _contents(value: Any, limit: int = SUMMARY_SIZE) -> list | None:
    """The values a table, a Series, an array, a list, a tuple, a set or a dictionary holds, one by one.

    None for anything else, for more than ``limit`` values, or when they cannot be listed.
    """
    try:
        if _is_table(value) or _is_column(value) or (_module(value) == "numpy" and getattr(value, "shape", ()) != ()):
            if value.size > limit:
                return None
            return list(value.to_numpy().ravel() if _module(value) == "pandas" else value.ravel())
        if isinstance(value, dict):
            return list(value.values()) if len(value) <= limit else None
        if isinstance(value, list | tuple | set | frozenset):
            return list(value) if len(value) <= limit else None
    except Exception:  # an odd container is simply not searched
        return None
    return None


def _is_true_false(value: Any) -> bool:
    return type(value).__name__ in ("bool", "bool_")


def _all_true_false(value: Any) -> bool:
    """Whether a Series, an array or a list holds only True and False (a condition, row by row)."""
    try:
        if _is_column(value) or _module(value) == "numpy":
            return str(value.dtype) in ("bool", "boolean") and len(value) > 0
        if isinstance(value, list | tuple):
            return len(value) > 0 and all(_is_true_false(v) for v in value)
    except Exception:
        return False
    return False


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


def _text_problem(value: Any, wanted: str, hint: str = "") -> str | None:
    """What stops an answer that should be text from being judged: a common problem
    (:func:`_common_problem`), or an answer that is not text at all (then ``hint`` says where text comes from)."""
    problem = _common_problem(value, wanted)
    if problem or isinstance(value, str):
        return problem
    asks = f"The question asks for {wanted}, but your answer is {describe_kind(value)}: {_short(value)}."
    return f"{asks} {hint}" if hint else asks


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
    #: For free text judged by a measure rather than compared with one value (a rewrite judged by its
    #: share of you words): ``expected()`` is then the measure's target; ``target`` says what passes, in
    #: words (it may use {expected} too), and ``example_answer`` is one answer that passes. The
    #: instructor's answer sheet shows both in place of an expected value.
    target: ClassVar[str] = ""
    example_answer: ClassVar[str | None] = None

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
                f"the cell again. Stuck? `ex.{self.name}.help()` (the cell below) shows hints one at a time.",
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

    def help(self) -> object:
        """Buttons for the next hint and the model solution; nothing is saved until one is pressed.

        In the published book: the hints, collapsed.
        """
        return views.help(self)

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
            f"Check with `ex.{self.name}.check({self.answer_name})`; `ex.{self.name}.help()` shows hints "
            "one at a time and the model solution."
        )

    def __repr__(self) -> str:
        return f"{self.display_name}: {self.title}. {self._usage()}"


def _close(a: float, b: float, rel: float, abs_: float) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=abs_)


class Kind(StrEnum):
    """What a number exercise's answer is. The feedback's wording follows from it.

    A number exercise says what it asks for with ``kind`` and, in a few words, ``unit``::

        kind = Kind.COUNT   # unit: what is counted, "posts"
        kind = Kind.SHARE   # a part of a whole, between 0 and 1 (no unit needed)
        kind = Kind.RATE    # unit: "shares per post"
        kind = Kind.MONEY   # unit: the currency, "pounds"
        kind = Kind.WHOLE   # unit: what the whole number is, "the month"
        kind = Kind.NUMBER  # unit: what the number is, "the coefficient of imitation"

    From these come what the question asks for (:meth:`wanted`), whether an answer with
    decimals is wrong, whether ``len(...)`` can be the advice, what a number 100 times too
    large probably is (a percentage, or pence) and whether a negative answer is impossible.
    """

    COUNT = "count"  # how many of something: a whole number, never below 0
    WHOLE = "whole number"  # a whole number that is not a count, such as a month
    SHARE = "share"  # a part of a whole: between 0 and 1 (0.25 is a quarter)
    RATE = "rate"  # so much of one thing per another (shares per post): never below 0, often above 1
    MONEY = "money"  # an amount of money
    NUMBER = "number"  # any other number (a score, a coefficient)

    @property
    def whole(self) -> bool:
        return self in (Kind.COUNT, Kind.WHOLE)

    @property
    def never_negative(self) -> bool:
        return self in (Kind.COUNT, Kind.SHARE, Kind.RATE)

    def wanted(self, unit: str = "") -> str:
        """What a question with answers of this kind asks for, as the feedback says it."""
        if self is Kind.MONEY:
            return f"one amount of money in {unit or 'pounds'}, as a plain number"
        base = {
            Kind.COUNT: "one whole number",
            Kind.WHOLE: "one whole number",
            Kind.SHARE: "one number between 0 and 1",
        }.get(self, "one number")
        if not unit:
            return base
        return f"{base} (how many {unit})" if self is Kind.COUNT else f"{base} ({unit})"


class NumberExercise(Exercise):
    """An exercise whose answer is one number, of the :class:`Kind` set in ``kind``.

    ``kind`` and ``unit`` say what the answer is; what the question asks for (``wanted``) and
    the feedback's wording follow from them, so an exercise does not set ``wanted``, ``whole``
    or ``share`` itself. A known mistake whose value is not a number (a table's shape, an
    undefined rate) is recognised before the answer's kind is questioned; one whose value is a
    number, after the answer is found not to be right (and, where a whole number is asked for,
    after an answer with decimals is told so, unless the mistake has its own ``rel_tol``).
    """

    kind: ClassVar[Kind] = Kind.NUMBER
    unit: ClassVar[str] = ""
    rel_tol: ClassVar[float] = 1e-6
    wanted: ClassVar[str] = Kind.NUMBER.wanted()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("wanted", "whole", "share"):
            if name in vars(cls):
                raise TypeError(
                    f"{cls.__name__} sets {name!r}: say what its answer is with `kind` and `unit` instead, "
                    "and the feedback's wording follows from them"
                )
        cls.wanted = cls.kind.wanted(cls.unit)

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
            return self._feedback(Status.INCORRECT, self._wrong_kind(answer, expected))
        if math.isnan(number):
            return self._feedback(
                Status.INCORRECT,
                "Your answer is NaN ('not a number'): somewhere a calculation had nothing to "
                "work with, such as an average of an empty column or 0 divided by 0. If you picked "
                "rows by comparing with a word, check that it is written exactly as in the table, "
                "capitals included.",
            )
        if math.isinf(number):
            return self._feedback(
                Status.INCORRECT,
                "Your answer is infinity: somewhere a number was divided by 0. Check what you divided by.",
            )
        has_decimals = self.kind.whole and number != int(number)
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
        return self.kind is Kind.SHARE and any(number == round(target, d) for d in (2, 3, 4))

    # -- an answer that is not a number ------------------------------------------------------

    def _wrong_kind(self, answer: Any, expected: float) -> str:
        if isinstance(answer, str):
            return self._text(answer)
        kind = describe_kind(answer)
        asks = f"The question asks for {self.wanted}, but your answer is {kind}"
        if isinstance(answer, bool):
            return f"{asks}."
        if _is_network(answer):
            return f"{asks}, not a number worked out from it. The hints name the calculation to run on the network."
        size = _size(answer)
        if size is None:
            return f"{asks}: {_short(answer)}."
        if self._matches(float(size), expected):
            # its length would pass the check: never say it
            if self.kind is Kind.COUNT:
                return f"{asks}. Count its {_noun(answer, size)} with `len(...)`."
            return f"{asks}. Have a look at the hints."
        return f"{asks} of {_holding(answer, size)}. {self._inside(answer, size, expected)}"

    def _text(self, answer: str) -> str:
        """Text that may be a number: say what to drop (the quotes, a £ or % sign, commas), never the number."""
        text = answer.strip()
        sign = next((s for s in "£$€" if s in text), "")
        percent = text.endswith("%")
        bare = text.replace(",", "").replace(" ", "").replace(sign or "£", "").removesuffix("%")
        try:
            float(bare)
        except ValueError:
            return f"The question asks for {self.wanted}, but your answer is text (a string): {_short(answer)}."
        if sign:
            return (
                f"Your answer is text, because of the quotes and the {sign} sign. Drop both (and any commas), "
                f"so that Python sees a number: the question asks for {self.wanted}."
            )
        if percent and self.kind is Kind.SHARE:
            return (
                "Your answer is text, because of the quotes and the % sign. Give the share as a plain number "
                "between 0 and 1 instead: 0.25 rather than '25%'."
            )
        if percent:
            return (
                "Your answer is text, because of the quotes and the % sign. Drop both and give "
                f"{self.wanted}, without multiplying by 100."
            )
        commas = " (and the commas)" if "," in text else ""
        return f"Your answer is text, because of the quotes. Remove them{commas} so Python sees a number."

    def _inside(self, answer: Any, size: int, expected: float) -> str:
        """What to do with a container whose length is not the answer: what is inside it, or the hints."""
        if size == 1 and isinstance(answer, dict):
            return "It holds a single value: take it out, for example with `list(answer.values())[0]`."
        if size == 1:
            return "It holds a single value: take it out, for example with `.iloc[0]` or `[0]`."
        # a whole number among a table's cells is likely to be chance (an id, a count of something else)
        values = None if self.kind.whole and _is_table(answer) else _contents(answer)
        if values is not None:
            numbers_inside = [_as_number(v) for v in values if not _is_true_false(v)]
            if any(n is not None and not math.isnan(n) and self._matches(n, expected) for n in numbers_inside):
                return f"The number asked for is one of its values: {self._how_to_pick(answer, expected)}"
        if self.kind.whole:
            for mistake in self.known_mistakes:
                if _as_number(mistake.value) == size:
                    return f"Counting its {_holding(answer, size)} would not give the answer either. {mistake.message}"
        if _all_true_false(answer):
            if self.kind is Kind.SHARE:
                return "It holds True or False for each row: its `.mean()` is the share of True."
            if self.kind is Kind.COUNT:
                return "It holds True or False for each row: its `.sum()` counts the True ones."
        if values is not None:
            return "None of its values is the number asked for: have a look at the hints."
        return "Have a look at the hints."

    def _how_to_pick(self, answer: Any, expected: float) -> str:
        if _is_table(answer):
            for column, values in answer.items():
                found = [_as_number(v) for v in values.tolist()]
                if any(n is not None and self._matches(n, expected) for n in found):
                    return (
                        f"it is in the `{column}` column. Pick it out with `.loc[row, column]`, "
                        "the row's label and the column's name."
                    )
            return "pick it out with `.loc[row, column]`, the row's label and the column's name."
        if _is_column(answer):
            return "pick it out by its label, with `.loc[label]`."
        if isinstance(answer, dict):
            return "pick it out by its key, with `[key]`."
        return "pick it out by its position, with `[position]` (counting from 0)."

    # -- a number that is not the answer -------------------------------------------------------

    def _hundred_times(self, number: float, expected: float) -> str | None:
        """What an answer about 100 times the expected one probably is, for this kind of answer."""
        hundred = 100 * expected
        exact = _close(number, hundred, 1e-3, 1e-9)
        rounded = abs(number) > 1 and abs(number - hundred) < 1  # a whole percentage, 29 for 0.2919
        if not expected or not (exact or rounded) or self.kind.whole:
            return None
        if self.kind is Kind.SHARE:
            rounded_off = (
                ", and keep its decimals rather than rounding to a whole percentage" if number == int(number) else ""
            )
            return (
                f"Your answer looks like a percentage. Give the share as a number between 0 and 1 "
                f"(0.25 rather than 25){rounded_off}."
            )
        if self.kind is Kind.RATE:
            return (
                f"Your answer looks like a percentage: about 100 times the rate. Give the rate as a plain "
                f"number of {self.unit or 'the units asked for'}, without multiplying by 100."
            )
        if self.kind is Kind.MONEY:
            return (
                f"Your answer is about 100 times too large: is it in pence? Give the amount in {self.unit or 'pounds'}."
            )
        return (
            "Your answer is about 100 times too large: did you multiply by 100, as for a percentage? "
            "Give it as a plain number."
        )

    def _generic_miss(self, number: float, expected: float) -> str:
        hundred = self._hundred_times(number, expected)
        if hundred:
            return hundred
        share = self.kind is Kind.SHARE
        if share and _close(number, 1 - expected, 1e-6, 1e-9):
            return (
                "Your answer is the other part of the whole (1 minus the share asked for). "
                "Check which group the question counts."
            )
        if self.kind.never_negative and expected >= 0 > number:
            return "Your answer is negative, but this quantity cannot be below zero."
        if number == 0 and expected > 0 and self.kind in (Kind.COUNT, Kind.SHARE, Kind.RATE):
            return (
                "Your answer is 0, as if nothing was counted. If you picked rows by comparing with a word, "
                "write the word exactly as it is in the table, capitals and spaces included: "
                "`'Promotional'` does not match `'promotional'`."
            )
        if share and 1 < number <= 100:
            return (
                f"Your answer {number:g} is not between 0 and 1, so it cannot be a share. If it is a "
                f"percentage, divide it by 100 ({number:g}% is {number / 100:g}); if it is a count, divide "
                "it by the total it is part of."
            )
        if share and not 0 <= number <= 1:
            return (
                f"Your answer {number:g} is not between 0 and 1, so it cannot be a share. Did you "
                "count instead of dividing by the total?"
            )
        if share and expected and number == round(expected, 1) and number != expected:
            return (
                f"Close: {number:g} is the answer rounded to one decimal, which is too rough for a "
                "share. Give at least two decimals (or leave the number unrounded)."
            )
        direction = "higher" if number > expected else "lower"
        return f"Your answer {number:g} is {direction} than the expected value. Have a look at the hints."


def _loose(value: str) -> str:
    """A name without case, an @, spaces, underscores, hyphens or dots: to spot the right name typed differently."""
    return re.sub(r"[\s_.\-]+", "", value.strip().lstrip("@").lower())


class NameExercise(Exercise):
    """An exercise whose answer is one name (an account, a post type...).

    ``unit`` says what kind of name, "account name"; what the question asks for (``wanted``)
    follows from it. Case, an @ in front and spaces around the name do not matter.
    """

    unit: ClassVar[str] = "name"
    wanted: ClassVar[str] = "one name (text, in quotes)"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "wanted" in vars(cls):
            raise TypeError(f"{cls.__name__} sets 'wanted': say what kind of name with `unit` instead")
        cls.wanted = f"one {cls.unit} (text, in quotes)"

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
            if isinstance(answer, str) and isinstance(expected, str) and _loose(answer) == _loose(expected):
                return self._feedback(
                    Status.INCORRECT,
                    f"Nearly: {_short(answer)} looks like the right name, written with different spacing. A name "
                    "must be written exactly as in the table, `_` and `-` included: copy it from the table, "
                    "or better, pick it out of the table with code.",
                )
            if isinstance(answer, str):
                for mistake in self.known_mistakes:
                    if isinstance(mistake.value, str) and _loose(answer) == _loose(mistake.value):
                        return self._feedback(Status.INCORRECT, mistake.message)
            if _as_number(answer) is not None and isinstance(expected, str):
                return self._feedback(
                    Status.INCORRECT,
                    f"Your answer is a number ({answer!r}), but the question asks for {self.wanted}. "
                    "Did you pick a score instead of the name next to it?",
                )
            return self._feedback(Status.INCORRECT, f"{_short(answer)} is not the answer. Have a look at the hints.")
        asks = f"The question asks for {self.wanted}, but your answer is {describe_kind(answer)}"
        if _is_network(answer):
            return self._feedback(Status.INCORRECT, f"{asks}, not a name picked out of it. Have a look at the hints.")
        size = _size(answer)
        items = f" of {_holding(answer, size)}" if size is not None else ""
        return self._feedback(Status.INCORRECT, f"{asks}{items}. {self._inside(answer, expected)}")

    def _inside(self, answer: Any, expected: Hashable) -> str:
        """Where in a table, a Series or a list the name asked for is, and how to take it out (never which row)."""
        target = self._normal(expected)

        def holds(values: Iterable) -> bool:
            return any(self._normal(v) == target for v in values)

        try:
            if _is_table(answer):
                for column, values in answer.items():
                    if holds(values.tolist()):
                        name = _short(column)
                        return (
                            f"The name asked for is in it: pick it out of the `{column}` column with "
                            f"`[{name}].iloc[n]`, the name in row n (counting from 0). Check which row the "
                            "question asks for."
                        )
                if holds(answer.index.tolist()):
                    return (
                        "The name asked for is in it, among its row labels (its index): `.index[n]` is the name "
                        "in row n (counting from 0). Check which row the question asks for."
                    )
                scanned = True
            elif _is_column(answer):
                if holds(answer.tolist()):
                    return "The name asked for is in it: `.iloc[n]` is the name in position n (counting from 0)."
                if holds(answer.index.tolist()):
                    return (
                        "The name asked for is in it, among its labels (its index): `.index[n]` is the name in "
                        "position n (counting from 0), and `.idxmax()` the name with the highest value."
                    )
                scanned = True
            else:
                values = _contents(answer)
                if values is not None and holds(values):
                    return "The name asked for is in it: pick it out by its position, with `[n]` (counting from 0)."
                scanned = values is not None
        except Exception:  # an odd container is simply not searched
            scanned = False
        if scanned:
            return "The name asked for is not in it: have a look at the hints."
        return "Pick the single name out of it: the hints say how."
