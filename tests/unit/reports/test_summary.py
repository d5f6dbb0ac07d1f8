"""Every figure of the summary and the brief, against a workspace computed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from ritual_tui.domain.errors import NotFoundError
from ritual_tui.reports.brief import pm_brief
from ritual_tui.reports.summary import sprint_summary
from ritual_tui.store.workspace import Workspace

TODAY = date(2026, 11, 26)


def test_delivery_with_scope_added_and_removed_and_a_carry_over(known: Workspace) -> None:
    doc = sprint_summary(known, "1", TODAY)
    d = doc["delivery"]
    assert (d["committed_items"], d["committed_points"]) == (3, 16)
    assert (d["completed_items"], d["completed_points"]) == (2, 5)
    assert ([i["id"] for i in d["added"]], d["added_points"]) == (["B-4"], 2)
    assert ([i["id"] for i in d["removed"]], d["removed_points"]) == (["B-3"], 8)
    assert ([i["id"] for i in d["carried_over"]], d["carried_over_points"]) == (["B-2"], 5)
    assert [(i["id"], i["committed"], i["completed"]) for i in d["items"]] == [
        ("B-1", True, True),
        ("B-2", True, False),
        ("B-3", True, False),
        ("B-4", False, True),
    ]
    assert doc["sprint"]["goal_met"] is True and doc["as_of"] == date(2026, 11, 15)


def test_burndown_follows_scope_changes_and_done_days(known: Workspace) -> None:
    days = sprint_summary(known, "1", TODAY)["burndown"]
    remaining = [d["remaining"] for d in days]
    # 16 committed; B-1 (3) done Nov 4 → 13; B-4 (2) added Nov 5 → 15; B-3 (8) removed Nov 6 → 7;
    # B-4 done Nov 9 → 5, which stays: B-2 is carried over.
    assert remaining == [16, 16, 13, 15, 7, 7, 7, 5, 5, 5, 5, 5, 5, 5]
    assert days[0]["ideal"] == pytest.approx(16 * 13 / 14, abs=0.01) and days[-1]["ideal"] == 0


def test_velocity_counts_every_closed_sprint(known: Workspace) -> None:
    v = sprint_summary(known, "4", TODAY)["velocity"]
    assert v["by_sprint"] == [{"sprint": 1, "points": 5}, {"sprint": 2, "points": 0}, {"sprint": 3, "points": 0}]
    assert (v["mean"], v["min"], v["max"], v["last_3_mean"]) == (1.67, 0, 5, 1.67)


def test_an_empty_sprint_and_a_sprint_without_estimates(known: Workspace) -> None:
    empty = sprint_summary(known, "2", TODAY)["delivery"]
    assert (empty["committed_items"], empty["committed_points"], empty["completed_points"]) == (0, 0, 0)
    unestimated = sprint_summary(known, "S-3", TODAY)
    assert unestimated["delivery"]["completed_items"] == 2
    assert unestimated["delivery"]["completed_points"] == 0
    assert [i["points"] for i in unestimated["delivery"]["items"]] == [None, None]


def test_a_first_sprint_has_no_velocity_and_no_readiness_ratio(ws: Workspace) -> None:
    from ritual_tui.domain.sprint import Sprint

    ws.add(Sprint(number=0, start=date(2026, 11, 23), end=date(2026, 12, 6)))
    doc = sprint_summary(ws, None, TODAY)
    assert doc["velocity"]["by_sprint"] == [] and doc["velocity"]["mean"] is None
    assert doc["readiness"]["sprints_of_ready_work"] is None


def test_decisions_escalations_and_blockers_of_the_sprint(known: Workspace) -> None:
    doc = sprint_summary(known, "1", TODAY)
    assert [d["title"] for d in doc["decisions"]] == ["Use Stripe"]
    esc = doc["escalations"]
    assert [e["title"] for e in esc["raised"]] == ["Contract", "Budget"]
    # Still open on the sprint's last day, most severe first, aged on that day.
    assert [(e["title"], e["age_days"]) for e in esc["still_open"]] == [("Budget", 3), ("Contract", 12)]
    assert [(e["title"], e["pm_answer"]) for e in esc["answered"]] == [("Contract", "Signed")]
    assert [(b["title"], b["lasted_days"], b["dailies"]) for b in doc["blockers"]] == [("No keys", 4, 2)]
    assert doc["review"]["feedback"] == [
        {"id": "F-1", "item": "B-1", "by": "Client", "text": "Love it", "turned_into": "item", "became": "B-8"}
    ]


def test_readiness_and_delivery_per_objective(known: Workspace) -> None:
    doc = sprint_summary(known, "4", TODAY)
    # Ready and not in the active sprint: B-3 (8), B-8 (5), B-9 (13) = 26 points; mean velocity 5/3.
    r = doc["readiness"]
    assert (r["ready_items"], r["ready_points"], r["sprints_of_ready_work"]) == (3, 26, 15.6)
    o1 = next(o for o in doc["objectives"] if o["id"] == "O-1")
    assert (o1["committed_points"], o1["completed_items"], o1["completed_points"]) == (8, 1, 3)
    assert o1["done_to_date_points"] == 3 + 2 + 3
    assert doc["as_of"] == TODAY


def test_unknown_sprint_is_an_error(known: Workspace) -> None:
    with pytest.raises(NotFoundError, match="No sprint '9'"):
        sprint_summary(known, "9", TODAY)


def test_the_brief_lists_what_the_pm_must_act_on(known: Workspace) -> None:
    doc = pm_brief(known, since=None, today=TODAY)
    # Severity first, then age; "Contract" is answered: it waits for the PO now, not for the PM.
    assert [(e["title"], e["age_days"]) for e in doc["open_escalations"]] == [("Budget", 14), ("Late", 2)]
    assert [d["title"] for d in doc["strategic_decisions_waiting"]] == ["Fees?"]
    assert [e["title"] for e in doc["answers_received"]] == ["Contract"]
    assert [(b["title"], b["dailies"]) for b in doc["aging_blockers"]] == [("Legal", 3)]
    later = pm_brief(known, since=date(2026, 11, 11), today=TODAY)
    assert later["answers_received"] == []


@pytest.mark.parametrize("workspace", ["known", "demo"])
def test_the_summary_from_the_index_equals_the_summary_from_every_file(
    workspace: str, request: pytest.FixtureRequest
) -> None:
    # The summary counts items from the store's index: this fails if it reads a field the index
    # does not keep (cold, every record is read whole; warm, items come from the index).
    ws: Workspace = request.getfixturevalue(workspace)
    cold = sprint_summary(ws, None, TODAY)
    assert (ws.root / ".ritual" / "cache" / "backlog.index.json").exists()
    warm = sprint_summary(Workspace.open(ws.root), None, TODAY)
    assert warm == cold and cold["delivery"]["items"]


@pytest.mark.parametrize("workspace", ["known", "demo"])
def test_the_brief_and_the_home_from_the_index_equal_those_from_every_file(
    workspace: str, request: pytest.FixtureRequest
) -> None:
    from ritual_tui.services.overview import load_overview

    ws: Workspace = request.getfixturevalue(workspace)
    since = date(2026, 11, 1)
    cold = (pm_brief(ws, since, TODAY), load_overview(ws, TODAY))
    warm = (pm_brief(Workspace.open(ws.root), since, TODAY), load_overview(Workspace.open(ws.root), TODAY))
    assert warm == cold
    assert cold[0]["open_escalations"] and cold[1].waiting.escalations
