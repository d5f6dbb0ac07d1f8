"""Measure sprint planning on the large workspace (5,000 items, 78 sprints) and write
``benchmarks/RESULTS-planning.md``:

    python -m benchmarks.planning

- the planning screen filled, against home filled (both from the launch of ``ritual``);
- a key that takes an item into the sprint, to the first frame showing the new total and chance;
- the forecast computed from the history in memory (what the screen does when the capacity changes),
  and ``sprint_forecast`` with its reads (what ``ritual sprint forecast`` does).
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import sys
import time
from datetime import date

from benchmarks.run import CACHE, ENV, HERE, RUNS, TUI_CHILD, Report, median, scratch_copy, side_by_side, workspace

#: The TUI child of ``benchmarks.run``, opened on the planning instead of home.
PLANNING_CHILD = TUI_CHILD.replace(
    "RitualApp(Workspace.open(sys.argv[1]))", "RitualApp(Workspace.open(sys.argv[1]), sys.argv[4])"
)
#: The seconds from the moment a screen is in view to the moment it is filled (settled): the screen's
#: own time, without the app's start nor the ritual runtime's opening (home first, then today's session).
SCREEN_CHILD = """
import sys, time
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
async def auto(pilot):
    while type(pilot.app.screen).__name__ != sys.argv[3]:
        await pilot.pause(0.001)
    shown = time.perf_counter()
    while not getattr(pilot.app.screen, "settled", False):
        await pilot.pause(0.001)
    print(time.perf_counter() - shown, flush=True)
    pilot.app.exit()
RitualApp(Workspace.open(sys.argv[1]), sys.argv[2]).run(headless=True, auto_pilot=auto, size=(100, 30))
"""


def filled(report: Report, ws: object) -> None:
    app = [sys.executable, "-c", PLANNING_CHILD, str(ws), "settled", "{launch}"]
    home_runs, daily_runs, plan_runs = side_by_side([*app, "home"], [*app, "daily"], [*app, "planning"])
    for what, runs, target in (("`ritual plan`", plan_runs, 1.2), ("`ritual daily`", daily_runs, None)):
        report.ratio(
            f"{what} start to its screen filled, large",
            "`ritual` start to home filled, large",
            median(runs, 0),
            median(home_runs, 0),
            target,
        )
    screen = [sys.executable, "-c", SCREEN_CHILD, str(ws)]
    home_screen, plan_screen = side_by_side([*screen, "home", "HomeScreen"], [*screen, "planning", "PlanningScreen"])
    report.ratio(
        "planning screen in view to filled, large",
        "home screen in view to filled, large",
        median(plan_screen, 0),
        median(home_screen, 0),
        1.2,
        digits=3,
    )


def toggles(ws: object) -> list[float]:
    """Seconds from the key that takes an item (or puts it back) to the frame showing the new total."""
    import textual.app
    from textual import events

    from ritual_tui.store.workspace import Workspace
    from ritual_tui.tui.app import RitualApp
    from ritual_tui.tui.screens.planning import PlanningScreen

    frames: list[float] = []
    display = textual.app.App._display

    def stamped_display(app: textual.app.App[object], screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        display(app, screen, renderable)  # type: ignore[arg-type]

    textual.app.App._display = stamped_display  # type: ignore[method-assign,assignment]
    timings: list[float] = []

    async def main() -> None:
        app = RitualApp(Workspace.open(ws), "planning")  # type: ignore[arg-type]
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            while not (isinstance(screen, PlanningScreen) and screen.settled):
                await pilot.pause(0.01)
                screen = app.screen
            assert isinstance(screen, PlanningScreen) and screen.context is not None
            drawn: list[tuple[int, float]] = []
            redraw = screen.redraw

            def stamped_redraw() -> None:
                redraw()
                assert screen.view is not None
                drawn.append((screen.view.chosen.items, time.perf_counter()))

            screen.redraw = stamped_redraw  # type: ignore[method-assign]
            table = screen.query_one("#backlog")
            table.focus()
            ready = [i.id for i in screen.context.candidates if i.status == "ready"][:12]
            for n, item in enumerate(ready * 2):  # twelve taken, then the same twelve put back
                table.select_key(item)  # type: ignore[attr-defined]
                await pilot.pause(0.05)  # a person's pace: the previous frame is long done
                expected = n + 1 if n < len(ready) else 2 * len(ready) - n - 1
                started = time.perf_counter()
                assert app._driver is not None
                app._driver.send_message(events.Key("s", "s"))
                while not (drawn and drawn[-1][0] == expected and frames[-1] > drawn[-1][1]):
                    await asyncio.sleep(0.0002)
                timings.append(next(f for f in frames if f > drawn[-1][1]) - started)
            while not screen.settled:
                await pilot.pause(0.01)

    try:
        asyncio.run(main())
    finally:
        textual.app.App._display = display  # type: ignore[method-assign]
    return timings


def forecasts(ws: object) -> tuple[list[float], list[float]]:
    """Seconds to forecast from the history in memory, and with the reads of the command line."""
    from ritual_tui.domain.forecast import forecast
    from ritual_tui.services.planning import open_planning
    from ritual_tui.services.sprints import sprint_forecast
    from ritual_tui.store.workspace import Workspace

    workspace_ = Workspace.open(ws)  # type: ignore[arg-type]
    context = open_planning(workspace_)
    in_memory, with_reads = [], []
    for n in range(RUNS):
        capacity = 40.0 + n  # a new capacity each time, as when a day off is entered
        started = time.perf_counter()
        forecast(context.past, capacity)
        in_memory.append(time.perf_counter() - started)
        started = time.perf_counter()
        sprint_forecast(workspace_, capacity)
        with_reads.append(time.perf_counter() - started)
    return in_memory, with_reads


def main() -> None:
    os.environ.update(ENV)
    CACHE.mkdir(exist_ok=True)
    ws = scratch_copy(workspace("large"))
    report = Report()
    filled(report, ws)
    toggle = toggles(ws)
    t = statistics.median(toggle) * 1000
    report.add(
        "planning: select key to the frame with the new total and chance, large",
        "–",
        f"{t:.0f} ms median of {len(toggle)} (max {max(toggle) * 1000:.0f} ms)",
        "≤ 50 ms",
        t <= 50,
    )
    in_memory, with_reads = forecasts(ws)
    f, r = statistics.median(in_memory) * 1000, statistics.median(with_reads) * 1000
    report.add(
        "forecast computed from the history in memory (10 sprints)",
        "–",
        f"{f:.2f} ms median of {RUNS}",
        "≤ 20 ms",
        f <= 20,
    )
    report.add(
        "`sprint_forecast` with its reads (78 sprints, 5,000 items' index)",
        "–",
        f"{r:.0f} ms median of {RUNS}",
        "(reported)",
        None,
    )

    table = ["| what | compared with | figure | target | |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in report.rows]
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    text = (
        f"# Sprint planning benchmark\n\nMachine: {machine}. Date: {date.today()}. Start-up figures are medians "
        f"of {RUNS} runs, home and planning interleaved.\n\nReproduce: `python -m benchmarks.planning`.\n\n"
        + "\n".join(table)
        + "\n"
    )
    (HERE / "RESULTS-planning.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
