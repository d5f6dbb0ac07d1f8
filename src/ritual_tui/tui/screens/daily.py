"""The daily stand-up: who speaks, their countdown, the open blockers, the sprint board."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from ritual_tui.domain.backlog import BOARD_STATUSES, BacklogItem
from ritual_tui.domain.daily import DailyTimer, speaking_order
from ritual_tui.domain.daily_records import Blocker
from ritual_tui.domain.fields import Record
from ritual_tui.domain.meeting import MeetingClock
from ritual_tui.domain.rules import plural
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import daily
from ritual_tui.services.daily import DailyContext
from ritual_tui.services.sessions import SessionContext
from ritual_tui.tui.modals.capture import Option
from ritual_tui.tui.modals.choose import ChooseRecord
from ritual_tui.tui.modals.prompt import Confirm
from ritual_tui.tui.modals.recap import Section
from ritual_tui.tui.screens.session import RitualSessionScreen
from ritual_tui.tui.text import join, literal, plain
from ritual_tui.tui.widgets.board import SprintBoard
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.speaker import SpeakerPanel, clock_face
from ritual_tui.tui.widgets.table import RecordTable, Row


class DailyScreen(RitualSessionScreen):
    """Run the daily: the timer ticks, every capture is saved the moment Enter is pressed."""

    RITUAL = "daily"
    AREA = "daily"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_speaker", "Next", id="daily.next", tooltip="Next speaker"),
        Binding("a", "absent", "Absent", id="daily.absent", tooltip="Mark the current speaker absent"),
        Binding("l", "late_arrival", "Arrived", id="daily.late", tooltip="Someone marked absent has arrived"),
        Binding("s", "shuffle", "Shuffle", id="daily.shuffle", tooltip="Shuffle who speaks next"),
        Binding("tab", "app.focus_next", "Panel", id="daily.panel", tooltip="Move to the next panel"),
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
            "Escalate it",
            id="daily.escalate_blocker",
            tooltip="Escalate the selected blocker to the PM",
        ),
        Binding("m", "move(1)", "Move →", id="daily.move_forward", tooltip="Move the selected board item forward"),
        Binding("M", "move(-1)", "Move ←", id="daily.move_back", tooltip="Move the selected board item back"),
    ]

    FOOTER = (
        "daily.next",
        "ritual.end",
        "daily.resolved",
        "daily.still_open",
        "daily.escalate_blocker",
        "daily.move_forward",
        "daily.move_back",
        "ritual.capture.blocker",
        "ritual.capture.escalation",
        "ritual.capture.decision",
        "daily.panel",
        "ritual.home",
        "ritual.capture.topic",
        "ritual.capture.note",
        "daily.absent",
        "daily.late",
        "daily.shuffle",
        "ritual.pause",
    )

    context: DailyContext | None
    clock: DailyTimer | None

    def compose(self) -> ComposeResult:
        yield from top()
        with Horizontal(id="daily-columns"):
            with Vertical(id="left"):
                with Vertical(id="speaker-box", classes="panel"):
                    yield SpeakerPanel(id="speaker")
                with Vertical(id="captured-box", classes="panel"):
                    yield CapturedList(id="captured")
            with Vertical(id="right"):
                with Vertical(id="blockers-box", classes="panel"):
                    yield RecordTable("ID", "Dailies", "Owner", "Blocker", empty="No open blockers.", id="blockers")
                with Vertical(id="board-box", classes="panel"):
                    yield Static(id="goal", classes="caption")
                    yield SprintBoard(id="board")
        yield from bottom()

    def on_mount(self) -> None:
        self.query_one("#speaker-box").border_title = "Speaker"
        self.query_one("#captured-box").border_title = "Captured in this daily"
        self.query_one("#blockers-box").border_title = "Open blockers: r resolved · k still open · u escalate"
        self.query_one("#board-box").border_title = "Sprint board: m move → · M move ←"
        self.query_one("#blockers", RecordTable).focus()

    # -- loading ---------------------------------------------------------------------------------

    def open_context(self, today: date, new: bool) -> SessionContext:
        return daily.open_daily(self.ws, today, new)

    def make_clock(self, context: SessionContext) -> MeetingClock:
        settings, session = context.settings, context.session
        spoken = {name: float(seconds) for name, seconds in session.speaker_seconds.items()}
        timer = DailyTimer(
            timebox_seconds=settings.timebox_minutes("daily") * 60,
            clock=type(self).CLOCK,
            elapsed_before=session.elapsed_seconds or 0,
            speakers=speaking_order(session.speaker_order, settings.member_names() or ["Team"]),
            speaker_seconds=settings.daily_speaker_seconds,
            absent=list(session.absent),
            spoken=spoken,
        )
        timer.resume(session.current_speaker)  # a daily resumed after a crash: who had the floor
        return timer

    def loaded(self, context: SessionContext) -> None:
        goal = context.sprint.goal if context.sprint else ""
        self.query_one("#goal", Static).update(
            join("Goal: ", literal(goal)) if context.sprint else "No sprint is under way: captures still work."
        )
        self._fill_blockers()
        self._fill_board()

    def tick(self) -> None:
        if self.clock is not None:
            self.query_one(SpeakerPanel).show(self.clock)

    def _fill_blockers(self) -> None:
        assert self.context is not None
        threshold = self.context.settings.blocker_aging_dailies
        rows = []
        for b in self.context.open_blockers:
            dailies = b.dailies_open()
            if b.escalation:
                seen: object = (f"{dailies} → {b.escalation}", "italic")
            elif dailies >= threshold:
                seen = (f"⚠ {dailies} aging", "bold red")
            else:
                seen = str(dailies)
            owner = b.owner.split()[0] if b.owner.strip() else ""  # first names keep the title readable
            rows.append(Row(b.id, [b.id, seen, owner, b.title]))  # type: ignore[list-item]
        self.query_one("#blockers", RecordTable).set_rows(rows)

    def _fill_board(self) -> None:
        assert self.context is not None
        self.query_one(SprintBoard).set_items(self.context.board)

    # -- the floor -------------------------------------------------------------------------------

    def speaker(self) -> str:
        return self.clock.speaker if self.clock is not None else ""

    def items_in_view(self) -> list[Option]:
        return [(literal(f"{i.id} {i.title}"), i.id) for i in self.context.board] if self.context else []

    def state_job(self) -> Callable[[], object]:
        assert self.context is not None and self.clock is not None
        timer, session_id = self.clock, self.context.session.id
        seconds, absent, order, current = (
            timer.seconds_by_speaker(),
            list(timer.absent),
            list(timer.speakers),
            timer.speaker,
        )
        elapsed = timer.elapsed()
        return lambda: daily.record_speakers(self.ws, session_id, seconds, absent, elapsed, order, current)

    def end_job(self) -> Callable[[], object]:
        return self.state_job()

    def action_next_speaker(self) -> None:
        if self.clock is not None:
            self.clock.next_speaker()
            self.save_state()
            self.tick()

    def action_absent(self) -> None:
        if self.clock is not None and self.clock.mark_absent():
            self.save_state()
            self.tick()

    def action_shuffle(self) -> None:
        if self.clock is not None:
            self.clock.shuffle()
            self.tick()
            waiting = self.clock.present[self.clock.current + 1 :]
            if waiting:
                self.notify(plain("New order after " + self.clock.speaker + ": " + ", ".join(waiting)), markup=False)

    def action_late_arrival(self) -> None:
        if self.clock is None:
            return
        absent = list(self.clock.absent)
        if not absent:
            self.notify("Nobody is marked absent.", markup=False)
            return

        def arrived(name: object) -> None:
            if isinstance(name, str) and self.clock is not None:
                self.clock.arrive(name)
                self.save_state()
                self.tick()
                self.notify(plain(f"{name} is back: next to speak."), markup=False)

        if len(absent) == 1:
            arrived(absent[0])
            return
        rows = [Row(name, [name]) for name in absent]
        self.app.push_screen(ChooseRecord(Content("Who has arrived?"), ["Absent"], rows), arrived)

    def recap_sections(self, session: RitualSession) -> list[Section]:
        lines = [join(literal(name), f"  {clock_face(seconds)}") for name, seconds in session.speaker_seconds.items()]
        return [("Time per speaker", lines)]

    # -- blockers and board ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Act only on the panel the PO is looking at: the focused table, with a row under its cursor.
        if action in ("blocker_resolved", "blocker_open", "escalate_blocker"):
            return self._focused_key("#blockers") is not None
        if action == "move":
            return self._focused_key("#board") is not None
        return super().check_action(action, parameters)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_record_table_moved(self, event: RecordTable.Moved) -> None:
        self.refresh_bindings()

    def on_sprint_board_moved(self, event: SprintBoard.Moved) -> None:
        self.refresh_bindings()

    def _focused_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id)
        assert isinstance(table, (RecordTable, SprintBoard))
        return table.selected_key if table.has_focus and self.context is not None else None

    def _blocker(self, blocker_id: str) -> Blocker:
        assert self.context is not None
        return next(b for b in self.context.open_blockers if b.id == blocker_id)

    def _reload_blockers(self) -> None:
        def loaded(blockers: list[Blocker]) -> None:
            assert self.context is not None
            self.context.open_blockers = blockers
            self._fill_blockers()

        self.load(lambda: daily.open_blockers(self.ws), loaded)

    def captured(self, record: Record) -> None:
        super().captured(record)
        assert self.context is not None
        if isinstance(record, Blocker):
            self.context.open_blockers.append(record)
            self._fill_blockers()
        elif getattr(record, "blocker", ""):
            self._reload_blockers()  # the escalated blocker now points to its escalation

    def _follow_up(self, blocker_id: str, resolved: bool) -> None:
        today = self.today()
        self.write(lambda: daily.follow_up_blocker(self.ws, blocker_id, resolved, today), self._followed_up)

    def _followed_up(self, blocker: Blocker) -> None:
        assert self.context is not None
        blockers = [blocker if b.id == blocker.id else b for b in self.context.open_blockers]
        self.context.open_blockers = [b for b in blockers if b.status == "open"]
        self._fill_blockers()

    def action_blocker_resolved(self) -> None:
        blocker_id = self._focused_key("#blockers")
        if blocker_id is None:
            return
        blocker = self._blocker(blocker_id)

        def answered(yes: object) -> None:
            if yes:
                self._follow_up(blocker_id, True)

        question = join("Mark ", (blocker.id, "bold"), " resolved? ", literal(blocker.title, "italic"))
        self.app.push_screen(Confirm(question), answered)

    def action_blocker_open(self) -> None:
        blocker_id = self._focused_key("#blockers")
        if blocker_id is not None:
            self._follow_up(blocker_id, False)

    def action_escalate_blocker(self) -> None:
        blocker_id = self._focused_key("#blockers")
        if blocker_id is None:
            return
        blocker = self._blocker(blocker_id)
        if blocker.escalation:
            self.notify(f"{blocker.id} is already escalated as {blocker.escalation}.", markup=False)
            return
        ask = f"Open for {plural(blocker.dailies_open(), 'daily', 'dailies')}. What can you unblock?"
        self.open_capture(self.capture_form("escalation", f"Blocker: {blocker.title}", ask, blocker))

    def action_move(self, step: int) -> None:
        item_id = self._focused_key("#board")
        if item_id is None or self.context is None:
            return
        item = next(i for i in self.context.board if i.id == item_id)
        index = BOARD_STATUSES.index(item.status) if item.status in BOARD_STATUSES else 0
        status = BOARD_STATUSES[max(0, min(len(BOARD_STATUSES) - 1, index + step))]
        if status == item.status:
            return
        expected, today = item.status, self.today()
        # Shown at once, so that a second key moves it on from where the first one left it; the
        # write carries the status it expects and is refused if the item was moved elsewhere.
        item.status = status
        self._fill_board()
        self.write(lambda: daily.move_on_board(self.ws, item_id, status, expected, today), failed=self._stale)

    def _stale(self, error: Exception) -> None:
        """A move was refused or failed: show the board as it is on disk."""
        sprint = self.context.sprint if self.context else None

        def loaded(board: list[BacklogItem]) -> None:
            assert self.context is not None
            self.context.board = board
            self._fill_board()

        self.load(lambda: daily.sprint_board(self.ws, sprint), loaded)
