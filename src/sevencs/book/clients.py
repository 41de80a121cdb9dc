"""Numbers glued into book/clients.md."""

from __future__ import annotations

from typing import cast

import pandas as pd

from sevencs import clients as cl
from sevencs.cells import number_at
from sevencs.datasets import load_leads, load_posts, load_sales, load_survey
from sevencs.datasets.generate import BASS

# The page's lifetime-value example (the exercise uses other numbers).
CLV_MARGIN, CLV_RETENTION, CLV_DISCOUNT = 20, 0.6, 0.1


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
    }
