"""A ritual's clock: how long it has run, pauses excluded, against its timebox.

Pure Python with an injected monotonic clock, so that the rules are tested without a screen or
waiting; the TUI only ticks it and shows what it says.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class MeetingClock:
    """Time run so far (carried over when a ritual resumes), and whether it is paused."""

    timebox_seconds: int
    clock: Callable[[], float] = time.monotonic
    #: Seconds already run before this clock was made (a resumed ritual).
    elapsed_before: float = 0.0
    paused: bool = False
    _mark: float | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._mark = self.clock()

    def _settle(self) -> None:
        """Credit the time since the last mark (see :meth:`credit`)."""
        now = self.clock()
        if self._mark is not None and not self.paused:
            delta = now - self._mark
            self.elapsed_before += delta
            self.credit(delta)
        self._mark = now

    def credit(self, seconds: float) -> None:
        """Time that just ran; a ritual that splits its time (the daily's speakers) takes its share."""

    def elapsed(self) -> float:
        """Seconds run, pauses excluded."""
        self._settle()
        return self.elapsed_before

    def over_time(self) -> bool:
        """True once the ritual has run past its timebox."""
        return self.elapsed() > self.timebox_seconds

    def toggle_pause(self) -> bool:
        """Pause or resume; returns True when now paused."""
        self._settle()
        self.paused = not self.paused
        return self.paused
