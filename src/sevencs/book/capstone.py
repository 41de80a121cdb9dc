"""Numbers glued into book/capstone.md."""

from __future__ import annotations

import pandas as pd

from sevencs.audit import CS, audit, audit_sample, compare
from sevencs.datasets import load_posts
from sevencs.imports import example_path, read_posts

#: The page's before/after example: the nursery's posts split at this date.
SPLIT = "2026-05-01"


def numbers() -> dict[str, object]:
    card = audit_sample()
    value = card.table.set_index("c")["value"]
    shown = card.table.set_index("c")["shown"]
    posts = load_posts()
    posts_only = audit(posts)
    outbox_posts = read_posts(example_path("outbox.json"))
    outbox = audit(outbox_posts)
    before, after = posts[posts["date"] < SPLIT], posts[posts["date"] >= SPLIT]
    change = compare(audit(before), audit(after)).set_index("c")
    numbers: dict[str, object] = {f"{c}_shown": shown[c] for c in CS}
    numbers.update({
        "posts": len(posts),
        "people": int(value["connection"]),
        "conversation_rate": float(value["conversation"]),
        "you_we": float(value["relationships"]),
        "amplification": float(value["content"]),
        "active_ratio": float(value["community"]),
        "response_24": float(value["caring"]),
        "nps": float(value["clients"]),
        "posts_only_available": int(posts_only.table["available"].sum()),
        "outbox_rows": len(outbox_posts),
        "outbox_available": int(outbox.table["available"].sum()),
        "split": pd.Timestamp(SPLIT).strftime("%-d %B %Y"),
        "before_posts": len(before),
        "after_posts": len(after),
        "before_conversation": float(change.at["conversation", "before"]),
        "after_conversation": float(change.at["conversation", "after"]),
        "before_you_we": float(change.at["relationships", "before"]),
        "after_you_we": float(change.at["relationships", "after"]),
    })
    return numbers
