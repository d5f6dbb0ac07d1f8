"""The sprint plan for stakeholders: goal, capacity, the forecast and how it was computed, what was
committed and what was left out, confidence and risks. One document, drawn as Markdown, JSON and
HTML by the report renderers; private notes and per-member votes never enter it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import member_days
from ritual_tui.domain.planning import SprintPlan, flags, selection
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.blocks import Block, Heading, Paragraph, Table, text
from ritual_tui.reports.files import FORMATS, write_report
from ritual_tui.store.workspace import Workspace

#: The workspace folder the sprint plans are written to.
PLANS_FOLDER = "plans"
#: Version of the sprint plan document's layout (see the README's "Sprint plan").
PLAN_SCHEMA = 1


def _num(value: float | None) -> float | int | None:
    """Points as JSON: whole numbers as integers."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 2)


def _percent(share: float | None) -> int | None:
    return None if share is None else round(share * 100)


def plan_document(
    settings: Settings, sprint: Sprint, plan: SprintPlan, items: Mapping[str, BacklogItem]
) -> dict[str, Any]:
    """The sprint plan as a JSON-ready document."""
    objectives = {o.id: o for o in settings.objectives}
    chosen = selection(plan.selected, items, sprint.goal_objective)
    note = plan.forecast

    def line(item_id: str) -> dict[str, Any]:
        item = items.get(item_id)
        return {
            "id": item_id,
            "title": item.title if item else "(item no longer in the backlog)",
            "points": _num(item.estimate) if item else None,
            "objective": item.objective if item else "",
            "serves_goal": bool(item and sprint.goal_objective and item.objective == sprint.goal_objective),
            "flags": flags(item, settings) if item else [],
        }

    goal_objective = objectives.get(sprint.goal_objective)
    return {
        "schema_version": PLAN_SCHEMA,
        "kind": "sprint-plan",
        "generator": f"ritual-tui {__version__}",
        "generated_on": clock.today(),
        "product": settings.product,
        "product_goal": settings.product_goal,
        "sprint": {
            "id": sprint.id,
            "number": sprint.number,
            "start": sprint.start,
            "end": sprint.end,
            "goal": sprint.goal,
            "goal_objective": sprint.goal_objective,
            "goal_objective_title": goal_objective.title if goal_objective else "",
        },
        "capacity": {
            "person_days": _num(sprint.capacity_days),
            "members": [
                {
                    "name": m.name,
                    "availability_percent": round(m.availability * 100),
                    "days_off": m.days_off,
                    "person_days": _num(round(member_days(m, sprint.start, sprint.end), 1)),
                }
                for m in plan.members
            ],
        },
        "forecast": {
            "p50": note.p50 if note else None,
            "p85": note.p85 if note else None,
            "chance_percent": _percent(note.chance) if note else None,
            "sprints": note.sprints if note else [],
            "scaled_velocities": [_num(v) for v in note.scaled] if note else [],
            "method": note.method if note else "",
        },
        "commitment": {
            "items": [line(i) for i in sprint.committed_ids()],
            "points": _num(chosen.points),
            "goal_points": _num(chosen.goal_points),
            "goal_share_percent": _percent(chosen.goal_share),
            "not_ready_confirmed": plan.confirmed_not_ready,
        },
        "close_out": [line(c.item) | {"action": c.action, "reason": c.reason} for c in plan.close_out],
        "left_out": [line(x.item) | {"reason": x.reason} for x in plan.left_out],
        "confidence": {
            "counts": plan.confidence.counts if plan.confidence else [],
            "room_said": plan.confidence.said if plan.confidence else "",
        },
        "risks": plan.risks,
    }


def _items(rows: list[dict[str, Any]], *extra: str) -> Table:
    headers = ["Item", "Title", "Points", "Objective", "Flags", *(e.capitalize() for e in extra)]
    return Table(
        headers,
        [
            [r["id"], r["title"], text(r["points"]), text(r["objective"]), text(", ".join(r["flags"]))]
            + [text(r[e]) for e in extra]
            for r in rows
        ],
        "None.",
        (2,),
    )


def plan_blocks(doc: dict[str, Any]) -> list[Block]:
    """The sprint plan, in the order a stakeholder reads it."""
    s, cap, f, c = doc["sprint"], doc["capacity"], doc["forecast"], doc["commitment"]
    serves = f" (serves {s['goal_objective']}: {s['goal_objective_title']})" if s["goal_objective"] else ""
    counts, said = doc["confidence"]["counts"], doc["confidence"]["room_said"]
    vote = " · ".join(f"{n} × {fingers}" for fingers, n in enumerate(counts) if n) if counts else "not taken"
    return [
        Heading(1, f"{doc['product']}: sprint {s['number']} plan"),
        Paragraph([(f"{s['start']} to {s['end']} · planned {doc['generated_on']}", "italic")]),
        Paragraph([("Product goal: ", "bold"), (doc["product_goal"] or "none set", "")]),
        Paragraph([("Sprint goal: ", "bold"), (s["goal"] + serves, "")]),
        Heading(2, "Commitment"),
        Paragraph(
            [
                (f"{text(c['points'])} points in {len(c['items'])} items; ", ""),
                (f"{text(c['goal_share_percent'])}% of the points serve the goal's objective. ", ""),
                (f"Forecast: P50 {text(f['p50'])}, P85 {text(f['p85'])} points; ", ""),
                (f"chance of finishing: {text(f['chance_percent'])}%.", "bold"),
            ]
        ),
        _items(c["items"]),
        Heading(2, "Capacity"),
        Paragraph([(f"{text(cap['person_days'])} person-days.", "")]),
        Table(
            ["Member", "Availability (%)", "Days off", "Person-days"],
            [
                [m["name"], m["availability_percent"], ", ".join(map(str, m["days_off"])) or "–", m["person_days"]]
                for m in cap["members"]
            ],
            "No team set.",
            (1, 3),
        ),
        Heading(2, "How the forecast was computed"),
        Paragraph([(f["method"] or "No forecast.", "")]),
        Table(
            ["Sprint", "Velocity scaled to this sprint"],
            [[n, v] for n, v in zip(f["sprints"], f["scaled_velocities"], strict=False)],
            "No closed sprint yet.",
            (1,),
        ),
        Heading(2, "Unfinished items of the last sprint"),
        _items(doc["close_out"], "action", "reason") if doc["close_out"] else Paragraph([("None.", "italic")]),
        Heading(2, "Left out, and why"),
        _items(doc["left_out"], "reason") if doc["left_out"] else Paragraph([("None.", "italic")]),
        Heading(2, "Confidence"),
        Paragraph([(f"Fist of five: {vote}.", ""), *([(f" The room said: {said}", "")] if said else [])]),
        Heading(2, "Risks"),
        Table(["Risk"], [[r] for r in doc["risks"]], "None named."),
        Paragraph([(f"{doc['generator']}, {doc['generated_on']}. Every figure is defined in the README.", "italic")]),
    ]


def write_plan(ws: Workspace, sprint: Sprint, plan: SprintPlan) -> list[Path]:
    """Write ``plans/sprint-N-plan.md|json|html``; returns the paths written."""
    items = {i: ws.get(BacklogItem, i) for i in dict.fromkeys([*sprint.committed_ids(), *plan.selected])}
    mentioned = [x.item for x in plan.left_out] + [c.item for c in plan.close_out]
    others = [i for i in mentioned if ws.exists(BacklogItem, i)]
    items |= {i: ws.get(BacklogItem, i) for i in others}
    doc = plan_document(ws.settings, sprint, plan, items)
    title = f"{doc['product']}: sprint {sprint.number} plan"
    return write_report(doc, plan_blocks, FORMATS, ws.root / PLANS_FOLDER, f"sprint-{sprint.number}-plan", title)
