"""ipywidgets views of the question bank: self-check questions and reflections.

Only display lives here; what is right and what is saved is decided by
:mod:`sevencs.questions`. Feedback goes into an ``HTML`` widget's ``value`` so
that tests (and the saved widget state in the book) can read it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from sevencs.questions import LETTERS, Question, Reflection
from sevencs.exercises.engine import text_to_html


class QuestionWidget(widgets.VBox):
    """Options as radio buttons, a check button, and the option's explanation."""

    def __init__(self, question: Question) -> None:
        self.question = question
        self.prompt = widgets.HTML(
            f"<p><strong>Self-check ({html.escape(question.label)}).</strong></p>{text_to_html(question.prompt)}"
        )
        self.choices = widgets.RadioButtons(
            options=[(f"{LETTERS[i]}) {o.text}", i) for i, o in enumerate(question.options)],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.button = widgets.Button(description="Check my answer", button_style="primary",
                                     tooltip="See whether this option is right, and why")
        self.feedback = widgets.HTML("")
        self.button.on_click(self._on_check)
        super().__init__([self.prompt, self.choices, self.button, self.feedback])

    def _on_check(self, _button=None) -> None:
        self.feedback.value = self.question.answer(self.choices.value)._repr_html_()


class ReflectionWidget(widgets.VBox):
    """A text box and a save button; after saving, a model answer and a rubric."""

    def __init__(self, reflection: Reflection) -> None:
        self.reflection = reflection
        earlier = reflection.saved_text()
        self.prompt = widgets.HTML(
            f"<p><strong>Reflection ({html.escape(reflection.label)}).</strong></p>{text_to_html(reflection.prompt)}"
        )
        self.text = widgets.Textarea(
            value=earlier or "",
            placeholder="Write a few sentences here, then press the button.",
            layout=widgets.Layout(width="100%", height="10em"),
        )
        self.button = widgets.Button(description="Save and compare", button_style="primary",
                                     tooltip="Save your text and see a model answer")
        note = "You saved a reflection here before; it is shown above. Saving again keeps both versions." \
            if earlier else ""
        self.result = widgets.HTML(f"<p><em>{note}</em></p>" if note else "")
        self.button.on_click(self._on_save)
        super().__init__([self.prompt, self.text, self.button, self.result])

    def _on_save(self, _button=None) -> None:
        self.result.value = self.reflection.save(self.text.value)._repr_html_()
