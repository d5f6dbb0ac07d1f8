"""What the rituals capture besides decisions and escalations: blockers, parking-lot topics, notes."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.rules import plural
from ritual_tui.services.daily import reopen_blocker
from ritual_tui.store.layout import id_number
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.screens.records import RecordListScreen
from ritual_tui.tui.widgets.table import Row


class BlockersScreen(RecordListScreen):
    """Blockers, open ones first; a resolved one can be opened again."""

    AREA = "blocker"
    VIEW_TITLE = "Blockers"
    COLUMNS = ("ID", "Status", "Dailies", "Lasted", "Owner", "Blocker")
    EMPTY = "No blocker: b in a daily captures one."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="blocker.detail", tooltip="Show the whole blocker"),
        Binding("o", "reopen", "Reopen", id="blocker.reopen", tooltip="Open a resolved blocker again"),
    ]
    FOOTER = ("blocker.detail", "blocker.reopen", "list.home")

    def read(self, ws: Workspace) -> list[Blocker]:
        found = ws.all(Blocker)
        return [b for b in found if b.status == "open"] + [b for b in reversed(found) if b.status != "open"]

    def row(self, b: Blocker) -> Row:
        status = (b.status, "bold" if b.status == "open" else "dim")
        lasted = f"{b.lasted_days(self.today())}d"
        return Row(b.id, [b.id, status, b.dailies_open(), lasted, b.owner, b.title])

    def caption(self, records: list[Blocker]) -> str:
        still = len([b for b in records if b.status == "open"])
        return f"{still} open, {len(records) - still} resolved (newest first) · o reopens a resolved one"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reopen":
            return (self.selected is not None and self.selected.status != "open") or None
        return True

    def action_reopen(self) -> None:
        blocker = self.selected
        if blocker is not None and blocker.status != "open":
            today = self.today()
            self.write(lambda: reopen_blocker(self.ws, blocker.id, today), lambda _: self.reload())


class TopicsScreen(RecordListScreen):
    """Parking-lot topics: raised in a daily, taken to the next refinement."""

    AREA = "topic"
    VIEW_TITLE = "Parking-lot topics"
    COLUMNS = ("ID", "Status", "Raised", "By", "Topic", "Outcome")
    EMPTY = "No topic: p in a daily parks one for the refinement."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="topic.detail", tooltip="Show the whole topic"),
    ]
    FOOTER = ("topic.detail", "list.home")

    def read(self, ws: Workspace) -> list[Topic]:
        found = ws.all(Topic)
        return [t for t in found if t.status == "open"] + [t for t in reversed(found) if t.status != "open"]

    def row(self, t: Topic) -> Row:
        return Row(t.id, [t.id, t.status, str(t.raised or ""), t.raised_by, t.title, t.outcome])


class NotesScreen(RecordListScreen):
    """Notes, newest first. In presenter mode the private ones are left out, and nothing says so."""

    AREA = "note"
    VIEW_TITLE = "Notes"
    COLUMNS = ("ID", "At", "By", "Note")
    EMPTY = "No note: o in a ritual takes one."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="note.detail", tooltip="Show the whole note"),
    ]
    FOOTER = ("note.detail", "list.home")

    def __init__(self) -> None:
        super().__init__()
        self.every_note: list[Note] = []

    def read(self, ws: Workspace) -> list[Note]:
        # By when they were taken: notes typed in the CLI and in a ritual interleave.
        return sorted(ws.all(Note), key=lambda n: (n.at.timestamp() if n.at else 0.0, id_number(n.id)), reverse=True)

    def show(self, records: list[Any]) -> None:
        self.every_note = records
        super().show([n for n in records if not (self.presenter and n.private)])

    def presenter_changed(self) -> None:
        self.show(self.every_note)

    def row(self, n: Note) -> Row:
        text = (n.text, "italic") if n.private else n.text
        return Row(n.id, [n.id, f"{n.at:%Y-%m-%d %H:%M}" if n.at else "", n.by, text])

    def caption(self, records: list[Note]) -> str:
        return f"{plural(len(records), 'note')}, newest first"
