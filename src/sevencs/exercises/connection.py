"""Chapter 1, Connection: exercises, self-check questions and the reflection.

The expected answers are computed from the sample network with
:mod:`sevencs.connection`, whose functions are tested separately against
breadth-first search and hand-counted graphs. The known mistakes are computed
the way a learner would get them wrong (counting yourself, adding up friend
lists with repeats...), so each wrong answer gets a message about its cause.
"""

from __future__ import annotations

from collections.abc import Iterator

from sevencs import connection as cx
from sevencs.course.engine import Kind, Mistake, NameExercise, NumberExercise
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import NURSERY, load_network

CHAPTER = "connection"

SETUP = """\
from sevencs import connection as cx
from sevencs.datasets import load_network, NURSERY
from sevencs.exercises import connection as ex

G = load_network()"""

# The numbers of exercise 1, a story told in the notebook.
Q1_START, Q1_PER_FRIEND, Q1_HOPS = 12, 8, 3


class NaiveStory(NumberExercise):
    title = "The 10 × 10 story: how many people exactly 3 hops away?"
    answer_name = "story_3_hops"
    kind = Kind.COUNT
    unit = "people"
    hints = (
        "Hop 1 is Dana's own 12 friends. Each hop after that multiplies by 8.",
        "Hop 2 is 12 × 8. Hop 3 multiplies once more.",
        "`cx.naive_reach(start, per_friend, hops)` computes the story; compare it with your arithmetic.",
    )
    solution_code = "story_3_hops = 12 * 8 * 8  # or cx.naive_reach(12, 8, 3)"
    correct_message = "Right: 12 × 8 × 8 = {expected}. Keep this number in mind; the network will give far fewer."

    def expected(self) -> int:
        return cx.naive_reach(Q1_START, Q1_PER_FRIEND, Q1_HOPS)

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        s, k = Q1_START, Q1_PER_FRIEND
        yield Mistake(s * k**3, "One hop too many: hop 1 is Dana's own 12 friends, so 3 hops multiply by 8 only twice.")
        yield Mistake(s * k, "That is hop 2. Hop 3 multiplies by 8 once more.")
        yield Mistake(
            cx.naive_reach_cumulative(s, k, Q1_HOPS),
            ("That counts everyone from 1 to 3 hops away. The question asks for the people exactly 3 hops away."),
        )
        yield Mistake(k**3, "Dana starts with 12 friends, not one: start from 12.")
        yield Mistake(k**2, "Dana starts with 12 friends, not one: start from 12 and multiply by 8 twice.")


class TwoHopReach(NumberExercise):
    title = "How many distinct accounts are within 2 hops of the nursery?"
    answer_name = "reach_2"
    kind = Kind.COUNT
    unit = "accounts"
    hints = (
        "Within 2 hops means the nursery's friends plus their friends, each account counted "
        "once and the nursery itself not at all.",
        "A Python set keeps each account once: collect `G[friend]` for every friend of `NURSERY`, "
        "add the friends, then remove `NURSERY`.",
        "`cx.reach(G, NURSERY, hops=2)` does the counting with a breadth-first search.",
    )
    solution_code = "reach_2 = cx.reach(G, NURSERY, hops=2)"
    correct_message = (
        "Right: {expected} accounts. Compare it with the story's count for the nursery's friends "
        "(their friend lists added up): far fewer."
    )

    def expected(self) -> int:
        return cx.reach(load_network(), NURSERY, 2)

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        graph = load_network()
        parts = cx.two_hop_breakdown(graph, NURSERY)
        friends = int(parts["friends"])
        yield Mistake(expected + 1, "One too many: you counted the nursery itself. Leave the starting account out.")
        yield Mistake(
            friends + int(parts["friend_list_entries"]),
            (
                "You added up the friend lists, so someone reachable through two friends was counted "
                "twice (and the nursery once per friend). Count distinct accounts, with a set."
            ),
        )
        yield Mistake(
            int(parts["friend_list_entries"]),
            (
                "That is the total length of the friends' friend lists: it counts repeats and the "
                "nursery itself. Count distinct accounts, with a set."
            ),
        )
        yield Mistake(friends, "That is 1 hop: the nursery's own friends. Add their friends too.")
        yield Mistake(
            int(parts["new_people"]),
            (
                "That counts only the accounts exactly 2 hops away. Within 2 hops includes the "
                "nursery's own friends as well."
            ),
        )


class OverlapShare(NumberExercise):
    title = "What share of the nursery's friends-of-friends can it reach through more than one friend?"
    answer_name = "overlap_share"
    kind = Kind.SHARE
    hints = (
        "Friends-of-friends are the accounts exactly 2 hops away. For each, count how many of the "
        "nursery's friends they are friends with.",
        "The share is (friends-of-friends with 2 or more such friends) ÷ (all friends-of-friends).",
        "`cx.overlap(G, NURSERY)` computes it; `cx.two_hop_breakdown(G, NURSERY)` shows the counts.",
    )
    solution_code = "overlap_share = cx.overlap(G, NURSERY)"
    correct_message = (
        "Right: {expected:.0%} of the people two steps away can be reached along more than one "
        "path. That is the overlap the 10 × 10 story leaves out."
    )

    def expected(self) -> float:
        return float(cx.overlap(load_network(), NURSERY))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        parts = cx.two_hop_breakdown(load_network(), NURSERY)
        new = int(parts["new_people"])
        yield Mistake(
            round(expected * new),
            (
                "That is how many friends-of-friends overlap. Divide by the number of "
                f"friends-of-friends ({new}) for the share."
            ),
        )
        yield Mistake(
            int(parts["repeats"]) / int(parts["friend_list_entries"]),
            (
                "That is the share of friend-list entries that are repeats. The question counts "
                "people: each friend-of-friend once."
            ),
        )


class TopBroker(NameExercise):
    title = "Apart from the nursery, which account bridges groups the most?"
    answer_name = "top_broker"
    unit = "account name"
    hints = (
        "A bridge lies on many of the shortest paths between other people: that is what "
        "betweenness centrality measures.",
        "`cx.brokers(G, top=5)` lists the accounts with the highest betweenness. The nursery "
        "itself is one of them; the question asks for the strongest other account.",
        "Take the `account` column of the table and pick the first name that is not `NURSERY`.",
    )
    solution_code = (
        "table = cx.brokers(G, top=5)\ntop_broker = table.loc[table['account'] != NURSERY, 'account'].iloc[0]"
    )
    correct_message = (
        "Right: {expected}. Look at its number of friends in the table: it is not the most popular "
        "account, but it sits in several circles, so news between them passes through it."
    )

    def expected(self) -> str:
        table = cx.brokers(load_network(), top=5)
        return table.loc[table["account"] != NURSERY, "account"].iloc[0]

    def mistakes(self, expected: str) -> list[Mistake]:
        counts = cx.friend_counts(load_network()).drop(NURSERY)
        most_friends = counts.index[0]
        return [
            Mistake(NURSERY, "That is the nursery itself: the question asks for the strongest bridge apart from it."),
            Mistake(
                most_friends,
                f"{most_friends} has the most friends ({counts.iloc[0]}), but popular is not the "
                "same as bridging: betweenness counts the shortest paths between others that pass "
                "through an account. Use `cx.brokers`.",
            ),
        ]


def _paradox_variants(graph) -> dict[str, float]:
    """The share the question asks for, and the shares two common slips produce."""
    fewer = fewer_or_equal = with_friends = 0
    for node in graph:
        friends = list(graph[node])
        if not friends:
            continue
        with_friends += 1
        mean = sum(graph.degree(f) for f in friends) / len(friends)
        fewer += len(friends) < mean
        fewer_or_equal += len(friends) <= mean
    return {
        "or_equal": fewer_or_equal / with_friends,
        "all_accounts": fewer / graph.number_of_nodes(),
    }


class ParadoxShare(NumberExercise):
    title = "What share of accounts have fewer friends than their friends have on average?"
    answer_name = "paradox"
    kind = Kind.SHARE
    hints = (
        "For one account: compare its number of friends with the mean number of friends of its "
        "friends. Do that for every account that has at least one friend.",
        "`G.degree(account)` is the number of friends; `G[account]` lists them. Count the accounts "
        "where the first is strictly smaller, then divide by the accounts with a friend.",
        "`cx.paradox_share(G)` computes it.",
    )
    solution_code = "paradox = cx.paradox_share(G)"
    correct_message = (
        "Right: for {expected:.0%} of accounts, their friends have more friends than they do. It "
        "is not bad luck; it is how averages over friendships work."
    )

    def expected(self) -> float:
        return float(cx.paradox_share(load_network()))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        variants = _paradox_variants(load_network())
        yield Mistake(
            variants["or_equal"], ("You counted 'fewer or equal'. The question asks for strictly fewer friends.")
        )
        yield Mistake(
            variants["all_accounts"],
            (
                "Your denominator includes accounts with no friends at all. Count only accounts with "
                "at least one friend: for the others there is no friends' average."
            ),
        )


q1 = NaiveStory(CHAPTER, "q1")
q2 = TwoHopReach(CHAPTER, "q2")
q3 = OverlapShare(CHAPTER, "q3")
q4 = TopBroker(CHAPTER, "q4")
q5 = ParadoxShare(CHAPTER, "q5")

sc1 = Question(
    CHAPTER,
    "sc1",
    "You have 10 friends and each of them has 10 friends. Why do you usually reach far fewer "
    "than 100 new people through them?",
    (
        Option(
            "Most people have fewer than 10 friends, so the friends of friends add up to less.",
            False,
            "The friendship paradox points the other way: your friends tend to have more friends "
            "than you. The gap comes from overlap.",
        ),
        Option(
            "Friend circles overlap: many friends of friends are the same people, or you.",
            True,
            "Yes. Friends of one person tend to know each other, so their friend lists repeat "
            "names. The 10 × 10 story assumes no two circles share anyone.",
        ),
        Option(
            "The platform's feed hides your posts from most of your friends' friends.",
            False,
            "That limits who sees a post, which is a different question. The number of distinct "
            "people is lower even before any feed algorithm.",
        ),
        Option(
            "Some of the people you invite turn you down, so fewer join at each step.",
            False,
            "That lowers the number further, but even if everyone accepted you would reach fewer "
            "than 100 distinct people.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "The nursery wants news of its seed swap to travel from the allotment society to the "
    "primary school parents. Whose share would help most?",
    (
        Option(
            "The allotment society member with the most friends, since more friends means more reach.",
            False,
            "Many friends, but if they are all in the allotment society the news stays there.",
        ),
        Option(
            "The nursery's newest follower, who is keen and likely to pass things on.",
            False,
            "Being keen helps, but it says nothing about where someone's friends are.",
        ),
        Option(
            "A school parent with many friends among the other parents.",
            False,
            "They could spread it among the parents, but the news starts in the allotment society "
            "and only reaches them if someone links the two groups.",
        ),
        Option(
            "Someone who belongs to both groups and has friends in each.",
            True,
            "Yes: a broker. Betweenness is high for accounts like this, because paths between the "
            "two groups run through them.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "Most of the nursery's friends have more friends than the nursery's typical follower. What does that tell you?",
    (
        Option(
            "The nursery's followers are unusually unpopular compared with people elsewhere.",
            False,
            "It would happen in almost any network: it is a property of averages, not of these particular people.",
        ),
        Option(
            "The nursery has made a point of befriending the best-connected people in town.",
            False,
            "It would happen even if the nursery picked its friends at random: in almost any "
            "network, well-connected people sit on more friend lists.",
        ),
        Option(
            "Well-connected people sit on many friend lists, so a typical friend has more friends.",
            True,
            "Yes: the friendship paradox. A person with 40 friends appears on 40 friend lists; "
            "a person with 2 appears on 2.",
        ),
        Option(
            "The data must be wrong, since friends and followers come from the same town.",
            False,
            "The data are synthetic, but the same pattern shows up in real networks, the karate "
            "club included: try it in the lab.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Who would be your first 10 to 20 connections? Group them: friends, family, customers, "
    "local groups or clubs. Then pick two or three who belong to more than one group: who "
    "could introduce you to a circle you do not reach yet, and what could you offer that circle?",
    "For Fernleaf Nursery: friends and family (the owner's sister, two neighbours, an old "
    "colleague); customers (four regulars, two landscape gardeners); groups (the allotment "
    "society's secretary, the garden club chair, the farmers' market organiser). Bridges: the "
    "market organiser also knows the school parents and the church volunteers; the sister "
    "coaches youth football. Offer: a spring sowing guide for the school's garden club, and a stall of "
    "seedlings at the market with planting tips rather than prices.",
    (
        "name real people or groups, not categories like 'everyone'?",
        "include people from more than one circle (not only friends and family)?",
        "spot at least one person who belongs to two circles?",
        "offer the new circle something useful before asking for anything?",
    ),
)

# Issue 15, "In practice": connections on today's platforms (book/connection.md).

sc4 = Question(
    CHAPTER,
    "sc4",
    "In 2025, WhatsApp was used by 90% of UK adults online (Ofcom) and by 32% of US adults "
    "(Pew). What is the most useful thing a UK garden nursery can take from these two figures?",
    (
        Option(
            "WhatsApp is the best place to send its offers to people it does not know.",
            False,
            "WhatsApp is private messaging, not a noticeboard: a business cannot post to strangers "
            "there, and in the UK marketing messages need the person's consent (see the Welcome "
            "chapter's part on privacy and consent).",
        ),
        Option(
            "The two studies disagree, so neither figure can be trusted for planning.",
            False,
            "They measure different countries in different ways (a survey of US adults; measured "
            "use by UK adults online). Both can be right: the same app matters far more in one "
            "country than in the other.",
        ),
        Option(
            "Much word of mouth about it may travel in private chats it cannot count.",
            True,
            "Yes. When a customer forwards the seed-swap poster to her allotment chat, the word "
            "spreads, but no dashboard shows it. Asking new customers how they heard about you "
            "catches some of it.",
        ),
        Option(
            "It should move all of its posting from Facebook over to WhatsApp this year.",
            False,
            "Being widely used does not make WhatsApp a place to post to an audience. Use it for "
            "what it does well: answering customers one to one, and letting them pass things on.",
        ),
    ),
)
