"""Escalations for the PM: by status, severity and age, triaged on single keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from ritual_tui.domain import clock
from ritual_tui.domain.escalation import STILL_OPEN, Escalation
from ritual_tui.domain.progress import by_urgency
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.modals.capture import Capture, CaptureForm, CaptureScreen
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell
from ritual_tui.tui.widgets.table import FitTable

#: Action → (status it moves to, the text it asks for, or "" for none).
TRIAGE = {
    "send": ("sent", ""),
    "answer": ("answered", "answer"),
    "resolve": ("resolved", "resolution"),
    "withdraw": ("withdrawn", ""),
}


def load_escalations(ws: Workspace, show_all: bool) -> list[Escalation]:
    """Open ones by severity then age; with ``show_all``, the closed ones after them."""
    # The open view reads whole only the open ones; the closed ones pile up over the years.
    everything = ws.all(Escalation, where=None if show_all else lambda e: e.status in STILL_OPEN)
    ordered = [e for e in by_urgency(everything, ws.settings) if e.status in STILL_OPEN]
    if show_all:
        ordered += sorted((e for e in everything if e.status not in STILL_OPEN), key=lambda e: e.id)
    return ordered


class EscalationsScreen(RitualScreen):
    """The PM's queue, from the PO's side."""

    AREA = "escalation"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "triage('send')", "Send", id="escalation.send", tooltip="Send to PM"),
        Binding("a", "triage('answer')", "Answer", id="escalation.answer", tooltip="Record the PM's answer"),
        Binding("r", "triage('resolve')", "Resolve", id="escalation.resolve", tooltip="Resolve"),
        Binding("w", "triage('withdraw')", "Withdraw", id="escalation.withdraw", tooltip="Withdraw"),
        Binding("enter", "detail", "Detail", id="escalation.detail", tooltip="Show the whole escalation"),
        Binding("f", "toggle_all", "Open/all", id="escalation.filter", tooltip="Show open only or all"),
        Binding("escape", "app.pop_screen", "Home", id="escalation.home", tooltip="Back to home"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_all = False
        self.rows: dict[str, Escalation] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="escalations-caption", classes="caption")
        yield FitTable(id="escalations", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Escalations"
        self.query_one(FitTable).add_columns("ID", "Severity", "Status", "Age", "Category", "Ask / title")
        self.reload()

    def reload(self) -> None:
        """Read the escalations again."""
        show_all = self.show_all
        self.in_background(lambda: load_escalations(self.ws, show_all), self.show)

    def show(self, escalations: list[Escalation]) -> None:
        table = self.query_one(FitTable)
        selected = table.selected_key
        table.clear()
        today = clock.today()
        self.rows = {e.id: e for e in escalations}
        for e in escalations:
            style = "bold red" if e.severity in ("critical", "high") and e.status in STILL_OPEN else ""
            table.add_row(
                e.id,
                cell(e.severity, style),
                e.status,
                f"{e.age_days(today)}d",
                e.category,
                cell(e.ask or e.title),
                key=e.id,
            )
        if selected in self.rows:
            table.move_cursor(row=table.get_row_index(selected))
        which = "all escalations" if self.show_all else "still open, most severe and oldest first"
        self.query_one("#escalations-caption", Static).update(
            f"{len(escalations)} {which} · s send · a answer · r resolve · w withdraw · f open/all"
        )

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.reload()

    def action_triage(self, action: str) -> None:
        escalation_id = self.query_one(FitTable).selected_key
        if escalation_id is None:
            return
        status, asks_for = TRIAGE[action]
        if not asks_for:
            self._move(escalation_id, status, "")
            return

        def typed(result: Capture | None) -> None:
            if result is not None:
                self._move(escalation_id, status, result.text)

        self.app.push_screen(CaptureScreen(CaptureForm(asks_for)), typed)

    def _move(self, escalation_id: str, status: str, text: str) -> None:
        def done(e: Escalation) -> None:
            self.notify(f"{e.id} is now {e.status}", markup=False, timeout=3)
            self.reload()

        self.in_background(
            lambda: self.ws.update(Escalation, escalation_id, lambda e: e.take_step(status, clock.now(), text)), done
        )

    def on_data_table_row_selected(self, event: FitTable.RowSelected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        escalation_id = self.query_one(FitTable).selected_key
        if escalation_id is None:
            return
        e = self.rows[escalation_id]
        today = clock.today()
        history = [f"{h.at:%Y-%m-%d %H:%M} {h.status} {h.note}".rstrip() for h in e.history]
        self.app.push_screen(
            DetailScreen(
                f"{e.id} {e.title}",
                [
                    ("Status", e.status, False),
                    ("Severity", e.severity, False),
                    ("Category", e.category, False),
                    ("Raised", f"{e.raised} ({e.age_days(today)} days ago)", False),
                    ("Raised by", e.raised_by, False),
                    ("Source", f"{e.source} {e.session}".strip(), False),
                    ("Item", e.item, False),
                    ("Blocker", e.blocker, False),
                    ("Ask", e.ask, False),
                    ("Details", e.details, False),
                    ("PM answer", e.pm_answer, False),
                    ("Answered", e.answered, False),
                    ("Resolution", e.resolution, False),
                    ("History", history, False),
                    ("Private notes", e.private_notes, True),
                ],
                self.presenter,
            )
        )
