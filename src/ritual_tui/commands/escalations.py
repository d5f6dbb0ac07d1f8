"""``ritual escalate`` and ``ritual escalation list|show|send|answer|resolve|withdraw``."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ritual_tui.commands.output import print_fields, print_json, print_table, record_json
from ritual_tui.domain import clock
from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
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
    _decision_options(escalate)
    escalate.add_argument("--internal", action="store_true", help="keep it out of reports for the client")
    escalate.set_defaults(func=raise_for_pm)

    escalation = commands.add_parser("escalation", help="list escalations and move them along")
    sub = escalation.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", help="list escalations, most severe and oldest first")
    listing.add_argument("--status", choices=ESCALATION_STATUSES)
    listing.add_argument("--open", action="store_true", help="only those still open, sent or answered")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_escalations)
    show = sub.add_parser("show", help="show one escalation and its history")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=show_escalation)
    edit = sub.add_parser("edit", help="add what the PM needs to decide: needed-by, impact, options, advice")
    edit.add_argument("id")
    edit.add_argument("--title")
    edit.add_argument("--ask", help="what the PM must decide")
    edit.add_argument("--severity", help="low, medium, high, critical (as set in workspace.toml)")
    _decision_options(edit)
    edit.add_argument("--clear-options", action="store_true", help="drop the options written so far")
    edit.add_argument("--clear-related", action="store_true", help="drop the links written so far")
    edit.add_argument(
        "--internal", action=argparse.BooleanOptionalAction, default=None, help="keep it out of reports for the client"
    )
    edit.set_defaults(func=edit_escalation)
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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _decision_options(parser: argparse.ArgumentParser) -> None:
    """What makes an escalation decision-ready for the PM."""
    parser.add_argument("--needed-by", type=_day, metavar="DATE", help="the day the PM's decision is needed by")
    parser.add_argument("--impact", help="what is at stake if it waits (the sprint goal, an objective, a date)")
    parser.add_argument("--option", action="append", default=[], help="a choice the PM has (repeat)")
    parser.add_argument("--recommend", help="what the PO recommends, and why")
    parser.add_argument(
        "--related", action="append", default=[], metavar="ID", help="a decision or escalation on the same question"
    )


def _set_decision_fields(ws: Workspace, e: Escalation, args: argparse.Namespace) -> None:
    """Apply the decision-ready options given; a related id must name a decision or an escalation."""
    if args.needed_by is not None:
        e.needed_by = args.needed_by
    if args.impact is not None:
        e.impact = storable_text(args.impact, "impact")
    e.options += [required_text(option, "option") for option in args.option]
    if args.recommend is not None:
        e.recommendation = storable_text(args.recommend, "recommendation")
    for ref in args.related:
        linked = ws.get(Decision, ref) if ref.strip().upper().startswith("D-") else ws.get(Escalation, ref)
        if linked.id == e.id:
            raise ValidationError(f"{e.id} cannot be related to itself.")
        if linked.id not in e.related:
            e.related.append(linked.id)


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
        internal=args.internal,
    )
    _set_decision_fields(ws, escalation, args)
    raise_escalation(ws, escalation)
    print(f"Raised {escalation.id}")
    return 0


def edit_escalation(ws: Workspace, args: argparse.Namespace) -> int:
    """Change an escalation's title, ask or severity, or add what the PM needs to decide."""
    settings = ws.settings

    def change(e: Escalation) -> None:
        if args.title is not None:
            e.title = required_text(args.title, "title")
        if args.ask is not None:
            e.ask = storable_text(args.ask, "ask")
        if args.severity is not None:
            e.severity = one_of(args.severity, settings.escalation_severities, "severity")
        if args.clear_options:
            e.options = []
        if args.clear_related:
            e.related = []
        if args.internal is not None:
            e.internal = args.internal
        _set_decision_fields(ws, e, args)

    escalation = ws.update(Escalation, args.id, change)
    print(f"Changed {escalation.id}")
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
            ("Needed by", e.needed_by),
            ("Impact", e.impact),
            ("Options", e.options),
            ("Recommended", e.recommendation),
            ("Related", ", ".join(e.related)),
            ("Internal", "yes, kept out of reports for the client" if e.internal else ""),
            ("Details", e.details),
            ("PM answer", e.pm_answer),
            ("Answered", e.answered),
            ("Resolution", e.resolution),
            ("History", [f"{h.at:%Y-%m-%d %H:%M} {h.status} {h.note}".rstrip() for h in e.history]),
            ("Private notes", e.private_notes),
        ]
    )
    return 0
