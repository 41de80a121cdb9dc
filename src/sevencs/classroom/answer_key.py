"""Answer keys: the course's exercise notebooks with every model solution filled in, for instructors."""

from __future__ import annotations

from pathlib import Path

import nbformat

from sevencs.publish.notebooks import chapter_of, fill_solutions

#: The note at the top of every answer key, so a key handed out by mistake says what it is.
KEY_NOTE = (
    "**Answer key, for instructors.** The model solutions are filled in below "
    "(made with `sevencs answer-key`). Hand learners the notebooks in `exercises/` instead."
)


class NoExerciseNotebooks(ValueError):
    """The folder given as the course has no ``exercises/*.ipynb``; the message says what to do."""


def write_answer_keys(course: Path, out: Path) -> tuple[list[tuple[Path, Path]], list[tuple[Path, str]]]:
    """Write an answer key for each notebook in ``course/exercises`` into ``out``.

    Returns the (notebook, key) pairs written and the (notebook, reason) pairs skipped: one odd
    notebook never stops the others.
    """
    notebooks = sorted((course / "exercises").glob("*.ipynb"))
    if not notebooks:
        raise NoExerciseNotebooks(
            f"No exercise notebooks in {course / 'exercises'}. Run this inside the course "
            "folder, or pass --course with the folder that holds exercises/."
        )
    out.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, Path]] = []
    skipped: list[tuple[Path, str]] = []
    for path in notebooks:
        try:
            filled = fill_solutions(nbformat.read(path, as_version=4), chapter_of(path))
        except Exception as exc:  # one odd notebook must not stop the others
            skipped.append((path, str(exc)))
            continue
        filled.cells.insert(0, nbformat.v4.new_markdown_cell(KEY_NOTE))
        nbformat.write(filled, out / path.name)
        written.append((path, out / path.name))
    return written, skipped
