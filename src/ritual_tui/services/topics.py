"""Closing a parking-lot topic with its outcome: a new backlog item, a decision, an escalation for
the PM, or dropped. The record it became is linked from the topic."""

from __future__ import annotations

from dataclasses import dataclass

from ritual_tui.domain import clock
from ritual_tui.domain.daily_records import Topic
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.text import one_of, storable_text
from ritual_tui.services.backlog import add_item
from ritual_tui.services.decisions import NewDecision, record_decision
from ritual_tui.services.escalations import NewEscalation, raise_escalation
from ritual_tui.store.workspace import Workspace

#: What a topic can become when it is closed.
TOPIC_OUTCOMES = ("item", "decision", "escalation", "dropped")
_NAMES = {"item": "New item", "decision": "Decision", "escalation": "Escalation"}


@dataclass
class ClosedTopic:
    """The topic closed, and the record it became (None when dropped)."""

    topic: Topic
    became: Record | None = None


def close_topic(ws: Workspace, ref: str, outcome: str, text: str = "", session_id: str = "") -> ClosedTopic:
    """Close an open topic. ``text`` is the new record's title (the topic's by default) or, for a
    dropped topic, why it was dropped. In a session, the new record is listed among its captures."""
    one_of(outcome, TOPIC_OUTCOMES, "outcome")
    text = storable_text(text, "outcome").strip()
    with ws.lock:
        topic = ws.get(Topic, ref)
        if topic.status == "closed":
            raise ValidationError(f"{topic.id} is closed already ({topic.outcome or 'no outcome'}).")
        session = ws.get(RitualSession, session_id) if session_id else None
        source = session.ritual if session else "cli"
        title = text or topic.title
        became: Record | None = None
        if outcome == "item":
            became = add_item(ws, title)
        elif outcome == "decision":
            became = record_decision(ws, NewDecision(title, source=source, session=session_id, context=topic.title))
        elif outcome == "escalation":
            new = NewEscalation(title, source=source, session=session_id, details=f"Parking-lot topic {topic.id}")
            became = raise_escalation(ws, new)
        summary = f"{_NAMES[outcome]} {became.id}: {title}" if became else f"Dropped{': ' + text if text else ''}"

        def close(t: Topic) -> None:
            t.status, t.closed, t.outcome, t.became = "closed", clock.today(), summary, became.id if became else ""

        closed = ws.update(Topic, topic.id, close)
        if session is not None and became is not None:
            ws.update(RitualSession, session.id, lambda s: s.captured.append(became.id))
    return ClosedTopic(closed, became)
