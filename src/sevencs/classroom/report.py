"""The class completion report: many learners' exports in, one page and one CSV out.

    sevencs report exports/*.json --out report/

For each exercise it counts the learners who attempted it, passed it, needed a
hint and revealed the solution, and lists the hardest first: the lowest pass
rate, where

    pass rate = learners who passed ÷ learners who attempted

(undefined when nobody attempted; those exercises come last), then the most
solutions revealed. For each chapter it counts the learners who started it
(any event in it) and who completed it (passed every one of its exercises).

Every learner is one export file. Two files with the same learner name are
counted as two learners and flagged, because the report cannot tell a repeat
hand-in from two people with one name. Files that are not exports are listed by
name with the reason and skipped; one bad file never stops the report.
"""

from __future__ import annotations

import math
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pandas as pd

from sevencs.atomic import write_text_atomically
from sevencs.cells import as_int
from sevencs.classroom.exports import ANONYMOUS, FORMAT_VERSION, ExportError, LearnerExport, read_export
from sevencs.exercises import CHAPTERS, chapter_items
from sevencs.figures import FigureImage
from sevencs.figures.report import hardest_exercises_figure
from sevencs.render.html import render
from sevencs.untrusted import plain, shown_path, spreadsheet_safe

HTML_NAME = "class-report.html"
CSV_NAME = "class-report.csv"
#: How many of the hardest exercises the chart shows (the table lists them all).
CHART_ROWS = 15
EXERCISE_COLUMNS = [
    "rank",
    "chapter",
    "exercise",
    "title",
    "learners",
    "attempted",
    "passed",
    "pass_rate",
    "needed_hints",
    "saw_solution",
]
CHAPTER_COLUMNS = ["chapter", "exercises", "learners", "started", "not_started", "completed", "mean_share_passed"]


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, and why."""

    path: Path
    reason: str


def _entry_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as an export without opening it, or None for an ordinary file."""
    try:
        info = os.stat(path)  # follows links: a link is judged by what it points to
    except FileNotFoundError:
        return "a link to a file that does not exist" if os.path.islink(path) else "there is no such file or folder"
    except OSError as exc:
        return f"it could not be looked at ({exc.strerror or exc})"
    if stat.S_ISDIR(info.st_mode):
        return "a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "not an ordinary file (a device, pipe or socket), so it was not opened"
    return None


def collect_files(sources: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Skipped], list[str]]:
    """The export files named by ``sources``: files as given, folders as their ``*.json`` files.

    In a folder, names ending in ``.json`` in any case (``Name.JSON``) are exports to read;
    an entry that is not an ordinary file (a folder named ``x.json``, a broken link, a pipe,
    a link to a device) is returned as :class:`Skipped` with the reason, never opened. Returns
    the files (each once), the skipped entries, and notes on the other entries of the folders.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                skipped.append(Skipped(path, f"the folder could not be listed ({exc.strerror or exc})"))
                continue
            candidates = [e for e in entries if e.name.lower().endswith(".json")]
            others = [e for e in entries if not e.name.lower().endswith(".json")]
            if others:
                notes.append(
                    f"{len(others)} other entries of {shown_path(path, whole=True)} were not read "
                    f"because their names do not end in .json: {_files_list(others)}."
                )
        else:
            candidates = [path]
        for item in candidates:
            problem = _entry_problem(item)
            if problem:
                skipped.append(Skipped(item, problem))
                continue
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files, skipped, notes


def _course_exercises() -> list[tuple[str, str, str]]:
    """``(chapter, exercise, title)`` for every exercise of this version of the course, in order."""
    return [(c, e.name, e.title) for c in CHAPTERS for e in chapter_items(c)["exercises"]]


def _files_list(paths: list[Path], limit: int = 5) -> str:
    names = [shown_path(p) for p in paths[:limit]]
    more = f" and {len(paths) - limit} more" if len(paths) > limit else ""
    return ", ".join(names) + more


@dataclass
class ClassReport:
    """The counts (``.exercises``, ``.chapters``), who was read, what was skipped and why."""

    exercises: pd.DataFrame
    chapters: pd.DataFrame
    learners: list[LearnerExport]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: One line per file for the exercises a file mentions that this course does not have.
    not_in_course: list[str] = field(default_factory=list)

    # -- the chart ----------------------------------------------------------------------

    def figure(self, rows: int = CHART_ROWS) -> FigureImage:
        """The hardest exercises as horizontal bars: learners who passed, needed hints, saw the solution."""
        return hardest_exercises_figure(self.exercises.head(rows), len(self.learners))

    # -- writing ------------------------------------------------------------------------

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"Read {len(self.learners)} exports; skipped {len(self.skipped)}."]
        lines += [f"  skipped {shown_path(s.path)}: {s.reason}" for s in self.skipped]
        lines += [f"  note: {n}" for n in self.notes]
        lines += [f"  not in this course: {n}" for n in self.not_in_course]
        hardest = self.exercises.head(5)
        if not hardest.empty:
            lines.append("Hardest exercises (lowest pass rate first):")
            for _, row in hardest.iterrows():
                rate = "no attempts" if math.isnan(row["pass_rate"]) else f"{row['pass_rate']:.0%} passed"
                lines.append(
                    f"  {row['chapter']} {row['exercise']}: {rate} "
                    f"({row['passed']} of {row['attempted']} who tried), "
                    f"{row['needed_hints']} needed hints, {row['saw_solution']} saw the solution"
                )
        return "\n".join(lines)

    def to_html(self) -> str:
        """A standalone page: summary, chart (embedded PNG with alt text), tables. All text escaped."""
        exercises = self.exercises.assign(
            pass_rate=[("—" if math.isnan(r) else f"{r:.0%}") for r in self.exercises["pass_rate"]]
        )
        chapters = self.chapters.assign(mean_share_passed=[f"{r:.0%}" for r in self.chapters["mean_share_passed"]])
        return render(
            "class_report.html",
            learners=len(self.learners),
            skipped=[(shown_path(s.path), s.reason) for s in self.skipped],
            notes=self.notes,
            not_in_course=self.not_in_course,
            figure=self.figure()._repr_html_(),
            chapters={"columns": list(chapters.columns), "rows": chapters.itertuples(index=False, name=None)},
            exercises={"columns": list(exercises.columns), "rows": exercises.itertuples(index=False, name=None)},
        )

    def save(self, folder: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``class-report.html`` and ``class-report.csv`` into ``folder``; returns both paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        page = write_text_atomically(self.to_html(), folder / HTML_NAME)
        # names and labels come from learners' files: no cell may run as a spreadsheet formula
        table = write_text_atomically(spreadsheet_safe(self.exercises).to_csv(index=False), folder / CSV_NAME)
        return page, table


def _notes(learners: list[LearnerExport]) -> list[str]:
    notes = []
    by_name: dict[str, list[LearnerExport]] = {}
    for learner in learners:
        by_name.setdefault(learner.learner.casefold(), []).append(learner)
    for group in by_name.values():
        if len(group) > 1:
            files = _files_list([g.path for g in group])
            if group[0].learner == ANONYMOUS:
                notes.append(
                    f"{len(group)} exports have no learner name ({files}); each is counted as its own learner."
                )
            else:
                notes.append(
                    f"{len(group)} exports are named {group[0].learner!r} ({files}): counted as "
                    f"{len(group)} learners. If one person handed in twice, remove the older "
                    "file and run the report again."
                )
    older = [x.path for x in learners if x.older]
    if older:
        notes.append(
            f"{len(older)} exports come from an older format (before version {FORMAT_VERSION}): "
            f"{_files_list(older)}. They were read for what they contain."
        )
    newer = [x.path for x in learners if x.newer]
    if newer:
        notes.append(
            f"{len(newer)} exports come from a newer version of the course: {_files_list(newer)}. "
            "What this version understands was read; update sevencs to read everything."
        )
    for x in learners:
        notes.extend(f"{shown_path(x.path)}: {n}" for n in x.notes)
    return notes


def build_report(
    files: Iterable[str | os.PathLike],
    on_progress: Callable[[int, int], None] | None = None,
    every: int = 50,
) -> ClassReport:
    """Read every export in ``files`` (files or folders) and count; bad files are skipped, not fatal.

    Each file is read inside its own guard: whatever is wrong with it becomes a skipped
    file with its reason. ``on_progress(done, total)`` is called after every ``every``
    files and after the last.
    """
    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a whole number of at least 1, not {every!r}")
    paths, skipped, folder_notes = collect_files(files)
    learners: list[LearnerExport] = []
    for done, path in enumerate(paths, 1):
        try:
            learners.append(read_export(path))
        except ExportError as exc:
            skipped.append(Skipped(path, str(exc).removeprefix(f"{shown_path(path)}: ")))
        except RecursionError:
            skipped.append(Skipped(path, "it is nested far too deeply to be a progress export"))
        except Exception as exc:  # one odd file never stops the report
            skipped.append(Skipped(path, f"it could not be read ({type(exc).__name__}: {plain(exc, limit=120)})"))
        if on_progress and (done % every == 0 or done == len(paths)):
            on_progress(done, len(paths))
    exercises, chapters, unknown = _count(learners)
    return ClassReport(exercises, chapters, learners, skipped, folder_notes + _notes(learners), unknown)


def _count(learners: list[LearnerExport]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    n = len(learners)
    frames = [x.events.assign(learner=i) for i, x in enumerate(learners) if not x.events.empty]
    events = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["learner", "chapter", "item", "kind", "status"])
    )
    course = _course_exercises()
    titles = {(c, e): t for c, e, t in course}
    exercise_kind = events["kind"].isin(["attempt", "hint", "solution"])
    known = pd.MultiIndex.from_arrays([events["chapter"], events["item"]]).isin(list(titles))
    unknown = _not_in_course(learners, events[exercise_kind & ~known])
    # a chapter counts as started by any event in it, even of an exercise this course does not have
    started = events.groupby("chapter")["learner"].nunique() if not events.empty else pd.Series(dtype=int)
    events = events[known | ~exercise_kind]

    kind = events["kind"]
    flags = pd.DataFrame(
        {
            "learner": events["learner"],
            "chapter": events["chapter"],
            "exercise": events["item"],
            "attempted": kind == "attempt",
            "passed": (kind == "attempt") & (events["status"] == "correct"),
            "needed_hints": kind == "hint",
            "saw_solution": kind == "solution",
        }
    )
    # one row per learner and exercise: did they ever attempt, pass, ask for a hint, see the solution?
    per_learner = flags.groupby(["chapter", "exercise", "learner"], sort=False)[
        ["attempted", "passed", "needed_hints", "saw_solution"]
    ].any()
    counts = per_learner.groupby(level=["chapter", "exercise"], sort=False).sum().astype(int)

    rows = []
    for order, (chapter, exercise, title) in enumerate(course):
        key = (chapter, exercise)
        columns = ("attempted", "passed", "needed_hints", "saw_solution")
        value = {k: as_int(counts.at[key, k]) if key in counts.index else 0 for k in columns}
        rows.append(
            {
                "chapter": chapter,
                "exercise": exercise,
                "title": title,
                "learners": n,
                **value,
                "pass_rate": value["passed"] / value["attempted"] if value["attempted"] else math.nan,
                "order": order,
            }
        )
    table = pd.DataFrame(rows, columns=[*EXERCISE_COLUMNS, "order"])
    table = table.sort_values(
        ["pass_rate", "saw_solution", "order"], ascending=[True, False, True], na_position="last", kind="stable"
    )
    table["rank"] = range(1, len(table) + 1)
    exercises = table[EXERCISE_COLUMNS].reset_index(drop=True)

    passed = per_learner[per_learner["passed"]].reset_index()
    chapter_rows = []
    for chapter in CHAPTERS:
        names = [e for c, e, _ in course if c == chapter]
        mine = passed[(passed["chapter"] == chapter) & passed["exercise"].isin(names)]
        per_person = mine.groupby("learner")["exercise"].nunique()
        began = int(started.get(chapter, 0))
        chapter_rows.append(
            {
                "chapter": chapter,
                "exercises": len(names),
                "learners": n,
                "started": began,
                "not_started": n - began,
                "completed": int((per_person == len(names)).sum()) if names else 0,
                "mean_share_passed": (per_person.sum() / (len(names) * n)) if names and n else 0.0,
            }
        )
    return exercises, pd.DataFrame(chapter_rows, columns=CHAPTER_COLUMNS), unknown


def _not_in_course(learners: list[LearnerExport], events: pd.DataFrame, examples: int = 3) -> list[str]:
    """One line per file: how many exercises it mentions that this course does not have, with examples."""
    lines = []
    for number, group in events.groupby("learner", sort=True):
        items = group[["chapter", "item"]].drop_duplicates()
        shown = ", ".join(plain(f"{c} {i}", limit=40) for c, i in items.head(examples).itertuples(index=False))
        more = f" and {len(items) - examples:,} more" if len(items) > examples else ""
        learner = learners[cast(int, number)]  # the column holds each learner's position in ``learners``
        lines.append(
            f"{shown_path(learner.path)} ({learner.learner}): {len(items):,} "
            f"exercise{'s' if len(items) != 1 else ''} this course does not have ({shown}{more}), "
            f"{len(group):,} events"
        )
    return lines
