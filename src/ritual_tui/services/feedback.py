"""Stakeholder feedback: heard at the review (or typed in from the shell), then turned into work —
a backlog item with its objective and a link to the item it came from, an escalation for the PM, a
decision — or noted only; at once, or later from the list of open feedback."""

from __future__ import annotations

from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.feedback import BECOMES, Feedback
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.services.backlog import ItemChanges, add_item
from ritual_tui.services.decisions import NewDecision, record_decision
from ritual_tui.services.escalations import NewEscalation, raise_escalation
from ritual_tui.services.sprints import active_sprint
from ritual_tui.store.workspace import Workspace


@dataclass
class NewFeedback:
    """What was said, by whom, about what; and, when the PO decides at once, what it becomes."""

    text: str
    by: str = ""
    item: str = ""
    #: The review session it was heard in ("" from the shell).
    session: str = ""
    #: "" to decide later, else item, escalation, decision or noted.
    becomes: str = ""
    #: For a backlog item: its roadmap objective (None: that of the item the feedback is about).
    objective: str | None = None


def _sprint_of(ws: Workspace, session_id: str) -> str:
    """The sprint feedback belongs to: its session's, else the one under way, else the last one."""
    if session_id:
        return ws.get(RitualSession, session_id).sprint
    sprint = active_sprint(ws)
    if sprint is not None:
        return sprint.id
    last = ws.files(Sprint)
    return last[-1].id if last else ""


def hear_feedback(ws: Workspace, new: NewFeedback) -> Feedback:
    """Store a piece of feedback; with ``becomes``, turn it into that at once."""
    text = required_text(new.text, "feedback")
    one_of(new.becomes, BECOMES, "what the feedback becomes")
    with ws.lock:
        feedback = ws.add(
            Feedback(
                text=text,
                by=storable_text(new.by, "name").strip(),
                item=ws.get(BacklogItem, new.item).id if new.item else "",
                sprint=_sprint_of(ws, new.session),
                session=new.session,
                heard=clock.today(),
            )
        )
        if new.becomes:
            feedback = turn_feedback(ws, feedback.id, new.becomes, new.objective)
    return feedback


def _who(feedback: Feedback) -> str:
    return f" from {feedback.by}" if feedback.by else ""


def _make(ws: Workspace, feedback: Feedback, becomes: str, objective: str | None) -> Record | None:
    """The record a piece of feedback becomes (None when it is noted only)."""
    about = ws.get(BacklogItem, feedback.item) if feedback.item else None
    heard = f"Feedback {feedback.id}{_who(feedback)} at the sprint review"
    if becomes == "item":
        if objective is None:  # what the item it is about serves, else the sprint goal's objective
            sprint = ws.get(Sprint, feedback.sprint) if feedback.sprint else None
            objective = about.objective if about else sprint.goal_objective if sprint else ""
        changes = ItemChanges(
            objective=objective,
            came_from=feedback.item,
            from_feedback=feedback.id,
        )
        return add_item(ws, feedback.text, changes)
    if becomes == "escalation":
        new = NewEscalation(
            feedback.text,
            category=ws.settings.feedback_category(),
            source="review",
            session=feedback.session,
            raised_by=feedback.by,
            item=feedback.item,
            details=f"{heard}{f', about {feedback.item}' if feedback.item else ''}.",
        )
        return raise_escalation(ws, new)
    if becomes == "decision":
        context = f"{heard}: {feedback.text}"
        return record_decision(
            ws,
            NewDecision(
                feedback.text,
                source="review",
                session=feedback.session,
                context=context,
                items=[feedback.item] if feedback.item else [],
            ),
        )
    return None


def turn_feedback(ws: Workspace, ref: str, becomes: str, objective: str | None = None) -> Feedback:
    """Turn open feedback into a backlog item, an escalation or a decision, or note it only."""
    one_of(becomes, BECOMES[1:], "what the feedback becomes")
    with ws.lock:
        feedback = ws.get(Feedback, ref)
        if not feedback.is_open:
            raise ValidationError(f"{feedback.id} became {feedback.became_text()} already.")
        made = _make(ws, feedback, becomes, objective)
        if made is not None and becomes in ("escalation", "decision") and feedback.session:
            # Listed with the review's captures, as any decision or escalation taken in a ritual is.
            ws.update(RitualSession, feedback.session, lambda s: s.captured.append(made.id))

        def became(f: Feedback) -> None:
            f.became_kind, f.became = becomes, made.id if made is not None else ""

        return ws.update(Feedback, feedback.id, became)


def open_feedback(ws: Workspace) -> list[Feedback]:
    """Feedback not yet turned into anything, oldest first."""
    return ws.all(Feedback, where=lambda f: not f.became_kind)
