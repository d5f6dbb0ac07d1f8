"""Help: every key of the screen in view, with what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Label

from ritual_tui.tui.commands import screen_commands
from ritual_tui.tui.widgets.table import RecordTable, Row


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss(None)", "Close", tooltip="Close help"),
    ]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label("Keys on this screen (also in the command palette, ctrl+p)", id="help-title")
            yield RecordTable("Key", "What it does", id="help-keys")

    def on_mount(self) -> None:
        rows = [
            Row(action, [key.removeprefix("key: ").replace("_", " "), text])
            for text, key, action in screen_commands(self.over)
        ]
        table = self.query_one(RecordTable)
        table.set_rows(rows)
        table.focus()
