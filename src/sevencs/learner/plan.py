"""My Seven Cs plan: your reflections from every chapter and your audit, in one document.

>>> from sevencs.learner.plan import build_plan
>>> plan = build_plan()                 # the nursery's audit; or build_plan(scorecard=audit(my_posts))
>>> plan.save("my-seven-cs-plan.html")  # or .md; from a terminal: sevencs plan --out my-plan.html

Each chapter ends with a reflection prompt (``ex.reflection.ask()`` in its exercise
notebook). The plan takes the latest text you saved for each, in course order; a
chapter you have not written yet says so and names the notebook to open. After
the reflections come the audit's figure and scorecard (:mod:`sevencs.audit`).

What you wrote can contain anything, including ``<`` and ``&``: the HTML version
is rendered from templates that escape it (``plan.html``), so it is always shown as
the text you typed and never run as part of the page. The Markdown version escapes ``<``, ``>`` and ``&`` the same
way, because Markdown viewers would otherwise treat them as HTML.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sevencs.atomic import write_bytes_atomically, write_text_atomically
from sevencs.audit import audit_sample
from sevencs.chapters import CHAPTERS
from sevencs.course.store import ProgressStore
from sevencs.errors import InputError
from sevencs.exercises import chapter_items
from sevencs.render.html import figure_html, render
from sevencs.untrusted import markdown_text

TITLE = "My Seven Cs plan"
NOT_WRITTEN = "Not written yet."
#: The scorecard columns shown in the HTML table (when the scorecard has them), with their headings.
SCORECARD_COLUMNS = {
    "c": "C",
    "metric": "measure",
    "shown": "value",
    "meaning": "what it means",
    "next_step": "next step",
    "why_not": "why it is not available",
}


def notebook_for(chapter: str) -> str:
    """The exercise notebook of a chapter: ``exercises/01_connection.ipynb`` and so on."""
    return f"exercises/{CHAPTERS.index(chapter):02d}_{chapter}.ipynb"


#: What a plan made without an audit says in its place.
NO_AUDIT = "No audit in this plan."


@dataclass(frozen=True)
class PlanEntry:
    """One chapter's reflection: the prompt and your latest text (None if not written yet)."""

    number: int
    chapter: str
    prompt: str
    text: str | None
    saved_at: str | None
    notebook: str

    @property
    def heading(self) -> str:
        return f"{self.number} · {self.chapter.capitalize()}"

    @property
    def missing(self) -> str:
        return f"{NOT_WRITTEN} Open {self.notebook} and answer its reflection (the cell with `ex.reflection.ask()`)."


def _md(text: str) -> str:
    """Learner text for Markdown: HTML-like characters escaped, every line kept in the quote."""
    return "\n".join(f"> {line}" if line else ">" for line in html.escape(text, quote=False).splitlines())


@dataclass
class Plan:
    """Your reflections in course order, and the audit (``scorecard``), ready to save or print."""

    entries: list[PlanEntry]
    scorecard: Any | None
    created: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def written(self) -> int:
        return sum(e.text is not None for e in self.entries)

    def _intro(self) -> str:
        return f"Made on {self.created:%d %B %Y}. {self.written} of {len(self.entries)} chapter reflections written."

    def to_markdown(self, image: str | None = None, figure: bool = True) -> str:
        """The plan as Markdown. ``image``: a path to link the audit figure from; else it is embedded.
        ``figure=False`` leaves the figure out (the plain-text view says where it is)."""
        lines = [f"# {TITLE}", "", self._intro(), ""]
        for entry in self.entries:
            lines += [f"## {entry.heading}", "", f"*{html.escape(entry.prompt, quote=False)}*", ""]
            lines += [_md(entry.text) if entry.text is not None else entry.missing, ""]
        lines += ["## My audit", ""]
        if self.scorecard is None:
            lines += [NO_AUDIT, ""]
        elif not figure:
            lines += ["(The audit figure is in the saved HTML version.)", "", self.scorecard.to_markdown().strip(), ""]
        else:
            alt = markdown_text(self.scorecard.alt)
            # a file name as a URL path (spaces, brackets and quotes percent-encoded)
            target = (
                quote(image)
                if image
                else "data:image/png;base64," + base64.b64encode(self.scorecard.png()).decode("ascii")
            )
            lines += [f"![{alt}]({target})", "", self.scorecard.to_markdown().strip(), ""]
        return "\n".join(lines)

    def _context(self) -> dict[str, Any]:
        """What the templates need: the entries, and the audit's figure and scorecard table when there is one."""
        context: dict[str, Any] = {"title": TITLE, "intro": self._intro(), "entries": self.entries}
        if self.scorecard is None:
            context["audit"] = None
            context["audit_problem"] = NO_AUDIT
        else:
            table = self.scorecard.table
            shown = [c for c in SCORECARD_COLUMNS if c in table.columns] or list(table.columns)
            context["audit"] = {
                "figure": figure_html(self.scorecard.png(), str(self.scorecard.alt)),
                "columns": [SCORECARD_COLUMNS.get(c, c) for c in shown],
                "rows": list(table[shown].itertuples(index=False, name=None)),
            }
        return context

    def to_html(self) -> str:
        """A standalone page (opens in any browser, prints on paper); every learner text escaped."""
        return render("plan.html", **self._context())

    def _repr_html_(self) -> str:
        return render("plan_content.html", **self._context())

    def __str__(self) -> str:
        return self.to_markdown(figure=False)

    def save(self, path: str | os.PathLike) -> Path:
        """Write the plan as ``.html`` or ``.md`` (by the file's suffix); returns the path.

        A Markdown plan gets its audit figure as a PNG beside it (``<name>-audit.png``).
        """
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            return write_text_atomically(self.to_html(), path)
        if suffix == ".md":
            image = None
            if self.scorecard is not None:
                picture = path.with_name(f"{path.stem}-audit.png")
                write_bytes_atomically(self.scorecard.png(), picture)
                image = picture.name
            return write_text_atomically(self.to_markdown(image=image), path)
        raise InputError(
            f"a plan is saved as .html or .md, not {path.suffix or 'a name without a suffix'!r}: "
            f"try {path.with_suffix('.html').name}"
        )


def _entries(store: ProgressStore) -> list[PlanEntry]:
    saved = store.reflections()
    entries = []
    for number, chapter in enumerate(CHAPTERS):
        for reflection in chapter_items(chapter)["reflections"]:
            row = saved[(saved["chapter"] == chapter) & (saved["item"] == reflection.name)]
            has = not row.empty and isinstance(row["text"].iloc[0], str) and row["text"].iloc[0].strip()
            entries.append(
                PlanEntry(
                    number=number,
                    chapter=chapter,
                    prompt=reflection.prompt,
                    text=row["text"].iloc[0] if has else None,
                    saved_at=row["time"].iloc[0] if has else None,
                    notebook=notebook_for(chapter),
                )
            )
    return entries


def build_plan(store: ProgressStore | None = None, scorecard: Any | None = None) -> Plan:
    """Your plan: the latest reflection of every chapter, in course order, and an audit.

    ``scorecard``: any audit result with ``.png()``, ``.alt``, ``.to_markdown()`` and ``.table``
    (what :func:`sevencs.audit.audit` returns, run on your own posts). Default: the audit of
    the sample nursery, ``sevencs.audit.audit_sample()``.
    """
    return Plan(_entries(store or ProgressStore()), audit_sample() if scorecard is None else scorecard)
