"""Errors about a learner's input: short in a notebook, with the message and what to try (issue 13).

The notebook tests run a real kernel on a tiny notebook and read the error output a frontend
shows; the others check the pieces in this process, where nothing about errors changes.
"""

from __future__ import annotations

import os
import re
import warnings

import nbformat
import pandas as pd
import pytest

import sevencs
from sevencs import connection as cx
from sevencs.audit import AuditProblem
from sevencs.classroom.exports import ExportError
from sevencs.datasets import NURSERY, load_network
from sevencs.errors import InputError, LearnerError, full_traceback
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
