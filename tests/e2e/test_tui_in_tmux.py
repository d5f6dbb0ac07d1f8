"""The TUI in a real terminal (tmux): a whole daily with a kill in the middle, and hostile text."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FROZEN_NOW, run_ritual
from tests.e2e.tmux import Terminal, ritual_command, wait_for_file
from tests.hostile import hostile_workspace

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "tmux"], capture_output=True).returncode != 0,
    reason="tmux is not installed (.ci/run installs it)",
)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal()
    yield term
    term.close()


ENV = {"RITUAL_NOW": FROZEN_NOW, "TERM": "xterm-256color", "COLORTERM": "truecolor"}


def _kill_app(term: Terminal) -> None:
    """SIGKILL the ritual process running in the pane (not the shell around it)."""
    shell = term.pane_pid()
    children = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True).stdout.split()
    for pid in children:
        if "ritual_tui" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
            os.kill(int(pid), signal.SIGKILL)


def test_a_whole_daily_survives_a_kill_and_lands_on_disk(terminal: Terminal, tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    done = tmp_path / "exit-code"
    terminal.start(ritual_command("--workspace", str(workspace), "daily"), ENV, done)
    terminal.wait_for("Lena Fischer  (1 of 6)")
    terminal.press("b")
    terminal.wait_for("Blocker · Lena Fischer")
    terminal.type("CI runner out of disk")
    terminal.press("Enter")
    terminal.wait_for("blocker: CI runner")
    terminal.press("n")
    terminal.wait_for("Tomás Ruiz  (2 of 6)")
    terminal.press("e")
    terminal.wait_for("Escalation for the PM")
    terminal.type("Pen test slot moved")
    terminal.wait_for("Pen test slot moved")
    terminal.press_and_wait_for_repaint("Tab")
    terminal.type("Can we ship before the pen test?")
    terminal.press("Enter")
    terminal.wait_for("escalation: Pen test")
    terminal.press("n")
    terminal.wait_for("Priya Natarajan  (3 of 6)")

    _kill_app(terminal)  # the terminal dies mid-daily
    assert wait_for_file(done) != "0"

    done.unlink()
    terminal.close()
    again = Terminal()
    try:
        again.start(ritual_command("--workspace", str(workspace), "daily"), ENV, done)
        screen = again.wait_for("Priya Natarajan  (3 of 6)")  # resumed where it stopped
        assert "blocker: CI runner" in screen and "escalation: Pen test" in screen
        again.press("p")
        again.wait_for("Parking-lot topic")
        again.type("Retro format")
        again.press("Enter")
        again.wait_for("topic: Retro format")
        again.press("x")
        again.wait_for("End the daily stand-up?")
        again.press("Enter")
        again.wait_for("Daily stand-up recap")
        again.press("Enter")
        again.wait_for("Waiting for the PM")
        again.press("C-q")
        assert wait_for_file(done) == "0"
    finally:
        again.close()

    exported = json.loads(run_ritual("--workspace", str(workspace), "export", "--json", env=ENV).stdout)
    (daily,) = [s for s in exported["sessions"] if s["date"] == "2026-11-26"]
    blocker = next(b for b in exported["blockers"] if b["title"] == "CI runner out of disk")
    escalation = next(e for e in exported["escalations"] if e["title"] == "Pen test slot moved")
    topic = next(t for t in exported["topics"] if t["title"] == "Retro format")
    assert daily["captured"] == [blocker["id"], escalation["id"], topic["id"]]
    assert escalation["ask"] == "Can we ship before the pen test?" and escalation["raised_by"] == "Tomás Ruiz"
    assert list(daily["speaker_seconds"])[:2] == ["Lena Fischer", "Tomás Ruiz"] and "ended" in daily
    assert run_ritual("--workspace", str(workspace), "check").returncode == 0


def test_hostile_text_reaches_the_terminal_inert(terminal: Terminal, tmp_path: Path) -> None:
    workspace = hostile_workspace(tmp_path / "ws").root
    done = tmp_path / "exit-code"
    title_before = terminal.tmux("display", "-p", "#{pane_title}")
    terminal.start(ritual_command("--workspace", str(workspace), "daily"), ENV, done)
    screen = terminal.wait_for("␛]0;owned␇")  # the OSC title sequence, drawn as characters
    assert "[@click=app.quit]q[/]" in screen
    title = terminal.tmux("display", "-p", "#{pane_title}").strip()
    assert "owned" not in title
    assert terminal.tmux("list-buffers") == ""  # OSC 52 never reached the clipboard
    terminal.press("Escape")
    terminal.wait_for("Waiting for the PM")
    terminal.press("e")
    terminal.wait_for("␛[2J")
    terminal.press("C-q")
    assert wait_for_file(done) == "0"
    assert title_before is not None


def test_a_crash_exits_non_zero(terminal: Terminal, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    assert run_ritual("--workspace", str(workspace), "init").returncode == 0
    crash = tmp_path / "crash.py"
    crash.write_text(
        "import sys\n"
        "from ritual_tui.tui.screens import home\n"
        "def broken(self):\n"
        "    raise RuntimeError('boom')\n"
        "home.HomeScreen.compose = broken\n"
        "from ritual_tui.cli import main\n"
        f"sys.exit(main(['--workspace', {str(workspace)!r}]))\n"
    )
    done = tmp_path / "exit-code"
    terminal.start(f"{ritual_command()} --version >/dev/null; {os.sys.executable} {crash}", ENV, done)
    assert wait_for_file(done) == "1"


def test_a_private_note_typed_in_presenter_mode_never_reaches_the_screen(terminal: Terminal, tmp_path: Path) -> None:
    workspace = tmp_path / "demo"
    assert run_ritual("demo", "--copy-to", str(workspace), env=ENV).returncode == 0
    done = tmp_path / "exit-code"
    secret = "Tomas-interviews-elsewhere"
    terminal.start(ritual_command("--workspace", str(workspace), "--presenter", "daily"), ENV, done)
    terminal.wait_for("PRESENTER MODE")
    terminal.wait_for("Lena Fischer  (1 of 6)")
    terminal.press("o")
    terminal.wait_for("Note (masked on the shared screen)")
    seen = []
    for part in (secret[:8], secret[8:16], secret[16:]):  # typed in bursts, the screen read after each
        terminal.type(part)
        seen.append(terminal.wait_for("•" * len("".join(secret[: 8 * (len(seen) + 1)])), timeout=10))
    terminal.press("Enter")
    seen.append(terminal.wait_for("Saved."))  # no id: "N-7" would tell the room a note was taken
    terminal.press("x")
    seen.append(terminal.wait_for("End the daily stand-up?"))
    terminal.press("Enter")
    seen.append(terminal.wait_for("Daily stand-up recap"))
    assert all(
        secret[:6] not in screen
        and "Saved N-" not in screen
        # the badge's "private notes hidden" is the only mention the room may see
        and "private note" not in screen.lower().replace("notes hidden", "")
        for screen in seen
    )
    terminal.press("Enter")
    terminal.wait_for("Waiting for the PM")
    terminal.press("C-q")
    assert wait_for_file(done) == "0"
    exported = json.loads(run_ritual("--workspace", str(workspace), "export", "--json", env=ENV).stdout)
    assert [n["text"] for n in exported["notes"] if n["private"]][-1] == secret  # saved, just never shown
