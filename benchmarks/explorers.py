"""How long an explorer takes to answer a slider move, in Python.

Runs 20 slider moves on each chapter's explorer as a learner would make them
(setting a slider's value triggers the whole update: computing, drawing,
image), then the same 20 settings the naive way: the whole figure built again
and rendered for display on every move (what ``interact`` would do). Prints
the median and the worst time of each, in milliseconds, and the median size
of the explorer's PNG. An interface feels
instant below about 100 ms; ``benchmarks/lab_latency.py`` measures the same
moves as a learner sees them, in JupyterLab.

Each chapter's explorer has a file ``benchmarks/explorer_<chapter>.py``
defining ``MOVES`` (20 ``(attribute, value)`` pairs), ``make_explorer()`` and
``naive(explorer)`` (a function of the controls' values that returns the whole
figure, built again).

    make bench            # or: .venv/bin/python benchmarks/explorers.py
    .venv/bin/python benchmarks/explorers.py caring clients    # only these chapters
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path

from sevencs.exercises import CHAPTERS


def control_names(explorer) -> list[str]:
    """The attribute names of an explorer's controls, in the order it shows them."""
    names = {id(value): name for name, value in vars(explorer).items()}
    return [names[id(control)] for control in explorer.controls]


def time_moves(explorer, moves, sizes: list[int] | None = None) -> list[float]:
    """Each move's time in ms; the size of each move's PNG goes into ``sizes``, when given."""
    times = []
    for name, value in moves:
        slider = getattr(explorer, name)
        began = time.perf_counter()
        slider.value = value
        times.append((time.perf_counter() - began) * 1000)
        if sizes is not None:
            sizes.append(len(explorer.png))
    return times


def time_naive(explorer, module) -> list[float]:
    """The same settings, building the whole figure again and rendering it for display each time."""
    settings = {name: getattr(explorer, name).value for name in control_names(explorer)}
    figure = module.naive(explorer)
    times = []
    for name, value in module.MOVES:
        settings[name] = value
        began = time.perf_counter()
        image = figure(**settings)
        if image is not None:
            image._repr_html_()
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
    for chapter, module in chapter_benchmarks():
        if chapters and chapter not in chapters:
            continue
        warm = module.make_explorer()
        time_moves(warm, module.MOVES)  # warm-up: fonts, caches, data
        sizes: list[int] = []
        times = time_moves(module.make_explorer(), module.MOVES, sizes)
        png = f"   PNG median {statistics.median(sizes) / 1024:.0f} KiB"
        print(report(f"{chapter.title()} explorer (update in place)", times) + png)
        print(report("  naive: rebuild the whole figure", time_naive(warm, module)))


if __name__ == "__main__":
    main(sys.argv[1:])
