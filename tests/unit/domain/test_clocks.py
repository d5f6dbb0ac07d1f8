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
    # Ada 30, Cy 20 so far, and Bo 130 (marked absent after talking: his time is kept); the meeting 180.
    assert timer.seconds_by_speaker() == {"Ada": 30, "Cy": 20, "Bo": 130}
    assert timer.meeting_elapsed() == 180


def test_a_shuffle_keeps_who_has_the_floor_and_a_resume_gives_it_back() -> None:
    import random

    clock = FakeClock()
    team = ["Ada", "Bo", "Cy", "Di", "Ed"]
    timer = DailyTimer(timebox_seconds=900, clock=clock, speakers=list(team), speaker_seconds=120)
    timer.next_speaker()
    clock.now += 40  # Bo has talked 40 s
    timer.shuffle(random.Random(7))
    assert (
        timer.speaker == "Bo" and timer.present[:2] == ["Ada", "Bo"] and sorted(timer.present[2:]) == ["Cy", "Di", "Ed"]
    )
    # Read back after a crash: the order, the floor and Bo's 40 s are what the session kept.
    again = DailyTimer(
        timebox_seconds=900, clock=clock, speakers=list(timer.speakers), spoken=dict(timer.spoken), speaker_seconds=120
    )
    again.resume("Bo")
    assert again.speaker == "Bo" and again.speaker_remaining() == 80
    assert timer.seconds_by_speaker() == {"Ada": 0, "Bo": 40}
