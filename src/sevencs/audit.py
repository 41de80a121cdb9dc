"""Your Seven Cs audit: one scorecard, one row and one small chart per C.

:func:`audit` reads a table of posts (the sample's :func:`sevencs.datasets.load_posts`,
or your own from :func:`sevencs.imports.read_posts`) and any other tables you
have, and returns a :class:`Scorecard`: for each of the seven Cs, in course
order, the measure used, its value, what it means in plain words and one next
step. Every number comes from the chapter modules (:mod:`sevencs.connection`,
:mod:`sevencs.conversation`, :mod:`sevencs.relationships`,
:mod:`sevencs.content`, :mod:`sevencs.community`, :mod:`sevencs.caring`,
:mod:`sevencs.clients`); this module only chooses which function fits the
data, calls it, and writes the result down.

Where the data cannot support a C, its row says *not available* and why (which
table or column is missing, and how to get it), instead of inventing a number.
A rate with nothing to divide by is undefined, never 0.

Each C has a first-choice measure and, for some, a second one that needs less
data. The ``metric`` column always says which was used, and
:func:`compare` only subtracts values measured the same way.

=============  =============================================  ==========================================
C              first choice (needs)                           otherwise (needs)
=============  =============================================  ==========================================
connection     people in touch with you (interactions)        —
conversation   comments per post (posts' ``comments``)        reply ratio (comments table + account)
relationships  you-we ratio of your own words (posts' text)   —
content        shares per post (posts' ``shares``)            promotional share (posts' ``type`` or text)
community      active-member ratio, last month (group table)  —
caring         answered within 24 hours (questions)           negative share of mentions (mentions)
clients        Net Promoter Score (survey)                    connection → client conversion (leads)
=============  =============================================  ==========================================

An audit is a mirror, not a grade: it shows what your data say, not how good
you are. Seven numbers are not a strategy.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, SupportsFloat, cast

import networkx as nx
import numpy as np
import pandas as pd

from sevencs import _checks, caring, clients, community, connection, content, conversation, relationships
from sevencs import datasets as ds
from sevencs._checks import Undefined
from sevencs.atomic import write_bytes_atomically, write_text_atomically
from sevencs.cells import as_float
from sevencs.chapters import SEVEN_CS as CS
from sevencs.chapters import TITLES
from sevencs.errors import InputError, InputTypeError, LearnerError
from sevencs.figures import FigureImage, to_png
from sevencs.figures.audit import Panel, panel_figure, scorecard_figure
from sevencs.parsing import datetimes, moment, year_first
from sevencs.render.edition import OFF, book_mode
from sevencs.render.html import figure_html, render
from sevencs.untrusted import markdown_text as _md
from sevencs.untrusted import plain

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "COLUMNS",
    "CS",
    "RESPONSE_TARGET_HOURS",
    "TITLES",
    "AuditProblem",
    "Scorecard",
    "audit",
    "audit_sample",
    "compare",
    "sample_tables",
    "split_posts",
]

#: The columns of :attr:`Scorecard.table`.
COLUMNS = ("c", "metric", "value", "shown", "meaning", "next_step", "available", "why_not")
#: The caring row counts a question as answered in time if its first reply came within this many hours.
RESPONSE_TARGET_HOURS = 24
#: The columns a posts table must have; the others are optional.
REQUIRED = ("date", "text")
OPTIONAL = ("type", "reach", "likes", "comments", "shares", "followers", "impressions", "kind")

NOT_AVAILABLE = "not available"
NO_POSTS_OF_KIND = "no posts of that kind"


class AuditProblem(LearnerError, ValueError):
    """The posts given to :func:`audit` (or :func:`split_posts`) cannot be audited; the message says
    what was expected and what to try. A notebook shows it in a few lines (:mod:`sevencs.errors`)."""


# --- the scorecard ---------------------------------------------------------------------------


@dataclass(eq=False)
class Scorecard:
    """The audit's result: :attr:`table` (one row per C, in course order) and its figure.

    ``table`` has the columns ``c``, ``metric``, ``value`` (a float, NaN when not
    available or undefined), ``shown`` (the value as a person would say it),
    ``meaning``, ``next_step``, ``available`` and ``why_not`` (empty when available).
    Show it in a notebook as is; :meth:`figure`, :meth:`png`, :meth:`to_markdown`,
    :meth:`to_html` and :meth:`save` turn it into a report.
    """

    table: pd.DataFrame
    title: str = "Seven Cs audit"
    period: str = ""
    panels: dict[str, Panel | None] = field(default_factory=dict, repr=False)
    #: What was assumed when the posts were read (``posts.attrs["assumptions"]`` from
    #: :func:`sevencs.imports.read_posts`), shown with every report so nobody is misled.
    assumptions: tuple[str, ...] = ()

    # -- text ---------------------------------------------------------------------------------

    @property
    def alt(self) -> str:
        """Alt text for :meth:`figure`: what each panel shows, in words."""
        parts = []
        for row in self.table.itertuples(index=False):
            if row.available:
                parts.append(f"{TITLES[str(row.c)]}: {row.shown}")
            else:
                parts.append(f"{TITLES[str(row.c)]}: not available")
        where = f" for {self.period}" if self.period else ""
        return f"Seven small charts, one per C, from the {self.title}{where}. " + "; ".join(parts) + "."

    def _lead(self) -> str:
        return f"{self.title}" + (f", {self.period}" if self.period else "")

    def to_markdown(self, image: str | None = None) -> str:
        """The scorecard as Markdown: a table of the seven Cs, then what is missing and why.

        ``image`` is the file name of the figure to link (``save`` writes it next
        to the Markdown file). Every piece of text is escaped, so imported post
        text shows as text and never as HTML or Markdown.
        """
        lines = [f"## {_md(self._lead())}", ""]
        if image:
            lines += [f"![{_md(self.alt)}]({image})", ""]
        lines += ["| C | measure | value | what it means | next step |", "| --- | --- | --- | --- | --- |"]
        for row in self.table.itertuples(index=False):
            lines.append(
                "| "
                + " | ".join(_md(x) for x in (TITLES[str(row.c)], row.metric, row.shown, row.meaning, row.next_step))
                + " |"
            )
        missing = self.table[~self.table["available"]]
        if len(missing):
            lines += ["", "### What the data could not show", ""]
            lines += [f"- **{_md(TITLES[str(r.c)])}**: {_md(r.why_not)}" for r in missing.itertuples(index=False)]
        if self.assumptions:
            lines += ["", f"### {ASSUMED}", ""] + [f"- {_md(a)}" for a in self.assumptions]
        lines += ["", _md(MIRROR), ""]
        return "\n".join(lines)

    def _context(self) -> dict[str, object]:
        """What the scorecard templates need: the rows in words, what is missing and what was assumed."""
        words = self.table[["c", "metric", "shown", "meaning", "next_step"]].itertuples(index=False, name=None)
        missing = self.table.loc[~self.table["available"], ["c", "why_not"]].itertuples(index=False, name=None)
        return {
            "lead": self._lead(),
            "rows": [(TITLES[c], *rest) for c, *rest in words],
            "missing": [(TITLES[c], why_not) for c, why_not in missing],
            "assumed_heading": ASSUMED,
            "assumptions": self.assumptions,
            "mirror": MIRROR,
        }

    def table_html(self) -> str:
        """The scorecard as an HTML table (all text escaped), with the rows the data could not fill."""
        return render("scorecard_table.html", **self._context())

    def to_html(self) -> str:
        """A standalone HTML page (figure embedded as PNG) to save, open in a browser and print."""
        return render("audit.html", figure=figure_html(self.png(), self.alt), **self._context())

    def _repr_html_(self) -> str:
        return render("scorecard.html", figure=FigureImage(self.figure(), self.alt)._repr_html_(), **self._context())

    def save(self, path: str | Path) -> Path:
        """Write the report to ``path``: ``.html`` (one file) or ``.md`` (with a ``.png`` beside it)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            write_text_atomically(self.to_html(), path)
        elif suffix in (".md", ".markdown"):
            image = path.with_suffix(".png")
            write_bytes_atomically(self.png(), image)
            write_text_atomically(self.to_markdown(image=image.name), path)
        else:
            raise InputError(
                f"save() writes .html or .md files, but the path ends in {path.suffix or 'nothing'!r}; "
                "try 'my_audit.html'"
            )
        return path

    # -- figures ------------------------------------------------------------------------------

    def figure(self) -> Figure:
        """One page of small multiples: a panel per C; a C without data says so in words."""
        return scorecard_figure(self.table, self.panels, self._lead(), MIRROR)

    def png(self) -> bytes:
        """The figure as PNG bytes."""
        return to_png(self.figure(), dpi=100)

    def panel(self, c: str) -> FigureImage:
        """One C's panel on its own, with alt text (the dashboard shows these)."""
        c = _which_c(c)
        row = self.table.loc[self.table["c"] == c].iloc[0]
        return panel_figure(row, self.panels.get(c))

    def dashboard(self):
        """A small widget: pick a C, see its row and its panel.

        One page per C in a ``Stack``, linked to the list in the page itself (``jslink``), so
        picking a C shows its page without asking the kernel. In a live notebook a page is drawn
        when its C is first picked; when the book is built every page is drawn at once and saved
        with the notebook, so the list answers in the published book too, with no kernel. The
        widget's ``choose`` is the list, ``pages`` the pages, ``stack`` shows the chosen one and
        ``link`` ties the two in the page.
        """
        import ipywidgets as widgets

        table = self.table.set_index("c")
        pages = [widgets.HTML() for _ in CS]

        def draw(i: int) -> None:
            if not pages[i].value:
                c = CS[i]
                # in the book all seven pages travel with the page, each panel with its phone layout:
                # in a palette, a third of the bytes
                figure = self.panel(c).html(palette=True)
                pages[i].value = render("audit_row.html", title=TITLES[c], row=table.loc[c], figure=figure)

        choose = widgets.Dropdown(options=[(TITLES[c], c) for c in CS], value=CS[0], description="which C")
        stack = widgets.Stack(pages, selected_index=0)
        link = widgets.jslink((choose, "index"), (stack, "selected_index"))

        def follow(_change=None) -> None:  # the same in Python, drawing the page if it is new
            draw(choose.index)
            stack.selected_index = choose.index

        choose.observe(follow, names="value")
        for i in range(len(CS)) if book_mode() != OFF else [0]:
            draw(i)
        box = widgets.VBox([choose, stack])
        box.choose, box.stack, box.pages, box.link = choose, stack, pages, link
        return box

    def compare(self, other: Scorecard) -> pd.DataFrame:
        """``compare(self, other)``: this scorecard is *before*, ``other`` is *after*."""
        return compare(self, other)


ASSUMED = "What was assumed when your file was read"
MIRROR = (
    "An audit is a mirror, not a grade: it shows what your data say about each C, not how good "
    "you are. Pick one next step, try it for a month, and run the audit again."
)


def _which_c(c: str) -> str:
    key = str(c).strip().lower()
    if key not in CS:
        raise InputError(f"there is no C called {c!r}; the seven Cs are: {', '.join(CS)}")
    return key


# --- comparing two scorecards ---------------------------------------------------------------


def compare(before: Scorecard, after: Scorecard) -> pd.DataFrame:
    """The change in each C between two audits, e.g. before and after a change of strategy.

    One row per C with ``metric``, ``before``, ``after``, ``change`` (after −
    before), ``before_shown``, ``after_shown`` and ``note``. The change is only
    computed when both audits measured the C the same way and both values are
    numbers; otherwise it is NaN and ``note`` says why. Units are the metric's
    own: a change of 0.05 in a share is 5 percentage points.
    """
    for name, card in (("before", before), ("after", after)):
        if not isinstance(card, Scorecard):
            raise InputTypeError(f"{name} must be a Scorecard from audit(...), but got {type(card).__name__}")
    rows = []
    b_table, a_table = before.table.set_index("c"), after.table.set_index("c")
    for c in CS:
        # one row per C in each table
        b, a = cast(pd.Series, b_table.loc[c]), cast(pd.Series, a_table.loc[c])
        change = math.nan
        if b["metric"] != a["metric"]:
            note = "measured differently in the two audits, so they cannot be compared"
        elif not (b["available"] and a["available"]):
            note = "not available in " + (
                "either audit"
                if not (b["available"] or a["available"])
                else "the 'before' audit"
                if not b["available"]
                else "the 'after' audit"
            )
        elif math.isnan(as_float(b["value"])) or math.isnan(as_float(a["value"])):
            note = "undefined in at least one audit"
        else:
            change = as_float(a["value"]) - as_float(b["value"])
            note = "same measure"
        rows.append(
            {
                "c": c,
                "metric": a["metric"],
                "before": b["value"],
                "after": a["value"],
                "change": change,
                "before_shown": b["shown"],
                "after_shown": a["shown"],
                "note": note,
            }
        )
    return pd.DataFrame(rows)


# --- building the rows ----------------------------------------------------------------------


class _Missing(Exception):
    """This measure cannot be computed from the data given; ``why`` says what is missing."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@dataclass
class _Row:
    metric: str
    value: float | Undefined
    shown: str
    meaning: str
    next_step: str
    panel: Panel | None = None


@dataclass
class _Data:
    posts: pd.DataFrame
    own: pd.DataFrame  # posts proper: no replies, no boosts
    words: pd.DataFrame  # your own words: posts and replies, no boosts
    tables: Mapping[str, pd.DataFrame | None]
    account: str | None


def _quote(text: object, width: int = 70) -> str:
    words = " ".join(str(text).split()) if isinstance(text, str) else ""
    return "“" + textwrap.shorten(words, width, placeholder="…") + "”" if words else "(no text)"


def _undefined(why: str) -> Undefined:
    return Undefined("audit", why)


def _shown_undefined(value: Undefined) -> str:
    return f"undefined ({value.why})"


def _need_posts_column(data: _Data, column: str, why: str) -> None:
    """Say which column is missing, why the C needs it and, when the reader knows, which file has it."""
    if column not in data.posts.columns:
        missing = data.posts.attrs.get("missing")
        hint = missing.get(column) if isinstance(missing, dict) else None
        where = f" ({hint})" if isinstance(hint, str) and hint else ""
        raise _Missing(f"Your posts have no {column!r} column{where}: {why}.")


def _table(data: _Data, name: str, missing: str) -> pd.DataFrame:
    table = data.tables.get(name)
    if table is None:
        raise _Missing(missing)
    return table


def _need_account(data: _Data, what: str) -> str:
    if data.account is None:
        raise _Missing(
            f"{what} needs your own account name, and it could not be worked out from the data: "
            "call audit(..., account='your_handle')."
        )
    return data.account


def _per_type(frame: pd.DataFrame, function: Callable[[pd.DataFrame], SupportsFloat]) -> tuple[list[str], list[float]]:
    if "type" not in frame.columns or frame["type"].isna().any():
        return ["all posts"], [as_float(function(frame))]
    groups = sorted(frame.groupby("type"), key=lambda item: str(item[0]))
    return [str(t) for t, _ in groups], [as_float(function(part)) for _, part in groups]


def _best_type_advice(labels: list[str], values: list[float], unit: str, fallback: str) -> str:
    if len(labels) < 2:
        return fallback
    best = labels[int(np.nanargmax(values))]
    return (
        f"Your {best} posts earn the most {unit} ({max(values):.1f} per post): plan more of them, and "
        f"let each sales post carry something useful too."
    )


# connection ----------------------------------------------------------------------------------


def _contact_graph(interactions: pd.DataFrame, account: str) -> nx.Graph:
    """Who has been in touch with whom: one friendship per pair that interacted, either way."""
    graph = nx.from_pandas_edgelist(interactions, "source", "target")
    graph.add_node(account)
    return graph


def _connection(data: _Data) -> _Row:
    interactions = _table(
        data,
        "interactions",
        (
            "No interactions table: Connection counts the people you were in touch with, so it needs an "
            "interactions table with the columns date, source, target, kind (one row per like, comment, reply, "
            "share or message between you and someone else)."
        ),
    )
    account = _need_account(data, "Connection")
    relationships.reciprocity(interactions, account)  # the chapter's checks: columns, kinds, dates, one side us
    frame = interactions.assign(
        month=datetimes(interactions["date"], "the column 'date' of interactions").dt.to_period("M")
    )
    # the same months as the posts, so the row and its panel cover the audit's period
    # (a log that runs on past the last post would end the line on a half-empty month)
    dates = data.posts["date"]  # read by _check_posts
    frame = frame[frame["month"].between(dates.min().to_period("M"), dates.max().to_period("M"))]
    if frame.empty:
        raise _Missing(
            "Your interactions table has no rows in the months of your posts, so Connection has "
            "nobody to count for this period."
        )
    people = connection.reach(_contact_graph(frame, account), account, 1)
    labels, values = [], []
    for month, part in frame.groupby("month", sort=True):
        labels.append(str(month))
        values.append(float(connection.reach(_contact_graph(part, account), account, 1)))
    busiest = pd.Period(labels[int(np.argmax(values))], freq="M")
    return _Row(
        "people in touch with you (network reach at 1 hop in the interactions)",
        float(people),
        f"{people:,} people",
        f"{people:,} different people liked, commented, shared or messaged, or heard back from you; "
        f"the busiest month was {busiest:%B %Y}.",
        "Each week, thank or answer three people you have not talked to before, and ask the customers you "
        "already know to follow you: their friends are your next connections.",
        Panel(tuple(labels), tuple(values), "month", "people in touch", kind="line"),
    )


# conversation --------------------------------------------------------------------------------


def _conversation_rate(data: _Data) -> _Row:
    _need_posts_column(data, "comments", "Conversation needs the number of comments under each post")
    own = data.own
    if own.empty:
        undefined = _undefined(NO_POSTS_OF_KIND)
        return _Row(
            "conversation rate (comments per post)",
            undefined,
            _shown_undefined(undefined),
            "Every row is a reply or a boost, so there are no posts of your own to count comments under.",
            "Write a post of your own that asks your customers something.",
        )
    value = float(conversation.conversation_rate(own))
    labels, values = _per_type(own, conversation.conversation_rate)
    top = own.loc[[own["comments"].idxmax()]].iloc[0]
    return _Row(
        "conversation rate (comments per post)",
        value,
        f"{value:.1f} comments per post",
        f"Each post drew {value:.1f} comments on average; the most talked-about one "
        f"({int(top['comments'])} comments) was {_quote(top['text'])}.",
        _best_type_advice(
            labels,
            values,
            "comments",
            "End your next three posts with a question a customer can answer from their own "
            "garden, and reply to every answer.",
        ),
        Panel(tuple(labels), tuple(values), "post type", "comments per post"),
    )


def _reply_ratio(data: _Data) -> _Row:
    comments = _table(data, "comments", "No comments table either (comment_id, author, reply_to).")
    account = _need_account(data, "The reply ratio")
    # any account: reply_ratio itself refuses one that is not a name, and the row says why
    value = conversation.reply_ratio(comments, account)  # type: ignore[arg-type]
    if isinstance(value, Undefined):
        return _Row(
            "reply ratio (threads by others you answered)",
            value,
            _shown_undefined(value),
            "Nobody else started a thread, so there was nothing to answer.",
            "Ask a question in your next post to start a conversation.",
        )
    return _Row(
        "reply ratio (threads by others you answered)",
        float(value),
        f"{value:.0%} of threads answered",
        f"You answered {value:.0%} of the comment threads other people started.",
        "Answer every comment that starts a thread within a day, even with a short thank-you.",
        Panel(
            ("answered", "not answered"),
            (float(value), 1 - float(value)),
            "threads started by others",
            "share of threads",
            percent=True,
        ),
    )


# relationships -------------------------------------------------------------------------------


def _relationships(data: _Data) -> _Row:
    metric = "you-we ratio (you-words ÷ you- and we-words in your own posts)"
    texts = data.words["text"].fillna("").astype(str)
    if texts.empty:
        undefined = _undefined(NO_POSTS_OF_KIND)
        return _Row(
            metric,
            undefined,
            _shown_undefined(undefined),
            "Every row is a boost: none of the words are yours.",
            "Write a post of your own that talks to your reader.",
        )
    counts = relationships.you_we_counts(texts)
    value = relationships.you_we_ratio(texts)
    panel = Panel(
        ("you words", "we words"), (float(counts["you"]), float(counts["we"])), "kind of word", "words in your posts"
    )
    if isinstance(value, Undefined):
        undefined = _undefined("no 'you' or 'we' words in your posts")
        return _Row(
            metric,
            undefined,
            _shown_undefined(undefined),
            "Your posts say neither 'you' nor 'we', so they do not show who they are about.",
            "Write your next post to one customer: 'your lawn', 'your roses'.",
            panel,
        )
    value = float(value)
    step = (
        "Rewrite your next three posts to start with the reader: 'your lawn', 'your roses', not 'our stock'."
        if value < 0.5
        else "Keep talking to the reader, and answer the people who reply, so the talk goes both ways."
    )
    return _Row(
        metric,
        value,
        f"{value:.0%} you-words",
        f"Of the words in your posts that say 'you' or 'we', {value:.0%} are about the reader "
        f"({counts['you']:,} you-words, {counts['we']:,} we-words).",
        step,
        panel,
    )


# content -------------------------------------------------------------------------------------


def _amplification(data: _Data) -> _Row:
    _need_posts_column(data, "shares", "shares per post needs the number of times each post was shared")
    own = data.own
    metric = "amplification rate (shares per post)"
    if own.empty:
        undefined = _undefined(NO_POSTS_OF_KIND)
        return _Row(
            metric,
            undefined,
            _shown_undefined(undefined),
            "Every row is a reply or a boost, so there are no posts of your own to count shares of.",
            "Share something useful of your own.",
        )
    value = float(content.amplification_rate(own))
    labels, values = _per_type(own, content.amplification_rate)
    top = own.loc[[own["shares"].idxmax()]].iloc[0]
    return _Row(
        metric,
        value,
        f"{value:.1f} shares per post",
        f"Each post was passed on {value:.1f} times on average; the most shared one "
        f"({int(top['shares'])} shares) was {_quote(top['text'])}.",
        _best_type_advice(
            labels,
            values,
            "shares",
            "Turn your next sale notice into something useful to keep, such as a short "
            "how-to guide, and see whether it is passed on.",
        ),
        Panel(tuple(labels), tuple(values), "post type", "shares per post"),
    )


def _promotional(data: _Data) -> _Row:
    own = data.own
    metric = "promotional share (share of posts that sell)"
    if own.empty:
        undefined = _undefined(NO_POSTS_OF_KIND)
        return _Row(
            metric,
            undefined,
            _shown_undefined(undefined),
            "Every row is a reply or a boost, so there are no posts of your own to sort.",
            "Share something useful of your own.",
        )
    if "type" in own.columns and own["type"].notna().all():
        labelled, how = own[["type"]], "by the type you gave each post"
    else:
        labels = conversation.classify_posts(own["text"].fillna("").astype(str))["label"]
        labelled, how = pd.DataFrame({"type": labels}), "by the course's word-rule classifier"
    value = float(conversation.promotional_share(labelled, "type"))
    mix = content.content_mix(labelled)
    step = (
        "Aim for at most one sales post in five: replace the next sales post with a useful tip."
        if value > 0.2
        else "Your mix is mostly useful posts; keep them coming and make each sales post count."
    )
    return _Row(
        metric,
        value,
        f"{value:.0%} promotional",
        f"{value:.0%} of your posts are sales posts, {how}.",
        step,
        Panel(
            tuple(str(t) for t in mix.index), tuple(float(v) for v in mix), "post type", "share of posts", percent=True
        ),
    )


# community -----------------------------------------------------------------------------------


def _community(data: _Data) -> _Row:
    activity = _table(
        data,
        "group_activity",
        (
            "No group activity: Community needs a table of your group's members, one row per member per month, "
            "with the columns account, month, joined, posts, comments, reactions."
        ),
    )
    monthly = community.active_member_ratio(activity)
    last = monthly.iloc[-1]
    month = pd.Period(last["month"], freq="M")
    value = float(last["active_ratio"])
    step = (
        "Ask one quiet member each week a question only they can answer, and welcome every newcomer by name."
        if value < 0.5
        else "Hand some of the posting to your most active members: a community that runs itself lasts."
    )
    return _Row(
        "active-member ratio in the last month",
        value,
        f"{value:.0%} of members active",
        f"In {month:%B %Y}, {int(last['active'])} of your {int(last['members'])} members posted, commented or reacted.",
        step,
        Panel(
            tuple(monthly["month"]),
            tuple(monthly["active_ratio"].astype(float)),
            "month",
            "share of members active",
            kind="line",
            percent=True,
        ),
    )


# caring --------------------------------------------------------------------------------------


def _response(data: _Data) -> _Row:
    questions = _table(
        data,
        "questions",
        (
            "No reply timestamps: Caring needs a questions table with asked_at and first_reply_at (when each "
            "question was asked and first answered)."
        ),
    )
    hours = caring.first_response_times(questions)
    value = caring.response_rate(questions, within=RESPONSE_TARGET_HOURS)
    within = int((hours <= RESPONSE_TARGET_HOURS).sum())
    later = int((hours > RESPONSE_TARGET_HOURS).sum())
    never = int(hours.isna().sum())
    median = hours.median()
    median_words = (
        f"the median wait for a first reply was {median:.1f} hours"
        if not math.isnan(median)
        else "no question has a reply yet"
    )
    value = float(value)
    step = (
        "Check your messages and comments twice a day, and reply to every question within "
        f"{RESPONSE_TARGET_HOURS} hours, even if only to say when you will know."
        if value < 0.8
        else "Most questions get a quick reply; now invite members to answer each other too."
    )
    return _Row(
        f"response rate within {RESPONSE_TARGET_HOURS} hours",
        value,
        f"{value:.0%} answered within a day",
        f"Of {len(hours):,} questions, {within:,} were answered within {RESPONSE_TARGET_HOURS} hours, "
        f"{later:,} later and {never:,} not yet; {median_words}.",
        step,
        Panel(
            ("within a day", "later", "no reply yet"),
            (float(within), float(later), float(never)),
            "first reply",
            "questions",
        ),
    )


def _mentions(data: _Data) -> _Row:
    mentions = _table(data, "mentions", "No mentions table either (the text of posts that mention you).")
    mentions = _checks.columns(mentions, ["text"], "mentions")
    scored = caring.sentiment(mentions["text"])
    counts = scored["label"].value_counts()
    value = float((scored["label"] == "negative").mean())
    return _Row(
        "negative share of mentions (VADER sentiment)",
        value,
        f"{value:.0%} of mentions negative",
        f"Of {len(scored):,} posts that mention you, {int(counts.get('negative', 0)):,} read as negative to "
        "the VADER word list (which misses sarcasm).",
        "Read every negative mention yourself and answer the fixable ones in public, kindly.",
        Panel(
            ("positive", "neutral", "negative"),
            tuple(float(counts.get(k, 0)) for k in ("positive", "neutral", "negative")),
            "tone",
            "mentions",
        ),
    )


# clients -------------------------------------------------------------------------------------


def _nps(data: _Data) -> _Row:
    survey = _table(
        data,
        "survey",
        (
            'No survey or leads: Clients needs a survey table with a 0–10 score column ("How likely are you to '
            "recommend us to a friend?\"), or a leads table with each person's furthest stage."
        ),
    )
    value = float(clients.net_promoter_score(survey))  # defined: a survey table has rows
    groups = clients.promoter_groups(survey)
    step = (
        "Ask your detractors what went wrong, fix one thing, and tell them you did."
        if value < 30
        else "Ask your promoters to bring a friend: referrals arrive presold."
    )
    return _Row(
        "Net Promoter Score (% promoters − % detractors)",
        float(value),
        f"NPS {value:+.0f}",
        f"Of {int(groups['responses']):,} answers, {int(groups['promoters']):,} would gladly recommend you and "
        f"{int(groups['detractors']):,} would not.",
        step,
        Panel(
            ("promoters", "passives", "detractors"),
            tuple(float(groups[k]) for k in ("promoters", "passives", "detractors")),
            "group",
            "answers",
        ),
    )


def _conversion(data: _Data) -> _Row:
    leads = _table(data, "leads", "No leads table either (the furthest stage each person reached).")
    value = clients.conversion(leads, "connection", "client")
    table = clients.funnel(leads)
    value = float(value)
    return _Row(
        "conversion from connection to client",
        value,
        f"{value:.0%} became clients",
        f"{value:.0%} of the {int(table['reached'].iloc[0]):,} people who connected with you became clients.",
        "Ask each new client how they heard of you, so you know which of your Cs brought them.",
        Panel(tuple(table["stage"]), tuple(table["reached"].astype(float)), "stage", "people who reached it"),
    )


MEASURES: dict[str, tuple[Callable[[_Data], _Row], ...]] = {
    "connection": (_connection,),
    "conversation": (_conversation_rate, _reply_ratio),
    "relationships": (_relationships,),
    "content": (_amplification, _promotional),
    "community": (_community,),
    "caring": (_response, _mentions),
    "clients": (_nps, _conversion),
}

GET_DATA = {
    "connection": "Export who liked, commented on, shared or messaged you (many platforms offer an activity "
    "export), or keep a simple log.",
    "conversation": "Use an analytics export with a comments column for each post.",
    "relationships": "Give posts with their text.",
    "content": "Use an analytics export with a shares column, or add a type column to your posts.",
    "community": "If you run a group, note each month who posted, commented or reacted.",
    "caring": "Keep a list of the questions people ask you, with when you first answered each.",
    "clients": "Ask your clients one question: how likely are you to recommend us to a friend (0–10)?",
}


def _row(c: str, data: _Data) -> tuple[dict[str, object], Panel | None]:
    """One C's row of the scorecard (its first measure the data can support), and its panel."""
    problems = []
    for measure in MEASURES[c]:
        try:
            row = measure(data)
        except _Missing as missing:
            problems.append(missing.why)
            continue
        except (ValueError, TypeError) as problem:  # a table was given but a chapter function refused it
            problems.append(f"The data could not be used: {problem}.")
            continue
        undefined = isinstance(row.value, Undefined)
        return {
            "c": c,
            "metric": row.metric,
            "value": math.nan if undefined else float(row.value),
            "shown": row.shown,
            "meaning": row.meaning,
            "next_step": row.next_step,
            "available": True,
            "why_not": "",
        }, row.panel
    return {
        "c": c,
        "metric": NOT_AVAILABLE,
        "value": math.nan,
        "shown": NOT_AVAILABLE,
        "meaning": f"The data given cannot show {TITLES[c]} yet.",
        "next_step": GET_DATA[c],
        "available": False,
        "why_not": " ".join(problems),
    }, None


# --- the audit --------------------------------------------------------------------------------


def _check_posts(posts: object) -> pd.DataFrame:
    expected = f"expected at least: {', '.join(REQUIRED)} (optional: {', '.join(OPTIONAL)})"
    if not isinstance(posts, pd.DataFrame):
        raise AuditProblem(
            f"posts must be a table of posts (a pandas DataFrame, such as load_posts() or "
            f"read_posts('my_posts.csv')), but got {type(posts).__name__}; {expected}"
        )
    missing = [c for c in REQUIRED if c not in posts.columns]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise AuditProblem(f"posts is missing the column{plural} {', '.join(repr(c) for c in missing)}; {expected}")
    if posts.empty:
        raise AuditProblem(f"posts is empty: there are no posts to audit. {_checks.empty_table_advice()}")
    try:
        dates = datetimes(posts["date"], "the column 'date' of posts")
    except ValueError as problem:
        raise AuditProblem(str(problem)) from None
    if dates is not posts["date"]:
        posts = posts.assign(date=dates)
    return posts


def _infer_account(interactions: object) -> str | None:
    """The one account (a name) on a side of every interaction, if there is exactly one."""
    if (
        not isinstance(interactions, pd.DataFrame)
        or interactions.empty
        or not {"source", "target"} <= set(interactions.columns)
    ):
        return None
    ends = interactions[["source", "target"]]
    both = ends["source"] == ends["target"]
    hits = ends["source"].value_counts().add(ends["target"].value_counts(), fill_value=0)
    hits = hits.sub(ends.loc[both, "source"].value_counts(), fill_value=0)
    everywhere = hits[hits == len(ends)].index.tolist()
    return everywhere[0] if len(everywhere) == 1 and isinstance(everywhere[0], str) else None


def _period(dates: pd.Series) -> str:
    first, last = dates.min(), dates.max()
    return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"


def split_posts(posts: pd.DataFrame, when: object) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The posts before ``when`` and the posts from ``when`` on: two halves to audit and compare.

    ``when`` is the day something changed, written year first, ``"2026-06-01"`` (a time may
    follow: ``"2026-06-01 09:00"``), with the month's name, ``"1 June 2026"``, or as a date such
    as ``posts["date"].median()``. A date written with slashes whose day and month could be either
    way round, ``"01/06/2026"`` (1 June in the UK, 6 January in the US), is refused, naming both
    readings, rather than guessed (:func:`sevencs.parsing.moment`); ``"13/06/2026"`` can only be
    13 June and is read so.

    Raises :class:`AuditProblem` when the date cannot be read, or when one half would have no
    posts (a date before the first post or after the last): the message says how the date was
    read, which days the posts cover, and which half is empty.
    """
    posts = _check_posts(posts)
    try:
        at = moment(when, "the split date")
    except InputError as problem:
        raise AuditProblem(str(problem)) from None
    dates = posts["date"]
    before, after = posts[dates < at], posts[dates >= at]
    if before.empty or after.empty:
        shown = f"{at.day} {at:%B %Y}" + (f" {at:%H:%M}" if at != at.normalize() else "")
        read = f"the split date {when!r} was read as {shown}" if isinstance(when, str) else f"the split date is {shown}"
        side, none = ("before", "before it") if before.empty else ("after", "on or after it")
        middle = dates.sort_values().iloc[len(dates) // 2].normalize()
        raise AuditProblem(
            f"{read}, but your {len(posts)} posts run from {_period(dates)}, so none comes {none}: "
            f"the '{side}' half would be empty. Choose a day between the first post and the last, such as "
            f"{year_first(middle)!r} (the middle of your posts), written year first."
        )
    return before, after


def audit(
    posts: pd.DataFrame,
    *,
    comments: pd.DataFrame | None = None,
    questions: pd.DataFrame | None = None,
    interactions: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    leads: pd.DataFrame | None = None,
    survey: pd.DataFrame | None = None,
    group_activity: pd.DataFrame | None = None,
    account: str | None = None,
) -> Scorecard:
    """Audit a business's social media on the seven Cs: one scorecard row per C.

    ``posts`` is required: a table with at least ``date`` and ``text`` (the
    sample's :func:`~sevencs.datasets.load_posts`, or what
    :func:`sevencs.imports.read_posts` reads from your own CSV or Mastodon
    export). Its other columns (``type``, ``likes``, ``comments``, ``shares``...)
    are used where present. With a ``kind`` column (a Mastodon export), boosts
    are someone else's words and are left out; replies count as your words but
    not as posts.

    The other tables are optional and shaped like the sample's (see the data
    dictionary); each unlocks a C or a better measure for it, as in the table
    at the top of this module. ``account`` is your own account name; when not
    given it is worked out from ``interactions`` if one account is on a side of
    every row.

    Every value comes from a chapter module's function; see each row's
    ``metric``. A C the data cannot support is ``available=False`` with
    ``why_not``; a rate with nothing to divide by is NaN, shown as undefined.
    Raises :class:`AuditProblem` (a ``ValueError``) for posts that are not a
    table, are empty, or lack ``date`` or ``text``.
    """
    posts = _check_posts(posts)
    if "kind" in posts.columns:
        kind = posts["kind"].astype(str).str.lower()
        own, words = posts[~kind.isin(["reply", "boost"])], posts[kind != "boost"]
    else:
        own = words = posts
    tables = {
        "comments": comments,
        "questions": questions,
        "interactions": interactions,
        "mentions": mentions,
        "leads": leads,
        "survey": survey,
        "group_activity": group_activity,
    }
    if account is None:
        account = _infer_account(interactions)
    data = _Data(posts, own, words, tables, account)
    rows = [_row(c, data) for c in CS]
    panels = {c: panel for c, (_, panel) in zip(CS, rows)}
    table = pd.DataFrame([row for row, _ in rows], columns=list(COLUMNS))
    table["value"] = table["value"].astype(float)
    table["available"] = table["available"].astype(bool)
    title = f"Seven Cs audit of {account}" if account is not None else "Seven Cs audit"
    read_from = posts.attrs.get("file")  # the file read_posts read: the title says whose audit this is
    if isinstance(read_from, str) and read_from:
        shown_file = plain(read_from, limit=60)
        title += f", from {shown_file}" if account is not None else f" of the posts in {shown_file}"
    assumptions = posts.attrs.get("assumptions", ())
    assumptions = tuple(str(a) for a in assumptions) if isinstance(assumptions, (list, tuple)) else ()
    return Scorecard(table, title, _period(posts["date"]), panels, assumptions)


def sample_tables() -> dict[str, Any]:
    """The sample business's tables other than its posts, as :func:`audit` takes them (and its account)."""
    return dict(
        comments=ds.load_comments(),
        questions=ds.load_questions(),
        interactions=ds.load_interactions(),
        mentions=ds.load_mentions(),
        leads=ds.load_leads(),
        survey=ds.load_survey(),
        group_activity=ds.load_group_activity(),
        account=ds.NURSERY,
    )


def audit_sample() -> Scorecard:
    """The audit of the sample business, Fernleaf Nursery, with all its tables."""
    return audit(ds.load_posts(), **sample_tables())
