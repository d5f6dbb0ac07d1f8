"""Before the sprint closes: what becomes of each item not accepted — carried over to the next
sprint, back to the backlog, or dropped — with a reason where the PO gives one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.review import WORDS, CloseOut
from ritual_tui.tui.modals.prompt import Once, TextPrompt
from ritual_tui.tui.text import join
from ritual_tui.tui.widgets.table import RecordTable, Row

#: What becomes of an item, in a narrow column.
NEXT = {"carry-over": "carry over", "return": "back to backlog", "drop": "drop"}


class CloseOutScreen(Once):
    """Items not accepted, each with what becomes of it; dismissed with the close-out, or None."""

    DEFAULT_CSS = """
    CloseOutScreen { align: center middle; }
    CloseOutScreen #close-out { height: auto; max-height: 16; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "decide('carry-over')", "Carry over", tooltip="Carry it over to the next sprint"),
        Binding("r", "decide('return')", "Back to backlog", tooltip="Return it to the backlog"),
        Binding("d", "decide('drop')", "Drop", tooltip="Drop it"),
        Binding("w", "why", "Why", tooltip="Say why"),
        Binding("escape", "cancel", "Cancel", tooltip="Leave the sprint open"),
    ]

    def __init__(self, sprint_number: int, items: Sequence[tuple[BacklogItem, str]], close_out: list[CloseOut]) -> None:
        super().__init__()
        self.number = sprint_number
        self.items = {item.id: (item, outcome) for item, outcome in items}
        self.close_out = {line.item: line for line in close_out}

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-box", classes="form"):
            yield Label(f"Close sprint {self.number}: what becomes of the items not accepted?", id="choose-title")
            yield RecordTable(
                "Item", "Becomes", "At the review", "Why", "Title", empty="Every item was accepted.", id="close-out"
            )
            yield Static(
                "c carry over · r back to the backlog · d drop · w why · Enter closes the sprint · Escape cancels",
                classes="caption form-hint",
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one(RecordTable).focus()

    def _fill(self) -> None:
        rows = []
        for item_id, (item, outcome) in self.items.items():
            line = self.close_out[item_id]
            rows.append(Row(item_id, [item_id, (NEXT[line.action], "bold"), outcome, line.reason, item.title]))
        self.query_one(RecordTable).set_rows(rows)

    def action_decide(self, action: str) -> None:
        key = self.query_one(RecordTable).selected_key
        if key is not None:
            self.close_out[key].action = action
            self._fill()

    def action_why(self) -> None:
        key = self.query_one(RecordTable).selected_key
        if key is None:
            return

        def said(reason: object) -> None:
            if isinstance(reason, str) and key is not None:
                self.close_out[key].reason = reason
                self._fill()

        title = join(Content.styled(key, "bold"), f": {WORDS[self.close_out[key].action]}")
        self.app.push_screen(TextPrompt(title, "why", required=False, text=self.close_out[key].reason), said)

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.answer(list(self.close_out.values()))

    def action_cancel(self) -> None:
        self.answer(None)
