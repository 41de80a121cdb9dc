"""What a learner sees of their progress: one call to look, one to reset a chapter.

>>> import sevencs
>>> sevencs.my_progress()                          # a table per chapter
>>> sevencs.reset_chapter("connection", confirm=True)

The rows come from :mod:`sevencs.store`; the totals (how many exercises and
questions a chapter has) from the chapter modules in :mod:`sevencs.exercises`.
"""

from __future__ import annotations

import html
import importlib
from dataclasses import dataclass

import pandas as pd

from sevencs.exercises import CHAPTERS
from sevencs.exercises.engine import Exercise, Note
from sevencs.questions import Question, Reflection
from sevencs.store import ProgressStore

COLUMNS = ["chapter", "exercises passed", "exercises tried", "hints seen", "solutions seen",
           "self-checks right", "reflection saved"]


def chapter_items(chapter: str) -> dict[str, list]:
    """The exercises, questions and reflections a chapter module defines."""
    if chapter not in CHAPTERS:
        raise ValueError(f"there is no chapter {chapter!r}; chapters: {', '.join(CHAPTERS)}")
    module = importlib.import_module(f"sevencs.exercises.{chapter}")
    values = list(vars(module).values())
    return {
        "exercises": [v for v in values if isinstance(v, Exercise)],
        "questions": [v for v in values if isinstance(v, Question)],
        "reflections": [v for v in values if isinstance(v, Reflection)],
    }


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
        return (
            f"<p><strong>Your progress</strong> (saved in <code>{html.escape(self.path)}</code>)</p>"
            + self.table.to_html(index=False, escape=True, border=0)
        )


def my_progress(store: ProgressStore | None = None) -> ProgressReport:
    """Progress per chapter: exercises passed and tried, hints, solutions, self-checks, reflection."""
    store = store or ProgressStore()
    summary = store.summary()
    rows = []
    for chapter in CHAPTERS:
        items = chapter_items(chapter)
        done = summary[summary["chapter"] == chapter].set_index("item")

        def flag(item: str, column: str) -> bool:
            return bool(item in done.index and done.at[item, column])

        exercises = [e.name for e in items["exercises"]]
        questions = [q.name for q in items["questions"]]
        rows.append(
            {
                "chapter": chapter,
                "exercises passed": f"{sum(flag(n, 'passed') for n in exercises)} of {len(exercises)}",
                "exercises tried": f"{sum(n in done.index and done.at[n, 'attempts'] > 0 for n in exercises)}"
                f" of {len(exercises)}",
                "hints seen": int(sum(done.at[n, "hints_seen"] for n in exercises if n in done.index)),
                "solutions seen": sum(flag(n, "solution_seen") for n in exercises),
                "self-checks right": f"{sum(flag(n, 'quiz_right') for n in questions)} of {len(questions)}",
                "reflection saved": "yes" if any(flag(r.name, "reflection_saved")
                                                 for r in items["reflections"]) else "not yet",
            }
        )
    return ProgressReport(pd.DataFrame(rows, columns=COLUMNS), str(store.path))


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
