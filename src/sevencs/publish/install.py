"""Opening a course notebook where the course's package is not installed (Colab).

The book's Colab button (and any fresh Jupyter server) opens a notebook straight
from the repository, on a computer that has never heard of ``sevencs``. So every
lab and exercise notebook starts with an *install cell* (:func:`install_code`):
it imports ``sevencs`` and, only when that fails, installs the package from the
course's repository with ``%pip`` and gets the notebook ready
(:func:`after_install`). On your own computer, Binder or a JupyterHub, where the
package is installed, the cell does nothing. The book hides the cell
(``remove-cell``): its readers have nothing to install.

The repository address comes from ``repository: url`` and ``branch`` in
``_config.yml``, the one place a maintainer sets it.
``python -m sevencs.publish.notebooks install-cell`` writes it into every notebook, and
the book refuses to build while a notebook names another address.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from typing import Any

#: the first line of every install cell, and how the tools recognise it
INSTALL_MARK = "# Opened in Colab, or anywhere the course's package is missing? This cell installs it"
#: the cell's tags: the book hides it (myst-nb's remove-cell); its readers have nothing to install
INSTALL_TAGS = ["remove-cell"]

RESTART_MESSAGE = (
    "The course's package is installed, but this notebook had already loaded an older ipywidgets "
    "({version}), and the explorers need version 8. Restart the session (in Colab: Runtime, then "
    "Restart session), then run the notebook again from the top. This happens at most once."
)


def _check_url(url: Any) -> str:
    if not isinstance(url, str) or not re.fullmatch(r"https://[^\s\"'@]+", url.strip()):
        raise ValueError(f"Expected the course repository's https:// address (from _config.yml), got {url!r}.")
    return url.strip().rstrip("/")


def install_target(url: str, branch: str = "main") -> str:
    """What ``pip`` installs: ``sevencs @ git+<url>@<branch>``."""
    if not isinstance(branch, str) or not re.fullmatch(r"[A-Za-z0-9._/-]+", branch):
        raise ValueError(f"Expected a git branch name like 'main', got {branch!r}.")
    return f"sevencs @ git+{_check_url(url)}@{branch}"


def install_code(url: str, branch: str = "main") -> str:
    """The source of the install cell for the repository at ``url`` (branch ``branch``)."""
    return (
        f"{INSTALL_MARK}\n"
        "# (about a minute, once per session). Where the package is already installed, it does nothing.\n"
        "try:\n"
        "    import sevencs\n"
        "except ModuleNotFoundError:\n"
        f'    %pip install --quiet "{install_target(url, branch)}"\n'
        "    import sevencs.publish.install\n"
        "\n"
        "    sevencs.publish.install.after_install()"
    )


def is_install_cell(cell: Any) -> bool:
    """Whether a notebook cell is an install cell (a code cell that starts with :data:`INSTALL_MARK`)."""
    return (
        isinstance(cell, Mapping)
        and cell.get("cell_type") == "code"
        and str(cell.get("source", "")).startswith(INSTALL_MARK)
    )


def installed_from(nb: Any) -> str | None:
    """The ``git+`` target a notebook's install cell installs (``sevencs @ git+…@main``), or None without one."""
    cell = next((c for c in nb.get("cells", []) if is_install_cell(c)), None)
    if cell is None:
        return None
    match = re.search(r'%pip install --quiet "([^"]+)"', cell["source"])
    return match.group(1) if match else ""


def _major(version: Any) -> int | None:
    match = re.match(r"\s*(\d+)", str(version))
    return int(match.group(1)) if match else None


def after_install(modules: Mapping[str, Any] | None = None) -> bool:
    """Get a notebook ready right after its install cell installed the package.

    In Colab, switch on the widget manager that renders ipywidgets 8 (the
    explorers). If an older ipywidgets was already loaded before the install,
    the explorers cannot work until the session restarts: say so plainly and
    return False. Returns True when the notebook can go on.
    """
    modules = sys.modules if modules is None else modules
    if "google.colab" in modules:
        import importlib

        output = importlib.import_module("google.colab.output")
        output.enable_custom_widget_manager()
    version = getattr(modules.get("ipywidgets"), "__version__", "")  # "" when not loaded yet
    major = _major(version)
    if major is not None and major < 8:
        print(RESTART_MESSAGE.format(version=version))
        return False
    return True
