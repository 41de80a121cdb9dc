"""Time `sevencs report` on a made-up class of 200 exports (plus 4 broken files).

    .venv/bin/python benchmarks/class_report.py            # 5 runs; prints the median and the worst

Runs the real command in a separate process, as an instructor would, so the
time includes starting Python and importing the package. The class comes from
tests/classroom.py (seeded), written to a temporary folder.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from classroom import simulate_class

RUNS = 5
LEARNERS = 200


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        made = simulate_class(Path(folder) / "exports", learners=LEARNERS)
        events = sum(p.read_text().count('"kind"') for p in made.good)
        out = Path(folder) / "out"
        command = [sys.executable, "-m", "sevencs.cli", "report", str(made.folder), "--out", str(out)]
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    print(
        f"sevencs report on {LEARNERS} exports ({events:,} events) + {len(made.broken)} broken files, "
        f"{RUNS} runs: median {statistics.median(times):.2f} s, worst {max(times):.2f} s"
    )


if __name__ == "__main__":
    main()
