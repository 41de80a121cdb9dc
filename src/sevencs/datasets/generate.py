"""The seeded generator behind the sample business, Fernleaf Nursery.

Everything in :mod:`sevencs.datasets` comes from this file. The data are
synthetic: no real person's account is in them. Run it to rebuild the shipped
files (a test checks that the shipped files are exactly what it produces)::

    python -m sevencs.datasets.generate

How the follower network is made
--------------------------------
The town has friend *circles*: neighbourhoods, clubs, school gates, trades.
Each person belongs to one circle, some to two or three, and a handful of
*connectors* (the café owner, the market organiser, the school secretary...)
to four to six. Friendships form mostly inside circles, with a probability
that grows with both people's *sociability*, a number drawn from a Pareto
distribution (shape 2.3), so a few people have many friends and most have a
few: a heavy-tailed degree distribution. A small number of friendships cross
circles at random (weak ties). Circles overlap because members are shared,
which is exactly why "10 friends of 10 friends" is rarely 100 people.

The network is a map of one corner of the town, not of everyone the nursery
meets online: the accounts in the friend circles the nursery touches, and the
two-way friendships between them. The nursery's friends on the map are the
people it knows and follows back. Its *followers* are more: people who follow
the page one way, most of whom are not on the map (:data:`FOLLOWERS`).

How the posts are made
----------------------
Twelve months of posts (November 2025 to October 2026), three to four a week,
of four types: promotional, how-to, question and story. Post reach is a
fraction of the follower count (:data:`REACH_SHARE`; platforms show a post
to only some of an account's followers), moved by the season (spring is the
busy time for a nursery) and the post type, times log-normal noise, so a few
posts travel far and most do not.
Likes, comments and shares are drawn per post from type-specific rates:
questions draw comments, how-to posts get shared, promotions get little of
either. The mix leans promotional on purpose: the nursery is the course's
"before" picture.

Only :mod:`random` is used (with its ``random()`` method as the single source of
randomness), so the output is identical across Python, numpy and networkx
versions.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from dataclasses import dataclass
from pathlib import Path

from sevencs.datasets import NURSERY

SEED = 7
DATA_DIR = Path(__file__).parent / "data"

FIRST_NAMES = [
    "aisha",
    "alex",
    "amara",
    "amir",
    "ana",
    "anika",
    "ben",
    "bea",
    "cai",
    "carla",
    "chen",
    "chloe",
    "dan",
    "dara",
    "dev",
    "eli",
    "ella",
    "emeka",
    "erin",
    "esme",
    "fatima",
    "felix",
    "finn",
    "gia",
    "grace",
    "hana",
    "harry",
    "ines",
    "isla",
    "ivan",
    "jade",
    "jamal",
    "jon",
    "june",
    "kai",
    "kamal",
    "kate",
    "kemi",
    "lars",
    "lea",
    "leon",
    "lila",
    "luca",
    "lucy",
    "malik",
    "maria",
    "mateo",
    "maya",
    "mei",
    "milo",
    "nadia",
    "nia",
    "noah",
    "nora",
    "olu",
    "omar",
    "oscar",
    "paz",
    "pia",
    "priya",
    "quinn",
    "rafa",
    "ravi",
    "rhea",
    "rosa",
    "ruth",
    "sam",
    "sana",
    "sara",
    "sean",
    "sofia",
    "tariq",
    "tess",
    "theo",
    "uma",
    "vera",
    "wen",
    "will",
    "xena",
    "yara",
    "yusuf",
    "zara",
    "zoe",
]

LAST_INITIALS = "abcdefghijklmnoprstuvwy"

# (name, kind, size). Kind is only for the reader of the data dictionary.
CIRCLES = [
    ("Millbrook neighbours", "neighbourhood", 46),
    ("Riverside neighbours", "neighbourhood", 42),
    ("Old Town neighbours", "neighbourhood", 38),
    ("Hillcrest neighbours", "neighbourhood", 34),
    ("Allotment society", "interest", 30),
    ("Garden club", "interest", 26),
    ("Beekeepers", "interest", 14),
    ("Bird watchers", "interest", 18),
    ("Running club", "interest", 28),
    ("Community choir", "interest", 24),
    ("Book club", "interest", 12),
    ("Dog walkers", "interest", 22),
    ("Primary school parents", "school", 40),
    ("Youth football parents", "school", 26),
    ("Farmers' market traders", "trade", 20),
    ("Landscape gardeners", "trade", 16),
    ("Small business network", "trade", 22),
    ("Church volunteers", "faith", 20),
    ("Craft makers", "interest", 16),
    ("Cycling group", "interest", 18),
]

# People who sit in many circles: the bridges of the town.
CONNECTORS = [
    ("cafe_owner", 5),
    ("market_organiser", 5),
    ("school_secretary", 4),
    ("local_reporter", 6),
    ("vet_practice", 4),
    ("librarian", 4),
]

# The circles the nursery starts in: the owner's own life and her target market.
NURSERY_CIRCLES = {
    "Millbrook neighbours": 8,
    "Allotment society": 10,
    "Garden club": 9,
    "Landscape gardeners": 6,
    "Primary school parents": 5,
    "Small business network": 6,
    "Farmers' market traders": 4,
}

POST_TYPES = ("promotional", "how-to", "question", "story")

#: The page's followers on the first and the last day of the sample year: a small
#: town nursery's page, most of whose followers are not on the network map.
FOLLOWERS = (840, 1200)
#: The share of followers a typical post reaches before season and type move it.
REACH_SHARE = 0.14


# --- randomness from random() only ------------------------------------------------


class Draw:
    """Distributions built on ``random.Random.random()`` alone (stable across versions)."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)

    def uniform(self) -> float:
        return self._rng.random()

    def chance(self, p: float) -> bool:
        return self._rng.random() < p

    def integer(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        return low + int(self._rng.random() * (high - low + 1))

    def pick(self, items):
        return items[int(self._rng.random() * len(items))]

    def shuffled(self, items) -> list:
        out = list(items)
        for i in range(len(out) - 1, 0, -1):
            j = int(self._rng.random() * (i + 1))
            out[i], out[j] = out[j], out[i]
        return out

    def sample(self, items, k: int) -> list:
        return self.shuffled(items)[:k]

    def normal(self) -> float:
        # Box-Muller; 1 - u keeps the logarithm away from zero.
        u1, u2 = 1.0 - self._rng.random(), self._rng.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def lognormal(self, mu: float, sigma: float) -> float:
        return math.exp(mu + sigma * self.normal())

    def pareto(self, shape: float) -> float:
        return (1.0 - self._rng.random()) ** (-1.0 / shape)

    def poisson(self, lam: float) -> int:
        """Poisson by inversion for small means, normal approximation for large ones."""
        if lam <= 0:
            return 0
        if lam > 60:
            return max(0, round(lam + math.sqrt(lam) * self.normal()))
        u, k, p = self._rng.random(), 0, math.exp(-lam)
        cumulative = p
        while u > cumulative:
            k += 1
            p *= lam / k
            cumulative += p
        return k


# --- the network ---------------------------------------------------------------------


@dataclass
class Person:
    account: str
    circles: list[str]
    sociability: float
    role: str = "person"


def _account_names(draw: Draw, count: int) -> list[str]:
    names = [f"{first}_{last}" for first in FIRST_NAMES for last in LAST_INITIALS]
    return sorted(draw.sample(names, count))


def build_people(draw: Draw) -> list[Person]:
    circle_names = [name for name, _, _ in CIRCLES]
    total = sum(size for _, _, size in CIRCLES)
    names = _account_names(draw, total)
    # Fill each circle with newcomers; about one place in five goes to someone
    # already in another circle, so circles overlap.
    people: dict[str, Person] = {}
    pool = list(names)
    for name, _, size in CIRCLES:
        for _ in range(size):
            if people and draw.chance(0.2):
                person = draw.pick(sorted(people.values(), key=lambda p: p.account))
                if name in person.circles:
                    continue
                person.circles.append(name)
            else:
                account = pool.pop()
                people[account] = Person(account, [name], min(draw.pareto(2.3), 8.0))
    for role, count in CONNECTORS:
        circles = draw.sample(circle_names, count)
        people[role] = Person(role, circles, 1.5 + draw.uniform(), role="connector")
    return sorted(people.values(), key=lambda p: p.account)


def build_edges(draw: Draw, people: list[Person]) -> set[tuple[str, str]]:
    edges: set[tuple[str, str]] = set()
    members: dict[str, list[Person]] = {}
    for person in people:
        for circle in person.circles:
            members.setdefault(circle, []).append(person)
    mean_soc = sum(p.sociability for p in people) / len(people)
    for circle, _, _ in CIRCLES:
        group = members.get(circle, [])
        size = len(group)
        # about five friends inside a circle for someone of average sociability
        base = 5.0 / max(size - 1, 1)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                p = min(1.0, base * a.sociability * b.sociability / mean_soc**2)
                if draw.chance(p):
                    first, second = sorted((a.account, b.account))
                    edges.add((first, second))
    # weak ties: a few friendships across the whole town
    accounts = [p.account for p in people]
    for person in people:
        for _ in range(draw.poisson(0.4)):
            other = draw.pick(accounts)
            if other != person.account:
                edges.add(tuple(sorted((person.account, other))))
    return edges


def nursery_edges(draw: Draw, people: list[Person]) -> set[tuple[str, str]]:
    edges = set()
    for circle, count in NURSERY_CIRCLES.items():
        group = sorted(p.account for p in people if circle in p.circles)
        for account in draw.sample(group, count):
            edges.add(tuple(sorted((NURSERY, account))))
    return edges


def layout(draw: Draw, people: list[Person]) -> dict[str, tuple[float, float]]:
    """Circles sit on a ring; members near their circles' centres, so bridges land between."""
    centres = {}
    for i, (circle, _, _) in enumerate(CIRCLES):
        angle = 2 * math.pi * i / len(CIRCLES)
        centres[circle] = (math.cos(angle), math.sin(angle))
    pos = {}
    for person in people:
        xs = [centres[c][0] for c in person.circles]
        ys = [centres[c][1] for c in person.circles]
        spread = 0.07 if len(person.circles) == 1 else 0.03
        pos[person.account] = (
            round(sum(xs) / len(xs) + spread * draw.normal(), 4),
            round(sum(ys) / len(ys) + spread * draw.normal(), 4),
        )
    pos[NURSERY] = (0.0, 0.0)
    return pos


def network_tables(seed: int = SEED) -> tuple[list[dict], list[dict]]:
    draw = Draw(seed)
    people = build_people(draw)
    edges = build_edges(draw, people) | nursery_edges(draw, people)
    pos = layout(draw, people)
    nodes = [
        {
            "account": NURSERY,
            "kind": "business",
            "circles": "",
            "x": pos[NURSERY][0],
            "y": pos[NURSERY][1],
        }
    ]
    for person in people:
        nodes.append(
            {
                "account": person.account,
                "kind": person.role,
                "circles": ";".join(person.circles),
                "x": pos[person.account][0],
                "y": pos[person.account][1],
            }
        )
    edge_rows = [{"source": a, "target": b} for a, b in sorted(edges)]
    return nodes, edge_rows


# --- the posts -----------------------------------------------------------------------

START = dt.date(2025, 11, 1)
END = dt.date(2026, 10, 31)

# Relative demand for a nursery by month (1 = January).
SEASON = {1: 0.55, 2: 0.7, 3: 1.15, 4: 1.5, 5: 1.55, 6: 1.2, 7: 0.95, 8: 0.85, 9: 1.0, 10: 0.95, 11: 0.7, 12: 0.9}

# type: (share of posts, reach factor, likes per reach, comments per reach, shares per reach)
TYPE_MODEL = {
    "promotional": (0.45, 0.80, 0.030, 0.0025, 0.0015),
    "how-to": (0.22, 1.25, 0.060, 0.0080, 0.0200),
    "question": (0.15, 1.00, 0.040, 0.0300, 0.0030),
    "story": (0.18, 1.10, 0.075, 0.0100, 0.0060),
}

TASKS = {
    1: ["plan a bee-friendly border", "look after houseplants in low light", "choose bare-root roses"],
    2: ["chit seed potatoes", "prune winter shrubs", "start sweet peas indoors"],
    3: ["sow tomatoes on a windowsill", "feed a tired lawn", "divide perennials"],
    4: ["harden off seedlings", "get a greener lawn before summer", "plant a herb pot"],
    5: ["plant out bedding safely", "water less but better", "stake tall flowers"],
    6: ["deadhead for more flowers", "keep pots alive in a heatwave", "train climbing beans"],
    7: ["collect your own seeds", "care for a lawn in dry weeks", "cut flowers that last"],
    8: ["take cuttings from lavender", "plan autumn planting", "save water in the garden"],
    9: ["plant spring bulbs", "sow a wildflower patch", "repair lawn patches"],
    10: ["protect pots from frost", "mulch borders", "plant garlic"],
    11: ["wrap tender plants", "plant bare-root hedging", "make leaf mould"],
    12: ["keep a Christmas tree fresh", "care for a poinsettia", "feed winter birds"],
}

PRODUCTS = [
    "lawn feed",
    "seed potatoes",
    "patio roses",
    "bedding plants",
    "compost",
    "herb plants",
    "spring bulbs",
    "fruit trees",
    "wreaths",
    "hanging baskets",
    "terracotta pots",
    "bird feeders",
]

QUESTIONS = [
    "what is the one plant you could not garden without",
    "which vegetable gave you the best harvest this year",
    "what is your trick for keeping slugs away",
    "sun or shade: what does your garden get most",
    "which flower always makes you smile",
    "what would you like us to run a workshop on",
    "what is growing on your windowsill right now",
    "what gardening job do you put off the longest",
]

STORIES = [
    "Meet {name}, who turned a bare yard into a vegetable patch in one season.",
    "Behind the scenes: our team potting {n} hundred plugs before opening time.",
    "{name} brought us a cutting from her grandmother's rose. It has rooted!",
    "Our first tomato of the year is ripening in the greenhouse.",
    "The school garden club visited today and planted {n} sunflowers.",
    "A robin has moved into the seed-potato shed. We are working around it.",
    "Thank you to {name} for the photos of the wildflower patch you sowed with us.",
]


def _post_text(draw: Draw, kind: str, date: dt.date, names: list[str]) -> str:
    month = date.month
    if kind == "how-to":
        task = draw.pick(TASKS[month])
        steps = draw.integer(3, 10)
        return f"How to {task}: our {steps}-step guide, with the tools you already have."
    if kind == "question":
        return f"Gardeners, {draw.pick(QUESTIONS)}? Tell us in the comments."
    if kind == "story":
        name = draw.pick(names).split("_")[0].title()
        return draw.pick(STORIES).format(name=name, n=draw.integer(2, 9))
    product = draw.pick(PRODUCTS)
    offer = draw.pick(["10% off", "20% off", "two for one on", "new stock of", "last chance for"])
    return f"This week: {offer} {product}. Open daily 9 to 5 on Mill Lane."


def followers_on(day: dt.date) -> float:
    """The nursery's follower count on ``day``: growing steadily from the first to the last of :data:`FOLLOWERS`."""
    first, last = FOLLOWERS
    return first + (last - first) * (day - START).days / (END - START).days


def posts_table(seed: int = SEED, people: list[str] | None = None) -> list[dict]:
    """Posts of the year, with their post reach and engagements."""
    draw = Draw(seed + 1)
    names = people or FIRST_NAMES
    types = list(TYPE_MODEL)
    shares = [TYPE_MODEL[t][0] for t in types]
    rows = []
    day = START
    post_id = 0
    while day <= END:
        # three or four posts a week, rarely on Sundays
        if day.weekday() != 6 and draw.chance(3.5 / 6):
            u, kind = draw.uniform(), types[-1]
            cumulative = 0.0
            for t, s in zip(types, shares):
                cumulative += s
                if u < cumulative:
                    kind = t
                    break
            _, reach_f, like_r, comment_r, share_r = TYPE_MODEL[kind]
            # Post reach counts accounts that saw the post. The platform shows it to a
            # fraction of the followers, more in the busy season and for posts people share.
            expected = followers_on(day) * REACH_SHARE * SEASON[day.month] * reach_f
            reach = max(5, round(expected * draw.lognormal(0.0, 0.55)))
            hour = draw.pick([8, 9, 12, 13, 17, 18, 19, 20])
            minute = draw.pick([0, 5, 15, 20, 30, 40, 45])
            post_id += 1
            rows.append(
                {
                    "post_id": post_id,
                    "date": dt.datetime(day.year, day.month, day.day, hour, minute).isoformat(sep=" "),
                    "type": kind,
                    "text": _post_text(draw, kind, day, names),
                    "reach": reach,
                    "likes": draw.poisson(reach * like_r * draw.lognormal(0.0, 0.35)),
                    "comments": draw.poisson(reach * comment_r * draw.lognormal(0.0, 0.45)),
                    "shares": draw.poisson(reach * share_r * draw.lognormal(0.0, 0.5)),
                }
            )
        day += dt.timedelta(days=1)
    return rows


# --- the community around the posts ---------------------------------------------------
#
# Everything below is drawn from its own stream (seed + 2, seed + 3, ...), so adding a
# table never changes the tables above it.


def _hours(delta: float) -> dt.timedelta:
    return dt.timedelta(minutes=max(1, round(delta * 60)))


def _stamp(moment: dt.datetime) -> str:
    return moment.replace(second=0, microsecond=0).isoformat(sep=" ")


def _audience(nodes: list[dict], edges: list[dict], seed: int) -> tuple[list[str], list[float], set[str]]:
    """Who interacts with the nursery: everyone on the map, its friends most, then their friends.

    Each account gets an *affinity*, drawn from a Pareto distribution, so a few
    people comment, like and message a lot and most rarely do. The nursery's
    friends count three times, friends of friends once and the rest of the map
    a third: the page's followers reach beyond the nursery's own circles. The
    affinities have their own stream, so every table sees the same keen people.
    """
    draw = Draw(seed + 20)
    friends: dict[str, set[str]] = {}
    for row in edges:
        friends.setdefault(row["source"], set()).add(row["target"])
        friends.setdefault(row["target"], set()).add(row["source"])
    own = friends.get(NURSERY, set())
    second = set().union(*(friends[f] for f in own)) - own - {NURSERY}
    rest = {row["account"] for row in nodes} - own - second - {NURSERY}
    accounts = sorted(own) + sorted(second) + sorted(rest)
    closeness = {**dict.fromkeys(own, 3.0), **dict.fromkeys(second, 1.0), **dict.fromkeys(rest, 1 / 3)}
    weights = [closeness[a] * min(draw.pareto(1.6), 12.0) for a in accounts]
    return accounts, weights, own


def _weighted(draw: Draw, items: list, weights: list[float], total: float | None = None):
    target = draw.uniform() * (total if total is not None else sum(weights))
    cumulative = 0.0
    for item, weight in zip(items, weights):
        cumulative += weight
        if target < cumulative:
            return item
    return items[-1]


COMMENT_TEXT = {
    "question": [
        "{thing}, every single year.",
        "Definitely {thing}!",
        "Has to be {thing} for me.",
        "{thing}. My neighbour swears by it too.",
        "Easy: {thing}.",
        "Does anyone know if {thing} will grow in clay soil?",
    ],
    "how-to": [
        "Thanks, this is really helpful!",
        "Saving this for the weekend.",
        "How often should I water them after that?",
        "Does this work in a shady garden?",
        "Tried this last year and it worked a treat.",
        "Can I do this in pots on a balcony?",
        "Great guide, sharing with my sister.",
        "What size pot would you use?",
    ],
    "story": [
        "Lovely!",
        "What a great story.",
        "This made my day.",
        "Beautiful, well done!",
        "Brilliant, we visited last week.",
        "So nice to see.",
    ],
    "promotional": [
        "Do you have any left?",
        "Are you open on Sunday?",
        "Is that for members only?",
        "Too expensive for me, sadly.",
        "Can I order by phone?",
        "Ok.",
    ],
}
THINGS = [
    "tomatoes",
    "sweet peas",
    "courgettes",
    "lavender",
    "basil",
    "runner beans",
    "dahlias",
    "potatoes",
    "strawberries",
    "roses",
    "garlic",
    "sunflowers",
]
BUSINESS_REPLIES = {
    # answers to a comment that asked something, and to one that did not
    "question": [
        "Good question, {name}! Pop in with a photo and we will help you choose.",
        "Yes, {name}, that works. Send us a message if you get stuck.",
        "{name}, it depends on your soil: ask at the till and we will test a sample for free.",
    ],
    "other": [
        "Thanks {name}! Glad it helped.",
        "Thank you {name}, that is lovely to hear.",
        "Great tip, {name}! Pop in and tell us how it goes.",
        "That is the spirit, {name}!",
    ],
}
MEMBER_REPLIES = [
    "I had the same problem, coffee grounds worked for me.",
    "Try a sunny windowsill first.",
    "Mine did fine in a big pot.",
    "Agree! Best ones I have grown.",
    "Ask for Dana, she knows.",
    "Water in the evening, not at noon.",
    "We did that too, worked well.",
]


def comments_table(posts: list[dict], nodes: list[dict], edges: list[dict], seed: int = SEED) -> list[dict]:
    """Every comment under the nursery's posts; a post's ``comments`` is its number of rows here.

    A comment either starts a thread (``reply_to`` empty) or answers an earlier
    comment. The nursery answers about 45% of comments on conversational posts
    and 25% on promotions, less in its busiest months (April and May); other
    members sometimes answer each other.
    """
    draw = Draw(seed + 2)
    accounts, weights, _ = _audience(nodes, edges, seed)
    total = sum(weights)
    rows: list[dict] = []
    comment_id = 0
    for post in posts:
        posted = dt.datetime.fromisoformat(post["date"])
        busy = 0.6 if posted.month in (4, 5) else 1.0
        answer_p = (0.25 if post["type"] == "promotional" else 0.45) * busy
        thread: list[dict] = []
        for _ in range(post["comments"]):
            others = [c for c in thread if c["author"] != NURSERY]
            answered = {c["reply_to"] for c in thread if c["author"] == NURSERY}
            waiting = [c for c in others if c["comment_id"] not in answered and not c["reply_to"]]
            comment_id += 1
            if waiting and draw.chance(answer_p):
                target = waiting[0]
                delay = draw.lognormal(math.log(5.0 / busy), 0.8)
                when = dt.datetime.fromisoformat(target["date"]) + _hours(delay)
                name = target["author"].split("_")[0].title()
                row = {
                    "author": NURSERY,
                    "reply_to": target["comment_id"],
                    "date": _stamp(when),
                    "text": draw.pick(BUSINESS_REPLIES["question" if target["text"].endswith("?") else "other"]).format(
                        name=name
                    ),
                }
            elif others and draw.chance(0.15):
                target = draw.pick(others)
                author = _weighted(draw, accounts, weights, total)
                if author == target["author"]:
                    author = draw.pick(accounts)
                when = dt.datetime.fromisoformat(target["date"]) + _hours(draw.lognormal(math.log(2.0), 0.9))
                row = {
                    "author": author,
                    "reply_to": target["comment_id"],
                    "date": _stamp(when),
                    "text": draw.pick(MEMBER_REPLIES),
                }
            else:
                when = posted + _hours(draw.lognormal(math.log(3.0), 1.0))
                text = draw.pick(COMMENT_TEXT[post["type"]]).format(thing=draw.pick(THINGS))
                row = {
                    "author": _weighted(draw, accounts, weights, total),
                    "reply_to": "",
                    "date": _stamp(when),
                    "text": text[0].upper() + text[1:],
                }
            row = {"comment_id": comment_id, "post_id": post["post_id"], **row}
            thread.append(row)
        rows.extend(thread)
    return [{k: r[k] for k in ("comment_id", "post_id", "date", "author", "reply_to", "text")} for r in rows]


MESSAGE_TEXT = [
    "Hi, do you deliver compost to {place}?",
    "Do you have bare-root apple trees in stock?",
    "What time do you close on Saturday?",
    "Can you recommend a climber for a north wall?",
    "My lemon tree is dropping leaves, what am I doing wrong?",
    "Do you run workshops for children?",
    "Is the car park open during the market?",
    "Could you hold two trays of bedding plants for me?",
    "Do you take back plastic pots for reuse?",
    "Are your plants peat-free?",
]
PLACES = ["Millbrook", "Riverside", "Old Town", "Hillcrest"]


def questions_table(comments: list[dict], nodes: list[dict], edges: list[dict], seed: int = SEED) -> list[dict]:
    """Questions put to the nursery, with when and by whom each was first answered.

    Two channels: questions asked in comments (a thread-starting comment ending
    in "?"; its first reply, by anyone, comes from the comments table) and
    direct messages, which only the nursery can answer. Messages wait longer
    in the busy spring; a few are never answered, more often recent ones.
    """
    draw = Draw(seed + 3)
    accounts, weights, _ = _audience(nodes, edges, seed)
    first_reply: dict[int, dict] = {}
    for c in comments:
        if c["reply_to"] != "":
            first = first_reply.get(c["reply_to"])
            if first is None or c["date"] < first["date"]:
                first_reply[c["reply_to"]] = c
    rows = []
    for c in comments:
        if c["reply_to"] == "" and c["author"] != NURSERY and c["text"].endswith("?"):
            reply = first_reply.get(c["comment_id"])
            rows.append(
                {
                    "asked_at": c["date"],
                    "author": c["author"],
                    "channel": "comment",
                    "comment_id": c["comment_id"],
                    "text": c["text"],
                    "first_reply_at": reply["date"] if reply else "",
                    "first_reply_by": reply["author"] if reply else "",
                }
            )
    day = START
    while day <= END:
        for _ in range(draw.poisson(0.3 * SEASON[day.month])):
            asked = dt.datetime(day.year, day.month, day.day, draw.integer(7, 22), draw.integer(0, 59))
            busy = 2.5 if day.month in (4, 5) else 1.0
            never = 0.05 + (0.25 if (END - day).days < 45 else 0.0)
            text = draw.pick(MESSAGE_TEXT).format(place=draw.pick(PLACES))
            author = _weighted(draw, accounts, weights)
            if draw.chance(never):
                reply_at, reply_by = "", ""
            else:
                reply_at = _stamp(asked + _hours(draw.lognormal(math.log(4.0 * busy), 1.1)))
                reply_by = NURSERY
            rows.append(
                {
                    "asked_at": _stamp(asked),
                    "author": author,
                    "channel": "message",
                    "comment_id": "",
                    "text": text,
                    "first_reply_at": reply_at,
                    "first_reply_by": reply_by,
                }
            )
        day += dt.timedelta(days=1)
    rows.sort(key=lambda r: (r["asked_at"], r["author"]))
    return [{"question_id": i + 1, **r} for i, r in enumerate(rows)]


def interactions_table(
    posts: list[dict],
    comments: list[dict],
    questions: list[dict],
    nodes: list[dict],
    edges: list[dict],
    seed: int = SEED,
) -> list[dict]:
    """One row per interaction between the nursery and a person, in either direction.

    ``kind`` is comment, reply, like, share or message. Comments and replies
    come from the comments table, messages from the questions table; likes and
    shares of the nursery's posts are handed out to people by affinity (a
    post's ``likes`` and ``shares`` are the rows here for that post); and the
    nursery itself likes some people's posts, mostly those of people who talk
    to it, which makes some relationships two-way and leaves others one-way.
    """
    draw = Draw(seed + 4)
    accounts, weights, _ = _audience(nodes, edges, seed)
    total = sum(weights)
    by_id = {c["comment_id"]: c for c in comments}
    rows = []
    for c in comments:
        if c["author"] == NURSERY:
            target = by_id[c["reply_to"]]["author"]
            rows.append(
                {"date": c["date"], "source": NURSERY, "target": target, "kind": "reply", "post_id": c["post_id"]}
            )
        elif c["reply_to"] == "":
            rows.append(
                {
                    "date": c["date"],
                    "source": c["author"],
                    "target": NURSERY,
                    "kind": "comment",
                    "post_id": c["post_id"],
                }
            )
    for q in questions:
        if q["channel"] == "message":
            rows.append(
                {"date": q["asked_at"], "source": q["author"], "target": NURSERY, "kind": "message", "post_id": ""}
            )
            if q["first_reply_at"]:
                rows.append(
                    {
                        "date": q["first_reply_at"],
                        "source": NURSERY,
                        "target": q["author"],
                        "kind": "message",
                        "post_id": "",
                    }
                )
    talkers: dict[str, int] = {}
    for r in rows:
        if r["source"] != NURSERY:
            talkers[r["source"]] = talkers.get(r["source"], 0) + 1
    for post in posts:
        posted = dt.datetime.fromisoformat(post["date"])
        for kind, count in (("like", post["likes"]), ("share", post["shares"])):
            chosen: set[str] = set()
            for _ in range(count):
                account = _weighted(draw, accounts, weights, total)
                while account in chosen:
                    account = draw.pick(accounts)
                chosen.add(account)
                when = posted + _hours(draw.lognormal(math.log(4.0), 1.0))
                rows.append(
                    {
                        "date": _stamp(when),
                        "source": account,
                        "target": NURSERY,
                        "kind": kind,
                        "post_id": post["post_id"],
                    }
                )
    # the nursery's own likes on people's posts: two a week or so
    liked = sorted(talkers)
    day = START
    while day <= END:
        for _ in range(draw.poisson(0.3)):
            account = draw.pick(liked) if draw.chance(0.8) else draw.pick(accounts)
            when = dt.datetime(day.year, day.month, day.day, draw.integer(7, 21), draw.integer(0, 59))
            rows.append({"date": _stamp(when), "source": NURSERY, "target": account, "kind": "like", "post_id": ""})
        day += dt.timedelta(days=1)
    rows.sort(key=lambda r: (r["date"], r["source"], r["target"], r["kind"]))
    return rows


MENTIONS = {
    "positive": [
        "Love the herb plants from Fernleaf Nursery!",
        "Fernleaf staff answered all my questions, so helpful.",
        "Best tomato seedlings in town, thank you Fernleaf.",
        "Fernleaf's pruning guide saved my roses. Brilliant.",
        "Such a friendly welcome at Fernleaf today.",
        "Fernleaf workshop was great fun, the kids loved it.",
        "Proud of our balcony garden, all plants from Fernleaf.",
    ],
    "neutral": [
        "Picked up compost at Fernleaf Nursery today.",
        "Fernleaf is open until 5 on Saturdays.",
        "Anyone know if Fernleaf sells fruit trees?",
        "Heading to Fernleaf for bedding plants.",
        "Fernleaf has moved the seed rack near the till.",
    ],
    "negative": [
        "Queue at Fernleaf was awful, waited 40 minutes.",
        "The roses from Fernleaf died within a week.",
        "Fernleaf had no tomato plants left again.",
        "Disappointed, my order from Fernleaf never arrived.",
        "Fernleaf prices have gone up a lot, not happy.",
    ],
    # what a person would read as negative, though a word-counting tool may not
    "sarcastic": [
        "Great, another dead plant from Fernleaf. Just great.",
        "Love queuing for half an hour at Fernleaf. Fun.",
        "Wonderful, Fernleaf sold out of compost again.",
    ],
}


def mentions_table(nodes: list[dict], edges: list[dict], seed: int = SEED) -> list[dict]:
    """Posts by other people that mention the nursery, with how a person reads each one.

    About three a week, more in spring. Mostly positive; a late-spring rush
    (May) brings a run of complaints about queues and sold-out stock. The
    ``human_label`` column is how a careful human reader would read the text,
    so a sentiment tool can be checked against it (sarcasm included).
    """
    draw = Draw(seed + 5)
    accounts, weights, _ = _audience(nodes, edges, seed)
    rows = []
    day = START
    while day <= END:
        for _ in range(draw.poisson(0.4 * SEASON[day.month])):
            bad = 0.35 if day.month == 5 else 0.12
            u = draw.uniform()
            if u < bad * 0.8:
                kind, label = "negative", "negative"
            elif u < bad:
                kind, label = "sarcastic", "negative"
            elif u < bad + 0.3:
                kind, label = "neutral", "neutral"
            else:
                kind, label = "positive", "positive"
            when = dt.datetime(day.year, day.month, day.day, draw.integer(7, 22), draw.integer(0, 59))
            rows.append(
                {
                    "date": _stamp(when),
                    "author": _weighted(draw, accounts, weights),
                    "text": draw.pick(MENTIONS[kind]),
                    "human_label": label,
                }
            )
        day += dt.timedelta(days=1)
    return [{"mention_id": i + 1, **r} for i, r in enumerate(rows)]


# How new clients arrive, per source. "social" follows the Bass model of
# diffusion (innovation p, imitation q, market m) over the twelve months, so
# its monthly new clients rise and then fall; the others are steady.
BASS = {"p": 0.03, "q": 0.38, "m": 80}
STEADY_CLIENTS = {"word of mouth": 9.0, "walk-in": 14.0, "search": 6.0, "local paper": 3.0}
# Furthest stage reached by a lead that did not become a client, per client.
FUNNEL_EXTRA = {
    "social": (2.4, 1.0, 0.5),
    "word of mouth": (0.6, 0.5, 0.5),
    "walk-in": (1.5, 0.6, 0.2),
    "search": (3.0, 1.0, 0.4),
    "local paper": (4.0, 1.0, 0.3),
}
STAGES = ("connection", "conversation", "relationship", "client")


def _bass_cumulative(t: float, p: float, q: float) -> float:
    e = math.exp(-(p + q) * t)
    return (1 - e) / (1 + (q / p) * e)


def leads_and_sales(seed: int = SEED) -> tuple[list[dict], list[dict]]:
    """Leads (people who entered the nursery's funnel) and the sales they became.

    Each lead has a source and the furthest stage it reached: connection,
    conversation, relationship or client. Clients buy one or more times;
    baskets are log-normal around £30, larger in spring and for people who
    came through word of mouth (they arrive already trusting the nursery).
    """
    draw = Draw(seed + 6)
    months = []
    d = START
    while d <= END:
        months.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    leads: list[dict] = []
    sales: list[dict] = []
    customer = 0
    for index, month in enumerate(months):
        next_month = months[index + 1] if index + 1 < len(months) else END + dt.timedelta(days=1)
        days = (next_month - month).days
        new = {
            "social": draw.poisson(
                BASS["m"]
                * (_bass_cumulative(index + 1, BASS["p"], BASS["q"]) - _bass_cumulative(index, BASS["p"], BASS["q"]))
            )
        }
        for source, rate in STEADY_CLIENTS.items():
            factor = SEASON[month.month] if source == "walk-in" else 1.0
            new[source] = draw.poisson(rate * factor)
        for source, clients in new.items():
            extra = FUNNEL_EXTRA[source]
            stages = ["client"] * clients
            for stage, per_client in zip(STAGES[:3], extra):
                stages += [stage] * draw.poisson(per_client * max(clients, 1))
            for stage in stages:
                customer += 1
                person = f"p{customer:04d}"
                joined = dt.datetime(
                    month.year, month.month, 1 + draw.integer(0, days - 1), draw.integer(8, 19), draw.integer(0, 59)
                )
                leads.append({"date": _stamp(joined), "person": person, "source": source, "stage": stage})
                if stage != "client":
                    continue
                when = joined + dt.timedelta(days=draw.integer(0, 20))
                repeat = draw.poisson(1.6 if source in ("social", "word of mouth") else 0.9)
                for _visit in range(1 + repeat):
                    if when.date() > END:
                        break
                    basket = 30.0 * SEASON[when.month] ** 0.5 * draw.lognormal(0.0, 0.6)
                    if source == "word of mouth":
                        basket *= 1.3
                    sales.append({"date": _stamp(when), "person": person, "source": source, "amount": round(basket, 2)})
                    when = when + dt.timedelta(days=draw.integer(14, 90))
    leads.sort(key=lambda r: (r["date"], r["person"]))
    sales.sort(key=lambda r: (r["date"], r["person"]))
    numbered_leads = [{"lead_id": i + 1, **r} for i, r in enumerate(leads)]
    numbered_sales = [{"sale_id": i + 1, **r} for i, r in enumerate(sales)]
    return numbered_leads, numbered_sales


SURVEY_COMMENTS = {
    "promoter": [
        "Friendly and they know their plants.",
        "Always helpful, I tell all my friends.",
        "Great advice on social media and in the shop.",
        "Lovely place, healthy plants.",
    ],
    "passive": ["Good plants, a bit pricey.", "Fine, but the car park is small.", "Nice, nothing special.", ""],
    "detractor": [
        "Waited too long at the till.",
        "My plants died quickly.",
        "Never answered my message.",
        "Sold out of what I came for.",
    ],
}


def survey_table(sales: list[dict], seed: int = SEED) -> list[dict]:
    """A short customer survey in October 2026: "How likely are you to recommend us?" (0 to 10).

    One in three clients answered. People who came through word of mouth or
    social media score higher on average: they arrived already trusting the
    nursery.
    """
    draw = Draw(seed + 7)
    clients: dict[str, str] = {}
    for s in sales:
        clients.setdefault(s["person"], s["source"])
    rows = []
    for person, source in sorted(clients.items()):
        if not draw.chance(1 / 3):
            continue
        lift = {"word of mouth": 1.0, "social": 0.6}.get(source, 0.0)
        score = max(0, min(10, round(7.4 + lift + 1.9 * draw.normal())))
        group = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
        when = dt.datetime(2026, 10, draw.integer(1, 31), draw.integer(8, 20), draw.integer(0, 59))
        rows.append(
            {
                "date": _stamp(when),
                "person": person,
                "source": source,
                "score": score,
                "comment": draw.pick(SURVEY_COMMENTS[group]),
            }
        )
    rows.sort(key=lambda r: (r["date"], r["person"]))
    return [{"response_id": i + 1, **r} for i, r in enumerate(rows)]


GROUP_START = dt.date(2025, 12, 1)
#: Everyone who will ever join Fernleaf Growers: the keen gardeners among the page's followers.
GROUP_MARKET = 190


def group_activity_table(nodes: list[dict], edges: list[dict], seed: int = SEED) -> list[dict]:
    """Monthly activity in "Fernleaf Growers", the nursery's online group, from December 2025.

    One row per member per month since they joined, zeros included, so a quiet
    month is visible. Joining follows an S-curve: slow, then fast, then
    levelling off as the town's gardeners run out. Each member has a habit:
    most only read (lurkers), some comment, a few start posts. Activity fades
    with months since joining, faster for lurkers.
    """
    draw = Draw(seed + 8)
    accounts, weights, _ = _audience(nodes, edges, seed)
    order: list[str] = []
    pool = list(zip(accounts, weights))
    while pool and len(order) < GROUP_MARKET:
        total = sum(w for _, w in pool)
        target, cumulative = draw.uniform() * total, 0.0
        for i, (a, w) in enumerate(pool):
            cumulative += w
            if target < cumulative:
                order.append(a)
                pool.pop(i)
                break
    months = []
    d = GROUP_START
    while d <= END:
        months.append(d)
        d = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    # logistic joining: cumulative members by the end of month k
    market, rate, midpoint = GROUP_MARKET, 0.75, 4.5
    members_by = [round(market / (1 + math.exp(-rate * (k + 1 - midpoint)))) for k in range(len(months))]
    joined_at: dict[str, int] = {}
    start = 0
    for k, upto in enumerate(members_by):
        for account in order[start:upto]:
            joined_at[account] = k
        start = max(start, upto)
    rows = []
    for account in order:
        if account not in joined_at:
            continue
        u = draw.uniform()
        habit = "creator" if u < 0.04 else "contributor" if u < 0.24 else "lurker"
        means = {"creator": (1.2, 3.0, 6.0), "contributor": (0.0, 1.5, 4.0), "lurker": (0.0, 0.0, 0.8)}[habit]
        k0 = joined_at[account]
        for k in range(k0, len(months)):
            age = k - k0
            stay = 0.9**age if habit != "lurker" else 0.75**age
            active = draw.chance(0.35 + 0.6 * stay)
            counts = [draw.poisson(m * stay) if active else 0 for m in means]
            rows.append(
                {
                    "account": account,
                    "month": f"{months[k]:%Y-%m}",
                    "joined": f"{months[k0]:%Y-%m}",
                    "posts": counts[0],
                    "comments": counts[1],
                    "reactions": counts[2],
                }
            )
    rows.sort(key=lambda r: (r["month"], r["account"]))
    return rows


PEERS = {
    # account: (share of posts that sell, posts per week)
    "millbrook_bakery": (0.25, 3.0),
    "old_town_bikes": (0.85, 2.5),
    "riverside_florist": (0.45, 2.0),
    "hillcrest_cafe": (0.15, 3.5),
}
PEER_TEXT = {
    "promotional": [
        "Buy one get one free on {item} this week!",
        "Sale: 20% off all {item} until Sunday.",
        "New {item} just in. Order now, limited stock.",
        "Last chance to buy {item} at this price.",
    ],
    "conversational": [
        "What is your favourite {item}? Tell us below!",
        "Which {item} should we make next week?",
        "We want your ideas: how would you improve our {item}?",
        "Guess how many {item} we sold today?",
    ],
    "informational": [
        "How we make our {item}, step by step.",
        "Closed Monday for a staff training day.",
        "Three tips for looking after your {item} at home.",
        "Meet Sam, who has made our {item} for ten years.",
    ],
}
PEER_ITEMS = {
    "millbrook_bakery": ["sourdough", "cinnamon buns", "cakes"],
    "old_town_bikes": ["e-bikes", "helmets", "bike lights"],
    "riverside_florist": ["bouquets", "house plants", "wreaths"],
    "hillcrest_cafe": ["flat whites", "scones", "soups"],
}


def peer_posts_table(seed: int = SEED) -> list[dict]:
    """Three months of posts by four other local businesses (August to October 2026).

    There is no ``type`` column on purpose: the Conversation chapter classifies
    the texts. Posts that ask something draw comments; sales posts draw few.
    """
    draw = Draw(seed + 9)
    rows = []
    for account, (sell_share, per_week) in PEERS.items():
        day = dt.date(2026, 8, 1)
        while day <= END:
            if draw.chance(per_week / 7):
                u = draw.uniform()
                kind = (
                    "promotional"
                    if u < sell_share
                    else "conversational"
                    if u < sell_share + (1 - sell_share) / 2
                    else "informational"
                )
                reach = max(10, round(180 * draw.lognormal(0.0, 0.5)))
                comment_rate = {"promotional": 0.003, "conversational": 0.05, "informational": 0.012}[kind]
                when = dt.datetime(day.year, day.month, day.day, draw.integer(7, 20), draw.pick([0, 15, 30, 45]))
                rows.append(
                    {
                        "account": account,
                        "date": _stamp(when),
                        "text": draw.pick(PEER_TEXT[kind]).format(item=draw.pick(PEER_ITEMS[account])),
                        "reach": reach,
                        "likes": draw.poisson(reach * 0.05),
                        "comments": draw.poisson(reach * comment_rate),
                        "shares": draw.poisson(reach * 0.006),
                    }
                )
            day += dt.timedelta(days=1)
    rows.sort(key=lambda r: (r["date"], r["account"]))
    return [{"post_id": i + 1, **r} for i, r in enumerate(rows)]


def add_followers_and_impressions(posts: list[dict], seed: int = SEED) -> list[dict]:
    """Add the follower count on the day of each post and its impressions (views, repeats counted).

    Impressions count every time a post was shown, so they are at least the
    reach: on average about 1.5 views per account that saw it.
    """
    draw = Draw(seed + 10)
    out = []
    for post in posts:
        count = round(followers_on(dt.date.fromisoformat(post["date"][:10])))
        impressions = round(post["reach"] * (1.2 + 0.6 * draw.uniform()))
        row = dict(post)
        row["followers"] = count
        row["impressions"] = impressions
        out.append(row)
    return out


# --- writing -------------------------------------------------------------------------


def _write_csv(path: Path, rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_all(directory: Path = DATA_DIR, seed: int = SEED) -> list[Path]:
    """Generate every table and write it as CSV into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    nodes, edges = network_tables(seed)
    people = [row["account"] for row in nodes if row["kind"] == "person"]
    posts = posts_table(seed, people)
    comments = comments_table(posts, nodes, edges, seed)
    questions = questions_table(comments, nodes, edges, seed)
    leads, sales = leads_and_sales(seed)
    tables = {
        "network_nodes.csv": nodes,
        "network_edges.csv": edges,
        "posts.csv": add_followers_and_impressions(posts, seed),
        "comments.csv": comments,
        "questions.csv": questions,
        "interactions.csv": interactions_table(posts, comments, questions, nodes, edges, seed),
        "mentions.csv": mentions_table(nodes, edges, seed),
        "leads.csv": leads,
        "sales.csv": sales,
        "survey.csv": survey_table(sales, seed),
        "group_activity.csv": group_activity_table(nodes, edges, seed),
        "peer_posts.csv": peer_posts_table(seed),
    }
    written = []
    for name, rows in tables.items():
        _write_csv(directory / name, rows)
        written.append(directory / name)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path}")
