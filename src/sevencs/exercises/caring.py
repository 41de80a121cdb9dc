"""Chapter 6, Caring: exercises, self-check questions and the reflection.

The expected answers come from :mod:`sevencs.caring`, whose functions are
tested separately against hand-computed cases and against vaderSentiment
called directly. The known mistakes are computed the way a learner would make
them (the mean instead of the median, unanswered questions counted as 0 hours,
dividing by every comment instead of by the replies...), so each wrong answer
gets a message about its cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any, ClassVar

import pandas as pd

from sevencs import caring as ca
from sevencs.course.engine import (
    Exercise,
    Feedback,
    Kind,
    Mistake,
    NumberExercise,
    Status,
    _as_number,
    _common_problem,
    _short,
    describe_kind,
)
from sevencs.course.questions import Option, Question, Reflection
from sevencs.datasets import NURSERY, load_comments, load_mentions, load_questions

CHAPTER = "caring"

SETUP = """\
from sevencs import caring as ca
from sevencs.datasets import load_comments, load_mentions, load_questions, NURSERY
from sevencs.exercises import caring as ex

questions = load_questions()
comments = load_comments()
mentions = load_mentions()"""

#: Dana's Monday-morning check in exercise 2, and the wait that counts as too long.
Q2_AS_OF = "2026-07-13 09:00"
Q2_OLDER_THAN = 48


def _hours() -> pd.Series:
    return ca.first_response_times(load_questions())


class ByChannelExercise(Exercise):
    """An answer with one number per channel: a pandas Series (or a dict) keyed by channel.

    The values of its known mistakes are Series keyed by channel too.
    """

    wanted: ClassVar[str] = "one number per channel (a pandas Series from groupby, or a dict)"
    rel_tol: ClassVar[float] = 1e-3

    def _as_series(self, answer: Any) -> pd.Series | None:
        if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
            answer = answer.iloc[:, 0]
        if isinstance(answer, dict):
            answer = pd.Series(answer)
        if isinstance(answer, pd.Series):
            return answer
        return None

    def _matches(self, answer: pd.Series, target: pd.Series) -> bool:
        if set(map(str, answer.index)) != set(map(str, target.index)):
            return False
        values = {str(k): v for k, v in answer.items()}
        for channel, value in target.items():
            number = _as_number(values[str(channel)])
            if number is None or math.isnan(number):
                return False
            # hours rounded to one or more decimals (``.round(1)``) are still right
            if not (
                math.isclose(number, value, rel_tol=self.rel_tol, abs_tol=1e-6)
                or any(number == round(float(value), d) for d in (1, 2, 3))
            ):
                return False
        return True

    @staticmethod
    def _not_numbers(series: pd.Series) -> str | None:
        """A message when some values are not numbers (text, missing, durations), else None."""
        for channel, value in series.items():
            if isinstance(value, pd.Timedelta):
                return (
                    f"The value for {channel} is a duration ({value}), not a number of hours. "
                    "Turn durations into hours with `.dt.total_seconds() / 3600`, or use "
                    "`ca.first_response_times(questions)`, which already gives hours."
                )
            number = _as_number(value)
            if number is None:
                return (
                    f"The value for {channel} is {describe_kind(value)} ({_short(value)}), not a "
                    "number of hours. Each channel needs one number."
                )
            if math.isnan(number):
                return (
                    f"The value for {channel} is missing (NaN): there was nothing to take the "
                    "median of. Did you drop or filter out that channel's questions?"
                )
        return None

    def judge(self, answer: Any, expected: pd.Series) -> Feedback:
        problem = _common_problem(answer, self.wanted)
        if problem:
            return self._feedback(Status.INCORRECT, problem)
        series = self._as_series(answer)
        if series is None:
            return self._feedback(Status.INCORRECT, self._wrong_kind(answer, expected))
        channels = ", ".join(map(str, expected.index))
        if set(map(str, series.index)) != set(map(str, expected.index)):
            found = ", ".join(map(str, series.index[:6])) or "nothing"
            return self._feedback(
                Status.INCORRECT,
                f"Your answer should have one value for each channel ({channels}), but it has: "
                f"{found}. Group by the `channel` column: `.groupby(questions['channel'])`.",
            )
        if self._matches(series, expected):
            return self._feedback(Status.CORRECT, self.correct_message.format(expected=expected))
        for mistake in self.known_mistakes:
            if self._matches(series, mistake.value):
                return self._feedback(Status.INCORRECT, mistake.message)
        not_numbers = self._not_numbers(series)
        if not_numbers:
            return self._feedback(Status.INCORRECT, not_numbers)
        return self._feedback(
            Status.INCORRECT,
            "Your values are not the expected ones for every channel. Have a look at the hints.",
        )

    def _wrong_kind(self, answer: Any, expected: pd.Series) -> str:
        number = _as_number(answer)
        if number is not None:
            overall = float(_hours().median())
            if math.isclose(number, overall, rel_tol=self.rel_tol):
                return (
                    "That is the median for all questions together. The question asks for one "
                    "median per channel: group by `questions['channel']` first."
                )
            return f"The question asks for {self.wanted}, but your answer is a single number ({number:g})."
        return f"The question asks for {self.wanted}, but your answer is {describe_kind(answer)}."


class MedianByChannel(ByChannelExercise):
    title = "Median first-response time, in hours, for each channel"
    answer_name = "median_by_channel"
    hints = (
        "`ca.first_response_times(questions)` gives the hours from each question to its first "
        "reply; unanswered questions are missing (NaN), which is right: they have no response time.",
        "Group those hours by `questions['channel']` and take the median of each group. "
        "The median skips the missing values for you.",
        "`ca.first_response_times(questions).groupby(questions['channel']).median()`",
    )
    solution_code = (
        "hours = ca.first_response_times(questions)\nmedian_by_channel = hours.groupby(questions['channel']).median()"
    )
    correct_message = (
        "Right: half the answered questions in each channel got a reply within these many hours. "
        "Now look at how many questions in each channel got no reply at all: the median of "
        "the answered ones cannot show that."
    )

    def expected(self) -> pd.Series:
        return _hours().groupby(load_questions()["channel"]).median()

    def mistakes(self, expected: pd.Series) -> list[Mistake]:
        q = load_questions()
        hours = _hours()
        by = q["channel"]
        return [
            Mistake(
                hours.groupby(by).mean(),
                (
                    "Those are the means. A few questions waited days, and they pull the mean up far "
                    "above a typical wait; use the median for skewed times."
                ),
            ),
            Mistake(
                hours.fillna(0).groupby(by).median(),
                (
                    "You counted unanswered questions as 0 hours, as if they had been answered at "
                    "once. Leave them missing (NaN): they have no response time."
                ),
            ),
            Mistake(expected * 60, "Those are minutes. The question asks for hours: divide by 60."),
            Mistake(hours.groupby(by).median() / 24, "Those are days. The question asks for hours."),
        ]


def _unanswered_variants() -> dict[str, int]:
    q = load_questions()
    moment = pd.Timestamp(Q2_AS_OF)
    open_then = (q["asked_at"] <= moment) & (q["first_reply_at"].isna() | (q["first_reply_at"] > moment))
    return {
        "any_age": int(open_then.sum()),
        "end_of_data": len(ca.unanswered(q, Q2_OLDER_THAN)),
        "asked_before": int((q["asked_at"] <= moment - pd.Timedelta(hours=Q2_OLDER_THAN)).sum()),
    }


class UnansweredCount(NumberExercise):
    title = "How many questions had waited more than 48 hours with no reply, on Monday 13 July at 9:00?"
    answer_name = "waiting_48h"
    kind = Kind.COUNT
    unit = "questions"
    hints = (
        "A question counts if, at 9:00 on 13 July 2026, it had been asked, it had no reply yet, "
        "and it had been waiting for more than 48 hours.",
        "`ca.unanswered(questions, older_than=48, as_of='2026-07-13 09:00')` lists them. "
        "Without `as_of` it measures at the end of the data, in late October.",
        "Count the rows with `len(...)`.",
    )
    solution_code = "waiting_48h = len(ca.unanswered(questions, older_than=48, as_of='2026-07-13 09:00'))"
    correct_message = (
        "Right: {expected} questions had been left waiting for more than two days. Each one is "
        "someone who asked for help and heard nothing."
    )

    def expected(self) -> int:
        return len(ca.unanswered(load_questions(), Q2_OLDER_THAN, as_of=Q2_AS_OF))

    def mistakes(self, expected: int) -> Iterator[Mistake]:
        variants = _unanswered_variants()
        yield Mistake(
            variants["any_age"],
            (
                "That counts every question still open on 13 July, including ones asked in the last "
                "48 hours. Keep only those that had waited more than 48 hours."
            ),
        )
        yield Mistake(
            variants["end_of_data"],
            (
                "That is measured at the end of the data (late October), not on Monday 13 July. Pass "
                "`as_of='2026-07-13 09:00'`."
            ),
        )
        yield Mistake(
            variants["asked_before"],
            (
                "That counts every question asked more than 48 hours before, answered or not. Keep "
                "only those with no reply by then."
            ),
        )


def _scores() -> pd.DataFrame:
    return ca.sentiment(load_mentions()["text"])


class NegativeShare(NumberExercise):
    title = "What share of the mentions does VADER label negative?"
    answer_name = "negative_share"
    kind = Kind.SHARE
    hints = (
        "`ca.sentiment(mentions['text'])` scores every mention and labels it with VADER's "
        "cut-offs: negative means a compound score of −0.05 or below.",
        "The share is (mentions labelled negative) ÷ (all mentions). `(table['label'] == "
        "'negative').mean()` does both steps.",
        "`(ca.sentiment(mentions['text'])['label'] == 'negative').mean()`",
    )
    solution_code = "scores = ca.sentiment(mentions['text'])\nnegative_share = (scores['label'] == 'negative').mean()"
    correct_message = (
        "Right: VADER calls {expected:.1%} of the mentions negative. Now compare with "
        "`mentions['human_label']`: a careful reader finds more. Which texts did VADER miss?"
    )

    def expected(self) -> float:
        return float((_scores()["label"] == "negative").mean())

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        labels = _scores()["label"]
        human = load_mentions()["human_label"]
        yield Mistake(
            int((labels == "negative").sum()),
            ("That is how many mentions are negative. Divide by the number of mentions for the share."),
        )
        yield Mistake(
            float((human == "negative").mean()),
            (
                "That is the share by the human reader's labels (`human_label`). The question asks what "
                "VADER says; the gap between the two is the point of the lab's sarcasm section."
            ),
        )
        yield Mistake(
            float((labels == "negative").sum() / (labels != "neutral").sum()),
            (
                "You divided by the positive and negative mentions only. The question's denominator is "
                "all mentions, neutral ones included."
            ),
        )
        yield Mistake(float((labels == "positive").mean()), "That is the share VADER labels positive.")


class MemberHelpShare(NumberExercise):
    title = "Of all the replies under the nursery's posts, what share did members write?"
    answer_name = "member_share"
    kind = Kind.SHARE
    hints = (
        "A reply is a comment with a `reply_to` (it answers another comment). Comments with an "
        "empty `reply_to` start a thread: they are not replies.",
        "Among the replies, count those whose author is not the nursery (`NURSERY`), then divide "
        "by the number of replies.",
        "`ca.member_help_share(comments, staff=NURSERY)`",
    )
    solution_code = "member_share = ca.member_help_share(comments, staff=NURSERY)"
    correct_message = (
        "Right: members wrote {expected:.0%} of the replies. The rest of the help still comes from "
        "Dana. A caring community is one where this share grows."
    )

    def expected(self) -> float:
        return float(ca.member_help_share(load_comments(), NURSERY))

    def mistakes(self, expected: float) -> Iterator[Mistake]:
        c = load_comments()
        replies = c[c["reply_to"].notna()]
        by_members = int((replies["author"] != NURSERY).sum())
        yield Mistake(
            by_members / len(c),
            ("You divided by all comments. The denominator is the replies only (comments with a `reply_to`)."),
        )
        yield Mistake(
            float((c["author"] != NURSERY).mean()),
            (
                "That is the share of all comments written by members, including the ones that start "
                "a thread. Keep only the replies (a `reply_to` that is not empty)."
            ),
        )
        yield Mistake(by_members, "That is how many replies members wrote. Divide by the number of replies.")
        q = load_questions()
        answered = q["first_reply_by"].dropna()
        yield Mistake(
            float((answered != NURSERY).mean()),
            (
                "That is the share of first answers to questions. The question is about all replies "
                "under the posts, in `comments`."
            ),
        )


q1 = MedianByChannel(CHAPTER, "q1")
q2 = UnansweredCount(CHAPTER, "q2")
q3 = NegativeShare(CHAPTER, "q3")
q4 = MemberHelpShare(CHAPTER, "q4")

sc1 = Question(
    CHAPTER,
    "sc1",
    "Most of the nursery's questions are answered within a few hours, but a few wait for days. "
    "Which single number best describes a typical wait?",
    (
        Option(
            "The median first-response time of the questions that were answered.",
            True,
            "Yes. Half the answered questions got a reply within the median; the few very long "
            "waits do not drag it up. Report the unanswered ones separately.",
        ),
        Option(
            "The mean first-response time of the questions that were answered.",
            False,
            "A few waits of several days pull the mean far above what most people experience. "
            "With skewed times the mean describes nobody.",
        ),
        Option(
            "The mean, counting each unanswered question as a wait of 0 hours.",
            False,
            "That makes the worst cases look like the best: a question nobody answered would "
            "count as answered at once.",
        ),
        Option(
            "The longest wait, since that is the one customers remember and talk about.",
            False,
            "The longest wait matters and is worth reporting, but it describes the worst case, not a typical one.",
        ),
    ),
)

sc2 = Question(
    CHAPTER,
    "sc2",
    'VADER gives "Love queuing for half an hour at Fernleaf. Fun." a strongly positive score. What does that tell you?',
    (
        Option(
            "VADER has a bug and should not be used on customers' comments.",
            False,
            "VADER does what it was built for: it reads the words. On ordinary social-media text "
            "its authors found it about as good as a human rater.",
        ),
        Option(
            "The customer really did enjoy the queue, since the words are positive.",
            False,
            "Read it aloud: half an hour in a queue is rarely fun. A person hears the sarcasm.",
        ),
        Option(
            "VADER reads words, not intent: sarcasm fools it, so check a sample by hand.",
            True,
            'Yes. "Love" and "fun" are positive words; the complaint is in the situation. '
            "Read a sample yourself and report how often VADER agrees with you.",
        ),
        Option(
            "VADER needs more text: on one short comment any score is only noise.",
            False,
            "Short social-media posts are what VADER was built for. The trouble here is sarcasm: "
            "the words are positive, the meaning is not.",
        ),
    ),
)

sc3 = Question(
    CHAPTER,
    "sc3",
    "This month 30 of the 120 comments under the nursery's posts were written by members, and "
    "all 30 were replies to other people's questions. Dana wrote 20 replies. What is the member "
    "help share?",
    (
        Option(
            "30 ÷ 120 = 25%",
            False,
            "That divides by every comment, including those that start a thread. The share is about replies only.",
        ),
        Option(
            "30 ÷ 50 = 60%",
            True,
            "Yes: 50 replies in all, 30 of them by members. State the denominator: replies.",
        ),
        Option(
            "20 ÷ 50 = 40%",
            False,
            "That is Dana's share, the other part of the whole.",
        ),
        Option(
            "50 ÷ 120 ≈ 42%",
            False,
            "That is the share of all comments that are replies. The question asks what share of "
            "the replies came from members.",
        ),
    ),
)

sc4 = Question(
    CHAPTER,
    "sc4",
    "Dana wants more Google reviews for the nursery this spring. Which plan keeps to Google's rules for reviews?",
    (
        Option(
            "Give everyone who leaves a review a 10% voucher for their next visit.",
            False,
            "Google removes reviews rewarded with discounts, free goods or services, whatever the "
            "review says. A reward, however small, turns an honest review into a bought one.",
        ),
        Option(
            "Send the review link only to customers who rated their visit 4 or 5 in a quick survey.",
            False,
            "That is selective asking: Google's policy forbids soliciting reviews only from the "
            "customers you expect to be happy, or steering unhappy ones away.",
        ),
        Option(
            "Print the review link on every receipt and ask each customer for an honest review.",
            True,
            "Yes. Asking every customer, in the same words, for a genuine review is what Google "
            "allows; the reviews you get then say something about all your customers.",
        ),
        Option(
            "Ask staff and their families to post reviews of their favourite plants.",
            False,
            "Google wants reviews from genuine customer experiences, not from people with a stake "
            "in the business; undisclosed staff and family reviews are also banned by the US FTC.",
        ),
    ),
)

reflection = Reflection(
    CHAPTER,
    "reflection",
    "Where do people ask you for help (comments, messages, in the shop, by phone)? How quickly "
    "do you answer today, and what would be a promise you can keep? Name one way to help your "
    "customers help each other.",
    "For Fernleaf Nursery: questions arrive in post comments, direct messages and at the till. "
    "Messages get a reply within a few hours; questions in comments are often missed. Promise: "
    "every question answered within one working day, checked each morning with the list of "
    "questions waiting more than 24 hours. Helping members help each other: a monthly "
    "'ask the growers' thread where experienced allotment holders answer, thanked by name, "
    "and the best answers collected into a free growing guide.",
    (
        "name the places people actually ask, not only the ones you watch?",
        "set a time you can keep on a busy weekend, and a way to notice questions left waiting?",
        "give members a reason and a place to answer each other?",
        "plan to check your numbers by reading some of the questions yourself?",
    ),
)
