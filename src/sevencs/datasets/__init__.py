"""Sample data: Fernleaf Nursery, a small garden nursery, and one real network.

Fernleaf Nursery is made up. Its data come from a seeded generator,
:mod:`sevencs.datasets.generate`, and ship as CSV files inside the package, so
nothing is downloaded. Each table is described once, in :data:`TABLES`; the
data dictionary in the book is printed from it (:func:`describe`).

>>> posts = load_posts()
>>> graph = load_network()
>>> karate = load_karate_club()   # a real network, shipped with networkx

Later chapters add tables by adding a :class:`Table` to :data:`TABLES` and a
``load_<name>()`` function that calls :func:`load_table`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import networkx as nx
import pandas as pd

__all__ = [
    "NURSERY",
    "TEN_FRIENDS",
    "TABLES",
    "Column",
    "Table",
    "describe",
    "load_table",
    "load_posts",
    "load_network",
    "load_karate_club",
]

#: The sample business's own account in the network.
NURSERY = "fernleaf_nursery"

#: An ordinary account with exactly ten friends: the "10 friends" of the source
#: text's 10 × 10 story, played out on the sample network.
TEN_FRIENDS = "ivan_n"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    meaning: str


@dataclass(frozen=True)
class Table:
    name: str
    file: str
    description: str
    columns: tuple[Column, ...]
    dates: tuple[str, ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


TABLES: dict[str, Table] = {
    "posts": Table(
        name="posts",
        file="posts.csv",
        description=(
            "Every post Fernleaf Nursery published from November 2025 to October 2026, "
            "one row per post, with what happened after it was posted."
        ),
        columns=(
            Column("post_id", "integer", "Number of the post, in order of publication."),
            Column("date", "date and time", "When the post was published (local time)."),
            Column("type", "text", "What kind of post it is: promotional, how-to, question or story."),
            Column("text", "text", "The words of the post."),
            Column("reach", "integer", "Accounts that saw the post at least once."),
            Column("likes", "integer", "Likes (and other reactions) on the post."),
            Column("comments", "integer", "Comments written under the post."),
            Column("shares", "integer", "Times the post was shared or reposted."),
        ),
        dates=("date",),
    ),
    "network_nodes": Table(
        name="network_nodes",
        file="network_nodes.csv",
        description=(
            "The accounts in the nursery's local network: the nursery, the people who "
            "follow it and the people they are friends with."
        ),
        columns=(
            Column("account", "text", "The account's handle; unique."),
            Column("kind", "text", "business (the nursery), connector (someone in many circles) or person."),
            Column("circles", "text", "The friend circles the account belongs to, separated by ';'."),
            Column("x", "number", "Horizontal position for drawing the network (no meaning beyond that)."),
            Column("y", "number", "Vertical position for drawing the network."),
        ),
    ),
    "network_edges": Table(
        name="network_edges",
        file="network_edges.csv",
        description="Friendships between accounts, one row per pair; a friendship goes both ways.",
        columns=(
            Column("source", "text", "One account of the pair."),
            Column("target", "text", "The other account of the pair."),
        ),
    ),
}


def describe(name: str | None = None) -> pd.DataFrame:
    """The data dictionary: one row per column of one table, or of every table."""
    names = list(TABLES) if name is None else [_table(name).name]
    rows = [
        {"table": t, "column": c.name, "type": c.dtype, "meaning": c.meaning}
        for t in names
        for c in TABLES[t].columns
    ]
    return pd.DataFrame(rows)


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise ValueError(
            f"there is no sample table called {name!r}; the tables are: {', '.join(TABLES)}"
        ) from None


@lru_cache(maxsize=None)
def _read(name: str) -> pd.DataFrame:
    table = _table(name)
    with files("sevencs.datasets").joinpath("data", table.file).open("r", encoding="utf-8") as fh:
        frame = pd.read_csv(fh, keep_default_na=False, na_values=[""])
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise RuntimeError(f"the shipped file {table.file} lacks the columns {missing}; reinstall sevencs")
    for column in table.dates:
        frame[column] = pd.to_datetime(frame[column])
    return frame[table.column_names]


def load_table(name: str) -> pd.DataFrame:
    """One sample table as a new DataFrame (changing it changes nothing else)."""
    return _read(name).copy()


def load_posts() -> pd.DataFrame:
    """Twelve months of the nursery's posts: ``post_id, date, type, text, reach, likes, comments, shares``."""
    return load_table("posts")


@lru_cache(maxsize=1)
def _network() -> nx.Graph:
    nodes, edges = _read("network_nodes"), _read("network_edges")
    graph = nx.Graph(name="Fernleaf Nursery's local network (synthetic)")
    for row in nodes.itertuples(index=False):
        circles = tuple(row.circles.split(";")) if isinstance(row.circles, str) and row.circles else ()
        graph.add_node(row.account, kind=row.kind, circles=circles, pos=(float(row.x), float(row.y)))
    graph.add_edges_from(edges.itertuples(index=False, name=None))
    return graph


def load_network() -> nx.Graph:
    """The nursery's local network as an undirected networkx graph.

    Nodes are accounts (the nursery is ``"fernleaf_nursery"``); edges are
    friendships. Node attributes: ``kind``, ``circles`` (a tuple of circle
    names) and ``pos`` (x, y for drawing). A new copy each call.
    """
    return _network().copy()


def load_karate_club() -> nx.Graph:
    """Zachary's karate club (1977): 34 members, 78 friendships, a real network.

    The club later split in two; the node attribute ``club`` says which side
    each member joined ("Mr. Hi" or "Officer"). It ships inside networkx, so
    nothing is downloaded.
    """
    graph = nx.karate_club_graph()
    graph.graph["name"] = "Zachary's karate club (1977)"
    return graph
