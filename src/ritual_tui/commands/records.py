"""``ritual blocker list|show|reopen``, ``ritual topic list|show`` and ``ritual note list|show``:
what the rituals capture besides decisions and escalations."""

from __future__ import annotations

import argparse
from typing import Any

from ritual_tui.commands.output import print_json, print_table, record_json, show_record
from ritual_tui.domain import clock
from ritual_tui.domain.daily_records import BLOCKER_STATUSES, TOPIC_STATUSES, Blocker, Note, Topic
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add the ``blocker``, ``topic`` and ``note`` command families to the parser."""
    for name, record_type, statuses, extra in (
        ("blocker", Blocker, BLOCKER_STATUSES, ("reopen",)),
        ("topic", Topic, TOPIC_STATUSES, ()),
        ("note", Note, (), ()),
    ):
        family = commands.add_parser(name, help=f"list and show {record_type.KIND}s")
        sub = family.add_subparsers(dest="action", required=True, metavar="ACTION")
        listing = sub.add_parser("list", help=f"list {record_type.KIND}s, oldest first")
        if statuses:
            listing.add_argument("--status", choices=statuses)
        listing.add_argument("--json", action="store_true", help="print JSON")
        listing.set_defaults(func=LISTS[name], status=None)
        show = sub.add_parser("show", help=f"show one {record_type.KIND}")
        show.add_argument("id")
        show.add_argument("--json", action="store_true", help="print JSON")
        show.set_defaults(func=lambda ws, args, t=record_type: show_record(ws.get(t, args.id), args.json))
        if "reopen" in extra:
            reopen = sub.add_parser("reopen", help="open a resolved blocker again")
            reopen.add_argument("id")
            reopen.set_defaults(func=reopen_blocker)


def list_blockers(ws: Workspace, args: argparse.Namespace) -> int:
    """Blockers, with how many dailies saw them open and how long they lasted."""
    found = [b for b in ws.all(Blocker) if args.status in (None, b.status)]
    if args.json:
        print_json([record_json(b) for b in found])
        return 0
    today = clock.today()
    print_table(
        ["ID", "STATUS", "OWNER", "DAILIES", "LASTED", "ESCALATION", "TITLE"],
        [[b.id, b.status, b.owner, b.dailies_open(), f"{b.lasted_days(today)}d", b.escalation, b.title] for b in found],
        empty="No blockers match; a daily captures them with b.",
    )
    return 0


def list_topics(ws: Workspace, args: argparse.Namespace) -> int:
    """Parking-lot topics: raised in a daily, closed in a refinement with an outcome."""
    found = [t for t in ws.all(Topic) if args.status in (None, t.status)]
    if args.json:
        print_json([record_json(t) for t in found])
        return 0
    print_table(
        ["ID", "STATUS", "RAISED", "BY", "TITLE", "OUTCOME"],
        [[t.id, t.status, t.raised, t.raised_by, t.title, t.outcome] for t in found],
        empty="No topics match; a daily parks them with p.",
    )
    return 0


def list_notes(ws: Workspace, args: argparse.Namespace) -> int:
    """Notes, private ones marked: they stay in this workspace and never reach a shared file."""
    found = ws.all(Note)
    if args.json:
        print_json([record_json(n) for n in found])
        return 0
    print_table(
        ["ID", "AT", "BY", "PRIVATE", "NOTE"],
        [[n.id, f"{n.at:%Y-%m-%d %H:%M}" if n.at else "", n.by, "yes" if n.private else "no", n.text] for n in found],
        empty="No notes; a ritual takes one with o.",
    )
    return 0


def reopen_blocker(ws: Workspace, args: argparse.Namespace) -> int:
    """Open a resolved blocker again."""
    from ritual_tui.services.daily import reopen_blocker as reopen

    blocker = reopen(ws, args.id)
    print(f"{blocker.id} is open again")
    return 0


LISTS = {"blocker": list_blockers, "topic": list_topics, "note": list_notes}
