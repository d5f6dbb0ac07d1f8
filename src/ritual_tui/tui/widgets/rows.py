"""A list of table rows drawn only where they are visible, so that filtering 5,000 items repaints at
once (DataTable builds every row it holds, which takes about 100 ms for 5,000)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
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
        self._drawn: dict[int, list[Segment]] = {}

    def set_rows(self, rows: Sequence[Sequence[Text]], widths: Sequence[int]) -> None:
        """All rows, and each column's width (the last column takes what is left)."""
        self.rows, self.widths = list(rows), list(widths)
        self._drawn = {}
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

    def _segments(self, row: int) -> list[Segment]:
        """A row drawn once at full length (cells padded to their column), reused at every repaint."""
        cached = self._drawn.get(row)
        if cached is None:
            console = self.app.console
            cached = []
            cells = self.rows[row]
            for n, cell in enumerate(cells):
                piece = cell.copy()
                if n < len(cells) - 1:
                    piece.truncate(self.widths[n], overflow="ellipsis", pad=True)
                cached.append(Segment(" "))
                cached += list(piece.render(console))
                cached.append(Segment(" "))
            self._drawn[row] = cached
        return cached

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = self.scroll_offset.y + y
        if index >= len(self.shown):
            return Strip.blank(width)
        strip = Strip(self._segments(self.shown[index])).crop_extend(0, width, self.rich_style)
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
