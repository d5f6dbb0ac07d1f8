"""The product's rules: velocity, capacity, readiness, blocker aging, and the checks on what a PO
types. With :mod:`ritual_tui.domain.delivery` (what a sprint delivered), every figure in a report
comes from here, so it is defined once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ritual_tui.domain.backlog import NOT_READY, BacklogItem
from ritual_tui.domain.daily_records import Blocker

# What a sprint delivered lives in domain.delivery; the home overview still imports it from here.
from ritual_tui.domain.delivery import SprintFigures as SprintFigures
from ritual_tui.domain.delivery import sprint_figures as sprint_figures
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint


def check_estimate(estimate: float | None, settings: Settings) -> float | None:
    """Refuse an estimate that is not on the workspace's scale."""
    if estimate is None:
        return None
    if estimate not in settings.estimation_scale:
        scale = ", ".join(format_points(p) for p in settings.estimation_scale)
        raise ValidationError(f"Estimate {format_points(estimate)} is not on the scale ({scale}).")
    # The scale's own value, so that 3 stays 3 and not 3.0 in the file.
    return settings.estimation_scale[settings.estimation_scale.index(estimate)]


def check_objective(objective: str, settings: Settings) -> str:
    """Refuse an objective id the settings do not list ("" means none)."""
    if objective and objective not in settings.objective_ids():
        known = ", ".join(settings.objective_ids())
        hint = f"known objectives are {known}" if known else "no objectives are set in workspace.toml"
        raise ValidationError(f"Unknown roadmap objective {objective!r}: {hint}.")
    return objective


def plural(count: int, word: str, many: str = "") -> str:
    """ "1 item", "3 items"; ``many`` for a word whose plural is not word + s ("dailies")."""
    return f"{count} {word}" if count == 1 else f"{count} {many or word + 's'}"


def format_points(points: float | None) -> str:
    """Points as a PO writes them: 3, 0.5, or "?" when unestimated."""
    if points is None:
        return "?"
    return str(int(points)) if float(points).is_integer() else f"{points:g}"


def points(values: Iterable[float | None]) -> float:
    """Sum of estimates, unestimated counting as zero."""
    return float(sum(v for v in values if v is not None))


def _mean(values: list[float]) -> float | None:
    # Not statistics.mean: its exact fractions cost ~7 ms of imports at every start, for figures
    # shown to two decimals.
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class SprintVelocity:
    """One closed sprint's committed and completed points."""

    sprint: int
    committed: float
    completed: float


@dataclass(frozen=True)
class VelocityTrend:
    """Velocity over every closed sprint counted (never capped)."""

    by_sprint: list[SprintVelocity]

    @property
    def mean(self) -> float | None:
        return _mean([v.completed for v in self.by_sprint])

    @property
    def minimum(self) -> float | None:
        return min((v.completed for v in self.by_sprint), default=None)

    @property
    def maximum(self) -> float | None:
        return max((v.completed for v in self.by_sprint), default=None)

    @property
    def last_three(self) -> float | None:
        return _mean([v.completed for v in self.by_sprint[-3:]])


def velocity_trend(
    sprints: Sequence[Sprint], items: Mapping[str, BacklogItem], up_to: int | None = None
) -> VelocityTrend:
    """Committed and completed points of each closed sprint, oldest first; with ``up_to``, only the
    sprints numbered up to it (what was known when that sprint ended)."""
    closed = sorted(
        (s for s in sprints if s.status == "closed" and (up_to is None or s.number <= up_to)), key=lambda s: s.number
    )
    trend = []
    for s in closed:
        figures = sprint_figures(s, items)
        trend.append(SprintVelocity(s.number, figures.committed_points, figures.completed_points))
    return VelocityTrend(trend)


def working_days(start: date, end: date) -> int:
    """Weekdays from start to end, both included."""
    days = 0
    day = start
    while day <= end:
        days += day.weekday() < 5
        day += timedelta(days=1)
    return days


def capacity_days(settings: Settings, start: date, end: date, away: Mapping[str, float] = {}) -> float:
    """Person-days available: each member's availability × working days, less days away."""
    span = working_days(start, end)
    return sum(max(0.0, m.availability * span - away.get(m.name, 0.0)) for m in settings.team)


def ready_points(items: Iterable[BacklogItem], exclude: Iterable[str] = ()) -> float:
    """Points of items ready to be planned (not already in a sprint)."""
    skip = set(exclude)
    return points(i.estimate for i in items if i.status == "ready" and i.id not in skip)


def sprints_of_ready_work(ready: float, velocity: float | None) -> float | None:
    """Ready points ÷ mean velocity: how many sprints the ready backlog would feed."""
    if not velocity:
        return None
    return ready / velocity


def unchecked_ready_entries(item: BacklogItem, settings: Settings) -> list[str]:
    """Definition of Ready entries not yet ticked for this item (ticked in refinement)."""
    return [entry for entry in settings.definition_of_ready if entry not in item.ready_checks]


def readiness_gaps(item: BacklogItem, settings: Settings) -> list[str]:
    """What visibly keeps an item from being plannable: its status, and missing parts."""
    gaps = []
    if item.status in NOT_READY:
        gaps.append(f"status is {item.status}")
    if item.estimate is None:
        gaps.append("no estimate")
    if item.kind == "story" and not (item.as_a and item.i_want and item.so_that):
        gaps.append("story incomplete (as a / I want / so that)")
    if item.kind == "story" and not item.acceptance:
        gaps.append("no acceptance criteria")
    if settings.objectives and not item.objective:
        gaps.append("not linked to an objective")
    return gaps


def aging_blockers(blockers: Iterable[Blocker], settings: Settings) -> list[Blocker]:
    """Open blockers seen in at least the threshold number of dailies and not yet escalated."""
    return [
        b
        for b in blockers
        if b.status == "open" and not b.escalation and b.dailies_open() >= settings.blocker_aging_dailies
    ]


@dataclass(frozen=True)
class BlockerOn:
    """A blocker as it stood at the end of a day, rebuilt from its first-seen, seen-on and resolved days."""

    open: bool
    #: Dailies that had seen it open by then.
    dailies: int
    #: Days from first seen to its resolution, or to that day while still open.
    days_open: int


def blocker_on(blocker: Blocker, day: date) -> BlockerOn:
    """What was true of a blocker on ``day``; one marked resolved without a day counts as resolved
    on the last day it was seen."""
    resolved = blocker.resolved
    if resolved is None and blocker.status == "resolved":
        resolved = blocker.last_seen or blocker.first_seen
    still_open = resolved is None or resolved > day
    seen = {d for d in blocker.seen_on if d <= day}
    dailies = len(seen) or (1 if blocker.first_seen and blocker.first_seen <= day else 0)
    end = day if still_open or resolved is None else resolved
    days_open = max(0, (end - blocker.first_seen).days) if blocker.first_seen else 0
    return BlockerOn(still_open, dailies, days_open)
