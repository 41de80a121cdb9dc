"""Caring exercises: each solution passes inside SETUP, plausible wrong answers fail with a message
about the mistake, and the blank says "not answered yet".

Expected values and wrong answers are computed here with plain pandas and
vaderSentiment called directly, not with sevencs.caring.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from reference import run_solution
from sevencs.course.engine import Exercise
from sevencs.course.questions import Question, Reflection
from sevencs.course.store import ProgressStore
from sevencs.datasets import NURSERY, load_comments, load_mentions, load_questions
from sevencs.exercises import caring as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4]

Q = load_questions()
HOURS = (Q["first_reply_at"] - Q["asked_at"]).dt.total_seconds() / 3600
MEDIAN_BY_CHANNEL = {c: float(np.nanmedian(HOURS[Q["channel"] == c])) for c in ("comment", "message")}
MEAN_BY_CHANNEL = {c: float(np.nanmean(HOURS[Q["channel"] == c])) for c in ("comment", "message")}
ZERO_BY_CHANNEL = {c: float(np.median(HOURS[Q["channel"] == c].fillna(0))) for c in ("comment", "message")}

MONDAY = pd.Timestamp("2026-07-13 09:00")
OPEN = (Q["asked_at"] <= MONDAY) & (Q["first_reply_at"].isna() | (Q["first_reply_at"] > MONDAY))
WAITED = (MONDAY - Q["asked_at"]) > pd.Timedelta(hours=48)
WAITING = int((OPEN & WAITED).sum())
END = max(Q["asked_at"].max(), Q["first_reply_at"].max())
WAITING_AT_END = int((Q["first_reply_at"].isna() & ((END - Q["asked_at"]) > pd.Timedelta(hours=48))).sum())

VADER = SentimentIntensityAnalyzer()
M = load_mentions()
COMPOUND = np.array([VADER.polarity_scores(t)["compound"] for t in M["text"]])
NEGATIVE = float((COMPOUND <= -0.05).mean())
HUMAN_NEGATIVE = float((M["human_label"] == "negative").mean())

C = load_comments()
REPLIES = C[C["reply_to"].notna()]
MEMBER_REPLIES = int((REPLIES["author"] != NURSERY).sum())
MEMBER_SHARE = MEMBER_REPLIES / len(REPLIES)

EXPECTED = {"q1": MEDIAN_BY_CHANNEL, "q2": WAITING, "q3": NEGATIVE, "q4": MEMBER_SHARE}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_expected_answer_matches_an_independent_calculation(exercise):
    expected, solved = exercise.expected(), run_solution(exercise)
    if isinstance(EXPECTED[exercise.name], dict):
        assert expected.to_dict() == pytest.approx(EXPECTED[exercise.name])
        assert solved.to_dict() == pytest.approx(EXPECTED[exercise.name])
    else:
        assert expected == pytest.approx(EXPECTED[exercise.name])
        assert solved == pytest.approx(EXPECTED[exercise.name])


WRONG = [
    ("q1", pd.Series(MEAN_BY_CHANNEL), "means"),
    ("q1", pd.Series(ZERO_BY_CHANNEL), "unanswered questions as 0 hours"),
    ("q1", pd.Series({c: v * 60 for c, v in MEDIAN_BY_CHANNEL.items()}), "minutes"),
    ("q1", float(np.nanmedian(HOURS)), "all questions together"),
    ("q1", pd.Series({"comment": MEDIAN_BY_CHANNEL["comment"]}), "one value for each channel"),
    ("q2", int((OPEN & (Q["asked_at"] <= MONDAY)).sum()), "including ones asked in the last 48 hours"),
    ("q2", WAITING_AT_END, "end of the data"),
    ("q2", int(((MONDAY - Q["asked_at"]) > pd.Timedelta(hours=48)).sum()), "answered or not"),
    ("q2", WAITING + 0.5, "whole number"),
    ("q3", int((COMPOUND <= -0.05).sum()), "Divide by the number of mentions"),
    ("q3", HUMAN_NEGATIVE, "human reader"),
    ("q3", float((COMPOUND <= -0.05).sum() / (np.abs(COMPOUND) >= 0.05).sum()), "neutral ones included"),
    ("q3", NEGATIVE * 100, "percentage"),
    ("q4", MEMBER_REPLIES / len(C), "divided by all comments"),
    ("q4", float((C["author"] != NURSERY).mean()), "including the ones that start"),
    ("q4", 1 - MEMBER_SHARE, "other part"),
    ("q4", MEMBER_REPLIES, "Divide by the number of replies"),
]


def test_a_dict_or_a_one_column_table_by_channel_is_accepted():
    assert ex.q1.check(dict(MEDIAN_BY_CHANNEL)).correct
    assert ex.q1.check(pd.DataFrame({"hours": MEDIAN_BY_CHANNEL})).correct
    assert ex.q1.check({k: round(v, 2) for k, v in MEDIAN_BY_CHANNEL.items()}).correct


def test_odd_answers_get_a_message_not_a_traceback():
    assert "None" in ex.q1.check(None).message
    assert not ex.q1.check("six hours").correct
    assert not ex.q1.check({"comment": "six", "message": 4.6}).correct


def test_the_chapter_has_three_self_checks_with_one_right_option_and_a_reflection():
    questions = [ex.sc1, ex.sc2, ex.sc3]
    assert all(isinstance(q, Question) for q in questions)
    assert [sum(o.correct for o in q.options) for q in questions] == [1, 1, 1]
    assert isinstance(ex.reflection, Reflection) and len(ex.reflection.rubric) >= 3
    assert all(isinstance(e, Exercise) for e in EXERCISES)


def test_the_member_share_self_check_has_its_arithmetic_right():
    right = next(o for o in ex.sc3.options if o.correct)
    assert right.text.startswith("30 ÷ 50") and 30 / (30 + 20) == 0.6


def test_checks_are_recorded_as_progress_for_the_chapter():
    ex.q4.check(MEMBER_REPLIES / len(C))
    ex.q4.check(MEMBER_SHARE)
    events = ProgressStore().events()
    assert set(events["chapter"]) == {"caring"} and list(events["status"]) == ["incorrect", "correct"]


def _median_by_channel() -> pd.Series:
    q = load_questions()
    hours = (q["first_reply_at"] - q["asked_at"]).dt.total_seconds() / 3600
    return hours.groupby(q["channel"]).median()


def test_medians_rounded_to_one_decimal_pass_and_wrong_ones_fail():
    expected = _median_by_channel()
    assert ex.q1.check(expected.round(1)).correct
    assert not ex.q1.check(expected.round(1) + 0.1).correct
    assert not ex.q1.check(expected.round(0)).correct


@pytest.mark.parametrize(
    "kind, words",
    [
        ("text", "text (a string)"),
        ("duration", "`.dt.total_seconds() / 3600`"),
        ("missing", "missing (NaN)"),
    ],
)
def test_values_that_are_not_hours_say_so(kind, words):
    expected = _median_by_channel()
    answer = {
        "text": expected.astype(str),
        "duration": pd.to_timedelta(expected, unit="h"),
        "missing": expected.where(expected.index != "comment"),
    }[kind]
    feedback = ex.q1.check(answer)
    assert not feedback.correct
    assert words in feedback.message


@pytest.mark.parametrize(
    "words, right",
    [
        ("voucher", False),  # a reward for reviewing
        ("only to customers who rated", False),  # asking only the happy ones
        ("staff and their families", False),  # not genuine customers
        ("every receipt", True),  # everyone, honestly, no reward
    ],
)
def test_the_review_self_check_accepts_only_asking_everyone_without_a_reward(words, right):
    letter = next("abcd"[i] for i, o in enumerate(ex.sc4.options) if words in o.text)
    assert ex.sc4.answer(letter).correct is right


def test_the_review_self_check_hides_its_answer_from_position_and_length():
    options = ex.sc4.options
    right = next(i for i, o in enumerate(options) if o.correct)
    assert len(options) == 4 and right >= 2
    assert len(options[right].text) < max(len(o.text) for o in options)
