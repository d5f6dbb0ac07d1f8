"""``ritual feedback add|list|show|becomes``: stakeholder feedback from the shell, by the same rules
as the review screen."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.domain.feedback import Feedback
from ritual_tui.domain.text import visible
from ritual_tui.services.feedback import NewFeedback, hear_feedback, turn_feedback
from ritual_tui.store.workspace import Workspace

#: What feedback can become, as the command line says it.
BECOMES = ("item", "escalation", "decision", "noted")


def register(commands: Any) -> None:
    """Add the ``feedback`` command family to the parser."""
    family = commands.add_parser("feedback", help="stakeholder feedback heard at the review, and what it became")
    sub = family.add_subparsers(dest="action", required=True, metavar="ACTION")

    add = sub.add_parser("add", help="record feedback heard about the sprint under way (or the last one)")
    add.add_argument("text")
    add.add_argument("--item", default="", help="the backlog item it is about")
    add.add_argument("--by", default="", help="who said it")
    _becomes_options(add, required=False)
    add.set_defaults(func=add_feedback)

    listing = sub.add_parser("list", help="list feedback, oldest first")
    listing.add_argument("--open", action="store_true", help="only feedback not yet turned into anything")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=list_feedback)

    show = sub.add_parser("show", help="show one piece of feedback")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=lambda ws, args: show_record(ws.get(Feedback, args.id), args.json))

    becomes = sub.add_parser("becomes", help="turn open feedback into an item, an escalation, a decision, or note it")
    becomes.add_argument("id")
    _becomes_options(becomes, required=True)
    becomes.set_defaults(func=turn)


def _becomes_options(parser: argparse.ArgumentParser, required: bool) -> None:
    if required:
        parser.add_argument("becomes", choices=BECOMES, help="what it becomes")
    else:
        parser.add_argument(
            "--becomes", choices=BECOMES, default="", help="what it becomes now (default: decide later)"
        )
    parser.add_argument(
        "--objective", help="for an item: its roadmap objective (default: that of the item it is about)"
    )


def _said(feedback: Feedback) -> str:
    return visible(
        f"{feedback.id}: {feedback.text}" + (f" (became {feedback.became_text()})" if feedback.became_kind else "")
    )


def add_feedback(ws: Workspace, args: argparse.Namespace) -> int:
    """Record a piece of feedback, and what it becomes when that is decided now."""
    new = NewFeedback(args.text, by=args.by, item=args.item, becomes=args.becomes, objective=args.objective)
    print(f"Heard {_said(hear_feedback(ws, new))}")
    return 0


def turn(ws: Workspace, args: argparse.Namespace) -> int:
    """Turn open feedback into work, or note it."""
    print(f"Turned {_said(turn_feedback(ws, args.id, args.becomes, args.objective))}")
    return 0


def list_feedback(ws: Workspace, args: argparse.Namespace) -> int:
    """Feedback with who said it, what it was about and what it became."""
    found = ws.all(Feedback, where=(lambda f: not f.became_kind) if args.open else None)
    if args.json:
        print_json([record_json(f) for f in found])
        return 0
    print_table(
        ["ID", "HEARD", "SPRINT", "BY", "ITEM", "BECAME", "FEEDBACK"],
        [[f.id, f.heard, f.sprint, f.by, f.item, f.became_text(), f.text] for f in found],
        empty="No open feedback." if args.open else "No feedback yet; the review hears it with f.",
    )
    return 0
