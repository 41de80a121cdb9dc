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

How the posts are made
----------------------
Twelve months of posts (November 2025 to October 2026), three to four a week,
of four types: promotional, how-to, question and story. Reach follows the
follower count, the season (spring is the busy time for a nursery) and the
post type, times log-normal noise, so a few posts travel far and most do not.
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

FIRST_NAMES = """
aisha alex amara amir ana anika ben bea cai carla chen chloe dan dara dev
eli ella emeka erin esme fatima felix finn gia grace hana harry ines isla
ivan jade jamal jon june kai kamal kate kemi lars lea leon lila luca lucy
malik maria mateo maya mei milo nadia nia noah nora olu omar oscar paz
pia priya quinn rafa ravi rhea rosa ruth sam sana sara sean sofia tariq
tess theo uma vera wen will xena yara yusuf zara zoe
""".split()

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
            for b in group[i + 1:]:
                p = min(1.0, base * a.sociability * b.sociability / mean_soc**2)
                if draw.chance(p):
                    edges.add(tuple(sorted((a.account, b.account))))
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
SEASON = {1: 0.55, 2: 0.7, 3: 1.15, 4: 1.5, 5: 1.55, 6: 1.2, 7: 0.95,
          8: 0.85, 9: 1.0, 10: 0.95, 11: 0.7, 12: 0.9}

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

PRODUCTS = ["lawn feed", "seed potatoes", "patio roses", "bedding plants", "compost",
            "herb plants", "spring bulbs", "fruit trees", "wreaths", "hanging baskets",
            "terracotta pots", "bird feeders"]

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


def posts_table(seed: int = SEED, people: list[str] | None = None, followers: int = 48) -> list[dict]:
    """Posts of the year; ``followers`` is the follower count at the end of it."""
    draw = Draw(seed + 1)
    names = people or FIRST_NAMES
    types = list(TYPE_MODEL)
    shares = [TYPE_MODEL[t][0] for t in types]
    rows = []
    day = START
    followers_start, followers_end = round(0.7 * followers), followers
    total_days = (END - START).days
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
            followers = followers_start + (followers_end - followers_start) * (day - START).days / total_days
            # Reach counts accounts that saw the post: followers plus their friends
            # when it is shared, so it is several times the follower count.
            expected = followers * 4.0 * SEASON[day.month] * reach_f
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
    followers = sum(NURSERY in (row["source"], row["target"]) for row in edges)
    tables = {
        "network_nodes.csv": nodes,
        "network_edges.csv": edges,
        "posts.csv": posts_table(seed, people, followers),
    }
    written = []
    for name, rows in tables.items():
        _write_csv(directory / name, rows)
        written.append(directory / name)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(f"wrote {path}")
