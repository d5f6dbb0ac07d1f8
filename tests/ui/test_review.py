"""The sprint review, driven by keys as the PO would: the run-sheet, the Definition of Done gate,
feedback turned into work, the room, the verdict and the close; what shows and what lands on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Select

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.session import RitualSession, Stakeholder
from ritual_tui.domain.settings import DEFINITION_OF_DONE
from ritual_tui.domain.sprint import Sprint
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.app import RitualApp
from ritual_tui.tui.modals.recap import RecapScreen
from ritual_tui.tui.screens.review import ReviewScreen
from tests.hostile import HOSTILE, SHOWN
from tests.ui.conftest import screen_text, settle, text_of

#: The demo's Definition of Done: the default five entries and a screen-reader check (decision D-4).
DEMO_DOD = [*DEFINITION_OF_DONE, "Checked with a screen reader (user-facing stories)"]
B9_CRITERION = (
    "Given a booking tomorrow at 10:00, When it is 10:00 today, Then I receive an SMS with the time and address"
)


def sprint_5(ws: Workspace) -> Sprint:
    return Workspace.open(ws.root).get(Sprint, "S-5")


def todays_review(ws: Workspace) -> RitualSession:
    (session,) = [
        s for s in Workspace.open(ws.root).all(RitualSession) if s.ritual == "review" and str(s.date) == "2026-11-26"
    ]
    return session


async def on_item(pilot: Pilot[Any], item_id: str, panel: str = "#run-sheet") -> None:
    """Put the run-sheet's cursor on an item, and the focus on a panel."""
    sheet = pilot.app.screen.query_one("#run-sheet")
    sheet.focus()
    assert sheet.select_key(item_id)
    pilot.app.screen.query_one(panel).focus()
    await settle(pilot)


async def type_in(pilot: Pilot[Any], selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector, Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_the_review_opens_on_the_run_sheet_with_the_goal_and_the_progress(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Sprint 5 · day 8 of 14 · review 0:00 of 60:00" in shown
        assert "Goal: Patients get reminders and miss fewer appointments" in shown
        assert app.screen.query_one("#run-sheet").shown_keys() == ["B-9", "B-15", "B-16", "B-23", "B-37", "B-13"]
        assert "B-9 in-progress · DoD 0/6 · criteria 0/1 met" in shown
        progress = text_of(app.screen.query_one("#progress"))
        # Velocities of sprints 1–4: 10, 17, 13, 13 (see scripts/build_demo.py): the last three give 13 to 17.
        assert "Velocity 13 to 17 points a sprint (last 3 closed)" in progress
        # O-1: done B-1 5 + B-2 8 + B-3 5 + B-6 3 + B-7 3 + B-19 2 + B-35 3 + B-36 1 = 30 points, 8 items;
        # left B-10 5 + B-13 5 + B-17 8 + B-22 8 + B-24 5 = 31 points and B-29, B-30, B-40 unestimated.
        assert "O-1 done 30 pts (8) · left 31 pts (8)" in progress
        # Ready outside the sprint: B-5 8, B-10 5, B-17 8, B-21 5, B-22 8, B-31 8, B-34 3 = 45 points;
        # 45 / 17 = 2.6 and 45 / 13 = 3.5 sprints. O-1 next: 31 / 17 = 1.8 → 2, 31 / 13 = 2.4 → 3.
        assert "Ready: 7 items, 45 pts = 2.6 to 3.5 sprints of work" in progress
        assert "Next: O-1 needs 2 to 3 sprints for its 31 pts left, 3 not estimated" in progress
        await pilot.press("P")  # the same, over the screen (for screens too narrow to show it beside)
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["ReviewScreen", "ProgressScreen"]
        assert "Velocity 13 to 17 points a sprint" in text_of(app.screen.query_one("#progress-detail"))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen)


async def test_the_definition_of_done_gate_asks_and_records_the_override(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-15")
        await pilot.press("Y", "a")  # every check met, then accepted: B-15 is done, nothing to ask
        await settle(pilot)
        await on_item(pilot, "B-16")  # in review, nothing checked
        await pilot.press("a")
        assert "Accept B-16? Its status is review, not done." in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "It misses the Definition of Done:" in screen_text(app)
        await pilot.press("enter")  # an override needs its reason: Enter alone does nothing
        await type_in(pilot, "#prompt-text", "Demoed live; docs ship Monday")
        decided = sprint_5(demo).review_of("B-16").decided  # type: ignore[union-attr]
        await pilot.press("a", "a")  # pressed again: nothing more happens
        await settle(pilot)
        assert "B-16 is accepted already." in [n.message for n in app._notifications]
        assert text_of(app.screen.query_one("#run-sheet")).count("accepted") == 2
    sprint = sprint_5(demo)
    assert sprint.outcomes == {"B-15": "accepted", "B-16": "accepted"}
    b15, b16 = sprint.review_of("B-15"), sprint.review_of("B-16")
    assert b15 is not None and b15.done_met == DEMO_DOD and b15.override == ""
    assert b16 is not None and (b16.missed, b16.override) == (DEMO_DOD, "Demoed live; docs ship Monday")
    assert b16.decided == decided and Workspace.open(demo.root).get(BacklogItem, "B-16").status == "done"


async def test_a_check_taken_back_after_acceptance_asks_to_decide_again(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-15")
        await pilot.press("Y", "a")
        await settle(pilot)
        app.screen.query_one("#checks").focus()
        app.screen.query_one("#checks").select_key("done:3")  # "Deployed to staging" after all not
        await pilot.press("u")
        await settle(pilot)
        assert any("B-15 was accepted, and now misses" in n.message for n in app._notifications)
        await pilot.press("a")  # accepted again: this time the override's reason is asked
        await type_in(pilot, "#prompt-text", "Staging is down; deployed to production behind a flag")
    b15 = sprint_5(demo).review_of("B-15")
    assert b15 is not None and b15.missed == ["Deployed to staging"]
    assert b15.override == "Staging is down; deployed to production behind a flag"


async def test_checks_one_by_one_then_a_rejection_with_the_unmet_criterion(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-9", panel="#checks")
        checks = app.screen.query_one("#checks")
        assert checks.selected_key == "criterion:0"
        await pilot.press("n", "n")  # twice: marked once
        await settle(pilot)
        assert checks.row_text("criterion:0").startswith("[✗] AC1 Given a booking tomorrow")
        checks.select_key("done:1")
        await pilot.press("y", "n")  # a DoD entry is met or not checked: n takes the tick back
        await settle(pilot)
        assert checks.row_text("done:1") == "[ ] DoD Code reviewed"
        assert "B-9 in-progress · DoD 0/6 · criteria 0/1 met, 1 not met" in screen_text(app)
        await pilot.press("r")
        assert "Not met:\n · " + B9_CRITERION in screen_text(app)
        await type_in(pilot, "#prompt-text", "")  # nothing to add: the unmet criterion says it
    review = sprint_5(demo).review_of("B-9")
    assert review is not None and (review.criteria_unmet, review.done_met, review.reason) == ([B9_CRITERION], [], "")
    assert sprint_5(demo).outcomes == {"B-9": "rejected"}


async def test_the_run_sheet_keeps_the_order_the_po_sets(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-9")
        await pilot.press("m", "m")  # twice: the same item moves two places later
        await settle(pilot)
        sheet = app.screen.query_one("#run-sheet")
        assert sheet.selected_key == "B-9" and sheet.shown_keys()[:3] == ["B-15", "B-16", "B-9"]
        await pilot.press("M")
        await settle(pilot)
    assert todays_review(demo).run_sheet == ["B-15", "B-9", "B-16", "B-23", "B-37", "B-13"]


async def test_feedback_becomes_an_item_now_or_an_escalation_later(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-16")
        await pilot.press("f")
        form = app.screen
        form.query_one("#feedback-by", Select).value = "Lena Fischer"
        form.query_one("#feedback-becomes", Select).value = "item:O-3"
        await type_in(pilot, "#feedback-text", "Send the reminder to a relative too")
        await pilot.press("f")
        await type_in(pilot, "#feedback-text", "Could SMS cost more than planned?")  # decided later
        assert "open" in text_of(app.screen.query_one("#feedback"))
        await pilot.press("F")
        await settle(pilot)
        app.screen.query_one("#choices").select_key("F-8")
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#choices").select_key("escalation")
        await pilot.press("enter")
        await settle(pilot)
        shown = text_of(app.screen.query_one("#feedback"))
        assert "F-7 Lena Fischer B-16 B-43 item" in shown and "F-8 the room B-16 E-8 escalation" in shown
        assert "E-8 escalation: Could SMS cost more than planned?" in text_of(app.screen.query_one("#captured"))
    ws = Workspace.open(demo.root)
    item = ws.get(BacklogItem, "B-43")
    assert (item.title, item.objective, item.came_from, item.from_feedback) == (
        "Send the reminder to a relative too",
        "O-3",
        "B-16",
        "F-7",
    )
    escalation = ws.get(Escalation, "E-8")
    assert (escalation.title, escalation.category, escalation.source) == (
        "Could SMS cost more than planned?",
        "feedback",
        "review",
    )
    assert [f.session for f in ws.all(Feedback)][-2:] == [todays_review(demo).id] * 2
    assert todays_review(demo).captured == ["E-8"]  # listed with the review's captures


async def test_stakeholders_from_past_reviews_and_names_that_must_not_act(demo: Workspace) -> None:
    sprint_4_review = next(s for s in demo.all(RitualSession) if s.ritual == "review" and s.sprint == "S-4")
    demo.update(RitualSession, sprint_4_review.id, lambda s: s.stakeholders.append(Stakeholder(name=HOSTILE)))
    app = RitualApp(demo, "review")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "s")  # twice while past reviews are read: asked once
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["ReviewScreen", "ChooseRecord"]
        # Offered newest review first: sprint 4's Dr. Vogel, Ole Brandt and the hostile name, then
        # sprint 2's Karin Holm.
        choices = app.screen.query_one("#choices")
        assert choices.shown_keys() == ["0", "1", "2", "3", "new"]
        assert [choices.row_text(k).strip() for k in ("0", "1", "3", "new")] == [
            "Dr. Anna Vogel Clinic partner, Praxis am Markt",
            "Ole Brandt Clinic manager, Nordstadt",
            "Karin Holm Data protection officer",
            "Someone new…",
        ]
        assert SHOWN in choices.row_text("2")
        choices.select_key("2")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#choices").select_key("new")
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#stakeholder-role", Input).value = "[@click=app.quit]Auditor"
        await type_in(pilot, "#stakeholder-name", "[b]Eve[/b]")
        room = text_of(app.screen.query_one("#review-room"))
        assert app.is_running and SHOWN in room and "[b]Eve[/b] ([@click=app.quit]Auditor)" in room
    assert [p.name for p in todays_review(demo).stakeholders] == [HOSTILE, "[b]Eve[/b]"]


async def test_the_verdict_and_the_close_write_the_summary(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await on_item(pilot, "B-15")
        await pilot.press("Y", "a")
        await settle(pilot)
        await pilot.press("C")  # no verdict yet: it comes first
        await settle(pilot)
        app.screen.query_one("#choices").select_key("partly")
        await pilot.press("enter")
        await settle(pilot)
        await type_in(pilot, "#prompt-text", "SMS reminders wait for the sender-ID")
        assert "Close sprint 5 today?" in screen_text(app) and "in 6 days" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        close_out = app.screen.query_one("#close-out")
        assert close_out.shown_keys() == ["B-9", "B-16", "B-23", "B-37", "B-13"]
        assert close_out.row_text("B-37").split()[:4] == ["B-37", "carry", "over", "not"]  # not done, not reviewed
        close_out.select_key("B-37")
        await pilot.press("d", "enter")
        await settle(pilot)
        assert "closed 2026-11-26, summary in summaries/" in screen_text(app)
        assert "B-37 2 dropped" in " ".join(app.screen.query_one("#run-sheet").row_text("B-37").split())
        await pilot.press("C", "a")  # the sprint is closed: nothing to close or accept any more
        await settle(pilot)
        await pilot.press("x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, RecapScreen)
        recap = screen_text(app)
        assert "goal partly met: SMS reminders wait for the sender-ID" in recap
        assert (
            "B-15 accepted: done" in recap
            and "B-37 dropped" in recap
            and "B-9 carried over to the next sprint" in recap
        )
    sprint = sprint_5(demo)
    assert (sprint.status, sprint.goal_verdict, sprint.goal_reason) == (
        "closed",
        "partly",
        "SMS reminders wait for the sender-ID",
    )
    assert [(c.item, c.action) for c in sprint.close_out] == [
        ("B-9", "carry-over"),
        ("B-16", "carry-over"),
        ("B-23", "carry-over"),
        ("B-37", "drop"),
        ("B-13", "carry-over"),
    ]
    assert Workspace.open(demo.root).get(BacklogItem, "B-37").status == "dropped"
    summaries = sorted(p.name for p in Path(demo.root, "summaries").iterdir())
    assert summaries == ["sprint-5-summary.html", "sprint-5-summary.json", "sprint-5-summary.md"]


async def test_a_damaged_feedback_file_leaves_the_run_sheet_working(demo: Workspace) -> None:
    (damaged,) = Path(demo.root, "feedback").glob("F-6-*.toml")  # sprint 4's open feedback
    damaged.write_text('schema = 1\nid = "F-6"\ntext = "cut', encoding="utf-8")
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#run-sheet").shown_keys()[0] == "B-9"
        bar = app.screen.query_one("#problem-bar")
        assert bar.display and f"feedback/{damaged.name}" in text_of(bar)
        await pilot.press("s")  # past reviews are read whole: the stakeholders of sprint 4 are there
        await settle(pilot)
        assert "Ole Brandt Clinic manager, Nordstadt" in text_of(app.screen.query_one("#choices"))
        await pilot.press("escape")
        await on_item(pilot, "B-15")
        await pilot.press("Y", "a")
        await settle(pilot)
    assert sprint_5(demo).outcomes == {"B-15": "accepted"}


async def test_progress_is_read_when_asked_for_on_a_narrow_screen_and_once(demo: Workspace) -> None:
    app = RitualApp(demo, "review")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.context.progress is None  # no room for it: not read
        await pilot.press("P", "P")
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack] == ["ReviewScreen", "ProgressScreen"]
        assert "Velocity 13 to 17 points a sprint" in text_of(app.screen.query_one("#progress-detail"))


async def test_planning_offers_the_review_of_the_sprint_still_open(demo: Workspace) -> None:
    app = RitualApp(demo, "planning")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("r")  # sprint 5 is still open: review it, or close it now
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReviewScreen) and app.screen.query_one("#run-sheet").shown_keys()[0] == "B-9"
