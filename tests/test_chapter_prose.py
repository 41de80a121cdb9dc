"""Chapter prose reads without Python: no inline calls outside a marked "In code" aside.

Many readers of the book never open a notebook. A chapter says in words what is
computed; the call that computes it lives in the lab, or in an aside titled
"In code" (a MyST admonition or dropdown), which a reader can skip or leave closed:

    ```{admonition} In code
    :class: dropdown
    `ca.response_rate(questions)` computes it.
    ```

The chapters are parsed with MyST's own Markdown parser, so a call in a code span
is found wherever the prose puts it (a paragraph, a list, a table, a note), and
code cells and "In code" asides are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from sevencs.chapters import CHAPTERS

ROOT = Path(__file__).resolve().parents[1]
CHAPTER_FILES = [ROOT / "book" / f"{name}.md" for name in (*CHAPTERS, "capstone")]

# the extensions _config.yml turns on (parse: myst_enable_extensions)
PARSER = create_md_parser(MdParserConfig(enable_extensions={"colon_fence", "deflist", "substitution"}), RendererHTML)
# a name or a dotted name followed by an opening bracket: `len(x)`, `cv.reply_ratio(comments, ...)`
CALL = re.compile(r"[A-Za-z_][\w.]*\s*\(")
# directives whose body is code or data, not prose
CODE_DIRECTIVES = {"code-cell", "code", "code-block", "sourcecode", "literalinclude", "math", "raw", "glue"}
ASIDE_TITLE = "in code"


def _directive(token: Token) -> tuple[str, str] | None:
    """(name, argument) of a ```{name} argument fence or :::{name} argument colon fence, else None."""
    match = re.match(r"\{([^}]+)\}\s*(.*)", token.info.strip())
    return (match.group(1), match.group(2).strip()) if match else None


def _body(content: str) -> str:
    """A directive's content without its options (`:class: dropdown` lines or a --- YAML block)."""
    lines = content.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
        lines = lines[end + 1 :]
    while lines and re.match(r"\s*:[\w-]+:", lines[0]):
        lines = lines[1:]
    return "\n".join(lines)


def calls_in_prose(text: str) -> list[str]:
    """The inline code spans of MyST ``text`` that hold a call, outside code and "In code" asides."""
    found = []
    for token in PARSER.parse(text):
        directive = _directive(token) if token.type in ("fence", "colon_fence") else None
        if directive:
            name, argument = directive
            if name not in CODE_DIRECTIVES and argument.lower() != ASIDE_TITLE:
                found += calls_in_prose(_body(token.content))
        for child in token.children or []:
            if child.type == "code_inline" and CALL.search(child.content):
                found.append(child.content)
    return found


@pytest.mark.parametrize("path", CHAPTER_FILES, ids=lambda p: p.name)
def test_chapter_prose_carries_no_inline_python_calls(path):
    calls = calls_in_prose(path.read_text())
    assert not calls, (
        f"{path.name} has Python calls in its prose: {calls}. Say in words what is computed; put the "
        'call in the lab or in an aside titled "In code".'
    )


@pytest.mark.parametrize(
    "prose",
    [
        "The rate is easy to get: `ca.response_rate(questions)` computes it.",
        "Count them with `len(...)`.",
        "- a list item with `posts.groupby('type')['comments'].mean()`",
        "| what | how |\n| --- | --- |\n| rate | `cv.rates_by_type(posts)` |",
        "A call split over lines, `ca.member_help_share(comments,\nstaff=NURSERY)`, is still a call.",
        "```{note}\nInside a note, `rx.tie_strength(interactions)` is still prose.\n```",
        ":::{admonition} A tip\n:class: tip\n`cv.opening(text)` in a tip that is not the aside.\n:::",
    ],
)
def test_a_call_in_prose_is_found(prose):
    assert calls_in_prose(prose)


@pytest.mark.parametrize(
    "text",
    [
        "The response rate is answered questions divided by all questions asked.",
        "Columns such as `reply_to` and names such as `NURSERY` are not calls.",
        "The number comes from the package: {glue:text}`response_rate:.0%` (see {doc}`../notebooks/06_caring_lab`).",
        "```{admonition} In code\n:class: dropdown\n`ca.response_rate(questions)` computes it.\n```",
        ":::{dropdown} In code\n`ca.response_rate(questions, within=24)` keeps the denominator.\n:::",
        "```{code-cell} ipython3\n:tags: [remove-input]\nresponse_times_figure(hours)\n```",
    ],
)
def test_words_code_cells_and_in_code_asides_pass(text):
    assert calls_in_prose(text) == []
