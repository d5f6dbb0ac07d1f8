"""Measure the refinement on the large workspace (5,000 backlog items) and write
``benchmarks/RESULTS-refinement.md``.

    python -m benchmarks.refinement

- ``ritual refine`` to the agenda filled (the day's first opening, which builds the agenda, and a
  resumed one), against ``ritual`` to home filled, with ``ritual daily`` on the same runtime for what
  the runtime itself costs (interleaved, medians);
- the reveal of a poker round: from the key to the frame that shows the cards;
- moving one item in the 5,000-item backlog: the files whose bytes changed, counted.
"""

from __future__ import annotations

import asyncio
import os
import platform
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from benchmarks.run import CACHE, ENV, FIRST_PAINT, HERE, RUNS, median, scratch_copy, side_by_side, workspace

#: ``ritual refine``, ``ritual daily`` or ``ritual`` (argv[2] "refinement", "daily", "home") until its
#: screen is filled.
#: With argv[4] "fresh" the refinement's session of the day is removed after the run, so that every
#: run builds its agenda (the day's first opening); otherwise each run resumes the day's session (a
#: workspace of its own, where the warm-up run opened it).
FILLED_CHILD = (
    FIRST_PAINT
    + """
from pathlib import Path
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
start = sys.argv[2]
wanted = {"refinement": "RefinementScreen", "daily": "DailyScreen", "home": "HomeScreen"}[start]
async def auto(pilot):
    while not (type(pilot.app.screen).__name__ == wanted and getattr(pilot.app.screen, "settled", False)):
        await pilot.pause(0.002)
    print(time.time() - float(sys.argv[3]), flush=True)
    pilot.app.exit()
ws = Workspace.open(sys.argv[1])
RitualApp(ws, start).run(headless=True, auto_pilot=auto, size=(100, 30))
if sys.argv[4:] == ["fresh"]:
    from datetime import date
    day = date(2026, 11, 26)
    for s in ws.sessions_between(day, day):
        if s.ritual == "refinement" and s.stored_as is not None:
            s.stored_as.unlink()
"""
)


def filled(large: Path) -> dict[str, float]:
    """Medians (s) to the screen filled: ``ritual refine`` (the day's first opening, and resumed),
    ``ritual daily`` (the same runtime, resumed) and ``ritual`` (home)."""
    again = CACHE / "large-resumed"
    shutil.rmtree(again, ignore_errors=True)
    shutil.copytree(large, again, symlinks=True)
    command = [sys.executable, "-c", FILLED_CHILD]
    runs = {
        "first": [*command, str(large), "refinement", "{launch}", "fresh"],
        "resumed": [*command, str(again), "refinement", "{launch}"],
        "daily": [*command, str(again), "daily", "{launch}"],
        "home": [*command, str(large), "home", "{launch}"],
    }
    return {name: median(samples, 0) for name, samples in zip(runs, side_by_side(*runs.values()), strict=True)}


def reveal_to_frame(ws_root: Path, rounds: int = 15) -> list[float]:
    """Seconds from ``r`` to the first frame drawn after the round was revealed, every voter voting."""
    import textual.app

    from ritual_tui.store.workspace import Workspace
    from ritual_tui.tui.app import RitualApp
    from ritual_tui.tui.screens.refinement import RefinementScreen

    os.environ.update(ENV)
    frames: list[float] = []
    display = textual.app.App._display

    def stamped(app: textual.app.App[object], screen: object, renderable: object) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        display(app, screen, renderable)  # type: ignore[arg-type]

    textual.app.App._display = stamped  # type: ignore[method-assign,assignment]
    timings: list[float] = []

    async def main() -> None:
        ws = Workspace.open(ws_root)
        app = RitualApp(ws, "refinement")
        async with app.run_test(size=(120, 40)) as pilot:
            while not (isinstance(app.screen, RefinementScreen) and app.screen.settled):
                await pilot.pause(0.01)
            screen = app.screen
            assert screen.context is not None
            entry = next(e for e in screen.context.refinement.agenda if e in screen.context.items)
            screen.query_one("#agenda").select_key(entry)
            await pilot.press("enter")
            revealed: list[float] = []
            session_saved = screen.session_saved

            def stamped_saved(session: object) -> None:
                session_saved(session)  # type: ignore[arg-type]
                revealed.append(time.perf_counter())

            screen.session_saved = stamped_saved  # type: ignore[method-assign]
            for n in range(rounds):
                while not screen.settled:
                    await pilot.pause(0.01)
                if n:
                    await pilot.press("a")  # a re-vote
                await pilot.press("v")  # the PO types every voter's card, as in a session
                for _ in screen.context.refinement.voters:
                    await pilot.press("5", "enter")
                await pilot.press("escape")
                while not screen.settled or not screen.check_action("reveal", ()):
                    await pilot.pause(0.01)
                await pilot.pause(0.05)
                before = len(revealed)
                started = time.perf_counter()
                await pilot.press("r")  # Pilot waits for the app to be idle after: the frame was drawn by then
                while not (len(revealed) > before and frames and frames[-1] > revealed[-1]):
                    await asyncio.sleep(0.0002)
                timings.append(next(f for f in frames if f > revealed[-1]) - started)
                assert "s sets 5" in str(screen.query_one("#poker-state").render())

    try:
        asyncio.run(main())
    finally:
        textual.app.App._display = display  # type: ignore[method-assign]
    return timings


def files_written_by_a_move(ws_root: Path) -> tuple[int, int, float]:
    """(files changed, items in the backlog, seconds) for one item moved to the top."""
    from ritual_tui.domain.backlog import BacklogItem
    from ritual_tui.services.ranking import move_item
    from ritual_tui.store.workspace import Workspace

    os.environ.update(ENV)
    ws = Workspace.open(ws_root)
    files = [f.path for f in ws.files(BacklogItem)]
    ws.index(BacklogItem)  # the index as a session has it: learnt once
    before = {p: p.read_bytes() for p in ws_root.rglob("*") if p.is_file() and ".ritual" not in p.parts}
    last = files[-1].name.split("-")
    started = time.perf_counter()
    move_item(ws, f"{last[0]}-{last[1]}", "top")
    seconds = time.perf_counter() - started
    after = {p: p.read_bytes() for p in ws_root.rglob("*") if p.is_file() and ".ritual" not in p.parts}
    changed = [p for p in after if before.get(p) != after[p]]
    return len(changed), len(files), seconds


def main() -> None:
    CACHE.mkdir(exist_ok=True)
    large = scratch_copy(workspace("large"))
    rows = []
    times = filled(large)
    home = times["home"]
    for what, key in (
        ("`ritual refine` start to agenda filled (the day's first opening), large", "first"),
        ("`ritual refine` start to agenda filled (resumed), large", "resumed"),
        ("`ritual daily` start to filled (resumed): the runtime's own cost, large", "daily"),
    ):
        ratio = times[key] / home
        met = "–" if key == "daily" else ("met" if ratio <= 1.2 else "MISSED")
        target = "(reported)" if key == "daily" else "≤ 1.2×"
        rows.append(
            (what, "`ritual` start to home filled", f"{times[key]:.2f} s vs {home:.2f} s = {ratio:.2f}×", target, met)
        )
    reveals = reveal_to_frame(large)
    r = statistics.median(reveals) * 1000
    rows.append(
        (
            "refinement: reveal (`r`) to frame, large",
            "–",
            f"{r:.0f} ms median of {len(reveals)}",
            "≤ 50 ms",
            "met" if r <= 50 else "MISSED",
        )
    )
    changed, items, seconds = files_written_by_a_move(large)
    rows.append(
        (
            f"`ritual backlog rank --top`: files written, {items:,} items",
            "–",
            f"{changed} file ({seconds * 1000:.0f} ms)",
            "1 file",
            "met" if changed == 1 else "MISSED",
        )
    )
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    table = ["| what | compared with | figure | target | |", "|---|---|---|---|---|"]
    table += [f"| {' | '.join(row)} |" for row in rows]
    text = (
        f"# Refinement benchmark\n\nMachine: {machine}. Date: {date.today()}. Start-up figures are medians of "
        f"{RUNS} runs of each, interleaved.\n\nReproduce: `python -m benchmarks.refinement`.\n\n"
        + "\n".join(table)
        + "\n"
    )
    (HERE / "RESULTS-refinement.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
