"""Raising an escalation, and linking the blocker it escalates (two records, one lock)."""

from __future__ import annotations

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import Escalation
from ritual_tui.store.workspace import Workspace


def raise_escalation(ws: Workspace, escalation: Escalation) -> Escalation:
    """Store a new escalation; when it escalates a blocker, the blocker points back to it."""
    with ws.lock:
        if escalation.blocker:
            escalation.blocker = ws.get(Blocker, escalation.blocker).id
        ws.add(escalation)
        if escalation.blocker:
            ws.update(Blocker, escalation.blocker, lambda b: setattr(b, "escalation", escalation.id))
    return escalation
