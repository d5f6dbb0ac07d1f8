"""``ritual backlog add|list|show|edit|status``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_fields, print_json, print_table, record_json
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import ITEM_KINDS, ITEM_STATUSES, BacklogItem
from ritual_tui.domain.rules import check_estimate, check_objective, format_points
from ritual_tui.domain.text import required_text, storable_text
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add the ``backlog`` command family to the parser."""
    backlog = commands.add_parser("backlog", help="add, list, show and edit backlog items")
    sub = backlog.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = sub.add_parser("add", help="add a backlog item")
    add.add_argument("title")
    _item_options(add)
    add.set_defaults(func=add_item)

    edit = sub.add_parser("edit", help="change a backlog item's fields")
    edit.add_argument("id")
    edit.add_argument("--title")
    _item_options(edit)
    edit.add_argument("--clear-criteria", action="store_true", help="drop the acceptance criteria first")
    edit.set_defaults(func=edit_item)

    listing = sub.add_parser("list", help="list backlog items by rank")
    listing.add_argument("--status", choices=ITEM_STATUSES)
    listing.add_argument("--kind", choices=ITEM_KINDS)
    listing.add_argument("--objective")
    listing.add_argument("--tag")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_items, carry_on=True)

    show = sub.add_parser("show", help="show one backlog item")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_item)

    status = sub.add_parser("status", help="move an item to another status")
    status.add_argument("id")
    status.add_argument("status", choices=ITEM_STATUSES)
    status.set_defaults(func=set_status)


def _item_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=ITEM_KINDS)
    parser.add_argument("--status", choices=ITEM_STATUSES)
    parser.add_argument("--as-a", help="story: who wants it")
    parser.add_argument("--i-want", help="story: what they want")
    parser.add_argument("--so-that", help="story: why")
    parser.add_argument("-c", "--criterion", action="append", default=[], help="acceptance criterion (repeat)")
    parser.add_argument("--estimate", type=float, help="points, on the estimation scale")
    parser.add_argument("--value", type=int, help="business value")
    parser.add_argument("--rank", type=float, help="position: lower comes first")
    parser.add_argument("--objective", help="roadmap objective id")
    parser.add_argument("--tag", action="append", default=[], help="tag (repeat)")
    parser.add_argument("--parent", help="the item this one was split from")
    parser.add_argument("--ref", help="external reference, e.g. a Jira key")
    parser.add_argument("--note", help="private note (never in a shared file)")


def _apply(ws: Workspace, item: BacklogItem, args: argparse.Namespace) -> None:
    """Copy the options given on the command line onto ``item``, checking each."""
    settings = ws.settings
    if getattr(args, "title", None) is not None:
        item.title = required_text(args.title, "title")
    if args.kind is not None:
        item.kind = args.kind
    if args.status is not None:
        item.move_to(args.status, clock.today())
    for option in ("as_a", "i_want", "so_that"):
        if getattr(args, option) is not None:
            setattr(item, option, storable_text(getattr(args, option), option.replace("_", " ")))
    if getattr(args, "clear_criteria", False):
        item.acceptance = []
    item.acceptance += [required_text(c, "acceptance criterion") for c in args.criterion]
    if args.estimate is not None:
        item.estimate = check_estimate(args.estimate, settings)
    if args.value is not None:
        item.value = args.value
    if args.rank is not None:
        item.rank = args.rank
    if args.objective is not None:
        item.objective = check_objective(args.objective, settings)
    item.tags += [required_text(t, "tag") for t in args.tag if t not in item.tags]
    if args.parent is not None:
        item.parent = ws.get(BacklogItem, args.parent).id if args.parent else ""
    if args.ref is not None:
        item.external_ref = storable_text(args.ref, "external reference")
    if args.note is not None:
        item.private_notes = storable_text(args.note, "note")


def add_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Add a backlog item, ranked last unless a rank is given."""
    item = BacklogItem(title=required_text(args.title, "title"), created=clock.now())
    item.rank = ws.next_number(BacklogItem)  # ranked last, without parsing any item
    _apply(ws, item, args)
    item.updated = item.created
    ws.add(item)
    print(f"Added {item.id}")
    return 0


def edit_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Change the fields given on the command line."""
    item = ws.update(BacklogItem, args.id, lambda item: _apply(ws, item, args))
    print(f"Updated {item.id}")
    return 0


def set_status(ws: Workspace, args: argparse.Namespace) -> int:
    """Move an item to another status."""
    item = ws.update(BacklogItem, args.id, lambda item: item.move_to(args.status, clock.today()))
    print(f"{item.id} is now {item.status}")
    return 0


def list_items(ws: Workspace, args: argparse.Namespace) -> int:
    """List items by rank, filtered by the options given."""
    items = sorted(ws.all(BacklogItem), key=lambda i: (i.rank, i.id))
    if args.status:
        items = [i for i in items if i.status == args.status]
    if args.kind:
        items = [i for i in items if i.kind == args.kind]
    if args.objective:
        items = [i for i in items if i.objective == args.objective]
    if args.tag:
        items = [i for i in items if args.tag in i.tags]
    if args.json:
        print_json([record_json(i) for i in items])
        return 0
    print_table(
        ["ID", "KIND", "STATUS", "PTS", "OBJ", "TITLE"],
        [[i.id, i.kind, i.status, format_points(i.estimate), i.objective, i.title] for i in items],
        empty="No backlog items match.",
    )
    return 0


def show_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Show one item whole."""
    item = ws.get(BacklogItem, args.id)
    if args.json:
        print_json(record_json(item))
        return 0
    print_fields(
        [
            ("ID", item.id),
            ("Title", item.title),
            ("Kind", item.kind),
            ("Status", item.status),
            ("Estimate", format_points(item.estimate)),
            ("Value", item.value),
            ("Objective", item.objective),
            ("Story", item.story_line()),
            ("Acceptance", item.acceptance),
            ("Tags", ", ".join(item.tags)),
            ("Parent", item.parent),
            ("External", item.external_ref),
            ("Private notes", item.private_notes),
        ]
    )
    return 0
