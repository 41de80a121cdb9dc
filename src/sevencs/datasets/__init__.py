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
from functools import cache, lru_cache
from importlib.resources import files

import networkx as nx
import pandas as pd

from sevencs.errors import InputError

__all__ = [
    "ACCOUNT_NAMES",
    "NURSERY",
    "TABLES",
    "TEN_FRIENDS",
    "Column",
    "Table",
    "describe",
    "load_comments",
    "load_group_activity",
    "load_interactions",
    "load_karate_club",
    "load_leads",
    "load_mentions",
    "load_network",
    "load_peer_posts",
    "load_posts",
    "load_questions",
    "load_sales",
    "load_survey",
    "load_table",
]

#: The sample business's own account in the network.
NURSERY = "fernleaf_nursery"

#: An ordinary account with exactly ten friends: the "10 friends" of the source
#: text's 10 × 10 story, played out on the sample network.
TEN_FRIENDS = "ivan_n"

#: The sample's accounts by the names the labs import them as: a learner who writes one of these
#: names in quotes (``'NURSERY'``) is told to write it without (see :func:`sevencs._checks.account`).
ACCOUNT_NAMES = {"NURSERY": NURSERY, "TEN_FRIENDS": TEN_FRIENDS}


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
    #: whole-number columns that may be empty (read as pandas' nullable ``Int64``)
    nullable_ints: tuple[str, ...] = ()

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
            Column("reach", "integer", "Post reach: accounts that saw the post at least once."),
            Column("likes", "integer", "Likes (and other reactions) on the post."),
            Column("comments", "integer", "Comments written under the post."),
            Column("shares", "integer", "Times the post was shared or reposted."),
            Column("followers", "integer", "The nursery's follower count on the day of the post."),
            Column("impressions", "integer", "Times the post was shown, repeats counted (at least the reach)."),
        ),
        dates=("date",),
    ),
    "network_nodes": Table(
        name="network_nodes",
        file="network_nodes.csv",
        description=(
            "A map of one corner of the nursery's town: the nursery, the people it is friends "
            "with and the friend circles they belong to. The page's followers are more (see posts): "
            "a follow goes one way, and most followers are not on the map."
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
    "comments": Table(
        name="comments",
        file="comments.csv",
        description=(
            "Every comment under the nursery's posts, including the nursery's own replies. "
            "A post's comment count is its number of rows here."
        ),
        columns=(
            Column("comment_id", "integer", "Number of the comment, unique."),
            Column("post_id", "integer", "The post it is under (see posts)."),
            Column("date", "date and time", "When it was written."),
            Column("author", "text", "Who wrote it; fernleaf_nursery for the nursery's own replies."),
            Column("reply_to", "integer or empty", "The comment it answers; empty if it starts a thread."),
            Column("text", "text", "The words of the comment."),
        ),
        dates=("date",),
        nullable_ints=("reply_to",),
    ),
    "questions": Table(
        name="questions",
        file="questions.csv",
        description=(
            "Questions put to the nursery, in comments or by direct message, with when and "
            "by whom each was first answered."
        ),
        columns=(
            Column("question_id", "integer", "Number of the question, in order of asking."),
            Column("asked_at", "date and time", "When it was asked."),
            Column("author", "text", "The person who asked."),
            Column("channel", "text", "comment (under a post) or message (a direct message to the nursery)."),
            Column("comment_id", "integer or empty", "For questions asked in comments: the comment (see comments)."),
            Column("text", "text", "The question."),
            Column("first_reply_at", "date and time or empty", "When the first answer came; empty if none yet."),
            Column("first_reply_by", "text or empty", "Who gave the first answer: the nursery or another member."),
        ),
        dates=("asked_at", "first_reply_at"),
        nullable_ints=("comment_id",),
    ),
    "interactions": Table(
        name="interactions",
        file="interactions.csv",
        description=(
            "Every interaction between the nursery and a person, in either direction: "
            "comments, replies, likes, shares and direct messages."
        ),
        columns=(
            Column("date", "date and time", "When it happened."),
            Column("source", "text", "Who did it."),
            Column("target", "text", "Who it was aimed at (one of the two is always fernleaf_nursery)."),
            Column("kind", "text", "comment, reply, like, share or message."),
            Column("post_id", "integer or empty", "The nursery's post it was about, if any."),
        ),
        dates=("date",),
        nullable_ints=("post_id",),
    ),
    "mentions": Table(
        name="mentions",
        file="mentions.csv",
        description=(
            "Posts by other people that mention the nursery, with how a careful human reader "
            "reads each one (to check a sentiment tool against)."
        ),
        columns=(
            Column("mention_id", "integer", "Number of the mention, in order."),
            Column("date", "date and time", "When it was posted."),
            Column("author", "text", "Who posted it."),
            Column("text", "text", "The words of the post."),
            Column("human_label", "text", "positive, neutral or negative, as a person reads it (sarcasm included)."),
        ),
        dates=("date",),
    ),
    "leads": Table(
        name="leads",
        file="leads.csv",
        description=(
            "People who entered the nursery's funnel, where they came from and the furthest "
            "stage they reached: connection, conversation, relationship or client."
        ),
        columns=(
            Column("lead_id", "integer", "Number of the lead, in order."),
            Column("date", "date and time", "When the person first connected."),
            Column("person", "text", "An anonymous id for the person (p0001, ...)."),
            Column("source", "text", "Where they came from: social, word of mouth, walk-in, search or local paper."),
            Column("stage", "text", "The furthest stage reached: connection, conversation, relationship or client."),
        ),
        dates=("date",),
    ),
    "sales": Table(
        name="sales",
        file="sales.csv",
        description="Every purchase by a client who came through the funnel, with the client's source.",
        columns=(
            Column("sale_id", "integer", "Number of the sale, in order."),
            Column("date", "date and time", "When the purchase was made."),
            Column("person", "text", "The client (see leads)."),
            Column("source", "text", "Where the client first came from."),
            Column("amount", "number", "What they spent, in pounds."),
        ),
        dates=("date",),
    ),
    "survey": Table(
        name="survey",
        file="survey.csv",
        description=(
            'A customer survey in October 2026: "How likely are you to recommend Fernleaf '
            'to a friend?" on a scale from 0 to 10, with an optional comment.'
        ),
        columns=(
            Column("response_id", "integer", "Number of the response."),
            Column("date", "date and time", "When it was answered."),
            Column("person", "text", "The client who answered (see leads)."),
            Column("source", "text", "Where the client first came from."),
            Column("score", "integer", "0 (not at all likely) to 10 (extremely likely)."),
            Column("comment", "text or empty", "Anything else they wanted to say."),
        ),
        dates=("date",),
    ),
    "group_activity": Table(
        name="group_activity",
        file="group_activity.csv",
        description=(
            "Monthly activity in Fernleaf Growers, the nursery's online group, from December "
            "2025: one row per member per month since joining, quiet months included."
        ),
        columns=(
            Column("account", "text", "The member."),
            Column("month", "text", "The month, as YYYY-MM."),
            Column("joined", "text", "The month the member joined, as YYYY-MM."),
            Column("posts", "integer", "Posts the member started that month."),
            Column("comments", "integer", "Comments the member wrote that month."),
            Column("reactions", "integer", "Likes and other reactions the member gave that month."),
        ),
    ),
    "peer_posts": Table(
        name="peer_posts",
        file="peer_posts.csv",
        description=(
            "Three months of posts (August to October 2026) by four other local businesses, "
            "without a type column: classifying them is an exercise."
        ),
        columns=(
            Column("post_id", "integer", "Number of the post."),
            Column("account", "text", "The business that posted it."),
            Column("date", "date and time", "When it was posted."),
            Column("text", "text", "The words of the post."),
            Column("reach", "integer", "Accounts that saw the post."),
            Column("likes", "integer", "Likes on the post."),
            Column("comments", "integer", "Comments under the post."),
            Column("shares", "integer", "Times the post was shared."),
        ),
        dates=("date",),
    ),
}


def describe(name: str | None = None) -> pd.DataFrame:
    """The data dictionary: one row per column of one table, or of every table."""
    names = list(TABLES) if name is None else [_table(name).name]
    rows = [
        {"table": t, "column": c.name, "type": c.dtype, "meaning": c.meaning} for t in names for c in TABLES[t].columns
    ]
    return pd.DataFrame(rows)


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise InputError(f"there is no sample table called {name!r}; the tables are: {', '.join(TABLES)}") from None


@cache
def _read(name: str) -> pd.DataFrame:
    table = _table(name)
    with files("sevencs.datasets").joinpath("data", table.file).open("r", encoding="utf-8") as fh:
        frame = pd.read_csv(fh, keep_default_na=False, na_values=[""])
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise RuntimeError(f"the shipped file {table.file} lacks the columns {missing}; reinstall sevencs")
    for column in table.dates:
        frame[column] = pd.to_datetime(frame[column])
    for column in table.nullable_ints:
        frame[column] = frame[column].astype("Int64")
    return frame[table.column_names]


def load_table(name: str) -> pd.DataFrame:
    """One sample table as a new DataFrame (changing it changes nothing else)."""
    return _read(name).copy()


def load_posts() -> pd.DataFrame:
    """Twelve months of the nursery's posts.

    Columns: ``post_id, date, type, text, reach, likes, comments, shares, followers, impressions``.
    """
    return load_table("posts")


def load_comments() -> pd.DataFrame:
    """Every comment under the nursery's posts, with ``author`` and ``reply_to`` (empty = starts a thread)."""
    return load_table("comments")


def load_questions() -> pd.DataFrame:
    """Questions put to the nursery, with ``asked_at``, ``first_reply_at`` (NaT if unanswered), ``first_reply_by``."""
    return load_table("questions")


def load_interactions() -> pd.DataFrame:
    """Interactions between the nursery and people: ``date, source, target, kind, post_id``."""
    return load_table("interactions")


def load_mentions() -> pd.DataFrame:
    """Posts by others that mention the nursery, with a ``human_label`` to check sentiment tools against."""
    return load_table("mentions")


def load_leads() -> pd.DataFrame:
    """People who entered the funnel: ``lead_id, date, person, source, stage``."""
    return load_table("leads")


def load_sales() -> pd.DataFrame:
    """Purchases by clients: ``sale_id, date, person, source, amount`` (pounds)."""
    return load_table("sales")


def load_survey() -> pd.DataFrame:
    """The October 2026 customer survey: ``score`` from 0 to 10 and an optional ``comment``."""
    return load_table("survey")


def load_group_activity() -> pd.DataFrame:
    """Monthly activity per member of the nursery's online group.

    Columns: ``account, month, joined, posts, comments, reactions``.
    """
    return load_table("group_activity")


def load_peer_posts() -> pd.DataFrame:
    """Posts by four other local businesses, without a ``type`` column."""
    return load_table("peer_posts")


@lru_cache(maxsize=1)
def _network() -> nx.Graph:
    nodes, edges = _read("network_nodes"), _read("network_edges")
    graph = nx.Graph(name="Fernleaf Nursery's local network (synthetic)")
    for row in nodes.to_dict("records"):
        circles = tuple(row["circles"].split(";")) if isinstance(row["circles"], str) and row["circles"] else ()
        graph.add_node(row["account"], kind=row["kind"], circles=circles, pos=(float(row["x"]), float(row["y"])))
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
