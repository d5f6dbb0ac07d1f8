"""Escalations for the PM: by status, severity and age, triaged on single keys."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Static

from ritual_tui.domain.escalation import STILL_OPEN, Escalation
from ritual_tui.domain.progress import by_urgency
from ritual_tui.services import escalations
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.modals.detail import DetailScreen
from ritual_tui.tui.modals.prompt import TextPrompt
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import RecordTable, Row


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
        yield RecordTable(
            "ID", "Severity", "Status", "Age", "Category", "Ask / title", empty="No escalation.", id="escalations"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Escalations"
        self.query_one(RecordTable).focus()
        self.reload()

    def reload(self) -> None:
        """Read the escalations again (the view asked for last is the one shown)."""
        show_all = self.show_all
        self.load(lambda: load_escalations(self.ws, show_all), lambda found: self.show(found, show_all))

    def show(self, found: list[Escalation], show_all: bool) -> None:
        today, settings = self.today(), self.ws.settings
        self.rows = {e.id: e for e in found}
        rows = []
        for e in found:
            urgent = settings.is_urgent(e.severity) and e.status in STILL_OPEN
            age = f"{e.age_days(today)}d"
            rows.append(
                Row(
                    e.id,
                    [e.id, (e.severity, "bold red" if urgent else ""), e.status, age, e.category, e.ask or e.title],
                )
            )
        self.query_one(RecordTable).set_rows(rows)
        which = "all escalations" if show_all else "still open, most severe and oldest first"
        self.query_one("#escalations-caption", Static).update(
            f"{len(found)} {which} · s send · a answer · r resolve · w withdraw · f open/all"
        )

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.reload()

    def action_triage(self, verb: str) -> None:
        escalation_id = self.query_one(RecordTable).selected_key
        if escalation_id is None:
            return
        step = escalations.STEPS[verb]
        if not step.asks_for:
            self._move(escalation_id, verb, "")
            return
        e = self.rows[escalation_id]
        title = join(f"{verb.capitalize()} ", (e.id, "bold"), " ", literal(e.title, "italic"))

        def typed(text: object) -> None:
            if isinstance(text, str):
                self._move(escalation_id, verb, text)

        self.app.push_screen(TextPrompt(title, step.asks_for, step.required), typed)

    def _move(self, escalation_id: str, verb: str, text: str) -> None:
        def done(e: Escalation) -> None:
            self.notify(f"{e.id} is now {e.status}", markup=False, timeout=3)
            self.reload()

        self.write(lambda: escalations.take_step(self.ws, escalation_id, verb, text), done)

    def on_record_table_selected(self, event: RecordTable.Selected) -> None:
        self.action_detail()

    def action_detail(self) -> None:
        escalation_id = self.query_one(RecordTable).selected_key
        if escalation_id is not None:
            self.app.push_screen(DetailScreen(self.rows[escalation_id], self.today(), self.presenter))
