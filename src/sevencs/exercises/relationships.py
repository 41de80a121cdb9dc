"""Chapter 3, Relationships: exercises, self-check questions and the reflection.

The expected answers are computed from the sample interaction log and posts
with :mod:`sevencs.relationships`, whose functions are tested separately
against hand-counted logs. The known mistakes are computed the way a learner
would get them wrong (ranking by one part only, counting rows instead of
people, averaging per post with "neither" read as 0...), so each wrong answer
gets a message about its cause.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from sevencs import relationships as rx
from sevencs._checks import Undefined
from sevencs.course.engine import (
    Exercise,
    Feedback,
    Kind,
    Mistake,
    NameExercise,
    NumberExercise,
    Status,
    _text_problem,
)
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import NURSERY, load_interactions, load_posts

CHAPTER = "relationships"

SETUP = """\
from sevencs import relationships as rx
from sevencs.datasets import load_interactions, load_posts, NURSERY
from sevencs.exercises import relationships as ex

interactions = load_interactions()
posts = load_posts()"""

#: The draft post of exercise 4, written the way many businesses write: all about us.
DRAFT = (
    "We have restocked our herb range, and our team will be at our market stall on "
    "Saturday. We hope to see lots of our regulars there!"
)
#: A model answer to exercise 4 (one of many).
MODEL_REWRITE = (
    "Fresh herbs for your kitchen garden are back. Come and pick yours at the market stall "
    "on Saturday, and bring your growing questions: we will be glad to help you."
)
#: Exercise 4 asks for at least this share of you words.
REWRITE_TARGET = 2 / 3
#: Exercise 5's shorter memory: a recency half-life of one week.
SHORT_HALF_LIFE = 7


def _per_post_shares(texts) -> list:
    return [rx.you_we_ratio(text) for text in texts]


class StrongestTie(NameExercise):
    title = "Who has the strongest relationship with the nursery, with the default weights?"
    answer_name = "strongest"
    unit = "person's account name"
    hints = (
        "Tie strength mixes three parts: how often someone interacts (frequency), how lately "
        "(recency) and whether the nursery answers (reciprocity). With the default weights each "
        "counts for a third.",
        "`rx.tie_strength(interactions)` returns a table with the strongest relationship first. "
        "The names are its index.",
        "Take the first name of the index: `table.index[0]`.",
    )
    solution_code = "table = rx.tie_strength(interactions)\nstrongest = table.index[0]"
    correct_message = (
        "Right: {expected}. Look at the row: not the most interactions, but a relationship that goes "
        "both ways and is still active."
    )

    def expected(self) -> str:
        return rx.tie_strength(load_interactions()).index[0]

    def mistakes(self, expected: str) -> list[Mistake]:
        table = rx.tie_strength(load_interactions())
        busiest = table["interactions"].idxmax()
        latest = table["days_since"].idxmin()
        balanced = table.sort_values(["reciprocity", "interactions"], ascending=[False, False]).index[0]
        found = {
            NURSERY: "That is the nursery itself. The question asks for the person on the other side.",
            busiest: (
                f"{busiest} has the most interactions ({table['interactions'].max()}), but most of "
                "them go one way: frequency is only one part of tie strength. Use `rx.tie_strength`."
            ),
            latest: (
                f"{latest} was the last to interact, but recency is only one of the three parts. "
                "Use `rx.tie_strength` to weigh all three."
            ),
            balanced: (
                f"{balanced}'s relationship is the most balanced (reciprocity "
                f"{table['reciprocity'][balanced]:.2f}), but with very few interactions. "
                "Reciprocity is only one of the three parts."
            ),
        }
        found.pop(expected, None)
        return [Mistake(name, message) for name, message in found.items()]


class OneWay(NumberExercise):
    title = "How many people interact with the nursery but never hear back from it?"
    answer_name = "one_way"
    kind = Kind.COUNT
    unit = "people"
    hints = (
        "For each person, count the interactions from them to the nursery and from the nursery to "
        "them. A one-way relationship has interactions from them and none back.",
        "`rx.reciprocity(interactions)` gives the two counts per person, `from_them` and `from_us`.",
        "Count the rows where `from_us` is 0: `(table['from_us'] == 0).sum()`.",
    )
    solution_code = "table = rx.reciprocity(interactions)\none_way = int((table['from_us'] == 0).sum())"
    correct_message = (
        "Right: {expected} people like, comment, share or message, and the nursery has never once "
        "answered, liked or written back. Those are conversations that have not become relationships."
    )

    def expected(self) -> int:
        table = rx.reciprocity(load_interactions())
        return int((table["from_us"] == 0).sum())

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        table = rx.reciprocity(load_interactions())
        silent = table["from_us"] == 0
        yield Mistake(
            len(table), "That is everyone who appears in the log. Count only those the nursery never answered."
        )
        yield Mistake(
            int(table.loc[silent, "from_them"].sum()),
            ("That counts interactions (rows of the log), not people. Count each person once."),
        )
        yield Mistake(
            int((table["from_them"] == 0).sum()),
            (
                "That is the other direction: people the nursery contacted who never interacted back. "
                "The question asks about people who are never answered."
            ),
        )
        yield Mistake(
            len(table) - expected,
            ("That is the number of two-way relationships. The question asks for the one-way ones."),
        )


class YouShare(NumberExercise):
    title = "What share of the person words in the nursery's posts are about the reader?"
    answer_name = "you_share"
    kind = Kind.SHARE
    hints = (
        "Count the you words (you, your, yours...) and the we words (we, us, our, ours...) over all "
        "the posts together, then divide: you ÷ (you + we).",
        "`rx.you_we_counts(posts['text'])` adds up the counts over every post; "
        "`rx.you_we_ratio(posts['text'])` does the division too.",
        "`you_share = rx.you_we_ratio(posts['text'])`",
    )
    solution_code = "you_share = rx.you_we_ratio(posts['text'])"
    correct_message = (
        "Right: {expected:.0%} of the nursery's you-or-we words speak to the reader. Less than half: "
        "the posts talk about the nursery a little more than about its customers."
    )

    def expected(self) -> float:
        return float(rx.you_we_ratio(load_posts()["text"]))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        yield Mistake(
            rx.you_we_ratio(""),  # what you_we_ratio gives for any text without you or we words
            (
                "Your answer is undefined: the text you measured has no you or we words at all. "
                "Measure all the posts together: `posts['text']`."
            ),
        )
        counts = rx.you_we_counts(load_posts()["text"])
        shares = _per_post_shares(load_posts()["text"])
        defined = [float(s) for s in shares if not isinstance(s, Undefined)]
        yield Mistake(
            counts["we"] / (counts["you"] + counts["we"]),
            ("That is the share of we words. The question asks about the reader: the you words."),
        )
        yield Mistake(
            counts["you"] / counts["we"],
            ("That is you words ÷ we words. The share divides by all the person words: you ÷ (you + we)."),
        )
        yield Mistake(
            sum(defined) / len(defined),
            (
                "That is the average of each post's own share. Add up the words over all posts first, "
                "then divide once (`rx.you_we_ratio(posts['text'])`)."
            ),
        )
        yield Mistake(
            sum(defined) / len(shares),
            (
                "You averaged each post's share and counted posts with neither kind of word as 0. Such a "
                "post is undefined, not 0: it is not about us, it just does not say. Add up the words "
                "over all posts, then divide once."
            ),
        )


class Rewrite(Exercise):
    """A free-text exercise: the answer is a rewritten post, checked by its you-we share."""

    title = "Rewrite Dana's draft so that it is about the reader"
    answer_name = "rewrite"
    wanted: ClassVar[str] = "the rewritten post as text, in quotes"
    hints = (
        "Turn 'we have' and 'our' into what the reader gets: 'your herbs', 'you will find'. "
        "Keep what the post has to say: the herbs and the market on Saturday.",
        "Check your draft with `rx.you_we_counts(rewrite)` before you check it here: you need at "
        "least two you words for every we word.",
        "For example: 'Fresh herbs for your kitchen garden are back. Come and pick yours at the "
        "market stall on Saturday: bring your questions too!'",
    )
    solution_code = f"rewrite = {MODEL_REWRITE!r}"
    correct_message = "Passed."
    target = (
        "Free text. It passes with a you share of at least {expected:.0%} (two you words for every we word), "
        "still about the herbs and the market stall on Saturday."
    )
    example_answer = MODEL_REWRITE

    def expected(self) -> float:
        return REWRITE_TARGET

    def judge(self, answer: Any, expected: float) -> Feedback:
        problem = _text_problem(answer, self.wanted)
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        if not answer.strip():
            return self._feedback(Status.INCORRECT, "Your rewrite is empty: write the post between the quotes.")
        if " ".join(answer.split()).lower() == " ".join(DRAFT.split()).lower():
            return self._feedback(
                Status.INCORRECT,
                "That is Dana's draft unchanged: every person word in it is about the nursery "
                f"(you-we share {rx.you_we_ratio(DRAFT):.0%}). Rewrite it around the reader.",
            )
        words = answer.lower()
        if "herb" not in words or not ("market" in words or "saturday" in words):
            return self._feedback(
                Status.INCORRECT,
                "Keep what Dana's post has to say: your rewrite should still be about the herbs and "
                "the market stall on Saturday. Then turn its person words towards the reader.",
            )
        counts = rx.you_we_counts(answer)
        share = rx.you_we_ratio(answer)
        if isinstance(share, Undefined):
            return self._feedback(
                Status.INCORRECT,
                "Your rewrite has no you words and no we words, so its share is undefined, not 0 or 1: "
                "it does not speak to anyone. Address the reader: 'your garden', 'you will find'.",
            )
        if share < expected:
            return self._feedback(
                Status.INCORRECT,
                f"Closer: {counts['you']} you word(s) and {counts['we']} we word(s), a you share of "
                f"{share:.0%}. The target is at least two you words for every we word ({expected:.0%}).",
            )
        return self._feedback(
            Status.CORRECT,
            f"Your rewrite has {counts['you']} you word(s) and {counts['we']} we word(s): a you share of "
            f"{share:.0%}, against {rx.you_we_ratio(DRAFT):.0%} for the draft. The word count is what was "
            "checked; whether it still says what Dana meant, and sounds like her, is yours to judge.",
        )


class LayerShift(NumberExercise):
    title = "With a one-week memory, how many of the 15-layer stay in it?"
    answer_name = "stay_in_15"
    kind = Kind.COUNT
    unit = "people"
    hints = (
        "The 15-layer is the 15 strongest relationships. Find it twice: once with the default "
        "half-life (30 days) and once with `half_life=7`, then count the people in both.",
        "`rx.dunbar_layers(rx.tie_strength(interactions, half_life=7))` ranks everyone; the "
        "15-layer is the rows whose `layer` is 5 or 15 (the first 15 ranks).",
        "Make two sets of names, `set(table.index[:15])` for each table, and count the names they "
        "share with `len(a & b)`.",
    )
    solution_code = (
        "usual = rx.tie_strength(interactions)\n"
        "short = rx.tie_strength(interactions, half_life=7)\n"
        "stay_in_15 = len(set(usual.index[:15]) & set(short.index[:15]))"
    )
    correct_message = (
        "Right: {expected} of 15. The rest change places with people who interacted in the last few "
        "days. Who counts as close depends on the choices in the score: say which you made."
    )

    def expected(self) -> int:
        log = load_interactions()
        usual = rx.tie_strength(log).index[:15]
        short = rx.tie_strength(log, half_life=SHORT_HALF_LIFE).index[:15]
        return len(set(usual) & set(short))

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        log = load_interactions()
        usual = rx.tie_strength(log)
        short = rx.tie_strength(log, half_life=SHORT_HALF_LIFE)
        yield Mistake(
            15,
            (
                "That is the whole 15-layer: did the half-life change? Score again with `half_life=7` "
                "and compare the two top-15 lists."
            ),
        )
        yield Mistake(15 - expected, "That is how many drop out of the 15-layer. The question asks how many stay.")
        yield Mistake(
            len(set(usual.index[5:15]) & set(short.index[5:15])),
            ("You compared ranks 6 to 15 only. The 15-layer includes the 5 closest: use the first 15 ranks."),
        )
        yield Mistake(
            len(set(usual.index[:5]) & set(short.index[:5])),
            ("That is the 5-layer (the first 5). The question asks about the 15-layer: the first 15."),
        )


q1 = StrongestTie(CHAPTER, "q1")
q2 = OneWay(CHAPTER, "q2")
q3 = YouShare(CHAPTER, "q3")
q4 = Rewrite(CHAPTER, "q4")
q5 = LayerShift(CHAPTER, "q5")

sc1 = Question(
    CHAPTER,
    "sc1",
    "Vera likes nearly every post the nursery makes, but the nursery has answered her only a few "
    "times. Tess comments now and then, and the nursery replies to about half of what she says. "
    "Why can Tess's relationship score higher than Vera's?",
    (
        Option(
            "Because likes do not count as interactions, so Vera's score stays near zero.",
            False,
            "They do count: each like is a row in the log and adds to frequency. The difference is in reciprocity.",
        ),
        Option(
            "Because the score weighs whether it goes both ways, not only how often.",
            True,
            "Yes. Vera's relationship is frequent but nearly one-way; Tess's is two-way. With equal "
            "weights, reciprocity can outweigh a long run of likes.",
        ),
        Option(
            "Because Tess is a customer and Vera is not, and customers weigh more.",
            False,
            "The score knows nothing about purchases; it only reads the interaction log.",
        ),
        Option(
            "Because Tess's comments are newer, and recency outweighs everything else.",
            False,
            "Recency counts, but nothing says Tess's comments are newer than Vera's likes, and no "
            "one part outweighs the rest. What differs is reciprocity: the nursery answers Tess.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "A post reads 'Sale: 20% off bedding plants this week.' What is its you-we ratio?",
    (
        Option(
            "Undefined: it has no you words and no we words, so there is nothing to divide.",
            True,
            "Yes. A share needs a denominator; with no person words there is none. Undefined keeps "
            "such posts from dragging an average towards 0.",
        ),
        Option(
            "0: it says nothing about the reader, so it counts as all about the business.",
            False,
            "It says nothing about the business either. Reporting 0 would claim the post is all "
            "about us, which it is not.",
        ),
        Option(
            "0.5: with no words on either side, neither side wins and it sits in the middle.",
            False,
            "0.5 means as many you words as we words, such as one of each. This post has none.",
        ),
        Option(
            "1: a sale is for the reader's benefit, so the post counts as all about them.",
            False,
            "The ratio counts words, not intentions: 'you' and 'your' against 'we' and 'our'. "
            "This post has none of either.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "The nursery's 15-layer holds its 15 strongest relationships. What does the research on "
    "Dunbar's layers suggest about it?",
    (
        Option(
            "That a person can only keep about 15 friends, so the nursery should stop at 15 customers.",
            False,
            "The layers describe a person's circle of close ties, not a cap on a business's "
            "customers. The outer layers (50, 150) are there too.",
        ),
        Option(
            "That online, people keep many more close relationships than offline, so the 15 can grow.",
            False,
            "Dunbar (2016) found the opposite: Facebook users' inner layers were about the size of offline ones.",
        ),
        Option(
            "That close ties come in nested layers, each about three times bigger, and inner ones take most time.",
            True,
            "Yes. The numbers 5, 15, 50 and 150 are rounded averages; the lesson for Dana is that "
            "her time for close relationships is limited, so spend it where it is returned.",
        ),
        Option(
            "That the 15 should be the nursery's biggest spenders, since the layers rank people by "
            "what they are worth.",
            False,
            "The layers rank people by closeness and the time spent with them, not by money. A "
            "regular who chats every week can be closer than a big one-off buyer.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Think of the five to fifteen people who interact most with your business. For each, write "
    "whether the relationship goes both ways, and one thing you could do this month that is about "
    "them rather than about you. Then reread your last three posts: how many you words and how many "
    "we words do they use?",
    "For Fernleaf Nursery: Tess (two-way: asks questions, we reply) — invite her to share a photo "
    "of her balcony garden. Vera (likes everything, we have hardly answered) — thank her by name "
    "and ask what she is growing this spring. Omar (messages about orders) — send him the planting "
    "guide for the trees he bought. Last three posts: 2 you words, 6 we words; the next one will "
    "start with the reader's garden, not our stock.",
    (
        "name real people, not 'our followers'?",
        "note for each whether the nursery (or you) ever answers?",
        "plan something about them: their garden, their question, their photo?",
        "count the you and we words in your own recent posts?",
    ),
)
