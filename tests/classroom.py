"""A made-up class of learners' progress exports, for the class-report tests and benchmark.

Seeded, so the same call always writes the same files. The class has the awkward
cases a real one has: learners who skip chapters, two people (or one person twice)
with the same name, a name with HTML in it, exports from an older format that also
mention an exercise this version of the course no longer has, and a few broken files.
Written with the standard library only (json, random), not with sevencs.classroom.exports.

:func:`learner_works` is the other way to make a class: a learner's session on a hub,
recorded by the real exercises (``check``, ``hint``, ``solution``) into that learner's
own progress file, as the notebooks record it.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sevencs.course.store import ENV_VAR
from sevencs.exercises import CHAPTERS, chapter_items

FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Ema",
    "Femi",
    "Gus",
    "Hana",
    "Ivo",
    "Jo",
    "Kai",
    "Lena",
    "Mo",
    "Nia",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sam",
    "Tao",
]
LAST = ["Lee", "Okafor", "Silva", "Novak", "Haddad", "Kim", "Byrne", "Mensah", "Rossi", "Tanaka"]
DUPLICATE = "Sam Lee"
SCRIPT_NAME = "<script>alert('hi')</script>"
#: An exercise an older version of the course had; old exports still mention it.
RETIRED = ("connection", "q0")
BROKEN = {
    "not-json.json": "this is a shopping list, not JSON\nmilk\neggs\n",
    "wrong-format.json": json.dumps({"format": "someone-elses-progress", "events": []}),
    "empty.json": "",
}


@dataclass
class SimulatedClass:
    folder: Path
    good: list[Path] = field(default_factory=list)
    broken: list[Path] = field(default_factory=list)
    old: list[Path] = field(default_factory=list)


def _exercises() -> list[tuple[str, str]]:
    return [(c, e.name) for c in CHAPTERS for e in chapter_items(c)["exercises"]]


def _learner_events(rng: random.Random, difficulty: dict, old: bool) -> list[dict]:
    events = []
    minute = 0

    def add(chapter, item, kind, status=None, value=None):
        nonlocal minute
        minute += rng.randint(1, 9)
        event = {"chapter": chapter, "item": item, "kind": kind, "status": status}
        if not old:  # the old format kept neither times nor values
            event["time"] = f"2026-02-{1 + minute // 1440:02d}T{(minute // 60) % 24:02d}:{minute % 60:02d}:00"
            event["value"] = value
        events.append(event)

    stop_after = rng.choice([len(CHAPTERS)] * 5 + list(range(1, len(CHAPTERS))))  # some drop out
    for position, chapter in enumerate(CHAPTERS[:stop_after]):
        if position and rng.random() < 0.15:  # skips this chapter
            continue
        for _, item in [x for x in _exercises() if x[0] == chapter]:
            if rng.random() < 0.12:
                continue  # skips this exercise
            hard = difficulty[(chapter, item)]
            if rng.random() < hard:
                for hint in range(1, rng.randint(1, 3) + 1):
                    add(chapter, item, "hint", value=str(hint))
            if rng.random() < hard / 3:
                add(chapter, item, "solution")
            tries = rng.randint(1, 4)
            passes = rng.random() > hard
            for attempt in range(tries):
                last = attempt == tries - 1
                add(chapter, item, "attempt", "correct" if (last and passes) else "incorrect", "42")
            if passes and rng.random() < 0.1:
                add(chapter, item, "attempt", "incorrect", "7")  # tried again after passing
        add(chapter, "sc1", "quiz", rng.choice(["correct", "incorrect"]), "a")
    if old:
        add(*RETIRED, "attempt", "incorrect")
        add(*RETIRED, "hint", value="1")
    return events


def simulate_class(folder: Path, learners: int = 200, seed: int = 7) -> SimulatedClass:
    """Write ``learners`` exports plus the broken files of :data:`BROKEN` and one truncated export."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    difficulty = {key: rng.uniform(0.05, 0.7) for key in _exercises()}
    made = SimulatedClass(folder)
    for number in range(learners):
        old = number % 40 == 3
        if number in (5, 77):
            name = DUPLICATE
        elif number in (9, 10):
            name = SCRIPT_NAME
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
        data = {"format": "sevencs-progress", "learner": name, "events": _learner_events(rng, difficulty, old)}
        if not old:
            data.update(
                format_version=1, course_version="0.1.0", exported_at="2026-03-01T09:00:00", includes_reflections=False
            )
        path = folder / f"learner-{number:03d}.json"
        path.write_text(json.dumps(data, indent=1))
        made.good.append(path)
        if old:
            made.old.append(path)
    for name, text in BROKEN.items():
        (folder / name).write_text(text)
        made.broken.append(folder / name)
    whole = made.good[0].read_text()
    truncated = folder / "truncated.json"
    truncated.write_text(whole[: len(whole) // 2])
    made.broken.append(truncated)
    return made


@contextlib.contextmanager
def progress_file(path: Path) -> Iterator[Path]:
    """Within the block, the exercises record into ``path``, as a learner's notebooks with their own file."""
    before = os.environ.get(ENV_VAR)
    os.environ[ENV_VAR] = str(path)
    try:
        yield path
    finally:
        if before is None:
            del os.environ[ENV_VAR]
        else:
            os.environ[ENV_VAR] = before


def learner_works(home: Path, *steps: Callable[[], object], course: str = "seven-cs") -> Path:
    """A learner on a hub: ``home/<course>/.sevencs/progress.sqlite`` gets what ``steps`` record (each calls
    the real exercises, e.g. ``lambda: ex.q1.check(768)``), in order. Returns the progress file."""
    database = home / course / ".sevencs" / "progress.sqlite"
    database.parent.mkdir(parents=True, exist_ok=True)
    (home / course / "_toc.yml").touch()  # a course folder, as nbgitpuller leaves it
    with progress_file(database):
        for step in steps:
            step()
    return database
