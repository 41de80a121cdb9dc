"""The Community explorer without a browser: move sliders as a learner would, assert what changed."""

from __future__ import annotations

import io
import math

import networkx as nx
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import community as cm
from sevencs.datasets import load_group_activity, load_karate_club
from sevencs.figures.community import communities_figure, growth_figure, participation_figure, retention_figure
from sevencs.widgets.community import CommunityExplorer


@pytest.fixture(scope="module")
def explorer():
    return CommunityExplorer()


def test_the_explorer_starts_with_both_models_side_by_side(explorer):
    start, rate, market, periods = 13, 1.0, 190, 12
    assert explorer.table["story"].iloc[-1] == pytest.approx(start * 2**periods)
    expected = cm.growth("logistic", start, rate, market, periods)["members"]
    assert list(explorer.table["logistic"]) == pytest.approx(list(expected))
    assert f"promises <strong>{start * 2**periods:,}</strong>" in explorer.numbers.value


def test_moving_a_slider_changes_the_numbers_and_the_picture(explorer):
    before_png, before = explorer.png, explorer.numbers.value
    explorer.market.value = 400
    assert explorer.png != before_png
    assert explorer.numbers.value != before
    assert explorer.table["logistic"].max() > 190
    half = math.ceil(math.log((400 - 13) / 13) / math.log(2))
    assert f"during month <strong>{half}</strong>" in explorer.numbers.value
    explorer.market.value = 190


@pytest.mark.parametrize(("slider", "value"), [("start", 25), ("rate", 0.4), ("market", 600), ("periods", 20)])
def test_each_slider_is_read_and_agrees_with_the_chapter_module(explorer, slider, value):
    getattr(explorer, slider).value = value
    expected = cm.growth(
        "logistic", explorer.start.value, explorer.rate.value, explorer.market.value, explorer.periods.value
    )
    assert len(explorer.table) == explorer.periods.value + 1
    assert list(explorer.table["logistic"]) == pytest.approx(list(expected["members"]))
    assert f"{expected['members'].iloc[-1]:,.0f}" in explorer.numbers.value


def test_a_start_at_or_above_the_market_does_not_crash():
    widget = CommunityExplorer(real=False)
    widget.start.value = 50
    widget.market.value = 60
    widget.start.value = 50
    assert widget.table["logistic"].iloc[-1] <= 60


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    last = explorer.table.iloc[-1]
    assert f"ends at {last['story']:,.0f} members" in value
    assert "Crosses mark the real group" in value
    assert Image.open(io.BytesIO(explorer.png)).size == (750, 440)


def test_the_real_group_is_counted_month_by_month():
    activity = load_group_activity()
    real = cm.group_members_by_month(activity)
    by_hand = [activity.loc[activity["joined"] <= m, "account"].nunique() for m in sorted(activity["month"].unique())]
    assert list(real["members"]) == by_hand
    assert list(real["period"]) == list(range(len(by_hand)))


def test_the_chapter_figures_have_alt_text_from_the_numbers():
    karate = load_karate_club()
    found = cm.detect_communities(karate)
    picture = communities_figure(karate, found, nx.get_node_attributes(karate, "club"))
    wrong = []
    for group in nx.community.greedy_modularity_communities(karate, weight=None):
        sides = [karate.nodes[n]["club"] for n in group]
        majority = max(set(sides), key=sides.count)
        wrong += [n for n in group if karate.nodes[n]["club"] != majority]
    assert f"ringed members are not: {', '.join(str(n) for n in sorted(wrong))}." in picture.alt
    assert '<img src="data:image/png;base64,' in picture._repr_html_()
    activity = load_group_activity()
    shares = cm.participation(activity)
    assert f"lurkers {shares.at['lurker', 'share']:.0%}" in participation_figure(shares).alt
    assert "Two line charts" in retention_figure(cm.retention_by_cohort(activity), cm.active_member_ratio(activity)).alt
    assert "passes half the market after" in growth_figure().alt


def test_a_start_above_half_the_market_never_gives_negative_months_in_the_alt_text():
    image = growth_figure(start=50, rate=3.0, market=60, periods=12)
    assert "starts above half the market" in image.alt
    assert "after -" not in image.alt
