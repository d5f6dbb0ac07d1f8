"""``ritual sprint start|add|remove|close|list|show``."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import Any

from ritual_tui.commands.output import print_fields, print_json, print_table, record_json
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.dates import implausible
from ritual_tui.domain.errors import NotFoundError, ValidationError
from ritual_tui.domain.rules import (
    capacity_days,
    check_objective,
    format_points,
    plural,
    readiness_gaps,
    sprint_figures,
)
from ritual_tui.domain.sprint import CommittedItem, ScopeChange, Sprint
from ritual_tui.domain.text import storable_text, visible
from ritual_tui.store.sprints import active_sprint
from ritual_tui.store.workspace import Workspace


def _date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None
    why = implausible(day)
    if why:
        raise argparse.ArgumentTypeError(f"{day} is {why}")
    return day


def register(commands: Any) -> None:
    """Add the ``sprint`` command family to the parser."""
    sprint = commands.add_parser("sprint", help="start, change, close and list sprints")
    sub = sprint.add_subparsers(dest="action", required=True, metavar="ACTION")

    start = sub.add_parser("start", help="start a sprint, freezing the commitment")
    start.add_argument("items", nargs="*", metavar="ITEM", help="committed backlog item ids")
    start.add_argument("--goal", required=True)
    start.add_argument("--objective", default="", help="roadmap objective the goal serves")
    start.add_argument("--start", type=_date, help="first day (default: today)")
    start.add_argument("--end", type=_date, help="last day (default: start + sprint_days - 1)")
    start.set_defaults(func=start_sprint)

    for action, help_text in (("add", "add an item to the active sprint"), ("remove", "take one out")):
        change = sub.add_parser(action, help=help_text)
        change.add_argument("item")
        change.add_argument("--reason", default="")
        change.set_defaults(func=change_scope, change=action)

    close = sub.add_parser("close", help="close the active sprint with its review outcome")
    close.add_argument("--goal-met", choices=("yes", "no"), required=True)
    close.add_argument("--reject", action="append", default=[], help="item rejected at the review (repeat)")
    close.set_defaults(func=close_sprint)

    listing = sub.add_parser("list", help="list sprints")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_sprints, carry_on=True)

    show = sub.add_parser("show", help="show a sprint (default: the active or last one)")
    show.add_argument("id", nargs="?")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_sprint)


def _require_active(ws: Workspace) -> Sprint:
    sprint = active_sprint(ws)
    if sprint is None:
        raise NotFoundError("No sprint is under way; start one with `ritual sprint start --goal GOAL ITEM…`.")
    return sprint


def start_sprint(ws: Workspace, args: argparse.Namespace) -> int:
    """Start a sprint: the committed items and their estimates are frozen as the snapshot."""
    settings = ws.settings
    start = args.start or clock.today()
    try:
        end = args.end or start + timedelta(days=settings.sprint_days - 1)
    except OverflowError:
        end = date.max
    if implausible(end):
        raise ValidationError(f"The sprint would end on {end}, {implausible(end)}: see sprint_days in workspace.toml.")
    if end < start:
        raise ValidationError(f"The sprint ends ({end}) before it starts ({start}).")
    with ws.lock:
        if active_sprint(ws) is not None:
            raise ValidationError(
                "A sprint is already under way; close it first with `ritual sprint close --goal-met yes|no`."
            )
        items = [ws.get(BacklogItem, ref) for ref in dict.fromkeys(args.items)]
        for item in items:
            if item.status in ("done", "dropped"):
                raise ValidationError(f"{item.id} is {item.status}; it cannot be committed.")
            gaps = readiness_gaps(item, settings)
            if gaps:
                gaps_text = visible("; ".join(gaps))  # an item's status comes from its file as written
                print(f"warning: {item.id} does not meet the Definition of Ready: {gaps_text}", file=sys.stderr)
        sprint = Sprint(
            number=0,
            start=start,
            end=end,
            goal=storable_text(args.goal, "goal"),
            goal_objective=check_objective(args.objective, settings),
            capacity_days=capacity_days(settings, start, end),
            commitment=[CommittedItem(item=i.id, title=i.title, estimate=i.estimate) for i in items],
        )
        ws.add(sprint)
    print(f"Started {sprint.id}: {plural(len(items), 'item')} committed")
    return 0


_PAST = {"add": "added", "remove": "removed"}


def change_scope(ws: Workspace, args: argparse.Namespace) -> int:
    """Record an item added to or removed from the active sprint, with the time."""
    with ws.lock:
        sprint = _require_active(ws)
        item = ws.get(BacklogItem, args.item)
        inside = item.id in sprint.current_ids()
        if args.change == "add" and inside:
            raise ValidationError(f"{item.id} is already in {sprint.id}.")
        if args.change == "remove" and not inside:
            raise ValidationError(f"{item.id} is not in {sprint.id}.")
        sprint.scope_changes.append(
            ScopeChange(
                at=clock.now(),
                item=item.id,
                change=_PAST[args.change],
                estimate=item.estimate,
                reason=storable_text(args.reason, "reason"),
            )
        )
        ws.save(sprint)
    print(f"{_PAST[args.change].capitalize()} {item.id} ({'to' if args.change == 'add' else 'from'} {sprint.id})")
    return 0


def close_sprint(ws: Workspace, args: argparse.Namespace) -> int:
    """Close the active sprint: done items accepted, rejected ones noted, the rest carried over."""
    with ws.lock:
        sprint = _require_active(ws)
        scope = sprint.current_ids()
        rejected = {ws.get(BacklogItem, ref).id for ref in args.reject}
        strangers = rejected - set(scope)
        if strangers:
            raise ValidationError(f"Not in {sprint.id}: {', '.join(sorted(strangers))}.")
        for item_id in scope:
            item = ws.get(BacklogItem, item_id)
            if item_id in rejected:
                outcome = "rejected"
            else:
                outcome = sprint.outcomes.get(item_id) or ("accepted" if item.status == "done" else "carried-over")
            sprint.outcomes[item_id] = outcome
            if outcome != "accepted" and item.status in ("in-progress", "review", "done"):
                ws.update(BacklogItem, item_id, lambda i: i.move_to("ready", clock.today()))
        sprint.goal_met = args.goal_met == "yes"
        sprint.status = "closed"
        sprint.closed = clock.now()
        ws.save(sprint)
    figures = sprint_figures(sprint, {i: ws.get(BacklogItem, i) for i in scope})
    print(
        f"Closed {sprint.id}: goal {'met' if sprint.goal_met else 'not met'}; "
        f"{plural(len(figures.completed), 'item')} ({format_points(figures.completed_points)} points) completed, "
        f"{len(figures.carried_over)} carried over"
    )
    return 0


def list_sprints(ws: Workspace, args: argparse.Namespace) -> int:
    """List every sprint."""
    sprints = ws.all(Sprint)
    if args.json:
        print_json([record_json(s) for s in sprints])
        return 0
    print_table(
        ["ID", "START", "END", "STATUS", "GOAL MET", "COMMITTED", "GOAL"],
        [
            [
                s.id,
                s.start,
                s.end,
                s.status,
                {True: "yes", False: "no", None: ""}[s.goal_met],
                len(s.commitment),
                s.goal,
            ]
            for s in sprints
        ],
        empty="No sprints yet; start one with `ritual sprint start --goal GOAL ITEM…`.",
    )
    return 0


def show_sprint(ws: Workspace, args: argparse.Namespace) -> int:
    """Show a sprint: dates, goal, commitment, scope changes and outcomes."""
    if args.id:
        sprint = ws.get(Sprint, args.id)
    else:
        sprint_files = ws.files(Sprint)
        found = active_sprint(ws) or (ws.read(Sprint, sprint_files[-1]) if sprint_files else None)
        if found is None:
            raise NotFoundError("No sprints yet; start one with `ritual sprint start --goal GOAL ITEM…`.")
        sprint = found
    if args.json:
        print_json(record_json(sprint))
        return 0
    print_fields(
        [
            ("ID", sprint.id),
            ("Dates", f"{sprint.start} to {sprint.end}"),
            ("Status", sprint.status),
            ("Goal", sprint.goal),
            ("Objective", sprint.goal_objective),
            ("Goal met", {True: "yes", False: "no", None: ""}[sprint.goal_met]),
            ("Committed", [f"{c.item} ({format_points(c.estimate)} pts) {c.title}" for c in sprint.commitment]),
            (
                "Scope changes",
                [f"{c.at:%Y-%m-%d %H:%M} {c.change} {c.item} {c.reason}".rstrip() for c in sprint.scope_changes],
            ),
            ("Outcomes", [f"{item}: {outcome}" for item, outcome in sprint.outcomes.items()]),
        ]
    )
    return 0
