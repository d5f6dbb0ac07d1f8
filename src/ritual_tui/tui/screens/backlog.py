"""The backlog: every item with status, estimate and objective; type to filter; add, edit, change
status and rank with the refinement's story editor (each change on disk when its key or Enter is
pressed)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.screens.backlog_editing import EDIT_BINDINGS, EDIT_FOOTER, BacklogEditing
from ritual_tui.tui.screens.records import RecordListScreen
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.detail import DetailPane
from ritual_tui.tui.widgets.inputs import SafeInput
from ritual_tui.tui.widgets.table import RecordTable, Row


def haystack(item: BacklogItem) -> str:
    """The text a filter matches: id, title, status, kind, objective and tags."""
    return " ".join([item.id, item.title, item.status, item.kind, item.objective, *item.tags]).casefold()


class BacklogScreen(BacklogEditing, RecordListScreen):
    """All items by rank. The rows are built once; a filter only chooses which to show."""

    AREA = "backlog"
    VIEW_TITLE = "Backlog"
    COLUMNS = ("ID", "Kind", "Status", "Pts", "Obj", "Title")
    EMPTY = "No item matches: Escape clears the filter."
    FIRST_FOCUS = "#filter"  # typing filters at once
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="backlog.detail", tooltip="Show the whole item"),
        Binding("slash", "focus_filter", "Filter", id="backlog.filter", tooltip="Type to filter the backlog"),
        Binding("escape", "leave", "Home", id="backlog.home", tooltip="Clear the filter, then back to home"),
        # Down from the filter goes to the list, as Enter does: the arrow is where the hand is.
        Binding("down", "to_list", "To the list", show=False),
        *EDIT_BINDINGS,
    ]
    FOOTER = ("backlog.detail", "backlog.filter", *EDIT_FOOTER, "backlog.home")

    def __init__(self) -> None:
        super().__init__()
        self.items: list[BacklogItem] = []
        #: Lower-cased text each item is matched against, built once.
        self.haystacks: list[str] = []

    def compose(self) -> ComposeResult:
        yield from top()
        yield SafeInput(placeholder="Type to filter: words in title, id, status, kind, objective or tag", id="filter")
        yield Static(id="list-caption", classes="caption")
        with Horizontal(id="list-columns"):
            yield RecordTable(*self.COLUMNS, empty=self.EMPTY, id="records")
            with VerticalScroll(id="detail-side", classes="panel"):
                yield DetailPane(id="detail-pane")
        yield from bottom()

    def read(self, ws: Workspace) -> list[BacklogItem]:
        return sorted(ws.all(BacklogItem), key=lambda i: (i.rank, i.id))

    def row(self, i: BacklogItem) -> Row:
        status = (i.status, "green" if i.status == "done" else "")
        return Row(i.id, [i.id, i.kind, status, format_points(i.estimate), i.objective, i.title])

    def show(self, records: list[BacklogItem]) -> None:
        self.items = records
        self.haystacks = [haystack(i) for i in records]
        self.records = {i.id: i for i in records}
        table = self.query_one(RecordTable)
        if not records:
            table.empty = "The backlog is empty: add items with `ritual backlog add TITLE`."
        table.set_rows([self.row(i) for i in records], self._matching(self.query_one("#filter", Input).value))
        self._count()
        self._show_selected()

    def _matching(self, text: str) -> list[int] | None:
        words = text.casefold().split()
        if not words:
            return None
        return [n for n, hay in enumerate(self.haystacks) if all(w in hay for w in words)]

    def _count(self) -> None:
        shown = len(self.query_one(RecordTable).shown)
        self.query_one("#list-caption", Static).update(f"{shown} of {len(self.items)} items")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_to_list()

    def action_to_list(self) -> None:
        self.query_one(RecordTable).focus()

    def apply_filter(self, text: str) -> None:
        """Show the items matching every word typed."""
        self.query_one(RecordTable).show(self._matching(text))
        self._count()
        self._show_selected()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            return
        self.dismiss()
