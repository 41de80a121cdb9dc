"""The instructor guide's numbers, its list of common mistakes (the exercises' own Mistake records) and its agendas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sevencs.book.instructor import agenda_table, common_mistakes, numbers
from sevencs.course.agendas import AGENDAS, ALL, agenda
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
    # each exercise named as its notebook names it ("Exercise 2"), never by its id ("q2")
    assert not re.search(r"\bq\d+\b", page)
    labels = re.findall(r"<li><strong>([^<]+)</strong>", page)
    assert labels == [e.display_name for e in ALL_EXERCISES if e.known_mistakes]


# --- the agendas (sevencs.course.agendas), shown in the guide and used for the answer sheets --------

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "book" / "instructor.md").read_text(encoding="utf-8")


def lab_headings() -> dict[str, list[str]]:
    """Each lab notebook's headings without their '#' and number ('The Connection explorer'), by its title."""
    labs = {}
    for path in sorted((ROOT / "notebooks").glob("*_lab.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        lines = [
            line.lstrip("#").strip()
            for cell in cells
            if cell["cell_type"] == "markdown"
            for line in "".join(cell["source"]).splitlines()
            if line.startswith("#")
        ]
        labs[lines[0]] = [re.sub(r"^\d+ · ", "", line) for line in lines]
    return labs


def test_the_guide_shows_each_agenda_under_its_title_from_the_data():
    for each in AGENDAS:
        assert (
            f'### {each.title}\n\n```{{code-cell}} ipython3\n:tags: [remove-input]\nagenda_table("{each.name}")'
            in GUIDE
        )
    assert GUIDE.count("agenda_table(") == len(AGENDAS)
    assert "| time | what | how |" not in GUIDE  # no hand-written copy left to drift


@pytest.mark.parametrize("each", AGENDAS, ids=[a.name for a in AGENDAS])
def test_an_agendas_table_lists_its_slots_back_to_back(each):
    rows = BeautifulSoup(agenda_table(each.name)._repr_html_(), "html.parser").select("tbody tr")
    cells = [[td.get_text() for td in row.find_all("td")] for row in rows]
    assert [c[:2] for c in cells] == [[s.time, s.what] for s in each.slots]
    assert each.slots[0].start == "0:00"
    assert all(a.end == b.start for a, b in zip(each.slots, each.slots[1:]))


@pytest.mark.parametrize("each", AGENDAS, ids=[a.name for a in AGENDAS])
def test_explorers_and_labs_are_named_as_their_notebooks_name_them(each):
    labs = lab_headings()
    for slot in each.slots:
        for name in re.findall(r"\bthe (\S+) explorer\b", slot.how, flags=re.IGNORECASE):
            assert any(
                heading.startswith(f"The {name} explorer") for headings in labs.values() for heading in headings
            ), f"{slot.what}: no lab has a heading 'The {name} explorer'"
        for name in re.findall(r"\bthe (\S+) lab\b", slot.how):
            assert any(re.match(rf"Lab \d+ · {name}\b", title) for title in labs), f"{slot.what}: no 'Lab N · {name}'"
        for path in re.findall(r"`((?:notebooks|exercises)/[^`]+)`", slot.how):
            assert (ROOT / path).is_file(), path


def _numbers_in_words(numbers: tuple[int, ...]) -> str:
    if len(numbers) == 1:
        return f"exercise {numbers[0]}"
    if len(numbers) == 2:
        return f"exercises {numbers[0]} and {numbers[1]}"
    assert list(numbers) == list(range(numbers[0], numbers[-1] + 1))
    return f"exercises {numbers[0]}–{numbers[-1]}"


@pytest.mark.parametrize("each", AGENDAS, ids=[a.name for a in AGENDAS])
def test_each_slot_names_items_that_exist_and_says_which_in_words(each):
    for slot in each.slots:
        if slot.chapter is not None:
            items = chapter_items(slot.chapter)
            names = {e.name for e in items["exercises"]} | {q.name for q in items["questions"]}
            for numbers, prefix in ((slot.exercises, "q"), (slot.self_checks, "sc")):
                if numbers != ALL:
                    assert {f"{prefix}{n}" for n in numbers} <= names, slot.what
            if slot.exercises not in (ALL, ()):
                assert _numbers_in_words(slot.exercises) in slot.how, slot.what
        assert set(slot.reflections) <= set(CHAPTERS)


def test_what_each_agenda_includes():
    every = [
        (c, i.name) for c in CHAPTERS for k in ("exercises", "questions", "reflections") for i in chapter_items(c)[k]
    ]
    assert all(agenda("full-day").includes(c, name) for c, name in every)
    taster = [(c, name) for c, name in every if agenda("taster").includes(c, name)]
    assert taster and all(name.startswith("q") for _, name in taster)  # exercises only
    assert len(taster) < len(every) / 5
    assert not agenda("half-day").includes("relationships", "q1")
    assert not agenda("taster").includes("connection", "reflection")
    assert not agenda("taster").includes("connection", "q")  # not an item's name
    with pytest.raises(KeyError, match="taster"):
        agenda("a week")
