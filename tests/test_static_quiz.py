"""The published book's kernel-free self-checks, reflections and collapsed solutions.

The markup is parsed with the standard library's HTML parser and compared with
the question bank itself, never with a copy of the renderer's output. The quiz
script's behaviour in a browser is tested by the browser suite (tests/browser).
"""

from __future__ import annotations

import base64
import json
import os
import re
import warnings
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup, Tag

from sevencs.course.engine import Exercise, Feedback, SolutionFeedback, Status
from sevencs.course.questions import Option, Question, Reflection
from sevencs.course.views import question_html as quiz_html
from sevencs.course.views import reflection_html, solution_html
from sevencs.exercises import bank, chapter_items, welcome
from sevencs.publish.sphinxext import STATIC
from sevencs.render.edition import BOOK_ENV, BookModeError, book_mode
from sevencs.render.html import STORAGE_PREFIX

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [q for q in bank() if isinstance(q, Question)]
REFLECTIONS = [r for r in bank() if isinstance(r, Reflection)]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# --- reading the markup -------------------------------------------------------------------------

#: Written as one tag with no closing tag.
VOID = {"br", "img", "hr", "input", "meta", "link"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")


def _tags_as_written(markup: str) -> list[str]:
    return [f"{close}{name.lower()}" for close, name in TAG.findall(markup) if name.lower() not in VOID]


def _tags_in_tree(tag: Tag) -> list[str]:
    found = []
    for child in tag.children:
        if isinstance(child, Tag) and child.name not in VOID:
            found += [child.name, *_tags_in_tree(child), f"/{child.name}"]
    return found


def parse(markup: str) -> BeautifulSoup:
    """The markup as BeautifulSoup reads it, once it is known to be well formed.

    BeautifulSoup quietly repairs a stray or a missing closing tag, as browsers do; so the tags as
    written must open and close in the order of the tree it built.
    """
    soup = BeautifulSoup(markup, "html.parser")
    assert _tags_as_written(markup) == _tags_in_tree(soup), "the tags do not nest: one is not closed where it should be"
    return soup


def test_parse_refuses_markup_whose_tags_do_not_nest():
    assert [t.name for t in parse('<div class="a"><p>x<br></p><img src="y"></div>').find_all(True)] == [
        "div",
        "p",
        "br",
        "img",
    ]
    for broken in ("<div><span>x</div>", "<div><p>x</p>", "<p>x</p></div>", "<div><p>x</div></p>"):
        with pytest.raises(AssertionError, match="do not nest"):
            parse(broken)


def shown(text: str) -> str:
    """What a reader sees of bank text: the backticks become code formatting."""
    return " ".join(text.replace("`", "").split())


def squash(text: str) -> str:
    return " ".join(text.split())


def decoded(quiz: Tag) -> dict:
    """The quiz's ``data-answers``, read the way the quiz script reads it (``JSON.parse(atob(...))``)."""
    return json.loads(base64.b64decode(quiz.attrs["data-answers"], validate=True).decode("ascii"))


def right_index(question: Question) -> int:
    return next(i for i, o in enumerate(question.options) if o.correct)


# --- the quiz markup, for every question in the bank --------------------------------------------


def test_the_bank_has_questions_and_reflections_for_every_chapter():
    from sevencs.exercises import CHAPTERS

    assert {q.chapter for q in QUESTIONS} == set(CHAPTERS)
    assert {r.chapter for r in REFLECTIONS} == set(CHAPTERS)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.label.replace(" ", "-"))
def test_every_question_renders_as_a_complete_quiz(question):
    root = parse(quiz_html(question))
    [quiz] = root.find_all("div", "sevencs-quiz")
    assert quiz.attrs["data-quiz-id"] == f"{question.chapter}-{question.name}"
    assert squash(quiz.find_all(class_="sevencs-quiz-prompt")[0].get_text()) == shown(question.prompt)

    buttons = quiz.find_all("button", "sevencs-quiz-option")
    assert len(buttons) == len(question.options)
    for i, (button, option) in enumerate(zip(buttons, question.options)):
        assert button.attrs["type"] == "button"
        assert button.attrs["data-index"] == str(i)
        assert set(button.attrs) == {"type", "class", "data-index", "aria-pressed"}  # nothing says "right"
        # exactly what a reader sees, spaces included (the snapshots below cannot show those)
        assert squash(button.get_text()) == f"{'abcdefgh'[i]}) {shown(option.text)}"

    # what the quiz script answers with: the right index and each option's explanation, encoded
    answers = decoded(quiz)
    assert answers["right"] == right_index(question)
    assert [squash(BeautifulSoup(w, "html.parser").get_text()) for w in answers["why"]] == [
        shown(o.why) for o in question.options
    ]

    [feedback] = quiz.find_all("div", "sevencs-quiz-feedback")
    assert feedback.attrs["role"] == "status" and feedback.attrs["aria-live"] == "polite"
    assert feedback.get_text() == ""
    assert [squash(b.get_text()) for b in quiz.find_all("button", "sevencs-quiz-reset")] == ["Reset my answers"]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.label.replace(" ", "-"))
def test_the_readers_page_does_not_show_the_answer_before_a_click(question):
    markup = quiz_html(question)
    root = parse(markup)
    assert "data-correct" not in markup and not root.find_all("details") and not root.find_all("li")
    text = squash(root.get_text())
    assert "Right." not in text and "Not quite." not in text
    for option in question.options:  # an explanation ("Yes. ...") would give the answer away
        assert shown(option.why) not in text
        assert squash(option.why) not in squash(markup)
    [note] = root.find_all("noscript")
    assert "JavaScript" in note.get_text() and "notebook" in note.get_text()


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.label.replace(" ", "-"))
def test_the_instructor_edition_lists_every_verdict_and_explanation_openly(question):
    root = parse(quiz_html(question, open_explanations=True))
    [details] = root.find_all("details", "sevencs-quiz-explanations")
    assert "open" in details.attrs and not root.find_all("noscript")
    whys = details.find_all("li", "sevencs-quiz-why")
    assert [w.attrs["data-index"] for w in whys] == [str(i) for i in range(len(question.options))]
    for letter, why, option in zip("abcdefgh", whys, question.options):
        verdict = "Right." if option.correct else "Not quite."
        assert squash(why.get_text()) == f"{letter}) {verdict} {shown(option.why)}"
    assert decoded(root.find_all("div", "sevencs-quiz")[0])["right"] == right_index(question)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.label.replace(" ", "-"))
def test_the_label_names_the_question_as_the_notebook_does(question):
    [label] = parse(quiz_html(question)).find_all(class_="sevencs-quiz-label")
    assert squash(label.get_text()) == f"Self-check {question.name.removeprefix('sc')}"
    assert question.label not in label.get_text() and question.chapter not in label.get_text()


def test_quiz_and_element_ids_are_unique_across_the_bank():
    ids = [f"{q.chapter}-{q.name}" for q in QUESTIONS]
    assert len(set(ids)) == len(ids) == len(QUESTIONS)
    page = "".join(quiz_html(q) for q in QUESTIONS)
    rendered = [e.attrs["data-quiz-id"] for e in parse(page).find_all("div", "sevencs-quiz")]
    assert rendered == ids
    element_ids = [e["id"] for e in parse(page).find_all(id=True)]
    assert len(set(element_ids)) == len(element_ids)


def test_each_option_aria_labels_its_group_with_the_prompt():
    question = welcome.sc1
    root = parse(quiz_html(question))
    [group] = root.find_all("div", "sevencs-quiz-options")
    assert group.attrs["role"] == "group"
    [prompt] = root.find_all(id=group.attrs["aria-labelledby"])
    assert "sevencs-quiz-prompt" in prompt["class"]


NASTY = '<script>alert("x")</script> & <b>bold</b> "quotes" \'single\''


def nasty_question(chapter: str = "welcome") -> Question:
    return Question(
        chapter,
        'sc"9',
        f"Prompt {NASTY}",
        (
            Option(f"Right one {NASTY}", True, f"Why right {NASTY}"),
            Option(f"Wrong one {NASTY}", False, f"Why wrong {NASTY}"),
        ),
    )


def test_every_text_is_escaped():
    question = nasty_question()
    markup = quiz_html(question)
    assert "<script" not in markup and "<b>" not in markup
    root = parse(markup)
    assert not root.find_all("script") and not root.find_all("b")
    assert root.find_all("div", "sevencs-quiz")[0].attrs["data-quiz-id"] == 'welcome-sc"9'
    assert squash(f"Prompt {NASTY}") in squash(root.find_all(class_="sevencs-quiz-prompt")[0].get_text())
    texts = [squash(b.get_text()) for b in root.find_all("button", "sevencs-quiz-option")]
    assert squash(f"Right one {NASTY}") in texts[0] and squash(f"Wrong one {NASTY}") in texts[1]
    # the explanations the script inserts as HTML are escaped too, and stay so once decoded
    whys = decoded(root.find_all("div", "sevencs-quiz")[0])["why"]
    assert all("<script" not in w and "<b>" not in w for w in whys)
    assert squash(BeautifulSoup(whys[1], "html.parser").get_text()) == squash(f"Why wrong {NASTY}")
    opened = parse(quiz_html(question, open_explanations=True))
    assert not opened.find_all("script") and not opened.find_all("b")
    assert squash(f"Why wrong {NASTY}") in squash(opened.find_all("li", "sevencs-quiz-why")[1].get_text())


def test_reflection_and_solution_text_is_escaped_too():
    reflection = Reflection("welcome", "reflection", f"Prompt {NASTY}", f"Model {NASTY}", (f"Rubric {NASTY}",))
    markup = reflection_html(reflection)
    assert "<script" not in markup and not parse(markup).find_all("script")
    assert squash(f"Model {NASTY}") in squash(parse(markup).get_text())

    class Nasty(type(welcome.q1)):
        solution_code = f"answer = '{NASTY}'"
        solution_note = f"Note {NASTY}"

    markup = solution_html(Nasty("welcome", "q1"))
    assert "<script" not in markup
    [code] = parse(markup).find_all("code")
    assert code.get_text() == f"answer = '{NASTY}'"


def test_explanations_open_only_when_asked():
    assert "open" in parse(quiz_html(welcome.sc1, open_explanations=True)).find_all("details")[0].attrs


# --- snapshots of the markup (stored in tests/test_static_quiz/) ---------------------------------
# The quiz script, its style sheet and the browser tests rely on this markup, so any change to it
# shows here as a readable diff (BeautifulSoup's prettify: one tag or text per line). When a change
# is meant, run `pytest tests/test_static_quiz.py --force-regen` and review the snapshots' diff.
# prettify drops whitespace-only text, so the spaces a reader sees are checked in the tests above.

SNAPSHOT_QUESTION = Question(
    "welcome",
    "sc9",
    "Which post invites a `reply`?",
    (
        Option("A sale notice for lawn feed", False, "It speaks to people; it does not ask them anything."),
        Option("A question about their lawns", True, "It asks, so people can answer and pass it on."),
        Option("Ten hashtags", False, "They help people *find* a post, not talk about it."),
    ),
)
SNAPSHOT_REFLECTION = Reflection(
    "welcome",
    "reflection",
    "What would you ask your own customers, and why?",
    "Something they can answer from experience, such as `which plant surprised you`.",
    ("Names who is asked", "Asks one question", "Says why it matters"),
)


class SnapshotExercise(Exercise):
    answer_name = "story_3_hops"
    solution_code = "story_3_hops = 10 * 10 * 10\nstory_3_hops"
    solution_note = "Each hop multiplies by `10`: three hops make 10 × 10 × 10."


class SnapshotExerciseWithoutNote(Exercise):
    solution_code = "answer = len(posts)"


def pretty(markup: str) -> str:
    return BeautifulSoup(markup, "html.parser").prettify()


@pytest.mark.parametrize("opened", [False, True], ids=["closed", "open"])
def test_the_quiz_markup_matches_its_snapshot(file_regression, opened):
    file_regression.check(pretty(quiz_html(SNAPSHOT_QUESTION, open_explanations=opened)), extension=".html")


def test_the_escaped_quiz_markup_matches_its_snapshot(file_regression):
    file_regression.check(pretty(quiz_html(nasty_question())), extension=".html")


@pytest.mark.parametrize("opened", [False, True], ids=["closed", "open"])
def test_the_reflection_markup_matches_its_snapshot(file_regression, opened):
    file_regression.check(pretty(reflection_html(SNAPSHOT_REFLECTION, open_answer=opened)), extension=".html")


@pytest.mark.parametrize(
    "exercise, opened",
    [
        (SnapshotExercise("connection", "q1"), False),
        (SnapshotExercise("connection", "q1"), True),
        (SnapshotExerciseWithoutNote("welcome", "q1"), False),
    ],
    ids=["with-note-closed", "with-note-open", "without-note"],
)
def test_the_solution_markup_matches_its_snapshot(file_regression, exercise, opened):
    file_regression.check(pretty(solution_html(exercise, open_solution=opened)), extension=".html")


# --- reflections and solutions ------------------------------------------------------------------


@pytest.mark.parametrize("reflection", REFLECTIONS, ids=lambda r: r.chapter)
def test_every_reflection_shows_its_prompt_and_says_where_to_write(reflection):
    root = parse(reflection_html(reflection))
    [box] = root.find_all("div", "sevencs-reflection")
    assert box.attrs["data-reflection-id"] == f"{reflection.chapter}-reflection"
    assert shown(reflection.prompt) in squash(box.find_all(class_="sevencs-reflection-prompt")[0].get_text())
    assert "in the notebook" in box.get_text()
    [details] = box.find_all("details", "sevencs-model-answer")
    assert "open" not in details.attrs
    assert shown(reflection.model_answer) in squash(details.get_text())
    assert len(details.find_all("li")) == len(reflection.rubric)
    assert "open" in parse(reflection_html(reflection, open_answer=True)).find_all("details")[0].attrs


EXERCISES = [(c, e) for c in sorted({q.chapter for q in QUESTIONS}) for e in chapter_items(c)["exercises"]]


@pytest.mark.parametrize("chapter,exercise", EXERCISES, ids=lambda x: x if isinstance(x, str) else x.name)
def test_every_solution_renders_collapsed_with_its_code(chapter, exercise):
    root = parse(solution_html(exercise))
    [details] = root.find_all("details", "sevencs-solution")
    assert "open" not in details.attrs
    assert details.attrs["data-exercise-id"] == f"{chapter}-{exercise.name}"
    summary = details.find_all("summary")[0].get_text()
    assert exercise.display_name in summary and exercise.label not in summary  # as the notebook names it
    assert details.find_all("code")[0].get_text() == exercise.solution_code
    if exercise.solution_note:
        assert shown(exercise.solution_note) in squash(details.get_text())
    assert "open" in parse(solution_html(exercise, open_solution=True)).find_all("details")[0].attrs


# --- the switch between a live notebook and the book --------------------------------------------


@pytest.mark.parametrize(
    "value,mode",
    [
        (None, "off"),
        ("", "off"),
        ("0", "off"),
        ("false", "off"),
        (" Off ", "off"),
        ("1", "reader"),
        ("true", "reader"),
        ("reader", "reader"),
        ("BOOK", "reader"),
        ("instructor", "instructor"),
        (" Instructor\n", "instructor"),
    ],
)
def test_book_mode_reads_the_environment(monkeypatch, value, mode):
    if value is not None:
        monkeypatch.setenv(BOOK_ENV, value)
    assert book_mode() == mode


@pytest.mark.parametrize("bad", ["2", "instructors", "teacher", "yes please"])
def test_book_mode_refuses_values_nobody_meant(bad):
    with pytest.raises(BookModeError, match="instructor") as info:
        book_mode(bad)
    assert isinstance(info.value, ValueError) and repr(bad) in str(info.value)


def test_book_mode_refuses_what_is_not_text():
    with pytest.raises(BookModeError, match="must be text"):
        book_mode(1)  # type: ignore[arg-type]


def formats(obj) -> dict:
    """The mime bundle IPython (and so the notebook and myst-nb) gets for ``obj``."""
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(obj)
    return data


def test_a_live_notebook_gets_the_widgets(monkeypatch):
    from sevencs.render.forms import QuestionWidget, ReflectionWidget

    assert isinstance(welcome.sc1.ask(), QuestionWidget)
    assert isinstance(welcome.reflection.ask(), ReflectionWidget)
    monkeypatch.setenv(BOOK_ENV, "0")
    assert isinstance(welcome.sc1.ask(), QuestionWidget)


@pytest.mark.parametrize("value", ["1", "instructor"])
def test_the_book_gets_html_and_no_widget(monkeypatch, value):
    monkeypatch.setenv(BOOK_ENV, value)
    for item in (welcome.sc1, welcome.reflection):
        data = formats(item.ask())
        assert WIDGET_VIEW not in data
        assert set(data) == {"text/html", "text/plain"}
    html = formats(welcome.sc1.ask())["text/html"]
    assert html == quiz_html(welcome.sc1, open_explanations=value == "instructor")
    assert welcome.sc1.options[0].text in formats(welcome.sc1.ask())["text/plain"]
    html = formats(welcome.reflection.ask())["text/html"]
    assert html == reflection_html(welcome.reflection, open_answer=value == "instructor")


def test_a_typo_in_the_switch_falls_back_to_the_widgets_with_a_warning(monkeypatch):
    from sevencs.render.forms import QuestionWidget

    monkeypatch.setenv(BOOK_ENV, "instructer")
    with pytest.warns(UserWarning, match="instructer"):
        assert isinstance(welcome.sc1.ask(), QuestionWidget)


def test_the_blank_check_in_the_book_carries_the_solution_collapsed(monkeypatch):
    live = welcome.q1.check(...)
    assert type(live) is Feedback and "sevencs-solution" not in live._repr_html_()
    monkeypatch.setenv(BOOK_ENV, "1")
    book = welcome.q1.check(...)
    assert isinstance(book, SolutionFeedback) and book.status is Status.NOT_ANSWERED
    assert str(book) == str(live)  # the plain text stays the same
    [details] = parse(book._repr_html_()).find_all("details", "sevencs-solution")
    assert "open" not in details.attrs
    assert details.find_all("code")[0].get_text() == welcome.q1.solution_code
    assert "Not answered yet" in book._repr_html_()
    monkeypatch.setenv(BOOK_ENV, "instructor")
    assert "open" in parse(welcome.q1.check(...)._repr_html_()).find_all("details")[0].attrs


def test_answers_are_still_judged_in_the_book(monkeypatch):
    monkeypatch.setenv(BOOK_ENV, "1")
    expected = welcome.q1.expected()
    assert welcome.q1.check(expected).correct
    wrong = welcome.q1.check(expected + 1)
    assert wrong.status is Status.INCORRECT and type(wrong) is Feedback
    assert "sevencs-solution" not in wrong._repr_html_()


# --- the Sphinx extension, on a one-page site (tests/roots/test-quiz) ---------------------------


@pytest.fixture
def build_quiz_site(make_app, app_params):
    """Builds the test's site when called: after the test has set ``SEVENCS_BOOK``, which the extension reads."""

    def build() -> Path:
        app = make_app(*app_params.args, **app_params.kwargs)
        app.build()
        return app.outdir

    return build


@pytest.mark.sphinx("html", testroot="quiz", srcdir="quiz-reader", freshenv=True)
def test_the_extension_switches_the_book_on_and_ships_the_quiz_files(build_quiz_site):
    out = build_quiz_site()
    assert os.environ[BOOK_ENV] == "reader"
    page = (out / "index.html").read_text()
    assert 'src="_static/sevencs-quiz.js' in page and "defer" in page
    assert 'href="_static/sevencs-quiz.css' in page
    for name in ("sevencs-quiz.js", "sevencs-quiz.css"):
        shipped = STATIC / name
        assert (out / "_static" / name).read_text() == shipped.read_text()
    assert "instructor edition" not in page


@pytest.mark.sphinx("html", testroot="quiz", srcdir="quiz-instructor", freshenv=True)
def test_the_extension_builds_the_instructor_edition(build_quiz_site, monkeypatch):
    monkeypatch.setenv(BOOK_ENV, "Instructor")
    page = (build_quiz_site() / "index.html").read_text()
    assert os.environ[BOOK_ENV] == "instructor"
    assert "Seven Cs (instructor edition)" in page


@pytest.mark.sphinx("html", testroot="quiz", srcdir="quiz-typo", freshenv=True)
def test_the_extension_stops_a_build_with_a_typo(build_quiz_site, monkeypatch):
    from sphinx.errors import ExtensionError

    monkeypatch.setenv(BOOK_ENV, "instructer")
    with pytest.raises(ExtensionError, match="instructer"):
        build_quiz_site()


def test_the_book_config_loads_the_extension():
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "sevencs.publish.sphinxext" in config["sphinx"]["extra_extensions"]


def test_the_quiz_script_uses_the_shared_markup():
    script = (STATIC / "sevencs-quiz.js").read_text()
    for needle in (
        ".sevencs-quiz",
        ".sevencs-quiz-option",
        ".sevencs-quiz-feedback",
        ".sevencs-quiz-reset",
        "data-quiz-id",
        "data-answers",
        "atob",
        STORAGE_PREFIX,
        '"Right"',
        '"Not quite"',
        "localStorage",
    ):
        assert needle in script, needle
    assert "data-correct" not in script


# --- an exercise notebook, executed the way the book executes it --------------------------------

WELCOME = Path("exercises") / "00_welcome.ipynb"


def outputs_of(nb) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def run_notebook(path: Path, edition: str, monkeypatch) -> list[dict]:
    """Execute ``path`` with ``SEVENCS_BOOK=edition``; the kernel inherits the environment."""
    from nbclient import NotebookClient

    monkeypatch.setenv(BOOK_ENV, edition)
    nb = nbformat.read(path, as_version=4)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
    return outputs_of(nb)


def assert_the_welcome_page_renders(outputs: list[dict], is_open: bool) -> None:
    items = chapter_items("welcome")
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if WIDGET_VIEW in o.get("data", {}) and "sevencs-quiz" in str(o)]
    page = parse("".join(o.get("data", {}).get("text/html", "") for o in outputs))
    quizzes = [q.attrs["data-quiz-id"] for q in page.find_all("div", "sevencs-quiz")]
    assert quizzes == [f"welcome-{q.name}" for q in items["questions"]]
    solutions = page.find_all("details", "sevencs-solution")
    assert [d.attrs["data-exercise-id"] for d in solutions] == [f"welcome-{e.name}" for e in items["exercises"]]
    assert all(("open" in d.attrs) is is_open for d in solutions)
    assert all(("open" in d.attrs) is is_open for d in page.find_all("details", "sevencs-quiz-explanations"))
    assert len(page.find_all("div", "sevencs-reflection")) == len(items["reflections"])


def test_the_welcome_exercises_render_for_readers_in_the_book(built_book):
    """The reader edition as the book build executed it (myst-nb keeps that copy in jupyter_execute/)."""
    executed = built_book.parent / "jupyter_execute" / WELCOME
    assert_the_welcome_page_renders(outputs_of(nbformat.read(executed, as_version=4)), is_open=False)


@pytest.mark.slow
def test_the_welcome_exercises_render_for_instructors(monkeypatch):
    assert_the_welcome_page_renders(run_notebook(ROOT / WELCOME, "instructor", monkeypatch), is_open=True)
