"""``ritual escalate`` and ``ritual escalation list|show|edit|send|answer|resolve|withdraw``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.escalation_fields import decision_fields, decision_options, register_edit
from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.domain import clock
from ritual_tui.domain.escalation import ESCALATION_STATUSES, STILL_OPEN, Escalation
from ritual_tui.domain.progress import by_urgency
from ritual_tui.domain.session import SOURCES
from ritual_tui.services import escalations
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add ``escalate`` and the ``escalation`` command family to the parser."""
    escalate = commands.add_parser("escalate", help="raise an escalation for the PM")
    escalate.add_argument("title")
    escalate.add_argument("--category", help="one of the workspace's escalation_categories (default: its setting)")
    escalate.add_argument("--severity", help="one of the workspace's escalation_severities (default: its setting)")
    escalate.add_argument("--ask", default="", help="what the PM must decide")
    escalate.add_argument("--details", default="")
    escalate.add_argument("--item", help="the backlog item it concerns")
    escalate.add_argument("--blocker", help="the blocker it escalates")
    escalate.add_argument("--source", choices=SOURCES, default="cli")
    escalate.add_argument("--by", default="", help="who raised it")
    escalate.add_argument("--note", help="private note (never in a shared file)")
    decision_options(escalate)
    escalate.add_argument("--internal", action="store_true", help="keep it out of reports for the client")
    escalate.set_defaults(func=raise_for_pm)

    escalation = commands.add_parser("escalation", help="list escalations and move them along")
    sub = escalation.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="list escalations, most severe and oldest first")
    listing.add_argument("--status", choices=ESCALATION_STATUSES)
    listing.add_argument("--open", action="store_true", help="only those still open, sent or answered")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_escalations, carry_on=True)
    show = sub.add_parser("show", help="show one escalation and its history")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_escalation)
    for verb, step in escalations.STEPS.items():
        parser = sub.add_parser(verb, help=f"mark it {step.status}")
        parser.add_argument("id")
        if step.asks_for:
            parser.add_argument("text", nargs=None if step.required else "?", default="", help=step.asks_for)
        parser.set_defaults(func=move_escalation, verb=verb, text="")
    register_edit(sub)


def raise_for_pm(ws: Workspace, args: argparse.Namespace) -> int:
    """Raise an escalation; linking a blocker marks the blocker as escalated."""
    escalation = escalations.raise_escalation(
        ws,
        escalations.NewEscalation(
            args.title,
            category=args.category,
            severity=args.severity,
            ask=args.ask,
            details=args.details,
            source=args.source,
            raised_by=args.by,
            item=args.item or "",
            blocker=args.blocker or "",
            private_notes=args.note or "",
            decision=decision_fields(args),
        ),
    )
    print(f"Raised {escalation.id} ({escalation.category}, {escalation.severity})")
    return 0


def move_escalation(ws: Workspace, args: argparse.Namespace) -> int:
    """Move an escalation one step along its lifecycle."""
    escalation = escalations.take_step(ws, args.id, args.verb, args.text)
    print(f"{escalation.id} is now {escalation.status}")
    return 0


def list_escalations(ws: Workspace, args: argparse.Namespace) -> int:
    """List escalations, most severe first, then oldest first."""
    found = by_urgency(ws.all(Escalation), ws.settings)
    if args.status:
        found = [e for e in found if e.status == args.status]
    if args.open:
        found = [e for e in found if e.status in STILL_OPEN]
    if args.json:
        print_json([record_json(e) for e in found])
        return 0
    today = clock.today()
    print_table(
        ["ID", "SEVERITY", "STATUS", "AGE", "CATEGORY", "TITLE"],
        [[e.id, e.severity, e.status, f"{e.age_days(today)}d", e.category, e.title] for e in found],
        empty="No escalations match.",
    )
    return 0


def show_escalation(ws: Workspace, args: argparse.Namespace) -> int:
    """Show one escalation whole, with its history."""
    return show_record(ws.get(Escalation, args.id), args.json)
