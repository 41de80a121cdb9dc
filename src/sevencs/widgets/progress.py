"""The confirmation widget of ``sevencs.reset(chapter)``: nothing happens until the button is clicked."""

from __future__ import annotations

import ipywidgets as widgets

from sevencs.exercises.engine import box, text_to_html
from sevencs.store import ProgressStore


class ResetWidget(widgets.VBox):
    """What a reset does, and a button "Yes, start <chapter> over"."""

    def __init__(self, chapter: str, store: ProgressStore | None = None) -> None:
        self.chapter = chapter
        self.store = store
        self.message = widgets.HTML(box("info", f"Start {chapter} over?", text_to_html(
            f"This clears your checks, hints, self-check answers and reflection for {chapter}, so the "
            "chapter counts as new. Nothing is deleted: your old progress is kept in the archive of "
            "your progress file. Other chapters are not touched."
        )))
        self.button = widgets.Button(
            description=f"Yes, start {chapter} over",
            button_style="danger",
            tooltip=f"Move your {chapter} progress to the archive",
            layout=widgets.Layout(width="auto"),
        )
        self.result = widgets.HTML("")
        self.button.on_click(self._on_confirm)
        super().__init__([self.message, self.button, self.result])

    def _on_confirm(self, _button=None) -> None:
        from sevencs.progress import reset_chapter

        self.button.disabled = True
        try:
            note = reset_chapter(self.chapter, confirm=True, store=self.store)
        except Exception as exc:  # a locked or unwritable file must not crash the notebook
            self.result.value = box("info", "Not reset", text_to_html(
                f"Your progress could not be changed ({type(exc).__name__}: {exc}). "
                "Nothing was lost. Close other notebooks of the course and try again."))
            self.button.disabled = False
            return
        self.result.value = note._repr_html_()
