"""Home, the PM views, presenter mode, help and the palette."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.pilot import Pilot

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Note
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.sessions import end_session, open_session
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import PRESENTER_BADGE, RitualApp
from ritual_tui.tui.commands import screen_commands
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.modals.help import HelpScreen
from ritual_tui.tui.theme import PRESENTER_THEME
from tests.ui.conftest import screen_text, settle, text_of


async def test_home_shows_the_sprint_the_ritual_due_and_what_waits_for_the_pm(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert app.title == "ritual · Bookwise"
        assert app.screen.query_one("#sprint-panel").border_title == "Sprint 5 · day 8 of 14"
        assert "Goal: Patients get reminders and miss fewer appointments" in shown
        assert "Done: 2 points, 1 of 6 items\nCommitted: 15 points, scope +1 −0" in shown
        assert "actual ▇▇▇▇████······" in shown
        assert "Today: daily stand-up · press d" in shown
        waiting = text_of(app.screen.query_one("#waiting")).splitlines()
        assert [row.split()[0] for row in waiting] == ["E-1", "E-2", "E-3", "E-7", "BL-3"]
        assert waiting[-1].startswith("BL-3 blocker 8d 3 dailies Legal")
        # The five latest by the day decided (demo: D-5 23 Nov, D-3 13 Nov, D-7 and D-6 11 Nov, D-4
        # 5 Nov), not by file number: D-8, written last, was decided on 21 Oct at sprint 2's review.
        recent = text_of(app.screen.query_one("#recent")).splitlines()
        assert [row.split()[0] for row in recent] == ["D-5", "D-3", "D-7", "D-6", "D-4"]
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.sub_title == "Daily stand-up"
        await pilot.press("escape", "e")
        await settle(pilot)
        assert app.screen.sub_title == "Escalations"
        assert (app.screen.title or app.title) == "ritual · Bookwise"  # the header says "Escalations" once


async def test_escalations_are_triaged_on_single_keys(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        table = app.screen.query_one("#records")
        table.select_key("E-1")
        await pilot.press("s")
        await settle(pilot)
        assert demo.get(Escalation, "E-1").status == "sent"
        await pilot.press("a", "enter")  # the PM's answer is required: Enter alone keeps the form open
        assert app.screen.query("#prompt-text")
        app.screen.query_one("#prompt-text").value = "File it Monday"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r")
        app.screen.query_one("#prompt-text").value = "Filed"
        await pilot.press("enter")
        await settle(pilot)
        assert "E-1" not in text_of(table)
        await pilot.press("f")
        await settle(pilot)
        assert "E-1" in text_of(table)
        table.select_key("E-1")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = screen_text(app)
        assert "PM answer: File it Monday" in detail and "Resolution: Filed" in detail
        assert "sent" in detail and "answered File it Monday" in detail
    e = demo.get(Escalation, "E-1")
    assert (e.status, e.pm_answer, e.resolution) == ("resolved", "File it Monday", "Filed")
    assert [h.status for h in e.history] == ["open", "sent", "answered", "resolved"]


async def test_a_forbidden_step_is_refused_with_a_message(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e", "f")
        await settle(pilot)
        table = app.screen.query_one("#records")
        table.select_key("E-5")  # resolved
        assert app.screen.check_action("triage", ("withdraw",)) is None  # the key is shown disabled
        await pilot.press("w")
        await settle(pilot)
        assert app.screen is not None and type(app.screen).__name__ == "EscalationsScreen"
    assert demo.get(Escalation, "E-5").status == "resolved"


async def test_decisions_show_whole_and_are_superseded(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        table = app.screen.query_one("#records")
        # Newest first by date, then by number: D-5 (23 Nov), D-3 (13 Nov), D-7 and D-6 (both 11 Nov) ...
        assert [row.split()[0] for row in text_of(table).splitlines()[:4]] == ["D-5", "D-3", "D-7", "D-6"]
        table.select_key("D-4")
        await pilot.press("enter")
        await pilot.pause()
        assert "Every user-facing story is checked with a screen reader" in screen_text(app)
        await pilot.press("escape", "s")
        await pilot.pause()
        app.screen.query_one("#choices").select_key(
            "D-6"
        )  # the PO chooses which decision supersedes it (D-7 was rejected: not offered)
        await pilot.press("enter")
        await settle(pilot)
        assert "D-4 2026-11-05 operational superseded" in text_of(table)
    assert demo.get(Decision, "D-4").superseded_by == "D-6"
    assert demo.get(Decision, "D-6").supersedes == "D-4"


async def test_backlog_filters_as_you_type(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert text_of(app.screen.query_one("#list-caption")) == "42 of 42 items"
        await pilot.press(*"remind")
        assert text_of(app.screen.query_one("#list-caption")) == "7 of 42 items"
        await pilot.press("space", *"ready")
        rows = text_of(app.screen.query_one("#records")).splitlines()
        assert [r.split()[0] for r in rows] == ["B-21", "B-37"]  # B-21 is tagged "reminders"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "Given an appointment not attended" in screen_text(app)
        await pilot.press("escape", "escape")
        assert text_of(app.screen.query_one("#list-caption")) == "42 of 42 items"


async def test_presenter_mode_hides_private_notes_everywhere(demo: Workspace) -> None:
    demo.update(BacklogItem, "B-5", lambda i: setattr(i, "private_notes", "SECRET-ITEM-NOTE"))
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("o")
        app.screen.query_one("#capture-text").value = "SECRET-DAILY-NOTE"
        await pilot.press("enter")
        await settle(pilot)
        assert "SECRET-DAILY-NOTE" in screen_text(app)
        await pilot.press("f5")
        await settle(pilot)
        bar = app.screen.query_one("#presenter-bar")
        assert bar.display and PRESENTER_BADGE in text_of(bar) and app.theme == PRESENTER_THEME.name
        shown = screen_text(app)
        assert "SECRET-DAILY-NOTE" not in shown
        assert "private note" not in shown.replace(PRESENTER_BADGE, "")  # nothing says one exists
        app.clear_notifications()
        await pilot.press("o")
        app.screen.query_one("#capture-text").value = "SECOND-SECRET"
        await pilot.press("enter")
        await settle(pilot)
        second = next(n for n in demo.all(Note) if n.text == "SECOND-SECRET")
        toasts = [str(n.message) for n in app._notifications]
        assert toasts == ["Saved."], toasts  # its id would tell the room a note was taken
        assert second.id not in screen_text(app)
        await pilot.press("escape", "b")
        await settle(pilot)
        app.screen.query_one("#filter").value = "B-5"
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert "SECRET-ITEM-NOTE" not in screen_text(app)
        await pilot.press("escape", "f5")
        await pilot.press("enter")
        await pilot.pause()
        assert "Private notes (private): SECRET-ITEM-NOTE" in screen_text(app)
        assert app.theme == "textual-dark"  # back to everyday
        assert not app.screen_stack[-2].query_one("#presenter-bar").display
    assert [n.text for n in demo.all(Note) if n.text == "SECRET-DAILY-NOTE"]


async def test_home_names_the_start_day_of_a_sprint_not_yet_begun(ws: Workspace, cli: Any) -> None:
    ws.add(BacklogItem(title="Pay", estimate=3))
    # Frozen today is 2026-11-26: a sprint planned on Thursday to start on Monday the 30th.
    assert cli("sprint", "start", "B-1", "--goal", "Pay", "--start", "2026-11-30").code == 0
    app = RitualApp(Workspace.open(ws.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#sprint-panel").border_title == "Sprint 1 · starts 2026-11-30 (in 4 days)"
        assert "Today: no ritual until the sprint starts" in screen_text(app)


async def test_notes_list_newest_first_by_when_they_were_taken(ws: Workspace) -> None:
    at = datetime.fromisoformat
    ws.add(Note(text="later", at=at("2026-11-26T10:00:00+01:00"), private=False))  # N-1
    ws.add(Note(text="earlier", at=at("2026-11-25T09:00:00+01:00"), private=False))  # N-2, typed in afterwards
    app = RitualApp(Workspace.open(ws.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        rows = text_of(app.screen.query_one("#records")).splitlines()
        assert [r.split()[0] for r in rows] == ["N-1", "N-2"]
        assert "2 notes, newest first" in screen_text(app)


async def test_help_and_palette_list_every_action_of_the_screen(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        commands = [command.text for command in screen_commands(app.screen)]
        assert "daily: Next speaker" in commands and "daily: Capture a blocker" in commands
        assert "app: Presenter mode on or off (hides private notes)" in commands
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys")
        keys = text_of(table).splitlines()
        assert "n daily Next speaker" in keys and "x daily End the ritual and show the recap" in keys
        assert "?, f1 app Show every key of this screen" in keys and "^q app Quit ritual-tui" in keys
        assert keys.index("n daily Next speaker") < keys.index("^q app Quit ritual-tui")  # the screen's own first
        assert "Focus Previous" not in text_of(table)  # Textual's own keys in our words
        hint = app.screen.query_one("#help-box .caption")
        assert hint.region.bottom <= 24 and hint.region.height >= 1  # the scroll hint is on screen at 80×24
        table.select_key("next_speaker")
        await pilot.press("enter")  # Enter on a line runs its key
        await settle(pilot)
        assert "Tomás Ruiz  (2 of 6)" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next sp")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert "Priya Natarajan  (3 of 6)" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"help")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)  # typing "help" in the palette finds help
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to decision")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.sub_title == "Decision log"


async def test_ctrl_q_quits_with_exit_code_zero(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_ctrl_q_as_the_very_first_key_quits_cleanly(demo: Workspace) -> None:
    # Before the home screen's first frame its header is still being mounted; a quit then must not
    # tear it down half-built (Textual fails on that, and the app would exit 1).
    async def quit_at_once(pilot: Pilot[int]) -> None:
        await pilot.press("ctrl+q")

    app = RitualApp(demo)
    await app.run_async(headless=True, auto_pilot=quit_at_once, size=(100, 30))
    assert app.return_code == 0


async def test_summary_and_brief_views_copy_and_write_the_markdown(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.sub_title == "Sprint summary"
        await pilot.press("y")
        assert app.clipboard.startswith("# Bookwise: sprint 5 summary")
        assert "## Velocity" in app.clipboard and "S-4" in app.clipboard
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape", "p")
        await settle(pilot)
        assert app.screen.sub_title == "PM brief"
        await pilot.press("y", "w")
        await settle(pilot)
        assert app.clipboard.startswith("# Bookwise: PM brief, 2026-11-26")
    assert sorted(p.name for p in (demo.root / "summaries").iterdir()) == [
        "sprint-5-summary.html",
        "sprint-5-summary.json",
        "sprint-5-summary.md",
    ]
    assert sorted(p.suffix for p in (demo.root / "briefs").iterdir()) == [".html", ".json", ".md"]


async def test_what_the_store_notices_reaches_the_screen(demo: Workspace) -> None:
    path = demo.files(Decision)[0].path
    path.write_text(path.read_text(encoding="utf-8").replace("schema = 1", "schema = 9"), encoding="utf-8")
    app = RitualApp(Workspace.open(demo.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("written by a newer ritual-tui (schema 9); it is shown but never rewritten" in n for n in notes)


async def test_home_says_when_the_ritual_due_today_was_held(demo: Workspace) -> None:
    daily = open_session(demo, "daily")  # Thursday 26 Nov, day 8 of 14: the daily is due
    end_session(demo, daily.session.id, 600)
    app = RitualApp(Workspace.open(demo.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        ended = Workspace.open(demo.root).get(RitualSession, daily.session.id).ended
        assert ended is not None
        assert f"Today: daily stand-up · held, ended {ended:%H:%M} (d starts another)" in screen_text(app)
