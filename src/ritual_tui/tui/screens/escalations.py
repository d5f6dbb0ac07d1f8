"""Escalations for the PM: by status, severity and age, triaged on single keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.escalation import NEXT_STATUSES, STILL_OPEN, Escalation
from ritual_tui.domain.progress import by_urgency
from ritual_tui.services import escalations
from ritual_tui.services.daily import follow_up_blocker
from ritual_tui.store.workspace import Workspace
from ritual_tui.tui.modals.prompt import Confirm, TextPrompt
from ritual_tui.tui.screens.records import RecordListScreen
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.table import Row


def load_escalations(ws: Workspace, show_all: bool) -> list[Escalation]:
    """Open ones by severity then age; with ``show_all``, the closed ones after them."""
    # The open view reads whole only the open ones; the closed ones pile up over the years.
    everything = ws.all(Escalation, where=None if show_all else lambda e: e.status in STILL_OPEN)
    ordered = [e for e in by_urgency(everything, ws.settings) if e.status in STILL_OPEN]
    if show_all:
        ordered += sorted((e for e in everything if e.status not in STILL_OPEN), key=lambda e: e.id)
    return ordered


class EscalationsScreen(RecordListScreen):
    """The PM's queue, from the PO's side."""

    AREA = "escalation"
    VIEW_TITLE = "Escalations"
    COLUMNS = ("ID", "Severity", "Status", "Age", "Category", "Ask / title")
    EMPTY = "No escalation: e in a ritual raises one, or `ritual escalate TITLE`."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "triage('send')", "Send", id="escalation.send", tooltip="Mark it sent to the PM"),
        Binding("a", "triage('answer')", "Answer", id="escalation.answer", tooltip="Record the PM's answer"),
        Binding("r", "triage('resolve')", "Resolve", id="escalation.resolve", tooltip="Resolve it"),
        Binding("w", "triage('withdraw')", "Withdraw", id="escalation.withdraw", tooltip="Withdraw it"),
        Binding("enter", "detail", "Detail", id="escalation.detail", tooltip="Show the whole escalation"),
        Binding("f", "toggle_all", "Open/all", id="escalation.filter", tooltip="Show the open ones or all"),
    ]
    FOOTER = (
        "escalation.send",
        "escalation.answer",
        "escalation.resolve",
        "escalation.withdraw",
        "escalation.detail",
        "escalation.filter",
        "list.home",
    )

    def __init__(self) -> None:
        super().__init__()
        self.show_all = False

    def read(self, ws: Workspace) -> list[Escalation]:
        return load_escalations(ws, self.show_all)

    def row(self, e: Escalation) -> Row:
        urgent = self.ws.settings.is_urgent(e.severity) and e.status in STILL_OPEN
        severity = (e.severity, "bold red" if urgent else "")
        return Row(e.id, [e.id, severity, e.status, f"{e.age_days(self.today())}d", e.category, e.ask or e.title])

    def caption(self, records: list[Escalation]) -> str:
        which = "all escalations" if self.show_all else "still open, most severe and oldest first"
        return f"{len(records)} {which} · s send · a answer · r resolve · w withdraw · f open/all"

    def reload(self) -> None:
        show_all = self.show_all  # the view asked for now, whatever is pressed while it is read
        self.load(lambda: load_escalations(self.ws, show_all), self.show)

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "triage":
            # A step the escalation's lifecycle forbids is shown disabled, with the reason on use.
            e = self.selected
            return (e is not None and escalations.STEPS[str(parameters[0])].status in NEXT_STATUSES[e.status]) or None
        return True

    def action_triage(self, verb: str) -> None:
        e = self.selected
        if e is None:
            return
        step = escalations.STEPS[verb]
        if step.status not in NEXT_STATUSES[e.status]:
            self.notify(f"{e.id} is {e.status}; it cannot be {step.status}.", markup=False, severity="warning")
            return
        if not step.asks_for:
            self._move(e.id, verb, "")
            return
        title = join(f"{verb.capitalize()} ", (e.id, "bold"), " ", literal(e.title, "italic"))

        def typed(text: object) -> None:
            if isinstance(text, str):
                self._move(e.id, verb, text)

        self.app.push_screen(TextPrompt(title, step.asks_for, step.required), typed)

    def _move(self, escalation_id: str, verb: str, text: str) -> None:
        def done(e: Escalation) -> None:
            self.notify(f"{e.id} is now {e.status}", markup=False, timeout=3)
            self.reload()
            if e.status == "resolved" and e.blocker:
                self._offer_blocker(e)

        self.write(lambda: escalations.take_step(self.ws, escalation_id, verb, text), done)

    def _offer_blocker(self, e: Escalation) -> None:
        """An escalation of a blocker is resolved: the blocker may be too."""
        blocker_id, today = e.blocker, self.today()

        def asked(blocker: Blocker) -> None:
            if blocker.status != "open":
                return
            question = join(
                "Mark the blocker ", (blocker.id, "bold"), " resolved too? ", literal(blocker.title, "italic")
            )

            def answered(yes: object) -> None:
                if yes:
                    self.write(lambda: follow_up_blocker(self.ws, blocker_id, True, today))

            self.app.push_screen(Confirm(question, f"{e.id}, which escalated it, is resolved."), answered)

        self.write(lambda: self.ws.get(Blocker, blocker_id), asked)  # in turn, after the step
