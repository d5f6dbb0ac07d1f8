"""The end-of-sprint summary as one document: every figure computed once, here.

The Markdown, HTML and JSON files are all drawn from :func:`sprint_summary`, so the three formats
can never disagree. Every figure is true as of the summary's day (see :mod:`.sprint_on_day`). Only
fields meant to be shared are picked: private notes, note records and unknown keys never enter it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.delivery import sprint_figures
from ritual_tui.domain.errors import NotFoundError, RitualError
from ritual_tui.domain.progress import burndown
from ritual_tui.domain.rules import working_days
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import one_of
from ritual_tui.reports.headline import headline
from ritual_tui.reports.left_out import left_out, left_out_ids
from ritual_tui.reports.records import AUDIENCES, unique
from ritual_tui.reports.refinement import refinement_part
from ritual_tui.reports.review import review_part
from ritual_tui.reports.sprint_on_day import SprintOnDay, as_of_day, num
from ritual_tui.reports.summary_events import blockers_part, decisions_part, escalations_part, feedback_part
from ritual_tui.reports.summary_history import objectives_part, readiness_part, velocity_part
from ritual_tui.store.workspace import Workspace

#: Version of the summary and brief documents' layout (see the README's "Report files").
REPORT_SCHEMA = 2


def choose_sprint(sprints: list[Sprint], ref: str | None, unreadable: dict[str, RitualError] | None = None) -> Sprint:
    """The sprint named by number or id; by default the active sprint, else the last closed one.

    A sprint file that could not be read may be the one meant: then there is no true answer."""
    wanted = ref.strip().upper().removeprefix("S-") if ref is not None else None
    for sprint_id, error in (unreadable or {}).items():
        if wanted is None or sprint_id == f"S-{wanted}":
            raise error
    if not sprints:
        raise NotFoundError("No sprints yet: a summary needs one (`ritual sprint start --goal GOAL ITEM…`).")
    if wanted is None:
        active = [s for s in sprints if s.status == "active"]
        return active[-1] if active else sprints[-1]
    for sprint in sprints:
        if str(sprint.number) == wanted:
            return sprint
    raise NotFoundError(f"No sprint {ref!r} in this workspace.")


def _percent(part: float, whole: float) -> int | None:
    return round(part / whole * 100) if whole else None


def _sprint_part(on: SprintOnDay, settings: Settings) -> dict[str, Any]:
    s = on.sprint
    objective = next((o for o in settings.objectives if o.id == s.goal_objective), None)
    of_forecast = _percent(on.figures.committed_points, s.forecast or 0)
    day, days = s.day_of(on.as_of)
    return {
        "id": s.id,
        "number": s.number,
        "start": s.start,
        "end": s.end,
        "status": s.status,
        "closed_on": s.closed.date() if s.closed else None,
        "day": day,
        "days": days,
        "working_days": working_days(s.start, s.end),
        "goal": s.goal,
        "goal_objective": s.goal_objective,
        "goal_objective_title": objective.title if objective else "",
        "goal_met": s.goal_met,
        "goal_verdict": s.verdict(),
        "goal_reason": s.goal_reason,
        "capacity_days": num(s.capacity_days),
        "forecast_points": num(s.forecast),
        "committed_of_forecast_percent": of_forecast,
        "over_forecast": of_forecast is not None and of_forecast > settings.overcommit_percent,
    }


def _delivery_part(on: SprintOnDay) -> dict[str, Any]:
    f = on.figures
    return {
        "committed_items": len(f.committed),
        "committed_points": num(f.committed_points),
        "added_items": len(f.added),
        "added_points": num(f.added_points),
        "removed_items": len(f.removed),
        "removed_points": num(f.removed_points),
        "completed_items": len(f.completed),
        "completed_points": num(f.completed_points),
        "rejected_items": len(f.rejected),
        "rejected_points": num(f.points(f.rejected)),
        "carried_over_items": len(f.carried_over),
        "carried_over_points": num(f.points(f.carried_over)),
        "returned_items": len(f.returned),
        "returned_points": num(f.points(f.returned)),
        "dropped_items": len(f.dropped),
        "dropped_points": num(f.points(f.dropped)),
        "still_to_do_items": len(f.still_to_do),
        "still_to_do_points": num(f.points(f.still_to_do)),
        "completed_percent": _percent(f.completed_points, f.committed_points),
        "scope_change_percent": _percent(f.added_points - f.removed_points, f.committed_points),
        "scope_changes": [
            {
                "day": e.at.date(),
                "change": e.change,
                "item": e.item,
                "title": item.title if (item := on.items.get(e.item)) else "",
                "points": num(e.points),
                "reason": e.reason,
            }
            for e in f.ledger.events
        ],
        "items": [on.item_line(i) for i in f.ledger.points_of],
    }


def sprint_summary(
    ws: Workspace, ref: str | None = None, today: date | None = None, audience: str = "pm"
) -> dict[str, Any]:
    """Everything the end-of-sprint summary says, as a JSON-ready document; ``audience`` "client"
    leaves out what is internal (escalations marked internal, strategic decisions still proposed)."""
    one_of(audience, AUDIENCES, "audience")
    today = today or clock.today()
    settings = ws.settings
    sprints = list(unique(ws.all(Sprint), "sprint"))
    sprint = choose_sprint(sprints, ref, left_out_ids(ws, Sprint))
    # Three years of history are thousands of files: every item is counted from the store's index
    # (the fields read here are BacklogItem.INDEXED), and only the decisions, escalations and
    # blockers this summary names are read whole.
    items = {i.id: i for i in unique(ws.index(BacklogItem), "backlog item")}
    unreadable = left_out_ids(ws, BacklogItem)
    on = SprintOnDay(sprint, as_of_day(sprint, today), items, sprint_figures(sprint, items), unreadable)
    velocity, trend = velocity_part(sprints, on)
    doc: dict[str, Any] = {
        "schema_version": REPORT_SCHEMA,
        "kind": "sprint-summary",
        "title": f"{settings.product}: sprint {sprint.number} summary",
        "audience": audience,
        "generator": f"ritual-tui {__version__}",
        "generated_on": today,
        "as_of": on.as_of,
        "product": settings.product,
        "product_goal": settings.product_goal,
        "headline": [],
        "sprint": _sprint_part(on, settings),
        "delivery": _delivery_part(on),
        "velocity": velocity,
        "burndown": [
            {
                "day": d.day,
                "working_day": d.working_day,
                "ideal": num(d.ideal),
                "remaining": num(d.remaining),
                "added": num(d.added),
                "removed": num(d.removed),
            }
            for d in burndown(sprint, items, on.as_of)
        ],
        "decisions": decisions_part(ws, on, audience),
        "escalations": escalations_part(ws, on, settings, audience),
        "blockers": blockers_part(ws, on),
        "feedback": feedback_part(ws, on),
        "review": review_part(ws, sprint, [on.item_line(i) for i in sprint.outcomes]),
        "readiness": readiness_part(sprints, on, trend.mean),
        "objectives": objectives_part(settings, sprints, on),
        "refinement": refinement_part(ws, on),
    }
    doc["left_out"] = left_out(ws)  # last: every read above has had its chance to leave a file out
    doc["headline"] = headline(doc, settings)
    return doc
