"""Chapter 5, Community: exercises, self-check questions and the reflection.

The expected answers are computed with :mod:`sevencs.community`, whose
functions are tested separately against hand-counted tables, the closed form
of logistic growth and networkx itself. The known mistakes are computed the
way a learner would get them wrong (leaving out reactions, counting rows
instead of members, starting the months at 1...), so each wrong answer gets a
message about its cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import networkx as nx

from sevencs import community as cm
from sevencs.course.engine import Kind, Mistake, NumberExercise
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import load_group_activity, load_karate_club

CHAPTER = "community"

SETUP = """\
import networkx as nx
from sevencs import community as cm
from sevencs.datasets import load_group_activity, load_karate_club
from sevencs.exercises import community as ex

activity = load_group_activity()
karate = load_karate_club()"""

#: Exercise 4's story: a group of 10 that doubles each month, in a town of 400 gardeners.
Q4_START, Q4_RATE, Q4_MARKET = 10, 1.0, 400
#: Exercise 5's cohort and month.
Q5_COHORT, Q5_MONTHS = "2026-04", 3

ACTIVITY = ["posts", "comments", "reactions"]


def _karate_agreement(method: str) -> float:
    karate = load_karate_club()
    found = cm.detect_communities(karate, method=method)
    return float(cm.compare_with_split(found, nx.get_node_attributes(karate, "club"))["agrees"].mean())


class KarateAgreement(NumberExercise):
    title = "How well do detected communities match the karate club's real split?"
    answer_name = "agreement"
    kind = Kind.SHARE
    hints = (
        "`cm.detect_communities(karate)` finds the communities. The real side each member joined is the node "
        "attribute `club`: `nx.get_node_attributes(karate, 'club')`.",
        "`cm.compare_with_split(found, sides)` gives each member's community, their real side and whether they "
        "agree with the majority of their community (`agrees`).",
        "The share of members who agree is the mean of the `agrees` column: `table['agrees'].mean()`.",
    )
    solution_code = (
        "found = cm.detect_communities(karate)\n"
        "table = cm.compare_with_split(found, nx.get_node_attributes(karate, 'club'))\n"
        "agreement = table['agrees'].mean()"
    )
    correct_message = (
        "Right: {expected:.0%} of members sit in a community whose majority went their way. Look at "
        "`table[~table['agrees']]` to see who the method put on the wrong side."
    )

    def expected(self) -> float:
        return _karate_agreement("greedy")

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        karate = load_karate_club()
        found = cm.detect_communities(karate)
        wrong = round((1 - expected) * karate.number_of_nodes())
        yield Mistake(
            found.modularity,
            (
                "That is the modularity of the split (how clearly the communities stand apart), not the agreement "
                "with the real split. Compare each member's community with their `club`."
            ),
        )
        yield Mistake(
            wrong,
            (
                f"That is how many members are misassigned. The question asks for the share who agree: divide the "
                f"members who agree by all {karate.number_of_nodes()}."
            ),
        )
        yield Mistake(
            karate.number_of_nodes() - wrong,
            (f"That is how many members agree. Divide by the {karate.number_of_nodes()} members for the share."),
        )
        louvain = _karate_agreement("louvain")
        if not math.isclose(louvain, expected):
            yield Mistake(
                louvain,
                (
                    "That is the Louvain method's agreement. The question uses `cm.detect_communities(karate)` with "
                    "its default method (greedy modularity). Different methods can split a network differently."
                ),
            )


def _last_month(activity):
    return activity[activity["month"] == activity["month"].max()]


class ActiveRatio(NumberExercise):
    title = "What share of the group's members were active in the last month?"
    answer_name = "active_share"
    kind = Kind.SHARE
    hints = (
        "Active means at least one post, comment or reaction that month. Members are everyone who had joined by "
        "then: each has a row in every month since joining, zeros included.",
        "Take the rows of the last month (`activity['month'].max()`), count the members with posts + comments + "
        "reactions above 0, and divide by the members in that month.",
        "`cm.active_member_ratio(activity)` gives the ratio for every month; take the last row's `active_ratio`.",
    )
    solution_code = "active_share = cm.active_member_ratio(activity)['active_ratio'].iloc[-1]"
    correct_message = (
        "Right: {expected:.0%} of members did something in the last month. Compare it with the first months "
        "in `cm.active_member_ratio(activity)`: a group can keep growing while its activity fades."
    )

    def expected(self) -> float:
        return float(cm.active_member_ratio(load_group_activity())["active_ratio"].iloc[-1])

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        activity = load_group_activity()
        last = _last_month(activity)
        yield Mistake(
            float(((last["posts"] + last["comments"]) > 0).mean()),
            (
                "You left out reactions: a member who only liked posts that month counts as active too. Active means "
                "at least one post, comment or reaction."
            ),
        )
        yield Mistake(
            int((last[ACTIVITY].sum(axis=1) > 0).sum()),
            (f"That is how many members were active. Divide by the {len(last)} members in that month for the share."),
        )
        yield Mistake(
            float((activity[ACTIVITY].sum(axis=1) > 0).mean()),
            (
                "That is the share of all member-months in the table that were active, over every month. The question "
                "asks about the last month only."
            ),
        )


class LurkerShare(NumberExercise):
    title = "What share of the group's members are lurkers?"
    answer_name = "lurker_share"
    kind = Kind.SHARE
    hints = (
        "A lurker never started a post and never wrote a comment, over all their months. Add up each member's "
        "posts and comments first: `activity.groupby('account')[['posts', 'comments']].sum()`.",
        "Then count the members whose two totals are both 0, and divide by the number of members (not rows).",
        "`cm.participation(activity)` gives the table of roles; take the `share` of the `lurker` row.",
    )
    solution_code = "lurker_share = cm.participation(activity).loc['lurker', 'share']"
    correct_message = (
        "Right: {expected:.0%} of members only read (or only liked). Compare it with the 90% of the rule of "
        "thumb in the same table: close in spirit, not a law."
    )

    def expected(self) -> float:
        return float(cm.participation(load_group_activity())["share"]["lurker"])

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        activity = load_group_activity()
        totals = activity.groupby("account")[ACTIVITY].sum()
        yield Mistake(
            float((totals.sum(axis=1) == 0).mean()),
            (
                "You counted reactions as taking part, so only members who never even liked anything are lurkers. "
                "Here a lurker never posted and never commented; a like does not change that."
            ),
        )
        yield Mistake(
            float(((activity["posts"] == 0) & (activity["comments"] == 0)).mean()),
            (
                "You counted rows (member-months), not members: a member appears once per month. Add up each "
                "member's posts and comments first, with `groupby('account')`."
            ),
        )
        yield Mistake(
            cm.RULE_OF_THUMB["lurker"],
            ("That is the 90-9-1 rule of thumb itself. The question asks for the share in this group's data."),
        )


class HalfMarket(NumberExercise):
    title = "In which month does logistic growth pass half the market?"
    answer_name = "half_month"
    kind = Kind.WHOLE
    unit = "the month"
    hints = (
        "Make the table: `cm.growth('logistic', start=10, rate=1.0, market=400, periods=12)`. Month 0 is the start.",
        "Half the market is 200 members. Find the first row whose `members` is at least 200, and take its `period`.",
        "`table.loc[table['members'] >= 200, 'period'].iloc[0]`. The exact moment is "
        "`cm.half_market_time(10, 1.0, 400)`, a fraction: the first whole month rounds it up.",
    )
    solution_code = (
        "table = cm.growth('logistic', start=10, rate=1.0, market=400, periods=12)\n"
        "half_month = table.loc[table['members'] >= 400 / 2, 'period'].iloc[0]"
    )
    correct_message = (
        "Right: month {expected}. That is also about when the group gains most members per month; after it, "
        "each month brings fewer, because fewer people are left to join."
    )

    def expected(self) -> int:
        return math.ceil(cm.half_market_time(Q4_START, Q4_RATE, Q4_MARKET))

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        exact = cm.half_market_time(Q4_START, Q4_RATE, Q4_MARKET)
        yield Mistake(
            exact,
            (
                f"That is the exact moment ({exact:.2f} months). The question asks for the first whole month "
                "in the table at or past half the market: round up."
            ),
            rel_tol=1e-3,  # the moment rounded to two or more decimals
        )
        yield Mistake(
            expected - 1,
            (
                "One month early. That is when the compounding (geometric) story passes half the market, or the "
                "exact moment rounded down; logistic growth is still below 200 then. Look for members ≥ 200."
            ),
        )
        yield Mistake(
            expected + 1, ("One month late: did you count the start as month 1? In the table, the start is period 0.")
        )
        yield Mistake(
            Q4_MARKET / 2, "That is half the market (200 members). The question asks for the month it is passed."
        )


class CohortRetention(NumberExercise):
    title = "What share of the April 2026 joiners were active 3 months after joining?"
    answer_name = "retained"
    kind = Kind.SHARE
    hints = (
        "The April 2026 cohort is everyone with `joined == '2026-04'`. The month they joined is month 0, so "
        "3 months later is 2026-07.",
        "Count the cohort's members active in 2026-07 (posts + comments + reactions above 0), and divide by "
        "everyone in the cohort, active or not.",
        "`cm.retention_by_cohort(activity)` has one row per cohort and one column per month since joining: "
        "`.loc['2026-04', 3]`.",
    )
    solution_code = "retained = cm.retention_by_cohort(activity).loc['2026-04', 3]"
    correct_message = (
        "Right: {expected:.0%} of the April joiners were still active three months on. Read the whole row to "
        "see how fast they drift away."
    )

    def expected(self) -> float:
        return float(cm.retention_by_cohort(load_group_activity())[Q5_MONTHS][Q5_COHORT])

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        activity = load_group_activity()
        table = cm.retention_by_cohort(activity)
        cohort = activity[activity["joined"] == Q5_COHORT]
        active = cohort[cohort[ACTIVITY].sum(axis=1) > 0]
        first = active.loc[active["month"] == Q5_COHORT, "account"].nunique()
        later = active.loc[active["month"] == "2026-07", "account"].nunique()
        yield Mistake(
            later / first,
            (
                "You divided by the members who were active in their first month. Retention here divides by the "
                "whole cohort: everyone who joined in April, active or not."
            ),
        )
        yield Mistake(
            float(table[Q5_MONTHS - 1][Q5_COHORT]),
            ("That is 2 months after joining: the month they joined is month 0, so month 3 is 2026-07."),
        )
        ratio = cm.active_member_ratio(activity).set_index("month")
        yield Mistake(
            float(ratio["active_ratio"]["2026-07"]),
            ("That is the share of all members active in 2026-07. The question asks about the April cohort only."),
        )


q1 = KarateAgreement(CHAPTER, "q1")
q2 = ActiveRatio(CHAPTER, "q2")
q3 = LurkerShare(CHAPTER, "q3")
q4 = HalfMarket(CHAPTER, "q4")
q5 = CohortRetention(CHAPTER, "q5")

sc1 = Question(
    CHAPTER,
    "sc1",
    "Fernleaf Growers nearly doubled in its first months. Why did it stop growing after about nine months "
    "instead of carrying on into the thousands?",
    (
        Option(
            "The nursery posted less often, so fewer people heard about the group.",
            False,
            "Perhaps, but the data do not show it, and even frequent posting cannot recruit people who are "
            "already members or have no interest in gardening.",
        ),
        Option(
            "Compounding growth always slows after six months or so, whatever the group.",
            False,
            "No fixed month makes growth slow. It slows when the pool of possible members runs low; a bigger "
            "market would keep it going longer.",
        ),
        Option(
            "The people who could join ran out: most gardeners who would join already had.",
            True,
            "Yes. Each new member brings fewer newcomers when most of the people they know are already in. "
            "That is what logistic growth models: growth slows as the group nears its market size.",
        ),
        Option(
            "Members got bored and left as fast as new ones joined, so the total stood still.",
            False,
            "Leavers can stall a group, but the question is why joining slowed: each new member found fewer "
            "people left to invite, because most of those they knew were already in.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "In the group, about four in five members never post or comment. What should Dana conclude?",
    (
        Option(
            "The group is failing: in a healthy community everyone takes part.",
            False,
            "In most online communities a small share writes most of what is there. Quiet readers are usual, "
            "and many still value the group.",
        ),
        Option(
            "The 90-9-1 rule proves that her group should have exactly 1% creators.",
            False,
            "It is a rule of thumb from observation, not a law. Real groups vary, and the shares depend on what "
            "you count as taking part.",
        ),
        Option(
            "The quiet members have lost interest and should be removed to keep it lively.",
            False,
            "Quiet readers are usual, and many still value the group. Removing them shrinks the audience the "
            "active few write for, and the pool of future contributors.",
        ),
        Option(
            "That is usual (the 90-9-1 rule of thumb); she can make a first small step easy.",
            True,
            "Yes. The rule is a rough pattern, not a target: most members read, few write. Lurkers are an "
            "audience and future contributors: an easy question or a poll often brings a first comment.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "Community detection splits the karate club into groups whose modularity is well above 0. What does that tell you?",
    (
        Option(
            "The groups are exactly the two sides the club later split into.",
            False,
            "Close, but not exactly: the method found three groups, and a couple of members sit with the other "
            "side. Compare with the real split to know.",
        ),
        Option(
            "Members have far more friendships inside their groups than chance would give.",
            True,
            "Yes. Modularity compares the friendships inside groups with what a random network with the same "
            "friend counts would give. It says the groups are real clusters; it does not say why they formed.",
        ),
        Option(
            "Every member belongs to exactly one group in real life, as the method shows.",
            False,
            "The method gives each member one group because that is how it works. Real people often belong to "
            "several circles at once.",
        ),
        Option(
            "The groups formed because their members share something, such as a teacher.",
            False,
            "Modularity says the groups are real clusters; it does not say why they formed. That takes "
            "knowing the people, not the network alone.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Who is your core group: the ten or twenty people who would notice if you went quiet? Where do they "
    "already gather, roughly how many people like them live within your reach (your market), and what one "
    "small, easy step could turn a quiet reader into someone who takes part?",
    "For Fernleaf Nursery: the core group is the allotment society's regulars, two landscape gardeners, the "
    "garden club chair and a handful of customers who ask questions every spring. They meet in the allotment "
    "society's chat and at the Saturday market. The market is the town's keen gardeners: a few hundred people, "
    "not thousands, so growth will slow once most of them have joined; after that, keeping members active "
    "matters more than adding new ones. A first step for quiet readers: a monthly 'show us your seedlings' "
    "thread where a photo is enough.",
    (
        "name real people or groups in the core group, not 'everyone'?",
        "estimate a market size, so you know where growth will slow?",
        "say where the group already meets, rather than asking them to move?",
        "offer a first step small enough for someone who only reads today?",
    ),
)

# Issue 15, "In practice": channels the nursery owns, and customers' own content (book/community.md).

sc4 = Question(
    CHAPTER,
    "sc4",
    "After a platform changes how it ranks posts, Fernleaf's posts reach far fewer people. "
    "Which of these does the nursery still control?",
    (
        Option(
            "Its follower count, which has not gone down at all.",
            False,
            "The count is unchanged, but the platform decides how many followers see each post. A "
            "follower is a chance to be seen, not a promise.",
        ),
        Option(
            "The group it runs, because every member joined on purpose.",
            False,
            "Members chose to join, but the group lives on the platform: its ranking decides what "
            "reaches their feeds, and its rules can change.",
        ),
        Option(
            "Its hashtags, which keep each post easy to find in search.",
            False,
            "Hashtags help people find a post, but search and ranking belong to the platform, and "
            "they changed with everything else.",
        ),
        Option(
            "An email list of customers who signed up at the till.",
            True,
            "Yes. The addresses are the nursery's to keep, with the consent it asked for, and a "
            "newsletter goes to every inbox on the list whatever a platform decides. Not every email "
            "is read, but no feed hides it.",
        ),
    ),
)
