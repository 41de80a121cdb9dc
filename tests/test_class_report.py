"""The class report on a made-up class of 200 exports, checked against an independent pandas count."""

from __future__ import annotations

import json
import math
from html import escape

import pandas as pd
import pytest

from classroom import DUPLICATE, RETIRED, SCRIPT_NAME, simulate_class
from sevencs.class_report import CSV_NAME, HTML_NAME, build_report, collect_files
from sevencs.exercises import CHAPTERS
from sevencs.exports import ExportError, read_export
from sevencs.progress import chapter_items


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    return simulate_class(tmp_path_factory.mktemp("class") / "exports", learners=200)


@pytest.fixture(scope="module")
def report(classroom):
    return build_report([classroom.folder])


def independent_events(paths) -> pd.DataFrame:
    """Every event of the good files, read with json and pandas only."""
    frames = []
    for path in paths:
        events = pd.DataFrame(json.loads(path.read_text())["events"],
                              columns=["chapter", "item", "kind", "status"])
        frames.append(events.assign(file=path.name))
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="module")
def truth(classroom) -> pd.DataFrame:
    """Per exercise: learners (files) who attempted, passed, took a hint, saw the solution."""
    events = independent_events(classroom.good)
    attempts = events[events["kind"] == "attempt"]
    def learners(frame):
        return frame.groupby(["chapter", "item"])["file"].nunique()
    return pd.DataFrame({
        "attempted": learners(attempts),
        "passed": learners(attempts[attempts["status"] == "correct"]),
        "needed_hints": learners(events[events["kind"] == "hint"]),
        "saw_solution": learners(events[events["kind"] == "solution"]),
    }).fillna(0).astype(int)


def test_every_good_export_is_read_and_every_broken_one_skipped_by_name(classroom, report):
    assert len(report.learners) == len(classroom.good) == 200
    assert sorted(s.path.name for s in report.skipped) == sorted(p.name for p in classroom.broken)
    reasons = {s.path.name: s.reason for s in report.skipped}
    assert "cut short" in reasons["truncated.json"]
    assert "not valid JSON" in reasons["not-json.json"]
    assert "'someone-elses-progress'" in reasons["wrong-format.json"]
    assert "empty" in reasons["empty.json"]
    summary = report.summary()
    for path in classroom.broken:
        assert path.name in summary


def test_per_exercise_counts_equal_an_independent_count(report, truth):
    table = report.exercises.set_index(["chapter", "exercise"])
    for key, row in truth.iterrows():
        for column in ("attempted", "passed", "needed_hints", "saw_solution"):
            assert table.at[key, column] == row[column], (key, column)
    assert (table["learners"] == 200).all()


def test_exercises_nobody_touched_are_listed_with_zeros(report):
    course = {(c, e.name) for c in CHAPTERS for e in chapter_items(c)["exercises"]}
    listed = set(zip(report.exercises["chapter"], report.exercises["exercise"]))
    assert course <= listed


def test_hardest_first_lowest_pass_rate_then_most_solutions(report):
    table = report.exercises
    rates = [r for r in table["pass_rate"] if not math.isnan(r)]
    assert rates == sorted(rates)
    untried = table["pass_rate"].isna().tolist()
    assert untried == sorted(untried)  # exercises nobody attempted come last
    for (_, a), (_, b) in zip(table.iloc[:-1].iterrows(), table.iloc[1:].iterrows()):
        if a["pass_rate"] == b["pass_rate"]:
            assert a["saw_solution"] >= b["saw_solution"]
    first = table.iloc[0]
    assert first["pass_rate"] == pytest.approx(first["passed"] / first["attempted"])
    assert list(table["rank"]) == list(range(1, len(table) + 1))


def test_chapter_completion_equals_an_independent_count(classroom, report):
    events = independent_events(classroom.good)
    chapters = report.chapters.set_index("chapter")
    for chapter in CHAPTERS:
        names = {e.name for e in chapter_items(chapter)["exercises"]}
        mine = events[events["chapter"] == chapter]
        started = mine["file"].nunique()
        passed = mine[(mine["kind"] == "attempt") & (mine["status"] == "correct") & mine["item"].isin(names)]
        completed = int((passed.groupby("file")["item"].nunique() == len(names)).sum())
        assert chapters.at[chapter, "started"] == started, chapter
        assert chapters.at[chapter, "not_started"] == 200 - started
        assert chapters.at[chapter, "completed"] == completed, chapter
        share = passed.groupby("file")["item"].nunique().sum() / (len(names) * 200)
        assert chapters.at[chapter, "mean_share_passed"] == pytest.approx(share)


def test_skipped_chapters_leave_learners_not_started(report):
    assert (report.chapters["not_started"] > 0).any()


def test_duplicate_names_are_kept_apart_and_flagged(classroom, report):
    named = [x for x in report.learners if x.learner == DUPLICATE]
    assert len(named) == 2 and named[0].path != named[1].path
    note = next(n for n in report.notes if repr(DUPLICATE) in n)
    assert "learner-005.json" in note and "learner-077.json" in note


def test_older_exports_are_read_and_named_in_a_note(classroom, report):
    note = next(n for n in report.notes if "older format" in n)
    assert f"{len(classroom.old)} exports" in note
    assert classroom.old[0].name in note
    retired = report.exercises.set_index(["chapter", "exercise"]).loc[RETIRED]
    assert retired["attempted"] == len(classroom.old) and not retired["in_this_course"]


def test_the_html_page_escapes_every_name_and_embeds_the_chart(report, tmp_path):
    page, table = report.save(tmp_path)
    assert page.name == HTML_NAME and table.name == CSV_NAME
    text = page.read_text()
    assert "<script>alert" not in text
    assert escape(SCRIPT_NAME) in text  # the duplicate-name note quotes the learner's name
    assert text.count('<img src="data:image/png;base64,') == 1
    assert 'alt=""' not in text
    for name in ("truncated.json", "not-json.json"):
        assert name in text


def test_the_csv_holds_the_same_counts_as_the_report(report, tmp_path):
    _, table = report.save(tmp_path)
    csv = pd.read_csv(table)
    assert list(csv["exercise"]) == list(report.exercises["exercise"])
    assert list(csv["passed"]) == list(report.exercises["passed"])


def test_the_chart_has_a_title_labelled_axes_and_alt_text_from_the_numbers(report):
    image = report.figure()
    ax = image.figure.axes[0]
    assert ax.get_title(loc="left") and ax.get_xlabel() and ax.get_ylabel()
    first = report.exercises.iloc[0]
    assert f"{first['chapter']} {first['exercise']}" in image.alt


def test_progress_is_reported_every_n_files(classroom):
    calls = []
    build_report([classroom.folder], on_progress=lambda done, total: calls.append((done, total)), every=50)
    total = len(classroom.good) + len(classroom.broken)
    assert calls[0] == (50, total) and calls[-1] == (total, total)


def test_a_missing_file_is_skipped_not_fatal(tmp_path, classroom):
    files, skipped = collect_files([tmp_path / "nowhere.json", classroom.good[0], classroom.good[0]])
    assert files == [classroom.good[0]]
    assert skipped[0].reason == "there is no such file or folder"


def test_zero_valid_exports_give_an_empty_report_not_a_crash(tmp_path):
    (tmp_path / "bad.json").write_text("{")
    report = build_report([tmp_path])
    assert report.learners == [] and len(report.skipped) == 1
    assert (report.exercises["attempted"] == 0).all()


@pytest.mark.parametrize(
    "content, message",
    [
        ("[1, 2, 3]", "not a Seven Cs progress export"),
        ('{"format": "sevencs-progress"}', "no list of \"events\""),
        ('{"format": "sevencs-progress", "format_version": "two", "events": []}', "whole number"),
        ('{"format": "sevencs-progress", "events": [{"kind": "attempt"}]}', "none names a chapter"),
        ('{"events": []}', "has no \"format\" field"),
    ],
)
def test_read_export_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content)
    with pytest.raises(ExportError, match=message) as info:
        read_export(path)
    assert str(info.value).startswith("x.json: ")


def test_unknown_event_kinds_are_left_out_with_a_note(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "sevencs-progress", "format_version": 9, "events": [
        {"chapter": "connection", "item": "q1", "kind": "attempt", "status": "correct"},
        {"chapter": "connection", "item": "q1", "kind": "teleport"},
    ]}))
    export = read_export(path)
    assert len(export.events) == 1 and export.newer
    assert "teleport" in export.notes[0]
    assert export.learner == "anonymous"
