"""Numbers glued into book/conversation.md."""

from __future__ import annotations

from sevencs import conversation as cv
from sevencs.cells import number_at
from sevencs.datasets import NURSERY, load_comments, load_peer_posts, load_posts


def numbers() -> dict[str, object]:
    posts = load_posts()
    comments = load_comments()
    peers = load_peer_posts()
    by_type = cv.rates_by_type(posts)
    by_opening = cv.rates_by_type(posts.assign(opening=posts["text"].map(cv.opening)), by="opening")
    labels = cv.classify_posts(posts["text"])["label"]
    agree = labels == posts["type"].map(cv.TYPE_TO_LABEL)
    promo = posts["type"] == "promotional"
    missed_promo = promo & (labels != "promotional")
    own = comments["author"] == NURSERY
    started_by_others = comments["reply_to"].isna() & ~own
    plan_now = cv.plan_comments(posts, 0.5, ["how-to", "question", "story"], 3)
    plan_20 = cv.plan_comments(posts, 0.2, ["how-to", "question", "story"], 3)
    peer_labels = cv.classify_posts(peers["text"])["label"]
    peer_rates = cv.rates_by_type(peers.assign(label=peer_labels), by="label")
    return {
        "posts": len(posts),
        "comments": int(posts["comments"].sum()),
        "likes": int(posts["likes"].sum()),
        "conversation_rate": cv.conversation_rate(posts),
        "applause_rate": cv.applause_rate(posts),
        "promotional_share": cv.promotional_share(posts),
        "promo_posts": int(promo.sum()),
        "rate_question": number_at(by_type, "question", "conversation_rate"),
        "rate_promotional": number_at(by_type, "promotional", "conversation_rate"),
        "rate_howto": number_at(by_type, "how-to", "conversation_rate"),
        "rate_story": number_at(by_type, "story", "conversation_rate"),
        "applause_howto": number_at(by_type, "how-to", "applause_rate"),
        "applause_question": number_at(by_type, "question", "applause_rate"),
        "question_vs_promo": number_at(by_type, "question", "conversation_rate")
        / number_at(by_type, "promotional", "conversation_rate"),
        "rate_opening_question": number_at(by_opening, "question", "conversation_rate"),
        "rate_opening_statement": number_at(by_opening, "statement", "conversation_rate"),
        "all_comments": len(comments),
        "own_replies": int(own.sum()),
        "threads_by_others": int(started_by_others.sum()),
        "reply_ratio": cv.reply_ratio(comments, NURSERY),
        "audience_rate": float((posts["comments"].sum() - own.sum()) / len(posts)),
        "accuracy": float(agree.mean()),
        "misses": int((~agree).sum()),
        "missed_promo": int(missed_promo.sum()),
        "missed_promo_share": float(missed_promo.sum() / promo.sum()),
        "classified_promo_share": float((labels == "promotional").mean()),
        "plan_now_rate": float(plan_now["plan_rate"]),
        "plan_now_month": float(plan_now["comments_per_month"]),
        "plan_20_rate": float(plan_20["plan_rate"]),
        "plan_20_month": float(plan_20["comments_per_month"]),
        "peer_accounts": peers["account"].nunique(),
        "peer_posts": len(peers),
        "peer_rate_conversational": number_at(peer_rates, "conversational", "conversation_rate"),
        "peer_rate_promotional": number_at(peer_rates, "promotional", "conversation_rate"),
    }
