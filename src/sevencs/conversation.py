"""Conversation: talk with people before you try to sell to them.

The source texts compare social media with a cocktail party: nobody opens a
chat with a stranger by pitching a product. You listen first, learn what the
other person needs, and the business follows later. This module measures how
much conversation a business's posts start and how often it answers:

- :func:`conversation_rate`: comments per post; :func:`applause_rate`: likes
  per post (both from Kaushik's social media metrics);
- :func:`rates_by_type`: the two rates for each post type (or any column);
- :func:`reply_ratio`: the share of other people's thread-starting comments
  that the account answered;
- :func:`classify_post`, :func:`explain_post`, :func:`classify_posts`: a small
  rule-based classifier (promotional, conversational, informational) whose
  rules are the table :data:`RULES`, in order;
- :func:`promotional_share`: the share of posts that are promotional;
- :func:`opening`: whether a post opens with a question or a statement;
- :func:`plan_comments`: the comments a posting plan can expect, from past rates;
- :func:`account_profile`: label shares and rates for each account (the peer businesses).

Every rate states its denominator. A rate with nothing to divide by is
:class:`~sevencs._checks.Undefined`, never 0 or infinity; in a table of rates
per group, NaN means undefined (a group with no posts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from sevencs import _checks
from sevencs._checks import Undefined
from sevencs.errors import InputError, InputTypeError

__all__ = [
    "LABELS",
    "RULES",
    "TYPE_TO_LABEL",
    "WEEKS_PER_MONTH",
    "Rule",
    "account_profile",
    "applause_rate",
    "classify_post",
    "classify_posts",
    "conversation_rate",
    "explain_post",
    "opening",
    "plan_comments",
    "promotional_share",
    "rates_by_type",
    "reply_ratio",
    "rules_table",
]

#: The three labels the classifier gives, in the order the rules try them.
LABELS = ("promotional", "conversational", "informational")

#: How the nursery's four post types map onto the classifier's three labels.
#: A judgement call, written down so it can be argued with: a story tells
#: people something, so it counts as informational, like a how-to guide.
TYPE_TO_LABEL = {
    "promotional": "promotional",
    "question": "conversational",
    "how-to": "informational",
    "story": "informational",
}

#: 52 weeks ÷ 12 months.
WEEKS_PER_MONTH = 52 / 12


@dataclass(frozen=True)
class Rule:
    """One rule of :func:`classify_post`: if the text contains any of ``phrases``, give ``label``."""

    label: str
    name: str
    phrases: tuple[str, ...]

    def match(self, text: str) -> str | None:
        """The first phrase found in ``text`` (ignoring case, whole words only), or None."""
        lowered = text.lower()
        for phrase in self.phrases:
            if _pattern(phrase).search(lowered):
                return phrase
        return None


def _pattern(phrase: str) -> re.Pattern:
    # Whole words only ("sale" must not fire inside "wholesale"), except where a
    # phrase starts or ends with punctuation such as "% off" or "?".
    start = r"(?<!\w)" if phrase[0].isalnum() else ""
    end = r"(?!\w)" if phrase[-1].isalnum() else ""
    return re.compile(start + re.escape(phrase) + end)


#: The classifier's rules, tried in this order; the first that matches decides.
#: Selling comes first on purpose: a sales post that ends with a question
#: ("Sale on roses: who's coming?") is still a sales post. A post that matches
#: no rule is informational.
RULES: tuple[Rule, ...] = (
    Rule(
        "promotional",
        "sales words",
        (
            "% off",
            "sale",
            "discount",
            "offer",
            "buy",
            "order now",
            "shop now",
            "price",
            "deal",
            "last chance",
            "limited stock",
            "two for one",
            "bogof",
            "free delivery",
            "book now",
        ),
    ),
    Rule("conversational", "asks a question", ("?",)),
    Rule(
        "conversational",
        "invites a reply",
        (
            "tell us",
            "let us know",
            "share your",
            "in the comments",
            "comment below",
            "your ideas",
            "what do you think",
            "vote",
        ),
    ),
)

DEFAULT_LABEL = "informational"
DEFAULT_RULE = "no rule matched"


# --- rates ---------------------------------------------------------------------------------


def _rate(posts: pd.DataFrame, column: str, what: str) -> float | Undefined:
    posts = _checks.columns(posts, [column], "posts")
    _checks.counts(posts, [column], "posts")
    return _checks.ratio(posts[column].sum(), len(posts), what, "posts")


def conversation_rate(posts: pd.DataFrame) -> float | Undefined:
    """Comments per post: the conversation a business's posts start.

    Formula::

        conversation rate = total comments ÷ number of posts

    The denominator is posts (one row each), not reach or followers, so it is
    a count per post, not a percentage. Kaushik counts the audience's comments;
    a platform's comment count (like the ``comments`` column of the sample
    posts) also includes the business's own replies.

    Source: Kaushik (2011), "Best Social Media Metrics: Conversation,
    Amplification, Applause, Economic Value", Occam's Razor.
    """
    return _rate(posts, "comments", "conversation rate (comments per post)")


def applause_rate(posts: pd.DataFrame) -> float | Undefined:
    """Likes per post: approval that takes one click and starts no conversation.

    Formula::

        applause rate = total likes ÷ number of posts

    Source: Kaushik (2011), the same four metrics as :func:`conversation_rate`.
    """
    return _rate(posts, "likes", "applause rate (likes per post)")


def rates_by_type(posts: pd.DataFrame, by: str = "type") -> pd.DataFrame:
    """Conversation and applause rate for each value of the column ``by`` (post type by default).

    Returns one row per group, sorted by conversation rate (highest first),
    with ``posts``, ``comments``, ``likes``, ``conversation_rate`` (comments ÷
    posts of that group) and ``applause_rate`` (likes ÷ posts of that group).
    Each rate divides by the posts of its own group, so the groups can be
    compared. A group with no posts cannot occur here; in tables built from
    this one (see :func:`plan_comments`) NaN means undefined.
    """
    posts = _checks.columns(posts, [by, "comments", "likes"], "posts")
    _checks.counts(posts, ["comments", "likes"], "posts")
    if posts[by].isna().any():
        row = posts[by][posts[by].isna()].index[0]
        raise InputError(
            f"the column {by!r} of posts has a missing value in row {row!r}; every post needs a group to be counted in"
        )
    table = posts.groupby(by, sort=False).agg(
        posts=("comments", "size"), comments=("comments", "sum"), likes=("likes", "sum")
    )
    table["conversation_rate"] = table["comments"] / table["posts"]
    table["applause_rate"] = table["likes"] / table["posts"]
    return table.sort_values("conversation_rate", ascending=False)


def reply_ratio(comments: pd.DataFrame, account: str) -> float | Undefined:
    """The share of other people's thread-starting comments that ``account`` answered.

    Formula::

        reply ratio = answered ÷ started by others

    - *started by others*: comments that start a thread (``reply_to`` is empty)
      and were written by someone other than ``account``. The account's own
      comments are never in the denominator, and neither are replies inside a
      thread (people answering each other are not waiting for the business);
    - *answered*: those of them with at least one comment by ``account`` whose
      ``reply_to`` is that comment. Two replies to one comment count once.

    It is :class:`Undefined` when nobody else started a thread. The measure
    follows the idea of a response rate (messages answered ÷ messages that
    needed an answer) used in the Sprout Social Index reports.
    """
    comments = _checks.columns(comments, ["comment_id", "author", "reply_to"], "comments")
    if not isinstance(account, str) or not account.strip():
        raise InputTypeError(f"account must be one account name (text), but got {account!r}")
    if comments["comment_id"].isna().any():
        raise InputError("the column 'comment_id' of comments has a missing value; every comment needs an id")
    if account not in set(comments["author"]):
        raise InputError(
            f"the account {account!r} wrote none of these {len(comments)} comments, so it answered none. "
            "Check the spelling (for example 'fernleaf_nursery')."
        )
    started = comments[comments["reply_to"].isna() & (comments["author"] != account)]
    answered_ids = set(comments.loc[comments["author"] == account, "reply_to"].dropna())
    answered = int(started["comment_id"].isin(answered_ids).sum())
    return _checks.ratio(answered, len(started), f"reply ratio of {account}", "thread-starting comments by others")


def promotional_share(posts: pd.DataFrame, column: str = "type") -> float | Undefined:
    """The share of posts that are promotional.

    Formula::

        promotional share = posts labelled "promotional" in ``column`` ÷ all posts

    ``column`` holds each post's label: the ``type`` a business gave its own
    posts, or the labels of :func:`classify_posts` for posts without one
    (such as the peer businesses' posts). Compare with the Welcome chapter:
    a feed that is mostly sales notices is publishing, not sharing.
    """
    posts = _checks.columns(posts, [column], "posts")
    labels = posts[column]
    if labels.isna().any():
        row = labels[labels.isna()].index[0]
        raise InputError(f"the column {column!r} of posts has a missing label in row {row!r}")
    return _checks.ratio(int((labels == "promotional").sum()), len(posts), "promotional share", "posts")


# --- the classifier ---------------------------------------------------------------------------


def _text(text: object) -> str:
    if isinstance(text, float) and math.isnan(text):
        raise InputError("the post's text is missing (NaN); there is nothing to classify")
    if not isinstance(text, str):
        raise InputTypeError(f"a post's text must be a string, but got {type(text).__name__} {text!r}")
    return text


def explain_post(text: str) -> dict[str, str]:
    """Which rule of :data:`RULES` labels ``text``, and the phrase that fired it.

    Returns ``{"label": ..., "rule": ..., "matched": ...}``; when no rule
    matches, the label is ``"informational"``, the rule ``"no rule matched"``
    and ``matched`` is empty.
    """
    text = _text(text)
    for rule in RULES:
        phrase = rule.match(text)
        if phrase is not None:
            return {"label": rule.label, "rule": rule.name, "matched": phrase}
    return {"label": DEFAULT_LABEL, "rule": DEFAULT_RULE, "matched": ""}


def classify_post(text: str) -> str:
    """Label one post "promotional", "conversational" or "informational" by the rules in :data:`RULES`.

    The rules are tried in order and the first match decides:

    1. **sales words** ("% off", "sale", "buy", "order now", "last chance"...)
       → promotional;
    2. **asks a question** (a "?") → conversational;
    3. **invites a reply** ("tell us", "let us know", "share your"...)
       → conversational;
    4. anything else → informational.

    Matching ignores case and looks for whole words. It is deliberately small
    and transparent, so a learner can see why each post got its label
    (:func:`explain_post`) and where it goes wrong. It reads words, not
    meaning: irony, pictures and context are invisible to it.
    """
    return explain_post(text)["label"]


def classify_posts(texts: Iterable[str] | pd.Series) -> pd.DataFrame:
    """:func:`explain_post` for many texts: columns ``text``, ``label``, ``rule``, ``matched``.

    Pass a column such as ``posts["text"]``; the result keeps its index, so
    ``posts.join(classify_posts(posts["text"]).drop(columns="text"))`` adds the
    labels to the posts.
    """
    if isinstance(texts, (str, bytes)):
        raise InputTypeError("classify_posts takes many texts (a column or a list); for one text use classify_post")
    if isinstance(texts, pd.DataFrame):
        raise InputTypeError("pass the column of texts, for example posts['text'], not the whole table")
    series = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    if series.empty:
        raise InputError("there are no texts to classify")
    rows = [explain_post(t) for t in series]
    table = pd.DataFrame(rows, index=series.index, columns=["label", "rule", "matched"])
    table.insert(0, "text", series)
    return table


def rules_table() -> pd.DataFrame:
    """The classifier's rules as a table, in the order they are tried."""
    rows = [
        {"order": i + 1, "rule": r.name, "label": r.label, "phrases": ", ".join(f"“{p}”" for p in r.phrases)}
        for i, r in enumerate(RULES)
    ]
    rows.append({"order": len(RULES) + 1, "rule": DEFAULT_RULE, "label": DEFAULT_LABEL, "phrases": "(anything else)"})
    return pd.DataFrame(rows).set_index("order")


def opening(text: str) -> str:
    """ "question" if the post's first sentence asks something, otherwise "statement".

    The first sentence runs up to the first ".", "!" or "?"; it is a question
    if that mark is a "?".
    """
    text = _text(text).strip()
    match = re.search(r"[.!?]", text)
    return "question" if match and match.group() == "?" else "statement"


# --- a posting plan ----------------------------------------------------------------------------


def plan_comments(
    posts: pd.DataFrame,
    promotional: float,
    other_types: Iterable[str],
    posts_per_week: int = 3,
) -> pd.Series:
    """The comments a posting plan can expect, if the past conversation rates hold.

    A plan has a share ``promotional`` of promotional posts; the rest are drawn
    from ``other_types`` in the proportions the business used them before.
    With ``r_p`` the conversation rate of past promotional posts and ``r_o``
    the pooled rate of past posts of the other types (their comments ÷ their
    posts)::

        plan rate          = promotional × r_p + (1 − promotional) × r_o
        comments per month = plan rate × posts_per_week × 52 ÷ 12

    Returns ``promotional_rate``, ``other_rate``, ``plan_rate`` and
    ``comments_per_month``. A part with no past posts is NaN (undefined);
    ``other_rate`` is NaN when ``other_types`` is empty, and the plan's numbers
    too unless the plan is all promotional. An expectation, not a forecast:
    it assumes tomorrow's readers behave like last year's.
    """
    posts = _checks.columns(posts, ["type", "comments"], "posts")
    _checks.counts(posts, ["comments"], "posts")
    promotional = _checks.rate("promotional", promotional)
    posts_per_week = _checks.whole_number("posts_per_week", posts_per_week, 0)
    if isinstance(other_types, str):
        other_types = [other_types]
    other_types = list(other_types)
    known = set(posts["type"])
    unknown = [t for t in other_types if t not in known]
    if unknown:
        raise InputError(f"unknown post type {unknown[0]!r}; the types in posts are: {', '.join(sorted(known))}")
    if "promotional" in other_types:
        raise InputError(
            "other_types lists the types besides promotional; set the promotional share with `promotional`"
        )

    def pooled(types: list[str]) -> float:
        part = posts[posts["type"].isin(types)]
        return float(part["comments"].sum() / len(part)) if len(part) else math.nan

    r_p, r_o = pooled(["promotional"]), pooled(other_types)
    # a part of the plan with no posts adds nothing, even if its rate is unknown
    parts = [(promotional, r_p), (1 - promotional, r_o)]
    rate = sum(w * r for w, r in parts if w > 0) if all(not (w > 0 and math.isnan(r)) for w, r in parts) else math.nan
    return pd.Series(
        {
            "promotional_rate": r_p,
            "other_rate": r_o,
            "plan_rate": rate,
            "comments_per_month": rate * posts_per_week * WEEKS_PER_MONTH,
        }
    )


def account_profile(posts: pd.DataFrame, by: str = "account") -> pd.DataFrame:
    """For each account: posts, the share of each classifier label, and the two rates per post.

    The posts need ``text``, ``comments`` and ``likes``; each text is labelled
    by :func:`classify_post`. Columns: ``posts``, ``promotional``,
    ``conversational``, ``informational`` (shares of that account's posts),
    ``conversation_rate`` and ``applause_rate`` (per post of that account).
    Sorted by promotional share, highest first.
    """
    posts = _checks.columns(posts, [by, "text", "comments", "likes"], "posts")
    _checks.counts(posts, ["comments", "likes"], "posts")
    labels = classify_posts(posts["text"])["label"]
    shares = pd.crosstab(posts[by], labels, normalize="index").reindex(columns=list(LABELS), fill_value=0.0)
    rates = rates_by_type(posts, by=by)
    table = rates[["posts"]].join(shares).join(rates[["conversation_rate", "applause_rate"]])
    return table.sort_values("promotional", ascending=False)
