"""``ritual escalate`` and ``ritual escalation list|show|send|answer|resolve|withdraw``."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_fields, print_json, print_table, record_json
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.escalation import ESCALATION_STATUSES, STILL_OPEN, Escalation, StatusChange
from ritual_tui.domain.progress import by_urgency
from ritual_tui.domain.session import RITUALS
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.escalations import raise_escalation
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add ``escalate`` and the ``escalation`` command family to the parser."""
    escalate = commands.add_parser("escalate", help="raise an escalation for the PM")
    escalate.add_argument("title")
    escalate.add_argument("--category", help="blocker, feedback, scope-change, risk, dependency, question")
    escalate.add_argument("--severity", help="low, medium, high, critical (as set in workspace.toml)")
    escalate.add_argument("--ask", default="", help="what the PM must decide")
    escalate.add_argument("--details", default="")
    escalate.add_argument("--item", help="the backlog item it concerns")
    escalate.add_argument("--blocker", help="the blocker it escalates")
    escalate.add_argument("--source", choices=(*RITUALS, "cli"), default="cli")
    escalate.add_argument("--by", default="", help="who raised it")
    escalate.add_argument("--note", help="private note (never in a shared file)")
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
    for action, text_name, help_text in (
        ("send", "note", "mark as sent to the PM"),
        ("answer", "answer", "record the PM's answer"),
        ("resolve", "resolution", "mark as resolved"),
        ("withdraw", "reason", "withdraw it"),
    ):
        step = sub.add_parser(action, help=help_text)
        step.add_argument("id")
        step.add_argument(text_name, nargs="?" if action != "answer" else None, default="")
        step.set_defaults(func=move_escalation, step=action, text_name=text_name)


def raise_for_pm(ws: Workspace, args: argparse.Namespace) -> int:
    """Raise an escalation; linking a blocker marks the blocker as escalated."""
    settings = ws.settings
    escalation = Escalation(
        title=required_text(args.title, "title"),
        raised=clock.today(),
        category=one_of(args.category or "question", settings.escalation_categories, "category"),
        severity=one_of(args.severity or "medium", settings.escalation_severities, "severity"),
        ask=storable_text(args.ask, "ask"),
        details=storable_text(args.details, "details"),
        source=args.source,
        raised_by=storable_text(args.by, "name"),
        item=ws.get(BacklogItem, args.item).id if args.item else "",
        blocker=args.blocker or "",
        history=[StatusChange(at=clock.now(), status="open")],
        private_notes=storable_text(args.note or "", "note"),
    )
    raise_escalation(ws, escalation)
    print(f"Raised {escalation.id}")
    return 0


_VERB = {"send": "sent", "answer": "answered", "resolve": "resolved", "withdraw": "withdrawn"}


def move_escalation(ws: Workspace, args: argparse.Namespace) -> int:
    """Move an escalation one step along its lifecycle."""
    status = _VERB[args.step]
    text = storable_text(getattr(args, args.text_name) or "", args.text_name)
    if args.step == "answer":
        text = required_text(text, "answer")

    escalation = ws.update(Escalation, args.id, lambda e: e.take_step(status, clock.now(), text))
    print(f"{escalation.id} is now {escalation.status}")
    return 0


def list_escalations(ws: Workspace, args: argparse.Namespace) -> int:
    """List escalations, most severe first, then oldest first."""
    escalations = by_urgency(ws.all(Escalation), ws.settings)
    if args.status:
        escalations = [e for e in escalations if e.status == args.status]
    if args.open:
        escalations = [e for e in escalations if e.status in STILL_OPEN]
    if args.json:
        print_json([record_json(e) for e in escalations])
        return 0
    today = clock.today()
    print_table(
        ["ID", "SEVERITY", "STATUS", "AGE", "CATEGORY", "TITLE"],
        [[e.id, e.severity, e.status, f"{e.age_days(today)}d", e.category, e.title] for e in escalations],
        empty="No escalations match.",
    )
    return 0


def show_escalation(ws: Workspace, args: argparse.Namespace) -> int:
    """Show one escalation whole, with its history."""
    e = ws.get(Escalation, args.id)
    if args.json:
        print_json(record_json(e))
        return 0
    print_fields(
        [
            ("ID", e.id),
            ("Title", e.title),
            ("Status", e.status),
            ("Severity", e.severity),
            ("Category", e.category),
            ("Raised", f"{e.raised} ({e.age_days(clock.today())} days ago)"),
            ("Raised by", e.raised_by),
            ("Source", f"{e.source} {e.session}".strip()),
            ("Item", e.item),
            ("Blocker", e.blocker),
            ("Ask", e.ask),
            ("Details", e.details),
            ("PM answer", e.pm_answer),
            ("Answered", e.answered),
            ("Resolution", e.resolution),
            ("History", [f"{h.at:%Y-%m-%d %H:%M} {h.status} {h.note}".rstrip() for h in e.history]),
            ("Private notes", e.private_notes),
        ]
    )
    return 0
