"""Progress toward the product goal, over the review when the screen is too small to show it beside
the run-sheet."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.tui.modals.prompt import Once


class ProgressScreen(Once):
    """Read-only; Escape or Enter closes."""

    DEFAULT_CSS = "ProgressScreen { align: center middle; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", tooltip="Close", priority=True),
    ]

    def __init__(self, content: Content) -> None:
        super().__init__()
        self.content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-box"):
            yield Label("Progress toward the product goal", id="capture-title")
            yield Static(self.content, id="progress-detail")
            yield Static("Escape or Enter closes.", classes="caption")

    def action_close(self) -> None:
        self.answer(None)
