"""sevencs.clients against hand counts, Bass's closed form, a numerical integration and plain numpy."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sevencs import clients as cl
from sevencs._checks import Undefined
from sevencs.datasets import load_leads, load_posts, load_sales, load_survey
from sevencs.datasets.generate import BASS

# --- the funnel -----------------------------------------------------------------------------

# Ten people by furthest stage: 4 stopped at connection, 3 at conversation, 1 at relationship,
# 2 became clients. Reached: connection 10, conversation 6, relationship 3, client 2.
TEN = ["connection"] * 4 + ["conversation"] * 3 + ["relationship"] + ["client"] * 2


def test_the_funnel_counts_everyone_who_got_at_least_that_far():
    table = cl.funnel(TEN).set_index("stage")
    assert table["reached"].tolist() == [10, 6, 3, 2]
    assert table["furthest"].tolist() == [4, 3, 1, 2]


def test_each_step_reports_its_conversion_with_its_denominator():
    table = cl.funnel(TEN)
    assert table["from_stage"].tolist() == ["", "connection", "conversation", "relationship"]
    assert table["denominator"].tolist()[1:] == [10, 6, 3]
    assert math.isnan(table["conversion"].iloc[0])
    assert table["conversion"].tolist()[1:] == pytest.approx([6 / 10, 3 / 6, 2 / 3])
    assert table["of_connections"].tolist() == pytest.approx([1, 0.6, 0.3, 0.2])


def test_the_funnel_accepts_the_table_a_column_or_counts_of_either_kind():
    frame = pd.DataFrame({"stage": TEN})
    expected = cl.funnel(TEN)
    pd.testing.assert_frame_equal(cl.funnel(frame), expected)
    pd.testing.assert_frame_equal(cl.funnel(frame["stage"]), expected)
    pd.testing.assert_frame_equal(cl.funnel(frame["stage"].value_counts()), expected)
    pd.testing.assert_frame_equal(
        cl.funnel({"connection": 10, "conversation": 6, "relationship": 3, "client": 2}, reached=True), expected
    )


def test_a_stage_nobody_reached_gives_undefined_conversions_after_it():
    table = cl.funnel({"connection": 5})
    assert table["reached"].tolist() == [5, 0, 0, 0]
    assert table["conversion"].iloc[1] == 0
    assert table["conversion"].iloc[2:].isna().all()  # 0 ÷ 0: undefined, not 0
    assert isinstance(cl.conversion({"connection": 5}, "conversation", "client"), Undefined)


def test_conversion_between_any_two_stages():
    assert cl.conversion(TEN, "conversation", "client") == pytest.approx(2 / 6)
    assert cl.conversion(TEN, "connection", "client") == pytest.approx(2 / 10)


def test_the_sample_funnel_matches_a_count_by_hand():
    stage = load_leads()["stage"]
    at_least_conversation = stage.isin(["conversation", "relationship", "client"]).sum()
    assert cl.conversion(load_leads(), "conversation", "client") == pytest.approx(
        (stage == "client").sum() / at_least_conversation
    )


@pytest.mark.parametrize(
    ("stages", "kwargs", "error", "words"),
    [
        (pd.DataFrame({"step": ["client"]}), {}, ValueError, "missing the column 'stage'; expected columns: stage"),
        (pd.DataFrame({"stage": []}), {}, ValueError, "empty"),
        ([], {}, ValueError, "empty"),
        (["connection", "bought"], {}, ValueError, "unknown stage 'bought'"),
        (["connection", None], {}, ValueError, "missing"),
        ({"connection": -1}, {}, ValueError, "negative"),
        ({"connection": float("nan")}, {}, ValueError, "NaN"),
        ({"connection": 2.5}, {}, ValueError, "whole number"),
        ({"client": 5, "connection": 3}, {"reached": True}, ValueError, "cannot grow along the funnel"),
        (TEN, {"reached": True}, ValueError, "reached=True is for counts"),
        ("client", {}, TypeError, "stage. column"),
        (42, {}, TypeError, "stage. column"),
    ],
)
def test_the_funnel_rejects_bad_input_with_a_clear_message(stages, kwargs, error, words):
    with pytest.raises(error, match=words):
        cl.funnel(stages, **kwargs)


def test_conversion_rejects_unknown_or_backward_stages():
    with pytest.raises(ValueError, match="from_stage must be one of"):
        cl.conversion(TEN, "lead", "client")
    with pytest.raises(ValueError, match="must come after"):
        cl.conversion(TEN, "client", "conversation")


# --- Bass diffusion ---------------------------------------------------------------------------


def closed_form(t, p, q):
    """F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p) e^(−(p+q)t)), written out again here."""
    e = np.exp(-(p + q) * np.asarray(t, dtype=float))
    return (1 - e) / (1 + q / p * e)


@pytest.mark.parametrize(("p", "q", "m", "periods"), [(0.03, 0.38, 260, 12), (0.01, 0.5, 1000, 30), (0.2, 0.05, 50, 5)])
def test_cumulative_adopters_follow_bass_closed_form(p, q, m, periods):
    table = cl.bass_diffusion(p, q, m, periods)
    t = np.arange(1, periods + 1)
    assert table["cumulative"].to_numpy() == pytest.approx(m * closed_form(t, p, q))
    assert table["new_adopters"].sum() == pytest.approx(m * closed_form(periods, p, q))
    assert (table["cumulative"] + table["remaining"]).to_numpy() == pytest.approx(np.full(periods, m))


def integrate(p, q, m, periods, steps=4000):
    """Runge–Kutta on dN/dt = (p + qN/m)(m − N), accumulating the two parts separately."""
    n = innovation = imitation = 0.0
    h = 1.0 / steps
    rows = []

    def rates(n):
        return p * (m - n), q * n * (m - n) / m

    for _ in range(periods):
        inn_period = imi_period = 0.0
        for _ in range(steps):
            k = []
            for dn in (0.0, 0.5, 0.5, 1.0):
                x = n + (dn * h * sum(k[-1]) if k else 0.0)
                k.append(rates(x))
            inn = h * (k[0][0] + 2 * k[1][0] + 2 * k[2][0] + k[3][0]) / 6
            imi = h * (k[0][1] + 2 * k[1][1] + 2 * k[2][1] + k[3][1]) / 6
            n += inn + imi
            inn_period += inn
            imi_period += imi
        rows.append((inn_period, imi_period))
        innovation += inn_period
        imitation += imi_period
    return np.array(rows)


def test_innovation_and_imitation_match_a_numerical_integration():
    p, q, m, periods = 0.03, 0.38, 260, 12
    parts = integrate(p, q, m, periods, steps=200)
    table = cl.bass_diffusion(p, q, m, periods)
    assert table["from_innovation"].to_numpy() == pytest.approx(parts[:, 0], rel=1e-4)
    assert table["from_imitation"].to_numpy() == pytest.approx(parts[:, 1], rel=1e-4)


def test_new_adopters_peak_where_the_closed_form_says():
    p, q = 0.03, 0.38
    peak_time = math.log(q / p) / (p + q)  # Bass (1969): t* = ln(q/p) / (p + q)
    table = cl.bass_diffusion(p, q, 260, 24)
    peak_period = int(table.loc[table["new_adopters"].idxmax(), "period"])
    assert peak_period - 1 <= peak_time <= peak_period + 1


def test_without_word_of_mouth_every_adopter_comes_from_advertising():
    table = cl.bass_diffusion(0.1, 0.0, 100, 5)
    assert table["from_imitation"].to_numpy() == pytest.approx(np.zeros(5))
    assert table["cumulative"].to_numpy() == pytest.approx(100 * (1 - np.exp(-0.1 * np.arange(1, 6))))


def test_without_advertising_nobody_starts():
    table = cl.bass_diffusion(0.0, 0.5, 100, 5)
    assert (table["new_adopters"] == 0).all()


@settings(max_examples=40, deadline=None)
@given(
    p=st.floats(0.001, 0.3),
    q=st.floats(0.0, 1.5),
    m=st.floats(1, 1e5),
    periods=st.integers(1, 40),
)
def test_adopters_are_never_negative_and_never_exceed_the_market(p, q, m, periods):
    table = cl.bass_diffusion(p, q, m, periods)
    assert (table[["new_adopters", "from_innovation", "from_imitation"]] >= -1e-9 * m).all().all()
    assert table["cumulative"].iloc[-1] <= m * (1 + 1e-12)


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        ((-0.1, 0.3, 100, 5), ValueError, "p must be at least 0"),
        ((0.03, -0.3, 100, 5), ValueError, "q must be at least 0"),
        ((0.03, 0.3, 0, 5), ValueError, "market must be above 0"),
        ((0.03, 0.3, 100, 0), ValueError, "periods must be at least 1"),
        ((0.03, 0.3, 100, 2.5), ValueError, "periods must be a whole number"),
        ((float("nan"), 0.3, 100, 5), ValueError, "finite"),
        (("0.03", 0.3, 100, 5), TypeError, "p must be a number"),
    ],
)
def test_bass_diffusion_rejects_bad_input(args, error, words):
    with pytest.raises(error, match=words):
        cl.bass_diffusion(*args)


# --- fitting Bass -------------------------------------------------------------------------------


def discrete_bass(p, q, m, periods):
    """Bass's discrete recursion n_t = (p + q N_{t−1}/m)(m − N_{t−1}), written out by hand."""
    total, out = 0.0, []
    for _ in range(periods):
        new = (p + q * total / m) * (m - total)
        out.append(new)
        total += new
    return out


@pytest.mark.parametrize(("p", "q", "m"), [(0.03, 0.38, 260), (0.01, 0.6, 5000), (0.05, 0.2, 80)])
def test_fit_bass_recovers_the_discrete_model_exactly(p, q, m):
    fit = cl.fit_bass(discrete_bass(p, q, m, 15))
    assert (fit.p, fit.q, fit.market) == pytest.approx((p, q, m), rel=1e-6)
    assert fit.r_squared == pytest.approx(1.0)


def test_fit_bass_agrees_with_numpy_polyfit():
    series = np.array([7, 13, 23, 23, 30, 31, 36, 23, 31, 13, 9, 10], dtype=float)
    before = np.concatenate([[0], np.cumsum(series)[:-1]])
    c, b, a = np.polyfit(before, series, 2)
    m = (-b - math.sqrt(b * b - 4 * a * c)) / (2 * c)
    fit = cl.fit_bass(series)
    assert (fit.a, fit.b, fit.c) == pytest.approx((a, b, c))
    assert (fit.market, fit.p, fit.q) == pytest.approx((m, a / m, -c * m))


def test_fit_bass_roughly_recovers_the_continuous_model():
    fit = cl.fit_bass(cl.bass_diffusion(0.03, 0.38, 260, 20)["new_adopters"])
    assert fit.market == pytest.approx(260, rel=0.05)
    assert fit.p == pytest.approx(0.03, abs=0.015)
    assert fit.q == pytest.approx(0.38, abs=0.06)


def test_fit_bass_roughly_recovers_the_process_behind_the_sample_social_clients():
    # the sample data drew monthly new social clients from the Bass model with the generator's p, q and m
    leads = load_leads()
    clients = leads[(leads["source"] == "social") & (leads["stage"] == "client")]
    monthly = clients["date"].dt.to_period("M").value_counts().sort_index()
    assert len(monthly) == 12
    fit = cl.fit_bass(monthly.to_numpy())
    assert fit.market == pytest.approx(BASS["m"], rel=0.15)
    assert fit.p == pytest.approx(BASS["p"], abs=0.02)
    assert fit.q == pytest.approx(BASS["q"], abs=0.1)
    assert cl.monthly_new_clients(leads, "social").tolist() == monthly.tolist()


@pytest.mark.parametrize(
    ("series", "error", "words"),
    [
        ([5, 8, 12], ValueError, "needs at least 4"),
        ([], ValueError, "needs at least 4"),
        ([0, 0, 0, 0, 0], ValueError, "only zeros"),
        ([1, 2, 4, 8, 16, 32], ValueError, "no valid market"),
        ([5, 8, -1, 4, 2], ValueError, "negative count"),
        ([5, 8, float("nan"), 4, 2], ValueError, "NaN"),
        ([5, "8", 3, 4], ValueError, "must hold numbers"),
        (pd.DataFrame({"n": [1, 2, 3, 4]}), TypeError, "one column"),
        ("12345", TypeError, "list or Series"),
    ],
)
def test_fit_bass_rejects_series_it_cannot_fit(series, error, words):
    with pytest.raises(error, match=words):
        cl.fit_bass(series)


def test_a_fit_can_draw_its_own_curve():
    fit = cl.fit_bass(discrete_bass(0.03, 0.38, 260, 12))
    assert len(fit.table()) == 12
    assert fit.peak_time == pytest.approx(math.log(0.38 / 0.03) / 0.41, rel=1e-4)
    assert "q = 0.380" in str(fit)


# --- Net Promoter Score -----------------------------------------------------------------------


def test_nps_counts_promoters_minus_detractors_as_percentage_points():
    # 3 promoters (9, 10, 10), 2 passives (7, 8), 5 detractors (0, 3, 5, 6, 6): (3 − 5) / 10 = −20
    scores = [9, 10, 10, 7, 8, 0, 3, 5, 6, 6]
    assert cl.net_promoter_score(scores) == pytest.approx(-20.0)
    assert cl.promoter_groups(scores).tolist() == [3, 2, 5, 10]


@pytest.mark.parametrize(
    ("scores", "expected"), [([10, 9], 100.0), ([0, 6], -100.0), ([7, 8], 0.0), ([9, 7, 6, 8], 0.0)]
)
def test_nps_edges(scores, expected):
    assert cl.net_promoter_score(scores) == pytest.approx(expected)


def test_nps_of_no_scores_is_undefined_not_zero():
    # an empty survey has no responses to divide by; a score of 0 would claim as many promoters as detractors
    value = cl.net_promoter_score([])
    assert isinstance(value, Undefined) and math.isnan(float(value))
    assert str(value) == "undefined (Net Promoter Score: there are no responses to divide by)"
    assert cl.promoter_groups([]).tolist() == [0, 0, 0, 0]


def test_nps_of_the_survey_matches_a_count_by_hand():
    score = load_survey()["score"]
    expected = 100 * ((score >= 9).mean() - (score <= 6).mean())
    assert cl.net_promoter_score(load_survey()) == pytest.approx(expected)
    assert cl.net_promoter_score(score.to_numpy()) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("scores", "error", "words"),
    [
        ([9, 11], ValueError, "whole numbers from 0 to 10"),
        ([9, -1], ValueError, "whole numbers from 0 to 10"),
        ([9, 7.5], ValueError, "whole numbers from 0 to 10"),
        ([9, float("nan")], ValueError, "missing"),
        ([9, "10"], ValueError, "whole numbers from 0 to 10"),
        (pd.DataFrame({"rating": [9]}), ValueError, "missing the column 'score'; expected columns: score"),
        (pd.DataFrame({"score": []}), ValueError, "empty"),
        (9, TypeError, "column or list"),
    ],
)
def test_nps_rejects_bad_scores(scores, error, words):
    with pytest.raises(error, match=words):
        cl.net_promoter_score(scores)


# --- lifetime value -------------------------------------------------------------------------------


@pytest.mark.parametrize(("m", "r", "d"), [(20, 0.6, 0.1), (24, 0.7, 0.08), (100, 0.9, 0.0), (5, 0.0, 0.2)])
def test_clv_is_the_sum_of_discounted_margins_while_the_client_stays(m, r, d):
    series = sum(m * (r / (1 + d)) ** t for t in range(5000))
    assert cl.customer_lifetime_value(m, r, d) == pytest.approx(series)
    assert cl.customer_lifetime_value(m, r, d, first_margin=False) == pytest.approx(series - m)


def test_clv_hand_example_and_gupta_lehmanns_margin_multiple():
    assert cl.customer_lifetime_value(20, 0.6, 0.1) == pytest.approx(44.0)  # 20 × 1.1 ÷ 0.5
    # Gupta and Lehmann: r = 0.8, i = 0.1 gives a margin multiple of 0.8 / 0.3 = 2.67
    assert cl.customer_lifetime_value(1, 0.8, 0.1, first_margin=False) == pytest.approx(2.6667, rel=1e-4)


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        ((20, 60, 0.1), ValueError, "percentage"),
        ((20, -0.1, 0.1), ValueError, "between 0 and 1"),
        ((20, 0.6, 10), ValueError, "percentage"),
        ((20, 0.6, -0.1), ValueError, "at least 0"),
        ((20, 1.0, 0.0), ValueError, "infinite"),
        ((float("nan"), 0.6, 0.1), TypeError, "margin must be a number"),
        (("20", 0.6, 0.1), TypeError, "margin must be a number"),
    ],
)
def test_clv_rejects_bad_input(args, error, words):
    with pytest.raises(error, match=words):
        cl.customer_lifetime_value(*args)


# --- the return beyond sales ---------------------------------------------------------------------


def test_social_roi_reports_four_kinds_of_return_side_by_side():
    posts, leads, sales, survey = load_posts(), load_leads(), load_sales(), load_survey()
    table = cl.social_roi(posts, leads, sales, survey, cost=1000)
    assert list(table["dimension"].unique()) == ["visibility", "reputation", "referrals", "sales"]
    values = table.set_index("measure")["value"]
    assert values["impressions (times posts were shown)"] == posts["impressions"].sum()
    clients = leads[leads["stage"] == "client"]
    assert values["clients who came by word of mouth"] == (clients["source"] == "word of mouth").sum()
    social_sales = sales.loc[sales["source"] == "social", "amount"].sum()
    assert values["sales to clients from social"] == pytest.approx(social_sales)
    assert values["return on cost, (sales − cost) ÷ cost, on takings"] == pytest.approx((social_sales - 1000) / 1000)
    social_scores = survey.loc[survey["source"] == "social", "score"]
    assert values["Net Promoter Score, clients from social"] == pytest.approx(
        100 * ((social_scores >= 9).mean() - (social_scores <= 6).mean())
    )


def test_social_roi_with_zero_cost_is_undefined_not_infinite():
    table = cl.social_roi(load_posts(), load_leads(), load_sales(), load_survey(), cost=0)
    assert math.isnan(table["value"].iloc[-1])


def test_social_roi_without_survey_answers_from_the_channel_leaves_its_nps_undefined():
    survey = load_survey()
    table = cl.social_roi(load_posts(), load_leads(), load_sales(), survey[survey["source"] != "social"])
    values = table.set_index("measure")["value"]
    assert math.isnan(values["Net Promoter Score, clients from social"])
    assert not math.isnan(values["Net Promoter Score, all surveyed clients"])


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda t: {**t, "posts": t["posts"].drop(columns="impressions")}, "posts is missing the column 'impressions'"),
        (lambda t: {**t, "leads": t["leads"].drop(columns="stage")}, "missing the column 'stage'"),
        (lambda t: {**t, "sales": t["sales"].iloc[0:0]}, "empty"),
        (lambda t: {**t, "survey": t["survey"].drop(columns="score")}, "missing the column 'score'"),
        (lambda t: {**t, "sales": t["sales"].assign(amount=-t["sales"]["amount"])}, "amounts of 0 or more"),
        (lambda t: {**t, "posts": t["posts"].assign(reach=-1)}, "negative count"),
        (lambda t: {**t, "channel": "radio"}, "channel 'radio' is not a source"),
    ],
)
def test_social_roi_rejects_bad_tables(change, words):
    tables = {"posts": load_posts(), "leads": load_leads(), "sales": load_sales(), "survey": load_survey()}
    with pytest.raises(ValueError, match=words):
        cl.social_roi(**change(tables))


def test_readable_roi_writes_each_value_in_its_unit():
    table = pd.DataFrame(
        {
            "measure": ["shown", "share", "sales", "score", "return", "odd"],
            "value": [51172.0, 0.184943, 21025.48, 19.43128, math.nan, 2.345],
            "unit": ["impressions", "share of clients", "pounds", "points (−100 to 100)", "per pound spent", "widgets"],
        }
    )
    shown = cl.readable_roi(table)
    assert list(shown["value"]) == ["51,172", "18.5%", "£21,025.48", "19.4", "undefined", "2.35"]
    assert table["value"].iloc[0] == 51172.0, "the numbers themselves are left alone"


def test_readable_roi_covers_every_unit_social_roi_uses():
    table = cl.social_roi(load_posts(), load_leads(), load_sales(), load_survey(), cost=1200)
    assert set(table["unit"]) <= set(cl.ROI_FORMATS)
    assert not cl.readable_roi(table)["value"].str.contains(r"\.\d{3}").any(), "no long decimals"


@pytest.mark.parametrize(
    ("table", "words"),
    [
        (pd.DataFrame({"measure": ["a"], "value": [1.0]}), "missing the column 'unit'"),
        (pd.DataFrame({"measure": ["a"], "value": ["1"], "unit": ["clients"]}), "must hold numbers"),
    ],
)
def test_readable_roi_rejects_other_tables(table, words):
    with pytest.raises(ValueError, match=words):
        cl.readable_roi(table)


def test_monthly_new_clients_rejects_an_unknown_source():
    with pytest.raises(ValueError, match="no leads come from 'radio'"):
        cl.monthly_new_clients(load_leads(), "radio")
