"""The current speaker, large, with their countdown and the meeting's timebox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, ProgressBar, Static

from ritual_tui.domain.daily import DailyTimer
from ritual_tui.tui.text import join, literal


def clock_face(seconds: float) -> str:
    """Seconds as M:SS, with a minus sign once over time."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


class SpeakerPanel(Vertical):
    """Shows a :class:`DailyTimer`; call :meth:`show` on every tick."""

    DEFAULT_CSS = """
    SpeakerPanel { height: auto; }
    SpeakerPanel #speaker-name { text-style: bold; color: $accent; }
    SpeakerPanel #countdown { width: auto; }
    SpeakerPanel.-over-time #countdown { color: $error; }
    SpeakerPanel.-over-time #speaker-name { color: $error; }
    SpeakerPanel #meeting-bar Bar > .bar--bar { color: $success; }
    SpeakerPanel.-meeting-over #meeting-bar Bar > .bar--bar { color: $error; }
    SpeakerPanel.-meeting-over #meeting-label { color: $error; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="speaker-name")
        yield Digits("0:00", id="countdown")
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
        self.query_one("#countdown", Digits).update(clock_face(remaining))
        self.set_class(remaining < 0, "-over-time")
        up_next = join("Next: ", literal(timer.next_up)) if timer.next_up else "Last speaker"
        self.query_one("#next-up", Static).update("" if timer.finished else up_next)
        elapsed = timer.meeting_elapsed()
        over = elapsed > timer.timebox_seconds
        self.set_class(over, "-meeting-over")
        label = f"Meeting {clock_face(elapsed)} of {clock_face(timer.timebox_seconds)}"
        self.query_one("#meeting-label", Static).update(label + ("  OVER TIME" if over else ""))
        self.query_one("#meeting-bar", ProgressBar).update(
            total=timer.timebox_seconds, progress=min(elapsed, timer.timebox_seconds)
        )
