"""What a Product Owner sharing the screen meets: keys pressed twice, private text while typed, the
record the next key acts on, the footer at 80 columns, forms, confirmations, empty states."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker, Note
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.session import RitualSession
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp, starts_in_presenter_mode
from ritual_tui.tui.modals.capture import CaptureScreen
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.modals.recap import RecapScreen
from ritual_tui.tui.widgets.bigclock import BigClock, fitting_scale
from ritual_tui.tui.widgets.keybar import KeyBar
from tests.conftest import set_settings
from tests.ui.conftest import screen_text, settle, text_of


def todays_dailies(ws: Workspace) -> list[RitualSession]:
    return [
        s for s in Workspace.open(ws.root).all(RitualSession) if s.ritual == "daily" and str(s.date) == "2026-11-26"
    ]


async def test_ending_twice_fast_asks_once_and_the_app_keeps_running(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x", "x")
        assert isinstance(app.screen, Confirm) and len(app.screen_stack) == 2  # one question, not two
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecapScreen) and len(app.screen_stack) == 2
        await pilot.press("escape", "escape", "escape")
        await settle(pilot)
        assert app.is_running and app.screen.sub_title == "Home"
    assert app.return_code in (None, 0)
    assert [s.ended is not None for s in todays_dailies(demo)] == [True]


async def test_opening_a_ritual_twice_fast_opens_it_once(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d", "d")
        await settle(pilot)
        assert app.current_mode == "daily" and app.rituals_open == ["daily"]
    assert len(todays_dailies(demo)) == 1


async def test_a_private_note_is_masked_while_typed_in_presenter_mode(demo: Workspace) -> None:
    app = RitualApp(demo, "daily", presenter=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o", *"Tomas interviews")
        field = app.screen.query_one("#capture-text", Input)
        assert field.password and field.value == "Tomas interviews"
        await pilot.press("f5")  # presenter off while typing: shown again
        assert not field.password
        await pilot.press("f5")
        assert field.password
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        # Saved, and the room learns nothing of it: not the text, not that a note exists.
        assert "Tomas interviews" not in shown and "private note" not in shown.replace("private notes hidden", "")
        await pilot.press("b")
        assert not app.screen.query_one("#capture-text", Input).password  # only private text is masked
    assert [n.text for n in demo.all(Note) if n.private][-1] == "Tomas interviews"


async def test_the_next_key_acts_on_the_same_record(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        blockers = app.screen.query_one("#blockers")
        blockers.select_key("BL-4")  # the second row
        await pilot.press("k", "k")
        await settle(pilot)
        assert blockers.selected_key == "BL-4"
        board = app.screen.query_one("#board")
        await pilot.press("m")  # the board is not focused: m does nothing
        await settle(pilot)
        assert Workspace.open(demo.root).get(BacklogItem, "B-37").status == "ready"
        board.focus()
        board.select_key("B-37")
        await pilot.press("m", "m")  # ready → in-progress → review, the same item twice
        await settle(pilot)
        assert board.selected_key == "B-37"
    ws = Workspace.open(demo.root)
    assert ws.get(BacklogItem, "B-37").status == "review"
    assert ws.get(BacklogItem, "B-9").status == "in-progress"  # the item that used to be first is untouched
    assert ws.get(Blocker, "BL-4").seen_on.count(ws.get(Blocker, "BL-4").seen_on[-1]) == 1


async def test_a_move_from_a_stale_board_is_refused_and_the_board_refreshed(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        Workspace.open(demo.root).update(BacklogItem, "B-16", lambda i: i.move_to("done", i.updated.date()))
        board = app.screen.query_one("#board")
        board.focus()
        board.select_key("B-16")  # the screen still says review
        await pilot.press("M")  # back to in-progress, from what the screen showed
        await settle(pilot)
        assert any("changed elsewhere" in str(n.message) for n in app._notifications)
        assert "B-16 done" in text_of(board)  # shown as it is on disk now
    assert Workspace.open(demo.root).get(BacklogItem, "B-16").status == "done"


async def test_the_footer_keeps_help_and_end_at_80_columns(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = [(e.key, e.description) for e in app.screen.query_one(KeyBar).entries]
        assert keys[:4] == [("?", "Help"), ("f5", "Presenter"), ("n", "Next"), ("x", "End")]
        assert sum(len(f" {k} {d} ") for k, d in keys) <= 80


async def test_enter_saves_from_a_drop_down_and_the_form_fits_80_by_24(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", *"Vendor late")
        form = app.screen
        assert isinstance(form, CaptureScreen)
        assert all(w.region.bottom <= 24 for w in form.query("Select, Input"))  # nothing below the edge
        severity = form.query_one("#choice-severity", Select)
        severity.focus()
        severity.value = "critical"
        await pilot.press("enter")  # on the drop-down: saves, does not reopen it
        await settle(pilot)
        assert not isinstance(app.screen, CaptureScreen)
    raised = next(e for e in demo.all(Escalation) if e.title == "Vendor late")
    assert raised.severity == "critical"


async def test_what_cannot_be_undone_asks_first_and_absence_can_be_undone(demo: Workspace) -> None:
    app = RitualApp(demo, "daily")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # no: nothing resolved
        await settle(pilot)
        assert Workspace.open(demo.root).get(Blocker, "BL-3").status == "open"
        await pilot.press("a")  # Lena absent, Tomás has the floor
        await settle(pilot)
        assert "Tomás Ruiz  (1 of 5)" in screen_text(app)
        await pilot.press("l")  # Lena arrives: she speaks next
        await settle(pilot)
        shown = screen_text(app)
        assert "Tomás Ruiz  (1 of 6)" in shown and "Next: Lena Fischer · Priya Natarajan" in shown
    assert todays_dailies(demo)[0].absent == []


async def test_withdrawing_asks_why_and_decisions_are_accepted_or_rejected(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#records").select_key("E-7")
        await pilot.press("w")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one("#prompt-text").value = "Fixed by the team"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape", "c")
        await settle(pilot)
        app.screen.query_one("#records").select_key("D-5")  # strategic, proposed
        await pilot.press("a", "enter")
        await settle(pilot)
        assert "D-5 2026-11-23 strategic accepted" in text_of(app.screen.query_one("#records"))
    ws = Workspace.open(demo.root)
    assert (ws.get(Escalation, "E-7").status, ws.get(Escalation, "E-7").resolution) == (
        "withdrawn",
        "Fixed by the team",
    )
    assert (ws.get(Decision, "D-5").status, ws.get(Decision, "D-5").deciders) == ("accepted", ["Product Manager"])


async def test_blockers_topics_and_notes_have_views(demo: Workspace) -> None:
    app = RitualApp(demo, presenter=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        table = app.screen.query_one("#records")
        assert table.shown_keys()[:2] == ["BL-3", "BL-4"]  # open ones first
        table.select_key("BL-1")
        await pilot.press("o")  # reopen a resolved one
        await settle(pilot)
        assert "BL-1 open" in text_of(table)
        await pilot.press("escape", "t")
        await settle(pilot)
        assert "Should reminders go out on Sundays?" in text_of(app.screen.query_one("#records"))
        await pilot.press("escape", "n")
        await settle(pilot)
        notes = text_of(app.screen.query_one("#records"))
        assert "pairing on the consent story" in notes and "interviewing" not in notes  # private ones left out
    assert Workspace.open(demo.root).get(Blocker, "BL-1").status == "open"


async def test_a_new_workspace_says_what_to_do_next(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", "Shop")
    app = RitualApp(ws)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "Plan one: press l (sprint planning)." in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        report = app.screen.query_one("#report").source
        assert "Nothing to show yet" in report and "ritual sprint start" in report
        await pilot.press("w", "y")
        notes = [str(n.message) for n in app._notifications]
        assert any("Nothing to write yet" in n for n in notes) and any("Nothing to copy yet" in n for n in notes)
        await pilot.press("escape", "c")
        await settle(pilot)
        assert "d in a ritual records one" in screen_text(app)


async def test_the_clock_grows_with_the_screen(demo: Workspace) -> None:
    # "2:00" is 3+1+1+1+3+1+3 = 13 pixels wide and 5 tall: at scale s it takes 13·s cells and 5·s/2 rows.
    assert (
        fitting_scale("2:00", 36, 6) == 2 and fitting_scale("2:00", 78, 20) == 6 and fitting_scale("2:00", 12, 9) == 0
    )
    scales = []
    for size in ((80, 24), (200, 50)):
        app = RitualApp(demo, "daily", presenter=True)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            clock = app.screen.query_one(BigClock)
            scales.append(fitting_scale(clock.value, clock.size.width, clock.size.height))
    assert scales[0] >= 1 and scales[1] >= 3 * scales[0]


async def test_presenter_mode_from_the_flag_or_the_setting(demo: Workspace) -> None:
    assert not starts_in_presenter_mode(demo, False) and starts_in_presenter_mode(demo, True)
    set_settings(demo.root, presenter_mode=True)
    assert starts_in_presenter_mode(Workspace.open(demo.root), False)


async def test_a_theme_chosen_in_the_palette_is_remembered_and_survives_f5(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.press("f5", "f5")
        assert app.theme == "nord"
        await app.workers.wait_for_complete()
    again = RitualApp(demo)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_copying_says_where_the_text_went(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("y")
        assert any(
            "terminal's clipboard" in str(n.message) and "w writes the files" in str(n.message)
            for n in app._notifications
        )


async def test_a_damaged_file_is_named_in_a_bar_and_everything_else_is_shown(demo: Workspace) -> None:
    (b9,) = [f for f in demo.files(BacklogItem) if f.id == "B-9"]
    b9.path.write_text("title = [\n", encoding="utf-8")
    app = RitualApp(Workspace.open(demo.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#problem-bar")
        assert bar.display and f"backlog/{b9.name}: line 1: is not valid TOML" in text_of(bar)
        await pilot.press("b")
        await settle(pilot)
        # 42 items in the demo, one unreadable: the 41 others are listed, and the bar stays.
        assert text_of(app.screen.query_one("#list-caption")) == "41 of 41 items"
        assert app.screen.query_one("#problem-bar").display
        await pilot.press("escape", "escape", "d")
        await settle(pilot)
        assert "B-9" not in text_of(app.screen.query_one("#board")) and "B-15" in text_of(
            app.screen.query_one("#board")
        )
        assert app.screen.query_one("#problem-bar").display
        await pilot.press("escape")
        await settle(pilot)
        b9.path.write_text(b9.path.read_text().replace("title = [\n", ""), encoding="utf-8")  # still damaged
        (fresh,) = [f for f in Workspace.open(demo.root).files(BacklogItem) if f.id == "B-15"]
        b9.path.write_text(fresh.path.read_text().replace('"B-15"', '"B-9"'), encoding="utf-8")  # fixed by hand
        await pilot.press("r")  # read again
        await settle(pilot)
        assert not app.screen.query_one("#problem-bar").display


async def test_a_damaged_workspace_toml_leaves_the_rest_on_screen(demo: Workspace) -> None:
    (demo.root / "workspace.toml").write_text("product = [\n", encoding="utf-8")
    app = RitualApp(Workspace.open(demo.root))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "workspace.toml: line 1: is not valid TOML" in text_of(app.screen.query_one("#problem-bar"))
        assert app.screen.query_one("#sprint-panel").border_title == "Sprint 5 · day 8 of 14"
        assert "E-1" in text_of(app.screen.query_one("#waiting"))
