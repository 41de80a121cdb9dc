"""The course's own settings, from its ``_config.yml`` (the Jupyter Book configuration).

Read with PyYAML by the book build, the notebook tools and the command line;
never by a notebook, so the browser edition (which has no PyYAML) never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def _settings(course: Any) -> dict[str, Any]:
    """The course's ``_config.yml`` as a dict ({} when there is none); ``ValueError`` naming it if not YAML."""
    config = Path(course) / "_config.yml"
    if not config.is_file():
        return {}
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise ValueError(f"{config} is not valid YAML: {problem}") from None
    return settings if isinstance(settings, dict) else {}


def configured_repository(course: Any) -> tuple[str | None, str]:
    """``repository: url`` and ``branch`` from the course's ``_config.yml``, read with PyYAML.

    The url is None when the file or the setting is missing; the branch defaults to ``main``.
    Raises ``ValueError`` naming the file when it is not valid YAML.
    """
    repository = _settings(course).get("repository")
    if not isinstance(repository, dict):
        return None, "main"
    url, branch = repository.get("url"), repository.get("branch")
    return (None if url is None else str(url)), (str(branch) if branch else "main")


def configured_site(course: Any) -> str | None:
    """``html: baseurl`` from the course's ``_config.yml``: where the book is published, ending in ``/``.

    None when it is not set. Raises ``ValueError`` naming the file when it is not valid YAML.
    """
    html = _settings(course).get("html")
    url = html.get("baseurl") if isinstance(html, dict) else None
    return str(url).rstrip("/") + "/" if url else None


def _toc_entries(node: Any) -> list[str]:
    """The ``file:`` entries of a ``_toc.yml`` node and everything under it, in the order they appear."""
    if isinstance(node, list):
        return [file for item in node for file in _toc_entries(item)]
    if not isinstance(node, dict):
        return []
    files = [str(node["file"])] if isinstance(node.get("file"), str) else []
    for key in ("root", "parts", "chapters", "sections"):
        value = node.get(key)
        files += [value] if key == "root" and isinstance(value, str) else _toc_entries(value)
    return files


def course_order(course: Any) -> list[str]:
    """Every page of the course in the order of its ``_toc.yml`` (``book/welcome``, ``exercises/00_welcome``…).

    Names as the table of contents gives them, without a suffix; [] when there is no ``_toc.yml``.
    Raises ``ValueError`` naming the file when it is not valid YAML.
    """
    toc = Path(course) / "_toc.yml"
    if not toc.is_file():
        return []
    try:
        return _toc_entries(yaml.safe_load(toc.read_text(encoding="utf-8")))
    except yaml.YAMLError as problem:
        raise ValueError(f"{toc} is not valid YAML: {problem}") from None
