"""Escalations: field signals the PO raises for the PM to decide on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.fields import PRIVATE, Part, Record, vocabulary
from ritual_tui.domain.session import SOURCES

ESCALATION_STATUSES = ("open", "sent", "answered", "resolved", "withdrawn")
#: Statuses the PM still has to act on or the PO still has to close.
STILL_OPEN = ("open", "sent", "answered")
#: Statuses that wait for the PM: not answered yet.
WAITING_FOR_PM = ("open", "sent")
#: Which status may follow which: open → sent → answered → resolved, or withdrawn before resolution.
NEXT_STATUSES = {
    "open": ("sent", "answered", "resolved", "withdrawn"),
    "sent": ("answered", "resolved", "withdrawn"),
    "answered": ("resolved", "withdrawn", "sent"),
    "resolved": (),
    "withdrawn": (),
}


@dataclass(kw_only=True)
class StatusChange(Part):
    """One step in an escalation's history."""

    at: datetime
    status: str = vocabulary(ESCALATION_STATUSES)
    note: str = ""


@dataclass(kw_only=True)
class Escalation(Record):
    """Something the PM must decide or act on."""

    KIND = "escalation"
    PREFIX = "E"
    FOLDER = "escalations"
    #: Enough to choose the escalations still open or raised or answered in a period.
    INDEXED = ("status", "raised", "answered")

    title: str
    raised: date | None = None
    category: str = "question"
    severity: str = "medium"
    status: str = vocabulary(ESCALATION_STATUSES, "open")
    details: str = ""
    #: What the PM must decide.
    ask: str = ""
    source: str = vocabulary(SOURCES, "cli")
    session: str = ""
    item: str = ""
    blocker: str = ""
    raised_by: str = ""
    pm_answer: str = ""
    answered: date | None = None
    resolution: str = ""
    closed: date | None = None
    history: list[StatusChange] = field(default_factory=list)
    private_notes: str = field(default="", metadata=PRIVATE)

    def move_to(self, status: str, at: datetime, note: str = "") -> None:
        """Change status along the lifecycle, recording the step; refuse a step the lifecycle forbids."""
        allowed = NEXT_STATUSES.get(self.status, ())
        if not allowed:
            raise ValidationError(f"Escalation {self.id} is {self.status} and closed; it cannot become {status}.")
        if status not in allowed:
            raise ValidationError(
                f"Escalation {self.id} is {self.status}; it can become {', '.join(allowed)}, not {status}."
            )
        self.status = status
        self.history.append(StatusChange(at=at, status=status, note=note))
        if status in ("resolved", "withdrawn"):
            self.closed = at.date()

    def take_step(self, status: str, at: datetime, text: str = "") -> None:
        """Move along the lifecycle with the text the step carries: the PM's answer, the resolution."""
        self.move_to(status, at, text)
        if status == "answered":
            self.pm_answer = text
            self.answered = at.date()
        elif status in ("resolved", "withdrawn") and text:
            self.resolution = text

    def age_days(self, on: date) -> int:
        """Days since it was raised, counted to ``on`` (or to its closing day, when closed)."""
        if self.raised is None:
            return 0
        end = self.closed if self.closed and self.closed < on else on
        return max(0, (end - self.raised).days)
