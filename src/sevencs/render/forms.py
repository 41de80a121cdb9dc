"""The notebook's small forms: a self-check, a reflection box, an exercise's help, the confirmation of a reset,
saving a progress file to hand in.

Only display lives here. Each form is given plain text to show and a callback
to call when its button is pressed (ipywidgets' ``on_click`` style); what is
right, what is saved and what is reset is decided by the course
(:mod:`sevencs.course.views` builds these forms). Feedback goes into an ``HTML``
widget's ``value`` so that tests (and the saved widget state in the book) can
read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from sevencs.render.html import LETTERS, box, render, text_to_html


class QuestionWidget(widgets.VBox):
    """Options as radio buttons, a check button, and the option's explanation.

    ``on_check(choice)`` gets the picked option's position (None when nothing is
    picked) and returns the feedback as HTML.
    """

    def __init__(self, label: str, prompt: str, options: Sequence[str], on_check: Callable[[Any], str]) -> None:
        self.on_check = on_check
        self.prompt = widgets.HTML(render("form_prompt.html", label=label, prompt=prompt))
        self.choices = widgets.RadioButtons(
            options=[(f"{LETTERS[i]}) {text}", i) for i, text in enumerate(options)],
            value=None,
            layout=widgets.Layout(width="auto"),
        )
        self.button = widgets.Button(
            description="Check my answer", button_style="primary", tooltip="See whether this option is right, and why"
        )
        self.feedback = widgets.HTML("")
        self.button.on_click(self._on_check)
        super().__init__([self.prompt, self.choices, self.button, self.feedback])

    def _on_check(self, _button: Any = None) -> None:
        self.feedback.value = self.on_check(self.choices.value)


class ReflectionWidget(widgets.VBox):
    """A text box and a save button; after saving, a model answer and a rubric.

    ``earlier`` is the text saved before (shown in the box), ``on_save(text)``
    saves the text and returns what to show as HTML and whether it was saved.
    """

    def __init__(
        self, label: str, prompt: str, earlier: str | None, on_save: Callable[[str], tuple[str, bool]]
    ) -> None:
        self.on_save = on_save
        self.prompt = widgets.HTML(render("form_prompt.html", label=label, prompt=prompt))
        # The text reaches the kernel when the learner leaves the box (clicking the button does), not at
        # every key press.
        self.text = widgets.Textarea(
            value=earlier or "",
            placeholder="Write a few sentences here, then press the button.",
            layout=widgets.Layout(width="100%", height="10em"),
            continuous_update=False,
        )
        self.button = widgets.Button(
            description="Save and compare", button_style="primary", tooltip="Save your text and see a model answer"
        )
        self.result = widgets.HTML(render("saved_before.html") if earlier else "")
        self.pressed = False  # the button was pressed: from then on the box saves its newer text as it arrives
        self.saved: str | None = None  # the text this box last saved
        self.button.on_click(self._on_save)
        self.text.observe(self._on_text, names="value")
        super().__init__([self.prompt, self.text, self.button, self.result])

    def _on_save(self, _button: Any = None) -> None:
        self.pressed = True
        text = self.text.value
        if text == self.saved:  # already saved (as the click left the box): keep one copy
            return
        html, saved = self.on_save(text)
        self.saved = text if saved else None
        self.result.value = html + (render("keeps_saving.html") if saved else "")

    def _on_text(self, change: dict[str, Any]) -> None:
        """Once the button has been pressed, the box saves its newer text as it arrives.

        ipywidgets' frontend holds back a widget's newest value while the kernel is still busy with its
        previous update, but sends a button's click at once. So a click straight after typing can reach
        Python before the last words do, and saving only on the click stored a reflection cut short
        while the form said "Saved". Saving the text that arrives after the click stores what the learner sees.
        """
        if self.pressed:
            self._on_save()


class HelpWidget(widgets.VBox):
    """Two buttons under an exercise: the next hint, and the model solution.

    Running the cell shows the buttons and nothing else, so running a whole notebook takes no hint.
    ``on_hint(n)`` returns hint ``n`` (1 is the gentlest) as HTML, ``on_solution()`` the solution.
    """

    def __init__(self, hints: int, on_hint: Callable[[int], str], on_solution: Callable[[], str]) -> None:
        self.hints, self.on_hint, self.on_solution = hints, on_hint, on_solution
        self.shown = 0  # hints shown so far
        self.hint_button = widgets.Button(
            description="Show a hint" if hints else "No hints for this one",
            disabled=not hints,
            tooltip="A nudge towards the answer; press again for a stronger one",
            layout=widgets.Layout(width="auto"),
        )
        self.solution_button = widgets.Button(
            description="Show the model solution",
            tooltip="Code that answers the exercise, to compare with yours",
            layout=widgets.Layout(width="auto"),
        )
        self.output = widgets.HTML("")
        self.hint_button.on_click(self._on_hint)
        self.solution_button.on_click(self._on_solution)
        super().__init__([widgets.HBox([self.hint_button, self.solution_button]), self.output])

    def _on_hint(self, _button: Any = None) -> None:
        self.shown = min(self.shown + 1, self.hints)
        self.output.value = self.on_hint(self.shown)
        if self.shown < self.hints:
            self.hint_button.description = f"Show hint {self.shown + 1} of {self.hints}"
        else:
            self.hint_button.description, self.hint_button.disabled = "That was the last hint", True

    def _on_solution(self, _button: Any = None) -> None:
        self.output.value = self.on_solution()


class ResetWidget(widgets.VBox):
    """What a reset does, and a button "Yes, start <chapter> over".

    Nothing happens until the button is clicked; then ``on_reset()`` resets the
    chapter and returns what to show as HTML. If it raises (a locked or
    unwritable progress file), the form says nothing was lost and the button
    stays available.
    """

    def __init__(self, chapter: str, on_reset: Callable[[], str]) -> None:
        self.chapter = chapter
        self.on_reset = on_reset
        self.message = widgets.HTML(
            box(
                "info",
                f"Start {chapter} over?",
                text_to_html(
                    f"This clears your checks, hints, self-check answers and reflection for {chapter}, so the "
                    "chapter counts as new. Nothing is deleted: your old progress is kept in the archive of "
                    "your progress file. Other chapters are not touched."
                ),
            )
        )
        self.button = widgets.Button(
            description=f"Yes, start {chapter} over",
            button_style="danger",
            tooltip=f"Move your {chapter} progress to the archive",
            layout=widgets.Layout(width="auto"),
        )
        self.result = widgets.HTML("")
        self.button.on_click(self._on_confirm)
        super().__init__([self.message, self.button, self.result])

    def _on_confirm(self, _button: Any = None) -> None:
        self.button.disabled = True
        try:
            self.result.value = self.on_reset()
        except Exception as exc:  # a locked or unwritable file must not crash the notebook
            self.result.value = box(
                "info",
                "Not reset",
                text_to_html(
                    f"Your progress could not be changed ({type(exc).__name__}: {exc}). "
                    "Nothing was lost. Close other notebooks of the course and try again."
                ),
            )
            self.button.disabled = False


class HandInWidget(widgets.VBox):
    """A name box, a reflections tick box and a button "Save my progress file" (to hand in).

    ``name`` fills the box (the name given last time, or empty); ``on_save(name, with_reflections)``
    saves the file and returns what to show as HTML. If it raises, the form says nothing was lost
    and the button stays available.
    """

    def __init__(self, name: str, on_save: Callable[[str, bool], str]) -> None:
        self.on_save = on_save
        self.prompt = widgets.HTML(
            render(
                "form_prompt.html",
                label="Hand in your progress",
                prompt="Save your progress as one file for your instructor. Write your name as your "
                "instructor knows it, then press the button.",
            )
        )
        self.name = widgets.Text(
            value=name, placeholder="Your name", description="Your name", layout=widgets.Layout(width="24em")
        )
        self.reflections = widgets.Checkbox(
            value=False, description="Include my reflections (they are personal: only if you want to)", indent=False
        )
        self.button = widgets.Button(
            description="Save my progress file",
            button_style="primary",
            tooltip="Write your progress to a file you can hand in",
            layout=widgets.Layout(width="auto"),
        )
        self.result = widgets.HTML("")
        self.button.on_click(self._on_save)
        super().__init__([self.prompt, self.name, self.reflections, self.button, self.result])

    def _on_save(self, _button: Any = None) -> None:
        self.button.disabled = True
        try:
            self.result.value = self.on_save(self.name.value, self.reflections.value)
        except Exception as exc:  # a busy or unwritable file must not crash the notebook
            self.result.value = box(
                "info",
                "Not saved",
                text_to_html(
                    f"Your progress file could not be saved ({type(exc).__name__}: {exc}). Nothing was lost. "
                    "Try again in a moment."
                ),
            )
        finally:
            self.button.disabled = False


class ProgressWidget(widgets.VBox):
    """What ``sevencs.progress()`` shows in a live notebook: the chart and table (``overview``, HTML),
    and below them the form to hand in a progress file (``hand_in``)."""

    def __init__(self, overview: str, hand_in: HandInWidget) -> None:
        self.overview = widgets.HTML(overview)
        self.hand_in = hand_in
        super().__init__([self.overview, hand_in])
