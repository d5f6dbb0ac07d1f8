"""What makes an escalation decision-ready for the PM, given when it is raised (``ritual escalate``)
or added later (``ritual escalation edit``): needed-by, impact, options, the PO's advice, links."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from ritual_tui.services import escalations
from ritual_tui.services.escalations import DecisionFields
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


def decision_fields(args: argparse.Namespace) -> DecisionFields:
    """The decision-ready options given on the command line."""
    return DecisionFields(
        needed_by=args.needed_by,
        impact=args.impact,
        options=args.option,
        recommendation=args.recommend,
        related=args.related,
        internal=getattr(args, "internal", None),
        clear_options=getattr(args, "clear_options", False),
        clear_related=getattr(args, "clear_related", False),
    )


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
    escalation = escalations.edit_escalation(ws, args.id, args.title, args.ask, args.severity, decision_fields(args))
    print(f"Changed {escalation.id}")
    return 0
