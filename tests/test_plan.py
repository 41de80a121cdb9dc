"""My Seven Cs plan: reflections in course order, missing ones named, learner text always escaped."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sevencs.course.store import ProgressStore
from sevencs.exercises import CHAPTERS, chapter_items
from sevencs.learner.plan import NOT_WRITTEN, build_plan, notebook_for

SCRIPT = '<script>alert("mine")</script> & <b>bold</b>'


def tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="png")
    return buffer.getvalue()


class FakeScorecard:
    """Just what the plan uses of sevencs.audit.Scorecard."""

    alt = 'Seven panels; "quotes" and <angle brackets>'
    table = pd.DataFrame(
        {
            "c": ["connection", "caring"],
            "metric": ["people in touch", "answered within 24 hours"],
            "shown": ["42 people", "not available"],
            "meaning": ["<img src=x onerror=alert(1)> from a post", "no questions table"],
            "next_step": ["say hello", "log questions"],
        }
    )

    def png(self) -> bytes:
        return tiny_png()

    def to_markdown(self) -> str:
        return "## Fake audit\n\n| C | value |\n| --- | --- |\n| connection | 42 people |\n"


def reflection_name(chapter: str) -> str:
    return chapter_items(chapter)["reflections"][0].name


def write(chapter: str, text: str) -> None:
    ProgressStore().record(chapter, reflection_name(chapter), "reflection", value=text)


def test_reflections_come_in_course_order_with_the_latest_text():
    for chapter in reversed(CHAPTERS):  # written back to front
        write(chapter, f"first draft for {chapter}")
    write("connection", "second draft for connection")
    plan = build_plan(scorecard=FakeScorecard())
    assert [e.chapter for e in plan.entries] == list(CHAPTERS)
    texts = {e.chapter: e.text for e in plan.entries}
    assert texts["connection"] == "second draft for connection"
    assert texts["clients"] == "first draft for clients"
    markdown = plan.to_markdown()
    positions = [markdown.index(f"first draft for {c}") for c in CHAPTERS if c != "connection"]
    assert positions == sorted(positions)
    assert plan.written == len(CHAPTERS)


def test_a_chapter_without_a_reflection_says_so_and_names_its_notebook():
    write("welcome", "my customers are gardeners")
    plan = build_plan(scorecard=FakeScorecard())
    missing = [e for e in plan.entries if e.text is None]
    assert [e.chapter for e in missing] == list(CHAPTERS[1:])
    html = plan.to_html()
    markdown = plan.to_markdown()
    for entry in missing:
        assert entry.notebook == f"exercises/{CHAPTERS.index(entry.chapter):02d}_{entry.chapter}.ipynb"
        assert entry.notebook in html and entry.notebook in markdown
    assert html.count(NOT_WRITTEN) == len(CHAPTERS) - 1
    assert notebook_for("connection") == "exercises/01_connection.ipynb"


def test_blank_saved_text_counts_as_not_written():
    write("welcome", "   \n ")
    assert build_plan(scorecard=FakeScorecard()).entries[0].text is None


def test_learner_text_and_audit_text_are_escaped_in_the_html():
    write("caring", SCRIPT)
    html = build_plan(scorecard=FakeScorecard()).to_html()
    assert "<script>" not in html and "<b>bold" not in html and "<img src=x" not in html
    page = BeautifulSoup(html, "html.parser")
    assert not page.find_all(["script", "b"]) and len(page.find_all("img")) == 1
    [quote] = page.find_all("blockquote")
    assert [p.get_text() for p in quote.find_all("p")] == [SCRIPT]  # reads back as typed
    assert "<img src=x onerror=alert(1)> from a post" in [td.get_text() for td in page.find_all("td")]
    assert page.find("img")["alt"] == 'Seven panels; "quotes" and <angle brackets>'
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")


def test_learner_text_is_escaped_in_the_markdown_too():
    write("caring", SCRIPT + "\n\nsecond paragraph")
    markdown = build_plan(scorecard=FakeScorecard()).to_markdown()
    assert "<script>" not in markdown
    assert "> &lt;script&gt;" in markdown and ">\n> second paragraph" in markdown


def test_the_audit_figure_and_scorecard_are_in_both_versions():
    plan = build_plan(scorecard=FakeScorecard())
    html = plan.to_html()
    assert html.count('<img src="data:image/png;base64,') == 1
    assert "42 people" in html and "what it means" in html
    markdown = plan.to_markdown()
    assert "## Fake audit" in markdown and "](data:image/png;base64," in markdown


def test_save_writes_html_or_markdown_with_the_figure_beside_it(tmp_path):
    write("welcome", "gardeners")
    plan = build_plan(scorecard=FakeScorecard())
    page = plan.save(tmp_path / "plan.html")
    assert "gardeners" in page.read_text()
    notes = plan.save(tmp_path / "plan.md")
    assert "](plan-audit.png)" in notes.read_text()
    assert (tmp_path / "plan-audit.png").read_bytes() == tiny_png()
    assert not list(tmp_path.glob(".*.tmp"))


def test_save_refuses_other_formats_with_a_suggestion(tmp_path):
    with pytest.raises(ValueError, match=r"saved as .html or .md.*plan.html"):
        build_plan(scorecard=FakeScorecard()).save(tmp_path / "plan.pdf")


def test_the_plan_uses_the_real_audit_of_the_sample_nursery_by_default():
    """Integration with sevencs.audit (written alongside this module)."""
    from sevencs.audit import audit_sample

    expected = audit_sample()
    plan = build_plan()
    assert plan.scorecard is not None
    page = BeautifulSoup(plan.to_html(), "html.parser")
    cells = [td.get_text() for td in page.find_all("td")]
    for shown in expected.table["shown"]:
        assert str(shown) in cells
    assert page.find("img")["alt"] == expected.alt


def test_the_audit_alt_text_cannot_break_out_of_the_markdown_image(tmp_path):
    """The account name is in the audit's alt text; rendered, the plan has one image and nothing else
    in its paragraph: no link, no tag, no emphasis made from the name."""
    from bs4 import BeautifulSoup
    from markdown_it import MarkdownIt

    from sevencs import datasets as ds
    from sevencs.audit import audit

    name = 'Evil](javascript:alert(1)) <img src=x onerror="alert(2)"> *bold* `code` \\ [x]'
    card = audit(ds.load_posts(), account=name)
    path = build_plan(scorecard=card).save(tmp_path / "my plan (v2).md")
    rendered = MarkdownIt("commonmark").render(path.read_text())

    paragraph = next(line for line in rendered.splitlines() if "<img" in line)
    tags = BeautifulSoup(paragraph, "html.parser").find_all(True)
    assert [tag.name for tag in tags] == ["p", "img"]
    image = tags[1].attrs
    assert set(image) == {"src", "alt"} and image["src"] == "my%20plan%20%28v2%29-audit.png"
    assert (tmp_path / "my plan (v2)-audit.png").exists()
    assert image["alt"].startswith("Seven small charts, one per C, from the Seven Cs audit of Evil")
    assert "javascript:alert(1))" in image["alt"] and 'onerror="alert(2)"' in image["alt"]
    assert rendered.count("<img") == 1 and "<a " not in rendered
