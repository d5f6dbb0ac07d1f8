"""``ritual init``, ``ritual check``, ``ritual export`` and ``ritual demo --copy-to``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ritual_tui.commands.output import print_json
from ritual_tui.domain import clock
from ritual_tui.domain.text import required_text, visible
from ritual_tui.reports.json_text import as_json
from ritual_tui.store.files import write_atomic
from ritual_tui.store.workspace import Workspace


def register(commands: Any) -> None:
    """Add the workspace-wide commands to the parser."""
    init = commands.add_parser("init", help="create a new workspace")
    init.add_argument("--name", default="My product", help="the product's name")
    init.set_defaults(func=init_workspace, needs_workspace=False)

    check = commands.add_parser("check", help="read every file and report what is damaged")
    check.add_argument("--fix", action="store_true", help="renumber records whose ids clash after a git merge")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(func=check_files)

    export = commands.add_parser("export", help="the whole workspace as one JSON document")
    export.add_argument("--json", action="store_true", required=True, help="JSON (the only format)")
    export.add_argument("--shared", action="store_true", help="leave private notes out")
    export.add_argument("--out", type=Path, help="write to this file instead of standard output")
    export.set_defaults(func=export_json, carry_on=True)


def init_workspace(workspace: Path, args: argparse.Namespace) -> int:
    """Create a workspace at the chosen folder."""
    Workspace.create(workspace, required_text(args.name, "product name"))
    print(f"Created a workspace for {visible(repr(args.name))} in {visible(str(workspace))}")
    print(f"Edit {visible(str(workspace / 'workspace.toml'))} to add the team and the roadmap objectives.")
    return 0


def check_files(ws: Workspace, args: argparse.Namespace) -> int:
    """Exit 0 when every file is whole; otherwise list each problem with its file and exit 1."""
    from ritual_tui.store.check import check_workspace

    report = check_workspace(ws, fix=args.fix)
    if args.json:
        print_json({"files_read": report.files_read, "problems": report.problems, "repaired": report.repaired})
    else:
        # File names and keys come from the files, after a `git pull` perhaps: shown inert.
        for line in report.repaired:
            print(f"repaired: {visible(line)}")
        for line in report.problems:
            print(f"problem: {visible(line)}")
        verdict = "whole" if not report.problems else f"{len(report.problems)} problem(s)"
        print(f"{report.files_read} files read: {verdict}")
    return 1 if report.problems else 0


def export_json(ws: Workspace, args: argparse.Namespace) -> int:
    """Print (or write) the whole workspace as JSON."""
    from ritual_tui.reports.export import export_workspace

    text = as_json(export_workspace(ws, shared=args.shared)) + "\n"
    if args.out:
        # A backup holds every record: the limit on what one record file may hold does not apply.
        write_atomic(args.out.resolve(), text.encode("utf-8"), limit=None)
        print(f"Wrote {visible(str(args.out))}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def copy_demo_to(target: Path) -> Workspace:
    """Copy the demo workspace into ``target``, dated so that its sprint is under way today."""
    from ritual_tui.store.demo import copy_demo

    return copy_demo(target, clock.today())
