"""What the learner sees of their progress, and resetting a chapter."""

from __future__ import annotations

import pytest

import sevencs
from sevencs.exercises import CHAPTERS
from sevencs.exercises import connection as ex
from sevencs.exercises import welcome
from sevencs.store import ProgressStore


def row(report, chapter):
    return report.table.set_index("chapter").loc[chapter]


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
    ex.sc1.answer("a")
    ex.reflection.save("my sister, the allotment society")
    connection = row(sevencs.my_progress(), "connection")
    assert connection["exercises passed"] == "1 of 5"
    assert connection["exercises tried"] == "2 of 5"
    assert connection["hints seen"] == 2
    assert connection["solutions seen"] == 1
    assert connection["self-checks right"] == "1 of 3"
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
