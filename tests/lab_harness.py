"""A real JupyterLab on 127.0.0.1 and Debian's Chromium, as a learner meets the course.

Used by the end-to-end tests (tests/test_lab_*.py) and by the latency benchmark
(benchmarks/lab_latency.py). :func:`running_lab` copies the course's notebooks
into a fresh folder, starts ``jupyter lab`` there with its own settings,
workspaces and progress file (nothing of the machine's own JupyterLab or the
learner's progress is read or written), waits until it answers and stops it,
with every kernel it started, when the block ends. :func:`chromium` starts the
browser the same way the book's browser tests do: never Playwright's own
download.

``window.jupyterapp`` is exposed (``--LabApp.expose_app_in_browser``), so a
test runs JupyterLab's own commands (run all cells, restart the kernel) the way
the menus do, instead of hunting for menu items.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "lab-screenshots"  # the end-to-end tests' views, to look at after a run
#: Outputs JupyterLab shows for an error or for anything written to stderr (a warning, say).
ERROR_OUTPUTS = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
CHROMIUM = Path("/usr/bin/chromium")
SETUP_HINT = "run `sh tests/browser/setup.sh` (make test does) to install it"
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# JupyterLab's own settings for the tests: no news or update checks (they would go to the internet and
# put a notification over the notebook).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False}
}


def chromium_args() -> list[str]:
    """Chromium's flags for a headless run here (no sandbox as root, where Chromium refuses it)."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return [*CHROMIUM_ARGS, *(["--no-sandbox"] if root else [])]


@contextlib.contextmanager
def chromium(playwright):
    """Debian's Chromium, headless; closed when the block ends."""
    if not CHROMIUM.exists():
        raise RuntimeError(f"Chromium is not at {CHROMIUM}; {SETUP_HINT}")
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=chromium_args())
    try:
        yield browser
    finally:
        browser.close()


@dataclass(frozen=True)
class Lab:
    """A running JupyterLab: its address, its token and the folder it serves."""

    url: str
    token: str
    root: Path
    progress_db: Path

    def notebook_url(self, path: str) -> str:
        """The address that opens ``path`` (relative to :attr:`root`) in JupyterLab, with the token."""
        return f"{self.url}lab/tree/{path}?token={self.token}&reset"

    def api(self, path: str) -> object:
        """GET one of the server's REST endpoints (``api/kernels``, say), as JSON."""
        request = urllib.request.Request(f"{self.url}{path}", headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_course(root: Path) -> None:
    """The learner's folder: the labs and exercise notebooks as shipped (and the book's sources, which the
    notebooks' first cells never need but a learner's clone has)."""
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "*.html"))


@contextlib.contextmanager
def running_lab(root: Path, timeout: float = 60.0) -> Iterator[Lab]:
    """JupyterLab serving ``root`` on 127.0.0.1 until the block ends (the course is copied there first)."""
    copy_course(root)
    home = root.parent / f"{root.name}-jupyter"
    settings = home / "settings"
    for name, values in SETTINGS.items():
        file = settings / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps(values))
    port, token = free_port(), secrets.token_hex(16)
    progress_db = home / "progress.sqlite"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "SEVENCS_PROGRESS_DB": str(progress_db),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("SEVENCS_BOOK", None)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        "--LabServerApp.open_browser=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # a container's only user; JupyterLab refuses root without it
    log = (home / "lab.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    lab = Lab(f"http://127.0.0.1:{port}/", token, root, progress_db)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterLab stopped at start:\n{(home / 'lab.log').read_text()[-3000:]}")
            try:
                lab.api("api/status")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s") from None
                time.sleep(0.2)
        yield lab
    finally:
        stop_group(process)  # the server and the kernels it started
        log.close()


def stop_group(process: subprocess.Popen) -> None:
    """Stop a server started with ``start_new_session=True`` and everything it started: SIGTERM to its process
    group, then SIGKILL after 15 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


# ---------------------------------------------------------------- driving a notebook in the page

WAIT_IDLE = """async () => {
  const panel = window.jupyterapp.shell.currentWidget;
  await panel.context.ready;
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session.kernel;
  while (kernel.status !== 'idle') { await new Promise(r => setTimeout(r, 50)); }
}"""


def open_notebook(page, lab: Lab, path: str, timeout: float = 60_000) -> None:
    """Open ``path`` in JupyterLab and wait until its kernel is idle.

    The first notebook loads JupyterLab in the page; later ones open in the same JupyterLab, as from its
    file browser.
    """
    if page.url.startswith(lab.url) and page.evaluate("() => Boolean(window.jupyterapp)"):
        page.evaluate("(path) => { window.jupyterapp.commands.execute('docmanager:open', {path}); }", path)
    else:
        page.goto(lab.notebook_url(path))
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        f" && window.jupyterapp.shell.currentWidget.context.path === {json.dumps(path)}",
        timeout=timeout,
    )
    page.evaluate(WAIT_IDLE)


def command(page, name: str, args: dict | None = None) -> None:
    """Run one of JupyterLab's commands (what a menu item does), e.g. ``notebook:run-all-cells``."""
    page.evaluate("([name, args]) => window.jupyterapp.commands.execute(name, args)", [name, args or {}])


def run_all(page, timeout: float = 120_000) -> None:
    """Run every cell, as Run > Run All Cells does, and wait until the last one has finished."""
    command(page, "notebook:run-all-cells")
    wait_until_run(page, timeout)


def wait_until_run(page, timeout: float = 120_000) -> None:
    """Wait until no cell is queued or running (every prompt shows a number, none ``[*]``) and the kernel is idle."""
    page.wait_for_function(
        """() => {
          const panel = window.jupyterapp.shell.currentWidget;
          const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
          if (!kernel || kernel.status !== 'idle') return false;
          return !document.querySelector('.jp-InputPrompt') ||
            ![...panel.node.querySelectorAll('.jp-InputArea-prompt')].some(p => p.textContent.includes('*'));
        }""",
        timeout=timeout,
        polling=100,
    )


def close_notebook(page) -> None:
    """Stop the open notebook's kernel and close it without saving (what a test did to it is not kept)."""
    page.evaluate(
        """async () => {
          const panel = window.jupyterapp.shell.currentWidget;
          await panel.sessionContext.shutdown();
          panel.context.model.dirty = false;
          panel.dispose();
        }"""
    )


def is_dirty(page) -> bool:
    """Whether JupyterLab has the open notebook marked modified (closing it would ask to save)."""
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")


def open_metadata(page) -> dict:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.toJSON().metadata")


def assert_opens_unmodified(page, lab, path: str) -> None:
    """JupyterLab changed nothing on open, so closing the notebook would not ask to save. Only on a Python
    other than the one the notebooks were stored with (their language_info.version) may that version differ."""
    stored = json.loads((lab.root / path).read_text())["metadata"]
    shown = open_metadata(page)
    if shown["language_info"]["version"] == stored["language_info"]["version"]:
        assert shown == stored
        assert not is_dirty(page)
    else:
        shown["language_info"]["version"] = stored["language_info"]["version"]
        assert shown == stored


def wait_for(condition, timeout: float = 15.0, what: str = "the condition"):
    """Poll ``condition()`` until it returns something true (the kernel saves a moment after the page changes)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)
