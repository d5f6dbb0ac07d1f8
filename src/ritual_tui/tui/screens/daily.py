"""The daily stand-up: who speaks, their countdown, one-key capture, blockers, the board."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Static

from ritual_tui.domain.backlog import BOARD_STATUSES
from ritual_tui.domain.daily import DailyTimer
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.fields import Record
from ritual_tui.domain.session import RitualSession
from ritual_tui.store import rituals
from ritual_tui.store.rituals import DailyContext
from ritual_tui.tui.modals.capture import Capture, CaptureForm, CaptureScreen
from ritual_tui.tui.modals.recap import RecapScreen
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import cell, literal
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.speaker import SpeakerPanel
from ritual_tui.tui.widgets.table import FitTable


class DailyScreen(RitualScreen):
    """Run the daily: the timer ticks, every capture is saved the moment Enter is pressed."""

    AREA = "daily"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_speaker", "Next", id="daily.next", tooltip="Next speaker"),
        Binding("space", "pause", "Pause", id="daily.pause", tooltip="Pause or resume the timer"),
        Binding("a", "absent", "Absent", id="daily.absent", tooltip="Mark the current speaker absent"),
        Binding("s", "shuffle", "Shuffle", id="daily.shuffle", tooltip="Shuffle who speaks next"),
        Binding("b", "capture('blocker')", "Blocker", id="daily.blocker", tooltip="Capture a blocker"),
        Binding("p", "capture('topic')", "Topic", id="daily.topic", tooltip="Capture a parking-lot topic"),
        Binding("d", "capture('decision')", "Decision", id="daily.decision", tooltip="Capture a decision"),
        Binding(
            "e", "capture('escalation')", "Escalate", id="daily.escalation", tooltip="Capture an escalation for the PM"
        ),
        Binding("o", "capture('note')", "Note", id="daily.note", tooltip="Capture a private note"),
        Binding("r", "blocker_resolved", "Resolved", id="daily.resolved", tooltip="Mark the selected blocker resolved"),
        Binding(
            "k",
            "blocker_open",
            "Still open",
            id="daily.still_open",
            tooltip="Mark the selected blocker still open today",
        ),
        Binding(
            "u",
            "escalate_blocker",
            "Escalate blocker",
            id="daily.escalate_blocker",
            tooltip="Escalate the selected blocker to the PM",
        ),
        Binding("m", "move(1)", "Move →", id="daily.move_forward", tooltip="Move the selected board item forward"),
        Binding("M", "move(-1)", "Move ←", id="daily.move_back", tooltip="Move the selected board item back"),
        Binding("x", "end", "End daily", id="daily.end", tooltip="End the daily and show the recap"),
        Binding("escape", "leave", "Home", id="daily.home", tooltip="Back to home (the daily stays open)"),
    ]

    #: The clock the daily's timers read; snapshot tests stop it so the countdown is stable.
    CLOCK: ClassVar[Callable[[], float]] = time.monotonic

    def __init__(self) -> None:
        super().__init__()
        self.context: DailyContext | None = None
        self.timer: DailyTimer | None = None
        self._ticker: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="daily-columns"):
            with Vertical(id="left"):
                with Vertical(id="speaker-box", classes="panel"):
                    yield SpeakerPanel(id="speaker")
                with Vertical(id="captured-box", classes="panel"):
                    yield CapturedList(id="captured")
            with Vertical(id="right"):
                with Vertical(id="blockers-box", classes="panel"):
                    yield FitTable(id="blockers", cursor_type="row")
                with Vertical(id="board-box", classes="panel"):
                    yield Static(id="goal", classes="caption")
                    yield FitTable(id="board", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Daily stand-up"
        self.query_one("#speaker-box").border_title = "Speaker"
        self.query_one("#captured-box").border_title = "Captured in this daily"
        self.query_one("#blockers-box").border_title = "Open blockers: r resolved · k still open · u escalate"
        self.query_one("#board-box").border_title = "Sprint board: m move → · M move ←"
        self.query_one("#blockers", FitTable).add_columns("ID", "Dailies", "Owner", "Blocker")
        self.query_one("#board", FitTable).add_columns("ID", "Status", "Title")
        self.query_one("#blockers", FitTable).focus()
        self.in_background(lambda: rituals.open_daily(self.ws, self.today()), self._opened)

    # -- loading ---------------------------------------------------------------------------------

    def _opened(self, context: DailyContext) -> None:
        self.context = context
        settings = context.settings
        self.ritual_app.set_product(settings.product)
        session = context.session
        speakers = settings.member_names() or ["Team"]
        spoken = {name: float(seconds) for name, seconds in session.speaker_seconds.items()}
        self.timer = DailyTimer(
            speakers,
            settings.daily_speaker_seconds,
            settings.timeboxes.daily * 60,
            clock=DailyScreen.CLOCK,
            absent=list(session.absent),
            spoken=spoken,
        )
        # A daily resumed after a crash carries on with the first person who has not spoken yet.
        self.timer.current = len([name for name in self.timer.present if name in spoken])
        self._ticker = self.set_interval(1, self._tick)
        goal = context.sprint.goal if context.sprint else ""
        self.query_one("#goal", Static).update(
            literal(f"Goal: {goal}") if context.sprint else "No sprint is under way: captures still work."
        )
        self._fill_blockers()
        self._fill_board()
        self.query_one(CapturedList).show(context.captured, self.presenter)
        self._tick()

    def presenter_changed(self) -> None:
        if self.context is not None:
            self.query_one(CapturedList).show(self.context.captured, self.presenter)

    def _tick(self) -> None:
        if self.timer is not None:
            self.query_one(SpeakerPanel).show(self.timer)

    def _fill_blockers(self) -> None:
        assert self.context is not None
        table = self.query_one("#blockers", FitTable)
        table.clear()
        threshold = self.context.settings.blocker_aging_dailies
        for b in self.context.open_blockers:
            dailies = b.dailies_open()
            if b.escalation:
                seen = cell(f"{dailies} → {b.escalation}", "italic")
            elif dailies >= threshold:
                seen = cell(f"⚠ {dailies} aging", "bold red")
            else:
                seen = cell(str(dailies))
            owner = b.owner.split()[0] if b.owner.strip() else ""  # first names keep the title readable
            table.add_row(b.id, seen, cell(owner), cell(b.title), key=b.id)
        if not self.context.open_blockers:
            table.add_row("", "", "", cell("No open blockers."))

    def _fill_board(self) -> None:
        assert self.context is not None
        table = self.query_one("#board", FitTable)
        table.clear()
        for item in self.context.board:
            style = "green" if item.status == "done" else ("yellow" if item.status == "review" else "")
            table.add_row(item.id, cell(item.status, style), cell(item.title), key=item.id)

    # -- the floor -------------------------------------------------------------------------------

    def _save_speakers(self) -> None:
        if self.timer is None or self.context is None:
            return
        seconds, absent, session_id = self.timer.seconds_by_speaker(), list(self.timer.absent), self.context.session.id
        self.in_background(lambda: rituals.record_speakers(self.ws, session_id, seconds, absent))

    def action_next_speaker(self) -> None:
        if self.timer is not None:
            self.timer.next_speaker()
            self._save_speakers()
            self._tick()

    def action_pause(self) -> None:
        if self.timer is not None:
            self.timer.toggle_pause()
            self._tick()

    def action_absent(self) -> None:
        if self.timer is not None and self.timer.mark_absent():
            self._save_speakers()
            self._tick()

    def action_shuffle(self) -> None:
        if self.timer is not None:
            self.timer.shuffle()
            self._tick()

    # -- capture ---------------------------------------------------------------------------------

    def _form(self, kind: str, text: str, ask: str, blocker: Blocker | None) -> CaptureForm:
        """The capture form for ``kind``; escalating a blocker presets its category, severity and item."""
        assert self.context is not None
        settings = self.context.settings
        form = CaptureForm(kind, speaker=self.timer.speaker if self.timer else "", text=text, ask=ask)
        items = [("(no item)", "")] + [(literal(f"{i.id} {i.title}"), i.id) for i in self.context.board]
        if kind == "blocker":
            form.choices["item"] = ("Item it blocks", items, "")
        elif kind == "decision":
            form.choices["level"] = (
                "Level",
                [("operational: the PO decides", "operational"), ("strategic: the PM decides", "strategic")],
                "operational",
            )
        elif kind == "escalation":
            form.choices["category"] = (
                "Category",
                [(c, c) for c in settings.escalation_categories],
                "blocker" if blocker else "question",
            )
            form.choices["severity"] = (
                "Severity",
                [(s, s) for s in settings.escalation_severities],
                "high" if blocker else "medium",
            )
            on_board = blocker is not None and blocker.item in {i.id for i in self.context.board}
            form.choices["item"] = ("Item", items, blocker.item if blocker and on_board else "")
        return form

    def action_capture(self, kind: str, text: str = "", ask: str = "", blocker: str = "") -> None:
        if self.context is None:
            return
        form = self._form(kind, text, ask, self._blocker(blocker) if blocker else None)

        def save(result: Capture | None) -> None:
            if result is None or self.context is None:
                return
            session_id, speaker = self.context.session.id, form.speaker
            self.in_background(
                lambda: rituals.capture(
                    self.ws, session_id, result.kind, result.text, speaker, result.choices, result.ask, blocker
                ),
                self._captured,
                failed=lambda _: self.action_capture(kind, result.text, result.ask, blocker),
            )

        self.app.push_screen(CaptureScreen(form), save)

    def _captured(self, record: Record) -> None:
        assert self.context is not None
        self.context.captured.append(record)
        self.query_one(CapturedList).show(self.context.captured, self.presenter)
        if isinstance(record, Blocker):
            self.context.open_blockers.append(record)
        if getattr(record, "blocker", ""):
            self._reload_blockers()
        else:
            self._fill_blockers()
        self.notify(f"Saved {record.id}", markup=False, timeout=2)

    # -- blockers and board ----------------------------------------------------------------------

    def _selected(self, table_id: str) -> str | None:
        return self.query_one(table_id, FitTable).selected_key

    def _blocker(self, blocker_id: str) -> Blocker:
        assert self.context is not None
        return next(b for b in self.context.open_blockers if b.id == blocker_id)

    def _reload_blockers(self) -> None:
        def loaded(blockers: list[Blocker]) -> None:
            assert self.context is not None
            self.context.open_blockers = blockers
            self._fill_blockers()

        self.in_background(lambda: rituals.open_blockers(self.ws), loaded)

    def _follow_up(self, resolved: bool) -> None:
        blocker_id = self._selected("#blockers")
        if blocker_id is None:
            self.notify("No blocker selected.", markup=False, severity="warning")
            return
        today = self.today()
        self.in_background(
            lambda: rituals.follow_up_blocker(self.ws, blocker_id, resolved, today), lambda _: self._reload_blockers()
        )

    def action_blocker_resolved(self) -> None:
        self._follow_up(True)

    def action_blocker_open(self) -> None:
        self._follow_up(False)

    def action_escalate_blocker(self) -> None:
        blocker_id = self._selected("#blockers")
        if blocker_id is None:
            self.notify("No blocker selected.", markup=False, severity="warning")
            return
        blocker = self._blocker(blocker_id)
        if blocker.escalation:
            self.notify(f"{blocker.id} is already escalated as {blocker.escalation}.", markup=False)
            return
        ask = f"Open for {blocker.dailies_open()} dailies. What can you unblock?"
        self.action_capture("escalation", f"Blocker: {blocker.title}", ask, blocker.id)

    def action_move(self, step: int) -> None:
        item_id = self._selected("#board")
        if item_id is None or self.context is None:
            return
        item = next(i for i in self.context.board if i.id == item_id)
        index = BOARD_STATUSES.index(item.status) if item.status in BOARD_STATUSES else 0
        status = BOARD_STATUSES[max(0, min(len(BOARD_STATUSES) - 1, index + step))]
        if status == item.status:
            return
        today = self.today()

        def moved(updated: Record) -> None:
            assert self.context is not None
            self.context.board = [updated if i.id == updated.id else i for i in self.context.board]  # type: ignore[misc]
            self._fill_board()

        self.in_background(lambda: rituals.move_on_board(self.ws, item_id, status, today), moved)

    # -- ending ----------------------------------------------------------------------------------

    def action_end(self) -> None:
        if self.timer is None or self.context is None:
            return
        seconds, absent, session_id = (
            self.timer.seconds_by_speaker(include_current=True),
            list(self.timer.absent),
            self.context.session.id,
        )
        if self._ticker is not None:
            self._ticker.stop()
        captured = list(self.context.captured)

        def ended(session: RitualSession) -> None:
            self.app.push_screen(RecapScreen(session, captured, self.presenter), lambda _: self.dismiss())

        self.in_background(lambda: rituals.end_daily(self.ws, session_id, seconds, absent), ended)

    def action_leave(self) -> None:
        self._save_speakers()
        self.dismiss()
