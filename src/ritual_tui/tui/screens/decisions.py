"""The decision log: level and status, the whole record, accepting, rejecting and superseding."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from ritual_tui.domain.decision import Decision
from ritual_tui.services import decisions
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.modals.prompt import TextPrompt
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import RecordTable, Row

COLUMNS = ("ID", "Date", "Level", "Status", "Title")


def _row(d: Decision) -> Row:
    level = (d.level, "bold" if d.level == "strategic" else "")
    status = (d.status, "dim" if d.status in ("superseded", "rejected") else "")
    return Row(d.id, [d.id, str(d.date or ""), level, status, d.title])


class DecisionsScreen(RitualScreen):
    """Every decision, newest first."""

    AREA = "decision"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="decision.detail", tooltip="Show the whole decision"),
        Binding("a", "settle('accepted')", "Accept", id="decision.accept", tooltip="Accept a proposed decision"),
        Binding("r", "settle('rejected')", "Reject", id="decision.reject", tooltip="Reject a proposed decision"),
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
        yield Static(
            "Newest first · enter detail · a accept · r reject · s supersede", id="decisions-caption", classes="caption"
        )
        yield RecordTable(*COLUMNS, empty="No decision yet: d in a ritual records one.", id="decisions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Decision log"
        self.query_one(RecordTable).focus()
        self.reload()

    def reload(self) -> None:
        """Read the decisions again, newest (by date, then id) first."""

        def newest_first() -> list[Decision]:
            found = self.ws.all(Decision)
            return sorted(found, key=lambda d: (d.date is not None, d.date, int(d.id.rsplit("-", 1)[-1])), reverse=True)

        self.load(newest_first, self.show)

    def show(self, found: list[Decision]) -> None:
        self.rows = {d.id: d for d in found}
        self.query_one(RecordTable).set_rows([_row(d) for d in found])

    def _selected(self) -> Decision | None:
        return self.rows.get(self.query_one(RecordTable).selected_key or "")

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        d = self._selected()
        if d is not None:
            self.app.push_screen(DetailScreen(d, self.today(), self.presenter))

    def action_settle(self, status: str) -> None:
        d = self._selected()
        if d is None:
            return
        if d.status != "proposed":
            self.notify(f"{d.id} is {d.status}; only a proposed decision can be accepted or rejected.", markup=False)
            return
        verb = "Accept" if status == "accepted" else "Reject"
        title = join(f"{verb} ", (d.id, "bold"), " ", literal(d.title, "italic"))

        def typed(reason: object) -> None:
            if isinstance(reason, str):
                self.write(
                    lambda: decisions.settle_decision(self.ws, d.id, status, (), reason), lambda _: self.reload()
                )

        self.app.push_screen(TextPrompt(title, "why", required=False), typed)

    def action_supersede(self) -> None:
        old = self._selected()
        if old is None:
            return
        if old.status == "superseded":
            self.notify(f"{old.id} is already superseded by {old.superseded_by}.", markup=False)
            return
        standing = [d for d in self.rows.values() if d.id != old.id and d.status in ("accepted", "proposed")]
        question = join("Which decision supersedes ", (old.id, "bold"), " ", literal(old.title, "italic"), "?")

        def chosen(new_id: object) -> None:
            if isinstance(new_id, str):
                self.write(lambda: decisions.supersede(self.ws, old.id, new_id), lambda _: self.reload())

        self.app.push_screen(ChooseRecord(question, COLUMNS, [_row(d) for d in standing]), chosen)
