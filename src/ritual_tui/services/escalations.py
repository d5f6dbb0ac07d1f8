"""Raising escalations for the PM, with defaults from the settings, and moving them along."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation, StatusChange
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.workspace import Workspace


@dataclass
class DecisionFields:
    """What makes an escalation decision-ready for the PM; ``None`` (or empty) leaves a field as it is."""

    needed_by: date | None = None
    #: What is at stake if it waits: the sprint goal, an objective, a date.
    impact: str | None = None
    #: Choices the PM has, added to those written so far.
    options: list[str] = field(default_factory=list)
    #: What the PO recommends, and why.
    recommendation: str | None = None
    #: Decisions or escalations on the same question, added to the links so far.
    related: list[str] = field(default_factory=list)
    #: Kept out of reports for the client.
    internal: bool | None = None
    clear_options: bool = False
    clear_related: bool = False


def apply_decision_fields(ws: Workspace, e: Escalation, fields: DecisionFields) -> None:
    """Set the decision-ready fields; a related id must name a decision or another escalation."""
    if fields.needed_by is not None:
        e.needed_by = fields.needed_by
    if fields.impact is not None:
        e.impact = storable_text(fields.impact, "impact")
    if fields.clear_options:
        e.options = []
    e.options += [required_text(option, "option") for option in fields.options]
    if fields.recommendation is not None:
        e.recommendation = storable_text(fields.recommendation, "recommendation")
    if fields.internal is not None:
        e.internal = fields.internal
    if fields.clear_related:
        e.related = []
    for ref in fields.related:
        linked = ws.get(Decision, ref) if ref.strip().upper().startswith("D-") else ws.get(Escalation, ref)
        if linked.id == e.id:
            raise ValidationError(f"{e.id} cannot be related to itself.")
        if linked.id not in e.related:
            e.related.append(linked.id)


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
    decision: DecisionFields | None = None


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
        if new.decision is not None:
            apply_decision_fields(ws, escalation, new.decision)
        escalation.item = ws.get(BacklogItem, new.item).id if new.item else ""
        if new.blocker:
            escalation.blocker = ws.get(Blocker, new.blocker).id
        ws.add(escalation)
        if escalation.blocker:
            ws.update(Blocker, escalation.blocker, lambda b: setattr(b, "escalation", escalation.id))
    return escalation


def edit_escalation(
    ws: Workspace,
    ref: str,
    title: str | None = None,
    ask: str | None = None,
    severity: str | None = None,
    decision: DecisionFields | None = None,
) -> Escalation:
    """Change an escalation's title, ask or severity, or add what the PM needs to decide."""
    settings = ws.settings

    def change(e: Escalation) -> None:
        if title is not None:
            e.title = required_text(title, "title")
        if ask is not None:
            e.ask = storable_text(ask, "ask")
        if severity is not None:
            e.severity = one_of(severity, settings.escalation_severities, "severity")
        if decision is not None:
            apply_decision_fields(ws, e, decision)

    return ws.update(Escalation, ref, change)


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
