"""User text is shown as text in every view: markup never acts, escape sequences never reach the screen."""

from __future__ import annotations

from pathlib import Path

from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.detail import DetailScreen
from tests.hostile import SHOWN, hostile_workspace
from tests.ui.conftest import screen_text, settle, text_of


def assert_inert(shown: str) -> None:
    assert SHOWN in shown
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in shown


async def test_hostile_text_is_shown_inert_in_every_view(tmp_path: Path) -> None:
    app = RitualApp(hostile_workspace(tmp_path / "ws"))
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert_inert(screen_text(app))  # home: product name, sprint goal, escalation, decision
        await pilot.press("d")
        await settle(pilot)
        shown = screen_text(app)
        assert_inert(shown)  # daily: speaker, blocker, board, captured topic and note
        assert shown.count("[@click=app.quit]") >= 4
        await pilot.press("escape", "e", "enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert_inert(screen_text(app))
        await pilot.press("escape", "escape", "b")
        await settle(pilot)
        assert_inert(text_of(app.screen.query_one("#backlog")))  # the virtual list of the backlog
        await pilot.press("escape")
        for keys in (("escape", "escape", "c", "enter"), ("escape", "escape", "b", "tab", "enter")):
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, DetailScreen)
            assert_inert(screen_text(app))
        assert app.is_running  # [@click=app.quit] never quit the app
