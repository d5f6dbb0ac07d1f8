"""One line of text, captured in any ritual on one key: Enter saves from any field, Escape cancels.

What the form asks besides the text comes from the capture kind (``services.capture``): the item it
concerns, a decision's level, an escalation's ask, category and severity. Everything has a default,
so Enter after the line of text is always enough. A private note is masked while it is typed in
presenter mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Select, Static

from ritual_tui.domain.decision import DECISION_LEVELS
from ritual_tui.services.capture import BY_NAME, Capture
from ritual_tui.tui.text import literal
from ritual_tui.tui.widgets.inputs import SafeInput

#: A choice: what is shown (user text made literal) and the value kept.
Option = tuple[Content, str]
LEVELS: list[Option] = [
    (Content(f"{level}: the {'PO' if level == 'operational' else 'PM'} decides"), level) for level in DECISION_LEVELS
]
HINT = "Enter saves · Escape cancels · Tab: next field"


class FormSelect(Select[str], inherit_bindings=False):
    """A drop-down of a form: Space or the arrows open it; Enter is left to the form, which saves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,space,up", "show_overlay", "Show the choices", show=False),
    ]


@dataclass
class CaptureForm:
    """How to ask: the kind, who it is attributed to, text to start from, and the choices offered."""

    kind: str
    by: str = ""
    text: str = ""
    ask: str = ""
    #: The items the capture may concern, and the one chosen at first ("" for none).
    items: Sequence[Option] = ()
    item: str = ""
    categories: Sequence[str] = ()
    category: str = ""
    severities: Sequence[str] = ()
    severity: str = ""
    level: str = "operational"
    #: Mask the text as it is typed (a private note in presenter mode).
    masked: bool = False
    #: Where the escalation comes from (an escalated blocker), kept with the result.
    blocker: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def options(values: Sequence[str]) -> list[Option]:
    """Values from the settings as choices, shown literally."""
    return [(literal(value), value) for value in values]


class CaptureScreen(ModalScreen[Capture | None]):
    """A small form over the ritual: the line of text first, then what the kind asks for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving"),
        # Enter saves from every field: a text field submits (in turn with the keys typed before it,
        # which a priority binding would overtake), a drop-down leaves Enter to this binding.
        Binding("enter", "save", "Save", tooltip="Save and close"),
    ]

    def __init__(self, form: CaptureForm) -> None:
        super().__init__()
        self.form = form
        self.asks = BY_NAME[form.kind].asks
        #: Set once the form is answered: a second Enter before it closes does nothing.
        self.answered = False

    def compose(self) -> ComposeResult:
        form = self.form
        title = BY_NAME[form.kind].title
        if form.masked:  # the room sees a note being taken, not that it is private or what it says
            title = "Note (masked on the shared screen)"
        with Vertical(id="capture-box", classes="form"):
            by = Content.assemble(title, " · ", literal(form.by, "italic")) if form.by else Content(title)
            yield Label(by, id="capture-title")
            yield SafeInput(value=form.text, password=form.masked, id="capture-text")
            if "ask" in self.asks:
                yield SafeInput(value=form.ask, placeholder="The ask: what must the PM decide?", id="capture-ask")
            with Horizontal(classes="form-row"):
                if "level" in self.asks:
                    yield from self._choice("level", "Level", LEVELS, form.level)
                if "category" in self.asks:
                    yield from self._choice("category", "Category", options(form.categories), form.category)
                if "severity" in self.asks:
                    yield from self._choice("severity", "Severity", options(form.severities), form.severity)
            if "item" in self.asks and form.items:
                with Horizontal(classes="form-row"):
                    items = [(Content("(no item)"), ""), *form.items]
                    yield from self._choice("item", "Item", items, form.item)
            yield Static(HINT, classes="caption form-hint")

    @staticmethod
    def _choice(name: str, label: str, choices: Sequence[Option], value: str) -> ComposeResult:
        yield Label(label, classes="form-label")
        known = [v for _, v in choices]
        yield FormSelect(choices, value=value if value in known else known[0], allow_blank=False, id=f"choice-{name}")

    def on_mount(self) -> None:
        self.query_one("#capture-text", SafeInput).focus()

    def on_input_submitted(self, event: SafeInput.Submitted) -> None:
        event.stop()
        self.action_save()

    def _value(self, name: str, default: str = "") -> str:
        found = self.query(f"#choice-{name}")
        return str(found.first(Select).value) if found else default

    def action_save(self) -> None:
        if self.answered:
            return
        text = self.query_one("#capture-text", SafeInput).value
        if not text.strip():
            self.notify("Type a line of text first (or Escape to cancel).", severity="warning", markup=False)
            self.query_one("#capture-text", SafeInput).focus()
            return
        asks = self.query("#capture-ask")
        self.answered = True
        self.dismiss(
            Capture(
                self.form.kind,
                text,
                item=self._value("item"),
                level=self._value("level", "operational"),
                category=self._value("category"),
                severity=self._value("severity"),
                ask=asks.first(SafeInput).value if asks else "",
                blocker=self.form.blocker,
            )
        )

    def action_cancel(self) -> None:
        if not self.answered:
            self.answered = True
            self.dismiss(None)

    def mask(self, masked: bool) -> None:
        """Presenter mode switched while typing: mask or unmask a private text."""
        if BY_NAME[self.form.kind].private:
            self.query_one("#capture-text", SafeInput).password = masked
