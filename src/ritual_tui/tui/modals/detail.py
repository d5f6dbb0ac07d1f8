"""A record shown whole, read-only: its labelled lines (the same as ``ritual … show``), private
lines left out in presenter mode."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.services.describe import describe, title_of
from ritual_tui.tui.text import join, literal


class DetailScreen(ModalScreen[None]):
    """Shows one record; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss(None)", "Close", tooltip="Close the detail"),
    ]

    def __init__(self, record: Record, today: date, presenter: bool) -> None:
        super().__init__()
        self.heading = title_of(record)
        self.lines = [line for line in describe(record, today) if not (presenter and line.private)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-box"):
            yield Static(literal(self.heading, "bold"), id="detail-title")
            for line in self.lines:
                tag = " (private)" if line.private else ""
                if isinstance(line.value, list):
                    yield Static(Content.styled(f"{line.label}{tag}:", "bold"))
                    for entry in line.value:
                        yield Static(join("  - ", literal(entry)))
                    continue
                text = literal(line.value, keep_newlines=True)
                yield Static(join((f"{line.label}{tag}: ", "bold"), text), classes="private" if line.private else "")
