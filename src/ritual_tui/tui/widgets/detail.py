"""A record's labelled lines as one block of text: in the detail view, and beside lists on wide
screens. Private lines are left out in presenter mode."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.fields import Record
from ritual_tui.services.describe import describe, title_of
from ritual_tui.tui.text import join, literal


def detail_content(record: Record, today: date, presenter: bool) -> Content:
    """The record's title, then each line "Label: value" (lists one entry per line)."""
    parts: list[Content] = [literal(title_of(record), "bold")]
    for line in describe(record, today):
        if presenter and line.private:
            continue
        label = f"{line.label}{' (private)' if line.private else ''}:"
        if isinstance(line.value, list):
            parts.append(Content.styled(label, "bold"))
            parts += [join("  - ", literal(entry)) for entry in line.value]
        else:
            parts.append(join((f"{label} ", "bold"), literal(line.value, keep_newlines=True)))
    return Content("\n").join(parts)


class DetailPane(Static):
    """The selected record, shown beside its list when the screen is wide enough."""

    DEFAULT_CSS = "DetailPane { height: auto; padding: 0 1; }"

    def show(self, record: Record | None, today: date, presenter: bool) -> None:
        """Show a record, or nothing."""
        self.update(detail_content(record, today, presenter) if record is not None else "")
