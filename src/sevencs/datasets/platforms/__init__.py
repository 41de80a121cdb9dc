"""How each platform writes its export file: the writers of the course's example files.

One module per platform (or kind of file), each with ``FILES`` (the example files it
writes) and ``write(directory, posts, seed)``. All of them write Fernleaf Nursery's
posts (:func:`nursery_posts`) the way that platform's own export would, field names,
order and quirks included; each module's docstring names where those were checked
(public parsers and their test fixtures, the platform's own documentation). The values
are synthetic, drawn with the generator's seeded :class:`~sevencs.datasets.generate.Draw`,
and every file is written byte for byte the same on every run (zip members carry a fixed
time), so a test can compare the shipped files with a fresh build.

All addresses use the reserved ``.example`` domain: none points to a real site.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from sevencs.datasets import load_posts
from sevencs.datasets.generate import SEED, Draw

#: How many of the nursery's posts the examples use.
SIZE = 36
SITE = "https://fernleaf.example"
#: When every example pretends to have been downloaded (the day after the sample year ends).
DOWNLOADED = dt.datetime(2026, 11, 2, 9, 30)
#: The time stamped on every member of an example zip, so that rebuilding gives the same bytes.
ZIP_TIME = (2026, 11, 2, 9, 30, 0)


def nursery_posts(seed: int = SEED) -> list[dict]:
    """``SIZE`` of the sample posts, drawn with the seed and kept in date order (``date`` a datetime)."""
    posts = load_posts()
    draw = Draw(seed + 40)
    picked = sorted(draw.sample(list(range(len(posts))), SIZE))
    rows = []
    for index in picked:
        row = posts.iloc[index].to_dict()
        row["date"] = row["date"].to_pydatetime()
        rows.append(row)
    return rows


def csv_bytes(
    header: list[str],
    rows: list[list],
    *,
    bom: bool = False,
    quote_all: bool = False,
    line_end: str = "\n",
    encoding: str = "utf-8",
) -> bytes:
    """A CSV file as bytes, written by the standard library's csv writer."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=line_end, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip archive holding ``members`` (name → bytes, in that order), the same bytes on every run."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def digits(draw: Draw, n: int, first: str = "") -> str:
    """A run of ``n`` random digits (an id), starting with ``first`` when given."""
    return first + "".join(str(draw.integer(0, 9)) for _ in range(n - len(first)))
