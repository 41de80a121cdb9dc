"""The course's HTML, rendered from the Jinja2 templates in ``sevencs/render/templates``.

One environment (:func:`environment`) renders every page and fragment of the
package: feedback boxes, notes, the book's kernel-free quizzes, reflections and
solutions, the explorers' numbers, the progress tables, and the standalone
pages (the plan, the audit, the class report), which include the one
stylesheet ``templates/sevencs.css`` inline so that each stays a single file.

Autoescape is on for every ``.html`` template: whatever a template prints is
escaped unless it is :class:`markupsafe.Markup`, which only this package makes
(a fragment from :func:`render`, or text turned into HTML by the filters
below, which escape it first). Learner text is never marked safe. Missing
values fail loudly (``StrictUndefined``) instead of printing nothing.

Everything here takes plain values (text, labels, options, numbers) and
returns HTML; nothing here knows what an exercise or a question is, so the
course machinery can use it without the view reaching back.

The book's markup is the contract with the quiz script and the browser tests::

    <div class="sevencs-quiz" data-quiz-id="clients-sc1" data-answers="eyJ3aHkiOiBbIl…">
      … <button class="sevencs-quiz-option" data-index="0"> …
      <div class="sevencs-quiz-feedback" role="status" aria-live="polite"></div>
      (instructor edition) <details class="sevencs-quiz-explanations" open>
                             <li class="sevencs-quiz-why" data-index="0"> …
      <button class="sevencs-quiz-reset">Reset my answers</button>
    </div>

One shared script (``sevencs/publish/static/sevencs-quiz.js``) makes every quiz
on every page answer: pick an option, read whether it is right and the
explanation of that option; answers are kept in the browser's local storage
under ``"sevencs-quiz:<chapter>-<item>"`` and a "Reset my answers" button clears
them. Which option is right, and every option's explanation, travel in
``data-answers`` (:func:`quiz_answers`): encoded, so that a reader who looks at
the page's source or its attributes does not meet the answer before choosing.
That is about fairness, not secrecy: anyone may decode it. The instructor
edition also lists every option's verdict and explanation openly. Without
JavaScript, the question and the options still show, with a note that the
notebook checks the answer.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

#: How options are lettered: a), b), c)...
LETTERS = "abcdefgh"
#: The prefix of every local-storage key the quiz script writes.
STORAGE_PREFIX = "sevencs-quiz:"

#: Border, background, symbol and word of each kind of box. Okabe–Ito colours (readable with
#: every common colour-vision deficiency); every box also carries a word and a symbol, so colour
#: is never the only signal.
STYLES = {
    "correct": ("#009E73", "#e6f5f0", "✔", "Correct"),
    "incorrect": ("#D55E00", "#fbece3", "✘", "Not yet"),
    "not answered": ("#0072B2", "#e5f0f7", "…", "Not answered yet"),
    "hint": ("#E69F00", "#fdf4e0", "💡", "Hint"),
    "solution": ("#0072B2", "#e5f0f7", "📖", "Solution"),
    "info": ("#555555", "#f2f2f2", "ℹ", "Exercise"),
}

_CODE = re.compile(r"`([^`]+)`")


# --- the filters: text in, escaped HTML out ----------------------------------------------------


def inline(text: str) -> Markup:
    """Escape ``text`` and turn `backticks` into code and line breaks into ``<br>``, without paragraphs."""
    # the text is escaped before the pattern runs, so what lands inside <code> is escaped too
    with_code = _CODE.sub(r"<code>\1</code>", str(escape(text)))
    return Markup(with_code.replace("\n", "<br>"))


def text_to_html(text: str) -> Markup:
    """Escape ``text`` and turn `backticks` into code and blank lines into paragraphs."""
    paragraph = Markup("<p style='margin:0.3em 0'>{}</p>")
    return Markup("").join(paragraph.format(inline(p)) for p in str(text).split("\n\n"))


def paragraphs(text: str) -> Markup:
    """Escape ``text`` and keep its paragraphs and line breaks, nothing else: how a learner's own words show."""
    lines = [Markup("<br>\n").join(escape(p).split("\n")) for p in str(text).split("\n\n")]
    return Markup("").join(Markup("<p>{}</p>\n").format(p) for p in lines)


def fmt(value: Any, spec: str) -> str:
    """``format(value, spec)``: numbers in templates as in f-strings (``{{ n|fmt(",.0f") }}``)."""
    return format(value, spec)


def cell(value: Any) -> Any:
    """A table cell's value; a missing one (None or NaN) as an empty cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- the environment ---------------------------------------------------------------------------


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of the package, made on first use."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("sevencs.render", "templates"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        text_to_html=text_to_html, inline=inline, paragraphs=paragraphs, fmt=fmt, cell=cell, base64=_base64
    )
    env.globals.update(styles=STYLES, letters=LETTERS)
    return env


def render(template_name: str, /, **context: Any) -> Markup:
    """Render ``templates/<template_name>`` with ``context``; the result can go into another template as is."""
    return Markup(environment().get_template(template_name).render(**context))


# --- fragments the course shows ----------------------------------------------------------------


def box(kind: str, heading: str, body: str = "") -> Markup:
    """A coloured box of one of the :data:`STYLES`, with a heading over ``body`` (escaped unless Markup)."""
    return render("box.html", kind=kind, heading=heading, body=body)


def note_html(kind: str, heading: str, text: str = "", code: str = "") -> Markup:
    """A hint, a solution or an introduction: a box with text and, below it, code to copy."""
    return render("note.html", kind=kind, heading=heading, text=text, code=code)


def figure_html(
    png: bytes,
    alt: str,
    text_px: float | None = None,
    narrow: bytes | None = None,
    narrow_text_px: float | None = None,
) -> Markup:
    """A PNG as an ``<img>`` that carries its data (base64) and its alt text: every figure the course shows.

    With ``narrow`` (the figure laid out for a phone, at twice the pixels), narrow screens show that
    one instead. ``text_px`` and ``narrow_text_px``: the height of each one's smallest text, in CSS
    pixels at its own size, kept on the page (``data-text-px``) for the browser tests.
    """
    return render("figure.html", png=png, alt=alt, text_px=text_px, narrow=narrow, narrow_text_px=narrow_text_px)


def quiz_answers(options: Sequence[tuple[str, bool, str]]) -> str:
    """What the quiz script needs to answer, out of plain sight: ``{"why": [<HTML>...], "right": <index>}``
    as ASCII JSON in base64 (the script reads it with ``JSON.parse(atob(...))``).

    Each explanation is the HTML the page would show (escaped, with `code`), so the script can insert it.
    """
    right = next(i for i, (_, correct, _) in enumerate(options) if correct)
    # the explanations first: then the encoded text does not open with the same few characters that
    # differ only by the right index, which a curious reader could learn to spot
    payload = {"why": [str(inline(why)) for _, _, why in options], "right": right}
    return _base64(json.dumps(payload).encode("ascii"))


def quiz_html(
    quiz_id: str, label: str, prompt: str, options: Sequence[tuple[str, bool, str]], open_explanations: bool = False
) -> Markup:
    """A self-check question as kernel-free HTML (see the module's docstring for the markup).

    ``options`` are (text, correct, why) triples, exactly one of them correct. Each option is a
    ``<button>`` carrying ``data-index`` (0, 1...) and nothing that says whether it is right; that,
    and every explanation, is in the quiz's ``data-answers`` (:func:`quiz_answers`). With
    ``open_explanations`` (the instructor edition) every option's verdict and explanation are also
    listed openly, in ``<li class="sevencs-quiz-why" data-index=…>`` inside an open ``<details>``.
    """
    return render(
        "quiz.html",
        quiz_id=quiz_id,
        label=label,
        prompt=prompt,
        options=options,
        answers=quiz_answers(options),
        open_explanations=open_explanations,
    )


def reflection_html(
    reflection_id: str, label: str, prompt: str, model_answer: str, rubric: Sequence[str], open_answer: bool = False
) -> Markup:
    """A reflection as HTML: the prompt, where to write, and the model answer (collapsed)."""
    return render(
        "reflection.html",
        reflection_id=reflection_id,
        label=label,
        prompt=prompt,
        model_answer=model_answer,
        rubric=rubric,
        open_answer=open_answer,
    )


def solution_html(exercise_id: str, label: str, note: str, code: str, open_solution: bool = False) -> Markup:
    """An exercise's model solution (note and code) in a ``<details>``, collapsed unless ``open_solution``."""
    return render(
        "solution.html", exercise_id=exercise_id, label=label, note=note, code=code, open_solution=open_solution
    )


def hints_html(exercise_id: str, label: str, hints: Sequence[str], open_hints: bool = False) -> Markup:
    """An exercise's hints as a numbered list in a ``<details>``, collapsed unless ``open_hints``."""
    return render("hints.html", exercise_id=exercise_id, label=label, hints=hints, open_hints=open_hints)


@dataclass(frozen=True)
class StaticHTML:
    """Finished HTML for a notebook output: shown as ``text/html``, with a plain-text fallback.

    Deliberately not a widget: myst-nb prefers a widget view over HTML, and a
    widget cannot work in a page without a kernel.
    """

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text
