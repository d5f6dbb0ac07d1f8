"""A sprint as it stood on its summary's as-of day.

A running sprint is summed up as of today, so today's backlog is its truth. A closed sprint is
summed up as of its last day: what history rebuilds (scope changes, done days, outcomes) comes from
the records, and what it cannot (item statuses and estimates, decision statuses) from what the close
froze in the sprint (``Sprint.at_close``). A sprint closed before ritual-tui froze anything shows no
status or estimate of its own day, rather than today's.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.delivery import SprintFigures, last_day
from ritual_tui.domain.sprint import Sprint, SprintClose


def as_of_day(sprint: Sprint, today: date) -> date:
    """The day a summary's figures are true of: a closed sprint's last day, else today."""
    return last_day(sprint) if sprint.status == "closed" else today


def num(value: float | None) -> float | int | None:
    """Points as JSON: whole numbers as integers, others to two decimals."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


@dataclass(frozen=True)
class SprintOnDay:
    """One sprint, its figures, and what each of its items was on the as-of day."""

    sprint: Sprint
    as_of: date
    #: Today's backlog, from the store's index.
    items: Mapping[str, BacklogItem]
    figures: SprintFigures
    #: Items whose file could not be read (and was left out), so the report can say so.
    unreadable: Container[str] = ()

    def _missing(self, item_id: str) -> str:
        if item_id in self.unreadable:
            return "(left out: its file could not be read)"
        return "(item no longer in the backlog)"

    @property
    def running(self) -> bool:
        return self.sprint.status != "closed"

    @property
    def frozen(self) -> SprintClose | None:
        """What the close froze, for a closed sprint."""
        return None if self.running else self.sprint.at_close

    def status(self, item_id: str) -> str:
        """The item's status on the as-of day ("" when no record tells it)."""
        item = self.items.get(item_id)
        if self.running:
            return item.status if item else ""
        line = self.frozen.item(item_id) if self.frozen else None
        return line.status if line else ""

    def estimate(self, item_id: str) -> float | None:
        """The item's estimate on the as-of day (None when unestimated or not known)."""
        item = self.items.get(item_id)
        if self.running:
            return item.estimate if item else None
        line = self.frozen.item(item_id) if self.frozen else None
        return line.estimate if line else None

    def objective(self, item_id: str) -> str:
        """The objective the item served: as frozen at the close, else as recorded today."""
        line = self.frozen.item(item_id) if self.frozen else None
        if line is not None:
            return line.objective
        item = self.items.get(item_id)
        return item.objective if item else ""

    def decision_status(self, decision: Decision) -> str:
        """A decision's status on the as-of day: as frozen at the close, else today's."""
        if self.frozen and decision.id in self.frozen.decisions:
            return self.frozen.decisions[decision.id]
        return decision.status

    def item_line(self, item_id: str) -> dict[str, Any]:
        """One item of the sprint: the points it carried, its estimate and status then, its outcome."""
        item = self.items.get(item_id)
        f = self.figures
        return {
            "id": item_id,
            "title": item.title if item else self._missing(item_id),
            "points": num(f.ledger.points_of.get(item_id, 0.0)),
            "unestimated": item_id in f.ledger.unestimated,
            "estimate": num(self.estimate(item_id)),
            "objective": self.objective(item_id),
            "status": self.status(item_id),
            "outcome": self.sprint.outcomes.get(item_id, ""),
            "close_out": self.sprint.sent_to(item_id),
            "committed": item_id in f.ledger.committed,
            "in_scope": item_id in f.ledger.scope,
            "completed": item_id in f.completed,
        }
