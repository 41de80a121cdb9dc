"""The JupyterLite site: notebooks and wheels for running the course in a browser.

Fast tests check the pieces (install code, wheels, links) directly; the slow
ones build the book once with the JupyterLite site and check what it holds.
"""

from __future__ import annotations

import ast
import base64
import csv
import hashlib
import io
import json
import os
import re
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup

import sevencs
from sevencs.publish import lite

ROOT = Path(__file__).resolve().parents[1]
COURSE_NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for f in lite.FOLDERS for p in (ROOT / f).glob("*.ipynb"))


def test_lite_is_on_unless_switched_off():
    assert lite.lite_enabled({})
    assert lite.lite_enabled({"SEVENCS_LITE": "1"})
    for off in ("0", "no", "False", " off "):
        assert not lite.lite_enabled({"SEVENCS_LITE": off})


def test_the_install_code_runs_only_in_the_browser_and_installs_the_package():
    tree = ast.parse(lite.INSTALL_CODE)  # top-level await inside `if` still parses
    guard = next(node for node in tree.body if isinstance(node, ast.If))
    assert ast.unparse(guard.test) == "sys.platform == 'emscripten'"
    code = ast.unparse(guard)
    assert "'sevencs'" in code and "'vaderSentiment'" in code and "deps=False" in code
    assert lite.BROWSER_PROGRESS_DB in code
    # Outside Pyodide the cell does nothing: running it changes no environment variable.
    before = dict(os.environ)
    exec(compile("\n".join(ln for ln in lite.INSTALL_CODE.splitlines() if "await" not in ln), "<cell>", "exec"), {})
    assert dict(os.environ) == before


def test_the_install_code_goes_first_in_the_first_code_cell_once():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Title"),
            nbformat.v4.new_code_cell("import pandas as pd"),
            nbformat.v4.new_code_cell("x = 1"),
        ]
    )
    once = lite.with_install_code(nb)
    assert once.cells[1].source == lite.INSTALL_CODE + "import pandas as pd"
    assert once.cells[2].source == "x = 1" and once.cells[0].source == "# Title"
    assert nb.cells[1].source == "import pandas as pd", "the original is left alone"
    assert lite.with_install_code(once).cells[1].source == once.cells[1].source


def test_a_notebook_without_code_is_refused_clearly():
    with pytest.raises(lite.LiteBuildError, match="no code cell"):
        lite.with_install_code(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("hi")]))


def test_write_contents_copies_every_course_notebook(tmp_path):
    written = lite.write_contents(ROOT, tmp_path)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == COURSE_NOTEBOOKS
    for path in written:
        original = nbformat.read(ROOT / path.relative_to(tmp_path), as_version=4)
        copy = nbformat.read(path, as_version=4)
        nbformat.validate(copy)
        first = next(c for c in copy.cells if c.cell_type == "code")
        assert first.source.startswith(lite.INSTALL_CODE)
        assert first.source.endswith(next(c for c in original.cells if c.cell_type == "code").source)
        assert len(copy.cells) == len(original.cells)


def test_write_contents_names_an_empty_folder(tmp_path):
    (tmp_path / "notebooks").mkdir()
    with pytest.raises(lite.LiteBuildError, match=r"no notebooks in .*notebooks"):
        lite.write_contents(tmp_path, tmp_path / "out", folders=["notebooks"])


def _record_is_valid(whl: zipfile.ZipFile) -> None:
    record = next(n for n in whl.namelist() if n.endswith(".dist-info/RECORD"))
    rows = list(csv.reader(io.StringIO(whl.read(record).decode())))
    assert sorted(r[0] for r in rows) == sorted(whl.namelist())
    for name, digest, size in rows:
        if name == record:
            continue
        data = whl.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == f"sha256={expected}" and int(size) == len(data), name


@pytest.fixture(scope="module")
def package_wheel(tmp_path_factory) -> Path:
    return lite.build_package_wheel(ROOT, tmp_path_factory.mktemp("wheel"))


def test_the_package_wheel_is_pure_python_with_its_data(package_wheel):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert package_wheel.name == f"sevencs-{version}-py3-none-any.whl"
    assert version == sevencs.__version__
    with zipfile.ZipFile(package_wheel) as whl:
        names = whl.namelist()
        _record_is_valid(whl)
    shipped = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src/sevencs/datasets/data").rglob("*.csv")}
    assert shipped and shipped <= set(names)
    assert "sevencs/course/engine.py" in names and "sevencs/publish/lite.py" in names
    assert not any(n.endswith((".so", ".pyd", ".pyc")) for n in names)
    assert not (ROOT / "build").exists() or "build" in (ROOT / ".gitignore").read_text()


def test_a_folder_that_is_not_the_repository_is_refused(tmp_path):
    with pytest.raises(lite.LiteBuildError, match=r"missing pyproject.toml, README.md, src"):
        lite.build_package_wheel(tmp_path, tmp_path / "out")


@pytest.mark.parametrize("name", lite.EXTRA_WHEELS)
def test_extra_wheels_are_repacked_from_the_environment(tmp_path, name):
    path = lite.wheel_from_installed(name, tmp_path)
    dist = metadata.distribution(name)
    # named by the installed WHEEL file's tags: py3-none-any, or py2.py3-none-any for a universal wheel
    tags = re.findall(r"^Tag: (.+)$", dist.read_text("WHEEL") or "", re.MULTILINE)
    assert "py3-none-any" in tags
    pythons = ".".join(sorted({t.split("-")[0] for t in tags}))
    assert path.name == f"{re.sub(r'[-_.]+', '_', dist.metadata['Name'])}-{dist.version}-{pythons}-none-any.whl"
    modules = [f for f in dist.files if f.suffix == ".py" and f.parts[0] != ".." and "__pycache__" not in f.parts]
    with zipfile.ZipFile(path) as whl:
        _record_is_valid(whl)
        names = whl.namelist()
        meta = whl.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        wheel = whl.read(next(n for n in names if n.endswith(".dist-info/WHEEL"))).decode()
        assert modules and {m.as_posix() for m in modules} <= set(names)
        assert all(whl.read(m.as_posix()) == m.locate().read_bytes() for m in modules), "the installed code, as is"
    assert f"Version: {dist.version}" in meta and "Root-Is-Purelib: true" in wheel
    assert not any(
        n.startswith("..") or "__pycache__" in n or n.endswith(("INSTALLER", "direct_url.json")) for n in names
    )


def test_a_missing_or_compiled_package_is_refused(tmp_path):
    with pytest.raises(lite.LiteBuildError, match="not installed"):
        lite.wheel_from_installed("no-such-package-here", tmp_path)
    with pytest.raises(lite.LiteBuildError, match="not pure Python"):
        lite.wheel_from_installed("numpy", tmp_path)


@pytest.mark.parametrize("docname", [p.removesuffix(".ipynb") for p in COURSE_NOTEBOOKS])
def test_each_link_leads_from_its_page_to_its_notebook(docname):
    url = lite.lite_url(docname)
    page = f"https://example.org/book/{docname}.html"
    resolved = urlsplit(urljoin(page, url))
    assert resolved.path == f"/book/{lite.SITE_DIR}/{lite.APP}/index.html"
    assert parse_qs(resolved.query) == {"path": [f"{docname}.ipynb"]}


def test_chapter_pages_get_no_link():
    with pytest.raises(lite.LiteBuildError, match="not a lab or exercise page"):
        lite.lite_url("book/connection")


# --- the built site -------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(built_book) -> Path:
    """The book as `make test` builds it once (tests/conftest.py), JupyterLite site included."""
    return built_book


def test_the_site_holds_every_course_notebook_with_the_install_code(built_site):
    files = built_site / lite.SITE_DIR / "files"
    found = sorted(p.relative_to(files).as_posix() for p in files.rglob("*.ipynb"))
    assert found == COURSE_NOTEBOOKS
    for name in found:
        nb = nbformat.read(files / name, as_version=4)
        assert next(c for c in nb.cells if c.cell_type == "code").source.startswith(lite.INSTALL_CODE)


def test_the_site_serves_the_package_wheel_of_this_version(built_site):
    pypi = built_site / lite.SITE_DIR / "pypi"
    wheels = {p.name for p in pypi.glob("*.whl")}
    assert f"sevencs-{sevencs.__version__}-py3-none-any.whl" in wheels
    for name in lite.EXTRA_WHEELS:
        assert any(w.lower().startswith(re.sub(r"[-_.]+", "_", name).lower() + "-") for w in wheels), name
    index = json.loads((pypi / "all.json").read_text())
    releases = index["sevencs"]["releases"]
    assert list(releases) == [sevencs.__version__]
    with zipfile.ZipFile(pypi / f"sevencs-{sevencs.__version__}-py3-none-any.whl") as whl:
        meta = whl.read(f"sevencs-{sevencs.__version__}.dist-info/METADATA").decode()
    assert f"Version: {sevencs.__version__}" in meta


def test_the_site_needs_no_pypi_and_downloaded_no_pyodide(built_site):
    config = json.loads((built_site / lite.SITE_DIR / "jupyter-lite.json").read_text())["jupyter-config-data"]
    kernel = config["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert any("pypi/all.json" in url for url in kernel.get("pipliteUrls", []))
    assert not (built_site / lite.SITE_DIR / "static" / "pyodide").exists()


def lite_links(page: Path) -> list[str]:
    """The page's links into the JupyterLite site (entities decoded)."""
    soup = BeautifulSoup(page.read_text(), "html.parser")
    return [
        a["href"] for a in soup.find_all("a", class_="reference external") if f"/{lite.SITE_DIR}/" in a.get("href", "")
    ]


@pytest.mark.parametrize("notebook", COURSE_NOTEBOOKS)
def test_each_lab_and_exercise_page_links_to_its_notebook_in_the_site(built_site, notebook):
    page = built_site / notebook.replace(".ipynb", ".html")
    links = lite_links(page)
    assert len(links) == 1, links
    resolved = urlsplit(urljoin(page.as_uri(), links[0]))
    assert Path(resolved.path).is_file()
    (path,) = parse_qs(resolved.query)["path"]
    assert path == notebook
    assert (built_site / lite.SITE_DIR / "files" / path).is_file()


def test_chapter_pages_have_no_browser_link(built_site):
    for page in (built_site / "book").glob("*.html"):
        assert not lite_links(page), page.name


def test_the_wheel_is_built_from_the_book_folder_or_the_installed_repository(tmp_path):
    assert lite.package_root(ROOT) == ROOT
    # A copy of the book without the package (as tests/test_book.py builds) uses the repository.
    assert lite.package_root(tmp_path) == ROOT


def test_no_package_source_anywhere_is_explained(tmp_path, monkeypatch):
    monkeypatch.setattr(lite, "__file__", str(tmp_path / "site-packages" / "sevencs" / "lite.py"))
    with pytest.raises(lite.LiteBuildError, match="SEVENCS_LITE=0"):
        lite.package_root(tmp_path)
