"""The course's HTML templates: escaping, the text filters, and hostile text through every page.

Every page and fragment is rendered by one Jinja2 environment with autoescape on
(:mod:`sevencs.render.html`). Here the filters are compared with hand-written
HTML, and text a learner or a file controls (names, file names, reflections, post
text) is fed through each page: parsed with a real HTML parser, the page has no
element the text could have made, and the text reads back exactly as written.
"""

from __future__ import annotations

import importlib.resources
import json
import math

import jinja2
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from sevencs import datasets as ds
from sevencs.audit import audit
from sevencs.classroom.report import build_report
from sevencs.course.questions import ReflectionResult
from sevencs.course.store import ProgressStore
from sevencs.exercises import chapter_items
from sevencs.learner.plan import build_plan
from sevencs.learner.progress import ProgressReport
from sevencs.render.html import box, cell, environment, figure_html, fmt, inline, paragraphs, render, text_to_html
from sevencs.widgets import conversation as conversation_widget
from sevencs.widgets import relationships as relationships_widget

HOSTILE = "<script>alert(1)</script> \"double\" 'single' & <img src=x onerror=alert(2)>"
#: Post text short enough that the audit quotes it whole.
POST = "<script>alert(4)</script> \"q\" 'a' & b"
#: A file name can hold all of that but the slash.
HOSTILE_FILE = "<img src=x onerror=alert(3)> \"q\" 'a' & b"
STYLESHEET = (importlib.resources.files("sevencs.render") / "templates" / "sevencs.css").read_text()


def parse(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


def texts(page: BeautifulSoup, tag: str) -> list[str]:
    return [element.get_text() for element in page.find_all(tag)]


def assert_inert(page: BeautifulSoup, images: int = 0) -> None:
    """Nothing in the page came from the hostile text: no script, and only the course's own images."""
    assert not page.find_all("script")
    found = page.find_all("img")
    assert len(found) == images
    assert all(img["src"].startswith("data:image/png;base64,") and "onerror" not in img.attrs for img in found)


# --- the environment and the filters -----------------------------------------------------------


def test_html_templates_escape_and_the_stylesheet_is_left_as_written():
    env = environment()
    assert env.autoescape("page.html") and not env.autoescape("sevencs.css")
    assert env.get_template("sevencs.css").render() == STYLESHEET.rstrip("\n")


def test_every_template_compiles():
    env = environment()
    names = env.list_templates()
    assert {"box.html", "figure.html", "quiz.html", "plan.html", "audit.html", "class_report.html"} <= set(names)
    for name in names:
        env.get_template(name)


def test_a_missing_value_fails_instead_of_printing_nothing():
    with pytest.raises(jinja2.UndefinedError, match="heading"):
        render("box.html", kind="info", body="")


def test_text_is_escaped_unless_it_is_markup_the_package_made():
    plain = parse(box("info", "h", "<b>x</b>"))
    assert not plain.find_all("b") and "<b>x</b>" in plain.get_text()
    made = parse(box("info", "h", Markup("<b>x</b>")))
    assert texts(made, "b") == ["x"]


def test_text_to_html_escapes_then_makes_code_and_paragraphs():
    assert text_to_html("a `b<c>` & d\n\ne\nf") == (
        "<p style='margin:0.3em 0'>a <code>b&lt;c&gt;</code> &amp; d</p><p style='margin:0.3em 0'>e<br>f</p>"
    )
    assert inline("x\ny `z` <") == "x<br>y <code>z</code> &lt;"


def test_paragraphs_keep_a_learners_lines_and_nothing_else():
    assert paragraphs("a `b`\nc\n\n<d>") == "<p>a `b`<br>\nc</p>\n<p>&lt;d&gt;</p>\n"


def test_numbers_and_cells():
    assert fmt(1234.5, ",.1f") == "1,234.5" and fmt(0.125, ".0%") == "12%"
    assert cell(None) == "" and cell(math.nan) == "" and cell(0) == 0 and cell("x") == "x"


def test_a_figure_is_one_image_with_its_alt_text():
    page = parse(figure_html(b"\x89PNG", HOSTILE))
    assert_inert(page, images=1)
    assert page.img["alt"] == HOSTILE and page.img["src"] == "data:image/png;base64,iVBORw=="


# --- the standalone pages ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_card():
    """The sample's audit, with hostile post text, account name and assumption."""
    posts = ds.load_posts().head(20).copy()
    posts.loc[posts["comments"].idxmax(), "text"] = POST
    posts.attrs["assumptions"] = [f"{HOSTILE_FILE}.csv: {HOSTILE}"]
    return audit(posts, account=HOSTILE)


def assert_scorecard_reads_back(page: BeautifulSoup, card) -> None:
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in page.find("tbody").find_all("tr")]
    expected = [[r.metric, r.shown, r.meaning, r.next_step] for r in card.table.itertuples(index=False)]
    assert rows == expected
    assert any(POST in meaning for _, _, meaning, _ in rows)  # the post is quoted, as text
    assert card.assumptions[0] in texts(page, "li")


def assert_standalone(markup: str) -> BeautifulSoup:
    """One file that opens offline: the one stylesheet inline, nothing loaded from anywhere else."""
    page = parse(markup)
    assert markup.startswith("<!DOCTYPE html>")
    assert not page.find_all(["link", "script", "iframe", "object"])
    assert [style.get_text().strip() for style in page.find_all("style")] == [STYLESHEET.strip()]
    assert "url(" not in STYLESHEET and "@import" not in STYLESHEET
    return page


def test_the_audit_page_shows_hostile_text_as_text(hostile_card):
    page = assert_standalone(hostile_card.to_html())
    assert_inert(page, images=1)
    assert HOSTILE in page.h1.get_text() and HOSTILE in page.title.get_text()
    assert HOSTILE in page.img["alt"]
    assert_scorecard_reads_back(page, hostile_card)
    shown = parse(hostile_card._repr_html_())
    assert_inert(shown, images=1)
    assert_scorecard_reads_back(shown, hostile_card)


def test_the_audit_dashboard_shows_hostile_text_as_text(hostile_card):
    dashboard = hostile_card.dashboard()
    dashboard.choose.value = "conversation"
    page = parse(dashboard.pages[dashboard.stack.selected_index].value)
    assert_inert(page, images=1)
    meaning = hostile_card.table.set_index("c").loc["conversation", "meaning"]
    assert POST in meaning and meaning in texts(page, "p")


def test_the_plan_shows_a_hostile_reflection_and_audit_as_text(hostile_card):
    chapter = "caring"
    name = chapter_items(chapter)["reflections"][0].name
    ProgressStore().record(chapter, name, "reflection", value=f"{HOSTILE}\nnext line\n\n{HOSTILE_FILE}")
    plan = build_plan(scorecard=hostile_card)
    page = assert_standalone(plan.to_html())
    assert_inert(page, images=1)
    [quote] = page.find_all("blockquote")
    assert texts(quote, "p") == [f"{HOSTILE}\nnext line", HOSTILE_FILE]
    assert page.img["alt"] == hostile_card.alt
    assert any(POST in c for c in texts(page, "td"))
    assert_inert(parse(plan._repr_html_()), images=1)


def export(path, learner: str) -> None:
    events = [{"chapter": "connection", "item": "q1", "kind": "attempt", "status": "correct"}]
    path.write_text(json.dumps({"format": "sevencs-progress", "learner": learner, "events": events}))


def test_the_class_report_shows_hostile_names_and_file_names_as_text(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    export(folder / f"{HOSTILE_FILE} 1.json", HOSTILE)
    export(folder / f"{HOSTILE_FILE} 2.json", HOSTILE)  # the same name twice: a note quotes it
    (folder / f"{HOSTILE_FILE} broken.json").write_text("not JSON")
    report = build_report([folder])
    page = assert_standalone(report.to_html())
    assert_inert(page, images=1)
    items = texts(page, "li")
    [duplicate] = [n for n in report.notes if repr(HOSTILE) in n]
    assert duplicate in items and f"{HOSTILE_FILE} 1.json" in duplicate
    [skipped] = report.skipped
    assert texts(page, "code") == [f"{HOSTILE_FILE} broken.json"]
    assert page.find("code").parent.get_text() == f"{HOSTILE_FILE} broken.json: {skipped.reason}"


# --- fragments with text from the learner or the data ------------------------------------------


def test_a_reflection_result_shows_a_hostile_problem_and_path_as_text():
    result = ReflectionResult(False, "mine", HOSTILE, (HOSTILE,), problem=HOSTILE, kept=HOSTILE_FILE)
    page = parse(result._repr_html_())
    assert_inert(page)
    paragraphs_shown = texts(page, "p")
    assert HOSTILE in paragraphs_shown
    waits = f"Your text waits in {HOSTILE_FILE} and is added to your progress the next time it can be saved."
    assert f"{waits} Nothing is lost." in paragraphs_shown
    assert texts(page, "li") == [HOSTILE]


def test_the_progress_table_shows_a_hostile_path_and_cell_as_text():
    table = pd.DataFrame({"chapter": [HOSTILE], "exercises passed": ["1 of 2"]})
    page = parse(ProgressReport(table, HOSTILE_FILE)._repr_html_())
    assert_inert(page)
    assert texts(page, "code") == [HOSTILE_FILE]
    assert texts(page, "th") == ["chapter", "exercises passed"]
    assert texts(page, "td") == [HOSTILE, "1 of 2"]


def test_the_conversation_explorer_shows_a_hostile_opening_line_as_text():
    table = pd.DataFrame(
        {"posts": [3], "comments": [6], "likes": [9], "conversation_rate": [2.0], "applause_rate": [3.0]},
        index=[HOSTILE],
    )
    plan = pd.Series({"plan_rate": 1.5, "comments_per_month": 12.0})
    page = parse(conversation_widget.summary_html(table, "opening", plan, 0.25, 2))
    assert_inert(page)
    assert texts(page, "td") == [HOSTILE, "3", "6", "9", "2.00", "3.00"]
    assert "Past posts by opening line" in page.caption.get_text()


def test_the_relationships_explorer_shows_a_hostile_name_as_text():
    table = pd.DataFrame(
        {
            "rank": [1],
            "from_them": [4],
            "from_us": [0],
            "days_since": [2.4],
            "frequency": [0.5],
            "recency": [0.25],
            "reciprocity": [0.0],
            "strength": [0.333],
        },
        index=[HOSTILE],
    )
    page = parse(relationships_widget.summary_html(table, table))
    assert_inert(page)
    assert texts(page, "td") == ["1", HOSTILE, "4", "0", "2", "0.50", "0.25", "0.00", "0.33"]
    assert page.p.strong.get_text() == HOSTILE
