"""Numbers glued into book/capstone.md."""

from __future__ import annotations

import pandas as pd

from sevencs.audit import CS, audit, audit_sample, compare, split_posts
from sevencs.cells import number_at
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
    download_posts = read_posts(example_path("facebook_download.zip"))
    download = audit(download_posts)
    before, after = split_posts(posts, SPLIT)
    change = compare(audit(before), audit(after)).set_index("c")
    numbers: dict[str, object] = {f"{c}_shown": shown[c] for c in CS}
    numbers.update(
        {
            "posts": len(posts),
            "people": int(value["connection"]),
            "conversation_rate": float(value["conversation"]),
            "you_we": float(value["relationships"]),
            "amplification": float(value["content"]),
            "active_ratio": float(value["community"]),
            "response_24": float(value["caring"]),
            "nps": float(value["clients"]),
            "posts_only_available": int(posts_only.table["available"].sum()),
            "download_rows": len(download_posts),
            "download_available": int(download.table["available"].sum()),
            "split": pd.Timestamp(SPLIT).strftime("%-d %B %Y"),
            "before_posts": len(before),
            "after_posts": len(after),
            "before_conversation": number_at(change, "conversation", "before"),
            "after_conversation": number_at(change, "conversation", "after"),
            "before_you_we": number_at(change, "relationships", "before"),
            "after_you_we": number_at(change, "relationships", "after"),
        }
    )
    return numbers
