"""sevencs.caring against hand-computed tables and vaderSentiment called directly."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from sevencs import caring as ca
from sevencs._checks import Undefined
from sevencs.datasets import NURSERY, load_comments, load_mentions, load_questions

NaT = pd.NaT


def small_questions() -> pd.DataFrame:
    """Four questions by hand: answered after 1 h, 3 h and 26 h; one never answered."""
    return pd.DataFrame(
        {
            "asked_at": pd.to_datetime(
                ["2026-05-01 09:00", "2026-05-01 10:00", "2026-05-02 08:00", "2026-05-03 12:00"]
            ),
            "first_reply_at": pd.to_datetime(["2026-05-01 10:00", "2026-05-01 13:00", "2026-05-03 10:00", None]),
            "channel": ["message", "comment", "message", "comment"],
        }
    )


# --- first response times ------------------------------------------------------------------


def test_first_response_times_are_hours_and_unanswered_stay_missing():
    hours = ca.first_response_times(small_questions())
    assert hours.iloc[:3].tolist() == [1.0, 3.0, 26.0]
    assert math.isnan(hours.iloc[3])  # never 0
    assert hours.name == "first_response_hours"


def test_the_median_skips_unanswered_questions():
    assert ca.first_response_times(small_questions()).median() == 3.0


def test_first_response_times_accept_dates_written_as_text():
    table = small_questions().astype({"asked_at": str, "first_reply_at": str})
    table.loc[3, "first_reply_at"] = ""
    hours = ca.first_response_times(table)
    assert hours.iloc[1] == 3.0 and math.isnan(hours.iloc[3])


def test_first_response_times_on_the_sample_match_the_columns_subtracted_by_hand():
    q = load_questions()
    by_hand = [
        (r - a).total_seconds() / 3600 if not pd.isna(r) else np.nan for a, r in zip(q["asked_at"], q["first_reply_at"])
    ]
    np.testing.assert_allclose(ca.first_response_times(q).to_numpy(), by_hand)


# --- response rate ----------------------------------------------------------------------


def test_response_rate_divides_answered_by_all_questions_asked():
    assert ca.response_rate(small_questions()) == pytest.approx(3 / 4)


@pytest.mark.parametrize(("within", "expected"), [(1, 1 / 4), (3, 2 / 4), (24, 2 / 4), (26, 3 / 4), (0, 0.0)])
def test_response_rate_within_a_time_keeps_every_question_in_the_denominator(within, expected):
    assert ca.response_rate(small_questions(), within=within) == pytest.approx(expected)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.floats(0, 500)), min_size=1, max_size=30), st.floats(0, 600))
def test_response_rates_are_shares_and_never_rise_when_the_time_limit_falls(waits, limit):
    start = pd.Timestamp("2026-01-01")
    table = pd.DataFrame(
        {
            "asked_at": [start] * len(waits),
            "first_reply_at": [NaT if w is None else start + pd.Timedelta(hours=w) for w in waits],
        }
    )
    overall = ca.response_rate(table)
    within = ca.response_rate(table, within=limit)
    assert 0 <= within <= overall <= 1


# --- unanswered -----------------------------------------------------------------------------


def test_unanswered_is_measured_at_the_end_of_the_data_by_default():
    # the data end at the latest time in either column: question 4, asked 2026-05-03 12:00,
    # which has waited 0 hours then, so nothing has waited longer than 0 hours unanswered
    assert ca.unanswered(small_questions(), older_than=0).index.tolist() == []
    late = small_questions()
    late.loc[4] = [pd.Timestamp("2026-05-01 08:00"), NaT, "message"]
    result = ca.unanswered(late, older_than=48)
    assert result.index.tolist() == [4]
    assert result["waiting_hours"].iloc[0] == pytest.approx(52.0)


def test_unanswered_counts_a_question_answered_after_the_moment_as_still_waiting():
    table = small_questions()
    # at 2026-05-03 09:00 the third question (asked 05-02 08:00, answered 05-03 10:00) waited 25 h
    result = ca.unanswered(table, older_than=24, as_of="2026-05-03 09:00")
    assert result.index.tolist() == [2]
    assert result["waiting_hours"].iloc[0] == pytest.approx(25.0)
    # questions asked after the moment are not there yet
    assert 3 not in ca.unanswered(table, older_than=0, as_of="2026-05-03 09:00").index


def test_unanswered_sorts_the_longest_wait_first_and_gives_the_same_answer_twice():
    q = load_questions()
    first = ca.unanswered(q, older_than=48)
    assert first["waiting_hours"].is_monotonic_decreasing
    assert first.equals(ca.unanswered(q, older_than=48))
    end = max(q["asked_at"].max(), q["first_reply_at"].max())
    by_hand = q[q["first_reply_at"].isna() & ((end - q["asked_at"]) > pd.Timedelta(hours=48))]
    assert sorted(first.index) == sorted(by_hand.index)


def test_unanswered_accepts_a_timedelta():
    assert ca.unanswered(small_questions(), pd.Timedelta(hours=24), as_of="2026-05-03 09:00").index.tolist() == [2]


@pytest.mark.parametrize(
    "as_of",
    [
        "2026-05-03 09:00",
        "2026-05-03T10:00+01:00",  # the same moment in a zone an hour ahead of UTC
        pd.Timestamp("2026-05-03 09:00"),
        dt.datetime(2026, 5, 3, 9, 0),
        np.datetime64("2026-05-03T09:00"),
    ],
)
def test_as_of_is_read_in_every_way_a_date_is_written(as_of):
    # at 2026-05-03 09:00 (UTC) only the third question has waited more than 24 hours (25 h)
    result = ca.unanswered(small_questions(), older_than=24, as_of=as_of)
    assert result.index.tolist() == [2]
    assert result["waiting_hours"].iloc[0] == pytest.approx(25.0)


def test_an_as_of_whose_day_and_month_could_be_either_way_round_is_refused_with_both_readings():
    # 05/03/2026 is 5 March in the UK and 3 May in the US: one typed date cannot tell which
    with pytest.raises(ValueError) as refused:
        ca.unanswered(small_questions(), older_than=24, as_of="05/03/2026 09:00")
    message = str(refused.value)
    assert "5 March 2026" in message and "3 May 2026" in message
    assert "'2026-03-05 09:00'" in message and "'2026-05-03 09:00'" in message


# --- sentiment --------------------------------------------------------------------------------


VADER = SentimentIntensityAnalyzer()


def vader_label(text: str) -> str:
    score = VADER.polarity_scores(text)["compound"]
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def test_sentiment_matches_vader_called_directly_on_every_mention():
    texts = load_mentions()["text"]
    table = ca.sentiment(texts)
    assert list(table.columns) == ["text", "compound", "label"]
    assert table["compound"].tolist() == [VADER.polarity_scores(t)["compound"] for t in texts]
    assert table["label"].tolist() == [vader_label(t) for t in texts]
    assert table.index.equals(texts.index)


@pytest.mark.parametrize(
    "text",
    [
        "VADER is smart, handsome, and funny.",
        "The plants were not good.",
        "The plants were GOOD!!!",
        "The roses were fine, but the service was horrible.",
        "Open until 5 on Saturdays.",
        ":( no compost",
    ],
)
def test_sentiment_of_one_text_matches_vader(text):
    row = ca.sentiment(text).iloc[0]
    assert row["compound"] == VADER.polarity_scores(text)["compound"]
    assert row["label"] == vader_label(text)


@pytest.mark.parametrize(
    ("compound", "label"),
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (0.9, "positive"),
        (-1.0, "negative"),
    ],
)
def test_the_cut_offs_are_plus_and_minus_five_hundredths(compound, label):
    assert ca.sentiment_label(compound) == label


def test_sarcasm_reads_as_positive_to_vader_but_negative_to_a_person():
    m = load_mentions()
    sarcastic = m[m["text"].str.startswith("Love queuing")]
    assert set(sarcastic["human_label"]) == {"negative"}
    assert set(ca.sentiment(sarcastic["text"])["label"]) == {"positive"}


# --- member help share ----------------------------------------------------------------------


def small_comments() -> pd.DataFrame:
    """Two threads: 5 comments, 3 of them replies (2 by the shop, 1 by a member)."""
    return pd.DataFrame(
        {
            "author": ["ann", "shop", "bob", "cat", "shop"],
            "reply_to": pd.array([None, 1, 1, None, 4], dtype="Int64"),
        }
    )


def test_member_help_share_divides_member_replies_by_replies():
    assert ca.member_help_share(small_comments(), "shop") == pytest.approx(1 / 3)


def test_member_help_share_takes_several_staff_accounts_and_forgives_case_and_at_signs():
    assert ca.member_help_share(small_comments(), ["@SHOP", "bob"]) == 0.0


def test_member_help_share_on_the_sample_matches_a_count_by_hand():
    c = load_comments()
    replies = [a for a, r in zip(c["author"], c["reply_to"]) if not pd.isna(r)]
    by_members = sum(a != NURSERY for a in replies)
    assert ca.member_help_share(c, NURSERY) == pytest.approx(by_members / len(replies))


def test_member_help_share_with_no_replies_is_undefined_not_zero():
    no_replies = pd.DataFrame({"author": ["ann", "bob"], "reply_to": pd.array([None, None], dtype="Int64")})
    result = ca.member_help_share(no_replies, "shop")
    assert isinstance(result, Undefined) and "no replies" in str(result)
    assert math.isnan(float(result))


# --- monthly view -----------------------------------------------------------------------


def test_monthly_care_pools_a_window_and_takes_one_median_over_it():
    q = small_questions()
    q.loc[4] = [pd.Timestamp("2026-06-10 09:00"), pd.Timestamp("2026-06-10 19:00"), "message"]
    mentions = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-05-05", "2026-06-05", "2026-06-06"]),
            "label": ["negative", "positive", "negative"],
            "human_label": ["negative", "negative", "negative"],
        }
    )
    one = ca.monthly_care(q, mentions, target=24, window=1).set_index("month")
    assert one.loc["2026-05", "median_hours"] == 3.0 and one.loc["2026-06", "median_hours"] == 10.0
    assert one.loc["2026-05", "within_target"] == pytest.approx(2 / 4)
    assert one.loc["2026-06", "negative_share"] == pytest.approx(1 / 2)
    assert one.loc["2026-06", "human_negative_share"] == 1.0
    two = ca.monthly_care(q, mentions, target=24, window=2).set_index("month")
    assert two.loc["2026-06", "median_hours"] == pytest.approx(np.median([1, 3, 26, 10]))
    assert two.loc["2026-06", "questions"] == 5
    assert two.loc["2026-06", "negative_share"] == pytest.approx(2 / 3)


def test_monthly_care_leaves_a_month_without_questions_undefined():
    q = small_questions()
    mentions = pd.DataFrame({"date": pd.to_datetime(["2026-07-05"]), "label": ["neutral"]})
    table = ca.monthly_care(q, mentions).set_index("month")
    assert math.isnan(table.loc["2026-06", "within_target"]) and math.isnan(table.loc["2026-06", "median_hours"])
    assert math.isnan(table.loc["2026-05", "negative_share"])


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("function", [ca.first_response_times, ca.response_rate, ca.unanswered])
def test_a_missing_column_is_named_with_the_expected_list(function):
    with pytest.raises(
        ValueError, match="missing the column 'first_reply_at'; expected columns: asked_at, first_reply_at"
    ):
        function(small_questions().drop(columns="first_reply_at"))


@pytest.mark.parametrize("function", [ca.first_response_times, ca.response_rate, ca.unanswered])
def test_an_empty_table_is_refused(function):
    with pytest.raises(ValueError, match="empty"):
        function(small_questions().iloc[0:0])


def test_a_reply_before_its_question_is_refused():
    table = small_questions()
    table.loc[0, "first_reply_at"] = pd.Timestamp("2026-04-30")
    with pytest.raises(ValueError, match="first reply before it was asked"):
        ca.first_response_times(table)


def test_a_missing_question_time_or_a_bad_date_is_named():
    table = small_questions()
    table.loc[1, "asked_at"] = NaT
    with pytest.raises(ValueError, match="missing date in row 1"):
        ca.first_response_times(table)
    text = small_questions().astype({"asked_at": str})
    text.loc[2, "asked_at"] = "next Tuesday"
    with pytest.raises(ValueError, match="row 2 holds 'next Tuesday'"):
        ca.first_response_times(text)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"older_than": -1}, ValueError, "at least 0 hours"),
        ({"older_than": float("nan")}, ValueError, "NaN"),
        ({"older_than": "48"}, TypeError, "number of hours"),
        ({"older_than": float("inf")}, ValueError, "finite number of hours"),
        (
            {"as_of": "someday"},
            ValueError,
            "as_of must be a date and time such as '2026-10-30 12:00', but got 'someday'",
        ),
        ({"as_of": 1_700_000_000}, ValueError, "but got 1700000000"),
        ({"as_of": NaT}, ValueError, "as_of must be a date and time, but got a missing value"),
        ({"as_of": float("nan")}, ValueError, "missing value"),
        ({"as_of": ""}, ValueError, "but got ''"),
    ],
)
def test_unanswered_rejects_bad_settings(kwargs, error, words):
    with pytest.raises(error, match=words):
        ca.unanswered(small_questions(), **kwargs)


def test_response_rate_rejects_a_negative_time_limit():
    with pytest.raises(ValueError, match="within must be at least 0"):
        ca.response_rate(small_questions(), within=-2)


@pytest.mark.parametrize(
    ("texts", "error", "words"),
    [
        ([], ValueError, "no texts"),
        (["fine", None], ValueError, "text number 2"),
        (pd.Series(["fine", float("nan")]), ValueError, "dropna"),
        (pd.DataFrame({"text": ["fine"]}), TypeError, "not a whole table"),
        (42, TypeError, "a text or a list of texts"),
    ],
)
def test_sentiment_rejects_what_is_not_text(texts, error, words):
    with pytest.raises(error, match=words):
        ca.sentiment(texts)


@pytest.mark.parametrize(
    ("replies", "staff", "error", "words"),
    [
        (
            pd.DataFrame({"author": ["ann"]}),
            "shop",
            ValueError,
            "missing the column 'reply_to'; expected columns: author, reply_to",
        ),
        (pd.DataFrame({"author": [], "reply_to": []}), "shop", ValueError, "empty"),
        (small_comments(), [], ValueError, "staff is empty"),
        (small_comments(), 7, TypeError, "staff must be an account name"),
        ([1, 2], "shop", TypeError, "pandas DataFrame"),
    ],
)
def test_member_help_share_rejects_bad_input(replies, staff, error, words):
    with pytest.raises(error, match=words):
        ca.member_help_share(replies, staff)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"window": 0}, ValueError, "window must be at least 1"),
        ({"target": -3}, ValueError, "target must be at least 0"),
    ],
)
def test_monthly_care_rejects_bad_settings(kwargs, error, words):
    mentions = pd.DataFrame({"date": pd.to_datetime(["2026-05-05"]), "label": ["neutral"]})
    with pytest.raises(error, match=words):
        ca.monthly_care(small_questions(), mentions, **kwargs)


def test_monthly_care_names_a_missing_mentions_column():
    with pytest.raises(ValueError, match="scored_mentions is missing the column 'label'"):
        ca.monthly_care(small_questions(), pd.DataFrame({"date": pd.to_datetime(["2026-05-05"])}))
