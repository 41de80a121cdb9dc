"""Chapter 0, Welcome: warm-up exercises, self-check questions and the community map.

The two code exercises are there to learn the tools (``check``, ``hint``,
``solution``) on the nursery's posts; the reflection starts the learner's plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from sevencs.course.engine import Kind, Mistake, NumberExercise
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import load_posts

CHAPTER = "welcome"

SETUP = """\
from sevencs.datasets import load_posts
from sevencs.exercises import welcome as ex

posts = load_posts()"""


class CountPosts(NumberExercise):
    title = "How many posts did the nursery publish in its year?"
    answer_name = "number_of_posts"
    kind = Kind.COUNT
    unit = "posts"
    hints = (
        "Each row of the `posts` table is one post.",
        "`len(table)` counts the rows of a pandas table.",
    )
    solution_code = "number_of_posts = len(posts)"
    correct_message = "Right: {expected} posts in twelve months, a steady rhythm for a small business."

    def expected(self) -> int:
        return len(load_posts())

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        posts = load_posts()
        yield Mistake(
            posts.shape,
            (
                "That is the table's shape, (rows, columns). The number of posts is the first "
                "of the two: `posts.shape[0]`, or simply `len(posts)`."
            ),
        )
        columns = len(posts.columns)
        yield Mistake(columns, f"{columns} is the number of columns (post_id, date, type...). Count the rows instead.")
        yield Mistake(
            expected - 1, "One short: pandas does not count the header as a row, so there is nothing to subtract."
        )
        yield Mistake(expected + 1, "One too many: the header line of the file is not a post.")


class PromotionalShare(NumberExercise):
    title = "What share of the nursery's posts are promotional?"
    answer_name = "promotional_share"
    kind = Kind.SHARE
    hints = (
        "The `type` column says what kind each post is; count the promotional ones and divide by the number of posts.",
        "`posts['type'] == 'promotional'` gives True or False per post; the mean of True/False "
        "values is the share of True.",
    )
    solution_code = "promotional_share = (posts['type'] == 'promotional').mean()"
    correct_message = (
        "Right: {expected:.0%} of what the nursery posts is about selling. Keep the number in "
        "mind: the Conversation and Content chapters ask what that does to comments and shares."
    )

    def expected(self) -> float:
        return float((load_posts()["type"] == "promotional").mean())

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        posts = load_posts()
        count = int((posts["type"] == "promotional").sum())
        yield Mistake(
            count,
            (
                f"{count} is how many posts are promotional. A share divides that by the number of "
                "posts, so it lands between 0 and 1."
            ),
        )
        for other in ("how-to", "question", "story"):
            value = float((posts["type"] == other).mean())
            yield Mistake(value, f"That is the share of {other} posts. Check the spelling: 'promotional'.")


q1 = CountPosts(CHAPTER, "q1")
q2 = PromotionalShare(CHAPTER, "q2")

sc1 = Question(
    CHAPTER,
    "sc1",
    "The nursery posts “Lawn feed 20% off this week”. Which change turns this from publishing into sharing?",
    (
        Option(
            "Post the same offer three times a day, so that more of the town sees it.",
            False,
            "More copies of a one-way message are still one-way. Reach goes up for a while; conversation does not.",
        ),
        Option(
            "Pay to show the offer to more people in town who like gardening.",
            False,
            "Paid reach is publishing with a bigger loudspeaker. It can have its place, but it "
            "does not make the post social.",
        ),
        Option(
            "Post a short lawn-care guide and ask readers what troubles their lawns.",
            True,
            "Yes. It gives something useful first and invites a reply, so people can talk back "
            "and pass it on. The offer can follow when someone asks.",
        ),
        Option(
            "Add popular gardening hashtags so that people can join in.",
            False,
            "Hashtags help people find a post; they do not give anyone something to talk about or a reason to reply.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "Think of social media as a gift economy. What does the nursery get back for a free how-to guide on pruning roses?",
    (
        Option(
            "Sales from most of its readers within the week, in return for the help.",
            False,
            "That is the market-economy view: an exchange, now. Gifts are not paid back on the spot.",
        ),
        Option(
            "Nothing at all, so the guide only makes sense if it costs almost nothing.",
            False,
            "The return is not immediate, but it is real: visibility, reputation and referrals "
            "are what the Clients chapter measures.",
        ),
        Option(
            "A bigger follower count, which is how a gift economy pays you back.",
            False,
            "Followers may come, but a count is not the return. What the gift builds is goodwill "
            "and trust, which show up later as visits and recommendations.",
        ),
        Option(
            "Nothing at once: goodwill and trust that turn into word of mouth later.",
            True,
            "Yes. In a gift economy the return is indirect and slow: people remember who helped "
            "them, and some of them will buy or recommend later.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "Which of these is *being* social rather than *doing* social?",
    (
        Option(
            "Answering a customer's question about yellowing tomato leaves, with a photo.",
            True,
            "Yes: a real person helping another, in public, where others can learn from it too.",
        ),
        Option(
            "Scheduling a month of helpful tips in advance, so the page is never quiet.",
            False,
            "Planning ahead is fine, but a full feed is still doing social if nobody is there to "
            "read the replies and answer them.",
        ),
        Option(
            "Buying a thousand followers, so that the page looks established to newcomers.",
            False,
            "Bought followers cannot talk, buy or recommend. It is a number, not a community.",
        ),
        Option(
            "Posting every day, because being social means being seen as often as possible.",
            False,
            "Being seen often is doing social. Being social is taking part as a person: "
            "listening, answering and helping.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Map your community. Who are they (two or three groups, as concretely as you can)? "
    "Where do they spend time, online and offline? How do they like to hear from you and "
    "talk to you? What do they need that you could give freely?",
    "Fernleaf Nursery's map. Who: first-time gardeners in new-build homes; allotment holders "
    "who grow food; landscape gardeners who buy in bulk. Where: the first group on Instagram "
    "and the town's Facebook group, the second at the allotment society and its mailing list, "
    "the third by phone and at the trade counter. How: beginners want short how-to videos and "
    "a place to ask questions; allotment holders like swapping tips and seeds in person; "
    "traders want stock news and quick answers. Given freely: a monthly 'what to do in the "
    "garden now' post, a seed swap at the nursery, answers to every question within a day.",
    (
        "name groups specific enough to picture one person in each?",
        "say where each group is, including places that are not social networks?",
        "say how each group wants to interact (ask, learn, swap, buy)?",
        "list something useful you could give before asking for anything?",
    ),
)

# Issue 15, "In practice": where the community is, and privacy and consent (book/welcome.md).

sc4 = Question(
    CHAPTER,
    "sc4",
    "Dana has about three hours a week for social media. Most of Fernleaf's customers are "
    "first-time gardeners in their thirties and retired allotment holders. Which plan fits "
    "what the chapter says about choosing platforms?",
    (
        Option(
            "Open an account on every platform, so that no customer is ever missed.",
            False,
            "Three hours over eight platforms is about twenty minutes each. Accounts that go quiet "
            "after a month tell visitors nobody is home: a few channels done well beat many done badly.",
        ),
        Option(
            "Spend all three hours on TikTok, the platform that has grown fastest.",
            False,
            "Growth says where a platform is heading, not where your customers are. Retired "
            "allotment holders are among the people least likely to use TikTok.",
        ),
        Option(
            "Do Facebook well, where both groups are, and keep her Google listing current.",
            True,
            "Yes. Facebook is the one network both groups are likely to use (in the US, a majority "
            "of every age group does), its local groups are where neighbours ask for tips, and the "
            "Google listing is where people looking for a nursery find her hours and reviews. "
            "Instagram can come second, when she has the time.",
        ),
        Option(
            "Pick LinkedIn, since a business account there looks the most professional of all.",
            False,
            "LinkedIn is for work and trade contacts. It could suit the landscape gardeners who buy "
            "in bulk, but home gardeners do not go there to talk about tomatoes.",
        ),
    ),
)

sc5 = Question(
    CHAPTER,
    "sc5",
    "A customer emails Dana a photo of her prize dahlias, with her two children smiling beside "
    "them: “Thought you'd like this!” What should Dana do before she posts it on the nursery's page?",
    (
        Option(
            "Nothing more: by sending the photo, the customer agreed to its use.",
            False,
            "Sending a photo to the shop is not agreeing to see it published. Consent has to be "
            "specific and informed: she needs to know where it will appear.",
        ),
        Option(
            "Post it without the customer's name, so that nobody can be identified.",
            False,
            "Faces identify people on their own, so the photo is still personal data, and nobody "
            "has asked the children's mother whether they may be shown.",
        ),
        Option(
            "Post it, then delete it straight away if anybody complains about it.",
            False,
            "Taking it down on request is right, but it comes after asking, not instead of it. Once "
            "posted, a photo can be copied and passed on beyond the nursery's reach.",
        ),
        Option(
            "Ask if she may post it, and where, and whether to credit her by name.",
            True,
            "Yes. Asking first, and saying where it will appear and how she will be credited, is "
            "consent that means something; the photo is hers, too. Keep her reply, and take the "
            "post down if she changes her mind.",
        ),
    ),
)
