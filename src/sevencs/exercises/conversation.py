"""Chapter 2, Conversation: exercises, self-check questions and the reflection.

The expected answers are computed from the sample tables with
:mod:`sevencs.conversation`, whose functions are tested separately against
hand counts. The known mistakes are computed the way a learner would make
them (dividing likes instead of comments, counting the nursery's own replies
in the denominator, comparing a label with a type it cannot equal...), so
each wrong answer gets a message about its cause.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from sevencs import conversation as cv
from sevencs.course.engine import (
    Exercise,
    Feedback,
    Kind,
    Mistake,
    NameExercise,
    NumberExercise,
    Status,
    _common_problem,
    _short,
    describe_kind,
)
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import NURSERY, load_comments, load_peer_posts, load_posts

CHAPTER = "conversation"

SETUP = """\
import pandas as pd
from sevencs import conversation as cv
from sevencs.datasets import NURSERY, load_comments, load_peer_posts, load_posts
from sevencs.exercises import conversation as ex

posts = load_posts()
comments = load_comments()
peers = load_peer_posts()"""

#: The five posts of exercise 1, written for it (they are not in the sample data).
Q1_POSTS = (
    "Which bulbs are you planting this autumn?",
    "Sale: 30% off all roses until Sunday. Who's coming?",
    "Our greenhouse turns ten today. Thank you for every visit.",
    "Tell us your best trick for keeping slugs off the lettuces.",
    "Last chance to order seed potatoes for spring.",
)


class ClassifyFive(Exercise):
    """Five labels, in order; each wrong one gets its own explanation."""

    title = "Label five posts: promotional, conversational or informational?"
    answer_name = "labels"
    hints = (
        "Go through the rules in order (`cv.rules_table()`): the first rule that matches decides. "
        "Sales words come before the question mark.",
        "Post 2 asks a question, but it also has sales words, and the sales rule is tried first. "
        "Post 4 has no question mark, but it asks for a reply in words.",
        "`[cv.classify_post(t) for t in ex.Q1_POSTS]` labels all five; `cv.explain_post(t)` shows which rule fired.",
    )
    solution_code = "labels = [cv.classify_post(text) for text in ex.Q1_POSTS]"
    correct_message = (
        "Right: {expected}. Run `cv.explain_post` on post 2 to see the rule that decided it: "
        "a sale with a question mark is still a sale."
    )

    def expected(self) -> list[str]:
        return [cv.classify_post(text) for text in Q1_POSTS]

    def mistakes(self, expected: list[str]) -> list[Mistake]:
        """Slips on single posts: each value is (the post's position from 0, the wrong label given)."""
        return [
            Mistake(
                (1, "conversational"),
                "Post 2 ends with a question, but it opens with a sale. The sales rule is tried first, "
                "so it is promotional: a question tacked onto a sales notice is still a sales notice.",
            ),
            Mistake(
                (3, "informational"),
                'Post 4 has no question mark, but it asks for an answer in words ("tell us"): the '
                "third rule, invites a reply, makes it conversational.",
            ),
            Mistake(
                (4, "informational"),
                'Post 5 has no price in it, but "last chance" is one of the sales phrases: '
                "it pushes you to buy now, so it is promotional.",
            ),
        ]

    def judge(self, answer: Any, expected: list[str]) -> Feedback:
        problem = _common_problem(answer, "a list of five labels")
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        if isinstance(answer, str) or not isinstance(answer, (Sequence, pd.Series)):
            return self._feedback(
                Status.INCORRECT,
                f'The question asks for a list of five labels, like `["promotional", ...]`, but your '
                f"answer is {describe_kind(answer)}: {_short(answer)}.",
            )
        given = [a.strip().lower() if isinstance(a, str) else a for a in list(answer)]
        if len(given) != len(expected):
            return self._feedback(
                Status.INCORRECT,
                f"Your list has {len(given)} label{'' if len(given) == 1 else 's'}, but there are "
                f"{len(expected)} posts: one label per "
                "post, in the same order as `ex.Q1_POSTS`.",
            )
        unknown = [a for a in given if a not in cv.LABELS]
        if unknown:
            return self._feedback(
                Status.INCORRECT,
                f"{_short(unknown[0])} is not one of the three labels. Use exactly "
                f"{', '.join(repr(lab) for lab in cv.LABELS)}.",
            )
        wrong = [i for i, (a, e) in enumerate(zip(given, expected)) if a != e]
        if not wrong:
            return self._feedback(Status.CORRECT, self.correct_message.format(expected=expected))
        slips = {mistake.value: mistake.message for mistake in self.known_mistakes}
        messages = [
            slips.get((i, given[i]), f"Post {i + 1} is not {given[i]}: try `cv.explain_post(ex.Q1_POSTS[{i}])`.")
            for i in wrong
        ]
        right = len(expected) - len(wrong)
        return self._feedback(Status.INCORRECT, f"{right} of {len(expected)} right. " + "\n\n".join(messages))


class QuestionRate(NumberExercise):
    title = "What is the conversation rate of the nursery's question posts?"
    answer_name = "question_rate"
    kind = Kind.RATE
    unit = "comments per post"
    hints = (
        'The conversation rate is comments ÷ posts. Here only the posts whose `type` is "question" count.',
        "`posts.groupby('type')['comments'].mean()` gives comments per post for every type at once.",
        "Pick the question row: `posts.groupby('type')['comments'].mean()['question']`, or use "
        "`cv.rates_by_type(posts)`.",
    )
    solution_code = "question_rate = posts.groupby('type')['comments'].mean()['question']"
    correct_message = (
        "Right: {expected:.2f} comments per question post. Compare it with the promotional posts in "
        "`cv.rates_by_type(posts)`."
    )

    def _matches(self, number: float, target: float) -> bool:
        # the lab prints 6.916667 and the feedback 6.92: a rate rounded to 2 or 3 decimals is right
        return super()._matches(number, target) or any(number == round(target, d) for d in (2, 3))

    @staticmethod
    def _questions() -> pd.DataFrame:
        posts = load_posts()
        return posts[posts["type"] == "question"]

    def expected(self) -> float:
        return float(cv.conversation_rate(self._questions()))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts, questions = load_posts(), self._questions()
        yield Mistake(
            float(questions["likes"].mean()),
            ("That is likes per question post: the applause rate. The conversation rate counts comments."),
        )
        yield Mistake(
            float(questions["comments"].sum() / questions["reach"].sum()),
            (
                "You divided by reach (the accounts that saw the posts). Kaushik's conversation rate "
                "divides by the number of posts."
            ),
        )
        yield Mistake(
            float((questions["comments"] / questions["reach"]).mean()),
            (
                "You divided each post's comments by its reach. The conversation rate divides by the "
                "number of posts, not by how many people saw them."
            ),
        )
        yield Mistake(
            float(questions["comments"].sum()),
            ("That is the total number of comments on question posts. Divide by how many question posts there are."),
        )
        yield Mistake(
            float(posts["likes"].mean()),
            (
                "That is likes per post over all posts: the applause rate, and for every type. Count comments, "
                "and only on question posts."
            ),
        )
        yield Mistake(
            float(cv.conversation_rate(posts)),
            ("That is the conversation rate of all posts. Keep only the question posts (group by `type`)."),
        )


class NurseryReplyRatio(NumberExercise):
    title = "What share of the threads others started did the nursery answer?"
    answer_name = "replied"
    kind = Kind.SHARE
    hints = (
        "The denominator: comments that start a thread (`reply_to` is empty) written by someone other "
        "than the nursery. The numerator: those the nursery answered.",
        "`started = comments[comments['reply_to'].isna() & (comments['author'] != NURSERY)]`; the "
        "nursery's replies are `comments[comments['author'] == NURSERY]`, and their `reply_to` says "
        "which comment they answer.",
        "`started['comment_id'].isin(answered).mean()` with `answered` the nursery's `reply_to` values; "
        "or `cv.reply_ratio(comments, NURSERY)`.",
    )
    solution_code = "replied = cv.reply_ratio(comments, NURSERY)"
    correct_message = (
        "Right: the nursery answered {expected:.0%} of the threads other people started. Most people "
        "who spoke up heard nothing back."
    )

    def expected(self) -> float:
        return float(cv.reply_ratio(load_comments(), NURSERY))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        comments = load_comments()
        own = comments["author"] == NURSERY
        yield Mistake(
            own.sum() / len(comments),
            (
                "You divided the nursery's replies by all comments, its own replies included. The "
                "denominator is the threads started by others: the nursery never waits for itself."
            ),
        )
        yield Mistake(
            own.sum() / (~own).sum(),
            (
                "Your denominator counts every comment by others, including replies people wrote to each "
                "other inside a thread. Count only the comments that start a thread (`reply_to` empty)."
            ),
        )
        yield Mistake(
            float(own.sum()),
            (
                "That is how many replies the nursery wrote. Divide the threads it answered by the threads "
                "others started."
            ),
        )


def _peer_labels() -> pd.DataFrame:
    peers = load_peer_posts()
    return peers.assign(label=cv.classify_posts(peers["text"])["label"])


class SalesFirst(NameExercise):
    title = "Which of the four local businesses leads with the sale?"
    answer_name = "sales_first"
    unit = "account name"
    hints = (
        "The peer posts have no type column: label each text with `cv.classify_post` first.",
        "`peers['label'] = peers['text'].map(cv.classify_post)`, then the share of promotional posts per "
        "account: `(peers['label'] == 'promotional').groupby(peers['account']).mean()`.",
        "Take the account with the highest share: `.idxmax()`.",
    )
    solution_code = (
        "peers['label'] = peers['text'].map(cv.classify_post)\n"
        "sales_first = (peers['label'] == 'promotional').groupby(peers['account']).mean().idxmax()"
    )
    correct_message = (
        "Right: {expected}. Most of its posts are sales notices. Look at its comments per post in "
        "`cv.account_profile(peers)`: the lowest of the four."
    )

    def expected(self) -> str:
        peers = _peer_labels()
        return str((peers["label"] == "promotional").groupby(peers["account"]).mean().idxmax())

    def mistakes(self, expected: str) -> list[Mistake]:
        peers = _peer_labels()
        found: dict[Any, str] = {
            NURSERY: "That is the nursery itself. The question is about the four other local businesses in `peers`.",
        }
        most_posts = peers["account"].value_counts().idxmax()
        fewest_comments = peers.groupby("account")["comments"].sum().idxmin()
        most_conversational = (peers["label"] == "conversational").groupby(peers["account"]).mean().idxmax()
        candidates = [
            (
                fewest_comments,
                f"{fewest_comments} has the fewest comments in total, but it also posts the "
                "least. Compare shares of posts, not totals.",
            ),
            (
                most_posts,
                f"{most_posts} posts the most, but posting a lot is not selling a lot. Compare the "
                "share of each account's posts that are promotional.",
            ),
            (
                most_conversational,
                f"{most_conversational} has the highest share of conversational posts: "
                "the opposite of what the question asks.",
            ),
        ]
        for name, message in candidates:
            if name != expected:
                found.setdefault(name, message)
        return [Mistake(name, message) for name, message in found.items()]


def _agreement() -> pd.Series:
    posts = load_posts()
    return cv.classify_posts(posts["text"])["label"] == posts["type"].map(cv.TYPE_TO_LABEL)


class ClassifierAccuracy(NumberExercise):
    title = "On the nursery's own posts, how often does the classifier agree with the known type?"
    answer_name = "accuracy"
    kind = Kind.SHARE
    hints = (
        "The posts have a known `type`, but with four types, not three labels. `cv.TYPE_TO_LABEL` says "
        "which label each type should get.",
        "`expected = posts['type'].map(cv.TYPE_TO_LABEL)` and `got = posts['text'].map(cv.classify_post)`.",
        "The accuracy is the share of posts where the two agree: `(got == expected).mean()`.",
    )
    solution_code = (
        "got = posts['text'].map(cv.classify_post)\naccuracy = (got == posts['type'].map(cv.TYPE_TO_LABEL)).mean()"
    )
    correct_message = (
        "Right: the rules agree with the nursery's own types on {expected:.0%} of its posts. Look at the "
        "posts where they disagree: which phrase is missing from the sales rule?"
    )

    def expected(self) -> float:
        return float(_agreement().mean())

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        labels = cv.classify_posts(posts["text"])["label"]
        yield Mistake(
            float((labels == posts["type"]).mean()),
            (
                'You compared the labels with the `type` column directly. "question" can never equal '
                '"conversational": map the types to labels first with `cv.TYPE_TO_LABEL`.'
            ),
        )
        yield Mistake(
            float(_agreement().sum()),
            ("That is how many posts the classifier got right. Divide by the number of posts for the share."),
        )


q1 = ClassifyFive(CHAPTER, "q1")
q2 = QuestionRate(CHAPTER, "q2")
q3 = NurseryReplyRatio(CHAPTER, "q3")
q4 = SalesFirst(CHAPTER, "q4")
q5 = ClassifierAccuracy(CHAPTER, "q5")

sc1 = Question(
    CHAPTER,
    "sc1",
    "At a party you meet someone who runs a café. What does the cocktail-party comparison say you should do first?",
    (
        Option(
            "Ask about them and listen: their café, their customers, what they need.",
            True,
            "Yes. You learn what they need, and whether and how you could help comes later, from that.",
        ),
        Option(
            "Tell them about this week's offer at your nursery before they drift away.",
            False,
            "That is opening with the sale: the move the comparison warns against. People walk away from a pitch.",
        ),
        Option(
            "Hand over a card and move on, to meet as many people as you can tonight.",
            False,
            "That collects contacts, not conversations. Chapter 1 showed that connections matter, but "
            "this chapter is about what you do with them.",
        ),
        Option(
            "Tell them your own story first, so they know who you are before you ask.",
            False,
            "A short hello is fine, but a long story about you is still talking about yourself. "
            "The comparison says to let them talk first, and listen.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "The nursery wrote 80 replies under its posts, and 350 comments were written in all. Why is "
    "80 ÷ 350 not its reply ratio?",
    (
        Option(
            "Because the reply ratio divides by the number of posts, not by comments.",
            False,
            "Replies per post is a different rate. The reply ratio is a share of comments answered.",
        ),
        Option(
            "It is the reply ratio: every comment could have been answered, so all count.",
            False,
            "Look at what is in the 350: the nursery's own replies count there too, and they are "
            "never waiting for an answer.",
        ),
        Option(
            "The 350 hold the nursery's own replies too: count only threads others started.",
            True,
            "Yes. The reply ratio asks: of the people who started a conversation, how many got an "
            "answer? Your own comments, and people's replies to each other, are never waiting for one.",
        ),
        Option(
            "Because the 80 should also count the likes the nursery gave to comments.",
            False,
            "A like is not an answer to a question. And the problem is in the denominator: the 350 "
            "include the nursery's own replies.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "A business's conversation rate doubled last month. What can you conclude?",
    (
        Option(
            "Its customers are twice as happy with it as they were a month before.",
            False,
            "Comments can be complaints. A rate counts comments; it does not read them.",
        ),
        Option(
            "Twice as many people saw its posts last month, so its reach doubled too.",
            False,
            "The conversation rate divides by posts, not by the people who saw them. Reach is a different number.",
        ),
        Option(
            "It must have posted half as often, since the rate divides by the number of posts.",
            False,
            "That is one way it could happen, but so is more comments on as many posts: the rate "
            "alone cannot tell which.",
        ),
        Option(
            "Comments per post doubled; whether that is good news depends on what they say.",
            True,
            "Yes. Read the comments too: a complaint thread or a 'comment to win' giveaway can double "
            "the rate. And if the business answers more, its own replies count as comments too.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Take one announcement you plan to post soon (an offer, an opening, a new product). Rewrite it as "
    "the start of a conversation: what could you ask, and what would you listen for in the answers? "
    "Then list three questions your customers often ask you: each is a post waiting to be written.",
    'For Fernleaf Nursery: instead of "20% off tomato plants this week", post "What went wrong with '
    'your tomatoes last year? Tell us and we will suggest a variety that suits your garden." Listen '
    "for: blight, small gardens, balconies. Three questions customers ask: how often should I water "
    "pots in summer; which plants are safe for cats; can I still plant bulbs in December.",
    (
        "start from what the reader cares about, not from the product?",
        "ask something a customer can answer in one line?",
        "say what you would do with the answers (listen, then help)?",
        "take the three questions from real conversations with customers?",
    ),
)
