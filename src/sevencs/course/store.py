"""The learner's progress, kept in a small SQLite database in the course folder.

Every check, hint, solution, quiz answer and reflection becomes one row in an
append-only ``events`` table, written in its own transaction, so two notebooks
open at once never overwrite each other: each adds rows. Summaries are
computed from the rows when asked for.

Where the file lives: ``$SEVENCS_PROGRESS_DB`` if set; otherwise
``.sevencs/progress.sqlite`` in the course folder (the nearest folder, going up
from the current one, that holds ``_toc.yml``), or in the current folder if
there is none.

What happens when something is in the way, so that nothing is ever lost:

- **Reading never writes.** Reads open the file with writing switched off
  (``PRAGMA query_only``); a missing file reads as no progress and is not
  created. A read-only progress file can be read.
- **Busy is not damaged.** When another program holds the file (a second
  notebook in the middle of a write, a stuck kernel), a write waits, then
  raises :class:`ProgressLocked`. :meth:`ProgressStore.record` waits only
  ``wait`` seconds and then keeps the event in a *pending file* beside the
  database (``progress.sqlite.pending-<time>-<process>-<n>``); the next write
  that gets through adds every pending event to the database, and reads
  include them meanwhile.
- **Only a damaged database is set aside.** A regular file that SQLite opens
  and reports as not a database, malformed, or failing its ``quick_check`` is
  renamed to ``progress.sqlite.damaged-<time>`` (with its journal) by the next
  write, a warning says so, and a fresh file starts. A folder, a device, a
  missing folder, a permission problem, a file in use, another program's
  database or a file written by a newer version of the course is never moved:
  :class:`ProgressProblem` says what was found and what to do.
- **A newer course's file is read, not replaced.** A file whose schema version
  is higher than :data:`SCHEMA_VERSION` is read for the columns this version
  knows (with a warning); this version does not write into it, so events wait
  in a pending file until a newer course writes them.

Resetting a chapter moves its rows to ``reset_events`` rather than deleting
them, so a reset can be undone by hand.

The learner's name, when they give one to hand in their progress
(``sevencs export --name``, ``sevencs.export(name=...)``), is kept in a small
``learner`` table, so the next hand-in and an instructor's report read it from
the file. A file without the table (made before it existed) simply has no name;
the table is added at the next write, so the schema version stays 1.

**Someone else's file.** ``ProgressStore(path, read_only=True)`` is how an
instructor's report reads a learner's file while the learner may still be
writing to it: SQLite's read-only mode (a ``file:...?mode=ro`` URI), so nothing
is ever created or changed beside it, not even a journal rolled back; a write
in progress is waited for (``wait`` seconds) and then reported as
:class:`ProgressLocked`, never damage.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import stat
import threading
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pandas as pd

from sevencs.atomic import write_text_atomically
from sevencs.untrusted import UnreadableFile, read_ordinary_file

ENV_VAR = "SEVENCS_PROGRESS_DB"
SCHEMA_VERSION = 1
KINDS = ("attempt", "hint", "solution", "quiz", "reflection")
EVENT_COLUMNS = ("time", "chapter", "item", "kind", "status", "value")
#: Seconds a command waits for another program's write before saying the file is busy
#: (``$SEVENCS_PROGRESS_WAIT`` changes it, for a slow shared disk).
WAIT = 10.0
WAIT_ENV = "SEVENCS_PROGRESS_WAIT"
#: Seconds a check waits to record an answer before keeping it in a pending file instead.
CHECK_WAIT = 2.0
PENDING = ".pending-"
#: One event in a pending file is a few hundred bytes; a far bigger file is not one.
PENDING_MAX_BYTES = 1_000_000
DAMAGED = ".damaged-"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    chapter TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT,
    value TEXT
);
CREATE INDEX IF NOT EXISTS events_chapter ON events (chapter, item);
CREATE TABLE IF NOT EXISTS reset_events (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    chapter TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT,
    value TEXT,
    reset_time TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_added (
    name TEXT PRIMARY KEY,
    added TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS learner (
    field TEXT PRIMARY KEY,
    value TEXT,
    time TEXT NOT NULL
);
"""
_STATEMENTS = [s.strip() for s in _SCHEMA.split(";") if s.strip()]
#: Tables this course writes; a database holding other tables and none of these belongs to another program.
_OURS = {"events", "reset_events", "pending_added", "learner", "sqlite_sequence"}
_TABLES = {"events", "reset_events", "pending_added", "learner"}

# SQLite's primary result codes (https://www.sqlite.org/rescode.html), as Python 3.11+ reports them.
_BUSY, _LOCKED, _READONLY, _CORRUPT, _NOTADB = 5, 6, 8, 11, 26


class ProgressWarning(UserWarning):
    """Progress could not be read or saved as usual; the message says what happened."""


class ProgressProblem(Exception):
    """The progress file cannot be used as it is; the message names it, says why and what to try.

    Nothing was moved or changed when this is raised.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class ProgressLocked(ProgressProblem):
    """Another program held the progress file for longer than the wait."""


class ProgressUnfinished(ProgressLocked):
    """Read-only, a file a stopped program left in the middle of a write (its journal still there): only a
    writer may finish it, so it cannot be read now without changing it."""


class ProgressDamaged(ProgressProblem):
    """The progress file is damaged; reads say so, the next write keeps it aside and starts afresh."""


class ProgressFromNewerCourse(ProgressProblem):
    """The progress file was written by a newer version of the course, which this version does not change."""


def course_folder(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` holding ``_toc.yml``; else ``start``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_toc.yml").is_file():
            return folder
    return here


def default_path() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return course_folder() / ".sevencs" / "progress.sqlite"


def _default_wait() -> float:
    try:
        seconds = float(os.environ.get(WAIT_ENV, WAIT))
    except ValueError:
        return WAIT
    return seconds if 0 <= seconds <= 3600 else WAIT


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="milliseconds")


def _code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code of an error (the extended code's low byte), if Python gives one."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


@dataclass(frozen=True)
class Recorded:
    """What became of one event given to :meth:`ProgressStore.record`.

    ``saved``: it is in the database. Otherwise ``kept`` names where it waits (a
    pending file, or ``None`` when only this session's memory holds it) and
    ``reason`` says why it was not saved.
    """

    saved: bool
    kept: Path | None = None
    reason: str = ""


# Events that could be neither saved nor written to a pending file (a read-only folder): this
# session keeps them, reads include them, and the next write that gets through saves them.
_in_memory: dict[Path, list[dict]] = {}
_newer_warned: set[Path] = set()


class ProgressStore:
    """Reads and writes one progress database. Cheap to create; opens the file per call.

    ``wait``: seconds to wait for another program's write before giving up (see :data:`WAIT`).
    ``read_only``: open the file in SQLite's read-only mode and never write (an instructor reading a
    learner's file; see the module's docstring).
    """

    _verified: ClassVar[set[Path]] = set()
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self, path: str | os.PathLike | None = None, wait: float | None = None, read_only: bool = False
    ) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.wait = wait if wait is not None else _default_wait()
        self.read_only = read_only

    # -- what is at the path ----------------------------------------------------------------

    def _key(self) -> Path:
        return Path(os.path.abspath(self.path))

    def _check_path(self, for_writing: bool) -> bool:
        """Whether a database file is there; raises :class:`ProgressProblem` for anything that is not one.

        For writing, the file's own folder (such as ``.sevencs``) is created when the folder
        that holds it exists; nothing deeper is created, so a mistyped path is reported.
        """
        path = self.path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if os.path.lexists(path):
                raise ProgressProblem(
                    f"Your progress file {path} is a link to {os.readlink(path)}, which does not exist. "
                    f"Remove the link, or set {ENV_VAR} to the path of a progress file.",
                    path,
                ) from None
            info = None
        except NotADirectoryError:
            raise self._not_a_folder(path.parent) from None
        except OSError as exc:
            raise ProgressProblem(
                f"Your progress file {path} cannot be reached ({exc.strerror or exc}). "
                f"Check the path, or set {ENV_VAR} to another one.",
                path,
            ) from None
        if info is not None:
            if stat.S_ISDIR(info.st_mode):
                raise ProgressProblem(
                    f"The progress file {path} is a folder, not a file, so it was left as it is. Set "
                    f"{ENV_VAR} to a file inside it, such as {path / 'progress.sqlite'}, or unset "
                    f"{ENV_VAR} to use the course folder.",
                    path,
                )
            if not stat.S_ISREG(info.st_mode):
                raise ProgressProblem(
                    f"The progress file {path} is not an ordinary file (it is a device, pipe or socket), "
                    f"so it was left as it is. Set {ENV_VAR} to the path of an ordinary file, such as "
                    "progress.sqlite in your course folder.",
                    path,
                )
            return True
        if not for_writing:
            return False
        folder = path.parent
        if not folder.is_dir():
            if folder.exists() or not folder.parent.is_dir():
                raise self._not_a_folder(folder)
            try:
                folder.mkdir()
            except FileExistsError:
                pass
            except OSError as exc:
                raise ProgressProblem(
                    f"The folder {folder} for your progress file could not be made "
                    f"({exc.strerror or exc}). Check that the course folder is writable, "
                    f"or set {ENV_VAR} to a file in a folder you can write to.",
                    path,
                ) from None
        return False

    def _not_a_folder(self, folder: Path) -> ProgressProblem:
        return ProgressProblem(
            f"The folder {folder} for your progress file {self.path.name} does not exist (or is not a "
            f"folder), so nothing was saved there. Check {ENV_VAR} for a typing mistake, or create the "
            "folder first.",
            self.path,
        )

    def _problem(self, error: sqlite3.Error, doing: str) -> ProgressProblem:
        """The plain-words problem for an error SQLite raised while ``doing`` something."""
        code, path = _code(error), self.path
        if code in (_BUSY, _LOCKED):
            return ProgressLocked(
                f"Another program is using your progress file ({path}), so it could not be {doing} "
                f"within {self.wait:g} seconds. Nothing was lost. Close other notebooks of the course or "
                "wait for a moment, then try again.",
                path,
            )
        if code in (_CORRUPT, _NOTADB):
            return ProgressDamaged(
                f"Your progress file {path} is damaged ({error}), so it could not be {doing}. It has not "
                "been changed. The next time you save progress (for example by checking an exercise) it "
                f"will be kept as {path.name}{DAMAGED}<time> beside it and a fresh file started; an "
                "instructor may be able to recover it.",
                path,
            )
        if code == _READONLY and self.read_only:  # a write was cut short and only a writer may finish it
            return ProgressUnfinished(
                f"The progress file {path} is in the middle of a write that has not finished (its journal "
                f"is still there), so it could not be {doing} without changing it. It was left as it is: "
                "the learner's next save finishes the write. Try again in a moment.",
                path,
            )
        if code == _READONLY:
            return ProgressProblem(
                f"Your progress file {path} could not be {doing} because it or its folder is read-only "
                f"({error}). Make them writable, or set {ENV_VAR} to a file in a folder you can write to.",
                path,
            )
        return ProgressProblem(
            f"Your progress file {path} could not be {doing} ({error}). Check that the file and its "
            f"folder exist and that you may write to them, or set {ENV_VAR} to another file.",
            path,
        )

    # -- reading ---------------------------------------------------------------------------

    def _connect_to_read(self) -> sqlite3.Connection:
        # mode=rw: never create the file; query_only: no statement may write. SQLite may still
        # roll back a change a stopped program left unfinished (a hot journal): its own recovery.
        # mode=ro (someone else's file): not even that; the learner's next write does it.
        mode = "ro" if self.read_only else "rw"
        con = sqlite3.connect(f"{self._key().as_uri()}?mode={mode}", uri=True, timeout=self.wait, isolation_level=None)
        con.execute("PRAGMA query_only = ON")
        return con

    def _read(self, sql: str, params: tuple = ()) -> tuple[pd.DataFrame, set[str]]:
        """Run a SELECT on the file, read-only, and the names of the pending files already added,
        both from one snapshot. A missing or empty file reads as no progress."""
        if self._check_path(for_writing=False):
            try:
                con = self._connect_to_read()
                try:
                    con.execute("BEGIN")  # one snapshot for both queries
                    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                    version = con.execute("PRAGMA user_version").fetchone()[0]
                    if "events" in tables:
                        if version > SCHEMA_VERSION:
                            self._check_newer_readable(con, version)
                        frame = pd.read_sql_query(sql, con, params=params)
                        added = (
                            {r[0] for r in con.execute("SELECT name FROM pending_added")}
                            if "pending_added" in tables
                            else set()
                        )
                        return frame, added
                finally:
                    con.close()
            except sqlite3.Error as error:
                raise self._problem(error, "read") from None
            except pd.errors.DatabaseError as error:  # pandas wraps what SQLite raised
                cause = error.__cause__ or error.__context__
                if isinstance(cause, sqlite3.Error):
                    raise self._problem(cause, "read") from None
                raise
            if tables - _OURS:
                raise self._foreign(tables)
        return self._read_nothing(sql, params), set()

    @staticmethod
    def _read_nothing(sql: str, params: tuple) -> pd.DataFrame:
        """The query's result on an empty progress database: the right columns, no rows."""
        con = sqlite3.connect(":memory:")
        try:
            for statement in _STATEMENTS:
                con.execute(statement)
            return pd.read_sql_query(sql, con, params=params)
        finally:
            con.close()

    def _check_newer_readable(self, con: sqlite3.Connection, version: int) -> None:
        columns = {r[1] for r in con.execute("PRAGMA table_info(events)")}
        if not {"id", *EVENT_COLUMNS} <= columns:
            raise ProgressFromNewerCourse(
                f"Your progress file {self.path} was written by a newer version of the course (file "
                f"format {version}; this version reads up to {SCHEMA_VERSION}) and is laid out in a way "
                "this version cannot read. It was left as it is. Update the course (in a terminal: pip "
                "install --upgrade sevencs, or pull the newest course folder), then try again.",
                self.path,
            )
        if self._key() in _newer_warned:
            return  # said once per session
        warnings.warn(
            f"Your progress file {self.path} was written by a newer version of the course (file format "
            f"{version}; this version reads up to {SCHEMA_VERSION}). What this version understands is shown; "
            "new answers wait beside the file until a newer version saves them. Update the course to see "
            "and save everything.",
            ProgressWarning,
            stacklevel=5,
        )
        _newer_warned.add(self._key())

    def _foreign(self, tables: set[str]) -> ProgressProblem:
        shown = ", ".join(sorted(tables - _OURS)[:5])
        return ProgressProblem(
            f"{self.path} is a database of another program (it holds the tables {shown}), not a Seven Cs "
            f"progress file, so it was left as it is. Set {ENV_VAR} to a file of its own, such as "
            "progress.sqlite in your course folder.",
            self.path,
        )

    # -- writing ---------------------------------------------------------------------------

    def _connect_to_write(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so every write is one explicit transaction.
        return sqlite3.connect(self.path, timeout=self.wait, isolation_level=None)

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One write transaction, with the schema in place and pending events added first.

        A damaged file is kept aside (once) and the transaction runs on a fresh file.
        """
        if self.read_only:
            raise ProgressProblem(
                f"The progress file {self.path} was opened for reading only, so it could not be {doing}.", self.path
            )
        for attempt in (1, 2):
            self._check_path(for_writing=True)
            try:
                con = self._connect_to_write()
            except sqlite3.Error as error:
                raise self._problem(error, doing) from None
            try:
                try:
                    con.execute("BEGIN IMMEDIATE")
                    added = self._prepare(con)
                except (sqlite3.Error, ProgressProblem) as error:
                    if con.in_transaction:
                        con.execute("ROLLBACK")
                    problem = error if isinstance(error, ProgressProblem) else self._problem(error, doing)
                    if isinstance(problem, ProgressDamaged) and attempt == 1:
                        con.close()
                        self._set_aside(str(error))
                        continue
                    raise problem from None
                try:
                    yield con
                    con.execute("COMMIT")
                except sqlite3.Error as error:
                    if con.in_transaction:
                        con.execute("ROLLBACK")
                    problem = self._problem(error, doing)
                    if isinstance(problem, ProgressDamaged):
                        self._verified.discard(self._key())  # the next write checks it and sets it aside
                    raise problem from None
                except BaseException:
                    if con.in_transaction:
                        con.execute("ROLLBACK")
                    raise
            finally:
                con.close()
            self._forget_added(added)
            return

    def _prepare(self, con: sqlite3.Connection) -> list[str]:
        """Inside the write transaction: check the file once per session, create the schema, add
        the pending events. Returns the names of the pending files added."""
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ProgressFromNewerCourse(
                f"Your progress file {self.path} was written by a newer version of the course (file format "
                f"{version}; this version writes {SCHEMA_VERSION}), so this version does not change it. "
                "Update the course (in a terminal: pip install --upgrade sevencs, or pull the newest "
                "course folder); your new answers are kept beside the file meanwhile.",
                self.path,
            )
        if "events" not in tables and tables - _OURS:
            raise self._foreign(tables)
        key = self._key()
        if key not in self._verified:
            result = con.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise ProgressDamaged(f"quick_check: {result[0] if result else 'no answer'}", self.path)
        if not tables >= _TABLES:
            for statement in _STATEMENTS:
                con.execute(statement)
            con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._verified.add(key)
        return self._add_pending(con)

    def _set_aside(self, reason: str) -> None:
        """Rename a damaged database (and its journal) to ``<name>.damaged-<time>``, and say so."""
        with self._lock:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            kept = self.path.with_name(f"{self.path.name}{DAMAGED}{stamp}")
            try:
                if not stat.S_ISREG(os.stat(self.path).st_mode):
                    return
                self.path.rename(kept)
            except FileNotFoundError:
                return  # another process set it aside first
            for suffix in ("-journal", "-wal", "-shm"):
                side = Path(str(self.path) + suffix)
                if side.exists():
                    side.rename(Path(str(kept) + suffix))
            self._verified.discard(self._key())
        warnings.warn(
            f"Your progress file {self.path} could not be read ({reason}), so it was kept as {kept.name} "
            "and a new one was started. Nothing was deleted: an instructor may be able to recover it.",
            ProgressWarning,
            stacklevel=6,
        )

    def record(
        self,
        chapter: str,
        item: str,
        kind: str,
        status: str | None = None,
        value: str | None = None,
    ) -> Recorded:
        """Add one event (``kind`` is one of :data:`KINDS`) and say what became of it.

        When the file is busy beyond the wait, or written by a newer course, the event is kept
        in a pending file (see the module's docstring) and a :class:`Recorded` with
        ``saved=False`` says where. Other problems raise :class:`ProgressProblem`.
        """
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if self.read_only:
            raise ProgressProblem(f"The progress file {self.path} was opened for reading only.", self.path)
        event = dict(zip(EVENT_COLUMNS, (_now(), chapter, item, kind, status, value)))
        try:
            with self._transaction("saved") as con:
                _insert(con, [event])
        except (ProgressLocked, ProgressFromNewerCourse, ProgressDamaged) as problem:
            return self._keep(event, str(problem))  # it will be free (or set aside) later
        except ProgressProblem as problem:
            _in_memory.setdefault(self._key(), []).append(event)  # nowhere on disk to keep it
            return Recorded(False, None, str(problem))
        return Recorded(True)

    def remember_name(self, name: str) -> None:
        """Keep the learner's name in the file (replacing the one kept before); raises :class:`ProgressProblem`."""
        with self._transaction("saved") as con:
            con.execute("INSERT OR REPLACE INTO learner (field, value, time) VALUES ('name', ?, ?)", (name, _now()))

    def remembered_name(self) -> str | None:
        """The name the learner last gave (see :meth:`remember_name`), or None; a missing file has none."""
        if not self._check_path(for_writing=False):
            return None
        try:
            con = self._connect_to_read()
            try:
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if "learner" not in tables:
                    return None
                row = con.execute("SELECT value FROM learner WHERE field = 'name'").fetchone()
            finally:
                con.close()
        except sqlite3.Error as error:
            raise self._problem(error, "read") from None
        return row[0] if row and isinstance(row[0], str) and row[0].strip() else None

    def reset(self, chapter: str) -> int:
        """Move a chapter's events to ``reset_events``; returns how many moved."""
        with self._transaction("changed") as con:
            moved = con.execute(
                "INSERT INTO reset_events (id, time, chapter, item, kind, status, value, reset_time) "
                "SELECT id, time, chapter, item, kind, status, value, ? FROM events WHERE chapter = ?",
                (_now(), chapter),
            ).rowcount
            con.execute("DELETE FROM events WHERE chapter = ?", (chapter,))
        return moved

    # -- events waiting to be saved ------------------------------------------------------------

    def pending_files(self) -> list[Path]:
        """The pending files beside the database, oldest first (see the module's docstring)."""
        folder, prefix = self.path.parent, self.path.name + PENDING
        try:
            names = sorted(n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".json"))
        except OSError:
            return []
        return [folder / n for n in names]

    def _keep(self, event: dict, reason: str) -> Recorded:
        """Write one event to a new pending file (atomically); if even that fails, keep it in memory."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.path.with_name(f"{self.path.name}{PENDING}{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}.json")
        try:
            write_text_atomically(json.dumps(event, ensure_ascii=False), target)
        except OSError:
            _in_memory.setdefault(self._key(), []).append(event)
            return Recorded(False, None, reason)
        return Recorded(False, target, reason)

    def _pending_events(self) -> list[tuple[str | None, dict]]:
        """Every event waiting: (pending file name, or None for this session's memory; event), oldest first."""
        waiting: list[tuple[str | None, dict]] = []
        for path in self.pending_files():
            try:
                # an ordinary file of a sensible size only: a pipe named like one is never waited on
                event = json.loads(read_ordinary_file(path, PENDING_MAX_BYTES).decode("utf-8"))
            except UnreadableFile:
                continue  # gone (added by another process since it was listed), or not an event: left where it is
            except ValueError:
                continue  # unreadable: left where it is, looked at again next time
            if (
                isinstance(event, dict)
                and all(isinstance(event.get(c), str) for c in ("time", "chapter", "item"))
                and event.get("kind") in KINDS
            ):
                waiting.append((path.name, {c: event.get(c) for c in EVENT_COLUMNS}))
        waiting += [(None, e) for e in _in_memory.get(self._key(), [])]
        return sorted(waiting, key=lambda pair: pair[1]["time"])

    def _add_pending(self, con: sqlite3.Connection) -> list[str]:
        """Inside a write transaction: add every pending event not added before (each file once)."""
        waiting = self._pending_events()
        if not waiting:
            return []
        added = {r[0] for r in con.execute("SELECT name FROM pending_added")}
        fresh = [(name, e) for name, e in waiting if name is None or name not in added]
        _insert(con, [e for _, e in fresh])
        con.executemany(
            "INSERT OR IGNORE INTO pending_added (name, added) VALUES (?, ?)",
            [(name, _now()) for name, _ in fresh if name is not None],
        )
        return [name for name, _ in waiting if name is not None]

    def _forget_added(self, names: list[str]) -> None:
        """After the commit: pending files now in the database are removed, and this session's memory emptied."""
        for name in names:
            # another process removed it, or it goes next time (pending_added stops a repeat)
            with contextlib.suppress(OSError):
                (self.path.parent / name).unlink()
        _in_memory.pop(self._key(), None)

    # -- reading ---------------------------------------------------------------------------

    def events(self, chapter: str | None = None) -> pd.DataFrame:
        """Every event, oldest first (optionally of one chapter), including those still pending."""
        # Pending files are read before the database, so an event added meanwhile is seen once:
        # either in the database snapshot (its file's name is then in pending_added) or in its file.
        waiting = [(n, e) for n, e in self._pending_events() if chapter is None or e["chapter"] == chapter]
        if chapter is None:
            saved, added = self._read("SELECT * FROM events ORDER BY id")
        else:
            saved, added = self._read("SELECT * FROM events WHERE chapter = ? ORDER BY id", (chapter,))
        events = [e for n, e in waiting if n is None or n not in added]
        if not events:
            return saved
        start = int(saved["id"].max()) + 1 if len(saved) else 1
        extra = pd.DataFrame(events, columns=list(EVENT_COLUMNS))
        extra.insert(0, "id", range(start, start + len(extra)))
        return pd.concat([saved, extra], ignore_index=True) if len(saved) else extra

    def latest_reflection(self, chapter: str, item: str) -> str | None:
        frame = self.events(chapter)
        frame = frame[(frame["item"] == item) & (frame["kind"] == "reflection")]
        return None if frame.empty else frame["value"].iloc[-1]

    def reflections(self) -> pd.DataFrame:
        """The latest saved text of every reflection: ``chapter, item, time, text``."""
        frame = self.events()
        frame = frame[frame["kind"] == "reflection"].groupby(["chapter", "item"], sort=True).tail(1)
        return (
            frame.rename(columns={"value": "text"})[["chapter", "item", "time", "text"]]
            .sort_values(["chapter", "item"])
            .reset_index(drop=True)
        )

    def summary(self) -> pd.DataFrame:
        """One row per chapter and item: what was tried, passed and seen."""
        frame = self.events()
        columns = [
            "chapter",
            "item",
            "attempts",
            "passed",
            "hints_seen",
            "solution_seen",
            "quiz_right",
            "reflection_saved",
        ]
        if frame.empty:
            return pd.DataFrame(columns=columns)
        rows = []
        for (chapter, item), group in frame.groupby(["chapter", "item"], sort=False):
            kinds = group["kind"]
            quiz = group[kinds == "quiz"]
            rows.append(
                {
                    "chapter": chapter,
                    "item": item,
                    "attempts": int((kinds == "attempt").sum()),
                    "passed": bool(((kinds == "attempt") & (group["status"] == "correct")).any()),
                    "hints_seen": int(group.loc[kinds == "hint", "value"].nunique()),
                    "solution_seen": bool((kinds == "solution").any()),
                    # a self-check answered right stays right, as a passed exercise stays passed: the
                    # notebook invites trying the other options afterwards to read their explanations
                    "quiz_right": None if quiz.empty else bool((quiz["status"] == "correct").any()),
                    "reflection_saved": bool((kinds == "reflection").any()),
                }
            )
        return pd.DataFrame(rows, columns=columns)


def _insert(con: sqlite3.Connection, events: list[dict]) -> None:
    con.executemany(
        "INSERT INTO events (time, chapter, item, kind, status, value) VALUES (?, ?, ?, ?, ?, ?)",
        [tuple(e[c] for c in EVENT_COLUMNS) for e in events],
    )
