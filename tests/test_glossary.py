"""The glossary says what the package computes (issue 15, slips 12 and 17)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sevencs import clients as cl

GLOSSARY = (Path(__file__).parents[1] / "book" / "glossary.md").read_text(encoding="utf-8")


def entry(term: str) -> str:
    """The definition under ``term`` in the glossary (the indented lines after it)."""
    match = re.search(rf"^{re.escape(term)}\n((?:  .*\n)+)", GLOSSARY, flags=re.MULTILINE)
    assert match, f"the glossary has no entry {term!r}"
    return " ".join(line.strip() for line in match.group(1).splitlines())


def direction(text: str, cause: str) -> str:
    """'raises' or 'lowers': what the glossary says ``cause`` does to the value."""
    sentence = next(s for s in re.split(r"(?<=[.;])\s", text) if cause in s)
    up = re.findall(r"\b(raises?|increases?|grows?)\b", sentence)
    down = re.findall(r"\b(lowers?|reduced?|reduces|decreases?)\b", sentence)
    assert bool(up) != bool(down), f"expected one direction for {cause!r} in {sentence!r}"
    return "raises" if up else "lowers"


def test_the_lifetime_value_entry_moves_with_retention_and_discount_as_the_function_does():
    text = entry("customer lifetime value")
    base = cl.customer_lifetime_value(20, 0.6, 0.1)
    by_retention = "raises" if cl.customer_lifetime_value(20, 0.8, 0.1) > base else "lowers"
    by_discount = "raises" if cl.customer_lifetime_value(20, 0.6, 0.2) > base else "lowers"
    assert by_retention == "raises" and by_discount == "lowers"
    assert direction(text, "retention rate") == by_retention
    assert direction(text, "discount rate") == by_discount


def test_the_direction_reader_catches_the_old_backwards_definition():
    old = "the margins they bring while they keep coming back, reduced by the retention rate and the discount rate."
    assert direction(old, "retention rate") == "lowers"


@pytest.mark.parametrize("term", ["network reach", "post reach"])
def test_both_kinds_of_reach_have_an_entry_that_points_to_the_other(term):
    other = {"network reach": "post reach", "post reach": "network reach"}[term]
    assert f"{{term}}`{other}`" in entry(term)
    assert "network reach" in entry("reach") and "post reach" in entry("reach")


def test_engagement_says_that_platforms_count_more_than_likes_comments_and_shares():
    text = entry("engagement")
    assert all(word in text for word in ("likes", "comments", "shares", "saves", "clicks"))
