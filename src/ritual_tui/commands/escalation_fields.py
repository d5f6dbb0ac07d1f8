"""What makes an escalation decision-ready for the PM, given when it is raised (``ritual escalate``)
or added later (``ritual escalation edit``): needed-by, impact, options, the PO's advice, links."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ritual_tui.domain.decision import Decision
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.text import one_of, required_text, storable_text
from ritual_tui.store.workspace import Workspace


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def decision_options(parser: argparse.ArgumentParser) -> None:
    """What makes an escalation decision-ready for the PM."""
    parser.add_argument("--needed-by", type=_day, metavar="DATE", help="the day the PM's decision is needed by")
    parser.add_argument("--impact", help="what is at stake if it waits (the sprint goal, an objective, a date)")
    parser.add_argument("--option", action="append", default=[], help="a choice the PM has (repeat)")
    parser.add_argument("--recommend", help="what the PO recommends, and why")
    parser.add_argument(
        "--related", action="append", default=[], metavar="ID", help="a decision or escalation on the same question"
    )


def set_decision_fields(ws: Workspace, e: Escalation, args: argparse.Namespace) -> None:
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


def register_edit(sub: Any) -> None:
    """Add ``escalation edit`` to the escalation family's subcommands."""
    edit = sub.add_parser("edit", help="add what the PM needs to decide: needed-by, impact, options, advice")
    edit.add_argument("id")
    edit.add_argument("--title")
    edit.add_argument("--ask", help="what the PM must decide")
    edit.add_argument("--severity", help="low, medium, high, critical (as set in workspace.toml)")
    decision_options(edit)
    edit.add_argument("--clear-options", action="store_true", help="drop the options written so far")
    edit.add_argument("--clear-related", action="store_true", help="drop the links written so far")
    edit.add_argument(
        "--internal", action=argparse.BooleanOptionalAction, default=None, help="keep it out of reports for the client"
    )
    edit.set_defaults(func=edit_escalation)


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
        set_decision_fields(ws, e, args)

    escalation = ws.update(Escalation, args.id, change)
    print(f"Changed {escalation.id}")
    return 0
