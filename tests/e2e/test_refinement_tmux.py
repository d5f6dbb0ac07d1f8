"""A refinement in a real terminal at 80×24 in presenter mode: a poker round whose cards never reach
the screen before the reveal, a topic closed, an item made ready, and the whole session checked
through ``ritual export --json``."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace
from tests.conftest import run_ritual
from tests.e2e.test_tui_in_tmux import ENV
from tests.e2e.tmux import Terminal, ritual_command, wait_for_file

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
    reason="tmux is not installed (.ci/run installs it)",
)

TEAM = ["Lena Fischer", "Tomás Ruiz", "Priya Natarajan", "Jonas Berg", "Mei Chen", "Samir Haddad"]
#: Cards no other part of the screen shows (the deck line of the vote pad aside).
CARDS = ["100", "40", "100", "40", "40", "100"]


def assert_no_card(screen: str) -> None:
    """No voter shows with a card: before the reveal a name has only "✓" or "·" before it."""
    for name in TEAM:
        for line in screen.splitlines():
            if name in line:
                after = line.split(name, 1)[1]
                assert not re.search(r"\b(100|40)\b", after), f"a card shows for {name}: {line}"


def wait_until_gone(terminal: Terminal, text: str, timeout: float = 20) -> None:
    """Poll the screen until ``text`` no longer shows (a modal has closed)."""
    deadline = time.monotonic() + timeout
    while text in terminal.screen():
        assert time.monotonic() < deadline, f"{text!r} never went away:\n{terminal.screen()}"
        time.sleep(0.1)


def test_a_poker_round_in_presenter_mode_then_the_session_in_the_export(tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    new = f"B-{Workspace.open(workspace).next_number(BacklogItem)}"  # the item the first topic becomes
    done = tmp_path / "exit-code"
    terminal = Terminal(80, 24)
    try:
        terminal.start(ritual_command("--workspace", str(workspace), "--presenter", "refine"), ENV, done)
        terminal.wait_for("PRESENTER MODE")
        terminal.wait_for("Topic: Should remin")
        # The first topic becomes a backlog item with its own title.
        terminal.press("Enter")
        terminal.wait_for("P-1 · parking-lot")
        terminal.press("c")
        terminal.wait_for("becomes…")
        terminal.press("Enter")  # the first outcome: a new backlog item
        terminal.wait_for("(empty: the topic's)")
        terminal.press("Enter")
        terminal.wait_for(f"New item {new}")
        # B-18: a poker round, typed masked by the PO for the room.
        terminal.press("Down", "Down")
        terminal.press("Enter")
        terminal.wait_for("B-18 · story")
        terminal.press("v")
        terminal.wait_for("Card for Lena Fischer")
        for n, card in enumerate(CARDS):
            terminal.type(card)
            screen = terminal.wait_for("•••")  # masked as it is typed, the same mask for any card
            assert_no_card(screen)
            terminal.press("Enter")
            screen = terminal.wait_for(f"Card for {TEAM[n + 1]}" if n + 1 < len(TEAM) else "Everyone has voted")
            assert_no_card(screen)
        terminal.press("Escape")
        wait_until_gone(terminal, "Votes for B-18")
        screen = terminal.wait_for("all 6 voted · r reveals")
        assert "100" not in screen and "40" not in screen.replace("0:40", "")
        assert_no_card(screen)
        terminal.press("r")
        screen = terminal.wait_for("Round 1 · s sets 100")
        for name, card in zip(TEAM, CARDS, strict=True):
            assert f"{card} {name[:9]}" in screen, screen  # at 80 columns a long name is cut, never the card
        # 40 40 40 100 100 100: the median is (40 + 100) / 2 = 70, snapped up to the card 100.
        terminal.press("S")  # another estimate: 13, on the scale (100 is not, so nothing is offered)
        terminal.wait_for("Estimate for B-18")
        terminal.type("13")
        terminal.wait_for("  13 ")
        terminal.press("Enter")
        terminal.wait_for("13 pts")
        terminal.press("t")
        terminal.wait_for("Definition of Ready · B-18")
        # The demo's B-18 has its first line ticked: tick the four others, the last makes it ready.
        for _ in range(4):
            terminal.press("Down", "Space")
        terminal.wait_for("B-18 · story · ready")
        terminal.press("Escape")
        wait_until_gone(terminal, "Definition of Ready · B-18")  # else the next key reads as Alt+key
        terminal.press("x")
        terminal.wait_for("End the backlog refinement?")
        terminal.press("Enter")
        recap = terminal.wait_for("Backlog refinement recap")
        assert "B-18 Clinic onboarding checklist · refining → ready · 3" in recap, recap  # then "→ 13 pts", wrapped
        assert "Round 1: 100 40 100 40 40 100 · 50 %" in recap and f"P-1 → New item {new}" in recap, recap
        terminal.press("Enter")
        terminal.wait_for("Recent decisions")
        terminal.press("C-q")
        assert wait_for_file(done) == "0"
    finally:
        terminal.close()

    export = json.loads(run_ritual("--workspace", str(workspace), "export", "--json", env=ENV).stdout)
    (session,) = [s for s in export["sessions"] if s["ritual"] == "refinement" and s["date"] == "2026-11-26"]
    record = session["refinement"]
    (poker,) = record["rounds"]
    assert poker["item"] == "B-18" and poker["votes"] == dict(zip(TEAM, CARDS, strict=True)) and poker["revealed"]
    refined = {r["item"]: r for r in record["refined"]}
    assert (refined["B-18"]["estimate_before"], refined["B-18"]["estimate_after"]) == (3, 13)
    assert (refined["B-18"]["status_before"], refined["B-18"]["status_after"]) == ("refining", "ready")
    items = {i["id"]: i for i in export["backlog"]}
    assert (items["B-18"]["estimate"], items["B-18"]["status"]) == (13, "ready") and items[new][
        "title"
    ] == "Should reminders go out on Sundays?"
    topic = next(t for t in export["topics"] if t["id"] == "P-1")
    assert (topic["status"], topic["became"]) == ("closed", new)
    assert session["ended"] and "B-18" in record["seconds"]


def test_lines_typed_faster_than_the_form_saves_them_stay_apart(tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    done = tmp_path / "exit-code"
    terminal = Terminal(100, 30)
    try:
        terminal.start(ritual_command("--workspace", str(workspace), "refine"), ENV, done)
        terminal.wait_for("Topic: Should remin")
        terminal.press("Down", "Down", "Enter")
        terminal.wait_for("B-18 · story")
        terminal.press("v")
        terminal.wait_for("Card for Lena Fischer")
        terminal.type("3")
        terminal.press("Enter")
        terminal.wait_for("Card for Tomás Ruiz")  # the card field has the keys from here on
        # Two cards and their Enters in one burst, as a paste or a fast typist sends them.
        terminal.tmux("send-keys", "5", "Enter", "8", "Enter")
        terminal.wait_for("Card for Jonas Berg")
        terminal.press("Escape")
        wait_until_gone(terminal, "Votes for B-18")
        terminal.press("l")
        terminal.wait_for("Split B-18")
        terminal.type("Checklist steps")
        terminal.press("Enter")
        terminal.wait_for("1  Checklist steps")
        terminal.tmux("send-keys", "-l", "Progress bar\rReminders\r")  # one burst, Enters included
        screen = terminal.wait_for("3  Reminders")
        assert "2  Progress bar" in screen
        terminal.press("Escape")
        wait_until_gone(terminal, "Split B-18")
        terminal.press("C-q")
        assert wait_for_file(done) == "0"
    finally:
        terminal.close()
    export = json.loads(run_ritual("--workspace", str(workspace), "export", "--json", env=ENV).stdout)
    (session,) = [s for s in export["sessions"] if s["ritual"] == "refinement" and s["date"] == "2026-11-26"]
    votes = session["refinement"]["rounds"][0]["votes"]
    assert votes == {"Lena Fischer": "3", "Tomás Ruiz": "5", "Priya Natarajan": "8"}
