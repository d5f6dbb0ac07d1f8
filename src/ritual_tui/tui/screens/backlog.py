"""The backlog: every item with status, estimate and objective; type to filter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell
from ritual_tui.tui.widgets.table import FitTable


def matches(item: BacklogItem, words: list[str]) -> bool:
    """True when every word appears in the item's id, title, status, kind, objective or tags."""
    haystack = " ".join([item.id, item.title, item.status, item.kind, item.objective, *item.tags]).casefold()
    return all(word in haystack for word in words)


class BacklogScreen(RitualScreen):
    """All items by rank. The rows are built once; a filter only chooses which to show."""

    AREA = "backlog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="backlog.detail", tooltip="Show the whole item", show=True),
        Binding("slash", "focus_filter", "Filter", id="backlog.filter", tooltip="Type to filter the backlog"),
        Binding("escape", "leave", "Home", id="backlog.home", tooltip="Clear the filter, then back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[BacklogItem] = []
        self.rows: dict[str, tuple[Text, ...]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter: words in title, id, status, kind, objective or tag", id="filter")
        yield Static(id="backlog-count", classes="caption")
        yield FitTable(id="backlog", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Backlog"
        self.query_one(FitTable).add_columns("ID", "Kind", "Status", "Pts", "Obj", "Title")
        self.in_background(lambda: sorted(self.ws.all(BacklogItem), key=lambda i: (i.rank, i.id)), self.loaded)

    def loaded(self, items: list[BacklogItem]) -> None:
        self.items = items
        # Cells are built once: filtering 5,000 items then only re-adds prepared rows.
        self.rows = {
            i.id: (
                Text(i.id),
                Text(i.kind),
                cell(i.status, "green" if i.status == "done" else ""),
                Text(format_points(i.estimate)),
                cell(i.objective),
                cell(i.title),
            )
            for i in items
        }
        self.apply_filter(self.query_one("#filter", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FitTable).focus()

    def apply_filter(self, text: str) -> None:
        """Show the items matching every word typed."""
        words = text.casefold().split()
        shown = [i for i in self.items if matches(i, words)] if words else self.items
        table = self.query_one(FitTable)
        table.clear()
        table.add_rows([self.rows[i.id] for i in shown])
        self.query_one("#backlog-count", Static).update(f"{len(shown)} of {len(self.items)} items")
        self._shown = shown

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            return
        self.dismiss()

    def on_data_table_row_selected(self, event: FitTable.RowSelected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        table = self.query_one(FitTable)
        if table.row_count == 0:
            return
        item = self._shown[table.cursor_row]
        self.app.push_screen(
            DetailScreen(
                f"{item.id} {item.title}",
                [
                    ("Kind", item.kind, False),
                    ("Status", item.status, False),
                    ("Estimate", format_points(item.estimate), False),
                    ("Value", item.value, False),
                    ("Objective", item.objective, False),
                    ("Story", item.story_line(), False),
                    ("Acceptance criteria", item.acceptance, False),
                    ("Tags", ", ".join(item.tags), False),
                    ("Parent", item.parent, False),
                    ("External reference", item.external_ref, False),
                    ("Private notes", item.private_notes, True),
                ],
                self.presenter,
            )
        )
