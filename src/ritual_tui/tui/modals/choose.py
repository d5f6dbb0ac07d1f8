"""Choose one record from a list: arrows and Enter, or Escape to choose nothing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.table import RecordTable, Row


class ChooseRecord(Once):
    """A list of records to choose one from; dismissed with its key, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Choose nothing"),
    ]

    def __init__(
        self, question: Content, columns: Sequence[str], rows: Sequence[Row], selected: str | None = None
    ) -> None:
        super().__init__()
        self.question, self.columns, self.rows = question, columns, rows
        #: The row the cursor starts on (what was chosen before), else the first.
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-box", classes="form"):
            yield Label(self.question, id="choose-title")
            yield RecordTable(*self.columns, empty="Nothing to choose from.", id="choices")
            yield Static("↑↓ choose · Enter confirms · Escape cancels", classes="caption form-hint")

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.set_rows(self.rows)
        if self.selected is not None:
            table.select_key(self.selected)
        table.focus()

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.answer(event.key)

    def action_cancel(self) -> None:
        self.answer(None)
