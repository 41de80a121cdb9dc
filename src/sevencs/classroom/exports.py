"""Reading learners' progress files back for a class report.

A learner hands in one JSON file (``sevencs export``, ``sevencs.export()`` or the
button under ``sevencs.progress()``); its format, and how it is written, is
:mod:`sevencs.learner.handin`, whose names are available here too.

:func:`read_export` is forgiving about age and strict about shape. A file from an
older (or newer) ``format_version`` is read for what it has, with a note saying so;
the least it must have is ``format`` and a list of ``events``, each naming a
``chapter``, an ``item`` and a ``kind``. Anything else (not JSON, cut short, another
program's JSON) raises :class:`ExportError` naming the problem in plain words.

:func:`read_progress_file` reads a learner's progress file itself (on a hub, every
learner's is in their home folder), read-only and while the learner may still be
writing to it: see :class:`~sevencs.course.store.ProgressStore` with ``read_only``.
Its learner is the name the learner gave when they last handed in, else the hub
user name the report passes (``account``).
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from sevencs.course.store import (
    KINDS,
    ProgressDamaged,
    ProgressFromNewerCourse,
    ProgressLocked,
    ProgressProblem,
    ProgressStore,
    ProgressUnfinished,
)
from sevencs.errors import LearnerError
from sevencs.learner.handin import (
    ANONYMOUS,
    EVENT_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    LEARNER_ENV,
    MAX_BYTES,
    build_export,
    course_version,
    default_filename,
    learner_name,
    write_export,
)
from sevencs.untrusted import UnreadableFile, huge_number, plain, read_ordinary_file, shown_path

__all__ = [
    "ANONYMOUS",
    "EVENT_FIELDS",
    "FORMAT",
    "FORMAT_VERSION",
    "LEARNER_ENV",
    "MAX_BYTES",
    "ExportError",
    "LearnerExport",
    "build_export",
    "course_version",
    "default_filename",
    "learner_name",
    "read_export",
    "read_progress_file",
    "write_export",
]


class ExportError(LearnerError, ValueError):
    """A file that cannot be read as a progress export; the message says why (a notebook shows it
    in a few lines, as every :class:`~sevencs.errors.LearnerError`)."""


@dataclass
class LearnerExport:
    """One learner's export (or progress file) as read back: who, from which version, and the events
    as a table (columns :data:`EVENT_FIELDS`, oldest first).

    ``account`` is the hub user name of a progress file read from a home folder (None for an export);
    ``from_database`` says the events were read from the progress file itself.
    """

    path: Path
    learner: str
    format_version: int | None
    course_version: str | None
    exported_at: str | None
    events: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    account: str | None = None
    from_database: bool = False

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


#: Seconds the report waits for a learner's notebook that is in the middle of saving.
READ_WAIT = 1.0


def read_progress_file(path: str | os.PathLike, account: str | None = None, wait: float = READ_WAIT) -> LearnerExport:
    """Read a learner's progress file itself, read-only, while they may still be writing to it.

    A file that does not exist reads as a learner who has started nothing. Raises
    :class:`ExportError` saying, for an instructor, why a file could not be read now: in the
    middle of a write (read it again in a moment), damaged, or from a newer course.
    """
    path = Path(path)
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # a missing file reads as nothing done; any other problem is the store's to name
    if size > MAX_BYTES:
        raise _problem(
            path,
            f"is {size / 1e6:.0f} MB, far too large for a progress file (the limit is {MAX_BYTES / 1e6:.0f} MB); "
            "is it the right file?",
        )
    store = ProgressStore(path, wait=wait, read_only=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            events = store.events()
            kept = store.remembered_name()
        except ProgressUnfinished:
            raise _problem(
                path,
                "a write to it was cut short (a notebook stopped in the middle of saving, and its journal is "
                "still there), so it could not be read without changing it; nothing was changed. The learner's "
                "next check finishes the write, and the report reads it then",
            ) from None
        except ProgressLocked:
            raise _problem(
                path,
                f"a notebook was saving to it for longer than {wait:g} seconds, so it was not read this time "
                "(it is read again at the next run); nothing was changed",
            ) from None
        except ProgressDamaged as problem:
            raise _problem(
                path,
                f"it is damaged ({_first_bracket(str(problem))}); the learner's next check keeps it aside "
                "and starts a fresh one",
            ) from None
        except ProgressFromNewerCourse:
            raise _problem(
                path, "it was written by a newer version of the course, laid out in a way this version cannot read"
            ) from None
        except ProgressProblem as problem:
            raise _problem(path, f"it could not be read: {plain(problem, limit=200)}") from None
    notes = [plain(w.message, limit=200) for w in caught if issubclass(w.category, UserWarning)]
    unknown = sorted(set(events["kind"]) - set(KINDS))
    if unknown:
        notes.append(f"events of an unknown kind ({', '.join(plain(k, limit=30) for k in unknown)}) were left out")
    events = events[events["kind"].isin(KINDS)]
    columns = {  # SQLite's text as str, NULL (None, or NaN in an empty column) as None
        k: [v if isinstance(v, str) else None if v is None or v != v else str(v) for v in events[k].tolist()]
        for k in EVENT_FIELDS
    }
    name = plain(kept, limit=80) if kept else ""
    return LearnerExport(
        path=path,
        learner=name or (plain(account, limit=80) if account else "") or ANONYMOUS,
        format_version=FORMAT_VERSION,
        course_version=None,
        exported_at=None,
        events=pd.DataFrame(columns, columns=list(EVENT_FIELDS)),
        notes=notes,
        account=account,
        from_database=True,
    )


def _first_bracket(message: str) -> str:
    """What SQLite said, from a store's message "Your progress file … is damaged (<what>), …"."""
    start = message.find("is damaged (")
    end = message.find("), ", start)
    return plain(message[start + 12 : end], limit=80) if 0 <= start < end else "SQLite cannot read it"
