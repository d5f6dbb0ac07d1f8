"""Recording decisions and moving them along: accepted or rejected by who decides, superseded by a
later one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import DECISION_LEVELS, Decision, initial_status
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.workspace import Workspace


@dataclass
class NewDecision:
    """What is known of a decision when it is recorded; everything but the title may be left out."""

    title: str
    level: str = "operational"
    #: None: accepted when operational, proposed when strategic.
    status: str | None = None
    source: str = "cli"
    session: str = ""
    context: str = ""
    decision: str = ""
    consequences: str = ""
    #: None: who decides at this level (the PO or the PM, from the settings).
    deciders: list[str] | None = None
    items: list[str] = field(default_factory=list)
    supersedes: str = ""
    private_notes: str = ""


def record_decision(ws: Workspace, new: NewDecision) -> Decision:
    """Store a decision; linked items must exist; with ``supersedes`` the old one is retired."""
    level = one_of(new.level, DECISION_LEVELS, "level")
    deciders = new.deciders if new.deciders else [ws.settings.decider(level)]
    decision = Decision(
        title=required_text(new.title, "title"),
        date=clock.today(),
        level=level,
        status=new.status or initial_status(level),
        source=new.source,
        session=new.session,
        context=storable_text(new.context, "context"),
        decision=storable_text(new.decision, "decision"),
        consequences=storable_text(new.consequences, "consequences"),
        deciders=[required_text(d, "decider") for d in deciders],
        private_notes=storable_text(new.private_notes, "note"),
    )
    with ws.lock:
        decision.items = [ws.get(BacklogItem, ref).id for ref in new.items]
        old = ws.get(Decision, new.supersedes) if new.supersedes else None
        ws.add(decision)
        if old is not None:
            supersede(ws, old.id, decision.id)
    return decision


def supersede(ws: Workspace, old_ref: str, new_ref: str) -> Decision:
    """Mark ``old_ref`` superseded by ``new_ref`` (both must exist and differ); returns the old one."""
    with ws.lock:
        old, new = ws.get(Decision, old_ref), ws.get(Decision, new_ref)
        if old.id == new.id:
            raise ValidationError("A decision cannot supersede itself.")
        if old.status == "superseded":
            raise ValidationError(f"{old.id} is already superseded by {old.superseded_by}.")
        if new.status in ("superseded", "rejected"):
            raise ValidationError(f"{new.id} is {new.status}; only a standing decision can supersede another.")

        def retire(d: Decision) -> None:
            d.status, d.superseded_by = "superseded", new.id

        ws.update(Decision, new.id, lambda d: setattr(d, "supersedes", old.id))
        return ws.update(Decision, old.id, retire)


def settle_decision(ws: Workspace, ref: str, status: str, by: Iterable[str] = (), note: str = "") -> Decision:
    """Accept or reject a proposed decision, recording who decided (default: who decides at its level)."""
    one_of(status, ("accepted", "rejected"), "outcome")

    def settle(d: Decision) -> None:
        if d.status != "proposed":
            raise ValidationError(f"{d.id} is {d.status}; only a proposed decision can be accepted or rejected.")
        d.status = status
        d.deciders = [required_text(name, "decider") for name in by] or [ws.settings.decider(d.level)]
        if note:  # why, kept with the decision's consequences for whoever reads it later
            line = f"{status.capitalize()} on {clock.today()}: {storable_text(note, 'note')}"
            d.consequences = "\n".join(filter(None, [d.consequences, line]))

    return ws.update(Decision, ref, settle)
