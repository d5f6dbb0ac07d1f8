"""Someone from outside the team joins the review: a name and a role. Enter saves; Escape cancels."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static

from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.widgets.inputs import SafeInput


class StakeholderScreen(Once):
    """Name and role; dismissed with (name, role) or None."""

    DEFAULT_CSS = "StakeholderScreen { align: center middle; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="capture-box", classes="form"):
            yield Label("A stakeholder in the room", id="capture-title")
            yield SafeInput(placeholder="Name", id="stakeholder-name")
            yield SafeInput(
                placeholder="Role (optional): clinic partner, data protection officer…", id="stakeholder-role"
            )
            yield Static("Enter saves · Escape cancels · Tab: next field", classes="caption form-hint")

    def on_mount(self) -> None:
        self.query_one("#stakeholder-name", SafeInput).focus()

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        name = self.query_one("#stakeholder-name", SafeInput).value
        if not name.strip():
            self.notify("Type the name first (or Escape to cancel).", severity="warning", markup=False)
            self.query_one("#stakeholder-name", SafeInput).focus()
            return
        self.answer((name, self.query_one("#stakeholder-role", SafeInput).value))

    def action_cancel(self) -> None:
        self.answer(None)
