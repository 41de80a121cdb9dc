"""The question bank: well-formed data, answers with explanations, reflections that are kept."""

from __future__ import annotations

from collections import Counter

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


# --- a fair bank: the right option gives itself away neither by its place nor by its length ----------
# A learner who always picks b), or always the longest option, must not do better than chance. The
# limits hold for whatever bank() returns, so questions added later are held to them too.

#: No letter holds more than this share of the right answers (a quarter each is ideal with four options).
MAX_SHARE_AT_ONE_LETTER = 0.40
#: The right option is the longest (or the shortest) in at most this share of questions: chance for a
#: question of three options, and above chance for one of four.
MAX_SHARE_GIVEN_BY_LENGTH = 1 / 3
MIN_OPTIONS = 3


def unfair(questions: list[Question]) -> list[str]:
    """What gives the right answers away in ``questions``: one problem per line, none for a fair bank."""
    problems = [
        f"{q.label}: {len(q.options)} options; a question needs at least {MIN_OPTIONS}"
        for q in questions
        if len(q.options) < MIN_OPTIONS
    ]
    right = [next(i for i, o in enumerate(q.options) if o.correct) for q in questions]
    for letter, count in sorted(Counter("abcdefgh"[i] for i in right).items()):
        if count > MAX_SHARE_AT_ONE_LETTER * len(questions):
            problems.append(f"{count} of {len(questions)} right answers are at {letter})")
    for word, pick in (("longest", max), ("shortest", min)):
        # a tie counts against the bank: "pick the longest" would still find the right option
        given = [
            q.label for q, i in zip(questions, right) if len(q.options[i].text) == pick(len(o.text) for o in q.options)
        ]
        if len(given) > MAX_SHARE_GIVEN_BY_LENGTH * len(questions):
            problems.append(f"the right option is the {word} in {len(given)} of {len(questions)}: {', '.join(given)}")
    return problems


def test_the_bank_gives_no_answer_away_by_position_or_length():
    assert len(QUESTIONS) >= 24
    assert unfair(QUESTIONS) == []


def _made_up(name: str, right_at: int, lengths: tuple[int, ...], right_length: int) -> Question:
    texts = [f"option {i} " + "x" * n for i, n in enumerate(lengths)]
    texts.insert(right_at, "the right one " + "y" * right_length)
    return Question("test", name, "?", tuple(Option(t, t.startswith("the right"), "because") for t in texts))


def test_unfair_flags_a_bank_with_its_right_answers_at_one_letter():
    # right at b) in 5 of 10, never the longest or the shortest: only the position gives it away
    at_b = [_made_up(f"sc{i}", at, (5, 40, 60), 20) for i, at in enumerate([1, 1, 1, 1, 1, 0, 2, 3, 0, 2])]
    assert unfair(at_b) == ["5 of 10 right answers are at b)"]
    spread = [_made_up(f"sc{i}", i % 4, (5, 40, 60), 20) for i in range(10)]
    assert unfair(spread) == []  # 3, 3, 2 and 2 of 10 at a) to d)


def test_unfair_flags_a_bank_whose_right_answer_is_the_longest():
    longest = [_made_up(f"sc{i}", i % 4, (5, 40, 60), 70 if i < 4 else 20) for i in range(10)]
    [problem] = unfair(longest)
    assert problem.startswith("the right option is the longest in 4 of 10")
    # the right option exactly as long as the longest wrong one ("option 2 " and 60 x's)
    as_long = [_made_up(f"sc{i}", i % 4, (5, 40, 60), 60 + len("option 2 ") - len("the right one ")) for i in range(3)]
    assert all(len(q.options[i % 4].text) == max(len(o.text) for o in q.options) for i, q in enumerate(as_long))
    assert any("longest in 3 of 3" in p for p in unfair(as_long)), "a tie for the longest must count"


def test_unfair_flags_a_bank_whose_right_answer_is_the_shortest():
    shortest = [_made_up(f"sc{i}", i % 4, (15, 40, 60), 0 if i < 4 else 20) for i in range(10)]
    assert [p.split(":")[0] for p in unfair(shortest)] == ["the right option is the shortest in 4 of 10"]


def test_unfair_flags_a_question_with_two_options():
    two = [_made_up(f"sc{i}", i % 2, (30,), 25) for i in range(4)]
    assert unfair(two)[:4] == [f"test sc{i}: 2 options; a question needs at least 3" for i in range(4)]
