"""The class report during a workshop (issue 14, items 3-7): who is stuck where, the common wrong answers,
today's exercises only, a class list, progress files read straight from a hub's home folders, a page that
stays current.

Every class here is made the way a real one is: each learner's answers are checked by the real exercises
into that learner's own progress file (tests/classroom.py, ``learner_works``), and exports are handed in
with ``sevencs.export``. What the report should say is worked out from what each learner did.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import sevencs
from classroom import learner_works
from sevencs.classroom.exports import read_progress_file
from sevencs.classroom.report import (
    HTML_NAME,
    MISSING,
    NOT_LISTED,
    NOT_TRIED,
    PASSED,
    PASSED_WITH_SOLUTION,
    STARTED_NOTHING,
    STUCK,
    build_report,
    select_exercises,
)
from sevencs.course.agendas import agenda
from sevencs.course.store import ProgressStore
from sevencs.exercises import CHAPTERS, chapter_items, connection, content, welcome

RIGHT_Q1 = 768  # connection q1: 10 × 10 × ... three hops


@pytest.fixture(autouse=True)
def no_name_from_the_session(monkeypatch):
    """Names come from what each learner gives, never from the machine running the tests."""
    monkeypatch.delenv("SEVENCS_LEARNER", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)


def everyone(homes: Path) -> list[str]:
    """The --homes pattern of a made-up hub whose home folders are under ``homes``."""
    return [str(homes / "*" / "seven-cs")]


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- who is stuck where --------------------------------------------------------------------------


@pytest.fixture
def hub(tmp_path) -> Path:
    """Six learners on a hub, each with their own progress file, each doing something different."""
    homes = tmp_path / "home"
    q1 = connection.q1
    learner_works(homes / "ana", lambda: q1.check(RIGHT_Q1))  # passes at once
    learner_works(homes / "ben", lambda: q1.check(100), lambda: q1.check(101))  # stuck: wrong twice
    learner_works(homes / "cai", lambda: q1.check(5), lambda: q1.solution(), lambda: q1.check(RIGHT_Q1))
    learner_works(homes / "dee", lambda: q1.check(RIGHT_Q1), lambda: q1.solution())  # passed, then compared
    learner_works(homes / "eve", lambda: q1.hint())  # asked for a hint, checked nothing yet
    learner_works(homes / "fay", lambda: welcome.q1.check(187), lambda: q1.check(100), lambda: q1.check(100))
    return homes


def test_the_grid_shows_who_passed_who_is_stuck_and_who_needed_the_solution(hub):
    report = build_report([], homes=everyone(hub), selection=select_exercises("connection q1, welcome q1"))
    grid = report.grid.set_index("learner")
    assert grid["connection q1"].to_dict() == {
        "ana": PASSED,
        "ben": STUCK,
        "cai": PASSED_WITH_SOLUTION,  # saw the solution, then passed
        "dee": PASSED,  # passed first; looking at the solution afterwards does not change that
        "eve": STUCK,  # a hint counts as having tried
        "fay": STUCK,
    }
    assert grid["welcome q1"].to_dict() == dict.fromkeys(["ana", "ben", "cai", "dee", "eve"], NOT_TRIED) | {
        "fay": PASSED
    }
    assert grid["passed"].to_dict() == {
        "ana": "1 of 2",
        "ben": "0 of 2",
        "cai": "1 of 2",
        "dee": "1 of 2",
        "eve": "0 of 2",
        "fay": "1 of 2",
    }
    q1 = report.exercises.set_index(["chapter", "exercise"]).loc[("connection", "q1")]
    # attempted: everyone but eve; passed: ana, cai, dee; of them without the solution first: ana, dee
    assert (q1["attempted"], q1["passed"], q1["passed_without_solution"]) == (5, 3, 2)
    assert (q1["needed_hints"], q1["saw_solution"]) == (1, 2)
    assert report.stuck() == {"connection q1": ["ben", "eve", "fay"]}


def test_the_page_shows_each_cell_as_a_symbol_and_in_words(hub):
    report = build_report([], homes=everyone(hub), selection=select_exercises("connection q1"))
    page = BeautifulSoup(report.to_html(), "html.parser")
    grid = page.find("table", class_="sevencs-grid")
    rows = {tr.th.get_text(strip=True): tr for tr in grid.tbody.find_all("tr")}
    cell = rows["ben"].find("td", class_="grid-stuck")
    assert cell.get_text() == "✘" and cell["title"] == "tried, not yet passed"
    assert rows["ana"].find("td", class_="grid-passed")["title"] == "passed"
    assert rows["cai"].find("td", class_="grid-solution")["title"] == "passed after seeing the solution"
    assert not rows["ana"].find("td", class_="grid-stuck")
    assert "Who is stuck where" in page.get_text()
    text = report.grid_text()
    assert [line.split()[0] for line in text.splitlines()[1:-1]] == ["ana", "ben", "cai", "dee", "eve", "fay"]


def test_the_most_common_wrong_answers_are_counted_by_learners_and_times(hub):
    report = build_report([], homes=everyone(hub), selection=select_exercises("connection q1"))
    wrong = report.wrong_answers
    assert list(zip(wrong["wrong_answer"], wrong["learners"], wrong["times"])) == [
        ("100", 2, 3),  # ben once, fay twice
        ("101", 1, 1),
        ("5", 1, 1),
    ]
    assert set(wrong["exercise"]) == {"q1"} and str(RIGHT_Q1) not in set(wrong["wrong_answer"])
    page = BeautifulSoup(report.to_html(), "html.parser").get_text(" ")
    assert "The most common wrong answers" in page


def test_wrong_answers_are_listed_three_per_exercise_the_most_common_first(tmp_path):
    homes = tmp_path / "home"
    for n, answers in enumerate([(1, 2), (1, 3), (1, 4), (2, 5)]):
        learner_works(homes / f"l{n}", *[(lambda a=a: connection.q1.check(a)) for a in answers])
    wrong = build_report([], homes=everyone(homes)).wrong_answers
    assert list(wrong["wrong_answer"]) == ["1", "2", "3"]  # 1 by three learners, 2 by two, then 3 before 4 and 5
    assert list(wrong["learners"]) == [3, 2, 1]


# --- progress files on a hub, read where they are ---------------------------------------------------


def test_hub_learners_are_named_by_their_home_folder_unless_they_gave_a_name(tmp_path):
    homes = tmp_path / "home"
    learner_works(homes / "sam", lambda: connection.q1.check(RIGHT_Q1))
    learner_works(homes / "jupyter-kim", lambda: connection.q1.check(3))  # The Littlest JupyterHub's user kim
    named = learner_works(homes / "x7", lambda: connection.q1.check(RIGHT_Q1))
    sevencs.export(name="Rosa Diaz", out=tmp_path / "rosa.json", store=ProgressStore(named))  # kept in her file
    (homes / "new" / "seven-cs").mkdir(parents=True)  # opened the course, checked nothing yet
    report = build_report([], homes=everyone(homes))
    grid = report.grid.set_index("learner")
    assert sorted(grid.index) == ["Rosa Diaz", "kim", "new", "sam"]
    assert grid.at["Rosa Diaz", "from"] == "hub user x7"
    assert grid.at["sam", "connection q1"] == PASSED and grid.at["kim", "connection q1"] == STUCK
    assert grid.at["new", "status"] == STARTED_NOTHING and grid.at["sam", "status"] == ""
    assert not (homes / "new" / "seven-cs" / ".sevencs").exists()  # reading created nothing


def test_the_same_files_given_by_path_are_named_the_same_way(tmp_path):
    homes = tmp_path / "home"
    database = learner_works(homes / "sam", lambda: connection.q1.check(RIGHT_Q1))
    by_file = build_report([database])
    by_folder = build_report([homes / "sam" / "seven-cs"])
    assert [x.learner for x in by_file.learners] == [x.learner for x in by_folder.learners] == ["sam"]
    assert by_file.grid.at[0, "connection q1"] == PASSED


def test_a_file_a_learner_is_writing_to_is_read_as_it_was_before_the_write_and_never_changed(tmp_path):
    homes = tmp_path / "home"
    database = learner_works(homes / "sam", lambda: connection.q1.check(100))
    learner_works(homes / "ana", lambda: connection.q1.check(RIGHT_Q1))
    writer = sqlite3.connect(database, isolation_level=None)  # sam's notebook, in the middle of saving
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO events (time, chapter, item, kind, status, value) "
        "VALUES ('2026-03-02T10:00:00.000', 'connection', 'q1', 'attempt', 'correct', '768')"
    )
    during = folder_listing(database.parent)
    try:
        report = build_report([], homes=everyone(homes), wait=0.2)
        assert folder_listing(database.parent) == during  # nothing created or removed beside it
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert report.skipped == []
    assert report.grid.set_index("learner")["connection q1"].to_dict() == {"ana": PASSED, "sam": STUCK}
    after = build_report([], homes=everyone(homes)).grid.set_index("learner")
    assert after.at["sam", "connection q1"] == PASSED  # the write, once finished, is read


def test_a_file_locked_for_a_long_write_is_skipped_for_now_and_the_others_are_read(tmp_path):
    homes = tmp_path / "home"
    database = learner_works(homes / "sam", lambda: connection.q1.check(100))
    learner_works(homes / "ana", lambda: connection.q1.check(RIGHT_Q1))
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # what a stuck kernel holding the file does
    during = folder_listing(database.parent)
    try:
        started = time.monotonic()
        report = build_report([], homes=everyone(homes), wait=0.3)
        waited = time.monotonic() - started
        assert folder_listing(database.parent) == during
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert waited < 10
    [skipped] = report.skipped
    assert skipped.path == database and "saving to it" in skipped.reason and "nothing was changed" in skipped.reason
    assert [x.learner for x in report.learners] == ["ana"]
    assert [x.learner for x in build_report([], homes=everyone(homes)).learners] == ["ana", "sam"]


CUT_SHORT = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size = 10")  # a small cache: the write reaches the file before it commits
con.execute("BEGIN IMMEDIATE")
for i in range(3000):
    con.execute("INSERT INTO events (time, chapter, item, kind, status, value) "
                "VALUES ('2026-03-02T10:00:00.000', 'connection', 'q1', 'attempt', 'correct', '768')")
print("writing", flush=True)
time.sleep(600)
"""


def test_a_write_cut_short_is_left_for_the_learner_to_finish_not_rolled_back_by_the_report(tmp_path):
    homes = tmp_path / "home"
    database = learner_works(homes / "sam", lambda: connection.q1.check(100))
    writer = subprocess.Popen([sys.executable, "-c", CUT_SHORT, str(database)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout.readline().strip() == "writing"
    writer.kill()  # the kernel dies in the middle of saving: its journal stays behind
    writer.communicate(timeout=30)
    assert folder_listing(database.parent) == ["progress.sqlite", "progress.sqlite-journal"]
    before = database.read_bytes(), (database.parent / "progress.sqlite-journal").read_bytes()
    report = build_report([], homes=everyone(homes), wait=0.2)
    [skipped] = report.skipped
    assert "a write to it was cut short" in skipped.reason and "nothing was changed" in skipped.reason
    assert before == (database.read_bytes(), (database.parent / "progress.sqlite-journal").read_bytes())
    # the learner's next check (their own notebook, which may write) rolls the cut-short write back
    learner_works(homes / "sam", lambda: connection.q1.check(101))
    assert folder_listing(database.parent) == ["progress.sqlite"]
    again = build_report([], homes=everyone(homes))
    assert again.skipped == [] and list(again.wrong_answers["wrong_answer"]) == ["100", "101"]


def test_what_a_learner_leaves_in_their_folder_never_stops_the_report(tmp_path):
    homes = tmp_path / "home"
    learner_works(homes / "ana", lambda: connection.q1.check(RIGHT_Q1))
    odd = learner_works(homes / "odd", lambda: connection.q1.check(3))
    os.mkfifo(odd.parent / "progress.sqlite.pending-20260302-100000-1-abc.json")  # reading it would wait for ever
    huge = homes / "big" / "seven-cs" / ".sevencs" / "progress.sqlite"
    huge.parent.mkdir(parents=True)
    with open(huge, "wb") as handle:  # starts as a database does, then 30 MB (sparse: no disk used)
        handle.write(b"SQLite format 3\x00")
        handle.truncate(30_000_000)
    script = (
        "import sys; from sevencs.classroom.report import build_report; "
        "r = build_report([], homes=[sys.argv[1]]); print(r.summary())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, everyone(homes)[0]], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "Read 2 progress files; skipped 1." in result.stdout
    assert "skipped progress.sqlite: is 30 MB, far too large for a progress file" in result.stdout
    assert "connection q1: odd" in result.stdout  # odd's saved answer is read; the pipe is left alone


def test_reading_a_progress_file_never_writes_not_even_its_name(tmp_path):
    database = learner_works(tmp_path / "home" / "sam", lambda: connection.q1.check(RIGHT_Q1))
    before = database.read_bytes()
    learner = read_progress_file(database, account="sam")
    assert learner.learner == "sam" and learner.from_database and len(learner.events) == 1
    assert database.read_bytes() == before and folder_listing(database.parent) == ["progress.sqlite"]


# --- today's exercises --------------------------------------------------------------------------


def covered(name: str) -> list[tuple[str, str]]:
    """The exercises the agenda ``name`` includes, in course order."""
    return [
        (chapter, exercise.name)
        for chapter in CHAPTERS
        for exercise in chapter_items(chapter)["exercises"]
        if agenda(name).includes(chapter, exercise.name)
    ]


def test_an_agenda_limits_the_report_and_completed_means_todays_part(tmp_path):
    homes = tmp_path / "home"
    taster = covered("taster")
    right = {
        ("connection", "q1"): lambda: connection.q1.check(RIGHT_Q1),
        ("connection", "q2"): lambda: connection.q2.check(connection.q2.expected()),
        ("content", "q1"): lambda: content.q1.check(content.q1.expected()),
    }
    assert set(right) == set(taster)  # the taster is connection 1 and 2, content 1
    learner_works(homes / "all", *right.values(), lambda: welcome.q2.check(0))  # today's part, and a slip
    learner_works(homes / "two", right[("connection", "q1")], right[("connection", "q2")])
    report = build_report([], homes=everyone(homes), selection=select_exercises("taster"))
    assert [(c, e) for c, e, _ in report.course] == taster
    assert sorted(zip(report.exercises["chapter"], report.exercises["exercise"])) == sorted(taster)
    assert [c for c in report.grid.columns if " q" in c] == ["connection q1", "connection q2", "content q1"]
    assert report.completed == 1  # "all" passed every one of today's exercises, "two" did not
    chapters = report.chapters.set_index("chapter")
    assert list(chapters.index) == ["connection", "content"]
    assert chapters.at["connection", "exercises"] == 2 and chapters.at["connection", "completed"] == 2
    assert chapters.at["content", "completed"] == 1
    assert set(report.wrong_answers["chapter"]) <= {"connection", "content"}  # welcome's slip is not today's
    whole = build_report([], homes=everyone(homes))
    assert whole.completed == 0 and whole.chapters.set_index("chapter").at["connection", "completed"] == 0
    assert "Counting the agenda taster (90 minutes: a taster): 3 exercises. 1 of 2 learners" in report.summary()


@pytest.mark.parametrize(
    "spec, chosen",
    [
        ("taster", covered("taster")),
        ("Half-Day", covered("half-day")),
        ("90 minutes: a taster", covered("taster")),
        ("caring", [("caring", "q1"), ("caring", "q2"), ("caring", "q3"), ("caring", "q4")]),
        ("content q1, connection 2,connection:q1", [("connection", "q1"), ("connection", "q2"), ("content", "q1")]),
        ("taster, welcome exercise 1", [("welcome", "q1"), *covered("taster")]),
    ],
)
def test_an_agenda_a_chapter_or_exercises_can_be_named(spec, chosen):
    assert list(select_exercises(spec).exercises) == chosen


@pytest.mark.parametrize(
    "spec, message",
    [
        ("lunch", "'lunch' is not an agenda, a chapter or an exercise. Expected an agenda (taster"),
        ("caring q9", "Caring has no exercise 9; it has exercises 1 to 4"),
        (" , ", "no exercises were named"),
    ],
)
def test_a_name_that_is_not_an_agenda_says_what_is(spec, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        select_exercises(spec)


# --- a class list --------------------------------------------------------------------------------


@pytest.fixture
def handed_in(tmp_path) -> Path:
    """Three learners who hand in exports with sevencs.export, as from a notebook, and one who gives no name."""
    folder = tmp_path / "exports"
    work = {
        "Sam Lee": lambda: connection.q1.check(RIGHT_Q1),
        "ana  SILVA": lambda: connection.q1.check(3),
        "Bea Kimm": lambda: connection.q1.check(RIGHT_Q1),
        None: lambda: connection.q1.check(9),
    }
    for number, (name, step) in enumerate(work.items()):
        database = learner_works(tmp_path / "laptops" / f"l{number}", step)
        saved = sevencs.export(name=name, out=folder / f"{number}.json", store=ProgressStore(database))
        assert saved.saved, saved.message
    return folder


def test_a_class_list_matches_names_whatever_their_case_and_spaces_and_lists_who_is_missing(handed_in, tmp_path):
    roster = ["sam lee", "Ana Silva", "Tom Okafor", "Bea Kim"]
    report = build_report([handed_in], roster=roster)
    check = report.roster
    assert check.missing == ["Tom Okafor", "Bea Kim"]  # Bea handed in as "Bea Kimm": not matched, but suggested
    grid = report.grid
    # the class list's order, then everyone else by name
    assert list(grid["learner"]) == ["Sam Lee", "ana SILVA", "Tom Okafor", "Bea Kim", "anonymous", "Bea Kimm"]
    statuses = dict(zip(grid["learner"], grid["status"]))
    assert statuses["Tom Okafor"] == MISSING and statuses["Bea Kim"] == MISSING
    assert statuses["Sam Lee"] == "" and statuses["ana SILVA"] == ""
    assert statuses["Bea Kimm"] == NOT_LISTED
    summary = report.summary()
    assert "Class list: 2 of 4 names handed in." in summary
    assert "Handed in nothing (2): Tom Okafor, Bea Kim." in summary
    assert "'Bea Kimm' (2.json) is not on the class list; the closest name on the list is 'Bea Kim'." in summary
    page = BeautifulSoup(report.to_html(), "html.parser")
    row = next(
        tr for tr in page.find("table", class_="sevencs-grid").tbody.find_all("tr") if "Tom Okafor" in tr.th.text
    )
    assert row.find("td", class_="missing").get_text() == MISSING


def test_two_files_whose_names_differ_only_in_case_and_spaces_are_flagged_as_one_name(tmp_path):
    for number, name in enumerate(["Sam Lee", "samlee", "Sam Leigh"]):  # a space left out, as a class list allows
        database = learner_works(tmp_path / f"l{number}", lambda: connection.q1.check(5))
        sevencs.export(name=name, out=tmp_path / "exports" / f"{number}.json", store=ProgressStore(database))
    notes = build_report([tmp_path / "exports"]).notes
    assert [n.split(":")[0] for n in notes if "handed in twice" in n] == [
        "2 exports are named 'Sam Lee' (0.json, 1.json)"
    ]


def test_one_person_handing_in_once_named_and_once_anonymous_is_flagged(tmp_path):
    folder = tmp_path / "exports"
    sam = learner_works(tmp_path / "sam", lambda: connection.q1.check(5))
    store = ProgressStore(sam)
    assert sevencs.export(out=folder / "first.json", store=store).learner == "anonymous"
    learner_works(tmp_path / "sam", lambda: connection.q1.check(RIGHT_Q1))  # more work, then a named hand-in
    sevencs.export(name="Sam Lee", out=folder / "second.json", store=store)
    for other in ("x", "y"):  # two other people, both anonymous
        database = learner_works(tmp_path / other, lambda: connection.q1.check(5))
        sevencs.export(out=folder / f"{other}.json", store=ProgressStore(database))
    notes = build_report([folder]).notes
    flagged = [n for n in notes if "handed in twice, once without a name" in n]
    assert len(flagged) == 1
    assert flagged[0].startswith("first.json has no learner name but holds the same 1 event")
    assert "second.json ('Sam Lee')" in flagged[0]
    assert not any("x.json has no learner name" in n or "y.json has no learner name" in n for n in notes)


def test_a_learner_who_started_nothing_can_hand_in_and_shows_so(tmp_path, progress_db):
    assert not progress_db.exists()
    (tmp_path / "exports").mkdir()
    saved = sevencs.export(name="New Person", out=tmp_path / "exports")
    assert saved.saved and saved.events == 0 and "started nothing" in saved.message
    assert not progress_db.exists()  # handing in did not start a progress file
    report = build_report([tmp_path / "exports"], roster=["new person"])
    assert report.roster.missing == []
    assert report.grid.at[0, "status"] == STARTED_NOTHING
    assert set(report.grid.iloc[0][[f"{c} {e}" for c, e, _ in report.course]]) == {NOT_TRIED}


# --- the counts agree in number -------------------------------------------------------------------


def test_notes_about_one_file_say_one_file(tmp_path):
    old = {"format": "sevencs-progress", "learner": "Old Timer", "events": []}  # no format_version: older
    (tmp_path / "old.json").write_text(json.dumps(old))
    report = build_report([tmp_path])
    assert "1 export comes from an older format (before version 1): old.json. It was read for what it contains." in (
        report.notes
    )
    assert report.summary().startswith("Read 1 export; skipped 0.")


# --- a page that stays current ----------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(condition, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.1)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU time from /proc")
def test_watch_rewrites_the_page_as_files_change_reloads_it_and_stops_cleanly(tmp_path):
    homes = tmp_path / "home"
    learner_works(homes / "ana", lambda: connection.q1.check(RIGHT_Q1))
    out = tmp_path / "report"
    page = out / HTML_NAME
    watcher = subprocess.Popen(
        [
            *(sys.executable, "-m", "sevencs.cli", "report", "--homes", everyone(homes)[0]),
            *("--agenda", "connection q1", "--watch", "--interval", "0.5", "--out", str(out)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: page.exists())
        first = BeautifulSoup(page.read_text(), "html.parser")
        assert first.find("meta", attrs={"http-equiv": "refresh"})["content"] == "2"
        assert [th.get_text(strip=True) for th in first.find("table", class_="sevencs-grid").tbody.find_all("th")] == [
            "ana"
        ]
        learner_works(homes / "ben", lambda: connection.q1.check(4))  # a learner checks an answer meanwhile
        wait_for(lambda: "ben" in page.read_text())
        rows = BeautifulSoup(page.read_text(), "html.parser").find("table", class_="sevencs-grid").tbody("tr")
        assert [tr.find("td", class_="grid-stuck") is not None for tr in rows] == [False, True]  # ana, ben
        time.sleep(1)  # then nothing changes: the watch only looks
        idle = cpu_seconds(watcher.pid)
        time.sleep(2)
        assert cpu_seconds(watcher.pid) - idle < 0.3  # two seconds of watching cost (almost) no CPU
        watcher.send_signal(signal.SIGINT)  # Ctrl+C
        stdout, stderr = watcher.communicate(timeout=30)
    finally:
        if watcher.poll() is None:
            watcher.kill()
            watcher.wait()
    assert watcher.returncode == 0, stderr
    assert "Traceback" not in stderr and "Stopped watching." in stdout
    last = BeautifulSoup(page.read_text(), "html.parser")
    assert last.find("meta", attrs={"http-equiv": "refresh"}) is None  # the page no longer reloads itself
    assert "The watch has stopped" in last.get_text() and "ben" in last.get_text()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [HTML_NAME, "class-report.csv", "class-grid.csv", "class-wrong-answers.csv"]
    )  # no half-written file left behind
