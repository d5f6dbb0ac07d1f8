"""The ``ritual`` command line.

A command imports only what it uses: the command's own module is imported to build its parser, the
others are named with their one-line help (enough for ``ritual --help``). Non-interactive commands
never import Textual (a test proves it); the TUI is imported only by the commands that open it.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from ritual_tui import __version__
from ritual_tui.rituals import RITUALS

#: Command → (module under ritual_tui.commands that registers it, its one-line help).
COMMANDS = {
    "init": ("workspace", "create a new workspace"),
    "backlog": ("backlog", "add, list, show, edit, rank, split, estimate backlog items and tick their readiness"),
    "sprint": ("sprints", "start, change, review, close and list sprints"),
    "feedback": ("feedback", "stakeholder feedback heard at the review, and what it became"),
    "decision": ("decisions", "record, list, accept, reject and supersede decisions"),
    "escalate": ("escalations", "raise an escalation for the PM"),
    "escalation": ("escalations", "list escalations and move them along"),
    "blocker": ("records", "list, show and reopen blockers"),
    "topic": ("records", "list, show and close parking-lot topics"),
    "note": ("records", "list and show notes (private ones included: this is your own terminal)"),
    "summary": ("reports", "write the end-of-sprint summary (Markdown, JSON, HTML)"),
    "brief": ("reports", "write the PM brief: what the PM must act on now"),
    "import": ("tracker", "bring a backlog in from Jira (its CSV) or GitHub (gh's JSON)"),
    "check": ("workspace", "read every file and report what is damaged"),
    "export": ("workspace", "the whole workspace as one JSON document"),
}
#: Options of ``ritual`` itself that take a value (so that the value is not taken for a command).
_VALUED_OPTIONS = ("--workspace",)


def _command_in(argv: Sequence[str]) -> str | None:
    """The command named on the command line, if any (the first word that is not an option)."""
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line: the named command in full, every other command by its help line."""
    parser = argparse.ArgumentParser(
        prog="ritual",
        description="The Product Owner's companion for Scrum rituals. With no command, opens the TUI home.",
        epilog="The workspace is --workspace DIR, else $RITUAL_WORKSPACE, else the platform's user data folder. "
        "A text argument given as - is read from standard input.",
    )
    parser.add_argument("--version", action="version", version=f"ritual-tui {__version__}")
    parser.add_argument("--workspace", metavar="DIR", help="the workspace folder")
    parser.add_argument("--presenter", action="store_true", help="open the TUI in presenter mode")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    chosen = _command_in(argv)
    if chosen in COMMANDS:
        # Only the command named is built: a parser costs about a millisecond, and a quick capture
        # from the shell should cost little more than Python's own start.
        import_module(f"ritual_tui.commands.{COMMANDS[chosen][0]}").register(commands)
        _accept_workspace_anywhere(parser)
        return parser
    for ritual in RITUALS:
        tui = commands.add_parser(ritual.command, help=f"open the TUI on the {ritual.title.lower()}")
        tui.set_defaults(tui_screen=ritual.name)
    demo = commands.add_parser("demo", help="open the TUI on a fresh copy of the demo workspace")
    demo.add_argument("--copy-to", type=Path, metavar="DIR", help="only copy the demo into DIR (a new folder)")
    demo.set_defaults(demo=True, needs_workspace=False)
    for name, (_, help_text) in COMMANDS.items():
        commands.add_parser(name, help=help_text)
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
    from ritual_tui.domain.text import visible
    from ritual_tui.paths import workspace_path
    from ritual_tui.store.workspace import Workspace

    _read_stdin_arguments(args)
    folder = workspace_path(args.workspace)
    if getattr(args, "demo", False):
        return _demo(args)
    if not hasattr(args, "func"):
        return _open_tui(Workspace.open(folder), getattr(args, "tui_screen", "home"), args.presenter)
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
    from ritual_tui.commands.workspace import copy_demo_to
    from ritual_tui.domain.text import visible

    if args.copy_to:
        ws = copy_demo_to(args.copy_to)
        print(f"Copied the demo workspace to {visible(str(ws.root))}")
        return 0
    import tempfile

    target = Path(tempfile.mkdtemp(prefix="ritual-demo-"))
    ws = copy_demo_to(target)
    print(f"Demo workspace: {visible(str(target))}", file=sys.stderr)
    return _open_tui(ws, "home", args.presenter)


def _open_tui(ws: Any, start: str, presenter: bool) -> int:
    from ritual_tui.tui.app import run_app  # Textual is imported here only

    return run_app(ws, start, presenter=presenter)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 data error, 2 usage error)."""
    from ritual_tui.domain.errors import RitualError

    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # text that the terminal cannot encode never crashes
            stream.reconfigure(errors="backslashreplace")
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    try:
        return _run(args)
    except RitualError as error:
        from ritual_tui.domain.text import visible

        print(f"error: {visible(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
