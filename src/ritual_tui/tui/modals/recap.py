"""The recap shown when a ritual ends: how long it ran, who was there, its own figures, and what was
captured, kind by kind. Private notes are left out in presenter mode, and not counted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.services.capture import CAPTURE_KINDS, headline, is_private, kind_of
from ritual_tui.tui.modals.prompt import Once
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.speaker import clock_face

#: A section of the recap: its heading and its lines (our own wording, or user text as Content).
Section = tuple[str, Sequence[Content | str]]


class RecapScreen(Once):
    """Read-only summary of the ritual that just ended."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", tooltip="Close the recap and go home", priority=True),
    ]

    def __init__(
        self,
        title: str,
        session: RitualSession,
        captured: Sequence[Record],
        presenter: bool,
        sections: Sequence[Section] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.session = session
        self.captured = [r for r in captured if not (presenter and is_private(r))]
        self.sections = sections

    def compose(self) -> ComposeResult:
        session = self.session
        with VerticalScroll(id="recap-box"):
            yield Static(Content.styled(f"{self.title_text} recap", "bold"), id="recap-title")
            duration = session.duration_seconds() or 0
            yield Static(
                f"{session.date} · lasted {clock_face(duration)} · {len(session.attendees)} present"
                + (f", {len(session.absent)} absent" if session.absent else "")
            )
            for heading, lines in self.sections:
                yield Static(Content.styled(heading, "bold"), classes="recap-heading")
                for line in lines:
                    yield Static(join("  ", line))
            for kind in CAPTURE_KINDS:
                records = [r for r in self.captured if kind_of(r) is kind]
                yield Static(Content.styled(f"{kind.heading} ({len(records)})", "bold"), classes="recap-heading")
                for record in records:
                    yield Static(join(f"  {record.id} ", literal(headline(record))))
            yield Static("Saved. Enter or Escape closes.", classes="caption")

    def action_close(self) -> None:
        self.answer(None)
