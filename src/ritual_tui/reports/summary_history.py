"""What a summary tells of the sprints before and of the backlog, as of the summary's day: the
velocity trend, backlog readiness and delivery per roadmap objective."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ritual_tui.domain.delivery import sprint_figures
from ritual_tui.domain.rules import VelocityTrend, points, sprints_of_ready_work, velocity_trend
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.sprint_on_day import SprintOnDay, num


def velocity_part(sprints: Sequence[Sprint], day: SprintOnDay) -> tuple[dict[str, Any], VelocityTrend]:
    """Committed and completed points of every sprint closed by the summary's sprint (never capped)."""
    trend = velocity_trend(sprints, day.items, up_to=day.sprint.number)
    return {
        "by_sprint": [
            {"sprint": v.sprint, "committed": num(v.committed), "completed": num(v.completed)} for v in trend.by_sprint
        ],
        "sprints": len(trend.by_sprint),
        "mean": num(trend.mean),
        "min": num(trend.minimum),
        "max": num(trend.maximum),
        "last_3_mean": num(trend.last_three),
    }, trend


def readiness_part(sprints: Sequence[Sprint], day: SprintOnDay, mean_velocity: float | None) -> dict[str, Any]:
    """Ready work not in a sprint: today's while the sprint runs, as frozen at its close after."""
    frozen = day.frozen
    if day.running:
        in_flight = {i for s in sprints if s.status != "closed" for i in s.current_ids()}
        ready = [i for i in day.items.values() if i.status == "ready" and i.id not in in_flight]
        count, total = len(ready), points(i.estimate for i in ready)
    elif frozen is not None:
        count, total = frozen.ready_items, frozen.ready_points
    else:  # closed before ritual-tui froze it: today's backlog would be a wrong answer
        return {"recorded": False, "ready_items": None, "ready_points": None, "mean_velocity": num(mean_velocity)}
    ratio = sprints_of_ready_work(total, mean_velocity)
    return {
        "recorded": True,
        "ready_items": count,
        "ready_points": num(total),
        "mean_velocity": num(mean_velocity),
        # One decimal: a tenth of a sprint is a day, finer than any plan.
        "sprints_of_ready_work": None if ratio is None else round(ratio, 1),
    }


def _done_to_date(sprints: Sequence[Sprint], day: SprintOnDay) -> dict[str, float]:
    """Objective → points completed in every sprint up to the summary's, each item counted at the
    points it carried in its sprint and for the objective it served then."""
    done: dict[str, float] = {}
    for sprint in sprints:
        if sprint.number > day.sprint.number or (sprint.status != "closed" and sprint.id != day.sprint.id):
            continue
        then = SprintOnDay(sprint, day.as_of, day.items, sprint_figures(sprint, day.items))
        for item_id in then.figures.completed:
            objective = then.objective(item_id)
            done[objective] = done.get(objective, 0.0) + then.figures.points([item_id])
    return done


def _left_in_backlog(day: SprintOnDay) -> dict[str, float] | None:
    """Objective → points of its items neither done nor dropped, on the as-of day (None: not known)."""
    if day.frozen is not None:
        return dict(day.frozen.left_by_objective)
    if not day.running:
        return None
    left: dict[str, float] = {}
    for item in day.items.values():
        if item.status not in ("done", "dropped"):
            left[item.objective] = left.get(item.objective, 0.0) + (item.estimate or 0.0)
    return left


def objectives_part(settings: Settings, sprints: Sequence[Sprint], day: SprintOnDay) -> dict[str, Any]:
    """Per roadmap objective: committed and completed in the sprint, done to date, left in the backlog."""
    f = day.figures
    served = {i: day.objective(i) for i in f.ledger.points_of}
    known = {o.id: o for o in settings.objectives}
    done, left = _done_to_date(sprints, day), _left_in_backlog(day)
    # Objectives no longer in the settings, and items serving none, get rows of their own: the rows
    # then add up to the sprint's totals.
    others = {*served.values(), *(o for o, p in [*done.items(), *(left or {}).items()] if p)} - set(known)
    ids = list(known) + sorted(others, key=lambda o: (o == "", o))
    rows: list[dict[str, Any]] = []
    for objective_id in ids:
        mine = [i for i, o in served.items() if o == objective_id]
        completed = [i for i in f.completed if i in mine]
        objective = known.get(objective_id)
        rows.append(
            {
                "id": objective_id,
                "title": objective.title if objective else ("not linked to an objective" if not objective_id else ""),
                "horizon": objective.horizon if objective else "",
                "committed_points": num(sum(f.ledger.committed.get(i, 0.0) for i in mine)),
                "completed_items": len(completed),
                "completed_points": num(f.points(completed)),
                "done_to_date_points": num(done.get(objective_id, 0.0)),
                "left_points": None if left is None else num(left.get(objective_id, 0.0)),
            }
        )
    totals: dict[str, Any] = {}
    for key in ("committed_points", "completed_items", "completed_points", "done_to_date_points", "left_points"):
        values = [r[key] for r in rows]
        totals[key] = None if None in values else num(sum(values))
    return {"rows": rows, "totals": totals}
