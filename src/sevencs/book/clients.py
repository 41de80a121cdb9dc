"""Numbers glued into book/clients.md."""

from __future__ import annotations

from typing import cast

import pandas as pd

from sevencs import clients as cl
from sevencs.cells import number_at
from sevencs.datasets import NURSERY, load_comments, load_leads, load_posts, load_questions, load_sales, load_survey
from sevencs.datasets.generate import BASS

# The page's lifetime-value example (the exercise uses other numbers).
CLV_MARGIN, CLV_RETENTION, CLV_DISCOUNT = 20, 0.6, 0.1

# The page's cost example: what an hour of Dana's time is worth (what she would pay a part-time
# helper), the minutes each piece of work takes her, and the boosts she pays for in a year.
HOUR_VALUE = 15.0
MINUTES = {"post": 20, "reply": 3, "message": 5}
BOOSTS_PER_YEAR = 8


def in_practice() -> dict[str, object]:
    """The numbers of the chapter's "In practice" part: the spring campaign's tagged links, and the cost side."""
    landings = cl.spring_landing_pages()
    untagged = int(number_at(cl.tally_visits(landings, "campaign").set_index("campaign"), cl.NO_TAG, "visits"))
    sales = load_sales()
    basket = float(sales.loc[sales["source"] == "social", "amount"].mean())
    out: dict[str, object] = {
        "spring_visits": len(landings),
        "spring_untagged": untagged,
        "spring_untagged_share": untagged / len(landings),
        "basket": basket,
        "hour_value": HOUR_VALUE,
    }
    costs = {(r["source"], r["medium"]): r for r in cl.campaign_costs(cl.SPRING_LINKS, HOUR_VALUE).to_dict("records")}
    per_code: dict[str, float] = {}
    per_visit: dict[str, float] = {}
    for key, (source, medium) in {
        "boost": ("facebook", "paid_social"),
        "fbpost": ("facebook", "social"),
        "email": ("newsletter", "email"),
        "insta": ("instagram", "social"),
        "gbp": ("google", "organic"),
    }.items():
        link = costs[(source, medium)]
        per_code[key], per_visit[key] = float(link["per_code"]), float(link["per_visit"])
        out |= {
            f"{key}_visits": int(link["visits"]),
            f"{key}_minutes": int(link["minutes"]),
            f"{key}_spend": float(link["spend"]),
            f"{key}_cost": float(link["cost"]),
            f"{key}_per_visit": per_visit[key],
            f"{key}_codes": int(link["codes_used"]),
            f"{key}_code": str(link["code"]),
            f"{key}_takings": int(link["codes_used"]) * basket,
        }
    out["boost_vs_organic"] = per_visit["boost"] / per_visit["fbpost"]
    out["boost_per_code"] = per_code["boost"]
    out["email_per_code"] = per_code["email"]
    flyer = next(url for url, _ in cl.SPRING_OTHER_VISITS if "utm_" in url)
    out["flyer_visits"] = next(n for url, n in cl.SPRING_OTHER_VISITS if url == flyer)
    out["flyer_source"] = str(cl.read_tags(flyer)["source"])

    posts = len(load_posts())
    comments, questions = load_comments(), load_questions()
    replies = int((comments["author"] == NURSERY).sum())
    messages = int(((questions["channel"] == "message") & (questions["first_reply_by"] == NURSERY)).sum())
    hours = (posts * MINUTES["post"] + replies * MINUTES["reply"] + messages * MINUTES["message"]) / 60
    spend = BOOSTS_PER_YEAR * float(costs[("facebook", "paid_social")]["spend"])
    year = cl.marketing_cost(hours, HOUR_VALUE, spend)
    roi = cl.social_roi(load_posts(), load_leads(), sales, load_survey(), cost=float(year["total"]))
    out |= {
        "year_posts": posts,
        "year_replies": replies,
        "year_messages": messages,
        "minutes_post": MINUTES["post"],
        "minutes_reply": MINUTES["reply"],
        "minutes_message": MINUTES["message"],
        "year_hours": hours,
        "year_hours_week": hours / 52,
        "year_time_cost": float(year["time"]),
        "boosts_per_year": BOOSTS_PER_YEAR,
        "year_spend": spend,
        "year_cost": float(year["total"]),
        "year_time_share": float(year["time"] / year["total"]),
        "year_return_on_cost": float(roi["value"].iloc[-1]),
    }
    # Sultan, Farley and Lehmann's averages are per year: the share of a market adopted in a
    # year at that pace, next to the share the nursery's data (made with them per month) reach in twelve months
    out["sultan_share_year"] = float(cl.bass_cumulative(1, BASS["p"], BASS["q"]))
    out["sultan_share_12_periods"] = float(cl.bass_cumulative(12, BASS["p"], BASS["q"]))
    return out


def _by_source(leads, source: str) -> dict[str, float]:
    mine = leads[leads["source"] == source]
    return {
        "conv_client": float(cl.conversion(mine, "conversation", "client")),
        "connection_client": float(cl.conversion(mine, "connection", "client")),
        "clients": int((mine["stage"] == "client").sum()),
        "leads": len(mine),
    }


def numbers() -> dict[str, object]:
    leads, sales, survey, posts = load_leads(), load_sales(), load_survey(), load_posts()
    table = cl.funnel(leads).set_index("stage")
    social = _by_source(leads, "social")
    mouth = _by_source(leads, "word of mouth")
    groups = cl.promoter_groups(survey)
    nps_by = survey.groupby("source")["score"].apply(cl.net_promoter_score)
    answers_by = survey.groupby("source").size()
    model = cl.bass_diffusion(BASS["p"], BASS["q"], BASS["m"], 12)
    peak = model.loc[[model["new_adopters"].idxmax()]].iloc[0]
    monthly = cl.monthly_new_clients(leads, "social")
    fit = cl.fit_bass(monthly)
    roi = cl.social_roi(posts, leads, sales, survey).set_index("measure")["value"]
    smallest = str(answers_by.idxmin())
    return {
        "leads": len(leads),
        "reached_conversation": int(number_at(table, "conversation", "reached")),
        "reached_relationship": int(number_at(table, "relationship", "reached")),
        "clients": int(number_at(table, "client", "reached")),
        "conv_connection_conversation": number_at(table, "conversation", "conversion"),
        "conv_conversation_relationship": number_at(table, "relationship", "conversion"),
        "conv_relationship_client": number_at(table, "client", "conversion"),
        "connection_client": number_at(table, "client", "of_connections"),
        "social_leads": social["leads"],
        "social_clients": social["clients"],
        "social_not_yet": social["leads"] - social["clients"],
        "social_conv_client": social["conv_client"],
        "social_connection_client": social["connection_client"],
        "mouth_leads": mouth["leads"],
        "mouth_clients": mouth["clients"],
        "mouth_conv_client": mouth["conv_client"],
        "mouth_connection_client": mouth["connection_client"],
        "responses": int(groups["responses"]),
        "promoters": int(groups["promoters"]),
        "passives": int(groups["passives"]),
        "detractors": int(groups["detractors"]),
        "nps": cl.net_promoter_score(survey),
        "nps_social": float(nps_by["social"]),
        "nps_mouth": float(nps_by["word of mouth"]),
        "answers_social": int(answers_by["social"]),
        "answers_mouth": int(answers_by["word of mouth"]),
        "smallest_source": smallest,
        "smallest_answers": int(answers_by[smallest]),
        "smallest_nps": float(nps_by[smallest]),
        "clv_margin": CLV_MARGIN,
        "clv_retention": CLV_RETENTION,
        "clv_discount": CLV_DISCOUNT,
        "clv": cl.customer_lifetime_value(CLV_MARGIN, CLV_RETENTION, CLV_DISCOUNT),
        "clv_gl": cl.customer_lifetime_value(CLV_MARGIN, CLV_RETENTION, CLV_DISCOUNT, first_margin=False),
        "clv_retention_high": cl.customer_lifetime_value(CLV_MARGIN, 0.8, CLV_DISCOUNT),
        "clv_undiscounted": CLV_MARGIN / (1 - CLV_RETENTION),
        "bass_p": BASS["p"],
        "bass_q": BASS["q"],
        "bass_m": BASS["m"],
        "model_peak_period": int(peak["period"]),
        "model_peak_new": float(peak["new_adopters"]),
        "model_first_innovation": float(model["from_innovation"].iloc[0]),
        "model_first_new": float(model["new_adopters"].iloc[0]),
        "model_imitation_share": float(model["from_imitation"].sum() / model["cumulative"].iloc[-1]),
        "model_adopted_12": float(model["cumulative"].iloc[-1]),
        "social_monthly_total": int(monthly.sum()),
        "social_peak_month": cast(pd.Period, monthly.idxmax()).strftime("%B %Y"),  # a month of a PeriodIndex
        "social_peak_clients": int(monthly.max()),
        "fit_p": fit.p,
        "fit_q": fit.q,
        "fit_m": fit.market,
        "fit_r2": fit.r_squared,
        "impressions": float(roi["impressions (times posts were shown)"]),
        "mean_reach": float(roi["mean reach per post"]),
        "followers": int(roi["followers at the last post"]),
        "mouth_share_clients": float(roi["share of all clients who came by word of mouth"]),
        "social_sales": float(roi["sales to clients from social"]),
        "social_purchases": int((sales["source"] == "social").sum()),
        **in_practice(),
    }
