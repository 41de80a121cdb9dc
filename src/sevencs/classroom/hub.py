"""Links that put the course on a JupyterHub, through nbgitpuller.

An instructor pastes one link into the workshop's slides or chat; each learner
who opens it gets the course cloned (or updated) into their own home folder on
the hub, with the notebook the link names open in JupyterLab.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit


def hub_link(hub: str, repo: str, branch: str = "main", path: str = "", target_path: str | None = None) -> str:
    """An nbgitpuller link: opening it clones (or updates) ``repo`` on the hub and opens ``path`` in JupyterLab.

    Format (nbgitpuller's documented URL options ``repo``, ``urlpath``, ``branch``, ``targetPath``)::

        https://<hub>/hub/user-redirect/git-pull?repo=<repo>&urlpath=lab/tree/<folder>/<path>&branch=<branch>

    ``<folder>`` is where the clone lands: ``target_path`` if given, else the repository's
    name. Every value is percent-encoded.
    """
    hub = hub.strip()
    if "://" not in hub and not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)", hub):
        hub = "https://" + hub  # a bare host name, maybe with a port
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"--hub must be the address of a JupyterHub, like https://hub.example.org; got {hub!r}")
    # people paste the address of a hub page (…/hub/home, …/hub/spawn): keep what comes before /hub
    base = re.sub(r"/hub(/.*)?$", "", parts.path.rstrip("/"))
    repo = repo.strip()
    name = repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    if not name:
        raise ValueError(f"--repo must be the address of a git repository; got {repo!r}")
    folder = (target_path or name).strip("/")
    inside = path.strip()
    while inside.startswith(("./", "/")):
        inside = inside.removeprefix(".").lstrip("/")
    inside = "" if inside == "." else inside.rstrip("/")
    query = {"repo": repo, "urlpath": "lab/tree/" + "/".join(p for p in (folder, inside) if p), "branch": branch}
    if target_path:
        query["targetPath"] = target_path
    return f"{parts.scheme}://{parts.netloc}{base}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote)}"
