"""The instructor guide's numbers and its list of common mistakes, the exercises' own Mistake records."""

from __future__ import annotations

import pytest

from sevencs.book.instructor import common_mistakes, numbers
from sevencs.course.engine import Mistake
from sevencs.exercises import CHAPTERS, chapter_items, community, conversation, relationships, welcome

ALL_EXERCISES = [e for c in CHAPTERS for e in chapter_items(c)["exercises"]]
# every exercise but the labels of conversation q1, whose mistakes are slips on single posts, and the
# free-text rewrite of relationships q4, which is judged by its share of you words, not against known answers
ANSWERED_WHOLE = [e for e in ALL_EXERCISES if e not in (conversation.q1, relationships.q4)]


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


def test_every_exercise_lists_its_mistakes_once_each_in_the_checkers_order(table):
    for exercise in ALL_EXERCISES:
        messages = [m.message for m in exercise.known_mistakes]
        assert all(isinstance(m, Mistake) for m in exercise.known_mistakes)
        assert listed(table, exercise.chapter, exercise.name) == list(dict.fromkeys(messages)), exercise.label


@pytest.mark.parametrize("exercise", ANSWERED_WHOLE, ids=[e.label for e in ANSWERED_WHOLE])
def test_each_listed_mistake_is_the_feedback_a_learner_gets_for_it(table, exercise):
    shown = listed(table, exercise.chapter, exercise.name)
    assert exercise.known_mistakes, f"{exercise.label} recognises no mistake"
    for mistake in exercise.known_mistakes:
        feedback = exercise.check(mistake.value)
        assert not feedback.correct, f"{exercise.label}: {mistake.value!r} passes as correct"
        assert feedback.message in shown


def test_label_slips_are_listed_and_are_what_a_learner_gets_for_them(table):
    expected = conversation.q1.expected()
    for mistake in conversation.q1.known_mistakes:
        post, label = mistake.value
        answer = [label if i == post else right for i, right in enumerate(expected)]
        assert mistake.message in conversation.q1.check(answer).message
        assert mistake.message in listed(table, "conversation", "q1")


def test_mistakes_that_used_to_need_code_are_listed_with_their_numbers(table):
    # the exact moment, before rounding up to a whole month: the message names it (5.32 months)
    exact = community.cm.half_market_time(community.Q4_START, community.Q4_RATE, community.Q4_MARKET)
    assert f"({exact:.2f} months)" in community.q4.check(round(exact, 2)).message
    assert community.q4.check(exact).message in listed(table, "community", "q4")
    # a table's shape and an undefined share: answers that are not numbers
    assert welcome.q1.check(welcome.load_posts().shape).message in listed(table, "welcome", "q1")
    assert relationships.q3.check(relationships.rx.you_we_ratio("Hello!")).message in listed(
        table, "relationships", "q3"
    )


def test_every_chapter_has_mistakes_and_the_html_shows_code_as_code():
    mistakes = common_mistakes()
    assert set(mistakes.table["chapter"]) == set(CHAPTERS)
    page = mistakes._repr_html_()
    assert "<code>" in page and "`" not in page
