"""A real JupyterHub on 127.0.0.1 with simulated learners, as hub/ deploys it.

Used by tests/test_hub.py and by `make hub-bench` (benchmarks/hub.py).
:func:`running_hub` starts JupyterHub 6 with the instructor's configuration,
hub/jupyterhub_config.py (the idle culler, the proxy from hub/node_modules, the
spawner's timeouts and kernel culling), and swaps only what needs root and real
Unix accounts: the class-password authenticator keeps its password but makes no
accounts, and every learner's server runs as this user with a home folder of
their own under the test's temporary folder (jupyterhub's
SimpleLocalProcessSpawner, as JupyterHub's own tests do). The course link
points at a bare clone of this repository (its committed HEAD, as branch
``main``), made by :func:`bare_clone`.

A :class:`Learner` does what a learner's browser does, without a browser:
opens the course link (``sevencs hub-link``), logs in with the class password,
launches their server from the "not running" page, waits on the spawn page,
lets nbgitpuller clone the course (its page's own API call), opens the notebook
in JupyterLab, types an answer, saves and runs every cell through the server's
REST API and a kernel websocket, as JupyterLab does.

Everything the hub started is stopped when the block ends: JupyterHub stops
the learners' servers, their kernels, the culler and the proxy; anything still
running after that (found by the process tree and by a scan for processes
working in the test's folder) is killed and reported in
:attr:`Hub.left_running`, which the test asserts is empty.
"""

from __future__ import annotations

import contextlib
import html.parser
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from lab_harness import free_port

ROOT = Path(__file__).resolve().parents[1]
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
PROXY = ROOT / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTALL_HINT = "install the test extras: .venv/bin/pip install -e '.[test]' (make test does)"
PROXY_HINT = "run `sh tests/browser/setup.sh` (make test does): it installs hub/package-lock.json with npm"
#: The course folder nbgitpuller clones into each learner's home (the repository's name in the link).
COURSE = "seven-cs"


def missing() -> str | None:
    """What the hub tests need and this machine lacks, with how to install it; None when nothing is missing."""
    import importlib.util

    for module, package in [
        ("jupyterhub", "jupyterhub"),
        ("nbgitpuller", "nbgitpuller"),
        ("jupyterhub_idle_culler", "jupyterhub-idle-culler"),
        ("psutil", "psutil"),
        ("websocket", "websocket-client"),
        ("requests", "requests"),
    ]:
        if importlib.util.find_spec(module) is None:
            return f"the hub tests need {package}: {INSTALL_HINT}"
    if not (Path(sys.executable).parent / "jupyterhub-singleuser").exists():
        return f"jupyterhub-singleuser is not beside {sys.executable}: {INSTALL_HINT}"
    if not PROXY.exists():
        return f"JupyterHub's proxy is not at {PROXY.relative_to(ROOT)}: {PROXY_HINT}"
    if shutil.which("git") is None:
        return "the hub tests need git (nbgitpuller clones the course with it): install git"
    if not (ROOT / ".git").exists():
        return f"{ROOT} is not a git repository: the course link needs one to clone"
    return None


def bare_clone(dest: Path) -> str:
    """A bare clone of this repository at ``dest`` whose ``main`` is this checkout's HEAD; its file:// URL.

    Learners get the committed course: changes not yet committed are not in it.
    """
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(dest)], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(dest), "update-ref", "refs/heads/main", head.stdout.strip()], check=True)
    subprocess.run(["git", "-C", str(dest), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    return dest.resolve().as_uri()


TEST_CONFIG = """\
# Written by tests/hub_harness.py: the instructor's hub/jupyterhub_config.py, then what the test changes.
import sys

c = get_config()  # noqa: F821
load_subconfig({shipped!r})  # noqa: F821

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.JupyterHub.db_url = "sqlite:///{folder}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{folder}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.pid_file = "{folder}/jupyterhub-proxy.pid"
# the class password without making Unix accounts; every learner's home under the test's folder
c.JupyterHub.authenticator_class = "jupyterhub.authenticators.shared.SharedPasswordAuthenticator"
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = "{homes}/{{username}}"
c.Spawner.args = [*c.Spawner.args, *{extra_args!r}]
c.JupyterHub.concurrent_spawn_limit = {spawn_limit}
# the test's own service token, to read the hub's state (never a learner's)
c.JupyterHub.services.append({{"name": "sevencs-test", "api_token": {token!r}}})
c.JupyterHub.load_roles.append(
    {{
        "name": "sevencs-test",
        "scopes": ["list:users", "read:users", "read:servers", "list:services", "read:services"],
        "services": ["sevencs-test"],
    }}
)
"""


@dataclass
class Hub:
    """A running JupyterHub: its address, the course link's repository, the learners' homes."""

    url: str
    folder: Path
    homes: Path
    repo: str
    password: str
    token: str
    pid: int
    log: Path
    #: Processes that were still running after the hub stopped (killed then); filled when the block ends.
    left_running: list[str] = field(default_factory=list)

    def home(self, name: str) -> Path:
        return self.homes / name

    def progress_db(self, name: str) -> Path:
        """Where a learner's progress is saved: ``.sevencs/progress.sqlite`` in their clone of the course."""
        return self.home(name) / COURSE / ".sevencs" / "progress.sqlite"

    def link(self, path: str) -> str:
        """The course link an instructor hands out (``sevencs hub-link``), opening ``path``."""
        from sevencs.classroom.hub import hub_link

        return hub_link(self.url, self.repo, branch="main", path=path)

    def api(self, path: str) -> object:
        import requests

        response = requests.get(
            f"{self.url}hub/api/{path}", headers={"Authorization": f"token {self.token}"}, timeout=30
        )
        response.raise_for_status()
        return response.json()

    def processes(self) -> list:
        """The hub and every process under it (the proxy, the culler, the learners' servers and kernels)."""
        import psutil

        try:
            hub = psutil.Process(self.pid)
            return [hub, *hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def learner_processes(self) -> dict[str, list]:
        """Each learner's server and its kernels, by the learner's name (from the server's environment)."""
        import psutil

        found: dict[str, list] = {}
        for process in self.processes():
            try:
                if "jupyterhub-singleuser" not in " ".join(process.cmdline()):
                    continue
                name = process.environ().get("JUPYTERHUB_USER")
                if name:
                    found[name] = [process, *process.children(recursive=True)]
            except psutil.Error:
                continue
        return found


def _log_tail(log: Path, chars: int = 4000) -> str:
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def running_hub(folder: Path, learners: list[str], timeout: float = 60.0, spawn_limit: int = 100) -> Iterator[Hub]:
    """JupyterHub on 127.0.0.1 for ``learners``, from hub/jupyterhub_config.py, until the block ends."""
    import psutil

    folder.mkdir(parents=True, exist_ok=True)
    hub_folder, homes = folder / "hub", folder / "home"
    hub_folder.mkdir()
    homes.mkdir()
    repo = bare_clone(folder / "remote" / COURSE)
    (hub_folder / "learners.txt").write_text("\n".join(learners) + "\n")
    port, token, password = free_port(), secrets.token_hex(16), secrets.token_urlsafe(12)
    extra_args = ["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    (hub_folder / "jupyterhub_config.py").write_text(
        TEST_CONFIG.format(
            shipped=str(HUB_CONFIG),
            port=port,
            hub_port=free_port(),
            proxy_api_port=free_port(),
            folder=hub_folder,
            homes=homes,
            extra_args=extra_args,
            spawn_limit=spawn_limit,
            token=token,
        )
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SEVENCS_", "JUPYTER", "JPY_"))}
    env.update(
        SEVENCS_LEARNERS=str(hub_folder / "learners.txt"),
        SEVENCS_CLASS_PASSWORD=password,
        PYTHONUNBUFFERED="1",
    )
    log = hub_folder / "jupyterhub.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(hub_folder / "jupyterhub_config.py")],
            cwd=hub_folder,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = Hub(f"http://127.0.0.1:{port}/", folder, homes, repo, password, token, process.pid, log)
    seen: dict[int, tuple[float, str]] = {}  # every process the hub started, to check they all stopped
    try:
        import requests

        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped at start:\n{_log_tail(log)}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{hub.url}hub/api/", timeout=5).ok:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub did not answer within {timeout:.0f} s:\n{_log_tail(log)}")
            time.sleep(0.2)
        yield hub
    finally:
        for p in hub.processes():
            with contextlib.suppress(psutil.Error):
                seen[p.pid] = (p.create_time(), " ".join(p.cmdline())[:160])
        # JupyterHub stops every learner's server (and their kernels), the culler and the proxy on SIGTERM.
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGTERM)
        stop_wait = 30 + 3 * len(learners)  # it stops the servers together; each may take seconds under load
        try:
            process.wait(timeout=stop_wait)
        except subprocess.TimeoutExpired:
            hub.left_running.append(f"{process.pid} jupyterhub (did not stop within {stop_wait} s of SIGTERM)")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        hub.left_running.extend(_stop_leftovers(seen, folder))


def _stop_leftovers(seen: dict[int, tuple[float, str]], folder: Path) -> list[str]:
    """Kill what is still running of ``seen`` or works in ``folder`` (after a moment to exit); say what it was."""
    import psutil

    def alive() -> list:
        found = {}
        for pid, (created, _) in seen.items():
            with contextlib.suppress(psutil.Error):
                p = psutil.Process(pid)
                if p.create_time() == created and p.status() != psutil.STATUS_ZOMBIE:
                    found[pid] = p
        for p in psutil.process_iter(["pid", "cwd", "cmdline"]):
            cwd, cmdline = p.info.get("cwd") or "", " ".join(p.info.get("cmdline") or [])
            if (cwd.startswith(str(folder)) or str(folder) in cmdline) and p.pid != os.getpid():
                with contextlib.suppress(psutil.Error):
                    if p.status() != psutil.STATUS_ZOMBIE:
                        found[p.pid] = p
        return list(found.values())

    deadline = time.monotonic() + 10  # servers and kernels stop a moment after the hub
    while (left := alive()) and time.monotonic() < deadline:
        time.sleep(0.2)
    described = []
    for p in left:
        with contextlib.suppress(psutil.Error):
            described.append(f"{p.pid} {' '.join(p.cmdline())[:160]}")
            p.kill()
    return described


# ---------------------------------------------------------------- a learner, as their browser would


class _Attributes(html.parser.HTMLParser):
    """Every tag's attributes, and the links, of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _tags(page: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Attributes()
    parser.feed(page)
    return parser.tags


class HubError(AssertionError):
    """A learner's step on the hub did not go as a browser's would."""


@dataclass
class Timings:
    """Seconds from the moment a learner opened the course link."""

    server_ready: float = 0.0  # their JupyterLab answered
    cloned: float = 0.0  # nbgitpuller had cloned the course
    lab_open: float = 0.0  # the notebook's page in JupyterLab loaded
    ran: float = 0.0  # every cell of the notebook had run


class Learner:
    """One simulated learner with their own cookies: what their browser would do on the hub."""

    def __init__(self, hub: Hub, name: str, timeout: float = 300.0) -> None:
        import requests

        self.hub, self.name, self.timeout = hub, name, timeout
        self.session = requests.Session()
        self.server = f"{hub.url}user/{name}/"
        self.xsrf = ""
        self.timings = Timings()
        #: How often the kernel's websocket had to be opened again (the server dropped it before the kernel answered).
        self.reconnects = 0
        self.opened = time.monotonic()  # when they opened the course link

    def _get(self, url: str, **kwargs):
        response = self.session.get(url, timeout=self.timeout, **kwargs)
        if response.status_code >= 500:
            raise HubError(f"{self.name}: {url} answered {response.status_code}:\n{response.text[:2000]}")
        return response

    def open_link(self, link: str) -> str:
        """Open the course link, log in, launch the server, let nbgitpuller clone the course; JupyterLab's URL."""
        start = self.opened = time.monotonic()
        page = self._get(link)  # not logged in: the hub's login page, with the link as `next`
        if "/hub/login" not in page.url:
            raise HubError(f"{self.name}: the link led to {page.url}, not the hub's login page")
        form = {"username": self.name, "password": self.hub.password, "_xsrf": self.session.cookies.get("_xsrf", "")}
        page = self.session.post(page.url, data=form, timeout=self.timeout)
        if "/hub/login" in page.url:
            raise HubError(f"{self.name}: the hub refused the class password (status {page.status_code})")
        if page.status_code == 424:  # "Server not running": the Launch button (implicit spawn presses it)
            spawn = [a["href"] for tag, a in _tags(page.text) if tag == "a" and "/hub/spawn/" in a.get("href", "")]
            if not spawn:
                raise HubError(f"{self.name}: the 'not running' page has no launch link:\n{page.text[:2000]}")
            page = self._get(urljoin(page.url, spawn[0]))
        deadline = start + self.timeout
        while "/hub/spawn-pending/" in page.url:  # the hub's progress page; it sends the learner on when ready
            if time.monotonic() > deadline:
                raise HubError(f"{self.name}: the server did not start within {self.timeout:.0f} s")
            time.sleep(0.5)
            page = self._get(page.url)
        if page.status_code != 200 or not urlsplit(page.url).path.startswith(f"/user/{self.name}/git-pull"):
            raise HubError(f"{self.name}: expected nbgitpuller's page, got {page.status_code} at {page.url}")
        self.timings.server_ready = time.monotonic() - start
        lab_url = self._clone(page.text)
        self.timings.cloned = time.monotonic() - start
        page = self._get(lab_url)
        if page.status_code != 200:
            raise HubError(f"{self.name}: JupyterLab answered {page.status_code} at {lab_url}")
        self.xsrf = self.session.cookies.get("_xsrf", path=f"/user/{self.name}/") or self.xsrf
        self.timings.lab_open = time.monotonic() - start
        return lab_url

    def _clone(self, page: str) -> str:
        """What nbgitpuller's page does in the browser: call its API with the page's data, wait until it is done."""
        body = next((a for tag, a in _tags(page) if tag == "body" and "data-repo" in a), None)
        if body is None:
            raise HubError(f"{self.name}: nbgitpuller's page has no data to start from:\n{page[:2000]}")
        data = {k.removeprefix("data-"): unquote(v) for k, v in body.items() if k.startswith("data-")}
        self.xsrf = data.get("xsrf", "")
        params = {"_xsrf": self.xsrf, "repo": data["repo"], "targetpath": data["targetpath"]}
        params |= {k: data[k] for k in ("depth", "branch", "backup") if k in data}
        phase, output = "", []
        with self.session.get(f"{self.server}git-pull/api", params=params, stream=True, timeout=self.timeout) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line.removeprefix("data:").strip())
                output.append(str(event.get("output", "")).rstrip())
                phase = event.get("phase", "")
                if phase in ("finished", "error"):
                    break
        if phase != "finished":
            raise HubError(f"{self.name}: nbgitpuller did not finish ({phase or 'no answer'}):\n" + "\n".join(output))
        return urljoin(self.hub.url, data["base-url"] + data["path"])

    # ------------------------------------------------------------ JupyterLab's REST API and a kernel

    def _api(self, method: str, path: str, body: object = None) -> object:
        response = self.session.request(
            method,
            f"{self.server}api/{path}",
            json=body,
            headers={"X-XSRFToken": self.xsrf},
            timeout=self.timeout,
        )
        if not response.ok:
            raise HubError(f"{self.name}: {method} api/{path} answered {response.status_code}: {response.text[:500]}")
        return response.json() if response.content else None

    def read_notebook(self, path: str) -> dict:
        model = self._api("GET", f"contents/{path}?content=1&type=notebook")
        assert isinstance(model, dict)
        return model["content"]

    def save_notebook(self, path: str, notebook: dict) -> None:
        self._api("PUT", f"contents/{path}", {"type": "notebook", "format": "json", "content": notebook})

    def run_notebook(self, path: str, notebook: dict, keep_kernel: bool = False) -> list[dict]:
        """Start a kernel for ``path`` (as opening it in JupyterLab does) and run every code cell in order.

        Returns each cell's outputs; raises :class:`HubError` at the first cell that fails, with its traceback.
        """
        import websocket

        session = self._api(
            "POST", "sessions", {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}}
        )
        assert isinstance(session, dict)
        self.session_id, kernel = session["id"], session["kernel"]["id"]
        cookies = "; ".join(
            f"{c.name}={c.value}" for c in self.session.cookies if (c.path or "/") in ("/", f"/user/{self.name}/")
        )
        ws_url = self.server.replace("http://", "ws://", 1) + f"api/kernels/{kernel}/channels"
        # Connect as JupyterLab does: ask the kernel for its info first, and connect again if the server drops
        # the connection before the kernel answers (it gives up on a kernel slow to start, as under a burst).
        deadline = time.monotonic() + self.timeout
        while True:
            ws = None
            try:
                ws = websocket.create_connection(
                    f"{ws_url}?session_id={uuid.uuid4().hex}&_xsrf={self.xsrf}",
                    header=[f"X-XSRFToken: {self.xsrf}"],
                    cookie=cookies,
                    timeout=self.timeout,
                )
                self._request(ws, "kernel_info_request", {}, f"{path}: the kernel's first answer")
                break
            except (websocket.WebSocketException, OSError) as error:
                if ws is not None:
                    ws.close()
                if time.monotonic() > deadline:
                    raise HubError(f"{self.name}: could not talk to the kernel of {path}: {error}") from None
                self.reconnects += 1
                time.sleep(1)
        outputs = []
        try:
            for index, cell in enumerate(notebook["cells"]):
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                outputs.append(self._execute(ws, source, f"{path} cell {index}"))
        finally:
            ws.close()
            if not keep_kernel:
                self._api("DELETE", f"sessions/{self.session_id}")
        self.timings.ran = time.monotonic() - self.opened
        return outputs

    def _execute(self, ws, code: str, where: str) -> dict:
        content = {
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        result = self._request(ws, "execute_request", content, where)
        if result["status"] != "ok":
            raise HubError(f"{self.name}: {where} failed:\n{result['error'] or result['status']}")
        return result

    def _request(self, ws, msg_type: str, content: dict, where: str) -> dict:
        """Send one shell request; wait for its reply and for the kernel to be idle again; what it output."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "username": self.name, "session": uuid.uuid4().hex}
        ws.send(
            json.dumps(
                {
                    "header": {**header, "version": "5.3", "date": ""},
                    "parent_header": {},
                    "metadata": {},
                    "content": content,
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        result: dict = {"stream": "", "error": None, "status": None}
        idle = False
        deadline = time.monotonic() + self.timeout
        while not (idle and result["status"]):
            if time.monotonic() > deadline:
                raise HubError(f"{self.name}: {where} did not finish within {self.timeout:.0f} s")
            raw = ws.recv()
            if not isinstance(raw, str):
                continue  # binary frames carry widget buffers
            message = json.loads(raw)
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = message["msg_type"], message["content"]
            if kind == "stream":
                result["stream"] += body.get("text", "")
            elif kind == "error":
                result["error"] = "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", t) for t in body.get("traceback", []))
            elif kind == "status" and body.get("execution_state") == "idle":
                idle = True
            elif kind == msg_type.replace("_request", "_reply"):
                result["status"] = body.get("status")
        return result


def type_answer(notebook: dict, chapter: str, exercise: str) -> dict:
    """``notebook`` with one exercise's blank (``name = ...``) replaced by its model solution, as a learner types it."""
    from sevencs.exercises import chapter_items
    from sevencs.publish.notebooks import answer_line

    item = next(e for e in chapter_items(chapter)["exercises"] if e.name == exercise)
    pattern = answer_line(item.answer_name)
    typed = 0
    for cell in notebook["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code" and pattern.search(source):
            cell["source"] = pattern.sub(lambda _: item.solution_code, source, count=1)
            typed += 1
    if typed != 1:
        raise HubError(f"expected one blank for {chapter} {exercise} ({item.answer_name} = ...), found {typed}")
    return notebook


def parse_link(link: str) -> dict[str, str]:
    """The query of a course link, decoded (``repo``, ``urlpath``, ``branch``)."""
    return {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
