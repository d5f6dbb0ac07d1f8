"""User text is shown as text in every view: markup never acts, escape sequences never reach the screen."""

from __future__ import annotations

from pathlib import Path

from ritual_tui.domain.escalation import Escalation
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.detail import DetailScreen
from tests.hostile import SHOWN, hostile_workspace
from tests.ui.conftest import screen_text, settle, text_of


def assert_inert(shown: str) -> None:
    assert SHOWN in shown
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in shown


async def test_hostile_text_is_shown_inert_in_every_view(tmp_path: Path) -> None:
    ws = hostile_workspace(tmp_path / "ws")
    # A hand-edited category is user text too: it is shown, never styled.
    ws.update(Escalation, ws.files(Escalation)[0].id, lambda e: setattr(e, "category", "[reverse]X[/]"))
    app = RitualApp(ws)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        assert_inert(screen_text(app))  # home: product name, sprint goal, escalation, decision
        await pilot.press("d")
        await settle(pilot)
        shown = screen_text(app)
        assert_inert(shown)  # daily: speaker, blocker, board, captured topic and note
        assert shown.count("[@click=app.quit]") >= 4
        await pilot.press("escape", "e")
        await settle(pilot)
        assert "[reverse]X[/]" in text_of(app.screen.query_one("#records"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert_inert(screen_text(app))
        await pilot.press("escape", "escape", "b")
        await settle(pilot)
        assert_inert(text_of(app.screen.query_one("#records")))  # the virtual list of the backlog
        await pilot.press("escape")
        for keys in (("escape", "escape", "c", "enter"), ("escape", "escape", "b", "tab", "enter")):
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, DetailScreen)
            assert_inert(screen_text(app))
        assert app.is_running  # [@click=app.quit] never quit the app
