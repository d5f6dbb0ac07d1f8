"""The one table of the app: records in rows, a cursor that stays on its record.

Every cell is made literal here (``tui.text.cell``), so no caller can let a title act as markup. Rows
are drawn only where they are visible, so 5,000 backlog items filter and scroll at once (a DataTable
builds every row it holds: about 100 ms for 5,000). The cursor follows its record's key when the rows
are refilled, so the next key press acts on the record the PO was looking at.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ritual_tui.tui.text import cell

#: A cell: text (user text or our own, both shown literally), a number, or text with a Rich style.
CellValue = str | int | float | None | tuple[object, str]


@dataclass(frozen=True)
class Row:
    """One record's row: its key (the record id) and its cells."""

    key: str
    cells: Sequence[CellValue]


def overlay(strip: Strip, style: Style) -> Strip:
    """``style`` laid over a strip (a cursor, a header): unlike ``Strip.apply_style``, which puts a
    style under the segments' own, so that their background would hide the cursor's."""
    return Strip(list(Segment.apply_style(list(strip), post_style=style)), strip.cell_length)


def _cell(value: CellValue) -> Text:
    if isinstance(value, tuple):
        return cell(value[0], value[1])
    return cell("" if value is None else value)


class RecordTable(ScrollView, can_focus=True):
    """Rows of records in columns: every column as wide as its content (up to a cap) but the last,
    which takes what is left and ends long text with "…"."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"record-table--header", "record-table--cursor", "record-table--empty"}
    DEFAULT_CSS = """
    RecordTable { height: 1fr; background: transparent; overflow-x: hidden; scrollbar-size-vertical: 1; }
    RecordTable > .record-table--header { text-style: bold; color: $text-muted; }
    RecordTable > .record-table--cursor { background: $accent 40%; text-style: bold; }
    RecordTable > .record-table--empty { color: $text-muted; text-style: italic; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,g", "move(-1000000000)", "First", show=False),
        Binding("end,G", "move(1000000000)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    #: No column but the last is wider than this.
    MAX_COLUMN = 32

    class Selected(Message):
        """Enter (or a double click) on a row."""

        def __init__(self, table: RecordTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

    class Moved(Message):
        """The cursor moved to another record."""

        def __init__(self, table: RecordTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

    def __init__(self, *columns: str, empty: str = "Nothing here.", id: str | None = None) -> None:
        super().__init__(id=id)
        self.titles = list(columns)
        self.empty = empty
        self.rows: list[Row] = []
        self._cells: list[list[Text]] = []
        self._index: dict[str, int] = {}
        self.widths: list[int] = []
        #: Positions (in ``rows``) of the rows shown, in order: all of them unless filtered.
        self.shown: list[int] = []
        self.cursor = 0
        self._drawn: dict[int, list[Segment]] = {}
        self._drawn_width = 0

    # -- content ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], shown: Sequence[int] | None = None) -> None:
        """Replace the rows; the cursor stays on the record it was on (or the row where it was)."""
        kept = self.selected_key
        self.rows = list(rows)
        self._cells = [[_cell(value) for value in row.cells] for row in self.rows]
        self._index = {row.key: n for n, row in enumerate(self.rows)}
        self.widths = [
            min(self.MAX_COLUMN, max([len(title)] + [cells[n].cell_len for cells in self._cells]))
            for n, title in enumerate(self.titles)
        ]
        self._drawn = {}
        self._show(shown, kept)

    def show(self, shown: Sequence[int] | None = None) -> None:
        """Show only these rows (positions in the full list), or all; the cursor stays on its record
        while that record is shown."""
        self._show(shown, self.selected_key)

    def _show(self, shown: Sequence[int] | None, keep: str | None) -> None:
        self.shown = list(range(len(self.rows))) if shown is None else list(shown)
        position = self._position_of(keep)
        self.cursor = position if position is not None else min(self.cursor, max(0, len(self.shown) - 1))
        self.virtual_size = Size(self.size.width, len(self.shown) + 1)
        self._scroll_to_cursor()
        self.refresh(layout=True)

    def _position_of(self, key: str | None) -> int | None:
        row = self._index.get(key) if key is not None else None
        if row is None:
            return None
        try:
            return self.shown.index(row)
        except ValueError:
            return None

    @property
    def selected_key(self) -> str | None:
        """The key (record id) of the row under the cursor, or None when no row is shown."""
        if not self.shown or self.cursor >= len(self.shown):
            return None
        return self.rows[self.shown[self.cursor]].key

    @property
    def selected_index(self) -> int | None:
        """Position in the full list of the row under the cursor."""
        return self.shown[self.cursor] if self.shown and self.cursor < len(self.shown) else None

    def select_key(self, key: str) -> bool:
        """Put the cursor on a record's row; False when that record is not shown."""
        position = self._position_of(key)
        if position is None:
            return False
        self._move_to(position)
        return True

    def shown_keys(self) -> list[str]:
        """The keys of the rows shown, in order."""
        return [self.rows[n].key for n in self.shown]

    def cell_style(self, key: str, column: int) -> str:
        """The style a cell is drawn with ("" for none), for checks of what stands out."""
        return str(self._cells[self._index[key]][column].style or "")

    def row_text(self, key: str) -> str:
        """A row as plain text (cells joined by spaces), for messages and tests."""
        return " ".join(c.plain for c in self._cells[self._index[key]])

    # -- drawing ---------------------------------------------------------------------------------

    def _column_widths(self, width: int) -> list[int]:
        fixed = self.widths[:-1]
        last = max(8, width - sum(w + 2 for w in fixed) - 2)
        return [*fixed, last]

    def _line(self, cells: Sequence[Text], width: int) -> list[Segment]:
        segments: list[Segment] = []
        console = self.app.console
        for text, column in zip(cells, self._column_widths(width), strict=False):
            piece = text.copy()
            piece.truncate(column, overflow="ellipsis", pad=True)
            segments.append(Segment(" "))
            segments += list(piece.render(console))
            segments.append(Segment(" "))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self._drawn_width:
            self._drawn, self._drawn_width = {}, width
        if y == 0:
            header = [Text(title) for title in self.titles]
            style = self.get_component_rich_style("record-table--header")
            return overlay(self._strip(self._line(header, width), width), style)
        position = self.scroll_offset.y + y - 1
        if not self.shown:
            if y == 1:
                style = self.get_component_rich_style("record-table--empty")
                return overlay(self._strip([Segment(" " + self.empty)], width), style)
            return Strip.blank(width, self.rich_style)
        if position >= len(self.shown):
            return Strip.blank(width, self.rich_style)
        row = self.shown[position]
        drawn = self._drawn.get(row)
        if drawn is None:
            drawn = self._drawn[row] = self._line(self._cells[row], width)
        strip = self._strip(drawn, width)
        if position == self.cursor and self.has_focus:
            strip = overlay(strip, self.get_component_rich_style("record-table--cursor"))
        elif position == self.cursor:
            strip = overlay(strip, Style(underline=True))
        return strip

    def _strip(self, segments: list[Segment], width: int) -> Strip:
        # Cells without a background of their own take the widget's, not the terminal's default.
        return Strip(segments).apply_style(self.rich_style).crop_extend(0, width, self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.shown) + 1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- moving ----------------------------------------------------------------------------------

    def _move_to(self, cursor: int) -> None:
        before = self.selected_key
        self.cursor = max(0, min(len(self.shown) - 1, cursor))
        self._scroll_to_cursor()
        self.refresh()
        if self.selected_key != before:
            self.post_message(self.Moved(self, self.selected_key))

    def _scroll_to_cursor(self) -> None:
        top, rows = self.scroll_offset.y, max(1, self.size.height - 1)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(1, self.size.height - 2))

    def action_select(self) -> None:
        key = self.selected_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        position = self.scroll_offset.y + event.y - 1
        if event.y >= 1 and position < len(self.shown):
            self.focus()
            self._move_to(position)
            if event.chain >= 2:
                self.action_select()
