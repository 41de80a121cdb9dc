"""Numbers glued into book/welcome.md."""

from __future__ import annotations

from sevencs.datasets import load_posts


def numbers() -> dict[str, object]:
    posts = load_posts()
    return {
        "posts": len(posts),
        "promotional_share": float((posts["type"] == "promotional").mean()),
        "first_post": f"{posts['date'].min():%B %Y}",
        "last_post": f"{posts['date'].max():%B %Y}",
    }
