"""The instructor's answer sheet, read back as an instructor reads it: every value passes its exercise's check.

The sheet is parsed with a real HTML parser and each line is taken at its word: the value
shown for an exercise is fed back into that exercise's ``check()``, the letter shown for a
self-check into ``answer()``, the model answer compared with the reflection's. Sections are
matched to chapters by the titles the exercise notebooks show at their top, read here from the
notebooks themselves; nothing the sheet says is copied into this file.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from sevencs.chapters import CHAPTERS
from sevencs.classroom.sheet import (
    AnswerSheet,
    ExerciseLine,
    ReflectionLine,
    Section,
    SelfCheckLine,
    Shown,
    as_shown,
    build_sheet,
    exercise_line,
)
from sevencs.course.agendas import AGENDAS
from sevencs.course.engine import Exercise, Feedback, Status
from sevencs.exercises import chapter_items
from sevencs.render.html import LETTERS

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "_build" / "sheet-screenshots"


def notebook_headings(path: Path) -> list[str]:
    """A notebook's Markdown heading lines, read as JSON (independently of the package's own reader)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
    return [
        line
        for cell, text in zip(cells, lines)
        if cell["cell_type"] == "markdown"
        for line in text.splitlines()
        if line.startswith("#")
    ]


def chapter_titles() -> dict[str, str]:
    """The title at the top of each exercise notebook → its chapter (from the file name, 01_connection)."""
    titles = {}
    for path in sorted((ROOT / "exercises").glob("*.ipynb")):
        first = next(h for h in notebook_headings(path) if h.startswith("# "))
        titles[first.removeprefix("# ")] = path.stem.split("_", 1)[1]
    return titles


def read_sheet(html: str) -> list[dict]:
    """The sheet as an instructor reads it: sections (title, time), each with its lines in order."""
    page = BeautifulSoup(html, "html.parser")
    sections = []
    for section in page.select("section.sheet-section"):
        heading = section.find("h2")
        time = heading.find(class_="sheet-time")
        time_text = time.get_text() if time else ""
        if time:
            time.extract()
        lines = []
        for item in section.select("li.sheet-item"):
            kind = next(c for c in item["class"] if c != "sheet-item").removeprefix("sheet-")
            label_element = item.select_one(".sheet-label")
            line = {
                "kind": kind,
                "label": label_element.find("strong").get_text(),
                "heading": label_element.get_text(" ", strip=True),
            }
            if kind == "exercise":
                value = item.select_one(".sheet-value")
                line["value"] = value.get_text()
                line["block"] = value.name == "pre"
                target = item.select_one(".sheet-target")
                line["target"] = target.get_text() if target else ""
            elif kind == "self-check":
                line["letter"] = item.select_one(".sheet-letter").get_text().removesuffix(")")
                line["text"] = item.select_one(".sheet-option-text").get_text()
                line["why"] = item.select_one(".sheet-why").get_text()
            else:
                line["model_answer"] = item.select_one(".sheet-model-answer").get_text()
            lines.append(line)
        sections.append({"title": heading.get_text(strip=True), "time": time_text, "lines": lines})
    return sections


def as_answer(line: dict):
    """What a learner would type to give the value the sheet shows (a Series as a dict of its lines)."""
    text = line["value"]
    if line["block"] and not line["target"]:  # a pandas Series, printed: label and value per line
        rows = text.strip().splitlines()[1:-1]  # between its index's name and its Name/dtype line
        return {label: float(value) for label, value in (row.split() for row in rows)}
    return ast.literal_eval(text)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def whole_course() -> list[dict]:
    return read_sheet(build_sheet(ROOT).to_html())


def lines_by_chapter(sections: list[dict]) -> dict[str, list[dict]]:
    titles = chapter_titles()
    found = {}
    for section in sections:
        assert section["title"] in titles, f"{section['title']!r} is not the title of an exercise notebook"
        found[titles[section["title"]]] = section["lines"]
    return found


def find(items: list, label: str):
    matches = [i for i in items if i.display_name == label]
    assert len(matches) == 1, label
    return matches[0]


# --- the whole course's sheet ------------------------------------------------------------------


def test_sections_follow_the_course_under_the_notebooks_own_titles(whole_course):
    titles = chapter_titles()
    assert [titles[s["title"]] for s in whole_course] == list(CHAPTERS)


def test_each_exercises_value_passes_its_own_check(whole_course):
    checked = []
    for chapter, lines in lines_by_chapter(whole_course).items():
        exercises = chapter_items(chapter)["exercises"]
        for line in (line for line in lines if line["kind"] == "exercise"):
            exercise = find(exercises, line["label"])
            feedback = exercise.check(as_answer(line))
            assert feedback.correct, f"{chapter} {line['label']}: {line['value']!r} → {feedback}"
            checked.append(exercise)
    every = [e for c in CHAPTERS for e in chapter_items(c)["exercises"]]
    assert checked == every  # each exercise once, in course order


def test_a_value_that_is_not_the_expected_one_would_fail_that_check(whole_course):
    """The test above would catch a wrong sheet: a neighbouring exercise's value does not pass."""
    lines = lines_by_chapter(whole_course)["connection"]
    exercises = chapter_items("connection")["exercises"]
    values = [as_answer(line) for line in lines if line["kind"] == "exercise"]
    for exercise, wrong in zip(exercises, values[1:] + values[:1]):
        assert not exercise.check(wrong).correct


def test_exercises_are_named_and_titled_as_their_notebooks_show_them(whole_course):
    for chapter, lines in lines_by_chapter(whole_course).items():
        path = next((ROOT / "exercises").glob(f"*_{chapter}.ipynb"))
        headings = [h.removeprefix("## ") for h in notebook_headings(path) if re.match(r"## Exercise \d+ · ", h)]
        shown = [line["heading"] for line in lines if line["kind"] == "exercise"]
        assert shown == headings
        reflection = [h.removeprefix("## ") for h in notebook_headings(path) if h.startswith("## Reflection")]
        assert [line["label"] for line in lines if line["kind"] == "reflection"] == reflection


def test_each_self_check_shows_its_right_option_and_why(whole_course):
    for chapter, lines in lines_by_chapter(whole_course).items():
        questions = chapter_items(chapter)["questions"]
        shown = [line for line in lines if line["kind"] == "self-check"]
        assert [line["label"] for line in shown] == [q.display_name for q in questions]
        for line, question in zip(shown, questions):
            assert question.answer(line["letter"]).correct, f"{chapter} {line['label']}: {line['letter']} is wrong"
            option = question.options[LETTERS.index(line["letter"])]
            assert words(line["text"]) == words(option.text)
            assert words(line["why"]) == words(option.why)


def test_a_wrong_option_is_never_the_one_shown():
    """Every question with its right option moved elsewhere: the sheet follows it."""
    from dataclasses import replace

    from sevencs.classroom.sheet import self_check_line

    for chapter in CHAPTERS:
        for question in chapter_items(chapter)["questions"]:
            for position in range(len(question.options)):
                right = next(o for o in question.options if o.correct)
                others = [o for o in question.options if not o.correct]
                moved = replace(question, options=(*others[:position], right, *others[position:]))
                line = self_check_line(moved)
                assert line.letter == LETTERS[position] and line.text == right.text
                assert not any(moved.answer(LETTERS[i]).correct for i in range(len(others) + 1) if i != position)


def test_each_reflection_shows_its_model_answer(whole_course):
    for chapter, lines in lines_by_chapter(whole_course).items():
        (reflection,) = chapter_items(chapter)["reflections"]
        (line,) = [line for line in lines if line["kind"] == "reflection"]
        assert words(line["model_answer"]) == words(reflection.model_answer)


def test_free_text_shows_what_passes_and_an_example_that_does(whole_course):
    free = [
        (chapter, line)
        for chapter, lines in lines_by_chapter(whole_course).items()
        for line in lines
        if line["kind"] == "exercise" and line["target"]
    ]
    assert free, "no free-text exercise on the sheet"
    for chapter, line in free:
        exercise = find(chapter_items(chapter)["exercises"], line["label"])
        assert exercise.example_answer is not None
        assert f"{exercise.expected():.0%}" in line["target"]
        assert exercise.check(as_answer(line)).correct


def test_the_sheet_never_names_an_item_by_its_internal_id():
    page = BeautifulSoup(build_sheet(ROOT).to_html(), "html.parser").get_text(" ")
    assert not re.search(r"\b(q|sc)\d+\b", page)
    assert not re.search(rf"\b({'|'.join(CHAPTERS)}) (q\d+|sc\d+|reflection)\b", page)


# --- one sheet per agenda ----------------------------------------------------------------------


@pytest.mark.parametrize("agenda", AGENDAS, ids=[a.name for a in AGENDAS])
def test_each_agendas_sheet_holds_exactly_what_learners_do_in_it(agenda):
    sections = read_sheet(build_sheet(ROOT, agenda).to_html())
    by_chapter = lines_by_chapter(sections)
    for chapter in CHAPTERS:
        items = chapter_items(chapter)
        wanted = [
            (kind, item.display_name)
            for kind, key in (("exercise", "exercises"), ("self-check", "questions"), ("reflection", "reflections"))
            for item in items[key]
            if agenda.includes(chapter, item.name)
        ]
        shown = [
            (line["kind"], line["label"] if line["kind"] != "reflection" else "Reflection")
            for line in by_chapter.get(chapter, [])
        ]
        assert shown == wanted, chapter
    for section in sections:
        chapter = chapter_titles()[section["title"]]
        slot = next((s for s in agenda.slots if s.chapter == chapter), None)
        assert section["time"] == (slot.time if slot else "")


def test_the_taster_is_short_and_the_full_day_is_the_whole_course(whole_course):
    taster = read_sheet(build_sheet(ROOT, next(a for a in AGENDAS if a.name == "taster")).to_html())
    assert sum(len(s["lines"]) for s in taster) < sum(len(s["lines"]) for s in whole_course) / 5
    full = read_sheet(build_sheet(ROOT, next(a for a in AGENDAS if a.name == "full-day")).to_html())
    assert [[line["label"] for line in s["lines"]] for s in full] == [
        [line["label"] for line in s["lines"]] for s in whole_course
    ]


# --- values as a notebook shows them -------------------------------------------------------------


class _TableExercise(Exercise):
    title = "A table"

    def expected(self) -> pd.DataFrame:
        return pd.DataFrame({"account": ["a", "b", "c"], "posts": [1, 2, 3]})

    def judge(self, answer, expected) -> Feedback:
        return self._feedback(Status.CORRECT if answer == expected.shape else Status.INCORRECT, "")


def test_a_table_is_shown_by_its_shape_and_that_shape_passes():
    exercise = _TableExercise("welcome", "q9")
    line = exercise_line(exercise)
    assert line.label == "Exercise 9" and line.value.text == "(3, 2)"
    assert line.value.about == "a table of 3 rows and 2 columns: account, posts"
    assert exercise.check(ast.literal_eval(line.value.text)).correct


@pytest.mark.parametrize(
    "value, text, block",
    [
        (np.float64(0.25), "0.25", False),
        (np.int64(184), "184", False),
        ("market_organiser", "'market_organiser'", False),
        (["promotional", "informational"], "['promotional', 'informational']", False),
        (pd.Series({"comment": 6.5, "message": 4.25}, name="hours"), None, True),
    ],
)
def test_values_are_written_as_a_notebook_shows_them(value, text, block):
    shown = as_shown(value)
    assert shown.text == (text if text is not None else repr(value)) and shown.block == block


def test_a_long_number_gets_a_rounder_reading_and_a_short_one_does_not():
    assert as_shown(1 / 3).about == "about 0.333"
    assert as_shown(0.25).about == "" and as_shown(184).about == ""


# --- the page ------------------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> \"q\" 'a' & <img src=x onerror=alert(2)>"


def test_text_on_the_sheet_is_escaped():
    line = ExerciseLine("Exercise 1", HOSTILE, Shown(HOSTILE, block=True), target=HOSTILE)
    sheet = AnswerSheet(
        HOSTILE,
        None,
        (
            Section(
                HOSTILE,
                "exercises/x.ipynb",
                "",
                (line, ExerciseLine("Exercise 2", HOSTILE, Shown(HOSTILE, about=HOSTILE))),
                (SelfCheckLine("Self-check 1", "a", HOSTILE, HOSTILE),),
                (ReflectionLine("Reflection", HOSTILE),),
            ),
        ),
    )
    page = BeautifulSoup(sheet.to_html(), "html.parser")
    assert not page.find_all("script") and not page.find_all("img")
    assert page.title.get_text() == HOSTILE
    assert page.select_one("pre.sheet-value").get_text() == HOSTILE


def test_the_page_fits_a_phone_and_a_laptop_without_sideways_scrolling(tmp_path):
    """Opened in Chromium as a phone (390 px, with the page's viewport) and a laptop (1280 px)."""
    pytest.importorskip("playwright")
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(Path(__file__).parent))
    from lab_harness import chromium

    page_file = build_sheet(ROOT).save(tmp_path / "answer-sheet.html")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright, chromium(playwright) as browser:
        for width, phone in ((390, True), (1280, False)):
            context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=phone)
            page = context.new_page()
            page.goto(page_file.as_uri())
            widths = page.evaluate(
                "() => ({page: document.documentElement.scrollWidth, window: window.innerWidth,"
                " widest: Math.max(...[...document.querySelectorAll('body *')]"
                ".map(e => e.getBoundingClientRect().right))})"
            )
            assert widths["window"] == width
            assert widths["page"] <= width and widths["widest"] <= width, widths
            page.screenshot(path=str(SCREENSHOTS / f"answer-sheet-{width}.png"))
            context.close()


def test_answer_key_writes_the_sheets_beside_the_keys(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "sevencs.cli", "answer-key", "--out", str(tmp_path), "--course", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    sheets = sorted(p.name for p in tmp_path.glob("answer-sheet*.html"))
    assert sheets == sorted(["answer-sheet.html", *(f"answer-sheet-{a.name}.html" for a in AGENDAS)])
    for name in sheets:
        assert str(tmp_path / name) in result.stdout
    assert read_sheet((tmp_path / "answer-sheet.html").read_text()) == read_sheet(build_sheet(ROOT).to_html())
