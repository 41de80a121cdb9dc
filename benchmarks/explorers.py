"""How long an explorer takes to answer a slider move.

Runs 20 slider moves on each chapter's explorer as a learner would make them
(setting a slider's value triggers the whole update: computing, drawing,
image). For the Connection explorer it also times the same 20 settings the
naive way: building the whole figure again and rendering it on every move.
Prints the median and the worst time of each, in milliseconds. An interface
feels instant below about 100 ms.

Each other chapter's explorer has a file ``benchmarks/explorer_<chapter>.py``
defining ``MOVES`` (20 ``(attribute, value)`` pairs) and ``make_explorer()``.

    make bench            # or: .venv/bin/python benchmarks/explorers.py
    .venv/bin/python benchmarks/explorers.py caring clients    # only these chapters
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path

import networkx as nx

from sevencs import connection
from sevencs.exercises import CHAPTERS
from sevencs.figures import to_png
from sevencs.figures.connection import draw, explorer_figure
from sevencs.widgets import ConnectionExplorer

# 20 moves across all four sliders: (slider, value)
MOVES = [
    ("hops", 4),
    ("per_friend", 5),
    ("acceptance", 0.5),
    ("start", 20),
    ("hops", 5),
    ("per_friend", 30),
    ("acceptance", 0.1),
    ("start", 3),
    ("hops", 2),
    ("per_friend", 12),
    ("acceptance", 0.85),
    ("start", 40),
    ("hops", 3),
    ("per_friend", 1),
    ("acceptance", 0.3),
    ("start", 10),
    ("hops", 1),
    ("per_friend", 20),
    ("acceptance", 1.0),
    ("hops", 5),
]


def time_moves(explorer, moves=MOVES) -> list[float]:
    times = []
    for name, value in moves:
        slider = getattr(explorer, name)
        began = time.perf_counter()
        slider.value = value
        times.append((time.perf_counter() - began) * 1000)
    return times


def time_naive_rebuild(explorer: ConnectionExplorer) -> list[float]:
    """The same settings, rebuilding and rendering the whole figure each time."""
    settings = {"start": 10, "per_friend": 10, "acceptance": 1.0, "hops": 3}
    pos = nx.get_node_attributes(explorer.graph, "pos")
    times = []
    for name, value in MOVES:
        settings[name] = value
        began = time.perf_counter()
        table = connection.simulate_growth(explorer.graph, seed=explorer.seed, source=explorer.source, **settings)
        fig, artists = explorer_figure(explorer.graph, pos, explorer.source)
        draw(artists, table)
        to_png(fig, dpi=100)
        times.append((time.perf_counter() - began) * 1000)
    return times


def report(label: str, times: list[float]) -> str:
    return f"{label:<40} median {statistics.median(times):6.1f} ms   worst {max(times):6.1f} ms   ({len(times)} moves)"


def chapter_benchmarks() -> list[tuple[str, object]]:
    """The ``explorer_<chapter>.py`` modules next to this file, in course order."""
    found = []
    paths = Path(__file__).parent.glob("explorer_*.py")
    order = {chapter: n for n, chapter in enumerate(CHAPTERS)}
    for path in sorted(paths, key=lambda p: (order.get(p.stem.removeprefix("explorer_"), len(order)), p.stem)):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.append((path.stem.removeprefix("explorer_"), module))
    return found


def main(chapters: list[str]) -> None:
    """Time the named chapters' explorers (all of them when none is named)."""
    if not chapters or "connection" in chapters:
        explorer = ConnectionExplorer()
        time_moves(explorer)  # warm-up: fonts, caches
        print(report("Connection explorer (update in place)", time_moves(ConnectionExplorer())))
        print(report("naive: rebuild the whole figure", time_naive_rebuild(explorer)))
    for chapter, module in chapter_benchmarks():
        if chapters and chapter not in chapters:
            continue
        warm = module.make_explorer()
        time_moves(warm, module.MOVES)  # warm-up: fonts, caches, data
        label = f"{chapter.title()} explorer (update in place)"
        print(report(label, time_moves(module.make_explorer(), module.MOVES)))


if __name__ == "__main__":
    main(sys.argv[1:])
