"""Every declared ritual on the shared runtime: it opens, captures each kind, is left for home and
resumed with its clock intact, ends with a recap, and its session is on disk."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import Input

from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.rituals import RITUALS, Ritual
from ritual_tui.services.capture import CAPTURE_KINDS
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.recap import RecapScreen
from ritual_tui.tui.screens import escalations as escalations_screen
from ritual_tui.tui.screens.session import RitualSessionScreen
from tests.conftest import set_settings
from tests.ui.conftest import screen_text, settle, text_of


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(RitualSessionScreen, "CLOCK", staticmethod(fake))
    return fake


def todays(ws: Workspace, ritual: str) -> list[RitualSession]:
    return [s for s in Workspace.open(ws.root).all(RitualSession) if s.ritual == ritual and str(s.date) == "2026-11-26"]


@pytest.mark.parametrize("ritual", RITUALS, ids=[r.name for r in RITUALS])
async def test_a_ritual_runs_whole_on_the_shared_runtime(demo: Workspace, clock: FakeClock, ritual: Ritual) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(ritual.key)
        await settle(pilot)
        assert app.screen.sub_title == ritual.title
        for kind in CAPTURE_KINDS:
            await pilot.press(kind.key)
            app.screen.query_one("#capture-text", Input).value = f"{kind.name} from the {ritual.name}"
            await pilot.press("enter")
            await settle(pilot)
        clock.now += 70  # the ritual has run 1:10
        await pilot.press("escape")  # home for a moment: the ritual stays open
        await settle(pilot)
        assert app.screen.sub_title == "Home" and f"{ritual.title} in progress" in screen_text(app)
        assert todays(demo, ritual.name)[0].elapsed_seconds == 70  # saved as it was left
        clock.now += 20  # the meeting goes on while the PO looks at home
        await pilot.press(ritual.key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RitualSessionScreen) and screen.clock is not None
        assert screen.clock.elapsed() == 90  # resumed, not restarted at 0:00
        captured = text_of(screen.query_one("#captured"))
        assert all(f"{kind.name} from the {ritual.name}" in captured for kind in CAPTURE_KINDS)
        await pilot.press("x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RecapScreen)
        recap = screen_text(app)
        assert "lasted 1:30" in recap and all(f"{kind.heading} (1)" in recap for kind in CAPTURE_KINDS)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.sub_title == "Home" and "in progress" not in screen_text(app)
    (session,) = todays(demo, ritual.name)
    assert session.ended is not None and session.elapsed_seconds == 90 and len(session.captured) == len(CAPTURE_KINDS)


async def test_the_daily_clock_survives_escape_then_d(demo: Workspace, clock: FakeClock) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        clock.now += 45
        await pilot.press("n")
        clock.now += 15
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        shown = screen_text(app)
        # Tomás has held the floor 15 s of his 2:00; the meeting has run 1:00.
        assert "Tomás Ruiz  (2 of 6)" in shown and "1:45" in shown and "Meeting 1:00 of 15:00" in shown
    assert len(todays(demo, "daily")) == 1


async def test_a_second_daily_the_same_day_is_started_only_when_asked(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("x", "enter")
        await settle(pilot)
        await pilot.press("enter", "d")  # close the recap, open the daily again
        await settle(pilot)
        assert "Start another one?" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.sub_title == "Home" and len(todays(demo, "daily")) == 1
        await pilot.press("d", "y")
        await settle(pilot)
        assert app.screen.sub_title == "Daily stand-up"
    assert [s.ended is None for s in todays(demo, "daily")] == [False, True]


async def test_an_escalation_in_a_workspace_without_question_or_medium(demo: Workspace) -> None:
    set_settings(
        demo.root, escalation_categories=["impediment", "risk"], escalation_severities=["P4", "P3", "P2", "P1"]
    )
    app = RitualApp(Workspace.open(demo.root), "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        app.screen.query_one("#capture-text", Input).value = "Vendor late"
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
    raised = next(e for e in Workspace.open(demo.root).all(Escalation) if e.title == "Vendor late")
    assert (raised.category, raised.severity) == ("impediment", "P3")


async def test_urgency_follows_the_workspace_severity_scale(demo: Workspace) -> None:
    set_settings(demo.root, escalation_severities=["P4", "P3", "P2", "P1"])
    ws = Workspace.open(demo.root)
    ws.update(Escalation, "E-2", lambda e: setattr(e, "severity", "P1"))
    ws.update(Escalation, "E-3", lambda e: setattr(e, "severity", "P3"))
    app = RitualApp(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        waiting = app.screen.query_one("#waiting")
        assert waiting.shown_keys()[0] == "E-2"  # P1 is the most severe
        assert (waiting.cell_style("E-2", 1), waiting.cell_style("E-3", 1)) == ("bold red", "")


async def test_the_view_asked_for_last_is_the_one_shown(demo: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    # The slow read of every escalation lands after the quick read of the open ones: its result is
    # dropped, so the caption and the rows agree with the last press of f.
    slow = threading.Event()
    read = escalations_screen.load_escalations

    def load(ws: Workspace, show_all: bool) -> Any:
        if show_all:
            slow.wait(5)
        return read(ws, show_all)

    monkeypatch.setattr(escalations_screen, "load_escalations", load)
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("f", "f")
        await pilot.pause(0.2)
        slow.set()
        await settle(pilot)
        caption = text_of(app.screen.query_one("#list-caption"))
        assert caption.startswith("5 still open") and len(app.screen.query_one("#records").shown_keys()) == 5
