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
