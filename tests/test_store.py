"""The progress store: transactions, two writers at once, a damaged file kept aside."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sevencs.course import store as store_module
from sevencs.course.store import (
    ProgressDamaged,
    ProgressFromNewerCourse,
    ProgressLocked,
    ProgressProblem,
    ProgressStore,
    ProgressWarning,
    course_folder,
    default_path,
)


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


def test_a_self_check_answered_right_stays_right_when_other_options_are_tried_after():
    store = ProgressStore()
    store.record("connection", "sc1", "quiz", "correct", "b")
    store.record("connection", "sc1", "quiz", "incorrect", "a")  # reading another option's explanation
    store.record("connection", "sc2", "quiz", "incorrect", "a")
    store.record("connection", "sc2", "quiz", "incorrect", "c")
    summary = store.summary().set_index("item")
    assert summary.at["sc1", "quiz_right"] and not summary.at["sc2", "quiz_right"]


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
    for _i in range(50):
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
from sevencs.course.store import ProgressStore

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


# --- nothing is moved, nothing is lost (issue 10, items 1-5) ----------------------------------


ROOT = Path(__file__).resolve().parents[1]


#: How to start a program that obeys file modes as a learner's does. Root writes to a read-only file anyway;
#: without its capabilities it obeys the mode, and still reaches the checkout wherever it was cloned (the
#: user nobody cannot, from a private folder such as one made by mktemp -d).
AS_LEARNER = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"] if os.geteuid() == 0 else []


def cli(*args: str, db: Path, learner: bool = False, wait: str = "10") -> subprocess.CompletedProcess:
    """Run the `sevencs` command as a learner would (obeying file modes even when the tests run as root,
    when ``learner``)."""
    env = {**os.environ, "SEVENCS_PROGRESS_DB": str(db), "SEVENCS_PROGRESS_WAIT": wait}
    command = [*(AS_LEARNER if learner else []), sys.executable, "-m", "sevencs.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=db.parent, timeout=120)


def everything_in(folder: Path) -> dict[str, bytes | None]:
    """Every entry under ``folder`` (files with their bytes), to show that nothing moved or changed."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def test_a_folder_named_as_the_progress_file_is_never_moved(tmp_path):
    folder = tmp_path / ".sevencs"  # the typo: the folder, not the file inside it
    folder.mkdir()
    (folder / "progress.sqlite").write_bytes(b"the learner's real file")
    before = everything_in(tmp_path)
    result = cli("progress", db=folder)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{folder} is a folder" in result.stderr and str(folder / "progress.sqlite") in result.stderr
    store = ProgressStore(folder)
    with pytest.raises(ProgressProblem, match="is a folder, not a file"):
        store.events()
    with pytest.raises(ProgressProblem, match="is a folder, not a file"):
        store.reset("welcome")
    outcome = store.record("welcome", "q1", "attempt", "correct")
    assert not outcome.saved and "is a folder" in outcome.reason
    assert everything_in(tmp_path) == before


def test_a_device_or_pipe_named_as_the_progress_file_is_never_opened_or_moved(tmp_path):
    pipe = tmp_path / "progress.sqlite"
    os.mkfifo(pipe)  # opening a pipe for reading would wait for ever
    for path in (pipe, Path(os.devnull)):
        store = ProgressStore(path)
        with pytest.raises(ProgressProblem, match="not an ordinary file"):
            store.events()
        assert not store.record("welcome", "q1", "attempt").saved
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite"] and pipe.is_fifo()
    assert Path(os.devnull).is_char_device()


def test_a_missing_folder_is_named_and_not_created(tmp_path):
    path = tmp_path / "typo" / "deeper" / "progress.sqlite"
    store = ProgressStore(path)
    assert store.events().empty  # reading: no progress yet, nothing created
    outcome = store.record("welcome", "q1", "attempt", "correct")
    assert not outcome.saved and f"The folder {path.parent} for your progress file" in outcome.reason
    assert list(tmp_path.iterdir()) == []
    # the file's own folder (.sevencs in the course folder) is made when its parent exists
    ProgressStore(tmp_path / ".sevencs" / "progress.sqlite").record("welcome", "q1", "attempt", "correct")
    assert (tmp_path / ".sevencs" / "progress.sqlite").is_file()


def raw_database(path: Path, *statements: str) -> Path:
    """A SQLite file made by plain SQL, as another program (or another course version) would."""
    con = sqlite3.connect(path)
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path


def test_another_programs_database_is_never_moved(tmp_path):
    path = raw_database(
        tmp_path / "places.sqlite",
        "CREATE TABLE bookmarks (url TEXT)",
        "INSERT INTO bookmarks VALUES ('https://example.org')",
    )
    before = path.read_bytes()
    store = ProgressStore(path)
    with pytest.raises(ProgressProblem, match=r"a database of another program .*bookmarks"):
        store.events()
    assert not store.record("welcome", "q1", "attempt").saved
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")  # what a stuck kernel or another program in a long write does
for i in range(int(sys.argv[2])):
    con.execute("INSERT INTO events (time, chapter, item, kind, status, value) "
                "VALUES ('2026-01-01T00:00:00.000', 'welcome', 'q1', 'attempt', 'incorrect', ?)", (f"held-{i}",))
print("holding", flush=True)
sys.stdin.readline() if sys.argv[3] == "until-told" else time.sleep(float(sys.argv[3]))
con.execute("COMMIT")
print("released", flush=True)
"""


def hold_lock(path: Path, rows: int = 3, release: str = "until-told") -> subprocess.Popen:
    """Another process in the middle of a long write to ``path`` (holding SQLite's exclusive lock)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), str(rows), release],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def release(holder: subprocess.Popen) -> None:
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    holder.wait(30)


def test_a_locked_file_is_busy_not_damaged(tmp_path, recwarn):
    path = tmp_path / "progress.sqlite"
    ProgressStore(path).record("welcome", "q1", "attempt", "correct", "first")
    holder = hold_lock(path)
    try:
        store = ProgressStore(path, wait=0.3)
        outcome = store.record("welcome", "q2", "attempt", "incorrect", "while busy")
        assert not outcome.saved and outcome.kept is not None and outcome.kept.exists()
        assert "Another program is using your progress file" in outcome.reason
        with pytest.raises(ProgressLocked, match=f"Another program is using your progress file \\({path}\\)"):
            store.events()  # the exclusive lock keeps readers out too: wait, then say so
        with pytest.raises(ProgressLocked):
            store.reset("welcome")
        result = cli("progress", db=path, wait="0.5")
        assert result.returncode == 1 and "Another program is using your progress file" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        release(holder)
    assert not list(tmp_path.glob("*.damaged-*"))
    assert not [w for w in recwarn if issubclass(w.category, ProgressWarning)]
    values = ProgressStore(path).events()["value"].tolist()
    assert values == ["first", "held-0", "held-1", "held-2", "while busy"]  # every event, the kept one too
    ProgressStore(path).record("welcome", "q3", "hint", value="1")  # the next write adds what was kept
    assert ProgressStore(path).pending_files() == []
    assert ProgressStore(path).events()["value"].tolist() == ["first", "held-0", "held-1", "held-2", "while busy", "1"]


def test_a_check_never_freezes_while_the_file_is_locked(tmp_path, monkeypatch):
    """While another program holds the file, a check answers and keeps the answer beside the file; it
    does not wait for the other program (which lets go only when this test says so)."""
    from sevencs.course import engine
    from sevencs.exercises import connection as ex

    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv(store_module.ENV_VAR, str(path))
    ProgressStore(path).record("welcome", "q1", "attempt", "correct")
    holder = hold_lock(path, rows=0)
    try:
        monkeypatch.setattr(engine, "_warned", False)
        with pytest.warns(ProgressWarning, match=r"(?s)Another program is using.*kept in progress\.sqlite\.pending-"):
            feedback = ex.q1.check(768)
        assert feedback.correct
        assert len(ProgressStore(path).pending_files()) == 1
    finally:
        release(holder)
    summary = ProgressStore(path).summary().set_index(["chapter", "item"])
    assert summary.at[("connection", "q1"), "passed"]  # counted while it waits, and nothing lost


def make_newer(path: Path, version: int = 2, extra_column: bool = True) -> None:
    ProgressStore(path).record("welcome", "q1", "attempt", "correct", "from the newer course")
    con = sqlite3.connect(path)
    if extra_column:
        con.execute("ALTER TABLE events ADD COLUMN device TEXT")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


def test_a_newer_courses_file_is_read_and_never_set_aside(tmp_path):
    path = tmp_path / "progress.sqlite"
    make_newer(path)
    before = path.read_bytes()
    store = ProgressStore(path)
    with pytest.warns(ProgressWarning, match="written by a newer version of the course"):
        assert store.events()["value"].tolist() == ["from the newer course"]
    outcome = store.record("welcome", "q2", "attempt", "incorrect", "from this course")
    assert not outcome.saved and outcome.kept is not None
    assert "newer version" in outcome.reason and "pip install --upgrade sevencs" in outcome.reason
    assert path.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))
    assert store.events()["value"].tolist() == ["from the newer course", "from this course"]
    result = cli("progress", db=path)
    assert result.returncode == 0 and "welcome" in result.stdout


def test_a_newer_courses_file_this_version_cannot_read_says_how_to_update(tmp_path):
    path = raw_database(
        tmp_path / "progress.sqlite",
        "CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT, what TEXT)",
        "PRAGMA user_version = 7",
    )
    with pytest.raises(ProgressFromNewerCourse, match="Update the course"):
        ProgressStore(path).events()
    result = cli("progress", db=path)
    assert result.returncode == 1 and "newer version of the course" in result.stderr
    assert path.exists() and not list(tmp_path.glob("*.damaged-*"))


def test_reading_never_creates_the_file(tmp_path):
    path = tmp_path / "progress.sqlite"
    store = ProgressStore(path)
    assert store.events().empty and store.summary().empty and store.reflections().empty
    assert store.latest_reflection("welcome", "reflection") is None
    assert cli("plan", "--out", str(tmp_path / "plan.html"), db=path).returncode == 0
    assert not path.exists() and not (tmp_path / ".sevencs").exists()


def test_reading_a_damaged_file_says_so_and_leaves_it_for_the_next_write(tmp_path):
    path = tmp_path / "progress.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ProgressDamaged, match=r"will be kept as progress.sqlite.damaged-"):
        ProgressStore(path).events()
    result = cli("progress", db=path)
    assert result.returncode == 1 and "damaged" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == b"not a database at all" * 100


@pytest.fixture
def readonly_progress(tmp_path):
    """A progress file, in a folder, that the learner may read but not write."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    path = folder / "progress.sqlite"
    store = ProgressStore(path)
    store.record("connection", "q1", "attempt", "correct", "768")
    store.record("connection", "reflection", "reflection", value="my plan")
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    yield path
    os.chmod(folder, 0o755)


def test_reading_a_readonly_progress_file_works(readonly_progress, tmp_path):
    path = readonly_progress
    before = path.read_bytes()
    result = cli("progress", db=path, learner=True)
    assert result.returncode == 0, result.stderr
    assert "connection" in result.stdout and "1 of 5 passed" in result.stdout
    exported = cli("export", "--with-reflections", "--out", str(tmp_path / "me.json"), db=path, learner=True)
    assert exported.returncode == 0, exported.stderr
    assert json.loads((tmp_path / "me.json").read_text())["events"][-1]["value"] == "my plan"
    planned = cli("plan", "--out", str(tmp_path / "plan.html"), db=path, learner=True)
    assert planned.returncode == 0, planned.stderr
    assert "my plan" in (tmp_path / "plan.html").read_text()
    assert path.read_bytes() == before


def test_writing_to_a_readonly_progress_file_says_so_and_keeps_the_answer(readonly_progress):
    path = readonly_progress
    script = textwrap.dedent("""
        import warnings, sys
        from sevencs.exercises import connection as ex
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            print(ex.q2.check(0.5).status.value)
        print(caught[0].message if caught else "no warning")
        from sevencs.course.store import ProgressStore
        print(len(ProgressStore().events()))
    """)
    env = {**os.environ, "SEVENCS_PROGRESS_DB": str(path)}
    command = [*AS_LEARNER, sys.executable, "-c", script]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd="/")
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    warning = "\n".join(lines[1:-1])
    assert lines[0] == "incorrect" and "read-only" in warning and "This session keeps your answers" in warning
    assert lines[-1] == "3"  # the two saved events and the one this session keeps


# --- processes really racing ---------------------------------------------------------------------

RACER = """
import sys, time
from sevencs.course.store import ProgressLocked, ProgressStore
path, role, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = ProgressStore(path, wait=0.2)
told = False

def met_the_lock():
    global told
    if not told:
        print("met the lock", flush=True)
        told = True

if role == "reader":
    seen, locked = [], 0
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            seen.append(len(store.events()))
        except ProgressLocked:
            locked += 1
            met_the_lock()
        if seen and seen[-1] >= count:
            break
        time.sleep(0.01)
    print(",".join(map(str, seen)), locked)
else:
    kept = 0
    for i in range(count):
        if not store.record("connection", role, "attempt", "incorrect", f"{role}-{i}").saved:
            kept += 1
            met_the_lock()
        time.sleep(0.005)
    print(kept)
"""


def test_two_writers_and_a_reader_race_a_stuck_lock_and_every_event_is_counted(tmp_path, recwarn):
    """The other program lets go only once both writers and the reader have met its lock."""
    path = tmp_path / "progress.sqlite"
    ProgressStore(path).record("welcome", "q1", "attempt", "correct", "start")
    holder = hold_lock(path, rows=5)
    per_writer, total = 120, 1 + 5 + 2 * 120

    def start(role: str, count: int) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-c", RACER, str(path), role, str(count)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    racers = [start("w1", per_writer), start("w2", per_writer), start("reader", total)]
    try:
        for racer in racers:
            assert racer.stdout.readline().strip() == "met the lock", racer.stderr.read()
    finally:
        release(holder)
    outputs = [r.communicate(timeout=120) for r in racers]
    assert all(r.returncode == 0 for r in racers), [o[1] for o in outputs]
    assert all(int(o[0]) > 0 for o in outputs[:2])  # each writer kept events beside the busy file
    seen, locked = outputs[2][0].split()
    counts = [int(c) for c in seen.split(",") if c]
    assert counts == sorted(counts), "a read counted an event twice, or lost one it had seen"
    assert counts[-1] == total and int(locked) > 0

    events = ProgressStore(path).events()
    values = events["value"].tolist()
    assert len(values) == len(set(values)) == total
    assert set(values) == {
        "start",
        *(f"held-{i}" for i in range(5)),
        *(f"w{w}-{i}" for w in (1, 2) for i in range(per_writer)),
    }
    assert not list(tmp_path.glob("*.damaged-*"))
    ProgressStore(path).record("welcome", "q2", "hint", value="1")
    assert ProgressStore(path).pending_files() == [] and len(ProgressStore(path).events()) == total + 1
    assert not [w for w in recwarn if issubclass(w.category, ProgressWarning)]


def test_a_file_whose_check_fails_is_kept_aside_even_when_it_opens(tmp_path, monkeypatch):
    """Damage only SQLite's quick_check sees (a scribbled-over index; the table still reads) still
    sets the file aside at the next write."""
    path = tmp_path / "progress.sqlite"
    store = ProgressStore(path)
    for i in range(300):
        store.record("welcome", "q1", "attempt", "incorrect", "x" * 100 + str(i))
    con = sqlite3.connect(path)
    page = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events_chapter'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page : root * page] = bytes(page)  # the index's first page, zeroed
    path.write_bytes(bytes(data))
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    assert con.execute("SELECT count(*) FROM events NOT INDEXED").fetchone()[0] == 300  # the table reads
    con.close()
    monkeypatch.setattr(ProgressStore, "_verified", set())
    with pytest.warns(ProgressWarning, match="quick_check"):
        assert ProgressStore(path).record("welcome", "q2", "attempt", "correct").saved
    kept = list(tmp_path.glob("progress.sqlite.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    assert ProgressStore(path).events()["item"].tolist() == ["q2"]


# --- the learner's name, and reading someone else's file (issue 14, items 7-8) ----------------------


def test_a_name_is_kept_in_the_file_and_a_file_without_one_has_none(tmp_path):
    path = tmp_path / "progress.sqlite"
    store = ProgressStore(path)
    assert store.remembered_name() is None and not path.exists()  # asking never creates the file
    store.record("welcome", "q1", "attempt", "correct", "187")
    assert store.remembered_name() is None
    store.remember_name("Sam Lee")
    store.remember_name("Sam Lee-Okafor")  # the latest wins
    assert ProgressStore(path).remembered_name() == "Sam Lee-Okafor"
    assert len(ProgressStore(path).events()) == 1  # a name is not an event


def test_an_older_file_without_the_name_table_is_read_and_gets_it_at_the_next_write(tmp_path):
    path = raw_database(
        tmp_path / "progress.sqlite",
        "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, chapter TEXT NOT NULL, "
        "item TEXT NOT NULL, kind TEXT NOT NULL, status TEXT, value TEXT)",
        "CREATE TABLE reset_events (id INTEGER PRIMARY KEY, time TEXT NOT NULL, chapter TEXT NOT NULL, item TEXT "
        "NOT NULL, kind TEXT NOT NULL, status TEXT, value TEXT, reset_time TEXT NOT NULL)",
        "CREATE TABLE pending_added (name TEXT PRIMARY KEY, added TEXT NOT NULL)",
        "INSERT INTO events (time, chapter, item, kind) VALUES ('2026-01-01T00:00:00.000', 'welcome', 'q1', 'hint')",
        "PRAGMA user_version = 1",
    )
    store = ProgressStore(path)
    assert store.remembered_name() is None and len(store.events()) == 1
    store.remember_name("Ana")
    assert store.remembered_name() == "Ana" and len(store.events()) == 1


def test_a_store_opened_read_only_refuses_to_write_and_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "progress.sqlite"
    ProgressStore(path).record("welcome", "q1", "attempt", "correct", "187")
    before = path.read_bytes()
    reader = ProgressStore(path, read_only=True)
    assert len(reader.events()) == 1
    with pytest.raises(ProgressProblem, match="opened for reading only"):
        reader.record("welcome", "q2", "hint", value="1")
    with pytest.raises(ProgressProblem, match="opened for reading only"):
        reader.remember_name("Sam")
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["progress.sqlite"]
