"""The exercise engine's contract, on small exercises defined here."""

from __future__ import annotations

import math as _math
import warnings

import numpy as np
import pandas as _pd
import pandas as pd
import pytest
import pytest as _pytest

from sevencs import _checks
from sevencs.course import engine
from sevencs.course.engine import Feedback, Kind, Mistake, NameExercise, NumberExercise, Status
from sevencs.course.store import ProgressWarning


class Seven(NumberExercise):
    title = "seven"
    answer_name = "answer"
    kind = Kind.COUNT
    hints = ("first", "second", "third")
    solution_code = "answer = 7"

    def expected(self):
        return 7

    def mistakes(self, expected):
        yield Mistake(expected + 1, "You counted the starting point.")
        yield Mistake((expected, 2), "That is the table's shape.")
        yield Mistake(expected / 3, "You divided by the three rows.", rel_tol=1e-2)
        yield Mistake(expected, "Never shown: a correct answer is never a mistake.")


class Quarter(NumberExercise):
    title = "a quarter"
    kind = Kind.SHARE
    hints = ("one",)
    solution_code = "answer = 0.25"

    def expected(self):
        return 0.25


class Pick(NameExercise):
    title = "a name"
    hints = ("one",)
    solution_code = "answer = 'rosa_y'"

    def expected(self):
        return "rosa_y"

    def mistakes(self, expected):
        return [Mistake("sam_y", "Popular, not a bridge.")]


SEVEN, QUARTER, PICK = Seven("test", "q1"), Quarter("test", "q2"), Pick("test", "q3")


def test_three_outcomes():
    assert SEVEN.check(7).status is Status.CORRECT
    assert SEVEN.check(6).status is Status.INCORRECT
    assert SEVEN.check(...).status is Status.NOT_ANSWERED
    assert SEVEN.check().status is Status.NOT_ANSWERED


def test_known_mistakes_come_before_generic_messages():
    assert SEVEN.check(8).message == "You counted the starting point."
    assert "higher than the expected" in SEVEN.check(9).message
    assert "lower than the expected" in SEVEN.check(1).message


def test_a_known_mistake_that_is_not_a_number_is_recognised_before_the_kind_of_answer():
    assert SEVEN.check((7, 2)).message == "That is the table's shape."
    assert "a tuple of 2 items" in SEVEN.check((7, 3)).message  # another tuple is just the wrong kind
    assert "a list of 2 items" in SEVEN.check([7, 2]).message  # equal items, but not the kind of the mistake


def test_a_mistake_with_its_own_tolerance_is_recognised_before_the_call_for_a_whole_number():
    # 7 / 3 = 2.333…: rounded to 2.33 it is within 1% of the mistake, and it has decimals
    assert SEVEN.check(2.33).message == "You divided by the three rows."
    assert SEVEN.check(7 / 3).message == "You divided by the three rows."
    assert "has decimals" in SEVEN.check(2.5).message  # 7% away: no known mistake
    # a mistake without its own tolerance does not claim an answer with decimals (8 is a known mistake)
    assert "has decimals" in SEVEN.check(8.000001).message


def test_an_answer_whose_comparison_fails_is_not_taken_for_a_known_mistake():
    class Shape(tuple):
        def __eq__(self, other):
            raise RuntimeError("cannot compare me")

        __hash__ = tuple.__hash__

    feedback = SEVEN.check(Shape((7, 2)))
    assert feedback.status is Status.INCORRECT and "a Shape of 2 items" in feedback.message


def test_a_correct_answer_is_never_reported_as_a_mistake():
    assert SEVEN.check(7).correct and SEVEN.check(7.0).correct


def test_known_mistakes_are_records_computed_once():
    exercise = Seven("test", "q9")
    first = exercise.known_mistakes
    assert first is exercise.known_mistakes
    assert first[0] == Mistake(8, "You counted the starting point.")
    assert [m.message for m in first] == [m.message for m in exercise.mistakes(7)]


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("7", "Remove them"),
        ("seven", "text (a string)"),
        (True, "True/False"),
        ([1, 2, 3], "a list of 3 items"),
        (pd.Series([7]), "single value"),
        (pd.DataFrame({"a": [1, 2]}), "pandas DataFrame (a table) of 2 rows"),
        (np.array([7, 7]), "numpy array of 2 items"),
        (None, "`None`"),
        (len, "a function"),
        (-7, "negative"),
        (7.5, "whole number"),
    ],
)
def test_wrong_kinds_get_messages_that_say_what_was_expected(answer, words):
    feedback = SEVEN.check(answer)
    assert feedback.status is Status.INCORRECT
    assert words in feedback.message


def test_share_diagnoses_percentages_complements_and_counts():
    assert "percentage" in QUARTER.check(25).message
    assert "other part" in QUARTER.check(0.75).message
    assert "not between 0 and 1" in QUARTER.check(3).message
    assert QUARTER.check(0.25).correct and QUARTER.check(np.float32(0.25)).correct


class Share(NumberExercise):
    title = "a share that needs two decimals"
    kind = Kind.SHARE
    hints = ("one",)
    solution_code = "answer = 0.3125"

    def expected(self):
        return 0.3125


def test_a_share_rounded_to_one_decimal_is_close_but_not_right():
    share = Share("test", "q4")
    assert share.check(0.31).correct and share.check(0.312).correct
    assert "Close" in share.check(0.3).message and not share.check(0.3).correct
    assert "Close" not in share.check(0.4).message


@pytest.mark.parametrize("infinity", [float("inf"), float("-inf"), np.inf])
def test_infinity_is_explained_as_a_division_by_zero(infinity):
    for exercise in (SEVEN, QUARTER):
        feedback = exercise.check(infinity)
        assert feedback.status is Status.INCORRECT
        assert "divided by 0" in feedback.message


def test_a_one_item_dictionary_gets_a_way_to_take_the_value_out_that_works_on_it():
    message = SEVEN.check({"nursery": 7}).message
    assert "answer.values()" in message and ".iloc" not in message
    assert ".iloc[0]" in SEVEN.check(pd.Series([7])).message


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (7, "a whole number (an int)"),
        (0.5, "a number with decimals (a float)"),
        (np.int64(3), "a numpy number"),
        (object(), "an object"),
        (range(3), "a range"),
    ],
)
def test_kinds_are_named_in_plain_words_with_the_right_article(value, words):
    assert engine.describe_kind(value) == words


def test_name_exercise():
    assert PICK.check("rosa_y").correct
    assert PICK.check("sam_y").message == "Popular, not a bridge."
    assert "not the answer" in PICK.check("nobody").message
    assert "a number" in PICK.check(0.4).message
    assert "a list of 2 items" in PICK.check(["rosa_y", "sam_y"]).message


def test_an_answer_that_breaks_comparison_is_reported_not_raised():
    class Awkward:
        def __float__(self):
            raise RuntimeError("no")

        def __eq__(self, other):
            raise RuntimeError("cannot compare me")

        __hash__ = object.__hash__

    feedback = PICK.check(Awkward())
    assert feedback.status is Status.INCORRECT


def test_feedback_renders_as_escaped_html_and_plain_text():
    feedback = SEVEN.check("<script>alert(1)</script>")
    html = feedback._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Not yet" in html and "Not yet" in str(feedback)
    correct = Feedback(Status.CORRECT, "Use `len(x)`.", "test q1")
    assert "<code>len(x)</code>" in correct._repr_html_()
    assert str(correct) == "✔ Correct (test q1): Use `len(x)`."


def test_hints_go_in_order_and_never_fail():
    assert "first" in SEVEN.hint().text and "Hint 1 of 3" in SEVEN.hint().heading
    assert "second" in SEVEN.hint(2).text and "hint(3)" in SEVEN.hint(2).text
    last = SEVEN.hint(10)
    assert "third" in last.text and "only 3 hints" in last.text
    assert "first" in SEVEN.hint(0).text and "first" in SEVEN.hint("two").text


def test_solution_is_real_code():
    note = SEVEN.solution()
    assert note.code == "answer = 7"
    assert "answer = 7" in note._repr_html_()


def test_expect_correct_mode_raises_on_anything_but_correct(monkeypatch):
    monkeypatch.setenv(engine.EXPECT_CORRECT_ENV, "1")
    assert SEVEN.check(7).correct
    with pytest.raises(AssertionError, match="expected to pass"):
        SEVEN.check(8)
    with pytest.raises(AssertionError):
        SEVEN.check(...)


def test_a_progress_file_that_cannot_be_written_warns_once_and_checking_goes_on(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the progress folder should be")
    monkeypatch.setenv("SEVENCS_PROGRESS_DB", str(blocked / "progress.sqlite"))
    monkeypatch.setattr(engine, "_warned", False)
    with pytest.warns(ProgressWarning, match=r"(?s)does not exist.*This session keeps your answers"):
        assert SEVEN.check(7).correct
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not SEVEN.check(6).correct


# --- shared input checks used by every chapter module -----------------------------------------


def test_counts_names_the_column_and_row_of_a_bad_value():
    frame = _pd.DataFrame({"likes": [3, -1], "comments": [1.0, float("nan")]})
    with _pytest.raises(ValueError, match=r"'likes' of posts has a negative count \(-1\) in row 1"):
        _checks.counts(frame, ["likes"], "posts")
    with _pytest.raises(ValueError, match=r"'comments' of posts has a missing value \(NaN\) in row 1"):
        _checks.counts(frame, ["comments"], "posts")
    with _pytest.raises(ValueError, match="must hold numbers"):
        _checks.counts(_pd.DataFrame({"likes": ["3"]}), ["likes"], "posts")
    good = _pd.DataFrame({"likes": [0, 2]})
    assert _checks.counts(good, ["likes"]) is good  # a good table comes back as it was, to chain on


def test_a_rate_over_nothing_is_undefined_not_zero_or_infinite():
    assert _checks.ratio(3, 4, "reply ratio", "comments") == 0.75
    undefined = _checks.ratio(0, 0, "reply ratio", "comments")
    assert not undefined
    assert _math.isnan(float(undefined))
    assert repr(undefined) == "undefined (reply ratio: there are no comments to divide by)"
    assert undefined != 0 and undefined == _checks.Undefined("reply ratio", "there are no comments to divide by")


@_pytest.mark.parametrize(
    ("value", "allow_zero", "error", "words"),
    [
        (0, False, ValueError, "above 0"),
        (-1, True, ValueError, "at least 0"),
        (_math.nan, False, ValueError, "NaN"),
        (_math.inf, False, ValueError, "finite"),
        (True, False, TypeError, "must be a number"),
        ("3", False, TypeError, "must be a number"),
    ],
)
def test_a_positive_number_check_names_the_argument_and_the_problem(value, allow_zero, error, words):
    with _pytest.raises(error, match=words):
        _checks.positive("market", value, allow_zero=allow_zero)
    assert _checks.positive("market", 0, allow_zero=True) == 0.0 and _checks.positive("market", 2) == 2.0


# --- the wording follows from what the answer is (issue 13, items 1-3) --------------------------


class PerPost(NumberExercise):
    title = "a rate above 1"
    kind = Kind.RATE
    unit = "likes per post"
    hints = ("one",)
    solution_code = "answer = 2.5"

    def expected(self):
        return 2.5


class Price(NumberExercise):
    title = "an amount of money"
    kind = Kind.MONEY
    unit = "pounds"
    hints = ("one",)
    solution_code = "answer = 12.5"

    def expected(self):
        return 12.5


PER_POST, PRICE = PerPost("test", "q5"), Price("test", "q6")


def test_an_exercise_says_what_its_answer_is_with_kind_and_unit_and_the_question_follows():
    assert SEVEN.wanted == "one whole number" and QUARTER.wanted == "one number between 0 and 1"
    assert (
        PER_POST.wanted == "one number (likes per post)"
        and PRICE.wanted == "one amount of money in pounds, as a plain number"
    )
    assert Kind.COUNT.wanted("posts") == "one whole number (how many posts)"
    assert PICK.wanted == "one name (text, in quotes)"
    for name, value in (("share", True), ("whole", True), ("wanted", "a number")):
        with pytest.raises(TypeError, match="kind"):
            type("Guess", (NumberExercise,), {name: value})
    with pytest.raises(TypeError, match="unit"):
        type("Guess", (NameExercise,), {"wanted": "a name"})


def test_len_is_the_advice_only_when_it_counts_the_answer_and_the_count_is_never_shown():
    seven_things = SEVEN.check(["a"] * 7)
    assert "len(...)" in seven_things.message and "7" not in seven_things.message
    assert SEVEN.check(len(["a"] * 7)).correct  # the advice works
    three = SEVEN.check(["a", "b", "c"])
    assert "len(" not in three.message and "a list of 3 items" in three.message
    assert "one of its values" in SEVEN.check([3, 7, 9]).message
    assert "len(" not in QUARTER.check(["a"] * 7).message  # a length is never a share


def test_a_percentage_is_named_in_the_words_of_what_was_asked_for():
    assert "looks like a percentage" in QUARTER.check(25).message
    rate = PER_POST.check(250).message
    assert "percentage" in rate and "likes per post" in rate and "between 0 and 1" not in rate
    assert "pence" in PRICE.check(1250).message
    assert "percentage" not in SEVEN.check(700).message  # a count is never a percentage
    assert "cannot be below zero" in PER_POST.check(-2.5).message
    assert "cannot be below zero" not in PRICE.check(-12.5).message  # money can be owed


def test_numbers_typed_as_text_are_told_what_to_drop_without_repeating_the_number():
    pounds = PRICE.check("£12.50").message
    assert "£ sign" in pounds and "quotes" in pounds and "12.5" not in pounds
    assert "% sign" in QUARTER.check("25%").message
    assert "commas" in SEVEN.check("7,000").message


def test_a_count_of_nothing_points_to_a_word_that_matched_no_row():
    assert "capitals" in QUARTER.check(0).message and "capitals" in SEVEN.check(0).message
    assert "capitals" not in PRICE.check(0).message


def test_a_name_typed_with_other_spacing_is_nearly_right_and_a_table_says_where_the_name_is():
    assert "spacing" in PICK.check("rosa y").message and not PICK.check("rosa-y").correct
    table = pd.DataFrame({"account": ["the_nursery", "rosa_y"], "score": [0.9, 0.5]})
    message = PICK.check(table).message
    assert "`account` column" in message and ".iloc[0]" not in message and "is in it" in message
    assert "not in it" in PICK.check(table.head(1)).message
    by_name = pd.Series([0.5, 0.9], index=["rosa_y", "sam_y"])
    assert ".index[n]" in PICK.check(by_name).message


def test_feedback_names_the_exercise_as_the_notebook_does():
    assert SEVEN.display_name == "Exercise 1" and Seven("test", "q12").display_name == "Exercise 12"
    assert SEVEN.check(6).heading == "Not yet (Exercise 1)"
    assert "test q1" not in SEVEN.hint().heading + SEVEN.solution().heading + repr(SEVEN)
