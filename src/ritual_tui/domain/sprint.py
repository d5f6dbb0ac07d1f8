"""Sprints: the commitment frozen at planning, the scope that changed after, and the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.fields import Part, Record, vocabulary
from ritual_tui.domain.review import GOAL_VERDICTS, CloseOut, ItemReview

SPRINT_STATUSES = ("active", "closed")
#: How the scope of a running sprint changed.
SCOPE_CHANGES = ("added", "removed")
#: What became of a committed item at the review.
OUTCOMES = ("accepted", "rejected", "carried-over")


@dataclass(kw_only=True)
class CommittedItem(Part):
    """One line of the commitment snapshot: the item and its estimate when the sprint started."""

    item: str
    title: str = ""
    estimate: float | None = None


@dataclass(kw_only=True)
class ScopeChange(Part):
    """An item added to or removed from the sprint after it started."""

    at: datetime
    item: str
    change: str = vocabulary(SCOPE_CHANGES)
    estimate: float | None = None
    reason: str = ""


@dataclass(kw_only=True)
class ItemAtClose:
    """One item in the sprint's scope as it stood when the sprint closed."""

    item: str
    #: Its status just before the close sent unfinished items back to ``ready``.
    status: str = ""
    #: Its estimate then (the commitment keeps the one it had at the start).
    estimate: float | None = None
    objective: str = ""


@dataclass(kw_only=True)
class SprintClose:
    """What was true when the sprint closed and no record's history can tell later: a closed
    sprint's summary reads these instead of today's backlog."""

    on: date
    items: list[ItemAtClose] = field(default_factory=list)
    #: Ready items not in a sprint, and their points, once unfinished items went back to ready.
    ready_items: int = 0
    ready_points: float = 0
    #: Objective id ("" for none) → points of its items neither done nor dropped.
    left_by_objective: dict[str, float] = field(default_factory=dict)
    #: Decision id → status, for the decisions dated in the sprint.
    decisions: dict[str, str] = field(default_factory=dict)

    def item(self, item_id: str) -> ItemAtClose | None:
        """The line of one item, if it was in scope at the close."""
        return next((line for line in self.items if line.item == item_id), None)


@dataclass(kw_only=True)
class Sprint(Record):
    """One sprint, from planning to its close."""

    KIND = "sprint"
    PREFIX = "S"
    FOLDER = "sprints"

    number: int
    start: date
    end: date
    goal: str = ""
    #: The roadmap objective the goal serves.
    goal_objective: str = ""
    #: Capacity in person-days, from the team's availability.
    capacity_days: float | None = None
    #: The points forecast at planning.
    forecast: float | None = None
    status: str = vocabulary(SPRINT_STATUSES, "active")
    #: Frozen when the sprint starts; never changed afterwards.
    commitment: list[CommittedItem] = field(default_factory=list)
    scope_changes: list[ScopeChange] = field(default_factory=list)
    #: Item id → accepted, rejected or carried-over, set at the review.
    outcomes: dict[str, str] = field(default_factory=dict, metadata={"choices": OUTCOMES})
    goal_met: bool | None = None
    #: The verdict on the goal at the review (met, partly, not-met; "" before): ``goal_met`` is
    #: true only when it is met.
    goal_verdict: str = vocabulary(("", *GOAL_VERDICTS), "")
    #: Why the goal was met or not, in one line, in the PO's words at the review.
    goal_reason: str = ""
    #: How each item was inspected at the review: criteria and Definition of Done, overrides.
    reviews: list[ItemReview] = field(default_factory=list)
    #: What became of each item not accepted, decided when the sprint was closed.
    close_out: list[CloseOut] = field(default_factory=list)
    closed: datetime | None = None
    #: Frozen at the close: what the summary of a closed sprint cannot rebuild from history.
    at_close: SprintClose | None = None

    def committed_ids(self) -> list[str]:
        """Ids in the planning snapshot."""
        return [line.item for line in self.commitment]

    def current_ids(self) -> list[str]:
        """Ids in the sprint now: the snapshot plus added, minus removed, in order of arrival."""
        ids = self.committed_ids()
        for change in self.scope_changes:
            if change.change == "added" and change.item not in ids:
                ids.append(change.item)
            elif change.change == "removed" and change.item in ids:
                ids.remove(change.item)
        return ids

    def verdict(self) -> str:
        """The goal verdict: as given at the review, else as the yes/no of a sprint closed without one."""
        return self.goal_verdict or {True: "met", False: "not-met", None: ""}[self.goal_met]

    def review_of(self, item_id: str) -> ItemReview | None:
        """How an item was inspected at the review, if it was."""
        return next((r for r in self.reviews if r.item == item_id), None)

    def close_out_of(self, item_id: str) -> CloseOut | None:
        """What the close made of an item not accepted, if it decided anything."""
        return next((c for c in self.close_out if c.item == item_id), None)

    def sent_to(self, item_id: str) -> str:
        """Where the close sent an item not accepted: carry-over, return, drop, or "" (not decided)."""
        line = self.close_out_of(item_id)
        return line.action if line else ""

    def day_of(self, on: date) -> tuple[int, int]:
        """(day N, of M calendar days), N clamped to the sprint."""
        total = (self.end - self.start).days + 1
        return min(max((on - self.start).days + 1, 1), total), total
