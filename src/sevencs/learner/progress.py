"""What a learner sees of their progress: one call to look, one to reset a chapter.

>>> import sevencs
>>> sevencs.my_progress()                          # a table per chapter
>>> sevencs.reset_chapter("connection", confirm=True)

In a live notebook ``sevencs.progress()`` also shows a form with a button that saves
a progress file to hand in (:mod:`sevencs.learner.handin`), so nobody needs a
terminal; the published book shows no form.

The rows come from :mod:`sevencs.course.store`; the totals (how many exercises and
questions a chapter has) from the chapter modules in :mod:`sevencs.exercises`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup

from sevencs.cells import as_int
from sevencs.chapters import CHAPTERS
from sevencs.course import views
from sevencs.course.engine import Note
from sevencs.course.store import ProgressStore
from sevencs.exercises import chapter_items
from sevencs.learner import handin
from sevencs.render.edition import in_book
from sevencs.render.html import render

if TYPE_CHECKING:  # figures pull in matplotlib: loaded only when a chart is drawn
    from sevencs.figures import FigureImage
    from sevencs.render.forms import ProgressWidget, ResetWidget

COLUMNS = [
    "chapter",
    "exercises passed",
    "exercises tried",
    "hints seen",
    "solutions seen",
    "self-checks right",
    "reflection saved",
]
#: The numeric table behind :func:`progress` (one row per chapter, in course order).
COUNTS = [
    "chapter",
    "exercises",
    "tried",
    "passed",
    "hints seen",
    "solutions seen",
    "self-checks",
    "self-checks right",
    "quiz score",
    "reflection saved",
]


def progress_counts(store: ProgressStore | None = None) -> pd.DataFrame:
    """Progress per chapter as numbers: one row per chapter in course order (columns :data:`COUNTS`).

    ``tried`` and ``passed`` count exercises (an exercise counts once, however often it was
    checked); ``hints seen`` counts different hints; a self-check counts as right once it has been
    answered right, whatever was picked after; ``quiz score`` is self-checks right ÷ self-checks in
    the chapter, between 0 and 1 (NaN for a chapter without self-checks).
    """
    summary = (store or ProgressStore()).summary()
    rows = []
    for chapter in CHAPTERS:
        items = chapter_items(chapter)
        done = summary[summary["chapter"] == chapter].set_index("item")

        def flag(item: str, column: str, done: pd.DataFrame = done) -> bool:
            return item in done.index and bool(done.at[item, column])

        def count(item: str, column: str, done: pd.DataFrame = done) -> int:
            return as_int(done.at[item, column]) if item in done.index else 0

        exercises = [e.name for e in items["exercises"]]
        questions = [q.name for q in items["questions"]]
        right = sum(flag(n, "quiz_right") for n in questions)
        rows.append(
            {
                "chapter": chapter,
                "exercises": len(exercises),
                "tried": sum(count(n, "attempts") > 0 for n in exercises),
                "passed": sum(flag(n, "passed") for n in exercises),
                "hints seen": sum(count(n, "hints_seen") for n in exercises),
                "solutions seen": sum(flag(n, "solution_seen") for n in exercises),
                "self-checks": len(questions),
                "self-checks right": right,
                "quiz score": right / len(questions) if questions else math.nan,
                "reflection saved": any(flag(r.name, "reflection_saved") for r in items["reflections"]),
            }
        )
    return pd.DataFrame(rows, columns=COUNTS)


@dataclass(frozen=True)
class ProgressReport:
    """A table of progress per chapter; shown as HTML in a notebook."""

    table: pd.DataFrame
    path: str

    def __str__(self) -> str:
        return f"Your progress (saved in {self.path}):\n{self.table.to_string(index=False)}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        if in_book():
            return render("progress.html", in_book=True)
        return _progress_html(self.path, self.table)


def _progress_html(path: str, table: pd.DataFrame, figure: Markup | None = None) -> str:
    """Where the progress is saved, the chart (HTML, when given) and the table."""
    rows = table.itertuples(index=False, name=None)
    return render("progress.html", in_book=False, path=path, figure=figure, columns=list(table.columns), rows=rows)


def my_progress(store: ProgressStore | None = None) -> ProgressReport:
    """Progress per chapter: exercises passed and tried, hints, solutions, self-checks, reflection."""
    store = store or ProgressStore()
    counts = progress_counts(store)
    table = pd.DataFrame(
        {
            "chapter": counts["chapter"],
            "exercises passed": [f"{p} of {n}" for p, n in zip(counts["passed"], counts["exercises"])],
            "exercises tried": [f"{t} of {n}" for t, n in zip(counts["tried"], counts["exercises"])],
            "hints seen": counts["hints seen"],
            "solutions seen": counts["solutions seen"],
            "self-checks right": [f"{r} of {n}" for r, n in zip(counts["self-checks right"], counts["self-checks"])],
            "reflection saved": ["yes" if s else "not yet" for s in counts["reflection saved"]],
        },
        columns=COLUMNS,
    )
    return ProgressReport(table, str(store.path))


def _text_bar(part: int, whole: int, width: int = 10) -> str:
    filled = round(width * part / whole) if whole else 0
    return "#" * filled + "." * (width - filled)


@dataclass(frozen=True)
class ProgressOverview:
    """Your progress in numbers (``.table``) and as a bar chart (``.figure()``).

    In a notebook it shows the chart and the table; ``print()`` gives a plain-text
    version with a bar of ``#`` per chapter (what ``sevencs progress`` prints).
    """

    table: pd.DataFrame
    path: str
    store: ProgressStore | None = field(default=None, repr=False, compare=False)

    def _shown(self) -> pd.DataFrame:
        t = self.table
        return pd.DataFrame(
            {
                "chapter": t["chapter"],
                "exercises passed": [f"{p} of {n}" for p, n in zip(t["passed"], t["exercises"])],
                "tried": [f"{p} of {n}" for p, n in zip(t["tried"], t["exercises"])],
                "hints seen": t["hints seen"],
                "solutions seen": t["solutions seen"],
                "self-checks right": [
                    f"{r} of {n}" if n else "none in this chapter"
                    for r, n in zip(t["self-checks right"], t["self-checks"])
                ],
                "reflection": ["saved" if s else "not yet" for s in t["reflection saved"]],
            }
        )

    def __str__(self) -> str:
        width = max(len(c) for c in self.table["chapter"])
        lines = [f"Your progress (saved in {self.path})", ""]
        for _, row in self.table.iterrows():
            quiz = (
                f"self-checks {row['self-checks right']} of {row['self-checks']}"
                if row["self-checks"]
                else "no self-checks"
            )
            lines.append(
                f"{row['chapter']:<{width}}  [{_text_bar(row['passed'], row['exercises'])}]  "
                f"{row['passed']} of {row['exercises']} passed, {row['tried']} tried, "
                f"{row['hints seen']} hints, {row['solutions seen']} solutions seen, {quiz}, "
                f"reflection {'saved' if row['reflection saved'] else 'not yet'}"
            )
        lines += ["", "Each bar shows the share of the chapter's exercises you have passed."]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return str(self)

    def figure(self) -> FigureImage:
        """One group of horizontal bars per chapter: exercises tried, passed, self-checks right."""
        from sevencs.figures.progress import progress_figure

        return progress_figure(self.table)

    def _repr_html_(self) -> str:
        if in_book():
            return render("progress.html", in_book=True)
        return _progress_html(self.path, self._shown(), self.figure()._repr_html_())

    def view(self, html: str | None = None) -> ProgressWidget | None:
        """The live notebook's view: the chart and table (``html``, drawn when not given), and a button to
        save a progress file to hand in. None in the published book."""
        store = self.store or ProgressStore(self.path)
        if in_book():
            return None
        name = handin.learner_name(None, store)  # the name given last time, or the hub user name
        if name == handin.ANONYMOUS:
            name = ""  # the box stays empty for the learner to fill

        def save(name: str, with_reflections: bool) -> str:
            return handin.export(name=name, with_reflections=with_reflections, store=store)._repr_html_()

        return views.progress(html if html is not None else self._repr_html_(), name, save)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        """A live notebook gets :meth:`view` (a widget); where widgets do not show, the HTML is there too."""
        if in_book():
            return {}  # IPython adds the text and the HTML of _repr_html_
        html = self._repr_html_()
        view = self.view(html)
        bundle = dict(view._repr_mimebundle_(include=include, exclude=exclude) or {}) if view is not None else {}
        bundle["text/plain"] = str(self)
        bundle["text/html"] = html
        return bundle


def progress(store: ProgressStore | None = None) -> ProgressOverview:
    """Your progress: a bar per chapter and a table (exercises tried and passed, hints, solutions seen,
    self-check score, reflection). In a notebook: ``sevencs.progress()``; in a terminal: ``sevencs progress``.
    """
    store = store or ProgressStore()
    return ProgressOverview(progress_counts(store), str(store.path), store)


def reset_chapter(chapter: str, confirm: bool = False, store: ProgressStore | None = None) -> Note:
    """Start a chapter afresh. Nothing is deleted: the old rows are kept in ``reset_events``."""
    chapter_items(chapter)  # a clear error for a misspelt chapter
    if not confirm:
        return Note(
            "info",
            f"Reset {chapter}?",
            f"This clears your checks, hints, answers and reflection for {chapter}. Your old "
            f"progress is kept in the file's archive, not deleted. To go ahead, run "
            f"`sevencs.reset_chapter({chapter!r}, confirm=True)`.",
        )
    moved = (store or ProgressStore()).reset(chapter)
    return Note("info", f"{chapter} reset", f"{moved} saved events were moved to the archive.")


def reset(chapter: str, confirm: bool = False, store: ProgressStore | None = None) -> Note | ResetWidget:
    """Start a chapter over.

    ``sevencs.reset("connection")`` returns a small widget with a button "Yes, start connection
    over": nothing happens until it is clicked. ``sevencs.reset("connection", confirm=True)``
    resets at once. Either way nothing is deleted: the chapter's rows move to the archive
    table ``reset_events`` of the progress file.
    """
    chapter_items(chapter)  # a clear error for a misspelt chapter, before any widget is drawn
    if confirm:
        return reset_chapter(chapter, confirm=True, store=store)
    return views.reset(chapter, lambda: reset_chapter(chapter, confirm=True, store=store))
