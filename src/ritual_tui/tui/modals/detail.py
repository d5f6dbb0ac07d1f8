"""A record shown whole, read-only: label and value lines, private fields hidden in presenter mode."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ritual_tui.tui.text import join, literal

#: (label, value, private): a value is user text unless it is our own wording.
Field = tuple[str, object, bool]


class DetailScreen(ModalScreen[None]):
    """Shows one record; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss(None)", "Close", tooltip="Close the detail"),
    ]

    def __init__(self, title: str, fields: Sequence[Field], presenter: bool) -> None:
        super().__init__()
        self.heading = title
        self.fields = [f for f in fields if not (presenter and f[2]) and f[1] not in (None, "", [])]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-box"):
            yield Static(literal(self.heading, "bold"), id="detail-title")
            for label, value, private in self.fields:
                if isinstance(value, list):
                    yield Static(Content.styled(f"{label}:", "bold"))
                    for entry in value:
                        yield Static(join("  - ", literal(entry)))
                    continue
                text = literal(value, keep_newlines=True)
                tag = " (private)" if private else ""
                yield Static(join((f"{label}{tag}: ", "bold"), text), classes="private" if private else "")
