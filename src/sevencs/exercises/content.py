"""Chapter 4, Content: exercises, self-check questions and the reflection.

The expected answers come from the nursery's posts and network through
:mod:`sevencs.content`, whose functions are tested separately against hand
counts, pandas sums and closed forms. The known mistakes are computed the way
a learner would get them wrong (the wrong denominator, the mean of per-post
rates instead of the ratio of the totals, a percentage instead of a share), so
each wrong answer gets a message about its cause.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd

from sevencs import content as ct
from sevencs.course.engine import Kind, Mistake, NumberExercise
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import NURSERY, load_network, load_posts

CHAPTER = "content"

SETUP = """\
from sevencs import content as ct
from sevencs.datasets import load_posts, load_network, NURSERY
from sevencs.exercises import content as ex

posts = load_posts()
G = load_network()"""

#: The cascade of exercise 5: chance per try and random seed.
Q5_P, Q5_SEED = 0.15, 4


class _Rate(NumberExercise):
    """A rate a learner may copy rounded: from the lab's tables (4.028571) or from the printed
    rate of ``ct.engagement_rate`` (0.06847, four significant figures)."""

    def _matches(self, number: float, target: float) -> bool:
        if super()._matches(number, target):
            return True
        rounded = {round(target, d) for d in (2, 3, 4, 5, 6)} | {float(f"{target:.{n}g}") for n in (3, 4)}
        return number in rounded


def _engaged(posts: pd.DataFrame) -> pd.Series:
    return posts["likes"] + posts["comments"] + posts["shares"]


class HowToAmplification(_Rate):
    title = "How many times is a how-to post shared, on average?"
    answer_name = "howto_amplification"
    kind = Kind.RATE
    unit = "shares per post"
    hints = (
        "Amplification rate = shares ÷ posts. Keep only the rows whose `type` is 'how-to'.",
        "`howto = posts[posts['type'] == 'how-to']`, then divide the sum of its `shares` column by its number of rows.",
        "`ct.amplification_rate(howto)` does the division; `ct.rates_by_type(posts)` shows every type.",
    )
    solution_code = (
        "howto = posts[posts['type'] == 'how-to']\n"
        "howto_amplification = howto['shares'].sum() / len(howto)  # or ct.amplification_rate(howto)"
    )
    correct_message = (
        "Right: {expected:.2f} shares per how-to post. Compare the promotional posts in "
        "`ct.rates_by_type(posts)`: useful posts are passed on far more often."
    )

    def expected(self) -> float:
        posts = load_posts()
        return float(ct.amplification_rate(posts[posts["type"] == "how-to"]))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        howto = posts[posts["type"] == "how-to"]
        yield Mistake(
            float(ct.amplification_rate(posts)),
            (
                "That is the amplification rate of all posts. The question asks about how-to posts only: "
                "filter the rows by `type` first."
            ),
        )
        yield Mistake(
            float(howto["shares"].sum()),
            (
                "That is how many times how-to posts were shared in total. Divide by the number of how-to "
                "posts for a rate per post."
            ),
        )
        yield Mistake(
            float(howto["shares"].sum() / howto["reach"].sum()),
            (
                "That divides by reach (shares per account that saw the post). Amplification rate divides by "
                "the number of posts."
            ),
        )
        yield Mistake(
            float((howto["shares"] / howto["reach"]).mean()),
            ("That is each post's shares ÷ reach, averaged. Amplification rate divides shares by the number of posts."),
        )


class EngagementByReach(_Rate):
    title = "The nursery's engagement rate by reach (ratio of the totals)"
    answer_name = "er_reach"
    kind = Kind.SHARE
    hints = (
        "Engagements are likes + comments + shares. The denominator is reach: the accounts that saw each post.",
        "Add up the engagements of all posts, add up the reach of all posts, and divide the first "
        "total by the second (a ratio of the totals, not an average of each post's rate).",
        "`ct.engagement_rate(posts, by='reach')` computes it and prints its denominator.",
    )
    solution_code = (
        "engaged = posts['likes'] + posts['comments'] + posts['shares']\n"
        "er_reach = engaged.sum() / posts['reach'].sum()  # or ct.engagement_rate(posts, by='reach')"
    )
    correct_message = (
        "Right: {expected:.1%} of what the posts could have got from the accounts that saw them. "
        "Always say 'by reach' when you quote it."
    )

    def expected(self) -> float:
        return float(ct.engagement_rate(load_posts(), "reach"))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        engaged = _engaged(posts)
        yield Mistake(
            float((engaged / posts["reach"]).mean()),
            (
                "That is the mean of each post's own rate, where a small post weighs as much as a big one. "
                "The question asks for the ratio of the totals: all engagements ÷ all reach."
            ),
        )
        yield Mistake(
            float(engaged.sum() / posts["followers"].sum()),
            (
                "That divides by followers, not reach: a different denominator and a different question. "
                "Use the `reach` column."
            ),
        )
        yield Mistake(
            float(engaged.sum() / posts["impressions"].sum()),
            (
                "That divides by impressions, which count repeat views. The question asks for reach: the "
                "accounts that saw each post."
            ),
        )
        yield Mistake(
            float((posts["likes"] + posts["comments"]).sum() / posts["reach"].sum()),
            ("Shares are missing: engagements are likes + comments + shares."),
        )


class EngagementByFollowers(_Rate):
    title = "The nursery's engagement rate by followers (ratio of the totals)"
    answer_name = "er_followers"
    kind = Kind.RATE
    unit = "engagements per follower"
    hints = (
        "Same engagements as before (likes + comments + shares), but divide by the `followers` "
        "column: the nursery's follower count on the day of each post.",
        "Total engagements ÷ total of the `followers` column. It is not the rate by reach: which is bigger, a "
        "post's reach or the followers that day, and why?",
        "`ct.engagement_rate(posts, by='followers')`.",
    )
    solution_code = (
        "engaged = posts['likes'] + posts['comments'] + posts['shares']\n"
        "er_followers = engaged.sum() / posts['followers'].sum()  # or ct.engagement_rate(posts, by='followers')"
    )
    correct_message = (
        "Right: {expected:.1%} by followers. It is a fraction of the rate by reach because each post "
        "reaches only some of the nursery's followers: the platform's feed shows it to some of them. "
        "Never compare a rate by followers with a rate by reach."
    )

    def expected(self) -> float:
        return float(ct.engagement_rate(load_posts(), "followers"))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        engaged = _engaged(posts)
        yield Mistake(
            float(engaged.sum() / posts["reach"].sum()),
            ("That is the rate by reach (exercise 2). Here the denominator is the `followers` column."),
        )
        yield Mistake(
            float((engaged / posts["followers"]).mean()),
            (
                "That is the mean of each post's own rate. The question asks for the ratio of the totals: "
                "all engagements ÷ the sum of the followers column."
            ),
        )
        yield Mistake(
            float(engaged.sum() / posts["followers"].iloc[-1]),
            (
                "That divides all engagements by today's follower count only. Divide by the followers "
                "column added up over the posts, so each post has its own day's followers."
            ),
        )


class DistanceFrom8020(_Rate):
    title = "How far is the nursery's mix from the 80/20 rule?"
    answer_name = "distance_8020"
    kind = Kind.SHARE
    hints = (
        "The 80/20 rule asks for 20% promotional posts and 80% others. Start with the share of the "
        "nursery's posts whose `type` is 'promotional'.",
        "The distance is half the sum of the gaps, ½ × (|promotional − 0.2| + |others − 0.8|). "
        "With two groups both gaps are the same size, so it is |promotional share − 0.2|.",
        "`ct.content_mix(posts)` gives the shares; `ct.mix_distance(posts, '80/20')` the distance.",
    )
    solution_code = (
        "promo = (posts['type'] == 'promotional').mean()\n"
        "distance_8020 = abs(promo - 0.2)  # or ct.mix_distance(posts, '80/20')"
    )
    correct_message = (
        "Right: {expected:.2f}. That many of the nursery's posts, as a share, would have to stop "
        "selling and start helping to meet the rule of thumb."
    )

    def expected(self) -> float:
        return ct.mix_distance(load_posts(), "80/20")

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        promo = float((posts["type"] == "promotional").mean())
        yield Mistake(
            promo,
            ("That is the promotional share itself. The distance is how far it is from the rule's 20%: subtract 0.2."),
        )
        yield Mistake(
            2 * abs(promo - 0.2),
            (
                "That adds both gaps without halving (the sum of |observed − target|). The distance is half "
                "that sum, so that 1 means 'every post in the wrong group'."
            ),
        )
        yield Mistake(
            ct.mix_distance(posts, "thirds"),
            "That is the distance from the thirds rule. The question asks about 80/20.",
        )
        yield Mistake(
            ct.mix_distance(posts, "4-1-1"),
            "That is the distance from the 4-1-1 rule. The question asks about 80/20.",
        )


class CascadeReach(NumberExercise):
    title = "How many accounts does one cascade reach beyond the nursery?"
    answer_name = "cascade_reached"
    kind = Kind.COUNT
    unit = "accounts"
    hints = (
        f"Run `ct.simulate_cascade(G, NURSERY, p={Q5_P}, seed={Q5_SEED})`. Each row is one step of the "
        "cascade; `reached` counts everyone who has the post so far.",
        "The last row's `reached` includes the nursery itself (the seed). The question asks for the "
        "accounts beyond it.",
        "`table['reached'].iloc[-1] - 1`.",
    )
    solution_code = (
        f"table = ct.simulate_cascade(G, NURSERY, p={Q5_P}, seed={Q5_SEED})\n"
        "cascade_reached = int(table['reached'].iloc[-1]) - 1"
    )
    correct_message = (
        "Right: {expected} accounts. Run it with other seeds: the same p can fizzle or spread. "
        "`ct.average_cascade` gives the average over many runs."
    )

    def _table(self) -> pd.DataFrame:
        return ct.simulate_cascade(load_network(), NURSERY, Q5_P, seed=Q5_SEED)

    def expected(self) -> int:
        return int(self._table()["reached"].iloc[-1]) - 1

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        table = self._table()
        yield Mistake(expected + 1, "One too many: that counts the nursery itself. Leave the seed out.")
        yield Mistake(
            int(table["step"].iloc[-1]),
            ("That is the number of steps the cascade lasted, not the number of accounts it reached."),
        )
        if len(table) > 1:
            yield Mistake(
                int(table["new"].iloc[1]),
                (
                    "That counts only the first step (the nursery's own friends who were convinced). Add "
                    "everyone the cascade reached after that."
                ),
            )
        yield Mistake(
            load_network().degree(NURSERY),
            (
                "That is the nursery's number of friends: everyone it could try at the first step. Only "
                "some of them are convinced; read the `reached` column."
            ),
        )


class BatchingSaves(_Rate):
    title = "How many hours a week does batching save?"
    answer_name = "hours_saved"
    kind = Kind.RATE
    unit = "hours a week"
    hints = (
        "Work out the week twice: once with one sitting per piece (every piece pays the set-up "
        "minutes), once with everything made in one sitting (the set-up is paid once). The "
        "difference is the answer, in hours.",
        "Making time is the same both ways: each format's pieces × its minutes in "
        "`ct.FORMAT_MINUTES`. Only the set-up differs: (pieces − 1) × `ct.SETUP_MINUTES` minutes, "
        "then ÷ 60 for hours.",
        "`ct.content_hours(plan)` is one sitting per piece; `ct.content_hours(plan, sessions=1)` is "
        "one batch. Subtract the second from the first.",
    )
    solution_code = "plan = ct.NURSERY_WEEK\nhours_saved = ct.content_hours(plan) - ct.content_hours(plan, sessions=1)"
    correct_message = (
        "Right: about {expected:.2f} hours a week, only from setting up once instead of once per "
        "piece. The minutes are estimates: time your own week and the same sum tells you what "
        "batching is worth to you."
    )

    def expected(self) -> float:
        return ct.content_hours(ct.NURSERY_WEEK) - ct.content_hours(ct.NURSERY_WEEK, sessions=1)

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        plan = ct.NURSERY_WEEK
        pieces = sum(plan.values())
        yield Mistake(
            60 * expected,
            "That is the saving in minutes. The question asks for hours: divide by 60.",
        )
        yield Mistake(
            pieces * ct.SETUP_MINUTES / 60,
            (
                "That saves every set-up, but a batch session still needs one: save (pieces − 1) "
                "set-ups, not all of them."
            ),
        )
        yield Mistake(
            ct.content_hours(plan),
            "That is the whole week with one sitting per piece. The question asks how much batching saves.",
        )
        yield Mistake(
            ct.content_hours(plan, sessions=1),
            "That is the whole week made in one batch. Subtract it from the week with one sitting per piece.",
        )


q1 = HowToAmplification(CHAPTER, "q1")
q2 = EngagementByReach(CHAPTER, "q2")
q3 = EngagementByFollowers(CHAPTER, "q3")
q4 = DistanceFrom8020(CHAPTER, "q4")
q5 = CascadeReach(CHAPTER, "q5")
q6 = BatchingSaves(CHAPTER, "q6")

sc1 = Question(
    CHAPTER,
    "sc1",
    "A neighbouring café says its engagement rate is 30%; the nursery's is 7% by reach. What can Dana conclude?",
    (
        Option(
            "The café's posts are about four times as engaging as the nursery's.",
            False,
            "Only if both rates divide by the same thing. The nursery's own rates by reach and by "
            "followers differ several times over, with the very same posts.",
        ),
        Option(
            "The café must be paying to boost its posts, which inflates its rate.",
            False,
            "Nothing in the two numbers says that. The first question is what each one divides by.",
        ),
        Option(
            "The nursery should switch to the café's kinds of posts to catch up.",
            False,
            "Not before knowing the two rates can be compared: a rate by followers and a rate by "
            "reach can differ several times over for the very same posts.",
        ),
        Option(
            "Nothing yet: first she must ask what the café's rate divides by.",
            True,
            "Yes. A rate by reach and a rate by followers for the same posts can differ several times "
            "over, as exercises 2 and 3 show. Compare only rates with the same denominator.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "Where does the 80/20 rule for the content mix come from?",
    (
        Option(
            "A large study of which mix of posts earns the most engagement.",
            False,
            "No such study is known to the course. The rule is practitioners' advice.",
        ),
        Option(
            "A rule of thumb passed around by marketers: give more than you ask.",
            True,
            "Yes. It is useful as a reminder and as a benchmark to measure against, but no research "
            "fixed 20% as the best share. Your own rates per post type are better evidence.",
        ),
        Option(
            "The platforms' own rule for which posts they show in people's feeds.",
            False,
            "Platforms do not publish such a rule. The 80/20 split is advice for the business.",
        ),
        Option(
            "The Pareto principle: 80% of the sales come from 20% of the posts.",
            False,
            "The numbers echo Pareto's 80/20, but that describes how unequal outcomes are, not a "
            "mix to aim for. The content rule is practitioners' advice.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "In the cascade model, raising p from 0.05 to 0.2 makes a post reach far more than four "
    "times as many accounts on the nursery's network. Why?",
    (
        Option(
            "Above a threshold each sharer passes it to more than one new person, so it keeps going.",
            True,
            "Yes. Below the threshold cascades fizzle out after a step or two; above it they can "
            "reach much of the network. Friends reached through a friendship are better connected "
            "than average, which lowers the threshold.",
        ),
        Option(
            "Because the simulation is random, so one lucky run can reach far more accounts than others.",
            False,
            "Chance makes single runs differ, but the averages over many runs show the same jump.",
        ),
        Option(
            "Because p is the share of the network that sees the post, and 0.2 is four times 0.05.",
            False,
            "p is the chance that one person convinces one friend, not a share of the network.",
        ),
        Option(
            "Because a higher p makes the platform show the post to more people in their feeds.",
            False,
            "The model has no platform and no feed: p is the chance that one person passes the post "
            "to one friend. The jump comes from the chain of sharing.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Take a sale notice you have posted (or would post), such as '20% off lawn feed this week'. "
    "Rewrite it as content that is useful even to someone who buys nothing. What problem of your "
    "customers does it solve, and why would someone pass it on to a friend?",
    "For Fernleaf Nursery: instead of '20% off lawn feed this weekend', a post titled 'Five steps "
    "to a greener lawn before the summer': when to scarify, how high to mow, how to water in a dry "
    "spell, when to feed and how much, and what to do about moss. A photo of a lawn before and "
    "after. One line at the end: 'Questions? Ask in the comments or at the till.' Someone shares it "
    "because their neighbour's lawn has the same bare patches, not because of a discount.",
    (
        "solve a problem your customers have, without a purchase being needed?",
        "give something concrete (steps, times, amounts), not general praise of your products?",
        "keep any mention of what you sell short and at the end?",
        "give a reason someone would pass it on to a friend?",
    ),
)
