"""The progress store: transactions, two writers at once, a damaged file kept aside."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from sevencs import store as store_module
from sevencs.store import ProgressStore, ProgressWarning, course_folder, default_path


def test_events_are_recorded_and_read_back(progress_db):
    store = ProgressStore()
    store.record("connection", "q1", "attempt", "incorrect", "876")
    store.record("connection", "q1", "attempt", "correct", "768")
    store.record("connection", "q1", "hint", value="1")
    events = store.events("connection")
    assert list(events["kind"]) == ["attempt", "attempt", "hint"]
    assert list(events["status"].iloc[:2]) == ["incorrect", "correct"]
    assert progress_db.exists()


def test_summary_reports_attempts_passes_hints_and_solutions():
    store = ProgressStore()
    store.record("connection", "q1", "attempt", "incorrect")
    store.record("connection", "q1", "hint", value="1")
    store.record("connection", "q1", "hint", value="1")
    store.record("connection", "q1", "hint", value="2")
    store.record("connection", "q2", "solution")
    store.record("connection", "sc1", "quiz", "incorrect", "a")
    store.record("connection", "sc1", "quiz", "correct", "b")
    summary = store.summary().set_index("item")
    assert summary.at["q1", "attempts"] == 1 and not summary.at["q1", "passed"]
    assert summary.at["q1", "hints_seen"] == 2
    assert summary.at["q2", "solution_seen"]
    assert summary.at["sc1", "quiz_right"]


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        ProgressStore().record("connection", "q1", "cheat")


def test_reset_moves_one_chapter_aside_and_keeps_the_others():
    store = ProgressStore()
    store.record("welcome", "q1", "attempt", "correct")
    store.record("connection", "q1", "attempt", "correct")
    store.record("connection", "reflection", "reflection", value="my plan")
    assert store.reset("connection") == 2
    assert list(store.events()["chapter"]) == ["welcome"]
    con = sqlite3.connect(store.path)
    kept = con.execute("SELECT chapter, value FROM reset_events ORDER BY id").fetchall()
    con.close()
    assert kept == [("connection", None), ("connection", "my plan")]


def test_the_latest_reflection_wins_but_every_version_is_kept():
    store = ProgressStore()
    store.record("welcome", "reflection", "reflection", value="first draft")
    store.record("welcome", "reflection", "reflection", value="second draft")
    assert store.latest_reflection("welcome", "reflection") == "second draft"
    assert len(store.events("welcome")) == 2
    assert store.reflections()["text"].tolist() == ["second draft"]


def _write_many(path: str, worker: int, count: int) -> None:
    store = ProgressStore(path)
    for i in range(count):
        store.record("connection", f"q{worker}", "attempt", "incorrect", str(i))


def test_two_notebooks_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "shared.sqlite")
    ProgressStore(path).record("welcome", "q1", "attempt", "correct")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(path, w, 150)) for w in (1, 2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
        assert w.exitcode == 0
    events = ProgressStore(path).events()
    assert len(events) == 1 + 2 * 150
    assert events.groupby("item").size().to_dict() == {"q1": 151, "q2": 150}


def test_a_damaged_file_is_kept_aside_with_a_warning_and_a_fresh_one_started(tmp_path, monkeypatch):
    monkeypatch.setattr(ProgressStore, "_verified", set())
    path = tmp_path / "progress.sqlite"
    garbage = b"this is not a database, but it might be someone's only copy" * 50
    path.write_bytes(garbage)
    store = ProgressStore(path)
    with pytest.warns(ProgressWarning, match="kept as progress.sqlite.damaged-"):
        store.record("welcome", "q1", "attempt", "correct")
    kept = list(tmp_path.glob("progress.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    assert len(store.events()) == 1


def test_a_truncated_database_is_also_kept_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(ProgressStore, "_verified", set())
    path = tmp_path / "progress.sqlite"
    store = ProgressStore(path)
    for i in range(50):
        store.record("welcome", "q1", "attempt", "incorrect", "x" * 200)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    monkeypatch.setattr(ProgressStore, "_verified", set())
    with pytest.warns(ProgressWarning):
        ProgressStore(path).record("welcome", "q1", "attempt", "correct")
    assert len(list(tmp_path.glob("progress.sqlite.damaged-*"))) == 1


def test_a_healthy_file_is_never_moved(tmp_path, monkeypatch, recwarn):
    path = tmp_path / "progress.sqlite"
    ProgressStore(path).record("welcome", "q1", "attempt", "correct")
    monkeypatch.setattr(ProgressStore, "_verified", set())
    ProgressStore(path).record("welcome", "q2", "attempt", "correct")
    assert not list(tmp_path.glob("*.damaged-*"))
    assert len(ProgressStore(path).events()) == 2
    assert not [w for w in recwarn if issubclass(w.category, ProgressWarning)]


def test_the_default_file_lives_in_the_course_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(store_module.ENV_VAR)
    course = tmp_path / "course"
    (course / "exercises").mkdir(parents=True)
    (course / "_toc.yml").write_text("root: index\n")
    monkeypatch.chdir(course / "exercises")
    assert course_folder() == course.resolve()
    assert default_path() == course.resolve() / ".sevencs" / "progress.sqlite"


def test_outside_a_course_the_current_folder_is_used(tmp_path, monkeypatch):
    monkeypatch.delenv(store_module.ENV_VAR)
    monkeypatch.chdir(tmp_path)
    assert default_path() == tmp_path.resolve() / ".sevencs" / "progress.sqlite"


WRITER = """
import sys
from sevencs.store import ProgressStore

store = ProgressStore(sys.argv[1])
i = 0
while True:
    store.record("connection", "q1", "attempt", "incorrect", str(i))
    print(i, flush=True)  # only after the transaction has committed
    i += 1
"""


def test_a_writer_killed_mid_write_loses_nothing_it_committed(tmp_path, monkeypatch, recwarn):
    import os
    import signal
    import subprocess
    import sys

    path = tmp_path / "progress.sqlite"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    committed = []
    for line in writer.stdout:
        committed.append(int(line))
        if len(committed) == 300:
            break
    os.kill(writer.pid, signal.SIGKILL)  # no clean-up, possibly in the middle of a transaction
    rest, _ = writer.communicate(timeout=30)
    committed += [int(line) for line in rest.split()]
    assert writer.returncode == -signal.SIGKILL

    monkeypatch.setattr(ProgressStore, "_verified", set())  # check the file afresh, as a new notebook would
    saved = ProgressStore(path).events()
    assert not list(tmp_path.glob("*.damaged-*"))
    assert not [w for w in recwarn if issubclass(w.category, ProgressWarning)]
    values = set(saved["value"].astype(int))
    assert set(committed) <= values
    # at most the one transaction that committed after its number was printed is extra
    assert len(values) - len(committed) in (0, 1)
    assert sorted(values) == list(range(len(values)))
