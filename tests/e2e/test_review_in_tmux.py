"""A whole sprint review of the demo's running sprint in a real terminal (tmux), ending in a closed
sprint and a summary whose review section is checked through its JSON."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FROZEN_NOW, run_ritual
from tests.e2e.tmux import Terminal, ritual_command, wait_for_file

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
    reason="tmux is not installed (.ci/run installs it)",
)

ENV = {"RITUAL_NOW": FROZEN_NOW, "TERM": "xterm-256color", "COLORTERM": "truecolor"}


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    yield term
    term.close()


def test_a_review_closes_the_demo_sprint_and_writes_its_summary(terminal: Terminal, tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    done = tmp_path / "exit-code"
    terminal.start(ritual_command("--workspace", str(workspace), "review"), ENV, done)
    terminal.wait_for("Sprint 5 · day 8 of 14")
    terminal.press("s")
    terminal.wait_for("Who joins the review?")
    terminal.press("Enter")  # the first offered: Dr. Vogel, from the last review
    terminal.wait_for("Dr. Anna Vogel (Clinic partner")
    terminal.press("Down")
    terminal.wait_for("B-15 done · DoD 0/6")
    terminal.press("Y")
    terminal.wait_for("B-15 done · DoD 6/6")
    terminal.press("a")
    terminal.wait_for("accepted")
    terminal.press("f")
    terminal.wait_for("Stakeholder feedback")
    terminal.type("Reminders to a relative too")
    terminal.press("Enter")
    terminal.wait_for("F-7")
    terminal.press("v")
    terminal.wait_for("Was the sprint goal met?")
    terminal.press("Down")
    terminal.press("Enter")
    terminal.wait_for("Why, in one line")
    terminal.type("SMS waits for the sender-ID")
    terminal.press("Enter")
    terminal.wait_for("goal partly met")
    terminal.press("C")
    terminal.wait_for("Close sprint 5 today?")
    terminal.press("Enter")
    terminal.wait_for("what becomes of the items not accepted?")
    terminal.press("Enter")
    terminal.wait_for("summary in summaries/")
    terminal.press("x")
    terminal.wait_for("End the sprint review?")
    terminal.press("Enter")
    terminal.wait_for("Sprint review recap")
    terminal.press("Enter")
    terminal.wait_for("Waiting for the PM")
    terminal.press("C-q")
    assert wait_for_file(done) == "0"

    summary = json.loads((workspace / "summaries" / "sprint-5-summary.json").read_text(encoding="utf-8"))
    review = summary["review"]
    assert (summary["sprint"]["status"], review["goal_verdict"], review["goal_reason"]) == (
        "closed",
        "partly",
        "SMS waits for the sender-ID",
    )
    assert review["stakeholders"] == [{"name": "Dr. Anna Vogel", "role": "Clinic partner, Praxis am Markt"}]
    # B-15 was accepted meeting the whole DoD; the five others were not finished: carried over.
    assert [(o["id"], o["outcome"], o["dod"], o["next"]) for o in review["outcomes"]] == [
        ("B-15", "accepted", "met", ""),
        *((i, "carried-over", "not checked", "carry-over") for i in ("B-9", "B-16", "B-23", "B-37", "B-13")),
    ]
    assert review["definition_of_done"]["items_meeting_it"] == 1
    assert [(f["id"], f["text"], f["turned_into"]) for f in summary["feedback"]] == [
        ("F-7", "Reminders to a relative too", "")
    ]
    assert run_ritual("--workspace", str(workspace), "check", env=ENV).returncode == 0
