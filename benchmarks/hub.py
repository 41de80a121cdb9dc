"""How big a hub the course needs: N learners open the course link at once and each runs an exercise.

    make hub-bench N=30
    .venv/bin/python benchmarks/hub.py --learners 30 --out _build/hub-bench.txt

The hub is the real one of tests/test_hub.py (tests/hub_harness.py: JupyterHub 6
from hub/jupyterhub_config.py on 127.0.0.1, every simulated learner in a home
folder of their own under a temporary folder). All N learners open the link in
the same second (a login burst: the start of a workshop); each logs in, waits
for their server, lets nbgitpuller clone the course, types the answer to the
welcome notebook's first exercise, saves and runs the notebook top to bottom,
and leaves its kernel running. Then, with every learner's server and kernel
still up, it measures:

- memory per learner: the resident memory (RSS) of the learner's server and
  kernel processes added up, and their proportional share (PSS, which splits
  the memory that processes share, so it adds up to what the machine uses);
- CPU seconds per learner: what their server and kernel used from start to the
  end of the notebook;
- start times under the burst: from opening the link to their JupyterLab
  answering, to the course being cloned, and to the last cell having run;
- the hub's own processes (JupyterHub, the proxy, the idle culler);

and prints a table, written to ``--out`` as well. Everything is stopped at the end.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hub_harness  # noqa: E402  (tests/hub_harness.py, beside the tests that use it too)
from sevencs.course.store import ProgressStore  # noqa: E402

NOTEBOOK = "exercises/00_welcome.ipynb"
MIB = 1024 * 1024


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
    except (OSError, StopIteration, ValueError):
        memory = 0
    import jupyterhub
    import jupyterlab

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory / 1024**3:.1f} GiB memory, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, JupyterHub {jupyterhub.__version__}, "
        f"JupyterLab {jupyterlab.__version__}"
    )


def learner_run(hub, name: str, timeout: float, lab: str | None = None) -> hub_harness.Learner:
    learner = hub_harness.Learner(hub, name, timeout=timeout)
    learner.open_link(hub.link(NOTEBOOK))
    path = f"{hub_harness.COURSE}/{NOTEBOOK}"
    notebook = hub_harness.type_answer(learner.read_notebook(path), "welcome", "q1")
    learner.save_notebook(path, notebook)
    learner.run_notebook(path, notebook, keep_kernel=True)
    if lab:  # a lab notebook open beside the exercises, as in class: a second kernel
        lab_path = f"{hub_harness.COURSE}/{lab}"
        learner.run_notebook(lab_path, learner.read_notebook(lab_path), keep_kernel=True)
    return learner


def measure(processes: list) -> tuple[float, float, float]:
    """RSS and PSS in MiB, and CPU seconds, of ``processes`` added up."""
    import psutil

    rss = pss = cpu = 0.0
    for p in processes:
        try:
            info = p.memory_full_info()
            times = p.cpu_times()
        except psutil.Error:
            continue
        rss += info.rss / MIB
        pss += getattr(info, "pss", info.rss) / MIB
        cpu += times.user + times.system + times.children_user + times.children_system
    return rss, pss, cpu


def passed_exercises(db: Path) -> int:
    """How many exercises a learner's progress file shows passed (0 without a file)."""
    if not db.exists():
        return 0
    events = ProgressStore(db).events()
    passed = events[(events["kind"] == "attempt") & (events["status"] == "correct")]
    return len(set(zip(passed["chapter"], passed["item"], strict=True)))


def row(label: str, values: list[float], unit: str, digits: int = 0) -> str:
    if not values:
        return f"{label:<44} {'-':>8}"
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    cells = [statistics.median(ordered), p90, ordered[-1]]
    return f"{label:<44}" + "".join(f"{v:>9.{digits}f}" for v in cells) + f"  {unit}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=20, help="how many learners log in at once (default 20)")
    parser.add_argument("--out", type=Path, help="also write the table here")
    parser.add_argument(
        "--with-lab", metavar="NOTEBOOK", help="also run this lab notebook, e.g. notebooks/01_connection_lab.ipynb"
    )
    parser.add_argument("--timeout", type=float, default=600, help="seconds each learner may take (default 600)")
    args = parser.parse_args(argv)
    problem = hub_harness.missing()
    if problem:
        print(f"hub-bench cannot run: {problem}", file=sys.stderr)
        return 2
    names = [f"learner{i:03d}" for i in range(1, args.learners + 1)]
    with tempfile.TemporaryDirectory(prefix="sevencs-hub-bench-") as tmp:
        started = time.monotonic()
        with hub_harness.running_hub(Path(tmp), names, timeout=120) as hub:
            hub_up = time.monotonic() - started
            idle_rss, _, hub_cpu_before = measure(hub.processes())
            print(f"The hub is up after {hub_up:.1f} s; {args.learners} learners open the course link at once...")
            burst = time.monotonic()
            timings, failures, reconnects = {}, {}, 0
            with concurrent.futures.ThreadPoolExecutor(args.learners) as pool:
                futures = {pool.submit(learner_run, hub, name, args.timeout, args.with_lab): name for name in names}
                for future in concurrent.futures.as_completed(futures):
                    name = futures[future]
                    try:
                        learner = future.result()
                        timings[name] = learner.timings
                        reconnects += learner.reconnects
                    except Exception as error:  # one learner's failure is reported, not fatal to the bench
                        failures[name] = str(error).splitlines()[0][:200]
            burst_time = time.monotonic() - burst
            servers = hub.learner_processes()
            per_learner = {name: measure(procs) for name, procs in servers.items()}
            theirs = {p.pid for procs in servers.values() for p in procs}
            hub_rss, _, hub_cpu_after = measure([p for p in hub.processes() if p.pid not in theirs])
            hub_cpu = hub_cpu_after - hub_cpu_before
            passed = sum(passed_exercises(hub.progress_db(n)) for n in names)
        left = hub.left_running
    total = time.monotonic() - started

    rss = [v[0] for n, v in per_learner.items() if n in timings]
    pss = [v[1] for n, v in per_learner.items() if n in timings]
    cpu = [v[2] for n, v in per_learner.items() if n in timings]
    done = list(timings.values())
    lines = [
        f"Seven Cs hub bench: {args.learners} learners open the course link at once; each runs {NOTEBOOK}",
        "(one answer typed) in their own server and keeps its kernel"
        + (f", then runs {args.with_lab} beside it" if args.with_lab else "")
        + f". Machine: {machine()}.",
        "",
        f"{'':<44}{'median':>9}{'p90':>9}{'max':>9}",
        row("memory per learner, server + kernels (RSS)", rss, "MiB"),
        row("memory per learner, server + kernels (PSS)", pss, "MiB"),
        row("CPU per learner, start to notebook run", cpu, "s", 1),
        row("link opened -> JupyterLab answering", [t.server_ready for t in done], "s", 1),
        row("link opened -> course cloned", [t.cloned for t in done], "s", 1),
        row("link opened -> notebook run", [t.ran for t in done], "s", 1),
        "",
        f"learners who finished: {len(done)} of {args.learners}; exercises passed: {passed}; servers running: "
        f"{len(servers)}",
        f"the burst: {burst_time:.0f} s from the first link to the last notebook run; whole bench {total:.0f} s; "
        f"kernel connections opened again: {reconnects}",
        f"the hub itself (JupyterHub, proxy, idle culler): {idle_rss:.0f} MiB RSS idle, {hub_rss:.0f} MiB under load, "
        f"{hub_cpu:.0f} CPU seconds for the burst ({hub_cpu / max(len(done), 1):.1f} a learner)",
    ]
    if rss and cpu:
        lines += [
            "",
            f"sizing: {1024 / statistics.median(pss):.1f} learners per GiB (PSS), "
            f"{1024 / statistics.median(rss):.1f} per GiB (RSS, a safe bound); one core starts "
            f"{60 / statistics.median(cpu):.1f} learners a minute at best, so a burst of N learners on C cores takes "
            f"at least N x {statistics.median(cpu):.1f} s / C",
        ]
    for name, reason in sorted(failures.items()):
        lines.append(f"FAILED {name}: {reason}")
    if left:
        lines.append("LEFT RUNNING after the hub stopped (killed): " + "; ".join(left))
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table)
        print(f"written to {args.out}")
    return 1 if failures or left else 0


if __name__ == "__main__":
    sys.exit(main())
