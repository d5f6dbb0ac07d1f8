"""The forecast of a sprint from the team's own history: a range, not a point.

Each past sprint's velocity is scaled to this sprint's capacity (points per person-day then, times
person-days now). Resampling those scaled velocities many times, with a fixed seed so that the same
history always gives the same figures, gives the outcomes the team can expect: P50 is the points
reached in half of them, P85 the points reached in 85% of them (so P85 ≤ P50), and the chance of a
selection is the share of outcomes that reach its points.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from math import floor

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import last_day
from ritual_tui.domain.rules import sprint_figures
from ritual_tui.domain.sprint import Sprint

#: The seed and number of resampled sprints: fixed, so that a history always forecasts the same.
SEED = 2026
TRIALS = 10_000
#: Below this many closed sprints the range rests on too few outcomes to trust.
FEW_SPRINTS = 3


@dataclass(frozen=True)
class PastSprint:
    """One closed sprint as the forecast reads it."""

    number: int
    committed: float
    completed: float
    #: Person-days it had (None when its file does not say).
    capacity_days: float | None
    #: Closed before its last day: its velocity is not a whole sprint's, so it is not resampled.
    closed_early: bool = False

    def scaled(self, capacity_days: float) -> float:
        """Its velocity had it had ``capacity_days``; unscaled when its own capacity is unknown."""
        if not self.capacity_days:
            return self.completed
        return self.completed * capacity_days / self.capacity_days


def history(sprints: Sequence[Sprint], items: Mapping[str, BacklogItem], last: int = 0) -> list[PastSprint]:
    """The closed sprints, oldest first (only the ``last`` ones when given), committed vs completed."""
    closed = sorted((s for s in sprints if s.status == "closed"), key=lambda s: s.number)
    if last > 0:
        closed = closed[-last:]
    past = []
    for s in closed:
        figures = sprint_figures(s, items)
        early = last_day(s) < s.end
        past.append(PastSprint(s.number, figures.committed_points, figures.completed_points, s.capacity_days, early))
    return past


@dataclass(frozen=True)
class Forecast:
    """What the history says this sprint's capacity can deliver."""

    capacity_days: float
    history: tuple[PastSprint, ...]
    #: Each past sprint's velocity scaled to this sprint's capacity, in the order of ``history``.
    scaled: tuple[float, ...]
    p50: int | None
    p85: int | None
    #: The resampled outcomes, lowest first.
    outcomes: tuple[float, ...] = field(repr=False, default=())
    #: Sprints left out because they were closed before their last day.
    closed_early: tuple[int, ...] = ()

    @property
    def caveat(self) -> str:
        """Why the range cannot be trusted, or "" when the history is long enough."""
        n = len(self.history)
        if n == 0:
            return "No closed sprint yet: there is no history to forecast from. Plan by capacity and judgement."
        if n < FEW_SPRINTS:
            return (
                f"Only {n} closed sprint{'s' if n > 1 else ''}: the range is wide. With fewer than "
                f"{FEW_SPRINTS} outcomes to resample, one good or bad sprint decides the figures."
            )
        if self.capacity_days <= 0:
            return "Nobody is available in this sprint: the capacity is 0 person-days."
        return ""

    @property
    def unscaled(self) -> list[int]:
        """Past sprints taken as they were, since their capacity is not recorded."""
        return [p.number for p in self.history if not p.capacity_days]

    @property
    def how(self) -> str:
        """How the figures were computed, in a sentence a PO can repeat to the room."""
        if not self.history:
            return "No closed sprint to resample: no forecast."
        numbers = [p.number for p in self.history]
        contiguous = numbers == list(range(numbers[0], numbers[-1] + 1))
        span = (
            f"sprint {numbers[0]}"
            if len(numbers) == 1
            else f"sprints {numbers[0]}–{numbers[-1]}"
            if contiguous
            else f"sprints {', '.join(map(str, numbers))}"
        )
        text = (
            f"{TRIALS:,} sprints resampled (seed {SEED}) from the velocities of {span}, each scaled by this "
            f"sprint's capacity ({self.capacity_days:g} person-days) ÷ that sprint's capacity. P50: the points "
            "reached in half of the outcomes; P85: the points reached in 85% of them."
        )
        if self.unscaled:
            text += f" Taken unscaled (no capacity recorded): sprint {', '.join(map(str, self.unscaled))}."
        if self.closed_early:
            text += f" Left out (closed before their last day): sprint {', '.join(map(str, self.closed_early))}."
        return text

    def chance(self, points: float) -> float | None:
        """The share of outcomes that reach ``points`` (None without history)."""
        if not self.outcomes:
            return None
        if points <= 0:
            return 1.0
        return 1 - bisect_left(self.outcomes, points - 1e-9) / len(self.outcomes)


def _reached_in(outcomes: Sequence[float], share: float) -> int:
    """The whole points reached in at least ``share`` of the outcomes (sorted, lowest first)."""
    return floor(outcomes[floor(len(outcomes) * (1 - share))] + 1e-9)


def forecast(past: Sequence[PastSprint], capacity_days: float) -> Forecast:
    """Resample the past sprints' capacity-scaled velocities (fixed seed) into P50, P85 and chances."""
    whole = tuple(p for p in past if not p.closed_early)
    early = tuple(p.number for p in past if p.closed_early)
    scaled = tuple(p.scaled(capacity_days) for p in whole)
    if not scaled:
        return Forecast(capacity_days, whole, scaled, None, None, closed_early=early)
    outcomes = sorted(random.Random(SEED).choices(scaled, k=TRIALS))
    return Forecast(
        capacity_days,
        whole,
        scaled,
        p50=_reached_in(outcomes, 0.50),
        p85=_reached_in(outcomes, 0.85),
        outcomes=tuple(outcomes),
        closed_early=early,
    )
