"""The recap shown when a daily ends: duration, time per speaker, and what was captured."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.captured import LABELS, headline, is_private
from ritual_tui.tui.widgets.speaker import clock_face


class RecapScreen(ModalScreen[None]):
    """Read-only summary of the daily that just ended."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss(None)", "Close", tooltip="Close the recap and go home"),
    ]

    def __init__(self, session: RitualSession, captured: Sequence[Record], presenter: bool) -> None:
        super().__init__()
        self.session = session
        self.captured = [r for r in captured if not (presenter and is_private(r))]

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(id="recap-box"):
            yield Static(Content.styled("Daily recap", "bold"), id="recap-title")
            duration = session.duration_seconds() or 0
            yield Static(
                f"{session.date} · lasted {clock_face(duration)} · {len(session.attendees)} present"
                + (f", {len(session.absent)} absent" if session.absent else "")
            )
            yield Static(Content.styled("Time per speaker", "bold"), classes="recap-heading")
            for name, seconds in session.speaker_seconds.items():
                yield Static(join("  ", literal(name), f"  {clock_face(seconds)}"))
            for kind in ("blocker", "topic", "decision", "escalation", "note"):
                records = [r for r in self.captured if LABELS.get(type(r)) == kind]
                yield Static(Content.styled(f"{kind.capitalize()}s ({len(records)})", "bold"), classes="recap-heading")
                for record in records:
                    yield Static(join(f"  {record.id} ", literal(headline(record))))
            yield Static("Saved. Enter or Escape closes.", classes="caption")
