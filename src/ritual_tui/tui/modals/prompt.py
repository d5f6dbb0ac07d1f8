"""Small questions over a screen: a line of text about a record, or a yes/no before what cannot be
undone. Each names the record it is about, and answers once however fast its keys are pressed."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from ritual_tui.tui.widgets.inputs import SafeInput


class Once(ModalScreen[object]):
    """A modal that is dismissed once: a key pressed twice before it closes does nothing more."""

    def __init__(self) -> None:
        super().__init__()
        self.answered = False

    def answer(self, result: object) -> None:
        """Close with ``result`` (the first answer only)."""
        if not self.answered:
            self.answered = True
            self.dismiss(result)


class TextPrompt(Once):
    """Ask for one line of text about a record; ``required`` refuses an empty answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def __init__(
        self, title: Content, asks_for: str, required: bool, text: str = "", detail: Content | str = ""
    ) -> None:
        super().__init__()
        self.heading, self.asks_for, self.required, self.text = title, asks_for, required, text
        #: Lines under the title that say what the answer is about (wrapped to the box).
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="form"):
            yield Label(self.heading, id="prompt-title")
            if self.detail:
                yield Static(self.detail)
            yield Label(f"{self.asks_for[:1].upper()}{self.asks_for[1:]}{'' if self.required else ' (optional)'}:")
            yield SafeInput(value=self.text, id="prompt-text")
            yield Static("Enter saves · Escape cancels", classes="caption form-hint")

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        # Enter through the field itself: in turn with the keys typed before it.
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one(SafeInput).value
        if self.required and not text.strip():
            self.notify(f"Type {self.asks_for} first (or Escape to cancel).", severity="warning", markup=False)
            return
        self.answer(text)

    def action_cancel(self) -> None:
        self.answer(None)


class Confirm(Once):
    """Yes or no before an action that cannot be undone; Enter or y confirms, Escape or n declines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "yes", "Yes", tooltip="Go ahead", priority=True),
        Binding("n,escape", "no", "No", tooltip="Leave it as it is", priority=True),
    ]

    def __init__(self, question: Content, detail: Content | str = "") -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="form"):
            yield Label(self.question, id="confirm-title")
            if self.detail:
                yield Static(self.detail)
            yield Static("Enter or y: yes · Escape or n: no", classes="caption form-hint")

    def action_yes(self) -> None:
        self.answer(True)

    def action_no(self) -> None:
        self.answer(False)
