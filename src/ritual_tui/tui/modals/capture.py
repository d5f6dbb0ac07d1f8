"""One line of text, captured in a ritual on one key: Enter saves, Escape cancels.

A blocker may name an item; a decision has a level; an escalation has a category, a severity and the
ask for the PM. Everything has a sensible default, so Enter after the line of text is always enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select

from ritual_tui.tui.text import literal

#: What each capture key asks for.
CAPTURE_TITLES = {
    "blocker": "Blocker",
    "topic": "Parking-lot topic",
    "decision": "Decision",
    "escalation": "Escalation for the PM",
    "note": "Private note",
    "answer": "The PM's answer",
    "resolution": "Resolution",
    "supersede": "Supersede a decision",
}


@dataclass
class Capture:
    """What the user typed, with the choices the form offered."""

    kind: str
    text: str
    choices: dict[str, str] = field(default_factory=dict)
    ask: str = ""


@dataclass
class CaptureForm:
    """How to ask: the kind, who it is attributed to, the choices, and text to start from."""

    kind: str
    speaker: str = ""
    text: str = ""
    ask: str = ""
    #: name → (label, [(shown, value)], default value)
    choices: dict[str, tuple[str, Sequence[tuple[Content | str, str]], str]] = field(default_factory=dict)


class CaptureScreen(ModalScreen[Capture | None]):
    """A small form over the ritual: the line of text first, then the choices."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
    ]

    def __init__(self, form: CaptureForm) -> None:
        super().__init__()
        self.form = form

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical(id="capture-box"):
            title = CAPTURE_TITLES.get(form.kind, form.kind)
            by = Content.assemble(title, " · ", literal(form.speaker, "italic")) if form.speaker else Content(title)
            yield Label(by, id="capture-title")
            yield Input(value=form.text, placeholder="Type one line, Enter saves, Escape cancels", id="capture-text")
            if form.kind == "escalation":
                yield Input(value=form.ask, placeholder="The ask: what must the PM decide?", id="capture-ask")
            for name, (label, options, default) in form.choices.items():
                yield Label(label, classes="capture-label")
                yield Select(options, value=default, allow_blank=False, id=f"choice-{name}")

    def on_mount(self) -> None:
        self.query_one("#capture-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = self.query_one("#capture-text", Input).value
        if not text.strip():
            self.notify("Type a line of text first (or Escape to cancel).", severity="warning", markup=False)
            self.query_one("#capture-text", Input).focus()
            return
        choices = {name: str(self.query_one(f"#choice-{name}", Select).value) for name in self.form.choices}
        ask = self.query_one("#capture-ask", Input).value if self.form.kind == "escalation" else ""
        self.dismiss(Capture(self.form.kind, text, choices, ask))

    def action_cancel(self) -> None:
        self.dismiss(None)
