"""The refinement's other flows, by keys: the story editor, the Definition of Ready (ticked, or
overridden with a decision), a split, a topic closed, the agenda reordered and skipped, ranking."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.services.ranking import ranked
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.widgets.inputs import SafeInput
from tests.ui.conftest import screen_text, settle, text_of
from tests.ui.test_refinement_poker import take_up, todays_refinement


def item(ws: Workspace, ref: str) -> BacklogItem:
    return Workspace.open(ws.root).get(BacklogItem, ref)


async def test_the_story_editor_saves_each_criterion_as_it_is_typed(demo: Workspace) -> None:
    before = item(demo, "B-25")
    app = RitualApp(demo, "refinement", presenter=True)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-25")
        await pilot.press("w")
        await settle(pilot)
        assert "Private notes are hidden in presenter mode" in screen_text(app)
        app.screen.query_one("#edit-so_that", SafeInput).value = "patients [b]need[/b] no trip"
        app.screen.query_one("#edit-criterion", SafeInput).focus()
        await pilot.press(*"Given a video slot when I book then I get a link", "enter")
        await settle(pilot)
        assert item(demo, "B-25").acceptance == [*before.acceptance, "Given a video slot when I book then I get a link"]
        assert item(demo, "B-25").so_that == "patients [b]need[/b] no trip"  # saved with the criterion
        app.screen.query_one("#edit-title", SafeInput).focus()
        await pilot.press("end", *" (pilot)", "enter")  # Enter in a line saves and closes
        await settle(pilot)
        assert "B-25" in screen_text(app) and "patients [b]need[/b] no trip" in screen_text(app)
    assert item(demo, "B-25").title == before.title + " (pilot)"
    refined = todays_refinement(demo.root).refinement
    assert refined is not None and [r.item for r in refined.refined] == ["B-25"]


async def test_the_last_line_ticked_makes_the_item_ready(demo: Workspace) -> None:
    demo.update(BacklogItem, "B-20", lambda i: setattr(i, "ready_checks", []))
    app = RitualApp(Workspace.open(demo.root), "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-20")
        assert "Ready: 0 of 5" in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        for _ in range(5):  # tick each of the five lines, moving down after each
            await pilot.press("space", "down")
            await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "Ready: 5 of 5" in screen_text(app) and "B-20 · story · ready" in screen_text(app)
    assert item(demo, "B-20").status == "ready"


async def test_ready_without_the_checklist_is_an_override_recorded_as_a_decision(demo: Workspace) -> None:
    four = demo.settings.definition_of_ready[:4]
    demo.update(BacklogItem, "B-20", lambda i: setattr(i, "ready_checks", four))
    app = RitualApp(Workspace.open(demo.root), "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-20")
        await pilot.press("y")
        await settle(pilot)
        assert "not ready by the checklist: Linked to a roadmap objective" in screen_text(app)
        await pilot.press(*"Objective set next week", "enter")
        await settle(pilot)
        assert "ready without: Linked to a roadmap objective" in text_of(app.screen.query_one("#captured"))
    (override,) = [d for d in Workspace.open(demo.root).all(Decision) if "ready without" in d.title]
    assert (override.title, override.context, override.items) == (
        "B-20 is ready without: Linked to a roadmap objective",
        "Objective set next week",
        ["B-20"],
    )
    assert item(demo, "B-20").status == "ready" and override.id in todays_refinement(demo.root).captured


async def test_a_split_makes_children_that_name_their_parent(demo: Workspace) -> None:
    parent = item(demo, "B-24")
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-24")
        await pilot.press("l")
        await settle(pilot)
        await pilot.press(*"Weekly view", "enter", *"Daily view", "enter")
        await pilot.press("enter")  # an empty line splits
        await settle(pilot)
    ws = Workspace.open(demo.root)
    children = [i for i in ws.all(BacklogItem) if i.parent == "B-24"]
    assert [(c.title, c.acceptance, c.estimate) for c in children] == [
        ("Weekly view", parent.acceptance, None),
        ("Daily view", parent.acceptance, None),
    ]
    order = [i.id for i in ranked(ws)]
    assert order[order.index("B-24") + 1 : order.index("B-24") + 3] == [c.id for c in children]
    assert "Epic" in ws.get(BacklogItem, "B-24").tags
    refined = todays_refinement(demo.root).refinement
    assert refined is not None and refined.refined[0].split_into == [c.id for c in children]


async def test_a_topic_closed_as_a_decision(demo: Workspace) -> None:
    new = f"D-{demo.next_number(Decision)}"
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        await take_up(pilot, "P-1")
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.query_one("#choices").select_key("decision")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press(*"No reminders on Sundays", "enter")
        await settle(pilot)
        assert "No reminders on Sundays" in text_of(app.screen.query_one("#captured"))
        assert "P-1 · parking-lot topic · closed" in screen_text(app)
        assert f"Decision {new}: No reminders on Sundays" in screen_text(app)
    ws = Workspace.open(demo.root)
    topic = ws.get(Topic, "P-1")
    decision = ws.get(Decision, topic.became)
    assert (topic.status, decision.title, decision.source) == ("closed", "No reminders on Sundays", "refinement")


async def test_the_agenda_is_reordered_and_skipped_on_the_same_entry(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        agenda = app.screen.query_one("#agenda")
        assert agenda.shown_keys()[:4] == ["P-1", "P-2", "B-18", "B-20"]
        agenda.select_key("B-18")
        await pilot.press("K", "K")  # twice: the second press moves the same entry on
        await settle(pilot)
        assert agenda.shown_keys()[:4] == ["B-18", "P-1", "P-2", "B-20"] and agenda.selected_key == "B-18"
        await pilot.press("z")
        await settle(pilot)
        assert "1 skipped" in str(app.screen.query_one("#agenda-box").border_subtitle)
    refined = todays_refinement(demo.root).refinement
    assert refined is not None and refined.agenda[:3] == ["B-18", "P-1", "P-2"] and refined.skipped == ["B-18"]


async def test_ranking_from_the_agenda_writes_one_item(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        app.screen.query_one("#agenda").select_key("B-20")
        await pilot.press("left_curly_bracket")  # to the top of the backlog
        await settle(pilot)
    ws = Workspace.open(demo.root)
    assert ranked(ws)[0].id == "B-20"
    # B-1 had the first rank, 1; the top is one less.
    assert ws.get(BacklogItem, "B-20").rank == 0


async def test_a_damaged_item_is_left_off_the_agenda_and_named(demo: Workspace) -> None:
    damaged = next((demo.root / "backlog").glob("B-20-*.toml"))
    damaged.write_text(damaged.read_text(encoding="utf-8")[:200], encoding="utf-8")  # cut short mid-line
    app = RitualApp(Workspace.open(demo.root), "refinement")
    async with app.run_test(size=(100, 34)) as pilot:
        await settle(pilot)
        agenda = app.screen.query_one("#agenda").shown_keys()
        assert agenda[:4] == ["P-1", "P-2", "B-18", "B-24"] and "B-20" not in agenda
        bar = text_of(app.screen.query_one("#problem-bar"))  # the shared screen's bar names it
        assert f"backlog/{damaged.name}" in bar and "1 file could not be read" in bar
        await take_up(pilot, "B-18")  # the rest works
        assert "B-18 · story" in screen_text(app)


async def test_escape_closes_the_editor_at_once_unless_something_typed_is_not_saved(demo: Workspace) -> None:
    app = RitualApp(demo, "refinement")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await take_up(pilot, "B-18")
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("escape")  # nothing typed: closed, no question
        await settle(pilot)
        assert type(app.screen).__name__ == "RefinementScreen"
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("end", *" now")
        await pilot.press("escape")
        await settle(pilot)
        assert "Close without saving what you typed?" in screen_text(app)
        await pilot.press("n")  # keep editing, then save with Enter
        await pilot.press("enter")
        await settle(pilot)
    assert item(demo, "B-18").title == "Clinic onboarding checklist now"
