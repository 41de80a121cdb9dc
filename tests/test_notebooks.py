"""The notebooks as shipped: clean, consistent with the package, and fillable with solutions."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from sevencs import book
from sevencs.exercises import chapter_items
from sevencs.publish.config import configured_site
from sevencs.publish.notebooks import (
    answer_line,
    cells_with_outputs,
    chapter_of,
    fill_solutions,
    lab_metadata,
    setup_cell,
    with_book_links,
)

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted([*ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("exercises/*.ipynb")])
EXERCISE_NOTEBOOKS = sorted(ROOT.glob("exercises/*.ipynb"))


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            files.append(entry["file"])
            walk(entry.get("sections", []))

    for part in toc["parts"]:
        walk(part["chapters"])
    return files


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_valid_and_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert cells_with_outputs(nb) == [], "clear the outputs before committing"
    assert "widgets" not in nb.metadata, "saved widget state belongs to the build, not the repository"


def _without_version(metadata: dict) -> dict:
    return {**metadata, "language_info": {k: v for k, v in metadata["language_info"].items() if k != "version"}}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_stored_as_jupyterlab_writes_them(path):
    """JupyterLab fills in the kernel's metadata when a notebook opens; stored otherwise, every notebook
    opens marked modified. The Python version is the course's (binder/runtime.txt); the end-to-end test
    (tests/test_lab.py) checks that JupyterLab changes nothing."""
    stored = nbformat.read(path, as_version=4).metadata
    assert _without_version(stored) == _without_version(lab_metadata()), (
        "run `python -m sevencs.publish.notebooks lab-metadata notebooks/*.ipynb exercises/*.ipynb`"
    )
    course_python = (ROOT / "binder" / "runtime.txt").read_text().strip().removeprefix("python-")
    assert stored["language_info"]["version"].startswith(course_python + ".")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_code_cell_is_only_comments(path):
    """A cell of comments prints nothing when run; a learner who runs it learns nothing."""
    for cell in nbformat.read(path, as_version=4).cells:
        lines = [line for line in cell.source.splitlines() if line.strip()] if cell.cell_type == "code" else []
        assert not lines or not all(line.lstrip().startswith("#") for line in lines), cell.source


def test_a_notebook_with_outputs_is_detected():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1", execution_count=1)])
    assert cells_with_outputs(nb) == [0]


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_exercise_notebooks_start_with_their_chapters_setup(path):
    module = importlib.import_module(f"sevencs.exercises.{chapter_of(path)}")
    assert setup_cell(nbformat.read(path, as_version=4)).startswith(module.SETUP)


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_every_exercise_has_one_blank_a_check_and_its_questions_are_asked(path):
    chapter = chapter_of(path)
    source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    items = chapter_items(chapter)
    for exercise in items["exercises"]:
        assert len(answer_line(exercise.answer_name).findall(source)) == 1
        assert f"ex.{exercise.name}.check({exercise.answer_name})" in source
    for question in items["questions"] + items["reflections"]:
        assert f"ex.{question.name}.ask()" in source


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_the_feedback_names_each_exercise_as_the_heading_above_its_check_does(path):
    cells = nbformat.read(path, as_version=4).cells
    for exercise in chapter_items(chapter_of(path))["exercises"]:
        check = next(
            i for i, c in enumerate(cells) if c.cell_type == "code" and f"ex.{exercise.name}.check(" in c.source
        )
        heading = next(
            c.source for c in reversed(cells[:check]) if c.cell_type == "markdown" and c.source.startswith("## ")
        )
        assert heading.startswith(f"## {exercise.display_name} · "), heading.splitlines()[0]


@pytest.mark.parametrize("path", EXERCISE_NOTEBOOKS, ids=lambda p: p.name)
def test_filling_replaces_every_blank_with_its_solution(path):
    chapter = chapter_of(path)
    filled = fill_solutions(nbformat.read(path, as_version=4), chapter, expect_correct=True)
    source = "\n".join(c.source for c in filled.cells)
    for exercise in chapter_items(chapter)["exercises"]:
        assert exercise.solution_code in source
        assert not answer_line(exercise.answer_name).search(source)
    assert "SEVENCS_EXPECT_CORRECT" in filled.cells[0].source


def test_filling_refuses_a_notebook_whose_blank_is_missing():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("story_3_hops = 768")])
    with pytest.raises(ValueError, match="story_3_hops = \\.\\.\\."):
        fill_solutions(nb, "connection")


def test_the_fill_command_writes_filled_copies(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sevencs.publish.notebooks",
            "fill",
            *map(str, EXERCISE_NOTEBOOKS),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in EXERCISE_NOTEBOOKS)
    assert "->" in result.stdout


def test_chapter_of_reads_the_file_name():
    assert chapter_of(Path("exercises/01_connection.ipynb")) == "connection"
    assert chapter_of(Path("notebooks/01_connection_lab.ipynb")) == "connection"
    with pytest.raises(ValueError, match="does not name a chapter"):
        chapter_of(Path("scratch.ipynb"))


def test_every_page_in_the_table_of_contents_exists():
    for name in toc_files():
        assert any((ROOT / f"{name}{ext}").exists() for ext in (".md", ".ipynb")), name


def test_every_notebook_is_in_the_table_of_contents():
    listed = set(toc_files())
    for path in NOTEBOOKS:
        assert str(path.relative_to(ROOT).with_suffix("")) in listed


GLUE = re.compile(r"\{glue:text\}`([a-z0-9_]+)")


CHAPTER_PAGES = sorted(p.stem for p in (ROOT / "book").glob("*.md") if GLUE.search(p.read_text()))


def test_the_chapter_pages_quote_computed_numbers():
    assert {"welcome", "connection"} <= set(CHAPTER_PAGES)


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_every_glued_number_in_a_page_is_computed_by_the_package(page):
    used = set(GLUE.findall((ROOT / "book" / f"{page}.md").read_text()))
    computed = set(book.numbers_for(page))
    assert used <= computed, used - computed


def test_a_page_without_a_numbers_module_gets_a_clear_message():
    with pytest.raises(ValueError, match="no numbers module for the page 'nowhere'"):
        book.numbers_for("nowhere")


def _book_pages() -> set[str]:
    return {file.removeprefix("book/") for file in toc_files() if file.startswith("book/")}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_link_to_chapter_pages_not_to_their_sources(path):
    """JupyterLab opens a link to book/welcome.md as MyST source, {glue:text} and all; the notebooks link to the
    published page (the book build turns those into links to its own pages)."""
    site = configured_site(ROOT)
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    assert not re.findall(r"\]\([^)]*\.md\b", text)
    linked = re.findall(rf"\]\({re.escape(site)}book/([\w-]+)\.html", text)
    assert linked and set(linked) <= _book_pages()


def test_book_links_are_rewritten_to_the_published_page_and_nothing_else():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "Read [the chapter](../book/welcome.md#start), [the old site's page]"
                "(https://old.example.org/x/book/clients.html), [a paper](https://journal.example.org/book/clients.html"
                "), [a lab](../notebooks/01_connection_lab.ipynb) and [a draft](../book/draft.md)."
            ),
            nbformat.v4.new_code_cell("x = '](../book/welcome.md)'"),
        ]
    )
    site = "https://books.example.org/course/"
    linked = with_book_links(nb, site, {"welcome", "clients"}, previous=["https://old.example.org/x/"])
    assert linked.cells[0].source == (
        f"Read [the chapter]({site}book/welcome.html#start), [the old site's page]({site}book/clients.html), "
        "[a paper](https://journal.example.org/book/clients.html), [a lab](../notebooks/01_connection_lab.ipynb) "
        "and [a draft](../book/draft.md)."
    )
    assert linked.cells[1].source == nb.cells[1].source
