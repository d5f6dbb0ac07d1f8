"""A DataTable whose last column takes the width that is left, so long titles end in "…"."""

from __future__ import annotations

from typing import Any

from textual.events import Idle, Resize
from textual.widgets import DataTable


class FitTable(DataTable[Any]):
    """Lists of records: every column sized to its content except the last, which fills the rest.

    Without this a long title pushes the table wider than its panel and the end of every row is lost
    behind a horizontal scrollbar; here the title is cut with an ellipsis instead.
    """

    DEFAULT_CSS = "FitTable { overflow-x: hidden; }"

    @property
    def selected_key(self) -> str | None:
        """The key of the row under the cursor (the record's id), or None when there is none."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value or None

    def on_resize(self, event: Resize) -> None:
        self.fit()

    async def _on_idle(self, event: Idle) -> None:
        # DataTable measures new rows when idle; the last column is fitted once they are measured.
        measured = self._require_update_dimensions
        await super()._on_idle(event)
        if measured:
            # Lines drawn before the measurement are cached under the same update count; drop them
            # so that no row is ever shown at header-only widths.
            self._clear_caches()
            self.refresh()
        self.fit()

    def fit(self) -> None:
        """Give the last column the width left by the others."""
        columns = list(self.columns.values())
        if not columns:
            return
        last = columns[-1]
        used = sum(column.get_render_width(self) for column in columns[:-1])
        gutter = self.scrollbar_size_vertical + 2 * self.cell_padding
        width = max(8, self.size.width - used - gutter)
        if last.auto_width or last.width != width:
            last.auto_width = False
            last.width = width
            self._require_update_dimensions = True  # DataTable re-measures on its next refresh
            self._clear_caches()
            self.refresh()
