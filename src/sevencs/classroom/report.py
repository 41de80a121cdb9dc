"""The class report: many learners' progress in, one page and a few tables out.

    sevencs report exports/*.json --out report/
    sevencs report --homes '/home/*/seven-cs' --agenda taster --roster names.txt --watch

**What it reads.** Progress exports (``sevencs export``, ``sevencs.export()``); a
learner's progress file itself (``.sevencs/progress.sqlite``, read-only, while the
learner may still be writing to it: :func:`~sevencs.classroom.exports.read_progress_file`);
and folders: a course folder (one holding ``.sevencs/progress.sqlite``) stands for
its progress file, any other folder for its ``*.json`` and ``*.sqlite`` files.
``homes`` are patterns of learners' course folders on a hub, such as
``/home/*/seven-cs``: a progress file read that way (or from a course folder in a
home folder) belongs to the hub user whose home it is, unless the learner gave a
name when they last handed in. A matched course folder without a progress file is a
learner who has started nothing.

**What it shows**, for use during a workshop first:

- *who is stuck where*: a grid of learners × exercises, each cell one of
  :data:`PASSED`, :data:`PASSED_WITH_SOLUTION` (the solution was seen before the
  first pass), :data:`STUCK` (an answer checked, a hint or the solution seen, and no
  pass yet) or :data:`NOT_TRIED`;
- the most common wrong answers of each exercise, with how many learners gave them;
- per exercise, learners who attempted, passed (and passed without seeing the
  solution), needed a hint and saw the solution, the hardest first: the lowest
  pass rate, where

      pass rate = learners who passed ÷ learners who attempted

  (undefined when nobody attempted; those come last), then the most solutions seen;
- per chapter, learners who started it (any event in it) and completed it (passed
  every one of its counted exercises).

**Today's part.** A :class:`Selection` (an agenda of the instructor guide, chapters
or exercises: :func:`select_exercises`) limits every table to its exercises, so
untaught ones do not fill the page and "completed" means completed today's part.

**A class list** (:mod:`sevencs.classroom.roster`) adds the learners who handed in
nothing to the grid, as missing.

Every learner is one file. Two files with the same learner name are counted as two
learners and flagged, because the report cannot tell a repeat hand-in from two
people with one name; so is an anonymous file holding the same events, at the same
times, as a named one (one person who handed in once with a name and once without).
Files that cannot be read are listed by name with the reason and skipped; one bad
file never stops the report.
"""

from __future__ import annotations

import datetime as dt
import glob
import math
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import pandas as pd

from sevencs.atomic import write_text_atomically
from sevencs.cells import as_int
from sevencs.chapters import TITLES
from sevencs.classroom.exports import (
    ANONYMOUS,
    EVENT_FIELDS,
    FORMAT_VERSION,
    READ_WAIT,
    ExportError,
    LearnerExport,
    read_export,
    read_progress_file,
)
from sevencs.classroom.roster import RosterCheck, check_roster, name_key
from sevencs.course.agendas import AGENDAS, Agenda
from sevencs.exercises import CHAPTERS, chapter_items
from sevencs.figures import FigureImage
from sevencs.figures.report import hardest_exercises_figure
from sevencs.render.html import figure_html, render
from sevencs.untrusted import plain, shown_path, spreadsheet_safe

HTML_NAME = "class-report.html"
CSV_NAME = "class-report.csv"
GRID_CSV_NAME = "class-grid.csv"
WRONG_CSV_NAME = "class-wrong-answers.csv"
#: How many of the hardest exercises the chart shows (the table lists them all).
CHART_ROWS = 15
#: How many wrong answers the report lists per exercise, the most common first.
WRONG_ANSWERS = 3
EXERCISE_COLUMNS = [
    "rank",
    "chapter",
    "exercise",
    "title",
    "learners",
    "attempted",
    "passed",
    "pass_rate",
    "passed_without_solution",
    "needed_hints",
    "saw_solution",
]
CHAPTER_COLUMNS = ["chapter", "exercises", "learners", "started", "not_started", "completed", "mean_share_passed"]
WRONG_COLUMNS = ["chapter", "exercise", "title", "wrong_answer", "learners", "times"]

#: What a grid cell says about one learner and one exercise.
PASSED = "passed"
PASSED_WITH_SOLUTION = "passed after seeing the solution"
STUCK = "tried, not yet passed"
NOT_TRIED = "not tried"
#: Each state's symbol in the grid and its class in the page (colour is never the only sign).
STATES = {
    PASSED: ("✔", "passed"),
    PASSED_WITH_SOLUTION: ("(✔)", "solution"),
    STUCK: ("✘", "stuck"),
    NOT_TRIED: ("·", "untried"),
}
#: A learner's status in the grid, besides having handed something in.
STARTED_NOTHING = "started nothing"
MISSING = "handed in nothing"
NOT_LISTED = "not on the class list"

SQLITE_HEADER = b"SQLite format 3\x00"
#: The prefix The Littlest JupyterHub gives its users' system names (hub user sam is jupyter-sam).
HUB_PREFIX = "jupyter-"


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    """``1 export``, ``2 exports``: a count with its noun agreeing."""
    return f"{count:,} {noun if count == 1 else (plural or noun + 's')}"


# -- what to read -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, and why."""

    path: Path
    reason: str


#: The kinds of :class:`Source`.
EXPORT, PROGRESS_FILE, NOTHING_YET = "export", "progress file", "nothing yet"


@dataclass(frozen=True)
class Source:
    """One learner's file to read: an export, a progress file, or (``NOTHING_YET``) the place in a
    course folder where a progress file would be. ``account``: the hub user name, for progress files."""

    path: Path
    kind: str
    account: str | None = None


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


def _is_database(path: Path) -> bool:
    """Whether an ordinary file starts as every SQLite database does."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def hub_user(folder_name: str) -> str:
    """A home folder's name as the hub user's name: The Littlest JupyterHub's ``jupyter-`` left out."""
    name = plain(folder_name, limit=80)
    return name.removeprefix(HUB_PREFIX) or name


def account_of(database: Path) -> str | None:
    """The hub user a progress file belongs to, from where it is.

    In a course folder (``<home>/<course>/.sevencs/progress.sqlite``) it is the name of the folder
    that holds the course folder, the learner's home on a hub. Elsewhere it is the file's own name
    (``sam.sqlite``), or its folder's for a file called ``progress.sqlite``.
    """
    database = Path(os.path.abspath(database))
    if database.parent.name == ".sevencs":
        home = database.parent.parent.parent
    elif database.stem.lower() != "progress":
        return hub_user(database.stem) or None
    else:
        home = database.parent
    return hub_user(home.name) or None


def _course_database(folder: Path) -> Path | None:
    """The progress file a course folder (or its ``.sevencs`` folder) stands for, if it has one."""
    if folder.name == ".sevencs" and os.path.lexists(folder / "progress.sqlite"):
        return folder / "progress.sqlite"
    inside = folder / ".sevencs" / "progress.sqlite"
    return inside if os.path.lexists(inside) else None


def _readable(name: str) -> bool:
    return name.lower().endswith((".json", ".sqlite"))


def _wildcard_part(pattern: str) -> int | None:
    """The position of the first part of a path pattern with a wildcard (where the user names go)."""
    for index, part in enumerate(Path(pattern).parts):
        if glob.has_magic(part):
            return index
    return None


def collect_sources(
    sources: Iterable[str | os.PathLike], homes: Sequence[str] = ()
) -> tuple[list[Source], list[Skipped], list[str]]:
    """The learners' files named by ``sources`` (files and folders) and by the ``homes`` patterns.

    A file is read as a progress file when it is an SQLite database, else as an export. A course
    folder stands for its progress file; any other folder for its files whose names end in
    ``.json`` or ``.sqlite`` (in any case). An entry that is not an ordinary file (a folder named
    ``x.json``, a broken link, a pipe, a link to a device) is returned as :class:`Skipped` with the
    reason, never opened. Returns the sources (each file once), the skipped entries, and notes on
    what else was there.
    """
    found: list[Source] = []
    skipped: list[Skipped] = []
    notes: list[str] = []
    seen: set[Path] = set()

    def add(path: Path, account: str | None = None) -> None:
        problem = _entry_problem(path)
        if problem:
            skipped.append(Skipped(path, problem))
            return
        key = path.resolve()
        if key in seen:
            return
        seen.add(key)
        if _is_database(path):
            found.append(Source(path, PROGRESS_FILE, account or account_of(path)))
        else:
            found.append(Source(path, EXPORT))

    for source in sources:
        path = Path(source)
        if not path.is_dir():
            add(path)
            continue
        database = _course_database(path)
        if database is not None:
            add(database)
            continue
        try:
            entries = sorted(path.iterdir())
        except OSError as exc:
            skipped.append(Skipped(path, f"the folder could not be listed ({exc.strerror or exc})"))
            continue
        others = [e for e in entries if not _readable(e.name)]
        if others:
            notes.append(
                f"{_plural(len(others), 'other entry', 'other entries')} of {shown_path(path, whole=True)} "
                f"{'was' if len(others) == 1 else 'were'} not read because "
                f"{'its name does' if len(others) == 1 else 'their names do'} not end in .json or .sqlite: "
                f"{_files_list(others)}."
            )
        for entry in entries:
            if _readable(entry.name):
                add(entry)
    for pattern in homes:
        expanded = os.path.expanduser(pattern)
        matches = sorted(glob.glob(expanded))
        if not matches:
            notes.append(f"--homes {plain(pattern)!r} matched no folder.")
            continue
        part = _wildcard_part(expanded)
        for match in matches:
            path = Path(match)
            account = hub_user(path.parts[part]) if part is not None and len(path.parts) > part else None
            if not path.is_dir():
                add(path, account)
                continue
            database = _course_database(path)
            if database is not None:
                add(database, account)
                continue
            where = path / ".sevencs" / "progress.sqlite"
            if where.resolve() not in seen:
                seen.add(where.resolve())
                found.append(Source(where, NOTHING_YET, account or account_of(where)))
    return found, skipped, notes


def collect_files(
    sources: Iterable[str | os.PathLike], homes: Sequence[str] = ()
) -> tuple[list[Path], list[Skipped], list[str]]:
    """:func:`collect_sources`, with each source as its path."""
    found, skipped, notes = collect_sources(sources, homes)
    return [s.path for s in found], skipped, notes


def sources_state(sources: Iterable[str | os.PathLike], homes: Sequence[str] = ()) -> tuple:
    """A cheap fingerprint of everything the report would read: it changes when any of it changes.

    Names, sizes and modification times only (no file is read beyond its first bytes); a progress
    file's folder is included, so a learner's answer waiting in a pending file beside it counts too.
    """
    found, skipped, _ = collect_sources(sources, homes)

    def state(path: Path) -> tuple:
        try:
            info = os.stat(path)
        except OSError:
            return (str(path), None)
        return (str(path), info.st_mtime_ns, info.st_size)

    parts = [state(s.path) for s in found]
    parts += [state(s.path.parent) for s in found if s.kind != EXPORT]
    parts += [(str(s.path), s.reason) for s in skipped]
    return tuple(parts)


# -- which exercises count ----------------------------------------------------------------------


def _course_exercises() -> list[tuple[str, str, str]]:
    """``(chapter, exercise, title)`` for every exercise of this version of the course, in order."""
    return [(c, e.name, e.title) for c in CHAPTERS for e in chapter_items(c)["exercises"]]


@dataclass(frozen=True)
class Selection:
    """The exercises a report counts, ``(chapter, exercise)`` in course order, and in words (``label``)."""

    label: str
    exercises: tuple[tuple[str, str], ...]


_EXERCISE = re.compile(r"(?P<chapter>[a-z]+)[\s:]*(?:exercise\s*|q)?(?P<number>\d+)")


_AGENDA_NAMES = ", ".join(a.name for a in AGENDAS)


def _agenda_named(words: str) -> Agenda | None:
    """The agenda of the instructor guide called ``words`` (its short name or its title, any case), or None."""
    return next((a for a in AGENDAS if words in (a.name.casefold(), a.title.casefold())), None)


def select_exercises(spec: str) -> Selection:
    """The exercises ``spec`` names: an agenda of the instructor guide (``taster``), a chapter
    (``caring``), one exercise (``caring q2``, ``caring 2``), or several of these separated by commas.

    Raises ValueError saying what was expected.
    """
    course = _course_exercises()
    chosen: set[tuple[str, str]] = set()
    labels: list[str] = []
    for raw in spec.split(","):
        part = " ".join(raw.split()).casefold()
        if not part:
            continue
        plan = _agenda_named(part)
        if plan is not None:
            chosen.update((c, e) for c, e, _ in course if plan.includes(c, e))
            labels.append(f"the agenda {plan.name} ({plan.title})")
        elif part in CHAPTERS:
            chosen.update((c, e) for c, e, _ in course if c == part)
            labels.append(f"all of {TITLES[part]}")
        elif (found := _EXERCISE.fullmatch(part)) and found["chapter"] in CHAPTERS:
            key = (found["chapter"], f"q{int(found['number'])}")
            if key not in {(c, e) for c, e, _ in course}:
                count = sum(1 for c, _, _ in course if c == key[0])
                raise ValueError(f"{TITLES[key[0]]} has no exercise {found['number']}; it has exercises 1 to {count}")
            chosen.add(key)
            labels.append(f"{key[0]} {key[1]}")
        else:
            raise ValueError(
                f"{raw.strip()!r} is not an agenda, a chapter or an exercise. Expected an agenda ({_AGENDA_NAMES}), "
                f"a chapter ({', '.join(CHAPTERS)}) or an exercise such as 'caring q2', separated by commas"
            )
    if not chosen:
        raise ValueError(
            f"no exercises were named. Expected an agenda ({_AGENDA_NAMES}), a chapter or an exercise "
            "such as 'caring q2'"
        )
    ordered = tuple((c, e) for c, e, _ in course if (c, e) in chosen)
    return Selection(", ".join(labels), ordered)


# -- the report ---------------------------------------------------------------------------------


def _files_list(paths: list[Path], limit: int = 5) -> str:
    names = [shown_path(p) for p in paths[:limit]]
    more = f" and {len(paths) - limit} more" if len(paths) > limit else ""
    return ", ".join(names) + more


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=columns)


@dataclass
class ClassReport:
    """The counts (``.exercises``, ``.chapters``), the grid of who is where (``.grid``), the common
    wrong answers (``.wrong_answers``), who was read, what was skipped and why."""

    exercises: pd.DataFrame
    chapters: pd.DataFrame
    learners: list[LearnerExport]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: One line per file for the exercises a file mentions that this course does not have.
    not_in_course: list[str] = field(default_factory=list)
    #: One row per learner (and per missing name of the class list): ``learner``, ``from``,
    #: ``status``, one column per counted exercise (``"connection q2"``) holding its state, ``passed``.
    grid: pd.DataFrame = field(default_factory=lambda: _empty(["learner", "from", "status", "passed"]))
    #: The most common wrong answers of each exercise (columns :data:`WRONG_COLUMNS`).
    wrong_answers: pd.DataFrame = field(default_factory=lambda: _empty(WRONG_COLUMNS))
    #: The exercises counted when not the whole course.
    selection: Selection | None = None
    roster: RosterCheck | None = None
    #: ``(chapter, exercise, title)`` of every exercise counted, in course order.
    course: list[tuple[str, str, str]] = field(default_factory=list)

    #: How many learners passed every exercise counted.
    completed: int = 0

    # -- numbers ------------------------------------------------------------------------

    def stuck(self) -> dict[str, list[str]]:
        """For each counted exercise (``"connection q2"``) with learners stuck on it, their names."""
        labels = [f"{c} {e}" for c, e, _ in self.course]
        return {
            label: list(self.grid.loc[self.grid[label] == STUCK, "learner"])
            for label in labels
            if label in self.grid and (self.grid[label] == STUCK).any()
        }

    # -- the chart ----------------------------------------------------------------------

    def figure(self, rows: int = CHART_ROWS) -> FigureImage:
        """The hardest exercises as horizontal bars: learners who passed, needed hints, saw the solution."""
        return hardest_exercises_figure(self.exercises.head(rows), len(self.learners))

    # -- writing ------------------------------------------------------------------------

    def _read_line(self) -> str:
        exports = sum(not x.from_database for x in self.learners)
        files = len(self.learners) - exports
        read = " and ".join(
            part
            for part in (
                _plural(exports, "export") if exports or not files else "",
                _plural(files, "progress file") if files else "",
            )
            if part
        )
        return f"Read {read}; skipped {len(self.skipped):,}."

    def _scope_line(self) -> str:
        counted = _plural(len(self.course), "exercise")
        whole = f"{self.completed:,} of {_plural(len(self.learners), 'learner')} passed every one of them."
        if self.selection is None:
            return f"Counting every exercise of the course ({counted}): {whole}"
        return f"Counting {self.selection.label}: {counted}. {whole}"

    def _roster_lines(self, limit: int | None = None) -> list[str]:
        if self.roster is None:
            return []
        check = self.roster
        handed = len(check.names) - len(check.missing)
        lines = [f"Class list: {handed:,} of {_plural(len(check.names), 'name')} handed in."]
        if check.missing:
            lines.append(f"Handed in nothing ({len(check.missing):,}): {', '.join(check.missing)}.")
        for position, close in check.not_listed[:limit]:
            learner = self.learners[position]
            guess = f"; the closest name on the list is {close!r}" if close else ""
            lines.append(f"{learner.learner!r} ({source_label(learner)}) is not on the class list{guess}.")
        if limit is not None and len(check.not_listed) > limit:
            lines.append(f"… and {len(check.not_listed) - limit:,} more learners who are not on the class list.")
        return lines

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [self._read_line(), self._scope_line(), *self._roster_lines(limit=10)]
        lines += [f"  skipped {shown_path(s.path)}: {s.reason}" for s in self.skipped]
        lines += [f"  note: {n}" for n in self.notes]
        lines += [f"  not in this course: {n}" for n in self.not_in_course]
        stuck = self.stuck()
        if stuck:
            lines.append("Stuck now (tried, not yet passed):")
            for label, who in list(stuck.items())[:10]:
                more = f" and {len(who) - 8} more" if len(who) > 8 else ""
                lines.append(f"  {label}: {', '.join(who[:8])}{more}")
        hardest = self.exercises.head(5)
        if not hardest.empty:
            lines.append("Hardest exercises (lowest pass rate first):")
            for _, row in hardest.iterrows():
                rate = "no attempts" if math.isnan(row["pass_rate"]) else f"{row['pass_rate']:.0%} passed"
                lines.append(
                    f"  {row['chapter']} {row['exercise']}: {rate} "
                    f"({row['passed']} of {row['attempted']} who tried, "
                    f"{row['passed_without_solution']} without the solution), "
                    f"{row['needed_hints']} needed hints, {row['saw_solution']} saw the solution"
                )
        return "\n".join(lines)

    def grid_text(self) -> str:
        """The grid as plain text: one line per learner, one symbol per exercise, and a key."""
        labels = [f"{c} {e}" for c, e, _ in self.course]
        width = max([len("learner"), *(_width(n) for n in self.grid["learner"])])
        heads = [f"{c[:4]}{e.removeprefix('q')}" for c, e, _ in self.course]
        lines = [f"{_pad('learner', width)}  {' '.join(_pad(h, 5, right=True) for h in heads)}  passed"]
        for _, row in self.grid.iterrows():
            missing = row["status"] == MISSING
            cells = MISSING if missing else " ".join(_pad(STATES[row[label]][0], 5, right=True) for label in labels)
            status = f"  ({row['status']})" if row["status"] and not missing else ""
            lines.append(f"{_pad(row['learner'], width)}  {cells}  {row['passed']}{status}".rstrip())
        key = ", ".join(f"{symbol} {state}" for state, (symbol, _) in STATES.items())
        return "\n".join([*lines, f"({key})"])

    def to_html(self, refresh: int | None = None, updated: str | None = None) -> str:
        """A standalone page: summary, who is stuck where, wrong answers, chart (embedded PNG with alt
        text), tables. All text escaped.

        ``refresh``: the page reloads itself every so many seconds (while the report is being watched);
        ``updated``: when it was written, shown at the top.
        """
        exercises = self.exercises.assign(
            pass_rate=[("—" if math.isnan(r) else f"{r:.0%}") for r in self.exercises["pass_rate"]]
        )
        chapters = self.chapters.assign(mean_share_passed=[f"{r:.0%}" for r in self.chapters["mean_share_passed"]])
        spans: list[tuple[str, int]] = []
        for chapter, _, _ in self.course:
            if spans and spans[-1][0] == chapter:
                spans[-1] = (chapter, spans[-1][1] + 1)
            else:
                spans.append((chapter, 1))
        labels = [f"{c} {e}" for c, e, _ in self.course]
        rows = []
        for _, row in self.grid.iterrows():
            cells = [(*STATES[row[label]], row[label]) for label in labels if row["status"] != MISSING]
            rows.append((row["learner"], row["from"], row["status"], cells, row["passed"]))
        chart = self.figure()
        wrong = [
            (f"{c} {e}", t, answer, learners, times)
            for c, e, t, answer, learners, times in self.wrong_answers.itertuples(index=False, name=None)
        ]
        return render(
            "class_report.html",
            read=self._read_line(),
            scope=self._scope_line(),
            roster=self._roster_lines(),
            refresh=refresh,
            updated=updated,
            spans=spans,
            headers=[(e.removeprefix("q"), f"{c} {e}: {t}") for c, e, t in self.course],
            grid=rows,
            width=len(labels),
            states=[(symbol, css, state) for state, (symbol, css) in STATES.items()],
            wrong=wrong,
            skipped=[(shown_path(s.path), s.reason) for s in self.skipped],
            notes=self.notes,
            not_in_course=self.not_in_course,
            figure=figure_html(chart.png, chart.alt),  # one image: the saved page stays one file, as small as it can
            chapters={"columns": list(chapters.columns), "rows": chapters.itertuples(index=False, name=None)},
            exercises={"columns": list(exercises.columns), "rows": exercises.itertuples(index=False, name=None)},
        )

    def save(
        self, folder: str | os.PathLike, refresh: int | None = None, updated: str | None = None
    ) -> tuple[Path, Path]:
        """Write the page and the tables into ``folder``, each atomically; returns the page and the
        per-exercise table. Also written: the grid (``class-grid.csv``, with learners' names) and the
        wrong answers (``class-wrong-answers.csv``)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)

        def csv(frame: pd.DataFrame, name: str) -> Path:
            # names, labels and answers come from learners' files: no cell may run as a spreadsheet formula
            return write_text_atomically(spreadsheet_safe(frame).to_csv(index=False), folder / name)

        table = csv(self.exercises, CSV_NAME)
        csv(self.grid, GRID_CSV_NAME)
        csv(self.wrong_answers, WRONG_CSV_NAME)
        page = write_text_atomically(self.to_html(refresh, updated), folder / HTML_NAME)
        return page, table


def _width(text: str) -> int:
    """How many columns ``text`` takes in a terminal: wide characters (📖, 漢) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def source_label(learner: LearnerExport) -> str:
    """Where a learner's progress was read: the export's file name, or the hub user of a progress file."""
    if learner.from_database:
        return f"hub user {learner.account}" if learner.account else shown_path(learner.path, whole=True)
    return shown_path(learner.path)


def _event_set(learner: LearnerExport) -> frozenset | None:
    """A learner's events as a set of rows, or None when they have none or some lack a time."""
    events = learner.events
    if events.empty or events["time"].isna().any():
        return None
    return frozenset(events[list(EVENT_FIELDS)].itertuples(index=False, name=None))


def _same_person_notes(learners: list[LearnerExport]) -> list[str]:
    """Anonymous files whose events, times and all, are within a named file's (or the other way):
    one person who handed in once with a name and once without."""
    anonymous = [x for x in learners if x.learner == ANONYMOUS]
    if not anonymous:
        return []
    named: dict[tuple, list[LearnerExport]] = {}
    for learner in learners:
        if learner.learner != ANONYMOUS and not learner.events.empty:
            first = tuple(learner.events.iloc[0][["time", "chapter", "item", "kind"]])
            named.setdefault(first, []).append(learner)
    notes = []
    for unnamed in anonymous:
        mine = _event_set(unnamed)
        if mine is None:
            continue
        first = tuple(unnamed.events.iloc[0][["time", "chapter", "item", "kind"]])
        for other in named.get(first, []):
            theirs = _event_set(other)
            if theirs is not None and (mine <= theirs or theirs <= mine):
                notes.append(
                    f"{shown_path(unnamed.path)} has no learner name but holds the same "
                    f"{_plural(min(len(mine), len(theirs)), 'event')}, at the same times, as "
                    f"{shown_path(other.path)} ({other.learner!r}): probably one person who handed in twice, "
                    "once without a name. Both are counted; remove the anonymous file and run the report again."
                )
                break
    return notes


def _notes(learners: list[LearnerExport]) -> list[str]:
    notes = []
    by_name: dict[str, list[LearnerExport]] = {}
    for learner in learners:
        by_name.setdefault(name_key(learner.learner), []).append(learner)  # as a class list matches names
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
    notes += _same_person_notes(learners)
    older = [x.path for x in learners if x.older]
    if older:
        one = len(older) == 1
        notes.append(
            f"{_plural(len(older), 'export')} {'comes' if one else 'come'} from an older format "
            f"(before version {FORMAT_VERSION}): {_files_list(older)}. "
            f"{'It was' if one else 'They were'} read for what {'it contains' if one else 'they contain'}."
        )
    newer = [x.path for x in learners if x.newer]
    if newer:
        notes.append(
            f"{_plural(len(newer), 'export')} {'comes' if len(newer) == 1 else 'come'} from a newer version of "
            f"the course: {_files_list(newer)}. What this version understands was read; update sevencs to "
            "read everything."
        )
    for x in learners:
        notes.extend(f"{shown_path(x.path)}: {n}" for n in x.notes)
    return notes


def _read(source: Source, wait: float) -> LearnerExport:
    if source.kind == EXPORT:
        return read_export(source.path)
    if source.kind == PROGRESS_FILE:
        return read_progress_file(source.path, source.account, wait)
    return LearnerExport(  # a course folder without a progress file: nothing done yet
        path=source.path,
        learner=source.account or ANONYMOUS,
        format_version=FORMAT_VERSION,
        course_version=None,
        exported_at=None,
        events=pd.DataFrame(columns=list(EVENT_FIELDS)),
        account=source.account,
        from_database=True,
    )


def build_report(
    files: Iterable[str | os.PathLike],
    on_progress: Callable[[int, int], None] | None = None,
    every: int = 50,
    *,
    homes: Sequence[str] = (),
    selection: Selection | None = None,
    roster: list[str] | None = None,
    wait: float = READ_WAIT,
) -> ClassReport:
    """Read every learner's file (``files``: files or folders; ``homes``: patterns of course folders)
    and count; bad files are skipped, not fatal.

    Each file is read inside its own guard: whatever is wrong with it becomes a skipped file with
    its reason. ``on_progress(done, total)`` is called after every ``every`` files and after the
    last. ``selection`` limits the counts to some exercises; ``roster`` is a class list (names);
    ``wait``: seconds to wait for a progress file a learner's notebook is saving to.
    """
    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise ValueError(f"every must be a whole number of at least 1, not {every!r}")
    sources, skipped, folder_notes = collect_sources(files, homes)
    learners: list[LearnerExport] = []
    for done, source in enumerate(sources, 1):
        path = source.path
        try:
            learners.append(_read(source, wait))
        except ExportError as exc:
            skipped.append(Skipped(path, str(exc).removeprefix(f"{shown_path(path)}: ")))
        except RecursionError:
            skipped.append(Skipped(path, "it is nested far too deeply to be a progress export"))
        except Exception as exc:  # one odd file never stops the report
            skipped.append(Skipped(path, f"it could not be read ({type(exc).__name__}: {plain(exc, limit=120)})"))
        if on_progress and (done % every == 0 or done == len(sources)):
            on_progress(done, len(sources))
    course = _course_exercises()
    if selection is not None:
        chosen = set(selection.exercises)
        course = [x for x in course if (x[0], x[1]) in chosen]
    counts = _count(learners, course, whole_course=selection is None)
    check = None
    if roster is not None:
        check = check_roster(roster, [(x.learner, x.account) for x in learners], ANONYMOUS)
    grid = _grid(learners, course, counts.states, check)
    everything = [PASSED, PASSED_WITH_SOLUTION]
    completed = sum(bool(course) and all(s in everything for s in states) for states in counts.states.values())
    return ClassReport(
        counts.exercises,
        counts.chapters,
        learners,
        skipped,
        folder_notes + _notes(learners),
        counts.unknown,
        grid=grid,
        wrong_answers=counts.wrong,
        selection=selection,
        roster=check,
        course=course,
        completed=completed,
    )


@dataclass
class _Counts:
    exercises: pd.DataFrame
    chapters: pd.DataFrame
    unknown: list[str]
    #: per learner (position): the state of each counted exercise, in course order
    states: dict[int, list[str]]
    wrong: pd.DataFrame


def _count(learners: list[LearnerExport], course: list[tuple[str, str, str]], whole_course: bool = True) -> _Counts:
    n = len(learners)
    frames = [x.events.assign(learner=i, seq=range(len(x.events))) for i, x in enumerate(learners) if len(x.events)]
    events = (
        pd.concat(frames, ignore_index=True)
        if frames
        else pd.DataFrame(columns=["learner", "seq", "chapter", "item", "kind", "status", "value"])
    )
    every_exercise = {(c, e) for c, e, _ in _course_exercises()}
    titles = {(c, e): t for c, e, t in course}
    exercise_kind = events["kind"].isin(["attempt", "hint", "solution"])
    place = pd.MultiIndex.from_arrays([events["chapter"], events["item"]])
    unknown = _not_in_course(learners, events[exercise_kind & ~place.isin(list(every_exercise))])
    # a chapter counts as started by any event in it, even of an exercise this course does not have
    started = events.groupby("chapter")["learner"].nunique() if not events.empty else pd.Series(dtype=int)
    counted = events[exercise_kind & place.isin(list(titles))]

    kind = counted["kind"]
    passed = (kind == "attempt") & (counted["status"] == "correct")
    flags = pd.DataFrame(
        {
            "learner": counted["learner"],
            "chapter": counted["chapter"],
            "exercise": counted["item"],
            "attempted": kind == "attempt",
            "passed": passed,
            "needed_hints": kind == "hint",
            "saw_solution": kind == "solution",
            "first_pass": counted["seq"].where(passed),
            "first_solution": counted["seq"].where(kind == "solution"),
        }
    )
    # one row per learner and exercise they touched: did they ever attempt, pass, ask for a hint, see the
    # solution; and did they see the solution before they first passed?
    per_learner = flags.groupby(["chapter", "exercise", "learner"], sort=False).agg(
        attempted=("attempted", "any"),
        passed=("passed", "any"),
        needed_hints=("needed_hints", "any"),
        saw_solution=("saw_solution", "any"),
        first_pass=("first_pass", "min"),
        first_solution=("first_solution", "min"),
    )
    after = per_learner["passed"] & (per_learner["first_solution"] < per_learner["first_pass"])
    per_learner["with_solution"] = after
    per_learner["passed_without_solution"] = per_learner["passed"] & ~after
    columns = ("attempted", "passed", "passed_without_solution", "needed_hints", "saw_solution")
    counts = per_learner.groupby(level=["chapter", "exercise"], sort=False)[list(columns)].sum().astype(int)

    rows = []
    for order, (chapter, exercise, title) in enumerate(course):
        key = (chapter, exercise)
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

    # the grid: every learner's state on every counted exercise
    state_of: dict[tuple[str, str, int], str] = {}
    flat = per_learner.reset_index()
    for chapter, exercise, learner, did_pass, with_solution in zip(
        flat["chapter"], flat["exercise"], flat["learner"], flat["passed"], flat["with_solution"]
    ):
        state = (PASSED_WITH_SOLUTION if with_solution else PASSED) if did_pass else STUCK
        state_of[(chapter, exercise, int(learner))] = state
    states = {i: [state_of.get((c, e, i), NOT_TRIED) for c, e, _ in course] for i in range(n)}

    done = per_learner[per_learner["passed"]].reset_index()
    chapter_rows = []
    for chapter in CHAPTERS:
        chapter_names = [e for c, e, _ in course if c == chapter]
        if not chapter_names and not whole_course:
            continue  # not part of today's exercises
        mine = done[(done["chapter"] == chapter) & done["exercise"].isin(chapter_names)]
        per_person = mine.groupby("learner")["exercise"].nunique()
        began = int(started.get(chapter, 0))
        chapter_rows.append(
            {
                "chapter": chapter,
                "exercises": len(chapter_names),
                "learners": n,
                "started": began,
                "not_started": n - began,
                "completed": int((per_person == len(chapter_names)).sum()) if chapter_names else 0,
                "mean_share_passed": (per_person.sum() / (len(chapter_names) * n)) if chapter_names and n else 0.0,
            }
        )
    return _Counts(
        exercises,
        pd.DataFrame(chapter_rows, columns=CHAPTER_COLUMNS),
        unknown,
        states,
        _wrong_answers(counted, exercises, titles),
    )


def _wrong_answers(counted: pd.DataFrame, exercises: pd.DataFrame, titles: dict) -> pd.DataFrame:
    """The :data:`WRONG_ANSWERS` most common wrong answers of each exercise: how many learners gave
    each, and how many times; exercises in the order of the exercises table (hardest first)."""
    wrong = counted[
        (counted["kind"] == "attempt") & (counted["status"] == "incorrect") & counted["value"].notna()
    ].assign(answer=lambda f: [plain(v, limit=80) for v in f["value"]])
    if wrong.empty:
        return _empty(WRONG_COLUMNS)
    grouped = (
        wrong.groupby(["chapter", "item", "answer"])
        .agg(learners=("learner", "nunique"), times=("learner", "size"))
        .reset_index()
    )
    rank = {(c, e): r for c, e, r in zip(exercises["chapter"], exercises["exercise"], exercises["rank"])}
    grouped["rank"] = [rank[(c, e)] for c, e in zip(grouped["chapter"], grouped["item"])]
    grouped = grouped.sort_values(["rank", "learners", "times", "answer"], ascending=[True, False, False, True])
    top = grouped.groupby(["chapter", "item"], sort=False).head(WRONG_ANSWERS)
    return pd.DataFrame(
        {
            "chapter": top["chapter"],
            "exercise": top["item"],
            "title": [titles[(c, e)] for c, e in zip(top["chapter"], top["item"])],
            "wrong_answer": top["answer"],
            "learners": top["learners"].astype(int),
            "times": top["times"].astype(int),
        },
        columns=WRONG_COLUMNS,
    ).reset_index(drop=True)


def _grid(
    learners: list[LearnerExport],
    course: list[tuple[str, str, str]],
    states: dict[int, list[str]],
    check: RosterCheck | None,
) -> pd.DataFrame:
    """One row per learner: in the class list's order when there is one (missing names included),
    then everyone else by name."""
    labels = [f"{c} {e}" for c, e, _ in course]

    def row(position: int, extra: str = "") -> dict:
        learner = learners[position]
        mine = states[position]
        status = [STARTED_NOTHING if learner.events.empty else "", extra]
        passed = sum(s in (PASSED, PASSED_WITH_SOLUTION) for s in mine)
        return {
            "learner": learner.learner,
            "from": source_label(learner),
            "status": "; ".join(s for s in status if s),
            **dict(zip(labels, mine)),
            "passed": f"{passed} of {len(labels)}",
        }

    rows = []
    placed: set[int] = set()
    if check is not None:
        for name, who in zip(check.names, check.found):
            if not who:
                rows.append({"learner": name, "from": "", "status": MISSING, **dict.fromkeys(labels, ""), "passed": ""})
            for position in who:
                if position not in placed:
                    rows.append(row(position))
                    placed.add(position)
    rest = sorted(
        (i for i in range(len(learners)) if i not in placed), key=lambda i: (learners[i].learner.casefold(), i)
    )
    not_listed = {p for p, _ in check.not_listed} if check is not None else set()
    rows += [row(i, NOT_LISTED if i in not_listed else "") for i in rest]
    return pd.DataFrame(rows, columns=["learner", "from", "status", *labels, "passed"])


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


def now_text() -> str:
    """The time now, as the page shows when it was written: ``10:42:13``."""
    return dt.datetime.now().strftime("%H:%M:%S")
