"""A learner in a real JupyterLab: the exercise notebooks, driven with Chromium as a learner would.

JupyterLab runs on 127.0.0.1 with a copy of the course and its own progress
file (tests/lab_harness.py). Each exercise notebook opens unmodified and runs
top to bottom; then, in the Connection exercises, a learner types a wrong
answer and a right one, clicks a self-check wrong then right, types a
reflection and saves it at once, makes a slip that raises, and restarts the
kernel: the feedback, the stored text and the progress are checked as the
page shows them and as the progress file holds them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lab_harness import (
    ERROR_OUTPUTS,
    SCREENSHOTS,
    assert_opens_unmodified,
    close_notebook,
    open_notebook,
    run_all,
    wait_for,
    wait_until_run,
)
from sevencs.course.store import ProgressStore
from sevencs.exercises import chapter_items

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("exercises/*.ipynb"))


# --------------------------------------------------------------------------- what a learner does


def cell_index(page, text: str) -> int:
    """The position of the first cell whose source contains ``text``."""
    index = page.evaluate(
        """(text) => window.jupyterapp.shell.currentWidget.content.widgets
             .findIndex(cell => cell.model.sharedModel.getSource().includes(text))""",
        text,
    )
    assert index >= 0, f"no cell contains {text!r}"
    return index


def cell(page, index: int):
    return page.locator(".jp-Notebook .jp-Cell").nth(index)


def type_and_run(page, index: int, code: str) -> str:
    """Replace a cell's code by typing, run it with Shift+Enter, and return what its output shows."""
    target = cell(page, index)
    target.scroll_into_view_if_needed()
    target.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
    page.keyboard.press("Shift+Enter")
    wait_until_run(page)
    return target.locator(".jp-OutputArea").inner_text()


def restart_kernel(page) -> None:
    """Restart the kernel (Kernel > Restart Kernel, without the confirmation dialog) and wait until idle."""
    page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    wait_until_run(page)


def busy_kernel(page, seconds: float) -> None:
    """Keep the kernel busy for a while, as a slow cell would, without waiting for it."""
    page.evaluate(
        "(s) => { window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        ".requestExecute({code: `import time; time.sleep(${s})`, silent: true}); }",
        seconds,
    )


def stored_events(lab):
    return ProgressStore(lab.progress_db).events()


# --------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("path", EXERCISES)
def test_an_exercise_notebook_opens_unmodified_and_runs_top_to_bottom(lab_page, jupyter_lab, path):
    page = lab_page
    open_notebook(page, jupyter_lab, path)
    assert_opens_unmodified(page, jupyter_lab, path)
    run_all(page)
    assert page.locator(ERROR_OUTPUTS).count() == 0
    chapter = path.split("_", 1)[1].removesuffix(".ipynb")
    items = chapter_items(chapter)
    outputs = page.locator(".jp-Notebook .jp-OutputArea-output")
    # Every blank exercise says so, every help cell shows its two buttons, and running it all took no hint
    assert outputs.filter(has_text="Not answered yet").count() == len(items["exercises"])
    assert outputs.get_by_role("button", name="Show the model solution").count() == len(items["exercises"])
    assert outputs.get_by_role("button", name="Check my answer").count() == len(items["questions"])
    events = stored_events(jupyter_lab)
    assert not len(events[(events["chapter"] == chapter) & events["kind"].isin(["hint", "solution"])])
    close_notebook(page)


def test_a_learner_works_through_an_exercise_a_self_check_and_a_reflection(lab_page, jupyter_lab):
    page, lab = lab_page, jupyter_lab
    open_notebook(page, lab, "exercises/01_connection.ipynb")
    run_all(page)
    exercise = chapter_items("connection")["exercises"][1]
    answer_cell = cell_index(page, f"{exercise.solution_code.split(' = ')[0]} = ...")

    # A wrong answer, then the model solution, typed into the exercise's cell
    wrong = type_and_run(page, answer_cell, f"reach_2 = 3\nex.{exercise.name}.check(reach_2)")
    assert "Not yet" in wrong and "Correct" not in wrong
    right = type_and_run(page, answer_cell, f"{exercise.solution_code}\nex.{exercise.name}.check(reach_2)")
    assert "Correct" in right
    cell(page, answer_cell).screenshot(path=SCREENSHOTS / "exercise-right.png")

    # A self-check clicked wrong, then right
    question = chapter_items("connection")["questions"][0]
    form = page.locator(".jp-OutputArea", has=page.get_by_role("button", name="Check my answer")).first
    form.scroll_into_view_if_needed()
    right_option = next(i for i, o in enumerate(question.options) if o.correct)
    wrong_option = (right_option + 1) % len(question.options)
    form.locator("input[type=radio]").nth(wrong_option).check()
    form.get_by_role("button", name="Check my answer").click()
    wait_for(lambda: "Not yet" in form.inner_text(), what="the self-check's feedback")
    form.locator("input[type=radio]").nth(right_option).check()
    form.get_by_role("button", name="Check my answer").click()
    wait_for(lambda: "Correct" in form.inner_text(), what="the self-check's feedback")

    # A reflection typed while the kernel is still busy (a slow cell running, say) and saved straight away:
    # what is stored is what was typed. (The frontend holds back a widget's newest value while the kernel
    # has not finished with its previous one, but sends a button's click at once.)
    typed = (
        "I would start with the allotment society: its members know each other, and one of them "
        "runs the market stall. Then the school's parents, through a seed swap."
    )
    box = page.locator(".jp-OutputArea textarea").first
    box.scroll_into_view_if_needed()
    box.click()
    busy_kernel(page, seconds=2)
    page.keyboard.type(typed, delay=5)
    page.get_by_role("button", name="Save and compare").click()

    def saved_text():
        events = stored_events(lab)
        texts = events["value"][(events["chapter"] == "connection") & (events["kind"] == "reflection")]
        return len(texts) and texts.iloc[-1] == typed

    wait_for(saved_text, what="the reflection to be stored as typed")
    reflection_output = page.locator(".jp-OutputArea", has=page.locator("textarea")).first
    wait_for(lambda: "Saved" in reflection_output.inner_text(), what="the reflection's 'Saved'")
    form.screenshot(path=SCREENSHOTS / "self-check-right.png")
    reflection_output.screenshot(path=SCREENSHOTS / "reflection-saved.png")

    # A slip that raises: the learner's line and the package's message, not the package's source
    slip = type_and_run(page, answer_cell, "cx.reach(G, 'NURSERY', 2)")
    assert "NURSERY" in slip and "sevencs.full_traceback()" in slip
    assert "connection.py" not in slip and "_checks.py" not in slip
    assert len(slip.strip().splitlines()) <= 10
    cell(page, answer_cell).screenshot(path=SCREENSHOTS / "learner-error.png")
    full = type_and_run(page, answer_cell, "import sevencs\nsevencs.full_traceback()")
    assert "connection.py" in full

    # The kernel restarts: progress survives, and the reflection box opens with the saved text
    restart_kernel(page)
    run_all(page)
    assert page.locator(".jp-OutputArea textarea").first.input_value() == typed
    overview = type_and_run(page, answer_cell, "import sevencs\nprint(sevencs.progress())")
    line = next(line for line in overview.splitlines() if line.startswith("connection"))
    assert (
        "1 of 5 passed" in line
        and f"self-checks 1 of {len(chapter_items('connection')['questions'])}" in line
        and "reflection saved" in line
    )
    close_notebook(page)
