"""A past sprint's summary shows what was true on its last day, not today: built through the
command line, then the world moves on, and the old sprint's figures must not move with it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result
from tests.unit.reports.invariant import assert_balanced

TODAY = "2026-12-01T09:00:00"


@pytest.fixture
def moved_on(run_at: Callable[..., Result], ws: Workspace) -> Callable[..., dict]:
    """Sprint 1 (Mon 2 to Fri 13 Nov) commits A (3) and B (5); C (8) is ready. E-1 (critical) is
    raised on the 4th; E-2 (high) on the 5th, sent on the 6th, answered on the 10th. D-1, a
    strategic decision, is proposed on the 5th. A is done on the 6th; B is in progress when a
    blocker on it is first seen on the 13th. Sprint 1 closes on the 13th, goal not met.
    Afterwards: sprint 2 (16 to 27 Nov) commits B, done on the 20th; C is dropped; E-2 is resolved
    on the 17th, E-1 answered on the 20th and resolved on the 24th; the blocker is seen on the 16th
    and 17th and resolved on the 18th; D-1 is accepted. Today is 1 December."""
    run_at("2026-10-30T10:00:00", "backlog", "add", "A", "--estimate", "3", "--objective", "O-1")
    run_at("2026-10-30T10:00:00", "backlog", "add", "B", "--estimate", "5", "--objective", "O-1")
    run_at("2026-10-30T10:00:00", "backlog", "add", "C", "--estimate", "8", "--objective", "O-1", "--status", "ready")
    run_at(
        "2026-11-02T09:00:00",
        "sprint",
        "start",
        "B-1",
        "B-2",
        "--goal",
        "Pay",
        "--start",
        "2026-11-02",
        "--end",
        "2026-11-13",
    )
    run_at("2026-11-04T10:00:00", "escalate", "Hosting region", "--severity", "critical", "--item", "B-2")
    run_at("2026-11-05T10:00:00", "escalate", "Budget", "--severity", "high")
    run_at("2026-11-05T11:00:00", "decision", "add", "Fees", "--level", "strategic", "--status", "proposed")
    run_at("2026-11-06T10:00:00", "escalation", "send", "E-2")
    run_at("2026-11-06T11:00:00", "backlog", "status", "B-1", "done")
    run_at("2026-11-09T10:00:00", "backlog", "status", "B-2", "in-progress")
    run_at("2026-11-10T10:00:00", "escalation", "answer", "E-2", "Approved")
    ws.add(
        Blocker(
            title="No test data",
            item="B-2",
            first_seen=date(2026, 11, 13),
            last_seen=date(2026, 11, 17),
            seen_on=[date(2026, 11, 13), date(2026, 11, 16), date(2026, 11, 17)],
            status="resolved",
            resolved=date(2026, 11, 18),
        )
    )
    run_at("2026-11-13T16:00:00", "sprint", "close", "--goal-met", "no", "--why", "B is not done.")
    run_at(
        "2026-11-16T09:00:00",
        "sprint",
        "start",
        "B-2",
        "--goal",
        "Wallets",
        "--start",
        "2026-11-16",
        "--end",
        "2026-11-27",
    )
    run_at("2026-11-17T10:00:00", "escalation", "resolve", "E-2", "Budget booked")
    run_at("2026-11-20T10:00:00", "escalation", "answer", "E-1", "EU only")
    run_at("2026-11-20T11:00:00", "backlog", "status", "B-2", "done")
    run_at("2026-11-20T12:00:00", "backlog", "status", "B-3", "dropped")
    run_at("2026-11-24T10:00:00", "escalation", "resolve", "E-1")
    ws.update(Decision, "D-1", lambda d: setattr(d, "status", "accepted"))
    run_at("2026-11-27T16:00:00", "sprint", "close", "--goal-met", "yes")

    def summary(sprint: str, audience: str = "pm") -> dict:
        out = run_at(TODAY, "summary", "--sprint", sprint, "--stdout", "--format", "json", "--audience", audience).out
        return json.loads(out)

    return summary


def test_escalations_open_on_the_last_day_are_listed_with_their_status_then(moved_on: Callable[..., dict]) -> None:
    doc = moved_on("1")
    assert doc["as_of"] == "2026-11-13"
    esc = doc["escalations"]
    # E-1 was resolved on the 24th, after the sprint: on the 13th it still waited, for 13 − 4 = 9 days.
    assert [(e["id"], e["status"], e["age_days"]) for e in esc["waiting_for_pm"]] == [("E-1", "open", 9)]
    assert esc["waiting_for_pm"][0]["pm_answer"] == "" and esc["waiting_for_pm"][0]["answered"] is None
    # E-2 was answered on the 10th (after 10 − 5 = 5 days) and resolved only on the 17th.
    assert [(e["id"], e["status"], e["age_days"], e["resolution"]) for e in esc["answered_not_resolved"]] == [
        ("E-2", "answered", 5, "")
    ]
    assert [(e["id"], e["status"]) for e in esc["raised"]] == [("E-1", "open"), ("E-2", "answered")]


def test_a_blocker_shows_the_dailies_that_had_seen_it_by_the_last_day(moved_on: Callable[..., dict]) -> None:
    blockers = moved_on("1")["blockers"]
    # First seen on the last day: one daily, open for 0 days, not yet resolved.
    assert [(b["id"], b["status"], b["dailies"], b["days_open"], b["resolved"]) for b in blockers] == [
        ("BL-1", "open", 1, 0, None)
    ]
    # In sprint 2 it was seen twice more and resolved on the 18th: 3 dailies, 13th to 18th = 5 days.
    later = moved_on("2")["blockers"]
    assert [(b["status"], b["dailies"], b["days_open"], b["resolved"]) for b in later] == [
        ("resolved", 3, 5, "2026-11-18")
    ]


def test_items_readiness_velocity_and_done_to_date_are_those_of_the_close(moved_on: Callable[..., dict]) -> None:
    doc = moved_on("1")
    d = doc["delivery"]
    # B is done today; at the close it was in progress and carried over.
    assert [(i["id"], i["status"], i["outcome"]) for i in d["items"]] == [
        ("B-1", "done", "accepted"),
        ("B-2", "in-progress", "carried-over"),
    ]
    assert_balanced(doc)  # 8 + 0 − 0 = 3 completed + 5 carried over
    # Only sprint 1 had closed by then; B's 5 points of sprint 2 do not count yet.
    assert doc["velocity"]["by_sprint"] == [{"sprint": 1, "committed": 8, "completed": 3}]
    o1 = doc["objectives"]["rows"][0]
    assert (o1["id"], o1["done_to_date_points"], o1["left_points"]) == ("O-1", 3, 13)  # left: B (5) + C (8)
    # Ready at the close: B (back to ready) and C = 2 items, 13 points; 13 ÷ 3 = 4.33, one decimal.
    r = doc["readiness"]
    assert (r["ready_items"], r["ready_points"], r["mean_velocity"], r["sprints_of_ready_work"]) == (2, 13, 3, 4.3)
    # Sprint 2, as of its own close: both sprints count (3 and 5, mean 4), done to date 3 + 5 = 8.
    second = moved_on("2")
    assert second["velocity"]["mean"] == 4 and second["objectives"]["rows"][0]["done_to_date_points"] == 8
    assert second["readiness"]["ready_items"] == 0  # C was dropped by then


def test_decisions_show_their_status_of_the_close_and_the_client_sees_them_so(moved_on: Callable[..., dict]) -> None:
    assert [(x["id"], x["status"]) for x in moved_on("1")["decisions"]] == [("D-1", "proposed")]
    # Still proposed on the 13th, so a strategic decision the client does not see in that sprint.
    assert moved_on("1", "client")["decisions"] == []


def test_the_headline_of_the_past_sprint(moved_on: Callable[..., dict]) -> None:
    assert moved_on("1")["headline"] == [
        "Goal not met: B is not done.",
        "Completed 3 points against 8 committed (38%): 1 item accepted, 0 rejected, 1 carried over.",
        "Scope unchanged since the start.",
        "Committed 8 points; no forecast was made at planning.",
        "Top risks: E-1 (critical) Hosting region.",
    ]
