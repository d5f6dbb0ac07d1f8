"""Where a sprint stands: burndown, the ritual due today, and what waits for the PM."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.rules import aging_blockers, item_points, points
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint


@dataclass(frozen=True)
class BurndownDay:
    """One day of a burndown: points still to do, and where the ideal line is."""

    day: date
    ideal: float
    remaining: float | None  # None for days still to come


def burndown(sprint: Sprint, items: Mapping[str, BacklogItem], today: date) -> list[BurndownDay]:
    """Remaining points at the end of each sprint day: scope (committed, plus added, less removed,
    as of that day) less what was done by then. The ideal line falls evenly from the commitment."""
    total_days = (sprint.end - sprint.start).days + 1
    committed = points(line.estimate for line in sprint.commitment)
    days = []
    for offset in range(total_days):
        day = sprint.start + timedelta(days=offset)
        ideal = committed * (1 - (offset + 1) / total_days)
        if day > today and sprint.status != "closed":
            days.append(BurndownDay(day, ideal, None))
            continue
        scope = set(sprint.committed_ids())
        for change in sprint.scope_changes:
            if change.at.date() <= day:
                (scope.add if change.change == "added" else scope.discard)(change.item)
        remaining = 0.0
        for item_id in scope:
            item = items.get(item_id)
            done = item is not None and item.done_on is not None and item.done_on <= day
            accepted = sprint.outcomes.get(item_id, "accepted") == "accepted"
            if not (done and accepted):
                remaining += item_points(sprint, item_id, items) or 0.0
        days.append(BurndownDay(day, ideal, remaining))
    return days


def ritual_due(sprint: Sprint | None, today: date) -> str:
    """Which ritual today calls for: planning on a sprint's first day, review on its last, refinement
    at its middle, a daily on any other weekday, and planning when no sprint is under way."""
    if sprint is None or sprint.status == "closed" or today > sprint.end:
        return "planning"
    if today == sprint.start:
        return "planning"
    if today == sprint.end:
        return "review"
    if today == sprint.start + (sprint.end - sprint.start) / 2:
        return "refinement"
    return "daily" if today.weekday() < 5 else "none"


def by_urgency(escalations: Iterable[Escalation], settings: Settings) -> list[Escalation]:
    """Most severe first (by the settings' scale), then oldest first."""
    order = {name: i for i, name in enumerate(settings.escalation_severities)}
    return sorted(escalations, key=lambda e: (-order.get(e.severity, -1), e.raised or date.max, e.id))


@dataclass(frozen=True)
class WaitingForPM:
    """What the PM must act on: escalations open or sent (most severe, then oldest first) and aging blockers."""

    escalations: list[Escalation]
    aging_blockers: list[Blocker]


def waiting_for_pm(escalations: Iterable[Escalation], blockers: Iterable[Blocker], settings: Settings) -> WaitingForPM:
    """Escalations the PM has not answered yet, by urgency, and blockers past the aging threshold.
    (An answered escalation waits for the PO to resolve it, not for the PM.)"""
    waiting = [e for e in escalations if e.status in WAITING_FOR_PM]
    return WaitingForPM(by_urgency(waiting, settings), aging_blockers(blockers, settings))
