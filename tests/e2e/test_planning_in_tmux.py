"""A sprint planned in a real terminal on a copy of the demo, from the close-out of sprint 5 to the
commitment; then what landed on disk, read back through ``ritual export --json`` and the plan file.

Figures (see tests/ui/test_planning.py for the arithmetic): at 53 person-days the demo's history
gives P50 14 and P85 10; B-9 (5) + B-16 (3) + B-10 (5) = 13 points are reached by 17.33, 14.06 and
13.64 of the four scaled velocities, 75%.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import FROZEN_NOW, run_ritual
from tests.e2e.tmux import Terminal, ritual_command, wait_for_file

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
    reason="tmux is not installed (.ci/run installs it)",
)

ENV = {"RITUAL_NOW": FROZEN_NOW, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
#: Unfinished items of sprint 5 in the order listed, what the room decides, and the key to choose it.
CLOSE_OUT = [("B-9", "carry-over", []), ("B-16", "carry-over", []), ("B-23", "return", ["Down"])]
CLOSE_OUT += [("B-37", "return", ["Down"]), ("B-13", "drop", ["Down", "Down"])]


def wait_until_gone(term: Terminal, text: str, timeout: float = 20) -> None:
    """Poll until ``text`` has left the screen (a form closing), so that the next key reaches the planning."""
    deadline = time.monotonic() + timeout
    while text in term.screen():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} stayed on screen:\n{term.screen()}")
        time.sleep(0.05)


def test_a_sprint_planned_from_close_out_to_commit(tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    done = tmp_path / "exit-code"
    term = Terminal(100, 30)
    try:
        term.start(ritual_command("--workspace", str(workspace), "plan"), ENV, done)
        term.wait_for("Sprint 5 is still open (day 8 of 14)")
        term.press("r")
        term.wait_for("open the sprint review")  # or close it now, the second choice
        term.press("Down", "Enter")
        term.wait_for("Close sprint 5 now, on day 8 of 14?")
        term.press("y")
        term.wait_for("Was the sprint goal met?")
        term.press("Enter")
        term.wait_for("Sprint 5 left 5 items unfinished")
        for left, (item, action, keys) in zip(range(5, 0, -1), CLOSE_OUT, strict=True):
            term.wait_for(f"left {left} item{'s' if left > 1 else ''} unfinished")
            term.press("u")
            term.wait_for(f"what becomes of it? {item} ")
            term.press(*keys, "Enter")
            term.wait_for(f"Why {action.replace('-', ' ')}? {item} ")
            term.type(f"Decided: {action}")
            term.press("Enter")
            # Saved, and the cursor goes on to the next unfinished item by itself.
            term.wait_for(f"left {left - 1} item" if left > 1 else "Set the sprint goal: g")
            wait_until_gone(term, "Enter saves")
        term.press("g")
        term.wait_for("One sentence: what the sprint achieves")
        term.type("Patients get their reminders by SMS")
        term.press("Enter")
        term.wait_for("Which roadmap objective does it serve?")
        term.press("Down", "Enter")
        term.wait_for("Take the fist-of-five: v.")
        wait_until_gone(term, "Enter confirms")
        term.press("Space")  # the clock paused: what repaints now is the cursor alone
        term.wait_for("Paused 0:")
        for _ in range(2):  # from B-13, the last one decided, past B-5 to B-10
            term.press_and_wait_for_repaint("Down")
        term.press("s")
        term.wait_for("Selected 13 pts of P50 14 · P85 10 · 53 person-days")
        term.wait_for("chance 75%")
        term.press("v")
        term.wait_for("Fist of five")
        term.type("4 4 5 3 4 4")
        term.press("Enter")
        term.wait_for("Ready: c commits")
        term.press("c")
        term.wait_for("Commit 13 points in 3 items?")
        term.press("y")
        term.wait_for("Committed: S-6 has started")
        term.press("C-q")
        assert wait_for_file(done) == "0"
    finally:
        term.close()

    export = json.loads(run_ritual("--workspace", str(workspace), "export", "--json", env=ENV).stdout)
    (sprint,) = [s for s in export["sprints"] if s["id"] == "S-6"]
    assert [(c["item"], c["estimate"]) for c in sprint["commitment"]] == [("B-9", 5), ("B-16", 3), ("B-10", 5)]
    assert (sprint["start"], sprint["end"], sprint["capacity_days"], sprint["forecast"]) == (
        "2026-11-26",
        "2026-12-09",
        53.0,
        14,
    )
    assert sprint["goal"] == "Patients get their reminders by SMS" and sprint["goal_objective"] == "O-2"
    (session,) = [s for s in export["sessions"] if s["ritual"] == "planning" and s["date"] == "2026-11-26"]
    plan = session["plan"]
    assert plan["sprint"] == "S-6" and plan["confidence"]["counts"] == [0, 0, 0, 1, 4, 1]
    assert [(c["item"], c["action"]) for c in plan["close_out"]] == [(i, a) for i, a, _ in CLOSE_OUT]
    assert (plan["forecast"]["p50"], plan["forecast"]["p85"], plan["forecast"]["chance"]) == (14, 10, 0.75)
    assert next(i for i in export["backlog"] if i["id"] == "B-13")["status"] == "dropped"
    assert next(s for s in export["sprints"] if s["id"] == "S-5")["status"] == "closed"

    written = json.loads((workspace / "plans" / "sprint-6-plan.json").read_text(encoding="utf-8"))
    assert (written["commitment"]["points"], written["forecast"]["chance_percent"]) == (13, 75)
    assert [x["id"] for x in written["close_out"]] == ["B-9", "B-16", "B-23", "B-37", "B-13"]
    markdown = (workspace / "plans" / "sprint-6-plan.md").read_text(encoding="utf-8")
    assert "**Sprint goal:** Patients get their reminders by SMS (serves O-2" in markdown
