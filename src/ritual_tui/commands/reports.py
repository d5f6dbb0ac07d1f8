"""``ritual summary`` and ``ritual brief``: the files the PM and the client read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ritual_tui.domain import clock
from ritual_tui.domain.text import visible
from ritual_tui.store import layout
from ritual_tui.store.workspace import Workspace

FORMAT_CHOICES = ("md", "json", "html", "all")


def register(commands: Any) -> None:
    """Add ``summary`` and ``brief`` to the parser."""
    summary = commands.add_parser("summary", help="write the end-of-sprint summary (Markdown, JSON, HTML)")
    summary.add_argument("--sprint", help="sprint number or id (default: the active sprint, else the last)")
    _output_options(summary, "summaries/")
    summary.set_defaults(func=write_summary, carry_on=True)

    brief = commands.add_parser("brief", help="write the PM brief: what the PM must act on now")
    _output_options(brief, "briefs/")
    brief.set_defaults(func=write_brief, carry_on=True)


def _output_options(parser: argparse.ArgumentParser, folder: str) -> None:
    parser.add_argument(
        "--format",
        choices=FORMAT_CHOICES,
        default=None,
        help="md, json, html or all (default: all when writing files, md on --stdout)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help=f"folder to write to (default: the workspace's {folder})"
    )
    parser.add_argument("--stdout", action="store_true", help="print one format instead of writing files")


def _emit(args: argparse.Namespace, doc: dict[str, Any], blocks: Any, folder: Path, stem: str, title: str) -> int:
    from ritual_tui.reports.files import FORMATS, render, write_report

    if args.stdout:
        if args.format == "all":
            print("error: --stdout prints one format: choose md, json or html", file=sys.stderr)
            return 2
        sys.stdout.write(render(doc, blocks, args.format or "md", title))
        return 0
    formats = FORMATS if args.format in (None, "all") else (args.format,)
    for path in write_report(doc, blocks, formats, args.out or folder, stem, title):
        print(visible(str(path)))
    return 0


def write_summary(ws: Workspace, args: argparse.Namespace) -> int:
    """Write (or print) the end-of-sprint summary."""
    from ritual_tui.reports.layout import summary_blocks
    from ritual_tui.reports.summary import sprint_summary

    doc = sprint_summary(ws, args.sprint, clock.today())
    number = doc["sprint"]["number"]
    title = f"{doc['product']}: sprint {number} summary"
    return _emit(args, doc, summary_blocks, ws.root / layout.SUMMARIES_FOLDER, f"sprint-{number}-summary", title)


def write_brief(ws: Workspace, args: argparse.Namespace) -> int:
    """Write (or print) the PM brief; answers are those received since the last brief written."""
    from ritual_tui.reports.brief import brief_since_last
    from ritual_tui.reports.layout import brief_blocks

    folder = args.out or ws.root / layout.BRIEFS_FOLDER
    today = clock.today()
    doc = brief_since_last(ws, folder, today)
    title = f"{doc['product']}: PM brief, {today}"
    return _emit(args, doc, brief_blocks, folder, f"brief-{today}", title)
