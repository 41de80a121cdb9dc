"""Writing a file so that nobody ever sees half of it.

Progress exports, class reports, plans and audits are written to a temporary
file beside their target, flushed to disk, then renamed into place: whoever
opens the target sees the old file or the whole new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes_atomically(data: bytes, path: str | os.PathLike) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place (``os.replace``).

    Whoever opens ``path`` sees the old file or the whole new one, never half of it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_text_atomically(text: str, path: str | os.PathLike) -> Path:
    """Write ``text`` as UTF-8, atomically (see :func:`write_bytes_atomically`)."""
    return write_bytes_atomically(text.encode("utf-8"), path)
