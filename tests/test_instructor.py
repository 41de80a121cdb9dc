"""The instructor guide's numbers, its list of common mistakes (the exercises' own Mistake records) and its agendas."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from sevencs.book.agendas import AGENDAS, explorer_name, lab_notebook
from sevencs.book.instructor import agenda_table, common_mistakes, numbers
from sevencs.course.engine import Mistake
from sevencs.exercises import CHAPTERS, chapter_items, community, conversation, relationships, welcome

ALL_EXERCISES = [e for c in CHAPTERS for e in chapter_items(c)["exercises"]]
# every exercise but the labels of conversation q1, whose mistakes are slips on single posts, and the
# free-text rewrite of relationships q4, which is judged by its share of you words, not against known answers
ANSWERED_WHOLE = [e for e in ALL_EXERCISES if e not in (conversation.q1, relationships.q4)]


@pytest.fixture(scope="module")
def table():
    return common_mistakes().table


def listed(table, chapter, name) -> list[str]:
    return table[(table["chapter"] == chapter) & (table["exercise"] == name)]["feedback"].tolist()


def test_the_counts_match_the_chapter_modules(table):
    got = numbers()
    assert got["chapters"] == len(CHAPTERS) == 8
    assert got["exercises"] == sum(len(chapter_items(c)["exercises"]) for c in CHAPTERS)
    assert got["self_checks"] == sum(len(chapter_items(c)["questions"]) for c in CHAPTERS)
    assert got["mistakes"] == len(table)


def test_every_exercise_lists_its_mistakes_once_each_in_the_checkers_order(table):
    for exercise in ALL_EXERCISES:
        messages = [m.message for m in exercise.known_mistakes]
        assert all(isinstance(m, Mistake) for m in exercise.known_mistakes)
        assert listed(table, exercise.chapter, exercise.name) == list(dict.fromkeys(messages)), exercise.label


@pytest.mark.parametrize("exercise", ANSWERED_WHOLE, ids=[e.label for e in ANSWERED_WHOLE])
def test_each_listed_mistake_is_the_feedback_a_learner_gets_for_it(table, exercise):
    shown = listed(table, exercise.chapter, exercise.name)
    assert exercise.known_mistakes, f"{exercise.label} recognises no mistake"
    for mistake in exercise.known_mistakes:
        feedback = exercise.check(mistake.value)
        assert not feedback.correct, f"{exercise.label}: {mistake.value!r} passes as correct"
        assert feedback.message in shown


def test_label_slips_are_listed_and_are_what_a_learner_gets_for_them(table):
    expected = conversation.q1.expected()
    for mistake in conversation.q1.known_mistakes:
        post, label = mistake.value
        answer = [label if i == post else right for i, right in enumerate(expected)]
        assert mistake.message in conversation.q1.check(answer).message
        assert mistake.message in listed(table, "conversation", "q1")


def test_mistakes_that_used_to_need_code_are_listed_with_their_numbers(table):
    # the exact moment, before rounding up to a whole month: the message names it (5.32 months)
    exact = community.cm.half_market_time(community.Q4_START, community.Q4_RATE, community.Q4_MARKET)
    assert f"({exact:.2f} months)" in community.q4.check(round(exact, 2)).message
    assert community.q4.check(exact).message in listed(table, "community", "q4")
    # a table's shape and an undefined share: answers that are not numbers
    assert welcome.q1.check(welcome.load_posts().shape).message in listed(table, "welcome", "q1")
    assert relationships.q3.check(relationships.rx.you_we_ratio("Hello!")).message in listed(
        table, "relationships", "q3"
    )


def test_every_chapter_has_mistakes_and_the_html_shows_code_as_code():
    mistakes = common_mistakes()
    assert set(mistakes.table["chapter"]) == set(CHAPTERS)
    page = mistakes._repr_html_()
    assert "<code>" in page and "`" not in page


# --- the agendas: one list, drawn in the guide and read by the report (issue 14, item 4) ----------

ROOT = Path(__file__).resolve().parents[1]


def guide_agendas() -> list[tuple[str, str]]:
    """The guide's agenda headings, each with the agenda its table is drawn from."""
    text = (ROOT / "book" / "instructor.md").read_text()
    section = text[text.index("## Agendas") : text.index("## Handing out the notebooks")]
    return re.findall(
        r"### (.+)\n+```\{code-cell\} ipython3\n:tags: \[remove-input\]\nagenda_table\(\"([^\"]+)\"\)", section
    )


def test_the_guide_draws_every_agenda_from_the_list_under_its_own_title():
    assert guide_agendas() == [(a.title, a.name) for a in AGENDAS]
    section = (ROOT / "book" / "instructor.md").read_text().split("## Agendas")[1].split("## Handing out")[0]
    assert "| time |" not in section  # no hand-written table left to drift


@pytest.mark.parametrize("agenda", AGENDAS, ids=[a.name for a in AGENDAS])
def test_every_agenda_names_real_exercises_notebooks_and_explorers(agenda):
    exercises = {(c, e.name) for c in CHAPTERS for e in chapter_items(c)["exercises"]}
    assert set(agenda.exercises()) <= exercises and agenda.exercises()
    for slot in agenda.slots:
        how = slot.how_text()
        assert "{" not in how and "}" not in how, how  # every placeholder filled
        for path in re.findall(r"`((?:exercises|notebooks)/[^`]+\.ipynb)`", how):
            assert (ROOT / path).is_file(), path
        if "{explorer}" in slot.how:
            lab = nbformat.read(ROOT / lab_notebook(slot.chapter), as_version=4)
            headings = [line for cell in lab.cells if cell.cell_type == "markdown" for line in cell.source.splitlines()]
            assert any(line.startswith("## ") and explorer_name(slot.chapter) in line for line in headings), how


@pytest.mark.parametrize("agenda, minutes", [("taster", 90), ("half-day", 210), ("full-day", 390)])
def test_each_agenda_lasts_as_long_as_its_title_says(agenda, minutes):
    table = agenda_table(agenda)
    assert table.rows[0][0].startswith("0:00–") and table.rows[-1][0].endswith(f"–{minutes // 60}:{minutes % 60:02d}")
    html = table._repr_html_()
    assert "<code>exercises/" in html and "`" not in html  # file names shown as code
    assert f"--agenda {agenda}" in html


def test_the_taster_covers_the_exercises_its_table_names():
    table = agenda_table("taster")
    assert table.exercises == [("connection", "q1"), ("connection", "q2"), ("content", "q1")]
    rows = {what: how for _, what, how in table.rows}
    assert "exercises 1 and 2 of `exercises/01_connection.ipynb`" in rows["Connection"]
    assert "The Connection explorer in `notebooks/01_connection_lab.ipynb`" in rows["Connection"]
    assert "exercise 1 of `exercises/04_content.ipynb`" in rows["Content"]
