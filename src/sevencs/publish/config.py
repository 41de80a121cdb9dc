"""The course's own settings, from its ``_config.yml`` (the Jupyter Book configuration).

Read with PyYAML by the book build, the notebook tools and the command line;
never by a notebook, so the browser edition (which has no PyYAML) never needs it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def configured_repository(course: Any) -> tuple[str | None, str]:
    """``repository: url`` and ``branch`` from the course's ``_config.yml``, read with PyYAML.

    The url is None when the file or the setting is missing; the branch defaults to ``main``.
    Raises ``ValueError`` naming the file when it is not valid YAML.
    """
    config = Path(course) / "_config.yml"
    if not config.is_file():
        return None, "main"
    try:
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise ValueError(f"{config} is not valid YAML: {problem}") from None
    repository = settings.get("repository") if isinstance(settings, dict) else None
    if not isinstance(repository, dict):
        return None, "main"
    url, branch = repository.get("url"), repository.get("branch")
    return (None if url is None else str(url)), (str(branch) if branch else "main")
