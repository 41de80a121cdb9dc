"""Community exercises: each solution passes inside SETUP, plausible wrong answers fail with a message
naming the mistake, and the blank says "not answered yet".

Expected values are computed here with pandas and networkx directly, not with sevencs.community.
"""

from __future__ import annotations

import math

import networkx as nx
import pytest

from reference import run_solution
from sevencs.datasets import load_group_activity, load_karate_club
from sevencs.exercises import community as ex

EXERCISES = [ex.q1, ex.q2, ex.q3, ex.q4, ex.q5]
ACTIVITY = load_group_activity()
COUNTS = ["posts", "comments", "reactions"]
KARATE = load_karate_club()


def _agreement(groups) -> float:
    right = 0
    for group in groups:
        sides = [KARATE.nodes[n]["club"] for n in group]
        right += max(sides.count(s) for s in set(sides))
    return right / KARATE.number_of_nodes()


GREEDY = nx.community.greedy_modularity_communities(KARATE, weight=None)
AGREEMENT = _agreement(GREEDY)
LAST = ACTIVITY[ACTIVITY["month"] == ACTIVITY["month"].max()]
ACTIVE_LAST = (LAST[COUNTS].sum(axis=1) > 0).mean()
TOTALS = ACTIVITY.groupby("account")[COUNTS].sum()
LURKERS = ((TOTALS["posts"] == 0) & (TOTALS["comments"] == 0)).mean()
# logistic from 10, doubling, market 400: N(t) = 400 / (1 + 39 × 2^−t); first whole t with N ≥ 200
HALF = next(t for t in range(30) if 400 / (1 + 39 * 2**-t) >= 200)
APRIL = ACTIVITY[ACTIVITY["joined"] == "2026-04"]
APRIL_ACTIVE = APRIL[APRIL[COUNTS].sum(axis=1) > 0]
RETAINED = APRIL_ACTIVE.loc[APRIL_ACTIVE["month"] == "2026-07", "account"].nunique() / APRIL["account"].nunique()

EXPECTED = {"q1": AGREEMENT, "q2": ACTIVE_LAST, "q3": LURKERS, "q4": HALF, "q5": RETAINED}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_the_expected_answer_matches_an_independent_calculation(exercise):
    assert exercise.expected() == pytest.approx(EXPECTED[exercise.name])
    assert run_solution(exercise) == pytest.approx(EXPECTED[exercise.name])


WRONG = [
    ("q1", nx.community.modularity(KARATE, GREEDY, weight=None), "modularity"),
    ("q1", round((1 - AGREEMENT) * 34), "misassigned"),
    ("q1", _agreement(nx.community.louvain_communities(KARATE, weight=None, seed=0)), "Louvain"),
    ("q1", AGREEMENT * 100, "percentage"),
    ("q2", ((LAST["posts"] + LAST["comments"]) > 0).mean(), "left out reactions"),
    ("q2", int((LAST[COUNTS].sum(axis=1) > 0).sum()), "how many members were active"),
    ("q2", (ACTIVITY[COUNTS].sum(axis=1) > 0).mean(), "last month only"),
    ("q3", (TOTALS.sum(axis=1) == 0).mean(), "counted reactions"),
    ("q3", ((ACTIVITY["posts"] == 0) & (ACTIVITY["comments"] == 0)).mean(), "counted rows"),
    ("q3", 0.9, "rule of thumb itself"),
    ("q3", 1 - LURKERS, "other part"),
    ("q4", math.log2(39), "exact moment"),
    ("q4", HALF - 1, "One month early"),
    ("q4", HALF + 1, "One month late"),
    ("q4", 200, "half the market"),
    (
        "q5",
        APRIL_ACTIVE.loc[APRIL_ACTIVE["month"] == "2026-07", "account"].nunique()
        / APRIL_ACTIVE.loc[APRIL_ACTIVE["month"] == "2026-04", "account"].nunique(),
        "active in their first month",
    ),
    (
        "q5",
        APRIL_ACTIVE.loc[APRIL_ACTIVE["month"] == "2026-06", "account"].nunique() / APRIL["account"].nunique(),
        "2 months after joining",
    ),
    ("q5", (ACTIVITY.loc[ACTIVITY["month"] == "2026-07", COUNTS].sum(axis=1) > 0).mean(), "April cohort only"),
]


def test_questions_have_one_right_option_and_the_reflection_a_rubric():
    for question in (ex.sc1, ex.sc2, ex.sc3):
        assert sum(o.correct for o in question.options) == 1
        assert all(o.why for o in question.options)
    assert len(ex.reflection.rubric) >= 3
