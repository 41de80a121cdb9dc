"""A real JupyterHub, as hub/ deploys it, with learners who follow the course link.

JupyterHub 6 runs on 127.0.0.1 from the instructor's hub/jupyterhub_config.py
(tests/hub_harness.py swaps only the parts that need root and real Unix
accounts). Four learners open the course link (``sevencs hub-link``) at once,
log in with the class password and get the course cloned into their own home
by nbgitpuller. Three each type the answer to one exercise, save and run their
notebook top to bottom in their own server; the fourth does nothing more. Then
the progress saved in each learner's home must show exactly what that learner
did: one exercise passed for each of the three, nothing for the fourth. Every
process the hub started must be gone when it stops.

Slow (`make test` runs it in phase 2): about a minute on 2 cores.
"""

from __future__ import annotations

import concurrent.futures
import json
import time

import pytest

import hub_harness
from sevencs.classroom.report import PASSED, build_report
from sevencs.course.store import ProgressStore

pytestmark = pytest.mark.slow

#: Who does what: the notebook each learner opens and the exercise they answer (None: they only open it).
LEARNERS = {
    "ada": ("exercises/00_welcome.ipynb", "welcome", "q1"),
    "bo": ("exercises/01_connection.ipynb", "connection", "q2"),
    "cy": ("exercises/00_welcome.ipynb", "welcome", "q2"),
    "dee": ("exercises/00_welcome.ipynb", None, None),
}
COURSE = hub_harness.COURSE


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    problem = hub_harness.missing()
    if problem:  # `make test` installs all of it: missing here is a broken set-up, not a reason to skip
        pytest.fail(problem)
    folder = tmp_path_factory.mktemp("hub")
    with hub_harness.running_hub(folder, list(LEARNERS)) as running:
        yield running
    # Outside the block the hub has stopped: nothing it started may still run.
    assert running.left_running == [], "still running after the hub stopped (now killed):\n" + "\n".join(
        running.left_running
    )


def _learner_session(hub, name: str) -> dict:
    """One learner from the course link to a notebook run; what they ended up with."""
    path, chapter, exercise = LEARNERS[name]
    learner = hub_harness.Learner(hub, name, timeout=120)
    lab_url = learner.open_link(hub.link(path))
    notebook_path = f"{COURSE}/{path}"
    if chapter:
        notebook = hub_harness.type_answer(learner.read_notebook(notebook_path), chapter, exercise)
        learner.save_notebook(notebook_path, notebook)  # as JupyterLab saves before running
        learner.run_notebook(notebook_path, notebook)
    return {"lab_url": lab_url, "timings": learner.timings}


def test_learners_follow_the_link_run_an_exercise_and_their_progress_is_in_their_own_home(hub, progress_db):
    start = time.monotonic()
    link = hub.link("exercises/00_welcome.ipynb")
    assert link.startswith(f"{hub.url}hub/user-redirect/git-pull?")
    assert hub_harness.parse_link(link)["repo"] == hub.repo

    # The hub runs the instructor's idle culler as a service.
    assert any("jupyterhub_idle_culler" in " ".join(p.cmdline()) for p in hub.processes()), "no idle culler running"

    # A login burst: every learner at once.
    with concurrent.futures.ThreadPoolExecutor(len(LEARNERS)) as pool:
        futures = {name: pool.submit(_learner_session, hub, name) for name in LEARNERS}
        results = {name: future.result() for name, future in futures.items()}

    for name, (path, _, _) in LEARNERS.items():
        assert results[name]["lab_url"] == f"{hub.url}user/{name}/lab/tree/{COURSE}/{path}"
        # nbgitpuller cloned the course into the learner's own home, where their server runs
        assert (hub.home(name) / COURSE / "_toc.yml").is_file(), f"{name} has no course in their home"

    servers = hub.learner_processes()
    assert sorted(servers) == sorted(LEARNERS), f"one server per learner expected, found {sorted(servers)}"
    for name, processes in servers.items():
        assert processes[0].environ()["HOME"] == str(hub.home(name)), f"{name}'s server runs in another home"

    # Each learner's saved notebook holds their own answer only.
    answers = {"ada": "number_of_posts = len(posts)", "cy": "promotional_share = (posts['type']"}
    for name in ("ada", "cy", "dee"):
        saved = json.loads((hub.home(name) / COURSE / "exercises/00_welcome.ipynb").read_text())
        source = "\n".join("".join(c["source"]) for c in saved["cells"])
        for owner, answer in answers.items():
            assert (answer in source) == (owner == name), f"{name}'s notebook and {owner}'s answer"

    # The progress, read straight from the learners' homes by the instructor's report (`--homes`):
    # each learner passed exactly the exercise they ran; the one who only followed the link did nothing.
    report = build_report([], homes=[str(hub.homes / "*" / COURSE)])
    grid = report.grid.set_index("learner")
    assert sorted(grid.index) == sorted(LEARNERS)
    for name, (_, chapter, exercise) in LEARNERS.items():
        passed = {column for column in grid.columns if " q" in column and grid.at[name, column] == PASSED}
        assert passed == ({f"{chapter} {exercise}"} if chapter else set()), f"{name}'s row: {grid.loc[name]}"
        db = hub.progress_db(name)
        assert db.is_file() == bool(chapter), f"{name}: progress file {db}"
        if chapter:
            events = ProgressStore(db).events()
            rows = sorted(zip(events["chapter"], events["item"], events["kind"], events["status"], strict=True))
            assert rows == [(chapter, exercise, "attempt", "correct")], f"{name}'s progress: {rows}"

    # Nothing was saved anywhere else: not beside the hub, not in the test's own progress file.
    found = sorted(hub.folder.rglob("progress.sqlite"))
    assert found == sorted(hub.progress_db(n) for n, (_, c, _) in LEARNERS.items() if c), found
    assert not progress_db.exists()
    assert time.monotonic() - start < 240, "the hub test took over 4 minutes"
