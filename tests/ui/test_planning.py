"""The planning screen, step by step, on the demo (frozen on Thursday 26 Nov 2026, day 8 of sprint 5).

The demo's closed sprints, with their capacity in person-days and velocity:
S-1 53 d, 10 pts · S-2 52 d, 17 pts · S-3 49 d, 13 pts · S-4 50.5 d, 13 pts.
At 53 person-days (six members, 10 working days: 1 + 1 + 1 + 0.8 + 1 + 0.5 = 5.3 a day) they scale to
10, 17 × 53/52 = 17.33, 13 × 53/49 = 14.06 and 13 × 53/50.5 = 13.64. Best first: 17.33 14.06 13.64 10.
P50 (reached by at least 2 of 4) is 14; P85 (by all 4 of 4, since 85% of 4 is 3.4) is 10.
"""

from __future__ import annotations

import json
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.sprints import close_sprint
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.screens.planning import PlanningScreen
from ritual_tui.tui.widgets.table import RecordTable
from tests.ui.conftest import screen_text, settle, text_of


def plan_of(ws: Workspace) -> Any:
    (session,) = [s for s in Workspace.open(ws.root).all(RitualSession) if s.ritual == "planning" and s.ended is None]
    return session.plan


async def answer(pilot: Pilot[Any], text: str) -> None:
    """Type into the open prompt and press Enter."""
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def close_sprint_five(pilot: Pilot[Any]) -> None:
    await pilot.press("r")
    await settle(pilot)
    pilot.app.screen.query_one("#choices", RecordTable).select_key("close")  # not the review: close it now
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, Confirm)
    await pilot.press("y")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChooseRecord)
    await pilot.press("enter")  # the goal was met
    await settle(pilot)


def backlog(app: RitualApp) -> RecordTable:
    return app.screen.query_one("#backlog", RecordTable)


async def on_item(pilot: Pilot[Any], item: str) -> None:
    table = backlog(pilot.app)  # type: ignore[arg-type]
    table.focus()
    assert table.select_key(item)
    await pilot.pause()


async def test_it_opens_on_the_sprint_still_open_with_the_forecast(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Sprint 5 is still open (day 8 of 14): r reviews or closes it first." in shown
        assert "Product goal: By June 2027, patients book 60% of clinic appointments online" in shown
        # Sprint 6 would start after sprint 5 (3 Dec) and run 14 days; ten working days at 5.3 a day.
        assert app.screen.query_one("#team-box").border_title == "Sprint 6 · 3–16 Dec · 53 person-days"
        assert "P50  14   P85  10  points" in text_of(app.screen.query_one("#forecast"))
        assert "S1 15→10 S2 17→17 S3 15→13 S4 17→13" in text_of(app.screen.query_one("#forecast"))
        # The running sprint's items are not offered; the ready ones come first, by rank.
        assert backlog(app).shown_keys()[:3] == ["B-5", "B-10", "B-17"]
        assert "B-9" not in backlog(app).shown_keys()
    assert Workspace.open(demo.root).get(Sprint, "S-5").status == "active"  # nothing closed silently


async def test_closing_out_the_last_sprint(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await close_sprint_five(pilot)
        told = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Sprint 5 closed. Wrote sprint-5-summary.") and "summaries" in m for m in told), told
        shown = screen_text(app)
        # Closed today: the new sprint starts today, 26 Nov to 9 Dec, still 10 working days.
        assert app.screen.query_one("#team-box").border_title == "Sprint 6 · 26 Nov–9 Dec · 53 person-days"
        assert "Sprint 5 left 5 items unfinished: u carries over, returns or drops each." in shown
        assert backlog(app).shown_keys()[:5] == ["B-9", "B-16", "B-23", "B-37", "B-13"]
        await on_item(pilot, "B-23")
        await pilot.press("u")
        await settle(pilot)
        await pilot.press("down", "down", "enter")  # drop
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        await answer(pilot, "Legal will not approve it this quarter")
        assert "S5→drop" in backlog(app).row_text("B-23")
        await on_item(pilot, "B-23")
        await pilot.press("u")  # asked again: what was decided is offered first
        await settle(pilot)
        assert app.screen.query_one("#choices", RecordTable).selected_key == "drop"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "Legal will not approve it this quarter"
        await pilot.press("escape")
        await settle(pilot)
        await on_item(pilot, "B-9")
        await pilot.press("s")  # s on an unfinished item asks what becomes of it too
        await settle(pilot)
        await pilot.press("enter")  # carry over
        await settle(pilot)
        await answer(pilot, "Half done")
        # B-9 (5 points) taken: every outcome reaches 5.
        assert "Selected 5 pts of P50 14 · P85 10 · 53 person-days │ chance 100%" in screen_text(app)
    plan = plan_of(demo)
    assert [(c.item, c.action, c.reason) for c in plan.close_out] == [
        ("B-23", "drop", "Legal will not approve it this quarter"),
        ("B-9", "carry-over", "Half done"),
    ]
    # Closed from the planning, sprint 5 has its summary at once, the goal met as the PO said.
    summary = json.loads((demo.root / "summaries" / "sprint-5-summary.json").read_text(encoding="utf-8"))
    assert summary["sprint"]["goal_verdict"] == "met"
    assert plan.selected == ["B-9"]
    sprint = Workspace.open(demo.root).get(Sprint, "S-5")
    assert (sprint.status, sprint.goal_met) == ("closed", True)


async def test_the_running_total_the_cut_line_and_the_chance(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-5")  # 8 points, ready
        await pilot.press("s")
        await on_item(pilot, "B-10")  # 5 points, ready
        await pilot.press("s")
        await settle(pilot)
        # 8 + 5 = 13: reached by 17.33, 14.06 and 13.64, three outcomes of four.
        shown = screen_text(app)
        assert "Selected 13 pts of P50 14 · P85 10 · 53 person-days │ chance 75%" in shown
        rows = backlog(app).shown_keys()
        # P85 (10) runs out after B-5 (8); B-10 brings 13, still within P50 (14).
        assert rows[:3] == ["B-5", "cut:P85", "B-10"] and "cut:P50" not in rows
        assert backlog(app).row_text("B-10").split()[:4] == ["✓", "B-10", "5", "13"]
        await on_item(pilot, "B-17")  # 8 more: 21, beyond every outcome
        await pilot.press("s")
        await settle(pilot)
        assert "chance 0%" in screen_text(app)
        assert backlog(app).shown_keys()[:5] == ["B-5", "cut:P85", "B-10", "cut:P50", "B-17"]
    assert plan_of(demo).selected == ["B-5", "B-10", "B-17"]


async def test_a_key_pressed_twice_acts_twice_on_the_same_item(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-10")
        await pilot.press("s", "s")
        await settle(pilot)
        assert backlog(app).selected_key == "B-10" and "✓" not in backlog(app).row_text("B-10")
    assert plan_of(demo).selected == []


async def test_an_item_failing_the_definition_of_ready_asks_first(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "unready" in backlog(app).row_text("B-18")  # refining, flagged before anyone selects it
        await on_item(pilot, "B-18")
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm) and "Fails the Definition of Ready" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert plan_of(demo).selected == []
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    plan = plan_of(demo)
    assert (plan.selected, plan.confirmed_not_ready) == (["B-18"], ["B-18"])


async def test_dates_days_off_and_shares_change_the_capacity(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        team = app.screen.query_one("#team", RecordTable)
        team.focus()
        team.select_key("Lena Fischer")
        await pilot.press("h")
        await settle(pilot)
        await answer(pilot, "2026-12-07..2026-12-08")  # Monday and Tuesday: 53 − 2 = 51
        assert team.row_text("Lena Fischer").split() == ["Lena", "Fischer", "100%", "8", "7", "Dec,", "8", "Dec"]
        team.select_key("Samir Haddad")
        await pilot.press("a")
        await settle(pilot)
        await answer(pilot, "30")  # 0.5 × 10 = 5 becomes 0.3 × 10 = 3: 51 − 2 = 49
        assert app.screen.query_one("#team-box").border_title == "Sprint 6 · 3–16 Dec · 49 person-days"
        await pilot.press("h")
        await settle(pilot)
        await answer(pilot, "2026-12-20")  # after the sprint: refused, nothing saved
        await pilot.press("t")
        await settle(pilot)
        await answer(pilot, "0226-12-03 2026-12-16")  # a typo in the year: refused
        assert app.screen.query_one("#team-box").border_title == "Sprint 6 · 3–16 Dec · 49 person-days"
    plan = plan_of(demo)
    assert plan.capacity_days == 49 and [str(d) for d in plan.members[5].days_off] == []
    assert [str(d) for d in plan.members[0].days_off] == ["2026-12-07", "2026-12-08"]


async def test_goal_vote_and_commit(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await close_sprint_five(pilot)
        for item, action in (("B-9", 0), ("B-16", 0), ("B-23", 1), ("B-37", 1), ("B-13", 1)):
            await on_item(pilot, item)
            await pilot.press("u")
            await settle(pilot)
            await pilot.press(*["down"] * action, "enter")
            await settle(pilot)
            await answer(pilot, "Decided in the room")
        await pilot.press("g")
        await settle(pilot)
        await answer(pilot, "Reminders go live [@click=app.quit]for real[/]")
        await pilot.press("down", "enter")  # O-2, halve no-shows with reminders
        await settle(pilot)
        await on_item(pilot, "B-5")  # 8 points, serves O-4
        await pilot.press("s")
        await settle(pilot)
        # B-9 5 + B-16 3 (O-2) + B-5 8 (O-4) = 16 points, 8 of them for the goal's objective: 50%.
        assert "Sprint goal: Reminders go live [@click=app.quit]for real[/] · serves O-2" in screen_text(app)
        assert "Selected 16 pts of P50 14 · P85 10 · 53 person-days │ chance 25% │ goal 50%" in screen_text(app)
        await pilot.press("v")
        await settle(pilot)
        await answer(pilot, "4 4 2 5 3 4")
        assert "what did the room say" in screen_text(app)
        await answer(pilot, "Mei doubts the SMS provider will be ready")
        await pilot.press("c")
        await settle(pilot)
        assert "Commit 16 points in 3 items?" in screen_text(app)
        # A chance of 25% is a shortfall in 75% of the outcomes.
        assert "Above P85: the team finishes less than this in 75% of outcomes (P85 allows 15%)." in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert app.is_running
        assert "Committed: S-6 has started" in screen_text(app)
        await pilot.press("s")  # nothing happens once committed
        await settle(pilot)
    ws = Workspace.open(demo.root)
    sprint = ws.get(Sprint, "S-6")
    assert [(c.item, c.estimate) for c in sprint.commitment] == [("B-9", 5), ("B-16", 3), ("B-5", 8)]
    assert (sprint.capacity_days, sprint.forecast, sprint.goal_objective) == (53, 14, "O-2")
    plan = plan_of(demo)
    assert plan.sprint == "S-6" and plan.confidence.counts == [0, 0, 1, 1, 3, 1]
    assert plan.confidence.said == "Mei doubts the SMS provider will be ready"
    # Sprint 5, closed early, is left out of the forecast: still P50 14, P85 10; 16 is reached by 17.33 only.
    assert (plan.forecast.p50, plan.forecast.p85, plan.forecast.chance) == (14, 10, 0.25)
    written = json.loads((demo.root / "plans" / "sprint-6-plan.json").read_text(encoding="utf-8"))
    assert written["sprint"]["goal"] == "Reminders go live [@click=app.quit]for real[/]"
    assert written["commitment"]["goal_share_percent"] == 50
    assert ws.get(BacklogItem, "B-9").status == "ready"
    # Sprint 5's summary, written at its close, is written again with the close-out decided here:
    # B-9 (5) and B-16 (3) carried over; B-23 (3, committed), B-37 (2, committed) and B-13 (5, added)
    # returned to the backlog.
    summary = json.loads((demo.root / "summaries" / "sprint-5-summary.json").read_text(encoding="utf-8"))
    d = summary["delivery"]
    assert (d["carried_over_items"], d["carried_over_points"]) == (2, 8)
    assert (d["returned_items"], d["returned_points"]) == (3, 10)
    md = (demo.root / "summaries" / "sprint-5-summary.md").read_text(encoding="utf-8")
    assert "back to the backlog: Decided in the room" in md  # the reason given in the planning
    assert [(c.item, c.action) for c in ws.get(Sprint, "S-5").close_out] == [
        ("B-9", "carry-over"),
        ("B-16", "carry-over"),
        ("B-23", "return"),
        ("B-37", "return"),
        ("B-13", "return"),
    ]


async def test_the_forecast_is_explained_one_key_away(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        shown = screen_text(app)
        assert "Resampled from the velocities of sprints 1–4" in shown
        history = app.screen.query_one("#history", RecordTable)
        # Sprint 2: 17 committed, 17 done in 52 person-days, 17.3 at 53.
        assert history.row_text("2").split() == ["2", "17", "17", "52", "17.3"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PlanningScreen)


async def test_the_review_held_from_the_planning_returns_to_it_showing_the_close_out(
    demo: Workspace,
) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter")  # the review
        await settle(pilot)
        assert app.current_mode == "review"
        close_sprint(Workspace.open(demo.root), True)  # as the review's close does
        await pilot.press("x", "enter")  # the review ends
        await settle(pilot)
        await pilot.press("enter")  # its recap read
        await settle(pilot)
        assert isinstance(app.screen, PlanningScreen)
        shown = screen_text(app)
        assert "still open" not in shown
        assert "Sprint 5 left 5 items unfinished: u carries over, returns or drops each." in shown
        # Closed early today, sprint 5 is followed from today, as when closed from the planning.
        assert app.screen.query_one("#team-box").border_title == "Sprint 6 · 26 Nov–9 Dec · 53 person-days"
