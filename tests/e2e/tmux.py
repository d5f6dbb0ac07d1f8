"""Drive the real ``ritual`` in tmux, as a user at a terminal would."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path


class Terminal:
    """One tmux server and window running a command; its own socket, so tests never share one."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.socket = f"ritual-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return result.stdout

    def start(self, command: str, env: dict[str, str], done_file: Path) -> None:
        """Run ``command``; its exit code is written to ``done_file`` when it ends."""
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        script = f"env {exports} {command}; echo $? > {shlex.quote(str(done_file))}; sleep 600"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(self.width), "-y", str(self.height), script)
        self.tmux("set", "-s", "escape-time", "0")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J")

    def press(self, *keys: str) -> None:
        """Press keys by tmux name ("b", "Enter", "Escape", "C-q", "F5"), one call each, so that a lone
        Escape followed by a letter is not read as Alt+letter."""
        for key in keys:
            self.tmux("send-keys", key)

    def press_and_wait_for_repaint(self, key: str, timeout: float = 10) -> None:
        """Press a key whose effect is only visible in colours (focus moving), and wait for it.

        Keys sent faster than a person types can reach the app in one read, and Textual then drops
        a Tab that arrives in the same read as text; waiting for the repaint keeps them apart.
        """
        before = self.tmux("capture-pane", "-p", "-e")
        self.press(key)
        deadline = time.monotonic() + timeout
        while self.tmux("capture-pane", "-p", "-e") == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"pressing {key} changed nothing on screen")
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-l", "--", text)  # "--": text starting with "-" is text, not a flag

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """Poll the screen until ``text`` shows; fail with the screen if it never does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed on screen:\n{self.screen()}")

    def pane_pid(self) -> int:
        return int(self.tmux("display", "-p", "#{pane_pid}").strip())

    def close(self) -> None:
        self.tmux("kill-server")


def ritual_command(*args: str) -> str:
    """The shell command that runs ``ritual`` with this interpreter."""
    return " ".join(shlex.quote(a) for a in (sys.executable, "-m", "ritual_tui", *args))


def wait_for_file(path: Path, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return path.read_text().strip()
        time.sleep(0.1)
    raise AssertionError(f"{path} was never written")
