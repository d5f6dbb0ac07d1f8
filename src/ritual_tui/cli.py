"""The ``ritual`` command line.

Non-interactive commands never import Textual (a test proves it): the TUI is imported only by the
commands that open it, which keeps ``ritual decision add`` as quick as a plain Python start.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from ritual_tui import __version__
from ritual_tui.commands import backlog, decisions, escalations, reports, sprints, workspace
from ritual_tui.domain.errors import RitualError
from ritual_tui.domain.text import visible
from ritual_tui.paths import workspace_path
from ritual_tui.store.workspace import Workspace

#: Commands that open the TUI, and the screen each opens on.
TUI_COMMANDS = {"daily": "daily"}


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, every command with its own --help."""
    parser = argparse.ArgumentParser(
        prog="ritual",
        description="The Product Owner's companion for Scrum rituals. With no command, opens the TUI home.",
        epilog="The workspace is --workspace DIR, else $RITUAL_WORKSPACE, else the platform's user data folder. "
        "A text argument given as - is read from standard input.",
    )
    parser.add_argument("--version", action="version", version=f"ritual-tui {__version__}")
    parser.add_argument("--workspace", metavar="DIR", help="the workspace folder")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, screen in TUI_COMMANDS.items():
        tui = commands.add_parser(name, help=f"open the TUI on the {screen} ritual")
        tui.set_defaults(tui_screen=screen)
    demo = commands.add_parser("demo", help="open the TUI on a fresh copy of the demo workspace")
    demo.add_argument("--copy-to", type=Path, metavar="DIR", help="only copy the demo into DIR (a new folder)")
    demo.set_defaults(demo=True, needs_workspace=False)
    workspace.register(commands)
    backlog.register(commands)
    sprints.register(commands)
    decisions.register(commands)
    escalations.register(commands)
    reports.register(commands)
    _accept_workspace_anywhere(parser)
    return parser


def _accept_workspace_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let every command take ``--workspace`` after its name too (``ritual init --workspace DIR``):
    users type both orders. Given there, it wins; left out, the one before the command stands."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for command in dict.fromkeys(action.choices.values()) if isinstance(action.choices, dict) else ():
            command.add_argument("--workspace", metavar="DIR", default=argparse.SUPPRESS, help="the workspace folder")
            _accept_workspace_anywhere(command)


#: A text argument given as this is read from standard input (for long or binary-unsafe text).
FROM_STDIN = "-"


def _read_stdin_arguments(args: argparse.Namespace) -> None:
    """Replace every text argument that is exactly ``-`` with standard input (read once).

    The shell cannot pass a NUL byte, and Linux caps one argument at 128 KiB: long notes and
    pasted text come through standard input instead.
    """
    text: str | None = None
    for name, value in vars(args).items():
        if value == FROM_STDIN or (isinstance(value, list) and FROM_STDIN in value):
            if text is None:
                text = sys.stdin.read()
            if isinstance(value, list):
                setattr(args, name, [text if v == FROM_STDIN else v for v in value])
            else:
                setattr(args, name, text)


def _run(args: argparse.Namespace) -> int:
    _read_stdin_arguments(args)
    folder = workspace_path(args.workspace)
    if getattr(args, "demo", False):
        return _demo(args)
    if not hasattr(args, "func"):
        return _open_tui(Workspace.open(folder), getattr(args, "tui_screen", "home"))
    if not getattr(args, "needs_workspace", True):
        return int(args.func(folder, args))
    ws = Workspace.open(folder)
    ws.skip_damaged = getattr(args, "carry_on", False)  # set by the commands that only read
    try:
        code = int(args.func(ws, args))
    finally:
        for notice in ws.notices:
            print(f"note: {visible(notice)}", file=sys.stderr)
    for _, error in ws.left_out:
        print(f"left out: {visible(str(error))}", file=sys.stderr)
    return 1 if ws.left_out and code == 0 else code


def _demo(args: argparse.Namespace) -> int:
    if args.copy_to:
        ws = workspace.copy_demo_to(args.copy_to)
        print(f"Copied the demo workspace to {visible(str(ws.root))}")
        return 0
    import tempfile

    target = Path(tempfile.mkdtemp(prefix="ritual-demo-"))
    ws = workspace.copy_demo_to(target)
    print(f"Demo workspace: {visible(str(target))}", file=sys.stderr)
    return _open_tui(ws, "home")


def _open_tui(ws: Workspace, screen: str) -> int:
    from ritual_tui.tui.app import run_app  # Textual is imported here only

    return run_app(ws, screen)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 data error, 2 usage error)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # text that the terminal cannot encode never crashes
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except RitualError as error:
        print(f"error: {visible(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
