"""sevencs.conversation against hand counts on tiny tables and plain-Python recounts of the sample data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sevencs import conversation as cv
from sevencs._checks import Undefined
from sevencs.datasets import NURSERY, load_comments, load_peer_posts, load_posts


def tiny_posts() -> pd.DataFrame:
    """Four posts: 2 + 0 + 6 + 1 = 9 comments, 10 + 4 + 3 + 7 = 24 likes."""
    return pd.DataFrame(
        {
            "type": ["promotional", "promotional", "question", "how-to"],
            "text": ["20% off roses", "Open daily", "What do you grow?", "How to sow peas"],
            "comments": [2, 0, 6, 1],
            "likes": [10, 4, 3, 7],
        }
    )


def tiny_thread() -> pd.DataFrame:
    """Three threads started by others (1, 2, 5); the shop answers 1 twice and 5 once; 4 answers 2."""
    return pd.DataFrame(
        {
            "comment_id": [1, 2, 3, 4, 5, 6, 7, 8],
            "author": ["ann", "bob", "shop", "cat", "dev", "shop", "shop", "shop"],
            "reply_to": pd.array([None, None, 1, 2, None, 1, 5, None], dtype="Int64"),
        }
    )


# --- rates -------------------------------------------------------------------------------------


def test_conversation_rate_is_comments_per_post_by_hand():
    assert cv.conversation_rate(tiny_posts()) == pytest.approx(9 / 4)


def test_applause_rate_is_likes_per_post_by_hand():
    assert cv.applause_rate(tiny_posts()) == pytest.approx(24 / 4)


def test_the_rates_match_a_plain_python_recount_of_the_sample_posts():
    posts = load_posts()
    rows = posts.to_dict("records")
    assert cv.conversation_rate(posts) == pytest.approx(sum(r["comments"] for r in rows) / len(rows))
    assert cv.applause_rate(posts) == pytest.approx(sum(r["likes"] for r in rows) / len(rows))


def test_the_posts_comment_count_is_the_number_of_rows_in_the_comments_table():
    # so conversation_rate(posts) counts the nursery's own replies too, as the chapter says
    assert load_posts()["comments"].sum() == len(load_comments())


def test_rates_by_type_divides_each_group_by_its_own_posts():
    table = cv.rates_by_type(tiny_posts())
    assert table.loc["promotional", "posts"] == 2
    assert table.loc["promotional", "conversation_rate"] == pytest.approx(1.0)
    assert table.loc["promotional", "applause_rate"] == pytest.approx(7.0)
    assert table.loc["question", "conversation_rate"] == pytest.approx(6.0)
    assert list(table.index) == ["question", "promotional", "how-to"]  # highest rate first


def test_rates_by_type_matches_a_recount_of_the_sample_posts():
    posts = load_posts()
    table = cv.rates_by_type(posts)
    for kind in posts["type"].unique():
        rows = [r for r in posts.to_dict("records") if r["type"] == kind]
        assert table.loc[kind, "conversation_rate"] == pytest.approx(sum(r["comments"] for r in rows) / len(rows))
        assert table.loc[kind, "posts"] == len(rows)


def test_question_posts_draw_more_comments_than_promotions_in_the_sample():
    table = cv.rates_by_type(load_posts())
    assert table.loc["question", "conversation_rate"] > table.loc["promotional", "conversation_rate"]


@pytest.mark.parametrize("function", [cv.conversation_rate, cv.applause_rate])
def test_a_rate_names_a_missing_column_and_lists_the_expected(function):
    with pytest.raises(ValueError, match=r"missing the column .*expected columns"):
        function(pd.DataFrame({"text": ["hi"]}))


@pytest.mark.parametrize("function", [cv.conversation_rate, cv.applause_rate, cv.promotional_share])
def test_a_rate_of_an_empty_table_is_refused(function):
    with pytest.raises(ValueError, match="empty"):
        function(tiny_posts().iloc[0:0])


@pytest.mark.parametrize(
    ("bad", "words"),
    [(-1, "negative count"), (float("nan"), "missing value"), ("three", "must hold numbers")],
)
def test_rates_refuse_negative_missing_or_non_numeric_counts(bad, words):
    posts = tiny_posts().astype({"comments": object})
    posts.loc[2, "comments"] = bad
    if bad != "three":
        posts["comments"] = posts["comments"].astype(float)
    with pytest.raises(ValueError, match=words):
        cv.conversation_rate(posts)
    with pytest.raises(ValueError, match=words):
        cv.rates_by_type(posts)


def test_rates_refuse_something_that_is_not_a_table():
    with pytest.raises(TypeError, match="pandas DataFrame"):
        cv.conversation_rate([1, 2, 3])


def test_rates_by_type_names_a_missing_group_column_and_a_missing_group():
    with pytest.raises(ValueError, match=r"'opening'.*expected columns: opening, comments, likes"):
        cv.rates_by_type(tiny_posts(), by="opening")
    posts = tiny_posts()
    posts.loc[1, "type"] = None
    with pytest.raises(ValueError, match="missing value in row 1"):
        cv.rates_by_type(posts)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), min_size=1, max_size=40))
def test_rates_are_never_negative_and_the_mean_of_the_column(rows):
    posts = pd.DataFrame(rows, columns=["comments", "likes"])
    rate = cv.conversation_rate(posts)
    assert rate >= 0
    assert rate == pytest.approx(np.mean([c for c, _ in rows]))


# --- reply ratio -----------------------------------------------------------------------------------


def test_reply_ratio_by_hand():
    # others started 1, 2 and 5; the shop answered 1 (twice: counts once) and 5; 8 is the shop's own
    assert cv.reply_ratio(tiny_thread(), "shop") == pytest.approx(2 / 3)


def test_reply_ratio_for_another_author_uses_their_own_denominator():
    # cat answered bob's comment 2; threads started by others than cat: 1, 2, 5 and the shop's 8
    assert cv.reply_ratio(tiny_thread(), "cat") == pytest.approx(1 / 4)


def test_reply_ratio_of_the_nursery_matches_a_plain_python_recount():
    rows = load_comments().to_dict("records")
    answered = {r["reply_to"] for r in rows if r["author"] == NURSERY and not pd.isna(r["reply_to"])}
    started = [r["comment_id"] for r in rows if pd.isna(r["reply_to"]) and r["author"] != NURSERY]
    expected = sum(1 for c in started if c in answered) / len(started)
    assert cv.reply_ratio(load_comments(), NURSERY) == pytest.approx(expected)


def test_reply_ratio_is_undefined_when_nobody_else_started_a_thread():
    comments = pd.DataFrame(
        {"comment_id": [1, 2], "author": ["shop", "ann"], "reply_to": pd.array([None, 1], dtype="Int64")}
    )
    result = cv.reply_ratio(comments, "shop")
    assert isinstance(result, Undefined)
    assert "thread-starting comments by others" in str(result)
    assert math.isnan(float(result))


def test_reply_ratio_names_an_account_that_wrote_nothing():
    with pytest.raises(ValueError, match="'fernleaf' wrote none"):
        cv.reply_ratio(load_comments(), "fernleaf")


@pytest.mark.parametrize("account", [None, 3, ["shop"], "  "])
def test_reply_ratio_wants_one_account_name(account):
    with pytest.raises(TypeError, match="one account name"):
        cv.reply_ratio(tiny_thread(), account)


def test_reply_ratio_names_missing_columns_and_refuses_an_empty_table():
    with pytest.raises(ValueError, match="expected columns: comment_id, author, reply_to"):
        cv.reply_ratio(tiny_thread().drop(columns="reply_to"), "shop")
    with pytest.raises(ValueError, match="empty"):
        cv.reply_ratio(tiny_thread().iloc[0:0], "shop")


def test_reply_ratio_refuses_a_missing_comment_id():
    comments = tiny_thread().astype({"comment_id": float})
    comments.loc[0, "comment_id"] = np.nan
    with pytest.raises(ValueError, match=r"'comment_id'.*missing"):
        cv.reply_ratio(comments, "shop")


# --- promotional share -----------------------------------------------------------------------------


def test_promotional_share_by_hand():
    assert cv.promotional_share(tiny_posts()) == pytest.approx(2 / 4)


def test_promotional_share_reads_any_label_column():
    posts = tiny_posts().assign(label=["promotional", "informational", "conversational", "informational"])
    assert cv.promotional_share(posts, column="label") == pytest.approx(1 / 4)


def test_promotional_share_needs_its_column_and_every_label():
    with pytest.raises(ValueError, match="missing the column 'label'"):
        cv.promotional_share(tiny_posts(), column="label")
    posts = tiny_posts()
    posts.loc[3, "type"] = np.nan
    with pytest.raises(ValueError, match="missing label in row 3"):
        cv.promotional_share(posts)


# --- the classifier ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "rule"),
    [
        ("20% off all roses this week", "promotional", "sales words"),
        ("Sale on bulbs: who is coming?", "promotional", "sales words"),  # selling beats the question mark
        ("What are you sowing this weekend?", "conversational", "asks a question"),
        ("Tell us your favourite rose", "conversational", "invites a reply"),
        ("Our robin is back in the shed.", "informational", "no rule matched"),
        ("We buy wholesale from local growers", "promotional", "sales words"),  # "buy" is a sales word
        ("Wholesale growers visited today.", "informational", "no rule matched"),  # not "sale"
        ("LAST CHANCE for seed potatoes", "promotional", "sales words"),  # case is ignored
    ],
)
def test_classify_post_follows_the_rules_in_order(text, label, rule):
    assert cv.classify_post(text) == label
    assert cv.explain_post(text)["rule"] == rule


def test_explain_post_names_the_phrase_that_fired():
    assert cv.explain_post("Sale on bulbs: who is coming?") == {
        "label": "promotional",
        "rule": "sales words",
        "matched": "sale",
    }
    assert cv.explain_post("A quiet day.")["matched"] == ""


def test_the_rules_table_lists_every_rule_in_order_and_the_fallback():
    table = cv.rules_table()
    assert list(table["rule"]) == [r.name for r in cv.RULES] + ["no rule matched"]
    assert table["label"].iloc[0] == "promotional"
    assert table["label"].iloc[-1] == "informational"


def test_every_label_is_one_of_the_three():
    labels = {cv.classify_post(t) for t in load_peer_posts()["text"]} | {
        cv.classify_post(t) for t in load_posts()["text"]
    }
    assert labels <= set(cv.LABELS)


def test_classify_posts_keeps_the_index_and_agrees_with_classify_post():
    texts = pd.Series(["Buy now", "Why?", "Hello."], index=[10, 20, 30])
    table = cv.classify_posts(texts)
    assert list(table.index) == [10, 20, 30]
    assert list(table["label"]) == [cv.classify_post(t) for t in texts]
    assert list(cv.classify_posts(["Buy now"])["label"]) == ["promotional"]


@pytest.mark.parametrize(
    ("bad", "error", "words"),
    [
        (None, TypeError, "must be a string"),
        (42, TypeError, "must be a string"),
        (float("nan"), ValueError, "missing"),
    ],
)
def test_classify_post_refuses_what_is_not_text(bad, error, words):
    with pytest.raises(error, match=words):
        cv.classify_post(bad)


def test_classify_posts_refuses_one_text_a_table_or_nothing():
    with pytest.raises(TypeError, match="for one text use classify_post"):
        cv.classify_posts("Buy now")
    with pytest.raises(TypeError, match=r"posts\['text'\]"):
        cv.classify_posts(tiny_posts())
    with pytest.raises(ValueError, match="no texts"):
        cv.classify_posts([])


def test_the_classifier_agrees_with_most_but_not_all_known_types():
    posts = load_posts()
    agree = [cv.classify_post(t) == cv.TYPE_TO_LABEL[k] for t, k in zip(posts["text"], posts["type"])]
    share = sum(agree) / len(agree)
    assert 0.5 < share < 1.0  # the chapter's honest-limits section shows the misses


def test_the_type_map_covers_every_type_of_the_sample_posts():
    assert set(load_posts()["type"]) == set(cv.TYPE_TO_LABEL)
    assert set(cv.TYPE_TO_LABEL.values()) == set(cv.LABELS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What a day? Yes.", "question"),
        ("Open today. Any questions?", "statement"),
        ("Wow! Who knew?", "statement"),
        ("No punctuation at all", "statement"),
        ("Why", "statement"),
    ],
)
def test_opening_reads_the_first_sentence(text, expected):
    assert cv.opening(text) == expected


# --- the plan and the peers ----------------------------------------------------------------------------


def test_plan_comments_by_hand():
    # promotional: 2 comments over 2 posts = 1.0; question + how-to: 7 over 2 = 3.5
    plan = cv.plan_comments(tiny_posts(), 0.25, ["question", "how-to"], posts_per_week=6)
    assert plan["promotional_rate"] == pytest.approx(1.0)
    assert plan["other_rate"] == pytest.approx(3.5)
    assert plan["plan_rate"] == pytest.approx(0.25 * 1.0 + 0.75 * 3.5)
    assert plan["comments_per_month"] == pytest.approx((0.25 + 0.75 * 3.5) * 6 * 52 / 12)


def test_a_plan_without_other_types_is_undefined_unless_all_promotional():
    assert math.isnan(cv.plan_comments(tiny_posts(), 0.5, [])["plan_rate"])
    assert cv.plan_comments(tiny_posts(), 1.0, [])["plan_rate"] == pytest.approx(1.0)


def test_plan_comments_refuses_bad_input():
    with pytest.raises(ValueError, match="unknown post type 'video'"):
        cv.plan_comments(tiny_posts(), 0.5, ["video"])
    with pytest.raises(ValueError, match="set the promotional share"):
        cv.plan_comments(tiny_posts(), 0.5, ["promotional"])
    with pytest.raises(ValueError, match="percentage"):
        cv.plan_comments(tiny_posts(), 40, ["question"])
    with pytest.raises(ValueError, match="posts_per_week must be at least 0"):
        cv.plan_comments(tiny_posts(), 0.5, ["question"], posts_per_week=-1)


def test_account_profile_by_hand():
    posts = pd.DataFrame(
        {"account": ["a", "a", "b"], "text": ["Buy now", "Why?", "Hello."], "comments": [0, 4, 1], "likes": [2, 2, 5]}
    )
    table = cv.account_profile(posts)
    assert table.loc["a", "promotional"] == pytest.approx(0.5)
    assert table.loc["a", "conversational"] == pytest.approx(0.5)
    assert table.loc["b", "informational"] == pytest.approx(1.0)
    assert table.loc["a", "conversation_rate"] == pytest.approx(2.0)
    assert list(table.index) == ["a", "b"]


def test_the_sales_first_peer_is_old_town_bikes_as_the_generator_intends():
    # the generator gives old_town_bikes by far the largest share of sales posts
    table = cv.account_profile(load_peer_posts())
    assert table.index[0] == "old_town_bikes"
