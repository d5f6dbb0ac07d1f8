"""The decision log: level and status, the whole record, and superseding one by another."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from ritual_tui.domain.decision import Decision
from ritual_tui.store.decisions import supersede
from ritual_tui.tui.modals.capture import Capture, CaptureForm, CaptureScreen
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell, literal
from ritual_tui.tui.widgets.table import FitTable


class DecisionsScreen(RitualScreen):
    """Every decision, newest first."""

    AREA = "decision"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="decision.detail", tooltip="Show the whole decision"),
        Binding(
            "s", "supersede", "Supersede", id="decision.supersede", tooltip="Supersede the selected decision by another"
        ),
        Binding("escape", "app.pop_screen", "Home", id="decision.home", tooltip="Back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, Decision] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Newest first · enter detail · s supersede", classes="caption")
        yield FitTable(id="decisions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Decision log"
        self.query_one(FitTable).add_columns("ID", "Date", "Level", "Status", "Title")
        self.reload()

    def reload(self) -> None:
        """Read the decisions again."""
        self.in_background(lambda: list(reversed(self.ws.all(Decision))), self.show)

    def show(self, decisions: list[Decision]) -> None:
        table = self.query_one(FitTable)
        table.clear()
        self.rows = {d.id: d for d in decisions}
        for d in decisions:
            style = "bold" if d.level == "strategic" else ""
            status_style = "dim" if d.status in ("superseded", "rejected") else ""
            table.add_row(
                d.id, str(d.date or ""), cell(d.level, style), cell(d.status, status_style), cell(d.title), key=d.id
            )

    def _selected(self) -> Decision | None:
        return self.rows.get(self.query_one(FitTable).selected_key or "")

    def on_data_table_row_selected(self, event: FitTable.RowSelected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        d = self._selected()
        if d is None:
            return
        self.app.push_screen(
            DetailScreen(
                f"{d.id} {d.title}",
                [
                    ("Date", d.date, False),
                    ("Level", d.level, False),
                    ("Status", d.status, False),
                    ("Source", f"{d.source} {d.session}".strip(), False),
                    ("Context", d.context, False),
                    ("Decision", d.decision, False),
                    ("Consequences", d.consequences, False),
                    ("Deciders", ", ".join(d.deciders), False),
                    ("Items", ", ".join(d.items), False),
                    ("Supersedes", d.supersedes, False),
                    ("Superseded by", d.superseded_by, False),
                    ("Private notes", d.private_notes, True),
                ],
                self.presenter,
            )
        )

    def action_supersede(self) -> None:
        old = self._selected()
        if old is None:
            return
        others = [
            (literal(f"{d.id} {d.title}"), d.id)
            for d in self.rows.values()
            if d.id != old.id and d.status != "superseded"
        ]
        if not others:
            self.notify("No other decision can supersede it.", markup=False, severity="warning")
            return
        form = CaptureForm(
            "supersede",
            text=f"{old.id} is superseded by the decision chosen below",
            choices={"by": ("Superseded by", others, others[0][1])},
        )

        def chosen(result: Capture | None) -> None:
            if result is not None:
                new_id = result.choices["by"]
                self.in_background(lambda: supersede(self.ws, old.id, new_id), lambda _: self.reload())

        self.app.push_screen(CaptureScreen(form), chosen)
