"""The course in the browser: a JupyterLite site built with the book.

Every lab and exercise page of the book gets a "run it in your browser" link
that opens the same notebook in JupyterLite (https://jupyterlite.readthedocs.io),
where Python runs inside the web page (Pyodide, Python compiled to
WebAssembly). Nothing is installed on the reader's computer.

As part of the course's Sphinx extension (:mod:`sevencs.publish.sphinxext`), at
book build time and without the network, it:

1. writes a copy of every notebook in ``notebooks/`` and ``exercises/`` whose
   first code cell starts with :data:`INSTALL_CODE` (it installs the course's
   package, but only under Pyodide, where ``sys.platform == "emscripten"``);
2. builds ``sevencs`` as a pure-Python wheel from the repository
   (``pip wheel . --no-deps --no-build-isolation --no-index``) and repacks the
   pure-Python packages Pyodide does not ship (:data:`EXTRA_WHEELS`) from the
   build's own environment (``wheel pack``), so ``piplite`` installs them from
   the site;
3. hands both to ``jupyterlite-sphinx``, which runs ``jupyter lite build``
   into ``_build/html/lite`` when the book is written;
4. adds the link to each lab and exercise page.

Set ``SEVENCS_LITE=0`` to build the book without the JupyterLite site (faster;
the links are left out too). Viewing the site loads Pyodide and its packages
(pandas, matplotlib...) from Pyodide's CDN; building it downloads nothing.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

ENV_VAR = "SEVENCS_LITE"
#: the folder of the built book that holds the JupyterLite site (jupyterlite-sphinx's choice)
SITE_DIR = "lite"
#: the JupyterLite app the links open: the one-notebook "Notebook" interface
APP = "notebooks"
#: the course folders whose notebooks go into the site, and get a link
FOLDERS = ("notebooks", "exercises")
#: packages the notebooks install with their dependencies: from Pyodide's own distribution
#: (loaded from its CDN), or, for ipywidgets, from the site (sqlite3 is in Pyodide's
#: standard library; naming it here would fail, as it is no package); jinja2 (with markupsafe)
#: renders every box, table and figure the course shows; for reading your own data, xlrd
#: (.xls workbooks) and wcwidth (ftfy's one dependency)
PYODIDE_PACKAGES = ("numpy", "pandas", "networkx", "matplotlib", "pillow", "ipywidgets", "jinja2", "xlrd", "wcwidth")
#: pure-Python packages Pyodide lacks, repacked as wheels from the build environment; the site
#: turns the PyPI fallback off, so these must be here: comm (the kernel itself installs it when
#: it starts), ipywidgets and its JupyterLab half, vaderSentiment, and for reading your own data
#: ftfy (Meta's downloads) and openpyxl with et_xmlfile (.xlsx workbooks)
EXTRA_WHEELS = ("comm", "vaderSentiment", "ipywidgets", "jupyterlab_widgets", "ftfy", "openpyxl", "et_xmlfile")
#: what the notebooks install from the site, without dependencies (those are in the lists above)
SITE_INSTALLS = ("vaderSentiment", "ftfy", "openpyxl", "et_xmlfile", "sevencs")
#: packages the course uses that have no pure-Python wheel for the browser, and what needs them:
#: in the browser that one kind of file says it needs the course on your own computer
DESKTOP_ONLY = {"cbor2": "reading a Bluesky repository export (.car)"}
#: where the learner's progress lives in the browser: Pyodide's in-memory file system
BROWSER_PROGRESS_DB = "/tmp/sevencs-progress.sqlite"

INSTALL_MARK = "# In your browser (JupyterLite), this first installs the course's package."
INSTALL_CODE = f"""{INSTALL_MARK}
# It takes a minute the first time; on your own computer it does nothing.
import sys

if sys.platform == "emscripten":
    import os
    import piplite

    await piplite.install({list(PYODIDE_PACKAGES)!r})
    await piplite.install({list(SITE_INSTALLS)!r}, deps=False)
    # Your progress is kept while this browser tab is open.
    os.environ.setdefault("SEVENCS_PROGRESS_DB", {BROWSER_PROGRESS_DB!r})

"""

LINK_TEXT = "Run this notebook in your browser"
LINK_NOTE = (
    " (nothing to install: Python runs inside the web page; the first start takes a minute "
    "and needs the internet; your answers there are kept until you close the tab)."
)


class LiteBuildError(ValueError):
    """The JupyterLite site could not be prepared; the message says what was expected."""


def lite_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """False when ``SEVENCS_LITE`` is ``0``, ``no``, ``false`` or ``off``; True otherwise."""
    value = (os.environ if environ is None else environ).get(ENV_VAR, "1")
    return value.strip().lower() not in {"0", "no", "false", "off"}


def with_install_code(nb: Any) -> Any:
    """A copy of a notebook whose first code cell starts with :data:`INSTALL_CODE`.

    A notebook that already starts that way is returned unchanged (as a copy).
    Raises :class:`LiteBuildError` for a notebook without a code cell.
    """
    import nbformat

    nb = nbformat.from_dict(nb)
    cell = next((c for c in nb.cells if c.cell_type == "code"), None)
    if cell is None:
        raise LiteBuildError("the notebook has no code cell; expected a first code cell that sets up the chapter")
    if not cell.source.startswith(INSTALL_MARK):
        cell.source = INSTALL_CODE + cell.source
    return nb


def write_contents(root: Path, out: Path, folders: Iterable[str] = FOLDERS) -> list[Path]:
    """Write the browser copies of every notebook in ``root/<folder>`` to ``out/<folder>``.

    Returns the written paths. Raises :class:`LiteBuildError` if a folder has no notebook.
    """
    import nbformat

    written = []
    for folder in folders:
        sources = sorted((Path(root) / folder).glob("*.ipynb"))
        if not sources:
            raise LiteBuildError(f"no notebooks in {Path(root) / folder}; expected the course's *.ipynb files there")
        (Path(out) / folder).mkdir(parents=True, exist_ok=True)
        for source in sources:
            target = Path(out) / folder / source.name
            nbformat.write(with_install_code(nbformat.read(source, as_version=4)), target)
            written.append(target)
    return written


def build_package_wheel(root: Path, out: Path) -> Path:
    """Build ``sevencs`` as a pure-Python wheel into ``out``, offline; returns its path.

    Builds from a copy of ``pyproject.toml``, ``README.md`` and ``src/`` so the
    repository gets no ``build/`` or ``*.egg-info`` folders.
    """
    root, out = Path(root), Path(out)
    missing = [name for name in ("pyproject.toml", "README.md", "src") if not (root / name).exists()]
    if missing:
        raise LiteBuildError(f"{root} is not the course repository: missing {', '.join(missing)}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sevencs-wheel-") as tmp:
        copy = Path(tmp) / "sevencs"
        shutil.copytree(root / "src", copy / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy(root / name, copy / name)
        command = [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(copy),
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--quiet",
            "--wheel-dir",
            tmp,
        ]
        return _one_wheel(command, Path(tmp), "sevencs-*-py3-none-any.whl", out, "building the sevencs wheel")


def _one_wheel(command: list[str], folder: Path, pattern: str, out: Path, doing: str) -> Path:
    """Run the command that makes one wheel in ``folder`` (matching ``pattern``) and copy it into ``out``."""
    result = subprocess.run(command, capture_output=True, text=True)
    wheels = sorted(folder.glob(pattern))
    if result.returncode != 0 or len(wheels) != 1:
        raise LiteBuildError(f"{doing} failed:\n{result.stdout}{result.stderr}")
    target = out / wheels[0].name
    shutil.copy(wheels[0], target)
    return target


def wheel_from_installed(name: str, out: Path) -> Path:
    """Repack an installed pure-Python distribution as a wheel in ``out``; returns its path.

    Only the files inside ``site-packages`` are packed (scripts and shared data,
    such as a JupyterLab extension's JavaScript, are left out: the browser
    kernel does not use them). They are copied into an unpacked-wheel folder and
    packed by ``wheel pack`` (the wheel project's own tool, offline), which names
    the file by the tags in the distribution's ``WHEEL`` file (``py3-none-any``,
    or ``py2.py3-none-any``) and writes ``RECORD`` afresh.

    No maintained tool makes a wheel of an installed distribution without its
    source or an index (``pip wheel`` needs one of the two), so choosing the
    files stays here; packing and hashing are ``wheel pack``'s.
    """
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise LiteBuildError(f"{name} is not installed; install requirements.txt first") from None
    wheel_info = dist.read_text("WHEEL") or ""
    if "Root-Is-Purelib: false" in wheel_info:
        raise LiteBuildError(f"{name} is not pure Python; Pyodide needs its own build of it")
    project = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    version = dist.version
    info_dir = f"{project}-{version}.dist-info"
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    base = Path(str(dist.locate_file("")))  # a SimplePath to the type checker; a real path here
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sevencs-repack-") as tmp:
        unpacked = Path(tmp) / f"{project}-{version}"
        for file in dist.files or []:
            parts = file.parts
            if parts[0] == ".." or "__pycache__" in parts or file.suffix == ".pyc":
                continue
            if parts[0].endswith(".dist-info"):
                if file.name in skip:
                    continue
                arcname = f"{info_dir}/{'/'.join(parts[1:])}"
            else:
                arcname = file.as_posix()
            target = unpacked / arcname
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(base / file, target)
        wheel_file = unpacked / info_dir / "WHEEL"
        if not wheel_file.is_file():  # installed by a tool that kept no WHEEL: say it is pure Python
            wheel_file.parent.mkdir(parents=True, exist_ok=True)
            wheel_file.write_text(
                "Wheel-Version: 1.0\nGenerator: sevencs.publish.lite\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
            )
        command = [sys.executable, "-m", "wheel", "pack", str(unpacked), "--dest-dir", tmp]
        return _one_wheel(command, Path(tmp), "*.whl", out, f"repacking {name} as a wheel")


def lite_url(docname: str, app: str = APP) -> str:
    """The link from a book page to its notebook in the JupyterLite site, relative to the page.

    ``lite_url("exercises/01_connection")`` is
    ``"../lite/notebooks/index.html?path=exercises/01_connection.ipynb"``.
    """
    folder = posixpath.dirname(docname)
    if folder not in FOLDERS:
        raise LiteBuildError(f"{docname!r} is not a lab or exercise page; expected one in {FOLDERS}")
    target = posixpath.relpath(f"{SITE_DIR}/{app}/index.html", start=folder)
    return f"{target}?path={docname}.ipynb"


# --- in the book build ----------------------------------------------------------------


def _staging(app: Any) -> Path:
    """``_build/lite-src`` next to ``_build/html``: the JupyterLite build's input folder."""
    return Path(app.outdir).parent / "lite-src"


def _configure(app: Any, config: Any) -> None:
    staging = _staging(app)
    config.jupyterlite_dir = str(staging)
    config.jupyterlite_content_dir = str(staging / "contents")
    config.jupyterlite_bind_ipynb_suffix = False  # myst-nb reads the notebooks


def package_root(srcdir: Path) -> Path:
    """The folder to build the ``sevencs`` wheel from: the book's own folder if it holds
    the package (``pyproject.toml`` and ``src/sevencs``), else the repository this
    module was installed from (an editable install, as ``make install`` does)."""
    for candidate in (Path(srcdir), Path(__file__).resolve().parents[3]):
        if (candidate / "pyproject.toml").is_file() and (candidate / "src" / "sevencs").is_dir():
            return candidate
    raise LiteBuildError(
        f"cannot find the sevencs source next to {srcdir}; expected pyproject.toml and src/sevencs "
        "(install the course with `make install`, or build with SEVENCS_LITE=0)"
    )


def _prepare(app: Any) -> None:
    root, staging = Path(app.srcdir), _staging(app)
    shutil.rmtree(staging / "pypi", ignore_errors=True)
    write_contents(root, staging / "contents")
    build_package_wheel(package_root(root), staging / "pypi")
    for name in EXTRA_WHEELS:
        wheel_from_installed(name, staging / "pypi")
    (staging / "jupyter_lite_config.json").write_text('{"LiteBuildConfig": {"no_sourcemaps": true}}\n')
    settings = {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Seven Cs in your browser",
            # Everything the notebooks install comes from this site or Pyodide's CDN, never PyPI.
            "litePluginSettings": {"@jupyterlite/pyodide-kernel-extension:kernel": {"disablePyPIFallback": True}},
        },
    }
    (staging / "jupyter-lite.json").write_text(json.dumps(settings, indent=1) + "\n")


def _add_link(app: Any, doctree: Any) -> None:
    from docutils import nodes

    docname = app.env.docname
    if posixpath.dirname(docname) not in FOLDERS:
        return
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    link = nodes.reference("", LINK_TEXT, refuri=lite_url(docname), internal=False)
    paragraph = nodes.paragraph(
        "", "", nodes.strong("", "", link), nodes.Text(LINK_NOTE), classes=["sevencs-lite-link"]
    )
    title = next(iter(section.findall(nodes.title)), None)
    section.insert(section.index(title) + 1 if title is not None else 0, paragraph)


def connect(app: Any) -> None:
    """Hook into a book build (called by :func:`sevencs.publish.sphinxext.setup`): build the
    JupyterLite site and link to it, unless ``SEVENCS_LITE=0``."""
    if lite_enabled():
        app.setup_extension("jupyterlite_sphinx")
        # jupyterlite-sphinx adds a Google Fonts stylesheet to every page; the site loads nothing
        # from other sites (no reader data leaks, works on an intranet), so drop it.
        app.registry.css_files[:] = [
            (name, attrs) for name, attrs in app.registry.css_files if not str(name).startswith(("http://", "https://"))
        ]
        app.connect("config-inited", _configure, priority=400)
        app.connect("builder-inited", _prepare)
        app.connect("doctree-read", _add_link)
