"""How fast each explorer answers a key press in a real JupyterLab, beside the naive ``interact``.

For each chapter's explorer this starts JupyterLab on 127.0.0.1 with a copy of
the course (``tests/lab_harness.py``), writes a scratch notebook into the lab's
folder and opens it in Debian's Chromium. The notebook's cells: one that times
every widget message the kernel handles (the Python side), one that shows the
explorer (``make_explorer()`` of ``benchmarks/explorer_<chapter>.py``) and one
with the naive way: ``ipywidgets.interact`` with copies of the same controls,
building the chapter's whole figure again and displaying it on every move
(``naive(explorer)`` of the same file).

In each of the two, the first slider's handle gets the focus and the right (or
left) arrow key is pressed 20 times, 10 one way then 10 back; each press waits
for its answer. A press is timed in the page from the key going down to the
new figure's ``<img>`` in the DOM (a MutationObserver sees its ``src``
change), and to that figure decoded and on the next frame (``img.decode()``,
then ``requestAnimationFrame``): what a learner sees. Two presses first warm
up and are not counted. The kernel's time for each message is taken too.

Then the key is held (10 presses 33 ms apart, as a held key repeats) and the
handle dragged with the mouse (15 steps 33 ms apart): the time from the last
press, or letting go, to the last new figure (the one for where the slider
stopped), and how many figures came on the way (the page sends a widget's
newest value only once the kernel has answered, so values in between are
dropped).

Prints a table (median and worst in milliseconds) and writes it to
``_build/lab-latency.txt``.

    make bench-lab        # or: .venv/bin/python benchmarks/lab_latency.py [chapter ...]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(HERE))

from explorers import chapter_benchmarks  # noqa: E402

from lab_harness import chromium, open_notebook, run_all, running_lab  # noqa: E402

MOVES = 20
WARM_UP = 2
HELD = 10
REPEAT_MS = 33  # a held key repeats about 30 times a second
DRAG_STEPS = 15
TIMEOUT_MS = 5_000
OUT = ROOT / "_build" / "lab-latency.txt"

# The first cell: every message a widget gets from the page that sets a value is timed, by widget.
TIMING_CELL = """\
import sys, time
import ipywidgets as widgets

sys.path.insert(0, {bench!r})
_handle = widgets.Widget._handle_msg
HANDLED: dict[str, list[float]] = {{}}
CPU: dict[str, list[float]] = {{}}


def _timed(self, msg):
    began, cpu = time.perf_counter(), time.thread_time()
    try:
        return _handle(self, msg)
    finally:
        data = msg["content"]["data"]
        if data.get("method") == "update" and "value" in data.get("state", {{}}):
            HANDLED.setdefault(self.model_id, []).append((time.perf_counter() - began) * 1000)
            CPU.setdefault(self.model_id, []).append((time.thread_time() - cpu) * 1000)


widgets.Widget._handle_msg = _timed
"""

EXPLORER_CELL = """\
import explorer_{chapter} as bench

explorer = bench.make_explorer()
first_slider = next(c for c in explorer.controls if isinstance(c, (widgets.IntSlider, widgets.FloatSlider)))
explorer
"""

NAIVE_CELL = """\
from explorers import control_names

KEEP = ("options", "value", "min", "max", "step", "description", "readout_format", "style")


def copy(control):
    return type(control)(**{{k: getattr(control, k) for k in KEEP if control.has_trait(k)}})


naive_controls = {{name: copy(getattr(explorer, name)) for name in control_names(explorer)}}
naive_first = naive_controls[control_names(explorer)[explorer.controls.index(first_slider)]]
_ = widgets.interact(bench.naive(explorer), **naive_controls)
"""

# In the page: a key press is timed from keydown to the new figure in the given cell's output.
PAGE_HELPERS = """() => {
  if (window.__latency) return;
  const state = {lastKey: 0, changes: []};
  document.addEventListener('keydown', () => { state.lastKey = performance.now(); }, true);
  document.addEventListener('pointerup', () => { state.lastKey = performance.now(); }, true);
  const output = i => window.jupyterapp.shell.currentWidget.content.widgets[i].node.querySelector('.jp-OutputArea');
  const figures = root => [...root.querySelectorAll('img')];
  window.__latency = {
    arm(i, timeout) {
      const root = output(i);
      const before = new Map(figures(root).map(img => [img, img.src]));
      state.result = new Promise(resolve => {
        const observer = new MutationObserver(() => {
          const fresh = figures(root).find(img => img.src && before.get(img) !== img.src);
          if (!fresh) return;
          const dom = performance.now() - state.lastKey;
          observer.disconnect();
          clearTimeout(timer);
          fresh.decode().catch(() => null).then(() => requestAnimationFrame(
            () => resolve({dom, shown: performance.now() - state.lastKey})));
        });
        const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, timeout);
        observer.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
      });
    },
    result() { return state.result; },
    watch(i) {
      const root = output(i);
      const seen = new Map(figures(root).map(img => [img, img.src]));
      state.changes = [];
      state.observer = new MutationObserver(() => {
        for (const img of figures(root)) {
          if (img.src && seen.get(img) !== img.src) {
            seen.set(img, img.src);
            img.decode().catch(() => null).then(() => requestAnimationFrame(
              () => state.changes.push(performance.now())));
          }
        }
      });
      state.observer.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
    },
    stop() {
      state.observer.disconnect();
      return {lastKey: state.lastKey, changes: state.changes};
    },
    direction(i) {
      const slider = output(i).querySelector('.noUi-target').noUiSlider;
      const range = slider.options.range;
      const value = Number(slider.get());
      const room = (range.max - value) / slider.options.step >= 10;
      return room ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
    },
  };
}"""

KERNEL_OUTPUT = """async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  let text = '';
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') text += msg.content.text; };
  await future.done;
  return text;
}"""

KERNEL_IDLE = """async () => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  await new Promise(r => setTimeout(r, 100));
  while (kernel.status !== 'idle') { await new Promise(r => setTimeout(r, 20)); }
}"""


def scratch_notebook(chapter: str) -> nbformat.NotebookNode:
    cells = [TIMING_CELL.format(bench=str(HERE)), EXPLORER_CELL.format(chapter=chapter), NAIVE_CELL.format()]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def python_times(page) -> dict[str, list[float]]:
    code = (
        "import json; print(json.dumps({'explorer': HANDLED.get(first_slider.model_id, []),"
        " 'explorer_cpu': CPU.get(first_slider.model_id, []), 'naive': HANDLED.get(naive_first.model_id, [])}))"
    )
    return json.loads(page.evaluate(KERNEL_OUTPUT, code))


def press_and_time(page, cell: int, key: str) -> dict | None:
    page.evaluate("([i, t]) => window.__latency.arm(i, t)", [cell, TIMEOUT_MS])
    page.keyboard.press(key)
    answer = page.evaluate("() => window.__latency.result()")
    page.evaluate(KERNEL_IDLE)
    return answer


def held_key(page, cell: int, key: str) -> tuple[float | None, int]:
    """Press ``key`` HELD times, REPEAT_MS apart: the time from the last press to the last new figure,
    and how many new figures appeared."""
    page.evaluate("i => window.__latency.watch(i)", cell)
    for _ in range(HELD):
        page.keyboard.press(key)
        page.wait_for_timeout(REPEAT_MS)
    page.evaluate(KERNEL_IDLE)
    page.wait_for_timeout(1000)  # any last figure still on its way
    page.evaluate(KERNEL_IDLE)
    seen = page.evaluate("() => window.__latency.stop()")
    return (seen["changes"][-1] - seen["lastKey"] if seen["changes"] else None), len(seen["changes"])


def dragged(page, cell: int, key: str) -> tuple[float | None, int]:
    """Drag the handle DRAG_STEPS steps of 6 px the way ``key`` goes, REPEAT_MS apart, and let go: the time
    from letting go to the last new figure, and how many new figures appeared while dragging and after."""
    way = 1 if key == "ArrowRight" else -1
    handle = page.locator(".jp-Notebook .jp-Cell").nth(cell).locator(".noUi-handle").first
    box = handle.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.evaluate("i => window.__latency.watch(i)", cell)
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, DRAG_STEPS + 1):
        page.mouse.move(x + 6 * step * way, y)
        page.wait_for_timeout(REPEAT_MS)
    page.mouse.up()
    page.evaluate(KERNEL_IDLE)
    page.wait_for_timeout(1000)
    page.evaluate(KERNEL_IDLE)
    seen = page.evaluate("() => window.__latency.stop()")
    last = seen["changes"][-1] - seen["lastKey"] if seen["changes"] else None
    return last, len(seen["changes"])


def measure(page, cell: int) -> dict:
    handle = page.locator(".jp-Notebook .jp-Cell").nth(cell).locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    away, back = page.evaluate("i => window.__latency.direction(i)", cell)
    for key in (away, back)[:WARM_UP]:
        press_and_time(page, cell, key)
    answers = [press_and_time(page, cell, away if n < MOVES // 2 else back) for n in range(MOVES)]
    shown = [a["shown"] for a in answers if a]
    dom = [a["dom"] for a in answers if a]
    return {
        "shown": shown,
        "dom": dom,
        "missed": answers.count(None),
        "held": held_key(page, cell, away),
        "drag": dragged(page, cell, back),  # the held key went away: there is room back
    }


def run_chapter(page, lab, chapter: str) -> dict:
    path = f"lab-latency/{chapter}.ipynb"
    (lab.root / "lab-latency").mkdir(exist_ok=True)
    nbformat.write(scratch_notebook(chapter), lab.root / path)
    open_notebook(page, lab, path)
    run_all(page, timeout=300_000)
    page.locator(".jp-Notebook .jp-Cell").nth(2).locator("img").first.wait_for(timeout=60_000)
    page.evaluate(PAGE_HELPERS)
    figure = page.locator(".jp-Notebook .jp-Cell").nth(1).locator("img").first
    named = figure.evaluate("i => Boolean(i.getAttribute('alt') || i.getAttribute('title'))")
    explorer = measure(page, 1)
    naive = measure(page, 2)
    handled = python_times(page)
    # the warm-up, held-key and drag moves are in the kernel's list too: keep the 20 timed ones
    return {
        "named": named,
        "explorer": explorer,
        "naive": naive,
        "python": handled["explorer"][WARM_UP : WARM_UP + MOVES],
        "python_cpu": handled["explorer_cpu"][WARM_UP : WARM_UP + MOVES],
        "naive_python": handled["naive"][WARM_UP : WARM_UP + MOVES],
    }


def cell(times: list[float]) -> str:
    return f"{statistics.median(times):5.0f} / {max(times):5.0f}" if times else "    — /     —"


def burst(answer: tuple[float | None, int]) -> str:
    ms, figures = answer  # ms below 0: the last figure was on screen before the last press or letting go
    return f"{max(ms, 0):4.0f} ms, {figures:2d} figs" if ms is not None else "       —      "


def table(results: dict[str, dict]) -> str:
    lines = [
        f"Arrow-key presses on the first slider in JupyterLab (Chromium), {MOVES} each, median / worst in ms:",
        "  Python: the kernel handling the slider's message (computing, drawing, sending the figure), wall clock;",
        "  CPU: the same, the kernel thread's CPU time (what is left when other processes take none);",
        "  in DOM: key down to the new figure's <img> in the page; on screen: to it decoded, at the next frame.",
        f"Held key: {HELD} presses {REPEAT_MS} ms apart. Drag: {DRAG_STEPS} mouse steps {REPEAT_MS} ms apart.",
        "  Time from the last press (letting go) to the last new figure on screen, and how many figures came.",
        "alt: the explorer's figure has alt text (or a title, its accessible name without alt) in the page.",
        "",
        f"{'explorer':<14} {'alt':>3} {'Python':>13} {'CPU':>13} {'in DOM':>13} {'on screen':>13} {'held key':>16} "
        f"{'drag':>16}  | {'naive Python':>13} {'naive screen':>13} {'naive held':>16}",
    ]
    for chapter, r in results.items():
        e, n = r["explorer"], r["naive"]
        missed = f"   ({e['missed']} + {n['missed']} presses unanswered)" if e["missed"] or n["missed"] else ""
        lines.append(
            f"{chapter:<14} {'yes' if r['named'] else 'NO':>3} {cell(r['python']):>13} {cell(r['python_cpu']):>13} "
            f"{cell(e['dom']):>13} "
            f"{cell(e['shown']):>13} {burst(e['held']):>16} {burst(e['drag']):>16}  | "
            f"{cell(r['naive_python']):>13} {cell(n['shown']):>13} {burst(n['held']):>16}{missed}"
        )
    return "\n".join(lines) + "\n"


def main(chapters: list[str]) -> None:
    results: dict[str, dict] = {}
    with (
        tempfile.TemporaryDirectory(prefix="sevencs-lab-") as tmp,
        running_lab(Path(tmp) / "course") as lab,
        sync_playwright() as playwright,
        chromium(playwright) as browser,
    ):
        for chapter, _ in chapter_benchmarks():
            if chapters and chapter not in chapters:
                continue
            began = time.monotonic()
            page = browser.new_page(viewport={"width": 1400, "height": 2000})
            results[chapter] = run_chapter(page, lab, chapter)
            page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
            page.close()
            print(f"{chapter}: measured in {time.monotonic() - began:.0f} s", file=sys.stderr)
    report = table(results)
    print(report)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(report)


if __name__ == "__main__":
    main(sys.argv[1:])
