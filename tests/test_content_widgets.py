"""The Content explorer without a browser: move the controls as a learner would, assert what changed."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import content as ct
from sevencs.datasets import load_posts
from sevencs.figures.content import cascade_figure, mix_figure, types_figure
from sevencs.widgets.content import ContentExplorer

POSTS = load_posts()


@pytest.fixture(scope="module")
def explorer():
    return ContentExplorer()


def plan_by_hand(share: float, count: int) -> dict:
    """Expected likes and shares with plain pandas: per-type means times planned posts."""
    means = POSTS.groupby("type")[["likes", "comments", "shares"]].mean()
    others = POSTS[POSTS["type"] != "promotional"]["type"].value_counts(normalize=True)
    planned = {"promotional": share * count, **{t: (1 - share) * count * s for t, s in others.items()}}
    return {k: sum(planned[t] * means.at[t, k] for t in planned) for k in ("likes", "comments", "shares")}


def test_the_explorer_starts_near_the_nurserys_own_mix(explorer):
    actual = (POSTS["type"] == "promotional").mean()
    assert explorer.promotional.value == pytest.approx(round(actual * 20) / 20)
    expected = plan_by_hand(explorer.promotional.value, explorer.posts_count.value)
    assert explorer.plan["shares"] == pytest.approx(expected["shares"])


def test_moving_the_promotional_slider_changes_the_numbers_and_the_picture(explorer):
    before_png, before_numbers = explorer.png, explorer.numbers.value
    explorer.promotional.value = 0.2
    expected = plan_by_hand(0.2, explorer.posts_count.value)
    assert explorer.plan["likes"] == pytest.approx(expected["likes"])
    assert explorer.plan["shares"] == pytest.approx(expected["shares"])
    assert f"<strong>{expected['shares']:.0f}</strong> shares a month" in explorer.numbers.value
    assert explorer.png != before_png and explorer.numbers.value != before_numbers


def test_fewer_sale_notices_mean_more_shares(explorer):
    explorer.promotional.value = 0.8
    many = explorer.plan["shares"]
    explorer.promotional.value = 0.1
    assert explorer.plan["shares"] > many


def test_posts_a_month_scales_the_month_not_the_rate(explorer):
    explorer.promotional.value = 0.3
    explorer.posts_count.value = 10
    ten = explorer.plan
    explorer.posts_count.value = 20
    assert explorer.plan["engagements"] == pytest.approx(2 * ten["engagements"])
    assert float(explorer.plan["engagement_rate"]) == pytest.approx(float(ten["engagement_rate"]))


@pytest.mark.parametrize(("rule", "target"), [("80/20", 0.2), ("4-1-1", 1 / 6), ("thirds", 1 / 3)])
def test_the_rule_dropdown_moves_the_target_and_the_distance(explorer, rule, target):
    explorer.promotional.value = 0.5
    before = explorer.png
    explorer.rule.value = rule
    mix = ct.planned_mix(POSTS, 0.5)
    assert explorer.distance == pytest.approx(ct.mix_distance(mix, rule))
    assert f"from the {rule} rule" in explorer.numbers.value
    assert f"promotional share of {target:.0%}" in explorer.alt
    if rule != "80/20":
        assert explorer.png != before


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    assert f"shares ({explorer.plan['shares']:.0f})" in value
    image = Image.open(io.BytesIO(explorer.png))
    assert image.size == (1000, 420)


def test_the_bars_really_change_height_in_the_picture():
    widget = ContentExplorer()
    widget.promotional.value = 1.0
    low = np.asarray(Image.open(io.BytesIO(widget.png)).convert("RGB"))
    widget.promotional.value = 0.0
    high = np.asarray(Image.open(io.BytesIO(widget.png)).convert("RGB"))
    right_half = (low != high).any(axis=2)[:, 550:]
    assert int(right_half.sum()) > 500


def test_the_chapter_figures_have_alt_text_from_the_numbers():
    table = ct.rates_by_type(POSTS)
    image = types_figure(table)
    howto = table.set_index("type").at["how-to", "amplification_rate"]
    assert f"how-to: {howto:.2f} shares per post" in image.alt
    promo = (POSTS["type"] == "promotional").mean()
    assert f"promotional {promo:.0%}" in mix_figure(POSTS).alt
    import pandas as pd

    curves = pd.DataFrame({"network": ["a", "a"], "p": [0.1, 0.2], "share_reached": [0.1, 0.5]})
    alt = cascade_figure(curves, {"a": 0.12}).alt
    assert "threshold 0.12" in alt and "50% reached at p = 0.20" in alt
