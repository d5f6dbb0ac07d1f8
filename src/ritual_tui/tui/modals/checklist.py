"""The Definition of Ready of one item: Space or Enter ticks the line under the cursor (saved at once)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.table import RecordTable, Row


class ReadyChecklist(Once):
    """Tick lines; ``tick(line)`` saves each as it is pressed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close the checklist"),
        Binding("space", "tick_line", "Tick", tooltip="Tick or untick the line"),
    ]

    def __init__(
        self, title: Content, lines: Sequence[str], ticked: Sequence[str], tick: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.heading, self.lines, self.ticked, self.tick = title, list(lines), set(ticked), tick

    def compose(self) -> ComposeResult:
        with Vertical(id="checklist-box", classes="form"):
            yield Label(self.heading, id="checklist-title")
            yield RecordTable(
                "", "Definition of Ready", empty="workspace.toml lists no Definition of Ready.", id="checklist"
            )
            yield Static(
                "Space or Enter ticks · the last line ticked makes the item ready · Escape closes",
                classes="caption form-hint",
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one(RecordTable).focus()

    def _fill(self) -> None:
        rows = [Row(str(n), ["☑" if line in self.ticked else "☐", line]) for n, line in enumerate(self.lines)]
        self.query_one(RecordTable).set_rows(rows)

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.action_tick_line()

    def action_tick_line(self) -> None:
        key = self.query_one(RecordTable).selected_key
        if key is None:
            return
        line = self.lines[int(key)]
        self.ticked ^= {line}
        self._fill()
        self.tick(line)

    def action_close(self) -> None:
        self.answer(None)
