"""The Seven Cs audit: each row is the chapter function's number, missing data are said, text stays inert."""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from sevencs import caring, clients, community, connection, content, conversation, relationships
from sevencs import datasets as ds
from sevencs.audit import COLUMNS, CS, MIRROR, AuditProblem, Scorecard, audit, audit_sample, compare
from sevencs.chapters import TITLES
from sevencs.render.edition import BOOK_ENV

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def sample() -> Scorecard:
    return audit_sample()


def value(card: Scorecard, c: str) -> float:
    return float(card.table.set_index("c").at[c, "value"])


def row(card: Scorecard, c: str) -> pd.Series:
    return card.table.set_index("c").loc[c]


def mastodon_like() -> pd.DataFrame:
    """Posts as a Mastodon export gives them: date, text and kind, and no counts at all."""
    posts = ds.load_posts()[["date", "text"]].head(30).copy()
    posts["kind"] = ["post", "post", "reply", "boost", "post"] * 6
    return posts


# --- the shape of the scorecard ---------------------------------------------------------------


def test_the_table_has_one_row_per_c_in_course_order_and_the_documented_columns(sample):
    assert list(sample.table["c"]) == list(CS)
    assert list(sample.table.columns) == list(COLUMNS)
    assert sample.table["value"].dtype == float
    assert sample.table["available"].all()
    assert (sample.table["why_not"] == "").all()
    assert sample.table["meaning"].str.len().gt(20).all() and sample.table["next_step"].str.len().gt(20).all()


# --- every row is the chapter function's number, and an independent calculation's ---------------


def test_connection_is_reach_at_one_hop_in_the_interactions(sample):
    interactions, posts = ds.load_interactions(), ds.load_posts()
    # only the months the posts cover: the audit's period
    months = interactions["date"].dt.to_period("M")
    first, last = posts["date"].min().to_period("M"), posts["date"].max().to_period("M")
    interactions = interactions[(months >= first) & (months <= last)]
    assert len(interactions) < len(ds.load_interactions())  # the sample log runs on past the posts
    graph = nx.from_pandas_edgelist(interactions, "source", "target")
    assert value(sample, "connection") == connection.reach(graph, ds.NURSERY, 1)
    others = set(interactions["source"]) | set(interactions["target"])
    assert value(sample, "connection") == len(others - {ds.NURSERY})


def test_conversation_is_comments_per_post(sample):
    posts = ds.load_posts()
    assert value(sample, "conversation") == pytest.approx(float(conversation.conversation_rate(posts)))
    assert value(sample, "conversation") == pytest.approx(posts["comments"].sum() / len(posts))
    assert row(sample, "conversation")["shown"] == f"{posts['comments'].mean():.1f} comments per post"


def test_relationships_is_the_you_we_ratio_of_the_post_texts(sample):
    texts = ds.load_posts()["text"]
    assert value(sample, "relationships") == pytest.approx(float(relationships.you_we_ratio(texts)))
    words = texts.str.lower().str.replace("\u2019", "'").str.findall(r"[a-z]+(?:'[a-z]+)?").explode()
    you = words.isin(relationships.YOU_WORDS).sum()
    we = words.isin(relationships.WE_WORDS).sum()
    assert value(sample, "relationships") == pytest.approx(you / (you + we))


def test_content_is_shares_per_post(sample):
    posts = ds.load_posts()
    assert value(sample, "content") == pytest.approx(float(content.amplification_rate(posts)))
    assert value(sample, "content") == pytest.approx(posts["shares"].sum() / len(posts))


def test_community_is_the_last_months_active_member_ratio(sample):
    activity = ds.load_group_activity()
    assert value(sample, "community") == pytest.approx(community.active_member_ratio(activity)["active_ratio"].iloc[-1])
    last = activity["month"].max()
    members = activity.loc[activity["joined"] <= last, "account"].nunique()
    mine = activity[activity["month"] == last]
    active = mine.loc[mine[["posts", "comments", "reactions"]].sum(axis=1) > 0, "account"].nunique()
    assert value(sample, "community") == pytest.approx(active / members)


def test_caring_is_the_share_answered_within_a_day(sample):
    questions = ds.load_questions()
    assert value(sample, "caring") == pytest.approx(float(caring.response_rate(questions, within=24)))
    waited = questions["first_reply_at"] - questions["asked_at"]
    assert value(sample, "caring") == pytest.approx((waited <= pd.Timedelta(hours=24)).sum() / len(questions))


def test_clients_is_the_net_promoter_score(sample):
    scores = ds.load_survey()["score"]
    assert value(sample, "clients") == pytest.approx(clients.net_promoter_score(scores))
    assert value(sample, "clients") == pytest.approx(100 * ((scores >= 9).mean() - (scores <= 6).mean()))


# --- missing data: said, never invented -------------------------------------------------------


def test_posts_alone_leave_the_other_cs_unavailable_and_say_which_data_are_missing():
    card = audit(ds.load_posts())
    table = card.table.set_index("c")
    assert table.loc[["conversation", "relationships", "content"], "available"].all()
    for c, words in [
        ("connection", ["interactions", "source", "target"]),
        ("community", ["account", "month", "joined"]),
        ("caring", ["asked_at", "first_reply_at"]),
        ("clients", ["survey", "score", "leads"]),
    ]:
        assert not table.at[c, "available"]
        assert math.isnan(table.at[c, "value"])
        assert table.at[c, "shown"] == "not available"
        for word in words:
            assert word in table.at[c, "why_not"], (c, word)


def test_a_table_missing_a_column_is_named_in_why_not():
    questions = ds.load_questions().drop(columns="first_reply_at")
    caring_row = row(audit(ds.load_posts(), questions=questions), "caring")
    assert not caring_row["available"]
    assert "'first_reply_at'" in caring_row["why_not"]


def test_a_mastodon_export_without_counts_gives_unavailable_rows_not_zeros():
    posts = mastodon_like()
    posts.attrs["missing"] = {"comments": "no Mastodon file has reply counts"}  # as the reader records it
    card = audit(posts)
    conversation_row = row(card, "conversation")
    assert not conversation_row["available"] and "'comments'" in conversation_row["why_not"]
    assert "(no Mastodon file has reply counts)" in conversation_row["why_not"]
    # content falls back to the share of promotional posts, measured by the classifier on the posts proper
    content_row = row(card, "content")
    assert content_row["metric"].startswith("promotional share")
    own = posts[posts["kind"] == "post"]
    labels = conversation.classify_posts(own["text"])
    assert content_row["value"] == pytest.approx((labels["label"] == "promotional").mean())
    # boosts are other people's words; replies are yours
    mine = posts.loc[posts["kind"] != "boost", "text"]
    assert value(card, "relationships") == pytest.approx(float(relationships.you_we_ratio(mine)))
    assert not (card.table["value"] == 0).any()


def test_a_rate_with_nothing_to_divide_by_is_undefined_not_zero():
    boosts = mastodon_like().assign(kind="boost")
    card = audit(boosts)
    for c in ("relationships", "content"):
        assert row(card, c)["available"]
        assert math.isnan(value(card, c))
        assert row(card, c)["shown"] == "undefined (no posts of that kind)"
    quiet = pd.DataFrame({"date": ["2026-05-01"], "text": ["Roses in stock."], "comments": [0], "shares": [0]})
    quiet_row = row(audit(quiet), "relationships")
    assert math.isnan(quiet_row["value"]) and quiet_row["shown"].startswith("undefined (no 'you' or 'we' words")
    assert value(audit(quiet), "conversation") == 0  # zero comments on one post is a real 0, not undefined


def test_replies_with_counts_are_not_counted_as_posts():
    posts = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-05-01", "2026-05-02", "2026-05-03"]),
            "text": ["A tip for you.", "Thanks!", "Our roses."],
            "kind": ["post", "reply", "post"],
            "comments": [4, 9, 2],
            "shares": [1, 5, 1],
        }
    )
    card = audit(posts)
    assert value(card, "conversation") == pytest.approx(3.0)
    assert value(card, "content") == pytest.approx(1.0)


# --- the second-choice measures ---------------------------------------------------------------


def test_second_choice_measures_use_the_chapter_functions():
    posts = mastodon_like()
    comments, mentions, leads = ds.load_comments(), ds.load_mentions(), ds.load_leads()
    card = audit(posts, comments=comments, mentions=mentions, leads=leads, account=ds.NURSERY)
    assert value(card, "conversation") == pytest.approx(float(conversation.reply_ratio(comments, ds.NURSERY)))
    scored = caring.sentiment(mentions["text"])
    assert value(card, "caring") == pytest.approx((scored["label"] == "negative").mean())
    assert value(card, "clients") == pytest.approx(float(clients.conversion(leads, "connection", "client")))
    assert value(card, "clients") == pytest.approx((leads["stage"] == "client").mean())


def test_interactions_outside_the_months_of_the_posts_leave_connection_unavailable():
    posts = ds.load_posts()
    later = ds.load_interactions().assign(date=lambda t: t["date"] + pd.DateOffset(years=3))
    connection_row = row(audit(posts, interactions=later, account=ds.NURSERY), "connection")
    assert not connection_row["available"] and "months of your posts" in connection_row["why_not"]


def test_the_account_is_worked_out_from_the_interactions_or_asked_for():
    posts, interactions = ds.load_posts(), ds.load_interactions()
    found = audit(posts, interactions=interactions)
    assert value(found, "connection") == value(audit_sample(), "connection")
    two_sided = pd.DataFrame(
        {
            "date": ["2026-05-01", "2026-05-02"],
            "source": ["ann", "bob"],
            "target": ["bob", "ann"],
            "kind": ["like", "like"],
        }
    )
    asked = row(audit(posts, interactions=two_sided), "connection")
    assert not asked["available"] and "account=" in asked["why_not"]
    wrong = row(audit(posts, interactions=interactions, account="nobody"), "connection")
    assert not wrong["available"] and "'nobody'" in wrong["why_not"]


# --- reports: text stays inert ------------------------------------------------------------------


@pytest.fixture
def hostile() -> Scorecard:
    posts = ds.load_posts().head(20).copy()
    most_talked, most_shared = posts["comments"].idxmax(), posts["shares"].idxmax()
    assert most_talked != most_shared
    posts.loc[most_talked, "text"] = f"[click](javascript:x) | {SCRIPT}"
    posts.loc[most_shared, "text"] = "<img src=x onerror=alert(2)>"
    return audit(posts)


def test_html_in_post_text_is_escaped_in_the_html_report(hostile):
    assert SCRIPT in row(hostile, "conversation")["meaning"]  # the text is quoted, as data
    page = hostile.to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in hostile._repr_html_()


def test_html_and_markdown_in_post_text_are_escaped_in_the_markdown_report(hostile):
    text = hostile.to_markdown()
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert "\\[click\\]" in text and "\\|" in text
    lines = [line for line in text.splitlines() if line.startswith("| Conversation")]
    assert len(lines) == 1 and lines[0].count(" | ") == 4  # the pipe in the text did not add a column


def test_an_account_name_with_html_is_escaped_in_the_title():
    card = audit(ds.load_posts(), account="<b>me</b>")
    assert "<b>me</b>" not in card.to_html() and "&lt;b&gt;me&lt;/b&gt;" in card.to_html()


# --- figure and files -------------------------------------------------------------------------


def test_the_figure_has_seven_titled_panels_and_alt_text(sample):
    fig = sample.figure()
    *panels, note = fig.axes  # the eighth cell holds the closing note, in words
    assert len(panels) == 7 and not note.get_title(loc="left") and note.texts[0].get_text() == MIRROR
    titles = [ax.get_title(loc="left") for ax in panels]
    assert [t.split(":")[0] for t in titles] == [c.capitalize() for c in CS]
    for c in CS:
        assert f"{c.capitalize()}: " in sample.alt
    assert sample.png().startswith(b"\x89PNG")


def test_a_panel_without_data_says_so_in_words():
    fig = audit(ds.load_posts()).figure()
    words = [" ".join(t.get_text() for t in ax.texts) for ax in fig.axes]
    assert "Not available" in words[0] and "interactions" in words[0]
    assert "Not available" not in words[1]
    assert not fig.axes[0].axison and fig.axes[1].axison


def test_save_writes_html_and_markdown_with_its_image(sample, tmp_path):
    page = sample.save(tmp_path / "audit.html")
    assert page.read_text(encoding="utf-8").count("data:image/png;base64,") == 1
    notes = sample.save(tmp_path / "audit.md")
    assert (tmp_path / "audit.png").read_bytes().startswith(b"\x89PNG")
    assert "](audit.png)" in notes.read_text(encoding="utf-8")
    with pytest.raises(ValueError, match=r"writes .html or .md"):
        sample.save(tmp_path / "audit.pdf")


def shown(board) -> str:
    """The page of the audit dashboard on show."""
    return board.pages[board.stack.selected_index].value


def test_the_dashboard_shows_the_chosen_c(sample):
    board = sample.dashboard()
    assert "Connection" in shown(board)
    assert [bool(page.value) for page in board.pages] == [True] + [False] * 6  # live: a page when first picked
    board.choose.value = "caring"
    assert "Caring" in shown(board) and "Connection:" not in shown(board)
    assert 'alt="Caring' in shown(board)
    with pytest.raises(ValueError, match="seven Cs are"):
        sample.panel("cash")


def test_in_the_book_the_dashboard_draws_every_page_and_links_the_list_to_them_in_the_page(sample, monkeypatch):
    monkeypatch.setenv(BOOK_ENV, "1")
    board = sample.dashboard()
    assert all(TITLES[c] in page.value for c, page in zip(CS, board.pages))  # nothing left for a kernel
    # each panel with its phone layout, the seven in well under the page's 1.5 MB (tests/test_phone.py)
    assert all('<source media="(max-width: 40em)"' in page.value for page in board.pages)
    assert sum(len(page.value) for page in board.pages) < 400_000
    assert board.link.source == (board.choose, "index") and board.link.target == (board.stack, "selected_index")


# --- before and after -------------------------------------------------------------------------


def test_compare_with_itself_is_no_change(sample):
    table = sample.compare(sample)
    assert list(table["c"]) == list(CS)
    assert (table["change"] == 0).all()


def test_compare_before_and_after_a_date(sample):
    posts = ds.load_posts()
    split = pd.Timestamp("2026-05-01")
    before, after = posts[posts["date"] < split], posts[posts["date"] >= split]
    table = compare(audit(before), audit(after)).set_index("c")
    expected = after["comments"].mean() - before["comments"].mean()
    assert table.at["conversation", "change"] == pytest.approx(expected)
    assert math.isnan(table.at["caring", "change"]) and "either" in table.at["caring", "note"]


def test_compare_refuses_to_subtract_different_measures():
    with_counts = audit(ds.load_posts())
    without = audit(mastodon_like())
    table = compare(with_counts, without).set_index("c")
    assert math.isnan(table.at["content", "change"]) and "measured differently" in table.at["content", "note"]
    with pytest.raises(TypeError, match="Scorecard"):
        compare(with_counts, with_counts.table)


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "posts, words",
    [
        ([{"date": "2026-05-01", "text": "hi"}], "pandas DataFrame"),
        (pd.DataFrame({"date": [], "text": []}), "empty"),
        (pd.DataFrame({"date": ["2026-05-01"]}), "'text'"),
        (pd.DataFrame({"when": ["2026-05-01"], "words": ["hi"]}), "'date', 'text'"),
        (pd.DataFrame({"date": ["2026-05-01", "soon"], "text": ["a", "b"]}), "row 1 holds 'soon'"),
    ],
)
def test_bad_posts_get_a_clear_message(posts, words):
    with pytest.raises(AuditProblem) as problem:
        audit(posts)
    assert words in str(problem.value)
    assert isinstance(problem.value, ValueError)


def test_a_missing_column_message_lists_the_expected_ones():
    with pytest.raises(ValueError, match="expected at least: date, text"):
        audit(pd.DataFrame({"date": ["2026-05-01"]}))


# --- labels a learner controls are drawn as plain text (issue 10, item 16) -------------------------

MATHTEXT_TYPES = ["sale $$ now", "$x^^2$", "$\\undefinedmacro$"]


@pytest.fixture(scope="module")
def mathtext_card() -> Scorecard:
    posts = ds.load_posts().head(30).copy()
    posts["type"] = [MATHTEXT_TYPES[i % 3] for i in range(len(posts))]
    return audit(posts, account="$\\undefinedmacro$ & Co")


def test_post_types_that_look_like_tex_draw_as_typed(mathtext_card, tmp_path):
    assert mathtext_card.png().startswith(b"\x89PNG")
    assert '<img src="data:image/png;base64,' in mathtext_card._repr_html_()
    assert mathtext_card.save(tmp_path / "audit.html").exists()
    assert mathtext_card.save(tmp_path / "audit.md").exists() and (tmp_path / "audit.png").exists()
    panel = mathtext_card.panel("content")
    assert panel.png.startswith(b"\x89PNG")
    drawn = [t.get_text() for t in panel.figure.axes[0].get_xticklabels()]
    assert sorted(drawn) == sorted(MATHTEXT_TYPES)  # the labels as typed, not as TeX
    dashboard = mathtext_card.dashboard()
    for c in CS:
        dashboard.choose.value = c
        assert "data:image/png;base64," in shown(dashboard)


def test_a_plan_with_tex_like_labels_saves_both_ways(mathtext_card, tmp_path):
    from sevencs.learner.plan import build_plan

    plan = build_plan(scorecard=mathtext_card)
    assert plan.save(tmp_path / "plan.html").exists() and plan.save(tmp_path / "plan.md").exists()
