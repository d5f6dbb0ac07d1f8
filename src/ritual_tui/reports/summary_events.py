"""What happened around a sprint, as of its summary's day: decisions, escalations, blockers and the
review's feedback, each chosen from the store's index and read whole only when the summary names it."""

from __future__ import annotations

from datetime import date
from typing import Any

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.progress import by_urgency
from ritual_tui.domain.settings import Settings
from ritual_tui.reports.records import blocker_line, decision_line, escalation_line, related, shown_to, unique
from ritual_tui.reports.sprint_on_day import SprintOnDay
from ritual_tui.store.workspace import Workspace


def _during(day: date | None, on: SprintOnDay) -> bool:
    return day is not None and on.sprint.start <= day <= min(on.sprint.end, on.as_of)


def decisions_part(ws: Workspace, on: SprintOnDay, audience: str) -> list[dict[str, Any]]:
    """Decisions dated in the sprint, with their status on the as-of day."""
    chosen = unique(ws.all(Decision, where=lambda d: _during(d.date, on)), "decision")
    dated = sorted(chosen, key=lambda d: (d.date or date.min, d.id))
    return [decision_line(d, on.decision_status(d)) for d in dated if shown_to(audience, d, on.decision_status(d))]


def escalations_part(ws: Workspace, on: SprintOnDay, settings: Settings, audience: str) -> dict[str, Any]:
    """Escalations raised or answered in the sprint, and those open on the as-of day by status then."""
    as_of = on.as_of
    chosen = ws.all(Escalation, where=lambda e: e.open_on(as_of) or _during(e.raised, on) or _during(e.answered, on))
    shown = [e for e in unique(chosen, "escalation") if shown_to(audience, e)]

    def line(e: Escalation) -> dict[str, Any]:
        return escalation_line(e, as_of) | {"related": related(ws, e.related, audience)}

    still_open = by_urgency([e for e in shown if e.open_on(as_of)], settings)
    return {
        "raised": [line(e) for e in shown if _during(e.raised, on)],
        "waiting_for_pm": [line(e) for e in still_open if e.status_on(as_of) in WAITING_FOR_PM],
        "answered_not_resolved": [line(e) for e in still_open if e.status_on(as_of) == "answered"],
        "answered_in_sprint": [line(e) for e in shown if _during(e.answered, on)],
    }


def blockers_part(ws: Workspace, on: SprintOnDay) -> list[dict[str, Any]]:
    """Blockers open at any time in the sprint up to the as-of day."""
    start, last = on.sprint.start, min(on.sprint.end, on.as_of)

    def during(b: Blocker) -> bool:
        return b.first_seen is not None and b.first_seen <= last and (b.resolved is None or b.resolved >= start)

    return [blocker_line(b, on.as_of) for b in unique(ws.all(Blocker, where=during), "blocker")]


def feedback_part(ws: Workspace, on: SprintOnDay) -> list[dict[str, Any]]:
    """Stakeholder feedback heard about the sprint by the as-of day, and what it became."""

    def heard(f: Feedback) -> bool:
        return f.sprint == on.sprint.id

    return [
        {"id": f.id, "item": f.item, "by": f.by, "text": f.text, "turned_into": f.became_kind, "became": f.became}
        for f in unique(ws.all(Feedback, where=heard), "feedback")
    ]
