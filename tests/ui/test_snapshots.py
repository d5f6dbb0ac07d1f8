"""What the screen looks like: home, daily and presenter mode, at 80×24 and at 160×48.

Snapshots are SVGs under ``__snapshots__``; after a deliberate change of look, regenerate them with
``pytest tests/ui/test_snapshots.py --snapshot-update`` and review the diff.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from tests.ui.conftest import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.fixture(autouse=True)
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)


async def _settled(pilot: Pilot[Any]) -> None:
    await settle(pilot)


async def _presenter_daily(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    for notification in list(pilot.app._notifications):
        pilot.app._unnotify(notification)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES)
def test_daily(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, "daily"), terminal_size=size, run_before=_settled)


@pytest.mark.parametrize("size", SIZES)
def test_daily_in_presenter_mode(snap_compare: Any, demo: Workspace, size: tuple[int, int]) -> None:
    assert snap_compare(RitualApp(demo, "daily"), terminal_size=size, run_before=_presenter_daily)
