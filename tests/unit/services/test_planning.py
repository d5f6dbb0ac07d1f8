"""A planning from its first answer to the commitment: every answer on disk at once, resumed as it
was left, refused when it breaks a rule, and committed into a sprint, a session and a plan file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.planning import Confidence
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services import plan_choices, planning
from ritual_tui.services.plan_commit import PASSED_OVER, commit_plan
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result, set_settings
from tests.unit.commands.test_sprint_plan import history

Cli = Callable[..., Result]


def ready(ws: Workspace, *refs: str) -> None:
    """Make items meet the Definition of Ready: a story with criteria, an objective, status ready."""
    for ref in refs:

        def complete(item: BacklogItem) -> None:
            item.as_a, item.i_want, item.so_that = "shopper", "to pay", "I get my order"
            item.acceptance, item.objective, item.status = ["Given a cart, When I pay, Then it is paid"], "O-1", "ready"

        ws.update(BacklogItem, ref, complete)


def test_a_plan_is_saved_at_each_answer_and_resumed_as_it_was(cli: Cli, ws: Workspace) -> None:
    history(cli)
    context = planning.open_planning(ws)
    plan = context.plan
    # Default dates: from today for sprint_days (14); capacity Ada 10 + Bo 5 = 15.
    assert (plan.previous, plan.start, plan.end, plan.capacity_days) == (
        "S-3",
        date(2026, 11, 26),
        date(2026, 12, 9),
        15,
    )
    session = context.session.id
    planning.set_member(ws, session, "Ada", days_off=[date(2026, 12, 1)])  # 9 + 5 = 14
    planning.set_member(ws, session, "Bo", availability=0.8)  # 9 + 8 = 17
    plan_choices.set_goal(ws, session, "Pay by card", "O-1")
    again = planning.open_planning(Workspace.open(ws.root))
    assert again.session.id == session
    assert (again.plan.capacity_days, again.plan.goal, again.plan.goal_objective) == (17, "Pay by card", "O-1")
    # Sprint 3's plan was not made in a planning session: nothing to copy.
    assert again.last_members == []


def test_an_item_failing_the_definition_of_ready_needs_a_yes(cli: Cli, ws: Workspace) -> None:
    history(cli)
    session = planning.open_planning(ws).session.id
    with pytest.raises(ValidationError, match=r"B-8 fails the Definition of Ready .*: confirm to take it\."):
        plan_choices.select(ws, session, "B-8", True)
    assert ws.get(RitualSession, session).plan.selected == []  # type: ignore[union-attr]
    plan = plan_choices.select(ws, session, "B-8", True, confirmed=True)
    assert (plan.selected, plan.confirmed_not_ready) == (["B-8"], ["B-8"])
    plan = plan_choices.select(ws, session, "B-8", False)
    assert (plan.selected, plan.confirmed_not_ready) == ([], [])


def test_refusals_leave_the_plan_as_it_was(cli: Cli, ws: Workspace) -> None:
    history(cli)
    session = planning.open_planning(ws).session.id
    with pytest.raises(ValidationError, match="Bo's availability is 130%"):
        planning.set_member(ws, session, "Bo", availability=1.3)
    with pytest.raises(ValidationError, match="more than a year from today"):
        planning.set_dates(ws, session, date(2027, 12, 1), date(2027, 12, 14))
    with pytest.raises(ValidationError, match="A low vote: record what the room said"):
        plan_choices.record_confidence(ws, session, Confidence(counts=[0, 1, 0, 2, 0, 0]))
    with pytest.raises(ValidationError, match="The reason cannot be empty"):
        plan_choices.leave_out(ws, session, "B-9", "  ")
    plan = ws.get(RitualSession, session).plan
    assert plan is not None and (plan.capacity_days, plan.start, plan.confidence, plan.left_out) == (
        15,
        date(2026, 11, 26),
        None,
        [],
    )


def test_the_commitment_needs_the_previous_sprint_closed_out_and_a_goal(cli: Cli, ws: Workspace) -> None:
    history(cli)
    context = planning.open_planning(ws)
    session = context.session.id
    assert context.unfinished == ["B-7"]
    with pytest.raises(ValidationError, match=r"unfinished items \(u: carry over, return or drop\): B-7."):
        commit_plan(ws, session)
    plan_choices.close_out(ws, session, "B-7", "drop", "Nobody asks for it any more")
    with pytest.raises(ValidationError, match=r"Set the sprint goal first \(g\)."):
        commit_plan(ws, session)
    assert len(ws.all(Sprint)) == 3 and ws.get(BacklogItem, "B-7").status == "new"  # dropped only at the commit


def test_commit_starts_the_sprint_and_keeps_the_plan(cli: Cli, ws: Workspace) -> None:
    set_settings(ws.root, split_threshold=8)  # this team splits anything above 8 points
    ws = Workspace.open(ws.root)
    history(cli)
    cli("backlog", "add", "Later", "--estimate", "3")  # B-10
    cli("backlog", "add", "Big one", "--estimate", "13")  # B-11, above the split threshold (8)
    ready(ws, "B-8", "B-9", "B-10", "B-11")
    plan_choices.close_out(ws, planning.open_planning(ws).session.id, "B-7", "return", "Next sprint")
    session = planning.open_planning(ws).session.id
    for item in ("B-8", "B-11"):
        plan_choices.select(ws, session, item, True)
    plan_choices.leave_out(ws, session, "B-10", "Waits for the payment provider")
    plan_choices.set_goal(ws, session, "Pay by card", "O-1")
    plan_choices.record_confidence(ws, session, Confidence(counts=[0, 0, 1, 0, 1, 0], said="The big one scares us"))
    committed = commit_plan(ws, session)

    sprint = ws.get(Sprint, committed.sprint.id)
    # 5 + 13 = 18 points, frozen; capacity 15; P50 8 as forecast above, P85 5.
    assert [(c.item, c.estimate) for c in sprint.commitment] == [("B-8", 5), ("B-11", 13)]
    assert (sprint.goal, sprint.goal_objective, sprint.capacity_days, sprint.forecast) == ("Pay by card", "O-1", 15, 8)
    plan = ws.get(RitualSession, session).plan
    assert plan is not None and plan.sprint == sprint.id and plan.committed is not None
    assert plan.forecast is not None and (plan.forecast.p50, plan.forecast.p85, plan.forecast.chance) == (8, 5, 0.0)
    assert plan.forecast.sprints == [1, 2, 3]
    # B-9 is ranked above B-11 and ready: passed over; B-10 left out with the room's reason.
    assert [(x.item, x.reason) for x in plan.left_out] == [
        ("B-10", "Waits for the payment provider"),
        ("B-9", PASSED_OVER),
    ]
    assert any("above P85 (5 points)" in r for r in plan.risks)
    assert "B-11 is estimated at 13 points, above the split threshold (8)." in plan.risks
    assert "Low confidence vote. The room said: The big one scares us" in plan.risks

    written = json.loads((ws.root / "plans" / "sprint-4-plan.json").read_text(encoding="utf-8"))
    assert [p.name for p in committed.files] == ["sprint-4-plan.md", "sprint-4-plan.json", "sprint-4-plan.html"]
    assert written["commitment"]["points"] == 18 and written["commitment"]["goal_share_percent"] == 100
    assert (written["forecast"]["p50"], written["forecast"]["p85"], written["forecast"]["chance_percent"]) == (8, 5, 0)
    assert written["confidence"] == {"counts": [0, 0, 1, 0, 1, 0], "room_said": "The big one scares us"}
    assert [m["person_days"] for m in written["capacity"]["members"]] == [10, 5]
    with pytest.raises(ValidationError, match="This plan is committed"):
        plan_choices.select(ws, session, "B-9", True)
