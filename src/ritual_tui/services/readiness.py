"""The Definition of Ready, line by line: ticking it, and marking an item ready (by the checklist, or
by the PO's override, recorded as a decision with the reason)."""

from __future__ import annotations

from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import NOT_READY, BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.readiness import all_ticked, checklist, toggle
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.text import one_of, required_text
from ritual_tui.services.decisions import NewDecision, record_decision
from ritual_tui.services.refinement_log import change_item
from ritual_tui.store.workspace import Workspace


def tick(ws: Workspace, item_ref: str, line: str, session_id: str = "") -> BacklogItem:
    """Tick a line of the Definition of Ready for an item, or untick it. The last line ticked makes
    a new or refining item ready; unticking a line of a ready item takes it back to refining."""
    settings = ws.settings
    one_of(line, settings.definition_of_ready, "Definition of Ready line")

    def change(item: BacklogItem) -> None:
        ticked = toggle(item, line, settings)
        if ticked and item.status in NOT_READY and all_ticked(item, settings):
            item.move_to("ready", clock.today())
        elif not ticked and item.status == "ready":
            item.move_to("refining", clock.today())

    return change_item(ws, session_id, ws.get(BacklogItem, item_ref).id, change)


@dataclass
class MadeReady:
    """An item made ready, and the decision recording the override (None when the checklist was whole)."""

    item: BacklogItem
    override: Decision | None = None


def missing_lines(ws: Workspace, item: BacklogItem) -> list[str]:
    """The lines of the Definition of Ready not ticked for the item."""
    return [line.text for line in checklist(item, ws.settings) if not line.ticked]


def make_ready(ws: Workspace, item_ref: str, reason: str = "", session_id: str = "") -> MadeReady:
    """Mark an item ready. With every line ticked nothing more is asked; otherwise the PO overrides
    the checklist with a reason, recorded as an operational decision linked to the item."""
    with ws.lock:
        item = ws.get(BacklogItem, item_ref)
        if item.status not in (*NOT_READY, "ready"):
            raise ValidationError(f"{item.id} is {item.status}; only a new or refining item is made ready.")
        missing = missing_lines(ws, item)
        decision = None
        if missing:
            why = required_text(reason, "reason for the override (the Definition of Ready is not met)")
            session = ws.get(RitualSession, session_id) if session_id else None
            decision = record_decision(
                ws,
                NewDecision(
                    f"{item.id} is ready without: {'; '.join(missing)}",
                    source=session.ritual if session else "cli",
                    session=session.id if session else "",
                    context=why,
                    decision=f"The team takes {item.id} as ready before its Definition of Ready is met.",
                    items=[item.id],
                ),
            )
            if session is not None:
                ws.update(RitualSession, session.id, lambda s: s.captured.append(decision.id))
        made = change_item(ws, session_id, item.id, lambda i: i.move_to("ready", clock.today()))
    return MadeReady(made, decision)
