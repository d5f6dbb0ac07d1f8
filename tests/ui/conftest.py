"""UI fixtures: the app on a fresh copy of the demo workspace, and helpers to read the screen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Digits, OptionList

from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.screens.session import RitualSessionScreen
from ritual_tui.tui.widgets.bigclock import BigClock
from ritual_tui.tui.widgets.board import SprintBoard
from ritual_tui.tui.widgets.table import RecordTable


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rituals' clocks read a clock that does not move, so what they show is stable."""
    monkeypatch.setattr(RitualSessionScreen, "CLOCK", staticmethod(lambda: 1000.0))


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until background work is done and the screen has caught up."""
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        if getattr(screen, "settled", True) and all(w.is_finished for w in pilot.app.workers):
            await pilot.pause()
            return
    raise AssertionError(f"{pilot.app.screen} never settled")


def text_of(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    if isinstance(widget, RecordTable):
        return "\n".join(widget.row_text(key) for key in widget.shown_keys()) or widget.empty
    if isinstance(widget, SprintBoard):
        return widget.item_text()
    if isinstance(widget, (Digits, BigClock)):
        return widget.value
    if isinstance(widget, OptionList):
        return "\n".join(str(getattr(o.prompt, "plain", o.prompt)) for o in widget.options)
    rendered = widget.render()
    return str(getattr(rendered, "plain", rendered))


def screen_text(app: RitualApp) -> str:
    """Everything the current screen shows in its text widgets and tables, plus its titles."""
    parts = [app.title, app.sub_title, app.screen.sub_title or ""]
    for widget in app.screen.query("*"):
        if (widget.display and isinstance(widget, (RecordTable, OptionList, SprintBoard))) or type(widget).__name__ in (
            "Static",
            "Label",
            "Digits",
            "BigClock",
        ):
            parts.append(text_of(widget))
    return "\n".join(parts)
