"""UI fixtures: the app on a fresh copy of the demo workspace, and helpers to read the screen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Digits, OptionList

from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.screens.daily import DailyScreen
from ritual_tui.tui.widgets.rows import RowList


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The daily's countdown reads a clock that does not move, so what it shows is stable."""
    monkeypatch.setattr(DailyScreen, "CLOCK", staticmethod(lambda: 1000.0))


def _tables_measured(app: Any) -> bool:
    # DataTable measures new rows on idle; a screenshot before that shows header-wide columns.
    return not any(t._require_update_dimensions or t._updated_cells for t in app.screen.query(DataTable))


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until background work is done and the screen has caught up (tables measured)."""
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen = pilot.app.screen
        # Modals load nothing.
        screen_ready = getattr(screen, "settled", True)
        if screen_ready and all(w.is_finished for w in pilot.app.workers) and _tables_measured(pilot.app):
            await pilot.pause()
            if _tables_measured(pilot.app):
                return


def text_of(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    if isinstance(widget, DataTable):
        rows = [" ".join(str(getattr(c, "plain", c)) for c in widget.get_row_at(i)) for i in range(widget.row_count)]
        return "\n".join(rows)
    if isinstance(widget, RowList):
        return "\n".join(" ".join(c.plain for c in widget.rows[i]) for i in widget.shown)
    if isinstance(widget, Digits):
        return widget.value
    if isinstance(widget, OptionList):
        return "\n".join(str(getattr(o.prompt, "plain", o.prompt)) for o in widget.options)
    rendered = widget.render()
    return str(getattr(rendered, "plain", rendered))


def screen_text(app: RitualApp) -> str:
    """Everything the current screen shows in its text widgets and tables, plus its titles."""
    parts = [app.title, app.sub_title, app.screen.sub_title or ""]
    for widget in app.screen.query("*"):
        if (widget.display and isinstance(widget, (DataTable, OptionList, RowList))) or type(widget).__name__ in (
            "Static",
            "Label",
            "Digits",
        ):
            parts.append(text_of(widget))
    return "\n".join(parts)
