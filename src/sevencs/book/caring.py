"""Numbers glued into book/caring.md."""

from __future__ import annotations

import pandas as pd

from sevencs import caring as ca
from sevencs.datasets import NURSERY, load_comments, load_mentions, load_questions
from sevencs.exercises.caring import Q2_AS_OF, Q2_OLDER_THAN


def numbers() -> dict[str, object]:
    questions = load_questions()
    comments = load_comments()
    hours = ca.first_response_times(questions)
    by_channel = hours.groupby(questions["channel"])
    asked = questions["channel"].value_counts()
    answered = by_channel.count()
    scored = ca.score_mentions(load_mentions())
    sarcastic = scored[(scored["human_label"] == "negative") & (scored["label"] == "positive")]
    example = sarcastic.iloc[0]
    replies = comments[comments["reply_to"].notna()]
    monthly = ca.monthly_care(questions, scored, target=24, window=1, hours=hours)
    human_negative = int((scored["human_label"] == "negative").sum())
    # how often a complaint turns up in public, on average over the span of the mentions
    span_days = (scored["date"].max() - scored["date"].min()) / pd.Timedelta(days=1)
    return {
        "questions": len(questions),
        "answered": int(hours.notna().sum()),
        "unanswered_total": int(hours.isna().sum()),
        "response_rate": ca.response_rate(questions),
        "within_24h": ca.response_rate(questions, within=24),
        "median_hours": float(hours.median()),
        "mean_hours": float(hours.mean()),
        "zero_median_hours": float(hours.fillna(0).median()),
        "longest_days": float(hours.max() / 24),
        "comment_questions": int(asked["comment"]),
        "message_questions": int(asked["message"]),
        "comment_rate": float(answered["comment"] / asked["comment"]),
        "message_rate": float(answered["message"] / asked["message"]),
        "comment_median": float(by_channel.median()["comment"]),
        "message_median": float(by_channel.median()["message"]),
        "waiting_end": len(ca.unanswered(questions, 48)),
        "waiting_july": len(ca.unanswered(questions, Q2_OLDER_THAN, as_of=Q2_AS_OF)),
        "mentions": len(scored),
        "vader_negative": int((scored["label"] == "negative").sum()),
        "human_negative": human_negative,
        "days_per_negative": float(span_days / human_negative),
        "vader_negative_share": float((scored["label"] == "negative").mean()),
        "human_negative_share": float((scored["human_label"] == "negative").mean()),
        "agreement": float((scored["label"] == scored["human_label"]).mean()),
        "sarcastic": len(sarcastic),
        "sarcasm_text": example["text"],
        "sarcasm_compound": float(example["compound"]),
        "comments": len(comments),
        "replies": len(replies),
        "member_replies": int((replies["author"] != NURSERY).sum()),
        "member_share": ca.member_help_share(comments, NURSERY),
        "worst_month": pd.Period(str(monthly.at[monthly["median_hours"].idxmax(), "month"])).strftime("%B %Y"),
        "worst_month_hours": float(monthly["median_hours"].max()),
    }
