"""An explorer in the published book: its main sliders answer without a kernel.

While the book is built, every explorer a lab shows renders, with its own
``update()`` (the code a live slider move runs), the state for every value of
its main sliders (``Explorer.static_sliders``): the figure as PNG bytes, the
same figure laid out for a phone (:func:`sevencs.figures.narrow_png`, as every
figure of the book), its alt text and the numbers' HTML. :func:`write_states`
writes them as files, two PNGs and one small script per state, into the folder
the book build names in
``SEVENCS_EXPLORER_STATES`` (:mod:`sevencs.publish.explorers` sets it and
publishes the folder as ``_static/explorers/``). The page gets a light HTML
control instead of the widget (``templates/explorer_static.html``): the page's
script (``sevencs-explorer.js``) fetches a state only when the reader moves a
slider, the PNGs as the ``<picture>``'s ``<img src>`` and phone ``<source srcset>``
and the numbers as a ``<script src>`` that hands them over (JSONP), all of which
work from a folder opened as
``file://``, where a browser refuses ``fetch()``. The other controls are shown
fixed at their value, with a link to run the explorer live.

Every state is drawn as a reader meets it: by a fresh twin of the explorer,
set as the page shows it, then moved to the state's values. Some explorers
keep part of their drawing from the last move (the Clients explorer's bar
scale stays while the bars fit), so reusing one explorer would make a state
depend on the one drawn before it.

With one main slider per explorer, an explorer's states take about 1.5-9 MB
of PNG files in the site (the phone's, twice the pixels, are in a palette of at
most 256 colours as the wide ones are); a reader downloads only the ones they
move to, 20-100 kB a move.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import math
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import comm
import ipywidgets as widgets
from markupsafe import Markup

from sevencs import figures
from sevencs.render.html import figure_html, render

if TYPE_CHECKING:
    from sevencs.widgets.explorer import Explorer

#: The folder the book build writes the explorers' states to (unset: a live notebook, widgets as always).
STATES_ENV = "SEVENCS_EXPLORER_STATES"
#: The link the template gives "Run this explorer live"; the book build puts the page's live link there.
LIVE_HREF = "#sevencs-run-explorer-live"
#: The function each state's script calls (defined by sevencs-explorer.js).
CALLBACK = "sevencsExplorerState"


def states_folder() -> Path | None:
    """Where the book build wants the explorers' states, or None (a live notebook)."""
    folder = os.environ.get(STATES_ENV, "").strip()
    return Path(folder) if folder else None


def slider_values(slider: widgets.Widget) -> list[Any]:
    """Every value a slider can take, from ``min`` to ``max`` in steps of ``step``, as the slider sends them."""
    if isinstance(slider, widgets.IntSlider):
        return list(range(slider.min, slider.max + 1, slider.step))
    if isinstance(slider, widgets.FloatSlider):
        count = math.floor((slider.max - slider.min) / slider.step + 1e-9) + 1
        # rounded as the page's slider sends them (0.3, not 0.30000000000000004)
        return [round(slider.min + i * slider.step, 10) for i in range(count)]
    raise TypeError(f"{type(slider).__name__} is not a slider; expected an IntSlider or a FloatSlider")


def readout(control: widgets.Widget, value: Any) -> str:
    """A control's value as its live readout shows it (the slider's ``readout_format``)."""
    if isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        spec = control.readout_format
        return format(value, "d" if spec == "d" else spec)
    if isinstance(control, widgets.Checkbox):
        return "ticked" if value else "not ticked"
    if hasattr(control, "label") and control.value == value:
        return str(control.label)
    return str(value)


def state_key(indices: Sequence[int]) -> str:
    """The file name (without suffix) of the state at these positions of the main sliders: ``v3``, ``v3-5``."""
    return "v" + "-".join(str(i) for i in indices)


@dataclass(frozen=True)
class State:
    """What the explorer shows at one setting of its main sliders."""

    key: str
    values: tuple[Any, ...]
    png: bytes  # empty when the explorer hides its figure at this setting
    alt: str
    numbers: str
    text_px: float  # the figure's smallest text, CSS px at its own size (as figures.smallest_text_px)
    narrow: bytes  # the figure laid out for a phone (figures.narrow_png); empty with png
    narrow_text_px: float


def hidden(explorer: Explorer) -> bool:
    """Whether the explorer hides its figure now (it does when the figure would not match the controls)."""
    return explorer.figure.layout.display == "none"


def shown(explorer: Explorer) -> tuple[bytes, str, str]:
    """The explorer's figure (empty if hidden), alt text and numbers as they are on screen now."""
    if hidden(explorer):
        return b"", "", explorer.numbers.value
    return explorer.png, explorer.alt, explorer.numbers.value


def for_phones(explorer: Explorer) -> tuple[float, bytes, float]:
    """The smallest text of the figure on screen now (CSS px), the figure laid out for a phone (empty
    if hidden) and its smallest text."""
    if hidden(explorer):
        return 0.0, b"", 0.0
    # steady: an explorer's legends stay in one place from one state to the next
    return figures.smallest_text_px(explorer._fig), *figures.narrow_png(explorer._fig, palette=True, steady=True)


@contextlib.contextmanager
def unseen() -> Iterator[None]:
    """Widgets made in this block talk to no front end (the ``comm`` package's ``DummyComm``).

    A state is drawn by a twin of the explorer that is never shown: a kernel would otherwise send every
    twin's widgets to the page and save them with the notebook.
    """
    made = comm.create_comm  # "intended to be replaced" (the comm package); ipykernel replaces it
    comm.create_comm = comm.DummyComm
    try:
        yield
    finally:
        comm.create_comm = made


def discard(widget: widgets.Widget) -> None:
    """Close a widget and every widget inside it."""
    for child in getattr(widget, "children", ()):
        discard(child)
    widget.close()


def render_states(explorer: Explorer) -> Iterator[State]:
    """Every state of the explorer's main sliders, each drawn by its own ``update()`` in a fresh twin.

    The twin is made as the explorer was (same arguments), set to the explorer's current controls, and then
    its main sliders are moved to the state's values: what a reader sees who opens the explorer and makes
    that move. (Some explorers keep part of their drawing from the last move, so reusing one explorer for
    every state would make a state depend on the one drawn before.)
    """
    args, kwargs = explorer.made_with
    now = [(index, control.value) for index, control in enumerate(explorer.controls)]
    grids = [slider_values(getattr(explorer, name)) for name in explorer.static_sliders]
    for indices in itertools.product(*(range(len(grid)) for grid in grids)):
        values = tuple(grid[i] for grid, i in zip(grids, indices))
        with unseen():
            twin = type(explorer)(*args, **kwargs)
            try:
                for index, value in now:
                    twin.controls[index].value = value
                for name, value in zip(explorer.static_sliders, values):
                    getattr(twin, name).value = value
                state = State(state_key(indices), values, *shown(twin), *for_phones(twin))
            finally:
                discard(twin)
        yield state


def explorer_id(explorer: Explorer) -> str:
    """A name for the explorer's states folder: its chapter and a digest of what it shows at the start.

    Two explorers that start alike (same class, same data) share their states; any difference in the
    figure or numbers gives another folder, so a rebuilt book never shows an old state.
    """
    png, alt, numbers = shown(explorer)
    digest = hashlib.sha256(png + alt.encode() + numbers.encode() + type(explorer).__name__.encode()).hexdigest()
    chapter = type(explorer).__name__.removesuffix("Explorer").lower()
    return f"{chapter}-{digest[:12]}"


def state_script(name: str, state: State) -> str:
    """The script that hands one state's alt text and numbers to the page (a file://-safe JSONP call)."""
    payload = {
        "explorer": name,
        "key": state.key,
        "alt": state.alt,
        "numbers": state.numbers,
        "figure": bool(state.png),
        "textPx": state.text_px,
        "narrowTextPx": state.narrow_text_px,
    }
    return f"{CALLBACK}({json.dumps(payload)});\n"


def write_states(explorer: Explorer, folder: Path) -> str:
    """Render every state of the explorer into ``folder/<id>/`` (``<key>.png``, the phone's
    ``<key>.narrow.png``, ``<key>.js``); returns the id."""
    name = explorer_id(explorer)
    out = Path(folder) / name
    if (out / "done").is_file():  # the same explorer shown twice: its states are there already
        return name
    out.mkdir(parents=True, exist_ok=True)
    for state in render_states(explorer):
        if state.png:
            (out / f"{state.key}.png").write_bytes(state.png)
            (out / f"{state.key}.narrow.png").write_bytes(state.narrow)
        (out / f"{state.key}.js").write_text(state_script(name, state), encoding="utf-8")
    (out / "done").write_text("")
    return name


def _control(explorer: Explorer, control: widgets.Widget, number: int) -> dict[str, Any]:
    """What the template needs to draw one control: movable (with its values' readouts) or fixed."""
    label = control.description or ""
    main = any(control is getattr(explorer, name) for name in explorer.static_sliders)
    item: dict[str, Any] = {"id": f"c{number}", "label": label, "readout": readout(control, control.value)}
    if main:
        values = slider_values(control)
        item.update(
            kind="range", movable=True, index=values.index(control.value), labels=[readout(control, v) for v in values]
        )
    elif isinstance(control, (widgets.IntSlider, widgets.FloatSlider)):
        values = slider_values(control)
        index = min(range(len(values)), key=lambda i: abs(values[i] - control.value))
        item.update(kind="range", movable=False, index=index, labels=[item["readout"]] * len(values))
    elif isinstance(control, widgets.Checkbox):
        item.update(kind="checkbox", movable=False, checked=bool(control.value))
    else:  # a choice: Dropdown, ToggleButtons
        item.update(kind="choice", movable=False, options=list(getattr(control, "_options_labels", ())))
    return item


def static_html(explorer: Explorer, name: str) -> Markup:
    """The explorer as the book shows it: its controls (the main sliders movable), its figure and numbers."""
    png, alt, numbers = shown(explorer)
    if not png:  # the page's figure, its <img> and phone <source>, is what a move updates
        raise ValueError(
            f"The {type(explorer).__name__} hides its figure at the values it starts with, so the book has no "
            "figure to show; start it at values that show one."
        )
    text_px, narrow, narrow_text_px = for_phones(explorer)
    # the figure as every figure of the book (the book build moves its images into files, loaded lazily)
    figure = figure_html(png, alt, text_px=text_px, narrow=narrow, narrow_text_px=narrow_text_px)
    controls = [_control(explorer, control, i) for i, control in enumerate(explorer.controls, start=1)]
    fixed = [c["label"] for c in controls if not c["movable"]]
    moving = [c["label"] for c in controls if c["movable"]]
    return render(
        "explorer_static.html",
        name=name,
        controls=controls,
        moving=moving,
        fixed=fixed,
        figure=figure,
        numbers=Markup(numbers),
        live_href=LIVE_HREF,
    )


def publish(explorer: Explorer, folder: Path) -> Markup:
    """Write the explorer's states into ``folder`` and return the HTML the page shows for it."""
    return static_html(explorer, write_states(explorer, folder))
