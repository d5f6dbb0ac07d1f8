"""The PM brief: what the PM must act on now, decision-ready, as one document (drawn like the summary).

"Since the last brief" is a moment, not a day: the newest brief written before this one, even earlier
the same day. Answers and escalations carry the time of each step in their history, so none is
listed twice; decisions carry only a day, so one dated the day of the last brief is listed again.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import RitualError
from ritual_tui.domain.escalation import WAITING_FOR_PM, Escalation
from ritual_tui.domain.progress import waiting_for_pm
from ritual_tui.domain.rules import blocker_on
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import one_of
from ritual_tui.reports.brief_parts import at_a_glance, linked_questions
from ritual_tui.reports.left_out import left_out
from ritual_tui.reports.records import AUDIENCES, escalation_line, shown_to, unique
from ritual_tui.reports.summary import REPORT_SCHEMA
from ritual_tui.store.workspace import Workspace


def _moment(e: Escalation, status: str, day: date | None, zone: tzinfo | None) -> datetime | None:
    """When an escalation last took a step (the time in its history, else the start of ``day``)."""
    moments = [h.at if h.at.tzinfo else h.at.replace(tzinfo=zone) for h in e.history if h.status == status]
    if moments:
        return max(moments)
    return datetime.combine(day, time.min, tzinfo=zone) if day else None


def _running_sprint(ws: Workspace) -> Sprint | None:
    """The sprint under way, newest sprint files read first (reports read the store, not services)."""
    for record_file in reversed(ws.files(Sprint)):
        sprint = ws.read(Sprint, record_file)
        if sprint.status == "active":
            return sprint
    return None


def _concerns(ws: Workspace, e: Escalation, sprint_scope: dict[str, int]) -> dict[str, Any]:
    """The item an escalation is about, the sprint it is in and the objective it serves."""
    if not e.item:
        return {"item": "", "item_title": "", "sprint": None, "objective": "", "objective_title": ""}
    try:
        item: BacklogItem | None = ws.get(BacklogItem, e.item)
    except RitualError:
        item = None
    objectives = {o.id: o.title for o in ws.settings.objectives}
    objective = item.objective if item else ""
    return {
        "item": e.item,
        "item_title": item.title if item else "",
        "sprint": sprint_scope.get(e.item),
        "objective": objective,
        "objective_title": objectives.get(objective, ""),
    }


def pm_brief(
    ws: Workspace, since: datetime | None, now: datetime | None = None, audience: str = "pm"
) -> dict[str, Any]:
    """Escalations waiting for the PM by severity then age, with what a decision needs; strategic
    decisions still proposed; answers received and operational decisions taken since ``since``
    (the last brief; for a first brief, every unresolved answer and the decisions of the last
    sprint's length of days); and blockers past the aging threshold."""
    one_of(audience, AUDIENCES, "audience")
    now = now or clock.now()
    today, zone = now.date(), now.tzinfo
    settings = ws.settings
    # Only the records the brief names are read whole: the rest are passed over in the index.
    read = ws.all(Escalation, where=lambda e: e.status in WAITING_FOR_PM or e.answered is not None)
    read = list(unique(read, "escalation"))
    escalations = [e for e in read if shown_to(audience, e)]
    blockers = ws.all(Blocker, where=lambda b: b.status == "open")
    waiting = waiting_for_pm(escalations, blockers, settings)
    sprint = _running_sprint(ws)
    in_sprint = {i: sprint.number for i in sprint.current_ids()} if sprint else {}

    def answered_since(e: Escalation) -> bool:
        if e.answered is None:
            return False
        if since is None:
            return e.status == "answered"
        moment = _moment(e, "answered", e.answered, zone)
        return moment is not None and moment > since

    fyi_from = since.date() if since else today - timedelta(days=settings.sprint_days)
    decisions = unique(
        ws.all(Decision, where=lambda d: d.status == "proposed" or (d.date is not None and d.date >= fyi_from)),
        "decision",
    )
    links = linked_questions(ws, escalations, audience)
    waiting_lines = []
    for e in waiting.escalations:
        raised_at = _moment(e, "open", e.raised, zone)
        waiting_lines.append(
            escalation_line(e, today)
            | {
                "new": bool(since and raised_at and raised_at > since),
                "overdue": bool(e.needed_by and e.needed_by < today),
                "concerns": _concerns(ws, e, in_sprint),
                "related": links(e.id),
            }
        )
    answers = sorted((e for e in escalations if answered_since(e)), key=lambda e: (e.answered or date.min, e.id))
    doc = {
        "schema_version": REPORT_SCHEMA,
        "kind": "pm-brief",
        "title": f"{settings.product}: PM brief, {now:%Y-%m-%d %H:%M}",
        "audience": audience,
        "generator": f"ritual-tui {__version__}",
        "generated_on": today,
        "generated_at": now,
        "since": since,
        "product": settings.product,
        "product_goal": settings.product_goal,
        "at_a_glance": [],
        "open_escalations": waiting_lines,
        "strategic_decisions_waiting": [
            {
                "id": d.id,
                "date": d.date,
                "title": d.title,
                "context": d.context,
                "decision": d.decision,
                "source": d.source,
                "related": links(d.id),
            }
            for d in decisions
            if d.level == "strategic" and d.status == "proposed" and shown_to(audience, d)
        ],
        "answers_received": [
            escalation_line(e, today) | {"answered_at": _moment(e, "answered", e.answered, zone)} for e in answers
        ],
        "decisions_taken": [
            {"id": d.id, "date": d.date, "title": d.title, "decision": d.decision, "source": d.source}
            for d in sorted(decisions, key=lambda d: (d.date or date.min, d.id))
            if d.level == "operational" and d.status == "accepted" and d.date and d.date >= fyi_from
        ],
        "aging_blockers": [
            {
                "id": b.id,
                "title": b.title,
                "owner": b.owner,
                "item": b.item,
                "first_seen": b.first_seen,
                "dailies": blocker_on(b, today).dailies,
                "days_open": blocker_on(b, today).days_open,
            }
            for b in waiting.aging_blockers
        ],
        "aging_threshold_dailies": settings.blocker_aging_dailies,
        "left_out": left_out(ws),
    }
    doc["at_a_glance"] = at_a_glance(doc)
    return doc


def brief_since_last(ws: Workspace, folder: Path, today: date | None = None) -> dict[str, Any]:
    """The brief as of now, with what changed since the last brief in ``folder`` (the TUI's entry
    point until it uses :func:`ritual_tui.reports.documents.brief_report`, which also names the file)."""
    from ritual_tui.reports.documents import brief_report

    return brief_report(ws, folder).doc
