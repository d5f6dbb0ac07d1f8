"""The forecast against histories small enough to check on paper."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ritual_tui.domain.forecast import PastSprint, forecast, history
from ritual_tui.domain.sprint import CommittedItem, Sprint


def past(*completed: float, capacity: float | None = 40.0) -> list[PastSprint]:
    return [PastSprint(n, committed=20, completed=c, capacity_days=capacity) for n, c in enumerate(completed, start=1)]


def test_p50_and_p85_from_five_sprints_of_equal_capacity() -> None:
    # Velocities 20 16 14 12 10, each a fifth of the outcomes. 85% of 5 sprints is 4.25: only the
    # lowest (10) is reached by all five, so P85 is 10. Half is 2.5: 14 is reached by three, so P50 14.
    f = forecast(past(14, 10, 20, 12, 16), 40)
    assert (f.p50, f.p85) == (14, 10)
    assert f.p85 <= f.p50
    # 14 or more in 3 of 5 outcomes; 10 or more in all; 21 in none.
    assert f.chance(14) == 3 / 5
    assert (f.chance(10), f.chance(21), f.chance(0)) == (1.0, 0.0, 1.0)
    assert f.caveat == ""


def test_velocities_are_scaled_to_this_sprints_capacity() -> None:
    # 30 person-days now against 40 then: 10 12 14 16 20 become 7.5 9 10.5 12 15.
    f = forecast(past(10, 12, 14, 16, 20), 30)
    assert f.scaled == (7.5, 9.0, 10.5, 12.0, 15.0)
    # P85 is the lowest (7.5 points, 7 whole points reached); P50 the middle one (10.5, so 10).
    assert (f.p50, f.p85) == (10, 7)


def test_sprints_of_different_capacities_count_by_points_per_person_day() -> None:
    # 10 points in 20 days and 30 in 60 are 0.5 a day; 12 in 40 is 0.3 a day. At 50 days: 25, 25, 15.
    history_ = [
        PastSprint(1, 12, 10, 20.0),
        PastSprint(2, 30, 30, 60.0),
        PastSprint(3, 15, 12, 40.0),
    ]
    f = forecast(history_, 50)
    assert f.scaled == (25.0, 25.0, 15.0)
    # 15 is a third of the outcomes (≥ 15%, < 50%): P85 15, P50 25; 20 points in two thirds.
    assert (f.p50, f.p85) == (25, 15)
    assert f.chance(20) == 2 / 3


def test_four_sprints_put_p50_on_the_second_best() -> None:
    # 17 13 11 9: exactly half the outcomes reach 13, so P50 is 13; all four reach 9, so P85 is 9.
    f = forecast(past(9, 13, 11, 17), 40)
    assert (f.p50, f.p85, f.chance(12), f.chance(13.5)) == (13, 9, 0.5, 0.25)


def test_no_history_says_so_instead_of_dividing_by_zero() -> None:
    f = forecast([], 45)
    assert (f.p50, f.p85, f.chance(10)) == (None, None, None)
    assert f.caveat.startswith("No closed sprint yet")
    assert f.how == "No closed sprint to resample: no forecast."


@pytest.mark.parametrize("count", [1, 2])
def test_fewer_than_three_sprints_make_a_wide_range(count: int) -> None:
    f = forecast(past(*[12, 18][:count]), 40)
    assert "the range is wide" in f.caveat and f"Only {count} closed sprint" in f.caveat


def test_a_sprint_without_a_recorded_capacity_is_taken_as_it_was() -> None:
    f = forecast([PastSprint(1, 10, 12, None), *past(20, 20)[1:]], 20)
    # Sprint 1 stays 12; sprint 2 (20 points in 40 days) at 20 days is 10.
    assert f.scaled == (12.0, 10.0)
    assert f.unscaled == [1] and "Taken unscaled (no capacity recorded): sprint 1." in f.how


def test_nobody_available_forecasts_nothing() -> None:
    f = forecast(past(10, 12, 14), 0)
    assert (f.p50, f.p85) == (0, 0) and "0 person-days" in f.caveat


def _sprint(number: int, start: date, committed: dict[str, float], accepted: list[str], **extra: object) -> Sprint:
    return Sprint(
        number=number,
        start=start,
        end=start + timedelta(days=13),
        status="closed",
        capacity_days=40.0,
        commitment=[CommittedItem(item=i, estimate=p) for i, p in committed.items()],
        outcomes={i: "accepted" if i in accepted else "carried-over" for i in committed},
        **extra,  # type: ignore[arg-type]
    )


def test_history_reads_committed_against_completed_and_leaves_out_a_sprint_closed_early() -> None:
    start = date(2026, 10, 5)
    early = datetime(2026, 11, 4, 16, tzinfo=UTC)  # day 10 of 14
    sprints = [
        _sprint(2, start + timedelta(days=14), {"B-3": 8, "B-4": 2}, ["B-4"]),
        _sprint(1, start, {"B-1": 3, "B-2": 5}, ["B-1", "B-2"]),
        _sprint(3, start + timedelta(days=28), {"B-5": 5}, [], closed=early),
        Sprint(number=4, start=start + timedelta(days=42), end=start + timedelta(days=55)),  # running
    ]
    read = history(sprints, {})
    # Oldest first: 3+5 committed and done; 8+2 committed, 2 done; sprint 3 closed before its end.
    assert [(p.number, p.committed, p.completed, p.closed_early) for p in read] == [
        (1, 8, 8, False),
        (2, 10, 2, False),
        (3, 5, 0, True),
    ]
    assert [p.number for p in history(sprints, {}, last=2)] == [2, 3]
    f = forecast(read, 40)
    assert [p.number for p in f.history] == [1, 2] and f.closed_early == (3,)
    assert "Left out (closed before their last day): sprint 3." in f.how
