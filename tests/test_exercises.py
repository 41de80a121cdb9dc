"""Every exercise: its solution passes inside the chapter's set-up, plausible wrong answers fail
with a message about the mistake, and the blank says "not answered yet".

Expected values and wrong answers for Welcome and Connection are computed here independently of
the package (plain breadth-first search, networkx's own betweenness, pandas by hand). Each later
chapter keeps its independent calculations and its list of wrong answers, ``WRONG``, in
``test_<chapter>_exercises.py``; the checks below run them all the same way.
"""

from __future__ import annotations

import importlib
import math
import numbers
import re

import networkx as nx
import numpy as np
import pytest

from reference import adjacency_of, bfs_distances, run_answer, run_solution
from sevencs.course.engine import Kind, Status
from sevencs.course.store import ProgressStore
from sevencs.datasets import NURSERY, load_network, load_posts
from sevencs.exercises import CHAPTERS, chapter_items

ALL_EXERCISES = [(c, e) for c in CHAPTERS for e in chapter_items(c)["exercises"]]
IDS = [e.label for _, e in ALL_EXERCISES]
# The expected values below are for the first two chapters; every later chapter has its own in
# tests/test_<chapter>_exercises.py.
FIRST = [(c, e) for c, e in ALL_EXERCISES if c in ("welcome", "connection")]
FIRST_IDS = [e.label for _, e in FIRST]


@pytest.mark.parametrize(("chapter", "exercise"), ALL_EXERCISES, ids=IDS)
def test_the_model_solution_passes(chapter, exercise):
    feedback = exercise.check(run_solution(exercise))
    assert feedback.correct, feedback.message


@pytest.mark.parametrize(("chapter", "exercise"), ALL_EXERCISES, ids=IDS)
def test_the_blank_says_not_answered_and_records_nothing(chapter, exercise):
    feedback = exercise.check(...)
    assert feedback.status is Status.NOT_ANSWERED
    assert "Replace the `...`" in feedback.message
    assert ProgressStore().events().empty


@pytest.mark.parametrize(("chapter", "exercise"), ALL_EXERCISES, ids=IDS)
def test_every_exercise_has_graded_hints_and_a_title(chapter, exercise):
    assert exercise.title and len(exercise.hints) >= 2
    assert exercise.answer_name in exercise.solution_code


# --- independent truths for the connection chapter ------------------------------------------

GRAPH = load_network()
ADJ = adjacency_of(GRAPH)
DIST = bfs_distances(ADJ, NURSERY)
FRIENDS = ADJ[NURSERY]
RING = [u for u, d in DIST.items() if d == 2]
REACH_2 = sum(1 for d in DIST.values() if 1 <= d <= 2)
SHARED = [u for u in RING if len(ADJ[u] & FRIENDS) >= 2]
OVERLAP = len(SHARED) / len(RING)
BETWEENNESS = nx.betweenness_centrality(GRAPH)
TOP_BROKER = max((a for a in GRAPH if a != NURSERY), key=BETWEENNESS.get)
MOST_FRIENDS = max((a for a in GRAPH if a != NURSERY), key=lambda a: len(ADJ[a]))


def _paradox(strict: bool, all_accounts: bool) -> float:
    counted = [a for a in GRAPH if ADJ[a]]
    hits = 0
    for a in counted:
        mean = np.mean([len(ADJ[f]) for f in ADJ[a]])
        hits += len(ADJ[a]) < mean if strict else len(ADJ[a]) <= mean
    return hits / (GRAPH.number_of_nodes() if all_accounts else len(counted))


PARADOX = _paradox(strict=True, all_accounts=False)
POSTS = load_posts()
PROMO = (POSTS["type"] == "promotional").sum() / len(POSTS)

EXPECTED = {
    "welcome q1": len(POSTS),
    "welcome q2": PROMO,
    "connection q1": 12 * 8 * 8,
    "connection q2": REACH_2,
    "connection q3": OVERLAP,
    "connection q4": TOP_BROKER,
    "connection q5": PARADOX,
}


@pytest.mark.parametrize(("chapter", "exercise"), FIRST, ids=FIRST_IDS)
def test_the_expected_answer_matches_an_independent_calculation(chapter, exercise):
    assert exercise.expected() == pytest.approx(EXPECTED[exercise.label])
    assert run_solution(exercise) == pytest.approx(EXPECTED[exercise.label])


WRONG = [
    ("welcome q1", len(POSTS.columns), "number of columns"),
    ("welcome q1", POSTS.shape, "table's shape"),
    ("welcome q1", POSTS, "pandas DataFrame"),
    ("welcome q1", str(len(POSTS)), "Remove them"),
    ("welcome q1", None, "`None`"),
    ("welcome q2", int((POSTS["type"] == "promotional").sum()), "how many posts are promotional"),
    ("welcome q2", PROMO * 100, "percentage"),
    ("welcome q2", 1 - PROMO, "other part"),
    ("welcome q2", (POSTS["type"] == "story").mean(), "share of story posts"),
    ("connection q1", 12 * 8**3, "One hop too many"),
    ("connection q1", 12 + 12 * 8 + 12 * 8 * 8, "exactly 3 hops"),
    ("connection q1", 8**3, "start from 12"),
    ("connection q1", 767.5, "whole number"),
    ("connection q2", REACH_2 + 1, "counted the nursery itself"),
    ("connection q2", len(FRIENDS) + sum(len(ADJ[f]) for f in FRIENDS), "added up the friend lists"),
    ("connection q2", len(FRIENDS), "1 hop"),
    ("connection q2", len(RING), "exactly 2 hops"),
    ("connection q2", {u for u, d in DIST.items() if 1 <= d <= 2}, "len(...)"),
    ("connection q3", OVERLAP * 100, "percentage"),
    ("connection q3", len(SHARED), "how many friends-of-friends overlap"),
    ("connection q3", 1 - OVERLAP, "other part"),
    ("connection q3", float("nan"), "NaN"),
    ("connection q4", NURSERY, "nursery itself"),
    ("connection q4", MOST_FRIENDS, "popular is not the same as bridging"),
    ("connection q4", BETWEENNESS[TOP_BROKER], "a number"),
    ("connection q4", [TOP_BROKER, NURSERY], "list of 2 items"),
    ("connection q5", _paradox(strict=False, all_accounts=False), "fewer or equal"),
    ("connection q5", _paradox(strict=True, all_accounts=True), "no friends at all"),
    ("connection q5", PARADOX * 100, "percentage"),
]
WRONG += [
    (f"{chapter} {name}", answer, words)
    for chapter in CHAPTERS
    if chapter not in ("welcome", "connection")
    for name, answer, words in importlib.import_module(f"test_{chapter}_exercises").WRONG
]
BY_LABEL = {e.label: e for _, e in ALL_EXERCISES}


@pytest.mark.parametrize(("label", "answer", "words"), WRONG, ids=[f"{w[0]}: {w[2]}" for w in WRONG])
def test_a_plausible_wrong_answer_fails_with_a_message_about_it(label, answer, words):
    feedback = BY_LABEL[label].check(answer)
    assert feedback.status is Status.INCORRECT
    assert words in feedback.message


def test_each_exercise_has_at_least_two_tested_wrong_answers():
    counts = {label: sum(1 for w in WRONG if w[0] == label) for label in BY_LABEL}
    assert all(n >= 2 for n in counts.values()), counts


def test_numpy_numbers_and_rounded_shares_are_accepted():
    exercises = importlib.import_module("sevencs.exercises.connection")
    assert exercises.q2.check(np.int64(REACH_2)).correct
    assert exercises.q3.check(np.float64(OVERLAP)).correct
    assert exercises.q3.check(round(OVERLAP, 3)).correct
    assert not exercises.q3.check(round(OVERLAP, 1)).correct


def test_account_names_are_matched_forgivingly():
    exercises = importlib.import_module("sevencs.exercises.connection")
    assert exercises.q4.check(f"  @{TOP_BROKER.upper()} ").correct


def test_checks_and_hints_are_recorded_as_progress():
    exercises = importlib.import_module("sevencs.exercises.connection")
    exercises.q1.check(12 * 8**3)
    exercises.q1.hint()
    exercises.q1.check(768)
    exercises.q1.solution()
    summary = ProgressStore().summary().set_index("item")
    assert summary.at["q1", "attempts"] == 2
    assert summary.at["q1", "passed"] and summary.at["q1", "solution_seen"]
    assert summary.at["q1", "hints_seen"] == 1


# --- check() never raises, whatever it is given (issue 10, item 13) ------------------------------


class ReprRaises:
    def __repr__(self):
        raise RuntimeError("this object cannot be shown")


class EverythingRaises:
    """An object that fails at every question asked of it."""

    def __getattribute__(self, name):
        raise RuntimeError(f"no {name}")

    def __repr__(self):
        raise RuntimeError("no repr")

    def __eq__(self, other):
        raise RuntimeError("no ==")

    def __len__(self):
        raise RuntimeError("no len")

    def __bool__(self):
        raise RuntimeError("no bool")

    __hash__ = None


@pytest.mark.parametrize(("chapter", "exercise"), ALL_EXERCISES, ids=IDS)
def test_check_never_raises_for_a_huge_number_or_an_object_that_cannot_be_shown(chapter, exercise):
    for answer in (10**10000, -(10**5000), ReprRaises(), EverythingRaises()):
        feedback = exercise.check(answer)
        assert feedback.status is Status.INCORRECT
        assert feedback.message and "Traceback" not in feedback.message
    assert "a whole number about 10,001 digits long" in exercise.check(10**10000).message
    events = ProgressStore().events(chapter)
    assert len(events) == 5 and (events["status"] == "incorrect").all()  # every attempt recorded
    assert events["value"].iloc[0] == "a whole number about 10,001 digits long"


# --- feedback that follows from what the answer is (issue 13, items 1-3) -------------------------
# Each slip is the code a learner writes in the answer cell, run after the chapter's SETUP as the
# notebook runs it; the expected answers come from the exercises themselves, never copied numbers.

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")


def states_the_answer(exercise, message: str) -> bool:
    """Whether a number in the message would pass the check: the feedback must never give it away."""
    return any(exercise.check(float(n)).correct for n in NUMBER.findall(message))


# What learners hand in instead of one number, and what the feedback should point them to.
CONTAINERS = [
    ("welcome q1", "number_of_posts = posts", "len(...)"),
    ("welcome q1", "number_of_posts = posts['post_id']", "len(...)"),
    ("welcome q1", "number_of_posts = posts.count()", "one of its values"),
    ("welcome q2", "promotional_share = posts['type'].value_counts()", "None of its values"),
    ("welcome q2", "promotional_share = posts['type'].value_counts(normalize=True)", "one of its values"),
    ("welcome q2", "promotional_share = posts['type'] == 'promotional'", ".mean()"),
    ("connection q2", "reach_2 = G", "network"),
    ("connection q2", "reach_2 = (set(G[NURSERY]) | {b for a in G[NURSERY] for b in G[a]}) - {NURSERY}", "len(...)"),
    ("connection q5", "paradox = cx.friendship_paradox(G)", "None of its values"),
    ("conversation q2", "question_rate = posts.groupby('type')['comments'].mean()", "one of its values"),
    ("caring q2", "waiting_48h = ca.unanswered(questions, older_than=48, as_of='2026-07-13 09:00')", "len(...)"),
    ("caring q2", "waiting_48h = ca.unanswered(questions, older_than=48)", "end of the data"),
]


@pytest.mark.parametrize(("label", "code", "words"), CONTAINERS, ids=[f"{c[0]}: {c[1]}" for c in CONTAINERS])
def test_len_is_suggested_only_where_counting_the_items_gives_the_answer(label, code, words):
    exercise = BY_LABEL[label]
    answer = run_answer(exercise, code)
    feedback = exercise.check(answer)
    assert feedback.status is Status.INCORRECT
    assert words in feedback.message
    # `len(...)` is the advice exactly when following it gives the right answer
    assert ("len(" in feedback.message) == exercise.check(len(answer)).correct
    assert not states_the_answer(exercise, feedback.message)


SHARES = [e for _, e in ALL_EXERCISES if getattr(e, "kind", None) is Kind.SHARE]
NOT_SHARES = [e for _, e in ALL_EXERCISES if getattr(e, "kind", Kind.SHARE) is not Kind.SHARE]


@pytest.mark.parametrize("exercise", SHARES, ids=lambda e: e.label)
def test_a_share_given_as_a_rounded_percentage_is_called_a_percentage(exercise):
    percent = round(100 * exercise.expected())
    feedback = exercise.check(percent)
    assert not feedback.correct
    same = [m.message for m in exercise.known_mistakes if isinstance(m.value, numbers.Real) and m.value == percent]
    if same:  # the percentage is also a count the exercise knows (caring q4): that message comes first
        assert feedback.message == same[0]
    else:
        assert "percentage" in feedback.message and "count" not in feedback.message
    assert not states_the_answer(exercise, feedback.message)
    assert exercise.check(percent / 100).correct  # doing what it says gives the right answer


@pytest.mark.parametrize("exercise", SHARES, ids=lambda e: e.label)
def test_a_share_given_as_some_other_number_up_to_100_may_be_a_percentage_or_a_count(exercise):
    percent = round(100 * exercise.expected())
    known = [m.value for m in exercise.known_mistakes if isinstance(m.value, numbers.Real)]
    # far from the answer, as a percentage too, and not a number the exercise knows as another mistake
    candidates = [percent + step for step in (20, -20, 25, -25, 30, -30) if 0 < percent + step <= 100]
    other = next(c for c in candidates if not any(math.isclose(c, value) for value in known))
    feedback = exercise.check(other)
    assert not feedback.correct
    assert "percentage" in feedback.message and "count" in feedback.message
    assert not states_the_answer(exercise, feedback.message)


@pytest.mark.parametrize("exercise", NOT_SHARES, ids=lambda e: e.label)
def test_an_answer_that_is_not_a_share_is_never_told_to_be_one(exercise):
    feedback = exercise.check(100 * exercise.expected())
    assert not feedback.correct
    assert "between 0 and 1" not in feedback.message and "the share" not in feedback.message
    if exercise.kind is Kind.RATE:  # a percentage of a rate: say which rate, in its own units
        assert "percentage" in feedback.message and exercise.unit in feedback.message
    if exercise.kind in (Kind.COUNT, Kind.WHOLE):  # nobody turns a count into a percentage
        assert "percentage" not in feedback.message


def test_a_label_typed_with_a_capital_matches_no_row_and_the_feedback_says_so():
    exercise = BY_LABEL["welcome q2"]
    answer = run_answer(exercise, "promotional_share = (posts['type'] == 'Promotional').mean()")
    assert answer == 0  # no post's type is written with a capital P
    feedback = exercise.check(answer)
    assert not feedback.correct
    assert "capitals" in feedback.message and "lower than" not in feedback.message
    assert exercise.check(run_answer(exercise, "promotional_share = (posts['type'] == 'promotional').mean()")).correct


def test_a_name_with_different_spacing_is_called_nearly_right_but_not_accepted():
    exercise = BY_LABEL["connection q4"]
    expected = exercise.expected()
    assert "_" in expected  # the sample's account names join words with _
    for slip in (expected.replace("_", " "), expected.replace("_", "-"), expected.replace("_", " ").title()):
        feedback = exercise.check(slip)
        assert not feedback.correct, slip
        assert "spacing" in feedback.message and "not the answer" not in feedback.message
    assert exercise.check(expected).correct and exercise.check(f" @{expected.upper()}").correct
    assert "spacing" not in exercise.check("nobody_at_all").message


def test_an_amount_typed_with_its_pound_sign_is_told_to_drop_the_sign_and_the_quotes():
    exercise = BY_LABEL["clients q4"]
    typed = f"{exercise.expected():.2f}"
    for slip in (f"£{typed}", f" £{typed} ", f"£{float(typed) + 1000:,.2f}"):
        feedback = exercise.check(slip)
        assert not feedback.correct
        assert "£" in feedback.message and "quotes" in feedback.message
        assert "text (a string)" not in feedback.message
        assert not states_the_answer(exercise, feedback.message)
    assert exercise.check(float(typed)).correct


def test_part_of_the_broker_table_points_to_its_account_column_not_to_the_nursery_row():
    exercise = BY_LABEL["connection q4"]
    two_rows = run_answer(exercise, "top_broker = cx.brokers(G, top=5).head(2)")
    assert two_rows["account"].iloc[0] == NURSERY  # what the old advice, `.iloc[0]`, picked
    feedback = exercise.check(two_rows)
    assert not feedback.correct
    assert ".iloc[0]" not in feedback.message and "`account` column" in feedback.message
    assert "is in it" in feedback.message
    assert "not in it" in exercise.check(run_answer(exercise, "top_broker = cx.brokers(G, top=5).head(1)")).message


# --- what a learner sees names the exercise as the notebook does (issue 13, item 4) ------------


@pytest.mark.parametrize(("chapter", "exercise"), ALL_EXERCISES, ids=IDS)
def test_what_a_learner_sees_names_the_exercise_as_the_notebook_does_never_by_its_internal_id(chapter, exercise):
    shown = [
        str(exercise.check(object())),
        str(exercise.check(...)),
        exercise.hint().heading,
        exercise.solution().heading,
        repr(exercise),
        exercise._repr_html_(),
    ]
    for text in shown:
        assert exercise.label not in text
        assert exercise.display_name in text
