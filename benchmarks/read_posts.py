"""How long ``read_posts`` takes on a large analytics export with US-style dates.

    .venv/bin/python benchmarks/read_posts.py               # 100,000 and 1,000,000 rows, 3 runs each
    .venv/bin/python benchmarks/read_posts.py 100000 --runs 5

The file has the course's columns ``date, type, text, likes, comments, shares``,
one row per post: dates written month first (``MM/DD/YYYY HH:MM``, as US-style
exports do) and spread over five years, so the day order is judged from the
values; a short text; the type and counts of the sample nursery's posts,
resampled with a fixed seed. At about 45 bytes a row, the 1,000,000-row file is
about 45 MB, under the 50 MB limit (the reliability issue measured 148 s on a
32 MB file of a million rows). Times are wall-clock
seconds for ``read_posts`` alone; the file is written once, before timing, into
a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from sevencs.datasets import load_posts
from sevencs.imports import example_path, read_posts

SEED = 2026


def write_export(rows: int, folder: Path) -> Path:
    """A CSV of ``rows`` posts made from the sample posts (reproducible)."""
    sample = load_posts()[["type", "likes", "comments", "shares"]]
    rng = np.random.default_rng(SEED)
    frame = sample.sample(rows, replace=True, random_state=SEED).reset_index(drop=True)
    start = pd.Timestamp("2021-11-01 08:00")
    dates = start + pd.to_timedelta(np.sort(rng.uniform(0, 5 * 365, rows)), unit="D")
    frame.insert(0, "date", dates.strftime("%m/%d/%Y %H:%M"))
    frame.insert(2, "text", [f"Post {n}" for n in range(rows)])
    path = folder / f"posts-{rows}.csv"
    frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    read_posts(example_path("analytics_export.csv"))  # warm up: imports
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.rows:
            path = write_export(rows, Path(folder))
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                posts = read_posts(path)
                times.append(time.perf_counter() - start)
            assert len(posts) == rows
            size = path.stat().st_size / 1e6
            print(
                f"read_posts on {rows:,} rows ({size:.1f} MB): median {statistics.median(times):.2f} s, "
                f"worst {max(times):.2f} s ({args.runs} runs)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
