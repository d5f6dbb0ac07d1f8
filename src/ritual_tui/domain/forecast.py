"""The forecast of a sprint from the team's own history: a range, not a point.

Each past sprint's velocity is scaled to this sprint's capacity (points per person-day then, times
person-days now). Resampling those scaled velocities gives the outcomes the team can expect, each past
sprint an equal share of them: P50 is the points reached in at least half of the outcomes, P85 those
reached in at least 85% of them (so P85 ≤ P50), and the chance of a selection is the share of
outcomes that reach its points.

The shares are computed exactly, as the distribution that drawing sprint after sprint converges to,
rather than by drawing 10,000 of them with a fixed seed: the figures are the same without the draw's
noise, which decided P50 by a coin toss whenever it fell between two sprints (four sprints: exactly
half reach the second best), and every figure can be checked on paper.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import ceil, floor

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.capacity import last_day
from ritual_tui.domain.rules import sprint_figures
from ritual_tui.domain.sprint import Sprint

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
                f"{FEW_SPRINTS} sprints to resample, one good or bad sprint decides the figures."
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
            f"Resampled from the velocities of {span}, each an equal share of the outcomes and scaled by "
            f"this sprint's capacity ({self.capacity_days:g} person-days) ÷ that sprint's capacity. P50: the "
            "points reached in at least half of the outcomes; P85: those reached in at least 85% of them."
        )
        if self.unscaled:
            text += f" Taken unscaled (no capacity recorded): sprint {', '.join(map(str, self.unscaled))}."
        if self.closed_early:
            text += f" Left out (closed before their last day): sprint {', '.join(map(str, self.closed_early))}."
        return text

    def chance(self, points: float) -> float | None:
        """The share of outcomes that reach ``points`` (None without history)."""
        if not self.scaled:
            return None
        return sum(1 for v in self.scaled if v >= points - 1e-9) / len(self.scaled)


def _reached_in(scaled: Sequence[float], share: float) -> int:
    """The whole points reached in at least ``share`` of the outcomes: the k-th best velocity, where
    k is the fewest sprints making up that share."""
    best_first = sorted(scaled, reverse=True)
    k = ceil(share * len(best_first) - 1e-9)
    return floor(best_first[max(k, 1) - 1] + 1e-9)


def forecast(past: Sequence[PastSprint], capacity_days: float) -> Forecast:
    """P50, P85 and chances from the past sprints' capacity-scaled velocities (sprints closed early
    are left out: theirs is not a whole sprint's velocity)."""
    whole = tuple(p for p in past if not p.closed_early)
    early = tuple(p.number for p in past if p.closed_early)
    scaled = tuple(p.scaled(capacity_days) for p in whole)
    if not scaled:
        return Forecast(capacity_days, whole, scaled, None, None, closed_early=early)
    return Forecast(
        capacity_days,
        whole,
        scaled,
        p50=_reached_in(scaled, 0.50),
        p85=_reached_in(scaled, 0.85),
        closed_early=early,
    )
