"""The rituals' clocks: time run, pauses, resuming with the time already run, and the speakers."""

from __future__ import annotations

from ritual_tui.domain.daily import DailyTimer
from ritual_tui.domain.meeting import MeetingClock


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_resumed_clock_carries_on_from_the_time_already_run_and_pauses() -> None:
    clock = FakeClock()
    meeting = MeetingClock(60, clock=clock, elapsed_before=50)
    clock.now += 5
    assert meeting.elapsed() == 55 and not meeting.over_time()
    meeting.toggle_pause()
    clock.now += 100  # paused: nothing counts
    assert meeting.elapsed() == 55
    meeting.toggle_pause()
    clock.now += 6
    assert meeting.elapsed() == 61 and meeting.over_time()


def test_each_speaker_gets_the_time_they_held_the_floor() -> None:
    clock = FakeClock()
    timer = DailyTimer(timebox_seconds=900, clock=clock, speakers=["Ada", "Bo", "Cy"], speaker_seconds=120)
    clock.now += 30
    assert timer.next_speaker() == "Bo"
    clock.now += 130
    assert timer.speaker_remaining() == -10  # Bo is 10 s over
    assert timer.mark_absent() == "Bo" and timer.speaker == "Cy"
    clock.now += 20
    # Ada 30, Bo 130 (then marked absent: left out of who spoke), Cy 20 so far; the meeting 180.
    assert timer.seconds_by_speaker(include_current=True) == {"Ada": 30, "Cy": 20}
    assert timer.meeting_elapsed() == 180
