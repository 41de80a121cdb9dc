"""Links that put the course on a JupyterHub, through nbgitpuller.

An instructor pastes one link into the workshop's slides or chat; each learner
who opens it gets the course cloned (or updated) into their own home folder on
the hub, with the notebook the link names open in JupyterLab.

nbgitpuller clones into the folder its ``targetPath`` option names; without it,
into the last part of the repository's address as it is, ``.git`` included
(``https://github.com/a/course.git`` lands in ``course.git/``). It then opens
``urlpath`` as given, whatever folder it cloned into. So every link here names
the folder twice, in ``targetPath`` and at the start of ``urlpath``, from one
value: the two can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import nbformat

from sevencs.publish.config import course_order
from sevencs.publish.notebooks import title_of

#: The folders of the notebooks a learner opens: the labs and the exercises.
NOTEBOOK_FOLDERS = ("notebooks", "exercises")


def clone_folder(repo: str, target_path: str | None = None) -> str:
    """The folder, inside the learner's home folder on the hub, that the course is cloned into.

    ``target_path`` if given, else the repository's name without ``.git`` (``course`` for
    ``https://github.com/a/course.git``). Raises ``ValueError`` for a folder nbgitpuller cannot
    use as a clone of its own: empty, the home folder itself, or outside it.
    """
    if target_path is not None:
        parts = [part for part in target_path.strip().split("/") if part]
        if not parts or "\\" in target_path or any(part in (".", "..") for part in parts):
            raise ValueError(
                "--target-path must be a folder inside the learner's home folder, like course or "
                f"workshops/seven-cs; got {target_path!r}"
            )
        return "/".join(parts)
    name = re.split(r"[/:]", repo.strip().rstrip("/"))[-1].removesuffix(".git")
    if not name or name in (".", ".."):
        raise ValueError(f"--repo must be the address of a git repository; got {repo!r}")
    return name


def hub_link(hub: str, repo: str, branch: str = "main", path: str = "", target_path: str | None = None) -> str:
    """An nbgitpuller link: opening it clones (or updates) ``repo`` on the hub and opens ``path`` in JupyterLab.

    Format (nbgitpuller's documented URL options ``repo``, ``urlpath``, ``branch``, ``targetPath``)::

        https://<hub>/hub/user-redirect/git-pull?repo=<repo>&urlpath=lab/tree/<folder>/<path>&branch=<branch>&targetPath=<folder>

    ``<folder>`` is :func:`clone_folder`: where the clone lands, and where ``urlpath`` looks.
    Every value is percent-encoded.
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
    if not repo:
        raise ValueError(f"--repo must be the address of a git repository; got {repo!r}")
    folder = clone_folder(repo, target_path)
    inside = path.strip()
    while inside.startswith(("./", "/")):
        inside = inside.removeprefix(".").lstrip("/")
    inside = "" if inside == "." else inside.rstrip("/")
    query = {
        "repo": repo,
        "urlpath": "lab/tree/" + "/".join(p for p in (folder, inside) if p),
        "branch": branch,
        "targetPath": folder,
    }
    return f"{parts.scheme}://{parts.netloc}{base}/hub/user-redirect/git-pull?{urlencode(query, quote_via=quote)}"


@dataclass(frozen=True)
class CourseNotebook:
    """A lab or exercise notebook: its path in the repository and its title as learners see it."""

    path: str
    title: str


def _title(file: Path) -> str:
    """The notebook's title (its first heading), or its file name when it has none or cannot be read."""
    try:
        return title_of(nbformat.read(file, as_version=4)) or file.stem
    except Exception:  # one odd notebook gets its file name, not a crash
        return file.stem


def course_notebooks(course: Path) -> list[CourseNotebook]:
    """The course's lab and exercise notebooks, in course order (its ``_toc.yml``), with their titles.

    A notebook the table of contents leaves out follows, by its number (``01_…``), labs
    before exercises; [] when the folder holds no notebooks.
    """
    found = {
        f"{folder}/{file.name}": file
        for folder in NOTEBOOK_FOLDERS
        for file in sorted((course / folder).glob("*.ipynb"))
        if not file.name.startswith(".")
    }
    listed = [f"{entry}.ipynb" for entry in course_order(course) if f"{entry}.ipynb" in found]

    def by_number(path: str) -> tuple[str, int, str]:
        folder, name = path.split("/", 1)
        return (name[:2], NOTEBOOK_FOLDERS.index(folder), name)

    order = listed + sorted((p for p in found if p not in listed), key=by_number)
    return [CourseNotebook(path, _title(found[path])) for path in order]
