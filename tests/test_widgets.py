"""Widgets without a browser: set slider values as a learner would, assert what changed."""

from __future__ import annotations

import functools
import importlib
import io

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

from figure_widget import shown_alt
from sevencs import connection as cx
from sevencs.course.store import ProgressStore
from sevencs.datasets import NURSERY, load_karate_club, load_network
from sevencs.exercises import chapter_items
from sevencs.render.edition import BOOK_ENV
from sevencs.render.forms import HelpWidget, QuestionWidget, ReflectionWidget
from sevencs.render.html import StaticHTML
from sevencs.widgets import ConnectionExplorer


@pytest.fixture(scope="module")
def explorer():
    return ConnectionExplorer()


def shown_numbers(explorer) -> str:
    return explorer.numbers.value


def test_the_explorer_starts_with_the_stories_default_numbers(explorer):
    expected = cx.simulate_growth(load_network(), 10, 10, 1.0, 3, seed=0, source=NURSERY)
    assert explorer.table.drop(columns="accounts").equals(expected.drop(columns="accounts"))
    assert "promises <strong>1,110</strong>" in shown_numbers(explorer)
    assert f"you reach <strong>{expected['connected'].iloc[-1]:,}</strong>" in shown_numbers(explorer)


def test_moving_a_slider_changes_the_numbers_and_the_picture(explorer):
    before_png, before_table = explorer.png, explorer.table
    explorer.hops.value = 4
    assert len(explorer.table) == 4
    assert explorer.table["naive_connected"].iloc[-1] == 11110
    assert explorer.png != before_png
    assert not explorer.table.equals(before_table)
    explorer.hops.value = 3


@pytest.mark.parametrize(
    ("slider", "value"),
    [("start", 25), ("per_friend", 3), ("acceptance", 0.4), ("hops", 5)],
)
def test_each_slider_is_read_and_agrees_with_the_chapter_module(explorer, slider, value):
    getattr(explorer, slider).value = value
    expected = cx.simulate_growth(
        load_network(),
        explorer.start.value,
        explorer.per_friend.value,
        explorer.acceptance.value,
        explorer.hops.value,
        seed=0,
        source=NURSERY,
    )
    assert explorer.table.drop(columns="accounts").equals(expected.drop(columns="accounts"))
    assert f"{expected['naive_connected'].iloc[-1]:,.0f}" in shown_numbers(explorer)


def test_zero_acceptance_leaves_only_the_first_connections(explorer):
    explorer.start.value, explorer.acceptance.value = 10, 0.0
    assert set(explorer.table["connected"]) == {10}
    explorer.acceptance.value = 1.0


def test_the_figure_is_an_image_with_alt_text_that_states_the_numbers(explorer):
    value = shown_alt(explorer)
    last = explorer.table.iloc[-1]
    assert f"simulation {int(last['connected']):,} of 410 accounts" in value
    image = Image.open(io.BytesIO(explorer.png))
    assert image.size == (1000, 420)


def test_the_figure_is_a_small_png_true_to_the_canvas():
    """A palette PNG (at most 256 colours): under half the size of the RGB PNG the explorers sent
    before; the background still white, nearly every pixel within a few levels of what matplotlib drew."""
    explorer = ConnectionExplorer()  # its own: showing an explorer in a page draws its whole figure afresh
    canvas = explorer._fig.canvas
    drawn = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    drawn = drawn.convert("RGB")
    rgb_png = io.BytesIO()
    drawn.save(rgb_png, format="png", compress_level=1)  # how every explorer encoded its figure before
    shown = Image.open(io.BytesIO(explorer.png))
    assert shown.mode == "P" and shown.size == drawn.size
    assert len(explorer.png) < len(rgb_png.getvalue()) / 2
    assert shown.convert("RGB").getpixel((1, 1)) == drawn.getpixel((1, 1)) == (255, 255, 255)
    difference = np.abs(np.asarray(shown.convert("RGB"), dtype=int) - np.asarray(drawn, dtype=int)).max(axis=2)
    assert difference.mean() < 2 and (difference > 16).mean() < 0.001 and difference.max() <= 64


def test_reached_accounts_are_coloured_on_the_map():
    small = ConnectionExplorer()
    small.hops.value = 1
    one_hop = small.png
    small.hops.value = 2
    before = np.asarray(Image.open(io.BytesIO(one_hop)).convert("RGB"))
    after = np.asarray(Image.open(io.BytesIO(small.png)).convert("RGB"))
    changed = int((before != after).any(axis=2).sum())
    assert changed > 500  # more coloured points and longer lines


def test_the_slider_for_start_stops_at_the_sources_friends(explorer):
    assert explorer.start.max == load_network().degree(NURSERY)


def test_the_explorer_runs_on_the_karate_club():
    widget = ConnectionExplorer(load_karate_club(), source=0)
    assert widget.start.max == 16
    assert widget.table["connected"].iloc[-1] <= 33
    assert widget.png[:4] == b"\x89PNG"


def test_a_question_widget_shows_the_explanation_of_the_picked_option():
    question = chapter_items("connection")["questions"][0]
    widget = question.ask()
    assert isinstance(widget, QuestionWidget)
    widget.button.click()
    assert "Not answered yet" in widget.feedback.value
    right = next(i for i, o in enumerate(question.options) if o.correct)
    widget.choices.value = (right + 1) % len(question.options)
    widget.button.click()
    assert "Not yet" in widget.feedback.value
    widget.choices.value = right
    widget.button.click()
    assert "Correct" in widget.feedback.value
    assert list(ProgressStore().events()["status"]) == ["incorrect", "correct"]


def test_a_reflection_widget_saves_and_comes_back_filled_in():
    reflection = chapter_items("welcome")["reflections"][0]
    widget = reflection.ask()
    assert isinstance(widget, ReflectionWidget)
    widget.button.click()
    assert "Not answered yet" in widget.result.value
    widget.text.value = "Allotment holders, on the society's mailing list."
    widget.button.click()
    assert "Saved" in widget.result.value and "A model answer" in widget.result.value
    again = reflection.ask()
    assert again.text.value == "Allotment holders, on the society's mailing list."
    assert "saved a reflection here before" in again.result.value


def test_a_reflection_saves_the_words_that_arrive_after_the_click():
    """In JupyterLab, a click straight after typing can reach Python before the box's last words do
    (the frontend holds back a widget's newest value while the kernel is busy; a click goes at once)."""
    reflection = chapter_items("welcome")["reflections"][0]
    widget = reflection.ask()
    typed = "Allotment holders, and the parents at the school gate on Saturdays."
    widget.text.value = typed[:40]  # the part that had reached the kernel when the click did
    widget.button.click()
    assert reflection.saved_text() == typed[:40]
    widget.text.value = typed  # the rest, a moment later
    assert reflection.saved_text() == typed
    assert "Saved" in widget.result.value and "saved too" in widget.result.value
    # The learner presses the button again (leaving the box sent the text first): one copy, not two
    widget.button.click()
    saved = ProgressStore().events()
    assert list(saved["value"][saved["kind"] == "reflection"]) == [typed[:40], typed]


def test_a_reflection_box_saves_nothing_before_the_button_is_pressed():
    reflection = chapter_items("welcome")["reflections"][0]
    widget = reflection.ask()
    widget.text.value = "A first thought I might throw away."
    assert reflection.saved_text() is None
    assert widget.result.value == ""


def test_the_help_cell_shows_buttons_and_saves_nothing_until_one_is_pressed():
    exercise = chapter_items("connection")["exercises"][1]
    assert len(exercise.hints) >= 2
    widget = exercise.help()
    assert isinstance(widget, HelpWidget)
    assert widget.output.value == ""
    assert ProgressStore().events().empty  # running the cell (Run All, say) takes no hint

    shown = []
    for n in range(1, len(exercise.hints) + 1):
        widget.hint_button.click()
        assert f"Hint {n} of {len(exercise.hints)}" in widget.output.value
        shown.append(widget.output.value)
    assert len(set(shown)) == len(exercise.hints)  # a stronger hint each time
    assert widget.hint_button.disabled and "last hint" in widget.hint_button.description
    widget.solution_button.click()
    assert "Solution" in widget.output.value
    events = ProgressStore().events()
    assert list(events["kind"]) == ["hint"] * len(exercise.hints) + ["solution"]
    assert list(events["value"][events["kind"] == "hint"]) == [str(n) for n in range(1, len(exercise.hints) + 1)]


@pytest.mark.parametrize("edition", ["1", "instructor"])
def test_the_help_cell_in_the_book_shows_every_hint_collapsed(monkeypatch, edition):
    monkeypatch.setenv(BOOK_ENV, edition)
    exercise = chapter_items("clients")["exercises"][0]
    shown = exercise.help()
    assert isinstance(shown, StaticHTML)
    assert shown.html.count("<li>") == len(exercise.hints)
    assert ('<details class="sevencs-hints" data-exercise-id="clients-q1" open>' in shown.html) == (
        edition == "instructor"
    )
    assert ProgressStore().events().empty


# --- every explorer: what blitting draws is what a full redraw would -----------------------------

BLIT_MOVES = {
    "sevencs.widgets.connection:ConnectionExplorer": [("hops", 5), ("per_friend", 30), ("start", 3)],
    "sevencs.widgets.conversation:ConversationExplorer": [("promotional", 0.6), ("group", "opening"), ("story", False)],
    "sevencs.widgets.relationships:RelationshipsExplorer": [("frequency", 2.5), ("half_life", 10)],
    "sevencs.widgets.content:ContentExplorer": [("promotional", 0.7), ("rule", "thirds"), ("posts_count", 30)],
    "sevencs.widgets.community:CommunityExplorer": [("rate", 0.4), ("market", 800), ("periods", 24), ("start", 40)],
    "sevencs.widgets.caring:CaringExplorer": [("target", 4), ("channel", "message"), ("window", 3)],
    "sevencs.widgets.clients:ClientsExplorer": [("p", 0.1), ("market", 1500), ("periods", 30), ("q", 0.9)],
}


@functools.cache
def built(path: str):
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)()


@pytest.mark.parametrize("path", sorted(BLIT_MOVES))
def test_each_move_draws_what_a_full_redraw_would(path):
    """The blitted picture (a background, frames drawn again only when their key changes, the changing
    artists on top) matches drawing the whole figure again, but for the odd pixel where two overlap."""
    explorer = built(path)
    canvas = explorer._fig.canvas
    for control, value in BLIT_MOVES[path]:
        getattr(explorer, control).value = value
        blitted = np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)
        canvas.draw()
        full = np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)
        off = np.abs(blitted - full).max(axis=2) > 64
        assert off.mean() < 0.002, f"{control}={value}: {off.sum()} pixels differ from a full redraw"
        explorer._blitter.png()  # back to the blitted picture


def test_a_move_that_keeps_the_axes_draws_only_the_lines():
    """Community: the start and the growth rate leave the axes' limits, so their frame is not drawn again."""
    from sevencs.widgets.community import CommunityExplorer

    explorer = CommunityExplorer()
    drawn = explorer._blitter.frames_drawn
    explorer.start.value, explorer.rate.value = 20, 0.5
    assert explorer._blitter.frames_drawn == drawn
    explorer.market.value = 400  # new limits: ticks and grid drawn again, once
    assert explorer._blitter.frames_drawn == drawn + 1
    assert explorer._artists["ax"].get_ylim()[1] == pytest.approx(400 * 1.25)


@pytest.mark.parametrize("path", sorted(BLIT_MOVES))
def test_sliders_send_their_value_while_dragged(path):
    """The figure follows a dragged slider: the page drops the values in between while the kernel works."""
    explorer = built(path)
    sliders = [c for c in explorer.controls if isinstance(c, widgets.IntSlider | widgets.FloatSlider)]
    assert sliders and all(slider.continuous_update for slider in sliders)


def _every_explorer() -> list[type]:
    import importlib
    import pkgutil

    import sevencs.widgets
    from sevencs.widgets.explorer import Explorer

    for module in pkgutil.iter_modules(sevencs.widgets.__path__):
        importlib.import_module(f"sevencs.widgets.{module.name}")
    return sorted(Explorer.__subclasses__(), key=lambda cls: cls.__name__)


@pytest.mark.parametrize("explorer_class", _every_explorer(), ids=lambda cls: cls.__name__)
def test_every_move_shows_a_png_true_to_the_canvas(explorer_class):
    """Later frames reuse the first frame's palette (sevencs.figures.PngEncoder), even when they show a colour
    the first lacked: each figure a move shows is still what matplotlib drew, within a few levels, whichever
    control moved."""
    explorer = explorer_class()
    canvas = explorer._fig.canvas
    moved = 0
    for control in explorer.controls:
        if not isinstance(control, widgets.FloatSlider | widgets.IntSlider):
            continue
        for value in (control.max, control.min + (control.max - control.min) / 3):
            control.value = value
            drawn = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
            drawn = drawn.convert("RGB")
            shown = np.asarray(Image.open(io.BytesIO(explorer.png)).convert("RGB"), dtype=int)
            difference = np.abs(shown - np.asarray(drawn, dtype=int)).max(axis=2)
            assert difference.mean() < 2 and (difference > 16).mean() < 0.001 and difference.max() <= 64, (
                control.description,
                value,
            )
            moved += 1
    assert moved >= 2
