"""The decision log: level and status, the whole record, accepting, rejecting and superseding."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.binding import Binding, BindingType

from ritual_tui.domain.decision import Decision
from ritual_tui.services import decisions
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.prompt import TextPrompt
from ritual_tui.tui.screens.records import RecordListScreen
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import Row

COLUMNS = ("ID", "Date", "Level", "Status", "Title")


def decision_row(d: Decision) -> Row:
    """A decision as a row: strategic ones stand out, retired ones are dimmed."""
    level = (d.level, "bold" if d.level == "strategic" else "")
    status = (d.status, "dim" if d.status in ("superseded", "rejected") else "")
    return Row(d.id, [d.id, str(d.date or ""), level, status, d.title])


def newest_first(ws: Workspace) -> list[Decision]:
    """Every decision, by date, newest first (then by number)."""
    found = ws.all(Decision)
    return sorted(found, key=lambda d: (d.date is not None, d.date, int(d.id.rsplit("-", 1)[-1])), reverse=True)


class DecisionsScreen(RecordListScreen):
    """Every decision, newest first."""

    AREA = "decision"
    VIEW_TITLE = "Decision log"
    COLUMNS = COLUMNS
    EMPTY = "No decision yet: d in a ritual records one, or `ritual decision add TITLE`."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "detail", "Detail", id="decision.detail", tooltip="Show the whole decision"),
        Binding("a", "settle('accepted')", "Accept", id="decision.accept", tooltip="Accept a proposed decision"),
        Binding("r", "settle('rejected')", "Reject", id="decision.reject", tooltip="Reject a proposed decision"),
        Binding(
            "s", "supersede", "Supersede", id="decision.supersede", tooltip="Supersede it by a decision you choose"
        ),
    ]
    FOOTER = ("decision.detail", "decision.accept", "decision.reject", "decision.supersede", "list.home")

    def read(self, ws: Workspace) -> list[Decision]:
        return newest_first(ws)

    def row(self, d: Decision) -> Row:
        return decision_row(d)

    def caption(self, records: list[Decision]) -> str:
        return f"{len(records)} decisions, newest first · a accept · r reject · s supersede"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        d = self.selected
        if action == "settle":
            return (d is not None and d.status == "proposed") or None
        if action == "supersede":
            return (d is not None and d.status != "superseded") or None
        return True

    def action_settle(self, status: str) -> None:
        d = self.selected
        if d is None or d.status != "proposed":
            return
        verb = "Accept" if status == "accepted" else "Reject"
        title = join(f"{verb} ", (d.id, "bold"), " ", literal(d.title, "italic"))

        def typed(reason: object) -> None:
            if isinstance(reason, str):
                self.write(
                    partial(decisions.settle_decision, self.ws, d.id, status, (), reason), lambda _: self.reload()
                )

        self.app.push_screen(TextPrompt(title, "why", required=False), typed)

    def action_supersede(self) -> None:
        old = self.selected
        if old is None or old.status == "superseded":
            return
        standing = [d for d in self.records.values() if d.id != old.id and d.status in ("accepted", "proposed")]
        question = join("Which decision supersedes ", (old.id, "bold"), " ", literal(old.title, "italic"), "?")

        def chosen(new_id: object) -> None:
            if isinstance(new_id, str):
                self.write(lambda: decisions.supersede(self.ws, old.id, new_id), lambda _: self.reload())

        self.app.push_screen(ChooseRecord(question, COLUMNS, [decision_row(d) for d in standing]), chosen)
