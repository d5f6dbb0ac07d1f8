"""What the room decides in a planning: the goal, the items taken and left out, what becomes of the
last sprint's unfinished items, and how confident the room is. Each is saved the moment it is made."""

from __future__ import annotations

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.planning import CLOSE_OUT_ACTIONS, CloseOut, Confidence, LeftOut, SprintPlan, is_low
from ritual_tui.domain.rules import check_objective, readiness_gaps
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.services.planning import change_plan
from ritual_tui.store.workspace import Workspace


def set_goal(ws: Workspace, session_id: str, goal: str, objective: str) -> SprintPlan:
    """The sprint goal, one sentence, and the roadmap objective it serves."""
    settings = ws.settings

    def change(plan: SprintPlan) -> None:
        plan.goal = required_text(goal, "sprint goal").strip()
        plan.goal_objective = check_objective(objective, settings)

    return change_plan(ws, session_id, change)


def select(ws: Workspace, session_id: str, item_id: str, selected: bool, confirmed: bool = False) -> SprintPlan:
    """Take an item into the sprint or put it back. An item failing the Definition of Ready is taken
    only with the PO's explicit yes (``confirmed``), which is recorded."""
    item = ws.get(BacklogItem, item_id)
    gaps = readiness_gaps(item, ws.settings)

    def change(plan: SprintPlan) -> None:
        if selected:
            if item.status in ("done", "dropped"):
                raise ValidationError(f"{item.id} is {item.status}; it cannot be planned.")
            if gaps and not confirmed:
                raise ValidationError(
                    f"{item.id} fails the Definition of Ready ({'; '.join(gaps)}): confirm to take it."
                )
            if item.id not in plan.selected:
                plan.selected.append(item.id)
            if gaps and item.id not in plan.confirmed_not_ready:
                plan.confirmed_not_ready.append(item.id)
            plan.left_out = [x for x in plan.left_out if x.item != item.id]
        else:
            plan.selected = [i for i in plan.selected if i != item.id]
            plan.confirmed_not_ready = [i for i in plan.confirmed_not_ready if i != item.id]
            plan.close_out = [c for c in plan.close_out if not (c.item == item.id and c.action == "carry-over")]

    return change_plan(ws, session_id, change)


def leave_out(ws: Workspace, session_id: str, item_id: str, reason: str) -> SprintPlan:
    """Record why the room did not take an item (and put it back if it was taken)."""
    item = ws.get(BacklogItem, item_id)

    def change(plan: SprintPlan) -> None:
        plan.left_out = [x for x in plan.left_out if x.item != item.id]
        plan.left_out.append(LeftOut(item=item.id, reason=required_text(reason, "reason").strip()))
        plan.selected = [i for i in plan.selected if i != item.id]

    return change_plan(ws, session_id, change)


def close_out(ws: Workspace, session_id: str, item_id: str, action: str, reason: str) -> SprintPlan:
    """Decide what becomes of an unfinished item of the last sprint: carried over (taken into this
    one), returned to the backlog, or dropped (when the sprint is committed), with a reason."""
    item = ws.get(BacklogItem, item_id)
    one_of(action, CLOSE_OUT_ACTIONS, "close-out")

    def change(plan: SprintPlan) -> None:
        decided = CloseOut(item=item.id, action=action, reason=required_text(reason, "reason").strip())
        plan.close_out = [c for c in plan.close_out if c.item != item.id] + [decided]
        if action == "carry-over" and item.id not in plan.selected:
            plan.selected.append(item.id)
        elif action != "carry-over":
            plan.selected = [i for i in plan.selected if i != item.id]

    return change_plan(ws, session_id, change)


def record_confidence(ws: Workspace, session_id: str, confidence: Confidence) -> SprintPlan:
    """The room's fist-of-five; a low vote needs what the room said."""
    settings = ws.settings
    if is_low(confidence, settings) and not confidence.said.strip():
        raise ValidationError("A low vote: record what the room said about it.")
    confidence.said = storable_text(confidence.said.strip(), "what the room said")

    def change(plan: SprintPlan) -> None:
        plan.confidence = confidence

    return change_plan(ws, session_id, change)
