"""Explorers that answer without a kernel in the published book (sevencs.widgets.static,
sevencs.publish.explorers).

First, without a book: the states an explorer writes are what the explorer itself
shows for those values (a fresh explorer, moved there as a reader would move it), its
kernel-free control offers its main sliders and holds the rest fixed, and the book
build's hooks keep the widget renderer to pages that show a widget.

Then the built book in Debian's Chromium (Playwright), served on 127.0.0.1 and opened
as files (file://): for every lab, nothing is fetched for the explorer at load; one
arrow-key press on its first movable slider shows the figure, alt text and numbers the
explorer class renders for the next value, computed here from the package.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import ipywidgets as widgets
import pytest
from bs4 import BeautifulSoup

from book import EXPLORERS
from sevencs import figures
from sevencs.publish import explorers as hooks
from sevencs.publish import lite
from sevencs.publish.images import png_size
from sevencs.widgets import static
from test_phone import FIGURE_TEXT, PHONE, SMALL_PRINT, figure_text_on_screen

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
STATES_PATH = "/_static/explorers/"


def explorer_class(lab: str):
    module, name = EXPLORERS[lab].split(":")
    return getattr(importlib.import_module(module), name)


def text_of(html: str) -> str:
    """What a reader reads in some HTML: its text, spaces collapsed."""
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def moved(cls, steps: int):
    """A fresh explorer whose first main slider a reader moved ``steps`` steps (as an arrow key does)."""
    explorer = cls()
    slider = getattr(explorer, cls.static_sliders[0])
    slider.value = min(max(round(slider.value + steps * slider.step, 10), slider.min), slider.max)
    return explorer


# --------------------------------------------------------------------------- without a book


def test_a_slider_offers_every_value_from_min_to_max_by_its_step():
    assert static.slider_values(widgets.IntSlider(min=60, max=100, step=10)) == [60, 70, 80, 90, 100]
    values = static.slider_values(widgets.FloatSlider(min=0.0, max=1.0, step=0.05))
    assert len(values) == 21 and values[6] == 0.3 and values[-1] == 1.0  # 0.3, not 0.30000000000000004
    with pytest.raises(TypeError, match="not a slider"):
        static.slider_values(widgets.Dropdown(options=["a", "b"]))


@pytest.mark.parametrize("lab", sorted(EXPLORERS))
def test_the_state_files_are_what_the_explorer_shows_for_those_values(lab, tmp_path):
    cls = explorer_class(lab)
    explorer = cls()
    slider = getattr(explorer, cls.static_sliders[0])
    # two steps either side of the start (fewer at an end), so the test renders a few states, not all
    start = slider.value
    slider.min, slider.max = max(slider.min, start - 2 * slider.step), min(slider.max, start + 2 * slider.step)
    name = static.write_states(explorer, tmp_path)
    folder = tmp_path / name
    count = round((slider.max - slider.min) / slider.step) + 1
    assert len(list(folder.glob("v*.js"))) == count  # one state for every value of the slider
    first_index = round((start - slider.min) / slider.step)
    one_step = 1 if first_index < count - 1 else -1
    for steps in (-first_index, one_step, count - 1 - first_index):  # the first value, one step on, the last
        index, expected = first_index + steps, moved(cls, steps)
        script = (folder / f"v{index}.js").read_text()
        assert (folder / f"v{index}.png").read_bytes() == expected.png
        # and the same figure laid out for a phone, as every figure of the book
        narrow = (folder / f"v{index}.narrow.png").read_bytes()
        assert narrow == static.for_phones(expected)[1]
        assert png_size(narrow)[0] == round(figures.NARROW_WIDTH * figures.DPI * figures.NARROW_DENSITY)
        assert _payload(script)["narrowTextPx"] >= round(figures.SMALLEST_TEXT * figures.DPI / 72, 2)
        assert f'"key": "v{index}"' in script and f'"explorer": "{name}"' in script
        assert text_of(expected.numbers.value) == text_of(_numbers(script))
        assert expected.alt == _alt(script)
    # and a comparison that can fail: the last state is not the first value's picture, nor its numbers
    assert (folder / f"v{count - 1}.png").read_bytes() != moved(cls, -first_index).png
    assert (folder / f"v{count - 1}.narrow.png").read_bytes() != (folder / "v0.narrow.png").read_bytes()
    assert _numbers((folder / f"v{count - 1}.js").read_text()) != moved(cls, -first_index).numbers.value


def _payload(script: str) -> dict:
    import json

    match = re.fullmatch(rf"{static.CALLBACK}\((.*)\);\n", script, flags=re.DOTALL)
    assert match, f"not a state script: {script[:80]!r}"
    return json.loads(match.group(1))


def _numbers(script: str) -> str:
    return _payload(script)["numbers"]


def _alt(script: str) -> str:
    return _payload(script)["alt"]


def test_the_control_moves_only_the_main_slider_and_links_to_the_live_explorer(tmp_path):
    from sevencs.widgets.content import ContentExplorer

    explorer = ContentExplorer()
    page = BeautifulSoup(str(static.publish(explorer, tmp_path)), "html.parser")
    root = page.select_one(".sevencs-explorer")
    movable = root.select("input[type=range][data-labels]")
    assert len(movable) == 1 and movable[0].get("disabled") is None
    assert int(movable[0]["max"]) + 1 == len(static.slider_values(explorer.promotional))
    fixed = root.select("input[disabled], select[disabled]")
    assert len(fixed) == len(explorer.controls) - 1  # posts a month and the rule, shown but not movable
    assert root.select_one("a.sevencs-explorer-live")["href"] == static.LIVE_HREF
    assert text_of(explorer.numbers.value) in text_of(str(root.select_one(".sevencs-explorer-numbers")))
    figure = root.select_one(".sevencs-explorer-figure")
    assert figure.select_one("img.sevencs-figure")["alt"] == explorer.alt
    # with the phone's layout of the figure, as every figure of the book (tests/test_figures.py)
    assert figure.select_one("picture > source")["media"] == "(max-width: 40em)"


def test_an_explorer_is_a_widget_in_a_notebook_and_a_control_in_the_book(tmp_path, monkeypatch):
    from sevencs.widgets.clients import ClientsExplorer

    explorer = ClientsExplorer()
    live = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in live and "text/html" not in live
    monkeypatch.setenv(static.STATES_ENV, str(tmp_path))
    book = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" not in book and 'class="sevencs-explorer"' in book["text/html"]
    assert list(tmp_path.glob("clients-*/v0.png"))


def test_a_page_without_a_widget_loses_the_saved_state_and_the_renderer():
    js = {
        "ipywidgets_state": (None, {"body": "{}"}),
        "ipywidgets_0": ("widgets/require.js", {}),
        "ipywidgets_1": ("widgets/assets-path.js", {}),
        "ipywidgets_2": ("widgets/embed-amd.js", {}),
        "other": ("x.js", {}),
    }
    assert hooks.renderer_scripts(js, shows_widget=False) == {"other": ("x.js", {})}
    kept = hooks.renderer_scripts(js, shows_widget=True)
    assert kept["ipywidgets_state"] == js["ipywidgets_state"]  # the widget's saved state stays
    assert [path for path, _ in kept.values() if "widgets/" in str(path)] == []  # the renderer waits
    assert (hooks.WIDGETS_SCRIPT, {"defer": "defer"}) in kept.values()


def test_run_live_leads_to_jupyterlite_then_a_launch_button_then_the_download():
    buttons = [{"label": "launch-buttons", "buttons": [{"url": "https://mybinder.org/v2/gh/o/r/main"}]}]
    page = "notebooks/04_content_lab"
    assert hooks.live_link(page, buttons, with_lite=True) == lite.lite_url(page)
    assert hooks.live_link(page, buttons, with_lite=False) == "https://mybinder.org/v2/gh/o/r/main"
    assert hooks.live_link(page, [], with_lite=False) == "../_sources/notebooks/04_content_lab.ipynb"


# --------------------------------------------------------------------------- the built book in a browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from lab_harness import chromium

    with sync_playwright() as playwright, chromium(playwright) as launched:
        yield launched


def _open(browser, url: str, **device):
    """A page with every request it makes recorded; anything off this machine is refused."""
    context = browser.new_context(**device)
    context.set_default_timeout(15_000)
    requested: list[str] = []

    def route(r):
        parts = urlsplit(r.request.url)
        requested.append(r.request.url)
        if parts.scheme == "file" or parts.hostname == "127.0.0.1" or parts.scheme == "data":
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    return context, page, requested, errors


def real(errors: list[str]) -> list[str]:
    """The page's errors without the known upstream noise (tests/test_browser.py says why each is harmless)."""
    from test_browser import CONSOLE_NOISE

    return [e for e in errors if not any(re.search(pattern, e) for pattern, _ in CONSOLE_NOISE)]


def as_read(page, html: str) -> str:
    """What the browser shows a reader for some HTML (its innerText), laid out in the page."""
    script = "html => { const d = document.createElement('div'); d.innerHTML = html; document.body.append(d);"
    return page.evaluate(script + " const text = d.innerText; d.remove(); return text; }", html)


def words(text: str) -> str:
    return " ".join(text.split())


def _state_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if STATES_PATH in unquote(urlsplit(url).path)]


@pytest.mark.parametrize("how", ["served", "file", "phone"])
@pytest.mark.parametrize("lab", sorted(EXPLORERS))
def test_the_explorer_answers_its_first_slider_in_the_static_book(lab, how, browser, built_book, served_book):
    """On a computer, served and opened as files; on a phone (served), where the figure laid out for a
    phone answers, its text as large as the page's small print (tests/test_phone.py)."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}; run `sh tests/browser/setup.sh`")
    page_path = f"notebooks/{lab}.html"
    url = (built_book / page_path).as_uri() if how == "file" else served_book + page_path
    context, page, requested, errors = _open(browser, url, **(PHONE if how == "phone" else {}))
    try:
        assert _state_requests(requested) == [], "states were fetched before any slider moved"
        root = page.locator(".sevencs-explorer").first
        slider = root.locator("input[type=range][data-labels]").first
        figure = root.locator(".sevencs-explorer-figure img.sevencs-figure")
        numbers = root.locator(".sevencs-explorer-numbers")
        before = (figure.evaluate("img => img.currentSrc"), numbers.inner_text())
        cls = explorer_class(lab)
        at_end = slider.evaluate("s => Number(s.value) === Number(s.max)")
        steps = -1 if at_end else 1
        expected = moved(cls, steps)
        index = int(slider.input_value()) + steps

        slider.focus()
        page.keyboard.press("ArrowLeft" if at_end else "ArrowRight")
        page.wait_for_function(
            "([root, key]) => root.getAttribute('data-shown') === key", arg=[root.element_handle(), f"v{index}"]
        )
        shown_file = f"v{index}.narrow.png" if how == "phone" else f"v{index}.png"
        page.wait_for_function(
            "([img, name]) => img.complete && img.naturalWidth > 0 && img.currentSrc.endsWith('/' + name)",
            arg=[figure.element_handle(), shown_file],
        )

        src = figure.evaluate("img => img.currentSrc")
        assert (src, numbers.inner_text()) != before
        where = unquote(urlsplit(src).path)
        shown_png = (Path(where) if how == "file" else built_book / where.lstrip("/")).read_bytes()
        drawn = static.for_phones(expected)[1] if how == "phone" else expected.png
        assert shown_png == drawn, "the figure is not the one the explorer draws for that value"
        assert figure.get_attribute("alt") == expected.alt
        if how == "phone":
            figure.scroll_into_view_if_needed()
            shown = figure.evaluate(FIGURE_TEXT)
            on_screen = figure_text_on_screen(shown["shown"], shown["own"], shown["textPx"])
            assert on_screen >= page.evaluate(SMALL_PRINT) - 0.05, f"figure text {on_screen:.1f} px on a phone"
        assert words(numbers.inner_text()) == words(as_read(page, expected.numbers.value))
        moved_slider = getattr(expected, cls.static_sliders[0])
        readout = slider.locator("xpath=following-sibling::output")
        assert readout.inner_text() == static.readout(moved_slider, moved_slider.value)
        # only that one state was fetched: its script and its picture
        fetched = sorted(Path(urlsplit(u).path).name for u in _state_requests(requested))
        assert fetched == sorted([f"v{index}.js", shown_file])
        assert real(errors) == []
    finally:
        context.close()


def test_a_page_with_a_live_widget_loads_the_renderer_only_when_the_widget_is_near(browser, served_book, built_book):
    pages = [
        p
        for p in sorted((built_book / "notebooks").glob("*.html"))
        if "application/vnd.jupyter.widget-view+json" in p.read_text(encoding="utf-8")
    ]
    assert pages, "no page shows a live widget any more: this test has nothing to check"
    for path in pages:
        context, page, requested, errors = _open(browser, served_book + path.relative_to(built_book).as_posix())
        try:
            page.set_viewport_size({"width": 1200, "height": 800})
            view = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').first
            top = view.evaluate("s => s.parentElement.getBoundingClientRect().top + window.scrollY")
            renderer = [u for u in requested if u.endswith("/embed-amd.js")]
            assert top < 1400 or renderer == [], "the renderer loaded though the widget is far below"
            view.evaluate("s => s.parentElement.scrollIntoView()")
            page.locator(".jupyter-widgets img, .jupyter-widgets .widget-html").first.wait_for(state="visible")
            assert [u for u in requested if u.endswith("/embed-amd.js")], "the renderer never loaded"
            if path.stem == "08_capstone_lab":  # the audit dashboard's list answers from its saved pages
                board = page.locator(".widget-vbox").filter(has=page.locator("select")).first
                board.get_by_text("Connection:").first.wait_for(state="visible")
                board.locator("select").select_option(label="Caring")
                board.get_by_text("Caring:").first.wait_for(state="visible")
                assert not board.get_by_text("Connection:").first.is_visible()
            assert real(errors) == []
        finally:
            context.close()


def test_no_page_carries_widget_state_without_showing_a_widget(built_book):
    carrying = []
    for path in sorted(built_book.rglob("*.html")):
        if "lite" in path.relative_to(built_book).parts[:1]:
            continue
        text = path.read_text(encoding="utf-8")
        state = "application/vnd.jupyter.widget-state+json" in text
        view = "application/vnd.jupyter.widget-view+json" in text
        renderer = "embed-amd.js" in text
        if (state or renderer) and not view:
            carrying.append(path.relative_to(built_book).as_posix())
    assert carrying == []
    assert os.path.isdir(built_book / "_static" / "explorers")
