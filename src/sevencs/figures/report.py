"""The class report's chart: the hardest exercises, and how many learners passed, needed hints, saw solutions."""

from __future__ import annotations

import math

import pandas as pd

from sevencs.figures import OKABE_ITO, FigureImage, new_figure, style_axes


def hardest_exercises_figure(top: pd.DataFrame, learners: int) -> FigureImage:
    """The exercises of ``top`` as groups of horizontal bars, the first (the hardest) at the top.

    ``top`` has one row per exercise, hardest first, with ``chapter``, ``exercise``,
    ``attempted``, ``passed``, ``needed_hints``, ``saw_solution`` and ``pass_rate``
    (a :class:`sevencs.classroom.report.ClassReport`'s ``exercises``); ``learners``
    is how many learners' exports were read.
    """
    labels = [f"{c} {e}" for c, e in zip(top["chapter"], top["exercise"])]
    series = [
        ("attempted", "attempted", OKABE_ITO["grey"], ""),
        ("passed", "passed", OKABE_ITO["blue"], ""),
        ("needed_hints", "needed a hint", OKABE_ITO["orange"], "//"),
        ("saw_solution", "saw the solution", OKABE_ITO["vermillion"], "xx"),
    ]
    fig = new_figure(8.0, 0.62 * max(len(top), 1) + 1.8)
    ax = fig.add_subplot()
    height = 0.2
    for k, (column, label, colour, hatch) in enumerate(series):
        ax.barh(
            [i + (k - 1.5) * height for i in range(len(top))],
            top[column],
            height=height,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=label,
        )
    ax.set_yticks(range(len(top)), labels)
    ax.invert_yaxis()  # the hardest at the top
    ax.set_xlim(0, max(learners, 1))
    style_axes(
        ax,
        f"The {len(top)} hardest exercises (lowest pass rate first)",
        f"learners (of {learners})",
        "exercise",
    )
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    fig.legend(frameon=False, fontsize=9, ncols=4, loc="outside lower center")
    if top.empty:
        alt = "An empty chart: no exercise in these exports."
    else:
        first = top.iloc[0]
        rate = (
            "no one attempted it"
            if math.isnan(first["pass_rate"])
            else (f"{first['passed']} of {first['attempted']} who attempted it passed")
        )
        alt = (
            f"Horizontal bar chart of the {len(top)} hardest exercises for {learners} "
            f"learners, hardest first: for each, how many attempted it, passed, needed a hint and "
            f"saw the solution. The hardest is {first['chapter']} {first['exercise']}: {rate}, "
            f"{first['needed_hints']} needed a hint and {first['saw_solution']} saw the solution."
        )
    return FigureImage(fig, alt)
