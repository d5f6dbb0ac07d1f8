"""What a ritual has captured so far, newest last. In presenter mode private notes are left out, and
nothing says they exist."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ritual_tui.domain.fields import Record
from ritual_tui.services.capture import CAPTURE_KINDS, headline, is_private, label
from ritual_tui.tui.text import join, literal

#: Shown while nothing is captured: the keys that capture.
NOTHING_YET = "Nothing yet: " + " · ".join(f"{k.key} {k.name}" for k in CAPTURE_KINDS)


class CapturedList(OptionList, can_focus=False):
    """The captures of this session, one line each."""

    DEFAULT_CSS = "CapturedList { border: none; height: 1fr; padding: 0; background: transparent; }"

    def show(self, records: Sequence[Record], presenter: bool) -> None:
        """Redraw the list."""
        self.clear_options()
        shown = [r for r in records if not (presenter and is_private(r))]
        for record in shown:
            self.add_option(Option(join((f"{record.id} {label(record)}: ", "bold"), literal(headline(record)))))
        if not shown:
            self.add_option(Option(NOTHING_YET, disabled=True))
        self.scroll_end(animate=False)
