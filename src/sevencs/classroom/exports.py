"""Progress files a learner hands in, and reading them back for a class report.

``sevencs export`` writes one JSON file per learner::

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

The events are the rows of the learner's progress store (:mod:`sevencs.course.store`),
every kind; reflections only when the learner asks for them, because they are
personal. The file is written to a temporary name and then renamed, so a
half-written export never sits where the learner expects the finished one.

:func:`read_export` is forgiving about age and strict about shape. A file from an
older (or newer) ``format_version`` is read for what it has, with a note saying so;
the least it must have is ``format`` and a list of ``events``, each naming a
``chapter``, an ``item`` and a ``kind``. Anything else (not JSON, cut short, another
program's JSON) raises :class:`ExportError` naming the problem in plain words.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sevencs import __version__
from sevencs.atomic import write_text_atomically
from sevencs.course.store import KINDS, ProgressStore
from sevencs.errors import LearnerError
from sevencs.untrusted import UnreadableFile, huge_number, plain, read_ordinary_file, shown_path

FORMAT = "sevencs-progress"
FORMAT_VERSION = 1
#: Where ``sevencs export`` looks for the learner's name when ``--name`` is not given.
LEARNER_ENV = "SEVENCS_LEARNER"
ANONYMOUS = "anonymous"
EVENT_FIELDS = ("time", "chapter", "item", "kind", "status", "value")
#: A progress file of a whole course is a few hundred kilobytes; anything far bigger is not one.
MAX_BYTES = 20_000_000


class ExportError(LearnerError, ValueError):
    """A file that cannot be read as a progress export; the message says why (a notebook shows it
    in a few lines, as every :class:`~sevencs.errors.LearnerError`)."""


def course_version() -> str:
    """The version of the course package that wrote the export (``sevencs.__version__``)."""
    return __version__


def learner_name(name: str | None = None) -> str:
    """``name`` tidied, else ``$SEVENCS_LEARNER``, else ``"anonymous"``."""
    for candidate in (name, os.environ.get(LEARNER_ENV)):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
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
    """The export of one learner's progress as a JSON-ready dict (see the module's docstring)."""
    events = (store or ProgressStore()).events()
    if not with_reflections:
        events = events[events["kind"] != "reflection"]
    records = [
        {key: (None if pd.isna(row[key]) else str(row[key])) for key in EVENT_FIELDS} for _, row in events.iterrows()
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "course_version": course_version(),
        "learner": learner_name(name),
        "exported_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "includes_reflections": bool(with_reflections),
        "events": records,
    }


def write_export(data: dict, path: str | os.PathLike) -> Path:
    """Write an export (from :func:`build_export`) as JSON, atomically."""
    return write_text_atomically(json.dumps(data, ensure_ascii=False, indent=1) + "\n", path)


@dataclass
class LearnerExport:
    """One learner's export as read back: who, from which version, and the events as a table."""

    path: Path
    learner: str
    format_version: int | None
    course_version: str | None
    exported_at: str | None
    events: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def older(self) -> bool:
        return self.format_version is None or self.format_version < FORMAT_VERSION

    @property
    def newer(self) -> bool:
        return self.format_version is not None and self.format_version > FORMAT_VERSION


def _scalar_text(value: object) -> str | None:
    """An event's field as text: numbers and text as they are, anything else (lists, objects) as None."""
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**200:
        return f"({huge_number(value)})"
    return str(value)


def _problem(path: Path, what: str) -> ExportError:
    return ExportError(f"{shown_path(path)}: {what}")


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path`` if it is an ordinary file of at most :data:`MAX_BYTES`; else ExportError."""
    try:
        return read_ordinary_file(path, MAX_BYTES)
    except UnreadableFile as problem:
        if problem.size is not None:
            raise _problem(
                path,
                f"is {problem.size / 1e6:.0f} MB, far too large for a progress export "
                f"(the limit is {MAX_BYTES / 1e6:.0f} MB); is it the right file?",
            ) from None
        raise _problem(path, problem.what) from None


def read_export(path: str | os.PathLike) -> LearnerExport:
    """Read one export; raises :class:`ExportError` (a ValueError) saying what is wrong with it."""
    path = Path(path)
    data_bytes = _read_regular_file(path)
    try:
        text = data_bytes.decode("utf-8-sig")  # a byte-order mark (Windows Notepad) is allowed
    except UnicodeDecodeError:
        raise _problem(path, "is not a text file, so it cannot be a progress export") from None
    if not text.strip():
        raise _problem(path, "is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        body = text.strip()
        # a document that opens like JSON but does not close was cut short (a copy or upload stopped)
        cut = (body[:1] in "{[" and body[-1:] != {"{": "}", "[": "]"}[body[:1]]) or exc.pos >= len(body)
        why = "it stops in the middle, as if the copy was cut short" if cut else "it is not valid JSON"
        raise _problem(path, f"could not be read: {why} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise _problem(path, "is JSON nested far too deeply to be a progress export") from None
    except ValueError:  # a number longer than Python reads (sys.get_int_max_str_digits)
        raise _problem(path, "holds a number thousands of digits long, so it is not a progress export") from None
    if not isinstance(data, dict):
        raise _problem(
            path, f'is JSON, but not a Seven Cs progress export (expected an object with "format": "{FORMAT}")'
        )
    if data.get("format") != FORMAT:
        found = data.get("format")
        seen = f"its format is {found!r}" if found is not None else 'it has no "format" field'
        raise _problem(path, f"is not a Seven Cs progress export: {seen}, expected {FORMAT!r}")
    version = data.get("format_version")
    if version is not None and (
        isinstance(version, bool) or not isinstance(version, int) or not 0 <= version < 1_000_000
    ):
        if isinstance(version, int) and not isinstance(version, bool):
            shown = str(version) if abs(version) < 10**12 else huge_number(version)
        else:
            shown = (
                plain(repr(version), limit=40)
                if isinstance(version, (str, float, bool))
                else "a " + type(version).__name__
            )
        raise _problem(path, f"has a format_version of {shown}; expected a small whole number such as {FORMAT_VERSION}")
    events = data.get("events")
    if not isinstance(events, list):
        raise _problem(path, 'has no list of "events", so there is no progress to read')
    rows, unknown_kinds, bad = [], set(), 0
    for event in events:
        if not (
            isinstance(event, dict)
            and all(isinstance(event.get(k), str) and event.get(k) for k in ("chapter", "item", "kind"))
        ):
            bad += 1
            continue
        if event["kind"] not in KINDS:
            unknown_kinds.add(event["kind"])
            continue
        rows.append({k: _scalar_text(event.get(k)) for k in EVENT_FIELDS})
    if bad and not rows:
        raise _problem(path, f"has {bad} events, but none names a chapter, an item and a kind")
    notes = []
    if bad:
        notes.append(f"{bad} events without a chapter, item or kind were left out")
    if unknown_kinds:
        notes.append(f"events of an unknown kind ({', '.join(sorted(unknown_kinds))}) were left out")
    name = data.get("learner")
    learner = plain(name, limit=80) if isinstance(name, str) else ""
    learner = learner or ANONYMOUS
    return LearnerExport(
        path=path,
        learner=learner,
        format_version=version,
        course_version=data.get("course_version") if isinstance(data.get("course_version"), str) else None,
        exported_at=data.get("exported_at") if isinstance(data.get("exported_at"), str) else None,
        events=pd.DataFrame(rows, columns=list(EVENT_FIELDS)),
        notes=notes,
    )
