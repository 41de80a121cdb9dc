"""Numbers glued into book/content.md."""

from __future__ import annotations

from sevencs import content as ct
from sevencs.cells import number_at
from sevencs.datasets import NURSERY, load_karate_club, load_network, load_posts

#: The chance p used for the page's single cascades and averages (an assumption, not a measurement).
CASCADE_P = 0.1
CASCADE_RUNS = 200


def numbers() -> dict[str, object]:
    posts = load_posts()
    graph = load_network()
    karate = load_karate_club()
    types = ct.rates_by_type(posts).set_index("type")
    mix = ct.content_mix(posts)
    plan = ct.simulate_mix(posts, 0.2, 15)
    now = ct.simulate_mix(posts, float(mix["promotional"]), 15)
    one = ct.simulate_cascade(graph, NURSERY, CASCADE_P, seed=0)
    values = {
        "posts": len(posts),
        "promo_posts": int(number_at(types, "promotional", "posts")),
        "promo_share": float(mix["promotional"]),
        "amplification_all": float(ct.amplification_rate(posts)),
        "er_reach": float(ct.engagement_rate(posts, "reach")),
        "er_impressions": float(ct.engagement_rate(posts, "impressions")),
        "er_followers": float(ct.engagement_rate(posts, "followers")),
        "er_reach_per_post": float(ct.engagement_rate(posts, "reach", average="post")),
        "followers_min": int(posts["followers"].min()),
        "followers_max": int(posts["followers"].max()),
        "reach_median": float(posts["reach"].median()),
        "reach_share": float((posts["reach"] / posts["followers"]).median()),
        "distance_8020": ct.mix_distance(posts, "80/20"),
        "distance_411": ct.mix_distance(posts, "4-1-1"),
        "distance_thirds": ct.mix_distance(posts, "thirds"),
        "plan_shares": float(plan["shares"]),
        "plan_engagements": float(plan["engagements"]),
        "now_shares": float(now["shares"]),
        "now_engagements": float(now["engagements"]),
        "nursery_friends": graph.degree(NURSERY),
        "accounts": graph.number_of_nodes(),
        "cascade_p": CASCADE_P,
        "cascade_runs": CASCADE_RUNS,
        "cascade_one": int(one["reached"].iloc[-1]) - 1,
        "cascade_steps": int(one["step"].iloc[-1]),
        "threshold": float(ct.cascade_threshold(graph)),
        "karate_members": karate.number_of_nodes(),
        "karate_threshold": float(ct.cascade_threshold(karate)),
    }
    for kind in types.index:
        key = kind.replace("-", "")
        values[f"amp_{key}"] = number_at(types, kind, "amplification_rate")
        values[f"er_{key}"] = number_at(types, kind, "engagement_rate")
        values[f"share_{key}"] = float(mix[kind])
    for name, g, start in (("nursery", graph, NURSERY), ("karate", karate, 0)):
        n = g.number_of_nodes()
        for p in (0.05, 0.1, 0.2):
            values[f"{name}_avg_{round(p * 100):02d}"] = ct.average_cascade(g, [start], p, CASCADE_RUNS) / n
    values.update(_time_budget())
    return values


def _time_budget() -> dict[str, object]:
    """The worked time budget of the In practice section: the nursery's week, one sitting per
    piece against one batch session."""
    week = ct.NURSERY_WEEK
    plural = {"story": "stories"}
    parts = [f"{n} {kind if n == 1 else plural.get(kind, kind + 's')}" for kind, n in week.items()]
    one_each = ct.content_hours(week)
    batched = ct.content_hours(week, sessions=1)
    values: dict[str, object] = {
        "week_plan": ", ".join(parts[:-1]) + " and " + parts[-1],
        "week_pieces": sum(week.values()),
        "setup_minutes": ct.SETUP_MINUTES,
        "making_hours": float(ct.time_budget(week)["minutes"].sum()) / 60,
        "hours_one_each": one_each,
        "hours_batched": batched,
        "hours_saved": one_each - batched,
    }
    for kind, minutes in ct.FORMAT_MINUTES.items():
        values[f"minutes_{kind.replace(' ', '_')}"] = minutes
    return values
