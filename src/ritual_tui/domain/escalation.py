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
    #: Enough to choose the escalations open on a day, or raised or answered in a period.
    INDEXED = ("status", "raised", "answered", "closed")

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
    #: The day the PM's decision is needed by to keep the plan.
    needed_by: date | None = None
    #: What is at stake if it waits: the sprint goal, an objective, a date, in the PO's words.
    impact: str = ""
    #: The choices the PM has, one line each.
    options: list[str] = field(default_factory=list)
    #: What the PO recommends, and why.
    recommendation: str = ""
    #: Internal to the team and the PM: left out of every report for the client.
    internal: bool = False
    #: Ids of decisions and escalations about the same question.
    related: list[str] = field(default_factory=list)
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

    def steps(self) -> list[tuple[date, str]]:
        """Its statuses by day, oldest first: the history, completed from the dated fields where the
        history is silent (records written by hand or by an older version)."""
        # Sorted by day only (stable, so the history's own order holds within a day): a date-time
        # typed by hand without its offset cannot be compared with one that has it.
        steps = [(h.at.date(), h.status) for h in self.history]
        known = {status for _, status in steps}
        if self.raised is not None and "open" not in known:
            steps.insert(0, (self.raised, "open"))
        if self.answered is not None and "answered" not in known:
            steps.append((self.answered, "answered"))
        if steps and steps[-1][1] != self.status:
            closing = self.closing_day() if self.status in ("resolved", "withdrawn") else None
            steps.append((closing or steps[-1][0], self.status))
        return sorted(steps, key=lambda step: step[0])

    def status_on(self, day: date) -> str | None:
        """Its status at the end of ``day`` (None when not raised yet)."""
        status = None
        for when, step in self.steps():
            if when > day:
                break
            status = step
        return status

    def closing_day(self) -> date | None:
        """The day it was resolved or withdrawn (None while it is not). From the indexed fields alone,
        so that reports can choose the escalations open on a day without reading them whole; one
        closed without a day counts as closed on its answer's day, else on the day it was raised."""
        if self.status not in ("resolved", "withdrawn"):
            return None
        return self.closed or self.answered or self.raised

    def open_on(self, day: date) -> bool:
        """Raised by ``day`` and not resolved or withdrawn by then (from the indexed fields alone)."""
        closing = self.closing_day()
        return self.raised is not None and self.raised <= day and (closing is None or closing > day)

    def age_days(self, on: date) -> int:
        """Days it has waited for the PM, counted to ``on``: from the day it was raised to the PM's
        answer, or to its resolution or withdrawal when it closed unanswered; an answered escalation
        sent back to the PM waits again, from the day it was raised."""
        if self.raised is None:
            return 0
        ended: date | None = None  # the day the wait ended, once it has
        for when, status in self.steps():
            if when > on:
                break
            if status in WAITING_FOR_PM:
                ended = None
            elif ended is None:
                ended = when
        return max(0, ((ended or on) - self.raised).days)
