"""Feedback heard at the review, on one key: what was said, then (all with defaults) who said it,
which item it is about and what it becomes. Enter saves from any field; Escape cancels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Select, Static

from ritual_tui.domain.settings import Settings
from ritual_tui.services.feedback import NewFeedback
from ritual_tui.tui.modals.capture import HINT, FormSelect, Option
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.inputs import SafeInput


def becomes_options(settings: Settings, objective: str) -> list[Option]:
    """What feedback may become: later, a backlog item for an objective (``objective`` first), an
    escalation, a decision, noted only. An item's choice carries its objective: "item:O-2"."""
    objectives = sorted(settings.objectives, key=lambda o: o.id != objective)
    items = [(join("a backlog item for ", (o.id, "bold"), " ", literal(o.title)), f"item:{o.id}") for o in objectives]
    return [
        (Content("decide later (open feedback)"), ""),
        *items,
        (Content("a backlog item, no objective"), "item:"),
        (Content("an escalation for the PM"), "escalation"),
        (Content("a decision"), "decision"),
        (Content("noted only"), "noted"),
    ]


def parse_becomes(value: str) -> tuple[str, str | None]:
    """A "becomes" choice as (what, objective): "item:O-2" → ("item", "O-2")."""
    what, _, objective = value.partition(":")
    return what, objective if what == "item" else None


@dataclass
class FeedbackForm:
    """The choices offered: who is in the room, the sprint's items, what feedback may become."""

    people: Sequence[Option]
    items: Sequence[Option]
    item: str
    becomes: Sequence[Option]


class FeedbackScreen(Once):
    """A small form over the review; dismissed with a :class:`NewFeedback` or None."""

    DEFAULT_CSS = "FeedbackScreen { align: center middle; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        Binding("enter", "save", "Save", tooltip="Save and close"),
    ]

    def __init__(self, form: FeedbackForm) -> None:
        super().__init__()
        self.form = form

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical(id="capture-box", classes="form"):
            yield Label("Stakeholder feedback", id="capture-title")
            yield SafeInput(placeholder="What was said", id="feedback-text")
            for name, label, choices, value in (
                ("by", "From", [(Content("the room"), ""), *form.people], ""),
                ("item", "About", [(Content("the increment in general"), ""), *form.items], form.item),
                ("becomes", "Becomes", form.becomes, ""),
            ):
                with Horizontal(classes="form-row"):
                    yield Label(label, classes="form-label")
                    known = [v for _, v in choices]
                    yield FormSelect(
                        choices, value=value if value in known else known[0], allow_blank=False, id=f"feedback-{name}"
                    )
            yield Static(HINT, classes="caption form-hint")

    def on_mount(self) -> None:
        self.query_one("#feedback-text", SafeInput).focus()

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()  # Enter through the field: in turn with the keys typed before it
        self.action_save()

    def _value(self, name: str) -> str:
        return str(self.query_one(f"#feedback-{name}", Select).value)

    def action_save(self) -> None:
        text = self.query_one("#feedback-text", SafeInput).value
        if not text.strip():
            self.notify("Type what was said first (or Escape to cancel).", severity="warning", markup=False)
            return
        becomes, objective = parse_becomes(self._value("becomes"))
        self.answer(
            NewFeedback(text, by=self._value("by"), item=self._value("item"), becomes=becomes, objective=objective)
        )

    def action_cancel(self) -> None:
        self.answer(None)
