"""Progress toward the product goal, as the sprint review shows it: what each roadmap objective has
done to date and has left, the ready work and how many sprints it would feed at the team's velocity
range, and how many sprints the next objective still needs."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ritual_tui.domain.backlog import BacklogItem
from ritual_tui.domain.settings import Settings

#: Statuses of items that are no longer work to do.
FINISHED = ("done", "dropped")


@dataclass(frozen=True)
class VelocityRange:
    """The lowest and highest velocity of the last few closed sprints."""

    low: float
    high: float
    #: How many closed sprints it was taken from.
    sprints: int


def velocity_range(velocities: Sequence[float], window: int) -> VelocityRange | None:
    """The range of the last ``window`` velocities (oldest first); None before any closed sprint."""
    recent = list(velocities)[-window:] if window > 0 else []
    return VelocityRange(min(recent), max(recent), len(recent)) if recent else None


def sprints_for(points: float, speed: VelocityRange | None) -> tuple[float | None, float | None]:
    """How many sprints ``points`` take: fewest at the highest velocity, most at the lowest (None
    where a velocity is zero or unknown)."""
    if speed is None:
        return None, None
    return (points / speed.high if speed.high else None), (points / speed.low if speed.low else None)


def _whole(sprints: float | None) -> int | None:
    # Rounded first, so that 12 points at 4 a sprint are 3 sprints even if the division says 3.0000001.
    return None if sprints is None else math.ceil(round(sprints, 6))


def whole_sprints(span: tuple[float | None, float | None]) -> tuple[int | None, int | None]:
    """A span of sprints rounded up: a sprint started is a sprint spent."""
    return _whole(span[0]), _whole(span[1])


@dataclass(frozen=True)
class ObjectiveProgress:
    """One roadmap objective: done to date, and what is left (neither done nor dropped)."""

    id: str
    title: str
    done_items: int
    done_points: float
    left_items: int
    left_points: float
    #: Items left that have no estimate (their points are not in ``left_points``).
    unestimated_left: int


@dataclass(frozen=True)
class ProductProgress:
    """Where the product stands against its goal."""

    objectives: list[ObjectiveProgress]
    #: Ready items not in a running sprint, and their points.
    ready_items: int
    ready_points: float
    speed: VelocityRange | None
    #: Sprints the ready work feeds: (fewest, most).
    ready_sprints: tuple[float | None, float | None]
    #: The first objective, in the roadmap's order, with work left; and the whole sprints it needs.
    next_objective: ObjectiveProgress | None
    next_sprints: tuple[int | None, int | None]


def _objective(objective_id: str, title: str, items: list[BacklogItem]) -> ObjectiveProgress:
    mine = [i for i in items if i.objective == objective_id]
    done = [i for i in mine if i.status == "done"]
    left = [i for i in mine if i.status not in FINISHED]
    return ObjectiveProgress(
        id=objective_id,
        title=title,
        done_items=len(done),
        done_points=float(sum(i.estimate or 0 for i in done)),
        left_items=len(left),
        left_points=float(sum(i.estimate or 0 for i in left)),
        unestimated_left=len([i for i in left if i.estimate is None]),
    )


def product_progress(
    settings: Settings, items: Iterable[BacklogItem], velocities: Sequence[float], in_flight: Iterable[str] = ()
) -> ProductProgress:
    """Progress per objective (in the roadmap's order), the ready work left outside ``in_flight`` (the
    running sprint's items) and the forecasts at the range of the last closed sprints' velocities."""
    every = list(items)
    busy = set(in_flight)
    objectives = [_objective(o.id, o.title, every) for o in settings.objectives]
    ready = [i for i in every if i.status == "ready" and i.id not in busy]
    ready_points = float(sum(i.estimate or 0 for i in ready))
    speed = velocity_range(velocities, settings.velocity_range_sprints)
    upcoming = next((o for o in objectives if o.left_items), None)
    return ProductProgress(
        objectives=objectives,
        ready_items=len(ready),
        ready_points=ready_points,
        speed=speed,
        ready_sprints=sprints_for(ready_points, speed),
        next_objective=upcoming,
        next_sprints=whole_sprints(sprints_for(upcoming.left_points, speed)) if upcoming else (None, None),
    )
