"""The Caring explorer: response time and sentiment, month by month.

Thin by design: every number comes from :func:`sevencs.caring.monthly_care`
and the drawing from :mod:`sevencs.figures.caring`. VADER scores the mentions
once, when the explorer is built (scoring is the slow part); the
first-response times are computed once too. A slider move then only regroups
those numbers by month, changes the data of the figure's existing lines and
bars, draws them over a background rendered once (blitting, as in the
Connection explorer) and shows the image with its alt text (see :mod:`sevencs.widgets.explorer`).
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import pandas as pd

from sevencs import caring
from sevencs.datasets import load_mentions, load_questions
from sevencs.figures.caring import care_alt, draw, explorer_figure
from sevencs.render.html import render
from sevencs.widgets.explorer import CONTINUOUS, Blitter, Explorer

SLIDER_STYLE = {"description_width": "14em"}
SLIDER_LAYOUT = widgets.Layout(width="34em", max_width="100%")  # narrower on a narrow screen
CHANNELS = ("all", "comment", "message")
MAX_WINDOW = 6


def _fmt(value: object, spec: str) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


def summary_html(table: pd.DataFrame, hours: pd.Series, target: float, scored: pd.DataFrame) -> str:
    answered = hours.dropna()
    human = float((scored["human_label"] == "negative").mean()) if "human_label" in scored else math.nan
    columns = ["month", "questions", "answered", "median_hours", "within_target", "mentions", "negative_share"]
    months = [
        (month, asked, replied, _fmt(median, ".1f"), _fmt(within, ".0%"), mentions, _fmt(negative, ".0%"))
        for month, asked, replied, median, within, mentions, negative in table[columns].itertuples(
            index=False, name=None
        )
    ]
    return render(
        "caring_numbers.html",
        answered=len(answered),
        asked=len(hours),
        median=_fmt(float(answered.median()) if len(answered) else math.nan, ".1f"),
        in_target=int((hours <= target).sum()),
        target=target,
        negative=float((scored["label"] == "negative").mean()),
        human=_fmt(human, ".0%"),
        months=months,
    )


class CaringExplorer(Explorer):
    """A response-time target, a rolling window and a channel; three panels by month.

    >>> explorer = CaringExplorer()        # the nursery's questions and mentions
    >>> explorer.target.value = 4          # what a learner's slider move does
    >>> explorer.table                     # the numbers behind the figure

    Pass your own ``questions`` (``asked_at``, ``first_reply_at``, ``channel``)
    and ``mentions`` (``date``, ``text``, optionally ``human_label``) to explore
    your own account.
    """

    #: answers in the published book: the response-time target: how many questions meet it, month by month
    static_sliders = ("target",)

    def __init__(self, questions: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None) -> None:
        self.questions = load_questions() if questions is None else questions
        self.scored = caring.score_mentions(load_mentions() if mentions is None else mentions)  # VADER once, here
        self.hours = caring.first_response_times(self.questions)
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=CONTINUOUS)
        self.target = widgets.IntSlider(value=24, min=1, max=72, description="response-time target (hours)", **slider)
        self.window = widgets.IntSlider(value=1, min=1, max=MAX_WINDOW, description="rolling window (months)", **slider)
        channels = [
            c for c in CHANNELS if c == "all" or ("channel" in self.questions and c in set(self.questions["channel"]))
        ]
        self.channel = widgets.ToggleButtons(
            options=channels,
            value="all",
            description="channel",
            style={"description_width": "14em", "button_width": "7em"},
        )
        self.table: pd.DataFrame = self._compute()
        self._fig, self._artists = explorer_figure(list(self.table["month"]), self._y_max())
        dynamic = [self._artists[k] for k in ("median", "target", "vader", "human", "bars")]
        self._blitter = Blitter(self._fig, dynamic)
        self._start()

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.target, self.window, self.channel]

    def _selected(self) -> pd.Series:
        if self.channel.value == "all":
            return pd.Series(True, index=self.questions.index)
        return self.questions["channel"] == self.channel.value

    def _compute(self) -> pd.DataFrame:
        chosen = self._selected()
        return caring.monthly_care(
            self.questions[chosen],
            self.scored,
            target=self.target.value,
            window=self.window.value,
            hours=self.hours[chosen],
        )

    def _y_max(self) -> float:
        """A fixed scale for every setting, so two settings can be compared by eye."""
        top = float(self.target.max)
        for channel in self.channel.options:
            chosen = (
                self.questions.index if channel == "all" else self.questions.index[self.questions["channel"] == channel]
            )
            for window in range(1, MAX_WINDOW + 1):
                table = caring.monthly_care(
                    self.questions.loc[chosen], self.scored, window=window, hours=self.hours.loc[chosen]
                )
                top = max(top, float(table["median_hours"].max(skipna=True)))
        return top * 1.08

    def update(self, _change=None) -> None:
        """Recompute with the controls' values and redraw (what a slider move triggers)."""
        self.table = self._compute()
        draw(self._artists, self.table, self.target.value)
        chosen = self._selected()
        self._show(
            self._blitter.png(),
            care_alt(self.table, self.target.value, self.channel.value, self.window.value),
            summary_html(self.table, self.hours[chosen], self.target.value, self.scored),
        )
