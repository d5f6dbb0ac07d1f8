"""Fixtures shared by every test: a machine isolated from the user's, and workspaces in tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ritual_tui.cli import main
from ritual_tui.store import cache
from ritual_tui.store.workspace import Workspace

#: A day to freeze the clock on, so dates in assertions never depend on when tests run.
FROZEN_NOW = "2026-11-26T09:30:00+01:00"

TEAM_SETTINGS = """
[[team]]
name = "Ada"
role = "Developer"

[[team]]
name = "Bo"
role = "QA engineer"
availability = 0.5

[[objectives]]
id = "O-1"
title = "Checkout without calling us"
horizon = "Q1 2027"
"""


@pytest.fixture(autouse=True)
def isolated_machine(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's real workspace or config; the clock is frozen."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("RITUAL_WORKSPACE", raising=False)
    monkeypatch.setenv("RITUAL_NOW", FROZEN_NOW)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The files a test writes count as settled, so that the store caches them at once: the caches'
    clock runs a minute ahead (see ``store.cache.SETTLED_NS``)."""
    monkeypatch.setattr(cache, "clock_ns", lambda: time.time_ns() + 60 * 10**9)


def add_team(ws_root: Path) -> None:
    """Give a fresh workspace a team of two and one roadmap objective (keeping the trailer last)."""
    settings = ws_root / "workspace.toml"
    text = settings.read_text(encoding="utf-8")
    body, trailer = text.rsplit("\n# end of file", 1)
    settings.write_text(body + TEAM_SETTINGS + "\n# end of file" + trailer, encoding="utf-8")


def set_settings(ws_root: Path, **values: object) -> None:
    """Set top-level settings of a workspace (the file is rewritten without its comments)."""
    import tomllib

    import tomli_w

    from ritual_tui.store.files import TRAILER

    path = ws_root / "workspace.toml"
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    doc.update(values)
    path.write_text(tomli_w.dumps(doc) + TRAILER, encoding="utf-8")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A new workspace with a small team and one objective."""
    root = tmp_path / "ws"
    Workspace.create(root, "Shop")
    add_team(root)
    return Workspace.open(root)


@pytest.fixture
def demo(tmp_path: Path) -> Workspace:
    """A fresh copy of the demo workspace, dated so that its sprint is under way on the frozen day."""
    from ritual_tui.domain import clock
    from ritual_tui.store.demo import copy_demo

    return copy_demo(tmp_path / "demo", clock.today())


@dataclass
class Result:
    """What a command did: its exit code and what it printed."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``ritual`` in-process against the ``ws`` workspace."""

    def run(*args: str) -> Result:
        try:
            code = main(["--workspace", str(ws.root), *args])
        except SystemExit as exit_:  # argparse exits on usage errors and --help
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_ritual(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the real ``ritual`` command in a subprocess, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "ritual_tui", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        timeout=timeout,
        input=input,
        stdin=None if input is not None else subprocess.DEVNULL,
    )


def git(cwd: Path, *args: str) -> str:
    """Run git in ``cwd`` as a throwaway author; a failure (a merge conflict) fails the test."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout
