"""Backlog refinement: the agenda, the entry under discussion with its clock, and planning poker for
a room on one screen. The keys that act on the entry taken up (story, poker, readiness, split) are
in :mod:`ritual_tui.tui.screens.refinement_actions`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.meeting import MeetingClock
from ritual_tui.domain.refinement import AgendaClock, make_agenda_clock
from ritual_tui.domain.rules import format_points
from ritual_tui.domain.session import RitualSession
from ritual_tui.services import refinement
from ritual_tui.services.refinement import RefinementContext
from ritual_tui.services.sessions import SessionContext
from ritual_tui.tui.modals.capture import Option
from ritual_tui.tui.modals.recap import Section
from ritual_tui.tui.screens.refinement_actions import RefinementActions
from ritual_tui.tui.screens.refinement_recap import recap_sections
from ritual_tui.tui.screens.session import RitualSessionScreen
from ritual_tui.tui.text import literal
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.chrome import bottom, top
from ritual_tui.tui.widgets.poker import PokerPanel
from ritual_tui.tui.widgets.story import EntryPanel
from ritual_tui.tui.widgets.table import CellValue, RecordTable, Row


def _key(key: str, action: str, description: str, name: str, tooltip: str) -> Binding:
    return Binding(key, action, description, id=f"refine.{name}", tooltip=tooltip)


class RefinementScreen(RefinementActions, RitualSessionScreen):
    """Run a refinement: every change is on disk when its key or Enter is pressed."""

    RITUAL = "refinement"
    AREA = "refinement"
    BINDINGS: ClassVar[list[BindingType]] = [
        _key("enter", "discuss", "Take up", "discuss", "Take up the agenda entry under the cursor"),
        _key("v", "vote", "Vote", "vote", "Enter the room's votes (masked)"),
        _key("r", "reveal", "Reveal", "reveal", "Reveal every card at once"),
        _key("a", "revote", "Re-vote", "revote", "Vote again (the rounds before are kept)"),
        _key("s", "estimate", "Set estimate", "estimate", "Set the suggested estimate"),
        _key("S", "estimate_other", "Other estimate", "estimate_other", "Set another estimate"),
        _key("w", "edit", "Edit story", "edit", "Edit the story, criteria, tags and notes"),
        _key("t", "checklist", "Ready list", "checklist", "Tick the Definition of Ready"),
        _key("y", "ready", "Ready", "ready", "Mark the item ready (an override asks why)"),
        _key("l", "split", "Split", "split", "Split the item into smaller ones"),
        _key("c", "close_topic", "Close topic", "close_topic", "Close the topic with an outcome"),
        _key("z", "skip", "Skip", "skip", "Skip the agenda entry under the cursor (again: take it back)"),
        _key("K", "agenda(-1)", "Agenda ↑", "agenda_up", "Move the agenda entry up"),
        _key("J", "agenda(1)", "Agenda ↓", "agenda_down", "Move the agenda entry down"),
        _key("g", "add_item", "Add item", "add", "Put another backlog item on the agenda"),
        _key("h", "presence", "Who's here", "presence", "Mark someone present or absent"),
        _key("left_square_bracket", "rank('up')", "Rank ↑", "rank_up", "Move the item up in the backlog"),
        _key("right_square_bracket", "rank('down')", "Rank ↓", "rank_down", "Move the item down in the backlog"),
        _key("left_curly_bracket", "rank('top')", "Top", "rank_top", "Move the item to the top of the backlog"),
        _key("right_curly_bracket", "rank('bottom')", "Bottom", "rank_bottom", "Move the item to the bottom"),
        _key("tab", "app.focus_next", "Panel", "panel", "Move to the next panel"),
    ]
    FOOTER = (
        "refine.discuss",
        "refine.vote",
        "refine.reveal",
        "refine.estimate",
        "refine.revote",
        "refine.edit",
        "refine.checklist",
        "refine.ready",
        "refine.split",
        "refine.close_topic",
        "ritual.end",
        "ritual.capture.escalation",
        "ritual.capture.decision",
        "refine.skip",
        "refine.agenda_up",
        "refine.agenda_down",
        "refine.rank_up",
        "refine.rank_down",
        "refine.add",
        "refine.presence",
        "ritual.home",
        "ritual.capture.topic",
        "ritual.capture.note",
        "ritual.capture.blocker",
        "refine.estimate_other",
        "refine.rank_top",
        "refine.rank_bottom",
        "refine.panel",
        "ritual.pause",
    )

    context: RefinementContext | None
    clock: AgendaClock | None

    def compose(self) -> ComposeResult:
        yield from top()
        with Horizontal(id="refine-columns"):
            with Vertical(id="refine-left"):
                with Vertical(id="agenda-box", classes="panel"):
                    yield RecordTable("ID", "Pts", "Title", empty="Nothing to refine.", id="agenda")
                with Vertical(id="captured-box", classes="panel"):
                    yield CapturedList(id="captured")
            with Vertical(id="refine-right"):
                with Vertical(id="entry-box", classes="panel"):
                    yield EntryPanel(id="entry")
                with Vertical(id="poker-box", classes="panel"):
                    yield PokerPanel(id="poker")
        yield from bottom()

    def on_mount(self) -> None:
        self.query_one("#agenda-box").border_title = "Agenda · Enter takes up"
        self.query_one("#captured-box").border_title = "Captured"
        self.query_one("#entry-box").border_title = "Under discussion"
        self.query_one("#poker-box").border_title = "Planning poker"
        self.query_one("#agenda", RecordTable).focus()

    # -- loading ---------------------------------------------------------------------------------

    def open_context(self, today: date, new: bool) -> SessionContext:
        return refinement.open_refinement(self.ws, today, new)

    def make_clock(self, context: SessionContext) -> MeetingClock:
        assert isinstance(context, RefinementContext)
        settings, record = context.settings, context.refinement
        return make_agenda_clock(
            settings.timebox_minutes("refinement") * 60,
            settings.refinement_item_minutes * 60,
            type(self).CLOCK,
            context.session.elapsed_seconds or 0,
            record.seconds,
            record.current,
        )

    def loaded(self, context: SessionContext) -> None:
        self.show_all()
        agenda = self.query_one("#agenda", RecordTable)
        if self.context is not None and self.context.refinement.current:
            agenda.select_key(self.context.refinement.current)  # resumed: the cursor where it was

    def tick(self) -> None:
        if self.clock is not None:
            self.query_one(EntryPanel).tick(self.clock)

    def presenter_changed(self) -> None:
        super().presenter_changed()
        self.show_entry()

    # -- drawing ---------------------------------------------------------------------------------

    def show_all(self) -> None:
        """Redraw the agenda, the entry under discussion and the poker panel."""
        self.fill_agenda()
        self.show_entry()

    def fill_agenda(self) -> None:
        """The agenda's rows: the entry under discussion marked, skipped and refined ones said so."""
        if self.context is None:
            return
        record, rows = self.context.refinement, []
        for entry in record.agenda:
            mark = "▶" if entry == record.current else "–" if entry in record.skipped else " "
            style = "dim strike" if entry in record.skipped else ""
            if entry in self.context.items:
                item = self.context.items[entry]
                done = record.refined_entry(entry)
                mark = "✓" if mark == " " and done is not None and done.changed else mark
                title: CellValue = (item.title, style)
                rows.append(Row(entry, [f"{mark}{entry}", format_points(item.estimate), title]))
            elif entry in self.context.topics:
                topic = self.context.topics[entry]
                mark = "✓" if mark == " " and topic.status == "closed" else mark
                rows.append(Row(entry, [f"{mark}{entry}", "", (f"Topic: {topic.title}", style)]))
        self.query_one("#agenda", RecordTable).set_rows(rows)
        refined = len([r for r in record.refined if r.changed])
        skips = f" · {len(record.skipped)} skipped" if record.skipped else ""
        self.query_one("#agenda-box").border_subtitle = f"{len(rows)} entries · {refined} refined{skips}"

    def show_entry(self) -> None:
        """The entry under discussion, and its votes."""
        if self.context is None:
            return
        record, panel = self.context.refinement, self.query_one(EntryPanel)
        current = record.current
        if current in self.context.items:
            panel.show_item(self.context.items[current], self.context.settings, self.presenter)
        elif current in self.context.topics:
            panel.show_topic(self.context.topics[current])
        else:
            panel.show_nothing()
        item = current if current in self.context.items else ""
        self.query_one(PokerPanel).show(record.voters, record.rounds_of(item) if item else [], self.context.deck, item)
        self.refresh_bindings()

    # -- what the runtime asks -------------------------------------------------------------------

    def current_item(self) -> str:
        if self.context is None:
            return ""
        current = self.context.refinement.current
        return current if current in self.context.items else ""

    def items_in_view(self) -> list[Option]:
        if self.context is None:
            return []
        return [(literal(f"{i.id} {i.title}"), i.id) for i in self.context.items.values()]

    def _times_job(self) -> Callable[[], object]:
        assert self.context is not None and self.clock is not None
        session_id, elapsed = self.context.session.id, self.clock.elapsed()
        seconds = {entry: round(spent) for entry, spent in self.clock.spent.items()}
        return lambda: refinement.save_times(self.ws, session_id, elapsed, seconds)

    def state_job(self) -> Callable[[], object]:
        return self._times_job()

    def end_job(self) -> Callable[[], object]:
        return self._times_job()

    def recap_sections(self, session: RitualSession) -> list[Section]:
        assert self.context is not None
        return recap_sections(session, self.context.deck, list(self.context.topics.values()))

    # -- results of writes -----------------------------------------------------------------------

    def session_saved(self, session: RitualSession) -> None:
        """A write changed the session record: show the agenda and votes as they are on disk."""
        if self.context is not None:
            self.context.session = session
            self.show_all()

    def item_saved(self, item: BacklogItem) -> None:
        """A write changed an item: show it as it is on disk."""
        if self.context is not None:
            self.context.items[item.id] = item
            self.show_all()
