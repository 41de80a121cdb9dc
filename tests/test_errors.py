"""Errors about a learner's input: short in a notebook, with the message and what to try (issue 13).

The notebook tests run a real kernel on a tiny notebook and read the error output a frontend
shows; the others check the pieces in this process, where nothing about errors changes.
"""

from __future__ import annotations

import contextlib
import linecache
import os
import re
import warnings
from collections.abc import Iterator

import nbformat
import pandas as pd
import pytest

import sevencs
from sevencs import clients as cl
from sevencs import connection as cx
from sevencs import errors
from sevencs.audit import AuditProblem, audit, split_posts
from sevencs.classroom.exports import ExportError
from sevencs.datasets import NURSERY, load_leads, load_network, load_survey
from sevencs.errors import InputError, LearnerError, file_name_hint, full_traceback, install_hints
from sevencs.imports import ImportProblem, example_path, read_posts

PACKAGE = os.path.dirname(os.path.abspath(sevencs.__file__))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def day(moment: pd.Timestamp) -> str:
    return f"{moment.day} {moment:%B %Y}"


# --- the short display and the full traceback ---------------------------------------------------


def test_errors_about_input_are_learner_errors_and_keep_their_python_names():
    with pytest.raises(ValueError) as not_there:
        cx.reach(load_network(), "nobody_at_all", 2)
    with pytest.raises(TypeError) as not_a_graph:
        cx.reach({"a": "b"}, "a", 2)
    with pytest.raises(ValueError) as no_file:
        read_posts(example_path("posts.csv").with_name("no_such_file.csv"))
    for error in (not_there.value, not_a_graph.value, no_file.value):
        assert isinstance(error, LearnerError)
    assert (not_there.value.familiar_name, not_a_graph.value.familiar_name) == ("ValueError", "TypeError")
    assert no_file.value.familiar_name == "ValueError"
    assert issubclass(AuditProblem, LearnerError) and issubclass(ImportProblem, LearnerError)
    assert issubclass(ExportError, LearnerError) and issubclass(ExportError, ValueError)


def test_an_account_name_in_quotes_says_to_write_the_labs_name_without_them():
    graph = load_network()
    with pytest.raises(ValueError) as refused:
        cx.reach(graph, "NURSERY", 2)
    message = str(refused.value)
    assert "'NURSERY' is not in the network" in message
    assert "NURSERY without quotes" in message and repr(NURSERY) in message
    assert "from sevencs.datasets import NURSERY" in message
    assert cx.reach(graph, NURSERY, 2) > 0  # what it says to write works


def test_the_short_display_is_the_learners_line_the_message_and_how_to_see_everything():
    graph = load_network()
    try:
        cx.reach(graph, "NURSERY", 2)  # the learner's line
    except LearnerError as error:
        shown = error._render_traceback_()
    text = "\n".join(shown)
    assert len(shown) <= 8
    assert 'cx.reach(graph, "NURSERY", 2)  # the learner\'s line' in text
    assert "ValueError: the account 'NURSERY' is not in the network" in text
    assert "Try:  cx.reach(graph, NURSERY, 2)" in text
    assert "sevencs.full_traceback()" in text
    assert PACKAGE not in text and "_checks.py" not in text and "connection.py" not in text


def test_a_short_display_keeps_the_message_even_with_no_line_of_the_learners():
    error = InputError("the graph has no accounts")  # never raised: no traceback, no line of the learner's
    shown = error._render_traceback_()
    assert shown[0] == "ValueError: the graph has no accounts"
    assert "sevencs.full_traceback()" in shown[-1]


def test_full_traceback_prints_the_lines_inside_the_package(capsys, monkeypatch):
    try:
        cx.reach(load_network(), "NURSERY", 2)
    except LearnerError as error:
        monkeypatch.setattr("sys.last_value", error, raising=False)
        monkeypatch.setattr("sys.last_exc", error, raising=False)
    full_traceback()
    printed = capsys.readouterr().out
    assert os.path.join(PACKAGE, "connection.py") in printed and os.path.join(PACKAGE, "_checks.py") in printed
    assert "the account 'NURSERY' is not in the network" in printed


def test_full_traceback_with_no_error_says_so(capsys, monkeypatch):
    monkeypatch.setattr("sys.last_value", None, raising=False)
    monkeypatch.setattr("sys.last_exc", None, raising=False)
    full_traceback()
    assert "no error" in capsys.readouterr().out.lower()


# --- a file name without quotes -----------------------------------------------------------------


@contextlib.contextmanager
def cell(source: str, namespace: dict | None = None) -> Iterator[BaseException]:
    """Run ``source`` as IPython runs a cell (its lines in linecache under a cell's name) and give
    its error, while the cell's lines are still there to read."""
    name = f"<ipython-input-{abs(hash(source))}>"
    linecache.cache[name] = (len(source), None, source.splitlines(keepends=True), name)
    try:
        exec(compile(source, name, "exec"), {"read_posts": read_posts, **(namespace or {})})
    except Exception as error:
        yield error
    else:
        raise AssertionError("the cell ran without an error")
    finally:
        del linecache.cache[name]


def hint_of(source: str, namespace: dict | None = None) -> str:
    with cell(source, namespace) as error:
        return file_name_hint(error, error.__traceback__)


def test_a_file_name_without_quotes_gets_a_hint_to_put_it_in_quotes():
    hint = hint_of("posts = read_posts(my_posts.csv)\n")
    assert "read_posts('my_posts.csv')" in hint and "quotes" in hint


def test_a_file_name_without_quotes_after_a_table_of_that_name_gets_the_hint_too():
    # read_posts(my_posts.csv) after my_posts = read_posts(...): AttributeError, no attribute 'csv'
    hint = hint_of("read_posts(my_posts.csv)\n", {"my_posts": pd.DataFrame({"a": [1]})})
    assert "read_posts('my_posts.csv')" in hint


@pytest.mark.parametrize(
    "source",
    [
        "prnt('x')\n",
        "read_posts(my_posts)\n",
        "name = 'my_posts.csv'\nmy_posts\n",  # the file name is in quotes; the slip is elsewhere
        "my_posts.colums\n",  # a misspelt attribute, not a file ending
    ],
)
def test_an_unrelated_slip_gets_no_file_name_hint(source):
    assert hint_of(source, {"my_posts": pd.DataFrame({"a": [1]})} if "colums" in source else None) == ""


class FakeShell:
    """What install_hints needs of IPython's shell: its custom handlers, and where tracebacks go."""

    def __init__(self, custom_exceptions=()):
        self.custom_exceptions = custom_exceptions
        self.handler = None
        self.shown = []

    def set_custom_exc(self, exc_tuple, handler):
        self.custom_exceptions, self.handler = exc_tuple, handler

    def showtraceback(self, exc_tuple, tb_offset=None):
        self.shown.append(exc_tuple)


def test_the_hint_is_a_note_under_the_normal_traceback(monkeypatch):
    shell = FakeShell()
    monkeypatch.setattr(errors, "_shell", lambda: shell)
    assert install_hints()
    assert NameError in shell.custom_exceptions
    with cell("read_posts(my_posts.csv)\n") as error:
        shell.handler(shell, type(error), error, error.__traceback__)
    assert shell.shown == [(NameError, error, error.__traceback__)]  # the normal traceback, with the note
    assert any("read_posts('my_posts.csv')" in note for note in error.__notes__)
    with cell("prnt('x')\n") as other:
        shell.handler(shell, type(other), other, other.__traceback__)
    assert not getattr(other, "__notes__", [])


def test_a_custom_handler_someone_else_set_is_left_alone(monkeypatch):
    shell = FakeShell(custom_exceptions=(ZeroDivisionError,))
    monkeypatch.setattr(errors, "_shell", lambda: shell)
    assert not install_hints()
    assert shell.custom_exceptions == (ZeroDivisionError,) and shell.handler is None


# --- item 6: a filter that kept nothing; a Bass fit read by name --------------------------------


def test_an_empty_filter_says_it_matched_nothing_and_lists_the_values_present():
    survey = load_survey()
    with pytest.raises(ValueError) as refused:
        cl.promoter_groups(survey[survey["source"] == "Social"])
    message = str(refused.value)
    assert 'survey[survey["source"] == "Social"] matched no rows' in message
    for source in survey["source"].unique():
        assert repr(source) in message
    assert "Did you mean 'social'?" in message


def test_an_empty_filter_made_on_an_earlier_line_is_found_too():
    survey = load_survey()
    wanted = "Facebook"
    social = survey.loc[survey.source == wanted, ["score"]]
    with pytest.raises(ValueError) as refused:
        cl.net_promoter_score(social)
    message = str(refused.value)
    assert 'survey.loc[survey.source == wanted, ["score"]] matched no rows' in message
    assert all(repr(source) in message for source in survey["source"].unique())


def test_the_nps_of_scores_an_empty_filter_kept_is_undefined_and_says_why():
    survey = load_survey()
    nps = cl.net_promoter_score(survey.loc[survey["source"] == "Social", "score"])
    assert not nps and "matched no rows" in str(nps)
    assert all(repr(source) in str(nps) for source in survey["source"].unique())


def test_an_empty_table_not_made_by_a_filter_still_says_what_to_look_at():
    with pytest.raises(ValueError) as refused:
        cl.promoter_groups(load_survey().iloc[0:0])
    assert "is empty" in str(refused.value) and ".unique()" in str(refused.value)


def test_a_date_filter_that_keeps_no_posts_says_the_range_the_posts_cover():
    posts = read_posts(example_path("posts.csv"))
    later = posts["date"].max() + pd.Timedelta(days=400)
    split = f"{later:%Y-%m-%d}"
    with pytest.raises(ValueError) as refused:
        audit(posts[posts["date"] >= split])
    message = str(refused.value)
    assert "matched no rows" in message
    assert day(posts["date"].min()) in message and day(posts["date"].max()) in message
    assert f"as {day(pd.Timestamp(split))}" in message


def test_a_bass_fit_reads_by_name_as_by_attribute():
    fit = cl.fit_bass(cl.monthly_new_clients(load_leads(), "social"))
    assert fit["q"] == fit.q and fit["p"] == fit.p and fit["market"] == fit.market
    with pytest.raises(KeyError) as refused:
        fit["imitation"]
    assert "'imitation'" in str(refused.value) and "fit.q" in str(refused.value)
    with pytest.raises(TypeError):
        list(fit)  # reading by name does not make a fit a sequence


# --- item 9: the capstone's before/after split --------------------------------------------------


@pytest.fixture(scope="module")
def posts() -> pd.DataFrame:
    return read_posts(example_path("posts.csv"))


def test_a_split_date_that_reads_two_ways_is_refused_with_both_readings(posts):
    with pytest.raises(AuditProblem) as refused:
        split_posts(posts, "01/06/2026")
    message = str(refused.value)
    assert "1 June 2026" in message and "6 January 2026" in message
    assert "'2026-06-01'" in message and "'2026-01-06'" in message


@pytest.mark.parametrize("side", ["after", "before"])
def test_a_split_date_outside_the_posts_says_how_it_was_read_their_range_and_which_half_is_empty(posts, side):
    first, last = posts["date"].min(), posts["date"].max()
    outside = (last + pd.Timedelta(days=200)) if side == "after" else (first - pd.Timedelta(days=200))
    with pytest.raises(AuditProblem) as refused:
        split_posts(posts, f"{outside:%Y-%m-%d}")
    message = str(refused.value)
    assert f"was read as {day(outside)}" in message
    assert day(first) in message and day(last) in message
    assert f"the '{side}' half would be empty" in message


def test_a_clear_date_splits_the_posts_at_that_day(posts):
    middle = posts["date"].sort_values().iloc[len(posts) // 2].normalize()
    before, after = split_posts(posts, f"{middle:%Y-%m-%d}")
    assert len(before) + len(after) == len(posts) and len(before) and len(after)
    assert (before["date"] < middle).all() and (after["date"] >= middle).all()
    assert split_posts(posts, middle)[0].equals(before)  # a date object, such as the median, too


def test_a_slashed_date_that_can_only_be_day_first_is_read_so(posts):
    # 13/.. can only be the 13th: read day first, as the same day written year first
    inside = posts["date"].sort_values().iloc[len(posts) // 2]
    thirteenth = pd.Timestamp(inside.year, inside.month, 13)
    before, _ = split_posts(posts, f"13/{thirteenth:%m/%Y}")
    assert before.equals(split_posts(posts, f"{thirteenth:%Y-%m-%d}")[0])


# --- in a real kernel: what the notebook shows ---------------------------------------------------

CELLS = {
    "setup": (
        "from sevencs import connection as cx\n"
        "from sevencs import clients as cl\n"
        "from sevencs.datasets import load_network, load_survey\n"
        "from sevencs.imports import read_posts\n"
        "G, survey = load_network(), load_survey()"
    ),
    "account": "cx.reach(G, 'NURSERY', 2)",
    "full": "import sevencs\nsevencs.full_traceback()",
    "filter": "cl.promoter_groups(survey[survey['source'] == 'Social'])",
    "file": "read_posts(my_posts.csv)",
    "typo": "prnt('x')",
    "other": "1 / 0",
}


@pytest.fixture(scope="module")
def kernel_outputs() -> dict[str, list[dict]]:
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in CELLS.values()])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True).execute()
    return {name: cell.outputs for name, cell in zip(CELLS, nb.cells)}


def shown_error(outputs: list[dict]) -> str:
    """The error output as a frontend shows it: the traceback's lines, without colours."""
    (error,) = [o for o in outputs if o.output_type == "error"]
    return ANSI.sub("", "\n".join(error.traceback))


@pytest.mark.slow
def test_in_a_notebook_an_input_error_is_a_few_lines_with_the_learners_line(kernel_outputs):
    shown = shown_error(kernel_outputs["account"])
    assert len(shown.splitlines()) <= 8
    assert "cx.reach(G, 'NURSERY', 2)" in shown
    assert "ValueError: the account 'NURSERY' is not in the network" in shown
    assert "Try:  cx.reach(G, NURSERY, 2)" in shown
    assert "sevencs.full_traceback()" in shown
    assert PACKAGE not in shown and "_checks.py" not in shown
    other = shown_error(kernel_outputs["other"])  # an error that is not about input keeps IPython's display
    assert "Traceback (most recent call last)" in other and "ZeroDivisionError" in other
    assert "sevencs.full_traceback()" not in other


@pytest.mark.slow
def test_in_a_notebook_full_traceback_shows_the_package_lines(kernel_outputs):
    printed = ANSI.sub("", "".join(o.get("text", "") for o in kernel_outputs["full"]))
    assert os.path.join(PACKAGE, "connection.py") in printed and os.path.join(PACKAGE, "_checks.py") in printed


@pytest.mark.slow
def test_in_a_notebook_an_empty_filter_lists_the_values(kernel_outputs):
    shown = shown_error(kernel_outputs["filter"])
    assert "survey[survey['source'] == 'Social']" in shown and "matched no rows" in shown
    assert all(repr(s) in shown for s in load_survey()["source"].unique())
    assert len(shown.splitlines()) <= 8


@pytest.mark.slow
def test_in_a_notebook_a_file_name_without_quotes_gets_the_hint_and_a_typo_does_not(kernel_outputs):
    file = shown_error(kernel_outputs["file"])
    assert "NameError: name 'my_posts' is not defined" in file
    assert "read_posts('my_posts.csv')" in file and "quotes" in file
    typo = shown_error(kernel_outputs["typo"])
    assert "NameError: name 'prnt' is not defined" in typo
    assert "quotes" not in typo and "Hint" not in typo
