"""The Clients exercises: every solution passes inside SETUP, plausible wrong answers fail with a
message naming the mistake, and the blank says "not answered yet".

Expected values and wrong answers are computed here with pandas and numpy by hand, not
with sevencs.clients.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from reference import run_solution
from sevencs import clients as cl
from sevencs.datasets import load_leads, load_survey
from sevencs.exercises import clients as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4, ex.q5]

LEADS = load_leads()
SURVEY = load_survey()
STAGE = LEADS["stage"]
CLIENTS = int((STAGE == "client").sum())
AT_LEAST_CONVERSATION = int(STAGE.isin(["conversation", "relationship", "client"]).sum())
CONVERSION = CLIENTS / AT_LEAST_CONVERSATION


def nps(scores, promoter_from=9, detractor_to=6):
    scores = np.asarray(scores)
    return 100 * ((scores >= promoter_from).mean() - (scores <= detractor_to).mean())


ALL_SCORES = SURVEY["score"]
SOCIAL_SCORES = SURVEY.loc[SURVEY["source"] == "social", "score"]


def monthly_social_clients():
    chosen = LEADS[(LEADS["source"] == "social") & (LEADS["stage"] == "client")]
    return chosen["date"].dt.to_period("M").value_counts().sort_index().to_numpy(dtype=float)


def bass_by_polyfit(series):
    before = np.concatenate([[0], np.cumsum(series)[:-1]])
    c, b, a = np.polyfit(before, series, 2)
    m = (-b - np.sqrt(b * b - 4 * a * c)) / (2 * c)
    return a / m, -c * m, m


FIT_P, FIT_Q, FIT_M = bass_by_polyfit(monthly_social_clients())
CLV = 24 * 1.08 / (1.08 - 0.7)

EXPECTED = {"q1": CONVERSION, "q2": nps(ALL_SCORES), "q3": nps(SOCIAL_SCORES), "q4": CLV, "q5": FIT_Q}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_model_solution_passes_and_matches_an_independent_calculation(exercise):
    answer = run_solution(exercise)
    assert exercise.check(answer).correct
    assert float(answer) == pytest.approx(EXPECTED[exercise.name], rel=1e-6)
    assert exercise.expected() == pytest.approx(EXPECTED[exercise.name], rel=1e-6)


social_leads = LEADS[LEADS["source"] == "social"]
_, Q_ALL_SOCIAL_LEADS, _ = bass_by_polyfit(
    social_leads["date"].dt.to_period("M").value_counts().sort_index().to_numpy(dtype=float)
)

WRONG = [
    ("q1", CLIENTS / (STAGE == "conversation").sum(), "furthest stage is conversation"),
    ("q1", CLIENTS / len(STAGE), "all connections"),
    ("q1", CONVERSION * 100, "percentage"),
    ("q2", nps(ALL_SCORES, promoter_from=7), "counted 7 and 8 as promoters"),
    ("q2", nps(ALL_SCORES) / 100, "multiply by 100"),
    ("q2", nps(ALL_SCORES, detractor_to=5), "a 6 is a detractor"),
    ("q2", 100 * (ALL_SCORES >= 9).mean(), "percentage of promoters"),
    ("q2", "19", "Remove them"),
    ("q3", nps(ALL_SCORES), "NPS of everyone"),
    ("q3", nps(SOCIAL_SCORES, promoter_from=7), "counted 7 and 8 as promoters"),
    ("q3", nps(SOCIAL_SCORES) / 100, "multiply by 100"),
    ("q4", 24 / (1 - 0.7), "left out the discounting"),
    ("q4", 24 * 0.7 / (1.08 - 0.7), "only the years after this one"),
    ("q4", 24 * 1.08 / (1.08 - 0.3), "share who leave"),
    ("q4", 60 * 1.08 / (1.08 - 0.7), "margin"),
    ("q5", FIT_P, "That is p"),
    ("q5", Q_ALL_SOCIAL_LEADS, "every social lead"),
    ("q5", FIT_M, "market size"),
]

# Exercises 6 and 7: a tagged link, and the visits read back from a month of landing pages
# (counted here with urllib.parse directly).
EMAIL = "https://fernleaf.example/summer"
LANDINGS = cl.spring_landing_pages()
MEDIUMS = [parse_qs(urlsplit(url).query).get("utm_medium", [""])[0] for url in LANDINGS]
SOURCES = [parse_qs(urlsplit(url).query).get("utm_source", [""])[0] for url in LANDINGS]
WRONG += [
    ("q6", "fernleaf.example/summer?utm_source=newsletter&utm_medium=email&utm_campaign=summer_sale", "https://"),
    (
        "q6",
        EMAIL + "?utm_source=email&utm_medium=newsletter&utm_campaign=summer_sale&utm_content=may_email",
        "swapped",
    ),
    ("q6", EMAIL + "?utm_source=newsletter&utm_medium=email&utm_campaign=summer_sale", "content"),
    ("q6", EMAIL, "no utm_source"),
    ("q7", SOURCES.count("facebook"), "unpaid post"),
    ("q7", len(LANDINGS), "every visit"),
    ("q7", MEDIUMS.count("paid_social") + 0.5, "decimals"),
]


def test_the_self_checks_have_one_right_option_and_the_reflection_a_rubric():
    for question in (ex.sc1, ex.sc2, ex.sc3):
        assert sum(o.correct for o in question.options) == 1
        assert all(o.why for o in question.options)
    assert len(ex.reflection.rubric) >= 3


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("q2", round(nps(ALL_SCORES))),
        ("q2", round(nps(ALL_SCORES), 1)),
        ("q3", round(nps(SOCIAL_SCORES))),
        ("q4", round(CLV)),
        ("q4", round(CLV, 2)),
        ("q5", round(FIT_Q, 2)),
        ("q1", round(CONVERSION, 3)),
        ("q5", np.float64(FIT_Q)),
    ],
)
def test_rounded_answers_are_accepted(name, answer):
    assert getattr(ex, name).check(answer).correct


@pytest.mark.parametrize(("name", "answer"), [("q2", nps(ALL_SCORES) + 1), ("q4", CLV + 1), ("q5", FIT_Q + 0.01)])
def test_answers_beyond_rounding_are_not(name, answer):
    assert not getattr(ex, name).check(answer).correct


@pytest.mark.parametrize("exercise", [ex.q2, ex.q3])
def test_an_nps_with_the_sign_reversed_is_named_and_never_called_impossible(exercise):
    value = exercise._expected_value()
    feedback = exercise.check(-value)
    assert not feedback.correct
    assert "wrong sign" in feedback.message
    # an NPS can be below zero: never tell the learner it cannot
    assert "cannot be below zero" not in exercise.check(-5).message


def test_an_nps_outside_the_scale_says_so():
    feedback = ex.q2.check(150)
    assert not feedback.correct
    assert "outside −100 to 100" in feedback.message
