"""The Relationships explorer: tie strength over the interaction log, with weights you set.

Thin by design: every number comes from :mod:`sevencs.relationships` (the
scores of :func:`~sevencs.relationships.tie_strength` worked out once for each
half-life, then combined with the weights for each move) and the drawing from
:mod:`sevencs.figures.relationships`; this module reads four sliders (the
weights of frequency, recency and reciprocity, and the recency half-life). The
figure is built once and its static parts rendered once as a background; a
slider move changes the bars, names and points and draws just those
(blitting), then shows the image with its alt text (see
:mod:`sevencs.widgets.explorer`).
"""

from __future__ import annotations

from collections.abc import Hashable

import ipywidgets as widgets
import pandas as pd

from sevencs import relationships
from sevencs.datasets import NURSERY, load_interactions
from sevencs.figures.relationships import PARTS, TOP, draw, explorer_figure, figure_alt
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer

SLIDER_STYLE = {"description_width": "12em"}
SLIDER_LAYOUT = widgets.Layout(width="32em", max_width="100%")  # narrower on a narrow screen


def summary_html(table: pd.DataFrame, baseline: pd.DataFrame) -> str:
    top = table.iloc[:TOP]
    one_way = (top["from_us"] == 0) | (top["from_them"] == 0)
    return render(
        "relationships_numbers.html",
        strongest=str(top.index[0]),
        strongest_score=float(top["strength"].iloc[0]),
        one_way=int(one_way.sum()),
        kept=len(set(top.index) & set(baseline.index[:TOP])),
        rows=[(str(name), r) for name, r in zip(top.index, top.itertuples())],
    )


class RelationshipsExplorer(Explorer):
    """Sliders for the weights of frequency, recency and reciprocity, and the recency half-life.

    >>> explorer = RelationshipsExplorer()        # the nursery's interaction log
    >>> explorer.reciprocity.value = 0            # what a learner's slider move does
    >>> explorer.table                            # the numbers behind the figure

    ``interactions`` defaults to the sample log; pass any log with the columns
    date, source, target, kind and the ``account`` on one side of every row.
    """

    #: answers in the published book: the weight of reciprocity: who drops out of the top when one-way ties count less
    static_sliders = ("reciprocity",)

    def __init__(self, interactions: pd.DataFrame | None = None, account: Hashable = NURSERY) -> None:
        self.interactions = load_interactions() if interactions is None else interactions
        self.account = account
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        w = relationships.DEFAULT_WEIGHTS
        self.frequency = widgets.FloatSlider(
            value=w["frequency"], min=0, max=3, step=0.1, description="weight of frequency", **slider
        )
        self.recency = widgets.FloatSlider(
            value=w["recency"], min=0, max=3, step=0.1, description="weight of recency", **slider
        )
        self.reciprocity = widgets.FloatSlider(
            value=w["reciprocity"], min=0, max=3, step=0.1, description="weight of reciprocity", **slider
        )
        self.half_life = widgets.IntSlider(
            value=int(relationships.DEFAULT_HALF_LIFE), min=1, max=180, description="recency half-life (days)", **slider
        )
        self._scores: dict[int, pd.DataFrame] = {}
        self.baseline = relationships.tie_strength(self.interactions, account=account)
        self.table: pd.DataFrame = self.baseline
        self._fig, self._artists = explorer_figure(self.baseline)
        dynamic = [
            *(self._artists["bars"][key] for key, *_ in PARTS),
            self._artists["two"],
            self._artists["one"],
            self._artists["cut"],
        ]
        # the names move from row to row as the ranking changes: each drawn once, then stamped
        self._blitter = Blitter(self._fig, dynamic, stamps=self._artists["names"])
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.frequency, self.recency, self.reciprocity, self.half_life]

    @property
    def weights(self) -> dict[str, float]:
        return {"frequency": self.frequency.value, "recency": self.recency.value, "reciprocity": self.reciprocity.value}

    def update(self, _change=None) -> None:
        """Recompute with the sliders' values and redraw (what a slider move triggers)."""
        weights = self.weights
        if sum(weights.values()) == 0:
            # the last chart no longer matches the sliders: hide it until a weight is back
            self.figure.layout.display = "none"
            self.numbers.value = render("relationships_no_weights.html")
            return
        self.figure.layout.display = None
        half_life = self.half_life.value
        if half_life not in self._scores:  # the weights only combine the scores: worked out once a half-life
            self._scores[half_life] = relationships.tie_scores(self.interactions, half_life, account=self.account)
        self.table = relationships.weigh_ties(self._scores[half_life], **weights)
        draw(self._artists, self.table, weights)
        self._show(
            self._blitter.png(),
            figure_alt(self.table, weights, self.half_life.value),
            summary_html(self.table, self.baseline),
        )
