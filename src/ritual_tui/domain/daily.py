"""The daily stand-up's clock: speaker order and per-speaker time, on top of the meeting's clock."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from ritual_tui.domain.meeting import MeetingClock


def speaking_order(saved: Sequence[str], team: Sequence[str]) -> list[str]:
    """The speaking order saved on a daily's session, kept for the team as it is now (someone who
    left the team is dropped, someone new joins at the end)."""
    kept = [name for name in saved if name in team]
    return kept + [name for name in team if name not in kept]


@dataclass
class DailyTimer(MeetingClock):
    """Who speaks, for how long, and how the meeting stands against its timebox."""

    speakers: list[str] = field(default_factory=list)
    speaker_seconds: int = 120
    absent: list[str] = field(default_factory=list)
    spoken: dict[str, float] = field(default_factory=dict)
    current: int = 0

    def credit(self, seconds: float) -> None:
        if self.speaker:
            self.spoken[self.speaker] = self.spoken.get(self.speaker, 0.0) + seconds

    def meeting_elapsed(self) -> float:
        """Seconds the meeting has run, pauses excluded."""
        return self.elapsed()

    def speaker_elapsed(self) -> float:
        """Seconds the current speaker has talked."""
        self._settle()
        return self.spoken.get(self.speaker, 0.0) if self.speaker else 0.0

    def speaker_remaining(self) -> float:
        """Seconds left for the current speaker; negative once over time."""
        return self.speaker_seconds - self.speaker_elapsed()

    def meeting_over_time(self) -> bool:
        """True once the meeting has run past its timebox."""
        return self.over_time()

    # -- order -------------------------------------------------------------------------------

    @property
    def present(self) -> list[str]:
        """Speakers in order, absentees left out."""
        return [s for s in self.speakers if s not in self.absent]

    @property
    def speaker(self) -> str:
        """Who has the floor ("" once everyone has spoken or nobody is present)."""
        present = self.present
        return present[self.current] if self.current < len(present) else ""

    @property
    def next_up(self) -> str:
        """Who speaks after the current speaker."""
        present = self.present
        return present[self.current + 1] if self.current + 1 < len(present) else ""

    @property
    def finished(self) -> bool:
        """True once every present speaker has had the floor."""
        return self.speaker == ""

    def next_speaker(self) -> str:
        """Hand the floor to the next speaker; returns them ("" when the round is over)."""
        self._settle()
        if not self.finished:
            self.current += 1
        return self.speaker

    def mark_absent(self) -> str:
        """Mark the current speaker absent; the floor passes on. Returns who was marked."""
        self._settle()
        name = self.speaker
        if name:
            self.absent.append(name)  # current now points at the next present speaker
        return name

    def arrive(self, name: str) -> None:
        """Someone marked absent has arrived: present again, next to speak after the current speaker."""
        self._settle()
        if name not in self.absent:
            return
        self.absent.remove(name)
        others = [s for s in self.speakers if s != name]
        present = [s for s in others if s not in self.absent]
        if self.current < len(present):
            others.insert(others.index(present[self.current]) + 1, name)
        else:  # the round was over: they speak now
            others.insert(others.index(present[-1]) + 1 if present else 0, name)
        self.speakers = others

    def shuffle(self, rng: random.Random | None = None, keep: Sequence[str] = ()) -> None:
        """Shuffle those who have not spoken yet; those who have, and the one holding the floor,
        keep their place."""
        self._settle()
        present = self.present
        done, waiting = present[: self.current + 1], present[self.current + 1 :]
        (rng or random.Random()).shuffle(waiting)
        self.speakers = [*done, *waiting, *self.absent]

    def seconds_by_speaker(self) -> dict[str, int]:
        """Whole seconds each person has talked so far, the one holding the floor included, in
        speaking order; someone marked absent after talking keeps their time."""
        self._settle()
        talked = [name for name in self.speakers if name in self.absent and round(self.spoken.get(name, 0))]
        return {name: round(self.spoken[name]) for name in [*self.present, *talked] if name in self.spoken}

    def resume(self, current_speaker: str) -> None:
        """Carry on a daily read back from its session: the floor goes to who held it, else to the
        first present person who has not spoken yet."""
        present = self.present
        if current_speaker in present:
            self.current = present.index(current_speaker)
        else:
            self.current = len([name for name in present if name in self.spoken])
