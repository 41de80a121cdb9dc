"""`sevencs hub-link`'s links, opened by nbgitpuller itself: the notebook a link names is where nbgitpuller puts it.

A real Jupyter server with nbgitpuller's own extension serves a learner's home folder under
``/user/learner/``, as a JupyterHub's single-user server does. Each link is followed the way a
learner's browser follows it:

1. JupyterHub's ``/hub/user-redirect/`` sends the browser to the learner's server (done here by hand:
   it is the hub's job, and the hub is not under test);
2. nbgitpuller's page (its ``UIHandler``) works out the folder to clone into and the address to open
   afterwards, and hands both to its script in the page's ``data-targetpath`` and ``data-path``;
3. the script asks nbgitpuller's ``SyncHandler`` (``git-pull/api``) to clone with that folder, then
   sends the browser to ``<base_url><path>`` (``gitsync.js``: ``baseUrl + path``);
4. JupyterLab opens ``lab/tree/<file>`` by asking the server's contents API for ``<file>``: when
   that answers 404, the learner reads "Could not find path".

The repositories are bare git repositories in a temporary folder, reached by ``file://`` addresses
that end in ``.git`` as GitHub's clone addresses do (and one that does not).
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup

from lab_harness import free_port, stop_group
from sevencs.classroom.hub import hub_link

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = "exercises/00_welcome.ipynb"


@dataclass(frozen=True)
class Server:
    """A learner's single-user Jupyter server with nbgitpuller, as a hub would start it."""

    origin: str  # http://127.0.0.1:<port>
    base_url: str  # /user/learner/
    token: str
    home: Path

    def get(self, path_and_query: str) -> tuple[int, bytes]:
        request = urllib.request.Request(self.origin + path_and_query, headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    pytest.importorskip("nbgitpuller", reason="nbgitpuller is in the [test] extra: pip install -e '.[test]'")
    folder = tmp_path_factory.mktemp("hub")
    home, jupyter = folder / "home", folder / "jupyter"
    home.mkdir()
    port, token = free_port(), secrets.token_hex(16)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NBGITPULLER_")}
    env.update(
        JUPYTER_CONFIG_DIR=str(jupyter / "config"),
        JUPYTER_RUNTIME_DIR=str(jupyter / "runtime"),
        JUPYTER_DATA_DIR=str(jupyter / "data"),
    )
    command = [
        sys.executable,
        "-m",
        "jupyter_server",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={home}",
        "--ServerApp.base_url=/user/learner/",
    ]
    # nbgitpuller's extension, enabled in this server's own configuration (whatever the machine's says)
    config = jupyter / "config" / "jupyter_server_config.json"
    config.parent.mkdir(parents=True)
    config.write_text(json.dumps({"ServerApp": {"jpserver_extensions": {"nbgitpuller": True}}}))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    running = Server(f"http://127.0.0.1:{port}", "/user/learner/", token, home)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                pytest.fail(f"the Jupyter server stopped at start:\n{(folder / 'server.log').read_text()[-3000:]}")
            try:
                if running.get("/user/learner/api/status")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the Jupyter server did not answer within 60 s")
            time.sleep(0.2)
        yield running
    finally:
        stop_group(process)
        log.close()


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def remotes(tmp_path_factory) -> Path:
    """Bare repositories holding one of the course's notebooks, as a course fork would: the folder holding them."""
    folder = tmp_path_factory.mktemp("remotes")
    work = folder / "work"
    (work / "exercises").mkdir(parents=True)
    (work / NOTEBOOK).write_bytes((ROOT / NOTEBOOK).read_bytes())
    _git("init", "-q", "-b", "main", cwd=work)
    _git("add", ".", cwd=work)
    _git("commit", "-q", "-m", "the course", cwd=work)
    for name in ("course.git", "plain-course", "fork.git", "old.git"):
        _git("clone", "-q", "--bare", str(work), str(folder / name), cwd=folder)
    return folder


def follow(server: Server, link: str) -> tuple[str, str]:
    """Open ``link`` as a learner's browser does (see the module's docstring): (the folder nbgitpuller cloned
    into, relative to the home folder; the file JupyterLab then opens)."""
    parts = urlsplit(link)
    assert parts.path.endswith("/hub/user-redirect/git-pull"), link
    # 1. the hub's user-redirect: the same path and query, on the learner's own server
    status, page = server.get(f"{server.base_url}git-pull?{parts.query}")
    assert status == 200, page[:500]
    # 2. nbgitpuller's page: what its script is given (urlencoded, read back as decodeURIComponent does)
    body = BeautifulSoup(page, "html.parser").body
    data = {key.removeprefix("data-"): unquote(value) for key, value in body.attrs.items() if key.startswith("data-")}
    # 3. the script's call to the SyncHandler (gitsync.js: repo, targetpath, then branch), then its redirect
    sync = {"repo": data["repo"], "targetpath": data["targetpath"]}
    if "branch" in data:
        sync["branch"] = data["branch"]
    status, stream = server.get(f"{server.base_url}git-pull/api?{urlencode(sync)}")
    events = [json.loads(line[len("data: ") :]) for line in stream.decode().splitlines() if line.startswith("data: ")]
    assert status == 200 and events[-1]["phase"] == "finished", events[-3:]
    assert data["path"].startswith("lab/tree/"), data["path"]
    return data["targetpath"], data["path"].removeprefix("lab/tree/")


def opens_in_jupyterlab(server: Server, file: str) -> bool:
    """Whether JupyterLab finds ``file``: it asks the contents API, and a 404 is "Could not find path"."""
    status, _ = server.get(f"{server.base_url}api/contents/{quote(file)}?content=0")  # as the browser encodes it
    return status == 200


@pytest.mark.parametrize(
    "repo, target, folder",
    [
        ("course.git", None, "course"),  # the address GitHub offers for cloning
        ("plain-course", None, "plain-course"),
        ("fork.git", "workshops/seven cs", "workshops/seven cs"),
    ],
)
def test_nbgitpuller_clones_where_the_link_looks(server, remotes, repo, target, folder):
    address = (remotes / repo).as_uri()
    link = hub_link("https://hub.example.org/hub/home", address, "main", NOTEBOOK, target)
    cloned_into, opened = follow(server, link)
    # nbgitpuller put the course where the link said, and JupyterLab opens the notebook from there
    assert cloned_into == folder
    assert (server.home / folder / NOTEBOOK).is_file()
    assert opened == f"{folder}/{NOTEBOOK}"
    assert opens_in_jupyterlab(server, opened)
    assert not (server.home / repo).exists() or repo == folder  # no stray course.git/ beside it
    # the course folder's link opens that same folder
    assert follow(server, hub_link("hub.example.org", address, "main", "", target)) == (folder, folder)


def test_the_same_link_without_targetpath_lands_the_learner_on_could_not_find_path(server, remotes):
    """What the links used to be: proof that the test above sees the difference."""
    link = urlsplit(hub_link("https://hub.example.org", (remotes / "old.git").as_uri(), "main", NOTEBOOK))
    query = {key: values[0] for key, values in parse_qs(link.query).items() if key != "targetPath"}
    assert query["urlpath"] == f"lab/tree/old/{NOTEBOOK}"
    cloned_into, opened = follow(server, link._replace(query=urlencode(query)).geturl())
    assert cloned_into == "old.git" and (server.home / "old.git" / NOTEBOOK).is_file()
    assert opened == f"old/{NOTEBOOK}" and not opens_in_jupyterlab(server, opened)
