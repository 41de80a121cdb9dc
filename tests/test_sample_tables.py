"""The sample business's activity tables agree with each other and with the posts.

These are the promises the chapters rely on: a post's comment count is its rows
in the comments table, replies come after what they answer, every interaction
has the nursery on one side, and so on.
"""

from __future__ import annotations

import pandas as pd

from sevencs.datasets import (
    NURSERY,
    load_comments,
    load_group_activity,
    load_interactions,
    load_leads,
    load_mentions,
    load_network,
    load_peer_posts,
    load_posts,
    load_questions,
    load_sales,
    load_survey,
)

POSTS = load_posts()
COMMENTS = load_comments()


def test_a_posts_comment_count_is_its_rows_in_the_comments_table():
    counted = COMMENTS.groupby("post_id").size().reindex(POSTS["post_id"], fill_value=0)
    assert (counted.to_numpy() == POSTS["comments"].to_numpy()).all()


def test_replies_answer_an_earlier_comment_under_the_same_post():
    replies = COMMENTS.dropna(subset=["reply_to"])
    parents = COMMENTS.set_index("comment_id").loc[replies["reply_to"].astype(int)]
    assert (parents["post_id"].to_numpy() == replies["post_id"].to_numpy()).all()
    assert (parents["date"].to_numpy() < replies["date"].to_numpy()).all()
    assert (replies["author"].to_numpy() != parents["author"].to_numpy()).all()


def test_the_nursery_answers_some_but_not_all_comments_and_members_help_too():
    replies = COMMENTS.dropna(subset=["reply_to"])
    by_nursery = replies["author"] == NURSERY
    assert 0 < by_nursery.sum() < len(COMMENTS[COMMENTS["author"] != NURSERY])
    assert (~by_nursery).sum() > 0


def test_followers_grow_and_impressions_are_at_least_the_reach():
    assert POSTS["followers"].is_monotonic_increasing
    assert (POSTS["impressions"] >= POSTS["reach"]).all()


def test_questions_are_answered_after_they_are_asked_or_not_at_all():
    questions = load_questions()
    answered = questions.dropna(subset=["first_reply_at"])
    assert (answered["first_reply_at"] > answered["asked_at"]).all()
    assert 0 < questions["first_reply_at"].isna().sum() < len(questions)
    assert set(questions["channel"]) == {"comment", "message"}
    in_comments = questions[questions["channel"] == "comment"]
    texts = COMMENTS.set_index("comment_id").loc[in_comments["comment_id"].astype(int), "text"]
    assert (texts.to_numpy() == in_comments["text"].to_numpy()).all()
    assert in_comments["text"].str.endswith("?").all()


def test_every_interaction_has_the_nursery_on_exactly_one_side():
    log = load_interactions()
    assert ((log["source"] == NURSERY) ^ (log["target"] == NURSERY)).all()
    likes = log[(log["kind"] == "like") & (log["target"] == NURSERY)].groupby("post_id").size()
    expected = POSTS.set_index("post_id")["likes"]
    assert (likes.reindex(expected.index, fill_value=0) == expected).all()
    people = set(load_network().nodes)
    assert set(log["source"]).union(log["target"]) <= people


def test_mentions_carry_a_human_reading_and_complaints_peak_in_may():
    mentions = load_mentions()
    assert set(mentions["human_label"]) == {"positive", "neutral", "negative"}
    negative = mentions["human_label"] == "negative"
    by_month = negative.groupby(mentions["date"].dt.month).mean()
    assert by_month.idxmax() == 5


def test_every_sale_belongs_to_a_client_lead_from_the_same_source():
    leads, sales = load_leads(), load_sales()
    clients = leads[leads["stage"] == "client"].set_index("person")["source"]
    assert set(sales["person"]) <= set(clients.index)
    assert (clients.loc[sales["person"]].to_numpy() == sales["source"].to_numpy()).all()
    assert (sales["amount"] > 0).all()


def test_new_social_clients_rise_then_fall_like_word_of_mouth_diffusion():
    leads = load_leads()
    social = leads[(leads["stage"] == "client") & (leads["source"] == "social")]
    monthly = social.groupby(social["date"].dt.to_period("M")).size()
    peak = monthly.to_numpy().argmax()
    assert 2 <= peak <= 9
    assert monthly.iloc[0] < monthly.max() and monthly.iloc[-1] < monthly.max()


def test_survey_scores_are_zero_to_ten_from_real_clients():
    survey, leads = load_survey(), load_leads()
    assert survey["score"].between(0, 10).all()
    assert set(survey["person"]) <= set(leads.loc[leads["stage"] == "client", "person"])


def test_group_activity_has_one_row_per_member_per_month_since_joining():
    group = load_group_activity()
    assert not group.duplicated(["account", "month"]).any()
    assert (group["month"] >= group["joined"]).all()
    months = sorted(group["month"].unique())
    for account, rows in group.groupby("account"):
        joined = rows["joined"].iloc[0]
        assert list(rows["month"]) == [m for m in months if m >= joined], account
    totals = group.groupby("account")[["posts", "comments"]].sum()
    lurkers = ((totals["posts"] == 0) & (totals["comments"] == 0)).mean()
    assert 0.5 < lurkers < 0.95


def test_peer_posts_have_no_type_column_and_four_businesses():
    peers = load_peer_posts()
    assert "type" not in peers.columns
    assert peers["account"].nunique() == 4
    assert pd.api.types.is_datetime64_any_dtype(peers["date"])
