"""Colab and other fresh servers: every notebook's install cell installs the course from its repository.

The notebooks are compared with the address in _config.yml; the package's reading
of a config is checked on small configs written here. The cell is run by a real
IPython shell with the package made missing, and the pip install it asks for is
run for real against a git checkout of this repository (offline: ``git+file://``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import types
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
import yaml
from sphinx.errors import ConfigError

from sevencs.publish import assets as site
from sevencs.publish import install as launch
from sevencs.publish import lite, notebooks
from sevencs.publish.config import configured_repository

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
URL, BRANCH = CONFIG["repository"]["url"], CONFIG["repository"].get("branch", "main")
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])


def _notebook(*cells) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=list(cells))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_installs_the_course_from_the_configured_repository(path):
    nb = nbformat.read(path, as_version=4)
    codes = [c for c in nb.cells if c.cell_type == "code"]
    assert launch.is_install_cell(codes[0]), "the install cell must run before any other code"
    assert launch.installed_from(nb) == f"sevencs @ git+{URL.rstrip('/')}@{BRANCH}"
    assert "remove-cell" in codes[0].metadata.get("tags", []), "the book's readers have nothing to install"
    assert sum(launch.is_install_cell(c) for c in nb.cells) == 1


def test_without_a_config_there_is_no_repository(tmp_path):
    assert configured_repository(tmp_path) == (None, "main")


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("", (None, "main")),
        ("title: x\n", (None, "main")),
        ("title: x\nhtml:\n  url: https://no.example.org\n", (None, "main")),  # a url, but not the repository's
        ("repository:\n  path_to_book: ''\n\nhtml:\n  url: https://no.example.org\n", (None, "main")),
        ("repository:\n", (None, "main")),
        ("repository:\n  url: https://git.example.org/a/b\n", ("https://git.example.org/a/b", "main")),
        ("repository:\n  url: https://git.example.org/a/b\n  branch:\n", ("https://git.example.org/a/b", "main")),
        (
            "repository:\n  # where\n\n  url: 'https://git.example.org/a/b'\n  branch: \"trunk\"\nhtml: {}\n",
            ("https://git.example.org/a/b", "trunk"),
        ),
        (
            "repository:\n  url: https://git.example.org/a/b  # the course\n  branch: dev/2026\n",
            ("https://git.example.org/a/b", "dev/2026"),
        ),
        ("repository: {url: 'https://git.example.org/a/b', branch: v2}\n", ("https://git.example.org/a/b", "v2")),
    ],
    ids=[
        "empty file",
        "no repository block",
        "a url elsewhere",
        "a repository block without url",
        "an empty repository block",
        "default branch",
        "empty branch",
        "quoted values and comments",
        "a comment after the url",
        "flow style",
    ],
)
def test_reading_the_repository_from_a_config(tmp_path, config, expected):
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    assert configured_repository(tmp_path) == expected


def test_a_config_that_is_not_yaml_is_refused_naming_the_file(tmp_path):
    (tmp_path / "_config.yml").write_text("repository:\n  url: [https://git.example.org\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"_config.yml is not valid YAML"):
        configured_repository(tmp_path)


def _run_install_cell(tmp_path: Path, code: str, hide_sevencs: bool) -> dict:
    """Run ``code`` in a real IPython shell in a fresh Python; pip is recorded, not run.

    The fake pip magic does what a real install would: afterwards ``import sevencs`` works.
    """
    script = tmp_path / "run_cell.py"
    script.write_text(
        textwrap.dedent(f"""
        import json, sys
        from IPython.core.interactiveshell import InteractiveShell

        hidden = {hide_sevencs!r}
        if hidden:
            import builtins
            original = builtins.__import__
            def missing(name, *args, **kwargs):
                if hidden and name.split(".")[0] == "sevencs":
                    raise ModuleNotFoundError("No module named 'sevencs'", name="sevencs")
                return original(name, *args, **kwargs)
            builtins.__import__ = missing
        calls = []
        shell = InteractiveShell.instance()

        def pip(line):
            global hidden
            calls.append(line)
            hidden = False  # "installed"

        shell.register_magic_function(pip, "line", "pip")

        result = shell.run_cell({code!r})
        print(json.dumps({{"pip": calls, "ok": result.success,
                          "error": repr(result.error_in_exec or result.error_before_exec)}}))
    """)
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_install_cell_installs_the_package_only_where_it_is_missing(tmp_path):
    code = launch.install_code(URL, BRANCH)
    missing = _run_install_cell(tmp_path, code, hide_sevencs=True)
    assert missing["ok"], missing["error"]
    assert missing["pip"] == [f'install --quiet "sevencs @ git+{URL.rstrip("/")}@{BRANCH}"']
    present = _run_install_cell(tmp_path, code, hide_sevencs=False)
    assert present == {"pip": [], "ok": True, "error": "None"}


@pytest.fixture(scope="module")
def git_install(tmp_path_factory) -> Path:
    """``pip install "sevencs @ git+file://<this repository>@<HEAD>"``, as Colab does from GitHub.

    pip clones the committed files (not the working tree) and builds the wheel, so
    this catches a data file that is not committed or not declared as package data.
    """
    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("needs the course as a git repository (a clone), and git")
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("the repository has no commit yet")
    target = tmp_path_factory.mktemp("colab-site-packages")
    requirement = f"sevencs @ git+file://{ROOT}@{head.stdout.strip()}"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            requirement,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return target


def test_the_package_installed_from_git_has_its_data_and_exercises(git_install, tmp_path):
    probe = textwrap.dedent("""
        import sevencs, sevencs.publish.install
        from sevencs.datasets import load_posts, load_network
        from sevencs.exercises import CHAPTERS
        import importlib
        for chapter in CHAPTERS:
            importlib.import_module(f"sevencs.exercises.{chapter}")
        print(sevencs.__file__)
        print(len(load_posts()), load_network().number_of_nodes())
    """)
    env = {
        "PYTHONPATH": str(git_install),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SEVENCS_PROGRESS_DB": str(tmp_path / "p.sqlite"),
    }
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    location, sizes = done.stdout.split("\n")[:2]
    assert location.startswith(str(git_install)), "the probe must use the git install, not the editable one"
    posts, people = map(int, sizes.split())
    assert posts > 0 and people > 0


def test_a_notebook_gets_its_install_cell_after_its_title_once():
    nb = _notebook(nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1"))
    once = notebooks.with_install_cell(nb, URL, BRANCH)
    assert [c.cell_type for c in once.cells] == ["markdown", "code", "code"]
    assert launch.is_install_cell(once.cells[1]) and once.cells[2].source == "x = 1"
    assert len(nb.cells) == 2, "the original is left alone"
    moved = notebooks.with_install_cell(once, "https://git.example.org/me/course", "trunk")
    assert len(moved.cells) == 3 and moved.cells[1].id == once.cells[1].id
    assert launch.installed_from(moved) == "sevencs @ git+https://git.example.org/me/course@trunk"
    no_title = notebooks.with_install_cell(_notebook(nbformat.v4.new_code_cell("x = 1")), URL)
    assert launch.is_install_cell(no_title.cells[0])


@pytest.mark.parametrize(
    "url, branch",
    [
        ("http://github.com/a/b", "main"),
        ("github.com/a/b", "main"),
        ('https://x.org/a" && rm -rf ~', "main"),
        (None, "main"),
        ("https://x.org/a", "main; echo"),
        ("https://x.org/a", ""),
    ],
)
def test_a_bad_address_or_branch_is_refused_with_what_was_expected(url, branch):
    with pytest.raises(ValueError, match="Expected"):
        launch.install_code(url, branch)


def test_a_notebook_without_code_gets_a_clear_message():
    with pytest.raises(ValueError, match="no code cell"):
        notebooks.with_install_cell(_notebook(nbformat.v4.new_markdown_cell("# Title")), URL)


def test_setup_cell_is_the_chapters_setup_not_the_install_cell():
    nb = notebooks.with_install_cell(_notebook(nbformat.v4.new_code_cell("G = 1")), URL)
    assert notebooks.setup_cell(nb) == "G = 1"


def _fake_colab(monkeypatch) -> list[str]:
    calls: list[str] = []
    output = types.ModuleType("google.colab.output")
    output.enable_custom_widget_manager = lambda: calls.append("enabled")
    colab = types.ModuleType("google.colab")
    colab.output = output
    for name, module in {
        "google": types.ModuleType("google"),
        "google.colab": colab,
        "google.colab.output": output,
    }.items():
        monkeypatch.setitem(sys.modules, name, module)
    return calls


def test_after_install_in_colab_switches_on_the_widget_manager(monkeypatch, capsys):
    calls = _fake_colab(monkeypatch)
    assert launch.after_install() is True
    assert calls == ["enabled"] and capsys.readouterr().out == ""


def test_after_install_elsewhere_leaves_the_widget_manager_alone(monkeypatch):
    calls = _fake_colab(monkeypatch)
    assert launch.after_install({"ipywidgets": SimpleNamespace(__version__="8.1.5")}) is True
    assert calls == []


def test_after_install_asks_for_a_restart_when_an_old_ipywidgets_was_loaded(capsys):
    assert launch.after_install({"ipywidgets": SimpleNamespace(__version__="7.7.1")}) is False
    said = capsys.readouterr().out
    assert "7.7.1" in said and "Restart session" in said
    assert launch.after_install({}) is True, "ipywidgets not loaded yet: the new one will be"


def _app(srcdir: Path, url: str | None) -> SimpleNamespace:
    options = {"repository_url": url, "repository_branch": BRANCH} if url else {}
    return SimpleNamespace(srcdir=str(srcdir), config=SimpleNamespace(html_theme_options=options))


def test_the_book_refuses_to_build_when_a_notebook_installs_from_elsewhere(tmp_path):
    for folder in lite.FOLDERS:
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.html"))
    site._check_install_cells(_app(tmp_path, URL))  # as shipped: fine
    with pytest.raises(ConfigError, match="install-cell") as refused:
        site._check_install_cells(_app(tmp_path, "https://git.example.org/me/fork"))
    assert str(refused.value).startswith(f"{len(NOTEBOOKS)} notebooks do not install the course")
    site._check_install_cells(_app(tmp_path, None))  # no repository configured: nothing to check


def test_the_install_cell_command_checks_and_rewrites_notebooks(tmp_path, capsys):
    (tmp_path / "_config.yml").write_text("repository:\n  url: https://git.example.org/me/fork\n  branch: dev\n")
    copies = []
    for path in NOTEBOOKS[:2]:
        copies.append(tmp_path / path.name)
        shutil.copy(path, copies[-1])
    args = ["install-cell", "--config-dir", str(tmp_path), *map(str, copies)]
    assert notebooks.main([*args[:1], "--check", *args[1:]]) == 1
    assert "2 of 2 notebooks need" in capsys.readouterr().out
    assert notebooks.main(args) == 0
    assert notebooks.main([*args[:1], "--check", *args[1:]]) == 0
    fixed = nbformat.read(copies[0], as_version=4)
    assert launch.installed_from(fixed) == "sevencs @ git+https://git.example.org/me/fork@dev"
    (tmp_path / "_config.yml").write_text("title: no repository\n")
    assert notebooks.main(args) == 2
    assert "No repository url" in capsys.readouterr().err


def test_the_published_pages_hide_the_install_cell(built_book):
    for page in ["notebooks/01_connection_lab.html", "exercises/01_connection.html"]:
        html = (built_book / page).read_text()
        assert launch.INSTALL_MARK.split("?")[0] not in html.replace("&#39;", "'")
        assert "cell_output" in html or "cell docutils container" in html, f"{page} should still show its cells"
