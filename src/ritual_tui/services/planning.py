"""Sprint planning's use cases: open (or resume) today's planning with what it needs, change the plan
step by step (each change checked, then saved at once), and read what the room needs to decide."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import (
    MemberCapacity,
    check_dates,
    check_members,
    default_dates,
    default_members,
    team_capacity,
)
from ritual_tui.domain.errors import NotFoundError, ValidationError
from ritual_tui.domain.forecast import PastSprint, history
from ritual_tui.domain.planning import SprintPlan
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.sprint import Sprint
from ritual_tui.services.review_close import Closed, close_with_summary
from ritual_tui.services.sessions import SessionContext, open_session
from ritual_tui.services.sprints import last_sprint
from ritual_tui.store.workspace import Workspace


@dataclass
class PlanningContext(SessionContext):
    """The session and its plan, the sprint before, the ranked backlog and the team's history."""

    plan: SprintPlan = field(default_factory=SprintPlan)
    previous: Sprint | None = None
    #: Items the previous sprint did not finish: each is carried over, returned or dropped.
    unfinished: list[str] = field(default_factory=list)
    #: The backlog to choose from: unfinished items, then ready ones, then the rest, each by rank.
    candidates: list[BacklogItem] = field(default_factory=list)
    #: Open items ranked after those shown.
    more: int = 0
    past: list[PastSprint] = field(default_factory=list)
    #: The members of the last committed plan, to copy their availability.
    last_members: list[MemberCapacity] = field(default_factory=list)


def unfinished_items(previous: Sprint | None) -> list[str]:
    """Items of a closed sprint that were carried over (neither accepted nor rejected), but for those
    its review's close already returned to the backlog or dropped."""
    if previous is None or previous.status != "closed":
        return []
    settled = {c.item for c in previous.close_out if c.action in ("return", "drop")}
    return [
        i
        for i in previous.current_ids()
        if previous.outcomes.get(i, "carried-over") == "carried-over" and i not in settled
    ]


#: The head of the ranked backlog a planning shows: a room plans a sprint from its first items, and
#: reading thousands of items whole would cost the screen its speed for nothing (the backlog view
#: lists them all).
SHOWN_ITEMS = 100


def ranked_backlog(
    ws: Workspace, index: Iterable[BacklogItem], previous: Sprint | None, keep: Iterable[str] = ()
) -> tuple[list[BacklogItem], int]:
    """Items that may be planned: not done, dropped or in a running sprint; the previous sprint's
    unfinished items first, then ready items, then the others, each by rank. Ordered from the
    store's ``index``; the first ``SHOWN_ITEMS`` (and those in ``keep``, the plan's selection) are
    read whole and returned, with how many more there are."""
    running = set(previous.current_ids()) if previous is not None and previous.status == "active" else set()
    first = {item_id: n for n, item_id in enumerate(unfinished_items(previous))}
    ranked = sorted(
        (i for i in index if i.status not in ("done", "dropped") and i.id not in running),
        key=lambda i: (i.id not in first, first.get(i.id, 0), i.status != "ready", i.rank),
    )
    kept = set(keep)
    shown = [i.id for n, i in enumerate(ranked) if n < SHOWN_ITEMS or i.id in kept]
    chosen = set(shown)
    whole = {i.id: i for i in ws.all(BacklogItem, where=lambda i: i.id in chosen)}
    return [whole[i] for i in shown if i in whole], len(ranked) - len(shown)


def last_plan(ws: Workspace, sprint: Sprint | None) -> SprintPlan | None:
    """The committed plan of a sprint, from the planning sessions held up to its start."""
    if sprint is None:
        return None
    window = ws.sessions_between(sprint.start - timedelta(days=ws.settings.longest_sprint_days), sprint.start)
    plans = [s.plan for s in window if s.ritual == "planning" and s.plan is not None and s.plan.sprint == sprint.id]
    return plans[-1] if plans else None


def new_plan(ws: Workspace, previous: Sprint | None, today: date) -> SprintPlan:
    """A plan as the settings propose it: dates from the sprint length, the team as usual."""
    settings = ws.settings
    start, end = default_dates(settings, previous, today)
    members = default_members(settings)
    return SprintPlan(
        previous=previous.id if previous else "",
        start=start,
        end=end,
        members=members,
        capacity_days=team_capacity(members, start, end),
    )


def open_planning(ws: Workspace, today: date | None = None, new: bool = False) -> PlanningContext:
    """Today's planning (resumed if under way, with its plan as it was left), and what it needs."""
    today = today or clock.today()
    base = open_session(ws, "planning", today, new)
    plan = base.session.plan
    previous = ws.get(Sprint, plan.previous) if plan is not None and plan.previous else last_sprint(ws)
    if plan is None:
        plan = new_plan(ws, previous, today)
        base.session = ws.update(RitualSession, base.session.id, lambda s: setattr(s, "plan", plan))
    elif _closed_early_since(plan, previous):
        assert previous is not None
        plan = _start_after(ws, base.session.id, previous, today)  # closed at the review meanwhile
    index = ws.index(BacklogItem)
    items = {i.id: i for i in index}
    before = last_plan(ws, previous if previous is not None and previous.id != plan.sprint else None)
    candidates, more = ranked_backlog(ws, index, previous, plan.selected)
    return PlanningContext(
        **vars(base),
        plan=plan,
        previous=previous,
        unfinished=unfinished_items(previous),
        candidates=candidates,
        more=more,
        past=history(ws.all(Sprint), items, ws.settings.forecast_sprints),
        last_members=before.members if before else [],
    )


def _closed_early_since(plan: SprintPlan, previous: Sprint | None) -> bool:
    """True when the plan still has the dates proposed while the last sprint ran (from the day after
    its end), and that sprint has since closed before its end."""
    if plan.sprint or previous is None or previous.status != "closed" or previous.closed is None:
        return False
    return previous.closed.date() < previous.end and plan.start == previous.end + timedelta(days=1)


def change_plan(ws: Workspace, session_id: str, change: Callable[[SprintPlan], None]) -> SprintPlan:
    """Change the plan of a planning session under the lock; a change that raises saves nothing."""

    def apply(session: RitualSession) -> None:
        plan = session.plan or SprintPlan()
        if plan.sprint:
            raise ValidationError(f"This plan is committed: {plan.sprint} has started. Nothing changed.")
        change(plan)
        session.plan = plan

    plan = ws.update(RitualSession, session_id, apply).plan
    assert plan is not None
    return plan


def _previous(ws: Workspace, plan: SprintPlan) -> Sprint | None:
    try:
        return ws.get(Sprint, plan.previous) if plan.previous else None
    except NotFoundError:
        return None


def set_dates(ws: Workspace, session_id: str, start: date, end: date, today: date | None = None) -> SprintPlan:
    """Move the sprint's dates (checked against today, the settings and the sprint before)."""
    today = today or clock.today()

    def change(plan: SprintPlan) -> None:
        check_dates(start, end, ws.settings, today, _previous(ws, plan))
        check_members(plan.members, start, end)
        plan.start, plan.end = start, end
        plan.capacity_days = team_capacity(plan.members, start, end)

    return change_plan(ws, session_id, change)


def set_member(
    ws: Workspace,
    session_id: str,
    name: str,
    availability: float | None = None,
    days_off: list[date] | None = None,
) -> SprintPlan:
    """Change one member's share of the day or days off for this sprint."""

    def change(plan: SprintPlan) -> None:
        member = next((m for m in plan.members if m.name == name), None)
        if member is None:
            raise NotFoundError(f"{name} is not in this plan's team.")
        changed = MemberCapacity(
            name=name,
            availability=member.availability if availability is None else availability,
            days_off=member.days_off if days_off is None else days_off,
        )
        assert plan.start is not None and plan.end is not None
        check_members([changed], plan.start, plan.end)
        plan.members = [changed if m.name == name else m for m in plan.members]
        plan.capacity_days = team_capacity(plan.members, plan.start, plan.end)

    return change_plan(ws, session_id, change)


def copy_shares(ws: Workspace, session_id: str, last: list[MemberCapacity]) -> SprintPlan:
    """Take each member's share of the day from the last sprint's plan (days off are dates of that
    sprint, so they are not copied)."""
    shares = {m.name: m.availability for m in last}

    def change(plan: SprintPlan) -> None:
        if not shares:
            raise NotFoundError("The last sprint has no plan to copy from.")
        for member in plan.members:
            member.availability = shares.get(member.name, member.availability)
        assert plan.start is not None and plan.end is not None
        plan.capacity_days = team_capacity(plan.members, plan.start, plan.end)

    return change_plan(ws, session_id, change)


def close_previous(ws: Workspace, session_id: str, verdict: str, today: date | None = None) -> Closed:
    """Close the sprint still open before its end (the PO said yes, and gave the goal's verdict:
    met, partly, not-met) and write its summary; the new sprint's dates then start from today.
    What becomes of its unfinished items is decided in the planning, and kept on it at the commit."""
    today = today or clock.today()
    result = close_with_summary(ws, verdict)
    _start_after(ws, session_id, last_sprint(ws), today)
    return result


def _start_after(ws: Workspace, session_id: str, closed: Sprint | None, today: date) -> SprintPlan:
    """The plan's dates moved to follow a sprint closed early: from today, days off kept within them."""
    start, end = default_dates(ws.settings, closed, today)

    def change(plan: SprintPlan) -> None:
        plan.previous = closed.id if closed else ""
        plan.start, plan.end = start, end
        plan.members = [
            MemberCapacity(
                name=m.name, availability=m.availability, days_off=[d for d in m.days_off if start <= d <= end]
            )
            for m in plan.members
        ]
        plan.capacity_days = team_capacity(plan.members, start, end)

    return change_plan(ws, session_id, change)
