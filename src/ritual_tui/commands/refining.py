"""``ritual backlog rank|split|estimate|ready`` and ``ritual topic close``: refinement from the shell.

Only argparse and the domain's vocabularies are imported here; the services are imported by the
handlers.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ritual_tui.domain.splitting import CRITERIA_CHOICES, PARENT_CHOICES, SPLIT_PATTERNS

if TYPE_CHECKING:
    from ritual_tui.store.workspace import Workspace

#: What ``ritual topic close`` accepts as an outcome (kept here so the parser loads no service).
TOPIC_OUTCOMES = ("item", "decision", "escalation", "dropped")


def register(actions: Any) -> None:
    """Add ``rank``, ``split``, ``estimate`` and ``ready`` to the ``backlog`` actions."""
    rank = actions.add_parser("rank", help="move an item in the backlog's order (one file is written)")
    rank.add_argument("id")
    where = rank.add_mutually_exclusive_group(required=True)
    for move in ("top", "bottom", "up", "down"):
        where.add_argument(f"--{move}", dest="move", action="store_const", const=move, help=f"move it {move}")
    where.add_argument("--before", metavar="ID", help="just before this item")
    where.add_argument("--after", metavar="ID", help="just after this item")
    rank.set_defaults(func=rank_item)

    split = actions.add_parser("split", help="split an item into smaller ones (one per title)")
    split.add_argument("id")
    split.add_argument("titles", nargs="+", metavar="TITLE")
    names = ", ".join(p.name for p in SPLIT_PATTERNS)
    split.add_argument("--pattern", default="", help=f"the splitting pattern followed ({names})")
    split.add_argument(
        "--criteria",
        choices=CRITERIA_CHOICES,
        default="copy",
        help="copy to every child (default), move to the first, or leave",
    )
    split.add_argument(
        "--parent", choices=PARENT_CHOICES, default="keep", help="keep the item split as the epic (default) or drop it"
    )
    split.set_defaults(func=split_item)

    estimate = actions.add_parser("estimate", help="give an item its estimate (on the estimation scale)")
    estimate.add_argument("id")
    estimate.add_argument("points", type=float)
    estimate.set_defaults(func=estimate_item)

    ready = actions.add_parser("ready", help="show an item's Definition of Ready; tick lines; mark it ready")
    ready.add_argument("id")
    ready.add_argument(
        "--tick",
        action="append",
        default=[],
        metavar="N|TEXT",
        help="tick (or untick) a line, by number or text (repeat)",
    )
    ready.add_argument("--all", action="store_true", help="tick every line not ticked yet")
    ready.add_argument("--override", metavar="REASON", help="mark it ready with lines unticked: recorded as a decision")
    ready.set_defaults(func=ready_item)


def register_topic_close(actions: Any) -> None:
    """Add ``close`` to the ``topic`` actions."""
    close = actions.add_parser("close", help="close a parking-lot topic with its outcome")
    close.add_argument("id")
    close.add_argument("outcome", choices=TOPIC_OUTCOMES, help="what it became")
    close.add_argument(
        "text", nargs="?", default="", help="the new record's title (default: the topic's), or why it was dropped"
    )
    close.set_defaults(func=close_topic)


def rank_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Move an item; say where it is now and how many files were written."""
    from ritual_tui.services.ranking import move_item, ranked

    move, other = args.move, ""
    if args.before or args.after:
        move, other = ("before", args.before) if args.before else ("after", args.after)
    moved = move_item(ws, args.id, move, other)
    order = [i.id for i in ranked(ws)]
    place = order.index(moved.item.id)
    neighbours = " and ".join(
        filter(None, [order[place - 1] if place else "", order[place + 1] if place + 1 < len(order) else ""])
    )
    print(f"{moved.item.id} is number {place + 1} of {len(order)}" + (f", between {neighbours}" if neighbours else ""))
    print(f"files written: {len(moved.written)}")
    return 0


def split_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Split an item; list the new items."""
    from ritual_tui.domain.splitting import pattern_named
    from ritual_tui.services.splitting import SplitPlan
    from ritual_tui.services.splitting import split_item as split

    if args.pattern:
        try:
            pattern_named(args.pattern)
        except KeyError:
            from ritual_tui.domain.errors import ValidationError

            raise ValidationError(
                f"Unknown pattern {args.pattern!r}: use one of {', '.join(p.name for p in SPLIT_PATTERNS)}."
            ) from None
    done = split(ws, args.id, SplitPlan(args.titles, args.pattern, args.criteria, args.parent))
    for child in done.children:
        print(f"Added {child.id} (from {done.parent.id})")
    print(f"{done.parent.id} is {'kept as their epic' if done.parent.status != 'dropped' else 'dropped'}")
    if done.scope_changed:
        print(f"{done.parent.id} was in the running sprint: the split is recorded as a scope change")
    return 0


def estimate_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Give an item its estimate; an item of the running sprint keeps its frozen commitment."""
    from ritual_tui.domain.rules import format_points
    from ritual_tui.services.poker import set_estimate
    from ritual_tui.services.sprints import active_sprint

    item = set_estimate(ws, "", args.id, args.points)
    print(f"{item.id} is estimated at {format_points(item.estimate)} points")
    sprint = active_sprint(ws)
    frozen = next((line for line in sprint.commitment if line.item == item.id), None) if sprint else None
    if sprint is not None and frozen is not None:
        print(
            f"{item.id} is committed in sprint {sprint.number}: its commitment keeps "
            f"{format_points(frozen.estimate)} points; the sprint summary notes the re-estimate"
        )
    return 0


def ready_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Show the checklist; tick lines; mark the item ready (with an override when lines are unticked)."""
    from ritual_tui.domain.backlog import BacklogItem
    from ritual_tui.domain.errors import ValidationError
    from ritual_tui.domain.readiness import checklist
    from ritual_tui.domain.text import visible
    from ritual_tui.services.readiness import make_ready, tick

    item = ws.get(BacklogItem, args.id)
    lines = [line.text for line in checklist(item, ws.settings)]
    chosen = [line.text for line in checklist(item, ws.settings) if not line.ticked] if args.all else []
    for wanted in args.tick:
        if wanted.isdigit() and 1 <= int(wanted) <= len(lines):
            chosen.append(lines[int(wanted) - 1])
        elif wanted in lines:
            chosen.append(wanted)
        else:
            raise ValidationError(f"No line {wanted!r} in the Definition of Ready (1 to {len(lines)}, or its text).")
    for text in dict.fromkeys(chosen):
        item = tick(ws, item.id, text)
    if args.override is not None:
        made = make_ready(ws, item.id, args.override)
        item = made.item
        if made.override is not None:
            print(f"Override recorded as {made.override.id}")
    print(f"{item.id} {visible(item.title)} · {item.status}")
    for n, line in enumerate(checklist(item, ws.settings), start=1):
        print(f"  {n}. [{'x' if line.ticked else ' '}] {visible(line.text)}")
    return 0


def close_topic(ws: Workspace, args: argparse.Namespace) -> int:
    """Close a topic with its outcome."""
    from ritual_tui.domain.text import visible
    from ritual_tui.services.topics import close_topic as close

    closed = close(ws, args.id, args.outcome, args.text)
    print(f"{closed.topic.id} closed: {visible(closed.topic.outcome)}")
    return 0
