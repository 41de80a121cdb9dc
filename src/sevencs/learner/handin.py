"""A learner's progress as one file to hand in, from a notebook or a terminal.

>>> import sevencs
>>> sevencs.export(name="Sam Lee")     # writes sevencs-progress-sam-lee.json in the course folder

The same file comes from the button under ``sevencs.progress()`` and from
``sevencs export --name "Sam Lee"`` in a terminal. It is JSON::

    {
      "format": "sevencs-progress",
      "format_version": 1,
      "course_version": "0.1.0",
      "learner": "Sam Lee",
      "exported_at": "2026-03-02T10:15:00",
      "includes_reflections": false,
      "events": [{"time": "...", "chapter": "connection", "item": "q1",
                  "kind": "attempt", "status": "correct", "value": "768"}, ...]
    }

The events are the rows of the learner's progress file (:mod:`sevencs.course.store`),
every kind; reflections only when the learner asks for them, because they are
personal. A learner who has done nothing yet still gets a file (with no events),
so the instructor sees "started nothing" rather than nothing at all. The file is
written to a temporary name and then renamed, so a half-written file never sits
where the learner expects the finished one.

The name in the file is the first of: the name given now; the name given last
time (kept in the progress file); ``$SEVENCS_LEARNER``; the hub user name
(``$JUPYTERHUB_USER``, set on a JupyterHub); ``"anonymous"``. Reading the files
back is the instructor's side, :mod:`sevencs.classroom.exports`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sevencs.atomic import write_text_atomically
from sevencs.course.store import ProgressProblem, ProgressStore, course_folder
from sevencs.render.html import box, text_to_html
from sevencs.untrusted import UnreadableFile, read_ordinary_file

FORMAT = "sevencs-progress"
FORMAT_VERSION = 1
#: Where an export looks for the learner's name when none is given or kept.
LEARNER_ENV = "SEVENCS_LEARNER"
#: The hub user name, which JupyterHub sets in every learner's session.
HUB_USER_ENV = "JUPYTERHUB_USER"
ANONYMOUS = "anonymous"
EVENT_FIELDS = ("time", "chapter", "item", "kind", "status", "value")
#: A progress file of a whole course is a few hundred kilobytes; anything far bigger is not one.
MAX_BYTES = 20_000_000


def course_version() -> str:
    """The version of the course package that wrote the export (``sevencs.__version__``)."""
    import sevencs  # the package's own __init__ imports this module: read its version when asked

    return sevencs.__version__


def tidy_name(name: str | None) -> str | None:
    """``name`` with runs of white space as one space, or None when nothing is left."""
    return " ".join(name.split()) if isinstance(name, str) and name.strip() else None


def learner_name(name: str | None = None, store: ProgressStore | None = None) -> str:
    """The name for an export: ``name`` tidied, else the one kept in ``store``'s file, else
    ``$SEVENCS_LEARNER``, else ``$JUPYTERHUB_USER``, else ``"anonymous"``."""
    kept = None
    if tidy_name(name) is None and store is not None:
        try:
            kept = store.remembered_name()
        except ProgressProblem:
            kept = None  # the events will say what is wrong with the file
    for candidate in (name, kept, os.environ.get(LEARNER_ENV), os.environ.get(HUB_USER_ENV)):
        tidy = tidy_name(candidate)
        if tidy:
            return tidy
    return ANONYMOUS


def default_filename(name: str) -> str:
    """``sevencs-progress-<name>.json`` with the name reduced to letters, digits and dashes."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or ANONYMOUS
    return f"sevencs-progress-{slug[:60]}.json"


def build_export(
    store: ProgressStore | None = None,
    name: str | None = None,
    with_reflections: bool = False,
    now: dt.datetime | None = None,
) -> dict:
    """The export of one learner's progress as a JSON-ready dict (see the module's docstring).

    A missing progress file gives an export with no events.
    """
    store = store or ProgressStore()
    events = store.events()
    if not with_reflections:
        events = events[events["kind"] != "reflection"]
    records = [
        {key: (None if pd.isna(row[key]) else str(row[key])) for key in EVENT_FIELDS} for _, row in events.iterrows()
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "course_version": course_version(),
        "learner": learner_name(name, store),
        "exported_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "includes_reflections": bool(with_reflections),
        "events": records,
    }


def write_export(data: dict, path: str | os.PathLike) -> Path:
    """Write an export (from :func:`build_export`) as JSON, atomically."""
    return write_text_atomically(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)


def is_export(path: Path) -> bool:
    """Whether ``path`` is an ordinary file holding a progress export (any name, any version)."""
    try:
        data = json.loads(read_ordinary_file(path, MAX_BYTES).decode("utf-8-sig"))
    except (UnreadableFile, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and data.get("format") == FORMAT


def remember_name(store: ProgressStore, name: str | None) -> None:
    """Keep a name the learner gave in their progress file, if the file is there; never raises.

    Only an existing file is written to: handing in from the wrong folder must not leave a new
    progress file behind.
    """
    tidy = tidy_name(name)
    if tidy is None or not store.path.is_file():
        return
    try:
        if store.remembered_name() != tidy:
            store.remember_name(tidy)
    except ProgressProblem:
        pass  # the export has the name anyway; the next one can keep it


@dataclass(frozen=True)
class HandIn:
    """What :func:`export` did: the file written (``path``, None when nothing was written), for whom
    (``learner``), how many events it holds, and a message for the learner."""

    path: Path | None
    learner: str
    events: int
    message: str

    @property
    def saved(self) -> bool:
        return self.path is not None

    @property
    def heading(self) -> str:
        return "Your progress file is saved" if self.saved else "Your progress file was not saved"

    def __str__(self) -> str:
        return f"{self.heading}. {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return box("correct" if self.saved else "info", self.heading, text_to_html(self.message))


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(course_folder()))
    except ValueError:
        return str(path)


def export(
    name: str | None = None,
    out: str | os.PathLike | None = None,
    with_reflections: bool = False,
    store: ProgressStore | None = None,
) -> HandIn:
    """Save your progress as one file to hand in to your instructor; returns what was saved and where.

    ``name``: your name as your instructor knows it (kept for next time; see the module's docstring
    for where it comes from otherwise). ``out``: the file or folder to write to (default: the course
    folder, as ``sevencs-progress-<name>.json``). ``with_reflections``: include what you wrote in the
    reflections, which are left out unless you ask because they are personal.

    An earlier progress file at the same place is replaced (hand in the newest); any other file is
    left as it is and nothing is written. Never raises for a busy or unwritable file: the message
    says what happened and what to try.
    """
    store = store or ProgressStore()
    try:
        data = build_export(store, name=name, with_reflections=with_reflections)
    except ProgressProblem as problem:
        return HandIn(None, learner_name(name), 0, f"{problem}")
    learner = data["learner"]
    target = Path(out) if out is not None else course_folder() / default_filename(learner)
    if target.is_dir():
        target = target / default_filename(learner)
    if (target.exists() or target.is_symlink()) and not is_export(target):
        return HandIn(
            None,
            learner,
            0,
            f"There is already a file called {target.name} at {target.parent}, and it is not a progress "
            "file, so it was left as it is. Choose another name, for example "
            "`sevencs.export(out='my-progress.json')`.",
        )
    try:
        write_export(data, target)
    except OSError as exc:
        return HandIn(
            None,
            learner,
            0,
            f"{target} could not be written ({exc.strerror or exc}). Choose a folder you can write to, "
            "for example `sevencs.export(out='my-progress.json')` in the folder of this notebook.",
        )
    remember_name(store, name)
    count = len(data["events"])
    if count:
        what = (
            f"It holds {'your one saved step' if count == 1 else f'all {count} saved steps'} of your work: "
            "answers, hints, solutions and self-checks"
            + (
                ", and your reflections."
                if with_reflections
                else ". Your reflections are left out, as they are personal."
            )
        )
    else:
        what = (
            "You have not started any exercise yet, so it holds no progress. That is fine: hand it in "
            "anyway, and your instructor sees that you have started nothing yet."
        )
    message = (
        f"Saved as {_shown(target)} for {learner}. {what}\n\n"
        "Hand this file to your instructor. In JupyterLab, find it in the file browser on the left, "
        "right-click it and choose Download."
    )
    if learner == ANONYMOUS:
        message += (
            "\n\nThe file has no name in it. So that your instructor knows it is yours, save it again with "
            'your name: `sevencs.export(name="Your Name")`.'
        )
    return HandIn(target, learner, count, message)
