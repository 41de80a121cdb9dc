"""The course in the browser, in real Pyodide: the JupyterLite install step works, offline.

The JupyterLite site's kernel runs Python in Pyodide. These tests run the same
Pyodide version (pinned in tests/browser/package.json, installed from npm by
tests/browser/setup.sh) in Node, against the built site served on 127.0.0.1:

- the kernel's own start-up installs and the notebooks' install code
  (``sevencs.publish.lite.INSTALL_CODE``) run word for word, with the site's settings
  (PyPI switched off), so a package the site does not serve, or a name Pyodide
  does not know, fails here as it would in a reader's browser;
- what the site serves is installed for real and used: vaderSentiment scores a
  sentence, the progress database works in Pyodide's file system, and the
  installed ``sevencs`` has every file of the package.

What cannot be run here: Pyodide's compiled packages (numpy, pandas, matplotlib,
pillow) are on Pyodide's CDN, out of this machine's reach, so their loading is
recorded rather than performed, and ``sevencs`` itself, which needs pandas, is
not imported. Instead, the last test follows every import the notebooks make,
through the package's modules, and checks each one is provided in the browser:
by Pyodide's standard library, by a Pyodide package the install step loads, or
by a wheel the site serves.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import zipfile
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

import sevencs
from sevencs.publish import lite

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "tests" / "browser"
PYODIDE = HERE / "node_modules" / "pyodide"
HARNESS = HERE / "pyodide_install.mjs"
SETUP_HINT = "run `sh tests/browser/setup.sh` (make test does) to install it"
KERNEL_STATIC = Path("extensions/@jupyterlite/pyodide-kernel-extension/static")
#: what the kernel's worker installs when it starts (its initKernel), before any notebook runs
KERNEL_PACKAGES = ("ipykernel", "comm", "pyodide-kernel", "jedi", "ipython")
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])

PROBE = """
import importlib.metadata as md, io, json, os, sqlite3
import openpyxl
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

book = openpyxl.Workbook()
book.active.append(["Post title", "Created date"])
book.active.append(["Caf\\u00e9 opening", "09/15/2026"])
saved = io.BytesIO()
book.save(saved)
cells = [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(saved.getvalue())).active.iter_rows()]

vader = SentimentIntensityAnalyzer()
db = os.environ["SEVENCS_PROGRESS_DB"]
with sqlite3.connect(db) as connection:
    connection.execute("create table if not exists answers (value)")
    connection.execute("insert into answers values (42)")
with sqlite3.connect(db) as connection:
    stored = connection.execute("select value from answers").fetchall()
json.dumps({
    "versions": {name: md.version(name) for name in ["sevencs", "vaderSentiment", "ipywidgets",
                                                    "jupyterlab_widgets", "comm", "ftfy", "openpyxl",
                                                    "et_xmlfile"]},
    "cells": cells,
    "happy": vader.polarity_scores("We love this little nursery, the staff are wonderful!")["compound"],
    "cross": vader.polarity_scores("Terrible service, my order arrived late and broken.")["compound"],
    "db": db, "stored": stored,
    "files": sorted(str(f) for f in md.files("sevencs")),
})
"""


def _lock() -> dict:
    path = PYODIDE / "pyodide-lock.json"
    if not path.is_file():
        pytest.fail(f"Pyodide is not in {PYODIDE}; {SETUP_HINT}")
    return json.loads(path.read_text())


def _micropip() -> Path:
    version = _lock()["packages"]["micropip"]["version"]
    wheel = HERE / "wheels" / f"micropip-{version}-py3-none-any.whl"
    if not wheel.is_file():
        pytest.fail(f"micropip {version} is not in {wheel.parent}; {SETUP_HINT}")
    return wheel


def run_in_pyodide(site: str, install_code: str, probe: str, tmp: Path) -> dict:
    """Run the kernel's start-up, ``install_code`` and ``probe`` in Pyodide (see pyodide_install.mjs)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"Node.js is missing; {SETUP_HINT}")
    (tmp / "install.py").write_text(install_code)
    (tmp / "probe.py").write_text(probe)
    done = subprocess.run(
        [
            node,
            str(HARNESS),
            f"{site}{lite.SITE_DIR}/",
            str(_micropip()),
            str(tmp / "install.py"),
            str(tmp / "probe.py"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def installed(served_book, tmp_path_factory) -> dict:
    return run_in_pyodide(served_book, lite.INSTALL_CODE, PROBE, tmp_path_factory.mktemp("pyodide"))


def test_the_tests_run_the_pyodide_the_site_loads(built_book):
    static = built_book / lite.SITE_DIR / KERNEL_STATIC
    loaded = {m for js in static.glob("*.js") for m in re.findall(r"pyodide/v([0-9][^/]*)/full", js.read_text())}
    pinned = json.loads((HERE / "package.json").read_text())["devDependencies"]["pyodide"]
    assert loaded == {pinned}, "bump tests/browser/package.json's pyodide to the kernel's (npm install --save-exact)"
    assert json.loads((PYODIDE / "package.json").read_text())["version"] == pinned, SETUP_HINT


def test_the_notebooks_install_step_runs_in_pyodide(installed):
    assert installed["ok"], installed["error"]
    lock = _lock()["packages"]
    assert set(installed["loaded"]) <= set(lock), "only Pyodide's own packages come from its CDN"
    assert {name for name in lite.PYODIDE_PACKAGES if name in lock} <= set(installed["loaded"])


def test_what_the_site_serves_is_installed_in_pyodide_and_works(installed):
    probe = installed["probe"]
    expected = {
        name: metadata.version(name)
        for name in ["vaderSentiment", "ipywidgets", "jupyterlab_widgets", "comm", "ftfy", "openpyxl", "et_xmlfile"]
    }
    assert probe["versions"] == {"sevencs": sevencs.__version__, **expected}
    # ftfy is installed from the site (above), but importing it needs wcwidth, which comes from
    # Pyodide's CDN like pandas, so it is not imported here; openpyxl is, and writes and reads a workbook
    assert probe["cells"] == [["Post title", "Created date"], ["Caf\u00e9 opening", "09/15/2026"]]
    assert probe["happy"] > 0.5 and probe["cross"] < -0.5, "vaderSentiment's word list must come with it"
    assert probe["db"] == lite.BROWSER_PROGRESS_DB and probe["stored"] == [[42]]
    package = ROOT / "src"
    shipped = {
        p.relative_to(package).as_posix()
        for p in (package / "sevencs").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped <= set(probe["files"]), f"missing in the browser: {sorted(shipped - set(probe['files']))[:5]}"


def test_a_name_pyodide_does_not_know_fails_the_install_step(served_book, tmp_path):
    # sqlite3 is part of Pyodide's standard library now, not a package: asking for it fails
    # in the browser, as it did in the site's first version.
    code = lite.INSTALL_CODE.replace("'numpy', ", "'sqlite3', 'numpy', ")
    assert code != lite.INSTALL_CODE
    result = run_in_pyodide(served_book, code, PROBE, tmp_path)
    assert not result["ok"] and "sqlite3" in result["error"]


# --- every import the notebooks make is there in the browser ------------------------------


def _imports(tree: ast.Module) -> list[tuple[str, int, list[str]]]:
    """(module, level, names) for every import in a module, those inside functions included
    (they run when the function is called), but not those under ``if TYPE_CHECKING``."""
    skip = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"
        for stmt in node.body
        for n in ast.walk(stmt)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.extend((alias.name, 0, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.module or "", node.level, [alias.name for alias in node.names]))
    return found


def _source_of(module: str) -> Path | None:
    base = ROOT / "src" / Path(*module.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def outside_imports(notebook_sources: list[str]) -> dict[str, set[str]]:
    """Top-level names of every non-sevencs module the notebooks import, directly or through
    sevencs's modules (and the packages' ``__init__`` files), each with where it is imported."""
    outside: dict[str, set[str]] = {}
    todo: list[tuple[str, bool, str]] = [("a notebook", False, src) for src in notebook_sources]
    seen: set[str] = set()

    def follow(module: str) -> None:
        parts = module.split(".")
        for i in range(1, len(parts) + 1):  # importing a.b.c runs a, then a.b, then a.b.c
            name = ".".join(parts[:i])
            path = _source_of(name)
            if path is not None and name not in seen:
                seen.add(name)
                todo.append((name, path.name == "__init__.py", path.read_text()))

    while todo:
        where, is_package, source = todo.pop()
        for module, level, names in _imports(ast.parse(source)):
            if level:  # from . import x, from ..y import z: inside sevencs
                base = where.split(".")[: len(where.split(".")) - (level - 1) - (0 if is_package else 1)]
                module = ".".join([*base, module] if module else base)
            if module.split(".")[0] != "sevencs":
                outside.setdefault(module.split(".")[0], set()).add(where)
                continue
            follow(module)
            for name in names:  # from sevencs import connection: a submodule
                if _source_of(f"{module}.{name}") is not None:
                    follow(f"{module}.{name}")
    return outside


def _browser_modules() -> set[str]:
    lock = _lock()["packages"]
    with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as stdlib:
        names = {re.split(r"[/.]", n)[0] for n in stdlib.namelist()}
    names |= {
        "sys",
        "builtins",
        "_io",
        "time",
        "math",
        "posix",
        "marshal",
        "itertools",
        "_sqlite3",
        "zlib",
        "_json",
        "binascii",
        "select",
        "errno",
        "_thread",
        "gc",
    }  # built into the interpreter
    todo, loaded = [*lite.PYODIDE_PACKAGES, *KERNEL_PACKAGES], set()
    while todo:
        name = todo.pop()
        if name in loaded or name not in lock:
            continue
        loaded.add(name)
        todo.extend(lock[name]["depends"])
    names |= {imp for name in loaded for imp in lock[name]["imports"]}
    for dist in ["sevencs", *lite.EXTRA_WHEELS]:
        files = metadata.distribution(dist).files or []
        names |= {
            f.parts[0].removesuffix(".py")
            for f in files
            if not f.parts[0].endswith((".dist-info", ".egg-info", ".pth")) and f.parts[0] != ".."
        }
    return names | {"piplite", "pyodide", "pyodide_js", "js", "micropip", "ipykernel", "pyodide_kernel"}


def test_every_import_the_notebooks_make_is_there_in_the_browser():
    transform = TransformerManager().transform_cell
    sources = [lite.INSTALL_CODE]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        sources += [transform(c.source) for c in nb.cells if c.cell_type == "code"]
    outside = outside_imports(sources)
    assert {"pandas", "numpy", "matplotlib", "networkx", "ipywidgets", "vaderSentiment"} <= set(outside), (
        "the import walk must reach the chapter modules"
    )
    missing = {
        name: sorted(where)[:3]
        for name, where in outside.items()
        if name not in _browser_modules() and name not in lite.DESKTOP_ONLY
    }
    assert missing == {}, f"imported by the notebooks but not in the browser: {missing}"


def test_the_import_walk_finds_a_module_the_browser_lacks():
    outside = outside_imports(["import scipy\nfrom sevencs import launch", "from sevencs.datasets import load_posts"])
    assert "scipy" in outside and "scipy" not in _browser_modules()
    assert "pandas" in outside, "sevencs.datasets imports pandas"
