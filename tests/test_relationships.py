"""sevencs.relationships against hand-computed logs and independent calculations."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from sevencs import relationships as rx
from sevencs._checks import Undefined
from sevencs.datasets import NURSERY, load_interactions, load_posts

US = "shop"


def log(*rows) -> pd.DataFrame:
    """A small log: rows of (day, source, target, kind)."""
    return pd.DataFrame(
        [
            {"date": pd.Timestamp("2026-01-01") + pd.Timedelta(days=d), "source": s, "target": t, "kind": k}
            for d, s, t, k in rows
        ]
    )


# ann: 2 from her, 1 from us (last on day 10); bob: 3 likes from him, none back (last day 4);
# cat: 1 from us, none from her (day 0)
SMALL = log(
    (0, "ann", US, "comment"),
    (1, US, "ann", "reply"),
    (10, "ann", US, "like"),
    (2, "bob", US, "like"),
    (3, "bob", US, "like"),
    (4, "bob", US, "share"),
    (0, US, "cat", "message"),
)


# --- reciprocity -------------------------------------------------------------------------------


def test_reciprocity_is_the_smaller_direction_over_the_larger_counted_by_hand():
    table = rx.reciprocity(SMALL, account=US)
    assert table.loc["ann"].tolist() == [2, 1, 0.5]
    assert table.loc["bob"].tolist() == [3, 0, 0.0]
    assert table.loc["cat"].tolist() == [0, 1, 0.0]


def test_one_way_relationships_have_reciprocity_zero_whichever_side_acts():
    table = rx.reciprocity(SMALL, account=US)
    one_way = table[(table["from_us"] == 0) | (table["from_them"] == 0)]
    assert set(one_way.index) == {"bob", "cat"}
    assert (one_way["reciprocity"] == 0).all()


def test_a_balanced_relationship_has_reciprocity_one():
    balanced = log(
        (0, "dee", US, "comment"), (1, US, "dee", "reply"), (2, "dee", US, "comment"), (3, US, "dee", "reply")
    )
    assert rx.reciprocity(balanced, account=US).at["dee", "reciprocity"] == 1.0


def test_reciprocity_on_the_sample_log_matches_pandas_by_hand():
    interactions = load_interactions()
    from_us = interactions[interactions["source"] == NURSERY]["target"].value_counts()
    from_them = interactions[interactions["target"] == NURSERY]["source"].value_counts()
    people = sorted(set(from_us.index) | set(from_them.index))
    us = from_us.reindex(people, fill_value=0)
    them = from_them.reindex(people, fill_value=0)
    expected = np.minimum(us, them) / np.maximum(us, them)
    table = rx.reciprocity(interactions)
    assert list(table.index) == people
    assert np.allclose(table["reciprocity"].to_numpy(), expected.to_numpy())
    assert (table["from_us"].to_numpy() == us.to_numpy()).all()


# --- tie strength ------------------------------------------------------------------------------


def test_tie_strength_on_a_hand_computed_log():
    table = rx.tie_strength(SMALL, half_life=10, account=US)
    # as_of is the last date, day 10; ann: 3 interactions, 0 days; bob: 3, 6 days; cat: 1, 10 days
    assert table.at["ann", "frequency"] == pytest.approx(1.0)
    assert table.at["cat", "frequency"] == pytest.approx(math.log(2) / math.log(4))
    assert table.at["bob", "recency"] == pytest.approx(0.5**0.6)
    assert table.at["cat", "recency"] == pytest.approx(0.5)
    assert table.at["ann", "strength"] == pytest.approx((1 + 1 + 0.5) / 3)
    assert table.at["bob", "strength"] == pytest.approx((1 + 0.5**0.6 + 0) / 3)
    assert table.at["cat", "strength"] == pytest.approx((math.log(2) / math.log(4) + 0.5 + 0) / 3)
    assert list(table.index) == ["ann", "bob", "cat"]
    assert table["rank"].tolist() == [1, 2, 3]


def test_weights_only_count_in_proportion():
    a = rx.tie_strength(SMALL, frequency=1, recency=2, reciprocity=3, account=US)
    b = rx.tie_strength(SMALL, frequency=10, recency=20, reciprocity=30, account=US)
    assert np.allclose(a["strength"], b["strength"])


def test_a_single_weight_gives_that_part_alone():
    table = rx.tie_strength(SMALL, frequency=0, recency=0, reciprocity=1, account=US)
    assert np.allclose(table["strength"], table["reciprocity"])
    assert table.index[0] == "ann"


@pytest.mark.parametrize("as_of", ["2026-01-11", "11 January 2026", pd.Timestamp("2026-01-11"), dt.date(2026, 1, 11)])
def test_the_recency_score_halves_every_half_life(as_of):
    table = rx.tie_strength(SMALL, half_life=5, as_of=as_of, account=US)
    assert table.at["ann", "days_since"] == pytest.approx(0)
    assert table.at["cat", "recency"] == pytest.approx(0.25)


def test_strength_stays_between_0_and_1_on_the_sample_log():
    table = rx.tie_strength(load_interactions(), frequency=2.5, recency=0.1, reciprocity=1, half_life=3)
    assert table["strength"].between(0, 1).all()
    assert table["strength"].is_monotonic_decreasing


def test_the_sample_scores_match_an_independent_calculation():
    interactions = load_interactions()
    person = np.where(interactions["source"] == NURSERY, interactions["target"], interactions["source"])
    frame = pd.DataFrame({"person": person, "date": interactions["date"]})
    n = frame.groupby("person").size()
    days = (interactions["date"].max() - frame.groupby("person")["date"].max()).dt.total_seconds() / 86400
    recip = rx.reciprocity(interactions)["reciprocity"]
    expected = (np.log(1 + n) / np.log(1 + n.max()) + 0.5 ** (days / 30) + recip) / 3
    table = rx.tie_strength(interactions)
    assert np.allclose(table["strength"].sort_index(), expected.sort_index())


# --- you and we ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "you", "we"),
    [
        ("Your roses will love you for this.", 2, 0),
        ("We are open; visit us at our shop.", 0, 3),
        ("You're welcome: we've got yours ready, and it's ours to give.", 2, 2),
        ("Young plants in the yard.", 0, 0),
        ("YOU and WE, Us and yOuRs", 2, 2),
        ("We\u2019re glad you\u2019ve come", 1, 1),
    ],
)
def test_you_and_we_words_are_counted_whole_and_case_blind(text, you, we):
    assert rx.you_we_counts(text) == {"you": you, "we": we}


def test_you_we_ratio_is_you_over_you_plus_we():
    assert rx.you_we_ratio("Your garden, your way, with our help.") == pytest.approx(2 / 3)
    assert rx.you_we_ratio("Your garden.") == 1.0
    assert rx.you_we_ratio("Our garden.") == 0.0


def test_a_text_with_neither_is_undefined_not_zero():
    result = rx.you_we_ratio("Sale: 20% off bedding plants.")
    assert isinstance(result, Undefined)
    assert not result and math.isnan(float(result))


def test_several_texts_are_added_up_before_dividing():
    texts = ["Your garden.", "We, we, we and our shop.", "Sale today."]
    assert rx.you_we_ratio(texts) == pytest.approx(1 / 5)
    assert rx.you_we_ratio(pd.Series(texts)) == pytest.approx(1 / 5)


def test_the_sample_posts_by_plain_string_splitting():
    you = we = 0
    for text in load_posts()["text"]:
        for raw in text.lower().replace("\u2019", "'").split():
            word = raw.strip('.,:;!?()"')
            you += word in {"you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd"}
            we += word in {"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd"}
    assert rx.you_we_counts(load_posts()["text"]) == {"you": you, "we": we}


# --- Dunbar's layers ---------------------------------------------------------------------------


def test_layers_are_cut_at_5_15_50_and_150_by_rank():
    scores = pd.Series({f"p{i:03d}": 1000 - i for i in range(200)})
    table = rx.dunbar_layers(scores)
    assert table["layer"].value_counts().to_dict() == {5: 5, 15: 10, 50: 35, 150: 100, 0: 50}
    assert table.loc["p000", "layer"] == 5 and table.loc["p005", "layer"] == 15
    assert table.loc["p149", "layer"] == 150 and table.loc["p150", "layer"] == 0


def test_layers_rank_ties_by_name_and_accept_a_tie_strength_table():
    scores = pd.Series({"b": 1.0, "a": 1.0, "c": 0.5})
    table = rx.dunbar_layers(scores, layers=(1, 2))
    assert list(table.index) == ["a", "b", "c"]
    assert table["layer"].tolist() == [1, 2, 0]
    from_table = rx.dunbar_layers(rx.tie_strength(SMALL, account=US))
    assert from_table["layer"].tolist() == [5, 5, 5]


def test_fewer_people_than_a_layer_fill_only_the_inner_layers():
    table = rx.dunbar_layers(pd.Series({"a": 3, "b": 2, "c": 1}))
    assert table["layer"].tolist() == [5, 5, 5]


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize("function", [rx.tie_strength, rx.reciprocity])
def test_a_missing_column_is_named_with_the_expected_list(function):
    with pytest.raises(ValueError, match="missing the column 'kind'; expected columns: date, source, target, kind"):
        function(SMALL.drop(columns="kind"), account=US)


@pytest.mark.parametrize("function", [rx.tie_strength, rx.reciprocity])
def test_an_empty_log_is_refused(function):
    with pytest.raises(ValueError, match="empty"):
        function(SMALL.iloc[:0], account=US)


@pytest.mark.parametrize("function", [rx.tie_strength, rx.reciprocity])
def test_a_table_of_the_wrong_kind_is_refused(function):
    with pytest.raises(TypeError, match="DataFrame"):
        function([("ann", US)], account=US)


def test_an_unknown_kind_is_named():
    bad = SMALL.copy()
    bad.loc[2, "kind"] = "poke"
    with pytest.raises(ValueError, match="unknown kind 'poke' in row 2; expected one of: comment, reply"):
        rx.reciprocity(bad, account=US)


def test_a_row_without_the_account_is_named():
    with pytest.raises(ValueError, match=r"row 0 of interactions is between 'ann' and 'shop'.*'fernleaf_nursery'"):
        rx.tie_strength(SMALL)


def test_a_row_with_the_account_on_both_sides_is_refused():
    with pytest.raises(ValueError, match="on both sides"):
        rx.reciprocity(log((0, US, US, "like")), account=US)


def test_missing_or_unreadable_dates_are_refused():
    gap = SMALL.copy()
    gap.loc[3, "date"] = pd.NaT
    with pytest.raises(ValueError, match="missing date in row 3"):
        rx.tie_strength(gap, account=US)
    words = SMALL.assign(date="someday")
    with pytest.raises(ValueError, match="must hold dates"):
        rx.tie_strength(words, account=US)


def test_dates_written_as_text_are_read():
    text_dates = SMALL.assign(date=SMALL["date"].dt.strftime("%Y-%m-%d"))
    assert rx.tie_strength(text_dates, account=US)["strength"].tolist() == pytest.approx(
        rx.tie_strength(SMALL, account=US)["strength"].tolist()
    )


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"frequency": -1}, ValueError, "cannot be negative"),
        ({"recency": float("nan")}, ValueError, "finite"),
        ({"reciprocity": "high"}, TypeError, "must be a number"),
        ({"frequency": 0, "recency": 0, "reciprocity": 0}, ValueError, "all three weights are 0"),
        ({"half_life": 0}, ValueError, "half_life must be above 0 days, but got 0"),
        ({"half_life": float("nan")}, ValueError, "half_life must be a finite number of days"),
        ({"half_life": "week"}, TypeError, "number of days"),
        ({"as_of": "2026-01-05"}, ValueError, "before the last interaction"),
        ({"as_of": "next week"}, ValueError, "as_of must be a date and time such as"),
    ],
)
def test_bad_weights_half_lives_and_dates_get_a_clear_message(kwargs, error, words):
    with pytest.raises(error, match=words):
        rx.tie_strength(SMALL, account=US, **kwargs)


@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        (42, TypeError, "string or a list"),
        ([], ValueError, "empty"),
        (["fine", float("nan")], ValueError, "item 1 is a missing text"),
        (pd.Series(["fine", None]), ValueError, "item 1 is a missing text"),
        ([1, 2], ValueError, "item 0 is int"),
        (pd.DataFrame({"text": ["hi"]}), TypeError, "one column"),
    ],
)
def test_bad_texts_get_a_clear_message(text, error, words):
    with pytest.raises(error, match=words):
        rx.you_we_ratio(text)


@pytest.mark.parametrize(
    ("scores", "error", "words"),
    [
        (pd.Series(dtype=float), ValueError, "empty"),
        (pd.Series({"a": 1.0, "b": float("nan")}), ValueError, "missing value \\(NaN\\) for 'b'"),
        (pd.Series({"a": "high"}), ValueError, "must hold numbers"),
        (pd.Series([1.0, 2.0], index=["a", "a"]), ValueError, "'a' appears twice"),
        ([1, 2, 3], TypeError, "pandas Series"),
        (pd.DataFrame({"score": [1.0]}), ValueError, "missing the column 'strength'"),
    ],
)
def test_bad_scores_get_a_clear_message(scores, error, words):
    with pytest.raises(error, match=words):
        rx.dunbar_layers(scores)


@pytest.mark.parametrize("layers", [(15, 5), (), (5, 5, 15)])
def test_layers_must_be_growing_sizes(layers):
    with pytest.raises(ValueError, match="growing sizes"):
        rx.dunbar_layers(pd.Series({"a": 1.0}), layers=layers)


def test_a_layer_size_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        rx.dunbar_layers(pd.Series({"a": 1.0}), layers=(0, 5))
