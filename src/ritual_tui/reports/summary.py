"""The end-of-sprint summary as one document: every figure computed once, here.

The Markdown, HTML and JSON files are all drawn from :func:`sprint_summary`, so the three formats
can never disagree. Only fields meant to be shared are picked: private notes, note records and
unknown keys never enter the document.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import NotFoundError
from ritual_tui.domain.escalation import STILL_OPEN, Escalation
from ritual_tui.domain.progress import burndown, by_urgency
from ritual_tui.domain.rules import (
    item_points,
    points,
    ready_points,
    sprint_figures,
    sprints_of_ready_work,
    velocity_trend,
)
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.review import review_part
from ritual_tui.store.workspace import Workspace

#: Version of the summary and brief documents' layout (see the README's "Report files").
REPORT_SCHEMA = 1


def _num(value: float | None) -> float | int | None:
    """Points as JSON: whole numbers as integers."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def choose_sprint(sprints: list[Sprint], ref: str | None) -> Sprint:
    """The sprint named by number or id; by default the active sprint, else the last closed one."""
    if not sprints:
        raise NotFoundError("No sprints yet: a summary needs one (`ritual sprint start`).")
    if ref is None:
        active = [s for s in sprints if s.status == "active"]
        return active[-1] if active else sprints[-1]
    wanted = ref.strip().upper().removeprefix("S-")
    for sprint in sprints:
        if str(sprint.number) == wanted:
            return sprint
    raise NotFoundError(f"No sprint {ref!r} in this workspace.")


def _item_line(sprint: Sprint, item_id: str, items: dict[str, BacklogItem]) -> dict[str, Any]:
    item = items.get(item_id)
    return {
        "id": item_id,
        "title": item.title if item else "(item no longer in the backlog)",
        "points": _num(item_points(sprint, item_id, items)),
        "objective": item.objective if item else "",
        "status": item.status if item else "",
        "outcome": sprint.outcomes.get(item_id, ""),
    }


def _during(day: date | None, sprint: Sprint) -> bool:
    return day is not None and sprint.start <= day <= sprint.end


def escalation_line(e: Escalation, as_of: date) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "category": e.category,
        "severity": e.severity,
        "status": e.status,
        "raised": e.raised,
        "age_days": e.age_days(as_of),
        "ask": e.ask,
        "source": e.source,
        "item": e.item,
        "pm_answer": e.pm_answer,
        "answered": e.answered,
        "resolution": e.resolution,
    }


def _open_during(blocker: Blocker, sprint: Sprint) -> bool:
    return (
        blocker.first_seen is not None
        and blocker.first_seen <= sprint.end
        and (blocker.resolved is None or blocker.resolved >= sprint.start)
    )


def _blockers(ws: Workspace, sprint: Sprint, as_of: date) -> list[dict[str, Any]]:
    during = ws.all(Blocker, where=lambda b: _open_during(b, sprint))
    return [
        {
            "id": b.id,
            "title": b.title,
            "owner": b.owner,
            "item": b.item,
            "status": b.status,
            "first_seen": b.first_seen,
            "resolved": b.resolved,
            "lasted_days": b.lasted_days(as_of),
            "dailies": b.dailies_open(),
            "escalation": b.escalation,
        }
        for b in during
    ]


def sprint_summary(ws: Workspace, ref: str | None = None, today: date | None = None) -> dict[str, Any]:
    """Everything the end-of-sprint summary says, as a JSON-ready document."""
    today = today or clock.today()
    settings = ws.settings
    sprints = ws.all(Sprint)
    sprint = choose_sprint(sprints, ref)
    # Three years of history are thousands of files: every item is counted from the store's index
    # (the fields read here are BacklogItem.INDEXED), and only the decisions, escalations and
    # blockers this summary names are read whole.
    items = {i.id: i for i in ws.index(BacklogItem)}
    figures = sprint_figures(sprint, items)
    as_of = sprint.end if sprint.status == "closed" or today > sprint.end else today
    trend = velocity_trend(sprints, items)
    scope = sprint.current_ids()
    in_flight = {i for s in sprints if s.status == "active" for i in s.current_ids()}
    ready = ready_points(items.values(), exclude=in_flight)
    escalations = ws.all(
        Escalation,
        where=lambda e: e.status in STILL_OPEN or _during(e.raised, sprint) or _during(e.answered, sprint),
    )
    objectives = {o.id: o for o in settings.objectives}

    def per_objective(objective_id: str) -> dict[str, Any]:
        committed = [
            line for line in sprint.commitment if items.get(line.item) and items[line.item].objective == objective_id
        ]
        done = [i for i in figures.completed if items.get(i) and items[i].objective == objective_id]
        done_ever = [i for i in items.values() if i.objective == objective_id and i.status == "done"]
        objective = objectives.get(objective_id)
        return {
            "id": objective_id or "(none)",
            "title": objective.title if objective else "not linked to an objective",
            "horizon": objective.horizon if objective else "",
            "committed_points": _num(points(line.estimate for line in committed)),
            "completed_items": len(done),
            "completed_points": _num(points(item_points(sprint, i, items) for i in done)),
            "done_to_date_points": _num(points(i.estimate for i in done_ever)),
        }

    objective_ids = [o.id for o in settings.objectives]
    if any(not items[i].objective for i in scope if i in items):
        objective_ids.append("")
    goal_objective = objectives.get(sprint.goal_objective)
    decisions = sorted(ws.all(Decision, where=lambda d: _during(d.date, sprint)), key=lambda d: (d.date, d.id))
    return {
        "schema_version": REPORT_SCHEMA,
        "kind": "sprint-summary",
        "generator": f"ritual-tui {__version__}",
        "generated_on": today,
        "as_of": as_of,
        "product": settings.product,
        "product_goal": settings.product_goal,
        "sprint": {
            "id": sprint.id,
            "number": sprint.number,
            "start": sprint.start,
            "end": sprint.end,
            "status": sprint.status,
            "goal": sprint.goal,
            "goal_objective": sprint.goal_objective,
            "goal_objective_title": goal_objective.title if goal_objective else "",
            "goal_met": sprint.goal_met,
            "goal_verdict": sprint.verdict(),
            "capacity_days": _num(sprint.capacity_days),
            "forecast_points": _num(sprint.forecast),
        },
        "delivery": {
            "committed_items": len(figures.committed),
            "committed_points": _num(figures.committed_points),
            "completed_items": len(figures.completed),
            "completed_points": _num(figures.completed_points),
            "added_points": _num(points(item_points(sprint, i, items) for i in figures.added)),
            "removed_points": _num(points(item_points(sprint, i, items) for i in figures.removed)),
            "carried_over_points": _num(points(item_points(sprint, i, items) for i in figures.carried_over)),
            "added": [_item_line(sprint, i, items) for i in figures.added],
            "removed": [_item_line(sprint, i, items) for i in figures.removed],
            "carried_over": [_item_line(sprint, i, items) for i in figures.carried_over],
            "rejected": [_item_line(sprint, i, items) for i in figures.rejected],
            "items": [
                _item_line(sprint, i, items)
                | {"committed": i in figures.committed, "completed": i in figures.completed}
                for i in dict.fromkeys([*figures.committed, *figures.added])
            ],
        },
        "velocity": {
            "by_sprint": [{"sprint": n, "points": _num(v)} for n, v in trend.by_sprint],
            "mean": _num(trend.mean),
            "min": _num(trend.minimum),
            "max": _num(trend.maximum),
            "last_3_mean": _num(trend.last_three),
        },
        "burndown": [
            {"day": d.day, "ideal": _num(d.ideal), "remaining": _num(d.remaining)}
            for d in burndown(sprint, items, today)
        ],
        "decisions": [
            {
                "id": d.id,
                "date": d.date,
                "title": d.title,
                "level": d.level,
                "status": d.status,
                "source": d.source,
                "decision": d.decision,
                "superseded_by": d.superseded_by,
            }
            for d in decisions
        ],
        "escalations": {
            "raised": [escalation_line(e, as_of) for e in escalations if _during(e.raised, sprint)],
            # Most severe first, then oldest, as the PM brief orders them.
            "still_open": [
                escalation_line(e, as_of)
                for e in by_urgency(escalations, settings)
                if e.status in STILL_OPEN and e.raised is not None and e.raised <= as_of
            ],
            "answered": [escalation_line(e, as_of) for e in escalations if _during(e.answered, sprint)],
        },
        "blockers": _blockers(ws, sprint, as_of),
        "review": review_part(ws, sprint, [_item_line(sprint, i, items) for i in sprint.outcomes]),
        "readiness": {
            "ready_items": len([i for i in items.values() if i.status == "ready" and i.id not in in_flight]),
            "ready_points": _num(ready),
            "mean_velocity": _num(trend.mean),
            "sprints_of_ready_work": _num(sprints_of_ready_work(ready, trend.mean)),
        },
        "objectives": [per_objective(o) for o in objective_ids],
    }
