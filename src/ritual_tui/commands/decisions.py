"""``ritual decision add|list|show|accept|reject|supersede``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.domain.decision import DECISION_LEVELS, DECISION_STATUSES, Decision
from ritual_tui.domain.session import SOURCES
from ritual_tui.services import decisions
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add the ``decision`` command family to the parser."""
    decision = commands.add_parser("decision", help="record, list, accept, reject and supersede decisions")
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
    add.add_argument(
        "--decider", action="append", default=[], help="who decided (repeat; default: the PO or the PM, by level)"
    )
    add.add_argument("--item", action="append", default=[], help="linked backlog item (repeat)")
    add.add_argument("--source", choices=SOURCES, default="cli", help="the ritual it came from")
    add.add_argument("--supersedes", help="the decision this one replaces")
    add.add_argument("--note", help="private note (never in a shared file)")
    add.set_defaults(func=add_decision)

    listing = sub.add_parser("list", help="list decisions, oldest first")
    listing.add_argument("--level", choices=DECISION_LEVELS)
    listing.add_argument("--status", choices=DECISION_STATUSES)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_decisions, carry_on=True)

    show = sub.add_parser("show", help="show one decision")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_decision)

    for action, status, verb in (("accept", "accepted", "accepts"), ("reject", "rejected", "rejects")):
        settle = sub.add_parser(action, help=f"the decider {verb} a proposed decision")
        settle.add_argument("id")
        settle.add_argument("reason", nargs="?", default="", help="why (kept with the decision)")
        settle.add_argument("--by", action="append", default=[], help="who decided (default: by level)")
        settle.set_defaults(func=settle_decision, status=status)

    supersede = sub.add_parser("supersede", help="mark OLD as superseded by NEW")
    supersede.add_argument("old")
    supersede.add_argument("new")
    supersede.set_defaults(func=supersede_decision)


def add_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Record a decision; with --supersedes the old one is marked superseded."""
    decision = decisions.record_decision(
        ws,
        decisions.NewDecision(
            args.title,
            level=args.level,
            status=args.status,
            source=args.source,
            context=args.context,
            decision=args.decision,
            consequences=args.consequences,
            deciders=args.decider or None,
            items=args.item,
            supersedes=args.supersedes or "",
            private_notes=args.note or "",
        ),
    )
    print(f"Added {decision.id} ({decision.level}, {decision.status})")
    return 0


def settle_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Accept or reject a proposed decision."""
    decision = decisions.settle_decision(ws, args.id, args.status, args.by, args.reason)
    print(f"{decision.id} is now {decision.status} (by {', '.join(decision.deciders)})")
    return 0


def supersede_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Link two existing decisions: NEW supersedes OLD."""
    old = decisions.supersede(ws, args.old, args.new)
    print(f"{old.id} is superseded by {old.superseded_by}")
    return 0


def list_decisions(ws: Workspace, args: argparse.Namespace) -> int:
    """List decisions, optionally by level and status."""
    found = ws.all(Decision)
    if args.level:
        found = [d for d in found if d.level == args.level]
    if args.status:
        found = [d for d in found if d.status == args.status]
    if args.json:
        print_json([record_json(d) for d in found])
        return 0
    print_table(
        ["ID", "DATE", "LEVEL", "STATUS", "SOURCE", "TITLE"],
        [[d.id, d.date, d.level, d.status, d.source, d.title] for d in found],
        empty="No decisions match.",
    )
    return 0


def show_decision(ws: Workspace, args: argparse.Namespace) -> int:
    """Show one decision whole."""
    return show_record(ws.get(Decision, args.id), args.json)
