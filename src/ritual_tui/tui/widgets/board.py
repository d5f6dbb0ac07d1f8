"""The sprint board: a list with a status column when narrow, status columns side by side when wide.

The cursor is on an item, not on a place: when the rows are refilled, or the item moves to the next
column, the cursor goes with it, so that pressing ``m`` twice moves the same item twice.
"""

from __future__ import annotations

from collections.abc import Sequence
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

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.tui.text import cell, plain
from ritual_tui.tui.widgets.table import overlay

#: Columns of the board and the statuses each holds ("to do" takes whatever is not started).
COLUMNS = (
    ("To do", ("new", "refining", "ready")),
    ("In progress", ("in-progress",)),
    ("Review", ("review",)),
    ("Done", ("done",)),
)
STATUS_STYLE = {"done": "green", "review": "yellow"}
#: From this width on, the board shows its columns side by side.
COLUMNS_FROM = 90


def column_of(status: str) -> int:
    """The board column an item of this status stands in."""
    return next((n for n, (_, statuses) in enumerate(COLUMNS) if status in statuses), 0)


class SprintBoard(ScrollView, can_focus=True):
    """The items of the sprint; ``selected_key`` is the item under the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"board--header", "board--cursor"}
    DEFAULT_CSS = """
    SprintBoard { height: 1fr; background: transparent; overflow-x: hidden; scrollbar-size-vertical: 1; }
    SprintBoard > .board--header { text-style: bold; color: $text-muted; }
    SprintBoard > .board--cursor { background: $accent 40%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0, -1)", "Up", show=False),
        Binding("down", "move(0, 1)", "Down", show=False),
        Binding("left", "move(-1, 0)", "Left", show=False),
        Binding("right", "move(1, 0)", "Right", show=False),
        Binding("home,g", "move(0, -1000)", "First", show=False),
        Binding("end,G", "move(0, 1000)", "Last", show=False),
    ]

    class Moved(Message):
        """The cursor is on another item."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[BacklogItem] = []
        self.selected_key: str | None = None

    @property
    def in_columns(self) -> bool:
        """True when wide enough to show the columns side by side."""
        return self.size.width >= COLUMNS_FROM

    def _columns(self) -> list[list[BacklogItem]]:
        columns: list[list[BacklogItem]] = [[] for _ in COLUMNS]
        for item in self.items:
            columns[column_of(item.status)].append(item)
        return columns

    def _place(self) -> tuple[int, int]:
        """(column, row) of the selected item; (0, position) in list mode."""
        if self.in_columns:
            for c, column in enumerate(self._columns()):
                for r, item in enumerate(column):
                    if item.id == self.selected_key:
                        return c, r
            return 0, 0
        keys = [item.id for item in self.items]
        return 0, keys.index(self.selected_key) if self.selected_key in keys else 0

    def set_items(self, items: Sequence[BacklogItem]) -> None:
        """Show these items; the cursor stays on its item (else on the first)."""
        self.items = list(items)
        if self.selected_key not in {item.id for item in self.items}:
            self.selected_key = self.items[0].id if self.items else None
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        rows = max((len(c) for c in self._columns()), default=0) if self.in_columns else len(self.items)
        self.virtual_size = Size(self.size.width, rows + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._resize()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, dx: int, dy: int) -> None:
        if not self.items:
            return
        c, r = self._place()
        if self.in_columns:
            columns = self._columns()
            step = c + dx
            while dx and 0 <= step < len(columns) and not columns[step]:
                step += dx  # over empty columns
            if dx and 0 <= step < len(columns):
                c = step
            column = columns[c]
            self.selected_key = column[max(0, min(len(column) - 1, r + dy))].id
        else:
            self.selected_key = self.items[max(0, min(len(self.items) - 1, r + dy))].id
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved())

    def _scroll_to_cursor(self) -> None:
        _, r = self._place()
        top, rows = self.scroll_offset.y, max(1, self.size.height - 1)
        if r < top:
            self.scroll_to(y=r, animate=False, immediate=True)
        elif r >= top + rows:
            self.scroll_to(y=r - rows + 1, animate=False, immediate=True)

    def _cell(self, item: BacklogItem | None, width: int, selected: bool) -> list[Segment]:
        text = Text(" ")
        if item is not None:
            text.append_text(cell(item.id, "bold"))
            text.append(" ")
            text.append_text(cell(item.title))
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        if selected:
            style = self.get_component_rich_style("board--cursor") if self.has_focus else Style(underline=True)
            segments = list(Segment.apply_style(segments, post_style=style))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self.in_columns:
            return self._columns_line(y, width)
        return self._list_line(y, width)

    def _columns_line(self, y: int, width: int) -> Strip:
        columns = self._columns()
        each = max(8, width // len(columns))
        if y == 0:
            header = Text("".join(f" {title} ({len(columns[n])})".ljust(each) for n, (title, _) in enumerate(COLUMNS)))
            strip = Strip(list(header.render(self.app.console))).apply_style(self.rich_style)
            return overlay(strip.crop_extend(0, width, self.rich_style), self.get_component_rich_style("board--header"))
        row = self.scroll_offset.y + y - 1
        segments: list[Segment] = []
        for column in columns:
            item = column[row] if row < len(column) else None
            segments += self._cell(item, each, item is not None and item.id == self.selected_key)
        return Strip(segments).apply_style(self.rich_style).crop_extend(0, width, self.rich_style)

    def _list_line(self, y: int, width: int) -> Strip:
        if y == 0:
            header = Text(" ID    Status       Title")
            strip = Strip(list(header.render(self.app.console))).apply_style(self.rich_style)
            return overlay(strip.crop_extend(0, width, self.rich_style), self.get_component_rich_style("board--header"))
        row = self.scroll_offset.y + y - 1
        if row >= len(self.items):
            return Strip.blank(width, self.rich_style)
        item = self.items[row]
        text = Text(" ")
        text.append_text(cell(item.id.ljust(6)))
        text.append_text(cell(item.status.ljust(13), STATUS_STYLE.get(item.status, "")))
        text.append_text(cell(item.title))
        text.truncate(width, overflow="ellipsis", pad=True)
        strip = (
            Strip(list(text.render(self.app.console)))
            .apply_style(self.rich_style)
            .crop_extend(0, width, self.rich_style)
        )
        if item.id == self.selected_key:
            style = self.get_component_rich_style("board--cursor") if self.has_focus else Style(underline=True)
            strip = overlay(strip, style)
        return strip

    def on_click(self, event: events.Click) -> None:
        self.focus()
        row = self.scroll_offset.y + event.y - 1
        if event.y < 1:
            return
        if self.in_columns:
            columns = self._columns()
            column = columns[min(len(columns) - 1, event.x // max(1, self.size.width // len(columns)))]
            if row < len(column):
                self.selected_key = column[row].id
        elif row < len(self.items):
            self.selected_key = self.items[row].id
        self.refresh()
        self.post_message(self.Moved())

    def select_key(self, key: str) -> bool:
        """Put the cursor on an item; False when it is not on the board."""
        if key not in {item.id for item in self.items}:
            return False
        self.selected_key = key
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Moved())
        return True

    def item_text(self) -> str:
        """The board as the plain lines it shows ("B-9 in-progress SMS reminder"), for messages and tests."""
        return "\n".join(plain(f"{i.id} {i.status} {i.title}") for i in self.items)
