"""``ritual sprint start|add|remove|close|review|list|show``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from ritual_tui.commands import sprint_plan
from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.commands.review import register_review
from ritual_tui.commands.sprint_plan import team_options
from ritual_tui.domain import clock
from ritual_tui.domain.dates import implausible
from ritual_tui.domain.errors import NotFoundError
from ritual_tui.domain.review import WORDS, CloseOut
from ritual_tui.domain.rules import format_points, plural
from ritual_tui.domain.sprint import Sprint
from ritual_tui.domain.text import visible
from ritual_tui.services import sprints
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
    sprint = commands.add_parser("sprint", help="plan, start, change, review, close and list sprints")
    sub = sprint.add_subparsers(dest="action", required=True, metavar="ACTION")

    start = sub.add_parser("start", help="start a sprint, freezing the commitment")
    start.add_argument("items", nargs="*", metavar="ITEM", help="committed backlog item ids")
    start.add_argument("--goal", required=True)
    start.add_argument("--objective", default="", help="roadmap objective the goal serves")
    start.add_argument("--start", type=_date, help="first day (default: today)")
    start.add_argument("--end", type=_date, help="last day (default: start + sprint_days - 1)")
    team_options(start)
    start.set_defaults(func=start_sprint)

    forecast = sub.add_parser("forecast", help="capacity, velocity history, P50/P85 and the chance of some items")
    forecast.add_argument("items", nargs="*", metavar="ITEM", help="items whose chance of finishing to show")
    capacity = sub.add_parser("capacity", help="the team's capacity in person-days, member by member")
    for parser, func in ((forecast, sprint_plan.show_forecast), (capacity, sprint_plan.show_capacity)):
        parser.add_argument("--start", type=_date, help="first day (default: today, or after the running sprint)")
        parser.add_argument("--end", type=_date, help="last day (default: start + sprint_days - 1)")
        team_options(parser)
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.set_defaults(func=func, carry_on=True)  # both only read: a damaged file is named, not fatal

    for action, help_text in (("add", "add an item to the active sprint"), ("remove", "take one out")):
        change = sub.add_parser(action, help=help_text)
        change.add_argument("item")
        change.add_argument("--reason", default="")
        change.set_defaults(func=change_scope, change=action)

    close = sub.add_parser("close", help="close the active sprint with its review outcome and write its summary")
    close.add_argument("--goal-met", choices=tuple(_VERDICTS), required=True, help="the verdict on the sprint goal")
    close.add_argument(
        "--reason", "--why", dest="reason", help="why, in one line (default: the reason given at the review)"
    )
    close.add_argument("--reject", action="append", default=[], help="item rejected at the review (repeat)")
    close.add_argument(
        "--return", dest="back", action="append", default=[], metavar="ITEM", help="unfinished item back to the backlog"
    )
    close.add_argument("--drop", action="append", default=[], metavar="ITEM", help="unfinished item dropped")
    close.add_argument("--early", action="store_true", help="close it before its last day")
    close.set_defaults(func=close_sprint)

    register_review(sub)

    listing = sub.add_parser("list", help="list sprints")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_sprints, carry_on=True)

    show = sub.add_parser("show", help="show a sprint (default: the active or last one)")
    show.add_argument("id", nargs="?")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_sprint)


def start_sprint(ws: Workspace, args: argparse.Namespace) -> int:
    """Start a sprint: the committed items and their estimates are frozen as the snapshot."""
    members = sprint_plan.members_from(ws, args)
    started = sprints.start_sprint(ws, args.items, args.goal, args.objective, args.start, args.end, members)
    for warning in started.warnings:
        print(f"warning: {visible(warning)}", file=sys.stderr)
    print(f"Started {started.sprint.id}: {plural(len(started.sprint.commitment), 'item')} committed")
    return 0


_CHANGE = {"add": "added", "remove": "removed"}


def change_scope(ws: Workspace, args: argparse.Namespace) -> int:
    """Record an item added to or removed from the active sprint, with the time."""
    sprint, item = sprints.change_scope(ws, args.item, _CHANGE[args.change], args.reason)
    print(f"{_CHANGE[args.change].capitalize()} {item.id} ({'to' if args.change == 'add' else 'from'} {sprint.id})")
    return 0


_VERDICTS = {"yes": "met", "partly": "partly", "no": "not-met"}
#: What became of the items not accepted, as the close says it.
_AFTER = {"carry-over": "carried over", "return": "back to the backlog", "drop": "dropped"}


def close_sprint(ws: Workspace, args: argparse.Namespace) -> int:
    """Close the active sprint (done items accepted unless reviewed otherwise, the rest carried over,
    returned or dropped) and write its summary."""
    from ritual_tui.services.review_close import close_with_summary

    running = sprints.sprint_to_close(ws)
    if clock.today() < running.end and not args.early:
        day, total = running.day_of(clock.today())
        print(
            f"error: {running.id} runs until {running.end} (today is day {day} of {total}): "
            "add --early to close it before its last day.",
            file=sys.stderr,
        )
        return 1
    close_out = [CloseOut(item=i, action="return") for i in args.back]
    close_out += [CloseOut(item=i, action="drop") for i in args.drop]
    closed = close_with_summary(ws, _VERDICTS[args.goal_met], args.reject, args.reason, close_out)
    sprint, figures = closed.sprint, closed.figures
    next_steps = "".join(
        f", {n} {_AFTER[action]}"
        for action in _AFTER
        if (n := len([c for c in sprint.close_out if c.action == action]))
    )
    print(
        f"Closed {sprint.id}: goal {WORDS[sprint.verdict()]}; {plural(len(figures.completed), 'item')} "
        f"({format_points(figures.completed_points)} points) completed{next_steps}"
    )
    folder = closed.summary[0].parent if closed.summary else ws.root
    print(visible(f"Wrote {', '.join(p.name for p in closed.summary)} in {folder}"))
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
        found = sprints.active_sprint(ws) or (ws.read(Sprint, sprint_files[-1]) if sprint_files else None)
        if found is None:
            raise NotFoundError("No sprints yet; start one with `ritual sprint start --goal GOAL ITEM…`.")
        sprint = found
    return show_record(sprint, args.json)
