"""Raising escalations for the PM, with defaults from the settings, and moving them along."""

from __future__ import annotations

from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.workspace import Workspace


@dataclass
class NewEscalation:
    """What is known of an escalation when it is raised; everything but the title may be left out."""

    title: str
    #: None: the settings' default (for an escalated blocker, the blocker default).
    category: str | None = None
    severity: str | None = None
    ask: str = ""
    details: str = ""
    source: str = "cli"
    session: str = ""
    raised_by: str = ""
    item: str = ""
    blocker: str = ""
    private_notes: str = ""


def raise_escalation(ws: Workspace, new: NewEscalation) -> Escalation:
    """Store a new escalation; when it escalates a blocker, the blocker points back to it."""
    settings = ws.settings
    for_blocker = bool(new.blocker)
    now = clock.now()
    escalation = Escalation(
        title=required_text(new.title, "title"),
        raised=now.date(),
        category=one_of(
            new.category or settings.default_category(for_blocker), settings.escalation_categories, "category"
        ),
        severity=one_of(
            new.severity or settings.default_severity(for_blocker), settings.escalation_severities, "severity"
        ),
        ask=storable_text(new.ask, "ask"),
        details=storable_text(new.details, "details"),
        source=new.source,
        session=new.session,
        raised_by=storable_text(new.raised_by, "name"),
        history=[StatusChange(at=now, status="open")],
        private_notes=storable_text(new.private_notes, "note"),
    )
    with ws.lock:
        escalation.item = ws.get(BacklogItem, new.item).id if new.item else ""
        if new.blocker:
            escalation.blocker = ws.get(Blocker, new.blocker).id
        ws.add(escalation)
        if escalation.blocker:
            ws.update(Blocker, escalation.blocker, lambda b: setattr(b, "escalation", escalation.id))
    return escalation


@dataclass(frozen=True)
class Step:
    """One move along an escalation's lifecycle, as both front ends offer it."""

    status: str
    #: What the step asks for ("" for nothing), and whether it must be given.
    asks_for: str = ""
    required: bool = False


#: The verbs a PO uses → the step. The PM's answer is required; a resolution or a reason is welcome.
STEPS = {
    "send": Step("sent"),
    "answer": Step("answered", "the PM's answer", required=True),
    "resolve": Step("resolved", "how it was resolved"),
    "withdraw": Step("withdrawn", "why it is withdrawn"),
}


def take_step(ws: Workspace, ref: str, verb: str, text: str = "") -> Escalation:
    """Move an escalation one step (``send``, ``answer``, ``resolve``, ``withdraw``) with its text."""
    step = STEPS[verb]
    text = required_text(text, step.asks_for) if step.required else storable_text(text, step.asks_for or "note")
    return ws.update(Escalation, ref, lambda e: e.take_step(step.status, clock.now(), text))
