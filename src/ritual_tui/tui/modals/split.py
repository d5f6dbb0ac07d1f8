"""Splitting an item: a pattern to think with, the new items' titles, and what becomes of the
criteria and of the item split."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Select, Static

from ritual_tui.domain.splitting import SPLIT_PATTERNS, pattern_named
from ritual_tui.services.splitting import SplitPlan
from ritual_tui.tui.modals.capture import FormSelect
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.inputs import SafeInput
from ritual_tui.tui.widgets.table import RecordTable, Row
from ritual_tui.tui.widgets.textbox import EntryLine

CRITERIA = [
    (Content("copy the criteria to each"), "copy"),
    (Content("move them to the first"), "move"),
    (Content("leave them"), "leave"),
]
PARENT = [(Content("keep it as their epic"), "keep"), (Content("drop it"), "drop")]


class SplitForm(Once):
    """Dismissed with a :class:`SplitPlan`, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without splitting"),
        Binding("ctrl+s", "split", "Split", tooltip="Split into the items listed"),
        Binding("delete", "remove", "Remove", show=False),
    ]

    def __init__(self, title: Content) -> None:
        super().__init__()
        self.heading = title
        self.titles: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="split-box", classes="form"):
            yield Label(self.heading, id="split-title")
            with Horizontal(classes="form-row"):
                yield Label("Pattern", classes="form-label")
                choices = [(Content(p.name), p.name) for p in SPLIT_PATTERNS]
                yield FormSelect(
                    choices, value=SPLIT_PATTERNS[0].name, allow_blank=False, id="split-pattern", compact=True
                )
            yield Static(SPLIT_PATTERNS[0].prompt, id="split-prompt", classes="caption")
            yield RecordTable(
                "#", "New item", empty="Type a title below, Enter adds it (two at least).", id="split-titles"
            )
            yield EntryLine(
                placeholder="Title of a new item (Enter adds it; Enter on an empty line splits)", id="split-new"
            )
            with Horizontal(classes="form-row"):
                yield Label("Criteria", classes="form-label")
                yield FormSelect(CRITERIA, value="copy", allow_blank=False, id="split-criteria", compact=True)
                yield Label("The item", classes="form-label")
                yield FormSelect(PARENT, value="keep", allow_blank=False, id="split-parent", compact=True)
            yield Static(
                "Enter adds a title · ctrl+s or Enter on an empty line splits · Escape cancels",
                classes="caption form-hint",
            )

    def on_mount(self) -> None:
        self.query_one("#split-new", SafeInput).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "split-pattern" and isinstance(event.value, str):
            self.query_one("#split-prompt", Static).update(pattern_named(event.value).prompt)

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.action_split()
            return
        self.titles.append(text)
        self.query_one(RecordTable).set_rows([Row(str(n), [str(n + 1), t]) for n, t in enumerate(self.titles)])

    def action_remove(self) -> None:
        table = self.query_one(RecordTable)
        if table.has_focus and table.selected_key is not None:
            del self.titles[int(table.selected_key)]
            table.set_rows([Row(str(n), [str(n + 1), t]) for n, t in enumerate(self.titles)])

    def action_split(self) -> None:
        if len(self.titles) < 2:
            self.notify("Add two titles at least (Enter after each).", severity="warning", markup=False)
            return

        def value(selector: str) -> str:
            return str(self.query_one(selector, FormSelect).value)

        self.answer(
            SplitPlan(list(self.titles), value("#split-pattern"), value("#split-criteria"), value("#split-parent"))
        )

    def action_cancel(self) -> None:
        self.answer(None)
