"""Chapter 7, Clients: exercises, self-check questions and the reflection.

The expected answers come from the sample tables through :mod:`sevencs.clients`,
whose functions are tested separately against hand counts and Bass's closed
form. The known mistakes are computed the way a learner would make them
(counting 7 and 8 as promoters, dividing by the wrong stage, forgetting to
discount), so each wrong answer gets a message about its cause.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from typing import Any

from sevencs import clients as cl
from sevencs.course.engine import (
    Exercise,
    Feedback,
    Kind,
    Mistake,
    NumberExercise,
    Status,
    _text_problem,
)
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import load_leads, load_survey
from sevencs.errors import LearnerError

CHAPTER = "clients"

SETUP = """\
from sevencs import clients as cl
from sevencs.datasets import load_leads, load_sales, load_survey
from sevencs.exercises import clients as ex

leads = load_leads()
survey = load_survey()"""

# The numbers of exercise 4, a story told in the notebook: a regular who spends
# £60 a year at 40% margin, comes back the next year with probability 0.7,
# with money discounted at 8% a year.
Q4_MARGIN, Q4_RETENTION, Q4_DISCOUNT = 24.0, 0.7, 0.08


class RoundedNumber(NumberExercise):
    """A number a learner may round: within ``rounding`` of the target counts as a match.

    An NPS of 19.43 may be given as 19 or 19.4, a value in pounds to the nearest pound.
    """

    rounding: float = 0.0

    def _matches(self, number: float, target: float) -> bool:
        return super()._matches(number, target) or abs(number - target) <= self.rounding + 1e-9


class NetPromoterNumber(RoundedNumber):
    """An NPS: percentage points from −100 to 100, so a negative answer is possible."""

    def _generic_miss(self, number: float, expected: float) -> str:
        if abs(number + expected) <= self.rounding + 1e-9:
            return (
                "Your answer has the right size but the wrong sign: NPS is promoters minus "
                "detractors, not detractors minus promoters."
            )
        if not -100 <= number <= 100:
            twice = " Did you multiply by 100 twice?" if abs(number - 100 * expected) <= 100 * self.rounding else ""
            return f"Your answer {number:g} is outside −100 to 100, so it cannot be an NPS.{twice}"
        direction = "higher" if number > expected else "lower"
        return f"Your answer {number:g} is {direction} than the expected value. Have a look at the hints."


def _scores(source: str | None = None):
    survey = load_survey()
    if source is not None:
        survey = survey[survey["source"] == source]
    return survey["score"]


def _nps_variants(scores) -> dict[str, float]:
    """The NPS and the numbers common slips give instead."""
    n = len(scores)
    promoters = (scores >= 9).sum()
    detractors = (scores <= 6).sum()
    return {
        "nps": 100 * (promoters - detractors) / n,
        "seven_up": 100 * ((scores >= 7).sum() - detractors) / n,
        "share": (promoters - detractors) / n,
        "below_six": 100 * (promoters - (scores <= 5).sum()) / n,
        "promoters_only": 100 * promoters / n,
        "mean": float(scores.mean()),
    }


class ConversationToClient(NumberExercise):
    title = "Of the people who got as far as a conversation, what share became clients?"
    answer_name = "conversation_to_client"
    kind = Kind.SHARE
    hints = (
        "The `stage` column holds each person's furthest stage. Someone whose furthest stage is "
        "client also had a conversation, so 'got as far as a conversation' means conversation, "
        "relationship or client.",
        "Count the people at conversation or later, and the clients; divide the second by the first.",
        "`cl.funnel(leads)` lists how many `reached` each stage; `cl.conversion(leads, 'conversation', "
        "'client')` answers directly.",
    )
    solution_code = "conversation_to_client = cl.conversion(leads, 'conversation', 'client')"
    correct_message = (
        "Right: {expected:.0%} of the people who talked with the nursery became clients. Try the "
        "same for each source: word of mouth converts far better, because those people arrive presold."
    )

    def expected(self) -> float:
        return float(cl.conversion(load_leads(), "conversation", "client"))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        stage = load_leads()["stage"]
        clients = (stage == "client").sum()
        yield Mistake(
            clients / (stage == "conversation").sum(),
            (
                "You divided by the people whose furthest stage is conversation. People who went on to a "
                "relationship or became clients had a conversation too: count everyone at conversation "
                "or later."
            ),
        )
        yield Mistake(
            clients / len(stage),
            (
                "That is the share of all connections who became clients. The question starts from the "
                "people who got as far as a conversation."
            ),
        )
        yield Mistake(
            clients / (stage == "relationship").sum(),
            (
                "You divided by the relationship stage. The question starts from the conversation stage, "
                "counting everyone who got at least that far."
            ),
        )


class NetPromoter(NetPromoterNumber):
    rounding = 0.5  # whole points
    title = "What is the nursery's Net Promoter Score in the survey?"
    answer_name = "nps"
    kind = Kind.NUMBER
    unit = "points, from −100 to 100"
    hints = (
        "Promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6. Passives count only in the total.",
        "NPS = 100 × (promoters − detractors) ÷ all answers: percentage points, from −100 to 100.",
        "`cl.net_promoter_score(survey['score'])` computes it; `cl.promoter_groups(survey)` shows the counts.",
    )
    solution_code = "nps = cl.net_promoter_score(survey['score'])"
    correct_message = (
        "Right: an NPS of {expected:+.0f}. Far more people would recommend the nursery than warn "
        "against it, but a big group of passives (7 and 8) is neither."
    )

    def expected(self) -> float:
        return float(cl.net_promoter_score(load_survey()))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        v = _nps_variants(_scores())
        yield Mistake(
            v["seven_up"],
            (
                "You counted 7 and 8 as promoters. They are passives: only 9 and 10 are promoters, and "
                "passives count only in the total."
            ),
        )
        yield Mistake(
            v["share"], ("That is a share between −1 and 1. NPS is given in percentage points: multiply by 100.")
        )
        yield Mistake(v["below_six"], "Detractors are 0 to 6: a 6 is a detractor too.")
        yield Mistake(
            v["promoters_only"],
            ("That is the percentage of promoters. Subtract the percentage of detractors (0 to 6)."),
        )
        yield Mistake(v["mean"], "That is the average score. NPS counts groups: % promoters − % detractors.")


class SocialNetPromoter(NetPromoterNumber):
    rounding = 0.5  # whole points
    title = "What is the Net Promoter Score of the clients who came through social media?"
    answer_name = "nps_social"
    kind = Kind.NUMBER
    unit = "points, from −100 to 100"
    hints = (
        "Keep only the survey rows whose `source` is 'social', then compute the NPS of their scores.",
        "`survey[survey['source'] == 'social']['score']` are the social clients' scores.",
        "`survey.groupby('source')['score'].apply(cl.net_promoter_score)` gives every source at once.",
    )
    solution_code = "nps_social = cl.net_promoter_score(survey.loc[survey['source'] == 'social', 'score'])"
    correct_message = (
        "Right: {expected:+.0f} for clients from social media. Compare the sources, and how many "
        "answers each NPS rests on: a group of a dozen people can swing by 20 points with two answers."
    )

    def expected(self) -> float:
        return float(cl.net_promoter_score(_scores("social")))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        v = _nps_variants(_scores("social"))
        yield Mistake(
            _nps_variants(_scores())["nps"],
            ("That is the NPS of everyone who answered. Keep only the clients whose source is 'social'."),
        )
        yield Mistake(
            v["seven_up"], ("You counted 7 and 8 as promoters. They are passives: only 9 and 10 are promoters.")
        )
        yield Mistake(v["share"], "That is a share between −1 and 1. NPS is in percentage points: multiply by 100.")


class LifetimeValue(RoundedNumber):
    rounding = 0.5  # whole pounds
    title = "What is a regular client worth today?"
    answer_name = "clv"
    kind = Kind.MONEY
    unit = "pounds"
    hints = (
        "This year's margin counts in full. Next year's is kept with probability 0.7 and discounted "
        "by 1.08; the year after by 0.7² and 1.08², and so on for ever.",
        "That endless sum is margin × (1 + discount) ÷ (1 + discount − retention).",
        "`cl.customer_lifetime_value(margin, retention, discount)` computes it; the shares are 0.7 "
        "and 0.08, not 70 and 8.",
    )
    solution_code = "clv = cl.customer_lifetime_value(24, 0.7, 0.08)"
    correct_message = (
        "Right: about £{expected:.0f}. Raise the retention to 0.8 and see how much it grows: keeping "
        "clients is worth more than almost anything else in this formula."
    )

    def expected(self) -> float:
        return cl.customer_lifetime_value(Q4_MARGIN, Q4_RETENTION, Q4_DISCOUNT)

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        m, r, d = Q4_MARGIN, Q4_RETENTION, Q4_DISCOUNT
        yield Mistake(
            m / (1 - r),
            (
                "You left out the discounting: a pound next year is worth less than a pound today. "
                "Divide by 1 + discount − retention and multiply by 1 + discount."
            ),
        )
        yield Mistake(
            m * r / (1 + d - r),
            (
                "That counts only the years after this one (Gupta and Lehmann's version). The question "
                "counts this year's margin too: add one margin, or use margin × (1 + discount)."
            ),
        )
        yield Mistake(
            m * (1 + d) / (1 + d - (1 - r)),
            ("You used the share who leave (0.3) as the retention. Retention is the share who come back: 0.7."),
        )
        yield Mistake(
            60 * (1 + d) / (1 + d - r),
            (
                "That uses the £60 the client spends. Lifetime value counts the margin, what the nursery "
                "keeps: 40% of £60."
            ),
        )


class FittedImitation(RoundedNumber):
    rounding = 0.0025  # 0.44 is fine; fitting every social lead (0.442) is not
    title = "Fit the Bass model to the monthly new clients from social media: what is q?"
    answer_name = "q_social"
    kind = Kind.NUMBER
    unit = "the coefficient of imitation"
    hints = (
        "`cl.monthly_new_clients(leads, 'social')` counts new clients from social media per month.",
        "`cl.fit_bass(series)` estimates p, q and the market by Bass's own regression.",
        "The fit is an object: `fit.q` is the coefficient of imitation (word of mouth), `fit.p` of innovation.",
    )
    solution_code = "q_social = cl.fit_bass(cl.monthly_new_clients(leads, 'social')).q"
    correct_message = (
        "Right: q ≈ {expected:.2f}, far above p. Most of the nursery's social clients came because "
        "someone they know already had: word of mouth, not advertising."
    )

    def expected(self) -> float:
        return cl.fit_bass(cl.monthly_new_clients(load_leads(), "social")).q

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        leads = load_leads()
        fit = cl.fit_bass(cl.monthly_new_clients(leads, "social"))
        yield Mistake(fit.p, "That is p, the coefficient of innovation (advertising). The question asks for q.")
        social = leads[leads["source"] == "social"]
        months = social["date"].dt.to_period("M").value_counts().sort_index()
        try:
            everyone = cl.fit_bass(months).q
        except ValueError:
            everyone = None
        if everyone is not None:
            yield Mistake(
                everyone,
                (
                    "You fitted every social lead, at every stage. The Bass model is about adopters: keep "
                    "only the leads who became clients (`stage == 'client'`)."
                ),
            )
        yield Mistake(fit.market, "That is the fitted market size, m. The question asks for q.")


#: Exercise 6: the link Dana puts in her May email to existing customers.
Q6_PAGE = "https://fernleaf.example/summer"
Q6_TAGS = {"source": "newsletter", "medium": "email", "campaign": "summer_sale", "content": "may_email"}


class TaggedLink(Exercise):
    """A tagged link, given as text: right when its page and its campaign tags are the ones asked for.

    The tags may come in any order, and other parameters are not allowed to change them. Each wrong
    link gets a message about its first problem: not a whole address, a hand-joined second ``?``,
    the wrong page, a tag missing, swapped or written with capitals.
    """

    title = "Build the tagged link for Dana's May email"
    answer_name = "email_link"
    wanted = "one web address, in quotes (text), with its campaign tags"
    hints = (
        "A tagged link is the page's address, a `?`, then `utm_source=...&utm_medium=...&utm_campaign=..."
        "&utm_content=...`. Writing it by hand is easy to get wrong; let the package write it.",
        "`cl.tag_link(page, source=..., medium=..., campaign=..., content=...)` adds the tags to a page's "
        "address. The page is 'https://fernleaf.example/summer'.",
        "Check what you built with `cl.read_tags(email_link)`: it shows the page and each tag.",
    )
    solution_code = (
        "email_link = cl.tag_link('https://fernleaf.example/summer', source='newsletter', medium='email', "
        "campaign='summer_sale', content='may_email')"
    )
    correct_message = (
        "Right: {expected}. Every visit through this link now says where it came from. Read it back "
        "with `cl.read_tags(email_link)`."
    )

    def expected(self) -> str:
        return cl.tag_link(Q6_PAGE, **Q6_TAGS)

    def mistakes(self, expected: str) -> Iterator[Mistake]:
        yield Mistake(
            expected.removeprefix("https://"),
            "The address has no https:// at the start. Without it, a link in an email or a post may "
            "not open as a web page at all: start from 'https://fernleaf.example/summer'.",
        )
        yield Mistake(
            cl.tag_link(Q6_PAGE, **{**Q6_TAGS, "source": "email", "medium": "newsletter"}),
            "Source and medium are swapped. The source is who sends the visit (the newsletter); the "
            "medium is the kind of channel (email), the same for all your emails.",
        )
        yield Mistake(
            cl.tag_link(Q6_PAGE, **{k: v for k, v in Q6_TAGS.items() if k != "content"}),
            "The content tag is missing: add content='may_email', so this email's visits can be told "
            "apart from the next one's.",
        )

    def judge(self, answer: Any, expected: str) -> Feedback:
        problem = _text_problem(answer, self.wanted, "`cl.tag_link(...)` gives the link as text.")
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        if answer.strip() == expected:
            return self._feedback(Status.CORRECT, self.correct_message.format(expected=expected))
        for mistake in self.known_mistakes:
            if answer.strip() == mistake.value:
                return self._feedback(Status.INCORRECT, mistake.message)
        if answer.count("?") > 1:
            return self._feedback(
                Status.INCORRECT,
                "The link has more than one `?`. Only the first `?` starts the tags; the next ones are "
                "joined with `&`. Let `cl.tag_link` join them for you.",
            )
        try:
            tags = cl.read_tags(answer)
        except LearnerError as error:
            return self._feedback(Status.INCORRECT, f"This is not a link that can be read: {error}.")
        if tags["page"] != Q6_PAGE:
            return self._feedback(
                Status.INCORRECT,
                f"The link leads to {tags['page']!r}, but Dana's email points to {Q6_PAGE!r}.",
            )
        for name, value in Q6_TAGS.items():
            given = tags[name]
            if given is None:
                return self._feedback(Status.INCORRECT, f"The link has no utm_{name}: add {name}={value!r}.")
            if given != value:
                if given.lower() == value:
                    return self._feedback(
                        Status.INCORRECT,
                        f"utm_{name} is {given!r}, with capitals. Tags are compared as written, so "
                        f"{given!r} and {value!r} would count as two; write tags in lower case.",
                    )
                return self._feedback(
                    Status.INCORRECT, f"utm_{name} is {given!r}, but the question asks for {value!r}."
                )
        if tags["term"] is not None:
            return self._feedback(
                Status.INCORRECT,
                "The link has a utm_term: that tag is for the keyword of a paid search ad. Leave it out here.",
            )
        query = urllib.parse.urlsplit(answer.strip()).query
        extra = sorted({key for key, _ in urllib.parse.parse_qsl(query) if not key.lower().startswith("utm_")})
        if extra:
            return self._feedback(
                Status.INCORRECT,
                f"The page and the tags are right, but the link carries more ({', '.join(extra)}). Build it "
                "from the page's own address with `cl.tag_link`.",
            )
        return self._feedback(Status.CORRECT, self.correct_message.format(expected=answer.strip()))


class BoostedVisits(NumberExercise):
    title = "How many visits to the website came through the boosted post?"
    answer_name = "boosted_visits"
    kind = Kind.COUNT
    unit = "visits"
    hints = (
        "Each address in `landings` is one visit. The boosted post's link carries "
        "`utm_medium=paid_social`; the unpaid post's link `utm_medium=social`.",
        "`cl.read_tags(url)` reads one address's tags; `cl.tally_visits(landings, 'medium')` counts "
        "the visits by medium.",
        "Facebook adds its own `fbclid=...` to some addresses, so compare the tags, not whole addresses.",
    )
    solution_code = (
        "boosted_visits = sum(cl.read_tags(url)['medium'] == 'paid_social' for url in cl.spring_landing_pages())"
    )
    correct_message = (
        "Right: {expected:.0f} visits came through the boosted post. Divide what the boost cost, your "
        "time included, by that number to get its cost per visit."
    )

    def expected(self) -> float:
        return float(sum(cl.read_tags(url)["medium"] == "paid_social" for url in cl.spring_landing_pages()))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        landings = cl.spring_landing_pages()
        tags = [cl.read_tags(url) for url in landings]
        boosted = next(link.link for link in cl.SPRING_LINKS if link.medium == "paid_social")
        yield Mistake(
            sum(t["source"] == "facebook" for t in tags),
            "That counts every visit from Facebook, the unpaid post's too. The boosted post's link has "
            "the medium 'paid_social'.",
        )
        yield Mistake(
            sum(url == boosted for url in landings),
            "That counts only the addresses exactly equal to the boosted link. Facebook adds an "
            "`fbclid=...` to some of them: read each address's tags with `cl.read_tags` instead.",
        )
        yield Mistake(len(landings), "That is every visit in April. Count only those whose medium is 'paid_social'.")


q1 = ConversationToClient(CHAPTER, "q1")
q2 = NetPromoter(CHAPTER, "q2")
q3 = SocialNetPromoter(CHAPTER, "q3")
q4 = LifetimeValue(CHAPTER, "q4")
q5 = FittedImitation(CHAPTER, "q5")
q6 = TaggedLink(CHAPTER, "q6")
q7 = BoostedVisits(CHAPTER, "q7")

sc1 = Question(
    CHAPTER,
    "sc1",
    "People who heard about the nursery from a friend become clients far more often than people "
    "who found it through a social post. What is the best explanation?",
    (
        Option(
            "Social media does not work for a small business, so those posts were wasted effort.",
            False,
            "Social media brought the nursery more clients in total than any other source; each "
            "social connection is just less likely to buy yet. Conversion and volume are different.",
        ),
        Option(
            "Word of mouth brings more people into the funnel, so more of them buy.",
            False,
            "It brings fewer. Conversion is a share, so it does not grow with the number of people.",
        ),
        Option(
            "People who find it through a post are mostly bots and fake accounts that never buy.",
            False,
            "Some may be, but most are real people who do not know the nursery yet: they need to "
            "come to know, like and trust it first.",
        ),
        Option(
            "They arrive presold: a friend they trust has already vouched for the nursery.",
            True,
            "Yes. Someone who already knows, likes and trusts you through a friend needs little "
            "persuading, so more of them reach the client stage.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    "In the Bass model, what does the coefficient q stand for?",
    (
        Option(
            "Imitation: adopting because people you know already have, as in word of mouth.",
            True,
            "Yes. Its pull grows with the number who have already adopted, which is why word of "
            "mouth starts slowly and then takes over.",
        ),
        Option(
            "Innovation: people adopting because of advertising and other outside influence.",
            False,
            "That is p. It acts on everyone who has not adopted yet, whether or not anyone else has.",
        ),
        Option(
            "The size of the market: everyone who will ever adopt the product.",
            False,
            "That is m. q is a rate: how strongly those who have adopted pull in the others.",
        ),
        Option(
            "Quality: how good the product is, which decides how fast people adopt it.",
            False,
            "The Bass model has no quality term: it has p (outside influence), q (imitation) and m "
            "(the market). A good product may show up in q, through word of mouth.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "A florist down the road says her social media cost her about £1,200 this year (her hours and "
    "her spend) and brought £1,000 of sales she can trace. Her accountant says it lost money. What is "
    "missing from that view?",
    (
        Option(
            "Nothing: if traced sales are below the cost, then the social media lost money.",
            False,
            "Traced sales miss the friend who came in because of a post, and the client who stays for "
            "years. That does not prove it paid, but the sales figure alone cannot say.",
        ),
        Option(
            "Visibility, reputation and referrals: people who bought later or sent a friend.",
            True,
            "Yes. The source texts insist the return is more than sales; report those alongside the "
            "sales, not converted into one money number.",
        ),
        Option(
            "The number of followers she gained, which is the real return on social media.",
            False,
            "Followers are one sign of visibility, not the whole return, and a follower count says "
            "nothing about trust or referrals.",
        ),
        Option(
            "Time: a year is too short, but the traced sales alone will show the return later.",
            False,
            "Time helps, but traced sales will keep missing the friend who came because of a post. "
            "The return includes visibility, reputation and referrals, which sales figures miss.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "How would you know your social media is paying off? Name one number you could track for each "
    "of visibility, reputation, referrals and sales, where you would get it, and how often you would "
    "look. Which of the four do you expect to move first?",
    "For Fernleaf Nursery: visibility, monthly reach of posts from the platform's insights, checked "
    "monthly; reputation, the Net Promoter Score from a one-question card at the till, twice a year; "
    "referrals, 'how did you hear about us?' at the till, counting 'a friend told me', monthly; "
    "sales, takings from clients who came through social media, from the till's notes, quarterly. "
    "Visibility moves first; referrals and repeat sales follow months later, as trust grows.",
    (
        "name a number for all four: visibility, reputation, referrals and sales?",
        "say where each number comes from (a platform, a survey, the till)?",
        "keep the four apart, rather than turning them into one money figure?",
        "expect the slow ones (referrals, repeat sales) to take months?",
    ),
)
