"""What the learner sees of their progress, and resetting a chapter."""

from __future__ import annotations

import pytest

import sevencs
from sevencs.course.store import ProgressStore
from sevencs.exercises import CHAPTERS, chapter_items, welcome
from sevencs.exercises import connection as ex
from sevencs.render.html import LETTERS


def row(report, chapter):
    return report.table.set_index("chapter").loc[chapter]


def letter(question, right: bool) -> str:
    """The letter of the question's first option that is right (or wrong), read from the bank."""
    return LETTERS[next(i for i, o in enumerate(question.options) if o.correct is right)]


def test_a_new_learner_sees_every_chapter_at_zero():
    report = sevencs.my_progress()
    assert list(report.table["chapter"]) == list(CHAPTERS)
    assert row(report, "connection")["exercises passed"] == "0 of 5"
    assert row(report, "welcome")["reflection saved"] == "not yet"


def test_progress_counts_what_was_done():
    ex.q1.check(1)
    ex.q1.check(768)
    ex.q2.check(5)
    ex.q2.hint()
    ex.q2.hint(2)
    ex.q3.solution()
    ex.sc1.answer(letter(ex.sc1, right=True))
    ex.sc2.answer(letter(ex.sc2, right=False))  # a wrong answer is not counted as right
    ex.reflection.save("my sister, the allotment society")
    connection = row(sevencs.my_progress(), "connection")
    assert connection["exercises passed"] == "1 of 5"
    assert connection["exercises tried"] == "2 of 5"
    assert connection["hints seen"] == 2
    assert connection["solutions seen"] == 1
    assert connection["self-checks right"] == f"1 of {len(chapter_items('connection')['questions'])}"
    assert connection["reflection saved"] == "yes"


def test_the_report_shows_where_progress_is_saved(progress_db):
    report = sevencs.my_progress()
    assert str(progress_db) in str(report) and "<table" in report._repr_html_()


def test_reset_asks_first_then_clears_only_that_chapter():
    ex.q1.check(768)
    welcome.q1.check(187)
    note = sevencs.reset_chapter("connection")
    assert "confirm=True" in note.text
    assert row(sevencs.my_progress(), "connection")["exercises passed"] == "1 of 5"
    done = sevencs.reset_chapter("connection", confirm=True)
    assert "1 saved events" in done.text
    assert row(sevencs.my_progress(), "connection")["exercises passed"] == "0 of 5"
    assert row(sevencs.my_progress(), "welcome")["exercises passed"] == "1 of 2"
    assert len(ProgressStore().events()) == 1


def test_reset_names_the_real_chapters_when_misspelt():
    with pytest.raises(ValueError, match="no chapter 'conection'"):
        sevencs.reset_chapter("conection", confirm=True)


# -- sevencs.progress(): numbers, chart, text; sevencs.reset(): asks with a button first -------------


def test_progress_counts_each_exercise_once_and_scores_the_self_checks():
    ex.q1.check(1)
    ex.q1.check(768)
    ex.q1.check(768)
    ex.q2.check(5)
    ex.q2.hint()
    ex.q2.hint()
    ex.q2.hint(2)
    ex.q3.solution()
    ex.sc1.answer("a")
    ex.sc2.answer("a")
    counts = sevencs.progress().table.set_index("chapter")
    connection = counts.loc["connection"]
    # by hand: q1 and q2 tried, q1 passed, hints 1 and 2 of q2, the solution of q3
    assert (connection["tried"], connection["passed"]) == (2, 1)
    assert (connection["hints seen"], connection["solutions seen"]) == (2, 1)
    right = sum(q.answer("a").correct for q in (ex.sc1, ex.sc2))  # the same answers, judged again
    assert connection["self-checks right"] == right
    assert connection["quiz score"] == pytest.approx(right / 3)
    assert counts.loc["welcome", "tried"] == 0 and not counts.loc["welcome", "reflection saved"]


def test_progress_prints_a_bar_per_chapter_and_shows_a_chart_with_alt_text(progress_db):
    ex.q1.check(768)
    overview = sevencs.progress()
    text = str(overview)
    assert str(progress_db) in text
    assert all(f"{chapter} " in text for chapter in CHAPTERS)
    assert "[##........]  1 of 5 passed" in text  # 1 of 5 is two tenths of the bar
    image = overview.figure()
    ax = image.figure.axes[0]
    assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
    assert [t.get_text() for t in ax.get_yticklabels()] == list(CHAPTERS)
    assert "connection 1 of 5" in image.alt
    html = overview._repr_html_()
    assert "<table" in html and 'alt="Horizontal bar chart' in html


def test_sevencs_progress_is_the_function_a_notebook_calls():
    import sevencs.learner.progress as module

    assert sevencs.progress is module.progress
    ex.q1.check(768)
    assert sevencs.progress().table.set_index("chapter").at["connection", "passed"] == 1


def test_reset_shows_a_button_and_changes_nothing_until_it_is_clicked():
    ex.q1.check(768)
    widget = sevencs.reset("connection")
    assert widget.button.description == "Yes, start connection over"
    assert "Nothing is deleted" in widget.message.value
    assert len(ProgressStore().events("connection")) == 1
    widget.button.click()
    assert ProgressStore().events("connection").empty
    assert "1 saved events" in widget.result.value and widget.button.disabled
    import sqlite3

    con = sqlite3.connect(ProgressStore().path)
    kept = con.execute("SELECT COUNT(*) FROM reset_events WHERE chapter = 'connection'").fetchone()[0]
    con.close()
    assert kept == 1


def test_reset_with_confirm_resets_at_once_and_refuses_unknown_chapters():
    ex.q1.check(768)
    note = sevencs.reset("connection", confirm=True)
    assert "1 saved events" in note.text
    assert ProgressStore().events("connection").empty
    with pytest.raises(ValueError, match="no chapter 'clients!'"):
        sevencs.reset("clients!")


def test_in_the_published_book_the_progress_cell_explains_itself_instead_of_showing_the_build(monkeypatch):
    from sevencs.render.edition import BOOK_ENV

    monkeypatch.setenv(BOOK_ENV, "reader")
    shown = sevencs.progress()._repr_html_()
    assert "appears here when you run this notebook" in shown and "<img" not in shown
    assert "appears here when you run this notebook" in sevencs.my_progress()._repr_html_()
    monkeypatch.delenv(BOOK_ENV)
    assert "<img" in sevencs.progress()._repr_html_()


# --- handing in from a notebook (issue 14, item 8) ---------------------------------------------------


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course folder the notebook runs in: hand-ins land there."""
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "_toc.yml").touch()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("SEVENCS_LEARNER", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    return folder


def test_the_progress_view_has_a_button_that_saves_a_file_to_hand_in(course):
    import json

    ex.q1.check(1)
    ex.q1.check(768)
    view = sevencs.progress().view()
    assert "<table" in view.overview.value and view.hand_in.button.description == "Save my progress file"
    view.hand_in.name.value = "  Sam   Lee "
    view.hand_in.button.click()
    saved = course / "sevencs-progress-sam-lee.json"
    data = json.loads(saved.read_text())
    assert data["learner"] == "Sam Lee" and [e["status"] for e in data["events"]] == ["incorrect", "correct"]
    assert "Your progress file is saved" in view.hand_in.result.value
    assert "sevencs-progress-sam-lee.json" in view.hand_in.result.value
    assert sevencs.progress().view().hand_in.name.value == "Sam Lee"  # kept for next time


def test_a_live_notebook_shows_the_button_and_the_book_does_not(course, monkeypatch):
    from sevencs.render.edition import BOOK_ENV

    bundle = sevencs.progress()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "<table" in bundle["text/html"]
    monkeypatch.setenv(BOOK_ENV, "reader")
    assert sevencs.progress()._repr_mimebundle_() == {}  # the book shows _repr_html_: no learner, no button
    assert sevencs.progress().view() is None
    assert "appears here when you run this notebook" in sevencs.progress()._repr_html_()


def test_export_from_python_names_the_file_and_replaces_only_an_earlier_hand_in(course):
    import json

    ex.q1.check(768)
    first = sevencs.export(name="Ana Silva")
    assert first.saved and first.path == course / "sevencs-progress-ana-silva.json"
    assert "Hand this file to your instructor" in str(first) and "one saved step" in first.message
    ex.q2.check(3)
    again = sevencs.export()  # the name given before is kept
    assert again.path == first.path and len(json.loads(again.path.read_text())["events"]) == 2
    other = course / "notes.json"
    other.write_text("my own notes, not a progress file")
    refused = sevencs.export(out=other)
    assert not refused.saved and "left as it is" in refused.message and "sevencs.export(out=" in refused.message
    assert other.read_text() == "my own notes, not a progress file"
    assert "Your progress file was not saved" in refused._repr_html_()


def test_an_anonymous_hand_in_is_saved_and_says_how_to_add_a_name(course, progress_db):
    saved = sevencs.export()
    assert saved.saved and saved.learner == "anonymous" and saved.events == 0
    assert 'sevencs.export(name="Your Name")' in saved.message and "started nothing" in saved.message
    assert not progress_db.exists()
