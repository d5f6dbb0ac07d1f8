"""Lists of records over home: one table, its caption, the detail of the record under the cursor beside
it on a wide screen (k9s, lazygit), the whole record on Enter. Escalations, decisions, the backlog,
blockers, topics and notes are all such lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.detail import DetailPane
from ritual_tui.tui.widgets.table import RecordTable, Row

#: From this width on, the detail of the selected record stands beside the list.
WIDE = 140


class RecordListScreen(RitualScreen):
    """A list of one kind of record. Subclasses say what is read and how a row looks."""

    VIEW_TITLE: ClassVar[str] = ""
    COLUMNS: ClassVar[Sequence[str]] = ()
    EMPTY: ClassVar[str] = "Nothing here."
    #: What has the focus when the list opens.
    FIRST_FOCUS: ClassVar[str] = "#records"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Home", id="list.home", tooltip="Back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        yield from top()
        yield Static(id="list-caption", classes="caption")
        with Horizontal(id="list-columns"):
            yield RecordTable(*self.COLUMNS, empty=self.EMPTY, id="records")
            with VerticalScroll(id="detail-side", classes="panel"):
                yield DetailPane(id="detail-pane")
        yield from bottom()

    def on_mount(self) -> None:
        self.sub_title = self.VIEW_TITLE
        self.query_one("#detail-side").border_title = "Selected"
        self.query_one(self.FIRST_FOCUS).focus()
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")

    # -- what a list is made of ------------------------------------------------------------------

    def read(self, ws: Workspace) -> list[Any]:
        """The records to list, in order (runs on a thread)."""
        raise NotImplementedError

    def row(self, record: Any) -> Row:
        """A record's row."""
        raise NotImplementedError

    def caption(self, records: list[Any]) -> str:
        """The line above the list."""
        return f"{len(records)} {self.VIEW_TITLE.lower()}"

    # -- reading and showing ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the records again (the read asked for last is the one shown)."""
        self.load(lambda: self.read(self.ws), self.show)

    def show(self, records: list[Any]) -> None:
        self.records = {r.id: r for r in records}
        self.query_one(RecordTable).set_rows([self.row(r) for r in records])
        self.query_one("#list-caption", Static).update(self.caption(records))
        self._show_selected()

    def presenter_changed(self) -> None:
        self._show_selected()

    @property
    def selected(self) -> Any:
        """The record under the cursor, or None."""
        return self.records.get(self.query_one(RecordTable).selected_key or "")

    def _show_selected(self) -> None:
        self.query_one(DetailPane).show(self.selected, self.today(), self.presenter)
        self.refresh_bindings()

    def on_record_table_moved(self, event: RecordTable.Moved) -> None:
        self._show_selected()

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        record: Record | None = self.selected
        if record is not None:
            self.app.push_screen(DetailScreen(record, self.today(), self.presenter))
