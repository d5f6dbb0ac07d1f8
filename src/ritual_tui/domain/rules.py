"""The product's rules: what counts as committed, completed and carried over; velocity; capacity;
readiness; blocker aging. Every figure in a report comes from here, so it is defined once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ritual_tui.domain.backlog import NOT_READY, BacklogItem
from ritual_tui.domain.daily_records import Blocker
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


def plural(count: int, word: str) -> str:
    """ "1 item", "3 items"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def format_points(points: float | None) -> str:
    """Points as a PO writes them: 3, 0.5, or "?" when unestimated."""
    if points is None:
        return "?"
    return str(int(points)) if float(points).is_integer() else f"{points:g}"


def points(values: Iterable[float | None]) -> float:
    """Sum of estimates, unestimated counting as zero."""
    return float(sum(v for v in values if v is not None))


@dataclass(frozen=True)
class SprintFigures:
    """What a sprint delivered, by the definitions in the README."""

    committed: list[str]
    committed_points: float
    added: list[str]
    removed: list[str]
    completed: list[str]
    completed_points: float
    carried_over: list[str]
    rejected: list[str]


def item_points(sprint: Sprint, item_id: str, items: Mapping[str, BacklogItem]) -> float | None:
    """An item's points for this sprint: its frozen estimate, else the one it was added with, else now."""
    for line in sprint.commitment:
        if line.item == item_id and line.estimate is not None:
            return line.estimate
    for change in sprint.scope_changes:
        if change.item == item_id and change.change == "added" and change.estimate is not None:
            return change.estimate
    item = items.get(item_id)
    return item.estimate if item else None


def is_completed(sprint: Sprint, item_id: str, items: Mapping[str, BacklogItem]) -> bool:
    """Completed: accepted at the review, or (before any review outcome) marked done."""
    outcome = sprint.outcomes.get(item_id)
    if outcome is not None:
        return outcome == "accepted"
    item = items.get(item_id)
    return item is not None and item.status == "done"


def sprint_figures(sprint: Sprint, items: Mapping[str, BacklogItem]) -> SprintFigures:
    """Committed vs completed, scope change and carry-over for one sprint."""
    committed = sprint.committed_ids()
    added = [c.item for c in sprint.scope_changes if c.change == "added"]
    removed = [c.item for c in sprint.scope_changes if c.change == "removed"]
    scope = sprint.current_ids()
    completed = [i for i in scope if is_completed(sprint, i, items)]
    rejected = [i for i in scope if sprint.outcomes.get(i) == "rejected"]
    if sprint.status == "closed":
        carried = [i for i in scope if i not in completed and i not in rejected]
    else:
        carried = [i for i in scope if sprint.outcomes.get(i) == "carried-over"]
    return SprintFigures(
        committed=committed,
        committed_points=points(line.estimate for line in sprint.commitment),
        added=list(dict.fromkeys(added)),
        removed=list(dict.fromkeys(removed)),
        completed=completed,
        completed_points=points(item_points(sprint, i, items) for i in completed),
        carried_over=carried,
        rejected=rejected,
    )


def _mean(values: list[float]) -> float | None:
    # Not statistics.mean: its exact fractions cost ~7 ms of imports at every start, for figures
    # shown to two decimals.
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class VelocityTrend:
    """Velocity over every closed sprint (never capped)."""

    by_sprint: list[tuple[int, float]]

    @property
    def mean(self) -> float | None:
        return _mean([v for _, v in self.by_sprint])

    @property
    def minimum(self) -> float | None:
        return min((v for _, v in self.by_sprint), default=None)

    @property
    def maximum(self) -> float | None:
        return max((v for _, v in self.by_sprint), default=None)

    @property
    def last_three(self) -> float | None:
        return _mean([v for _, v in self.by_sprint[-3:]])


def velocity_trend(sprints: Sequence[Sprint], items: Mapping[str, BacklogItem]) -> VelocityTrend:
    """Completed points of each closed sprint, oldest first."""
    closed = sorted((s for s in sprints if s.status == "closed"), key=lambda s: s.number)
    return VelocityTrend([(s.number, sprint_figures(s, items).completed_points) for s in closed])


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
