"""Figures that used to be wrong in ways a PM could not see, each on a scenario built through the
command line with numbers known by construction (the arithmetic is in the comments)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.store.workspace import Workspace
from tests.conftest import Result
from tests.unit.reports.invariant import assert_balanced

Cli = Callable[..., Result]


def summary(run_at: Callable[..., Result], moment: str, sprint: str) -> dict:
    return json.loads(run_at(moment, "summary", "--sprint", sprint, "--stdout", "--format", "json").out)


@pytest.fixture
def unestimated_then_done(run_at: Callable[..., Result]) -> Callable[..., Result]:
    """Sprint 1 (Mon 16 to Sun 29 Nov): A (2), B (5) and C (unestimated), all for O-1: 3 items, 7
    points. C is estimated 3 on the 17th; A is done on the 18th, C on the 19th; closed on the 27th.
    Sprint 2 (30 Nov to 13 Dec) commits B at 5; B is re-estimated 8, then done on 2 Dec. D (8) is ready."""
    run_at("2026-11-13T10:00:00", "backlog", "add", "A", "--estimate", "2", "--objective", "O-1")
    run_at("2026-11-13T10:00:00", "backlog", "add", "B", "--estimate", "5", "--objective", "O-1")
    run_at("2026-11-13T10:00:00", "backlog", "add", "C", "--objective", "O-1")
    run_at("2026-11-13T10:00:00", "backlog", "add", "D", "--estimate", "8", "--status", "ready")
    run_at("2026-11-16T10:00:00", "sprint", "start", "B-1", "B-2", "B-3", "--goal", "Pay", "--start", "2026-11-16")
    run_at("2026-11-17T10:00:00", "backlog", "edit", "B-3", "--estimate", "3")
    run_at("2026-11-18T10:00:00", "backlog", "status", "B-1", "done")
    run_at("2026-11-19T10:00:00", "backlog", "status", "B-3", "done")
    run_at("2026-11-27T16:00:00", "sprint", "close", "--goal-met", "yes", "--early")  # Friday; it ends Sunday
    run_at("2026-11-30T10:00:00", "sprint", "start", "B-2", "--goal", "Wallets", "--start", "2026-11-30")
    run_at("2026-12-01T10:00:00", "backlog", "edit", "B-2", "--estimate", "8")
    run_at("2026-12-02T10:00:00", "backlog", "status", "B-2", "done")
    return run_at


def test_an_item_estimated_after_the_commitment_counts_as_committed_unestimated(
    unestimated_then_done: Callable[..., Result],
) -> None:
    doc = summary(unestimated_then_done, "2026-12-03T09:00:00", "1")
    d = doc["delivery"]
    assert (d["committed_items"], d["committed_points"]) == (3, 7)  # 2 + 5 + 0
    assert (d["completed_items"], d["completed_points"]) == (2, 2)  # A (2) + C (0 at commit), not 2 + 3
    assert (d["carried_over_items"], d["carried_over_points"]) == (1, 5)  # B
    assert_balanced(doc)  # 7 + 0 − 0 = 2 + 5 + 0
    c = next(i for i in d["items"] if i["id"] == "B-3")
    assert (c["points"], c["unestimated"], c["estimate"]) == (0, True, 3)
    # The burndown starts at the 7 committed: A leaves 5 on the 18th, C (0) changes nothing.
    assert [day["remaining"] for day in doc["burndown"][:5]] == [7, 7, 5, 5, 5]
    md = unestimated_then_done("2026-12-03T09:00:00", "summary", "--sprint", "1", "--stdout").out
    assert "| B-3 | C | committed | – → 3 | done | accepted |" in md


def test_later_velocity_readiness_and_done_to_date_use_the_frozen_points(
    unestimated_then_done: Callable[..., Result],
) -> None:
    doc = summary(unestimated_then_done, "2026-12-03T09:00:00", "2")
    assert doc["velocity"]["by_sprint"] == [{"sprint": 1, "committed": 7, "completed": 2}]
    # Ready: D (8) alone, B being in the running sprint. 8 ÷ a mean velocity of 2 = 4.0 sprints.
    r = doc["readiness"]
    assert (r["ready_items"], r["ready_points"], r["mean_velocity"], r["sprints_of_ready_work"]) == (1, 8, 2, 4.0)
    # B was committed at 5 and re-estimated 8: done to date for O-1 is 2 (A) + 0 (C) + 5 (B) = 7,
    # not 2 + 3 + 8 = 13 from today's estimates.
    o1 = next(o for o in doc["objectives"]["rows"] if o["id"] == "O-1")
    assert (o1["completed_points"], o1["done_to_date_points"]) == (5, 7)
    b = next(i for i in doc["delivery"]["items"] if i["id"] == "B-2")
    assert (b["points"], b["estimate"]) == (5, 8)


def test_the_close_freezes_what_no_history_keeps(unestimated_then_done: Callable[..., Result], ws: Workspace) -> None:
    from ritual_tui.domain.sprint import Sprint

    frozen = ws.get(Sprint, "S-1").at_close
    assert frozen is not None and frozen.on == date(2026, 11, 27)
    assert [(i.item, i.status, i.estimate, i.objective) for i in frozen.items] == [
        ("B-1", "done", 2, "O-1"),
        ("B-2", "new", 5, "O-1"),
        ("B-3", "done", 3, "O-1"),
    ]
    # Ready then: D (8). Left, neither done nor dropped: B (5) for O-1, D (8) for no objective.
    assert (frozen.ready_items, frozen.ready_points, frozen.left_by_objective) == (1, 8, {"O-1": 5, "": 8})


def test_a_second_brief_the_same_day_lists_only_what_came_since_the_first(
    run_at: Callable[..., Result], ws: Workspace
) -> None:
    run_at("2026-11-26T08:00:00", "escalate", "Budget", "--severity", "high")
    run_at("2026-11-26T08:30:00", "escalation", "answer", "E-1", "Yes")
    run_at("2026-11-26T09:30:00", "brief", "--format", "json")
    first = json.loads((ws.root / "briefs" / "brief-2026-11-26-0930.json").read_text())
    assert first["since"] is None and [e["id"] for e in first["answers_received"]] == ["E-1"]
    run_at("2026-11-26T10:00:00", "escalate", "Fees", "--severity", "medium")
    run_at("2026-11-26T11:00:00", "escalate", "Hosting", "--severity", "low")
    run_at("2026-11-26T12:00:00", "escalation", "answer", "E-3", "EU only")
    run_at("2026-11-26T15:00:00", "brief", "--format", "json")
    second = json.loads((ws.root / "briefs" / "brief-2026-11-26-1500.json").read_text())
    # Since the 09:30 brief, not since the start of the day: E-1's answer (08:30) is not listed again.
    assert second["since"] == "2026-11-26T09:30:00+01:00"
    assert [e["id"] for e in second["answers_received"]] == ["E-3"]
    assert [(e["id"], e["new"]) for e in second["open_escalations"]] == [("E-2", True)]
    # Both briefs are kept: the one the PM read at 09:30 is not overwritten.
    assert sorted(p.name for p in (ws.root / "briefs").iterdir()) == [
        "brief-2026-11-26-0930.json",
        "brief-2026-11-26-1500.json",
    ]


def test_clashing_ids_are_refused_rather_than_counted_once(cli: Cli, ws: Workspace) -> None:
    # B-2 (3) and a second B-2 (8) from a merge: readiness would say 1 item, 3 points instead of 2
    # items, 11 points. The summary refuses and says how to fix it.
    cli("backlog", "add", "A", "--estimate", "2")
    cli("backlog", "add", "B", "--estimate", "3", "--status", "ready")
    cli("sprint", "start", "B-1", "--goal", "G", "--start", "2026-11-23")
    original = next((ws.root / "backlog").glob("B-2-*.toml"))
    twin = original.with_name("B-2-zzzz.toml")
    twin.write_text(
        original.read_text()
        .replace('title = "B"', 'title = "B from the other branch"')
        .replace("estimate = 3", "estimate = 8")
    )
    result = cli("summary", "--stdout")
    assert result.code == 1 and result.out == ""
    assert "B-2: each names more than one backlog item" in result.err and "ritual check --fix" in result.err
    assert cli("check", "--fix").code == 0
    readiness = json.loads(cli("summary", "--stdout", "--format", "json").out)["readiness"]
    assert (readiness["ready_items"], readiness["ready_points"]) == (2, 11)
    assert isinstance(ws.get(BacklogItem, "B-3"), BacklogItem)


def test_items_returned_or_dropped_at_the_close_are_not_counted_as_carried_over(
    run_at: Callable[..., Result],
) -> None:
    """Sprint 1 (Mon 16 to Sun 29 Nov) commits A (2), B (5), C (3), D (1): 4 items, 11 points. A is
    done; at the close B returns to the backlog, C is dropped and D is carried over."""
    for title, points in (("A", "2"), ("B", "5"), ("C", "3"), ("D", "1")):
        run_at("2026-11-13T10:00:00", "backlog", "add", title, "--estimate", points)
    run_at(
        "2026-11-16T10:00:00", "sprint", "start", "B-1", "B-2", "B-3", "B-4", "--goal", "Pay", "--start", "2026-11-16"
    )
    run_at("2026-11-18T10:00:00", "backlog", "status", "B-1", "done")
    run_at("2026-11-27T16:00:00", "sprint", "close", "--goal-met", "no", "--return", "B-2", "--drop", "B-3", "--early")
    doc = summary(run_at, "2026-12-03T09:00:00", "1")
    d = doc["delivery"]
    assert (d["completed_items"], d["completed_points"]) == (1, 2)  # A
    assert (d["carried_over_items"], d["carried_over_points"]) == (1, 1)  # D only, not 1 + 5 + 3
    assert (d["returned_items"], d["returned_points"]) == (1, 5)  # B
    assert (d["dropped_items"], d["dropped_points"]) == (1, 3)  # C
    assert_balanced(doc)  # 11 = 2 + 1 + 5 + 3 + 0 rejected
    # 2 of 11 points is 18.2%, shown as 18%.
    assert doc["headline"][1] == (
        "Completed 2 points against 11 committed (18%): 1 item accepted, 0 rejected, 1 carried over, "
        "1 returned to the backlog, 1 dropped."
    )
    md = run_at("2026-12-03T09:00:00", "summary", "--sprint", "1", "--stdout").out
    assert "| Carried over | 1 | 1 |" in md
    assert "| Returned to the backlog | 1 | 5 |" in md
    assert "| Dropped | 1 | 3 |" in md
    # The review's outcomes say the same, with where the close sent each unfinished item.
    reviewed = {line.split(" | ")[0]: line for line in md.splitlines() if "| not checked |" in line}
    assert "| returned | not checked | back to the backlog |" in reviewed["| B-2"]
    assert "| dropped | not checked | dropped |" in reviewed["| B-3"]
    assert "| carried-over | not checked | carried over to the next sprint |" in reviewed["| B-4"]
    assert "Goal **not met** when it closed" in md  # closed from the command line: no review was held
    items_table = [line.split(" | ") for line in md.splitlines() if line.startswith("| B-") and "| committed |" in line]
    assert [(cells[0], cells[-1]) for cells in items_table] == [
        ("| B-1", "accepted |"),
        ("| B-2", "returned |"),
        ("| B-3", "dropped |"),
        ("| B-4", "carried-over |"),
    ]
