"""Time `sevencs report` on a made-up class of 300 learners: their exports, and their progress files on a hub.

    .venv/bin/python benchmarks/class_report.py            # 5 runs each; prints the median and the worst

Runs the real command in a separate process, as an instructor would, so the time
includes starting Python and importing the package. The class comes from
tests/classroom.py (seeded), written to a temporary folder twice:

- as 300 exports (plus 4 broken files), read from one folder;
- as 300 progress files, one in each learner's home folder
  (``home/<user>/seven-cs/.sevencs/progress.sqlite``), read with ``--homes``.
  Each file holds the same events as that learner's export, written in one
  transaction (the course writes one per event; the result is the same file).

Each is timed for the whole course and for one agenda (``--agenda taster``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from classroom import simulate_class
from sevencs.course import store as store_module
from sevencs.course.store import EVENT_COLUMNS, ProgressStore

RUNS = 5
LEARNERS = 300


def progress_files(exports: list[Path], homes: Path) -> int:
    """One progress file per export, in a home folder of its own; returns how many events they hold."""
    total = 0
    for number, export in enumerate(exports):
        events = json.loads(export.read_text())["events"]
        rows = [{c: e.get(c) for c in EVENT_COLUMNS} for e in events]
        for row in rows:
            row["time"] = row["time"] or "2026-02-01T09:00:00"  # the old format kept no times
        database = homes / f"user{number:03d}" / "seven-cs" / ".sevencs" / "progress.sqlite"
        database.parent.mkdir(parents=True)
        with ProgressStore(database)._transaction("saved") as con:
            store_module._insert(con, rows)
        total += len(rows)
    return total


def timed(command: list[str]) -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    report = [sys.executable, "-m", "sevencs.cli", "report"]
    with tempfile.TemporaryDirectory() as folder:
        made = simulate_class(Path(folder) / "exports", learners=LEARNERS)
        events = sum(p.read_text().count('"kind"') for p in made.good)
        homes = Path(folder) / "home"
        progress_files(made.good, homes)
        out = str(Path(folder) / "out")
        cases = {
            f"{LEARNERS} exports ({events:,} events) + {len(made.broken)} broken files": [str(made.folder)],
            f"{LEARNERS} progress files in home folders (--homes)": ["--homes", str(homes / "*" / "seven-cs")],
        }
        for label, sources in cases.items():
            for agenda in ([], ["--agenda", "taster"]):
                times = timed([*report, *sources, *agenda, "--out", out])
                print(
                    f"sevencs report on {label}{' --agenda taster' if agenda else ''}, {RUNS} runs: "
                    f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s"
                )


if __name__ == "__main__":
    main()
