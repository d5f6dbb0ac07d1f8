"""Measure ritual-tui against its targets and write ``benchmarks/RESULTS.md``.

    python -m benchmarks.run            # every section; generates the workspaces once (benchmarks/.cache)
    python -m benchmarks.run start      # only some: start, writes, summary, check, backlog, capture, review

Every figure is a median of 15 runs (5 for ``ritual check``), and every comparison is taken side by
side in the same run (this machine is shared and noisy), interleaving the two things compared.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
#: Processes of a fifth or half a second differ by a few milliseconds on a shared machine: 15 runs
#: keep its noise out of the ratios (with 5, one ratio swung from 0.93 to 1.18 between two runs).
RUNS = 15
#: ``ritual check`` of the large workspace takes seconds: 5 runs.
SLOW_RUNS = 5
# Children run as on a user's machine, where Python keeps compiled bytecode (pip compiles a wheel's
# modules when it installs them): a machine-wide PYTHONDONTWRITEBYTECODE would make every run compile
# our modules again, but not Textual's, which pip compiled already. The warm-up run writes them.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {
    "RITUAL_NOW": "2026-11-26T09:30:00+00:00"
}

# Each child prints the seconds from its launch (the parent's clock, passed in) to the moment
# measured, so that start-up is measured without the process's shutdown. "First paint" is the first
# frame the app hands to its driver (headless drivers render it and write nothing); both children use
# the same hook.
FIRST_PAINT = """
import sys, time
import textual.app
painted = []
_display = textual.app.App._display
def display(self, screen, renderable):
    if renderable is not None and not painted:
        painted.append(time.time())
    _display(self, screen, renderable)
textual.app.App._display = display
async def until_painted(pilot):
    while not painted:
        await pilot.pause(0.001)
"""

TUI_CHILD = (
    FIRST_PAINT
    + """
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
async def auto(pilot):
    await until_painted(pilot)
    moment = painted[0]
    if sys.argv[2] == "settled":
        while not getattr(pilot.app.screen, "settled", False):
            await pilot.pause(0.005)
        moment = time.time()
    print(moment - float(sys.argv[3]), flush=True)
    await pilot.pause()
    pilot.app.exit()
RitualApp(Workspace.open(sys.argv[1])).run(headless=True, auto_pilot=auto, size=(100, 30))
"""
)

BARE_CHILD = (
    FIRST_PAINT
    + """
from textual.widgets import Footer, Header, Static
class Bare(textual.app.App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()
async def auto(pilot):
    await until_painted(pilot)
    print(painted[0] - float(sys.argv[1]), flush=True)
    await pilot.pause()
    pilot.app.exit()
Bare().run(headless=True, auto_pilot=auto, size=(100, 30))
"""
)


# A screen opened at start (home, or a ritual), timed from launch to that screen filled with data.
SCREEN_CHILD = (
    FIRST_PAINT
    + """
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
async def auto(pilot):
    await until_painted(pilot)
    while type(pilot.app.screen).__name__ != sys.argv[3] or not getattr(pilot.app.screen, "settled", False):
        await pilot.pause(0.005)
    print(time.time() - float(sys.argv[4]), flush=True)
    await pilot.pause()
    pilot.app.exit()
RitualApp(Workspace.open(sys.argv[1]), sys.argv[2]).run(headless=True, auto_pilot=auto, size=(100, 30))
"""
)


def workspace(kind: str) -> Path:
    """The generated workspace of this size (built once, then reused)."""
    root = CACHE / kind
    if not (root / "workspace.toml").exists():
        from benchmarks.generate import generate

        print(f"generating the {kind} workspace (once)…", file=sys.stderr)
        generate(kind, root)
    return root


def scratch_copy(root: Path) -> Path:
    """A throwaway copy of a workspace for the sections that write, so that the generated one stays
    as generated from run to run (each run adds dozens of decisions)."""
    copy = CACHE / f"{root.name}-scratch"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, symlinks=True)
    return copy


def empty_workspace() -> Path:
    root = CACHE / "empty"
    if not (root / "workspace.toml").exists():
        from ritual_tui.store.workspace import Workspace

        Workspace.create(root, "Empty")
    return root


def child(args: list[str]) -> tuple[float, float, int]:
    """Run a process; its time (wall time, or the seconds it reports itself when it prints a number),
    CPU time (user + system) and peak memory in KiB."""
    launched = time.time()
    started = time.perf_counter()
    args = [a.replace("{launch}", repr(launched)) for a in args]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args} failed")
    with contextlib.suppress(ValueError):  # a child that reports its own time printed a number
        wall = float(out.strip())
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def side_by_side(*commands: list[str], runs: int = RUNS) -> list[list[tuple[float, float, int]]]:
    """Each command ``runs`` times, interleaved, after one warm-up run of each."""
    for command in commands:
        child(command)
    results: list[list[tuple[float, float, int]]] = [[] for _ in commands]
    for _ in range(runs):
        for n, command in enumerate(commands):
            results[n].append(child(command))
    return results


def median(samples: list[tuple[float, float, int]], field: int) -> float:
    return statistics.median(s[field] for s in samples)


def ritual(ws: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "ritual_tui", "--workspace", str(ws), *args]


def in_process_backlog_filter(ws: Path) -> list[float]:
    """Seconds from one filter keystroke to the frame that shows the filtered list, with 5,000 items.

    Each key goes in as the terminal driver sends it (a Key event, typed into the focused filter);
    the clock stops at the first frame the app renders after the list was filtered for that text.
    Pilot's own key presses are not used: each waits for the whole process to go idle, which is
    ~25 ms of waiting that no user sees.
    """
    import textual.app
    from textual import events
    from textual.widgets import Input

    from ritual_tui.store.workspace import Workspace
    from ritual_tui.tui.app import RitualApp
    from ritual_tui.tui.screens.backlog import BacklogScreen

    frames: list[float] = []
    display = textual.app.App._display

    def stamped_display(app: textual.app.App[object], screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        display(app, screen, renderable)  # type: ignore[arg-type]

    textual.app.App._display = stamped_display  # type: ignore[method-assign,assignment]
    timings: list[float] = []

    async def main() -> None:
        app = RitualApp(Workspace.open(ws))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("b")
            screen = app.screen
            assert isinstance(screen, BacklogScreen)
            while not screen.settled:
                await pilot.pause(0.01)
            box = screen.query_one("#filter", Input)
            filtered: list[tuple[str, float]] = []
            apply_filter = screen.apply_filter

            def stamped_filter(text: str) -> None:
                apply_filter(text)
                filtered.append((text, time.perf_counter()))

            screen.apply_filter = stamped_filter  # type: ignore[method-assign]
            keys = [*"refund audit", *["backspace"] * 11]
            for key in keys:
                expected = box.value[:-1] if key == "backspace" else box.value + key
                await pilot.pause(0.05)  # a typist's pace: the previous frame is long done
                started = time.perf_counter()
                assert app._driver is not None
                app._driver.send_message(events.Key(key, None if key == "backspace" else key))
                while not (filtered and filtered[-1][0] == expected and frames[-1] > filtered[-1][1]):
                    await asyncio.sleep(0.0002)
                timings.append(next(f for f in frames if f > filtered[-1][1]) - started)
            assert box.value == "r" and "of 5000 items" in str(screen.query_one("#list-caption").render())

    try:
        asyncio.run(main())
    finally:
        textual.app.App._display = display  # type: ignore[method-assign]
    return timings


def in_process_capture(ws: Path) -> list[float]:
    """Seconds from Enter to the capture on disk (the store call the daily makes on Enter)."""
    os.environ.update(ENV)
    from ritual_tui.services.capture import Capture, capture
    from ritual_tui.services.daily import open_daily
    from ritual_tui.store.workspace import Workspace

    workspace_ = Workspace.open(ws)
    context = open_daily(workspace_)
    timings = []
    for n in range(25):
        started = time.perf_counter()
        record = capture(workspace_, context.session.id, Capture("topic", f"benchmark topic {n}", by="Ada"))
        assert record.stored_as is not None and record.stored_as.exists()
        timings.append(time.perf_counter() - started)
    return timings


class Report:
    """The rows of the results table, each printed as soon as it is measured."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, what: str, compared: str, figure: str, target: str, ok: bool | None) -> None:
        verdict = "–" if ok is None else ("met" if ok else "MISSED")
        self.rows.append((what, compared, figure, target, verdict))
        print(f"{what}: {figure} ({verdict})", file=sys.stderr)

    def ratio(self, what: str, compared: str, a: float, b: float, target: float | None, digits: int = 2) -> None:
        """A row comparing two medians (seconds) as a ratio, met when the ratio is at most ``target``."""
        r = a / b
        self.add(
            what,
            compared,
            f"{a:.{digits}f} s vs {b:.{digits}f} s = {r:.2f}×",
            "(reported)" if target is None else f"≤ {target:g}×",
            None if target is None else r <= target,
        )


def start_up(report: Report, large: Path, empty: Path) -> None:
    """First paint and the home filled, against a bare Textual app and an empty workspace; memory."""
    bare = [sys.executable, "-c", BARE_CHILD, "{launch}"]
    tui = [sys.executable, "-c", TUI_CHILD]
    paint_large, paint_empty, paint_bare = side_by_side(
        [*tui, str(large), "paint", "{launch}"], [*tui, str(empty), "paint", "{launch}"], bare
    )
    first_paint = "`ritual` start to first paint, large"
    report.ratio(first_paint, "bare Textual app", median(paint_large, 0), median(paint_bare, 0), 1.5)
    report.ratio(first_paint, "empty workspace", median(paint_large, 0), median(paint_empty, 0), 1.1)
    loaded_large, loaded_empty = side_by_side(
        [*tui, str(large), "settled", "{launch}"], [*tui, str(empty), "settled", "{launch}"]
    )
    report.ratio(
        "`ritual` start to home filled with data, large",
        "empty workspace",
        median(loaded_large, 0),
        median(loaded_empty, 0),
        None,
    )
    r_mem = median(loaded_large, 2) / median(paint_bare, 2)
    report.add(
        "peak memory of the TUI (home filled), large",
        "bare Textual app",
        f"{median(loaded_large, 2) / 1024:.0f} MiB vs {median(paint_bare, 2) / 1024:.0f} MiB = {r_mem:.2f}×",
        "≤ 1.5×",
        r_mem <= 1.5,
    )


def taskwarrior() -> list[str] | None:
    """``task add`` on a taskwarrior database of 5,000 tasks (made once), the yardstick of a quick
    capture from the shell; None when taskwarrior is not installed (``apt-get install taskwarrior``)."""
    if shutil.which("task") is None:
        return None
    data = CACHE / "taskwarrior"
    rc = data / "taskrc"
    if not (data / "pending.data").exists():
        data.mkdir(parents=True, exist_ok=True)
        rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
        tasks = "\n".join(f'{{"description":"task {n} of the backlog","status":"pending"}}' for n in range(5000))
        subprocess.run(["task", f"rc:{rc}", "import", "-"], input=tasks, text=True, check=True, capture_output=True)
    return ["task", f"rc:{rc}", "add", "benchmark"]


def writes(report: Report, large: Path, empty: Path) -> None:
    """A decision added to three years of history vs to nothing; its CPU time vs Python, Textual and
    taskwarrior's ``task add`` on 5,000 tasks."""
    task_add = taskwarrior()
    add_large, add_empty, python_pass, bare, *task = side_by_side(
        ritual(large, "decision", "add", "benchmark"),
        ritual(empty, "decision", "add", "benchmark"),
        [sys.executable, "-c", "pass"],
        [sys.executable, "-c", BARE_CHILD, "{launch}"],
        *([task_add] if task_add else []),
    )
    if task:
        report.ratio(
            "`ritual decision add` CPU time, large",
            "taskwarrior `task add`, 5,000 tasks",
            median(add_large, 1),
            median(task[0], 1),
            2.5,
            digits=3,
        )
    report.ratio(
        "`ritual decision add`, large", "empty workspace", median(add_large, 0), median(add_empty, 0), 1.15, digits=3
    )
    report.add(
        "`ritual decision add` CPU time",
        "`python -c pass`, bare Textual app",
        f"{median(add_large, 1):.3f} s vs {median(python_pass, 1):.3f} s and {median(bare, 1):.3f} s",
        "far below the Textual app",
        median(add_large, 1) < median(bare, 1) / 2,
    )


def summary(report: Report, large: Path) -> None:
    """The summary of one sprint against a single write, both on the large workspace."""
    summary_large, add_large = side_by_side(ritual(large, "summary", "--stdout"), ritual(large, "decision", "add", "x"))
    report.ratio(
        "`ritual summary` of one sprint, large",
        "`ritual decision add`, large",
        median(summary_large, 0),
        median(add_large, 0),
        3,
    )


def check(report: Report, large: Path, small: Path) -> None:
    """``ritual check`` parses every file: how it grows from small to large."""
    check_large, check_small = side_by_side(ritual(large, "check"), ritual(small, "check"), runs=SLOW_RUNS)
    report.add(
        "`ritual check`",
        "small workspace (108 files)",
        f"{median(check_large, 0):.2f} s for 10,080 files vs {median(check_small, 0):.2f} s",
        "(reported)",
        None,
    )


def backlog(report: Report, large: Path) -> None:
    keystrokes = in_process_backlog_filter(large)
    k = statistics.median(keystrokes) * 1000
    report.add(
        "backlog, 5,000 items: filter keystroke to repaint",
        "–",
        f"{k:.0f} ms median of {len(keystrokes)}",
        "≤ 50 ms",
        k <= 50,
    )


def capture(report: Report, large: Path) -> None:
    captures = in_process_capture(large)
    c = statistics.median(captures) * 1000
    report.add("daily: capture → on disk", "–", f"{c:.1f} ms median of {len(captures)}", "≤ 30 ms", c <= 30)


def review(report: Report, large: Path) -> None:
    """The review screen filled (its run-sheet, feedback, past stakeholders and progress toward the
    product goal read) against home filled, both opened at start on the large workspace. The review
    keeps today's session: the warm-up run opens it, the timed runs resume it, as a PO does."""
    screen = [sys.executable, "-c", SCREEN_CHILD, str(large)]
    review_filled, home_filled = side_by_side(
        [*screen, "review", "ReviewScreen", "{launch}"], [*screen, "home", "HomeScreen", "{launch}"]
    )
    report.ratio(
        "review: start to filled, large",
        "home: start to filled, large",
        median(review_filled, 0),
        median(home_filled, 0),
        1.2,
    )


SECTIONS = ("start", "writes", "summary", "check", "backlog", "capture", "review")


def main() -> None:
    """Run the named sections (all by default); RESULTS.md is written only by a full run."""
    chosen = sys.argv[1:] or list(SECTIONS)
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown section {sorted(unknown)}; choose from {', '.join(SECTIONS)}")
    CACHE.mkdir(exist_ok=True)
    large, small, empty = workspace("large"), workspace("small"), empty_workspace()
    written = scratch_copy(large) if {"writes", "summary", "capture", "review"} & set(chosen) else large
    report = Report()
    run = {
        "start": lambda: start_up(report, large, empty),
        "writes": lambda: writes(report, written, empty),
        "summary": lambda: summary(report, written),
        "check": lambda: check(report, large, small),
        "backlog": lambda: backlog(report, large),
        "capture": lambda: capture(report, written),
        "review": lambda: review(report, written),
    }
    for section in SECTIONS:
        if section in chosen:
            run[section]()

    table = ["| what | compared with | figure | target | |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in report.rows]
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    text = (
        f"# Benchmark results\n\nMachine: {machine}. Date: {date.today()}. Medians of {RUNS} runs "
        f"({SLOW_RUNS} for `ritual check`), each comparison interleaved in the same run."
        "\n\nReproduce: `python -m benchmarks.run`.\n\n" + "\n".join(table) + "\n"
    )
    if set(chosen) == set(SECTIONS):
        (HERE / "RESULTS.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
