"""How long the Seven Cs audit takes on 10,000 posts.

    .venv/bin/python benchmarks/audit.py            # 5 runs; prints the median and the worst

The 10,000 posts are the sample nursery's 187 posts resampled with a fixed
seed, their counts perturbed (each multiplied by a random factor from 0.5 to
1.5) and their dates spread over five years, so the table looks like a busy
account's export. The other tables are the sample's, as in ``audit_sample()``.
Times are wall-clock seconds for ``audit()`` alone; for posts with only date
and text (as a Mastodon export, so content falls back to the word classifier);
and for ``audit()`` with the one-page figure drawn as PNG.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np
import pandas as pd

from sevencs import datasets as ds
from sevencs.audit import audit, sample_tables

POSTS = 10_000
RUNS = 5
SEED = 2026
COUNTS = ["reach", "likes", "comments", "shares", "followers", "impressions"]


def many_posts(n: int = POSTS, seed: int = SEED) -> pd.DataFrame:
    """``n`` posts made by resampling and perturbing the sample posts (reproducible)."""
    rng = np.random.default_rng(seed)
    sample = ds.load_posts()
    posts = sample.sample(n, replace=True, random_state=seed).reset_index(drop=True)
    for column in COUNTS:
        posts[column] = np.round(posts[column] * rng.uniform(0.5, 1.5, n)).astype(int)
    start = pd.Timestamp("2021-11-01 08:00")
    posts["date"] = start + pd.to_timedelta(np.sort(rng.uniform(0, 5 * 365, n)), unit="D")
    posts["post_id"] = np.arange(1, n + 1)
    return posts


def timed(run) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    posts, other = many_posts(), sample_tables()
    audit(posts, **other)  # warm up: imports, VADER's lexicon, caches
    report = {
        f"audit() on {len(posts):,} posts": timed(lambda: audit(posts, **other)),
        f"audit() on {len(posts):,} posts with date and text only (word classifier)": timed(
            lambda: audit(posts[["date", "text"]])
        ),
        f"audit() + figure PNG on {len(posts):,} posts": timed(lambda: audit(posts, **other).png()),
    }
    for name, times in report.items():
        print(f"{name}: median {statistics.median(times):.3f} s, worst {max(times):.3f} s ({RUNS} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
