"""A record changed on disk by someone else while the TUI has it open is never silently overwritten:
every TUI write re-reads the record under the lock, and a step the new state forbids is refused."""

from __future__ import annotations

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.capture import Capture, capture
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from tests.ui.conftest import settle


async def test_edits_made_elsewhere_survive_the_tuis_writes(demo: Workspace) -> None:
    aging = next(b for b in demo.all(Blocker) if b.title.startswith("Legal"))
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        elsewhere = Workspace.open(demo.root)  # another window, an editor, a git pull
        elsewhere.update(Blocker, aging.id, lambda b: setattr(b, "owner", "Changed elsewhere"))
        session = next(s for s in elsewhere.all(RitualSession) if s.date.isoformat() == "2026-11-26")
        theirs = capture(elsewhere, session.id, Capture("topic", "Captured in the other window"))
        table = app.screen.query_one("#blockers")
        table.select_key(aging.id)
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("p")
        app.screen.query_one("#capture-text").value = "Captured here"
        await pilot.press("enter")
        await settle(pilot)
    blocker = demo.get(Blocker, aging.id)
    assert blocker.owner == "Changed elsewhere" and blocker.seen_on[-1].isoformat() == "2026-11-26"
    session = demo.get(RitualSession, session.id)
    assert session.captured[0] == theirs.id and len(session.captured) == 2


async def test_a_step_made_impossible_elsewhere_is_refused_with_a_message(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        Workspace.open(demo.root).update(Escalation, "E-1", lambda e: e.take_step("withdrawn", e.history[0].at))
        table = app.screen.query_one("#records")
        table.select_key("E-1")
        await pilot.press("s")
        await settle(pilot)
        assert any("withdrawn and closed" in str(n.message) for n in app._notifications)
    assert demo.get(Escalation, "E-1").status == "withdrawn"
