"""Tools for the course's notebooks: fill in the model solutions, keep notebooks clean.

An exercise notebook leaves one line per exercise for the learner::

    reach_2 = ...  # your answer here

:func:`fill_solutions` replaces each such line with the exercise's
``solution_code`` (an answer key, and what the tests run to prove every
solution passes inside the real notebook). From the command line::

    python -m sevencs.notebooks fill exercises/01_connection.ipynb --out keys/
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

from sevencs.exercises import CHAPTERS
from sevencs.exercises.engine import EXPECT_CORRECT_ENV
from sevencs.progress import chapter_items


def answer_line(name: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(name)} = \.\.\.(\s*#.*)?$", re.MULTILINE)


def chapter_of(path: Path) -> str:
    """The chapter a notebook belongs to, from its file name (``01_connection.ipynb``)."""
    for chapter in CHAPTERS:
        if re.fullmatch(rf"\d\d_{chapter}(_lab)?", path.stem):
            return chapter
    raise ValueError(f"{path.name} does not name a chapter; expected NN_<chapter>.ipynb with one of {CHAPTERS}")


def fill_solutions(nb: nbformat.NotebookNode, chapter: str, expect_correct: bool = False) -> nbformat.NotebookNode:
    """A copy of ``nb`` with every exercise's blank line replaced by its model solution.

    With ``expect_correct``, a first cell makes every check that is not correct
    raise, so running the copy proves each solution passes in place.
    """
    nb = nbformat.from_dict(nb)
    for exercise in chapter_items(chapter)["exercises"]:
        pattern = answer_line(exercise.answer_name)
        cells = [c for c in nb.cells if c.cell_type == "code" and pattern.search(c.source)]
        if len(cells) != 1:
            raise ValueError(
                f"expected exactly one line '{exercise.answer_name} = ...' for {exercise.label}, "
                f"found {len(cells)}"
            )
        cells[0].source = pattern.sub(lambda _: exercise.solution_code, cells[0].source, count=1)
    if expect_correct:
        nb.cells.insert(0, nbformat.v4.new_code_cell(
            f"import os\n\nos.environ[{EXPECT_CORRECT_ENV!r}] = '1'  # every check below must pass"
        ))
    return nb


def setup_cell(nb: nbformat.NotebookNode) -> str:
    """The source of the first code cell."""
    return next(c.source for c in nb.cells if c.cell_type == "code")


def cells_with_outputs(nb: nbformat.NotebookNode) -> list[int]:
    """Indexes of code cells that carry outputs or an execution count."""
    return [
        i for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sevencs.notebooks", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fill = commands.add_parser("fill", help="write copies of exercise notebooks with the solutions filled in")
    fill.add_argument("notebooks", nargs="+", type=Path)
    fill.add_argument("--out", type=Path, required=True, help="folder for the filled copies")
    fill.add_argument("--expect-correct", action="store_true",
                      help="make any check that is not correct stop the notebook (for tests)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        filled = fill_solutions(nb, chapter_of(path), expect_correct=args.expect_correct)
        nbformat.write(filled, args.out / path.name)
        print(f"{path} -> {args.out / path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
