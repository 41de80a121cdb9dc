"""Shared fixtures: every test gets its own progress database and a clean environment."""

from __future__ import annotations

import pytest

from sevencs.exercises.engine import EXPECT_CORRECT_ENV
from sevencs.store import ENV_VAR


@pytest.fixture(autouse=True)
def progress_db(tmp_path, monkeypatch):
    """A fresh progress file per test, so tests never touch a learner's real one."""
    path = tmp_path / "progress.sqlite"
    monkeypatch.setenv(ENV_VAR, str(path))
    monkeypatch.delenv(EXPECT_CORRECT_ENV, raising=False)
    return path
