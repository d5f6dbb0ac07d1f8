"""What the screen looks like at 80×24 and at 200×50: home and the daily, then presenter mode on for
home, the daily, a capture form, help and the bar naming a damaged file.

Snapshots are SVGs under ``__snapshots__``; after a deliberate change of look, regenerate them with
``pytest tests/ui/test_snapshots.py --snapshot-update`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from tests.ui.conftest import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((200, 50), id="200x50")]


@pytest.fixture(autouse=True)
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


def pressing(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Settle, press the keys, settle, and clear the notifications (they come and go)."""

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for notification in list(pilot.app._notifications):
            pilot.app._unnotify(notification)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo), terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_daily(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, "daily"), terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_home_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, presenter=True), terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_daily_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, "daily"), terminal_size=size, run_before=pressing("f5"))


@pytest.mark.parametrize("size", SIZES)
def test_escalation_form_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    app = RitualApp(demo, "daily", presenter=True)
    assert snap_compare(app, terminal_size=size, run_before=pressing("e"))


@pytest.mark.parametrize("size", SIZES)
def test_help_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    app = RitualApp(demo, "daily", presenter=True)
    assert snap_compare(app, terminal_size=size, run_before=pressing("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_problem_bar_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    (b9,) = [f for f in demo.files(BacklogItem) if f.id == "B-9"]
    b9.path.write_text("title = [\n", encoding="utf-8")
    app = RitualApp(Workspace.open(demo.root), "daily", presenter=True)
    assert snap_compare(app, terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_review(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, "review"), terminal_size=size, run_before=pressing())


@pytest.mark.parametrize("size", SIZES)
def test_review_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    app = RitualApp(demo, "review", presenter=True)
    assert snap_compare(app, terminal_size=size, run_before=pressing("down", "Y", "a", "s", "enter"))
