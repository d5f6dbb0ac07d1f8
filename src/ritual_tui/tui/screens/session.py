"""The screen every ritual stands on: today's session opened or resumed, its clock, the one-key
captures, leaving for home with the ritual kept alive, and ending with a recap.

A ritual's screen names its ``RITUAL`` (declared in ``ritual_tui.rituals``), lays out its own panels,
and fills them in :meth:`RitualSessionScreen.loaded`; the rest is here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.timer import Timer

from ritual_tui.domain.daily_records import Blocker, Note
from ritual_tui.domain.fields import Record
from ritual_tui.domain.meeting import MeetingClock
from ritual_tui.domain.session import RitualSession
from ritual_tui.rituals import ritual_named
from ritual_tui.services import sessions
from ritual_tui.services.capture import BY_NAME, CAPTURE_KINDS, Capture, capture
from ritual_tui.services.sessions import SessionContext
from ritual_tui.tui.modals.capture import CaptureForm, CaptureScreen, Option
from ritual_tui.tui.modals.prompt import Confirm
from ritual_tui.tui.modals.recap import RecapScreen, Section
from ritual_tui.tui.screens.base import RitualScreen
from ritual_tui.tui.text import join
from ritual_tui.tui.widgets.captured import CapturedList
from ritual_tui.tui.widgets.speaker import clock_face

#: How often a running ritual saves its clock, so that a crash loses at most this much of it.
SAVE_EVERY_SECONDS = 30


class RitualSessionScreen(RitualScreen):
    """One ritual in progress."""

    #: The ritual's name, as declared in ``ritual_tui.rituals``.
    RITUAL: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                kind.key,
                f"capture('{kind.name}')",
                kind.name.capitalize() if kind.name != "escalation" else "Escalate",
                id=f"ritual.capture.{kind.name}",
                tooltip=f"Capture {'an' if kind.name[0] in 'aeiou' else 'a'} {kind.title[:1].lower()}{kind.title[1:]}",
            )
            for kind in CAPTURE_KINDS
        ),
        Binding("space", "pause", "Pause", id="ritual.pause", tooltip="Pause or resume the clock"),
        Binding("x", "end", "End", id="ritual.end", tooltip="End the ritual and show the recap"),
        Binding("escape", "leave", "Home", id="ritual.home", tooltip="Back to home (the ritual stays open)"),
    ]
    #: The keys the footer shows first (binding ids), most useful first.
    FOOTER: ClassVar[tuple[str, ...]] = (
        "ritual.capture.blocker",
        "ritual.capture.escalation",
        "ritual.capture.decision",
        "ritual.end",
        "ritual.home",
        "ritual.capture.topic",
        "ritual.capture.note",
        "ritual.pause",
    )
    #: The clock the ritual's timers read; tests stop it so that what the screen shows is stable.
    CLOCK: ClassVar[Callable[[], float]] = time.monotonic

    def __init__(self, new: bool = False) -> None:
        super().__init__()
        #: Start a second session today instead of resuming (the PO asked for it).
        self.new = new
        self.context: SessionContext | None = None
        self.clock: MeetingClock | None = None
        self.ending = False
        self._ticker: Timer | None = None

    @property
    def ritual_title(self) -> str:
        """The ritual's title ("Daily stand-up")."""
        return ritual_named(self.RITUAL).title

    # -- opening ---------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.sub_title = self.ritual_title
        today, new = self.today(), self.new
        self.load(lambda: self.open_context(today, new), self._opened)

    def on_screen_resume(self) -> None:
        if self.clock is not None:
            self.tick()  # back from home: show the time that ran meanwhile at once

    def open_context(self, today: Any, new: bool) -> SessionContext:
        """Read what the ritual needs (runs on a thread); a ritual with more to read overrides it."""
        return sessions.open_session(self.ws, self.RITUAL, today, new)

    def make_clock(self, context: SessionContext) -> MeetingClock:
        """The ritual's clock, carrying on from the time its session has already run."""
        timebox = context.settings.timebox_minutes(self.RITUAL) * 60
        return MeetingClock(timebox, clock=type(self).CLOCK, elapsed_before=context.session.elapsed_seconds or 0)

    def _opened(self, context: SessionContext) -> None:
        self.context = context
        self.ritual_app.set_product(context.settings.product)
        self.clock = self.make_clock(context)
        self._ticker = self.set_interval(1, self.tick)
        self.set_interval(SAVE_EVERY_SECONDS, self.save_state)
        self.query_one(CapturedList).show(context.captured, self.presenter)
        self.loaded(context)
        self.tick()
        self.refresh_bindings()

    def loaded(self, context: SessionContext) -> None:
        """Fill the ritual's own panels."""

    def tick(self) -> None:
        """Redraw the clocks (every second)."""

    def presenter_changed(self) -> None:
        if self.context is not None:
            self.query_one(CapturedList).show(self.context.captured, self.presenter)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to capture into before the session is open, nor once it is ending.
        return not (action in ("capture", "pause", "end") and (self.context is None or self.ending))

    # -- the clock -------------------------------------------------------------------------------

    def action_pause(self) -> None:
        if self.clock is not None:
            self.clock.toggle_pause()
            self.tick()
            self.save_state()

    def state_job(self) -> Callable[[], object]:
        """What to write to keep the ritual's state (its clock); taken now, written on a thread."""
        assert self.context is not None and self.clock is not None
        session_id, elapsed = self.context.session.id, self.clock.elapsed()
        return lambda: sessions.save_clock(self.ws, session_id, elapsed)

    def save_state(self) -> None:
        """Save the ritual's state now (in the background)."""
        if self.context is not None and not self.ending:
            self.write(self.state_job())

    # -- capture ---------------------------------------------------------------------------------

    def speaker(self) -> str:
        """Who captures are attributed to (the daily's current speaker); nobody by default."""
        return ""

    def current_item(self) -> str:
        """The item a capture concerns unless the PO chooses another ("" for none)."""
        return ""

    def items_in_view(self) -> list[Option]:
        """The items a capture may be about."""
        return []

    def capture_form(self, kind: str, text: str = "", ask: str = "", blocker: Blocker | None = None) -> CaptureForm:
        """The form for a capture; escalating a blocker presets its category, severity and item."""
        assert self.context is not None
        settings = self.context.settings
        items = self.items_in_view()
        item = blocker.item if blocker is not None else self.current_item()
        # A blocker's escalation is raised for the one it blocks; a private note is the PO's own.
        if blocker is not None and blocker.owner:
            by = blocker.owner
        else:
            by = settings.po_name() if BY_NAME[kind].private else self.speaker()
        return CaptureForm(
            kind,
            by=by,
            text=text,
            ask=ask,
            items=items,
            item=item if item in [value for _, value in items] else "",
            categories=settings.escalation_categories,
            category=settings.default_category(blocker is not None),
            severities=settings.escalation_severities,
            severity=settings.default_severity(blocker is not None),
            masked=BY_NAME[kind].private and self.presenter,
            blocker=blocker.id if blocker is not None else "",
        )

    def action_capture(self, kind: str) -> None:
        self.open_capture(self.capture_form(kind))

    def open_capture(self, form: CaptureForm) -> None:
        """Show a capture form; Enter saves it at once, and a failed save reopens it with the text."""

        def save(entry: Capture | None) -> None:
            if entry is None or self.context is None:
                return
            entry.by, session_id = form.by, self.context.session.id

            def reopen(_: Exception) -> None:
                form.text, form.ask = entry.text, entry.ask
                self.open_capture(form)

            self.write(lambda: capture(self.ws, session_id, entry), self.captured, reopen)

        self.app.push_screen(CaptureScreen(form), save)

    def captured(self, record: Record) -> None:
        """A capture is on disk: list it (a ritual with more to update extends this)."""
        assert self.context is not None
        self.context.captured.append(record)
        self.query_one(CapturedList).show(self.context.captured, self.presenter)
        # A private note's id on a shared screen would tell the room one was taken.
        hidden = self.presenter and isinstance(record, Note) and record.private
        self.notify("Saved." if hidden else f"Saved {record.id}", markup=False, timeout=2)

    # -- leaving and ending ----------------------------------------------------------------------

    def action_leave(self) -> None:
        self.save_state()
        self.ritual_app.go_home()

    def action_end(self) -> None:
        if self.context is None or self.clock is None or self.ending:
            return
        ran = clock_face(self.clock.elapsed())
        question = join(f"End the {self.ritual_title.lower()}? ", (f"It has run {ran}.", "italic"))

        def answered(yes: object) -> None:
            if yes:
                self.end()

        self.app.push_screen(Confirm(question, "The recap follows; the session is saved either way."), answered)

    def end(self) -> None:
        """End the ritual now: its state saved, the session closed, the recap shown."""
        if self.context is None or self.clock is None or self.ending:
            return
        self.ending = True
        self.refresh_bindings()
        if self._ticker is not None:
            self._ticker.pause()
        before = self.end_job()
        session_id, elapsed = self.context.session.id, self.clock.elapsed()

        def end() -> RitualSession:
            before()
            return sessions.end_session(self.ws, session_id, elapsed)

        self.write(end, self._ended, lambda _: self._not_ended())

    def end_job(self) -> Callable[[], object]:
        """What a ritual saves of its own as it ends (taken now, written on a thread)."""
        return lambda: None

    def _not_ended(self) -> None:
        self.ending = False
        self.refresh_bindings()
        if self._ticker is not None:
            self._ticker.resume()

    def recap_sections(self, session: RitualSession) -> list[Section]:
        """The ritual's own part of the recap."""
        return []

    def _ended(self, session: RitualSession) -> None:
        assert self.context is not None
        recap = RecapScreen(
            self.ritual_title, session, self.context.captured, self.presenter, self.recap_sections(session)
        )
        self.app.push_screen(recap, lambda _: self.ritual_app.ritual_ended(self.RITUAL))
