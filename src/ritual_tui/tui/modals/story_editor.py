"""The story editor: an item's title, kind, story, acceptance criteria (added, edited, removed and
reordered), objective, tags, value and private notes, in one form.

Enter in a line saves the item and closes; Enter in the criterion line adds (or replaces) that
criterion and saves, so a criterion is on disk the moment it is typed. Escape closes, asking first
when something typed is not saved. In presenter mode the private notes are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from ritual_tui.domain.backlog import ITEM_KINDS, BacklogItem
from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.settings import Settings
from ritual_tui.services.backlog import ItemChanges
from ritual_tui.tui.modals.capture import FormSelect, options
from ritual_tui.tui.modals.prompt import Confirm, Once
from ritual_tui.tui.text import literal
from ritual_tui.tui.widgets.inputs import SafeInput
from ritual_tui.tui.widgets.table import RecordTable, Row
from ritual_tui.tui.widgets.textbox import EntryLine, SafeTextArea

#: The single-line fields, by id: (label, the item's field).
LINES = (("title", "Title"), ("as_a", "As a"), ("i_want", "I want"), ("so_that", "So that"))


class StoryEditor(Once):
    """Edit an item (or write a new one: ``item`` is None). ``save(changes, close)`` stores them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Close (asks first if something is not saved)"),
        Binding("ctrl+s", "save(False)", "Save", tooltip="Save and keep editing"),
        Binding("delete", "remove_criterion", "Remove", show=False),
        Binding("K", "move_criterion(-1)", "Up", show=False),
        Binding("J", "move_criterion(1)", "Down", show=False),
    ]

    def __init__(
        self, item: BacklogItem | None, settings: Settings, presenter: bool, save: Callable[[ItemChanges, bool], None]
    ) -> None:
        super().__init__()
        self.item = item or BacklogItem(title="")
        self.settings, self.presenter, self.save = settings, presenter, save
        self.criteria = list(self.item.acceptance)
        #: The criterion being edited (its position), or None to add one.
        self.editing: int | None = None
        #: What the form held when it opened or was last saved: Escape asks first when it differs.
        self.saved: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        item = self.item
        title = f"Edit {item.id}" if item.id else "New backlog item"
        with VerticalScroll(id="editor-box", classes="form"):
            yield Label(title, id="editor-title")
            for name, label in LINES:
                with Horizontal(classes="form-row"):
                    yield Label(f"{label:8}", classes="form-label")
                    yield SafeInput(value=getattr(item, name), id=f"edit-{name}", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Kind", classes="form-label")
                yield FormSelect(options(ITEM_KINDS), value=item.kind, allow_blank=False, id="edit-kind", compact=True)
                objectives = [(Content("(none)"), "")] + [
                    (literal(f"{o.id} {o.title}"), o.id) for o in self.settings.objectives
                ]
                known = [v for _, v in objectives]
                yield Label("Objective", classes="form-label")
                yield FormSelect(
                    objectives,
                    value=item.objective if item.objective in known else "",
                    allow_blank=False,
                    id="edit-objective",
                    compact=True,
                )
            yield Label("Acceptance criteria (Enter on one edits it · Delete removes · J/K move it)")
            yield RecordTable("#", "Given / When / Then", empty="None yet: type one below.", id="edit-criteria")
            yield EntryLine(placeholder="Given … when … then …  (Enter adds it)", id="edit-criterion", compact=True)
            with Horizontal(classes="form-row"):
                yield Label("Tags", classes="form-label")
                yield SafeInput(
                    value=", ".join(item.tags), placeholder="comma, separated", id="edit-tags", compact=True
                )
                yield Label("Value", classes="form-label")
                yield SafeInput(value="" if item.value is None else str(item.value), id="edit-value", compact=True)
            if self.presenter:
                yield Static("Private notes are hidden in presenter mode (F5 shows them).", classes="caption")
            else:
                yield Label("Private notes (never shared; Tab leaves the box)")
                yield SafeTextArea(item.private_notes, id="edit-notes", classes="private")
            yield Static(
                "Enter saves and closes · ctrl+s saves · Escape closes · Tab: next field", classes="caption form-hint"
            )

    def on_mount(self) -> None:
        self._fill_criteria()
        self.query_one("#edit-title", SafeInput).focus()
        self.saved = self._held()

    def _held(self) -> tuple[object, ...]:
        """Every value the form holds now."""
        notes = self.query("#edit-notes")
        return (
            *(field.value for field in self.query(SafeInput)),
            *(str(choice.value) for choice in self.query(FormSelect)),
            tuple(self.criteria),
            notes.first(SafeTextArea).text if notes else None,
        )

    def _fill_criteria(self) -> None:
        rows = [Row(str(n), [str(n + 1), c]) for n, c in enumerate(self.criteria)]
        self.query_one("#edit-criteria", RecordTable).set_rows(rows)

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        if event.input.id != "edit-criterion":
            self.action_save(True)
            return
        if self._take_typed_criterion(event.value):
            self.action_save(False)

    def _take_typed_criterion(self, typed: str | None = None) -> bool:
        """The criterion typed (or still in its line), added or replacing the one edited; False when empty.

        The entry line clears itself on Enter, so a submitted criterion arrives as ``typed``.
        """
        field = self.query_one("#edit-criterion", SafeInput)
        text = (field.value if typed is None else typed).strip()
        if not text:
            return False
        if self.editing is not None and self.editing < len(self.criteria):
            self.criteria[self.editing] = text
        else:
            self.criteria.append(text)
        self.editing = None
        field.value = ""
        field.placeholder = "Given … when … then …  (Enter adds it)"
        self._fill_criteria()
        return True

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        event.stop()
        self.editing = int(event.key)
        field = self.query_one("#edit-criterion", SafeInput)
        field.value = self.criteria[self.editing]
        field.placeholder = f"Criterion {self.editing + 1} (Enter replaces it)"
        field.focus()

    def _selected_criterion(self) -> int | None:
        table = self.query_one("#edit-criteria", RecordTable)
        return int(table.selected_key) if table.has_focus and table.selected_key is not None else None

    def action_remove_criterion(self) -> None:
        chosen = self._selected_criterion()
        if chosen is not None:
            del self.criteria[chosen]
            self._fill_criteria()
            self.action_save(False)

    def action_move_criterion(self, step: int) -> None:
        chosen = self._selected_criterion()
        if chosen is None or not 0 <= chosen + step < len(self.criteria):
            return
        self.criteria.insert(chosen + step, self.criteria.pop(chosen))
        self._fill_criteria()
        self.query_one("#edit-criteria", RecordTable).select_key(str(chosen + step))
        self.action_save(False)

    def changes(self) -> ItemChanges:
        """What the form holds, as changes to the item (checked by the service when saved)."""
        value_text = self.query_one("#edit-value", SafeInput).value.strip()
        try:
            value = int(value_text) if value_text else None
        except ValueError:
            raise ValidationError(f"Value {value_text!r} is not a whole number.") from None
        notes = self.query("#edit-notes")
        line = {name: self.query_one(f"#edit-{name}", SafeInput).value for name, _ in LINES}
        return ItemChanges(
            title=line["title"],
            as_a=line["as_a"],
            i_want=line["i_want"],
            so_that=line["so_that"],
            kind=str(self.query_one("#edit-kind", FormSelect).value),
            objective=str(self.query_one("#edit-objective", FormSelect).value),
            clear_criteria=True,
            add_criteria=list(self.criteria),
            set_tags=[t.strip() for t in self.query_one("#edit-tags", SafeInput).value.split(",") if t.strip()],
            value=value,
            private_notes=notes.first(SafeTextArea).text if notes else None,
        )

    def action_save(self, close: bool) -> None:
        if self.answered:
            return
        if not self.query_one("#edit-title", SafeInput).value.strip():
            self.notify("Type a title first (or Escape to close).", severity="warning", markup=False)
            return
        self._take_typed_criterion()  # saved from another field, a criterion typed is not lost
        try:
            changes = self.changes()
        except ValidationError as error:
            self.notify(str(error), severity="warning", markup=False)
            return
        self.save(changes, close)
        self.saved = self._held()
        if close:
            self.answer(True)

    def action_close(self) -> None:
        if self._held() == self.saved:
            self.answer(None)
            return

        def answered(yes: object) -> None:
            if yes:
                self.answer(None)

        self.app.push_screen(
            Confirm(Content("Close without saving what you typed?"), "Enter in a field saves it."), answered
        )
