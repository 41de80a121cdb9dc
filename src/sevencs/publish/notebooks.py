"""Tools for the course's notebooks: fill in the model solutions, keep notebooks clean.

An exercise notebook leaves one line per exercise for the learner::

    reach_2 = ...  # your answer here

:func:`fill_solutions` replaces each such line with the exercise's
``solution_code`` (an answer key, and what the tests run to prove every
solution passes inside the real notebook). From the command line::

    python -m sevencs.publish.notebooks fill exercises/01_connection.ipynb --out keys/

Every notebook starts with an install cell for Colab (see :mod:`sevencs.publish.install`);
after changing the repository in ``_config.yml``, rewrite them all with::

    python -m sevencs.publish.notebooks install-cell notebooks/*.ipynb exercises/*.ipynb

Notebooks link to their chapters in the published book (``html: baseurl`` in
``_config.yml``; a build of the book turns these into links to its own pages,
see :mod:`sevencs.publish.links`); to turn links to a chapter's source
(``../book/welcome.md``) into such links, or after changing that address::

    python -m sevencs.publish.notebooks book-links notebooks/*.ipynb exercises/*.ipynb [--from OLD_ADDRESS]

Notebooks are stored with the metadata JupyterLab fills in when it opens them
(the kernel's name and language), so a notebook opened and closed unchanged is
not marked modified; after adding a notebook, or with a new Python::

    python -m sevencs.publish.notebooks lab-metadata notebooks/*.ipynb exercises/*.ipynb
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import nbformat

from sevencs.course.engine import EXPECT_CORRECT_ENV
from sevencs.exercises import CHAPTERS, chapter_items
from sevencs.publish.config import configured_repository, configured_site
from sevencs.publish.install import (
    INSTALL_TAGS,
    install_code,
    install_target,
    installed_from,
    is_install_cell,
)


def _literally(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``re.sub`` that inserts ``text`` as it is (no backslash escapes, no group references)."""
    return lambda _match: text


def answer_line(name: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(name)} = \.\.\.(\s*#.*)?$", re.MULTILINE)


def chapter_of(path: Path) -> str:
    """The chapter a notebook belongs to, from its file name (``01_connection.ipynb``)."""
    for chapter in CHAPTERS:
        if re.fullmatch(rf"\d\d_{chapter}(_lab)?", path.stem):
            return chapter
    raise ValueError(f"{path.name} does not name a chapter; expected NN_<chapter>.ipynb with one of {CHAPTERS}")


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def headings(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """The notebook's Markdown headings as (level, text), in order: what a learner sees as its titles."""
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
            match = None if fenced else _HEADING.match(line)
            if match:
                found.append((len(match.group(1)), match.group(2)))
    return found


def title_of(nb: nbformat.NotebookNode) -> str | None:
    """The notebook's title as a learner sees it: its first top-level heading (None when it has none)."""
    return next((text for level, text in headings(nb) if level == 1), None)


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
                f"expected exactly one line '{exercise.answer_name} = ...' for {exercise.label}, found {len(cells)}"
            )
        # a function, not the code as a replacement string: backslashes in the code must stay as written
        cells[0].source = pattern.sub(_literally(exercise.solution_code), cells[0].source, count=1)
    if expect_correct:
        nb.cells.insert(
            0,
            nbformat.v4.new_code_cell(
                f"import os\n\nos.environ[{EXPECT_CORRECT_ENV!r}] = '1'  # every check below must pass"
            ),
        )
    return nb


def setup_cell(nb: nbformat.NotebookNode) -> str:
    """The source of the first code cell after the install cell: the one that sets up the chapter."""
    return next(c.source for c in nb.cells if c.cell_type == "code" and not is_install_cell(c))


def with_install_cell(nb: Any, url: str, branch: str = "main") -> Any:
    """A copy of a notebook with the install cell for ``url``, before its first code cell.

    An existing install cell is rewritten in place (its id kept); otherwise one is
    put just after the notebook's title (its first cell, when that is Markdown).
    Raises ``ValueError`` for a notebook with no code cell.
    """
    nb = nbformat.from_dict(nb)
    source = install_code(url, branch)
    if not any(c.cell_type == "code" for c in nb.cells):
        raise ValueError("the notebook has no code cell; expected one that sets up the chapter")
    existing = next((c for c in nb.cells if is_install_cell(c)), None)
    if existing is not None:
        existing.source = source
        existing.metadata["tags"] = list(INSTALL_TAGS)
    else:
        position = 1 if nb.cells[0].cell_type == "markdown" else 0
        nb.cells.insert(position, nbformat.v4.new_code_cell(source, metadata={"tags": list(INSTALL_TAGS)}))
    return nb


def with_book_links(nb: Any, site: str, pages: Collection[str], previous: Sequence[str] = ()) -> Any:
    """A copy of a notebook whose links to the book's ``pages`` (``welcome``...) lead to the book at ``site``.

    Rewritten: links to a page's source (``../book/welcome.md#anchor``) and links to the book at a
    ``previous`` address. Every other link is left as it is.
    """
    where = "|".join([r"\.\./book/", *(re.escape(old.rstrip("/") + "/book/") for old in previous)])
    link = re.compile(rf"\]\((?:{where})(?P<page>[\w-]+)\.(?:md|html)(?P<anchor>#[^)\s]*)?\)")

    def published(match: re.Match[str]) -> str:
        page = match["page"]
        return f"]({site}book/{page}.html{match['anchor'] or ''})" if page in pages else match[0]

    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = link.sub(published, cell.source)
    return nb


def lab_metadata() -> dict[str, Any]:
    """The notebook metadata JupyterLab sets when a notebook opens with this Python's kernel.

    JupyterLab writes the kernel's spec and its ``language_info`` (the full Python version included) into
    the notebook as its kernel starts; anything different marks the notebook modified, so closing it asks
    to save with nothing done.
    """
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    return {
        "kernelspec": {"display_name": spec.display_name, "language": spec.language, "name": "python3"},
        "language_info": dict(IPythonKernel.language_info),
    }


def stale_install_cells(paths: list[Path], url: str, branch: str = "main") -> list[str]:
    """One line per notebook whose install cell is missing or installs from elsewhere than ``url``."""
    expected = install_target(url, branch)
    problems = []
    for path in paths:
        found = installed_from(nbformat.read(path, as_version=4))
        if found != expected:
            problems.append(f"{path.name}: " + ("no install cell" if found is None else f"installs {found!r}"))
    return problems


def cells_with_outputs(nb: nbformat.NotebookNode) -> list[int]:
    """Indexes of code cells that carry outputs or an execution count."""
    return [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sevencs.publish.notebooks", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fill = commands.add_parser("fill", help="write copies of exercise notebooks with the solutions filled in")
    fill.add_argument("notebooks", nargs="+", type=Path)
    fill.add_argument("--out", type=Path, required=True, help="folder for the filled copies")
    fill.add_argument(
        "--expect-correct", action="store_true", help="make any check that is not correct stop the notebook (for tests)"
    )
    install = commands.add_parser(
        "install-cell", help="give each notebook the install cell for the repository in _config.yml (for Colab)"
    )
    install.add_argument("notebooks", nargs="+", type=Path)
    install.add_argument("--config-dir", type=Path, default=Path("."), help="the folder of _config.yml")
    install.add_argument("--check", action="store_true", help="only report notebooks that need it; exit 1 if any")
    links = commands.add_parser(
        "book-links", help="point the notebooks' links to the book at the published book (html: baseurl)"
    )
    links.add_argument("notebooks", nargs="+", type=Path)
    links.add_argument("--config-dir", type=Path, default=Path("."), help="the folder of _config.yml")
    links.add_argument(
        "--from", dest="previous", action="append", default=[], help="the address the notebooks linked to before"
    )
    metadata = commands.add_parser(
        "lab-metadata", help="store notebooks with the metadata JupyterLab fills in on open (this Python's kernel)"
    )
    metadata.add_argument("notebooks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    if args.command == "install-cell":
        return _install_cells(args)
    if args.command == "book-links":
        site = configured_site(args.config_dir)
        if site is None:
            print(f"No html: baseurl in {args.config_dir / '_config.yml'}; set where the book is published.")
            return 2
        for path in args.notebooks:
            nb = nbformat.read(path, as_version=4)
            pages = {page.stem for page in (args.config_dir / "book").glob("*.md")}
            linked = with_book_links(nb, site, pages, args.previous)
            if linked != nb:
                nbformat.write(linked, path)
                print(f"{path}: links to {site}")
        return 0
    if args.command == "lab-metadata":
        expected = lab_metadata()
        for path in args.notebooks:
            nb = nbformat.read(path, as_version=4)
            if nb.metadata != expected:
                nb.metadata = nbformat.from_dict(expected)
                nbformat.write(nb, path)
                print(f"{path}: metadata as JupyterLab writes it")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        filled = fill_solutions(nb, chapter_of(path), expect_correct=args.expect_correct)
        nbformat.write(filled, args.out / path.name)
        print(f"{path} -> {args.out / path.name}")
    return 0


def _install_cells(args: argparse.Namespace) -> int:
    url, branch = configured_repository(args.config_dir)
    if url is None:
        print(
            f"No repository url in {args.config_dir / '_config.yml'}; expected 'repository:' with 'url:'.",
            file=sys.stderr,
        )
        return 2
    stale = stale_install_cells(args.notebooks, url, branch)
    if args.check:
        for line in stale:
            print(line)
        print(f"{len(stale)} of {len(args.notebooks)} notebooks need `install-cell` for {url}@{branch}.")
        return 1 if stale else 0
    for path in args.notebooks:
        nbformat.write(with_install_cell(nbformat.read(path, as_version=4), url, branch), path)
    print(f"{len(args.notebooks)} notebooks install sevencs from {url}@{branch}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
