"""What frames every screen: the header, the presenter bar while the screen is shared, the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header, Static

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


def top() -> ComposeResult:
    """The header and the presenter bar."""
    yield Header()
    yield PresenterBar()


def bottom() -> ComposeResult:
    """The footer of keys."""
    yield KeyBar()
