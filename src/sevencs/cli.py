"""The ``sevencs`` command: your progress and plan; class reports and answer keys for instructors.

    sevencs progress                      your progress, chapter by chapter
    sevencs export --name "Sam Lee"       a progress file to hand in
    sevencs plan --out my-plan.html       your Seven Cs plan
    sevencs report exports/ --out report  a class report from many progress files
    sevencs report --homes '/home/*/seven-cs' --agenda taster --watch
                                          ... from every learner's progress file on a hub, kept current
    sevencs answer-key --out keys         the exercise notebooks with the solutions filled in,
                                          and answer sheets to check screens at a glance
    sevencs hub-link --hub https://hub.example.org
                                          a link that puts the course on a JupyterHub

``sevencs <command> --help`` explains each one. Exit status: 0 when it worked,
1 when there was a problem (the message says what), 2 when the command itself
was mistyped. Everything runs offline, on your own machine.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import time
import warnings
from pathlib import Path

from sevencs.classroom.hub import hub_link
from sevencs.course.store import ENV_VAR, ProgressProblem, ProgressStore, course_folder
from sevencs.publish.config import configured_repository

OK, PROBLEM, USAGE = 0, 1, 2
DEFAULT_PLAN = "my-seven-cs-plan.html"


class Problem(Exception):
    """An expected problem: printed as a plain message, exit status 1, no traceback."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _refuse_to_replace(paths: list[Path], force: bool) -> None:
    """Refuse to write over existing files unless ``--force`` was given; the message says what to do."""
    if force:
        return
    there = [p for p in paths if p.exists() or p.is_symlink()]
    if there:
        names = " and ".join(str(p) for p in there)
        raise Problem(
            f"{names} already {'exist' if len(there) > 1 else 'exists'}, so nothing was written. "
            "Add --force to replace it, or choose another name with --out."
        )


def _store_or_problem() -> ProgressStore:
    """The learner's progress store, if there is one; else a message saying where it was looked for."""
    store = ProgressStore()
    if not store.path.exists():
        raise Problem(
            f"No progress file was found at {store.path}.\n"
            "Run this command inside the course folder (the one with _toc.yml, where you open the "
            f"notebooks), or set {ENV_VAR} to the path of your progress file."
        )
    return store


# -- the learner's commands ---------------------------------------------------------------


def cmd_progress(args: argparse.Namespace) -> int:
    from sevencs.learner.progress import progress

    print(progress(_store_or_problem()))
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from sevencs.learner.handin import ANONYMOUS, build_export, default_filename, remember_name, write_export

    store = ProgressStore()
    found = store.path.exists()
    data = build_export(store, name=args.name, with_reflections=args.with_reflections)
    name = data["learner"]
    out = args.out or Path(default_filename(name))
    if out.is_dir():
        out = out / default_filename(name)
    _refuse_to_replace([out], args.force)
    try:
        write_export(data, out)
    except OSError as exc:
        raise Problem(f"Could not write {out}: {exc.strerror or exc}.") from None
    remember_name(store, args.name)
    reflections = (
        "with your reflections"
        if args.with_reflections
        else "without your reflections (add --with-reflections to include them)"
    )
    print(f"Saved {len(data['events'])} progress events for {name!r} to {out}, {reflections}.")
    if name == ANONYMOUS:
        print('Tip: add --name "Your Name" so your instructor knows whose file it is.')
    if not data["events"] and found:
        print(
            f"Note: there is no progress in it yet (read from {store.path}). Hand it in anyway: it shows "
            "your instructor that you have not started yet."
        )
    elif not data["events"]:
        print(
            f"Note: there is no progress in it, because no progress file was found at {store.path}. If you have "
            "done exercises, run this command inside the course folder (the one with _toc.yml, where you open "
            f"the notebooks), or set {ENV_VAR} to your progress file. If you have not started yet, hand it in "
            "as it is."
        )
    return OK


def cmd_plan(args: argparse.Namespace) -> int:
    from sevencs.learner.plan import build_plan

    out = args.out
    if out.suffix.lower() not in (".md", ".html", ".htm"):
        raise _UsageError(f"--out must end in .md or .html, not {out.name!r}")
    beside = [out.with_name(f"{out.stem}-audit.png")] if out.suffix.lower() == ".md" else []
    _refuse_to_replace([out, *beside], args.force)
    store = ProgressStore()
    if not store.path.exists():
        _say(
            f"No progress file at {store.path}: every reflection will show as not written yet. "
            "Run this inside the course folder to include yours."
        )
    plan = build_plan(store)  # reading only: a missing progress file is not created
    try:
        saved = plan.save(out)
    except OSError as exc:
        raise Problem(f"Could not write {out}: {exc.strerror or exc}.") from None
    print(f"Saved your plan ({plan.written} of {len(plan.entries)} reflections written) to {saved}.")
    return OK


# -- the instructor's commands ----------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    from sevencs.classroom.report import build_report, select_exercises
    from sevencs.classroom.roster import RosterError, read_roster

    if not args.files and not args.homes:
        raise _UsageError(
            "give the learners' files or folders (exports/), or --homes with a pattern of their course "
            "folders, such as --homes '/home/*/seven-cs'"
        )
    selection = None
    if args.agenda is not None:
        try:
            selection = select_exercises(args.agenda)
        except ValueError as exc:
            raise _UsageError(f"--agenda: {exc}") from None
    roster = None
    if args.roster is not None:
        try:
            roster = read_roster(args.roster)
        except RosterError as exc:
            raise Problem(str(exc)) from None

    def counter(done: int, total: int) -> None:
        if total > args.every and not args.watch:
            _say(f"read {done} of {total} files")

    def make():
        return build_report(
            args.files, on_progress=counter, every=args.every, homes=args.homes, selection=selection, roster=roster
        )

    if args.watch:
        return _watch(args, make)
    report = make()
    print(report.summary())
    if not report.learners:
        raise Problem(
            "No valid progress exports or progress files were found, so there is nothing to report. Give the "
            "files made by `sevencs export` (or the folder that holds them), or the learners' course folders."
        )
    try:
        page, _table = report.save(args.out)
    except OSError as exc:
        raise Problem(f"Could not write the report into {args.out}: {exc.strerror or exc}.") from None
    print(f"Wrote {page} and the tables beside it (class-report.csv, class-grid.csv, class-wrong-answers.csv).")
    return OK


def _watch(args: argparse.Namespace, make) -> int:
    """Write the report, then again whenever what it reads changes, until Ctrl+C; the page reloads itself."""
    from sevencs.classroom.report import HTML_NAME, now_text, sources_state

    page = args.out / HTML_NAME
    refresh = max(2, math.ceil(args.interval))
    print(
        f"Watching for changes every {args.interval:g} seconds. Open {page} in a browser: it reloads "
        "itself. Press Ctrl+C to stop."
    )
    report, updated, seen = None, "", None
    try:
        while True:
            state = sources_state(args.files, args.homes)
            if state != seen:
                report = make()
                updated = now_text()
                try:
                    report.save(args.out, refresh=refresh, updated=updated)
                except OSError as exc:
                    raise Problem(f"Could not write the report into {args.out}: {exc.strerror or exc}.") from None
                stuck = report.stuck()
                print(
                    f"{updated} {report._read_line()} {report.completed:,} passed every exercise counted; "
                    f"stuck now on {len(stuck)} of {len(report.course)} exercises.",
                    flush=True,
                )
                seen = state
            time.sleep(args.interval)  # sleeping, not polling in a loop: no CPU between looks
    except KeyboardInterrupt:
        if report is None:
            print("Stopped watching before the first report was written.")
            return OK
        with contextlib.suppress(OSError):
            report.save(args.out, updated=updated)  # the same report, without the reloading
        print(f"Stopped watching. {page} is from {updated} and no longer reloads itself.")
        return OK


def cmd_answer_key(args: argparse.Namespace) -> int:
    from sevencs.classroom.answer_key import NoExerciseNotebooks, write_answer_keys
    from sevencs.classroom.sheet import write_answer_sheets

    course = (args.course or course_folder()).resolve()
    try:
        written, skipped = write_answer_keys(course, args.out)
    except NoExerciseNotebooks as exc:
        raise Problem(str(exc)) from None
    for source, target in written:
        print(f"{source.name} -> {target}")
    try:
        sheets = write_answer_sheets(course, args.out)
    except OSError as exc:
        raise Problem(f"Could not write the answer sheets into {args.out}: {exc.strerror or exc}.") from None
    for source, reason in skipped:
        _say(f"skipped {source.name}: {reason}")
    if skipped:
        _say(f"{len(skipped)} of {len(written) + len(skipped)} notebooks could not be filled (see above).")
        return PROBLEM
    print(
        f"Wrote {len(written)} answer keys to {args.out}, and answer sheets to check screens at a glance: "
        f"{sheets[0]} for the whole course, and one for each agenda of the instructor guide:"
    )
    for sheet in sheets[1:]:
        print(f"  {sheet}")
    return OK


def cmd_hub_link(args: argparse.Namespace) -> int:
    from sevencs.classroom.hub import course_notebooks

    course = course_folder()
    repo = args.repo or configured_repository(course)[0]
    if not repo:
        raise _UsageError("--repo is needed: the course's _config.yml names no repository")
    try:
        folder_link = hub_link(args.hub, repo, args.branch, args.path, args.target_path)
        if args.path:
            print(folder_link)
            return OK
        links = [
            (n.title, hub_link(args.hub, repo, args.branch, n.path, args.target_path)) for n in course_notebooks(course)
        ]
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    # one block per link, title above it: ready to paste into slides or a chat, in the order of the course
    print("\n\n".join(f"{title}\n{link}" for title, link in [("The course folder", folder_link), *links]))
    if not links:
        _say(
            f"No lab or exercise notebooks in {course}, so only the course folder's link was made. "
            "Run this inside the course folder for a link to each notebook."
        )
    return OK


# -- the parser -----------------------------------------------------------------------------


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, such as 10, got {text!r}") from None
    if not 0.5 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"expected between 0.5 and 3600 seconds, got {text}")
    return value


class _UsageError(Exception):
    """The command was given something it cannot use: exit status 2, like argparse."""


def parser() -> argparse.ArgumentParser:
    from sevencs.classroom.exports import LEARNER_ENV

    top = argparse.ArgumentParser(
        prog="sevencs",
        description="The Seven Cs course from the command line: your progress and plan, and class "
        "reports and answer keys for instructors.",
        epilog="Run `sevencs <command> --help` for the details of one command.",
    )
    from sevencs.classroom.exports import course_version

    top.add_argument("--version", action="version", version=f"sevencs {course_version()}")
    commands = top.add_subparsers(dest="command", metavar="<command>", required=True)

    def add(name: str, helptext: str, description: str, func, epilog: str = "") -> argparse.ArgumentParser:
        command = commands.add_parser(
            name,
            help=helptext,
            description=description,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.set_defaults(func=func, command_parser=command)
        return command

    add(
        "progress",
        "show your progress, chapter by chapter",
        "Show your progress in every chapter: exercises tried and passed, hints and solutions seen, "
        f"self-checks right, reflection saved. Reads the progress file of the course folder you are in "
        f"(or ${ENV_VAR}).",
        cmd_progress,
    )

    export = add(
        "export",
        "save a progress file to hand in",
        "Save your progress as one JSON file to hand in to your instructor. Your reflections are left out "
        "unless you add --with-reflections, because they are personal.",
        cmd_export,
        epilog='example:\n  sevencs export --name "Sam Lee" --out sam.json',
    )
    export.add_argument(
        "--name",
        help=f"your name as your instructor knows it, kept for next time (default: the name you gave last "
        f"time, else ${LEARNER_ENV}, else your hub user name, else 'anonymous')",
    )
    export.add_argument("--out", type=Path, help="the file to write (default: sevencs-progress-<name>.json)")
    export.add_argument("--with-reflections", action="store_true", help="include the texts of your reflections")
    export.add_argument("--force", action="store_true", help="replace the file if it already exists")

    plan = add(
        "plan",
        "save your Seven Cs plan (reflections and audit)",
        "Save your Seven Cs plan: your reflection from every chapter, in course order, with the "
        "audit figure and scorecard. HTML opens in any browser and prints well; Markdown is "
        "plain text.",
        cmd_plan,
        epilog="example:\n  sevencs plan --out my-plan.md",
    )
    plan.add_argument(
        "--out",
        type=Path,
        default=Path(DEFAULT_PLAN),
        help=f"the file to write, ending in .html or .md (default: {DEFAULT_PLAN})",
    )
    plan.add_argument("--force", action="store_true", help="replace the file if it already exists")

    report = add(
        "report",
        "a class report from many exports or progress files",
        "Read the learners' progress (exports, or their progress files themselves) and write "
        "class-report.html with tables beside it: who is stuck where (a grid of learners and exercises), "
        "the most common wrong answers, and per exercise how many learners attempted it, passed (with "
        "and without seeing the solution), needed hints and saw the solution, hardest first; per chapter, "
        "how many started and completed it. Files that cannot be read are named and skipped.",
        cmd_report,
        epilog="examples:\n  sevencs report exports/*.json --out report\n  sevencs report exports/ --agenda taster "
        "--roster names.txt\n  sevencs report --homes '/home/*/seven-cs' --watch --out report",
    )
    report.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="export files, progress files (progress.sqlite), learners' course folders, or folders holding "
        "exports (their *.json and *.sqlite files are read)",
    )
    report.add_argument("--out", type=Path, default=Path("."), help="folder for the report (default: here)")
    report.add_argument(
        "--homes",
        action="append",
        default=[],
        metavar="PATTERN",
        help="on a hub: the learners' course folders as a pattern, quoted, with * where the user names go, "
        "such as '/home/*/seven-cs'; each learner is named by their hub user name unless they gave a name",
    )
    report.add_argument(
        "--agenda",
        metavar="NAME",
        help="count only today's exercises: an agenda of the instructor guide (taster, half-day, full-day), "
        "or chapters and exercises separated by commas, such as 'connection q1,connection q2,content'",
    )
    report.add_argument(
        "--roster", type=Path, metavar="FILE", help="a class list, one name per line: shows who handed in nothing"
    )
    report.add_argument(
        "--watch",
        action="store_true",
        help="keep the report current: write it again whenever a file changes, until Ctrl+C; the page reloads itself",
    )
    report.add_argument(
        "--interval",
        type=_seconds,
        default=10.0,
        metavar="SECONDS",
        help="with --watch, how often to look for changes (default: 10)",
    )
    report.add_argument("--every", type=_at_least_one, default=50, help=argparse.SUPPRESS)

    key = add(
        "answer-key",
        "exercise notebooks with the solutions filled in, and answer sheets",
        "Write a copy of every exercise notebook with the model solutions filled in, for instructors, and "
        "answer sheets: one page each, printable and readable on a phone, with every exercise's expected "
        "value as the learner's notebook shows it, each self-check's right option and each reflection's "
        "model answer. answer-sheet.html covers the whole course; answer-sheet-<agenda>.html only what "
        "learners do in one agenda of the instructor guide (taster, half-day, full-day).",
        cmd_answer_key,
        epilog="example:\n  sevencs answer-key --out keys",
    )
    key.add_argument(
        "--out",
        type=Path,
        default=Path("answer-key"),
        help="folder for the filled notebooks and the sheets (default: answer-key)",
    )
    key.add_argument(
        "--course", type=Path, help="the course folder holding exercises/ (default: the course folder you are in)"
    )

    link = add(
        "hub-link",
        "a link that puts the course on a JupyterHub (nbgitpuller)",
        "Print nbgitpuller links: one for the course folder, then one for each lab and exercise "
        "notebook in course order, each under the notebook's title, ready to paste into slides. When "
        "a learner opens one, their JupyterHub copies the course repository into a folder of their own "
        "(or brings their copy up to date without overwriting their work) and opens that notebook in "
        "JupyterLab. With --path, print the one link for that file or folder. The hub needs nbgitpuller "
        "installed.",
        cmd_hub_link,
        epilog="examples:\n  sevencs hub-link --hub https://hub.example.org\n"
        "  sevencs hub-link --hub https://hub.example.org --path exercises/00_welcome.ipynb",
    )
    link.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.org")
    link.add_argument("--repo", help="the course repository (default: repository url in _config.yml)")
    link.add_argument("--branch", default="main", help="the branch to pull (default: main)")
    link.add_argument(
        "--path",
        default="",
        help="print one link, for this file or folder inside the repository (default: a link for each notebook)",
    )
    link.add_argument(
        "--target-path", help="folder on the hub to copy the course into (default: the repository's name, without .git)"
    )
    return top


def _plain_warning(message, category, filename, lineno, file=None, line=None) -> None:
    _say(f"warning: {message}")


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problem, 2 usage)."""
    top = parser()
    args = top.parse_args(argv)
    warnings.showwarning = _plain_warning
    try:
        return args.func(args)
    except _UsageError as exc:
        args.command_parser.print_usage(sys.stderr)
        _say(f"sevencs {args.command}: {exc}")
        return USAGE
    except (Problem, ProgressProblem) as exc:
        _say(f"sevencs {args.command}: {exc}")
        return PROBLEM
    except KeyboardInterrupt:
        _say("stopped.")
        return PROBLEM
    except BrokenPipeError:  # the output was cut short on purpose, e.g. `sevencs progress | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK


if __name__ == "__main__":
    sys.exit(main())
