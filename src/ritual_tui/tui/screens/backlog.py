"""The backlog: every item with status, estimate and objective; type to filter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.rules import format_points
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell
from ritual_tui.tui.widgets.rows import RowList


def haystack(item: BacklogItem) -> str:
    """The text a filter matches: id, title, status, kind, objective and tags."""
    return " ".join([item.id, item.title, item.status, item.kind, item.objective, *item.tags]).casefold()


class BacklogScreen(RitualScreen):
    """All items by rank. The rows are built once; a filter only chooses which to show."""

    AREA = "backlog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="backlog.detail", tooltip="Show the whole item", show=True),
        Binding("slash", "focus_filter", "Filter", id="backlog.filter", tooltip="Type to filter the backlog"),
        Binding("escape", "leave", "Home", id="backlog.home", tooltip="Clear the filter, then back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[BacklogItem] = []
        #: Lower-cased text each item is matched against, built once.
        self.haystacks: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter: words in title, id, status, kind, objective or tag", id="filter")
        yield Static(id="backlog-count", classes="caption")
        yield Static(id="backlog-header", classes="caption")
        yield RowList(id="backlog")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Backlog"
        self.in_background(lambda: sorted(self.ws.all(BacklogItem), key=lambda i: (i.rank, i.id)), self.loaded)

    def loaded(self, items: list[BacklogItem]) -> None:
        self.items = items
        self.haystacks = [haystack(i) for i in items]
        rows = [
            (
                Text(i.id),
                Text(i.kind),
                cell(i.status, "green" if i.status == "done" else ""),
                Text(format_points(i.estimate)),
                cell(i.objective),
                cell(i.title),
            )
            for i in items
        ]
        headers = ("ID", "Kind", "Status", "Pts", "Obj", "Title")
        widths = [max([len(h)] + [r[n].cell_len for r in rows]) for n, h in enumerate(headers)]
        header = Text(no_wrap=True)
        for n, title in enumerate(headers):
            header.append(" " + (title.ljust(widths[n]) if n < len(headers) - 1 else title) + " ", "bold")
        self.query_one("#backlog-header", Static).update(header)
        self.query_one(RowList).set_rows(rows, widths)
        self.apply_filter(self.query_one("#filter", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(RowList).focus()

    def apply_filter(self, text: str) -> None:
        """Show the items matching every word typed."""
        words = text.casefold().split()
        if words:
            shown = [n for n, hay in enumerate(self.haystacks) if all(w in hay for w in words)]
        else:
            shown = list(range(len(self.items)))
        self.query_one(RowList).show(shown)
        self.query_one("#backlog-count", Static).update(f"{len(shown)} of {len(self.items)} items")

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave(self) -> None:
        box = self.query_one("#filter", Input)
        if box.value:
            box.value = ""
            return
        self.dismiss()

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        index = self.query_one(RowList).selected
        if index is None:
            return
        item = self.items[index]
        self.app.push_screen(
            DetailScreen(
                f"{item.id} {item.title}",
                [
                    ("Kind", item.kind, False),
                    ("Status", item.status, False),
                    ("Estimate", format_points(item.estimate), False),
                    ("Value", item.value, False),
                    ("Objective", item.objective, False),
                    ("Story", item.story_line(), False),
                    ("Acceptance criteria", item.acceptance, False),
                    ("Tags", ", ".join(item.tags), False),
                    ("Parent", item.parent, False),
                    ("External reference", item.external_ref, False),
                    ("Private notes", item.private_notes, True),
                ],
                self.presenter,
            )
        )
