"""The backlog screen edits with the story editor: add, edit, change status, rank."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.widgets.inputs import SafeInput
from tests.ui.conftest import screen_text, settle


async def open_backlog(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("b")
    await settle(pilot)
    await pilot.press("enter")  # from the filter to the list
    await settle(pilot)


async def test_add_an_item_then_edit_its_criteria(demo: Workspace) -> None:
    new = f"B-{demo.next_number(BacklogItem)}"  # the id after the demo's last item
    app = RitualApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_backlog(pilot, app)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Export to [red]PDF[/]", "enter")
        await settle(pilot)
        assert new in screen_text(app) and "Export to [red]PDF[/]" in screen_text(app)
        assert app.screen.query_one("#records").selected_key == new
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#edit-criterion", SafeInput).focus()
        await pilot.press(*"Given a booking when I export then I get a PDF", "enter")
        await pilot.press(*"Given no booking when I export then I am told", "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
    added = Workspace.open(demo.root).get(BacklogItem, new)
    assert added.title == "Export to [red]PDF[/]" and added.acceptance == [
        "Given a booking when I export then I get a PDF",
        "Given no booking when I export then I am told",
    ]


async def test_a_criterion_typed_but_not_entered_is_kept_when_saving(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_backlog(pilot, app)
        key = app.screen.query_one("#records").selected_key
        before = list(demo.get(BacklogItem, key).acceptance)
        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one("#edit-criterion", SafeInput).focus()
        await pilot.press(*"Given a half-typed line")
        app.screen.query_one("#edit-title", SafeInput).focus()
        await pilot.press("enter")  # Enter in the title saves and closes
        await settle(pilot)
    assert Workspace.open(demo.root).get(BacklogItem, key).acceptance == [*before, "Given a half-typed line"]


async def test_status_and_rank_act_on_the_item_under_the_cursor_twice(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_backlog(pilot, app)
        table = app.screen.query_one("#records")
        table.select_key("B-5")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert table.selected_key == "B-5" and table.shown_keys()[:5] == ["B-1", "B-2", "B-5", "B-3", "B-4"]
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#choices").select_key("refining")
        await pilot.press("enter")
        await settle(pilot)
    ws = Workspace.open(demo.root)
    assert ws.get(BacklogItem, "B-5").status == "refining"
    # B-5 moved up twice: between B-2 (rank 2) and B-3 (rank 3), at 2.5.
    assert ws.get(BacklogItem, "B-5").rank == 2.5


async def test_down_from_the_filter_goes_to_the_list_and_then_down_it(demo: Workspace) -> None:
    app = RitualApp(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press(*"sms", "down")
        await settle(pilot)
        table = app.screen.query_one("#records")
        assert app.focused is table
        first = table.selected_key
        await pilot.press("down")
        await settle(pilot)
        assert app.focused is table and table.selected_key != first
