"""The published site: no CDN, saved widgets with their renderer, launch buttons, the Pages workflow.

The site tests use the session's built book (the ``built_book`` fixture in
conftest.py: built once per test run, shared with tests/test_book.py and the
browser tests). What the site must link to is worked out here from the
repository's own files (_config.yml, package-lock.json, ipywidgets' version),
not copied from the build. The extension behind the launch buttons and the widget
files (sevencs.publish.assets) is also tested on its own, on a two-page book
(tests/roots/test-assets) that builds in seconds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from sphinx.errors import ConfigError

from book import EXPLORERS
from sevencs.publish import assets as site
from sevencs.widgets import static

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
LABS = sorted(path.stem for path in (ROOT / "notebooks").glob("0*_lab.ipynb"))
EXERCISES = sorted(path.stem for path in (ROOT / "exercises").glob("0*.ipynb"))
CHAPTERS = sorted(path.stem for path in (ROOT / "book").glob("*.md"))
WIDGET_FILES = list(site.WIDGET_FILES)
STATE_TYPE = "application/vnd.jupyter.widget-state+json"
READ_LIVE = "Reading this on the web?"


# --- reading pages ----------------------------------------------------------------------------------


def read(page_html: str) -> BeautifulSoup:
    return BeautifulSoup(page_html, "html.parser")


def scripts(page_html: str) -> list[str]:
    """The addresses the page loads scripts from (<script src>), in order."""
    return [src for script in read(page_html).find_all("script") if (src := script.get("src"))]


def anchors(page_html: str) -> list[str]:
    """Where the page's links lead (<a href>), entities decoded."""
    return [href for a in read(page_html).find_all("a") if (href := a.get("href"))]


def external_assets(page_html: str) -> list[str]:
    """Scripts and stylesheets (and fonts, icons, preloads) a page would fetch from another site."""
    page = read(page_html)
    loaded = [src for script in page.find_all("script") if (src := script.get("src"))]
    loaded += [
        href
        for link in page.find_all("link")
        if (href := link.get("href")) and " ".join(link.get("rel", [])).lower() not in ("canonical", "alternate")
    ]
    return [url for url in loaded if re.match(r"^\s*(https?:)?//", url, flags=re.IGNORECASE)]


def widget_states(page_html: str) -> list[dict]:
    """The saved widget states embedded in a page."""
    pattern = re.compile(r'<script type="' + re.escape(STATE_TYPE) + r'">(.*?)</script>', re.DOTALL)
    return [json.loads(block) for block in pattern.findall(page_html)]


def pages(built_book: Path) -> list[Path]:
    return sorted(built_book.rglob("*.html"))


# --- the scanner itself catches what it must ---------------------------------------------------------


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="https://cdn.jsdelivr.net/npm/x.js"></script>',
        '<script src="HTTP://example.org/x.js"></script>',
        '<script src="//cdnjs.cloudflare.com/require.min.js"></script>',
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
        '<link rel="preload" as="font" href="http://example.org/font.woff2">',
    ],
)
def test_the_scanner_finds_assets_from_other_sites(snippet):
    assert external_assets(f"<html><head>{snippet}</head></html>") != []


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="../_static/widgets/require.js"></script>',
        '<link rel="stylesheet" href="_static/styles/theme.css">',
        '<a href="https://mybinder.org/v2/gh/o/r/main">Binder</a>',
        '<script>var url = "https://example.org/not-loaded";</script>',
    ],
)
def test_the_scanner_lets_local_assets_and_plain_links_through(snippet):
    assert external_assets(f"<html><body>{snippet}</body></html>") == []


# --- sevencs.publish.assets: launch buttons only on notebooks ---------------------------------------------------


@pytest.mark.parametrize(
    "source, expected",
    [
        ("notebooks/07_clients_lab.ipynb", True),
        (Path("/x/exercises/01_connection.IPYNB"), True),
        ("book/clients.md", False),
        ("book/glossary.md", False),
        ("notebooks/07_clients_lab.ipynb.md", False),
    ],
)
def test_launch_buttons_only_on_pages_made_from_notebooks(source, expected):
    assert site.launches_here(source) is expected


@pytest.mark.parametrize("bad", ["", None, 3, ["a.ipynb"]])
def test_launches_here_refuses_what_is_not_a_path(bad):
    with pytest.raises(ValueError, match="path of a page's source"):
        site.launches_here(bad)


def test_without_launch_buttons_keeps_every_other_button_in_order():
    buttons = [
        {"label": "download-buttons"},
        {"label": site.LAUNCH_GROUP, "buttons": []},
        {"label": "fullscreen-button"},
        "not a dict",
    ]
    assert site.without_launch_buttons(buttons) == [buttons[0], buttons[2], buttons[3]]
    assert site.without_launch_buttons([]) == []


@pytest.mark.parametrize("bad", [None, {"label": site.LAUNCH_GROUP}, "launch-buttons"])
def test_without_launch_buttons_refuses_what_is_not_a_list(bad):
    with pytest.raises(ValueError, match="list of header buttons"):
        site.without_launch_buttons(bad)


def test_missing_widget_files_names_each_absent_or_empty_file(tmp_path):
    assert site.missing_widget_files(tmp_path) == list(site.WIDGET_FILES)
    folder = tmp_path / site.VENDOR / "widgets"
    folder.mkdir(parents=True)
    (folder / "require.js").write_text("define = 1;")
    (folder / "embed-amd.js").write_text("")  # an interrupted copy
    assert site.missing_widget_files(str(tmp_path)) == ["assets-path.js", "embed-amd.js"]
    for name in site.WIDGET_FILES:
        (folder / name).write_text("x")
    assert site.missing_widget_files(tmp_path) == []


@pytest.mark.parametrize("bad", ["", None, 7])
def test_missing_widget_files_refuses_what_is_not_a_folder(bad):
    with pytest.raises(ValueError, match="book's root folder"):
        site.missing_widget_files(bad)


def test_the_repository_has_its_widget_files_after_make_widgets():
    assert site.missing_widget_files(ROOT) == [], "run `make widgets`"


# --- sevencs.publish.assets on a two-page book (tests/roots/test-assets) -----------------------------

#: What the tiny book's conf.py configures: its repository and the start of each launch link.
TINY_BINDER = "https://mybinder.org/v2/gh/seven-cs/seven-cs/main?urlpath=lab/tree/lab.ipynb"
TINY_LAUNCHES = (
    "https://mybinder.org/v2/",
    "https://colab.research.google.com/github/",
    "https://jupyterhub.example.org/hub/user-redirect/",
)


def tiny_launch_links(page: Path) -> list[str]:
    return [link for link in anchors(page.read_text()) if link.startswith(TINY_LAUNCHES)]


@pytest.mark.sphinx(
    "html", testroot="assets", srcdir="assets-plain", freshenv=True, confoverrides={"extensions": ["myst_nb"]}
)
def test_without_the_extension_the_theme_puts_launch_buttons_on_chapter_pages_too(app):
    """What the extension is for: sphinx-book-theme alone offers launch links a chapter page cannot open."""
    app.build()
    assert len(tiny_launch_links(app.outdir / "chapter.html")) == 3


@pytest.mark.sphinx("html", testroot="assets", srcdir="assets", freshenv=True)
def test_the_extension_keeps_launch_buttons_only_on_notebook_pages(app):
    app.build()
    lab = tiny_launch_links(app.outdir / "lab.html")
    assert TINY_BINDER in lab and len(lab) == 3
    assert tiny_launch_links(app.outdir / "chapter.html") == []
    for name in WIDGET_FILES:  # and the widget files are published as _static/widgets, unchanged
        published = app.outdir / "_static" / "widgets" / name
        assert published.read_text() == (app.srcdir / site.VENDOR / "widgets" / name).read_text()


@pytest.mark.sphinx("html", testroot="assets", srcdir="assets-no-renderer", freshenv=True)
def test_a_book_without_its_widget_files_stops_and_says_what_to_run(make_app, app_params):
    (app_params.kwargs["srcdir"] / site.VENDOR / "widgets" / "embed-amd.js").unlink()
    with pytest.raises(ConfigError, match=r"missing from _vendor/widgets \(embed-amd\.js\)\. Run `make widgets`"):
        make_app(*app_params.args, **app_params.kwargs)


# --- the vendored renderer matches ipywidgets and the config uses it ------------------------------------


def test_the_locked_widget_renderer_is_the_one_ipywidgets_expects():
    from ipywidgets._version import __html_manager_version__ as wanted  # e.g. "^1.0.1"

    lock = json.loads((ROOT / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/@jupyter-widgets/html-manager"]["version"]
    assert lock["packages"][""]["dependencies"]["@jupyter-widgets/html-manager"] == locked  # pinned exactly
    caret = re.fullmatch(r"\^(\d+)\.(\d+)\.(\d+)", wanted)
    assert caret, f"unexpected html-manager range {wanted!r}"
    have = tuple(int(part) for part in locked.split("."))
    need = tuple(int(part) for part in caret.groups())
    assert have[0] == need[0] and have >= need, f"html-manager {locked} does not satisfy {wanted}"
    assert "node_modules/requirejs" in lock["packages"]


def test_the_book_loads_widget_code_only_from_its_own_static_folder():
    configured = CONFIG["sphinx"]["config"]["nb_ipywidgets_js"]
    assert list(configured) == [f"widgets/{name}" for name in WIDGET_FILES]  # RequireJS first
    assert not any("//" in url for url in configured)
    assert "recursive_update" not in CONFIG["sphinx"]  # would merge myst-nb's CDN defaults back in


# --- the built site -----------------------------------------------------------------------------------


def test_no_page_loads_scripts_or_styles_from_another_site(built_book):
    offenders = {
        str(page.relative_to(built_book)): bad
        for page in pages(built_book)
        if (bad := external_assets(page.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_widget_renderer_is_in_the_site(built_book):
    folder = built_book / "_static" / "widgets"
    for name in WIDGET_FILES:
        assert (folder / name).stat().st_size > 0, name
    source = ROOT / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js"
    if source.exists():  # after `make widgets`: the site carries the locked renderer, unchanged
        assert (folder / "embed-amd.js").read_bytes() == source.read_bytes()
    assert "define" in (folder / "require.js").read_text()[:20000]


@pytest.mark.parametrize("lab", LABS)
def test_pages_with_saved_widgets_show_one_and_load_the_local_renderer_when_needed(built_book, lab):
    """Saved widget state only with a widget shown; its renderer through the loader, from the site itself."""
    page = built_book / "notebooks" / f"{lab}.html"
    text = page.read_text(encoding="utf-8")
    states = widget_states(text)
    views = [
        json.loads(view)["model_id"]
        for view in re.findall(
            r'<script type="application/vnd\.jupyter\.widget-view\+json">(.*?)</script>', text, flags=re.DOTALL
        )
    ]
    loaded = [Path(urlparse(src).path).name for src in scripts(text)]
    assert not set(WIDGET_FILES) & set(loaded), "the page loads the widget renderer with itself"
    if not views:
        assert states == [] and "sevencs-widgets.js" not in loaded
        return
    assert len(states) == 1 and set(views) <= set(states[0]["state"]), "a shown widget's model is not saved"
    (loader,) = [src for src in scripts(text) if urlparse(src).path.endswith("sevencs-widgets.js")]
    folder = Path(urlparse(urljoin(page.as_uri(), loader)).path).parent / "widgets"
    for name in WIDGET_FILES:  # where the loader looks for them (next to itself, in widgets/)
        assert (folder / name).is_file(), f"{name} is not where the loader of {lab} looks"
    assert "widgets/" in (ROOT / "src" / "sevencs" / "publish" / "static" / "sevencs-widgets.js").read_text()


@pytest.mark.parametrize("lab", sorted(EXPLORERS))
def test_every_explorer_shows_its_default_figure_and_numbers_in_the_book(built_book, lab):
    import importlib

    module, name = EXPLORERS[lab].split(":")
    explorer = getattr(importlib.import_module(module), name)()  # built here, independently of the book
    text = (built_book / "notebooks" / f"{lab}.html").read_text(encoding="utf-8")
    shown = read(text).select(".sevencs-explorer")
    assert shown, "no explorer in the page"
    figure = shown[0].select_one(".sevencs-explorer-figure img.sevencs-figure")
    assert figure["alt"] == explorer.alt, "the default figure's alt text is missing"
    # a file of its own, loaded lazily, as every figure of the book (sevencs.publish.images)
    page_folder = built_book / "notebooks"
    assert (page_folder / figure["src"]).read_bytes() == explorer.png, "the default figure is not the explorer's"
    phone = shown[0].select_one(".sevencs-explorer-figure picture > source")
    assert (page_folder / phone["srcset"].split()[0]).read_bytes() == static.for_phones(explorer)[1]
    numbers = " ".join(shown[0].select_one(".sevencs-explorer-numbers").get_text(" ").split())
    assert numbers == " ".join(read(explorer.numbers.value).get_text(" ").split()), "the default numbers are missing"
    # and one line above each explorer tells the reader how to run it live
    explorers_in_page = len(re.findall(r"Explorer\(", (ROOT / "notebooks" / f"{lab}.ipynb").read_text()))
    assert text.count(READ_LIVE) == explorers_in_page == len(shown) >= 1


def _repo() -> tuple[str, str, str, str]:
    url = CONFIG["repository"]["url"].rstrip("/")
    org, repo = urlparse(url).path.strip("/").split("/")[:2]
    return url, org, repo, CONFIG["repository"]["branch"]


def _launch_links(page: Path) -> list[str]:
    """Links that launch a notebook: Binder, Colab or the JupyterHub (not plain links to those sites)."""
    buttons = CONFIG["launch_buttons"]
    starts = (
        buttons["binderhub_url"].rstrip("/") + "/v2/",
        buttons["colab_url"].rstrip("/") + "/github/",
        buttons["jupyterhub_url"].rstrip("/") + "/hub/user-redirect/",
    )
    return [link for link in anchors(page.read_text(encoding="utf-8")) if link.startswith(starts)]


@pytest.mark.parametrize("notebook", [f"notebooks/{n}" for n in LABS] + [f"exercises/{n}" for n in EXERCISES])
def test_notebook_pages_have_binder_jupyterhub_and_colab_buttons(built_book, notebook):
    url, org, repo, branch = _repo()
    buttons = CONFIG["launch_buttons"]
    links = _launch_links(built_book / f"{notebook}.html")
    path = f"{notebook}.ipynb"
    binder = f"{buttons['binderhub_url'].rstrip('/')}/v2/gh/{org}/{repo}/{branch}?urlpath=lab/tree/{path}"
    colab = f"{buttons['colab_url'].rstrip('/')}/github/{org}/{repo}/blob/{branch}/{path}"
    assert binder in links
    assert colab in links
    hub = [link for link in links if link.startswith(buttons["jupyterhub_url"].rstrip("/") + "/hub/")]
    assert len(hub) == 1
    query = parse_qs(urlparse(hub[0]).query)
    assert query["repo"] == [url] and query["branch"] == [branch]
    assert query["urlpath"] == [f"lab/tree/{repo}/{path}"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_pages_have_no_launch_buttons_that_could_not_open_them(built_book, chapter):
    page = built_book / "book" / f"{chapter}.html"
    if not page.exists():
        pytest.skip(f"book/{chapter}.md is not in the table of contents")
    assert _launch_links(page) == []


def _download_links(built_book: Path, page: Path) -> list[Path]:
    found = []
    for href in anchors(page.read_text(encoding="utf-8")):
        target = Path(urlparse(urljoin(page.as_uri(), href)).path)
        if "_sources" in target.parts:
            found.append(target)
    return found


@pytest.mark.parametrize(
    "page", [f"notebooks/{n}" for n in LABS] + [f"exercises/{n}" for n in EXERCISES] + [f"book/{c}" for c in CHAPTERS]
)
def test_pages_with_code_offer_their_notebook_for_download(built_book, page):
    html_page = built_book / f"{page}.html"
    if not html_page.exists():
        pytest.skip(f"{page} is not in the table of contents")
    source = next((ROOT / page).parent.glob(Path(page).name + ".*"))
    if source.suffix == ".md" and "kernelspec" not in source.read_text(encoding="utf-8")[:600]:
        pytest.skip(f"{page} has no code")
    notebooks = [target for target in _download_links(built_book, html_page) if target.suffix == ".ipynb"]
    assert notebooks, f"{page} offers no .ipynb download"
    for target in notebooks:
        assert json.loads(target.read_text(encoding="utf-8"))["cells"], f"{target} is not a notebook"


# --- publishing ---------------------------------------------------------------------------------------


def test_the_pages_workflow_builds_with_make_book_and_deploys_the_html():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    on = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on:` key as True
    assert CONFIG["repository"]["branch"] in on["push"]["branches"]
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    runs = [step["run"] for step in steps if "run" in step]
    assert any(re.search(r"(^|\s)make book(\s|$)", run) for run in runs)
    upload = [step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "_build/html"
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in steps)
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_make_book_and_make_test_fetch_the_widget_files_first():
    makefile = (ROOT / "Makefile").read_text()
    for target in ("book", "test"):
        line = re.search(rf"^{target}:([^#\n]*)", makefile, flags=re.MULTILINE)
        assert line and "widgets" in line.group(1).split(), f"`make {target}` does not depend on widgets"
    assert re.search(r"^node_modules/\.installed: package\.json package-lock\.json", makefile, flags=re.MULTILINE)
    assert "npm ci" in makefile
