"""The Conversation exercises: every solution passes inside SETUP, plausible wrong answers fail with a
message about the mistake, and the blank says "not answered yet".

Expected values are recomputed here with plain pandas and Python, not with sevencs.conversation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reference import run_solution
from sevencs.course.store import ProgressStore
from sevencs.datasets import NURSERY, load_comments, load_peer_posts, load_posts
from sevencs.exercises import conversation as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4, ex.q5]
POSTS = load_posts()
COMMENTS = load_comments()
PEERS = load_peer_posts()

# exercise 1, labelled by reading the rules by hand
Q1 = ["conversational", "promotional", "informational", "conversational", "promotional"]

# exercise 2
QUESTIONS = POSTS[POSTS["type"] == "question"]
Q2 = QUESTIONS["comments"].sum() / len(QUESTIONS)

# exercise 3: threads started by others, and those the nursery answered
OWN = COMMENTS["author"] == NURSERY
STARTED = COMMENTS[COMMENTS["reply_to"].isna() & ~OWN]
ANSWERED = set(COMMENTS.loc[OWN, "reply_to"].dropna().astype(int))
Q3 = sum(1 for c in STARTED["comment_id"] if c in ANSWERED) / len(STARTED)

# exercise 4: label the peers' posts with the sales words of the rules, by hand
SALES = ("% off", "sale", "buy", "order now", "last chance", "limited stock", "price", "two for one")


def sells(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in SALES)


PEER_SELL = PEERS.assign(sells=PEERS["text"].map(sells)).groupby("account")["sells"].mean()
Q4 = PEER_SELL.idxmax()
MOST_POSTS = PEERS["account"].value_counts().idxmax()
FEWEST_COMMENTS = PEERS.groupby("account")["comments"].sum().idxmin()

# exercise 5: the known type as a label, and a hand version of the three rules
TYPE_LABEL = {
    "promotional": "promotional",
    "question": "conversational",
    "how-to": "informational",
    "story": "informational",
}


def by_hand(text: str) -> str:
    if sells(text):
        return "promotional"
    if "?" in text or "tell us" in text.lower():
        return "conversational"
    return "informational"


HAND = POSTS["text"].map(by_hand)
Q5 = (POSTS["type"].map(TYPE_LABEL) == HAND).mean()


@pytest.mark.parametrize(("exercise", "expected"), [(ex.q2, Q2), (ex.q3, Q3), (ex.q5, Q5)], ids=["q2", "q3", "q5"])
def test_the_expected_number_matches_an_independent_calculation(exercise, expected):
    assert exercise.expected() == pytest.approx(expected)
    assert run_solution(exercise) == pytest.approx(expected)


def test_the_expected_labels_and_account_match_a_reading_by_hand():
    assert ex.q1.expected() == Q1
    assert ex.q4.expected() == Q4 == run_solution(ex.q4)


WRONG = [
    (
        "q1",
        ["conversational", "conversational", "informational", "conversational", "promotional"],
        "sales rule is tried first",
    ),
    ("q1", ["conversational", "promotional", "informational", "informational", "promotional"], "tell us"),
    ("q1", ["conversational", "promotional", "informational", "conversational", "informational"], "last chance"),
    ("q1", ["question", "promotion", "informational", "conversational", "promotional"], "not one of the three labels"),
    ("q1", Q1[:4], "4 labels"),
    ("q1", "promotional", "a list of five labels"),
    ("q2", QUESTIONS["likes"].sum() / len(QUESTIONS), "applause rate"),
    ("q2", QUESTIONS["comments"].sum() / QUESTIONS["reach"].sum(), "divided by reach"),
    ("q2", float(QUESTIONS["comments"].sum()), "total number of comments"),
    ("q2", POSTS["comments"].sum() / len(POSTS), "all posts"),
    ("q3", OWN.sum() / len(COMMENTS), "its own replies included"),
    ("q3", OWN.sum() / (~OWN).sum(), "replies people wrote to each other"),
    ("q3", 1 - Q3, "other part"),
    ("q3", Q3 * 100, "percentage"),
    ("q4", NURSERY, "the nursery itself"),
    ("q4", MOST_POSTS, "posts the most"),
    ("q4", FEWEST_COMMENTS, "fewest comments in total"),
    ("q4", PEER_SELL.to_dict(), "a dictionary"),
    ("q5", (POSTS["type"] == HAND).mean(), "TYPE_TO_LABEL"),
    ("q5", float((POSTS["type"].map(TYPE_LABEL) == HAND).sum()), "how many posts"),
    ("q5", 1 - Q5, "other part"),
]


def test_the_wrong_accounts_in_exercise_4_are_not_the_answer():
    assert len({Q4, MOST_POSTS, FEWEST_COMMENTS, NURSERY}) == 4


def test_labels_are_matched_forgivingly_and_a_series_is_accepted():
    assert ex.q1.check([f"  {label.upper()} " for label in Q1]).correct
    assert ex.q1.check(pd.Series(Q1)).correct
    assert ex.q1.check(tuple(Q1)).correct


def test_numpy_numbers_rounded_shares_and_account_spelling_are_accepted():
    assert ex.q2.check(np.float64(Q2)).correct
    assert ex.q3.check(round(Q3, 3)).correct
    assert not ex.q3.check(round(Q3, 1)).correct
    assert ex.q4.check(f" @{Q4.upper()}").correct


def test_a_check_is_recorded_under_the_conversation_chapter():
    ex.q2.check(Q2)
    events = ProgressStore().events()
    assert list(events["chapter"]) == ["conversation"] and list(events["status"]) == ["correct"]


def test_the_questions_each_have_one_right_option_and_the_reflection_a_checklist():
    for question in (ex.sc1, ex.sc2, ex.sc3):
        assert sum(o.correct for o in question.options) == 1
        assert all(o.why for o in question.options)
    assert len(ex.reflection.rubric) >= 3


def test_question_rate_rounded_as_printed_passes_and_near_misses_fail():
    # the lab's table prints 6.916667 and the feedback 6.92: a learner copying either is right
    assert ex.q2.check(round(Q2, 2)).correct
    assert ex.q2.check(round(Q2, 3)).correct
    assert not ex.q2.check(round(Q2, 2) + 0.01).correct
    assert not ex.q2.check(round(Q2)).correct


def test_a_list_of_one_label_is_not_called_one_labels():
    message = ex.q1.check(["promotional"]).message
    assert "1 label," in message and "1 labels" not in message
