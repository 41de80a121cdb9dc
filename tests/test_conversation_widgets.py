"""The Conversation explorer without a browser: change controls as a learner would, assert what changed."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import conversation as cv
from sevencs.datasets import load_peer_posts, load_posts
from sevencs.figures.conversation import classifier_chart, peers_chart, rates_chart
from sevencs.widgets.conversation import ConversationExplorer

POSTS = load_posts()


def by_hand(types):
    """Comments per post of each type, from the posts of the given types, with plain pandas."""
    used = POSTS[POSTS["type"].isin(types)]
    return used.groupby("type")["comments"].sum() / used.groupby("type").size()


@pytest.fixture()
def explorer():
    return ConversationExplorer()


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_the_explorer_starts_with_every_type_and_the_nurserys_own_mix(explorer):
    expected = by_hand(["promotional", "how-to", "question", "story"])
    for kind, rate in expected.items():
        assert explorer.table.loc[kind, "conversation_rate"] == pytest.approx(rate)
    past = (POSTS["type"] == "promotional").mean()
    assert explorer.promotional.value == pytest.approx(round(past * 20) / 20)
    assert f"{explorer.table.loc['question', 'conversation_rate']:.2f}" in explorer.numbers.value


def test_moving_the_promotional_slider_changes_the_numbers_and_the_picture(explorer):
    before_png, before_numbers = explorer.png, explorer.numbers.value
    explorer.promotional.value = 0.1
    promo = POSTS[POSTS["type"] == "promotional"]
    rest = POSTS[POSTS["type"] != "promotional"]
    expected = 0.1 * promo["comments"].mean() + 0.9 * rest["comments"].sum() / len(rest)
    assert explorer.plan["plan_rate"] == pytest.approx(expected)
    assert f"{expected:.2f}" in explorer.numbers.value
    assert explorer.numbers.value != before_numbers
    assert (pixels(explorer.png) != pixels(before_png)).any(axis=2).sum() > 50


def test_posts_a_week_scales_the_comments_a_month(explorer):
    explorer.per_week.value = 6
    assert explorer.plan["comments_per_month"] == pytest.approx(explorer.plan["plan_rate"] * 6 * 52 / 12)
    assert "at 6 posts a week" in explorer.numbers.value


def test_grouping_by_opening_line_shows_two_groups(explorer):
    before = explorer.png
    explorer.group.value = "opening"
    assert set(explorer.table.index) == {"question", "statement"}
    questions = POSTS[POSTS["text"].str.split(r"[.!?]", n=1, regex=True).str[0].map(len) == POSTS["text"].str.find("?")]
    assert explorer.table.loc["question", "conversation_rate"] == pytest.approx(questions["comments"].mean())
    assert "opening line" in explorer.numbers.value
    assert explorer.png != before


def test_leaving_out_a_type_removes_it_from_the_bars_and_the_plan(explorer):
    explorer.question.value = False
    assert "question" not in explorer.table.index
    rest = POSTS[POSTS["type"].isin(["how-to", "story"])]
    assert explorer.plan["other_rate"] == pytest.approx(rest["comments"].sum() / len(rest))
    assert "(left out)" not in explorer.numbers.value  # the table lists only the groups with posts
    explorer.question.value = True  # ticked again: the bars are those of every type once more
    pd.testing.assert_frame_equal(explorer.table, cv.rates_by_type(POSTS))


def test_leaving_out_every_other_type_says_what_to_do_instead_of_crashing(explorer):
    for box in (explorer.how_to, explorer.question, explorer.story):
        box.value = False
    assert math.isnan(explorer.plan["plan_rate"])
    assert "tick at least one" in explorer.numbers.value
    assert "undefined" in explorer.alt
    explorer.promotional.value = 1.0
    assert explorer.plan["plan_rate"] == pytest.approx(POSTS.loc[POSTS["type"] == "promotional", "comments"].mean())


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    rate = explorer.table.loc["question", "conversation_rate"]
    assert f"question {rate:.1f}" in value
    assert f"{explorer.plan['plan_rate']:.2f} comments per post" in value
    assert Image.open(io.BytesIO(explorer.png)).size == (1000, 400)


def test_every_control_is_observed(explorer):
    seen = []
    for control, value in [
        (explorer.group, "opening"),
        (explorer.promotional, 0.8),
        (explorer.per_week, 9),
        (explorer.how_to, False),
        (explorer.question, False),
        (explorer.story, False),
    ]:
        before = explorer.numbers.value
        control.value = value
        seen.append(explorer.numbers.value != before)
    assert all(seen)


def test_the_static_charts_carry_alt_text_from_their_numbers():
    table = cv.rates_by_type(POSTS)
    chart = rates_chart(table, "Comments per post by type")
    assert f"question {table.loc['question', 'conversation_rate']:.1f}" in chart.alt
    assert chart.png[:4] == b"\x89PNG"
    peers = peers_chart(cv.account_profile(load_peer_posts()))
    assert "old_town_bikes" in peers.alt and "4 local businesses" in peers.alt
    classified = classifier_chart(POSTS)
    first = classified.alt.split(". ", 1)[1].split(";")[0]  # "promotional: 73 promotional, 19 informational"
    counts = [int(part.split()[0]) for part in first.split(": ", 1)[1].split(", ")]
    assert first.startswith("promotional:")
    assert sum(counts) == int((POSTS["type"] == "promotional").sum())
