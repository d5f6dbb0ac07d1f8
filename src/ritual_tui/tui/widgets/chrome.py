"""What frames every screen: the header, the presenter bar while the screen is shared, the keys."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header, Static

from ritual_tui.domain.errors import DamagedFileError
from ritual_tui.tui.text import literal
from ritual_tui.tui.widgets.keybar import KeyBar

#: Shown across the top while presenter mode is on, so the PO (and the room) can tell at a glance.
PRESENTER_BADGE = "PRESENTER MODE · private notes hidden · F5 leaves it"


class PresenterBar(Static):
    """A bar in reverse colours, shown only in presenter mode (the ``-presenter`` class of the screen)."""

    # Shown by app.tcss's ".-presenter PresenterBar" (a widget's own CSS only sees the widget).
    DEFAULT_CSS = """
    PresenterBar { display: none; height: 1; width: 1fr; content-align: center middle;
                   background: $warning; color: $background; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__(PRESENTER_BADGE, id="presenter-bar")


class ProblemBar(Static):
    """Files that could not be read, named until they are fixed: what they hold is left out of every
    view, and the PO must know it rather than trust a list that looks whole."""

    DEFAULT_CSS = """
    ProblemBar { display: none; height: auto; max-height: 5; width: 1fr; padding: 0 1;
                 background: $error 30%; color: $text; }
    ProblemBar.-problems { display: block; }
    """
    #: Files named one by one; more are counted.
    SHOWN = 3

    def __init__(self) -> None:
        super().__init__(id="problem-bar")

    def show(self, left_out: Sequence[tuple[Path, Exception]], root: Path) -> None:
        """Name each file left out, and what to do."""
        self.set_class(bool(left_out), "-problems")
        if not left_out:
            return
        count = len(left_out)
        files, held = ("files", "they hold") if count > 1 else ("file", "it holds")
        lines: list[Content] = [
            Content.styled(
                f"⚠ {count} {files} could not be read; what {held} is left out. Fix it in an editor "
                "(`ritual check` lists every problem), then r on home reads again.",
                "bold",
            )
        ]
        for path, error in left_out[: self.SHOWN]:
            where = path.relative_to(root) if path.is_relative_to(root) else path
            lines.append(literal(f"  {where}: {_problem(error, path)}"))
        if count > self.SHOWN:
            lines.append(Content(f"  … and {count - self.SHOWN} more"))
        self.update(Content("\n").join(lines))


def _problem(error: Exception, path: Path) -> str:
    if isinstance(error, DamagedFileError):
        return f"line {error.line}: {error.problem}" if error.line else error.problem
    return str(error).replace(str(path), path.name)


def top() -> ComposeResult:
    """The header, the presenter bar and the bar of files that could not be read."""
    yield Header()
    yield PresenterBar()
    yield ProblemBar()


def bottom() -> ComposeResult:
    """The footer of keys."""
    yield KeyBar()
