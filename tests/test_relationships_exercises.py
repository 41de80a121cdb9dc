"""The Relationships exercises: every solution passes inside SETUP, plausible wrong answers fail with a
message about the mistake, and the blank says "not answered yet".

Expected values are computed here from the raw tables with pandas, independently of sevencs.relationships.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from reference import run_solution
from sevencs.course.questions import Question, Reflection
from sevencs.datasets import NURSERY, load_interactions, load_posts
from sevencs.exercises import relationships as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4, ex.q5]

# --- independent truths ------------------------------------------------------------------------

LOG = load_interactions()
PERSON = np.where(LOG["source"] == NURSERY, LOG["target"], LOG["source"])
FRAME = pd.DataFrame({"person": PERSON, "ours": LOG["source"] == NURSERY, "date": LOG["date"]})
FROM_US = FRAME.groupby("person")["ours"].sum()
TOTAL = FRAME.groupby("person").size()
FROM_THEM = TOTAL - FROM_US
LAST = FRAME.groupby("person")["date"].max()


def scores(half_life=30.0, weights=(1, 1, 1)) -> pd.Series:
    days = (LOG["date"].max() - LAST).dt.total_seconds() / 86400
    parts = (
        np.log1p(TOTAL) / np.log1p(TOTAL.max()),
        0.5 ** (days / half_life),
        np.minimum(FROM_US, FROM_THEM) / np.maximum(FROM_US, FROM_THEM),
    )
    value = sum(w * p for w, p in zip(weights, parts)) / sum(weights)
    return value.sort_index().sort_values(ascending=False, kind="stable")


def top(n, **kw) -> set:
    return set(scores(**kw).index[:n])


STRONGEST = scores().index[0]
ONE_WAY = int((FROM_US == 0).sum())
YOU = {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd"}
WE = {"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd"}


def words(text):
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())


TEXTS = load_posts()["text"]
YOU_N = sum(w in YOU for t in TEXTS for w in words(t))
WE_N = sum(w in WE for t in TEXTS for w in words(t))
SHARE = YOU_N / (YOU_N + WE_N)
PER_POST = [sum(w in YOU for w in words(t)) / max(1, sum(w in YOU | WE for w in words(t))) for t in TEXTS]
DEFINED = [s for s, t in zip(PER_POST, TEXTS) if any(w in YOU | WE for w in words(t))]
STAY = len(top(15) & top(15, half_life=7))

EXPECTED = {"q1": STRONGEST, "q2": ONE_WAY, "q3": SHARE, "q5": STAY}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_expected_answer_matches_an_independent_calculation(name):
    exercise = getattr(ex, name)
    assert exercise.expected() == pytest.approx(EXPECTED[name])
    assert run_solution(exercise) == pytest.approx(EXPECTED[name])


WRONG = [
    ("q1", TOTAL.idxmax(), "frequency is only one part"),
    ("q1", (LOG["date"].max() - LAST).idxmin(), "recency is only one"),
    ("q1", NURSERY, "nursery itself"),
    ("q1", float(scores().iloc[0]), "a number"),
    ("q2", len(TOTAL), "everyone who appears"),
    ("q2", int(FROM_THEM[FROM_US == 0].sum()), "counts interactions"),
    ("q2", len(TOTAL) - ONE_WAY, "two-way"),
    ("q2", int((FROM_THEM == 0).sum()), "other direction"),
    ("q2", ONE_WAY / len(TOTAL), "whole number"),
    ("q3", WE_N / (YOU_N + WE_N), "share of we words"),
    ("q3", YOU_N / WE_N, "you words ÷ we words"),
    ("q3", sum(DEFINED) / len(DEFINED), "average of each post's own share"),
    ("q3", sum(DEFINED) / len(TEXTS), "undefined, not 0"),
    ("q3", SHARE * 100, "percentage"),
    ("q4", ex.DRAFT, "draft unchanged"),
    ("q4", "Sale: herbs are back on Saturday.", "undefined, not 0 or 1"),
    ("q4", "Your herbs are back: we hope we see you at the market, and we will be at our stall.", "Closer"),
    ("q4", 0.8, "as text"),
    ("q5", 15, "did the half-life change"),
    ("q5", 15 - STAY, "drop out"),
    ("q5", len(top(5) & top(5, half_life=7)), "5-layer"),
]


def test_a_rewrite_meeting_the_target_passes_and_says_what_was_checked():
    feedback = ex.q4.check("Your garden, your herbs: pick yours on Saturday, we will help.")
    assert feedback.correct
    assert "3 you word(s) and 1 we word(s)" in feedback.message
    assert "yours to judge" in feedback.message


def test_numpy_numbers_and_rounded_shares_are_accepted():
    assert ex.q2.check(np.int64(ONE_WAY)).correct
    assert ex.q3.check(round(SHARE, 3)).correct


def test_the_chapter_has_three_self_checks_and_one_reflection():
    questions = [v for v in vars(ex).values() if isinstance(v, Question)]
    reflections = [v for v in vars(ex).values() if isinstance(v, Reflection)]
    assert sorted(q.name for q in questions) == ["sc1", "sc2", "sc3"]
    assert [r.name for r in reflections] == ["reflection"]
    for question in questions:
        assert sum(option.correct for option in question.options) == 1
        assert all(option.why for option in question.options)


@pytest.mark.parametrize("text", ["you", "Your garden, your choice, you decide."])
def test_a_rewrite_must_still_be_about_the_herbs_and_the_market(text):
    feedback = ex.q4.check(text)
    assert not feedback.correct
    assert "herbs" in feedback.message


def test_a_rewrite_that_is_none_gets_the_plain_none_message():
    feedback = ex.q4.check(None)
    assert not feedback.correct
    assert "no value was stored" in feedback.message
