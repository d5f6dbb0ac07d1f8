"""Help: every key of the screen in view, grouped by area, with readable key names. It scrolls, and
Enter on a line runs it (as lazygit's help does)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from ritual_tui.tui.commands import screen_commands
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.table import RecordTable, Row


class HelpScreen(Once):
    """Lists the keys of the screen it was opened over; dismissed with the action chosen, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close", tooltip="Close help"),
    ]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Label("Keys of this screen", id="help-title")
            yield RecordTable("Key", "Area", "What it does", id="help-keys")
            yield Static(
                "↑↓ PgUp PgDn scroll · Enter runs the key · Escape closes · ctrl+p searches", classes="caption"
            )

    def on_mount(self) -> None:
        commands = sorted(screen_commands(self.over), key=lambda c: c.area == "app")  # the screen's own first
        table = self.query_one(RecordTable)
        table.set_rows([Row(c.action, [c.keys, c.area, c.what]) for c in commands])
        table.focus()

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.answer(event.key)

    def action_close(self) -> None:
        self.answer(None)
