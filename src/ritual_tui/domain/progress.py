"""Where a sprint stands: burndown, the ritual due today, and what waits for the PM."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.delivery import done_by, scope_ledger
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.rules import aging_blockers
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint


@dataclass(frozen=True)
class BurndownDay:
    """One day of a burndown: points still to do at its end, and where the ideal line is."""

    day: date
    ideal: float
    remaining: float | None  # None for days still to come
    #: False on weekends: the ideal line stays flat on them.
    working_day: bool = True
    #: Points that entered and left the scope that day.
    added: float = 0.0
    removed: float = 0.0


def burndown(sprint: Sprint, items: Mapping[str, BacklogItem], today: date) -> list[BurndownDay]:
    """Points left at the end of each sprint day: the scope that day (committed, plus added, less
    removed, each item at the points it carried) less what was done by then.

    The ideal line is where the commitment would stand had it fallen evenly over the working days:
    committed × working days left after that day ÷ working days, flat on weekends and zero at the end
    of the last working day. Both lines start from the commitment before the first day."""
    ledger = scope_ledger(sprint)
    days = [sprint.start + timedelta(days=offset) for offset in range((sprint.end - sprint.start).days + 1)]
    working = [day.weekday() < 5 for day in days]
    if not any(working):  # a sprint of weekend days only: every day counts
        working = [True] * len(days)
    committed = sum(ledger.committed.values())
    done = {item_id: done_by(sprint, item_id, items.get(item_id)) for item_id in ledger.points_of}
    scope = dict(ledger.committed)
    pending = list(ledger.events)
    working_left = sum(working)
    out = []
    for day, work in zip(days, working, strict=True):
        working_left -= work
        added = removed = 0.0
        while pending and (pending[0].at.date() <= day):
            event = pending.pop(0)
            if event.change == "added":
                scope[event.item] = event.points
                added += event.points
            else:
                scope.pop(event.item, None)
                removed += event.points
        ideal = committed * working_left / sum(working)
        if day > today and sprint.status != "closed":
            remaining = None
        else:
            remaining = float(sum(p for i, p in scope.items() if not ((d := done[i]) and d <= day)))
        out.append(BurndownDay(day, ideal, remaining, work, added, removed))
    return out


def ritual_due(sprint: Sprint | None, today: date) -> str:
    """Which ritual today calls for: planning on a sprint's first day, review on its last, refinement
    at its middle, a daily on any other weekday, and planning when no sprint is under way; none yet
    ("ahead") before a sprint planned ahead starts."""
    if sprint is None or sprint.status == "closed" or today > sprint.end:
        return "planning"
    if today < sprint.start:
        return "ahead"
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
