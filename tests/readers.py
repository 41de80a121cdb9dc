"""Reading a file with one reader of :mod:`sevencs.yourdata`, as the per-platform tests do."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from sevencs.yourdata.files import Found, open_source
from sevencs.yourdata.problem import ImportProblem
from sevencs.yourdata.registry import Reader


def read_with(reader: Reader, path: Path | io.BytesIO) -> pd.DataFrame:
    """The table ``reader`` reads from ``path``, which it must recognise as its own."""
    found = open_source(path)
    assert reader.recognise(found), found.name
    return reader.read(found)


def refusal(reader: Reader, path: Path | io.BytesIO | Found) -> str:
    """The message of the ImportProblem ``reader`` raises for ``path`` (or for a file already opened)."""
    with pytest.raises(ImportProblem) as caught:
        reader.read(path if isinstance(path, Found) else open_source(path))
    return str(caught.value)
