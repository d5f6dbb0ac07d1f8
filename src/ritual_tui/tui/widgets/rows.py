"""A list of table rows drawn only where they are visible, so that filtering 5,000 items repaints at
once (DataTable builds every row it holds, which takes about 100 ms for 5,000)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class RowList(ScrollView, can_focus=True):
    """Rows of cells (Rich ``Text``, never parsed as markup) in fixed-width columns, one cursor row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowlist--cursor"}
    DEFAULT_CSS = """
    RowList { height: 1fr; }
    RowList > .rowlist--cursor { background: $accent 50%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "move(-1000000)", "First", show=False),
        Binding("end", "move(1000000)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class Selected(Message):
        """Enter was pressed on a row; ``index`` is its position in the full list of rows."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Sequence[Text]] = []
        self.widths: list[int] = []
        self.shown: list[int] = []
        self.cursor = 0

    def set_rows(self, rows: Sequence[Sequence[Text]], widths: Sequence[int]) -> None:
        """All rows, and each column's width (the last column takes what is left)."""
        self.rows, self.widths = list(rows), list(widths)
        self.show(list(range(len(rows))))

    def show(self, indices: list[int]) -> None:
        """Show only these rows (positions in the full list), in this order."""
        self.shown = indices
        self.cursor = min(self.cursor, max(0, len(indices) - 1))
        self.virtual_size = Size(self.size.width, len(indices))
        self.scroll_to(y=0, animate=False)
        self.refresh()

    @property
    def selected(self) -> int | None:
        """Position in the full list of the row under the cursor."""
        return self.shown[self.cursor] if self.shown else None

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        if index >= len(self.shown):
            return Strip.blank(width)
        line = Text(no_wrap=True, overflow="ellipsis")
        cells = self.rows[self.shown[index]]
        for n, cell in enumerate(cells):
            last = n == len(cells) - 1
            room = max(1, width - sum(self.widths[:n]) - 2 * n - 1) if last else self.widths[n]
            piece = cell.copy()
            piece.truncate(room, overflow="ellipsis", pad=not last)
            line.append(" ")
            line.append_text(piece)
            line.append(" ")
        segments = list(line.render(self.app.console))
        strip = Strip(segments).crop_extend(0, width, self.rich_style)
        if index == self.cursor and self.has_focus:
            strip = strip.apply_style(self.get_component_rich_style("rowlist--cursor"))
        elif index == self.cursor:
            strip = strip.apply_style(Style(underline=True))
        return strip

    def _move_to(self, cursor: int) -> None:
        self.cursor = max(0, min(len(self.shown) - 1, cursor))
        self.scroll_to_region_of_cursor()
        self.refresh()

    def scroll_to_region_of_cursor(self) -> None:
        top, height = self.scroll_offset.y, self.size.height
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(1, self.size.height - 1))

    def action_select(self) -> None:
        if self.shown:
            self.post_message(self.Selected(self.shown[self.cursor]))
