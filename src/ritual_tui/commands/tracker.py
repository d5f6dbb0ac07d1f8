"""``ritual import jira|github`` and ``ritual backlog export --jira|--github``.

Only argparse and the domain are imported here; the readers and the store are imported by the handlers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ritual_tui.domain.errors import StorageError, ValidationError
from ritual_tui.tracker.merge import PREFERENCES

if TYPE_CHECKING:
    from ritual_tui.store.workspace import Workspace

#: A file argument naming standard input or output.
STANDARD = Path("-")
GH_FIELDS = "number,title,body,labels,state,milestone,url"


def register(commands: Any) -> None:
    """Add ``ritual import`` to the parser."""
    parser = commands.add_parser("import", help="bring a backlog in from Jira (its CSV) or GitHub (gh's JSON)")
    trackers = parser.add_subparsers(dest="tracker", required=True, metavar="TRACKER")
    jira = trackers.add_parser("jira", help="import Jira's Export → CSV (all fields)")
    jira.add_argument("file", type=Path, metavar="FILE.csv")
    jira.add_argument("--encoding", help="the file's encoding when it is not UTF-8 or Windows-1252 (e.g. latin-1)")
    github = trackers.add_parser("github", help=f"import the JSON of gh issue list --json {GH_FIELDS}")
    github.add_argument("file", type=Path, metavar="FILE.json", help="the JSON gh printed, or - for standard input")
    for tracker in (jira, github):
        tracker.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
        tracker.add_argument("--prefer", choices=PREFERENCES, help="settle conflicts with the tracker's value or ours")
        tracker.set_defaults(func=import_file)


def register_export(actions: Any) -> None:
    """Add ``export`` to the ``backlog`` actions."""
    export = actions.add_parser("export", help="write changes back: a CSV for Jira's importer, or a gh script")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--jira", type=Path, metavar="FILE.csv", help="write a CSV that updates the Jira issues")
    where.add_argument(
        "--github", type=Path, nargs="?", const=STANDARD, metavar="FILE.sh", help="write a bash script of gh commands"
    )
    export.add_argument("--json", action="store_true", help="with --github: the changes as JSON instead")
    export.add_argument("--all", action="store_true", help="every imported item, not only those changed since")
    export.set_defaults(func=export_changes)


def _read(path: Path) -> tuple[str, bytes]:
    if path == STANDARD:
        return "standard input", sys.stdin.buffer.read()
    try:
        return str(path), path.read_bytes()
    except OSError as error:
        raise StorageError(f"Could not read {path}: {error.strerror}.") from None


def import_file(ws: Workspace, args: argparse.Namespace) -> int:
    """Read an export and merge it into the backlog, printing what was done."""
    from ritual_tui.commands.tracker_report import print_plan
    from ritual_tui.services.tracker_import import import_export, read_export

    name, data = _read(args.file)
    export = read_export(args.tracker, name, data, ws, getattr(args, "encoding", None))
    plan = import_export(ws, export, args.prefer, args.dry_run)
    print_plan(plan, args.dry_run)
    return 0


def export_changes(ws: Workspace, args: argparse.Namespace) -> int:
    """Write the changes made since each item's import, for the tracker to take back."""
    from ritual_tui.domain.rules import plural
    from ritual_tui.domain.text import visible
    from ritual_tui.services.tracker_export import write_back
    from ritual_tui.store.files import write_atomic

    tracker, target = ("jira", args.jira) if args.jira else ("github", args.github)
    if args.json and tracker == "jira":
        raise ValidationError("--json goes with --github; Jira takes a CSV file.")
    if target == STANDARD and tracker == "jira":
        raise ValidationError("Give the CSV a file name: ritual backlog export --jira changes.csv")
    result = write_back(ws, tracker, args.json, args.all)
    for note in result.notes:
        print(f"note: {visible(note)}", file=sys.stderr)
    counted = f"{plural(len(result.items), 'item')} {'imported' if args.all else 'changed since their import'}"
    if target == STANDARD:
        sys.stdout.write(result.text)
        print(f"{counted}.", file=sys.stderr)
    else:
        write_atomic(target.resolve(), result.text.encode("utf-8"))
        print(f"Wrote {counted} to {visible(str(target))}")
    return 0
