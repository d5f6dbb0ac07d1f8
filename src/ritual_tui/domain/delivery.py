"""What a sprint delivered, by the README's definitions: committed, added, removed, completed,
carried over, rejected and still to do.

Each item counts at the points it carried in the sprint: its estimate frozen in the commitment, or
the estimate it was added with; unestimated then counts as zero, whatever it is estimated at later.
Every count and sum comes from one walk through the scope's history, so that
committed + added − removed = completed + carried over + rejected + still to do, always.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.sprint import Sprint


@dataclass(frozen=True)
class ScopeEvent:
    """An item that entered or left the sprint after it started, at the points it carried."""

    at: datetime
    item: str
    change: str  # "added" or "removed"
    points: float
    reason: str = ""


@dataclass(frozen=True)
class ScopeLedger:
    """The sprint's scope from its commitment through every change that took effect."""

    #: Item → points it carries, for the items committed at the start.
    committed: dict[str, float]
    events: list[ScopeEvent]
    #: Item → points it carries, for the items in scope after the last change.
    scope: dict[str, float]
    #: Item → the points it carried when last in scope (items removed included).
    points_of: dict[str, float]
    #: Items that entered the sprint without an estimate (they carry zero points).
    unestimated: set[str]


def scope_ledger(sprint: Sprint) -> ScopeLedger:
    """Walk the commitment, then the scope changes in the order they were recorded; a change that
    could not take effect (adding an item already in, removing one not in) is passed over."""
    committed = {line.item: line.estimate or 0.0 for line in sprint.commitment}
    unestimated = {line.item for line in sprint.commitment if line.estimate is None}
    scope = dict(committed)
    points_of = dict(committed)
    events = []
    for change in sprint.scope_changes:
        if change.change == "added" and change.item not in scope:
            scope[change.item] = points_of[change.item] = change.estimate or 0.0
            (unestimated.add if change.estimate is None else unestimated.discard)(change.item)
            events.append(ScopeEvent(change.at, change.item, "added", scope[change.item], change.reason))
        elif change.change == "removed" and change.item in scope:
            events.append(ScopeEvent(change.at, change.item, "removed", scope.pop(change.item), change.reason))
    return ScopeLedger(committed, events, scope, points_of, unestimated)


@dataclass(frozen=True)
class SprintFigures:
    """Where each item of a sprint ended, with the points it carried."""

    committed: list[str]
    #: One entry per change that took effect: an item added twice is listed twice.
    added: list[str]
    removed: list[str]
    completed: list[str]
    #: Not finished at the close and carried over to the next sprint (the close-out's default).
    carried_over: list[str]
    #: Not finished at the close and returned to the backlog, or dropped, as the close-out decided.
    returned: list[str]
    dropped: list[str]
    rejected: list[str]
    #: In scope and not finished, in a sprint not closed yet.
    still_to_do: list[str]
    ledger: ScopeLedger

    def points(self, ids: Iterable[str]) -> float:
        """Sum of the points these items carried in the sprint."""
        return float(sum(self.ledger.points_of.get(i, 0.0) for i in ids))

    @property
    def committed_points(self) -> float:
        return float(sum(self.ledger.committed.values()))

    @property
    def added_points(self) -> float:
        return float(sum(e.points for e in self.ledger.events if e.change == "added"))

    @property
    def removed_points(self) -> float:
        return float(sum(e.points for e in self.ledger.events if e.change == "removed"))

    @property
    def completed_points(self) -> float:
        return self.points(self.completed)


def last_day(sprint: Sprint) -> date:
    """The sprint's last day: its end, or the day it closed when it closed earlier."""
    return sprint.closed.date() if sprint.closed and sprint.closed.date() < sprint.end else sprint.end


def done_by(sprint: Sprint, item_id: str, item: BacklogItem | None) -> date | None:
    """The day an item of the sprint counts as done, if it does: for a closed sprint, an item
    accepted at the review (on its done day, or on the last day when that is unknown or later);
    for a running one, an item whose status is done."""
    outcome = sprint.outcomes.get(item_id)
    last = last_day(sprint)
    done_on = item.done_on if item is not None and item.status == "done" else None
    if outcome == "accepted":
        return done_on if done_on and done_on <= last else last
    if outcome is not None or item is None:
        return None
    if sprint.status == "closed":  # closed before outcomes were recorded: done within the sprint counts
        return done_on if done_on and done_on <= last else None
    return done_on or (last if item.status == "done" else None)


def sprint_figures(sprint: Sprint, items: Mapping[str, BacklogItem]) -> SprintFigures:
    """Committed vs completed, scope change, carry-over and rejection for one sprint."""
    ledger = scope_ledger(sprint)
    completed: list[str] = []
    rejected: list[str] = []
    to_do: list[str] = []
    # Where the close-out sent an unfinished item; the review's outcome says "carried-over" for all.
    unfinished: dict[str, list[str]] = {"carry-over": [], "return": [], "drop": []}
    for item_id in ledger.scope:
        outcome = sprint.outcomes.get(item_id)
        if done_by(sprint, item_id, items.get(item_id)) is not None:
            completed.append(item_id)
        elif outcome == "rejected":
            rejected.append(item_id)
        elif outcome == "carried-over" or sprint.status == "closed":
            unfinished[sprint.sent_to(item_id) or "carry-over"].append(item_id)
        else:
            to_do.append(item_id)
    return SprintFigures(
        committed=list(ledger.committed),
        added=[e.item for e in ledger.events if e.change == "added"],
        removed=[e.item for e in ledger.events if e.change == "removed"],
        completed=completed,
        carried_over=unfinished["carry-over"],
        returned=unfinished["return"],
        dropped=unfinished["drop"],
        rejected=rejected,
        still_to_do=to_do,
        ledger=ledger,
    )
