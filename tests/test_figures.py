"""Every chapter figure has a title, labelled axes, alt text from its numbers, and no colour-only cue."""

from __future__ import annotations

import base64
import itertools

import numpy as np
import pytest
from bs4 import BeautifulSoup

from sevencs import connection as cx
from sevencs.datasets import NURSERY, TEN_FRIENDS, load_network
from sevencs.figures import (
    DPI,
    NARROW_WIDTH,
    OKABE_ITO,
    SMALLEST_TEXT,
    narrow_png,
    new_figure,
    smallest_text_px,
    to_png,
)
from sevencs.figures.connection import breakdown, growth, paradox
from sevencs.publish.images import png_size
from sevencs.render.edition import BOOK_ENV
from test_phone import ink_at_the_edges

GRAPH = load_network()
PARTS = cx.two_hop_breakdown(GRAPH, TEN_FRIENDS)
TABLE = cx.simulate_growth(GRAPH, source=NURSERY)
CASES = {
    "breakdown": breakdown(PARTS),
    "growth": growth(TABLE, GRAPH.number_of_nodes() - 1),
    "paradox": paradox(GRAPH),
}


@pytest.mark.parametrize("name", CASES)
def test_figures_have_a_title_and_labelled_axes(name):
    axes = CASES[name].figure.axes[0]
    assert axes.get_title(loc="left")
    assert axes.get_xlabel()
    assert name == "breakdown" or axes.get_ylabel()


@pytest.mark.parametrize("name", CASES)
def test_figures_render_to_png_with_alt_text(name):
    image = CASES[name]
    assert image.png[:4] == b"\x89PNG"
    html = image._repr_html_()
    [img] = BeautifulSoup(html, "html.parser").find_all("img")
    assert img["alt"] == image.alt
    assert img["src"].startswith("data:image/png;base64,")


@pytest.mark.parametrize("name", CASES)
def test_narrow_screens_get_the_figure_laid_out_for_them_at_twice_the_pixels(name, monkeypatch):
    monkeypatch.setenv(BOOK_ENV, "1")  # the book; a live notebook shows the wide figure alone (the test below)
    page = BeautifulSoup(CASES[name]._repr_html_(), "html.parser")
    [source] = page.select("picture > source")
    assert source["media"] == "(max-width: 40em)"
    data, density = source["srcset"].split(" ")
    assert density == "2x" and data.startswith("data:image/png;base64,")
    width, _ = png_size(base64.b64decode(data.split(",", 1)[1]))
    assert width == round(NARROW_WIDTH * DPI * 2)  # shown at NARROW_WIDTH × DPI CSS pixels, a phone's column
    # its smallest text is at least SMALLEST_TEXT points: 13.9 CSS px at that size
    assert float(source["data-text-px"]) >= round(SMALLEST_TEXT * DPI / 72, 2)


def test_a_live_notebook_shows_the_wide_figure_alone(monkeypatch):
    monkeypatch.delenv(BOOK_ENV, raising=False)
    page = BeautifulSoup(CASES["growth"]._repr_html_(), "html.parser")
    assert not page.select("picture > source") and len(page.find_all("img")) == 1


def test_the_narrow_layout_stacks_side_by_side_panels_and_leaves_the_figure_as_it_was():
    fig = new_figure(8.0, 3.0)
    left, right = fig.subplots(1, 2)
    left.set_title("A title long enough that a phone's figure must wrap it onto two lines", loc="left")
    right.set_xticks(range(6), ["promotional"] * 6, fontsize=7)
    before = to_png(fig, dpi=DPI)
    png, text_px = narrow_png(fig)
    width, height = png_size(png)
    assert width == round(NARROW_WIDTH * DPI * 2) and height == round(
        2 * 3.0 * DPI * 2
    )  # two panels, each as tall as before
    assert text_px == pytest.approx(SMALLEST_TEXT * DPI / 72, abs=0.01)  # the 7 pt labels drawn at 10 pt
    assert to_png(fig, dpi=DPI) == before  # size, panels, labels and fonts put back
    assert right.get_xticklabels()[0].get_fontsize() == 7


def test_a_wide_legend_is_laid_out_again_to_fit_a_phone():
    """matplotlib lays out a legend's columns once; four of them at 10.5 pt ran past a phone figure's edges."""
    figure = CASES["breakdown"].figure  # a legend of four entries in four columns under the bar
    before = to_png(figure, dpi=DPI)
    png, _ = narrow_png(figure)
    assert not ink_at_the_edges(png), "the phone figure's legend runs past its edges"
    assert to_png(figure, dpi=DPI) == before  # the legend put back in its four columns
    assert figure.legends[0]._ncols == 4


def test_a_label_past_the_edge_of_a_phone_figure_is_wrapped_again_where_the_layout_put_it():
    fig = new_figure(7.5, 3.0)
    ax = fig.add_subplot()
    ax.set_yticks([0, 1], ["promotional posts", "stories"])  # pushes the panel right, as names do
    ax.set_title("A title that starts where the panel does, far from the figure's left edge", loc="left")
    ax.set_xlabel("an axis label long enough to run past both edges of a phone's figure")
    before = to_png(fig, dpi=DPI)
    png, _ = narrow_png(fig)
    assert not ink_at_the_edges(png)
    assert to_png(fig, dpi=DPI) == before and "\n" not in ax.get_xlabel()  # put back as it was


def test_a_legend_that_covers_the_data_of_a_phone_figure_moves_and_comes_back():
    from sevencs.figures import _covered, _declutter

    fig = new_figure(NARROW_WIDTH, 3.0)
    ax = fig.add_subplot()
    grid = np.linspace(0, 1, 30)
    ax.scatter(*np.meshgrid(grid, grid), s=4, label="posts")  # data everywhere: no place inside is free
    ax.plot(grid, grid, label="the trend")
    legend = ax.legend(loc="upper left")
    fig.canvas.draw()
    assert _covered(legend, fig.canvas.get_renderer()) > 0  # the check sees a legend over the data
    # one of an explorer's states: the legend stays where the figure put it, as in the other states
    _declutter(fig.canvas, [], steady=True)
    assert legend.get_window_extent(fig.canvas.get_renderer()).y1 > ax.bbox.y1 - 40
    undo = _declutter(fig.canvas, [])
    renderer = fig.canvas.get_renderer()
    assert _covered(legend, renderer) == 0
    assert legend.get_window_extent(renderer).y1 < ax.get_xaxis().label.get_window_extent(renderer).y0  # under it
    for put_back in reversed(undo):
        put_back()
    fig.canvas.draw()
    assert legend.get_window_extent(fig.canvas.get_renderer()).y1 > ax.bbox.y1 - 40  # in the upper left again


def test_a_panel_too_short_for_its_labels_grows_on_a_phone():
    from sevencs.figures import _declutter

    fig = new_figure(NARROW_WIDTH, 2.0)
    ax = fig.add_subplot()
    ax.barh(range(8), range(8))
    ax.set_yticks(range(8), [f"type {i}\n(a second line)" for i in range(8)])
    for text in ax.get_yticklabels():
        text.set_fontsize(SMALLEST_TEXT)
    _declutter(fig.canvas, [])
    renderer = fig.canvas.get_renderer()
    boxes = sorted((t.get_window_extent(renderer) for t in ax.get_yticklabels()), key=lambda b: b.y0)
    assert fig.get_size_inches()[1] > 2.0
    assert all(low.y1 <= high.y0 + 1 for low, high in itertools.pairwise(boxes)), "the labels still overlap"


def test_the_edge_check_sees_text_cut_off():
    fig = new_figure(3.0, 2.0)
    fig.text(0.7, 0.5, "a label that runs off the right edge")
    assert ink_at_the_edges(to_png(fig, dpi=DPI)).keys() == {"right"}
    fig.texts[0].set_x(0.05)
    fig.texts[0].set_text("fits")
    assert not ink_at_the_edges(to_png(fig, dpi=DPI))


def test_the_smallest_text_is_measured_in_css_pixels_at_the_figures_own_size():
    fig = new_figure(4.0, 3.0)
    ax = fig.add_subplot()
    ax.set_title("title", fontsize=18)
    ax.tick_params(labelsize=9)
    to_png(fig, dpi=DPI)
    assert smallest_text_px(fig) == pytest.approx(9 * 100 / 72, abs=0.01)  # 12.5 px: a point is 1/72 inch


def test_alt_text_states_the_figures_numbers():
    assert f"{PARTS['friend_list_entries']} entries" in CASES["breakdown"].alt
    assert f"{PARTS['new_people']} are new people" in CASES["breakdown"].alt
    assert f"reaches {TABLE['connected'].iloc[-1]:,}" in CASES["growth"].alt
    mean, mean_friend = cx.friendship_paradox(GRAPH)
    assert f"{mean:.1f} friends on average" in CASES["paradox"].alt
    assert f"a friend has {mean_friend:.1f}" in CASES["paradox"].alt


def test_lines_differ_by_style_and_marker_not_only_colour():
    naive, actual = CASES["growth"].figure.axes[0].lines[:2]
    assert naive.get_linestyle() != actual.get_linestyle()
    assert naive.get_marker() != actual.get_marker()


def test_palette_is_okabe_ito():
    assert OKABE_ITO["blue"] == "#0072B2" and OKABE_ITO["vermillion"] == "#D55E00"


def test_a_bar_set_is_one_patch_of_closed_rectangles():
    from matplotlib.path import Path as MplPath

    from sevencs.figures import BarSet

    bars = BarSet(facecolor="black", hatch="..")
    bars.set_bars([0, 1], [0, 2], [0.5, 2.0], [1, 1])
    path = bars.get_path()
    assert list(path.codes).count(MplPath.CLOSEPOLY) == 2
    assert path.vertices[:4].tolist() == [[0, 0], [0.5, 0], [0.5, 1], [0, 1]]
    assert path.get_extents().bounds == (0.0, 0.0, 3.0, 3.0)
    bars.set_bars([], [], [], [])  # no bars: nothing to draw, no error
    assert len(bars.get_path().vertices) == 1


def test_log_axes_label_their_ticks_as_plain_numbers():
    """matplotlib labels log axes in mathtext; a figure that draws every text plain printed it as written."""
    from sevencs.datasets import load_interactions
    from sevencs.figures.relationships import strength_figure
    from sevencs.relationships import tie_strength

    chart = growth(cx.simulate_growth(load_network(), 10, 10, 1.0, 4, seed=0, source=NURSERY), 410)
    dots = strength_figure(tie_strength(load_interactions(), account=NURSERY)).figure.axes[1]
    for axis in (chart.figure.axes[0].yaxis, dots.xaxis):
        axis.figure.canvas.draw()
        labels = [t.get_text() for t in axis.get_ticklabels() + axis.get_ticklabels(minor=True)]
        assert labels and not any("$" in label or "mathdefault" in label for label in labels), labels
    assert "1,000" in [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
