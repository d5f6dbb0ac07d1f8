"""The sprint's life: started with a frozen commitment, its scope changed, closed with outcomes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
from ritual_tui.domain.dates import implausible
from ritual_tui.domain.errors import NotFoundError, ValidationError
from ritual_tui.domain.forecast import Forecast, forecast, history
from ritual_tui.domain.review import CLOSE_OUT_ACTIONS, GOAL_VERDICTS, CloseOut
from ritual_tui.domain.rules import (
    SprintFigures,
    check_objective,
    format_points,
    points,
    readiness_gaps,
    sprint_figures,
)
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint
from ritual_tui.domain.text import one_of, storable_text
from ritual_tui.services.sprint_close import freeze_at_close
from ritual_tui.store.workspace import Workspace


def active_sprint(ws: Workspace) -> Sprint | None:
    """The sprint under way, if any; newest sprint files are read first and the search stops early."""
    for record_file in reversed(ws.files(Sprint)):
        (sprint,) = ws.read_each(Sprint, [record_file])  # None: damaged, left out (when skipping)
        if sprint is not None and sprint.status == "active":
            return sprint
    return None


def require_active(ws: Workspace) -> Sprint:
    """The sprint under way; an error that says how to start one when there is none."""
    sprint = active_sprint(ws)
    if sprint is None:
        raise NotFoundError("No sprint is under way; start one with `ritual sprint start --goal GOAL ITEM…`.")
    return sprint


def sprint_items(ws: Workspace, sprint: Sprint) -> dict[str, BacklogItem]:
    """The items a sprint touched (committed or added), by id, in the order they entered it; ids no
    longer found are skipped, and a damaged file too while ``ws.skip_damaged``. One listing of the
    backlog folder, not one per item (a sprint of eight items out of 5,000 took 18 ms item by item,
    4 ms so)."""
    ids = list(dict.fromkeys([*sprint.committed_ids(), *(c.item for c in sprint.scope_changes)]))
    found = ws.get_each(BacklogItem, ids)
    return {item_id: found[item_id] for item_id in ids if item_id in found}


@dataclass
class Started:
    """A sprint just started, and what the PO should know about its commitment."""

    sprint: Sprint
    warnings: list[str] = field(default_factory=list)
    #: The forecast the commitment was weighed against.
    forecast: Forecast | None = None


def last_sprint(ws: Workspace) -> Sprint | None:
    """The sprint with the highest number, running or closed."""
    sprints = ws.all(Sprint)
    return max(sprints, key=lambda s: s.number) if sprints else None


def sprint_forecast(ws: Workspace, capacity: float) -> Forecast:
    """The forecast for a sprint of ``capacity`` person-days, from the team's closed sprints (the
    one function behind the planning screen, ``ritual sprint forecast`` and ``ritual sprint start``)."""
    items = {i.id: i for i in ws.index(BacklogItem)}
    return forecast(history(ws.all(Sprint), items, ws.settings.forecast_sprints), capacity)


def start_sprint(
    ws: Workspace,
    item_refs: Iterable[str],
    goal: str,
    objective: str = "",
    start: date | None = None,
    end: date | None = None,
    members: Sequence[MemberCapacity] | None = None,
) -> Started:
    """Start a sprint: the committed items and their estimates are frozen as the snapshot, its
    capacity comes from the members' availability and days off (the settings' team by default).
    Warns, without refusing, when the commitment fails the Definition of Ready or is above P85."""
    settings = ws.settings
    today = clock.today()
    with ws.lock:
        if active_sprint(ws) is not None:
            raise ValidationError(
                "A sprint is already under way; close it first with `ritual sprint close --goal-met yes|no`."
            )
        previous = last_sprint(ws)
        start = start or default_dates(settings, previous, today)[0]
        try:
            end = end or start + timedelta(days=settings.sprint_days - 1)
        except OverflowError:
            end = date.max
        if implausible(end):
            raise ValidationError(
                f"The sprint would end on {end}, {implausible(end)}: see sprint_days in workspace.toml."
            )
        check_dates(start, end, settings, today, previous)
        team = list(members) if members is not None else default_members(settings)
        check_members(team, start, end)
        items = [ws.get(BacklogItem, ref) for ref in dict.fromkeys(item_refs)]
        warnings = []
        for item in items:
            if item.status in ("done", "dropped"):
                raise ValidationError(f"{item.id} is {item.status}; it cannot be committed.")
            gaps = readiness_gaps(item, settings)
            if gaps:
                warnings.append(f"{item.id} does not meet the Definition of Ready: {'; '.join(gaps)}")
        capacity = team_capacity(team, start, end)
        outlook = sprint_forecast(ws, capacity)
        committed = points(i.estimate for i in items)
        if outlook.p85 is not None and committed > outlook.p85:
            warnings.append(
                f"The commitment ({format_points(committed)} points) is above P85 ({outlook.p85} points): the team "
                f"finishes it in {round((outlook.chance(committed) or 0) * 100)}% of the forecast's outcomes."
            )
        sprint = Sprint(
            number=0,
            start=start,
            end=end,
            goal=storable_text(goal, "goal"),
            goal_objective=check_objective(objective, settings),
            capacity_days=capacity,
            forecast=outlook.p50,
            commitment=[CommittedItem(item=i.id, title=i.title, estimate=i.estimate) for i in items],
        )
        ws.add(sprint)
    return Started(sprint, warnings, outlook)


def change_scope(ws: Workspace, item_ref: str, change: str, reason: str = "") -> tuple[Sprint, BacklogItem]:
    """Record an item ``added`` to or ``removed`` from the sprint under way, with the time."""
    with ws.lock:
        sprint = require_active(ws)
        item = ws.get(BacklogItem, item_ref)
        inside = item.id in sprint.current_ids()
        if change == "added" and inside:
            raise ValidationError(f"{item.id} is already in {sprint.id}.")
        if change == "removed" and not inside:
            raise ValidationError(f"{item.id} is not in {sprint.id}.")
        sprint.scope_changes.append(
            ScopeChange(
                at=clock.now(),
                item=item.id,
                change=change,
                estimate=item.estimate,
                reason=storable_text(reason, "reason"),
            )
        )
        ws.save(sprint)
    return sprint, item


def goal_verdict(goal_met: bool | str) -> str:
    """The verdict on the goal: from yes/no (True/False), or one of met, partly, not-met."""
    if isinstance(goal_met, bool):
        return "met" if goal_met else "not-met"
    return one_of(goal_met, GOAL_VERDICTS, "goal verdict")


def sprint_to_close(ws: Workspace) -> Sprint:
    """The sprint under way; closing one already closed is refused by name."""
    sprint = active_sprint(ws)
    if sprint is not None:
        return sprint
    sprint_files = ws.files(Sprint)
    last = ws.read(Sprint, sprint_files[-1]) if sprint_files else None
    if last is not None and last.status == "closed":
        when = f" on {last.closed:%Y-%m-%d}" if last.closed else ""
        raise ValidationError(f"{last.id} was closed already{when}; no sprint is under way to close.")
    return require_active(ws)


def close_sprint(
    ws: Workspace,
    goal_met: bool | str,
    rejected_refs: Iterable[str] = (),
    reason: str | None = None,
    close_out: Iterable[CloseOut] = (),
) -> tuple[Sprint, SprintFigures]:
    """Close the sprint under way: done items accepted (unless the review decided otherwise), rejected
    ones noted, the rest carried over.

    ``goal_met`` is yes/no (True/False) or a verdict: met, partly, not-met; ``reason`` says why (none
    keeps the reason given at the review). Each item not accepted is carried over to the next sprint,
    returned to the backlog (both ready again) or dropped, as ``close_out`` decides; by default a
    rejected item returns to the backlog and the others are carried over. What its summary needs is
    frozen as it closes.
    """
    today = clock.today()
    verdict = goal_verdict(goal_met)
    with ws.lock:
        sprint = sprint_to_close(ws)
        scope = sprint.current_ids()
        rejected = {ws.get(BacklogItem, ref).id for ref in rejected_refs}
        decided = {ws.get(BacklogItem, line.item).id: line for line in close_out}
        strangers = (rejected | set(decided)) - set(scope)
        if strangers:
            raise ValidationError(f"Not in {sprint.id}: {', '.join(sorted(strangers))}.")
        sprint.close_out = []
        statuses_before = {}
        for item_id in scope:
            item = ws.get(BacklogItem, item_id)
            statuses_before[item_id] = item.status
            if item_id in rejected:
                outcome = "rejected"
            else:
                outcome = sprint.outcomes.get(item_id) or ("accepted" if item.status == "done" else "carried-over")
            sprint.outcomes[item_id] = outcome
            if outcome == "accepted":
                continue
            given = decided.get(item_id)
            line = CloseOut(
                item=item_id,
                action=one_of(given.action, CLOSE_OUT_ACTIONS, "close-out") if given else _default_close_out(outcome),
                reason=storable_text(given.reason, "reason") if given else "",
            )
            sprint.close_out.append(line)
            status = "dropped" if line.action == "drop" else "ready"
            if status == "dropped" or item.status in ("in-progress", "review", "done"):
                _move(ws, item_id, status, today)
        sprint.goal_met = verdict == "met"
        sprint.goal_verdict = verdict
        if reason:
            sprint.goal_reason = storable_text(reason, "reason")
        sprint.status = "closed"
        sprint.closed = clock.now()
        freeze_at_close(ws, sprint, statuses_before, today)
        ws.save(sprint)
    return sprint, sprint_figures(sprint, sprint_items(ws, sprint))


def _move(ws: Workspace, item_id: str, status: str, on: date) -> None:
    ws.update(BacklogItem, item_id, lambda item: item.move_to(status, on))


def _default_close_out(outcome: str) -> str:
    # A rejected item missed its criteria or the Definition of Done: it goes back to be refined and
    # ranked again. One that was not finished is carried over for the next sprint to pick up.
    return "return" if outcome == "rejected" else "carry-over"
