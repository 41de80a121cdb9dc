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

import base64
import html
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sevencs.exercises import CHAPTERS
from sevencs.exports import ANONYMOUS, FORMAT_VERSION, ExportError, LearnerExport, read_export
from sevencs.figures import FigureImage
from sevencs.progress import chapter_items

HTML_NAME = "class-report.html"
CSV_NAME = "class-report.csv"
#: How many of the hardest exercises the chart shows (the table lists them all).
CHART_ROWS = 15
EXERCISE_COLUMNS = ["rank", "chapter", "exercise", "title", "in_this_course", "learners", "attempted",
                    "passed", "pass_rate", "needed_hints", "saw_solution"]
CHAPTER_COLUMNS = ["chapter", "exercises", "learners", "started", "not_started", "completed",
                   "mean_share_passed"]


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, and why."""

    path: Path
    reason: str


def collect_files(sources: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Skipped]]:
    """The export files named by ``sources``: files as given, folders as their ``*.json`` files.

    A path that does not exist is returned as :class:`Skipped`. Each file appears once.
    """
    files: list[Path] = []
    missing: list[Skipped] = []
    seen: set[Path] = set()
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
        elif path.is_file():
            found = [path]
        else:
            missing.append(Skipped(path, "there is no such file or folder"))
            continue
        for item in found:
            key = item.resolve()
            if key not in seen:
                seen.add(key)
                files.append(item)
    return files, missing


def _course_exercises() -> list[tuple[str, str, str]]:
    """``(chapter, exercise, title)`` for every exercise of this version of the course, in order."""
    return [(c, e.name, e.title) for c in CHAPTERS for e in chapter_items(c)["exercises"]]


def _files_list(paths: list[Path], limit: int = 5) -> str:
    names = [p.name for p in paths[:limit]]
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

    # -- the chart ----------------------------------------------------------------------

    def figure(self, rows: int = CHART_ROWS) -> FigureImage:
        """The hardest exercises as horizontal bars: learners who passed, needed hints, saw the solution."""
        from sevencs.figures import OKABE_ITO, _style, new_figure

        top = self.exercises.head(rows)
        labels = [f"{c} {e}" for c, e in zip(top["chapter"], top["exercise"])]
        series = [
            ("attempted", "attempted", OKABE_ITO["grey"], ""),
            ("passed", "passed", OKABE_ITO["blue"], ""),
            ("needed_hints", "needed a hint", OKABE_ITO["orange"], "//"),
            ("saw_solution", "saw the solution", OKABE_ITO["vermillion"], "xx"),
        ]
        fig = new_figure(8.0, 0.62 * max(len(top), 1) + 1.8)
        ax = fig.add_subplot()
        height = 0.2
        for k, (column, label, colour, hatch) in enumerate(series):
            ax.barh([i + (k - 1.5) * height for i in range(len(top))], top[column], height=height,
                    color=colour, hatch=hatch, edgecolor="white", label=label)
        ax.set_yticks(range(len(top)), labels)
        ax.invert_yaxis()  # the hardest at the top
        ax.set_xlim(0, max(len(self.learners), 1))
        _style(ax, f"The {len(top)} hardest exercises (lowest pass rate first)",
               f"learners (of {len(self.learners)})", "exercise")
        ax.grid(axis="y", visible=False)
        ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
        fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
        if top.empty:
            alt = "An empty chart: no exercise in these exports."
        else:
            first = top.iloc[0]
            rate = "no one attempted it" if math.isnan(first["pass_rate"]) else (
                f"{first['passed']} of {first['attempted']} who attempted it passed")
            alt = (
                f"Horizontal bar chart of the {len(top)} hardest exercises for {len(self.learners)} "
                f"learners, hardest first: for each, how many attempted it, passed, needed a hint and "
                f"saw the solution. The hardest is {first['chapter']} {first['exercise']}: {rate}, "
                f"{first['needed_hints']} needed a hint and {first['saw_solution']} saw the solution."
            )
        return FigureImage(fig, alt)

    # -- writing ------------------------------------------------------------------------

    def summary(self) -> str:
        """A few lines for the terminal."""
        lines = [f"Read {len(self.learners)} exports; skipped {len(self.skipped)}."]
        lines += [f"  skipped {s.path.name}: {s.reason}" for s in self.skipped]
        lines += [f"  note: {n}" for n in self.notes]
        hardest = self.exercises.head(5)
        if not hardest.empty:
            lines.append("Hardest exercises (lowest pass rate first):")
            for _, row in hardest.iterrows():
                rate = "no attempts" if math.isnan(row["pass_rate"]) else f"{row['pass_rate']:.0%} passed"
                lines.append(f"  {row['chapter']} {row['exercise']}: {rate} "
                             f"({row['passed']} of {row['attempted']} who tried), "
                             f"{row['needed_hints']} needed hints, {row['saw_solution']} saw the solution")
        return "\n".join(lines)

    def to_html(self) -> str:
        """A standalone page: summary, chart (embedded PNG with alt text), tables. All text escaped."""
        esc = html.escape
        image = self.figure()
        data = base64.b64encode(image.png).decode("ascii")
        exercises = self.exercises.assign(
            pass_rate=[("—" if math.isnan(r) else f"{r:.0%}") for r in self.exercises["pass_rate"]],
            in_this_course=["yes" if x else "no (older course)" for x in self.exercises["in_this_course"]],
        )
        chapters = self.chapters.assign(
            mean_share_passed=[f"{r:.0%}" for r in self.chapters["mean_share_passed"]])
        skipped = "".join(f"<li><code>{esc(s.path.name)}</code>: {esc(s.reason)}</li>" for s in self.skipped)
        notes = "".join(f"<li>{esc(n)}</li>" for n in self.notes)
        return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Seven Cs class report</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; }}
table {{ border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }}
th, td {{ border-bottom: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }}
img {{ max-width: 100%; height: auto; }}
</style>
</head>
<body>
<h1>Seven Cs class report</h1>
<p>{len(self.learners)} learners' exports read; {len(self.skipped)} files skipped.
Pass rate = learners who passed ÷ learners who attempted. Hardest exercises first.</p>
{f"<h2>Skipped files</h2><ul>{skipped}</ul>" if skipped else ""}
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
<h2>The hardest exercises</h2>
<img src="data:image/png;base64,{data}" alt="{esc(image.alt, quote=True)}">
<h2>Chapters</h2>
{chapters.to_html(index=False, escape=True, border=0)}
<h2>Every exercise, hardest first</h2>
{exercises.to_html(index=False, escape=True, border=0)}
</body>
</html>
"""

    def save(self, folder: str | os.PathLike) -> tuple[Path, Path]:
        """Write ``class-report.html`` and ``class-report.csv`` into ``folder``; returns both paths."""
        from sevencs.exports import write_text_atomically

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        page = write_text_atomically(self.to_html(), folder / HTML_NAME)
        table = write_text_atomically(self.exercises.to_csv(index=False), folder / CSV_NAME)
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
                notes.append(f"{len(group)} exports have no learner name ({files}); each is counted as "
                             "its own learner.")
            else:
                notes.append(f"{len(group)} exports are named {group[0].learner!r} ({files}): counted as "
                             f"{len(group)} learners. If one person handed in twice, remove the older "
                             "file and run the report again.")
    older = [x.path for x in learners if x.older]
    if older:
        notes.append(f"{len(older)} exports come from an older format (before version {FORMAT_VERSION}): "
                     f"{_files_list(older)}. They were read for what they contain.")
    newer = [x.path for x in learners if x.newer]
    if newer:
        notes.append(f"{len(newer)} exports come from a newer version of the course: {_files_list(newer)}. "
                     "What this version understands was read; update sevencs to read everything.")
    for x in learners:
        notes.extend(f"{x.path.name}: {n}" for n in x.notes)
    return notes


def build_report(
    files: Iterable[str | os.PathLike],
    on_progress: Callable[[int, int], None] | None = None,
    every: int = 50,
) -> ClassReport:
    """Read every export in ``files`` (files or folders) and count; bad files are skipped, not fatal.

    ``on_progress(done, total)`` is called after every ``every`` files and after the last.
    """
    paths, skipped = collect_files(files)
    learners: list[LearnerExport] = []
    for done, path in enumerate(paths, 1):
        try:
            learners.append(read_export(path))
        except ExportError as exc:
            skipped.append(Skipped(path, str(exc).removeprefix(f"{path.name}: ")))
        if on_progress and (done % every == 0 or done == len(paths)):
            on_progress(done, len(paths))
    exercises, chapters = _count(learners)
    return ClassReport(exercises, chapters, learners, skipped, _notes(learners))


def _count(learners: list[LearnerExport]) -> tuple[pd.DataFrame, pd.DataFrame]:
    n = len(learners)
    frames = [x.events.assign(learner=i) for i, x in enumerate(learners) if not x.events.empty]
    events = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(
        columns=["learner", "chapter", "item", "kind", "status"])
    kind = events["kind"]
    flags = pd.DataFrame({
        "learner": events["learner"],
        "chapter": events["chapter"],
        "exercise": events["item"],
        "attempted": kind == "attempt",
        "passed": (kind == "attempt") & (events["status"] == "correct"),
        "needed_hints": kind == "hint",
        "saw_solution": kind == "solution",
    })
    # one row per learner and exercise: did they ever attempt, pass, ask for a hint, see the solution?
    per_learner = flags.groupby(["chapter", "exercise", "learner"], sort=False)[
        ["attempted", "passed", "needed_hints", "saw_solution"]].any()
    counts = per_learner.groupby(level=["chapter", "exercise"], sort=False).sum().astype(int)

    course = _course_exercises()
    known = {(c, e) for c, e, _ in course}
    titles = {(c, e): t for c, e, t in course}
    exercise_kinds = flags[flags[["attempted", "needed_hints", "saw_solution"]].any(axis=1)]
    extra = sorted({(c, e) for c, e in zip(exercise_kinds["chapter"], exercise_kinds["exercise"])} - known)
    keys = [(c, e) for c, e, _ in course] + extra
    rows = []
    for order, key in enumerate(keys):
        got = counts.loc[key] if key in counts.index else None
        value = {k: (int(got[k]) if got is not None else 0)
                 for k in ("attempted", "passed", "needed_hints", "saw_solution")}
        rows.append({
            "chapter": key[0], "exercise": key[1], "title": titles.get(key, ""),
            "in_this_course": key in known, "learners": n, **value,
            "pass_rate": value["passed"] / value["attempted"] if value["attempted"] else math.nan,
            "order": order,
        })
    table = pd.DataFrame(rows)
    if table.empty:
        table = pd.DataFrame(columns=[*EXERCISE_COLUMNS, "order"])
    table = table.sort_values(["pass_rate", "saw_solution", "order"], ascending=[True, False, True],
                              na_position="last", kind="stable")
    table["rank"] = range(1, len(table) + 1)
    exercises = table[EXERCISE_COLUMNS].reset_index(drop=True)

    started = events.groupby("chapter")["learner"].nunique() if not events.empty else pd.Series(dtype=int)
    passed = per_learner[per_learner["passed"]].reset_index()
    chapter_rows = []
    for chapter in CHAPTERS:
        names = [e for c, e, _ in course if c == chapter]
        mine = passed[(passed["chapter"] == chapter) & passed["exercise"].isin(names)]
        per_person = mine.groupby("learner")["exercise"].nunique()
        began = int(started.get(chapter, 0))
        chapter_rows.append({
            "chapter": chapter, "exercises": len(names), "learners": n,
            "started": began, "not_started": n - began,
            "completed": int((per_person == len(names)).sum()) if names else 0,
            "mean_share_passed": (per_person.sum() / (len(names) * n)) if names and n else 0.0,
        })
    return exercises, pd.DataFrame(chapter_rows, columns=CHAPTER_COLUMNS)
