"""``ritual summary`` and ``ritual brief``: the files the PM and the client read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ritual_tui.domain.text import visible
from ritual_tui.store.workspace import Workspace

if TYPE_CHECKING:
    from ritual_tui.reports.documents import ReportDocument

FORMAT_CHOICES = ("md", "json", "html", "all")
#: Who a report is for (the reports' own list, repeated here to keep this module's imports light).
AUDIENCE_CHOICES = ("pm", "client")


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
    parser.add_argument(
        "--audience",
        choices=AUDIENCE_CHOICES,
        default="pm",
        help="pm (default), or client: without escalations marked internal and strategic decisions still "
        "proposed; its files end in -client",
    )


def _emit(args: argparse.Namespace, report: ReportDocument) -> int:
    from ritual_tui.reports.files import FORMATS

    if args.stdout:
        if args.format == "all":
            print("error: --stdout prints one format: choose md, json or html", file=sys.stderr)
            return 2
        sys.stdout.write(report.render(args.format or "md"))
        return 0
    formats = FORMATS if args.format in (None, "all") else (args.format,)
    for path in report.write(formats, args.out):
        print(visible(str(path)))
    return 0


def write_summary(ws: Workspace, args: argparse.Namespace) -> int:
    """Write (or print) the end-of-sprint summary."""
    from ritual_tui.reports.documents import summary_report

    return _emit(args, summary_report(ws, args.sprint, audience=args.audience))


def write_brief(ws: Workspace, args: argparse.Namespace) -> int:
    """Write (or print) the PM brief; what changed is counted since the last brief in its folder."""
    from ritual_tui.reports.documents import brief_report

    return _emit(args, brief_report(ws, args.out, audience=args.audience))
