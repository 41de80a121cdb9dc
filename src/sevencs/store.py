"""The learner's progress, kept in a small SQLite database in the course folder.

Every check, hint, solution, quiz answer and reflection becomes one row in an
append-only ``events`` table, written in its own transaction, so two notebooks
open at once never overwrite each other: each adds rows. Summaries are
computed from the rows when asked for.

Where the file lives: ``$SEVENCS_PROGRESS_DB`` if set; otherwise
``.sevencs/progress.sqlite`` in the course folder (the nearest folder, going up
from the current one, that holds ``_toc.yml``), or in the current folder if
there is none.

A damaged file is never overwritten: it is renamed to
``progress.sqlite.damaged-<time>``, a warning says so, and a fresh file starts.
Resetting a chapter moves its rows to ``reset_events`` rather than deleting
them, so a reset can be undone by hand.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

ENV_VAR = "SEVENCS_PROGRESS_DB"
SCHEMA_VERSION = 1
KINDS = ("attempt", "hint", "solution", "quiz", "reflection")

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
"""


class ProgressWarning(UserWarning):
    """Progress could not be read or saved as usual; the message says what happened."""


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


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="milliseconds")


class ProgressStore:
    """Reads and writes one progress database. Cheap to create; opens the file per call."""

    _verified: set[Path] = set()
    _lock = threading.Lock()

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()

    # -- opening, checking, recovering ------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: we issue BEGIN ourselves, so every write is one
        # explicit transaction; timeout: wait for another notebook's write.
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def _healthy(self) -> bool:
        try:
            con = self._connect()
            try:
                result = con.execute("PRAGMA quick_check").fetchone()
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                version = con.execute("PRAGMA user_version").fetchone()[0]
            finally:
                con.close()
        except sqlite3.DatabaseError:
            return False
        if result is None or result[0] != "ok":
            return False
        if version == 0 and not tables:
            return True  # an empty file: sqlite's own starting point
        return "events" in tables and version <= SCHEMA_VERSION

    def _move_aside(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.path.rename(kept)
        for suffix in ("-journal", "-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                side.rename(Path(str(kept) + suffix))
        return kept

    def _ensure(self) -> None:
        key = self.path.resolve()
        if key in self._verified and self.path.exists():
            return
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.path.exists() and not self._healthy():
                try:
                    kept = self._move_aside()
                except FileNotFoundError:
                    kept = None  # another process moved it aside first
                if kept is not None:
                    warnings.warn(
                        f"Your progress file {self.path} could not be read, so it was kept as "
                        f"{kept.name} and a new one was started. Nothing was deleted: an "
                        "instructor may be able to recover it.",
                        ProgressWarning,
                        stacklevel=4,
                    )
            con = self._connect()
            try:
                con.execute("BEGIN IMMEDIATE")
                for statement in filter(None, (s.strip() for s in _SCHEMA.split(";"))):
                    con.execute(statement)
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                con.execute("COMMIT")
            finally:
                con.close()
            self._verified.add(key)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._ensure()
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def _read(self, sql: str, params: tuple = ()) -> pd.DataFrame:
        self._ensure()
        con = self._connect()
        try:
            return pd.read_sql_query(sql, con, params=params)
        finally:
            con.close()

    # -- writing ---------------------------------------------------------------------

    def record(
        self,
        chapter: str,
        item: str,
        kind: str,
        status: str | None = None,
        value: str | None = None,
    ) -> None:
        """Add one event. ``kind`` is one of :data:`KINDS`."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        with self._transaction() as con:
            con.execute(
                "INSERT INTO events (time, chapter, item, kind, status, value) VALUES (?, ?, ?, ?, ?, ?)",
                (_now(), chapter, item, kind, status, value),
            )

    def reset(self, chapter: str) -> int:
        """Move a chapter's events to ``reset_events``; returns how many moved."""
        with self._transaction() as con:
            moved = con.execute(
                "INSERT INTO reset_events (id, time, chapter, item, kind, status, value, reset_time) "
                "SELECT id, time, chapter, item, kind, status, value, ? FROM events WHERE chapter = ?",
                (_now(), chapter),
            ).rowcount
            con.execute("DELETE FROM events WHERE chapter = ?", (chapter,))
        return moved

    # -- reading ---------------------------------------------------------------------

    def events(self, chapter: str | None = None) -> pd.DataFrame:
        """Every event, oldest first (optionally of one chapter)."""
        if chapter is None:
            return self._read("SELECT * FROM events ORDER BY id")
        return self._read("SELECT * FROM events WHERE chapter = ? ORDER BY id", (chapter,))

    def latest_reflection(self, chapter: str, item: str) -> str | None:
        frame = self._read(
            "SELECT value FROM events WHERE chapter = ? AND item = ? AND kind = 'reflection' "
            "ORDER BY id DESC LIMIT 1",
            (chapter, item),
        )
        return None if frame.empty else frame["value"].iloc[0]

    def reflections(self) -> pd.DataFrame:
        """The latest saved text of every reflection: ``chapter, item, time, text``."""
        return self._read(
            "SELECT chapter, item, time, value AS text FROM events WHERE id IN ("
            "SELECT MAX(id) FROM events WHERE kind = 'reflection' GROUP BY chapter, item) "
            "ORDER BY chapter, item"
        )

    def summary(self) -> pd.DataFrame:
        """One row per chapter and item: what was tried, passed and seen."""
        frame = self.events()
        columns = ["chapter", "item", "attempts", "passed", "hints_seen", "solution_seen",
                   "quiz_right", "reflection_saved"]
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
                    "quiz_right": None if quiz.empty else bool(quiz["status"].iloc[-1] == "correct"),
                    "reflection_saved": bool((kinds == "reflection").any()),
                }
            )
        return pd.DataFrame(rows, columns=columns)
