"""The Caring explorer without a browser: move the controls, check the numbers and the picture."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from figure_widget import shown_alt
from sevencs.caring import score_mentions
from sevencs.datasets import load_mentions, load_questions
from sevencs.figures.caring import care_figure, response_times_figure, sarcasm_figure
from sevencs.widgets.caring import CaringExplorer


@pytest.fixture(scope="module")
def explorer():
    return CaringExplorer()


def hours_by_hand(q: pd.DataFrame) -> pd.Series:
    return (q["first_reply_at"] - q["asked_at"]).dt.total_seconds() / 3600


def test_the_explorer_starts_with_twelve_months_and_a_day_as_target(explorer):
    assert explorer.target.value == 24 and explorer.window.value == 1
    assert len(explorer.table) == 12
    q = load_questions()
    hours = hours_by_hand(q)
    assert explorer.table["questions"].sum() == len(q)
    within = int((hours <= 24).sum())
    assert f"<strong>{within} of {len(q)}</strong>" in explorer.numbers.value


def test_vader_runs_once_when_the_explorer_is_built(explorer):
    vader = SentimentIntensityAnalyzer()
    expected = [vader.polarity_scores(t)["compound"] for t in load_mentions()["text"]]
    assert explorer.scored["compound"].tolist() == expected


def test_moving_the_target_changes_the_numbers_and_the_picture(explorer):
    before_png, before_html = explorer.png, explorer.numbers.value
    explorer.target.value = 4
    hours = hours_by_hand(load_questions())
    month = load_questions()["asked_at"].dt.to_period("M").astype(str)
    expected = (hours <= 4).groupby(month).mean()
    assert explorer.table.set_index("month")["within_target"].to_dict() == pytest.approx(expected.to_dict())
    assert explorer.png != before_png and explorer.numbers.value != before_html
    explorer.target.value = 24


def test_a_wider_window_pools_months(explorer):
    explorer.window.value = 3
    q = load_questions()
    month = q["asked_at"].dt.to_period("M")
    last = month.max()
    pooled = hours_by_hand(q)[month > last - 3]
    assert explorer.table["median_hours"].iloc[-1] == pytest.approx(pooled.median())
    assert explorer.table["questions"].iloc[-1] == len(pooled)
    explorer.window.value = 1


def test_the_channel_picks_its_questions(explorer):
    explorer.channel.value = "comment"
    q = load_questions()
    assert explorer.table["questions"].sum() == (q["channel"] == "comment").sum()
    answered = hours_by_hand(q)[q["channel"] == "comment"].notna().sum()
    assert f"<strong>{answered} of {(q['channel'] == 'comment').sum()}</strong>" in explorer.numbers.value
    explorer.channel.value = "all"


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    assert "against a target of 24 hours" in value
    top = explorer.table["median_hours"].max()
    assert f"to {top:.1f} hours" in value
    image = Image.open(io.BytesIO(explorer.png))
    assert image.size == (1100, 360)


def test_a_target_move_redraws_only_the_changing_parts():
    fresh = CaringExplorer()
    canvas = fresh._fig.canvas
    before = np.asarray(canvas.buffer_rgba(), dtype=int).copy()
    fresh.target.value = 60
    after = np.asarray(canvas.buffer_rgba(), dtype=int)
    changed = (before != after).any(axis=2)
    assert changed.sum() > 200
    assert not changed[:, 750:].any()  # the mentions panel does not depend on the target


def test_the_chapter_figures_have_alt_text_from_their_numbers():
    q = load_questions()
    hours = hours_by_hand(q)
    first = response_times_figure(hours)
    assert f"median is {hours.median():.1f} hours" in first.alt and f"{hours.isna().sum()} questions never" in first.alt
    scored = score_mentions(load_mentions())
    third = sarcasm_figure(scored)
    assert f"VADER agrees with a careful reader on {(scored['label'] == scored['human_label']).sum()}" in third.alt
    from sevencs import caring

    second = care_figure(caring.monthly_care(q, scored, target=12), 12)
    assert "target of 12 hours" in second.alt and "<img " in second._repr_html_()
