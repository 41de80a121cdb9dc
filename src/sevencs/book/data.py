"""What book/data.md shows about each kind of file the course reads, written from the readers themselves.

Each reader (:mod:`sevencs.yourdata`) says how to get its file, what it holds and lacks,
its platform's help page when one was checked, and the fields it reads with their
meanings; the data dictionary shows exactly that, so the page and the messages a
learner sees never disagree.
"""

from __future__ import annotations

import pandas as pd

from sevencs import connection as cx
from sevencs.datasets import NURSERY, load_group_activity, load_interactions, load_leads, load_network, load_posts
from sevencs.imports import describe_fields, describe_formats
from sevencs.render.html import render
from sevencs.yourdata import reader
from sevencs.yourdata.table import COLUMNS


def numbers() -> dict[str, object]:
    """The sample business's scale, one number per thing counted (glued into the data dictionary)."""
    posts, graph, leads = load_posts(), load_network(), load_leads()
    log = load_interactions()
    engagements = posts[["likes", "comments", "shares"]].sum(axis=1).sum()
    social = int((leads["source"] == "social").sum())
    people = (set(log["source"]) | set(log["target"])) - {NURSERY}
    return {
        "followers_first": int(posts["followers"].iloc[0]),
        "followers_last": int(posts["followers"].iloc[-1]),
        "followers_gained": int(posts["followers"].iloc[-1] - posts["followers"].iloc[0]),
        "post_reach_median": float(posts["reach"].median()),
        "post_reach_share": float((posts["reach"] / posts["followers"]).median()),
        "er_reach": float(engagements / posts["reach"].sum()),
        "er_followers": float(engagements / posts["followers"].sum()),
        "map_accounts": graph.number_of_nodes(),
        "map_friends": graph.degree(NURSERY),
        "network_reach2": cx.reach(graph, NURSERY, 2),
        "people_interacting": len(people),
        "group_members": int(load_group_activity()["account"].nunique()),
        "leads": len(leads),
        "social_leads": social,
        "social_share": social / len(leads),
    }


def formats_table() -> str:
    """Every kind of file the course reads, one row each (HTML; each section below gives its format name
    and example file)."""
    return _table(describe_formats()[["platform", "file", "in the browser"]])


def columns_table() -> str:
    """The course's table of posts: each column and what it holds (HTML)."""
    return _table(
        pd.DataFrame([(c.name, c.kind, c.meaning) for c in COLUMNS], columns=["column", "kind", "what it holds"])
    )


def format_section(*keys: str) -> str:
    """How to get each file (``keys``: the readers' format names), what it holds and lacks, its help
    page, and the fields read (HTML, every text escaped)."""
    sections = [(reader(key), _table(describe_fields(key))) for key in keys]
    return render("file_formats.html", sections=sections)


def _table(frame: pd.DataFrame) -> str:
    return render(
        "table.html", columns=list(frame.columns), rows=frame.itertuples(index=False, name=None), classes="table"
    )
