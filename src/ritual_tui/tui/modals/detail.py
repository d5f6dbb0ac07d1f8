"""A record shown whole, read-only: its labelled lines (the same as ``ritual … show``), private
lines left out in presenter mode."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.tui.widgets.detail import detail_content


class DetailScreen(ModalScreen[None]):
    """Shows one record; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss(None)", "Close", tooltip="Close the detail"),
    ]

    def __init__(self, record: Record, today: date, presenter: bool) -> None:
        super().__init__()
        self.content = detail_content(record, today, presenter)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-box"):
            yield Static(self.content, id="detail")
            yield Static("Escape or Enter closes.", classes="caption")
