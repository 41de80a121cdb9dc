"""The Content exercises: every solution passes inside SETUP, plausible wrong answers fail with a
message about the mistake, and the blank says "not answered yet".

Expected values and wrong answers are computed here with plain pandas, not copied from the
package. The cascade itself is the chapter module's (tests/test_content.py checks
simulate_cascade against cascades worked out by hand and against its properties); what is
checked here is what the exercise asks of it: the accounts reached beyond the nursery.
"""

from __future__ import annotations

import numpy as np
import pytest

from reference import run_solution
from sevencs import content as ct
from sevencs.datasets import NURSERY, load_network, load_posts
from sevencs.exercises import content as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4, ex.q5, ex.q6]
POSTS = load_posts()
ENGAGED = POSTS["likes"] + POSTS["comments"] + POSTS["shares"]
HOWTO = POSTS[POSTS["type"] == "how-to"]
PROMO = (POSTS["type"] == "promotional").mean()
GRAPH = load_network()


#: How many accounts each step of the exercise's cascade reaches, after the nursery's own step 0.
STEPS = ct.simulate_cascade(GRAPH, NURSERY, ex.Q5_P, seed=ex.Q5_SEED)["new"].iloc[1:].tolist()
THIRDS = 0.5 * (
    abs(POSTS["type"].isin(["how-to", "story"]).mean() - 1 / 3)
    + abs((POSTS["type"] == "question").mean() - 1 / 3)
    + abs(PROMO - 1 / 3)
)

#: The week of exercise 6, worked out by hand: making minutes, pieces, and minutes per sitting.
MAKING = sum(n * ct.FORMAT_MINUTES[f] for f, n in ct.NURSERY_WEEK.items())
PIECES = sum(ct.NURSERY_WEEK.values())
ONE_EACH = (MAKING + PIECES * ct.SETUP_MINUTES) / 60
ONE_BATCH = (MAKING + ct.SETUP_MINUTES) / 60

EXPECTED = {
    "q1": HOWTO["shares"].sum() / len(HOWTO),
    "q2": ENGAGED.sum() / POSTS["reach"].sum(),
    "q3": ENGAGED.sum() / POSTS["followers"].sum(),
    "q4": abs(PROMO - 0.2),
    "q5": sum(STEPS),
    "q6": (PIECES - 1) * ct.SETUP_MINUTES / 60,
}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_model_solution_passes_and_matches_an_independent_calculation(exercise):
    answer = run_solution(exercise)
    assert exercise.check(answer).correct
    assert answer == pytest.approx(EXPECTED[exercise.name])
    assert exercise.expected() == pytest.approx(EXPECTED[exercise.name])


WRONG = [
    ("q1", POSTS["shares"].sum() / len(POSTS), "all posts"),
    ("q1", HOWTO["shares"].sum(), "in total"),
    ("q1", HOWTO["shares"].sum() / HOWTO["reach"].sum(), "divides by reach"),
    ("q1", (HOWTO["shares"] / HOWTO["reach"]).mean(), "averaged"),
    ("q2", (ENGAGED / POSTS["reach"]).mean(), "ratio of the totals"),
    ("q2", ENGAGED.sum() / POSTS["followers"].sum(), "divides by followers"),
    ("q2", ENGAGED.sum() / POSTS["impressions"].sum(), "impressions"),
    ("q2", (POSTS["likes"] + POSTS["comments"]).sum() / POSTS["reach"].sum(), "Shares are missing"),
    ("q2", 100 * ENGAGED.sum() / POSTS["reach"].sum(), "percentage"),
    ("q3", ENGAGED.sum() / POSTS["reach"].sum(), "rate by reach"),
    ("q3", (ENGAGED / POSTS["followers"]).mean(), "ratio of the totals"),
    ("q3", ENGAGED.sum() / POSTS["followers"].iloc[-1], "today's follower count"),
    ("q4", PROMO, "promotional share itself"),
    ("q4", 2 * abs(PROMO - 0.2), "without halving"),
    ("q4", THIRDS, "thirds rule"),
    ("q4", abs(PROMO - 1 / 6), "4-1-1"),
    ("q5", sum(STEPS) + 1, "counts the nursery itself"),
    ("q5", len(STEPS), "number of steps"),
    ("q5", STEPS[0], "only the first step"),
    ("q5", GRAPH.degree(NURSERY), "number of friends"),
    ("q5", sum(STEPS) + 0.5, "whole number"),
    ("q6", (PIECES - 1) * ct.SETUP_MINUTES, "minutes"),
    ("q6", PIECES * ct.SETUP_MINUTES / 60, "still needs one"),
    ("q6", ONE_EACH, "one sitting per piece"),
    ("q6", ONE_BATCH, "made in one batch"),
    ("q6", -(PIECES - 1) * ct.SETUP_MINUTES / 60, "negative"),
]


def test_numpy_numbers_and_rounded_shares_are_accepted():
    assert ex.q2.check(np.float64(EXPECTED["q2"])).correct
    assert ex.q4.check(round(EXPECTED["q4"], 3)).correct
    assert ex.q5.check(np.int64(EXPECTED["q5"])).correct
    assert not ex.q4.check(round(EXPECTED["q4"], 1)).correct


def test_the_answer_as_a_rate_object_from_the_package_is_accepted():
    from sevencs import content as ct

    assert ex.q2.check(ct.engagement_rate(POSTS, "reach")).correct
    assert not ex.q2.check(ct.engagement_rate(POSTS, "followers")).correct


def test_questions_have_one_right_option_with_explanations():
    for question in (ex.sc1, ex.sc2, ex.sc3):
        assert sum(o.correct for o in question.options) == 1
        assert all(o.why for o in question.options)
    assert ex.reflection.chapter == "content" and "lawn" in ex.reflection.prompt


def _rate_values():
    posts = load_posts()
    engaged = posts["likes"] + posts["comments"] + posts["shares"]
    howto = posts[posts["type"] == "how-to"]
    return {
        ex.q1: howto["shares"].sum() / len(howto),
        ex.q2: engaged.sum() / posts["reach"].sum(),
        ex.q3: engaged.sum() / posts["followers"].sum(),
    }


@pytest.mark.parametrize("digits", ["2dp", "3dp", "4sf"])
def test_rates_copied_as_printed_pass(digits):
    # the lab shows 4.028571 in a table and prints 0.06847 and 0.3253 for engagement_rate
    for exercise, value in _rate_values().items():
        answer = {"2dp": round(value, 2), "3dp": round(value, 3), "4sf": float(f"{value:.4g}")}[digits]
        assert exercise.check(answer).correct, (exercise.name, answer)


def test_rates_a_little_off_still_fail():
    for exercise, value in _rate_values().items():
        assert not exercise.check(round(value, 2) + 0.01).correct
        assert not exercise.check(value * 1.02).correct
