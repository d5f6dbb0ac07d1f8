"""Editing the backlog outside a ritual: add an item, edit it with the story editor, change its
status, move it in the order. The keys act on the item under the cursor (the list has the focus)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.content import Content

from ritual_tui.domain.backlog import ITEM_STATUSES, BacklogItem
from ritual_tui.services import ranking
from ritual_tui.services.backlog import ItemChanges, set_status
from ritual_tui.services.refinement_log import save_story
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.story_editor import StoryEditor
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import RecordTable, Row

if TYPE_CHECKING:
    from ritual_tui.tui.screens.records import RecordListScreen as _Screen
else:
    _Screen = object

EDIT_BINDINGS = [
    Binding("a", "add", "Add", id="backlog.add", tooltip="Add an item"),
    Binding("w", "edit", "Edit", id="backlog.edit", tooltip="Edit the item's story, criteria, tags and notes"),
    Binding("s", "status", "Status", id="backlog.status", tooltip="Change the item's status"),
    Binding("left_square_bracket", "rank('up')", "Rank ↑", id="backlog.rank_up", tooltip="Move the item up"),
    Binding("right_square_bracket", "rank('down')", "Rank ↓", id="backlog.rank_down", tooltip="Move the item down"),
    Binding("left_curly_bracket", "rank('top')", "Top", id="backlog.rank_top", tooltip="Move the item to the top"),
    Binding(
        "right_curly_bracket", "rank('bottom')", "Bottom", id="backlog.rank_bottom", tooltip="Move it to the bottom"
    ),
]
EDIT_FOOTER = ("backlog.add", "backlog.edit", "backlog.status", "backlog.rank_up", "backlog.rank_down")
#: Actions on the item under the cursor.
ON_ITEM = ("edit", "status", "rank")


class BacklogEditing(_Screen):
    """Mixed into the backlog screen."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ON_ITEM:
            return True if self.query_one(RecordTable).has_focus and self.selected is not None else None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def _saved(self, item: BacklogItem) -> None:
        """Show the backlog as it is now, the cursor on the item saved (a new one included)."""

        def shown(records: list[BacklogItem]) -> None:
            self.show(records)
            self.query_one(RecordTable).select_key(item.id)

        self.load(lambda: self.read(self.ws), shown)

    def _editor(self, item: BacklogItem | None) -> None:
        # A new item is added by the first save; the saves after it change that item.
        made = {"id": item.id if item else ""}

        def job(changes: ItemChanges) -> BacklogItem:
            saved = save_story(self.ws, made["id"], changes)
            made["id"] = saved.id
            return saved

        def save(changes: ItemChanges, close: bool) -> None:
            self.write(lambda: job(changes), self._saved)

        self.app.push_screen(StoryEditor(item, self.ws.settings, self.presenter, save))

    def action_add(self) -> None:
        self._editor(None)

    def action_edit(self) -> None:
        if self.selected is not None:
            self._editor(self.selected)

    def action_status(self) -> None:
        item: BacklogItem | None = self.selected
        if item is None:
            return
        rows = [Row(status, [status, "← now" if status == item.status else ""]) for status in ITEM_STATUSES]

        def chosen(status: Any) -> None:
            if isinstance(status, str) and status != item.status:
                self.write(lambda: set_status(self.ws, item.id, status), self._saved)

        question = join(f"{item.id} ", literal(item.title, "italic"), Content(" moves to…"))
        self.app.push_screen(ChooseRecord(question, ["Status", ""], rows), chosen)

    def action_rank(self, move: str) -> None:
        item: BacklogItem | None = self.selected
        if item is not None:
            self.write(lambda: ranking.move_item(self.ws, item.id, move).item, self._saved)
