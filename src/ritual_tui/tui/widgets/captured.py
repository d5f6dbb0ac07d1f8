"""What the daily has captured so far, newest last; private notes vanish in presenter mode."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ritual_tui.domain.daily_records import Blocker, Note, Topic
from ritual_tui.domain.decision import Decision
from ritual_tui.domain.escalation import Escalation
from ritual_tui.domain.fields import Record
from ritual_tui.tui.text import join, literal

LABELS = {Blocker: "blocker", Topic: "topic", Decision: "decision", Escalation: "escalation", Note: "note"}


def headline(record: Record) -> str:
    """The line of text a record was captured with."""
    return str(getattr(record, "title", None) or getattr(record, "text", ""))


def is_private(record: Record) -> bool:
    """True for what must never show on a shared screen."""
    return isinstance(record, Note) and record.private


class CapturedList(OptionList, can_focus=False):
    """The captures of this session, one line each."""

    DEFAULT_CSS = "CapturedList { border: none; height: 1fr; padding: 0; background: transparent; }"

    def show(self, records: Sequence[Record], presenter: bool) -> None:
        """Redraw; in presenter mode private notes are left out and counted."""
        self.clear_options()
        hidden = 0
        for record in records:
            if presenter and is_private(record):
                hidden += 1
                continue
            label = LABELS.get(type(record), "record")
            if is_private(record):
                label = "private note"
            self.add_option(Option(join((f"{record.id} {label}: ", "bold"), literal(headline(record)))))
        if hidden:
            self.add_option(Option(f"({hidden} private note{'s' if hidden > 1 else ''} hidden)", disabled=True))
        if not records:
            self.add_option(
                Option("Nothing yet: b blocker · p topic · d decision · e escalation · o note", disabled=True)
            )
        self.scroll_end(animate=False)
