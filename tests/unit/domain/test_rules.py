"""The rules behind every figure: committed, completed, carry-over, velocity, capacity, readiness."""

from datetime import UTC, date, datetime

import pytest

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.rules import (
    aging_blockers,
    capacity_days,
    check_estimate,
    check_objective,
    plural,
    readiness_gaps,
    sprint_figures,
    sprints_of_ready_work,
    velocity_trend,
    working_days,
)
from ritual_tui.domain.settings import Objective, Settings, TeamMember
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def items(**statuses: str) -> dict[str, BacklogItem]:
    return {
        f"B-{n}": BacklogItem(id=f"B-{n}", title=f"item {n}", status=status, estimate=n)
        for n, status in ((int(k[1:]), v) for k, v in statuses.items())
    }


def sprint(number: int = 1, status: str = "active", **kwargs: object) -> Sprint:
    return Sprint(number=number, start=date(2026, 11, 16), end=date(2026, 11, 27), status=status, **kwargs)


def test_figures_with_scope_added_and_removed_and_a_carry_over() -> None:
    catalogue = items(b1="done", b2="in-progress", b3="done", b5="done")
    s = sprint(
        status="closed",
        commitment=[
            CommittedItem(item="B-1", estimate=1),
            CommittedItem(item="B-2", estimate=2),
            CommittedItem(item="B-5", estimate=5),
        ],
        scope_changes=[
            ScopeChange(at=AT, item="B-3", change="added", estimate=3),
            ScopeChange(at=AT, item="B-5", change="removed", estimate=5),
        ],
    )
    figures = sprint_figures(s, catalogue)
    assert figures.committed == ["B-1", "B-2", "B-5"]
    assert figures.committed_points == 8
    assert figures.added == ["B-3"]
    assert figures.removed == ["B-5"]
    # Closed without review outcomes: an item counts as completed when it was done by the last day.
    assert figures.completed == []
    catalogue["B-1"].done_on = catalogue["B-3"].done_on = date(2026, 11, 20)
    catalogue["B-5"].done_on = date(2026, 11, 21)
    figures = sprint_figures(s, catalogue)
    assert figures.completed == ["B-1", "B-3"]  # B-5 was done but had left the sprint
    assert figures.completed_points == 4
    assert figures.carried_over == ["B-2"]


def test_review_outcomes_decide_over_item_status() -> None:
    catalogue = items(b1="done", b2="done")
    s = sprint(
        status="closed",
        commitment=[CommittedItem(item="B-1", estimate=1), CommittedItem(item="B-2", estimate=2)],
        outcomes={"B-1": "accepted", "B-2": "rejected"},
    )
    figures = sprint_figures(s, catalogue)
    assert figures.completed == ["B-1"]
    assert figures.rejected == ["B-2"]
    assert figures.carried_over == []


def test_frozen_estimates_count_even_after_re_estimation() -> None:
    catalogue = items(b1="done")
    catalogue["B-1"].estimate = 13
    s = sprint(commitment=[CommittedItem(item="B-1", estimate=3)])
    assert sprint_figures(s, catalogue).completed_points == 3


def test_an_empty_sprint_has_zero_everywhere() -> None:
    figures = sprint_figures(sprint(), {})
    assert (figures.committed_points, figures.completed_points, figures.completed) == (0, 0, [])


def test_velocity_covers_every_closed_sprint_uncapped() -> None:
    catalogue = {f"B-{n}": BacklogItem(id=f"B-{n}", title="x", status="done", estimate=2) for n in range(1, 21)}
    sprints = [
        sprint(n, status="closed", commitment=[CommittedItem(item=f"B-{n}", estimate=n % 5 + 1)]) for n in range(1, 21)
    ]
    sprints.append(sprint(21, status="active"))
    for n in range(1, 21):
        sprints[n - 1].outcomes = {f"B-{n}": "accepted"}
    trend = velocity_trend(sprints, catalogue)
    assert len(trend.by_sprint) == 20
    assert trend.minimum == 1 and trend.maximum == 5
    assert trend.mean == pytest.approx(3.0)
    assert trend.last_three == pytest.approx((4 + 5 + 1) / 3)
    # As the 4th sprint ended: sprints 1 to 4 carried 2, 3, 4, 5 points.
    assert velocity_trend(sprints, catalogue, up_to=4).mean == pytest.approx((2 + 3 + 4 + 5) / 4)


def test_a_first_sprint_has_no_velocity() -> None:
    trend = velocity_trend([sprint()], {})
    assert trend.mean is None and trend.last_three is None
    assert sprints_of_ready_work(10, trend.mean) is None


def test_capacity_counts_weekdays_times_availability_less_days_away() -> None:
    settings = Settings(team=[TeamMember(name="Ada"), TeamMember(name="Bo", availability=0.5)])
    assert working_days(date(2026, 11, 16), date(2026, 11, 29)) == 10
    assert capacity_days(settings, date(2026, 11, 16), date(2026, 11, 29), {"Ada": 2}) == 8 + 5


def test_estimate_must_be_on_the_scale_and_keeps_its_form() -> None:
    settings = Settings()
    assert check_estimate(3.0, settings) == 3
    assert isinstance(check_estimate(3.0, settings), int)
    with pytest.raises(ValidationError, match="Estimate 4 is not on the scale"):
        check_estimate(4, settings)


def test_objective_must_be_known() -> None:
    settings = Settings(objectives=[Objective(id="O-1", title="t")])
    assert check_objective("O-1", settings) == "O-1"
    with pytest.raises(ValidationError, match="known objectives are O-1"):
        check_objective("O-2", settings)


def test_readiness_gaps_name_what_is_missing() -> None:
    settings = Settings(objectives=[Objective(id="O-1", title="t")])
    gaps = readiness_gaps(BacklogItem(title="x", status="refining"), settings)
    assert gaps == [
        "status is refining",
        "no estimate",
        "story incomplete (as a / I want / so that)",
        "no acceptance criteria",
        "not linked to an objective",
    ]
    ready = BacklogItem(
        title="x", status="ready", estimate=3, as_a="a", i_want="b", so_that="c", acceptance=["Given…"], objective="O-1"
    )
    assert readiness_gaps(ready, settings) == []


def test_a_blocker_open_for_the_threshold_of_dailies_is_flagged_once() -> None:
    settings = Settings(blocker_aging_dailies=3)
    days = [date(2026, 11, d) for d in (23, 24, 25)]
    old = Blocker(id="BL-1", title="x", seen_on=days, first_seen=days[0])
    young = Blocker(id="BL-2", title="y", seen_on=days[:2], first_seen=days[0])
    escalated = Blocker(id="BL-3", title="z", seen_on=days, first_seen=days[0], escalation="E-1")
    resolved = Blocker(id="BL-4", title="w", seen_on=days, first_seen=days[0], status="resolved")
    assert aging_blockers([old, young, escalated, resolved], settings) == [old]


def test_escalation_lifecycle_records_history_and_refuses_skipping_back() -> None:
    e = Escalation(id="E-1", title="x", raised=date(2026, 11, 1))
    e.move_to("sent", AT)
    e.move_to("answered", AT, "yes")
    e.move_to("resolved", AT)
    assert [h.status for h in e.history] == ["sent", "answered", "resolved"]
    assert e.closed == AT.date()
    assert e.age_days(date(2026, 12, 31)) == 19
    with pytest.raises(ValidationError, match="closed"):
        e.move_to("withdrawn", AT)
    fresh = Escalation(id="E-2", title="y")
    with pytest.raises(ValidationError, match="can become"):
        fresh.move_to("open", AT)


def test_plural_says_one_daily_and_three_dailies() -> None:
    assert [plural(n, "daily", "dailies") for n in (0, 1, 3)] == ["0 dailies", "1 daily", "3 dailies"]
    assert [plural(n, "item") for n in (1, 2)] == ["1 item", "2 items"]
