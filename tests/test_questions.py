"""The question bank: well-formed data, answers with explanations, reflections that are kept."""

from __future__ import annotations

import pytest

from sevencs.course.engine import Status
from sevencs.course.questions import Option, Question, Reflection
from sevencs.course.store import ProgressStore
from sevencs.exercises import CHAPTERS, bank, chapter_items

QUESTIONS = [q for q in bank() if isinstance(q, Question)]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_has_three_questions_and_one_reflection(chapter):
    items = chapter_items(chapter)
    assert len(items["questions"]) >= 3
    assert len(items["reflections"]) == 1


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.label for q in QUESTIONS])
def test_every_option_explains_itself_and_exactly_one_is_right(question):
    assert sum(o.correct for o in question.options) == 1
    assert all(len(o.why) > 20 for o in question.options)
    assert len({o.text for o in question.options}) == len(question.options)


def test_a_malformed_question_is_refused():
    with pytest.raises(ValueError, match="exactly one option"):
        Question("x", "sc9", "?", (Option("a", True, "y"), Option("b", True, "y")))
    with pytest.raises(ValueError, match="at least two"):
        Question("x", "sc9", "?", (Option("a", True, "y"),))


def test_answers_by_letter_or_position_show_the_options_explanation():
    question = QUESTIONS[0]
    right = next(i for i, o in enumerate(question.options) if o.correct)
    wrong = (right + 1) % len(question.options)
    feedback = question.answer("abcdefgh"[right].upper())
    assert feedback.correct and feedback.message == question.options[right].why
    assert question.answer(wrong).status is Status.INCORRECT
    assert question.answer(wrong).message == question.options[wrong].why


@pytest.mark.parametrize("choice", ["z", 17, -1, "ab", True])
def test_an_answer_that_is_not_an_option_says_which_are(choice):
    feedback = QUESTIONS[0].answer(choice)
    assert feedback.status is Status.INCORRECT and "'a', 'b'" in feedback.message


def test_no_choice_is_not_answered_and_not_recorded():
    assert QUESTIONS[0].answer(None).status is Status.NOT_ANSWERED
    assert ProgressStore().events().empty


def test_quiz_answers_are_recorded():
    question = QUESTIONS[0]
    question.answer("a")
    events = ProgressStore().events()
    assert list(events["kind"]) == ["quiz"] and list(events["value"]) == ["a"]


def test_a_reflection_is_saved_and_shows_the_model_answer_and_rubric():
    reflection = next(r for r in bank("connection") if isinstance(r, Reflection))
    result = reflection.save("I would start with my sister and the allotment society.")
    assert result.saved
    assert reflection.model_answer in str(result)
    assert all(r in str(result) for r in reflection.rubric)
    assert reflection.saved_text() == "I would start with my sister and the allotment society."
    assert "Saved" in result._repr_html_()


@pytest.mark.parametrize("blank", ["", "   \n", None, ...])
def test_a_blank_reflection_is_not_answered_and_not_saved(blank):
    reflection = next(r for r in bank("welcome") if isinstance(r, Reflection))
    result = reflection.save(blank)
    assert not result.saved and "Not answered yet" in str(result)
    assert reflection.saved_text() is None


def test_reflection_text_with_html_stays_inert_when_shown():
    reflection = next(r for r in bank("welcome") if isinstance(r, Reflection))
    assert reflection.save("<img src=x onerror=alert(1)>").saved
    assert "<img src=x" not in reflection.save("<img src=x onerror=alert(1)>")._repr_html_()


def test_bank_refuses_an_unknown_chapter():
    with pytest.raises(ValueError, match="no chapter 'conection'"):
        bank("conection")
