"""The instructor guide's numbers and its list of common mistakes, read from the exercises' code."""

from __future__ import annotations

import re

import pytest

from sevencs.book.instructor import common_mistakes, numbers
from sevencs.course.progress import chapter_items
from sevencs.exercises import CHAPTERS, community, connection, conversation


@pytest.fixture(scope="module")
def table():
    return common_mistakes().table


def listed(table, chapter, name) -> list[str]:
    return table[(table["chapter"] == chapter) & (table["exercise"] == name)]["feedback"].tolist()


def test_the_counts_match_the_chapter_modules(table):
    got = numbers()
    assert got["chapters"] == len(CHAPTERS) == 8
    assert got["exercises"] == sum(len(chapter_items(c)["exercises"]) for c in CHAPTERS)
    assert got["self_checks"] == sum(len(chapter_items(c)["questions"]) for c in CHAPTERS)
    assert got["mistakes"] == len(table)


@pytest.mark.parametrize("exercise", [connection.q1, connection.q2, community.q2])
def test_each_listed_mistake_is_the_feedback_a_learner_gets_for_it(table, exercise):
    shown = listed(table, exercise.chapter, exercise.name)
    wrong = list(exercise.mistakes(exercise.expected()))
    assert wrong and len(shown) >= len({m for _, m in wrong})
    for value, _message in wrong:
        feedback = exercise.check(value)
        assert not feedback.correct
        assert feedback.message in shown


def test_messages_of_special_hooks_are_listed_with_their_numbers_left_open(table):
    # the exact moment, before rounding up to a whole month, is caught by HalfMarket.special()
    exact = community.cm.half_market_time(community.Q4_START, community.Q4_RATE, community.Q4_MARKET)
    feedback = community.q4.check(exact)
    template = next(m for m in listed(table, "community", "q4") if "…" in m)
    assert re.fullmatch(re.escape(template).replace("…", ".+"), feedback.message)


def test_label_slips_are_listed(table):
    for message in conversation.q1.slips.values():
        assert message in listed(table, "conversation", "q1")


def test_every_chapter_has_mistakes_and_the_html_shows_code_as_code():
    mistakes = common_mistakes()
    assert set(mistakes.table["chapter"]) == set(CHAPTERS)
    page = mistakes._repr_html_()
    assert "<code>" in page and "`" not in page
