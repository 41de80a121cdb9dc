"""The `sevencs` command, run the way people run it: as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import nbformat
import pandas as pd
import pytest

from sevencs.classroom.hub import hub_link
from sevencs.course.store import ENV_VAR, ProgressStore
from sevencs.exercises import chapter_items, welcome
from sevencs.exercises import connection as ex

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["progress", "export", "plan", "report", "answer-key", "hub-link"]


def sevencs(*args: str, db: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SEVENCS_LEARNER"}
    env[ENV_VAR] = str(db) if db else os.environ[ENV_VAR]
    return subprocess.run(
        [sys.executable, "-m", "sevencs.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd or ROOT,
        timeout=120,
    )


def test_the_installed_script_runs():
    script = Path(sys.executable).with_name("sevencs")
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command):
    result = sevencs(command, "--help")
    assert result.returncode == 0 and f"usage: sevencs {command}" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    "args",
    [[], ["teleport"], ["plan", "--out", "plan.pdf"], ["hub-link"], ["hub-link", "--hub", "ftp://hub.example.org"]],
)
def test_a_mistyped_command_exits_2_with_usage_and_no_traceback(args):
    result = sevencs(*args)
    assert result.returncode == 2 and "usage: sevencs" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_without_a_progress_file_says_where_it_looked(tmp_path):
    missing = tmp_path / "nowhere" / "progress.sqlite"
    result = sevencs("progress", db=missing)
    assert result.returncode == 1 and str(missing) in result.stderr and "Traceback" not in result.stderr
    assert not missing.exists()  # looking must not create it


def test_progress_prints_the_learners_summary(progress_db):
    ex.q1.check(768)
    result = sevencs("progress")
    assert result.returncode == 0
    line = next(li for li in result.stdout.splitlines() if li.startswith("connection"))
    assert "1 of 5 passed" in line and "1 tried" in line


def test_export_writes_every_event_but_reflections_only_when_asked(progress_db, tmp_path):
    ex.q1.check(1)
    ex.q1.hint()
    ex.q2.solution()
    ex.sc1.answer("b")
    ex.reflection.save("my private thoughts")
    out = tmp_path / "hand-in" / "sam.json"
    result = sevencs("export", "--name", "  Sam   Lee ", "--out", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["format"] == "sevencs-progress" and data["format_version"] == 1
    assert data["learner"] == "Sam Lee" and data["includes_reflections"] is False
    import sevencs as package

    assert data["course_version"] == package.__version__
    assert [e["kind"] for e in data["events"]] == ["attempt", "hint", "solution", "quiz"]
    assert "my private thoughts" not in out.read_text()
    assert sevencs("export", "--out", str(out), "--with-reflections", "--force").returncode == 0
    data = json.loads(out.read_text())
    assert data["events"][-1]["value"] == "my private thoughts"
    assert data["learner"] == "Sam Lee"  # the name given last time, kept in the progress file
    assert [p.name for p in out.parent.iterdir()] == ["sam.json"]  # no temporary file left


def test_export_then_report_round_trip(tmp_path, monkeypatch):
    exports = tmp_path / "exports"
    # learner A passes connection q1 after a hint; learner B tries welcome q1 and sees its solution
    for name, actions in {
        "A": lambda: (ex.q1.hint(), ex.q1.check(1), ex.q1.check(768)),
        "B": lambda: (welcome.q1.check(3), welcome.q1.solution()),
    }.items():
        db = tmp_path / f"{name}.sqlite"
        monkeypatch.setenv(ENV_VAR, str(db))
        actions()
        result = sevencs("export", "--name", name, "--out", str(exports / f"{name}.json"), db=db)
        assert result.returncode == 0, result.stderr
    result = sevencs("report", str(exports), "--out", str(tmp_path / "report"))
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(tmp_path / "report" / "class-report.csv").set_index(["chapter", "exercise"])
    assert table.loc[("connection", "q1"), ["attempted", "passed", "needed_hints", "saw_solution"]].tolist() == [
        1,
        1,
        1,
        0,
    ]
    assert table.loc[("welcome", "q1"), ["attempted", "passed", "needed_hints", "saw_solution"]].tolist() == [
        1,
        0,
        0,
        1,
    ]
    assert (table["learners"] == 2).all()
    assert table.iloc[0].name == ("welcome", "q1")  # 0% passed: the hardest
    assert (tmp_path / "report" / "class-report.html").read_text().startswith("<!DOCTYPE html>")


def test_report_names_broken_files_and_fails_only_when_none_is_valid(tmp_path):
    (tmp_path / "cut.json").write_text('{"format": "sevencs-progress", "events": [')
    (tmp_path / "notes.json").write_text("hello")
    result = sevencs("report", str(tmp_path / "cut.json"), str(tmp_path / "notes.json"), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cut.json" in result.stdout and "notes.json" in result.stdout
    assert "No valid progress exports" in result.stderr
    assert not (tmp_path / "out").exists()


def test_report_shows_progress_on_stderr_for_many_files(tmp_path):
    good = json.dumps({"format": "sevencs-progress", "format_version": 1, "learner": "x", "events": []})
    for i in range(7):
        (tmp_path / f"{i}.json").write_text(good)
    result = sevencs("report", str(tmp_path), "--out", str(tmp_path / "out"), "--every", "3")
    assert result.returncode == 0
    assert result.stderr.splitlines() == ["read 3 of 7 files", "read 6 of 7 files", "read 7 of 7 files"]


def test_answer_key_fills_every_exercise_notebook(tmp_path):
    result = sevencs("answer-key", "--out", str(tmp_path), "--course", str(ROOT))
    assert result.returncode == 0, result.stderr
    shipped = sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb"))
    assert sorted(p.name for p in tmp_path.glob("*.ipynb")) == shipped  # the answer sheets are beside them
    key = nbformat.read(tmp_path / "01_connection.ipynb", as_version=4)
    source = "\n".join(c.source for c in key.cells)
    for exercise in chapter_items("connection")["exercises"]:
        assert exercise.solution_code in source
    assert "Answer key" in key.cells[0].source


def test_answer_key_outside_a_course_says_what_to_do(tmp_path):
    result = sevencs("answer-key", "--out", str(tmp_path / "keys"), cwd=tmp_path)
    assert result.returncode == 1 and "--course" in result.stderr and "Traceback" not in result.stderr


def test_plan_is_written_from_the_command_line(progress_db, tmp_path):
    ProgressStore().record("welcome", "reflection", "reflection", value="gardeners <and> allotments")
    out = tmp_path / "plan.md"
    result = sevencs("plan", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "gardeners &lt;and&gt; allotments" in out.read_text()
    assert "1 of 8 reflections" in result.stdout


def test_hub_link_from_the_command_line_uses_the_courses_repository():
    result = sevencs("hub-link", "--hub", "https://hub.example.org/hub/home", "--path", "exercises")
    assert result.returncode == 0
    link = urlsplit(result.stdout.strip())
    assert (link.netloc, link.path) == ("hub.example.org", "/hub/user-redirect/git-pull")
    query = parse_qs(link.query)
    assert query["repo"] == ["https://github.com/seven-cs/seven-cs"]
    assert query["urlpath"] == ["lab/tree/seven-cs/exercises"]
    assert query["branch"] == ["main"]
    assert query["targetPath"] == ["seven-cs"]


def _notebook_title(path: Path) -> str:
    """A notebook's first cell's first line, without its '# ': the title a learner sees at its top."""
    nb = nbformat.read(path, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "markdown")
    return first.source.splitlines()[0].removeprefix("# ")


def _toc_order() -> list[str]:
    """The lab and exercise notebooks as _toc.yml lists them, read here with a plain line scan."""
    entries = [
        line.split("file:", 1)[1].strip() for line in (ROOT / "_toc.yml").read_text().splitlines() if "file:" in line
    ]
    return [f"{e}.ipynb" for e in entries if e.startswith(("notebooks/", "exercises/"))]


def test_hub_link_prints_a_titled_link_for_each_notebook_in_course_order():
    result = sevencs("hub-link", "--hub", "hub.example.org", "--repo", "https://github.com/a/course.git")
    assert result.returncode == 0 and result.stderr == ""
    blocks = [block.split("\n") for block in result.stdout.strip().split("\n\n")]
    assert all(len(block) == 2 for block in blocks)
    (folder_title, folder_link), *notebooks = blocks
    assert folder_title == "The course folder"
    assert parse_qs(urlsplit(folder_link).query)["urlpath"] == ["lab/tree/course"]
    order = _toc_order()
    shipped = {f"{d}/{p.name}" for d in ("notebooks", "exercises") for p in (ROOT / d).glob("*.ipynb")}
    assert set(order) == shipped and len(notebooks) == len(order)
    for (title, link), path in zip(notebooks, order, strict=True):
        assert title == _notebook_title(ROOT / path)
        query = parse_qs(urlsplit(link).query)
        assert query["urlpath"] == [f"lab/tree/course/{path}"] and query["targetPath"] == ["course"]
        assert query["repo"] == ["https://github.com/a/course.git"]


def test_hub_link_outside_the_course_gives_the_folder_link_and_says_why_there_is_no_more(tmp_path):
    result = sevencs("hub-link", "--hub", "hub.example.org", "--repo", "https://github.com/a/course", cwd=tmp_path)
    assert result.returncode == 0
    title, link = result.stdout.strip().split("\n")
    assert title == "The course folder" and parse_qs(urlsplit(link).query)["urlpath"] == ["lab/tree/course"]
    assert "Run this inside the course folder" in result.stderr


@pytest.mark.parametrize(
    "hub, repo, branch, path, target, expected_path, expected_folder, expected_urlpath",
    [
        (
            "hub.example.org",
            "https://github.com/a/course.git",
            "main",
            "",
            None,
            "/hub/user-redirect/git-pull",
            "course",
            "lab/tree/course",
        ),
        (
            "https://example.org/jupyter/",
            "https://gitlab.com/b/my course",
            "week 2",
            "./notes/a b.ipynb",
            None,
            "/jupyter/hub/user-redirect/git-pull",
            "my course",
            "lab/tree/my course/notes/a b.ipynb",
        ),
        (
            "https://hub.example.org/hub/spawn",
            "https://github.com/a/course",
            "main",
            "x.ipynb",
            "/work/c/",
            "/hub/user-redirect/git-pull",
            "work/c",
            "lab/tree/work/c/x.ipynb",
        ),
        (
            "hub.example.org",
            "git@github.com:a/course.git",
            "main",
            "exercises/",
            None,
            "/hub/user-redirect/git-pull",
            "course",
            "lab/tree/course/exercises",
        ),
    ],
)
def test_hub_links_decode_to_exactly_what_was_asked(
    hub, repo, branch, path, target, expected_path, expected_folder, expected_urlpath
):
    link = urlsplit(hub_link(hub, repo, branch, path, target))
    assert link.scheme == "https" and link.path == expected_path
    assert " " not in link.query and "/" not in link.query  # every value percent-encoded
    query = parse_qs(link.query)
    assert query["repo"] == [repo] and query["branch"] == [branch]
    assert query["urlpath"] == [expected_urlpath]
    # nbgitpuller is always told the folder that urlpath looks in (tests/test_hub_link.py follows the links)
    assert query["targetPath"] == [expected_folder]


@pytest.mark.parametrize(
    "hub, repo, target",
    [
        ("mailto:x", "https://github.com/a/b", None),
        ("https://hub.example.org", "", None),
        ("https://hub.example.org", "https://github.com/a/.git", None),
        ("https://hub.example.org", "https://github.com/a/b", "../elsewhere"),
        ("https://hub.example.org", "https://github.com/a/b", "/"),
        ("https://hub.example.org", "https://github.com/a/b", "a/./b"),
    ],
)
def test_hub_link_refuses_what_is_not_an_address_or_a_folder(hub, repo, target):
    with pytest.raises(ValueError, match=r"--hub|--repo|--target-path"):
        hub_link(hub, repo, target_path=target)


# --- nothing overwritten without being told (issue 10, item 6) ------------------------------------


@pytest.mark.parametrize("command, name", [("export", "sam.json"), ("plan", "my-plan.html"), ("plan", "my-plan.md")])
def test_an_existing_file_is_never_overwritten_without_force(command, name, tmp_path):
    ex.q1.check(768)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / name
    out.write_text("the learner's earlier file, perhaps edited by hand")
    result = sevencs(command, "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{out} already exists" in result.stderr and "--force" in result.stderr
    assert out.read_text() == "the learner's earlier file, perhaps edited by hand"
    assert sorted(p.name for p in out.parent.iterdir()) == [name]
    replaced = sevencs(command, "--out", str(out), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert out.read_text() != "the learner's earlier file, perhaps edited by hand"


def test_a_markdown_plans_picture_is_never_overwritten_without_force(tmp_path):
    picture = tmp_path / "my-plan-audit.png"
    picture.write_bytes(b"a picture the learner made")
    result = sevencs("plan", "--out", str(tmp_path / "my-plan.md"))
    assert result.returncode == 1 and f"{picture} already exists" in result.stderr
    assert picture.read_bytes() == b"a picture the learner made" and not (tmp_path / "my-plan.md").exists()


@pytest.mark.parametrize("every", ["0", "-3", "many"])
def test_report_options_are_checked_before_anything_is_read(every, tmp_path):
    result = sevencs("report", str(tmp_path), "--every", every)
    assert result.returncode == 2 and "expected a whole number of at least 1" in result.stderr
    assert "Traceback" not in result.stderr


# --- handing in and reporting during a workshop (issue 14) -------------------------------------------


def test_export_without_any_progress_still_writes_a_file_and_says_why_it_is_empty(tmp_path):
    missing = tmp_path / "nowhere" / "progress.sqlite"
    out = tmp_path / "me.json"
    result = sevencs("export", "--name", "New Person", "--out", str(out), db=missing)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["events"] == [] and json.loads(out.read_text())["learner"] == "New Person"
    assert f"no progress file was found at {missing}" in result.stdout and "hand it in" in result.stdout
    assert not missing.parent.exists()  # nothing made where the progress file was looked for


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "give the learners' files or folders"),
        (["x", "--agenda", "lunch"], "--agenda: 'lunch' is not an agenda, a chapter or an exercise"),
        (["x", "--watch", "--interval", "0"], "expected between 0.5 and 3600 seconds"),
    ],
)
def test_report_options_say_what_was_expected(args, message):
    result = sevencs("report", *args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_a_class_list_that_cannot_be_read_says_what_to_give(tmp_path):
    (tmp_path / "names.txt").write_text("# only a comment\n\n")
    result = sevencs("report", str(tmp_path), "--roster", str(tmp_path / "names.txt"))
    assert result.returncode == 1 and "has no names in it" in result.stderr and "one name per line" in result.stderr
    result = sevencs("report", str(tmp_path), "--roster", str(tmp_path / "absent.txt"))
    assert result.returncode == 1 and "absent.txt" in result.stderr and "Traceback" not in result.stderr


def test_report_from_hub_homes_with_an_agenda_and_a_class_list(tmp_path):
    from classroom import learner_works

    homes = tmp_path / "home"
    learner_works(homes / "jupyter-sam", lambda: ex.q1.check(768), lambda: ex.q2.check(1))
    learner_works(homes / "ana", lambda: ex.q1.check(2))
    (tmp_path / "names.txt").write_text("SAM\nana\nTom\n")
    out = tmp_path / "report"
    result = sevencs(
        "report", "--homes", str(homes / "*" / "seven-cs"), "--agenda", "taster", "--roster",
        str(tmp_path / "names.txt"), "--out", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Read 2 progress files; skipped 0." in result.stdout
    assert "Handed in nothing (1): Tom." in result.stdout
    assert "connection q1: ana" in result.stdout and "connection q2: sam" in result.stdout  # stuck now
    grid = pd.read_csv(out / "class-grid.csv", keep_default_na=False).set_index("learner")
    assert list(grid.index) == ["sam", "ana", "Tom"]
    assert grid.at["sam", "connection q1"] == "passed" and grid.at["ana", "connection q1"] == "tried, not yet passed"
    assert grid.at["Tom", "status"] == "handed in nothing"
    assert [c for c in grid.columns if " q" in c] == ["connection q1", "connection q2", "content q1"]
    wrong = pd.read_csv(out / "class-wrong-answers.csv")
    assert sorted(zip(wrong["exercise"], wrong["wrong_answer"].astype(str))) == [("q1", "2"), ("q2", "1")]
