"""The course's HTML: feedback boxes, notes, and the book's kernel-free quizzes, reflections and solutions.

Everything here takes plain values (text, labels, options) and returns HTML;
nothing here knows what an exercise or a question is, so the course machinery
can use it without the view reaching back. Every piece of text is escaped.

The book's markup is the contract with the quiz script and the browser tests::

    <div class="sevencs-quiz" data-quiz-id="clients-sc1">
      … <button class="sevencs-quiz-option" data-index="0" data-correct="true"> …
      <div class="sevencs-quiz-feedback" role="status" aria-live="polite"></div>
      <details class="sevencs-quiz-explanations"> <li class="sevencs-quiz-why" data-index="0"> …
      <button class="sevencs-quiz-reset">Reset my answers</button>
    </div>

One shared script (``sevencs/publish/static/sevencs-quiz.js``) makes every quiz
on every page answer: pick an option, read whether it is right and the
explanation of that option; answers are kept in the browser's local storage
under ``"sevencs-quiz:<chapter>-<item>"`` and a "Reset my answers" button clears
them. Without JavaScript, the question, the options and every explanation
(inside a collapsed ``<details>``) are still there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

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


def text_to_html(text: str) -> str:
    """Escape ``text`` and turn `backticks` into code and blank lines into paragraphs."""
    escaped = html.escape(text)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    paragraphs = [p.replace("\n", "<br>") for p in escaped.split("\n\n")]
    return "".join(f"<p style='margin:0.3em 0'>{p}</p>" for p in paragraphs)


def inline(text: str) -> str:
    """Escape ``text`` for HTML and turn `backticks` into code, without paragraphs."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text)).replace("\n", "<br>")


def box(kind: str, heading: str, body_html: str) -> str:
    """A coloured box of one of the :data:`STYLES`, with an escaped heading over ``body_html``."""
    border, background, symbol, _ = STYLES[kind]
    return (
        f"<div class='sevencs-box' style='border-left:6px solid {border};background:{background};"
        f"color:#1a1a1a;padding:0.6em 1em;margin:0.4em 0;border-radius:4px'>"
        f"<strong style='color:#1a1a1a'><span aria-hidden='true'>{symbol}</span> "
        f"{html.escape(heading)}</strong>{body_html}</div>"
    )


def note_html(kind: str, heading: str, text: str = "", code: str = "") -> str:
    """A hint, a solution or an introduction: a box with text and, below it, code to copy."""
    body = text_to_html(text) if text else ""
    if code:
        body += (
            "<pre style='background:#fff;border:1px solid #ccc;padding:0.5em;"
            f"margin:0.4em 0;white-space:pre-wrap'><code>{html.escape(code)}</code></pre>"
        )
    return box(kind, heading, body)


def _open(is_open: bool) -> str:
    return " open" if is_open else ""


def quiz_html(
    quiz_id: str, label: str, prompt: str, options: Sequence[tuple[str, bool, str]], open_explanations: bool = False
) -> str:
    """A self-check question as kernel-free HTML (see the module's docstring for the markup).

    ``options`` are (text, correct, why) triples. Each option is a ``<button>``
    carrying ``data-index`` (0, 1...) and ``data-correct`` ("true" for exactly
    one); each explanation sits in ``<li class="sevencs-quiz-why" data-index=…>``
    inside a ``<details>``, collapsed unless ``open_explanations`` (the
    instructor edition).
    """
    qid = html.escape(quiz_id, quote=True)
    prompt_id = f"sevencs-quiz-{qid}-prompt"
    buttons = "".join(
        f'<button type="button" class="sevencs-quiz-option" data-index="{i}" '
        f'data-correct="{"true" if correct else "false"}" aria-pressed="false">'
        f'<span class="sevencs-quiz-letter">{LETTERS[i]})</span> '
        f'<span class="sevencs-quiz-text">{inline(text)}</span>'
        f'<span class="sevencs-quiz-mark" aria-hidden="true"></span></button>'
        for i, (text, correct, _) in enumerate(options)
    )
    whys = "".join(
        f'<li class="sevencs-quiz-why" data-index="{i}"><strong>{LETTERS[i]}) '
        f"{'Right.' if correct else 'Not quite.'}</strong> "
        f'<span class="sevencs-quiz-why-text">{inline(why)}</span></li>'
        for i, (_, correct, why) in enumerate(options)
    )
    return (
        f'<div class="sevencs-quiz" data-quiz-id="{qid}">'
        f'<p class="sevencs-quiz-label"><strong>Self-check ({html.escape(label)})</strong></p>'
        f'<div class="sevencs-quiz-prompt" id="{prompt_id}">{text_to_html(prompt)}</div>'
        f'<div class="sevencs-quiz-options" role="group" aria-labelledby="{prompt_id}">{buttons}</div>'
        f'<div class="sevencs-quiz-feedback" role="status" aria-live="polite"></div>'
        f'<details class="sevencs-quiz-explanations"{_open(open_explanations)}>'
        f"<summary>Why each option is right or not</summary>"
        f'<ul class="sevencs-quiz-whys">{whys}</ul></details>'
        f'<p class="sevencs-quiz-tools"><button type="button" class="sevencs-quiz-reset">'
        f"Reset my answers</button></p></div>"
    )


def reflection_html(
    reflection_id: str, label: str, prompt: str, model_answer: str, rubric: Sequence[str], open_answer: bool = False
) -> str:
    """A reflection as HTML: the prompt, where to write, and the model answer (collapsed)."""
    items = "".join(f"<li>{inline(r)}</li>" for r in rubric)
    checklist = f"<p>Compare yours: did you…</p><ul>{items}</ul>" if items else ""
    return (
        f'<div class="sevencs-reflection" data-reflection-id="{html.escape(reflection_id, quote=True)}">'
        f'<p class="sevencs-quiz-label"><strong>Reflection ({html.escape(label)})</strong></p>'
        f'<div class="sevencs-reflection-prompt">{text_to_html(prompt)}</div>'
        f'<p class="sevencs-reflection-where"><em>You write your answer in the notebook: open this page '
        f"as a notebook (the buttons at the top of the page), run the cell, and your text is kept for "
        f"your Seven Cs plan.</em></p>"
        f'<details class="sevencs-model-answer"{_open(open_answer)}>'
        f"<summary>A model answer (read it after writing yours)</summary>"
        f"{text_to_html(model_answer)}{checklist}</details></div>"
    )


def solution_html(exercise_id: str, label: str, note: str, code: str, open_solution: bool = False) -> str:
    """An exercise's model solution (note and code) in a ``<details>``, collapsed unless ``open_solution``."""
    note_part = text_to_html(note) if note else ""
    code_part = (
        f'<pre class="sevencs-solution-code"><code>{html.escape(code)}</code></pre>'
        if code
        else "<p>This exercise has no model code.</p>"
    )
    return (
        f'<details class="sevencs-solution" data-exercise-id="{html.escape(exercise_id, quote=True)}"'
        f"{_open(open_solution)}><summary>A model solution ({html.escape(label)})</summary>"
        f"{note_part}{code_part}</details>"
    )


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
