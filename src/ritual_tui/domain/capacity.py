"""A sprint's dates and the team's capacity in person-days: each member's share of a working day
times the working days they are there. The checks that keep a typo out of a plan live here too."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ritual_tui.domain.errors import ValidationError
from ritual_tui.domain.fields import Part
from ritual_tui.domain.rules import working_days
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.sprint import Sprint

#: A date further than this from today is taken for a typo (0226-11-26 for 2026-11-26).
FURTHEST_DAYS = 366


@dataclass(kw_only=True)
class MemberCapacity(Part):
    """One member's availability for one sprint."""

    name: str
    #: Share of a full working day given to the sprint (1.0 = full time, 0.5 = half time).
    availability: float = 1.0
    #: Working days of the sprint this person is away (holiday, training, sick).
    days_off: list[date] = field(default_factory=list)


def member_days(member: MemberCapacity, start: date, end: date) -> float:
    """Person-days one member gives the sprint: their share × the working days they are there
    (a day off on a weekend costs nothing; a part-timer's day off costs their share of it)."""
    away = len({d for d in member.days_off if start <= d <= end and d.weekday() < 5})
    return member.availability * (working_days(start, end) - away)


def team_capacity(members: Iterable[MemberCapacity], start: date, end: date) -> float:
    """The team's capacity in person-days, rounded to a tenth (what a person reads)."""
    return round(sum(member_days(m, start, end) for m in members), 1)


def default_members(settings: Settings) -> list[MemberCapacity]:
    """The team as the settings describe it: usual availability, nobody away."""
    return [MemberCapacity(name=m.name, availability=m.availability) for m in settings.team]


def default_dates(settings: Settings, last: Sprint | None, today: date) -> tuple[date, date]:
    """A new sprint's dates: from today, or from the day after a sprint still running; as long as
    the settings' sprint length."""
    start = today
    if last is not None and last.status == "active":
        start = max(today, last.end + timedelta(days=1))
    return start, start + timedelta(days=settings.sprint_days - 1)


def last_day(sprint: Sprint) -> date:
    """The day a sprint really ended: its end date, or the day it was closed early."""
    if sprint.closed is not None and sprint.closed.date() < sprint.end:
        return sprint.closed.date()
    return sprint.end


def check_dates(start: date, end: date, settings: Settings, today: date, previous: Sprint | None) -> None:
    """Refuse dates that cannot be meant: a typo far from today, an end before the start, a sprint
    longer than the settings allow, or one that overlaps the sprint before it."""
    for what, day in (("start", start), ("end", end)):
        if abs((day - today).days) > FURTHEST_DAYS:
            raise ValidationError(f"The {what} date {day} is more than a year from today ({today}): a typo?")
    if end < start:
        raise ValidationError(f"The sprint ends ({end}) before it starts ({start}).")
    length = (end - start).days + 1
    if length > settings.longest_sprint_days:
        raise ValidationError(
            f"A sprint of {length} days is longer than the settings allow (longest_sprint_days = "
            f"{settings.longest_sprint_days})."
        )
    # A sprint closed early frees the day it was closed: the next one may start that day.
    free_from = last_day(previous) if previous is not None and last_day(previous) < previous.end else None
    if previous is not None and (start < free_from if free_from else start <= previous.end):
        raise ValidationError(
            f"The sprint would start on {start}, while {previous.id} runs until {last_day(previous)}: "
            "sprints must not overlap."
        )


def check_members(members: Sequence[MemberCapacity], start: date, end: date) -> None:
    """Refuse an availability outside 0–100% and a day off outside the sprint."""
    for m in members:
        if not 0 <= m.availability <= 1:
            raise ValidationError(
                f"{m.name}'s availability is {m.availability * 100:g}%: it must be between 0 and 100%."
            )
        for day in m.days_off:
            if not start <= day <= end:
                raise ValidationError(f"{m.name}'s day off {day} is outside the sprint ({start} to {end}).")
