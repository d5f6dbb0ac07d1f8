"""``ritual backlog add|list|show|edit|status|export``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands import tracker
from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.domain.backlog import ITEM_KINDS, ITEM_STATUSES, BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.services import backlog
from ritual_tui.services.backlog import ItemChanges
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

    tracker.register_export(sub)


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


def _changes(args: argparse.Namespace) -> ItemChanges:
    """The options given on the command line, as changes to an item."""
    return ItemChanges(
        title=getattr(args, "title", None) if args.func is edit_item else None,
        kind=args.kind,
        status=args.status,
        as_a=args.as_a,
        i_want=args.i_want,
        so_that=args.so_that,
        clear_criteria=getattr(args, "clear_criteria", False),
        add_criteria=args.criterion,
        estimate=args.estimate,
        value=args.value,
        rank=args.rank,
        objective=args.objective,
        add_tags=args.tag,
        parent=args.parent,
        external_ref=args.ref,
        private_notes=args.note,
    )


def add_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Add a backlog item, ranked last unless a rank is given."""
    item = backlog.add_item(ws, args.title, _changes(args))
    print(f"Added {item.id}")
    return 0


def edit_item(ws: Workspace, args: argparse.Namespace) -> int:
    """Change the fields given on the command line."""
    item = backlog.edit_item(ws, args.id, _changes(args))
    print(f"Updated {item.id}")
    return 0


def set_status(ws: Workspace, args: argparse.Namespace) -> int:
    """Move an item to another status."""
    item = backlog.set_status(ws, args.id, args.status)
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
    return show_record(ws.get(BacklogItem, args.id), args.json)
