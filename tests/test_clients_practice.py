"""The Clients chapter's "In practice" part: tagged links (UTM parameters), the cost side, and
exercises 6 and 7 that build and read tagged links.

Links are read back here with urllib.parse.parse_qs called directly, and the spring campaign's
visits are counted with collections.Counter, not with the package's own reader.
"""

from __future__ import annotations

import urllib.parse
from collections import Counter

import pytest

from reference import run_answer, run_solution
from sevencs import clients as cl
from sevencs._checks import Undefined
from sevencs.errors import InputError, InputTypeError
from sevencs.exercises import clients as ex

PAGE = "https://fernleaf.example/spring"


def query_of(url: str) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query, keep_blank_values=True)


# --- building a tagged link -----------------------------------------------------------------------


def test_a_tagged_link_carries_the_three_tags_and_keeps_the_page():
    link = cl.tag_link(PAGE, source="facebook", medium="social", campaign="spring_sale")
    parts = urllib.parse.urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "fernleaf.example", "/spring")
    assert query_of(link) == {"utm_source": ["facebook"], "utm_medium": ["social"], "utm_campaign": ["spring_sale"]}


def test_content_and_term_are_added_only_when_given():
    link = cl.tag_link(PAGE, "newsletter", "email", "spring_sale", content="april_email", term="roses")
    assert query_of(link)["utm_content"] == ["april_email"] and query_of(link)["utm_term"] == ["roses"]
    assert "utm_content" not in query_of(cl.tag_link(PAGE, "a", "b", "c"))


def test_values_are_encoded_lower_case_and_other_parts_of_the_address_are_kept():
    link = cl.tag_link(PAGE + "?colour=red#prices", "Local Paper", "print", "Spring & Summer")
    parts = urllib.parse.urlsplit(link)
    assert parts.fragment == "prices"
    assert " " not in link and "Spring" not in link
    query = query_of(link)
    assert query["colour"] == ["red"]
    assert query["utm_source"] == ["local paper"] and query["utm_campaign"] == ["spring & summer"]


@pytest.mark.parametrize("missing", ["source", "medium", "campaign"])
def test_a_link_without_one_of_the_three_required_tags_is_refused_by_name(missing):
    tags = {"source": "facebook", "medium": "social", "campaign": "spring_sale"}
    del tags[missing]
    with pytest.raises(InputError, match=f"{missing} is missing"):
        cl.tag_link(PAGE, **tags)


@pytest.mark.parametrize(
    "url, message",
    [
        ("fernleaf.example/spring", "https://fernleaf.example/spring"),
        ("www.fernleaf.example", "start with https://"),
        ("https://", "start with https://"),
        ("", "empty"),
        ("https://fernleaf.example/spring sale", "space"),
        (PAGE + "?utm_source=flyer", "already carries campaign tags"),
    ],
)
def test_an_address_that_cannot_be_tagged_gets_a_message_saying_what_to_do(url, message):
    with pytest.raises(InputError, match=message):
        cl.tag_link(url, "facebook", "social", "spring_sale")


@pytest.mark.parametrize("bad", [None, 42, ["https://fernleaf.example"]])
def test_an_address_that_is_not_text_is_a_type_error(bad):
    with pytest.raises(InputTypeError, match="web address in quotes"):
        cl.tag_link(bad, "facebook", "social", "spring_sale")


@pytest.mark.parametrize("bad, error", [("  ", InputError), (3, InputTypeError)])
def test_an_empty_or_non_text_tag_is_refused(bad, error):
    with pytest.raises(error, match="campaign"):
        cl.tag_link(PAGE, "facebook", "social", bad)


# --- reading tags back ----------------------------------------------------------------------------


def test_reading_a_link_gives_back_the_page_and_every_tag_it_was_built_with():
    link = cl.tag_link(PAGE, "instagram", "social", "spring_sale", content="bio")
    assert cl.read_tags(link) == {
        "page": PAGE,
        "source": "instagram",
        "medium": "social",
        "campaign": "spring_sale",
        "content": "bio",
        "term": None,
    }


def test_reading_keeps_capitals_as_written_and_ignores_other_parameters():
    tags = cl.read_tags(PAGE + "?fbclid=IwAR1&utm_source=Flyer&utm_campaign=Spring%20Sale")
    assert (tags["source"], tags["campaign"], tags["medium"]) == ("Flyer", "Spring Sale", None)
    assert cl.read_tags("https://fernleaf.example/")["source"] is None


def test_reading_an_address_without_https_says_so():
    with pytest.raises(InputError, match="https://"):
        cl.read_tags("fernleaf.example/spring?utm_source=facebook")


# --- counting visits ------------------------------------------------------------------------------


def test_the_tally_matches_a_count_made_with_parse_qs():
    urls = [
        cl.tag_link(PAGE, "facebook", "social", "spring_sale"),
        cl.tag_link(PAGE, "facebook", "paid_social", "spring_sale") + "&fbclid=x",
        cl.tag_link(PAGE, "facebook", "social", "spring_sale"),
        "https://fernleaf.example/",
    ]
    by_source = cl.tally_visits(urls, "source").set_index("source")["visits"].to_dict()
    counted = Counter(query_of(url).get("utm_source", [cl.NO_TAG])[0] for url in urls)
    assert by_source == dict(counted)
    table = cl.tally_visits(urls, ["source", "medium"])
    assert table["visits"].tolist() == sorted(table["visits"], reverse=True)
    assert table["share"].sum() == pytest.approx(1.0)


def test_the_spring_campaigns_visits_add_up_to_its_links_and_other_visits():
    landings = cl.spring_landing_pages()
    assert len(landings) == sum(k.visits for k in cl.SPRING_LINKS) + sum(n for _, n in cl.SPRING_OTHER_VISITS)
    media = Counter(query_of(url).get("utm_medium", [cl.NO_TAG])[0] for url in landings)
    for link in cl.SPRING_LINKS:
        assert media[link.medium] >= link.visits
    assert media["paid_social"] == next(k.visits for k in cl.SPRING_LINKS if k.medium == "paid_social")
    assert any("fbclid=" in url for url in landings)


@pytest.mark.parametrize(
    "urls, by, error, message",
    [
        ([], "source", InputError, "empty"),
        ([PAGE], "sauce", InputError, "by"),
        (PAGE, "source", InputTypeError, "read_tags"),
        ([PAGE, "fernleaf.example"], "source", InputError, "visit number 1"),
    ],
)
def test_counting_visits_explains_bad_input(urls, by, error, message):
    with pytest.raises(error, match=message):
        cl.tally_visits(urls, by)


# --- the cost side --------------------------------------------------------------------------------


def test_the_cost_is_hours_times_the_value_of_an_hour_plus_spend():
    cost = cl.marketing_cost(2.5, 16, 30)
    assert cost["time"] == 40 and cost["spend"] == 30 and cost["total"] == 70


@pytest.mark.parametrize("hours, value, spend", [(-1, 15, 0), (1, -15, 0), (1, 15, -5), ("2", 15, 0)])
def test_a_negative_or_non_number_cost_is_refused(hours, value, spend):
    with pytest.raises((InputError, InputTypeError)):
        cl.marketing_cost(hours, value, spend)


def test_cost_per_result_is_undefined_without_results():
    assert cl.cost_per(37.5, 58, "visits") == pytest.approx(37.5 / 58)
    nothing = cl.cost_per(10, 0, "codes used")
    assert isinstance(nothing, Undefined) and "codes used" in str(nothing)


# --- exercises 6 and 7 ----------------------------------------------------------------------------

EMAIL = "https://fernleaf.example/summer"


def test_exercise_6s_model_solution_passes_and_reads_back_as_asked():
    answer = run_solution(ex.q6)
    assert ex.q6.check(answer).correct
    query = query_of(answer)
    assert answer.startswith(EMAIL + "?")
    assert {k: v[0] for k, v in query.items()} == {
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": "summer_sale",
        "utm_content": "may_email",
    }


def test_exercise_6_accepts_a_hand_written_link_with_the_tags_in_another_order():
    by_hand = EMAIL + "?utm_campaign=summer_sale&utm_content=may_email&utm_medium=email&utm_source=newsletter"
    assert ex.q6.check(by_hand).correct


def test_exercise_6_rejects_the_right_tags_with_something_else_added():
    feedback = ex.q6.check(run_solution(ex.q6) + "&ref=flyer")
    assert not feedback.correct and "ref" in feedback.message


EMAIL_TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=summer_sale&utm_content=may_email"


@pytest.mark.parametrize(
    "answer, message",
    [
        ("fernleaf.example/summer?" + EMAIL_TAGS, "https://"),
        (EMAIL + "?utm_source=email&utm_medium=newsletter&utm_campaign=summer_sale&utm_content=may_email", "swapped"),
        (EMAIL + "?utm_source=newsletter&utm_medium=email&utm_campaign=summer_sale", "content"),
        (EMAIL + "?utm_source=newsletter?utm_medium=email?utm_campaign=summer_sale?utm_content=may_email", "one `?`"),
        (EMAIL + "?utm_source=Newsletter&utm_medium=email&utm_campaign=summer_sale&utm_content=may_email", "capitals"),
        ("https://fernleaf.example/spring?" + EMAIL_TAGS, "leads to"),
        (EMAIL + "?utm_source=newsletter&utm_medium=social&utm_campaign=summer_sale&utm_content=may_email", "'email'"),
        (EMAIL + "?utm_source=newsletter&utm_medium=email&utm_content=may_email", "no utm_campaign"),
        (EMAIL + "?" + EMAIL_TAGS + "&utm_term=roses", "utm_term"),
        (42, "text"),
        (None, "None"),
    ],
)
def test_exercise_6_rejects_a_wrong_link_with_a_message_about_its_cause(answer, message):
    feedback = ex.q6.check(answer)
    assert not feedback.correct and feedback.status.value == "incorrect"
    assert message in feedback.message


def test_exercise_6s_blank_is_not_answered():
    assert ex.q6.check(...).status.value == "not answered"


def test_exercise_7s_model_solution_passes_and_matches_a_count_with_parse_qs():
    answer = run_solution(ex.q7)
    counted = sum(query_of(url).get("utm_medium") == ["paid_social"] for url in cl.spring_landing_pages())
    assert answer == counted and ex.q7.check(answer).correct


def test_exercise_7_also_accepts_the_tally():
    code = (
        "boosted_visits = cl.tally_visits(cl.spring_landing_pages(), 'medium')"
        ".set_index('medium').loc['paid_social', 'visits']"
    )
    assert ex.q7.check(run_answer(ex.q7, code)).correct


def _facebook_visits():
    return sum(query_of(url).get("utm_source") == ["facebook"] for url in cl.spring_landing_pages())


def _exact_link_visits():
    boosted = cl.tag_link(PAGE, "facebook", "paid_social", "spring_sale", content="boosted_post")
    return sum(url == boosted for url in cl.spring_landing_pages())


@pytest.mark.parametrize(
    "wrong, message",
    [
        (_facebook_visits, "unpaid post"),
        (_exact_link_visits, "fbclid"),
        (lambda: len(cl.spring_landing_pages()), "every visit"),
    ],
)
def test_exercise_7_rejects_a_plausible_wrong_count_with_its_cause(wrong, message):
    feedback = ex.q7.check(wrong())
    assert not feedback.correct and message in feedback.message


def test_campaign_costs_prices_each_link_by_time_and_spend():
    boosted = next(link for link in cl.SPRING_LINKS if link.medium == "paid_social")
    table = cl.campaign_costs(cl.SPRING_LINKS, hour_value=20)
    row = table.loc[boosted.place]
    assert row["cost"] == pytest.approx(boosted.hours * 20 + boosted.spend)
    assert row["per_visit"] == pytest.approx((boosted.hours * 20 + boosted.spend) / boosted.visits)
    assert row["per_code"] == pytest.approx((boosted.hours * 20 + boosted.spend) / boosted.codes_used)
    no_code = next(link for link in cl.SPRING_LINKS if link.codes_used == 0)
    assert not table.loc[no_code.place, "per_code"]  # undefined, not a division by zero
    assert list(table.index) == [link.place for link in cl.SPRING_LINKS]
