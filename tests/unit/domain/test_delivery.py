"""What a sprint delivered: each item at the points it carried in, and the scope's balance."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.delivery import sprint_figures
from ritual_tui.domain.progress import burndown
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def item(n: int, estimate: float | None, status: str = "in-progress", done_on: date | None = None) -> BacklogItem:
    return BacklogItem(id=f"B-{n}", title=f"item {n}", estimate=estimate, status=status, done_on=done_on)


def test_an_item_committed_unestimated_counts_zero_even_once_estimated() -> None:
    # 3 items, 7 points: B-1 (2), B-2 (5), B-3 unestimated, then estimated 3 and done.
    s = Sprint(
        number=1,
        start=date(2026, 11, 16),
        end=date(2026, 11, 29),
        commitment=[
            CommittedItem(item="B-1", estimate=2),
            CommittedItem(item="B-2", estimate=5),
            CommittedItem(item="B-3"),
        ],
    )
    items = {
        "B-1": item(1, 2, "done", date(2026, 11, 18)),
        "B-2": item(2, 5),
        "B-3": item(3, 3, "done", date(2026, 11, 19)),
    }
    figures = sprint_figures(s, items)
    assert (len(figures.committed), figures.committed_points) == (3, 7)
    assert (figures.completed, figures.completed_points) == (["B-1", "B-3"], 2)  # 2 + 0, not 2 + 3
    assert figures.ledger.unestimated == {"B-3"}
    days = burndown(s, items, date(2026, 11, 20))
    # Starts at the 7 committed, never above: B-1 done on the 18th leaves 5; B-3 done on the 19th
    # was carrying 0, so 5 stays.
    assert [d.remaining for d in days[:5]] == [7, 7, 5, 5, 5]


def test_scope_balance_holds_through_adds_removes_and_a_re_add() -> None:
    # Committed B-1 (3) + B-2 (5) = 8. B-3 added at 2, removed, added again at 8 (re-estimated
    # meanwhile); B-2 removed. Scope: B-1 (3) + B-3 (8) = 11 = 8 + (2 + 8) − (2 + 5).
    s = Sprint(
        number=1,
        start=date(2026, 11, 16),
        end=date(2026, 11, 29),
        commitment=[CommittedItem(item="B-1", estimate=3), CommittedItem(item="B-2", estimate=5)],
        scope_changes=[
            ScopeChange(at=at(17), item="B-3", change="added", estimate=2),
            ScopeChange(at=at(18), item="B-3", change="removed", estimate=2),
            ScopeChange(at=at(19), item="B-3", change="added", estimate=8),
            ScopeChange(at=at(19, 11), item="B-2", change="removed", estimate=8),
            ScopeChange(at=at(20), item="B-2", change="removed", estimate=8),  # no longer in: passed over
        ],
    )
    items = {"B-1": item(1, 3, "done", date(2026, 11, 20)), "B-2": item(2, 8), "B-3": item(3, 8)}
    f = sprint_figures(s, items)
    assert (f.added, f.removed) == (["B-3", "B-3"], ["B-3", "B-2"])
    assert (f.added_points, f.removed_points) == (10, 7)  # the removed B-2 carried its committed 5
    assert (f.completed_points, f.points(f.still_to_do)) == (3, 8)
    assert f.committed_points + f.added_points - f.removed_points == f.completed_points + f.points(f.still_to_do)
    assert len(f.committed) + len(f.added) - len(f.removed) == len(f.completed) + len(f.still_to_do)


def test_the_ideal_line_falls_over_working_days_only() -> None:
    # 15 points, Thursday 19 Nov to Wednesday 2 Dec: 14 days, 10 of them working days. The ideal at
    # the end of a day is 15 × working days left ÷ 10: Thu 13.5, Fri 12, flat over the weekend, ...
    fifteen = [CommittedItem(item="B-1", estimate=15)]
    s = Sprint(number=1, start=date(2026, 11, 19), end=date(2026, 12, 2), commitment=fifteen)
    days = burndown(s, {"B-1": item(1, 15)}, date(2026, 11, 24))
    assert [d.ideal for d in days] == pytest.approx([13.5, 12, 12, 12, 10.5, 9, 7.5, 6, 4.5, 4.5, 4.5, 3, 1.5, 0])
    assert [d.working_day for d in days[:5]] == [True, True, False, False, True]
    # Remaining is known up to today (the 6th day) and to come after.
    assert [d.remaining for d in days[5:8]] == [15, None, None]
