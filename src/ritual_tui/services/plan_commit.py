"""The commitment: the sprint starts with its snapshot frozen, the planning keeps what was decided
and why, and the sprint plan is written for stakeholders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.planning import ForecastNote, LeftOut, SprintPlan, further_risks, selection
from ritual_tui.domain.review import CloseOut
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.reports.plan import write_plan
from ritual_tui.services.planning import unfinished_items
from ritual_tui.services.review_close import write_summary
from ritual_tui.services.sprints import start_sprint
from ritual_tui.store.workspace import Workspace

#: Why an item ranked above the last one taken was not taken, when the room gave no reason.
PASSED_OVER = "passed over: ranked above the last item taken"


@dataclass
class Committed:
    """The sprint just started, the plan as saved, the plan files written."""

    sprint: Sprint
    plan: SprintPlan
    files: list[Path]
    #: The last sprint's summary, written again with the close-out decided here ([] when none).
    summary: list[Path] = field(default_factory=list)


def ready_to_commit(plan: SprintPlan, previous: Sprint | None) -> None:
    """Refuse a commitment the room has not finished deciding, saying what is missing."""
    if plan.sprint:
        raise ValidationError(f"This plan is committed already: {plan.sprint} has started.")
    if previous is not None and previous.status == "active":
        raise ValidationError(f"{previous.id} is still open: review it or close it (r) before committing.")
    undecided = [i for i in unfinished_items(previous) if plan.close_out_of(i) is None]
    if undecided:
        raise ValidationError(
            f"Decide first what becomes of {previous.id if previous else 'the last sprint'}'s unfinished "
            f"items (u: carry over, return or drop): {', '.join(undecided)}."
        )
    if not plan.goal.strip():
        raise ValidationError("Set the sprint goal first (g).")
    if not plan.selected:
        raise ValidationError("Select at least one item first.")


def _passed_over(ws: Workspace, plan: SprintPlan) -> list[LeftOut]:
    ready = sorted(ws.all(BacklogItem, where=lambda i: i.status == "ready"), key=lambda i: i.rank)
    taken = set(plan.selected)
    lowest = max((n for n, i in enumerate(ready) if i.id in taken), default=-1)
    noted = {x.item for x in plan.left_out} | {c.item for c in plan.close_out}
    return [LeftOut(item=i.id, reason=PASSED_OVER) for i in ready[:lowest] if i.id not in taken | noted]


def commit_plan(ws: Workspace, session_id: str) -> Committed:
    """Start the sprint from the plan, apply the close-out, save the plan with its forecast and
    risks, and write the sprint plan (Markdown, JSON, HTML)."""
    settings, today = ws.settings, clock.today()
    with ws.lock:
        plan = ws.get(RitualSession, session_id).plan
        if plan is None:
            raise ValidationError("This session has no plan to commit.")
        previous = ws.get(Sprint, plan.previous) if plan.previous else None
        ready_to_commit(plan, previous)
        started = start_sprint(
            ws, plan.selected, plan.goal, plan.goal_objective, plan.start, plan.end, plan.members or None
        )
        for decided in plan.close_out:
            if decided.action == "drop":
                ws.update(BacklogItem, decided.item, lambda i: i.move_to("dropped", today))
        if previous is not None and plan.close_out:
            previous = ws.update(Sprint, previous.id, _keep_close_out(plan.close_out))
        items = {i: ws.get(BacklogItem, i) for i in plan.selected}
        chosen = selection(plan.selected, items, plan.goal_objective)
        outlook = started.forecast
        assert outlook is not None
        plan.forecast = ForecastNote.of(outlook, chosen.points)
        plan.capacity_days = started.sprint.capacity_days
        plan.risks = started.warnings + further_risks(plan, items, settings, outlook.caveat, chosen.goal_share)
        plan.left_out += _passed_over(ws, plan)
        plan.sprint, plan.committed = started.sprint.id, clock.now()

        def keep(session: RitualSession) -> None:
            session.plan, session.sprint = plan, started.sprint.id

        ws.update(RitualSession, session_id, keep)
    summary = write_summary(ws, previous) if previous is not None and plan.close_out else []
    return Committed(started.sprint, plan, write_plan(ws, started.sprint, plan), summary)


def _keep_close_out(decided: list[CloseOut]) -> Callable[[Sprint], None]:
    """The planning's close-out kept on the sprint it closes out, in place of what its close assumed
    (every unfinished item carried over), so that its summary counts what was returned or dropped."""

    def keep(sprint: Sprint) -> None:
        by_item = {line.item: line for line in decided}
        sprint.close_out = [by_item.pop(line.item, line) for line in sprint.close_out] + list(by_item.values())

    return keep
