"""The learner's progress chart (``sevencs.progress()``), drawn from the progress table."""

from __future__ import annotations

import pandas as pd

from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes


def progress_figure(table: pd.DataFrame) -> FigureImage:
    """One group of horizontal bars per chapter: exercises tried, passed, self-checks right.

    ``table`` is :func:`sevencs.learner.progress.progress_counts`: one row per chapter, in
    course order, with ``chapter``, ``exercises``, ``tried``, ``passed`` and ``quiz score``.
    """
    t = table
    shares = {
        "exercises tried": (t["tried"] / t["exercises"]).fillna(0),
        "exercises passed": (t["passed"] / t["exercises"]).fillna(0),
        "self-checks right": t["quiz score"].fillna(0),
    }
    looks = {
        "exercises tried": (OKABE_ITO["sky"], "//"),
        "exercises passed": (OKABE_ITO["blue"], ""),
        "self-checks right": (OKABE_ITO["orange"], ".."),
    }
    fig = new_figure(7.5, 0.55 * len(t) + 1.6)
    ax = fig.add_subplot()
    height = 0.26
    positions = range(len(t))
    for k, (label, values) in enumerate(shares.items()):
        colour, hatch = looks[label]
        ax.barh(
            [p + (k - 1) * height for p in positions],
            100 * values,
            height=height,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=label,
        )
    ax.set_yticks(list(positions), list(t["chapter"]))
    ax.invert_yaxis()  # course order from the top
    ax.set_xlim(0, 100)
    style_axes(ax, "Your progress, chapter by chapter", "share of the chapter (%)", "chapter")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    fig.legend(frameon=False, fontsize=9, ncols=3, loc="outside lower center")
    started = [f"{r.chapter} {r.passed} of {r.exercises}" for r in t.itertuples() if r.tried]
    passed = ("Exercises passed: " + "; ".join(started) + ".") if started else "No exercise tried yet."
    alt = (
        f"Horizontal bar chart of your progress in {len(t)} chapters: for each chapter, the share of "
        f"its exercises tried and passed and of its self-checks answered right. {passed}"
    )
    return FigureImage(fig, alt)
