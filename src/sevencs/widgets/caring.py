"""The Caring explorer: response time and sentiment, month by month.

Thin by design: every number comes from :func:`sevencs.caring.monthly_care`
and the drawing from :mod:`sevencs.figures.caring`. VADER scores the mentions
once, when the explorer is built (scoring is the slow part); the
first-response times are computed once too. A slider move then only regroups
those numbers by month, changes the data of the figure's existing lines and
bars, draws them over a background rendered once (blitting, as in the
Connection explorer) and shows the image with alt text in an ``HTML`` widget.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import pandas as pd

from sevencs import caring
from sevencs.datasets import load_mentions, load_questions
from sevencs.figures.caring import care_alt, draw, explorer_figure
from sevencs.widgets.explorer import Blitter, Explorer

SLIDER_STYLE = {"description_width": "14em"}
SLIDER_LAYOUT = widgets.Layout(width="34em")
CHANNELS = ("all", "comment", "message")
MAX_WINDOW = 6


def _fmt(value: object, spec: str) -> str:
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else format(value, spec)


def summary_html(table: pd.DataFrame, hours: pd.Series, target: float, scored: pd.DataFrame) -> str:
    answered = hours.dropna()
    asked = len(hours)
    in_target = int((hours <= target).sum())
    negative = float((scored["label"] == "negative").mean())
    human = float((scored["human_label"] == "negative").mean()) if "human_label" in scored else math.nan
    rows = "".join(
        f"<tr><td>{r.month}</td><td>{r.questions}</td><td>{r.answered}</td>"
        f"<td>{_fmt(r.median_hours, '.1f')}</td><td>{_fmt(r.within_target, '.0%')}</td>"
        f"<td>{r.mentions}</td><td>{_fmt(r.negative_share, '.0%')}</td></tr>"
        for r in table.itertuples()
    )
    median = _fmt(float(answered.median()) if len(answered) else math.nan, ".1f")
    return (
        f"<p>Over the whole year: <strong>{len(answered)} of {asked}</strong> questions got a reply; "
        f"the median wait for a first reply was <strong>{median} hours</strong>. "
        f"<strong>{in_target} of {asked}</strong> ({in_target / asked:.0%} of the questions asked) were "
        f"answered within your target of {target:g} hours. VADER calls <strong>{negative:.0%}</strong> "
        f"of the mentions negative; a careful reader, <strong>{_fmt(human, '.0%')}</strong>.</p>"
        "<table class='sevencs-numbers' style='border-collapse:collapse'>"
        "<caption style='text-align:left'>Month by month</caption>"
        "<thead><tr><th scope='col'>month</th><th scope='col'>questions</th><th scope='col'>answered</th>"
        "<th scope='col'>median hours</th><th scope='col'>within target</th><th scope='col'>mentions</th>"
        "<th scope='col'>negative (VADER)</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
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

    def __init__(self, questions: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None) -> None:
        self.questions = load_questions() if questions is None else questions
        self.scored = caring.score_mentions(load_mentions() if mentions is None else mentions)  # VADER once, here
        self.hours = caring.first_response_times(self.questions)
        slider = dict(style=SLIDER_STYLE, layout=SLIDER_LAYOUT, continuous_update=False)
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
        dynamic = [self._artists[k] for k in ("median", "target", "vader", "human")] + self._artists["bars"]
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
