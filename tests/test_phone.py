"""The built book on a phone: 390 px wide, as most readers of a web page meet it (issue 16).

Every page, in Debian's Chromium as a phone (390 × 844 CSS px, three device pixels to one, touch),
served on 127.0.0.1 with every request elsewhere aborted:

- no page scrolls sideways, and nothing runs past the screen's edge unless it is inside a box that
  scrolls (a wide table, a code cell);
- every figure's smallest text is at least as large as the page's small print (the size of a
  ``<small>`` in the page's text), from how large the page shows the figure and the size the
  figure helpers drew its text at (``data-text-px``, sevencs/figures);
- every page weighs at most 1.5 MB at first load: the bytes of everything it loads, with an empty
  cache, until it has loaded and the network is quiet;
- figures lower down the page are fetched only when the reader scrolls to them, and the theme's
  icons come from the trimmed fonts, not from its 1.5 MB script.

The first-load weights are written to _build/phone-report.txt and printed at the end of the run.
The tiny-book tests at the end check the extension's icon trimming and lazy figures in seconds.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import Image
from playwright.sync_api import sync_playwright

from lab_harness import chromium
from sevencs.figures import DPI, NARROW_DENSITY, NARROW_WIDTH
from sevencs.publish import icons, images
from test_browser import PAGES

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "_build" / "phone-report.txt"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
#: Every page within this many bytes at first load (issue 16: 1.5 MB).
MAX_BYTES = 1_500_000
FIGURES = "img.sevencs-figure"

# What sticks out past the screen's right edge, among the elements the reader can see, leaving out
# what sits inside a box that scrolls sideways (overflow-x auto or scroll). Content cut off by a box
# that hides its overflow counts: it is as unreadable as content off the screen.
PAST_THE_EDGE = """() => {
  const edge = document.documentElement.clientWidth + 0.5;
  const scrolls = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
  const found = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= edge) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (scrolls(el) || found.some(f => f.contains(el))) continue;
    found.push(el);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
          past: found.slice(0, 5).map(el => `<${el.tagName.toLowerCase()} class="${el.className}"> `
                + `${Math.round(el.getBoundingClientRect().width)} px wide, right edge at `
                + `${Math.round(el.getBoundingClientRect().right)} px`)};
}"""

# The page's small print: the size a <small> in the article's text has (the HTML element for small print).
SMALL_PRINT = """() => {
  const small = document.createElement('small');
  small.textContent = 'x';
  (document.querySelector('article') || document.body).appendChild(small);
  const size = parseFloat(getComputedStyle(small).fontSize);
  small.remove();
  return size;
}"""

# One figure as the page shows it: its width on screen, its own width (CSS px, after its density) and the
# smallest text of the image the browser chose (the <picture>'s phone source, or the <img> itself).
FIGURE_TEXT = """img => {
  const source = Array.from(img.parentElement.tagName === 'PICTURE' ? img.parentElement.querySelectorAll('source') : [])
    .find(s => new URL(s.srcset.trim().split(/\\s+/)[0], document.baseURI).href === img.currentSrc);
  const declared = (source || img).dataset.textPx;
  return {shown: img.getBoundingClientRect().width, own: img.naturalWidth,
          textPx: declared ? parseFloat(declared) : null, src: img.currentSrc.split('/').pop(),
          alt: img.alt.slice(0, 60)};
}"""


def figure_text_on_screen(shown: float, own: float, text_px: float) -> float:
    """How tall a figure's smallest text is on screen: its size at the figure's own width, scaled as shown."""
    if own <= 0:
        raise ValueError(f"The figure has no size of its own (naturalWidth {own}): did it load?")
    return text_px * shown / own


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def phone_browser():
    with sync_playwright() as playwright, chromium(playwright) as browser:
        yield browser


@pytest.fixture(scope="module")
def weights():
    """Each page's first-load bytes and its heaviest files; written to REPORT when the module ends."""
    rows: dict[str, tuple[int, list[tuple[int, str]]]] = {}
    yield rows
    if rows:
        lines = [f"{'page':44} {'bytes':>10}  heaviest files"]
        for page, (total, heaviest) in rows.items():
            files = ", ".join(f"{name} {size // 1000:,} kB" for size, name in heaviest[:3])
            lines.append(f"{page:44} {total:>10,}  {files}")
        REPORT.parent.mkdir(exist_ok=True)
        REPORT.write_text(
            "First load at 390 px (empty cache, until loaded and the network is quiet)\n" + "\n".join(lines) + "\n"
        )


class Phone:
    """A fresh phone-sized browser context (empty cache) on one page, counting the bytes it receives."""

    def __init__(self, browser, site: str):
        self.context = browser.new_context(**PHONE)
        self.context.set_default_timeout(15_000)
        self.context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith(site) else route.abort()
        )
        self.page = self.context.new_page()
        self.received: dict[str, int] = {}
        self.page.on("requestfinished", self._finished)
        self.site = site

    def _finished(self, request) -> None:
        self.received[request.url.removeprefix(self.site)] = request.sizes()["responseBodySize"]

    def open(self, page: str) -> None:
        self.page.goto(self.site + page, wait_until="load")
        # a guard against a hang, not a measure of speed: on a loaded 2-core machine (make test runs two
        # browsers beside a JupyterHub) a quiet network once took longer than the 15 s default
        self.page.wait_for_load_state("networkidle", timeout=60_000)

    def first_load(self) -> int:
        return sum(self.received.values())


@pytest.fixture
def phone(phone_browser, site):
    p = Phone(phone_browser, site)
    yield p
    p.context.close()


@pytest.fixture(scope="module")
def site(served_book):
    return served_book


# --------------------------------------------------------------------------- every page


@pytest.mark.parametrize("page", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(page, phone):
    phone.open(page)
    found = phone.page.evaluate(PAST_THE_EDGE)
    assert found["scrollWidth"] <= found["width"] and not found["past"], (
        f"{page} at {found['width']} px: the page is {found['scrollWidth']} px wide; past the edge: {found['past']}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_figure_text_is_as_large_as_the_pages_small_print(page, phone):
    phone.open(page)
    p = phone.page
    small_print = p.evaluate(SMALL_PRINT)
    too_small = []
    for figure in p.locator(FIGURES).all():
        figure.scroll_into_view_if_needed()
        p.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=figure.element_handle())
        shown = figure.evaluate(FIGURE_TEXT)
        assert shown["textPx"], f"figure {shown['src']} does not say how large its text is (data-text-px)"
        on_screen = figure_text_on_screen(shown["shown"], shown["own"], shown["textPx"])
        if on_screen < small_print - 0.05:
            too_small.append(f"{shown['alt']}…: {on_screen:.1f} px ({shown['src']}, {shown['shown']:.0f} px wide)")
    assert not too_small, f"{page}: figure text smaller than the page's small print ({small_print:.1f} px): {too_small}"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_loads_within_1_5_mb(page, phone, weights):
    phone.open(page)
    total = phone.first_load()
    weights[page] = (total, sorted(((size, name.split("?")[0]) for name, size in phone.received.items()), reverse=True))
    assert 0 < total <= MAX_BYTES, (
        f"{page} loads {total:,} bytes at first load (at most {MAX_BYTES:,}); heaviest: {weights[page][1][:4]}"
    )


# --------------------------------------------------------------------------- what keeps pages light


def test_figures_lower_down_a_chapter_load_only_when_the_reader_gets_there(phone):
    phone.open("book/connection.html")
    figures = phone.page.locator(FIGURES)
    assert figures.count() >= 3
    fetched = [name for name in phone.received if name.startswith("_images/sevencs-")]
    assert len(fetched) < figures.count(), f"every figure was fetched at first load: {fetched}"
    for figure in figures.all():
        figure.scroll_into_view_if_needed()
    phone.page.wait_for_function(f"Array.from(document.querySelectorAll('{FIGURES}')).every(i => i.naturalWidth > 0)")

    def figures_received() -> int:
        return len([name for name in phone.received if name.startswith("_images/sevencs-")])

    for _ in range(50):  # a request's "finished" event can reach Python a little after the image is drawn
        if figures_received() >= figures.count():
            break
        phone.page.wait_for_timeout(100)
    assert figures_received() >= figures.count()


def test_the_capstone_dashboards_panel_is_readable_on_a_phone(phone):
    """The audit dashboard (a widget, its seven pages saved in the page) shows the picked C's panel in
    its phone layout, its text as large as the page's small print."""
    phone.open("notebooks/08_capstone_lab.html")
    p = phone.page
    p.locator('script[type="application/vnd.jupyter.widget-view+json"]').first.evaluate(
        "view => view.parentElement.scrollIntoView()"
    )
    board = p.locator(".widget-vbox").filter(has=p.locator("select")).first
    board.locator("select").select_option(label="Caring")
    figure = board.locator(".widget-html img.sevencs-figure").filter(visible=True).first
    figure.wait_for(state="visible")
    assert figure.get_attribute("alt").startswith("Caring")
    figure.scroll_into_view_if_needed()
    p.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=figure.element_handle())
    shown = figure.evaluate(FIGURE_TEXT)
    assert shown["textPx"], "the panel does not say how large its text is"
    assert shown["own"] < shown["shown"] * 1.01, "the phone shows the wide panel, shrunk"
    on_screen = figure_text_on_screen(shown["shown"], shown["own"], shown["textPx"])
    assert on_screen >= p.evaluate(SMALL_PRINT) - 0.05, f"the panel's text is {on_screen:.1f} px on a phone"


def ink_at_the_edges(png: bytes) -> dict[str, int]:
    """How many pixels of each outer row and column of a PNG are not the white background
    (matplotlib cuts off what runs past a figure's edge: a cut legend or label leaves ink there)."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    edges = {"top": pixels[0], "bottom": pixels[-1], "left": pixels[:, 0], "right": pixels[:, -1]}
    return {side: int((line < 250).sum()) for side, line in edges.items() if (line < 250).any()}


def test_nothing_runs_off_the_edges_of_a_phone_figure(built_book):
    """Every figure the site has laid out for a phone, the explorers' states among them: nothing cut off."""
    narrow_width = round(NARROW_WIDTH * DPI * NARROW_DENSITY)
    found = [
        path
        for folder in ("_images", "_static/explorers")
        for path in sorted((built_book / folder).rglob("*.png"))
        if images.png_size(path.read_bytes())[0] == narrow_width
    ]
    assert len(found) > 100, f"only {len(found)} figures laid out for a phone in the site"
    cut = {
        path.relative_to(built_book).as_posix(): ink for path in found if (ink := ink_at_the_edges(path.read_bytes()))
    }
    assert not cut, f"{len(cut)} phone figures run off their edges: {dict(list(cut.items())[:5])}"


def test_the_icons_come_from_the_trimmed_fonts_not_the_themes_script(phone):
    phone.open("book/connection.html")
    loaded = [name.split("?")[0] for name in phone.received]
    assert not [name for name in loaded if name.endswith(icons.FONTAWESOME_JS)]
    assert not [name for name in loaded if "vendor/fontawesome" in name], "the theme's full icon font was fetched"
    assert "_static/icons/fa-solid-900.woff" in loaded
    faces = phone.page.evaluate(
        "() => Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => [f.family, f.weight])"
    )
    assert ['"Font Awesome 6 Free"', "900"] in faces or ["Font Awesome 6 Free", "900"] in faces


def test_every_icon_a_page_names_is_in_the_trimmed_fonts(built_book):
    table, drawn = icons.icon_table((built_book / icons.THEME_CSS).read_text(encoding="utf-8"))
    pages = [p for p in built_book.rglob("*.html") if p.relative_to(built_book).parts[0] not in ("_static", "lite")]
    named = icons.icons_named(p.read_text(encoding="utf-8") for p in pages)
    wanted = {table[name] for name in named if name in table} | drawn
    assert table["fa-bars"] in wanted  # the menu button, on every page
    fonts = [TTFont(font) for font in sorted((built_book / "_static" / icons.FOLDER).glob("*.woff"))]
    assert len(fonts) == 3  # solid, regular and brands, as the theme's style sheet declares them
    missing = {hex(c) for c in wanted} - {hex(c) for font in fonts for c in font.getBestCmap()}
    assert not missing, f"icons the pages use but the trimmed fonts lack: {missing}"
    assert all(len(font.getBestCmap()) < 100 for font in fonts)  # trimmed: the solid font has about 1,400 icons


# --------------------------------------------------------------------------- the parts, without a book


THEME_CSS = (
    '/*! Font Awesome */.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-rocket:before{content:"\\f135"}'
    ".fa-solid{font-family:Font Awesome\\ 6 Free}"
    "@font-face{font-display:block;font-family:Font Awesome\\ 6 Free;font-style:normal;font-weight:900;"
    'src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2) format("woff2"),'
    'url(../vendor/fontawesome/webfonts/fa-solid-900.ttf) format("truetype")}'
    'html{--pst-icon-download:"\uf019"}.admonition>.admonition-title:after{content:"\\f05a"}'
)


def test_the_icon_table_reads_each_class_and_what_the_sheet_draws_itself():
    table, drawn = icons.icon_table(THEME_CSS)
    assert table == {"fa-bars": 0xF0C9, "fa-navicon": 0xF0C9, "fa-rocket": 0xF135}
    assert drawn == {0xF019, 0xF05A}
    assert icons.font_faces(THEME_CSS) == [
        {"family": "Font Awesome 6 Free", "weight": "900", "style": "normal",
         "ttf": "../vendor/fontawesome/webfonts/fa-solid-900.ttf"}
    ]  # fmt: skip


def test_icons_named_finds_class_names_in_pages_and_scripts():
    texts = ['<i class="fa-solid fa-bars"></i>', 'el.classList.add("fa-xmark")', "no icons here: fa_bars"]
    assert icons.icons_named(texts) == {"fa-solid", "fa-bars", "fa-xmark"}


def test_a_font_is_trimmed_to_the_characters_asked_for(tmp_path):
    import pydata_sphinx_theme

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
    source = theme / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.ttf"
    target = tmp_path / "fa-solid-900.woff"
    icons.subset_font(source, target, {0xF0C9, 0xF135})
    assert set(TTFont(target).getBestCmap()) == {0xF0C9, 0xF135}
    assert target.read_bytes()[:4] == b"wOFF" and target.stat().st_size < source.stat().st_size / 20


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEElEQVR4nGP8z8DAwMDAAAAeBAEBVp1QWAAAAABJRU5ErkJggg=="
)


def test_an_embedded_figure_becomes_a_lazy_file_with_its_size():
    data = base64.b64encode(PNG).decode()
    body = (
        '<p>x</p><picture class="sevencs-figure-picture">'
        f'<source media="(max-width: 40em)" srcset="data:image/png;base64,{data} 2x" data-text-px="14">'
        f'<img src="data:image/png;base64,{data}" alt="a chart" class="sevencs-figure" data-text-px="12"></picture>'
        f'<img src="data:image/png;base64,{data}" alt="not ours">'
    )
    saved = {}
    out = images.lazy_figures(body, saved.__setitem__, lambda name: f"../_images/{name}")
    [name] = saved
    assert saved[name] == PNG and re.fullmatch(r"sevencs-[0-9a-f]{20}\.png", name)
    assert f'<img src="../_images/{name}" width="3" height="2" loading="lazy" decoding="async"' in out
    assert f'srcset="../_images/{name} 2x" width="1" height="1"' in out  # the phone's image: 2x, half the size
    assert out.count("data:image/png") == 1  # an image that is not a course figure is left as it was
    assert 'alt="a chart" class="sevencs-figure" data-text-px="12"' in out


def test_png_size_reads_the_header_and_refuses_what_is_not_a_png():
    assert images.png_size(PNG) == (3, 2)
    with pytest.raises(ValueError, match="PNG"):
        images.png_size(b"GIF89a" + bytes(30))


@pytest.mark.sphinx("html", testroot="assets", srcdir="assets-icons", freshenv=True)
def test_the_extension_keeps_the_icon_script_off_every_page_and_trims_the_fonts(app):
    app.build()
    page = (app.outdir / "chapter.html").read_text()
    assert "scripts/bootstrap.js" in page and icons.FONTAWESOME_JS not in page  # the rest of the theme's macro stays
    assert f'href="_static/{icons.STYLE}' in page and 'href="_static/sevencs-book.css' in page
    css = (app.outdir / "_static" / icons.STYLE).read_text()
    assert 'font-family:"Font Awesome 6 Free";font-style:normal;font-weight:900;src:url(icons/fa-solid-900.woff)' in css
    solid = TTFont(app.outdir / "_static" / icons.FOLDER / "fa-solid-900.woff")
    table, _ = icons.icon_table((app.outdir / icons.THEME_CSS).read_text())
    assert table["fa-bars"] in solid.getBestCmap() and table["fa-anchor"] not in solid.getBestCmap()
