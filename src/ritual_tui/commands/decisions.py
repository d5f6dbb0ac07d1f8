"""``ritual decision add|list|show|supersede``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_fields, print_json, print_table, record_json
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import DECISION_LEVELS, DECISION_STATUSES, Decision
from ritual_tui.domain.session import RITUALS
from ritual_tui.domain.text import required_text, storable_text
from ritual_tui.store.decisions import supersede
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add the ``decision`` command family to the parser."""
    decision = commands.add_parser("decision", help="record and list decisions")
    sub = decision.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = sub.add_parser("add", help="record a decision")
    add.add_argument("title")
    add.add_argument(
        "--level",
        choices=DECISION_LEVELS,
        default="operational",
        help="operational (the PO decides) or strategic (the PM decides)",
    )
    add.add_argument(
        "--status",
        choices=DECISION_STATUSES,
        default=None,
        help="default: accepted for operational, proposed for strategic",
    )
    add.add_argument("--context", default="")
    add.add_argument("--decision", default="", help="what was decided")
    add.add_argument("--consequences", default="")
    add.add_argument("--decider", action="append", default=[], help="who decided (repeat)")
    add.add_argument("--item", action="append", default=[], help="linked backlog item (repeat)")
    add.add_argument("--source", choices=(*RITUALS, "cli"), default="cli", help="the ritual it came from")
    add.add_argument("--supersedes", help="the decision this one replaces")
    add.add_argument("--note", help="private note (never in a shared file)")
    add.set_defaults(func=add_decision)

    listing = sub.add_parser("list", help="list decisions, newest last")
    listing.add_argument("--level", choices=DECISION_LEVELS)
    listing.add_argument("--status", choices=DECISION_STATUSES)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_decisions, carry_on=True)

    show = sub.add_parser("show", help="show one decision")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_decision)

    supersede = sub.add_parser("supersede", help="mark OLD as superseded by NEW")
    supersede.add_argument("old")
    supersede.add_argument("new")
    supersede.set_defaults(func=supersede_decision)


def add_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Record a decision; with --supersedes the old one is marked superseded."""
    items = [ws.get(BacklogItem, ref).id for ref in args.item]
    old = ws.get(Decision, args.supersedes) if args.supersedes else None
    decision = Decision(
        title=required_text(args.title, "title"),
        date=clock.today(),
        level=args.level,
        status=args.status or ("proposed" if args.level == "strategic" else "accepted"),
        source=args.source,
        context=storable_text(args.context, "context"),
        decision=storable_text(args.decision, "decision"),
        consequences=storable_text(args.consequences, "consequences"),
        deciders=[required_text(d, "decider") for d in args.decider],
        items=items,
        supersedes=old.id if old else "",
        private_notes=storable_text(args.note or "", "note"),
    )
    with ws.lock:
        ws.add(decision)
        if old is not None:
            supersede(ws, old.id, decision.id)
    print(f"Added {decision.id}")
    return 0


def supersede_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Link two existing decisions: NEW supersedes OLD."""
    old = supersede(ws, args.old, args.new)
    print(f"{old.id} is superseded by {old.superseded_by}")
    return 0


def list_decisions(ws: Workspace, args: argparse.Namespace) -> int:
    """List decisions, optionally by level and status."""
    decisions = ws.all(Decision)
    if args.level:
        decisions = [d for d in decisions if d.level == args.level]
    if args.status:
        decisions = [d for d in decisions if d.status == args.status]
    if args.json:
        print_json([record_json(d) for d in decisions])
        return 0
    print_table(
        ["ID", "DATE", "LEVEL", "STATUS", "SOURCE", "TITLE"],
        [[d.id, d.date, d.level, d.status, d.source, d.title] for d in decisions],
        empty="No decisions match.",
    )
    return 0


def show_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Show one decision whole."""
    d = ws.get(Decision, args.id)
    if args.json:
        print_json(record_json(d))
        return 0
    print_fields(
        [
            ("ID", d.id),
            ("Title", d.title),
            ("Date", d.date),
            ("Level", d.level),
            ("Status", d.status),
            ("Source", f"{d.source} {d.session}".strip()),
            ("Context", d.context),
            ("Decision", d.decision),
            ("Consequences", d.consequences),
            ("Deciders", ", ".join(d.deciders)),
            ("Items", ", ".join(d.items)),
            ("Supersedes", d.supersedes),
            ("Superseded by", d.superseded_by),
            ("Private notes", d.private_notes),
        ]
    )
    return 0
