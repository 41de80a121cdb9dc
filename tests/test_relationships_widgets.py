"""The Relationships explorer without a browser: move sliders as a learner would, assert what changed."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import relationships as rx
from sevencs.datasets import load_interactions
from sevencs.figures.relationships import strength_figure, ties_figure
from sevencs.widgets.relationships import RelationshipsExplorer

LOG = load_interactions()


@pytest.fixture(scope="module")
def explorer():
    return RelationshipsExplorer()


def test_the_explorer_starts_with_the_default_weights(explorer):
    expected = rx.tie_strength(LOG)
    assert explorer.table["strength"].equals(expected["strength"])
    assert f"<strong>{expected.index[0]}</strong>" in explorer.numbers.value
    assert "<strong>15</strong> of the 15" in explorer.numbers.value


@pytest.mark.parametrize(
    ("slider", "value"),
    [("frequency", 2.5), ("recency", 0.2), ("reciprocity", 0.0), ("half_life", 7)],
)
def test_each_slider_changes_the_numbers_and_the_picture_as_the_module_says(explorer, slider, value):
    before_png, before = explorer.png, explorer.table
    getattr(explorer, slider).value = value
    expected = rx.tie_strength(
        LOG,
        frequency=explorer.frequency.value,
        recency=explorer.recency.value,
        reciprocity=explorer.reciprocity.value,
        half_life=explorer.half_life.value,
    )
    assert np.allclose(explorer.table["strength"], expected["strength"])
    assert list(explorer.table.index[:15]) == list(expected.index[:15])
    assert not explorer.table["strength"].equals(before["strength"])
    assert explorer.png != before_png
    assert f"<strong>{expected.index[0]}</strong>" in explorer.numbers.value


def test_reciprocity_alone_puts_the_most_balanced_relationships_first():
    small = RelationshipsExplorer()
    small.frequency.value, small.recency.value = 0, 0
    assert (small.table["strength"] == small.table["reciprocity"]).all()
    assert small.table["reciprocity"].iloc[0] == 1.0


def test_all_weights_at_zero_says_so_instead_of_crashing():
    small = RelationshipsExplorer()
    small.frequency.value = small.recency.value = 0
    before = small.png
    small.reciprocity.value = 0
    assert "All three weights are 0" in small.numbers.value
    assert small.png == before
    assert small.figure.layout.display == "none"  # the old chart is not left showing
    small.recency.value = 1
    assert "Strongest relationship" in small.numbers.value
    assert small.figure.layout.display is None


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    top = explorer.table.iloc[0]
    assert f"Strongest: {explorer.table.index[0]} at {top['strength']:.2f}" in value
    table = explorer.table
    one_way = int(((table["from_us"] == 0) | (table["from_them"] == 0)).sum())
    assert 0 < one_way < len(table)
    assert f"all {len(table)} people; {one_way} are one-way" in value
    assert Image.open(io.BytesIO(explorer.png)).size == (1000, 480)


def test_the_ties_figure_states_the_ties_numbers_and_needs_a_name():
    weights = [6, 4, 2, 1, 1, 1, 1]
    image = ties_figure(pd.Series(weights, index=list("abcdefg")), who="Ada")
    assert "Ada's 7 ties" in image.alt and "with a, has weight 6" in image.alt
    assert "the five strongest hold 88% of all the weight; 4 ties have weight 1" in image.alt  # 14 of 16
    named = pd.Series(weights, index=list("abcdefg"))
    named.attrs["character"] = "Ben"
    assert "Ben's 7 ties" in ties_figure(named).alt
    with pytest.raises(ValueError, match="whose ties"):
        ties_figure(pd.Series(weights, index=list("abcdefg")))


def test_the_book_figure_has_alt_text_from_the_same_numbers():
    table = rx.tie_strength(LOG)
    image = strength_figure(table)
    assert f"Strongest: {table.index[0]} at {table['strength'].iloc[0]:.2f}" in image.alt
    assert '<img src="data:image/png;base64,' in image._repr_html_()
