"""The backlog: every item with status, estimate and objective; type to filter."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.widgets.inputs import SafeInput
from ritual_tui.tui.widgets.table import RecordTable, Row


def haystack(item: BacklogItem) -> str:
    """The text a filter matches: id, title, status, kind, objective and tags."""
    return " ".join([item.id, item.title, item.status, item.kind, item.objective, *item.tags]).casefold()


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
        #: Lower-cased text each item is matched against, built once.
        self.haystacks: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield SafeInput(placeholder="Type to filter: words in title, id, status, kind, objective or tag", id="filter")
        yield Static(id="backlog-count", classes="caption")
        yield RecordTable(
            "ID",
            "Kind",
            "Status",
            "Pts",
            "Obj",
            "Title",
            empty="No item matches: Escape clears the filter.",
            id="backlog",
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Backlog"
        self.load(lambda: sorted(self.ws.all(BacklogItem), key=lambda i: (i.rank, i.id)), self.loaded)

    def loaded(self, items: list[BacklogItem]) -> None:
        self.items = items
        self.haystacks = [haystack(i) for i in items]
        rows = [
            Row(
                i.id,
                [
                    i.id,
                    i.kind,
                    (i.status, "green" if i.status == "done" else ""),
                    format_points(i.estimate),
                    i.objective,
                    i.title,
                ],
            )
            for i in items
        ]
        self.query_one(RecordTable).set_rows(rows, self._matching(self.query_one("#filter", Input).value))
        self._count()
        if not items:
            self.query_one(RecordTable).empty = "The backlog is empty: add items with `ritual backlog add TITLE`."

    def _matching(self, text: str) -> list[int] | None:
        words = text.casefold().split()
        if not words:
            return None
        return [n for n, hay in enumerate(self.haystacks) if all(w in hay for w in words)]

    def _count(self) -> None:
        shown = len(self.query_one(RecordTable).shown)
        self.query_one("#backlog-count", Static).update(f"{shown} of {len(self.items)} items")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(RecordTable).focus()

    def apply_filter(self, text: str) -> None:
        """Show the items matching every word typed."""
        self.query_one(RecordTable).show(self._matching(text))
        self._count()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            return
        self.dismiss()

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        index = self.query_one(RecordTable).selected_index
        if index is not None:
            self.app.push_screen(DetailScreen(self.items[index], self.today(), self.presenter))
