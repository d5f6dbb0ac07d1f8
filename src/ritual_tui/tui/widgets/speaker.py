"""The current speaker, large, with their countdown and the meeting's timebox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static

from ritual_tui.domain.daily import DailyTimer
from ritual_tui.tui.text import join, literal
from ritual_tui.tui.widgets.bigclock import BigClock


def clock_face(seconds: float) -> str:
    """Seconds as M:SS, with a minus sign once over time."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


class SpeakerPanel(Vertical):
    """Shows a :class:`DailyTimer`; call :meth:`show` on every tick. The countdown takes the room
    the panel has, so it grows with the screen."""

    DEFAULT_CSS = """
    SpeakerPanel { height: 1fr; }
    SpeakerPanel #speaker-name { text-style: bold; color: $accent; }
    SpeakerPanel #countdown { width: 1fr; }
    SpeakerPanel.-over-time #countdown { color: $error; }
    SpeakerPanel.-over-time #speaker-name { color: $error; }
    SpeakerPanel #meeting-bar, SpeakerPanel #meeting-bar Bar { width: 1fr; }
    SpeakerPanel #meeting-bar Bar > .bar--bar { color: $success; }
    SpeakerPanel.-meeting-over #meeting-bar Bar > .bar--bar { color: $error; }
    SpeakerPanel.-meeting-over #meeting-label { color: $error; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="speaker-name")
        yield BigClock(id="countdown")
        yield Static(id="next-up", classes="caption")
        yield Static(id="meeting-label")
        yield ProgressBar(total=100, show_eta=False, show_percentage=False, id="meeting-bar")

    def show(self, timer: DailyTimer) -> None:
        """Redraw from the timer's state."""
        present = timer.present
        if timer.finished:
            self.query_one("#speaker-name", Static).update("Everyone has spoken. Press x to end the daily.")
            remaining = 0.0
        else:
            position = f"  ({timer.current + 1} of {len(present)})"
            paused = "  [paused]" if timer.paused else ""
            self.query_one("#speaker-name", Static).update(join(literal(timer.speaker), position, paused))
            remaining = timer.speaker_remaining()
        self.query_one("#countdown", BigClock).value = clock_face(remaining)
        self.set_class(remaining < 0, "-over-time")
        waiting = timer.present[timer.current + 1 :]
        up_next = join("Next: ", literal(" · ".join(waiting))) if waiting else Content("Last speaker")
        if timer.absent:
            up_next = join(up_next, ("  absent: ", "italic"), literal(", ".join(timer.absent), "italic"))
        self.query_one("#next-up", Static).update("" if timer.finished else up_next)
        elapsed = timer.meeting_elapsed()
        over = elapsed > timer.timebox_seconds
        self.set_class(over, "-meeting-over")
        label = f"Meeting {clock_face(elapsed)} of {clock_face(timer.timebox_seconds)}"
        self.query_one("#meeting-label", Static).update(label + ("  OVER TIME" if over else ""))
        self.query_one("#meeting-bar", ProgressBar).update(
            total=timer.timebox_seconds, progress=min(elapsed, timer.timebox_seconds)
        )
