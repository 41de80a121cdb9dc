"""The Clients explorer without a browser: move sliders as a learner would, assert what changed."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import clients as cl
from sevencs.datasets import load_leads
from sevencs.figures.clients import bass_fit, diffusion, funnel_by_source
from sevencs.widgets.clients import ClientsExplorer


@pytest.fixture(scope="module")
def explorer():
    return ClientsExplorer()


def test_the_explorer_starts_with_the_sample_social_clients_model(explorer):
    expected = cl.bass_diffusion(0.03, 0.38, 260, 12)
    assert explorer.table.equals(expected)
    peak = int(expected.loc[expected["new_adopters"].idxmax(), "period"])
    assert f"peak in <strong>period {peak}</strong>" in explorer.numbers.value


def test_moving_a_slider_changes_the_numbers_and_the_picture(explorer):
    before_png, before_numbers = explorer.png, explorer.numbers.value
    explorer.q.value = 0.1
    assert explorer.table.equals(cl.bass_diffusion(0.03, 0.1, 260, 12))
    assert explorer.png != before_png
    assert explorer.numbers.value != before_numbers
    explorer.q.value = 0.38


@pytest.mark.parametrize(("slider", "value"), [("p", 0.08), ("q", 0.7), ("market", 1000), ("periods", 30)])
def test_each_slider_is_read_and_agrees_with_the_chapter_module(explorer, slider, value):
    getattr(explorer, slider).value = value
    expected = cl.bass_diffusion(explorer.p.value, explorer.q.value, explorer.market.value, explorer.periods.value)
    assert explorer.table.equals(expected)
    assert (
        f"{expected['cumulative'].iloc[-1]:,.0f}</strong> of a market of {explorer.market.value:,}"
        in explorer.numbers.value
    )


def test_without_word_of_mouth_nothing_comes_from_imitation():
    widget = ClientsExplorer(q=0.0)
    assert widget.table["from_imitation"].abs().max() < 1e-9
    assert "came by imitation (word of mouth): <strong>0%</strong>" in widget.numbers.value


def test_without_advertising_the_explorer_still_draws():
    widget = ClientsExplorer(p=0.0)
    assert (widget.table["new_adopters"] == 0).all()
    assert widget.png[:4] == b"\x89PNG"


def test_more_periods_draw_more_bars():
    widget = ClientsExplorer(periods=6)
    six = np.asarray(Image.open(io.BytesIO(widget.png)).convert("RGB"))
    widget.periods.value = 36
    many = np.asarray(Image.open(io.BytesIO(widget.png)).convert("RGB"))
    assert int((six != many).any(axis=2).sum()) > 2000


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    explorer.p.value, explorer.q.value, explorer.market.value, explorer.periods.value = 0.03, 0.38, 260, 12
    value = shown_alt(explorer)
    table = cl.bass_diffusion(0.03, 0.38, 260, 12)
    peak = table.loc[table["new_adopters"].idxmax()]
    assert f"peak in period {int(peak['period'])} at {peak['new_adopters']:,.1f}" in value
    assert f"reaching {table['cumulative'].iloc[-1]:,.0f} of a market of 260" in value
    assert Image.open(io.BytesIO(explorer.png)).size == (900, 380)


def test_the_chapter_figures_have_alt_text_from_their_numbers():
    leads = load_leads()
    picture = funnel_by_source(leads)
    mouth = leads[leads["source"] == "word of mouth"]
    share = (mouth["stage"] == "client").mean()
    assert f"word of mouth: {share:.0%} became clients" in picture.alt
    assert 'alt="Line chart' in picture._repr_html_()
    table = cl.bass_diffusion(0.03, 0.38, 260, 12)
    assert "hatched" in diffusion(table, 260).alt
    monthly = cl.monthly_new_clients(leads, "social")
    fit = cl.fit_bass(monthly)
    assert f"q = {fit.q:.2f}" in bass_fit(monthly, fit).alt


def test_without_advertising_the_numbers_explain_that_nobody_adopts():
    widget = ClientsExplorer(p=0.0)
    value = widget.numbers.value
    assert "Nobody adopts" in value
    assert "undefined" in value and "<strong>0%</strong>" not in value
    assert "Nobody adopts" in widget.alt


def test_a_market_not_half_reached_reads_as_a_sentence():
    widget = ClientsExplorer(p=0.005, q=0.0, periods=4)
    assert "half the market is not reached within these periods" in widget.numbers.value
    assert "reached in not within" not in widget.numbers.value
